//! The guidance in use ([`GuidanceSlot`]): its folder, the last good load and the errors of the
//! last attempt, and what its files looked like then. `reload` is the handler that (re)loads it.

pub mod reload;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use crate::diagnostic::Diagnostic;
use crate::guidance::{Guidance, load_guidance};

pub struct GuidanceSlot {
    pub dir: PathBuf,
    pub current: Option<Arc<Guidance>>,
    /// Errors of the last load; with `current` set, the last good guidance is still in use.
    pub errors: Vec<Diagnostic>,
    stamp: Vec<(PathBuf, Option<SystemTime>)>,
}

impl GuidanceSlot {
    /// The folder `dir`, not loaded yet.
    pub fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            current: None,
            errors: Vec::new(),
            stamp: Vec::new(),
        }
    }

    /// Loads the folder; a broken guidance keeps the last good one in use. True when it loaded.
    pub fn load(&mut self) -> bool {
        self.stamp = stamp(&self.dir);
        match load_guidance(&self.dir) {
            Ok(g) => {
                self.current = Some(Arc::new(g));
                self.errors.clear();
                true
            }
            Err(errors) => {
                self.errors = errors;
                false
            }
        }
    }

    /// Whether a modification time or the set of files changed since the last load. The watcher
    /// also reports files being read (by the load itself, too): without this check the app
    /// would reload for ever.
    pub fn changed_on_disk(&self) -> bool {
        stamp(&self.dir) != self.stamp
    }
}

/// Modification times of the guidance files, to notice a change on disk.
fn stamp(dir: &Path) -> Vec<(PathBuf, Option<SystemTime>)> {
    // The approval record too: an approval written while the app runs shows at once.
    let mut files = vec![
        dir.join(crate::guidance::load::GUIDANCE_FILE),
        dir.join(crate::approval::APPROVAL_FILE),
    ];
    files.extend(crate::scenario::ron_files(
        &dir.join(crate::guidance::load::REASONS_DIR),
    ));
    files
        .into_iter()
        .map(|f| {
            let t = std::fs::metadata(&f).and_then(|m| m.modified()).ok();
            (f, t)
        })
        .collect()
}
