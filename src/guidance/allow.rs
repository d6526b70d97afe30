//! Allowances: a reason's `allow` entries, each accepting a kind of finding the authors have
//! reviewed, parsed into [`Allow`] when the guidance is validated. The kinds of finding
//! ([`Kind`]) and their [`Severity`] are defined here, below both validation and the analysis
//! that reports them.

use std::fmt;

use serde::Serialize;

use crate::diagnostic::{Arg, Message};
use crate::msg;

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A rule whose condition no case makes true, or a question whose `ask_if` none does.
    Unreachable,
    /// A rule that matches in some case but decides none: another always beats it.
    Shadowed,
    /// Cases of a reason that no rule matches, so the fallback decides.
    Gap,
    /// Two matching rules of a reason, equally urgent with different outcomes: the first wins.
    Overlap,
    /// "Cannot say" leads somewhere less urgent than not knowing: it reassures.
    CannotSay,
    /// A rule, fallback or red flag that decides no scenario.
    NeverWon,
    /// A question that no scenario asks.
    NeverAsked,
    /// The guidance has no scenarios, so coverage is not measured.
    NoScenarios,
}

impl Kind {
    /// The kinds an `allow` entry may name.
    pub const ALLOWABLE: [Kind; 7] = [
        Kind::Gap,
        Kind::Overlap,
        Kind::Shadowed,
        Kind::Unreachable,
        Kind::CannotSay,
        Kind::NeverWon,
        Kind::NeverAsked,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Unreachable => "unreachable",
            Kind::Shadowed => "shadowed",
            Kind::Gap => "gap",
            Kind::Overlap => "overlap",
            Kind::CannotSay => "cannot_say",
            Kind::NeverWon => "never_won",
            Kind::NeverAsked => "never_asked",
            Kind::NoScenarios => "no_scenarios",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALLOWABLE.into_iter().find(|k| k.name() == name)
    }

    /// Coverage is a warning; everything else fails `arvio lint` unless allowed.
    pub fn severity(self) -> Severity {
        match self {
            Kind::NeverWon | Kind::NeverAsked | Kind::NoScenarios => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One entry of a reason's `allow` list: a kind of finding, for the whole reason or for ids.
///
/// `gap` · `overlap` or `overlap:<first rule>:<second rule>` · `shadowed[:<rule>]` ·
/// `unreachable[:<rule or question>]` · `cannot_say[:<question>]` · `never_won[:<rule>]` (a rule
/// or `<reason>.fallback`) · `never_asked[:<question>]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allow {
    pub kind: Kind,
    pub ids: Vec<String>,
    /// The entry as written, for saying which entry accepted a finding.
    pub entry: String,
}

impl Allow {
    pub fn parse(entry: &str) -> Result<Allow, Message> {
        let mut parts = entry.split(':').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let kind = Kind::from_name(name).ok_or_else(|| {
            let known: Vec<_> = Kind::ALLOWABLE.iter().map(|k| k.name()).collect();
            msg!(AllowUnknownKind, entry, name, known.join(", "))
        })?;
        let ids: Vec<String> = parts.map(str::to_owned).collect();
        let arity_ok = match kind {
            Kind::Gap => ids.is_empty(),
            Kind::Overlap => ids.is_empty() || ids.len() == 2,
            _ => ids.len() <= 1,
        };
        if !arity_ok {
            let form = match kind {
                Kind::Gap => Arg::Text("`gap`".to_owned()),
                Kind::Overlap => Arg::Message(msg!(AllowFormOverlap)),
                k => Arg::Message(msg!(AllowFormOne, k)),
            };
            return Err(msg!(AllowWrongForm, entry, form));
        }
        if ids.iter().any(String::is_empty) {
            return Err(msg!(AllowEmptyId, entry));
        }
        Ok(Allow {
            kind,
            ids,
            entry: entry.to_owned(),
        })
    }

    /// Whether the entry accepts a finding of `kind` about `id`, with `related` the rules that
    /// decide instead (for an overlap, the first rule).
    pub fn matches(&self, kind: Kind, id: &str, related: &[String]) -> bool {
        self.kind == kind
            && (self.ids.is_empty()
                || match kind {
                    Kind::Overlap => {
                        related.first() == self.ids.first()
                            && self.ids.get(1).is_some_and(|x| x == id)
                    }
                    _ => self.ids.first().is_some_and(|x| x == id),
                })
    }
}
