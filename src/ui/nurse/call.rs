//! A call's beginning and end: a new call (Ctrl+N, asked before one in progress is thrown away;
//! or a letter typed on the screen without one), finishing it into the anonymous log,
//! discarding it, and copying its record.

use std::sync::Arc;

use crate::assessment::Assessment;
use crate::guidance::Guidance;
use crate::i18n::{Msg, tr};
use crate::ui::intent::{Change, Intent};
use crate::ui::nurse::{CallView, Focus, autosave};
use crate::ui::state::{AppState, Notice};

/// Handles [`Intent::NewCall`], [`Intent::StartCallTyping`], [`Intent::KeepCall`],
/// [`Intent::FinishCall`] (of a real call) and [`Intent::DiscardCall`].
pub fn apply(s: &mut AppState, intent: Intent) -> Change {
    match intent {
        Intent::NewCall => new_call(s),
        // Only on the screen without a call, and never over a call to restore: a stray letter
        // must not withdraw that offer.
        Intent::StartCallTyping(text) if s.call.is_none() && s.restore_offer.is_none() => {
            let change = new_call(s);
            if let Some(c) = &mut s.call {
                c.search = text;
            }
            change
        }
        Intent::KeepCall => {
            s.confirm_new_call = false;
            Change::None
        }
        Intent::FinishCall => finish(s),
        Intent::DiscardCall => {
            s.call = None;
            autosave::remove(s);
            Change::Call
        }
        _ => Change::None,
    }
}

/// Ctrl+N: a call with anything in it is not thrown away by one stray key press, so the first
/// press during one asks and the second discards it.
fn new_call(s: &mut AppState) -> Change {
    let in_progress = s.call.as_ref().is_some_and(CallView::has_content);
    if in_progress && !s.confirm_new_call {
        s.confirm_new_call = true;
        return Change::None;
    }
    s.confirm_new_call = false;
    match s.guidance.current.clone() {
        // A managed desk starts real calls on approved guidance only (practice and author mode
        // start theirs elsewhere).
        Some(g) if s.require_approval && !g.provenance.approval.is_approved() => {
            s.notice = Some(Notice::Said(Msg::CallNeedsApproval));
            Change::None
        }
        Some(g) => {
            start(s, g);
            Change::Call
        }
        None => Change::None,
    }
}

/// Starts a call on `g`, withdrawing any restore offer.
pub fn start(s: &mut AppState, g: Arc<Guidance>) {
    s.notice = None;
    let assessment = Assessment::new(&g, s.now());
    let mut call = CallView::new(g, assessment);
    // Callers usually open with their reason, so the search box has the keyboard first.
    call.focus = Focus::Search;
    s.call = Some(call);
    s.restore_offer = None;
}

/// Finishes a decided real call. It is reported finished only once its anonymous record is on
/// disk; then the autosave goes.
fn finish(s: &mut AppState) -> Change {
    let lang = s.lang();
    let now = s.now();
    let destination = s.log_destination();
    let Some(c) = &mut s.call else {
        return Change::None;
    };
    if c.assessment.decision.is_none() {
        c.message = Some(tr(lang, Msg::DecideFirst).to_owned());
        return Change::None;
    }
    let mut notice = Notice::Said(Msg::CallFinished);
    if let Some(dest) = destination
        && let Some(record) =
            crate::log::LogRecord::of(&c.guidance, &c.assessment, &c.evaluation, now)
    {
        match dest.append(&record) {
            Ok(crate::log::Delivered::Shared(_)) => {
                // The share is there: records kept here while it was not go to it now.
                if let Err(e) = dest.forward() {
                    notice = Notice::Failed(Msg::LogWrittenLocally, e.to_string());
                }
            }
            Ok(crate::log::Delivered::Local(_, e)) => {
                notice = Notice::Failed(Msg::LogWrittenLocally, e);
            }
            Err(e) => {
                c.message = Some(format!("{}: {e}", tr(lang, Msg::LogFailed)));
                s.notice = Some(Notice::Failed(Msg::LogFailed, e.to_string()));
                return Change::None;
            }
        }
    }
    s.call = None;
    autosave::remove(s);
    s.notice = Some(notice);
    Change::Call
}

/// The record for the clipboard (Ctrl+Shift+C), with a notice that it was copied.
pub fn copy_record(s: &mut AppState) -> Option<String> {
    let text = s.record();
    s.notice = text.as_ref().map(|_| Notice::Said(Msg::Copied));
    text
}
