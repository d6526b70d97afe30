//! Opening a written file (the handbook) in the system's browser; replaceable in tests, as the
//! folder picker is.

use std::path::Path;

/// Opens a file for the user to read.
pub trait Opener {
    /// Shows the file; an error says why it could not be opened.
    fn open(&self, path: &Path) -> Result<(), String>;
}

/// The system's default browser (`webbrowser`: xdg-open on Linux, the shell on Windows).
pub struct SystemOpener;

impl Opener for SystemOpener {
    fn open(&self, path: &Path) -> Result<(), String> {
        webbrowser::open(&path.to_string_lossy()).map_err(|e| e.to_string())
    }
}
