//! The record text (issue 14, point 6): golden files in Finnish, Swedish and English on the
//! format 2 fixture (never on rules/default, which changes), a typical call's record under 900
//! characters, each reason's route and advice, an emergency's action, and an unasked red flag
//! never listed as a negative.

mod common;

#[path = "fixtures/format2.rs"]
mod format2;

use arvio::assessment::{Assessment, Caller, EmergencyAction};
use arvio::call::{Answer, Call};
use arvio::engine::evaluate;
use arvio::guidance::Guidance;
use arvio::quantity::{Quantity, Unit};
use arvio::record::{Assessor, record_text};
use arvio::text::Language;
use chrono::{DateTime, FixedOffset};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("time")
}

const START: &str = "2026-11-23T09:00:00+02:00";
const NOW: &str = "2026-11-23T09:06:00+02:00";

fn assessor() -> Assessor {
    Assessor {
        name: "Testi Hoitaja".into(),
        title: "sairaanhoitaja".into(),
    }
}

/// A call on `g` with these reasons and answers, who called, decided as proposed.
fn record(
    g: &Guidance,
    reasons: &[&str],
    answers: &[(&str, Answer)],
    caller: Caller,
    lang: Language,
) -> String {
    let call = Call::from_ids(
        g,
        reasons.iter().copied(),
        answers.iter().map(|(q, a)| (*q, a)),
    )
    .expect("call");
    let mut a = Assessment::new(g, at(START));
    a.call = call;
    a.caller = caller;
    let ev = evaluate(g, &a.call);
    // On an emergency's screen the nurse says what she did.
    if ev.proposal.as_ref().is_some_and(|p| p.leaves_flow(g)) {
        a.emergency_action = Some(EmergencyAction::ToldToCall112);
    }
    a.accept(g, &ev, at(NOW)).expect("accept");
    record_text(g, &a, &ev, &assessor(), at(NOW), lang)
}

fn fever_answers() -> Vec<(&'static str, Answer)> {
    vec![
        ("age", Answer::Age(Quantity::new(34.0, Unit::Years))),
        ("red_breathing", Answer::No),
        ("red_stiff_neck", Answer::No),
        ("temp_high", Answer::Yes),
        ("chills", Answer::No),
        ("since", Answer::Duration(Quantity::new(4.0, Unit::Days))),
        ("fever_drinks", Answer::Yes),
        ("fever_other", Answer::Text("kurkku kipeä".into())),
    ]
}

fn guidance() -> (tempfile::TempDir, Guidance) {
    let dir = common::folder(&format2::files());
    let g = common::load(dir.path());
    (dir, g)
}

#[test]
fn golden_one_reason_call_in_finnish_swedish_and_english() {
    let (_dir, g) = guidance();
    for (lang, name) in [
        (Language::Fi, "fever_fi"),
        (Language::Sv, "fever_sv"),
        (Language::En, "fever_en"),
    ] {
        let text = record(&g, &["fever"], &fever_answers(), Caller::Parent, lang);
        // The hash changes with the fixture; the snapshot names it by its place.
        let text = text.replace(g.provenance.short_hash(), "<hash>");
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn a_typical_one_reason_record_is_under_900_characters_and_names_no_id() {
    let (_dir, g) = guidance();
    for lang in [Language::Fi, Language::Sv, Language::En] {
        let text = record(&g, &["fever"], &fever_answers(), Caller::Client, lang);
        assert!(text.chars().count() < 900, "{} chars:\n{text}", text.len());
        for id in [
            "fever_long",
            "fever.fallback",
            "red_breathing",
            "temp_high",
            "days_1_3",
        ] {
            assert!(!text.contains(id), "{id} in\n{text}");
        }
        // The assessor with no trailing comma.
        assert!(
            text.lines()
                .any(|l| l.ends_with(": Testi Hoitaja, sairaanhoitaja")),
            "{text}"
        );
    }
}

#[test]
fn golden_two_reasons_each_with_its_own_route_and_advice() {
    let (_dir, g) = guidance();
    let mut answers = fever_answers();
    answers.extend([
        ("red_spurting", Answer::No),
        ("rf_anticoag", Answer::No),
        ("wound_deep", Answer::No),
    ]);
    for (lang, name) in [
        (Language::Fi, "two_reasons_fi"),
        (Language::En, "two_reasons_en"),
    ] {
        let text = record(&g, &["fever", "wound"], &answers, Caller::Relative, lang);
        let text = text.replace(g.provenance.short_hash(), "<hash>");
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn golden_emergency_with_the_red_flag_the_onset_and_the_action_taken() {
    let (_dir, g) = guidance();
    for (lang, name) in [
        (Language::Fi, "emergency_fi"),
        (Language::Sv, "emergency_sv"),
        (Language::En, "emergency_en"),
    ] {
        let answers = [
            ("age", Answer::Age(Quantity::new(70.0, Unit::Years))),
            ("red_breathing", Answer::Yes),
            ("since", Answer::Duration(Quantity::new(6.0, Unit::Hours))),
        ];
        let text = record(&g, &["fever"], &answers, Caller::Professional, lang);
        let text = text.replace(g.provenance.short_hash(), "<hash>");
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn an_unasked_red_flag_is_not_asked_in_the_record_never_a_negative() {
    let (_dir, g) = guidance();
    let call = Call::from_ids(
        &g,
        ["fever"],
        [
            ("age", &Answer::Age(Quantity::new(34.0, Unit::Years))),
            ("red_breathing", &Answer::No),
        ],
    )
    .expect("call");
    let mut a = Assessment::new(&g, at(START));
    a.call = call;
    let ev = evaluate(&g, &a.call);
    let text = record_text(&g, &a, &ev, &assessor(), at(NOW), Language::Fi);
    assert!(
        text.contains("Hälytysmerkit: kesken, kysymättä: Niskajäykkyys?"),
        "{text}"
    );
    let negatives = text
        .lines()
        .find(|l| l.starts_with("Olennaiset kielteiset"))
        .unwrap_or_default();
    assert!(!negatives.contains("Niskajäykkyys"), "{text}");
    assert!(negatives.contains("ei hengenahdistusta"), "{text}");
}
