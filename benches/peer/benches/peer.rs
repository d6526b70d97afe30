//! Peer benchmark (issue 8): the decision of one reason, `urinary`, evaluated by Arvio's engine
//! on the shipped guidance and by GoRules' zen-engine on the same decision written as a JDM
//! decision table (`urinary.json`), on the same calls in one run.
//!
//! Before anything is timed, both engines must give the same timeframe, contact mode,
//! professional and deciding rule on every input: the shipped urinary scenarios, every
//! combination of a grid of answers to the reason's questions (unanswered and "cannot say"
//! included), and the shipped scenarios with each red flag answered yes, "cannot say" or left
//! unanswered. Then criterion times both engines on the shipped scenarios and on a sample of the
//! grid, and a last measurement prints the mean time per evaluation and the ratio zen/Arvio.
//!
//! The table is written by hand; how each condition maps to cells is told in docs/PERFORMANCE.md.
//! In short: a JSON field per question the decision reads (the twelve red flags, `rf_age`,
//! `rf_pregnant` and the reason's seven questions) with `"yes"`, `"no"`, `"cannot_say"`, an option
//! id, an array of option ids or a number, and no field for an unanswered question; hit policy
//! "first" with the rows ordered by urgency and then by Arvio's standing order, which is what
//! Arvio's PRIORITY selection gives for one reason, since every rule of it is at least as urgent
//! as its fallback; a rule whose condition is an `Any` becomes one row per alternative.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use arvio::call::{Answer, Call, Value};
use arvio::engine::evaluate;
use arvio::guidance::{Guidance, QuestionId, load_guidance};
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
/// size, a prime spread that reaches every axis (the grid's size is 2^15 · 3 · 7).
const GENERATED_TIMED: usize = 1_000;
const SPREAD: usize = 104_729;

/// The questions the table reads: the red flags, two risk factors and the reason's questions.
const RED_FLAGS: [&str; 12] = [
    "red_chest_pain",
    "red_breathing",
    "red_stroke",
    "red_bleeding",
    "red_consciousness",
    "red_seizure",
    "red_danger",
    "red_anaphylaxis",
    "red_meningitis",
    "red_hypoglycaemia",
    "red_headache",
    "red_general_condition",
];
const OTHER_FIELDS: [&str; 9] = [
    "rf_age",
    "rf_pregnant",
    "uti_sex",
    "uti_symptoms",
    "uti_fever",
    "uti_flank_pain",
    "uti_poor",
    "uti_recurrent",
    "uti_healthy",
];

fn guidance_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules/default")
}

/// What a proposal says: timeframe, first contact mode, professional and deciding rule, by id.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Outcome {
    timeframe: Option<String>,
    mode: Option<String>,
    professional: Option<String>,
    rule: Option<String>,
}

struct Peer {
    guidance: Guidance,
    decision: Decision,
    fields: Vec<(&'static str, QuestionId)>,
}

impl Peer {
    fn new() -> Peer {
        let guidance = load_guidance(&guidance_dir()).expect("the shipped guidance loads");
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
            };
            object.insert(id.to_owned(), v);
        }
        serde_json::Value::Object(object).into()
    }

    fn arvio(&self, call: &Call) -> Outcome {
        let g = &self.guidance;
        let Some(p) = evaluate(g, call).proposal else {
            return Outcome {
                timeframe: None,
                mode: None,
                professional: None,
                rule: None,
            };
        };
        let o = p.outcome(g);
        Outcome {
            timeframe: Some(g.timeframe(o.timeframe).id.clone()),
            mode: o.modes.first().map(|&m| g.mode(m).id.clone()),
            professional: o.professional.map(|p| g.professional(p).id.clone()),
            rule: Some(p.winner.id(g)),
        }
    }

    fn zen(&self, input: &Variable) -> Outcome {
        let response = block_on(self.decision.evaluate(input.clone()))
            .unwrap_or_else(|e| panic!("zen-engine fails on {input}: {e:?}"));
        let result = response.result.to_value();
        let field = |name: &str| result.get(name).and_then(|v| v.as_str()).map(String::from);
        Outcome {
            timeframe: field("timeframe"),
            mode: field("mode"),
            professional: field("professional"),
            rule: field("rule"),
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

/// Every combination of a grid of answers to the questions the reason's rules test (built one
/// call at a time: the grid has 688,128 calls).
struct Grid(Vec<(&'static str, Vec<Option<Answer>>)>);

impl Grid {
    fn new() -> Grid {
        use Answer::*;
        let yes_no = || vec![None, Some(Yes), Some(No), Some(CannotSay)];
        let choices = |ids: &[&str]| Some(Choices(ids.iter().map(|s| s.to_string()).collect()));
        Grid(vec![
            (
                "uti_sex",
                vec![
                    None,
                    Some(Choice("female".into())),
                    Some(Choice("male".into())),
                    Some(CannotSay),
                ],
            ),
            (
                "rf_age",
                vec![
                    None,
                    Some(CannotSay),
                    Some(Number(17.0)),
                    Some(Number(18.0)),
                    Some(Number(65.0)),
                    Some(Number(66.0)),
                ],
            ),
            ("rf_pregnant", yes_no()),
            (
                "uti_symptoms",
                vec![
                    None,
                    Some(CannotSay),
                    choices(&[]),
                    choices(&["burning", "frequency"]),
                    choices(&["urgency", "blood"]),
                    choices(&["blood"]),
                    choices(&["burning", "discharge"]),
                ],
            ),
            ("uti_fever", yes_no()),
            ("uti_flank_pain", yes_no()),
            ("uti_poor", yes_no()),
            ("uti_recurrent", yes_no()),
            ("uti_healthy", yes_no()),
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

/// Asserts that both engines agree on every call; returns how many calls were compared.
fn assert_agree(peer: &Peer, what: &str, calls: impl IntoIterator<Item = Call>) -> usize {
    let mut rules = std::collections::BTreeMap::<String, usize>::new();
    let mut n = 0;
    for call in calls {
        n += 1;
        let arvio = peer.arvio(&call);
        let input = peer.json(&call);
        let zen = peer.zen(&input);
        assert_eq!(arvio, zen, "the engines disagree on {what} input {input}");
        *rules.entry(arvio.rule.unwrap_or_default()).or_default() += 1;
    }
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
    let agreed = assert_agree(
        &peer,
        "shipped urinary scenarios",
        scenarios.iter().cloned(),
    ) + assert_agree(
        &peer,
        "generated grid",
        (0..grid.len()).map(|n| grid.call(&peer, n)),
    ) + assert_agree(
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
            "peer: {:<9} ({:>4} inputs): Arvio {:>8.3} µs, zen-engine {:>8.3} µs, ratio {:.1}× (goal ≥ 2×: {})",
            set.name,
            set.calls.len(),
            arvio.as_secs_f64() * 1e6,
            zen.as_secs_f64() * 1e6,
            ratio,
            if ratio >= 2.0 { "met" } else { "NOT met" },
        );
    }
}
