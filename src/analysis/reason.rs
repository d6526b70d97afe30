//! One reason's cases walked: which rules match and which decide, and from that its unreachable
//! and shadowed rules, unreachable questions, gap and overlaps, and its summary. Also the risk
//! factors' own space (their `ask_if`s), for risk factors never asked.

use std::collections::BTreeMap;

use crate::analysis::cannot_say::{CannotSay, Decided};
use crate::analysis::findings::{CaseKey, Examples, Reporter, severity};
use crate::analysis::report::{Count, Decision, Finding, ReasonSummary, cases_n, percent};
use crate::analysis::space::Space;
use crate::analysis::walk::{Scratch, Walk};
use crate::call::Value;
use crate::diagnostic::{Arg, Message};
use crate::engine::Decider;
use crate::guidance::allow::Kind;
use crate::guidance::{Guidance, Outcome, Part};
use crate::msg;

/// What the walk over a reason's cases counts; per rule, indexed by rule.
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
    cannot_say: CannotSay,
    /// Example cases kept per finding.
    examples: usize,
}

impl Stats {
    fn new(space: &Space, examples: usize) -> Stats {
        let g = space.g;
        let n = g
            .reason(space.reason.expect("a reason's space"))
            .rules
            .len();
        Stats {
            cases: 0,
            matched: vec![0; n],
            won: vec![0; n],
            beaters: vec![Vec::new(); n],
            lost_examples: (0..n).map(|_| Examples::new(examples)).collect(),
            gap: 0,
            gap_examples: Examples::new(examples),
            overlaps: BTreeMap::new(),
            by_timeframe: vec![0; g.timeframes.len()],
            by_mode: vec![0; g.modes.len()],
            no_mode: 0,
            cannot_say: CannotSay::new(space, examples),
            examples,
        }
    }
}

/// Walks the reason's cases (at most `max_cases`, else a sample), pushes its findings and
/// returns its summary; `examples` cases are kept per finding.
pub(super) fn analyse_reason(
    space: &Space,
    max_cases: usize,
    examples: usize,
    scratch: &mut Scratch,
    findings: &mut Vec<Finding>,
) -> ReasonSummary {
    let mut st = Stats::new(space, examples);
    let mut walk = Walk::with_values(std::mem::take(&mut scratch.walk_values), space);
    let alt_values = &mut scratch.values;
    let sampled = space.each(&mut walk, max_cases, &mut |w: &Walk| {
        visit(space, w, &mut st, alt_values);
    });
    let reached = std::mem::take(&mut walk.reached);
    scratch.walk_values = walk.values;

    let r = Reporter::new(space, sampled, st.cases, max_cases);
    rule_findings(&r, &mut st, findings);
    question_findings(&r, &reached, st.cases, findings);
    gap_finding(&r, &mut st, findings);
    overlap_findings(&r, &mut st, findings);
    let summary = summary(&r, &st);
    st.cannot_say.findings(&r, findings);
    summary
}

/// Rules true in no case, and rules that match but never decide.
fn rule_findings(r: &Reporter, st: &mut Stats, findings: &mut Vec<Finding>) {
    let (reason, note) = (r.reason, &r.note);
    let mut lost_examples = std::mem::take(&mut st.lost_examples).into_iter();
    for (i, rule) in reason.rules.iter().enumerate() {
        let examples = lost_examples.next().expect("one per rule");
        if st.matched[i] == 0 {
            findings.push(r.finding(
                Kind::Unreachable,
                rule.id.clone(),
                rule.location,
                msg!(LintRuleUnreachable, rule.id, st.cases, reason.id, note),
            ));
        } else if st.won[i] == 0 {
            let mut beaters = st.beaters[i].clone();
            beaters.sort_unstable();
            let names: Vec<String> = beaters
                .iter()
                .map(|&b| format!("`{}` ({})", r.rule_id(b), r.tf_id(Some(b))))
                .collect();
            let decide = if names.len() == 1 {
                msg!(LintOneDecides, names[0])
            } else {
                let mut names = names.iter();
                let first = msg!(ListOne, names.next().expect("two or more"));
                msg!(
                    LintEitherDecides,
                    names.fold(first, |acc, n| msg!(ListOr, acc, n))
                )
            };
            let mut f = r.finding(
                Kind::Shadowed,
                rule.id.clone(),
                rule.location,
                msg!(
                    LintRuleShadowed,
                    rule.id,
                    r.tf_id(Some(i)),
                    cases_n(st.matched[i]),
                    decide,
                    note
                ),
            );
            f.related = beaters.iter().map(|&b| r.rule_id(b).to_owned()).collect();
            f.count = st.matched[i];
            f.cases = r.cases(examples);
            findings.push(f);
        }
    }
}

/// The reason's questions whose `ask_if` no case makes true.
fn question_findings(r: &Reporter, reached: &[bool], cases: usize, findings: &mut Vec<Finding>) {
    let (space, reason) = (r.space, r.reason);
    let rid = space.reason.expect("a reason's space");
    for (p, sq) in space.qs.iter().enumerate() {
        let q = space.g.question(sq.id);
        if q.part == Part::Reason(rid) && sq.ask_if.is_some() && !reached[p] {
            findings.push(r.finding(
                Kind::Unreachable,
                q.id.clone(),
                q.location,
                msg!(LintQuestionUnreachable, q.id, cases, reason.id, r.note),
            ));
        }
    }
}

/// Cases no rule matches.
fn gap_finding(r: &Reporter, st: &mut Stats, findings: &mut Vec<Finding>) {
    if st.gap == 0 {
        return;
    }
    let (g, reason) = (r.space.g, r.reason);
    let rid = r.space.reason.expect("a reason's space");
    let mut f = r.finding(
        Kind::Gap,
        reason.id.clone(),
        reason.location,
        msg!(
            LintGap,
            st.gap,
            st.cases,
            reason.id,
            Decision::of(g, Decider::Fallback(rid)),
            r.note
        ),
    );
    f.count = st.gap;
    f.cases = r.cases(std::mem::replace(&mut st.gap_examples, Examples::new(0)));
    findings.push(f);
}

/// Pairs of matching rules, equally urgent with different outcomes.
fn overlap_findings(r: &Reporter, st: &mut Stats, findings: &mut Vec<Finding>) {
    let (g, reason) = (r.space.g, r.reason);
    for ((first, second), (count, examples)) in std::mem::take(&mut st.overlaps) {
        let (a, b) = (&reason.rules[first].outcome, &reason.rules[second].outcome);
        let mut differs = Vec::new();
        let mode = |o: &Outcome| o.modes.first().map_or("none", |m| g.mode(*m).id.as_str());
        let prof = |o: &Outcome| {
            o.professional
                .map_or("none", |p| g.professional(p).id.as_str())
        };
        if mode(a) != mode(b) {
            differs.push(msg!(LintDiffersMode, mode(a), mode(b)));
        }
        if prof(a) != prof(b) {
            differs.push(msg!(LintDiffersProfessional, prof(a), prof(b)));
        }
        if a.outside_care_guarantee != b.outside_care_guarantee {
            differs.push(msg!(LintDiffersCareGuarantee));
        }
        let differs = list(differs);
        let mut f = r.finding(
            Kind::Overlap,
            r.rule_id(second).to_owned(),
            reason.rules[second].location,
            msg!(
                LintOverlap,
                r.rule_id(first),
                r.rule_id(second),
                cases_n(count),
                r.tf_id(Some(first)),
                differs,
                r.note,
            ),
        );
        f.related = vec![r.rule_id(first).to_owned()];
        f.count = count;
        f.cases = r.cases(examples);
        findings.push(f);
    }
}

/// How the reason's cases end: per timeframe, per contact mode, remote, the fallback.
fn summary(r: &Reporter, st: &Stats) -> ReasonSummary {
    let g = r.space.g;
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
        reason: r.reason.id.clone(),
        cases: st.cases,
        sampled: r.sampled,
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
    let mut key = CaseKey::new(seq);
    match best {
        None => {
            st.gap += 1;
            st.gap_examples
                .offer(key.get(space, &w.choice), &w.choice, best);
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
            st.lost_examples[i].offer(key.get(space, &w.choice), &w.choice, best);
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
            entry.1.offer(key.get(space, &w.choice), &w.choice, best);
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
    let decided = Decided {
        best,
        tf,
        key: &mut key,
    };
    st.cannot_say.visit(space, w, decided, alt_values);
}

/// Basics, risk factors and pool questions whose `ask_if` nothing satisfies, over their own
/// space.
pub(super) fn shared_questions(
    g: &Guidance,
    max_cases: usize,
    order: &[u32],
    scratch: &mut Scratch,
    findings: &mut Vec<Finding>,
) {
    if g.questions
        .iter()
        .all(|q| !q.part.is_shared() || q.ask_if.is_none())
    {
        return;
    }
    let space = Space::new(g, None, order);
    let mut walk = Walk::with_values(std::mem::take(&mut scratch.walk_values), &space);
    let mut cases = 0usize;
    let sampled = space.each(&mut walk, max_cases, &mut |_: &Walk| cases += 1);
    for (p, sq) in space.qs.iter().enumerate() {
        let q = g.question(sq.id);
        if q.part.is_shared() && sq.ask_if.is_some() && !walk.reached[p] {
            let note = if sampled {
                Arg::Message(msg!(LintSampled))
            } else {
                Arg::empty()
            };
            let message = match q.part {
                Part::Basic => msg!(LintBasicUnreachable, q.id, cases, note),
                Part::Pool => msg!(LintPoolUnreachable, q.id, cases, note),
                _ => msg!(LintRiskFactorUnreachable, q.id, cases, note),
            };
            findings.push(Finding {
                kind: Kind::Unreachable,
                severity: severity(Kind::Unreachable, sampled),
                reason: None,
                id: q.id.clone(),
                related: Vec::new(),
                file: g.provenance.path(q.location.file),
                line: q.location.pos.line,
                col: q.location.pos.col,
                message,
                count: 0,
                cases: Vec::new(),
                sampled,
                allowed_by: None,
            });
        }
    }
    scratch.walk_values = walk.values;
}

/// Messages joined by ", ", each in the language of the sentence around them.
fn list(items: Vec<Message>) -> Arg {
    let mut items = items.into_iter();
    let Some(first) = items.next() else {
        return Arg::empty();
    };
    Arg::Message(items.fold(first, |acc, m| msg!(ListComma, acc, m)))
}
