//! Loading the guidance in use again: on request, when its files change on disk, or from another
//! folder. A reload never touches a call in progress (it holds its own guidance); views that
//! point into the guidance are refreshed or reset.

use std::path::PathBuf;

use crate::ui::author::ShownDiagnostic;
use crate::ui::intent::Intent;
use crate::ui::state::AppState;
use crate::ui::workbench;

/// Handles [`Intent::ReloadGuidance`], [`Intent::PollGuidance`], [`Intent::OpenGuidance`] and
/// [`Intent::PickGuidanceFolder`].
pub fn apply(s: &mut AppState, intent: Intent) {
    match intent {
        Intent::ReloadGuidance => reload(s),
        Intent::PollGuidance => poll(s),
        Intent::OpenGuidance(dir) => open(s, dir),
        Intent::PickGuidanceFolder => {
            if let Some(dir) = s.picker.pick_folder(Some(&s.guidance.dir)) {
                open(s, dir);
            }
        }
        _ => {}
    }
}

/// (Re)loads the guidance; a broken one keeps the last good one in use. The scenarios run on
/// every reload the author or trainer sees, so an author sees at once what a change did.
pub fn reload(s: &mut AppState) {
    s.author.path_input = s.guidance.dir.display().to_string();
    if s.guidance.load() {
        // The map's reason is an index into the old version.
        s.trainer.map_reason = None;
        s.workbench_stale = true;
        workbench::load(s);
    }
    s.author.diagnostics = ShownDiagnostic::all(&s.guidance.errors);
}

/// Reloads when a file of the guidance folder changed on disk: as the watcher reports, or by
/// modification times at every frame where watching is not possible.
fn poll(s: &mut AppState) {
    let dir = &s.guidance.dir;
    if s.watching.as_ref().is_none_or(|(d, _)| d != dir) {
        let watched = s.watcher.watch(dir, s.wake.clone());
        s.watching = Some((dir.clone(), watched));
    }
    let watched = s.watching.as_ref().is_some_and(|(_, w)| *w);
    let noticed = !watched || s.watcher.changed();
    if noticed && s.guidance.changed_on_disk() {
        reload(s);
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
