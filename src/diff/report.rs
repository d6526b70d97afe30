//! What a diff reports: the items added, removed or changed, the cases whose proposal changes,
//! and the whole diff as text in any language.

use std::io::{self, Write};

use serde::Serialize;

use crate::analysis::{CaseAnswer, Decision};
use crate::diagnostic::{Arg, Message};
use crate::msg;
use crate::text::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Guidance,
    Timeframe,
    ContactMode,
    Professional,
    OverrideReason,
    Service,
    AdviceBlock,
    RedFlag,
    Question,
    Reason,
    Rule,
}

impl ItemKind {
    pub fn name(self) -> &'static str {
        match self {
            ItemKind::Guidance => "guidance",
            ItemKind::Timeframe => "timeframe",
            ItemKind::ContactMode => "contact mode",
            ItemKind::Professional => "professional",
            ItemKind::OverrideReason => "override reason",
            ItemKind::Service => "service",
            ItemKind::AdviceBlock => "advice block",
            ItemKind::RedFlag => "red flag",
            ItemKind::Question => "question",
            ItemKind::Reason => "reason",
            ItemKind::Rule => "rule",
        }
    }

    /// The kind in words, in any language: "contact mode", "yhteystapa", …
    pub fn word(self) -> Message {
        match self {
            ItemKind::Guidance => msg!(WordGuidance),
            ItemKind::Timeframe => msg!(WordTimeframe),
            ItemKind::ContactMode => msg!(WordContactMode),
            ItemKind::Professional => msg!(WordProfessional),
            ItemKind::OverrideReason => msg!(WordOverrideReason),
            ItemKind::Service => msg!(WordService),
            ItemKind::AdviceBlock => msg!(WordAdviceBlock),
            ItemKind::RedFlag => msg!(WordRedFlag),
            ItemKind::Question => msg!(WordQuestion),
            ItemKind::Reason => msg!(WordReason),
            ItemKind::Rule => msg!(WordRule),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Added,
    Removed,
    Changed,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A part of the guidance added, removed or changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemChange {
    pub item: ItemKind,
    pub id: String,
    pub change: Change,
    /// For a change, the fields that differ.
    pub fields: Vec<FieldChange>,
    /// `path:line` in the old version.
    pub old: Option<String>,
    /// `path:line` in the new version.
    pub new: Option<String>,
}

/// A call whose proposal differs between the versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseChange {
    /// `scenario <file name>` or `cases of <reason>`.
    pub source: String,
    pub reasons: Vec<String>,
    /// The answers, readable (for a scenario, its name).
    pub text: String,
    pub answers: Vec<CaseAnswer>,
    pub old: Decision,
    pub new: Decision,
}

/// Where changed cases come from, and their old and new decision.
type Transition<'a> = (&'a str, &'a Decision, &'a Decision);

#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    pub items: Vec<ItemChange>,
    pub cases: Vec<CaseChange>,
    /// Cases (and scenarios) decided in both versions.
    pub compared: usize,
    /// Scenarios one version cannot run: a reason it does not know, or no proposal.
    pub incomparable: usize,
    /// Reasons whose cases were sampled (or cut short).
    pub sampled: Vec<String>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.cases.is_empty()
    }

    /// The diff as text in English; see [`Diff::write_text_in`].
    pub fn write_text(&self, out: &mut dyn Write) -> io::Result<()> {
        self.write_text_in(out, Language::En)
    }

    /// The diff as text in `lang`: the items, then the changed cases grouped by reason and by
    /// old → new (with up to five examples each), then a summary line. Ids, field names and
    /// where cases come from stay as the files and the JSON write them.
    pub fn write_text_in(&self, out: &mut dyn Write, lang: Language) -> io::Result<()> {
        for item in &self.items {
            let at = match (&item.old, &item.new) {
                (Some(a), Some(b)) if a == b => format!(" ({a})"),
                (Some(a), Some(b)) => format!(" ({a} → {b})"),
                (Some(a), None) | (None, Some(a)) => format!(" ({a})"),
                (None, None) => String::new(),
            };
            let (kind, id) = (item.item.word(), &item.id);
            let line = match item.change {
                Change::Added => msg!(DiffAdded, kind, id, at),
                Change::Removed => msg!(DiffRemoved, kind, id, at),
                Change::Changed => msg!(DiffChanged, kind, id, at),
            };
            writeln!(out, "{}", line.render(lang))?;
            let none = msg!(DiffNone).render(lang);
            for f in &item.fields {
                writeln!(
                    out,
                    "    {}: {} → {}",
                    f.field,
                    f.old.as_deref().unwrap_or(&none),
                    f.new.as_deref().unwrap_or(&none)
                )?;
            }
        }
        let mut groups: Vec<(Transition, Vec<&CaseChange>)> = Vec::new();
        for c in &self.cases {
            let key = (c.source.as_str(), &c.old, &c.new);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, list)) => list.push(c),
                None => groups.push((key, vec![c])),
            }
        }
        for ((source, old, new), list) in &groups {
            let count = cases_count(list.len()).render(lang);
            writeln!(out, "{source}: {old} → {new}: {count}")?;
            for c in list.iter().take(5) {
                writeln!(out, "    {}", c.text)?;
            }
            if list.len() > 5 {
                writeln!(out, "    {}", msg!(AndMore, list.len() - 5).render(lang))?;
            }
        }
        writeln!(out, "{}", self.totals().render(lang))
    }

    /// `diff: 1 item changed, 2 cases change (of 30 compared; …)`.
    fn totals(&self) -> Message {
        let sampled = match self.sampled.len() {
            0 => Arg::empty(),
            n if n <= 5 => Arg::Message(msg!(DiffSampled, self.sampled.join(", "))),
            n => Arg::Message(msg!(DiffSampledMany, self.sampled[..5].join(", "), n)),
        };
        let items = match self.items.len() {
            1 => msg!(DiffOneItem),
            n => msg!(DiffNItems, n),
        };
        msg!(
            DiffTotals,
            items,
            cases_count(self.cases.len()),
            self.compared,
            self.incomparable,
            sampled
        )
    }
}

/// `1 case`, `2 cases`.
fn cases_count(n: usize) -> Message {
    match n {
        1 => msg!(DiffOneCase),
        n => msg!(DiffNCases, n),
    }
}
