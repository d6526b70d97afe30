//! The keys on a focused question: up and down the flow, `/` to the search, the answer keys of
//! the interface language, 1–9 for options (Enter confirms those ticked, the "no" key says none
//! of them), digits for numbers, digits and a unit's key for ages
//! and durations, Shift with the "no" key for "none of these" on a red flag, and Space to ask in
//! practice (and nothing otherwise). In a free-text answer only Enter, Tab and the arrows are
//! keys.

use egui::{Event, InputState, Key, Modifiers};

use crate::call::Value;
use crate::guidance::{QuantitySpec, QuestionId, QuestionKind};
use crate::text::Language;
use crate::ui::intent::Intent;
use crate::ui::keys::answer::{OPTION_KEYS, answer_keys};
use crate::ui::nurse::quantity::{Typed, read};
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
    if matches!(question.kind, QuestionKind::FreeText) {
        return free_text(i, c, out);
    }
    if i.consume_key(Modifiers::SHIFT, Key::Tab) || i.consume_key(Modifiers::NONE, Key::ArrowUp) {
        out.push(Intent::FocusPrevious);
    }
    if i.consume_key(Modifiers::NONE, Key::Tab) || i.consume_key(Modifiers::NONE, Key::ArrowDown) {
        out.push(Intent::FocusNext);
    }
    // Typed quantities take the slash and the letters themselves.
    let typed = matches!(
        question.kind,
        QuestionKind::Age(_) | QuestionKind::Duration(_)
    );
    if !typed && i.consume_key(Modifiers::NONE, Key::Slash) {
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
    if !typed
        && (i.consume_key(Modifiers::NONE, cannot)
            || i.consume_key(Modifiers::NONE, Key::Minus)
                && !matches!(question.kind, QuestionKind::Number(_)))
    {
        out.push(Intent::Answer(q, Some(Value::CannotSay)));
    }
    match &question.kind {
        QuestionKind::Age(spec) | QuestionKind::Duration(spec) => {
            quantity(i, c, spec, lang, (cannot, q), out)
        }
        QuestionKind::FreeText => {}
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
            let ticked = c.ticked(q);
            if i.consume_key(Modifiers::NONE, Key::Enter) {
                // Enter confirms the ticked options: only now do they count (H-49). With none
                // ticked it only moves on: an Enter pressed out of habit after an age's unit key
                // never answers "none" (H-53).
                out.push(if ticked == 0 {
                    Intent::FocusNext
                } else {
                    Intent::Answer(q, Some(Value::Choices(ticked)))
                });
            }
            // The "no" key: none of the options, while none is ticked.
            if ticked == 0 && i.consume_key(Modifiers::NONE, no) {
                out.push(Intent::Answer(q, Some(Value::Choices(0))));
            }
        }
        QuestionKind::Number(_) => number(i, c, out),
    }
    // Text events of answered keys must not reach any widget.
    i.events.retain(|e| !matches!(e, Event::Text(_)));
}

/// The free-text field has the keyboard: every character is the nurse's words (the field's
/// own); only Enter (the words answer), Tab and the arrows up and down (moving on, Tab with the
/// words written keeping them) are keys.
fn free_text(i: &mut InputState, c: &CallView, out: &mut Vec<Intent>) {
    if i.consume_key(Modifiers::SHIFT, Key::Tab) || i.consume_key(Modifiers::NONE, Key::ArrowUp) {
        out.push(Intent::FocusPrevious);
    }
    if i.consume_key(Modifiers::NONE, Key::Tab) || i.consume_key(Modifiers::NONE, Key::ArrowDown) {
        out.push(if c.number.trim().is_empty() {
            Intent::FocusNext
        } else {
            Intent::CommitNumber
        });
    }
    if i.consume_key(Modifiers::NONE, Key::Enter) {
        out.push(Intent::CommitNumber);
    }
}

/// An age or a duration: digits (and the decimal point the question allows), then the unit's
/// key, which answers at once when it names one unit; Enter takes what is typed. With nothing
/// typed the cannot-say key (or `-`) answers "cannot say", since in Swedish and English it is
/// also a unit's key.
fn quantity(
    i: &mut InputState,
    c: &CallView,
    spec: &QuantitySpec,
    lang: Language,
    (cannot, q): (Key, QuestionId),
    out: &mut Vec<Intent>,
) {
    if c.number.is_empty()
        && (i.consume_key(Modifiers::NONE, cannot) || i.consume_key(Modifiers::NONE, Key::Minus))
    {
        out.push(Intent::Answer(q, Some(Value::CannotSay)));
        i.events.retain(|e| !matches!(e, Event::Text(_)));
        return;
    }
    // Digits, a unit's letters (lowercased) and a decimal point or comma.
    let typed = edit_typed(i, &c.number, |ch| {
        ch.is_ascii_digit() || ch.is_alphabetic() || ch == '.' || ch == ','
    });
    if let Some(text) = typed {
        out.push(Intent::NumberText(text.to_lowercase()));
        if let Typed::Complete(_) = read(&text.to_lowercase(), lang, spec, false) {
            out.push(Intent::CommitNumber);
        }
    }
    if i.consume_key(Modifiers::NONE, Key::Enter) {
        out.push(Intent::CommitNumber);
    }
}

/// Digits, a decimal point or comma and Backspace edit the typed number; Enter commits it.
fn number(i: &mut InputState, c: &CallView, out: &mut Vec<Intent>) {
    if let Some(text) = edit_typed(i, &c.number, |ch| {
        ch.is_ascii_digit() || ch == '.' || ch == ','
    }) {
        out.push(Intent::NumberText(text));
    }
    if i.consume_key(Modifiers::NONE, Key::Enter) {
        out.push(Intent::CommitNumber);
    }
}

/// The typed text `start` edited by this frame's text whose every character `accept` takes (and
/// Backspace), those events consumed; `None` when nothing changed it.
fn edit_typed(i: &mut InputState, start: &str, accept: impl Fn(char) -> bool) -> Option<String> {
    let mut text = start.to_owned();
    let mut changed = false;
    i.events.retain(|e| match e {
        Event::Text(t) if t.chars().all(&accept) => {
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
    changed.then_some(text)
}
