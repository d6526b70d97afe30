//! Scoring a practice call: a pure function of the guidance, the case and the trainee's run,
//! with the formula on [`score`] (and in docs/training.md), and the feedback it gives.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::disposition::{Disposition, Resolved};
use crate::engine::evaluate;
use crate::guidance::{Guidance, Part, QuestionId, ReasonId};
use crate::text::{Language, Text};

use super::case::TrainingCase;
use super::practice::{PracticeRun, full_call, reached_expected_emergency};

/// Points for the timeframe when it is exactly the expected one.
pub const POINTS_TIMEFRAME: u32 = 40;
/// Points for a timeframe more urgent than expected (over-triage: safe, but it uses capacity).
pub const POINTS_TIMEFRAME_OVER: u32 = 20;
pub const POINTS_MODE: u32 = 20;
pub const POINTS_PROFESSIONAL: u32 = 20;
pub const POINTS_SCREENING: u32 = 20;
/// Deducted from the screening points per red flag of `must_screen` not asked.
pub const POINTS_PER_MISSED_FLAG: u32 = 5;

/// An id with its label (a red flag or question: its text; a rule: its description).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub id: String,
    pub label: Text,
}

/// The labels, in the guidance a case was scored on, of the timeframes, contact modes and
/// professionals its feedback names, so that a saved summary reads the same without that
/// guidance. A lookup by id, not an outcome: the outcomes are [`Feedback::expected`] and
/// [`Feedback::given`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labels {
    #[serde(default)]
    pub timeframes: BTreeMap<String, Text>,
    #[serde(default)]
    pub modes: BTreeMap<String, Text>,
    #[serde(default)]
    pub professionals: BTreeMap<String, Text>,
}

impl Labels {
    /// The labels of what `r` names in `g`.
    fn add(&mut self, g: &Guidance, r: Resolved) {
        let t = g.timeframe(r.timeframe);
        self.timeframes.insert(t.id.clone(), t.label.clone());
        if let Some(m) = r.mode.map(|m| g.mode(m)) {
            self.modes.insert(m.id.clone(), m.label.clone());
        }
        if let Some(p) = r.professional.map(|p| g.professional(p)) {
            self.professionals.insert(p.id.clone(), p.label.clone());
        }
    }

    /// The label of a timeframe in `lang`; the id itself when there is none.
    pub fn timeframe<'a>(&'a self, id: &'a str, lang: Language) -> &'a str {
        label(&self.timeframes, id, lang)
    }

    pub fn mode<'a>(&'a self, id: &'a str, lang: Language) -> &'a str {
        label(&self.modes, id, lang)
    }

    pub fn professional<'a>(&'a self, id: &'a str, lang: Language) -> &'a str {
        label(&self.professionals, id, lang)
    }

    /// `1–3 vrk / Käynti / Lääkäri`: a disposition by its labels, leaving out what is not set.
    pub fn outcome(&self, d: &Disposition, lang: Language) -> String {
        let mut parts = vec![self.timeframe(&d.timeframe, lang)];
        parts.extend(d.mode.as_deref().map(|m| self.mode(m, lang)));
        parts.extend(
            d.professional
                .as_deref()
                .map(|p| self.professional(p, lang)),
        );
        parts.join(" / ")
    }
}

fn label<'a>(labels: &'a BTreeMap<String, Text>, id: &'a str, lang: Language) -> &'a str {
    labels.get(id).map_or(id, |t| t.get(lang))
}

/// How the trainee's timeframe compares with the expected one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Triage {
    Correct,
    /// More urgent than expected.
    Over,
    /// Less urgent than expected.
    Under,
    /// The trainee did not decide.
    NoDecision,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub timeframe: u32,
    pub mode: u32,
    pub professional: u32,
    pub screening: u32,
    /// 0–100.
    pub total: u32,
}

/// The feedback on one practice call, side by side with the expected outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    /// The case id (file name without `.ron`).
    pub case: String,
    pub title: Text,
    pub expected: Disposition,
    /// The rule (or red flag, or fallback) that decides the case in the guidance.
    pub decided_by: Named,
    /// `None` when the trainee did not decide.
    pub given: Option<Disposition>,
    /// The labels of `expected` and `given`.
    pub labels: Labels,
    pub triage: Triage,
    pub timeframe_correct: bool,
    /// The expected mode or another mode the deciding outcome lists.
    pub mode_correct: bool,
    pub professional_correct: bool,
    /// The expected timeframe is an emergency or on-call one and the trainee's is less urgent
    /// (or missing): shown prominently.
    pub under_triaged_emergency: bool,
    pub reasons_missed: Vec<Named>,
    pub reasons_extra: Vec<Named>,
    /// Red flags of the case's `must_screen` that the trainee did not ask.
    pub red_flags_not_screened: Vec<Named>,
    /// Questions (other than red flags) the guidance asks for the case that the trainee did not.
    pub questions_skipped: Vec<Named>,
    pub seconds: u64,
    pub teaching_points: Vec<Text>,
    pub score: Score,
}

fn named_question(g: &Guidance, id: QuestionId) -> Named {
    let q = g.question(id);
    Named {
        id: q.id.clone(),
        label: q.text.clone(),
    }
}

fn named_reason(g: &Guidance, id: ReasonId) -> Named {
    let r = g.reason(id);
    Named {
        id: r.id.clone(),
        label: r.label.clone(),
    }
}

/// Scores a practice call. The formula (out of 100):
///
/// - **timeframe 40**: the expected timeframe 40; a more urgent one (over-triage) 20; a less
///   urgent one (under-triage) or no decision 0;
/// - **contact mode 20**: the expected mode or another mode the deciding outcome lists;
/// - **professional 20**: the expected professional (none where the outcome names none);
/// - **red-flag screening 20**: minus 5 for each red flag of `must_screen` not asked, at least 0.
///   Once the trainee's own answers give the case's emergency or on-call outcome, the flow
///   ends there: no further question is needed, and only red flags whose outcome is more
///   urgent still (a 112 flag in an on-call case) count as missed.
///
/// Under-triage of an emergency (an expected timeframe of kind `Emergency` or `OnCall`, and a
/// less urgent decision or none) scores 0 for timeframe, mode and professional alike, so at
/// most 20, and sets [`Feedback::under_triaged_emergency`].
pub fn score(g: &Guidance, case: &TrainingCase, run: &PracticeRun) -> Feedback {
    let modes = &case.expect.modes;
    let exp = &case.expect.disposition;
    let expected_kind = g.timeframe(exp.timeframe).kind;
    let decision = run.decision;
    let triage = match decision {
        None => Triage::NoDecision,
        Some(d) if d.timeframe == exp.timeframe => Triage::Correct,
        Some(d) if d.timeframe < exp.timeframe => Triage::Over,
        Some(_) => Triage::Under,
    };
    let under_triaged_emergency =
        expected_kind.leaves_flow() && matches!(triage, Triage::Under | Triage::NoDecision);
    let mode_correct = decision.is_some_and(|d| match d.mode {
        Some(m) => exp.mode.is_some() && modes.contains(&m),
        None => exp.mode.is_none(),
    });
    let professional_correct = decision.is_some_and(|d| d.professional == exp.professional);

    // What the trainee should have asked.
    let done = reached_expected_emergency(g, case, run);
    // Once the expected emergency or on-call outcome is reached, only a red flag that could
    // still have made the call more urgent (a 112 flag in an on-call case) counts as missed.
    let could_outrank = |q: QuestionId| {
        g.red_flag_of(q)
            .is_some_and(|rf| rf.outcome.timeframe < exp.timeframe)
    };
    let red_flags_not_screened: Vec<Named> = case
        .must_screen
        .iter()
        .filter(|q| !run.has_asked(**q) && (!done || could_outrank(**q)))
        .map(|q| named_question(g, *q))
        .collect();
    let questions_skipped: Vec<Named> = if done {
        Vec::new()
    } else {
        evaluate(g, &full_call(g, case))
            .questions
            .into_iter()
            .filter(|q| g.question(*q).part != Part::RedFlag && !run.has_asked(*q))
            .map(|q| named_question(g, q))
            .collect()
    };

    let points = |ok: bool, p: u32| if ok { p } else { 0 };
    let outcome_counts = !under_triaged_emergency;
    let missed = red_flags_not_screened.len() as u32;
    let score_parts = Score {
        timeframe: match triage {
            Triage::Correct => POINTS_TIMEFRAME,
            Triage::Over => POINTS_TIMEFRAME_OVER,
            Triage::Under | Triage::NoDecision => 0,
        },
        mode: points(outcome_counts && mode_correct, POINTS_MODE),
        professional: points(outcome_counts && professional_correct, POINTS_PROFESSIONAL),
        screening: POINTS_SCREENING.saturating_sub(missed * POINTS_PER_MISSED_FLAG),
        total: 0,
    };
    let score = Score {
        total: score_parts.timeframe
            + score_parts.mode
            + score_parts.professional
            + score_parts.screening,
        ..score_parts
    };

    let mut labels = Labels::default();
    labels.add(g, *exp);
    if let Some(d) = decision {
        labels.add(g, d);
    }
    let decided_by = &case.expect.decided_by;
    Feedback {
        case: case.id.clone(),
        title: case.title.clone(),
        expected: Disposition::from_ids(g, *exp),
        decided_by: Named {
            id: decided_by.id(g),
            label: decided_by.description(g).clone(),
        },
        given: decision.map(|d| Disposition::from_ids(g, d)),
        labels,
        triage,
        timeframe_correct: triage == Triage::Correct,
        mode_correct,
        professional_correct,
        under_triaged_emergency,
        reasons_missed: case
            .reasons
            .iter()
            .filter(|r| !run.reasons.contains(r))
            .map(|r| named_reason(g, *r))
            .collect(),
        reasons_extra: run
            .reasons
            .iter()
            .filter(|r| !case.reasons.contains(r))
            .map(|r| named_reason(g, *r))
            .collect(),
        red_flags_not_screened,
        questions_skipped,
        seconds: run.seconds,
        teaching_points: case.teaching_points.clone(),
        score,
    }
}
