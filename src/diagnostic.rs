//! Problems found in guidance and scenario files, each with its file, line and column.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use crate::i18n::Msg;
use crate::source::Position;
use crate::text::Language;

/// A sentence of the app's own in any of its languages: a [`Msg`] with its arguments (ids, file
/// names, numbers, or sentences and words of their own), filled in when shown. `Display` gives
/// English, the CLI's default.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Message {
    pub msg: Msg,
    pub args: Vec<Arg>,
}

/// One argument of a [`Message`]: text that is the same in every language (an id, a number, a
/// path), or a message of its own, shown in the language of the sentence around it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    Text(String),
    Message(Message),
}

impl Arg {
    /// An argument that shows nothing, e.g. a note that does not apply.
    pub fn empty() -> Arg {
        Arg::Text(String::new())
    }

    pub fn render(&self, lang: Language) -> String {
        match self {
            Arg::Text(t) => t.clone(),
            Arg::Message(m) => m.render(lang),
        }
    }
}

impl Message {
    pub fn new(msg: Msg, args: Vec<Arg>) -> Self {
        Self { msg, args }
    }

    pub fn render(&self, lang: Language) -> String {
        let args: Vec<String> = self.args.iter().map(|a| a.render(lang)).collect();
        self.msg.fill(lang, &args)
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Language::En))
    }
}

/// Messages sort by their English text, so that lists are the same in every language.
impl PartialOrd for Message {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Message {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.to_string()
            .cmp(&other.to_string())
            .then_with(|| self.args.cmp(&other.args))
    }
}

impl Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// How [`msg!`] turns each argument into an [`Arg`]: a [`Message`] (or an [`Arg`]) by value
/// stays a message, translated with the sentence; anything else `Display`s is text. (Method
/// lookup tries `Nested`, implemented on the value, before `Plain`, implemented on a
/// reference.)
#[doc(hidden)]
pub mod arg_of {
    use super::{Arg, Message};
    use std::fmt::Display;

    pub trait Nested {
        fn arg(&self) -> Arg;
    }

    impl Nested for Message {
        fn arg(&self) -> Arg {
            Arg::Message(self.clone())
        }
    }

    impl Nested for Arg {
        fn arg(&self) -> Arg {
            self.clone()
        }
    }

    pub trait Plain {
        fn arg(&self) -> Arg;
    }

    impl<T: Display + ?Sized> Plain for &T {
        fn arg(&self) -> Arg {
            Arg::Text(self.to_string())
        }
    }
}

/// `msg!(UnknownQuestion, id, file)`: a [`Message`] of `Msg::UnknownQuestion` with its arguments
/// (`{0}` is `id`, `{1}` is `file`). An argument that is a [`Message`] is translated with the
/// sentence: `msg!(TextEmpty, msg!(TheAdvice), lang)`.
#[macro_export]
macro_rules! msg {
    ($name:ident $(, $arg:expr)* $(,)?) => {{
        #[allow(unused_imports)]
        use $crate::diagnostic::arg_of::{Nested as _, Plain as _};
        $crate::diagnostic::Message::new(
            $crate::i18n::Msg::$name,
            vec![$((&$arg).arg()),*],
        )
    }};
}

/// What kind of problem a diagnostic reports; stable names for tools and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// The file could not be read, or is not UTF-8 text.
    Io,
    /// The file is larger than the loader accepts.
    TooLarge,
    /// RON syntax, or a value of the wrong shape.
    Syntax,
    /// Nesting deeper than the loader accepts.
    TooDeep,
    UnknownField,
    MissingField,
    /// A reference to an id that is not defined (or not in scope).
    UnknownId,
    DuplicateId,
    InvalidId,
    /// A condition compares a question with a value of the wrong kind.
    WrongKind,
    /// A number outside the question's allowed range.
    OutOfRange,
    /// `ask_if` conditions that depend on each other in a circle.
    Cycle,
    MissingTranslation,
    /// A reason without questions.
    NoQuestions,
    /// A reason without a fallback outcome.
    NoFallback,
    /// A value that breaks a rule of the format (e.g. a red flag that is not urgent).
    Invalid,
    /// A file that is not part of the guidance layout.
    Layout,
}

impl Code {
    pub fn name(self) -> &'static str {
        match self {
            Code::Io => "io",
            Code::TooLarge => "too-large",
            Code::Syntax => "syntax",
            Code::TooDeep => "too-deep",
            Code::UnknownField => "unknown-field",
            Code::MissingField => "missing-field",
            Code::UnknownId => "unknown-id",
            Code::DuplicateId => "duplicate-id",
            Code::InvalidId => "invalid-id",
            Code::WrongKind => "wrong-kind",
            Code::OutOfRange => "out-of-range",
            Code::Cycle => "cycle",
            Code::MissingTranslation => "missing-translation",
            Code::NoQuestions => "no-questions",
            Code::NoFallback => "no-fallback",
            Code::Invalid => "invalid",
            Code::Layout => "layout",
        }
    }
}

/// One problem, located in a file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub pos: Position,
    pub code: Code,
    pub message: Message,
}

impl Diagnostic {
    pub fn new(file: impl Into<PathBuf>, pos: Position, code: Code, message: Message) -> Self {
        Self {
            file: file.into(),
            pos,
            code,
            message,
        }
    }

    /// `path:line:col`
    pub fn location(&self) -> String {
        format!("{}:{}", self.file.display(), self.pos)
    }

    /// `path:line:col: message` in `lang`; `Display` is this in English.
    pub fn render(&self, lang: Language) -> String {
        format!("{}: {}", self.location(), self.message.render(lang))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)
    }
}

/// Diagnostics sorted by file and position, as every view and report shows them.
pub fn sorted(mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diags.sort();
    diags.dedup();
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_argument_is_translated_with_its_sentence() {
        let what = crate::msg!(TextOfQuestion, "fever");
        let m = crate::msg!(TextEmptyIn, what, Language::Sv);
        assert_eq!(
            m.to_string(),
            "the text of question `fever` is empty in `sv`"
        );
        assert_eq!(
            m.render(Language::Fi),
            "kysymyksen `fever` teksti on tyhjä kielellä `sv`"
        );
        assert!(matches!(m.args[0], Arg::Message(_)));
        assert!(matches!(m.args[1], Arg::Text(_)));
    }

    #[test]
    fn a_diagnostic_shows_its_place_and_its_sentence_in_any_language() {
        let pos = Position { line: 3, col: 7 };
        let d = Diagnostic::new(
            "r.ron",
            pos,
            Code::UnknownId,
            crate::msg!(UnknownQuestion, "x"),
        );
        assert_eq!(d.to_string(), "r.ron:3:7: unknown question `x`");
        assert_eq!(d.render(Language::Fi), "r.ron:3:7: tuntematon kysymys `x`");
        assert_eq!(d.render(Language::Sv), "r.ron:3:7: okänd fråga `x`");
    }
}
