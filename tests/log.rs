//! The anonymous assessment log: what a record holds (and never holds), appending, permissions,
//! and torn last lines set aside rather than dropped.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use arvio::assessment::{Assessment, Caller, Channel, OverrideReason};
use arvio::call::Value;
use arvio::disposition::{Disposition, Resolved};
use arvio::engine::{Evaluation, evaluate};
use arvio::guidance::Guidance;
use arvio::log::{
    self, GuidanceStamp, Kind, LogRecord, LoggedApproval, LoggedDecision, LoggedProposal,
    RedFlagResult,
};
use chrono::{DateTime, FixedOffset};
use common::*;

// ---------------------------------------------------------------------------------------------
// Helpers

const PIC: &str = "131052-308T";
const PHONE: &str = "040 123 4567";

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("RFC 3339")
}

fn guidance() -> Guidance {
    let dir = fixture();
    load(dir.path())
}

fn set(g: &Guidance, a: &mut Assessment, q: &str, v: Value) {
    let id = g
        .question_by_id(q)
        .unwrap_or_else(|| panic!("no question `{q}`"));
    a.call.set(id, Some(v));
}

/// A cough call with a high fever, every question answered, not yet decided.
fn high_fever(g: &Guidance, started: &str) -> (Assessment, Evaluation) {
    let mut a = Assessment::new(g, t(started));
    a.caller = arvio::assessment::Caller::Client;
    a.call.add_reason(g.reason_by_id("cough").expect("cough"));
    set(g, &mut a, "rf_chest", Value::No);
    set(g, &mut a, "rf_confused", Value::No);
    set(g, &mut a, "age", Value::Number(40.0));
    set(g, &mut a, "fever", Value::Yes);
    set(g, &mut a, "temp", Value::Number(39.5));
    set(g, &mut a, "kind", Value::Choice(0));
    let ev = evaluate(g, &a.call);
    assert!(ev.complete(), "every question answered: {ev:?}");
    (a, ev)
}

/// The high-fever call overridden to 1–7 days by phone with a nurse, with identifying free text
/// in the notes and the override explanation.
fn overridden(g: &Guidance, category: &str) -> (Assessment, Evaluation) {
    let (mut a, ev) = high_fever(g, "2026-11-23T09:00:00+02:00");
    a.caller = Caller::OnBehalf;
    a.notes = format!("Tytär soitti äidistään {PIC}, takaisinsoitto {PHONE}");
    a.override_with(
        g,
        &ev,
        a.started,
        Resolved {
            timeframe: g.timeframe_by_id("days_1_7").expect("tf"),
            mode: g.mode_by_id("phone"),
            professional: g.professional_by_id("nurse"),
        },
        OverrideReason {
            category: category.to_owned(),
            text: format!("Asiakas {PIC} toivoo puhelua numeroon {PHONE}"),
        },
    )
    .expect("override");
    (a, ev)
}

/// Every file under `dir`, recursively, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).expect("read dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn assert_nowhere(dir: &Path, needles: &[&str]) {
    let files = files_under(dir);
    assert!(!files.is_empty(), "the log directory has files");
    for f in files {
        let bytes = fs::read(&f).expect("read");
        let text = String::from_utf8_lossy(&bytes);
        let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        for n in needles {
            let compact: String = n.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(
                !text.contains(n) && !digits.contains(&compact),
                "`{n}` found in {}:\n{text}",
                f.display()
            );
        }
        // Nothing of the free text at all, not even a word of it.
        for word in ["Tytär", "äidistään", "toivoo", "takaisinsoitto"] {
            assert!(!text.contains(word), "`{word}` found in {}", f.display());
        }
    }
}

#[cfg(unix)]
fn mode_of(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

fn record(finished: &str) -> LogRecord {
    let g = guidance();
    let (mut a, ev) = high_fever(&g, "2026-11-23T09:00:00+02:00");
    a.accept(&g, &ev, a.started).expect("accept");
    LogRecord::of(&g, &a, &ev, t(finished)).expect("decided")
}

fn copy_fixture_log(to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/log");
    for e in fs::read_dir(from).expect("fixture log") {
        let p = e.expect("entry").path();
        fs::copy(&p, to.join(p.file_name().expect("name"))).expect("copy");
    }
}

// ---------------------------------------------------------------------------------------------
// The record

#[test]
fn an_overridden_call_is_recorded_by_ids_only() {
    let g = guidance();
    let (a, ev) = overridden(&g, "judgement");
    let finished = t("2026-11-23T09:05:00+02:00");
    let r = LogRecord::of(&g, &a, &ev, finished).expect("decided");
    let expected = LogRecord {
        schema: log::SCHEMA_VERSION,
        finished,
        guidance: GuidanceStamp {
            name: "Testiohje".into(),
            version: "1.0".into(),
            hash: g.provenance.hash.clone(),
        },
        reasons: vec!["cough".into()],
        red_flags: RedFlagResult::None,
        proposal: LoggedProposal {
            disposition: Disposition {
                timeframe: "days_1_3".into(),
                mode: Some("visit".into()),
                professional: Some("doctor".into()),
            },
            kind: Kind::Scheduled,
            max_days: Some(3),
            max_hours: None,
            rule: "cough_high_fever".into(),
            remote: false,
            service: None,
            nurse_judgement: false,
        },
        decision: LoggedDecision {
            disposition: Disposition {
                timeframe: "days_1_7".into(),
                mode: Some("phone".into()),
                professional: Some("nurse".into()),
            },
            kind: Kind::Scheduled,
            max_days: Some(7),
            max_hours: None,
            remote: true,
            service: None,
            nurse_judgement: false,
            overridden: true,
            lowers_urgency: true,
            override_category: Some("judgement".into()),
        },
        duration_seconds: 300,
        caller: Caller::OnBehalf,
        channel: Channel::Phone,
        approval: Some(LoggedApproval {
            status: "not_approved".into(),
            date: None,
            version: None,
            hash: None,
        }),
    };
    assert_eq!(r, expected);
    // The line format is part of the contract (docs/statistics.md): pin it.
    let line = r.to_line().replace(&g.provenance.hash, "HASH");
    assert_eq!(
        line,
        r#"{"schema":3,"finished":"2026-11-23T09:05:00+02:00","guidance":{"name":"Testiohje","version":"1.0","hash":"HASH"},"reasons":["cough"],"red_flags":{"result":"none"},"proposal":{"timeframe":"days_1_3","mode":"visit","professional":"doctor","kind":"scheduled","max_days":3,"rule":"cough_high_fever","remote":false,"service":null,"nurse_judgement":false},"decision":{"timeframe":"days_1_7","mode":"phone","professional":"nurse","kind":"scheduled","max_days":7,"remote":true,"service":null,"nurse_judgement":false,"overridden":true,"lowers_urgency":true,"override_category":"judgement"},"duration_seconds":300,"caller":"OnBehalf","channel":"Phone","approval":{"status":"not_approved"}}"#
    );
    assert_eq!(r.file_name(), "arvio-2026-11.jsonl");
    assert_eq!(log::parse_line(r.to_line().as_bytes()), Ok(r.clone()));
    // The same record as schema 1 wrote it still reads, with no service and no nurse's judgement.
    let schema_1 = r#"{"schema":1,"finished":"2026-11-23T09:05:00+02:00","guidance":{"name":"Testiohje","version":"1.0","hash":"HASH"},"reasons":["cough"],"red_flags":{"result":"none"},"proposal":{"timeframe":"days_1_3","mode":"visit","professional":"doctor","kind":"scheduled","max_days":3,"rule":"cough_high_fever","remote":false},"decision":{"timeframe":"days_1_7","mode":"phone","professional":"nurse","kind":"scheduled","max_days":7,"remote":true,"overridden":true,"lowers_urgency":true,"override_category":"judgement"},"duration_seconds":300,"caller":"OnBehalf","channel":"Phone"}"#
        .replace("HASH", &g.provenance.hash);
    let old = log::parse_line(schema_1.as_bytes()).expect("a schema-1 line reads");
    assert_eq!(
        old,
        LogRecord {
            schema: 1,
            approval: None,
            ..r
        }
    );
}

/// Every line says whether the guidance the call ran on was approved, and for one changed since
/// its approval, which content the record approved (docs/SAFETY.md H-40).
#[test]
fn every_line_carries_the_guidance_approval() {
    let dir = fixture();
    let g = load(dir.path());
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
    let a = arvio::approval::approve("1.0", &g.provenance.hash, "Dr A", "physician", day, None)
        .expect("valid");
    arvio::approval::write(dir.path(), &a).expect("written");
    let logged = |g: &Guidance| {
        let (mut a, ev) = high_fever(g, "2026-11-23T09:00:00+02:00");
        a.accept(g, &ev, a.started).expect("accept");
        let r = LogRecord::of(g, &a, &ev, t("2026-11-23T09:05:00+02:00")).expect("decided");
        let back = log::parse_line(r.to_line().as_bytes()).expect("reads back");
        back.approval.expect("an approval")
    };
    let approved = logged(&load(dir.path()));
    assert_eq!(approved.status, "approved");
    assert_eq!(approved.date, Some(day));
    assert_eq!(approved.hash.as_deref(), Some(g.provenance.hash.as_str()));
    let cough = dir.path().join("reasons/01_cough.ron");
    let text = fs::read_to_string(&cough).expect("read");
    fs::write(
        &cough,
        text.replace("Ge(\"temp\", 39.0)", "Ge(\"temp\", 38.5)"),
    )
    .expect("write");
    let changed = logged(&load(dir.path()));
    assert_eq!(changed.status, "changed");
    assert_eq!(
        changed.hash.as_deref(),
        Some(g.provenance.hash.as_str()),
        "the hash approved"
    );
    // No name of the approver in the log.
    let (mut a2, ev) = high_fever(&load(dir.path()), "2026-11-23T09:00:00+02:00");
    let g2 = load(dir.path());
    a2.accept(&g2, &ev, a2.started).expect("accept");
    let line = LogRecord::of(&g2, &a2, &ev, t("2026-11-23T09:05:00+02:00"))
        .expect("decided")
        .to_line();
    assert!(!line.contains("Dr A"), "{line}");
}

#[test]
fn no_decision_no_record() {
    let g = guidance();
    let (a, ev) = high_fever(&g, "2026-11-23T09:00:00+02:00");
    assert_eq!(
        LogRecord::of(&g, &a, &ev, t("2026-11-23T09:05:00+02:00")),
        None
    );
}

#[test]
fn a_red_flag_hit_is_recorded_with_its_id() {
    let g = guidance();
    let mut a = Assessment::new(&g, t("2026-11-23T09:00:00+02:00"));
    a.caller = arvio::assessment::Caller::Client;
    a.channel = Channel::Chat;
    set(&g, &mut a, "rf_chest", Value::Yes);
    let ev = evaluate(&g, &a.call);
    a.accept(&g, &ev, a.started)
        .expect("an emergency can be decided at once");
    let r = LogRecord::of(&g, &a, &ev, t("2026-11-23T09:01:30+02:00")).expect("decided");
    assert_eq!(
        r.red_flags,
        RedFlagResult::Hit {
            ids: vec!["rf_chest".into()]
        }
    );
    assert_eq!(r.proposal.rule, "rf_chest");
    assert_eq!(r.proposal.kind, Kind::Emergency);
    assert_eq!(r.decision.max_days, None);
    assert_eq!(r.decision.disposition.mode, None);
    assert!(!r.decision.remote && !r.decision.overridden);
    assert_eq!(r.duration_seconds, 90);
    assert_eq!(r.channel, Channel::Chat);
    assert!(r.reasons.is_empty());
    assert!(
        r.to_line()
            .contains(r#""red_flags":{"result":"hit","ids":["rf_chest"]}"#)
    );
}

#[test]
fn a_clock_that_went_back_gives_zero_duration() {
    let r = record("2026-11-23T08:00:00+02:00");
    assert_eq!(r.duration_seconds, 0);
}

// ---------------------------------------------------------------------------------------------
// No free text, ever

#[test]
fn a_personal_identity_code_in_notes_and_override_text_is_nowhere_in_the_log() {
    let g = guidance();
    let dir = tempfile::tempdir().expect("temp dir");
    let log_dir = dir.path().join("log");
    let (a, ev) = overridden(&g, "preference");
    assert!(a.notes.contains(PIC));
    let r = LogRecord::of(&g, &a, &ev, t("2026-11-23T09:05:00+02:00")).expect("decided");
    let path = log::append(&log_dir, &r).expect("append");
    // A second call, accepted, with the same notes.
    let (mut b, ev_b) = high_fever(&g, "2026-11-23T10:00:00+02:00");
    b.notes = a.notes.clone();
    b.accept(&g, &ev_b, b.started).expect("accept");
    let r2 = LogRecord::of(&g, &b, &ev_b, t("2026-11-23T10:04:00+02:00")).expect("decided");
    assert_eq!(log::append(&log_dir, &r2).expect("append"), path);

    let text = fs::read_to_string(&path).expect("read");
    assert_eq!(text.lines().count(), 2);
    assert!(text.contains(r#""override_category":"preference""#));
    assert_nowhere(dir.path(), &[PIC, PHONE, "131052", "308T", "0401234567"]);
    let read = log::read_dir(&log_dir);
    assert_eq!(read.records, vec![r, r2]);
}

#[test]
fn an_override_category_not_on_the_guidance_list_is_not_logged() {
    // Whatever reaches the category field, only an id of the guidance's list is kept.
    let g = guidance();
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, ev) = overridden(&g, &format!("soita {PIC}"));
    let r = LogRecord::of(&g, &a, &ev, t("2026-11-23T09:05:00+02:00")).expect("decided");
    assert!(r.decision.overridden);
    assert_eq!(r.decision.override_category, None);
    log::append(dir.path(), &r).expect("append");
    assert_nowhere(dir.path(), &[PIC, PHONE]);
}

// ---------------------------------------------------------------------------------------------
// Appending

#[test]
fn append_writes_one_line_to_the_monthly_file_and_returns_its_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let log_dir = dir.path().join("a/b/log");
    let nov = record("2026-11-30T23:59:00+02:00");
    let dec = record("2026-12-01T00:01:00+02:00");
    let p1 = log::append(&log_dir, &nov).expect("append");
    let p2 = log::append(&log_dir, &dec).expect("append");
    let p3 = log::append(&log_dir, &nov).expect("append");
    assert_eq!(p1, log_dir.join("arvio-2026-11.jsonl"));
    assert_eq!(p2, log_dir.join("arvio-2026-12.jsonl"));
    assert_eq!(p3, p1);
    let text = fs::read_to_string(&p1).expect("read");
    assert_eq!(text, format!("{}\n{}\n", nov.to_line(), nov.to_line()));
    let read = log::read_dir(&log_dir);
    assert!(read.errors.is_empty() && read.set_aside.is_empty());
    assert_eq!(read.records, vec![nov.clone(), nov, dec]);
}

#[test]
fn the_month_is_the_local_one_of_the_record() {
    // By the local date of the record: 23:30 on 31 October is October, whatever UTC says.
    let r = record("2026-10-31T23:30:00-02:00");
    assert_eq!(r.file_name(), "arvio-2026-10.jsonl");
}

#[cfg(unix)]
#[test]
fn log_files_and_set_aside_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let log_dir = dir.path().join("log");
    let path = log::append(&log_dir, &record("2026-11-23T09:05:00+02:00")).expect("append");
    assert_eq!(mode_of(&path), 0o600);
    assert_eq!(mode_of(&log_dir), 0o700);
    // An existing file with looser permissions is tightened on the next append.
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
    log::append(&log_dir, &record("2026-11-23T09:06:00+02:00")).expect("append");
    assert_eq!(mode_of(&path), 0o600);
    // A torn line goes to a private file too.
    let mut bytes = fs::read(&path).expect("read");
    bytes.extend_from_slice(br#"{"schema":1,"finish"#);
    fs::write(&path, bytes).expect("write");
    let read = log::read_dir(&log_dir);
    assert_eq!(read.set_aside.len(), 1);
    assert_eq!(mode_of(&read.set_aside[0].to), 0o600);
}

// ---------------------------------------------------------------------------------------------
// Reading and torn lines

#[test]
fn a_torn_last_line_is_set_aside_into_its_own_file_and_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = record("2026-11-23T09:05:00+02:00");
    let b = record("2026-11-23T09:10:00+02:00");
    let path = log::append(dir.path(), &a).expect("append");
    log::append(dir.path(), &b).expect("append");
    let whole = fs::read_to_string(&path).expect("read");
    // The process died in the middle of the third write.
    let torn = &record("2026-11-23T09:20:00+02:00").to_line()[..150];
    fs::write(&path, format!("{whole}{torn}")).expect("write");

    let read = log::read_dir(dir.path());
    assert_eq!(read.records, vec![a.clone(), b.clone()]);
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert_eq!(read.set_aside.len(), 1);
    let s = &read.set_aside[0];
    assert_eq!(s.file, path);
    assert_eq!(s.line, 3);
    assert_eq!(s.bytes, 150);
    assert_eq!(s.to, dir.path().join("arvio-2026-11.jsonl.torn-1"));
    assert_eq!(fs::read_to_string(&s.to).expect("set-aside file"), torn);
    assert_eq!(
        s.to_string(),
        format!(
            "{}:3: torn last line (150 bytes) set aside into {}",
            path.display(),
            s.to.display()
        )
    );
    // The log file keeps only complete lines.
    assert_eq!(fs::read_to_string(&path).expect("read"), whole);
    assert_eq!(read.torn_files, vec![s.to.clone()]);

    // Read again: nothing new is set aside, the earlier file is still listed.
    let again = log::read_dir(dir.path());
    assert!(again.set_aside.is_empty());
    assert_eq!(again.records.len(), 2);
    assert_eq!(again.torn_files, vec![s.to.clone()]);

    // A second torn line gets the next number.
    fs::write(&path, format!("{whole}{{\"sch")).expect("write");
    let third = log::read_dir(dir.path());
    assert_eq!(
        third.set_aside[0].to,
        dir.path().join("arvio-2026-11.jsonl.torn-2")
    );
    assert_eq!(third.torn_files.len(), 2);
}

#[test]
fn an_unparseable_last_line_with_a_newline_is_set_aside_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = record("2026-11-23T09:05:00+02:00");
    let path = log::append(dir.path(), &a).expect("append");
    let whole = fs::read_to_string(&path).expect("read");
    // Zeros, as a file system may leave after a crash, then a newline and a blank line.
    fs::write(&path, format!("{whole}\0\0\0\0\n\n")).expect("write");
    let read = log::read_dir(dir.path());
    assert_eq!(read.records, vec![a]);
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert_eq!(read.set_aside.len(), 1);
    assert_eq!(read.set_aside[0].line, 2);
    assert_eq!(
        fs::read(&read.set_aside[0].to).expect("read"),
        b"\0\0\0\0\n\n"
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), whole);
}

#[test]
fn a_whole_record_missing_only_its_newline_is_kept_and_completed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = record("2026-11-23T09:05:00+02:00");
    let b = record("2026-11-23T09:10:00+02:00");
    let path = dir.path().join("arvio-2026-11.jsonl");
    fs::write(&path, format!("{}\n{}", a.to_line(), b.to_line())).expect("write");
    let read = log::read_dir(dir.path());
    assert!(read.set_aside.is_empty() && read.errors.is_empty());
    assert_eq!(read.records, vec![a.clone(), b.clone()]);
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        format!("{}\n{}\n", a.to_line(), b.to_line())
    );
}

#[test]
fn append_after_a_torn_tail_sets_it_aside_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = record("2026-11-23T09:05:00+02:00");
    let path = log::append(dir.path(), &a).expect("append");
    let whole = fs::read_to_string(&path).expect("read");
    fs::write(&path, format!("{whole}{{\"schema\":1,\"fin")).expect("write");
    let b = record("2026-11-23T09:10:00+02:00");
    log::append(dir.path(), &b).expect("append");
    let read = log::read_dir(dir.path());
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert_eq!(read.records, vec![a, b]);
    // Set aside by the append, still listed for the report.
    assert!(read.set_aside.is_empty());
    assert_eq!(
        read.torn_files,
        vec![dir.path().join("arvio-2026-11.jsonl.torn-1")]
    );
}

#[test]
fn bad_lines_elsewhere_are_errors_with_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = record("2026-11-23T09:05:00+02:00");
    let path = dir.path().join("arvio-2026-11.jsonl");
    let newer = a.to_line().replace(r#""schema":3"#, r#""schema":4"#);
    let extra = a
        .to_line()
        .replace(r#""schema":3,"#, r#""schema":3,"name":"x","#);
    fs::write(
        &path,
        format!(
            "{}\nnot json\n{newer}\n{extra}\n{}\n",
            a.to_line(),
            a.to_line()
        ),
    )
    .expect("write");
    let read = log::read_dir(dir.path());
    assert_eq!(read.records.len(), 2);
    assert!(read.set_aside.is_empty());
    let lines: Vec<_> = read.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![Some(2), Some(3), Some(4)]);
    let shown: Vec<String> = read.errors.iter().map(|e| e.to_string()).collect();
    assert!(
        shown[0].starts_with(&format!("{}:2: not JSON", path.display())),
        "{shown:?}"
    );
    assert!(shown[1].contains("schema 4"), "{shown:?}");
    assert!(shown[2].contains("unknown field `name`"), "{shown:?}");
}

#[test]
fn other_files_are_ignored_and_a_missing_dir_is_an_empty_log() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("notes.txt"), "x").expect("write");
    fs::write(dir.path().join("arvio-2026-11.json"), "x").expect("write");
    assert_eq!(log::read_dir(dir.path()), log::LogRead::default());
    assert_eq!(
        log::read_dir(&dir.path().join("nothing")),
        log::LogRead::default()
    );
}

#[test]
fn the_fixture_log_reads_whole_and_sorted() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_fixture_log(dir.path());
    let read = log::read_dir(dir.path());
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert!(read.set_aside.is_empty());
    assert_eq!(read.records.len(), 12);
    assert!(
        read.records
            .windows(2)
            .all(|w| w[0].finished <= w[1].finished)
    );
    assert_eq!(
        read.records.last().map(|r| r.finished),
        Some(t("2026-11-30T16:55:00+02:00"))
    );
    // Reading is not writing: the fixture files are left as they were (beside them, only the
    // lock files that readers and writers take instead of locking a log file itself).
    for f in files_under(dir.path())
        .into_iter()
        .filter(|f| f.extension().is_none_or(|e| e != "lock"))
    {
        let name = f.file_name().expect("name");
        let original = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/log")
            .join(name);
        assert_eq!(
            fs::read(&f).expect("read"),
            fs::read(original).expect("read")
        );
    }
}

#[test]
fn the_default_dir_is_under_the_platform_data_dir() {
    if let Some(d) = log::default_dir() {
        assert!(d.ends_with("log"), "{}", d.display());
        assert!(d.is_absolute());
    }
}

#[test]
fn concurrent_appends_and_reads_never_tear_or_lose_a_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let log_dir = dir.path().to_path_buf();
    let base = record("2026-11-23T09:05:00+02:00");
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let reader = scope.spawn(|| {
            let mut reads = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                let read = log::read_dir(&log_dir);
                assert!(read.set_aside.is_empty(), "{:?}", read.set_aside);
                assert!(read.errors.is_empty(), "{:?}", read.errors);
                reads += 1;
            }
            reads
        });
        let writers: Vec<_> = (0..4)
            .map(|w| {
                let (log_dir, base) = (&log_dir, &base);
                scope.spawn(move || {
                    for i in 0..25 {
                        let mut r = base.clone();
                        r.duration_seconds = w * 100 + i;
                        log::append(log_dir, &r).expect("append");
                    }
                })
            })
            .collect();
        for w in writers {
            w.join().expect("writer");
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        assert!(reader.join().expect("reader") > 0);
    });
    let read = log::read_dir(&log_dir);
    let mut durations: Vec<u64> = read.records.iter().map(|r| r.duration_seconds).collect();
    durations.sort_unstable();
    let expected: Vec<u64> = (0..4)
        .flat_map(|w| (0..25).map(move |i| w * 100 + i))
        .collect();
    assert_eq!(durations, expected);
}

// ---------------------------------------------------------------------------------------------
// Streaming, long lines, links and special files (issue 15)

#[test]
fn for_each_record_streams_what_read_dir_collects() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_fixture_log(dir.path());
    let mut streamed = Vec::new();
    let summary = log::for_each_record(dir.path(), |r| streamed.push(r));
    assert_eq!(summary.records, 12);
    assert!(summary.errors.is_empty() && summary.set_aside.is_empty());
    let read = log::read_dir(dir.path());
    // Files in month order, lines in file order; read_dir sorts by finishing time.
    streamed.sort_by_key(|r| r.finished);
    assert_eq!(streamed, read.records);
}

#[test]
fn a_line_over_64_kib_is_an_error_with_its_line_number_and_the_rest_reads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = record("2026-11-23T09:05:00+02:00");
    let path = dir.path().join("arvio-2026-11.jsonl");
    let long = "x".repeat(log::MAX_LINE_BYTES + 1);
    let at_limit = " ".repeat(log::MAX_LINE_BYTES - a.to_line().len()) + &a.to_line();
    fs::write(
        &path,
        format!("{}\n{long}\n{at_limit}\n{}\n", a.to_line(), a.to_line()),
    )
    .expect("write");
    let read = log::read_dir(dir.path());
    assert_eq!(read.records.len(), 3, "{:?}", read.errors);
    assert_eq!(read.errors.len(), 1);
    assert_eq!(read.errors[0].line, Some(2));
    assert!(
        read.errors[0].message.contains("64 KiB"),
        "{:?}",
        read.errors
    );
}

#[cfg(unix)]
#[test]
fn a_symlinked_log_file_with_a_torn_line_is_refused_and_the_target_left_alone() {
    // What the attacker did: a month's file linked to a file outside the log folder, holding
    // a torn line, so that setting it aside would truncate the outside file.
    let root = tempfile::tempdir().expect("temp dir");
    let outside_dir = root.path().join("x");
    fs::create_dir(&outside_dir).expect("mkdir");
    let outside = outside_dir.join("outside");
    let content = format!(
        "{}\n{{\"schema\":1,\"fini",
        record("2026-11-23T09:05:00+02:00").to_line()
    );
    fs::write(&outside, &content).expect("write");
    let log_dir = root.path().join("log");
    fs::create_dir(&log_dir).expect("mkdir");
    let link = log_dir.join("arvio-2026-11.jsonl");
    std::os::unix::fs::symlink(&outside, &link).expect("symlink");

    let read = log::read_dir(&log_dir);
    assert!(read.records.is_empty() && read.set_aside.is_empty());
    assert_eq!(read.errors.len(), 1, "{:?}", read.errors);
    assert_eq!(read.errors[0].file, link);
    assert!(
        read.errors[0].message.contains("symbolic link"),
        "{:?}",
        read.errors
    );
    // Appending to that month is refused too.
    let e = log::append(&log_dir, &record("2026-11-24T09:05:00+02:00")).expect_err("refused");
    assert!(e.to_string().contains("symbolic link"), "{e}");
    // The outside file is unchanged, and nothing was created beside it or in the log folder.
    assert_eq!(fs::read_to_string(&outside).expect("read"), content);
    assert_eq!(files_under(&outside_dir), vec![outside.clone()]);
    let lock = log_dir.join("arvio-2026-11.jsonl.lock");
    assert_eq!(files_under(&log_dir), vec![link, lock]);
}

#[cfg(unix)]
#[test]
fn a_set_aside_name_taken_by_a_symlink_is_passed_over_never_written_through() {
    let root = tempfile::tempdir().expect("temp dir");
    let outside = root.path().join("outside");
    let log_dir = root.path().join("log");
    let a = record("2026-11-23T09:05:00+02:00");
    let path = log::append(&log_dir, &a).expect("append");
    // A dangling link where the first set-aside file would go: following it would create
    // `outside`.
    std::os::unix::fs::symlink(&outside, log_dir.join("arvio-2026-11.jsonl.torn-1"))
        .expect("symlink");
    let whole = fs::read_to_string(&path).expect("read");
    fs::write(&path, format!("{whole}{{\"sch")).expect("write");
    let read = log::read_dir(&log_dir);
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert_eq!(read.set_aside.len(), 1);
    assert_eq!(
        read.set_aside[0].to,
        log_dir.join("arvio-2026-11.jsonl.torn-2")
    );
    assert!(!outside.exists(), "nothing created outside the log folder");
    assert_eq!(fs::read_to_string(&path).expect("read"), whole);
}

#[cfg(unix)]
fn mkfifo(p: &Path) {
    let made = std::process::Command::new("mkfifo").arg(p).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo is needed");
}

/// Runs `f` on a thread and fails if it has not returned within 10 s (a FIFO that blocks would
/// otherwise hang the test run).
#[cfg(unix)]
fn within_seconds<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(10))
        .unwrap_or_else(|_| panic!("{what}: still blocked after 10 s"))
}

#[cfg(unix)]
#[test]
fn a_fifo_as_a_log_file_is_an_error_for_that_file_and_never_blocks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let log_dir = dir.path().to_path_buf();
    copy_fixture_log(&log_dir);
    let fifo = log_dir.join("arvio-2026-12.jsonl");
    mkfifo(&fifo);
    let (d, f) = (log_dir.clone(), fifo.clone());
    let read = within_seconds("read_dir", move || log::read_dir(&d));
    assert_eq!(read.records.len(), 12, "the other months read");
    assert_eq!(read.errors.len(), 1, "{:?}", read.errors);
    assert_eq!(read.errors[0].file, f);
    assert!(read.errors[0].message.contains("not a regular file"));
    let d = log_dir.clone();
    let appended = within_seconds("append", move || {
        log::append(&d, &record("2026-12-01T09:05:00+02:00"))
    });
    assert!(appended.is_err());
    // `arvio stats` as a user runs it: it reports the file and exits 2, at once.
    let run = within_seconds("arvio stats", move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_arvio"))
            .arg("stats")
            .arg(&log_dir)
            .output()
            .expect("arvio runs")
    });
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("arvio-2026-12.jsonl: not a regular file"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&run.stdout).contains("12 calls"));
}
