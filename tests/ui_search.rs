//! The reason search in the app (issue 14, point 8), typed letter by letter as a nurse types:
//! words in the caller's order, the start of a word only, one typo, and a red flag's keyword,
//! whose hit takes the keyboard to its question to ask and answers nothing (H-44). Also the call
//! screen's keys for what only a click did: Delete removes the last reason, Ctrl+Delete discards
//! a crashed call's restore offer.
#![cfg(feature = "gui")]

mod common;
mod ui_support;

use std::path::{Path, PathBuf};

use arvio::guidance::Guidance;
use arvio::text::Language;
use arvio::ui::app::ArvioApp;
use arvio::ui::nurse::Focus;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use ui_support::*;

/// The guidance these tests run on: the shipped one.
const GUIDANCE: &str = "rules/default";

fn started(lang: Language) -> App {
    let settings = arvio::ui::settings::Settings {
        language: lang,
        record_language: lang,
        ..settings()
    };
    let mut h = app_with(settings, PathBuf::from(GUIDANCE), egui::vec2(1280.0, 900.0));
    new_call(&mut h);
    h
}

fn g(h: &App) -> std::sync::Arc<Guidance> {
    h.state()
        .state
        .call
        .as_ref()
        .expect("call")
        .guidance
        .clone()
}

fn reasons(h: &App) -> Vec<String> {
    let c = h.state().state.call.as_ref().expect("call");
    let g = &c.guidance;
    c.assessment
        .call
        .reasons
        .iter()
        .map(|r| g.reason(*r).id.clone())
        .collect()
}

fn answered(h: &App) -> usize {
    let c = h.state().state.call.as_ref().expect("call");
    c.assessment.call.answered().count()
}

fn focus(h: &App) -> Focus {
    h.state().state.call.as_ref().expect("call").focus
}

fn label(h: &App, reason: &str, lang: Language) -> String {
    let g = g(h);
    let r = g.reason(g.reason_by_id(reason).expect("reason"));
    r.label.get(lang).to_owned()
}

/// The text of the node AccessKit reports focused.
fn focused_text(h: &App) -> String {
    let node = h.get(by().predicate(|n| n.is_focused()));
    let n = node.accesskit_node();
    n.label().or_else(|| n.value()).unwrap_or_default()
}

#[test]
fn kurkku_kipea_in_the_callers_order_finds_the_respiratory_reason() {
    let mut h = started(Language::Fi);
    type_keys(&mut h, "kurkku kipeä");
    let respiratory = label(&h, "respiratory", Language::Fi);
    h.get_by_label(&format!("▶ {respiratory}"));
    press(&mut h, Key::Enter);
    assert_eq!(reasons(&h), ["respiratory"]);
    assert_eq!(answered(&h), 0, "typing answers nothing");
    assert_eq!(focus(&h), Focus::Search);
}

#[test]
fn ear_finds_the_ear_and_never_the_rent_arrears() {
    let mut h = started(Language::En);
    type_keys(&mut h, "ear");
    let ear = label(&h, "ear", Language::En);
    let social = label(&h, "social", Language::En);
    h.get_by_label_contains(&ear);
    assert!(
        h.query_by_label_contains(&social).is_none(),
        "\"ear\" is not \"arrears\""
    );
}

#[test]
fn a_typo_still_finds_the_reason() {
    let mut h = started(Language::Fi);
    type_keys(&mut h, "korvkipu");
    let ear = label(&h, "ear", Language::Fi);
    h.get_by_label(&format!("▶ {ear}"));
    press(&mut h, Key::Enter);
    assert_eq!(reasons(&h), ["ear"]);
    assert_eq!(answered(&h), 0);
}

#[test]
fn a_red_flags_keyword_takes_the_keyboard_to_it_and_answers_nothing() {
    let mut h = started(Language::Fi);
    type_keys(&mut h, "sydänkohtaus");
    // The red flag first, marked.
    h.get_by_label("▶ ! Hälytysmerkki – kysy: rintakipu");
    press(&mut h, Key::Enter);
    let g = g(&h);
    let chest = g.question_by_id("red_chest_pain").expect("red flag");
    assert_eq!(
        focus(&h),
        Focus::Question(chest),
        "the red flag has the keyboard"
    );
    assert_eq!(answered(&h), 0, "choosing it answers nothing");
    assert!(h.query_by_label_contains("HÄTÄTILANNE").is_none());
    // Highlighted, and AccessKit's focus is on it, so the nurse reads it out.
    let text = g.question(chest).text.get(Language::Fi);
    assert!(
        focused_text(&h).contains(&text[..40]),
        "{}",
        focused_text(&h)
    );
    // The nurse asks it; the caller says no.
    press(&mut h, Key::E);
    let c = h.state().state.call.as_ref().expect("call");
    assert_eq!(
        c.assessment.call.answer(chest),
        Some(arvio::call::Value::No)
    );
}

#[test]
fn the_reason_and_its_red_flag_come_in_one_list() {
    let mut h = started(Language::Fi);
    type_keys(&mut h, "rintakipu");
    let chest_pain = label(&h, "chest_pain", Language::Fi);
    h.get_by_label(&format!("▶ {chest_pain}"));
    h.get_by_label("  ! Hälytysmerkki – kysy: rintakipu");
    // ↓ moves onto the red flag; Enter takes the keyboard there.
    press(&mut h, Key::ArrowDown);
    h.get_by_label("▶ ! Hälytysmerkki – kysy: rintakipu");
    press(&mut h, Key::Enter);
    let g = g(&h);
    assert_eq!(
        focus(&h),
        Focus::Question(g.question_by_id("red_chest_pain").expect("red flag"))
    );
    assert_eq!(answered(&h), 0);
    assert!(reasons(&h).is_empty(), "a global red flag brings no reason");
}

#[test]
fn a_scoped_red_flag_brings_its_reason_and_is_asked_not_answered() {
    let mut h = started(Language::Fi);
    type_keys(&mut h, "repivä kipu");
    let chest_pain = label(&h, "chest_pain", Language::Fi);
    h.get_by_label_contains(&format!("lisää syyn {chest_pain}"));
    press(&mut h, Key::Enter);
    let g = g(&h);
    assert_eq!(reasons(&h), ["chest_pain"]);
    assert_eq!(
        focus(&h),
        Focus::Question(g.question_by_id("red_cp_tearing").expect("red flag"))
    );
    assert_eq!(answered(&h), 0);
    assert!(h.query_by_label_contains("HÄTÄTILANNE").is_none());
}

#[test]
fn delete_in_the_empty_search_removes_the_last_reason() {
    let mut h = started(Language::Fi);
    type_keys(&mut h, "kurkku");
    press(&mut h, Key::Enter);
    type_keys(&mut h, "virtsa");
    press(&mut h, Key::Enter);
    assert_eq!(reasons(&h), ["respiratory", "urinary"]);
    h.get_by_label_contains("× (Delete)");
    press(&mut h, Key::Delete);
    assert_eq!(reasons(&h), ["respiratory"]);
    assert_eq!(answered(&h), 0);
    // Delete while typing edits the text, never a reason.
    type_keys(&mut h, "ab");
    press(&mut h, Key::Delete);
    assert_eq!(reasons(&h), ["respiratory"]);
}

fn app_saving(dir: &Path, save: &Path) -> App {
    let app = ArvioApp::new(
        settings(),
        dir.into(),
        Box::new(|| at(MONDAY_9)),
        Some(save.into()),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_ui_state(|ui, app: &mut ArvioApp| app.frame_settled(ui), app);
    h.run();
    h
}

#[test]
fn ctrl_delete_discards_the_restore_offer_as_its_button_says() {
    let data = tempfile::tempdir().expect("tmp");
    let save = data.path().join("autosave.ron");
    {
        let mut h = app_saving(Path::new(GUIDANCE), &save);
        new_call(&mut h);
        type_keys(&mut h, "kurkku");
        press(&mut h, Key::Enter);
        // The app dies here.
    }
    let mut h = app_saving(Path::new(GUIDANCE), &save);
    assert!(h.state().state.restore_offer.is_some());
    h.get_by_label("Hylkää (Ctrl+Delete)");
    chord(&mut h, Modifiers::COMMAND, Key::Delete);
    assert!(h.state().state.restore_offer.is_none(), "the offer is gone");
    assert!(h.state().state.call.is_none(), "nothing restored");
}
