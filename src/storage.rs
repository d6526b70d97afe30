//! All file I/O on user data goes through here: bounded reads, private files and folders, atomic
//! writes, appends and locks. Every platform difference of the program lives in this file, each
//! with both branches written.
//!
//! - **Bounded reads** ([`read_bounded`]): regular files only (a FIFO, device or socket is refused
//!   without blocking), the size checked before reading and while reading; [`read_stamped`] also
//!   gives the file's [`Stamp`], [`read_inside`] follows symlinks only to files inside a folder,
//!   and [`list_dir`] lists a folder or fails (never an empty list for a folder it cannot read).
//! - **Private** ([`create_private_dir`], [`private_file`]): 0700 folders and 0600 files on unix;
//!   on Windows the user's profile folders are private by their inherited ACLs.
//! - **Atomic writes** ([`write_atomic`]): a temporary file beside the target, fsync, rename over
//!   the target (retried on Windows, where a virus scanner may hold the file a moment), fsync of
//!   the folder.
//! - **Locks** ([`lock`], [`try_lock`]): advisory on unix; where the file system has no locks the
//!   program goes on without.
//! - **No-follow** ([`open_for_append`], [`open_regular_no_follow`], [`create_new_private`],
//!   [`write_atomic`]'s temporary file): a symlink in the last component is refused, never
//!   followed, so a link planted in a data folder cannot make the program create, truncate or
//!   append to a file outside it. Every open here is also non-blocking, so a FIFO never hangs it.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] io::Error),
    /// A FIFO, device, socket or folder: never read, since reading one may block or never end.
    #[error("not a regular file")]
    NotRegular,
    #[error("the file is {size} bytes; at most {limit} are read")]
    TooLarge { size: u64, limit: usize },
    /// A symlink (or a path through one) that leads outside the folder it must stay in. Its
    /// target is never opened.
    #[error("a link to somewhere outside the folder")]
    Outside,
}

impl ReadError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }
}

/// Reads a regular file of at most `limit` bytes.
///
/// The file is opened without blocking (a FIFO with no writer would otherwise hang here), its
/// type checked on the open handle, its size checked before reading, and the read stops one byte
/// past the limit, so a file that grows meanwhile (or a `/proc` file that reports size 0) is
/// still refused.
pub fn read_bounded(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    read_stamped(path, limit).map(|(bytes, _)| bytes)
}

/// What tells one version of a file from another without reading it: length, modification and
/// change times, and (on unix) device and inode, so that a file replaced by a rename is a new
/// version even with the same length and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    id: (u64, u64),
    changed: (i64, i64),
}

impl Stamp {
    pub fn of(meta: &fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let (id, changed) = {
            use std::os::unix::fs::MetadataExt;
            ((meta.dev(), meta.ino()), (meta.ctime(), meta.ctime_nsec()))
        };
        #[cfg(not(unix))]
        let (id, changed) = ((0, 0), (0, 0));
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            id,
            changed,
        }
    }

    /// When the file was last modified, if the platform tells.
    pub fn modified(&self) -> Option<std::time::SystemTime> {
        self.modified
    }
}

/// The [`Stamp`] of the file at `path` now (through symlinks).
pub fn stamp(path: &Path) -> io::Result<Stamp> {
    fs::metadata(path).map(|m| Stamp::of(&m))
}

/// [`read_bounded`], with the [`Stamp`] of the open file taken before reading: if the stamp at
/// `path` is still the same after the read, the bytes are that version's.
pub fn read_stamped(path: &Path, limit: usize) -> Result<(Vec<u8>, Stamp), ReadError> {
    let file = open_regular(path)?;
    let meta = file.metadata()?;
    let stamp = Stamp::of(&meta);
    if meta.len() > limit as u64 {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok((bytes, stamp))
}

/// [`read_stamped`] of a file that must be inside the folder `root` (given canonical, see
/// [`fs::canonicalize`]): the path is resolved through every symlink first, and a path that then
/// leads outside `root` is [`ReadError::Outside`], its target never opened. A dangling link or a
/// link loop is the resolver's `Io` error.
pub fn read_inside(root: &Path, path: &Path, limit: usize) -> Result<(Vec<u8>, Stamp), ReadError> {
    let real = fs::canonicalize(path)?;
    if !real.starts_with(root) {
        return Err(ReadError::Outside);
    }
    read_stamped(&real, limit)
}

/// The names in a folder, sorted. A folder that cannot be listed (unreadable, not a folder, a
/// symlink loop) or an entry that cannot be read is an error, never a shorter list.
pub fn list_dir(dir: &Path) -> io::Result<Vec<std::ffi::OsString>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir)? {
        names.push(entry?.file_name());
    }
    names.sort();
    Ok(names)
}

/// Whether anything (a file, a folder, a link even dangling) is at `path`.
pub fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// Whether `path` is a folder (through symlinks).
pub fn is_dir(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_dir())
}

/// The machine-wide configuration folder, which IT writes and users only read:
/// `/etc/arvio` on unix; `%ProgramData%\Arvio` on Windows (`C:\ProgramData\Arvio`, writable
/// by administrators only when created by the installer; `None` if the variable is unset).
#[cfg(unix)]
pub fn machine_config_dir() -> Option<PathBuf> {
    Some(PathBuf::from("/etc/arvio"))
}

#[cfg(not(unix))]
pub fn machine_config_dir() -> Option<PathBuf> {
    std::env::var_os("ProgramData").map(|d| PathBuf::from(d).join("Arvio"))
}

/// Whether an open failed because another program holds the file without sharing it (Excel
/// opening a log file on Windows: `ERROR_SHARING_VIOLATION` 32, `ERROR_LOCK_VIOLATION` 33).
/// Unix has no such opens: never.
#[cfg(unix)]
pub fn is_held_elsewhere(_e: &io::Error) -> bool {
    false
}

#[cfg(not(unix))]
pub fn is_held_elsewhere(e: &io::Error) -> bool {
    matches!(e.raw_os_error(), Some(32 | 33))
}

/// A regular file opened for reading, without blocking on a FIFO; anything else is
/// [`ReadError::NotRegular`]. For readers that stream a file of unbounded size (the log).
pub fn open_regular(path: &Path) -> Result<fs::File, ReadError> {
    let file = open_for_reading(path)?;
    if !file.metadata()?.is_file() {
        return Err(ReadError::NotRegular);
    }
    Ok(file)
}

/// [`open_regular`], but a symlink at `path` is refused (an `InvalidInput` error naming it a
/// link) instead of followed. For files that must lie in their folder (the log).
pub fn open_regular_no_follow(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    open_no_follow(&mut options, path)
}

/// [`read_bounded`] as UTF-8 text; invalid UTF-8 is an `InvalidData` error.
pub fn read_text_bounded(path: &Path, limit: usize) -> Result<String, ReadError> {
    let bytes = read_bounded(path, limit)?;
    String::from_utf8(bytes)
        .map_err(|e| ReadError::Io(io::Error::new(io::ErrorKind::InvalidData, e)))
}

#[cfg(unix)]
fn open_for_reading(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    // Regular files ignore the flag for reads.
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_for_reading(path: &Path) -> io::Result<fs::File> {
    // Windows: opening a named pipe or device by a path in a user folder is not possible without
    // the `\\.\` prefix, and the type is checked on the handle before anything is read. Shared
    // read, write and delete, so that a reader never blocks the writer (FILE_SHARE_*: 1|2|4).
    use std::os::windows::fs::OpenOptionsExt;
    fs::OpenOptions::new().read(true).share_mode(7).open(path)
}

/// Creates a folder and its parents, the new ones readable by their owner alone (0700).
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Creates a shared folder and its parents (the user's default mode), e.g. `scenarios/` in a
/// guidance folder.
pub fn create_shared_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

/// [`create_private_dir`], and the folder itself narrowed to 0700 if it existed with looser
/// permissions (its parents are left as they are). For the app's own data folder.
pub fn private_dir(dir: &Path) -> io::Result<()> {
    create_private_dir(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Moves a file out of the way, never deleting it: renamed to the first free
/// `<name><mark><n>` (n from 1) in its folder, never over an existing file or link, and made
/// private (0600). Returns the new path.
pub fn set_aside(path: &Path, mark: &str) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for n in 1..10_000 {
        let to = path.with_file_name(format!("{name}{mark}{n}"));
        // A hard link fails when the name is taken, so nothing is ever replaced; where the file
        // system has none (FAT, some shares), a rename to a name seen free.
        match fs::hard_link(path, &to) {
            Ok(()) => fs::remove_file(path)?,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(_) if to.symlink_metadata().is_ok() => continue,
            Err(_) => rename(path, &to)?,
        }
        narrow_to_owner(&to)?;
        return Ok(to);
    }
    Err(io::Error::other("too many set-aside files"))
}

/// A file another library writes (eframe's `app.ron`, with `File::create`, which keeps an
/// existing file's mode): its folder made private (0700) and the file private (0600), created
/// empty when missing, so that it is never written readable by others. Its content is kept.
pub fn keep_private(path: &Path) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        private_dir(dir)?;
    }
    match create_new_private(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => narrow_to_owner(path),
        Err(e) => Err(e),
    }
}

/// 0600 on a regular file, through its open handle (a link is left alone, never followed).
fn narrow_to_owner(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        match open_regular_no_follow(path) {
            Ok(file) => file.set_permissions(fs::Permissions::from_mode(0o600))?,
            Err(_) if path.symlink_metadata().is_ok_and(|m| !m.is_file()) => {}
            Err(e) => return Err(e),
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// A regular file opened for writing (created or truncated), readable and writable by its owner
/// alone. A FIFO or device is refused without blocking.
pub fn private_file(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    non_blocking(&mut options);
    open_private(&mut options, path)
}

/// A new file (it must not exist yet), readable and writable by its owner alone. A symlink at
/// `path` is never followed: creating over it fails (`AlreadyExists`), even when it dangles.
pub fn create_new_private(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    no_follow(&mut options);
    open_private(&mut options, path)
}

/// A regular file open for reading and appending, 0600 on unix; created when `create`. Readers
/// elsewhere may open it meanwhile (Windows: shared read and write). A symlink at `path` is
/// refused, never followed, so nothing outside the file's folder is created or written. Anything
/// but a regular file (a FIFO would block the first read forever) is an `InvalidInput` error.
pub fn open_for_append(path: &Path, create: bool) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(create);
    no_follow(&mut options);
    let file = if create {
        open_private(&mut options, path)
    } else {
        open_shared(&mut options, path)
    }
    .map_err(|e| refused_link(path, e))?;
    check_regular(&file, path)?;
    Ok(file)
}

fn not_regular() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, "not a regular file")
}

/// An open that refused a symlink says so (unix gives `ELOOP`, "too many levels of symbolic
/// links", which would send a reader looking for a loop).
fn refused_link(path: &Path, e: io::Error) -> io::Error {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "a symbolic link: not followed, since the file must lie in its folder",
        )
    } else {
        e
    }
}

fn open_no_follow(options: &mut fs::OpenOptions, path: &Path) -> io::Result<fs::File> {
    no_follow(options);
    let file = open_shared(options, path).map_err(|e| refused_link(path, e))?;
    check_regular(&file, path)?;
    Ok(file)
}

/// Anything but a regular file is refused, by the open handle's type. Windows opens a link
/// itself under [`no_follow`], so a link is refused here, before a byte is read or written.
fn check_regular(file: &fs::File, path: &Path) -> io::Result<()> {
    let kind = file.metadata()?.file_type();
    if kind.is_symlink() {
        return Err(refused_link(path, not_regular()));
    }
    if !kind.is_file() {
        return Err(not_regular());
    }
    Ok(())
}

/// Sets the open never to follow a symlink in the last component, and never to block.
///
/// Unix: `O_NOFOLLOW` makes the open itself fail on a symlink (`ELOOP`); `O_NONBLOCK` makes a
/// FIFO with no peer fail (writing) or open at once (reading) instead of waiting, and is ignored
/// by regular files. Windows: `FILE_FLAG_OPEN_REPARSE_POINT` opens a symlink or junction as
/// itself instead of its target; the handle then reports a symlink, which the callers refuse
/// before reading or writing a byte (the link's own data is not touched: the check comes first).
/// Named pipes cannot be reached through a path in a user folder on Windows, so nothing blocks.
#[cfg(unix)]
fn no_follow(options: &mut fs::OpenOptions) {
    use std::os::unix::fs::OpenOptionsExt;
    options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
}

#[cfg(not(unix))]
fn no_follow(options: &mut fs::OpenOptions) {
    use std::os::windows::fs::OpenOptionsExt;
    const FILE_FLAG_OPEN_REPARSE_POINT: u32 = 0x0020_0000;
    options.custom_flags(FILE_FLAG_OPEN_REPARSE_POINT);
}

/// Sets the open never to block on a FIFO (see [`no_follow`]); follows symlinks.
#[cfg(unix)]
fn non_blocking(options: &mut fs::OpenOptions) {
    use std::os::unix::fs::OpenOptionsExt;
    options.custom_flags(libc::O_NONBLOCK);
}

#[cfg(not(unix))]
fn non_blocking(_options: &mut fs::OpenOptions) {}

#[cfg(unix)]
fn open_private(options: &mut fs::OpenOptions, path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let file = options.mode(0o600).open(path)?;
    check_regular(&file, path)?;
    // The mode above applies only to a file created now; an existing one is narrowed too.
    file.set_permissions(fs::Permissions::from_mode(0o600))?;
    Ok(file)
}

#[cfg(not(unix))]
fn open_private(options: &mut fs::OpenOptions, path: &Path) -> io::Result<fs::File> {
    // Windows has no mode bits: the file inherits the ACL of its folder, which for the user's
    // profile (%LOCALAPPDATA%) grants the user, SYSTEM and Administrators only.
    let file = open_shared(options, path)?;
    check_regular(&file, path)?;
    Ok(file)
}

#[cfg(unix)]
fn open_shared(options: &mut fs::OpenOptions, path: &Path) -> io::Result<fs::File> {
    options.open(path)
}

#[cfg(not(unix))]
fn open_shared(options: &mut fs::OpenOptions, path: &Path) -> io::Result<fs::File> {
    use std::os::windows::fs::OpenOptionsExt;
    // FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE.
    options.share_mode(7).open(path)
}

/// Writes a private file atomically: a temporary file beside it, fsync, rename over the target,
/// then fsync of the folder so that the new name itself is on disk. A reader sees the old file
/// or the new one, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    replace_with(path, bytes, create_new_private)
}

/// The atomic replacement both writers share: a new temporary file beside `path`, never an old
/// one opened again (whatever is at its name — a leftover of a crash, a FIFO, a symlink planted
/// there — is removed, not followed or written into), made by `create`, written and fsynced,
/// renamed over `path`, then the folder fsynced.
fn replace_with(
    path: &Path,
    bytes: &[u8],
    create: impl FnOnce(&Path) -> io::Result<fs::File>,
) -> io::Result<()> {
    let tmp = path.with_extension("tmp");
    remove(&tmp)?;
    let mut file = create(&tmp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    rename(&tmp, path)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        sync_dir(dir)?;
    }
    Ok(())
}

/// [`write_atomic`] for a file of a shared folder (a guidance folder's approval record): the new
/// file gets the user's default mode, not a private one, since others must read it; the folder
/// must exist. The temporary file is created new and never followed.
pub fn write_atomic_shared(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_with(path, bytes, |tmp| {
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        open_no_follow(&mut options, tmp)
    })
}

/// Writes a private file in place and flushes it to disk (for files that are written once).
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = private_file(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Writes a new shared file (one that must not exist yet, so nothing is ever overwritten and a
/// symlink at `path` is never followed) and flushes it and its name to disk. For files that
/// belong to a guidance folder, which its authors share: its mode is the user's default, not
/// private.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        sync_dir(dir)?;
    }
    Ok(())
}

/// Writes a new private file (it must not exist yet: `AlreadyExists` otherwise, and a symlink
/// at `path` is never followed) and flushes it and its name to disk.
pub fn write_new_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = create_new_private(path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        sync_dir(dir)?;
    }
    Ok(())
}

/// Renames `from` over `to`.
#[cfg(unix)]
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    fs::rename(from, to)
}

/// Renames `from` over `to`, retried for a moment: on Windows a virus scanner or indexer may
/// hold `to` open for a few milliseconds, and the rename then fails with "access denied".
#[cfg(not(unix))]
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    let mut last = None;
    for attempt in 0..10u64 {
        match fs::rename(from, to) {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                last = Some(e);
                std::thread::sleep(std::time::Duration::from_millis(10 * (attempt + 1)));
            }
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("rename failed")))
}

/// Removes a file; one that is not there is no error.
pub fn remove(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Flushes a folder's entries (a new or renamed file's name) to disk; a no-op where the platform
/// cannot (Windows flushes names with the file).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Waits for an exclusive lock until the file is closed; where the platform or file system has
/// no locks, goes on without.
pub fn lock(file: &fs::File) -> io::Result<()> {
    match file.lock() {
        Err(e) if e.kind() == io::ErrorKind::Unsupported => Ok(()),
        other => other,
    }
}

/// Takes an exclusive lock if it is free; `false` when another holder has it.
pub fn try_lock(file: &fs::File) -> bool {
    match file.try_lock() {
        Ok(()) => true,
        Err(fs::TryLockError::Error(e)) => e.kind() == io::ErrorKind::Unsupported,
        Err(fs::TryLockError::WouldBlock) => false,
    }
}

/// Opens (creating, 0600) a lock file and takes its lock if free.
pub fn try_lock_file(path: &Path) -> Option<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    no_follow(&mut options);
    let file = open_private(&mut options, path).ok()?;
    try_lock(&file).then_some(file)
}

/// Waits for the lock of `<path>.lock` (created 0600 beside `path`, never through a symlink)
/// and returns it held until dropped. A lock of its own rather than a lock of `path`: on Windows
/// `File::lock` is mandatory, so a locked data file could not even be read by another program
/// (Excel, a copy job), while a lock file is opened by no one but Arvio. Where the file system
/// has no locks, the open lock file is returned unlocked.
pub fn lock_beside(path: &Path) -> io::Result<fs::File> {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    let lock_path = PathBuf::from(name);
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    no_follow(&mut options);
    let file = open_private(&mut options, &lock_path).map_err(|e| refused_link(&lock_path, e))?;
    lock(&file)?;
    Ok(file)
}

/// Whether the lock of an existing lock file is free (its holder has gone).
pub fn lock_is_free(path: &Path) -> bool {
    let mut options = fs::OpenOptions::new();
    options.write(true);
    // Never blocks: a FIFO at the name has no holder.
    open_no_follow(&mut options, path)
        .map(|f| try_lock(&f))
        .unwrap_or(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 15: eframe writes app.ron with `File::create`, 0644 on a new file; kept private
    /// beforehand, it stays 0600 with its content, and its folder is 0700.
    #[cfg(unix)]
    #[test]
    fn a_file_another_library_writes_is_kept_private() {
        use std::io::Write;
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("arvio");
        let app = data.join("app.ron");
        keep_private(&app).unwrap();
        // As eframe saves: create (truncate) and write.
        fs::File::create(&app).unwrap().write_all(b"{}").unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&app), 0o600);
        assert_eq!(mode(&data), 0o700);
        // An existing world-readable file is narrowed and keeps what it holds.
        fs::set_permissions(&app, fs::Permissions::from_mode(0o644)).unwrap();
        keep_private(&app).unwrap();
        assert_eq!(mode(&app), 0o600);
        assert_eq!(fs::read(&app).unwrap(), b"{}");
    }

    #[test]
    fn a_bounded_read_refuses_a_file_over_the_limit_and_reads_one_at_it() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        fs::write(&p, b"12345").unwrap();
        assert_eq!(read_bounded(&p, 5).unwrap(), b"12345");
        assert!(matches!(
            read_bounded(&p, 4),
            Err(ReadError::TooLarge { size: 5, limit: 4 })
        ));
    }

    #[test]
    fn a_folder_is_not_read_as_a_file() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_bounded(dir.path(), 10),
            Err(ReadError::NotRegular)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once_instead_of_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&p).status();
        if !made.is_ok_and(|s| s.success()) {
            panic!("mkfifo is needed for this test");
        }
        assert!(matches!(read_bounded(&p, 10), Err(ReadError::NotRegular)));
    }

    #[cfg(unix)]
    #[test]
    fn atomic_writes_make_private_files_in_private_folders() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("new/sub/file.ron");
        write_atomic(&p, b"a").unwrap();
        write_atomic(&p, b"b").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"b");
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&p), 0o600);
        assert_eq!(mode(&dir.path().join("new/sub")), 0o700);
        assert!(!p.with_extension("tmp").exists());
    }

    #[test]
    fn a_lock_file_is_held_until_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.lock");
        let held = try_lock_file(&p).expect("free at first");
        assert!(!lock_is_free(&p));
        drop(held);
        assert!(lock_is_free(&p));
    }
}
