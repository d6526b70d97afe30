//! The proposal at the assessment time: the outcome that applies and its contact window.
//!
//! The engine is pure over the guidance and the call; it never reads a clock. What depends on
//! the time of day happens here, in one pure step over (guidance, outcome, time) that the
//! explanation, the record, the scenarios, the decision, the log and the diff all call:
//!
//! - **The effective outcome.** An outcome with a `service` and a `when_closed` is replaced by its
//!   `when_closed` when the service cannot meet the timeframe's window: no opening falls inside
//!   the range ([`opening_hours::starts_too_late`]), or, for a timeframe without a range (on-call
//!   now, emergency, self-care), the service is closed at the time. Validation keeps
//!   `when_closed` one level deep and at least as urgent, so the effective outcome is never less
//!   urgent than the proposal.
//! - **The window.** For a timeframe with days or hours, [`opening_hours::service_window`] over
//!   the effective outcome's service (a timeframe without a service counts as always open): the
//!   plain range, or, without `when_closed`, a window that starts at the service's next opening
//!   and says so (`opens_later`, `after_timeframe`).
//!
//! The time is local wall-clock time, as in [`crate::opening_hours`].

use chrono::NaiveDateTime;

use crate::disposition::{Disposition, Resolved};
use crate::engine::{Decider, Proposal};
use crate::guidance::{Guidance, Outcome, Service};
use crate::opening_hours::{self, OpeningHours, ServiceWindow};

/// What applies at the assessment time.
#[derive(Debug, Clone, Copy)]
pub struct Effective<'g> {
    /// The outcome that applies: the proposal's own, or its `when_closed`.
    pub outcome: &'g Outcome,
    /// The proposal's own outcome, when its `when_closed` applies instead.
    pub replaced: Option<&'g Outcome>,
    /// The contact window; `None` for a timeframe without days or hours (and for a service that
    /// does not open within [`opening_hours::SEARCH_DAYS`] days, which validation prevents).
    pub window: Option<ServiceWindow>,
    /// For a timeframe without days or hours whose service is closed at the time: its next
    /// opening.
    pub opens: Option<NaiveDateTime>,
}

impl<'g> Effective<'g> {
    /// The effective outcome of `o` at `at`.
    pub fn of(g: &'g Guidance, o: &'g Outcome, at: NaiveDateTime) -> Effective<'g> {
        let (outcome, replaced) = match &o.when_closed {
            Some(alt) if cannot_meet(g, o, at) => (&**alt, Some(o)),
            _ => (o, None),
        };
        let hours = service_hours(g, outcome);
        let range = g.timeframe(outcome.timeframe).range();
        let window = range.and_then(|r| opening_hours::service_window(hours, at, r).ok());
        let opens = match range {
            None if !hours.is_always() && !opening_hours::is_open(hours, at) => {
                opening_hours::next_opening(hours, at)
            }
            _ => None,
        };
        Effective {
            outcome,
            replaced,
            window,
            opens,
        }
    }

    /// The effective outcome of a proposal's winner.
    pub fn of_proposal(g: &'g Guidance, p: &Proposal, at: NaiveDateTime) -> Effective<'g> {
        Effective::of(g, p.outcome(g), at)
    }

    /// The effective outcome of any decider (a reason's own decision, an enumerated case).
    pub fn of_decider(g: &'g Guidance, d: Decider, at: NaiveDateTime) -> Effective<'g> {
        Effective::of(g, d.outcome(g), at)
    }

    pub fn resolved(&self) -> Resolved {
        Resolved::of(self.outcome)
    }

    pub fn disposition(&self, g: &Guidance) -> Disposition {
        Disposition::of(g, self.outcome)
    }

    /// The effective outcome's service.
    pub fn service(&self, g: &'g Guidance) -> Option<&'g Service> {
        self.outcome.service.map(|s| g.service(s))
    }
}

/// Always open for an outcome without a service.
fn service_hours<'g>(g: &'g Guidance, o: &Outcome) -> &'g OpeningHours {
    static ALWAYS: std::sync::OnceLock<OpeningHours> = std::sync::OnceLock::new();
    match o.service {
        Some(s) => &g.service(s).hours,
        None => ALWAYS.get_or_init(OpeningHours::always),
    }
}

/// Whether the outcome's service cannot meet its timeframe at `at`: no opening inside the range,
/// or, without a range, closed at `at`. An outcome without a service always can.
pub fn cannot_meet(g: &Guidance, o: &Outcome, at: NaiveDateTime) -> bool {
    let Some(s) = o.service else {
        return false;
    };
    let hours = &g.service(s).hours;
    match g.timeframe(o.timeframe).range() {
        Some(range) => opening_hours::starts_too_late(hours, at, range),
        None => !opening_hours::is_open(hours, at),
    }
}
