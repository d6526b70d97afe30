//! The "who called" card, the first of the patient's basics in the flow: the client, a parent,
//! a relative or a professional, each with its key (1–4). The record never assumes the client
//! called, so the card stays open until the nurse chooses.

use egui::{RichText, Ui};

use crate::assessment::Caller;
use crate::i18n::Msg;
use crate::ui::intent::Intent;
use crate::ui::nurse::{CallView, Focus};
use crate::ui::state::AppState;
use crate::ui::style::{DONE, FOCUSED, OPEN};
use crate::ui::view::card;

pub fn show(ui: &mut Ui, state: &AppState, c: &CallView, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let focused = c.focus == Focus::Caller;
    let chosen = c.assessment.caller;
    let inner = card::show(ui, "caller", focused, |ui| {
        let mut title = None;
        ui.horizontal_wrapped(|ui| {
            let marker = match (focused, chosen) {
                (true, _) => FOCUSED,
                (false, Caller::NotChosen) => OPEN,
                (false, _) => DONE,
            };
            ui.label(RichText::new(marker).strong());
            title = Some(
                ui.label(RichText::new(Msg::CallerQuestion.get(lang)).strong())
                    .id,
            );
            if chosen != Caller::NotChosen {
                ui.label(
                    RichText::new(format!(": {}", chosen.label().get(lang)))
                        .color(ui.visuals().hyperlink_color),
                );
            }
        });
        ui.horizontal_wrapped(|ui| {
            for (i, who) in Caller::ALL.into_iter().enumerate() {
                let label = format!(
                    "{}{}",
                    card::option_key(i),
                    capitalised(who.label().get(lang))
                );
                let button =
                    egui::Button::selectable(chosen == who, label).sense(egui::Sense::CLICK);
                if ui.add(button).clicked() {
                    out.push(Intent::Focus(Focus::Caller));
                    out.push(Intent::SetCaller(who));
                }
            }
        });
        title
    });
    let mut response = inner.response;
    if let Some(title) = inner.inner {
        response = response.labelled_by(title);
    }
    if response.clicked() {
        out.push(Intent::Focus(Focus::Caller));
    }
    card::keep_focus(ui, &response, focused, state.call_has_keyboard());
}

/// The record's lower-case words as a button's label.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
