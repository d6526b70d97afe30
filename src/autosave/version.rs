//! Earlier autosave formats, and their migration to the current one ([`VERSION`]). An autosave
//! outlives the program that wrote it (a crash, then an update), and a crashed call must not be
//! lost to a format change. Every version ever written is read here; a sample of each is kept in
//! `tests/samples/autosave/` and restored by `tests/autosave.rs`.
//!
//! - **1** (until the one disposition type): no `version` field; the decision's `timeframe`,
//!   `mode` and `professional` flat in it.
//! - **2**: `version: 2`; the decision's `disposition` one [`Disposition`]. Builds of the day
//!   before versions were numbered wrote this shape without the field; it is read too.
//! - **3** (guidance format 2): the decision also holds its `service`, `nurse_judgement` and
//!   `decided_at`; a version-2 file reads as version 3 with none, `false` and the call's start.

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use super::saved::{Autosave, SavedDecision, VERSION};
use crate::assessment::{Caller, Channel};
use crate::call::Answer;
use crate::disposition::Disposition;

/// Only the version of a file, whatever else it holds; 0 when it has none.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    version: u32,
}

/// Why an autosave was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Not an autosave of any known version: set aside, never to be read again.
    Corrupt(String),
    /// Written by a newer Arvio: left in place for it.
    Newer(u32),
}

/// Parses an autosave of any version into the current format.
pub fn parse(text: &str) -> Result<Autosave, Unreadable> {
    let corrupt = |e: ron::error::SpannedError| Unreadable::Corrupt(e.to_string());
    let probe: Probe = ron::from_str(text).map_err(corrupt)?;
    match probe.version {
        0 => match ron::from_str::<V1>(text) {
            Ok(v1) => Ok(v1.migrate()),
            Err(e) => ron::from_str::<Unnumbered>(text)
                .map(Unnumbered::migrate)
                .map_err(|_| corrupt(e)),
        },
        1 => ron::from_str::<V1>(text).map(V1::migrate).map_err(corrupt),
        2 | VERSION => ron::from_str::<Autosave>(text)
            .map(|a| Autosave {
                version: VERSION,
                ..a
            })
            .map_err(corrupt),
        v => Err(Unreadable::Newer(v)),
    }
}

/// Version 1.
#[derive(Deserialize)]
struct V1 {
    guidance_hash: String,
    guidance_version: String,
    started: DateTime<FixedOffset>,
    reasons: Vec<String>,
    answers: Vec<(String, Answer)>,
    caller: Caller,
    channel: Channel,
    decision: Option<V1Decision>,
    notes: String,
}

#[derive(Deserialize)]
struct V1Decision {
    timeframe: String,
    mode: Option<String>,
    professional: Option<String>,
    override_category: Option<String>,
    override_text: Option<String>,
    lowers_urgency: bool,
}

impl V1 {
    fn migrate(self) -> Autosave {
        Autosave {
            version: VERSION,
            guidance_hash: self.guidance_hash,
            guidance_version: self.guidance_version,
            started: self.started,
            reasons: self.reasons,
            answers: self.answers,
            caller: self.caller,
            channel: self.channel,
            decision: self.decision.map(|d| SavedDecision {
                disposition: Disposition {
                    timeframe: d.timeframe,
                    mode: d.mode,
                    professional: d.professional,
                },
                override_category: d.override_category,
                override_text: d.override_text,
                lowers_urgency: d.lowers_urgency,
                service: None,
                nurse_judgement: false,
                decided_at: None,
            }),
            notes: self.notes,
        }
    }
}

/// Version 2 as written before it had its number.
#[derive(Deserialize)]
struct Unnumbered {
    guidance_hash: String,
    guidance_version: String,
    started: DateTime<FixedOffset>,
    reasons: Vec<String>,
    answers: Vec<(String, Answer)>,
    caller: Caller,
    channel: Channel,
    decision: Option<SavedDecision>,
    notes: String,
}

impl Unnumbered {
    fn migrate(self) -> Autosave {
        Autosave {
            version: VERSION,
            guidance_hash: self.guidance_hash,
            guidance_version: self.guidance_version,
            started: self.started,
            reasons: self.reasons,
            answers: self.answers,
            caller: self.caller,
            channel: self.channel,
            decision: self.decision,
            notes: self.notes,
        }
    }
}
