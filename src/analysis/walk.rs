//! Walking a space's cases: every case in a fixed order, depth first, each rule evaluated as
//! soon as its last answer is set; or, beyond the cap, a deterministic sample.

use crate::analysis::space::{NONE, Space};
use crate::call::Value;
use crate::engine::{Truth, eval};
use crate::guidance::Guidance;

/// The state of a walk over a space's cases.
pub struct Walk {
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

    /// A walk over `space` that writes into `values` (indexed by question, all `None`).
    pub(super) fn with_values(values: Vec<Option<Value>>, space: &Space) -> Walk {
        Walk {
            values,
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
pub(super) struct Scratch {
    pub values: Vec<Option<Value>>,
    pub walk_values: Vec<Option<Value>>,
}

impl Scratch {
    pub fn new(g: &Guidance) -> Scratch {
        Scratch {
            values: vec![None; g.questions.len()],
            walk_values: vec![None; g.questions.len()],
        }
    }
}

impl Space<'_> {
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
