//! [`AppState::apply`], the one place where the state changes. Each intent goes to the handler
//! of its part of the app (the mode folders, the call's handlers in `nurse`, the guidance's
//! reload); the autosave is written here when the call changed.

use crate::i18n::Msg;
use crate::ui::guidance::reload;
use crate::ui::intent::{Applied, Change, Intent};
use crate::ui::mode::Mode;
use crate::ui::nurse::{answers, autosave, call, decision, reasons};
use crate::ui::settings::{Settings, shown_dir};
use crate::ui::state::{AppState, Notice};
use crate::ui::{author, statistics, trainer, workbench};

impl AppState {
    /// Applies the intents in order.
    pub fn apply_all(&mut self, intents: Vec<Intent>) -> Applied {
        intents
            .into_iter()
            .fold(Applied::default(), |done, i| done.and(self.apply(i)))
    }

    /// Carries out `intent` and reports whether the call changed; the autosave is written only
    /// then (notes being typed: soon after, see `nurse::autosave`).
    pub fn apply(&mut self, intent: Intent) -> Applied {
        match intent {
            Intent::FocusField(field) => {
                return Applied {
                    focus: Some(field),
                    ..Applied::default()
                };
            }
            Intent::CopyRecord => {
                return Applied {
                    copy: call::copy_record(self),
                    ..Applied::default()
                };
            }
            Intent::RestoreAutosave => {
                let change = autosave::restore(self);
                // The call now lives in this instance's own file; the crashed one's can go.
                autosave::save(self);
                autosave::remove_restore_source(self);
                return Applied {
                    call_changed: change == Change::Call,
                    ..Applied::default()
                };
            }
            _ => {}
        }
        let change = self.route(intent);
        if let Some(c) = &mut self.call {
            c.forget_stale_ticks();
        }
        match change {
            Change::Call => autosave::save(self),
            Change::Typing => autosave::hold(self),
            Change::None => {}
        }
        Applied {
            call_changed: change != Change::None,
            ..Applied::default()
        }
    }

    /// Hands `intent` to the handler of its part of the app.
    fn route(&mut self, intent: Intent) -> Change {
        match intent {
            Intent::DiscardAutosave => {
                autosave::decline(self);
                Change::None
            }
            Intent::SaveAutosave => autosave::flush(self),
            Intent::FinishCall if self.call.as_ref().is_some_and(|c| c.practice.is_some()) => {
                trainer::handle::finish_practice(self)
            }
            i @ (Intent::NewCall
            | Intent::StartCallTyping(_)
            | Intent::KeepCall
            | Intent::FinishCall
            | Intent::DiscardCall) => call::apply(self, i),
            i @ (Intent::SetSearch(_)
            | Intent::MoveHighlight(_)
            | Intent::AddHighlighted
            | Intent::AddReason(_)
            | Intent::RemoveReason(_)
            | Intent::RemoveLastReason
            | Intent::AskRedFlag(_)) => reasons::apply(self, i),
            i @ (Intent::Focus(_)
            | Intent::FocusNext
            | Intent::FocusPrevious
            | Intent::SetCaller(_)
            | Intent::Answer(..)
            | Intent::NoneOfThese(_)
            | Intent::ToggleChoice(..)
            | Intent::NumberText(_)
            | Intent::CommitNumber) => answers::apply(self, i),
            i @ (Intent::Accept
            | Intent::OpenOverride
            | Intent::EditOverride(_)
            | Intent::SaveOverride
            | Intent::CancelOverride
            | Intent::EditNotes(_)
            | Intent::SetNotes(_)
            | Intent::CycleCaller
            | Intent::SetEmergencyAction(_)
            | Intent::CycleChannel
            | Intent::ScrollPanel(_)
            | Intent::PanelScrolled) => decision::apply(self, i),
            Intent::PollWork => {
                reload::apply(self, Intent::PollWork);
                workbench::poll(self);
                author::handle::poll(self);
                author::release::poll(self);
                statistics::handle::poll(self);
                Change::None
            }
            i @ (Intent::ReloadGuidance | Intent::OpenGuidance(_) | Intent::PickGuidanceFolder) => {
                reload::apply(self, i);
                Change::None
            }
            i @ (Intent::SetAuthorPath(_)
            | Intent::RunAnalysis
            | Intent::SetBaselinePath(_)
            | Intent::PickBaseline
            | Intent::CompareWith(_)
            | Intent::OpenScenario(_)
            | Intent::SetScenarioName(_)
            | Intent::SaveAsScenario) => author::handle::apply(self, i),
            i @ (Intent::OpenHandbook
            | Intent::ChangesSinceApproved
            | Intent::PickApprovedRelease) => author::release::apply(self, i),
            i @ (Intent::TrainerTab(_)
            | Intent::SelectCase(_)
            | Intent::StartPractice
            | Intent::ReplayCase
            | Intent::ReplayStep(_)
            | Intent::MapReason(_)
            | Intent::SaveSummary) => trainer::handle::apply(self, i),
            i @ (Intent::EditPeriod(..) | Intent::RefreshStats | Intent::ExportCsv) => {
                statistics::handle::apply(self, i);
                Change::None
            }
            i @ (Intent::SetMode(_)
            | Intent::ToggleHelp
            | Intent::ScrollHelp(_)
            | Intent::HelpScrolled
            | Intent::ToggleSettings
            | Intent::SetSettings(_)
            | Intent::EditLogDir(_)
            | Intent::SetZoom(_)
            | Intent::TogglePresentation
            | Intent::SetWake(_)
            | Intent::OpenLog(_)) => {
                apply_app(self, i);
                Change::None
            }
            Intent::FocusField(_) | Intent::CopyRecord | Intent::RestoreAutosave => Change::None,
        }
    }
}

/// The intents of the app as a whole: mode, overlays, settings, zoom, the watcher, the log.
fn apply_app(s: &mut AppState, intent: Intent) {
    match intent {
        Intent::SetMode(m) if !s.managed.offers(crate::ui::managed::mode_name(m)) => {
            s.notice = Some(Notice::Said(Msg::ModeNotOffered));
        }
        Intent::SetMode(m) => {
            s.mode = m;
            workbench::load(s);
            if m == Mode::Statistics {
                statistics::handle::refresh(s);
            }
        }
        Intent::ToggleHelp => {
            s.show_help = !s.show_help;
            s.help_scroll = 0;
        }
        Intent::ScrollHelp(pages) => s.help_scroll = pages,
        Intent::HelpScrolled => s.help_scroll = 0,
        Intent::ToggleSettings => s.show_settings = !s.show_settings,
        Intent::SetSettings(new) => set_settings(s, new),
        Intent::EditLogDir(text) => s.log_dir_input = text,
        Intent::SetZoom(zoom) => s.settings.zoom = zoom,
        Intent::TogglePresentation => s.presentation = !s.presentation,
        Intent::SetWake(wake) => {
            s.wake = wake;
            // Watch again, so that the watcher wakes the UI this way.
            s.watching = None;
        }
        Intent::OpenLog(dir) => statistics::handle::open_log(s, dir),
        _ => {}
    }
}

fn set_settings(s: &mut AppState, new: Settings) {
    let new = crate::ui::managed::user_change(&s.settings, new, &s.managed);
    if new.log_dir != s.settings.log_dir {
        s.log_dir_input = shown_dir(new.log_dir.as_deref());
        let dir = new.log_dir.clone().or_else(|| s.log_local.clone());
        statistics::handle::open_log(s, dir);
    }
    s.settings = new;
}
