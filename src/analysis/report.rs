//! The analysis's report: findings with their example cases, each reason's summary, and the
//! report as the text `arvio lint` prints.

use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::call::Answer;
use crate::diagnostic::{Arg, Message};
use crate::disposition::Disposition;
use crate::effective::Effective;
use crate::engine::Decider;
use crate::guidance::allow::{Kind, Severity};
use crate::guidance::{Guidance, Outcome};
use crate::msg;
use crate::text::Language;

/// A proposal by ids: what a case or scenario gets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Decision {
    #[serde(flatten)]
    pub disposition: Disposition,
    /// The deciding id: a rule, a red flag or `<reason>.fallback`.
    pub rule: String,
    /// The outcome's service, by id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
}

impl Decision {
    /// The decider's own outcome, whatever the time.
    pub fn of(g: &Guidance, decider: Decider) -> Decision {
        Decision::from_outcome(g, decider, decider.outcome(g))
    }

    /// The decider's effective outcome at `at` ([`crate::effective`]): its `when_closed` when
    /// its service cannot meet the window then.
    pub fn at(g: &Guidance, decider: Decider, at: NaiveDateTime) -> Decision {
        let e = Effective::of_decider(g, decider, at);
        Decision::from_outcome(g, decider, e.outcome)
    }

    fn from_outcome(g: &Guidance, decider: Decider, o: &Outcome) -> Decision {
        Decision {
            disposition: Disposition::of(g, o),
            rule: decider.id(g),
            service: o.service.map(|s| g.service(s).id.clone()),
        }
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.disposition)?;
        if let Some(s) = &self.service {
            write!(f, " at {s}")?;
        }
        write!(f, " ({})", self.rule)
    }
}

/// One answer of a case: the question, an answer that stands for its class, and the class shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseAnswer {
    pub question: String,
    pub answer: Answer,
    /// E.g. `resp_fever = No`, `38 ≤ resp_temp < 39`, `rf_age > 75`.
    pub shown: String,
}

/// A call the analysis considered: the reason, the answers, and what the guidance decides.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Case {
    pub reasons: Vec<String>,
    /// In question order; questions not asked, and those no condition reads, are left out.
    pub answers: Vec<CaseAnswer>,
    /// The answers shown, joined: `resp_fever = No, resp_condition = reduced, …`.
    pub text: String,
    pub decision: Decision,
}

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub kind: Kind,
    pub severity: Severity,
    /// The reason the finding belongs to; none for red flags, risk factors and the guidance.
    pub reason: Option<String>,
    /// The rule or question concerned; for a gap the reason; for an overlap the second rule.
    pub id: String,
    /// The rules that decide instead: for a shadowed rule those that beat it, for an overlap
    /// the first rule.
    pub related: Vec<String>,
    pub file: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: Message,
    /// How many cases the finding concerns (0 for coverage).
    pub count: usize,
    /// Example cases, the plainest (fewest "cannot say" answers) first.
    pub cases: Vec<Case>,
    /// The reason's cases were sampled: a finding about "no case" is then not a proof.
    pub sampled: bool,
    /// The `allow` entry or command-line flag that accepts this finding.
    pub allowed_by: Option<String>,
}

impl Finding {
    /// `path:line`
    pub fn location(&self) -> String {
        format!("{}:{}", self.file.display(), self.line)
    }

    /// An error nobody has allowed: `arvio lint` fails on it.
    pub fn fails(&self) -> bool {
        self.severity == Severity::Error && self.allowed_by.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Count {
    pub id: String,
    pub cases: usize,
}

/// How a reason's cases end.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReasonSummary {
    pub reason: String,
    pub cases: usize,
    pub sampled: bool,
    /// Cases per timeframe, most urgent first; only timeframes some case ends in.
    pub timeframes: Vec<Count>,
    /// Cases per proposed contact mode (`none` for outcomes without one).
    pub modes: Vec<Count>,
    /// Cases whose proposed contact mode is remote.
    pub remote: usize,
    pub remote_percent: f64,
    /// Cases the fallback decides.
    pub fallback: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub findings: Vec<Finding>,
    pub summaries: Vec<ReasonSummary>,
}

impl Analysis {
    /// Errors nobody has allowed.
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.fails()).count()
    }

    pub fn warnings(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning && f.allowed_by.is_none())
            .count()
    }

    pub fn allowed(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.allowed_by.is_some())
            .count()
    }

    /// Accepts every finding of `kind` not already allowed (a command-line flag).
    pub fn allow_kind(&mut self, kind: Kind, by: &str) {
        for f in self.findings.iter_mut().filter(|f| f.kind == kind) {
            f.allowed_by.get_or_insert_with(|| by.to_owned());
        }
    }

    /// The analysis as text in English; see [`Analysis::write_text_in`].
    pub fn write_text(&self, out: &mut dyn Write) -> io::Result<()> {
        self.write_text_in(out, Language::En)
    }

    /// The analysis as text in `lang`: each finding with its location and examples (an allowed
    /// one on one line), each reason's summary, and a last line with the counts. Kinds of
    /// finding and ids stay as the files write them.
    pub fn write_text_in(&self, out: &mut dyn Write, lang: Language) -> io::Result<()> {
        for f in &self.findings {
            let message = f.message.render(lang);
            if let Some(by) = &f.allowed_by {
                let line = msg!(LintAllowedLine, f.location(), f.kind, message, by);
                writeln!(out, "{}", line.render(lang))?;
                continue;
            }
            let severity = match f.severity {
                Severity::Error => msg!(SeverityError),
                Severity::Warning => msg!(SeverityWarning),
            };
            let (location, severity) = (f.location(), severity.render(lang));
            writeln!(out, "{location}: {severity}: {}: {message}", f.kind)?;
            for c in &f.cases {
                let case = msg!(LintCaseLine, c.text, c.decision);
                writeln!(out, "    {}", case.render(lang))?;
            }
            if f.count > f.cases.len() && !f.cases.is_empty() {
                let more = msg!(AndMore, f.count - f.cases.len());
                writeln!(out, "    {}", more.render(lang))?;
            }
        }
        for s in &self.summaries {
            writeln!(out, "{}", summary_line(s).render(lang))?;
        }
        let errors = match self.errors() {
            1 => msg!(OneError),
            n => msg!(NErrors, n),
        };
        let warnings = match self.warnings() {
            1 => msg!(OneWarning),
            n => msg!(NWarnings, n),
        };
        let totals = msg!(LintTotals, errors, warnings, self.allowed());
        writeln!(out, "{}", totals.render(lang))
    }
}

/// `summary <reason>: <n> cases: <per timeframe>; modes: …; remote …%; fallback …`.
fn summary_line(s: &ReasonSummary) -> Message {
    let share = |n: usize| percent(n, s.cases);
    let tfs: Vec<_> = s
        .timeframes
        .iter()
        .map(|c| format!("{} {} ({:.1}%)", c.id, c.cases, share(c.cases)))
        .collect();
    let modes: Vec<_> = s
        .modes
        .iter()
        .map(|c| format!("{} {}", c.id, c.cases))
        .collect();
    let sampled = if s.sampled {
        Arg::Message(msg!(LintSampled))
    } else {
        Arg::empty()
    };
    msg!(
        LintSummary,
        s.reason,
        s.cases,
        sampled,
        tfs.join(", "),
        modes.join(", "),
        format!("{:.1}", s.remote_percent),
        s.fallback
    )
}

/// `1 case`, `2 cases`.
pub(super) fn cases_n(n: usize) -> Message {
    if n == 1 {
        msg!(OneCase)
    } else {
        msg!(NCases, n)
    }
}

pub(super) fn percent(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        (n as f64) * 100.0 / (of as f64)
    }
}
