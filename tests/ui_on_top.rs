//! Keys never reach the call behind what is on top of it (H-56, H-57): the override form takes
//! only its own keys (and F2/F3, who called and how), even on the emergency screen; the
//! question whether to discard the call takes only Ctrl+N and Esc; from the notes, Tab goes to
//! the search and never to the header's buttons. Each test types what a nurse typed.
#![cfg(feature = "gui")]

mod common;
mod ui_support;

use std::path::PathBuf;

use arvio::call::Value;
use arvio::ui::nurse::Focus;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::{
    App, app, call_view, chord, decided_cough_call, press, type_keys,
    urinary_call_at_the_first_red_flag,
};

/// A urinary call whose first red flag is answered yes: the emergency screen. Returns the red
/// flag's question.
fn emergency_call(h: &mut App) -> arvio::guidance::QuestionId {
    let q = urinary_call_at_the_first_red_flag(h);
    press(h, Key::K);
    assert!(call_view(h).on_emergency_screen());
    q
}

#[test]
fn alt_left_in_the_override_form_on_the_emergency_screen_takes_nothing_back() {
    let mut h = app(PathBuf::from("rules/default"));
    let red_flag = emergency_call(&mut h);
    chord(&mut h, Modifiers::COMMAND, Key::O);
    assert!(call_view(&h).override_form.is_some(), "the form is open");
    // Alt+← is a word back in the explanation, and "back" (take back the red flag) behind it;
    // the explanation's letters then answered the red flag "no".
    chord(&mut h, Modifiers::ALT, Key::ArrowLeft);
    type_keys(&mut h, "ei tarvetta");
    chord(&mut h, Modifiers::COMMAND, Key::F);
    press(&mut h, Key::Enter);
    type_keys(&mut h, "ok");
    let c = call_view(&h);
    assert_eq!(c.assessment.call.answer(red_flag), Some(Value::Yes));
    assert!(c.on_emergency_screen(), "the emergency screen stays");
    assert_eq!(
        c.assessment.call.answered().count(),
        2,
        "the age and the red flag"
    );
    // The form's own keys work on the emergency screen too: Esc closes it.
    press(&mut h, Key::Escape);
    assert!(call_view(&h).override_form.is_none(), "Esc closed the form");
}

#[test]
fn ctrl_enter_in_the_override_form_neither_accepts_nor_finishes() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    decided_cough_call(&mut h);
    chord(&mut h, Modifiers::COMMAND, Key::O);
    chord(&mut h, Modifiers::COMMAND, Key::Enter);
    let c = call_view(&h);
    assert!(
        c.assessment.decision.is_none(),
        "nothing accepted behind the form"
    );
    assert!(c.override_form.is_some());
    // Accepted, then the form again: Ctrl+Enter does not finish the call with the old decision.
    press(&mut h, Key::Escape);
    chord(&mut h, Modifiers::COMMAND, Key::Enter);
    assert!(call_view(&h).assessment.decision.is_some());
    chord(&mut h, Modifiers::COMMAND, Key::O);
    chord(&mut h, Modifiers::COMMAND, Key::Enter);
    let c = call_view(&h); // the call is still on screen
    assert!(c.override_form.is_some(), "the form is still open");
}

/// The cough call decided by an override, with the keyboard in the notes.
fn overridden_call_in_the_notes(h: &mut App) {
    decided_cough_call(h);
    chord(h, Modifiers::COMMAND, Key::O);
    chord(h, Modifiers::ALT, Key::ArrowDown); // one step less urgent
    chord(h, Modifiers::COMMAND, Key::Num2); // the client's preference
    type_keys(h, "toive");
    chord(h, Modifiers::COMMAND, Key::S);
    let c = call_view(h);
    assert!(c.assessment.decision.is_some(), "the override is saved");
    assert_eq!(c.focus, Focus::Notes, "the keyboard goes on to the notes");
}

#[test]
fn enter_at_the_question_whether_to_discard_the_call_discards_nothing() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    overridden_call_in_the_notes(&mut h);
    // egui's focus on the header's "New assessment" button (where Tab from the notes took it):
    // Enter presses it, which asks; a second Enter pressed it again, which discarded the call.
    h.get_by_label("Uusi arvio (Ctrl+N)").focus();
    h.run();
    press(&mut h, Key::Enter);
    assert!(h.state().state.confirm_new_call, "the button asks");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Space);
    assert!(h.state().state.confirm_new_call, "still asking");
    assert!(
        call_view(&h).assessment.decision.is_some(),
        "the call is there"
    );
    press(&mut h, Key::Escape);
    assert!(!h.state().state.confirm_new_call);
}

#[test]
fn after_a_saved_override_the_notes_take_the_typing_and_tab_goes_to_the_search() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    overridden_call_in_the_notes(&mut h);
    type_keys(&mut h, "soitto");
    assert_eq!(
        call_view(&h).assessment.notes,
        "soitto",
        "typed into the notes"
    );
    // Shift+Tab (meant as "back") goes to the search, not to the header's "New assessment",
    // where two Enters asked and then discarded the call.
    chord(&mut h, Modifiers::SHIFT, Key::Tab);
    assert_eq!(call_view(&h).focus, Focus::Search);
    press(&mut h, Key::Enter);
    press(&mut h, Key::Enter);
    let c = h
        .state()
        .state
        .call
        .as_ref()
        .expect("the call is still there");
    assert!(c.assessment.decision.is_some());
    assert!(!h.state().state.confirm_new_call);
}

#[test]
fn letters_typed_with_the_override_s_ctrl_s_go_into_the_notes() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    decided_cough_call(&mut h);
    chord(&mut h, Modifiers::COMMAND, Key::O);
    chord(&mut h, Modifiers::ALT, Key::ArrowDown);
    chord(&mut h, Modifiers::COMMAND, Key::Num2);
    type_keys(&mut h, "toive");
    // Ctrl+S and the first letters of a note in one frame, as a fast typist's keys come.
    let key = |key, pressed, modifiers| egui::Event::Key {
        key,
        pressed,
        repeat: false,
        modifiers,
        physical_key: None,
    };
    h.input_mut().events.extend([
        key(Key::S, true, Modifiers::COMMAND),
        key(Key::S, false, Modifiers::COMMAND),
        key(Key::S, true, Modifiers::NONE),
        egui::Event::Text("s".into()),
        key(Key::S, false, Modifiers::NONE),
        key(Key::O, true, Modifiers::NONE),
        egui::Event::Text("o".into()),
        key(Key::O, false, Modifiers::NONE),
    ]);
    h.run();
    let c = call_view(&h);
    assert!(c.assessment.decision.is_some(), "saved");
    assert_eq!(
        c.assessment.notes, "so",
        "the letters after Ctrl+S are the note's"
    );
}
