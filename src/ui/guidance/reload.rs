//! Loading the guidance in use again, on a worker: on request, when its files change on disk, or
//! from another folder. A reload never touches a call in progress (it holds its own guidance); views that
//! point into the guidance are refreshed or reset.

use std::path::PathBuf;
use std::time::Instant;

use crate::i18n::Msg;
use crate::ui::author::ShownDiagnostic;
use crate::ui::guidance::{Loaded, stamp};
use crate::ui::intent::Intent;
use crate::ui::jobs::{self, Finished, STAMP_EVERY};
use crate::ui::state::{AppState, Notice};
use crate::ui::workbench;
use crate::worker::Job;

/// Handles [`Intent::ReloadGuidance`], [`Intent::PollWork`], [`Intent::OpenGuidance`] and
/// [`Intent::PickGuidanceFolder`].
pub fn apply(s: &mut AppState, intent: Intent) {
    match intent {
        Intent::ReloadGuidance => reload(s),
        Intent::PollWork => poll(s),
        Intent::OpenGuidance(dir) => open(s, dir),
        Intent::PickGuidanceFolder => {
            if let Some(dir) = s.picker.pick_folder(Some(&s.guidance.dir)) {
                open(s, dir);
            }
        }
        _ => {}
    }
}

/// (Re)loads the guidance on a worker; a broken one keeps the last good one in use. Asked again
/// while a load of the same folder runs, it loads once more when that one ends (the files may
/// have changed after it read them).
pub fn reload(s: &mut AppState) {
    s.author.path_input = s.guidance.dir.display().to_string();
    if s.jobs
        .load
        .as_ref()
        .is_some_and(|(d, _)| *d == s.guidance.dir)
    {
        s.jobs.load_again = true;
        return;
    }
    let dir = s.guidance.dir.clone();
    let job = Job::spawn("guidance", {
        let (dir, loader) = (dir.clone(), s.guidance.loader.clone());
        move || loader(&dir)
    });
    s.jobs.load = Some((dir, job));
    s.jobs.load_again = false;
}

/// A finished load of the folder in use: the new guidance (the scenarios run again for the
/// author or trainer, so that an author sees at once what a change did), or its errors.
fn loaded(s: &mut AppState, loaded: Loaded) {
    if s.guidance.finish(loaded) {
        // The map's reason is an index into the old version.
        s.trainer.map_reason = None;
        s.workbench_stale = true;
        workbench::load(s);
    }
    s.author.diagnostics = ShownDiagnostic::all(&s.guidance.errors);
}

/// Every frame: takes in a finished load, and notices changes of the folder on disk, as the
/// watcher reports or, where watching is not possible, by modification times read on a worker
/// every [`STAMP_EVERY`]; a change loads the guidance again.
fn poll(s: &mut AppState) {
    if let Some((dir, finished)) = jobs::take_for(&mut s.jobs.load) {
        s.jobs.applied += 1;
        if dir == s.guidance.dir {
            match finished {
                Finished::Done(l) => loaded(s, l),
                Finished::Failed(e) => s.notice = Some(Notice::Failed(Msg::NoGuidance, e)),
            }
            if std::mem::take(&mut s.jobs.load_again) {
                reload(s);
            }
        }
    }
    if let Some((dir, Finished::Done(stamp))) = jobs::take_for(&mut s.jobs.stamp)
        && dir == s.guidance.dir
        && s.jobs.load.is_none()
        && s.guidance.changed(&stamp)
    {
        reload(s);
    }
    let dir = &s.guidance.dir;
    if s.watching.as_ref().is_none_or(|(d, _)| d != dir) {
        let watched = s.watcher.watch(dir, s.wake.clone());
        s.watching = Some((dir.clone(), watched));
    }
    let watched = s.watching.as_ref().is_some_and(|(_, w)| *w);
    let noticed = if watched {
        s.watcher.changed()
    } else {
        s.jobs
            .stamped_at
            .is_none_or(|at| at.elapsed() >= STAMP_EVERY)
    };
    if noticed && s.jobs.stamp.is_none() {
        let dir = s.guidance.dir.clone();
        let job = Job::spawn("stamp", {
            let dir = dir.clone();
            move || stamp(&dir)
        });
        s.jobs.stamp = Some((dir, job));
        s.jobs.stamped_at = Some(Instant::now());
    }
}

/// Switches to another guidance folder and remembers it. Until it loads, no new call starts
/// (the other folder's guidance is not this one); a call in progress goes on on its own.
fn open(s: &mut AppState, dir: PathBuf) {
    if s.managed.is_locked(crate::config::Setting::Guidance) {
        s.notice = Some(crate::ui::state::Notice::Said(
            crate::i18n::Msg::SourceLocked,
        ));
        return;
    }
    s.settings.chosen.insert(crate::config::Setting::Guidance);
    s.guidance.dir = dir.clone();
    s.guidance.current = None;
    workbench::clear(s);
    reload(s);
    s.settings.recent.retain(|d| *d != dir);
    s.settings.recent.insert(0, dir);
    s.settings.recent.truncate(8);
    s.settings.last_guidance = Some(s.guidance.dir.clone());
}
