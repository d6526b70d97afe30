//! The workbench's scenarios: the table (failures first, each openable in the nurse flow) and
//! saving the call in progress as a new scenario.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::i18n::Msg;
use crate::ui::field::Field;
use crate::ui::intent::Intent;
use crate::ui::state::AppState;
use crate::ui::style::{ALARM, GOOD};

pub fn table(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    let a = &state.author;
    let summary = format!(
        "{} {}, {} {}",
        a.passed(),
        t(Msg::Passed),
        a.failed(),
        t(Msg::Failed)
    );
    let colour = if a.failed() == 0 { GOOD } else { ALARM };
    ui.horizontal(|ui| {
        ui.heading(t(Msg::Scenarios));
        ui.label(RichText::new(summary).strong().color(colour));
    });
    for e in &a.scenario_errors {
        ui.label(
            RichText::new(e.render(state.lang()))
                .monospace()
                .color(ALARM),
        );
    }
    let mut order: Vec<usize> = (0..a.results.len()).collect();
    // Failures first: they are what the author came to see.
    order.sort_by_key(|&i| (a.results[i].passed(), i));
    TableBuilder::new(ui)
        .id_salt("scenario_table")
        .striped(true)
        .column(Column::exact(60.0))
        .column(Column::initial(360.0).resizable(true))
        .column(Column::remainder())
        .column(Column::exact(70.0))
        .max_scroll_height(360.0)
        .header(22.0, |mut h| {
            h.col(|ui| {
                ui.strong(t(Msg::Status));
            });
            h.col(|ui| {
                ui.strong(t(Msg::ScenarioName));
            });
            h.col(|ui| {
                ui.strong(t(Msg::ExpectedActual));
            });
            h.col(|_| {});
        })
        .body(|body| {
            body.rows(22.0, order.len(), |mut row| {
                let i = order[row.index()];
                let r = &a.results[i];
                row.col(|ui| {
                    let (text, c) = if r.passed() {
                        ("OK", GOOD)
                    } else {
                        ("FAIL", ALARM)
                    };
                    ui.label(RichText::new(text).strong().color(c));
                });
                row.col(|ui| {
                    ui.label(&r.name);
                });
                row.col(|ui| {
                    let text = if !r.errors.is_empty() {
                        r.errors
                            .iter()
                            .map(|d| d.message.render(state.lang()))
                            .collect::<Vec<_>>()
                            .join("; ")
                    } else if r.mismatches.is_empty() {
                        r.actual.as_ref().map(|a| a.to_string()).unwrap_or_default()
                    } else {
                        r.mismatches
                            .iter()
                            .map(|m| format!("{}: {} → {}", m.field, m.expected, m.actual))
                            .collect::<Vec<_>>()
                            .join("; ")
                    };
                    ui.label(text);
                });
                row.col(|ui| {
                    if ui
                        .small_button(t(Msg::OpenInFlow))
                        .on_hover_text(r.file.display().to_string())
                        .clicked()
                    {
                        out.push(Intent::OpenScenario(i));
                    }
                });
            });
        });
}

pub fn save_as(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    ui.heading(t(Msg::SaveAsScenario));
    let Some(c) = &state.call else {
        ui.label(t(Msg::SaveAsScenarioHint));
        return;
    };
    if c.evaluation.proposal.is_none() {
        ui.label(t(Msg::SaveAsScenarioHint));
        return;
    }
    ui.horizontal(|ui| {
        let label = ui.label(format!("{} (Alt+S)", t(Msg::ScenarioName)));
        let mut name = state.author.scenario_name.clone();
        if ui
            .add(
                egui::TextEdit::singleline(&mut name)
                    .desired_width(420.0)
                    .id(Field::ScenarioName.id()),
            )
            .labelled_by(label.id)
            .changed()
        {
            out.push(Intent::SetScenarioName(name));
        }
        if ui.button(format!("{} (Ctrl+S)", t(Msg::Save))).clicked() {
            out.push(Intent::SaveAsScenario);
        }
    });
    if let Some(s) = &state.author.saved {
        ui.label(s);
    }
}
