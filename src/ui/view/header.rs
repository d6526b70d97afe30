//! The header of every screen, on one row: the modes, the call's clock and the main buttons;
//! below it the example guidance's warning; and the status line at the bottom: the guidance in
//! use (and the one the call is on, when they differ), the assessor and the languages.

use egui::{RichText, Ui};

use crate::i18n::Msg;
use crate::ui::intent::Intent;
use crate::ui::mode::Mode;
use crate::ui::state::AppState;
use crate::ui::style::CAUTION;

/// The width (in points) below which the header's one row would overlap; narrower, it wraps
/// (1024 px at presentation size).
const ONE_ROW_WIDTH: f32 = 720.0;

pub fn show(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    egui::Panel::top("header").show(ui, |ui| {
        // One row at any width down to 1024 px: the modes and the clock from the left, the
        // main buttons from the right; the rest is in the status line at the bottom.
        if ui.available_width() >= ONE_ROW_WIDTH {
            ui.horizontal(|ui| {
                modes(ui, state, out);
                ui.separator();
                clock(ui, state);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    buttons(ui, state, true, out);
                });
            });
        } else {
            ui.horizontal_wrapped(|ui| {
                modes(ui, state, out);
                ui.separator();
                clock(ui, state);
                buttons(ui, state, false, out);
            });
        }
    });
    crate::ui::view::approval::bar(ui, state);
    disclaimer(ui, state);
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            versions(ui, state);
            ui.separator();
            // Not on a projector, where the status line must stay one row (the warning bar
            // still says when the guidance is not approved).
            if !state.presentation {
                crate::ui::view::approval::line(ui, state);
                ui.separator();
            }
            who(ui, state);
        });
    });
}

/// The example guidance's warning, on a bar of its own in dark text on amber at the body size,
/// readable in the light and the dark theme alike.
fn disclaimer(ui: &mut Ui, state: &AppState) {
    let Some(d) = state
        .guidance
        .current
        .as_ref()
        .and_then(|g| g.meta.disclaimer.as_ref())
    else {
        return;
    };
    egui::Panel::top("disclaimer")
        .frame(
            egui::Frame::new()
                .fill(egui::Color32::from_rgb(255, 224, 130))
                .inner_margin(egui::Margin::symmetric(8, 4)),
        )
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!("! {}", d.get(state.lang())))
                    .strong()
                    .color(egui::Color32::from_rgb(50, 30, 0)),
            );
        });
}

/// A header item that moves to the next row as a whole rather than breaking inside; one longer
/// than a whole row (a long guidance name under presentation zoom) is cut short, in full on hover.
fn unbroken(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Truncate))
}

/// The four modes, their keys Alt+1–4 shown once after them (and each on hover).
fn modes(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    for (mode, msg, key) in [
        (Mode::Nurse, Msg::ModeNurse, "Alt+1"),
        (Mode::Author, Msg::ModeAuthor, "Alt+2"),
        (Mode::Trainer, Msg::ModeTrainer, "Alt+3"),
        (Mode::Statistics, Msg::ModeStatistics, "Alt+4"),
    ] {
        // A mode this workstation does not offer (managed configuration) is not shown.
        if !state.managed.offers(crate::ui::managed::mode_name(mode)) {
            continue;
        }
        if ui
            .selectable_label(state.mode == mode, msg.get(state.lang()))
            .on_hover_text(key)
            .clicked()
        {
            out.push(Intent::SetMode(mode));
        }
    }
    ui.label(
        RichText::new(Msg::ModeKeys.get(state.lang()))
            .small()
            .weak(),
    );
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
            )),
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
        // The name, and the title after a comma only when there is one.
        let who = match (a.name.trim(), a.title.trim()) {
            ("", _) => t(Msg::NotSet).to_owned(),
            (name, "") => name.to_owned(),
            (name, title) => format!("{name}, {title}"),
        };
        unbroken(ui, format!("{}: {who}", t(Msg::Assessor)));
        ui.separator();
    }
    unbroken(
        ui,
        format!(
            "{} · {}: {}",
            lang.endonym(),
            t(Msg::RecordLanguage),
            state.settings.record_language.endonym()
        ),
    )
    .on_hover_text(t(Msg::Language));
}

/// New call, settings, help, in that order on screen (added backwards when laid out from the
/// right).
fn buttons(ui: &mut Ui, state: &AppState, from_right: bool, out: &mut Vec<Intent>) {
    let t = |m: Msg| m.get(state.lang());
    let mut items = [
        (format!("{} (Ctrl+N)", t(Msg::NewCall)), Intent::NewCall),
        (
            format!("{} (Ctrl+,)", t(Msg::SettingsTitle)),
            Intent::ToggleSettings,
        ),
        (format!("{} (F1)", t(Msg::Help)), Intent::ToggleHelp),
    ];
    if from_right {
        items.reverse();
    }
    for (label, intent) in items {
        if ui.button(label).clicked() {
            out.push(intent);
        }
    }
}
