//! Noticing guidance files changed on disk (notify, debounced), so the app reloads within a
//! second of an author's save.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

/// Wakes the UI; the watcher calls it from its own thread.
pub type Wake = std::sync::Arc<dyn Fn() + Send + Sync>;

pub struct Watch {
    pub dir: PathBuf,
    rx: Receiver<DebounceEventResult>,
    _debouncer: Debouncer<notify::RecommendedWatcher>,
}

impl Watch {
    /// Watches `dir` and its subfolders; `None` when the platform refuses (the app then polls).
    pub fn new(dir: &Path, wake: Wake) -> Option<Watch> {
        let (tx, rx) = channel();
        let mut debouncer = new_debouncer(
            Duration::from_millis(250),
            move |res: DebounceEventResult| {
                // Only guidance files matter; listing the folder must not wake the UI, or the
                // app's own look at the folder would wake it again, for ever.
                let relevant = res.as_ref().map_or(true, |events| {
                    events.iter().any(|e| is_guidance_file(&e.path))
                });
                if relevant {
                    let _ = tx.send(res);
                    wake();
                }
            },
        )
        .ok()?;
        debouncer
            .watcher()
            .watch(dir, RecursiveMode::Recursive)
            .ok()?;
        Some(Watch {
            dir: dir.to_path_buf(),
            rx,
            _debouncer: debouncer,
        })
    }

    /// Whether any `.ron` file changed since the last call.
    pub fn changed(&self) -> bool {
        let mut changed = false;
        while let Ok(res) = self.rx.try_recv() {
            match res {
                Ok(events) => {
                    changed |= events
                        .iter()
                        .any(|e| e.path.extension().is_some_and(|x| x == "ron") || e.path.is_dir())
                }
                // A watcher error: reload to be safe.
                Err(_) => changed = true,
            }
        }
        changed
    }
}

fn is_guidance_file(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "ron")
}
