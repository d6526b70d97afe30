//! Core speed: loading the shipped guidance, one proposal, scenario evaluations in bulk, and a
//! keystroke's search.
//! Targets (docs/PERFORMANCE.md): load + validate ≤ 5 ms, one proposal ≤ 20 µs, 10,000
//! scenario evaluations ≤ 100 ms.

use std::hint::black_box;
use std::path::Path;

use arvio::call::Call;
use arvio::engine::evaluate;
use arvio::guidance::load_guidance;
use arvio::scenario::load_scenarios;
use criterion::{Criterion, criterion_group, criterion_main};

fn shipped() -> arvio::guidance::Guidance {
    load_guidance(Path::new("rules/default")).expect("the shipped guidance loads")
}

fn calls() -> Vec<Call> {
    let g = shipped();
    let (scenarios, _) = load_scenarios(Path::new("rules/default"));
    scenarios.iter().filter_map(|s| s.call(&g).ok()).collect()
}

fn load(c: &mut Criterion) {
    c.bench_function("load_and_validate_shipped_guidance", |b| {
        b.iter(|| black_box(load_guidance(Path::new("rules/default")).is_ok()))
    });
}

fn propose(c: &mut Criterion) {
    let g = shipped();
    let all = calls();
    // A mid-sized call: the scenario with the most answers.
    let call = all
        .iter()
        .max_by_key(|c| c.answered().count())
        .expect("a scenario")
        .clone();
    c.bench_function("one_proposal", |b| {
        b.iter(|| black_box(evaluate(&g, black_box(&call))))
    });
}

fn scenarios(c: &mut Criterion) {
    let g = shipped();
    let all = calls();
    c.bench_function("ten_thousand_scenario_evaluations", |b| {
        b.iter(|| {
            let mut urgent = 0usize;
            for call in all.iter().cycle().take(10_000) {
                if evaluate(&g, call).proposal.is_some_and(|p| p.red_flag_hit) {
                    urgent += 1;
                }
            }
            black_box(urgent)
        })
    });
}

/// One keystroke's search over the shipped guidance's reasons and red flags (the index folded
/// once, as a call builds it): queries as a nurse types them, a typo among them.
fn search(c: &mut Criterion) {
    let g = shipped();
    let index = arvio::search::ReasonIndex::new(&g);
    let queries = [
        "k",
        "kurkku",
        "kurkku kip",
        "kurku",
        "sydänkohtaus",
        "ear pain",
    ];
    c.bench_function("search_keystroke_shipped_guidance", |b| {
        b.iter(|| {
            for q in queries {
                std::hint::black_box(index.search_all(q, arvio::text::Language::Fi));
            }
        })
    });
}

criterion_group!(benches, load, propose, scenarios, search);
criterion_main!(benches);
