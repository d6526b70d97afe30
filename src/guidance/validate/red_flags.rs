//! Red flags: where each is asked (global, the reasons `reasons` names, or the reason whose file
//! holds it), its `ask_if` over basics and risk factors, its keywords and its urgent outcome.

use std::collections::HashMap;

use crate::diagnostic::Code;
use crate::guidance::model::{FileId, QuestionId, ReasonId, RedFlag};
use crate::guidance::raw::RawReason;
use crate::guidance::validate::conditions::Resolver;
use crate::guidance::validate::questions::RawRedFlagAt;
use crate::guidance::validate::validator::{Scope, Validator};
use crate::guidance::validate::vocabulary::Vocabulary;
use crate::msg;
use crate::source::Position;

impl Validator {
    /// Per red flag question, the reasons it is asked for (empty: every call).
    pub(super) fn red_flag_scopes(
        &mut self,
        red_flags: &[RawRedFlagAt<'_>],
        raw_reasons: &[(FileId, RawReason)],
    ) -> HashMap<QuestionId, Vec<ReasonId>> {
        let mut by_id: HashMap<&str, ReasonId> = HashMap::new();
        for (i, (_, r)) in raw_reasons.iter().enumerate() {
            by_id
                .entry(r.id.value.as_str())
                .or_insert(ReasonId(i as u32));
        }
        let mut scopes = HashMap::new();
        for rf in red_flags {
            let mut reasons = Vec::new();
            if let Some(own) = rf.of_reason {
                reasons.push(own);
                if !rf.raw.reasons.is_empty() {
                    let message = msg!(ReasonsInReasonFile, rf.raw.id.value);
                    self.err(rf.file, rf.raw.id.pos, Code::Invalid, message);
                }
            }
            for name in rf.raw.reasons.iter().filter(|_| rf.of_reason.is_none()) {
                match by_id.get(name.value.as_str()) {
                    Some(&id) if !reasons.contains(&id) => reasons.push(id),
                    Some(_) => {}
                    None => {
                        let mut known: Vec<&str> = by_id.keys().copied().collect();
                        known.sort_unstable();
                        let message = msg!(UnknownReasonRef, name.value, known.join(", "));
                        self.err(rf.file, name.pos, Code::UnknownId, message);
                    }
                }
            }
            if let Some(q) = rf.question {
                scopes.insert(q, reasons);
            }
        }
        scopes
    }

    /// The red flags with their outcomes; their ids go into `rule_first_seen`.
    pub(super) fn red_flags(
        &mut self,
        raw: &[RawRedFlagAt<'_>],
        resolver: &Resolver<'_>,
        vocab: &Vocabulary,
        rule_first_seen: &mut HashMap<String, (FileId, Position)>,
    ) -> Vec<RedFlag> {
        let mut red_flags = Vec::new();
        for rf in raw {
            let (file, r) = (rf.file, rf.raw);
            let outcome = self.outcome(file, &r.outcome, r.id.pos, vocab, true);
            rule_first_seen
                .entry(r.id.value.clone())
                .or_insert((file, r.id.pos));
            let ask_if = r
                .ask_if
                .as_ref()
                .map(|c| self.condition(file, c, r.id.pos, Scope::Shared, resolver));
            let missing = |lang: crate::text::Language| msg!(KeywordsOfRedFlag, r.id.value, lang);
            let keywords = self.keywords(file, &r.keywords, r.id.pos, &missing);
            let (Some(question), Some(outcome)) = (rf.question, outcome) else {
                continue;
            };
            let Some(ask_if) = ask_if.map_or(Some(None), |c| c.map(Some)) else {
                continue;
            };
            red_flags.push(RedFlag {
                question,
                cannot_say_is_yes: r.cannot_say_is_yes,
                outcome,
                reasons: resolver
                    .red_flag_scope
                    .get(&question)
                    .cloned()
                    .unwrap_or_default(),
                ask_if,
                keywords,
            });
        }
        red_flags
    }
}
