//! The headless commands: `arvio check|test|eval`, for rule authors and a guidance's own CI.
//!
//! Each command returns an exit code and writes to the given streams, so tests can run them
//! in-process. Every error is a sentence with a position, never a panic or a Debug dump, and
//! every control character in what they print is shown by name ([`escape`]), never sent.

mod approve;
mod config;
mod escape;
mod handbook;
mod junit;

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::{Arg, Diagnostic, Message};
use crate::engine::evaluate;
use crate::explain::{Explanation, explain};
use crate::guidance::{Guidance, load_guidance};
use crate::i18n::{Msg, tr};
use crate::msg;
use crate::scenario::{load_scenario, load_scenarios, run_scenario};
use crate::text::Language;
use escape::Escaping;
use junit::write_junit;

/// Assessment of care need (HTA): guidance checks, scenario tests and the nurse's app.
#[derive(Debug, Parser)]
#[command(name = "arvio", version, about)]
pub struct Cli {
    /// Guidance folder for the app (default: the managed one, the last chosen, else the shipped).
    #[arg(long, global = true)]
    pub guidance: Option<PathBuf>,
    /// Language of what the commands say: fi, sv or en (default: English; `eval`'s proposal
    /// defaults to the guidance's first language).
    #[arg(long, global = true)]
    pub lang: Option<String>,
    /// The managed configuration file (default: $ARVIO_CONFIG, else the machine's).
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a guidance folder; lists every problem as path:line:col, then its approval.
    Check {
        dir: PathBuf,
        /// Fail unless the approval record approves exactly these files (for the county's CI).
        #[arg(long)]
        require_approval: bool,
    },
    /// Run the scenarios of a guidance folder.
    Test {
        dir: PathBuf,
        #[arg(long, value_enum, default_value_t = TestFormat::Text)]
        format: TestFormat,
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
        /// Print the record text (in `--lang`, else the guidance's first language) instead of
        /// the explanation.
        #[arg(long)]
        record: bool,
    },
    /// Statistics of the anonymous assessment log (see docs/statistics.md).
    Stats(StatsArgs),
    /// Analyse a guidance: gaps, shadowed and unreachable rules, overlaps, coverage (see
    /// docs/authoring.md).
    Lint(LintArgs),
    /// Compare two versions of a guidance: changed rules and questions, and every case whose
    /// proposal changes.
    Diff {
        old: PathBuf,
        new: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write the guidance as one self-contained HTML handbook for the approving physician.
    Handbook(handbook::HandbookArgs),
    /// Record the approval of the guidance as it is now (approval.ron in its folder).
    Approve(approve::ApproveArgs),
    /// Check a managed configuration file (default: $ARVIO_CONFIG, else the machine's) and
    /// show what it sets; exit 1 when it is broken.
    Config { file: Option<PathBuf> },
}

/// `arvio lint <dir> [--format text|json] [--allow-gaps] …`.
#[derive(Debug, clap::Args)]
pub struct LintArgs {
    pub dir: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Cases that fall through to a reason's fallback do not fail the lint.
    #[arg(long)]
    pub allow_gaps: bool,
    /// Shadowed rules do not fail the lint.
    #[arg(long)]
    pub allow_shadowed: bool,
    /// Unreachable rules and questions do not fail the lint.
    #[arg(long)]
    pub allow_unreachable: bool,
    /// Equally urgent rules with different outcomes do not fail the lint.
    #[arg(long)]
    pub allow_overlaps: bool,
    /// "Cannot say" findings do not fail the lint.
    #[arg(long)]
    pub allow_cannot_say: bool,
}

/// `arvio test --format`: JUnit XML for CI besides text and JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TestFormat {
    Text,
    Json,
    Junit,
}

/// `arvio stats <log-dir> [--from DATE] [--to DATE] [--guidance DIR] [--format text|csv|json]`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// The log folder: arvio-*.jsonl files in it and its subfolders (many desks and months).
    pub log_dir: PathBuf,
    /// First day, inclusive, YYYY-MM-DD (by each record's local finishing date).
    #[arg(long)]
    pub from: Option<chrono::NaiveDate>,
    /// Last day, inclusive, YYYY-MM-DD.
    #[arg(long)]
    pub to: Option<chrono::NaiveDate>,
    /// A guidance folder: its remote-contact target and its labels (in its first language).
    #[arg(long)]
    pub guidance: Option<PathBuf>,
    /// Only records of the guidance with this name, as logged.
    #[arg(long)]
    pub guidance_name: Option<String>,
    /// Only records of this guidance version.
    #[arg(long)]
    pub guidance_version: Option<String>,
    #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
    pub format: StatsFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    Text,
    /// UTF-8 with BOM, `;`, decimal comma, CRLF: opens as it is in Finnish spreadsheets.
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Runs a command in English; `now` is the clock reading the binary passes in.
pub fn run(
    command: &Command,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    run_in(command, None, now, out, err)
}

/// Runs a command speaking `--lang` (a language code; none: English, and for `eval`'s proposal
/// the guidance's first language).
pub fn run_in(
    command: &Command,
    lang: Option<&str>,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let chosen = match lang.map(|code| (code, Language::from_code(code))) {
        None => None,
        Some((_, Some(l))) => Some(l),
        Some((code, None)) => {
            let _ = writeln!(err, "arvio: unknown language `{code}`; use fi, sv or en");
            return 2;
        }
    };
    let (mut out, mut err) = (Escaping::new(out), Escaping::new(err));
    let mut code = run_command(command, chosen, now, &mut out, &mut err);
    if let Err(e) = out.finish() {
        let _ = writeln!(err, "arvio: cannot write output: {e}");
        code = 2;
    }
    let _ = err.finish();
    code
}

fn run_command(
    command: &Command,
    chosen: Option<Language>,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let lang = chosen.unwrap_or(Language::En);
    let result = match command {
        Command::Check {
            dir,
            require_approval,
        } => check(dir, *require_approval, lang, out, err),
        Command::Test { dir, format } => test(dir, *format, lang, out, err),
        Command::Eval {
            dir,
            answers,
            at,
            format,
            record,
        } => {
            let how = EvalOutput {
                format: *format,
                record: *record,
            };
            eval(dir, answers, at.as_deref(), how, chosen, now, out, err)
        }
        Command::Stats(args) => stats(args, lang, out, err),
        Command::Lint(args) => lint(args, lang, out, err),
        Command::Diff { old, new, format } => diff(old, new, *format, lang, out, err),
        Command::Handbook(args) => handbook::run(args, chosen, out, err),
        Command::Approve(args) => approve::run(args, lang, now, out, err),
        Command::Config { file } => config::run(file.as_deref(), lang, out, err),
    };
    result.unwrap_or_else(|e| {
        let _ = writeln!(err, "arvio: cannot write output: {e}");
        2
    })
}

/// Writes diagnostics the way compilers do: the position, the message in `lang`, the offending
/// line. The line is the one the loader parsed ([`Diagnostic::line`]): no file is read here, so
/// a file refused by the loader (too large, a FIFO, a link outside the folder) shows none.
pub fn write_diagnostics(
    diags: &[Diagnostic],
    lang: Language,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    for d in diags {
        writeln!(err, "{}", d.render(lang))?;
        if let Some(line) = &d.line {
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

fn load(dir: &Path, lang: Language, err: &mut dyn Write) -> std::io::Result<Option<Guidance>> {
    match load_guidance(dir) {
        Ok(g) => Ok(Some(g)),
        Err(diags) => {
            write_diagnostics(&diags, lang, err)?;
            writeln!(
                err,
                "{}: {}",
                dir.display(),
                errors_n(diags.len()).render(lang)
            )?;
            Ok(None)
        }
    }
}

/// `1 error`, `2 errors`.
fn errors_n(n: usize) -> Message {
    match n {
        1 => msg!(OneError),
        n => msg!(NErrors, n),
    }
}

fn check(
    dir: &Path,
    require_approval: bool,
    lang: Language,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let Some(g) = load(dir, lang, err)? else {
        return Ok(1);
    };
    let (scenarios, scenario_diags) = load_scenarios(dir);
    if !scenario_diags.is_empty() {
        write_diagnostics(&scenario_diags, lang, err)?;
        return Ok(1);
    }
    let (cases, training_diags) = crate::training::load_training(dir, &g);
    if !training_diags.is_empty() {
        write_diagnostics(&training_diags, lang, err)?;
        let errors = errors_n(training_diags.len());
        let line = msg!(CliTrainingErrors, errors);
        let folder = dir.join(crate::training::TRAINING_DIR);
        writeln!(err, "{}: {}", folder.display(), line.render(lang))?;
        return Ok(1);
    }
    // Training cases are counted only where there are any, so the line of a folder without
    // them stays as it was.
    let training = match cases.len() {
        0 => Arg::empty(),
        1 => Arg::Message(msg!(CliOneTrainingCase)),
        n => Arg::Message(msg!(CliTrainingCases, n)),
    };
    let rules: usize = g.reasons.iter().map(|r| r.rules.len()).sum();
    let ok = msg!(
        CliCheckOk,
        g.meta.name.get(g.meta.languages[0]),
        g.meta.version,
        g.provenance.short_hash(),
        g.red_flags.len(),
        g.reasons.len(),
        g.questions.len(),
        rules,
        scenarios.len(),
        training
    );
    writeln!(out, "{}", ok.render(lang))?;
    approve::check_line(&g, require_approval, lang, out, err)
}

fn test(
    dir: &Path,
    format: TestFormat,
    lang: Language,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let Some(g) = load(dir, lang, err)? else {
        return Ok(2);
    };
    let (scenarios, load_errors) = load_scenarios(dir);
    if scenarios.is_empty() && load_errors.is_empty() {
        let folder = dir.join(crate::scenario::SCENARIOS_DIR);
        let none = msg!(CliNoScenarios, folder.display());
        writeln!(err, "{}: {}", dir.display(), none.render(lang))?;
        return Ok(1);
    }
    let results: Vec<_> = scenarios.iter().map(|s| run_scenario(&g, s)).collect();
    let passed = results.iter().filter(|r| r.passed()).count();
    let failed = results.len() - passed + load_errors.len();
    match format {
        TestFormat::Junit => write_junit(&g, &results, &load_errors, out)?,
        TestFormat::Json => {
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
        TestFormat::Text => {
            write_diagnostics(&load_errors, lang, err)?;
            for r in results.iter().filter(|r| !r.passed()) {
                if !r.errors.is_empty() {
                    write_diagnostics(&r.errors, lang, out)?;
                }
                for m in &r.mismatches {
                    let fail = msg!(
                        CliMismatch,
                        r.file.display(),
                        r.name,
                        m.field,
                        m.expected,
                        m.actual
                    );
                    writeln!(out, "{}", fail.render(lang))?;
                }
            }
            writeln!(out, "{}", msg!(CliTestTotals, passed, failed).render(lang))?;
        }
    }
    Ok(if failed == 0 { 0 } else { 1 })
}

/// What `eval` prints: the explanation in a format, or the record text.
#[derive(Debug, Clone, Copy)]
struct EvalOutput {
    format: Format,
    record: bool,
}

/// `arvio eval`: 0 with a proposal, 1 when there is nothing to propose, 2 when the guidance or
/// the answers do not load, 3 when a red flag in scope was not asked (it is never taken as
/// "no": the questions still to ask are listed and no proposal is made).
#[allow(clippy::too_many_arguments)]
fn eval(
    dir: &Path,
    answers: &Path,
    at: Option<&str>,
    how: EvalOutput,
    lang: Option<Language>,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    // Problems are told in `--lang`, else English; the proposal in `--lang`, else the
    // guidance's first language.
    let said = lang.unwrap_or(Language::En);
    let Some(g) = load(dir, said, err)? else {
        return Ok(2);
    };
    let lang = lang.unwrap_or(g.meta.languages[0]);
    let scenario = match load_scenario(answers) {
        Ok(s) => s,
        Err(d) => {
            write_diagnostics(&[d], said, err)?;
            return Ok(2);
        }
    };
    let at = match at {
        Some(text) => match DateTime::parse_from_rfc3339(text) {
            Ok(t) => t,
            Err(_) => {
                let e = msg!(ScenarioNotATime, text);
                writeln!(err, "arvio: --at {}", e.render(said))?;
                return Ok(2);
            }
        },
        None if scenario.raw.at.is_some() => match scenario.at(None) {
            Ok(t) => t,
            Err(d) => {
                write_diagnostics(&[d], said, err)?;
                return Ok(2);
            }
        },
        None => now,
    };
    let mut call = match scenario.call(&g) {
        Ok(c) => c,
        Err(diags) => {
            write_diagnostics(&diags, said, err)?;
            return Ok(2);
        }
    };
    // A scenario takes the red flags it leaves out as denied; an answers file given to `eval`
    // does not: a red flag it leaves out was not asked.
    let given: std::collections::HashSet<&str> = scenario
        .raw
        .answers
        .0
        .iter()
        .map(|(q, _)| q.value.as_str())
        .collect();
    for rf in &g.red_flags {
        if !given.contains(g.question(rf.question).id.as_str()) {
            call.set(rf.question, None);
        }
    }
    let evaluation = evaluate(&g, &call);
    if how.record {
        let mut a = crate::assessment::Assessment::new(&g, at);
        a.call = call.clone();
        let assessor = crate::record::Assessor::default();
        let text = crate::record::record_text(&g, &a, &evaluation, &assessor, at, lang);
        writeln!(out, "{text}")?;
    }
    // A red flag not asked is never a "no": no proposal is made before it is asked (unless
    // one already sends the caller to emergency or on-call care).
    let leaves = evaluation
        .proposal
        .as_ref()
        .is_some_and(|p| p.leaves_flow(&g));
    if evaluation.proposal.is_none() {
        writeln!(err, "arvio: {}", msg!(CliNothingToPropose).render(said))?;
        return Ok(1);
    }
    if evaluation.red_flags_unanswered > 0 && !leaves {
        let n = evaluation.red_flags_unanswered;
        writeln!(err, "arvio: {}", msg!(CliRedFlagsNotAsked, n).render(said))?;
        if !how.record {
            write_still_to_ask(&g, &call, &evaluation, lang, out)?;
        }
        return Ok(3);
    }
    let Some(explanation) = explain(&g, &call, &evaluation, at, lang) else {
        writeln!(err, "arvio: {}", msg!(CliNothingToPropose).render(said))?;
        return Ok(1);
    };
    if how.record {
        return Ok(0);
    }
    match how.format {
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&explanation).unwrap_or_default()
        )?,
        Format::Text => {
            let mut left = Vec::new();
            write_still_to_ask(&g, &call, &evaluation, lang, &mut left)?;
            write_explanation_with(&explanation, lang, &left, out)?;
        }
    }
    Ok(0)
}

/// The questions still to ask, in ask order, each with its id and text; a red flag marked so.
fn write_still_to_ask(
    g: &Guidance,
    call: &crate::call::Call,
    evaluation: &crate::engine::Evaluation,
    lang: Language,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let left: Vec<_> = evaluation
        .questions
        .iter()
        .filter(|q| call.answer(**q).is_none())
        .collect();
    if left.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}:", tr(lang, Msg::CliStillToAsk))?;
    for &&q in &left {
        let question = g.question(q);
        let flag = if question.part == crate::guidance::Part::RedFlag {
            format!(" [{}]", tr(lang, Msg::RecordRedFlags))
        } else {
            String::new()
        };
        writeln!(out, "  {}: {}{flag}", question.id, question.text.get(lang))?;
    }
    Ok(())
}

fn stats(
    a: &StatsArgs,
    lang: Language,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    if !a.log_dir.is_dir() {
        writeln!(err, "arvio: {}: no such log folder", a.log_dir.display())?;
        return Ok(2);
    }
    if let (Some(from), Some(to)) = (a.from, a.to)
        && from > to
    {
        writeln!(err, "arvio: --from {from} is after --to {to}")?;
        return Ok(2);
    }
    let guidance = match &a.guidance {
        Some(dir) => match load(dir, lang, err)? {
            Some(g) => Some(g),
            None => return Ok(2),
        },
        None => None,
    };
    let filter = crate::stats::Filter {
        from: a.from,
        to: a.to,
        guidance_name: a.guidance_name.clone(),
        guidance_version: a.guidance_version.clone(),
    };
    let target = guidance.as_ref().and_then(|g| g.meta.remote_target_percent);
    // Streamed: each record is counted as it is read, so memory does not grow with the log.
    let (mut stats, read) = crate::stats::Stats::from_log(&a.log_dir, &filter, target);
    for s in &read.set_aside {
        writeln!(err, "arvio: {s}")?;
    }
    for t in &read.torn_files {
        if !read.set_aside.iter().any(|s| s.to == *t) {
            writeln!(err, "arvio: {}: a torn line set aside earlier", t.display())?;
        }
    }
    for e in &read.errors {
        writeln!(err, "arvio: {e}")?;
    }
    if let Some(g) = &guidance {
        stats.label_with(g, g.meta.languages[0]);
    }
    match a.format {
        StatsFormat::Text => write!(out, "{}", stats.to_text())?,
        StatsFormat::Csv => out.write_all(stats.to_csv().as_bytes())?,
        StatsFormat::Json => writeln!(out, "{}", stats.to_json())?,
    }
    Ok(if read.errors.is_empty() { 0 } else { 2 })
}

/// The proposal as text, for terminals.
pub fn write_explanation(
    e: &Explanation,
    lang: Language,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    write_explanation_with(e, lang, &[], out)
}

/// The explanation with `still_to_ask` (lines already written) after the count of questions
/// left, before the guidance's line.
fn write_explanation_with(
    e: &Explanation,
    lang: Language,
    still_to_ask: &[u8],
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
    out.write_all(still_to_ask)?;
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

/// `arvio lint`: 0 when nothing fails, 1 when a finding nobody allowed does, 2 when the guidance
/// does not load.
fn lint(
    a: &LintArgs,
    lang: Language,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    use crate::analysis::{Kind, Options, analyse};
    let Some(g) = load(&a.dir, lang, err)? else {
        return Ok(2);
    };
    let (scenarios, _) = load_scenarios(&a.dir);
    let mut analysis = analyse(&g, &scenarios, &Options::default());
    for (flag, kind, name) in [
        (a.allow_gaps, Kind::Gap, "--allow-gaps"),
        (a.allow_shadowed, Kind::Shadowed, "--allow-shadowed"),
        (
            a.allow_unreachable,
            Kind::Unreachable,
            "--allow-unreachable",
        ),
        (a.allow_overlaps, Kind::Overlap, "--allow-overlaps"),
        (a.allow_cannot_say, Kind::CannotSay, "--allow-cannot-say"),
    ] {
        if flag {
            analysis.allow_kind(kind, name);
        }
    }
    match a.format {
        Format::Json => {
            let report = serde_json::json!({
                "guidance": { "name": g.meta.name.get(g.meta.languages[0]), "version": g.meta.version, "hash": g.provenance.hash },
                "errors": analysis.errors(),
                "warnings": analysis.warnings(),
                "allowed": analysis.allowed(),
                "findings": analysis.findings,
                "summaries": analysis.summaries,
            });
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&report).unwrap_or_default()
            )?;
        }
        Format::Text => analysis.write_text_in(out, lang)?,
    }
    Ok(if analysis.errors() == 0 { 0 } else { 1 })
}

/// `arvio diff`: 0 when nothing changes, 1 when something does, 2 when a version does not load.
fn diff(
    old: &Path,
    new: &Path,
    format: Format,
    lang: Language,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let (Some(a), Some(b)) = (load(old, lang, err)?, load(new, lang, err)?) else {
        return Ok(2);
    };
    let (old_scenarios, _) = load_scenarios(old);
    let (new_scenarios, _) = load_scenarios(new);
    let d = crate::diff::diff(
        &a,
        &old_scenarios,
        &b,
        &new_scenarios,
        &crate::analysis::Options::default(),
    );
    match format {
        Format::Json => {
            let version = |g: &Guidance| serde_json::json!({ "name": g.meta.name.get(g.meta.languages[0]), "version": g.meta.version, "hash": g.provenance.hash });
            let report = serde_json::json!({
                "old": version(&a),
                "new": version(&b),
                "changed": !d.is_empty(),
                "items": d.items,
                "cases": d.cases,
                "compared": d.compared,
                "incomparable": d.incomparable,
                "sampled": d.sampled,
            });
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&report).unwrap_or_default()
            )?;
        }
        Format::Text => d.write_text_in(out, lang)?,
    }
    Ok(if d.is_empty() { 0 } else { 1 })
}
