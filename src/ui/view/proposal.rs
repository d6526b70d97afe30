//! The proposal: provisional or ready, the timeframe with its window, contact mode,
//! professional and service with its contact text, advice, and why (the deciding rule and the
//! answers behind it). It shows the effective outcome at the current time
//! ([`crate::effective`]).

use egui::{Color32, RichText, Ui};

use crate::explain::{Explanation, explain};
use crate::guidance::{Guidance, TimeframeId};
use crate::i18n::Msg;
use crate::text::Language;
use crate::ui::nurse::CallView;
use crate::ui::state::AppState;
use crate::ui::style::{CAUTION, urgency_style};

/// The proposal explained; false while there is none yet (no reason chosen).
pub fn show(ui: &mut Ui, state: &AppState, g: &Guidance, c: &CallView) -> bool {
    let lang = state.lang();
    ui.heading(Msg::ProposalTitle.get(lang));
    let Some(e) = explain(g, &c.assessment.call, &c.evaluation, state.now(), lang) else {
        ui.label(Msg::NoReasonYet.get(lang));
        return false;
    };
    status(ui, g, c, &e, lang);
    if let Some(closed) = &e.when_closed {
        ui.label(RichText::new(&closed.text).strong().color(CAUTION));
    }
    // The effective outcome's timeframe: the out-of-hours one when it applies.
    if let Some(tf) = g.timeframe_by_id(&e.timeframe.id) {
        timeframe(ui, g, tf, &e, lang);
    }
    outcome(ui, &e, lang);
    ui.add_space(4.0);
    why(ui, &e, lang);
    true
}

/// Provisional (with what is still open) or ready to decide.
fn status(ui: &mut Ui, g: &Guidance, c: &CallView, e: &Explanation, lang: Language) {
    let t = |m: Msg| m.get(lang);
    let ready = crate::assessment::ready(g, &c.evaluation).is_ok() && c.evaluation.complete();
    if ready {
        ui.label(RichText::new(format!("= {}", t(Msg::Ready))).strong());
        return;
    }
    let mut parts = vec![t(Msg::Provisional).to_owned()];
    if e.red_flags_unanswered > 0 {
        parts.push(format!(
            "{} {}",
            e.red_flags_unanswered,
            t(Msg::RedFlagsUnanswered)
        ));
    }
    if e.questions_left > 0 {
        parts.push(format!("{} {}", e.questions_left, t(Msg::QuestionsLeft)));
    }
    ui.label(RichText::new(parts.join(" · ")).strong().color(CAUTION));
}

/// The timeframe in its urgency's colour, with the date window.
fn timeframe(ui: &mut Ui, g: &Guidance, tf: TimeframeId, e: &Explanation, lang: Language) {
    let (colour, icon) = urgency_style(g, tf);
    egui::Frame::new()
        .fill(colour)
        .inner_margin(8.0)
        .corner_radius(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let judgement = if e.nurse_judgement {
                format!(" ({})", Msg::NurseJudgement.get(lang))
            } else {
                String::new()
            };
            ui.label(
                RichText::new(format!("{icon} {}{judgement}", e.timeframe.label))
                    .size(24.0)
                    .strong()
                    .color(Color32::WHITE),
            );
            if let Some(w) = &e.window {
                ui.label(RichText::new(&w.text).size(18.0).color(Color32::WHITE));
            }
        });
}

/// Contact mode and professional, the alternatives, and the advice to give.
fn outcome(ui: &mut Ui, e: &Explanation, lang: Language) {
    let t = |m: Msg| m.get(lang);
    egui::Grid::new("proposal_grid")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            if let Some(m) = &e.mode {
                ui.label(t(Msg::ContactMode));
                let kind = if m.remote {
                    t(Msg::Remote)
                } else {
                    t(Msg::InPerson)
                };
                ui.label(RichText::new(format!("{} ({kind})", m.label)).strong());
                ui.end_row();
            }
            if let Some(p) = &e.professional {
                ui.label(t(Msg::Professional));
                ui.label(RichText::new(&p.label).strong());
                ui.end_row();
            }
            if let Some(s) = &e.service {
                ui.label(t(Msg::Service));
                let status = s.status.as_ref().map(|x| format!(" ({x})"));
                let label = format!("{}{}", s.label, status.unwrap_or_default());
                ui.label(RichText::new(label).strong());
                ui.end_row();
                ui.label(t(Msg::ServiceContact));
                ui.label(&s.contact);
                ui.end_row();
            }
        });
    if !e.alternative_modes.is_empty() {
        let alts: Vec<_> = e
            .alternative_modes
            .iter()
            .map(|m| m.label.as_str())
            .collect();
        ui.label(format!("{}: {}", t(Msg::Alternatives), alts.join(", ")));
    }
    if e.outside_care_guarantee {
        ui.label(format!("({})", t(Msg::OutsideCareGuarantee)));
    }
    ui.add_space(4.0);
    ui.label(RichText::new(t(Msg::Advice)).strong());
    ui.label(&e.advice);
    if let Some(w) = &e.worsening {
        ui.label(RichText::new(t(Msg::Worsening)).strong());
        ui.label(w);
    }
}

/// Why: the deciding rule and the answers behind it, what else matched, each other reason's
/// own decision, and the guidance version.
fn why(ui: &mut Ui, e: &Explanation, lang: Language) {
    let t = |m: Msg| m.get(lang);
    egui::CollapsingHeader::new(RichText::new(t(Msg::Why)).strong())
        .id_salt("why")
        .default_open(true)
        .show(ui, |ui| {
            ui.label(format!(
                "{}: {} — {}",
                t(Msg::DecidedBy),
                e.decided_by.id,
                e.decided_by.label
            ));
            for a in &e.because {
                ui.label(format!("  • {}: {}", a.text, a.answer));
            }
            let others: Vec<_> = e
                .matched
                .iter()
                .filter(|m| m.id != e.decided_by.id)
                .map(|m| format!("{} ({})", m.id, m.timeframe))
                .collect();
            if !others.is_empty() {
                ui.label(format!("{}: {}", t(Msg::AlsoMatched), others.join(", ")));
            }
            for d in e
                .per_reason
                .iter()
                .filter(|d| d.decided_by != e.decided_by.id)
            {
                ui.label(format!(
                    "  {}: {} ({})",
                    d.reason.label, d.timeframe.label, d.decided_by
                ));
            }
            ui.label(
                RichText::new(format!(
                    "{}: {} {} · {}",
                    t(Msg::Guidance),
                    e.guidance.name,
                    e.guidance.version,
                    &e.guidance.hash[..12]
                ))
                .small(),
            );
        });
}
