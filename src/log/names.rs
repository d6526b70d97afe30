//! The log's file names: a desk's monthly file, and the spill files beside a file another
//! program holds.

use std::path::{Path, PathBuf};

use super::record::{FILE_PREFIX, FILE_SUFFIX, LogRecord};

/// The monthly file of a record: `arvio-<desk>-YYYY-MM.jsonl`, or `arvio-YYYY-MM.jsonl` without
/// a desk id (a single workstation, and every log written before desk ids). The desk id is
/// validated by the managed configuration (letters, digits, `-`, `_`): never a person's name.
pub fn file_name(record: &LogRecord, desk: Option<&str>) -> String {
    let month = record.finished.format("%Y-%m");
    match desk {
        Some(d) => format!("{FILE_PREFIX}{d}-{month}{FILE_SUFFIX}"),
        None => format!("{FILE_PREFIX}{month}{FILE_SUFFIX}"),
    }
}

/// The file `name` in `dir`, then its spill files `<stem>.2.jsonl` … `<stem>.9.jsonl`.
pub fn spill_names(dir: &Path, name: &str) -> Vec<PathBuf> {
    let stem = name.strip_suffix(FILE_SUFFIX).unwrap_or(name);
    std::iter::once(dir.join(name))
        .chain((2..=9).map(|n| dir.join(format!("{stem}.{n}{FILE_SUFFIX}"))))
        .collect()
}
