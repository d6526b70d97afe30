//! The call's flow as the keyboard walks it: the questions asked now, in the engine's order,
//! with "who called" among the patient's basics (while the call's record needs it). Tab and the
//! arrows step along it; an answer goes on to the next stop still open.

use crate::assessment::Caller;
use crate::guidance::{Part, QuestionKind};
use crate::ui::nurse::{CallView, Focus};

/// The stops in order: each question asked now, with [`Focus::Caller`] (when the call must say
/// who called) after the leading basics that are typed (an age), before the first question one
/// key answers: the digits of an age typed just after Tab are the age's, and never fall onto
/// the caller's card, whose keys are 1–4.
pub fn stops(c: &CallView) -> Vec<Focus> {
    let g = &c.guidance;
    let qs = &c.evaluation.questions;
    let mut stops: Vec<Focus> = qs.iter().copied().map(Focus::Question).collect();
    if c.assessment.caller_required {
        let typed_basic = |q: &crate::guidance::QuestionId| {
            let question = g.question(*q);
            question.part == Part::Basic
                && matches!(
                    question.kind,
                    QuestionKind::Age(_) | QuestionKind::Duration(_) | QuestionKind::Number(_)
                )
        };
        let at = qs.iter().position(|q| !typed_basic(q)).unwrap_or(qs.len());
        stops.insert(at, Focus::Caller);
    }
    stops
}

/// A stop still to be answered: who called not chosen, a question without an answer.
pub fn is_open(c: &CallView, f: Focus) -> bool {
    match f {
        Focus::Caller => c.assessment.caller == Caller::NotChosen,
        Focus::Question(q) => c.assessment.call.answer(q).is_none(),
        Focus::Search | Focus::Override | Focus::Notes => false,
    }
}

/// The first stop still open, in flow order.
pub fn first_open(c: &CallView) -> Option<Focus> {
    stops(c).into_iter().find(|f| is_open(c, *f))
}

/// The next open stop after `from` in the flow, else the first open one (`None`: all answered).
pub fn next_open_after(c: &CallView, from: Focus) -> Option<Focus> {
    let stops = stops(c);
    let start = stops.iter().position(|x| *x == from).map_or(0, |i| i + 1);
    stops[start..]
        .iter()
        .chain(&stops[..start])
        .copied()
        .find(|f| is_open(c, *f))
}

/// Where Tab (`step` 1) or Shift+Tab (-1) goes from the focus: the next or the previous stop,
/// the search before the first and after the last. From the search (or a form), forward is the
/// first stop still open, back the last stop.
pub fn step(c: &CallView, step: i32) -> Focus {
    let stops = stops(c);
    match c.focus {
        Focus::Caller | Focus::Question(_) => {
            let at = stops.iter().position(|x| *x == c.focus).unwrap_or(0) as i64;
            usize::try_from(at + i64::from(step))
                .ok()
                .and_then(|i| stops.get(i).copied())
                .unwrap_or(Focus::Search)
        }
        Focus::Search | Focus::Notes | Focus::Override => if step > 0 {
            first_open(c).or(stops.first().copied())
        } else {
            stops.last().copied()
        }
        .unwrap_or(Focus::Search),
    }
}
