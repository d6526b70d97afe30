//! The shipped example guidance (rules/default): its scenarios pass, every scenario's explanation
//! is pinned by a snapshot, and its texts exist in every language.
//!
//! The snapshots in tests/snapshots/ hold the whole explanation of each scenario in English (the
//! deciding rule, the answers behind it, every rule that matched, each reason's own decision,
//! advice and date window). A scenario only checks the outcome; the snapshot also shows *why*, so
//! a right answer reached for a different reason shows up in review. After a deliberate change,
//! regenerate with
//!
//!     INSTA_UPDATE=always cargo test --no-default-features --test shipped_guidance
//!
//! and review the diff of tests/snapshots/ before committing it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use arvio::engine::evaluate;
use arvio::explain::explain;
use arvio::guidance::{Guidance, Outcome, QuestionKind, load_guidance};
use arvio::scenario::{Scenario, load_scenarios, run_scenario};
use arvio::text::{Language, Text};

/// At least this many scenarios ship with the guidance; fewer means files went missing.
const MIN_SCENARIOS: usize = 80;

fn guidance_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/default")
}

fn guidance() -> &'static Guidance {
    static G: OnceLock<Guidance> = OnceLock::new();
    G.get_or_init(|| {
        load_guidance(&guidance_dir()).unwrap_or_else(|diags| {
            let list: Vec<String> = diags.iter().map(ToString::to_string).collect();
            panic!("the shipped guidance does not load:\n{}", list.join("\n"))
        })
    })
}

fn scenarios() -> Vec<Scenario> {
    let (scenarios, diags) = load_scenarios(&guidance_dir());
    let list: Vec<String> = diags.iter().map(ToString::to_string).collect();
    assert!(
        list.is_empty(),
        "scenario files that do not parse:\n{}",
        list.join("\n")
    );
    scenarios
}

fn stem(s: &Scenario) -> String {
    s.file
        .file_stem()
        .expect("a scenario file has a name")
        .to_string_lossy()
        .into_owned()
}

// ---------------------------------------------------------------------------------------------
// (a) Every scenario passes.

#[test]
fn every_shipped_scenario_passes() {
    let g = guidance();
    let scenarios = scenarios();
    let failures: Vec<String> =
        scenarios
            .iter()
            .map(|s| run_scenario(g, s))
            .filter(|r| !r.passed())
            .map(|r| {
                let mut lines = vec![format!("{}: {}", r.file.display(), r.name)];
                lines.extend(r.errors.iter().map(|d| format!("    {d}")));
                lines.extend(r.mismatches.iter().map(|m| {
                    format!("    {}: expected {}, got {}", m.field, m.expected, m.actual)
                }));
                if let Some(actual) = &r.actual {
                    lines.push(format!("    actual: {actual}"));
                }
                lines.join("\n")
            })
            .collect();
    assert!(
        failures.is_empty(),
        "{} of {} scenarios failed:\n{}",
        failures.len(),
        scenarios.len(),
        failures.join("\n")
    );
    assert!(
        scenarios.len() >= MIN_SCENARIOS,
        "only {} scenarios in {}; expected at least {MIN_SCENARIOS}",
        scenarios.len(),
        guidance_dir().join("scenarios").display()
    );
}

// ---------------------------------------------------------------------------------------------
// (b) One explanation snapshot per scenario.

#[test]
fn explanations_of_the_shipped_scenarios() {
    let g = guidance();
    let scenarios = scenarios();
    assert!(scenarios.len() >= MIN_SCENARIOS);
    let mut problems = Vec::new();
    let mut mismatched = Vec::new();
    for s in &scenarios {
        let name = stem(s);
        let at = match s.at(None) {
            Ok(at) => at,
            Err(d) => {
                problems.push(d.to_string());
                continue;
            }
        };
        let call = match s.call(g) {
            Ok(call) => call,
            Err(diags) => {
                problems.extend(diags.iter().map(ToString::to_string));
                continue;
            }
        };
        let evaluation = evaluate(g, &call);
        let Some(mut explanation) = explain(g, &call, &evaluation, at, Language::En) else {
            problems.push(format!(
                "{name}: nothing is proposed, so nothing is explained"
            ));
            continue;
        };
        // The hash changes with any edit of the guidance; the explanation should not.
        explanation.guidance.hash = "[hash]".to_owned();
        // Check every scenario before failing, so that one run writes every `.snap.new`.
        let checked = std::panic::catch_unwind(|| {
            insta::assert_yaml_snapshot!(name.as_str(), explanation);
        });
        if checked.is_err() {
            mismatched.push(name);
        }
    }
    problems.sort();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        mismatched.is_empty(),
        "{} explanation snapshot(s) differ: {}\nReview the .snap.new files in tests/snapshots/, \
         or regenerate with INSTA_UPDATE=always after a deliberate change.",
        mismatched.len(),
        mismatched.join(", ")
    );
}

/// A snapshot whose scenario was renamed or deleted would otherwise linger unnoticed.
#[test]
fn every_snapshot_belongs_to_a_scenario() {
    let names: BTreeSet<String> = scenarios().iter().map(stem).collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let prefix = "shipped_guidance__";
    let mut orphans = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file.strip_prefix(prefix) else {
            continue;
        };
        let Some(name) = rest.strip_suffix(".snap") else {
            continue;
        };
        if !names.contains(name) {
            orphans.push(file);
        }
    }
    assert!(
        orphans.is_empty(),
        "snapshots without a scenario in rules/default/scenarios (delete them): {}",
        orphans.join(", ")
    );
}

// ---------------------------------------------------------------------------------------------
// (c) Every text in every language.

/// Texts that are rightly the same word in Finnish, Swedish and English.
const SAME_IN_EVERY_LANGUAGE: &[&str] = &["Diabetes", "Astma"];

/// Every text of the guidance, with where it is and whether its languages must differ (all but
/// units: a Finnish text repeated as the English or Swedish one is a copy-paste slip).
fn all_texts(g: &Guidance) -> Vec<(String, &Text, bool)> {
    fn outcome<'g>(out: &mut Vec<(String, &'g Text, bool)>, owner: &str, o: &'g Outcome) {
        out.push((format!("{owner}: advice"), &o.advice, true));
        if let Some(w) = &o.worsening {
            out.push((format!("{owner}: worsening"), w, true));
        }
    }
    let mut out: Vec<(String, &Text, bool)> = Vec::new();
    out.push(("guidance name".into(), &g.meta.name, true));
    if let Some(d) = &g.meta.disclaimer {
        out.push(("disclaimer".into(), d, true));
    }
    for t in &g.timeframes {
        out.push((format!("timeframe `{}`", t.id), &t.label, true));
    }
    for m in &g.modes {
        out.push((format!("contact mode `{}`", m.id), &m.label, true));
    }
    for p in &g.professionals {
        out.push((format!("professional `{}`", p.id), &p.label, true));
    }
    for o in &g.override_reasons {
        out.push((format!("override reason `{}`", o.id), &o.label, true));
    }
    for q in &g.questions {
        out.push((format!("question `{}`", q.id), &q.text, true));
        if let Some(n) = &q.note {
            out.push((format!("question `{}`: note", q.id), n, true));
        }
        for o in q.kind.options() {
            out.push((
                format!("question `{}`: option `{}`", q.id, o.id),
                &o.label,
                true,
            ));
        }
        if let QuestionKind::Number(spec) = &q.kind {
            // Units such as °C and mmHg are rightly the same everywhere.
            out.push((format!("question `{}`: unit", q.id), &spec.unit, false));
        }
    }
    for rf in &g.red_flags {
        let id = &g.question(rf.question).id;
        outcome(&mut out, &format!("red flag `{id}`"), &rf.outcome);
    }
    for r in &g.reasons {
        out.push((format!("reason `{}`", r.id), &r.label, true));
        for rule in &r.rules {
            out.push((format!("rule `{}`", rule.id), &rule.description, true));
            outcome(&mut out, &format!("rule `{}`", rule.id), &rule.outcome);
        }
        outcome(&mut out, &format!("`{}`", r.fallback_id()), &r.fallback);
    }
    out
}

#[test]
fn every_text_exists_in_finnish_swedish_and_english() {
    let g = guidance();
    assert_eq!(
        g.meta.languages,
        [Language::Fi, Language::Sv, Language::En],
        "the shipped guidance declares fi, sv and en"
    );
    let texts = all_texts(g);
    assert!(texts.len() > 300, "only {} texts found", texts.len());
    let mut problems = Vec::new();
    for (what, text, differs) in &texts {
        for lang in Language::ALL {
            if text.get(lang).trim().is_empty() {
                problems.push(format!("{what} is empty in {lang}"));
            }
        }
        if *differs && !SAME_IN_EVERY_LANGUAGE.contains(&text.fi.as_str()) {
            for lang in [Language::Sv, Language::En] {
                if text.get(lang) == text.fi {
                    problems.push(format!(
                        "{what} is the same in fi and {lang} (copied?): {:?}",
                        text.fi
                    ));
                }
            }
        }
    }
    for r in &g.reasons {
        for lang in Language::ALL {
            let words = r.keywords.get(lang);
            if words.is_empty() {
                problems.push(format!("reason `{}` has no {lang} keywords", r.id));
            }
            if words.iter().any(|w| w.trim().is_empty()) {
                problems.push(format!("reason `{}` has an empty {lang} keyword", r.id));
            }
        }
    }
    problems.sort();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_shipped_guidance_says_it_is_an_example() {
    let g = guidance();
    let disclaimer = g
        .meta
        .disclaimer
        .as_ref()
        .expect("the shipped guidance has a disclaimer");
    for lang in Language::ALL {
        assert!(
            !disclaimer.get(lang).trim().is_empty(),
            "the disclaimer is empty in {lang}"
        );
    }
    let en = disclaimer.en.to_lowercase();
    assert!(en.contains("example"), "{en}");
    assert!(en.contains("not for clinical use"), "{en}");
    assert!(
        disclaimer.fi.to_lowercase().contains("esimerkki"),
        "{}",
        disclaimer.fi
    );
    assert!(
        disclaimer.sv.to_lowercase().contains("exempel"),
        "{}",
        disclaimer.sv
    );
}
