//! The guidance in sentences: a condition, an outcome and a rule written with the guidance's
//! labels in one language, never its ids ("”Is there a fever?” yes and ”Is the general
//! condition reduced?” yes → On-call care today, visit, doctor").
//!
//! Every construct has its words: `All` joins with "and", `Any` with "or" (in brackets inside
//! another), `Not` and `AtLeast` say so, and an atom names its question (its short label when it
//! has one, else the question in quotes) and the answer tested: yes, no, cannot say, answered, an
//! option, any of several options, or a number, age or duration against a threshold with its
//! unit.

use crate::call::Value;
use crate::explain::answer_text;
use crate::guidance::{Atom, CmpOp, Condition, Guidance, Outcome, QuestionKind, Test};
use crate::i18n::{Msg, tr};
use crate::quantity::Quantity;
use crate::text::Language;

/// A condition in words.
pub fn condition(g: &Guidance, c: &Condition, lang: Language) -> String {
    written(g, c, lang, false)
}

/// `nested`: the condition stands inside another, so a list of several is put in brackets.
fn written(g: &Guidance, c: &Condition, lang: Language, nested: bool) -> String {
    // Between the parts of a list a semicolon, since an atom may hold commas of its own.
    let list = |items: &[Condition], word: Msg| {
        let parts: Vec<String> = items.iter().map(|i| written(g, i, lang, true)).collect();
        let joined = join_with(&parts, "; ", tr(lang, word));
        if nested && parts.len() > 1 {
            format!("({joined})")
        } else {
            joined
        }
    };
    match c {
        Condition::All(items) => list(items, Msg::HbAnd),
        Condition::Any(items) => list(items, Msg::HbOr),
        Condition::Not(inner) => Msg::HbNot.fill(lang, &[written(g, inner, lang, true)]),
        Condition::AtLeast(n, items) => {
            let parts: Vec<String> = items.iter().map(|i| written(g, i, lang, true)).collect();
            let text = Msg::HbAtLeast.fill(lang, &[n.to_string(), parts.join("; ")]);
            if nested { format!("({text})") } else { text }
        }
        Condition::Atom(a) => atom(g, a, lang),
    }
}

/// `a, b and c`; one part alone as it is.
fn join(parts: &[String], word: &str) -> String {
    join_with(parts, ", ", word)
}

/// The parts with `separator` between them and `word` before the last.
fn join_with(parts: &[String], separator: &str, word: &str) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {word} {last}", rest.join(separator)),
    }
}

/// How a question is named in a sentence: its short label, else the question in quotes.
pub fn question_name(g: &Guidance, q: crate::guidance::QuestionId, lang: Language) -> String {
    let question = g.question(q);
    match &question.short {
        Some(s) => s.get(lang).to_owned(),
        None => {
            let (open, close) = match lang {
                Language::En => ('“', '”'),
                Language::Fi | Language::Sv => ('”', '”'),
            };
            format!("{open}{}{close}", question.text.get(lang).trim())
        }
    }
}

fn atom(g: &Guidance, a: &Atom, lang: Language) -> String {
    let question = g.question(a.question);
    let name = question_name(g, a.question, lang);
    let options = question.kind.options();
    let option = |i: usize| options.get(i).map_or("?", |o| o.label.get(lang));
    let several = matches!(question.kind, QuestionKind::SeveralOf(_));
    // A threshold as the nurse would type it, with its unit.
    let value = |x: f64| match question.kind.quantity() {
        Some(spec) => quantity(Quantity::written(x, &spec.units), lang),
        None => answer_text(g, a.question, Value::Number(x), lang),
    };
    let answer = match a.test {
        Test::Yes => tr(lang, Msg::Yes).to_lowercase(),
        Test::No => tr(lang, Msg::No).to_lowercase(),
        Test::CannotSay => tr(lang, Msg::CannotSay).to_lowercase(),
        Test::Answered => tr(lang, Msg::HbAnswered).to_owned(),
        Test::Is(i) if several => Msg::HbIncludes.fill(lang, &[option(i as usize).to_owned()]),
        Test::Is(i) => option(i as usize).to_owned(),
        Test::AnyOf(mask) => {
            let chosen: Vec<String> = (0..options.len())
                .filter(|i| mask & (1u64 << i) != 0)
                .map(|i| option(i).to_owned())
                .collect();
            let any = join(&chosen, tr(lang, Msg::HbOr));
            if several {
                Msg::HbIncludes.fill(lang, &[any])
            } else {
                any
            }
        }
        Test::Cmp(op, x) => {
            let m = match op {
                CmpOp::Ge => Msg::HbOrMore,
                CmpOp::Gt => Msg::HbMoreThan,
                CmpOp::Le => Msg::HbOrLess,
                CmpOp::Lt => Msg::HbLessThan,
            };
            m.fill(lang, &[value(x)])
        }
        Test::Between(lo, hi) => Msg::HbBetween.fill(lang, &[value(lo), value(hi)]),
    };
    format!("{name}: {answer}")
}

/// An answer in words ([`answer_text`]), "none" for a several-of answered with none of its
/// options.
pub fn answer_words(
    g: &Guidance,
    q: crate::guidance::QuestionId,
    v: Value,
    lang: Language,
) -> String {
    let text = match v {
        Value::Quantity(x) => quantity(x, lang),
        _ => answer_text(g, q, v, lang),
    };
    if text.trim().is_empty() {
        tr(lang, Msg::HbNoneChosen).to_owned()
    } else {
        text
    }
}

/// An age or a duration in words, its unit in the form for its count: "1 day", "3 weeks".
pub fn quantity(q: Quantity, lang: Language) -> String {
    use crate::quantity::Unit;
    let (one, many) = match q.unit() {
        Unit::Years => (Msg::HbYearOne, Msg::HbYearMany),
        Unit::Months => (Msg::HbMonthOne, Msg::HbMonthMany),
        Unit::Weeks => (Msg::HbWeekOne, Msg::HbWeekMany),
        Unit::Days => (Msg::HbDayOne, Msg::HbDayMany),
        Unit::Hours => (Msg::HbHourOne, Msg::HbHourMany),
    };
    let x = q.amount();
    if x.fract() == 0.0 && x >= 0.0 {
        crate::i18n::plural(lang, x as u64, one, many)
    } else {
        let decimals = if (x * 10.0).fract() == 0.0 { 1 } else { 2 };
        format!(
            "{} {}",
            crate::i18n::format_number(lang, x, decimals),
            tr(lang, many)
        )
    }
}

/// What an outcome proposes, in words: "On-call care today, visit at the health station (or
/// phone call), doctor, at the health station".
pub fn outcome(g: &Guidance, o: &Outcome, lang: Language) -> String {
    let mut parts = vec![g.timeframe(o.timeframe).label.get(lang).to_owned()];
    if let Some((first, others)) = o.modes.split_first() {
        let mut mode = g.mode(*first).label.get(lang).to_owned();
        if !others.is_empty() {
            let alternatives: Vec<String> = others
                .iter()
                .map(|m| g.mode(*m).label.get(lang).to_owned())
                .collect();
            let or = join(&alternatives, tr(lang, Msg::HbOr));
            mode = format!("{mode} ({})", Msg::HbOrAlso.fill(lang, &[or]));
        }
        parts.push(mode);
    }
    if let Some(p) = o.professional {
        parts.push(g.professional(p).label.get(lang).to_owned());
    }
    if let Some(s) = o.service {
        parts.push(Msg::HbAtService.fill(lang, &[g.service(s).label.get(lang).to_owned()]));
    }
    if o.nurse_judgement {
        parts.push(tr(lang, Msg::HbNurseJudgement).to_owned());
    }
    parts.join(", ")
}

/// A rule as one sentence: the condition → the outcome.
pub fn rule(g: &Guidance, when: &Condition, o: &Outcome, lang: Language) -> String {
    format!("{} → {}", condition(g, when, lang), outcome(g, o, lang))
}
