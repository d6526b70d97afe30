//! The application's own words in Finnish, Swedish and English.
//!
//! Guidance texts come from the guidance files; everything else the app says is here, as one
//! enum, so that a missing translation is a compile error rather than an English word in a
//! Finnish record. The enum's variants are written in one table per area (the files beside this
//! one); each table's macro adds its entries and hands them on to the next, and the last one,
//! `messages!`, makes the enum.

use crate::text::Language;

macro_rules! messages {
    ([] $($name:ident => ($fi:expr, $sv:expr, $en:expr)),* $(,)?) => {
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

#[macro_use]
mod app;
#[macro_use]
mod calendar;
#[macro_use]
mod screens;
#[macro_use]
mod outcomes;
#[macro_use]
mod guidance_files;
#[macro_use]
mod files;
#[macro_use]
mod tools;
#[macro_use]
mod call;
#[macro_use]
mod training;
#[macro_use]
mod release;
#[macro_use]
mod search;
#[macro_use]
mod deployment;

words_app! { [words_calendar, words_screens, words_outcomes, words_guidance_files, words_files, words_tools, words_call, words_training, words_release, words_search, words_deployment, messages] }

/// `n` and the word in its form for `n`: "1 päivä" / "2 päivää", "1 dag" / "2 dagar", "1 day" /
/// "2 days". Finnish, Swedish and English all take the singular for one and the plural (in
/// Finnish the partitive) for every other count, zero included.
pub fn plural(lang: Language, n: u64, one: Msg, many: Msg) -> String {
    let word = if n == 1 { one } else { many };
    format!("{n} {}", word.get(lang))
}

/// `n` days: "1 päivä", "3 dagar", "2 days".
pub fn days(lang: Language, n: u64) -> String {
    plural(lang, n, Msg::DayOne, Msg::DayMany)
}

/// A number as the language writes it, with `decimals` decimals: "1234,5" and "12 345,0" in
/// Finnish and Swedish (decimal comma, thousands apart by a no-break space from 10 000), "1234.5"
/// and "12,345.0" in English.
pub fn format_number(lang: Language, x: f64, decimals: usize) -> String {
    let (point, group) = match lang {
        Language::Fi | Language::Sv => (',', '\u{a0}'),
        Language::En => ('.', ','),
    };
    let text = format!("{:.*}", decimals, x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    if x < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    if int.len() > 4 {
        for (i, digit) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(group);
            }
            out.push(digit);
        }
    } else {
        out.push_str(int);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A percentage as the language writes it: "100,0 %" in Finnish and Swedish (a no-break space
/// before the sign), "100.0%" in English.
pub fn format_percent(lang: Language, x: f64, decimals: usize) -> String {
    let number = format_number(lang, x, decimals);
    match lang {
        Language::Fi | Language::Sv => format!("{number}\u{a0}%"),
        Language::En => format!("{number}%"),
    }
}

/// "Yes", "Kyllä", …
pub fn tr(lang: Language, msg: Msg) -> &'static str {
    msg.get(lang)
}

impl Msg {
    /// The text with its placeholders `{0}`, `{1}`, … replaced by `args` in order of number (a
    /// translation may put them in another order). A placeholder without an argument stays as it
    /// is, so a missing argument shows instead of vanishing.
    pub fn fill(self, lang: Language, args: &[String]) -> String {
        fill(self.get(lang), args)
    }
}

/// `template` with `{0}`, `{1}`, … replaced by `args`; see [`Msg::fill`].
pub fn fill(template: &str, args: &[String]) -> String {
    let mut out =
        String::with_capacity(template.len() + args.iter().map(String::len).sum::<usize>());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let index = close.and_then(|c| after[..c].parse::<usize>().ok());
        match (close, index.and_then(|i| args.get(i))) {
            (Some(c), Some(arg)) => {
                out.push_str(arg);
                rest = &after[c + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_by_number_in_any_order() {
        let args = ["a".to_owned(), "b".to_owned()];
        assert_eq!(fill("{1} then {0}", &args), "b then a");
        assert_eq!(fill("{2} {x} {", &args), "{2} {x} {");
    }

    /// A translation that drops or invents a placeholder would lose or garble an argument.
    #[test]
    fn every_language_has_the_same_placeholders() {
        let placeholders = |text: &str| {
            let mut found: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|part| part.split_once('}'))
                .map(|(inside, _)| inside.to_owned())
                .filter(|inside| inside.parse::<usize>().is_ok())
                .collect();
            found.sort();
            found
        };
        for &m in Msg::ALL {
            let fi = placeholders(m.get(Language::Fi));
            for lang in Language::ALL {
                assert_eq!(placeholders(m.get(lang)), fi, "{m:?} in {lang}");
            }
        }
    }

    #[test]
    fn plural_forms_follow_the_count() {
        assert_eq!(days(Language::En, 1), "1 day");
        assert_eq!(days(Language::En, 2), "2 days");
        assert_eq!(days(Language::En, 0), "0 days");
        assert_eq!(days(Language::Fi, 1), "1 päivä");
        assert_eq!(days(Language::Fi, 3), "3 päivää");
        assert_eq!(days(Language::Sv, 1), "1 dag");
        assert_eq!(days(Language::Sv, 7), "7 dagar");
        assert_eq!(
            plural(Language::Fi, 1, Msg::QuestionOne, Msg::QuestionMany),
            "1 kysymys jäljellä"
        );
        assert_eq!(
            plural(Language::Sv, 2, Msg::RedFlagOne, Msg::RedFlagMany),
            "2 varningstecken ofrågade"
        );
    }

    #[test]
    fn numbers_and_percentages_are_written_as_each_language_writes_them() {
        assert_eq!(format_percent(Language::Fi, 100.0, 1), "100,0\u{a0}%");
        assert_eq!(format_percent(Language::Sv, 12.345, 1), "12,3\u{a0}%");
        assert_eq!(format_percent(Language::En, 100.0, 1), "100.0%");
        assert_eq!(format_number(Language::Fi, 39.5, 1), "39,5");
        assert_eq!(format_number(Language::En, 39.5, 1), "39.5");
        assert_eq!(format_number(Language::Fi, 1234.0, 0), "1234");
        assert_eq!(format_number(Language::Fi, 12345.25, 2), "12\u{a0}345,25");
        assert_eq!(format_number(Language::En, 1234567.0, 0), "1,234,567");
        assert_eq!(format_number(Language::En, -2.5, 1), "-2.5");
        assert_eq!(format_number(Language::En, -0.01, 1), "0.0");
    }

    #[test]
    fn every_message_has_a_text_in_every_language() {
        for &m in Msg::ALL {
            for lang in Language::ALL {
                assert!(!m.get(lang).trim().is_empty(), "{m:?} is empty in {lang}");
            }
        }
    }
}
