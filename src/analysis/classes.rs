//! The answer classes of a question: answers that no condition of the space tells apart make one
//! class, and one value stands for it (numbers split at the thresholds the conditions use; ages
//! and durations likewise, in hours, the unit every comparison of theirs uses). Free text is
//! never read by a condition and is not enumerated.

use std::collections::HashMap;

use crate::call::Value;
use crate::engine::eval_atom;
use crate::guidance::{
    Atom, Guidance, NumberSpec, Part, QuantitySpec, Question, QuestionId, QuestionKind, Test,
};
use crate::quantity::Quantity;
use crate::text::Text;

/// Several-of questions with more options take single options instead of every subset.
const MAX_SUBSET_OPTIONS: usize = 10;

/// Answers no condition tells apart: one value stands for all.
pub struct Class {
    pub value: Value,
    pub shown: String,
}

/// The answer classes of a question for the atoms that read it; the second is "cannot say"'s.
pub(super) fn classes(g: &Guidance, q: QuestionId, atoms: &[&Atom]) -> (Vec<Class>, Option<u16>) {
    let question = g.question(q);
    let qid = &question.id;
    let mut candidates: Vec<(Value, Piece)> = Vec::new();
    let mut with_cs = true;
    let mut ranges = Vec::new();
    match (&question.part, &question.kind) {
        (Part::RedFlag, _) => {
            // Red flags are answered "no"; "cannot say" only where it is not a hit.
            candidates.push((Value::No, Piece::Plain("No")));
            with_cs = g.red_flag_of(q).is_some_and(|rf| !rf.cannot_say_is_yes);
        }
        (_, QuestionKind::YesNo) => {
            candidates.push((Value::Yes, Piece::Plain("Yes")));
            candidates.push((Value::No, Piece::Plain("No")));
        }
        (_, QuestionKind::OneOf(opts)) => {
            for i in 0..opts.len() {
                candidates.push((Value::Choice(i as u8), Piece::Option(i)));
            }
        }
        (_, QuestionKind::SeveralOf(opts)) => {
            let n = opts.len();
            let mut masks: Vec<u64> = if n <= MAX_SUBSET_OPTIONS {
                (0..1u64 << n).collect()
            } else {
                let all = if n == 64 { u64::MAX } else { (1u64 << n) - 1 };
                let mut m = vec![0];
                m.extend((0..n).map(|i| 1u64 << i));
                m.push(all);
                m
            };
            masks.sort_by_key(|m| (m.count_ones(), *m));
            candidates.extend(
                masks
                    .into_iter()
                    .map(|m| (Value::Choices(m), Piece::Set(m))),
            );
        }
        (_, QuestionKind::Number(spec)) => {
            ranges = number_ranges(spec, atoms);
            for (i, r) in ranges.iter().enumerate() {
                candidates.push((Value::Number(r.rep), Piece::Range(i)));
            }
        }
        (_, QuestionKind::Age(spec) | QuestionKind::Duration(spec)) => {
            ranges = number_ranges(&in_hours(spec), atoms);
            // A case's age or duration is one a nurse can type: a whole number (or the
            // question's decimals) of its smallest unit. A range holding none is no case.
            let step = spec
                .units
                .iter()
                .map(|u| u.hours())
                .fold(f64::INFINITY, f64::min)
                / 10f64.powi(i32::from(spec.decimals));
            ranges = ranges
                .into_iter()
                .filter_map(|r| typeable_rep(r, step))
                .collect();
            for (i, r) in ranges.iter().enumerate() {
                let value = Value::Quantity(Quantity::written(r.rep, &spec.units));
                candidates.push((value, Piece::Range(i)));
            }
        }
        (_, QuestionKind::FreeText) => {}
    }
    let groups = if ranges.is_empty() {
        by_signature(atoms, candidates)
    } else {
        let reps: Vec<f64> = ranges.iter().map(|r| r.rep).collect();
        by_sweep(atoms, candidates, &reps)
    };
    let mut out: Vec<Class> = groups
        .into_iter()
        .map(|(value, pieces)| Class {
            value,
            shown: show(question, qid, &pieces, &ranges),
        })
        .collect();
    let cs = with_cs.then(|| {
        out.push(Class {
            value: Value::CannotSay,
            shown: format!("{qid} = cannot say"),
        });
        (out.len() - 1) as u16
    });
    (out, cs)
}

/// Candidates grouped by what every atom says of them, in the order each group first appears;
/// each group's value is its first candidate's.
type Groups = Vec<(Value, Vec<Piece>)>;

/// Groups few candidates (options, subsets, yes/no) by their atoms' truths.
fn by_signature(atoms: &[&Atom], candidates: Vec<(Value, Piece)>) -> Groups {
    let mut groups: Groups = Vec::new();
    let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
    for (value, piece) in candidates {
        let sig: Vec<u8> = atoms
            .iter()
            .map(|a| eval_atom(a, Some(value)) as u8)
            .collect();
        match index.get(&sig) {
            Some(&k) => groups[k].1.push(piece),
            None => {
                index.insert(sig, groups.len());
                groups.push((value, vec![piece]));
            }
        }
    }
    groups
}

/// Groups a number's ranges (their values `reps`, ascending) in one sweep: an atom's truth can
/// change only next to its thresholds, so each atom is evaluated where the sweep passes one of
/// its thresholds (found by binary search), not at every range. The truths are kept as a 128-bit
/// Zobrist hash (each atom's truth drawn a random key, XORed), updated as an atom changes; two
/// ranges share a class when their hashes are equal. Near-linear in the atoms and ranges, where
/// comparing every atom at every range was quadratic.
fn by_sweep(atoms: &[&Atom], candidates: Vec<(Value, Piece)>, reps: &[f64]) -> Groups {
    let n = candidates.len();
    // (range, atom) where the atom is evaluated again: around each of its thresholds, one
    // range either side as a margin for a quantity's conversion to hours.
    let mut checks: Vec<(usize, usize)> = Vec::new();
    for (a, atom) in atoms.iter().enumerate() {
        let ts: &[f64] = match &atom.test {
            Test::Cmp(_, x) => &[*x],
            Test::Between(x, y) => &[*x, *y],
            _ => &[],
        };
        for &t in ts {
            let k = reps.partition_point(|&r| r < t);
            checks.extend((k.saturating_sub(1)..(k + 3).min(n)).map(|i| (i, a)));
        }
    }
    checks.sort_unstable();
    checks.dedup();
    let key = |a: usize, t: u8| {
        let x = (a as u64) * 4 + u64::from(t);
        (u128::from(mix(x)) << 64) | u128::from(mix(x ^ 0x5851_f42d_4c95_7f2d))
    };
    let mut truth: Vec<u8> = Vec::with_capacity(atoms.len());
    let mut hash = 0u128;
    let mut groups: Groups = Vec::new();
    let mut index: HashMap<u128, usize> = HashMap::new();
    let mut next = checks.iter().peekable();
    for (i, (value, piece)) in candidates.into_iter().enumerate() {
        if i == 0 {
            for (a, atom) in atoms.iter().enumerate() {
                let t = eval_atom(atom, Some(value)) as u8;
                truth.push(t);
                hash ^= key(a, t);
            }
        }
        while let Some(&(_, a)) = next.next_if(|(k, _)| *k == i) {
            let t = eval_atom(atoms[a], Some(value)) as u8;
            if t != truth[a] {
                hash ^= key(a, truth[a]) ^ key(a, t);
                truth[a] = t;
            }
        }
        match index.get(&hash) {
            Some(&k) => groups[k].1.push(piece),
            None => {
                index.insert(hash, groups.len());
                groups.push((value, vec![piece]));
            }
        }
    }
    groups
}

/// SplitMix64's finaliser: a well-mixed 64-bit key from an index.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// An age's or a duration's range as a number of hours; every whole unit is a multiple of half
/// an hour, so one decimal expresses every threshold.
fn in_hours(spec: &QuantitySpec) -> NumberSpec {
    NumberSpec {
        unit: Text::default(),
        min: spec.min,
        max: spec.max,
        decimals: 1,
    }
}

/// `r` with a representative that is a whole number of `step` hours, if the range holds one: the
/// current one when it already is, else the first such value inside.
fn typeable_rep(mut r: Range, step: f64) -> Option<Range> {
    let whole = |x: f64| ((x / step).round() - x / step).abs() < 1e-6;
    let inside =
        |x: f64| (x > r.lo || (r.lo_incl && x == r.lo)) && (x < r.hi || (r.hi_incl && x == r.hi));
    if whole(r.rep) {
        return Some(r);
    }
    let mut x = (r.lo / step).ceil() * step;
    if !inside(x) {
        x += step;
    }
    (inside(x) && x.is_finite()).then(|| {
        r.rep = x;
        r
    })
}

#[derive(Clone, Copy)]
enum Piece {
    Plain(&'static str),
    Option(usize),
    Set(u64),
    /// Index into the question's ranges.
    Range(usize),
}

/// An interval of a number question that no condition splits, and the value standing for it.
#[derive(Debug, Clone, Copy)]
struct Range {
    lo: f64,
    lo_incl: bool,
    hi: f64,
    hi_incl: bool,
    rep: f64,
}

/// The question's range split at every threshold the atoms use: each threshold, and the
/// intervals between, each with a value the question's decimals can express.
fn number_ranges(spec: &NumberSpec, atoms: &[&Atom]) -> Vec<Range> {
    let scale = 10f64.powi(i32::from(spec.decimals));
    let round = |x: f64| (x * scale).round() / scale;
    let expressible = |x: f64| ((x * scale).round() - x * scale).abs() < 1e-6;
    let mut ts: Vec<f64> = Vec::new();
    for a in atoms {
        match a.test {
            Test::Cmp(_, x) => ts.push(x),
            Test::Between(x, y) => ts.extend([x, y]),
            _ => {}
        }
    }
    ts.retain(|&x| x >= spec.min && x <= spec.max && expressible(x));
    ts.sort_by(f64::total_cmp);
    ts.dedup();
    let mut out = Vec::new();
    let interval = |lo: f64, lo_incl: bool, hi: f64, hi_incl: bool, out: &mut Vec<Range>| {
        let inside = |x: f64| (x > lo || (lo_incl && x == lo)) && (x < hi || (hi_incl && x == hi));
        let step = 1.0 / scale;
        let rep = [
            round((lo + hi) / 2.0),
            round(lo + step),
            lo,
            round(hi - step),
            hi,
        ]
        .into_iter()
        .find(|&x| inside(x));
        if let Some(rep) = rep {
            out.push(Range {
                lo,
                lo_incl,
                hi,
                hi_incl,
                rep,
            });
        }
    };
    let (mut lo, mut lo_incl) = (spec.min, true);
    for &t in &ts {
        interval(lo, lo_incl, t, false, &mut out);
        out.push(Range {
            lo: t,
            lo_incl: true,
            hi: t,
            hi_incl: true,
            rep: t,
        });
        (lo, lo_incl) = (t, false);
    }
    interval(lo, lo_incl, spec.max, true, &mut out);
    out
}

/// A class as text: `q = Yes`, `q = a or b`, `q = [a, b]`, `38 ≤ q < 39`, `q < 18 or q > 65`.
fn show(question: &Question, qid: &str, pieces: &[Piece], ranges: &[Range]) -> String {
    let opts = question.kind.options();
    match pieces.first() {
        Some(Piece::Plain(_)) => {
            let names: Vec<_> = pieces
                .iter()
                .filter_map(|p| match p {
                    Piece::Plain(n) => Some(*n),
                    _ => None,
                })
                .collect();
            format!("{qid} = {}", names.join(" or "))
        }
        Some(Piece::Option(_)) => {
            let names: Vec<_> = pieces
                .iter()
                .filter_map(|p| match p {
                    Piece::Option(i) => opts.get(*i).map(|o| o.id.as_str()),
                    _ => None,
                })
                .collect();
            format!("{qid} = {}", names.join(" or "))
        }
        Some(Piece::Set(mask)) => {
            let names: Vec<_> = (0..opts.len())
                .filter(|i| mask & (1u64 << i) != 0)
                .map(|i| opts[i].id.as_str())
                .collect();
            if names.is_empty() {
                format!("{qid} = none chosen")
            } else {
                format!("{qid} = [{}]", names.join(", "))
            }
        }
        Some(Piece::Range(_)) => {
            let (spec, units) = match &question.kind {
                QuestionKind::Number(spec) => (spec.clone(), None),
                QuestionKind::Age(q) | QuestionKind::Duration(q) => (in_hours(q), Some(&q.units)),
                _ => return qid.to_owned(),
            };
            let spec = &spec;
            let x = |v: f64| match units {
                Some(units) => Quantity::written(v, units).to_string(),
                None => v.to_string(),
            };
            // Merge neighbouring intervals of the class, then show each.
            let mut merged: Vec<Range> = Vec::new();
            let mut last: Option<usize> = None;
            for p in pieces {
                let Piece::Range(i) = p else { continue };
                let r = ranges[*i];
                match (last, merged.last_mut()) {
                    (Some(l), Some(m)) if l + 1 == *i => {
                        m.hi = r.hi;
                        m.hi_incl = r.hi_incl;
                    }
                    _ => merged.push(r),
                }
                last = Some(*i);
            }
            let parts: Vec<String> = merged
                .iter()
                .map(|r| show_range(qid, spec, r, &x))
                .collect();
            parts.join(" or ")
        }
        None => qid.to_owned(),
    }
}

fn show_range(qid: &str, spec: &NumberSpec, r: &Range, x: &dyn Fn(f64) -> String) -> String {
    if r.lo == r.hi {
        return format!("{qid} = {}", x(r.lo));
    }
    let low = !(r.lo == spec.min && r.lo_incl);
    let high = !(r.hi == spec.max && r.hi_incl);
    let lo_op = if r.lo_incl { "≤" } else { "<" };
    let hi_op = if r.hi_incl { "≤" } else { "<" };
    match (low, high) {
        (false, false) => format!("{qid} = any number"),
        (true, false) => format!("{qid} {} {}", if r.lo_incl { "≥" } else { ">" }, x(r.lo)),
        (false, true) => format!("{qid} {hi_op} {}", x(r.hi)),
        (true, true) => format!("{} {lo_op} {qid} {hi_op} {}", x(r.lo), x(r.hi)),
    }
}
