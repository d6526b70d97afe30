//! Finding reasons for contact by what the caller says: labels, keywords and synonyms, with
//! accents optional ("yska" finds "yskä") and the interface language ranked first.

use crate::guidance::{Guidance, ReasonId};
use crate::text::Language;

/// Lowercase, without accents, so that typing on any keyboard finds the word.
pub fn fold(s: &str) -> String {
    deunicode::deunicode(&s.to_lowercase())
}

/// A guidance's search terms folded once, so that a keystroke costs only comparisons.
#[derive(Debug, Clone)]
pub struct ReasonIndex {
    /// Per reason, per language: folded label and keywords.
    terms: Vec<[Vec<String>; 3]>,
}

impl ReasonIndex {
    pub fn new(g: &Guidance) -> Self {
        let terms = g
            .reasons
            .iter()
            .map(|r| {
                Language::ALL.map(|lang| {
                    let mut t = vec![fold(r.label.get(lang))];
                    t.extend(r.keywords.get(lang).iter().map(|k| fold(k)));
                    t
                })
            })
            .collect();
        Self { terms }
    }

    /// Reasons matching `query`, best first: the interface language before the others, a word
    /// starting with the query before one merely containing it, then guidance order.
    pub fn search(&self, query: &str, lang: Language) -> Vec<ReasonId> {
        let q = fold(query.trim());
        if q.is_empty() {
            return (0..self.terms.len()).map(|i| ReasonId(i as u32)).collect();
        }
        let mut scored: Vec<(u8, usize)> = Vec::new();
        for (i, per_lang) in self.terms.iter().enumerate() {
            let mut best: Option<u8> = None;
            for (li, terms) in per_lang.iter().enumerate() {
                let other_lang = if Language::ALL[li] == lang { 0 } else { 2 };
                for term in terms {
                    let score = if term.starts_with(&q)
                        || term.split([' ', '-', '/', '(']).any(|w| w.starts_with(&q))
                    {
                        Some(other_lang)
                    } else if term.contains(&q) {
                        Some(other_lang + 1)
                    } else {
                        None
                    };
                    best = match (best, score) {
                        (Some(b), Some(s)) => Some(b.min(s)),
                        (b, s) => b.or(s),
                    };
                }
            }
            if let Some(s) = best {
                scored.push((s, i));
            }
        }
        scored.sort();
        scored
            .into_iter()
            .map(|(_, i)| ReasonId(i as u32))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(fold("Yskä ÅÖ"), "yska ao");
    }
}
