//! [`AppState`]: everything the app holds. Views and keys read it and push intents;
//! [`AppState::apply`] (in `dispatch`) is the one place that changes it, so every action is
//! testable without a window and the autosave sees every change of the call.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use crate::autosave::{self, Autosave};
use crate::i18n::Msg;
use crate::record::record_text;
use crate::search::Hit;
use crate::text::Language;
use crate::ui::author::AuthorState;
use crate::ui::author::opener::Opener;
use crate::ui::author::picker::FolderPicker;
use crate::ui::guidance::GuidanceSlot;
use crate::ui::jobs::Jobs;
use crate::ui::mode::Mode;
use crate::ui::nurse::{CallView, Focus};
use crate::ui::settings::Settings;
use crate::ui::statistics::StatisticsState;
use crate::ui::trainer::TrainerState;
use crate::ui::watch::{Wake, Watcher};

/// The clock, passed in so that tests set "now".
pub type Clock = Box<dyn Fn() -> DateTime<FixedOffset>>;

pub struct AppState {
    pub settings: Settings,
    pub guidance: GuidanceSlot,
    pub call: Option<CallView>,
    pub clock: Clock,
    /// Where the assessment in progress is kept; `None` keeps nothing on disk.
    pub autosave_path: Option<PathBuf>,
    pub restore_offer: Option<Autosave>,
    /// The file the restore offer comes from (this instance's or a crashed one's).
    pub(crate) restore_source: Option<PathBuf>,
    /// This instance's autosave file, held against other instances.
    pub(crate) autosave_slot: Option<autosave::Slot>,
    /// Since when notes typed into the call are not yet in the autosave.
    pub autosave_pending: Option<DateTime<FixedOffset>>,
    pub show_help: bool,
    /// Pages the help window is still to scroll by (PgUp/PgDn, Home/End), once the view has.
    pub help_scroll: i32,
    pub show_settings: bool,
    /// The log folder as typed in the settings window.
    pub log_dir_input: String,
    /// A short notice for the status line.
    pub notice: Option<Notice>,
    /// Ctrl+N was pressed during a call: a second Ctrl+N discards it, Esc keeps it.
    pub confirm_new_call: bool,
    pub mode: Mode,
    pub author: AuthorState,
    pub picker: Box<dyn FolderPicker>,
    /// Opens the handbook in the browser (the system's in the app, a stand-in in tests).
    pub opener: Box<dyn Opener>,
    /// Where the handbook opened from author mode is written (private, the user's cache).
    pub handbook_dir: Option<PathBuf>,
    /// A real call starts only on approved guidance: the managed configuration's
    /// `require_approved_guidance` (true when its file is broken); practice and author mode work
    /// regardless.
    pub require_approval: bool,
    /// Wakes the UI when files change (the frame sets it to a repaint request).
    pub wake: Wake,
    /// Notices changes of the guidance folder on disk (notify in the app, a channel in tests).
    pub watcher: Box<dyn Watcher>,
    /// The folder the watcher was asked to watch, and whether it could.
    pub(crate) watching: Option<(PathBuf, bool)>,
    pub trainer: TrainerState,
    /// The scenario results and training cases belong to an older load of the guidance.
    pub(crate) workbench_stale: bool,
    pub statistics: StatisticsState,
    /// The work running off the UI thread: guidance loads, scenarios, analysis, diff, the log.
    pub jobs: Jobs,
    /// Where finished assessments are logged (anonymously); `None` logs nothing.
    pub log_dir: Option<PathBuf>,
    /// Large type and high contrast for a projector; hides the clock and personal settings.
    pub presentation: bool,
    /// The machine's managed configuration (none: every mode, nothing locked).
    pub managed: crate::config::Managed,
    /// What is wrong with the managed configuration file, shown until IT fixes it.
    pub config_problems: Vec<crate::diagnostic::Diagnostic>,
    /// This computer's own log folder, where records wait while the log folder (a share) cannot
    /// be reached; `None` keeps no such copy (the tests).
    pub log_local: Option<PathBuf>,
}

/// A short notice for the status line, put in words in the interface language when it is drawn
/// (so that changing the language changes it too).
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// One of the app's own sentences.
    Said(Msg),
    /// One of the app's sentences, then what went wrong (an error from the system).
    Failed(Msg, String),
    /// Text from elsewhere (a file's problems), as it is.
    Text(String),
}

impl Notice {
    pub fn text(&self, lang: Language) -> String {
        match self {
            Notice::Said(m) => m.get(lang).to_owned(),
            Notice::Failed(m, e) => format!("{}: {e}", m.get(lang)),
            Notice::Text(t) => t.clone(),
        }
    }
}

impl AppState {
    pub fn lang(&self) -> Language {
        self.settings.language
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        (self.clock)()
    }

    /// The record text of the call in progress, in the record language.
    pub fn record(&self) -> Option<String> {
        let c = self.call.as_ref()?;
        Some(record_text(
            &c.guidance,
            &c.assessment,
            &c.evaluation,
            &self.settings.assessor,
            self.now(),
            self.settings.record_language,
        ))
    }

    /// Red flags and reasons matching the search, in one list, best first.
    pub fn search_results(&self) -> Vec<Hit> {
        match &self.call {
            Some(c) if !c.search.trim().is_empty() => c.index.search_all(&c.search, self.lang()),
            _ => Vec::new(),
        }
    }

    /// Work is running off the UI thread (a guidance load, the scenarios, an analysis, …).
    pub fn busy(&self) -> bool {
        self.jobs.busy() || self.author.release_jobs.busy()
    }

    /// Takes in finished work until none runs or `limit` has passed, waiting between polls:
    /// for tests, benchmarks and tools, never for the UI (which polls once per frame).
    pub fn settle(&mut self, limit: std::time::Duration) {
        let start = std::time::Instant::now();
        loop {
            self.apply(crate::ui::intent::Intent::PollWork);
            if !self.busy() || start.elapsed() >= limit {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }

    /// The help or the settings window is open over the screen: it has the keyboard.
    pub fn overlay_open(&self) -> bool {
        self.show_help || self.show_settings
    }

    /// The call's focus model has the keyboard: the nurse's screen, a call on it in the search
    /// or the questions (or on the emergency screen), and no window or form over it. Its views
    /// then keep egui's focus on the search box or the highlighted question.
    pub fn call_has_keyboard(&self) -> bool {
        self.mode == Mode::Nurse
            && !self.overlay_open()
            && self.call.as_ref().is_some_and(|c| {
                c.override_form.is_none()
                    && matches!(c.focus, Focus::Search | Focus::Caller | Focus::Question(_))
            })
    }

    /// A real (not practice) call with anything in it: never replaced without the nurse's say.
    pub fn real_call_in_progress(&self) -> bool {
        self.call
            .as_ref()
            .is_some_and(|c| c.practice.is_none() && c.has_content())
    }
}
