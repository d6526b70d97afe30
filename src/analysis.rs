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
//! [`Options::case_cap`] allows (200 000, fewer in a guidance with thousands of rules) is analysed
//! over a deterministic sample of that many, and each of its findings says so. Rules are evaluated
//! once their last answer is set, so a case costs about the rules it decides, not all of them.
//!
//! Over those cases the analysis reports unreachable and shadowed rules, unreachable questions,
//! gaps, overlaps and "cannot say" problems; over the scenarios, coverage; and a summary of each
//! reason. A reason's `allow` list accepts findings the authors have reviewed ([`Allow`]).
//! Everything comes out sorted by file and position, then kind and id.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use crate::call::{Answer, Value};
use crate::disposition::Disposition;
use crate::engine::{Decider, Truth, eval, eval_atom, evaluate};
pub use crate::guidance::allow::{Allow, Kind, Severity};
pub use crate::guidance::condition_text;
use crate::guidance::*;
use crate::scenario::Scenario;

/// The most cases enumerated per reason; beyond, a deterministic sample of this many.
pub const MAX_CASES: usize = 200_000;
/// The work an analysis may do, in cases × rules: a guidance with many rules gets fewer cases
/// per reason ([`Options::case_cap`]), so that even 10 000 rules take about a second.
pub const WORK: usize = 10_000_000;
/// However large the guidance, a reason gets at least this many cases.
pub const MIN_CASES: usize = 1_000;
/// Example cases kept per finding, the plainest (fewest "cannot say" answers) first.
pub const EXAMPLES: usize = 10;
/// Several-of questions with more options take single options instead of every subset.
const MAX_SUBSET_OPTIONS: usize = 10;
/// No answer: the question is not asked in the case, or no condition reads it.
pub(crate) const NONE: u16 = u16::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Cases enumerated per reason before sampling.
    pub max_cases: usize,
    /// Cases × rules for the whole guidance; see [`Options::case_cap`].
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
    /// The cases per reason for a guidance: `max_cases`, or fewer (but at least
    /// [`MIN_CASES`]) when `work` divided by the guidance's rules is less.
    pub fn case_cap(&self, g: &Guidance) -> usize {
        let rules: usize = g.reasons.iter().map(|r| r.rules.len()).sum();
        let by_work = self.work / rules.max(1);
        self.max_cases.min(by_work.max(MIN_CASES))
    }
}

/// A proposal by ids: what a case or scenario gets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Decision {
    #[serde(flatten)]
    pub disposition: Disposition,
    /// The deciding id: a rule, a red flag or `<reason>.fallback`.
    pub rule: String,
}

impl Decision {
    pub fn of(g: &Guidance, decider: Decider) -> Decision {
        Decision {
            disposition: Disposition::of(g, decider.outcome(g)),
            rule: decider.id(g),
        }
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.disposition, self.rule)
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
    pub message: String,
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

    /// The analysis as text: each finding with its location and examples (an allowed one on one
    /// line), each reason's summary, and a last line with the counts.
    pub fn write_text(&self, out: &mut dyn Write) -> io::Result<()> {
        for f in &self.findings {
            if let Some(by) = &f.allowed_by {
                writeln!(
                    out,
                    "{}: allowed: {}: {} (by {by})",
                    f.location(),
                    f.kind,
                    f.message
                )?;
                continue;
            }
            writeln!(
                out,
                "{}: {}: {}: {}",
                f.location(),
                f.severity.name(),
                f.kind,
                f.message
            )?;
            for c in &f.cases {
                writeln!(out, "    case: {} → {}", c.text, c.decision)?;
            }
            if f.count > f.cases.len() && !f.cases.is_empty() {
                writeln!(out, "    … and {} more", f.count - f.cases.len())?;
            }
        }
        for s in &self.summaries {
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
            writeln!(
                out,
                "summary {}: {} cases{}: {}; modes: {}; remote {:.1}%; fallback {}",
                s.reason,
                s.cases,
                if s.sampled { " (sampled)" } else { "" },
                tfs.join(", "),
                modes.join(", "),
                s.remote_percent,
                s.fallback
            )?;
        }
        writeln!(
            out,
            "lint: {} error{}, {} warning{}, {} allowed",
            self.errors(),
            plural(self.errors()),
            self.warnings(),
            plural(self.warnings()),
            self.allowed()
        )
    }
}

/// `1 case`, `2 cases`.
fn cases_n(n: usize) -> String {
    format!("{n} case{}", plural(n))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn percent(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        (n as f64) * 100.0 / (of as f64)
    }
}

/// Analyses a guidance; `scenarios` (those that run) measure coverage.
pub fn analyse(g: &Guidance, scenarios: &[Scenario], opts: &Options) -> Analysis {
    let mut findings = Vec::new();
    let mut summaries = Vec::new();
    let mut scratch = Scratch::new(g);
    let opts = &Options {
        max_cases: opts.case_cap(g),
        ..*opts
    };
    let order = ask_positions(g);
    for i in 0..g.reasons.len() {
        let rid = ReasonId(i as u32);
        let space = Space::new(g, Some(rid), &order);
        summaries.push(analyse_reason(&space, opts, &mut scratch, &mut findings));
    }
    shared_questions(g, opts, &order, &mut scratch, &mut findings);
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

// ---------------------------------------------------------------------------------------------
// The space of a reason's cases.

/// The questions a reason's cases answer, in an order where each comes after those its `ask_if`
/// names, with the answer classes of each.
pub(crate) struct Space<'g> {
    pub g: &'g Guidance,
    /// `None`: the risk factors' own space (their `ask_if`s), without rules.
    pub reason: Option<ReasonId>,
    pub qs: Vec<SpaceQ<'g>>,
    /// Per position (and one past the last), the rules whose last question read is there: a
    /// walk evaluates each rule once, as soon as its answers are known.
    rules_at: Vec<Vec<usize>>,
    /// Per position, the rules that read its question or one asked because of it, most urgent
    /// first: the only rules whose truth a different answer to it can change.
    affected: Vec<Vec<usize>>,
    /// The same as a mask per position, indexed by rule.
    affected_mask: Vec<Vec<bool>>,
    /// Per position, the questions asked because of it (directly or in turn).
    downstream: Vec<Vec<usize>>,
    /// Per position, the rules that test one of those with `CannotSay` or `Answered`, most
    /// urgent first: the only rules that "cannot say" on it can keep from firing.
    cs_followups: Vec<Vec<usize>>,
}

pub(crate) struct SpaceQ<'g> {
    pub id: QuestionId,
    pub ask_if: Option<&'g Condition>,
    /// Empty when no condition reads the question: its answer cannot matter.
    pub classes: Vec<Class>,
    /// The class of "cannot say".
    pub cs: Option<u16>,
    /// A condition tests it with `CannotSay` or `Answered`.
    pub cs_sensitive: bool,
    /// An `ask_if` names it.
    pub parent: bool,
}

/// Answers no condition tells apart: one value stands for all.
pub(crate) struct Class {
    pub value: Value,
    pub shown: String,
}

#[derive(Default)]
struct Collector<'g> {
    members: HashSet<QuestionId>,
    atoms: HashMap<QuestionId, Vec<&'g Atom>>,
    parents: HashSet<QuestionId>,
    work: Vec<QuestionId>,
}

impl<'g> Collector<'g> {
    fn add(&mut self, q: QuestionId) {
        if self.members.insert(q) {
            self.work.push(q);
        }
    }

    fn condition(&mut self, c: &'g Condition, ask_if: bool) {
        visit_atoms(c, &mut |a| {
            self.atoms.entry(a.question).or_default().push(a);
            if ask_if {
                self.parents.insert(a.question);
            }
            if self.members.insert(a.question) {
                self.work.push(a.question);
            }
        });
    }
}

impl<'g> Space<'g> {
    /// The space of a reason (or, with `None`, of the risk factors' `ask_if`s); `order` is
    /// [`ask_positions`].
    pub fn new(g: &'g Guidance, reason: Option<ReasonId>, order: &[u32]) -> Space<'g> {
        let mut c = Collector::default();
        match reason {
            Some(r) => {
                let reason = g.reason(r);
                for rule in &reason.rules {
                    c.condition(&rule.when, false);
                }
                for &q in &reason.questions {
                    if g.question(q).ask_if.is_some() {
                        c.add(q);
                    }
                }
            }
            None => {
                for &q in &g.risk_factors {
                    if g.question(q).ask_if.is_some() {
                        c.add(q);
                    }
                }
            }
        }
        while let Some(q) = c.work.pop() {
            if let Some(ask_if) = &g.question(q).ask_if {
                c.condition(ask_if, true);
            }
        }
        // In the order questions are asked, each after those its ask_if names.
        let mut members: Vec<QuestionId> = c.members.iter().copied().collect();
        members.sort_by_key(|q| order[q.index()]);
        let qs = members
            .into_iter()
            .map(|q| {
                let atoms = c.atoms.get(&q).map(Vec::as_slice).unwrap_or_default();
                let (classes, cs) = if atoms.is_empty() {
                    (Vec::new(), None)
                } else {
                    classes(g, q, atoms)
                };
                SpaceQ {
                    id: q,
                    ask_if: g.question(q).ask_if.as_ref(),
                    classes,
                    cs,
                    cs_sensitive: atoms
                        .iter()
                        .any(|a| matches!(a.test, Test::CannotSay | Test::Answered)),
                    parent: c.parents.contains(&q),
                }
            })
            .collect::<Vec<SpaceQ>>();
        let pos: HashMap<QuestionId, usize> =
            qs.iter().enumerate().map(|(i, sq)| (sq.id, i)).collect();
        let n = qs.len();
        let mut rules_at = vec![Vec::new(); n + 1];
        let mut readers: Vec<Vec<usize>> = vec![Vec::new(); n];
        let rules = reason.map_or(&[][..], |r| &g.reason(r).rules[..]);
        for (k, rule) in rules.iter().enumerate() {
            let mut last = None;
            visit_atoms(&rule.when, &mut |a| {
                if let Some(&p) = pos.get(&a.question) {
                    last = last.max(Some(p));
                    if readers[p].last() != Some(&k) {
                        readers[p].push(k);
                    }
                }
            });
            rules_at[last.unwrap_or(n)].push(k);
        }
        // A question's dependents: those whose ask_if names it, and theirs in turn.
        let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (f, sq) in qs.iter().enumerate() {
            if let Some(c) = sq.ask_if {
                visit_atoms(c, &mut |a| {
                    if let Some(&p) = pos.get(&a.question)
                        && !dependents[p].contains(&f)
                    {
                        dependents[p].push(f);
                    }
                });
            }
        }
        let downstream: Vec<Vec<usize>> = (0..n)
            .map(|p| {
                let mut seen = vec![false; n];
                let mut stack = dependents[p].clone();
                let mut out = Vec::new();
                while let Some(q) = stack.pop() {
                    if !std::mem::replace(&mut seen[q], true) {
                        out.push(q);
                        stack.extend(&dependents[q]);
                    }
                }
                out.sort_unstable();
                out
            })
            .collect();
        let by_urgency = |mut list: Vec<usize>| {
            list.sort_by_key(|&k| (rules[k].outcome.timeframe, k));
            list.dedup();
            list
        };
        let affected: Vec<Vec<usize>> = (0..n)
            .map(|p| {
                let mut out: Vec<usize> = readers[p].clone();
                for &d in &downstream[p] {
                    out.extend(&readers[d]);
                }
                by_urgency(out)
            })
            .collect();
        let cs_followups: Vec<Vec<usize>> = (0..n)
            .map(|p| {
                let follow: HashSet<QuestionId> = downstream[p].iter().map(|&d| qs[d].id).collect();
                let mut out = Vec::new();
                for (k, rule) in rules.iter().enumerate() {
                    let mut hit = false;
                    visit_atoms(&rule.when, &mut |a| {
                        hit |= follow.contains(&a.question)
                            && matches!(a.test, Test::CannotSay | Test::Answered);
                    });
                    if hit {
                        out.push(k);
                    }
                }
                by_urgency(out)
            })
            .collect();
        let affected_mask = affected
            .iter()
            .map(|list: &Vec<usize>| {
                let mut mask = vec![false; rules.len()];
                list.iter().for_each(|&k| mask[k] = true);
                mask
            })
            .collect();
        Space {
            g,
            reason,
            qs,
            rules_at,
            affected,
            affected_mask,
            downstream,
            cs_followups,
        }
    }

    fn asked(&self, i: usize, values: &[Option<Value>]) -> bool {
        self.qs[i]
            .ask_if
            .is_none_or(|c| eval(c, values) == Truth::True)
    }

    /// Visits every case in a fixed order; stops when `leaf` returns false. With
    /// `w.rules`, `w.matched` holds every matching rule at the leaf.
    fn dfs<F: FnMut(&Walk) -> bool>(&self, i: usize, w: &mut Walk, leaf: &mut F) -> bool {
        if i == self.qs.len() {
            return self.settle(i, w, leaf);
        }
        let sq = &self.qs[i];
        let asked = self.asked(i, &w.values);
        w.reached[i] |= asked;
        if !asked || sq.classes.is_empty() {
            w.values[sq.id.index()] = None;
            w.choice[i] = NONE;
            return self.settle(i, w, leaf);
        }
        for (k, class) in sq.classes.iter().enumerate() {
            w.values[sq.id.index()] = Some(class.value);
            w.choice[i] = k as u16;
            if !self.settle(i, w, leaf) {
                return false;
            }
        }
        w.values[sq.id.index()] = None;
        w.choice[i] = NONE;
        true
    }

    /// Evaluates the rules whose answers are now all known, then goes on.
    fn settle<F: FnMut(&Walk) -> bool>(&self, i: usize, w: &mut Walk, leaf: &mut F) -> bool {
        let mark = w.matched.len();
        if w.rules
            && let Some(r) = self.reason
        {
            let rules = &self.g.reason(r).rules;
            for &k in &self.rules_at[i] {
                if eval(&rules[k].when, &w.values) == Truth::True {
                    w.matched.push(k);
                }
            }
        }
        let go_on = if i == self.qs.len() {
            leaf(w)
        } else {
            self.dfs(i + 1, w, leaf)
        };
        w.matched.truncate(mark);
        go_on
    }

    /// How many cases there are, or `None` when more than `cap`.
    fn count(&self, w: &mut Walk, cap: usize) -> Option<usize> {
        let mut n = 0usize;
        let rules = std::mem::replace(&mut w.rules, false);
        let complete = self.dfs(0, w, &mut |_: &Walk| {
            n += 1;
            n <= cap
        });
        w.rules = rules;
        w.clear(self);
        complete.then_some(n)
    }

    /// Calls `leaf` for every case, or for a deterministic sample of `cap` cases when there are
    /// more; returns whether it sampled.
    pub fn each(&self, w: &mut Walk, cap: usize, leaf: &mut dyn FnMut(&Walk)) -> bool {
        if self.count(w, cap).is_some() {
            self.dfs(0, w, &mut |w: &Walk| {
                leaf(w);
                true
            });
            false
        } else {
            let seed = self
                .reason
                .map(|r| self.g.reason(r).id.as_str())
                .unwrap_or("risk factors");
            let mut rng = SplitMix(fnv(seed));
            for _ in 0..cap {
                for i in 0..self.qs.len() {
                    let sq = &self.qs[i];
                    let asked = self.asked(i, &w.values);
                    w.reached[i] |= asked;
                    if !asked || sq.classes.is_empty() {
                        w.values[sq.id.index()] = None;
                        w.choice[i] = NONE;
                    } else {
                        let k = (rng.next() % sq.classes.len() as u64) as usize;
                        w.values[sq.id.index()] = Some(sq.classes[k].value);
                        w.choice[i] = k as u16;
                    }
                }
                if w.rules {
                    let mut matched = std::mem::take(&mut w.matched);
                    self.decide(&w.values, &mut matched);
                    w.matched = matched;
                }
                leaf(w);
            }
            w.matched.clear();
            w.clear(self);
            true
        }
    }

    /// Recomputes which questions are asked with the answers in `choice` (a question no longer
    /// asked loses its answer) and writes the values the conditions see. With `fill_cs`, a
    /// question newly asked is answered "cannot say" and its position pushed to `filled`.
    pub fn resolve(
        &self,
        choice: &mut [u16],
        values: &mut [Option<Value>],
        fill_cs: bool,
        filled: &mut Vec<usize>,
    ) {
        for (i, sq) in self.qs.iter().enumerate() {
            if !self.asked(i, values) {
                choice[i] = NONE;
                values[sq.id.index()] = None;
                continue;
            }
            if choice[i] == NONE
                && fill_cs
                && let Some(cs) = sq.cs
            {
                choice[i] = cs;
                filled.push(i);
            }
            values[sq.id.index()] =
                (choice[i] != NONE).then(|| sq.classes[choice[i] as usize].value);
        }
    }

    /// Of the matching rules, the one that decides (`None`: the fallback): the most urgent,
    /// ties to the first standing, as the engine picks it.
    pub fn winner(&self, matched: &[usize]) -> Option<usize> {
        let rules = &self.g.reason(self.reason?).rules;
        matched
            .iter()
            .copied()
            .min_by_key(|&k| (rules[k].outcome.timeframe, k))
    }

    /// The rule that decides (`None`: the fallback), as the engine picks it: the most urgent
    /// matching rule, ties to the first. `matched` gets every matching rule.
    pub fn decide(&self, values: &[Option<Value>], matched: &mut Vec<usize>) -> Option<usize> {
        matched.clear();
        let r = self.reason?;
        let rules = &self.g.reason(r).rules;
        let mut best: Option<usize> = None;
        for (i, rule) in rules.iter().enumerate() {
            if eval(&rule.when, values) == Truth::True {
                matched.push(i);
                if best.is_none_or(|b| rule.outcome.timeframe < rules[b].outcome.timeframe) {
                    best = Some(i);
                }
            }
        }
        best
    }

    pub fn decider(&self, d: Option<usize>) -> Decider {
        let reason = self.reason.expect("a reason's space");
        match d {
            Some(rule) => Decider::Rule { reason, rule },
            None => Decider::Fallback(reason),
        }
    }

    fn outcome(&self, d: Option<usize>) -> &'g Outcome {
        self.decider(d).outcome(self.g)
    }

    fn timeframe(&self, d: Option<usize>) -> TimeframeId {
        self.outcome(d).timeframe
    }

    /// The case `choice` describes, readable.
    pub fn case(&self, choice: &[u16], decider: Decider) -> Case {
        let mut answers: Vec<(QuestionId, CaseAnswer)> = self
            .qs
            .iter()
            .zip(choice)
            .filter(|(_, c)| **c != NONE)
            .map(|(sq, &c)| {
                let class = &sq.classes[c as usize];
                (
                    sq.id,
                    CaseAnswer {
                        question: self.g.question(sq.id).id.clone(),
                        answer: class.value.to_answer(self.g, sq.id),
                        shown: class.shown.clone(),
                    },
                )
            })
            .collect();
        answers.sort_by_key(|(q, _)| *q);
        let answers: Vec<CaseAnswer> = answers.into_iter().map(|(_, a)| a).collect();
        Case {
            reasons: self
                .reason
                .map(|r| vec![self.g.reason(r).id.clone()])
                .unwrap_or_default(),
            text: answers
                .iter()
                .map(|a| a.shown.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            answers,
            decision: Decision::of(self.g, decider),
        }
    }

    fn cannot_say_count(&self, choice: &[u16]) -> usize {
        self.qs
            .iter()
            .zip(choice)
            .filter(|(sq, c)| **c != NONE && sq.cs == Some(**c))
            .count()
    }
}

/// Each question's position in the guidance's ask order (every question after those its
/// `ask_if` names), by question index.
pub(crate) fn ask_positions(g: &Guidance) -> Vec<u32> {
    let mut order = vec![0; g.questions.len()];
    for (i, q) in g.ask_order.iter().enumerate() {
        order[q.index()] = i as u32;
    }
    order
}

/// The state of a walk over a space's cases.
pub(crate) struct Walk {
    /// Indexed by question; only the space's questions are written.
    pub values: Vec<Option<Value>>,
    /// The class of each space question (`NONE`: no answer).
    pub choice: Vec<u16>,
    /// Space questions asked in at least one case so far.
    pub reached: Vec<bool>,
    /// Evaluate the rules on the way (`matched`).
    pub rules: bool,
    /// At a leaf, every matching rule (in no particular order).
    pub matched: Vec<usize>,
}

impl Walk {
    pub fn new(g: &Guidance, space: &Space) -> Walk {
        Walk {
            values: vec![None; g.questions.len()],
            choice: vec![NONE; space.qs.len()],
            reached: vec![false; space.qs.len()],
            rules: space.reason.is_some(),
            matched: Vec::new(),
        }
    }

    fn clear(&mut self, space: &Space) {
        for (i, sq) in space.qs.iter().enumerate() {
            self.values[sq.id.index()] = None;
            self.choice[i] = NONE;
        }
    }
}

/// Buffers reused across reasons.
struct Scratch {
    values: Vec<Option<Value>>,
    walk_values: Vec<Option<Value>>,
}

impl Scratch {
    fn new(g: &Guidance) -> Scratch {
        Scratch {
            values: vec![None; g.questions.len()],
            walk_values: vec![None; g.questions.len()],
        }
    }
}

/// The answer classes of a question for the atoms that read it; the second is "cannot say"'s.
fn classes(g: &Guidance, q: QuestionId, atoms: &[&Atom]) -> (Vec<Class>, Option<u16>) {
    let question = g.question(q);
    let qid = &question.id;
    let mut candidates: Vec<(Value, Piece)> = Vec::new();
    let mut with_cs = true;
    let mut ranges = Vec::new();
    match (&question.part, &question.kind) {
        (Part::RedFlag, _) => {
            // Red flags are answered "no"; "cannot say" only where it is not a hit.
            candidates.push((Value::No, Piece::Plain("No")));
            with_cs = g.red_flag_of(q).is_some_and(|rf| !rf.cannot_say_is_yes);
        }
        (_, QuestionKind::YesNo) => {
            candidates.push((Value::Yes, Piece::Plain("Yes")));
            candidates.push((Value::No, Piece::Plain("No")));
        }
        (_, QuestionKind::OneOf(opts)) => {
            for i in 0..opts.len() {
                candidates.push((Value::Choice(i as u8), Piece::Option(i)));
            }
        }
        (_, QuestionKind::SeveralOf(opts)) => {
            let n = opts.len();
            let mut masks: Vec<u64> = if n <= MAX_SUBSET_OPTIONS {
                (0..1u64 << n).collect()
            } else {
                let all = if n == 64 { u64::MAX } else { (1u64 << n) - 1 };
                let mut m = vec![0];
                m.extend((0..n).map(|i| 1u64 << i));
                m.push(all);
                m
            };
            masks.sort_by_key(|m| (m.count_ones(), *m));
            candidates.extend(
                masks
                    .into_iter()
                    .map(|m| (Value::Choices(m), Piece::Set(m))),
            );
        }
        (_, QuestionKind::Number(spec)) => {
            ranges = number_ranges(spec, atoms);
            for (i, r) in ranges.iter().enumerate() {
                candidates.push((Value::Number(r.rep), Piece::Range(i)));
            }
        }
    }
    let mut groups: Vec<(Vec<u8>, Value, Vec<Piece>)> = Vec::new();
    for (value, piece) in candidates {
        let sig: Vec<u8> = atoms
            .iter()
            .map(|a| eval_atom(a, Some(value)) as u8)
            .collect();
        match groups.iter_mut().find(|(s, _, _)| *s == sig) {
            Some((_, _, pieces)) => pieces.push(piece),
            None => groups.push((sig, value, vec![piece])),
        }
    }
    let mut out: Vec<Class> = groups
        .into_iter()
        .map(|(_, value, pieces)| Class {
            value,
            shown: show(question, qid, &pieces, &ranges),
        })
        .collect();
    let cs = with_cs.then(|| {
        out.push(Class {
            value: Value::CannotSay,
            shown: format!("{qid} = cannot say"),
        });
        (out.len() - 1) as u16
    });
    (out, cs)
}

#[derive(Clone, Copy)]
enum Piece {
    Plain(&'static str),
    Option(usize),
    Set(u64),
    /// Index into the question's ranges.
    Range(usize),
}

/// An interval of a number question that no condition splits, and the value standing for it.
#[derive(Debug, Clone, Copy)]
struct Range {
    lo: f64,
    lo_incl: bool,
    hi: f64,
    hi_incl: bool,
    rep: f64,
}

/// The question's range split at every threshold the atoms use: each threshold, and the
/// intervals between, each with a value the question's decimals can express.
fn number_ranges(spec: &NumberSpec, atoms: &[&Atom]) -> Vec<Range> {
    let scale = 10f64.powi(i32::from(spec.decimals));
    let round = |x: f64| (x * scale).round() / scale;
    let expressible = |x: f64| ((x * scale).round() - x * scale).abs() < 1e-6;
    let mut ts: Vec<f64> = Vec::new();
    for a in atoms {
        match a.test {
            Test::Cmp(_, x) => ts.push(x),
            Test::Between(x, y) => ts.extend([x, y]),
            _ => {}
        }
    }
    ts.retain(|&x| x >= spec.min && x <= spec.max && expressible(x));
    ts.sort_by(f64::total_cmp);
    ts.dedup();
    let mut out = Vec::new();
    let interval = |lo: f64, lo_incl: bool, hi: f64, hi_incl: bool, out: &mut Vec<Range>| {
        let inside = |x: f64| (x > lo || (lo_incl && x == lo)) && (x < hi || (hi_incl && x == hi));
        let step = 1.0 / scale;
        let rep = [
            round((lo + hi) / 2.0),
            round(lo + step),
            lo,
            round(hi - step),
            hi,
        ]
        .into_iter()
        .find(|&x| inside(x));
        if let Some(rep) = rep {
            out.push(Range {
                lo,
                lo_incl,
                hi,
                hi_incl,
                rep,
            });
        }
    };
    let (mut lo, mut lo_incl) = (spec.min, true);
    for &t in &ts {
        interval(lo, lo_incl, t, false, &mut out);
        out.push(Range {
            lo: t,
            lo_incl: true,
            hi: t,
            hi_incl: true,
            rep: t,
        });
        (lo, lo_incl) = (t, false);
    }
    interval(lo, lo_incl, spec.max, true, &mut out);
    out
}

/// A class as text: `q = Yes`, `q = a or b`, `q = [a, b]`, `38 ≤ q < 39`, `q < 18 or q > 65`.
fn show(question: &Question, qid: &str, pieces: &[Piece], ranges: &[Range]) -> String {
    let opts = question.kind.options();
    match pieces.first() {
        Some(Piece::Plain(_)) => {
            let names: Vec<_> = pieces
                .iter()
                .filter_map(|p| match p {
                    Piece::Plain(n) => Some(*n),
                    _ => None,
                })
                .collect();
            format!("{qid} = {}", names.join(" or "))
        }
        Some(Piece::Option(_)) => {
            let names: Vec<_> = pieces
                .iter()
                .filter_map(|p| match p {
                    Piece::Option(i) => opts.get(*i).map(|o| o.id.as_str()),
                    _ => None,
                })
                .collect();
            format!("{qid} = {}", names.join(" or "))
        }
        Some(Piece::Set(mask)) => {
            let names: Vec<_> = (0..opts.len())
                .filter(|i| mask & (1u64 << i) != 0)
                .map(|i| opts[i].id.as_str())
                .collect();
            if names.is_empty() {
                format!("{qid} = none chosen")
            } else {
                format!("{qid} = [{}]", names.join(", "))
            }
        }
        Some(Piece::Range(_)) => {
            let QuestionKind::Number(spec) = &question.kind else {
                return qid.to_owned();
            };
            // Merge neighbouring intervals of the class, then show each.
            let mut merged: Vec<Range> = Vec::new();
            let mut last: Option<usize> = None;
            for p in pieces {
                let Piece::Range(i) = p else { continue };
                let r = ranges[*i];
                match (last, merged.last_mut()) {
                    (Some(l), Some(m)) if l + 1 == *i => {
                        m.hi = r.hi;
                        m.hi_incl = r.hi_incl;
                    }
                    _ => merged.push(r),
                }
                last = Some(*i);
            }
            let parts: Vec<String> = merged.iter().map(|r| show_range(qid, spec, r)).collect();
            parts.join(" or ")
        }
        None => qid.to_owned(),
    }
}

fn show_range(qid: &str, spec: &NumberSpec, r: &Range) -> String {
    if r.lo == r.hi {
        return format!("{qid} = {}", r.lo);
    }
    let low = !(r.lo == spec.min && r.lo_incl);
    let high = !(r.hi == spec.max && r.hi_incl);
    let lo_op = if r.lo_incl { "≤" } else { "<" };
    let hi_op = if r.hi_incl { "≤" } else { "<" };
    match (low, high) {
        (false, false) => format!("{qid} = any number"),
        (true, false) => format!("{qid} {} {}", if r.lo_incl { "≥" } else { ">" }, r.lo),
        (false, true) => format!("{qid} {hi_op} {}", r.hi),
        (true, true) => format!("{} {lo_op} {qid} {hi_op} {}", r.lo, r.hi),
    }
}

/// FNV-1a, to seed the sampling of a reason from its id.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

// ---------------------------------------------------------------------------------------------
// One reason.

/// Example cases, the plainest first: fewest "cannot say" answers, then the first found.
struct Examples {
    cap: usize,
    /// (cannot-say answers, sequence number, the case, its deciding rule).
    items: Vec<(usize, usize, Vec<u16>, Option<usize>)>,
    /// The key of the worst item kept once full: cases come in order, so a new one with at
    /// least as many "cannot say" answers never replaces it.
    worst: Option<(usize, usize)>,
}

impl Examples {
    fn new(cap: usize) -> Self {
        Self {
            cap,
            items: Vec::new(),
            worst: None,
        }
    }

    fn offer(&mut self, key: (usize, usize), choice: &[u16], winner: Option<usize>) {
        if self.items.len() < self.cap {
            self.items.push((key.0, key.1, choice.to_vec(), winner));
            if self.items.len() == self.cap {
                self.worst = self.items.iter().map(|(c, s, _, _)| (*c, *s)).max();
            }
            return;
        }
        let Some(worst) = self.worst else { return };
        if key >= worst {
            return;
        }
        if let Some(slot) = self.items.iter_mut().find(|(c, s, _, _)| (*c, *s) == worst) {
            *slot = (key.0, key.1, choice.to_vec(), winner);
        }
        self.worst = self.items.iter().map(|(c, s, _, _)| (*c, *s)).max();
    }

    fn sorted(mut self) -> Vec<(Vec<u16>, Option<usize>)> {
        self.items.sort_by_key(|(cs, seq, _, _)| (*cs, *seq));
        self.items.into_iter().map(|(_, _, c, w)| (c, w)).collect()
    }
}

/// "Cannot say" on a question reassures: which check, the question, the rule involved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum CsKey {
    /// "Cannot say" on the question (space position) lets `rule` decide, less urgent than
    /// `unknown`, which decides when the question has no answer.
    LessThanUnknown {
        q: usize,
        rule: Option<usize>,
        unknown: Option<usize>,
    },
    /// "Cannot say" on the question skips follow-ups that `rule` would send to urgency when
    /// they, too, cannot be said.
    SkipsFollowUps { q: usize, rule: usize },
}

struct CsEntry {
    count: usize,
    examples: Examples,
    /// The first example's alternative: the class that opens the follow-ups, and them.
    via: Option<(u16, Vec<usize>)>,
}

struct Stats {
    cases: usize,
    matched: Vec<usize>,
    won: Vec<usize>,
    /// Per rule, the rules that decided where it matched and lost (while it has never won).
    beaters: Vec<Vec<usize>>,
    lost_examples: Vec<Examples>,
    gap: usize,
    gap_examples: Examples,
    overlaps: BTreeMap<(usize, usize), (usize, Examples)>,
    by_timeframe: Vec<usize>,
    by_mode: Vec<usize>,
    no_mode: usize,
    cannot_say: BTreeMap<CsKey, CsEntry>,
    examples: usize,
    // Buffers.
    alt_choice: Vec<u16>,
    filled: Vec<usize>,
}

fn analyse_reason(
    space: &Space,
    opts: &Options,
    scratch: &mut Scratch,
    findings: &mut Vec<Finding>,
) -> ReasonSummary {
    let g = space.g;
    let rid = space.reason.expect("a reason's space");
    let reason = g.reason(rid);
    let n = reason.rules.len();
    let mut st = Stats {
        cases: 0,
        matched: vec![0; n],
        won: vec![0; n],
        beaters: vec![Vec::new(); n],
        lost_examples: (0..n).map(|_| Examples::new(opts.examples)).collect(),
        gap: 0,
        gap_examples: Examples::new(opts.examples),
        overlaps: BTreeMap::new(),
        by_timeframe: vec![0; g.timeframes.len()],
        by_mode: vec![0; g.modes.len()],
        no_mode: 0,
        cannot_say: BTreeMap::new(),
        examples: opts.examples,
        alt_choice: vec![NONE; space.qs.len()],
        filled: Vec::new(),
    };
    let mut walk = Walk {
        values: std::mem::take(&mut scratch.walk_values),
        choice: vec![NONE; space.qs.len()],
        reached: vec![false; space.qs.len()],
        rules: space.reason.is_some(),
        matched: Vec::new(),
    };
    let alt_values = &mut scratch.values;
    let sampled = space.each(&mut walk, opts.max_cases, &mut |w: &Walk| {
        visit(space, w, &mut st, alt_values);
    });
    let reached = std::mem::take(&mut walk.reached);
    scratch.walk_values = walk.values;

    let loc = |l: Location| (g.provenance.path(l.file), l.pos.line, l.pos.col);
    let note = if sampled {
        format!(
            " (in a deterministic sample of {} cases; the reason has more than {})",
            st.cases, opts.max_cases
        )
    } else {
        String::new()
    };
    let cases = |examples: Examples| -> Vec<Case> {
        examples
            .sorted()
            .into_iter()
            .map(|(c, w)| space.case(&c, space.decider(w)))
            .collect()
    };
    let rule_id = |i: usize| reason.rules[i].id.as_str();
    let tf_id = |d: Option<usize>| g.timeframe(space.timeframe(d)).id.as_str();
    let decider_id = |d: Option<usize>| space.decider(d).id(g);
    let finding = |kind: Kind, id: String, at: Location, message: String| {
        let (file, line, col) = loc(at);
        Finding {
            kind,
            severity: kind.severity(),
            reason: Some(reason.id.clone()),
            id,
            related: Vec::new(),
            file,
            line,
            col,
            message,
            count: 0,
            cases: Vec::new(),
            sampled,
            allowed_by: None,
        }
    };

    let mut lost_examples = std::mem::take(&mut st.lost_examples).into_iter();
    for (i, rule) in reason.rules.iter().enumerate() {
        let examples = lost_examples.next().expect("one per rule");
        if st.matched[i] == 0 {
            findings.push(finding(
                Kind::Unreachable,
                rule.id.clone(),
                rule.location,
                format!(
                    "the condition of rule `{}` is true in none of the {} cases of reason `{}`{note}",
                    rule.id, st.cases, reason.id
                ),
            ));
        } else if st.won[i] == 0 {
            let mut beaters = st.beaters[i].clone();
            beaters.sort_unstable();
            let names: Vec<String> = beaters
                .iter()
                .map(|&b| format!("`{}` ({})", rule_id(b), tf_id(Some(b))))
                .collect();
            let mut f = finding(
                Kind::Shadowed,
                rule.id.clone(),
                rule.location,
                format!(
                    "rule `{}` ({}) matches in {} but decides none: {} decide{} whenever it matches{note}",
                    rule.id,
                    tf_id(Some(i)),
                    cases_n(st.matched[i]),
                    names.join(" or "),
                    if names.len() == 1 { "s" } else { "" },
                ),
            );
            f.related = beaters.iter().map(|&b| rule_id(b).to_owned()).collect();
            f.count = st.matched[i];
            f.cases = cases(examples);
            findings.push(f);
        }
    }
    for (p, sq) in space.qs.iter().enumerate() {
        let q = g.question(sq.id);
        if q.part == Part::Reason(rid) && sq.ask_if.is_some() && !reached[p] {
            findings.push(finding(
                Kind::Unreachable,
                q.id.clone(),
                q.location,
                format!(
                    "question `{}` is never asked: its ask_if is true in none of the {} cases of reason `{}`{note}",
                    q.id, st.cases, reason.id
                ),
            ));
        }
    }
    if st.gap > 0 {
        let mut f = finding(
            Kind::Gap,
            reason.id.clone(),
            reason.location,
            format!(
                "{} of the {} cases of reason `{}` match no rule, so the fallback decides ({}){note}",
                st.gap,
                st.cases,
                reason.id,
                Decision::of(g, Decider::Fallback(rid))
            ),
        );
        f.count = st.gap;
        f.cases = cases(std::mem::replace(&mut st.gap_examples, Examples::new(0)));
        findings.push(f);
    }
    for ((first, second), (count, examples)) in std::mem::take(&mut st.overlaps) {
        let (a, b) = (&reason.rules[first].outcome, &reason.rules[second].outcome);
        let mut differs = Vec::new();
        let mode = |o: &Outcome| o.modes.first().map_or("none", |m| g.mode(*m).id.as_str());
        let prof = |o: &Outcome| {
            o.professional
                .map_or("none", |p| g.professional(p).id.as_str())
        };
        if mode(a) != mode(b) {
            differs.push(format!("contact mode {} vs {}", mode(a), mode(b)));
        }
        if prof(a) != prof(b) {
            differs.push(format!("professional {} vs {}", prof(a), prof(b)));
        }
        if a.outside_care_guarantee != b.outside_care_guarantee {
            differs.push("outside the care guarantee or not".to_owned());
        }
        let mut f = finding(
            Kind::Overlap,
            rule_id(second).to_owned(),
            reason.rules[second].location,
            format!(
                "rules `{}` and `{}` both match in {}, equally urgent ({}) with different outcomes ({}): `{}` stands first and decides{note}",
                rule_id(first),
                rule_id(second),
                cases_n(count),
                tf_id(Some(first)),
                differs.join(", "),
                rule_id(first),
            ),
        );
        f.related = vec![rule_id(first).to_owned()];
        f.count = count;
        f.cases = cases(examples);
        findings.push(f);
    }
    for (key, entry) in std::mem::take(&mut st.cannot_say) {
        let (q, message) = match key {
            CsKey::LessThanUnknown { q, rule, unknown } => {
                let qid = &g.question(space.qs[q].id).id;
                (
                    q,
                    format!(
                        "“cannot say” on `{qid}` lets `{}` decide ({}), less urgent than when `{qid}` has no answer ({}, {}): “cannot say” must not reassure; {}{note}",
                        decider_id(rule),
                        tf_id(rule),
                        decider_id(unknown),
                        tf_id(unknown),
                        cases_n(entry.count),
                    ),
                )
            }
            CsKey::SkipsFollowUps { q, rule } => {
                let qid = &g.question(space.qs[q].id).id;
                let (via, follow_ups) = entry.via.clone().unwrap_or((0, Vec::new()));
                // Name the follow-ups the rule reads; all of them if it reads none directly.
                let mut read = HashSet::new();
                visit_atoms(&reason.rules[rule].when, &mut |a| {
                    read.insert(a.question);
                });
                let direct: Vec<usize> = follow_ups
                    .iter()
                    .copied()
                    .filter(|&p| read.contains(&space.qs[p].id))
                    .collect();
                let shown = if direct.is_empty() {
                    &follow_ups
                } else {
                    &direct
                };
                let follow: Vec<String> = shown
                    .iter()
                    .map(|&p| format!("`{}`", g.question(space.qs[p].id).id))
                    .collect();
                let opened = &space.qs[q].classes[via as usize].shown;
                (
                    q,
                    format!(
                        "“cannot say” on `{qid}` skips the follow-up {}, which `{}` sends to {} when it cannot be said either (as after {opened}); a caller who cannot say `{qid}` gets a less urgent outcome in {}{note}",
                        follow.join(", "),
                        rule_id(rule),
                        tf_id(Some(rule)),
                        cases_n(entry.count),
                    ),
                )
            }
        };
        let question = g.question(space.qs[q].id);
        let mut f = finding(
            Kind::CannotSay,
            question.id.clone(),
            question.location,
            message,
        );
        if let CsKey::LessThanUnknown { rule, .. } = key {
            f.related = vec![decider_id(rule)];
        }
        if let CsKey::SkipsFollowUps { rule, .. } = key {
            f.related = vec![rule_id(rule).to_owned()];
        }
        f.count = entry.count;
        f.cases = cases(entry.examples);
        findings.push(f);
    }

    let timeframes = st
        .by_timeframe
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(i, n)| Count {
            id: g.timeframes[i].id.clone(),
            cases: *n,
        })
        .collect();
    let mut modes: Vec<Count> = st
        .by_mode
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(i, n)| Count {
            id: g.modes[i].id.clone(),
            cases: *n,
        })
        .collect();
    if st.no_mode > 0 {
        modes.push(Count {
            id: "none".to_owned(),
            cases: st.no_mode,
        });
    }
    let remote: usize = st
        .by_mode
        .iter()
        .enumerate()
        .filter(|(i, _)| g.modes[*i].remote)
        .map(|(_, n)| n)
        .sum();
    ReasonSummary {
        reason: reason.id.clone(),
        cases: st.cases,
        sampled,
        timeframes,
        modes,
        remote,
        remote_percent: (percent(remote, st.cases) * 10.0).round() / 10.0,
        fallback: st.gap,
    }
}

/// One case: who decides, what else matched, and the "cannot say" checks.
fn visit(space: &Space, w: &Walk, st: &mut Stats, alt_values: &mut [Option<Value>]) {
    let g = space.g;
    let rules = &g.reason(space.reason.expect("a reason's space")).rules;
    let seq = st.cases;
    st.cases += 1;
    let best = space.winner(&w.matched);
    let tf = space.timeframe(best);
    let mut cs_count = None;
    let key = |cs: &mut Option<usize>| {
        (
            *cs.get_or_insert_with(|| space.cannot_say_count(&w.choice)),
            seq,
        )
    };
    match best {
        None => {
            st.gap += 1;
            st.gap_examples.offer(key(&mut cs_count), &w.choice, best);
        }
        Some(b) => st.won[b] += 1,
    }
    for &i in &w.matched {
        st.matched[i] += 1;
        let Some(b) = best else { continue };
        if i == b {
            continue;
        }
        if st.won[i] == 0 {
            if !st.beaters[i].contains(&b) {
                st.beaters[i].push(b);
            }
            st.lost_examples[i].offer(key(&mut cs_count), &w.choice, best);
        }
        let (a, o) = (&rules[b].outcome, &rules[i].outcome);
        if o.timeframe == tf
            && (a.modes.first() != o.modes.first()
                || a.professional != o.professional
                || a.outside_care_guarantee != o.outside_care_guarantee)
        {
            let examples = st.examples;
            let entry = st
                .overlaps
                .entry((b, i))
                .or_insert_with(|| (0, Examples::new(examples)));
            entry.0 += 1;
            entry.1.offer(key(&mut cs_count), &w.choice, best);
        }
    }
    // A rule that has won needs no more examples of losing.
    if let Some(b) = best
        && st.won[b] == 1
    {
        st.beaters[b].clear();
        st.lost_examples[b] = Examples::new(0);
    }
    let outcome = space.outcome(best);
    st.by_timeframe[tf.index()] += 1;
    match outcome.modes.first() {
        Some(m) => st.by_mode[m.index()] += 1,
        None => st.no_mode += 1,
    }

    // Without an answer, fewer conditions can be true (Kleene logic is monotone): the case
    // without its "cannot say" is decided by one of the rules matching now, which cannot be
    // more urgent, or by the fallback. So "cannot say" can only reassure where a rule less
    // urgent than the fallback decides.
    let less_than_fallback = best.is_some() && tf > space.timeframe(None);
    for (p, sq) in space.qs.iter().enumerate() {
        if w.choice[p] == NONE || sq.cs != Some(w.choice[p]) {
            continue;
        }
        // A matching rule the answer cannot change still matches without it.
        if sq.cs_sensitive
            && less_than_fallback
            && w.matched.iter().all(|&k| space.affected_mask[p][k])
        {
            st.alt_choice.copy_from_slice(&w.choice);
            st.alt_choice[p] = NONE;
            st.filled.clear();
            space.resolve(&mut st.alt_choice, alt_values, false, &mut st.filled);
            let still = w
                .matched
                .iter()
                .any(|&k| eval(&rules[k].when, alt_values) == Truth::True);
            if !still {
                let unknown = None;
                let examples = st.examples;
                let entry = st
                    .cannot_say
                    .entry(CsKey::LessThanUnknown {
                        q: p,
                        rule: best,
                        unknown,
                    })
                    .or_insert_with(|| CsEntry {
                        count: 0,
                        examples: Examples::new(examples),
                        via: None,
                    });
                entry.count += 1;
                entry.examples.offer(key(&mut cs_count), &w.choice, best);
            }
        }
        if sq.parent && skipped_follow_up_matters(space, p, w, tf, rules, alt_values) {
            for c in 0..sq.classes.len() as u16 {
                if Some(c) == sq.cs {
                    continue;
                }
                st.alt_choice.copy_from_slice(&w.choice);
                st.alt_choice[p] = c;
                st.filled.clear();
                space.resolve(&mut st.alt_choice, alt_values, true, &mut st.filled);
                if st.filled.is_empty() {
                    continue;
                }
                // Only a rule the answer can change may now decide, more urgently than before:
                // the first of those, most urgent first, that matches.
                let Some(r) = space.affected[p]
                    .iter()
                    .copied()
                    .take_while(|&k| rules[k].outcome.timeframe < tf)
                    .find(|&k| eval(&rules[k].when, alt_values) == Truth::True)
                else {
                    continue;
                };
                // Would the rule decide if the follow-ups were asked despite "cannot say"?
                alt_values[sq.id.index()] = Some(Value::CannotSay);
                if eval(&rules[r].when, alt_values) != Truth::True {
                    continue;
                }
                let examples = st.examples;
                let filled = st.filled.clone();
                let entry = st
                    .cannot_say
                    .entry(CsKey::SkipsFollowUps { q: p, rule: r })
                    .or_insert_with(|| CsEntry {
                        count: 0,
                        examples: Examples::new(examples),
                        via: Some((c, filled)),
                    });
                entry.count += 1;
                entry.examples.offer(key(&mut cs_count), &w.choice, best);
                break;
            }
        }
    }
}

/// Whether "cannot say" on the question at `p` could keep a rule more urgent than the case's
/// outcome from firing: only a rule testing a follow-up with `CannotSay` or `Answered` can, and
/// only if it fires with every follow-up not asked now answered "cannot say". Conditions are
/// monotone, so no answer the follow-ups could get makes it fire where this does not.
fn skipped_follow_up_matters(
    space: &Space,
    p: usize,
    w: &Walk,
    tf: TimeframeId,
    rules: &[Rule],
    values: &mut [Option<Value>],
) -> bool {
    let mut candidates = space.cs_followups[p]
        .iter()
        .take_while(|&&k| rules[k].outcome.timeframe < tf)
        .peekable();
    if candidates.peek().is_none() {
        return false;
    }
    for sq in &space.qs {
        values[sq.id.index()] = w.values[sq.id.index()];
    }
    for &d in &space.downstream[p] {
        if w.choice[d] == NONE {
            values[space.qs[d].id.index()] = Some(Value::CannotSay);
        }
    }
    candidates.any(|&k| eval(&rules[k].when, values) == Truth::True)
}

/// Risk factors whose `ask_if` nothing satisfies.
fn shared_questions(
    g: &Guidance,
    opts: &Options,
    order: &[u32],
    scratch: &mut Scratch,
    findings: &mut Vec<Finding>,
) {
    if g.risk_factors
        .iter()
        .all(|q| g.question(*q).ask_if.is_none())
    {
        return;
    }
    let space = Space::new(g, None, order);
    let mut walk = Walk {
        values: std::mem::take(&mut scratch.walk_values),
        choice: vec![NONE; space.qs.len()],
        reached: vec![false; space.qs.len()],
        rules: space.reason.is_some(),
        matched: Vec::new(),
    };
    let mut cases = 0usize;
    let sampled = space.each(&mut walk, opts.max_cases, &mut |_: &Walk| cases += 1);
    for (p, sq) in space.qs.iter().enumerate() {
        let q = g.question(sq.id);
        if q.part == Part::RiskFactor && sq.ask_if.is_some() && !walk.reached[p] {
            findings.push(Finding {
                kind: Kind::Unreachable,
                severity: Kind::Unreachable.severity(),
                reason: None,
                id: q.id.clone(),
                related: Vec::new(),
                file: g.provenance.path(q.location.file),
                line: q.location.pos.line,
                col: q.location.pos.col,
                message: format!(
                    "risk factor `{}` is never asked: its ask_if is true in none of the {cases} combinations of the answers it depends on{}",
                    q.id,
                    if sampled { " (sampled)" } else { "" }
                ),
                count: 0,
                cases: Vec::new(),
                sampled,
                allowed_by: None,
            });
        }
    }
    scratch.walk_values = walk.values;
}

/// Rules, fallbacks and red flags no scenario is decided by; questions no scenario asks.
fn coverage(g: &Guidance, scenarios: &[Scenario], findings: &mut Vec<Finding>) {
    let warn =
        |kind: Kind, reason: Option<&Reason>, id: String, at: Location, message: String| Finding {
            kind,
            severity: kind.severity(),
            reason: reason.map(|r| r.id.clone()),
            id,
            related: Vec::new(),
            file: g.provenance.path(at.file),
            line: at.pos.line,
            col: at.pos.col,
            message,
            count: 0,
            cases: Vec::new(),
            sampled: false,
            allowed_by: None,
        };
    let calls: Vec<_> = scenarios.iter().filter_map(|s| s.call(g).ok()).collect();
    if calls.is_empty() {
        findings.push(warn(
            Kind::NoScenarios,
            None,
            "scenarios".to_owned(),
            Location {
                file: FileId(0),
                pos: crate::source::Position { line: 1, col: 1 },
            },
            "the guidance has no scenarios that run, so coverage is not measured".to_owned(),
        ));
        return;
    }
    let mut won: HashSet<Decider> = HashSet::new();
    let mut asked = vec![false; g.questions.len()];
    for call in &calls {
        let e = evaluate(g, call);
        for q in &e.questions {
            asked[q.index()] = true;
        }
        if let Some(p) = e.proposal {
            won.insert(p.winner);
        }
    }
    let n = calls.len();
    for (i, rf) in g.red_flags.iter().enumerate() {
        if !won.contains(&Decider::RedFlag(i)) {
            let q = g.question(rf.question);
            findings.push(warn(
                Kind::NeverWon,
                None,
                q.id.clone(),
                q.location,
                format!("red flag `{}` decides none of the {n} scenarios", q.id),
            ));
        }
    }
    for (ri, reason) in g.reasons.iter().enumerate() {
        let rid = ReasonId(ri as u32);
        for (i, rule) in reason.rules.iter().enumerate() {
            if !won.contains(&Decider::Rule {
                reason: rid,
                rule: i,
            }) {
                findings.push(warn(
                    Kind::NeverWon,
                    Some(reason),
                    rule.id.clone(),
                    rule.location,
                    format!("rule `{}` decides none of the {n} scenarios", rule.id),
                ));
            }
        }
        if !won.contains(&Decider::Fallback(rid)) {
            findings.push(warn(
                Kind::NeverWon,
                Some(reason),
                reason.fallback_id(),
                reason.location,
                format!(
                    "the fallback of reason `{}` decides none of the {n} scenarios",
                    reason.id
                ),
            ));
        }
    }
    for (i, q) in g.questions.iter().enumerate() {
        if asked[i] {
            continue;
        }
        let reason = match q.part {
            Part::Reason(r) => Some(g.reason(r)),
            _ => None,
        };
        findings.push(warn(
            Kind::NeverAsked,
            reason,
            q.id.clone(),
            q.location,
            format!("question `{}` is asked in none of the {n} scenarios", q.id),
        ));
    }
}
