//! The engine over the fixture guidance: which questions are asked, in what order, what is
//! proposed and why; and, by property tests over the fixture and the shipped guidance, the
//! safety invariants that must hold for every call.

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use arvio::call::{Answer, AnswerError, Call, Value};
use arvio::engine::{Decider, Evaluation, Truth, eval, eval_atom, evaluate, visit_atoms, window};
use arvio::explain::{
    AnswerLine, Explanation, GuidanceRef, Matched, Mode, Named, ReasonDecision, Window, explain,
};
use arvio::guidance::{
    Atom, CmpOp, Condition, FileId, Guidance, Location, QuestionId, QuestionKind, ReasonId, Test,
    TimeframeId,
};
use arvio::quantity::{Quantity, Unit};
use arvio::source::Position;
use arvio::text::Language;
use chrono::{DateTime, FixedOffset, NaiveDate};
use common::*;
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// Helpers

/// The fixture guidance, loaded once.
fn fx() -> &'static Guidance {
    static G: OnceLock<Guidance> = OnceLock::new();
    G.get_or_init(|| {
        let dir = fixture();
        load(dir.path())
    })
}

fn q(g: &Guidance, id: &str) -> QuestionId {
    g.question_by_id(id)
        .unwrap_or_else(|| panic!("no question `{id}`"))
}

fn r(g: &Guidance, id: &str) -> ReasonId {
    g.reason_by_id(id)
        .unwrap_or_else(|| panic!("no reason `{id}`"))
}

fn tf(g: &Guidance, id: &str) -> TimeframeId {
    g.timeframe_by_id(id)
        .unwrap_or_else(|| panic!("no timeframe `{id}`"))
}

fn rule(g: &Guidance, id: &str) -> Decider {
    for (ri, reason) in g.reasons.iter().enumerate() {
        if let Some(i) = reason.rules.iter().position(|x| x.id == id) {
            return Decider::Rule {
                reason: ReasonId(ri as u32),
                rule: i,
            };
        }
    }
    panic!("no rule `{id}`")
}

/// A call from ids; panics if the fixture does not accept it.
fn call(g: &Guidance, reasons: &[&str], answers: &[(&str, Answer)]) -> Call {
    Call::from_ids(
        g,
        reasons.iter().copied(),
        answers.iter().map(|(q, a)| (*q, a)),
    )
    .expect("a valid call")
}

/// Both red flags answered "no", then `rest`.
fn calm(rest: &[(&'static str, Answer)]) -> Vec<(&'static str, Answer)> {
    let mut v = vec![("rf_chest", Answer::No), ("rf_confused", Answer::No)];
    v.extend(rest.iter().cloned());
    v
}

fn qids(g: &Guidance, qs: &[QuestionId]) -> Vec<String> {
    qs.iter().map(|&x| g.question(x).id.clone()).collect()
}

fn dids(g: &Guidance, ds: &[Decider]) -> Vec<String> {
    ds.iter().map(|d| d.id(g)).collect()
}

fn winner_id(g: &Guidance, e: &Evaluation) -> String {
    e.proposal.as_ref().expect("a proposal").winner.id(g)
}

fn winner_tf(g: &Guidance, e: &Evaluation) -> String {
    let p = e.proposal.as_ref().expect("a proposal");
    g.timeframe(p.outcome(g).timeframe).id.clone()
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("time")
}

fn fever_39_5() -> Vec<(&'static str, Answer)> {
    calm(&[("fever", Answer::Yes), ("temp", Answer::Number(39.5))])
}

// ---------------------------------------------------------------------------------------------
// Order of the questions

/// Format 2: a risk factor is asked only when a rule or `ask_if` of the call's reasons reads it
/// (`age` is read by cough's `cough_old` only).
#[test]
fn without_a_reason_only_the_global_red_flags_are_asked() {
    let g = fx();
    let e = evaluate(g, &Call::new(g));
    assert_eq!(qids(g, &e.questions), ["rf_chest", "rf_confused"]);
    assert_eq!(e.next, Some(q(g, "rf_chest")));
    assert_eq!(e.red_flags_unanswered, 2);
    assert_eq!(e.proposal, None);
    assert!(!e.complete());
}

#[test]
fn red_flags_then_risk_factors_then_reasons_in_the_order_added() {
    let g = fx();
    let e = evaluate(g, &call(g, &["social", "cough"], &[]));
    assert_eq!(
        qids(g, &e.questions),
        ["rf_chest", "rf_confused", "age", "no_food", "fever", "kind"]
    );
    let e = evaluate(g, &call(g, &["cough", "social"], &[]));
    assert_eq!(
        qids(g, &e.questions),
        ["rf_chest", "rf_confused", "age", "fever", "kind", "no_food"]
    );
}

#[test]
fn a_conditional_question_stands_in_guidance_order_within_its_reason() {
    let g = fx();
    let e = evaluate(g, &call(g, &["cough", "social"], &[("fever", Answer::Yes)]));
    assert_eq!(
        qids(g, &e.questions),
        [
            "rf_chest",
            "rf_confused",
            "age",
            "fever",
            "temp",
            "kind",
            "no_food"
        ]
    );
}

#[test]
fn removing_a_reason_removes_its_questions() {
    let g = fx();
    let mut c = call(g, &["cough", "social"], &[]);
    c.remove_reason(r(g, "cough"));
    let e = evaluate(g, &c);
    // `age` went with cough, the only reason that reads it.
    assert_eq!(
        qids(g, &e.questions),
        ["rf_chest", "rf_confused", "no_food"]
    );
    // Adding a reason twice keeps it once.
    c.add_reason(r(g, "social"));
    assert_eq!(c.reasons, [r(g, "social")]);
}

#[test]
fn next_is_the_first_unanswered_question() {
    let g = fx();
    // Only the second red flag answered: the first is still next.
    let e = evaluate(g, &call(g, &["cough"], &[("rf_confused", Answer::No)]));
    assert_eq!(e.next, Some(q(g, "rf_chest")));
    assert_eq!(e.red_flags_unanswered, 1);

    // Later questions answered out of order: the first gap is next.
    let e = evaluate(
        g,
        &call(
            g,
            &["cough"],
            &calm(&[("kind", Answer::Choice("dry".into()))]),
        ),
    );
    assert_eq!(e.next, Some(q(g, "age")));
    assert_eq!(e.red_flags_unanswered, 0);

    let e = evaluate(
        g,
        &call(
            g,
            &["cough"],
            &calm(&[
                ("age", Answer::Number(40.0)),
                ("kind", Answer::Choice("dry".into())),
            ]),
        ),
    );
    assert_eq!(e.next, Some(q(g, "fever")));
}

#[test]
fn a_newly_relevant_question_becomes_next() {
    let g = fx();
    let mut c = call(
        g,
        &["cough"],
        &calm(&[
            ("age", Answer::Number(40.0)),
            ("fever", Answer::No),
            ("kind", Answer::Choice("wet".into())),
        ]),
    );
    let e = evaluate(g, &c);
    assert_eq!(e.next, None);
    assert!(e.complete());
    c.set(q(g, "fever"), Some(Value::Yes));
    let e = evaluate(g, &c);
    assert_eq!(e.next, Some(q(g, "temp")));
    assert!(!e.complete());
}

#[test]
fn red_flags_unanswered_counts_only_unanswered_red_flags() {
    let g = fx();
    let e = evaluate(
        g,
        &call(
            g,
            &["cough"],
            &[("age", Answer::Number(40.0)), ("fever", Answer::No)],
        ),
    );
    assert_eq!(e.red_flags_unanswered, 2);
    // "Cannot say" is an answer.
    let e = evaluate(
        g,
        &call(g, &["cough"], &[("rf_confused", Answer::CannotSay)]),
    );
    assert_eq!(e.red_flags_unanswered, 1);
    // Clearing an answer makes it unanswered again.
    let mut c = call(g, &["cough"], &calm(&[]));
    assert_eq!(evaluate(g, &c).red_flags_unanswered, 0);
    c.set(q(g, "rf_chest"), None);
    let e = evaluate(g, &c);
    assert_eq!(e.red_flags_unanswered, 1);
    assert_eq!(e.next, Some(q(g, "rf_chest")));
}

// ---------------------------------------------------------------------------------------------
// ask_if

#[test]
fn temp_is_asked_only_when_fever_is_yes() {
    let g = fx();
    let temp = q(g, "temp");
    let asked = |fever: Option<Answer>| {
        let answers: Vec<_> = fever.into_iter().map(|a| ("fever", a)).collect();
        evaluate(g, &call(g, &["cough"], &answers)).is_asked(temp)
    };
    assert!(!asked(None), "fever unanswered");
    assert!(asked(Some(Answer::Yes)), "fever yes");
    assert!(!asked(Some(Answer::No)), "fever no");
    assert!(!asked(Some(Answer::CannotSay)), "fever cannot say");
}

#[test]
fn an_answer_to_a_question_no_longer_asked_is_ignored() {
    let g = fx();
    let mut c = call(
        g,
        &["cough"],
        &calm(&[
            ("fever", Answer::Yes),
            ("temp", Answer::Number(39.5)),
            ("kind", Answer::Choice("dry".into())),
        ]),
    );
    let e = evaluate(g, &c);
    assert_eq!(winner_id(g, &e), "cough_high_fever");
    assert_eq!(
        qids(g, &e.proposal.as_ref().expect("proposal").because),
        ["fever", "temp"]
    );

    // Fever changes to no; the temperature given earlier stays in the call but not in the
    // assessment.
    c.set(q(g, "fever"), Some(Value::No));
    assert_eq!(c.answer(q(g, "temp")), Some(Value::Number(39.5)));
    let e = evaluate(g, &c);
    assert!(!e.is_asked(q(g, "temp")));
    let p = e.proposal.as_ref().expect("proposal");
    assert_eq!(dids(g, &p.matched), ["cough_mild"]);
    assert_eq!(winner_id(g, &e), "cough_mild");
    assert_eq!(qids(g, &p.because), ["fever", "kind"]);

    // Without the dry cough nothing fires: the stale temperature does not make it a high fever.
    c.set(q(g, "kind"), Some(Value::Choice(1)));
    let e = evaluate(g, &c);
    let p = e.proposal.as_ref().expect("proposal");
    assert_eq!(dids(g, &p.matched), ["cough.fallback"]);
    assert!(p.because.is_empty());

    // And back to yes: the earlier temperature counts again.
    c.set(q(g, "fever"), Some(Value::Yes));
    assert_eq!(winner_id(g, &evaluate(g, &c)), "cough_high_fever");
}

#[test]
fn a_stale_answer_does_not_count_after_fever_becomes_cannot_say() {
    let g = fx();
    let e = evaluate(
        g,
        &call(
            g,
            &["cough"],
            &calm(&[("fever", Answer::CannotSay), ("temp", Answer::Number(40.0))]),
        ),
    );
    assert!(!e.is_asked(q(g, "temp")));
    assert_eq!(winner_id(g, &e), "cough.fallback");
}

/// The fixture with `cough_old` also firing on a high temperature alone, so that a stale
/// temperature would matter if it were not ignored (in the plain fixture every rule naming `temp`
/// also needs `fever` yes).
fn temp_alone_fixture() -> Guidance {
    let from = r#"when: Ge("age", 75.0)"#;
    assert!(COUGH.contains(from));
    let cough = COUGH.replace(from, r#"when: Any([Ge("age", 75.0), Ge("temp", 40.0)])"#);
    let dir = folder(&[
        ("guidance.ron", GUIDANCE),
        ("reasons/01_cough.ron", &cough),
        ("reasons/02_social.ron", SOCIAL),
    ]);
    load(dir.path())
}

#[test]
fn a_stale_answer_fires_no_rule_and_is_no_reason() {
    let g = &temp_alone_fixture();
    let mut c = call(
        g,
        &["cough"],
        &calm(&[("fever", Answer::Yes), ("temp", Answer::Number(40.5))]),
    );
    let e = evaluate(g, &c);
    let p = e.proposal.as_ref().expect("proposal");
    assert_eq!(dids(g, &p.matched), ["cough_high_fever", "cough_old"]);

    // Fever no: the temperature is no longer asked, so cough_old has nothing to stand on.
    c.set(q(g, "fever"), Some(Value::No));
    for fever in [Value::No, Value::CannotSay] {
        c.set(q(g, "fever"), Some(fever));
        let e = evaluate(g, &c);
        let p = e.proposal.as_ref().expect("proposal");
        assert_eq!(dids(g, &p.matched), ["cough.fallback"], "fever {fever:?}");
    }

    // With the age it fires again, and only the age is behind it.
    c.set(q(g, "fever"), Some(Value::No));
    c.set(q(g, "age"), Some(Value::Number(80.0)));
    let e = evaluate(g, &c);
    let p = e.proposal.as_ref().expect("proposal");
    assert_eq!(p.winner, rule(g, "cough_old"));
    assert_eq!(qids(g, &p.because), ["age"]);
    let x = explain(g, &c, &e, at("2026-11-23T09:00:00+02:00"), Language::En).expect("explains");
    assert_eq!(
        x.because
            .iter()
            .map(|a| a.question.as_str())
            .collect::<Vec<_>>(),
        ["age"]
    );
}

// ---------------------------------------------------------------------------------------------
// Three-valued logic

#[test]
fn cannot_say_on_fever_fires_neither_rule_and_falls_back() {
    let g = fx();
    let e = evaluate(
        g,
        &call(
            g,
            &["cough"],
            &calm(&[
                ("fever", Answer::CannotSay),
                ("kind", Answer::Choice("dry".into())),
            ]),
        ),
    );
    let p = e.proposal.as_ref().expect("proposal");
    assert_eq!(dids(g, &p.matched), ["cough.fallback"]);
    assert_eq!(p.winner, Decider::Fallback(r(g, "cough")));
    assert_eq!(winner_tf(g, &e), "days_1_7");
    assert!(p.because.is_empty());
    assert!(!p.red_flag_hit);
}

#[test]
fn unanswered_questions_fire_no_rule() {
    let g = fx();
    let e = evaluate(g, &call(g, &["cough"], &[]));
    assert_eq!(winner_id(g, &e), "cough.fallback");
    // Only the dry cough known: cough_mild needs the fever too.
    let e = evaluate(
        g,
        &call(g, &["cough"], &[("kind", Answer::Choice("dry".into()))]),
    );
    assert_eq!(winner_id(g, &e), "cough.fallback");
}

/// The fixture with `cough_mild` as a negated condition: "no fever" written as `Not(Yes(..))`.
fn negated_fixture() -> Guidance {
    let from = r#"when: All([No("fever"), Is("kind", "dry")])"#;
    assert!(COUGH.contains(from));
    let cough = COUGH.replace(from, r#"when: Not(Yes("fever"))"#);
    let dir = folder(&[
        ("guidance.ron", GUIDANCE),
        ("reasons/01_cough.ron", &cough),
        ("reasons/02_social.ron", SOCIAL),
    ]);
    load(dir.path())
}

#[test]
fn not_over_an_unknown_does_not_fire() {
    let g = &negated_fixture();
    let with = |fever: Option<Answer>| {
        let answers: Vec<_> = fever.into_iter().map(|a| ("fever", a)).collect();
        winner_id(g, &evaluate(g, &call(g, &["cough"], &calm(&answers))))
    };
    assert_eq!(with(None), "cough.fallback", "unanswered");
    assert_eq!(
        with(Some(Answer::CannotSay)),
        "cough.fallback",
        "cannot say"
    );
    assert_eq!(with(Some(Answer::Yes)), "cough.fallback", "yes");
    assert_eq!(with(Some(Answer::No)), "cough_mild", "no");
    // The answer under a `Not` is what the rule stands on.
    let e = evaluate(g, &call(g, &["cough"], &calm(&[("fever", Answer::No)])));
    assert_eq!(
        qids(g, &e.proposal.as_ref().expect("proposal").because),
        ["fever"]
    );
}

fn atom(question: u32, test: Test) -> Condition {
    Condition::Atom(Atom {
        question: QuestionId(question),
        test,
        location: Location {
            file: FileId(0),
            pos: Position { line: 1, col: 1 },
        },
    })
}

fn not(c: Condition) -> Condition {
    Condition::Not(Box::new(c))
}

#[test]
fn kleene_truth_tables() {
    use Truth::*;
    // q0 yes, q1 no, q2 unanswered, q3 cannot say.
    let values = [
        Some(Value::Yes),
        Some(Value::No),
        None,
        Some(Value::CannotSay),
    ];
    let t = || atom(0, Test::Yes);
    let f = || atom(1, Test::Yes);
    let u = || atom(2, Test::Yes);
    let c = || atom(3, Test::Yes);
    let ev = |c: &Condition| eval(c, &values);

    assert_eq!(ev(&t()), True);
    assert_eq!(ev(&f()), False);
    assert_eq!(ev(&u()), Unknown);
    assert_eq!(ev(&c()), Unknown, "cannot say is unknown, not no");
    assert_eq!(ev(&not(t())), False);
    assert_eq!(ev(&not(f())), True);
    assert_eq!(ev(&not(u())), Unknown);
    assert_eq!(ev(&not(c())), Unknown);
    assert_eq!(ev(&not(not(u()))), Unknown);

    assert_eq!(ev(&Condition::All(vec![t(), t()])), True);
    assert_eq!(ev(&Condition::All(vec![t(), u()])), Unknown);
    assert_eq!(ev(&Condition::All(vec![u(), f()])), False);
    assert_eq!(ev(&Condition::All(vec![c(), t()])), Unknown);
    assert_eq!(ev(&Condition::Any(vec![f(), f()])), False);
    assert_eq!(ev(&Condition::Any(vec![f(), u()])), Unknown);
    assert_eq!(ev(&Condition::Any(vec![u(), t()])), True);
    assert_eq!(ev(&Condition::Any(vec![c(), f()])), Unknown);
    assert_eq!(ev(&not(Condition::All(vec![u(), f()]))), True);
    assert_eq!(ev(&not(Condition::Any(vec![u(), f()]))), Unknown);
    // An atom over a question the values do not cover is unknown, not a panic.
    assert_eq!(ev(&atom(99, Test::Yes)), Unknown);
}

#[test]
fn atoms_against_every_kind_of_answer() {
    use Truth::*;
    let a = |test: Test, v: Option<Value>| {
        let Condition::Atom(atom) = atom(0, test) else {
            unreachable!()
        };
        eval_atom(&atom, v)
    };
    assert_eq!(a(Test::No, Some(Value::No)), True);
    assert_eq!(a(Test::No, Some(Value::Yes)), False);
    assert_eq!(a(Test::No, Some(Value::CannotSay)), Unknown);
    assert_eq!(a(Test::CannotSay, Some(Value::CannotSay)), True);
    assert_eq!(a(Test::CannotSay, Some(Value::No)), False);
    assert_eq!(a(Test::CannotSay, None), Unknown);
    assert_eq!(a(Test::Answered, Some(Value::CannotSay)), True);
    assert_eq!(a(Test::Answered, Some(Value::Number(1.0))), True);
    assert_eq!(a(Test::Answered, None), Unknown);
    assert_eq!(a(Test::Is(1), Some(Value::Choice(1))), True);
    assert_eq!(a(Test::Is(1), Some(Value::Choice(0))), False);
    assert_eq!(a(Test::Is(1), Some(Value::Choices(0b110))), True);
    assert_eq!(a(Test::Is(0), Some(Value::Choices(0b110))), False);
    assert_eq!(a(Test::Is(63), Some(Value::Choices(1 << 63))), True);
    assert_eq!(a(Test::AnyOf(0b101), Some(Value::Choice(2))), True);
    assert_eq!(a(Test::AnyOf(0b101), Some(Value::Choice(1))), False);
    assert_eq!(a(Test::AnyOf(0b101), Some(Value::Choices(0b010))), False);
    assert_eq!(a(Test::AnyOf(0b101), Some(Value::Choices(0b011))), True);
    assert_eq!(a(Test::AnyOf(0b101), Some(Value::CannotSay)), Unknown);
    assert_eq!(
        a(Test::Cmp(CmpOp::Ge, 39.0), Some(Value::Number(39.0))),
        True
    );
    assert_eq!(
        a(Test::Cmp(CmpOp::Gt, 39.0), Some(Value::Number(39.0))),
        False
    );
    assert_eq!(
        a(Test::Cmp(CmpOp::Le, 39.0), Some(Value::Number(39.0))),
        True
    );
    assert_eq!(
        a(Test::Cmp(CmpOp::Lt, 39.0), Some(Value::Number(39.0))),
        False
    );
    assert_eq!(
        a(Test::Cmp(CmpOp::Lt, 39.0), Some(Value::CannotSay)),
        Unknown
    );
    assert_eq!(a(Test::Between(1.0, 2.0), Some(Value::Number(1.0))), True);
    assert_eq!(a(Test::Between(1.0, 2.0), Some(Value::Number(2.0))), True);
    assert_eq!(a(Test::Between(1.0, 2.0), Some(Value::Number(2.5))), False);
    assert_eq!(a(Test::Between(1.0, 2.0), None), Unknown);
    // A value of the wrong kind (which a validated call cannot hold) is never true.
    assert_ne!(a(Test::Yes, Some(Value::Number(1.0))), True);
    assert_ne!(a(Test::Cmp(CmpOp::Ge, 0.0), Some(Value::Yes)), True);
    assert_ne!(a(Test::Is(0), Some(Value::Number(0.0))), True);
}

#[test]
fn visit_atoms_walks_every_atom() {
    let c = Condition::All(vec![
        atom(0, Test::Yes),
        not(Condition::Any(vec![
            atom(1, Test::No),
            atom(2, Test::Answered),
        ])),
    ]);
    let mut seen = Vec::new();
    visit_atoms(&c, &mut |a| seen.push(a.question.0));
    assert_eq!(seen, [0, 1, 2]);
}

// ---------------------------------------------------------------------------------------------
// Red flags

#[test]
fn a_red_flag_yes_wins_whatever_the_reasons() {
    let g = fx();
    let mut answers = fever_39_5();
    answers[0] = ("rf_chest", Answer::Yes);
    answers.push(("no_food", Answer::Yes));
    let e = evaluate(g, &call(g, &["cough", "social"], &answers));
    let p = e.proposal.as_ref().expect("proposal");
    assert_eq!(p.winner, Decider::RedFlag(0));
    assert_eq!(p.winner.id(g), "rf_chest");
    assert_eq!(winner_tf(g, &e), "emergency");
    assert!(p.red_flag_hit);
    assert!(p.leaves_flow(g));
    assert_eq!(
        dids(g, &p.matched),
        ["rf_chest", "cough_high_fever", "social_urgent"]
    );
    assert_eq!(qids(g, &p.because), ["rf_chest"]);
    // Each reason still has its own decision.
    assert_eq!(
        p.per_reason,
        [
            (r(g, "cough"), rule(g, "cough_high_fever")),
            (r(g, "social"), rule(g, "social_urgent"))
        ]
    );
}

#[test]
fn a_red_flag_cannot_say_counts_as_yes_by_default() {
    let g = fx();
    let e = evaluate(
        g,
        &call(
            g,
            &["cough"],
            &[("rf_chest", Answer::CannotSay), ("rf_confused", Answer::No)],
        ),
    );
    let p = e.proposal.as_ref().expect("proposal");
    assert_eq!(p.winner, Decider::RedFlag(0));
    assert!(p.red_flag_hit);
    assert_eq!(winner_tf(g, &e), "emergency");
    assert_eq!(qids(g, &p.because), ["rf_chest"]);
}

#[test]
fn a_red_flag_with_cannot_say_is_yes_false_is_not_hit_by_cannot_say() {
    let g = fx();
    assert!(!g.red_flags[1].cannot_say_is_yes);
    let e = evaluate(
        g,
        &call(
            g,
            &["cough"],
            &[("rf_chest", Answer::No), ("rf_confused", Answer::CannotSay)],
        ),
    );
    let p = e.proposal.as_ref().expect("proposal");
    assert!(!p.red_flag_hit);
    assert_eq!(dids(g, &p.matched), ["cough.fallback"]);
    assert!(!p.leaves_flow(g));
    // Without a reason, that is nothing to propose.
    let e = evaluate(
        g,
        &call(
            g,
            &[],
            &[("rf_chest", Answer::No), ("rf_confused", Answer::CannotSay)],
        ),
    );
    assert_eq!(e.proposal, None);
}

#[test]
fn an_on_call_red_flag_beats_a_scheduled_rule() {
    let g = fx();
    let mut answers = fever_39_5();
    answers[1] = ("rf_confused", Answer::Yes);
    let e = evaluate(g, &call(g, &["cough"], &answers));
    let p = e.proposal.as_ref().expect("proposal");
    assert_eq!(p.winner, Decider::RedFlag(1));
    assert_eq!(p.winner.id(g), "rf_confused");
    assert_eq!(winner_tf(g, &e), "on_call");
    assert!(p.leaves_flow(g));
    assert_eq!(dids(g, &p.matched), ["rf_confused", "cough_high_fever"]);
}

#[test]
fn of_two_red_flags_the_more_urgent_wins() {
    let g = fx();
    let e = evaluate(
        g,
        &call(
            g,
            &[],
            &[("rf_chest", Answer::Yes), ("rf_confused", Answer::Yes)],
        ),
    );
    let p = e.proposal.as_ref().expect("proposal");
    assert_eq!(dids(g, &p.matched), ["rf_chest", "rf_confused"]);
    assert_eq!(p.winner, Decider::RedFlag(0));
}

#[test]
fn a_red_flag_yes_without_a_reason_still_proposes() {
    let g = fx();
    let e = evaluate(g, &call(g, &[], &[("rf_confused", Answer::Yes)]));
    let p = e.proposal.as_ref().expect("proposal");
    assert_eq!(p.winner, Decider::RedFlag(1));
    assert!(p.red_flag_hit);
    assert!(p.per_reason.is_empty());
    assert_eq!(winner_tf(g, &e), "on_call");
}

#[test]
fn no_reason_and_no_red_flag_hit_proposes_nothing() {
    let g = fx();
    assert_eq!(evaluate(g, &Call::new(g)).proposal, None);
    let e = evaluate(g, &call(g, &[], &calm(&[("age", Answer::Number(90.0))])));
    assert_eq!(e.proposal, None);
    // Removing the only reason takes the proposal away again.
    let mut c = call(g, &["cough"], &calm(&[]));
    assert!(evaluate(g, &c).proposal.is_some());
    c.remove_reason(r(g, "cough"));
    assert_eq!(evaluate(g, &c).proposal, None);
}

// ---------------------------------------------------------------------------------------------
// PRIORITY hit policy

#[test]
fn ties_go_to_the_rule_standing_first_in_the_guidance() {
    let g = fx();
    let mut answers = fever_39_5();
    answers.insert(0, ("age", Answer::Number(80.0)));
    let e = evaluate(g, &call(g, &["cough"], &answers));
    let p = e.proposal.as_ref().expect("proposal");
    assert_eq!(dids(g, &p.matched), ["cough_high_fever", "cough_old"]);
    assert_eq!(p.winner, rule(g, "cough_high_fever"));
    let o = p.outcome(g);
    assert_eq!(
        o.professional.map(|x| g.professional(x).id.as_str()),
        Some("doctor")
    );
    assert_eq!(
        o.modes
            .iter()
            .map(|m| g.mode(*m).id.as_str())
            .collect::<Vec<_>>(),
        ["visit"]
    );
}

#[test]
fn a_more_urgent_later_rule_beats_an_earlier_less_urgent_one() {
    let g = fx();
    let e = evaluate(
        g,
        &call(
            g,
            &["cough"],
            &calm(&[
                ("fever", Answer::No),
                ("kind", Answer::Choice("dry".into())),
                ("age", Answer::Number(75.0)),
            ]),
        ),
    );
    let p = e.proposal.as_ref().expect("proposal");
    assert_eq!(dids(g, &p.matched), ["cough_mild", "cough_old"]);
    assert_eq!(p.winner, rule(g, "cough_old"));
    assert_eq!(winner_tf(g, &e), "days_1_3");
    assert_eq!(qids(g, &p.because), ["age"]);
}

#[test]
fn the_age_threshold_is_inclusive() {
    let g = fx();
    let w = |age: f64| {
        winner_id(
            g,
            &evaluate(
                g,
                &call(g, &["cough"], &calm(&[("age", Answer::Number(age))])),
            ),
        )
    };
    assert_eq!(w(74.0), "cough.fallback");
    assert_eq!(w(75.0), "cough_old");
    // The age is whole years (no decimals): 74.9 is refused, not evaluated as under 75.
    let err = Call::from_ids(g, ["cough"], [("age", &Answer::Number(74.9))]);
    assert!(
        matches!(err, Err(AnswerError::TooManyDecimals { .. })),
        "{err:?}"
    );
}

#[test]
fn ties_across_reasons_go_to_guidance_order_not_the_order_added() {
    let g = fx();
    let mut answers = fever_39_5();
    answers.push(("no_food", Answer::Yes));
    let e = evaluate(g, &call(g, &["social", "cough"], &answers));
    let p = e.proposal.as_ref().expect("proposal");
    assert_eq!(dids(g, &p.matched), ["cough_high_fever", "social_urgent"]);
    assert_eq!(p.winner, rule(g, "cough_high_fever"));
}

// ---------------------------------------------------------------------------------------------
// Several reasons

#[test]
fn with_two_reasons_the_more_urgent_wins_and_each_keeps_its_own_decision() {
    let g = fx();
    let mut answers = fever_39_5();
    answers.push(("no_food", Answer::No));
    let e = evaluate(g, &call(g, &["social", "cough"], &answers));
    let p = e.proposal.as_ref().expect("proposal");
    assert_eq!(p.winner, rule(g, "cough_high_fever"));
    assert_eq!(
        p.per_reason,
        [
            (r(g, "social"), Decider::Fallback(r(g, "social"))),
            (r(g, "cough"), rule(g, "cough_high_fever")),
        ]
    );
    // Standing order is the guidance's, whatever the order added.
    assert_eq!(dids(g, &p.matched), ["cough_high_fever", "social.fallback"]);

    // The other way round: the social rule is the more urgent.
    let e = evaluate(
        g,
        &call(g, &["cough", "social"], &calm(&[("no_food", Answer::Yes)])),
    );
    let p = e.proposal.as_ref().expect("proposal");
    assert_eq!(p.winner, rule(g, "social_urgent"));
    assert_eq!(
        p.per_reason,
        [
            (r(g, "cough"), Decider::Fallback(r(g, "cough"))),
            (r(g, "social"), rule(g, "social_urgent")),
        ]
    );
    assert_eq!(dids(g, &p.matched), ["cough.fallback", "social_urgent"]);
}

#[test]
fn each_reason_decides_by_its_own_most_urgent_rule() {
    let g = fx();
    let e = evaluate(
        g,
        &call(
            g,
            &["cough", "social"],
            &calm(&[
                ("fever", Answer::No),
                ("kind", Answer::Choice("dry".into())),
                ("age", Answer::Number(80.0)),
            ]),
        ),
    );
    let p = e.proposal.as_ref().expect("proposal");
    assert_eq!(
        p.per_reason,
        [
            (r(g, "cough"), rule(g, "cough_old")),
            (r(g, "social"), Decider::Fallback(r(g, "social"))),
        ]
    );
    assert_eq!(p.winner, rule(g, "cough_old"));
    // Both at days_1_3 and days_1_7: no fallback of a reason with a matching rule.
    assert_eq!(
        dids(g, &p.matched),
        ["cough_mild", "cough_old", "social.fallback"]
    );
}

// ---------------------------------------------------------------------------------------------
// Why

#[test]
fn because_lists_the_answers_behind_the_winning_rule() {
    let g = fx();
    let e = evaluate(g, &call(g, &["cough"], &fever_39_5()));
    assert_eq!(
        qids(g, &e.proposal.as_ref().expect("proposal").because),
        ["fever", "temp"]
    );

    let e = evaluate(
        g,
        &call(g, &["cough"], &calm(&[("age", Answer::Number(80.0))])),
    );
    assert_eq!(
        qids(g, &e.proposal.as_ref().expect("proposal").because),
        ["age"]
    );

    let e = evaluate(
        g,
        &call(
            g,
            &["cough"],
            &calm(&[
                ("kind", Answer::Choice("dry".into())),
                ("fever", Answer::No),
            ]),
        ),
    );
    assert_eq!(
        qids(g, &e.proposal.as_ref().expect("proposal").because),
        ["fever", "kind"],
        "in question order, not answer order"
    );
}

#[test]
fn decider_ids_descriptions_and_locations() {
    let g = fx();
    let cough = r(g, "cough");
    assert_eq!(Decider::Fallback(cough).id(g), "cough.fallback");
    assert_eq!(Decider::Fallback(r(g, "social")).id(g), "social.fallback");
    assert_eq!(g.reason(cough).fallback_id(), "cough.fallback");
    assert_eq!(Decider::RedFlag(0).id(g), "rf_chest");
    assert_eq!(Decider::RedFlag(1).id(g), "rf_confused");
    assert_eq!(rule(g, "cough_old").id(g), "cough_old");

    assert_eq!(Decider::RedFlag(0).description(g).en, "Chest pain?");
    assert_eq!(Decider::Fallback(cough).description(g).fi, "Yskä");
    assert_eq!(rule(g, "cough_high_fever").description(g).sv, "Hög feber");

    assert_eq!(Decider::RedFlag(0).urgency(g), tf(g, "emergency"));
    assert_eq!(Decider::Fallback(cough).urgency(g), tf(g, "days_1_7"));
    assert_eq!(rule(g, "cough_mild").urgency(g), tf(g, "self_care"));

    let loc = |d: Decider| g.describe_location(d.location(g));
    assert!(
        loc(rule(g, "cough_high_fever")).ends_with("reasons/01_cough.ron:18:17"),
        "{}",
        loc(rule(g, "cough_high_fever"))
    );
    assert!(loc(Decider::RedFlag(0)).ends_with("guidance.ron:26:17"));
    assert!(loc(Decider::Fallback(cough)).ends_with("reasons/01_cough.ron:2:9"));
}

// ---------------------------------------------------------------------------------------------
// Date windows

#[test]
fn days_1_3_counts_working_days() {
    let g = fx();
    let d13 = tf(g, "days_1_3");
    let w = window(g, d13, ymd(2026, 11, 23)).expect("a window");
    assert_eq!(
        (w.earliest, w.latest),
        (ymd(2026, 11, 24), ymd(2026, 11, 26))
    );
    let w = window(g, d13, ymd(2026, 11, 27)).expect("a window");
    assert_eq!(
        (w.earliest, w.latest),
        (ymd(2026, 11, 30), ymd(2026, 12, 2))
    );
    let w = window(g, tf(g, "days_1_7"), ymd(2026, 11, 23)).expect("a window");
    assert_eq!(
        (w.earliest, w.latest),
        (ymd(2026, 11, 24), ymd(2026, 12, 2))
    );
}

#[test]
fn timeframes_without_days_have_no_window() {
    let g = fx();
    for id in ["self_care", "emergency", "on_call"] {
        assert_eq!(window(g, tf(g, id), ymd(2026, 11, 23)), None, "{id}");
    }
}

// ---------------------------------------------------------------------------------------------
// Explanation

fn high_fever_explanation(lang: Language) -> (Explanation, &'static Guidance) {
    let g = fx();
    let c = call(g, &["cough"], &fever_39_5());
    let e = evaluate(g, &c);
    let x = explain(g, &c, &e, at("2026-11-23T09:00:00+02:00"), lang).expect("an explanation");
    (x, g)
}

#[test]
fn explanation_in_english() {
    let (x, g) = high_fever_explanation(Language::En);
    let named = |id: &str, label: &str| Named {
        id: id.into(),
        label: label.into(),
    };
    let visit = Mode {
        id: "visit".into(),
        label: "Visit".into(),
        remote: false,
    };
    let expected_window = Some(Window {
        earliest: ymd(2026, 11, 24),
        latest: ymd(2026, 11, 26),
        text: "Contact by Thu 26.11.2026 (earliest Tue 24.11.2026)".into(),
        from: None,
        to: None,
        opens_later: false,
        after_timeframe: false,
    });
    let expected = Explanation {
        guidance: GuidanceRef {
            name: "Test guidance".into(),
            version: "1.0".into(),
            hash: g.provenance.hash.clone(),
        },
        assessed_at: "2026-11-23T09:00:00+02:00".into(),
        reasons: vec![named("cough", "Cough")],
        timeframe: named("days_1_3", "1–3 days"),
        timeframe_code: None,
        window: Some(Window {
            earliest: ymd(2026, 11, 24),
            latest: ymd(2026, 11, 26),
            text: "Contact by Thu 26.11.2026 (earliest Tue 24.11.2026)".into(),
            from: None,
            to: None,
            opens_later: false,
            after_timeframe: false,
        }),
        mode: Some(visit.clone()),
        alternative_modes: vec![],
        professional: Some(named("doctor", "Doctor")),
        service: None,
        when_closed: None,
        nurse_judgement: false,
        advice: "See a doctor".into(),
        worsening: None,
        outside_care_guarantee: false,
        red_flag_hit: false,
        decided_by: named("cough_high_fever", "High fever"),
        because: vec![
            AnswerLine {
                question: "fever".into(),
                text: "Fever?".into(),
                answer: "Yes".into(),
            },
            AnswerLine {
                question: "temp".into(),
                text: "Temperature".into(),
                answer: "39.5 °C".into(),
            },
        ],
        matched: vec![Matched {
            id: "cough_high_fever".into(),
            timeframe: "days_1_3".into(),
        }],
        per_reason: vec![ReasonDecision {
            reason: named("cough", "Cough"),
            decided_by: "cough_high_fever".into(),
            timeframe: named("days_1_3", "1–3 days"),
            mode: Some(visit),
            professional: Some(named("doctor", "Doctor")),
            decided_by_label: "High fever".into(),
            window: expected_window.clone(),
            service: None,
            advice: "See a doctor".into(),
            worsening: None,
        }],
        // age and kind
        questions_left: 2,
        red_flags_unanswered: 0,
    };
    assert_eq!(x, expected);
    assert_eq!(g.provenance.hash.len(), 64);
}

#[test]
fn explanation_in_finnish() {
    let (x, _) = high_fever_explanation(Language::Fi);
    assert_eq!(x.guidance.name, "Testiohje");
    assert_eq!(x.timeframe.label, "1–3 vrk");
    assert_eq!(
        x.window.as_ref().expect("window").text,
        "Yhteys viimeistään to 26.11.2026 (aikaisintaan ti 24.11.2026)"
    );
    assert_eq!(x.mode.as_ref().expect("mode").label, "Käynti");
    assert_eq!(
        x.professional.as_ref().expect("professional").label,
        "Lääkäri"
    );
    assert_eq!(x.advice, "Lääkärille");
    assert_eq!(x.decided_by.label, "Korkea kuume");
    assert_eq!(x.reasons[0].label, "Yskä");
    let answers: Vec<_> = x
        .because
        .iter()
        .map(|a| (a.text.as_str(), a.answer.as_str()))
        .collect();
    assert_eq!(answers, [("Kuumetta?", "Kyllä"), ("Lämpö", "39,5 °C")]);
}

#[test]
fn explanation_in_swedish() {
    let (x, _) = high_fever_explanation(Language::Sv);
    assert_eq!(x.guidance.name, "Testanvisning");
    assert_eq!(x.timeframe.label, "1–3 dygn");
    assert_eq!(
        x.window.as_ref().expect("window").text,
        "Kontakt senast tor 26.11.2026 (tidigast tis 24.11.2026)"
    );
    assert_eq!(x.mode.as_ref().expect("mode").label, "Besök");
    assert_eq!(
        x.professional.as_ref().expect("professional").label,
        "Läkare"
    );
    let answers: Vec<_> = x
        .because
        .iter()
        .map(|a| (a.text.as_str(), a.answer.as_str()))
        .collect();
    assert_eq!(answers, [("Feber?", "Ja"), ("Temperatur", "39,5 °C")]);
}

#[test]
fn explanation_of_alternatives_choices_and_other_matches() {
    let g = fx();
    let c = call(
        g,
        &["cough", "social"],
        &calm(&[
            ("age", Answer::Number(80.0)),
            ("fever", Answer::No),
            ("kind", Answer::Choice("dry".into())),
        ]),
    );
    let e = evaluate(g, &c);
    let x = explain(g, &c, &e, at("2026-11-27T15:00:00+02:00"), Language::En).expect("explains");
    assert_eq!(x.decided_by.id, "cough_old");
    assert_eq!(x.mode.as_ref().expect("mode").id, "phone");
    assert!(x.mode.as_ref().expect("mode").remote);
    assert_eq!(
        x.alternative_modes
            .iter()
            .map(|m| m.id.as_str())
            .collect::<Vec<_>>(),
        ["visit"]
    );
    assert_eq!(x.because.len(), 1);
    assert_eq!(x.because[0].answer, "80 y");
    assert_eq!(
        x.matched
            .iter()
            .map(|m| (m.id.as_str(), m.timeframe.as_str()))
            .collect::<Vec<_>>(),
        [
            ("cough_mild", "self_care"),
            ("cough_old", "days_1_3"),
            ("social.fallback", "days_1_7")
        ]
    );
    assert_eq!(
        x.per_reason
            .iter()
            .map(|d| (d.reason.id.as_str(), d.decided_by.as_str()))
            .collect::<Vec<_>>(),
        [("cough", "cough_old"), ("social", "social.fallback")]
    );
    // Friday afternoon: the window starts on Monday.
    let w = x.window.expect("window");
    assert_eq!(
        (w.earliest, w.latest),
        (ymd(2026, 11, 30), ymd(2026, 12, 2))
    );
    assert_eq!(w.text, "Contact by Wed 2.12.2026 (earliest Mon 30.11.2026)");
    assert_eq!(x.questions_left, 1, "no_food");
}

#[test]
fn explanation_of_a_red_flag_cannot_say() {
    let g = fx();
    let c = call(g, &[], &[("rf_chest", Answer::CannotSay)]);
    let e = evaluate(g, &c);
    let x = explain(g, &c, &e, at("2026-11-23T09:00:00+02:00"), Language::Fi).expect("explains");
    assert!(x.red_flag_hit);
    assert_eq!(x.decided_by.id, "rf_chest");
    assert_eq!(x.decided_by.label, "Rintakipu?");
    assert_eq!(x.timeframe.id, "emergency");
    assert_eq!(x.window, None);
    assert_eq!(x.advice, "Soita 112");
    assert_eq!(x.because.len(), 1);
    assert_eq!(x.because[0].answer, "Ei osaa sanoa");
    assert_eq!(x.red_flags_unanswered, 1);
    assert!(x.reasons.is_empty() && x.per_reason.is_empty());
}

#[test]
fn nothing_to_explain_without_a_proposal() {
    let g = fx();
    let c = Call::new(g);
    let e = evaluate(g, &c);
    assert_eq!(
        explain(g, &c, &e, at("2026-11-23T09:00:00+02:00"), Language::En),
        None
    );
}

// ---------------------------------------------------------------------------------------------
// Answers that do not fit

#[test]
fn resolve_rejects_an_answer_of_the_wrong_kind() {
    let g = fx();
    assert_eq!(
        Value::resolve(g, q(g, "fever"), &Answer::Number(1.0)),
        Err(AnswerError::WrongKind {
            question: "fever".into(),
            expected: "Yes, No or CannotSay",
        })
    );
    assert!(matches!(
        Value::resolve(g, q(g, "temp"), &Answer::Yes),
        Err(AnswerError::WrongKind { .. })
    ));
    assert!(matches!(
        Value::resolve(g, q(g, "kind"), &Answer::Choices(vec!["dry".into()])),
        Err(AnswerError::WrongKind { .. })
    ));
    assert!(matches!(
        Value::resolve(g, q(g, "rf_chest"), &Answer::Choice("dry".into())),
        Err(AnswerError::WrongKind { .. })
    ));
    let e = Value::resolve(g, q(g, "fever"), &Answer::Number(1.0)).expect_err("wrong kind");
    assert_eq!(
        e.to_string(),
        "question `fever` expects Yes, No or CannotSay"
    );
}

#[test]
fn resolve_rejects_an_unknown_option() {
    let g = fx();
    let e = Value::resolve(g, q(g, "kind"), &Answer::Choice("moist".into())).expect_err("no");
    assert_eq!(
        e,
        AnswerError::UnknownOption {
            question: "kind".into(),
            option: "moist".into(),
            known: "dry, wet".into(),
        }
    );
    assert_eq!(
        e.to_string(),
        "question `kind` has no option `moist` (options: dry, wet)"
    );
}

#[test]
fn resolve_rejects_a_number_out_of_range() {
    let g = fx();
    let temp = q(g, "temp");
    let e = Value::resolve(g, temp, &Answer::Number(50.0)).expect_err("out of range");
    assert_eq!(
        e,
        AnswerError::OutOfRange {
            question: "temp".into(),
            value: 50.0,
            min: 34.0,
            max: 43.0,
        }
    );
    assert_eq!(
        e.to_string(),
        "50 is outside the range 34–43 of question `temp`"
    );
    for x in [33.9, 43.1, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert!(
            matches!(
                Value::resolve(g, temp, &Answer::Number(x)),
                Err(AnswerError::OutOfRange { .. })
            ),
            "{x}"
        );
    }
    // The bounds themselves are fine, and so is "cannot say" for any kind.
    assert_eq!(
        Value::resolve(g, temp, &Answer::Number(34.0)),
        Ok(Value::Number(34.0))
    );
    assert_eq!(
        Value::resolve(g, temp, &Answer::Number(43.0)),
        Ok(Value::Number(43.0))
    );
    for id in ["rf_chest", "age", "temp", "kind"] {
        assert_eq!(
            Value::resolve(g, q(g, id), &Answer::CannotSay),
            Ok(Value::CannotSay)
        );
    }
}

#[test]
fn resolve_and_back_again() {
    let g = fx();
    let kind = q(g, "kind");
    assert_eq!(
        Value::resolve(g, kind, &Answer::Choice("wet".into())),
        Ok(Value::Choice(1))
    );
    assert_eq!(
        Value::Choice(1).to_answer(g, kind),
        Answer::Choice("wet".into())
    );
    assert_eq!(
        Value::Number(38.2).to_answer(g, q(g, "temp")),
        Answer::Number(38.2)
    );
}

#[test]
fn from_ids_rejects_unknown_questions_and_reasons() {
    let g = fx();
    let none: [(&str, &Answer); 0] = [];
    assert_eq!(
        Call::from_ids(g, ["flu"], none),
        Err(AnswerError::UnknownReason("flu".into()))
    );
    assert_eq!(
        Call::from_ids(g, ["cough"], [("tmp", &Answer::Yes)]),
        Err(AnswerError::UnknownQuestion("tmp".into()))
    );
    assert_eq!(
        Call::from_ids(g, ["cough"], [("temp", &Answer::Number(99.0))]).map(|_| ()),
        Err(AnswerError::OutOfRange {
            question: "temp".into(),
            value: 99.0,
            min: 34.0,
            max: 43.0
        })
    );
    assert_eq!(
        AnswerError::UnknownReason("flu".into()).to_string(),
        "unknown reason for contact `flu`"
    );
    assert_eq!(
        AnswerError::UnknownQuestion("tmp".into()).to_string(),
        "unknown question `tmp`"
    );
    // Reasons keep the order given, without duplicates.
    let c = Call::from_ids(g, ["social", "cough", "social"], none).expect("valid");
    assert_eq!(c.reasons, [r(g, "social"), r(g, "cough")]);
}

// ---------------------------------------------------------------------------------------------
// Properties over arbitrary calls, on the fixture and on the shipped guidance

/// The shipped guidance; a test that uses it fails when it does not load.
fn shipped() -> &'static Guidance {
    static G: OnceLock<Guidance> = OnceLock::new();
    G.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/default");
        arvio::guidance::load_guidance(&dir)
            .unwrap_or_else(|d| panic!("rules/default does not load: {d:#?}"))
    })
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256)
}

/// One step of a call: answer, change or clear a question, add or remove a reason. The numbers
/// are raw picks that [`apply`] maps onto the guidance at hand.
#[derive(Debug, Clone)]
enum Op {
    Set {
        question: usize,
        pick: u32,
        mask: u64,
        frac: f64,
    },
    Clear(usize),
    AddReason(usize),
    RemoveReason(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => (any::<usize>(), any::<u32>(), any::<u64>(), 0.0f64..=1.0).prop_map(
            |(question, pick, mask, frac)| Op::Set { question, pick, mask, frac }
        ),
        1 => any::<usize>().prop_map(Op::Clear),
        2 => any::<usize>().prop_map(Op::AddReason),
        1 => any::<usize>().prop_map(Op::RemoveReason),
    ]
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec(op(), 0..60)
}

/// Numbers the guidance's conditions compare each question with, to hit the thresholds exactly.
fn thresholds(g: &Guidance) -> HashMap<QuestionId, Vec<f64>> {
    let mut out: HashMap<QuestionId, Vec<f64>> = HashMap::new();
    let mut add = |c: &Condition| {
        visit_atoms(c, &mut |a| {
            let xs: &[f64] = match &a.test {
                Test::Cmp(_, x) => &[*x],
                Test::Between(x, y) => &[*x, *y],
                _ => &[],
            };
            out.entry(a.question).or_default().extend_from_slice(xs);
        })
    };
    for reason in &g.reasons {
        reason.rules.iter().for_each(|r| add(&r.when));
    }
    for question in &g.questions {
        if let Some(c) = &question.ask_if {
            add(c);
        }
    }
    out
}

/// A valid value (or "cannot say") for question `qi` from the raw picks.
fn value_for(
    g: &Guidance,
    qi: QuestionId,
    pick: u32,
    mask: u64,
    frac: f64,
    limits: &HashMap<QuestionId, Vec<f64>>,
) -> Value {
    match &g.question(qi).kind {
        QuestionKind::YesNo => [Value::Yes, Value::No, Value::CannotSay][pick as usize % 3],
        QuestionKind::OneOf(opts) => {
            let k = pick as usize % (opts.len() + 1);
            if k == opts.len() {
                Value::CannotSay
            } else {
                Value::Choice(k as u8)
            }
        }
        QuestionKind::SeveralOf(opts) => {
            if pick.is_multiple_of(5) {
                Value::CannotSay
            } else {
                let all = if opts.len() >= 64 {
                    u64::MAX
                } else {
                    (1u64 << opts.len()) - 1
                };
                Value::Choices(mask & all)
            }
        }
        QuestionKind::Number(spec) => {
            let near = limits.get(&qi).map(Vec::as_slice).unwrap_or(&[]);
            let step = 10f64.powi(-(spec.decimals as i32));
            let x = match pick % 6 {
                0 => return Value::CannotSay,
                1 => spec.min,
                2 => spec.max,
                3 | 4 if !near.is_empty() => {
                    let t = near[(pick as usize / 6) % near.len()];
                    // The threshold itself, or one step either side of it.
                    match (pick / 6) % 3 {
                        0 => t,
                        1 => t - step,
                        _ => t + step,
                    }
                }
                _ => {
                    let x = spec.min + frac * (spec.max - spec.min);
                    (x / step).round() * step
                }
            };
            Value::Number(x.clamp(spec.min, spec.max))
        }
        // Ages and durations: thresholds are in hours; as a nurse types them, a whole number of
        // the question's smallest unit, one unit either side of each threshold.
        QuestionKind::Age(spec) | QuestionKind::Duration(spec) => {
            let unit = spec.units.iter().copied().max().unwrap_or(Unit::Hours);
            let step = unit.hours();
            let near = limits.get(&qi).map(Vec::as_slice).unwrap_or(&[]);
            let hours = match pick % 6 {
                0 => return Value::CannotSay,
                1 => spec.min,
                2 => spec.max,
                3 | 4 if !near.is_empty() => {
                    let t = near[(pick as usize / 6) % near.len()];
                    t + [0.0, -step, step][(pick as usize / 6) % 3]
                }
                _ => spec.min + frac * (spec.max - spec.min),
            };
            let (low, high) = ((spec.min / step).ceil(), (spec.max / step).floor());
            let amount = (hours / step).round().clamp(low, high);
            Value::Quantity(Quantity::new(amount, unit))
        }
        QuestionKind::FreeText => Value::Text,
    }
}

fn apply(g: &Guidance, c: &mut Call, op: &Op, limits: &HashMap<QuestionId, Vec<f64>>) {
    match *op {
        Op::Set {
            question,
            pick,
            mask,
            frac,
        } => {
            let qi = QuestionId((question % g.questions.len()) as u32);
            c.set(qi, Some(value_for(g, qi, pick, mask, frac, limits)));
        }
        Op::Clear(question) => c.set(QuestionId((question % g.questions.len()) as u32), None),
        Op::AddReason(i) if !g.reasons.is_empty() => {
            c.add_reason(ReasonId((i % g.reasons.len()) as u32))
        }
        Op::RemoveReason(i) if !g.reasons.is_empty() => {
            c.remove_reason(ReasonId((i % g.reasons.len()) as u32))
        }
        _ => {}
    }
}

fn build(g: &Guidance, ops: &[Op]) -> Call {
    let limits = thresholds(g);
    let mut c = Call::new(g);
    for op in ops {
        apply(g, &mut c, op, &limits);
    }
    c
}

/// Indices of the red flags the call hits.
fn hits(g: &Guidance, c: &Call) -> Vec<usize> {
    g.red_flags
        .iter()
        .enumerate()
        .filter(|(_, rf)| match c.answer(rf.question) {
            Some(Value::Yes) => true,
            Some(Value::CannotSay) => rf.cannot_say_is_yes,
            _ => false,
        })
        .map(|(i, _)| i)
        .collect()
}

/// Every invariant of one evaluation; returns the evaluation for further checks.
fn check_invariants(g: &Guidance, c: &Call) -> Result<Evaluation, TestCaseError> {
    let e = evaluate(g, c);

    // Deterministic, and independent of the order in which the answers were given.
    prop_assert_eq!(&e, &evaluate(g, c));
    prop_assert_eq!(&e, &evaluate(g, &c.clone()));
    let mut rebuilt = Call::new(g);
    for &reason in &c.reasons {
        rebuilt.add_reason(reason);
    }
    let answered: Vec<_> = c.answered().collect();
    for &(qi, v) in answered.iter().rev() {
        rebuilt.set(qi, Some(v));
    }
    prop_assert_eq!(&e, &evaluate(g, &rebuilt));

    // Every answer survives a round trip through its ids.
    for &(qi, v) in &answered {
        prop_assert_eq!(Value::resolve(g, qi, &v.to_answer(g, qi)), Ok(v));
    }

    // The questions: the basics read, then the red flags in scope (every global one among them,
    // in guidance order) before anything else, no repeats, only the call's reasons.
    let is_red_flag = |q| g.red_flags.iter().any(|rf| rf.question == q);
    let skip_basics = e
        .questions
        .iter()
        .take_while(|q| g.basics.contains(q))
        .count();
    let in_scope = e.questions[skip_basics..]
        .iter()
        .take_while(|&&q| is_red_flag(q))
        .count();
    let globals: Vec<_> = g
        .red_flags
        .iter()
        .filter(|rf| rf.is_global())
        .map(|rf| rf.question)
        .collect();
    prop_assert!(in_scope >= globals.len());
    prop_assert_eq!(
        &e.questions[skip_basics..skip_basics + globals.len()],
        &globals[..]
    );
    prop_assert!(
        e.questions[skip_basics + in_scope..]
            .iter()
            .all(|&q| !is_red_flag(q))
    );
    let mut seen = std::collections::HashSet::new();
    for &qi in &e.questions {
        prop_assert!(
            seen.insert(qi),
            "question {} listed twice",
            g.question(qi).id
        );
        if let arvio::guidance::Part::Reason(reason) = g.question(qi).part {
            prop_assert!(c.has_reason(reason));
        }
    }
    prop_assert_eq!(
        e.red_flags_unanswered,
        e.questions[skip_basics..skip_basics + in_scope]
            .iter()
            .filter(|&&q| c.answer(q).is_none())
            .count()
    );

    // `next` is the first unanswered question, and none iff all are answered.
    prop_assert_eq!(
        e.next.is_none(),
        e.questions.iter().all(|&qi| c.answer(qi).is_some())
    );
    prop_assert_eq!(
        e.next,
        e.questions
            .iter()
            .copied()
            .find(|&qi| c.answer(qi).is_none())
    );
    prop_assert_eq!(e.complete(), e.next.is_none());

    // A proposal exists iff a reason is chosen or a red flag is hit.
    let hit = hits(g, c);
    prop_assert_eq!(
        e.proposal.is_some(),
        !c.reasons.is_empty() || !hit.is_empty()
    );
    if let Some(p) = &e.proposal {
        check_proposal(g, c, &e, p, &hit)?;
    }

    // The explanation exists exactly when there is a proposal, in every language.
    for lang in Language::ALL {
        let x = explain(g, c, &e, at("2026-11-27T15:00:00+02:00"), lang);
        prop_assert_eq!(x.is_some(), e.proposal.is_some());
        if let (Some(x), Some(p)) = (x, &e.proposal) {
            prop_assert_eq!(x.decided_by.id, p.winner.id(g));
            prop_assert_eq!(x.red_flag_hit, p.red_flag_hit);
            prop_assert_eq!(x.because.len(), p.because.len());
        }
    }
    Ok(e)
}

/// The invariants of a proposal: red flags, the winner among the matches, one decision per
/// reason, and the answers behind it; `hit` is the red flags answered yes.
fn check_proposal(
    g: &Guidance,
    c: &Call,
    e: &Evaluation,
    p: &arvio::engine::Proposal,
    hit: &[usize],
) -> Result<(), TestCaseError> {
    let w = p.winner.urgency(g);
    prop_assert_eq!(p.red_flag_hit, !hit.is_empty());
    // Never less urgent than a red flag answered yes.
    for &i in hit {
        let rf = g.red_flags[i].outcome.timeframe;
        prop_assert!(
            w <= rf,
            "red flag {} ({}) hit but the proposal is {}",
            g.question(g.red_flags[i].question).id,
            g.timeframe(rf).id,
            g.timeframe(w).id
        );
        prop_assert!(p.matched.contains(&Decider::RedFlag(i)));
    }
    if let Some(most) = hit.iter().map(|&i| g.red_flags[i].outcome.timeframe).min() {
        prop_assert!(
            matches!(p.winner, Decider::RedFlag(_)) || w < most,
            "a rule that only ties with a red flag must not win over it"
        );
    }
    for d in &p.matched {
        if let Decider::RedFlag(i) = d {
            prop_assert!(hit.contains(i));
        }
    }
    // The winner is the first of the most urgent matches.
    prop_assert!(p.matched.contains(&p.winner));
    prop_assert_eq!(Some(w), p.matched.iter().map(|d| d.urgency(g)).min());
    prop_assert_eq!(
        p.matched.iter().find(|d| d.urgency(g) == w),
        Some(&p.winner)
    );
    let standing = |d: &Decider| match *d {
        Decider::RedFlag(i) => (0, i, 0),
        Decider::Rule { reason, rule } => (1, reason.index(), rule),
        Decider::Fallback(reason) => (1, reason.index(), usize::MAX),
    };
    prop_assert!(
        p.matched
            .windows(2)
            .all(|w| standing(&w[0]) < standing(&w[1])),
        "matched is not in standing order: {:?}",
        p.matched
    );
    // One decision per reason, in the order added, each from its own reason.
    prop_assert_eq!(
        p.per_reason.iter().map(|(r, _)| *r).collect::<Vec<_>>(),
        c.reasons.clone()
    );
    for (reason, d) in &p.per_reason {
        match d {
            Decider::Rule { reason: of, .. } | Decider::Fallback(of) => {
                prop_assert_eq!(of, reason)
            }
            Decider::RedFlag(_) => prop_assert!(false, "a red flag as a reason's decision"),
        }
        prop_assert!(p.matched.contains(d));
        prop_assert!(w <= d.urgency(g));
    }
    // The answers behind the decision were asked and given; a red flag answered yes counts even
    // out of scope (H-38: a removed reason or a later age never takes back an emergency).
    let hit_flags: Vec<_> = hits(g, c)
        .iter()
        .map(|&i| g.red_flags[i].question)
        .collect();
    for &qi in &p.because {
        prop_assert!(
            e.questions.contains(&qi) || hit_flags.contains(&qi),
            "{} not asked",
            g.question(qi).id
        );
        prop_assert!(c.answer(qi).is_some());
    }
    Ok(())
}

/// Rules and red flags that matched (fallbacks aside).
fn fired(e: &Evaluation) -> Vec<Decider> {
    e.proposal
        .as_ref()
        .map(|p| {
            p.matched
                .iter()
                .copied()
                .filter(|d| !matches!(d, Decider::Fallback(_)))
                .collect()
        })
        .unwrap_or_default()
}

fn monotone(g: &Guidance, ops: &[Op], extra: &Op) -> Result<(), TestCaseError> {
    let before = build(g, ops);
    let Op::Set { question, .. } = *extra else {
        return Ok(());
    };
    let qi = QuestionId((question % g.questions.len()) as u32);
    if before.answer(qi).is_some() {
        return Ok(());
    }
    let mut after = before.clone();
    apply(g, &mut after, extra, &thresholds(g));
    let (a, b) = (evaluate(g, &before), evaluate(g, &after));
    let (fa, fb) = (fired(&a), fired(&b));
    for d in &fa {
        prop_assert!(
            fb.contains(d),
            "answering {} un-fired {}",
            g.question(qi).id,
            d.id(g)
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        // Integration tests have no lib.rs beside them to keep regressions in.
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases())
    })]

    #[test]
    fn invariants_hold_on_the_fixture(ops in ops()) {
        let g = fx();
        check_invariants(g, &build(g, &ops))?;
    }

    #[test]
    fn invariants_hold_on_the_shipped_guidance(ops in ops()) {
        let g = shipped();
        check_invariants(g, &build(g, &ops))?;
    }

    /// Kleene logic is monotone: answering a question that had no answer (with anything,
    /// "cannot say" included) never takes back a rule or red flag that had already fired.
    #[test]
    fn answering_never_unfires_a_rule(ops in ops(), extra in op()) {
        monotone(fx(), &ops, &extra)?;
        monotone(shipped(), &ops, &extra)?;
    }
}

// ---------------------------------------------------------------------------------------------
// The effective outcome at the assessment time (format 2's services and `when_closed`)

/// The fixture with services, hour timeframes and out-of-hours outcomes, loaded once.
fn fx_services() -> &'static Guidance {
    static G: OnceLock<Guidance> = OnceLock::new();
    G.get_or_init(|| load(services_fixture().path()))
}

/// The invariants of the one time-dependent step: the effective outcome is never less urgent
/// than the engine's proposal (so a red flag answered yes is never outranked at any time, and
/// "cannot say" cannot become reassuring through opening hours); `when_closed` applies exactly
/// when the service cannot meet the window; a window never starts before the time; explain uses
/// the same step.
fn check_effective(g: &Guidance, c: &Call, minutes: u32) -> Result<(), TestCaseError> {
    let e = check_invariants(g, c)?;
    let Some(p) = &e.proposal else {
        return Ok(());
    };
    let at = at("2026-12-14T00:00:00+02:00") + chrono::Duration::minutes(i64::from(minutes));
    let local = at.naive_local();
    let eff = arvio::effective::Effective::of_proposal(g, p, local);
    let own = p.outcome(g);
    prop_assert!(eff.outcome.timeframe <= own.timeframe);
    for &i in &hits(g, c) {
        prop_assert!(eff.outcome.timeframe <= g.red_flags[i].outcome.timeframe);
    }
    let cannot = arvio::effective::cannot_meet(g, own, local);
    prop_assert_eq!(eff.replaced.is_some(), own.when_closed.is_some() && cannot);
    if let Some(w) = eff.window {
        prop_assert!(
            w.earliest >= local && w.latest >= w.earliest,
            "{w:?} at {local}"
        );
        if let Some(s) = eff.outcome.service {
            prop_assert!(arvio::opening_hours::is_open(
                &g.service(s).hours,
                w.earliest
            ));
        }
    }
    let x = explain(g, c, &e, at, Language::En).expect("explained");
    prop_assert_eq!(&x.timeframe.id, &g.timeframe(eff.outcome.timeframe).id);
    prop_assert_eq!(x.when_closed.is_some(), eff.replaced.is_some());
    prop_assert_eq!(x.decided_by.id, p.winner.id(g));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases())
    })]

    /// Four weeks from 14 December 2026, Christmas and New Year included, minute by minute.
    #[test]
    fn effective_outcomes_keep_the_invariants(ops in ops(), minutes in 0u32..(60 * 24 * 28)) {
        let g = fx_services();
        check_effective(g, &build(g, &ops), minutes)?;
    }
}
