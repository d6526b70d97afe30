//! A guidance folder on disk: which files make it up, each read only if it is a regular file
//! inside the folder, and one consistent snapshot of them all.
//!
//! - **Listing**: a folder that exists but cannot be listed (unreadable, a regular file, a
//!   symlink loop) is an error naming it, never an empty guidance; an absent `questions/` or
//!   `reasons/` is simply empty.
//! - **Confinement**: symlinks are followed only to regular files inside the folder
//!   ([`storage::read_inside`]); anything else is an error that names the link, and its target
//!   is never read, so no caret line can show its content.
//! - **Snapshot**: every file is stamped when read and again when all are read, and the listing
//!   taken again; if anything changed (a `git pull` or a copy in progress) the whole folder is
//!   read again, and after [`TRIES`] tries the load fails with "changed while loading". A
//!   mixture of two versions is never accepted: not one torn between reads, and not one caught
//!   between two files of a pull either, since a folder modified less than [`SETTLE`] ago is
//!   accepted only once it has stayed the same for [`SETTLE`].

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::diagnostic::{Code, Diagnostic};
use crate::msg;
use crate::source::Position;
use crate::storage::{self, ReadError, Stamp};

/// Larger files are refused: no real guidance comes near it, and it bounds memory and time.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// The settings file of every guidance folder.
pub const GUIDANCE_FILE: &str = "guidance.ron";
pub const REASONS_DIR: &str = "reasons";
/// The shared question pool.
pub const QUESTIONS_DIR: &str = "questions";

/// How many times a folder that keeps changing is read before the load gives up.
pub const TRIES: usize = 3;
/// How long a folder just modified must stay the same before it is taken as one version: a
/// `git pull` or a copy writes its files closer together than this.
pub const SETTLE: Duration = Duration::from_millis(10);

const HERE: Position = Position { line: 1, col: 1 };

/// The files of a guidance, relative to its folder in load order, with their text: all of them
/// one version.
#[derive(Debug)]
pub struct Snapshot {
    pub files: Vec<PathBuf>,
    pub sources: Vec<String>,
}

/// Reads every file of the guidance in `dir` as one consistent version (see the module).
pub fn read_snapshot(dir: &Path) -> Result<Snapshot, Vec<Diagnostic>> {
    read_snapshot_with(dir, &mut |_| {})
}

/// [`read_snapshot`], calling `between` after each file is read (tests change files there).
pub fn read_snapshot_with(
    dir: &Path,
    between: &mut dyn FnMut(&Path),
) -> Result<Snapshot, Vec<Diagnostic>> {
    // A file that could not be read leaves no stamp to compare: its error is taken only when
    // the next reading gives the same (a folder switched away and back meanwhile does not).
    let mut failed: Option<Vec<Diagnostic>> = None;
    for _ in 0..TRIES {
        match read_once(dir, between) {
            Some(Ok(snapshot)) => return Ok(snapshot),
            Some(Err(diags)) if failed.as_ref() == Some(&diags) => return Err(diags),
            Some(Err(diags)) => failed = Some(diags),
            None => failed = None,
        }
    }
    Err(vec![Diagnostic::new(
        dir,
        HERE,
        Code::Io,
        msg!(LoadChangedWhileLoading, TRIES),
    )])
}

/// One reading of the folder; `None` when something changed meanwhile.
fn read_once(
    dir: &Path,
    between: &mut dyn FnMut(&Path),
) -> Option<Result<Snapshot, Vec<Diagnostic>>> {
    let root = match fs::canonicalize(dir) {
        Ok(root) => root,
        Err(e) => return Some(Err(vec![cannot_read_folder(dir, &e)])),
    };
    // Everything is read through `root`, the folder as it was resolved now: one switched
    // meanwhile (a link swapped to another checkout) does not change this reading. Diagnostics
    // name the paths as the user gave them.
    let folders = folder_stamps(&root);
    let same_folder = || folder_stamps(&root) == folders;
    let files = match guidance_files(dir, &root) {
        Ok(files) => files,
        Err(diags) => return same_folder().then_some(Err(diags)),
    };
    let mut sources = Vec::with_capacity(files.len());
    let mut stamps: Vec<Option<Stamp>> = Vec::with_capacity(files.len());
    let mut diags = Vec::new();
    for rel in &files {
        let path = dir.join(rel);
        let (text, stamp) = match read_inside(&root, &root.join(rel), &path) {
            Ok((text, stamp)) => (text, Some(stamp)),
            Err((d, stamp)) => {
                diags.push(d);
                (String::new(), stamp)
            }
        };
        sources.push(text);
        stamps.push(stamp);
        between(&path);
    }
    let unchanged = || {
        guidance_files(dir, &root).is_ok_and(|again| again == files)
            && same_folder()
            && files.iter().zip(&stamps).all(|(rel, before)| {
                before.is_none_or(|before| storage::stamp(&root.join(rel)).ok() == Some(before))
            })
    };
    if !unchanged() {
        return None;
    }
    let youngest = stamps
        .iter()
        .chain(&folders)
        .flatten()
        .filter_map(Stamp::modified)
        .max();
    if let Some(wait) = youngest.and_then(still_settling) {
        std::thread::sleep(wait);
        if !unchanged() {
            return None;
        }
    }
    Some(if diags.is_empty() {
        Ok(Snapshot { files, sources })
    } else {
        Err(diags)
    })
}

/// The stamps of the folder and its subfolders, whose times change when a file is added,
/// removed or renamed into them.
fn folder_stamps(dir: &Path) -> Vec<Option<Stamp>> {
    [
        dir.to_path_buf(),
        dir.join(QUESTIONS_DIR),
        dir.join(REASONS_DIR),
    ]
    .iter()
    .map(|p| storage::stamp(p).ok())
    .collect()
}

/// How much longer to wait for a folder last modified at `modified` to settle; none when it
/// has (or when the file system's clock is ahead of ours, where the age cannot be told).
fn still_settling(modified: SystemTime) -> Option<Duration> {
    let age = SystemTime::now().duration_since(modified).ok()?;
    SETTLE.checked_sub(age).filter(|d| !d.is_zero())
}

/// A file of the folder `root` (canonical) as text, with its stamp; the stamp also when only
/// its decoding failed.
#[allow(clippy::result_large_err)]
fn read_inside(
    root: &Path,
    real: &Path,
    shown: &Path,
) -> Result<(String, Stamp), (Diagnostic, Option<Stamp>)> {
    let (bytes, stamp) = storage::read_inside(root, real, MAX_FILE_BYTES)
        .map_err(|e| (read_error(shown, e), None))?;
    let text = source_from_bytes(shown, bytes).map_err(|d| (d, Some(stamp)))?;
    Ok((text, stamp))
}

/// A file inside the guidance folder `guidance_dir` (a scenario, a training case) as text:
/// symlinks followed only to regular files inside the folder.
pub fn read_file_inside(guidance_dir: &Path, path: &Path) -> Result<String, Diagnostic> {
    let root = fs::canonicalize(guidance_dir).map_err(|e| cannot_read_folder(guidance_dir, &e))?;
    read_inside(&root, path, path)
        .map(|(text, _)| text)
        .map_err(|(d, _)| d)
}

/// A refused read as a diagnostic naming `path`: the reason, never the content.
pub fn read_error(path: &Path, e: ReadError) -> Diagnostic {
    match e {
        ReadError::TooLarge { size, .. } => Diagnostic::new(
            path,
            HERE,
            Code::TooLarge,
            msg!(LoadTooLarge, size, MAX_FILE_BYTES),
        ),
        ReadError::NotRegular => Diagnostic::new(path, HERE, Code::Io, msg!(LoadNotRegular)),
        ReadError::Outside => Diagnostic::new(path, HERE, Code::Io, msg!(LoadLinkOutside)),
        ReadError::Io(e) => Diagnostic::new(path, HERE, Code::Io, msg!(LoadCannotReadFile, e)),
    }
}

fn cannot_read_folder(dir: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(dir, HERE, Code::Io, msg!(LoadCannotReadFolder, e))
}

/// The files that make up the guidance, relative to `dir`, in load order.
fn guidance_files(dir: &Path, root: &Path) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let names = storage::list_dir(root).map_err(|e| vec![cannot_read_folder(dir, &e)])?;
    let mut diags = Vec::new();
    let mut has_settings = false;
    for name in names.into_iter().map(PathBuf::from) {
        if name == Path::new(GUIDANCE_FILE) {
            has_settings = true;
        } else if name == Path::new(crate::approval::APPROVAL_FILE) {
            // The approval record: beside the guidance, not part of it (nor of its hash).
        } else if name.extension().is_some_and(|e| e == "ron") {
            diags.push(Diagnostic::new(
                dir.join(&name),
                HERE,
                Code::Layout,
                msg!(
                    LoadNotPartOfGuidance,
                    name.display(),
                    GUIDANCE_FILE,
                    REASONS_DIR,
                    QUESTIONS_DIR
                ),
            ));
        }
    }
    if !has_settings {
        diags.push(Diagnostic::new(
            dir.join(GUIDANCE_FILE),
            HERE,
            Code::Io,
            msg!(LoadNeedsSettings, GUIDANCE_FILE),
        ));
    }
    let mut files = vec![PathBuf::from(GUIDANCE_FILE)];
    for sub in [QUESTIONS_DIR, REASONS_DIR] {
        match ron_files_in(dir, root, sub) {
            Ok(found) => files.extend(found),
            Err(d) => diags.push(d),
        }
    }
    if diags.is_empty() {
        Ok(files)
    } else {
        Err(crate::diagnostic::sorted(diags))
    }
}

/// The `.ron` files of the subfolder `sub` of the guidance folder `dir` (canonical: `root`,
/// where it is listed), relative to `dir`, sorted; none when the subfolder is absent. One that
/// exists but cannot be listed, or leads outside the folder, is an error naming it.
pub fn ron_files_in(dir: &Path, root: &Path, sub: &str) -> Result<Vec<PathBuf>, Diagnostic> {
    let (shown, folder) = (dir.join(sub), root.join(sub));
    if !storage::exists(&folder) {
        return Ok(Vec::new());
    }
    let cannot_list =
        |e: std::io::Error| Diagnostic::new(&shown, HERE, Code::Io, msg!(LoadCannotListFolder, e));
    let real = fs::canonicalize(&folder).map_err(cannot_list)?;
    if !real.starts_with(root) {
        return Err(Diagnostic::new(
            &shown,
            HERE,
            Code::Io,
            msg!(LoadLinkOutside),
        ));
    }
    let names = storage::list_dir(&folder).map_err(cannot_list)?;
    Ok(names
        .into_iter()
        .map(PathBuf::from)
        .filter(|name| name.extension().is_some_and(|e| e == "ron"))
        .map(|name| Path::new(sub).join(name))
        .collect())
}

/// The `.ron` files of `<guidance_dir>/<sub>` (scenarios, training cases) as full paths, sorted;
/// none when the subfolder is absent, an error when it cannot be listed.
pub fn subfolder_files(guidance_dir: &Path, sub: &str) -> Result<Vec<PathBuf>, Diagnostic> {
    if !storage::exists(&guidance_dir.join(sub)) {
        return Ok(Vec::new());
    }
    let root = fs::canonicalize(guidance_dir).map_err(|e| cannot_read_folder(guidance_dir, &e))?;
    let files = ron_files_in(guidance_dir, &root, sub)?;
    Ok(files
        .into_iter()
        .map(|rel| guidance_dir.join(rel))
        .collect())
}

/// Reads a file as text within the size limit ([`storage::read_bounded`]: regular files only,
/// the size checked before and while reading). For files given by the user (`--answers`); files
/// of a guidance folder are read with [`read_file_inside`].
pub fn read_source(path: &Path) -> Result<String, Diagnostic> {
    let bytes = storage::read_bounded(path, MAX_FILE_BYTES).map_err(|e| read_error(path, e))?;
    source_from_bytes(path, bytes)
}

/// Text from bytes; invalid UTF-8 is reported where it starts.
pub fn source_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::new(
            path,
            HERE,
            Code::TooLarge,
            msg!(LoadTooLarge, bytes.len(), MAX_FILE_BYTES),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.replace_range(..3, " ");
            }
            Ok(s)
        }
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let valid = String::from_utf8_lossy(valid);
            Err(Diagnostic::new(
                path,
                end_position(&valid),
                Code::Io,
                msg!(LoadNotUtf8),
            ))
        }
    }
}

fn end_position(text: &str) -> Position {
    let line = 1 + text.matches('\n').count();
    let col = 1 + text.rsplit('\n').next().map_or(0, |l| l.chars().count());
    Position { line, col }
}
