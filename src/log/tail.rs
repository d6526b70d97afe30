//! The end of a log file: a torn last line (a crash during a write) is found by reading back
//! from the end, copied into a new `<file>.torn-<n>` (0600, created new, never over a link) and
//! only then cut from the log; a whole record missing only its newline gets the newline. Only
//! the tail is read, so a large log costs no more than a small one.

use std::fmt;
use std::fs;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::record::{MAX_LINE_BYTES, TORN_MARK, parse_line};
use crate::storage;

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

/// How much is read at a time when scanning a file.
const CHUNK: usize = 16 * 1024;

/// Looks at the end of a log file, open for reading and writing and locked: a torn last line
/// (no newline and not a whole record, or not JSON at all) is set aside, a whole record missing
/// only its newline is completed. Returns what was set aside.
pub fn repair(file: &mut fs::File, path: &Path) -> io::Result<Option<SetAside>> {
    let len = file.metadata()?.len();
    let Some(end) = rfind(file, len, |b| !b.is_ascii_whitespace())? else {
        return Ok(None);
    };
    // The last line that is not blank, with whatever blanks follow it to the end of the file.
    let start = rfind(file, end, |b| b == b'\n')?.map_or(0, |i| i + 1);
    let has_newline = find(file, end, len, |b| b == b'\n')?.is_some();
    let content_len = end + 1 - start;
    let content = if content_len <= MAX_LINE_BYTES as u64 {
        let mut content = vec![0; content_len as usize];
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(&mut content)?;
        Some(content)
    } else {
        None
    };
    match (&content, has_newline) {
        // Written whole, newline and all: an over-long line is reported by the reader.
        (None, true) => return Ok(None),
        (Some(c), true) if serde_json::from_slice::<serde_json::Value>(c).is_ok() => {
            return Ok(None);
        }
        (Some(c), false) if parse_line(c).is_ok() => {
            // Written whole but for the newline: complete it rather than set a record aside.
            file.seek(SeekFrom::End(0))?;
            file.write_all(b"\n")?;
            file.sync_all()?;
            return Ok(None);
        }
        _ => {}
    }
    let line = count_newlines(file, start)? + 1;
    let (to, mut torn) = create_torn(path)?;
    file.seek(SeekFrom::Start(start))?;
    let bytes = io::copy(&mut (&mut *file).take(len - start), &mut torn)?;
    torn.sync_all()?;
    drop(torn);
    if let Some(dir) = path.parent() {
        storage::sync_dir(dir)?;
    }
    // Only now cut it from the log: a crash in between leaves it in both places, never in none.
    file.set_len(start)?;
    file.sync_all()?;
    Ok(Some(SetAside {
        file: path.to_path_buf(),
        line,
        to,
        bytes: bytes as usize,
    }))
}

/// Whether a file is empty or its last byte is a newline, reading only that byte.
pub fn ends_in_newline(file: &mut fs::File) -> io::Result<bool> {
    if file.metadata()?.len() == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// The last offset before `before` whose byte matches, reading back a chunk at a time.
fn rfind(file: &mut fs::File, before: u64, hit: impl Fn(u8) -> bool) -> io::Result<Option<u64>> {
    let mut buf = vec![0; CHUNK];
    let mut to = before;
    while to > 0 {
        let from = to.saturating_sub(CHUNK as u64);
        let chunk = &mut buf[..(to - from) as usize];
        file.seek(SeekFrom::Start(from))?;
        file.read_exact(chunk)?;
        if let Some(i) = chunk.iter().rposition(|&b| hit(b)) {
            return Ok(Some(from + i as u64));
        }
        to = from;
    }
    Ok(None)
}

/// The first offset in `from..to` whose byte matches, reading a chunk at a time.
fn find(
    file: &mut fs::File,
    from: u64,
    to: u64,
    hit: impl Fn(u8) -> bool,
) -> io::Result<Option<u64>> {
    let mut buf = vec![0; CHUNK];
    let mut at = from;
    file.seek(SeekFrom::Start(from))?;
    while at < to {
        let chunk = &mut buf[..(to - at).min(CHUNK as u64) as usize];
        file.read_exact(chunk)?;
        if let Some(i) = chunk.iter().position(|&b| hit(b)) {
            return Ok(Some(at + i as u64));
        }
        at += chunk.len() as u64;
    }
    Ok(None)
}

/// Newlines in the first `len` bytes: the line number of a torn line is their count plus one.
fn count_newlines(file: &mut fs::File, len: u64) -> io::Result<usize> {
    let mut buf = vec![0; CHUNK];
    file.seek(SeekFrom::Start(0))?;
    let mut reader = (&mut *file).take(len);
    let mut count = 0;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => return Ok(count),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        count += buf[..n].iter().filter(|&&b| b == b'\n').count();
    }
}

/// The first free `<file>.torn-<n>`, from 1, created new: a name already taken, by a file or by
/// a link (even a dangling one), is passed over, never written through.
fn create_torn(path: &Path) -> io::Result<(PathBuf, fs::File)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for n in 1..10_000 {
        let candidate = path.with_file_name(format!("{name}{TORN_MARK}{n}"));
        match storage::create_new_private(&candidate) {
            Ok(file) => return Ok((candidate, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many set-aside files"))
}
