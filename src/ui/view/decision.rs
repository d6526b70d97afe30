//! The decision and the record: accept or override, the decision made, the notes, the record
//! text as it goes to the patient record, copy and finish.

use egui::{RichText, Ui};

use crate::guidance::Guidance;
use crate::i18n::Msg;
use crate::ui::intent::Intent;
use crate::ui::nurse::{CallView, Focus};
use crate::ui::state::AppState;
use crate::ui::style::{ALARM, CAUTION};

pub fn show(ui: &mut Ui, state: &AppState, g: &Guidance, c: &CallView, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    match &c.assessment.decision {
        None => {
            ui.horizontal(|ui| {
                if ui
                    .button(RichText::new(format!("{} (Ctrl+Enter)", t(Msg::Accept))).size(18.0))
                    .clicked()
                {
                    out.push(Intent::Accept);
                }
                if ui
                    .button(RichText::new(format!("{} (Ctrl+O)", t(Msg::Override))).size(18.0))
                    .clicked()
                {
                    out.push(Intent::OpenOverride);
                }
            });
            if let Some(m) = &c.message
                && c.override_form.is_none()
            {
                ui.label(RichText::new(m).color(ALARM));
            }
        }
        Some(d) => {
            let mut line = format!(
                "= {}: {}",
                t(Msg::Decided),
                g.timeframe(d.disposition.timeframe).label.get(lang)
            );
            if let Some(m) = d.disposition.mode {
                line.push_str(&format!(", {}", g.mode(m).label.get(lang)));
            }
            if let Some(p) = d.disposition.professional {
                line.push_str(&format!(", {}", g.professional(p).label.get(lang)));
            }
            ui.label(RichText::new(line).strong());
            if d.override_reason.is_some() {
                ui.label(
                    RichText::new(t(Msg::RecordOverridden))
                        .strong()
                        .color(CAUTION),
                );
            }
            if d.lowers_urgency {
                ui.label(
                    RichText::new(t(Msg::LowersUrgencyWarning))
                        .strong()
                        .color(ALARM),
                );
            }
            record_section(ui, state, c, out);
        }
    }
}

fn record_section(ui: &mut Ui, state: &AppState, c: &CallView, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    let label = ui.label(RichText::new(t(Msg::Notes)).strong());
    let mut notes = c.assessment.notes.clone();
    let r = ui
        .add(
            egui::TextEdit::multiline(&mut notes)
                .id(egui::Id::unique("notes"))
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    // Typing is not written to disk at every keystroke: the autosave follows when the field is
    // left (or soon after, see `nurse::autosave`).
    if r.changed() {
        out.push(Intent::EditNotes(notes));
    }
    if r.gained_focus() {
        out.push(Intent::Focus(Focus::Notes));
    }
    if r.lost_focus() {
        out.push(Intent::SaveAutosave);
    }
    ui.label(RichText::new(t(Msg::RecordUi)).strong());
    if let Some(record) = state.record() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(record).monospace());
        });
    }
    ui.horizontal(|ui| {
        if ui
            .button(format!("{} (Ctrl+Shift+C)", t(Msg::CopyRecord)))
            .clicked()
        {
            out.push(Intent::CopyRecord);
        }
        if ui
            .button(RichText::new(format!("{} (Ctrl+Enter)", t(Msg::Finish))).strong())
            .clicked()
        {
            out.push(Intent::FinishCall);
        }
    });
    if let Some(n) = &state.notice {
        ui.label(n);
    }
}
