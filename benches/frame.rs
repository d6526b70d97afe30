//! CPU time of the frame that shows a keystroke, mid-call on the current call screen (format
//! 2's basics, the red flags in scope, the search's hit list, each reason's route) with the
//! shipped 31-reason guidance. Target (docs/PERFORMANCE.md): ≤ 1 ms.
//!
//! The call is brought to where it is measured by keyboard through egui_kittest. What is timed
//! is then exactly what eframe does on the UI thread for one frame, without a GPU: the app's
//! frame (`ArvioApp::frame`, i.e. `App::logic` and `App::ui`) in `Context::run_ui` over the
//! keystroke's events (the key's press and its text, as egui-winit sends them), and the
//! tessellation of its shapes. The key's release comes in the next frame, untimed.
//!
//! Each figure is measured twice: with AccessKit off, as on a desk without a screen reader
//! (eframe turns AccessKit on only when one asks), and with it on, as with a screen reader
//! (egui then builds the accessibility tree every frame; the harness's own copy of that tree is
//! not the app's work and is not timed).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use arvio::ui::app::ArvioApp;
use arvio::ui::settings::Settings;
use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Key, Modifiers, RawInput};
use egui_kittest::Harness;

const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

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
        .with_size(SIZE)
        .build_ui_state(|ui, app: &mut ArvioApp| app.frame_settled(ui), app);
    h.run();
    assert!(
        h.state().state.guidance.current.is_some(),
        "the shipped guidance loads"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    // Two reasons, so each reason's route is on screen too.
    for reason in ["kurkku kipeä", "virtsa"] {
        h.event(Event::Text(reason.into()));
        h.run();
        h.key_press(Key::Enter);
        h.run();
    }
    h.key_press(Key::Tab);
    h.run();
    // The basics: age 34 years (digits, then the unit's key), who called 1 (the client), sex
    // 1; then "none of these" on the red flags.
    for (key, ch) in [(Key::Num3, "3"), (Key::Num4, "4"), (Key::V, "v")] {
        h.key_press(key);
        h.event(Event::Text(ch.into()));
        h.run();
    }
    for _ in 0..2 {
        h.key_press(Key::Num1);
        h.run();
    }
    h.key_press_modifiers(Modifiers::SHIFT, Key::E);
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
        !c.assessment.call.reasons.is_empty(),
        "a call is in progress"
    );
    h
}

/// Frames run by hand on the harness's context, as eframe runs them.
struct Frames {
    time: f64,
}

impl Frames {
    /// One frame over `events`: the app's frame and the tessellation of what it drew, timed.
    fn run(&mut self, h: &mut Harness<'static, ArvioApp>, events: Vec<Event>) -> Duration {
        self.time += 1.0 / 60.0;
        let mut input = RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            events,
            ..RawInput::default()
        };
        if let Some(viewport) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
            viewport.native_pixels_per_point = Some(1.0);
        }
        let ctx = h.ctx.clone();
        let app = h.state_mut();
        let start = Instant::now();
        let output = ctx.run_ui(input, |ui| app.frame(ui));
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        let took = start.elapsed();
        black_box(primitives);
        took
    }

    /// A key pressed (with its text, when it types one): that frame timed, then the release's
    /// frame untimed.
    fn keystroke(
        &mut self,
        h: &mut Harness<'static, ArvioApp>,
        key: Key,
        text: Option<&str>,
    ) -> Duration {
        let key_event = |pressed| Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: Modifiers::NONE,
        };
        let mut events = vec![key_event(true)];
        events.extend(text.map(|t| Event::Text(t.into())));
        let took = self.run(h, events);
        self.run(h, vec![key_event(false)]);
        took
    }
}

fn accesskit_label(on: bool) -> &'static str {
    if on { "accesskit_on" } else { "accesskit_off" }
}

fn with_accesskit(h: &Harness<'static, ArvioApp>, on: bool) {
    if on {
        h.ctx.enable_accesskit();
    } else {
        h.ctx.disable_accesskit();
    }
}

fn keystroke(c: &mut Criterion) {
    for accesskit in [false, true] {
        let mut h = mid_call();
        with_accesskit(&h, accesskit);
        let mut frames = Frames { time: 10.0 };
        // The cycle must change the call, or nothing new would be laid out: the tick shows,
        // Enter confirms it (the call re-evaluated, the keyboard on the next question), the
        // arrow brings the keyboard back.
        let focus =
            |h: &Harness<'static, ArvioApp>| h.state().state.call.as_ref().expect("a call").focus;
        let risk_factors = focus(&h);
        let arvio::ui::nurse::Focus::Question(q) = risk_factors else {
            panic!("a question has the keyboard")
        };
        let answer = |h: &Harness<'static, ArvioApp>| {
            let c = h.state().state.call.as_ref().expect("a call");
            (c.ticked(q), c.assessment.call.answer(q))
        };
        let before = answer(&h);
        frames.keystroke(&mut h, Key::Num1, Some("1"));
        assert_ne!(
            answer(&h).0,
            before.0,
            "the keystroke ticks the first risk factor"
        );
        frames.keystroke(&mut h, Key::Enter, None);
        assert_ne!(answer(&h).1, before.1, "Enter confirms it");
        assert_ne!(focus(&h), risk_factors, "and the keyboard moves on");
        frames.keystroke(&mut h, Key::ArrowUp, None);
        assert_eq!(focus(&h), risk_factors, "the arrow brings it back");
        // Ticked and confirmed (Enter), then unticked and confirmed as none of them (E: Enter
        // with nothing ticked only moves on, H-53), the keyboard back after each.
        let cycle = [
            (Key::Num1, Some("1")),
            (Key::Enter, None),
            (Key::ArrowUp, None),
            (Key::Num1, Some("1")),
            (Key::E, Some("e")),
            (Key::ArrowUp, None),
        ];
        // The checks above left the option ticked and confirmed: the cycle goes on from there.
        let mut next = 3;
        let name = format!(
            "frame_after_keystroke_mid_call/{}",
            accesskit_label(accesskit)
        );
        c.bench_function(&name, |b| {
            // The risk factors' first option ticked or unticked, confirmed (the call
            // re-evaluated: the proposal and both routes laid out anew), the keyboard back on
            // it: one keystroke of the cycle per iteration.
            b.iter_custom(|n| {
                (0..n)
                    .map(|_| {
                        let (key, text) = cycle[next % cycle.len()];
                        next += 1;
                        frames.keystroke(&mut h, key, text)
                    })
                    .sum()
            })
        });
        assert!(
            h.state().state.call.is_some(),
            "the call is still in progress after the keystrokes"
        );
    }
}

/// A keystroke in the reason search: the search box with a query, the hits laid out.
fn search_keystroke(c: &mut Criterion) {
    for accesskit in [false, true] {
        let mut h = mid_call();
        h.key_press_modifiers(Modifiers::COMMAND, Key::F);
        h.run();
        h.event(Event::Text("kurkku ki".into()));
        h.run();
        with_accesskit(&h, accesskit);
        let mut frames = Frames { time: 10.0 };
        let query = |h: &Harness<'static, ArvioApp>| {
            h.state()
                .state
                .call
                .as_ref()
                .expect("a call")
                .search
                .clone()
        };
        assert_eq!(query(&h), "kurkku ki");
        frames.keystroke(&mut h, Key::P, Some("p"));
        assert_eq!(query(&h), "kurkku kip", "the letter reaches the search");
        frames.keystroke(&mut h, Key::Backspace, None);
        assert_eq!(query(&h), "kurkku ki", "Backspace takes it back");
        let name = format!(
            "frame_after_keystroke_in_the_search/{}",
            accesskit_label(accesskit)
        );
        c.bench_function(&name, |b| {
            let mut letter = true;
            b.iter_custom(|n| {
                (0..n)
                    .map(|_| {
                        let took = if letter {
                            frames.keystroke(&mut h, Key::P, Some("p"))
                        } else {
                            frames.keystroke(&mut h, Key::Backspace, None)
                        };
                        letter = !letter;
                        took
                    })
                    .sum()
            })
        });
    }
}

criterion_group!(benches, keystroke, search_keystroke);
criterion_main!(benches);
