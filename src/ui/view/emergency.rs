//! The emergency screen: a red flag or an on-call outcome leaves the flow, and nothing else
//! competes with the instruction to give, what the nurse did (F5/F6/F7), the record, and the keys
//! to accept and finish.

use egui::{Color32, RichText, Ui};

use crate::assessment::EmergencyAction;
use crate::effective::Effective;
use crate::engine::{Decider, Proposal};
use crate::guidance::{Guidance, TimeframeKind};
use crate::i18n::Msg;
use crate::ui::intent::Intent;
use crate::ui::labels;
use crate::ui::nurse::CallView;
use crate::ui::state::AppState;
use crate::ui::style::urgency_style;

pub fn show(ui: &mut Ui, state: &AppState, g: &Guidance, c: &CallView, out: &mut Vec<Intent>) {
    let Some(p) = &c.evaluation.proposal else {
        return;
    };
    let now = state.now().naive_local();
    let (colour, _) = urgency_style(g, Effective::of_proposal(g, p, now).outcome.timeframe);
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(colour).inner_margin(24.0))
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("emergency_scroll")
                .show(ui, |ui| {
                    instruction(ui, state, g, p);
                    overridden(ui, state, g, c, p);
                    ui.add_space(12.0);
                    egui::Frame::new()
                        .fill(Color32::WHITE)
                        .inner_margin(10.0)
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            if let Some(record) = state.record() {
                                ui.label(RichText::new(record).monospace().color(Color32::BLACK));
                            }
                        });
                    ui.add_space(8.0);
                    if c.needs_emergency_action() {
                        ui.horizontal_wrapped(|ui| actions(ui, state, c, out));
                    }
                    ui.horizontal_wrapped(|ui| buttons(ui, state, g, c, p, out));
                    if let Some(m) = &c.message {
                        ui.label(RichText::new(m).size(20.0).strong().color(Color32::WHITE));
                    }
                    if let Some(n) = &state.notice {
                        ui.label(RichText::new(n.text(state.lang())).color(Color32::WHITE));
                    }
                });
        });
}

/// What to do, in large white type: the title, the timeframe, the advice to give, the deciding
/// rule and the time.
fn instruction(ui: &mut Ui, state: &AppState, g: &Guidance, p: &Proposal) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    // The outcome that applies now: the out-of-hours one when the service is closed.
    let o = Effective::of_proposal(g, p, state.now().naive_local()).outcome;
    let title = if g.timeframe(o.timeframe).kind == TimeframeKind::Emergency {
        Msg::EmergencyTitle
    } else {
        Msg::OnCallTitle
    };
    let white = |ui: &mut Ui, text: RichText, size: f32| {
        ui.label(text.size(size).color(Color32::WHITE));
    };
    white(
        ui,
        RichText::new(format!("!!! {} !!!", t(title))).strong(),
        44.0,
    );
    white(
        ui,
        RichText::new(g.timeframe(o.timeframe).label.get(lang)),
        26.0,
    );
    ui.add_space(8.0);
    white(ui, RichText::new(t(Msg::GiveInstruction)), 20.0);
    white(ui, RichText::new(o.advice.get(lang)).strong(), 32.0);
    ui.add_space(8.0);
    white(
        ui,
        RichText::new(format!(
            "{}: {}",
            t(Msg::DecidedBy),
            labels::decider(g, p.winner, lang)
        )),
        18.0,
    );
    white(
        ui,
        RichText::new(state.now().format("%d.%m.%Y %H:%M:%S").to_string()),
        18.0,
    );
}

/// An override of the emergency: the decision in large type, the proposal beside it.
fn overridden(ui: &mut Ui, state: &AppState, g: &Guidance, c: &CallView, p: &Proposal) {
    let lang = state.lang();
    let Some(d) = c
        .assessment
        .decision
        .as_ref()
        .filter(|d| d.override_reason.is_some())
    else {
        return;
    };
    ui.add_space(8.0);
    ui.label(
        RichText::new(format!(
            "{}: {}: {}",
            Msg::DecisionTitle.get(lang),
            Msg::RecordOverridden.get(lang),
            labels::disposition(g, d.disposition, lang)
        ))
        .size(26.0)
        .strong()
        .color(Color32::WHITE),
    );
    ui.label(
        RichText::new(format!(
            "{}: {}",
            Msg::Proposed.get(lang),
            labels::disposition(
                g,
                Effective::of_proposal(g, p, state.now().naive_local()).resolved(),
                lang
            )
        ))
        .size(18.0)
        .color(Color32::WHITE),
    );
}

/// What the nurse did, each with its key (F5/F6/F7), the one chosen marked; and who called (F2).
fn actions(ui: &mut Ui, state: &AppState, c: &CallView, out: &mut Vec<Intent>) {
    let lang = state.lang();
    ui.label(
        RichText::new(format!("{}:", Msg::RecordActionTaken.get(lang)))
            .size(20.0)
            .color(Color32::WHITE),
    );
    for (key, action) in ["F5", "F6", "F7"].into_iter().zip(EmergencyAction::ALL) {
        let chosen = c.assessment.emergency_action == Some(action);
        let text = RichText::new(format!("{} [{key}]", action.label().get(lang))).size(20.0);
        if ui
            .add(egui::Button::selectable(chosen, text).sense(egui::Sense::CLICK))
            .clicked()
        {
            out.push(Intent::SetEmergencyAction(action));
        }
    }
    ui.label(
        RichText::new(format!(
            "{}: {} [F2]",
            Msg::CallerLabel.get(lang),
            labels::caller(c.assessment.caller).get(lang)
        ))
        .size(20.0)
        .color(Color32::WHITE),
    );
}

/// Accept, then finish; copy the record; take back the red flag's answer (a slip of the finger).
fn buttons(
    ui: &mut Ui,
    state: &AppState,
    g: &Guidance,
    c: &CallView,
    p: &Proposal,
    out: &mut Vec<Intent>,
) {
    let t = |m: Msg| m.get(state.lang());
    let big = |ui: &mut Ui, text: String| ui.button(RichText::new(text).size(20.0)).clicked();
    if c.assessment.decision.is_none() {
        if big(ui, format!("{} (Ctrl+Enter)", t(Msg::Accept))) {
            out.push(Intent::Accept);
        }
    } else if big(ui, format!("{} (Ctrl+Enter)", t(Msg::Finish))) {
        out.push(Intent::FinishCall);
    }
    if big(ui, format!("{} (Ctrl+Shift+C)", t(Msg::CopyRecord))) {
        out.push(Intent::CopyRecord);
    }
    if let Decider::RedFlag(i) = p.winner
        && ui
            .button(RichText::new(t(Msg::UndoAnswer)).size(16.0))
            .clicked()
    {
        out.push(Intent::Answer(g.red_flags[i].question, None));
    }
}
