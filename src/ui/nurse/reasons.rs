//! The call's reasons: searching by label, keyword or synonym, and adding or removing them.

use crate::engine::evaluate;
use crate::guidance::ReasonId;
use crate::ui::intent::{Change, Intent};
use crate::ui::nurse::{CallView, Focus};
use crate::ui::state::AppState;

/// Handles [`Intent::SetSearch`], [`Intent::MoveHighlight`], [`Intent::AddHighlighted`],
/// [`Intent::AddReason`] and [`Intent::RemoveReason`].
pub fn apply(s: &mut AppState, intent: Intent) -> Change {
    let results = if matches!(intent, Intent::AddHighlighted) {
        s.search_results()
    } else {
        Vec::new()
    };
    let Some(c) = &mut s.call else {
        return Change::None;
    };
    match intent {
        Intent::SetSearch(text) => {
            c.search = text;
            c.highlight = 0;
            c.focus = Focus::Search;
            Change::None
        }
        Intent::MoveHighlight(d) => {
            c.highlight = (c.highlight as i64 + d as i64).max(0) as usize;
            Change::None
        }
        Intent::AddHighlighted => {
            let Some(&r) = results.get(c.highlight.min(results.len().saturating_sub(1))) else {
                return Change::None;
            };
            add(c, r);
            c.search.clear();
            c.highlight = 0;
            // The keyboard stays in the search until the nurse moves on (Enter, Tab, an arrow):
            // a second reason's name typed next must never answer a question.
            c.focus = Focus::Search;
            Change::Call
        }
        Intent::AddReason(r) => {
            add(c, r);
            Change::Call
        }
        Intent::RemoveReason(r) => {
            c.assessment.call.remove_reason(r);
            reevaluate(c);
            Change::Call
        }
        _ => Change::None,
    }
}

fn add(c: &mut CallView, r: ReasonId) {
    if let Some(p) = &mut c.practice {
        p.run.add_reason(r);
    }
    c.assessment.call.add_reason(r);
    reevaluate(c);
}

/// The call changed: any decision made is void, and the proposal is worked out again. A focused
/// question no longer asked (its reason removed) gives the keyboard back to the search.
pub fn reevaluate(c: &mut CallView) {
    c.assessment.decision = None;
    c.evaluation = evaluate(&c.guidance, &c.assessment.call);
    if let Focus::Question(q) = c.focus
        && !c.evaluation.is_asked(q)
    {
        c.focus = Focus::Search;
    }
}
