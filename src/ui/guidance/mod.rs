//! The guidance in use ([`GuidanceSlot`]): its folder, the last good load and the errors of the
//! last attempt, and what its files looked like then; [`load`] and [`stamp`] read the folder (on
//! a worker, see `ui::jobs`). `reload` is the handler that (re)loads it.

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
    stamp: Stamp,
    /// Reads the folder, on a worker.
    pub loader: Loader,
}

impl GuidanceSlot {
    /// The folder `dir`, not loaded yet.
    pub fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            current: None,
            errors: Vec::new(),
            stamp: Vec::new(),
            loader: std::sync::Arc::new(load),
        }
    }

    /// Takes in a finished load of the folder; a broken guidance keeps the last good one in use.
    /// True when it loaded.
    pub fn finish(&mut self, loaded: Loaded) -> bool {
        self.stamp = loaded.stamp;
        match loaded.result {
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

    /// Whether a modification time or the set of files differs from those of the last load.
    /// The watcher also reports files being read (by the load itself, too): without this check
    /// the app would reload for ever.
    pub fn changed(&self, now: &Stamp) -> bool {
        *now != self.stamp
    }
}

/// The guidance files' modification times (a missing file: `None`).
pub type Stamp = Vec<(PathBuf, Option<SystemTime>)>;

/// A load of a guidance folder, with the files' times read just before it.
pub struct Loaded {
    pub stamp: Stamp,
    pub result: Result<Guidance, Vec<Diagnostic>>,
}

/// How a folder is loaded: [`load`] in the app; tests put in a deliberately slow one, as of a
/// folder on a hung network share.
pub type Loader = std::sync::Arc<dyn Fn(&Path) -> Loaded + Send + Sync>;

/// Loads the folder `dir` (on a worker: it reads the folder, which may hang).
pub fn load(dir: &Path) -> Loaded {
    Loaded {
        stamp: stamp(dir),
        result: load_guidance(dir),
    }
}

/// Modification times of the guidance files, to notice a change on disk.
pub fn stamp(dir: &Path) -> Stamp {
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
