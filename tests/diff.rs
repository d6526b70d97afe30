//! Comparing two versions of a guidance (`arvio diff`): the structural changes, every case whose
//! proposal changes, and the command's exit codes and formats.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use arvio::analysis::Options;
use arvio::diff::{Change, Diff, ItemKind, diff};
use arvio::scenario::load_scenarios;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/workbench")
        .join(name)
}

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/default")
}

fn compare(old: &Path, new: &Path) -> Diff {
    let a = common::load(old);
    let b = common::load(new);
    let (sa, _) = load_scenarios(old);
    let (sb, _) = load_scenarios(new);
    diff(&a, &sa, &b, &sb, &Options::default())
}

/// Each item as `change kind id: field, field`.
fn items(d: &Diff) -> Vec<String> {
    d.items
        .iter()
        .map(|i| {
            let change = match i.change {
                Change::Added => "added",
                Change::Removed => "removed",
                Change::Changed => "changed",
            };
            let fields: Vec<&str> = i.fields.iter().map(|f| f.field.as_str()).collect();
            format!("{change} {} {}: {}", i.item.name(), i.id, fields.join(", "))
        })
        .collect()
}

/// How many cases change from which deciding rule to which.
fn transitions(d: &Diff) -> BTreeMap<(String, String), usize> {
    let mut out = BTreeMap::new();
    for c in &d.cases {
        *out.entry((c.old.rule.clone(), c.new.rule.clone()))
            .or_insert(0) += 1;
    }
    out
}

#[test]
fn the_structural_changes_are_listed_by_kind_and_id() {
    let d = compare(&fixture("diff_old"), &fixture("diff_new"));
    assert_eq!(
        items(&d),
        [
            "changed guidance guidance: version",
            "added question blood: ",
            "removed question night: ",
            "changed reason cough: questions, rules",
            "added rule cough_blood: ",
            "changed rule cough_long: description.en, when",
            "removed rule cough_night: ",
        ]
    );
    let long = d
        .items
        .iter()
        .find(|i| i.item == ItemKind::Rule && i.id == "cough_long")
        .expect("cough_long changed");
    let when = &long.fields[1];
    assert_eq!(
        when.old.as_deref(),
        Some(r#"All([No("fever"), Ge("days", 21)])"#)
    );
    assert_eq!(
        when.new.as_deref(),
        Some(r#"All([No("fever"), Ge("days", 14)])"#)
    );
    assert!(
        long.old
            .as_deref()
            .unwrap()
            .ends_with("diff_old/reasons/01_cough.ron:18")
    );
    assert!(
        long.new
            .as_deref()
            .unwrap()
            .ends_with("diff_new/reasons/01_cough.ron:18")
    );
}

#[test]
fn every_case_whose_outcome_changes_is_listed() {
    let d = compare(&fixture("diff_old"), &fixture("diff_new"));
    // The scenarios (2) and the cases of both versions, each answered also for the questions
    // only the other version reads: 81 + 81, of which 27 are the same case.
    assert_eq!((d.compared, d.incomparable), (137, 0));
    let t = transitions(&d);
    let expected: BTreeMap<(String, String), usize> = [
        (("cough.fallback", "cough_blood"), 23),
        (("cough.fallback", "cough_long"), 5),
        (("cough_long", "cough_blood"), 2),
        (("cough_night", "cough.fallback"), 6),
        (("cough_night", "cough_blood"), 5),
        (("cough_night", "cough_long"), 4),
    ]
    .into_iter()
    .map(|((a, b), n)| ((a.to_owned(), b.to_owned()), n))
    .collect();
    assert_eq!(t, expected);

    // The scenario first, as the new version has it.
    let first = &d.cases[0];
    assert_eq!(first.source, "scenario 01_two_weeks.ron");
    assert_eq!(first.text, "Cough for 15 days, no fever");
    assert_eq!(first.old.to_string(), "self_care (cough.fallback)");
    assert_eq!(
        first.new.to_string(),
        "days_1_7 / visit / doctor (cough_long)"
    );

    // A case from the new version, answered for the old version's `night` too.
    let lengthened: Vec<&str> = d
        .cases
        .iter()
        .filter(|c| c.source == "cases of cough" && c.new.rule == "cough_long")
        .filter(|c| c.old.rule == "cough.fallback")
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(
        lengthened,
        [
            "fever = No, days ≥ 14, blood = No, night = No",
            "fever = No, days ≥ 14, blood = No, night = cannot say",
            "fever = No, days ≥ 14, blood = cannot say, night = No",
            "fever = No, days ≥ 14, blood = cannot say, night = cannot say",
        ]
    );
    let case = d
        .cases
        .iter()
        .find(|c| c.text == "fever = No, days ≥ 14, blood = No, night = No")
        .unwrap();
    let answers: Vec<String> = case
        .answers
        .iter()
        .map(|a| format!("{}={:?}", a.question, a.answer))
        .collect();
    assert_eq!(
        answers,
        ["fever=No", "days=Number(14.0)", "blood=No", "night=No"]
    );
}

#[test]
fn swapping_the_versions_swaps_old_and_new() {
    let forward = compare(&fixture("diff_old"), &fixture("diff_new"));
    let back = compare(&fixture("diff_new"), &fixture("diff_old"));
    assert_eq!(back.compared, forward.compared);
    let mut swapped: Vec<(String, String)> = forward
        .cases
        .iter()
        .filter(|c| c.source.starts_with("cases"))
        .map(|c| (c.new.rule.clone(), c.old.rule.clone()))
        .collect();
    let mut reverse: Vec<(String, String)> = back
        .cases
        .iter()
        .filter(|c| c.source.starts_with("cases"))
        .map(|c| (c.old.rule.clone(), c.new.rule.clone()))
        .collect();
    swapped.sort();
    reverse.sort();
    assert_eq!(swapped, reverse);
    assert_eq!(
        items(&back)[1..3],
        ["removed question blood: ", "added question night: "]
    );
}

#[test]
fn a_guidance_compared_with_itself_changes_nothing() {
    // The shipped guidance: its two largest reasons are sampled, and the sample changes nothing.
    let d = compare(&shipped(), &shipped());
    assert!(d.is_empty(), "{:?}", items(&d));
    assert!(d.compared > 100_000);
    assert_eq!(d.incomparable, 0);
    assert_eq!(d.sampled, ["respiratory", "urinary"]);
    // A smaller guidance (the first example, kept as a fixture) is compared case by case.
    let first = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/guidance-1");
    let d = compare(&first, &first);
    assert!(d.is_empty(), "{:?}", items(&d));
    assert!(d.compared > 100_000);
    assert_eq!(d.incomparable, 0);
    assert!(d.sampled.is_empty());
}

#[test]
fn the_diff_is_deterministic() {
    let a = compare(&fixture("diff_old"), &fixture("diff_new"));
    let b = compare(&fixture("diff_old"), &fixture("diff_new"));
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
}

#[test]
fn an_edit_of_the_shipped_guidance_shows_the_cases_it_changes() {
    // The respiratory long-cough rule as it was before it was limited to a good condition.
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&shipped(), dir.path());
    let file = dir.path().join("reasons/01_respiratory.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replace(
        r#"when: All([Ge("onset", Weeks(3)), Is("condition", "good")]),"#,
        r#"when: Ge("onset", Weeks(3)),"#,
    );
    assert_ne!(text, edited);
    std::fs::write(&file, edited).unwrap();
    let d = compare(dir.path(), &shipped());
    assert_eq!(items(&d), ["changed rule resp_long_cough: when"]);
    let t = transitions(&d);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(
        t.keys().next().unwrap(),
        &(
            "resp_long_cough".to_owned(),
            "respiratory.fallback".to_owned()
        )
    );
    assert!(d.cases.iter().all(|c| {
        c.text.contains("onset ≥ Weeks(3)")
            && !c.text.contains("condition = good")
            && c.old.disposition.timeframe == "days_1_7"
            && c.new.disposition.timeframe == "days_1_3"
    }));
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// `arvio diff`.

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
fn diff_of_the_shipped_guidance_with_itself_exits_0() {
    let run = arvio(&["diff", "rules/default", "rules/default"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .starts_with("diff: 0 items changed, 0 cases change (of "),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.lines().count(), 1);
}

#[test]
fn diff_exits_1_when_something_changes() {
    let run = arvio(&[
        "diff",
        "tests/fixtures/workbench/diff_old",
        "tests/fixtures/workbench/diff_new",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "changed guidance `guidance`");
    assert_eq!(lines[1], "    version: 1.0 → 1.1");
    assert_eq!(
        lines[2],
        "added question `blood` (tests/fixtures/workbench/diff_new/reasons/01_cough.ron:8)"
    );
    assert!(run.stdout.contains(
        "scenario 01_two_weeks.ron: self_care (cough.fallback) → days_1_7 / visit / doctor (cough_long): 1 case\n    Cough for 15 days, no fever\n"
    ));
    assert!(run.stdout.contains(
        "cases of cough: self_care (cough.fallback) → same_day / visit / doctor (cough_blood): 23 cases\n"
    ));
    assert!(run.stdout.contains("    … and 18 more\n"));
    assert_eq!(
        lines.last().unwrap(),
        &"diff: 7 items changed, 45 cases change (of 137 compared; 0 could not be compared)"
    );
}

#[test]
fn diff_json_parses() {
    let run = arvio(&[
        "diff",
        "tests/fixtures/workbench/diff_old",
        "tests/fixtures/workbench/diff_new",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(v["changed"], true);
    assert_eq!(v["old"]["version"], "1.0");
    assert_eq!(v["new"]["version"], "1.1");
    assert_eq!(v["items"].as_array().unwrap().len(), 7);
    assert_eq!(v["items"][0]["fields"][0]["old"], "1.0");
    assert_eq!(v["cases"].as_array().unwrap().len(), 45);
    assert_eq!(v["cases"][0]["new"]["rule"], "cough_long");
    assert_eq!(v["compared"], 137);
}

#[test]
fn diff_exits_2_when_a_version_does_not_load() {
    let broken = common::folder(&[("guidance.ron", "Guidance(")]);
    let run = arvio(&[
        "diff",
        "rules/default",
        &broken.path().display().to_string(),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("guidance.ron:"), "{}", run.stderr);
    let run = arvio(&["diff", "/nonexistent/guidance", "rules/default"]);
    assert_eq!(run.code, 2);
}
