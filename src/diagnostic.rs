//! Problems found in guidance and scenario files, each with its file, line and column.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use crate::i18n::Msg;
use crate::source::Position;
use crate::text::Language;

/// A sentence of the app's own in any of its languages: a [`Msg`] with its arguments (ids, file
/// names, numbers), filled in when shown. `Display` gives English, the CLI's default.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Message {
    pub msg: Msg,
    pub args: Vec<String>,
}

impl Message {
    pub fn new(msg: Msg, args: Vec<String>) -> Self {
        Self { msg, args }
    }

    pub fn render(&self, lang: Language) -> String {
        self.msg.fill(lang, &self.args)
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

/// `msg!(UnknownQuestion, id, file)`: a [`Message`] of `Msg::UnknownQuestion` with its arguments
/// turned into text (`{0}` is `id`, `{1}` is `file`).
#[macro_export]
macro_rules! msg {
    ($name:ident $(, $arg:expr)* $(,)?) => {
        $crate::diagnostic::Message::new(
            $crate::i18n::Msg::$name,
            vec![$(($arg).to_string()),*],
        )
    };
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
    pub message: String,
}

impl Diagnostic {
    pub fn new(
        file: impl Into<PathBuf>,
        pos: Position,
        code: Code,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.into(),
            pos,
            code,
            message: message.into(),
        }
    }

    /// `path:line:col`
    pub fn location(&self) -> String {
        format!("{}:{}", self.file.display(), self.pos)
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
