//! Appending a record to its monthly file: one whole line, flushed, under the file's lock file.

use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::record::LogRecord;
use super::{names, tail};
use crate::storage;

/// [`append_as`] without a desk id: the file is `arvio-YYYY-MM.jsonl`.
pub fn append(dir: &Path, record: &LogRecord) -> io::Result<PathBuf> {
    append_as(dir, None, record)
}

/// Appends a record to the desk's monthly file in `dir` (`arvio-<desk>-YYYY-MM.jsonl`, see
/// [`names::file_name`]) and flushes it to disk before returning the file's path. Creates `dir`
/// (0700) and the file (0600) as needed; a symlink at the file's name is refused, never
/// followed. Writers and readers of Arvio take the file's lock file (`<file>.lock`, see
/// [`storage::lock_beside`]), never a lock of the file itself, so a program that merely reads
/// it is never locked out and never locks the nurse out. When another program holds the file
/// without sharing it (Windows: Excel), the record goes into the next free spill file beside it
/// (`…-YYYY-MM.2.jsonl` to `.9.jsonl`), which every reader reads too. A torn last line left by an
/// earlier failed write is set aside first (see [`super::read_dir`]), so the new record never
/// lands glued to it.
pub fn append_as(dir: &Path, desk: Option<&str>, record: &LogRecord) -> io::Result<PathBuf> {
    storage::create_private_dir(dir)?;
    let name = names::file_name(record, desk);
    let mut held = None;
    for path in names::spill_names(dir, &name) {
        match append_to(dir, &path, record) {
            Ok(()) => return Ok(path),
            Err(e) if storage::is_held_elsewhere(&e) => held = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(held.unwrap_or_else(|| io::Error::other("every log file is held by another program")))
}

fn append_to(dir: &Path, path: &Path, record: &LogRecord) -> io::Result<()> {
    let existed = path.symlink_metadata().is_ok();
    let _lock = storage::lock_beside(path)
        .map_err(|e| io::Error::new(e.kind(), format!("{}.lock: {e}", path.display())))?;
    let mut file = storage::open_for_append(path, true).map_err(|e| {
        if storage::is_held_elsewhere(&e) {
            e
        } else {
            io::Error::new(e.kind(), format!("{}: {e}", path.display()))
        }
    })?;
    if !tail::ends_in_newline(&mut file)? {
        tail::repair(&mut file, path)?;
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
    Ok(())
}
