//! Conditions: every question named exists and is in scope, every test fits the question's kind,
//! options exist, `AtLeast` counts are possible, and thresholds fit (`quantities`).

use std::collections::HashMap;

use crate::diagnostic::Code;
use crate::guidance::model::{
    Atom, CmpOp, Condition, FileId, Labelled, Location, Question, QuestionId, QuestionKind,
    ReasonId, Test,
};
use crate::guidance::raw::{RawCondition, Str};
use crate::guidance::validate::quantities::Comparison;
use crate::guidance::validate::validator::{Scope, Validator};
use crate::msg;
use crate::source::Position;

/// The questions conditions may name, by id.
pub(super) struct Resolver<'a> {
    pub questions: &'a [Question],
    pub index: &'a HashMap<String, QuestionId>,
    /// Per red flag question, the reasons it is asked for (absent or empty: every call).
    pub red_flag_scope: &'a HashMap<QuestionId, Vec<ReasonId>>,
}

impl Validator {
    /// Resolves the `ask_if` of each question, now that every question is known.
    pub(super) fn resolve_ask_if(
        &mut self,
        questions: &mut [Question],
        index: &HashMap<String, QuestionId>,
        red_flag_scope: &HashMap<QuestionId, Vec<ReasonId>>,
        pending: Vec<(QuestionId, FileId, &RawCondition, Scope)>,
    ) {
        let resolver = Resolver {
            questions,
            index,
            red_flag_scope,
        };
        let resolved_ask_if: Vec<_> = pending
            .into_iter()
            .map(|(qid, file, cond, scope)| {
                let owner = resolver.questions[qid.index()].location.pos;
                (qid, self.condition(file, cond, owner, scope, &resolver))
            })
            .collect();
        for (qid, ask_if) in resolved_ask_if {
            questions[qid.index()].ask_if = ask_if;
        }
    }

    pub(super) fn condition(
        &mut self,
        file: FileId,
        raw: &RawCondition,
        owner: Position,
        scope: Scope,
        r: &Resolver<'_>,
    ) -> Option<Condition> {
        let list =
            |v: &mut Validator, items: &[RawCondition], name: &str| -> Option<Vec<Condition>> {
                if items.is_empty() {
                    v.err(
                        file,
                        first_pos(raw).unwrap_or(owner),
                        Code::Invalid,
                        msg!(ValidateEmptyList, name),
                    );
                    return None;
                }
                let resolved: Vec<_> = items
                    .iter()
                    .map(|c| v.condition(file, c, owner, scope, r))
                    .collect();
                resolved.into_iter().collect()
            };
        match raw {
            RawCondition::All(items) => list(self, items, "All").map(Condition::All),
            RawCondition::Any(items) => list(self, items, "Any").map(Condition::Any),
            RawCondition::Not(inner) => self
                .condition(file, inner, owner, scope, r)
                .map(|c| Condition::Not(Box::new(c))),
            RawCondition::AtLeast(n, items) => {
                let items = list(self, items, "AtLeast")?;
                let n = *n as usize;
                if n == 0 || n > items.len() {
                    let message = msg!(AtLeastCount, n, items.len());
                    let pos = first_pos(raw).unwrap_or(owner);
                    self.err(file, pos, Code::Invalid, message);
                    return None;
                }
                Some(Condition::AtLeast(n, items))
            }
            RawCondition::Yes(q) => self.atom(file, q, scope, r, AtomTest::YesNo(Test::Yes)),
            RawCondition::No(q) => self.atom(file, q, scope, r, AtomTest::YesNo(Test::No)),
            RawCondition::CannotSay(q) => {
                self.atom(file, q, scope, r, AtomTest::Any(Test::CannotSay))
            }
            RawCondition::Answered(q) => {
                self.atom(file, q, scope, r, AtomTest::Any(Test::Answered))
            }
            RawCondition::Is(q, opt) => self.atom(
                file,
                q,
                scope,
                r,
                AtomTest::Options(std::slice::from_ref(opt), true),
            ),
            RawCondition::AnyOf(q, opts) => {
                self.atom(file, q, scope, r, AtomTest::Options(opts, false))
            }
            RawCondition::Lt(q, x) => {
                self.compare(file, q, scope, r, Comparison::Cmp(CmpOp::Lt, *x))
            }
            RawCondition::Le(q, x) => {
                self.compare(file, q, scope, r, Comparison::Cmp(CmpOp::Le, *x))
            }
            RawCondition::Gt(q, x) => {
                self.compare(file, q, scope, r, Comparison::Cmp(CmpOp::Gt, *x))
            }
            RawCondition::Ge(q, x) => {
                self.compare(file, q, scope, r, Comparison::Cmp(CmpOp::Ge, *x))
            }
            RawCondition::Between(q, a, b) => {
                self.compare(file, q, scope, r, Comparison::Between(*a, *b))
            }
        }
    }

    fn compare(
        &mut self,
        file: FileId,
        q: &Str,
        scope: Scope,
        r: &Resolver<'_>,
        cmp: Comparison,
    ) -> Option<Condition> {
        self.atom(file, q, scope, r, AtomTest::Threshold(cmp))
    }

    fn atom(
        &mut self,
        file: FileId,
        q: &Str,
        scope: Scope,
        r: &Resolver<'_>,
        test: AtomTest<'_>,
    ) -> Option<Condition> {
        let Some(&qid) = r.index.get(&q.value) else {
            self.err(file, q.pos, Code::UnknownId, msg!(UnknownQuestion, q.value));
            return None;
        };
        let question = &r.questions[qid.index()];
        if !self.readable(file, q, qid, question.part, scope, r) {
            return None;
        }
        if matches!(question.kind, QuestionKind::FreeText) {
            let message = msg!(FreeTextInCondition, q.value);
            self.err(file, q.pos, Code::WrongKind, message);
            return None;
        }
        let kind_name = match &question.kind {
            QuestionKind::YesNo => msg!(KindYesNoQuestion),
            QuestionKind::OneOf(_) => msg!(KindOneOfQuestion),
            QuestionKind::SeveralOf(_) => msg!(KindSeveralOfQuestion),
            QuestionKind::Number(_) => msg!(KindNumberQuestion),
            QuestionKind::Age(_) => msg!(KindAgeQuestion),
            QuestionKind::Duration(_) => msg!(KindDurationQuestion),
            QuestionKind::FreeText => msg!(KindFreeTextQuestion),
        };
        let location = Location { file, pos: q.pos };
        let test = match (test, &question.kind) {
            (AtomTest::Any(t), _) | (AtomTest::YesNo(t), QuestionKind::YesNo) => t,
            (
                AtomTest::Options(opts, single),
                QuestionKind::OneOf(known) | QuestionKind::SeveralOf(known),
            ) => self.options_test(file, q, opts, single, known)?,
            (
                AtomTest::Threshold(cmp),
                kind @ (QuestionKind::Number(_) | QuestionKind::Age(_) | QuestionKind::Duration(_)),
            ) => self.threshold_test(file, q, cmp, kind)?,
            (t, _) => {
                let wanted = match t {
                    AtomTest::YesNo(_) => msg!(KindYesNoAnswer),
                    AtomTest::Options(..) => msg!(KindAnOption),
                    AtomTest::Threshold(_) => msg!(KindANumber),
                    AtomTest::Any(_) => msg!(KindAnAnswer),
                };
                self.err(
                    file,
                    q.pos,
                    Code::WrongKind,
                    msg!(ValidateWrongKind, q.value, kind_name, wanted),
                );
                return None;
            }
        };
        Some(Condition::Atom(Atom {
            question: qid,
            test,
            location,
        }))
    }

    /// `Is` or `AnyOf`: every option named exists.
    fn options_test(
        &mut self,
        file: FileId,
        q: &Str,
        opts: &[Str],
        single: bool,
        known: &[Labelled],
    ) -> Option<Test> {
        let mut mask = 0u64;
        let mut first = 0u8;
        for opt in opts {
            match known.iter().position(|k| k.id == opt.value) {
                Some(i) => {
                    if mask == 0 {
                        first = i as u8;
                    }
                    // Options past the limit are already reported; they cannot be in the set.
                    mask |= 1u64.checked_shl(i as u32).unwrap_or(0);
                }
                None => {
                    let names: Vec<_> = known.iter().map(|k| k.id.as_str()).collect();
                    self.err(
                        file,
                        opt.pos,
                        Code::UnknownId,
                        msg!(UnknownOption, q.value, opt.value, names.join(", ")),
                    );
                    return None;
                }
            }
        }
        if mask == 0 {
            self.err(
                file,
                q.pos,
                Code::Invalid,
                msg!(ValidateAnyOfEmpty, q.value),
            );
            return None;
        }
        Some(if single {
            Test::Is(first)
        } else {
            Test::AnyOf(mask)
        })
    }
}

enum AtomTest<'a> {
    YesNo(Test),
    Any(Test),
    Options(&'a [Str], bool),
    Threshold(Comparison),
}

fn first_pos(c: &RawCondition) -> Option<Position> {
    match c {
        RawCondition::All(items) | RawCondition::Any(items) | RawCondition::AtLeast(_, items) => {
            items.iter().find_map(first_pos)
        }
        RawCondition::Not(inner) => first_pos(inner),
        RawCondition::Yes(q)
        | RawCondition::No(q)
        | RawCondition::CannotSay(q)
        | RawCondition::Answered(q)
        | RawCondition::Is(q, _)
        | RawCondition::AnyOf(q, _)
        | RawCondition::Lt(q, _)
        | RawCondition::Le(q, _)
        | RawCondition::Gt(q, _)
        | RawCondition::Ge(q, _)
        | RawCondition::Between(q, _, _) => Some(q.pos),
    }
}
