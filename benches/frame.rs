//! CPU time of one frame after a keystroke mid-call, through the egui_kittest harness (no GPU).
//! Target (docs/PERFORMANCE.md): ≤ 2 ms.

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
    h.event(egui::Event::Text("kurkku".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::Tab);
    h.run();
    for _ in 0..12 {
        h.key_press(Key::E);
        h.run();
    }
    // The age question (a number) now has the keyboard.
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
        let mut digit = true;
        b.iter(|| {
            if digit {
                h.event(egui::Event::Text("4".into()));
            } else {
                h.key_press(Key::Backspace);
            }
            digit = !digit;
            h.step();
            black_box(&h);
        })
    });
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
