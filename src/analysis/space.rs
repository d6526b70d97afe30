//! The case space of a reason: the questions its cases answer, in ask order, with the answer
//! classes of each, and which rules each question can affect. What a case is, how it is decided
//! and shown; walking the cases is [`crate::analysis::walk`].

use std::collections::{HashMap, HashSet};

use crate::analysis::classes::{Class, classes};
use crate::analysis::report::{Case, CaseAnswer, Decision};
use crate::call::Value;
use crate::engine::{Decider, Truth, eval};
use crate::guidance::{
    Atom, Condition, Guidance, Outcome, QuestionId, ReasonId, Rule, Test, TimeframeId, visit_atoms,
};

/// No answer: the question is not asked in the case, or no condition reads it.
pub const NONE: u16 = u16::MAX;

/// The questions a reason's cases answer, in an order where each comes after those its `ask_if`
/// names, with the answer classes of each.
pub struct Space<'g> {
    pub g: &'g Guidance,
    /// `None`: the shared questions' own space (basics', risk factors' and the pool's `ask_if`s),
    /// without rules.
    pub reason: Option<ReasonId>,
    pub qs: Vec<SpaceQ<'g>>,
    /// Per position (and one past the last), the rules whose last question read is there: a
    /// walk evaluates each rule once, as soon as its answers are known.
    pub(super) rules_at: Vec<Vec<usize>>,
    /// Per position, the rules that read its question or one asked because of it, most urgent
    /// first: the only rules whose truth a different answer to it can change.
    pub(super) affected: Vec<Vec<usize>>,
    /// The same as a mask per position, indexed by rule.
    pub(super) affected_mask: Vec<Vec<bool>>,
    /// Per position, the questions asked because of it (directly or in turn).
    pub(super) downstream: Vec<Vec<usize>>,
    /// Per position, the rules that test one of those with `CannotSay` or `Answered`, most
    /// urgent first: the only rules that "cannot say" on it can keep from firing.
    pub(super) cs_followups: Vec<Vec<usize>>,
}

pub struct SpaceQ<'g> {
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

/// The questions of a space and the atoms that read each, gathered from the rules and, in
/// turn, from the `ask_if`s of the questions gathered.
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

    /// The questions of a reason's rules (or, with `None`, of the shared questions' `ask_if`s) and
    /// those their `ask_if`s name, in turn.
    fn of(g: &'g Guidance, reason: Option<ReasonId>) -> Collector<'g> {
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
                let shared = g.basics.iter().chain(&g.risk_factors).chain(&g.pool);
                for &q in shared {
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
        c
    }

    /// The space's questions in the order they are asked, each after those its ask_if names.
    fn questions(&self, g: &'g Guidance, order: &[u32]) -> Vec<SpaceQ<'g>> {
        let mut members: Vec<QuestionId> = self.members.iter().copied().collect();
        members.sort_by_key(|q| order[q.index()]);
        members
            .into_iter()
            .map(|q| {
                let atoms = self.atoms.get(&q).map(Vec::as_slice).unwrap_or_default();
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
                    parent: self.parents.contains(&q),
                }
            })
            .collect()
    }
}

impl<'g> Space<'g> {
    /// The space of a reason (or, with `None`, of the risk factors' `ask_if`s); `order` is
    /// [`ask_positions`].
    pub fn new(g: &'g Guidance, reason: Option<ReasonId>, order: &[u32]) -> Space<'g> {
        let qs = Collector::of(g, reason).questions(g, order);
        let pos: HashMap<QuestionId, usize> =
            qs.iter().enumerate().map(|(i, sq)| (sq.id, i)).collect();
        let rules = reason.map_or(&[][..], |r| &g.reason(r).rules[..]);
        let (rules_at, readers) = readers(rules, &pos, qs.len());
        let downstream = downstream(&qs, &pos);
        let affected: Vec<Vec<usize>> = (0..qs.len())
            .map(|p| {
                let mut out: Vec<usize> = readers[p].clone();
                for &d in &downstream[p] {
                    out.extend(&readers[d]);
                }
                by_urgency(rules, out)
            })
            .collect();
        let cs_followups = cs_followups(rules, &qs, &downstream);
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

    pub(super) fn asked(&self, i: usize, values: &[Option<Value>]) -> bool {
        self.qs[i]
            .ask_if
            .is_none_or(|c| eval(c, values) == Truth::True)
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

    pub(super) fn outcome(&self, d: Option<usize>) -> &'g Outcome {
        self.decider(d).outcome(self.g)
    }

    pub(super) fn timeframe(&self, d: Option<usize>) -> TimeframeId {
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

    pub(super) fn cannot_say_count(&self, choice: &[u16]) -> usize {
        self.qs
            .iter()
            .zip(choice)
            .filter(|(sq, c)| **c != NONE && sq.cs == Some(**c))
            .count()
    }
}

/// Per position (and one past the last), the rules whose last question read is there; and per
/// position, the rules that read its question.
fn readers(
    rules: &[Rule],
    pos: &HashMap<QuestionId, usize>,
    n: usize,
) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    let mut rules_at = vec![Vec::new(); n + 1];
    let mut readers: Vec<Vec<usize>> = vec![Vec::new(); n];
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
    (rules_at, readers)
}

/// Per position, the questions asked because of it: those whose ask_if names it, and theirs in
/// turn.
fn downstream(qs: &[SpaceQ], pos: &HashMap<QuestionId, usize>) -> Vec<Vec<usize>> {
    let n = qs.len();
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
    (0..n)
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
        .collect()
}

/// Per position, the rules that test a question asked because of it with `CannotSay` or
/// `Answered`, most urgent first.
fn cs_followups(rules: &[Rule], qs: &[SpaceQ], downstream: &[Vec<usize>]) -> Vec<Vec<usize>> {
    (0..qs.len())
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
            by_urgency(rules, out)
        })
        .collect()
}

/// Rules most urgent first, ties in standing order, each once.
fn by_urgency(rules: &[Rule], mut list: Vec<usize>) -> Vec<usize> {
    list.sort_by_key(|&k| (rules[k].outcome.timeframe, k));
    list.dedup();
    list
}

/// Each question's position in the guidance's ask order (every question after those its
/// `ask_if` names), by question index.
pub fn ask_positions(g: &Guidance) -> Vec<u32> {
    let mut order = vec![0; g.questions.len()];
    for (i, q) in g.ask_order.iter().enumerate() {
        order[q.index()] = i as u32;
    }
    order
}
