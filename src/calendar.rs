//! Finnish public holidays and the date windows built on them.
//!
//! The care guarantee (hoitotakuu) and the local triage guidance give
//! non-urgent contact times such as "contact within 1–3 days", counted in
//! working days: a patient assessed on a Friday before a long weekend must
//! not be promised a call on a day the reception is closed. This module turns
//! such a rule into concrete dates so the nurse sees the real deadline.
//!
//! Everything here is a pure function of its arguments: no clock is read, so
//! the same assessment always yields the same window and tests need no fake
//! time. The calendar is the proleptic Gregorian one that chrono uses.
//!
//! Holidays follow the Finnish calendar. Two of them, Midsummer Eve
//! (juhannusaatto) and Christmas Eve (jouluaatto), are not statutory holidays
//! but de facto days off by collective agreements, and health-centre
//! receptions are closed on them, so for counting working days they are
//! treated like the rest.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::i18n::Msg;

const HOLIDAYS_PER_YEAR: usize = 15;

/// Easter Sunday (Gregorian, anonymous algorithm).
///
/// Returns `None` only when the date lies outside what chrono can represent.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    // Euclidean division keeps the algorithm meaningful for years <= 0 too,
    // and every intermediate stays far below i32::MAX for any i32 year.
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    let month = u32::try_from(n / 31).ok()?;
    let day = u32::try_from(n % 31 + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

fn offset_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    let magnitude = Days::new(days.unsigned_abs());
    if days < 0 {
        date.checked_sub_days(magnitude)
    } else {
        date.checked_add_days(magnitude)
    }
}

/// The first `weekday` on or after `month`/`day`; Midsummer and All Saints'
/// Day are defined as "the Saturday (or Friday) within this week of dates".
fn first_weekday_from(year: i32, month: u32, day: u32, weekday: Weekday) -> Option<NaiveDate> {
    let start = NaiveDate::from_ymd_opt(year, month, day)?;
    let ahead = (7 + weekday.num_days_from_monday() - start.weekday().num_days_from_monday()) % 7;
    start.checked_add_days(Days::new(u64::from(ahead)))
}

/// The holidays of `year` in a fixed order. May Day precedes Ascension Day so
/// that the stable sort in [`sorted_holidays`] agrees with [`holiday_on`] when
/// the two fall on the same date (as in 2008).
fn holidays_of_year(year: i32) -> [Option<(NaiveDate, Msg)>; HOLIDAYS_PER_YEAR] {
    let fixed = |month, day, name| NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, name));
    let easter = easter_sunday(year);
    let from_easter = |days, name| easter.and_then(|e| offset_days(e, days)).map(|d| (d, name));
    let midsummer_eve = first_weekday_from(year, 6, 19, Weekday::Fri);
    [
        fixed(1, 1, Msg::HolidayNewYearsDay),
        fixed(1, 6, Msg::HolidayEpiphany),
        from_easter(-2, Msg::HolidayGoodFriday),
        from_easter(0, Msg::HolidayEasterSunday),
        from_easter(1, Msg::HolidayEasterMonday),
        fixed(5, 1, Msg::HolidayMayDay),
        from_easter(39, Msg::HolidayAscensionDay),
        from_easter(49, Msg::HolidayPentecost),
        midsummer_eve.map(|d| (d, Msg::HolidayMidsummerEve)),
        midsummer_eve
            .and_then(|d| d.succ_opt())
            .map(|d| (d, Msg::HolidayMidsummerDay)),
        first_weekday_from(year, 10, 31, Weekday::Sat).map(|d| (d, Msg::HolidayAllSaintsDay)),
        fixed(12, 6, Msg::HolidayIndependenceDay),
        fixed(12, 24, Msg::HolidayChristmasEve),
        fixed(12, 25, Msg::HolidayChristmasDay),
        fixed(12, 26, Msg::HolidayBoxingDay),
    ]
}

/// Finnish public holidays and de facto days off (Midsummer Eve, Christmas Eve) of a year, sorted by date.
///
/// Ascension Day can fall on May Day (e.g. 2008); both are then listed, May
/// Day first. Dates chrono cannot represent are left out, so years at the
/// very ends of its range give a shorter (possibly empty) list.
pub fn finnish_holidays(year: i32) -> Vec<(NaiveDate, Msg)> {
    sorted_holidays(year).collect()
}

/// Sorted without allocating, so that the year skipping in
/// [`add_counted_days`] stays cheap.
fn sorted_holidays(year: i32) -> impl Iterator<Item = (NaiveDate, Msg)> {
    let mut holidays = holidays_of_year(year);
    holidays.sort_by_key(|entry| entry.map(|(date, _)| date));
    holidays.into_iter().flatten()
}

/// The holiday on `date`, if any.
///
/// When two holidays share the date (Ascension Day on May Day) the first one
/// listed by [`finnish_holidays`] is returned.
pub fn holiday_on(date: NaiveDate) -> Option<Msg> {
    // Called for every day a window walks over, so only the months that can
    // hold an Easter-based feast pay for computing Easter.
    let weekday = date.weekday();
    match (date.month(), date.day()) {
        (1, 1) => Some(Msg::HolidayNewYearsDay),
        (1, 6) => Some(Msg::HolidayEpiphany),
        (5, 1) => Some(Msg::HolidayMayDay),
        (6, 19..=25) if weekday == Weekday::Fri => Some(Msg::HolidayMidsummerEve),
        (6, 20..=26) if weekday == Weekday::Sat => Some(Msg::HolidayMidsummerDay),
        (10, 31) | (11, 1..=6) if weekday == Weekday::Sat => Some(Msg::HolidayAllSaintsDay),
        (12, 6) => Some(Msg::HolidayIndependenceDay),
        (12, 24) => Some(Msg::HolidayChristmasEve),
        (12, 25) => Some(Msg::HolidayChristmasDay),
        (12, 26) => Some(Msg::HolidayBoxingDay),
        (3..=6, _) => {
            let easter = easter_sunday(date.year())?;
            match date.signed_duration_since(easter).num_days() {
                -2 => Some(Msg::HolidayGoodFriday),
                0 => Some(Msg::HolidayEasterSunday),
                1 => Some(Msg::HolidayEasterMonday),
                39 => Some(Msg::HolidayAscensionDay),
                49 => Some(Msg::HolidayPentecost),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Which kinds of days count when a window is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DayCounting {
    /// `true`: Saturdays and Sundays count as days.
    pub weekends: bool,
    /// `true`: holidays count as days.
    pub holidays: bool,
}

impl DayCounting {
    /// Working days: weekends and holidays are skipped.
    pub const WORKING_DAYS: DayCounting = DayCounting {
        weekends: false,
        holidays: false,
    };
    /// Calendar days: every day counts.
    pub const CALENDAR_DAYS: DayCounting = DayCounting {
        weekends: true,
        holidays: true,
    };
}

/// The first and last acceptable day of a contact window, both inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct DateWindow {
    pub earliest: NaiveDate,
    pub latest: NaiveDate,
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

fn counts(date: NaiveDate, counting: DayCounting) -> bool {
    (counting.weekends || !is_weekend(date)) && (counting.holidays || holiday_on(date).is_none())
}

/// Counted days in the whole of `year`, or `None` if the year is not
/// entirely representable.
fn counted_days_in_year(year: i32, counting: DayCounting) -> Option<u32> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let length = NaiveDate::from_ymd_opt(year, 12, 31)?.ordinal();
    let mut skipped = 0;
    if !counting.weekends {
        let leftover = length % 7;
        let start = first.weekday().num_days_from_monday();
        // Saturday and Sunday are 5 and 6 days from Monday; the leftover
        // days after the full weeks run from `start` onwards.
        let leftover_weekend = (0..leftover).filter(|i| (start + i) % 7 >= 5).count();
        skipped += (length / 7) * 2 + u32::try_from(leftover_weekend).ok()?;
    }
    if !counting.holidays {
        let mut previous: Option<NaiveDate> = None;
        for (date, _) in sorted_holidays(year) {
            // A coinciding pair or a weekend holiday is only one skipped day,
            // and a weekend one is already counted above.
            if previous != Some(date) && (counting.weekends || !is_weekend(date)) {
                skipped += 1;
            }
            previous = Some(date);
        }
    }
    length.checked_sub(skipped)
}

/// Adds `days` counted days (same rule as [`date_window`]).
///
/// Saturates at [`NaiveDate::MAX`] when the calendar runs out first.
pub fn add_counted_days(from: NaiveDate, days: u32, counting: DayCounting) -> NaiveDate {
    if days == 0 {
        return from;
    }
    let Some(calendar_target) = from.checked_add_days(Days::new(u64::from(days))) else {
        // Counted days are a subset of calendar days, so if even the
        // calendar-day target is past the end, the counted one is too.
        return NaiveDate::MAX;
    };
    if counting.weekends && counting.holidays {
        return calendar_target;
    }
    let mut remaining = days;
    let mut current = from;
    loop {
        // Jumping over whole years keeps huge counts (up to the ~190 million
        // days chrono spans) bounded by the number of years instead of days.
        if current.month() == 12
            && current.day() == 31
            && let Some(next_year) = current.year().checked_add(1)
            && let Some(in_next_year) = counted_days_in_year(next_year, counting)
            && remaining > in_next_year
            && let Some(end_of_next_year) = NaiveDate::from_ymd_opt(next_year, 12, 31)
        {
            remaining -= in_next_year;
            current = end_of_next_year;
            continue;
        }
        let Some(next) = current.succ_opt() else {
            return NaiveDate::MAX;
        };
        current = next;
        if counts(current, counting) {
            remaining -= 1;
            if remaining == 0 {
                return current;
            }
        }
    }
}

/// Window from `from` (the assessment date, day 0). Day n (n>=1) is the n-th counted day after `from`;
/// a day is skipped when it is Sat/Sun and !counting.weekends, or a holiday and !counting.holidays.
/// min_days = 0 means `from` itself. If min > max, swap them. Saturates at the calendar's end.
pub fn date_window(
    from: NaiveDate,
    min_days: u32,
    max_days: u32,
    counting: DayCounting,
) -> DateWindow {
    let (low, high) = if min_days <= max_days {
        (min_days, max_days)
    } else {
        (max_days, min_days)
    };
    let earliest = add_counted_days(from, low, counting);
    // Continuing from `earliest` walks the days between `from` and it only once.
    let latest = add_counted_days(earliest, high - low, counting);
    DateWindow { earliest, latest }
}

/// A date as shown to nurses and in records: weekday and `d.m.yyyy`, e.g. "to 26.11.2026".
pub fn format_day(date: NaiveDate, lang: crate::text::Language) -> String {
    let i = date.weekday().num_days_from_monday() as usize;
    const WEEKDAYS: [Msg; 7] = [
        Msg::WeekdayMon,
        Msg::WeekdayTue,
        Msg::WeekdayWed,
        Msg::WeekdayThu,
        Msg::WeekdayFri,
        Msg::WeekdaySat,
        Msg::WeekdaySun,
    ];
    format!(
        "{} {}.{}.{}",
        WEEKDAYS[i].get(lang),
        date.day(),
        date.month(),
        date.year()
    )
}

/// A date without its year, as in a window within days: weekday and `d.m.`, e.g. "ti 24.11.".
pub fn format_short_day(date: NaiveDate, lang: crate::text::Language) -> String {
    let day = format_day(date, lang);
    let year = format!("{}", date.year());
    day.strip_suffix(&year).unwrap_or(&day).to_owned()
}

/// A time of day as written in each language: "8", "14.30" (fi, sv); "8:00", "14:30" (en).
/// `24:00` is the end of a day.
pub fn format_time(hour: u32, minute: u32, lang: crate::text::Language) -> String {
    match lang {
        crate::text::Language::En => format!("{hour}:{minute:02}"),
        _ if minute == 0 => format!("{hour}"),
        _ => format!("{hour}.{minute:02}"),
    }
}
