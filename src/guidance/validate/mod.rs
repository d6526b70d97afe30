//! From the raw files to the typed [`Guidance`]: resolve every id, check every rule of the format,
//! and collect all problems with their positions instead of stopping at the first.
//!
//! In the order validation runs: the settings and `texts` in every language, the `vocabulary`
//! (timeframes, contact modes, professionals), every question (`questions`, with the kinds'
//! `quantities`), where each `red_flags` is asked, the `ask_if` `conditions` (what each may read
//! is its `scope`), the `services` and advice blocks, the red flags' `outcomes`, and the
//! `reasons` with their rules and `allow` entries. `validator` holds what all of them share: the
//! problems found and id checks.

mod allow;
mod conditions;
mod outcomes;
mod quantities;
mod questions;
mod reasons;
mod red_flags;
mod scope;
mod services;
mod texts;
mod validator;
mod vocabulary;

pub use questions::MAX_OPTIONS;

use std::collections::HashMap;

use crate::diagnostic::{Code, Diagnostic};
use crate::guidance::ask_order::plan;
use crate::guidance::model::{FileId, Guidance, Meta, Provenance};
use crate::guidance::raw::{RawGuidance, RawQuestions, RawReason};
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
    /// The shared question pool, `questions/*.ron`.
    pub pools: Vec<(FileId, RawQuestions)>,
    pub reasons: Vec<(FileId, RawReason)>,
}

pub(crate) fn validate(parsed: ParsedFiles) -> Result<Guidance, Vec<Diagnostic>> {
    let ParsedFiles {
        provenance,
        guidance: (gfile, raw),
        pools,
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
        basics,
        red_flags: raw_red_flags,
        risk_factors,
        pool,
        of_reasons,
        ..
    } = v.questions(gfile, &raw, &pools, &raw_reasons);
    let red_flag_scope = v.red_flag_scopes(&raw_red_flags, &raw_reasons);
    v.resolve_ask_if(
        &mut questions,
        &question_index,
        &red_flag_scope,
        pending_ask_if,
    );
    v.ask_if_cycles(&questions);

    let resolver = Resolver {
        questions: &questions,
        index: &question_index,
        red_flag_scope: &red_flag_scope,
    };
    let mut rule_first_seen: HashMap<String, (FileId, Position)> = HashMap::new();
    let red_flags = v.red_flags(&raw_red_flags, &resolver, &vocab, &mut rule_first_seen);
    let names = Names {
        resolver,
        vocab: &vocab,
        shared: questions
            .iter()
            .filter(|q| !matches!(q.part, crate::guidance::model::Part::Reason(_)))
            .map(|q| q.id.as_str())
            .collect(),
    };
    let reasons = v.reasons(&raw_reasons, of_reasons, &names, rule_first_seen);

    if !v.diags.is_empty() {
        return Err(crate::diagnostic::sorted(v.diags));
    }
    let mut guidance = Guidance {
        meta,
        timeframes,
        modes,
        professionals,
        override_reasons,
        basics,
        services,
        advice_blocks,
        red_flags,
        risk_factors,
        pool,
        reasons,
        provenance,
        question_index,
        ask_order: Vec::new(),
        rank: Vec::new(),
        red_flag_at: Vec::new(),
        base_walk: Vec::new(),
        questions,
    };
    plan(&mut guidance);
    Ok(guidance)
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
        match raw.format {
            Some(2) => {}
            None => {
                let message = crate::msg!(FormatMissing);
                self.err(gfile, raw.organisation.pos, Code::Invalid, message);
            }
            Some(other) => {
                let message = crate::msg!(FormatOther, other);
                self.err(gfile, raw.organisation.pos, Code::Invalid, message);
            }
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
}
