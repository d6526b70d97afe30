//! Trainer mode: practice cases run in the real nurse flow with the caller's answers revealed
//! only when asked, feedback and a session summary; a drawn map of a reason with the current
//! path lit; and step-by-step replay of a case or scenario.

use std::path::PathBuf;

use egui::{Color32, RichText, Ui};

use crate::call::{Call, Value};
use crate::diagnostic::Diagnostic;
use crate::engine::{Decider, Evaluation, evaluate, visit_atoms};
use crate::explain::{answer_text, explain};
use crate::guidance::{Guidance, Part, QuestionId, ReasonId};
use crate::i18n::Msg;
use crate::text::Language;
use crate::training::{Feedback, PracticeRun, TrainingCase};
use crate::ui::state::{AppState, Intent};

/// The practice call in progress: the case and what the trainee asked so far.
pub struct Practice {
    pub case: TrainingCase,
    pub run: PracticeRun,
}

/// What the trainer panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrainerTab {
    #[default]
    Cases,
    Map,
    Replay,
}

/// A case or scenario replayed one answer at a time.
pub struct Replay {
    pub title: String,
    pub reasons: Vec<ReasonId>,
    pub steps: Vec<(QuestionId, Value)>,
    pub at: chrono::DateTime<chrono::FixedOffset>,
    /// How many steps are applied.
    pub shown: usize,
}

impl Replay {
    pub fn call(&self, g: &Guidance, upto: usize) -> Call {
        let mut call = Call::new(g);
        for &r in &self.reasons {
            call.add_reason(r);
        }
        for &(q, v) in &self.steps[..upto.min(self.steps.len())] {
            call.set(q, Some(v));
        }
        call
    }
}

#[derive(Default)]
pub struct TrainerState {
    pub cases: Vec<TrainingCase>,
    pub errors: Vec<Diagnostic>,
    pub selected: usize,
    pub tab: TrainerTab,
    pub feedback: Option<Feedback>,
    pub session: Vec<Feedback>,
    pub map_reason: Option<ReasonId>,
    pub replay: Option<Replay>,
    pub saved: Option<String>,
}

impl TrainerState {
    /// The replay of a case: its reasons, then the questions as a perfect run asks them.
    pub fn replay_of_case(
        g: &Guidance,
        case: &TrainingCase,
        at: chrono::DateTime<chrono::FixedOffset>,
        lang: Language,
    ) -> Replay {
        let run = crate::training::model_run(g, case);
        Replay {
            title: case.title.get(lang).to_owned(),
            reasons: case.reasons.clone(),
            steps: run.asked,
            at,
            shown: 0,
        }
    }
}

pub fn show(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    let tr = &state.trainer;
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
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
        let Some(g) = state.guidance.current.clone() else {
            return;
        };
        match tr.tab {
            TrainerTab::Cases => cases(ui, state, &g, out),
            TrainerTab::Map => map(ui, state, &g, out),
            TrainerTab::Replay => replay(ui, state, &g, out),
        }
    });
}

fn cases(ui: &mut Ui, state: &AppState, g: &Guidance, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    let tr = &state.trainer;
    if let Some(f) = &tr.feedback {
        feedback(ui, f, lang);
        ui.separator();
    }
    for e in &tr.errors {
        ui.label(
            RichText::new(e.to_string())
                .monospace()
                .color(Color32::from_rgb(190, 0, 0)),
        );
    }
    ui.label(RichText::new(t(Msg::TrainerHint)).italics());
    egui::ScrollArea::vertical()
        .id_salt("cases")
        .max_height(300.0)
        .show(ui, |ui| {
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
                    if i == tr.selected { ">" } else { " " },
                    i + 1,
                    case.title.get(lang),
                    reasons.join(", ")
                );
                if ui.selectable_label(i == tr.selected, text).clicked() {
                    out.push(Intent::SelectCase(i));
                }
            }
        });
    ui.horizontal(|ui| {
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
    let _ = g;
}

fn feedback(ui: &mut Ui, f: &Feedback, lang: Language) {
    let t = |m: Msg| m.get(lang);
    let ok = |b: bool| if b { "=" } else { "X" };
    ui.heading(format!(
        "{}: {} — {} / 100",
        t(Msg::Feedback),
        f.title.get(lang),
        f.score.total
    ));
    if f.under_triaged_emergency {
        ui.label(
            RichText::new(format!("!!! {} !!!", t(Msg::UnderTriaged)))
                .size(22.0)
                .strong()
                .color(Color32::from_rgb(200, 0, 0)),
        );
    }
    egui::Grid::new("feedback_grid")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            ui.label("");
            ui.strong(t(Msg::YourOutcome));
            ui.strong(t(Msg::ExpectedOutcome));
            ui.label("");
            ui.end_row();
            let given = f.given.as_ref();
            let l = &f.labels;
            let name = |n: Option<&str>| n.unwrap_or("–").to_owned();
            for (label, mine, expected, correct) in [
                (
                    t(Msg::Timeframe),
                    name(given.map(|g| l.timeframe(&g.timeframe, lang))),
                    name(Some(l.timeframe(&f.expected.timeframe, lang))),
                    f.timeframe_correct,
                ),
                (
                    t(Msg::ContactMode),
                    name(
                        given
                            .and_then(|g| g.mode.as_deref())
                            .map(|m| l.mode(m, lang)),
                    ),
                    name(f.expected.mode.as_deref().map(|m| l.mode(m, lang))),
                    f.mode_correct,
                ),
                (
                    t(Msg::Professional),
                    name(
                        given
                            .and_then(|g| g.professional.as_deref())
                            .map(|p| l.professional(p, lang)),
                    ),
                    name(
                        f.expected
                            .professional
                            .as_deref()
                            .map(|p| l.professional(p, lang)),
                    ),
                    f.professional_correct,
                ),
            ] {
                ui.label(label);
                ui.label(mine);
                ui.label(expected);
                ui.label(ok(correct));
                ui.end_row();
            }
        });
    let list = |ui: &mut Ui, title: Msg, items: &[crate::training::Named]| {
        if !items.is_empty() {
            ui.label(RichText::new(t(title)).strong());
            for n in items {
                ui.label(format!("  - {}", n.label.get(lang)));
            }
        }
    };
    list(ui, Msg::RedFlagsNotScreened, &f.red_flags_not_screened);
    list(ui, Msg::QuestionsSkipped, &f.questions_skipped);
    list(ui, Msg::ReasonsMissed, &f.reasons_missed);
    ui.label(format!(
        "{}: {} {}",
        t(Msg::TimeUsed),
        f.seconds,
        t(Msg::Seconds)
    ));
    ui.label(format!(
        "{}: {} — {}",
        t(Msg::DecidedBy),
        f.decided_by.id,
        f.decided_by.label.get(lang)
    ));
    if !f.teaching_points.is_empty() {
        ui.label(RichText::new(t(Msg::TeachingPoints)).strong());
        for p in &f.teaching_points {
            ui.label(format!("  • {}", p.get(lang)));
        }
    }
}

/// The call the map and replay highlight: the replay's current step, else the call in progress.
fn highlighted_call(state: &AppState, g: &Guidance) -> Option<(Call, Evaluation)> {
    if state.trainer.tab == TrainerTab::Replay
        && let Some(r) = &state.trainer.replay
    {
        let call = r.call(g, r.shown);
        let e = evaluate(g, &call);
        return Some((call, e));
    }
    let c = state.call.as_ref()?;
    (c.guidance.provenance.hash == g.provenance.hash)
        .then(|| (c.assessment.call.clone(), c.evaluation.clone()))
}

fn map(ui: &mut Ui, state: &AppState, g: &Guidance, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    let live = highlighted_call(state, g);
    let reason = state
        .trainer
        .map_reason
        .or_else(|| live.as_ref().and_then(|(c, _)| c.reasons.first().copied()))
        .unwrap_or(ReasonId(0));
    ui.horizontal_wrapped(|ui| {
        ui.label(t(Msg::MapOf));
        for (i, r) in g.reasons.iter().enumerate() {
            let id = ReasonId(i as u32);
            if ui
                .selectable_label(id == reason, r.label.get(lang))
                .clicked()
            {
                out.push(Intent::MapReason(id));
            }
        }
    });
    ui.label(RichText::new(t(Msg::MapLegend)).small());
    draw_map(ui, g, reason, live.as_ref(), lang);
}

/// Questions on the left, rules in the middle, outcomes on the right; a line joins a question
/// to every rule that tests it, and a rule to its outcome. On the current path: `▶`.
fn draw_map(
    ui: &mut Ui,
    g: &Guidance,
    reason: ReasonId,
    live: Option<&(Call, Evaluation)>,
    lang: Language,
) {
    let r = g.reason(reason);
    let questions: Vec<QuestionId> = {
        let mut qs: Vec<QuestionId> = g.risk_factors.clone();
        qs.extend(&r.questions);
        // Only questions some rule of the reason tests.
        qs.into_iter()
            .filter(|q| {
                r.rules.iter().any(|rule| {
                    let mut used = false;
                    visit_atoms(&rule.when, &mut |a| used |= a.question == *q);
                    used
                }) || g.question(*q).part == Part::Reason(reason)
            })
            .collect()
    };
    let deciders: Vec<Decider> = (0..r.rules.len())
        .map(|i| Decider::Rule { reason, rule: i })
        .chain([Decider::Fallback(reason)])
        .collect();
    let matched: Vec<Decider> = live
        .and_then(|(_, e)| e.proposal.as_ref())
        .map(|p| p.matched.clone())
        .unwrap_or_default();
    let winner = live
        .and_then(|(_, e)| e.proposal.as_ref())
        .map(|p| p.winner);
    let row = 30.0;
    let height = (questions.len().max(deciders.len()) as f32 + 1.0) * row;
    egui::ScrollArea::both()
        .id_salt("map_scroll")
        .show(ui, |ui| {
            let (rect, _) =
                ui.allocate_exact_size(egui::vec2(1150.0, height), egui::Sense::hover());
            let painter = ui.painter_at(rect);
            let col = [rect.left() + 4.0, rect.left() + 400.0, rect.left() + 680.0];
            let widths = [360.0, 240.0, 316.0];
            let q_pos = |i: usize| egui::pos2(col[0], rect.top() + i as f32 * row);
            let d_pos = |i: usize| egui::pos2(col[1], rect.top() + i as f32 * row);
            let lit = Color32::from_rgb(220, 110, 0);
            let dim = ui.visuals().weak_text_color();
            // Edges first, so the nodes sit on top.
            for (di, d) in deciders.iter().enumerate() {
                let on_path = Some(*d) == winner;
                if let Decider::Rule { rule, .. } = d {
                    let mut tested = Vec::new();
                    visit_atoms(&r.rules[*rule].when, &mut |a| tested.push(a.question));
                    for (qi, q) in questions.iter().enumerate() {
                        if tested.contains(q) {
                            let answered = live.is_some_and(|(c, _)| c.answer(*q).is_some());
                            let stroke = if on_path && answered {
                                egui::Stroke::new(3.0, lit)
                            } else {
                                egui::Stroke::new(1.0, dim)
                            };
                            painter.line_segment(
                                [
                                    q_pos(qi) + egui::vec2(widths[0], 12.0),
                                    d_pos(di) + egui::vec2(0.0, 12.0),
                                ],
                                stroke,
                            );
                        }
                    }
                }
                let stroke = if on_path {
                    egui::Stroke::new(3.0, lit)
                } else {
                    egui::Stroke::new(1.0, dim)
                };
                painter.line_segment(
                    [
                        d_pos(di) + egui::vec2(widths[1], 12.0),
                        egui::pos2(col[2], rect.top() + di as f32 * row + 12.0),
                    ],
                    stroke,
                );
            }
            for (qi, q) in questions.iter().enumerate() {
                let question = g.question(*q);
                let answer = live.and_then(|(c, _)| c.answer(*q));
                let text = match answer {
                    Some(v) => format!(
                        "▶ {}: {}",
                        question.text.get(lang),
                        answer_text(g, *q, v, lang)
                    ),
                    None => question.text.get(lang).to_owned(),
                };
                let node = egui::Rect::from_min_size(q_pos(qi), egui::vec2(widths[0], row - 6.0));
                ui.put(
                    node,
                    egui::Button::new(RichText::new(text).small())
                        .truncate()
                        .selected(answer.is_some()),
                );
            }
            for (di, d) in deciders.iter().enumerate() {
                let o = d.outcome(g);
                let on_path = Some(*d) == winner;
                let marker = if on_path {
                    "▶ "
                } else if matched.contains(d) {
                    "+ "
                } else {
                    ""
                };
                let rule_node =
                    egui::Rect::from_min_size(d_pos(di), egui::vec2(widths[1], row - 6.0));
                ui.put(
                    rule_node,
                    egui::Button::new(RichText::new(format!("{marker}{}", d.id(g))).small())
                        .truncate()
                        .selected(on_path),
                );
                let mut outcome = g.timeframe(o.timeframe).label.get(lang).to_owned();
                if let Some(m) = o.modes.first() {
                    outcome.push_str(&format!(" · {}", g.mode(*m).label.get(lang)));
                }
                if let Some(p) = o.professional {
                    outcome.push_str(&format!(" · {}", g.professional(p).label.get(lang)));
                }
                let (colour, _) = crate::ui::view::urgency_style(g, o.timeframe);
                let node = egui::Rect::from_min_size(
                    egui::pos2(col[2], rect.top() + di as f32 * row),
                    egui::vec2(widths[2], row - 6.0),
                );
                painter.rect_filled(
                    node,
                    4.0,
                    if on_path {
                        colour
                    } else {
                        colour.gamma_multiply(0.35)
                    },
                );
                ui.put(
                    node,
                    egui::Label::new(RichText::new(outcome).small().color(Color32::WHITE))
                        .truncate(),
                );
            }
        });
}

fn replay(ui: &mut Ui, state: &AppState, g: &Guidance, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    let Some(r) = &state.trainer.replay else {
        ui.label(t(Msg::ReplayHint));
        return;
    };
    ui.heading(format!("{}: {}", t(Msg::TrainerReplay), r.title));
    ui.horizontal(|ui| {
        if ui
            .button(format!("< {} (Left)", t(Msg::StepBack)))
            .clicked()
        {
            out.push(Intent::ReplayStep(-1));
        }
        ui.label(RichText::new(format!("{} / {}", r.shown, r.steps.len())).strong());
        if ui
            .button(format!("{} > (Right)", t(Msg::StepForward)))
            .clicked()
        {
            out.push(Intent::ReplayStep(1));
        }
    });
    let call = r.call(g, r.shown);
    let now = evaluate(g, &call);
    if r.shown > 0 {
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
        let before = evaluate(g, &r.call(g, r.shown - 1));
        let describe = |e: &Evaluation| {
            e.proposal
                .as_ref()
                .map(|p| {
                    format!(
                        "{} ({})",
                        g.timeframe(p.outcome(g).timeframe).label.get(lang),
                        p.winner.id(g)
                    )
                })
                .unwrap_or_else(|| "–".into())
        };
        let (b, a) = (describe(&before), describe(&now));
        if b == a {
            ui.label(format!("{}: {a}", t(Msg::ProposalUnchanged)));
        } else {
            ui.label(
                RichText::new(format!("{}: {b} → {a}", t(Msg::ProposalChanged)))
                    .strong()
                    .color(Color32::from_rgb(220, 110, 0)),
            );
        }
    }
    if let Some(e) = explain(g, &call, &now, r.at, lang) {
        ui.label(format!("{}: {}", t(Msg::Timeframe), e.timeframe.label));
        if let Some(w) = &e.window {
            ui.label(&w.text);
        }
        ui.label(format!(
            "{}: {} — {}",
            t(Msg::DecidedBy),
            e.decided_by.id,
            e.decided_by.label
        ));
        for a in &e.because {
            ui.label(format!("  • {}: {}", a.text, a.answer));
        }
    }
    ui.separator();
    if let Some(reason) = call.reasons.first() {
        draw_map(ui, g, *reason, Some(&(call.clone(), now.clone())), lang);
    }
}

/// Where a session summary goes when no dialog is available.
pub fn default_summary_path(
    dir: Option<PathBuf>,
    at: chrono::DateTime<chrono::FixedOffset>,
) -> PathBuf {
    dir.unwrap_or_else(std::env::temp_dir)
        .join(format!("arvio-training-{}.txt", at.format("%Y%m%d-%H%M")))
}
