//! The validator's state, and what every part of validation uses: reporting a problem at its
//! place, and checking an id's form and uniqueness.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::diagnostic::{Code, Diagnostic, Message};
use crate::guidance::model::{FileId, Provenance, ReasonId};
use crate::guidance::raw::Str;
use crate::msg;
use crate::source::Position;
use crate::text::Language;

/// What an id names, for the messages about it.
#[derive(Clone, Copy)]
pub(super) enum IdKind {
    Timeframe,
    ContactMode,
    Professional,
    OverrideReason,
    Option,
    Reason,
    Question,
    Rule,
    Service,
    AdviceBlock,
}

impl IdKind {
    /// "question", "rule", …
    pub(super) fn word(self) -> Message {
        match self {
            IdKind::Timeframe => msg!(WordTimeframe),
            IdKind::ContactMode => msg!(WordContactMode),
            IdKind::Professional => msg!(WordProfessional),
            IdKind::OverrideReason => msg!(WordOverrideReason),
            IdKind::Option => msg!(WordOption),
            IdKind::Reason => msg!(WordReason),
            IdKind::Question => msg!(WordQuestion),
            IdKind::Rule => msg!(WordRule),
            IdKind::Service => msg!(WordService),
            IdKind::AdviceBlock => msg!(WordAdviceBlock),
        }
    }

    /// "the label of timeframe `id`", …: what a missing translation is missing from.
    pub(super) fn label_of(self, id: &str) -> Message {
        match self {
            IdKind::Timeframe => msg!(LabelOfTimeframe, id),
            IdKind::ContactMode => msg!(LabelOfContactMode, id),
            IdKind::Professional => msg!(LabelOfProfessional, id),
            IdKind::OverrideReason => msg!(LabelOfOverrideReason, id),
            IdKind::Option => msg!(LabelOfOption, id),
            IdKind::Reason => msg!(LabelOfReason, id),
            IdKind::Question => msg!(TextOfQuestion, id),
            IdKind::Rule => msg!(DescriptionOfRule, id),
            IdKind::Service => msg!(LabelOfService, id),
            IdKind::AdviceBlock => msg!(TextOfAdviceBlock, id),
        }
    }
}

/// Where a condition stands, which decides the questions it may name (see `scope`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// A basic's `ask_if`: basics.
    Basics,
    /// A risk factor's or a red flag's `ask_if`: basics and risk factors.
    Shared,
    /// A pool question's `ask_if`: basics, risk factors and the pool.
    Pool,
    /// A reason's rules and questions.
    Reason(ReasonId),
}

/// The problems found so far, and what reporting them needs.
pub(super) struct Validator {
    pub paths: Vec<PathBuf>,
    /// The guidance's languages, once read: every text needs each of them.
    pub langs: Vec<Language>,
    pub diags: Vec<Diagnostic>,
}

impl Validator {
    pub(super) fn new(provenance: &Provenance) -> Validator {
        Validator {
            paths: (0..provenance.files.len())
                .map(|i| provenance.path(FileId(i as u32)))
                .collect(),
            langs: Vec::new(),
            diags: Vec::new(),
        }
    }

    pub(super) fn err(&mut self, file: FileId, pos: Position, code: Code, message: Message) {
        let path = self.paths.get(file.index()).cloned().unwrap_or_default();
        self.diags.push(Diagnostic::new(path, pos, code, message));
    }

    pub(super) fn place(&self, file: FileId, pos: Position) -> String {
        let path = self.paths.get(file.index()).cloned().unwrap_or_default();
        format!("{}:{pos}", path.display())
    }

    /// Ids are what scenarios, logs and diffs key on, so they are kept plain and stable.
    pub(super) fn check_id(&mut self, file: FileId, id: &Str, what: IdKind) {
        let ok = !id.value.is_empty()
            && id.value.len() <= 64
            && id.value.starts_with(|c: char| c.is_ascii_lowercase())
            && id
                .value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !ok {
            self.err(
                file,
                id.pos,
                Code::InvalidId,
                msg!(ValidateInvalidId, what.word(), id.value),
            );
        }
    }

    pub(super) fn unique(
        &mut self,
        seen: &mut HashMap<String, (FileId, Position)>,
        file: FileId,
        id: &Str,
        what: IdKind,
    ) -> bool {
        if let Some((ffile, fpos)) = seen.get(&id.value).copied() {
            let first = self.place(ffile, fpos);
            self.err(
                file,
                id.pos,
                Code::DuplicateId,
                msg!(ValidateDuplicateId, what.word(), id.value, first),
            );
            false
        } else {
            seen.insert(id.value.clone(), (file, id.pos));
            true
        }
    }
}

/// The keys of a map, sorted and joined, for "known: …" in messages.
pub(super) fn sorted_keys<V>(map: &HashMap<String, V>) -> String {
    let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys.join(", ")
}
