//! The state of one call: the reasons chosen and the answers given so far.
//!
//! [`Answer`] names questions and options by id (files, the CLI, the autosave); [`Value`] is the
//! same answer resolved against a guidance, which the engine evaluates without lookups.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Arg, Message};
use crate::guidance::{Guidance, QuestionId, QuestionKind, ReasonId};
use crate::msg;

/// An answer as written in scenario and answer files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    Yes,
    No,
    /// The caller cannot say (does not know, cannot tell).
    CannotSay,
    Choice(String),
    Choices(Vec<String>),
    Number(f64),
}

/// An answer resolved against the guidance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Yes,
    No,
    CannotSay,
    /// Index of the chosen option.
    Choice(u8),
    /// Set of chosen options, one bit per option index.
    Choices(u64),
    Number(f64),
}

/// Why an answer does not fit its question.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnswerError {
    #[error("unknown question `{0}`")]
    UnknownQuestion(String),
    #[error("unknown reason for contact `{0}`")]
    UnknownReason(String),
    #[error("question `{question}` expects {expected}")]
    WrongKind {
        question: String,
        expected: &'static str,
    },
    #[error("question `{question}` has no option `{option}` (options: {known})")]
    UnknownOption {
        question: String,
        option: String,
        known: String,
    },
    #[error("{value} is outside the range {min}–{max} of question `{question}`")]
    OutOfRange {
        question: String,
        value: f64,
        min: f64,
        max: f64,
    },
}

impl AnswerError {
    /// The error as a sentence in any language; its English is the `Display` text.
    pub fn message(&self) -> Message {
        match self {
            AnswerError::UnknownQuestion(q) => msg!(UnknownQuestion, q),
            AnswerError::UnknownReason(r) => msg!(UnknownReasonForContact, r),
            AnswerError::WrongKind { question, expected } => {
                let expected = match *expected {
                    EXPECTS_YES_NO => Arg::Message(msg!(ExpectsYesNo)),
                    EXPECTS_CHOICE => Arg::Message(msg!(ExpectsChoice)),
                    EXPECTS_CHOICES => Arg::Message(msg!(ExpectsChoices)),
                    EXPECTS_NUMBER => Arg::Message(msg!(ExpectsNumber)),
                    other => Arg::Text(other.to_owned()),
                };
                msg!(AnswerExpects, question, expected)
            }
            AnswerError::UnknownOption {
                question,
                option,
                known,
            } => msg!(UnknownOption, question, option, known),
            AnswerError::OutOfRange {
                question,
                value,
                min,
                max,
            } => msg!(OutsideRange, value, min, max, question),
        }
    }
}

/// What [`AnswerError::WrongKind`] says a question expects, by its kind.
const EXPECTS_YES_NO: &str = "Yes, No or CannotSay";
const EXPECTS_CHOICE: &str = "Choice(\"option\") or CannotSay";
const EXPECTS_CHOICES: &str = "Choices([\"option\", …]) or CannotSay";
const EXPECTS_NUMBER: &str = "Number(x) or CannotSay";

impl Value {
    /// Resolves an answer for `question`, checking it fits the question's kind.
    pub fn resolve(
        g: &Guidance,
        question: QuestionId,
        answer: &Answer,
    ) -> Result<Value, AnswerError> {
        let q = g.question(question);
        let wrong = |expected| AnswerError::WrongKind {
            question: q.id.clone(),
            expected,
        };
        let option = |id: &str| -> Result<u8, AnswerError> {
            let opts = q.kind.options();
            opts.iter()
                .position(|o| o.id == id)
                .map(|i| i as u8)
                .ok_or_else(|| AnswerError::UnknownOption {
                    question: q.id.clone(),
                    option: id.to_owned(),
                    known: opts
                        .iter()
                        .map(|o| o.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                })
        };
        match (answer, &q.kind) {
            (Answer::CannotSay, _) => Ok(Value::CannotSay),
            (Answer::Yes, QuestionKind::YesNo) => Ok(Value::Yes),
            (Answer::No, QuestionKind::YesNo) => Ok(Value::No),
            (Answer::Choice(id), QuestionKind::OneOf(_)) => Ok(Value::Choice(option(id)?)),
            (Answer::Choices(ids), QuestionKind::SeveralOf(_)) => {
                let mut mask = 0u64;
                for id in ids {
                    mask |= 1 << option(id)?;
                }
                Ok(Value::Choices(mask))
            }
            (Answer::Number(x), QuestionKind::Number(spec)) => {
                if x.is_finite() && *x >= spec.min && *x <= spec.max {
                    Ok(Value::Number(*x))
                } else {
                    Err(AnswerError::OutOfRange {
                        question: q.id.clone(),
                        value: *x,
                        min: spec.min,
                        max: spec.max,
                    })
                }
            }
            (_, QuestionKind::YesNo) => Err(wrong(EXPECTS_YES_NO)),
            (_, QuestionKind::OneOf(_)) => Err(wrong(EXPECTS_CHOICE)),
            (_, QuestionKind::SeveralOf(_)) => Err(wrong(EXPECTS_CHOICES)),
            (_, QuestionKind::Number(_)) => Err(wrong(EXPECTS_NUMBER)),
        }
    }

    /// The answer by ids again, for files and records.
    pub fn to_answer(self, g: &Guidance, question: QuestionId) -> Answer {
        let opts = g.question(question).kind.options();
        let name = |i: usize| opts.get(i).map(|o| o.id.clone()).unwrap_or_default();
        match self {
            Value::Yes => Answer::Yes,
            Value::No => Answer::No,
            Value::CannotSay => Answer::CannotSay,
            Value::Choice(i) => Answer::Choice(name(i as usize)),
            Value::Choices(mask) => Answer::Choices(
                (0..opts.len())
                    .filter(|i| mask & (1 << i) != 0)
                    .map(name)
                    .collect(),
            ),
            Value::Number(x) => Answer::Number(x),
        }
    }
}

/// Reasons and answers of one call, indexed like the guidance's questions.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// In the order the nurse added them.
    pub reasons: Vec<ReasonId>,
    answers: Vec<Option<Value>>,
}

impl Call {
    pub fn new(g: &Guidance) -> Self {
        Self {
            reasons: Vec::new(),
            answers: vec![None; g.questions.len()],
        }
    }

    pub fn answer(&self, q: QuestionId) -> Option<Value> {
        self.answers.get(q.index()).copied().flatten()
    }

    pub fn set(&mut self, q: QuestionId, value: Option<Value>) {
        if let Some(slot) = self.answers.get_mut(q.index()) {
            *slot = value;
        }
    }

    pub fn add_reason(&mut self, r: ReasonId) {
        if !self.reasons.contains(&r) {
            self.reasons.push(r);
        }
    }

    pub fn remove_reason(&mut self, r: ReasonId) {
        self.reasons.retain(|x| *x != r);
    }

    pub fn has_reason(&self, r: ReasonId) -> bool {
        self.reasons.contains(&r)
    }

    /// Answers given, in question order.
    pub fn answered(&self) -> impl Iterator<Item = (QuestionId, Value)> + '_ {
        self.answers
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.map(|v| (QuestionId(i as u32), v)))
    }

    /// Builds a call from ids, as scenario and answer files give them.
    pub fn from_ids<'a>(
        g: &Guidance,
        reasons: impl IntoIterator<Item = &'a str>,
        answers: impl IntoIterator<Item = (&'a str, &'a Answer)>,
    ) -> Result<Call, AnswerError> {
        let mut call = Call::new(g);
        for r in reasons {
            let id = g
                .reason_by_id(r)
                .ok_or_else(|| AnswerError::UnknownReason(r.to_owned()))?;
            call.add_reason(id);
        }
        for (q, a) in answers {
            let id = g
                .question_by_id(q)
                .ok_or_else(|| AnswerError::UnknownQuestion(q.to_owned()))?;
            call.set(id, Some(Value::resolve(g, id, a)?));
        }
        Ok(call)
    }
}
