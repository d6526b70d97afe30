//! Where things are found whatever folder the app was started in: the managed configuration
//! file, and the guidance shipped with the app (found beside the executable, so that a fresh
//! install started from a desktop shortcut has it).

use std::path::{Path, PathBuf};

use crate::storage;

/// The environment variable that names another managed configuration file (for tests, and for
/// trying a new file before IT rolls it out); `--config` wins over it.
pub const CONFIG_ENV: &str = "ARVIO_CONFIG";

/// The configuration file's name in the machine's configuration folder.
pub const CONFIG_FILE: &str = "config.ron";

/// The shipped guidance's folder, relative to the installed data folder.
pub const SHIPPED_GUIDANCE: &str = "rules/default";

/// The managed configuration file to read: `explicit` (`--config`), else `$ARVIO_CONFIG`, else
/// the machine's (`/etc/arvio/config.ron` on Linux, `%ProgramData%\Arvio\config.ron` on
/// Windows, see [`storage::machine_config_dir`]).
pub fn managed_path(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(CONFIG_ENV).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(p));
    }
    storage::machine_config_dir().map(|d| d.join(CONFIG_FILE))
}

/// The folders the shipped guidance may be in, most likely first: beside the executable (the
/// Windows layout: `C:\Program Files\Arvio\rules\default`), in the data folder beside its
/// `bin` (the Debian package: `/usr/share/arvio/rules/default` for `/usr/bin/arvio`), and in the
/// source tree the program was built from (`cargo run`).
pub fn shipped_guidance_candidates(exe: Option<&Path>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(dir) = exe.and_then(Path::parent) {
        out.push(dir.join(SHIPPED_GUIDANCE));
        if let Some(prefix) = dir.parent() {
            out.push(prefix.join("share/arvio").join(SHIPPED_GUIDANCE));
        }
    }
    out.push(Path::new(env!("CARGO_MANIFEST_DIR")).join(SHIPPED_GUIDANCE));
    out
}

/// The shipped guidance: the first candidate that is a folder, else the last candidate (so that
/// "no guidance" names a real place to look).
pub fn shipped_guidance() -> PathBuf {
    let exe = std::env::current_exe().ok();
    let candidates = shipped_guidance_candidates(exe.as_deref());
    candidates
        .iter()
        .find(|c| storage::is_dir(c))
        .unwrap_or_else(|| candidates.last().expect("one candidate at least"))
        .clone()
}
