//! The handbook: the guidance as a document a physician reads and approves (`arvio handbook`).
//!
//! [`build`] makes a [`Handbook`] (plain data: sections of paragraphs, lists, tables and rules)
//! from a guidance, its scenarios and, given an older version, their diff; [`html::write`]
//! writes it as one self-contained HTML file (inline CSS with a print style, no external
//! resource). Everything is in one language, in the guidance's labels (never its ids), and in a
//! fixed order (the guidance's own, scenarios by file), so that the same files always give the
//! same bytes.
//!
//! The files: [`sentence`] (conditions, outcomes and rules in words), `parts` (the sections of
//! the guidance itself), `examples` (scenarios as worked examples), `changes` (the diff in
//! words), [`html`] (the writer).

mod changes;
mod examples;
pub mod html;
mod parts;
pub mod sentence;

use crate::diff::Diff;
use crate::guidance::Guidance;
use crate::i18n::{Msg, tr};
use crate::scenario::Scenario;
use crate::text::Language;

/// The handbook of one guidance in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Handbook {
    pub lang: Language,
    pub title: String,
    /// Organisation, version, effective date, content hash, approval.
    pub facts: Vec<(String, String)>,
    /// Shown in a red box under the title: "not approved", "changed since approval".
    pub alarms: Vec<String>,
    /// Shown in a box under the title: the example guidance's notice.
    pub warnings: Vec<String>,
    pub sections: Vec<Section>,
}

/// A section with an anchor (`id`), a title, its blocks and its subsections.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub blocks: Vec<Block>,
    pub children: Vec<Section>,
}

impl Section {
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Section {
        Section {
            id: id.into(),
            title: title.into(),
            blocks: Vec::new(),
            children: Vec::new(),
        }
    }
}

/// One block of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(String),
    /// A smaller remark under what it belongs to.
    Note(String),
    /// A remark that must not be missed.
    Warning(String),
    /// Label and value pairs.
    Facts(Vec<(String, String)>),
    /// A numbered list (questions in ask order).
    Ordered(Vec<Item>),
    Bullets(Vec<Item>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A rule: its description, its sentence, and its outcome's texts.
    Rule {
        title: String,
        sentence: String,
        facts: Vec<(String, String)>,
    },
}

/// A list item: its text and lines under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub text: String,
    pub details: Vec<String>,
}

/// An older version compared with the guidance: the old guidance and the diff old → new.
pub struct Against<'a> {
    pub old: &'a Guidance,
    pub diff: &'a Diff,
}

/// The handbook of `g` in `lang`, with its scenarios as worked examples and, given `against`,
/// what changes since that version.
pub fn build(
    g: &Guidance,
    scenarios: &[Scenario],
    against: Option<Against>,
    lang: Language,
) -> Handbook {
    let t = |m| tr(lang, m).to_owned();
    let mut facts = vec![
        (t(Msg::HbOrganisation), g.meta.organisation.clone()),
        (t(Msg::HbVersion), g.meta.version.clone()),
        (
            t(Msg::HbEffective),
            crate::approval::date_text(g.meta.effective),
        ),
        (t(Msg::HbContentHash), g.provenance.hash.clone()),
        (t(Msg::ApprovalWord), g.provenance.approval.text(lang)),
    ];
    if let Some(p) = g
        .provenance
        .approval
        .approval()
        .and_then(|a| a.previous.as_ref())
    {
        facts.push((
            t(Msg::HbPreviousApproved),
            format!("{} ({})", p.version, crate::approval::short(&p.hash)),
        ));
    }
    let mut warnings = Vec::new();
    let mut alarms = Vec::new();
    if !g.provenance.approval.is_approved() {
        alarms.push(g.provenance.approval.text(lang));
    }
    if let Some(d) = &g.meta.disclaimer {
        warnings.push(d.get(lang).to_owned());
    }
    let mut sections = vec![parts::how_a_call_goes(g, lang)];
    if let Some(a) = &against {
        sections.push(changes::for_callers(g, a, lang));
        sections.push(changes::structure(g, a, lang));
    }
    sections.push(parts::basics(g, lang));
    sections.push(parts::red_flags(g, lang));
    sections.push(parts::reasons(g, lang));
    sections.push(parts::outcomes(g, lang));
    sections.push(parts::services(g, lang));
    sections.push(examples::worked_examples(g, scenarios, lang));
    Handbook {
        lang,
        title: g.meta.name.get(lang).to_owned(),
        facts,
        alarms,
        warnings,
        sections,
    }
}

/// What changes for callers since `against`, as the handbook's section of that name.
pub fn changes_for_callers(g: &Guidance, against: &Against, lang: Language) -> Section {
    changes::for_callers(g, against, lang)
}

/// A section as plain text, for a screen that shows it without HTML: titles, paragraphs,
/// `label: value` lines, list items and table rows, indented under what they belong to.
pub fn plain(s: &Section) -> String {
    let mut out = String::new();
    plain_into(s, 0, &mut out);
    out
}

fn plain_into(s: &Section, depth: usize, out: &mut String) {
    use std::fmt::Write as _;
    let pad = "  ".repeat(depth);
    let _ = writeln!(out, "{pad}{}", s.title);
    let facts = |out: &mut String, facts: &[(String, String)], pad: &str| {
        for (k, v) in facts {
            let _ = match k.is_empty() {
                true => writeln!(out, "{pad}  {v}"),
                false => writeln!(out, "{pad}  {k}: {v}"),
            };
        }
    };
    for b in &s.blocks {
        match b {
            Block::Para(t) | Block::Note(t) | Block::Warning(t) => {
                let _ = writeln!(out, "{pad}{t}");
            }
            Block::Facts(f) => facts(out, f, &pad),
            Block::Ordered(items) | Block::Bullets(items) => {
                for i in items {
                    let _ = writeln!(out, "{pad}- {}", i.text);
                    for d in &i.details {
                        let _ = writeln!(out, "{pad}    {d}");
                    }
                }
            }
            Block::Table { head, rows } => {
                let _ = writeln!(out, "{pad}{}", head.join(" | "));
                for r in rows {
                    let _ = writeln!(out, "{pad}{}", r.join(" | "));
                }
            }
            Block::Rule {
                title,
                sentence,
                facts: f,
            } => {
                let _ = writeln!(out, "{pad}• {title}");
                let _ = writeln!(out, "{pad}  {sentence}");
                facts(out, f, &pad);
            }
        }
    }
    for c in &s.children {
        plain_into(c, depth + 1, out);
    }
}
