//! The app under egui_kittest for the UI tests of issue 14: a harness of a given size at a fixed
//! Monday 9:00, and keys pressed and typed as a nurse's keyboard sends them.
#![allow(dead_code)]

use std::path::PathBuf;

use arvio::ui::app::ArvioApp;
use arvio::ui::settings::Settings;
use arvio::ui::state::Clock;
use chrono::{DateTime, FixedOffset};
use egui::{Key, Modifiers};
use egui_kittest::Harness;

pub const MONDAY_9: &str = "2026-11-23T09:00:00+02:00";

pub type App = Harness<'static, ArvioApp>;

pub fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("time")
}

/// The settings of the tests: a named assessor, otherwise the defaults.
pub fn settings() -> Settings {
    Settings {
        assessor: arvio::record::Assessor {
            name: "Testi Hoitaja".into(),
            title: "sairaanhoitaja".into(),
        },
        ..Settings::default()
    }
}

pub fn app_with(settings: Settings, dir: PathBuf, size: egui::Vec2) -> App {
    app_with_clock(settings, dir, size, Box::new(|| at(MONDAY_9)))
}

/// The app on a clock of the test's own (a replay sets each scenario's time).
pub fn app_with_clock(settings: Settings, dir: PathBuf, size: egui::Vec2, clock: Clock) -> App {
    let app = ArvioApp::new(settings, dir, clock, None);
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut ArvioApp| app.frame_settled(ui), app);
    harness.run();
    harness
}

pub fn app_sized(dir: PathBuf, size: egui::Vec2) -> App {
    app_with(settings(), dir, size)
}

pub fn app(dir: PathBuf) -> App {
    app_sized(dir, egui::vec2(1280.0, 900.0))
}

pub fn press(h: &mut App, key: Key) {
    h.key_press(key);
    h.run();
}

pub fn chord(h: &mut App, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

/// Letter by letter, each with its key press, as a keyboard sends them.
pub fn type_keys(h: &mut App, text: &str) {
    for ch in text.chars() {
        if let Some(key) = Key::from_name(&ch.to_ascii_uppercase().to_string()) {
            h.key_press(key);
        }
        h.event(egui::Event::Text(ch.to_string()));
        h.run();
    }
}

/// Text typed at once (as pasted), without key presses.
pub fn paste(h: &mut App, text: &str) {
    h.event(egui::Event::Text(text.into()));
    h.run();
}

/// The call on screen (the test fails if there is none).
pub fn call_view(h: &App) -> &arvio::ui::nurse::CallView {
    h.state().state.call.as_ref().expect("a call")
}

/// Ctrl+N, then F2: a new call whose caller is the client, chosen up front (the caller's card
/// in the flow is then answered), for the tests about what comes after.
pub fn new_call(h: &mut App) {
    chord(h, Modifiers::COMMAND, Key::N);
    press(h, Key::F2);
}

/// The fixture's cough call decided on a doctor's visit within 1–3 days: the reason, both red
/// flags no, age 40, fever 39,5, dry cough.
pub fn decided_cough_call(h: &mut App) {
    new_call(h);
    paste(h, "kurkku");
    press(h, Key::Enter);
    press(h, Key::Tab);
    press(h, Key::E);
    press(h, Key::E);
    paste(h, "40");
    press(h, Key::Enter);
    press(h, Key::K);
    paste(h, "39,5");
    press(h, Key::Enter);
    press(h, Key::Num1);
}

/// Whether `q` is a red flag's question in the call's guidance.
pub fn is_red_flag(h: &App, q: arvio::guidance::QuestionId) -> bool {
    call_view(h)
        .guidance
        .red_flags
        .iter()
        .any(|r| r.question == q)
}

/// A urinary call on the shipped guidance (the client calling, 34 years) with the keyboard on
/// its first red flag, reached by Tab (nothing answered on the way but the age); returns that
/// red flag's question.
pub fn urinary_call_at_the_first_red_flag(h: &mut App) -> arvio::guidance::QuestionId {
    new_call(h);
    type_keys(h, "virtsa");
    press(h, Key::Enter);
    press(h, Key::Tab);
    type_keys(h, "34v");
    for _ in 0..10 {
        if let arvio::ui::nurse::Focus::Question(q) = call_view(h).focus
            && is_red_flag(h, q)
        {
            return q;
        }
        press(h, Key::Tab);
    }
    panic!("Tab never reached a red flag");
}
