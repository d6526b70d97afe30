//! The fixture with format 2's outcome constructs: timeframes in hours, services with opening
//! hours, out-of-hours outcomes (`when_closed`), advice blocks and the nurse's judgement.

use tempfile::TempDir;

use super::{COUGH, GUIDANCE, SOCIAL, folder};

/// The services and advice blocks, inserted before `red_flags`.
pub const SERVICES: &str = r#"
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
        (
            id: "pharmacy",
            label: (fi: "Apteekki", sv: "Apotek", en: "Pharmacy"),
            contact: (fi: "Lähin apteekki", sv: "Närmaste apotek", en: "The nearest pharmacy"),
            hours: Hours(weekdays: ["09:00-20:00"], saturday: ["10:00-16:00"]),
        ),
    ],
    advice_blocks: [
        (id: "call_back", text: (fi: "Soita uudelleen, jos vointi huononee.", sv: "Ring igen om du blir sämre.", en: "Call again if you get worse.")),
    ],
"#;

/// Timeframes in hours, inserted after `on_call`.
pub const HOUR_TIMEFRAMES: &str = r#"
        (id: "within_4h", label: (fi: "4 h kuluessa", sv: "Inom 4 h", en: "Within 4 hours"), kind: Scheduled, hours: (0, 4)),
        (id: "same_day", label: (fi: "Samana päivänä", sv: "Samma dag", en: "Same day"), kind: Scheduled, days: (0, 0)),"#;

const ON_CALL: &str =
    r#"(id: "on_call", label: (fi: "Päivystys", sv: "Jour", en: "On call"), kind: OnCall),"#;

const CONFUSED_OUTCOME: &str = r#"outcome: (timeframe: "on_call", advice: (fi: "Päivystykseen", sv: "Till jouren", en: "Go to on-call care")),"#;

/// The confused red flag: within 4 hours at the station, or on-call care when it is closed.
const CONFUSED_WITH_SERVICE: &str = r#"outcome: (timeframe: "within_4h", modes: ["visit"], professional: "doctor", service: "station",
                advice: (fi: "Terveysasemalle", sv: "Till hälsostationen", en: "Go to the health station"),
                when_closed: (timeframe: "on_call", service: "on_call_unit", advice: [(fi: "Päivystykseen.", sv: "Till jouren.", en: "Go to on-call care."), Block("call_back")])),"#;

/// `guidance.ron` of the fixture with services.
pub fn guidance_with_services() -> String {
    let g = GUIDANCE
        .replacen(
            "    red_flags: [",
            &format!("{SERVICES}    red_flags: ["),
            1,
        )
        .replacen(ON_CALL, &format!("{ON_CALL}{HOUR_TIMEFRAMES}"), 1)
        .replacen(CONFUSED_OUTCOME, CONFUSED_WITH_SERVICE, 1);
    assert!(g.contains("within_4h") && g.contains("when_closed"));
    g
}

/// The cough reason using them: high fever within 1–3 days at the station (the window moves to
/// its opening), the elderly the same day at the station or on-call care when it is closed, a
/// mild cough self-care with the pharmacy as the nurse's judgement, advice with a block.
pub fn cough_with_services() -> String {
    let c = COUGH
        .replacen(
            r#"outcome: (timeframe: "days_1_3", modes: ["visit"], professional: "doctor","#,
            r#"outcome: (timeframe: "days_1_3", modes: ["visit"], professional: "doctor", service: "station","#,
            1,
        )
        .replacen(
            r#"outcome: (timeframe: "self_care", advice: (fi: "Lepää", sv: "Vila", en: "Rest")),"#,
            r#"outcome: (timeframe: "self_care", service: "pharmacy", nurse_judgement: true,
                advice: [(fi: "Lepää.", sv: "Vila.", en: "Rest."), Block("call_back")]),"#,
            1,
        )
        .replacen(
            r#"outcome: (timeframe: "days_1_3", modes: ["phone", "visit"], professional: "nurse","#,
            r#"outcome: (timeframe: "same_day", modes: ["phone", "visit"], professional: "nurse", service: "station",
                when_closed: (timeframe: "on_call", service: "on_call_unit", advice: (fi: "Päivystykseen", sv: "Till jouren", en: "Go to on-call care")),"#,
            1,
        );
    assert_eq!(c.matches("service:").count(), 4, "{c}");
    c
}

/// The fixture folder with services.
pub fn services_fixture() -> TempDir {
    folder(&[
        ("guidance.ron", &guidance_with_services()),
        ("reasons/01_cough.ron", &cough_with_services()),
        ("reasons/02_social.ron", SOCIAL),
    ])
}
