//! The override window: the nurse's own timeframe, contact mode and professional, with the
//! category and explanation an override needs.

use egui::{RichText, Ui};

use crate::effective::Effective;
use crate::guidance::{Guidance, TimeframeId};
use crate::i18n::Msg;
use crate::text::Language;
use crate::ui::intent::Intent;
use crate::ui::nurse::{CallView, OverrideForm};
use crate::ui::style::ALARM;

pub fn show(
    ui: &mut Ui,
    g: &Guidance,
    c: &CallView,
    form: &OverrideForm,
    lang: Language,
    now: chrono::NaiveDateTime,
    out: &mut Vec<Intent>,
) {
    let t = |m: Msg| m.get(lang);
    let mut f = form.clone();
    let proposed = c
        .evaluation
        .proposal
        .as_ref()
        .map(|p| Effective::of_proposal(g, p, now).outcome.timeframe);
    egui::Modal::new(egui::Id::unique("override")).show(ui.ctx(), |ui| {
        ui.set_width(560.0);
        ui.heading(t(Msg::OverrideTitle));
        ui.label(RichText::new(format!("{} (Alt+↑↓)", t(Msg::Timeframe))).strong());
        ui.horizontal_wrapped(|ui| {
            for (i, tf) in g.timeframes.iter().enumerate() {
                let id = TimeframeId(i as u32);
                ui.selectable_value(&mut f.disposition.timeframe, id, tf.label.get(lang));
            }
        });
        ui.label(RichText::new(format!("{} (Ctrl+↑↓)", t(Msg::ContactMode))).strong());
        ui.horizontal_wrapped(|ui| {
            for (i, m) in g.modes.iter().enumerate() {
                ui.selectable_value(
                    &mut f.disposition.mode,
                    Some(crate::guidance::ModeId(i as u32)),
                    m.label.get(lang),
                );
            }
        });
        ui.label(RichText::new(format!("{} (Shift+Alt+↑↓)", t(Msg::Professional))).strong());
        ui.horizontal_wrapped(|ui| {
            for (i, p) in g.professionals.iter().enumerate() {
                ui.selectable_value(
                    &mut f.disposition.professional,
                    Some(crate::guidance::ProfessionalId(i as u32)),
                    p.label.get(lang),
                );
            }
        });
        ui.label(RichText::new(format!("{} (Ctrl+1–9)", t(Msg::OverrideCategory))).strong());
        ui.horizontal_wrapped(|ui| {
            for (n, o) in g.override_reasons.iter().enumerate() {
                ui.selectable_value(
                    &mut f.category,
                    o.id.clone(),
                    format!("{} {}", n + 1, o.label.get(lang)),
                );
            }
        });
        let label = ui.label(RichText::new(t(Msg::OverrideText)).strong());
        let r = ui
            .add(
                egui::TextEdit::multiline(&mut f.text)
                    .id(egui::Id::unique("override_text"))
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        // The explanation is what must be typed, so it has the keyboard from the start.
        if !r.has_focus() {
            r.request_focus();
        }
        if r.changed() {
            f.error = None;
        }
        if proposed.is_some_and(|p| f.disposition.timeframe > p) {
            ui.label(
                RichText::new(t(Msg::LowersUrgencyWarning))
                    .strong()
                    .color(ALARM),
            );
        }
        if let Some(e) = &f.error {
            ui.label(RichText::new(e).color(ALARM));
        }
        ui.horizontal_wrapped(|ui| {
            if ui.button(format!("{} (Ctrl+S)", t(Msg::Save))).clicked() {
                out.push(Intent::EditOverride(f.clone()));
                out.push(Intent::SaveOverride);
            }
            if ui.button(format!("{} (Esc)", t(Msg::Cancel))).clicked() {
                out.push(Intent::CancelOverride);
            }
        });
    });
    if f != *form && !out.contains(&Intent::SaveOverride) {
        out.push(Intent::EditOverride(f));
    }
}
