//! Shared fixtures: a small guidance written to a temporary folder.
#![allow(dead_code)]

use std::path::Path;

use tempfile::TempDir;

pub const GUIDANCE: &str = r#"Guidance(
    organisation: "Testila",
    name: (fi: "Testiohje", sv: "Testanvisning", en: "Test guidance"),
    version: "1.0",
    effective: "2026-01-01",
    languages: [fi, sv, en],
    timeframes: [
        (id: "emergency", label: (fi: "112", sv: "112", en: "112"), kind: Emergency),
        (id: "on_call", label: (fi: "Päivystys", sv: "Jour", en: "On call"), kind: OnCall),
        (id: "days_1_3", label: (fi: "1–3 vrk", sv: "1–3 dygn", en: "1–3 days"), kind: Scheduled,
            days: (1, 3), count_weekends: false, count_holidays: false),
        (id: "days_1_7", label: (fi: "1–7 vrk", sv: "1–7 dygn", en: "1–7 days"), kind: Scheduled,
            days: (1, 7), count_weekends: false, count_holidays: false),
        (id: "self_care", label: (fi: "Omahoito", sv: "Egenvård", en: "Self-care"), kind: SelfCare),
    ],
    contact_modes: [
        (id: "phone", label: (fi: "Puhelu", sv: "Samtal", en: "Phone"), remote: true),
        (id: "visit", label: (fi: "Käynti", sv: "Besök", en: "Visit"), remote: false),
    ],
    professionals: [
        (id: "nurse", label: (fi: "Hoitaja", sv: "Skötare", en: "Nurse")),
        (id: "doctor", label: (fi: "Lääkäri", sv: "Läkare", en: "Doctor")),
    ],
    red_flags: [
        (
            id: "rf_chest",
            text: (fi: "Rintakipu?", sv: "Bröstsmärta?", en: "Chest pain?"),
            outcome: (timeframe: "emergency", advice: (fi: "Soita 112", sv: "Ring 112", en: "Call 112")),
        ),
        (
            id: "rf_confused",
            text: (fi: "Sekava?", sv: "Förvirrad?", en: "Confused?"),
            cannot_say_is_yes: false,
            outcome: (timeframe: "on_call", advice: (fi: "Päivystykseen", sv: "Till jouren", en: "Go to on-call care")),
        ),
    ],
    risk_factors: [
        (id: "age", text: (fi: "Ikä", sv: "Ålder", en: "Age"), kind: Number((unit: (fi: "v", sv: "år", en: "y"), min: 0.0, max: 120.0))),
    ],
    override_reasons: [
        (id: "judgement", label: (fi: "Kliininen harkinta", sv: "Kliniskt omdöme", en: "Clinical judgement")),
        (id: "preference", label: (fi: "Asiakkaan toive", sv: "Klientens önskan", en: "Client's preference")),
    ],
    format: 2,
)
"#;

pub const COUGH: &str = r#"Reason(
    id: "cough",
    label: (fi: "Yskä", sv: "Hosta", en: "Cough"),
    keywords: (fi: ["yskä", "kurkkukipu"], sv: ["hosta", "hals"], en: ["cough", "sore throat"]),
    questions: [
        (id: "fever", text: (fi: "Kuumetta?", sv: "Feber?", en: "Fever?"), kind: YesNo),
        (id: "temp", text: (fi: "Lämpö", sv: "Temperatur", en: "Temperature"),
            kind: Number((unit: (fi: "°C", sv: "°C", en: "°C"), min: 34.0, max: 43.0, decimals: 1)),
            ask_if: Yes("fever")),
        (id: "kind", text: (fi: "Millainen?", sv: "Hurdan?", en: "What kind?"),
            kind: OneOf([
                (id: "dry", label: (fi: "Kuiva", sv: "Torr", en: "Dry")),
                (id: "wet", label: (fi: "Limainen", sv: "Slemmig", en: "Wet")),
            ])),
    ],
    rules: [
        (
            id: "cough_high_fever",
            description: (fi: "Korkea kuume", sv: "Hög feber", en: "High fever"),
            when: All([Yes("fever"), Ge("temp", 39.0)]),
            outcome: (timeframe: "days_1_3", modes: ["visit"], professional: "doctor",
                advice: (fi: "Lääkärille", sv: "Till läkare", en: "See a doctor")),
        ),
        (
            id: "cough_mild",
            description: (fi: "Lievä", sv: "Lindrig", en: "Mild"),
            when: All([No("fever"), Is("kind", "dry")]),
            outcome: (timeframe: "self_care", advice: (fi: "Lepää", sv: "Vila", en: "Rest")),
        ),
        (
            id: "cough_old",
            description: (fi: "Iäkäs", sv: "Äldre", en: "Elderly"),
            when: Ge("age", 75.0),
            outcome: (timeframe: "days_1_3", modes: ["phone", "visit"], professional: "nurse",
                advice: (fi: "Hoitaja soittaa", sv: "Skötaren ringer", en: "A nurse calls")),
        ),
    ],
    fallback: (timeframe: "days_1_7", modes: ["phone"], professional: "nurse",
        advice: (fi: "Hoitaja soittaa", sv: "Skötaren ringer", en: "A nurse calls")),
)
"#;

pub const SOCIAL: &str = r#"Reason(
    id: "social",
    label: (fi: "Sosiaalinen asia", sv: "Socialt ärende", en: "Social matter"),
    questions: [
        (id: "no_food", text: (fi: "Ei ruokaa?", sv: "Ingen mat?", en: "No food?"), kind: YesNo),
    ],
    rules: [
        (
            id: "social_urgent",
            description: (fi: "Ei ruokaa", sv: "Ingen mat", en: "No food"),
            when: Yes("no_food"),
            outcome: (timeframe: "days_1_3", modes: ["phone"], professional: "nurse",
                advice: (fi: "Sosiaalipäivystys", sv: "Socialjour", en: "Social duty")),
        ),
    ],
    fallback: (timeframe: "days_1_7", modes: ["phone"], professional: "nurse",
        advice: (fi: "Ohjaaja soittaa", sv: "Handledaren ringer", en: "A counsellor calls")),
)
"#;

/// Writes `files` (relative path, content) into a fresh folder.
pub fn folder(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (rel, content) in files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, content).expect("write");
    }
    dir
}

/// The standard fixture: settings, a cough reason and a social reason.
pub fn fixture() -> TempDir {
    folder(&[
        ("guidance.ron", GUIDANCE),
        ("reasons/01_cough.ron", COUGH),
        ("reasons/02_social.ron", SOCIAL),
    ])
}

/// A path written with `/` between its parts on every platform, so that tests compare it with
/// the same literal on Windows (`reasons\01_cough.ron`) as on Linux.
pub fn slashed(path: &Path) -> String {
    path.iter()
        .map(|p| p.to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
        .replacen("//", "/", 1)
}

/// Diagnostics as `relative/path:line:col: message`.
pub fn errors(dir: &Path) -> Vec<String> {
    match arvio::guidance::load_guidance(dir) {
        Ok(_) => Vec::new(),
        Err(diags) => diags
            .iter()
            .map(|d| {
                let rel = d.file.strip_prefix(dir).unwrap_or(&d.file);
                let message = d.message.to_string().replace(
                    &format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR),
                    "",
                );
                format!("{}:{}: {}", slashed(rel), d.pos, message)
            })
            .collect(),
    }
}

/// Loads a folder that must be valid.
pub fn load(dir: &Path) -> arvio::guidance::Guidance {
    match arvio::guidance::load_guidance(dir) {
        Ok(g) => g,
        Err(d) => panic!("fixture is invalid: {d:#?}"),
    }
}

mod outcomes;
#[allow(unused_imports)]
pub use outcomes::*;

/// Runs the `arvio` binary from the project folder: its exit code, stdout and stderr.
pub fn arvio(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_arvio"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the arvio binary runs");
    (
        out.status.code().expect("exited"),
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}
