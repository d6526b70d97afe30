//! The reason search's matcher (issue 14, point 8): properties of matching words in any order,
//! at the start of a word, with one typo from `TYPO_FROM` letters; and the ranking on the shipped
//! guidance (exact before prefix before typo, red flags and reasons in one list, the interface
//! language first, a label before a keyword).

mod common;

use std::path::Path;

use arvio::guidance::Guidance;
use arvio::search::{Hit, Quality, ReasonIndex, TYPO_FROM, term_match, word_match, words};
use arvio::text::Language;
use proptest::prelude::*;

/// The guidance these tests read: the shipped one.
const GUIDANCE: &str = "rules/default";

fn guidance() -> Guidance {
    common::load(Path::new(GUIDANCE))
}

fn reason(g: &Guidance, id: &str) -> Hit {
    Hit::Reason(
        g.reason_by_id(id)
            .unwrap_or_else(|| panic!("no reason `{id}`")),
    )
}

fn red_flag(g: &Guidance, id: &str) -> Hit {
    let q = g.question_by_id(id).expect("question");
    Hit::RedFlag(g.red_flag_index(q).expect("a red flag"))
}

fn term() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[a-z]{1,10}", 1..5)
}

/// One edit of `w` at `at`: a letter changed, dropped, added or swapped with the next.
fn edit(w: &str, kind: u8, at: usize, letter: char) -> String {
    let mut c: Vec<char> = w.chars().collect();
    let at = at % c.len();
    match kind % 4 {
        0 => c[at] = letter,
        1 => {
            c.remove(at);
        }
        2 => c.insert(at, letter),
        _ if at + 1 < c.len() => c.swap(at, at + 1),
        _ => c[at] = letter,
    }
    c.into_iter().collect()
}

proptest! {
    /// A term's words typed in any order find it, as whole words.
    #[test]
    fn words_in_any_order_match_exactly(t in term(), seed in any::<u64>()) {
        let mut q = t.clone();
        let n = q.len();
        for i in 0..n {
            q.swap(i, (seed as usize).wrapping_add(i * 7) % n);
        }
        prop_assert_eq!(term_match(&q, &t), Some(Quality::Exact));
    }

    /// The start of every word, in any order, finds the term (the nurse is still typing).
    #[test]
    fn the_start_of_each_word_matches(t in term(), cut in 1usize..10) {
        let q: Vec<String> = t.iter().rev().map(|w| w.chars().take(cut).collect()).collect();
        prop_assert!(term_match(&q, &t).is_some_and(|m| m <= Quality::Prefix));
    }

    /// A short query word matches only at the start of a word: never inside one ("ear" is not
    /// "arrears").
    #[test]
    fn a_short_word_matches_only_at_a_words_start(q in "[a-z]{1,4}", w in "[a-z]{0,12}") {
        prop_assume!(q.len() < TYPO_FROM);
        prop_assert_eq!(word_match(&q, &w).is_some(), w.starts_with(&q));
        let inside = format!("x{q}");
        prop_assert!(word_match(&q, &inside).is_none() || inside.starts_with(&q));
    }

    /// One typo in a query word of `TYPO_FROM` letters or more still finds the word, whole or
    /// as typed so far.
    #[test]
    fn one_typo_is_tolerated_from_five_letters(
        w in "[a-z]{5,12}", kind in 0u8..4, at in 0usize..12, letter in "[a-z]", cut in 0usize..4,
    ) {
        let letter = letter.chars().next().expect("a letter");
        let typed = edit(&w, kind, at, letter);
        prop_assume!(typed.len() >= TYPO_FROM);
        prop_assert!(word_match(&typed, &w).is_some(), "{typed} for {w}");
        // Typed so far: the edited word cut short, as long as the typo is in it.
        let keep = typed.len() - cut.min(typed.len() - TYPO_FROM);
        let partial: String = typed.chars().take(keep).collect();
        prop_assert!(word_match(&partial, &w).is_some() || !partial.contains(letter), "{partial} for {w}");
    }

    /// Case and accents never matter.
    #[test]
    fn case_and_accents_are_optional(t in prop::collection::vec("[a-zäöå]{1,8}", 1..4)) {
        let text = t.join(" ");
        let upper = text.to_uppercase();
        prop_assert_eq!(term_match(&words(&upper), &words(&text)), Some(Quality::Exact));
        let plain: String = text.replace('ä', "a").replace('ö', "o").replace('å', "a");
        prop_assert_eq!(term_match(&words(&plain), &words(&text)), Some(Quality::Exact));
    }

    /// Every query word must match: a word the term does not have rules it out.
    #[test]
    fn every_word_must_match(t in term(), extra in "[0-9]{1,3}") {
        let mut q = t.clone();
        q.push(extra);
        prop_assert_eq!(term_match(&q, &t), None);
    }
}

#[test]
fn words_in_the_callers_order_find_the_reason() {
    let g = guidance();
    let index = ReasonIndex::new(&g);
    for query in ["kurkku kipeä", "kipeä kurkku", "yskä kuume", "kuume yskä"] {
        let hits = index.search_all(query, Language::Fi);
        assert_eq!(
            hits.first(),
            Some(&reason(&g, "respiratory")),
            "{query}: {hits:?}"
        );
    }
}

#[test]
fn ear_finds_the_ear_and_never_the_rent_arrears() {
    let g = guidance();
    let index = ReasonIndex::new(&g);
    let hits = index.search_all("ear", Language::En);
    assert_eq!(
        index.search("ear", Language::En).first().copied(),
        g.reason_by_id("ear")
    );
    assert!(hits.contains(&reason(&g, "ear")), "{hits:?}");
    assert!(!hits.contains(&reason(&g, "social")), "{hits:?}");
}

#[test]
fn one_typo_finds_the_reason_and_a_short_word_needs_none() {
    let g = guidance();
    let index = ReasonIndex::new(&g);
    for typo in ["kurku", "kurkkku", "korvkipu"] {
        let hits = index.search_all(typo, Language::Fi);
        assert!(
            hits.contains(&reason(&g, "respiratory")) || hits.contains(&reason(&g, "ear")),
            "{typo}: {hits:?}"
        );
    }
    assert_eq!(
        index.search_all("korvkipu", Language::Fi).first(),
        Some(&reason(&g, "ear"))
    );
}

/// Where a hit's best term stands for `query`, as the test reads the guidance itself: its
/// quality, then whether it is in another language than `lang`, then whether it is a keyword.
fn best(g: &Guidance, hit: Hit, query: &str, lang: Language) -> (Quality, bool, bool) {
    let q = words(query);
    let terms: Vec<(Language, String, bool)> = match hit {
        Hit::Reason(r) => {
            let r = g.reason(r);
            Language::ALL
                .iter()
                .flat_map(|l| {
                    std::iter::once((*l, r.label.get(*l).to_owned(), false))
                        .chain(r.keywords.get(*l).iter().map(|k| (*l, k.clone(), true)))
                })
                .collect()
        }
        Hit::RedFlag(i) => Language::ALL
            .iter()
            .flat_map(|l| {
                g.red_flags[i]
                    .keywords
                    .get(*l)
                    .iter()
                    .map(|k| (*l, k.clone(), true))
            })
            .collect(),
    };
    terms
        .iter()
        .filter_map(|(l, t, keyword)| term_match(&q, &words(t)).map(|m| (m, *l != lang, *keyword)))
        .min()
        .expect("every hit matches")
}

#[test]
fn hits_are_ranked_by_quality_language_label_then_red_flag() {
    let g = guidance();
    let index = ReasonIndex::new(&g);
    // The starts of every keyword's words, whole, and with a letter changed.
    let mut queries: Vec<String> = Vec::new();
    for r in &g.reasons {
        for lang in Language::ALL {
            for k in r.keywords.get(lang) {
                for w in words(k) {
                    for cut in [3, 5, 7] {
                        queries.push(w.chars().take(cut).collect());
                    }
                    queries.push(w.replacen(['a', 'e'], "o", 1));
                }
            }
        }
    }
    queries.sort();
    queries.dedup();
    let mut typos = 0;
    for query in &queries {
        let hits = index.search_all(query, Language::Fi);
        let ranks: Vec<_> = hits
            .iter()
            .map(|h| {
                (
                    best(&g, *h, query, Language::Fi),
                    matches!(h, Hit::Reason(_)),
                )
            })
            .collect();
        typos += ranks
            .iter()
            .filter(|((q, ..), _)| *q == Quality::Typo)
            .count();
        assert!(ranks.is_sorted(), "{query}: {hits:?} {ranks:?}");
    }
    assert!(typos > 0, "some queries found words by a typo");
}

#[test]
fn a_reason_typed_by_its_name_comes_before_a_red_flag_sharing_the_word() {
    let g = guidance();
    let index = ReasonIndex::new(&g);
    // "virtsa" starts the urinary reason's label and a back pain red flag's keyword ("ei pysty
    // virtsaamaan"): Enter adds the reason the nurse typed.
    let hits = index.search_all("virtsa", Language::Fi);
    assert_eq!(hits.first(), Some(&reason(&g, "urinary")), "{hits:?}");
    assert!(hits.contains(&red_flag(&g, "red_msk_cauda")), "{hits:?}");
}

#[test]
fn a_red_flags_keyword_is_a_hit_in_the_same_list() {
    let g = guidance();
    let index = ReasonIndex::new(&g);
    let hits = index.search_all("sydänkohtaus", Language::Fi);
    assert_eq!(hits, [red_flag(&g, "red_chest_pain")]);
    // The reason of the same name first, its red flag in the same list.
    let hits = index.search_all("rintakipu", Language::Fi);
    assert_eq!(hits.first(), Some(&reason(&g, "chest_pain")), "{hits:?}");
    assert!(hits.contains(&red_flag(&g, "red_chest_pain")), "{hits:?}");
    // A scoped red flag, by its own keyword, in every language.
    for (lang, q) in [
        (Language::Fi, "repivä kipu"),
        (Language::Sv, "rivande smärta"),
        (Language::En, "tearing pain"),
    ] {
        let hits = index.search_all(q, lang);
        assert_eq!(
            hits.first(),
            Some(&red_flag(&g, "red_cp_tearing")),
            "{q}: {hits:?}"
        );
    }
    assert!(index.search_all("", Language::Fi).is_empty());
}

#[test]
fn each_reasons_label_in_the_interface_language_finds_it_first_among_the_reasons() {
    let g = guidance();
    let index = ReasonIndex::new(&g);
    for lang in Language::ALL {
        for (i, r) in g.reasons.iter().enumerate() {
            let label = r.label.get(lang);
            let first = index.search(label, lang).first().copied();
            assert_eq!(
                first,
                Some(arvio::guidance::ReasonId(i as u32)),
                "{lang}: {label}"
            );
        }
    }
}
