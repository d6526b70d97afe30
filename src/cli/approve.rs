//! `arvio approve <dir> --by "…" --role "…"` writes the approval record of the guidance as it is
//! now ([`crate::approval`]); `arvio check` reports the approval, and with `--require-approval`
//! (for the county's CI) fails unless the record approves exactly these files.

use std::io::Write;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use crate::approval::{self, Status};
use crate::guidance::Guidance;
use crate::i18n::{Msg, tr};
use crate::scenario::{load_scenarios, run_scenario};
use crate::text::Language;

/// `arvio approve`.
#[derive(Debug, clap::Args)]
pub struct ApproveArgs {
    pub dir: PathBuf,
    /// Who approves (the physician's name as they sign).
    #[arg(long)]
    pub by: String,
    /// Their role, e.g. "chief physician, primary care".
    #[arg(long)]
    pub role: String,
}

/// 0 when the record is written; 1 when the guidance is not fit to approve (its scenarios do
/// not all load and pass, or its record is invalid); 2 when it does not load or the record
/// cannot be written. The date is `now`'s.
pub fn run(
    a: &ApproveArgs,
    lang: Language,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let Some(g) = super::load(&a.dir, lang, err)? else {
        return Ok(2);
    };
    let (scenarios, load_errors) = load_scenarios(&a.dir);
    super::write_diagnostics(&load_errors, lang, err)?;
    let failed = scenarios
        .iter()
        .filter(|s| !run_scenario(&g, s).passed())
        .count();
    if failed + load_errors.len() > 0 {
        let n = (failed + load_errors.len()).to_string();
        writeln!(err, "arvio: {}", Msg::ApproveScenariosFail.fill(lang, &[n]))?;
        return Ok(1);
    }
    let replaced = match &g.provenance.approval {
        Status::Invalid(d) => {
            super::write_diagnostics(std::slice::from_ref(d), lang, err)?;
            writeln!(err, "arvio: {}", tr(lang, Msg::ApproveInvalidRecord))?;
            return Ok(1);
        }
        status => status.approval(),
    };
    let record = match approval::approve(
        &g.meta.version,
        &g.provenance.hash,
        &a.by,
        &a.role,
        now.date_naive(),
        replaced,
    ) {
        Ok(r) => r,
        Err(m) => {
            writeln!(err, "arvio: {}", m.render(lang))?;
            return Ok(2);
        }
    };
    if let Err(e) = approval::write(&a.dir, &record) {
        let path = a.dir.join(approval::APPROVAL_FILE);
        let what = tr(lang, Msg::ApproveCannotWrite);
        writeln!(err, "arvio: {}: {what}: {e}", path.display())?;
        return Ok(2);
    }
    let done = Msg::ApproveWritten.fill(
        lang,
        &[
            g.meta.name.get(g.meta.languages[0]).to_owned(),
            g.meta.version.clone(),
            approval::short(&g.provenance.hash).to_owned(),
            Status::Approved(record).text(lang),
        ],
    );
    writeln!(out, "{done}")?;
    Ok(0)
}

/// `arvio check`'s approval line; with `require`, 1 unless approved (the line then goes to the
/// error stream too, so a CI log shows why).
pub fn check_line(
    g: &Guidance,
    require: bool,
    lang: Language,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let status = &g.provenance.approval;
    let line = format!("{}: {}", tr(lang, Msg::ApprovalLabel), status.text(lang));
    writeln!(out, "{line}")?;
    if let Status::Invalid(d) = status {
        super::write_diagnostics(std::slice::from_ref(d), lang, err)?;
    }
    if require && !status.is_approved() {
        writeln!(err, "arvio: {}", tr(lang, Msg::ApprovalRequired))?;
        return Ok(1);
    }
    Ok(0)
}
