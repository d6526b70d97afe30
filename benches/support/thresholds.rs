//! A guidance with thousands of thresholds on one number question, for the lint benchmark
//! (`benches/lint.rs`) and its test (`tests/lint_scale.rs`); benchmark data, not part of the
//! library.
//!
//! One reason, `table`, reads one number question `x` (0 to 1,000,000, whole numbers) through
//! `rules` rules, each an `Any` of `Between`s: a lookup table, as a dosing or scoring table by
//! weight is written. `n` thresholds in all (two per `Between`), every one distinct; the rules'
//! outcomes take turns among three timeframes.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

const GUIDANCE: &str = r#"Guidance(
    organisation: "Testila",
    name: (en: "Thresholds"),
    version: "1.0",
    effective: "2026-01-01",
    languages: [en],
    timeframes: [
        (id: "on_call", label: (en: "On call now"), kind: OnCall),
        (id: "same_day", label: (en: "Same day"), kind: Scheduled, days: (0, 0)),
        (id: "days_1_3", label: (en: "1–3 days"), kind: Scheduled, days: (1, 3)),
        (id: "self_care", label: (en: "Self-care"), kind: SelfCare),
    ],
    contact_modes: [(id: "phone", label: (en: "Phone"), remote: true)],
    professionals: [(id: "nurse", label: (en: "Nurse"))],
    red_flags: [
        (
            id: "red_breathing",
            text: (en: "Short of breath at rest?"),
            outcome: (timeframe: "on_call", advice: (en: "Go to on-call care now")),
        ),
    ],
    risk_factors: [],
    format: 2,
)
"#;

/// The reason's file: `n` thresholds (a multiple of two) over `rules` rules.
pub fn reason(n: usize, rules: usize) -> String {
    let betweens = n / 2;
    let per_rule = betweens.div_ceil(rules);
    let timeframes = ["same_day", "days_1_3", "self_care"];
    let mut s = String::from(
        "Reason(\n    id: \"table\",\n    label: (en: \"Table\"),\n    questions: [\n        \
         (id: \"x\", text: (en: \"Weight in grams\"), kind: Number((unit: (en: \"g\"), \
         min: 0.0, max: 1000000.0))),\n    ],\n    rules: [\n",
    );
    for r in 0..rules {
        let mut alternatives = Vec::new();
        for k in 0..per_rule {
            let b = k * rules + r;
            if b >= betweens {
                break;
            }
            let lo = 10 * b + 1;
            alternatives.push(format!("Between(\"x\", {lo}.0, {}.0)", lo + 4));
        }
        if alternatives.is_empty() {
            break;
        }
        let tf = timeframes[r % 3];
        let modes = if tf == "self_care" {
            ""
        } else {
            "modes: [\"phone\"], professional: \"nurse\", "
        };
        writeln!(
            s,
            "        (id: \"row_{r}\", description: (en: \"Row {r}\"), when: Any([{}]), \
             outcome: (timeframe: \"{tf}\", {modes}advice: (en: \"Row {r}\"))),",
            alternatives.join(", ")
        )
        .expect("a string");
    }
    s.push_str(
        "    ],\n    fallback: (timeframe: \"days_1_3\", modes: [\"phone\"], professional: \"nurse\", \
         advice: (en: \"A nurse calls\")),\n    allow: [\"gap\", \"overlap\"],\n)\n",
    );
    s
}

/// Writes the guidance into `dir`: `n` thresholds on `x` over `rules` rules.
pub fn write(dir: &Path, n: usize, rules: usize) -> io::Result<()> {
    std::fs::create_dir_all(dir.join("reasons"))?;
    std::fs::write(dir.join("guidance.ron"), GUIDANCE)?;
    std::fs::write(dir.join("reasons/01_table.ron"), reason(n, rules))
}
