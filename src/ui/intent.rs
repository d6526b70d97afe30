//! Everything a view, a key or the frame can ask of the app ([`Intent`]), and what applying one
//! reports back ([`Applied`]).

use std::path::PathBuf;

use crate::assessment::{Caller, EmergencyAction};
use crate::call::Value;
use crate::guidance::{QuestionId, ReasonId};
use crate::ui::field::Field;
use crate::ui::mode::Mode;
use crate::ui::nurse::{Focus, OverrideForm};
use crate::ui::settings::Settings;
use crate::ui::trainer::TrainerTab;
use crate::ui::watch::Wake;

#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    // The app.
    SetMode(Mode),
    ToggleHelp,
    ToggleSettings,
    SetSettings(Settings),
    /// The log folder as typed in the settings; it takes effect on Enter or when the field is
    /// left (as a [`Intent::SetSettings`]).
    EditLogDir(String),
    /// Ctrl+plus/minus/0: the zoom the settings remember and the window follows.
    SetZoom(f32),
    TogglePresentation,
    /// How the file watcher wakes the UI (the frame's repaint request).
    SetWake(Wake),
    /// A shortcut puts the keyboard in this text field.
    FocusField(Field),
    /// Logs finished calls into this folder (`None`: nothing is logged), reporting torn lines.
    OpenLog(Option<PathBuf>),

    // The guidance in use.
    ReloadGuidance,
    /// Every frame: takes in the work finished off the UI thread (`ui::jobs`), and reloads if the
    /// guidance files changed on disk.
    PollWork,
    OpenGuidance(PathBuf),
    PickGuidanceFolder,

    // The call: start, end, autosave.
    NewCall,
    /// A letter typed on the screen without a call: a call starts with it in the search.
    StartCallTyping(String),
    /// Answers "no" to discarding the call in progress.
    KeepCall,
    FinishCall,
    DiscardCall,
    RestoreAutosave,
    DiscardAutosave,
    /// Writes the notes typed since the last autosave.
    SaveAutosave,

    // The call: reasons.
    SetSearch(String),
    MoveHighlight(i32),
    AddHighlighted,
    AddReason(ReasonId),
    RemoveReason(ReasonId),
    /// Delete in the empty search: the reason added last is removed.
    RemoveLastReason,
    /// A red flag found by the search (index into `Guidance::red_flags`): the keyboard goes to
    /// its question, highlighted, for the nurse to ask; it is never answered by choosing it.
    AskRedFlag(usize),

    // The call: focus and answers.
    Focus(Focus),
    FocusNext,
    FocusPrevious,
    /// Who called, chosen on its card in the flow (1–4).
    SetCaller(Caller),
    /// Answers and moves on to the next question.
    Answer(QuestionId, Option<Value>),
    /// "None of these": every unanswered red flag of the block this one belongs to answered
    /// "no", each recorded as asked and denied.
    NoneOfThese(QuestionId),
    ToggleChoice(QuestionId, u8),
    NumberText(String),
    CommitNumber,

    // The call: decision and record.
    Accept,
    OpenOverride,
    EditOverride(OverrideForm),
    SaveOverride,
    CancelOverride,
    /// The notes as typed, a keystroke at a time: the autosave follows when the field is left,
    /// with the next change of the call, or within seconds.
    EditNotes(String),
    /// The notes set at once, and autosaved at once.
    SetNotes(String),
    CycleCaller,
    CycleChannel,
    /// What the nurse did on the emergency screen (F5/F6/F7).
    SetEmergencyAction(EmergencyAction),
    CopyRecord,
    /// PageDown / PageUp: the right panel scrolls by pages.
    ScrollPanel(i32),
    /// The view carried out the panel's scroll.
    PanelScrolled,
    /// PageDown / PageUp (End / Home: all the way) in the help window.
    ScrollHelp(i32),
    /// The view carried out the help window's scroll.
    HelpScrolled,

    // The author's workbench.
    /// The folder path as typed; it is opened on Enter or when the field is left.
    SetAuthorPath(String),
    RunAnalysis,
    /// The baseline path as typed; it is compared on Enter or when the field is left.
    SetBaselinePath(String),
    PickBaseline,
    CompareWith(PathBuf),
    OpenScenario(usize),
    SetScenarioName(String),
    SaveAsScenario,
    /// Ctrl+H: the handbook of the open guidance in the browser.
    OpenHandbook,
    /// Ctrl+R: what changes for callers since the approved release (picked first if unknown).
    ChangesSinceApproved,
    /// Ctrl+Shift+R: choose the folder of the approved release.
    PickApprovedRelease,

    // The trainer.
    TrainerTab(TrainerTab),
    SelectCase(usize),
    StartPractice,
    ReplayCase,
    ReplayStep(i32),
    MapReason(ReasonId),
    SaveSummary,

    // The statistics.
    /// The period's dates as typed (from, to); they take effect on Enter, when the field is
    /// left, or on refresh.
    EditPeriod(String, String),
    /// Reads the log again for the period as typed.
    RefreshStats,
    ExportCsv,
}

/// What [`crate::ui::state::AppState::apply`] did, for the frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Applied {
    /// The call in progress changed, began or ended.
    pub call_changed: bool,
    /// Text for the system clipboard.
    pub copy: Option<String>,
    /// The text field to give the keyboard to.
    pub focus: Option<Field>,
}

impl Applied {
    /// Both reports in one, as after a frame's intents.
    pub fn and(self, later: Applied) -> Applied {
        Applied {
            call_changed: self.call_changed || later.call_changed,
            copy: later.copy.or(self.copy),
            focus: later.focus.or(self.focus),
        }
    }
}

/// How a handled intent changed the call, which decides when the autosave is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The call is as it was.
    None,
    /// The call changed, began or ended: the autosave is written (or removed) now.
    Call,
    /// Notes were typed: the autosave follows soon, not at every keystroke.
    Typing,
}

impl Change {
    /// [`Change::Call`] when `changed`, else [`Change::None`].
    pub fn call_if(changed: bool) -> Change {
        if changed { Change::Call } else { Change::None }
    }
}
