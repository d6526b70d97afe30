//! The app's state and the one place where intents change it.
//!
//! Views read [`AppState`] and push [`Intent`]s; [`AppState::apply`] carries them out. Nothing
//! else mutates the state, so every action is testable without a window and the autosave sees
//! every change.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Caller, Channel, DecisionError, OverrideReason};
use crate::autosave::{self, Autosave};
use crate::call::Value;
use crate::diagnostic::Diagnostic;
use crate::engine::{Evaluation, evaluate};
use crate::guidance::{
    Guidance, ModeId, ProfessionalId, QuestionId, QuestionKind, ReasonId, TimeframeId,
    load_guidance,
};
use crate::record::{Assessor, record_text};
use crate::search::ReasonIndex;
use crate::text::Language;

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
        }
    }
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
    pub index: Option<ReasonIndex>,
    /// Errors of the last load; with `current` set, the last good guidance is still in use.
    pub errors: Vec<Diagnostic>,
    stamp: Vec<(PathBuf, Option<std::time::SystemTime>)>,
}

pub struct CallView {
    pub assessment: Assessment,
    pub evaluation: Evaluation,
    pub focus: Focus,
    pub search: String,
    pub highlight: usize,
    /// Digits typed for the focused number question.
    pub number: String,
    pub override_form: Option<OverrideForm>,
    pub message: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OverrideForm {
    pub timeframe: TimeframeId,
    pub mode: Option<ModeId>,
    pub professional: Option<ProfessionalId>,
    pub category: String,
    pub text: String,
    pub error: Option<String>,
}

/// Everything a view can ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    NewCall,
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
    pub show_help: bool,
    pub show_settings: bool,
    /// Text the frame should put on the clipboard.
    pub clipboard: Option<String>,
    /// A short notice for the status line.
    pub notice: Option<String>,
}

impl AppState {
    pub fn new(
        settings: Settings,
        guidance_dir: PathBuf,
        clock: Clock,
        autosave_path: Option<PathBuf>,
    ) -> Self {
        let mut state = Self {
            settings,
            guidance: GuidanceSlot {
                dir: guidance_dir,
                current: None,
                index: None,
                errors: Vec::new(),
                stamp: Vec::new(),
            },
            call: None,
            clock,
            autosave_path,
            restore_offer: None,
            show_help: false,
            show_settings: false,
            clipboard: None,
            notice: None,
        };
        state.reload_guidance();
        if let Some(path) = &state.autosave_path {
            match autosave::read(path) {
                Ok(offer) => state.restore_offer = offer,
                Err(e) => state.notice = Some(e),
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

    /// (Re)loads the guidance; a broken one keeps the last good one in use.
    pub fn reload_guidance(&mut self) {
        self.guidance.stamp = stamp(&self.guidance.dir);
        match load_guidance(&self.guidance.dir) {
            Ok(g) => {
                let g = Arc::new(g);
                self.guidance.index = Some(ReasonIndex::new(&g));
                // A call in progress stays on the guidance it started with.
                self.guidance.current = Some(g);
                self.guidance.errors.clear();
            }
            Err(errors) => self.guidance.errors = errors,
        }
    }

    /// Reloads when a file of the guidance folder changed on disk.
    pub fn poll_guidance_files(&mut self) {
        if stamp(&self.guidance.dir) != self.guidance.stamp {
            self.reload_guidance();
        }
    }

    /// The guidance of the call in progress (kept while files change), else the current one.
    pub fn active_guidance(&self) -> Option<Arc<Guidance>> {
        self.guidance.current.clone()
    }

    pub fn record(&self) -> Option<String> {
        let g = self.guidance.current.as_ref()?;
        let c = self.call.as_ref()?;
        Some(record_text(
            g,
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
            Intent::NewCall => self.new_call(),
            Intent::FinishCall => self.finish_call(),
            Intent::DiscardCall => {
                self.call = None;
                self.remove_autosave();
            }
            Intent::ToggleHelp => self.show_help = !self.show_help,
            Intent::ToggleSettings => self.show_settings = !self.show_settings,
            Intent::SetSettings(s) => {
                if s.record_language != self.settings.record_language && self.call.is_some() {
                    self.notice = None;
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
            Intent::RestoreAutosave => self.restore(),
            Intent::DiscardAutosave => {
                self.restore_offer = None;
                self.remove_autosave();
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
        let assessment = Assessment::new(&g, self.now());
        let evaluation = evaluate(&g, &assessment.call);
        // Callers usually open with their reason, so the search box has the keyboard first.
        self.call = Some(CallView {
            assessment,
            evaluation,
            focus: Focus::Search,
            search: String::new(),
            highlight: 0,
            number: String::new(),
            override_form: None,
            message: None,
        });
        self.restore_offer = None;
    }

    fn finish_call(&mut self) {
        let Some(c) = &mut self.call else { return };
        if c.assessment.decision.is_none() {
            c.message = Some(
                crate::i18n::tr(self.settings.language, crate::i18n::Msg::DecideFirst).to_owned(),
            );
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
        let evaluation = evaluate(&g, &assessment.call);
        let focus = evaluation.next.map_or(Focus::Search, Focus::Question);
        let message = (!save.matches(&g) || !dropped.is_empty()).then(|| {
            format!(
                "{} {}",
                crate::i18n::tr(self.lang(), crate::i18n::Msg::RestoredOtherGuidance),
                dropped.join(", ")
            )
        });
        self.call = Some(CallView {
            assessment,
            evaluation,
            focus,
            search: String::new(),
            highlight: 0,
            number: String::new(),
            override_form: None,
            message,
        });
    }

    fn save_autosave(&mut self) {
        let (Some(path), Some(c), Some(g)) =
            (&self.autosave_path, &self.call, &self.guidance.current)
        else {
            return;
        };
        if let Err(e) = autosave::write(path, &Autosave::of(g, &c.assessment)) {
            self.notice = Some(format!(
                "{}: {e}",
                crate::i18n::tr(self.settings.language, crate::i18n::Msg::AutosaveFailed)
            ));
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
        match (&self.guidance.index, &self.call) {
            (Some(index), Some(c)) if !c.search.trim().is_empty() => {
                index.search(&c.search, self.lang())
            }
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
        let Some(g) = self.guidance.current.clone() else {
            return;
        };
        let Some(c) = &mut self.call else { return };
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
                c.assessment.call.set(q, v);
                c.assessment.decision = None;
                c.evaluation = evaluate(&g, &c.assessment.call);
                // After an answer, go on to the next unanswered question (or the search box).
                c.focus = next_after(c, q).map_or(Focus::Search, Focus::Question);
                c.number = number_text(&g, c, c.focus);
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
                    let o = p.outcome(&g);
                    c.override_form = Some(OverrideForm {
                        timeframe: o.timeframe,
                        mode: o.modes.first().copied(),
                        professional: o.professional,
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
                    match c.assessment.override_with(
                        &g,
                        &c.evaluation,
                        f.timeframe,
                        f.mode,
                        f.professional,
                        reason,
                    ) {
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
