use arvio::calendar::*;
use arvio::text::Language;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;

const WORKING: DayCounting = DayCounting {
    weekends: false,
    holidays: false,
};
const CALENDAR: DayCounting = DayCounting {
    weekends: true,
    holidays: true,
};
const WEEKENDS_COUNT_HOLIDAYS_SKIPPED: DayCounting = DayCounting {
    weekends: true,
    holidays: false,
};
const ALL_COUNTINGS: [DayCounting; 4] = [
    WORKING,
    CALENDAR,
    WEEKENDS_COUNT_HOLIDAYS_SKIPPED,
    DayCounting {
        weekends: false,
        holidays: true,
    },
];

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid test date")
}

fn window(earliest: NaiveDate, latest: NaiveDate) -> DateWindow {
    DateWindow { earliest, latest }
}

fn is_skipped(date: NaiveDate, counting: DayCounting) -> bool {
    let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
    (weekend && !counting.weekends) || (holiday_on(date).is_some() && !counting.holidays)
}

/// Day-by-day walk straight from the definition, to check the optimised one.
fn reference_add(from: NaiveDate, days: u32, counting: DayCounting) -> NaiveDate {
    let mut current = from;
    let mut remaining = days;
    while remaining > 0 {
        match current.succ_opt() {
            Some(next) => current = next,
            None => return NaiveDate::MAX,
        }
        if !is_skipped(current, counting) {
            remaining -= 1;
        }
    }
    current
}

fn holiday_date(year: i32, fi: &str) -> NaiveDate {
    finnish_holidays(year)
        .into_iter()
        .find(|(_, name)| name.get(Language::Fi) == fi)
        .map(|(date, _)| date)
        .unwrap_or_else(|| panic!("{fi} missing in {year}"))
}

// --- Easter -----------------------------------------------------------------

#[test]
fn easter_dates_of_known_years() {
    assert_eq!(easter_sunday(2024), Some(ymd(2024, 3, 31)));
    assert_eq!(easter_sunday(2025), Some(ymd(2025, 4, 20)));
    assert_eq!(easter_sunday(2026), Some(ymd(2026, 4, 5)));
    assert_eq!(easter_sunday(2027), Some(ymd(2027, 3, 28)));
    assert_eq!(easter_sunday(2038), Some(ymd(2038, 4, 25)));
}

#[test]
fn easter_at_the_extremes_of_its_range() {
    assert_eq!(easter_sunday(1818), Some(ymd(1818, 3, 22)));
    assert_eq!(easter_sunday(1943), Some(ymd(1943, 4, 25)));
    assert_eq!(easter_sunday(2008), Some(ymd(2008, 3, 23)));
    assert_eq!(easter_sunday(2285), Some(ymd(2285, 3, 22)));
}

#[test]
fn easter_is_a_sunday_between_22_march_and_25_april() {
    for year in 1583..=3000 {
        let easter = easter_sunday(year).expect("representable year");
        assert_eq!(easter.weekday(), Weekday::Sun, "{year}");
        assert!(
            easter >= ymd(year, 3, 22) && easter <= ymd(year, 4, 25),
            "{easter}"
        );
    }
}

#[test]
fn easter_outside_chronos_range_is_none() {
    assert_eq!(easter_sunday(i32::MAX), None);
    assert_eq!(easter_sunday(i32::MIN), None);
    assert_eq!(easter_sunday(NaiveDate::MAX.year() + 1), None);
    assert!(easter_sunday(NaiveDate::MAX.year()).is_some());
    assert!(easter_sunday(NaiveDate::MIN.year()).is_some());
}

// --- Holiday lists ----------------------------------------------------------

#[test]
fn holidays_of_2026_in_three_languages() {
    let expected = [
        (
            ymd(2026, 1, 1),
            "Uudenvuodenpäivä",
            "Nyårsdagen",
            "New Year's Day",
        ),
        (ymd(2026, 1, 6), "Loppiainen", "Trettondagen", "Epiphany"),
        (
            ymd(2026, 4, 3),
            "Pitkäperjantai",
            "Långfredagen",
            "Good Friday",
        ),
        (
            ymd(2026, 4, 5),
            "Pääsiäispäivä",
            "Påskdagen",
            "Easter Sunday",
        ),
        (
            ymd(2026, 4, 6),
            "2. pääsiäispäivä",
            "Annandag påsk",
            "Easter Monday",
        ),
        (ymd(2026, 5, 1), "Vappu", "Första maj", "May Day"),
        (
            ymd(2026, 5, 14),
            "Helatorstai",
            "Kristi himmelsfärdsdag",
            "Ascension Day",
        ),
        (
            ymd(2026, 5, 24),
            "Helluntaipäivä",
            "Pingstdagen",
            "Pentecost",
        ),
        (
            ymd(2026, 6, 19),
            "Juhannusaatto",
            "Midsommarafton",
            "Midsummer Eve",
        ),
        (
            ymd(2026, 6, 20),
            "Juhannuspäivä",
            "Midsommardagen",
            "Midsummer Day",
        ),
        (
            ymd(2026, 10, 31),
            "Pyhäinpäivä",
            "Alla helgons dag",
            "All Saints' Day",
        ),
        (
            ymd(2026, 12, 6),
            "Itsenäisyyspäivä",
            "Självständighetsdagen",
            "Independence Day",
        ),
        (ymd(2026, 12, 24), "Jouluaatto", "Julafton", "Christmas Eve"),
        (ymd(2026, 12, 25), "Joulupäivä", "Juldagen", "Christmas Day"),
        (
            ymd(2026, 12, 26),
            "Tapaninpäivä",
            "Annandag jul",
            "Boxing Day",
        ),
    ];
    let actual = finnish_holidays(2026);
    assert_eq!(actual.len(), 15);
    let actual: Vec<_> = actual
        .into_iter()
        .map(|(date, name)| {
            (
                date,
                name.get(Language::Fi),
                name.get(Language::Sv),
                name.get(Language::En),
            )
        })
        .collect();
    assert_eq!(actual, expected);
}

#[test]
fn midsummer_2026_and_2027() {
    assert_eq!(holiday_date(2026, "Juhannusaatto"), ymd(2026, 6, 19));
    assert_eq!(holiday_date(2026, "Juhannuspäivä"), ymd(2026, 6, 20));
    assert_eq!(holiday_date(2027, "Juhannusaatto"), ymd(2027, 6, 25));
    assert_eq!(holiday_date(2027, "Juhannuspäivä"), ymd(2027, 6, 26));
    assert_eq!(ymd(2027, 6, 25).weekday(), Weekday::Fri);
}

#[test]
fn all_saints_day_2026_and_2027() {
    assert_eq!(holiday_date(2026, "Pyhäinpäivä"), ymd(2026, 10, 31));
    assert_eq!(holiday_date(2027, "Pyhäinpäivä"), ymd(2027, 11, 6));
    assert_eq!(ymd(2027, 11, 6).weekday(), Weekday::Sat);
}

#[test]
fn holidays_2027_follow_easter_on_28_march() {
    assert_eq!(holiday_date(2027, "Pitkäperjantai"), ymd(2027, 3, 26));
    assert_eq!(holiday_date(2027, "2. pääsiäispäivä"), ymd(2027, 3, 29));
    assert_eq!(holiday_date(2027, "Helatorstai"), ymd(2027, 5, 6));
    assert_eq!(holiday_date(2027, "Helluntaipäivä"), ymd(2027, 5, 16));
}

#[test]
fn ascension_day_on_may_day_2008_is_listed_twice_and_reported_as_may_day() {
    let holidays = finnish_holidays(2008);
    assert_eq!(holidays.len(), 15);
    let on_may_day: Vec<_> = holidays
        .iter()
        .filter(|(date, _)| *date == ymd(2008, 5, 1))
        .map(|(_, name)| name.get(Language::Fi))
        .collect();
    assert_eq!(on_may_day, ["Vappu", "Helatorstai"]);
    assert_eq!(
        holiday_on(ymd(2008, 5, 1)).map(|n| n.get(Language::Fi)),
        Some("Vappu")
    );
}

#[test]
fn near_miss_dates_are_not_holidays() {
    // Fridays and Saturdays just outside the Midsummer and All Saints' weeks.
    assert_eq!(holiday_on(ymd(2026, 6, 26)), None);
    assert_eq!(holiday_on(ymd(2026, 6, 27)), None);
    assert_eq!(holiday_on(ymd(2026, 6, 12)), None);
    assert_eq!(holiday_on(ymd(2026, 6, 13)), None);
    assert_eq!(holiday_on(ymd(2026, 11, 7)), None);
    assert_eq!(holiday_on(ymd(2026, 11, 1)), None);
    assert_eq!(holiday_on(ymd(2027, 10, 31)), None);
    assert_eq!(holiday_on(ymd(2027, 6, 19)), None);
    // Around the Easter-based feasts of 2026.
    assert_eq!(holiday_on(ymd(2026, 4, 2)), None);
    assert_eq!(holiday_on(ymd(2026, 4, 4)), None);
    assert_eq!(holiday_on(ymd(2026, 4, 7)), None);
    assert_eq!(holiday_on(ymd(2026, 5, 13)), None);
    assert_eq!(holiday_on(ymd(2026, 5, 25)), None);
    assert_eq!(holiday_on(ymd(2026, 12, 27)), None);
    assert_eq!(holiday_on(ymd(2026, 12, 31)), None);
}

#[test]
fn holiday_on_agrees_with_the_yearly_lists_for_1900_to_2200() {
    for year in 1900..=2200 {
        let holidays = finnish_holidays(year);
        assert_eq!(holidays.len(), 15, "{year}");
        assert!(holidays.windows(2).all(|w| w[0].0 <= w[1].0), "{year}");
        let mut date = ymd(year, 1, 1);
        while date.year() == year {
            let first_listed = holidays.iter().find(|(d, _)| *d == date).map(|(_, n)| *n);
            assert_eq!(holiday_on(date), first_listed, "{date}");
            date = date.succ_opt().expect("well inside the calendar");
        }
    }
}

#[test]
fn moving_holidays_fall_on_their_weekdays_and_weeks() {
    for year in 1900..=2200 {
        let on = |fi| holiday_date(year, fi);
        let easter = on("Pääsiäispäivä");
        assert_eq!(easter_sunday(year), Some(easter));
        assert_eq!(on("Pitkäperjantai").weekday(), Weekday::Fri);
        assert_eq!(on("2. pääsiäispäivä").weekday(), Weekday::Mon);
        assert_eq!(on("Helatorstai"), easter + Days::new(39));
        assert_eq!(on("Helatorstai").weekday(), Weekday::Thu);
        assert_eq!(on("Helluntaipäivä"), easter + Days::new(49));
        let eve = on("Juhannusaatto");
        assert_eq!(eve.weekday(), Weekday::Fri);
        assert!(eve >= ymd(year, 6, 19) && eve <= ymd(year, 6, 25), "{eve}");
        assert_eq!(on("Juhannuspäivä"), eve + Days::new(1));
        let all_saints = on("Pyhäinpäivä");
        assert_eq!(all_saints.weekday(), Weekday::Sat);
        assert!(
            all_saints >= ymd(year, 10, 31) && all_saints <= ymd(year, 11, 6),
            "{all_saints}"
        );
    }
}

#[test]
fn every_holiday_has_three_distinct_nonempty_names() {
    let holidays = finnish_holidays(2026);
    for (_, name) in &holidays {
        assert!(
            !name.get(Language::Fi).is_empty()
                && !name.get(Language::Sv).is_empty()
                && !name.get(Language::En).is_empty()
        );
    }
    for (i, (_, a)) in holidays.iter().enumerate() {
        for (_, b) in &holidays[i + 1..] {
            assert!(
                a.get(Language::Fi) != b.get(Language::Fi)
                    && a.get(Language::Sv) != b.get(Language::Sv)
                    && a.get(Language::En) != b.get(Language::En),
                "{a:?} {b:?}"
            );
        }
    }
}

#[test]
fn years_outside_chronos_range_have_no_holidays() {
    assert!(finnish_holidays(i32::MAX).is_empty());
    assert!(finnish_holidays(i32::MIN).is_empty());
    assert_eq!(finnish_holidays(NaiveDate::MAX.year()).len(), 15);
    assert_eq!(holiday_on(NaiveDate::MAX), None);
    assert_eq!(
        holiday_on(NaiveDate::MIN).map(|n| n.get(Language::Fi)),
        Some("Uudenvuodenpäivä")
    );
}

// --- Windows ----------------------------------------------------------------

#[test]
fn working_days_from_a_monday() {
    assert_eq!(
        date_window(ymd(2026, 11, 23), 1, 3, WORKING),
        window(ymd(2026, 11, 24), ymd(2026, 11, 26))
    );
}

#[test]
fn working_days_from_a_friday_skip_the_weekend() {
    assert_eq!(
        date_window(ymd(2026, 11, 27), 1, 3, WORKING),
        window(ymd(2026, 11, 30), ymd(2026, 12, 2))
    );
}

#[test]
fn calendar_days_from_a_friday_include_the_weekend() {
    assert_eq!(
        date_window(ymd(2026, 11, 27), 1, 3, CALENDAR),
        window(ymd(2026, 11, 28), ymd(2026, 11, 30))
    );
}

#[test]
fn working_days_skip_midsummer() {
    assert_eq!(
        date_window(ymd(2026, 6, 18), 1, 3, WORKING),
        window(ymd(2026, 6, 22), ymd(2026, 6, 24))
    );
}

#[test]
fn working_days_skip_easter() {
    assert_eq!(
        date_window(ymd(2026, 4, 2), 1, 3, WORKING),
        window(ymd(2026, 4, 7), ymd(2026, 4, 9))
    );
}

#[test]
fn independence_day_2026_is_a_sunday_so_only_matters_when_weekends_count() {
    assert_eq!(ymd(2026, 12, 6).weekday(), Weekday::Sun);
    assert_eq!(
        date_window(ymd(2026, 12, 4), 1, 3, WORKING),
        window(ymd(2026, 12, 7), ymd(2026, 12, 9))
    );
    assert_eq!(
        date_window(ymd(2026, 12, 4), 1, 3, WEEKENDS_COUNT_HOLIDAYS_SKIPPED),
        window(ymd(2026, 12, 5), ymd(2026, 12, 8))
    );
}

#[test]
fn independence_day_on_a_weekday_is_skipped() {
    // 6.12.2027 is a Monday.
    assert_eq!(
        date_window(ymd(2027, 12, 3), 1, 3, WORKING),
        window(ymd(2027, 12, 7), ymd(2027, 12, 9))
    );
}

#[test]
fn working_days_over_christmas_2026() {
    // 24.–26.12.2026 are Thu–Sat.
    assert_eq!(
        date_window(ymd(2026, 12, 23), 1, 3, WORKING),
        window(ymd(2026, 12, 28), ymd(2026, 12, 30))
    );
    assert_eq!(
        date_window(ymd(2026, 12, 22), 1, 3, WORKING),
        window(ymd(2026, 12, 23), ymd(2026, 12, 29))
    );
    assert_eq!(
        date_window(ymd(2026, 12, 23), 1, 3, WEEKENDS_COUNT_HOLIDAYS_SKIPPED),
        window(ymd(2026, 12, 27), ymd(2026, 12, 29))
    );
}

#[test]
fn working_days_over_new_year_and_epiphany() {
    // 1.1.2027 is a Friday and 6.1.2027 a Wednesday.
    assert_eq!(
        date_window(ymd(2026, 12, 30), 1, 4, WORKING),
        window(ymd(2026, 12, 31), ymd(2027, 1, 7))
    );
}

#[test]
fn zero_days_is_the_assessment_day_even_on_a_holiday() {
    for counting in ALL_COUNTINGS {
        assert_eq!(
            date_window(ymd(2026, 12, 25), 0, 0, counting),
            window(ymd(2026, 12, 25), ymd(2026, 12, 25))
        );
    }
    assert_eq!(
        date_window(ymd(2026, 12, 25), 0, 2, WORKING),
        window(ymd(2026, 12, 25), ymd(2026, 12, 29))
    );
}

#[test]
fn min_greater_than_max_is_swapped() {
    assert_eq!(
        date_window(ymd(2026, 11, 27), 3, 1, WORKING),
        window(ymd(2026, 11, 30), ymd(2026, 12, 2))
    );
    assert_eq!(
        date_window(ymd(2026, 11, 27), 5, 0, CALENDAR),
        window(ymd(2026, 11, 27), ymd(2026, 12, 2))
    );
}

#[test]
fn add_counted_days_examples() {
    assert_eq!(
        add_counted_days(ymd(2026, 4, 2), 1, WORKING),
        ymd(2026, 4, 7)
    );
    assert_eq!(
        add_counted_days(ymd(2026, 4, 2), 1, CALENDAR),
        ymd(2026, 4, 3)
    );
    assert_eq!(
        add_counted_days(ymd(2026, 4, 5), 0, WORKING),
        ymd(2026, 4, 5)
    );
    // Good Friday counts when only weekends are skipped.
    assert_eq!(
        add_counted_days(
            ymd(2026, 4, 2),
            2,
            DayCounting {
                weekends: false,
                holidays: true,
            }
        ),
        ymd(2026, 4, 6)
    );
}

#[test]
fn working_days_in_2026() {
    // 365 days − 104 weekend days − 9 holidays on weekdays.
    assert_eq!(
        add_counted_days(ymd(2025, 12, 31), 252, WORKING),
        ymd(2026, 12, 31)
    );
    assert_eq!(
        add_counted_days(ymd(2025, 12, 31), 253, WORKING),
        ymd(2027, 1, 4)
    );
    assert_eq!(
        add_counted_days(ymd(2025, 12, 31), 251, WORKING),
        ymd(2026, 12, 30)
    );
}

#[test]
fn long_counts_match_the_day_by_day_walk() {
    for counting in ALL_COUNTINGS {
        for days in [1, 250, 365, 366, 10_000, 100_000] {
            let from = ymd(1900, 12, 31);
            assert_eq!(
                add_counted_days(from, days, counting),
                reference_add(from, days, counting),
                "{days} {counting:?}"
            );
        }
    }
}

#[test]
fn the_end_of_the_calendar_saturates() {
    let max = NaiveDate::MAX;
    assert_eq!(max, ymd(max.year(), 12, 31));
    for counting in ALL_COUNTINGS {
        assert_eq!(add_counted_days(max, 0, counting), max);
        assert_eq!(add_counted_days(max, 1, counting), max);
        assert_eq!(add_counted_days(max, u32::MAX, counting), max);
        assert_eq!(add_counted_days(NaiveDate::MIN, u32::MAX, counting), max);
        let near = max - Days::new(10);
        assert_eq!(date_window(near, 0, u32::MAX, counting), window(near, max));
        assert_eq!(date_window(near, 400, 500, counting), window(max, max));
    }
    assert_eq!(add_counted_days(max - Days::new(3), 3, CALENDAR), max);
    assert_eq!(
        add_counted_days(max - Days::new(3), 2, CALENDAR),
        max - Days::new(1)
    );
}

#[test]
fn huge_counts_from_the_start_of_the_calendar_finish() {
    for counting in ALL_COUNTINGS {
        let end = add_counted_days(NaiveDate::MIN, 150_000_000, counting);
        assert!(end > NaiveDate::MIN);
        if end < NaiveDate::MAX {
            assert!(!is_skipped(end, counting), "{end}");
        }
    }
}

#[test]
fn serde_shapes() {
    let json =
        serde_json::to_string(&window(ymd(2026, 11, 24), ymd(2026, 11, 26))).expect("serialises");
    assert_eq!(json, r#"{"earliest":"2026-11-24","latest":"2026-11-26"}"#);
    let json = serde_json::to_string(&WEEKENDS_COUNT_HOLIDAYS_SKIPPED).expect("serialises");
    assert_eq!(json, r#"{"weekends":true,"holidays":false}"#);
    let back: DayCounting = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, WEEKENDS_COUNT_HOLIDAYS_SKIPPED);
}

// --- Properties -------------------------------------------------------------

fn date_in(first: NaiveDate, last: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    (first.num_days_from_ce()..=last.num_days_from_ce())
        .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).expect("inside chrono's range"))
}

fn ordinary_date() -> impl Strategy<Value = NaiveDate> {
    date_in(ymd(1900, 1, 1), ymd(2200, 12, 31))
}

fn near_max_date() -> impl Strategy<Value = NaiveDate> {
    date_in(NaiveDate::MAX - Days::new(1000), NaiveDate::MAX)
}

fn counting() -> impl Strategy<Value = DayCounting> {
    any::<(bool, bool)>().prop_map(|(weekends, holidays)| DayCounting { weekends, holidays })
}

proptest! {
    #[test]
    fn window_is_ordered_and_made_of_counted_days(
        from in ordinary_date(),
        a in 0u32..400,
        b in 0u32..400,
        counting in counting(),
    ) {
        let w = date_window(from, a, b, counting);
        let (low, high) = (a.min(b), a.max(b));
        prop_assert!(w.earliest <= w.latest);
        prop_assert!(w.earliest >= from);
        if high > 0 {
            prop_assert!(!is_skipped(w.latest, counting), "{:?}", w);
            prop_assert!(w.latest > from);
        }
        if low > 0 {
            prop_assert!(!is_skipped(w.earliest, counting), "{:?}", w);
            prop_assert!(w.earliest > from);
        } else {
            prop_assert_eq!(w.earliest, from);
        }
        prop_assert_eq!(w, date_window(from, b, a, counting));
    }

    #[test]
    fn window_matches_the_day_by_day_walk(
        from in ordinary_date(),
        a in 0u32..400,
        b in 0u32..400,
        counting in counting(),
    ) {
        let (low, high) = (a.min(b), a.max(b));
        prop_assert_eq!(
            date_window(from, a, b, counting),
            window(reference_add(from, low, counting), reference_add(from, high, counting))
        );
    }

    #[test]
    fn add_counted_days_matches_the_day_by_day_walk_across_years(
        from in ordinary_date(),
        days in 0u32..2000,
        counting in counting(),
    ) {
        prop_assert_eq!(
            add_counted_days(from, days, counting),
            reference_add(from, days, counting)
        );
    }

    #[test]
    fn calendar_day_windows_are_plain_offsets(
        from in ordinary_date(),
        a in 0u32..400,
        b in 0u32..400,
    ) {
        let (low, high) = (a.min(b), a.max(b));
        prop_assert_eq!(
            date_window(from, a, b, CALENDAR),
            window(from + Days::new(low.into()), from + Days::new(high.into()))
        );
    }

    #[test]
    fn one_more_day_moves_strictly_later(
        from in ordinary_date(),
        days in 0u32..400,
        counting in counting(),
    ) {
        prop_assert!(
            add_counted_days(from, days + 1, counting) > add_counted_days(from, days, counting)
        );
    }

    #[test]
    fn near_the_calendar_end_windows_saturate_like_the_walk(
        from in near_max_date(),
        a in 0u32..400,
        b in 0u32..400,
        counting in counting(),
    ) {
        let (low, high) = (a.min(b), a.max(b));
        let w = date_window(from, a, b, counting);
        prop_assert_eq!(
            w,
            window(reference_add(from, low, counting), reference_add(from, high, counting))
        );
        prop_assert!(w.earliest >= from && w.earliest <= w.latest);
    }

    #[test]
    fn any_day_count_near_the_end_saturates(
        from in near_max_date(),
        days in 1000u32..,
        counting in counting(),
    ) {
        prop_assert_eq!(add_counted_days(from, days, counting), NaiveDate::MAX);
        prop_assert_eq!(date_window(from, 0, days, counting).latest, NaiveDate::MAX);
    }

    #[test]
    fn ordinary_dates_with_any_day_count_do_not_panic(
        from in ordinary_date(),
        a in any::<u32>(),
        b in any::<u32>(),
        counting in counting(),
    ) {
        let w = date_window(from, a, b, counting);
        prop_assert!(from <= w.earliest && w.earliest <= w.latest);
    }

    #[test]
    fn holiday_on_never_panics_and_matches_the_year_list(
        from in date_in(NaiveDate::MIN, NaiveDate::MAX),
    ) {
        let listed = finnish_holidays(from.year())
            .into_iter()
            .find(|(d, _)| *d == from)
            .map(|(_, n)| n);
        prop_assert_eq!(holiday_on(from), listed);
    }
}
