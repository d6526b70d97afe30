//! The workbench's analysis (findings and a summary per reason) and the comparison of the
//! guidance with a baseline folder.

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::i18n::Msg;
use crate::ui::field::Field;
use crate::ui::intent::Intent;
use crate::ui::state::AppState;
use crate::ui::style::{ALARM, CAUTION, GOOD};

pub fn show(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    ui.horizontal(|ui| {
        ui.heading(t(Msg::Analysis));
        if ui
            .button(format!("{} (Ctrl+L)", t(Msg::RunAnalysis)))
            .clicked()
        {
            out.push(Intent::RunAnalysis);
        }
    });
    let Some(a) = &state.author.analysis else {
        ui.label(t(Msg::AnalysisHint));
        return;
    };
    let colour = if a.errors() == 0 { GOOD } else { ALARM };
    ui.label(
        RichText::new(format!(
            "{} {}, {} {}, {} {}",
            a.errors(),
            t(Msg::Errors),
            a.warnings(),
            t(Msg::Warnings),
            a.allowed(),
            t(Msg::Allowed)
        ))
        .strong()
        .color(colour),
    );
    for f in &a.findings {
        let colour = if f.fails() {
            ALARM
        } else if f.allowed_by.is_some() {
            ui.visuals().weak_text_color()
        } else {
            CAUTION
        };
        let allowed = f
            .allowed_by
            .as_ref()
            .map(|a| format!(" [{}: {a}]", t(Msg::Allowed)))
            .unwrap_or_default();
        ui.label(
            RichText::new(format!(
                "{} {}: {} — {}{allowed}",
                f.kind.name(),
                f.id,
                f.location(),
                f.message.render(state.lang())
            ))
            .color(colour),
        );
        for c in f.cases.iter().take(2) {
            ui.label(RichText::new(format!("    {}", c.text)).monospace().small());
        }
    }
    egui::Grid::new("reason_summaries")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            ui.strong(t(Msg::RecordReasons));
            ui.strong(t(Msg::Cases));
            ui.strong(t(Msg::Timeframe));
            ui.strong(t(Msg::RemoteShare));
            ui.end_row();
            for s in &a.summaries {
                ui.label(&s.reason);
                ui.label(format!("{}{}", s.cases, if s.sampled { "*" } else { "" }));
                ui.label(
                    s.timeframes
                        .iter()
                        .map(|c| format!("{} {}", c.id, c.cases))
                        .collect::<Vec<_>>()
                        .join(", "),
                );
                ui.label(format!("{:.0} %", s.remote_percent));
                ui.end_row();
            }
        });
}

pub fn compare(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    ui.heading(t(Msg::CompareVersions));
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(format!("{} (Alt+B)", t(Msg::Baseline)));
        let mut path = state.author.baseline_input.clone();
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut path)
                    .desired_width(420.0)
                    .id(Field::Baseline.id()),
            )
            .labelled_by(label.id);
        if r.changed() {
            out.push(Intent::SetBaselinePath(path.clone()));
        }
        // Compared on Enter or when the field is left, not per keystroke.
        let dir = PathBuf::from(path.trim());
        if r.lost_focus() && !path.trim().is_empty() && state.author.baseline.as_ref() != Some(&dir)
        {
            out.push(Intent::CompareWith(dir));
        }
        if ui
            .button(format!("{} (Ctrl+B)", t(Msg::PickBaseline)))
            .clicked()
        {
            out.push(Intent::PickBaseline);
        }
    });
    match &state.author.comparison {
        None => {}
        Some(Ok(text)) => {
            ui.label(RichText::new(text).monospace());
        }
        Some(Err(diags)) => {
            for d in diags {
                ui.label(
                    RichText::new(d.render(state.lang()))
                        .monospace()
                        .color(ALARM),
                );
            }
        }
    }
}
