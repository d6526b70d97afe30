//! Finding reasons for contact by what the caller says: labels, keywords and synonyms, with
//! accents optional ("yska" finds "yskä") and the interface language ranked first; and red flags
//! by their keywords, offered before any reason ([`Hit::RedFlag`]).

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
    /// Per red flag (index into `Guidance::red_flags`), per language: its folded keywords.
    red_flags: Vec<[Vec<String>; 3]>,
}

/// One result of [`ReasonIndex::search_all`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A red flag whose keyword was typed: offered at once, before any reason.
    RedFlag(usize),
    Reason(ReasonId),
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
        let red_flags = g
            .red_flags
            .iter()
            .map(|rf| {
                Language::ALL.map(|lang| rf.keywords.get(lang).iter().map(|k| fold(k)).collect())
            })
            .collect();
        Self { terms, red_flags }
    }

    /// Red flags whose keywords match `query` (none for an empty query), then the reasons as
    /// [`ReasonIndex::search`] ranks them.
    pub fn search_all(&self, query: &str, lang: Language) -> Vec<Hit> {
        let q = fold(query.trim());
        let mut out: Vec<Hit> = Vec::new();
        if !q.is_empty() {
            let scored = rank(&self.red_flags, &q, lang);
            out.extend(scored.into_iter().map(Hit::RedFlag));
        }
        out.extend(self.search(query, lang).into_iter().map(Hit::Reason));
        out
    }

    /// Reasons matching `query`, best first: the interface language before the others, a word
    /// starting with the query before one merely containing it, then guidance order.
    pub fn search(&self, query: &str, lang: Language) -> Vec<ReasonId> {
        let q = fold(query.trim());
        if q.is_empty() {
            return (0..self.terms.len()).map(|i| ReasonId(i as u32)).collect();
        }
        rank(&self.terms, &q, lang)
            .into_iter()
            .map(|i| ReasonId(i as u32))
            .collect()
    }
}

/// Indices of the entries whose terms match the folded query `q`, best first: the interface
/// language before the others, a word starting with the query before one merely containing it,
/// then index order.
fn rank(entries: &[[Vec<String>; 3]], q: &str, lang: Language) -> Vec<usize> {
    let mut scored: Vec<(u8, usize)> = Vec::new();
    for (i, per_lang) in entries.iter().enumerate() {
        let mut best: Option<u8> = None;
        for (li, terms) in per_lang.iter().enumerate() {
            let other_lang = if Language::ALL[li] == lang { 0 } else { 2 };
            for term in terms {
                let score = if term.starts_with(q)
                    || term.split([' ', '-', '/', '(']).any(|w| w.starts_with(q))
                {
                    Some(other_lang)
                } else if term.contains(q) {
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
    scored.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(fold("Yskä ÅÖ"), "yska ao");
    }
}
