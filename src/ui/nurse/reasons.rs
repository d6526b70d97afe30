//! The call's reasons: searching by label, keyword or synonym, adding or removing them, and a
//! red flag found by the search taken to its question (to ask, never answered by choosing it).

use crate::engine::evaluate;
use crate::guidance::ReasonId;
use crate::i18n::Msg;
use crate::search::Hit;
use crate::text::Language;
use crate::ui::intent::{Change, Intent};
use crate::ui::nurse::{CallView, Focus, HITS_SHOWN};
use crate::ui::state::AppState;

/// Handles [`Intent::SetSearch`], [`Intent::MoveHighlight`], [`Intent::AddHighlighted`],
/// [`Intent::AddReason`], [`Intent::RemoveReason`], [`Intent::RemoveLastReason`] and
/// [`Intent::AskRedFlag`].
pub fn apply(s: &mut AppState, intent: Intent) -> Change {
    let lang = s.lang();
    let results = if matches!(intent, Intent::AddHighlighted | Intent::MoveHighlight(_)) {
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
            c.message = None;
            Change::None
        }
        Intent::MoveHighlight(d) => {
            // Only onto a hit on screen.
            let last = results.len().min(HITS_SHOWN).saturating_sub(1);
            c.highlight = (c.highlight as i64 + d as i64).clamp(0, last as i64) as usize;
            Change::None
        }
        Intent::AddHighlighted => {
            let Some(&hit) = results.get(c.highlight.min(results.len().saturating_sub(1))) else {
                return Change::None;
            };
            match hit {
                Hit::RedFlag(i) => ask_red_flag(c, i, lang),
                Hit::Reason(r) => {
                    add(c, r);
                    c.search.clear();
                    c.highlight = 0;
                    // The keyboard stays in the search until the nurse moves on (Enter, Tab, an
                    // arrow): a second reason's name typed next must never answer a question.
                    c.focus = Focus::Search;
                    Change::Call
                }
            }
        }
        Intent::AskRedFlag(i) => ask_red_flag(c, i, lang),
        Intent::AddReason(r) => {
            add(c, r);
            Change::Call
        }
        Intent::RemoveReason(r) => {
            c.assessment.call.remove_reason(r);
            reevaluate(c);
            Change::Call
        }
        Intent::RemoveLastReason => match c.assessment.call.reasons.last().copied() {
            Some(r) => {
                c.assessment.call.remove_reason(r);
                reevaluate(c);
                Change::Call
            }
            None => Change::None,
        },
        _ => Change::None,
    }
}

/// The keyboard to the red flag's question, highlighted, for the nurse to ask it; nothing is
/// answered. A red flag asked only with some reasons brings the first of them (in guidance
/// order) into the call when none is in it yet; one not asked for this patient (its `ask_if`)
/// says so and leaves the keyboard in the search.
fn ask_red_flag(c: &mut CallView, i: usize, lang: Language) -> Change {
    let g = c.guidance.clone();
    let Some(rf) = g.red_flags.get(i) else {
        return Change::None;
    };
    let mut change = Change::None;
    if !rf.is_global()
        && !rf.reasons.iter().any(|r| c.assessment.call.has_reason(*r))
        && let Some(&first) = rf.reasons.iter().min()
    {
        add(c, first);
        change = Change::Call;
    }
    c.search.clear();
    c.highlight = 0;
    if c.evaluation.is_asked(rf.question) && !c.on_emergency_screen() {
        c.focus = Focus::Question(rf.question);
        c.message = None;
    } else {
        c.focus = Focus::Search;
        c.message = Some(Msg::RedFlagNotAskedNow.get(lang).to_owned());
    }
    change
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
    if c.assessment.decision.take().is_some() {
        c.decision_voided = true;
    }
    c.evaluation = evaluate(&c.guidance, &c.assessment.call);
    if let Focus::Question(q) = c.focus
        && !c.evaluation.is_asked(q)
    {
        c.focus = Focus::Search;
    }
}
