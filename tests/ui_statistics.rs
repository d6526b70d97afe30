//! Finished calls are logged anonymously and the statistics view shows them.

mod common;

use std::path::{Path, PathBuf};

use arvio::ui::app::ArvioApp;
use arvio::ui::author::picker::FolderPicker;
use arvio::ui::intent::Intent;
use arvio::ui::mode::Mode;
use arvio::ui::settings::Settings;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

struct SaveTo(PathBuf);

impl FolderPicker for SaveTo {
    fn pick_folder(&self, _: Option<&Path>) -> Option<PathBuf> {
        None
    }
    fn save_file(&self, _: &str) -> Option<PathBuf> {
        Some(self.0.clone())
    }
}

fn app(dir: &Path, log: &Path) -> Harness<'static, ArvioApp> {
    let clock = Box::new(|| {
        chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+02:00").expect("time")
    });
    let mut app = ArvioApp::new(Settings::default(), dir.to_path_buf(), clock, None);
    app.state.apply(Intent::OpenLog(Some(log.to_path_buf())));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 1000.0))
        .build_ui_state(|ui, app: &mut ArvioApp| app.frame_settled(ui), app);
    h.run();
    h
}

fn key(h: &mut Harness<'_, ArvioApp>, m: Modifiers, k: Key) {
    h.key_press_modifiers(m, k);
    h.run();
}

fn emergency_call(h: &mut Harness<'_, ArvioApp>) {
    key(h, Modifiers::COMMAND, Key::N);
    key(h, Modifiers::NONE, Key::F2); // who called: the client
    key(h, Modifiers::NONE, Key::Tab);
    key(h, Modifiers::NONE, Key::K);
    key(h, Modifiers::NONE, Key::F5); // told the caller to call 112
    key(h, Modifiers::COMMAND, Key::Enter);
    key(h, Modifiers::COMMAND, Key::Enter);
}

fn self_care_call(h: &mut Harness<'_, ArvioApp>, notes: &str) {
    key(h, Modifiers::COMMAND, Key::N);
    key(h, Modifiers::NONE, Key::F2); // who called: the client
    h.event(egui::Event::Text("kurkku".into()));
    h.run();
    for k in [Key::Enter, Key::Tab, Key::E, Key::E] {
        key(h, Modifiers::NONE, k);
    }
    h.event(egui::Event::Text("30".into()));
    h.run();
    for k in [Key::Enter, Key::E, Key::Num1] {
        key(h, Modifiers::NONE, k);
    }
    key(h, Modifiers::COMMAND, Key::Enter);
    h.state_mut().state.apply(Intent::SetNotes(notes.into()));
    key(h, Modifiers::COMMAND, Key::Enter);
    assert!(h.state().state.call.is_none(), "finished");
}

#[test]
fn ten_calls_are_logged_and_counted_and_no_free_text_reaches_the_log() {
    let dir = common::fixture();
    let log = tempfile::tempdir().expect("tmp");
    let mut h = app(dir.path(), log.path());
    for _ in 0..6 {
        emergency_call(&mut h);
    }
    for _ in 0..4 {
        self_care_call(&mut h, "Soittaja 131052-308T, puh. 040 123 4567");
    }
    key(&mut h, Modifiers::ALT, Key::Num4);
    assert_eq!(h.state().state.mode, Mode::Statistics);
    h.get_by_label("Arvioita: 10");
    let stats = h.state().state.statistics.stats.clone().expect("stats");
    let count = |id: &str| {
        stats
            .timeframes
            .iter()
            .find(|c| c.id == id)
            .map_or(0, |c| c.count)
    };
    assert_eq!((count("emergency"), count("self_care")), (6, 4));
    // Nothing typed in the notes is anywhere in the log folder.
    for entry in std::fs::read_dir(log.path()).expect("log dir") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
        assert!(
            !text.contains("131052-308T") && !text.contains("040 123"),
            "{text}"
        );
    }
    // CSV export that a Finnish spreadsheet opens: BOM, semicolons, Finnish letters intact.
    let csv_path = log.path().join("export.csv");
    h.state_mut().state.picker = Box::new(SaveTo(csv_path.clone()));
    key(&mut h, Modifiers::COMMAND, Key::E);
    let bytes = std::fs::read(&csv_path).expect("csv");
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).expect("utf8");
    assert!(text.lines().next().expect("header").contains(';'));
    assert!(text.contains("Omahoito"), "{text}");
}

#[test]
fn a_date_takes_effect_on_enter_not_at_every_keystroke() {
    let dir = common::fixture();
    let log = tempfile::tempdir().expect("tmp");
    let mut h = app(dir.path(), log.path());
    for _ in 0..3 {
        emergency_call(&mut h);
    }
    key(&mut h, Modifiers::ALT, Key::Num4);
    h.get_by_label("Arvioita: 3");
    // A period after every call: typed a character at a time, the figures stay as they were…
    h.get_by_label("Alkaen (Alt+F)").click();
    h.run();
    key(&mut h, Modifiers::COMMAND, Key::A);
    for ch in "2026-11-24".chars() {
        h.event(egui::Event::Text(ch.to_string()));
        h.run();
        h.get_by_label("Arvioita: 3");
    }
    assert_eq!(h.state().state.statistics.from, "2026-11-24");
    // …and Enter reads the log for the new period.
    key(&mut h, Modifiers::NONE, Key::Enter);
    h.get_by_label("Arvioita: 0");
    // A period without assessments says so, with no chart of empty axes and no empty tables.
    h.get_by_label_contains("Jaksolla ei ole päätettyjä arvioita");
    assert!(h.query_by_label("Ammattilainen").is_none());
    assert_eq!(
        h.state().state.statistics.period,
        ("2026-11-24".to_owned(), "2026-11-23".to_owned())
    );
}
