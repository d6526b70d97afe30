//! Services and advice blocks of `guidance.ron`: ids, labels and contact texts, opening hours
//! span by span (each `HH:MM-HH:MM`, none overlapping another of its day), and the named advice
//! texts that outcomes join into their own.

use std::collections::HashMap;

use crate::diagnostic::Code;
use crate::guidance::model::{AdviceBlock, FileId, Location, Service};
use crate::guidance::raw::{RawAdviceBlock, RawHours, RawService, Str};
use crate::guidance::validate::validator::{IdKind, Validator};
use crate::msg;
use crate::opening_hours::{OpeningHours, Span, SpanError};

impl Validator {
    pub(super) fn services(&mut self, file: FileId, raw: &[RawService]) -> Vec<Service> {
        let mut seen = HashMap::new();
        let mut out = Vec::new();
        for s in raw {
            self.check_id(file, &s.id, IdKind::Service);
            let unique = self.unique(&mut seen, file, &s.id, IdKind::Service);
            let id = &s.id.value;
            let label = self.text(file, &s.label, s.id.pos, IdKind::Service.label_of(id));
            let contact = self.text(file, &s.contact, s.id.pos, msg!(ContactOfService, id));
            let hours = self.opening_hours(file, &s.id, &s.hours);
            if unique {
                out.push(Service {
                    id: id.clone(),
                    label,
                    contact,
                    hours,
                    location: Location {
                        file,
                        pos: s.id.pos,
                    },
                });
            }
        }
        out
    }

    /// `Always`, or the four lists of spans, each span parsed and checked against the others of
    /// its day; a service open only on holidays (or never) is refused.
    fn opening_hours(&mut self, file: FileId, service: &Str, raw: &RawHours) -> OpeningHours {
        let RawHours::Hours {
            weekdays,
            saturday,
            sunday,
            holidays,
        } = raw
        else {
            return OpeningHours::always();
        };
        let hours = OpeningHours {
            weekdays: self.day_spans(file, service, weekdays),
            saturday: self.day_spans(file, service, saturday),
            sunday: self.day_spans(file, service, sunday),
            holidays: self.day_spans(file, service, holidays),
        };
        // A span refused above is reported already; the service is not called never open then.
        let refused = [weekdays, saturday, sunday, holidays]
            .iter()
            .map(|l| l.len())
            .sum::<usize>()
            > [
                &hours.weekdays,
                &hours.saturday,
                &hours.sunday,
                &hours.holidays,
            ]
            .iter()
            .map(|l| l.len())
            .sum::<usize>();
        let never =
            hours.weekdays.is_empty() && hours.saturday.is_empty() && hours.sunday.is_empty();
        if never && !refused {
            self.err(
                file,
                service.pos,
                Code::Invalid,
                msg!(DiagServiceNeverOpen, service.value),
            );
        }
        hours
    }

    /// One day's spans; a span that does not parse, or overlaps an earlier one, is reported at
    /// its string and left out.
    fn day_spans(&mut self, file: FileId, service: &Str, raw: &[Str]) -> Vec<Span> {
        let mut spans: Vec<(Span, &Str)> = Vec::new();
        for text in raw {
            let id = &service.value;
            let message = match text.value.parse::<Span>() {
                Ok(span) => match spans
                    .iter()
                    .find(|(o, _)| o.from < span.to && span.from < o.to)
                {
                    Some((_, other)) => Some(msg!(DiagSpanOverlaps, id, text.value, other.value)),
                    None => {
                        spans.push((span, text));
                        None
                    }
                },
                Err(SpanError::Empty) => Some(msg!(DiagSpanEmpty, id, text.value)),
                Err(SpanError::OutOfDay) => Some(msg!(DiagSpanOutOfDay, id, text.value)),
                Err(SpanError::Syntax | SpanError::Overlaps { .. }) => {
                    Some(msg!(DiagSpanSyntax, id, text.value))
                }
            };
            if let Some(m) = message {
                let code = if m.msg == crate::i18n::Msg::DiagSpanOutOfDay {
                    Code::OutOfRange
                } else {
                    Code::Invalid
                };
                self.err(file, text.pos, code, m);
            }
        }
        spans.into_iter().map(|(s, _)| s).collect()
    }

    pub(super) fn advice_blocks(
        &mut self,
        file: FileId,
        raw: &[RawAdviceBlock],
    ) -> Vec<AdviceBlock> {
        let mut seen = HashMap::new();
        let mut out = Vec::new();
        for b in raw {
            self.check_id(file, &b.id, IdKind::AdviceBlock);
            let unique = self.unique(&mut seen, file, &b.id, IdKind::AdviceBlock);
            let what = IdKind::AdviceBlock.label_of(&b.id.value);
            let text = self.text(file, &b.text, b.id.pos, what);
            if unique {
                out.push(AdviceBlock {
                    id: b.id.value.clone(),
                    text,
                    location: Location {
                        file,
                        pos: b.id.pos,
                    },
                });
            }
        }
        out
    }
}
