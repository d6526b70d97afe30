//! The handbook as one self-contained HTML file: every text escaped, the style inline (a print
//! style included, so that a browser prints it as an A4 PDF), and a content security policy
//! that forbids loading anything, so the file shows the same offline, from a share or mailed.

use std::fmt::Write as _;

use crate::handbook::{Block, Handbook, Item, Section};
use crate::i18n::{Msg, tr};

/// The style of the handbook: readable on screen, and on paper without the contents' links,
/// with each rule kept on one page.
const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1b1b1b; --weak: #555; --line: #c8c8c8; --accent: #0b4f8a;
  --warn-bg: #fff3cd; --warn-line: #b8860b; --alarm-bg: #fde2e2; --alarm-line: #b00020;
  --rule-bg: #f6f8fa; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink);
  line-height: 1.45; overflow-wrap: anywhere; margin: 0 auto; max-width: 58rem; padding: 1.5rem 2rem 3rem; font-size: 15px; }
h1 { font-size: 1.9rem; margin: 0 0 .6rem; color: var(--accent); }
h2 { font-size: 1.45rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.2rem; margin: 1.6rem 0 .4rem; }
h4 { font-size: 1.02rem; margin: 1.1rem 0 .3rem; color: var(--weak); text-transform: uppercase;
  letter-spacing: .03em; }
h2, h3, h4 { break-after: avoid; }
dl.facts { display: grid; grid-template-columns: fit-content(40%) minmax(0, 1fr); gap: .15rem 1rem; margin: .4rem 0; }
dl.facts dt { font-weight: 600; color: var(--weak); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.warning { background: var(--warn-bg); border-left: 5px solid var(--warn-line); padding: .5rem .8rem;
  margin: .6rem 0; font-weight: 600; }
.alarm { background: var(--alarm-bg); border-left-color: var(--alarm-line); color: #5a0000; }
.note { color: var(--weak); font-size: .92em; }
nav.toc { border: 1px solid var(--line); padding: .6rem 1.2rem; margin: 1.2rem 0; }
nav.toc h2 { border: 0; margin: .2rem 0; font-size: 1.1rem; }
nav.toc ol { margin: .2rem 0; padding-left: 1.3rem; }
nav.toc a { color: var(--accent); text-decoration: none; }
ol.questions > li, ul.items > li { margin: .35rem 0; }
li .detail { display: block; color: var(--weak); font-size: .92em; }
.rule { background: var(--rule-bg); border: 1px solid var(--line); border-left: 4px solid var(--accent);
  border-radius: 3px; padding: .5rem .8rem; margin: .6rem 0; break-inside: avoid; }
.rule-title { font-weight: 600; margin: 0 0 .2rem; }
.sentence { margin: 0 0 .3rem; font-size: 1.02em; }
.rule dl.facts { font-size: .93em; }
table { border-collapse: collapse; margin: .5rem 0; width: 100%; font-size: .93em;
  table-layout: fixed; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
th { background: var(--rule-bg); }
footer { margin-top: 3rem; color: var(--weak); font-size: .85em; border-top: 1px solid var(--line);
  padding-top: .5rem; }
@media print {
  @page { size: A4; margin: 16mm 15mm 18mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.toc { break-after: page; border: 0; padding: 0; }
  main > section { break-before: page; }
  a { color: inherit; text-decoration: none; }
  .rule { background: none; }
  .warning { background: none; border: 2px solid #000; }
}
"#;

/// The handbook as an HTML document.
pub fn write(h: &Handbook) -> String {
    let lang = h.lang;
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!DOCTYPE html>\n");
    let _ = writeln!(out, "<html lang=\"{}\">", lang.code());
    out.push_str("<head>\n<meta charset=\"utf-8\">\n");
    // Nothing may be loaded: no script, image, font or style from anywhere.
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&h.title));
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");
    out.push_str("<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&h.title));
    facts(&mut out, &h.facts);
    for a in &h.alarms {
        let _ = writeln!(out, "<p class=\"warning alarm\">{}</p>", escape(a));
    }
    for w in &h.warnings {
        let _ = writeln!(out, "<p class=\"warning\">{}</p>", escape(w));
    }
    out.push_str("</header>\n<nav class=\"toc\">\n");
    let _ = writeln!(out, "<h2>{}</h2>", escape(tr(lang, Msg::HbContents)));
    toc(&mut out, &h.sections);
    out.push_str("</nav>\n<main>\n");
    for s in &h.sections {
        section(&mut out, s, 2);
    }
    out.push_str("</main>\n<footer>");
    let _ = write!(
        out,
        "{}",
        escape(&Msg::HbFooter.fill(lang, &[env!("CARGO_PKG_VERSION").to_owned()]))
    );
    out.push_str("</footer>\n</body>\n</html>\n");
    out
}

/// `text` safe in an HTML element or attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // A control character has no business in a document; shown, not sent.
            c if c.is_control() && c != '\n' && c != '\t' => {
                let _ = write!(out, "&#x{:x};", 0x2400 + (c as u32 & 0x1f));
            }
            c => out.push(c),
        }
    }
    out
}

fn toc(out: &mut String, sections: &[Section]) {
    out.push_str("<ol>\n");
    for s in sections {
        let _ = write!(
            out,
            "<li><a href=\"#{}\">{}</a>",
            escape(&s.id),
            escape(&s.title)
        );
        // Two levels: the sections and, under the reasons, each reason.
        if !s.children.is_empty() && s.children.iter().any(|c| !c.children.is_empty()) {
            toc(
                out,
                &s.children
                    .iter()
                    .map(|c| Section {
                        children: Vec::new(),
                        ..c.clone()
                    })
                    .collect::<Vec<_>>(),
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

fn section(out: &mut String, s: &Section, level: usize) {
    let h = level.min(6);
    let _ = writeln!(
        out,
        "<section id=\"{}\">\n<h{h}>{}</h{h}>",
        escape(&s.id),
        escape(&s.title)
    );
    for b in &s.blocks {
        block(out, b);
    }
    for c in &s.children {
        section(out, c, level + 1);
    }
    out.push_str("</section>\n");
}

fn facts(out: &mut String, facts: &[(String, String)]) {
    if facts.is_empty() {
        return;
    }
    out.push_str("<dl class=\"facts\">\n");
    for (k, v) in facts {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", escape(k), escape(v));
    }
    out.push_str("</dl>\n");
}

fn items(out: &mut String, tag: &str, class: &str, list: &[Item]) {
    let _ = writeln!(out, "<{tag} class=\"{class}\">");
    for i in list {
        let _ = write!(out, "<li>{}", escape(&i.text));
        for d in &i.details {
            let _ = write!(out, "<span class=\"detail\">{}</span>", escape(d));
        }
        out.push_str("</li>\n");
    }
    let _ = writeln!(out, "</{tag}>");
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Para(t) => {
            let _ = writeln!(out, "<p>{}</p>", escape(t));
        }
        Block::Note(t) => {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(t));
        }
        Block::Warning(t) => {
            let _ = writeln!(out, "<p class=\"warning\">{}</p>", escape(t));
        }
        Block::Facts(f) => facts(out, f),
        Block::Ordered(list) => items(out, "ol", "questions", list),
        Block::Bullets(list) => items(out, "ul", "items", list),
        Block::Table { head, rows } => {
            out.push_str("<table>\n<thead><tr>");
            for h in head {
                let _ = write!(out, "<th>{}</th>", escape(h));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                for cell in row {
                    let _ = write!(out, "<td>{}</td>", escape(cell));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        Block::Rule {
            title,
            sentence,
            facts: f,
        } => {
            out.push_str("<div class=\"rule\">\n");
            let _ = writeln!(out, "<p class=\"rule-title\">{}</p>", escape(title));
            let _ = writeln!(out, "<p class=\"sentence\">{}</p>", escape(sentence));
            facts(out, f);
            out.push_str("</div>\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_a_text_is_shown_not_run() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("a\u{1b}b"), "a&#x241b;b");
    }
}
