//! The rule author's workbench in the app: live validation, hot reload, scenarios.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use arvio::ui::app::ArvioApp;
use arvio::ui::author::picker::FolderPicker;
use arvio::ui::intent::Intent;
use arvio::ui::mode::Mode;
use arvio::ui::settings::Settings;
use arvio::ui::watch::{NotifyWatcher, Wake, Watcher, channel_watcher};
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

/// The app on `dir`, as it starts: in the nurse view. File changes reach it through the
/// returned sender, as the watcher would report them.
fn started(dir: &Path) -> (Harness<'static, ArvioApp>, Sender<()>) {
    let clock = Box::new(|| {
        chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+02:00").expect("time")
    });
    let mut app = ArvioApp::new(Settings::default(), dir.to_path_buf(), clock, None);
    let (changed, watcher) = channel_watcher();
    app.state.watcher = Box::new(watcher);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_ui_state(|ui, app: &mut ArvioApp| app.frame_settled(ui), app);
    h.run();
    (h, changed)
}

/// The app on `dir` in author mode.
fn app(dir: &Path) -> (Harness<'static, ArvioApp>, Sender<()>) {
    let (mut h, changed) = started(dir);
    h.key_press_modifiers(Modifiers::ALT, Key::Num2);
    h.run();
    (h, changed)
}

/// The author saves `content` to `rel` in `dir`; the watcher reports it and a frame runs.
fn save(h: &mut Harness<'_, ArvioApp>, changed: &Sender<()>, dir: &Path, rel: &str, content: &str) {
    let path = dir.join(rel);
    let before = fs::metadata(&path).and_then(|m| m.modified()).ok();
    fs::write(&path, content).expect("write");
    // Two saves within the file system's timestamp granularity are still two saves.
    let after = fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("mtime");
    if let Some(before) = before.filter(|b| after <= *b) {
        fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(before + Duration::from_millis(10)))
            .expect("touch");
    }
    changed.send(()).expect("the app listens");
    h.run();
}

#[test]
fn broken_save_keeps_the_last_good_guidance_and_a_fix_runs_the_scenarios_green() {
    let dir = fixture_with_scenarios();
    let (mut h, changed) = app(dir.path());
    assert_eq!(h.state().state.mode, Mode::Author);
    h.get_by_label("2 läpi, 0 epäonnistui");
    h.get_by_label("✔ Ohjeessa ei virheitä");
    // The author saves a typo.
    let broken = common::COUGH.replace(r#"Ge("temp", 39.0)"#, r#"Ge("tmp", 39.0)"#);
    save(
        &mut h,
        &changed,
        dir.path(),
        "reasons/01_cough.ron",
        &broken,
    );
    h.get_by_label_contains("käytössä edelleen viimeisin toimiva versio");
    // In the interface language (Finnish by default), with its position.
    h.get_by_label_contains("20:41: tuntematon kysymys `tmp`");
    h.get_by_label_contains(r#"when: All([Yes("fever"), Ge("tmp", 39.0)]),"#);
    assert!(
        h.state().state.guidance.current.is_some(),
        "the last good guidance stays in use"
    );
    // The fix: the workbench reloads and the scenarios run green again.
    save(
        &mut h,
        &changed,
        dir.path(),
        "reasons/01_cough.ron",
        common::COUGH,
    );
    h.get_by_label_contains("Ohjeessa ei virheitä");
    h.get_by_label("2 läpi, 0 epäonnistui");
}

#[test]
fn a_changed_rule_fails_its_scenario_with_expected_and_actual() {
    let dir = fixture_with_scenarios();
    let (mut h, changed) = app(dir.path());
    let edited = common::COUGH.replace(r#"Ge("temp", 39.0)"#, r#"Ge("temp", 40.0)"#);
    save(
        &mut h,
        &changed,
        dir.path(),
        "reasons/01_cough.ron",
        &edited,
    );
    h.get_by_label_contains("1 läpi, 1 epäonnistui");
    h.get_by_label("FAIL");
    h.get_by_label_contains("timeframe: days_1_3 → days_1_7");
}

#[test]
fn scenarios_run_when_the_author_looks_and_see_changes_made_meanwhile() {
    let dir = fixture_with_scenarios();
    let (mut h, changed) = started(dir.path());
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
    let edited = common::COUGH.replace(r#"Ge("temp", 39.0)"#, r#"Ge("temp", 40.0)"#);
    save(
        &mut h,
        &changed,
        dir.path(),
        "reasons/01_cough.ron",
        &edited,
    );
    assert_ne!(hash(&h), before, "reloaded at once");
    // …and the author, looking now, sees the scenarios run against the changed rule.
    h.key_press_modifiers(Modifiers::ALT, Key::Num2);
    h.run();
    h.get_by_label("1 läpi, 1 epäonnistui");
}

#[test]
fn open_a_folder_with_the_picker_and_step_through_a_scenario() {
    let other = fixture_with_scenarios();
    let empty = tempfile::tempdir().expect("tmp");
    let (mut h, _) = app(empty.path());
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
    let (mut h, _) = app(dir.path());
    // Make an assessment in the nurse flow.
    h.key_press_modifiers(Modifiers::ALT, Key::Num1);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.event(egui::Event::Text("kurkku".into()));
    h.run();
    // The caller's card, then both red flags.
    for key in [Key::Enter, Key::Tab, Key::Num1, Key::E, Key::E] {
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
    h.get_by_label("Tallenna (Ctrl+S)").click();
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
    let (mut h, changed) = app(dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    let a = h.state().state.author.analysis.as_ref().expect("analysis");
    assert!(!a.summaries.is_empty());
    h.get_by_label_contains("Tapauksia");
    // The edited version changes an outcome: the comparison shows it.
    let edited = common::COUGH.replace(r#"Ge("temp", 39.0)"#, r#"Ge("temp", 40.0)"#);
    save(
        &mut h,
        &changed,
        dir.path(),
        "reasons/01_cough.ron",
        &edited,
    );
    h.get_by_label_contains("1 läpi, 1 epäonnistui");
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

#[test]
fn the_notify_watcher_reports_a_saved_guidance_file_and_wakes_the_ui() {
    let dir = fixture_with_scenarios();
    let woken = Arc::new(AtomicUsize::new(0));
    let count = woken.clone();
    let mut watcher = NotifyWatcher::default();
    let wake = Wake(Arc::new(move || {
        count.fetch_add(1, Ordering::SeqCst);
    }));
    assert!(watcher.watch(dir.path(), wake), "watching is possible here");
    assert!(!watcher.changed(), "nothing changed yet");
    let edited = common::COUGH.replace(r#"Ge("temp", 39.0)"#, r#"Ge("temp", 40.0)"#);
    fs::write(dir.path().join("reasons/01_cough.ron"), edited).expect("write");
    // The real watcher reports from its own thread, debounced.
    let start = Instant::now();
    while !watcher.changed() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the change was never reported"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(woken.load(Ordering::SeqCst) > 0, "the UI is woken");
}
