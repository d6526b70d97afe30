//! The application's own words in Finnish, Swedish and English.
//!
//! Guidance texts come from the guidance files; everything else the app says is here, as one
//! enum, so that a missing translation is a compile error rather than an English word in a
//! Finnish record.

use crate::text::Language;

macro_rules! messages {
    ($($name:ident => ($fi:expr, $sv:expr, $en:expr)),* $(,)?) => {
        /// A word or phrase of the app.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($name),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            pub fn get(self, lang: Language) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Language::Fi) => $fi,
                      (Msg::$name, Language::Sv) => $sv,
                      (Msg::$name, Language::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    Yes => ("Kyllä", "Ja", "Yes"),
    No => ("Ei", "Nej", "No"),
    CannotSay => ("Ei osaa sanoa", "Kan inte säga", "Cannot say"),
    Remote => ("etä", "distans", "remote"),
    InPerson => ("lähi", "närkontakt", "in person"),
    ContactBy => ("Yhteys viimeistään", "Kontakt senast", "Contact by"),
    ContactOn => ("Yhteys", "Kontakt", "Contact on"),
    Earliest => ("aikaisintaan", "tidigast", "earliest"),
    Timeframe => ("Kiireellisyys", "Brådskandegrad", "Timeframe"),
    ContactMode => ("Yhteystapa", "Kontaktsätt", "Contact mode"),
    Professional => ("Ammattilainen", "Yrkesperson", "Professional"),
    Advice => ("Ohjeet soittajalle", "Råd till den som ringer", "Advice to the caller"),
    Worsening => ("Jos oireet pahenevat", "Om symtomen förvärras", "If symptoms worsen"),
    Why => ("Perustelu", "Motivering", "Why"),
    DecidedBy => ("Ratkaiseva sääntö", "Avgörande regel", "Deciding rule"),
    Because => ("Vastaukset", "Svar", "Answers"),
    AlsoMatched => ("Myös täyttyneet", "Även uppfyllda", "Also matched"),
    NoRuleMatched => ("Mikään sääntö ei täyttynyt: oletusohje", "Ingen regel uppfylldes: standardanvisning", "No rule matched: fallback"),
    Guidance => ("HTA-ohje", "VBB-anvisning", "Guidance"),
    Version => ("versio", "version", "version"),
    Alternatives => ("vaihtoehdot", "alternativ", "alternatives"),
    QuestionsLeft => ("kysymystä jäljellä", "frågor kvar", "questions left"),
    RedFlagsUnanswered => ("hälytysmerkkiä kysymättä", "varningstecken ofrågade", "red flags unanswered"),
    OutsideCareGuarantee => ("hoitotakuun ulkopuolinen", "utanför vårdgarantin", "outside the care guarantee"),
}

/// "Yes", "Kyllä", …
pub fn tr(lang: Language, msg: Msg) -> &'static str {
    msg.get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_a_text_in_every_language() {
        for &m in Msg::ALL {
            for lang in Language::ALL {
                assert!(!m.get(lang).trim().is_empty(), "{m:?} is empty in {lang}");
            }
        }
    }
}
