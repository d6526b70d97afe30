//! The nurse's decision and the record's own fields: accepting the proposal, overriding it with
//! a reason, the notes, and who called by which channel.

use chrono::{DateTime, FixedOffset};

use crate::assessment::{Caller, Channel, DecisionError, OverrideReason};
use crate::effective::Effective;
use crate::i18n::{Msg, tr};
use crate::text::Language;
use crate::ui::intent::{Change, Intent};
use crate::ui::nurse::{CallView, Focus, OverrideForm, PanelScroll, flow};
use crate::ui::state::AppState;

/// Handles [`Intent::Accept`], the override form's intents, the notes, [`Intent::CycleCaller`],
/// [`Intent::CycleChannel`] and the right panel's scrolling. A decision made scrolls the panel
/// to it.
pub fn apply(s: &mut AppState, intent: Intent) -> Change {
    let lang = s.lang();
    let now = s.now();
    let Some(c) = &mut s.call else {
        return Change::None;
    };
    match intent {
        // Ticks shown but not confirmed: neither the proposal nor an override may be decided on
        // the answer they would replace (H-49).
        Intent::Accept | Intent::OpenOverride if c.unconfirmed_ticks() => {
            c.message = Some(tr(lang, Msg::ConfirmTicksFirst).to_owned());
            Change::None
        }
        Intent::Accept => {
            let g = c.guidance.clone();
            // The record never assumes who called; an emergency records what the nurse did.
            if let Err(e) = crate::assessment::ready(&g, &c.evaluation) {
                c.message = Some(decision_error(lang, &e));
                return Change::None;
            }
            // A practice call's record is not kept.
            let real = c.practice.is_none();
            if real && c.assessment.caller == Caller::NotChosen {
                c.message = Some(tr(lang, Msg::ChooseCallerFirst).to_owned());
                return Change::None;
            }
            if real && c.needs_emergency_action() && c.assessment.emergency_action.is_none() {
                c.message = Some(tr(lang, Msg::ChooseActionFirst).to_owned());
                return Change::None;
            }
            match c.assessment.accept(&g, &c.evaluation, now) {
                Ok(()) => {
                    c.message = None;
                    c.decision_voided = false;
                    c.panel_scroll = Some(PanelScroll::Decision);
                    Change::Call
                }
                Err(e) => {
                    c.message = Some(decision_error(lang, &e));
                    Change::None
                }
            }
        }
        Intent::OpenOverride => {
            open_override(c, now);
            Change::None
        }
        Intent::EditOverride(f) => {
            c.override_form = Some(f);
            Change::None
        }
        Intent::SaveOverride => save_override(c, lang, now),
        Intent::CancelOverride => {
            c.override_form = None;
            c.focus = flow::first_open(c).unwrap_or(Focus::Search);
            Change::None
        }
        Intent::EditNotes(notes) => {
            c.assessment.notes = notes;
            Change::Typing
        }
        Intent::SetNotes(notes) => {
            c.assessment.notes = notes;
            Change::Call
        }
        Intent::CycleCaller => {
            // From "not chosen" (or an older autosave's "on behalf") to the first choice.
            c.assessment.caller = match Caller::ALL.iter().position(|x| *x == c.assessment.caller) {
                Some(i) => Caller::ALL[(i + 1) % Caller::ALL.len()],
                None => Caller::ALL[0],
            };
            if c.message.as_deref() == Some(tr(lang, Msg::ChooseCallerFirst)) {
                c.message = None;
            }
            Change::Call
        }
        Intent::SetEmergencyAction(action) => {
            c.assessment.emergency_action = Some(action);
            if c.message.as_deref() == Some(tr(lang, Msg::ChooseActionFirst)) {
                c.message = None;
            }
            Change::Call
        }
        Intent::CycleChannel => {
            let i = Channel::ALL
                .iter()
                .position(|x| *x == c.assessment.channel)
                .unwrap_or(0);
            c.assessment.channel = Channel::ALL[(i + 1) % Channel::ALL.len()];
            Change::Call
        }
        Intent::ScrollPanel(pages) => {
            c.panel_scroll = Some(PanelScroll::Pages(pages));
            Change::None
        }
        Intent::PanelScrolled => {
            c.panel_scroll = None;
            Change::None
        }
        _ => Change::None,
    }
}

/// Opens the override form on the proposal's outcome as it stands now (its effective outcome).
fn open_override(c: &mut CallView, now: DateTime<FixedOffset>) {
    if let Some(p) = &c.evaluation.proposal {
        c.override_form = Some(OverrideForm {
            disposition: Effective::of_proposal(&c.guidance, p, now.naive_local()).resolved(),
            category: String::new(),
            text: String::new(),
            error: None,
        });
        c.focus = Focus::Override;
    }
}

/// Saves the override form as the decision; refused (with why, in the form) without a reason.
fn save_override(c: &mut CallView, lang: Language, now: DateTime<FixedOffset>) -> Change {
    let Some(f) = &c.override_form else {
        return Change::None;
    };
    let reason = OverrideReason {
        category: f.category.clone(),
        text: f.text.clone(),
    };
    let g = c.guidance.clone();
    match c
        .assessment
        .override_with(&g, &c.evaluation, now, f.disposition, reason)
    {
        Ok(()) => {
            c.override_form = None;
            c.decision_voided = false;
            c.focus = Focus::Notes;
            c.panel_scroll = Some(PanelScroll::Decision);
            Change::Call
        }
        Err(e) => {
            let text = decision_error(lang, &e);
            if let Some(f) = &mut c.override_form {
                f.error = Some(text);
            }
            Change::None
        }
    }
}

fn decision_error(lang: Language, e: &DecisionError) -> String {
    tr(
        lang,
        match e {
            DecisionError::ReasonMissing => Msg::OverrideNeedsReason,
            DecisionError::NothingChanged => Msg::OverrideNothingChanged,
            DecisionError::NoProposal => Msg::NoProposalYet,
            DecisionError::RedFlagsUnanswered => Msg::AnswerRedFlagsFirst,
            DecisionError::QuestionsLeft => Msg::AnswerAllFirst,
            DecisionError::CallerNotChosen => Msg::ChooseCallerFirst,
        },
    )
    .to_owned()
}
