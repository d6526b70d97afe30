//! The app's start: the guidance loaded, this instance's autosave slot claimed, and a call a
//! crashed instance left offered back.

use std::path::PathBuf;

use crate::ui::author::AuthorState;
use crate::ui::author::opener::SystemOpener;
use crate::ui::author::picker::NativePicker;
use crate::ui::guidance::{GuidanceSlot, reload};
use crate::ui::jobs::Jobs;
use crate::ui::mode::Mode;
use crate::ui::nurse::autosave;
use crate::ui::settings::{Settings, shown_dir};
use crate::ui::state::{AppState, Clock};
use crate::ui::statistics::StatisticsState;
use crate::ui::trainer::TrainerState;
use crate::ui::watch::{NotifyWatcher, Wake};

impl AppState {
    pub fn new(
        settings: Settings,
        guidance_dir: PathBuf,
        clock: Clock,
        autosave_path: Option<PathBuf>,
    ) -> Self {
        let today = clock().date_naive();
        let log_dir_input = shown_dir(settings.log_dir.as_deref());
        let mut state = Self {
            settings,
            guidance: GuidanceSlot::new(guidance_dir),
            call: None,
            clock,
            autosave_path,
            restore_offer: None,
            restore_source: None,
            autosave_slot: None,
            autosave_pending: None,
            show_help: false,
            help_scroll: 0,
            show_settings: false,
            log_dir_input,
            notice: None,
            confirm_new_call: false,
            mode: Mode::default(),
            author: AuthorState::default(),
            picker: Box::new(NativePicker),
            opener: Box::new(SystemOpener),
            handbook_dir: directories::ProjectDirs::from("fi", "Arvio", "arvio")
                .map(|d| d.cache_dir().join("handbook")),
            require_approval: false,
            wake: Wake::none(),
            watcher: Box::new(NotifyWatcher::default()),
            watching: None,
            trainer: TrainerState::default(),
            workbench_stale: true,
            statistics: StatisticsState::new(today),
            jobs: Jobs::default(),
            log_dir: None,
            presentation: false,
            managed: crate::config::Managed::none(),
            config_problems: Vec::new(),
            log_local: None,
        };
        reload::reload(&mut state);
        autosave::claim(&mut state);
        state
    }
}
