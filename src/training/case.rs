//! A validated training case: ids resolved against the guidance it was loaded with, and the
//! outcome the engine gives for it.

use std::path::PathBuf;

use crate::call::Value;
use crate::disposition::Resolved;
use crate::engine::Decider;
use crate::guidance::{ModeId, QuestionId, ReasonId};
use crate::text::Text;

use super::format::Difficulty;

/// A validated training case: ids resolved against the guidance it was loaded with.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingCase {
    pub file: PathBuf,
    /// The file name without `.ron`, e.g. `03_uti_protocol`.
    pub id: String,
    pub title: Text,
    pub story: Text,
    pub opening: Text,
    pub reasons: Vec<ReasonId>,
    /// The facts the caller reveals, in file order.
    pub answers: Vec<(QuestionId, Value)>,
    pub expect: Expected,
    /// Red flags that count against the trainee when not asked.
    pub must_screen: Vec<QuestionId>,
    pub teaching_points: Vec<Text>,
    pub difficulty: Option<Difficulty>,
}

/// The outcome of a case: what the engine gives for the case's answers, equal to `expect`.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    /// The deciding outcome's timeframe, first contact mode and professional.
    pub disposition: Resolved,
    /// Every contact mode the deciding outcome lists (the disposition's first); any of them is
    /// accepted.
    pub modes: Vec<ModeId>,
    /// The red flag, rule or fallback that decides the case.
    pub decided_by: Decider,
}

impl TrainingCase {
    /// The fact the case lists for a question, if any.
    pub fn answer(&self, question: QuestionId) -> Option<Value> {
        self.answers
            .iter()
            .find(|(q, _)| *q == question)
            .map(|(_, v)| *v)
    }
}
