//! Walking a condition: its atoms, and the condition written back as in the guidance files.

use crate::guidance::model::{Atom, CmpOp, Condition, Guidance, Test};
use crate::quantity::Quantity;

/// Calls `f` for every atom of a condition.
pub fn visit_atoms<'c>(c: &'c Condition, f: &mut impl FnMut(&'c Atom)) {
    match c {
        Condition::All(items) | Condition::Any(items) | Condition::AtLeast(_, items) => {
            items.iter().for_each(|i| visit_atoms(i, f))
        }
        Condition::Not(inner) => visit_atoms(inner, f),
        Condition::Atom(a) => f(a),
    }
}

/// A condition written as in the guidance files, with ids: `All([Yes("a"), Ge("b", 38)])`.
pub fn condition_text(g: &Guidance, c: &Condition) -> String {
    match c {
        Condition::All(items) | Condition::Any(items) => {
            let inner: Vec<String> = items.iter().map(|i| condition_text(g, i)).collect();
            let name = if matches!(c, Condition::All(_)) {
                "All"
            } else {
                "Any"
            };
            format!("{name}([{}])", inner.join(", "))
        }
        Condition::Not(inner) => format!("Not({})", condition_text(g, inner)),
        Condition::AtLeast(n, items) => {
            let inner: Vec<String> = items.iter().map(|i| condition_text(g, i)).collect();
            format!("AtLeast({n}, [{}])", inner.join(", "))
        }
        Condition::Atom(a) => {
            let q = g.question(a.question);
            let opts = q.kind.options();
            let opt = |i: usize| opts.get(i).map_or("?", |o| o.id.as_str());
            let id = &q.id;
            // Ages and durations compare in hours; written back in the largest whole unit.
            let x = |v: f64| match q.kind.quantity() {
                Some(spec) => Quantity::written(v, &spec.units).to_string(),
                None => v.to_string(),
            };
            match a.test {
                Test::Yes => format!("Yes(\"{id}\")"),
                Test::No => format!("No(\"{id}\")"),
                Test::CannotSay => format!("CannotSay(\"{id}\")"),
                Test::Answered => format!("Answered(\"{id}\")"),
                Test::Is(i) => format!("Is(\"{id}\", \"{}\")", opt(i as usize)),
                Test::AnyOf(mask) => {
                    let names: Vec<String> = (0..opts.len())
                        .filter(|i| mask & (1u64 << i) != 0)
                        .map(|i| format!("\"{}\"", opt(i)))
                        .collect();
                    format!("AnyOf(\"{id}\", [{}])", names.join(", "))
                }
                Test::Cmp(op, v) => {
                    let name = match op {
                        CmpOp::Lt => "Lt",
                        CmpOp::Le => "Le",
                        CmpOp::Gt => "Gt",
                        CmpOp::Ge => "Ge",
                    };
                    format!("{name}(\"{id}\", {})", x(v))
                }
                Test::Between(lo, hi) => format!("Between(\"{id}\", {}, {})", x(lo), x(hi)),
            }
        }
    }
}
