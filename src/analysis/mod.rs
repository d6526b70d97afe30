//! Static analysis of a guidance for its authors: what `arvio lint` reports and the author mode
//! shows.
//!
//! Per reason, the analysis enumerates the reason's **cases**: every complete combination of
//! answers to the questions its conditions read. Red flags are answered "no" (they are handled
//! globally, before any reason); the risk factors a reason's conditions read are part of its
//! space. A question is answered only while its `ask_if` is true, exactly as in a call.
//!
//! Answers that no condition of the reason can tell apart make one case: a number question is
//! split at the thresholds the conditions use (one value for each interval between them and each
//! threshold itself, as far as the question's decimals can express it); each option of a one-of
//! question is a case unless no condition tells it from another; a several-of question takes every
//! subset (up to 10 options; beyond, none, each single option and all), grouped the same way.
//! "Cannot say" is always a case of its own. Each case is decided as the engine decides it: every
//! condition is evaluated by [`crate::engine::eval`] and the most urgent matching rule wins, ties to the
//! one standing first, the fallback when none matches (`tests/analysis.rs` checks every case of
//! the shipped guidance against [`crate::engine::evaluate`]). A reason with more cases than
//! its own budget allows ([`Options::case_cap`]: 200 000, fewer for a reason with hundreds of
//! rules; decided from that reason alone, so adding a reason never samples another) is analysed
//! over a deterministic sample of that many, and each of its findings says so. A finding that only
//! exhaustive checking could prove ("no case makes this true": unreachable, shadowed) is then a
//! warning, not an error. Rules are evaluated
//! once their last answer is set, so a case costs about the rules it decides, not all of them.
//!
//! Over those cases the analysis reports unreachable and shadowed rules, unreachable questions,
//! gaps, overlaps and "cannot say" problems; over the scenarios, coverage; and a summary of each
//! reason. A reason's `allow` list accepts findings the authors have reviewed ([`Allow`]).
//! Everything comes out sorted by file and position, then kind and id.
//!
//! The files: [`report`] (the findings, summaries and their text), [`space`] (a reason's case
//! space) with [`classes`] (a question's answer classes), [`walk`] (walking a space's cases),
//! `reason` (one reason's rules over its cases), `cannot_say` (the "cannot say" checks),
//! `coverage` (by the scenarios) and `findings` (what a reason's findings share). The space and
//! its walk are public for tools that compare cases ([`crate::diff`]).

mod cannot_say;
pub mod classes;
mod coverage;
mod findings;
mod reason;
pub mod report;
pub mod space;
pub mod walk;

pub use crate::guidance::allow::{Allow, Kind, Severity};
pub use crate::guidance::condition_text;
pub use report::{Analysis, Case, CaseAnswer, Count, Decision, Finding, ReasonSummary};
pub use space::{NONE, Space, SpaceQ, ask_positions};
pub use walk::Walk;

use crate::guidance::{Guidance, Reason, ReasonId};
use crate::scenario::Scenario;
use coverage::coverage;
use reason::{analyse_reason, shared_questions};
use walk::Scratch;

/// The most cases enumerated per reason; beyond, a deterministic sample of this many.
pub const MAX_CASES: usize = 200_000;
/// The work the analysis may do on one reason, in cases × the reason's rules: a reason with many
/// rules gets fewer cases ([`Options::case_cap`]).
pub const WORK: usize = 10_000_000;
/// However many rules, a reason gets at least this many cases.
pub const MIN_CASES: usize = 1_000;
/// Example cases kept per finding, the plainest (fewest "cannot say" answers) first.
pub const EXAMPLES: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Cases enumerated per reason before sampling.
    pub max_cases: usize,
    /// Cases × rules for one reason; see [`Options::case_cap`].
    pub work: usize,
    /// Example cases kept per finding.
    pub examples: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_cases: MAX_CASES,
            work: WORK,
            examples: EXAMPLES,
        }
    }
}

impl Options {
    /// The cases enumerated of one reason before it is sampled: `max_cases`, or fewer (but at
    /// least [`MIN_CASES`]) when `work` divided by the reason's own rules is less. Nothing else
    /// of the guidance counts.
    pub fn case_cap(&self, reason: &Reason) -> usize {
        let by_work = self.work / reason.rules.len().max(1);
        self.max_cases.min(by_work.max(MIN_CASES))
    }
}

/// Analyses a guidance; `scenarios` (those that run) measure coverage.
pub fn analyse(g: &Guidance, scenarios: &[Scenario], opts: &Options) -> Analysis {
    let mut findings = Vec::new();
    let mut summaries = Vec::new();
    let mut scratch = Scratch::new(g);
    let order = ask_positions(g);
    for i in 0..g.reasons.len() {
        let rid = ReasonId(i as u32);
        let space = Space::new(g, Some(rid), &order);
        summaries.push(analyse_reason(
            &space,
            opts.case_cap(g.reason(rid)),
            opts.examples,
            &mut scratch,
            &mut findings,
        ));
    }
    shared_questions(g, opts.max_cases, &order, &mut scratch, &mut findings);
    coverage(g, scenarios, &mut findings);
    for f in &mut findings {
        let Some(reason) = f.reason.as_deref().and_then(|r| g.reason_by_id(r)) else {
            continue;
        };
        if let Some(a) = g
            .reason(reason)
            .allow
            .iter()
            .find(|a| a.matches(f.kind, &f.id, &f.related))
        {
            f.allowed_by = Some(format!("allow \"{}\"", a.entry));
        }
    }
    findings.sort_by(|a, b| {
        (&a.file, a.line, a.col, a.kind, &a.id, &a.related)
            .cmp(&(&b.file, b.line, b.col, b.kind, &b.id, &b.related))
    });
    Analysis {
        findings,
        summaries,
    }
}

/// The cases of one reason with the guidance's decision on each: what the analysis enumerates,
/// for tools that show or compare them. The flag says whether they are a sample.
pub fn reason_cases(g: &Guidance, reason: ReasonId, max_cases: usize) -> (Vec<Case>, bool) {
    let space = Space::new(g, Some(reason), &ask_positions(g));
    let mut walk = Walk::new(g, &space);
    let mut cases = Vec::new();
    let sampled = space.each(&mut walk, max_cases, &mut |w: &Walk| {
        let d = space.winner(&w.matched);
        cases.push(space.case(&w.choice, space.decider(d)));
    });
    (cases, sampled)
}
