//! The trainer's replay: a case stepped through one answer at a time, each step's effect on the
//! proposal explained, with the map of its reason. It draws on the replay's own guidance.

use egui::{RichText, Ui};

use crate::call::Call;
use crate::engine::{Evaluation, evaluate};
use crate::explain::{answer_text, explain};
use crate::guidance::Guidance;
use crate::i18n::Msg;
use crate::text::Language;
use crate::ui::intent::Intent;
use crate::ui::labels;
use crate::ui::state::AppState;
use crate::ui::style::LIT;
use crate::ui::trainer::{Replay, map};

pub fn show(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    let Some(r) = &state.trainer.replay else {
        ui.label(t(Msg::ReplayHint));
        return;
    };
    let g = &r.guidance;
    ui.heading(format!("{}: {}", t(Msg::TrainerReplay), r.title));
    ui.horizontal_wrapped(|ui| {
        if ui.button(format!("← {} (←)", t(Msg::StepBack))).clicked() {
            out.push(Intent::ReplayStep(-1));
        }
        ui.label(RichText::new(format!("{} / {}", r.shown, r.steps.len())).strong());
        if ui
            .button(format!("{} → (→)", t(Msg::StepForward)))
            .clicked()
        {
            out.push(Intent::ReplayStep(1));
        }
    });
    let call = r.call(r.shown);
    let now = evaluate(g, &call);
    if r.shown > 0 {
        last_step(ui, r, &now, lang);
    }
    explanation(ui, g, &call, &now, r, lang);
    ui.separator();
    if let Some(reason) = call.reasons.first() {
        map::draw(ui, g, *reason, Some(&(call.clone(), now.clone())), lang);
    }
}

/// The last step's answer, and whether it changed the proposal.
fn last_step(ui: &mut Ui, r: &Replay, now: &Evaluation, lang: Language) {
    let t = |m: Msg| m.get(lang);
    let g = &r.guidance;
    let (q, v) = r.steps[r.shown - 1];
    ui.label(
        RichText::new(format!(
            "{}: {} → {}",
            t(Msg::LastAnswer),
            g.question(q).text.get(lang),
            answer_text(g, q, v, lang)
        ))
        .strong(),
    );
    let before = evaluate(g, &r.call(r.shown - 1));
    let describe = |e: &Evaluation| {
        e.proposal
            .as_ref()
            .map(|p| {
                format!(
                    "{} ({})",
                    g.timeframe(p.outcome(g).timeframe).label.get(lang),
                    labels::decider(g, p.winner, lang)
                )
            })
            .unwrap_or_else(|| "–".into())
    };
    let (b, a) = (describe(&before), describe(now));
    if b == a {
        ui.label(format!("{}: {a}", t(Msg::ProposalUnchanged)));
    } else {
        ui.label(
            RichText::new(format!("{}: {b} → {a}", t(Msg::ProposalChanged)))
                .strong()
                .color(LIT),
        );
    }
}

/// The proposal at this step, with its date window and the answers behind it.
fn explanation(
    ui: &mut Ui,
    g: &Guidance,
    call: &Call,
    now: &Evaluation,
    r: &Replay,
    lang: Language,
) {
    let t = |m: Msg| m.get(lang);
    if let Some(e) = explain(g, call, now, r.at, lang) {
        ui.label(format!("{}: {}", t(Msg::Timeframe), e.timeframe.label));
        if let Some(w) = &e.window {
            ui.label(&w.text);
        }
        if let Some(p) = &now.proposal {
            ui.label(format!(
                "{}: {}",
                t(Msg::DecidedBy),
                labels::decider(g, p.winner, lang)
            ));
        }
        for a in &e.because {
            ui.label(format!("  • {}: {}", a.text, a.answer));
        }
    }
}
