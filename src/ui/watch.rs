//! Noticing guidance files changed on disk, so the app reloads within a second of an author's
//! save. The app is given a [`Watcher`]: [`NotifyWatcher`] (notify, debounced) in the app, a
//! [`ChannelWatcher`] that the caller drives in tests.

use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

/// Wakes the UI; a watcher calls it from its own thread.
#[derive(Clone)]
pub struct Wake(pub Arc<dyn Fn() + Send + Sync>);

impl Wake {
    /// Wakes nothing (before the first frame).
    pub fn none() -> Wake {
        Wake(Arc::new(|| {}))
    }

    pub fn wake(&self) {
        (self.0)();
    }
}

impl std::fmt::Debug for Wake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Wake")
    }
}

impl PartialEq for Wake {
    fn eq(&self, other: &Wake) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Tells the app that files of the guidance folder changed.
pub trait Watcher {
    /// Watches `dir` and its subfolders instead of any earlier folder, calling `wake` on a
    /// change; `false` when the platform refuses (the app then compares modification times at
    /// every frame).
    fn watch(&mut self, dir: &Path, wake: Wake) -> bool;
    /// Whether a guidance file changed since the last call.
    fn changed(&mut self) -> bool;
}

/// notify's watcher, debounced by a quarter of a second.
#[derive(Default)]
pub struct NotifyWatcher {
    watch: Option<(
        Receiver<DebounceEventResult>,
        Debouncer<notify::RecommendedWatcher>,
    )>,
}

impl Watcher for NotifyWatcher {
    fn watch(&mut self, dir: &Path, wake: Wake) -> bool {
        self.watch = start(dir, wake);
        self.watch.is_some()
    }

    fn changed(&mut self) -> bool {
        let Some((rx, _)) = &self.watch else {
            return false;
        };
        let mut changed = false;
        while let Ok(res) = rx.try_recv() {
            match res {
                Ok(events) => {
                    changed |= events
                        .iter()
                        .any(|e| is_guidance_file(&e.path) || e.path.is_dir())
                }
                // A watcher error: reload to be safe.
                Err(_) => changed = true,
            }
        }
        changed
    }
}

fn start(
    dir: &Path,
    wake: Wake,
) -> Option<(
    Receiver<DebounceEventResult>,
    Debouncer<notify::RecommendedWatcher>,
)> {
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
                wake.wake();
            }
        },
    )
    .ok()?;
    debouncer
        .watcher()
        .watch(dir, RecursiveMode::Recursive)
        .ok()?;
    Some((rx, debouncer))
}

fn is_guidance_file(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "ron")
}

/// A watcher driven by whoever holds the sender: each message is one change.
pub struct ChannelWatcher {
    rx: Receiver<()>,
}

/// A [`ChannelWatcher`] and the sender that reports its changes.
pub fn channel_watcher() -> (Sender<()>, ChannelWatcher) {
    let (tx, rx) = channel();
    (tx, ChannelWatcher { rx })
}

impl Watcher for ChannelWatcher {
    fn watch(&mut self, _dir: &Path, _wake: Wake) -> bool {
        true
    }

    fn changed(&mut self) -> bool {
        let mut changed = false;
        while self.rx.try_recv().is_ok() {
            changed = true;
        }
        changed
    }
}
