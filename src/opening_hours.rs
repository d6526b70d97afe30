//! Services' opening hours, and contact windows (in hours or days) that respect them.
//!
//! A guidance's service (the health station, the on-call unit, the pharmacy, …) has opening hours
//! for weekdays, Saturdays, Sundays and holidays. A day's hours are a list of [`Span`]s: empty
//! means closed, several mean a break (8–12, 13–16). A Finnish holiday in
//! [`crate::calendar::holiday_on`]'s list, Midsummer Eve and Christmas Eve included, uses the
//! holiday hours whatever its weekday.
//!
//! **Time.** Every instant is a [`NaiveDateTime`] in local wall-clock time, passed in by the
//! caller: nothing here reads a clock. There is no time zone and no daylight saving: "within
//! 2 h" is two hours on the wall clock, so on the night the clocks change it is one or three
//! hours of real time. A span covers `[from, to)`: open at `from`, closed at `to`.
//!
//! **Windows.** [`service_window`] turns a timeframe's range and the assessment time `at` into the
//! window the nurse proposes:
//! - *Hours* `(min, max)`: the range is `[at + min h, at + max h]` ([`hour_window`]).
//! - *Days* `(min, max)` with their [`DayCounting`]: the dates come from
//!   [`calendar::date_window`]; the range runs from the start of the earliest date (but never
//!   before `at`) to the end (24:00) of the latest date.
//! - When the service is open somewhere inside the range, `earliest` is its first opening on or
//!   after the range's start and `latest` its last closing on or before the range's end (or the
//!   range's end, when it is still open then). `opens_later` says the window starts at the
//!   service's next opening, later than the range's start: for hours, later than `at + min`; for
//!   days, on a later date (a station opening at 08:00 does not flag "within 1–3 days").
//! - When no opening falls inside the range, the window moves past it (`after_timeframe`, and
//!   [`starts_too_late`] is true): it starts at the service's next opening. An hour window keeps
//!   its length (clipped to the service's last closing within it): "within 2–4 h" at 23:40 for a
//!   station open 8–16 on weekdays gives the next working morning 08:00–10:00. A day window
//!   covers the day of that opening (till its last closing that day).
//! - A service never open in the range nor within [`SEARCH_DAYS`] days after it gives
//!   [`NeverOpen`]. Around-the-clock services never move a window.
//!
//! The guidance decides what a moved window means: the engine either proposes it (the nurse sees
//! when the service next opens) or applies the guidance's out-of-hours outcome instead.
//!
//! Spans are checked by [`OpeningHours::validate`]; the calculations accept any value and read a
//! span with `to <= from` as empty and a `to` past 24:00 as 24:00.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Weekday};
use serde::{Deserialize, Serialize};

use crate::calendar::{self, DayCounting};

/// How far past its start a search for the next opening looks, in days.
pub const SEARCH_DAYS: u32 = 21;

/// Minutes in a day: a span's `to` of 1440 is 24:00, the end of the day.
pub const DAY_MINUTES: u16 = 1440;

const DAY_SECS: u32 = 86_400;

/// An opening of one day, in minutes since midnight: `from` in `0..1440`, `to` in `1..=1440` and
/// after `from`. 08:00–16:00 is `Span { from: 480, to: 960 }`; 1440 is 24:00.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub from: u16,
    pub to: u16,
}

/// Why a span or a day's list of spans is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    #[error("a span must end after it starts; write e.g. 08:00-16:00")]
    Empty,
    #[error("a time of day runs from 00:00 to 24:00")]
    OutOfDay,
    #[error("write a time as HH:MM-HH:MM, e.g. 08:00-16:00")]
    Syntax,
    #[error("the span overlaps span {other} of the same day; join them into one")]
    Overlaps { other: usize },
}

impl Span {
    /// Around the clock: 00:00–24:00.
    pub const ALL_DAY: Span = Span {
        from: 0,
        to: DAY_MINUTES,
    };

    /// A checked span, in minutes since midnight.
    pub fn new(from: u16, to: u16) -> Result<Span, SpanError> {
        if to > DAY_MINUTES {
            Err(SpanError::OutOfDay)
        } else if to <= from {
            Err(SpanError::Empty)
        } else {
            Ok(Span { from, to })
        }
    }

    /// Start and end in seconds since midnight, `to` clamped to 24:00; `None` when empty.
    fn secs(self) -> Option<(u32, u32)> {
        let to = self.to.min(DAY_MINUTES);
        (to > self.from).then(|| (u32::from(self.from) * 60, u32::from(to) * 60))
    }
}

fn parse_minutes(text: &str) -> Result<u16, SpanError> {
    let (h, m) = text.trim().split_once(':').ok_or(SpanError::Syntax)?;
    let digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !(1..=2).contains(&h.len()) || !h.bytes().all(|b| b.is_ascii_digit()) || !digits(m) {
        return Err(SpanError::Syntax);
    }
    let (h, m): (u16, u16) = (
        h.parse().map_err(|_| SpanError::Syntax)?,
        m.parse().map_err(|_| SpanError::Syntax)?,
    );
    if m >= 60 || h * 60 + m > DAY_MINUTES {
        return Err(SpanError::OutOfDay);
    }
    Ok(h * 60 + m)
}

/// `HH:MM-HH:MM` (an en dash works too), `24:00` for the end of the day.
impl FromStr for Span {
    type Err = SpanError;

    fn from_str(text: &str) -> Result<Span, SpanError> {
        let (from, to) = text
            .split_once('-')
            .or_else(|| text.split_once('–'))
            .ok_or(SpanError::Syntax)?;
        Span::new(parse_minutes(from)?, parse_minutes(to)?)
    }
}

/// `08:00–16:00`.
impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hm = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
        write!(f, "{}–{}", hm(self.from), hm(self.to))
    }
}

/// Which of a service's lists of spans a day uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayKind {
    Weekday,
    Saturday,
    Sunday,
    Holiday,
}

impl DayKind {
    /// A holiday (calendar's list) first, whatever its weekday; then the weekday.
    pub fn of(date: NaiveDate) -> DayKind {
        if calendar::holiday_on(date).is_some() {
            return DayKind::Holiday;
        }
        match date.weekday() {
            Weekday::Sat => DayKind::Saturday,
            Weekday::Sun => DayKind::Sunday,
            _ => DayKind::Weekday,
        }
    }
}

/// A service's opening hours. An empty list is a day it is closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningHours {
    /// Monday to Friday, unless a holiday.
    pub weekdays: Vec<Span>,
    pub saturday: Vec<Span>,
    pub sunday: Vec<Span>,
    /// Finnish holidays, Midsummer Eve and Christmas Eve included, whatever their weekday.
    pub holidays: Vec<Span>,
}

/// A span refused by [`OpeningHours::validate`]: which day's list, which span, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{day:?} span {index}: {problem}")]
pub struct HoursError {
    pub day: DayKind,
    pub index: usize,
    pub problem: SpanError,
}

impl OpeningHours {
    /// Open around the clock, every day.
    pub fn always() -> OpeningHours {
        let all = vec![Span::ALL_DAY];
        OpeningHours {
            weekdays: all.clone(),
            saturday: all.clone(),
            sunday: all.clone(),
            holidays: all,
        }
    }

    /// Never open.
    pub fn closed() -> OpeningHours {
        OpeningHours {
            weekdays: Vec::new(),
            saturday: Vec::new(),
            sunday: Vec::new(),
            holidays: Vec::new(),
        }
    }

    /// Open around the clock on every kind of day, however the spans are written.
    pub fn is_always(&self) -> bool {
        self.lists()
            .iter()
            .all(|(_, spans)| extend(spans, 0) == DAY_SECS)
    }

    /// The list of spans of `kind`.
    pub fn spans(&self, kind: DayKind) -> &[Span] {
        match kind {
            DayKind::Weekday => &self.weekdays,
            DayKind::Saturday => &self.saturday,
            DayKind::Sunday => &self.sunday,
            DayKind::Holiday => &self.holidays,
        }
    }

    /// The spans that apply on `date`.
    pub fn spans_on(&self, date: NaiveDate) -> &[Span] {
        self.spans(DayKind::of(date))
    }

    fn lists(&self) -> [(DayKind, &[Span]); 4] {
        [
            (DayKind::Weekday, &self.weekdays),
            (DayKind::Saturday, &self.saturday),
            (DayKind::Sunday, &self.sunday),
            (DayKind::Holiday, &self.holidays),
        ]
    }

    /// Every span within the day and after its start, and no two of a day overlapping.
    pub fn validate(&self) -> Result<(), HoursError> {
        for (day, spans) in self.lists() {
            for (index, span) in spans.iter().enumerate() {
                let error = |problem| HoursError {
                    day,
                    index,
                    problem,
                };
                Span::new(span.from, span.to).map_err(error)?;
                if let Some(other) = spans[..index]
                    .iter()
                    .position(|o| o.from < span.to && span.from < o.to)
                {
                    return Err(error(SpanError::Overlaps { other }));
                }
            }
        }
        Ok(())
    }
}

// ---- Instants ----

fn midnight(date: NaiveDate) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN)
}

/// `secs` seconds after the start of `date` (86 400 is the next midnight), saturating.
fn at_secs(date: NaiveDate, secs: u32) -> NaiveDateTime {
    midnight(date)
        .checked_add_signed(TimeDelta::seconds(i64::from(secs)))
        .unwrap_or(NaiveDateTime::MAX)
}

fn add_or_max(at: NaiveDateTime, delta: Option<TimeDelta>) -> NaiveDateTime {
    delta
        .and_then(|d| at.checked_add_signed(d))
        .unwrap_or(NaiveDateTime::MAX)
}

fn search_limit(from: NaiveDateTime) -> NaiveDateTime {
    add_or_max(from, TimeDelta::try_days(i64::from(SEARCH_DAYS)))
}

/// Whole seconds since midnight. A span's ends are whole minutes, so comparing these with them is
/// exact: `from <= at < to` holds for the instant iff it holds for its whole second.
fn secs_of(at: NaiveDateTime) -> u32 {
    at.time().num_seconds_from_midnight()
}

/// How far the union of `spans` stays open from second `cur` of the day (`cur` itself when
/// closed then); `DAY_SECS` when open till midnight.
fn extend(spans: &[Span], mut cur: u32) -> u32 {
    loop {
        let reach = spans
            .iter()
            .filter_map(|s| s.secs())
            .filter(|&(from, to)| from <= cur && cur < to)
            .map(|(_, to)| to)
            .max();
        match reach {
            Some(to) => cur = to,
            None => return cur,
        }
    }
}

// ---- Opening, next opening, closing ----

/// Whether the service is open at `at`.
pub fn is_open(hours: &OpeningHours, at: NaiveDateTime) -> bool {
    let secs = secs_of(at);
    hours
        .spans_on(at.date())
        .iter()
        .filter_map(|s| s.secs())
        .any(|(from, to)| from <= secs && secs < to)
}

/// The first instant in `[from, limit)` at which the service is open.
fn first_open_in(
    hours: &OpeningHours,
    from: NaiveDateTime,
    limit: NaiveDateTime,
) -> Option<NaiveDateTime> {
    if from >= limit {
        return None;
    }
    let mut date = from.date();
    let mut floor = secs_of(from);
    loop {
        let first = hours
            .spans_on(date)
            .iter()
            .filter_map(|s| s.secs())
            .filter(|&(_, to)| to > floor)
            .map(|(start, _)| start.max(floor))
            .min();
        if let Some(start) = first {
            // Open at the floor itself: on the first day that is `from`, to the nanosecond.
            let instant = if start == floor && date == from.date() {
                from
            } else {
                at_secs(date, start)
            };
            return (instant < limit).then_some(instant);
        }
        date = date.succ_opt()?;
        if midnight(date) >= limit {
            return None;
        }
        floor = 0;
    }
}

/// `at` itself when the service is open then, else its next opening within [`SEARCH_DAYS`] days;
/// `None` for a service not open in that time.
pub fn next_opening(hours: &OpeningHours, at: NaiveDateTime) -> Option<NaiveDateTime> {
    first_open_in(hours, at, search_limit(at))
}

/// When the open stretch around `open_at` closes (following openings that run on past midnight),
/// if it closes by `limit`; `None` when still open at `limit`. `open_at` must be open.
fn stretch_end(
    hours: &OpeningHours,
    open_at: NaiveDateTime,
    limit: NaiveDateTime,
) -> Option<NaiveDateTime> {
    let mut date = open_at.date();
    let mut cur = secs_of(open_at);
    loop {
        cur = extend(hours.spans_on(date), cur);
        if cur < DAY_SECS {
            let end = at_secs(date, cur);
            return (end <= limit).then_some(end);
        }
        date = date.succ_opt()?;
        if midnight(date) > limit {
            return None;
        }
        cur = 0;
    }
}

/// When the service closes, if it is open at `at`: the end of the open stretch, run on past
/// midnight when the next day opens at 00:00. `None` when closed at `at`, and when it stays open
/// for [`SEARCH_DAYS`] days (around the clock).
pub fn closes_at(hours: &OpeningHours, at: NaiveDateTime) -> Option<NaiveDateTime> {
    if !is_open(hours, at) {
        return None;
    }
    stretch_end(hours, at, search_limit(at))
}

/// The end of the last open stretch before `end`, or `end` when still open then; `earliest` must
/// be open and before `end`.
fn last_closing(
    hours: &OpeningHours,
    earliest: NaiveDateTime,
    end: NaiveDateTime,
) -> NaiveDateTime {
    if earliest >= end {
        return earliest;
    }
    // The span starting last before `end` lies in the last open stretch before it, and that
    // stretch reaches back to it without a break (a break would need a later start).
    let mut date = end.date();
    loop {
        let last_start = hours
            .spans_on(date)
            .iter()
            .filter_map(|s| s.secs())
            .map(|(start, _)| at_secs(date, start))
            .filter(|&start| start < end)
            .max();
        if let Some(start) = last_start {
            return stretch_end(hours, start.max(earliest), end).unwrap_or(end);
        }
        match date.pred_opt() {
            Some(previous) if date > earliest.date() => date = previous,
            _ => return earliest,
        }
    }
}

// ---- Windows ----

/// A timeframe's range: days as in [`calendar::date_window`], or wall-clock hours from `at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimeframeRange {
    Days {
        min: u32,
        max: u32,
        counting: DayCounting,
    },
    Hours {
        min: u32,
        max: u32,
    },
}

/// `[at + min h, at + max h]` (swapped when `min > max`), saturating at the calendar's end.
pub fn hour_window(
    at: NaiveDateTime,
    min_hours: u32,
    max_hours: u32,
) -> (NaiveDateTime, NaiveDateTime) {
    let (low, high) = (min_hours.min(max_hours), min_hours.max(max_hours));
    let plus = |h: u32| add_or_max(at, TimeDelta::try_hours(i64::from(h)));
    (plus(low), plus(high))
}

/// The range of a timeframe before opening hours: an [`hour_window`], or for days from the start
/// of [`calendar::date_window`]'s earliest date (never before `at`) to the end of its latest.
pub fn timeframe_window(
    at: NaiveDateTime,
    range: TimeframeRange,
) -> (NaiveDateTime, NaiveDateTime) {
    match range {
        TimeframeRange::Hours { min, max } => hour_window(at, min, max),
        TimeframeRange::Days { min, max, counting } => {
            let dates = calendar::date_window(at.date(), min, max, counting);
            (
                midnight(dates.earliest).max(at),
                at_secs(dates.latest, DAY_SECS),
            )
        }
    }
}

/// The window a proposal shows for a service (see the module header).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceWindow {
    /// When the service can first be contacted: open then, never before `at`.
    pub earliest: NaiveDateTime,
    /// The end of the window: the service's last closing in it, or the range's end. A window
    /// ending at 24:00 ends at 00:00 of the next day ([`ServiceWindow::last_day`]).
    pub latest: NaiveDateTime,
    /// The window starts later than the range, in the range's unit, because the service is closed
    /// then and starts at its next opening: for hours, after the range's start; for days, on a
    /// later date than the range's first (the service is closed for the rest of that day).
    pub opens_later: bool,
    /// No opening falls inside the timeframe's range: the window lies after it.
    pub after_timeframe: bool,
    /// The timeframe's range before opening hours ([`timeframe_window`]).
    pub range_earliest: NaiveDateTime,
    pub range_latest: NaiveDateTime,
}

impl ServiceWindow {
    /// The date the window ends on: 24:00 belongs to the day it ends.
    pub fn last_day(&self) -> NaiveDate {
        let date = self.latest.date();
        if self.latest.time() == NaiveTime::MIN && self.latest > self.earliest {
            date.pred_opt().unwrap_or(date)
        } else {
            date
        }
    }
}

/// No opening in a window's range nor within [`SEARCH_DAYS`] days after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("the service is not open before {searched_until}")]
pub struct NeverOpen {
    /// The end of the search.
    pub searched_until: NaiveDateTime,
}

/// The window for a timeframe's `range` assessed at `at`, respecting the service's `hours`.
pub fn service_window(
    hours: &OpeningHours,
    at: NaiveDateTime,
    range: TimeframeRange,
) -> Result<ServiceWindow, NeverOpen> {
    let (start, end) = timeframe_window(at, range);
    let window = |earliest: NaiveDateTime, latest, after_timeframe| ServiceWindow {
        earliest,
        latest,
        opens_later: match range {
            TimeframeRange::Hours { .. } => earliest > start,
            TimeframeRange::Days { .. } => earliest.date() > start.date(),
        },
        after_timeframe,
        range_earliest: start,
        range_latest: end,
    };
    if hours.is_always() {
        return Ok(window(start, end, false));
    }
    let inside = if start == end {
        is_open(hours, start).then_some(start)
    } else {
        first_open_in(hours, start, end)
    };
    if let Some(earliest) = inside {
        return Ok(window(earliest, last_closing(hours, earliest, end), false));
    }
    let searched_until = search_limit(end);
    let opening = first_open_in(hours, end, searched_until).ok_or(NeverOpen { searched_until })?;
    let moved_end = match range {
        TimeframeRange::Hours { .. } => add_or_max(opening, Some(end - start)),
        TimeframeRange::Days { .. } => at_secs(opening.date(), DAY_SECS),
    };
    Ok(window(
        opening,
        last_closing(hours, opening, moved_end),
        true,
    ))
}

/// Whether the service's window would start later than the timeframe allows: no opening falls
/// inside the range (also when the service is open at `at` but closes before the range starts),
/// or none within the search at all. The engine applies the guidance's out-of-hours outcome
/// instead when the guidance says so.
pub fn starts_too_late(hours: &OpeningHours, at: NaiveDateTime, range: TimeframeRange) -> bool {
    match service_window(hours, at, range) {
        Ok(window) => window.after_timeframe,
        Err(NeverOpen { .. }) => true,
    }
}
