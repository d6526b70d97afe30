//! The statistics' intents: the period as typed, reading the log again for it, CSV export; and
//! opening the log, whose torn lines are reported, never dropped silently.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::i18n::{Msg, tr};
use crate::ui::intent::Intent;
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

/// Reads the log again and computes the figures of the period as typed.
pub fn refresh(s: &mut AppState) {
    let lang = s.lang();
    let st = &mut s.statistics;
    st.period = (st.from.clone(), st.to.clone());
    st.problems.clear();
    let parse = |text: &str| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
    let filter = crate::stats::Filter {
        from: parse(&st.from),
        to: parse(&st.to),
        ..Default::default()
    };
    let Some(dir) = &s.log_dir else {
        st.stats = None;
        return;
    };
    let read = crate::log::read_dir(dir);
    st.problems
        .extend(read.set_aside.iter().map(|p| p.to_string()));
    st.problems
        .extend(read.errors.iter().map(|e| e.to_string()));
    let g = s.guidance.current.clone();
    let mut stats = crate::stats::Stats::compute(
        &read.records,
        &filter,
        g.as_ref().and_then(|g| g.meta.remote_target_percent),
    );
    if let Some(g) = &g {
        stats.label_with(g, lang);
    }
    st.stats = Some(stats);
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

/// Opens the log at `dir` and reports torn lines it had to set aside (never silently).
pub fn open_log(s: &mut AppState, dir: Option<PathBuf>) {
    s.log_dir = dir;
    if let Some(dir) = &s.log_dir {
        let read = crate::log::read_dir(dir);
        let problems: Vec<String> = read
            .set_aside
            .iter()
            .map(|p| p.to_string())
            .chain(read.errors.iter().map(|e| e.to_string()))
            .collect();
        if !problems.is_empty() {
            s.notice = Some(Notice::Text(problems.join("\n")));
        }
    }
}
