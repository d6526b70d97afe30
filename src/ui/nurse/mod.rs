//! The nurse's call in the app: its state ([`CallView`], where the keyboard is, the override
//! form), beside the handlers of its intents. Its panels are in `ui::view`.

pub mod answers;
pub mod autosave;
pub mod call;
pub mod decision;
pub mod flow;
pub mod quantity;
pub mod reasons;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::assessment::Assessment;
use crate::call::Value;
use crate::disposition::Resolved;
use crate::engine::{Evaluation, evaluate};
use crate::guidance::{Guidance, Part, QuestionId};
use crate::search::ReasonIndex;
use crate::ui::trainer::Practice;

/// How many of the search's hits are shown (and can be highlighted), best first.
pub const HITS_SHOWN: usize = 8;

/// Where keyboard input goes. It is also the one highlight on screen: the search box or the
/// question drawn highlighted holds egui's (and so AccessKit's) focus, and a letter answers a
/// question only while that question has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Search,
    /// "Who called", the first stop of the flow ([`flow`]): 1–4 choose.
    Caller,
    /// Only ever a question asked now, reached by the nurse (Tab, Enter, an arrow, a click) or
    /// by answering the one before it.
    Question(QuestionId),
    /// The override form is open; egui's own focus moves between its widgets.
    Override,
    Notes,
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
    /// What is typed in the focused question: a number's digits, an age's or a duration's digits
    /// and unit key, or a free text's words.
    pub number: String,
    /// The options of the focused several-of question ticked and not yet confirmed (Enter):
    /// they count, and the call is evaluated with them, only once confirmed (H-49). Forgotten
    /// when the keyboard leaves the question.
    pub ticks: Option<(QuestionId, u64)>,
    pub override_form: Option<OverrideForm>,
    pub message: Option<String>,
    /// A practice call: answers come from the case, revealed when the trainee asks.
    pub practice: Option<Practice>,
    /// Unique to this call, so that its scrolled panels start at the top, not where the last
    /// call's ended.
    pub serial: u64,
    /// A scroll of the right panel the view is to carry out (then reported done).
    pub panel_scroll: Option<PanelScroll>,
    /// A decision was made and the call changed after it (an answer, a reason), so it is void:
    /// the panel says so until the next decision.
    pub decision_voided: bool,
}

/// What the right panel is to scroll to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelScroll {
    /// This many pages down (up when negative), by PageDown / PageUp.
    Pages(i32),
    /// The decision just made, into view.
    Decision,
}

static SERIAL: AtomicU64 = AtomicU64::new(0);

impl CallView {
    /// A call on `guidance`, evaluated, with the keyboard on its first stop still open.
    pub fn new(guidance: Arc<Guidance>, assessment: Assessment) -> Self {
        let evaluation = evaluate(&guidance, &assessment.call);
        let mut call = Self {
            index: ReasonIndex::new(&guidance),
            focus: Focus::Search,
            guidance,
            assessment,
            evaluation,
            search: String::new(),
            highlight: 0,
            number: String::new(),
            ticks: None,
            override_form: None,
            message: None,
            practice: None,
            serial: SERIAL.fetch_add(1, Ordering::Relaxed),
            panel_scroll: None,
            decision_voided: false,
        };
        call.focus = flow::first_open(&call).unwrap_or(Focus::Search);
        call
    }

    /// The options of several-of question `q` shown ticked: those being ticked while it has the
    /// keyboard, else its answer's.
    pub fn ticked(&self, q: QuestionId) -> u64 {
        match (self.ticks, self.assessment.call.answer(q)) {
            (Some((t, mask)), _) if t == q && self.focus == Focus::Question(q) => mask,
            (_, Some(Value::Choices(mask))) => mask,
            _ => 0,
        }
    }

    /// Options ticked on the focused question that are not its answer yet: the call cannot be
    /// decided on an answer the screen no longer shows (H-49).
    pub fn unconfirmed_ticks(&self) -> bool {
        self.ticks.is_some_and(|(q, mask)| {
            self.focus == Focus::Question(q)
                && self.assessment.call.answer(q) != Some(Value::Choices(mask))
        })
    }

    /// Ticks being made are forgotten once the keyboard is on another question (or anywhere
    /// else): what was not confirmed was not answered.
    pub fn forget_stale_ticks(&mut self) {
        if self
            .ticks
            .is_some_and(|(q, _)| self.focus != Focus::Question(q))
        {
            self.ticks = None;
        }
    }

    /// The call has left the flow for the emergency (or on-call) screen: no question is on
    /// screen, so none has the keyboard.
    pub fn on_emergency_screen(&self) -> bool {
        self.evaluation
            .proposal
            .as_ref()
            .is_some_and(|p| p.leaves_flow(&self.guidance))
    }

    /// The call is on the emergency screen of an emergency (112) outcome, where the record says
    /// what the nurse did.
    pub fn needs_emergency_action(&self) -> bool {
        let g = &self.guidance;
        self.on_emergency_screen()
            && self.evaluation.proposal.as_ref().is_some_and(|p| {
                g.timeframe(p.outcome(g).timeframe).kind
                    == crate::guidance::TimeframeKind::Emergency
            })
    }

    /// The question the keyboard answers: the focused one, if it is asked now and on screen.
    pub fn question_with_keyboard(&self) -> Option<QuestionId> {
        match self.focus {
            Focus::Question(q)
                if self.evaluation.is_asked(q)
                    && !self.on_emergency_screen()
                    && self.override_form.is_none() =>
            {
                Some(q)
            }
            _ => None,
        }
    }

    /// "Who called" has the keyboard: its card is focused and on screen.
    pub fn caller_has_keyboard(&self) -> bool {
        self.focus == Focus::Caller && !self.on_emergency_screen()
    }

    /// The block of red flags `q` belongs to: the run of red-flag questions around it in the
    /// order asked, which "none of these" answers at once. `None` when `q` is no red flag.
    pub fn red_flag_block(&self, q: QuestionId) -> Option<&[QuestionId]> {
        let g = &self.guidance;
        let qs = &self.evaluation.questions;
        let is_flag = |x: &QuestionId| g.question(*x).part == Part::RedFlag;
        let at = qs
            .iter()
            .position(|x| *x == q)
            .filter(|&i| is_flag(&qs[i]))?;
        let start = qs[..at]
            .iter()
            .rposition(|x| !is_flag(x))
            .map_or(0, |i| i + 1);
        let end = qs[at..]
            .iter()
            .position(|x| !is_flag(x))
            .map_or(qs.len(), |i| at + i);
        Some(&qs[start..end])
    }

    /// A reason chosen or a question answered: not thrown away by one stray key press.
    pub fn has_content(&self) -> bool {
        !self.assessment.call.reasons.is_empty() || self.assessment.call.answered().next().is_some()
    }
}

/// The nurse's own decision being made in the override window.
#[derive(Debug, Clone, PartialEq)]
pub struct OverrideForm {
    pub disposition: Resolved,
    pub category: String,
    pub text: String,
    pub error: Option<String>,
}
