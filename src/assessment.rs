//! One assessment as the nurse makes it: the call, who called and how, the decision on the
//! proposal, and the notes. The record text ([`crate::record`]) and the autosave are made from it.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::call::{Answer, Call};
use crate::disposition::Resolved;
use crate::engine::Evaluation;
use crate::guidance::Guidance;

/// Who is on the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Caller {
    #[default]
    Client,
    /// A relative or carer calling on the client's behalf.
    OnBehalf,
}

/// How the contact came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Channel {
    #[default]
    Phone,
    Callback,
    Chat,
    WalkIn,
}

impl Caller {
    pub const ALL: [Caller; 2] = [Caller::Client, Caller::OnBehalf];
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Phone,
        Channel::Callback,
        Channel::Chat,
        Channel::WalkIn,
    ];
}

/// The nurse's decision: the proposal as it stands, or an override with its reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub disposition: Resolved,
    /// `None` when the proposal was accepted as it is.
    pub override_reason: Option<OverrideReason>,
    /// The decided timeframe is less urgent than the proposed one.
    pub lowers_urgency: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OverrideReason {
    /// One of the guidance's override reason categories.
    pub category: String,
    pub text: String,
}

/// Why an override cannot be saved.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DecisionError {
    #[error("an override needs a reason")]
    ReasonMissing,
    #[error("an override must change the timeframe, contact mode or professional")]
    NothingChanged,
    #[error("there is no proposal to decide on yet")]
    NoProposal,
    #[error("every red flag must be answered first")]
    RedFlagsUnanswered,
    /// Every question asked must have an answer ("cannot say" is one) before the decision.
    #[error("some questions have no answer yet")]
    QuestionsLeft,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub started: DateTime<FixedOffset>,
    pub call: Call,
    pub caller: Caller,
    pub channel: Channel,
    pub decision: Option<Decision>,
    /// Free text: kept only in memory and in the user's private autosave, never in the log.
    pub notes: String,
}

impl Assessment {
    pub fn new(g: &Guidance, started: DateTime<FixedOffset>) -> Self {
        Self {
            started,
            call: Call::new(g),
            caller: Caller::default(),
            channel: Channel::default(),
            decision: None,
            notes: String::new(),
        }
    }

    /// Accepts the current proposal.
    pub fn accept(&mut self, g: &Guidance, evaluation: &Evaluation) -> Result<(), DecisionError> {
        let p = ready(g, evaluation)?;
        self.decision = Some(Decision {
            disposition: Resolved::of(p.outcome(g)),
            override_reason: None,
            lowers_urgency: false,
        });
        Ok(())
    }

    /// Overrides the proposal; a reason is required, and lowering urgency is marked.
    pub fn override_with(
        &mut self,
        g: &Guidance,
        evaluation: &Evaluation,
        disposition: Resolved,
        reason: OverrideReason,
    ) -> Result<(), DecisionError> {
        let p = ready(g, evaluation)?;
        let o = p.outcome(g);
        if reason.category.trim().is_empty() || reason.text.trim().is_empty() {
            return Err(DecisionError::ReasonMissing);
        }
        if disposition == Resolved::of(o) {
            return Err(DecisionError::NothingChanged);
        }
        self.decision = Some(Decision {
            disposition,
            override_reason: Some(reason),
            lowers_urgency: disposition.timeframe > o.timeframe,
        });
        Ok(())
    }

    /// Answers by question id, for the autosave: free-text answers are left out (their words
    /// may identify the patient and are kept only in the record text).
    pub fn answers_by_id(&self, g: &Guidance) -> Vec<(String, Answer)> {
        self.call
            .answered()
            .filter(|(_, v)| *v != crate::call::Value::Text)
            .map(|(q, v)| (g.question(q).id.clone(), v.to_answer(g, q)))
            .collect()
    }
}

/// A proposal can be decided on once every question asked has an answer, or at once when it
/// sends the caller to emergency or on-call care (the screen must not wait for the rest).
pub fn ready<'e>(
    g: &Guidance,
    evaluation: &'e Evaluation,
) -> Result<&'e crate::engine::Proposal, DecisionError> {
    let p = evaluation
        .proposal
        .as_ref()
        .ok_or(DecisionError::NoProposal)?;
    if p.leaves_flow(g) {
        return Ok(p);
    }
    if evaluation.red_flags_unanswered > 0 {
        return Err(DecisionError::RedFlagsUnanswered);
    }
    if !evaluation.complete() {
        return Err(DecisionError::QuestionsLeft);
    }
    Ok(p)
}
