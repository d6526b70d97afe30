//! The headless commands: `arvio check|test|eval`, for rule authors and a guidance's own CI.
//!
//! Each command returns an exit code and writes to the given streams, so tests can run them
//! in-process. Every error is a sentence with a position, never a panic or a Debug dump.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::Diagnostic;
use crate::engine::evaluate;
use crate::explain::{Explanation, explain};
use crate::guidance::{Guidance, load_guidance};
use crate::i18n::{Msg, tr};
use crate::scenario::{load_scenario, load_scenarios, run_scenario};
use crate::source::source_line;
use crate::text::Language;

/// Assessment of care need (HTA): guidance checks, scenario tests and the nurse's app.
#[derive(Debug, Parser)]
#[command(name = "arvio", version, about)]
pub struct Cli {
    /// Guidance folder for the app (default: the last used one, else rules/default).
    #[arg(long, global = true)]
    pub guidance: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a guidance folder; lists every problem as path:line:col.
    Check { dir: PathBuf },
    /// Run the scenarios of a guidance folder.
    Test {
        dir: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Propose an outcome for the reasons and answers in a file.
    Eval {
        dir: PathBuf,
        /// A file in the scenario format (reasons, answers; `expect` is ignored).
        #[arg(long)]
        answers: PathBuf,
        /// Assessment time, RFC 3339 (default: the file's `at`, else now).
        #[arg(long)]
        at: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Language of the output (default: the guidance's first language).
        #[arg(long)]
        lang: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Runs a command; `now` is the clock reading the binary passes in.
pub fn run(
    command: &Command,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let result = match command {
        Command::Check { dir } => check(dir, out, err),
        Command::Test { dir, format } => test(dir, *format, out, err),
        Command::Eval {
            dir,
            answers,
            at,
            format,
            lang,
        } => eval(
            dir,
            answers,
            at.as_deref(),
            *format,
            lang.as_deref(),
            now,
            out,
            err,
        ),
    };
    result.unwrap_or_else(|e| {
        let _ = writeln!(err, "arvio: cannot write output: {e}");
        2
    })
}

/// Writes diagnostics the way compilers do: the position, the message, the offending line.
pub fn write_diagnostics(diags: &[Diagnostic], err: &mut dyn Write) -> std::io::Result<()> {
    let mut cached: Option<(PathBuf, String)> = None;
    for d in diags {
        writeln!(err, "{d}")?;
        if cached.as_ref().is_none_or(|(p, _)| *p != d.file) {
            let text = std::fs::read_to_string(&d.file).unwrap_or_default();
            cached = Some((d.file.clone(), text));
        }
        if let Some((_, text)) = &cached
            && let Some(line) = source_line(text, d.pos.line)
        {
            let shown: String = line.chars().take(160).collect();
            writeln!(err, "    | {shown}")?;
            writeln!(
                err,
                "    | {}^",
                " ".repeat(d.pos.col.saturating_sub(1).min(160))
            )?;
        }
    }
    Ok(())
}

fn load(dir: &Path, err: &mut dyn Write) -> std::io::Result<Option<Guidance>> {
    match load_guidance(dir) {
        Ok(g) => Ok(Some(g)),
        Err(diags) => {
            write_diagnostics(&diags, err)?;
            writeln!(
                err,
                "{}: {} error{}",
                dir.display(),
                diags.len(),
                if diags.len() == 1 { "" } else { "s" }
            )?;
            Ok(None)
        }
    }
}

fn check(dir: &Path, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let Some(g) = load(dir, err)? else {
        return Ok(1);
    };
    let (scenarios, scenario_diags) = load_scenarios(dir);
    if !scenario_diags.is_empty() {
        write_diagnostics(&scenario_diags, err)?;
        return Ok(1);
    }
    let rules: usize = g.reasons.iter().map(|r| r.rules.len()).sum();
    writeln!(
        out,
        "ok: {} {} ({}): {} red flags, {} reasons, {} questions, {} rules, {} scenarios",
        g.meta.name.get(g.meta.languages[0]),
        g.meta.version,
        g.provenance.short_hash(),
        g.red_flags.len(),
        g.reasons.len(),
        g.questions.len(),
        rules,
        scenarios.len()
    )?;
    Ok(0)
}

fn test(
    dir: &Path,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let Some(g) = load(dir, err)? else {
        return Ok(2);
    };
    let (scenarios, load_errors) = load_scenarios(dir);
    if scenarios.is_empty() && load_errors.is_empty() {
        writeln!(
            err,
            "{}: no scenarios in {}",
            dir.display(),
            dir.join(crate::scenario::SCENARIOS_DIR).display()
        )?;
        return Ok(1);
    }
    let results: Vec<_> = scenarios.iter().map(|s| run_scenario(&g, s)).collect();
    let passed = results.iter().filter(|r| r.passed()).count();
    let failed = results.len() - passed + load_errors.len();
    match format {
        Format::Json => {
            let report = serde_json::json!({
                "guidance": { "name": g.meta.name.get(g.meta.languages[0]), "version": g.meta.version, "hash": g.provenance.hash },
                "passed": passed,
                "failed": failed,
                "results": results.iter().map(|r| serde_json::json!({
                    "name": r.name, "file": r.file, "passed": r.passed(), "actual": r.actual,
                    "mismatches": r.mismatches, "errors": r.errors.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "load_errors": load_errors.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
            });
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&report).unwrap_or_default()
            )?;
        }
        Format::Text => {
            write_diagnostics(&load_errors, err)?;
            for r in results.iter().filter(|r| !r.passed()) {
                if !r.errors.is_empty() {
                    write_diagnostics(&r.errors, out)?;
                }
                for m in &r.mismatches {
                    writeln!(
                        out,
                        "FAIL {}: {}: {} expected {}, got {}",
                        r.file.display(),
                        r.name,
                        m.field,
                        m.expected,
                        m.actual
                    )?;
                }
            }
            writeln!(out, "{passed} passed, {failed} failed")?;
        }
    }
    Ok(if failed == 0 { 0 } else { 1 })
}

#[allow(clippy::too_many_arguments)]
fn eval(
    dir: &Path,
    answers: &Path,
    at: Option<&str>,
    format: Format,
    lang: Option<&str>,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let Some(g) = load(dir, err)? else {
        return Ok(2);
    };
    let lang = match lang {
        None => g.meta.languages[0],
        Some(code) => match Language::from_code(code) {
            Some(l) => l,
            None => {
                writeln!(err, "arvio: unknown language `{code}`; use fi, sv or en")?;
                return Ok(2);
            }
        },
    };
    let scenario = match load_scenario(answers) {
        Ok(s) => s,
        Err(d) => {
            write_diagnostics(&[d], err)?;
            return Ok(2);
        }
    };
    let at = match at {
        Some(text) => match DateTime::parse_from_rfc3339(text) {
            Ok(t) => t,
            Err(_) => {
                writeln!(
                    err,
                    "arvio: --at `{text}` is not an RFC 3339 time such as 2026-11-23T09:00:00+02:00"
                )?;
                return Ok(2);
            }
        },
        None if scenario.raw.at.is_some() => match scenario.at(None) {
            Ok(t) => t,
            Err(d) => {
                write_diagnostics(&[d], err)?;
                return Ok(2);
            }
        },
        None => now,
    };
    let call = match scenario.call(&g) {
        Ok(c) => c,
        Err(diags) => {
            write_diagnostics(&diags, err)?;
            return Ok(2);
        }
    };
    let evaluation = evaluate(&g, &call);
    let Some(explanation) = explain(&g, &call, &evaluation, at, lang) else {
        writeln!(
            err,
            "arvio: nothing to propose: the file names no reason for contact and hits no red flag"
        )?;
        return Ok(1);
    };
    match format {
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&explanation).unwrap_or_default()
        )?,
        Format::Text => write_explanation(&explanation, lang, out)?,
    }
    Ok(0)
}

/// The proposal as text, for terminals.
pub fn write_explanation(
    e: &Explanation,
    lang: Language,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let code = e
        .timeframe_code
        .as_deref()
        .map(|c| format!(" [{c}]"))
        .unwrap_or_default();
    writeln!(
        out,
        "{}: {}{code}",
        tr(lang, Msg::Timeframe),
        e.timeframe.label
    )?;
    if let Some(w) = &e.window {
        writeln!(out, "  {}", w.text)?;
    }
    if let Some(m) = &e.mode {
        let kind = tr(lang, if m.remote { Msg::Remote } else { Msg::InPerson });
        write!(out, "{}: {} ({kind})", tr(lang, Msg::ContactMode), m.label)?;
        if !e.alternative_modes.is_empty() {
            let alts: Vec<_> = e
                .alternative_modes
                .iter()
                .map(|m| m.label.as_str())
                .collect();
            write!(
                out,
                "; {}: {}",
                tr(lang, Msg::Alternatives),
                alts.join(", ")
            )?;
        }
        writeln!(out)?;
    }
    if let Some(p) = &e.professional {
        writeln!(out, "{}: {}", tr(lang, Msg::Professional), p.label)?;
    }
    writeln!(out, "{}: {}", tr(lang, Msg::Advice), e.advice)?;
    if let Some(w) = &e.worsening {
        writeln!(out, "{}: {}", tr(lang, Msg::Worsening), w)?;
    }
    writeln!(
        out,
        "{}: {} — {}",
        tr(lang, Msg::DecidedBy),
        e.decided_by.id,
        e.decided_by.label
    )?;
    for a in &e.because {
        writeln!(out, "  {} = {}", a.text, a.answer)?;
    }
    let others: Vec<_> = e
        .matched
        .iter()
        .filter(|m| m.id != e.decided_by.id)
        .map(|m| format!("{} ({})", m.id, m.timeframe))
        .collect();
    if !others.is_empty() {
        writeln!(out, "{}: {}", tr(lang, Msg::AlsoMatched), others.join(", "))?;
    }
    if e.questions_left > 0 {
        writeln!(out, "{} {}", e.questions_left, tr(lang, Msg::QuestionsLeft))?;
    }
    writeln!(
        out,
        "{}: {} {} {} ({})",
        tr(lang, Msg::Guidance),
        e.guidance.name,
        tr(lang, Msg::Version),
        e.guidance.version,
        &e.guidance.hash[..12.min(e.guidance.hash.len())]
    )?;
    Ok(())
}
