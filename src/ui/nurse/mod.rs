//! The nurse's call in the app: its state ([`CallView`], where the keyboard is, the override
//! form), beside the handlers of its intents. Its panels are in `ui::view`.

pub mod answers;
pub mod autosave;
pub mod call;
pub mod decision;
pub mod reasons;

use std::sync::Arc;

use crate::assessment::Assessment;
use crate::disposition::Resolved;
use crate::engine::{Evaluation, evaluate};
use crate::guidance::{Guidance, QuestionId};
use crate::search::ReasonIndex;
use crate::ui::trainer::Practice;

/// Where keyboard input goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Search,
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
