//! Nurse-facing text in the app (issue 14, point 5): labels, never ids; every word from the one
//! translation table, with arrows and localised key names; plural forms; numbers by language;
//! notices in the language on screen; markers that the fonts can draw.
#![cfg(feature = "gui")]

mod common;
mod ui_support;

use std::path::PathBuf;

use arvio::i18n::Msg;
use arvio::text::Language;
use arvio::ui::settings::Settings;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use ui_support::*;

/// Every label and value on screen, except the record text (the record is its own part).
fn screen_texts(h: &App) -> Vec<String> {
    let record = h.state().state.record();
    let mut out = Vec::new();
    let root = h.root();
    for n in root.children_recursive() {
        let n = n.accesskit_node();
        for text in [n.label(), n.value()].into_iter().flatten() {
            // The record's label and the runs of its lines.
            let in_record = record.as_ref().is_some_and(|r| r.contains(text.as_str()));
            if !in_record && !text.is_empty() {
                out.push(text);
            }
        }
    }
    out
}

/// The ids of the rules, fallbacks and red flags of the call's guidance.
fn decider_ids(h: &App) -> Vec<String> {
    let g = h.state().state.guidance.current.clone().expect("guidance");
    let mut ids: Vec<String> = g
        .reasons
        .iter()
        .flat_map(|r| {
            r.rules
                .iter()
                .map(|x| x.id.clone())
                .chain([r.fallback_id()])
        })
        .collect();
    ids.extend(
        g.red_flags
            .iter()
            .map(|f| g.question(f.question).id.clone()),
    );
    ids.extend(g.timeframes.iter().map(|t| t.id.clone()));
    ids
}

#[test]
fn a_urinary_call_shows_labels_never_ids() {
    let mut h = app(PathBuf::from("rules/default"));
    new_call(&mut h);
    paste(&mut h, "virtsa");
    press(&mut h, Key::Enter);
    chord(&mut h, Modifiers::COMMAND, Key::F);
    paste(&mut h, "sosiaali");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Tab);
    chord(&mut h, Modifiers::SHIFT, Key::E);
    for _ in 0..40 {
        press(&mut h, Key::O);
    }
    chord(&mut h, Modifiers::COMMAND, Key::Enter);
    let ids = decider_ids(&h);
    let texts = screen_texts(&h);
    for id in ids.iter().filter(|id| id.contains('_') || id.contains('.')) {
        let shown: Vec<_> = texts.iter().filter(|t| t.contains(id.as_str())).collect();
        assert!(shown.is_empty(), "{id} on screen: {shown:?}");
    }
    // What decided, by its name.
    assert!(
        texts.iter().any(|t| t.starts_with("Ratkaiseva sääntö: ")),
        "{texts:?}"
    );
}

#[test]
fn finnish_and_swedish_name_keys_by_arrows_and_their_own_words() {
    for lang in [Language::Fi, Language::Sv] {
        for &m in Msg::ALL {
            let text = m.get(lang);
            for english in [
                "Up/Down", "Alt+Left", "(Left)", "(Right)", "Space", "Down", "Up,",
            ] {
                assert!(!text.contains(english), "{m:?} in {lang}: {text}");
            }
        }
        let settings = Settings {
            language: lang,
            ..settings()
        };
        let dir = common::fixture();
        let mut h = app_with(settings, dir.path().into(), egui::vec2(1280.0, 1400.0));
        new_call(&mut h);
        press(&mut h, Key::F1);
        let texts = screen_texts(&h);
        for english in ["Up", "Down", "Left", "Right", "Space"] {
            let found: Vec<_> = texts
                .iter()
                .filter(|t| t.split(|c: char| !c.is_alphabetic()).any(|w| w == english))
                .collect();
            assert!(found.is_empty(), "{english} in the {lang} help: {found:?}");
        }
        assert!(texts.iter().any(|t| t.contains("Shift+Tab, ↑, Alt+←")));
    }
}

#[test]
fn counts_take_their_plural_forms() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    new_call(&mut h);
    paste(&mut h, "kurkku");
    press(&mut h, Key::Enter);
    h.get_by_label_contains("2 hälytysmerkkiä kysymättä");
    press(&mut h, Key::Tab);
    press(&mut h, Key::E);
    h.get_by_label_contains("1 hälytysmerkki kysymättä");
    press(&mut h, Key::E);
    paste(&mut h, "40");
    press(&mut h, Key::Enter);
    press(&mut h, Key::K);
    // Left: the temperature and the kind of cough.
    h.get_by_label_contains("2 kysymystä jäljellä");
    paste(&mut h, "39,5");
    press(&mut h, Key::Enter);
    h.get_by_label_contains("1 kysymys jäljellä");
    // The author's count of reasons.
    chord(&mut h, Modifiers::ALT, Key::Num2);
    h.get_by_label_contains("2 syytä");
}

#[test]
fn the_swedish_ui_says_the_call_is_finished_in_swedish() {
    let settings = Settings {
        language: Language::Sv,
        ..settings()
    };
    let dir = common::fixture();
    let mut h = app_with(settings, dir.path().into(), egui::vec2(1280.0, 900.0));
    new_call(&mut h);
    press(&mut h, Key::Tab);
    press(&mut h, Key::J); // chest pain: yes
    press(&mut h, Key::F5); // told the caller to call 112
    chord(&mut h, Modifiers::COMMAND, Key::Enter);
    chord(&mut h, Modifiers::COMMAND, Key::Enter);
    assert!(h.state().state.call.is_none());
    h.get_by_label_contains("Samtalet avslutat");
    assert!(h.query_by_label_contains("Puhelu päätetty").is_none());
    // The notice follows the language on screen.
    let mut s = h.state().state.settings.clone();
    s.language = Language::En;
    h.state_mut()
        .state
        .apply(arvio::ui::intent::Intent::SetSettings(s));
    h.run();
    h.get_by_label_contains("Call finished");
}

#[test]
fn statistics_write_percentages_as_the_language_does() {
    let dir = common::fixture();
    let log = tempfile::tempdir().expect("tmp");
    let mut h = app(dir.path().into());
    h.state_mut()
        .state
        .apply(arvio::ui::intent::Intent::OpenLog(Some(log.path().into())));
    for _ in 0..2 {
        new_call(&mut h);
        press(&mut h, Key::Tab);
        press(&mut h, Key::K);
        press(&mut h, Key::F5); // told the caller to call 112
        chord(&mut h, Modifiers::COMMAND, Key::Enter);
        chord(&mut h, Modifiers::COMMAND, Key::Enter);
    }
    chord(&mut h, Modifiers::ALT, Key::Num4);
    let texts = screen_texts(&h);
    assert!(
        texts.iter().any(|t| t.contains("0,0\u{a0}% (0/2)")),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t == "100\u{a0}%"), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains(".0 %")), "{texts:?}");
}

#[test]
fn every_marker_is_in_the_fonts_the_app_draws_with() {
    // egui's own fonts (Ubuntu Light, Hack, its icons) and the bundled DejaVu Sans behind them.
    let ctx = egui::Context::default();
    arvio::ui::app::install_fonts(&ctx);
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    output.textures_delta.clear();
    for symbol in arvio::ui::style::SYMBOLS {
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            let font = egui::FontId::new(14.0, family.clone());
            assert!(
                ctx.fonts_mut(|f| f.has_glyphs(&font, symbol)),
                "{symbol:?} has no glyph in the {family:?} fonts"
            );
        }
    }
    // The done-marker is no longer an ASCII "=", which read as a broken glyph.
    assert_eq!(arvio::ui::style::DONE, "✔");
}

#[test]
fn a_number_questions_range_is_written_as_the_language_does() {
    for (lang, range, yes, no) in [
        (Language::Fi, "(34,0–43,0, Enter)", Key::K, Key::E),
        (Language::En, "(34.0–43.0, Enter)", Key::Y, Key::N),
    ] {
        let settings = Settings {
            language: lang,
            ..settings()
        };
        let dir = common::fixture();
        let mut h = app_with(settings, dir.path().into(), egui::vec2(1280.0, 900.0));
        new_call(&mut h);
        paste(&mut h, "cough");
        press(&mut h, Key::Enter);
        press(&mut h, Key::Tab);
        press(&mut h, no);
        press(&mut h, no);
        paste(&mut h, "40");
        press(&mut h, Key::Enter);
        press(&mut h, yes); // fever: the temperature is asked next
        h.get_by_label(range);
    }
}
