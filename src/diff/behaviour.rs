//! The behavioural half of a diff: each scenario and each enumerated case of a reason decided in
//! both versions, carried from one version's case space into the other's.

use std::collections::HashSet;

use crate::analysis::{CaseAnswer, Decision, NONE, Space, Walk};
use crate::call::{Answer, Call, Value};
use crate::diff::outcomes::cases_assessed_at;
use crate::diff::report::{CaseChange, Diff};
use crate::engine::evaluate;
use crate::guidance::Guidance;
use crate::scenario::Scenario;

pub fn scenarios(
    old: &Guidance,
    new: &Guidance,
    old_scenarios: &[Scenario],
    new_scenarios: &[Scenario],
    d: &mut Diff,
) {
    // By file name; where both versions have a file, the new version's.
    let name = |s: &Scenario| s.file.file_name().map(|f| f.to_string_lossy().into_owned());
    let newer: HashSet<Option<String>> = new_scenarios.iter().map(name).collect();
    let mut union: Vec<&Scenario> = old_scenarios
        .iter()
        .filter(|s| !newer.contains(&name(s)))
        .chain(new_scenarios)
        .collect();
    union.sort_by_key(|s| name(s));
    for s in union {
        let reasons: Vec<String> = s.raw.reasons.iter().map(|r| r.value.clone()).collect();
        let answers: Vec<CaseAnswer> = s
            .raw
            .answers
            .0
            .iter()
            .map(|(q, a)| CaseAnswer {
                question: q.value.clone(),
                answer: a.clone(),
                shown: format!("{} = {}", q.value, answer_text(a)),
            })
            .collect();
        let file = s
            .file
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        // As a scenario runs (at its own time), except that answers the version cannot take
        // are dropped.
        let at = s
            .at(None)
            .map_or_else(|_| cases_assessed_at(), |t| t.naive_local());
        let decide = |g: &Guidance| -> Option<Decision> {
            let mut call = Call::new(g);
            for r in &reasons {
                call.add_reason(g.reason_by_id(r)?);
            }
            for rf in &g.red_flags {
                call.set(rf.question, Some(Value::No));
            }
            for a in &answers {
                if let Some(q) = g.question_by_id(&a.question)
                    && let Ok(v) = Value::resolve(g, q, &a.answer)
                {
                    call.set(q, Some(v));
                }
            }
            let p = evaluate(g, &call).proposal?;
            Some(Decision::at(g, p.winner, at))
        };
        match (decide(old), decide(new)) {
            (Some(a), Some(b)) => {
                d.compared += 1;
                if a != b {
                    d.cases.push(CaseChange {
                        source: format!("scenario {file}"),
                        reasons,
                        text: s.name(),
                        answers,
                        old: a,
                        new: b,
                    });
                }
            }
            _ => d.incomparable += 1,
        }
    }
}

/// Every decider's decision at the cases' time ([`cases_assessed_at`]), by rule index, the
/// fallback last.
fn decisions(space: &Space) -> Vec<Decision> {
    let at = cases_assessed_at();
    let reason = space.reason.expect("a reason's space");
    let n = space.g.reason(reason).rules.len();
    (0..=n)
        .map(|i| Decision::at(space.g, space.decider((i < n).then_some(i)), at))
        .collect()
}

/// Each class's part of a case's key: `question=answer;`.
fn fragments(space: &Space) -> Vec<Vec<String>> {
    space
        .qs
        .iter()
        .map(|sq| {
            let id = &space.g.question(sq.id).id;
            sq.classes
                .iter()
                .map(|c| format!("{id}={};", answer_text(&c.value.to_answer(space.g, sq.id))))
                .collect()
        })
        .collect()
}

/// Decides each case of `from` in `to` too; returns whether the cases were sampled or cut.
///
/// A question `to` reads but the case leaves unanswered (new, or its answer does not fit) is
/// answered each way `to` tells apart: one compared case each.
pub fn cross(
    from: &Space,
    to: &Space,
    from_is_old: bool,
    max_cases: usize,
    seen: &mut HashSet<String>,
    d: &mut Diff,
) -> bool {
    let from_decisions = decisions(from);
    let to_decisions = decisions(to);
    let fallback = |ds: &[Decision], x: Option<usize>| x.unwrap_or(ds.len() - 1);
    // Where each of `from`'s questions sits in `to`, and each class's value there.
    let map: Vec<Option<(usize, Vec<Option<Value>>)>> = from
        .qs
        .iter()
        .map(|sq| {
            let id = &from.g.question(sq.id).id;
            let to_q = to.g.question_by_id(id)?;
            let slot = to.qs.iter().position(|t| t.id == to_q)?;
            let values = sq
                .classes
                .iter()
                .map(|c| Value::resolve(to.g, to_q, &c.value.to_answer(from.g, sq.id)).ok())
                .collect();
            Some((slot, values))
        })
        .collect();
    let from_fragments = fragments(from);
    let to_fragments = fragments(to);
    let reason = from.g.reason(from.reason.expect("a reason's space"));
    let mut walk = Walk::new(from.g, from);
    let mut ext = Extension {
        values: vec![None; to.g.questions.len()],
        assigned: vec![None; to.qs.len()],
        chosen: Vec::new(),
    };
    let mut matched = Vec::new();
    let mut parts: Vec<&str> = Vec::new();
    // Extensions may multiply the cases: stop comparing beyond this many.
    let budget = max_cases.saturating_mul(4);
    let mut done = 0usize;
    let mut cut = false;
    let sampled = from.each(&mut walk, max_cases, &mut |w: &Walk| {
        if done >= budget {
            cut = true;
            return;
        }
        ext.assigned.iter_mut().for_each(|a| *a = None);
        for (p, &c) in w.choice.iter().enumerate() {
            if c != NONE
                && let Some((slot, values)) = &map[p]
            {
                ext.assigned[*slot] = values[c as usize];
            }
        }
        let a = &from_decisions[fallback(&from_decisions, from.winner(&w.matched))];
        extend(to, 0, &mut ext, &mut |ext: &Extension| {
            parts.clear();
            for (p, &c) in w.choice.iter().enumerate() {
                if c != NONE {
                    parts.push(&from_fragments[p][c as usize]);
                }
            }
            for &(p, c) in &ext.chosen {
                parts.push(&to_fragments[p][c as usize]);
            }
            parts.sort_unstable();
            let key = parts.concat();
            if !seen.insert(key) {
                return;
            }
            done += 1;
            d.compared += 1;
            let b = &to_decisions[fallback(&to_decisions, to.decide(&ext.values, &mut matched))];
            if a == b {
                return;
            }
            let mut case = from.case(&w.choice, from.decider(None));
            for &(p, c) in &ext.chosen {
                let sq = &to.qs[p];
                let class = &sq.classes[c as usize];
                case.answers.push(CaseAnswer {
                    question: to.g.question(sq.id).id.clone(),
                    answer: class.value.to_answer(to.g, sq.id),
                    shown: class.shown.clone(),
                });
            }
            let text: Vec<&str> = case.answers.iter().map(|x| x.shown.as_str()).collect();
            let (old, new) = if from_is_old { (a, b) } else { (b, a) };
            d.cases.push(CaseChange {
                source: format!("cases of {}", reason.id),
                reasons: case.reasons,
                text: text.join(", "),
                answers: case.answers,
                old: old.clone(),
                new: new.clone(),
            });
        });
    });
    sampled || cut
}

/// A case of one version carried into the other.
struct Extension {
    /// The values the other version's conditions see.
    values: Vec<Option<Value>>,
    /// The case's answers, by the other version's space position.
    assigned: Vec<Option<Value>>,
    /// Classes chosen for questions the case leaves unanswered: (space position, class).
    chosen: Vec<(usize, u16)>,
}

/// Walks `space` from position `i` with the assigned answers, answering each unanswered
/// question it reads every way it tells apart, and calls `leaf` for each completed case.
fn extend<F: FnMut(&Extension)>(space: &Space, i: usize, ext: &mut Extension, leaf: &mut F) {
    if i == space.qs.len() {
        leaf(ext);
        return;
    }
    let sq = &space.qs[i];
    let asked = sq
        .ask_if
        .is_none_or(|c| crate::engine::eval(c, &ext.values) == crate::engine::Truth::True);
    if !asked || ext.assigned[i].is_some() || sq.classes.is_empty() {
        ext.values[sq.id.index()] = if asked { ext.assigned[i] } else { None };
        extend(space, i + 1, ext, leaf);
        return;
    }
    for (k, class) in sq.classes.iter().enumerate() {
        ext.values[sq.id.index()] = Some(class.value);
        ext.chosen.push((i, k as u16));
        extend(space, i + 1, ext, leaf);
        ext.chosen.pop();
    }
    ext.values[sq.id.index()] = None;
}

/// An answer as written for people: `Yes`, `cannot say`, `good`, `[a, b]`, `38.5`.
pub fn answer_text(a: &Answer) -> String {
    match a {
        Answer::Yes => "Yes".to_owned(),
        Answer::No => "No".to_owned(),
        Answer::CannotSay => "cannot say".to_owned(),
        Answer::Choice(c) => c.clone(),
        Answer::Choices(cs) => format!("[{}]", cs.join(", ")),
        Answer::Number(x) => format!("{x}"),
        Answer::Age(q) | Answer::Duration(q) => q.to_string(),
        Answer::Text(t) => format!("{t:?}"),
    }
}
