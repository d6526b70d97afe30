//! Trainer mode: the case format and its validation (every error with its position), scoring,
//! the caller's answers, session summaries, and the shipped cases.

mod common;

use std::path::{Path, PathBuf};

use arvio::assessment::{Assessment, OverrideReason};
use arvio::call::Value;
use arvio::disposition::Resolved;
use arvio::engine::evaluate;
use arvio::guidance::{Guidance, TimeframeKind, load_guidance};
use arvio::text::Language;
use arvio::training::*;
use common::*;

// ---------------------------------------------------------------------------------------------
// Fixtures

/// A valid case for the fixture guidance: a high fever with a cough → 1–3 days, visit, doctor.
const CASE: &str = r#"TrainingCase(
    title: (fi: "Yskä", sv: "Hosta", en: "Cough"),
    story: (fi: "Olen yskinyt viikon.", sv: "Jag har hostat en vecka.", en: "I have coughed for a week."),
    opening: (fi: "Hei, yskittää.", sv: "Hej, jag hostar.", en: "Hi, I have a cough."),
    reasons: ["cough"],
    answers: {
        "age": Number(40.0),
        "fever": Yes,
        "temp": Number(39.5),
        "kind": Choice("wet"),
    },
    expect: (timeframe: "days_1_3", mode: "visit", professional: "doctor"),
    must_screen: ["rf_chest", "rf_confused"],
    teaching_points: [
        (fi: "Korkea kuume vie lääkärille.", sv: "Hög feber leder till läkare.", en: "A high fever leads to a doctor."),
    ],
    difficulty: Easy,
)
"#;

/// The same cough, but the caller has chest pain: 112.
const EMERGENCY: &str = r#"TrainingCase(
    title: (fi: "Yskä taas", sv: "Hosta igen", en: "Cough again"),
    story: (fi: "Yskin.", sv: "Jag hostar.", en: "I cough."),
    opening: (fi: "Hei.", sv: "Hej.", en: "Hi."),
    reasons: ["cough"],
    answers: {
        "rf_chest": Yes,
        "age": Number(40.0),
        "fever": Yes,
        "temp": Number(39.5),
        "kind": Choice("wet"),
    },
    expect: (timeframe: "emergency"),
    teaching_points: [(fi: "Kysy rintakipu.", sv: "Fråga om bröstsmärta.", en: "Ask about chest pain.")],
)
"#;

/// An elderly caller: the rule's outcome lists phone first and visit as an alternative.
const ELDERLY: &str = r#"TrainingCase(
    title: (fi: "Iäkäs", sv: "Äldre", en: "Elderly"),
    story: (fi: "Yskin.", sv: "Jag hostar.", en: "I cough."),
    opening: (fi: "Hei.", sv: "Hej.", en: "Hi."),
    reasons: ["cough"],
    answers: { "age": Number(80.0), "fever": No, "kind": Choice("wet") },
    expect: (timeframe: "days_1_3", mode: "phone", professional: "nurse"),
)
"#;

/// The fixture guidance with the given training case files.
fn with_cases(cases: &[(&str, &str)]) -> tempfile::TempDir {
    let mut files = vec![
        ("guidance.ron", GUIDANCE),
        ("reasons/01_cough.ron", COUGH),
        ("reasons/02_social.ron", SOCIAL),
    ];
    let named: Vec<(String, &str)> = cases
        .iter()
        .map(|(name, src)| (format!("training/{name}"), *src))
        .collect();
    files.extend(named.iter().map(|(n, s)| (n.as_str(), *s)));
    folder(&files)
}

/// Loads the training cases of a folder: cases and `relative/path:line:col: message` errors.
fn load_dir(dir: &Path) -> (Guidance, Vec<TrainingCase>, Vec<String>) {
    let g = load(dir);
    let (cases, diags) = load_training(dir, &g);
    let errors = diags
        .iter()
        .map(|d| {
            let rel = d.file.strip_prefix(dir).unwrap_or(&d.file);
            format!("{}:{}: {}", common::slashed(rel), d.pos, d.message)
        })
        .collect();
    (g, cases, errors)
}

/// The errors of the fixture case with `from` replaced by `to`.
fn case_with(from: &str, to: &str) -> Vec<String> {
    assert!(CASE.contains(from), "the fixture case has no `{from}`");
    let src = CASE.replacen(from, to, 1);
    let dir = with_cases(&[("01_cough.ron", &src)]);
    load_dir(dir.path()).2
}

fn fixture_case(src: &str) -> (tempfile::TempDir, Guidance, TrainingCase) {
    let dir = with_cases(&[("01_case.ron", src)]);
    let (g, mut cases, errors) = load_dir(dir.path());
    assert_eq!(errors, Vec::<String>::new());
    assert_eq!(cases.len(), 1);
    let case = cases.remove(0);
    (dir, g, case)
}

fn q(g: &Guidance, id: &str) -> arvio::guidance::QuestionId {
    g.question_by_id(id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

fn decision(g: &Guidance, timeframe: &str, mode: Option<&str>, prof: Option<&str>) -> Resolved {
    Resolved {
        timeframe: g.timeframe_by_id(timeframe).expect("timeframe"),
        mode: mode.map(|m| g.mode_by_id(m).expect("mode")),
        professional: prof.map(|p| g.professional_by_id(p).expect("professional")),
    }
}

/// A run that adds the case's reasons and asks the given questions.
fn run_asking(g: &Guidance, case: &TrainingCase, questions: &[&str]) -> PracticeRun {
    let mut run = PracticeRun::default();
    for &r in &case.reasons {
        run.add_reason(r);
    }
    for id in questions {
        run.ask(g, case, q(g, id));
    }
    run
}

fn ids(named: &[Named]) -> Vec<&str> {
    named.iter().map(|n| n.id.as_str()).collect()
}

// ---------------------------------------------------------------------------------------------
// Loading and validation

#[test]
fn the_fixture_case_loads() {
    let (g, case) = {
        let (_dir, g, case) = fixture_case(CASE);
        (g, case)
    };
    assert_eq!(case.id, "01_case");
    assert_eq!(case.title.get(Language::Sv), "Hosta");
    assert_eq!(case.opening.get(Language::En), "Hi, I have a cough.");
    assert_eq!(case.reasons, [g.reason_by_id("cough").expect("cough")]);
    assert_eq!(case.answer(q(&g, "temp")), Some(Value::Number(39.5)));
    assert_eq!(
        case.expect.disposition.timeframe,
        g.timeframe_by_id("days_1_3").expect("tf")
    );
    assert_eq!(case.expect.disposition.mode, g.mode_by_id("visit"));
    assert_eq!(
        case.expect.disposition.professional,
        g.professional_by_id("doctor")
    );
    assert_eq!(case.expect.decided_by.id(&g), "cough_high_fever");
    assert_eq!(case.must_screen, [q(&g, "rf_chest"), q(&g, "rf_confused")]);
    assert_eq!(case.teaching_points.len(), 1);
    assert_eq!(case.difficulty, Some(Difficulty::Easy));
}

#[test]
fn must_screen_defaults_to_every_red_flag_and_difficulty_is_optional() {
    let (_dir, g, case) = fixture_case(EMERGENCY);
    assert_eq!(case.must_screen, [q(&g, "rf_chest"), q(&g, "rf_confused")]);
    assert_eq!(case.difficulty, None);
}

#[test]
fn a_folder_without_training_cases_has_none() {
    let dir = fixture();
    let (_g, cases, errors) = load_dir(dir.path());
    assert!(cases.is_empty());
    assert!(errors.is_empty());
}

#[test]
fn cases_load_in_file_name_order_and_broken_ones_are_reported_beside_the_good() {
    let broken = CASE.replacen(r#"["cough"]"#, r#"["coughh"]"#, 1);
    let dir = with_cases(&[
        ("02_emergency.ron", EMERGENCY),
        ("01_cough.ron", CASE),
        ("03_broken.ron", &broken),
        ("notes.txt", "not a case"),
    ]);
    let (_g, cases, errors) = load_dir(dir.path());
    let names: Vec<_> = cases.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(names, ["01_cough", "02_emergency"]);
    assert_eq!(
        errors,
        ["training/03_broken.ron:5:15: unknown reason `coughh` (known: cough, social)"]
    );
}

#[test]
fn ron_syntax_error() {
    assert_eq!(
        case_with(r#"reasons: ["cough"],"#, r#"reasons: ["cough"]"#),
        ["training/01_cough.ron:6:5: Expected comma"]
    );
}

#[test]
fn unknown_field() {
    assert_eq!(
        case_with("opening:", "openin:"),
        [
            "training/01_cough.ron:4:5: unknown field `openin`; expected one of: title, story, opening, reasons, answers, expect, must_screen, teaching_points, difficulty"
        ]
    );
}

#[test]
fn missing_field() {
    let errors = case_with(
        r#"    expect: (timeframe: "days_1_3", mode: "visit", professional: "doctor"),
"#,
        "",
    );
    assert_eq!(
        errors,
        ["training/01_cough.ron:17:1: `TrainingCase` is missing its field `expect`"]
    );
}

#[test]
fn wrong_struct_name() {
    assert_eq!(
        case_with("TrainingCase(", "Scenario("),
        ["training/01_cough.ron:1:1: expected a `TrainingCase(...)` here, found `Scenario(...)`"]
    );
}

#[test]
fn unknown_difficulty() {
    assert_eq!(
        case_with("difficulty: Easy", "difficulty: Trivial"),
        [
            "training/01_cough.ron:17:17: unknown variant `Trivial`; expected one of: Easy, Medium, Hard"
        ]
    );
}

#[test]
fn unknown_reason() {
    assert_eq!(
        case_with(r#"["cough"]"#, r#"["cold"]"#),
        ["training/01_cough.ron:5:15: unknown reason `cold` (known: cough, social)"]
    );
}

#[test]
fn reason_listed_twice() {
    assert_eq!(
        case_with(r#"["cough"]"#, r#"["cough", "cough"]"#),
        ["training/01_cough.ron:5:24: reason `cough` is listed twice"]
    );
}

#[test]
fn unknown_question() {
    assert_eq!(
        case_with(r#""temp": Number(39.5)"#, r#""tmp": Number(39.5)"#),
        ["training/01_cough.ron:9:9: unknown question `tmp`"]
    );
}

#[test]
fn question_answered_twice() {
    assert_eq!(
        case_with(r#""kind": Choice("wet")"#, r#""fever": No"#),
        ["training/01_cough.ron:10:9: question `fever` is answered twice"]
    );
}

#[test]
fn answer_of_the_wrong_kind() {
    assert_eq!(
        case_with(r#""fever": Yes"#, r#""fever": Number(1.0)"#),
        ["training/01_cough.ron:8:9: question `fever` expects Yes, No or CannotSay"]
    );
}

#[test]
fn unknown_option() {
    assert_eq!(
        case_with(r#"Choice("wet")"#, r#"Choice("bloody")"#),
        ["training/01_cough.ron:10:9: question `kind` has no option `bloody` (options: dry, wet)"]
    );
}

#[test]
fn number_out_of_range() {
    assert_eq!(
        case_with("Number(39.5)", "Number(45.0)"),
        ["training/01_cough.ron:9:9: 45 is outside the range 34–43 of question `temp`"]
    );
}

#[test]
fn unknown_timeframe() {
    assert_eq!(
        case_with(r#"timeframe: "days_1_3""#, r#"timeframe: "soon""#),
        [
            "training/01_cough.ron:12:25: unknown timeframe `soon` (known: emergency, on_call, days_1_3, days_1_7, self_care)"
        ]
    );
}

#[test]
fn unknown_contact_mode() {
    assert_eq!(
        case_with(r#"mode: "visit""#, r#"mode: "fax""#),
        ["training/01_cough.ron:12:43: unknown contact mode `fax` (known: phone, visit)"]
    );
}

#[test]
fn unknown_professional() {
    assert_eq!(
        case_with(r#"professional: "doctor""#, r#"professional: "surgeon""#),
        ["training/01_cough.ron:12:66: unknown professional `surgeon` (known: nurse, doctor)"]
    );
}

#[test]
fn must_screen_names_red_flags_only() {
    assert_eq!(
        case_with(
            r#"["rf_chest", "rf_confused"]"#,
            r#"["rf_chets", "age", "rf_chest", "rf_chest"]"#
        ),
        [
            "training/01_cough.ron:13:19: unknown red flag `rf_chets` (red flags: rf_chest, rf_confused)",
            "training/01_cough.ron:13:31: `age` is not a red flag; must_screen lists red flags only",
            "training/01_cough.ron:13:50: red flag `rf_chest` is listed twice",
        ]
    );
}

#[test]
fn missing_translation() {
    assert_eq!(
        case_with(r#"sv: "Hosta", "#, ""),
        ["training/01_cough.ron:2:17: the title has no `sv` translation"]
    );
}

#[test]
fn empty_translation() {
    assert_eq!(
        case_with(r#"en: "Hi, I have a cough.""#, r#"en: "  ""#),
        ["training/01_cough.ron:4:65: the opening line is empty in `en`"]
    );
}

#[test]
fn missing_translation_of_a_teaching_point() {
    assert_eq!(
        case_with(r#"(fi: "Korkea kuume vie lääkärille.", "#, "("),
        ["training/01_cough.ron:15:14: teaching point 1 has no `fi` translation"]
    );
}

#[test]
fn expected_timeframe_disagrees_with_the_guidance() {
    assert_eq!(
        case_with(r#"timeframe: "days_1_3""#, r#"timeframe: "days_1_7""#),
        [
            "training/01_cough.ron:12:25: the guidance gives timeframe `days_1_3` for this case (decided by `cough_high_fever`), not `days_1_7`"
        ]
    );
}

#[test]
fn expected_mode_and_professional_disagree_with_the_guidance() {
    assert_eq!(
        case_with(
            r#"mode: "visit", professional: "doctor""#,
            r#"mode: "phone", professional: "nurse""#
        ),
        [
            "training/01_cough.ron:12:43: the guidance gives contact mode `visit` for this case (decided by `cough_high_fever`), not `phone`",
            "training/01_cough.ron:12:66: the guidance gives professional `doctor` for this case (decided by `cough_high_fever`), not `nurse`",
        ]
    );
}

#[test]
fn an_expectation_that_leaves_out_the_mode_disagrees_too() {
    assert_eq!(
        case_with(r#", mode: "visit""#, ""),
        [
            "training/01_cough.ron:12:25: the guidance gives contact mode `visit` for this case (decided by `cough_high_fever`), not none"
        ]
    );
}

#[test]
fn an_expectation_with_a_mode_the_outcome_lacks_disagrees() {
    let src = EMERGENCY.replacen(
        r#"expect: (timeframe: "emergency")"#,
        r#"expect: (timeframe: "emergency", mode: "phone")"#,
        1,
    );
    let dir = with_cases(&[("01_case.ron", &src)]);
    assert_eq!(
        load_dir(dir.path()).2,
        [
            "training/01_case.ron:13:44: the guidance gives no contact mode for this case (decided by `rf_chest`), not `phone`"
        ]
    );
}

#[test]
fn unlisted_questions_count_as_cannot_say_in_the_expectation() {
    // Without the temperature the high-fever rule is unknown: the case falls back.
    assert_eq!(
        case_with(r#""temp": Number(39.5),"#, ""),
        [
            "training/01_cough.ron:12:25: the guidance gives timeframe `days_1_7` for this case (decided by `cough.fallback`), not `days_1_3`",
            "training/01_cough.ron:12:43: the guidance gives contact mode `phone` for this case (decided by `cough.fallback`), not `visit`",
            "training/01_cough.ron:12:66: the guidance gives professional `nurse` for this case (decided by `cough.fallback`), not `doctor`",
        ]
    );
}

#[test]
fn a_case_with_nothing_to_propose() {
    assert_eq!(
        case_with(r#"reasons: ["cough"]"#, "reasons: []"),
        [
            "training/01_cough.ron:1:1: the case gives no reason and hits no red flag, so nothing is proposed"
        ]
    );
}

#[test]
fn several_errors_are_all_reported_in_order() {
    let src = CASE
        .replacen(r#""age": Number(40.0)"#, r#""agee": Number(40.0)"#, 1)
        .replacen(r#"mode: "visit""#, r#"mode: "fax""#, 1)
        .replacen(r#"sv: "Hosta", "#, "", 1);
    let dir = with_cases(&[("01_cough.ron", &src)]);
    assert_eq!(
        load_dir(dir.path()).2,
        [
            "training/01_cough.ron:2:17: the title has no `sv` translation",
            "training/01_cough.ron:7:9: unknown question `agee`",
            "training/01_cough.ron:12:43: unknown contact mode `fax` (known: phone, visit)",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// `arvio check`

fn check(dir: &Path) -> (i32, String, String) {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+02:00").expect("time");
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = arvio::cli::run(
        &arvio::cli::Command::Check {
            dir: dir.to_path_buf(),
            require_approval: false,
        },
        now,
        &mut out,
        &mut err,
    );
    (
        code,
        String::from_utf8(out).expect("utf-8"),
        String::from_utf8(err).expect("utf-8"),
    )
}

#[test]
fn check_counts_the_training_cases() {
    let dir = with_cases(&[("01_cough.ron", CASE), ("02_emergency.ron", EMERGENCY)]);
    let (code, out, err) = check(dir.path());
    assert_eq!(code, 0, "{out}{err}");
    let counts = out.lines().next().unwrap_or_default();
    assert!(counts.ends_with("0 scenarios, 2 training cases"), "{out}");
}

#[test]
fn check_reports_a_broken_training_case() {
    let broken = CASE.replacen(r#"timeframe: "days_1_3""#, r#"timeframe: "days_1_7""#, 1);
    let dir = with_cases(&[("01_cough.ron", &broken)]);
    let (code, out, err) = check(dir.path());
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.is_empty(), "{out}");
    let first = err.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        format!(
            "{}: the guidance gives timeframe `days_1_3` for this case (decided by `cough_high_fever`), not `days_1_7`",
            format_args!(
                "{}:12:25",
                dir.path().join("training/01_cough.ron").display()
            )
        )
    );
    assert!(err.contains("1 error in training cases"), "{err}");
}

#[test]
fn check_without_training_cases_keeps_its_line() {
    let dir = fixture();
    let (code, out, _) = check(dir.path());
    assert_eq!(code, 0);
    let counts = out.lines().next().unwrap_or_default();
    assert!(counts.ends_with("0 scenarios"), "{out}");
}

// ---------------------------------------------------------------------------------------------
// The caller's answers

#[test]
fn reveal_gives_the_listed_answer_no_for_a_red_flag_and_cannot_say_otherwise() {
    let (_dir, g, case) = fixture_case(CASE);
    assert_eq!(reveal(&g, &case, q(&g, "fever")), Value::Yes);
    assert_eq!(reveal(&g, &case, q(&g, "temp")), Value::Number(39.5));
    assert_eq!(reveal(&g, &case, q(&g, "kind")), Value::Choice(1));
    assert_eq!(reveal(&g, &case, q(&g, "rf_chest")), Value::No);
    assert_eq!(reveal(&g, &case, q(&g, "rf_confused")), Value::No);
    assert_eq!(reveal(&g, &case, q(&g, "no_food")), Value::CannotSay);

    let (_dir, g, emergency) = fixture_case(EMERGENCY);
    assert_eq!(reveal(&g, &emergency, q(&g, "rf_chest")), Value::Yes);
}

#[test]
fn asking_records_each_question_once_in_order() {
    let (_dir, g, case) = fixture_case(CASE);
    let mut run = PracticeRun::default();
    assert_eq!(run.ask(&g, &case, q(&g, "fever")), Value::Yes);
    assert_eq!(run.ask(&g, &case, q(&g, "rf_chest")), Value::No);
    assert_eq!(run.ask(&g, &case, q(&g, "fever")), Value::Yes);
    assert_eq!(
        run.asked,
        [(q(&g, "fever"), Value::Yes), (q(&g, "rf_chest"), Value::No)]
    );
    assert!(run.has_asked(q(&g, "rf_chest")));
    assert!(!run.has_asked(q(&g, "temp")));
}

#[test]
fn the_full_call_asks_every_question_the_flow_brings_in() {
    let (_dir, g, case) = fixture_case(CASE);
    let call = full_call(&g, &case);
    let evaluation = evaluate(&g, &call);
    assert!(evaluation.complete());
    // `temp` is asked because the fever answer brings it in.
    assert_eq!(call.answer(q(&g, "temp")), Some(Value::Number(39.5)));
    assert_eq!(call.answer(q(&g, "rf_confused")), Some(Value::No));
}

// ---------------------------------------------------------------------------------------------
// Scoring

#[test]
fn a_perfect_run_scores_100() {
    let (_dir, g, case) = fixture_case(CASE);
    let mut run = model_run(&g, &case);
    run.seconds = 95;
    let order: Vec<_> = run
        .asked
        .iter()
        .map(|(q, _)| g.question(*q).id.as_str())
        .collect();
    assert_eq!(
        order,
        ["rf_chest", "rf_confused", "age", "fever", "temp", "kind"]
    );
    let f = score(&g, &case, &run);
    assert_eq!(
        f.score,
        Score {
            timeframe: 40,
            mode: 20,
            professional: 20,
            screening: 20,
            total: 100
        }
    );
    assert_eq!(f.triage, Triage::Correct);
    assert!(f.timeframe_correct && f.mode_correct && f.professional_correct);
    assert!(!f.under_triaged_emergency);
    assert!(f.red_flags_not_screened.is_empty());
    assert!(f.questions_skipped.is_empty());
    assert!(f.reasons_missed.is_empty() && f.reasons_extra.is_empty());
    assert_eq!(f.seconds, 95);
    assert_eq!(f.expected, f.given.clone().expect("decided"));
    assert_eq!(f.expected.timeframe, "days_1_3");
    assert_eq!(f.decided_by.id, "cough_high_fever");
    assert_eq!(f.decided_by.label.en, "High fever");
    assert_eq!(f.teaching_points, case.teaching_points);
    assert_eq!(f.case, "01_case");
}

#[test]
fn a_missed_red_flag_costs_5_and_is_listed() {
    let (_dir, g, case) = fixture_case(CASE);
    let mut run = run_asking(&g, &case, &["rf_chest", "age", "fever", "temp", "kind"]);
    run.decision = Some(decision(&g, "days_1_3", Some("visit"), Some("doctor")));
    let f = score(&g, &case, &run);
    assert_eq!(f.score.screening, 15);
    assert_eq!(f.score.total, 95);
    assert_eq!(ids(&f.red_flags_not_screened), ["rf_confused"]);
    assert_eq!(f.red_flags_not_screened[0].label.en, "Confused?");
    assert!(f.questions_skipped.is_empty());
}

#[test]
fn screening_points_do_not_go_below_zero() {
    // Five red flags of the shipped guidance unasked would be −25: the floor is 0.
    let g = shipped();
    let (cases, _) = load_training(&shipped_dir(), &g);
    let case = cases
        .iter()
        .find(|c| c.id == "01_cold_self_care")
        .expect("case 01");
    let mut run = model_run(&g, case);
    let skipped: Vec<_> = g.red_flags.iter().take(5).map(|rf| rf.question).collect();
    run.asked.retain(|(q, _)| !skipped.contains(q));
    let f = score(&g, case, &run);
    assert_eq!(f.red_flags_not_screened.len(), 5);
    assert_eq!(f.score.screening, 0);
    assert_eq!(f.score.total, 80);
}

#[test]
fn a_less_urgent_timeframe_scores_0_for_it() {
    let (_dir, g, case) = fixture_case(CASE);
    let mut run = model_run(&g, &case);
    run.decision = Some(decision(&g, "days_1_7", Some("visit"), Some("doctor")));
    let f = score(&g, &case, &run);
    assert_eq!(f.triage, Triage::Under);
    assert!(!f.timeframe_correct);
    assert!(!f.under_triaged_emergency, "1–3 days is not an emergency");
    assert_eq!(
        f.score,
        Score {
            timeframe: 0,
            mode: 20,
            professional: 20,
            screening: 20,
            total: 60
        }
    );
    assert_eq!(f.given.expect("decided").timeframe, "days_1_7");
}

#[test]
fn a_more_urgent_timeframe_scores_20_for_it() {
    let (_dir, g, case) = fixture_case(CASE);
    let mut run = model_run(&g, &case);
    run.decision = Some(decision(&g, "on_call", Some("visit"), Some("doctor")));
    let f = score(&g, &case, &run);
    assert_eq!(f.triage, Triage::Over);
    assert_eq!(f.score.timeframe, 20);
    assert_eq!(f.score.total, 80);
}

#[test]
fn wrong_mode_and_professional_score_0_each() {
    let (_dir, g, case) = fixture_case(CASE);
    let mut run = model_run(&g, &case);
    run.decision = Some(decision(&g, "days_1_3", Some("phone"), Some("nurse")));
    let f = score(&g, &case, &run);
    assert!(f.timeframe_correct && !f.mode_correct && !f.professional_correct);
    assert_eq!(f.score.total, 60);
}

#[test]
fn an_alternative_mode_the_outcome_lists_is_correct() {
    let (_dir, g, case) = fixture_case(ELDERLY);
    assert_eq!(case.expect.decided_by.id(&g), "cough_old");
    let mut run = model_run(&g, &case);
    run.decision = Some(decision(&g, "days_1_3", Some("visit"), Some("nurse")));
    let f = score(&g, &case, &run);
    assert!(f.mode_correct);
    assert_eq!(f.score.total, 100);
    assert_eq!(f.expected.mode.expect("mode"), "phone");
}

#[test]
fn under_triaging_an_emergency_scores_at_most_the_screening_and_is_flagged() {
    let (_dir, g, case) = fixture_case(EMERGENCY);
    // The trainee never asks about chest pain and books a doctor.
    let mut run = run_asking(&g, &case, &["rf_confused", "fever", "temp"]);
    run.decision = Some(decision(&g, "days_1_3", Some("visit"), Some("doctor")));
    run.seconds = 200;
    let f = score(&g, &case, &run);
    assert!(f.under_triaged_emergency);
    assert_eq!(f.triage, Triage::Under);
    assert_eq!(
        f.score,
        Score {
            timeframe: 0,
            mode: 0,
            professional: 0,
            screening: 15,
            total: 15
        }
    );
    assert_eq!(ids(&f.red_flags_not_screened), ["rf_chest"]);
    assert_eq!(ids(&f.questions_skipped), ["age", "kind"]);
    assert_eq!(f.expected.timeframe, "emergency");
    assert_eq!(f.expected.mode, None);
    assert_eq!(f.decided_by.id, "rf_chest");
    let report = f.report(Language::En);
    assert!(
        report.contains("!!! EMERGENCY UNDER-TRIAGED !!!"),
        "{report}"
    );
    let report = f.report(Language::Fi);
    assert!(
        report.contains("KIIREELLINEN TILANNE ALIARVIOITU"),
        "{report}"
    );
}

#[test]
fn an_emergency_found_ends_the_call_with_nothing_more_needed() {
    let (_dir, g, case) = fixture_case(EMERGENCY);
    let mut run = run_asking(&g, &case, &["rf_chest"]);
    run.decision = Some(decision(&g, "emergency", None, None));
    let f = score(&g, &case, &run);
    assert_eq!(f.score.total, 100);
    assert!(f.red_flags_not_screened.is_empty());
    assert!(f.questions_skipped.is_empty());
    // The model run stops at the red flag as the flow does.
    let model = model_run(&g, &case);
    assert_eq!(model.asked, [(q(&g, "rf_chest"), Value::Yes)]);
    assert_eq!(score(&g, &case, &model).score.total, 100);
}

#[test]
fn no_decision_scores_only_the_screening() {
    let (_dir, g, case) = fixture_case(EMERGENCY);
    let mut run = run_asking(&g, &case, &["rf_chest"]);
    run.decision = None;
    let f = score(&g, &case, &run);
    assert_eq!(f.triage, Triage::NoDecision);
    assert!(f.under_triaged_emergency);
    assert_eq!(f.given, None);
    assert_eq!(f.score.total, 20);
    assert!(f.report(Language::Sv).contains("inget beslut"));
}

#[test]
fn skipped_questions_and_reasons_are_listed() {
    let (_dir, g, case) = fixture_case(CASE);
    let mut run = PracticeRun::default();
    run.add_reason(g.reason_by_id("social").expect("social"));
    for id in ["rf_chest", "rf_confused", "fever", "no_food"] {
        run.ask(&g, &case, q(&g, id));
    }
    run.decision = Some(decision(&g, "days_1_7", Some("phone"), Some("nurse")));
    let f = score(&g, &case, &run);
    assert_eq!(ids(&f.reasons_missed), ["cough"]);
    assert_eq!(ids(&f.reasons_extra), ["social"]);
    assert_eq!(ids(&f.questions_skipped), ["age", "temp", "kind"]);
    assert_eq!(f.score.total, 20);
}

#[test]
fn a_decision_made_in_the_nurse_flow_is_scored() {
    let (_dir, g, case) = fixture_case(CASE);
    let mut run = model_run(&g, &case);
    run.decision = None;
    let started = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+02:00").expect("t");
    let mut a = Assessment::new(&g, started);
    a.caller = arvio::assessment::Caller::Client;
    a.call = run.call(&g);
    let evaluation = evaluate(&g, &a.call);
    a.accept(&g, &evaluation, a.started).expect("accept");
    run.decision = a.decision.as_ref().map(|d| d.disposition);
    assert_eq!(score(&g, &case, &run).score.total, 100);

    // An override to a less urgent timeframe, as the nurse flow allows with a reason.
    a.override_with(
        &g,
        &evaluation,
        a.started,
        Resolved {
            timeframe: g.timeframe_by_id("days_1_7").expect("tf"),
            mode: g.mode_by_id("phone"),
            professional: g.professional_by_id("nurse"),
        },
        OverrideReason {
            category: "judgement".into(),
            text: "practice".into(),
        },
    )
    .expect("override");
    run.decision = a.decision.as_ref().map(|d| d.disposition);
    let f = score(&g, &case, &run);
    assert_eq!(f.triage, Triage::Under);
    assert_eq!(f.score.total, 20);
}

// ---------------------------------------------------------------------------------------------
// Session summary

fn summary(g: &Guidance, cases: &[TrainingCase]) -> SessionSummary {
    let mut feedbacks = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let mut run = model_run(g, case);
        run.seconds = 60 * (i as u64 + 1) + 5;
        if i == 1 {
            run.decision = Some(decision(g, "days_1_3", Some("visit"), Some("doctor")));
            run.asked.clear();
        }
        feedbacks.push(score(g, case, &run));
    }
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-23T14:30:00+02:00").expect("t");
    SessionSummary::new(g, feedbacks, Some(at))
}

fn two_cases() -> (tempfile::TempDir, Guidance, Vec<TrainingCase>) {
    let dir = with_cases(&[("01_cough.ron", CASE), ("02_emergency.ron", EMERGENCY)]);
    let (g, cases, errors) = load_dir(dir.path());
    assert!(errors.is_empty(), "{errors:?}");
    (dir, g, cases)
}

#[test]
fn the_summary_adds_up() {
    let (_dir, g, cases) = two_cases();
    let s = summary(&g, &cases);
    assert_eq!(s.cases.len(), 2);
    // 100 and 10 (an emergency under-triaged, both red flags unasked).
    assert_eq!(s.cases[1].score.total, 10);
    assert_eq!(s.average_score, 55);
    assert_eq!(s.total_seconds, 65 + 125);
    assert_eq!(s.under_triaged_emergencies, 1);
    assert_eq!(s.red_flags_not_screened, 2);
    assert_eq!(s.guidance.version, "1.0");
    assert_eq!(s.guidance.hash, g.provenance.hash);
}

#[test]
fn an_empty_summary_averages_to_zero() {
    let (_dir, g, _cases) = two_cases();
    let s = SessionSummary::new(&g, Vec::new(), None);
    assert_eq!(s.average_score, 0);
    assert!(s.report(Language::En).contains("Cases: 0"));
}

#[cfg(unix)]
fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn the_summary_saves_and_loads_as_ron_and_json_privately() {
    let (_dir, g, cases) = two_cases();
    let s = summary(&g, &cases);
    let out = tempfile::tempdir().expect("tmp");
    for name in ["summary.ron", "summary.json"] {
        let path: PathBuf = out.path().join(name);
        s.save(&path).expect("save");
        #[cfg(unix)]
        assert_eq!(mode_of(&path), 0o600, "{name}");
        let back = SessionSummary::load(&path).expect("load");
        assert_eq!(back, s, "{name}");
    }
    let text = std::fs::read_to_string(out.path().join("summary.json")).expect("read");
    assert!(text.trim_start().starts_with('{'));
    let text = std::fs::read_to_string(out.path().join("summary.ron")).expect("read");
    assert!(text.contains("under_triaged_emergency: true"), "{text}");
}

#[test]
fn saving_over_a_world_readable_file_makes_it_private() {
    let (_dir, g, cases) = two_cases();
    let s = summary(&g, &cases);
    let out = tempfile::tempdir().expect("tmp");
    let path = out.path().join("summary.ron");
    std::fs::write(&path, "old").expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
    s.save(&path).expect("save");
    #[cfg(unix)]
    assert_eq!(mode_of(&path), 0o600);
    assert_eq!(SessionSummary::load(&path).expect("load"), s);
}

#[test]
fn a_broken_summary_file_is_an_error_not_a_panic() {
    let out = tempfile::tempdir().expect("tmp");
    let path = out.path().join("summary.ron");
    std::fs::write(&path, "SessionSummary(").expect("write");
    let e = SessionSummary::load(&path).expect_err("broken");
    assert_eq!(e.kind(), std::io::ErrorKind::InvalidData);
}

#[test]
fn the_plain_text_report() {
    let (_dir, g, cases) = two_cases();
    let s = summary(&g, &cases);
    let out = tempfile::tempdir().expect("tmp");
    let path = out.path().join("summary.txt");
    s.save_report(&path, Language::Fi).expect("save");
    #[cfg(unix)]
    assert_eq!(mode_of(&path), 0o600);
    let text = std::fs::read_to_string(&path).expect("read");
    assert_eq!(text, s.report(Language::Fi));
    let expected_start = "\
Harjoitusistunto — Testiohje 1.0
2026-11-23 14:30
Tapauksia: 2, pisteiden keskiarvo: 55/100, aika: 3 min 10 s
Aliarvioidut kiireelliset tilanteet: 1
Kysymättä jääneet punaiset liput: 2

1. Yskä — 100/100 (1 min 05 s)
   Ohjeen mukaan: 1–3 vrk / Käynti / Lääkäri
   Oma arvio:     1–3 vrk / Käynti / Lääkäri
   Ratkaiseva sääntö: cough_high_fever — Korkea kuume
   Kiireellisyys ✓ 40/40, yhteystapa ✓ 20/20, ammattilainen ✓ 20/20, punaiset liput 20/20
   Opittavaa:
   - Korkea kuume vie lääkärille.

2. Yskä taas — 10/100 (2 min 05 s)
   !!! KIIREELLINEN TILANNE ALIARVIOITU !!!
";
    assert!(text.starts_with(expected_start), "{text}");
    assert!(
        text.contains("   Kysymättä jääneet punaiset liput:\n   - Rintakipu? (rf_chest)\n"),
        "{text}"
    );
    // `.txt` through `save` is the English report.
    let path = out.path().join("summary-en.txt");
    s.save(&path).expect("save");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        s.report(Language::En)
    );
}

#[test]
fn the_summary_holds_no_names() {
    let (_dir, g, cases) = two_cases();
    let json = summary(&g, &cases).to_json();
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    let keys: std::collections::BTreeSet<&str> = value
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    let expected: std::collections::BTreeSet<&str> = [
        "at",
        "average_score",
        "cases",
        "guidance",
        "red_flags_not_screened",
        "total_seconds",
        "under_triaged_emergencies",
    ]
    .into();
    assert_eq!(keys, expected);
}

// ---------------------------------------------------------------------------------------------
// The shipped cases

fn shipped_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/default")
}

fn shipped() -> Guidance {
    load_guidance(&shipped_dir()).unwrap_or_else(|d| panic!("shipped guidance: {d:#?}"))
}

fn shipped_cases() -> (Guidance, Vec<TrainingCase>) {
    let g = shipped();
    let (cases, diags) = load_training(&shipped_dir(), &g);
    let shown: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    assert!(shown.is_empty(), "{shown:#?}");
    (g, cases)
}

#[test]
fn the_shipped_cases_load_without_errors() {
    let (_g, cases) = shipped_cases();
    assert!(cases.len() >= 12, "{} cases", cases.len());
    for c in &cases {
        assert!(
            !c.teaching_points.is_empty(),
            "{}: no teaching points",
            c.id
        );
        assert!(c.difficulty.is_some(), "{}: no difficulty", c.id);
    }
}

#[test]
fn the_shipped_cases_cover_every_reason() {
    let (g, cases) = shipped_cases();
    for (i, r) in g.reasons.iter().enumerate() {
        let id = arvio::guidance::ReasonId(i as u32);
        assert!(
            cases.iter().any(|c| c.reasons.contains(&id)),
            "no training case for reason `{}`",
            r.id
        );
    }
}

#[test]
fn the_shipped_cases_include_three_emergencies_one_hidden() {
    let (g, cases) = shipped_cases();
    let emergencies: Vec<_> = cases
        .iter()
        .filter(|c| g.timeframe(c.expect.disposition.timeframe).kind == TimeframeKind::Emergency)
        .collect();
    assert!(emergencies.len() >= 3, "{} emergencies", emergencies.len());
    // Hidden: without the red flags the reason alone would give a scheduled contact.
    let hidden = emergencies.iter().filter(|c| {
        let mut call = full_call(&g, c);
        for rf in &g.red_flags {
            call.set(rf.question, Some(Value::No));
        }
        let p = evaluate(&g, &call).proposal.expect("proposal");
        !p.leaves_flow(&g)
    });
    assert!(hidden.count() >= 1);
}

#[test]
fn every_shipped_case_has_a_model_run_that_scores_100() {
    let (g, cases) = shipped_cases();
    for c in &cases {
        let run = model_run(&g, c);
        let f = score(&g, c, &run);
        assert_eq!(f.score.total, 100, "{}: {f:#?}", c.id);
        // The model run's own proposal is the expected outcome.
        let p = evaluate(&g, &run.call(&g)).proposal.expect("proposal");
        assert_eq!(
            p.outcome(&g).timeframe,
            c.expect.disposition.timeframe,
            "{}",
            c.id
        );
    }
}

#[test]
fn the_hidden_chest_pain_case() {
    let (g, cases) = shipped_cases();
    let c = cases
        .iter()
        .find(|c| c.id == "11_renewal_hidden_chest_pain")
        .expect("case 11");
    assert_eq!(
        g.timeframe(c.expect.disposition.timeframe).id,
        "emergency_112"
    );
    assert_eq!(c.expect.decided_by.id(&g), "red_chest_pain");
    assert_eq!(
        c.opening.en,
        "Hi, I just need a renewal of my blood pressure pills."
    );
    // A trainee who goes straight to the prescription questions and accepts their proposal.
    let mut run = run_asking(
        &g,
        c,
        &[
            "rx_medicine",
            "rx_days_left",
            "rx_side_effects",
            "rx_care_plan",
        ],
    );
    let p = evaluate(&g, &run.call(&g)).proposal.expect("proposal");
    let o = p.outcome(&g);
    run.decision = Some(Resolved {
        timeframe: o.timeframe,
        mode: o.modes.first().copied(),
        professional: o.professional,
    });
    let f = score(&g, c, &run);
    assert!(f.under_triaged_emergency);
    // Every red flag in scope of the call (format 2 scopes them) was left unscreened.
    let in_scope = evaluate(&g, &run.call(&g))
        .questions
        .iter()
        .filter(|&&q| g.red_flags.iter().any(|rf| rf.question == q))
        .count();
    assert_eq!(f.red_flags_not_screened.len(), in_scope);
    assert_eq!(f.score.total, 0);
}

#[test]
fn reaching_an_on_call_outcome_still_needs_the_112_red_flags() {
    // The fixture's rf_confused leads to on-call care; rf_chest (112) could still outrank it.
    let src = EMERGENCY
        .replacen(r#""rf_chest": Yes"#, r#""rf_confused": Yes"#, 1)
        .replacen(r#"timeframe: "emergency""#, r#"timeframe: "on_call""#, 1);
    let (_dir, g, case) = fixture_case(&src);
    let mut run = run_asking(&g, &case, &["rf_confused"]);
    run.decision = Some(decision(&g, "on_call", None, None));
    let f = score(&g, &case, &run);
    assert_eq!(ids(&f.red_flags_not_screened), ["rf_chest"]);
    assert!(f.questions_skipped.is_empty());
    assert_eq!(f.score.total, 95);
    // Asked in the flow's order, nothing is missed.
    let model = model_run(&g, &case);
    assert_eq!(model.asked.len(), 2);
    assert_eq!(score(&g, &case, &model).score.total, 100);
}
