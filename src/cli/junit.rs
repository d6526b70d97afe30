//! `arvio test --format junit`: the scenario results as JUnit XML, for CI servers.

use std::io::Write;
use std::path::Path;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::diagnostic::Diagnostic;
use crate::guidance::Guidance;
use crate::scenario::ScenarioResult;

type Xml = quick_xml::Writer<Vec<u8>>;

/// The scenario results as JUnit XML: one testsuite, a testcase per scenario file, a `failure`
/// per mismatching scenario and an `error` per scenario that cannot run.
pub(super) fn write_junit(
    g: &Guidance,
    results: &[ScenarioResult],
    load_errors: &[Diagnostic],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut w = Xml::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Start(BytesStart::new("testsuites")))?;
    suite_start(&mut w, g, results, load_errors)?;
    for r in results {
        scenario_testcase(&mut w, r)?;
    }
    for d in load_errors {
        let file = d.file.display().to_string();
        let class = stem(&d.file);
        let attrs = [
            ("name", class.as_str()),
            ("classname", class.as_str()),
            ("file", file.as_str()),
        ];
        let body = d.to_string();
        let message = d.message.to_string();
        testcase(&mut w, &attrs, Some(("error", &message, "load", &body)))?;
    }
    w.write_event(Event::End(BytesEnd::new("testsuite")))?;
    w.write_event(Event::End(BytesEnd::new("testsuites")))?;
    out.write_all(&w.into_inner())?;
    writeln!(out)
}

/// `<testsuite …>` with its counts, and the guidance's version and hash as properties.
fn suite_start(
    w: &mut Xml,
    g: &Guidance,
    results: &[ScenarioResult],
    load_errors: &[Diagnostic],
) -> std::io::Result<()> {
    let failures = results
        .iter()
        .filter(|r| r.errors.is_empty() && !r.mismatches.is_empty())
        .count();
    let errors = results.iter().filter(|r| !r.errors.is_empty()).count() + load_errors.len();
    let name = format!(
        "{} {}",
        g.meta.name.get(g.meta.languages[0]),
        g.meta.version
    );
    let tests = (results.len() + load_errors.len()).to_string();
    let (failures, errors) = (failures.to_string(), errors.to_string());
    w.write_event(Event::Start(tag(
        "testsuite",
        &[
            ("name", &name),
            ("tests", &tests),
            ("failures", &failures),
            ("errors", &errors),
            ("skipped", "0"),
        ],
    )))?;
    w.write_event(Event::Start(BytesStart::new("properties")))?;
    for (name, value) in [
        ("guidance.version", g.meta.version.as_str()),
        ("guidance.hash", g.provenance.hash.as_str()),
    ] {
        w.write_event(Event::Empty(tag(
            "property",
            &[("name", name), ("value", value)],
        )))?;
    }
    w.write_event(Event::End(BytesEnd::new("properties")))
}

/// One scenario's testcase: an `error` if it cannot run, a `failure` if it mismatches.
fn scenario_testcase(w: &mut Xml, r: &ScenarioResult) -> std::io::Result<()> {
    let file = r.file.display().to_string();
    let class = stem(&r.file);
    let attrs = [
        ("name", r.name.as_str()),
        ("classname", class.as_str()),
        ("file", file.as_str()),
    ];
    if let Some(first) = r.errors.first() {
        let body: Vec<String> = r.errors.iter().map(|d| d.to_string()).collect();
        let body = body.join("\n");
        let message = first.message.to_string();
        testcase(w, &attrs, Some(("error", &message, "scenario", &body)))
    } else if !r.mismatches.is_empty() {
        let lines: Vec<String> = r
            .mismatches
            .iter()
            .map(|m| format!("{}: expected {}, got {}", m.field, m.expected, m.actual))
            .collect();
        let mut body = lines.join("\n");
        if let Some(actual) = &r.actual {
            body.push_str(&format!("\nactual: {actual}"));
        }
        let message = lines.join("; ");
        testcase(w, &attrs, Some(("failure", &message, "mismatch", &body)))
    } else {
        testcase(w, &attrs, None)
    }
}

fn stem(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn tag<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
    let mut e = BytesStart::new(name);
    for a in attrs {
        e.push_attribute(*a);
    }
    e
}

/// `<testcase …><failure message type>body</failure></testcase>`, or empty when it passed.
fn testcase(
    w: &mut Xml,
    attrs: &[(&str, &str)],
    problem: Option<(&str, &str, &str, &str)>,
) -> std::io::Result<()> {
    let Some((kind, message, category, body)) = problem else {
        return w.write_event(Event::Empty(tag("testcase", attrs)));
    };
    w.write_event(Event::Start(tag("testcase", attrs)))?;
    w.write_event(Event::Start(tag(
        kind,
        &[("message", message), ("type", category)],
    )))?;
    w.write_event(Event::Text(BytesText::new(body)))?;
    w.write_event(Event::End(BytesEnd::new(kind)))?;
    w.write_event(Event::End(BytesEnd::new("testcase")))
}
