//! The static analysis behind `arvio lint`: each kind of finding on a fixture made to have it
//! (tests/fixtures/workbench/), the shipped guidance, the `allow` entries, the command's exit
//! codes and formats, and `arvio test --format junit`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use arvio::analysis::{Analysis, Finding, Kind, Options, analyse, reason_cases};
use arvio::call::{Call, Value};
use arvio::engine::evaluate;
use arvio::guidance::{Guidance, ReasonId};
use arvio::scenario::load_scenarios;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/workbench")
        .join(name)
}

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/default")
}

fn lint(dir: &Path) -> (Guidance, Analysis) {
    let g = common::load(dir);
    let (scenarios, errors) = load_scenarios(dir);
    assert!(
        errors.is_empty(),
        "scenarios of {}: {errors:?}",
        dir.display()
    );
    let a = analyse(&g, &scenarios, &Options::default());
    (g, a)
}

/// A finding in one line: `file:line kind id [related] (count) allowed?`, the file relative.
fn line(dir: &Path, f: &Finding) -> String {
    let file = common::slashed(f.file.strip_prefix(dir).unwrap_or(&f.file));
    let related = if f.related.is_empty() {
        String::new()
    } else {
        format!(" [{}]", f.related.join(", "))
    };
    let allowed = if f.allowed_by.is_some() {
        " allowed"
    } else {
        ""
    };
    format!(
        "{file}:{} {} {}{related} ({}){allowed}",
        f.line, f.kind, f.id, f.count
    )
}

fn lines(dir: &Path, a: &Analysis) -> Vec<String> {
    a.findings.iter().map(|f| line(dir, f)).collect()
}

fn find(a: &Analysis, kind: Kind, id: &str) -> Finding {
    a.findings
        .iter()
        .find(|f| f.kind == kind && f.id == id)
        .cloned()
        .unwrap_or_else(|| panic!("no {kind} finding for `{id}`"))
}

/// The example cases of a finding, as `answers → decision`.
fn cases(f: &Finding) -> Vec<String> {
    f.cases
        .iter()
        .map(|c| format!("{} → {}", c.text, c.decision))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Each kind of finding.

#[test]
fn a_gap_is_reported_with_its_cases() {
    let dir = fixture("gap");
    let (_, a) = lint(&dir);
    assert_eq!(
        lines(&dir, &a),
        [
            "guidance.ron:1 no_scenarios scenarios (0)",
            "reasons/01_cough.ron:4 gap cough (2)",
        ]
    );
    let gap = find(&a, Kind::Gap, "cough");
    assert_eq!(
        gap.message.to_string(),
        "2 of the 12 cases of reason `cough` match no rule, so the fallback decides \
         (days_1_3 / phone / nurse (cough.fallback))"
    );
    assert_eq!(
        cases(&gap),
        [
            "fever = No, 7 ≤ days < 21 → days_1_3 / phone / nurse (cough.fallback)",
            "fever = No, days = cannot say → days_1_3 / phone / nurse (cough.fallback)",
        ]
    );
    assert_eq!(gap.col, 9, "the reason's id");
    assert!(!gap.sampled);
    assert!(gap.fails());
    assert_eq!((a.errors(), a.warnings(), a.allowed()), (1, 1, 0));
}

#[test]
fn each_case_answers_with_a_value_standing_for_its_class() {
    let dir = fixture("gap");
    let (_, a) = lint(&dir);
    let gap = find(&a, Kind::Gap, "cough");
    let answers: Vec<String> = gap.cases[0]
        .answers
        .iter()
        .map(|x| format!("{} {:?}", x.question, x.answer))
        .collect();
    // 7 ≤ days < 21: the threshold 7 itself stands for the interval it opens.
    assert_eq!(answers, ["fever No", "days Number(7.0)"]);
    assert_eq!(gap.cases[0].reasons, ["cough"]);
}

#[test]
fn the_summary_counts_each_timeframe_and_mode() {
    let dir = fixture("gap");
    let (_, a) = lint(&dir);
    let s = &a.summaries[0];
    assert_eq!(s.reason, "cough");
    assert_eq!(s.cases, 12);
    let tf: Vec<(&str, usize)> = s
        .timeframes
        .iter()
        .map(|c| (c.id.as_str(), c.cases))
        .collect();
    // Fever yes or cannot say (2 × 4 days classes) → same day; no fever: < 7 self-care,
    // ≥ 21 one week, the rest the fallback.
    assert_eq!(
        tf,
        [
            ("same_day", 8),
            ("days_1_3", 2),
            ("days_1_7", 1),
            ("self_care", 1)
        ]
    );
    let modes: Vec<(&str, usize)> = s.modes.iter().map(|c| (c.id.as_str(), c.cases)).collect();
    assert_eq!(modes, [("phone", 2), ("visit", 9), ("none", 1)]);
    assert_eq!(s.remote, 2);
    assert_eq!(s.remote_percent, 16.7);
    assert_eq!(s.fallback, 2);
    assert!(!s.sampled);
}

#[test]
fn shadowed_rules_name_the_rules_that_beat_them() {
    let dir = fixture("shadowed");
    let (_, a) = lint(&dir);
    assert_eq!(
        lines(&dir, &a),
        [
            "guidance.ron:1 no_scenarios scenarios (0)",
            "reasons/01_rash.ron:4 gap rash (5) allowed",
            "reasons/01_rash.ron:18 shadowed rash_spreading_fever [rash_spreading] (1)",
            "reasons/01_rash.ron:30 shadowed rash_also_spreading [rash_spreading] (3)",
        ]
    );
    let less_urgent = find(&a, Kind::Shadowed, "rash_spreading_fever");
    assert_eq!(
        less_urgent.message.to_string(),
        "rule `rash_spreading_fever` (days_1_3) matches in 1 case but decides none: \
         `rash_spreading` (same_day) decides whenever it matches"
    );
    assert_eq!(
        cases(&less_urgent),
        ["spreading = Yes, fever = Yes → same_day / visit / doctor (rash_spreading)"]
    );
    // Equally urgent, the same outcome, standing second: shadowed, not an overlap.
    let equal = find(&a, Kind::Shadowed, "rash_also_spreading");
    assert_eq!(
        cases(&equal),
        [
            "spreading = Yes, fever = Yes → same_day / visit / doctor (rash_spreading)",
            "spreading = Yes, fever = No → same_day / visit / doctor (rash_spreading)",
            "spreading = Yes, fever = cannot say → same_day / visit / doctor (rash_spreading)",
        ]
    );
    let gap = find(&a, Kind::Gap, "rash");
    assert_eq!(gap.allowed_by.as_deref(), Some("allow \"gap\""));
    assert_eq!(a.errors(), 2);
}

#[test]
fn unreachable_questions_and_rules_are_reported() {
    let dir = fixture("unreachable");
    let (_, a) = lint(&dir);
    assert_eq!(
        lines(&dir, &a),
        [
            "guidance.ron:1 no_scenarios scenarios (0)",
            "reasons/01_back.ron:4 gap back (3) allowed",
            "reasons/01_back.ron:9 unreachable injury_kind (0)",
            "reasons/01_back.ron:18 unreachable back_fall (0)",
            "reasons/01_back.ron:30 unreachable back_impossible (0)",
        ]
    );
    assert_eq!(
        find(&a, Kind::Unreachable, "injury_kind")
            .message
            .to_string(),
        "question `injury_kind` is never asked: its ask_if is true in none of the 15 cases of reason `back`"
    );
    assert_eq!(
        find(&a, Kind::Unreachable, "back_impossible")
            .message
            .to_string(),
        "the condition of rule `back_impossible` is true in none of the 15 cases of reason `back`"
    );
    // Pain is split at 3, 5 and 8 where the conditions tell the values apart, and no further.
    let gap = find(&a, Kind::Gap, "back");
    assert_eq!(
        cases(&gap),
        [
            "injury = Yes, pain = cannot say → days_1_3 / phone / nurse (back.fallback)",
            "injury = No, pain = cannot say → days_1_3 / phone / nurse (back.fallback)",
            "injury = cannot say, pain = cannot say → days_1_3 / phone / nurse (back.fallback)",
        ]
    );
    let (cases, _) = reason_cases(&common::load(&dir), ReasonId(0), 1000);
    let pains: Vec<&str> = cases
        .iter()
        .filter(|c| c.text.starts_with("injury = Yes"))
        .map(|c| c.answers[1].shown.as_str())
        .collect();
    assert_eq!(
        pains,
        [
            "pain < 3",
            "3 ≤ pain ≤ 5",
            "5 < pain < 8",
            "pain ≥ 8",
            "pain = cannot say"
        ]
    );
}

#[test]
fn an_overlap_names_both_rules_and_what_differs() {
    let dir = fixture("overlap");
    let (_, a) = lint(&dir);
    assert_eq!(
        lines(&dir, &a),
        [
            "guidance.ron:1 no_scenarios scenarios (0)",
            "reasons/01_ear.ron:3 gap ear (3) allowed",
            "reasons/01_ear.ron:17 overlap ear_discharge [ear_pain] (1)",
        ]
    );
    let overlap = find(&a, Kind::Overlap, "ear_discharge");
    assert_eq!(
        overlap.message.to_string(),
        "rules `ear_pain` and `ear_discharge` both match in 1 case, equally urgent (days_1_3) \
         with different outcomes (contact mode phone vs visit, professional nurse vs doctor): \
         `ear_pain` stands first and decides"
    );
    assert_eq!(
        cases(&overlap),
        ["pain = Yes, discharge = Yes → days_1_3 / phone / nurse (ear_pain)"]
    );
}

#[test]
fn cannot_say_must_not_reassure() {
    let dir = fixture("cannot_say");
    let (_, a) = lint(&dir);
    assert_eq!(
        lines(&dir, &a),
        [
            "guidance.ron:1 no_scenarios scenarios (0)",
            "reasons/01_social.ron:8 cannot_say matter [s_visit] (3)",
            "reasons/01_social.ron:12 cannot_say fever [s_temp] (2)",
        ]
    );
    let answered = find(&a, Kind::CannotSay, "matter");
    assert_eq!(
        answered.message.to_string(),
        "“cannot say” on `matter` lets `s_visit` decide (days_1_7), less urgent than when \
         `matter` has no answer (social.fallback, days_1_3): “cannot say” must not reassure; 3 cases"
    );
    assert_eq!(
        cases(&answered),
        [
            "matter = cannot say, fever = Yes, temp < 38 → days_1_7 / visit / nurse (s_visit)",
            "matter = cannot say, fever = No → days_1_7 / visit / nurse (s_visit)",
            "matter = cannot say, fever = cannot say → days_1_7 / visit / nurse (s_visit)",
        ]
    );
    let skipped = find(&a, Kind::CannotSay, "fever");
    assert_eq!(
        skipped.message.to_string(),
        "“cannot say” on `fever` skips the follow-up `temp`, which `s_temp` sends to same_day \
         when it cannot be said either (as after fever = Yes); a caller who cannot say `fever` \
         gets a less urgent outcome in 2 cases"
    );
    // Options no condition tells apart are one case.
    assert_eq!(
        cases(&skipped),
        [
            "matter = housing or money, fever = cannot say → days_1_7 / visit / nurse (s_visit)",
            "matter = cannot say, fever = cannot say → days_1_7 / visit / nurse (s_visit)",
        ]
    );
}

#[test]
fn coverage_counts_what_the_scenarios_decide_and_ask() {
    let dir = fixture("coverage");
    let (_, a) = lint(&dir);
    assert_eq!(
        lines(&dir, &a),
        [
            // Format 2: a risk factor no rule reads is asked in no call.
            "guidance.ron:30 never_asked age (0)",
            "reasons/01_cough.ron:4 gap cough (3) allowed",
            "reasons/01_cough.ron:4 never_won cough.fallback (0) allowed",
            "reasons/01_cough.ron:9 never_asked colour (0)",
            "reasons/01_cough.ron:19 never_won cough_long (0)",
        ]
    );
    assert_eq!(
        find(&a, Kind::NeverWon, "cough_long").message.to_string(),
        "rule `cough_long` decides none of the 3 scenarios"
    );
    // Coverage warns; it does not fail.
    assert_eq!((a.errors(), a.warnings(), a.allowed()), (0, 3, 2));
}

#[test]
fn a_reason_with_too_many_cases_is_sampled_deterministically() {
    let dir = fixture("gap");
    let g = common::load(&dir);
    let opts = Options {
        max_cases: 5,
        ..Options::default()
    };
    let a = analyse(&g, &[], &opts);
    let s = &a.summaries[0];
    assert!(s.sampled);
    assert_eq!(s.cases, 5);
    let again = analyse(&g, &[], &opts);
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&again).unwrap()
    );
    for f in a.findings.iter().filter(|f| f.reason.is_some()) {
        assert!(f.sampled);
        assert!(
            f.message
                .to_string()
                .contains("in a deterministic sample of 5 cases; the reason has more than 5"),
            "{}",
            f.message
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The shipped guidance.

#[test]
fn the_shipped_guidance_has_no_finding_it_does_not_allow() {
    let dir = shipped();
    let (_, a) = lint(&dir);
    let open: Vec<String> = a
        .findings
        .iter()
        .filter(|f| f.allowed_by.is_none())
        .map(|f| format!("{}: {}", line(&dir, f), f.message))
        .collect();
    assert!(
        open.is_empty(),
        "findings not allowed:\n{}",
        open.join("\n")
    );
    let g = common::load(&dir);
    assert_eq!(a.summaries.len(), g.reasons.len());
    let sampled: Vec<&str> = a
        .summaries
        .iter()
        .filter(|s| s.sampled)
        .map(|s| s.reason.as_str())
        .collect();
    assert_eq!(sampled, ["respiratory", "urinary"]);
}

#[test]
fn the_analysis_is_deterministic() {
    let (_, a) = lint(&shipped());
    let (_, b) = lint(&shipped());
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
}

/// Each enumerated case gets, from `engine::evaluate`, exactly the decision the analysis gives it.
/// A reason with more cases than the limit is checked on its deterministic sample, and only the
/// reasons in `sampled` may be.
fn agrees_with_the_engine(dir: &Path, may_be_sampled: &[&str]) -> usize {
    let g = common::load(dir);
    let mut n = 0;
    for (i, reason) in g.reasons.iter().enumerate() {
        let (cases, sampled) = reason_cases(&g, ReasonId(i as u32), 200_000);
        assert!(
            !sampled || may_be_sampled.contains(&reason.id.as_str()),
            "{}",
            reason.id
        );
        for case in &cases {
            let mut call = Call::new(&g);
            call.add_reason(ReasonId(i as u32));
            for rf in &g.red_flags {
                call.set(rf.question, Some(Value::No));
            }
            for a in &case.answers {
                let q = g.question_by_id(&a.question).expect("a known question");
                call.set(
                    q,
                    Some(Value::resolve(&g, q, &a.answer).expect("a fitting answer")),
                );
            }
            let p = evaluate(&g, &call).proposal.expect("a reason is chosen");
            assert_eq!(
                arvio::analysis::Decision::of(&g, p.winner),
                case.decision,
                "{}: {}",
                reason.id,
                case.text
            );
            n += 1;
        }
    }
    n
}

#[test]
fn every_case_is_decided_as_the_engine_decides_it() {
    for name in [
        "gap",
        "shadowed",
        "unreachable",
        "overlap",
        "cannot_say",
        "coverage",
    ] {
        assert!(agrees_with_the_engine(&fixture(name), &[]) > 0);
    }
    // The first example guidance, every case; the shipped one, its two largest reasons sampled.
    let first = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/guidance-1");
    assert!(agrees_with_the_engine(&first, &[]) > 100_000);
    assert!(agrees_with_the_engine(&shipped(), &["respiratory", "urinary"]) > 300_000);
}

// ---------------------------------------------------------------------------------------------
// `allow` entries.

const REASON: &str = r#"Reason(
    id: "cough",
    label: (fi: "Yskä", sv: "Hosta", en: "Cough"),
    questions: [
        (id: "fever", text: (fi: "Kuumetta?", sv: "Feber?", en: "Fever?"), kind: YesNo),
    ],
    rules: [
        (
            id: "cough_fever",
            description: (fi: "Kuume", sv: "Feber", en: "Fever"),
            when: Yes("fever"),
            outcome: (timeframe: "days_1_3", modes: ["visit"], professional: "doctor",
                advice: (fi: "Lääkärille", sv: "Till läkare", en: "See a doctor")),
        ),
    ],
    fallback: (timeframe: "days_1_7", modes: ["phone"], professional: "nurse",
        advice: (fi: "Hoitaja soittaa", sv: "Skötaren ringer", en: "A nurse calls")),
    allow: ALLOW,
)
"#;

fn with_allow(allow: &str) -> Vec<String> {
    let reason = REASON.replace("ALLOW", allow);
    let dir = common::folder(&[
        ("guidance.ron", common::GUIDANCE),
        ("reasons/01_cough.ron", &reason),
    ]);
    common::errors(dir.path())
}

#[test]
fn allow_entries_name_known_kinds_and_ids() {
    assert_eq!(
        with_allow(
            r#"["gap", "overlap", "shadowed:cough_fever", "unreachable:fever", "never_won:cough.fallback", "never_asked:fever", "cannot_say:age", "overlap:cough_fever:cough_fever"]"#
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        with_allow(
            r#"["gaps", "gap:cough", "shadowed:nope", "overlap:cough_fever", "unreachable:a:b", "never_asked:cough_fever", "cannot_say:"]"#
        ),
        [
            "reasons/01_cough.ron:18:13: allow entry `gaps`: unknown kind of finding `gaps` (known: gap, overlap, shadowed, unreachable, cannot_say, never_won, never_asked)",
            "reasons/01_cough.ron:18:21: allow entry `gap:cough` should be `gap`",
            "reasons/01_cough.ron:18:34: allow entry `shadowed:nope`: reason `cough` has no rule `nope`",
            "reasons/01_cough.ron:18:51: allow entry `overlap:cough_fever` should be `overlap` or `overlap:<first rule>:<second rule>`",
            "reasons/01_cough.ron:18:74: allow entry `unreachable:a:b` should be `unreachable` or `unreachable:<id>`",
            "reasons/01_cough.ron:18:93: allow entry `never_asked:cough_fever`: reason `cough` has no question `cough_fever`",
            "reasons/01_cough.ron:18:120: allow entry `cannot_say:` has an empty id",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// `arvio lint` and `arvio test --format junit`.

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn arvio(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_arvio"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the arvio binary runs");
    let run = Run {
        code: out.status.code().expect("exited"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8"),
    };
    for bad in ["panicked", "Some(", "RUST_BACKTRACE"] {
        assert!(
            !run.stdout.contains(bad) && !run.stderr.contains(bad),
            "`{bad}` in the output of {args:?}:\n{}{}",
            run.stdout,
            run.stderr
        );
    }
    run
}

#[test]
fn lint_exits_1_on_findings_nobody_allowed() {
    for (name, flag) in [
        ("gap", "--allow-gaps"),
        ("shadowed", "--allow-shadowed"),
        ("unreachable", "--allow-unreachable"),
        ("overlap", "--allow-overlaps"),
        ("cannot_say", "--allow-cannot-say"),
    ] {
        let dir = format!("tests/fixtures/workbench/{name}");
        let run = arvio(&["lint", &dir]);
        assert_eq!(run.code, 1, "{name}:\n{}{}", run.stdout, run.stderr);
        let run = arvio(&["lint", &dir, flag]);
        assert_eq!(run.code, 0, "{name} {flag}:\n{}", run.stdout);
        assert!(
            run.stdout.contains(&format!("(by {flag})")),
            "{}",
            run.stdout
        );
    }
    // Coverage findings are warnings.
    let run = arvio(&["lint", "tests/fixtures/workbench/coverage"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .ends_with("lint: 0 errors, 3 warnings, 2 allowed\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn lint_text_shows_each_finding_at_file_and_line() {
    let run = arvio(&["lint", "tests/fixtures/workbench/gap"]);
    assert_eq!(
        run.stdout,
        "tests/fixtures/workbench/gap/guidance.ron:1: warning: no_scenarios: the guidance has no scenarios that run, so coverage is not measured\n\
         tests/fixtures/workbench/gap/reasons/01_cough.ron:4: error: gap: 2 of the 12 cases of reason `cough` match no rule, so the fallback decides (days_1_3 / phone / nurse (cough.fallback))\n\
         \x20   case: fever = No, 7 ≤ days < 21 → days_1_3 / phone / nurse (cough.fallback)\n\
         \x20   case: fever = No, days = cannot say → days_1_3 / phone / nurse (cough.fallback)\n\
         summary cough: 12 cases: same_day 8 (66.7%), days_1_3 2 (16.7%), days_1_7 1 (8.3%), self_care 1 (8.3%); modes: phone 2, visit 9, none 1; remote 16.7%; fallback 2\n\
         lint: 1 error, 1 warning, 0 allowed\n"
    );
}

#[test]
fn lint_json_parses_and_counts() {
    let run = arvio(&[
        "lint",
        "tests/fixtures/workbench/shadowed",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(v["errors"], 2);
    assert_eq!(v["warnings"], 1);
    assert_eq!(v["allowed"], 1);
    let kinds: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["no_scenarios", "gap", "shadowed", "shadowed"]);
    assert_eq!(v["findings"][2]["id"], "rash_spreading_fever");
    assert_eq!(v["findings"][2]["line"], 18);
    assert_eq!(v["findings"][2]["cases"][0]["answers"][0]["answer"], "Yes");
    assert_eq!(v["summaries"][0]["cases"], 9);
}

#[test]
fn lint_passes_on_the_shipped_guidance() {
    let run = arvio(&["lint", "rules/default"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("lint: 0 errors, 0 warnings,"),
        "{}",
        run.stdout
    );
}

#[test]
fn lint_exits_2_when_the_guidance_does_not_load() {
    let dir = common::folder(&[("guidance.ron", "Guidance(")]);
    let run = arvio(&["lint", &dir.path().display().to_string()]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("guidance.ron:"), "{}", run.stderr);
}

/// The elements of an XML document with their attributes, in document order.
fn elements(xml: &str) -> Vec<(String, Vec<(String, String)>)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => {
                let qname = e.name();
                let name: &str = qname.as_ref();
                let name = name.to_owned();
                let attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("an attribute");
                        let key: &str = a.key.as_ref();
                        (
                            key.to_owned(),
                            a.normalized_value(quick_xml::XmlVersion::default())
                                .expect("a value")
                                .into_owned(),
                        )
                    })
                    .collect();
                out.push((name, attrs));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> &'a str {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
}

#[test]
fn test_writes_junit_that_parses() {
    let run = arvio(&[
        "test",
        "tests/fixtures/workbench/coverage",
        "--format",
        "junit",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
    );
    let els = elements(&run.stdout);
    let names: Vec<&str> = els.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "testsuites",
            "testsuite",
            "properties",
            "property",
            "property",
            "testcase",
            "testcase",
            "testcase"
        ]
    );
    let suite = &els[1].1;
    assert_eq!(attr(suite, "name"), "Workbench fixture: coverage 1.0");
    assert_eq!(
        (
            attr(suite, "tests"),
            attr(suite, "failures"),
            attr(suite, "errors")
        ),
        ("3", "0", "0")
    );
    assert_eq!(attr(&els[5].1, "name"), "Cough with fever");
    assert_eq!(attr(&els[5].1, "classname"), "01_fever");
}

#[test]
fn junit_reports_failures_and_errors() {
    let failing = r#"Scenario(
    name: "wrong <expectation> & more",
    at: "2026-11-23T09:00:00+02:00",
    reasons: ["cough"],
    answers: {"fever": Yes, "temp": Number(39.5)},
    expect: (timeframe: "self_care", rule: "cough_mild"),
)
"#;
    let unknown = r#"Scenario(
    at: "2026-11-23T09:00:00+02:00",
    reasons: ["cough"],
    answers: {"nope": Yes},
    expect: (timeframe: "self_care"),
)
"#;
    let dir = common::folder(&[
        ("guidance.ron", common::GUIDANCE),
        ("reasons/01_cough.ron", common::COUGH),
        ("reasons/02_social.ron", common::SOCIAL),
        ("scenarios/01_failing.ron", failing),
        ("scenarios/02_unknown.ron", unknown),
        ("scenarios/03_broken.ron", "Scenario("),
    ]);
    let run = arvio(&[
        "test",
        &dir.path().display().to_string(),
        "--format",
        "junit",
    ]);
    assert_eq!(run.code, 1);
    let els = elements(&run.stdout);
    let suite = &els[1].1;
    assert_eq!(
        (
            attr(suite, "tests"),
            attr(suite, "failures"),
            attr(suite, "errors")
        ),
        ("3", "1", "2")
    );
    let failure = els.iter().find(|(n, _)| n == "failure").expect("a failure");
    assert_eq!(
        attr(&failure.1, "message"),
        "timeframe: expected self_care, got days_1_3; rule: expected cough_mild, got cough_high_fever"
    );
    let cases: Vec<&str> = els
        .iter()
        .filter(|(n, _)| n == "testcase")
        .map(|(_, a)| attr(a, "name"))
        .collect();
    assert_eq!(
        cases,
        ["wrong <expectation> & more", "02_unknown", "03_broken"]
    );
    let errors: Vec<&str> = els
        .iter()
        .filter(|(n, _)| n == "error")
        .map(|(_, a)| attr(a, "message"))
        .collect();
    assert_eq!(errors[0], "unknown question `nope`");
    assert_eq!(errors.len(), 2);
}
