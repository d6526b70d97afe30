//! Reasons: their labels and keywords, their rules (ids unique across the guidance, each with a
//! condition and an outcome), their fallback and their `allow` entries.

use std::collections::HashMap;

use crate::diagnostic::Code;
use crate::guidance::model::{FileId, Location, QuestionId, Reason, ReasonId, Rule};
use crate::guidance::raw::RawReason;
use crate::guidance::validate::conditions::Resolver;
use crate::guidance::validate::validator::{IdKind, Scope, Validator};
use crate::guidance::validate::vocabulary::Vocabulary;
use crate::msg;
use crate::source::Position;

/// What a reason's parts may name: questions, the vocabulary, and the shared questions' ids.
pub(super) struct Names<'a> {
    pub resolver: Resolver<'a>,
    pub vocab: &'a Vocabulary,
    /// The ids of the red flags and risk factors, which `allow` entries may name too.
    pub shared: Vec<&'a str>,
}

impl Validator {
    /// Every reason; `rule_first_seen` holds the red flags' ids, which rules may not reuse.
    pub(super) fn reasons(
        &mut self,
        raw_reasons: &[(FileId, RawReason)],
        questions_of: Vec<Vec<QuestionId>>,
        names: &Names<'_>,
        mut rule_first_seen: HashMap<String, (FileId, Position)>,
    ) -> Vec<Reason> {
        let mut reasons = Vec::new();
        for (index, ((file, r), questions_of_reason)) in
            raw_reasons.iter().zip(questions_of).enumerate()
        {
            let file = *file;
            let scope = Scope::Reason(ReasonId(index as u32));
            let label = self.text(
                file,
                &r.label,
                r.id.pos,
                IdKind::Reason.label_of(&r.id.value),
            );
            let missing =
                |lang: crate::text::Language| msg!(ValidateNoKeywordList, r.id.value, lang);
            let keywords = self.keywords(file, &r.keywords, r.id.pos, &missing);
            let rules = self.rules(file, r, scope, names, &mut rule_first_seen);
            let fallback = match &r.fallback {
                Some(f) => self.outcome(file, f, r.id.pos, names.vocab, false),
                None => {
                    self.err(
                        file,
                        r.id.pos,
                        Code::NoFallback,
                        msg!(ValidateNoFallback, r.id.value),
                    );
                    None
                }
            };
            let allow = self.allow(file, r, &names.shared);
            if let Some(fallback) = fallback {
                reasons.push(Reason {
                    id: r.id.value.clone(),
                    label,
                    keywords,
                    questions: questions_of_reason,
                    rules,
                    fallback,
                    allow,
                    location: Location {
                        file,
                        pos: r.id.pos,
                    },
                    red_flags: Vec::new(),
                    walk: Vec::new(),
                });
            }
        }
        reasons
    }

    /// A reason's rules, those with errors left out.
    fn rules(
        &mut self,
        file: FileId,
        r: &RawReason,
        scope: Scope,
        names: &Names<'_>,
        rule_first_seen: &mut HashMap<String, (FileId, Position)>,
    ) -> Vec<Rule> {
        let mut rules = Vec::new();
        for rule in &r.rules {
            self.check_id(file, &rule.id, IdKind::Rule);
            if let Some((ffile, fpos)) = rule_first_seen.get(&rule.id.value).copied() {
                let first = self.place(ffile, fpos);
                self.err(
                    file,
                    rule.id.pos,
                    Code::DuplicateId,
                    msg!(
                        ValidateDuplicateId,
                        IdKind::Rule.word(),
                        rule.id.value,
                        first
                    ),
                );
            } else {
                rule_first_seen.insert(rule.id.value.clone(), (file, rule.id.pos));
            }
            let description = self.text(
                file,
                &rule.description,
                rule.id.pos,
                msg!(DescriptionOfRule, rule.id.value),
            );
            let when = self.condition(file, &rule.when, rule.id.pos, scope, &names.resolver);
            let outcome = self.outcome(file, &rule.outcome, rule.id.pos, names.vocab, false);
            if let (Some(when), Some(outcome)) = (when, outcome) {
                rules.push(Rule {
                    id: rule.id.value.clone(),
                    description,
                    when,
                    outcome,
                    location: Location {
                        file,
                        pos: rule.id.pos,
                    },
                });
            }
        }
        rules
    }
}
