//! The reason search: the search box (which has the keyboard when a call starts), its matches,
//! and the reasons chosen, each removable.

use egui::{RichText, Ui};

use crate::guidance::Guidance;
use crate::i18n::Msg;
use crate::ui::field::Field;
use crate::ui::intent::Intent;
use crate::ui::nurse::{CallView, Focus};
use crate::ui::state::AppState;
use crate::ui::style::FOCUSED;

pub fn show(ui: &mut Ui, state: &AppState, g: &Guidance, c: &CallView, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let label = ui.label(RichText::new(Msg::SearchReason.get(lang)).strong());
    let mut text = c.search.clone();
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id(Field::Search.id())
                .hint_text(Msg::SearchHint.get(lang))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        out.push(Intent::SetSearch(text));
    }
    // The search box holds egui's focus exactly while the call's keyboard is in it (and no
    // window is over the call), and comes into view when it gets it.
    if c.focus == Focus::Search && !response.has_focus() && state.call_has_keyboard() {
        response.request_focus();
        response.scroll_to_me(None);
    } else if c.focus != Focus::Search && response.has_focus() {
        if response.gained_focus() {
            out.push(Intent::Focus(Focus::Search));
        } else {
            response.surrender_focus();
        }
    }
    let results = state.search_results();
    if !c.search.trim().is_empty() {
        if results.is_empty() {
            ui.label(Msg::NoMatch.get(lang));
        }
        let hl = c.highlight.min(results.len().saturating_sub(1));
        for (i, r) in results.iter().enumerate().take(8) {
            let reason = g.reason(*r);
            let label = format!(
                "{} {}",
                if i == hl { FOCUSED } else { " " },
                reason.label.get(lang)
            );
            if ui.selectable_label(i == hl, label).clicked() {
                out.push(Intent::AddReason(*r));
            }
        }
    }
    ui.horizontal_wrapped(|ui| {
        for r in &c.assessment.call.reasons {
            let label = g.reason(*r).label.get(lang);
            if ui
                .button(format!("{label} ×"))
                .on_hover_text(Msg::RemoveReason.get(lang))
                .clicked()
            {
                out.push(Intent::RemoveReason(*r));
            }
        }
    });
}
