//! Every kind of guidance error, with its exact position.

mod common;

use common::*;

/// Replaces the first occurrence of `from` in the cough reason.
fn cough_with(from: &str, to: &str) -> Vec<String> {
    assert!(COUGH.contains(from), "fixture has no `{from}`");
    let cough = COUGH.replacen(from, to, 1);
    let dir = folder(&[
        ("guidance.ron", GUIDANCE),
        ("reasons/01_cough.ron", &cough),
        ("reasons/02_social.ron", SOCIAL),
    ]);
    errors(dir.path())
}

fn guidance_with(from: &str, to: &str) -> Vec<String> {
    assert!(GUIDANCE.contains(from), "fixture has no `{from}`");
    let g = GUIDANCE.replacen(from, to, 1);
    let dir = folder(&[
        ("guidance.ron", &g),
        ("reasons/01_cough.ron", COUGH),
        ("reasons/02_social.ron", SOCIAL),
    ]);
    errors(dir.path())
}

#[test]
fn the_fixture_is_valid() {
    assert_eq!(errors(fixture().path()), Vec::<String>::new());
}

#[test]
fn ron_syntax_error() {
    assert_eq!(
        cough_with(r#"id: "cough","#, r#"id: "cough""#),
        ["reasons/01_cough.ron:3:5: Expected comma"]
    );
}

#[test]
fn unknown_field() {
    assert_eq!(
        cough_with("keywords:", "keywrods:"),
        [
            "reasons/01_cough.ron:4:5: unknown field `keywrods`; expected one of: id, label, keywords, red_flags, questions, rules, fallback, allow"
        ]
    );
}

#[test]
fn missing_field_names_the_structure_as_the_format_does() {
    assert_eq!(
        cough_with(r#"outcome: (timeframe: "self_care", "#, "outcome: ("),
        ["reasons/01_cough.ron:28:68: `Outcome` is missing its field `timeframe`"]
    );
}

#[test]
fn unknown_question_in_a_condition() {
    assert_eq!(
        cough_with(r#"Ge("temp", 39.0)"#, r#"Ge("tmp", 39.0)"#),
        ["reasons/01_cough.ron:20:41: unknown question `tmp`"]
    );
}

#[test]
fn unknown_option_in_a_condition() {
    assert_eq!(
        cough_with(r#"Is("kind", "dry")"#, r#"Is("kind", "damp")"#),
        ["reasons/01_cough.ron:27:48: question `kind` has no option `damp` (options: dry, wet)"]
    );
}

#[test]
fn unknown_timeframe_mode_and_professional() {
    assert_eq!(
        cough_with(
            r#"timeframe: "days_1_3", modes: ["visit"], professional: "doctor""#,
            r#"timeframe: "days_1_2", modes: ["visti"], professional: "doc""#
        ),
        [
            "reasons/01_cough.ron:21:34: unknown timeframe `days_1_2` (known: days_1_3, days_1_7, emergency, on_call, self_care)",
            "reasons/01_cough.ron:21:54: unknown contact mode `visti` (known: phone, visit)",
            "reasons/01_cough.ron:21:78: unknown professional `doc` (known: doctor, nurse)",
        ]
    );
}

#[test]
fn duplicate_question_id() {
    assert_eq!(
        cough_with(r#"(id: "kind","#, r#"(id: "fever","#),
        [
            "reasons/01_cough.ron:10:14: duplicate question id `fever` (first defined at reasons/01_cough.ron:6:14)",
            // The second question is not registered, so conditions naming its id are reported too.
            "reasons/01_cough.ron:27:40: unknown question `kind`",
        ]
    );
}

#[test]
fn duplicate_ids_of_every_kind_across_files() {
    let social = SOCIAL
        .replace(r#"id: "social_urgent""#, r#"id: "cough_mild""#)
        .replace(r#"id: "social","#, r#"id: "cough","#);
    let g = GUIDANCE.replace(r#"(id: "visit", label"#, r#"(id: "phone", label"#);
    let dir = folder(&[
        ("guidance.ron", &g),
        ("reasons/01_cough.ron", COUGH),
        ("reasons/02_social.ron", &social),
    ]);
    assert_eq!(
        errors(dir.path()),
        [
            "guidance.ron:18:14: duplicate contact mode id `phone` (first defined at guidance.ron:17:14)",
            "reasons/01_cough.ron:21:54: unknown contact mode `visit` (known: phone)",
            "reasons/01_cough.ron:34:63: unknown contact mode `visit` (known: phone)",
            "reasons/02_social.ron:2:9: duplicate reason id `cough` (first defined at reasons/01_cough.ron:2:9)",
            "reasons/02_social.ron:9:17: duplicate rule id `cough_mild` (first defined at reasons/01_cough.ron:25:17)",
        ]
    );
}

#[test]
fn yes_no_question_compared_with_a_number() {
    assert_eq!(
        cough_with(r#"Ge("temp", 39.0)"#, r#"Ge("fever", 39.0)"#),
        [
            "reasons/01_cough.ron:20:41: question `fever` is a yes/no question and cannot be compared with a number"
        ]
    );
}

#[test]
fn number_question_compared_with_yes() {
    assert_eq!(
        cough_with(r#"ask_if: Yes("fever")"#, r#"ask_if: Yes("age")"#),
        [
            "reasons/01_cough.ron:9:25: question `age` is a number question and cannot be compared with a yes/no answer"
        ]
    );
}

#[test]
fn number_outside_the_question_range() {
    assert_eq!(
        cough_with(r#"Ge("temp", 39.0)"#, r#"Ge("temp", 390.0)"#),
        ["reasons/01_cough.ron:20:41: 390 is outside the range 34–43 of question `temp`"]
    );
}

#[test]
fn ask_if_cycle() {
    let cough = COUGH.replacen(
        r#"kind: YesNo),"#,
        r#"kind: YesNo, ask_if: Answered("temp")),"#,
        1,
    );
    let dir = folder(&[
        ("guidance.ron", GUIDANCE),
        ("reasons/01_cough.ron", &cough),
        ("reasons/02_social.ron", SOCIAL),
    ]);
    assert_eq!(
        errors(dir.path()),
        ["reasons/01_cough.ron:6:14: the ask_if conditions form a cycle: fever → temp → fever"]
    );
}

#[test]
fn missing_translation() {
    assert_eq!(
        cough_with(
            r#"label: (fi: "Yskä", sv: "Hosta", en: "Cough")"#,
            r#"label: (fi: "Yskä", en: "Cough")"#
        ),
        ["reasons/01_cough.ron:3:17: the label of reason `cough` has no `sv` translation"]
    );
}

#[test]
fn missing_keyword_list_for_a_declared_language() {
    assert_eq!(
        cough_with(r#", en: ["cough", "sore throat"]"#, ""),
        ["reasons/01_cough.ron:2:9: the keywords of reason `cough` have no `en` list"]
    );
}

#[test]
fn reason_without_questions() {
    let social = SOCIAL.replace(
        r#"(id: "no_food", text: (fi: "Ei ruokaa?", sv: "Ingen mat?", en: "No food?"), kind: YesNo),"#,
        "",
    );
    let social = social.replace(r#"when: Yes("no_food")"#, r#"when: Yes("rf_chest")"#);
    let dir = folder(&[
        ("guidance.ron", GUIDANCE),
        ("reasons/01_cough.ron", COUGH),
        ("reasons/02_social.ron", &social),
    ]);
    assert_eq!(
        errors(dir.path()),
        ["reasons/02_social.ron:2:9: reason `social` has no questions"]
    );
}

#[test]
fn reason_without_fallback() {
    let i = SOCIAL.find("    fallback:").expect("fallback");
    let social = format!("{})\n", &SOCIAL[..i]);
    let dir = folder(&[
        ("guidance.ron", GUIDANCE),
        ("reasons/01_cough.ron", COUGH),
        ("reasons/02_social.ron", &social),
    ]);
    assert_eq!(
        errors(dir.path()),
        [
            "reasons/02_social.ron:2:9: reason `social` has no fallback outcome for when no rule matches"
        ]
    );
}

#[test]
fn condition_naming_another_reasons_question() {
    let social = SOCIAL.replace(r#"when: Yes("no_food")"#, r#"when: Yes("fever")"#);
    let dir = folder(&[
        ("guidance.ron", GUIDANCE),
        ("reasons/01_cough.ron", COUGH),
        ("reasons/02_social.ron", &social),
    ]);
    assert_eq!(
        errors(dir.path()),
        [
            "reasons/02_social.ron:11:23: question `fever` belongs to another reason; a condition may name only its own reason's questions, the basics, the risk factors, the shared pool and the red flags"
        ]
    );
}

#[test]
fn red_flag_must_be_urgent() {
    assert_eq!(
        guidance_with(
            r#"outcome: (timeframe: "emergency", advice"#,
            r#"outcome: (timeframe: "self_care", advice"#
        ),
        [
            "guidance.ron:28:34: a red flag must lead to an emergency, on-call or same-day timeframe, not `self_care`"
        ]
    );
}

#[test]
fn scheduled_outcome_needs_mode_and_professional() {
    assert_eq!(
        cough_with(r#"modes: ["visit"], professional: "doctor","#, ""),
        [
            "reasons/01_cough.ron:21:34: an outcome with scheduled timeframe `days_1_3` needs at least one contact mode and a professional"
        ]
    );
}

#[test]
fn invalid_id() {
    assert_eq!(
        cough_with(r#"id: "cough_mild""#, r#"id: "Cough mild""#),
        [
            "reasons/01_cough.ron:25:17: rule id `Cough mild` must start with a letter and use only a–z, 0–9 and _ (at most 64)"
        ]
    );
}

#[test]
fn all_problems_are_reported_in_one_run_sorted_by_position() {
    let cough = COUGH
        .replace(r#"Ge("temp", 39.0)"#, r#"Ge("tmp", 39.0)"#)
        .replace(r#"Is("kind", "dry")"#, r#"Is("kind", "damp")"#);
    let social = SOCIAL.replace(
        r#"professional: "nurse",
                advice"#,
        r#"professional: "nobody",
                advice"#,
    );
    let dir = folder(&[
        ("guidance.ron", GUIDANCE),
        ("reasons/01_cough.ron", &cough),
        ("reasons/02_social.ron", &social),
    ]);
    let errs = errors(dir.path());
    assert_eq!(errs.len(), 3, "{errs:#?}");
    assert!(errs[0].starts_with("reasons/01_cough.ron:20:41:"));
    assert!(errs[1].starts_with("reasons/01_cough.ron:27:48:"));
    assert!(
        errs[2].starts_with("reasons/02_social.ron:12:78:"),
        "{errs:#?}"
    );
}

#[test]
fn syntax_errors_in_several_files_are_all_reported() {
    let dir = folder(&[
        ("guidance.ron", "Guidance(\n  organisation: 1,\n)"),
        ("reasons/01_cough.ron", "Reason(\n  id: \"x\",,\n)"),
        ("reasons/02_social.ron", SOCIAL),
    ]);
    let errs = errors(dir.path());
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert!(errs[0] == "guidance.ron:2:17: Expected string", "{errs:#?}");
    assert!(
        errs[1].starts_with("reasons/01_cough.ron:2:11:"),
        "{errs:#?}"
    );
}

#[test]
fn file_too_large() {
    let big = format!(
        "{}{}",
        COUGH,
        " ".repeat(arvio::guidance::load::MAX_FILE_BYTES)
    );
    let dir = folder(&[("guidance.ron", GUIDANCE), ("reasons/01_cough.ron", &big)]);
    let errs = errors(dir.path());
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].starts_with("reasons/01_cough.ron:1:1: the file is "),
        "{errs:?}"
    );
}

#[test]
fn nesting_too_deep() {
    let deep = format!("{}Yes(\"fever\"){}", "Not(".repeat(100), ")".repeat(100));
    let cough = COUGH.replace(r#"Ge("age", 75.0)"#, &deep);
    let dir = folder(&[("guidance.ron", GUIDANCE), ("reasons/01_cough.ron", &cough)]);
    let errs = errors(dir.path());
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with("reasons/01_cough.ron:33:263:"),
        "{errs:?}"
    );
    assert!(
        errs[0].contains("nests deeper than the 128 levels"),
        "{errs:?}"
    );
}

#[test]
fn not_utf8() {
    let dir = folder(&[("guidance.ron", GUIDANCE)]);
    std::fs::create_dir_all(dir.path().join("reasons")).expect("mkdir");
    let mut bytes = b"Reason(\n  id: \"a".to_vec();
    bytes.push(0xff);
    std::fs::write(dir.path().join("reasons/01_bad.ron"), bytes).expect("write");
    assert_eq!(
        errors(dir.path()),
        ["reasons/01_bad.ron:2:9: the file is not UTF-8 text"]
    );
}

#[test]
fn stray_ron_file_at_the_root() {
    let dir = folder(&[("guidance.ron", GUIDANCE), ("cough.ron", COUGH)]);
    assert_eq!(
        errors(dir.path()),
        [
            "cough.ron:1:1: `cough.ron` is not part of the guidance: settings go in guidance.ron, shared questions in questions/, reasons in reasons/"
        ]
    );
}

#[test]
fn missing_settings_file() {
    let dir = folder(&[("reasons/01_cough.ron", COUGH)]);
    assert_eq!(
        errors(dir.path()),
        ["guidance.ron:1:1: a guidance folder needs a guidance.ron"]
    );
}

#[test]
fn timeframes_must_be_listed_from_most_to_least_urgent() {
    // Self-care first would outrank every red flag: the loader refuses it.
    let self_care = r#"        (id: "self_care", label: (fi: "Omahoito", sv: "Egenvård", en: "Self-care"), kind: SelfCare),
"#;
    let g = GUIDANCE.replacen(self_care, "", 1).replacen(
        "    timeframes: [\n",
        &format!("    timeframes: [\n{self_care}"),
        1,
    );
    let dir = folder(&[
        ("guidance.ron", &g),
        ("reasons/01_cough.ron", COUGH),
        ("reasons/02_social.ron", SOCIAL),
    ]);
    assert_eq!(
        errors(dir.path()),
        [
            "guidance.ron:9:14: timeframe `emergency` is more urgent than `self_care` before it; list timeframes from most to least urgent (emergency, on-call, scheduled by their last day, self-care)"
        ]
    );
}
