//! Statistics over the fixture log (tests/fixtures/log: 12 calls over October and November
//! 2026, guidance versions 1.0 and 1.1, four overrides), the CSV export read back as a
//! spreadsheet would, and `arvio stats` run as a user runs it.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use arvio::log::{self, LogRecord};
use arvio::stats::{Count, Filter, OverrideRow, Share, Stats};
use arvio::text::Language;
use chrono::NaiveDate;
use common::*;
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Helpers

fn fixture_log() -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/log");
    for e in fs::read_dir(from).expect("fixture log") {
        let p = e.expect("entry").path();
        fs::copy(&p, dir.path().join(p.file_name().expect("name"))).expect("copy");
    }
    dir
}

fn records() -> Vec<LogRecord> {
    let dir = fixture_log();
    let read = log::read_dir(dir.path());
    assert!(read.errors.is_empty() && read.set_aside.is_empty());
    read.records
}

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

/// `(id, count)` pairs of a list of counts.
fn ids(list: &[Count]) -> Vec<(&str, usize)> {
    list.iter().map(|c| (c.id.as_str(), c.count)).collect()
}

fn pct(p: Option<f64>) -> String {
    p.map_or("-".to_owned(), |p| format!("{p:.1}"))
}

/// `(id, overridden, calls, rate, categories)` of an override row.
type RowSummary<'a> = (&'a str, usize, usize, String, Vec<(&'a str, usize)>);

fn rows(list: &[OverrideRow]) -> Vec<RowSummary<'_>> {
    list.iter()
        .map(|r| {
            (
                r.id.as_str(),
                r.overridden,
                r.calls,
                pct(r.percent),
                ids(&r.categories),
            )
        })
        .collect()
}

fn all() -> Stats {
    Stats::compute(&records(), &Filter::default(), Some(10.0))
}

// ---------------------------------------------------------------------------------------------
// Figures

#[test]
fn counts_by_decided_timeframe_mode_professional_and_reason() {
    let s = all();
    assert_eq!(s.total, 12);
    assert_eq!(s.first, Some(day("2026-10-05")));
    assert_eq!(s.last, Some(day("2026-11-30")));
    assert_eq!(
        ids(&s.timeframes),
        [
            ("days_1_3", 6),
            ("days_1_7", 3),
            ("emergency", 1),
            ("on_call", 1),
            ("self_care", 1)
        ]
    );
    assert_eq!(pct(s.timeframes[0].percent), "50.0");
    assert_eq!(ids(&s.modes), [("visit", 5), ("phone", 4), ("-", 3)]);
    assert_eq!(
        ids(&s.professionals),
        [("nurse", 5), ("doctor", 4), ("-", 3)]
    );
    // One call names both reasons; two red-flag calls name none.
    assert_eq!(ids(&s.reasons), [("cough", 8), ("social", 3)]);
    assert_eq!(pct(s.reasons[0].percent), "66.7");
    let versions: Vec<_> = s
        .guidances
        .iter()
        .map(|g| (g.name.as_str(), g.version.as_str(), g.count))
        .collect();
    assert_eq!(versions, [("Testiohje", "1.0", 6), ("Testiohje", "1.1", 6)]);
    assert_eq!(s.median_duration_seconds, Some(240));
    assert_eq!(s.by_date.len(), 11);
    assert_eq!(
        (
            s.by_date[0].date,
            s.by_date[0].count,
            s.by_date[0].overridden
        ),
        (day("2026-10-05"), 2, 1)
    );
}

#[test]
fn remote_and_timely_shares() {
    let s = all();
    // Of the 9 calls with a proposed (resp. decided) contact mode.
    assert_eq!(s.remote_proposed, Share::new(6, 9));
    assert_eq!(s.remote_chosen, Share::new(4, 9));
    assert_eq!(pct(s.remote_proposed.percent), "66.7");
    assert_eq!(pct(s.remote_chosen.percent), "44.4");
    assert_eq!(s.remote_target_percent, Some(10.0));
    // Of the 9 calls decided to a timeframe with days.
    assert_eq!(s.within_3_days, Share::new(6, 9));
    assert_eq!(s.within_7_days, Share::new(9, 9));
    assert_eq!(pct(s.within_7_days.percent), "100.0");
}

#[test]
fn override_rates_most_overridden_first_with_categories() {
    let s = all();
    assert_eq!(s.overridden, Share::new(4, 12));
    assert_eq!(s.lowers_urgency, Share::new(1, 12));
    assert_eq!(
        ids(&s.override_categories),
        [("judgement", 2), ("preference", 2)]
    );
    assert_eq!(pct(s.override_categories[0].percent), "50.0");
    assert_eq!(
        rows(&s.overrides_by_rule),
        [
            (
                "cough.fallback",
                3,
                3,
                "100.0".into(),
                vec![("judgement", 2), ("preference", 1)]
            ),
            (
                "cough_high_fever",
                1,
                3,
                "33.3".into(),
                vec![("preference", 1)]
            ),
            ("cough_mild", 0, 1, "0.0".into(), vec![]),
            ("cough_old", 0, 1, "0.0".into(), vec![]),
            ("rf_chest", 0, 1, "0.0".into(), vec![]),
            ("rf_confused", 0, 1, "0.0".into(), vec![]),
            ("social.fallback", 0, 1, "0.0".into(), vec![]),
            ("social_urgent", 0, 1, "0.0".into(), vec![]),
        ]
    );
    assert_eq!(s.overrides_by_rule[1].lowers_urgency, 1);
    assert_eq!(
        rows(&s.overrides_by_reason),
        [
            (
                "cough",
                4,
                8,
                "50.0".into(),
                vec![("judgement", 2), ("preference", 2)]
            ),
            ("social", 0, 3, "0.0".into(), vec![]),
        ]
    );
}

#[test]
fn the_period_is_inclusive_by_local_date() {
    let recs = records();
    let october = Filter {
        from: Some(day("2026-10-05")),
        to: Some(day("2026-10-31")),
        ..Filter::default()
    };
    let s = Stats::compute(&recs, &october, None);
    // The call at 23:30 on 31 October (UTC+02:00) counts, as do both on the 5th.
    assert_eq!(s.total, 6);
    assert_eq!(s.last, Some(day("2026-10-31")));
    assert_eq!(s.overridden, Share::new(1, 6));
    assert_eq!(s.remote_target_percent, None);
    let one_day = Filter {
        from: Some(day("2026-11-03")),
        to: Some(day("2026-11-03")),
        ..Filter::default()
    };
    assert_eq!(Stats::compute(&recs, &one_day, None).total, 1);
}

#[test]
fn the_guidance_filter_picks_one_version() {
    let recs = records();
    let v11 = Filter {
        guidance_name: Some("Testiohje".into()),
        guidance_version: Some("1.1".into()),
        ..Filter::default()
    };
    let s = Stats::compute(&recs, &v11, None);
    assert_eq!(s.total, 6);
    assert_eq!(s.guidances.len(), 1);
    assert_eq!(s.overridden, Share::new(3, 6));
    assert_eq!(s.overrides_by_rule[0].id, "cough.fallback");
    assert_eq!(
        (
            s.overrides_by_rule[0].overridden,
            s.overrides_by_rule[0].calls
        ),
        (2, 2)
    );
    let other = Filter {
        guidance_name: Some("Muu ohje".into()),
        ..Filter::default()
    };
    assert_eq!(Stats::compute(&recs, &other, None).total, 0);
}

#[test]
fn an_empty_period_has_no_percentages() {
    let s = Stats::compute(&[], &Filter::default(), Some(10.0));
    assert_eq!(s.total, 0);
    assert_eq!(s.overridden, Share::new(0, 0));
    assert_eq!(s.overridden.percent, None);
    assert_eq!(s.median_duration_seconds, None);
    assert!(s.timeframes.is_empty() && s.overrides_by_rule.is_empty());
    assert!(s.to_text().contains("0 calls"));
    assert_eq!(s.to_csv().lines().count(), s.csv_rows().len());
}

#[test]
fn labels_come_from_a_guidance_in_one_language() {
    let g = load(fixture().path());
    let mut s = all();
    s.label_with(&g, Language::Fi);
    let label = |list: &[Count], id: &str| {
        list.iter()
            .find(|c| c.id == id)
            .and_then(|c| c.label.clone())
    };
    assert_eq!(
        label(&s.timeframes, "on_call").as_deref(),
        Some("Päivystys")
    );
    assert_eq!(label(&s.modes, "visit").as_deref(), Some("Käynti"));
    assert_eq!(label(&s.modes, "-"), None);
    assert_eq!(
        label(&s.professionals, "doctor").as_deref(),
        Some("Lääkäri")
    );
    assert_eq!(label(&s.reasons, "cough").as_deref(), Some("Yskä"));
    assert_eq!(
        label(&s.override_categories, "judgement").as_deref(),
        Some("Kliininen harkinta")
    );
    let rule = |id: &str| {
        s.overrides_by_rule
            .iter()
            .find(|r| r.id == id)
            .and_then(|r| r.label.clone())
    };
    assert_eq!(rule("cough_high_fever").as_deref(), Some("Korkea kuume"));
    assert_eq!(rule("cough.fallback").as_deref(), Some("Yskä"));
    assert_eq!(rule("rf_chest").as_deref(), Some("Rintakipu?"));
    assert_eq!(
        s.overrides_by_rule[0].categories[0].label.as_deref(),
        Some("Kliininen harkinta")
    );
    s.label_with(&g, Language::Sv);
    assert_eq!(label(&s.timeframes, "on_call").as_deref(), Some("Jour"));
}

#[test]
fn json_round_trips() {
    let s = all();
    let back: Stats = serde_json::from_str(&s.to_json()).expect("JSON");
    assert_eq!(back, s);
}

#[test]
fn text_report_shows_the_figures() {
    let text = all().to_text();
    for line in [
        "Period 2026-10-05 – 2026-11-30: 12 calls",
        "proposed 6 of 9 (66.7 %), target 10.0 %",
        "chosen   4 of 9 (44.4 %), target 10.0 %",
        "within 3 days 6 of 9 (66.7 %)",
        "overridden     4 of 12 (33.3 %)",
        "    3 of   3  100.0 %  cough.fallback [judgement 2, preference 1]",
        "Median call duration 4 min 00 s",
    ] {
        assert!(text.contains(line), "missing `{line}` in:\n{text}");
    }
}

// ---------------------------------------------------------------------------------------------
// CSV

/// Reads the export back as a spreadsheet would: BOM, `;`, CRLF, header.
fn read_csv(bytes: &[u8]) -> Vec<csv::StringRecord> {
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "starts with a UTF-8 BOM"
    );
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
    assert!(text.ends_with("\r\n"));
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "every line ends in CRLF"
    );
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = reader.headers().expect("header").clone();
    assert_eq!(
        header.iter().collect::<Vec<_>>(),
        [
            "section", "key", "category", "label", "count", "total", "percent"
        ]
    );
    reader
        .records()
        .map(|r| r.expect("row"))
        .inspect(|r| assert_eq!(r.len(), 7))
        .collect()
}

fn row<'a>(rows: &'a [csv::StringRecord], cells: &[&str]) -> &'a csv::StringRecord {
    rows.iter()
        .find(|r| cells.iter().enumerate().all(|(i, c)| &r[i] == *c))
        .unwrap_or_else(|| panic!("no row starting {cells:?}"))
}

/// `count;total;percent` of a row, the percent read back from a decimal comma.
fn figures(r: &csv::StringRecord) -> (String, String, Option<f64>) {
    let p = (!r[6].is_empty()).then(|| {
        assert!(!r[6].contains('.'), "decimal comma: {}", &r[6]);
        r[6].replace(',', ".").parse::<f64>().expect("number")
    });
    (r[4].to_owned(), r[5].to_owned(), p)
}

#[test]
fn csv_round_trips_with_finnish_characters() {
    let g = load(fixture().path());
    let mut s = all();
    s.label_with(&g, Language::Fi);
    let csv = s.to_csv();
    let rows = read_csv(csv.as_bytes());
    assert_eq!(rows.len(), s.csv_rows().len() - 1);

    assert_eq!(row(&rows, &["summary", "calls"])[4], *"12");
    assert_eq!(
        figures(row(&rows, &["summary", "overridden"])),
        ("4".into(), "12".into(), Some(33.3))
    );
    let on_call = row(&rows, &["timeframe", "on_call"]);
    assert_eq!(&on_call[3], "Päivystys");
    assert_eq!(figures(on_call), ("1".into(), "12".into(), Some(8.3)));
    assert_eq!(&row(&rows, &["professional", "doctor"])[3], "Lääkäri");
    assert_eq!(&row(&rows, &["reason", "cough"])[3], "Yskä");
    assert_eq!(
        figures(row(&rows, &["remote", "chosen"])),
        ("4".into(), "9".into(), Some(44.4))
    );
    assert_eq!(
        figures(row(&rows, &["remote", "target"])),
        ("".into(), "".into(), Some(10.0))
    );
    assert_eq!(
        figures(row(&rows, &["timely", "within_3_days"])),
        ("6".into(), "9".into(), Some(66.7))
    );
    let fallback = row(&rows, &["override_rule", "cough.fallback", ""]);
    assert_eq!(&fallback[3], "Yskä");
    assert_eq!(figures(fallback), ("3".into(), "3".into(), Some(100.0)));
    let judgement = row(&rows, &["override_rule", "cough.fallback", "judgement"]);
    assert_eq!(&judgement[3], "Kliininen harkinta");
    assert_eq!(figures(judgement), ("2".into(), "3".into(), Some(66.7)));
    assert_eq!(
        figures(row(&rows, &["override_reason", "cough", "preference"])),
        ("2".into(), "4".into(), Some(50.0))
    );
    let v10 = row(&rows, &["guidance", "1.0"]);
    assert_eq!(
        (&v10[2], &v10[3], &v10[4]),
        (&*"a".repeat(64), "Testiohje", "6")
    );
    assert_eq!(row(&rows, &["date", "2026-10-05"])[4], *"2");
    assert_eq!(row(&rows, &["period", "first"])[3], *"2026-10-05");
    // Sections come in a fixed order; most-overridden rules first within theirs.
    let rules: Vec<&str> = rows
        .iter()
        .filter(|r| &r[0] == "override_rule" && r[2].is_empty())
        .map(|r| r.get(1).unwrap_or_default())
        .collect();
    assert_eq!(rules[..2], ["cough.fallback", "cough_high_fever"]);
}

#[test]
fn csv_quotes_a_label_with_the_delimiter() {
    let mut s = all();
    s.timeframes[0].label = Some("1–3 vrk; \"kiireetön\"".into());
    let rows = read_csv(s.to_csv().as_bytes());
    assert_eq!(
        &row(&rows, &["timeframe", "days_1_3"])[3],
        "1–3 vrk; \"kiireetön\""
    );
}

// ---------------------------------------------------------------------------------------------
// `arvio stats`

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

fn arvio<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_arvio"))
        .args(args)
        .output()
        .expect("the arvio binary runs");
    let run = Run {
        code: out.status.code().expect("exited"),
        stdout: out.stdout,
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    let all = format!("{}{}", String::from_utf8_lossy(&run.stdout), run.stderr);
    for bad in ["panicked", "Some(", "RUST_BACKTRACE"] {
        assert!(!all.contains(bad), "output contains `{bad}`:\n{all}");
    }
    run
}

fn p(path: &Path) -> String {
    path.display().to_string()
}

#[test]
fn cli_text_json_and_csv() {
    let logs = fixture_log();
    let guidance = fixture();
    let text = arvio(&["stats", &p(logs.path())]);
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert!(text.stderr.is_empty(), "{}", text.stderr);
    let out = String::from_utf8(text.stdout).expect("UTF-8");
    assert!(out.contains("12 calls"), "{out}");
    assert!(
        !out.contains("target"),
        "no target without a guidance:\n{out}"
    );

    let json = arvio(&[
        "stats",
        &p(logs.path()),
        "--from",
        "2026-11-01",
        "--guidance",
        &p(guidance.path()),
        "--format",
        "json",
    ]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let s: Stats = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(s.total, 6);
    assert_eq!(s.filter.from, Some(day("2026-11-01")));
    // The fixture guidance sets no target.
    assert_eq!(s.remote_target_percent, None);
    assert_eq!(s.timeframes[0].id, "days_1_7");
    assert_eq!(s.timeframes[0].label.as_deref(), Some("1–7 vrk"));

    let csv = arvio(&[
        "stats",
        &p(logs.path()),
        "--guidance-version",
        "1.0",
        "--guidance",
        &p(guidance.path()),
        "--format",
        "csv",
    ]);
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    let rows = read_csv(&csv.stdout);
    assert_eq!(row(&rows, &["summary", "calls"])[4], *"6");
    assert_eq!(&row(&rows, &["timeframe", "emergency"])[3], "112");
    assert_eq!(&row(&rows, &["mode", "visit"])[3], "Käynti");
}

#[test]
fn cli_shipped_guidance_gives_the_remote_target() {
    let logs = fixture_log();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/default");
    let run = arvio(&[
        "stats",
        &p(logs.path()),
        "--guidance",
        &p(&shipped),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let s: Stats = serde_json::from_slice(&run.stdout).expect("JSON");
    assert_eq!(s.remote_target_percent, Some(10.0));
}

#[test]
fn cli_reports_a_torn_line_and_bad_lines() {
    let logs = fixture_log();
    let path = logs.path().join("arvio-2026-11.jsonl");
    let whole = fs::read_to_string(&path).expect("read");
    fs::write(&path, format!("{whole}{{\"schema\":1,\"fini")).expect("write");
    let run = arvio(&["stats", &p(logs.path())]);
    assert_eq!(run.code, 0, "a set-aside line is reported, not an error");
    assert!(
        run.stderr.contains(&format!(
            "{}:7: torn last line (17 bytes) set aside into {}.torn-1",
            p(&path),
            p(&path)
        )),
        "{}",
        run.stderr
    );
    assert!(String::from_utf8_lossy(&run.stdout).contains("12 calls"));
    assert_eq!(fs::read_to_string(&path).expect("read"), whole);

    // The next run mentions the earlier set-aside file.
    let again = arvio(&["stats", &p(logs.path())]);
    assert_eq!(again.code, 0);
    assert!(
        again.stderr.contains("a torn line set aside earlier"),
        "{}",
        again.stderr
    );

    let october = logs.path().join("arvio-2026-10.jsonl");
    let text = fs::read_to_string(&october).expect("read");
    fs::write(&october, format!("oops\n{text}")).expect("write");
    let bad = arvio(&["stats", &p(logs.path())]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains(&format!("{}:1: not JSON", p(&october))),
        "{}",
        bad.stderr
    );
    assert!(String::from_utf8_lossy(&bad.stdout).contains("12 calls"));
}

#[test]
fn cli_usage_errors_exit_2() {
    let logs = fixture_log();
    let missing = arvio(&["stats", &p(&logs.path().join("nothing"))]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("no such log folder"),
        "{}",
        missing.stderr
    );
    let backwards = arvio(&[
        "stats",
        &p(logs.path()),
        "--from",
        "2026-11-02",
        "--to",
        "2026-11-01",
    ]);
    assert_eq!(backwards.code, 2);
    assert!(
        backwards.stderr.contains("is after"),
        "{}",
        backwards.stderr
    );
    let bad_date = arvio(&["stats", &p(logs.path()), "--from", "1.11.2026"]);
    assert_eq!(bad_date.code, 2);
    let broken = folder(&[("guidance.ron", "Guidance(")]);
    let bad_guidance = arvio(&["stats", &p(logs.path()), "--guidance", &p(broken.path())]);
    assert_eq!(bad_guidance.code, 2);
}

// ---------------------------------------------------------------------------------------------
// Streaming and formula injection (issue 15)

#[test]
fn statistics_streamed_from_the_log_equal_those_of_the_records_read_whole() {
    let dir = fixture_log();
    let g = load(fixture().path());
    let target = g.meta.remote_target_percent;
    for filter in [
        Filter::default(),
        Filter {
            from: Some(day("2026-11-01")),
            guidance_version: Some("1.1".into()),
            ..Filter::default()
        },
    ] {
        let (streamed, summary) = Stats::from_log(dir.path(), &filter, target);
        assert!(summary.errors.is_empty() && summary.set_aside.is_empty());
        assert_eq!(
            summary.records, 12,
            "every record read, whatever the filter"
        );
        assert_eq!(streamed, Stats::compute(&records(), &filter, target));
    }
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised() {
    use arvio::stats::neutralise;
    for cell in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "-"] {
        assert_eq!(neutralise(cell), format!("'{cell}"));
    }
    for cell in ["cough", "1–3 vrk", "'quoted", "", "a=b", "33,3"] {
        assert_eq!(neutralise(cell), cell);
    }
    let mut s = all();
    s.timeframes[0].label = Some("=HYPERLINK(\"http://x\",\"y\")".into());
    s.reasons[0].label = Some("@cmd".into());
    let rows = read_csv(s.to_csv().as_bytes());
    let tf = row(&rows, &["timeframe", &s.timeframes[0].id]);
    assert_eq!(&tf[3], "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(&row(&rows, &["reason", &s.reasons[0].id])[3], "'@cmd");
    // The key of "no contact mode" starts with `-`: neutralised too.
    assert!(row(&rows, &["mode", "'-"])[4].parse::<usize>().is_ok());
    // Figures are never negative, so they stay numbers.
    for r in &rows {
        for cell in [&r[4], &r[5], &r[6]] {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{r:?}");
        }
    }
}
