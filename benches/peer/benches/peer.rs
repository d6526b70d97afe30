//! Peer benchmark (issues 8 and 12): the decision of one reason, `urinary`, evaluated by Arvio's
//! engine on the shipped guidance and by GoRules' zen-engine on the same decision written as a
//! JDM graph (`urinary.json`), on the same calls in one run.
//!
//! Before anything is timed, both engines must give the same timeframe, contact mode,
//! professional, service, deciding rule and red flags asked on every input: the shipped urinary
//! scenarios, every combination of a grid of answers to the questions the reason reads (unanswered
//! and "cannot say" included, ages at each threshold and one unit either side), an age sweep in
//! every unit, and the shipped scenarios with each red flag answered yes, "cannot say" or left
//! unanswered. Then criterion times both engines on the shipped scenarios and on a sample of the
//! grid, and a last measurement prints the mean time per evaluation and the ratio zen/Arvio.
//!
//! The table is written by hand; how each condition maps to cells is told in docs/PERFORMANCE.md.
//! In short: a JSON field per question the decision reads (every red flag, the basics `age` and
//! `sex`, the risk factor `rf_conditions`, the pool questions `fever` and `sepsis_signs`, the
//! reason's two questions) with `"yes"`, `"no"`, `"cannot_say"`, an option id, an array of option
//! ids or, for the age, its hours; no field for an unanswered question. The decision table has hit
//! policy "first" with the rows in urgency order and then in Arvio's standing order, which is what
//! PRIORITY selects for one reason whose fallback is its least urgent outcome; a rule whose
//! condition is an `Any` becomes one row per alternative. A second table collects the red flags a
//! urinary call asks (the global ones and those scoped to urinary whose `ask_if` is not definitely
//! false).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use arvio::call::{Answer, Call, Value};
use arvio::engine::evaluate;
use arvio::guidance::{Guidance, QuestionId, load_guidance};
use arvio::quantity::Quantity;
use arvio::scenario::load_scenarios;
use criterion::{Criterion, Throughput};
use futures::executor::block_on;
use serde_json::{Map, json};
use zen_engine::Decision;
use zen_engine::model::GraphContent;
use zen_engine::{Variable, ZEN_CONFIG};

#[path = "../args.rs"]
mod args;
use args::Args;

/// How many grid calls the timed "generated" set takes: the `i * SPREAD`-th modulo the grid's
/// size, a prime spread that reaches every axis (the grid's size is 2^11 · 3^4 · 5).
const GENERATED_TIMED: usize = 1_000;
const SPREAD: usize = 104_729;

/// Every red flag of the guidance, in its standing order (guidance.ron, then the reason files'
/// own): Arvio counts a red flag answered yes whether or not it is in scope now (H-38), so the
/// table reads them all. Checked against the guidance in `Peer::new`.
const RED_FLAGS: [&str; 31] = [
    "red_chest_pain",
    "red_breathing",
    "red_stroke",
    "red_consciousness",
    "red_danger",
    "red_meningitis",
    "red_petechiae",
    "red_child_petechiae",
    "red_infant_fever",
    "red_general_condition",
    "red_sudden_confusion",
    "red_bleeding",
    "red_anaphylaxis",
    "red_seizure",
    "red_hypoglycaemia",
    "red_headache",
    "red_pregnancy_urgent",
    "red_testicle",
    "red_msk_cauda",
    "red_cp_tearing",
    "red_palp_faint",
    "red_br_sudden",
    "red_abd_severe",
    "red_abd_cardiac_shock",
    "red_faint_danger",
    "red_diz_neuro",
    "red_eye_chemical",
    "red_eye_vision",
    "red_head_injury_danger",
    "red_leg_embolism",
    "red_leg_ischaemia",
];
/// The basics, the risk factor, the pool questions and the reason's own questions it reads.
const OTHER_FIELDS: [&str; 7] = [
    "age",
    "sex",
    "rf_conditions",
    "fever",
    "sepsis_signs",
    "uti_symptoms",
    "uti_factors",
];

fn guidance_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules/default")
}

/// An age in hours for zen-engine, by the guidance format's exact conversion (1 year = 12 months
/// = 365.25 days, 1 week = 7 days, 1 day = 24 hours), written out here rather than taken from
/// Arvio, so that a wrong conversion on either side shows as a disagreement.
fn hours(q: Quantity) -> f64 {
    match q {
        Quantity::Years(n) => n * 365.25 * 24.0,
        Quantity::Months(n) => n * 365.25 * 24.0 / 12.0,
        Quantity::Weeks(n) => n * 7.0 * 24.0,
        Quantity::Days(n) => n * 24.0,
        Quantity::Hours(n) => n,
    }
}

/// What a proposal says: timeframe, first contact mode, professional, service and deciding rule,
/// by id, and the red flags the call asks, in the ask order.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Outcome {
    timeframe: Option<String>,
    mode: Option<String>,
    professional: Option<String>,
    service: Option<String>,
    rule: Option<String>,
    asked_red_flags: Vec<String>,
}

struct Peer {
    guidance: Guidance,
    decision: Decision,
    fields: Vec<(&'static str, QuestionId)>,
}

impl Peer {
    fn new() -> Peer {
        let guidance = load_guidance(&guidance_dir()).expect("the shipped guidance loads");
        let shipped: Vec<&str> = guidance
            .red_flags
            .iter()
            .map(|rf| guidance.question(rf.question).id.as_str())
            .collect();
        assert_eq!(
            shipped, RED_FLAGS,
            "urinary.json reads every red flag of the shipped guidance in its standing order"
        );
        assert!(
            guidance.red_flags.iter().all(|rf| rf.cannot_say_is_yes),
            "urinary.json counts \"cannot say\" as yes on every red flag"
        );
        let content: GraphContent =
            serde_json::from_str(include_str!("../urinary.json")).expect("urinary.json parses");
        let mut decision = Decision::from(Arc::new(content));
        // zen at its fastest: every cell precompiled and the table's column indexes built, and
        // no copy of every node's output in the context (`$nodes`, which the table does not use).
        decision.compile();
        ZEN_CONFIG.nodes_in_context.store(false, Ordering::Relaxed);
        decision.validate().expect("urinary.json is a valid graph");
        let fields = RED_FLAGS
            .iter()
            .chain(OTHER_FIELDS.iter())
            .map(|&id| {
                let q = guidance
                    .question_by_id(id)
                    .unwrap_or_else(|| panic!("question `{id}` in the shipped guidance"));
                (id, q)
            })
            .collect();
        Peer {
            guidance,
            decision,
            fields,
        }
    }

    /// The call's answers as zen-engine's input: one field per question the table reads.
    fn json(&self, call: &Call) -> Variable {
        let mut object = Map::new();
        for &(id, q) in &self.fields {
            let Some(value) = call.answer(q) else {
                continue;
            };
            let v = match value.to_answer(&self.guidance, q) {
                Answer::Yes => json!("yes"),
                Answer::No => json!("no"),
                Answer::CannotSay => json!("cannot_say"),
                Answer::Choice(option) => json!(option),
                Answer::Choices(options) => json!(options),
                Answer::Number(x) => json!(x),
                Answer::Age(x) | Answer::Duration(x) => json!(hours(x)),
                Answer::Text(_) => panic!("the table reads no free text (`{id}`)"),
            };
            object.insert(id.to_owned(), v);
        }
        serde_json::Value::Object(object).into()
    }

    fn arvio(&self, call: &Call) -> Outcome {
        let g = &self.guidance;
        let evaluation = evaluate(g, call);
        let asked_red_flags = evaluation
            .questions
            .iter()
            .filter(|&&q| g.red_flag_index(q).is_some())
            .map(|&q| g.question(q).id.clone())
            .collect();
        let Some(p) = evaluation.proposal else {
            return Outcome {
                timeframe: None,
                mode: None,
                professional: None,
                service: None,
                rule: None,
                asked_red_flags,
            };
        };
        let o = p.outcome(g);
        Outcome {
            timeframe: Some(g.timeframe(o.timeframe).id.clone()),
            mode: o.modes.first().map(|&m| g.mode(m).id.clone()),
            professional: o.professional.map(|p| g.professional(p).id.clone()),
            service: o.service.map(|s| g.service(s).id.clone()),
            rule: Some(p.winner.id(g)),
            asked_red_flags,
        }
    }

    fn zen(&self, input: &Variable) -> Outcome {
        let response = block_on(self.decision.evaluate(input.clone()))
            .unwrap_or_else(|e| panic!("zen-engine fails on {input}: {e:?}"));
        let result = response.result.to_value();
        let field = |name: &str| result.get(name).and_then(|v| v.as_str()).map(String::from);
        let asked_red_flags = result
            .get("asked_red_flags")
            .and_then(|v| v.as_array())
            .map(|flags| {
                flags
                    .iter()
                    .filter_map(|f| f.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        Outcome {
            timeframe: field("timeframe"),
            mode: field("mode"),
            professional: field("professional"),
            service: field("service"),
            rule: field("rule"),
            asked_red_flags,
        }
    }

    /// A urinary call with every red flag answered no and the given answers.
    fn call(&self, answers: &[(&str, Option<Answer>)]) -> Call {
        let g = &self.guidance;
        let mut call = Call::new(g);
        call.add_reason(g.reason_by_id("urinary").expect("reason `urinary`"));
        for rf in &g.red_flags {
            call.set(rf.question, Some(Value::No));
        }
        for (id, answer) in answers {
            let q = g.question_by_id(id).expect("a question of the guidance");
            let value = answer
                .as_ref()
                .map(|a| Value::resolve(g, q, a).expect("the answer fits its question"));
            call.set(q, value);
        }
        call
    }
}

/// The shipped scenarios whose only reason is `urinary`.
fn scenario_calls(peer: &Peer) -> Vec<Call> {
    let (scenarios, problems) = load_scenarios(&guidance_dir());
    assert!(
        problems.is_empty(),
        "the shipped scenarios load: {problems:?}"
    );
    scenarios
        .iter()
        .filter(|s| s.raw.reasons.len() == 1 && s.raw.reasons[0].value == "urinary")
        .map(|s| s.call(&peer.guidance).expect("the scenario's call"))
        .collect()
}

/// The age thresholds the decision reads, each as its own unit and one unit either side:
/// `red_infant_fever` (3 months), `uti_small_child` (2 years), `red_pregnancy_urgent` (12 and 55
/// years), `uti_phone_protocol` and `uti_sample_and_doctor` (18 and 65 years).
fn threshold_ages() -> Vec<Option<Answer>> {
    let mut ages = vec![None, Some(Answer::CannotSay)];
    for n in [2.0, 3.0, 4.0] {
        ages.push(Some(Answer::Age(Quantity::Months(n))));
    }
    for threshold in [2.0, 12.0, 18.0, 55.0, 65.0] {
        for n in [threshold - 1.0, threshold, threshold + 1.0] {
            ages.push(Some(Answer::Age(Quantity::Years(n))));
        }
    }
    ages
}

/// Every combination of a grid of answers to the questions the decision reads, red flags no
/// (built one call at a time: the grid has 829,440 calls).
struct Grid(Vec<(&'static str, Vec<Option<Answer>>)>);

impl Grid {
    fn new() -> Grid {
        use Answer::*;
        let yes_no = || vec![None, Some(Yes), Some(No), Some(CannotSay)];
        let set = |ids: &[&str]| Some(Choices(ids.iter().map(|s| s.to_string()).collect()));
        let sets = |sets: &[&[&str]]| {
            let mut v = vec![None, Some(CannotSay)];
            v.extend(sets.iter().map(|ids| set(ids)));
            v
        };
        Grid(vec![
            (
                "sex",
                vec![
                    None,
                    Some(Choice("female".into())),
                    Some(Choice("male".into())),
                    Some(CannotSay),
                ],
            ),
            ("age", threshold_ages()),
            ("fever", yes_no()),
            (
                "sepsis_signs",
                sets(&[
                    &[],
                    &["no_urine"],
                    &["confused", "worst_ever"],
                    &["fast_breathing", "mottled", "no_urine"],
                ]),
            ),
            (
                "rf_conditions",
                sets(&[
                    &[],
                    &["pregnant"],
                    &["immuno"],
                    &["diabetes"],
                    &["kidney", "frail"],
                    &["heart_lung", "anticoag"],
                ]),
            ),
            (
                "uti_factors",
                sets(&[&[], &["recurrent"], &["persisting"], &["urinary_disease"]]),
            ),
            (
                "uti_symptoms",
                sets(&[
                    &[],
                    &["burning"],
                    &["frequency", "urgency"],
                    &["burning", "blood"],
                    &["urgency", "discharge"],
                    &["burning", "flank_pain"],
                    &["vomiting"],
                ]),
            ),
        ])
    }

    fn len(&self) -> usize {
        self.0.iter().map(|(_, v)| v.len()).product()
    }

    /// The `n`-th combination.
    fn call(&self, peer: &Peer, mut n: usize) -> Call {
        let mut answers = Vec::with_capacity(self.0.len());
        for (id, values) in &self.0 {
            answers.push((*id, values[n % values.len()].clone()));
            n /= values.len();
        }
        peer.call(&answers)
    }
}

/// Every whole age in years and months up to the question's maximum (120 years), and in days
/// (the age's third unit) through the first 800 days and three days either side of each year
/// threshold; each with the sex female, male or unanswered, in a call without fever that the
/// phone protocol could take and in the same call with fever.
fn age_sweep_calls(peer: &Peer) -> Vec<Call> {
    let mut ages: Vec<Quantity> = Vec::new();
    ages.extend((0..=120).map(|n| Quantity::Years(f64::from(n))));
    ages.extend((0..=1440).map(|n| Quantity::Months(f64::from(n))));
    ages.extend((0..=800).map(|n| Quantity::Days(f64::from(n))));
    for years in [12.0, 18.0, 55.0, 65.0] {
        let days = (years * 365.25_f64).floor();
        ages.extend((-3..=4).map(|d| Quantity::Days(days + f64::from(d))));
    }
    let symptoms = || Some(Answer::Choices(vec!["burning".into()]));
    let none = || Some(Answer::Choices(Vec::new()));
    let mut calls = Vec::new();
    for age in ages {
        for sex in [None, Some("female"), Some("male")] {
            for fever in [Answer::No, Answer::Yes] {
                calls.push(peer.call(&[
                    ("age", Some(Answer::Age(age))),
                    ("sex", sex.map(|s| Answer::Choice(s.into()))),
                    ("fever", Some(fever)),
                    ("sepsis_signs", none()),
                    ("rf_conditions", none()),
                    ("uti_factors", none()),
                    ("uti_symptoms", symptoms()),
                ]));
            }
        }
    }
    calls
}

/// The shipped scenarios with one red flag answered yes, "cannot say" or left unanswered.
fn red_flag_calls(peer: &Peer, scenarios: &[Call]) -> Vec<Call> {
    let mut calls = Vec::new();
    for base in scenarios {
        for rf in &peer.guidance.red_flags {
            for value in [Some(Value::Yes), Some(Value::CannotSay), None] {
                let mut call = base.clone();
                call.set(rf.question, value);
                calls.push(call);
            }
        }
    }
    calls
}

/// Asserts that both engines agree on every call; returns how many calls were compared. Every
/// call is compared before it fails, so that the message counts the disagreements and shows the
/// first few.
fn assert_agree(peer: &Peer, what: &str, calls: impl IntoIterator<Item = Call>) -> usize {
    let mut rules = std::collections::BTreeMap::<String, usize>::new();
    let (mut disagreements, mut first) = (0, Vec::new());
    let mut n = 0;
    for call in calls {
        n += 1;
        let arvio = peer.arvio(&call);
        let input = peer.json(&call);
        let zen = peer.zen(&input);
        if arvio != zen {
            disagreements += 1;
            if first.len() < 5 {
                first.push(format!(
                    "input {input}:\n  Arvio {arvio:?}\n  zen   {zen:?}"
                ));
            }
        }
        *rules.entry(arvio.rule.unwrap_or_default()).or_default() += 1;
    }
    assert!(
        disagreements == 0,
        "the engines disagree on {disagreements} of {n} {what} inputs; the first:\n{}",
        first.join("\n")
    );
    let by_rule: Vec<String> = rules.iter().map(|(r, n)| format!("{r} {n}")).collect();
    println!(
        "peer: {what}: {n} of {n} inputs agree; deciding rules: {}",
        by_rule.join(", ")
    );
    n
}

/// One timed set: the calls for Arvio and the prebuilt JSON inputs for zen-engine.
struct Set {
    name: &'static str,
    calls: Vec<Call>,
    inputs: Vec<Variable>,
}

fn run_arvio(peer: &Peer, set: &Set) -> usize {
    let mut decided = 0;
    for call in &set.calls {
        if evaluate(&peer.guidance, black_box(call)).proposal.is_some() {
            decided += 1;
        }
    }
    decided
}

fn run_zen(peer: &Peer, set: &Set) -> usize {
    block_on(async {
        let mut decided = 0;
        for input in &set.inputs {
            let response = peer
                .decision
                .evaluate(black_box(input).clone())
                .await
                .expect("zen-engine evaluates");
            if !matches!(response.result, Variable::Null) {
                decided += 1;
            }
        }
        decided
    })
}

/// Mean time per evaluation of `run` over one set, after a warm-up, in the median of 5 rounds
/// of at least `round` each.
fn per_evaluation(set: &Set, round: Duration, mut run: impl FnMut() -> usize) -> Duration {
    let warm = Instant::now();
    while warm.elapsed() < round / 2 {
        black_box(run());
    }
    let mut rounds = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let mut passes = 0u32;
        while start.elapsed() < round {
            black_box(run());
            passes += 1;
        }
        rounds.push(start.elapsed() / (passes * set.calls.len() as u32));
    }
    rounds.sort();
    rounds[2]
}

fn main() {
    let args = Args::parse(std::env::args().skip(1));
    if args.list {
        Args::print_list();
        return;
    }
    if !args.may_select_peer() {
        println!("peer: not selected by the filter");
        return;
    }

    let peer = Peer::new();
    let scenarios = scenario_calls(&peer);
    assert!(
        !scenarios.is_empty(),
        "the shipped guidance has urinary scenarios"
    );
    let grid = Grid::new();
    let mut agreed = assert_agree(
        &peer,
        "shipped urinary scenarios",
        scenarios.iter().cloned(),
    );
    agreed += assert_agree(
        &peer,
        "generated grid",
        (0..grid.len()).map(|n| grid.call(&peer, n)),
    );
    agreed += assert_agree(&peer, "age sweep", age_sweep_calls(&peer));
    agreed += assert_agree(
        &peer,
        "scenarios with a red flag changed",
        red_flag_calls(&peer, &scenarios),
    );
    println!("peer: the engines agree on all {agreed} inputs");

    let sets = [
        ("scenarios", scenarios),
        (
            "generated",
            (0..GENERATED_TIMED)
                .map(|i| grid.call(&peer, i * SPREAD % grid.len()))
                .collect(),
        ),
    ]
    .map(|(name, calls)| Set {
        name,
        inputs: calls.iter().map(|c| peer.json(c)).collect(),
        calls,
    });

    let mut c = Criterion::default().configure_from_args();
    for set in &sets {
        let mut group = c.benchmark_group(format!("peer/{}", set.name));
        group.throughput(Throughput::Elements(set.calls.len() as u64));
        group.bench_function("arvio", |b| b.iter(|| run_arvio(&peer, set)));
        group.bench_function("zen_engine", |b| b.iter(|| run_zen(&peer, set)));
        group.finish();
    }
    c.final_summary();
    // The timed loops share the prebuilt inputs: they must still give Arvio's outcomes.
    for set in &sets {
        for (call, input) in set.calls.iter().zip(&set.inputs) {
            assert_eq!(
                peer.arvio(call),
                peer.zen(input),
                "after timing, on {input}"
            );
        }
    }

    if !args.bench {
        return;
    }
    println!();
    println!("peer: mean time per evaluation (median of 5 rounds), zen-engine / Arvio:");
    for set in &sets {
        let round = Duration::from_millis(400);
        let arvio = per_evaluation(set, round, || run_arvio(&peer, set));
        let zen = per_evaluation(set, round, || run_zen(&peer, set));
        let ratio = zen.as_secs_f64() / arvio.as_secs_f64();
        println!(
            "peer: {:<9} ({:>4} inputs): Arvio {:>8.3} µs, zen-engine {:>8.3} µs, ratio {:.1}× (goal ≥ 10×: {})",
            set.name,
            set.calls.len(),
            arvio.as_secs_f64() * 1e6,
            zen.as_secs_f64() * 1e6,
            ratio,
            if ratio >= 10.0 { "met" } else { "NOT met" },
        );
    }
}
