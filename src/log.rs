//! The anonymous assessment log: one JSON object per finished call, one file per month.
//!
//! A [`LogRecord`] can only be made by [`LogRecord::of`], which takes ids from the guidance and
//! fixed enums, so no name, personal identity code, phone number or free text (the notes, the
//! override explanation) can get into the log. Appending writes one line and flushes it to disk
//! before returning; reading sets a torn last line (a crash during a write) aside into a file of
//! its own and reports it, never dropping it silently. Files are readable by the user alone.
//! See docs/statistics.md for every field.

use std::fmt;
use std::fs;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Caller, Channel};
use crate::disposition::{Disposition, Resolved};
use crate::effective::Effective;
use crate::engine::{Decider, Evaluation};
use crate::guidance::{Guidance, ServiceId, TimeframeId, TimeframeKind};
use crate::storage;

/// The record format; a reader refuses records of a newer schema. Schema 2 adds `service`,
/// `nurse_judgement` and `max_hours` to the proposal and the decision; schema-1 lines read with
/// none, `false` and none.
pub const SCHEMA_VERSION: u32 = 2;

/// Log files are `arvio-YYYY-MM.jsonl`.
pub const FILE_PREFIX: &str = "arvio-";
pub const FILE_SUFFIX: &str = ".jsonl";
/// A set-aside torn line goes to `<log file name>.torn-<n>`.
pub const TORN_MARK: &str = ".torn-";

/// One finished assessment, anonymous: every string is an id from the guidance, the guidance's
/// own name, version and hash, or a fixed enum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogRecord {
    /// [`SCHEMA_VERSION`] at the time of writing.
    pub schema: u32,
    /// When the call was finished, RFC 3339 with the local offset.
    pub finished: DateTime<FixedOffset>,
    pub guidance: GuidanceStamp,
    /// Reason ids in the order the nurse chose them.
    pub reasons: Vec<String>,
    pub red_flags: RedFlagResult,
    pub proposal: LoggedProposal,
    pub decision: LoggedDecision,
    /// From the start of the assessment to `finished`, whole seconds (0 if the clock went back).
    pub duration_seconds: u64,
    pub caller: Caller,
    pub channel: Channel,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidanceStamp {
    /// The guidance's name in its first language.
    pub name: String,
    pub version: String,
    /// SHA-256 of the guidance files, lowercase hex.
    pub hash: String,
}

/// What the red-flag questions gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case", deny_unknown_fields)]
pub enum RedFlagResult {
    /// Every red flag answered and none hit.
    None,
    /// These red flags (question ids, in guidance order) were hit.
    Hit { ids: Vec<String> },
    /// None hit, but some were left unanswered (the call left the flow for another reason).
    Incomplete,
}

/// The timeframe's kind, as in the guidance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Emergency,
    OnCall,
    Scheduled,
    SelfCare,
}

impl From<TimeframeKind> for Kind {
    fn from(k: TimeframeKind) -> Self {
        match k {
            TimeframeKind::Emergency => Kind::Emergency,
            TimeframeKind::OnCall => Kind::OnCall,
            TimeframeKind::Scheduled => Kind::Scheduled,
            TimeframeKind::SelfCare => Kind::SelfCare,
        }
    }
}

/// What the guidance proposed. (The disposition's fields stand flat in the line, as in schema 1;
/// serde's `flatten` cannot be combined with `deny_unknown_fields`, so unknown fields are refused
/// at the top of the record only.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoggedProposal {
    /// The timeframe, the proposed (first) contact mode and the professional.
    #[serde(flatten)]
    pub disposition: Disposition,
    pub kind: Kind,
    /// The timeframe's day range maximum; `None` when it has no days.
    pub max_days: Option<u32>,
    /// The timeframe's hour range maximum; `None` when it has no hours (and in schema 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_hours: Option<u32>,
    /// The winning rule: a rule id, a red flag's question id, or `<reason>.fallback`.
    pub rule: String,
    /// The proposed contact mode is remote.
    pub remote: bool,
    /// The proposed service's id (schema 2; `None` in schema 1).
    #[serde(default)]
    pub service: Option<String>,
    /// The proposal is the nurse's own urgency assessment (schema 2).
    #[serde(default)]
    pub nurse_judgement: bool,
}

/// What the nurse decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoggedDecision {
    #[serde(flatten)]
    pub disposition: Disposition,
    pub kind: Kind,
    /// The decided timeframe's day range maximum; `None` when it has no days.
    pub max_days: Option<u32>,
    /// The decided timeframe's hour range maximum; `None` when it has no hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_hours: Option<u32>,
    /// The decided contact mode is remote.
    pub remote: bool,
    /// The decided service's id: the proposal's when accepted, `None` for an override (schema 2).
    #[serde(default)]
    pub service: Option<String>,
    /// An accepted nurse's-judgement proposal (schema 2).
    #[serde(default)]
    pub nurse_judgement: bool,
    /// The proposal was overridden.
    pub overridden: bool,
    /// The decided timeframe is less urgent than the proposed one.
    pub lowers_urgency: bool,
    /// The override reason category, an id of the guidance's `override_reasons`; `None` when not
    /// overridden or when the category is not on the guidance's list. The explanation text the
    /// nurse typed is never logged.
    pub override_category: Option<String>,
}

impl LogRecord {
    /// The record of a finished assessment; `None` while there is no decision (or no proposal).
    pub fn of(
        g: &Guidance,
        a: &Assessment,
        evaluation: &Evaluation,
        finished: DateTime<FixedOffset>,
    ) -> Option<LogRecord> {
        let d = a.decision.as_ref()?;
        let p = evaluation.proposal.as_ref()?;
        // The proposal the nurse decided on: the effective one at the decision's time.
        let o = Effective::of_proposal(g, p, d.decided_at.naive_local()).outcome;
        let remote = |r: Resolved| r.mode.is_some_and(|m| g.mode(m).remote);
        let timeframe = |t: TimeframeId| {
            let t = g.timeframe(t);
            (
                Kind::from(t.kind),
                t.days.map(|(_, max)| max),
                t.hours.map(|(_, max)| max),
            )
        };
        let service = |s: Option<ServiceId>| s.map(|s| g.service(s).id.clone());
        let hits: Vec<String> = p
            .matched
            .iter()
            .filter_map(|m| match m {
                Decider::RedFlag(_) => Some(m.id(g)),
                _ => None,
            })
            .collect();
        let red_flags = if !hits.is_empty() {
            RedFlagResult::Hit { ids: hits }
        } else if evaluation.red_flags_unanswered > 0 {
            RedFlagResult::Incomplete
        } else {
            RedFlagResult::None
        };
        let proposed = Resolved::of(o);
        let (p_kind, p_max, p_hours) = timeframe(proposed.timeframe);
        let (d_kind, d_max, d_hours) = timeframe(d.disposition.timeframe);
        // Only a category on the guidance's list is kept: whatever else the field holds could be
        // typed text.
        let override_category = d.override_reason.as_ref().and_then(|r| {
            g.override_reasons
                .iter()
                .find(|o| o.id == r.category)
                .map(|o| o.id.clone())
        });
        let duration = (finished - a.started).num_seconds().max(0) as u64;
        Some(LogRecord {
            schema: SCHEMA_VERSION,
            finished,
            guidance: GuidanceStamp {
                name: g.meta.name.get(g.meta.languages[0]).to_owned(),
                version: g.meta.version.clone(),
                hash: g.provenance.hash.clone(),
            },
            reasons: a
                .call
                .reasons
                .iter()
                .map(|r| g.reason(*r).id.clone())
                .collect(),
            red_flags,
            proposal: LoggedProposal {
                disposition: Disposition::from_ids(g, proposed),
                kind: p_kind,
                max_days: p_max,
                max_hours: p_hours,
                rule: p.winner.id(g),
                remote: remote(proposed),
                service: service(o.service),
                nurse_judgement: o.nurse_judgement,
            },
            decision: LoggedDecision {
                disposition: Disposition::from_ids(g, d.disposition),
                kind: d_kind,
                max_days: d_max,
                max_hours: d_hours,
                remote: remote(d.disposition),
                service: service(d.service),
                nurse_judgement: d.nurse_judgement,
                overridden: d.override_reason.is_some(),
                lowers_urgency: d.lowers_urgency,
                override_category,
            },
            duration_seconds: duration,
            caller: a.caller,
            channel: a.channel,
        })
    }

    /// The monthly file this record belongs in, by its local finishing date.
    pub fn file_name(&self) -> String {
        format!(
            "{FILE_PREFIX}{}{FILE_SUFFIX}",
            self.finished.format("%Y-%m")
        )
    }

    /// The record as one line of JSON, without the newline.
    pub fn to_line(&self) -> String {
        // Serialising plain strings, numbers and enums cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The platform's data directory for the log (e.g. `~/.local/share/arvio/log` on Linux).
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("fi", "Arvio", "arvio").map(|d| d.data_dir().join("log"))
}

/// Appends a record to its monthly file in `dir` and flushes it to disk before returning the
/// file's path. Creates `dir` (0700) and the file (0600) as needed. The file is locked while
/// writing, so another arvio process reading or appending waits. A torn last line left by an
/// earlier failed write is set aside first (see [`read_dir`]), so the new record never lands
/// glued to it; [`read_dir`] lists it in `torn_files`.
pub fn append(dir: &Path, record: &LogRecord) -> io::Result<PathBuf> {
    storage::create_private_dir(dir)?;
    let path = dir.join(record.file_name());
    let existed = path.exists();
    let mut file = storage::open_for_append(&path, true)?;
    storage::lock(&file)?;
    if !ends_in_newline(&mut file)? {
        repair_tail(&mut file, &path)?;
    }
    let mut line = record.to_line();
    line.push('\n');
    let len = file.seek(SeekFrom::End(0))?;
    if let Err(e) = file
        .write_all(line.as_bytes())
        .and_then(|()| file.sync_all())
    {
        // Leave no part of a line that is reported as not written.
        let _ = file.set_len(len).and_then(|()| file.sync_all());
        return Err(e);
    }
    if !existed {
        storage::sync_dir(dir)?;
    }
    Ok(path)
}

/// A torn last line moved out of a log file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetAside {
    /// The log file it was in.
    pub file: PathBuf,
    /// Its line number there, from 1.
    pub line: usize,
    /// The file it now is in, alone.
    pub to: PathBuf,
    pub bytes: usize,
}

impl fmt::Display for SetAside {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: torn last line ({} bytes) set aside into {}",
            self.file.display(),
            self.line,
            self.bytes,
            self.to.display()
        )
    }
}

/// A line or file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogError {
    pub file: PathBuf,
    /// From 1; `None` for the file as a whole.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for LogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file.display(), line, self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// Everything read from a log directory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LogRead {
    /// Sorted by finishing time; ties keep file order.
    pub records: Vec<LogRecord>,
    /// Torn last lines set aside by this read.
    pub set_aside: Vec<SetAside>,
    pub errors: Vec<LogError>,
    /// Every set-aside file in the directory, from this read or earlier ones, sorted.
    pub torn_files: Vec<PathBuf>,
}

/// Reads every `arvio-*.jsonl` in `dir` (a missing directory is an empty log). A torn last line
/// (no trailing newline, or not JSON) is moved into `<file>.torn-<n>` (0600), cut from the log
/// file and reported in `set_aside`; a last line that is a whole record only missing its newline
/// gets the newline. Unreadable lines elsewhere are reported as errors with file and line.
pub fn read_dir(dir: &Path) -> LogRead {
    let mut read = LogRead::default();
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return read,
        Err(e) => {
            read.errors.push(LogError {
                file: dir.to_path_buf(),
                line: None,
                message: e.to_string(),
            });
            return read;
        }
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with(FILE_PREFIX) {
            continue;
        }
        if name.ends_with(FILE_SUFFIX) {
            files.push(entry.path());
        } else if name.contains(&format!("{FILE_SUFFIX}{TORN_MARK}")) {
            read.torn_files.push(entry.path());
        }
    }
    files.sort();
    for path in &files {
        read_file(path, &mut read);
    }
    read.torn_files.sort();
    read.records.sort_by_key(|r| r.finished);
    read
}

fn read_file(path: &Path, read: &mut LogRead) {
    let error = |line: Option<usize>, message: String| LogError {
        file: path.to_path_buf(),
        line,
        message,
    };
    // Read under the lock, so that a line being appended is never taken for a torn one.
    let bytes = match storage::open_for_append(path, false).and_then(|mut file| {
        storage::lock(&file)?;
        let set_aside = repair_tail(&mut file, path);
        let mut bytes = Vec::new();
        file.seek(SeekFrom::Start(0))?;
        file.read_to_end(&mut bytes)?;
        Ok((set_aside, bytes))
    }) {
        Ok((Ok(set_aside), bytes)) => {
            if let Some(s) = set_aside {
                read.torn_files.push(s.to.clone());
                read.set_aside.push(s);
            }
            bytes
        }
        Ok((Err(e), bytes)) => {
            read.errors.push(error(
                None,
                format!("the torn last line could not be set aside: {e}"),
            ));
            bytes
        }
        // Not writable: read it as it is, under the lock if one can be had; a torn last line
        // then shows as an error on its line.
        Err(_) => match storage::open_regular(path)
            .map_err(io::Error::other)
            .and_then(|mut file| {
                let _ = storage::lock(&file);
                let mut bytes = Vec::new();
                file.read_to_end(&mut bytes)?;
                Ok(bytes)
            }) {
            Ok(bytes) => bytes,
            Err(e) => {
                read.errors.push(error(None, e.to_string()));
                return;
            }
        },
    };
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_line(line) {
            Ok(r) => read.records.push(r),
            Err(message) => read.errors.push(error(Some(i + 1), message)),
        }
    }
}

/// Parses one line into a record, or says why not.
pub fn parse_line(line: &[u8]) -> Result<LogRecord, String> {
    let value: serde_json::Value =
        serde_json::from_slice(line).map_err(|e| format!("not JSON: {e}"))?;
    match value.get("schema").and_then(|s| s.as_u64()) {
        Some(v) if v > u64::from(SCHEMA_VERSION) => {
            return Err(format!(
                "record of schema {v}, newer than this arvio's {SCHEMA_VERSION}"
            ));
        }
        _ => {}
    }
    serde_json::from_value(value).map_err(|e| format!("not a log record: {e}"))
}

/// Looks at the end of a log file, open for reading and writing and locked: a torn last line
/// is set aside, a whole record missing only its newline is completed. Returns what was set
/// aside.
fn repair_tail(file: &mut fs::File, path: &Path) -> io::Result<Option<SetAside>> {
    let mut bytes = Vec::new();
    file.seek(SeekFrom::Start(0))?;
    file.read_to_end(&mut bytes)?;
    let Some(end) = bytes.iter().rposition(|b| !b.is_ascii_whitespace()) else {
        return Ok(None);
    };
    // The last line that is not blank, with whatever blanks follow it to the end of the file.
    let start = bytes[..end]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let last = &bytes[start..];
    let content = &bytes[start..=end];
    let has_newline = bytes[end..].contains(&b'\n');
    if has_newline {
        if serde_json::from_slice::<serde_json::Value>(content).is_ok() {
            return Ok(None);
        }
    } else if parse_line(content).is_ok() {
        // Written whole but for the newline: complete it rather than set a record aside.
        file.seek(SeekFrom::End(0))?;
        file.write_all(b"\n")?;
        file.sync_all()?;
        return Ok(None);
    }
    let line = bytes[..start].iter().filter(|&&b| b == b'\n').count() + 1;
    let to = torn_path(path)?;
    let mut torn = storage::create_new_private(&to)?;
    torn.write_all(last)?;
    torn.sync_all()?;
    drop(torn);
    if let Some(dir) = path.parent() {
        storage::sync_dir(dir)?;
    }
    // Only now cut it from the log: a crash in between leaves it in both places, never in none.
    file.set_len(start as u64)?;
    file.sync_all()?;
    Ok(Some(SetAside {
        file: path.to_path_buf(),
        line,
        to,
        bytes: last.len(),
    }))
}

/// Whether a file is empty or its last byte is a newline, reading only that byte.
fn ends_in_newline(file: &mut fs::File) -> io::Result<bool> {
    if file.metadata()?.len() == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// The first free `<file>.torn-<n>`, from 1.
fn torn_path(path: &Path) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for n in 1..10_000 {
        let candidate = path.with_file_name(format!("{name}{TORN_MARK}{n}"));
        if !candidate.exists() {
            return Ok(candidate);
        }
    }
    Err(io::Error::other("too many set-aside files"))
}
