//! The managed configuration in the app: the user's settings under it (a locked setting takes
//! IT's value, one the user has not chosen follows IT's default), where each setting in use
//! comes from, the modes offered and the guidance folder chosen at start.

use std::path::PathBuf;

use crate::config::{Loaded, Managed, ModeName, Setting, Source};
use crate::ui::mode::Mode;
use crate::ui::settings::Settings;
use crate::ui::state::AppState;

/// The configuration's name of a mode.
pub fn mode_name(mode: Mode) -> ModeName {
    match mode {
        Mode::Nurse => ModeName::Nurse,
        Mode::Author => ModeName::Author,
        Mode::Trainer => ModeName::Trainer,
        Mode::Statistics => ModeName::Statistics,
    }
}

/// The first mode `managed` offers (the nurse's, unless it is not offered).
pub fn first_mode(managed: &Managed) -> Mode {
    [Mode::Nurse, Mode::Author, Mode::Trainer, Mode::Statistics]
        .into_iter()
        .find(|m| managed.offers(mode_name(*m)))
        .unwrap_or_default()
}

/// `settings` as they apply under `managed`: a locked setting takes the managed value (the
/// built-in default when the file gives none; a broken file locks each at what the user has),
/// a setting the user has not chosen takes the managed value or the built-in default, and a
/// chosen one stays the user's.
pub fn apply(settings: &Settings, managed: &Managed) -> Settings {
    let mut s = settings.clone();
    let default = Settings::default();
    for setting in crate::config::Setting::ALL {
        let locked = managed.is_locked(setting);
        if locked {
            s.chosen.remove(&setting);
        }
        if managed.broken || (!locked && settings.chosen.contains(&setting)) {
            continue;
        }
        match setting {
            Setting::Language => s.language = managed.language.unwrap_or(default.language),
            Setting::RecordLanguage => {
                s.record_language = managed.record_language.unwrap_or(default.record_language);
            }
            Setting::Guidance => s.last_guidance = managed.guidance.clone(),
            Setting::LogDir => s.log_dir = managed.log_dir.clone(),
            Setting::AutosaveFreeText => {
                s.autosave_free_text = managed
                    .autosave_free_text
                    .unwrap_or(default.autosave_free_text);
            }
        }
    }
    if managed.broken {
        s.autosave_free_text = false;
    }
    s
}

/// Whether `setting` differs between `a` and `b`.
fn differs(a: &Settings, b: &Settings, setting: Setting) -> bool {
    match setting {
        Setting::Language => a.language != b.language,
        Setting::RecordLanguage => a.record_language != b.record_language,
        Setting::Guidance => a.last_guidance != b.last_guidance,
        Setting::LogDir => a.log_dir != b.log_dir,
        Setting::AutosaveFreeText => a.autosave_free_text != b.autosave_free_text,
    }
}

/// The settings after the user changed `old` into `new`: a change of a locked setting is
/// undone, a change of another one makes it the user's choice, and a log folder cleared goes
/// back to the managed folder (or the built-in one).
pub fn user_change(old: &Settings, mut new: Settings, managed: &Managed) -> Settings {
    for setting in Setting::ALL {
        if !differs(old, &new, setting) {
            continue;
        }
        if managed.is_locked(setting) {
            let mut undone = new.clone();
            restore(&mut undone, old, setting);
            new = undone;
        } else if setting == Setting::LogDir && new.log_dir.is_none() {
            new.chosen.remove(&setting);
            new.log_dir = managed.log_dir.clone();
        } else {
            new.chosen.insert(setting);
        }
    }
    new
}

fn restore(s: &mut Settings, old: &Settings, setting: Setting) {
    match setting {
        Setting::Language => s.language = old.language,
        Setting::RecordLanguage => s.record_language = old.record_language,
        Setting::Guidance => s.last_guidance = old.last_guidance.clone(),
        Setting::LogDir => s.log_dir = old.log_dir.clone(),
        Setting::AutosaveFreeText => s.autosave_free_text = old.autosave_free_text,
    }
}

/// The guidance folder to start on: IT's when locked (the shipped one when IT locks it without
/// naming one); else the one given on the command line, the user's own, IT's, the shipped one.
pub fn guidance_dir(given: Option<PathBuf>, settings: &Settings, managed: &Managed) -> PathBuf {
    let shipped = crate::config::locations::shipped_guidance;
    if managed.is_locked(Setting::Guidance) && !managed.broken {
        return managed.guidance.clone().unwrap_or_else(shipped);
    }
    let own = settings
        .chosen
        .contains(&Setting::Guidance)
        .then(|| settings.last_guidance.clone())
        .flatten();
    let given = given.filter(|_| !managed.broken);
    given
        .or(own)
        .or_else(|| managed.guidance.clone())
        .unwrap_or_else(shipped)
}

impl AppState {
    /// Where the value in use of `setting` comes from.
    pub fn source(&self, setting: Setting) -> Source {
        self.managed
            .source(setting, self.settings.chosen.contains(&setting))
    }

    /// Puts the app under a managed configuration: its settings applied, a mode it does not
    /// offer left, the log folder it names opened, and its problems shown until it is fixed.
    pub fn set_managed(&mut self, loaded: Loaded) {
        self.settings = apply(&self.settings, &loaded.managed);
        self.require_approval = loaded.managed.require_approved_guidance;
        if !loaded.managed.offers(mode_name(self.mode)) {
            self.mode = first_mode(&loaded.managed);
        }
        self.log_dir_input = crate::ui::settings::shown_dir(self.settings.log_dir.as_deref());
        self.config_problems = loaded.problems;
        self.managed = loaded.managed;
        let log_dir = self
            .settings
            .log_dir
            .clone()
            .or_else(|| self.log_local.clone());
        if log_dir != self.log_dir {
            crate::ui::statistics::handle::open_log(self, log_dir);
        }
    }

    /// Where a finished call's record goes: the log folder, with this desk's id, and this
    /// computer's own log folder while that one cannot be reached.
    pub fn log_destination(&self) -> Option<crate::log::Destination> {
        let dir = self.log_dir.clone()?;
        Some(crate::log::Destination {
            local: self.log_local.clone().filter(|l| *l != dir),
            dir,
            desk: self.managed.desk.clone(),
        })
    }
}
