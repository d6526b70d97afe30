//! The `arvio` binary's headless commands: check, test and eval, run as a user runs them.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use tempfile::TempDir;

/// What a run of the binary produced.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {}\n--- stdout ---\n{}--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs `arvio` with `args`; every output must be free of panics and Debug dumps.
fn arvio<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_arvio"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the arvio binary runs");
    let run = Run {
        code: out.status.code().expect("exited, not killed by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    // Source lines quoted under a diagnostic are the author's text, not ours.
    let all: String = run
        .all()
        .lines()
        .filter(|l| !l.starts_with("    | "))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        !run.all().contains("panicked"),
        "output contains `panicked`:\n{run:?}"
    );
    for bad in ["panicked", "Some(", "Diagnostic {", "RUST_BACKTRACE"] {
        assert!(!all.contains(bad), "output contains `{bad}`:\n{run:?}");
    }
    run
}

fn path(p: &Path) -> String {
    p.display().to_string()
}

const AT: &str = "2026-11-23T09:00:00+02:00";

const HIGH_FEVER: &str = r#"Scenario(
    name: "high fever",
    at: "2026-11-23T09:00:00+02:00",
    reasons: ["cough"],
    answers: {"fever": Yes, "temp": Number(39.5)},
    expect: (timeframe: "days_1_3", mode: "visit", professional: "doctor", rule: "cough_high_fever", window: ("2026-11-24", "2026-11-26")),
)
"#;

const ELDERLY: &str = r#"Scenario(
    name: "elderly",
    at: "2026-11-27T09:00:00+02:00",
    reasons: ["cough"],
    answers: {"age": Number(80.0), "fever": No, "kind": Choice("wet")},
    expect: (timeframe: "days_1_3", mode: "phone", professional: "nurse", rule: "cough_old", window: ("2026-11-30", "2026-12-02")),
)
"#;

const CHEST_PAIN: &str = r#"Scenario(
    name: "chest pain",
    at: "2026-11-23T09:00:00+02:00",
    answers: {"rf_chest": Yes},
    expect: (timeframe: "emergency", rule: "rf_chest"),
)
"#;

/// The fixture guidance with `scenarios` (file name, content) in its scenarios/ folder.
fn with_scenarios(scenarios: &[(&str, &str)]) -> TempDir {
    let mut files: Vec<(String, &str)> = vec![
        ("guidance.ron".into(), GUIDANCE),
        ("reasons/01_cough.ron".into(), COUGH),
        ("reasons/02_social.ron".into(), SOCIAL),
    ];
    for (name, text) in scenarios {
        files.push((format!("scenarios/{name}"), text));
    }
    let refs: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), *b)).collect();
    folder(&refs)
}

fn three_scenarios() -> TempDir {
    with_scenarios(&[
        ("01_high_fever.ron", HIGH_FEVER),
        ("02_elderly.ron", ELDERLY),
        ("03_chest_pain.ron", CHEST_PAIN),
    ])
}

fn last_line(s: &str) -> &str {
    s.lines().last().unwrap_or("")
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}):\n{s}"))
}

// ---------------------------------------------------------------------------------------------
// check

#[test]
fn check_accepts_the_fixture() {
    let dir = fixture();
    let run = arvio(&["check", &path(dir.path())]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("ok: "), "{run:?}");
    assert!(
        run.stdout
            .contains("2 red flags, 2 reasons, 7 questions, 4 rules, 0 scenarios"),
        "{run:?}"
    );
    assert!(run.stderr.is_empty(), "{run:?}");
}

#[test]
fn check_counts_the_scenarios() {
    let dir = three_scenarios();
    let run = arvio(&["check", &path(dir.path())]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("ok: Testiohje 1.0 ("), "{run:?}");
    // The counts' line, then the approval's.
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].ends_with("3 scenarios"), "{run:?}");
    assert!(lines[1].starts_with("approval: NOT APPROVED"), "{run:?}");
}

#[test]
fn check_reports_a_broken_guidance_with_position_line_and_caret() {
    let cough = COUGH.replacen(r#"Ge("temp", 39.0)"#, r#"Ge("tmp", 39.0)"#, 1);
    let dir = folder(&[
        ("guidance.ron", GUIDANCE),
        ("reasons/01_cough.ron", &cough),
        ("reasons/02_social.ron", SOCIAL),
    ]);
    let run = arvio(&["check", &path(dir.path())]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    let file = path(&dir.path().join("reasons/01_cough.ron"));
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines[0],
        format!("{file}:20:41: unknown question `tmp`"),
        "{run:?}"
    );
    let source = cough.lines().nth(19).expect("line 20");
    assert_eq!(lines[1], format!("    | {source}"), "{run:?}");
    assert_eq!(lines[2], format!("    | {}^", " ".repeat(40)), "{run:?}");
    // The caret stands under the offending literal.
    assert_eq!(&source[40..45], "\"tmp\"");
    assert_eq!(
        lines[3],
        format!("{}: 1 error", path(dir.path())),
        "{run:?}"
    );
}

#[test]
fn check_reports_a_syntax_error() {
    let cough = COUGH.replacen(r#"id: "cough","#, r#"id: "cough""#, 1);
    let dir = folder(&[("guidance.ron", GUIDANCE), ("reasons/01_cough.ron", &cough)]);
    let run = arvio(&["check", &path(dir.path())]);
    assert_eq!(run.code, 1, "{run:?}");
    let file = path(&dir.path().join("reasons/01_cough.ron"));
    assert!(
        run.stderr
            .starts_with(&format!("{file}:3:5: Expected comma\n    | ")),
        "{run:?}"
    );
    assert!(run.stderr.contains("\n    |     ^\n"), "{run:?}");
}

#[test]
fn check_speaks_finnish_and_swedish_with_lang() {
    let cough = COUGH.replacen(r#"Ge("temp", 39.0)"#, r#"Ge("tmp", 39.0)"#, 1);
    let dir = folder(&[
        ("guidance.ron", GUIDANCE),
        ("reasons/01_cough.ron", &cough),
        ("reasons/02_social.ron", SOCIAL),
    ]);
    let file = path(&dir.path().join("reasons/01_cough.ron"));
    // `--lang` is global: before the command or after it.
    for args in [
        vec!["--lang", "fi", "check", &path(dir.path())],
        vec!["check", &path(dir.path()), "--lang", "fi"],
    ] {
        let run = arvio(&args);
        assert_eq!(run.code, 1, "{run:?}");
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(
            lines[0],
            format!("{file}:20:41: tuntematon kysymys `tmp`"),
            "{run:?}"
        );
        assert_eq!(
            lines[3],
            format!("{}: 1 virhe", path(dir.path())),
            "{run:?}"
        );
    }
    let run = arvio(&["check", &path(dir.path()), "--lang", "sv"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .starts_with(&format!("{file}:20:41: okänd fråga `tmp`\n")),
        "{run:?}"
    );
    // English stays the default, and `--lang en` says the same.
    let run = arvio(&["check", &path(dir.path()), "--lang", "en"]);
    assert!(
        run.stderr
            .starts_with(&format!("{file}:20:41: unknown question `tmp`\n")),
        "{run:?}"
    );
}

#[test]
fn a_syntax_error_keeps_ron_s_words_inside_a_translated_sentence() {
    let cough = COUGH.replacen(r#"id: "cough","#, r#"id: "cough""#, 1);
    let dir = folder(&[("guidance.ron", GUIDANCE), ("reasons/01_cough.ron", &cough)]);
    let run = arvio(&["--lang", "fi", "check", &path(dir.path())]);
    assert_eq!(run.code, 1, "{run:?}");
    let file = path(&dir.path().join("reasons/01_cough.ron"));
    assert!(
        run.stderr
            .starts_with(&format!("{file}:3:5: RON-syntaksi: Expected comma\n")),
        "{run:?}"
    );
}

#[test]
fn lint_and_an_unknown_language_with_lang() {
    let dir = three_scenarios();
    let run = arvio(&["lint", &path(dir.path()), "--lang", "sv"]);
    let last = run.stdout.lines().last().unwrap_or_default().to_owned();
    assert!(last.starts_with("lint: "), "{run:?}");
    assert!(last.ends_with(" tillåtna"), "{run:?}");
    let run = arvio(&["check", &path(dir.path()), "--lang", "de"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("unknown language `de`"), "{run:?}");
}

#[test]
fn check_reports_a_broken_scenario() {
    let dir = with_scenarios(&[("01_bad.ron", "Scenario(\n    nmae: \"x\",\n)\n")]);
    let run = arvio(&["check", &path(dir.path())]);
    assert_eq!(run.code, 1, "{run:?}");
    let file = path(&dir.path().join("scenarios/01_bad.ron"));
    assert!(
        run.stderr
            .starts_with(&format!("{file}:2:5: unknown field `nmae`")),
        "{run:?}"
    );
}

#[test]
fn check_of_a_missing_folder_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("nowhere");
    let run = arvio(&["check", &path(&missing)]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("cannot read the guidance folder"),
        "{run:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// test

#[test]
fn test_passes_when_every_scenario_does() {
    let dir = three_scenarios();
    let run = arvio(&["test", &path(dir.path())]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(last_line(&run.stdout), "3 passed, 0 failed", "{run:?}");
    assert!(!run.stdout.contains("FAIL"), "{run:?}");
}

#[test]
fn test_names_the_field_expected_and_actual_of_a_failing_scenario() {
    let wrong = ELDERLY.replace(r#"professional: "nurse""#, r#"professional: "doctor""#);
    let dir = with_scenarios(&[
        ("01_high_fever.ron", HIGH_FEVER),
        ("02_elderly.ron", &wrong),
        ("03_chest_pain.ron", CHEST_PAIN),
    ]);
    let run = arvio(&["test", &path(dir.path())]);
    assert_eq!(run.code, 1, "{run:?}");
    let file = path(&dir.path().join("scenarios/02_elderly.ron"));
    let fails: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("FAIL "))
        .collect();
    assert_eq!(
        fails,
        [format!(
            "FAIL {file}: elderly: professional expected doctor, got nurse"
        )],
        "{run:?}"
    );
    assert_eq!(last_line(&run.stdout), "2 passed, 1 failed", "{run:?}");
}

#[test]
fn test_reports_every_mismatched_field() {
    let wrong = HIGH_FEVER
        .replace(r#"rule: "cough_high_fever""#, r#"rule: "cough_old""#)
        .replace(
            r#"("2026-11-24", "2026-11-26")"#,
            r#"("2026-11-24", "2026-11-27")"#,
        );
    let dir = with_scenarios(&[("01_high_fever.ron", &wrong)]);
    let run = arvio(&["test", &path(dir.path())]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout
            .contains("high fever: rule expected cough_old, got cough_high_fever"),
        "{run:?}"
    );
    assert!(
        run.stdout.contains(
            "high fever: window expected 2026-11-24..2026-11-27, got 2026-11-24..2026-11-26"
        ),
        "{run:?}"
    );
    assert_eq!(last_line(&run.stdout), "0 passed, 1 failed", "{run:?}");
}

#[test]
fn a_field_written_none_expects_none_and_a_field_left_out_is_not_checked() {
    // The emergency has no mode, professional or window: `None` says so and passes.
    let none = CHEST_PAIN.replace(
        r#"rule: "rf_chest")"#,
        r#"rule: "rf_chest", mode: None, professional: None, window: None)"#,
    );
    // A scheduled outcome has all three: `None` is a failing expectation, not a skipped one.
    let wrong = HIGH_FEVER
        .replace(r#"mode: "visit""#, "mode: None")
        .replace(r#"window: ("2026-11-24", "2026-11-26")"#, "window: None");
    // Left out, nothing is checked.
    let unchecked = ELDERLY.replace(r#"mode: "phone", professional: "nurse", "#, "");
    let dir = with_scenarios(&[
        ("01_high_fever.ron", &wrong),
        ("02_elderly.ron", &unchecked),
        ("03_chest_pain.ron", &none),
    ]);
    let run = arvio(&["test", &path(dir.path())]);
    let fails: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("FAIL "))
        .collect();
    let file = path(&dir.path().join("scenarios/01_high_fever.ron"));
    assert_eq!(
        fails,
        [
            format!("FAIL {file}: high fever: mode expected none, got visit"),
            format!("FAIL {file}: high fever: window expected none, got 2026-11-24..2026-11-26"),
        ],
        "{run:?}"
    );
    assert_eq!(last_line(&run.stdout), "2 passed, 1 failed", "{run:?}");
}

#[test]
fn test_reports_an_unknown_question_with_its_position() {
    let typo = CHEST_PAIN.replace(r#""rf_chest": Yes"#, r#""rf_chset": Yes"#);
    let dir = with_scenarios(&[
        ("01_high_fever.ron", HIGH_FEVER),
        ("02_elderly.ron", ELDERLY),
        ("03_chest_pain.ron", &typo),
    ]);
    let run = arvio(&["test", &path(dir.path())]);
    assert_eq!(run.code, 1, "{run:?}");
    let file = path(&dir.path().join("scenarios/03_chest_pain.ron"));
    // Line 4: `    answers: {"rf_chset": Yes},`; the literal starts at column 15.
    assert!(
        run.all()
            .contains(&format!("{file}:4:15: unknown question `rf_chset`")),
        "{run:?}"
    );
    assert_eq!(last_line(&run.stdout), "2 passed, 1 failed", "{run:?}");
}

#[test]
fn test_counts_an_unreadable_scenario_as_failed() {
    let dir = with_scenarios(&[
        ("01_high_fever.ron", HIGH_FEVER),
        ("02_broken.ron", "Scenario(\n    reasons: [\"cough\"\n"),
    ]);
    let run = arvio(&["test", &path(dir.path())]);
    assert_eq!(run.code, 1, "{run:?}");
    let file = path(&dir.path().join("scenarios/02_broken.ron"));
    assert!(run.stderr.contains(&format!("{file}:")), "{run:?}");
    assert_eq!(last_line(&run.stdout), "1 passed, 1 failed", "{run:?}");
}

#[test]
fn test_reports_a_bad_assessment_time() {
    let bad = HIGH_FEVER.replace(AT, "tomorrow");
    let dir = with_scenarios(&[("01_high_fever.ron", &bad)]);
    let run = arvio(&["test", &path(dir.path())]);
    assert_eq!(run.code, 1, "{run:?}");
    let file = path(&dir.path().join("scenarios/01_high_fever.ron"));
    assert!(
        run.all()
            .contains(&format!("{file}:3:9: `tomorrow` is not an RFC 3339 time")),
        "{run:?}"
    );
}

#[test]
fn test_without_scenarios_fails_with_a_message() {
    let dir = fixture();
    let run = arvio(&["test", &path(dir.path())]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("no scenarios in"), "{run:?}");
    // An empty scenarios folder is the same.
    std::fs::create_dir(dir.path().join("scenarios")).expect("mkdir");
    let run = arvio(&["test", &path(dir.path())]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("no scenarios in"), "{run:?}");
}

#[test]
fn test_of_a_broken_guidance_fails() {
    let dir = folder(&[
        ("guidance.ron", GUIDANCE),
        ("reasons/01_cough.ron", "Reason(\n"),
        ("scenarios/01.ron", HIGH_FEVER),
    ]);
    let run = arvio(&["test", &path(dir.path())]);
    assert_ne!(run.code, 0, "{run:?}");
    assert!(
        run.stderr
            .contains(&path(&dir.path().join("reasons/01_cough.ron"))),
        "{run:?}"
    );
}

#[test]
fn test_as_json() {
    let wrong = ELDERLY.replace(r#"mode: "phone""#, r#"mode: "visit""#);
    let dir = with_scenarios(&[
        ("01_high_fever.ron", HIGH_FEVER),
        ("02_elderly.ron", &wrong),
        ("03_chest_pain.ron", CHEST_PAIN),
    ]);
    let run = arvio(&["test", &path(dir.path()), "--format", "json"]);
    assert_eq!(run.code, 1, "{run:?}");
    let v = json(&run.stdout);
    assert_eq!(v["passed"], 2, "{run:?}");
    assert_eq!(v["failed"], 1, "{run:?}");
    let results = v["results"].as_array().expect("results");
    assert_eq!(results.len(), 3);
    let failed: Vec<_> = results.iter().filter(|r| r["passed"] == false).collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["name"], "elderly");
    assert_eq!(failed[0]["mismatches"][0]["field"], "mode");
    assert_eq!(failed[0]["mismatches"][0]["expected"], "visit");
    assert_eq!(failed[0]["mismatches"][0]["actual"], "phone");
    assert_eq!(failed[0]["actual"]["rule"], "cough_old");

    let dir = three_scenarios();
    let run = arvio(&["test", &path(dir.path()), "--format", "json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let v = json(&run.stdout);
    assert_eq!(
        (v["passed"].as_u64(), v["failed"].as_u64()),
        (Some(3), Some(0))
    );
    assert_eq!(v["guidance"]["hash"].as_str().map(str::len), Some(64));
}

// ---------------------------------------------------------------------------------------------
// eval

const ANSWERS: &str = r#"Scenario(
    at: "2026-11-23T09:00:00+02:00",
    reasons: ["cough"],
    answers: {"rf_chest": No, "rf_confused": No, "fever": Yes, "temp": Number(39.5)},
)
"#;

/// The fixture and an answers file beside it (not in its scenarios folder).
fn eval_setup(answers: &str) -> (TempDir, TempDir) {
    let dir = fixture();
    let files = folder(&[("answers.ron", answers)]);
    (dir, files)
}

fn eval(answers: &str, extra: &[&str]) -> Run {
    let (dir, files) = eval_setup(answers);
    let mut args = vec![
        "eval".to_owned(),
        path(dir.path()),
        "--answers".to_owned(),
        path(&files.path().join("answers.ron")),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    arvio(&args)
}

#[test]
fn eval_explains_the_proposal_in_english() {
    let run = eval(ANSWERS, &["--lang", "en"]);
    assert_eq!(run.code, 0, "{run:?}");
    let out = &run.stdout;
    assert!(out.starts_with("Timeframe: 1–3 days\n"), "{run:?}");
    assert!(
        out.contains("  Contact by Thu 26.11.2026 (earliest Tue 24.11.2026)\n"),
        "{run:?}"
    );
    assert!(out.contains("Contact mode: Visit (in person)\n"), "{run:?}");
    assert!(out.contains("Professional: Doctor\n"), "{run:?}");
    assert!(
        out.contains("Deciding rule: cough_high_fever — High fever\n"),
        "{run:?}"
    );
    assert!(out.contains("  Fever? = Yes\n"), "{run:?}");
    assert!(out.contains("  Temperature = 39.5 °C\n"), "{run:?}");
    assert!(out.contains("2 questions left\n"), "{run:?}");
    assert!(
        last_line(out).starts_with("Guidance: Test guidance version 1.0 ("),
        "{run:?}"
    );
    assert!(run.stderr.is_empty(), "{run:?}");
}

#[test]
fn eval_speaks_the_guidance_first_language_by_default() {
    let run = eval(ANSWERS, &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.starts_with("Kiireellisyys: 1–3 vrk\n"),
        "{run:?}"
    );
    assert!(
        run.stdout.contains("Yhteys viimeistään to 26.11.2026"),
        "{run:?}"
    );
    assert!(run.stdout.contains("Lämpö = 39,5 °C"), "{run:?}");
    let run = eval(ANSWERS, &["--lang", "sv"]);
    assert!(
        run.stdout.contains("Kontakt senast tor 26.11.2026"),
        "{run:?}"
    );
}

#[test]
fn eval_as_json() {
    let run = eval(ANSWERS, &["--format", "json", "--lang", "en"]);
    assert_eq!(run.code, 0, "{run:?}");
    let v = json(&run.stdout);
    assert_eq!(v["timeframe"]["id"], "days_1_3");
    assert_eq!(v["timeframe"]["label"], "1–3 days");
    assert_eq!(v["window"]["earliest"], "2026-11-24");
    assert_eq!(v["window"]["latest"], "2026-11-26");
    assert_eq!(v["decided_by"]["id"], "cough_high_fever");
    assert_eq!(v["assessed_at"], AT);
    assert_eq!(v["red_flag_hit"], false);
    assert_eq!(v["because"][1]["answer"], "39.5 °C");
    let hash = v["guidance"]["hash"].as_str().expect("hash");
    assert_eq!(hash.len(), 64, "{hash}");
    assert!(
        hash.chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()),
        "{hash}"
    );
}

#[test]
fn eval_at_overrides_the_time_in_the_file() {
    let run = eval(
        ANSWERS,
        &["--format", "json", "--at", "2026-11-27T10:00:00+02:00"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let v = json(&run.stdout);
    assert_eq!(v["window"]["earliest"], "2026-11-30");
    assert_eq!(v["window"]["latest"], "2026-12-02");
    assert_eq!(v["assessed_at"], "2026-11-27T10:00:00+02:00");

    let run = eval(
        ANSWERS,
        &["--lang", "en", "--at", "2026-11-27T10:00:00+02:00"],
    );
    assert!(
        run.stdout
            .contains("Contact by Wed 2.12.2026 (earliest Mon 30.11.2026)"),
        "{run:?}"
    );
}

#[test]
fn eval_rejects_a_bad_time_with_a_sentence() {
    let run = eval(ANSWERS, &["--at", "friday"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    assert_eq!(
        run.stderr.trim_end(),
        "arvio: --at `friday` is not an RFC 3339 time such as 2026-11-23T09:00:00+02:00"
    );
}

#[test]
fn eval_rejects_an_unknown_language() {
    let run = eval(ANSWERS, &["--lang", "de"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    assert!(run.stderr.contains("unknown language `de`"), "{run:?}");
}

#[test]
fn eval_reports_an_unknown_question_with_its_position() {
    let typo = ANSWERS.replace(r#""temp""#, r#""tmp""#);
    let (dir, files) = eval_setup(&typo);
    let answers = files.path().join("answers.ron");
    let run = arvio(&["eval", &path(dir.path()), "--answers", &path(&answers)]);
    assert_eq!(run.code, 2, "{run:?}");
    // `    answers: {"rf_chest": No, "rf_confused": No, "fever": Yes, "tmp": ...`
    let col = typo
        .lines()
        .nth(3)
        .expect("line 4")
        .find("\"tmp\"")
        .expect("tmp")
        + 1;
    assert!(
        run.stderr.starts_with(&format!(
            "{}:4:{col}: unknown question `tmp`",
            path(&answers)
        )),
        "{run:?}"
    );
}

#[test]
fn eval_reports_an_answer_that_does_not_fit() {
    let bad = ANSWERS.replace("Number(39.5)", "Number(55.0)");
    let run = eval(&bad, &[]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("55 is outside the range 34–43 of question `temp`"),
        "{run:?}"
    );
}

#[test]
fn eval_with_nothing_to_propose() {
    let none = r#"Scenario(at: "2026-11-23T09:00:00+02:00", answers: {"age": Number(30.0)})"#;
    let run = eval(none, &[]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("nothing to propose"), "{run:?}");
}

#[test]
fn eval_of_a_red_flag_alone() {
    let rf = r#"Scenario(at: "2026-11-23T09:00:00+02:00", answers: {"rf_confused": Yes})"#;
    let run = eval(rf, &["--lang", "en", "--format", "json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let v = json(&run.stdout);
    assert_eq!(v["timeframe"]["id"], "on_call");
    assert_eq!(v["decided_by"]["id"], "rf_confused");
    assert_eq!(v["red_flag_hit"], true);
    assert!(v["window"].is_null());
}

#[test]
fn eval_of_a_missing_answers_file() {
    let dir = fixture();
    let run = arvio(&[
        "eval",
        &path(dir.path()),
        "--answers",
        &path(&dir.path().join("no_such_file.ron")),
    ]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("cannot read the file"), "{run:?}");
}

// ---------------------------------------------------------------------------------------------
// Arguments

#[test]
fn unknown_commands_and_options_are_usage_errors() {
    let run = arvio(&["frobnicate"]);
    assert_eq!(run.code, 2, "{run:?}");
    let dir = fixture();
    let run = arvio(&["test", &path(dir.path()), "--format", "yaml"]);
    assert_eq!(run.code, 2, "{run:?}");
    let run = arvio(&["eval", &path(dir.path())]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("--answers"), "{run:?}");
}

// ---------------------------------------------------------------------------------------------
// The shipped guidance

#[test]
fn the_shipped_guidance_checks() {
    let run = arvio(&["check", "rules/default"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("ok: "), "{run:?}");
}

#[test]
fn the_shipped_scenarios_pass() {
    let run = arvio(&["test", "rules/default"]);
    let last = last_line(&run.stdout);
    let passed: Option<u32> = last
        .strip_suffix(" passed, 0 failed")
        .and_then(|n| n.parse().ok());
    assert!(
        matches!(passed, Some(n) if n > 0),
        "expected `N passed, 0 failed`:\n{run:?}"
    );
    assert_eq!(run.code, 0, "{run:?}");
}
