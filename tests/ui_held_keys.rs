//! A key held down counts once (H-54). The system repeats a held key about 30 times a second
//! after half a second; each test holds a key as a keyboard sends it (the press again and
//! again without its release, each with the character it types) on the real app, and asserts
//! that only the first press did anything, but where a repeat only moves or types into a text
//! field.
#![cfg(feature = "gui")]

mod common;
mod ui_support;

use std::path::PathBuf;

use arvio::call::Value;
use arvio::ui::nurse::Focus;
use egui::{Key, Modifiers};
use ui_support::{
    App, app, call_view, decided_cough_call, new_call, press, type_keys,
    urinary_call_at_the_first_red_flag,
};

/// How many times the held key arrives: its press and this many repeats, about a second held.
const REPEATS: usize = 25;

/// Holds `key` (with `modifiers`) down for its press and [`REPEATS`] repeats, each with the
/// character `text` it types, a frame each, then lets it go.
fn hold(h: &mut App, modifiers: Modifiers, key: Key, text: Option<&str>) {
    h.event(egui::Event::ModifiersChanged(modifiers));
    for _ in 0..=REPEATS {
        h.event(egui::Event::Key {
            key,
            pressed: true,
            repeat: false, // egui marks every press after the first as a repeat
            modifiers,
            physical_key: None,
        });
        if let Some(text) = text {
            h.event(egui::Event::Text(text.into()));
        }
        h.run();
    }
    h.event(egui::Event::Key {
        key,
        pressed: false,
        repeat: false,
        modifiers,
        physical_key: None,
    });
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    h.run();
}

fn answered(h: &App) -> usize {
    call_view(h).assessment.call.answered().count()
}

#[test]
fn the_no_key_held_on_a_red_flag_answers_that_red_flag_only() {
    let mut h = app(PathBuf::from("rules/default"));
    let first = urinary_call_at_the_first_red_flag(&mut h);
    let before = answered(&h);
    hold(&mut h, Modifiers::NONE, Key::E, Some("e"));
    let c = call_view(&h);
    assert_eq!(
        c.assessment.call.answer(first),
        Some(Value::No),
        "the red flag held on"
    );
    assert_eq!(
        answered(&h),
        before + 1,
        "the repeats answered no card after it"
    );
    let Focus::Question(next) = c.focus else {
        panic!("the keyboard went on to the next card: {:?}", c.focus)
    };
    assert_ne!(next, first);
    assert_eq!(
        c.assessment.call.answer(next),
        None,
        "the next red flag is open"
    );
    // A second press, the nurse's own, answers it.
    press(&mut h, Key::E);
    assert_eq!(call_view(&h).assessment.call.answer(next), Some(Value::No));
}

#[test]
fn the_yes_key_held_answers_one_card_and_a_held_digit_types_one_digit() {
    let mut h = app(PathBuf::from("rules/default"));
    new_call(&mut h);
    type_keys(&mut h, "virtsa");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Tab);
    // The age's card: a held 3 is one digit, not "3333…".
    hold(&mut h, Modifiers::NONE, Key::Num3, Some("3"));
    assert_eq!(call_view(&h).number, "3");
    assert_eq!(answered(&h), 0);
    // "k" (kuukautta, months) answers the age; held, it never goes on to answer the next card
    // "kyllä".
    hold(&mut h, Modifiers::NONE, Key::K, Some("k"));
    assert_eq!(answered(&h), 1, "only the age is answered");
    let c = call_view(&h);
    assert!(
        c.assessment.call.answered().all(|(_, v)| v != Value::Yes),
        "no card is answered yes"
    );
}

#[test]
fn ctrl_n_held_asks_and_never_discards_the_call_in_progress() {
    let mut h = app(PathBuf::from("rules/default"));
    new_call(&mut h);
    type_keys(&mut h, "virtsa");
    press(&mut h, Key::Enter);
    hold(&mut h, Modifiers::COMMAND, Key::N, None);
    assert!(h.state().state.confirm_new_call, "the first press asks");
    assert_eq!(
        call_view(&h).assessment.call.reasons.len(),
        1,
        "the call with its reason is still there"
    );
    // Esc keeps it; a deliberate second Ctrl+N would discard it.
    press(&mut h, Key::Escape);
    assert!(!h.state().state.confirm_new_call);
    assert_eq!(call_view(&h).assessment.call.reasons.len(), 1);
}

#[test]
fn ctrl_enter_held_accepts_and_never_finishes_the_call() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    decided_cough_call(&mut h);
    assert!(call_view(&h).assessment.decision.is_none());
    hold(&mut h, Modifiers::COMMAND, Key::Enter, None);
    let c = call_view(&h); // the call is still on screen
    assert!(c.assessment.decision.is_some(), "the first press accepted");
}

#[test]
fn a_letter_held_in_the_search_types_as_in_any_text_field_and_backspace_deletes() {
    let mut h = app(PathBuf::from("rules/default"));
    new_call(&mut h);
    type_keys(&mut h, "k");
    hold(&mut h, Modifiers::NONE, Key::U, Some("u"));
    let search = call_view(&h).search.clone();
    assert_eq!(search, format!("k{}", "u".repeat(REPEATS + 1)));
    assert_eq!(answered(&h), 0);
    // Backspace held as long deletes as many: all the u's.
    hold(&mut h, Modifiers::NONE, Key::Backspace, None);
    assert_eq!(call_view(&h).search, "k", "Backspace held deletes");
    press(&mut h, Key::Backspace);
    // Enter held on a result adds the reason once and answers nothing.
    type_keys(&mut h, "virtsa");
    hold(&mut h, Modifiers::NONE, Key::Enter, None);
    let c = call_view(&h);
    assert_eq!(c.assessment.call.reasons.len(), 1);
    assert_eq!(c.focus, Focus::Search);
    assert_eq!(answered(&h), 0);
}

#[test]
fn delete_held_in_the_empty_search_removes_the_last_reason_only() {
    let mut h = app(PathBuf::from("rules/default"));
    new_call(&mut h);
    type_keys(&mut h, "kurkku");
    press(&mut h, Key::Enter);
    type_keys(&mut h, "virtsa");
    press(&mut h, Key::Enter);
    assert_eq!(call_view(&h).assessment.call.reasons.len(), 2);
    hold(&mut h, Modifiers::NONE, Key::Delete, None);
    assert_eq!(
        call_view(&h).assessment.call.reasons.len(),
        1,
        "one press, one reason: the first stays"
    );
}
