//! One autosave file per running app instance, each held by a lock, and the files that
//! instances no longer running left behind.

use std::fs;
use std::path::{Path, PathBuf};

use crate::storage;

/// How many app instances may keep an autosave side by side.
const SLOTS: usize = 16;

/// The autosave file of one app instance, with the lock that keeps other instances off it.
#[derive(Debug)]
pub struct Slot {
    pub path: PathBuf,
    _lock: fs::File,
}

/// `base`, then `base-2`, `base-3`, …: one file per running instance.
fn candidates(base: &Path) -> impl Iterator<Item = PathBuf> + '_ {
    (1..=SLOTS).map(move |n| {
        if n == 1 {
            return base.to_path_buf();
        }
        let stem = base
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ext = base
            .extension()
            .map(|e| format!(".{}", e.to_string_lossy()))
            .unwrap_or_default();
        base.with_file_name(format!("{stem}-{n}{ext}"))
    })
}

fn lock_path(path: &Path) -> PathBuf {
    path.with_extension("lock")
}

/// Takes the first autosave file no other running instance holds. Two windows of the app then
/// never overwrite, or delete, each other's call in progress. The data folder is made private
/// (0700), an existing one narrowed.
pub fn claim(base: &Path) -> Option<Slot> {
    if let Some(dir) = base.parent().filter(|d| !d.as_os_str().is_empty()) {
        storage::private_dir(dir).ok()?;
    }
    candidates(base).find_map(|path| {
        let lock = storage::try_lock_file(&lock_path(&path))?;
        Some(Slot { path, _lock: lock })
    })
}

/// Autosaves left by instances that are no longer running (their lock is free), and the one in
/// this instance's own slot, which a previous run left behind.
pub fn orphans(base: &Path, own: &Path) -> Vec<PathBuf> {
    candidates(base)
        .filter(|path| path.exists())
        .filter(|path| path == own || storage::lock_is_free(&lock_path(path)))
        .collect()
}
