//! Appending a record to its monthly file: one whole line, flushed, under the file's lock.

use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::record::LogRecord;
use super::tail;
use crate::storage;

/// Appends a record to its monthly file in `dir` and flushes it to disk before returning the
/// file's path. Creates `dir` (0700) and the file (0600) as needed; a symlink at the file's name
/// is refused, never followed. The file is locked while writing, so another arvio process
/// reading or appending waits. A torn last line left by an earlier failed write is set aside
/// first (see [`super::read_dir`]), so the new record never lands glued to it;
/// [`super::read_dir`] lists it in `torn_files`.
pub fn append(dir: &Path, record: &LogRecord) -> io::Result<PathBuf> {
    storage::create_private_dir(dir)?;
    let path = dir.join(record.file_name());
    let existed = path.symlink_metadata().is_ok();
    let mut file = storage::open_for_append(&path, true)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    storage::lock(&file)?;
    if !tail::ends_in_newline(&mut file)? {
        tail::repair(&mut file, &path)?;
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
