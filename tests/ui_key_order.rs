//! Keys typed faster than the frames come act in the order typed, each on the state the key
//! before it left (H-55). A slow software renderer or a virtual desktop that batches input
//! brings two keys or more in one frame; each test puts the keys a nurse typed into one frame
//! of the real app and asserts what they did, one after the other.
#![cfg(feature = "gui")]

mod common;
mod ui_support;

use std::path::PathBuf;

use arvio::call::Value;
use arvio::text::Language;
use arvio::ui::nurse::Focus;
use egui::{Event, Key, Modifiers};
use ui_support::{
    App, app, app_with, call_view, chord, is_red_flag, new_call, press, settings, type_keys,
    urinary_call_at_the_first_red_flag,
};

/// A key's press, the character it types (if any) and its release, as a keyboard sends them.
fn stroke(key: Key, text: Option<&str>) -> Vec<Event> {
    let edge = |pressed| Event::Key {
        key,
        pressed,
        repeat: false,
        modifiers: Modifiers::NONE,
        physical_key: None,
    };
    let mut events = vec![edge(true)];
    events.extend(text.map(|t| Event::Text(t.into())));
    events.push(edge(false));
    events
}

/// The strokes all in one frame, then the frames after it until the app is still.
fn in_one_frame(h: &mut App, strokes: &[(Key, Option<&str>)]) {
    for (key, text) in strokes {
        let events = stroke(*key, *text);
        h.input_mut().events.extend(events);
    }
    h.run();
}

/// The question the call asks right after `q`.
fn question_after(h: &App, q: arvio::guidance::QuestionId) -> arvio::guidance::QuestionId {
    call_view(h)
        .evaluation
        .questions
        .iter()
        .copied()
        .skip_while(|&x| x != q)
        .nth(1)
        .expect("a question after it")
}

#[test]
fn an_arrow_and_an_answer_key_in_one_frame_answer_the_card_the_arrow_went_to() {
    let mut h = app(PathBuf::from("rules/default"));
    let first = urinary_call_at_the_first_red_flag(&mut h);
    in_one_frame(&mut h, &[(Key::ArrowDown, None), (Key::E, Some("e"))]);
    let c = call_view(&h);
    assert_eq!(
        c.assessment.call.answer(first),
        None,
        "the card left is not answered"
    );
    let second = question_after(&h, first);
    assert!(is_red_flag(&h, second));
    assert_eq!(
        c.assessment.call.answer(second),
        Some(Value::No),
        "the E went to the card the arrow moved to"
    );
}

#[test]
fn a_key_twice_in_one_frame_is_a_bounce_and_two_keys_act_in_turn() {
    let mut h = app(PathBuf::from("rules/default"));
    let first = urinary_call_at_the_first_red_flag(&mut h);
    let red_flags_answered = |h: &App| {
        call_view(h)
            .assessment
            .call
            .answered()
            .filter(|&(q, _)| is_red_flag(h, q))
            .count()
    };
    // "E E" in one frame: a key's bounce (no one presses a key twice within a frame), once.
    in_one_frame(&mut h, &[(Key::E, Some("e")), (Key::E, Some("e"))]);
    assert_eq!(call_view(&h).assessment.call.answer(first), Some(Value::No));
    assert_eq!(
        red_flags_answered(&h),
        1,
        "the bounce answered no second card"
    );
    // "O E" on the next: cannot say stands (a red flag's "cannot say" takes the call off the
    // flow, and the E then answers nothing); read at once, the E overwrote it with "no".
    let Focus::Question(second) = call_view(&h).focus else {
        panic!("a red flag has the keyboard")
    };
    in_one_frame(&mut h, &[(Key::O, Some("o")), (Key::E, Some("e"))]);
    assert_eq!(
        call_view(&h).assessment.call.answer(second),
        Some(Value::CannotSay)
    );
}

#[test]
fn an_arrow_held_within_one_frame_moves_once_and_the_next_key_goes_where_it_went() {
    let mut h = app(PathBuf::from("rules/default"));
    let first = urinary_call_at_the_first_red_flag(&mut h);
    // ↓ held (its press again and again, no release) and then E, all in one frame: the
    // repeats waiting behind the first ↓ would pile up and carry the keyboard on past the card
    // the nurse sees.
    let press = |key| Event::Key {
        key,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
        physical_key: None,
    };
    for _ in 0..10 {
        h.input_mut().events.push(press(Key::ArrowDown));
    }
    in_one_frame(&mut h, &[(Key::E, Some("e"))]);
    let c = call_view(&h);
    let second = question_after(&h, first);
    assert_eq!(c.assessment.call.answer(first), None);
    assert_eq!(
        c.assessment.call.answer(second),
        Some(Value::No),
        "one card down"
    );
}

#[test]
fn letters_and_an_arrow_in_one_frame_move_the_search_highlight() {
    let mut h = app(PathBuf::from("rules/default"));
    new_call(&mut h);
    let strokes = [
        (Key::K, Some("k")),
        (Key::U, Some("u")),
        (Key::U, Some("u")),
        (Key::ArrowDown, None),
    ];
    in_one_frame(&mut h, &strokes);
    let c = call_view(&h);
    assert_eq!(c.search, "kuu");
    assert_eq!(
        c.focus,
        Focus::Search,
        "↓ moved the highlight, not to the questions"
    );
    assert_eq!(c.highlight, 1);
}

#[test]
fn a_key_whose_name_shift_changed_before_its_release_counts_again() {
    let mut h = app(PathBuf::from("rules/default"));
    new_call(&mut h);
    type_keys(&mut h, "virtsa");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Tab);
    // "7" pressed, Shift down before it is let go: the release names "/" (Shift+7 on a Finnish
    // keyboard), the same physical key. egui keeps "7" down and calls every later 7 a repeat.
    let seven = |pressed, key, modifiers| Event::Key {
        key,
        pressed,
        repeat: false,
        modifiers,
        physical_key: Some(Key::Num7),
    };
    for event in [
        seven(true, Key::Num7, Modifiers::NONE),
        Event::Text("7".into()),
        seven(false, Key::Slash, Modifiers::SHIFT),
    ] {
        h.event(event);
        h.run();
    }
    for event in [
        seven(true, Key::Num7, Modifiers::NONE),
        Event::Text("7".into()),
        seven(false, Key::Num7, Modifiers::NONE),
    ] {
        h.event(event);
        h.run();
    }
    assert_eq!(
        call_view(&h).number,
        "77",
        "the second 7 is typed, not a repeat"
    );
}

#[test]
fn the_last_tick_and_enter_in_one_frame_confirm_that_tick_too() {
    let mut h = app(PathBuf::from("rules/default"));
    urinary_call_at_the_first_red_flag(&mut h);
    press(&mut h, Key::ArrowUp); // back to the sex question
    press(&mut h, Key::Num2);
    chord(&mut h, Modifiers::SHIFT, Key::E); // none of the red flags
    let Focus::Question(q) = call_view(&h).focus else {
        panic!("the risk factors have the keyboard")
    };
    in_one_frame(&mut h, &[(Key::Num1, Some("1")), (Key::Enter, None)]);
    assert_eq!(
        call_view(&h).assessment.call.answer(q),
        Some(Value::Choices(1)),
        "the tick and its Enter: the first option confirmed"
    );
}

#[test]
fn a_digit_and_its_unit_in_one_frame_are_the_amount_never_cannot_say() {
    // In English D is both "don't know" and days' unit.
    let mut s = settings();
    s.language = Language::En;
    let mut h = app_with(s, PathBuf::from("rules/default"), egui::vec2(1280.0, 900.0));
    new_call(&mut h);
    type_keys(&mut h, "uri");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Tab);
    let Focus::Question(age) = call_view(&h).focus else {
        panic!("the age has the keyboard")
    };
    in_one_frame(&mut h, &[(Key::Num3, Some("3")), (Key::D, Some("d"))]);
    let answer = call_view(&h).assessment.call.answer(age);
    assert!(
        matches!(answer, Some(Value::Quantity(_))),
        "three days old, not \"don't know\": {answer:?}"
    );
}

#[test]
fn a_word_and_its_enter_in_one_frame_still_add_the_reason_and_the_next_word_waits() {
    let mut h = app(PathBuf::from("rules/default"));
    new_call(&mut h);
    let mut strokes: Vec<(Key, Option<&str>)> = Vec::new();
    for (key, text) in [(Key::V, "v"), (Key::I, "i"), (Key::R, "r"), (Key::T, "t")] {
        strokes.push((key, Some(text)));
    }
    strokes.push((Key::Enter, None));
    strokes.extend([(Key::K, Some("k")), (Key::U, Some("u"))]);
    in_one_frame(&mut h, &strokes);
    let c = call_view(&h);
    assert_eq!(
        c.assessment.call.reasons.len(),
        1,
        "virt + Enter added the reason"
    );
    assert_eq!(c.focus, Focus::Search);
    assert_eq!(
        c.search, "ku",
        "the letters after Enter are the next search"
    );
    assert_eq!(c.assessment.call.answered().count(), 0);
}

#[test]
fn a_free_texts_last_words_and_its_enter_in_one_frame_are_all_in_its_answer() {
    let mut h = app(PathBuf::from("rules/default"));
    new_call(&mut h);
    type_keys(&mut h, "muu asia");
    press(&mut h, Key::Enter);
    let describe = call_view(&h)
        .guidance
        .question_by_id("other_describe")
        .expect("the free-text question");
    for _ in 0..30 {
        if call_view(&h).focus == Focus::Question(describe) {
            break;
        }
        press(&mut h, Key::Tab);
    }
    assert_eq!(call_view(&h).focus, Focus::Question(describe));
    type_keys(&mut h, "ku");
    // The last letters and Enter together: Enter used to take the words without them.
    in_one_frame(
        &mut h,
        &[(Key::P, Some("p")), (Key::U, Some("u")), (Key::Enter, None)],
    );
    assert_eq!(call_view(&h).assessment.call.text(describe), Some("kupu"));
}
