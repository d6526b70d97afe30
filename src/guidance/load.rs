//! Loading a guidance: one snapshot of its folder ([`super::folder`]) parsed with positions,
//! hashed and validated.
//!
//! A guidance folder holds `guidance.ron`, the shared question pool in `questions/` and one file
//! per reason in `reasons/`; `scenarios/` and `training/` beside them are read by their own
//! modules. Whatever the bytes, loading never panics: every problem becomes a [`Diagnostic`]
//! with a position, and the source line it points at, from the bytes parsed.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use crate::diagnostic::{Code, Diagnostic, Message, with_lines};
use crate::guidance::model::{FileId, Guidance, Provenance};
use crate::guidance::raw::{RawGuidance, RawQuestions, RawReason};
use crate::guidance::validate::{ParsedFiles, validate};
use crate::msg;
use crate::source::{Position, with_positions};

pub use super::folder::{
    GUIDANCE_FILE, MAX_FILE_BYTES, QUESTIONS_DIR, REASONS_DIR, read_source, source_from_bytes,
};
use super::folder::{Snapshot, read_snapshot};

/// Deeper nesting is refused, so that no file can exhaust the stack. Each condition such as
/// `Not(…)` takes two levels (the enum and its content), so about 60 conditions can nest.
pub const MAX_NESTING: usize = 128;

/// Loads and validates the guidance in `dir`: the guidance, or every problem found.
pub fn load_guidance(dir: &Path) -> Result<Guidance, Vec<Diagnostic>> {
    let Snapshot { files, sources } = read_snapshot(dir)?;
    parse_and_validate(dir, &files, &sources).map_err(|mut diags| {
        for (rel, src) in files.iter().zip(&sources) {
            diags = with_lines(diags, &dir.join(rel), src);
        }
        diags
    })
}

fn parse_and_validate(
    dir: &Path,
    files: &[PathBuf],
    sources: &[String],
) -> Result<Guidance, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let hash = content_hash(files, sources);
    let provenance = Provenance {
        dir: dir.to_path_buf(),
        approval: crate::approval::Status::read(dir, &hash),
        hash,
        files: files.to_vec(),
    };

    let mut guidance = None;
    let mut pools = Vec::new();
    let mut reasons = Vec::new();
    for (index, (rel, src)) in files.iter().zip(sources).enumerate() {
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
