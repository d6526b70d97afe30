//! One log record: what a finished call leaves in the log (ids and fixed enums only), its
//! monthly file name, its line of JSON and the parsing of one line back.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Caller, Channel};
use crate::disposition::{Disposition, Resolved};
use crate::effective::Effective;
use crate::engine::{Decider, Evaluation};
use crate::guidance::{Guidance, ServiceId, TimeframeId, TimeframeKind};

/// The record format; a reader refuses records of a newer schema. Schema 2 adds `service`,
/// `nurse_judgement` and `max_hours` to the proposal and the decision; schema-1 lines read with
/// none, `false` and none. Schema 3 adds `approval`, the guidance's approval status; older
/// lines read with none.
pub const SCHEMA_VERSION: u32 = 3;

/// Log files are `arvio-YYYY-MM.jsonl`.
pub const FILE_PREFIX: &str = "arvio-";
pub const FILE_SUFFIX: &str = ".jsonl";
/// A set-aside torn line goes to `<log file name>.torn-<n>`.
pub const TORN_MARK: &str = ".torn-";
/// The longest line read as a record: a record is well under a kilobyte, so a longer line is
/// not one, and reading stops short of holding it.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// One finished assessment, anonymous: every string is an id from the guidance, the guidance's
/// own name, version and hash, or a fixed enum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogRecord {
    /// [`SCHEMA_VERSION`] at the time of writing.
    pub schema: u32,
    /// When the call was finished, RFC 3339 with the local offset.
    pub finished: DateTime<FixedOffset>,
    pub guidance: GuidanceStamp,
    /// Reason ids in the order the nurse chose them.
    pub reasons: Vec<String>,
    pub red_flags: RedFlagResult,
    pub proposal: LoggedProposal,
    pub decision: LoggedDecision,
    /// From the start of the assessment to `finished`, whole seconds (0 if the clock went back).
    pub duration_seconds: u64,
    pub caller: Caller,
    pub channel: Channel,
    /// Whether the guidance was approved (schema 3; `None` in older lines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<LoggedApproval>,
}

/// The guidance's approval as the call used it: its status and, when its folder holds a valid
/// approval record, the date, version and hash that record approves (for `changed`, not the
/// hash in use). No name: the log holds ids and fixed values only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoggedApproval {
    /// `approved`, `not_approved`, `changed` or `invalid`.
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<chrono::NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
}

impl LoggedApproval {
    pub fn of(status: &crate::approval::Status) -> LoggedApproval {
        let record = status.approval();
        LoggedApproval {
            status: status.id().to_owned(),
            date: record.map(|a| a.date),
            version: record.map(|a| a.version.clone()),
            hash: record.map(|a| a.hash.clone()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidanceStamp {
    /// The guidance's name in its first language.
    pub name: String,
    pub version: String,
    /// SHA-256 of the guidance files, lowercase hex.
    pub hash: String,
}

/// What the red-flag questions gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case", deny_unknown_fields)]
pub enum RedFlagResult {
    /// Every red flag answered and none hit.
    None,
    /// These red flags (question ids, in guidance order) were hit.
    Hit { ids: Vec<String> },
    /// None hit, but some were left unanswered (the call left the flow for another reason).
    Incomplete,
}

/// The timeframe's kind, as in the guidance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Emergency,
    OnCall,
    Scheduled,
    SelfCare,
}

impl From<TimeframeKind> for Kind {
    fn from(k: TimeframeKind) -> Self {
        match k {
            TimeframeKind::Emergency => Kind::Emergency,
            TimeframeKind::OnCall => Kind::OnCall,
            TimeframeKind::Scheduled => Kind::Scheduled,
            TimeframeKind::SelfCare => Kind::SelfCare,
        }
    }
}

/// What the guidance proposed. (The disposition's fields stand flat in the line, as in schema 1;
/// serde's `flatten` cannot be combined with `deny_unknown_fields`, so unknown fields are refused
/// at the top of the record only. Lines are read through a flat twin, `FlatProposal`: serde's
/// `flatten` buffers every field before reading it, which made reading a large log three times
/// slower.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "FlatProposal")]
pub struct LoggedProposal {
    /// The timeframe, the proposed (first) contact mode and the professional.
    #[serde(flatten)]
    pub disposition: Disposition,
    pub kind: Kind,
    /// The timeframe's day range maximum; `None` when it has no days.
    pub max_days: Option<u32>,
    /// The timeframe's hour range maximum; `None` when it has no hours (and in schema 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_hours: Option<u32>,
    /// The winning rule: a rule id, a red flag's question id, or `<reason>.fallback`.
    pub rule: String,
    /// The proposed contact mode is remote.
    pub remote: bool,
    /// The proposed service's id (schema 2; `None` in schema 1).
    pub service: Option<String>,
    /// The proposal is the nurse's own urgency assessment (schema 2).
    pub nurse_judgement: bool,
}

/// What the nurse decided (read through `FlatDecision`, as the proposal is).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "FlatDecision")]
pub struct LoggedDecision {
    #[serde(flatten)]
    pub disposition: Disposition,
    pub kind: Kind,
    /// The decided timeframe's day range maximum; `None` when it has no days.
    pub max_days: Option<u32>,
    /// The decided timeframe's hour range maximum; `None` when it has no hours.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_hours: Option<u32>,
    /// The decided contact mode is remote.
    pub remote: bool,
    /// The decided service's id: the proposal's when accepted, `None` for an override (schema 2).
    pub service: Option<String>,
    /// An accepted nurse's-judgement proposal (schema 2).
    pub nurse_judgement: bool,
    /// The proposal was overridden.
    pub overridden: bool,
    /// The decided timeframe is less urgent than the proposed one.
    pub lowers_urgency: bool,
    /// The override reason category, an id of the guidance's `override_reasons`; `None` when not
    /// overridden or when the category is not on the guidance's list. The explanation text the
    /// nurse typed is never logged.
    pub override_category: Option<String>,
}

/// [`LoggedProposal`] as it stands in a line, for reading it in one pass.
#[derive(Deserialize)]
struct FlatProposal {
    timeframe: String,
    #[serde(default)]
    mode: Option<String>,
    #[serde(default)]
    professional: Option<String>,
    kind: Kind,
    max_days: Option<u32>,
    #[serde(default)]
    max_hours: Option<u32>,
    rule: String,
    remote: bool,
    #[serde(default)]
    service: Option<String>,
    #[serde(default)]
    nurse_judgement: bool,
}

impl From<FlatProposal> for LoggedProposal {
    fn from(f: FlatProposal) -> Self {
        LoggedProposal {
            disposition: Disposition {
                timeframe: f.timeframe,
                mode: f.mode,
                professional: f.professional,
            },
            kind: f.kind,
            max_days: f.max_days,
            max_hours: f.max_hours,
            rule: f.rule,
            remote: f.remote,
            service: f.service,
            nurse_judgement: f.nurse_judgement,
        }
    }
}

/// [`LoggedDecision`] as it stands in a line.
#[derive(Deserialize)]
struct FlatDecision {
    timeframe: String,
    #[serde(default)]
    mode: Option<String>,
    #[serde(default)]
    professional: Option<String>,
    kind: Kind,
    max_days: Option<u32>,
    #[serde(default)]
    max_hours: Option<u32>,
    remote: bool,
    #[serde(default)]
    service: Option<String>,
    #[serde(default)]
    nurse_judgement: bool,
    overridden: bool,
    lowers_urgency: bool,
    override_category: Option<String>,
}

impl From<FlatDecision> for LoggedDecision {
    fn from(f: FlatDecision) -> Self {
        LoggedDecision {
            disposition: Disposition {
                timeframe: f.timeframe,
                mode: f.mode,
                professional: f.professional,
            },
            kind: f.kind,
            max_days: f.max_days,
            max_hours: f.max_hours,
            remote: f.remote,
            service: f.service,
            nurse_judgement: f.nurse_judgement,
            overridden: f.overridden,
            lowers_urgency: f.lowers_urgency,
            override_category: f.override_category,
        }
    }
}

impl LogRecord {
    /// The record of a finished assessment; `None` while there is no decision (or no proposal).
    pub fn of(
        g: &Guidance,
        a: &Assessment,
        evaluation: &Evaluation,
        finished: DateTime<FixedOffset>,
    ) -> Option<LogRecord> {
        let d = a.decision.as_ref()?;
        let p = evaluation.proposal.as_ref()?;
        // The proposal the nurse decided on: the effective one at the decision's time.
        let o = Effective::of_proposal(g, p, d.decided_at.naive_local()).outcome;
        let remote = |r: Resolved| r.mode.is_some_and(|m| g.mode(m).remote);
        let timeframe = |t: TimeframeId| {
            let t = g.timeframe(t);
            (
                Kind::from(t.kind),
                t.days.map(|(_, max)| max),
                t.hours.map(|(_, max)| max),
            )
        };
        let service = |s: Option<ServiceId>| s.map(|s| g.service(s).id.clone());
        let hits: Vec<String> = p
            .matched
            .iter()
            .filter_map(|m| match m {
                Decider::RedFlag(_) => Some(m.id(g)),
                _ => None,
            })
            .collect();
        let red_flags = if !hits.is_empty() {
            RedFlagResult::Hit { ids: hits }
        } else if evaluation.red_flags_unanswered > 0 {
            RedFlagResult::Incomplete
        } else {
            RedFlagResult::None
        };
        let proposed = Resolved::of(o);
        let (p_kind, p_max, p_hours) = timeframe(proposed.timeframe);
        let (d_kind, d_max, d_hours) = timeframe(d.disposition.timeframe);
        // Only a category on the guidance's list is kept: whatever else the field holds could be
        // typed text.
        let override_category = d.override_reason.as_ref().and_then(|r| {
            g.override_reasons
                .iter()
                .find(|o| o.id == r.category)
                .map(|o| o.id.clone())
        });
        let duration = (finished - a.started).num_seconds().max(0) as u64;
        Some(LogRecord {
            schema: SCHEMA_VERSION,
            finished,
            guidance: GuidanceStamp {
                name: g.meta.name.get(g.meta.languages[0]).to_owned(),
                version: g.meta.version.clone(),
                hash: g.provenance.hash.clone(),
            },
            reasons: a
                .call
                .reasons
                .iter()
                .map(|r| g.reason(*r).id.clone())
                .collect(),
            red_flags,
            proposal: LoggedProposal {
                disposition: Disposition::from_ids(g, proposed),
                kind: p_kind,
                max_days: p_max,
                max_hours: p_hours,
                rule: p.winner.id(g),
                remote: remote(proposed),
                service: service(o.service),
                nurse_judgement: o.nurse_judgement,
            },
            decision: LoggedDecision {
                disposition: Disposition::from_ids(g, d.disposition),
                kind: d_kind,
                max_days: d_max,
                max_hours: d_hours,
                remote: remote(d.disposition),
                service: service(d.service),
                nurse_judgement: d.nurse_judgement,
                overridden: d.override_reason.is_some(),
                lowers_urgency: d.lowers_urgency,
                override_category,
            },
            duration_seconds: duration,
            caller: a.caller,
            channel: a.channel,
            approval: Some(LoggedApproval::of(&g.provenance.approval)),
        })
    }

    /// The monthly file this record belongs in, by its local finishing date.
    pub fn file_name(&self) -> String {
        format!(
            "{FILE_PREFIX}{}{FILE_SUFFIX}",
            self.finished.format("%Y-%m")
        )
    }

    /// The record as one line of JSON, without the newline.
    pub fn to_line(&self) -> String {
        // Serialising plain strings, numbers and enums cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Parses one line into a record, or says why not.
pub fn parse_line(line: &[u8]) -> Result<LogRecord, String> {
    // The common case in one pass; the two passes below only find the words for an error.
    if let Ok(r) = serde_json::from_slice::<LogRecord>(line)
        && r.schema <= SCHEMA_VERSION
    {
        return Ok(r);
    }
    let value: serde_json::Value =
        serde_json::from_slice(line).map_err(|e| format!("not JSON: {e}"))?;
    match value.get("schema").and_then(|s| s.as_u64()) {
        Some(v) if v > u64::from(SCHEMA_VERSION) => {
            return Err(format!(
                "record of schema {v}, newer than this arvio's {SCHEMA_VERSION}"
            ));
        }
        _ => {}
    }
    serde_json::from_value(value).map_err(|e| format!("not a log record: {e}"))
}
