//! The assessment in progress, kept on disk so that a crash or a kill loses nothing.
//!
//! Written on every change (to a temporary file, flushed, then renamed over the old one, so a
//! reader sees either the old or the new state), readable by the user alone (the data folder
//! 0700, every file in it 0600), and removed when the call is finished or discarded. It holds no
//! name or personal identity code: the app never asks for them. Free text (the notes, the
//! override explanation) is written only when the user asks ([`FreeText`]); the record text is
//! never written. The format is versioned and every earlier version is migrated; a file that
//! does not read is set aside (renamed, never deleted) with a notice, and never blocks start-up.
//!
//! - [`saved`]: what an autosave holds, and the call rebuilt from it;
//! - [`version`]: earlier formats and their migration;
//! - [`slot`]: one file per running app instance.

pub mod saved;
pub mod slot;
pub mod version;

use std::io::{self, Write};
use std::path::Path;

pub use saved::{Autosave, FreeText, SavedDecision, VERSION};
pub use slot::{Slot, claim, orphans};
use version::Unreadable;

use crate::storage;

/// Largest autosave read back: a call's answers and notes are a few kilobytes.
const MAX_AUTOSAVE_BYTES: usize = 1024 * 1024;

/// An autosave that does not read goes to `<name>.corrupt-<n>`.
pub const CORRUPT_MARK: &str = ".corrupt-";

/// Writes atomically and privately ([`storage::write_atomic`]).
pub fn write(path: &Path, save: &Autosave) -> io::Result<()> {
    let text = ron::ser::to_string_pretty(save, ron::ser::PrettyConfig::default())
        .map_err(io::Error::other)?;
    storage::write_atomic(path, text.as_bytes())
}

/// Reads an autosave of any version, migrated to the current one; `Ok(None)` when there is
/// none. `Err` is a notice for the user, naming the file, and nothing to restore: a file that
/// does not parse is set aside into `<name>.corrupt-<n>` (0600, never deleted, so the call can
/// still be read by hand) and the path is free for the next call; one written by a newer Arvio
/// is left where it is for that version; anything but a regular file is refused without
/// blocking.
pub fn read(path: &Path) -> Result<Option<Autosave>, String> {
    let text = match storage::read_text_bounded(path, MAX_AUTOSAVE_BYTES) {
        Ok(text) => text,
        Err(e) if e.is_not_found() => return Ok(None),
        Err(storage::ReadError::Io(e)) if e.kind() == io::ErrorKind::InvalidData => {
            return Err(set_aside(path, &e.to_string()));
        }
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    match version::parse(&text) {
        Ok(save) => Ok(Some(save)),
        Err(Unreadable::Newer(v)) => Err(format!(
            "{}: an autosave of version {v}, newer than this Arvio's {VERSION}: left as it is",
            path.display()
        )),
        Err(Unreadable::Corrupt(why)) => Err(set_aside(path, &why)),
    }
}

/// Sets an unreadable autosave aside and says so.
fn set_aside(path: &Path, why: &str) -> String {
    match storage::set_aside(path, CORRUPT_MARK) {
        Ok(to) => format!(
            "{}: the autosave does not read ({why}); set aside into {}",
            path.display(),
            to.display()
        ),
        Err(e) => format!(
            "{}: the autosave does not read ({why}), and could not be set aside: {e}",
            path.display()
        ),
    }
}

pub fn remove(path: &Path) -> io::Result<()> {
    storage::remove(path)
}

/// Checks at start that autosaves can be written at `path`: its folder is created (0700) and a
/// probe file beside it written, flushed and removed. `Err` names the path and the cause, for
/// the app to show at once rather than at the first failed save.
pub fn check_path(path: &Path) -> Result<(), String> {
    let fail = |e: io::Error| format!("{}: autosave not possible: {e}", path.display());
    if path.symlink_metadata().is_ok_and(|m| m.is_dir()) {
        return Err(fail(io::Error::other("a folder stands at its name")));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        storage::private_dir(dir).map_err(fail)?;
    }
    let probe = path.with_extension("probe");
    storage::remove(&probe).map_err(fail)?;
    let written = storage::create_new_private(&probe)
        .and_then(|mut f| f.write_all(b"probe").and_then(|()| f.sync_all()));
    let removed = storage::remove(&probe);
    written.and(removed).map_err(fail)
}
