//! The state of one call: the reasons chosen and the answers given so far.
//!
//! [`Answer`] names questions and options by id (files, the CLI, the autosave); [`Value`] is the
//! same answer resolved against a guidance, which the engine evaluates without lookups. A free
//! text answer's words are kept beside the values ([`Call::text`]): they go into the record only.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Arg, Message};
use crate::guidance::{Guidance, NumberSpec, QuantitySpec, QuestionId, QuestionKind, ReasonId};
use crate::msg;
use crate::quantity::{Quantity, Unit, exceeds_decimals};

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
    /// `Age(Months(2))`.
    Age(Quantity),
    /// `Duration(Hours(6))`.
    Duration(Quantity),
    /// `Text("…")`: a free-text answer.
    Text(String),
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
    /// An age or a duration, in the unit it was entered in.
    Quantity(Quantity),
    /// A free-text answer; its words are [`Call::text`].
    Text,
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
    #[error("{value} has more decimals than question `{question}` allows ({decimals})")]
    TooManyDecimals {
        question: String,
        value: f64,
        decimals: u8,
    },
    #[error("question `{question}` is entered in {units}; write one of them instead of {given}")]
    WrongUnit {
        question: String,
        given: String,
        units: String,
    },
    #[error("{value} is outside the range {min}–{max} of question `{question}`")]
    QuantityOutOfRange {
        question: String,
        value: Quantity,
        min: Quantity,
        max: Quantity,
    },
}

/// Checks a number for a Number question: finite, in range and within its decimals. The GUI
/// calls it on what the nurse types, scenario and answer files through [`Value::resolve`].
pub fn check_number(question: &str, spec: &NumberSpec, x: f64) -> Result<Value, AnswerError> {
    if !(x.is_finite() && x >= spec.min && x <= spec.max) {
        return Err(AnswerError::OutOfRange {
            question: question.to_owned(),
            value: x,
            min: spec.min,
            max: spec.max,
        });
    }
    if exceeds_decimals(x, spec.decimals) {
        return Err(AnswerError::TooManyDecimals {
            question: question.to_owned(),
            value: x,
            decimals: spec.decimals,
        });
    }
    Ok(Value::Number(x))
}

/// Checks an age or a duration: a unit of the question, within its decimals (ages: whole) and
/// its range.
pub fn check_quantity(
    question: &str,
    spec: &QuantitySpec,
    q: Quantity,
) -> Result<Value, AnswerError> {
    if !spec.units.contains(&q.unit()) {
        let names: Vec<&str> = spec.units.iter().map(|u| u.name()).collect();
        return Err(AnswerError::WrongUnit {
            question: question.to_owned(),
            given: q.to_string(),
            units: names.join(", "),
        });
    }
    let hours = q.hours();
    if !(hours.is_finite() && hours >= spec.min && hours <= spec.max) {
        let unit = spec.units.first().copied().unwrap_or(Unit::Hours);
        return Err(AnswerError::QuantityOutOfRange {
            question: question.to_owned(),
            value: q,
            min: Quantity::written(spec.min, &[unit]),
            max: Quantity::written(spec.max, &[unit]),
        });
    }
    if exceeds_decimals(q.amount(), spec.decimals) {
        return Err(AnswerError::TooManyDecimals {
            question: question.to_owned(),
            value: q.amount(),
            decimals: spec.decimals,
        });
    }
    Ok(Value::Quantity(q))
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
                    EXPECTS_AGE => Arg::Message(msg!(ExpectsAge)),
                    EXPECTS_DURATION => Arg::Message(msg!(ExpectsDuration)),
                    EXPECTS_TEXT => Arg::Message(msg!(ExpectsText)),
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
            AnswerError::TooManyDecimals {
                question,
                value,
                decimals,
            } => msg!(AnswerTooManyDecimals, value, question, decimals),
            AnswerError::WrongUnit {
                question,
                given,
                units,
            } => msg!(AnswerWrongUnit, question, units, given),
            AnswerError::QuantityOutOfRange {
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
const EXPECTS_AGE: &str = "Age(Years(n)), Age(Months(n)), … or CannotSay";
const EXPECTS_DURATION: &str = "Duration(Hours(n)), Duration(Days(n)), … or CannotSay";
const EXPECTS_TEXT: &str = "Text(\"…\") or CannotSay";

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
            (Answer::Number(x), QuestionKind::Number(spec)) => check_number(&q.id, spec, *x),
            (Answer::Age(x), QuestionKind::Age(spec))
            | (Answer::Duration(x), QuestionKind::Duration(spec)) => {
                check_quantity(&q.id, spec, *x)
            }
            (Answer::Text(_), QuestionKind::FreeText) => Ok(Value::Text),
            (_, QuestionKind::YesNo) => Err(wrong(EXPECTS_YES_NO)),
            (_, QuestionKind::OneOf(_)) => Err(wrong(EXPECTS_CHOICE)),
            (_, QuestionKind::SeveralOf(_)) => Err(wrong(EXPECTS_CHOICES)),
            (_, QuestionKind::Number(_)) => Err(wrong(EXPECTS_NUMBER)),
            (_, QuestionKind::Age(_)) => Err(wrong(EXPECTS_AGE)),
            (_, QuestionKind::Duration(_)) => Err(wrong(EXPECTS_DURATION)),
            (_, QuestionKind::FreeText) => Err(wrong(EXPECTS_TEXT)),
        }
    }

    /// The answer by ids again, for files and records (a free text's words are the call's:
    /// [`Call::answer_of`]).
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
            Value::Quantity(x) => match g.question(question).kind {
                QuestionKind::Duration(_) => Answer::Duration(x),
                _ => Answer::Age(x),
            },
            Value::Text => Answer::Text(String::new()),
        }
    }
}

/// Reasons and answers of one call, indexed like the guidance's questions.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// In the order the nurse added them.
    pub reasons: Vec<ReasonId>,
    answers: Vec<Option<Value>>,
    /// The words of free-text answers.
    texts: BTreeMap<QuestionId, String>,
}

impl Call {
    pub fn new(g: &Guidance) -> Self {
        Self {
            reasons: Vec::new(),
            answers: vec![None; g.questions.len()],
            texts: BTreeMap::new(),
        }
    }

    /// The words of a free-text answer.
    pub fn text(&self, q: QuestionId) -> Option<&str> {
        match self.answer(q) {
            Some(Value::Text) => self.texts.get(&q).map(String::as_str),
            _ => None,
        }
    }

    /// Answers a free-text question with `words` (empty: unanswered).
    pub fn set_text(&mut self, q: QuestionId, words: &str) {
        if words.trim().is_empty() {
            self.texts.remove(&q);
            self.set(q, None);
        } else {
            self.texts.insert(q, words.to_owned());
            self.set(q, Some(Value::Text));
        }
    }

    /// The answer by ids, with a free text's words.
    pub fn answer_of(&self, g: &Guidance, q: QuestionId) -> Option<Answer> {
        let value = self.answer(q)?;
        Some(match value {
            Value::Text => Answer::Text(self.texts.get(&q).cloned().unwrap_or_default()),
            v => v.to_answer(g, q),
        })
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
            let value = Value::resolve(g, id, a)?;
            match a {
                Answer::Text(words) => call.set_text(id, words),
                _ => call.set(id, Some(value)),
            }
        }
        Ok(call)
    }
}
