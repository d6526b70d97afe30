//! Texts in every language of the guidance: the languages themselves, each text and keyword
//! list, and dates.

use crate::diagnostic::{Code, Message};
use crate::guidance::model::FileId;
use crate::guidance::raw::{RawGuidance, RawText, RawTextList, Str};
use crate::guidance::validate::validator::Validator;
use crate::msg;
use crate::source::Position;
use crate::text::{Language, Text, TextList};

impl Validator {
    pub(super) fn languages(&mut self, file: FileId, raw: &RawGuidance) -> Vec<Language> {
        let mut langs: Vec<Language> = Vec::new();
        for l in &raw.languages {
            if langs.contains(l) {
                self.err(
                    file,
                    raw.organisation.pos,
                    Code::Invalid,
                    msg!(ValidateLanguageTwice, l),
                );
            } else {
                langs.push(*l);
            }
        }
        if langs.is_empty() {
            self.err(
                file,
                raw.organisation.pos,
                Code::Invalid,
                msg!(ValidateNoLanguages),
            );
            langs.push(Language::Fi);
        }
        langs
    }

    pub(super) fn date(&mut self, file: FileId, raw: &Str) -> chrono::NaiveDate {
        match chrono::NaiveDate::parse_from_str(&raw.value, "%Y-%m-%d") {
            Ok(d) => d,
            Err(_) => {
                self.err(
                    file,
                    raw.pos,
                    Code::Invalid,
                    msg!(ValidateNotADate, raw.value),
                );
                chrono::NaiveDate::default()
            }
        }
    }

    pub(super) fn text(
        &mut self,
        file: FileId,
        raw: &RawText,
        owner: Position,
        what: Message,
    ) -> Text {
        let given = |l: Language| match l {
            Language::Fi => raw.fi.as_ref(),
            Language::Sv => raw.sv.as_ref(),
            Language::En => raw.en.as_ref(),
        };
        let anchor = [&raw.fi, &raw.sv, &raw.en]
            .into_iter()
            .flatten()
            .map(|s| s.pos)
            .min()
            .unwrap_or(owner);
        for &lang in &self.langs.clone() {
            match given(lang) {
                Some(s) if !s.value.trim().is_empty() => {}
                Some(s) => self.err(
                    file,
                    s.pos,
                    Code::MissingTranslation,
                    msg!(TextEmptyIn, what.clone(), lang),
                ),
                None => self.err(
                    file,
                    anchor,
                    Code::MissingTranslation,
                    msg!(TextNoTranslation, what.clone(), lang),
                ),
            }
        }
        let first = self.langs[0];
        let fallback = given(first).map(|s| s.value.clone()).unwrap_or_default();
        Text::from_fn(|l| {
            if self.langs.contains(&l) {
                given(l).map(|s| s.value.clone()).unwrap_or_default()
            } else {
                given(l)
                    .map(|s| s.value.clone())
                    .unwrap_or_else(|| fallback.clone())
            }
        })
    }

    pub(super) fn keywords(
        &mut self,
        file: FileId,
        raw: &RawTextList,
        owner: Position,
        missing: &dyn Fn(Language) -> Message,
    ) -> TextList {
        let lists = [&raw.fi, &raw.sv, &raw.en];
        let any = lists.iter().any(|l| l.is_some());
        let get = |lang: Language, v: &mut Validator| -> Vec<String> {
            let list = lists[Language::ALL.iter().position(|l| *l == lang).unwrap_or(0)];
            match list {
                Some(words) => words.iter().map(|w| w.value.clone()).collect(),
                None => {
                    if any && v.langs.contains(&lang) {
                        v.err(file, owner, Code::MissingTranslation, missing(lang));
                    }
                    Vec::new()
                }
            }
        };
        let fi = get(Language::Fi, self);
        let sv = get(Language::Sv, self);
        let en = get(Language::En, self);
        TextList::new(fi, sv, en)
    }
}
