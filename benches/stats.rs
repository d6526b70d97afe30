//! `arvio stats` on a large log (issue 15, point 4): 1,000,000 generated records, streamed through
//! [`Stats::from_log`] as the command does. Target: ≤ 3 s and ≤ 100 MB peak memory.
//!
//! A plain timed main, not criterion: a pass over a log this size is the figure wanted (three
//! passes are timed and the fastest reported, with its CPU time and the load average), and
//! the peak memory is the process's own (`VmHWM` in `/proc/self/status`, Linux), reset after the
//! log is written (`/proc/self/clear_refs`), so it is that of the statistics alone. Where `/proc`
//! is missing the peak is not shown; measure the command instead with
//! `/usr/bin/time -v target/release/arvio stats <dir>` ("Maximum resident set size").
//!
//! Run: `cargo bench --bench stats` (`ARVIO_STATS_RECORDS=<n>` for another size,
//! `ARVIO_STATS_KEEP=<dir>` to write the log there and keep it, e.g. for `/usr/bin/time`).

use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use arvio::assessment::{Caller, Channel};
use arvio::disposition::Disposition;
use arvio::log::{
    GuidanceStamp, Kind, LogRecord, LoggedDecision, LoggedProposal, RedFlagResult, SCHEMA_VERSION,
};
use arvio::stats::{Filter, Stats};
use chrono::{DateTime, Duration};

const DEFAULT_RECORDS: usize = 1_000_000;
/// Timed passes over the log; the fastest is reported.
const PASSES: usize = 3;
/// Spread over two years of monthly files.
const MONTHS: usize = 24;
const TIMEFRAMES: [(&str, Kind, Option<u32>); 4] = [
    ("emergency", Kind::Emergency, None),
    ("days_1_3", Kind::Scheduled, Some(3)),
    ("days_1_7", Kind::Scheduled, Some(7)),
    ("self_care", Kind::SelfCare, None),
];
const MODES: [Option<&str>; 3] = [Some("visit"), Some("phone"), None];
const REASONS: [&str; 8] = [
    "cough",
    "fever",
    "sore_throat",
    "ear",
    "urine",
    "back",
    "rash",
    "mental",
];

/// The `i`th record: reasons, timeframes, modes, overrides and durations varied by `i`.
fn record(i: usize) -> LogRecord {
    let start = DateTime::parse_from_rfc3339("2025-01-01T08:00:00+02:00").expect("date");
    let finished = start + Duration::minutes((i * 730 * 24 * 60 / DEFAULT_RECORDS) as i64);
    let disposition = |n: usize| {
        let (timeframe, kind, max_days) = TIMEFRAMES[n % TIMEFRAMES.len()];
        let mode = MODES[n % MODES.len()].map(str::to_owned);
        let professional = mode.as_ref().map(|_| ["nurse", "doctor"][n % 2].to_owned());
        let remote = mode.as_deref() == Some("phone");
        let d = Disposition {
            timeframe: timeframe.to_owned(),
            mode,
            professional,
        };
        (d, kind, max_days, remote)
    };
    let (p, p_kind, p_max, p_remote) = disposition(i / 3);
    let overridden = i.is_multiple_of(7);
    let (d, d_kind, d_max, d_remote) = disposition(i / 3 + usize::from(overridden));
    let mut reasons = vec![REASONS[i % REASONS.len()].to_owned()];
    if i.is_multiple_of(5) {
        reasons.push(REASONS[(i / 5) % REASONS.len()].to_owned());
    }
    LogRecord {
        schema: SCHEMA_VERSION,
        finished,
        guidance: GuidanceStamp {
            name: "Vastaanoton hoidon tarpeen arviointi".to_owned(),
            version: ["1.0", "1.1", "2.0"][i * 3 / DEFAULT_RECORDS].to_owned(),
            hash: format!("{:064x}", i * 3 / DEFAULT_RECORDS),
        },
        proposal: LoggedProposal {
            disposition: p,
            kind: p_kind,
            max_days: p_max,
            max_hours: None,
            rule: format!("{}_rule_{}", reasons[0], i % 11),
            remote: p_remote,
            service: Some(["health_station", "on_call"][i % 2].to_owned()),
            nurse_judgement: i.is_multiple_of(17),
        },
        decision: LoggedDecision {
            disposition: d,
            kind: d_kind,
            max_days: d_max,
            max_hours: None,
            remote: d_remote,
            service: Some(["health_station", "on_call"][i % 2].to_owned()),
            nurse_judgement: !overridden && i.is_multiple_of(17),
            overridden,
            lowers_urgency: overridden && i.is_multiple_of(2),
            override_category: overridden.then(|| ["judgement", "preference"][i % 2].to_owned()),
        },
        reasons,
        red_flags: if i.is_multiple_of(13) {
            RedFlagResult::Hit {
                ids: vec!["rf_chest".to_owned()],
            }
        } else {
            RedFlagResult::None
        },
        duration_seconds: 60 + (i * 37 % 900) as u64,
        caller: if i.is_multiple_of(4) {
            Caller::OnBehalf
        } else {
            Caller::Client
        },
        channel: Channel::Phone,
        approval: None,
    }
}

/// Writes `n` records into monthly files, streaming (nothing is kept); returns the bytes.
fn write_log(dir: &Path, n: usize) -> u64 {
    let mut bytes = 0;
    let mut current: Option<(String, BufWriter<fs::File>)> = None;
    for i in 0..n {
        let r = record(i * DEFAULT_RECORDS / n.max(1));
        let name = r.file_name();
        if current.as_ref().is_none_or(|(open, _)| *open != name) {
            if let Some((_, mut w)) = current.take() {
                w.flush().expect("flush");
            }
            let file = fs::File::create(dir.join(&name)).expect("log file");
            current = Some((name, BufWriter::with_capacity(1 << 20, file)));
        }
        let line = r.to_line();
        bytes += line.len() as u64 + 1;
        let (_, w) = current.as_mut().expect("open");
        w.write_all(line.as_bytes()).expect("write");
        w.write_all(b"\n").expect("write");
    }
    if let Some((_, mut w)) = current {
        w.flush().expect("flush");
    }
    bytes
}

/// The CPU time this process has used, user and system, where Linux's `/proc` tells it (in
/// clock ticks of 10 ms). On a machine shared with other work the wall time grows with the
/// load; the CPU time much less.
fn cpu_seconds() -> Option<f64> {
    let stat = fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i)?.parse::<f64>().ok();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name and state.
    Some((ticks(11)? + ticks(12)?) / 100.0)
}

/// The process's peak resident memory in KiB (`VmHWM`), where Linux's `/proc` tells it.
fn peak_kib() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    // `cargo bench` passes `--bench`; a filter naming another bench skips this one.
    if std::env::args()
        .skip(1)
        .any(|a| !a.starts_with('-') && !"stats".contains(&*a))
    {
        return;
    }
    let n = std::env::var("ARVIO_STATS_RECORDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_RECORDS);
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = std::env::var_os("ARVIO_STATS_KEEP").map_or(tmp.path().to_path_buf(), Into::into);
    fs::create_dir_all(&dir).expect("log dir");
    let t = Instant::now();
    let bytes = write_log(&dir, n);
    println!(
        "stats: {n} records, {:.0} MB in {MONTHS} monthly files, written in {:.1} s",
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    let before = peak_kib();
    // Reset the peak, so that what is measured is the statistics' own (Linux ≥ 4.0).
    let reset = fs::write("/proc/self/clear_refs", "5").is_ok();
    // Three passes; the fastest counts (the first may still meet the log's pages being
    // written back, and the machine may be shared).
    let mut best: Option<(
        std::time::Duration,
        Option<f64>,
        (Stats, arvio::log::LogSummary),
    )> = None;
    for pass in 1..=PASSES {
        let cpu_before = cpu_seconds();
        let t = Instant::now();
        let result = Stats::from_log(&dir, &Filter::default(), Some(30.0));
        let elapsed = t.elapsed();
        let cpu = cpu_seconds()
            .zip(cpu_before)
            .map(|(after, before)| after - before);
        println!(
            "stats: pass {pass}: {:.2} s, CPU time {}",
            elapsed.as_secs_f64(),
            cpu.map_or("not known".to_owned(), |c| format!("{c:.2} s"))
        );
        if best.as_ref().is_none_or(|(b, _, _)| elapsed < *b) {
            best = Some((elapsed, cpu, result));
        }
    }
    let (elapsed, cpu, (stats, summary)) = best.expect("at least one pass");
    let text = stats.to_text();
    assert_eq!(stats.total, n, "every record counted");
    assert!(summary.errors.is_empty(), "{:?}", &summary.errors[..1]);
    assert!(text.contains("Timeframe"));
    let peak = peak_kib();
    println!(
        "stats: Stats::from_log over {n} records, fastest pass {:.2} s ({:.0} MB/s), CPU time {}",
        elapsed.as_secs_f64(),
        bytes as f64 / 1e6 / elapsed.as_secs_f64(),
        cpu.map_or("not known here".to_owned(), |c| format!("{c:.2} s"))
    );
    let load = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    if let Some(one_minute) = load.split_whitespace().next() {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        println!("stats: load average {one_minute} on {cores} cores while measuring");
    }
    match (peak, reset) {
        (Some(p), true) => println!("stats: peak resident memory {:.1} MB", p as f64 / 1024.0),
        (Some(p), false) => println!(
            "stats: peak resident memory {:.1} MB (with writing the log; {:.1} MB before)",
            p as f64 / 1024.0,
            before.unwrap_or(0) as f64 / 1024.0
        ),
        (None, _) => println!("stats: peak memory not known here (no /proc)"),
    }
    let ok = elapsed.as_secs_f64() <= 3.0 && peak.is_none_or(|p| p <= 100 * 1024);
    println!(
        "stats: target ≤ 3 s and ≤ 100 MB: {}",
        if ok { "met" } else { "NOT MET" }
    );
}
