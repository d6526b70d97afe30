//! Bars across the top of the nurse's screen: discard the call in progress?, a crashed call to
//! restore, the guidance's load errors, and the practice case being played.

use egui::{RichText, Ui};

use crate::i18n::Msg;
use crate::ui::intent::Intent;
use crate::ui::state::AppState;
use crate::ui::style::{ALARM, INFO};
use crate::ui::trainer::Practice;

/// Ctrl+N was pressed during a call: discard it (Ctrl+N again) or keep it (Esc).
pub fn confirm_new_call(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let t = |m: Msg| m.get(state.lang());
    egui::Panel::top("confirm_new").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(t(Msg::ConfirmDiscard)).strong().color(ALARM));
            if ui.button(format!("{} (Ctrl+N)", t(Msg::Discard))).clicked() {
                out.push(Intent::NewCall);
            }
            if ui.button(format!("{} (Esc)", t(Msg::KeepCall))).clicked() {
                out.push(Intent::KeepCall);
            }
        });
    });
}

/// A call a crashed instance left, offered back (Ctrl+R) or discarded (Ctrl+Delete).
pub fn restore_offer(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let t = |m: Msg| m.get(state.lang());
    let Some(save) = &state.restore_offer else {
        return;
    };
    egui::Panel::top("restore").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    t(Msg::RestoreOffer),
                    save.started.format("%d.%m.%Y %H:%M")
                ))
                .strong(),
            );
            if ui.button(format!("{} (Ctrl+R)", t(Msg::Restore))).clicked() {
                out.push(Intent::RestoreAutosave);
            }
            if ui
                .button(format!("{} (Ctrl+Delete)", t(Msg::Discard)))
                .clicked()
            {
                out.push(Intent::DiscardAutosave);
            }
        });
    });
}

/// The errors of the last load under `headline`: no guidance to triage with, or the last good
/// one still in use.
pub fn guidance_errors(ui: &mut Ui, state: &AppState, headline: Msg, max_height: f32) {
    ui.label(
        RichText::new(format!("! {}", headline.get(state.lang())))
            .strong()
            .color(ALARM),
    );
    egui::ScrollArea::vertical()
        .max_height(max_height)
        .id_salt("guidance_errors")
        .show(ui, |ui| {
            for d in &state.guidance.errors {
                ui.label(RichText::new(d.render(state.lang())).monospace());
            }
        });
}

/// The managed configuration file is broken: what the app does meanwhile, and each problem as
/// `file:line:col` for IT. Shown in every mode until the file is fixed.
pub fn config_problems(ui: &mut Ui, state: &AppState) {
    ui.label(
        RichText::new(format!("! {}", Msg::ConfigBroken.get(state.lang())))
            .strong()
            .color(ALARM),
    );
    egui::ScrollArea::vertical()
        .max_height(80.0)
        .id_salt("config_problems")
        .show(ui, |ui| {
            for d in &state.config_problems {
                ui.label(RichText::new(d.render(state.lang())).monospace());
            }
        });
}

/// The practice case: its title and what the caller says first.
pub fn practice(ui: &mut Ui, state: &AppState, p: &Practice) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    egui::Panel::top("practice").show(ui, |ui| {
        ui.label(
            RichText::new(format!("{}: {}", t(Msg::Practice), p.case.title.get(lang)))
                .strong()
                .color(INFO),
        );
        ui.label(
            RichText::new(format!(
                "{}: “{}”",
                t(Msg::CallerSays),
                p.case.opening.get(lang)
            ))
            .size(18.0)
            .italics(),
        );
        ui.label(RichText::new(t(Msg::PracticeHint)).small());
    });
}

/// No call yet: how to start one.
pub fn start(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let t = |m: Msg| m.get(state.lang());
    egui::CentralPanel::default().show(ui, |ui| {
        ui.add_space(40.0);
        ui.vertical_centered(|ui| {
            ui.heading(t(Msg::StartHint));
            ui.add_space(12.0);
            if ui
                .button(RichText::new(format!("{} (Ctrl+N)", t(Msg::NewCall))).size(22.0))
                .clicked()
            {
                out.push(Intent::NewCall);
            }
            if let Some(n) = &state.notice {
                ui.add_space(12.0);
                ui.label(n.text(state.lang()));
            }
        });
    });
}
