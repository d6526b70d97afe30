//! Author mode's release tools: the handbook of the open guidance in the browser (Ctrl+H), and
//! what changes for callers since the approved release (Ctrl+D), read from the folder of that
//! release (the desks' copy, chosen once with Ctrl+Shift+D and remembered).
//!
//! The approved version's files are a folder, not a git ref: the county copies each approved
//! release to the desks' share, so that folder is the version in use; the guidance's own
//! approval record says which hash was approved, and a folder holding another version is said
//! to be so (docs/authoring.md).

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::approval::Status;
use crate::guidance::{Guidance, load_guidance};
use crate::handbook::{Against, build, changes_for_callers, html, plain};
use crate::i18n::{Msg, tr};
use crate::ui::intent::{Change, Intent};
use crate::ui::state::AppState;
use crate::ui::style::{ALARM, CAUTION};

/// What changes for callers since the approved release, as the author sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct SinceApproved {
    pub release: PathBuf,
    /// The changes in words, or the release's load errors in words.
    pub text: String,
    /// Said above the changes: the folder is no approved release, or not the one the approval
    /// record names.
    pub warnings: Vec<String>,
}

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

/// The approved release loaded and compared with the open guidance, in the interface language.
fn since_approved(s: &mut AppState, release: PathBuf) {
    let lang = s.lang();
    let Some(new) = s.guidance.current.clone() else {
        return;
    };
    let old = match load_guidance(&release) {
        Ok(old) => old,
        Err(diags) => {
            let text = diags
                .iter()
                .map(|d| d.render(lang))
                .collect::<Vec<_>>()
                .join("\n");
            s.author.since_approved = Some(SinceApproved {
                release,
                text,
                warnings: vec![tr(lang, Msg::ReleaseDoesNotLoad).to_owned()],
            });
            return;
        }
    };
    let diff = diff_of(&old, &release, &new, s);
    let against = Against {
        old: &old,
        diff: &diff,
    };
    let text = plain(&changes_for_callers(&new, &against, lang));
    s.author.since_approved = Some(SinceApproved {
        warnings: warnings(&new, &old, lang),
        release,
        text,
    });
}

fn diff_of(
    old: &Guidance,
    old_dir: &std::path::Path,
    new: &Guidance,
    s: &AppState,
) -> crate::diff::Diff {
    let (old_scenarios, _) = crate::scenario::load_scenarios(old_dir);
    let (new_scenarios, _) = crate::scenario::load_scenarios(&s.guidance.dir);
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
fn warnings(new: &Guidance, old: &Guidance, lang: crate::text::Language) -> Vec<String> {
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
/// its folder is known and loads) to a private file in the cache, and opens it in the browser.
fn open_handbook(s: &mut AppState) {
    let lang = s.lang();
    let Some(g) = s.guidance.current.clone() else {
        return;
    };
    let Some(dir) = s.handbook_dir.clone() else {
        s.author.handbook = Some(Err(tr(lang, Msg::HandbookNoFolder).to_owned()));
        return;
    };
    let (scenarios, _) = crate::scenario::load_scenarios(&s.guidance.dir);
    let release = s.settings.approved_release.clone();
    let old = release
        .as_ref()
        .and_then(|r| load_guidance(r).ok().map(|g| (r.clone(), g)));
    let text = match &old {
        Some((r, old)) => {
            let diff = diff_of(old, r, &g, s);
            let against = Against { old, diff: &diff };
            html::write(&build(&g, &scenarios, Some(against), lang))
        }
        None => html::write(&build(&g, &scenarios, None, lang)),
    };
    let name = format!(
        "handbook-{}-{}.html",
        g.provenance.short_hash(),
        lang.code()
    );
    let path = dir.join(name);
    let result = crate::storage::write_atomic(&path, text.as_bytes())
        .map_err(|e| e.to_string())
        .and_then(|()| s.opener.open(&path))
        .map(|()| path);
    s.author.handbook = Some(result);
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
