//! The app and the guidance's approval, driven by keyboard: the status line and the warning bar,
//! `require_approval` refusing a real call on unapproved guidance while practice still works, and
//! author mode's handbook (Ctrl+H) and changes since the approved release (Ctrl+D).

mod common;
mod ui_support;

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use arvio::approval::{self, Status};
use arvio::i18n::Msg;
use arvio::text::Language;
use arvio::ui::author::opener::Opener;
use arvio::ui::author::picker::FolderPicker;
use arvio::ui::mode::Mode;
use arvio::ui::settings::Settings;
use arvio::ui::state::Notice;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::{App, app_with, chord, new_call, press, settings};

/// The guidance with practice cases the tests read: the shipped one, copied.
const SHIPPED: &str = "rules/default";

fn english() -> Settings {
    Settings {
        language: Language::En,
        record_language: Language::En,
        ..settings()
    }
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("type").is_dir() {
            copy(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).expect("copy");
        }
    }
}

fn shipped_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join(SHIPPED),
        dir.path(),
    );
    dir
}

/// Approves the guidance in `dir` as it is now.
fn approve(dir: &Path) {
    let g = common::load(dir);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
    let a = approval::approve(
        &g.meta.version,
        &g.provenance.hash,
        "Dr Anna Virtanen",
        "chief physician",
        day,
        None,
    )
    .expect("valid");
    approval::write(dir, &a).expect("written");
}

fn app(dir: &Path) -> App {
    app_with(english(), dir.to_path_buf(), egui::vec2(1280.0, 900.0))
}

#[test]
fn an_approved_guidance_says_by_whom_and_when_and_shows_no_warning() {
    let dir = common::fixture();
    approve(dir.path());
    let h = app(dir.path());
    h.get_by_label_contains("approved by Dr Anna Virtanen (chief physician) on 20.11.2026");
    assert!(h.query_by_label_contains("NOT APPROVED").is_none());
}

#[test]
fn an_unapproved_or_changed_guidance_shows_a_warning_on_every_screen() {
    let dir = common::fixture();
    let mut h = app(dir.path());
    h.get_by_label_contains("! NOT APPROVED: this guidance has not been approved for use");
    chord(&mut h, Modifiers::ALT, Key::Num2);
    h.get_by_label_contains("! NOT APPROVED");
    // Approved, then edited: the reload says it changed since approval.
    approve(dir.path());
    let cough = dir.path().join("reasons/01_cough.ron");
    let text = std::fs::read_to_string(&cough).expect("read");
    std::fs::write(
        &cough,
        text.replace("Ge(\"temp\", 39.0)", "Ge(\"temp\", 38.5)"),
    )
    .expect("write");
    h.state_mut()
        .state
        .apply(arvio::ui::intent::Intent::ReloadGuidance);
    h.run();
    h.get_by_label_contains("! CHANGED SINCE APPROVAL");
    assert!(matches!(
        h.state()
            .state
            .guidance
            .current
            .as_ref()
            .map(|g| &g.provenance.approval),
        Some(Status::Changed(_))
    ));
}

#[test]
fn an_approval_written_while_the_app_runs_shows_at_once() {
    let dir = common::fixture();
    let mut h = app(dir.path());
    let (changed, watcher) = arvio::ui::watch::channel_watcher();
    h.state_mut().state.watcher = Box::new(watcher);
    h.run();
    h.get_by_label_contains("! NOT APPROVED");
    approve(dir.path());
    changed.send(()).expect("the app listens");
    h.run();
    h.get_by_label_contains("approved by Dr Anna Virtanen");
    assert!(h.query_by_label_contains("! NOT APPROVED").is_none());
}

/// H-40: on a managed desk a real call does not start on guidance that is not approved, or that
/// changed after approval; a practice call and author mode still work.
#[test]
fn with_require_approval_a_real_call_needs_approved_guidance_but_practice_still_works() {
    let dir = shipped_copy();
    let mut h = app(dir.path());
    h.state_mut().state.require_approval = true;
    new_call(&mut h);
    assert!(
        h.state().state.call.is_none(),
        "no real call on unapproved guidance"
    );
    assert_eq!(
        h.state().state.notice,
        Some(Notice::Said(Msg::CallNeedsApproval))
    );
    h.get_by_label_contains(Msg::CallNeedsApproval.get(Language::En));
    // Practice runs in the real flow all the same.
    chord(&mut h, Modifiers::ALT, Key::Num3);
    press(&mut h, Key::Enter);
    let practice = h.state().state.call.as_ref().map(|c| c.practice.is_some());
    assert_eq!(practice, Some(true), "a practice call starts");
    assert_eq!(h.state().state.mode, Mode::Nurse);
    h.state_mut().state.call = None;
    // Approved: the real call starts.
    approve(dir.path());
    h.state_mut()
        .state
        .apply(arvio::ui::intent::Intent::ReloadGuidance);
    chord(&mut h, Modifiers::ALT, Key::Num1);
    new_call(&mut h);
    let real = h.state().state.call.as_ref().map(|c| c.practice.is_none());
    assert_eq!(real, Some(true), "a real call on approved guidance");
    // Without the managed setting an unapproved guidance still takes calls, with its warning.
    let other = common::fixture();
    let mut h = app(other.path());
    new_call(&mut h);
    assert!(h.state().state.call.is_some());
}

#[derive(Clone, Default)]
struct Opened(Rc<RefCell<Vec<PathBuf>>>);

impl Opener for Opened {
    fn open(&self, path: &Path) -> Result<(), String> {
        self.0.borrow_mut().push(path.to_path_buf());
        Ok(())
    }
}

struct Picks(PathBuf, Rc<RefCell<usize>>);

impl FolderPicker for Picks {
    fn pick_folder(&self, _start: Option<&Path>) -> Option<PathBuf> {
        *self.1.borrow_mut() += 1;
        Some(self.0.clone())
    }
    fn save_file(&self, _name: &str) -> Option<PathBuf> {
        None
    }
}

#[test]
fn ctrl_h_opens_the_handbook_of_the_open_guidance_in_the_browser() {
    let dir = common::fixture();
    let cache = tempfile::tempdir().expect("temp dir");
    let mut h = app(dir.path());
    let opened = Opened::default();
    h.state_mut().state.opener = Box::new(opened.clone());
    h.state_mut().state.handbook_dir = Some(cache.path().join("handbook"));
    chord(&mut h, Modifiers::ALT, Key::Num2);
    h.get_by_label_contains("Open the handbook in the browser (Ctrl+H)");
    chord(&mut h, Modifiers::COMMAND, Key::H);
    let paths = opened.0.borrow().clone();
    assert_eq!(paths.len(), 1);
    let html = std::fs::read_to_string(&paths[0]).expect("written before it is opened");
    assert!(
        html.contains("<h1>Test guidance</h1>"),
        "in the interface language"
    );
    assert!(paths[0].starts_with(cache.path()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&paths[0])
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "private: {mode:o}");
    }
    h.get_by_label_contains("Handbook opened: ");
}

#[test]
fn ctrl_d_shows_what_changes_for_callers_since_the_approved_release() {
    let release = common::fixture();
    approve(release.path());
    let dir = common::fixture();
    let cough = dir.path().join("reasons/01_cough.ron");
    let text = std::fs::read_to_string(&cough).expect("read");
    std::fs::write(
        &cough,
        text.replace("Ge(\"temp\", 39.0)", "Ge(\"temp\", 38.5)"),
    )
    .expect("write");
    let mut h = app(dir.path());
    let picks = Rc::new(RefCell::new(0));
    h.state_mut().state.picker = Box::new(Picks(release.path().to_path_buf(), picks.clone()));
    chord(&mut h, Modifiers::ALT, Key::Num2);
    h.get_by_label_contains("What changes for callers since the approved version (Ctrl+D)");
    // The first time the release's folder is asked for, then remembered.
    chord(&mut h, Modifiers::COMMAND, Key::D);
    assert_eq!(*picks.borrow(), 1);
    assert_eq!(
        h.state().state.settings.approved_release.as_deref(),
        Some(release.path())
    );
    let since = h
        .state()
        .state
        .author
        .since_approved
        .clone()
        .expect("shown");
    assert!(
        since.warnings.is_empty(),
        "an approved release: {:?}",
        since.warnings
    );
    assert!(
        since.text.starts_with("What changes for callers"),
        "{}",
        since.text
    );
    assert!(
        since.text.contains("Before: 1–7 days, Phone, Nurse"),
        "{}",
        since.text
    );
    assert!(
        since.text.contains("Now: 1–3 days, Visit, Doctor"),
        "{}",
        since.text
    );
    h.get_by_label_contains("Now: 1–3 days, Visit, Doctor");
    chord(&mut h, Modifiers::COMMAND, Key::D);
    assert_eq!(*picks.borrow(), 1, "remembered");
    // A folder that is no approved release is said to be so.
    let unapproved = common::fixture();
    h.state_mut().state.picker = Box::new(Picks(unapproved.path().to_path_buf(), picks.clone()));
    chord(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    let since = h
        .state()
        .state
        .author
        .since_approved
        .clone()
        .expect("shown");
    assert!(
        since
            .warnings
            .iter()
            .any(|w| w.starts_with("This folder is not an approved release"))
    );
}
