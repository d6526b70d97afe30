//! The managed configuration validated: raw → [`Managed`], every problem collected with the
//! position of what caused it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::raw::RawConfig;
use super::{Managed, ModeName, Renderer, Setting};
use crate::diagnostic::{Code, Diagnostic, Message};
use crate::msg;
use crate::source::{Position, Spanned};
use crate::text::Language;

/// The longest desk id: it goes into every log file name.
pub const MAX_DESK_LEN: usize = 40;

struct Check<'a> {
    file: &'a Path,
    src: &'a str,
    problems: Vec<Diagnostic>,
}

impl Check<'_> {
    fn report(&mut self, pos: Position, code: Code, message: Message) {
        self.problems
            .push(Diagnostic::new(self.file, pos, code, message));
    }

    /// Where a field without a string of its own (`modes: []`) is written: its name.
    fn field(&self, name: &str) -> Position {
        for (n, line) in self.src.lines().enumerate() {
            if let Some(col) = line
                .find(name)
                .filter(|&c| line[c + name.len()..].trim_start().starts_with(':'))
            {
                return Position {
                    line: n + 1,
                    col: line[..col].chars().count() + 1,
                };
            }
        }
        Position { line: 1, col: 1 }
    }

    /// A value named from a fixed list: what `parse` finds, or `unknown`'s message at its
    /// literal.
    fn named<T>(
        &mut self,
        value: &Option<Spanned<String>>,
        parse: impl Fn(&str) -> Option<T>,
        unknown: impl Fn(&str) -> Message,
    ) -> Option<T> {
        let v = value.as_ref()?;
        let found = parse(&v.value);
        if found.is_none() {
            self.report(v.pos, Code::Invalid, unknown(&v.value));
        }
        found
    }

    fn language(&mut self, value: &Option<Spanned<String>>) -> Option<Language> {
        self.named(value, Language::from_code, |v| {
            msg!(ConfigUnknownLanguage, v)
        })
    }

    fn renderer(&mut self, value: &Option<Spanned<String>>) -> Option<Renderer> {
        let known = Renderer::ALL.map(Renderer::name).join(", ");
        self.named(value, Renderer::from_name, |v| {
            msg!(ConfigUnknownRenderer, v, known)
        })
    }

    /// A folder: absolute, since a machine-wide file cannot depend on where the app starts.
    fn folder(&mut self, value: &Option<Spanned<String>>) -> Option<PathBuf> {
        let v = value.as_ref()?;
        if v.value.trim().is_empty() {
            self.report(v.pos, Code::Invalid, msg!(ConfigEmptyPath));
            return None;
        }
        let path = PathBuf::from(&v.value);
        if !is_absolute(&v.value) {
            self.report(v.pos, Code::Invalid, msg!(ConfigNotAbsolute, v.value));
            return None;
        }
        Some(path)
    }

    fn desk(&mut self, value: &Option<Spanned<String>>) -> Option<String> {
        let v = value.as_ref()?;
        if !is_desk_id(&v.value) {
            self.report(
                v.pos,
                Code::InvalidId,
                msg!(ConfigBadDesk, v.value, MAX_DESK_LEN),
            );
            return None;
        }
        Some(v.value.clone())
    }

    fn modes(&mut self, value: &Option<Vec<Spanned<String>>>) -> Vec<ModeName> {
        let Some(list) = value else {
            return ModeName::ALL.to_vec();
        };
        let mut modes = BTreeSet::new();
        for v in list {
            match ModeName::ALL.into_iter().find(|m| m.name() == v.value) {
                Some(m) if !modes.insert(m) => {
                    self.report(v.pos, Code::DuplicateId, msg!(ConfigListedTwice, v.value));
                }
                Some(_) => {}
                None => {
                    let known = ModeName::ALL.map(ModeName::name).join(", ");
                    self.report(
                        v.pos,
                        Code::UnknownId,
                        msg!(ConfigUnknownMode, v.value, known),
                    );
                }
            }
        }
        if list.is_empty() {
            let known = ModeName::ALL.map(ModeName::name).join(", ");
            self.report(
                self.field("modes"),
                Code::Invalid,
                msg!(ConfigNoModes, known),
            );
        }
        modes.into_iter().collect()
    }

    fn locked(&mut self, list: &[Spanned<String>]) -> BTreeSet<Setting> {
        let mut locked = BTreeSet::new();
        for v in list {
            match Setting::ALL.into_iter().find(|s| s.name() == v.value) {
                Some(s) if !locked.insert(s) => {
                    self.report(v.pos, Code::DuplicateId, msg!(ConfigListedTwice, v.value));
                }
                Some(_) => {}
                None => {
                    let known = Setting::ALL.map(Setting::name).join(", ");
                    self.report(
                        v.pos,
                        Code::UnknownId,
                        msg!(ConfigUnknownSetting, v.value, known),
                    );
                }
            }
        }
        locked
    }
}

/// Absolute on either platform: `/…`, `C:\…`, or a UNC share `\\server\…`, so that a file
/// written for Windows desks is checked the same on the Linux machine that tests it.
fn is_absolute(path: &str) -> bool {
    let b = path.as_bytes();
    Path::new(path).is_absolute()
        || path.starts_with('/')
        || path.starts_with(r"\\")
        || (b.len() >= 3
            && b[0].is_ascii_alphabetic()
            && b[1] == b':'
            && matches!(b[2], b'\\' | b'/'))
}

/// A desk id: 1–40 ASCII letters, digits, `-` or `_` (it becomes part of a file name on every
/// platform, and can hold no personal name by accident of a space or an accent).
pub fn is_desk_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_DESK_LEN
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

pub fn validate(file: &Path, src: &str, raw: RawConfig) -> Result<Managed, Vec<Diagnostic>> {
    let mut check = Check {
        file,
        src,
        problems: Vec::new(),
    };
    let managed = Managed {
        file: Some(file.to_path_buf()),
        desk: check.desk(&raw.desk),
        guidance: check.folder(&raw.guidance),
        log_dir: check.folder(&raw.log_dir),
        modes: check.modes(&raw.modes),
        language: check.language(&raw.language),
        record_language: check.language(&raw.record_language),
        autosave_free_text: raw.autosave_free_text,
        locked: check.locked(&raw.locked),
        require_approved_guidance: raw.require_approved_guidance,
        renderer: check.renderer(&raw.renderer),
        broken: false,
    };
    if check.problems.is_empty() {
        Ok(managed)
    } else {
        Err(crate::diagnostic::sorted(check.problems))
    }
}
