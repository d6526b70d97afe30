//! Languages and translated text.
//!
//! Arvio serves a bilingual region (Finnish and Swedish) and English-speaking staff, so every text
//! of a guidance exists in each language it declares. A validated [`Text`] always has all three:
//! a language the guidance does not declare falls back to the guidance's first language.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Fi,
    Sv,
    En,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Fi, Language::Sv, Language::En];

    pub fn code(self) -> &'static str {
        match self {
            Language::Fi => "fi",
            Language::Sv => "sv",
            Language::En => "en",
        }
    }

    /// The language's own name, as shown in a language picker.
    pub fn endonym(self) -> &'static str {
        match self {
            Language::Fi => "suomi",
            Language::Sv => "svenska",
            Language::En => "English",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text in every language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub fi: String,
    pub sv: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Language) -> &str {
        match lang {
            Language::Fi => &self.fi,
            Language::Sv => &self.sv,
            Language::En => &self.en,
        }
    }

    pub fn from_fn(mut f: impl FnMut(Language) -> String) -> Self {
        Self {
            fi: f(Language::Fi),
            sv: f(Language::Sv),
            en: f(Language::En),
        }
    }

    /// The same text in every language (identifiers, units such as "°C").
    pub fn same(s: &str) -> Self {
        Self::from_fn(|_| s.to_owned())
    }
}

/// A list of words per language (search keywords and synonyms).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextList {
    lists: [Vec<String>; 3],
}

impl TextList {
    pub fn new(fi: Vec<String>, sv: Vec<String>, en: Vec<String>) -> Self {
        Self {
            lists: [fi, sv, en],
        }
    }

    pub fn get(&self, lang: Language) -> &[String] {
        &self.lists[lang.index()]
    }
}
