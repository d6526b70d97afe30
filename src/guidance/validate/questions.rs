//! Questions: basics, red flags, risk factors, the shared pool and each reason's, their texts,
//! kinds and options, and `ask_if` conditions that depend on their own question.

use std::collections::HashMap;

use crate::diagnostic::Code;
use crate::guidance::condition::visit_atoms;
use crate::guidance::model::{
    FileId, Labelled, Location, NumberSpec, Part, Question, QuestionId, QuestionKind, ReasonId,
};
use crate::guidance::raw::{
    RawCondition, RawGuidance, RawKind, RawLabelled, RawQuestion, RawQuestions, RawReason,
    RawRedFlag, RawText, Str,
};
use crate::guidance::validate::validator::{IdKind, Scope, Validator};
use crate::msg;
use crate::source::Position;

/// The most options a choice question may have (answers keep choices in a 64-bit set).
pub const MAX_OPTIONS: usize = 64;

struct QuestionParts<'a> {
    id: &'a Str,
    text: &'a RawText,
    short: Option<&'a RawText>,
    note: Option<&'a RawText>,
    /// `None` for red flags, which are always yes/no.
    kind: Option<&'a RawKind>,
    always: bool,
}

impl<'a> QuestionParts<'a> {
    fn of(q: &'a RawQuestion) -> Self {
        QuestionParts {
            id: &q.id,
            text: &q.text,
            short: q.short.as_ref(),
            note: q.note.as_ref(),
            kind: Some(&q.kind),
            always: q.always.unwrap_or(false),
        }
    }

    fn of_red_flag(rf: &'a RawRedFlag) -> Self {
        QuestionParts {
            id: &rf.id,
            text: &rf.text,
            short: rf.short.as_ref(),
            note: rf.note.as_ref(),
            kind: None,
            always: false,
        }
    }
}

/// A red flag as written, with where it was written: guidance.ron (`None`) or a reason's file.
pub(super) struct RawRedFlagAt<'r> {
    pub file: FileId,
    pub raw: &'r RawRedFlag,
    pub of_reason: Option<ReasonId>,
    /// Its question (`None` when it is invalid).
    pub question: Option<QuestionId>,
}

/// Every question of the guidance, by index and by id, and which part each belongs to.
pub(super) struct Questions<'r> {
    pub questions: Vec<Question>,
    pub index: HashMap<String, QuestionId>,
    first_seen: HashMap<String, (FileId, Position)>,
    /// `ask_if` conditions, resolved once every question is known.
    pub pending_ask_if: Vec<(QuestionId, FileId, &'r RawCondition, Scope)>,
    pub basics: Vec<QuestionId>,
    /// Every red flag: those of guidance.ron first, then each reason file's.
    pub red_flags: Vec<RawRedFlagAt<'r>>,
    pub risk_factors: Vec<QuestionId>,
    pub pool: Vec<QuestionId>,
    /// Per reason, its questions.
    pub of_reasons: Vec<Vec<QuestionId>>,
}

impl Validator {
    /// Reads every question first, so that conditions anywhere can name any of them.
    pub(super) fn questions<'r>(
        &mut self,
        gfile: FileId,
        raw: &'r RawGuidance,
        pools: &'r [(FileId, RawQuestions)],
        raw_reasons: &'r [(FileId, RawReason)],
    ) -> Questions<'r> {
        let mut qs = Questions {
            questions: Vec::new(),
            index: HashMap::new(),
            first_seen: HashMap::new(),
            pending_ask_if: Vec::new(),
            basics: Vec::new(),
            red_flags: Vec::new(),
            risk_factors: Vec::new(),
            pool: Vec::new(),
            of_reasons: Vec::new(),
        };
        for q in &raw.basics {
            let id = self.asked_question(gfile, q, Part::Basic, Scope::Basics, &mut qs);
            qs.basics.extend(id);
        }
        for rf in &raw.red_flags {
            let question = self.question(
                gfile,
                QuestionParts::of_red_flag(rf),
                Part::RedFlag,
                &mut qs,
            );
            qs.red_flags.push(RawRedFlagAt {
                file: gfile,
                raw: rf,
                of_reason: None,
                question,
            });
        }
        for q in &raw.risk_factors {
            let id = self.asked_question(gfile, q, Part::RiskFactor, Scope::Shared, &mut qs);
            qs.risk_factors.extend(id);
        }
        for (file, pool) in pools {
            for q in &pool.0 {
                let id = self.asked_question(*file, q, Part::Pool, Scope::Pool, &mut qs);
                qs.pool.extend(id);
            }
        }
        self.reason_questions(raw_reasons, &mut qs);
        qs
    }

    /// A question with a kind and an optional `ask_if`, read in `scope`.
    fn asked_question<'r>(
        &mut self,
        file: FileId,
        q: &'r RawQuestion,
        part: Part,
        scope: Scope,
        qs: &mut Questions<'r>,
    ) -> Option<QuestionId> {
        if q.always.is_some() && part != Part::Basic {
            self.err(
                file,
                q.id.pos,
                Code::Invalid,
                crate::msg!(AlwaysNotBasic, q.id.value),
            );
        }
        let id = self.question(file, QuestionParts::of(q), part, qs);
        if let (Some(id), Some(c)) = (id, &q.ask_if) {
            qs.pending_ask_if.push((id, file, c, scope));
        }
        id
    }

    /// Each reason's id, red flags and questions.
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
            for rf in &r.red_flags {
                let question =
                    self.question(*file, QuestionParts::of_red_flag(rf), Part::RedFlag, qs);
                qs.red_flags.push(RawRedFlagAt {
                    file: *file,
                    raw: rf,
                    of_reason: Some(reason_id),
                    question,
                });
            }
            let mut ids = Vec::new();
            for q in &r.questions {
                let part = Part::Reason(reason_id);
                let id = self.asked_question(*file, q, part, Scope::Reason(reason_id), qs);
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
        let short = raw
            .short
            .map(|n| self.text(file, n, raw.id.pos, msg!(ShortOfQuestion, qname)));
        let note = raw
            .note
            .map(|n| self.text(file, n, raw.id.pos, msg!(NoteOfQuestion, qname)));
        let kind = match raw.kind {
            None => QuestionKind::YesNo,
            Some(k) => self.kind(file, raw.id, k),
        };
        let id = QuestionId(qs.questions.len() as u32);
        qs.index.insert(qname.clone(), id);
        qs.questions.push(Question {
            id: qname.clone(),
            text,
            short,
            note,
            kind,
            ask_if: None,
            always: raw.always,
            part,
            location: Location {
                file,
                pos: raw.id.pos,
            },
        });
        Some(id)
    }

    fn kind(&mut self, file: FileId, id: &Str, raw: &RawKind) -> QuestionKind {
        let qname = &id.value;
        match raw {
            RawKind::YesNo => QuestionKind::YesNo,
            RawKind::FreeText => QuestionKind::FreeText,
            RawKind::OneOf(opts) => QuestionKind::OneOf(self.options(file, id, opts)),
            RawKind::SeveralOf(opts) => QuestionKind::SeveralOf(self.options(file, id, opts)),
            RawKind::Age { min, max, units } => {
                QuestionKind::Age(self.age_spec(file, id, (*min, *max), units))
            }
            RawKind::Duration {
                units,
                max,
                decimals,
            } => QuestionKind::Duration(self.duration_spec(file, id, units, *max, *decimals)),
            RawKind::Number(n) => {
                if !(n.min.is_finite() && n.max.is_finite() && n.min < n.max) {
                    self.err(
                        file,
                        id.pos,
                        Code::Invalid,
                        msg!(ValidateNumberRange, qname, n.min, n.max),
                    );
                }
                if n.decimals > 6 {
                    self.err(
                        file,
                        id.pos,
                        Code::OutOfRange,
                        msg!(ValidateTooManyDecimals, qname, n.decimals),
                    );
                }
                QuestionKind::Number(NumberSpec {
                    unit: self.text(file, &n.unit, id.pos, msg!(UnitOfQuestion, qname)),
                    min: n.min,
                    max: n.max,
                    decimals: n.decimals.min(6),
                })
            }
        }
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
