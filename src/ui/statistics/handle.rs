//! The statistics' intents: the period as typed, reading the log again for it, CSV export; and
//! opening the log, whose torn lines are reported, never dropped silently.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::i18n::{Msg, tr};
use crate::ui::intent::Intent;
use crate::ui::jobs::{self, Finished};
use crate::ui::state::{AppState, Notice};

/// Handles [`Intent::EditPeriod`], [`Intent::RefreshStats`] and [`Intent::ExportCsv`].
pub fn apply(s: &mut AppState, intent: Intent) {
    match intent {
        Intent::EditPeriod(from, to) => {
            s.statistics.from = from;
            s.statistics.to = to;
        }
        Intent::RefreshStats => refresh(s),
        Intent::ExportCsv => export_csv(s),
        _ => {}
    }
}

/// Reads the log again and computes the figures of the period as typed, on a worker (a log
/// folder on a share may be slow, or hang).
pub fn refresh(s: &mut AppState) {
    let lang = s.lang();
    let st = &mut s.statistics;
    st.period = (st.from.clone(), st.to.clone());
    let parse = |text: &str| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
    let filter = crate::stats::Filter {
        from: parse(&st.from),
        to: parse(&st.to),
        ..Default::default()
    };
    let Some(dir) = &s.log_dir else {
        st.stats = None;
        st.problems.clear();
        return;
    };
    let g = s.guidance.current.clone();
    s.jobs.stats = Some(jobs::stats(dir.clone(), filter, g, lang));
}

/// Takes in finished statistics, and the problems of the log read at start.
pub fn poll(s: &mut AppState) {
    if let Some(finished) = jobs::take(&mut s.jobs.stats) {
        s.jobs.applied += 1;
        match finished {
            Finished::Done(read) => {
                s.statistics.problems = read.problems;
                s.statistics.stats = Some(read.stats);
            }
            Finished::Failed(e) => s.statistics.problems = vec![e],
        }
    }
    match jobs::take(&mut s.jobs.log) {
        Some(Finished::Done(problems)) if !problems.is_empty() => {
            s.jobs.applied += 1;
            s.notice = Some(Notice::Text(problems.join("\n")));
        }
        Some(Finished::Failed(e)) => {
            s.jobs.applied += 1;
            s.notice = Some(Notice::Text(e));
        }
        _ => {}
    }
}

fn export_csv(s: &mut AppState) {
    let lang = s.lang();
    let st = &s.statistics;
    let Some(stats) = &st.stats else {
        return;
    };
    let name = format!(
        "arvio-tilastot-{}-{}.csv",
        st.period.0.trim(),
        st.period.1.trim()
    );
    let Some(path) = s.picker.save_file(&name) else {
        return;
    };
    let written = crate::storage::write_private(&path, stats.to_csv().as_bytes());
    s.statistics.exported = Some(match written {
        Ok(()) => format!("{} {}", tr(lang, Msg::SavedTo), path.display()),
        Err(e) => e.to_string(),
    });
}

/// Opens the log at `dir` and reports torn lines it had to set aside (never silently), read on a
/// worker: the app never reads the log before its first frame, nor on the UI thread.
pub fn open_log(s: &mut AppState, dir: Option<PathBuf>) {
    s.log_dir = dir;
    s.jobs.log = s.log_dir.as_deref().map(jobs::log);
}
