//! The session summary: the feedback of every case practised, without names, saved as RON,
//! JSON or a plain-text report for printing or a projector.

use std::fmt::Write as _;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::guidance::Guidance;
use crate::i18n::Msg;
use crate::storage::{self, ReadError};
use crate::text::{Language, Text};

use super::score::{
    Feedback, Named, POINTS_MODE, POINTS_PROFESSIONAL, POINTS_SCREENING, POINTS_TIMEFRAME, Triage,
};

/// The largest summary file [`SessionSummary::load`] reads: far beyond any session's.
pub const MAX_SUMMARY_BYTES: usize = 16 * 1024 * 1024;

/// Which guidance a session was practised on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidanceInfo {
    pub name: Text,
    pub version: String,
    pub hash: String,
}

/// The feedback of a practice session: scores, times and findings, without names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionSummary {
    pub guidance: GuidanceInfo,
    /// When the summary was made (the clock is passed in).
    pub at: Option<DateTime<FixedOffset>>,
    pub cases: Vec<Feedback>,
    /// The mean of the case scores, rounded; 0 without cases.
    pub average_score: u32,
    pub total_seconds: u64,
    pub under_triaged_emergencies: u32,
    pub red_flags_not_screened: u32,
}

impl SessionSummary {
    pub fn new(g: &Guidance, cases: Vec<Feedback>, at: Option<DateTime<FixedOffset>>) -> Self {
        let n = cases.len() as u32;
        let sum: u32 = cases.iter().map(|f| f.score.total).sum();
        Self {
            guidance: GuidanceInfo {
                name: g.meta.name.clone(),
                version: g.meta.version.clone(),
                hash: g.provenance.hash.clone(),
            },
            at,
            average_score: (sum + n / 2).checked_div(n).unwrap_or(0),
            total_seconds: cases.iter().map(|f| f.seconds).sum(),
            under_triaged_emergencies: cases.iter().filter(|f| f.under_triaged_emergency).count()
                as u32,
            red_flags_not_screened: cases
                .iter()
                .map(|f| f.red_flags_not_screened.len() as u32)
                .sum(),
            cases,
        }
    }

    pub fn to_ron(&self) -> String {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Saves the summary, readable by the user alone: JSON for a `.json` path, a plain-text
    /// report in English for `.txt`, RON otherwise.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let text = match extension(path).as_deref() {
            Some("json") => self.to_json(),
            Some("txt") => self.report(Language::En),
            _ => self.to_ron(),
        };
        write_private(path, &text)
    }

    /// Saves the plain-text report in a language, readable by the user alone.
    pub fn save_report(&self, path: &Path, lang: Language) -> std::io::Result<()> {
        write_private(path, &self.report(lang))
    }

    /// Reads a summary saved as RON, or as JSON for a `.json` path: a regular file of at most
    /// [`MAX_SUMMARY_BYTES`].
    pub fn load(path: &Path) -> std::io::Result<SessionSummary> {
        let invalid = |e: String| std::io::Error::new(std::io::ErrorKind::InvalidData, e);
        let text = storage::read_text_bounded(path, MAX_SUMMARY_BYTES).map_err(|e| match e {
            ReadError::Io(e) => e,
            other => invalid(other.to_string()),
        })?;
        if extension(path).as_deref() == Some("json") {
            serde_json::from_str(&text).map_err(|e| invalid(e.to_string()))
        } else {
            ron::from_str(&text).map_err(|e| invalid(e.to_string()))
        }
    }

    /// The summary as plain text for printing or a projector.
    pub fn report(&self, lang: Language) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} — {} {}",
            Msg::TrainingSession.get(lang),
            self.guidance.name.get(lang),
            self.guidance.version
        );
        if let Some(at) = self.at {
            let _ = writeln!(out, "{}", at.format("%Y-%m-%d %H:%M"));
        }
        let _ = writeln!(
            out,
            "{}: {}, {}: {}/100, {}: {}",
            Msg::Cases.get(lang),
            self.cases.len(),
            Msg::TrainingAverageScore.get(lang),
            self.average_score,
            Msg::TrainingTime.get(lang),
            duration(self.total_seconds)
        );
        let _ = writeln!(
            out,
            "{}: {}",
            Msg::TrainingEmergenciesMissed.get(lang),
            self.under_triaged_emergencies
        );
        let _ = writeln!(
            out,
            "{}: {}",
            Msg::TrainingRedFlagsNotAsked.get(lang),
            self.red_flags_not_screened
        );
        for (i, f) in self.cases.iter().enumerate() {
            let _ = writeln!(out);
            let _ = write!(out, "{}. ", i + 1);
            out.push_str(&f.report(lang));
        }
        out
    }
}

impl Feedback {
    /// The feedback as plain text, side by side: expected, then the trainee's.
    pub fn report(&self, lang: Language) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} — {}/100 ({})",
            self.title.get(lang),
            self.score.total,
            duration(self.seconds)
        );
        if self.under_triaged_emergency {
            let _ = writeln!(
                out,
                "   !!! {} !!!",
                Msg::TrainingUnderTriagedEmergency.get(lang)
            );
        }
        let _ = writeln!(
            out,
            "   {:<14} {}",
            format!("{}:", Msg::TrainingExpected.get(lang)),
            self.labels.outcome(&self.expected, lang)
        );
        let given = self.given.as_ref().map_or_else(
            || Msg::TrainingNoDecision.get(lang).to_owned(),
            |g| self.labels.outcome(g, lang),
        );
        let _ = writeln!(
            out,
            "   {:<14} {given}",
            format!("{}:", Msg::TrainingYours.get(lang))
        );
        let _ = writeln!(
            out,
            "   {}: {} — {}",
            Msg::TrainingDecidedBy.get(lang),
            self.decided_by.id,
            self.decided_by.label.get(lang)
        );
        let mark = |ok: bool| if ok { "✓" } else { "✗" };
        let triage = match self.triage {
            Triage::Over => format!(" ({})", Msg::TrainingOverTriage.get(lang)),
            Triage::Under => format!(" ({})", Msg::TrainingUnderTriage.get(lang)),
            Triage::Correct | Triage::NoDecision => String::new(),
        };
        let _ = writeln!(
            out,
            "   {} {}{triage} {}/{POINTS_TIMEFRAME}, {} {} {}/{POINTS_MODE}, {} {} {}/{POINTS_PROFESSIONAL}, {} {}/{POINTS_SCREENING}",
            Msg::TrainingTimeframe.get(lang),
            mark(self.timeframe_correct),
            self.score.timeframe,
            Msg::TrainingMode.get(lang),
            mark(self.mode_correct),
            self.score.mode,
            Msg::TrainingProfessional.get(lang),
            mark(self.professional_correct),
            self.score.professional,
            Msg::TrainingRedFlags.get(lang),
            self.score.screening,
        );
        let mut list = |m: Msg, items: &[Named]| {
            if !items.is_empty() {
                let _ = writeln!(out, "   {}:", m.get(lang));
                for n in items {
                    let _ = writeln!(out, "   - {} ({})", n.label.get(lang), n.id);
                }
            }
        };
        list(Msg::TrainingReasonsMissed, &self.reasons_missed);
        list(Msg::TrainingReasonsExtra, &self.reasons_extra);
        list(Msg::TrainingRedFlagsNotAsked, &self.red_flags_not_screened);
        list(Msg::TrainingQuestionsSkipped, &self.questions_skipped);
        if !self.teaching_points.is_empty() {
            let _ = writeln!(out, "   {}:", Msg::TrainingTeachingPoints.get(lang));
            for t in &self.teaching_points {
                let _ = writeln!(out, "   - {}", t.get(lang));
            }
        }
        out
    }
}

/// `4 min 05 s`
fn duration(seconds: u64) -> String {
    format!("{} min {:02} s", seconds / 60, seconds % 60)
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    storage::write_private(path, text.as_bytes())
}
