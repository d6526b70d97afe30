//! The analysis at scale (issue 12, point 8): each reason's sampling is its own, a finding only
//! every case could prove is a warning over a sample, and thousands of thresholds on one number
//! question stay near-linear (the time is a benchmark, `benches/lint.rs`; here, that it finishes
//! and is right).

mod common;

#[path = "../benches/support/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;
#[path = "../benches/support/thresholds.rs"]
mod thresholds;

use std::path::{Path, PathBuf};

use arvio::analysis::{Kind, Options, Severity, analyse};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/workbench")
        .join(name)
}

#[test]
fn adding_a_reason_never_changes_another_reasons_sampling() {
    let (small, large) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    synthetic::write(small.path(), 1).unwrap();
    synthetic::write(large.path(), 4).unwrap();
    let (small, large) = (common::load(small.path()), common::load(large.path()));
    assert!(large.reasons.len() > small.reasons.len());
    // A budget that covers one reason's 50 rules over 2,000 cases: divided over the whole
    // guidance's rules (650 at 1×, 2,500 at 4×), as it once was, 1× would get 2,000 cases a
    // reason and 4× only 1,000.
    let opts = Options {
        max_cases: 2_000,
        work: 2_000 * 650,
        ..Options::default()
    };
    let a = analyse(&small, &[], &opts);
    let b = analyse(&large, &[], &opts);
    for s in &a.summaries {
        let t = b
            .summaries
            .iter()
            .find(|t| t.reason == s.reason)
            .expect("the same reason");
        assert_eq!((s.sampled, s.cases), (t.sampled, t.cases), "{}", s.reason);
        assert_eq!(s, t, "{}", s.reason);
    }
}

#[test]
fn over_a_sample_what_only_every_case_could_prove_is_a_warning_that_says_so() {
    for name in ["unreachable", "shadowed"] {
        let g = common::load(&fixture(name));
        let full = analyse(&g, &[], &Options::default());
        let unproven =
            |f: &&arvio::analysis::Finding| matches!(f.kind, Kind::Unreachable | Kind::Shadowed);
        let errors: Vec<_> = full.findings.iter().filter(unproven).collect();
        assert!(!errors.is_empty(), "{name}");
        assert!(
            errors
                .iter()
                .all(|f| f.severity == Severity::Error && !f.sampled)
        );
        let opts = Options {
            max_cases: 3,
            ..Options::default()
        };
        let a = analyse(&g, &[], &opts);
        assert!(a.summaries[0].sampled);
        let warnings: Vec<_> = a.findings.iter().filter(unproven).collect();
        assert!(!warnings.is_empty(), "{name}");
        for f in warnings {
            assert_eq!(f.severity, Severity::Warning, "{name}: {}", f.message);
            assert!(f.sampled);
            assert!(
                f.message
                    .to_string()
                    .contains("(in a deterministic sample of 3 cases; the reason has more than 3)"),
                "{}",
                f.message
            );
        }
        assert_eq!(a.errors(), 0, "{name}: only allowed gaps are left");
        // A gap found in a sample is proven by its cases: it stays an error.
        let gap = a.findings.iter().find(|f| f.kind == Kind::Gap);
        assert!(gap.is_none_or(|f| f.severity == Severity::Error), "{name}");
    }
}

#[test]
fn ten_thousand_thresholds_on_one_question_are_analysed_and_diffed() {
    let dir = tempfile::tempdir().unwrap();
    thresholds::write(dir.path(), 10_000, 100).unwrap();
    let g = common::load(dir.path());
    let a = analyse(&g, &[], &Options::default());
    let s = &a.summaries[0];
    // 5,000 `Between`s, each one class (its ends and inside), the gaps between them one class,
    // and "cannot say": every case enumerated.
    assert_eq!((s.cases, s.sampled), (5_002, false));
    assert_eq!(
        s.fallback, 2,
        "the gaps between the table's rows, and cannot say"
    );
    let kinds: Vec<_> = a.findings.iter().map(|f| (f.kind, f.id.as_str())).collect();
    assert_eq!(
        kinds,
        [(Kind::NoScenarios, "scenarios"), (Kind::Gap, "table")]
    );
    let (cases, _) = arvio::analysis::reason_cases(&g, arvio::guidance::ReasonId(0), 10_000);
    let shown: Vec<&str> = cases.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(shown[1], "1 ≤ x ≤ 5");
    assert_eq!(shown[5_000], "49991 ≤ x ≤ 49995");
    assert!(
        shown[0].starts_with("x < 1 or 5 < x < 11 or "),
        "{}",
        &shown[0][..40]
    );
    assert!(shown[0].ends_with(" or x > 49995"));
    assert_eq!(shown[5_001], "x = cannot say");
    // Every row decides its own cases.
    for (i, c) in cases[1..5_001].iter().enumerate() {
        assert_eq!(c.decision.rule, format!("row_{}", i % 100), "{}", c.text);
    }
    let d = arvio::diff::diff(&g, &[], &g, &[], &Options::default());
    assert_eq!((d.compared, d.cases.len(), d.items.len()), (5_002, 0, 0));
}
