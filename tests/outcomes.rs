//! Format 2 outcomes: timeframes in hours, services with opening hours and their out-of-hours
//! outcome, advice blocks, the nurse's judgement; validation with positions, the effective
//! outcome at the assessment time, and what explain, record, scenarios, log, stats and diff make
//! of it.

mod common;

use arvio::guidance::Guidance;
use common::*;

/// The services fixture with `guidance` and `cough` replacements (each must match once).
fn with(guidance: &[(&str, &str)], cough: &[(&str, &str)]) -> Vec<String> {
    let mut g = guidance_with_services();
    for (from, to) in guidance {
        assert!(g.contains(from), "guidance has no `{from}`");
        g = g.replacen(from, to, 1);
    }
    let mut c = cough_with_services();
    for (from, to) in cough {
        assert!(c.contains(from), "cough has no `{from}`");
        c = c.replacen(from, to, 1);
    }
    let dir = folder(&[
        ("guidance.ron", &g),
        ("reasons/01_cough.ron", &c),
        ("reasons/02_social.ron", SOCIAL),
    ]);
    errors(dir.path())
}

fn fx() -> Guidance {
    load(services_fixture().path())
}

// ---------------------------------------------------------------------------------------------
// Validation

#[test]
fn the_services_fixture_is_valid() {
    assert_eq!(with(&[], &[]), Vec::<String>::new());
}

const WITHIN_4H: &str = r#"kind: Scheduled, hours: (0, 4)"#;
const STATION_HOURS: &str = r#"hours: Hours(weekdays: ["08:00-16:00"])"#;
const MILD_ADVICE: &str =
    r#"advice: [(fi: "Lepää.", sv: "Vila.", en: "Rest."), Block("call_back")]"#;
const WHEN_CLOSED: &str = r#"when_closed: (timeframe: "on_call", service: "on_call_unit","#;

#[test]
fn an_unknown_service() {
    assert_eq!(
        with(&[], &[(r#"service: "station","#, r#"service: "statoin","#)]),
        [
            "reasons/01_cough.ron:21:97: unknown service `statoin` (known: on_call_unit, pharmacy, station); define it in `services` of guidance.ron"
        ]
    );
}

#[test]
fn a_duplicate_service_and_a_bad_block_id() {
    assert_eq!(
        with(
            &[
                (r#"id: "pharmacy","#, r#"id: "station","#),
                (r#"id: "call_back","#, r#"id: "Call back","#)
            ],
            &[
                (r#"service: "pharmacy","#, r#"service: "station","#),
                (r#"Block("call_back")"#, r#"Block("Call back")"#)
            ]
        ),
        [
            "guidance.ron:41:17: duplicate service id `station` (first defined at guidance.ron:29:17)",
            "guidance.ron:48:14: advice block id `Call back` must start with a letter and use only a–z, 0–9 and _ (at most 64)",
            // The red flag still names the old id.
            "guidance.ron:62:164: unknown advice block `call_back` (known: Call back); define it in `advice_blocks` of guidance.ron",
        ]
    );
}

#[test]
fn days_and_hours_together() {
    assert_eq!(
        with(
            &[(WITHIN_4H, r#"kind: Scheduled, hours: (0, 4), days: (0, 1)"#)],
            &[]
        ),
        [
            "guidance.ron:10:14: timeframe `within_4h` gives both `days` and `hours`; keep one, e.g. `hours: (0, 4)` for within 4 hours"
        ]
    );
}

#[test]
fn hours_the_wrong_way_round() {
    assert_eq!(
        with(&[(WITHIN_4H, r#"kind: Scheduled, hours: (4, 0)"#)], &[]),
        [
            "guidance.ron:10:14: timeframe `within_4h` has hours (4, 0): the first must not exceed the second; write `hours: (0, 4)`"
        ]
    );
}

#[test]
fn hours_beyond_a_week() {
    let errors = with(&[(WITHIN_4H, r#"kind: Scheduled, hours: (0, 200)"#)], &[]);
    assert_eq!(
        errors[0],
        "guidance.ron:10:14: timeframe `within_4h` reaches 200 hours; at most 168 are allowed: write longer timeframes with `days`"
    );
    // 200 hours also ends after the same day listed after it, and is no red flag's timeframe.
    assert!(
        errors[1].contains("`same_day` is more urgent than `within_4h`"),
        "{errors:?}"
    );
    assert!(errors[2].contains("a red flag must lead to"), "{errors:?}");
}

#[test]
fn hours_on_a_timeframe_that_is_not_scheduled() {
    assert_eq!(
        with(
            &[(r#"kind: OnCall),"#, r#"kind: OnCall, hours: (0, 1)),"#)],
            &[]
        ),
        [
            "guidance.ron:9:14: timeframe `on_call` is not Scheduled and so takes no `hours`; make it `kind: Scheduled` or remove `hours`"
        ]
    );
}

#[test]
fn a_scheduled_timeframe_without_days_or_hours() {
    let errors = with(&[(WITHIN_4H, r#"kind: Scheduled"#)], &[]);
    assert_eq!(
        errors[0],
        "guidance.ron:10:14: scheduled timeframe `within_4h` needs `days: (min, max)` or `hours: (min, max)`"
    );
}

#[test]
fn an_hour_timeframe_orders_by_its_last_hour() {
    // Within 4 hours listed after the same day (which ends within 24 hours) is out of order.
    let swapped = with(
        &[
            (WITHIN_4H, r#"kind: Scheduled, hours: (0, 30)"#),
            (r#"(fi: "4 h kuluessa""#, r#"(fi: "30 h kuluessa""#),
        ],
        &[],
    );
    assert!(
        swapped.iter().any(|e| e.starts_with(
            "guidance.ron:11:14: timeframe `same_day` is more urgent than `within_4h` before it"
        )),
        "{swapped:?}"
    );
}

#[test]
fn opening_hours_span_by_span() {
    let span = |to: &str| with(&[(STATION_HOURS, to)], &[]);
    assert_eq!(
        span(r#"hours: Hours(weekdays: ["8-16"])"#),
        [
            r#"guidance.ron:32:37: service `station`: write a span as HH:MM-HH:MM, e.g. "08:00-16:00", not `8-16`"#
        ]
    );
    assert_eq!(
        span(r#"hours: Hours(weekdays: ["16:00-08:00"])"#),
        [
            r#"guidance.ron:32:37: service `station`: the span `16:00-08:00` ends before it starts; write e.g. "08:00-16:00" (overnight: "20:00-24:00" and on the next day "00:00-08:00")"#
        ]
    );
    assert_eq!(
        span(r#"hours: Hours(weekdays: ["08:00-25:00"])"#),
        [
            "guidance.ron:32:37: service `station`: `08:00-25:00` is not a time of day; times run from 00:00 to 24:00"
        ]
    );
    assert_eq!(
        span(r#"hours: Hours(weekdays: ["08:00-12:00", "11:00-16:00"])"#),
        [
            "guidance.ron:32:52: service `station`: the span `11:00-16:00` overlaps `08:00-12:00` of the same day; join them into one"
        ]
    );
    assert_eq!(
        span(r#"hours: Hours(weekdays: ["08:00-16:00"], sundays: [])"#),
        [
            "guidance.ron:32:53: unknown field `sundays`; expected one of: weekdays, saturday, sunday, holidays"
        ]
    );
    // Breaks, 24:00 and an en dash are fine.
    assert_eq!(
        span(r#"hours: Hours(weekdays: ["08:00-12:00", "13:00–24:00"], sunday: ["00:00-24:00"])"#),
        Vec::<String>::new()
    );
}

#[test]
fn a_service_open_only_on_holidays() {
    assert_eq!(
        with(
            &[(STATION_HOURS, r#"hours: Hours(holidays: ["08:00-16:00"])"#)],
            &[]
        ),
        [
            "guidance.ron:29:17: service `station` is never open on a weekday, Saturday or Sunday; give its hours, or write `hours: Always`"
        ]
    );
}

#[test]
fn an_unknown_advice_block() {
    assert_eq!(
        with(&[], &[(r#"Block("call_back")"#, r#"Block("call_bak")"#)]),
        [
            "reasons/01_cough.ron:29:74: unknown advice block `call_bak` (known: call_back); define it in `advice_blocks` of guidance.ron"
        ]
    );
}

#[test]
fn an_empty_advice_list_and_a_misspelt_block() {
    assert_eq!(
        with(&[], &[(MILD_ADVICE, "advice: []")]),
        [
            r#"reasons/01_cough.ron:25:17: the advice is an empty list; write a text `(fi: …)` or at least one `Block("id")`"#
        ]
    );
    assert_eq!(
        with(&[], &[(MILD_ADVICE, r#"advice: [Blok("call_back")]"#)]),
        [
            r#"reasons/01_cough.ron:29:42: expected an advice item: `Block("id")` or a text `(fi: "…", sv: "…", en: "…")`"#
        ]
    );
    // A text in a list still needs every language, and says where.
    assert_eq!(
        with(
            &[],
            &[(MILD_ADVICE, r#"advice: [(fi: "Lepää.", sv: "Vila.")]"#)]
        ),
        ["reasons/01_cough.ron:29:31: the advice has no `en` translation"]
    );
}

#[test]
fn when_closed_without_a_service() {
    assert_eq!(
        with(
            &[],
            &[(
                r#"service: "pharmacy", nurse_judgement: true,"#,
                r#"nurse_judgement: true, when_closed: (timeframe: "on_call", advice: (fi: "a", sv: "b", en: "c")),"#
            )]
        ),
        [
            r#"reasons/01_cough.ron:28:34: `when_closed` applies when the outcome's service is closed, but this outcome names no `service`; add `service: "…"` or remove `when_closed`"#
        ]
    );
}

#[test]
fn when_closed_is_one_level_deep() {
    assert_eq!(
        with(
            &[],
            &[(
                WHEN_CLOSED,
                r#"when_closed: (timeframe: "on_call", service: "on_call_unit", when_closed: (timeframe: "emergency", advice: (fi: "a", sv: "b", en: "c")),"#
            )]
        ),
        [
            "reasons/01_cough.ron:36:42: a `when_closed` outcome cannot have a `when_closed` of its own (one level only); remove the inner `when_closed`"
        ]
    );
}

#[test]
fn when_closed_is_never_less_urgent() {
    assert_eq!(
        with(
            &[],
            &[(
                WHEN_CLOSED,
                r#"when_closed: (timeframe: "days_1_7", modes: ["phone"], professional: "nurse","#
            )]
        ),
        [
            "reasons/01_cough.ron:36:42: the `when_closed` timeframe `days_1_7` is less urgent than the outcome's `same_day`; when the service is closed, send the caller to a timeframe at least as urgent, e.g. on-call care"
        ]
    );
}

#[test]
fn a_red_flag_is_not_the_nurses_judgement() {
    assert_eq!(
        with(
            &[(
                r#"outcome: (timeframe: "emergency","#,
                r#"outcome: (timeframe: "emergency", nurse_judgement: true,"#
            )],
            &[]
        ),
        [
            "guidance.ron:54:34: a red flag's outcome cannot be the nurse's judgement; remove `nurse_judgement: true`"
        ]
    );
}

#[test]
fn advice_blocks_are_resolved_into_the_outcomes_text() {
    let g = fx();
    let cough = g.reason(g.reason_by_id("cough").expect("cough"));
    let mild = &cough.rules[1].outcome;
    assert_eq!(mild.advice.en, "Rest. Call again if you get worse.");
    assert_eq!(
        mild.advice.fi,
        "Lepää. Soita uudelleen, jos vointi huononee."
    );
    assert!(mild.nurse_judgement);
    let rf = &g.red_flags[1].outcome;
    let alt = rf.when_closed.as_ref().expect("when_closed");
    assert_eq!(alt.advice.sv, "Till jouren. Ring igen om du blir sämre.");
    assert_eq!(g.service(alt.service.expect("service")).id, "on_call_unit");
}
