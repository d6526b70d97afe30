//! Two versions of a guidance compared: what changed in the files, and what changes for callers.
//!
//! **Structural**: the guidance's settings, timeframes (days or hours), contact modes,
//! professionals, override reasons, services (opening hours included), advice blocks, red flags,
//! questions, reasons and rules, keyed by id: added, removed, or changed field by field (texts
//! per language, conditions written out with ids, outcomes by ids with their service and
//! out-of-hours outcome; an advice block's text shows in every outcome that uses it).
//!
//! **Behavioural**: every case whose effective proposal (timeframe, contact mode, professional,
//! service or deciding rule; see [`crate::effective`]) differs between the versions, each
//! scenario at its own `at` and the enumerated cases at [`cases_assessed_at`], over the union of both versions' scenarios and both
//! versions' enumerated cases of each reason they share ([`crate::analysis`]). A case is decided
//! in each version from its answers by id; an answer the other version cannot take (its question
//! or option is gone, the number is out of range) is dropped there, and a question the other
//! version reads that the case leaves unanswered (a new question, say) is answered each way that
//! version tells apart, one compared case each. Output is deterministic: items by kind and id;
//! changed cases scenarios first (in file order), then reason by reason, the plainest (fewest
//! "cannot say" answers) first.

use std::collections::{BTreeMap, HashSet};
use std::io::{self, Write};

use serde::Serialize;

use crate::analysis::{
    CaseAnswer, Decision, NONE, Options, Space, Walk, ask_positions, condition_text,
};
use crate::call::{Answer, Call, Value};
use crate::diagnostic::{Arg, Message};
use crate::engine::evaluate;
use crate::guidance::*;
use crate::msg;
use crate::scenario::Scenario;
use crate::text::{Language, Text};

mod outcomes;
mod questions;

pub use outcomes::cases_assessed_at;

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

/// Compares two versions with their scenarios; each reason's cases are capped as the analysis
/// caps them ([`Options::case_cap`], the smaller of the two versions').
pub fn diff(
    old: &Guidance,
    old_scenarios: &[Scenario],
    new: &Guidance,
    new_scenarios: &[Scenario],
    opts: &Options,
) -> Diff {
    let max_cases = opts.case_cap(old).min(opts.case_cap(new));
    let mut d = Diff {
        items: structural(old, new),
        cases: Vec::new(),
        compared: 0,
        incomparable: 0,
        sampled: Vec::new(),
    };
    scenarios(old, new, old_scenarios, new_scenarios, &mut d);
    let (old_order, new_order) = (ask_positions(old), ask_positions(new));
    for (i, reason) in old.reasons.iter().enumerate() {
        let Some(new_id) = new.reason_by_id(&reason.id) else {
            continue;
        };
        let a = Space::new(old, Some(ReasonId(i as u32)), &old_order);
        let b = Space::new(new, Some(new_id), &new_order);
        let mut seen = HashSet::new();
        let start = d.cases.len();
        let sampled_a = cross(&a, &b, true, max_cases, &mut seen, &mut d);
        let sampled_b = cross(&b, &a, false, max_cases, &mut seen, &mut d);
        if sampled_a || sampled_b {
            d.sampled.push(reason.id.clone());
        }
        d.cases[start..].sort_by_key(|c| {
            c.answers
                .iter()
                .filter(|a| a.answer == Answer::CannotSay)
                .count()
        });
    }
    d
}

// ---------------------------------------------------------------------------------------------
// Behaviour.

fn scenarios(
    old: &Guidance,
    new: &Guidance,
    old_scenarios: &[Scenario],
    new_scenarios: &[Scenario],
    d: &mut Diff,
) {
    // By file name; where both versions have a file, the new version's.
    let name = |s: &Scenario| s.file.file_name().map(|f| f.to_string_lossy().into_owned());
    let newer: HashSet<Option<String>> = new_scenarios.iter().map(name).collect();
    let mut union: Vec<&Scenario> = old_scenarios
        .iter()
        .filter(|s| !newer.contains(&name(s)))
        .chain(new_scenarios)
        .collect();
    union.sort_by_key(|s| name(s));
    for s in union {
        let reasons: Vec<String> = s.raw.reasons.iter().map(|r| r.value.clone()).collect();
        let answers: Vec<CaseAnswer> = s
            .raw
            .answers
            .0
            .iter()
            .map(|(q, a)| CaseAnswer {
                question: q.value.clone(),
                answer: a.clone(),
                shown: format!("{} = {}", q.value, answer_text(a)),
            })
            .collect();
        let file = s
            .file
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        // As a scenario runs (at its own time), except that answers the version cannot take
        // are dropped.
        let at = s
            .at(None)
            .map_or_else(|_| cases_assessed_at(), |t| t.naive_local());
        let decide = |g: &Guidance| -> Option<Decision> {
            let mut call = Call::new(g);
            for r in &reasons {
                call.add_reason(g.reason_by_id(r)?);
            }
            for rf in &g.red_flags {
                call.set(rf.question, Some(Value::No));
            }
            for a in &answers {
                if let Some(q) = g.question_by_id(&a.question)
                    && let Ok(v) = Value::resolve(g, q, &a.answer)
                {
                    call.set(q, Some(v));
                }
            }
            let p = evaluate(g, &call).proposal?;
            Some(Decision::at(g, p.winner, at))
        };
        match (decide(old), decide(new)) {
            (Some(a), Some(b)) => {
                d.compared += 1;
                if a != b {
                    d.cases.push(CaseChange {
                        source: format!("scenario {file}"),
                        reasons,
                        text: s.name(),
                        answers,
                        old: a,
                        new: b,
                    });
                }
            }
            _ => d.incomparable += 1,
        }
    }
}

/// Every decider's decision at the cases' time ([`cases_assessed_at`]), by rule index, the
/// fallback last.
fn decisions(space: &Space) -> Vec<Decision> {
    let at = cases_assessed_at();
    let reason = space.reason.expect("a reason's space");
    let n = space.g.reason(reason).rules.len();
    (0..=n)
        .map(|i| Decision::at(space.g, space.decider((i < n).then_some(i)), at))
        .collect()
}

/// Each class's part of a case's key: `question=answer;`.
fn fragments(space: &Space) -> Vec<Vec<String>> {
    space
        .qs
        .iter()
        .map(|sq| {
            let id = &space.g.question(sq.id).id;
            sq.classes
                .iter()
                .map(|c| format!("{id}={};", answer_text(&c.value.to_answer(space.g, sq.id))))
                .collect()
        })
        .collect()
}

/// Decides each case of `from` in `to` too; returns whether the cases were sampled or cut.
///
/// A question `to` reads but the case leaves unanswered (new, or its answer does not fit) is
/// answered each way `to` tells apart: one compared case each.
fn cross(
    from: &Space,
    to: &Space,
    from_is_old: bool,
    max_cases: usize,
    seen: &mut HashSet<String>,
    d: &mut Diff,
) -> bool {
    let from_decisions = decisions(from);
    let to_decisions = decisions(to);
    let fallback = |ds: &[Decision], x: Option<usize>| x.unwrap_or(ds.len() - 1);
    // Where each of `from`'s questions sits in `to`, and each class's value there.
    let map: Vec<Option<(usize, Vec<Option<Value>>)>> = from
        .qs
        .iter()
        .map(|sq| {
            let id = &from.g.question(sq.id).id;
            let to_q = to.g.question_by_id(id)?;
            let slot = to.qs.iter().position(|t| t.id == to_q)?;
            let values = sq
                .classes
                .iter()
                .map(|c| Value::resolve(to.g, to_q, &c.value.to_answer(from.g, sq.id)).ok())
                .collect();
            Some((slot, values))
        })
        .collect();
    let from_fragments = fragments(from);
    let to_fragments = fragments(to);
    let reason = from.g.reason(from.reason.expect("a reason's space"));
    let mut walk = Walk::new(from.g, from);
    let mut ext = Extension {
        values: vec![None; to.g.questions.len()],
        assigned: vec![None; to.qs.len()],
        chosen: Vec::new(),
    };
    let mut matched = Vec::new();
    let mut parts: Vec<&str> = Vec::new();
    // Extensions may multiply the cases: stop comparing beyond this many.
    let budget = max_cases.saturating_mul(4);
    let mut done = 0usize;
    let mut cut = false;
    let sampled = from.each(&mut walk, max_cases, &mut |w: &Walk| {
        if done >= budget {
            cut = true;
            return;
        }
        ext.assigned.iter_mut().for_each(|a| *a = None);
        for (p, &c) in w.choice.iter().enumerate() {
            if c != NONE
                && let Some((slot, values)) = &map[p]
            {
                ext.assigned[*slot] = values[c as usize];
            }
        }
        let a = &from_decisions[fallback(&from_decisions, from.winner(&w.matched))];
        extend(to, 0, &mut ext, &mut |ext: &Extension| {
            parts.clear();
            for (p, &c) in w.choice.iter().enumerate() {
                if c != NONE {
                    parts.push(&from_fragments[p][c as usize]);
                }
            }
            for &(p, c) in &ext.chosen {
                parts.push(&to_fragments[p][c as usize]);
            }
            parts.sort_unstable();
            let key = parts.concat();
            if !seen.insert(key) {
                return;
            }
            done += 1;
            d.compared += 1;
            let b = &to_decisions[fallback(&to_decisions, to.decide(&ext.values, &mut matched))];
            if a == b {
                return;
            }
            let mut case = from.case(&w.choice, from.decider(None));
            for &(p, c) in &ext.chosen {
                let sq = &to.qs[p];
                let class = &sq.classes[c as usize];
                case.answers.push(CaseAnswer {
                    question: to.g.question(sq.id).id.clone(),
                    answer: class.value.to_answer(to.g, sq.id),
                    shown: class.shown.clone(),
                });
            }
            let text: Vec<&str> = case.answers.iter().map(|x| x.shown.as_str()).collect();
            let (old, new) = if from_is_old { (a, b) } else { (b, a) };
            d.cases.push(CaseChange {
                source: format!("cases of {}", reason.id),
                reasons: case.reasons,
                text: text.join(", "),
                answers: case.answers,
                old: old.clone(),
                new: new.clone(),
            });
        });
    });
    sampled || cut
}

/// A case of one version carried into the other.
struct Extension {
    /// The values the other version's conditions see.
    values: Vec<Option<Value>>,
    /// The case's answers, by the other version's space position.
    assigned: Vec<Option<Value>>,
    /// Classes chosen for questions the case leaves unanswered: (space position, class).
    chosen: Vec<(usize, u16)>,
}

/// Walks `space` from position `i` with the assigned answers, answering each unanswered
/// question it reads every way it tells apart, and calls `leaf` for each completed case.
fn extend<F: FnMut(&Extension)>(space: &Space, i: usize, ext: &mut Extension, leaf: &mut F) {
    if i == space.qs.len() {
        leaf(ext);
        return;
    }
    let sq = &space.qs[i];
    let asked = sq
        .ask_if
        .is_none_or(|c| crate::engine::eval(c, &ext.values) == crate::engine::Truth::True);
    if !asked || ext.assigned[i].is_some() || sq.classes.is_empty() {
        ext.values[sq.id.index()] = if asked { ext.assigned[i] } else { None };
        extend(space, i + 1, ext, leaf);
        return;
    }
    for (k, class) in sq.classes.iter().enumerate() {
        ext.values[sq.id.index()] = Some(class.value);
        ext.chosen.push((i, k as u16));
        extend(space, i + 1, ext, leaf);
        ext.chosen.pop();
    }
    ext.values[sq.id.index()] = None;
}

/// An answer as written for people: `Yes`, `cannot say`, `good`, `[a, b]`, `38.5`.
pub fn answer_text(a: &Answer) -> String {
    match a {
        Answer::Yes => "Yes".to_owned(),
        Answer::No => "No".to_owned(),
        Answer::CannotSay => "cannot say".to_owned(),
        Answer::Choice(c) => c.clone(),
        Answer::Choices(cs) => format!("[{}]", cs.join(", ")),
        Answer::Number(x) => format!("{x}"),
        Answer::Age(q) | Answer::Duration(q) => q.to_string(),
        Answer::Text(t) => format!("{t:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Structure.

type Fields = BTreeMap<String, String>;

struct Item {
    fields: Fields,
    at: Option<Location>,
}

fn structural(old: &Guidance, new: &Guidance) -> Vec<ItemChange> {
    let a = items(old);
    let b = items(new);
    let place = |g: &Guidance, at: Option<Location>| {
        at.map(|l| format!("{}:{}", g.provenance.path(l.file).display(), l.pos.line))
    };
    let mut out = Vec::new();
    let keys: std::collections::BTreeSet<&(ItemKind, String)> = a.keys().chain(b.keys()).collect();
    for key in keys {
        let (item, id) = key.clone();
        match (a.get(key), b.get(key)) {
            (Some(x), None) => out.push(ItemChange {
                item,
                id,
                change: Change::Removed,
                fields: Vec::new(),
                old: place(old, x.at),
                new: None,
            }),
            (None, Some(y)) => out.push(ItemChange {
                item,
                id,
                change: Change::Added,
                fields: Vec::new(),
                old: None,
                new: place(new, y.at),
            }),
            (Some(x), Some(y)) => {
                let names: std::collections::BTreeSet<&String> =
                    x.fields.keys().chain(y.fields.keys()).collect();
                let fields: Vec<FieldChange> = names
                    .into_iter()
                    .filter(|n| x.fields.get(*n) != y.fields.get(*n))
                    .map(|n| FieldChange {
                        field: n.clone(),
                        old: x.fields.get(n).cloned(),
                        new: y.fields.get(n).cloned(),
                    })
                    .collect();
                if !fields.is_empty() {
                    out.push(ItemChange {
                        item,
                        id,
                        change: Change::Changed,
                        fields,
                        old: place(old, x.at),
                        new: place(new, y.at),
                    });
                }
            }
            (None, None) => {}
        }
    }
    out
}

/// A text's field per declared language (`advice.fi`, …).
fn text(f: &mut Fields, langs: &[Language], name: &str, t: &Text) {
    for &lang in langs {
        f.insert(format!("{name}.{}", lang.code()), t.get(lang).to_owned());
    }
}

/// A keyword list's field per language that has words (`keywords.fi`, …).
fn keywords(f: &mut Fields, words: &crate::text::TextList) {
    let mut list = outcomes::FieldList::new();
    questions::keywords(&mut list, words);
    f.extend(list);
}

fn opt_text(f: &mut Fields, langs: &[Language], name: &str, t: Option<&Text>) {
    if let Some(t) = t {
        text(f, langs, name, t);
    }
}

fn outcome(f: &mut Fields, g: &Guidance, name: &str, o: &Outcome) {
    let mut list = outcomes::FieldList::new();
    outcomes::outcome(&mut list, g, name, o);
    f.extend(list);
}

type Items = BTreeMap<(ItemKind, String), Item>;

fn put(out: &mut Items, kind: ItemKind, id: &str, fields: Fields, at: Option<Location>) {
    out.insert((kind, id.to_owned()), Item { fields, at });
}

fn items(g: &Guidance) -> Items {
    let mut out = Items::new();
    settings_items(g, &mut out);
    question_items(g, &mut out);
    reason_items(g, &mut out);
    out
}

/// The guidance's settings, timeframes, contact modes, professionals and override reasons.
fn settings_items(g: &Guidance, out: &mut Items) {
    let langs = &g.meta.languages[..];
    let m = &g.meta;
    let mut f = Fields::new();
    f.insert("organisation".into(), m.organisation.clone());
    text(&mut f, langs, "name", &m.name);
    f.insert("version".into(), m.version.clone());
    f.insert("effective".into(), m.effective.to_string());
    let codes: Vec<&str> = m.languages.iter().map(|l| l.code()).collect();
    f.insert("languages".into(), codes.join(", "));
    opt_text(&mut f, langs, "disclaimer", m.disclaimer.as_ref());
    if let Some(p) = m.remote_target_percent {
        f.insert("remote_target_percent".into(), p.to_string());
    }
    put(out, ItemKind::Guidance, "guidance", f, None);

    for t in &g.timeframes {
        let mut f = Fields::new();
        text(&mut f, langs, "label", &t.label);
        f.insert("kind".into(), format!("{:?}", t.kind));
        if let Some((a, b)) = t.days {
            f.insert("days".into(), format!("{a}–{b}"));
        }
        if let Some((a, b)) = t.hours {
            f.insert("hours".into(), format!("{a}–{b}"));
        }
        f.insert("counting".into(), format!("{:?}", t.counting));
        if let Some(c) = &t.code {
            f.insert("code".into(), c.clone());
        }
        put(out, ItemKind::Timeframe, &t.id, f, None);
    }
    for mode in &g.modes {
        let mut f = Fields::new();
        text(&mut f, langs, "label", &mode.label);
        f.insert("remote".into(), mode.remote.to_string());
        put(out, ItemKind::ContactMode, &mode.id, f, None);
    }
    for p in &g.professionals {
        let mut f = Fields::new();
        text(&mut f, langs, "label", &p.label);
        put(out, ItemKind::Professional, &p.id, f, None);
    }
    for o in &g.override_reasons {
        let mut f = Fields::new();
        text(&mut f, langs, "label", &o.label);
        put(out, ItemKind::OverrideReason, &o.id, f, None);
    }
    for s in &g.services {
        let f = outcomes::service(g, s).into_iter().collect();
        put(out, ItemKind::Service, &s.id, f, Some(s.location));
    }
    for b in &g.advice_blocks {
        let f = outcomes::advice_block(g, b).into_iter().collect();
        put(out, ItemKind::AdviceBlock, &b.id, f, Some(b.location));
    }
}

/// The red flags and the other questions.
fn question_items(g: &Guidance, out: &mut Items) {
    let langs = &g.meta.languages[..];
    for rf in &g.red_flags {
        let q = g.question(rf.question);
        let mut f = Fields::new();
        text(&mut f, langs, "text", &q.text);
        opt_text(&mut f, langs, "short", q.short.as_ref());
        opt_text(&mut f, langs, "note", q.note.as_ref());
        f.insert("cannot_say_is_yes".into(), rf.cannot_say_is_yes.to_string());
        let mut scope = outcomes::FieldList::new();
        questions::red_flag_scope(&mut scope, g, rf);
        f.extend(scope);
        keywords(&mut f, &rf.keywords);
        outcome(&mut f, g, "outcome", &rf.outcome);
        put(out, ItemKind::RedFlag, &q.id, f, Some(q.location));
    }
    for q in &g.questions {
        let Some(part) = questions::part(g, q) else {
            continue;
        };
        let mut f = Fields::new();
        f.insert("part".into(), part);
        text(&mut f, langs, "text", &q.text);
        opt_text(&mut f, langs, "short", q.short.as_ref());
        opt_text(&mut f, langs, "note", q.note.as_ref());
        f.insert("kind".into(), q.kind.summary());
        for o in q.kind.options() {
            text(&mut f, langs, &format!("option.{}", o.id), &o.label);
        }
        if let Some(c) = &q.ask_if {
            f.insert("ask_if".into(), condition_text(g, c));
        }
        put(out, ItemKind::Question, &q.id, f, Some(q.location));
    }
}

/// The reasons and their rules.
fn reason_items(g: &Guidance, out: &mut Items) {
    let langs = &g.meta.languages[..];
    for r in &g.reasons {
        let mut f = Fields::new();
        text(&mut f, langs, "label", &r.label);
        keywords(&mut f, &r.keywords);
        let qs: Vec<&str> = r
            .questions
            .iter()
            .map(|q| g.question(*q).id.as_str())
            .collect();
        f.insert("questions".into(), qs.join(", "));
        let rules: Vec<&str> = r.rules.iter().map(|x| x.id.as_str()).collect();
        f.insert("rules".into(), rules.join(", "));
        outcome(&mut f, g, "fallback", &r.fallback);
        if !r.allow.is_empty() {
            f.insert(
                "allow".into(),
                r.allow
                    .iter()
                    .map(|a| a.entry.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
        f.insert(
            "file".into(),
            g.provenance
                .files
                .get(r.location.file.index())
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        );
        put(out, ItemKind::Reason, &r.id, f, Some(r.location));
        for rule in &r.rules {
            let mut f = Fields::new();
            f.insert("reason".into(), r.id.clone());
            text(&mut f, langs, "description", &rule.description);
            f.insert("when".into(), condition_text(g, &rule.when));
            outcome(&mut f, g, "outcome", &rule.outcome);
            put(out, ItemKind::Rule, &rule.id, f, Some(rule.location));
        }
    }
}
