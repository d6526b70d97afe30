//! The header of every screen: the modes, the call's clock, the guidance in use (and the one the
//! call is on, when they differ), the assessor and languages, and the main buttons.

use egui::{RichText, Ui};

use crate::i18n::Msg;
use crate::ui::intent::Intent;
use crate::ui::mode::Mode;
use crate::ui::state::AppState;
use crate::ui::style::CAUTION;

pub fn show(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let lang = state.lang();
    egui::Panel::top("header").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.heading("Arvio");
            modes(ui, state, out);
            ui.separator();
            clock(ui, state);
            versions(ui, state);
            ui.separator();
            who(ui, state);
            buttons(ui, state, out);
        });
        if let Some(d) = state
            .guidance
            .current
            .as_ref()
            .and_then(|g| g.meta.disclaimer.as_ref())
        {
            ui.label(
                RichText::new(format!("! {}", d.get(lang)))
                    .color(CAUTION)
                    .small(),
            );
        }
    });
}

/// A header item that moves to the next row as a whole rather than breaking inside; one longer
/// than a whole row (a long guidance name under presentation zoom) is cut short, in full on hover.
fn unbroken(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Truncate))
}

fn modes(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    for (mode, msg, key) in [
        (Mode::Nurse, Msg::ModeNurse, "Alt+1"),
        (Mode::Author, Msg::ModeAuthor, "Alt+2"),
        (Mode::Trainer, Msg::ModeTrainer, "Alt+3"),
        (Mode::Statistics, Msg::ModeStatistics, "Alt+4"),
    ] {
        if ui
            .selectable_label(
                state.mode == mode,
                format!("{} ({key})", msg.get(state.lang())),
            )
            .clicked()
        {
            out.push(Intent::SetMode(mode));
        }
    }
}

/// How long the call has lasted (not on a projector).
fn clock(ui: &mut Ui, state: &AppState) {
    if let Some(c) = state.call.as_ref().filter(|_| !state.presentation) {
        let secs = (state.now() - c.assessment.started).num_seconds().max(0);
        ui.label(
            RichText::new(format!(
                "{} {:02}:{:02}",
                Msg::CallTime.get(state.lang()),
                secs / 60,
                secs % 60
            ))
            .strong(),
        );
        ui.separator();
    }
}

/// The guidance in use, and the version the call is on when that is another one.
fn versions(ui: &mut Ui, state: &AppState) {
    let lang = state.lang();
    let current = state.guidance.current.as_ref();
    if let Some(g) = current {
        unbroken(
            ui,
            RichText::new(format!(
                "{} {} · {}",
                g.meta.name.get(lang),
                g.meta.version,
                g.provenance.short_hash()
            ))
            .monospace(),
        )
        .on_hover_text(&g.provenance.hash);
    }
    if let Some(c) = &state.call
        && current.is_none_or(|g| c.guidance.provenance.hash != g.provenance.hash)
    {
        ui.label(
            RichText::new(format!(
                "{} {} · {}",
                Msg::CallOnVersion.get(lang),
                c.guidance.meta.version,
                c.guidance.provenance.short_hash()
            ))
            .strong()
            .color(CAUTION),
        );
    }
}

/// The assessor (not on a projector), and the interface and record languages.
fn who(ui: &mut Ui, state: &AppState) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    if !state.presentation {
        let a = &state.settings.assessor;
        let who = if a.name.trim().is_empty() {
            t(Msg::NotSet).to_owned()
        } else {
            format!("{}, {}", a.name, a.title)
        };
        unbroken(ui, format!("{}: {who}", t(Msg::Assessor)));
        ui.separator();
    }
    unbroken(
        ui,
        format!(
            "{} / {}",
            lang.endonym(),
            state.settings.record_language.code()
        ),
    );
    ui.separator();
}

fn buttons(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let t = |m: Msg| m.get(state.lang());
    if ui.button(format!("{} (Ctrl+N)", t(Msg::NewCall))).clicked() {
        out.push(Intent::NewCall);
    }
    if ui
        .button(format!("{} (Ctrl+,)", t(Msg::SettingsTitle)))
        .clicked()
    {
        out.push(Intent::ToggleSettings);
    }
    if ui.button(format!("{} (F1)", t(Msg::Help))).clicked() {
        out.push(Intent::ToggleHelp);
    }
}
