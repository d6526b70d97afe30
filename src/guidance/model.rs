//! The validated guidance: ids resolved to indices, every text in every language.
//!
//! Nothing here can be inconsistent: [`crate::guidance::load`] builds it only from files that
//! passed validation, so the engine indexes without checks and never fails.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::calendar::DayCounting;
use crate::guidance::allow::Allow;
use crate::opening_hours::{OpeningHours, TimeframeRange};
use crate::quantity::Unit;
use crate::source::Position;
use crate::text::{Language, Text, TextList};

macro_rules! index_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);
        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    )*};
}

index_type!(
    /// A question of the guidance (basic, red flag, risk factor, pool or a reason's question).
    QuestionId,
    /// A timeframe; a lower number is more urgent.
    TimeframeId,
    ModeId,
    ProfessionalId,
    ReasonId,
    /// A service of the guidance (health station, on-call unit, pharmacy, …).
    ServiceId,
    /// A file of the guidance, for locating findings.
    FileId,
);

/// Where something is defined: a file of the guidance and a position in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub file: FileId,
    pub pos: Position,
}

#[derive(Debug, Clone)]
pub struct Guidance {
    pub meta: Meta,
    /// Most urgent first.
    pub timeframes: Vec<Timeframe>,
    pub modes: Vec<ContactMode>,
    pub professionals: Vec<Professional>,
    pub override_reasons: Vec<Labelled>,
    pub services: Vec<Service>,
    /// The named advice texts; outcomes hold them already resolved, this list is for diffs.
    pub advice_blocks: Vec<AdviceBlock>,
    pub questions: Vec<Question>,
    /// The patient basics (age, sex), asked first when read or `always`.
    pub basics: Vec<QuestionId>,
    /// Global red flags first (guidance.ron), then those of the reason files.
    pub red_flags: Vec<RedFlag>,
    pub risk_factors: Vec<QuestionId>,
    /// The shared question pool (`questions/*.ron`), in file order.
    pub pool: Vec<QuestionId>,
    pub reasons: Vec<Reason>,
    pub provenance: Provenance,
    pub(crate) question_index: HashMap<String, QuestionId>,
    /// Every question after those its `ask_if` (and a red flag's `ask_if`) names, for evaluating
    /// relevance in one pass.
    pub(crate) ask_order: Vec<QuestionId>,
    /// Per question, its place in `ask_order`.
    pub(crate) rank: Vec<u32>,
    /// Per question, the index of its red flag, if it is one.
    pub(crate) red_flag_at: Vec<Option<u32>>,
    /// What every call walks, in `ask_order`: the `always` basics, the global red flags and the
    /// shared questions their `ask_if`s read.
    pub(crate) base_walk: Vec<QuestionId>,
}

#[derive(Debug, Clone)]
pub struct Meta {
    pub organisation: String,
    pub name: Text,
    pub version: String,
    pub effective: chrono::NaiveDate,
    pub languages: Vec<Language>,
    pub disclaimer: Option<Text>,
    pub remote_target_percent: Option<f64>,
}

/// Which files the guidance was read from and their content hash, carried by every proposal.
#[derive(Debug, Clone)]
pub struct Provenance {
    pub dir: PathBuf,
    /// Paths relative to `dir`, sorted.
    pub files: Vec<PathBuf>,
    /// SHA-256 over the files' relative paths and bytes, lowercase hex.
    pub hash: String,
    /// The approval record beside the files (not part of `hash`), read with them.
    pub approval: crate::approval::Status,
}

impl Provenance {
    pub fn short_hash(&self) -> &str {
        &self.hash[..self.hash.len().min(12)]
    }

    pub fn path(&self, file: FileId) -> PathBuf {
        self.files
            .get(file.index())
            .map(|f| self.dir.join(f))
            .unwrap_or_else(|| self.dir.clone())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeframeKind {
    Emergency,
    OnCall,
    Scheduled,
    SelfCare,
}

impl TimeframeKind {
    /// Emergency and on-call outcomes end the call's non-urgent flow at once.
    pub fn leaves_flow(self) -> bool {
        matches!(self, TimeframeKind::Emergency | TimeframeKind::OnCall)
    }
}

#[derive(Debug, Clone)]
pub struct Timeframe {
    pub id: String,
    pub label: Text,
    pub kind: TimeframeKind,
    pub days: Option<(u32, u32)>,
    /// Hours from the assessment time, instead of days (never both).
    pub hours: Option<(u32, u32)>,
    pub counting: DayCounting,
    pub code: Option<String>,
}

impl Timeframe {
    /// The range the contact window is computed from; `None` for a timeframe without one
    /// (emergency, on-call now, self-care).
    pub fn range(&self) -> Option<TimeframeRange> {
        match (self.hours, self.days) {
            (Some((min, max)), _) => Some(TimeframeRange::Hours { min, max }),
            (None, Some((min, max))) => Some(TimeframeRange::Days {
                min,
                max,
                counting: self.counting,
            }),
            (None, None) => None,
        }
    }
}

/// A place or line the caller can be sent to, with its opening hours and contact text.
#[derive(Debug, Clone)]
pub struct Service {
    pub id: String,
    pub label: Text,
    pub contact: Text,
    pub hours: OpeningHours,
    pub location: Location,
}

/// A named advice text (`advice_blocks`).
#[derive(Debug, Clone)]
pub struct AdviceBlock {
    pub id: String,
    pub text: Text,
    pub location: Location,
}

#[derive(Debug, Clone)]
pub struct ContactMode {
    pub id: String,
    pub label: Text,
    pub remote: bool,
}

#[derive(Debug, Clone)]
pub struct Professional {
    pub id: String,
    pub label: Text,
}

#[derive(Debug, Clone)]
pub struct Labelled {
    pub id: String,
    pub label: Text,
}

/// Which part of the guidance a question belongs to; the flow asks them in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Basic,
    RedFlag,
    RiskFactor,
    Pool,
    Reason(ReasonId),
}

impl Part {
    /// Basics, risk factors and pool questions: asked once for all of a call's reasons.
    pub fn is_shared(self) -> bool {
        matches!(self, Part::Basic | Part::RiskFactor | Part::Pool)
    }
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub text: Text,
    /// A few words for the record's relevant-negatives list.
    pub short: Option<Text>,
    pub note: Option<Text>,
    pub kind: QuestionKind,
    /// For a red flag this is `None`: its own `ask_if` is [`RedFlag::ask_if`].
    pub ask_if: Option<Condition>,
    /// A basic asked in every call, read or not.
    pub always: bool,
    pub part: Part,
    pub location: Location,
}

#[derive(Debug, Clone)]
pub enum QuestionKind {
    YesNo,
    OneOf(Vec<Labelled>),
    SeveralOf(Vec<Labelled>),
    Number(NumberSpec),
    /// An age in whole numbers of its units.
    Age(QuantitySpec),
    /// "Since when", in any of its units.
    Duration(QuantitySpec),
    /// "Other, describe": into the record text only, never in a condition or the log.
    FreeText,
}

/// The units an age or a duration is entered in and its range, in hours.
#[derive(Debug, Clone)]
pub struct QuantitySpec {
    /// Largest first.
    pub units: Vec<Unit>,
    pub min: f64,
    pub max: f64,
    /// Digits after the decimal point the nurse may type (ages: 0).
    pub decimals: u8,
}

impl QuestionKind {
    /// The kind in a line, as diffs compare it: `number 34–43, 1 decimals, unit °C`.
    pub fn summary(&self) -> String {
        match self {
            QuestionKind::YesNo => "yes/no".to_owned(),
            QuestionKind::OneOf(o) | QuestionKind::SeveralOf(o) => {
                let ids: Vec<&str> = o.iter().map(|x| x.id.as_str()).collect();
                let what = if matches!(self, QuestionKind::OneOf(_)) {
                    "one of"
                } else {
                    "several of"
                };
                format!("{what} [{}]", ids.join(", "))
            }
            QuestionKind::Number(s) => format!(
                "number {}–{}, {} decimals, unit {}",
                s.min, s.max, s.decimals, s.unit.en
            ),
            QuestionKind::Age(s) | QuestionKind::Duration(s) => {
                let what = if matches!(self, QuestionKind::Age(_)) {
                    "age"
                } else {
                    "duration"
                };
                let units: Vec<&str> = s.units.iter().map(|u| u.name()).collect();
                format!(
                    "{what} in [{}] {}–{}, {} decimals",
                    units.join(", "),
                    crate::quantity::Quantity::written(s.min, &s.units),
                    crate::quantity::Quantity::written(s.max, &s.units),
                    s.decimals
                )
            }
            QuestionKind::FreeText => "free text".to_owned(),
        }
    }

    /// Age and duration: compared as quantities.
    pub fn quantity(&self) -> Option<&QuantitySpec> {
        match self {
            QuestionKind::Age(s) | QuestionKind::Duration(s) => Some(s),
            _ => None,
        }
    }
}

impl QuestionKind {
    pub fn options(&self) -> &[Labelled] {
        match self {
            QuestionKind::OneOf(o) | QuestionKind::SeveralOf(o) => o,
            _ => &[],
        }
    }
}

#[derive(Debug, Clone)]
pub struct NumberSpec {
    pub unit: Text,
    pub min: f64,
    pub max: f64,
    pub decimals: u8,
}

#[derive(Debug, Clone)]
pub enum Condition {
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    /// True once `n` of the conditions are; false once fewer than `n` can still be.
    AtLeast(usize, Vec<Condition>),
    Atom(Atom),
}

/// A test of one question's answer.
#[derive(Debug, Clone)]
pub struct Atom {
    pub question: QuestionId,
    pub test: Test,
    pub location: Location,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Test {
    Yes,
    No,
    CannotSay,
    Answered,
    /// One-of: this option chosen; several-of: this option included.
    Is(u8),
    /// Any of the options in the bit mask chosen.
    AnyOf(u64),
    /// Against a number; for an age or a duration, a number of hours.
    Cmp(CmpOp, f64),
    /// Inclusive range (hours for an age or a duration).
    Between(f64, f64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "≤",
            CmpOp::Gt => ">",
            CmpOp::Ge => "≥",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Outcome {
    pub timeframe: TimeframeId,
    /// The first is proposed; the others are acceptable alternatives.
    pub modes: Vec<ModeId>,
    pub professional: Option<ProfessionalId>,
    /// Resolved: advice blocks are already joined in.
    pub advice: Text,
    pub worsening: Option<Text>,
    pub outside_care_guarantee: bool,
    pub service: Option<ServiceId>,
    /// Applies instead when the service is closed so that the window cannot be met; it has no
    /// `when_closed` of its own and is at least as urgent (see [`crate::effective`]).
    pub when_closed: Option<Box<Outcome>>,
    /// The proposal is the nurse's own urgency assessment.
    pub nurse_judgement: bool,
}

#[derive(Debug, Clone)]
pub struct RedFlag {
    pub question: QuestionId,
    pub cannot_say_is_yes: bool,
    pub outcome: Outcome,
    /// The reasons it is asked for; empty: every call.
    pub reasons: Vec<ReasonId>,
    /// In scope unless this is definitely false.
    pub ask_if: Option<Condition>,
    /// Search words: typing one offers the red flag.
    pub keywords: TextList,
}

impl RedFlag {
    pub fn is_global(&self) -> bool {
        self.reasons.is_empty()
    }
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub description: Text,
    pub when: Condition,
    pub outcome: Outcome,
    pub location: Location,
}

#[derive(Debug, Clone)]
pub struct Reason {
    pub id: String,
    pub label: Text,
    pub keywords: TextList,
    pub questions: Vec<QuestionId>,
    /// Indices into `Guidance::red_flags` of the red flags scoped to this reason.
    pub red_flags: Vec<usize>,
    pub rules: Vec<Rule>,
    pub fallback: Outcome,
    /// The `allow` entries, parsed when the guidance was validated.
    pub allow: Vec<Allow>,
    pub location: Location,
    /// What a call with this reason walks besides the base, in `ask_order`: its questions, its
    /// red flags, and every shared question its rules and `ask_if`s read.
    pub(crate) walk: Vec<QuestionId>,
}

impl Reason {
    /// The id under which the fallback appears in proposals and scenarios.
    pub fn fallback_id(&self) -> String {
        format!("{}.fallback", self.id)
    }
}

impl Guidance {
    pub fn question(&self, id: QuestionId) -> &Question {
        &self.questions[id.index()]
    }

    pub fn question_by_id(&self, id: &str) -> Option<QuestionId> {
        self.question_index.get(id).copied()
    }

    pub fn timeframe(&self, id: TimeframeId) -> &Timeframe {
        &self.timeframes[id.index()]
    }

    pub fn mode(&self, id: ModeId) -> &ContactMode {
        &self.modes[id.index()]
    }

    pub fn professional(&self, id: ProfessionalId) -> &Professional {
        &self.professionals[id.index()]
    }

    pub fn service(&self, id: ServiceId) -> &Service {
        &self.services[id.index()]
    }

    pub fn service_by_id(&self, id: &str) -> Option<ServiceId> {
        self.services
            .iter()
            .position(|s| s.id == id)
            .map(|i| ServiceId(i as u32))
    }

    pub fn reason(&self, id: ReasonId) -> &Reason {
        &self.reasons[id.index()]
    }

    pub fn reason_by_id(&self, id: &str) -> Option<ReasonId> {
        self.reasons
            .iter()
            .position(|r| r.id == id)
            .map(|i| ReasonId(i as u32))
    }

    pub fn timeframe_by_id(&self, id: &str) -> Option<TimeframeId> {
        self.timeframes
            .iter()
            .position(|t| t.id == id)
            .map(|i| TimeframeId(i as u32))
    }

    pub fn mode_by_id(&self, id: &str) -> Option<ModeId> {
        self.modes
            .iter()
            .position(|m| m.id == id)
            .map(|i| ModeId(i as u32))
    }

    pub fn professional_by_id(&self, id: &str) -> Option<ProfessionalId> {
        self.professionals
            .iter()
            .position(|p| p.id == id)
            .map(|i| ProfessionalId(i as u32))
    }

    pub fn red_flag_of(&self, question: QuestionId) -> Option<&RedFlag> {
        self.red_flag_index(question).map(|i| &self.red_flags[i])
    }

    /// The index into `red_flags` of a red flag's question.
    pub fn red_flag_index(&self, question: QuestionId) -> Option<usize> {
        self.red_flag_at
            .get(question.index())
            .copied()
            .flatten()
            .map(|i| i as usize)
    }

    /// `path:line:col` of a location.
    pub fn describe_location(&self, location: Location) -> String {
        format!(
            "{}:{}",
            self.provenance.path(location.file).display(),
            location.pos
        )
    }

    pub fn dir(&self) -> &Path {
        &self.provenance.dir
    }
}
