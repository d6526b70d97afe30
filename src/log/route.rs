//! Where a record goes: the shared folder, or the local folder while the shared one cannot be
//! reached, forwarded to the shared folder once it is back (the files' names: `names`).

use std::io;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::record::{FILE_PREFIX, FILE_SUFFIX, LogRecord};
use super::write::append_as;
use crate::storage;

/// The largest local file forwarded in one piece (a desk's month is well under a megabyte).
pub const MAX_FORWARD_BYTES: usize = 64 * 1024 * 1024;

/// Where this workstation logs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    /// The log folder (a share, or the user's own data folder).
    pub dir: PathBuf,
    /// The desk id in file names.
    pub desk: Option<String>,
    /// A folder on this computer for records the log folder could not take (the share is
    /// down); `None` when `dir` is itself local.
    pub local: Option<PathBuf>,
}

/// Where a record was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivered {
    Shared(PathBuf),
    /// Into the local folder, since the log folder failed with this error.
    Local(PathBuf, String),
}

impl Destination {
    /// Appends `record` to the log folder, else (the share is down, or refuses) to the local
    /// folder. An error only when neither took it: then the call must not be reported finished.
    pub fn append(&self, record: &LogRecord) -> io::Result<Delivered> {
        let shared = append_as(&self.dir, self.desk.as_deref(), record);
        match (shared, &self.local) {
            (Ok(path), _) => Ok(Delivered::Shared(path)),
            (Err(e), Some(local)) if local != &self.dir => {
                let path = append_as(local, self.desk.as_deref(), record)?;
                Ok(Delivered::Local(path, e.to_string()))
            }
            (Err(e), _) => Err(e),
        }
    }

    /// Moves every file of the local folder into the log folder: copied there whole under a
    /// name made of its content's hash (`<stem>.local-<hash>.jsonl`, created new and fsync'd),
    /// and only then removed here. A crash in between leaves the same content under the same
    /// name, which the next attempt finds and does not copy again, so nothing is lost or
    /// counted twice. Returns the files moved; the first error stops it (the share went down
    /// again), leaving the rest for the next time.
    pub fn forward(&self) -> io::Result<Vec<PathBuf>> {
        let Some(local) = self.local.as_ref().filter(|l| **l != self.dir) else {
            return Ok(Vec::new());
        };
        let names = match storage::list_dir(local) {
            Ok(names) => names,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut moved = Vec::new();
        for name in names {
            let name = name.to_string_lossy().into_owned();
            if name.starts_with(FILE_PREFIX) && name.ends_with(FILE_SUFFIX) {
                moved.push(self.forward_one(&local.join(&name), &name)?);
            }
        }
        Ok(moved)
    }

    fn forward_one(&self, path: &Path, name: &str) -> io::Result<PathBuf> {
        // Under the file's lock: another instance on this desk may be appending to it.
        let _lock = storage::lock_beside(path)?;
        let bytes = storage::read_bounded(path, MAX_FORWARD_BYTES).map_err(|e| match e {
            storage::ReadError::Io(e) => e,
            other => io::Error::other(other.to_string()),
        })?;
        let hash: String = Sha256::digest(&bytes)
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect();
        let stem = name.strip_suffix(FILE_SUFFIX).unwrap_or(name);
        let to = self.dir.join(format!("{stem}.local-{hash}{FILE_SUFFIX}"));
        storage::create_private_dir(&self.dir)?;
        match storage::write_new_private(&to, &bytes) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let there = storage::read_bounded(&to, MAX_FORWARD_BYTES)
                    .map_err(|e| io::Error::other(format!("{}: {e}", to.display())))?;
                if there != bytes {
                    return Err(io::Error::other(format!(
                        "{}: another file under this name",
                        to.display()
                    )));
                }
            }
            Err(e) => return Err(e),
        }
        storage::remove(path)?;
        Ok(to)
    }
}
