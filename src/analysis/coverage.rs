//! Coverage by the scenarios: red flags, rules and fallbacks that decide no scenario, and
//! questions that no scenario asks.

use std::collections::HashSet;

use crate::analysis::report::Finding;
use crate::diagnostic::Message;
use crate::engine::{Decider, evaluate};
use crate::guidance::allow::Kind;
use crate::guidance::{FileId, Guidance, Location, Part, Reason, ReasonId};
use crate::msg;
use crate::scenario::Scenario;
use crate::source::Position;

/// Rules, fallbacks and red flags no scenario is decided by; questions no scenario asks.
pub(super) fn coverage(g: &Guidance, scenarios: &[Scenario], findings: &mut Vec<Finding>) {
    let calls: Vec<_> = scenarios.iter().filter_map(|s| s.call(g).ok()).collect();
    if calls.is_empty() {
        findings.push(warning(
            g,
            Kind::NoScenarios,
            None,
            "scenarios".to_owned(),
            Location {
                file: FileId(0),
                pos: Position { line: 1, col: 1 },
            },
            msg!(LintNoScenarios),
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
    never_won(g, &won, calls.len(), findings);
    never_asked(g, &asked, calls.len(), findings);
}

fn warning(
    g: &Guidance,
    kind: Kind,
    reason: Option<&Reason>,
    id: String,
    at: Location,
    message: Message,
) -> Finding {
    Finding {
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
    }
}

/// Red flags, rules and fallbacks that decide none of the `n` scenarios' calls.
fn never_won(g: &Guidance, won: &HashSet<Decider>, n: usize, findings: &mut Vec<Finding>) {
    for (i, rf) in g.red_flags.iter().enumerate() {
        if !won.contains(&Decider::RedFlag(i)) {
            let q = g.question(rf.question);
            findings.push(warning(
                g,
                Kind::NeverWon,
                None,
                q.id.clone(),
                q.location,
                msg!(LintRedFlagNeverWon, q.id, n),
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
                findings.push(warning(
                    g,
                    Kind::NeverWon,
                    Some(reason),
                    rule.id.clone(),
                    rule.location,
                    msg!(LintRuleNeverWon, rule.id, n),
                ));
            }
        }
        if !won.contains(&Decider::Fallback(rid)) {
            findings.push(warning(
                g,
                Kind::NeverWon,
                Some(reason),
                reason.fallback_id(),
                reason.location,
                msg!(LintFallbackNeverWon, reason.id, n),
            ));
        }
    }
}

/// Questions asked in none of the `n` scenarios' calls.
fn never_asked(g: &Guidance, asked: &[bool], n: usize, findings: &mut Vec<Finding>) {
    for (i, q) in g.questions.iter().enumerate() {
        if asked[i] {
            continue;
        }
        let reason = match q.part {
            Part::Reason(r) => Some(g.reason(r)),
            _ => None,
        };
        findings.push(warning(
            g,
            Kind::NeverAsked,
            reason,
            q.id.clone(),
            q.location,
            msg!(LintQuestionNeverAsked, q.id, n),
        ));
    }
}
