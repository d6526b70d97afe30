//! The keys on a focused question: up and down the flow, `/` to the search, the answer keys of
//! the interface language, 1–9 for options, digits for numbers, Shift with the "no" key for
//! "none of these" on a red flag, and Space to ask in practice (and nothing otherwise).

use egui::{Event, InputState, Key, Modifiers};

use crate::call::Value;
use crate::guidance::{QuestionId, QuestionKind};
use crate::text::Language;
use crate::ui::intent::Intent;
use crate::ui::keys::answer::{OPTION_KEYS, answer_keys};
use crate::ui::nurse::{CallView, Focus};

pub fn keys(
    i: &mut InputState,
    c: &CallView,
    q: QuestionId,
    lang: Language,
    out: &mut Vec<Intent>,
) {
    let question = c.guidance.question(q);
    let [(yes, _), (no, _), (cannot, _)] = answer_keys(lang);
    if i.consume_key(Modifiers::SHIFT, Key::Tab) || i.consume_key(Modifiers::NONE, Key::ArrowUp) {
        out.push(Intent::FocusPrevious);
    }
    if i.consume_key(Modifiers::NONE, Key::Tab) || i.consume_key(Modifiers::NONE, Key::ArrowDown) {
        out.push(Intent::FocusNext);
    }
    if i.consume_key(Modifiers::NONE, Key::Slash) {
        out.push(Intent::Focus(Focus::Search));
    }
    // Space asks the caller in practice; otherwise it does nothing, and never reaches a widget.
    if i.consume_key(Modifiers::NONE, Key::Space)
        && c.practice.is_some()
        && c.assessment.call.answer(q).is_none()
    {
        out.push(Intent::Answer(q, Some(Value::CannotSay)));
    }
    // Shift with the "no" key: none of the red flags of this block (a key without Shift below
    // would take it too, so this goes first).
    if c.red_flag_block(q).is_some() && i.consume_key(Modifiers::SHIFT, no) {
        out.push(Intent::NoneOfThese(q));
    }
    if i.consume_key(Modifiers::NONE, cannot)
        || i.consume_key(Modifiers::NONE, Key::Minus)
            && !matches!(question.kind, QuestionKind::Number(_))
    {
        out.push(Intent::Answer(q, Some(Value::CannotSay)));
    }
    match &question.kind {
        // Typing ages, durations and free text is for the question panel's next step.
        QuestionKind::Age(_) | QuestionKind::Duration(_) | QuestionKind::FreeText => {}
        QuestionKind::YesNo => {
            if i.consume_key(Modifiers::NONE, yes) {
                out.push(Intent::Answer(q, Some(Value::Yes)));
            }
            if i.consume_key(Modifiers::NONE, no) {
                out.push(Intent::Answer(q, Some(Value::No)));
            }
            if i.consume_key(Modifiers::NONE, Key::Enter) {
                out.push(Intent::FocusNext);
            }
        }
        QuestionKind::OneOf(opts) => {
            for (n, key) in OPTION_KEYS.iter().enumerate().take(opts.len()) {
                if i.consume_key(Modifiers::NONE, *key) {
                    out.push(Intent::Answer(q, Some(Value::Choice(n as u8))));
                }
            }
            if i.consume_key(Modifiers::NONE, Key::Enter) {
                out.push(Intent::FocusNext);
            }
        }
        QuestionKind::SeveralOf(opts) => {
            for (n, key) in OPTION_KEYS.iter().enumerate().take(opts.len()) {
                if i.consume_key(Modifiers::NONE, *key) {
                    out.push(Intent::ToggleChoice(q, n as u8));
                }
            }
            if i.consume_key(Modifiers::NONE, Key::Enter) {
                // Enter confirms the ticked options (none ticked is an answer too).
                let v = c.assessment.call.answer(q).unwrap_or(Value::Choices(0));
                out.push(Intent::Answer(q, Some(v)));
            }
        }
        QuestionKind::Number(_) => number(i, c, out),
    }
    // Text events of answered keys must not reach any widget.
    i.events.retain(|e| !matches!(e, Event::Text(_)));
}

/// Digits, a decimal point or comma and Backspace edit the typed number; Enter commits it.
fn number(i: &mut InputState, c: &CallView, out: &mut Vec<Intent>) {
    let mut text = c.number.clone();
    let mut changed = false;
    i.events.retain(|e| match e {
        Event::Text(t)
            if t.chars()
                .all(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',') =>
        {
            text.push_str(t);
            changed = true;
            false
        }
        Event::Key {
            key: Key::Backspace,
            pressed: true,
            ..
        } => {
            text.pop();
            changed = true;
            false
        }
        _ => true,
    });
    if changed {
        out.push(Intent::NumberText(text));
    }
    if i.consume_key(Modifiers::NONE, Key::Enter) {
        out.push(Intent::CommitNumber);
    }
}
