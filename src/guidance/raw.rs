//! The guidance files as written: the serde shape of the RON, before any id is resolved.
//!
//! Every struct denies unknown fields so that a misspelt field is an error with a position, not
//! a silently ignored setting. Strings are [`Str`] so that the validator can point at them.

use serde::Deserialize;

use crate::quantity::{Quantity, Unit};
use crate::source::Spanned;
use crate::text::Language;

pub type Str = Spanned<String>;

/// `guidance.ron`: the settings, vocabulary, basics, red flags and risk factors of a guidance.
#[derive(Debug, Deserialize)]
#[serde(rename = "Guidance", deny_unknown_fields)]
pub struct RawGuidance {
    /// The format's version: 2 (required; a guidance without it is in format 1).
    #[serde(default)]
    pub format: Option<u32>,
    pub organisation: Str,
    pub name: RawText,
    pub version: Str,
    /// ISO date from which the guidance is in force.
    pub effective: Str,
    pub languages: Vec<Language>,
    /// Shown wherever the guidance is in use, e.g. that it is example content.
    #[serde(default)]
    pub disclaimer: Option<RawText>,
    /// The organisation's goal for the share of remote contacts, in percent.
    #[serde(default)]
    pub remote_target_percent: Option<f64>,
    pub timeframes: Vec<RawTimeframe>,
    pub contact_modes: Vec<RawContactMode>,
    pub professionals: Vec<RawProfessional>,
    #[serde(default)]
    pub override_reasons: Vec<RawLabelled>,
    /// Asked at the top of every call that reads them (or always, with `always: true`).
    #[serde(default)]
    pub basics: Vec<RawQuestion>,
    /// The services a caller can be sent to, with their opening hours (see [`RawService`]).
    #[serde(default)]
    pub services: Vec<RawService>,
    /// Named advice and safety-netting texts that outcomes refer to with `Block("id")`.
    #[serde(default)]
    pub advice_blocks: Vec<RawAdviceBlock>,
    pub red_flags: Vec<RawRedFlag>,
    #[serde(default)]
    pub risk_factors: Vec<RawQuestion>,
}

/// `questions/*.ron`: a shared pool of questions any reason may read.
#[derive(Debug, Deserialize)]
#[serde(rename = "Questions")]
pub struct RawQuestions(pub Vec<RawQuestion>);

/// A text in the guidance's languages; a missing declared language is an error.
#[derive(Debug, Default, Deserialize)]
#[serde(rename = "Text", deny_unknown_fields)]
pub struct RawText {
    #[serde(default)]
    pub fi: Option<Str>,
    #[serde(default)]
    pub sv: Option<Str>,
    #[serde(default)]
    pub en: Option<Str>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename = "TextList", deny_unknown_fields)]
pub struct RawTextList {
    #[serde(default)]
    pub fi: Option<Vec<Str>>,
    #[serde(default)]
    pub sv: Option<Vec<Str>>,
    #[serde(default)]
    pub en: Option<Vec<Str>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename = "TimeframeKind")]
pub enum RawTimeframeKind {
    /// Call 112 now.
    Emergency,
    /// On-call care (päivystys) now.
    OnCall,
    /// A contact within a day range.
    Scheduled,
    /// No contact needed: advice only.
    SelfCare,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Timeframe", deny_unknown_fields)]
pub struct RawTimeframe {
    pub id: Str,
    pub label: RawText,
    pub kind: RawTimeframeKind,
    /// Day range from the assessment day (day 0).
    #[serde(default)]
    pub days: Option<(u32, u32)>,
    /// Hour range from the assessment time, instead of `days`.
    #[serde(default)]
    pub hours: Option<(u32, u32)>,
    #[serde(default = "yes")]
    pub count_weekends: bool,
    #[serde(default = "yes")]
    pub count_holidays: bool,
    /// A reporting code such as ODA/EBMeDS "P4".
    #[serde(default)]
    pub code: Option<Str>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(rename = "ContactMode", deny_unknown_fields)]
pub struct RawContactMode {
    pub id: Str,
    pub label: RawText,
    pub remote: bool,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Professional", deny_unknown_fields)]
pub struct RawProfessional {
    pub id: Str,
    pub label: RawText,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Choice", deny_unknown_fields)]
pub struct RawLabelled {
    pub id: Str,
    pub label: RawText,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "RedFlag", deny_unknown_fields)]
pub struct RawRedFlag {
    pub id: Str,
    pub text: RawText,
    #[serde(default)]
    pub short: Option<RawText>,
    #[serde(default)]
    pub note: Option<RawText>,
    /// Search words: typing one offers the red flag at once.
    #[serde(default)]
    pub keywords: RawTextList,
    /// The reasons it is asked for (guidance.ron only); empty: every call.
    #[serde(default)]
    pub reasons: Vec<Str>,
    /// Asked unless this is definitely false (over basics and risk factors).
    #[serde(default)]
    pub ask_if: Option<RawCondition>,
    /// Whether "caller cannot say" is taken as yes; it is unless the guidance says otherwise.
    #[serde(default = "yes")]
    pub cannot_say_is_yes: bool,
    pub outcome: RawOutcome,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Question", deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Str,
    pub text: RawText,
    /// A few words for the record's relevant-negatives list.
    #[serde(default)]
    pub short: Option<RawText>,
    #[serde(default)]
    pub note: Option<RawText>,
    pub kind: RawKind,
    #[serde(default)]
    pub ask_if: Option<RawCondition>,
    /// Basics only: asked in every call, read or not.
    #[serde(default)]
    pub always: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Kind", deny_unknown_fields)]
pub enum RawKind {
    YesNo,
    OneOf(Vec<RawLabelled>),
    SeveralOf(Vec<RawLabelled>),
    Number(RawNumber),
    /// `Age(min: Days(0), max: Years(120), units: [Years, Months, Days])`: whole numbers in any
    /// of `units`.
    Age {
        #[serde(default)]
        min: Option<Quantity>,
        #[serde(default)]
        max: Option<Quantity>,
        #[serde(default)]
        units: Vec<Unit>,
    },
    /// `Duration(units: [Hours, Days, Weeks], max: Weeks(52))`: "since when", in any of `units`,
    /// whole or with `decimals`.
    Duration {
        #[serde(default)]
        units: Vec<Unit>,
        #[serde(default)]
        max: Option<Quantity>,
        #[serde(default)]
        decimals: u8,
    },
    /// "Other, describe": goes into the record text only.
    FreeText,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Number", deny_unknown_fields)]
pub struct RawNumber {
    pub unit: RawText,
    pub min: f64,
    pub max: f64,
    /// Digits after the decimal point the nurse may type.
    #[serde(default)]
    pub decimals: u8,
}

/// A condition over answers. Atoms name a question first.
#[derive(Debug, Deserialize)]
#[serde(rename = "Condition")]
pub enum RawCondition {
    All(Vec<RawCondition>),
    Any(Vec<RawCondition>),
    Not(Box<RawCondition>),
    Yes(Str),
    No(Str),
    CannotSay(Str),
    Answered(Str),
    Is(Str, Str),
    AnyOf(Str, Vec<Str>),
    Lt(Str, RawThreshold),
    Le(Str, RawThreshold),
    Gt(Str, RawThreshold),
    Ge(Str, RawThreshold),
    Between(Str, RawThreshold, RawThreshold),
    /// True once `n` of the conditions are.
    AtLeast(u32, Vec<RawCondition>),
}

/// A threshold: a plain number (Number questions) or a quantity (`Months(3)`, Age and Duration).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum RawThreshold {
    Plain(f64),
    Quantity(Quantity),
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Outcome", deny_unknown_fields)]
pub struct RawOutcome {
    pub timeframe: Str,
    #[serde(default)]
    pub modes: Vec<Str>,
    #[serde(default)]
    pub professional: Option<Str>,
    /// What to tell the caller (for a red flag: the instruction, e.g. "call 112 now").
    pub advice: RawAdvice,
    /// What the caller should do if symptoms worsen.
    #[serde(default)]
    pub worsening: Option<RawAdvice>,
    /// Contacts such as care-plan visits that the care guarantee does not time (for reporting).
    #[serde(default)]
    pub outside_care_guarantee: bool,
    /// The service the caller is sent to, an id of the guidance's `services`.
    #[serde(default)]
    pub service: Option<Str>,
    /// The outcome that applies instead when the service is closed so that the timeframe's
    /// window cannot be met (one level: it has no `when_closed` of its own).
    #[serde(default)]
    pub when_closed: Option<Box<RawOutcome>>,
    /// The proposal is the nurse's own urgency assessment (the general reason).
    #[serde(default)]
    pub nurse_judgement: bool,
}

/// `reasons/*.ron`: one reason for contact.
#[derive(Debug, Deserialize)]
#[serde(rename = "Reason", deny_unknown_fields)]
pub struct RawReason {
    pub id: Str,
    pub label: RawText,
    #[serde(default)]
    pub keywords: RawTextList,
    /// Red flags asked whenever this reason is in the call, before its questions.
    #[serde(default)]
    pub red_flags: Vec<RawRedFlag>,
    #[serde(default)]
    pub questions: Vec<RawQuestion>,
    #[serde(default)]
    pub rules: Vec<RawRule>,
    #[serde(default)]
    pub fallback: Option<RawOutcome>,
    /// Analysis findings the authors have reviewed and accept (see docs/authoring.md).
    #[serde(default)]
    pub allow: Vec<Str>,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Rule", deny_unknown_fields)]
pub struct RawRule {
    pub id: Str,
    pub description: RawText,
    pub when: RawCondition,
    pub outcome: RawOutcome,
}

/// A service of `services`: the health station, the on-call unit, the pharmacy, 116117, …
#[derive(Debug, Deserialize)]
#[serde(rename = "Service", deny_unknown_fields)]
pub struct RawService {
    pub id: Str,
    pub label: RawText,
    /// How to reach it: the phone number, the address, when to call.
    pub contact: RawText,
    pub hours: RawHours,
}

/// A service's opening hours: `Always`, or `Hours(weekdays: ["08:00-16:00"], …)` with one list of
/// spans per kind of day (a day left out or empty is closed).
#[derive(Debug, Deserialize)]
#[serde(rename = "Hours", deny_unknown_fields)]
pub enum RawHours {
    Always,
    Hours {
        #[serde(default)]
        weekdays: Vec<Str>,
        #[serde(default)]
        saturday: Vec<Str>,
        #[serde(default)]
        sunday: Vec<Str>,
        #[serde(default)]
        holidays: Vec<Str>,
    },
}

/// A named advice text of `advice_blocks`.
#[derive(Debug, Deserialize)]
#[serde(rename = "AdviceBlock", deny_unknown_fields)]
pub struct RawAdviceBlock {
    pub id: Str,
    pub text: RawText,
}

/// An outcome's `advice` or `worsening`: a text `(fi: …)`, or a list of texts and
/// `Block("id")` references, joined in order.
#[derive(Debug)]
pub enum RawAdvice {
    Text(RawText),
    List(Vec<RawAdviceItem>),
}

/// One item of an advice list.
#[derive(Debug, Deserialize)]
#[serde(
    untagged,
    expecting = "expected an advice item: `Block(\"id\")` or a text `(fi: \"…\", sv: \"…\", en: \"…\")`"
)]
pub enum RawAdviceItem {
    Block(RawBlockRef),
    Named(RawNamedText),
    Text(RawText),
}

/// `Block("id")`, as RON gives it inside a list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBlockRef {
    #[serde(rename = "Block")]
    pub id: Str,
}

/// `Text(fi: …)`: a text written with its name inside a list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNamedText {
    #[serde(rename = "Text")]
    pub text: RawText,
}

/// A text is read straight from the file (its errors keep their positions); a list goes item by
/// item.
impl<'de> Deserialize<'de> for RawAdvice {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawAdvice;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a text `(fi: \"…\", …)` or a list of texts and `Block(\"id\")`")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<RawAdvice, A::Error> {
                RawText::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(RawAdvice::Text)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<RawAdvice, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(RawAdvice::List(items))
            }
        }
        d.deserialize_any(V)
    }
}
