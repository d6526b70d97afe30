//! The nurse's keyboard (issue 14, point 1): each hazard found by a nurse working by keyboard
//! only, typed as she typed it into the real app, asserting that nothing was answered; the
//! keyboard focus, the highlight on screen and AccessKit's focus are one; "none of these".
#![cfg(feature = "gui")]

mod common;

use std::path::PathBuf;

use arvio::call::Value;
use arvio::guidance::QuestionKind;
use arvio::ui::app::ArvioApp;
use arvio::ui::nurse::Focus;
use arvio::ui::settings::Settings;
use chrono::{DateTime, FixedOffset};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};

const MONDAY_9: &str = "2026-11-23T09:00:00+02:00";

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("time")
}

fn app_sized(dir: PathBuf, size: egui::Vec2) -> Harness<'static, ArvioApp> {
    let settings = Settings {
        assessor: arvio::record::Assessor {
            name: "Testi Hoitaja".into(),
            title: "sairaanhoitaja".into(),
        },
        ..Settings::default()
    };
    let app = ArvioApp::new(settings, dir, Box::new(|| at(MONDAY_9)), None);
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut ArvioApp| app.frame_settled(ui), app);
    harness.run();
    harness
}

fn app(dir: PathBuf) -> Harness<'static, ArvioApp> {
    app_sized(dir, egui::vec2(1280.0, 900.0))
}

fn press(h: &mut Harness<'_, ArvioApp>, key: Key) {
    h.key_press(key);
    h.run();
}

/// Ctrl+N, then F2: a new call whose caller (the client) is chosen up front.
fn new_call(h: &mut Harness<'_, ArvioApp>) {
    chord(h, Modifiers::COMMAND, Key::N);
    press(h, Key::F2);
}

fn chord(h: &mut Harness<'_, ArvioApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

/// Letter by letter, each with its key press, as a keyboard sends them.
fn type_keys(h: &mut Harness<'_, ArvioApp>, text: &str) {
    for ch in text.chars() {
        if let Some(key) = Key::from_name(&ch.to_ascii_uppercase().to_string()) {
            h.key_press(key);
        }
        h.event(egui::Event::Text(ch.to_string()));
        h.run();
    }
}

fn answered(h: &Harness<'_, ArvioApp>) -> usize {
    let c = h.state().state.call.as_ref().expect("call");
    c.assessment.call.answered().count()
}

fn focus(h: &Harness<'_, ArvioApp>) -> Focus {
    h.state().state.call.as_ref().expect("call").focus
}

/// The question with this id in the call's guidance.
fn question(h: &Harness<'_, ArvioApp>, id: &str) -> arvio::guidance::QuestionId {
    let c = h.state().state.call.as_ref().expect("call");
    c.guidance.question_by_id(id).expect("question")
}

/// The label (or value) of the node AccessKit reports focused.
fn focused_node(h: &Harness<'_, ArvioApp>) -> (Role, String) {
    let node = h.get(by().predicate(|n| n.is_focused()));
    let n = node.accesskit_node();
    (
        n.role(),
        n.label().or_else(|| n.value()).unwrap_or_default(),
    )
}

#[test]
fn typing_a_second_reason_after_enter_adds_a_reason_answers_nothing() {
    let mut h = app(PathBuf::from("rules/default"));
    new_call(&mut h);
    type_keys(&mut h, "virtsa");
    press(&mut h, Key::Enter);
    let c = h.state().state.call.as_ref().expect("call");
    assert_eq!(c.assessment.call.reasons.len(), 1, "the reason is added");
    assert_eq!(focus(&h), Focus::Search, "the keyboard stays in the search");
    // "kuume": K would have answered the chest pain "yes", E the breathing "no".
    type_keys(&mut h, "kuume");
    assert_eq!(answered(&h), 0, "nothing is answered");
    let c = h.state().state.call.as_ref().expect("call");
    assert_eq!(c.search, "kuume", "the letters went into the search");
    assert!(
        h.query_by_label_contains("HÄTÄTILANNE").is_none(),
        "no emergency screen"
    );
    // Enter adds the second reason; still nothing is answered.
    press(&mut h, Key::Enter);
    let c = h.state().state.call.as_ref().expect("call");
    assert_eq!(c.assessment.call.reasons.len(), 2);
    assert_eq!(answered(&h), 0);
    assert_eq!(focus(&h), Focus::Search);
}

#[test]
fn tab_then_space_answers_nothing() {
    let mut h = app(PathBuf::from("rules/default"));
    new_call(&mut h);
    type_keys(&mut h, "virtsa");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Tab);
    let first = h
        .state()
        .state
        .call
        .as_ref()
        .expect("call")
        .evaluation
        .questions[0];
    assert_eq!(
        focus(&h),
        Focus::Question(first),
        "Tab moved to the first red flag"
    );
    // egui's focus is on the red flag itself, never on its "Kyllä [K]" button.
    let (role, label) = focused_node(&h);
    assert_eq!(role, Role::Group);
    let c = h.state().state.call.as_ref().expect("call");
    let text = c
        .guidance
        .question(first)
        .text
        .get(arvio::text::Language::Fi);
    assert_eq!(label, text);
    press(&mut h, Key::Space);
    press(&mut h, Key::Space);
    assert_eq!(answered(&h), 0, "Space answers nothing");
    assert!(h.query_by_label_contains("HÄTÄTILANNE").is_none());
    // Tab again moves on without answering (to the caller's card after the age), and Space
    // still answers nothing.
    press(&mut h, Key::Tab);
    press(&mut h, Key::Space);
    assert_eq!(answered(&h), 0);
    assert_eq!(focus(&h), Focus::Caller);
    press(&mut h, Key::Tab);
    press(&mut h, Key::Space);
    assert_eq!(answered(&h), 0);
    let second = h
        .state()
        .state
        .call
        .as_ref()
        .expect("call")
        .evaluation
        .questions[1];
    assert_eq!(focus(&h), Focus::Question(second));
}

#[test]
fn tab_from_a_new_call_then_space_answers_nothing() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    new_call(&mut h);
    press(&mut h, Key::Tab);
    press(&mut h, Key::Space);
    assert_eq!(answered(&h), 0);
    assert_eq!(focus(&h), Focus::Question(question(&h, "rf_chest")));
    assert!(
        h.get_all_by_label("Kyllä [K]").all(|b| !b.is_focused()),
        "no answer button has egui's focus"
    );
}

#[test]
fn keyboard_focus_highlight_and_accesskit_are_one() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    new_call(&mut h);
    assert_eq!(focused_node(&h).0, Role::TextInput, "the search has it");
    press(&mut h, Key::Tab);
    assert_eq!(focused_node(&h), (Role::Group, "Rintakipu?".to_owned()));
    assert_eq!(h.get_all_by_label("▶").count(), 1, "one highlight");
    press(&mut h, Key::E);
    assert_eq!(focus(&h), Focus::Question(question(&h, "rf_confused")));
    assert_eq!(focused_node(&h), (Role::Group, "Sekava?".to_owned()));
    assert_eq!(h.get_all_by_label("▶").count(), 1, "one highlight");
    assert_eq!(
        h.get_all_by_label("✔").count(),
        2,
        "one answered, and who called (F2)"
    );
    press(&mut h, Key::ArrowUp);
    assert_eq!(focused_node(&h), (Role::Group, "Rintakipu?".to_owned()));
    chord(&mut h, Modifiers::COMMAND, Key::F);
    assert_eq!(focus(&h), Focus::Search);
    assert_eq!(focused_node(&h).0, Role::TextInput);
}

#[test]
fn a_letter_typed_on_the_emergency_screen_answers_no_question_behind_it() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    new_call(&mut h);
    press(&mut h, Key::Tab);
    press(&mut h, Key::K);
    h.get_by_label_contains("HÄTÄTILANNE");
    // The keyboard had moved on to the next red flag, which is not on screen.
    type_keys(&mut h, "eeoo");
    let confused = question(&h, "rf_confused");
    let c = h.state().state.call.as_ref().expect("call");
    assert_eq!(c.assessment.call.answer(confused), None, "never asked");
    assert_eq!(answered(&h), 1);
    // Taking the emergency back leaves nothing answered behind it.
    chord(&mut h, Modifiers::ALT, Key::ArrowLeft);
    assert!(h.query_by_label_contains("HÄTÄTILANNE").is_none());
    assert_eq!(answered(&h), 0);
}

#[test]
fn a_new_call_opens_scrolled_to_the_top_with_the_search_visible() {
    let mut h = app_sized(PathBuf::from("rules/default"), egui::vec2(1024.0, 768.0));
    new_call(&mut h);
    type_keys(&mut h, "virtsa");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Tab);
    // Format 2 asks the basics first: the age (digits, then the unit's key), then the sex.
    type_keys(&mut h, "40v");
    type_keys(&mut h, "2");
    // Every red flag "no", then every question "cannot say" (a yes/no one "no": a fever the
    // caller cannot say opens the sepsis signs unscreened, an emergency that leaves the list),
    // down to the end of the list.
    let on_red_flag = |h: &Harness<'_, ArvioApp>| {
        h.state()
            .state
            .call
            .as_ref()
            .is_some_and(|c| match c.focus {
                Focus::Question(q) => c.guidance.question(q).part == arvio::guidance::Part::RedFlag,
                _ => false,
            })
    };
    for _ in 0..12 {
        if !on_red_flag(&h) {
            break;
        }
        press(&mut h, Key::E);
    }
    // (Format 2: the urinary call asks only the two risk factors its rules read, so the list is
    // shorter; stop near its end, two questions before the decision.)
    for _ in 0..14 {
        let unanswered = h.state().state.call.as_ref().map_or(0, |c| {
            c.evaluation
                .questions
                .iter()
                .filter(|q| c.assessment.call.answer(**q).is_none())
                .count()
        });
        if unanswered <= 2 {
            break;
        }
        let yes_no = h
            .state()
            .state
            .call
            .as_ref()
            .is_some_and(|c| match c.focus {
                Focus::Question(q) => matches!(c.guidance.question(q).kind, QuestionKind::YesNo),
                _ => false,
            });
        press(&mut h, if yes_no { Key::E } else { Key::O });
    }
    assert!(
        h.state()
            .state
            .call
            .as_ref()
            .and_then(|c| c
                .evaluation
                .proposal
                .as_ref()
                .map(|p| !p.leaves_flow(&c.guidance)))
            .unwrap_or(false),
        "still on the list, not the emergency screen"
    );
    let search = || {
        by().role(Role::TextInput)
            .label_contains("Yhteydenoton syy")
    };
    let rect = h.get(search()).rect();
    assert!(
        rect.max.y < 0.0,
        "the search has scrolled off the top: {rect:?}"
    );
    // Discard it (Ctrl+N twice) and start afresh.
    chord(&mut h, Modifiers::COMMAND, Key::N);
    chord(&mut h, Modifiers::COMMAND, Key::N);
    assert_eq!(answered(&h), 0, "a new call");
    let rect = h.get(search()).rect();
    let screen = h.ctx.content_rect();
    assert!(
        rect.min.y > 0.0 && rect.max.y < screen.height(),
        "the search is on screen: {rect:?} in {screen:?}"
    );
    assert!(h.get(search()).is_focused(), "and has the keyboard");
    h.get_by_label_contains("1. Hälytysmerkit");
}

#[test]
fn none_of_these_denies_every_open_red_flag_of_the_block_and_any_can_still_be_yes() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    new_call(&mut h);
    type_keys(&mut h, "kurkku");
    press(&mut h, Key::Enter);
    // The key is shown beside the block.
    h.get_by_label("Ei mitään näistä [Shift+E]");
    // In the search, Shift+E is a capital letter.
    chord(&mut h, Modifiers::SHIFT, Key::E);
    assert_eq!(answered(&h), 0);
    press(&mut h, Key::Backspace);
    press(&mut h, Key::Tab);
    chord(&mut h, Modifiers::SHIFT, Key::E);
    let (chest, confused) = (question(&h, "rf_chest"), question(&h, "rf_confused"));
    let c = h.state().state.call.as_ref().expect("call");
    assert_eq!(c.assessment.call.answer(chest), Some(Value::No));
    assert_eq!(c.assessment.call.answer(confused), Some(Value::No));
    assert_eq!(c.evaluation.red_flags_unanswered, 0);
    assert_eq!(
        focus(&h),
        Focus::Question(question(&h, "age")),
        "on to the risk factors"
    );
    assert!(
        h.query_by_label_contains("Ei mitään näistä").is_none(),
        "nothing left to deny"
    );
    // Recorded as each asked and denied.
    let record = h.state().state.record().expect("record");
    assert!(
        record.contains("Olennaiset kielteiset: Rintakipu?; Sekava?"),
        "{record}"
    );
    // Any one can still be answered yes.
    chord(&mut h, Modifiers::SHIFT, Key::Tab);
    assert_eq!(focus(&h), Focus::Question(confused));
    press(&mut h, Key::K);
    let c = h.state().state.call.as_ref().expect("call");
    assert_eq!(c.assessment.call.answer(confused), Some(Value::Yes));
    assert_eq!(c.assessment.call.answer(chest), Some(Value::No));
    h.get_by_label_contains("PÄIVYSTYKSEEN NYT");
}

#[test]
fn none_of_these_keeps_answers_given_and_only_works_in_a_red_flag_block() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    new_call(&mut h);
    type_keys(&mut h, "kurkku");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Tab);
    press(&mut h, Key::O); // chest pain: cannot say (counts as yes: the emergency)
    h.get_by_label_contains("HÄTÄTILANNE");
    chord(&mut h, Modifiers::ALT, Key::ArrowLeft);
    press(&mut h, Key::E);
    chord(&mut h, Modifiers::SHIFT, Key::E);
    let c = h.state().state.call.as_ref().expect("call");
    assert_eq!(c.evaluation.red_flags_unanswered, 0);
    // On the age question (no red flag), Shift+E denies nothing.
    assert_eq!(focus(&h), Focus::Question(question(&h, "age")));
    let before = answered(&h);
    chord(&mut h, Modifiers::SHIFT, Key::E);
    assert_eq!(answered(&h), before);
}

#[test]
fn the_question_of_a_removed_reason_never_keeps_the_keyboard() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    new_call(&mut h);
    type_keys(&mut h, "kurkku");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Tab);
    press(&mut h, Key::E);
    press(&mut h, Key::E);
    type_keys(&mut h, "40");
    press(&mut h, Key::Enter);
    assert_eq!(focus(&h), Focus::Question(question(&h, "fever")));
    h.get_by_label("Yskä × (Delete)").click();
    h.run();
    assert_eq!(focus(&h), Focus::Search, "the fever question is gone");
    let before = answered(&h);
    type_keys(&mut h, "k");
    assert_eq!(answered(&h), before);
    assert_eq!(h.state().state.call.as_ref().expect("call").search, "k");
}

/// A urinary call on the shipped guidance by keyboard, the basics (34 years, male) and the red
/// flags ("none of these") answered: the risk factors (several of) have the keyboard.
fn urinary_call_at_the_risk_factors(h: &mut Harness<'_, ArvioApp>) -> arvio::guidance::QuestionId {
    new_call(h);
    type_keys(h, "virtsa");
    press(h, Key::Enter);
    press(h, Key::Tab);
    type_keys(h, "34v");
    press(h, Key::Num2);
    chord(h, Modifiers::SHIFT, Key::E);
    let Focus::Question(q) = focus(h) else {
        panic!("a question has the keyboard")
    };
    q
}

/// H-49: the options of a several-of question count only once Enter confirms them. A tick
/// answers nothing and evaluates nothing (one sign ticked must not open the emergency screen
/// before the next can be ticked); ticks not confirmed are forgotten when the keyboard leaves,
/// and never come back with it.
#[test]
fn a_tick_counts_only_once_confirmed_and_is_forgotten_when_the_keyboard_leaves() {
    let mut h = app(PathBuf::from("rules/default"));
    let q = urinary_call_at_the_risk_factors(&mut h);
    let call = |h: &Harness<'_, ArvioApp>| {
        let c = h.state().state.call.as_ref().expect("call");
        assert!(
            matches!(c.guidance.question(q).kind, QuestionKind::SeveralOf(_)),
            "the risk factors have the keyboard"
        );
        (
            c.ticked(q),
            c.assessment.call.answer(q),
            c.evaluation.clone(),
        )
    };
    let (_, _, before) = call(&h);
    let answers_before = answered(&h);
    press(&mut h, Key::Num1);
    let (ticked, answer, evaluation) = call(&h);
    assert_eq!(ticked, 0b1, "the tick shows");
    assert_eq!(answer, None, "but answers nothing yet");
    assert_eq!(answered(&h), answers_before);
    assert_eq!(
        evaluation.proposal, before.proposal,
        "and changes no proposal"
    );
    press(&mut h, Key::Tab);
    assert_ne!(focus(&h), Focus::Question(q));
    press(&mut h, Key::ArrowUp);
    assert_eq!(focus(&h), Focus::Question(q));
    assert_eq!(
        call(&h).0,
        0,
        "a tick not confirmed is forgotten, not brought back"
    );
    assert_eq!(call(&h).1, None);
    press(&mut h, Key::Num1);
    press(&mut h, Key::Num2);
    press(&mut h, Key::Enter);
    let (ticked, answer, _) = call(&h);
    assert_eq!(
        answer,
        Some(Value::Choices(0b11)),
        "Enter confirms both ticks"
    );
    assert_eq!(ticked, 0b11);
    assert_ne!(focus(&h), Focus::Question(q), "and the keyboard moves on");
}

/// H-53: Enter on a several-of question with nothing ticked only moves on. Pressed out of habit
/// (after an age's or a duration's unit key, which answers at once) it never answers "none":
/// the "no" key does, shown on the card. With an option ticked the "no" key does nothing, and
/// Enter confirms.
#[test]
fn enter_with_nothing_ticked_answers_nothing_and_the_no_key_says_none() {
    let mut h = app(PathBuf::from("rules/default"));
    let q = urinary_call_at_the_risk_factors(&mut h);
    let risk_factors = |h: &Harness<'_, ArvioApp>| {
        let c = h.state().state.call.as_ref().expect("call");
        (c.ticked(q), c.assessment.call.answer(q))
    };
    let before = answered(&h);
    press(&mut h, Key::Enter);
    assert_eq!(risk_factors(&h), (0, None), "Enter answered nothing");
    assert_eq!(answered(&h), before);
    assert_ne!(focus(&h), Focus::Question(q), "and moved on");
    press(&mut h, Key::ArrowUp);
    assert_eq!(focus(&h), Focus::Question(q));
    assert!(
        h.query_all_by_label("Ei mitään näistä [E]")
            .next()
            .is_some(),
        "the key shown on the card"
    );
    press(&mut h, Key::E);
    assert_eq!(
        risk_factors(&h),
        (0, Some(Value::Choices(0))),
        "none of them"
    );
    assert_ne!(focus(&h), Focus::Question(q));
    h.get_by_label(": Ei mitään näistä"); // the card says its answer, never an empty one
    press(&mut h, Key::ArrowUp);
    press(&mut h, Key::Num1);
    press(&mut h, Key::E);
    assert_eq!(
        risk_factors(&h),
        (1, Some(Value::Choices(0))),
        "E with a tick shown does nothing"
    );
    press(&mut h, Key::Enter);
    assert_eq!(
        risk_factors(&h).1,
        Some(Value::Choices(1)),
        "Enter confirms the tick"
    );
}

/// H-49: coming back to a confirmed several-of question and ticking another option shows an
/// answer that is not the call's yet: Ctrl+Enter and the override (Ctrl+O) refuse, saying so,
/// until Enter confirms it, so the call is never decided on an answer the screen no longer
/// shows.
#[test]
fn a_decision_waits_for_ticks_shown_but_not_confirmed() {
    let mut h = app(PathBuf::from("rules/default"));
    let q = urinary_call_at_the_risk_factors(&mut h);
    press(&mut h, Key::E); // no risk factor
    assert_eq!(
        h.state()
            .state
            .call
            .as_ref()
            .expect("call")
            .assessment
            .call
            .answer(q),
        Some(Value::Choices(0))
    );
    // Back to the risk factors by keyboard, and one ticked without confirming it.
    press(&mut h, Key::ArrowUp);
    assert_eq!(focus(&h), Focus::Question(q));
    press(&mut h, Key::Num3);
    let decided = |h: &Harness<'_, ArvioApp>| {
        let c = h.state().state.call.as_ref().expect("call");
        (
            c.assessment.decision.is_some(),
            c.override_form.is_some(),
            c.message.clone(),
        )
    };
    chord(&mut h, Modifiers::COMMAND, Key::Enter);
    let (decision, _, message) = decided(&h);
    assert!(
        !decision,
        "not accepted on the answer the screen no longer shows"
    );
    assert_eq!(message.as_deref(), Some("Vahvista ensin valinnat (Enter)"));
    chord(&mut h, Modifiers::COMMAND, Key::O);
    assert!(!decided(&h).1, "no override form either");
    press(&mut h, Key::Enter);
    let c = h.state().state.call.as_ref().expect("call");
    assert_eq!(c.assessment.call.answer(q), Some(Value::Choices(0b100)));
    // Confirmed, the call goes on as any other: here other questions are still open, which is
    // what Ctrl+Enter now says.
    chord(&mut h, Modifiers::COMMAND, Key::Enter);
    let (decision, _, message) = decided(&h);
    assert!(!decision);
    assert_ne!(message.as_deref(), Some("Vahvista ensin valinnat (Enter)"));
}
