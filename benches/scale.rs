//! How cost grows with the size of a guidance: the synthetic guidance of `support/synthetic.rs` at
//! 1×, 4× and 16× (13, 50 and 200 reasons of 25 questions and 50 rules: 650, 2,500 and 10,000
//! rules; 16× is the "200 reasons × 25 questions × 50 rules").
//!
//! For each size: load + validate the folder (`load_guidance`, files read from a temporary
//! folder written once), one proposal on a mid-call (`engine::evaluate`: two reasons chosen, the
//! red flags and risk factors answered, about half of each reason's questions answered), and the
//! static analysis `arvio lint` runs (`analysis::analyse`, no scenarios). Target (issue 8): load,
//! validate and analyse 10k rules in ≤ 1 s.
//!
//! The analysis enumerates each reason's cases up to a cap (200,000 per reason, lowered for a
//! reason with many rules so that each reason stays within its own work budget) and a
//! deterministic sample beyond. The criterion benches also analyse with a fixed [`BENCH_CASES`] cases per reason, which
//! shows how the cost grows with the number of reasons; set `ARVIO_SCALE_FULL_ANALYSIS=1` to time
//! one pass with the default options at each size.
//!
//! Run: `cargo bench --bench scale -- --warm-up-time 1 --measurement-time 3`. Before measuring,
//! it prints each size's files and bytes and one timed pass of each step.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use arvio::analysis::{Options, analyse};
use arvio::call::{Call, Value};
use arvio::engine::evaluate;
use arvio::guidance::{Guidance, Part, QuestionKind, ReasonId, load_guidance};
#[path = "support/synthetic.rs"]
mod synthetic;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

const SCALES: [usize; 3] = [1, 4, 16];
/// Cases per reason the criterion benches of the analysis enumerate.
const BENCH_CASES: usize = 1_000;

fn bench_options() -> Options {
    Options {
        max_cases: BENCH_CASES,
        ..Options::default()
    }
}

fn load(dir: &Path) -> Guidance {
    match load_guidance(dir) {
        Ok(g) => g,
        Err(d) => panic!(
            "the synthetic guidance does not load: {:?}",
            &d[..d.len().min(5)]
        ),
    }
}

/// A value of the question's kind, varied by `i`, inside its range.
fn value(kind: &QuestionKind, i: usize) -> Value {
    match kind {
        QuestionKind::YesNo => [Value::Yes, Value::No, Value::CannotSay][i % 3],
        QuestionKind::OneOf(o) => Value::Choice((i % o.len()) as u8),
        QuestionKind::SeveralOf(o) => Value::Choices(0b101 & ((1u64 << o.len()) - 1)),
        QuestionKind::Number(spec) => Value::Number(spec.min + (spec.max - spec.min) * 0.45),
        QuestionKind::Age(spec) | QuestionKind::Duration(spec) => Value::Quantity(
            arvio::quantity::Quantity::Hours(spec.min + (spec.max - spec.min) * 0.45),
        ),
        QuestionKind::FreeText => Value::Text,
    }
}

/// Two reasons (the first and the middle one), every red flag "no", the risk factors and the
/// first half of each reason's questions answered.
fn mid_call(g: &Guidance) -> Call {
    call_of(g, &[ReasonId(0), ReasonId((g.reasons.len() / 2) as u32)])
}

/// A call of the `chosen` reasons, every red flag "no", the risk factors and the first half of
/// each reason's questions answered.
fn call_of(g: &Guidance, chosen: &[ReasonId]) -> Call {
    let mut call = Call::new(g);
    for &r in chosen {
        call.add_reason(r);
    }
    for rf in &g.red_flags {
        call.set(rf.question, Some(Value::No));
    }
    for (i, &q) in g.risk_factors.iter().enumerate() {
        call.set(q, Some(value(&g.question(q).kind, i + 1)));
    }
    for &r in chosen {
        let qs = &g.reason(r).questions;
        for (i, &q) in qs.iter().take(qs.len() / 2).enumerate() {
            if g.question(q).part == Part::Reason(r) {
                call.set(q, Some(value(&g.question(q).kind, i)));
            }
        }
    }
    call
}

fn label(scale: usize) -> String {
    format!(
        "{scale}x_{}rules",
        synthetic::reasons(scale) * synthetic::RULES
    )
}

fn scale(c: &mut Criterion) {
    let dirs: Vec<(usize, tempfile::TempDir)> = SCALES
        .iter()
        .map(|&s| {
            let dir = tempfile::tempdir().expect("temp dir");
            synthetic::write(dir.path(), s).expect("write the synthetic guidance");
            (s, dir)
        })
        .collect();

    println!("synthetic guidance sizes and one timed pass of each step:");
    for (s, dir) in &dirs {
        let files = synthetic::generate(*s);
        let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
        let t = Instant::now();
        let g = load(dir.path());
        let loaded = t.elapsed();
        let call = mid_call(&g);
        let t = Instant::now();
        let ev = evaluate(&g, &call);
        let evaluated = t.elapsed();
        let rules: usize = g.reasons.iter().map(|r| r.rules.len()).sum();
        println!(
            "  {s:>2}x: {} files, {:.1} MiB, {} reasons, {} questions, {rules} rules | load+validate {loaded:.2?}, evaluate {evaluated:.2?} ({} questions asked, proposal {})",
            files.len(),
            bytes as f64 / (1024.0 * 1024.0),
            g.reasons.len(),
            g.questions.len(),
            ev.questions.len(),
            ev.proposal
                .as_ref()
                .map_or("none".to_owned(), |p| p.winner.id(&g)),
        );
        let mut options = vec![bench_options()];
        if std::env::var_os("ARVIO_SCALE_FULL_ANALYSIS").is_some_and(|v| v == "1") {
            options.push(Options::default());
        }
        for o in options {
            let t = Instant::now();
            let a = analyse(&g, &[], &o);
            let analysed = t.elapsed();
            let cases: usize = a.summaries.iter().map(|s| s.cases).sum();
            let sampled = a.summaries.iter().filter(|s| s.sampled).count();
            println!(
                "       analyse, at most {} cases per reason: {analysed:.2?} ({cases} cases, {sampled} of {} reasons sampled, {} findings, {:.1} µs per case)",
                o.max_cases,
                g.reasons.len(),
                a.findings.len(),
                analysed.as_secs_f64() * 1e6 / cases.max(1) as f64,
            );
        }
    }

    let mut group = c.benchmark_group("scale_load_validate");
    group.sample_size(10);
    for (s, dir) in &dirs {
        group.bench_with_input(
            BenchmarkId::from_parameter(label(*s)),
            dir.path(),
            |b, p| b.iter(|| black_box(load_guidance(black_box(p)).is_ok())),
        );
    }
    group.finish();

    let mut group = c.benchmark_group("scale_evaluate_mid_call");
    for (s, dir) in &dirs {
        let g = load(dir.path());
        let call = mid_call(&g);
        group.bench_function(BenchmarkId::from_parameter(label(*s)), |b| {
            b.iter(|| black_box(evaluate(&g, black_box(&call))))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("scale_analyse_1k_cases_per_reason");
    group.sample_size(10);
    for (s, dir) in &dirs {
        let g = load(dir.path());
        group.bench_function(BenchmarkId::from_parameter(label(*s)), |b| {
            b.iter(|| black_box(analyse(&g, &[], &bench_options()).findings.len()))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("scale_load_validate_analyse_1k_cases_per_reason");
    group.sample_size(10);
    for (s, dir) in &dirs {
        group.bench_with_input(
            BenchmarkId::from_parameter(label(*s)),
            dir.path(),
            |b, p| {
                b.iter(|| {
                    let g = load(black_box(p));
                    black_box(analyse(&g, &[], &bench_options()).findings.len())
                })
            },
        );
    }
    group.finish();
}

/// One proposal for a call of one reason (the first), on the shipped guidance and on the synthetic
/// 1× and 16× guidances: its cost should follow the call's reasons, not the guidance's size.
fn one_reason(c: &mut Criterion) {
    let shipped = load(Path::new("rules/default"));
    let mut guidances = vec![("shipped".to_owned(), shipped)];
    let mut dirs = Vec::new();
    for s in [1, 16] {
        let dir = tempfile::tempdir().expect("temp dir");
        synthetic::write(dir.path(), s).expect("write the synthetic guidance");
        guidances.push((label(s), load(dir.path())));
        dirs.push(dir);
    }
    let mut group = c.benchmark_group("one_reason_proposal");
    for (name, g) in &guidances {
        let call = call_of(g, &[ReasonId(0)]);
        assert!(evaluate(g, &call).proposal.is_some(), "{name}: a proposal");
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| black_box(evaluate(g, black_box(&call))))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = one_reason, scale
}
criterion_main!(benches);
