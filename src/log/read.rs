//! Reading a log folder tree: every `arvio-*.jsonl` streamed line by line, each file's torn tail
//! set aside first under its lock file. Lines are parsed in bounded batches split between the
//! machine's cores, and handed over in line order. [`for_each_record`] hands records over one at a time (memory
//! stays bounded whatever the log's size); [`read_dir`] collects them for a caller that needs
//! them all (the app's statistics view).

use std::fmt;
use std::fs;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::ops::Range;
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

/// Streams every `arvio-*.jsonl` in `dir` and its subfolders (a tree of many desks and months,
/// see [`MAX_DEPTH`]; symlinked folders are not followed), files in path order and lines in file
/// order, handing each record to `f` as it is read; a missing directory is an empty log. A torn
/// last line (no trailing newline, or not JSON) is moved into `<file>.torn-<n>` (0600), cut
/// from the log file and reported in `set_aside`; a last line that is a whole record only
/// missing its newline gets the newline. Unreadable lines elsewhere, and lines over
/// [`MAX_LINE_BYTES`], are errors with file and line. A log file that is a symlink, a FIFO or
/// anything but a regular file is an error for the file, never followed or read.
pub fn for_each_record(dir: &Path, mut f: impl FnMut(LogRecord)) -> LogSummary {
    let mut summary = LogSummary::default();
    let mut files = Vec::new();
    match fs::symlink_metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return summary,
        _ => walk(dir, 0, &mut files, &mut summary),
    }
    files.sort();
    for path in &files {
        read_file(path, &mut summary, &mut f);
    }
    summary.torn_files.sort();
    summary
}

/// How deep a log tree is walked below its folder (e.g. `year/desk/` is two).
pub const MAX_DEPTH: usize = 8;

/// Collects the log files of `dir` and of its subfolders (the folders of many desks and
/// months), never through a symlinked folder, at most [`MAX_DEPTH`] below the top.
fn walk(dir: &Path, depth: usize, files: &mut Vec<PathBuf>, summary: &mut LogSummary) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            summary.errors.push(error(dir, None, e.to_string()));
            return;
        }
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir {
            if depth < MAX_DEPTH {
                walk(&entry.path(), depth + 1, files, summary);
            }
            continue;
        }
        if !name.starts_with(FILE_PREFIX) {
            continue;
        }
        if name.ends_with(FILE_SUFFIX) {
            files.push(entry.path());
        } else if name.contains(&format!("{FILE_SUFFIX}{TORN_MARK}")) {
            summary.torn_files.push(entry.path());
        }
    }
}

fn error(file: &Path, line: Option<usize>, message: String) -> LogError {
    LogError {
        file: file.to_path_buf(),
        line,
        message,
    }
}

fn read_file(path: &Path, summary: &mut LogSummary, f: &mut dyn FnMut(LogRecord)) {
    // Under the file's lock file, so that a line being appended is never taken for a torn one;
    // the lock is held only to repair the tail and take the length, so a long read never keeps
    // a nurse waiting. What lies within that length is whole lines: writers only append.
    let opened = storage::lock_beside(path).and_then(|lock| {
        let mut file = storage::open_for_append(path, false)?;
        let set_aside = tail::repair(&mut file, path);
        let len = file.metadata()?.len();
        file.seek(SeekFrom::Start(0))?;
        drop(lock);
        Ok((set_aside, file, len))
    });
    let (file, len) = match opened {
        Ok((Ok(set_aside), file, len)) => {
            if let Some(s) = set_aside {
                summary.torn_files.push(s.to.clone());
                summary.set_aside.push(s);
            }
            (file, len)
        }
        Ok((Err(e), file, len)) => {
            let message = format!("the torn last line could not be set aside: {e}");
            summary.errors.push(error(path, None, message));
            (file, len)
        }
        // Not writable (a collected copy, a read-only share): read it as it is; a torn last
        // line then shows as an error on its line. A link or a FIFO is refused here too.
        Err(_) => match storage::open_regular_no_follow(path) {
            Ok(file) => (file, u64::MAX),
            Err(e) => {
                summary.errors.push(error(path, None, e.to_string()));
                return;
            }
        },
    };
    stream_lines(path, file.take(len), summary, f);
}

/// Lines are parsed a batch at a time, the batch split between threads: at most this many
/// lines…
const BATCH_LINES: usize = 8192;
/// …or this many bytes, so that memory stays bounded whatever the lines hold.
const BATCH_BYTES: usize = 4 * 1024 * 1024;
/// A batch smaller than this is parsed on the calling thread.
const PARALLEL_FROM: usize = 512;

/// One line of a batch: its number and where it lies in the batch's bytes, or a line too long
/// to hold.
enum Item {
    Line(usize, Range<usize>),
    TooLong(usize),
}

/// Parses a file line by line, a bounded batch at a time (see [`BATCH_LINES`]), and hands the
/// records and errors over in line order.
fn stream_lines(
    path: &Path,
    file: impl Read,
    summary: &mut LogSummary,
    f: &mut dyn FnMut(LogRecord),
) {
    let mut reader = BufReader::with_capacity(64 * 1024, file);
    let mut bytes = Vec::new();
    let mut items = Vec::new();
    let mut n = 0;
    loop {
        n += 1;
        let start = bytes.len();
        let read = read_line(&mut reader, &mut bytes);
        let end = matches!(read, Ok(Line::End) | Err(_));
        match read {
            Ok(Line::End) => {}
            Ok(Line::TooLong) => items.push(Item::TooLong(n)),
            Ok(Line::Whole) if bytes[start..].iter().all(u8::is_ascii_whitespace) => {
                bytes.truncate(start);
            }
            Ok(Line::Whole) => items.push(Item::Line(n, start..bytes.len())),
            Err(ref e) => {
                // The lines before it are handed over first, in order.
                deliver(path, &bytes, &items, summary, f);
                summary.errors.push(error(path, Some(n), e.to_string()));
                return;
            }
        }
        if end || items.len() >= BATCH_LINES || bytes.len() >= BATCH_BYTES {
            deliver(path, &bytes, &items, summary, f);
            bytes.clear();
            items.clear();
        }
        if end {
            return;
        }
    }
}

/// Parses a batch, on several threads when it is large, and hands it over in line order.
fn deliver(
    path: &Path,
    bytes: &[u8],
    items: &[Item],
    summary: &mut LogSummary,
    f: &mut dyn FnMut(LogRecord),
) {
    let parse = |item: &Item| match item {
        Item::Line(n, range) => parse_line(&bytes[range.clone()]).map_err(|m| (*n, m)),
        Item::TooLong(n) => Err((
            *n,
            format!(
                "a line over {} KiB: not a record, not read",
                MAX_LINE_BYTES / 1024
            ),
        )),
    };
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let parsed: Vec<_> = if threads < 2 || items.len() < PARALLEL_FROM {
        items.iter().map(parse).collect()
    } else {
        let per_thread = items.len().div_ceil(threads.min(8));
        std::thread::scope(|scope| {
            let parts: Vec<_> = items
                .chunks(per_thread)
                .map(|part| scope.spawn(move || part.iter().map(parse).collect::<Vec<_>>()))
                .collect();
            parts
                .into_iter()
                .flat_map(|part| part.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        })
    };
    for result in parsed {
        match result {
            Ok(r) => {
                summary.records += 1;
                f(r);
            }
            Err((n, message)) => summary.errors.push(error(path, Some(n), message)),
        }
    }
}

enum Line {
    /// A line was appended to the buffer, without its newline.
    Whole,
    /// The line was longer than [`MAX_LINE_BYTES`]; it was skipped to its end and nothing kept.
    TooLong,
    End,
}

/// Appends one line to `bytes`, without its newline, never more than [`MAX_LINE_BYTES`] of it.
fn read_line(reader: &mut impl BufRead, bytes: &mut Vec<u8>) -> io::Result<Line> {
    let start = bytes.len();
    let limit = MAX_LINE_BYTES as u64 + 1;
    if (&mut *reader).take(limit).read_until(b'\n', bytes)? == 0 {
        return Ok(Line::End);
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
        return Ok(Line::Whole);
    }
    if bytes.len() - start <= MAX_LINE_BYTES {
        // The last line of the file, without a newline.
        return Ok(Line::Whole);
    }
    // Too long: skip the rest of it a bounded piece at a time, keeping nothing.
    bytes.truncate(start);
    let mut rest = Vec::new();
    loop {
        rest.clear();
        let read = (&mut *reader).take(limit).read_until(b'\n', &mut rest)?;
        if read == 0 || rest.last() == Some(&b'\n') {
            return Ok(Line::TooLong);
        }
    }
}
