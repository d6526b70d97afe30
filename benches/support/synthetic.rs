//! A synthetic guidance of any size, for the scale benchmarks (`benches/scale.rs`) and its own test
//! (`tests/synthetic.rs`); it is benchmark data, not part of the library.
//!
//! The issue's figure is "200 reasons × 25 questions × 50 rules", 10,000 rules in all. Here that
//! is the **16×** size: a guidance of scale `s` has `⌈200·s/16⌉` reasons (13 at 1×, 50 at 4×,
//! 200 at 16×), each with 25 questions and 50 rules, beside one `guidance.ron` with 10 red flags
//! and 4 risk factors. So 1× has 650 rules, 4× 2,500 and 16× 10,000.
//!
//! The content is valid and passes `arvio check`: every text in fi, sv and en, every id unique and
//! resolved, thresholds inside their questions' ranges. It mixes what real guidance uses: yes/no,
//! one-of, several-of and number questions, `ask_if` follow-ups (a number asked after a yes, a
//! question asked after an option or "cannot say"), and rules over yes/no, "cannot say", options,
//! number thresholds, `Between`, `Not`, risk factors, nested `All`/`Any`, and outcomes of every
//! non-emergency timeframe. The words are nonsense; the structure is what is measured.
//!
//! The output is deterministic: the same scale gives the same files, byte for byte.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// Questions per reason.
pub const QUESTIONS: usize = 25;
/// Rules per reason.
pub const RULES: usize = 50;

/// Reasons at a scale: 200 at 16×, proportionally fewer (rounded up) below.
pub fn reasons(scale: usize) -> usize {
    (200 * scale).div_ceil(16).max(1)
}

/// The files of a synthetic guidance of `scale`, as (path relative to the folder, RON text):
/// `guidance.ron` first, then `reasons/NNNN_rNNNN.ron` in load order.
pub fn generate(scale: usize) -> Vec<(String, String)> {
    let n = reasons(scale);
    let mut files = Vec::with_capacity(n + 1);
    files.push(("guidance.ron".to_owned(), settings()));
    for r in 0..n {
        files.push((format!("reasons/{r:04}_r{r:04}.ron"), reason(r)));
    }
    files
}

/// Writes the synthetic guidance of `scale` into `dir` (created as needed).
pub fn write(dir: &Path, scale: usize) -> io::Result<()> {
    for (rel, text) in generate(scale) {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)?;
    }
    Ok(())
}

/// A text in the three languages.
fn text(fi: &str, sv: &str, en: &str) -> String {
    format!("(fi: \"{fi}\", sv: \"{sv}\", en: \"{en}\")")
}

const TIMEFRAMES: &str = r#"    timeframes: [
        (id: "emergency_112", label: (fi: "Hätätilanne 112", sv: "Nödsituation 112", en: "Emergency now (112)"), kind: Emergency, code: "P0"),
        (id: "on_call_now", label: (fi: "Päivystys tänään", sv: "Jour i dag", en: "On-call care today"), kind: OnCall, code: "P1"),
        (id: "same_day", label: (fi: "Samana päivänä", sv: "Samma dag", en: "Same day"), kind: Scheduled, days: (0, 0), code: "P2"),
        (id: "days_1_3", label: (fi: "1–3 vrk", sv: "1–3 dygn", en: "Within 1–3 days"), kind: Scheduled, days: (1, 3),
            count_weekends: false, count_holidays: false, code: "P4"),
        (id: "days_1_7", label: (fi: "1–7 vrk", sv: "1–7 dygn", en: "Within 1–7 days"), kind: Scheduled, days: (1, 7),
            count_weekends: false, count_holidays: false, code: "L2"),
        (id: "self_care", label: (fi: "Omahoito", sv: "Egenvård", en: "Self-care"), kind: SelfCare),
    ],
    contact_modes: [
        (id: "phone", label: (fi: "Puhelu", sv: "Samtal", en: "Phone call"), remote: true),
        (id: "video", label: (fi: "Video", sv: "Video", en: "Video visit"), remote: true),
        (id: "digital_path", label: (fi: "Digipolku", sv: "Digital vårdväg", en: "Digital care path"), remote: true),
        (id: "visit", label: (fi: "Käynti", sv: "Besök", en: "Visit"), remote: false),
    ],
    professionals: [
        (id: "nurse", label: (fi: "Sairaanhoitaja", sv: "Sjukskötare", en: "Nurse")),
        (id: "doctor", label: (fi: "Lääkäri", sv: "Läkare", en: "Doctor")),
        (id: "physiotherapist", label: (fi: "Fysioterapeutti", sv: "Fysioterapeut", en: "Physiotherapist")),
    ],
    override_reasons: [
        (id: "clinical_judgement", label: (fi: "Kliininen arvio", sv: "Kliniskt omdöme", en: "Clinical judgement")),
        (id: "caller_preference", label: (fi: "Asiakkaan toive", sv: "Klientens önskemål", en: "Client's preference")),
    ],
"#;

/// `guidance.ron`: settings, 10 red flags, 4 risk factors.
fn settings() -> String {
    let mut s = String::with_capacity(8 * 1024);
    s.push_str("// Synthetic guidance for benchmarks (arvio::synthetic). Not clinical content.\n");
    s.push_str("Guidance(\n    organisation: \"Synteettinen hyvinvointialue\",\n");
    let _ = writeln!(
        s,
        "    name: {},",
        text(
            "Synteettinen ohje",
            "Syntetisk anvisning",
            "Synthetic guidance"
        )
    );
    s.push_str("    version: \"synthetic-1\",\n    effective: \"2026-01-01\",\n");
    s.push_str("    languages: [fi, sv, en],\n");
    let _ = writeln!(
        s,
        "    disclaimer: {},",
        text(
            "Synteettinen testiohje – ei kliiniseen käyttöön.",
            "Syntetisk testanvisning – inte för kliniskt bruk.",
            "Synthetic test guidance — not for clinical use."
        )
    );
    s.push_str("    remote_target_percent: 20.0,\n");
    s.push_str(TIMEFRAMES);
    s.push_str("    red_flags: [\n");
    for i in 0..10 {
        // Two emergencies, then on-call and same-day ones; one where "cannot say" is not a hit.
        let timeframe = match i {
            0 | 1 => "emergency_112",
            2..=7 => "on_call_now",
            _ => "same_day",
        };
        let modes = if timeframe == "same_day" {
            "modes: [\"visit\"], professional: \"doctor\", "
        } else {
            ""
        };
        let cannot_say = if i == 9 {
            "cannot_say_is_yes: false, "
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "        (id: \"red_{i}\", text: {}, {cannot_say}outcome: (timeframe: \"{timeframe}\", {modes}advice: {})),",
            text(
                &format!("Hälytysmerkki {i}?"),
                &format!("Varningstecken {i}?"),
                &format!("Red flag {i}?")
            ),
            text(
                &format!("Ohje hälytysmerkille {i}"),
                &format!("Råd för varningstecken {i}"),
                &format!("Advice for red flag {i}")
            ),
        );
    }
    s.push_str("    ],\n    risk_factors: [\n");
    let _ = writeln!(
        s,
        "        (id: \"rf_age\", text: {}, kind: Number((unit: {}, min: 0.0, max: 120.0))),",
        text("Ikä", "Ålder", "Age"),
        text("v", "år", "years")
    );
    let _ = writeln!(
        s,
        "        (id: \"rf_pregnant\", text: {}, kind: YesNo),",
        text("Raskaana?", "Gravid?", "Pregnant?")
    );
    let _ = writeln!(
        s,
        "        (id: \"rf_chronic\", text: {}, kind: OneOf([(id: \"none\", label: {}), (id: \"diabetes\", label: {}), (id: \"heart\", label: {})])),",
        text(
            "Pitkäaikaissairaus?",
            "Långvarig sjukdom?",
            "Long-term illness?"
        ),
        text("Ei", "Nej", "None"),
        text("Diabetes", "Diabetes", "Diabetes"),
        text("Sydänsairaus", "Hjärtsjukdom", "Heart disease")
    );
    let _ = writeln!(
        s,
        "        (id: \"rf_insulin\", text: {}, kind: YesNo, ask_if: Is(\"rf_chronic\", \"diabetes\")),",
        text("Insuliinihoito?", "Insulinbehandling?", "On insulin?")
    );
    s.push_str("    ],\n    format: 2,\n)\n");
    s
}

/// The id of question `k` of reason `r`.
fn qid(r: usize, k: usize) -> String {
    format!("r{r:04}_q{k:02}")
}

/// The five kinds of question in a group of five: yes/no, a number asked after that yes, one-of,
/// several-of, and a yes/no asked (in every other group) after an option or "cannot say".
fn question(r: usize, k: usize) -> String {
    let id = qid(r, k);
    let t = text(
        &format!("Kysymys {k} syystä {r}?"),
        &format!("Fråga {k} om orsak {r}?"),
        &format!("Question {k} of reason {r}?"),
    );
    let group = k / 5;
    match k % 5 {
        0 => format!("        (id: \"{id}\", text: {t}, kind: YesNo),\n"),
        1 => format!(
            "        (id: \"{id}\", text: {t}, note: {}, kind: Number((unit: {}, min: 0.0, max: 100.0, decimals: 1)), ask_if: Yes(\"{}\")),\n",
            text(
                "Kysy vain, jos kyllä.",
                "Fråga bara om ja.",
                "Ask only after a yes."
            ),
            text("pist.", "p.", "pts"),
            qid(r, k - 1)
        ),
        2 => format!(
            "        (id: \"{id}\", text: {t}, kind: OneOf([(id: \"a\", label: {}), (id: \"b\", label: {}), (id: \"c\", label: {})])),\n",
            text("Lievä", "Lindrig", "Mild"),
            text("Kohtalainen", "Måttlig", "Moderate"),
            text("Vaikea", "Svår", "Severe"),
        ),
        3 => format!(
            "        (id: \"{id}\", text: {t}, kind: SeveralOf([(id: \"w\", label: {}), (id: \"x\", label: {}), (id: \"y\", label: {}), (id: \"z\", label: {})])),\n",
            text("Kipu", "Smärta", "Pain"),
            text("Kuume", "Feber", "Fever"),
            text("Turvotus", "Svullnad", "Swelling"),
            text("Ihottuma", "Utslag", "Rash"),
        ),
        _ if group % 2 == 1 => format!(
            "        (id: \"{id}\", text: {t}, kind: YesNo, ask_if: Any([Is(\"{one}\", \"c\"), CannotSay(\"{one}\")])),\n",
            one = qid(r, k - 2)
        ),
        _ => format!("        (id: \"{id}\", text: {t}, kind: YesNo),\n"),
    }
}

/// Rule `j` of reason `r`: a condition over one group of five questions (and the risk factors),
/// of one of five shapes, with thresholds and options that differ from rule to rule.
fn rule(r: usize, j: usize) -> String {
    let group = j % 5;
    let shape = (j / 5) % 5;
    let second = j / 25; // 0 or 1: the same shape again with other values
    let q = |p: usize| qid(r, group * 5 + p);
    let (yes_no, number, one_of, several_of, follow_up) = (q(0), q(1), q(2), q(3), q(4));
    let threshold = 20.0 + (((j * 37 + r * 11) % 60) as f64);
    let option = ["a", "b", "c"][(j + r + second) % 3];
    let pair = [["w", "x"], ["y", "z"]][second];
    let when = match shape {
        0 => format!("All([Yes(\"{yes_no}\"), Ge(\"{number}\", {threshold:.1})])"),
        1 => format!("Any([Is(\"{one_of}\", \"{option}\"), CannotSay(\"{follow_up}\")])"),
        2 => format!(
            "All([No(\"{yes_no}\"), AnyOf(\"{several_of}\", [\"{}\", \"{}\"]), Lt(\"rf_age\", {:.1})])",
            pair[0],
            pair[1],
            (30 + (j * 7 + r) % 60) as f64
        ),
        3 => format!(
            "All([Between(\"{number}\", {:.1}, {:.1}), Not(Is(\"{several_of}\", \"{}\"))])",
            threshold - 10.0,
            threshold + 5.0,
            pair[second]
        ),
        _ => format!(
            "All([Yes(\"{follow_up}\"), Any([Yes(\"rf_pregnant\"), Is(\"rf_chronic\", \"heart\"), Yes(\"rf_insulin\")]), Le(\"{number}\", {threshold:.1})])"
        ),
    };
    let outcome = match (j * 3 + r) % 5 {
        0 => "timeframe: \"on_call_now\", modes: [\"visit\"], professional: \"doctor\"",
        1 => "timeframe: \"same_day\", modes: [\"visit\", \"video\"], professional: \"doctor\"",
        2 => "timeframe: \"days_1_3\", modes: [\"phone\", \"visit\"], professional: \"nurse\"",
        3 => {
            "timeframe: \"days_1_7\", modes: [\"video\", \"visit\"], professional: \"physiotherapist\""
        }
        _ => "timeframe: \"self_care\", modes: [\"digital_path\"]",
    };
    format!(
        "        (\n            id: \"r{r:04}_rule{j:02}\",\n            description: {},\n            when: {when},\n            outcome: ({outcome}, advice: {}, worsening: {}),\n        ),\n",
        text(
            &format!("Sääntö {j} syylle {r}"),
            &format!("Regel {j} för orsak {r}"),
            &format!("Rule {j} of reason {r}")
        ),
        text(
            &format!("Neuvo säännöstä {j}"),
            &format!("Råd enligt regel {j}"),
            &format!("Advice of rule {j}")
        ),
        text(
            "Jos oireet pahenevat, soita uudelleen.",
            "Om symtomen blir värre, ring igen.",
            "If the symptoms get worse, call again."
        ),
    )
}

fn reason(r: usize) -> String {
    let mut s = String::with_capacity(48 * 1024);
    let _ = writeln!(s, "// Synthetic reason {r} (arvio::synthetic).");
    let _ = writeln!(s, "Reason(\n    id: \"r{r:04}\",");
    let _ = writeln!(
        s,
        "    label: {},",
        text(
            &format!("Yhteydenoton syy {r}"),
            &format!("Kontaktorsak {r}"),
            &format!("Reason for contact {r}")
        )
    );
    let _ = writeln!(
        s,
        "    keywords: (fi: [\"syy{r}\", \"vaiva {r}\"], sv: [\"orsak{r}\", \"besvär {r}\"], en: [\"reason{r}\", \"complaint {r}\"]),"
    );
    s.push_str("    questions: [\n");
    for k in 0..QUESTIONS {
        s.push_str(&question(r, k));
    }
    s.push_str("    ],\n    rules: [\n");
    for j in 0..RULES {
        s.push_str(&rule(r, j));
    }
    s.push_str("    ],\n");
    let _ = writeln!(
        s,
        "    fallback: (timeframe: \"days_1_3\", modes: [\"phone\"], professional: \"nurse\", advice: {}),",
        text(
            "Hoitaja soittaa 1–3 arkipäivän kuluessa.",
            "Skötaren ringer inom 1–3 vardagar.",
            "A nurse phones within 1–3 working days."
        )
    );
    s.push_str(")\n");
    s
}
