//! Opening hours and the windows that respect them: weekdays, weekends and holidays, long
//! weekends, breaks, midnight, never open, around the clock, hour windows; plus properties.

use arvio::calendar::DayCounting;
use arvio::opening_hours::*;
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use proptest::prelude::*;

fn at(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year, month, day)
        .and_then(|d| d.and_hms_opt(hour, minute, 0))
        .expect("valid test time")
}

fn spans(text: &[&str]) -> Vec<Span> {
    text.iter()
        .map(|s| s.parse().expect("valid span"))
        .collect()
}

/// A health station: weekdays 8–16, closed on weekends and holidays.
fn station() -> OpeningHours {
    OpeningHours {
        weekdays: spans(&["08:00-16:00"]),
        ..OpeningHours::closed()
    }
}

/// A pharmacy: weekdays 9–20, Saturdays 9–16, Sundays 12–16, closed on holidays.
fn pharmacy() -> OpeningHours {
    OpeningHours {
        weekdays: spans(&["09:00-20:00"]),
        saturday: spans(&["09:00-16:00"]),
        sunday: spans(&["12:00-16:00"]),
        holidays: Vec::new(),
    }
}

fn hours(min: u32, max: u32) -> TimeframeRange {
    TimeframeRange::Hours { min, max }
}

fn working_days(min: u32, max: u32) -> TimeframeRange {
    TimeframeRange::Days {
        min,
        max,
        counting: DayCounting::WORKING_DAYS,
    }
}

fn window(h: &OpeningHours, when: NaiveDateTime, range: TimeframeRange) -> ServiceWindow {
    service_window(h, when, range).expect("open within the search")
}

// ---- Spans ----

#[test]
fn spans_parse_display_and_check() {
    assert_eq!("08:00-16:00".parse(), Ok(Span { from: 480, to: 960 }));
    assert_eq!(
        "8:00–24:00".parse(),
        Ok(Span {
            from: 480,
            to: 1440
        })
    );
    assert_eq!(Span { from: 0, to: 1440 }.to_string(), "00:00–24:00");
    assert_eq!("16:00-08:00".parse::<Span>(), Err(SpanError::Empty));
    assert_eq!("08:00-08:00".parse::<Span>(), Err(SpanError::Empty));
    assert_eq!("08:00-24:01".parse::<Span>(), Err(SpanError::OutOfDay));
    assert_eq!("08:60-09:00".parse::<Span>(), Err(SpanError::OutOfDay));
    assert_eq!("0800-1600".parse::<Span>(), Err(SpanError::Syntax));
    assert_eq!("8:0-16:00".parse::<Span>(), Err(SpanError::Syntax));
    assert_eq!(Span::new(0, 1441), Err(SpanError::OutOfDay));
    assert_eq!(Span::new(1440, 1440), Err(SpanError::Empty));
}

#[test]
fn validate_names_the_day_and_span() {
    assert_eq!(station().validate(), Ok(()));
    assert_eq!(OpeningHours::always().validate(), Ok(()));
    let overlapping = OpeningHours {
        saturday: spans(&["08:00-12:00", "11:00-16:00"]),
        ..OpeningHours::closed()
    };
    assert_eq!(
        overlapping.validate(),
        Err(HoursError {
            day: DayKind::Saturday,
            index: 1,
            problem: SpanError::Overlaps { other: 0 },
        })
    );
    let touching = OpeningHours {
        saturday: spans(&["08:00-12:00", "12:00-16:00"]),
        ..OpeningHours::closed()
    };
    assert_eq!(touching.validate(), Ok(()));
    let backwards = OpeningHours {
        holidays: vec![Span { from: 600, to: 540 }],
        ..OpeningHours::closed()
    };
    assert_eq!(
        backwards.validate().map_err(|e| (e.day, e.problem)),
        Err((DayKind::Holiday, SpanError::Empty))
    );
}

#[test]
fn opening_hours_round_trip_through_serde() {
    let text = ron::to_string(&pharmacy()).expect("serialises");
    let back: OpeningHours = ron::from_str(&text).expect("deserialises");
    assert_eq!(back, pharmacy());
}

// ---- Weekdays, weekends, holidays ----

#[test]
fn weekday_hours_are_half_open() {
    let h = station();
    // Tuesday 10.11.2026.
    assert!(!is_open(&h, at(2026, 11, 10, 7, 59)));
    assert!(is_open(&h, at(2026, 11, 10, 8, 0)));
    assert!(is_open(&h, at(2026, 11, 10, 15, 59)));
    assert!(!is_open(&h, at(2026, 11, 10, 16, 0)));
    let just_before_close = at(2026, 11, 10, 15, 59) + TimeDelta::milliseconds(59_999);
    assert!(is_open(&h, just_before_close));
    assert_eq!(
        closes_at(&h, at(2026, 11, 10, 9, 30)),
        Some(at(2026, 11, 10, 16, 0))
    );
    assert_eq!(closes_at(&h, at(2026, 11, 10, 16, 0)), None);
}

#[test]
fn weekend_and_holiday_lists_apply() {
    let p = pharmacy();
    // Saturday 14.11.2026 and Sunday 15.11.2026.
    assert!(is_open(&p, at(2026, 11, 14, 15, 0)));
    assert!(!is_open(&p, at(2026, 11, 14, 17, 0)));
    assert!(!is_open(&p, at(2026, 11, 15, 11, 0)));
    assert!(is_open(&p, at(2026, 11, 15, 12, 0)));
    // Midsummer Day, Saturday 20.6.2026, is a holiday: the Saturday hours do not apply.
    assert_eq!(DayKind::of(at(2026, 6, 20, 0, 0).date()), DayKind::Holiday);
    assert!(!is_open(&p, at(2026, 6, 20, 10, 0)));
    // Midsummer Eve (Friday 19.6.2026) and Christmas Eve are holidays too, whatever the weekday.
    assert!(!is_open(&p, at(2026, 6, 19, 10, 0)));
    assert!(!is_open(&p, at(2026, 12, 24, 10, 0)));
    assert_eq!(
        next_opening(&p, at(2026, 6, 19, 10, 0)),
        Some(at(2026, 6, 21, 12, 0))
    );
}

#[test]
fn holiday_hours_apply_on_a_weekday_and_on_a_sunday() {
    let h = OpeningHours {
        holidays: spans(&["10:00-14:00"]),
        ..station()
    };
    // Ascension Day, Thursday 14.5.2026.
    assert!(!is_open(&h, at(2026, 5, 14, 9, 0)));
    assert!(is_open(&h, at(2026, 5, 14, 13, 0)));
    assert_eq!(
        closes_at(&h, at(2026, 5, 14, 13, 0)),
        Some(at(2026, 5, 14, 14, 0))
    );
    // Independence Day on a Sunday (6.12.2026) uses the holiday hours, not Sunday's (closed).
    assert!(is_open(&h, at(2026, 12, 6, 11, 0)));
}

// ---- Long weekends at 23:40 ----

#[test]
fn friday_night_before_long_weekends() {
    let h = station();
    // Good Friday 3.4.2026, Easter Monday 6.4: next opening Tuesday.
    assert_eq!(
        next_opening(&h, at(2026, 4, 3, 23, 40)),
        Some(at(2026, 4, 7, 8, 0))
    );
    // Thursday before Midsummer (Eve 19.6.2026): next opening Monday 22.6.
    assert_eq!(
        next_opening(&h, at(2026, 6, 18, 23, 40)),
        Some(at(2026, 6, 22, 8, 0))
    );
    // Christmas Eve on a Friday (24.12.2027): the weekend follows, Monday 27.12 is open.
    assert_eq!(
        next_opening(&h, at(2027, 12, 24, 23, 40)),
        Some(at(2027, 12, 27, 8, 0))
    );
    // Wednesday 23.12.2026: Christmas Eve, Christmas Day, Boxing Day, Sunday: Monday 28.12.
    assert_eq!(
        next_opening(&h, at(2026, 12, 23, 23, 40)),
        Some(at(2026, 12, 28, 8, 0))
    );
}

#[test]
fn within_hours_at_2340_moves_to_the_next_working_morning() {
    let h = station();
    // Friday 20.11.2026 23:40, within 2–4 h: the station opens on Monday.
    let w = window(&h, at(2026, 11, 20, 23, 40), hours(2, 4));
    assert_eq!(w.earliest, at(2026, 11, 23, 8, 0));
    assert_eq!(w.latest, at(2026, 11, 23, 10, 0));
    assert!(w.opens_later);
    assert!(w.after_timeframe);
    assert_eq!(
        (w.range_earliest, w.range_latest),
        (at(2026, 11, 21, 1, 40), at(2026, 11, 21, 3, 40))
    );
    assert!(starts_too_late(&h, at(2026, 11, 20, 23, 40), hours(2, 4)));
    // Good Friday 23:40: Tuesday after Easter.
    let easter = window(&h, at(2026, 4, 3, 23, 40), hours(2, 4));
    assert_eq!(easter.earliest, at(2026, 4, 7, 8, 0));
}

#[test]
fn same_day_at_2340_before_midsummer_moves_to_monday() {
    let h = station();
    let w = window(&h, at(2026, 6, 18, 23, 40), working_days(0, 0));
    assert_eq!(w.range_earliest, at(2026, 6, 18, 23, 40));
    assert_eq!(w.range_latest, at(2026, 6, 19, 0, 0));
    assert_eq!(w.earliest, at(2026, 6, 22, 8, 0));
    assert_eq!(w.latest, at(2026, 6, 22, 16, 0));
    assert!(w.opens_later && w.after_timeframe);
    assert!(starts_too_late(
        &h,
        at(2026, 6, 18, 23, 40),
        working_days(0, 0)
    ));
}

// ---- Hour and day windows inside opening hours ----

#[test]
fn hour_windows_inside_the_opening_are_unchanged_or_clipped() {
    let h = station();
    // Tuesday 10.11.2026.
    let w = window(&h, at(2026, 11, 10, 10, 0), hours(2, 4));
    assert_eq!(
        (w.earliest, w.latest),
        (at(2026, 11, 10, 12, 0), at(2026, 11, 10, 14, 0))
    );
    assert!(!w.opens_later && !w.after_timeframe);
    // Within 1 h at 15:30: till closing at 16:00.
    let w = window(&h, at(2026, 11, 10, 15, 30), hours(0, 1));
    assert_eq!(
        (w.earliest, w.latest),
        (at(2026, 11, 10, 15, 30), at(2026, 11, 10, 16, 0))
    );
    // Within 2–4 h at 07:00: open at 09:00 already, so nothing moves.
    let w = window(&h, at(2026, 11, 10, 7, 0), hours(2, 4));
    assert_eq!(w.earliest, at(2026, 11, 10, 9, 0));
    assert!(!w.opens_later);
    // Within 24 h at 06:00: from the opening at 08:00 to the closing at 16:00.
    let w = window(&h, at(2026, 11, 10, 6, 0), hours(0, 24));
    assert_eq!(
        (w.earliest, w.latest),
        (at(2026, 11, 10, 8, 0), at(2026, 11, 10, 16, 0))
    );
    assert!(w.opens_later && !w.after_timeframe);
    assert!(!starts_too_late(&h, at(2026, 11, 10, 6, 0), hours(0, 24)));
}

#[test]
fn open_now_but_closed_for_the_whole_range_starts_too_late() {
    let h = station();
    let now = at(2026, 11, 10, 15, 0);
    assert!(is_open(&h, now));
    let w = window(&h, now, hours(2, 4));
    assert_eq!(
        (w.earliest, w.latest),
        (at(2026, 11, 11, 8, 0), at(2026, 11, 11, 10, 0))
    );
    assert!(w.after_timeframe);
    assert!(starts_too_late(&h, now, hours(2, 4)));
}

#[test]
fn day_windows_take_their_times_from_the_openings() {
    let h = station();
    // Tuesday 10.11.2026, 1–3 working days: Wednesday 08:00 to Friday 16:00.
    let w = window(&h, at(2026, 11, 10, 10, 0), working_days(1, 3));
    assert_eq!(
        (w.earliest, w.latest),
        (at(2026, 11, 11, 8, 0), at(2026, 11, 13, 16, 0))
    );
    assert!(!w.opens_later && !w.after_timeframe);
    assert_eq!(w.last_day(), at(2026, 11, 13, 0, 0).date());
    // Same day at 06:00: today 08:00–16:00, not flagged.
    let w = window(&h, at(2026, 11, 10, 6, 0), working_days(0, 0));
    assert_eq!(
        (w.earliest, w.latest),
        (at(2026, 11, 10, 8, 0), at(2026, 11, 10, 16, 0))
    );
    assert!(!w.opens_later);
    // A pharmacy on Saturday 20:00, within 0–2 calendar days: Sunday noon to Monday 20:00.
    let calendar = TimeframeRange::Days {
        min: 0,
        max: 2,
        counting: DayCounting::CALENDAR_DAYS,
    };
    let w = window(&pharmacy(), at(2026, 11, 14, 20, 0), calendar);
    assert_eq!(
        (w.earliest, w.latest),
        (at(2026, 11, 15, 12, 0), at(2026, 11, 16, 20, 0))
    );
    assert!(w.opens_later && !w.after_timeframe);
}

// ---- Several spans a day ----

#[test]
fn a_break_at_lunch() {
    let h = OpeningHours {
        weekdays: spans(&["13:00-16:00", "08:00-12:00"]),
        ..OpeningHours::closed()
    };
    let tuesday = |hour, minute| at(2026, 11, 10, hour, minute);
    assert!(is_open(&h, tuesday(11, 59)));
    assert!(!is_open(&h, tuesday(12, 30)));
    assert_eq!(next_opening(&h, tuesday(12, 30)), Some(tuesday(13, 0)));
    assert_eq!(next_opening(&h, tuesday(7, 0)), Some(tuesday(8, 0)));
    assert_eq!(closes_at(&h, tuesday(9, 0)), Some(tuesday(12, 0)));
    assert_eq!(closes_at(&h, tuesday(13, 0)), Some(tuesday(16, 0)));
    // Within 0–2 h at 11:00: from 11:00, ending at the lunch closing.
    let w = window(&h, tuesday(11, 0), hours(0, 2));
    assert_eq!((w.earliest, w.latest), (tuesday(11, 0), tuesday(12, 0)));
    // Within 0–4 h at 11:00: open again after lunch, so the window runs to 15:00.
    let w = window(&h, tuesday(11, 0), hours(0, 4));
    assert_eq!((w.earliest, w.latest), (tuesday(11, 0), tuesday(15, 0)));
    // Within 1 h at 11:50: ten minutes till the break.
    let w = window(&h, tuesday(11, 50), hours(0, 1));
    assert_eq!((w.earliest, w.latest), (tuesday(11, 50), tuesday(12, 0)));
    // A range inside the break moves to 13:00.
    let w = window(&h, tuesday(12, 5), hours(0, 0));
    assert_eq!((w.earliest, w.latest), (tuesday(13, 0), tuesday(13, 0)));
    assert!(w.after_timeframe);
}

// ---- Midnight ----

#[test]
fn midnight_edges() {
    // Evenings till 24:00 on weekdays, and a night service 00:00–08:00 on Saturdays.
    let h = OpeningHours {
        weekdays: spans(&["16:00-24:00"]),
        saturday: spans(&["00:00-08:00"]),
        ..OpeningHours::closed()
    };
    // Thursday 12.11.2026 closes at 24:00, Friday's evening opens at 16:00.
    assert!(is_open(&h, at(2026, 11, 12, 23, 59)));
    assert!(!is_open(&h, at(2026, 11, 13, 0, 0)));
    assert_eq!(
        closes_at(&h, at(2026, 11, 12, 20, 0)),
        Some(at(2026, 11, 13, 0, 0))
    );
    assert_eq!(
        next_opening(&h, at(2026, 11, 13, 0, 0)),
        Some(at(2026, 11, 13, 16, 0))
    );
    // Friday evening runs on into Saturday's night: one stretch closing Saturday 08:00.
    assert_eq!(
        closes_at(&h, at(2026, 11, 13, 23, 0)),
        Some(at(2026, 11, 14, 8, 0))
    );
    assert!(is_open(&h, at(2026, 11, 14, 0, 0)));
    // A window ending at 24:00 belongs to the day it ends.
    let w = window(&h, at(2026, 11, 12, 20, 0), working_days(0, 0));
    assert_eq!(w.latest, at(2026, 11, 13, 0, 0));
    assert_eq!(w.last_day(), at(2026, 11, 12, 0, 0).date());
    // At 00:00 exactly a 00:00 opening is open at once.
    assert_eq!(
        next_opening(&h, at(2026, 11, 14, 0, 0)),
        Some(at(2026, 11, 14, 0, 0))
    );
}

#[test]
fn hour_windows_cross_midnight_on_the_wall_clock() {
    let evening = at(2026, 11, 10, 23, 40);
    assert_eq!(
        hour_window(evening, 2, 4),
        (at(2026, 11, 11, 1, 40), at(2026, 11, 11, 3, 40))
    );
    assert_eq!(hour_window(evening, 4, 2), hour_window(evening, 2, 4));
    assert_eq!(hour_window(evening, 0, 0), (evening, evening));
    // New Year's Eve into the next year.
    assert_eq!(
        hour_window(at(2026, 12, 31, 23, 0), 1, 24),
        (at(2027, 1, 1, 0, 0), at(2027, 1, 1, 23, 0))
    );
    // Local wall-clock time: the spring-forward night (29.3.2026 in Finland) is not special.
    assert_eq!(
        hour_window(at(2026, 3, 29, 2, 30), 1, 2),
        (at(2026, 3, 29, 3, 30), at(2026, 3, 29, 4, 30))
    );
    // Saturates at the calendar's end.
    assert_eq!(
        hour_window(NaiveDateTime::MAX, 1, 2),
        (NaiveDateTime::MAX, NaiveDateTime::MAX)
    );
}

// ---- Never open, around the clock ----

#[test]
fn a_service_never_open() {
    let h = OpeningHours::closed();
    let now = at(2026, 11, 10, 10, 0);
    assert!(!h.is_always());
    assert!(!is_open(&h, now));
    assert_eq!(next_opening(&h, now), None);
    assert_eq!(closes_at(&h, now), None);
    let never = service_window(&h, now, hours(2, 4));
    assert_eq!(
        never,
        Err(NeverOpen {
            searched_until: at(2026, 12, 1, 14, 0)
        })
    );
    assert!(starts_too_late(&h, now, working_days(1, 3)));
    // Open on holidays only: none within 21 days of 7 January (next: Good Friday).
    let holidays_only = OpeningHours {
        holidays: spans(&["10:00-14:00"]),
        ..OpeningHours::closed()
    };
    assert_eq!(next_opening(&holidays_only, at(2026, 1, 7, 10, 0)), None);
    assert_eq!(
        next_opening(&holidays_only, at(2026, 3, 20, 10, 0)),
        Some(at(2026, 4, 3, 10, 0))
    );
}

#[test]
fn around_the_clock_never_moves_a_window() {
    let h = OpeningHours::always();
    assert!(h.is_always());
    let split = OpeningHours {
        weekdays: spans(&["12:00-24:00", "00:00-12:00"]),
        ..OpeningHours::always()
    };
    assert!(split.is_always());
    assert!(!station().is_always());
    let night = at(2026, 6, 18, 23, 40);
    assert!(is_open(&h, night));
    assert_eq!(next_opening(&h, night), Some(night));
    assert_eq!(closes_at(&h, night), None);
    let w = window(&h, night, hours(2, 4));
    assert_eq!((w.earliest, w.latest), hour_window(night, 2, 4));
    assert!(!w.opens_later && !w.after_timeframe);
    let w = window(&h, night, working_days(0, 0));
    assert_eq!((w.earliest, w.latest), (night, at(2026, 6, 19, 0, 0)));
    assert!(!starts_too_late(&h, night, working_days(0, 0)));
    // 24/7 except holidays: open till Midsummer Eve begins.
    let not_holidays = OpeningHours {
        holidays: Vec::new(),
        ..OpeningHours::always()
    };
    assert_eq!(
        closes_at(&not_holidays, at(2026, 6, 15, 9, 0)),
        Some(at(2026, 6, 19, 0, 0))
    );
}

// ---- Properties ----

fn arb_span() -> impl Strategy<Value = Span> {
    // Half hours, sometimes empty or backwards (read as closed), now and then past 24:00.
    (0u16..=48, 0u16..=49).prop_map(|(from, to)| Span {
        from: from * 30,
        to: to * 30,
    })
}

fn arb_hours() -> impl Strategy<Value = OpeningHours> {
    let day = || prop::collection::vec(arb_span(), 0..3);
    (day(), day(), day(), day()).prop_map(|(weekdays, saturday, sunday, holidays)| OpeningHours {
        weekdays,
        saturday,
        sunday,
        holidays,
    })
}

fn arb_at() -> impl Strategy<Value = NaiveDateTime> {
    (0u64..3 * 366, 0u32..86_400).prop_map(|(day, secs)| {
        NaiveDate::from_ymd_opt(2025, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new(day)))
            .and_then(|d| d.and_hms_opt(secs / 3600, secs / 60 % 60, secs % 60))
            .expect("valid generated time")
    })
}

fn arb_range() -> impl Strategy<Value = TimeframeRange> {
    prop_oneof![
        (0u32..48, 0u32..48).prop_map(|(min, max)| TimeframeRange::Hours { min, max }),
        (0u32..5, 0u32..10, any::<bool>(), any::<bool>()).prop_map(|(min, max, w, h)| {
            TimeframeRange::Days {
                min,
                max,
                counting: DayCounting {
                    weekends: w,
                    holidays: h,
                },
            }
        }),
    ]
}

/// Every minute from `from` (exclusive) up to `until` (exclusive).
fn minutes_between(
    from: NaiveDateTime,
    until: NaiveDateTime,
) -> impl Iterator<Item = NaiveDateTime> {
    (1..)
        .map(move |k| from + TimeDelta::minutes(k))
        .take_while(move |t| *t < until)
}

proptest! {
    #[test]
    fn next_opening_is_open_and_nothing_before_it(h in arb_hours(), now in arb_at()) {
        match next_opening(&h, now) {
            Some(open) => {
                prop_assert!(open >= now);
                prop_assert!(is_open(&h, open));
                prop_assert_eq!(open == now, is_open(&h, now));
                prop_assert!(open - now <= TimeDelta::days(i64::from(SEARCH_DAYS)));
                if open - now <= TimeDelta::days(4) {
                    for t in minutes_between(now, open) {
                        prop_assert!(!is_open(&h, t), "open at {} before {}", t, open);
                    }
                }
            }
            None => {
                let until = now + TimeDelta::days(i64::from(SEARCH_DAYS));
                prop_assert!(!is_open(&h, now));
                for t in minutes_between(now, until).step_by(30) {
                    prop_assert!(!is_open(&h, t), "open at {}", t);
                }
            }
        }
    }

    #[test]
    fn closes_at_ends_the_open_stretch(h in arb_hours(), now in arb_at()) {
        if let Some(close) = closes_at(&h, now) {
            prop_assert!(is_open(&h, now));
            prop_assert!(close > now);
            prop_assert!(!is_open(&h, close));
            prop_assert!(is_open(&h, close - TimeDelta::seconds(1)));
            if close - now <= TimeDelta::days(4) {
                for t in minutes_between(now, close) {
                    prop_assert!(is_open(&h, t), "closed at {} before {}", t, close);
                }
            }
        } else if is_open(&h, now) {
            // Open for the whole search: no closed half hour in it.
            let until = now + TimeDelta::days(i64::from(SEARCH_DAYS));
            for t in minutes_between(now, until).step_by(30) {
                prop_assert!(is_open(&h, t), "closed at {}", t);
            }
        }
    }

    #[test]
    fn windows_never_start_before_at(h in arb_hours(), now in arb_at(), range in arb_range()) {
        let (start, end) = timeframe_window(now, range);
        prop_assert!(start >= now && end >= start);
        match service_window(&h, now, range) {
            Ok(w) => {
                prop_assert!(w.earliest >= now);
                prop_assert!(w.earliest >= start);
                prop_assert!(w.latest >= w.earliest);
                prop_assert!(is_open(&h, w.earliest));
                prop_assert_eq!((w.range_earliest, w.range_latest), (start, end));
                prop_assert_eq!(starts_too_late(&h, now, range), w.after_timeframe);
                if w.after_timeframe {
                    prop_assert!(w.earliest >= end);
                    prop_assert!(w.opens_later);
                } else {
                    prop_assert!(w.earliest < end || w.earliest == start);
                    prop_assert!(w.latest <= end);
                    prop_assert_eq!(next_opening(&h, start), Some(w.earliest));
                    // `latest` is the last closing: nothing opens again before the range ends.
                    if w.latest < end {
                        prop_assert!(!is_open(&h, w.latest));
                        prop_assert!(is_open(&h, w.latest - TimeDelta::seconds(1)));
                        for t in minutes_between(w.latest, end) {
                            prop_assert!(!is_open(&h, t), "open at {} after {}", t, w.latest);
                        }
                    }
                }
            }
            Err(NeverOpen { searched_until }) => {
                prop_assert!(searched_until >= end);
                prop_assert!(starts_too_late(&h, now, range));
                prop_assert_eq!(next_opening(&h, start), None);
            }
        }
    }

    #[test]
    fn around_the_clock_keeps_the_range(now in arb_at(), range in arb_range()) {
        let w = service_window(&OpeningHours::always(), now, range).expect("always open");
        prop_assert_eq!((w.earliest, w.latest), timeframe_window(now, range));
        prop_assert!(!w.opens_later && !w.after_timeframe);
    }
}
