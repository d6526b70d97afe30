//! The approval record of a guidance release: who approved which content, in what role, when,
//! and which approved version it follows.
//!
//! It is kept in the guidance folder as [`APPROVAL_FILE`] (written by `arvio approve`), beside the
//! files it approves and outside their content hash, so that writing it does not change what it
//! approves. A guidance is **approved** only when the record's hash is the content hash of the
//! files loaded now; a record of another hash means the files **changed since approval**; no
//! record means **not approved**; and a record that cannot be read or does not validate is
//! **invalid**, with its position — never taken as approved.
//!
//! This file knows a content hash but nothing of the guidance: the loader reads the record with
//! the files ([`Status::read`]) and carries the status in the guidance's provenance.

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Diagnostic, Message};
use crate::msg;
use crate::source::{Position, Spanned, with_positions};
use crate::storage::{self, ReadError};
use crate::text::Language;

/// The approval record's name in a guidance folder.
pub const APPROVAL_FILE: &str = "approval.ron";
/// A record is a few hundred bytes; a larger file is not one.
pub const MAX_APPROVAL_BYTES: usize = 16 * 1024;
/// The longest name or role accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;

const HERE: Position = Position { line: 1, col: 1 };

/// One approval, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approval {
    /// Who approved it (the physician's name as they sign).
    pub by: String,
    /// Their role, e.g. "chief physician of primary care".
    pub role: String,
    pub date: NaiveDate,
    /// The guidance version approved, as its `guidance.ron` says.
    pub version: String,
    /// The content hash approved: SHA-256, lowercase hex, as the app and `arvio check` show it.
    pub hash: String,
    /// The approved version this one follows, if any.
    pub previous: Option<Previous>,
}

/// An earlier approved version, by its version and content hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Previous {
    pub version: String,
    pub hash: String,
}

/// Where a guidance stands, as its files and its approval record say.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// No approval record.
    NotApproved,
    /// The record approves exactly these files.
    Approved(Approval),
    /// The record approves other content: the files changed after it was written.
    Changed(Approval),
    /// The record cannot be read or does not validate; never approved.
    Invalid(Diagnostic),
}

impl Status {
    /// The status of the guidance in `dir` whose files hash to `hash`.
    pub fn read(dir: &Path, hash: &str) -> Status {
        match read(dir) {
            Ok(None) => Status::NotApproved,
            Ok(Some(a)) if a.hash == hash => Status::Approved(a),
            Ok(Some(a)) => Status::Changed(a),
            Err(d) => Status::Invalid(d),
        }
    }

    pub fn is_approved(&self) -> bool {
        matches!(self, Status::Approved(_))
    }

    /// The record, when there is a valid one (approved or not for these files).
    pub fn approval(&self) -> Option<&Approval> {
        match self {
            Status::Approved(a) | Status::Changed(a) => Some(a),
            _ => None,
        }
    }

    /// `approved`, `not_approved`, `changed` or `invalid`: for logs and JSON.
    pub fn id(&self) -> &'static str {
        match self {
            Status::NotApproved => "not_approved",
            Status::Approved(_) => "approved",
            Status::Changed(_) => "changed",
            Status::Invalid(_) => "invalid",
        }
    }

    /// The status in a sentence: "approved by … (…) on 1.12.2026", "NOT APPROVED", "CHANGED
    /// SINCE APPROVAL (…)", "THE APPROVAL RECORD IS INVALID: …".
    pub fn message(&self) -> Message {
        match self {
            Status::NotApproved => msg!(ApprovalNotApproved),
            Status::Approved(a) => msg!(ApprovalApprovedBy, a.by, a.role, date_text(a.date)),
            Status::Changed(a) => msg!(
                ApprovalChanged,
                a.version,
                short(&a.hash),
                a.by,
                date_text(a.date)
            ),
            Status::Invalid(d) => msg!(ApprovalInvalid, d.location(), d.message),
        }
    }

    /// The status in a few words, for the record text: "approved 1.12.2026 (Dr A)", "NOT
    /// APPROVED", "CHANGED SINCE APPROVAL", "APPROVAL RECORD INVALID".
    pub fn short_text(&self, lang: Language) -> String {
        match self {
            Status::Approved(a) => {
                let date = date_text(a.date);
                crate::i18n::Msg::ApprovalShortApproved.fill(lang, &[date, a.by.clone()])
            }
            Status::NotApproved => crate::i18n::tr(lang, crate::i18n::Msg::ApprovalShortNot).into(),
            Status::Changed(_) => {
                crate::i18n::tr(lang, crate::i18n::Msg::ApprovalShortChanged).into()
            }
            Status::Invalid(_) => {
                crate::i18n::tr(lang, crate::i18n::Msg::ApprovalShortInvalid).into()
            }
        }
    }

    /// [`Status::message`] in `lang`.
    pub fn text(&self, lang: Language) -> String {
        self.message().render(lang)
    }
}

/// A date as the record and the header write it: `1.12.2026`.
pub fn date_text(date: NaiveDate) -> String {
    date.format("%-d.%-m.%Y").to_string()
}

/// The first 12 characters of a hash, as the app shows it.
pub fn short(hash: &str) -> &str {
    &hash[..hash.len().min(12)]
}

/// The record in `dir`, `None` when there is none. A link is followed only to a regular file
/// inside the folder; anything else, or a file too large, is an error naming it.
pub fn read(dir: &Path) -> Result<Option<Approval>, Diagnostic> {
    let path = dir.join(APPROVAL_FILE);
    if std::fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    let refused = |e: ReadError| {
        let message = match e {
            ReadError::TooLarge { size, .. } => msg!(LoadTooLarge, size, MAX_APPROVAL_BYTES),
            ReadError::NotRegular => msg!(LoadNotRegular),
            ReadError::Outside => msg!(LoadLinkOutside),
            ReadError::Io(e) => msg!(LoadCannotReadFile, e),
        };
        Diagnostic::new(&path, HERE, Code::Io, message)
    };
    let root = std::fs::canonicalize(dir).map_err(|e| refused(ReadError::Io(e)))?;
    let (bytes, _) = storage::read_inside(&root, &root.join(APPROVAL_FILE), MAX_APPROVAL_BYTES)
        .map_err(refused)?;
    let src = String::from_utf8(bytes)
        .map_err(|_| Diagnostic::new(&path, HERE, Code::Io, msg!(LoadNotUtf8)))?;
    parse(&path, &src).map(Some)
}

/// The record as written in the file, every string with its position.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Approval")]
struct RawApproval {
    by: Spanned<String>,
    role: Spanned<String>,
    date: Spanned<String>,
    version: Spanned<String>,
    hash: Spanned<String>,
    #[serde(default)]
    previous: Option<RawPrevious>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Previous")]
struct RawPrevious {
    version: Spanned<String>,
    hash: Spanned<String>,
}

/// Parses and validates a record: RON of the shape [`to_ron`] writes, then every field checked
/// with the position of its value.
pub fn parse(path: &Path, src: &str) -> Result<Approval, Diagnostic> {
    let options = ron::Options::default()
        .with_recursion_limit(16)
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let raw: RawApproval = with_positions(src, || options.from_str(src)).map_err(|e| {
        let pos = Position::from(e.span.start);
        let pos = if pos.line == 0 { HERE } else { pos };
        Diagnostic::new(path, pos, Code::Syntax, msg!(ApprovalSyntax, e.code))
    })?;
    let at = |s: &Spanned<String>, m: Message| Diagnostic::new(path, s.pos, Code::Invalid, m);
    let name = |s: &Spanned<String>, field: &str| -> Result<String, Diagnostic> {
        check_name(&s.value).map_err(|m| at(s, msg!(ApprovalField, field, m)))
    };
    let by = name(&raw.by, "by")?;
    let role = name(&raw.role, "role")?;
    let version = name(&raw.version, "version")?;
    let date = NaiveDate::parse_from_str(&raw.date, "%Y-%m-%d")
        .map_err(|_| at(&raw.date, msg!(ApprovalBadDate, raw.date.value)))?;
    let hash = |s: &Spanned<String>| -> Result<String, Diagnostic> {
        is_hash(s)
            .then(|| s.value.clone())
            .ok_or_else(|| at(s, msg!(ApprovalBadHash, s.value)))
    };
    let previous = match &raw.previous {
        None => None,
        Some(p) => Some(Previous {
            version: name(&p.version, "previous.version")?,
            hash: hash(&p.hash)?,
        }),
    };
    Ok(Approval {
        by,
        role,
        date,
        version,
        hash: hash(&raw.hash)?,
        previous,
    })
}

/// A name, role or version: not blank, no control characters, not too long.
pub fn check_name(text: &str) -> Result<String, Message> {
    let text = text.trim();
    if text.is_empty() {
        return Err(msg!(ApprovalEmpty));
    }
    if text.chars().any(char::is_control) {
        return Err(msg!(ApprovalControl));
    }
    if text.chars().count() > MAX_NAME_CHARS {
        return Err(msg!(ApprovalTooLong, MAX_NAME_CHARS));
    }
    Ok(text.to_owned())
}

fn is_hash(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The approval of the content `hash` (version `version`) by `by` in `role` on `date`. The
/// record it replaces, if any, gives `previous`: its hash when it approved other content, else
/// what it followed itself (a second signature on the same content keeps the history).
pub fn approve(
    version: &str,
    hash: &str,
    by: &str,
    role: &str,
    date: NaiveDate,
    replaced: Option<&Approval>,
) -> Result<Approval, Message> {
    let field = |text: &str, name: &str| check_name(text).map_err(|m| msg!(ApprovalField, name, m));
    let previous = replaced.and_then(|old| {
        if old.hash == hash {
            old.previous.clone()
        } else {
            Some(Previous {
                version: old.version.clone(),
                hash: old.hash.clone(),
            })
        }
    });
    Ok(Approval {
        by: field(by, "--by")?,
        role: field(role, "--role")?,
        date,
        version: field(version, "version")?,
        hash: hash.to_owned(),
        previous,
    })
}

/// The record as the file holds it: a comment saying what it is, then the RON.
pub fn to_ron(a: &Approval) -> String {
    #[derive(Serialize)]
    #[serde(rename = "Approval")]
    struct Written<'a> {
        by: &'a str,
        role: &'a str,
        date: String,
        version: &'a str,
        hash: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        previous: Option<&'a Previous>,
    }
    let written = Written {
        by: &a.by,
        role: &a.role,
        date: a.date.format("%Y-%m-%d").to_string(),
        version: &a.version,
        hash: &a.hash,
        previous: a.previous.as_ref(),
    };
    let pretty = ron::ser::PrettyConfig::new().struct_names(false);
    // Plain strings and a date cannot fail to serialise.
    let body = ron::ser::to_string_pretty(&written, pretty).unwrap_or_default();
    format!(
        "// The approval of this guidance release, written by `arvio approve`.\n\
         // It approves the files whose content hash is `hash`; it is not part of that hash.\n\
         {body}\n"
    )
}

/// Writes the record into the guidance folder `dir`, atomically (a reader sees the old record
/// or the new one), with the folder's own permissions: the desks must read it.
pub fn write(dir: &Path, a: &Approval) -> std::io::Result<()> {
    storage::write_atomic_shared(&dir.join(APPROVAL_FILE), to_ron(a).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    const H1: &str = "1111111111111111111111111111111111111111111111111111111111111111";
    const H2: &str = "2222222222222222222222222222222222222222222222222222222222222222";

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
    }

    #[test]
    fn a_record_written_reads_back_the_same() {
        let first = approve("1.0", H1, "Dr A", "chief physician", day(), None);
        let first = first.unwrap_or_else(|m| panic!("{m}"));
        let second = approve("1.1", H2, " Dr \"B\" ", "physician", day(), Some(&first));
        let second = second.unwrap_or_else(|m| panic!("{m}"));
        assert_eq!(second.by, "Dr \"B\"");
        assert_eq!(
            second.previous,
            Some(Previous {
                version: "1.0".into(),
                hash: H1.into()
            })
        );
        let text = to_ron(&second);
        let back = parse(Path::new("approval.ron"), &text);
        assert_eq!(back.as_ref().ok(), Some(&second), "{text}");
        // A second signature on the same content keeps what the first followed.
        let again = approve("1.1", H2, "Dr C", "physician", day(), Some(&second));
        assert_eq!(again.ok().and_then(|a| a.previous), second.previous);
    }

    #[test]
    fn a_bad_field_is_an_error_at_its_value() {
        let src = "(\n    by: \"Dr A\",\n    role: \"physician\",\n    date: \"2026-13-01\",\n    version: \"1\",\n    hash: \"1111\",\n)";
        let e = parse(Path::new("approval.ron"), src).err();
        assert_eq!(e.map(|d| (d.pos.line, d.pos.col)), Some((4, 11)));
        let src = src.replace("2026-13-01", "2026-12-01");
        let e = parse(Path::new("approval.ron"), &src).err();
        assert_eq!(e.map(|d| (d.pos.line, d.code)), Some((6, Code::Invalid)));
        let e = parse(Path::new("approval.ron"), "(by: \"x\",").err();
        assert_eq!(e.map(|d| d.code), Some(Code::Syntax));
        let blank = approve("1", H1, "  ", "physician", day(), None);
        assert!(blank.is_err());
        let control = approve("1", H1, "Dr\u{1b}[31m", "physician", day(), None);
        assert!(control.is_err());
    }
}
