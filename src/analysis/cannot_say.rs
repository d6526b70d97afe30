//! The "cannot say" analysis: where a caller's "cannot say" leads somewhere less urgent than not
//! knowing, either directly or by skipping follow-up questions that would have sent the call to
//! more urgent care.

use std::collections::{BTreeMap, HashSet};

use crate::analysis::findings::{CaseKey, Examples, Reporter};
use crate::analysis::report::{Finding, cases_n};
use crate::analysis::space::{NONE, Space};
use crate::analysis::walk::Walk;
use crate::call::Value;
use crate::diagnostic::Message;
use crate::engine::{Truth, eval};
use crate::guidance::allow::Kind;
use crate::guidance::{Rule, TimeframeId, visit_atoms};
use crate::msg;

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

/// What the "cannot say" checks found over a reason's cases so far.
pub(super) struct CannotSay {
    entries: BTreeMap<CsKey, CsEntry>,
    /// Example cases kept per finding.
    examples: usize,
    // Buffers.
    alt_choice: Vec<u16>,
    filled: Vec<usize>,
}

/// One case as the checks see it: its decision and where it stands among examples.
pub(super) struct Decided<'k> {
    /// The deciding rule (`None`: the fallback).
    pub best: Option<usize>,
    pub tf: TimeframeId,
    pub key: &'k mut CaseKey,
}

impl CannotSay {
    pub fn new(space: &Space, examples: usize) -> CannotSay {
        CannotSay {
            entries: BTreeMap::new(),
            examples,
            alt_choice: vec![NONE; space.qs.len()],
            filled: Vec::new(),
        }
    }

    /// The checks on one case, for each question it answers "cannot say".
    pub fn visit(
        &mut self,
        space: &Space,
        w: &Walk,
        mut d: Decided<'_>,
        alt_values: &mut [Option<Value>],
    ) {
        let rules = &space
            .g
            .reason(space.reason.expect("a reason's space"))
            .rules;
        // Without an answer, fewer conditions can be true (Kleene logic is monotone): the case
        // without its "cannot say" is decided by one of the rules matching now, which cannot be
        // more urgent, or by the fallback. So "cannot say" can only reassure where a rule less
        // urgent than the fallback decides.
        let less_than_fallback = d.best.is_some() && d.tf > space.timeframe(None);
        for (p, sq) in space.qs.iter().enumerate() {
            if w.choice[p] == NONE || sq.cs != Some(w.choice[p]) {
                continue;
            }
            // A matching rule the answer cannot change still matches without it.
            if sq.cs_sensitive
                && less_than_fallback
                && w.matched.iter().all(|&k| space.affected_mask[p][k])
            {
                self.less_than_unknown(space, w, p, rules, &mut d, alt_values);
            }
            if sq.parent && skipped_follow_up_matters(space, p, w, d.tf, rules, alt_values) {
                self.skips_follow_ups(space, w, p, rules, &mut d, alt_values);
            }
        }
    }

    /// Without the "cannot say" at `p`, no rule matching now would still match.
    fn less_than_unknown(
        &mut self,
        space: &Space,
        w: &Walk,
        p: usize,
        rules: &[Rule],
        d: &mut Decided<'_>,
        alt_values: &mut [Option<Value>],
    ) {
        self.alt_choice.copy_from_slice(&w.choice);
        self.alt_choice[p] = NONE;
        self.filled.clear();
        space.resolve(&mut self.alt_choice, alt_values, false, &mut self.filled);
        let still = w
            .matched
            .iter()
            .any(|&k| eval(&rules[k].when, alt_values) == Truth::True);
        if still {
            return;
        }
        let unknown = None;
        let examples = self.examples;
        let entry = self
            .entries
            .entry(CsKey::LessThanUnknown {
                q: p,
                rule: d.best,
                unknown,
            })
            .or_insert_with(|| CsEntry {
                count: 0,
                examples: Examples::new(examples),
                via: None,
            });
        entry.count += 1;
        let key = d.key.get(space, &w.choice);
        entry.examples.offer(key, &w.choice, d.best);
    }

    /// Another answer at `p` opens follow-ups that, answered "cannot say", let a more urgent
    /// rule decide.
    fn skips_follow_ups(
        &mut self,
        space: &Space,
        w: &Walk,
        p: usize,
        rules: &[Rule],
        d: &mut Decided<'_>,
        alt_values: &mut [Option<Value>],
    ) {
        let sq = &space.qs[p];
        for c in 0..sq.classes.len() as u16 {
            if Some(c) == sq.cs {
                continue;
            }
            self.alt_choice.copy_from_slice(&w.choice);
            self.alt_choice[p] = c;
            self.filled.clear();
            space.resolve(&mut self.alt_choice, alt_values, true, &mut self.filled);
            if self.filled.is_empty() {
                continue;
            }
            // Only a rule the answer can change may now decide, more urgently than before:
            // the first of those, most urgent first, that matches.
            let Some(r) = space.affected[p]
                .iter()
                .copied()
                .take_while(|&k| rules[k].outcome.timeframe < d.tf)
                .find(|&k| eval(&rules[k].when, alt_values) == Truth::True)
            else {
                continue;
            };
            // Would the rule decide if the follow-ups were asked despite "cannot say"?
            alt_values[sq.id.index()] = Some(Value::CannotSay);
            if eval(&rules[r].when, alt_values) != Truth::True {
                continue;
            }
            let examples = self.examples;
            let filled = self.filled.clone();
            let entry = self
                .entries
                .entry(CsKey::SkipsFollowUps { q: p, rule: r })
                .or_insert_with(|| CsEntry {
                    count: 0,
                    examples: Examples::new(examples),
                    via: Some((c, filled)),
                });
            entry.count += 1;
            let key = d.key.get(space, &w.choice);
            entry.examples.offer(key, &w.choice, d.best);
            break;
        }
    }

    /// One finding per question and rule involved.
    pub fn findings(self, r: &Reporter, findings: &mut Vec<Finding>) {
        let space = r.space;
        let g = space.g;
        for (key, entry) in self.entries {
            let (q, message) = match key {
                CsKey::LessThanUnknown { q, rule, unknown } => (
                    q,
                    less_than_unknown_message(r, q, rule, unknown, entry.count),
                ),
                CsKey::SkipsFollowUps { q, rule } => (q, skips_message(r, q, rule, &entry)),
            };
            let question = g.question(space.qs[q].id);
            let mut f = r.finding(
                Kind::CannotSay,
                question.id.clone(),
                question.location,
                message,
            );
            if let CsKey::LessThanUnknown { rule, .. } = key {
                f.related = vec![r.decider_id(rule)];
            }
            if let CsKey::SkipsFollowUps { rule, .. } = key {
                f.related = vec![r.rule_id(rule).to_owned()];
            }
            f.count = entry.count;
            f.cases = r.cases(entry.examples);
            findings.push(f);
        }
    }
}

fn less_than_unknown_message(
    r: &Reporter,
    q: usize,
    rule: Option<usize>,
    unknown: Option<usize>,
    count: usize,
) -> Message {
    let qid = &r.space.g.question(r.space.qs[q].id).id;
    msg!(
        LintCannotSayLessUrgent,
        qid,
        r.decider_id(rule),
        r.tf_id(rule),
        r.decider_id(unknown),
        r.tf_id(unknown),
        cases_n(count),
        r.note,
    )
}

fn skips_message(r: &Reporter, q: usize, rule: usize, entry: &CsEntry) -> Message {
    let (space, g) = (r.space, r.space.g);
    let qid = &g.question(space.qs[q].id).id;
    let (via, follow_ups) = entry.via.clone().unwrap_or((0, Vec::new()));
    // Name the follow-ups the rule reads; all of them if it reads none directly.
    let mut read = HashSet::new();
    visit_atoms(&r.reason.rules[rule].when, &mut |a| {
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
    msg!(
        LintCannotSaySkips,
        qid,
        follow.join(", "),
        r.rule_id(rule),
        r.tf_id(Some(rule)),
        cases_n(entry.count),
        r.note,
        opened,
    )
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
