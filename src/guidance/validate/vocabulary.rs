//! The guidance's vocabulary: timeframes (in order of urgency), contact modes, professionals and
//! other labelled lists, and the ids of them that outcomes may name.

use std::collections::HashMap;

use crate::calendar::DayCounting;
use crate::diagnostic::Code;
use crate::guidance::model::{
    AdviceBlock, ContactMode, FileId, Labelled, ModeId, Professional, ProfessionalId, Service,
    ServiceId, Timeframe, TimeframeId, TimeframeKind,
};
use crate::guidance::raw::{
    RawContactMode, RawProfessional, RawText, RawTimeframe, RawTimeframeKind, Str,
};
use crate::guidance::validate::validator::{IdKind, Validator};
use crate::msg;
use crate::source::Position;
use crate::text::Text;

/// A timeframe as outcomes need it: its id, kind, and whether it ends on the day or within 24
/// hours (a day range ending on day 0, or an hour range of at most 24 hours).
pub(super) type TimeframeEntry = (TimeframeId, TimeframeKind, bool);

/// The longest hour range a timeframe may have; beyond a week, days say it better.
pub const MAX_HOURS: u32 = 168;

pub(super) struct Vocabulary {
    pub timeframes: HashMap<String, TimeframeEntry>,
    pub modes: HashMap<String, ModeId>,
    pub professionals: HashMap<String, ProfessionalId>,
    /// Filled in by [`Vocabulary::with_services`].
    pub services: HashMap<String, ServiceId>,
    /// The advice blocks' texts, by id.
    pub blocks: HashMap<String, Text>,
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
                .map(|(i, t)| {
                    let same_day = t.days.is_some_and(|(_, max)| max == 0)
                        || t.hours.is_some_and(|(_, max)| max <= 24);
                    (t.id.clone(), (TimeframeId(i as u32), t.kind, same_day))
                })
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
            services: HashMap::new(),
            blocks: HashMap::new(),
        }
    }

    /// The services and advice blocks that outcomes may name.
    pub(super) fn with_services(mut self, services: &[Service], blocks: &[AdviceBlock]) -> Self {
        self.services = services
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), ServiceId(i as u32)))
            .collect();
        self.blocks = blocks
            .iter()
            .map(|b| (b.id.clone(), b.text.clone()))
            .collect();
        self
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
            self.timeframe_range(file, t, kind);
            out.push(Timeframe {
                id: t.id.value.clone(),
                label,
                kind,
                days: t.days,
                hours: t.hours,
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
                // By the last hour: day n ends (n + 1) × 24 hours after the day starts.
                TimeframeKind::Scheduled => (
                    2,
                    t.hours
                        .map(|h| h.1)
                        .or(t.days.map(|d| d.1.saturating_add(1).saturating_mul(24)))
                        .unwrap_or(0),
                ),
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

    /// A timeframe's `days` or `hours`: a scheduled timeframe has one of them, others neither.
    fn timeframe_range(&mut self, file: FileId, t: &RawTimeframe, kind: TimeframeKind) {
        let id = &t.id.value;
        let scheduled = kind == TimeframeKind::Scheduled;
        let message = match (t.days, t.hours) {
            (Some(_), Some(_)) => Some((Code::Invalid, msg!(DiagDaysAndHours, id))),
            (None, None) if scheduled => Some((Code::Invalid, msg!(DiagScheduledNeedsRange, id))),
            (None, None) => None,
            (Some(_), None) if !scheduled => {
                Some((Code::Invalid, msg!(ValidateDaysNotScheduled, id)))
            }
            (Some((min, max)), None) if min > max => {
                Some((Code::Invalid, msg!(ValidateDaysOrder, id, min, max)))
            }
            (Some((_, max)), None) if max > 366 => {
                Some((Code::OutOfRange, msg!(ValidateDaysTooMany, id, max)))
            }
            (Some(_), None) => None,
            (None, Some(_)) if !scheduled => Some((Code::Invalid, msg!(DiagHoursNotScheduled, id))),
            (None, Some((min, max))) if min > max => {
                Some((Code::Invalid, msg!(DiagHoursOrder, id, min, max)))
            }
            (None, Some((_, max))) if max > MAX_HOURS => {
                Some((Code::OutOfRange, msg!(DiagHoursTooLong, id, max)))
            }
            (None, Some(_)) => None,
        };
        if let Some((code, m)) = message {
            self.err(file, t.id.pos, code, m);
        }
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
