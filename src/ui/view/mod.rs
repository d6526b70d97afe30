//! What is drawn each frame: the header, bars and overlays, then the screen of the mode. The
//! nurse's screen is one file per panel. Views only read the state and push intents.

pub mod approval;
pub mod banners;
pub mod caller;
pub mod card;
pub mod decision;
pub mod emergency;
pub mod header;
pub mod help;
pub mod override_form;
pub mod panel;
pub mod proposal;
pub mod questions;
pub mod routes;
pub mod search;
pub mod settings;

use egui::Ui;

use crate::i18n::Msg;
use crate::ui::intent::Intent;
use crate::ui::mode::Mode;
use crate::ui::nurse::CallView;
use crate::ui::state::AppState;
use crate::ui::{author, statistics, trainer};

pub fn show(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    header::show(ui, state, out);
    if !state.config_problems.is_empty() {
        egui::Panel::top("config_problems").show(ui, |ui| banners::config_problems(ui, state));
    }
    if state.confirm_new_call {
        banners::confirm_new_call(ui, state, out);
    }
    banners::restore_offer(ui, state, out);
    if state.show_help {
        help::show(ui, state.lang(), state.help_scroll, out);
    }
    if state.show_settings {
        settings::show(ui, state, out);
    }
    match state.mode {
        Mode::Author => author::view::show(ui, state, out),
        Mode::Trainer => trainer::view::show(ui, state, out),
        Mode::Statistics => statistics::view::show(ui, state, out),
        Mode::Nurse => match &state.call {
            Some(c) => call(ui, state, c, out),
            None => no_call(ui, state, out),
        },
    }
}

/// Without a call: the guidance's errors (blocking when none loaded), or how to start one.
fn no_call(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    if state.guidance.current.is_none() && state.jobs.load.is_some() {
        // The first load (or another folder's) is under way, perhaps on a slow share.
        let text =
            Msg::LoadingGuidance.fill(state.lang(), &[state.guidance.dir.display().to_string()]);
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(text);
            });
        });
        return;
    }
    if state.guidance.current.is_none() {
        egui::CentralPanel::default().show(ui, |ui| {
            banners::guidance_errors(ui, state, Msg::NoGuidance, f32::INFINITY)
        });
        return;
    }
    if !state.guidance.errors.is_empty() {
        egui::Panel::top("last_good").show(ui, |ui| {
            banners::guidance_errors(ui, state, Msg::LastGoodInUse, 120.0)
        });
    }
    banners::start(ui, state, out);
}

/// The call in progress, on the guidance it started on, whatever the folder holds meanwhile.
fn call(ui: &mut Ui, state: &AppState, c: &CallView, out: &mut Vec<Intent>) {
    let lang = state.lang();
    if !state.guidance.errors.is_empty() {
        let headline = if state.guidance.current.is_some() {
            Msg::LastGoodInUse
        } else {
            Msg::NoGuidance
        };
        egui::Panel::top("last_good").show(ui, |ui| {
            banners::guidance_errors(ui, state, headline, 120.0)
        });
    }
    let g = c.guidance.clone();
    if let Some(p) = &c.practice {
        banners::practice(ui, state, p);
    }
    if let Some(form) = &c.override_form {
        let now = state.now().naive_local();
        override_form::show(ui, &g, c, form, lang, now, out);
    }
    let leaves = c
        .evaluation
        .proposal
        .as_ref()
        .is_some_and(|p| p.leaves_flow(&g));
    if leaves {
        emergency::show(ui, state, &g, c, out);
        return;
    }
    panel::show(ui, state, &g, c, out);
    egui::CentralPanel::default().show(ui, |ui| {
        // A scroll area of its own for each call: a new call opens at the top, with the search.
        egui::ScrollArea::vertical()
            .id_salt(("questions_scroll", c.serial))
            .show(ui, |ui| {
                search::show(ui, state, &g, c, out);
                ui.add_space(8.0);
                questions::show(ui, state, &g, c, out);
            });
    });
}
