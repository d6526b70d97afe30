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
    for (r, (_, d)) in e.per_reason.iter().zip(&p.per_reason) {
        let because = labels::reason_decider(g, *d, lang);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            route(ui, r, &because, lang);
        });
    }
}

/// One reason's route, a line for each part (a grid would take a frame of its own to size
/// whenever a reason is added).
fn route(ui: &mut Ui, r: &ReasonDecision, because: &str, lang: Language) {
    let t = |m: Msg| m.get(lang);
    let row = |ui: &mut Ui, key: &str, value: &str| {
        ui.add(egui::Label::new(format!("{key}: {value}")).wrap());
    };
    ui.label(RichText::new(&r.reason.label).strong());
    let mut timeframe = r.timeframe.label.clone();
    if let Some(w) = &r.window {
        timeframe.push_str(&format!(" – {}", w.text));
    }
    ui.add(egui::Label::new(RichText::new(timeframe).strong()).wrap());
    let contact: Vec<&str> = r
        .mode
        .iter()
        .map(|m| m.label.as_str())
        .chain(r.professional.iter().map(|p| p.label.as_str()))
        .collect();
    if !contact.is_empty() {
        row(ui, t(Msg::ContactMode), &contact.join(" · "));
    }
    if let Some(s) = &r.service {
        let status = s.status.as_ref().map(|x| format!(" ({x})"));
        let service = format!("{}{}: {}", s.label, status.unwrap_or_default(), s.contact);
        row(ui, t(Msg::Service), &service);
    }
    if !r.advice.is_empty() {
        row(ui, t(Msg::Advice), &r.advice);
    }
    if let Some(w) = &r.worsening {
        row(ui, t(Msg::Worsening), w);
    }
    ui.label(RichText::new(format!("{}: {because}", t(Msg::RouteDecidedBy))).small());
}
