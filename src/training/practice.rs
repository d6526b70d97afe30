//! The practice call: the caller reveals an answer only when the trainee asks, the trainee's
//! run (reasons, questions asked, decision, time), and the model run that does everything right.

use crate::call::{Call, Value};
use crate::disposition::Resolved;
use crate::engine::evaluate;
use crate::guidance::{Guidance, QuestionId, ReasonId};

use super::case::TrainingCase;

/// The caller's answer when the trainee asks `question`: the fact the case lists; a red flag it
/// does not list is "no"; any other question the caller cannot answer ("cannot say").
pub fn reveal(g: &Guidance, case: &TrainingCase, question: QuestionId) -> Value {
    case.answer(question).unwrap_or_else(|| {
        if g.red_flag_of(question).is_some() {
            Value::No
        } else {
            Value::CannotSay
        }
    })
}

/// The call after every question the guidance asks has been asked: the case's full answers.
/// Questions that an answer brings into the flow (`ask_if`) are asked too.
pub fn full_call(g: &Guidance, case: &TrainingCase) -> Call {
    let mut call = Call::new(g);
    for &r in &case.reasons {
        call.add_reason(r);
    }
    loop {
        let evaluation = evaluate(g, &call);
        let mut changed = false;
        for q in evaluation.questions {
            if call.answer(q).is_none() {
                call.set(q, Some(reveal(g, case, q)));
                changed = true;
            }
        }
        if !changed {
            return call;
        }
    }
}

/// The run of a trainee who does everything right: the case's reasons, the questions in the
/// order the nurse flow asks them (stopping at once when the expected emergency or on-call
/// outcome is reached, as the flow does), and the proposal accepted. It scores 100; it is also
/// the order of a case's step replay.
pub fn model_run(g: &Guidance, case: &TrainingCase) -> PracticeRun {
    let mut run = PracticeRun {
        reasons: case.reasons.clone(),
        ..PracticeRun::default()
    };
    loop {
        if reached_expected_emergency(g, case, &run) {
            break;
        }
        match evaluate(g, &run.call(g)).next {
            Some(q) => {
                run.ask(g, case, q);
            }
            None => break,
        }
    }
    run.decision = Some(case.expect.disposition);
    run
}

/// What the trainee did in one practice call.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PracticeRun {
    /// The reasons the trainee added, in order.
    pub reasons: Vec<ReasonId>,
    /// The questions the trainee asked, in order, with the caller's answers.
    pub asked: Vec<(QuestionId, Value)>,
    /// The trainee's decision (the accepted proposal or an override); `None` when the trainee
    /// ended without deciding.
    pub decision: Option<Resolved>,
    /// Time used, from the opening line to the decision.
    pub seconds: u64,
}

impl PracticeRun {
    /// Asks the caller a question: the answer is revealed and recorded (once; asking again
    /// returns the same answer and keeps the first place in the order).
    pub fn ask(&mut self, g: &Guidance, case: &TrainingCase, question: QuestionId) -> Value {
        if let Some((_, v)) = self.asked.iter().find(|(q, _)| *q == question) {
            return *v;
        }
        let v = reveal(g, case, question);
        self.asked.push((question, v));
        v
    }

    pub fn has_asked(&self, question: QuestionId) -> bool {
        self.asked.iter().any(|(q, _)| *q == question)
    }

    pub fn add_reason(&mut self, r: ReasonId) {
        if !self.reasons.contains(&r) {
            self.reasons.push(r);
        }
    }

    /// The call as the trainee has it: their reasons and the answers they got.
    pub fn call(&self, g: &Guidance) -> Call {
        let mut call = Call::new(g);
        for &r in &self.reasons {
            call.add_reason(r);
        }
        for &(q, v) in &self.asked {
            call.set(q, Some(v));
        }
        call
    }
}

/// The trainee's own answers already give the case's emergency or on-call outcome: the flow
/// ends there.
pub(super) fn reached_expected_emergency(
    g: &Guidance,
    case: &TrainingCase,
    run: &PracticeRun,
) -> bool {
    let expected = case.expect.disposition.timeframe;
    if !g.timeframe(expected).kind.leaves_flow() {
        return false;
    }
    evaluate(g, &run.call(g))
        .proposal
        .is_some_and(|p| p.outcome(g).timeframe == expected)
}
