//! CPU time of one frame after a keystroke mid-call on the current call screen (format 2's
//! basics, the red flags in scope, the search's hit list, each reason's route) and the shipped
//! 31-reason guidance, through the egui_kittest harness (no GPU). Target (docs/PERFORMANCE.md):
//! ≤ 1 ms.

use std::hint::black_box;
use std::path::PathBuf;

use arvio::ui::app::ArvioApp;
use arvio::ui::settings::Settings;
use criterion::{Criterion, criterion_group, criterion_main};
use egui::Key;
use egui_kittest::Harness;

fn mid_call() -> Harness<'static, ArvioApp> {
    let clock = Box::new(|| {
        chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+02:00").expect("time")
    });
    let app = ArvioApp::new(
        Settings::default(),
        PathBuf::from("rules/default"),
        clock,
        None,
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut ArvioApp| app.frame_settled(ui), app);
    h.run();
    assert!(
        h.state().state.guidance.current.is_some(),
        "the shipped guidance loads"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::N);
    h.run();
    // Two reasons, so each reason's route is on screen too.
    for reason in ["kurkku kipeä", "virtsa"] {
        h.event(egui::Event::Text(reason.into()));
        h.run();
        h.key_press(Key::Enter);
        h.run();
    }
    h.key_press(Key::Tab);
    h.run();
    // The basics: age 34 years (digits, then the unit's key), sex 1; then "none of these" on
    // the red flags.
    for (key, ch) in [(Key::Num3, "3"), (Key::Num4, "4"), (Key::V, "v")] {
        h.key_press(key);
        h.event(egui::Event::Text(ch.into()));
        h.run();
    }
    h.key_press(Key::Num1);
    h.run();
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::E);
    h.run();
    // A question after the red flags now has the keyboard: the risk factors (several of).
    let c = h.state().state.call.as_ref().expect("a call");
    assert!(
        matches!(
            c.focus,
            arvio::ui::nurse::Focus::Question(q)
                if matches!(c.guidance.question(q).kind, arvio::guidance::QuestionKind::SeveralOf(_))
        ),
        "the risk factors have the keyboard"
    );
    assert!(
        h.state()
            .state
            .call
            .as_ref()
            .is_some_and(|c| !c.assessment.call.reasons.is_empty()),
        "a call is in progress"
    );
    h
}

fn keystroke(c: &mut Criterion) {
    let mut h = mid_call();
    c.bench_function("frame_after_keystroke_mid_call", |b| {
        // The risk factors' first option ticked and unticked: every keystroke changes the call,
        // so each frame re-evaluates it and lays out the proposal and both routes anew.
        b.iter(|| {
            h.key_press(Key::Num1);
            h.step();
            black_box(&h);
        })
    });
}

/// A keystroke in the reason search: the search box with a query, the hits laid out.
fn search_keystroke(c: &mut Criterion) {
    let mut h = mid_call();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    h.run();
    h.event(egui::Event::Text("kurkku ki".into()));
    h.run();
    c.bench_function("frame_after_keystroke_in_the_search", |b| {
        let mut letter = true;
        b.iter(|| {
            if letter {
                h.event(egui::Event::Text("p".into()));
            } else {
                h.key_press(Key::Backspace);
            }
            letter = !letter;
            h.step();
            black_box(&h);
        })
    });
}

criterion_group!(benches, keystroke, search_keystroke);
criterion_main!(benches);
