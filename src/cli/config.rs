//! `arvio config [FILE]`: a managed configuration file checked as the app reads it, every
//! problem as `file:line:col`, and what it sets, for IT before rolling a file out.

use std::io::Write;
use std::path::Path;

use crate::config::{self, Managed, ModeName, Setting, locations};
use crate::i18n::Msg;
use crate::text::Language;

/// Exit 0: valid (or no file at all); 1: broken, as the app would run fail-closed; 2: no
/// location for the file on this platform.
pub fn run(
    file: Option<&Path>,
    lang: Language,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let Some(path) = locations::managed_path(file) else {
        writeln!(
            err,
            "arvio: no place for a managed configuration on this platform"
        )?;
        return Ok(2);
    };
    let loaded = config::load(&path);
    if !loaded.problems.is_empty() {
        super::write_diagnostics(&loaded.problems, lang, err)?;
        writeln!(err, "{}", Msg::ConfigBroken.get(lang))?;
        return Ok(1);
    }
    if loaded.managed.file.is_none() {
        writeln!(out, "{}: {}", path.display(), Msg::ConfigNone.get(lang))?;
        return Ok(0);
    }
    writeln!(out, "{}: {}", path.display(), Msg::ConfigValid.get(lang))?;
    describe(&loaded.managed, out)?;
    Ok(0)
}

/// What the file sets, one `name: value` a line, in the file's own terms.
fn describe(m: &Managed, out: &mut dyn Write) -> std::io::Result<()> {
    let shown = |p: &Option<std::path::PathBuf>| p.as_ref().map(|p| p.display().to_string());
    let lines = [
        ("desk", m.desk.clone()),
        ("guidance", shown(&m.guidance)),
        ("log_dir", shown(&m.log_dir)),
        ("language", m.language.map(|l| l.code().to_owned())),
        (
            "record_language",
            m.record_language.map(|l| l.code().to_owned()),
        ),
        (
            "autosave_free_text",
            m.autosave_free_text.map(|b| b.to_string()),
        ),
    ];
    for (name, value) in lines {
        writeln!(out, "{name}: {}", value.as_deref().unwrap_or("-"))?;
    }
    let modes: Vec<&str> = m.modes.iter().map(|x| ModeName::name(*x)).collect();
    writeln!(out, "modes: {}", modes.join(", "))?;
    let locked: Vec<&str> = m.locked.iter().map(|s| Setting::name(*s)).collect();
    writeln!(
        out,
        "locked: {}",
        if locked.is_empty() {
            "-".to_owned()
        } else {
            locked.join(", ")
        }
    )?;
    writeln!(
        out,
        "require_approved_guidance: {}",
        m.require_approved_guidance
    )?;
    writeln!(
        out,
        "renderer: {}",
        m.renderer.map_or("-", crate::config::Renderer::name)
    )
}
