//! Reading a log folder: every `arvio-*.jsonl` streamed line by line, each file under its lock,
//! its torn tail set aside first. [`for_each_record`] hands records over one at a time (memory
//! stays bounded whatever the log's size); [`read_dir`] collects them for a caller that needs
//! them all (the app's statistics view).

use std::fmt;
use std::fs;
use std::io::{self, BufRead, BufReader, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::record::{FILE_PREFIX, FILE_SUFFIX, LogRecord, MAX_LINE_BYTES, TORN_MARK, parse_line};
use super::tail::{self, SetAside};
use crate::storage;

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

/// What a streaming read reports besides the records themselves.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LogSummary {
    /// Records handed to the callback.
    pub records: usize,
    /// Torn last lines set aside by this read.
    pub set_aside: Vec<SetAside>,
    pub errors: Vec<LogError>,
    /// Every set-aside file in the directory, from this read or earlier ones, sorted.
    pub torn_files: Vec<PathBuf>,
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

/// Reads every `arvio-*.jsonl` in `dir` (a missing directory is an empty log) and keeps the
/// records, sorted by finishing time. See [`for_each_record`] for torn lines and errors.
pub fn read_dir(dir: &Path) -> LogRead {
    let mut records = Vec::new();
    let summary = for_each_record(dir, |r| records.push(r));
    records.sort_by_key(|r| r.finished);
    LogRead {
        records,
        set_aside: summary.set_aside,
        errors: summary.errors,
        torn_files: summary.torn_files,
    }
}

/// Streams every `arvio-*.jsonl` in `dir`, files in name order (by month) and lines in file
/// order, handing each record to `f` as it is read; a missing directory is an empty log. A torn
/// last line (no trailing newline, or not JSON) is moved into `<file>.torn-<n>` (0600), cut
/// from the log file and reported in `set_aside`; a last line that is a whole record only
/// missing its newline gets the newline. Unreadable lines elsewhere, and lines over
/// [`MAX_LINE_BYTES`], are errors with file and line. A log file that is a symlink, a FIFO or
/// anything but a regular file is an error for the file, never followed or read.
pub fn for_each_record(dir: &Path, mut f: impl FnMut(LogRecord)) -> LogSummary {
    let mut summary = LogSummary::default();
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return summary,
        Err(e) => {
            summary.errors.push(LogError {
                file: dir.to_path_buf(),
                line: None,
                message: e.to_string(),
            });
            return summary;
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
            summary.torn_files.push(entry.path());
        }
    }
    files.sort();
    for path in &files {
        read_file(path, &mut summary, &mut f);
    }
    summary.torn_files.sort();
    summary
}

fn error(file: &Path, line: Option<usize>, message: String) -> LogError {
    LogError {
        file: file.to_path_buf(),
        line,
        message,
    }
}

fn read_file(path: &Path, summary: &mut LogSummary, f: &mut dyn FnMut(LogRecord)) {
    // Read under the lock, so that a line being appended is never taken for a torn one.
    let opened = storage::open_for_append(path, false).and_then(|mut file| {
        storage::lock(&file)?;
        let set_aside = tail::repair(&mut file, path);
        file.seek(SeekFrom::Start(0))?;
        Ok((set_aside, file))
    });
    let file = match opened {
        Ok((Ok(set_aside), file)) => {
            if let Some(s) = set_aside {
                summary.torn_files.push(s.to.clone());
                summary.set_aside.push(s);
            }
            file
        }
        Ok((Err(e), file)) => {
            let message = format!("the torn last line could not be set aside: {e}");
            summary.errors.push(error(path, None, message));
            file
        }
        // Not writable: read it as it is, under the lock if one can be had; a torn last line
        // then shows as an error on its line. A link or a FIFO is refused here too.
        Err(_) => match storage::open_regular_no_follow(path) {
            Ok(file) => {
                let _ = storage::lock(&file);
                file
            }
            Err(e) => {
                summary.errors.push(error(path, None, e.to_string()));
                return;
            }
        },
    };
    stream_lines(path, file, summary, f);
}

/// Parses a file line by line, holding at most one line (of at most [`MAX_LINE_BYTES`]).
fn stream_lines(
    path: &Path,
    file: fs::File,
    summary: &mut LogSummary,
    f: &mut dyn FnMut(LogRecord),
) {
    let mut reader = BufReader::with_capacity(64 * 1024, file);
    let mut line = Vec::new();
    for n in 1.. {
        match read_line(&mut reader, &mut line) {
            Ok(Line::End) => break,
            Ok(Line::TooLong) => {
                let message = format!(
                    "a line over {} KiB: not a record, not read",
                    MAX_LINE_BYTES / 1024
                );
                summary.errors.push(error(path, Some(n), message));
            }
            Ok(Line::Whole) if line.iter().all(u8::is_ascii_whitespace) => {}
            Ok(Line::Whole) => match parse_line(&line) {
                Ok(r) => {
                    summary.records += 1;
                    f(r);
                }
                Err(message) => summary.errors.push(error(path, Some(n), message)),
            },
            Err(e) => {
                summary.errors.push(error(path, Some(n), e.to_string()));
                break;
            }
        }
    }
}

enum Line {
    /// A line is in the buffer, without its newline.
    Whole,
    /// The line was longer than [`MAX_LINE_BYTES`]; it was skipped to its end.
    TooLong,
    End,
}

/// Reads one line into `line` (cleared first), never holding more than [`MAX_LINE_BYTES`].
fn read_line(reader: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<Line> {
    line.clear();
    let (mut any, mut too_long) = (false, false);
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(match (any, too_long) {
                (false, _) => Line::End,
                (true, true) => Line::TooLong,
                (true, false) => Line::Whole,
            });
        }
        any = true;
        let newline = buf.iter().position(|&b| b == b'\n');
        let chunk = &buf[..newline.unwrap_or(buf.len())];
        if !too_long && line.len() + chunk.len() > MAX_LINE_BYTES {
            too_long = true;
            line.clear();
        }
        if !too_long {
            line.extend_from_slice(chunk);
        }
        let used = newline.map_or(buf.len(), |i| i + 1);
        reader.consume(used);
        if newline.is_some() {
            return Ok(if too_long { Line::TooLong } else { Line::Whole });
        }
    }
}
