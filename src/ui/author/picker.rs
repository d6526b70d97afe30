//! Choosing folders and files: native dialogs in the app, a stand-in in tests.

use std::path::{Path, PathBuf};

/// Chooses folders and files; the app uses native dialogs, tests put in their own.
pub trait FolderPicker {
    fn pick_folder(&self, start: Option<&Path>) -> Option<PathBuf>;
    /// Where to save a file, suggesting `name`.
    fn save_file(&self, name: &str) -> Option<PathBuf>;
}

/// The native dialog (GTK on Linux).
pub struct NativePicker;

impl FolderPicker for NativePicker {
    fn pick_folder(&self, start: Option<&Path>) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new();
        if let Some(dir) = start {
            dialog = dialog.set_directory(dir);
        }
        dialog.pick_folder()
    }

    fn save_file(&self, name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new().set_file_name(name).save_file()
    }
}
