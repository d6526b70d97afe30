//! One assessment as the nurse makes it: the call, who called and how, the decision on the
//! proposal, and the notes. The record text ([`crate::record`]) and the autosave are made from it.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::call::{Answer, Call};
use crate::disposition::Resolved;
use crate::effective::Effective;
use crate::engine::Evaluation;
use crate::guidance::{Guidance, ServiceId};
use crate::i18n::Msg;

/// Who is on the line. A call starts with [`Caller::NotChosen`]: the record never assumes the
/// client called, and the app asks for it before the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Caller {
    #[default]
    NotChosen,
    /// The client themself.
    Client,
    /// A parent, about their child.
    Parent,
    /// A relative or carer.
    Relative,
    /// A professional (home care, a care home, a school nurse…).
    Professional,
    /// "On someone's behalf", as logs and autosaves before issue 14 say.
    OnBehalf,
}

/// What the nurse did when the call left the flow for an emergency, chosen on the emergency
/// screen and written into the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmergencyAction {
    /// Told the caller to call 112.
    ToldToCall112,
    /// Transferred the call to the emergency centre.
    Transferred,
    /// Ordered an ambulance.
    OrderedAmbulance,
}

impl EmergencyAction {
    /// What the nurse did, in the record's words.
    pub fn label(self) -> Msg {
        match self {
            EmergencyAction::ToldToCall112 => Msg::ActionTold112,
            EmergencyAction::Transferred => Msg::ActionTransferred,
            EmergencyAction::OrderedAmbulance => Msg::ActionAmbulance,
        }
    }

    pub const ALL: [EmergencyAction; 3] = [
        EmergencyAction::ToldToCall112,
        EmergencyAction::Transferred,
        EmergencyAction::OrderedAmbulance,
    ];
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
    /// Who called, in the record's words.
    pub fn label(self) -> Msg {
        match self {
            Caller::NotChosen => Msg::CallerNotChosen,
            Caller::Client => Msg::CallerClient,
            Caller::Parent => Msg::CallerParent,
            Caller::Relative => Msg::CallerRelative,
            Caller::Professional => Msg::CallerProfessional,
            Caller::OnBehalf => Msg::CallerOnBehalf,
        }
    }

    /// The choices F2 cycles through (never back to "not chosen").
    pub const ALL: [Caller; 4] = [
        Caller::Client,
        Caller::Parent,
        Caller::Relative,
        Caller::Professional,
    ];
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
    /// The service of the outcome taken; `None` for an override, which names none.
    pub service: Option<ServiceId>,
    /// The decision takes a nurse's-judgement outcome as proposed (`false` for an override).
    pub nurse_judgement: bool,
    /// When it was made: the proposal decided on is the effective one at this time
    /// ([`crate::effective`]), and the record and the log show that one.
    pub decided_at: DateTime<FixedOffset>,
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
    /// Who called is not chosen yet (the client, a parent, a relative or a professional).
    #[error("who called must be chosen first")]
    CallerNotChosen,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub started: DateTime<FixedOffset>,
    pub call: Call,
    pub caller: Caller,
    pub channel: Channel,
    pub decision: Option<Decision>,
    /// What the nurse did on the emergency screen (`None`: not yet said).
    pub emergency_action: Option<EmergencyAction>,
    /// Free text: kept only in memory and in the user's private autosave, never in the log.
    pub notes: String,
    /// Who called must be chosen before a decision: true for every call whose record is kept
    /// (a practice call's is not, and sets it false).
    pub caller_required: bool,
}

impl Assessment {
    pub fn new(g: &Guidance, started: DateTime<FixedOffset>) -> Self {
        Self {
            started,
            call: Call::new(g),
            caller: Caller::default(),
            channel: Channel::default(),
            decision: None,
            emergency_action: None,
            notes: String::new(),
            caller_required: true,
        }
    }

    /// Accepts the current proposal as it stands at `at`: its effective outcome (the guidance's
    /// out-of-hours outcome when the service is closed then). Refused until who called is
    /// chosen, when that is required.
    pub fn accept(
        &mut self,
        g: &Guidance,
        evaluation: &Evaluation,
        at: DateTime<FixedOffset>,
    ) -> Result<(), DecisionError> {
        let p = ready(g, evaluation)?;
        self.caller_chosen()?;
        let o = Effective::of_proposal(g, p, at.naive_local()).outcome;
        self.decision = Some(Decision {
            disposition: Resolved::of(o),
            override_reason: None,
            lowers_urgency: false,
            service: o.service,
            nurse_judgement: o.nurse_judgement,
            decided_at: at,
        });
        Ok(())
    }

    /// Overrides the proposal as it stands at `at`; a reason is required, and lowering urgency
    /// (below the effective outcome) is marked. Refused until who called is chosen, when that
    /// is required.
    pub fn override_with(
        &mut self,
        g: &Guidance,
        evaluation: &Evaluation,
        at: DateTime<FixedOffset>,
        disposition: Resolved,
        reason: OverrideReason,
    ) -> Result<(), DecisionError> {
        let p = ready(g, evaluation)?;
        let o = Effective::of_proposal(g, p, at.naive_local()).outcome;
        if reason.category.trim().is_empty() || reason.text.trim().is_empty() {
            return Err(DecisionError::ReasonMissing);
        }
        if disposition == Resolved::of(o) {
            return Err(DecisionError::NothingChanged);
        }
        // The form's own fields first, so that its message is about them.
        self.caller_chosen()?;
        self.decision = Some(Decision {
            disposition,
            override_reason: Some(reason),
            lowers_urgency: disposition.timeframe > o.timeframe,
            service: None,
            nurse_judgement: false,
            decided_at: at,
        });
        Ok(())
    }

    /// The record never assumes who called: a decision waits until the nurse has chosen.
    fn caller_chosen(&self) -> Result<(), DecisionError> {
        if self.caller_required && self.caller == Caller::NotChosen {
            return Err(DecisionError::CallerNotChosen);
        }
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
