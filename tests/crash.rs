//! Kill -9 evidence: a child process is killed (SIGKILL on unix, `TerminateProcess` elsewhere)
//! while it writes the autosave of a call, or appends to the anonymous log, and what is on disk
//! afterwards is checked.
//!
//! The child is this very test binary (`std::env::current_exe()`), run again with
//! `ARVIO_CRASH_CHILD=<role>` and `ARVIO_CRASH_DIR=<folder>` and `--exact <child test>`. Each
//! `child_*` test does its work in a loop only when that variable names its role and returns at
//! once otherwise, so in a normal `cargo test` run they pass trivially. After every step that
//! returned, the child appends the step's number to `<folder>/progress`: the parent knows which
//! steps were acknowledged to the nurse, and that at most one more was in flight at the kill.
//!
//! - autosave (core API): the call grows step by step (reason, answers, notes typed a character
//!   at a time) and `arvio::autosave::write` runs after each step. After the kill the autosave
//!   reads whole and restores exactly the last acknowledged step, or the one in flight: nothing
//!   acknowledged is lost, and the file is never half written.
//! - call (feature `gui`): the same steps as intents through `AppState::apply`, which is what the
//!   app's frame does with key presses; the app writes the autosave itself, without the notes
//!   (free text stays in memory unless the user asks), so the answers are what must survive.
//! - log: `arvio::log::append` in a tight loop. After the kill `arvio::log::read_dir` gives
//!   every acknowledged record, whole, in order, and nothing else; the records and the set-aside
//!   torn tails account for every line in the file. A kill cannot tear a line (one `write(2)` of
//!   a few hundred bytes is not interrupted by SIGKILL), so every other round also cuts the last
//!   line in half after the kill, as a power cut with a partly flushed page cache would, and
//!   checks that the torn line is set aside and reported, then that appending goes on cleanly.
//!
//! Each kind is killed `KILLS` times at different moments.

mod common;

use std::env;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use arvio::assessment::Assessment;
use arvio::autosave::{self, Autosave, FreeText};
use arvio::call::Value;
use arvio::engine::evaluate;
use arvio::guidance::Guidance;
use arvio::log::{self, LogRecord};
use chrono::{DateTime, FixedOffset};

const ROLE: &str = "ARVIO_CRASH_CHILD";
const DIR: &str = "ARVIO_CRASH_DIR";
/// Kills per kind.
const KILLS: usize = 5;
/// How long after the first acknowledged step each kill comes, in milliseconds.
const DELAYS_MS: [u64; KILLS] = [0, 15, 60, 140, 260];
/// A child left alone stops by itself after this long.
const CHILD_LIFETIME: Duration = Duration::from_secs(30);
/// How long the parent waits for the child's first step.
const START_TIMEOUT: Duration = Duration::from_secs(20);
const T0: &str = "2026-11-23T09:00:00+02:00";
/// What the nurse types into the notes, one character per step.
const TYPED: &str = "Soittaja kertoo kuumeesta ja yskästä, äänessä käheyttä; öisin pahempi. ";

fn t0() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(T0).expect("time")
}

/// The folder this process is a child for, when it was started as the child of `role`.
fn child_dir(role: &str) -> Option<PathBuf> {
    (env::var(ROLE).ok()? == role).then(|| PathBuf::from(env::var_os(DIR).expect(DIR)))
}

/// Notes after `n` typed characters.
fn typed(n: usize) -> String {
    TYPED.chars().cycle().take(n).collect()
}

/// One step of a call, as the nurse makes it.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Reason(&'static str),
    Answer(&'static str, Value),
    Notes(String),
}

/// Step `n` (from 1): the reason, the red flags, the risk factor, the cough's questions, then
/// notes typed a character at a time, with the temperature corrected every 10th character.
fn step(n: usize) -> Step {
    match n {
        1 => Step::Reason("cough"),
        2 => Step::Answer("rf_chest", Value::No),
        3 => Step::Answer("rf_confused", Value::No),
        4 => Step::Answer("age", Value::Number(40.0)),
        5 => Step::Answer("fever", Value::Yes),
        6 => Step::Answer("temp", Value::Number(38.0)),
        7 => Step::Answer("kind", Value::Choice(0)),
        n if n % 10 == 0 => Step::Answer("temp", Value::Number(38.0 + (n % 50) as f64 / 10.0)),
        n => Step::Notes(typed(n - 7)),
    }
}

fn apply_step(g: &Guidance, a: &mut Assessment, s: &Step) {
    match s {
        Step::Reason(r) => a.call.add_reason(g.reason_by_id(r).expect("reason")),
        Step::Answer(q, v) => a.call.set(g.question_by_id(q).expect("question"), Some(*v)),
        Step::Notes(text) => a.notes = text.clone(),
    }
}

/// The assessment after steps 1..=n.
fn expected(g: &Guidance, n: usize) -> Assessment {
    let mut a = Assessment::new(g, t0());
    for i in 1..=n {
        apply_step(g, &mut a, &step(i));
    }
    a
}

/// Appends an acknowledged step number to the progress file, in one `write(2)`, so that a kill
/// cannot leave part of it.
fn acknowledge(progress: &mut fs::File, n: usize) {
    progress
        .write_all(format!("{n}\n").as_bytes())
        .expect("progress");
}

fn progress_file(dir: &Path) -> fs::File {
    fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("progress"))
        .expect("progress file")
}

/// The last acknowledged step, from whole lines of the progress file.
fn acknowledged(dir: &Path) -> usize {
    let text = fs::read_to_string(dir.join("progress")).unwrap_or_default();
    let whole = &text[..text.rfind('\n').map_or(0, |i| i + 1)];
    whole
        .lines()
        .filter_map(|l| l.parse().ok())
        .next_back()
        .unwrap_or(0)
}

/// The fixture guidance copied into `dir/guidance`, so parent and child load the same files.
fn setup(root: &Path) -> PathBuf {
    let g = root.join("guidance");
    fs::create_dir_all(g.join("reasons")).expect("mkdir");
    fs::write(g.join("guidance.ron"), common::GUIDANCE).expect("write");
    fs::write(g.join("reasons/01_cough.ron"), common::COUGH).expect("write");
    fs::write(g.join("reasons/02_social.ron"), common::SOCIAL).expect("write");
    g
}

fn spawn(role: &str, test: &str, dir: &Path) -> Child {
    Command::new(env::current_exe().expect("test binary"))
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(ROLE, role)
        .env(DIR, dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn the child")
}

/// Starts the child, waits for its first acknowledged step and `delay` more, and kills it.
/// Returns the last step acknowledged before the kill.
fn run_and_kill(role: &str, test: &str, dir: &Path, delay: Duration) -> usize {
    let mut child = spawn(role, test, dir);
    let start = Instant::now();
    while acknowledged(dir) == 0 {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the {role} child exited ({status}) before its first step");
        }
        if start.elapsed() > START_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the {role} child made no step in {START_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    std::thread::sleep(delay);
    if let Ok(Some(status)) = child.try_wait() {
        panic!("the {role} child exited ({status}) before it was killed");
    }
    child.kill().expect("kill -9");
    let status = child.wait().expect("wait");
    assert!(!status.success(), "killed, not finished: {status}");
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(9), "SIGKILL");
    }
    acknowledged(dir)
}

// ---------------------------------------------------------------------------------------------
// The children

#[test]
fn child_autosave_writer() {
    let Some(dir) = child_dir("autosave") else {
        return;
    };
    let g = common::load(&dir.join("guidance"));
    let path = dir.join("data/autosave.ron");
    let mut progress = progress_file(&dir);
    let mut a = Assessment::new(&g, t0());
    let start = Instant::now();
    let mut n = 0;
    while start.elapsed() < CHILD_LIFETIME {
        n += 1;
        apply_step(&g, &mut a, &step(n));
        autosave::write(&path, &Autosave::of(&g, &a, FreeText::Keep)).expect("autosave");
        acknowledge(&mut progress, n);
    }
}

#[cfg(feature = "gui")]
#[test]
fn child_call_in_the_app() {
    use arvio::ui::intent::Intent;
    use arvio::ui::settings::Settings;
    use arvio::ui::state::AppState;
    let Some(dir) = child_dir("call") else {
        return;
    };
    let path = dir.join("data/autosave.ron");
    let mut state = AppState::new(
        Settings::default(),
        dir.join("guidance"),
        Box::new(t0),
        Some(path),
    );
    state.settle(std::time::Duration::from_secs(30));
    let g = state.guidance.current.clone().expect("guidance");
    let mut progress = progress_file(&dir);
    state.apply(Intent::NewCall);
    let start = Instant::now();
    let mut n = 0;
    while start.elapsed() < CHILD_LIFETIME {
        n += 1;
        let intent = match step(n) {
            Step::Reason(r) => Intent::AddReason(g.reason_by_id(r).expect("reason")),
            Step::Answer(q, v) => Intent::Answer(g.question_by_id(q).expect("question"), Some(v)),
            Step::Notes(text) => Intent::SetNotes(text),
        };
        state.apply(intent);
        assert!(state.notice.is_none(), "{:?}", state.notice);
        acknowledge(&mut progress, n);
    }
}

/// A decided call: the cough with a high fever, accepted.
fn decided(g: &Guidance) -> (Assessment, arvio::engine::Evaluation) {
    let mut a = expected(g, 7);
    a.caller = arvio::assessment::Caller::Client;
    a.call.set(
        g.question_by_id("temp").expect("temp"),
        Some(Value::Number(39.5)),
    );
    let ev = evaluate(g, &a.call);
    a.accept(g, &ev, a.started).expect("accept");
    (a, ev)
}

/// Record `n` finishes `n` seconds after T0, so its number can be read back.
fn record(g: &Guidance, n: usize) -> LogRecord {
    let (a, ev) = decided(g);
    LogRecord::of(g, &a, &ev, t0() + chrono::Duration::seconds(n as i64)).expect("record")
}

fn number_of(r: &LogRecord) -> usize {
    (r.finished - t0()).num_seconds() as usize
}

#[test]
fn child_log_appender() {
    let Some(dir) = child_dir("log") else {
        return;
    };
    let g = common::load(&dir.join("guidance"));
    let log_dir = dir.join("log");
    let mut progress = progress_file(&dir);
    let start = Instant::now();
    let mut n = 0;
    while start.elapsed() < CHILD_LIFETIME {
        n += 1;
        log::append(&log_dir, &record(&g, n)).expect("append");
        acknowledge(&mut progress, n);
    }
}

// ---------------------------------------------------------------------------------------------
// The parents

/// Kills the child of `role` `KILLS` times and checks the autosave after each kill. With
/// [`FreeText::Omit`] (the app's default) the notes are never on disk, so the steps are compared
/// without them.
fn autosave_survives_kills(role: &str, test: &str, free_text: FreeText) {
    let mut report = Vec::new();
    for (round, &delay) in DELAYS_MS.iter().enumerate() {
        let root = tempfile::tempdir().expect("tmp");
        let guidance = setup(root.path());
        let g = common::load(&guidance);
        let acked = run_and_kill(role, test, root.path(), Duration::from_millis(delay));
        let path = root.path().join("data/autosave.ron");
        // Never a half file: it reads whole (a torn RON file would not parse).
        let save = match autosave::read(&path) {
            Ok(Some(save)) => save,
            Ok(None) => panic!("round {round}: no autosave after {acked} acknowledged steps"),
            Err(e) => panic!("round {round}: the autosave is broken: {e}"),
        };
        assert!(save.matches(&g), "round {round}: made on this guidance");
        let (restored, dropped) = save.restore(&g);
        assert!(dropped.is_empty(), "round {round}: dropped {dropped:?}");
        if free_text == FreeText::Omit {
            assert!(save.notes.is_empty(), "round {round}: notes on disk");
        }
        let on_disk = |n: usize| {
            let mut a = expected(&g, n);
            if free_text == FreeText::Omit {
                a.notes.clear();
            }
            a
        };
        // Nothing acknowledged is lost; at most the step in flight is, or is already there.
        let saved = if restored == on_disk(acked) {
            acked
        } else if restored == on_disk(acked + 1) {
            acked + 1
        } else {
            panic!(
                "round {round}: the autosave is neither step {acked} nor {}: {restored:#?}",
                acked + 1
            )
        };
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "round {round}: private");
        }
        report.push(format!(
            "kill {} after {delay} ms: {acked} steps acknowledged, autosave holds step {saved}",
            round + 1
        ));
    }
    eprintln!("{role}:\n  {}", report.join("\n  "));
}

#[test]
fn kill_9_while_autosaving_loses_no_acknowledged_step_and_leaves_no_half_file() {
    if env::var_os(ROLE).is_some() {
        return;
    }
    autosave_survives_kills("autosave", "child_autosave_writer", FreeText::Keep);
}

#[cfg(feature = "gui")]
#[test]
fn kill_9_during_a_call_in_the_app_loses_nothing_typed() {
    if env::var_os(ROLE).is_some() {
        return;
    }
    // The app keeps the notes in memory only (issue 15): the answers survive, the notes are
    // never on disk.
    autosave_survives_kills("call", "child_call_in_the_app", FreeText::Omit);
}

#[test]
fn kill_9_while_logging_leaves_only_whole_records_and_reports_any_torn_tail() {
    if env::var_os(ROLE).is_some() {
        return;
    }
    let mut report = Vec::new();
    let mut torn_by_kill = 0;
    for (round, &delay) in DELAYS_MS.iter().enumerate() {
        let root = tempfile::tempdir().expect("tmp");
        let guidance = setup(root.path());
        let g = common::load(&guidance);
        let acked = run_and_kill(
            "log",
            "child_log_appender",
            root.path(),
            Duration::from_millis(delay),
        );
        let log_dir = root.path().join("log");
        let file = log_dir.join(record(&g, 1).file_name());
        // Every other round, a power cut on top: the last line loses its second half.
        let cut = round % 2 == 1;
        if cut {
            let bytes = fs::read(&file).expect("log");
            let last_start = bytes[..bytes.len() - 1]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let keep = last_start + (bytes.len() - last_start) / 2;
            fs::OpenOptions::new()
                .write(true)
                .open(&file)
                .and_then(|f| f.set_len(keep as u64))
                .expect("cut");
        }
        let bytes = fs::read(&file).expect("log");
        let whole_lines = bytes.iter().filter(|&&b| b == b'\n').count();
        let tail = &bytes[bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)..];
        if !cut && !tail.is_empty() {
            torn_by_kill += 1;
        }

        let read = log::read_dir(&log_dir);
        assert!(read.errors.is_empty(), "round {round}: {:?}", read.errors);
        // Records and set-aside tails account for every line, whole or torn.
        assert_eq!(
            read.records.len() + read.set_aside.len(),
            whole_lines + usize::from(!tail.is_empty()),
            "round {round}: every line is a record or reported as set aside"
        );
        // Only whole records, each once, in order: 1..=m.
        let numbers: Vec<usize> = read.records.iter().map(number_of).collect();
        let m = numbers.len();
        assert_eq!(numbers, (1..=m).collect::<Vec<_>>(), "round {round}");
        for r in &read.records {
            assert_eq!(r, &record(&g, number_of(r)), "round {round}: record intact");
        }
        if cut {
            // The acknowledged record cut by the power loss is set aside and reported, with its
            // bytes, not silently dropped.
            assert_eq!(read.set_aside.len(), 1, "round {round}");
            let s = &read.set_aside[0];
            assert_eq!(s.line, m + 1);
            assert_eq!(fs::read(&s.to).expect("set-aside file"), tail);
            assert!(
                m + 1 >= acked && m < acked + 1,
                "round {round}: m={m}, acked={acked}"
            );
        } else {
            // Nothing acknowledged is lost; the append in flight is there whole or not at all.
            assert!(
                m == acked || m == acked + 1,
                "round {round}: {m} records after {acked} acknowledged"
            );
        }
        // The restarted app appends on cleanly after the crash.
        log::append(&log_dir, &record(&g, m + 1)).expect("append after the crash");
        let again = log::read_dir(&log_dir);
        assert!(again.errors.is_empty() && again.set_aside.is_empty());
        assert_eq!(again.records.len(), m + 1);
        assert_eq!(again.torn_files.len(), usize::from(cut));
        report.push(format!(
            "kill {} after {delay} ms: {acked} appends acknowledged, {m} records read{}",
            round + 1,
            if cut {
                ", last line cut in half after the kill and set aside".to_owned()
            } else {
                format!(", {} set aside", read.set_aside.len())
            }
        ));
    }
    eprintln!(
        "log ({torn_by_kill} torn tails left by the kills themselves):\n  {}",
        report.join("\n  ")
    );
}
