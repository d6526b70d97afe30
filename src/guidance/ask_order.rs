//! The ask order: every question after those its `ask_if` names, so that one pass in this order
//! decides which questions a call asks.

use crate::guidance::condition::visit_atoms;
use crate::guidance::model::{Question, QuestionId};

/// Questions ordered so that each comes after every question its `ask_if` names.
pub(crate) fn ask_order(questions: &[Question]) -> Vec<QuestionId> {
    let n = questions.len();
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut waiting_on = vec![0usize; n];
    for (i, q) in questions.iter().enumerate() {
        if let Some(c) = &q.ask_if {
            let mut deps = Vec::new();
            visit_atoms(c, &mut |a| deps.push(a.question.index()));
            deps.sort_unstable();
            deps.dedup();
            for d in deps {
                dependents[d].push(i);
                waiting_on[i] += 1;
            }
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
