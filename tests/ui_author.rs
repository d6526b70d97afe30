//! The rule author's workbench in the app: live validation, hot reload, scenarios.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use arvio::ui::app::ArvioApp;
use arvio::ui::author::picker::FolderPicker;
use arvio::ui::intent::Intent;
use arvio::ui::mode::Mode;
use arvio::ui::settings::Settings;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const SCENARIO_HIGH_FEVER: &str = r#"Scenario(
    name: "High fever",
    at: "2026-11-23T09:00:00+02:00",
    reasons: ["cough"],
    answers: {"age": Number(40.0), "fever": Yes, "temp": Number(39.5), "kind": Choice("dry")},
    expect: (timeframe: "days_1_3", mode: "visit", professional: "doctor", rule: "cough_high_fever"),
)
"#;

const SCENARIO_MILD: &str = r#"Scenario(
    name: "Mild dry cough",
    at: "2026-11-23T09:00:00+02:00",
    reasons: ["cough"],
    answers: {"age": Number(40.0), "fever": No, "kind": Choice("dry")},
    expect: (timeframe: "self_care", rule: "cough_mild"),
)
"#;

struct FakePicker(PathBuf);

impl FolderPicker for FakePicker {
    fn pick_folder(&self, _start: Option<&Path>) -> Option<PathBuf> {
        Some(self.0.clone())
    }
    fn save_file(&self, _name: &str) -> Option<PathBuf> {
        None
    }
}

fn fixture_with_scenarios() -> tempfile::TempDir {
    common::folder(&[
        ("guidance.ron", common::GUIDANCE),
        ("reasons/01_cough.ron", common::COUGH),
        ("reasons/02_social.ron", common::SOCIAL),
        ("scenarios/001_high_fever.ron", SCENARIO_HIGH_FEVER),
        ("scenarios/002_mild.ron", SCENARIO_MILD),
    ])
}

/// The app on `dir`, as it starts: in the nurse view.
fn started(dir: &Path) -> Harness<'static, ArvioApp> {
    let clock = Box::new(|| {
        chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+02:00").expect("time")
    });
    let app = ArvioApp::new(Settings::default(), dir.to_path_buf(), clock, None);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_ui_state(|ui, app: &mut ArvioApp| app.frame(ui), app);
    h.run();
    h
}

/// The app on `dir` in author mode.
fn app(dir: &Path) -> Harness<'static, ArvioApp> {
    let mut h = started(dir);
    h.key_press_modifiers(Modifiers::ALT, Key::Num2);
    h.run();
    h
}

/// Runs frames until `label` is on screen; file events arrive from the watcher's thread.
fn wait_for(h: &mut Harness<'_, ArvioApp>, label: &str) {
    let start = Instant::now();
    loop {
        h.run();
        if h.query_by_label_contains(label).is_some() {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "`{label}` never appeared"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn broken_save_keeps_the_last_good_guidance_and_a_fix_runs_the_scenarios_green() {
    let dir = fixture_with_scenarios();
    let mut h = app(dir.path());
    assert_eq!(h.state().state.mode, Mode::Author);
    h.get_by_label("2 läpi, 0 epäonnistui");
    h.get_by_label("= Ohjeessa ei virheitä");
    // The author saves a typo.
    let broken = common::COUGH.replace(r#"Ge("temp", 39.0)"#, r#"Ge("tmp", 39.0)"#);
    std::fs::write(dir.path().join("reasons/01_cough.ron"), &broken).expect("write");
    wait_for(&mut h, "käytössä edelleen viimeisin toimiva versio");
    h.get_by_label_contains("20:41: unknown question `tmp`");
    h.get_by_label_contains(r#"when: All([Yes("fever"), Ge("tmp", 39.0)]),"#);
    assert!(
        h.state().state.guidance.current.is_some(),
        "the last good guidance stays in use"
    );
    // The fix: the workbench reloads and the scenarios run green again.
    std::fs::write(dir.path().join("reasons/01_cough.ron"), common::COUGH).expect("write");
    wait_for(&mut h, "Ohjeessa ei virheitä");
    h.get_by_label("2 läpi, 0 epäonnistui");
}

#[test]
fn a_changed_rule_fails_its_scenario_with_expected_and_actual() {
    let dir = fixture_with_scenarios();
    let mut h = app(dir.path());
    let changed = common::COUGH.replace(r#"Ge("temp", 39.0)"#, r#"Ge("temp", 40.0)"#);
    std::fs::write(dir.path().join("reasons/01_cough.ron"), changed).expect("write");
    wait_for(&mut h, "1 läpi, 1 epäonnistui");
    h.get_by_label("FAIL");
    h.get_by_label_contains("timeframe: days_1_3 → days_1_7");
}

#[test]
fn scenarios_run_when_the_author_looks_and_see_changes_made_meanwhile() {
    let dir = fixture_with_scenarios();
    let mut h = started(dir.path());
    assert_eq!(h.state().state.mode, Mode::Nurse);
    assert!(
        h.state().state.author.results.is_empty(),
        "the nurse's start runs no scenarios"
    );
    // A rule changes on disk while the nurse view is shown: the guidance reloads at once…
    let hash = |h: &Harness<'_, ArvioApp>| {
        let g = h.state().state.guidance.current.as_ref().expect("guidance");
        g.provenance.hash.clone()
    };
    let before = hash(&h);
    let changed = common::COUGH.replace(r#"Ge("temp", 39.0)"#, r#"Ge("temp", 40.0)"#);
    std::fs::write(dir.path().join("reasons/01_cough.ron"), changed).expect("write");
    let start = Instant::now();
    while hash(&h) == before {
        assert!(start.elapsed() < Duration::from_secs(10), "never reloaded");
        std::thread::sleep(Duration::from_millis(50));
        h.run();
    }
    // …and the author, looking now, sees the scenarios run against the changed rule.
    h.key_press_modifiers(Modifiers::ALT, Key::Num2);
    h.run();
    h.get_by_label("1 läpi, 1 epäonnistui");
}

#[test]
fn open_a_folder_with_the_picker_and_step_through_a_scenario() {
    let other = fixture_with_scenarios();
    let empty = tempfile::tempdir().expect("tmp");
    let mut h = app(empty.path());
    h.get_by_label_contains("arviointi estetty");
    h.state_mut().state.picker = Box::new(FakePicker(other.path().to_path_buf()));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    h.run();
    h.get_by_label("2 läpi, 0 epäonnistui");
    assert_eq!(
        h.state().state.settings.recent.first(),
        Some(&other.path().to_path_buf())
    );
    // Open the first scenario in the nurse flow: its answers are filled in.
    h.get_all_by_label("Avaa")
        .next()
        .expect("open button")
        .click();
    h.run();
    let s = &h.state().state;
    assert_eq!(s.mode, Mode::Nurse);
    let c = s.call.as_ref().expect("the scenario's call");
    assert_eq!(c.assessment.call.reasons.len(), 1);
    assert!(c.evaluation.proposal.is_some());
}

#[test]
fn save_the_assessment_as_a_scenario() {
    let dir = fixture_with_scenarios();
    let mut h = app(dir.path());
    // Make an assessment in the nurse flow.
    h.key_press_modifiers(Modifiers::ALT, Key::Num1);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.event(egui::Event::Text("kurkku".into()));
    h.run();
    for key in [Key::Enter, Key::E, Key::E] {
        h.key_press(key);
        h.run();
    }
    h.event(egui::Event::Text("80".into()));
    h.run();
    for key in [Key::Enter, Key::E, Key::Num2] {
        h.key_press(key);
        h.run();
    }
    h.key_press_modifiers(Modifiers::ALT, Key::Num2);
    h.run();
    h.state_mut()
        .state
        .apply(Intent::SetScenarioName("Elderly, wet cough".into()));
    h.get_by_label("Tallenna").click();
    h.run();
    let saved = dir.path().join("scenarios/003_elderly_wet_cough.ron");
    let text = std::fs::read_to_string(&saved).expect("the scenario file");
    assert!(text.contains(r#"rule: Some("cough_old")"#), "{text}");
    assert!(
        text.contains(r#"window: Some(("2026-11-24", "2026-11-26"))"#),
        "{text}"
    );
    let a = &h.state().state.author;
    assert_eq!(
        (a.passed(), a.failed()),
        (3, 0),
        "{:#?} {text}",
        a.results.iter().filter(|r| !r.passed()).collect::<Vec<_>>()
    );
    h.run();
    h.get_by_label("3 läpi, 0 epäonnistui");
}

#[test]
fn analysis_and_comparison_in_the_workbench() {
    let dir = fixture_with_scenarios();
    let baseline = fixture_with_scenarios();
    let mut h = app(dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    let a = h.state().state.author.analysis.as_ref().expect("analysis");
    assert!(!a.summaries.is_empty());
    h.get_by_label_contains("Tapauksia");
    // The edited version changes an outcome: the comparison shows it.
    let changed = common::COUGH.replace(r#"Ge("temp", 39.0)"#, r#"Ge("temp", 40.0)"#);
    std::fs::write(dir.path().join("reasons/01_cough.ron"), changed).expect("write");
    wait_for(&mut h, "1 läpi, 1 epäonnistui");
    h.state_mut().state.picker = Box::new(FakePicker(baseline.path().to_path_buf()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    h.run();
    let text = match h
        .state()
        .state
        .author
        .comparison
        .as_ref()
        .expect("compared")
    {
        Ok(text) => text.clone(),
        Err(e) => panic!("{e:?}"),
    };
    assert!(text.contains("cough_high_fever"), "{text}");
}
