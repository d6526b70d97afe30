//! The managed configuration: what the county's IT sets for every user of a workstation, in one
//! machine-wide file (see [`locations::managed_path`] and docs/DEPLOYMENT.md): the guidance
//! folder, the shared log folder, the modes offered, the default languages, the settings a user
//! may not change, the desk id in log file names, and whether real calls need approved guidance.
//!
//! The file is read bounded (through `storage`), parsed into [`raw::RawConfig`] and validated
//! into [`Managed`], every problem with its `file:line:col`. No file is no managed configuration
//! ([`Managed::none`]); a file that cannot be read or validated is never half applied: the app
//! runs in its most restrictive form ([`Managed::fail_closed`]) and shows the problems.

pub mod locations;
pub mod raw;
mod validate;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic};
use crate::source::Position;
use crate::text::Language;

/// The largest configuration file read: a real one is well under a kilobyte.
pub const MAX_CONFIG_BYTES: usize = 64 * 1024;

/// The app's modes, as the configuration names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ModeName {
    Nurse,
    Author,
    Trainer,
    Statistics,
}

impl ModeName {
    pub const ALL: [ModeName; 4] = [
        ModeName::Nurse,
        ModeName::Author,
        ModeName::Trainer,
        ModeName::Statistics,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ModeName::Nurse => "nurse",
            ModeName::Author => "author",
            ModeName::Trainer => "trainer",
            ModeName::Statistics => "statistics",
        }
    }
}

/// A setting the managed configuration may set and lock.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    Language,
    RecordLanguage,
    Guidance,
    LogDir,
    AutosaveFreeText,
}

impl Setting {
    pub const ALL: [Setting; 5] = [
        Setting::Language,
        Setting::RecordLanguage,
        Setting::Guidance,
        Setting::LogDir,
        Setting::AutosaveFreeText,
    ];

    /// The name in `config.ron` (its field, and an entry of `locked`).
    pub fn name(self) -> &'static str {
        match self {
            Setting::Language => "language",
            Setting::RecordLanguage => "record_language",
            Setting::Guidance => "guidance",
            Setting::LogDir => "log_dir",
            Setting::AutosaveFreeText => "autosave_free_text",
        }
    }
}

/// Where the value of a setting in use comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The managed configuration, and the user may not change it.
    Locked,
    /// The managed configuration's default; the user has not chosen otherwise.
    Managed,
    /// The user's own choice.
    User,
    /// The app's built-in default.
    Default,
}

/// The renderer that draws the app's window (the GUI maps it to eframe's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renderer {
    /// OpenGL: Mesa's llvmpipe on a Linux desk without a GPU.
    Glow,
    /// Vulkan, DirectX 12 or Metal: Mesa's lavapipe, or Windows' WARP, without a GPU.
    Wgpu,
}

impl Renderer {
    pub const ALL: [Renderer; 2] = [Renderer::Glow, Renderer::Wgpu];

    pub fn name(self) -> &'static str {
        match self {
            Renderer::Glow => "glow",
            Renderer::Wgpu => "wgpu",
        }
    }

    /// The renderer `s` names (any case, spaces around ignored).
    pub fn from_name(s: &str) -> Option<Renderer> {
        let s = s.trim();
        Renderer::ALL
            .into_iter()
            .find(|r| r.name().eq_ignore_ascii_case(s))
    }
}

/// The validated managed configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Managed {
    /// The file it was read from; `None` when there is none.
    pub file: Option<PathBuf>,
    /// The desk id in this workstation's log file names.
    pub desk: Option<String>,
    pub guidance: Option<PathBuf>,
    pub log_dir: Option<PathBuf>,
    /// The modes offered, in the app's order; never empty.
    pub modes: Vec<ModeName>,
    pub language: Option<Language>,
    pub record_language: Option<Language>,
    pub autosave_free_text: Option<bool>,
    pub locked: BTreeSet<Setting>,
    pub require_approved_guidance: bool,
    /// The renderer IT chose for this desk; `None`: the platform's default.
    pub renderer: Option<Renderer>,
    /// The file was there but could not be read or validated ([`Managed::fail_closed`]).
    pub broken: bool,
}

impl Managed {
    /// No managed configuration: every mode, nothing set, nothing locked.
    pub fn none() -> Managed {
        Managed {
            file: None,
            desk: None,
            guidance: None,
            log_dir: None,
            modes: ModeName::ALL.to_vec(),
            language: None,
            record_language: None,
            autosave_free_text: None,
            locked: BTreeSet::new(),
            require_approved_guidance: false,
            renderer: None,
            broken: false,
        }
    }

    /// What a broken file gives: nothing of it is applied (a file half read is no one's
    /// intent), and everything it might have restricted is restricted: the nurse's mode only,
    /// every setting locked at what the user has, free text kept off disk, and real calls
    /// only on approved guidance. The app still starts, and shows why.
    pub fn fail_closed(file: &Path) -> Managed {
        Managed {
            file: Some(file.to_path_buf()),
            modes: vec![ModeName::Nurse],
            autosave_free_text: Some(false),
            locked: Setting::ALL.into_iter().collect(),
            require_approved_guidance: true,
            broken: true,
            ..Managed::none()
        }
    }

    pub fn offers(&self, mode: ModeName) -> bool {
        self.modes.contains(&mode)
    }

    pub fn is_locked(&self, setting: Setting) -> bool {
        self.locked.contains(&setting)
    }

    /// Whether the file gives `setting` a value.
    pub fn sets(&self, setting: Setting) -> bool {
        match setting {
            Setting::Language => self.language.is_some(),
            Setting::RecordLanguage => self.record_language.is_some(),
            Setting::Guidance => self.guidance.is_some(),
            Setting::LogDir => self.log_dir.is_some(),
            Setting::AutosaveFreeText => self.autosave_free_text.is_some(),
        }
    }

    /// Where the value in use of `setting` comes from, given whether the user has chosen one.
    pub fn source(&self, setting: Setting, user_chose: bool) -> Source {
        // A setting locked without a value is locked at the built-in default (or, when the file
        // is broken, at what the user has).
        if self.is_locked(setting) {
            Source::Locked
        } else if user_chose {
            Source::User
        } else if self.sets(setting) {
            Source::Managed
        } else {
            Source::Default
        }
    }
}

/// A managed configuration read, with what was wrong with it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub managed: Managed,
    /// Empty unless the file was broken (then [`Managed::broken`] is set).
    pub problems: Vec<Diagnostic>,
}

/// Reads the managed configuration at `path`: none when no file is there, else the file
/// validated, or [`Managed::fail_closed`] with every problem.
pub fn load(path: &Path) -> Loaded {
    let src = match crate::storage::read_text_bounded(path, MAX_CONFIG_BYTES) {
        Ok(src) => src,
        Err(e) if e.is_not_found() => {
            return Loaded {
                managed: Managed::none(),
                problems: Vec::new(),
            };
        }
        Err(e) => {
            let pos = Position { line: 1, col: 1 };
            let problem = Diagnostic::new(path, pos, Code::Io, crate::msg!(ConfigUnreadable, e));
            return Loaded {
                managed: Managed::fail_closed(path),
                problems: vec![problem],
            };
        }
    };
    match parse(path, &src) {
        Ok(managed) => Loaded {
            managed,
            problems: Vec::new(),
        },
        Err(problems) => Loaded {
            managed: Managed::fail_closed(path),
            problems: crate::diagnostic::with_lines(problems, path, &src),
        },
    }
}

/// Parses and validates the text of a configuration file.
pub fn parse(path: &Path, src: &str) -> Result<Managed, Vec<Diagnostic>> {
    let raw: raw::RawConfig = crate::guidance::load::parse_ron(path, src).map_err(|d| vec![d])?;
    validate::validate(path, src, raw)
}
