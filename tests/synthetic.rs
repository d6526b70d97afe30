//! The synthetic guidance of the scale benchmarks (benches/support/synthetic.rs) is what it
//! claims: its sizes, deterministic, and a guidance that loads and passes `arvio check`.

#[path = "../benches/support/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;

use synthetic::*;
#[test]
fn sizes_match_the_issue_figure_at_16x() {
    assert_eq!(reasons(1), 13);
    assert_eq!(reasons(4), 50);
    assert_eq!(reasons(16), 200);
    assert_eq!(reasons(16) * RULES, 10_000);
    assert_eq!(generate(4).len(), 51);
    assert_eq!(generate(1), generate(1), "deterministic");
}

#[test]
fn one_x_loads_without_diagnostics() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), 1).expect("write");
    let g = match arvio::guidance::load_guidance(dir.path()) {
        Ok(g) => g,
        Err(diags) => panic!(
            "the synthetic guidance has diagnostics:\n{}",
            diags
                .iter()
                .take(20)
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    };
    assert_eq!(g.reasons.len(), 13);
    assert!(g.reasons.iter().all(|r| r.rules.len() == RULES));
    assert_eq!(g.red_flags.len(), 10);
    assert_eq!(g.questions.len(), 10 + 4 + 13 * QUESTIONS);
    // `arvio check` passes: exit 0, errors nowhere.
    use clap::Parser;
    let cli = arvio::cli::Cli::try_parse_from([
        "arvio".as_ref(),
        "check".as_ref(),
        dir.path().as_os_str(),
    ])
    .expect("arguments");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+02:00").expect("time");
    let code = arvio::cli::run(
        cli.command.as_ref().expect("command"),
        now,
        &mut out,
        &mut err,
    );
    assert_eq!(
        code,
        0,
        "arvio check: {}{}",
        String::from_utf8_lossy(&out),
        String::from_utf8_lossy(&err)
    );
    // Every file stays far below the loader's size limit.
    for (rel, text) in generate(1) {
        assert!(
            text.len() < arvio::guidance::load::MAX_FILE_BYTES / 8,
            "{rel}: {} bytes",
            text.len()
        );
    }
}
