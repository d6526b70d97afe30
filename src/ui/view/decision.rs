//! The decision and the record: accept or override, the decision made, the notes, the record
//! text as it goes to the patient record, copy and finish.

use egui::{RichText, Ui};

use crate::assessment::Decision;
use crate::effective::Effective;
use crate::explain::explain;
use crate::guidance::Guidance;
use crate::i18n::Msg;
use crate::text::Language;
use crate::ui::field::Field;
use crate::ui::intent::Intent;
use crate::ui::labels;
use crate::ui::nurse::{CallView, Focus, PanelScroll};
use crate::ui::state::AppState;
use crate::ui::style::{ALARM, CAUTION, DONE};

pub fn show(ui: &mut Ui, state: &AppState, g: &Guidance, c: &CallView, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    match &c.assessment.decision {
        None => {
            ui.horizontal_wrapped(|ui| {
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
            decided(ui, state, g, c, d, out);
            record_section(ui, state, c, out);
        }
    }
}

/// The decision made, framed in the highlight colour; the panel scrolls to it once when it is
/// made (Ctrl+Enter or an override saved).
fn decided(
    ui: &mut Ui,
    state: &AppState,
    g: &Guidance,
    c: &CallView,
    d: &Decision,
    out: &mut Vec<Intent>,
) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    let frame = egui::Frame::group(ui.style())
        .fill(ui.visuals().selection.bg_fill.gamma_multiply(0.35))
        .stroke(ui.visuals().selection.stroke);
    let response = frame
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!(
                    "{DONE} {}: {}",
                    t(Msg::Decided),
                    labels::disposition(g, d.disposition, lang)
                ))
                .strong()
                .size(18.0),
            );
            if let Some(w) = decided_window(g, c, d, lang) {
                ui.label(w);
            }
            if d.override_reason.is_some() {
                ui.label(
                    RichText::new(t(Msg::RecordOverridden))
                        .strong()
                        .color(CAUTION),
                );
                if let Some(p) = &c.evaluation.proposal {
                    ui.label(format!(
                        "{}: {}",
                        t(Msg::Proposed),
                        labels::disposition(
                            g,
                            Effective::of_proposal(g, p, d.decided_at.naive_local()).resolved(),
                            lang
                        )
                    ));
                }
            }
            if d.lowers_urgency {
                ui.label(
                    RichText::new(t(Msg::LowersUrgencyWarning))
                        .strong()
                        .color(ALARM),
                );
            }
        })
        .response;
    if c.panel_scroll == Some(PanelScroll::Decision) {
        response.scroll_to_me(Some(egui::Align::TOP));
        out.push(Intent::PanelScrolled);
    }
}

/// The decision's window, counted from when it was made: an override's plain window, or the
/// window of the proposal taken (with its service's hours), as the record says it.
fn decided_window(g: &Guidance, c: &CallView, d: &Decision, lang: Language) -> Option<String> {
    if d.override_reason.is_some() {
        return labels::decided_window(g, d.disposition, d.decided_at.naive_local(), lang);
    }
    let e = explain(g, &c.assessment.call, &c.evaluation, d.decided_at, lang)?;
    e.window.map(|w| w.text)
}

fn record_section(ui: &mut Ui, state: &AppState, c: &CallView, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    let label = ui.label(RichText::new(t(Msg::Notes)).strong());
    let mut notes = c.assessment.notes.clone();
    // The keyboard put here (a saved override goes on to the notes) is the field's, unless
    // another widget has it; taken before the field reads this frame's typing (H-57).
    if c.focus == Focus::Notes
        && c.override_form.is_none()
        && !state.overlay_open()
        && ui.memory(|m| m.focused().is_none())
    {
        ui.memory_mut(|m| m.request_focus(Field::Notes.id()));
    }
    let r = ui
        .add(
            egui::TextEdit::multiline(&mut notes)
                .id(Field::Notes.id())
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
    ui.horizontal_wrapped(|ui| {
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
        ui.label(n.text(lang));
    }
}
