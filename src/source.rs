//! Source positions for values that `ron` parsed successfully.
//!
//! `ron` reports positions only for syntax and shape errors. The validator also needs the
//! position of an unknown id or a duplicate id, long after parsing. Every string of the raw model
//! is therefore a [`Spanned`] string: while a file is being deserialized, a thread-local cursor
//! walks the string literals of that file (found by [`scan_string_literals`]) in step with serde,
//! which visits values in source order, and hands each string the position of its literal.

use std::cell::RefCell;
use std::fmt;

use serde::{Deserialize, Deserializer};

/// A 1-based line and column (in characters), as `ron` counts them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

impl From<ron::error::Position> for Position {
    fn from(p: ron::error::Position) -> Self {
        Self {
            line: p.line,
            col: p.col,
        }
    }
}

/// A value with the position of its literal in the source file.
#[derive(Debug, Clone, Default)]
pub struct Spanned<T> {
    pub value: T,
    pub pos: Position,
}

impl<T> Spanned<T> {
    pub fn new(value: T, pos: Position) -> Self {
        Self { value, pos }
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl std::ops::Deref for Spanned<String> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.value
    }
}

impl<'de> Deserialize<'de> for Spanned<String> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = String::deserialize(deserializer)?;
        let pos = LITERALS.with(|cell| {
            cell.borrow_mut()
                .as_mut()
                .map(|cursor| cursor.advance_to(&value))
                .unwrap_or_default()
        });
        Ok(Self { value, pos })
    }
}

/// One string literal of a source file: its unescaped text and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Literal {
    pub text: String,
    pub pos: Position,
}

struct LiteralCursor {
    literals: Vec<Literal>,
    next: usize,
}

impl LiteralCursor {
    fn advance_to(&mut self, value: &str) -> Position {
        let found = self.literals[self.next.min(self.literals.len())..]
            .iter()
            .position(|lit| lit.text == value);
        match found {
            Some(offset) => {
                let index = self.next + offset;
                self.next = index + 1;
                self.literals[index].pos
            }
            None => self
                .literals
                .get(self.next)
                .map(|lit| lit.pos)
                .unwrap_or_default(),
        }
    }
}

thread_local! {
    static LITERALS: RefCell<Option<LiteralCursor>> = const { RefCell::new(None) };
}

/// Runs `parse` with the string literals of `src` available to [`Spanned`] strings.
pub fn with_positions<R>(src: &str, parse: impl FnOnce() -> R) -> R {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            LITERALS.with(|cell| *cell.borrow_mut() = None);
        }
    }
    let literals = scan_string_literals(src);
    LITERALS.with(|cell| *cell.borrow_mut() = Some(LiteralCursor { literals, next: 0 }));
    let _reset = Reset;
    parse()
}

/// Finds every string literal of a RON source, skipping comments and character literals.
///
/// It is forgiving on purpose: malformed input is `ron`'s to report, so an unterminated literal
/// simply ends the scan.
pub fn scan_string_literals(src: &str) -> Vec<Literal> {
    let mut out = Vec::new();
    let mut chars = Tracker::new(src);
    while let Some(c) = chars.peek() {
        match c {
            '/' if chars.peek_second() == Some('/') => {
                while let Some(c) = chars.next() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek_second() == Some('*') => {
                chars.next();
                chars.next();
                let mut depth = 1usize;
                while depth > 0 {
                    match chars.next() {
                        None => return out,
                        Some('*') if chars.peek() == Some('/') => {
                            chars.next();
                            depth -= 1;
                        }
                        Some('/') if chars.peek() == Some('*') => {
                            chars.next();
                            depth += 1;
                        }
                        Some(_) => {}
                    }
                }
            }
            '"' => {
                let pos = chars.pos();
                chars.next();
                match read_escaped(&mut chars) {
                    Some(text) => out.push(Literal { text, pos }),
                    None => return out,
                }
            }
            'r' if matches!(chars.peek_second(), Some('"' | '#')) && !chars.prev_is_ident() => {
                let pos = chars.pos();
                chars.next();
                let mut hashes = 0usize;
                while chars.peek() == Some('#') {
                    chars.next();
                    hashes += 1;
                }
                if chars.next() != Some('"') {
                    continue;
                }
                match read_raw(&mut chars, hashes) {
                    Some(text) => out.push(Literal { text, pos }),
                    None => return out,
                }
            }
            '\'' => {
                chars.next();
                // A char literal: skip its content, which may be an escaped quote.
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '\'' => break,
                        _ => {}
                    }
                }
            }
            _ => {
                chars.next();
            }
        }
    }
    out
}

fn read_escaped(chars: &mut Tracker<'_>) -> Option<String> {
    let mut text = String::new();
    loop {
        match chars.next()? {
            '"' => return Some(text),
            '\\' => match chars.next()? {
                'n' => text.push('\n'),
                't' => text.push('\t'),
                'r' => text.push('\r'),
                '0' => text.push('\0'),
                'u' => {
                    let mut hex = String::new();
                    if chars.peek() == Some('{') {
                        chars.next();
                        while let Some(c) = chars.next() {
                            if c == '}' {
                                break;
                            }
                            hex.push(c);
                        }
                    }
                    if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        text.push(c);
                    }
                }
                'x' => {
                    let hex: String = [chars.next()?, chars.next()?].iter().collect();
                    if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        text.push(c);
                    }
                }
                '\n' => {
                    while chars.peek().is_some_and(char::is_whitespace) {
                        chars.next();
                    }
                }
                other => text.push(other),
            },
            c => text.push(c),
        }
    }
}

fn read_raw(chars: &mut Tracker<'_>, hashes: usize) -> Option<String> {
    let mut text = String::new();
    loop {
        let c = chars.next()?;
        if c == '"' {
            let mut seen = 0;
            while seen < hashes && chars.peek() == Some('#') {
                chars.next();
                seen += 1;
            }
            if seen == hashes {
                return Some(text);
            }
            text.push('"');
            text.extend(std::iter::repeat_n('#', seen));
        } else {
            text.push(c);
        }
    }
}

struct Tracker<'a> {
    rest: std::str::Chars<'a>,
    line: usize,
    col: usize,
    prev: Option<char>,
}

impl<'a> Tracker<'a> {
    fn new(src: &'a str) -> Self {
        Self {
            rest: src.chars(),
            line: 1,
            col: 1,
            prev: None,
        }
    }
    fn pos(&self) -> Position {
        Position {
            line: self.line,
            col: self.col,
        }
    }
    fn peek(&self) -> Option<char> {
        self.rest.clone().next()
    }
    fn peek_second(&self) -> Option<char> {
        let mut it = self.rest.clone();
        it.next();
        it.next()
    }
    fn prev_is_ident(&self) -> bool {
        self.prev.is_some_and(|c| c.is_alphanumeric() || c == '_')
    }
    fn next(&mut self) -> Option<char> {
        let c = self.rest.next()?;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        self.prev = Some(c);
        Some(c)
    }
}

/// The text of a 1-based source line, for showing next to a diagnostic.
pub fn source_line(src: &str, line: usize) -> Option<&str> {
    line.checked_sub(1).and_then(|i| src.lines().nth(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_skip_comments_and_chars() {
        let src = "// \"no\"\n( a: \"yes\", /* \"no\" /* nested */ */ b: 'x', c: r#\"raw \"q\"\"#, d: \"e\\\"s\" )";
        let lits = scan_string_literals(src);
        let texts: Vec<_> = lits.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["yes", "raw \"q\"", "e\"s"]);
        assert_eq!(lits[0].pos, Position { line: 2, col: 6 });
    }

    #[test]
    fn identifiers_ending_in_r_are_not_raw_strings() {
        let lits = scan_string_literals("(or: \"a\")");
        assert_eq!(lits.len(), 1);
        assert_eq!(lits[0].text, "a");
    }

    #[test]
    fn spanned_strings_get_the_position_of_their_own_literal() {
        #[derive(Deserialize)]
        struct Two {
            text: Spanned<String>,
            id: Spanned<String>,
        }
        let src = "(\n  text: \"fever\",\n  id: \"fever\",\n)";
        let two: Two = with_positions(src, || ron::from_str(src)).expect("parses");
        assert_eq!(two.text.pos, Position { line: 2, col: 9 });
        assert_eq!(two.id.pos, Position { line: 3, col: 7 });
    }
}
