//! The workbench's page: the folder (typed, picked or recent), the guidance's validation with
//! each error's source line, then the scenarios, the analysis and the comparison.

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::i18n::{Msg, plural};
use crate::ui::author::ShownDiagnostic;
use crate::ui::author::{analysis, scenarios};
use crate::ui::field::Field;
use crate::ui::intent::Intent;
use crate::ui::state::AppState;
use crate::ui::style::{ALARM, DONE, GOOD};

pub fn show(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("author_scroll")
            .show(ui, |ui| {
                ui.heading(Msg::AuthorTitle.get(state.lang()));
                folder(ui, state, out);
                ui.separator();
                validation(ui, state);
                ui.separator();
                scenarios::table(ui, state, out);
                ui.separator();
                scenarios::save_as(ui, state, out);
                ui.separator();
                analysis::show(ui, state, out);
                ui.separator();
                analysis::compare(ui, state, out);
                ui.separator();
                crate::ui::author::release::show(ui, state, out);
            });
    });
}

/// The guidance folder: typed, picked with the dialog, or one of the recent ones.
fn folder(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let t = |m: Msg| m.get(state.lang());
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(format!("{} (Alt+G)", t(Msg::GuidanceFolder)));
        let mut path = state.author.path_input.clone();
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut path)
                    .desired_width(480.0)
                    .id(Field::AuthorPath.id()),
            )
            .labelled_by(label.id);
        if r.changed() {
            out.push(Intent::SetAuthorPath(path.clone()));
        }
        // The folder opens on Enter or when the field is left, not per keystroke.
        let dir = PathBuf::from(path.trim());
        if r.lost_focus() && !path.trim().is_empty() && dir != state.guidance.dir {
            out.push(Intent::OpenGuidance(dir));
        }
        if ui
            .button(format!("{} (Ctrl+Shift+O)", t(Msg::OpenFolder)))
            .clicked()
        {
            out.push(Intent::PickGuidanceFolder);
        }
    });
    if !state.settings.recent.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(t(Msg::Recent));
            for dir in &state.settings.recent {
                if ui.small_button(dir.display().to_string()).clicked() {
                    out.push(Intent::OpenGuidance(dir.clone()));
                }
            }
        });
    }
}

/// The guidance in use, and every error of the last load with the line it points at.
fn validation(ui: &mut Ui, state: &AppState) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    match &state.guidance.current {
        Some(g) => {
            ui.label(format!(
                "{}: {} {} · {} · {}",
                t(Msg::InUse),
                g.meta.name.get(lang),
                g.meta.version,
                g.provenance.short_hash(),
                plural(
                    lang,
                    g.reasons.len() as u64,
                    Msg::ReasonOne,
                    Msg::ReasonMany
                )
            ));
        }
        None => {
            ui.label(RichText::new(t(Msg::NoGuidance)).color(ALARM));
        }
    }
    let shown = &state.author.diagnostics;
    if shown.is_empty() {
        ui.label(
            RichText::new(format!("{DONE} {}", t(Msg::NoErrors)))
                .strong()
                .color(GOOD),
        );
        return;
    }
    if state.guidance.current.is_some() {
        ui.label(
            RichText::new(format!("! {}", t(Msg::LastGoodInUse)))
                .strong()
                .color(ALARM),
        );
    }
    diagnostics(ui, shown, state.lang());
}

fn diagnostics(ui: &mut Ui, shown: &[ShownDiagnostic], lang: crate::text::Language) {
    let mut file = None;
    for d in shown {
        if file != Some(&d.diagnostic.file) {
            file = Some(&d.diagnostic.file);
            ui.label(RichText::new(d.diagnostic.file.display().to_string()).strong());
        }
        ui.label(
            RichText::new(format!(
                "  {}:{}: {}",
                d.diagnostic.pos.line,
                d.diagnostic.pos.col,
                d.diagnostic.message.render(lang)
            ))
            .monospace()
            .color(ALARM),
        );
        if let Some(line) = &d.line {
            ui.label(RichText::new(format!("    | {line}")).monospace());
            ui.label(
                RichText::new(format!(
                    "    | {}^",
                    " ".repeat(d.diagnostic.pos.col.saturating_sub(1))
                ))
                .monospace(),
            );
        }
    }
}
