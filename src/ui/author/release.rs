//! Author mode's release tools: the handbook of the open guidance in the browser (Ctrl+H), and
//! what changes for callers since the approved release (Ctrl+D), read from the folder of that
//! release (the desks' copy, chosen once with Ctrl+Shift+D and remembered).
//!
//! The approved version's files are a folder, not a git ref: the county copies each approved
//! release to the desks' share, so that folder is the version in use; the guidance's own
//! approval record says which hash was approved, and a folder holding another version is said
//! to be so (docs/authoring.md).

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::approval::Status;
use crate::guidance::{Guidance, load_guidance};
use crate::handbook::{Against, build, changes_for_callers, html, plain};
use crate::i18n::{Msg, tr};
use crate::text::Language;
use crate::ui::author::release_jobs::SinceApproved;
use crate::ui::intent::{Change, Intent};
use crate::ui::jobs::{self, Finished};
use crate::ui::state::AppState;
use crate::ui::style::{ALARM, CAUTION};
use crate::worker::Job;

/// Handles [`Intent::OpenHandbook`], [`Intent::ChangesSinceApproved`] and
/// [`Intent::PickApprovedRelease`].
pub fn apply(s: &mut AppState, intent: Intent) -> Change {
    match intent {
        Intent::OpenHandbook => open_handbook(s),
        Intent::ChangesSinceApproved => match s.settings.approved_release.clone() {
            Some(dir) => since_approved(s, dir),
            None => pick(s),
        },
        Intent::PickApprovedRelease => pick(s),
        _ => {}
    }
    Change::None
}

fn pick(s: &mut AppState) {
    let start = s.settings.approved_release.clone();
    if let Some(dir) = s
        .picker
        .pick_folder(start.as_deref().or(Some(&s.guidance.dir)))
    {
        s.settings.approved_release = Some(dir.clone());
        since_approved(s, dir);
    }
}

/// Takes in a finished comparison or handbook (and opens the handbook in the browser).
pub fn poll(s: &mut AppState) {
    if let Some(finished) = jobs::take(&mut s.author.release_jobs.since_approved) {
        s.jobs.applied += 1;
        match finished {
            Finished::Done(since) => s.author.since_approved = Some(since),
            Finished::Failed(e) => s.author.handbook = Some(Err(e)),
        }
    }
    if let Some(finished) = jobs::take(&mut s.author.release_jobs.handbook) {
        s.jobs.applied += 1;
        let written = match finished {
            Finished::Done(w) => w,
            Finished::Failed(e) => Err(e),
        };
        s.author.handbook = Some(written.and_then(|path| s.opener.open(&path).map(|()| path)));
    }
}

/// The approved release loaded and compared with the open guidance, in the interface language,
/// on a worker.
fn since_approved(s: &mut AppState, release: PathBuf) {
    let lang = s.lang();
    let Some(new) = s.guidance.current.clone() else {
        return;
    };
    let dir = s.guidance.dir.clone();
    s.author.release_jobs.since_approved = Some(Job::spawn("since-approved", move || {
        compare_with_release(release, &dir, &new, lang)
    }));
}

fn compare_with_release(
    release: PathBuf,
    dir: &Path,
    new: &Guidance,
    lang: Language,
) -> SinceApproved {
    let old = match load_guidance(&release) {
        Ok(old) => old,
        Err(diags) => {
            let text = diags
                .iter()
                .map(|d| d.render(lang))
                .collect::<Vec<_>>()
                .join("\n");
            return SinceApproved {
                release,
                text,
                warnings: vec![tr(lang, Msg::ReleaseDoesNotLoad).to_owned()],
            };
        }
    };
    let diff = diff_of(&old, &release, new, dir);
    let against = Against {
        old: &old,
        diff: &diff,
    };
    let text = plain(&changes_for_callers(new, &against, lang));
    SinceApproved {
        warnings: warnings(new, &old, lang),
        release,
        text,
    }
}

fn diff_of(old: &Guidance, old_dir: &Path, new: &Guidance, new_dir: &Path) -> crate::diff::Diff {
    let (old_scenarios, _) = crate::scenario::load_scenarios(old_dir);
    let (new_scenarios, _) = crate::scenario::load_scenarios(new_dir);
    crate::diff::diff(
        old,
        &old_scenarios,
        new,
        &new_scenarios,
        &crate::analysis::Options::default(),
    )
}

/// The release folder is not approved itself, or is not the version the open guidance's
/// approval record names.
fn warnings(new: &Guidance, old: &Guidance, lang: Language) -> Vec<String> {
    let mut out = Vec::new();
    if !old.provenance.approval.is_approved() {
        out.push(Msg::ReleaseNotApproved.fill(lang, &[old.provenance.approval.text(lang)]));
    }
    if let Status::Changed(a) = &new.provenance.approval
        && a.hash != old.provenance.hash
    {
        let named = format!("{} ({})", a.version, crate::approval::short(&a.hash));
        out.push(Msg::ReleaseNotTheApproved.fill(lang, &[named]));
    }
    out
}

/// Writes the handbook of the open guidance (with the changes since the approved release, when
/// its folder is known and loads) to a private file in the cache, on a worker; [`poll`] opens it
/// in the browser.
fn open_handbook(s: &mut AppState) {
    let lang = s.lang();
    let Some(g) = s.guidance.current.clone() else {
        return;
    };
    let Some(out_dir) = s.handbook_dir.clone() else {
        s.author.handbook = Some(Err(tr(lang, Msg::HandbookNoFolder).to_owned()));
        return;
    };
    let dir = s.guidance.dir.clone();
    let release = s.settings.approved_release.clone();
    s.author.release_jobs.handbook = Some(Job::spawn("handbook", move || {
        write_handbook(&g, &dir, release.as_deref(), &out_dir, lang)
    }));
}

fn write_handbook(
    g: &Guidance,
    dir: &Path,
    release: Option<&Path>,
    out_dir: &Path,
    lang: Language,
) -> Result<PathBuf, String> {
    let (scenarios, _) = crate::scenario::load_scenarios(dir);
    let old = release.and_then(|r| load_guidance(r).ok().map(|old| (r, old)));
    let text = match &old {
        Some((r, old)) => {
            let diff = diff_of(old, r, g, dir);
            let against = Against { old, diff: &diff };
            html::write(&build(g, &scenarios, Some(against), lang))
        }
        None => html::write(&build(g, &scenarios, None, lang)),
    };
    let name = format!(
        "handbook-{}-{}.html",
        g.provenance.short_hash(),
        lang.code()
    );
    let path = out_dir.join(name);
    crate::storage::write_atomic(&path, text.as_bytes())
        .map_err(|e| e.to_string())
        .map(|()| path)
}

/// The section of author mode: the keys, the handbook last opened, and the changes since the
/// approved release.
pub fn show(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    ui.heading(t(Msg::ReleaseTitle));
    if let Some(g) = &state.guidance.current {
        let status = &g.provenance.approval;
        let colour = if status.is_approved() {
            ui.visuals().text_color()
        } else {
            ALARM
        };
        ui.label(RichText::new(status.text(lang)).strong().color(colour));
    }
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(format!("{} (Ctrl+H)", t(Msg::OpenHandbook)))
            .clicked()
        {
            out.push(Intent::OpenHandbook);
        }
        if ui
            .button(format!("{} (Ctrl+D)", t(Msg::ChangesSinceApproved)))
            .clicked()
        {
            out.push(Intent::ChangesSinceApproved);
        }
        if ui
            .button(format!("{} (Ctrl+Shift+D)", t(Msg::PickApprovedRelease)))
            .clicked()
        {
            out.push(Intent::PickApprovedRelease);
        }
    });
    let release = state
        .settings
        .approved_release
        .as_ref()
        .map_or_else(|| t(Msg::NotSet).to_owned(), |d| d.display().to_string());
    ui.label(format!("{}: {release}", t(Msg::ApprovedRelease)));
    match &state.author.handbook {
        Some(Ok(path)) => {
            ui.label(Msg::HandbookOpened.fill(lang, &[path.display().to_string()]));
        }
        Some(Err(e)) => {
            ui.label(RichText::new(format!("{}: {e}", t(Msg::HandbookFailed))).color(ALARM));
        }
        None => {}
    }
    if let Some(since) = &state.author.since_approved {
        for w in &since.warnings {
            ui.label(RichText::new(w).strong().color(CAUTION));
        }
        ui.label(RichText::new(&since.text).monospace());
    }
}
