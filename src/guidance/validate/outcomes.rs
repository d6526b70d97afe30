//! Outcomes: the timeframe, contact modes, professional and service they name exist and fit
//! together; their advice with its blocks resolved; their out-of-hours outcome (`when_closed`).

use crate::diagnostic::{Code, Message};
use crate::guidance::model::{FileId, Outcome, ServiceId, TimeframeKind};
use crate::guidance::raw::{RawAdvice, RawAdviceItem, RawOutcome};
use crate::guidance::validate::validator::{Validator, sorted_keys};
use crate::guidance::validate::vocabulary::Vocabulary;
use crate::msg;
use crate::source::Position;
use crate::text::{Language, Text};

impl Validator {
    /// A red flag's or rule's outcome, with its `when_closed` (one level, at least as urgent).
    pub(super) fn outcome(
        &mut self,
        file: FileId,
        raw: &RawOutcome,
        owner: Position,
        vocab: &Vocabulary,
        red_flag: bool,
    ) -> Option<Outcome> {
        let mut outcome = self.outcome_fields(file, raw, owner, vocab, red_flag);
        let when_closed = raw.when_closed.as_deref().and_then(|alt| {
            let fields = self.outcome_fields(file, alt, owner, vocab, red_flag);
            if alt.when_closed.is_some() {
                self.err(
                    file,
                    alt.timeframe.pos,
                    Code::Invalid,
                    msg!(DiagWhenClosedNested),
                );
                return None;
            }
            fields.map(|o| (alt, o))
        });
        if raw.when_closed.is_some() && raw.service.is_none() {
            self.err(
                file,
                raw.timeframe.pos,
                Code::Invalid,
                msg!(DiagWhenClosedNoService),
            );
            outcome = None;
        }
        match (outcome, when_closed) {
            (Some(mut o), Some((alt_raw, alt))) => {
                if alt.timeframe > o.timeframe {
                    let (t_alt, t) = (&alt_raw.timeframe.value, &raw.timeframe.value);
                    self.err(
                        file,
                        alt_raw.timeframe.pos,
                        Code::Invalid,
                        msg!(DiagWhenClosedLessUrgent, t_alt, t),
                    );
                    return None;
                }
                o.when_closed = Some(Box::new(alt));
                Some(o)
            }
            (Some(_), None) if raw.when_closed.is_some() => None,
            (o, _) => o,
        }
    }

    /// Everything of an outcome but its `when_closed`.
    fn outcome_fields(
        &mut self,
        file: FileId,
        raw: &RawOutcome,
        owner: Position,
        vocab: &Vocabulary,
        red_flag: bool,
    ) -> Option<Outcome> {
        let mut ok = true;
        let timeframe = vocab.timeframes.get(&raw.timeframe.value).copied();
        if timeframe.is_none() {
            let known = sorted_keys(&vocab.timeframes);
            self.err(
                file,
                raw.timeframe.pos,
                Code::UnknownId,
                msg!(UnknownTimeframe, raw.timeframe.value, known),
            );
            ok = false;
        }
        let mut modes = Vec::new();
        for m in &raw.modes {
            match vocab.modes.get(&m.value) {
                Some(id) => modes.push(*id),
                None => {
                    let known = sorted_keys(&vocab.modes);
                    self.err(
                        file,
                        m.pos,
                        Code::UnknownId,
                        msg!(UnknownContactMode, m.value, known),
                    );
                    ok = false;
                }
            }
        }
        let professional = match &raw.professional {
            Some(p) => match vocab.professionals.get(&p.value) {
                Some(id) => Some(*id),
                None => {
                    let known = sorted_keys(&vocab.professionals);
                    self.err(
                        file,
                        p.pos,
                        Code::UnknownId,
                        msg!(UnknownProfessional, p.value, known),
                    );
                    ok = false;
                    None
                }
            },
            None => None,
        };
        let service = self.service_of(file, raw, vocab, &mut ok);
        if let Some((_, kind, same_day)) = timeframe {
            if kind == TimeframeKind::Scheduled
                && (raw.modes.is_empty() || raw.professional.is_none())
            {
                self.err(
                    file,
                    raw.timeframe.pos,
                    Code::Invalid,
                    msg!(
                        ValidateScheduledNeedsModeAndProfessional,
                        raw.timeframe.value
                    ),
                );
                ok = false;
            }
            if red_flag && !kind.leaves_flow() && !same_day {
                self.err(
                    file,
                    raw.timeframe.pos,
                    Code::Invalid,
                    msg!(ValidateRedFlagNotUrgent, raw.timeframe.value),
                );
                ok = false;
            }
        }
        if red_flag && raw.nurse_judgement {
            let m = msg!(DiagNurseJudgementRedFlag);
            self.err(file, raw.timeframe.pos, Code::Invalid, m);
            ok = false;
        }
        let advice = self.advice(file, &raw.advice, owner, vocab, msg!(TheAdvice), &mut ok);
        let worsening = raw
            .worsening
            .as_ref()
            .map(|w| self.advice(file, w, owner, vocab, msg!(TheWorseningAdvice), &mut ok));
        let (timeframe, _, _) = timeframe?;
        ok.then_some(Outcome {
            timeframe,
            modes,
            professional,
            advice,
            worsening,
            outside_care_guarantee: raw.outside_care_guarantee,
            service,
            when_closed: None,
            nurse_judgement: raw.nurse_judgement,
        })
    }

    fn service_of(
        &mut self,
        file: FileId,
        raw: &RawOutcome,
        vocab: &Vocabulary,
        ok: &mut bool,
    ) -> Option<ServiceId> {
        let s = raw.service.as_ref()?;
        let id = vocab.services.get(&s.value).copied();
        if id.is_none() {
            let known = sorted_keys(&vocab.services);
            let m = msg!(DiagUnknownService, s.value, known);
            self.err(file, s.pos, Code::UnknownId, m);
            *ok = false;
        }
        id
    }

    /// An advice text, or its list of texts and blocks joined with a space in every language.
    fn advice(
        &mut self,
        file: FileId,
        raw: &RawAdvice,
        owner: Position,
        vocab: &Vocabulary,
        what: Message,
        ok: &mut bool,
    ) -> Text {
        let items = match raw {
            RawAdvice::Text(t) => return self.text(file, t, owner, what),
            RawAdvice::List(items) => items,
        };
        if items.is_empty() {
            self.err(
                file,
                owner,
                Code::Invalid,
                msg!(DiagEmptyAdvice, what.clone()),
            );
            *ok = false;
        }
        let mut parts = Vec::new();
        for item in items {
            match item {
                RawAdviceItem::Text(t) => parts.push(self.text(file, t, owner, what.clone())),
                RawAdviceItem::Named(n) => {
                    parts.push(self.text(file, &n.text, owner, what.clone()));
                }
                RawAdviceItem::Block(b) => match vocab.blocks.get(&b.id.value) {
                    Some(text) => parts.push(text.clone()),
                    None => {
                        let known = sorted_keys(&vocab.blocks);
                        let m = msg!(DiagUnknownBlock, b.id.value, known);
                        self.err(file, b.id.pos, Code::UnknownId, m);
                        *ok = false;
                    }
                },
            }
        }
        let join = |lang: Language| {
            let texts: Vec<&str> = parts.iter().map(|t| t.get(lang)).collect();
            texts.join(" ")
        };
        Text::from_fn(join)
    }
}
