//! The smaller defects of issue 14 (point 9), each typed as found: shortcuts never take a text
//! field's characters; the settings keep the keyboard inside them and their log label tells the
//! truth; zoom steps return; the assessor without a trailing comma; every field of the author's
//! and the statistics' screens by a shown shortcut; the trainer's cases never cut; the
//! statistics chart by urgency without "-" rows; the help scrolled by keyboard.
#![cfg(feature = "gui")]

mod common;
mod ui_support;

use std::path::PathBuf;

use arvio::ui::field::Field;
use arvio::ui::intent::Intent;
use arvio::ui::settings::Settings;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable, by};
use ui_support::*;

/// The label (or value) of the node AccessKit reports focused.
fn focused(h: &App) -> Option<(Role, String)> {
    let node = h.query(by().predicate(|n| n.is_focused()))?;
    let n = node.accesskit_node();
    Some((
        n.role(),
        n.label().or_else(|| n.value()).unwrap_or_default(),
    ))
}

#[test]
fn the_settings_log_folder_field_keeps_every_slash_during_a_call() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    new_call(&mut h);
    paste(&mut h, "kurkku");
    press(&mut h, Key::Enter);
    // A question has the keyboard, where "/" means "to the search".
    press(&mut h, Key::Tab);
    chord(&mut h, Modifiers::COMMAND, Key::Comma);
    h.get(by().role(Role::TextInput).label_contains("Lokikansio"))
        .click();
    h.run();
    type_keys(&mut h, "/tmp/arvio/loki");
    let s = &h.state().state;
    assert_eq!(s.log_dir_input, "/tmp/arvio/loki");
    let c = s.call.as_ref().expect("call");
    assert_eq!(c.search, "", "nothing went into the search");
    assert_eq!(c.assessment.call.answered().count(), 0, "nor answered");
    press(&mut h, Key::Enter);
    assert_eq!(
        h.state().state.settings.log_dir,
        Some(PathBuf::from("/tmp/arvio/loki"))
    );
}

#[test]
fn the_settings_keep_the_keyboard_inside_them() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    new_call(&mut h);
    chord(&mut h, Modifiers::COMMAND, Key::Comma);
    assert_eq!(
        focused(&h),
        Some((Role::TextInput, "Nimi".to_owned())),
        "the keyboard starts in the first field"
    );
    let behind = ["Uusi arvio (Ctrl+N)", "Ohje (F1)", "Asetukset (Ctrl+,)"];
    for _ in 0..12 {
        press(&mut h, Key::Tab);
        let (role, label) = focused(&h).expect("something inside has the keyboard");
        assert!(
            !label.contains("Yhteydenoton syy") && !behind.contains(&label.as_str()),
            "Tab went behind the settings: {role:?} {label}"
        );
    }
    press(&mut h, Key::Escape);
    assert!(!h.state().state.show_settings);
    // The call has the keyboard again.
    assert_eq!(focused(&h).map(|f| f.0), Some(Role::TextInput));
    type_keys(&mut h, "k");
    assert_eq!(h.state().state.call.as_ref().expect("call").search, "k");
}

#[test]
fn the_log_setting_says_what_an_empty_folder_means() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    chord(&mut h, Modifiers::COMMAND, Key::Comma);
    h.get_by_label("Lokikansio (tyhjä = oletuskansio)");
    assert!(h.query_by_label_contains("ei lokia").is_none());
    // Empty: calls are logged in the default folder, which is where the log is opened.
    assert_eq!(h.state().state.settings.log_dir, None);
}

#[test]
fn two_zoom_steps_down_and_two_up_return_to_the_starting_size() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    let start = h.state().state.settings.zoom;
    let ctx_start = h.ctx.zoom_factor();
    for _ in 0..2 {
        chord(&mut h, Modifiers::COMMAND, Key::Minus);
    }
    assert!(h.ctx.zoom_factor() < ctx_start);
    for _ in 0..2 {
        chord(&mut h, Modifiers::COMMAND, Key::Plus);
    }
    assert_eq!(h.state().state.settings.zoom, start);
    assert!((h.ctx.zoom_factor() - ctx_start).abs() < 1e-6);
    // Three up and three down too; Ctrl+0 back to the default.
    for k in [
        Key::Plus,
        Key::Plus,
        Key::Plus,
        Key::Minus,
        Key::Minus,
        Key::Minus,
    ] {
        chord(&mut h, Modifiers::COMMAND, k);
    }
    assert_eq!(h.state().state.settings.zoom, start);
    chord(&mut h, Modifiers::COMMAND, Key::Plus);
    chord(&mut h, Modifiers::COMMAND, Key::Num0);
    assert_eq!(h.state().state.settings.zoom, Settings::default().zoom);
}

#[test]
fn the_assessor_without_a_title_has_no_trailing_comma() {
    let dir = common::fixture();
    let mut s = settings();
    s.assessor.title = String::new();
    let mut h = app_with(s, dir.path().into(), egui::vec2(1280.0, 900.0));
    h.get_by_label("Arvioija: Testi Hoitaja");
    let mut s = h.state().state.settings.clone();
    s.assessor.title = "sairaanhoitaja".into();
    h.state_mut().state.apply(Intent::SetSettings(s));
    h.run();
    h.get_by_label("Arvioija: Testi Hoitaja, sairaanhoitaja");
}

#[test]
fn every_field_of_the_author_and_statistics_screens_has_a_shown_shortcut() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    // A call in progress, so that the author's "save as scenario" field is there.
    decided_cough_call(&mut h);
    chord(&mut h, Modifiers::ALT, Key::Num2);
    for (key, field, label) in [
        (Key::G, Field::AuthorPath, "Ohjekansio (Alt+G)"),
        (Key::S, Field::ScenarioName, "Nimi (Alt+S)"),
        (Key::B, Field::Baseline, "Vertailukohta (kansio) (Alt+B)"),
    ] {
        chord(&mut h, Modifiers::ALT, key);
        assert!(
            h.ctx.memory(|m| m.has_focus(field.id())),
            "{field:?} by Alt+{key:?}"
        );
        assert_eq!(focused(&h), Some((Role::TextInput, label.to_owned())));
    }
    // The folder path in two keys, and typed into at once.
    chord(&mut h, Modifiers::ALT, Key::G);
    type_keys(&mut h, "x");
    assert!(h.state().state.author.path_input.ends_with('x'));
    chord(&mut h, Modifiers::ALT, Key::Num4);
    for (key, field, label) in [
        (Key::F, Field::PeriodFrom, "Alkaen (Alt+F)"),
        (Key::T, Field::PeriodTo, "Päättyen (Alt+T)"),
    ] {
        chord(&mut h, Modifiers::ALT, key);
        assert!(h.ctx.memory(|m| m.has_focus(field.id())), "{field:?}");
        assert_eq!(focused(&h), Some((Role::TextInput, label.to_owned())));
    }
}

#[test]
fn the_trainers_case_list_is_never_cut_at_a_fixed_height() {
    let mut h = app_sized(PathBuf::from("rules/default"), egui::vec2(1280.0, 1600.0));
    chord(&mut h, Modifiers::ALT, Key::Num3);
    let cases = h.state().state.trainer.cases.len();
    assert!(cases > 10, "{cases}");
    // On a tall screen every case is on it at once.
    for i in 1..=cases {
        let r = h.get_by_label_contains(&format!(" {i}. ")).rect();
        assert!(
            r.max.y <= h.ctx.content_rect().height(),
            "case {i} is cut: {r:?}"
        );
    }
    // On a low one, the case chosen by ↓ scrolls into view.
    let mut h = app_sized(PathBuf::from("rules/default"), egui::vec2(1024.0, 768.0));
    chord(&mut h, Modifiers::ALT, Key::Num3);
    for _ in 1..cases {
        press(&mut h, Key::ArrowDown);
    }
    let last = h.get_by_label_contains(&format!("▶ {cases}. ")).rect();
    let screen = h.ctx.content_rect();
    assert!(
        last.min.y >= 0.0 && last.max.y <= screen.height(),
        "{last:?}"
    );
}

#[test]
fn the_statistics_chart_goes_by_urgency_without_dash_rows() {
    let dir = common::fixture();
    let log = tempfile::tempdir().expect("tmp");
    let mut h = app(dir.path().into());
    h.state_mut()
        .state
        .apply(Intent::OpenLog(Some(log.path().into())));
    let finish = |h: &mut App| {
        press(h, Key::F2); // who called: the client
        press(h, Key::F5); // in an emergency: told the caller to call 112
        chord(h, Modifiers::COMMAND, Key::Enter);
        chord(h, Modifiers::COMMAND, Key::Enter);
        assert!(h.state().state.call.is_none(), "finished");
    };
    // One emergency, two on-call, three self-care: by count the order would be reversed.
    new_call(&mut h);
    press(&mut h, Key::Tab);
    press(&mut h, Key::K);
    finish(&mut h);
    for _ in 0..2 {
        new_call(&mut h);
        press(&mut h, Key::Tab);
        press(&mut h, Key::E);
        press(&mut h, Key::K);
        finish(&mut h);
    }
    for _ in 0..3 {
        new_call(&mut h);
        paste(&mut h, "kurkku");
        press(&mut h, Key::Enter);
        press(&mut h, Key::Tab);
        chord(&mut h, Modifiers::SHIFT, Key::E);
        paste(&mut h, "40");
        press(&mut h, Key::Enter);
        press(&mut h, Key::E);
        press(&mut h, Key::Num1);
        finish(&mut h);
    }
    chord(&mut h, Modifiers::ALT, Key::Num4);
    let s = &h.state().state;
    let st = s.statistics.stats.as_ref().expect("stats");
    let g = s.guidance.current.as_deref();
    let rows: Vec<(&str, usize)> = arvio::ui::statistics::view::by_urgency(st, g)
        .iter()
        .map(|c| (c.id.as_str(), c.count))
        .collect();
    assert_eq!(
        rows,
        vec![("emergency", 1), ("on_call", 2), ("self_care", 3)]
    );
    assert!(rows.iter().all(|(id, _)| *id != arvio::stats::NONE_KEY));
}

#[test]
fn the_help_scrolls_by_keyboard_to_its_last_rows() {
    let dir = common::fixture();
    let mut h = app_sized(dir.path().into(), egui::vec2(1024.0, 768.0));
    press(&mut h, Key::F1);
    h.get_by_label_contains("PgUp / PgDn, Home / End");
    // A row's height under the window's heading.
    let top = |h: &App| {
        h.get_by_label("Esitystila").rect().min.y - h.get_by_label("Pikanäppäimet").rect().min.y
    };
    let before = top(&h);
    press(&mut h, Key::PageDown);
    let after = top(&h);
    assert!(after < before - 100.0, "PgDn scrolls: {before} → {after}");
    press(&mut h, Key::End);
    press(&mut h, Key::Home);
    assert!((top(&h) - before).abs() < 1.0, "Home goes back to the top");
    assert!(h.state().state.show_help, "scrolling keeps the help open");
}
