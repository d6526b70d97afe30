//! The fuzz and fault campaign of issue 15, kept in the repository (docs/SAFETY.md tells how to
//! run the long one and the counts measured).
//!
//! - **Mutation** of every file kind the program reads: the guidance settings, a question
//!   pool, a reason, a scenario, a training case, an answers file, a log line, an autosave.
//! - **Special files** in every place a file or folder is read: a FIFO, a symlink loop, a
//!   dangling link, a link to /dev/zero, a link to a secret outside the folder, an unreadable
//!   file or folder (skipped when permissions do not hold, as for root).
//! - **Concurrent changes**: loads while the guidance is rewritten file by file.
//! - **A slow file system**: a load that stalls on every file, run on a [`arvio::worker::Job`]
//!   while the caller keeps polling.
//!
//! Every case runs on its own thread under a 5 s watchdog. Findings: panics, hangs, errors
//! without a position, a special file accepted, a secret shown, a torn load. The default run is
//! a few hundred cases; `ARVIO_CAMPAIGN_CASES=N` sets the mutations per file kind.

mod common;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use arvio::diagnostic::Diagnostic;
use common::*;

const HANG: Duration = Duration::from_secs(5);
const SECRET: &str = "campaign-secret-7f3a";

#[derive(Default)]
struct Report {
    cases: usize,
    findings: Vec<String>,
}

impl Report {
    fn finding(&mut self, what: impl Into<String>) {
        self.findings.push(what.into());
    }
}

/// What a case produced: "ok", or the diagnostics (file, line, col, text) of the refusal.
enum Outcome {
    Ok,
    Refused(Vec<Diagnostic>),
    /// Another result, in words (an autosave's or a log line's refusal).
    Other(#[allow(dead_code)] String),
}

/// Runs `case` on its own thread: a panic or a hang is a finding, else its outcome.
fn run(
    report: &mut Report,
    what: &str,
    case: impl FnOnce() -> Outcome + Send + 'static,
) -> Option<Outcome> {
    report.cases += 1;
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::spawn(move || {
        let _ = tx.send(case());
    });
    match rx.recv_timeout(HANG) {
        Ok(outcome) => {
            let _ = handle.join();
            Some(outcome)
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            report.finding(format!("{what}: hung for more than {HANG:?}"));
            None
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            report.finding(format!("{what}: panicked"));
            None
        }
    }
}

/// Checks that every diagnostic has a position and shows no secret.
fn check_refusal(report: &mut Report, what: &str, diags: &[Diagnostic]) {
    if diags.is_empty() {
        report.finding(format!("{what}: refused with no diagnostic"));
    }
    for d in diags {
        if d.file.as_os_str().is_empty() || d.pos.line == 0 || d.pos.col == 0 {
            report.finding(format!("{what}: unpositioned error: {d}"));
        }
        let shown = format!("{d} {}", d.line.as_deref().unwrap_or(""));
        if shown.contains(SECRET) {
            report.finding(format!("{what}: the secret was shown: {shown}"));
        }
    }
}

/// A small deterministic generator (xorshift), so that a finding can be replayed by its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "r#\"",
    "Not(",
    "All([",
    "Some(",
    "\u{0}",
    "\u{1b}[2J",
    "\u{feff}",
    "1e999",
    "-0",
    "\\u{110000}",
    "\n",
    "/*",
    "//",
    "é",
    "🙂",
];

/// `text` mutated in one of a few ways.
fn mutate(text: &str, rng: &mut Rng) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    let at = rng.below(bytes.len() + 1);
    match rng.below(6) {
        0 => bytes.truncate(at),
        1 => {
            let token = TOKENS[rng.below(TOKENS.len())];
            bytes.splice(at..at, token.bytes());
        }
        2 if !bytes.is_empty() => {
            let i = at.min(bytes.len() - 1);
            bytes[i] ^= 1 << rng.below(8);
        }
        3 => {
            let end = (at + rng.below(64)).min(bytes.len());
            bytes.drain(at..end);
        }
        4 => {
            let end = (at + rng.below(256)).min(bytes.len());
            let copy = bytes[at..end].to_vec();
            bytes.splice(at..at, copy);
        }
        _ => {
            bytes.splice(at..at, [0xff, 0xfe, 0xc3]);
        }
    }
    bytes
}

fn cases_per_kind() -> usize {
    std::env::var("ARVIO_CAMPAIGN_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20)
}

const POOL: &str = r#"[
    (id: "pain", text: (fi: "Kipua?", sv: "Smärta?", en: "Pain?"), kind: YesNo),
]
"#;

const SCENARIO: &str = r#"Scenario(
    name: "mild cough",
    at: "2026-03-02T10:00:00+02:00",
    reasons: ["cough"],
    answers: {"fever": No, "kind": Choice("dry")},
    expect: (timeframe: "self_care", rule: "cough_mild"),
)
"#;

fn shipped(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("rules/default")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn first_file(dir: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("rules/default")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    std::fs::read_to_string(&files[0]).unwrap()
}

/// A fixture folder with a question pool, a scenario and a training case.
fn full_fixture() -> tempfile::TempDir {
    let dir = fixture();
    for (rel, text) in [
        ("questions/01_general.ron", POOL.to_owned()),
        ("scenarios/01.ron", SCENARIO.to_owned()),
    ] {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// Loads everything a guidance folder holds, as `arvio check` does.
fn load_all(dir: &Path) -> Outcome {
    match arvio::guidance::load_guidance(dir) {
        Err(d) => Outcome::Refused(d),
        Ok(g) => {
            let (_, mut diags) = arvio::scenario::load_scenarios(dir);
            diags.extend(arvio::training::load_training(dir, &g).1);
            if diags.is_empty() {
                Outcome::Ok
            } else {
                Outcome::Refused(diags)
            }
        }
    }
}

fn mutation_campaign(report: &mut Report) {
    let n = cases_per_kind();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let kinds: Vec<(&str, String)> = vec![
        ("guidance.ron", GUIDANCE.to_owned()),
        ("questions/01_general.ron", POOL.to_owned()),
        ("reasons/01_cough.ron", COUGH.to_owned()),
        ("scenarios/01.ron", SCENARIO.to_owned()),
        ("training/01.ron", first_file("training")),
    ];
    for (rel, sample) in &kinds {
        for i in 0..n {
            let bytes = mutate(sample, &mut rng);
            let dir = full_fixture();
            if rel.starts_with("training") {
                // A shipped training case is checked against the shipped guidance.
                copy_shipped(dir.path());
            }
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &bytes).unwrap();
            let what = format!("mutated {rel} #{i}");
            let folder = dir.path().to_path_buf();
            if let Some(Outcome::Refused(d)) = run(report, &what, move || load_all(&folder)) {
                check_refusal(report, &what, &d);
            }
        }
    }
    answers_log_autosave(report, &mut rng, n);
}

fn copy_shipped(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir.join("reasons"));
    let _ = std::fs::remove_dir_all(dir.join("questions"));
    let _ = std::fs::remove_dir_all(dir.join("scenarios"));
    std::fs::write(dir.join("guidance.ron"), shipped("guidance.ron")).unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/default/reasons");
    std::fs::create_dir_all(dir.join("reasons")).unwrap();
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join("reasons").join(e.file_name())).unwrap();
    }
}

/// Answers files (`arvio eval --answers`), log lines and autosaves, mutated.
fn answers_log_autosave(report: &mut Report, rng: &mut Rng, n: usize) {
    let log_line = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/log/arvio-2026-10.jsonl"),
    )
    .unwrap()
    .lines()
    .next()
    .unwrap()
    .to_owned();
    for i in 0..n {
        let dir = tempfile::tempdir().unwrap();
        let answers = dir.path().join("answers.ron");
        std::fs::write(&answers, mutate(SCENARIO, rng)).unwrap();
        let what = format!("mutated answers #{i}");
        if let Some(Outcome::Refused(d)) =
            run(
                report,
                &what,
                move || match arvio::scenario::load_scenario(&answers) {
                    Ok(_) => Outcome::Ok,
                    Err(d) => Outcome::Refused(vec![d]),
                },
            )
        {
            check_refusal(report, &what, &d);
        }
        let line = mutate(&log_line, rng);
        run(
            report,
            &format!("mutated log line #{i}"),
            move || match arvio::log::parse_line(&line) {
                Ok(_) => Outcome::Ok,
                Err(e) => Outcome::Other(e),
            },
        );
        let autosave = dir.path().join("autosave.ron");
        std::fs::write(&autosave, mutate(SCENARIO, rng)).unwrap();
        run(
            report,
            &format!("mutated autosave #{i}"),
            move || match arvio::autosave::read(&autosave) {
                Ok(_) => Outcome::Ok,
                Err(e) => Outcome::Other(e),
            },
        );
    }
}

/// The special things put in place of a file or folder.
#[cfg(unix)]
const SPECIALS: &[&str] = &[
    "fifo",
    "loop",
    "dangling",
    "dev-zero",
    "secret",
    "unreadable",
];

#[cfg(unix)]
fn make_special(kind: &str, path: &Path, secret: &Path) -> bool {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let _ = std::fs::remove_dir_all(path);
    let _ = std::fs::remove_file(path);
    match kind {
        "fifo" => std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success()),
        "loop" => symlink(path, path).is_ok(),
        "dangling" => symlink("/nonexistent/arvio-campaign", path).is_ok(),
        "dev-zero" => symlink("/dev/zero", path).is_ok(),
        "secret" => symlink(secret, path).is_ok(),
        _ => {
            std::fs::write(path, SECRET).unwrap();
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).unwrap();
            std::fs::read(path).is_err()
        }
    }
}

#[cfg(unix)]
fn special_campaign(report: &mut Report) {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("credentials.ron");
    std::fs::write(&secret, format!("Reason(id: \"{SECRET}\")")).unwrap();
    let places = [
        "guidance.ron",
        "reasons/01_cough.ron",
        "reasons/03_extra.ron",
        "questions/01_general.ron",
        "scenarios/01.ron",
        "training/01.ron",
        "reasons",
        "questions",
        "scenarios",
        "training",
    ];
    for place in places {
        for kind in SPECIALS {
            let dir = full_fixture();
            std::fs::create_dir_all(dir.path().join("training")).unwrap();
            let path = dir.path().join(place);
            if !make_special(kind, &path, &secret) {
                continue; // e.g. permissions do not hold for root
            }
            let what = format!("{kind} as {place}");
            let folder = dir.path().to_path_buf();
            match run(report, &what, move || load_all(&folder)) {
                Some(Outcome::Ok) => report.finding(format!("{what}: accepted")),
                Some(Outcome::Refused(d)) => check_refusal(report, &what, &d),
                _ => {}
            }
        }
    }
    // An answers file, a log file and an autosave that are special.
    for kind in SPECIALS {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("arvio-2026-10.jsonl");
        if !make_special(kind, &path, &secret) {
            continue;
        }
        let (answers, log, autosave) = (path.clone(), dir.path().to_path_buf(), path.clone());
        match run(report, &format!("{kind} as answers"), move || {
            match arvio::scenario::load_scenario(&answers) {
                Ok(_) => Outcome::Ok,
                Err(d) => Outcome::Refused(vec![d]),
            }
        }) {
            // An answers file is the user's own choice: a link to a file is followed wherever
            // it leads (only a link inside a guidance folder is confined), so a "secret" there
            // is the user's file, read because the user named it.
            Some(Outcome::Ok) if *kind != "secret" => {
                report.finding(format!("{kind} as answers: accepted"))
            }
            Some(Outcome::Refused(d)) if *kind != "secret" => {
                check_refusal(report, &format!("{kind} as answers"), &d)
            }
            _ => {}
        }
        run(report, &format!("{kind} in the log folder"), move || {
            let read = arvio::log::read_dir(&log);
            Outcome::Other(format!("{} records", read.records.len()))
        });
        run(
            report,
            &format!("{kind} as the autosave"),
            move || match arvio::autosave::read(&autosave) {
                Ok(Some(_)) => Outcome::Ok,
                Ok(None) => Outcome::Other("none".into()),
                Err(e) if e.contains(SECRET) => Outcome::Other(format!("secret shown: {e}")),
                Err(e) => Outcome::Other(e),
            },
        );
    }
}

fn concurrent_campaign(report: &mut Report) {
    let dir = fixture();
    let versions = [
        [GUIDANCE.to_owned(), COUGH.to_owned()],
        [
            GUIDANCE.replace("\"1.0\"", "\"2.0-pulled\""),
            COUGH.replace("\"Rest\"", "\"Rest well\""),
        ],
    ];
    let rels = ["guidance.ron", "reasons/01_cough.ron"];
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (dir, stop, versions) = (dir.path().to_path_buf(), stop.clone(), versions.clone());
        std::thread::spawn(move || {
            for i in 0..2000 {
                if stop.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                for (rel, text) in rels.iter().zip(&versions[i % 2]) {
                    let tmp = dir.join("swap.tmp");
                    std::fs::write(&tmp, text).unwrap();
                    std::fs::rename(&tmp, dir.join(rel)).unwrap();
                }
                std::thread::sleep(Duration::from_millis(5));
            }
        })
    };
    for i in 0..50 {
        report.cases += 1;
        if let Ok(s) = arvio::guidance::folder::read_snapshot(dir.path()) {
            let texts = [&s.sources[0], &s.sources[1]];
            let version = |t: &String, f: usize| versions.iter().position(|v| &v[f] == t);
            match (version(texts[0], 0), version(texts[1], 1)) {
                (Some(_), Some(_)) => {}
                _ => report.finding(format!("concurrent load #{i}: a half-written file")),
            }
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
}

/// A file system that answers slowly: every file read stalls 50 ms; the load runs on a worker
/// and the caller's polls never wait.
fn slow_campaign(report: &mut Report) {
    let dir = fixture();
    let folder = dir.path().to_path_buf();
    let mut job = arvio::worker::Job::spawn("slow", move || {
        arvio::guidance::folder::read_snapshot_with(&folder, &mut |_| {
            std::thread::sleep(Duration::from_millis(50));
        })
        .is_ok()
    });
    report.cases += 1;
    let start = std::time::Instant::now();
    let mut longest = Duration::ZERO;
    let done = loop {
        let before = std::time::Instant::now();
        let polled = job.poll();
        longest = longest.max(before.elapsed());
        match polled {
            arvio::worker::Poll::Pending if start.elapsed() < HANG => {
                std::thread::sleep(Duration::from_millis(1));
            }
            arvio::worker::Poll::Done(ok) => break ok,
            _ => break false,
        }
    };
    if !done {
        report.finding("slow file system: the load did not finish");
    }
    if longest > Duration::from_millis(20) {
        report.finding(format!("slow file system: a poll waited {longest:?}"));
    }
}

#[test]
fn the_fault_campaign_finds_nothing() {
    let mut report = Report::default();
    mutation_campaign(&mut report);
    #[cfg(unix)]
    special_campaign(&mut report);
    concurrent_campaign(&mut report);
    slow_campaign(&mut report);
    eprintln!(
        "fault campaign: {} cases, {} findings",
        report.cases,
        report.findings.len()
    );
    assert!(
        report.findings.is_empty(),
        "{} findings in {} cases:\n{}",
        report.findings.len(),
        report.cases,
        report.findings.join("\n")
    );
}
