//! Ages and durations typed as the nurse says them: digits, then the unit's key of the interface
//! language (v/k/vk/p/t in Finnish, å/m/v/d/t in Swedish, y/m/w/d/h in English). The key
//! answers as soon as it names one of the question's units; Enter takes what is typed.

use crate::guidance::QuantitySpec;
use crate::quantity::{Quantity, Unit};
use crate::text::Language;

/// The unit keys of a language, as shown beside the question.
pub fn unit_key(lang: Language, unit: Unit) -> &'static str {
    match (lang, unit) {
        (Language::Fi, Unit::Years) => "v",
        (Language::Fi, Unit::Months) => "k",
        (Language::Fi, Unit::Weeks) => "vk",
        (Language::Fi, Unit::Days) => "p",
        (Language::Fi, Unit::Hours) => "t",
        (Language::Sv, Unit::Years) => "å",
        (Language::Sv, Unit::Months) => "m",
        (Language::Sv, Unit::Weeks) => "v",
        (Language::Sv, Unit::Days) => "d",
        (Language::Sv, Unit::Hours) => "t",
        (Language::En, Unit::Years) => "y",
        (Language::En, Unit::Months) => "m",
        (Language::En, Unit::Weeks) => "w",
        (Language::En, Unit::Days) => "d",
        (Language::En, Unit::Hours) => "h",
    }
}

/// The keys of the question's units, "v/k/p".
pub fn unit_keys(lang: Language, spec: &QuantitySpec) -> String {
    spec.units
        .iter()
        .map(|u| unit_key(lang, *u))
        .collect::<Vec<_>>()
        .join("/")
}

/// What the typed text is so far.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Typed {
    /// Digits, perhaps with part of a unit's key: more may follow.
    Partial,
    /// A number and a unit of the question, nothing else to wait for.
    Complete(Quantity),
    /// Letters that name none of the question's units, or no number.
    Invalid,
}

/// Reads `text` ("12k", "2vk", "1,5p") against the question's units. `enter`: the nurse pressed
/// Enter, so a unit's key that is also the start of a longer one counts as that unit, and with a
/// single unit no key is needed.
pub fn read(text: &str, lang: Language, spec: &QuantitySpec, enter: bool) -> Typed {
    let text = text.trim().to_lowercase();
    let split = text
        .find(|ch: char| ch.is_alphabetic())
        .unwrap_or(text.len());
    let (digits, letters) = text.split_at(split);
    let Ok(amount) = digits.trim().replace(',', ".").parse::<f64>() else {
        return if digits.trim().is_empty() && !enter && letters.is_empty() {
            Typed::Partial
        } else {
            Typed::Invalid
        };
    };
    let letters = letters.trim();
    if letters.is_empty() {
        return match (&spec.units[..], enter) {
            ([only], true) => Typed::Complete(Quantity::new(amount, *only)),
            (_, true) => Typed::Invalid,
            _ => Typed::Partial,
        };
    }
    let starting: Vec<Unit> = spec
        .units
        .iter()
        .copied()
        .filter(|u| unit_key(lang, *u).starts_with(letters))
        .collect();
    let exact = starting
        .iter()
        .copied()
        .find(|u| unit_key(lang, *u) == letters);
    match exact {
        Some(u) if enter || starting.len() == 1 => Typed::Complete(Quantity::new(amount, u)),
        _ if starting.is_empty() || enter => Typed::Invalid,
        _ => Typed::Partial,
    }
}
