//! Finding reasons for contact and red flags by what the caller says, as a nurse types it.
//!
//! A query's words match a label's or keyword's words in any order ("kurkku kipeä" finds
//! "kipeä kurkku"), each at the start of a word ("ear" finds "earache" and "ear pain", never
//! "arrears"), accents and case optional ("yska" finds "yskä"), and a query word of
//! [`TYPO_FROM`] letters or more may carry one typo (a letter wrong, missing, extra, or two
//! swapped: "kurku" finds "kurkku"). Every query word must match a word of the same label or
//! keyword. Results are ranked: exact words before prefixes before typos, then the interface
//! language before the others, a reason's label before a keyword, a red flag's keyword before a
//! reason's, and guidance order last
//! ([`ReasonIndex::search_all`]). So a reason typed by its name comes first, and a red flag
//! typed by its own words comes before the reasons that merely share them. The terms are
//! folded and split once, when the index is built, so a keystroke costs only comparisons.

use crate::guidance::{Guidance, ReasonId};
use crate::text::Language;

/// Lowercase, without accents, so that typing on any keyboard finds the word.
pub fn fold(s: &str) -> String {
    deunicode::deunicode(&s.to_lowercase())
}

/// The folded words of `s`: split at everything that is not a letter or a digit.
pub fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A query word this long (in folded letters) or longer may carry one typo; a shorter one must
/// be typed as it is ("ear" is not "war").
pub const TYPO_FROM: usize = 5;

/// How well a query word matches a word, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Quality {
    /// The whole word.
    Exact,
    /// The start of the word.
    Prefix,
    /// The word or its start with one typo.
    Typo,
}

/// How the query word `q` matches the word `w` (both folded), if at all.
pub fn word_match(q: &str, w: &str) -> Option<Quality> {
    if q == w {
        Some(Quality::Exact)
    } else if w.starts_with(q) {
        Some(Quality::Prefix)
    } else if q.len() >= TYPO_FROM && typo_of_start(q.as_bytes(), w.as_bytes()) {
        Some(Quality::Typo)
    } else {
        None
    }
}

/// `q` is one edit away from `w` or from a start of `w`.
fn typo_of_start(q: &[u8], w: &[u8]) -> bool {
    let n = q.len();
    (n.saturating_sub(1)..=n + 1)
        .filter(|&len| len <= w.len())
        .any(|len| within_one_edit(q, &w[..len]))
}

/// `a` and `b` differ by at most one substitution, insertion, deletion or swap of neighbours.
fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let start = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if start == short.len() {
        return true;
    }
    if short.len() == long.len() {
        let swapped = start + 1 < short.len()
            && short[start] == long[start + 1]
            && short[start + 1] == long[start]
            && short[start + 2..] == long[start + 2..];
        swapped || short[start + 1..] == long[start + 1..]
    } else {
        short[start..] == long[start + 1..]
    }
}

/// How the query's words match a term's words: every query word at the start of some word of
/// the term, in any order; the term's quality is its worst-matched query word's.
pub fn term_match(query: &[String], term: &[String]) -> Option<Quality> {
    if query.is_empty() {
        return None;
    }
    let mut worst = Quality::Exact;
    for q in query {
        let best = term.iter().filter_map(|w| word_match(q, w)).min()?;
        worst = worst.max(best);
    }
    Some(worst)
}

/// One label or keyword, folded and split.
#[derive(Debug, Clone)]
struct Term {
    words: Vec<String>,
    /// A label (not a keyword).
    label: bool,
}

/// A guidance's search terms folded once, so that a keystroke costs only comparisons.
#[derive(Debug, Clone)]
pub struct ReasonIndex {
    /// Per reason, per language: its label, then its keywords.
    terms: Vec<[Vec<Term>; 3]>,
    /// Per red flag (index into `Guidance::red_flags`), per language: its keywords.
    red_flags: Vec<[Vec<Term>; 3]>,
}

/// One result of [`ReasonIndex::search_all`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Hit {
    /// A red flag whose keyword was typed: choosing it takes the nurse to its question (never
    /// answers it).
    RedFlag(usize),
    Reason(ReasonId),
}

/// Where a hit stands in the list, smaller first: the quality, the language (0: the interface
/// language), label or keyword (0: a label), red flag or reason (0: a red flag), and the
/// guidance order.
type Rank = (Quality, u8, u8, u8, Hit);

fn term(s: &str, label: bool) -> Term {
    Term {
        words: words(s),
        label,
    }
}

impl ReasonIndex {
    pub fn new(g: &Guidance) -> Self {
        let terms = g
            .reasons
            .iter()
            .map(|r| {
                Language::ALL.map(|lang| {
                    let mut t = vec![term(r.label.get(lang), true)];
                    t.extend(r.keywords.get(lang).iter().map(|k| term(k, false)));
                    t
                })
            })
            .collect();
        let red_flags = g
            .red_flags
            .iter()
            .map(|rf| {
                Language::ALL.map(|lang| {
                    rf.keywords
                        .get(lang)
                        .iter()
                        .map(|k| term(k, false))
                        .collect()
                })
            })
            .collect();
        Self { terms, red_flags }
    }

    /// Red flags and reasons matching `query`, best first, in one list (none for an empty
    /// query).
    pub fn search_all(&self, query: &str, lang: Language) -> Vec<Hit> {
        let q = words(query);
        if q.is_empty() {
            return Vec::new();
        }
        let mut ranked: Vec<Rank> = Vec::new();
        for (i, per_lang) in self.red_flags.iter().enumerate() {
            if let Some((quality, l, k)) = best(per_lang, &q, lang) {
                ranked.push((quality, l, k, 0, Hit::RedFlag(i)));
            }
        }
        for (i, per_lang) in self.terms.iter().enumerate() {
            if let Some((quality, l, k)) = best(per_lang, &q, lang) {
                ranked.push((quality, l, k, 1, Hit::Reason(ReasonId(i as u32))));
            }
        }
        ranked.sort();
        ranked.into_iter().map(|r| r.4).collect()
    }

    /// The reasons of [`ReasonIndex::search_all`], in its order; every reason, in guidance
    /// order, for an empty query.
    pub fn search(&self, query: &str, lang: Language) -> Vec<ReasonId> {
        if words(query).is_empty() {
            return (0..self.terms.len()).map(|i| ReasonId(i as u32)).collect();
        }
        self.search_all(query, lang)
            .into_iter()
            .filter_map(|h| match h {
                Hit::Reason(r) => Some(r),
                Hit::RedFlag(_) => None,
            })
            .collect()
    }
}

/// The best match of the query `q` among an entry's terms in every language: its quality, then
/// 0 for the interface language (1 for another), and 0 for a label (1 for a keyword).
fn best(per_lang: &[Vec<Term>; 3], q: &[String], lang: Language) -> Option<(Quality, u8, u8)> {
    Language::ALL
        .iter()
        .zip(per_lang)
        .flat_map(|(l, terms)| {
            let other = u8::from(*l != lang);
            terms.iter().filter_map(move |t| {
                term_match(q, &t.words).map(|quality| (quality, other, u8::from(!t.label)))
            })
        })
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        words(s)
    }

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(fold("Yskä ÅÖ"), "yska ao");
        assert_eq!(words("Kurkku-kipu (yskä)"), ["kurkku", "kipu", "yska"]);
    }

    #[test]
    fn words_match_in_any_order_at_the_start_of_a_word() {
        assert_eq!(
            term_match(&w("kurkku kipeä"), &w("kipeä kurkku")),
            Some(Quality::Exact)
        );
        assert_eq!(
            term_match(&w("kip kur"), &w("kipeä kurkku")),
            Some(Quality::Prefix)
        );
        assert_eq!(term_match(&w("ear"), &w("rent arrears")), None);
        assert_eq!(term_match(&w("ear"), &w("earache")), Some(Quality::Prefix));
        assert_eq!(term_match(&w("kurkku yskä"), &w("kipeä kurkku")), None);
    }

    #[test]
    fn one_typo_from_five_letters() {
        for typo in ["kurku", "kurkkku", "kukrku", "kurkxu"] {
            assert_eq!(word_match(typo, "kurkku"), Some(Quality::Typo), "{typo}");
        }
        // A typo in the part typed so far.
        assert_eq!(word_match("hengu", "hengitys"), Some(Quality::Typo));
        // Two typos, or a short word.
        assert_eq!(word_match("kruku", "kurkku"), None);
        assert_eq!(word_match("kor", "kur"), None);
        assert_eq!(word_match("eear", "ear"), None);
    }
}
