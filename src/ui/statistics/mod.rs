//! The statistics mode: the anonymous log's figures for a period, charts and tables, CSV
//! export. This file holds its state.

pub mod handle;
pub mod view;

use chrono::{Datelike, NaiveDate};

use crate::stats::Stats;

pub struct StatisticsState {
    /// The period's first day as typed (YYYY-MM-DD).
    pub from: String,
    /// The period's last day as typed.
    pub to: String,
    /// The period (from, to) of the figures shown, as it was typed when the log was read.
    pub period: (String, String),
    pub stats: Option<Stats>,
    /// Torn lines set aside and unreadable lines, from the last read of the log.
    pub problems: Vec<String>,
    pub exported: Option<String>,
}

impl StatisticsState {
    /// The current month up to `today`.
    pub fn new(today: NaiveDate) -> Self {
        let first = today.with_day0(0).unwrap_or(today);
        Self {
            from: first.to_string(),
            to: today.to_string(),
            period: (first.to_string(), today.to_string()),
            stats: None,
            problems: Vec::new(),
            exported: None,
        }
    }
}
