//! The analysis at scale (issue 12): lint and diff of one number question with 10,000 thresholds
//! (target ≤ 1 s), and lint of the shipped guidance with every reason enumerated exhaustively
//! (target ≤ 2 s).
//!
//! The thresholds guidance is `support/thresholds.rs`: one reason, one number question, 10,000
//! distinct thresholds over 100 rules (a lookup table of `Between`s). Before measuring, each step
//! runs once, timed, with what it found.
//!
//! Run: `cargo bench --bench lint -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use arvio::analysis::{Options, analyse};
use arvio::diff::diff;
use arvio::guidance::{Guidance, load_guidance};
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "support/thresholds.rs"]
mod thresholds;

/// Thresholds on the one question, and the rules they are spread over.
const THRESHOLDS: usize = 10_000;
const RULES: usize = 100;

/// No reason sampled, whatever its cases.
fn exhaustive() -> Options {
    Options {
        max_cases: usize::MAX,
        work: usize::MAX,
        ..Options::default()
    }
}

fn thresholds_guidance() -> (tempfile::TempDir, Guidance) {
    let dir = tempfile::tempdir().expect("temp dir");
    thresholds::write(dir.path(), THRESHOLDS, RULES).expect("write");
    let g = load_guidance(dir.path()).expect("the thresholds guidance loads");
    (dir, g)
}

fn once(what: &str, f: impl FnOnce() -> String) {
    let t = Instant::now();
    let found = f();
    eprintln!("{what}: {:.3} s once ({found})", t.elapsed().as_secs_f64());
}

fn lint(c: &mut Criterion) {
    let (_dir, g) = thresholds_guidance();
    let shipped = load_guidance(Path::new("rules/default")).expect("the shipped guidance loads");
    let opts = Options::default();
    once("lint, 10,000 thresholds on one question", || {
        let a = analyse(&g, &[], &opts);
        let s = &a.summaries[0];
        format!(
            "{} cases, sampled {}, {} findings",
            s.cases,
            s.sampled,
            a.findings.len()
        )
    });
    once("diff, 10,000 thresholds on one question", || {
        let d = diff(&g, &[], &g, &[], &opts);
        format!("{} compared, {} changed", d.compared, d.cases.len())
    });
    once("lint, shipped guidance, every reason exhaustive", || {
        let a = analyse(&shipped, &[], &exhaustive());
        assert!(a.summaries.iter().all(|s| !s.sampled), "none sampled");
        let cases: usize = a.summaries.iter().map(|s| s.cases).sum();
        format!("{} reasons, {cases} cases, none sampled", a.summaries.len())
    });
    c.bench_function("lint_10k_thresholds_one_question", |b| {
        b.iter(|| black_box(analyse(&g, &[], &opts)))
    });
    c.bench_function("diff_10k_thresholds_one_question", |b| {
        b.iter(|| black_box(diff(&g, &[], &g, &[], &opts)))
    });
    let full = exhaustive();
    c.bench_function("lint_shipped_guidance_every_reason_exhaustive", |b| {
        b.iter(|| black_box(analyse(&shipped, &[], &full)))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = lint
}
criterion_main!(benches);
