//! Which questions a condition may read, by where it stands: a basic's `ask_if` reads basics; a
//! risk factor's or a red flag's reads basics and risk factors; a pool question's also the pool;
//! a reason's rules and questions also its own questions, the global red flags and its own.

use crate::diagnostic::Code;
use crate::guidance::model::{FileId, Part, QuestionId};
use crate::guidance::raw::Str;
use crate::guidance::validate::conditions::Resolver;
use crate::guidance::validate::validator::{Scope, Validator};
use crate::msg;

impl Validator {
    /// Whether a condition in `scope` may read question `q` (of `part`); reports why not.
    pub(super) fn readable(
        &mut self,
        file: FileId,
        q: &Str,
        qid: QuestionId,
        part: Part,
        scope: Scope,
        r: &Resolver<'_>,
    ) -> bool {
        let refusal = match (scope, part) {
            (_, Part::Basic) => None,
            (Scope::Basics, _) => Some(msg!(ScopeBasics, q.value)),
            (_, Part::RiskFactor) => None,
            (Scope::Shared, _) => Some(msg!(ScopeShared, q.value)),
            (_, Part::Pool) => None,
            (Scope::Pool, _) => Some(msg!(ScopePool, q.value)),
            (Scope::Reason(own), Part::Reason(of)) if own == of => None,
            (Scope::Reason(_), Part::Reason(_)) => {
                let message = msg!(ValidateQuestionOutOfScope, q.value);
                self.err(file, q.pos, Code::UnknownId, message);
                return false;
            }
            (Scope::Reason(own), Part::RedFlag) => {
                let asked_for = r.red_flag_scope.get(&qid).map_or(&[][..], Vec::as_slice);
                if asked_for.is_empty() || asked_for.contains(&own) {
                    None
                } else {
                    Some(msg!(RedFlagOtherReason, q.value))
                }
            }
        };
        match refusal {
            None => true,
            Some(message) => {
                self.err(file, q.pos, Code::UnknownId, message);
                false
            }
        }
    }
}
