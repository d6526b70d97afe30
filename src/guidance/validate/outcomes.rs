//! Outcomes: the timeframe, contact modes and professional they name exist, and fit together.

use crate::diagnostic::Code;
use crate::guidance::model::{FileId, Outcome, TimeframeKind};
use crate::guidance::raw::RawOutcome;
use crate::guidance::validate::validator::{Validator, sorted_keys};
use crate::guidance::validate::vocabulary::Vocabulary;
use crate::msg;
use crate::source::Position;

impl Validator {
    pub(super) fn outcome(
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
        if let Some((_, kind, days)) = timeframe {
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
            let same_day = days.is_some_and(|(_, max)| max == 0);
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
        let advice = self.text(file, &raw.advice, owner, msg!(TheAdvice));
        let worsening = raw
            .worsening
            .as_ref()
            .map(|w| self.text(file, w, owner, msg!(TheWorseningAdvice)));
        let (timeframe, _, _) = timeframe?;
        ok.then_some(Outcome {
            timeframe,
            modes,
            professional,
            advice,
            worsening,
            outside_care_guarantee: raw.outside_care_guarantee,
        })
    }
}
