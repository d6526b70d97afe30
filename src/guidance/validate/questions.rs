//! Questions: red flags, risk factors and each reason's, their texts, kinds and options, and
//! `ask_if` conditions that depend on their own question.

use std::collections::HashMap;

use crate::diagnostic::Code;
use crate::guidance::condition::visit_atoms;
use crate::guidance::model::{
    FileId, Labelled, Location, NumberSpec, Part, Question, QuestionId, QuestionKind, ReasonId,
};
use crate::guidance::raw::{
    RawCondition, RawGuidance, RawKind, RawLabelled, RawReason, RawText, Str,
};
use crate::guidance::validate::validator::{IdKind, Scope, Validator};
use crate::msg;
use crate::source::Position;

/// The most options a choice question may have (answers keep choices in a 64-bit set).
pub const MAX_OPTIONS: usize = 64;

struct QuestionParts<'a> {
    id: &'a Str,
    text: &'a RawText,
    note: Option<&'a RawText>,
    /// `None` for red flags, which are always yes/no.
    kind: Option<&'a RawKind>,
}

/// Every question of the guidance, by index and by id, and which part each belongs to.
pub(super) struct Questions<'r> {
    pub questions: Vec<Question>,
    pub index: HashMap<String, QuestionId>,
    first_seen: HashMap<String, (FileId, Position)>,
    /// `ask_if` conditions, resolved once every question is known.
    pub pending_ask_if: Vec<(QuestionId, FileId, &'r RawCondition, Scope)>,
    /// Per red flag, its question (`None` when it is invalid).
    pub red_flags: Vec<Option<QuestionId>>,
    pub risk_factors: Vec<QuestionId>,
    /// Per reason, its questions.
    pub of_reasons: Vec<Vec<QuestionId>>,
}

impl Validator {
    /// Reads every question first, so that conditions anywhere can name any of them.
    pub(super) fn questions<'r>(
        &mut self,
        gfile: FileId,
        raw: &'r RawGuidance,
        raw_reasons: &'r [(FileId, RawReason)],
    ) -> Questions<'r> {
        let mut qs = Questions {
            questions: Vec::new(),
            index: HashMap::new(),
            first_seen: HashMap::new(),
            pending_ask_if: Vec::new(),
            red_flags: Vec::new(),
            risk_factors: Vec::new(),
            of_reasons: Vec::new(),
        };
        for rf in &raw.red_flags {
            let raw_q = QuestionParts {
                id: &rf.id,
                text: &rf.text,
                note: rf.note.as_ref(),
                kind: None,
            };
            let id = self.question(gfile, raw_q, Part::RedFlag, &mut qs);
            qs.red_flags.push(id);
        }
        for q in &raw.risk_factors {
            let parts = QuestionParts {
                id: &q.id,
                text: &q.text,
                note: q.note.as_ref(),
                kind: Some(&q.kind),
            };
            let id = self.question(gfile, parts, Part::RiskFactor, &mut qs);
            if let (Some(id), Some(c)) = (id, &q.ask_if) {
                qs.pending_ask_if.push((id, gfile, c, Scope::Shared));
            }
            qs.risk_factors.extend(id);
        }
        self.reason_questions(raw_reasons, &mut qs);
        qs
    }

    /// Each reason's id and questions.
    fn reason_questions<'r>(
        &mut self,
        raw_reasons: &'r [(FileId, RawReason)],
        qs: &mut Questions<'r>,
    ) {
        let mut reason_first_seen: HashMap<String, (FileId, Position)> = HashMap::new();
        for (index, (file, r)) in raw_reasons.iter().enumerate() {
            let reason_id = ReasonId(index as u32);
            self.check_id(*file, &r.id, IdKind::Reason);
            self.unique(&mut reason_first_seen, *file, &r.id, IdKind::Reason);
            let mut ids = Vec::new();
            for q in &r.questions {
                let parts = QuestionParts {
                    id: &q.id,
                    text: &q.text,
                    note: q.note.as_ref(),
                    kind: Some(&q.kind),
                };
                let id = self.question(*file, parts, Part::Reason(reason_id), qs);
                if let (Some(id), Some(c)) = (id, &q.ask_if) {
                    qs.pending_ask_if
                        .push((id, *file, c, Scope::Reason(reason_id)));
                }
                ids.extend(id);
            }
            if r.questions.is_empty() {
                self.err(
                    *file,
                    r.id.pos,
                    Code::NoQuestions,
                    msg!(ValidateNoQuestions, r.id.value),
                );
            }
            qs.of_reasons.push(ids);
        }
    }

    fn question(
        &mut self,
        file: FileId,
        raw: QuestionParts<'_>,
        part: Part,
        qs: &mut Questions<'_>,
    ) -> Option<QuestionId> {
        self.check_id(file, raw.id, IdKind::Question);
        if !self.unique(&mut qs.first_seen, file, raw.id, IdKind::Question) {
            return None;
        }
        let qname = &raw.id.value;
        let text = self.text(file, raw.text, raw.id.pos, msg!(TextOfQuestion, qname));
        let note = raw
            .note
            .map(|n| self.text(file, n, raw.id.pos, msg!(NoteOfQuestion, qname)));
        let kind = match raw.kind {
            None | Some(RawKind::YesNo) => QuestionKind::YesNo,
            Some(RawKind::OneOf(opts)) => QuestionKind::OneOf(self.options(file, raw.id, opts)),
            Some(RawKind::SeveralOf(opts)) => {
                QuestionKind::SeveralOf(self.options(file, raw.id, opts))
            }
            Some(RawKind::Number(n)) => {
                if !(n.min.is_finite() && n.max.is_finite() && n.min < n.max) {
                    self.err(
                        file,
                        raw.id.pos,
                        Code::Invalid,
                        msg!(ValidateNumberRange, qname, n.min, n.max),
                    );
                }
                if n.decimals > 6 {
                    self.err(
                        file,
                        raw.id.pos,
                        Code::OutOfRange,
                        msg!(ValidateTooManyDecimals, qname, n.decimals),
                    );
                }
                QuestionKind::Number(NumberSpec {
                    unit: self.text(file, &n.unit, raw.id.pos, msg!(UnitOfQuestion, qname)),
                    min: n.min,
                    max: n.max,
                    decimals: n.decimals.min(6),
                })
            }
        };
        let id = QuestionId(qs.questions.len() as u32);
        qs.index.insert(qname.clone(), id);
        qs.questions.push(Question {
            id: qname.clone(),
            text,
            note,
            kind,
            ask_if: None,
            part,
            location: Location {
                file,
                pos: raw.id.pos,
            },
        });
        Some(id)
    }

    fn options(&mut self, file: FileId, question: &Str, raw: &[RawLabelled]) -> Vec<Labelled> {
        if raw.len() < 2 {
            self.err(
                file,
                question.pos,
                Code::Invalid,
                msg!(ValidateTooFewOptions, question.value),
            );
        }
        if raw.len() > MAX_OPTIONS {
            self.err(
                file,
                question.pos,
                Code::Invalid,
                msg!(
                    ValidateTooManyOptions,
                    question.value,
                    raw.len(),
                    MAX_OPTIONS
                ),
            );
        }
        self.labelled_list(file, raw, |o| (&o.id, &o.label), IdKind::Option)
    }

    /// An `ask_if` that (through others) depends on its own question could never be asked.
    pub(super) fn ask_if_cycles(&mut self, questions: &[Question]) {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Active,
            Done,
        }
        let mut marks = vec![Mark::New; questions.len()];
        let mut reported = vec![false; questions.len()];
        for start in 0..questions.len() {
            if marks[start] != Mark::New {
                continue;
            }
            // Iterative DFS: guidance depth must not become stack depth.
            let mut stack: Vec<(usize, Vec<usize>)> = vec![(start, deps(&questions[start]))];
            marks[start] = Mark::Active;
            while let Some((node, children)) = stack.last_mut() {
                let node = *node;
                match children.pop() {
                    Some(child) => match marks[child] {
                        Mark::New => {
                            marks[child] = Mark::Active;
                            let d = deps(&questions[child]);
                            stack.push((child, d));
                        }
                        Mark::Active => {
                            let at = stack.iter().position(|(n, _)| *n == child).unwrap_or(0);
                            let mut path: Vec<&str> = stack[at..]
                                .iter()
                                .map(|(n, _)| questions[*n].id.as_str())
                                .collect();
                            path.push(&questions[child].id);
                            if !reported[child] {
                                reported[child] = true;
                                let q = &questions[child];
                                self.err(
                                    q.location.file,
                                    q.location.pos,
                                    Code::Cycle,
                                    msg!(ValidateAskIfCycle, path.join(" → ")),
                                );
                            }
                        }
                        Mark::Done => {}
                    },
                    None => {
                        marks[node] = Mark::Done;
                        stack.pop();
                    }
                }
            }
        }
    }
}

fn deps(q: &Question) -> Vec<usize> {
    let mut out = Vec::new();
    if let Some(c) = &q.ask_if {
        visit_atoms(c, &mut |a| out.push(a.question.index()));
    }
    out.sort_unstable();
    out.dedup();
    out.reverse();
    out
}
