//! Format 2 outcomes: timeframes in hours, services with opening hours and their out-of-hours
//! outcome, advice blocks, the nurse's judgement; validation with positions, the effective
//! outcome at the assessment time, and what explain, record, scenarios, log and diff make of it.

mod common;

use common::*;

/// The fixture with services and advice blocks, and the cough reason's outcomes using them.
const SERVICES: &str = r#"
    services: [
        (
            id: "station",
            label: (fi: "Terveysasema", sv: "Hälsostation", en: "Health station"),
            contact: (fi: "Soita 09 123", sv: "Ring 09 123", en: "Call 09 123"),
            hours: Hours(weekdays: ["08:00-16:00"]),
        ),
        (
            id: "on_call_unit",
            label: (fi: "Päivystys", sv: "Jouren", en: "On-call unit"),
            contact: (fi: "Soita 116117", sv: "Ring 116117", en: "Call 116117"),
            hours: Always,
        ),
    ],
    advice_blocks: [
        (id: "call_back", text: (fi: "Soita uudelleen, jos vointi huononee.", sv: "Ring igen om du blir sämre.", en: "Call again if you get worse.")),
    ],
"#;

fn guidance_with_services(extra: &[(&str, &str)], cough: &[(&str, &str)]) -> Vec<String> {
    let mut g = GUIDANCE.replacen(
        "    red_flags: [",
        &format!("{SERVICES}    red_flags: ["),
        1,
    );
    for (from, to) in extra {
        assert!(g.contains(from), "guidance has no `{from}`");
        g = g.replacen(from, to, 1);
    }
    let mut c = COUGH.to_owned();
    for (from, to) in cough {
        assert!(c.contains(from), "cough has no `{from}`");
        c = c.replacen(from, to, 1);
    }
    let dir = folder(&[
        ("guidance.ron", &g),
        ("reasons/01_cough.ron", &c),
        ("reasons/02_social.ron", SOCIAL),
    ]);
    errors(dir.path())
}

#[test]
fn services_and_blocks_are_valid() {
    assert_eq!(
        guidance_with_services(
            &[],
            &[(
                r#"advice: (fi: "Lääkärille", sv: "Till läkare", en: "See a doctor")"#,
                r#"service: "station", when_closed: (timeframe: "on_call", service: "on_call_unit", advice: [Block("call_back")]),
                advice: [(fi: "Lääkärille.", sv: "Till läkare.", en: "See a doctor."), Block("call_back")]"#
            )]
        ),
        Vec::<String>::new()
    );
}

const RULE_ADVICE: &str = r#"advice: (fi: "Lääkärille", sv: "Till läkare", en: "See a doctor")"#;

#[test]
fn probe() {
    for to in [
        r#"advice: [Block("call_bak")]"#,
        r#"advice: [Blok("call_back")]"#,
        r#"advice: []"#,
        r#"advice: [(fi: "a", sv: "b", de: "c")]"#,
        r#"advice: (fi: "a", sv: "b", de: "c")"#,
        r#"advice: [(fi: "a", sv: "b")]"#,
        r#"advice: [Text(fi: "a", sv: "b", en: "c"), Block("call_back")]"#,
    ] {
        eprintln!(
            "{to}: {:?}",
            guidance_with_services(&[], &[(RULE_ADVICE, to)])
        );
    }
}
