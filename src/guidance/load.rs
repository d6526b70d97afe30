//! Reading a guidance folder: layout, limits, parsing with positions, hashing.
//!
//! A guidance folder holds `guidance.ron`, the shared question pool in `questions/` and one file
//! per reason in `reasons/`; `scenarios/` and `training/` beside them are read by their own
//! modules. Whatever the bytes, loading never
//! panics: every problem becomes a [`Diagnostic`] with a position.

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use crate::diagnostic::{Code, Diagnostic, Message};
use crate::guidance::model::{FileId, Guidance, Provenance};
use crate::guidance::raw::{RawGuidance, RawQuestions, RawReason};
use crate::guidance::validate::{ParsedFiles, validate};
use crate::msg;
use crate::source::{Position, with_positions};
use crate::storage::{self, ReadError};

/// Larger files are refused: no real guidance comes near it, and it bounds memory and time.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// Deeper nesting is refused, so that no file can exhaust the stack. Each condition such as
/// `Not(…)` takes two levels (the enum and its content), so about 60 conditions can nest.
pub const MAX_NESTING: usize = 128;
/// The settings file of every guidance folder.
pub const GUIDANCE_FILE: &str = "guidance.ron";
pub const REASONS_DIR: &str = "reasons";
/// The shared question pool.
pub const QUESTIONS_DIR: &str = "questions";

/// Loads and validates the guidance in `dir`: the guidance, or every problem found.
pub fn load_guidance(dir: &Path) -> Result<Guidance, Vec<Diagnostic>> {
    let files = guidance_files(dir)?;
    let mut sources = Vec::new();
    let mut diags = Vec::new();
    for rel in &files {
        match read_source(&dir.join(rel)) {
            Ok(src) => sources.push(src),
            Err(d) => {
                diags.push(d);
                sources.push(String::new());
            }
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    let provenance = Provenance {
        dir: dir.to_path_buf(),
        hash: content_hash(&files, &sources),
        files: files.clone(),
    };

    let mut guidance = None;
    let mut pools = Vec::new();
    let mut reasons = Vec::new();
    for (index, (rel, src)) in files.iter().zip(&sources).enumerate() {
        let file = FileId(index as u32);
        let path = dir.join(rel);
        if rel == Path::new(GUIDANCE_FILE) {
            match parse_ron::<RawGuidance>(&path, src) {
                Ok(raw) => guidance = Some((file, raw)),
                Err(d) => diags.push(d),
            }
        } else if rel.starts_with(QUESTIONS_DIR) {
            match parse_ron::<RawQuestions>(&path, src) {
                Ok(raw) => pools.push((file, raw)),
                Err(d) => diags.push(d),
            }
        } else {
            match parse_ron::<RawReason>(&path, src) {
                Ok(raw) => reasons.push((file, raw)),
                Err(d) => diags.push(d),
            }
        }
    }
    let guidance = match guidance {
        Some(g) if diags.is_empty() => g,
        _ => return Err(crate::diagnostic::sorted(diags)),
    };
    validate(ParsedFiles {
        provenance,
        guidance,
        pools,
        reasons,
    })
    .map_err(|mut semantic| {
        semantic.extend(diags);
        crate::diagnostic::sorted(semantic)
    })
}

/// The files that make up the guidance, relative to `dir`, in load order.
fn guidance_files(dir: &Path) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let here = Position { line: 1, col: 1 };
    let entries = fs::read_dir(dir).map_err(|e| {
        vec![Diagnostic::new(
            dir,
            here,
            Code::Io,
            msg!(LoadCannotReadFolder, e),
        )]
    })?;
    let mut diags = Vec::new();
    let mut has_settings = false;
    for entry in entries.flatten() {
        let name = PathBuf::from(entry.file_name());
        if name == Path::new(GUIDANCE_FILE) {
            has_settings = true;
        } else if name.extension().is_some_and(|e| e == "ron") {
            diags.push(Diagnostic::new(
                dir.join(&name),
                here,
                Code::Layout,
                msg!(
                    LoadNotPartOfGuidance,
                    name.display(),
                    GUIDANCE_FILE,
                    REASONS_DIR,
                    QUESTIONS_DIR
                ),
            ));
        }
    }
    if !has_settings {
        diags.push(Diagnostic::new(
            dir.join(GUIDANCE_FILE),
            here,
            Code::Io,
            msg!(LoadNeedsSettings, GUIDANCE_FILE),
        ));
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    let mut files = vec![PathBuf::from(GUIDANCE_FILE)];
    files.extend(ron_files_in(dir, QUESTIONS_DIR));
    files.extend(ron_files_in(dir, REASONS_DIR));
    Ok(files)
}

/// The `.ron` files of a subfolder, relative to `dir`, sorted.
fn ron_files_in(dir: &Path, sub: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir.join(sub)) {
        for entry in entries.flatten() {
            let name = PathBuf::from(entry.file_name());
            if name.extension().is_some_and(|e| e == "ron") {
                out.push(Path::new(sub).join(name));
            }
        }
    }
    out.sort();
    out
}

/// Reads a file as text within the size limit ([`storage::read_bounded`]: regular files only,
/// the size checked before and while reading).
pub fn read_source(path: &Path) -> Result<String, Diagnostic> {
    let here = Position { line: 1, col: 1 };
    match storage::read_bounded(path, MAX_FILE_BYTES) {
        Ok(bytes) => source_from_bytes(path, bytes),
        Err(ReadError::TooLarge { size, .. }) => Err(Diagnostic::new(
            path,
            here,
            Code::TooLarge,
            msg!(LoadTooLarge, size, MAX_FILE_BYTES),
        )),
        Err(ReadError::NotRegular) => {
            Err(Diagnostic::new(path, here, Code::Io, msg!(LoadNotRegular)))
        }
        Err(ReadError::Io(e)) => Err(Diagnostic::new(
            path,
            here,
            Code::Io,
            msg!(LoadCannotReadFile, e),
        )),
    }
}

/// Text from bytes; invalid UTF-8 is reported where it starts.
pub fn source_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::new(
            path,
            Position { line: 1, col: 1 },
            Code::TooLarge,
            msg!(LoadTooLarge, bytes.len(), MAX_FILE_BYTES),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.replace_range(..3, " ");
            }
            Ok(s)
        }
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let valid = String::from_utf8_lossy(valid);
            Err(Diagnostic::new(
                path,
                end_position(&valid),
                Code::Io,
                msg!(LoadNotUtf8),
            ))
        }
    }
}

fn end_position(text: &str) -> Position {
    let line = 1 + text.matches('\n').count();
    let col = 1 + text.rsplit('\n').next().map_or(0, |l| l.chars().count());
    Position { line, col }
}

/// Parses RON into `T`, turning `ron`'s error into a diagnostic in plain words.
pub fn parse_ron<T: DeserializeOwned>(path: &Path, src: &str) -> Result<T, Diagnostic> {
    // implicit_some: authors write `fi: "…"` and `note: (…)`, not `Some(…)` everywhere.
    let options = ron::Options::default()
        .with_recursion_limit(MAX_NESTING)
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    with_positions(src, || options.from_str::<T>(src)).map_err(|e| {
        let pos = Position::from(e.span.start);
        let pos = if pos.line == 0 {
            Position { line: 1, col: 1 }
        } else {
            skip_whitespace(src, pos)
        };
        let (code, message) = describe_ron_error(&e.code);
        Diagnostic::new(path, pos, code, message)
    })
}

/// `ron` may place an error before the whitespace that precedes the offending token; point at
/// the token itself, as an author looking for the mistake expects.
fn skip_whitespace(src: &str, pos: Position) -> Position {
    let Some(line) = src.lines().nth(pos.line.saturating_sub(1)) else {
        return pos;
    };
    (pos.col..)
        .zip(line.chars().skip(pos.col.saturating_sub(1)))
        .find(|(_, c)| !c.is_whitespace())
        .map_or(pos, |(col, _)| Position {
            line: pos.line,
            col,
        })
}

fn describe_ron_error(e: &ron::Error) -> (Code, Message) {
    use ron::Error as E;
    match e {
        E::NoSuchStructField {
            expected, found, ..
        } => (
            Code::UnknownField,
            msg!(RonUnknownField, found, expected.join(", ")),
        ),
        E::MissingStructField { field, outer } => (
            Code::MissingField,
            match outer {
                Some(o) => msg!(RonMissingFieldOf, o, field),
                None => msg!(RonMissingField, field),
            },
        ),
        E::DuplicateStructField { field, .. } => (Code::Syntax, msg!(RonDuplicateField, field)),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => (
            Code::Syntax,
            msg!(RonUnknownVariant, found, expected.join(", ")),
        ),
        E::ExceededRecursionLimit => (Code::TooDeep, msg!(RonTooDeep, MAX_NESTING)),
        E::ExpectedDifferentStructName { expected, found } => {
            (Code::Syntax, msg!(RonWrongStructName, expected, found))
        }
        other => (Code::Syntax, msg!(RonSyntax, other)),
    }
}

/// SHA-256 over relative path and content of each file, so a rename changes the hash too.
fn content_hash(files: &[PathBuf], sources: &[String]) -> String {
    let mut hasher = Sha256::new();
    for (rel, src) in files.iter().zip(sources) {
        hasher.update(rel.to_string_lossy().replace('\\', "/").as_bytes());
        hasher.update([0]);
        hasher.update(src.as_bytes());
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
