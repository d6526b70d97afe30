//! The call's questions: where the keyboard is, who called, answers (asked of the case in
//! practice), the options of a several-of question, numbers typed digit by digit, ages and
//! durations with their unit's key, and free text.

use crate::assessment::Caller;
use crate::call::Value;
use crate::guidance::{QuantitySpec, QuestionId, QuestionKind};
use crate::i18n::{Msg, format_number, tr};
use crate::text::Language;
use crate::ui::intent::{Change, Intent};
use crate::ui::nurse::quantity::{self, Typed};
use crate::ui::nurse::reasons::reevaluate;
use crate::ui::nurse::{CallView, Focus, flow};
use crate::ui::state::AppState;

/// Handles [`Intent::Focus`], [`Intent::FocusNext`], [`Intent::FocusPrevious`],
/// [`Intent::SetCaller`], [`Intent::Answer`], [`Intent::NoneOfThese`], [`Intent::ToggleChoice`], [`Intent::NumberText`] and
/// [`Intent::CommitNumber`].
pub fn apply(s: &mut AppState, intent: Intent) -> Change {
    let lang = s.lang();
    let Some(c) = &mut s.call else {
        return Change::None;
    };
    match intent {
        Intent::Focus(f) => {
            c.focus = f;
            c.number = number_text(c, f);
            Change::None
        }
        Intent::FocusNext => {
            move_focus(c, 1);
            Change::None
        }
        Intent::FocusPrevious => {
            move_focus(c, -1);
            Change::None
        }
        Intent::SetCaller(who) => {
            set_caller(c, who, lang);
            Change::Call
        }
        Intent::Answer(q, v) => {
            answer(c, q, v);
            Change::Call
        }
        Intent::NoneOfThese(q) => Change::call_if(none_of_these(c, q)),
        // In practice the trainee only asks; what the caller says is the case's.
        Intent::ToggleChoice(q, _) if c.practice.is_some() => {
            answer(c, q, Some(Value::CannotSay));
            Change::Call
        }
        // A tick is held until Enter confirms the question (H-49): one sign ticked must not
        // take the call to the emergency screen before the next can be ticked.
        Intent::ToggleChoice(q, i) => {
            if c.focus != Focus::Question(q) {
                c.focus = Focus::Question(q);
                c.number = number_text(c, c.focus);
            }
            c.ticks = Some((q, c.ticked(q) ^ (1u64 << i)));
            Change::None
        }
        Intent::NumberText(text) => {
            c.number = text;
            Change::None
        }
        Intent::CommitNumber => commit_number(c, lang),
        _ => Change::None,
    }
}

/// Who called, chosen on its card (1–4): the keyboard goes on to the next stop still open.
fn set_caller(c: &mut CallView, who: Caller, lang: Language) {
    c.assessment.caller = who;
    if c.message.as_deref() == Some(tr(lang, Msg::ChooseCallerFirst)) {
        c.message = None;
    }
    if c.focus == Focus::Caller {
        go_on(c, Focus::Caller);
    }
}

/// The keyboard on the next stop still open after `from`, else the search.
fn go_on(c: &mut CallView, from: Focus) {
    c.focus = flow::next_open_after(c, from).unwrap_or(Focus::Search);
    c.number = number_text(c, c.focus);
}

/// Answers `q` (or takes its answer back) and moves on to the next unanswered question.
fn answer(c: &mut CallView, q: QuestionId, v: Option<Value>) {
    let g = c.guidance.clone();
    // In practice the trainee asks; the caller's answer is what the case says.
    let v = match &mut c.practice {
        Some(p) if v.is_some() => Some(p.run.ask(&g, &p.case, q)),
        _ => v,
    };
    c.assessment.call.set(q, v);
    c.ticks = None;
    reevaluate(c);
    // After an answer, go on to the next unanswered question (or the search box); an answer
    // taken back keeps its question in focus, to be answered again.
    if v.is_none() {
        c.focus = Focus::Question(q);
        c.number = number_text(c, c.focus);
    } else {
        go_on(c, Focus::Question(q));
    }
}

/// Every unanswered red flag of `q`'s block answered "no" (in practice: each asked of the
/// caller), as if asked one by one; the keyboard goes on to the next unanswered question.
/// Answered ones keep their answers, and any can still be answered yes.
fn none_of_these(c: &mut CallView, q: QuestionId) -> bool {
    let Some(block) = c.red_flag_block(q) else {
        return false;
    };
    let open: Vec<QuestionId> = block
        .iter()
        .copied()
        .filter(|x| c.assessment.call.answer(*x).is_none())
        .collect();
    let Some(&last) = block.last() else {
        return false;
    };
    if open.is_empty() {
        return false;
    }
    let g = c.guidance.clone();
    for x in open {
        let v = match &mut c.practice {
            Some(p) => p.run.ask(&g, &p.case, x),
            None => Value::No,
        };
        c.assessment.call.set(x, Some(v));
    }
    reevaluate(c);
    go_on(c, Focus::Question(last));
    true
}

/// Enter on a number question: the typed number within its range answers it; nothing typed
/// moves on; anything else is refused with the range, never clamped.
fn commit_number(c: &mut CallView, lang: Language) -> Change {
    let Focus::Question(q) = c.focus else {
        return Change::None;
    };
    if c.practice.is_some() {
        answer(c, q, Some(Value::CannotSay));
        return Change::Call;
    }
    let g = c.guidance.clone();
    let spec = match &g.question(q).kind {
        QuestionKind::Number(spec) => spec,
        QuestionKind::Age(spec) | QuestionKind::Duration(spec) => {
            return commit_quantity(c, q, spec, lang);
        }
        QuestionKind::FreeText => return commit_text(c, q),
        _ => return Change::None,
    };
    let text = c.number.trim().replace(',', ".");
    let checked = text
        .parse::<f64>()
        .map(|x| (x, crate::call::check_number(&g.question(q).id, spec, x)));
    match checked {
        Ok((_, Ok(value))) => {
            c.message = None;
            answer(c, q, Some(value));
            Change::Call
        }
        // More decimals than the question allows: refused, never rounded (11.6 weeks is not 12).
        Ok((x, Err(crate::call::AnswerError::TooManyDecimals { decimals, .. }))) => {
            c.message = Some(crate::msg!(TypedDecimals, x, decimals).render(lang));
            Change::None
        }
        _ if text.is_empty() => {
            move_focus(c, 1);
            Change::None
        }
        _ => {
            c.message = Some(format!(
                "{} {}–{}",
                tr(lang, Msg::NumberRange),
                format_number(lang, spec.min, spec.decimals as usize),
                format_number(lang, spec.max, spec.decimals as usize)
            ));
            Change::None
        }
    }
}

/// An age or a duration typed with its unit's key: within the question's units, range and
/// decimals it answers; otherwise it is refused with what the question takes, never rounded.
fn commit_quantity(c: &mut CallView, q: QuestionId, spec: &QuantitySpec, lang: Language) -> Change {
    if c.number.trim().is_empty() {
        move_focus(c, 1);
        return Change::None;
    }
    let g = c.guidance.clone();
    let checked = match quantity::read(&c.number, lang, spec, true) {
        Typed::Complete(x) => crate::call::check_quantity(&g.question(q).id, spec, x),
        _ => {
            c.message =
                Some(crate::msg!(TypeUnitKey, quantity::unit_keys(lang, spec)).render(lang));
            return Change::None;
        }
    };
    match checked {
        Ok(value) => {
            c.message = None;
            answer(c, q, Some(value));
            Change::Call
        }
        Err(crate::call::AnswerError::TooManyDecimals {
            value, decimals, ..
        }) => {
            c.message = Some(if decimals == 0 {
                crate::msg!(TypedWhole, value).render(lang)
            } else {
                crate::msg!(TypedDecimals, value, decimals).render(lang)
            });
            Change::None
        }
        Err(e) => {
            c.message = Some(e.message().render(lang));
            Change::None
        }
    }
}

/// Enter in a free-text answer: the words answer it; nothing written is "cannot say", so that
/// the question does not stay open.
fn commit_text(c: &mut CallView, q: QuestionId) -> Change {
    let words = c.number.trim().to_owned();
    if words.is_empty() {
        answer(c, q, Some(Value::CannotSay));
    } else {
        c.assessment.call.set_text(q, &words);
        reevaluate(c);
        go_on(c, Focus::Question(q));
    }
    Change::Call
}

/// What the focused question's field holds when the keyboard comes to it: its number as
/// written, or its free text's words, for editing them again.
fn number_text(c: &CallView, f: Focus) -> String {
    match f {
        Focus::Question(q) => match (c.assessment.call.answer(q), &c.guidance.question(q).kind) {
            (Some(Value::Number(x)), QuestionKind::Number(spec)) => {
                format!("{x:.*}", spec.decimals as usize)
            }
            (Some(Value::Text), _) => c.assessment.call.text(q).unwrap_or_default().to_owned(),
            _ => String::new(),
        },
        _ => String::new(),
    }
}

fn move_focus(c: &mut CallView, step: i32) {
    c.focus = flow::step(c, step);
    c.number = number_text(c, c.focus);
}
