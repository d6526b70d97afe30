//! The ask order and what a call walks: every question after those its `ask_if` (or its red
//! flag's `ask_if`) names, so that one pass in this order decides which questions a call asks;
//! and, computed once per guidance, the questions each reason brings into a call, so that the
//! engine walks only the call's questions, never the whole guidance.

use crate::guidance::condition::visit_atoms;
use crate::guidance::model::{Guidance, Question, QuestionId, RedFlag};

/// The questions `q` depends on: those its `ask_if` names and, for a red flag, its own `ask_if`'s.
fn deps(q: &Question, red_flag: Option<&RedFlag>, out: &mut Vec<usize>) {
    let conditions = q
        .ask_if
        .iter()
        .chain(red_flag.and_then(|rf| rf.ask_if.as_ref()));
    for c in conditions {
        visit_atoms(c, &mut |a| out.push(a.question.index()));
    }
}

/// Questions ordered so that each comes after every question its `ask_if` names.
fn ask_order(questions: &[Question], red_flag_of: &[Option<&RedFlag>]) -> Vec<QuestionId> {
    let n = questions.len();
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut waiting_on = vec![0usize; n];
    for (i, q) in questions.iter().enumerate() {
        let mut ds = Vec::new();
        deps(q, red_flag_of[i], &mut ds);
        ds.sort_unstable();
        ds.dedup();
        for d in ds {
            dependents[d].push(i);
            waiting_on[i] += 1;
        }
    }
    let mut ready: std::collections::VecDeque<usize> =
        (0..n).filter(|&i| waiting_on[i] == 0).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(i) = ready.pop_front() {
        order.push(QuestionId(i as u32));
        for &d in &dependents[i] {
            waiting_on[d] -= 1;
            if waiting_on[d] == 0 {
                ready.push_back(d);
            }
        }
    }
    order
}

/// Fills in the guidance's ask order, each reason's red flags and what every call and each
/// reason walk.
pub(crate) fn plan(g: &mut Guidance) {
    let n = g.questions.len();
    let mut red_flag_at = vec![None; n];
    for (i, rf) in g.red_flags.iter().enumerate() {
        red_flag_at[rf.question.index()] = Some(i as u32);
    }
    let red_flag_of: Vec<Option<&RedFlag>> = red_flag_at
        .iter()
        .map(|i| i.map(|i| &g.red_flags[i as usize]))
        .collect();
    let order = ask_order(&g.questions, &red_flag_of);
    let mut rank = vec![u32::MAX; n];
    for (i, q) in order.iter().enumerate() {
        rank[q.index()] = i as u32;
    }
    // Everything a set of questions needs: the questions, and those their ask_ifs read, in turn.
    let closure = |start: Vec<usize>| -> Vec<QuestionId> {
        let mut seen = vec![false; n];
        let mut work = start;
        let mut out = Vec::new();
        while let Some(q) = work.pop() {
            if std::mem::replace(&mut seen[q], true) {
                continue;
            }
            out.push(QuestionId(q as u32));
            deps(&g.questions[q], red_flag_of[q], &mut work);
        }
        out.sort_by_key(|q| rank[q.index()]);
        out
    };
    let mut base: Vec<usize> = g
        .basics
        .iter()
        .filter(|q| g.question(**q).always)
        .map(|q| q.index())
        .collect();
    base.extend(
        g.red_flags
            .iter()
            .filter(|rf| rf.is_global())
            .map(|rf| rf.question.index()),
    );
    let base_walk = closure(base);
    let mut walks = Vec::with_capacity(g.reasons.len());
    let mut scoped: Vec<Vec<usize>> = vec![Vec::new(); g.reasons.len()];
    for (i, rf) in g.red_flags.iter().enumerate() {
        for r in &rf.reasons {
            scoped[r.index()].push(i);
        }
    }
    for (reason, red_flags) in g.reasons.iter().zip(&scoped) {
        let mut start: Vec<usize> = reason.questions.iter().map(|q| q.index()).collect();
        start.extend(red_flags.iter().map(|&i| g.red_flags[i].question.index()));
        for rule in &reason.rules {
            visit_atoms(&rule.when, &mut |a| start.push(a.question.index()));
        }
        walks.push(closure(start));
    }
    drop(red_flag_of);
    for ((reason, walk), red_flags) in g.reasons.iter_mut().zip(walks).zip(scoped) {
        reason.walk = walk;
        reason.red_flags = red_flags;
    }
    g.ask_order = order;
    g.rank = rank;
    g.red_flag_at = red_flag_at;
    g.base_walk = base_walk;
}
