//! Trainer mode: practice cases run in the real nurse flow with the caller's answers revealed
//! only when asked, feedback and a session summary; a drawn map of a reason with the current
//! path lit; and step-by-step replay of a case. This file holds its state.

pub mod feedback;
pub mod handle;
pub mod map;
pub mod replay;
pub mod view;

use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use crate::call::{Call, Value};
use crate::diagnostic::Diagnostic;
use crate::guidance::{Guidance, QuestionId, ReasonId};
use crate::text::Language;
use crate::training::{Feedback, PracticeRun, TrainingCase};

/// The practice call in progress: the case and what the trainee asked so far.
pub struct Practice {
    pub case: TrainingCase,
    pub run: PracticeRun,
}

/// What the trainer panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrainerTab {
    #[default]
    Cases,
    Map,
    Replay,
}

/// A case replayed one answer at a time, on the guidance it was made on (a reload on disk
/// does not change it under the trainee's eyes).
pub struct Replay {
    pub guidance: Arc<Guidance>,
    pub title: String,
    pub reasons: Vec<ReasonId>,
    pub steps: Vec<(QuestionId, Value)>,
    pub at: DateTime<FixedOffset>,
    /// How many steps are applied.
    pub shown: usize,
}

impl Replay {
    /// The replay of a case: its reasons, then the questions as a perfect run asks them.
    pub fn of_case(
        g: Arc<Guidance>,
        case: &TrainingCase,
        at: DateTime<FixedOffset>,
        lang: Language,
    ) -> Replay {
        let run = crate::training::model_run(&g, case);
        Replay {
            guidance: g,
            title: case.title.get(lang).to_owned(),
            reasons: case.reasons.clone(),
            steps: run.asked,
            at,
            shown: 0,
        }
    }

    /// The call after the first `upto` steps.
    pub fn call(&self, upto: usize) -> Call {
        let mut call = Call::new(&self.guidance);
        for &r in &self.reasons {
            call.add_reason(r);
        }
        for &(q, v) in &self.steps[..upto.min(self.steps.len())] {
            call.set(q, Some(v));
        }
        call
    }
}

#[derive(Default)]
pub struct TrainerState {
    /// The guidance the cases were read against; their reasons and questions point into it.
    pub guidance: Option<Arc<Guidance>>,
    pub cases: Vec<TrainingCase>,
    pub errors: Vec<Diagnostic>,
    pub selected: usize,
    pub tab: TrainerTab,
    pub feedback: Option<Feedback>,
    pub session: Vec<Feedback>,
    /// The reason the map shows, in the guidance in use (reset when it reloads).
    pub map_reason: Option<ReasonId>,
    pub replay: Option<Replay>,
    pub saved: Option<String>,
}
