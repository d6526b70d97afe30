//! Format 2's question constructs in a diff: where a red flag is asked (its reasons and its
//! `ask_if`), its search keywords, and which part of the guidance a question belongs to, as
//! plain `(field, value)` lists that [`crate::diff`] keys by id.

use crate::diff::outcomes::FieldList;
use crate::guidance::{Guidance, Part, Question, RedFlag, condition_text};
use crate::text::{Language, TextList};

/// A red flag's scope: `reasons` (`every call`, or the reasons' ids) and its `ask_if`.
pub fn red_flag_scope(f: &mut FieldList, g: &Guidance, rf: &RedFlag) {
    let reasons: Vec<&str> = rf
        .reasons
        .iter()
        .map(|r| g.reason(*r).id.as_str())
        .collect();
    let scope = if reasons.is_empty() {
        "every call".to_owned()
    } else {
        format!("[{}]", reasons.join(", "))
    };
    f.push(("reasons".into(), scope));
    if let Some(c) = &rf.ask_if {
        f.push(("ask_if".into(), condition_text(g, c)));
    }
}

/// A keyword list's field per language that has words (`keywords.fi`, …).
pub fn keywords(f: &mut FieldList, words: &TextList) {
    for lang in Language::ALL {
        let words = words.get(lang);
        if !words.is_empty() {
            f.push((format!("keywords.{}", lang.code()), words.join(", ")));
        }
    }
}

/// The part a question belongs to (`None` for a red flag, which is an item of its own).
pub fn part(g: &Guidance, q: &Question) -> Option<String> {
    Some(match q.part {
        Part::RedFlag => return None,
        Part::Basic if q.always => "basic (always asked)".to_owned(),
        Part::Basic => "basic".to_owned(),
        Part::RiskFactor => "risk factor".to_owned(),
        Part::Pool => "shared pool".to_owned(),
        Part::Reason(r) => format!("reason {}", g.reason(r).id),
    })
}
