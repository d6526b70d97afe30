//! Two versions of a guidance compared: what changed in the files, and what changes for callers.
//!
//! **Structural**: the guidance's settings, timeframes (days or hours), contact modes,
//! professionals, override reasons, services (opening hours included), advice blocks, red flags,
//! questions, reasons and rules, keyed by id: added, removed, or changed field by field (texts
//! per language, conditions written out with ids, outcomes by ids with their service and
//! out-of-hours outcome; an advice block's text shows in every outcome that uses it).
//!
//! **Behavioural**: every case whose effective proposal (timeframe, contact mode, professional,
//! service or deciding rule; see [`crate::effective`]) differs between the versions, each
//! scenario at its own `at` and the enumerated cases at [`cases_assessed_at`], over the union of both versions' scenarios and both
//! versions' enumerated cases of each reason they share ([`crate::analysis`]). A case is decided
//! in each version from its answers by id; an answer the other version cannot take (its question
//! or option is gone, the number is out of range) is dropped there, and a question the other
//! version reads that the case leaves unanswered (a new question, say) is answered each way that
//! version tells apart, one compared case each. Output is deterministic: items by kind and id;
//! changed cases scenarios first (in file order), then reason by reason, the plainest (fewest
//! "cannot say" answers) first.
//!
//! The files: [`report`] (what a diff reports, and its text), `structure` (the structural half),
//! `behaviour` (the behavioural half), `outcomes` and `questions` (format 2's outcome and question
//! constructs as fields).

use std::collections::HashSet;

use crate::analysis::{Options, Space, ask_positions};
use crate::call::Answer;
use crate::guidance::{Guidance, ReasonId};
use crate::scenario::Scenario;

mod behaviour;
mod outcomes;
mod questions;
pub mod report;
mod structure;

pub use behaviour::answer_text;
pub use outcomes::cases_assessed_at;
pub use report::{CaseChange, Change, Diff, FieldChange, ItemChange, ItemKind};

use behaviour::{cross, scenarios};
use structure::structural;

/// Compares two versions with their scenarios; each reason's cases are capped as the analysis
/// caps them ([`Options::case_cap`], the smaller of the reason's two versions').
pub fn diff(
    old: &Guidance,
    old_scenarios: &[Scenario],
    new: &Guidance,
    new_scenarios: &[Scenario],
    opts: &Options,
) -> Diff {
    let mut d = Diff {
        items: structural(old, new),
        cases: Vec::new(),
        compared: 0,
        incomparable: 0,
        sampled: Vec::new(),
    };
    scenarios(old, new, old_scenarios, new_scenarios, &mut d);
    let (old_order, new_order) = (ask_positions(old), ask_positions(new));
    for (i, reason) in old.reasons.iter().enumerate() {
        let Some(new_id) = new.reason_by_id(&reason.id) else {
            continue;
        };
        let a = Space::new(old, Some(ReasonId(i as u32)), &old_order);
        let b = Space::new(new, Some(new_id), &new_order);
        let max_cases = opts.case_cap(reason).min(opts.case_cap(new.reason(new_id)));
        let mut seen = HashSet::new();
        let start = d.cases.len();
        let sampled_a = cross(&a, &b, true, max_cases, &mut seen, &mut d);
        let sampled_b = cross(&b, &a, false, max_cases, &mut seen, &mut d);
        if sampled_a || sampled_b {
            d.sampled.push(reason.id.clone());
        }
        d.cases[start..].sort_by_key(|c| {
            c.answers
                .iter()
                .filter(|a| a.answer == Answer::CannotSay)
                .count()
        });
    }
    d
}
