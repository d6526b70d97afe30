//! The structural half of a diff: every part of a guidance as fields keyed by kind and id, and
//! the fields that differ between two versions.

use std::collections::{BTreeMap, BTreeSet};

use crate::diff::report::{Change, FieldChange, ItemChange, ItemKind};
use crate::diff::{outcomes, questions};
use crate::guidance::{Guidance, Location, Outcome, condition_text};
use crate::text::{Language, Text, TextList};

type Fields = BTreeMap<String, String>;

struct Item {
    fields: Fields,
    at: Option<Location>,
}

pub fn structural(old: &Guidance, new: &Guidance) -> Vec<ItemChange> {
    let a = items(old);
    let b = items(new);
    let place = |g: &Guidance, at: Option<Location>| {
        at.map(|l| format!("{}:{}", g.provenance.path(l.file).display(), l.pos.line))
    };
    let mut out = Vec::new();
    let keys: BTreeSet<&(ItemKind, String)> = a.keys().chain(b.keys()).collect();
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
                let names: BTreeSet<&String> = x.fields.keys().chain(y.fields.keys()).collect();
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
fn keywords(f: &mut Fields, words: &TextList) {
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
