//! The app's state and the one place where intents change it.
//!
//! Views read [`AppState`] and push [`Intent`]s; [`AppState::apply`] carries them out. Nothing
//! else mutates the state, so every action is testable without a window and the autosave sees
//! every change.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Caller, Channel, DecisionError, OverrideReason};
use crate::autosave::{self, Autosave};
use crate::call::Value;
use crate::diagnostic::Diagnostic;
use crate::disposition::Resolved;
use crate::engine::{Evaluation, evaluate};
use crate::guidance::{Guidance, QuestionId, QuestionKind, ReasonId, load_guidance};
use crate::record::{Assessor, record_text};
use crate::search::ReasonIndex;
use crate::text::Language;
use crate::ui::author::{AuthorState, FolderPicker, NativePicker, ShownDiagnostic};
use crate::ui::statistics::StatisticsState;
use crate::ui::trainer::{Practice, TrainerState, TrainerTab};
use crate::ui::watch::{Wake, Watch};

/// What the user keeps between sessions (eframe persistence). Never anything of a call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub language: Language,
    pub record_language: Language,
    pub assessor: Assessor,
    pub dark: bool,
    pub zoom: f32,
    pub last_guidance: Option<PathBuf>,
    /// Where the anonymous log goes; `None` means the platform's data directory.
    pub log_dir: Option<PathBuf>,
    /// Guidance folders opened in author mode, most recent first.
    pub recent: Vec<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: Language::Fi,
            record_language: Language::Fi,
            assessor: Assessor::default(),
            dark: false,
            zoom: 1.25,
            last_guidance: None,
            log_dir: None,
            recent: Vec::new(),
        }
    }
}

/// What the app is being used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Nurse,
    Author,
    Trainer,
    Statistics,
}

/// The clock, passed in so that tests set "now".
pub type Clock = Box<dyn Fn() -> DateTime<FixedOffset>>;

/// Where keyboard input goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Search,
    Question(QuestionId),
    /// The override form is open; egui's own focus moves between its widgets.
    Override,
    Notes,
}

/// The guidance in use, and the errors of the last attempt to load it.
pub struct GuidanceSlot {
    pub dir: PathBuf,
    pub current: Option<Arc<Guidance>>,
    /// Errors of the last load; with `current` set, the last good guidance is still in use.
    pub errors: Vec<Diagnostic>,
    stamp: Vec<(PathBuf, Option<std::time::SystemTime>)>,
}

pub struct CallView {
    /// The guidance the call started on: a reload on disk never changes a call in progress,
    /// so its answers, proposal and record always belong to one guidance version.
    pub guidance: Arc<Guidance>,
    pub index: ReasonIndex,
    pub assessment: Assessment,
    pub evaluation: Evaluation,
    pub focus: Focus,
    pub search: String,
    pub highlight: usize,
    /// Digits typed for the focused number question.
    pub number: String,
    pub override_form: Option<OverrideForm>,
    pub message: Option<String>,
    /// A practice call: answers come from the case, revealed when the trainee asks.
    pub practice: Option<Practice>,
}

impl CallView {
    /// A call on `guidance`, evaluated, with the keyboard on its first unanswered question.
    pub fn new(guidance: Arc<Guidance>, assessment: Assessment) -> Self {
        let evaluation = evaluate(&guidance, &assessment.call);
        Self {
            index: ReasonIndex::new(&guidance),
            focus: evaluation.next.map_or(Focus::Search, Focus::Question),
            guidance,
            assessment,
            evaluation,
            search: String::new(),
            highlight: 0,
            number: String::new(),
            override_form: None,
            message: None,
            practice: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OverrideForm {
    pub disposition: Resolved,
    pub category: String,
    pub text: String,
    pub error: Option<String>,
}

/// Everything a view can ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    SetMode(Mode),
    RunAnalysis,
    SetBaselinePath(String),
    PickBaseline,
    CompareWith(PathBuf),
    StatsPeriod(String, String),
    RefreshStats,
    ExportCsv,
    TrainerTab(TrainerTab),
    SelectCase(usize),
    StartPractice,
    ReplayCase,
    ReplayStep(i32),
    MapReason(ReasonId),
    SaveSummary,
    TogglePresentation,
    SetAuthorPath(String),
    OpenGuidance(PathBuf),
    PickGuidanceFolder,
    OpenScenario(usize),
    SetScenarioName(String),
    SaveAsScenario,
    NewCall,
    /// Answers "no" to discarding the call in progress.
    KeepCall,
    FinishCall,
    DiscardCall,
    SetSearch(String),
    MoveHighlight(i32),
    AddHighlighted,
    AddReason(ReasonId),
    RemoveReason(ReasonId),
    Focus(Focus),
    FocusNext,
    FocusPrevious,
    /// Answers and moves on to the next question.
    Answer(QuestionId, Option<Value>),
    ToggleChoice(QuestionId, u8),
    NumberText(String),
    CommitNumber,
    Accept,
    OpenOverride,
    EditOverride(OverrideForm),
    SaveOverride,
    CancelOverride,
    SetNotes(String),
    CycleCaller,
    CycleChannel,
    CopyRecord,
    ToggleHelp,
    ToggleSettings,
    SetSettings(Settings),
    RestoreAutosave,
    DiscardAutosave,
    ReloadGuidance,
}

pub struct AppState {
    pub settings: Settings,
    pub guidance: GuidanceSlot,
    pub call: Option<CallView>,
    pub clock: Clock,
    /// Where the assessment in progress is kept; `None` keeps nothing on disk.
    pub autosave_path: Option<PathBuf>,
    pub restore_offer: Option<Autosave>,
    /// The file the restore offer comes from (this instance's or a crashed one's).
    restore_source: Option<PathBuf>,
    /// This instance's autosave file, held against other instances.
    autosave_slot: Option<autosave::Slot>,
    pub show_help: bool,
    pub show_settings: bool,
    /// Text the frame should put on the clipboard.
    pub clipboard: Option<String>,
    /// A short notice for the status line.
    pub notice: Option<String>,
    /// Ctrl+N was pressed during a call: a second Ctrl+N discards it, Esc keeps it.
    pub confirm_new_call: bool,
    pub mode: Mode,
    pub author: AuthorState,
    pub picker: Box<dyn FolderPicker>,
    /// Wakes the UI when files change (the frame sets it to a repaint request).
    pub wake: Wake,
    watch: Option<Watch>,
    pub trainer: TrainerState,
    /// The scenario results and training cases belong to an older load of the guidance.
    workbench_stale: bool,
    pub statistics: StatisticsState,
    /// Where finished assessments are logged (anonymously); `None` logs nothing.
    pub log_dir: Option<PathBuf>,
    /// Large type and high contrast for a projector; hides the clock and personal settings.
    pub presentation: bool,
}

impl AppState {
    pub fn new(
        settings: Settings,
        guidance_dir: PathBuf,
        clock: Clock,
        autosave_path: Option<PathBuf>,
    ) -> Self {
        let today = clock().date_naive();
        let mut state = Self {
            settings,
            guidance: GuidanceSlot {
                dir: guidance_dir,
                current: None,

                errors: Vec::new(),
                stamp: Vec::new(),
            },
            call: None,
            clock,
            autosave_path,
            restore_offer: None,
            restore_source: None,
            autosave_slot: None,
            show_help: false,
            show_settings: false,
            clipboard: None,
            notice: None,
            confirm_new_call: false,
            mode: Mode::default(),
            author: AuthorState::default(),
            picker: Box::new(NativePicker),
            wake: Arc::new(|| {}),
            watch: None,
            trainer: TrainerState::default(),
            workbench_stale: true,
            statistics: StatisticsState::new(today),
            log_dir: None,
            presentation: false,
        };
        state.reload_guidance();
        if let Some(base) = state.autosave_path.take() {
            match autosave::claim(&base) {
                Some(slot) => {
                    // Offer the most recent call a crashed instance (or this slot's last run) left.
                    for path in autosave::orphans(&base, &slot.path) {
                        match autosave::read(&path) {
                            Ok(Some(save))
                                if state
                                    .restore_offer
                                    .as_ref()
                                    .is_none_or(|o| o.started < save.started) =>
                            {
                                state.restore_offer = Some(save);
                                state.restore_source = Some(path);
                            }
                            Ok(_) => {}
                            Err(e) => state.notice = Some(e),
                        }
                    }
                    state.autosave_path = Some(slot.path.clone());
                    state.autosave_slot = Some(slot);
                }
                None => {
                    state.notice = Some(
                        crate::i18n::tr(state.settings.language, crate::i18n::Msg::AutosaveFailed)
                            .to_owned(),
                    )
                }
            }
        }
        state
    }

    pub fn lang(&self) -> Language {
        self.settings.language
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        (self.clock)()
    }

    /// (Re)loads the guidance; a broken one keeps the last good one in use. The scenarios run
    /// on every reload, so an author sees at once what a change did.
    pub fn reload_guidance(&mut self) {
        self.guidance.stamp = stamp(&self.guidance.dir);
        self.author.path_input = self.guidance.dir.display().to_string();
        match load_guidance(&self.guidance.dir) {
            Ok(g) => {
                self.guidance.current = Some(Arc::new(g));
                self.guidance.errors.clear();
                self.workbench_stale = true;
                self.load_workbench();
            }
            Err(errors) => self.guidance.errors = errors,
        }
        let mut sources: std::collections::HashMap<PathBuf, String> =
            std::collections::HashMap::new();
        self.author.diagnostics = self
            .guidance
            .errors
            .iter()
            .map(|d| {
                let text = sources
                    .entry(d.file.clone())
                    .or_insert_with(|| std::fs::read_to_string(&d.file).unwrap_or_default());
                ShownDiagnostic {
                    diagnostic: d.clone(),
                    line: crate::source::source_line(text, d.pos.line).map(str::to_owned),
                }
            })
            .collect();
    }

    /// Runs the scenarios and reads the training cases of the guidance in use, when the author
    /// or trainer mode shows them: a nurse's start and reloads need neither.
    fn load_workbench(&mut self) {
        if !self.workbench_stale || !matches!(self.mode, Mode::Author | Mode::Trainer) {
            return;
        }
        let Some(g) = self.guidance.current.clone() else {
            return;
        };
        let (scenarios, errors) = crate::scenario::load_scenarios(&self.guidance.dir);
        self.author.results = scenarios
            .iter()
            .map(|s| crate::scenario::run_scenario(&g, s))
            .collect();
        self.author.scenario_errors = errors;
        let (cases, case_errors) = crate::training::load_training(&self.guidance.dir, &g);
        self.trainer.cases = cases;
        self.trainer.errors = case_errors;
        self.trainer.selected = self
            .trainer
            .selected
            .min(self.trainer.cases.len().saturating_sub(1));
        self.workbench_stale = false;
    }

    /// Reloads when a file of the guidance folder changed on disk: watched with notify, or by
    /// modification times where watching is not possible.
    pub fn poll_guidance_files(&mut self) {
        if self
            .watch
            .as_ref()
            .is_none_or(|w| w.dir != self.guidance.dir)
        {
            self.watch = Watch::new(&self.guidance.dir, self.wake.clone());
        }
        // The watcher also reports files being read (by this very reload, too): reload only
        // when a modification time or the set of files really changed, or the app would spin.
        let noticed = self.watch.as_ref().is_none_or(|w| w.changed());
        let changed = noticed && stamp(&self.guidance.dir) != self.guidance.stamp;
        if changed {
            self.reload_guidance();
        }
    }

    /// Switches to another guidance folder and remembers it.
    pub fn open_guidance(&mut self, dir: PathBuf) {
        self.guidance.dir = dir.clone();
        self.guidance.current = None;
        self.reload_guidance();
        self.settings.recent.retain(|d| *d != dir);
        self.settings.recent.insert(0, dir);
        self.settings.recent.truncate(8);
        self.settings.last_guidance = Some(self.guidance.dir.clone());
    }

    /// The guidance of the call in progress (kept while files change), else the current one.
    pub fn active_guidance(&self) -> Option<Arc<Guidance>> {
        self.guidance.current.clone()
    }

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

    pub fn apply_all(&mut self, intents: Vec<Intent>) {
        for i in intents {
            self.apply(i);
        }
    }

    pub fn apply(&mut self, intent: Intent) {
        let changes_call = !matches!(
            intent,
            Intent::ToggleHelp
                | Intent::ToggleSettings
                | Intent::SetSettings(_)
                | Intent::CopyRecord
                | Intent::ReloadGuidance
                | Intent::Focus(_)
                | Intent::MoveHighlight(_)
                | Intent::SetSearch(_)
                | Intent::NumberText(_)
        );
        match intent {
            Intent::NewCall => {
                // A call with anything in it is not thrown away by one stray key press.
                let in_progress = self.call.as_ref().is_some_and(|c| {
                    !c.assessment.call.reasons.is_empty()
                        || c.assessment.call.answered().next().is_some()
                });
                if in_progress && !self.confirm_new_call {
                    self.confirm_new_call = true;
                    return;
                }
                self.confirm_new_call = false;
                self.new_call();
            }
            Intent::KeepCall => self.confirm_new_call = false,
            Intent::FinishCall => self.finish_call(),
            Intent::DiscardCall => {
                self.call = None;
                self.remove_autosave();
            }
            Intent::ToggleHelp => self.show_help = !self.show_help,
            Intent::ToggleSettings => self.show_settings = !self.show_settings,
            Intent::SetSettings(s) => {
                if s.log_dir != self.settings.log_dir {
                    self.open_log(s.log_dir.clone().or_else(crate::log::default_dir));
                }
                self.settings = s;
            }
            Intent::CopyRecord => {
                self.clipboard = self.record();
                self.notice = self
                    .clipboard
                    .as_ref()
                    .map(|_| crate::i18n::tr(self.lang(), crate::i18n::Msg::Copied).to_owned());
            }
            Intent::ReloadGuidance => self.reload_guidance(),
            Intent::SetMode(m) => {
                self.mode = m;
                self.load_workbench();
                if m == Mode::Statistics {
                    self.refresh_stats();
                }
            }
            Intent::StatsPeriod(from, to) => {
                self.statistics.from = from;
                self.statistics.to = to;
                self.refresh_stats();
            }
            Intent::RefreshStats => self.refresh_stats(),
            Intent::RunAnalysis => {
                if let Some(g) = self.guidance.current.clone() {
                    let (scenarios, _) = crate::scenario::load_scenarios(&self.guidance.dir);
                    self.author.analysis = Some(crate::analysis::analyse(
                        &g,
                        &scenarios,
                        &crate::analysis::Options::default(),
                    ));
                }
            }
            Intent::SetBaselinePath(p) => self.author.baseline_input = p,
            Intent::PickBaseline => {
                if let Some(dir) = self.picker.pick_folder(Some(&self.guidance.dir)) {
                    self.compare_with(dir);
                }
            }
            Intent::CompareWith(dir) => self.compare_with(dir),
            Intent::ExportCsv => self.export_csv(),
            Intent::TrainerTab(tab) => self.trainer.tab = tab,
            Intent::SelectCase(i) => {
                self.trainer.selected = i.min(self.trainer.cases.len().saturating_sub(1))
            }
            Intent::StartPractice => self.start_practice(),
            Intent::ReplayCase => {
                if let (Some(g), Some(case)) = (
                    self.guidance.current.clone(),
                    self.trainer.cases.get(self.trainer.selected),
                ) {
                    self.trainer.replay = Some(TrainerState::replay_of_case(
                        &g,
                        case,
                        self.now(),
                        self.lang(),
                    ));
                    self.trainer.tab = TrainerTab::Replay;
                }
            }
            Intent::ReplayStep(d) => {
                if let Some(r) = &mut self.trainer.replay {
                    r.shown = (r.shown as i64 + d as i64).clamp(0, r.steps.len() as i64) as usize;
                }
            }
            Intent::MapReason(r) => self.trainer.map_reason = Some(r),
            Intent::SaveSummary => self.save_summary(),
            Intent::TogglePresentation => self.presentation = !self.presentation,
            Intent::SetAuthorPath(p) => self.author.path_input = p,
            Intent::OpenGuidance(dir) => self.open_guidance(dir),
            Intent::PickGuidanceFolder => {
                if let Some(dir) = self.picker.pick_folder(Some(&self.guidance.dir)) {
                    self.open_guidance(dir);
                }
            }
            Intent::OpenScenario(i) => self.open_scenario(i),
            Intent::SetScenarioName(n) => self.author.scenario_name = n,
            Intent::SaveAsScenario => self.save_as_scenario(),
            Intent::RestoreAutosave => {
                self.restore();
                // The call now lives in this instance's own file; the crashed one's can go.
                self.save_autosave();
                self.remove_restore_source();
            }
            Intent::DiscardAutosave => {
                self.restore_offer = None;
                if let Some(source) = self.restore_source.take() {
                    let _ = autosave::remove(&source);
                }
            }
            other => self.apply_to_call(other),
        }
        if changes_call {
            self.save_autosave();
        }
    }

    fn new_call(&mut self) {
        let Some(g) = self.guidance.current.clone() else {
            return;
        };
        if !self.guidance.errors.is_empty() && self.guidance.current.is_none() {
            return;
        }
        self.notice = None;
        let assessment = Assessment::new(&g, self.now());
        let mut call = CallView::new(g, assessment);
        // Callers usually open with their reason, so the search box has the keyboard first.
        call.focus = Focus::Search;
        self.call = Some(call);
        self.restore_offer = None;
    }

    /// Opens a scenario in the nurse flow with its answers filled in, to step through it.
    fn open_scenario(&mut self, index: usize) {
        if self.real_call_in_progress() {
            self.author.saved =
                Some(crate::i18n::tr(self.lang(), crate::i18n::Msg::FinishCallFirst).to_owned());
            return;
        }
        let Some(g) = self.guidance.current.clone() else {
            return;
        };
        let (scenarios, _) = crate::scenario::load_scenarios(&self.guidance.dir);
        let Some(result) = self.author.results.get(index) else {
            return;
        };
        let Some(scenario) = scenarios.iter().find(|s| s.file == result.file) else {
            return;
        };
        let Ok(call) = scenario.call(&g) else { return };
        let started = scenario.at(None).unwrap_or_else(|_| self.now());
        let mut assessment = Assessment::new(&g, started);
        assessment.call = call;
        self.call = Some(CallView::new(g, assessment));
        self.mode = Mode::Nurse;
    }

    /// A real (not practice) call with anything in it: never replaced without the nurse's say.
    fn real_call_in_progress(&self) -> bool {
        self.call.as_ref().is_some_and(|c| {
            c.practice.is_none()
                && (!c.assessment.call.reasons.is_empty()
                    || c.assessment.call.answered().next().is_some())
        })
    }

    /// Starts the selected training case in the real nurse flow.
    fn start_practice(&mut self) {
        // A real call in progress is never thrown away for a practice case.
        if self.real_call_in_progress() {
            self.trainer.saved =
                Some(crate::i18n::tr(self.lang(), crate::i18n::Msg::FinishCallFirst).to_owned());
            return;
        }
        let Some(case) = self.trainer.cases.get(self.trainer.selected).cloned() else {
            return;
        };
        self.confirm_new_call = false;
        self.call = None;
        self.new_call();
        if let Some(c) = &mut self.call {
            c.practice = Some(Practice {
                case,
                run: crate::training::PracticeRun::default(),
            });
        }
        self.trainer.feedback = None;
        self.mode = Mode::Nurse;
    }

    fn save_summary(&mut self) {
        let Some(g) = self.guidance.current.clone() else {
            return;
        };
        let summary = crate::training::SessionSummary::new(
            &g,
            self.trainer.session.clone(),
            Some(self.now()),
        );
        let name = format!("arvio-training-{}.txt", self.now().format("%Y%m%d-%H%M"));
        let Some(path) = self.picker.save_file(&name) else {
            return;
        };
        let lang = self.lang();
        let result = if path.extension().is_some_and(|e| e == "txt") {
            summary.save_report(&path, lang)
        } else {
            summary.save(&path)
        };
        self.trainer.saved = Some(match result {
            Ok(()) => format!(
                "{} {}",
                crate::i18n::tr(lang, crate::i18n::Msg::SavedTo),
                path.display()
            ),
            Err(e) => e.to_string(),
        });
    }

    /// Opens the log at `dir` and reports torn lines it had to set aside (never silently).
    pub fn open_log(&mut self, dir: Option<PathBuf>) {
        self.log_dir = dir;
        if let Some(dir) = &self.log_dir {
            let read = crate::log::read_dir(dir);
            let problems: Vec<String> = read
                .set_aside
                .iter()
                .map(|s| s.to_string())
                .chain(read.errors.iter().map(|e| e.to_string()))
                .collect();
            if !problems.is_empty() {
                self.notice = Some(problems.join("\n"));
            }
        }
    }

    /// Compares a baseline folder (e.g. the version in use) with the guidance being edited.
    fn compare_with(&mut self, baseline: PathBuf) {
        self.author.baseline_input = baseline.display().to_string();
        let Some(new) = self.guidance.current.clone() else {
            return;
        };
        self.author.comparison = Some(match load_guidance(&baseline) {
            Err(diags) => Err(diags),
            Ok(old) => {
                let (old_scenarios, _) = crate::scenario::load_scenarios(&baseline);
                let (new_scenarios, _) = crate::scenario::load_scenarios(&self.guidance.dir);
                let d = crate::diff::diff(
                    &old,
                    &old_scenarios,
                    &new,
                    &new_scenarios,
                    &crate::analysis::Options::default(),
                );
                let mut text = Vec::new();
                let _ = d.write_text(&mut text);
                Ok(String::from_utf8_lossy(&text).into_owned())
            }
        });
    }

    /// Reads the log again and computes the figures of the chosen period.
    pub fn refresh_stats(&mut self) {
        let lang = self.lang();
        let st = &mut self.statistics;
        st.problems.clear();
        let parse = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
        let filter = crate::stats::Filter {
            from: parse(&st.from),
            to: parse(&st.to),
            ..Default::default()
        };
        let Some(dir) = &self.log_dir else {
            st.stats = None;
            return;
        };
        let read = crate::log::read_dir(dir);
        st.problems
            .extend(read.set_aside.iter().map(|s| s.to_string()));
        st.problems
            .extend(read.errors.iter().map(|e| e.to_string()));
        let g = self.guidance.current.clone();
        let mut stats = crate::stats::Stats::compute(
            &read.records,
            &filter,
            g.as_ref().and_then(|g| g.meta.remote_target_percent),
        );
        if let Some(g) = &g {
            stats.label_with(g, lang);
        }
        st.stats = Some(stats);
    }

    fn export_csv(&mut self) {
        let lang = self.lang();
        let Some(stats) = &self.statistics.stats else {
            return;
        };
        let name = format!(
            "arvio-tilastot-{}-{}.csv",
            self.statistics.from.trim(),
            self.statistics.to.trim()
        );
        let Some(path) = self.picker.save_file(&name) else {
            return;
        };
        self.statistics.exported = Some(match std::fs::write(&path, stats.to_csv()) {
            Ok(()) => format!(
                "{} {}",
                crate::i18n::tr(lang, crate::i18n::Msg::SavedTo),
                path.display()
            ),
            Err(e) => e.to_string(),
        });
    }

    fn save_as_scenario(&mut self) {
        let lang = self.lang();
        let Some(c) = &self.call else { return };
        let name = if self.author.scenario_name.trim().is_empty() {
            c.assessment
                .call
                .reasons
                .iter()
                .map(|r| c.guidance.reason(*r).id.clone())
                .collect::<Vec<_>>()
                .join(" + ")
        } else {
            self.author.scenario_name.trim().to_owned()
        };
        let Some(file) = crate::scenario::ScenarioFile::of(
            &c.guidance,
            &name,
            &c.assessment.call,
            c.assessment.started,
        ) else {
            return;
        };
        self.author.saved = Some(match file.write_into(&self.guidance.dir) {
            Ok(path) => format!(
                "{} {}",
                crate::i18n::tr(lang, crate::i18n::Msg::SavedTo),
                path.display()
            ),
            Err(e) => format!("{e}"),
        });
        self.author.scenario_name.clear();
        self.reload_guidance();
    }

    fn finish_call(&mut self) {
        if let Some(c) = &mut self.call
            && let Some(p) = &mut c.practice
        {
            // A practice call ends in feedback, not in the record system.
            p.run.decision = c.assessment.decision.as_ref().map(|d| d.disposition);
            p.run.seconds = (self.clock)()
                .signed_duration_since(c.assessment.started)
                .num_seconds()
                .max(0) as u64;
            let feedback = crate::training::score(&c.guidance, &p.case, &p.run);
            self.trainer.session.retain(|f| f.case != feedback.case);
            self.trainer.session.push(feedback.clone());
            self.trainer.feedback = Some(feedback);
            self.trainer.tab = TrainerTab::Cases;
            self.call = None;
            self.remove_autosave();
            self.mode = Mode::Trainer;
            self.load_workbench();
            return;
        }
        let Some(c) = &mut self.call else { return };
        if c.assessment.decision.is_none() {
            c.message = Some(
                crate::i18n::tr(self.settings.language, crate::i18n::Msg::DecideFirst).to_owned(),
            );
            return;
        }
        // The call is reported finished only once its anonymous record is on disk.
        if let (Some(dir), Some(c)) = (&self.log_dir, &self.call)
            && let Some(record) =
                crate::log::LogRecord::of(&c.guidance, &c.assessment, &c.evaluation, (self.clock)())
            && let Err(e) = crate::log::append(dir, &record)
        {
            let text = format!(
                "{}: {e}",
                crate::i18n::tr(self.settings.language, crate::i18n::Msg::LogFailed)
            );
            if let Some(c) = &mut self.call {
                c.message = Some(text.clone());
            }
            self.notice = Some(text);
            return;
        }
        self.call = None;
        self.remove_autosave();
        self.notice = Some(
            crate::i18n::tr(self.settings.language, crate::i18n::Msg::CallFinished).to_owned(),
        );
    }

    fn restore(&mut self) {
        let (Some(save), Some(g)) = (self.restore_offer.take(), self.guidance.current.clone())
        else {
            return;
        };
        let (assessment, dropped) = save.restore(&g);
        let message = (!save.matches(&g) || !dropped.is_empty()).then(|| {
            format!(
                "{} {}",
                crate::i18n::tr(self.lang(), crate::i18n::Msg::RestoredOtherGuidance),
                dropped.join(", ")
            )
        });
        let mut call = CallView::new(g, assessment);
        call.message = message;
        self.call = Some(call);
    }

    fn save_autosave(&mut self) {
        let (Some(path), Some(c)) = (&self.autosave_path, &self.call) else {
            return;
        };
        // A practice call is not a real call and must never come back as one.
        if c.practice.is_some() {
            return;
        }
        if let Err(e) = autosave::write(
            path,
            // Free text stays in memory until a setting (off by default) asks for it on disk.
            &Autosave::of(&c.guidance, &c.assessment, autosave::FreeText::Omit),
        ) {
            self.notice = Some(format!(
                "{}: {e}",
                crate::i18n::tr(self.settings.language, crate::i18n::Msg::AutosaveFailed)
            ));
        }
    }

    fn remove_restore_source(&mut self) {
        if let Some(source) = self.restore_source.take()
            && Some(&source) != self.autosave_path.as_ref()
        {
            let _ = autosave::remove(&source);
        }
    }

    fn remove_autosave(&mut self) {
        if let Some(path) = &self.autosave_path
            && let Err(e) = autosave::remove(path)
        {
            self.notice = Some(format!(
                "{}: {e}",
                crate::i18n::tr(self.settings.language, crate::i18n::Msg::AutosaveFailed)
            ));
        }
    }

    /// Reasons matching the search, best first.
    pub fn search_results(&self) -> Vec<ReasonId> {
        match &self.call {
            Some(c) if !c.search.trim().is_empty() => c.index.search(&c.search, self.lang()),
            _ => Vec::new(),
        }
    }

    fn apply_to_call(&mut self, intent: Intent) {
        let results = if matches!(intent, Intent::AddHighlighted) {
            self.search_results()
        } else {
            Vec::new()
        };
        let lang = self.lang();
        let Some(c) = &mut self.call else { return };
        let g = c.guidance.clone();
        let mut reevaluate = false;
        match intent {
            Intent::SetSearch(s) => {
                c.search = s;
                c.highlight = 0;
                c.focus = Focus::Search;
            }
            Intent::MoveHighlight(d) => {
                c.highlight = (c.highlight as i64 + d as i64).max(0) as usize
            }
            Intent::AddHighlighted => {
                if let Some(&r) = results.get(c.highlight.min(results.len().saturating_sub(1))) {
                    if let Some(p) = &mut c.practice {
                        p.run.add_reason(r);
                    }
                    c.assessment.call.add_reason(r);
                    c.search.clear();
                    c.highlight = 0;
                    reevaluate = true;
                    // Red flags still open keep the focus; otherwise go to the reason's questions.
                    let next = evaluate(&g, &c.assessment.call).next;
                    c.focus = next.map_or(Focus::Search, Focus::Question);
                }
            }
            Intent::AddReason(r) => {
                if let Some(p) = &mut c.practice {
                    p.run.add_reason(r);
                }
                c.assessment.call.add_reason(r);
                reevaluate = true;
            }
            Intent::RemoveReason(r) => {
                c.assessment.call.remove_reason(r);
                reevaluate = true;
            }
            Intent::Focus(f) => {
                c.focus = f;
                c.number = number_text(&g, c, f);
            }
            Intent::FocusNext => move_focus(&g, c, 1),
            Intent::FocusPrevious => move_focus(&g, c, -1),
            Intent::Answer(q, v) => {
                // In practice the trainee asks; the caller's answer is what the case says.
                let v = match &mut c.practice {
                    Some(p) if v.is_some() => Some(p.run.ask(&g, &p.case, q)),
                    _ => v,
                };
                c.assessment.call.set(q, v);
                c.assessment.decision = None;
                c.evaluation = evaluate(&g, &c.assessment.call);
                // After an answer, go on to the next unanswered question (or the search box);
                // an answer taken back keeps its question in focus, to be answered again.
                c.focus = if v.is_none() {
                    Focus::Question(q)
                } else {
                    next_after(c, q).map_or(Focus::Search, Focus::Question)
                };
                c.number = number_text(&g, c, c.focus);
            }
            Intent::ToggleChoice(q, _) if c.practice.is_some() => {
                self.apply(Intent::Answer(q, Some(Value::CannotSay)));
                return;
            }
            Intent::ToggleChoice(q, i) => {
                let mask = match c.assessment.call.answer(q) {
                    Some(Value::Choices(m)) => m,
                    _ => 0,
                };
                let mask = mask ^ (1u64 << i);
                c.assessment.call.set(q, Some(Value::Choices(mask)));
                c.assessment.decision = None;
                reevaluate = true;
            }
            Intent::NumberText(t) => c.number = t,
            Intent::CommitNumber if c.practice.is_some() => {
                if let Focus::Question(q) = c.focus {
                    self.apply(Intent::Answer(q, Some(Value::CannotSay)));
                }
                return;
            }
            Intent::CommitNumber => {
                if let Focus::Question(q) = c.focus
                    && let QuestionKind::Number(spec) = &g.question(q).kind
                {
                    let text = c.number.trim().replace(',', ".");
                    match text.parse::<f64>() {
                        Ok(x) if x >= spec.min && x <= spec.max => {
                            c.message = None;
                            self.apply(Intent::Answer(q, Some(Value::Number(x))));
                            return;
                        }
                        _ if text.is_empty() => move_focus(&g, c, 1),
                        _ => {
                            c.message = Some(format!(
                                "{} {}–{}",
                                crate::i18n::tr(lang, crate::i18n::Msg::NumberRange),
                                spec.min,
                                spec.max
                            ));
                        }
                    }
                }
            }
            Intent::Accept => match c.assessment.accept(&g, &c.evaluation) {
                Ok(()) => c.message = None,
                Err(e) => c.message = Some(decision_error(lang, &e)),
            },
            Intent::OpenOverride => {
                if let Some(p) = &c.evaluation.proposal {
                    c.override_form = Some(OverrideForm {
                        disposition: Resolved::of(p.outcome(&g)),
                        category: String::new(),
                        text: String::new(),
                        error: None,
                    });
                    c.focus = Focus::Override;
                }
            }
            Intent::EditOverride(f) => c.override_form = Some(f),
            Intent::SaveOverride => {
                if let Some(f) = &c.override_form {
                    let reason = OverrideReason {
                        category: f.category.clone(),
                        text: f.text.clone(),
                    };
                    match c
                        .assessment
                        .override_with(&g, &c.evaluation, f.disposition, reason)
                    {
                        Ok(()) => {
                            c.override_form = None;
                            c.focus = Focus::Notes;
                        }
                        Err(e) => {
                            let text = decision_error(lang, &e);
                            if let Some(f) = &mut c.override_form {
                                f.error = Some(text);
                            }
                        }
                    }
                }
            }
            Intent::CancelOverride => {
                c.override_form = None;
                c.focus = c.evaluation.next.map_or(Focus::Search, Focus::Question);
            }
            Intent::SetNotes(n) => c.assessment.notes = n,
            Intent::CycleCaller => {
                let i = Caller::ALL
                    .iter()
                    .position(|x| *x == c.assessment.caller)
                    .unwrap_or(0);
                c.assessment.caller = Caller::ALL[(i + 1) % Caller::ALL.len()];
            }
            Intent::CycleChannel => {
                let i = Channel::ALL
                    .iter()
                    .position(|x| *x == c.assessment.channel)
                    .unwrap_or(0);
                c.assessment.channel = Channel::ALL[(i + 1) % Channel::ALL.len()];
            }
            _ => {}
        }
        if reevaluate {
            c.assessment.decision = None;
            c.evaluation = evaluate(&g, &c.assessment.call);
        }
    }
}

fn decision_error(lang: Language, e: &DecisionError) -> String {
    use crate::i18n::{Msg, tr};
    tr(
        lang,
        match e {
            DecisionError::ReasonMissing => Msg::OverrideNeedsReason,
            DecisionError::NothingChanged => Msg::OverrideNothingChanged,
            DecisionError::NoProposal => Msg::NoProposalYet,
            DecisionError::RedFlagsUnanswered => Msg::AnswerRedFlagsFirst,
            DecisionError::QuestionsLeft => Msg::AnswerAllFirst,
        },
    )
    .to_owned()
}

fn number_text(g: &Guidance, c: &CallView, f: Focus) -> String {
    match f {
        Focus::Question(q) => match (c.assessment.call.answer(q), &g.question(q).kind) {
            (Some(Value::Number(x)), QuestionKind::Number(spec)) => {
                format!("{x:.*}", spec.decimals as usize)
            }
            _ => String::new(),
        },
        _ => String::new(),
    }
}

/// The next unanswered question after `q` in the flow, else the first unanswered one.
fn next_after(c: &CallView, q: QuestionId) -> Option<QuestionId> {
    let qs = &c.evaluation.questions;
    let start = qs.iter().position(|x| *x == q).map_or(0, |i| i + 1);
    qs[start..]
        .iter()
        .chain(&qs[..start])
        .copied()
        .find(|x| c.assessment.call.answer(*x).is_none())
}

fn move_focus(g: &Guidance, c: &mut CallView, step: i32) {
    let qs = &c.evaluation.questions;
    let focus = match c.focus {
        Focus::Question(q) => {
            let i = qs.iter().position(|x| *x == q).unwrap_or(0) as i64 + step as i64;
            if i < 0 {
                Focus::Search
            } else {
                qs.get(i as usize)
                    .copied()
                    .map_or(Focus::Search, Focus::Question)
            }
        }
        Focus::Search | Focus::Notes | Focus::Override => {
            if step > 0 {
                c.evaluation
                    .next
                    .or(qs.first().copied())
                    .map_or(Focus::Search, Focus::Question)
            } else {
                qs.last().copied().map_or(Focus::Search, Focus::Question)
            }
        }
    };
    c.focus = focus;
    c.number = number_text(g, c, focus);
}

/// Modification times of the guidance files, to notice a change on disk.
fn stamp(dir: &std::path::Path) -> Vec<(PathBuf, Option<std::time::SystemTime>)> {
    let mut files = vec![dir.join(crate::guidance::load::GUIDANCE_FILE)];
    files.extend(crate::scenario::ron_files(
        &dir.join(crate::guidance::load::REASONS_DIR),
    ));
    files
        .into_iter()
        .map(|f| {
            let t = std::fs::metadata(&f).and_then(|m| m.modified()).ok();
            (f, t)
        })
        .collect()
}
