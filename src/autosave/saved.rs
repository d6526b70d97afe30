//! What an autosave holds, in the current format ([`VERSION`]): the call by the guidance's ids,
//! and free text only when the user asked for it ([`FreeText`]).

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Caller, Channel, Decision, OverrideReason};
use crate::call::{Answer, Value};
use crate::disposition::Disposition;
use crate::guidance::Guidance;

/// The format written now. Version 1 had the decision's timeframe, mode and professional flat
/// in the decision and no `version` field; version 2 holds them as one [`Disposition`]; version
/// 3 adds the decision's service, nurse's judgement and time. Every
/// earlier version is read and migrated (see `version.rs`).
pub const VERSION: u32 = 3;

/// Whether free text (the notes, the override explanation, and free-text answers once the
/// guidance format has them) is written to disk. Arvio promises no identifiers and no free text
/// on disk unless the user asks: a nurse types a personal identity code or a phone number into
/// the notes. With [`FreeText::Omit`] (the default) the text stays in memory only, so a crash
/// loses it, and the rest of the call comes back.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FreeText {
    /// Written, because the user chose so in the settings.
    Keep,
    #[default]
    Omit,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Autosave {
    /// [`VERSION`] at the time of writing.
    pub version: u32,
    pub guidance_hash: String,
    pub guidance_version: String,
    pub started: DateTime<FixedOffset>,
    pub reasons: Vec<String>,
    pub answers: Vec<(String, Answer)>,
    pub caller: Caller,
    pub channel: Channel,
    pub decision: Option<SavedDecision>,
    /// Empty unless written with [`FreeText::Keep`].
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedDecision {
    pub disposition: Disposition,
    pub override_category: Option<String>,
    /// The override explanation; `None` unless written with [`FreeText::Keep`].
    pub override_text: Option<String>,
    pub lowers_urgency: bool,
    /// The decided service's id (an autosave older than format 2 has none).
    #[serde(default)]
    pub service: Option<String>,
    #[serde(default)]
    pub nurse_judgement: bool,
    /// When the decision was made; an older autosave has none and restores the call's start.
    #[serde(default)]
    pub decided_at: Option<DateTime<FixedOffset>>,
}

impl Autosave {
    /// The call in progress as saved, its free text only with [`FreeText::Keep`]. The record
    /// text for the patient record is never part of it.
    pub fn of(g: &Guidance, a: &Assessment, free_text: FreeText) -> Self {
        let keep = free_text == FreeText::Keep;
        Self {
            version: VERSION,
            guidance_hash: g.provenance.hash.clone(),
            guidance_version: g.meta.version.clone(),
            started: a.started,
            reasons: a
                .call
                .reasons
                .iter()
                .map(|r| g.reason(*r).id.clone())
                .collect(),
            // Every answer kind today is an id or a number; a free-text kind is left out here
            // unless `keep`, as the notes are.
            answers: a.answers_by_id(g),
            caller: a.caller,
            channel: a.channel,
            decision: a.decision.as_ref().map(|d| SavedDecision {
                disposition: Disposition::from_ids(g, d.disposition),
                override_category: d.override_reason.as_ref().map(|r| r.category.clone()),
                override_text: d
                    .override_reason
                    .as_ref()
                    .filter(|_| keep)
                    .map(|r| r.text.clone()),
                lowers_urgency: d.lowers_urgency,
                service: d.service.map(|s| g.service(s).id.clone()),
                nurse_judgement: d.nurse_judgement,
                decided_at: Some(d.decided_at),
            }),
            notes: if keep { a.notes.clone() } else { String::new() },
        }
    }

    /// Whether the saved call was made on this very guidance (same content hash).
    pub fn matches(&self, g: &Guidance) -> bool {
        self.guidance_hash == g.provenance.hash
    }

    /// Rebuilds the assessment; answers that no longer fit the guidance are left out and listed.
    /// A decision comes back only on the same guidance, and an override only with its
    /// explanation: one saved without it ([`FreeText::Omit`]) is decided again.
    pub fn restore(&self, g: &Guidance) -> (Assessment, Vec<String>) {
        let mut a = Assessment::new(g, self.started);
        let mut dropped = Vec::new();
        for r in &self.reasons {
            match g.reason_by_id(r) {
                Some(id) => a.call.add_reason(id),
                None => dropped.push(r.clone()),
            }
        }
        for (q, answer) in &self.answers {
            match g
                .question_by_id(q)
                .map(|id| (id, Value::resolve(g, id, answer)))
            {
                Some((id, Ok(v))) => a.call.set(id, Some(v)),
                _ => dropped.push(q.clone()),
            }
        }
        a.caller = self.caller;
        a.channel = self.channel;
        a.notes = self.notes.clone();
        // A decision is only restored onto the same guidance: on another it may no longer hold.
        if self.matches(g)
            && let Some(d) = &self.decision
            && let Some(disposition) = d.disposition.resolve(g)
        {
            let override_reason = match (&d.override_category, &d.override_text) {
                (Some(c), Some(t)) => Some(OverrideReason {
                    category: c.clone(),
                    text: t.clone(),
                }),
                // An override whose explanation was not written: not an override without one.
                (Some(_), None) => return (a, dropped),
                _ => None,
            };
            a.decision = Some(Decision {
                disposition,
                override_reason,
                lowers_urgency: d.lowers_urgency,
                service: d.service.as_deref().and_then(|s| g.service_by_id(s)),
                nurse_judgement: d.nurse_judgement,
                decided_at: d.decided_at.unwrap_or(self.started),
            });
        }
        (a, dropped)
    }
}
