//! The call in progress on disk: this instance's autosave slot, the offer of a call a crashed
//! instance left, and when the autosave is written (every change of the call; notes being typed
//! within [`NOTES_SAVED_WITHIN`]).

use chrono::TimeDelta;

use crate::autosave::{self, Autosave, FreeText};
use crate::i18n::{Msg, tr};
use crate::ui::intent::Change;
use crate::ui::nurse::CallView;
use crate::ui::state::{AppState, Notice};

/// Notes typed are in the autosave at most this long after the first unsaved keystroke.
pub const NOTES_SAVED_WITHIN: TimeDelta = TimeDelta::seconds(2);

/// Claims this instance's autosave file at start-up and offers back the most recent call a
/// crashed instance (or this slot's last run) left.
pub fn claim(s: &mut AppState) {
    let Some(base) = s.autosave_path.take() else {
        return;
    };
    let Some(slot) = autosave::claim(&base) else {
        s.notice = Some(Notice::Said(Msg::AutosaveFailed));
        return;
    };
    for path in autosave::orphans(&base, &slot.path) {
        match autosave::read(&path) {
            Ok(Some(save))
                if s.restore_offer
                    .as_ref()
                    .is_none_or(|o| o.started < save.started) =>
            {
                s.restore_offer = Some(save);
                s.restore_source = Some(path);
            }
            Ok(_) => {}
            Err(e) => s.notice = Some(Notice::Text(e)),
        }
    }
    // An unusable place for the autosave is said at start, not at the first failed save.
    if let Err(e) = autosave::check_path(&slot.path) {
        s.notice = Some(Notice::Failed(Msg::AutosaveFailed, e));
    }
    s.autosave_path = Some(slot.path.clone());
    s.autosave_slot = Some(slot);
}

/// Writes the call in progress (a practice call never: it must not come back as a real one).
pub fn save(s: &mut AppState) {
    s.autosave_pending = None;
    let (Some(path), Some(c)) = (&s.autosave_path, &s.call) else {
        return;
    };
    if c.practice.is_some() {
        return;
    }
    if let Err(e) = autosave::write(
        path,
        &Autosave::of(&c.guidance, &c.assessment, free_text(s)),
    ) {
        s.notice = Some(Notice::Failed(Msg::AutosaveFailed, e.to_string()));
    }
}

/// Notes were typed: remembers since when they are not on disk.
pub fn hold(s: &mut AppState) {
    if s.autosave_pending.is_none() {
        s.autosave_pending = Some(s.now());
    }
}

/// Whether typed notes have waited long enough for the autosave.
pub fn due(s: &AppState) -> bool {
    s.autosave_pending
        .is_some_and(|since| s.now() - since >= NOTES_SAVED_WITHIN)
}

/// Handles [`crate::ui::intent::Intent::SaveAutosave`]: the notes typed since the last write.
pub fn flush(s: &AppState) -> Change {
    Change::call_if(s.autosave_pending.is_some())
}

/// Removes this instance's autosave (the call ended).
pub fn remove(s: &mut AppState) {
    s.autosave_pending = None;
    if let Some(path) = &s.autosave_path
        && let Err(e) = autosave::remove(path)
    {
        s.notice = Some(Notice::Failed(Msg::AutosaveFailed, e.to_string()));
    }
}

/// Takes up the offered call, on the guidance in use. The caller writes it into this
/// instance's own file and then removes the crashed one's ([`remove_restore_source`]).
pub fn restore(s: &mut AppState) -> Change {
    let (Some(save), Some(g)) = (s.restore_offer.take(), s.guidance.current.clone()) else {
        return Change::None;
    };
    let (assessment, dropped) = save.restore(&g);
    let message = (!save.matches(&g) || !dropped.is_empty()).then(|| {
        format!(
            "{} {}",
            tr(s.lang(), Msg::RestoredOtherGuidance),
            dropped.join(", ")
        )
    });
    let mut call = CallView::new(g, assessment);
    call.message = message;
    s.call = Some(call);
    Change::Call
}

/// Removes the file the restore offer came from, unless it is this instance's own.
pub fn remove_restore_source(s: &mut AppState) {
    if let Some(source) = s.restore_source.take()
        && Some(&source) != s.autosave_path.as_ref()
    {
        let _ = autosave::remove(&source);
    }
}

/// Declines the offer: the crashed instance's call is removed from disk.
pub fn decline(s: &mut AppState) {
    s.restore_offer = None;
    if let Some(source) = s.restore_source.take() {
        let _ = autosave::remove(&source);
    }
}

/// What of the call's free text the autosave may hold: only what the user allowed in the
/// settings (off by default).
fn free_text(s: &AppState) -> FreeText {
    if s.settings.autosave_free_text {
        FreeText::Keep
    } else {
        FreeText::Omit
    }
}
