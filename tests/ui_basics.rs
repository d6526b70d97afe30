//! The patient's basics and who called (issue 14, point 2), typed as the nurse types them: ages
//! and durations as digits then a unit's key in each language, decimals refused where the
//! question allows none, free text that no letter of it answers anything with, who called never
//! defaulted, and on an emergency's screen what the nurse did.
#![cfg(feature = "gui")]

mod common;
mod ui_support;

#[path = "fixtures/format2.rs"]
mod format2;

use arvio::assessment::{Caller, EmergencyAction};
use arvio::call::Value;
use arvio::quantity::Quantity;
use arvio::text::Language;
use arvio::ui::nurse::Focus;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::*;

fn fever_call(lang: Language) -> (tempfile::TempDir, App) {
    let dir = common::folder(&format2::files());
    let settings = arvio::ui::settings::Settings {
        language: lang,
        record_language: lang,
        ..settings()
    };
    let mut h = app_with(settings, dir.path().into(), egui::vec2(1280.0, 900.0));
    new_call(&mut h);
    let label = match lang {
        Language::Fi => "kuume",
        Language::Sv => "feber",
        Language::En => "fever",
    };
    type_keys(&mut h, label);
    press(&mut h, Key::Enter);
    press(&mut h, Key::Tab);
    (dir, h)
}

fn answer(h: &App, id: &str) -> Option<Value> {
    let c = call_view(h);
    c.assessment
        .call
        .answer(c.guidance.question_by_id(id).expect("question"))
}

fn focused_id(h: &App) -> String {
    let c = call_view(h);
    match c.focus {
        Focus::Question(q) => c.guidance.question(q).id.clone(),
        other => format!("{other:?}"),
    }
}

fn answered(h: &App) -> usize {
    let c = call_view(h);
    c.assessment.call.answered().count()
}

#[test]
fn the_age_is_asked_first_and_typed_as_digits_then_the_unit_key_in_each_language() {
    for (lang, keys, expected) in [
        (
            Language::Fi,
            "2k",
            Quantity::new(2.0, arvio::quantity::Unit::Months),
        ),
        (
            Language::Fi,
            "40v",
            Quantity::new(40.0, arvio::quantity::Unit::Years),
        ),
        (
            Language::Sv,
            "10d",
            Quantity::new(10.0, arvio::quantity::Unit::Days),
        ),
        (
            Language::Sv,
            "3å",
            Quantity::new(3.0, arvio::quantity::Unit::Years),
        ),
        (
            Language::En,
            "7m",
            Quantity::new(7.0, arvio::quantity::Unit::Months),
        ),
        (
            Language::En,
            "65y",
            Quantity::new(65.0, arvio::quantity::Unit::Years),
        ),
    ] {
        let (_dir, mut h) = fever_call(lang);
        assert_eq!(focused_id(&h), "age", "{lang:?}: the basics come first");
        // The unit keys are on screen.
        let hint = match lang {
            Language::Fi => "luku + v/k/p",
            Language::Sv => "tal + å/m/d",
            Language::En => "number + y/m/d",
        };
        h.get_by_label(hint);
        // Under their own title, not under the risk factors.
        h.get_by_label(arvio::i18n::Msg::BasicsTitle.get(lang));
        assert!(
            h.query_by_label(arvio::i18n::Msg::RiskFactorsTitle.get(lang))
                .is_none()
        );
        type_keys(&mut h, keys);
        assert_eq!(
            answer(&h, "age"),
            Some(Value::Quantity(expected)),
            "{lang:?} {keys}"
        );
        // The unit key answered the age and nothing else (K is "yes" in Finnish, D "cannot
        // say" in English).
        assert_eq!(answered(&h), 1, "{lang:?} {keys}");
        assert_eq!(focused_id(&h), "red_breathing", "{lang:?}");
    }
}

#[test]
fn a_duration_waits_for_a_unit_key_that_is_the_start_of_a_longer_one() {
    let (_dir, mut h) = fever_call(Language::Fi);
    type_keys(&mut h, "40v");
    chord(&mut h, Modifiers::SHIFT, Key::E); // none of these red flags
    press(&mut h, Key::E); // over 39: no
    assert_eq!(focused_id(&h), "since");
    // "v" is no unit of the duration (hours, days, weeks) but the start of "vk": it waits.
    type_keys(&mut h, "2v");
    assert_eq!(answer(&h, "since"), None);
    type_keys(&mut h, "k");
    assert_eq!(
        answer(&h, "since"),
        Some(Value::Quantity(Quantity::new(
            2.0,
            arvio::quantity::Unit::Weeks
        )))
    );
}

#[test]
fn decimals_are_refused_where_the_question_takes_whole_numbers() {
    let (_dir, mut h) = fever_call(Language::Fi);
    type_keys(&mut h, "1,5v");
    assert_eq!(answer(&h, "age"), None, "never rounded");
    assert_eq!(focused_id(&h), "age");
    assert!(
        h.query_all_by_label_contains("1.5: kirjoita kokonaisluku")
            .next()
            .is_some()
    );
    // A letter that is no unit: refused with the keys to type, on Enter.
    for _ in 0..4 {
        press(&mut h, Key::Backspace);
    }
    type_keys(&mut h, "3x");
    press(&mut h, Key::Enter);
    assert_eq!(answer(&h, "age"), None);
    assert!(
        h.query_all_by_label_contains("Kirjoita luku ja yksikön kirjain: v/k/p")
            .next()
            .is_some()
    );
    // With nothing typed, the cannot-say key says "cannot say".
    for _ in 0..2 {
        press(&mut h, Key::Backspace);
    }
    press(&mut h, Key::O);
    assert_eq!(answer(&h, "age"), Some(Value::CannotSay));
}

#[test]
fn typing_in_a_free_text_answer_answers_nothing_else_and_goes_into_the_record() {
    let (_dir, mut h) = fever_call(Language::Fi);
    type_keys(&mut h, "40v");
    chord(&mut h, Modifiers::SHIFT, Key::E);
    press(&mut h, Key::E); // over 39: no
    type_keys(&mut h, "3p"); // since: 3 days
    press(&mut h, Key::K); // drinking: yes
    assert_eq!(focused_id(&h), "fever_other");
    let before = answered(&h);
    // Every letter of the words, a slash and the answer keys included, is the nurse's text.
    type_keys(&mut h, "kova kurkkukipu / oksentelee");
    assert_eq!(answered(&h), before, "no letter answered a question");
    assert_eq!(focused_id(&h), "fever_other", "no key moved the keyboard");
    press(&mut h, Key::Enter);
    assert_eq!(answer(&h, "fever_other"), Some(Value::Text));
    let record = h.state().state.record().expect("record");
    assert!(
        record.contains("Muuta? kova kurkkukipu / oksentelee"),
        "{record}"
    );
    assert!(
        record.contains("Yhteydenoton syy: Kuume (alkanut 3 vrk)"),
        "{record}"
    );
}

/// Who called is asked on its own card, the first of the basics after the typed age: the age's
/// digits typed after Tab are the age's; on the card only 1–4 answer; passed over, it stays
/// open, the record says "not chosen", no decision is made, and the keyboard comes back to it
/// once the questions are done.
#[test]
fn who_called_is_asked_on_its_card_and_never_assumed() {
    let dir = common::folder(&format2::files());
    let mut h = app_with(settings(), dir.path().into(), egui::vec2(1280.0, 900.0));
    chord(&mut h, Modifiers::COMMAND, Key::N);
    type_keys(&mut h, "kuume");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Tab);
    type_keys(&mut h, "2v");
    let call = |h: &App| call_view(h).assessment.clone();
    assert_eq!(
        answer(&h, "age"),
        Some(Value::Quantity(Quantity::new(
            2.0,
            arvio::quantity::Unit::Years
        )))
    );
    assert_eq!(
        call(&h).caller,
        Caller::NotChosen,
        "the age's digits are the age's"
    );
    assert_eq!(focused_id(&h), "Caller");
    h.get_by_label("Kuka soittaa?");
    h.get_by_label("[2] Vanhempi");
    // Only 1–4 answer here: a letter, a 5 and Space do nothing.
    let before = answered(&h);
    for key in [Key::E, Key::K, Key::Num5, Key::Space] {
        press(&mut h, key);
    }
    assert_eq!(call(&h).caller, Caller::NotChosen);
    assert_eq!(answered(&h), before);
    assert_eq!(focused_id(&h), "Caller");
    // Passed over (Tab), it stays open.
    press(&mut h, Key::Tab);
    chord(&mut h, Modifiers::SHIFT, Key::E);
    press(&mut h, Key::E);
    type_keys(&mut h, "1p");
    press(&mut h, Key::K);
    press(&mut h, Key::Enter); // nothing else to tell
    let record = h.state().state.record().expect("record");
    assert!(
        record.contains("Yhteydenotto: ei valittu, puhelimitse"),
        "{record}"
    );
    assert_eq!(
        focused_id(&h),
        "Caller",
        "the keyboard is back on the open card"
    );
    chord(&mut h, Modifiers::COMMAND, Key::Enter);
    assert!(
        call(&h).decision.is_none(),
        "no decision without who called"
    );
    h.get_by_label_contains("Valitse ensin soittaja (1–4 tai F2)");
    press(&mut h, Key::Num2);
    assert_eq!(call(&h).caller, Caller::Parent);
    chord(&mut h, Modifiers::COMMAND, Key::Enter);
    assert!(call(&h).decision.is_some());
    let record = h.state().state.record().expect("record");
    assert!(
        record.contains("Yhteydenotto: vanhempi, puhelimitse"),
        "{record}"
    );
}

#[test]
fn an_emergency_records_the_action_the_nurse_chose_on_its_screen() {
    let (_dir, mut h) = fever_call(Language::Fi);
    type_keys(&mut h, "40v");
    press(&mut h, Key::K); // short of breath: yes
    h.get_by_label_contains("HÄTÄTILANNE");
    chord(&mut h, Modifiers::COMMAND, Key::Enter);
    h.get_by_label_contains("Valitse ensin tehty toimenpide (F5/F6/F7)");
    assert!(call_view(&h).assessment.decision.is_none());
    press(&mut h, Key::F7);
    chord(&mut h, Modifiers::COMMAND, Key::Enter);
    let c = call_view(&h);
    assert_eq!(
        c.assessment.emergency_action,
        Some(EmergencyAction::OrderedAmbulance)
    );
    let record = h.state().state.record().expect("record");
    assert!(
        record.contains("Hälytysmerkit: POSITIIVINEN: Hengenahdistus? Kyllä"),
        "{record}"
    );
    assert!(
        record.contains("Toimenpide: ambulanssi tilattu"),
        "{record}"
    );
    assert!(record.contains("Yhteydenoton syy: Kuume"), "{record}");
}
