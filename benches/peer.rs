//! The peer benchmark against GoRules' zen-engine (issue 8), run by the root `cargo bench`.
//!
//! zen-engine must stay out of Arvio's dependencies, so the benchmark itself is a separate
//! package with its own workspace, `benches/peer/`; this target only runs
//! `cargo bench --manifest-path benches/peer/Cargo.toml --bench peer` with the arguments it was
//! given and exits with its status. Without `--bench` (`cargo test --benches`) it does nothing;
//! `--list`, and a criterion filter that selects none of the peer benchmarks, are answered without
//! building the package (benches/peer/args.rs).

use std::path::Path;
use std::process::{Command, ExitCode};

#[path = "peer/args.rs"]
mod args;
use args::Args;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parsed = Args::parse(args.iter().cloned());
    if parsed.list {
        Args::print_list();
        return ExitCode::SUCCESS;
    }
    if !parsed.bench {
        println!("peer: runs only under `cargo bench` (it builds and runs benches/peer)");
        return ExitCode::SUCCESS;
    }
    if !parsed.may_select_peer() {
        println!("peer: not selected by the filter");
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
