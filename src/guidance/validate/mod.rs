//! From the raw files to the typed [`Guidance`]: resolve every id, check every rule of the format,
//! and collect all problems with their positions instead of stopping at the first.
//!
//! In the order validation runs: the settings and `texts` in every language, the `vocabulary`
//! (timeframes, contact modes, professionals), every question (`questions`), their `ask_if`
//! `conditions`, the `services` and advice blocks, the red flags' `outcomes`, and the `reasons`
//! with their rules and `allow` entries. `validator` holds what all of them share: the problems found and id checks.

mod allow;
mod conditions;
mod outcomes;
mod questions;
mod reasons;
mod services;
mod texts;
mod validator;
mod vocabulary;

pub use questions::MAX_OPTIONS;

use std::collections::HashMap;

use crate::diagnostic::{Code, Diagnostic};
use crate::guidance::ask_order::ask_order;
use crate::guidance::model::{FileId, Guidance, Meta, Provenance, QuestionId, RedFlag};
use crate::guidance::raw::{RawGuidance, RawReason};
use crate::msg;
use crate::source::Position;
use conditions::Resolver;
use questions::Questions;
use reasons::Names;
use validator::{IdKind, Validator};
use vocabulary::Vocabulary;

pub(crate) struct ParsedFiles {
    pub provenance: Provenance,
    pub guidance: (FileId, RawGuidance),
    pub reasons: Vec<(FileId, RawReason)>,
}

pub(crate) fn validate(parsed: ParsedFiles) -> Result<Guidance, Vec<Diagnostic>> {
    let ParsedFiles {
        provenance,
        guidance: (gfile, raw),
        reasons: raw_reasons,
    } = parsed;
    let mut v = Validator::new(&provenance);
    let meta = v.meta(gfile, &raw);
    let timeframes = v.timeframes(gfile, &raw.timeframes);
    let modes = v.contact_modes(gfile, &raw.contact_modes);
    let professionals = v.professionals(gfile, &raw.professionals);
    let override_reasons = v.labelled_list(
        gfile,
        &raw.override_reasons,
        |o| (&o.id, &o.label),
        IdKind::OverrideReason,
    );
    let services = v.services(gfile, &raw.services);
    let advice_blocks = v.advice_blocks(gfile, &raw.advice_blocks);
    let vocab = Vocabulary::new(&timeframes, &modes, &professionals)
        .with_services(&services, &advice_blocks);

    let Questions {
        mut questions,
        index: question_index,
        pending_ask_if,
        red_flags: red_flag_questions,
        risk_factors,
        of_reasons,
        ..
    } = v.questions(gfile, &raw, &raw_reasons);
    v.resolve_ask_if(&mut questions, &question_index, pending_ask_if);
    v.ask_if_cycles(&questions);

    let mut rule_first_seen: HashMap<String, (FileId, Position)> = HashMap::new();
    let red_flags = v.red_flags(
        gfile,
        &raw,
        red_flag_questions,
        &vocab,
        &mut rule_first_seen,
    );
    let names = Names {
        resolver: Resolver {
            questions: &questions,
            index: &question_index,
        },
        vocab: &vocab,
        shared: raw
            .red_flags
            .iter()
            .map(|rf| rf.id.value.as_str())
            .chain(raw.risk_factors.iter().map(|q| q.id.value.as_str()))
            .collect(),
    };
    let reasons = v.reasons(&raw_reasons, of_reasons, &names, rule_first_seen);

    if !v.diags.is_empty() {
        return Err(crate::diagnostic::sorted(v.diags));
    }
    Ok(Guidance {
        meta,
        timeframes,
        modes,
        professionals,
        override_reasons,
        services,
        advice_blocks,
        red_flags,
        risk_factors,
        reasons,
        provenance,
        question_index,
        ask_order: ask_order(&questions),
        questions,
    })
}

impl Validator {
    /// The guidance's settings; its languages are those every text needs from now on.
    fn meta(&mut self, gfile: FileId, raw: &RawGuidance) -> Meta {
        let langs = self.languages(gfile, raw);
        self.langs = langs.clone();
        let meta = Meta {
            organisation: raw.organisation.value.clone(),
            name: self.text(
                gfile,
                &raw.name,
                raw.organisation.pos,
                msg!(TheGuidanceName),
            ),
            version: raw.version.value.clone(),
            effective: self.date(gfile, &raw.effective),
            languages: langs,
            disclaimer: raw
                .disclaimer
                .as_ref()
                .map(|d| self.text(gfile, d, raw.organisation.pos, msg!(TheDisclaimer))),
            remote_target_percent: raw.remote_target_percent,
        };
        if let Some(p) = raw.remote_target_percent
            && !(0.0..=100.0).contains(&p)
        {
            self.err(
                gfile,
                raw.organisation.pos,
                Code::OutOfRange,
                msg!(ValidateRemoteTarget, p),
            );
        }
        if raw.version.value.trim().is_empty() {
            self.err(
                gfile,
                raw.version.pos,
                Code::Invalid,
                msg!(ValidateEmptyVersion),
            );
        }
        meta
    }

    /// The red flags with their outcomes; their ids go into `rule_first_seen`.
    fn red_flags(
        &mut self,
        gfile: FileId,
        raw: &RawGuidance,
        questions: Vec<Option<QuestionId>>,
        vocab: &Vocabulary,
        rule_first_seen: &mut HashMap<String, (FileId, Position)>,
    ) -> Vec<RedFlag> {
        let mut red_flags = Vec::new();
        for (rf, qid) in raw.red_flags.iter().zip(questions) {
            let outcome = self.outcome(gfile, &rf.outcome, rf.id.pos, vocab, true);
            rule_first_seen.insert(rf.id.value.clone(), (gfile, rf.id.pos));
            if let (Some(question), Some(outcome)) = (qid, outcome) {
                red_flags.push(RedFlag {
                    question,
                    cannot_say_is_yes: rf.cannot_say_is_yes,
                    outcome,
                });
            }
        }
        red_flags
    }
}
