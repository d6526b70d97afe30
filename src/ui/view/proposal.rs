//! The proposal: provisional or ready, the timeframe with its window, contact mode,
//! professional and service with its contact text, advice, and why (the deciding rule and the
//! answers behind it). It shows the effective outcome at the current time
//! ([`crate::effective`]). Once the nurse has overridden it, the card, the contact and the advice
//! show the decision, and the proposal stays beside them as "proposed: …".

use chrono::{DateTime, FixedOffset};
use egui::{Color32, RichText, Ui};

use crate::disposition::Resolved;
use crate::effective::Effective;
use crate::engine::Proposal;
use crate::explain::{Explanation, explain};
use crate::guidance::Guidance;
use crate::i18n::{Msg, plural};
use crate::text::Language;
use crate::ui::labels;
use crate::ui::nurse::CallView;
use crate::ui::state::AppState;
use crate::ui::style::{CAUTION, DONE, urgency_style};

/// The proposal explained; false while there is none yet (no reason chosen).
pub fn show(ui: &mut Ui, state: &AppState, g: &Guidance, c: &CallView) -> bool {
    let lang = state.lang();
    let overridden = c
        .assessment
        .decision
        .as_ref()
        .filter(|d| d.override_reason.is_some())
        .map(|d| d.disposition);
    ui.heading(if overridden.is_some() {
        Msg::DecisionTitle.get(lang)
    } else {
        Msg::ProposalTitle.get(lang)
    });
    // Once decided, the proposal decided on: the effective one at the decision's time, as in
    // the record.
    let at = c
        .assessment
        .decision
        .as_ref()
        .map_or(state.now(), |d| d.decided_at);
    let (Some(e), Some(p)) = (
        explain(g, &c.assessment.call, &c.evaluation, at, lang),
        c.evaluation.proposal.as_ref(),
    ) else {
        ui.label(Msg::NoReasonYet.get(lang));
        return false;
    };
    status(ui, g, c, &e, lang);
    if let Some(closed) = &e.when_closed {
        ui.label(RichText::new(&closed.text).strong().color(CAUTION));
    }
    // The effective outcome: the out-of-hours one when it applies.
    let proposed = Effective::of_proposal(g, p, at.naive_local()).resolved();
    let shown = Shown {
        g,
        lang,
        route: overridden.unwrap_or(proposed),
        proposed: overridden.map(|_| proposed),
    };
    shown.card(ui, at, &e);
    shown.contact(ui, &e);
    shown.advice(ui, &e);
    crate::ui::view::routes::show(ui, g, p, &e, lang);
    ui.add_space(4.0);
    why(ui, g, p, &e, lang);
    true
}

/// Provisional (with what is still open) or ready to decide.
fn status(ui: &mut Ui, g: &Guidance, c: &CallView, e: &Explanation, lang: Language) {
    let t = |m: Msg| m.get(lang);
    let ready = crate::assessment::ready(g, &c.evaluation).is_ok() && c.evaluation.complete();
    if ready {
        ui.label(RichText::new(format!("{DONE} {}", t(Msg::Ready))).strong());
        return;
    }
    let mut parts = vec![t(Msg::Provisional).to_owned()];
    if e.red_flags_unanswered > 0 {
        parts.push(plural(
            lang,
            e.red_flags_unanswered as u64,
            Msg::RedFlagOne,
            Msg::RedFlagMany,
        ));
    }
    if e.questions_left > 0 {
        parts.push(plural(
            lang,
            e.questions_left as u64,
            Msg::QuestionOne,
            Msg::QuestionMany,
        ));
    }
    ui.label(RichText::new(parts.join(" · ")).strong().color(CAUTION));
}

/// The route on screen: the decision once overridden (with the proposal it replaced), else the
/// proposal.
struct Shown<'a> {
    g: &'a Guidance,
    lang: Language,
    route: Resolved,
    /// The proposal, when the decision overrode it.
    proposed: Option<Resolved>,
}

impl Shown<'_> {
    /// The timeframe in its urgency's colour, with its date window.
    fn card(&self, ui: &mut Ui, at: DateTime<FixedOffset>, e: &Explanation) {
        let (colour, icon) = urgency_style(self.g, self.route.timeframe);
        let label = self.g.timeframe(self.route.timeframe).label.get(self.lang);
        let (window, judgement) = match self.proposed {
            None => (e.window.as_ref().map(|w| w.text.clone()), e.nurse_judgement),
            Some(_) => (
                labels::decided_window(self.g, self.route, at.naive_local(), self.lang),
                false,
            ),
        };
        let judgement = if judgement {
            format!(" ({})", Msg::NurseJudgement.get(self.lang))
        } else {
            String::new()
        };
        egui::Frame::new()
            .fill(colour)
            .inner_margin(8.0)
            .corner_radius(6.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(format!("{icon} {label}{judgement}"))
                        .size(24.0)
                        .strong()
                        .color(Color32::WHITE),
                );
                if let Some(w) = window {
                    ui.label(RichText::new(w).size(18.0).color(Color32::WHITE));
                }
            });
        if let Some(p) = self.proposed {
            ui.label(
                RichText::new(format!(
                    "{}: {}",
                    Msg::Proposed.get(self.lang),
                    labels::disposition(self.g, p, self.lang)
                ))
                .color(CAUTION),
            );
        }
    }

    /// Contact mode and professional, and the alternatives the proposal allows.
    fn contact(&self, ui: &mut Ui, e: &Explanation) {
        let t = |m: Msg| m.get(self.lang);
        egui::Grid::new("proposal_grid")
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                if let Some(m) = self.route.mode {
                    let m = self.g.mode(m);
                    key(ui, t(Msg::ContactMode));
                    let kind = if m.remote {
                        t(Msg::Remote)
                    } else {
                        t(Msg::InPerson)
                    };
                    value(
                        ui,
                        RichText::new(format!("{} ({kind})", m.label.get(self.lang))).strong(),
                    );
                    ui.end_row();
                }
                if let Some(p) = self.route.professional {
                    key(ui, t(Msg::Professional));
                    value(
                        ui,
                        RichText::new(self.g.professional(p).label.get(self.lang)).strong(),
                    );
                    ui.end_row();
                }
                // The proposal's service (an override names none).
                if let Some(s) = e.service.as_ref().filter(|_| self.proposed.is_none()) {
                    key(ui, t(Msg::Service));
                    let status = s.status.as_ref().map(|x| format!(" ({x})"));
                    let label = format!("{}{}", s.label, status.unwrap_or_default());
                    value(ui, RichText::new(label).strong());
                    ui.end_row();
                    key(ui, t(Msg::ServiceContact));
                    value(ui, RichText::new(&s.contact));
                    ui.end_row();
                }
            });
        if self.proposed.is_none() && !e.alternative_modes.is_empty() {
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
    }

    /// The advice to give; after an override, marked as the proposal's, with the time to give
    /// the caller instead.
    fn advice(&self, ui: &mut Ui, e: &Explanation) {
        let t = |m: Msg| m.get(self.lang);
        ui.add_space(4.0);
        ui.label(RichText::new(t(Msg::Advice)).strong());
        if let Some(p) = self.proposed {
            let proposed = self
                .g
                .timeframe(p.timeframe)
                .label
                .get(self.lang)
                .to_owned();
            ui.label(
                RichText::new(Msg::AdviceOfProposal.fill(self.lang, &[proposed]))
                    .strong()
                    .color(CAUTION),
            );
        }
        ui.label(&e.advice);
        if let Some(w) = &e.worsening {
            ui.label(RichText::new(t(Msg::Worsening)).strong());
            ui.label(w);
        }
    }
}

/// A label of the contact grid: on one line (the column's wrapping would break a word such as
/// "Ammattilainen" in the middle); the values beside it wrap instead.
fn key(ui: &mut Ui, text: &str) {
    ui.add(egui::Label::new(text).extend());
}

/// A value in the contact grid: wrapped to the column, as a grid's labels otherwise run on in
/// one line and widen the whole panel (a service's contact text is a sentence or two).
fn value(ui: &mut Ui, text: RichText) {
    ui.add(egui::Label::new(text).wrap());
}

/// Why: the deciding rule and the answers behind it, what else matched (each reason's own
/// route is in [`crate::ui::view::routes`]), and the guidance version; by the rules' descriptions, never their ids.
fn why(ui: &mut Ui, g: &Guidance, p: &Proposal, e: &Explanation, lang: Language) {
    let t = |m: Msg| m.get(lang);
    egui::CollapsingHeader::new(RichText::new(t(Msg::Why)).strong())
        .id_salt("why")
        .default_open(true)
        .show(ui, |ui| {
            ui.label(format!(
                "{}: {}",
                t(Msg::DecidedBy),
                labels::decider(g, p.winner, lang)
            ));
            for a in &e.because {
                ui.label(format!("  • {}: {}", a.text, a.answer));
            }
            let others: Vec<_> = p
                .matched
                .iter()
                .filter(|d| **d != p.winner)
                .map(|d| {
                    format!(
                        "{} ({})",
                        labels::decider(g, *d, lang),
                        g.timeframe(d.urgency(g)).label.get(lang)
                    )
                })
                .collect();
            if !others.is_empty() {
                ui.label(format!("{}: {}", t(Msg::AlsoMatched), others.join("; ")));
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
