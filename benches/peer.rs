//! The peer benchmark against GoRules' zen-engine (issue 8), run by the root `cargo bench`.
//!
//! zen-engine must stay out of Arvio's dependencies, so the benchmark itself is a separate
//! package with its own workspace, `benches/peer/`; this target only runs
//! `cargo bench --manifest-path benches/peer/Cargo.toml --bench peer` with the arguments it was
//! given and exits with its status. Without `--bench` (`cargo test --benches`) it does nothing, and a
//! criterion filter that names none of the peer benchmarks (`peer/scenarios/arvio`,
//! `peer/scenarios/zen_engine`, `peer/generated/…`) skips it without building the package.

use std::path::Path;
use std::process::{Command, ExitCode};

/// Criterion's options that take a value; any other argument not starting with `-` is a filter.
const VALUED: [&str; 17] = [
    "-c",
    "--color",
    "--save-baseline",
    "--baseline",
    "--baseline-lenient",
    "--format",
    "--profile-time",
    "--load-baseline",
    "--sample-size",
    "--warm-up-time",
    "--measurement-time",
    "--nresamples",
    "--noise-threshold",
    "--confidence-level",
    "--significance-level",
    "--plotting-backend",
    "--output-format",
];

const IDS: [&str; 4] = [
    "peer/scenarios/arvio",
    "peer/scenarios/zen_engine",
    "peer/generated/arvio",
    "peer/generated/zen_engine",
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.iter().any(|a| a == "--bench") {
        println!("peer: runs only under `cargo bench` (it builds and runs benches/peer)");
        return ExitCode::SUCCESS;
    }
    let mut filter = None;
    let mut rest = args.iter();
    while let Some(a) = rest.next() {
        if VALUED.contains(&a.as_str()) {
            rest.next();
        } else if !a.starts_with('-') {
            filter = Some(a.as_str());
        }
    }
    if let Some(f) = filter
        && !IDS.iter().any(|id| id.contains(f))
    {
        println!("peer: not selected by the filter `{f}`");
        return ExitCode::SUCCESS;
    }

    let package = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/peer");
    let cargo = std::env::var("CARGO")
        .ok()
        .or_else(|| option_env!("CARGO").map(String::from))
        .unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .arg("bench")
        .arg("--manifest-path")
        .arg(package.join("Cargo.toml"))
        .args(["--bench", "peer", "--"])
        .args(args.iter().filter(|a| *a != "--bench"))
        // The package's own target folder, also when CARGO_TARGET_DIR points at the one this
        // `cargo bench` holds locked.
        .env("CARGO_TARGET_DIR", package.join("target"))
        .status();
    match status {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        Ok(s) => {
            eprintln!("peer: `cargo bench` in benches/peer failed: {s}");
            ExitCode::from(s.code().map_or(1, |c| c.clamp(1, 255) as u8))
        }
        Err(e) => {
            eprintln!("peer: cannot run cargo: {e}");
            ExitCode::FAILURE
        }
    }
}
