//! The right column of a call: a readable width at any window size, scrolled by PageUp /
//! PageDown (shown at its top), holding who called and how (F2 / F3), the proposal, and the
//! decision, which it scrolls to when it is made.

use egui::{RichText, Ui};

use crate::guidance::Guidance;
use crate::i18n::Msg;
use crate::text::Language;
use crate::ui::intent::Intent;
use crate::ui::labels;
use crate::ui::nurse::{CallView, PanelScroll};
use crate::ui::state::AppState;
use crate::ui::view::{decision, proposal};

/// The column's width: a share of the window, never narrower than a proposal card reads nor
/// wider than a line of text reads comfortably.
const MIN_WIDTH: f32 = 300.0;
const MAX_WIDTH: f32 = 560.0;
const SHARE: f32 = 0.4;

pub fn show(ui: &mut Ui, state: &AppState, g: &Guidance, c: &CallView, out: &mut Vec<Intent>) {
    let width = (ui.available_width() * SHARE).clamp(MIN_WIDTH, MAX_WIDTH);
    egui::Panel::right("proposal")
        .default_size(width)
        .size_range(MIN_WIDTH..=MAX_WIDTH.max(width))
        .resizable(true)
        .show(ui, |ui| {
            // Everything in the column wraps to its width: a label that ran on in one line
            // (in a grid or a row) would widen the column over the questions.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
            let page = ui.available_height() * 0.8;
            egui::ScrollArea::vertical()
                .id_salt(("proposal_scroll", c.serial))
                .show(ui, |ui| {
                    if let Some(PanelScroll::Pages(n)) = c.panel_scroll {
                        ui.scroll_with_delta(egui::vec2(0.0, -(n as f32) * page));
                        out.push(Intent::PanelScrolled);
                    }
                    caller(ui, c, state.lang());
                    if c.decision_voided && c.assessment.decision.is_none() {
                        let voided = Msg::DecisionVoided.get(state.lang());
                        ui.label(RichText::new(voided).color(crate::ui::style::CAUTION));
                    }
                    if proposal::show(ui, state, g, c) {
                        ui.separator();
                        decision::show(ui, state, g, c, out);
                    }
                });
        });
}

/// Who called and how, as the record will say it, each with the key that changes it.
fn caller(ui: &mut Ui, c: &CallView, lang: Language) {
    let t = |m: Msg| m.get(lang);
    let who = labels::caller(c.assessment.caller);
    let how = labels::channel(c.assessment.channel);
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}:", t(Msg::CallerLabel)));
        // "Not chosen" stands out: the decision asks for it.
        let mut who_text = RichText::new(t(who)).strong();
        if c.assessment.caller == crate::assessment::Caller::NotChosen {
            who_text = who_text.color(crate::ui::style::ALARM);
        }
        ui.label(who_text);
        ui.label(RichText::new("[F2]").weak());
        ui.separator();
        ui.label(format!("{}:", t(Msg::ChannelLabel)));
        ui.label(RichText::new(t(how)).strong());
        ui.label(RichText::new("[F3]").weak());
    });
    ui.label(RichText::new(format!("{}: PgUp / PgDn", t(Msg::KeyPanel))).weak());
}
