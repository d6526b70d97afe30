//! The anonymous assessment log: one JSON object per finished call, one file per month.
//!
//! A [`LogRecord`] can only be made by [`LogRecord::of`], which takes ids from the guidance and
//! fixed enums, so no name, personal identity code, phone number or free text (the notes, the
//! override explanation) can get into the log. Appending writes one line and flushes it to disk
//! before returning; reading sets a torn last line (a crash during a write) aside into a file of
//! its own and reports it, never dropping it silently. Files are readable by the user alone, and
//! every file is opened without following a symlink, so nothing outside the log folder is ever
//! created, truncated or written. Reading streams, line by line, so memory stays bounded
//! whatever the log's size. See docs/statistics.md for every field.
//!
//! - [`record`]: the record, its line, and parsing a line back;
//! - [`names`]: the desk's monthly file name and its spill files;
//! - [`route`]: the shared folder, or the local one while the share is down;
//! - [`write`](mod@write): appending a record;
//! - [`read`]: reading a folder, one record at a time or all at once;
//! - [`tail`]: a torn last line, found from the end of a file and set aside.

pub mod names;
pub mod read;
pub mod record;
pub mod route;
pub mod tail;
pub mod write;

use std::path::PathBuf;

pub use read::{LogError, LogRead, LogSummary, for_each_record, read_dir};
pub use record::{
    FILE_PREFIX, FILE_SUFFIX, GuidanceStamp, Kind, LogRecord, LoggedApproval, LoggedDecision,
    LoggedProposal, MAX_LINE_BYTES, RedFlagResult, SCHEMA_VERSION, TORN_MARK, parse_line,
};
pub use route::{Delivered, Destination};
pub use tail::SetAside;
pub use write::{append, append_as};

/// The user's own log folder on this computer (`~/.local/share/arvio/log` on Linux,
/// `%LOCALAPPDATA%\\Arvio\\arvio\\data\\log` on Windows): the log when no other folder is set,
/// and where records wait while the shared log folder cannot be reached. Never the roaming
/// profile, where the files of different desks would overwrite each other.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("fi", "Arvio", "arvio").map(|d| d.data_local_dir().join("log"))
}
