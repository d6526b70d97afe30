//! `arvio eval` for the nurse's questions (issue 14, point 10): the record text with `--record`
//! in each language, the questions still to ask with their ids and texts, and a red flag left out
//! of the answers "not asked": no proposal (exit 3), never a negative in the record.

mod common;

#[path = "fixtures/format2.rs"]
mod format2;

use std::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn eval(answers: &str, extra: &[&str]) -> Run {
    let dir = common::folder(&format2::files());
    let files = common::folder(&[("answers.ron", answers)]);
    let out = Command::new(env!("CARGO_BIN_EXE_arvio"))
        .arg("eval")
        .arg(dir.path())
        .arg("--answers")
        .arg(files.path().join("answers.ron"))
        .args(extra)
        .output()
        .expect("the arvio binary runs");
    Run {
        code: out.status.code().expect("exited"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8"),
    }
}

const COMPLETE: &str = r#"Scenario(
    at: "2026-11-23T09:00:00+02:00",
    reasons: ["fever"],
    answers: {"age": Age(Years(34)), "red_breathing": No, "red_stiff_neck": No,
        "temp_high": No, "since": Duration(Days(4)), "fever_drinks": Yes,
        "fever_other": Text("kurkku kipeä")},
)
"#;

#[test]
fn eval_record_prints_the_record_text_in_the_language_asked() {
    for (lang, lines) in [
        (
            "fi",
            [
                "Yhteydenoton syy: Kuume (alkanut 4 vrk)",
                "Muuta? kurkku kipeä",
                "Olennaiset kielteiset: ei hengenahdistusta",
            ],
        ),
        (
            "sv",
            [
                "Kontaktorsak: Feber (började 4 dygn)",
                "Annat? kurkku kipeä",
                "Relevanta negativa: ingen andnöd",
            ],
        ),
        (
            "en",
            [
                "Reason for contact: Fever (since 4 days)",
                "Anything else? kurkku kipeä",
                "Relevant negatives: no shortness of breath",
            ],
        ),
    ] {
        let run = eval(COMPLETE, &["--record", "--lang", lang]);
        assert_eq!(run.code, 0, "{lang}: {}{}", run.stdout, run.stderr);
        for line in lines {
            assert!(
                run.stdout.contains(line),
                "{lang}: {line} in\n{}",
                run.stdout
            );
        }
        assert!(!run.stdout.contains("fever_long"), "no id: {}", run.stdout);
    }
}

#[test]
fn eval_lists_the_questions_still_to_ask_with_their_ids_and_texts() {
    let partial = r#"Scenario(
    at: "2026-11-23T09:00:00+02:00",
    reasons: ["fever"],
    answers: {"age": Age(Years(34)), "red_breathing": No, "red_stiff_neck": No, "temp_high": Yes},
)
"#;
    let run = eval(partial, &["--lang", "en"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("Still to ask:\n"), "{}", run.stdout);
    for line in [
        "  since: Since when?\n",
        "  chills: Chills?\n",
        "  fever_drinks: Drinking?\n",
    ] {
        assert!(run.stdout.contains(line), "{line} in\n{}", run.stdout);
    }
}

#[test]
fn a_red_flag_left_out_is_not_asked_and_eval_refuses_to_decide() {
    let missing = COMPLETE.replace(r#""red_stiff_neck": No,"#, "");
    let run = eval(&missing, &["--lang", "en"]);
    assert_eq!(run.code, 3, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("1 red flags not asked"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout
            .contains("  red_stiff_neck: Stiff neck? [Red-flag screen]"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("Timeframe:"),
        "no proposal: {}",
        run.stdout
    );
    // The record says so, and never lists it among the negatives.
    let run = eval(&missing, &["--record", "--lang", "en"]);
    assert_eq!(run.code, 3, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("Red-flag screen: incomplete, not asked: Stiff neck?"),
        "{}",
        run.stdout
    );
    let negatives = run
        .stdout
        .lines()
        .find(|l| l.starts_with("Relevant negatives"))
        .unwrap_or_default();
    assert!(!negatives.contains("Stiff neck"), "{}", run.stdout);
}
