//! A proposal explained in one language: plain, serialisable data for the CLI's JSON, the
//! explanation snapshots of the shipped guidance, the GUI's "why" panel and the record text.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::call::{Call, Value};
use crate::effective::Effective;
use crate::engine::Evaluation;
use crate::guidance::{
    Guidance, ModeId, ProfessionalId, QuestionId, QuestionKind, ReasonId, ServiceId, TimeframeId,
};
use crate::i18n::{Msg, tr};
use crate::opening_hours::TimeframeRange;
use crate::quantity::Unit;
use crate::text::Language;
use crate::window_text::{service_status, service_window_text};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub guidance: GuidanceRef,
    pub assessed_at: String,
    pub reasons: Vec<Named>,
    pub timeframe: Named,
    pub timeframe_code: Option<String>,
    pub window: Option<Window>,
    pub mode: Option<Mode>,
    pub alternative_modes: Vec<Mode>,
    pub professional: Option<Named>,
    /// The service the caller is sent to, with its contact text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<ServiceLine>,
    /// The proposal's own outcome, when the guidance's out-of-hours outcome applies instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when_closed: Option<ClosedNote>,
    /// The proposal is the nurse's own urgency assessment ("hoitajan arvio").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub nurse_judgement: bool,
    pub advice: String,
    pub worsening: Option<String>,
    pub outside_care_guarantee: bool,
    pub red_flag_hit: bool,
    pub decided_by: Named,
    /// The answers behind the deciding rule.
    pub because: Vec<AnswerLine>,
    /// Every rule that matched, in standing order, with its timeframe.
    pub matched: Vec<Matched>,
    /// Each reason's own decision, for calls with several reasons.
    pub per_reason: Vec<ReasonDecision>,
    pub questions_left: usize,
    pub red_flags_unanswered: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GuidanceRef {
    pub name: String,
    pub version: String,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mode {
    pub id: String,
    pub label: String,
    pub remote: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Window {
    pub earliest: chrono::NaiveDate,
    pub latest: chrono::NaiveDate,
    /// "Contact by Thu 26.11.2026", "Contact by 14:30 today", in the explanation's language.
    pub text: String,
    /// The window to the minute, for an hour timeframe or a service with opening hours.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<chrono::NaiveDateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<chrono::NaiveDateTime>,
    /// The window starts at the service's next opening, later than the timeframe's start.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub opens_later: bool,
    /// No opening falls inside the timeframe: the window lies after it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub after_timeframe: bool,
}

/// A service in one language, and whether it is closed at the assessment time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceLine {
    pub id: String,
    pub label: String,
    pub contact: String,
    /// "closed now, opens Tue 24.11. 8:00", for an outcome without a window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// The outcome the out-of-hours outcome replaced, and the sentence saying so.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClosedNote {
    pub timeframe: Named,
    pub service: Option<Named>,
    /// "Health station is closed so that the timeframe "Same day" cannot be met: the guidance
    /// says instead".
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerLine {
    pub question: String,
    pub text: String,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matched {
    pub id: String,
    pub timeframe: String,
}

/// One reason's own route: what its rules decide for it alone, with its window, service and
/// advice (the screen and the record show every reason's, the decision covers the call).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReasonDecision {
    pub reason: Named,
    pub decided_by: String,
    pub timeframe: Named,
    pub mode: Option<Mode>,
    pub professional: Option<Named>,
    /// The deciding rule's description (never its id), for the nurse.
    #[serde(skip)]
    pub decided_by_label: String,
    #[serde(skip)]
    pub window: Option<Window>,
    #[serde(skip)]
    pub service: Option<ServiceLine>,
    #[serde(skip)]
    pub advice: String,
    #[serde(skip)]
    pub worsening: Option<String>,
}

/// An answer in words: "Yes", "38.5 °C", the option's label.
pub fn answer_text(g: &Guidance, q: QuestionId, value: Value, lang: Language) -> String {
    let question = g.question(q);
    let label = |i: usize| {
        question
            .kind
            .options()
            .get(i)
            .map(|o| o.label.get(lang).to_owned())
            .unwrap_or_default()
    };
    match value {
        Value::Yes => tr(lang, Msg::Yes).to_owned(),
        Value::No => tr(lang, Msg::No).to_owned(),
        Value::CannotSay => tr(lang, Msg::CannotSay).to_owned(),
        Value::Choice(i) => label(i as usize),
        // None of the options: said as such, never an empty answer.
        Value::Choices(0) => tr(lang, Msg::NoneOfThese).to_owned(),
        Value::Choices(mask) => {
            let n = question.kind.options().len();
            (0..n)
                .filter(|i| mask & (1 << i) != 0)
                .map(label)
                .collect::<Vec<_>>()
                .join(", ")
        }
        Value::Number(x) => match &question.kind {
            QuestionKind::Number(spec) => {
                let unit = spec.unit.get(lang);
                let number = format!("{x:.*}", spec.decimals as usize);
                let number = if lang == Language::En {
                    number
                } else {
                    number.replace('.', ",")
                };
                if unit.is_empty() {
                    number
                } else {
                    format!("{number} {unit}")
                }
            }
            _ => x.to_string(),
        },
        Value::Quantity(q) => {
            let unit = match q.unit() {
                Unit::Years => Msg::UnitYears,
                Unit::Months => Msg::UnitMonths,
                Unit::Weeks => Msg::UnitWeeks,
                Unit::Days => Msg::UnitDays,
                Unit::Hours => Msg::UnitHours,
            };
            let number = q.amount().to_string();
            let number = if lang == Language::En {
                number
            } else {
                number.replace('.', ",")
            };
            format!("{number} {}", tr(lang, unit))
        }
        // The words stay in the call; the explanation never carries them.
        Value::Text => tr(lang, Msg::FreeTextAnswer).to_owned(),
    }
}

/// The window in words (days); see [`crate::window_text`].
pub use crate::window_text::window_text;

/// The effective outcome's window: dates always, and to the minute for an hour timeframe or a
/// service with opening hours.
fn window_of(
    g: &Guidance,
    e: &Effective,
    at: chrono::NaiveDateTime,
    lang: Language,
) -> Option<Window> {
    let w = e.window?;
    let range = g.timeframe(e.outcome.timeframe).range()?;
    let timed = matches!(range, TimeframeRange::Hours { .. })
        || e.service(g).is_some_and(|s| !s.hours.is_always());
    Some(Window {
        earliest: w.earliest.date(),
        latest: w.last_day(),
        text: service_window_text(&w, range, timed, at, lang),
        from: timed.then_some(w.earliest),
        to: timed.then_some(w.latest),
        opens_later: w.opens_later,
        after_timeframe: w.after_timeframe,
    })
}

/// Explains the proposal of an evaluated call; `None` when there is nothing to propose yet.
pub fn explain(
    g: &Guidance,
    call: &Call,
    evaluation: &Evaluation,
    at: DateTime<FixedOffset>,
    lang: Language,
) -> Option<Explanation> {
    let p = evaluation.proposal.as_ref()?;
    let local = at.naive_local();
    let effective = Effective::of_proposal(g, p, local);
    let o = effective.outcome;
    let tf = g.timeframe(o.timeframe);
    let n = Namer { g, lang };
    let win = window_of(g, &effective, local, lang);
    let because = because(g, call, &p.because, lang);
    Some(Explanation {
        guidance: GuidanceRef {
            name: g.meta.name.get(lang).to_owned(),
            version: g.meta.version.clone(),
            hash: g.provenance.hash.clone(),
        },
        assessed_at: at.to_rfc3339(),
        reasons: call.reasons.iter().map(|&r| n.reason(r)).collect(),
        timeframe: n.timeframe(o.timeframe),
        timeframe_code: tf.code.clone(),
        window: win,
        mode: o.modes.first().map(|&m| n.mode(m)),
        alternative_modes: o.modes.iter().skip(1).map(|&m| n.mode(m)).collect(),
        professional: n.professional(o.professional),
        service: o.service.map(|s| ServiceLine {
            status: service_status(&effective, local, lang),
            ..n.service(s)
        }),
        when_closed: effective.replaced.map(|r| n.closed(r)),
        nurse_judgement: o.nurse_judgement,
        advice: o.advice.get(lang).to_owned(),
        worsening: o.worsening.as_ref().map(|w| w.get(lang).to_owned()),
        outside_care_guarantee: o.outside_care_guarantee,
        red_flag_hit: p.red_flag_hit,
        decided_by: Named {
            id: p.winner.id(g),
            label: p.winner.description(g).get(lang).to_owned(),
        },
        because,
        matched: p
            .matched
            .iter()
            .map(|d| Matched {
                id: d.id(g),
                timeframe: g.timeframe(d.urgency(g)).id.clone(),
            })
            .collect(),
        per_reason: p
            .per_reason
            .iter()
            .map(|&(r, d)| {
                let e = Effective::of_decider(g, d, local);
                let o = e.outcome;
                ReasonDecision {
                    reason: n.reason(r),
                    decided_by: d.id(g),
                    timeframe: n.timeframe(o.timeframe),
                    mode: o.modes.first().map(|&m| n.mode(m)),
                    professional: n.professional(o.professional),
                    decided_by_label: d.description(g).get(lang).to_owned(),
                    window: window_of(g, &e, local, lang),
                    service: o.service.map(|s| ServiceLine {
                        status: service_status(&e, local, lang),
                        ..n.service(s)
                    }),
                    advice: o.advice.get(lang).to_owned(),
                    worsening: o.worsening.as_ref().map(|w| w.get(lang).to_owned()),
                }
            })
            .collect(),
        questions_left: evaluation
            .questions
            .iter()
            .filter(|q| call.answer(**q).is_none())
            .count(),
        red_flags_unanswered: evaluation.red_flags_unanswered,
    })
}

/// The answers that made the winning condition true, in question order.
fn because(g: &Guidance, call: &Call, qs: &[QuestionId], lang: Language) -> Vec<AnswerLine> {
    qs.iter()
        .filter_map(|&q| {
            let value = call.answer(q)?;
            let question = g.question(q);
            Some(AnswerLine {
                question: question.id.clone(),
                text: question.text.get(lang).to_owned(),
                answer: answer_text(g, q, value, lang),
            })
        })
        .collect()
}

/// The guidance's ids with their labels in one language.
struct Namer<'g> {
    g: &'g Guidance,
    lang: Language,
}

impl Namer<'_> {
    fn timeframe(&self, id: TimeframeId) -> Named {
        let t = self.g.timeframe(id);
        Named {
            id: t.id.clone(),
            label: t.label.get(self.lang).to_owned(),
        }
    }

    fn mode(&self, m: ModeId) -> Mode {
        let m = self.g.mode(m);
        Mode {
            id: m.id.clone(),
            label: m.label.get(self.lang).to_owned(),
            remote: m.remote,
        }
    }

    fn professional(&self, p: Option<ProfessionalId>) -> Option<Named> {
        p.map(|p| {
            let p = self.g.professional(p);
            Named {
                id: p.id.clone(),
                label: p.label.get(self.lang).to_owned(),
            }
        })
    }

    fn service(&self, s: ServiceId) -> ServiceLine {
        let s = self.g.service(s);
        ServiceLine {
            id: s.id.clone(),
            label: s.label.get(self.lang).to_owned(),
            contact: s.contact.get(self.lang).to_owned(),
            status: None,
        }
    }

    /// The outcome that `when_closed` replaced.
    fn closed(&self, replaced: &crate::guidance::Outcome) -> ClosedNote {
        let timeframe = self.timeframe(replaced.timeframe);
        let service = replaced.service.map(|s| {
            let s = self.g.service(s);
            Named {
                id: s.id.clone(),
                label: s.label.get(self.lang).to_owned(),
            }
        });
        let place = service.as_ref().map_or("", |s| s.label.as_str());
        ClosedNote {
            text: crate::msg!(WhenClosedApplied, place, timeframe.label).render(self.lang),
            timeframe,
            service,
        }
    }

    fn reason(&self, r: ReasonId) -> Named {
        let r = self.g.reason(r);
        Named {
            id: r.id.clone(),
            label: r.label.get(self.lang).to_owned(),
        }
    }
}
