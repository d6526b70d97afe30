//! Key presses per call (issue 14, item 11) over **all** the shipped scenarios: each replayed by
//! keyboard in the real app as a nurse would (`tests/ui_support/replay.rs`, which
//! `tests/ui_key_count.rs` runs on every third). Prints the medians by class (non-urgent one
//! reason; several reasons; emergency or on-call; all), the calls over the bound with the keys
//! they spent by kind of question, and every scenario left out with why. Exits non-zero when a
//! non-urgent one-reason call takes more keys than its questions + 3, or a key did not do what
//! the screen says. Target and figures: docs/PERFORMANCE.md.

#[path = "../tests/ui_support/mod.rs"]
mod ui_support;

#[path = "../tests/ui_support/replay.rs"]
mod replay;

fn main() {
    // `cargo bench` passes `--bench`; a name filter, if any, has nothing to select here.
    let started = std::time::Instant::now();
    let summary = replay::replay_scenarios(|_| true);
    println!("{}", summary.report());
    println!(
        "replayed {} scenarios in {:.1} s",
        summary.counted.len() + summary.skipped.len() + summary.blocked.len(),
        started.elapsed().as_secs_f64()
    );
    let over = summary.over_bound().len();
    if over > 0 || !summary.defects.is_empty() {
        eprintln!(
            "key presses per call: {over} non-urgent one-reason calls over questions + 3, {} defects",
            summary.defects.len()
        );
        std::process::exit(1);
    }
}
