//! The trainer's page: its tabs (cases, map, replay) and the list of cases with the session's
//! scores.

use egui::{RichText, Ui};

use crate::guidance::Guidance;
use crate::i18n::Msg;
use crate::ui::intent::Intent;
use crate::ui::state::AppState;
use crate::ui::style::{ALARM, FOCUSED};
use crate::ui::trainer::{TrainerTab, feedback, map, replay};

pub fn show(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    let tr = &state.trainer;
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            for (tab, msg, key) in [
                (TrainerTab::Cases, Msg::TrainerCases, "F5"),
                (TrainerTab::Map, Msg::TrainerMap, "F6"),
                (TrainerTab::Replay, Msg::TrainerReplay, "F7"),
            ] {
                if ui
                    .selectable_label(tr.tab == tab, format!("{} ({key})", t(msg)))
                    .clicked()
                {
                    out.push(Intent::TrainerTab(tab));
                }
            }
            ui.separator();
            if ui
                .selectable_label(
                    state.presentation,
                    format!("{} (F11)", t(Msg::Presentation)),
                )
                .clicked()
            {
                out.push(Intent::TogglePresentation);
            }
        });
        ui.separator();
        match tr.tab {
            // The cases point into the guidance they were read against.
            TrainerTab::Cases => {
                // One scroll for the whole tab, so that the list of cases is never cut short.
                if let Some(g) = &tr.guidance {
                    egui::ScrollArea::vertical()
                        .id_salt("cases_tab")
                        .show(ui, |ui| cases(ui, state, g, out));
                }
            }
            TrainerTab::Map => {
                if let Some(g) = &state.guidance.current {
                    map::show(ui, state, g, out);
                }
            }
            TrainerTab::Replay => replay::show(ui, state, out),
        }
    });
}

fn cases(ui: &mut Ui, state: &AppState, g: &Guidance, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    let tr = &state.trainer;
    if let Some(f) = &tr.feedback {
        feedback::show(ui, f, lang);
        ui.separator();
    }
    for e in &tr.errors {
        ui.label(RichText::new(e.render(lang)).monospace().color(ALARM));
    }
    ui.label(RichText::new(t(Msg::TrainerHint)).italics());
    ui.vertical(|ui| {
        for (i, case) in tr.cases.iter().enumerate() {
            let reasons: Vec<_> = case
                .reasons
                .iter()
                .map(|r| g.reason(*r).label.get(lang))
                .collect();
            let done = tr
                .session
                .iter()
                .find(|f| f.case == case.id)
                .map(|f| format!(" — {} / 100", f.score.total))
                .unwrap_or_default();
            let text = format!(
                "{} {}. {} ({}){done}",
                if i == tr.selected { FOCUSED } else { " " },
                i + 1,
                case.title.get(lang),
                reasons.join(", ")
            );
            let r = ui.selectable_label(i == tr.selected, text);
            if r.clicked() {
                out.push(Intent::SelectCase(i));
            }
            // The case chosen by ↑↓ stays in view.
            if i == tr.selected && !ui.clip_rect().contains_rect(r.rect) {
                r.scroll_to_me(None);
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(RichText::new(format!("{} (Enter)", t(Msg::StartPractice))).strong())
            .clicked()
        {
            out.push(Intent::StartPractice);
        }
        if ui
            .button(format!("{} (R)", t(Msg::TrainerReplay)))
            .clicked()
        {
            out.push(Intent::ReplayCase);
        }
    });
    ui.separator();
    if !tr.session.is_empty() {
        let total: u32 = tr.session.iter().map(|f| f.score.total).sum();
        let average = total / tr.session.len() as u32;
        ui.label(
            RichText::new(format!(
                "{}: {} / {}, {} {average} / 100",
                t(Msg::Session),
                tr.session.len(),
                tr.cases.len(),
                t(Msg::Average)
            ))
            .strong(),
        );
        if ui
            .button(format!("{} (Ctrl+S)", t(Msg::SaveSummary)))
            .clicked()
        {
            out.push(Intent::SaveSummary);
        }
    }
    if let Some(s) = &tr.saved {
        ui.label(s);
    }
}
