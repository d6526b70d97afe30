//! Format 2 for questions and red flags: basics, the shared pool, scoped red flags, risk factors
//! asked when read, `AtLeast`, ages and durations, free text — the engine's semantics (with
//! property tests of the red-flag and cannot-say invariants and of `AtLeast` against a
//! brute-force reference), the validation errors with their positions, scenarios, analysis and
//! diff.

mod common;
#[path = "fixtures/format2.rs"]
mod format2;

use std::sync::OnceLock;

use arvio::call::{Answer, AnswerError, Call, Value};
use arvio::engine::{Decider, Truth, eval, evaluate};
use arvio::guidance::{
    Atom, Condition, FileId, Guidance, Location, Part, QuestionId, ReasonId, Test,
};
use arvio::quantity::Quantity;
use arvio::source::Position;
use proptest::prelude::*;

fn fx() -> &'static Guidance {
    static G: OnceLock<Guidance> = OnceLock::new();
    G.get_or_init(|| {
        let dir = common::folder(&format2::files());
        common::load(dir.path())
    })
}

fn q(g: &Guidance, id: &str) -> QuestionId {
    g.question_by_id(id).unwrap_or_else(|| panic!("no `{id}`"))
}

fn call(g: &Guidance, reasons: &[&str], answers: &[(&str, Answer)]) -> Call {
    Call::from_ids(
        g,
        reasons.iter().copied(),
        answers.iter().map(|(q, a)| (*q, a)),
    )
    .expect("a valid call")
}

fn asked(g: &Guidance, c: &Call) -> Vec<String> {
    evaluate(g, c)
        .questions
        .iter()
        .map(|q| g.question(*q).id.clone())
        .collect()
}

fn winner(g: &Guidance, c: &Call) -> String {
    evaluate(g, c).proposal.expect("a proposal").winner.id(g)
}

fn months(n: f64) -> Answer {
    Answer::Age(Quantity::Months(n))
}

// ---------------------------------------------------------------------------------------------
// Which questions a call asks, and in what order

#[test]
fn without_a_reason_the_always_basics_and_the_global_red_flags_are_asked() {
    let g = fx();
    assert_eq!(
        asked(g, &Call::new(g)),
        ["age", "red_breathing", "red_infant_fever"]
    );
}

#[test]
fn basics_then_red_flags_then_risk_factors_then_the_pool_then_the_reasons_own() {
    let g = fx();
    assert_eq!(
        asked(g, &call(g, &["wound"], &[])),
        [
            "age",
            "red_breathing",
            "red_infant_fever",
            "red_spurting",
            "rf_anticoag",
            "temp_high",
            "since",
            "wound_deep"
        ]
    );
}

#[test]
fn a_reason_added_later_brings_its_red_flags_before_its_questions() {
    let g = fx();
    assert_eq!(
        asked(g, &call(g, &["wound", "fever"], &[])),
        [
            "age",
            "red_breathing",
            "red_infant_fever",
            "red_spurting",
            "red_stiff_neck",
            "rf_anticoag",
            "temp_high",
            "since",
            "wound_deep",
            "fever_drinks",
            "fever_other"
        ]
    );
}

#[test]
fn a_pool_question_is_asked_once_for_all_reasons_and_its_answer_serves_both() {
    let g = fx();
    let c = call(
        g,
        &["fever", "wound"],
        &[
            ("temp_high", Answer::Yes),
            ("since", Answer::Duration(Quantity::Hours(6.0))),
        ],
    );
    let qs = asked(g, &c);
    assert_eq!(qs.iter().filter(|x| *x == "temp_high").count(), 1);
    assert_eq!(qs.iter().filter(|x| *x == "since").count(), 1);
    // The chills follow-up of the pool is asked once fever is high.
    assert!(qs.contains(&"chills".to_owned()));
    let p = evaluate(g, &c).proposal.expect("proposal");
    let ids: Vec<String> = p.matched.iter().map(|d| d.id(g)).collect();
    assert!(ids.contains(&"wound_fever".to_owned()), "{ids:?}");
}

#[test]
fn a_risk_factor_is_asked_only_where_a_rule_of_the_call_reads_it() {
    let g = fx();
    assert!(!asked(g, &call(g, &["fever"], &[])).contains(&"rf_anticoag".to_owned()));
    assert!(asked(g, &call(g, &["wound"], &[])).contains(&"rf_anticoag".to_owned()));
    // Read by no rule: never asked.
    assert!(!asked(g, &call(g, &["wound", "fever"], &[])).contains(&"rf_unused".to_owned()));
    // A basic is asked only when read (or always): nothing reads the sex.
    assert!(!asked(g, &call(g, &["wound", "fever"], &[])).contains(&"sex".to_owned()));
}

#[test]
fn a_scoped_red_flag_is_asked_only_for_its_reasons() {
    let g = fx();
    assert!(!asked(g, &call(g, &["wound"], &[])).contains(&"red_stiff_neck".to_owned()));
    assert!(asked(g, &call(g, &["fever"], &[])).contains(&"red_stiff_neck".to_owned()));
    assert!(!asked(g, &call(g, &["fever"], &[])).contains(&"red_spurting".to_owned()));
}

#[test]
fn a_red_flag_is_in_scope_unless_its_ask_if_is_definitely_false() {
    let g = fx();
    let with_age = |a: Answer| asked(g, &call(g, &[], &[("age", a)]));
    // Unknown (not answered, or cannot say) keeps it in scope.
    assert!(asked(g, &Call::new(g)).contains(&"red_infant_fever".to_owned()));
    assert!(with_age(Answer::CannotSay).contains(&"red_infant_fever".to_owned()));
    assert!(with_age(months(2.0)).contains(&"red_infant_fever".to_owned()));
    // 3 months (91.3125 days) is not under 3 months; 91 days are, 92 are not.
    assert!(!with_age(months(3.0)).contains(&"red_infant_fever".to_owned()));
    assert!(with_age(Answer::Age(Quantity::Days(91.0))).contains(&"red_infant_fever".to_owned()));
    assert!(!with_age(Answer::Age(Quantity::Days(92.0))).contains(&"red_infant_fever".to_owned()));
    assert!(!with_age(Answer::Age(Quantity::Years(40.0))).contains(&"red_infant_fever".to_owned()));
}

#[test]
fn red_flags_unanswered_counts_the_red_flags_in_scope_only() {
    let g = fx();
    assert_eq!(evaluate(g, &Call::new(g)).red_flags_unanswered, 2);
    let adult = call(
        g,
        &["wound"],
        &[("age", Answer::Age(Quantity::Years(40.0)))],
    );
    // red_breathing and red_spurting; not the infant's, not the fever reason's.
    assert_eq!(evaluate(g, &adult).red_flags_unanswered, 2);
    let e = evaluate(g, &call(g, &["wound", "fever"], &[]));
    assert_eq!(e.red_flags_unanswered, 4);
}

#[test]
fn a_scoped_red_flag_answered_yes_wins_and_leaves_the_flow() {
    let g = fx();
    let c = call(
        g,
        &["fever"],
        &[
            ("red_stiff_neck", Answer::Yes),
            ("fever_drinks", Answer::Yes),
        ],
    );
    assert_eq!(winner(g, &c), "red_stiff_neck");
    assert!(evaluate(g, &c).proposal.expect("p").leaves_flow(g));
    // Removing its reason does not take the emergency back: the caller said yes.
    let mut gone = c.clone();
    gone.remove_reason(g.reason_by_id("fever").expect("fever"));
    assert_eq!(winner(g, &gone), "red_stiff_neck");
    assert!(evaluate(g, &gone).proposal.expect("p").leaves_flow(g));
}

#[test]
fn an_infants_red_flag_answered_yes_stays_an_emergency_when_the_age_comes_later() {
    let g = fx();
    let c = call(
        g,
        &["fever"],
        &[
            ("age", Answer::Age(Quantity::Years(2.0))),
            ("red_infant_fever", Answer::Yes),
        ],
    );
    // Over-triage, never a lost emergency: the age entered after the yes keeps the flag.
    assert_eq!(winner(g, &c), "red_infant_fever");
    let c = call(
        g,
        &["fever"],
        &[("age", months(1.0)), ("red_infant_fever", Answer::Yes)],
    );
    assert_eq!(winner(g, &c), "red_infant_fever");
}

// ---------------------------------------------------------------------------------------------
// Counting, quantities, free text

#[test]
fn at_least_two_of_three() {
    let g = fx();
    let w = |answers: &[(&str, Answer)]| winner(g, &call(g, &["fever"], answers));
    assert_eq!(
        w(&[("temp_high", Answer::Yes), ("chills", Answer::Yes)]),
        "fever_sepsis"
    );
    assert_eq!(
        w(&[("temp_high", Answer::Yes), ("fever_drinks", Answer::No)]),
        "fever_sepsis"
    );
    // One true and two that cannot be said: unknown, never reassuring, never firing.
    assert_eq!(
        w(&[
            ("temp_high", Answer::Yes),
            ("chills", Answer::CannotSay),
            ("fever_drinks", Answer::CannotSay)
        ]),
        "fever.fallback"
    );
}

#[test]
fn durations_compare_in_any_unit() {
    let g = fx();
    let w = |since: Quantity| {
        winner(
            g,
            &call(g, &["fever"], &[("since", Answer::Duration(since))]),
        )
    };
    assert_eq!(w(Quantity::Hours(72.0)), "fever.fallback");
    assert_eq!(w(Quantity::Hours(73.0)), "fever_long");
    assert_eq!(w(Quantity::Days(3.0)), "fever.fallback");
    assert_eq!(w(Quantity::Days(4.0)), "fever_long");
    assert_eq!(w(Quantity::Weeks(1.0)), "fever_long");
}

#[test]
fn answers_are_refused_with_a_wrong_unit_a_fraction_or_out_of_range() {
    let g = fx();
    let e = |id: &str, a: Answer| Call::from_ids(g, ["fever"], [(id, &a)]).map(|_| ());
    assert!(matches!(
        e("age", Answer::Age(Quantity::Hours(5.0))),
        Err(AnswerError::WrongUnit { .. })
    ));
    assert!(matches!(
        e("age", Answer::Age(Quantity::Years(1.5))),
        Err(AnswerError::TooManyDecimals { .. })
    ));
    assert!(matches!(
        e("age", Answer::Age(Quantity::Years(121.0))),
        Err(AnswerError::QuantityOutOfRange { .. })
    ));
    assert!(matches!(
        e("since", Answer::Age(Quantity::Hours(5.0))),
        Err(AnswerError::WrongKind { .. })
    ));
    assert!(matches!(
        e("since", Answer::Duration(Quantity::Weeks(53.0))),
        Err(AnswerError::QuantityOutOfRange { .. })
    ));
    assert_eq!(e("since", Answer::Duration(Quantity::Days(2.0))), Ok(()));
}

#[test]
fn free_text_goes_to_the_record_only() {
    let g = fx();
    let c = call(
        g,
        &["fever"],
        &[("fever_other", Answer::Text("Matkalla Thaimaassa".into()))],
    );
    let other = q(g, "fever_other");
    assert_eq!(c.answer(other), Some(Value::Text));
    assert_eq!(c.text(other), Some("Matkalla Thaimaassa"));
    assert_eq!(
        c.answer_of(g, other),
        Some(Answer::Text("Matkalla Thaimaassa".into()))
    );
    // The autosave leaves it out.
    let mut a = arvio::assessment::Assessment::new(
        g,
        chrono::DateTime::parse_from_rfc3339("2026-11-24T08:00:00+02:00").expect("time"),
    );
    a.call = c;
    assert!(a.answers_by_id(g).iter().all(|(id, _)| id != "fever_other"));
}

#[test]
fn the_number_check_the_gui_calls_refuses_extra_decimals() {
    let dir = common::fixture();
    let g = common::load(dir.path());
    let temp = g.question(q(&g, "temp"));
    let arvio::guidance::QuestionKind::Number(spec) = &temp.kind else {
        panic!("temp is a number");
    };
    assert_eq!(
        arvio::call::check_number("temp", spec, 38.5),
        Ok(Value::Number(38.5))
    );
    assert!(matches!(
        arvio::call::check_number("temp", spec, 38.55),
        Err(AnswerError::TooManyDecimals { decimals: 1, .. })
    ));
}

// ---------------------------------------------------------------------------------------------
// Validation: each new error, with its position and what to write instead

/// The errors after replacing `from` by `to` in `file` of the format-2 fixture.
fn errors_with(file: &str, from: &str, to: &str) -> Vec<String> {
    let files: Vec<(&str, String)> = format2::files()
        .into_iter()
        .map(|(f, text)| {
            if f == file {
                assert!(text.contains(from), "{f} has no `{from}`");
                (f, text.replacen(from, to, 1))
            } else {
                (f, text.to_owned())
            }
        })
        .collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(f, t)| (*f, t.as_str())).collect();
    let dir = common::folder(&refs);
    common::errors(dir.path())
}

#[test]
fn the_fixture_is_valid() {
    let _ = fx();
}

#[test]
fn format_2_is_required() {
    assert_eq!(
        errors_with("guidance.ron", "    format: 2,\n", ""),
        [
            "guidance.ron:2:19: this guidance is in format 1 (it has no `format: 2`); write `format: 2` and see docs/guidance-format.md §Migration"
        ]
    );
    assert_eq!(
        errors_with("guidance.ron", "format: 2,", "format: 1,"),
        [
            "guidance.ron:2:19: `format: 1` is not a format Arvio reads; write `format: 2` (see docs/guidance-format.md §Migration)"
        ]
    );
}

#[test]
fn always_is_for_basics_only() {
    assert_eq!(
        errors_with(
            "guidance.ron",
            "kind: YesNo),\n        (id: \"rf_unused\"",
            "kind: YesNo, always: true),\n        (id: \"rf_unused\""
        ),
        [
            "guidance.ron:50:14: `always` is for basics only; question `rf_anticoag` is asked when a rule or ask_if reads it: remove `always`"
        ]
    );
}

#[test]
fn each_ask_if_reads_only_what_its_place_allows() {
    assert_eq!(
        errors_with(
            "guidance.ron",
            "always: true),",
            "always: true, ask_if: Yes(\"rf_anticoag\")),"
        ),
        [
            "guidance.ron:21:111: question `rf_anticoag` cannot be read here: a basic's ask_if may name only basics"
        ]
    );
    assert_eq!(
        errors_with(
            "guidance.ron",
            "ask_if: Lt(\"age\", Months(3)),",
            "ask_if: Yes(\"temp_high\"),"
        ),
        [
            "guidance.ron:39:25: question `temp_high` cannot be read here: a risk factor's or a red flag's ask_if may name only basics and risk factors"
        ]
    );
    assert_eq!(
        errors_with(
            "questions/01_general.ron",
            "ask_if: Yes(\"temp_high\")",
            "ask_if: Yes(\"wound_deep\")"
        ),
        [
            "questions/01_general.ron:6:21: question `wound_deep` cannot be read here: a pool question's ask_if may name only basics, risk factors and pool questions"
        ]
    );
}

#[test]
fn a_rule_reads_only_the_global_red_flags_and_its_own_reasons() {
    assert_eq!(
        errors_with(
            "reasons/02_wound.ron",
            "All([Yes(\"wound_deep\"), Yes(\"rf_anticoag\")])",
            "Yes(\"red_stiff_neck\")"
        ),
        [
            "reasons/02_wound.ron:18:23: red flag `red_stiff_neck` is asked only for other reasons; a condition may name the global red flags and those of its own reason"
        ]
    );
    // Its own red flag, and a global one, it may read.
    assert!(
        errors_with(
            "reasons/02_wound.ron",
            "Yes(\"wound_deep\"), Yes(\"rf_anticoag\")",
            "No(\"red_spurting\"), No(\"red_breathing\")"
        )
        .is_empty()
    );
}

#[test]
fn red_flag_reasons_are_known_reasons_and_only_in_guidance_ron() {
    assert_eq!(
        errors_with(
            "guidance.ron",
            "reasons: [\"fever\"],",
            "reasons: [\"feber\"],"
        ),
        ["guidance.ron:45:23: unknown reason for contact `feber` (known: fever, wound)"]
    );
    assert_eq!(
        errors_with(
            "reasons/02_wound.ron",
            "id: \"red_spurting\",",
            "id: \"red_spurting\", reasons: [\"fever\"],"
        ),
        [
            "reasons/02_wound.ron:6:17: `reasons` is for red flags in guidance.ron; a red flag in a reason file is always scoped to its reason: remove `reasons` from `red_spurting`"
        ]
    );
}

#[test]
fn at_least_needs_a_possible_count() {
    for n in ["0", "4"] {
        assert_eq!(
            errors_with(
                "reasons/01_fever.ron",
                "AtLeast(2,",
                &format!("AtLeast({n},")
            ),
            [format!(
                "reasons/01_fever.ron:12:35: `AtLeast({n}, […])` with 3 conditions: the count must be from 1 to 3"
            )]
        );
    }
}

#[test]
fn free_text_is_never_in_a_condition() {
    assert_eq!(
        errors_with(
            "reasons/01_fever.ron",
            "No(\"fever_drinks\")",
            "Answered(\"fever_other\")"
        ),
        [
            "reasons/01_fever.ron:12:73: question `fever_other` is free text, and free text cannot be used in a condition; ask what the rule needs as a yes/no or one-of question"
        ]
    );
}

#[test]
fn thresholds_fit_the_kind_and_say_what_to_write_instead() {
    let lt_age = |to: &str| {
        errors_with(
            "guidance.ron",
            "Lt(\"age\", Months(3))",
            &format!("Lt(\"age\", {to})"),
        )
    };
    assert_eq!(
        lt_age("3"),
        [
            "guidance.ron:39:24: question `age` is an age: write a quantity with its unit such as Years(3) instead of the plain number 3"
        ]
    );
    assert_eq!(
        lt_age("Hours(3)"),
        [
            "guidance.ron:39:24: Hours cannot be a unit of question `age` (an age); write one of: Years, Months, Weeks, Days"
        ]
    );
    assert_eq!(
        lt_age("Years(1.5)"),
        [
            "guidance.ron:39:24: Years(1.5) is not a whole number on question `age`, which is entered in whole numbers: write Months(18) instead"
        ]
    );
    assert_eq!(
        lt_age("Years(130)"),
        [
            "guidance.ron:39:24: Years(130) is outside the range Years(0)–Years(120) of question `age`; write a threshold within it"
        ]
    );
    // Weeks are a unit of an age even where the question is not entered in them.
    assert!(lt_age("Weeks(12)").is_empty());
    assert_eq!(
        errors_with(
            "reasons/01_fever.ron",
            "Gt(\"since\", Days(3))",
            "Gt(\"since\", Days(3.5))"
        ),
        [
            "reasons/01_fever.ron:18:22: Days(3.5) is not a whole number on question `since`, which is entered in whole numbers: write Hours(84) instead"
        ]
    );
}

#[test]
fn a_number_threshold_is_plain_and_within_the_decimals() {
    let dir = common::folder(&[
        ("guidance.ron", common::GUIDANCE),
        (
            "reasons/01_cough.ron",
            &common::COUGH.replacen("Ge(\"temp\", 39.0)", "Ge(\"temp\", 38.25)", 1),
        ),
    ]);
    assert_eq!(
        common::errors(dir.path()),
        [
            "reasons/01_cough.ron:20:41: 38.25 has more decimals than question `temp` allows (1); write 38.3 instead"
        ]
    );
    let dir = common::folder(&[
        ("guidance.ron", common::GUIDANCE),
        (
            "reasons/01_cough.ron",
            &common::COUGH.replacen("Ge(\"temp\", 39.0)", "Ge(\"temp\", Days(39))", 1),
        ),
    ]);
    assert_eq!(
        common::errors(dir.path()),
        [
            "reasons/01_cough.ron:20:41: question `temp` is a number question: write a plain number such as 39 instead of Days(39)"
        ]
    );
}

#[test]
fn an_age_or_duration_kind_needs_units_of_its_kind_and_a_range() {
    assert_eq!(
        errors_with(
            "questions/01_general.ron",
            "units: [Hours, Days, Weeks], max: Weeks(52)",
            "units: [], max: Weeks(52)"
        ),
        [
            "questions/01_general.ron:3:10: question `since` needs at least one unit, e.g. `units: [Hours, Days, Weeks]`"
        ]
    );
    assert_eq!(
        errors_with(
            "guidance.ron",
            "units: [Years, Months, Days]",
            "units: [Years, Hours]"
        ),
        [
            "guidance.ron:20:14: Hours cannot be a unit of question `age` (an age); write one of: Years, Months, Weeks, Days"
        ]
    );
    assert_eq!(
        errors_with("guidance.ron", "max: Years(120)", "max: Days(0)")[0],
        "guidance.ron:20:14: question `age` needs min below max (got Days(0) to Days(0))"
    );
}

#[test]
fn question_ids_are_unique_across_the_pool_and_the_reasons() {
    let errs = errors_with(
        "reasons/02_wound.ron",
        "(id: \"wound_deep\"",
        "(id: \"since\"",
    );
    // (The rule reading `wound_deep` now names an unknown question, too.)
    assert_eq!(
        errs[0],
        "reasons/02_wound.ron:12:14: duplicate question id `since` (first defined at questions/01_general.ron:3:10)"
    );
}

// ---------------------------------------------------------------------------------------------
// Properties

/// An atom `Yes(q)` over question index `i`: true, false or unknown by the answer at `i`.
fn yes(i: u32) -> Condition {
    Condition::Atom(Atom {
        question: QuestionId(i),
        test: Test::Yes,
        location: Location {
            file: FileId(0),
            pos: Position::default(),
        },
    })
}

fn truth(v: Option<Value>) -> Truth {
    match v {
        Some(Value::Yes) => Truth::True,
        Some(Value::No) => Truth::False,
        _ => Truth::Unknown,
    }
}

fn value(i: u8) -> Option<Value> {
    [
        Some(Value::Yes),
        Some(Value::No),
        Some(Value::CannotSay),
        None,
    ][i as usize % 4]
}

/// Every red flag the call has (global or of its reasons) and whether it is in scope: its
/// `ask_if` is not definitely false over the effective answers.
fn in_scope(g: &Guidance, c: &Call) -> Vec<(usize, bool)> {
    let e = evaluate(g, c);
    let mut values = vec![None; g.questions.len()];
    for &qi in &e.questions {
        values[qi.index()] = c.answer(qi);
    }
    g.red_flags
        .iter()
        .enumerate()
        .filter(|(_, rf)| rf.is_global() || rf.reasons.iter().any(|r| c.has_reason(*r)))
        .map(|(i, rf)| {
            let scope = rf
                .ask_if
                .as_ref()
                .is_none_or(|a| eval(a, &values) != Truth::False);
            (i, scope)
        })
        .collect()
}

fn arbitrary_call(g: &Guidance, reasons: &[bool], picks: &[u8]) -> Call {
    let mut c = Call::new(g);
    for (i, on) in reasons.iter().enumerate().take(g.reasons.len()) {
        if *on {
            c.add_reason(ReasonId(i as u32));
        }
    }
    for (i, question) in g.questions.iter().enumerate() {
        let p = picks[i % picks.len()];
        let v = match &question.kind {
            _ if p.is_multiple_of(5) => None,
            _ if p % 5 == 1 => Some(Value::CannotSay),
            arvio::guidance::QuestionKind::YesNo => Some(if p.is_multiple_of(2) {
                Value::Yes
            } else {
                Value::No
            }),
            arvio::guidance::QuestionKind::Age(_) => Some(Value::Quantity(
                [
                    Quantity::Days(10.0),
                    Quantity::Months(3.0),
                    Quantity::Years(30.0),
                ][p as usize % 3],
            )),
            arvio::guidance::QuestionKind::Duration(_) => Some(Value::Quantity(
                [
                    Quantity::Hours(6.0),
                    Quantity::Days(3.0),
                    Quantity::Weeks(2.0),
                ][p as usize % 3],
            )),
            arvio::guidance::QuestionKind::OneOf(o) => Some(Value::Choice(p % o.len() as u8)),
            _ => None,
        };
        match v {
            Some(Value::Text) | None => {}
            v => c.set(QuestionId(i as u32), v),
        }
    }
    c
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(512) })]

    /// Kleene counting against a brute-force reference: true iff at least n are true; false
    /// iff fewer than n are true or unknown; unknown otherwise.
    #[test]
    fn at_least_is_kleene_counting(n in 1usize..6, picks in proptest::collection::vec(0u8..4, 1..6)) {
        let n = n.min(picks.len());
        let values: Vec<Option<Value>> = picks.iter().map(|p| value(*p)).collect();
        let items: Vec<Condition> = (0..picks.len() as u32).map(yes).collect();
        let truths: Vec<Truth> = values.iter().map(|v| truth(*v)).collect();
        let t = truths.iter().filter(|x| **x == Truth::True).count();
        let u = truths.iter().filter(|x| **x == Truth::Unknown).count();
        let expected = if t >= n { Truth::True } else if t + u < n { Truth::False } else { Truth::Unknown };
        prop_assert_eq!(eval(&Condition::AtLeast(n, items.clone()), &values), expected);
        // AtLeast(1, …) is Any, AtLeast(len, …) is All.
        prop_assert_eq!(eval(&Condition::AtLeast(1, items.clone()), &values), eval(&Condition::Any(items.clone()), &values));
        prop_assert_eq!(eval(&Condition::AtLeast(items.len(), items.clone()), &values), eval(&Condition::All(items), &values));
    }

    /// For arbitrary answers: the red flags asked are exactly those in scope; an in-scope red
    /// flag answered yes always wins (nothing outranks it); `red_flags_unanswered` counts the
    /// in-scope ones; while one is unanswered the call is not complete, so only a decision that
    /// leaves the flow can be taken; a red flag whose ask_if is unknown is asked.
    #[test]
    fn scoped_red_flags_keep_the_safety_invariants(
        reasons in proptest::collection::vec(any::<bool>(), 2),
        picks in proptest::collection::vec(any::<u8>(), 1..40),
    ) {
        let g = fx();
        let c = arbitrary_call(g, &reasons, &picks);
        let e = evaluate(g, &c);
        let scope = in_scope(g, &c);
        for &(i, s) in &scope {
            prop_assert_eq!(e.questions.contains(&g.red_flags[i].question), s);
        }
        let asked_red: Vec<QuestionId> = e.questions.iter().copied().filter(|qi| g.question(*qi).part == Part::RedFlag).collect();
        prop_assert_eq!(asked_red.len(), scope.iter().filter(|(_, s)| *s).count());
        let unanswered = asked_red.iter().filter(|qi| c.answer(**qi).is_none()).count();
        prop_assert_eq!(e.red_flags_unanswered, unanswered);
        if unanswered > 0 {
            prop_assert!(!e.complete());
        }
        for (i, _in_scope) in scope {
            let rf = &g.red_flags[i];
            let hit = match c.answer(rf.question) {
                Some(Value::Yes) => true,
                Some(Value::CannotSay) => rf.cannot_say_is_yes,
                _ => false,
            };
            // A red flag answered yes counts in scope or not: a later answer (an age, a
            // reason removed) never takes back an emergency that was heard.
            if hit {
                let p = e.proposal.as_ref().expect("a red flag hit proposes");
                prop_assert!(p.red_flag_hit);
                prop_assert!(p.matched.contains(&Decider::RedFlag(i)));
                prop_assert!(p.winner.urgency(g) <= rf.outcome.timeframe);
                prop_assert!(p.leaves_flow(g));
            }
            if !hit {
                let p = e.proposal.as_ref();
                prop_assert!(p.is_none_or(|p| !p.matched.contains(&Decider::RedFlag(i))));
            }
        }
        // "Cannot say" is never reassuring: it fires no rule that a definite answer would not.
        if let Some(p) = &e.proposal {
            for d in &p.matched {
                if let Decider::Rule { reason, rule } = d {
                    let when = &g.reason(*reason).rules[*rule].when;
                    let mut values = vec![None; g.questions.len()];
                    for &qi in &e.questions { values[qi.index()] = c.answer(qi); }
                    prop_assert_eq!(eval(when, &values), Truth::True);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Search, scenarios, analysis and diff

#[test]
fn typing_a_red_flags_keyword_offers_it_before_any_reason() {
    use arvio::search::{Hit, ReasonIndex};
    let g = fx();
    let index = ReasonIndex::new(g);
    let hits = index.search_all("hengi", arvio::text::Language::Fi);
    assert_eq!(hits.first(), Some(&Hit::RedFlag(0)), "{hits:?}");
    // Accents and language are as for reasons; an empty query offers no red flag.
    assert!(
        !index
            .search_all("xyz", arvio::text::Language::Fi)
            .iter()
            .any(|h| matches!(h, Hit::RedFlag(_)))
    );
    assert!(
        index
            .search_all("andning", arvio::text::Language::Sv)
            .contains(&Hit::RedFlag(0))
    );
    assert!(
        index
            .search_all("", arvio::text::Language::Fi)
            .iter()
            .all(|h| matches!(h, Hit::Reason(_)))
    );
}

#[test]
fn scenarios_answer_ages_durations_and_free_text() {
    let scenario = r#"Scenario(
    name: "Infant with a fever since six hours",
    at: "2026-11-24T08:35:00+02:00",
    reasons: ["fever"],
    answers: {
        "age": Age(Months(2)),
        "red_infant_fever": Yes,
        "since": Duration(Hours(6)),
        "fever_other": Text("Sisarella sama tauti"),
    },
    expect: (timeframe: "on_call", rule: Some("red_infant_fever")),
)
"#;
    let mut files = format2::files();
    files.push(("scenarios/01_infant.ron", scenario));
    let dir = common::folder(&files);
    let g = common::load(dir.path());
    let (scenarios, diags) = arvio::scenario::load_scenarios(dir.path());
    assert!(diags.is_empty(), "{diags:?}");
    let result = arvio::scenario::run_scenario(&g, &scenarios[0]);
    assert!(result.passed(), "{result:?}");
    let c = scenarios[0].call(&g).expect("call");
    assert_eq!(c.text(q(&g, "fever_other")), Some("Sisarella sama tauti"));
    // A decimal where the age is whole, or the wrong unit, is refused at its place.
    let bad = scenario.replace("Age(Months(2))", "Age(Months(2.5))");
    let mut files = format2::files();
    files.push(("scenarios/01_infant.ron", &bad));
    let dir = common::folder(&files);
    let g = common::load(dir.path());
    let (scenarios, _) = arvio::scenario::load_scenarios(dir.path());
    let errs = scenarios[0].call(&g).expect_err("refused");
    assert_eq!(errs[0].pos.line, 6, "{errs:?}");
    assert!(
        errs[0].message.to_string().contains("more decimals"),
        "{errs:?}"
    );
}

#[test]
fn the_case_space_splits_ages_and_durations_at_their_thresholds_in_one_unit() {
    let g = fx();
    let a = arvio::analysis::analyse(g, &[], &arvio::analysis::Options::default());
    let fever = a
        .summaries
        .iter()
        .find(|s| s.reason == "fever")
        .expect("fever summary");
    // `since`: ≤ 3 days, > 3 days (and cannot say), times the AtLeast's answers; never the free
    // text, which no condition reads.
    assert!(fever.cases > 0);
    let json = serde_json::to_string(&a).expect("json");
    assert!(
        !json.contains("fever_other"),
        "free text enumerated: {json}"
    );
    let dir = common::folder(&format2::files());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_arvio"))
        .args(["lint", "--json"])
        .arg(dir.path())
        .output()
        .expect("arvio lint");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("panicked"), "{text}");
}

#[test]
fn a_diff_notices_a_threshold_changed_in_another_unit() {
    let old_dir = common::folder(&format2::files());
    let files: Vec<(&str, String)> = format2::files()
        .into_iter()
        .map(|(f, t)| {
            let t = if f == "reasons/01_fever.ron" {
                t.replace("Gt(\"since\", Days(3))", "Ge(\"since\", Hours(48))")
            } else {
                t.to_owned()
            };
            (f, t)
        })
        .collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(f, t)| (*f, t.as_str())).collect();
    let new_dir = common::folder(&refs);
    let (old, new) = (common::load(old_dir.path()), common::load(new_dir.path()));
    let d = arvio::diff::diff(&old, &[], &new, &[], &arvio::analysis::Options::default());
    let rule = d
        .items
        .iter()
        .find(|i| i.id == "fever_long")
        .expect("fever_long changed");
    let when = rule
        .fields
        .iter()
        .find(|f| f.field == "when")
        .expect("when");
    assert_eq!(when.old.as_deref(), Some("Gt(\"since\", Days(3))"));
    assert_eq!(when.new.as_deref(), Some("Ge(\"since\", Days(2))"));
    // The cases from 2 to 3 days now change their outcome. (Cases stand for their classes: a
    // threshold moved under `Gt`/`Lt` is found where a representative falls between the two.)
    assert!(
        d.cases.iter().any(|c| c.text.contains("since")),
        "{:#?}",
        d.cases.iter().map(|c| &c.text).collect::<Vec<_>>()
    );
    // Moving it only in units (72 hours are 3 days) changes nothing.
    let same: Vec<(&str, String)> = format2::files()
        .into_iter()
        .map(|(f, t)| {
            (
                f,
                t.replace("Gt(\"since\", Days(3))", "Gt(\"since\", Hours(72))"),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = same.iter().map(|(f, t)| (*f, t.as_str())).collect();
    let same_dir = common::folder(&refs);
    let same = common::load(same_dir.path());
    let d = arvio::diff::diff(&old, &[], &same, &[], &arvio::analysis::Options::default());
    assert!(d.cases.is_empty());
    assert!(
        d.items.iter().all(|i| i.id != "fever_long"),
        "{:?}",
        d.items
    );
}
