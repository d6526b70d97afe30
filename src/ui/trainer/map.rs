//! The trainer's map of a reason: questions on the left, rules in the middle, outcomes on the
//! right, with the path of the call in progress lit.

use egui::{Color32, Pos2, Rect, RichText, Stroke, Ui, pos2, vec2};

use crate::call::Call;
use crate::engine::{Decider, Evaluation};
use crate::explain::answer_text;
use crate::guidance::{Guidance, Part, QuestionId, ReasonId, visit_atoms};
use crate::i18n::Msg;
use crate::text::Language;
use crate::ui::intent::Intent;
use crate::ui::state::AppState;
use crate::ui::style::{LIT, urgency_style};

/// The map tab on `g`, the guidance in use: a reason to choose, and its map.
pub fn show(ui: &mut Ui, state: &AppState, g: &Guidance, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    let live = live_call(state, g);
    // The chosen reason, else the call's first, else the guidance's first; never one the
    // guidance does not have (it may have reloaded with fewer, or none).
    let reason = state
        .trainer
        .map_reason
        .or_else(|| live.as_ref().and_then(|(c, _)| c.reasons.first().copied()))
        .filter(|r| (r.0 as usize) < g.reasons.len())
        .or_else(|| (!g.reasons.is_empty()).then_some(ReasonId(0)));
    ui.horizontal_wrapped(|ui| {
        ui.label(t(Msg::MapOf));
        for (i, r) in g.reasons.iter().enumerate() {
            let id = ReasonId(i as u32);
            if ui
                .selectable_label(Some(id) == reason, r.label.get(lang))
                .clicked()
            {
                out.push(Intent::MapReason(id));
            }
        }
    });
    ui.label(RichText::new(t(Msg::MapLegend)).small());
    let global = g.red_flags.iter().filter(|rf| rf.is_global()).count();
    ui.label(RichText::new(Msg::MapGlobalRedFlags.fill(lang, &[global.to_string()])).small());
    if let Some(reason) = reason {
        draw(ui, g, reason, live.as_ref(), lang);
    }
}

/// The call in progress, when it is on `g` (a call on an older version points elsewhere).
fn live_call(state: &AppState, g: &Guidance) -> Option<(Call, Evaluation)> {
    let c = state.call.as_ref()?;
    (c.guidance.provenance.hash == g.provenance.hash)
        .then(|| (c.assessment.call.clone(), c.evaluation.clone()))
}

const ROW: f32 = 30.0;
const WIDTHS: [f32; 3] = [360.0, 240.0, 316.0];

/// Where the map's columns are: questions, rules (deciders), outcomes.
struct Grid {
    rect: Rect,
    columns: [f32; 3],
}

impl Grid {
    fn new(rect: Rect) -> Grid {
        let left = rect.left();
        Grid {
            rect,
            columns: [left + 4.0, left + 400.0, left + 680.0],
        }
    }

    fn at(&self, column: usize, row: usize) -> Pos2 {
        pos2(self.columns[column], self.rect.top() + row as f32 * ROW)
    }

    fn node(&self, column: usize, row: usize) -> Rect {
        Rect::from_min_size(self.at(column, row), vec2(WIDTHS[column], ROW - 6.0))
    }
}

/// What the map shows of one reason, and the live call's path through it.
struct Map<'a> {
    g: &'a Guidance,
    reason: ReasonId,
    questions: Vec<QuestionId>,
    deciders: Vec<Decider>,
    live: Option<&'a (Call, Evaluation)>,
    lang: Language,
}

impl Map<'_> {
    fn winner(&self) -> Option<Decider> {
        self.live
            .and_then(|(_, e)| e.proposal.as_ref())
            .map(|p| p.winner)
    }

    fn matched(&self, d: &Decider) -> bool {
        self.live
            .and_then(|(_, e)| e.proposal.as_ref())
            .is_some_and(|p| p.matched.contains(d))
    }
}

/// Questions on the left, rules in the middle, outcomes on the right; a line joins a question
/// to every rule that tests it, and a rule to its outcome. On the current path: `▶`.
pub fn draw(
    ui: &mut Ui,
    g: &Guidance,
    reason: ReasonId,
    live: Option<&(Call, Evaluation)>,
    lang: Language,
) {
    let r = g.reason(reason);
    let tests = |rule: usize, q: QuestionId| {
        let mut used = false;
        visit_atoms(&r.rules[rule].when, &mut |a| used |= a.question == q);
        used
    };
    // Every question a rule of the reason tests — the patient's basics, risk factors and shared
    // (pool) questions of format 2 too — and the reason's own, in the order a call asks them.
    let mut questions: Vec<QuestionId> = (0..g.questions.len() as u32)
        .map(QuestionId)
        .filter(|q| match g.question(*q).part {
            Part::Reason(of) => of == reason,
            Part::RedFlag => false,
            _ => (0..r.rules.len()).any(|rule| tests(rule, *q)),
        })
        .collect();
    questions.sort_by_key(|q| (part_rank(g.question(*q).part), *q));
    // The red flags that come with this reason (scoped to it), then its rules and fallback; the
    // global red flags, asked on every call, are counted in the legend, not drawn.
    let deciders: Vec<Decider> = g
        .red_flags
        .iter()
        .enumerate()
        .filter(|(_, rf)| rf.reasons.contains(&reason))
        .map(|(i, _)| Decider::RedFlag(i))
        .chain((0..r.rules.len()).map(|i| Decider::Rule { reason, rule: i }))
        .chain([Decider::Fallback(reason)])
        .collect();
    let map = Map {
        g,
        reason,
        questions,
        deciders,
        live,
        lang,
    };
    let height = (map.questions.len().max(map.deciders.len()) as f32 + 1.0) * ROW;
    egui::ScrollArea::both()
        .id_salt("map_scroll")
        .show(ui, |ui| {
            let (rect, _) = ui.allocate_exact_size(vec2(1150.0, height), egui::Sense::hover());
            let grid = Grid::new(rect);
            // Edges first, so the nodes sit on top.
            edges(ui, &map, &grid);
            question_nodes(ui, &map, &grid);
            decider_nodes(ui, &map, &grid);
        });
}

/// Where a part stands in a call: basics, risk factors, shared questions, the reason's own.
fn part_rank(part: Part) -> u8 {
    match part {
        Part::Basic => 0,
        Part::RedFlag => 1,
        Part::RiskFactor => 2,
        Part::Pool => 3,
        Part::Reason(_) => 4,
    }
}

/// What a question is, for the trainer: a basic, a risk factor or a shared question (a reason's
/// own needs no word).
fn part_word(part: Part) -> Option<Msg> {
    match part {
        Part::Basic => Some(Msg::MapBasic),
        Part::RiskFactor => Some(Msg::MapRiskFactor),
        Part::Pool => Some(Msg::MapShared),
        Part::RedFlag | Part::Reason(_) => None,
    }
}

fn edges(ui: &Ui, map: &Map<'_>, grid: &Grid) {
    let painter = ui.painter_at(grid.rect);
    let dim = ui.visuals().weak_text_color();
    let stroke = |lit: bool| {
        if lit {
            Stroke::new(3.0, LIT)
        } else {
            Stroke::new(1.0, dim)
        }
    };
    let r = map.g.reason(map.reason);
    for (di, d) in map.deciders.iter().enumerate() {
        let on_path = Some(*d) == map.winner();
        if let Decider::Rule { rule, .. } = d {
            let mut tested = Vec::new();
            visit_atoms(&r.rules[*rule].when, &mut |a| tested.push(a.question));
            for (qi, q) in map.questions.iter().enumerate() {
                if tested.contains(q) {
                    let answered = map.live.is_some_and(|(c, _)| c.answer(*q).is_some());
                    painter.line_segment(
                        [
                            grid.at(0, qi) + vec2(WIDTHS[0], 12.0),
                            grid.at(1, di) + vec2(0.0, 12.0),
                        ],
                        stroke(on_path && answered),
                    );
                }
            }
        }
        painter.line_segment(
            [
                grid.at(1, di) + vec2(WIDTHS[1], 12.0),
                grid.at(2, di) + vec2(0.0, 12.0),
            ],
            stroke(on_path),
        );
    }
}

fn question_nodes(ui: &mut Ui, map: &Map<'_>, grid: &Grid) {
    let (g, lang) = (map.g, map.lang);
    for (qi, q) in map.questions.iter().enumerate() {
        let question = g.question(*q);
        let answer = map.live.and_then(|(c, _)| c.answer(*q));
        let part = part_word(question.part)
            .map(|m| format!("{}: ", m.get(lang)))
            .unwrap_or_default();
        let text = match answer {
            Some(v) => format!(
                "▶ {part}{}: {}",
                question.text.get(lang),
                answer_text(g, *q, v, lang)
            ),
            None => format!("{part}{}", question.text.get(lang)),
        };
        ui.put(
            grid.node(0, qi),
            egui::Button::new(RichText::new(text).small())
                .truncate()
                .selected(answer.is_some()),
        );
    }
}

fn decider_nodes(ui: &mut Ui, map: &Map<'_>, grid: &Grid) {
    let (g, lang) = (map.g, map.lang);
    for (di, d) in map.deciders.iter().enumerate() {
        let o = d.outcome(g);
        let on_path = Some(*d) == map.winner();
        let marker = if on_path {
            "▶ "
        } else if map.matched(d) {
            "+ "
        } else {
            ""
        };
        // The rule by its description (what nurses read); its id for the author on hover. A red
        // flag of this reason says so, and whether an answer limits it further (`ask_if`).
        let mut label = crate::ui::labels::decider(g, *d, lang);
        if let Decider::RedFlag(i) = d {
            let scope = if g.red_flags[*i].ask_if.is_some() {
                Msg::MapRedFlagOnlyWhen
            } else {
                Msg::MapRedFlagOfReason
            };
            label = format!("{}: {label}", scope.get(lang));
        }
        ui.put(
            grid.node(1, di),
            egui::Button::new(RichText::new(format!("{marker}{label}")).small())
                .truncate()
                .selected(on_path),
        )
        .on_hover_text(d.id(g));
        let mut outcome = g.timeframe(o.timeframe).label.get(lang).to_owned();
        if let Some(m) = o.modes.first() {
            outcome.push_str(&format!(" · {}", g.mode(*m).label.get(lang)));
        }
        if let Some(p) = o.professional {
            outcome.push_str(&format!(" · {}", g.professional(p).label.get(lang)));
        }
        let (colour, _) = urgency_style(g, o.timeframe);
        let node = grid.node(2, di);
        ui.painter_at(grid.rect).rect_filled(
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
            egui::Label::new(RichText::new(outcome).small().color(Color32::WHITE)).truncate(),
        );
    }
}
