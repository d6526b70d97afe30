//! The guidance's vocabulary: timeframes (in order of urgency), contact modes, professionals and
//! other labelled lists, and the ids of them that outcomes may name.

use std::collections::HashMap;

use crate::calendar::DayCounting;
use crate::diagnostic::Code;
use crate::guidance::model::{
    ContactMode, FileId, Labelled, ModeId, Professional, ProfessionalId, Timeframe, TimeframeId,
    TimeframeKind,
};
use crate::guidance::raw::{
    RawContactMode, RawProfessional, RawText, RawTimeframe, RawTimeframeKind, Str,
};
use crate::guidance::validate::validator::{IdKind, Validator};
use crate::msg;
use crate::source::Position;

/// A timeframe as outcomes need it: its id, kind and day range.
pub(super) type TimeframeEntry = (TimeframeId, TimeframeKind, Option<(u32, u32)>);

pub(super) struct Vocabulary {
    pub timeframes: HashMap<String, TimeframeEntry>,
    pub modes: HashMap<String, ModeId>,
    pub professionals: HashMap<String, ProfessionalId>,
}

impl Vocabulary {
    pub(super) fn new(
        timeframes: &[Timeframe],
        modes: &[ContactMode],
        professionals: &[Professional],
    ) -> Self {
        Self {
            timeframes: timeframes
                .iter()
                .enumerate()
                .map(|(i, t)| (t.id.clone(), (TimeframeId(i as u32), t.kind, t.days)))
                .collect(),
            modes: modes
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id.clone(), ModeId(i as u32)))
                .collect(),
            professionals: professionals
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.clone(), ProfessionalId(i as u32)))
                .collect(),
        }
    }
}

impl Validator {
    pub(super) fn contact_modes(
        &mut self,
        file: FileId,
        raw: &[RawContactMode],
    ) -> Vec<ContactMode> {
        self.labelled_list(file, raw, |m| (&m.id, &m.label), IdKind::ContactMode)
            .into_iter()
            .zip(raw)
            .map(|(l, m)| ContactMode {
                id: l.id,
                label: l.label,
                remote: m.remote,
            })
            .collect()
    }

    pub(super) fn professionals(
        &mut self,
        file: FileId,
        raw: &[RawProfessional],
    ) -> Vec<Professional> {
        self.labelled_list(file, raw, |p| (&p.id, &p.label), IdKind::Professional)
            .into_iter()
            .map(|l| Professional {
                id: l.id,
                label: l.label,
            })
            .collect()
    }

    pub(super) fn timeframes(&mut self, file: FileId, raw: &[RawTimeframe]) -> Vec<Timeframe> {
        let mut seen = HashMap::new();
        let mut out = Vec::new();
        for t in raw {
            self.check_id(file, &t.id, IdKind::Timeframe);
            self.unique(&mut seen, file, &t.id, IdKind::Timeframe);
            let label = self.text(
                file,
                &t.label,
                t.id.pos,
                IdKind::Timeframe.label_of(&t.id.value),
            );
            let kind = match t.kind {
                RawTimeframeKind::Emergency => TimeframeKind::Emergency,
                RawTimeframeKind::OnCall => TimeframeKind::OnCall,
                RawTimeframeKind::Scheduled => TimeframeKind::Scheduled,
                RawTimeframeKind::SelfCare => TimeframeKind::SelfCare,
            };
            match (kind, t.days) {
                (TimeframeKind::Scheduled, None) => self.err(
                    file,
                    t.id.pos,
                    Code::Invalid,
                    msg!(ValidateScheduledNeedsDays, t.id.value),
                ),
                (TimeframeKind::Scheduled, Some((min, max))) if min > max => self.err(
                    file,
                    t.id.pos,
                    Code::Invalid,
                    msg!(ValidateDaysOrder, t.id.value, min, max),
                ),
                (TimeframeKind::Scheduled, Some((_, max))) if max > 366 => self.err(
                    file,
                    t.id.pos,
                    Code::OutOfRange,
                    msg!(ValidateDaysTooMany, t.id.value, max),
                ),
                (TimeframeKind::Scheduled, Some(_)) => {}
                (_, Some(_)) => self.err(
                    file,
                    t.id.pos,
                    Code::Invalid,
                    msg!(ValidateDaysNotScheduled, t.id.value),
                ),
                (_, None) => {}
            }
            out.push(Timeframe {
                id: t.id.value.clone(),
                label,
                kind,
                days: t.days,
                counting: DayCounting {
                    weekends: t.count_weekends,
                    holidays: t.count_holidays,
                },
                code: t.code.as_ref().map(|c| c.value.clone()),
            });
        }
        if out.is_empty() {
            self.err(
                file,
                Position { line: 1, col: 1 },
                Code::Invalid,
                msg!(ValidateNoTimeframes),
            );
        }

        // Urgency is the order of the list, so the order must read from most to least urgent:
        // emergency, on-call, scheduled by their last day, self-care.
        let rank = |t: &Timeframe| -> (u8, u32) {
            match t.kind {
                TimeframeKind::Emergency => (0, 0),
                TimeframeKind::OnCall => (1, 0),
                TimeframeKind::Scheduled => (2, t.days.map_or(0, |d| d.1)),
                TimeframeKind::SelfCare => (3, 0),
            }
        };
        for (pair, raw_t) in out.windows(2).zip(raw.iter().skip(1)) {
            if rank(&pair[1]) < rank(&pair[0]) {
                self.err(
                    file,
                    raw_t.id.pos,
                    Code::Invalid,
                    msg!(ValidateTimeframeOrder, pair[1].id, pair[0].id),
                );
            }
        }
        out
    }

    pub(super) fn labelled_list<T>(
        &mut self,
        file: FileId,
        raw: &[T],
        parts: impl Fn(&T) -> (&Str, &RawText),
        what: IdKind,
    ) -> Vec<Labelled> {
        let mut seen = HashMap::new();
        raw.iter()
            .map(|item| {
                let (id, label) = parts(item);
                self.check_id(file, id, what);
                self.unique(&mut seen, file, id, what);
                Labelled {
                    id: id.value.clone(),
                    label: self.text(file, label, id.pos, what.label_of(&id.value)),
                }
            })
            .collect()
    }
}
