//! The contact window in words, in each language: "Contact by Thu 26.11.2026 (earliest Tue
//! 24.11.2026)" for days, "Contact by 14:30 today" and "Contact Tue 24.11. 8:00–10:00" for
//! hours, and what a service's opening hours did to the window.

use chrono::{Duration, NaiveDate, NaiveDateTime, Timelike};

use crate::calendar::{format_day, format_short_day, format_time};
use crate::effective::Effective;
use crate::i18n::{Msg, tr};
use crate::msg;
use crate::opening_hours::{ServiceWindow, TimeframeRange};
use crate::text::Language;

/// A day window in words: "Contact by Thu 26.11.2026", or the single day for same-day windows.
pub fn window_text(earliest: NaiveDate, latest: NaiveDate, lang: Language) -> String {
    if earliest == latest {
        format!("{} {}", tr(lang, Msg::ContactOn), format_day(latest, lang))
    } else {
        format!(
            "{} {} ({} {})",
            tr(lang, Msg::ContactBy),
            format_day(latest, lang),
            tr(lang, Msg::Earliest),
            format_day(earliest, lang)
        )
    }
}

/// The day and bare time of an instant ("14.30"); an end at midnight is 24:00 of the day before.
fn day_time(t: NaiveDateTime, end: bool, lang: Language) -> (NaiveDate, String) {
    if end && t.hour() == 0 && t.minute() == 0 {
        return ((t - Duration::days(1)).date(), format_time(24, 0, lang));
    }
    (t.date(), format_time(t.hour(), t.minute(), lang))
}

/// "klo 14.30 tänään" on the assessment day, else "ti 24.11. klo 14.30".
pub fn moment(t: NaiveDateTime, end: bool, at: NaiveDateTime, lang: Language) -> String {
    let (day, time) = day_time(t, end, lang);
    let time = msg!(AtTime, time).render(lang);
    if day == at.date() {
        format!("{time} {}", tr(lang, Msg::Today))
    } else {
        format!("{} {time}", format_short_day(day, lang))
    }
}

/// An hour window: "by 14:30 today" when it starts at `at`, else its start and end ("ti 24.11.
/// klo 8–10").
fn hour_window_text(w: &ServiceWindow, at: NaiveDateTime, lang: Language) -> String {
    if w.earliest <= at {
        return msg!(ContactByTime, moment(w.latest, true, at, lang)).render(lang);
    }
    let (start_day, start) = day_time(w.earliest, false, lang);
    let (end_day, end) = day_time(w.latest, true, lang);
    if end_day != start_day {
        let from = moment(w.earliest, false, at, lang);
        return msg!(ContactBetween, from, moment(w.latest, true, at, lang)).render(lang);
    }
    let day = if start_day == at.date() {
        tr(lang, Msg::Today).to_owned()
    } else {
        format_short_day(start_day, lang)
    };
    let from = format!("{day} {}", msg!(AtTime, start).render(lang));
    msg!(ContactBetween, from, end).render(lang)
}

/// The window of an effective outcome in words. A day window without opening hours reads as it
/// always has; with them, a single day gets its hours, and a window moved by the service's
/// opening hours says when it opens.
pub fn service_window_text(
    w: &ServiceWindow,
    range: TimeframeRange,
    timed: bool,
    at: NaiveDateTime,
    lang: Language,
) -> String {
    let mut text = match range {
        TimeframeRange::Hours { .. } => hour_window_text(w, at, lang),
        TimeframeRange::Days { .. } => {
            let mut text = window_text(w.earliest.date(), w.last_day(), lang);
            if timed && w.earliest.date() == w.last_day() {
                let (_, from) = day_time(w.earliest, false, lang);
                let (_, to) = day_time(w.latest, true, lang);
                let span = msg!(AtTime, format!("{from}–{to}")).render(lang);
                text.push_str(&format!(", {span}"));
            }
            text
        }
    };
    let opening = moment(w.earliest, false, at, lang);
    if w.after_timeframe {
        text.push_str(&format!(
            " ({})",
            msg!(ServiceAfterTimeframe, opening).render(lang)
        ));
    } else if w.opens_later {
        text.push_str(&format!(
            " ({})",
            msg!(ServiceOpensLater, opening).render(lang)
        ));
    }
    text
}

/// "closed now, opens ti 24.11. klo 8" for an outcome without a window whose service is closed.
pub fn service_status(e: &Effective, at: NaiveDateTime, lang: Language) -> Option<String> {
    e.opens
        .map(|t| msg!(ServiceClosedNow, moment(t, false, at, lang)).render(lang))
}
