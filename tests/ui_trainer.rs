//! Trainer mode on the shipped guidance: practice with scoring, presentation mode, the map.

use std::path::{Path, PathBuf};

use arvio::ui::app::ArvioApp;
use arvio::ui::author::picker::FolderPicker;
use arvio::ui::mode::Mode;
use arvio::ui::settings::Settings;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn app() -> Harness<'static, ArvioApp> {
    let clock = Box::new(|| {
        chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+02:00").expect("time")
    });
    let app = ArvioApp::new(
        Settings::default(),
        PathBuf::from("rules/default"),
        clock,
        None,
    );
    // The real file watcher runs here (on rules/default); a wake-up from its thread can land
    // in the middle of a step, so a frame may take a few more steps to settle on a busy machine.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut ArvioApp| app.frame_settled(ui), app);
    h.run();
    h
}

fn key(h: &mut Harness<'_, ArvioApp>, modifiers: Modifiers, k: Key) {
    h.key_press_modifiers(modifiers, k);
    h.run();
}

/// Alt+3, the first case (a cold), Enter; the reason by search; every question asked with Space.
fn practise_first_case(h: &mut Harness<'_, ArvioApp>) {
    key(h, Modifiers::ALT, Key::Num3);
    assert_eq!(h.state().state.mode, Mode::Trainer);
    h.get_by_label_contains("▶ 1. ");
    key(h, Modifiers::NONE, Key::Enter);
    assert_eq!(h.state().state.mode, Mode::Nurse);
    h.get_by_label_contains("HARJOITUS");
    h.event(egui::Event::Text("flunssa".into()));
    h.run();
    key(h, Modifiers::NONE, Key::Enter);
    key(h, Modifiers::NONE, Key::Tab);
    // The answers are hidden until asked.
    assert!(h.query_all_by_label_contains("Kysy soittajalta").count() > 10);
    for _ in 0..60 {
        if h.state()
            .state
            .call
            .as_ref()
            .is_some_and(|c| c.evaluation.complete())
        {
            break;
        }
        key(h, Modifiers::NONE, Key::Space);
    }
    assert!(
        h.state()
            .state
            .call
            .as_ref()
            .expect("call")
            .evaluation
            .complete()
    );
}

#[test]
fn a_case_done_right_scores_100() {
    let mut h = app();
    practise_first_case(&mut h);
    key(&mut h, Modifiers::COMMAND, Key::Enter); // accept
    key(&mut h, Modifiers::COMMAND, Key::Enter); // finish → feedback
    assert_eq!(h.state().state.mode, Mode::Trainer);
    assert_eq!(
        h.get_all_by_label_contains("— 100 / 100").count(),
        2,
        "the feedback heading and the case list"
    );
    h.get_by_label("Opetuspisteet");
    let f = h.state().state.trainer.feedback.as_ref().expect("feedback");
    assert_eq!(f.score.total, 100);
    assert!(f.red_flags_not_screened.is_empty());
}

#[test]
fn an_over_triaged_case_loses_points_and_says_why() {
    let mut h = app();
    practise_first_case(&mut h);
    // The trainee makes the self-care case one step more urgent than the guidance says.
    key(&mut h, Modifiers::COMMAND, Key::O);
    key(&mut h, Modifiers::ALT, Key::ArrowUp);
    key(&mut h, Modifiers::COMMAND, Key::Num1);
    h.event(egui::Event::Text("Haluan varmistaa".into()));
    h.run();
    key(&mut h, Modifiers::COMMAND, Key::S);
    assert!(
        h.state()
            .state
            .call
            .as_ref()
            .expect("call")
            .assessment
            .decision
            .is_some()
    );
    key(&mut h, Modifiers::COMMAND, Key::Enter);
    let f = h.state().state.trainer.feedback.as_ref().expect("feedback");
    assert!(!f.timeframe_correct);
    assert!(f.score.total < 100, "{}", f.score.total);
    assert_eq!(
        h.get_all_by_label_contains(&format!("— {} / 100", f.score.total))
            .count(),
        2
    );
    assert_eq!(f.triage, arvio::training::Triage::Over);
    h.get_by_label("Ohjeen mukainen");
    h.get_by_label("✘");
}

struct SaveTo(PathBuf);

impl FolderPicker for SaveTo {
    fn pick_folder(&self, _: Option<&Path>) -> Option<PathBuf> {
        None
    }
    fn save_file(&self, _: &str) -> Option<PathBuf> {
        Some(self.0.clone())
    }
}

#[test]
fn the_session_summary_is_saved_without_names() {
    let mut h = app();
    practise_first_case(&mut h);
    key(&mut h, Modifiers::COMMAND, Key::Enter);
    key(&mut h, Modifiers::COMMAND, Key::Enter);
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("summary.json");
    h.state_mut().state.picker = Box::new(SaveTo(path.clone()));
    key(&mut h, Modifiers::COMMAND, Key::S);
    let text = std::fs::read_to_string(&path).expect("saved");
    assert!(text.contains("\"total\": 100"), "{text}");
    h.get_by_label_contains("Tallennettu:");
}

#[test]
fn presentation_mode_scales_the_type_and_hides_the_clock() {
    let mut h = app();
    key(&mut h, Modifiers::COMMAND, Key::N);
    h.get_by_label_contains("Puhelu 00:00");
    h.get_by_label_contains("Arvioija:");
    let before = h.ctx.zoom_factor();
    key(&mut h, Modifiers::NONE, Key::F11);
    h.run();
    assert!(h.state().state.presentation);
    assert!(
        h.ctx.zoom_factor() > before * 1.5,
        "{} → {}",
        before,
        h.ctx.zoom_factor()
    );
    assert!(
        h.query_by_label_contains("Puhelu 00:00").is_none(),
        "no clock on the projector"
    );
    assert!(
        h.query_by_label_contains("Arvioija:").is_none(),
        "no personal settings on the projector"
    );
    key(&mut h, Modifiers::NONE, Key::F11);
    h.run();
    assert!((h.ctx.zoom_factor() - before).abs() < 1e-3);
}

#[test]
fn the_map_highlights_the_current_path() {
    let mut h = app();
    practise_first_case(&mut h);
    // The map names rules by their descriptions (issue 14), not their ids.
    let (winner, poor_condition) = {
        let s = &h.state().state;
        let c = s.call.as_ref().expect("call");
        let g = &c.guidance;
        let d = c.evaluation.proposal.as_ref().expect("proposal").winner;
        let poor = g
            .reasons
            .iter()
            .flat_map(|r| &r.rules)
            .find(|r| r.id == "resp_poor_condition")
            .expect("rule")
            .description
            .get(arvio::text::Language::Fi)
            .to_owned();
        (
            arvio::ui::labels::decider(g, d, arvio::text::Language::Fi),
            poor,
        )
    };
    key(&mut h, Modifiers::ALT, Key::Num3);
    key(&mut h, Modifiers::NONE, Key::F6);
    h.get_by_label(&format!("▶ {winner}"));
    // A rule that did not decide has no marker.
    assert!(h.query_by_label(&format!("▶ {poor_condition}")).is_none() || winner == poor_condition);
}

#[test]
fn replay_steps_through_a_case_and_explains_each_change() {
    let mut h = app();
    key(&mut h, Modifiers::ALT, Key::Num3);
    key(&mut h, Modifiers::NONE, Key::R);
    h.get_by_label_contains("0 / ");
    let steps = h
        .state()
        .state
        .trainer
        .replay
        .as_ref()
        .expect("replay")
        .steps
        .len();
    for _ in 0..steps {
        key(&mut h, Modifiers::NONE, Key::ArrowRight);
    }
    h.get_by_label(&format!("{steps} / {steps}"));
    h.get_by_label_contains("Viimeisin vastaus");
    key(&mut h, Modifiers::NONE, Key::ArrowLeft);
    h.get_by_label(&format!("{} / {steps}", steps - 1));
}

/// Issue 12: the map of a format-2 reason shows what its rules read beyond its own questions —
/// the patient's basics and the shared (pool) questions, each named as such — and the red flags
/// that come with the reason, with their scope; the global ones are counted, not drawn.
#[test]
fn the_map_shows_basics_shared_questions_and_the_reasons_own_red_flags() {
    use arvio::guidance::Part;
    use arvio::i18n::Msg;
    use arvio::text::Language::Fi;
    let mut h = app();
    key(&mut h, Modifiers::ALT, Key::Num3);
    key(&mut h, Modifiers::NONE, Key::F6);
    let g = h.state().state.guidance.current.clone().expect("guidance");
    let (ri, r) = g
        .reasons
        .iter()
        .enumerate()
        .find(|(_, r)| r.id == "respiratory")
        .expect("respiratory");
    h.get_by_label(r.label.get(Fi)).click();
    h.run();
    let read_by_rules = |part: Part| {
        let mut found = None;
        for rule in &r.rules {
            arvio::guidance::visit_atoms(&rule.when, &mut |a| {
                if g.question(a.question).part == part {
                    found.get_or_insert(a.question);
                }
            });
        }
        found.expect("a rule reads one")
    };
    let age = read_by_rules(Part::Basic);
    h.get_by_label(&format!(
        "{}: {}",
        Msg::MapBasic.get(Fi),
        g.question(age).text.get(Fi)
    ));
    let shared = read_by_rules(Part::Pool);
    h.get_by_label(&format!(
        "{}: {}",
        Msg::MapShared.get(Fi),
        g.question(shared).text.get(Fi)
    ));
    let reason = arvio::guidance::ReasonId(ri as u32);
    let own = g
        .red_flags
        .iter()
        .find(|rf| rf.reasons.contains(&reason))
        .expect("a red flag scoped to respiratory");
    let scope = if own.ask_if.is_some() {
        Msg::MapRedFlagOnlyWhen
    } else {
        Msg::MapRedFlagOfReason
    };
    h.get_by_label(&format!(
        "{}: {}",
        scope.get(Fi),
        g.question(own.question).text.get(Fi)
    ));
    let global = g.red_flags.iter().filter(|rf| rf.is_global()).count();
    h.get_by_label(&Msg::MapGlobalRedFlags.fill(Fi, &[global.to_string()]));
}
