//! Each reason's own route in a call with several reasons: its timeframe and window, contact
//! mode and professional, service with its contact text, advice and worsening advice, and the
//! rule behind it, all by label (never an id). The decision above covers the call as a whole.

use egui::{RichText, Ui};

use crate::engine::Proposal;
use crate::explain::{Explanation, ReasonDecision};
use crate::guidance::Guidance;
use crate::i18n::Msg;
use crate::text::Language;
use crate::ui::labels;

/// The routes of every reason, when the call has more than one.
pub fn show(ui: &mut Ui, g: &Guidance, p: &Proposal, e: &Explanation, lang: Language) {
    if e.per_reason.len() < 2 {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new(Msg::RoutePerReason.get(lang)).strong());
    for (i, (r, (_, d))) in e.per_reason.iter().zip(&p.per_reason).enumerate() {
        let because = labels::reason_decider(g, *d, lang);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            egui::Grid::new(("reason_route", i))
                .num_columns(2)
                .spacing([12.0, 2.0])
                .show(ui, |ui| route(ui, r, &because, lang));
        });
    }
}

/// One reason's route as rows of the grid.
fn route(ui: &mut Ui, r: &ReasonDecision, because: &str, lang: Language) {
    let t = |m: Msg| m.get(lang);
    let row = |ui: &mut Ui, key: &str, value: RichText| {
        ui.add(egui::Label::new(key).extend());
        ui.add(egui::Label::new(value).wrap());
        ui.end_row();
    };
    let mut timeframe = r.timeframe.label.clone();
    if let Some(w) = &r.window {
        timeframe.push_str(&format!(" – {}", w.text));
    }
    row(ui, &r.reason.label, RichText::new(timeframe).strong());
    let contact: Vec<&str> = r
        .mode
        .iter()
        .map(|m| m.label.as_str())
        .chain(r.professional.iter().map(|p| p.label.as_str()))
        .collect();
    if !contact.is_empty() {
        row(ui, t(Msg::ContactMode), RichText::new(contact.join(" · ")));
    }
    if let Some(s) = &r.service {
        let status = s.status.as_ref().map(|x| format!(" ({x})"));
        row(
            ui,
            t(Msg::Service),
            RichText::new(format!(
                "{}{}: {}",
                s.label,
                status.unwrap_or_default(),
                s.contact
            )),
        );
    }
    if !r.advice.is_empty() {
        row(ui, t(Msg::Advice), RichText::new(&r.advice));
    }
    if let Some(w) = &r.worsening {
        row(ui, t(Msg::Worsening), RichText::new(w));
    }
    row(ui, t(Msg::RouteDecidedBy), RichText::new(because).small());
}
