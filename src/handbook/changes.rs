//! The diff against an older version in words: what changes for callers (every group of cases
//! whose proposal changes, before and now, with example answers) and what changed in structure
//! (each part added, removed or changed, with the fields that differ).

use crate::analysis::{CaseAnswer, Decision};
use crate::call::Value;
use crate::diff::{CaseChange, Change, ItemChange, ItemKind};
use crate::guidance::Guidance;
use crate::handbook::sentence::answer_words;
use crate::handbook::{Against, Block, Section};
use crate::i18n::{Msg, tr};
use crate::text::Language;

/// Examples shown per group of changed cases.
const EXAMPLES: usize = 5;

/// What changes for callers: the behavioural diff, grouped by reasons and by before → now.
pub fn for_callers(new: &Guidance, a: &Against, lang: Language) -> Section {
    let t = |m| tr(lang, m).to_owned();
    let mut s = Section::new("changes-callers", t(Msg::HbChangesForCallers));
    let d = a.diff;
    let old = a.old;
    s.blocks.push(Block::Facts(vec![
        (t(Msg::HbComparedWith), version_line(old, lang)),
        (
            t(Msg::HbCasesChanged),
            Msg::HbCasesOf.fill(lang, &[d.cases.len().to_string(), d.compared.to_string()]),
        ),
    ]));
    if d.cases.is_empty() {
        s.blocks.push(Block::Para(t(Msg::HbNoCaseChanges)));
    }
    let mut groups: Vec<(&CaseChange, Vec<&CaseChange>)> = Vec::new();
    for c in &d.cases {
        let same = |k: &&CaseChange| k.reasons == c.reasons && k.old == c.old && k.new == c.new;
        match groups.iter_mut().find(|(k, _)| same(k)) {
            Some((_, list)) => list.push(c),
            None => groups.push((c, vec![c])),
        }
    }
    for (key, list) in groups {
        let reasons: Vec<String> = key
            .reasons
            .iter()
            .map(|r| reason_label(new, old, r, lang))
            .collect();
        let mut facts = vec![
            (t(Msg::HbBefore), decision(old, &key.old, lang)),
            (t(Msg::HbNow), decision(new, &key.new, lang)),
        ];
        for c in list.iter().take(EXAMPLES) {
            facts.push((t(Msg::HbExample), case_text(new, old, c, lang)));
        }
        if list.len() > EXAMPLES {
            facts.push((
                String::new(),
                Msg::AndMore.fill(lang, &[(list.len() - EXAMPLES).to_string()]),
            ));
        }
        s.blocks.push(Block::Rule {
            title: format!(
                "{} — {}",
                reasons.join("; "),
                Msg::HbNCases.fill(lang, &[list.len().to_string()])
            ),
            sentence: format!(
                "{} → {}",
                short_decision(old, &key.old, lang),
                short_decision(new, &key.new, lang)
            ),
            facts,
        });
    }
    if !d.sampled.is_empty() {
        let reasons: Vec<String> = d
            .sampled
            .iter()
            .map(|r| reason_label(new, old, r, lang))
            .collect();
        s.blocks.push(Block::Note(
            Msg::HbSampled.fill(lang, &[reasons.join("; ")]),
        ));
    }
    s
}

fn version_line(g: &Guidance, lang: Language) -> String {
    format!(
        "{} {} ({}) — {}",
        g.meta.name.get(lang),
        g.meta.version,
        crate::approval::short(&g.provenance.hash),
        g.provenance.approval.text(lang)
    )
}

fn reason_label(new: &Guidance, old: &Guidance, id: &str, lang: Language) -> String {
    [new, old]
        .iter()
        .find_map(|g| {
            g.reason_by_id(id)
                .map(|r| g.reason(r).label.get(lang).to_owned())
        })
        .unwrap_or_else(|| id.to_owned())
}

/// "Same day, visit, doctor".
fn short_decision(g: &Guidance, d: &Decision, lang: Language) -> String {
    let mut parts = vec![
        g.timeframe_by_id(&d.disposition.timeframe)
            .map_or(d.disposition.timeframe.clone(), |t| {
                g.timeframe(t).label.get(lang).to_owned()
            }),
    ];
    if let Some(m) = d.disposition.mode.as_deref() {
        parts.push(
            g.mode_by_id(m)
                .map_or(m.to_owned(), |m| g.mode(m).label.get(lang).to_owned()),
        );
    }
    if let Some(p) = d.disposition.professional.as_deref() {
        parts.push(g.professional_by_id(p).map_or(p.to_owned(), |p| {
            g.professional(p).label.get(lang).to_owned()
        }));
    }
    if let Some(s) = d.service.as_deref() {
        let label = g
            .service_by_id(s)
            .map_or(s.to_owned(), |s| g.service(s).label.get(lang).to_owned());
        parts.push(Msg::HbAtService.fill(lang, &[label]));
    }
    parts.join(", ")
}

/// The decision and the rule that makes it, by its description.
fn decision(g: &Guidance, d: &Decision, lang: Language) -> String {
    format!(
        "{} ({})",
        short_decision(g, d, lang),
        decider(g, &d.rule, lang)
    )
}

/// A rule's description, a red flag's question, or "no rule applies" for a fallback.
fn decider(g: &Guidance, id: &str, lang: Language) -> String {
    for reason in &g.reasons {
        if let Some(rule) = reason.rules.iter().find(|r| r.id == id) {
            return rule.description.get(lang).to_owned();
        }
        if reason.fallback_id() == id {
            return tr(lang, Msg::HbNoRuleApplies).to_owned();
        }
    }
    match g.question_by_id(id) {
        Some(q) => g.question(q).text.get(lang).to_owned(),
        None => id.to_owned(),
    }
}

/// A changed case in words: its answers (by the new version's questions where it has them), or
/// for a scenario its name.
fn case_text(new: &Guidance, old: &Guidance, c: &CaseChange, lang: Language) -> String {
    if c.answers.is_empty() {
        return c.text.clone();
    }
    c.answers
        .iter()
        .map(|a| answer_in_words(new, old, a, lang))
        .collect::<Vec<_>>()
        .join("; ")
}

fn answer_in_words(new: &Guidance, old: &Guidance, a: &CaseAnswer, lang: Language) -> String {
    for g in [new, old] {
        if let Some(q) = g.question_by_id(&a.question)
            && let Ok(v) = Value::resolve(g, q, &a.answer)
        {
            let name = crate::handbook::sentence::question_name(g, q, lang);
            return format!("{name}: {}", answer_words(g, q, v, lang));
        }
    }
    a.shown.clone()
}

/// What changed in structure: every part added, removed or changed, with the fields that differ.
pub fn structure(new: &Guidance, a: &Against, lang: Language) -> Section {
    let t = |m| tr(lang, m).to_owned();
    let mut s = Section::new("changes-structure", t(Msg::HbChangesInStructure));
    if a.diff.items.is_empty() {
        s.blocks.push(Block::Para(t(Msg::HbNoStructureChanges)));
    }
    for item in &a.diff.items {
        let change = t(match item.change {
            Change::Added => Msg::HbAdded,
            Change::Removed => Msg::HbRemoved,
            Change::Changed => Msg::HbChanged,
        });
        let label = item_label(new, a.old, item, lang);
        let rows = item
            .fields
            .iter()
            .map(|f| {
                let none = || "—".to_owned();
                // A rule's condition in words, as the rules are written elsewhere in the book.
                let (before, now) = match (item.item, f.field.as_str()) {
                    (ItemKind::Rule, "when") => (
                        rule_when(a.old, &item.id, lang).or_else(|| f.old.clone()),
                        rule_when(new, &item.id, lang).or_else(|| f.new.clone()),
                    ),
                    _ => (f.old.clone(), f.new.clone()),
                };
                vec![
                    f.field.clone(),
                    before.unwrap_or_else(none),
                    now.unwrap_or_else(none),
                ]
            })
            .collect::<Vec<_>>();
        s.blocks.push(Block::Para(format!(
            "{change}: {} — {label} [{}]",
            item.item.word().render(lang),
            item.id
        )));
        if !rows.is_empty() {
            s.blocks.push(Block::Table {
                head: vec![t(Msg::HbField), t(Msg::HbBefore), t(Msg::HbNow)],
                rows,
            });
        }
    }
    s
}

/// The condition of the rule `id` of `g` in words.
fn rule_when(g: &Guidance, id: &str, lang: Language) -> Option<String> {
    let rule = g
        .reasons
        .iter()
        .flat_map(|r| &r.rules)
        .find(|r| r.id == id)?;
    Some(crate::handbook::sentence::condition(g, &rule.when, lang))
}

/// What an item is called in this language, in the version that has it (the new one first).
fn item_label(new: &Guidance, old: &Guidance, item: &ItemChange, lang: Language) -> String {
    let id = item.id.as_str();
    let label = |g: &Guidance| -> Option<String> {
        let text = match item.item {
            ItemKind::Guidance => g.meta.name.get(lang),
            ItemKind::Timeframe => g.timeframe(g.timeframe_by_id(id)?).label.get(lang),
            ItemKind::ContactMode => g.mode(g.mode_by_id(id)?).label.get(lang),
            ItemKind::Professional => g.professional(g.professional_by_id(id)?).label.get(lang),
            ItemKind::Service => g.service(g.service_by_id(id)?).label.get(lang),
            ItemKind::Reason => g.reason(g.reason_by_id(id)?).label.get(lang),
            ItemKind::RedFlag | ItemKind::Question => {
                g.question(g.question_by_id(id)?).text.get(lang)
            }
            ItemKind::Rule => g
                .reasons
                .iter()
                .flat_map(|r| &r.rules)
                .find(|r| r.id == id)?
                .description
                .get(lang),
            ItemKind::OverrideReason => g
                .override_reasons
                .iter()
                .find(|o| o.id == id)?
                .label
                .get(lang),
            ItemKind::AdviceBlock => g.advice_blocks.iter().find(|b| b.id == id)?.text.get(lang),
        };
        Some(text.to_owned())
    };
    label(new)
        .or_else(|| label(old))
        .unwrap_or_else(|| id.to_owned())
}
