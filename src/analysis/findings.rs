//! Building a reason's findings: the example cases kept for each (the plainest first), and the
//! finding itself with its location, the reason's ids and the note on sampling.

use crate::analysis::report::{Case, Finding};
use crate::analysis::space::Space;
use crate::diagnostic::{Arg, Message};
use crate::guidance::allow::{Kind, Severity};
use crate::guidance::{Location, Reason};
use crate::msg;

/// Example cases, the plainest first: fewest "cannot say" answers, then the first found.
pub(super) struct Examples {
    cap: usize,
    /// (cannot-say answers, sequence number, the case, its deciding rule).
    items: Vec<(usize, usize, Vec<u16>, Option<usize>)>,
    /// The key of the worst item kept once full: cases come in order, so a new one with at
    /// least as many "cannot say" answers never replaces it.
    worst: Option<(usize, usize)>,
}

impl Examples {
    pub fn new(cap: usize) -> Self {
        Self {
            cap,
            items: Vec::new(),
            worst: None,
        }
    }

    pub fn offer(&mut self, key: (usize, usize), choice: &[u16], winner: Option<usize>) {
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

    pub fn sorted(mut self) -> Vec<(Vec<u16>, Option<usize>)> {
        self.items.sort_by_key(|(cs, seq, _, _)| (*cs, *seq));
        self.items.into_iter().map(|(_, _, c, w)| (c, w)).collect()
    }
}

/// Where a case stands among examples: its "cannot say" answers (counted once, when first
/// needed) and its sequence number.
pub(super) struct CaseKey {
    seq: usize,
    cs: Option<usize>,
}

impl CaseKey {
    pub fn new(seq: usize) -> CaseKey {
        CaseKey { seq, cs: None }
    }

    pub fn get(&mut self, space: &Space, choice: &[u16]) -> (usize, usize) {
        (
            *self
                .cs
                .get_or_insert_with(|| space.cannot_say_count(choice)),
            self.seq,
        )
    }
}

/// A finding's severity. Over a sample, a finding that says no case does something (no case
/// makes a rule or question true, no case lets a rule decide) is not proven: a warning. A finding
/// with a witness (a gap, an overlap, a "cannot say" problem) is proven by its cases and keeps
/// its severity.
pub fn severity(kind: Kind, sampled: bool) -> Severity {
    match kind {
        Kind::Unreachable | Kind::Shadowed if sampled => Severity::Warning,
        _ => kind.severity(),
    }
}

/// What every finding of one reason shares.
pub(super) struct Reporter<'s, 'g> {
    pub space: &'s Space<'g>,
    pub reason: &'g Reason,
    pub sampled: bool,
    /// Said after each message when the cases were sampled.
    pub note: Arg,
}

impl<'s, 'g> Reporter<'s, 'g> {
    pub fn new(space: &'s Space<'g>, sampled: bool, cases: usize, max_cases: usize) -> Self {
        let reason = space.g.reason(space.reason.expect("a reason's space"));
        let note = if sampled {
            Arg::Message(msg!(LintSampleNote, cases, max_cases))
        } else {
            Arg::empty()
        };
        Reporter {
            space,
            reason,
            sampled,
            note,
        }
    }

    pub fn finding(&self, kind: Kind, id: String, at: Location, message: Message) -> Finding {
        Finding {
            kind,
            severity: severity(kind, self.sampled),
            reason: Some(self.reason.id.clone()),
            id,
            related: Vec::new(),
            file: self.space.g.provenance.path(at.file),
            line: at.pos.line,
            col: at.pos.col,
            message,
            count: 0,
            cases: Vec::new(),
            sampled: self.sampled,
            allowed_by: None,
        }
    }

    pub fn cases(&self, examples: Examples) -> Vec<Case> {
        examples
            .sorted()
            .into_iter()
            .map(|(c, w)| self.space.case(&c, self.space.decider(w)))
            .collect()
    }

    pub fn rule_id(&self, i: usize) -> &'g str {
        self.reason.rules[i].id.as_str()
    }

    /// The timeframe of a rule (`None`: the fallback).
    pub fn tf_id(&self, d: Option<usize>) -> &'g str {
        let g = self.space.g;
        g.timeframe(self.space.timeframe(d)).id.as_str()
    }

    pub fn decider_id(&self, d: Option<usize>) -> String {
        self.space.decider(d).id(self.space.g)
    }
}
