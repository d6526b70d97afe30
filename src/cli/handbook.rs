//! `arvio handbook <dir> [--lang fi|sv|en] [--against <old-dir>] -o <file.html>`: the guidance
//! as one self-contained HTML document for the approving physician ([`crate::handbook`]).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::handbook::{Against, build, html};
use crate::i18n::{Msg, tr};
use crate::scenario::load_scenarios;
use crate::text::Language;

/// `arvio handbook`.
#[derive(Debug, clap::Args)]
pub struct HandbookArgs {
    pub dir: PathBuf,
    /// An older version (e.g. the approved release): adds what changes for callers and what
    /// changed in structure.
    #[arg(long)]
    pub against: Option<PathBuf>,
    /// The HTML file to write.
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
}

/// 0 when written, 2 when a version does not load or the file cannot be written. The handbook
/// is in `--lang`, else the guidance's first language; problems are told in `--lang`, else
/// English.
pub fn run(
    a: &HandbookArgs,
    chosen: Option<Language>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let said = chosen.unwrap_or(Language::En);
    let Some(g) = super::load(&a.dir, said, err)? else {
        return Ok(2);
    };
    let lang = chosen.unwrap_or(g.meta.languages[0]);
    let (scenarios, _) = load_scenarios(&a.dir);
    let text = match &a.against {
        None => html::write(&build(&g, &scenarios, None, lang)),
        Some(old_dir) => {
            let Some(old) = super::load(old_dir, said, err)? else {
                return Ok(2);
            };
            let (old_scenarios, _) = load_scenarios(old_dir);
            let diff = crate::diff::diff(
                &old,
                &old_scenarios,
                &g,
                &scenarios,
                &crate::analysis::Options::default(),
            );
            let against = Against {
                old: &old,
                diff: &diff,
            };
            html::write(&build(&g, &scenarios, Some(against), lang))
        }
    };
    if let Err(e) = write_file(&a.output, &text) {
        let what = tr(said, Msg::HbCannotWrite);
        writeln!(err, "arvio: {}: {what}: {e}", a.output.display())?;
        return Ok(2);
    }
    let done = Msg::HbWritten.fill(said, &[a.output.display().to_string()]);
    writeln!(out, "{done}")?;
    Ok(0)
}

/// The document, atomically, readable as any document the user writes (it holds no patient's
/// data, and is meant to be passed on).
fn write_file(path: &Path, text: &str) -> std::io::Result<()> {
    crate::storage::write_atomic_shared(path, text.as_bytes())
}
