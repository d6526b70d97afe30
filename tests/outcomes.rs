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

// ---------------------------------------------------------------------------------------------
// The effective outcome at the assessment time

use arvio::assessment::Assessment;
use arvio::call::{Answer, Call};
use arvio::effective::Effective;
use arvio::engine::{Evaluation, evaluate};
use arvio::explain::explain;
use arvio::text::Language;
use chrono::{DateTime, FixedOffset};

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("time")
}

/// Mon 23.11.2026 (a working day), at `hh:mm`.
fn monday(hm: &str) -> DateTime<FixedOffset> {
    t(&format!("2026-11-23T{hm}:00+02:00"))
}

fn cough_call(g: &Guidance, answers: &[(&str, Answer)]) -> (Call, Evaluation) {
    let mut all = vec![("rf_chest", Answer::No), ("rf_confused", Answer::No)];
    all.extend(answers.iter().cloned());
    let call = Call::from_ids(g, ["cough"], all.iter().map(|(q, a)| (*q, a))).expect("call");
    let e = evaluate(g, &call);
    (call, e)
}

/// Aged 80 with a wet cough: the same day at the station, on-call care when it is closed.
fn elderly(g: &Guidance) -> (Call, Evaluation) {
    cough_call(
        g,
        &[
            ("age", Answer::Number(80.0)),
            ("fever", Answer::No),
            ("kind", Answer::Choice("wet".into())),
        ],
    )
}

fn timeframe_at(g: &Guidance, e: &Evaluation, at: DateTime<FixedOffset>) -> String {
    let p = e.proposal.as_ref().expect("proposal");
    let eff = Effective::of_proposal(g, p, at.naive_local());
    g.timeframe(eff.outcome.timeframe).id.clone()
}

#[test]
fn the_station_meets_the_same_day_while_it_is_open() {
    let g = fx();
    let (call, e) = elderly(&g);
    assert_eq!(timeframe_at(&g, &e, monday("10:00")), "same_day");
    let x = explain(&g, &call, &e, monday("10:00"), Language::En).expect("explained");
    assert_eq!(x.timeframe.id, "same_day");
    assert!(x.when_closed.is_none());
    let s = x.service.as_ref().expect("service");
    assert_eq!(
        (s.id.as_str(), s.contact.as_str()),
        ("station", "Call 09 123")
    );
    let w = x.window.expect("window");
    assert_eq!(w.text, "Contact on Mon 23.11.2026, 10:00–16:00");
    assert_eq!(
        w.to.map(|t| t.to_string()).as_deref(),
        Some("2026-11-23 16:00:00")
    );
    let fi = explain(&g, &call, &e, monday("10:00"), Language::Fi).expect("explained");
    assert_eq!(
        fi.window.expect("window").text,
        "Yhteys ma 23.11.2026, klo 10–16"
    );
}

#[test]
fn at_23_40_the_out_of_hours_outcome_applies() {
    let g = fx();
    let (call, e) = elderly(&g);
    // The engine's proposal does not depend on the time …
    let p = e.proposal.as_ref().expect("proposal");
    assert_eq!(g.timeframe(p.outcome(&g).timeframe).id, "same_day");
    // … the effective outcome does.
    for at in ["16:00", "23:40"] {
        assert_eq!(timeframe_at(&g, &e, monday(at)), "on_call", "{at}");
    }
    let saturday = t("2026-11-28T10:00:00+02:00");
    assert_eq!(timeframe_at(&g, &e, saturday), "on_call");
    let x = explain(&g, &call, &e, monday("23:40"), Language::En).expect("explained");
    assert_eq!(x.timeframe.id, "on_call");
    assert_eq!(
        x.service.as_ref().map(|s| s.id.as_str()),
        Some("on_call_unit")
    );
    assert_eq!(x.advice, "Go to on-call care");
    let closed = x.when_closed.expect("the replaced outcome");
    assert_eq!(closed.timeframe.id, "same_day");
    assert_eq!(
        closed.text,
        "Health station is closed so that the timeframe \"Same day\" cannot be met: the guidance says instead"
    );
    // The deciding rule is still the rule's.
    assert_eq!(x.decided_by.id, "cough_old");
}

#[test]
fn without_when_closed_the_window_waits_for_the_opening_and_says_so() {
    let g = fx();
    let (call, e) = cough_call(
        &g,
        &[("fever", Answer::Yes), ("temp", Answer::Number(39.5))],
    );
    // Friday 15:00: 1–3 working days from Friday are Mon–Wed; the station opens Mon at 8.
    let x = explain(&g, &call, &e, t("2026-11-27T15:00:00+02:00"), Language::En).expect("x");
    let w = x.window.expect("window");
    assert_eq!(w.text, "Contact by Wed 2.12.2026 (earliest Mon 30.11.2026)");
    assert_eq!(
        (w.from.map(|t| t.to_string()), w.to.map(|t| t.to_string())),
        (
            Some("2026-11-30 08:00:00".to_owned()),
            Some("2026-12-02 16:00:00".to_owned())
        )
    );
    assert!(!w.after_timeframe && !w.opens_later);
}

#[test]
fn an_hour_window_reads_with_times() {
    let g = fx();
    // The confused red flag: within 4 hours at the station, on-call care when it is closed.
    let (call, e) = cough_call(&g, &[]);
    let mut call = call;
    call.set(
        g.question_by_id("rf_confused").expect("rf"),
        Some(arvio::call::Value::Yes),
    );
    let e2 = evaluate(&g, &call);
    assert_ne!(e, e2);
    let text = |at, lang| {
        explain(&g, &call, &e2, at, lang)
            .expect("x")
            .window
            .map(|w| w.text)
    };
    assert_eq!(
        text(monday("10:00"), Language::En).as_deref(),
        Some("Contact by 14:00 today")
    );
    assert_eq!(
        text(monday("10:00"), Language::Fi).as_deref(),
        Some("Yhteys viimeistään klo 14 tänään")
    );
    assert_eq!(
        text(monday("10:30"), Language::Sv).as_deref(),
        Some("Kontakt senast kl. 14.30 i dag")
    );
    // At 15:00 the station closes before the 4 hours are up: contact by its closing.
    assert_eq!(
        text(monday("15:00"), Language::En).as_deref(),
        Some("Contact by 16:00 today")
    );
    assert_eq!(timeframe_at(&g, &e2, monday("15:00")), "within_4h");
    // At 17:00 the station is closed for the whole range: on-call care instead, no window.
    assert_eq!(timeframe_at(&g, &e2, monday("17:00")), "on_call");
    assert_eq!(text(monday("17:00"), Language::En), None);
}

#[test]
fn windows_moved_past_the_timeframe_say_when_the_service_opens() {
    use arvio::opening_hours::{OpeningHours, Span, TimeframeRange, service_window};
    use arvio::window_text::service_window_text;
    let station = OpeningHours {
        weekdays: vec!["08:00-16:00".parse::<Span>().expect("span")],
        ..OpeningHours::closed()
    };
    let range = TimeframeRange::Hours { min: 2, max: 4 };
    let at = monday("23:40").naive_local();
    let w = service_window(&station, at, range).expect("opens");
    assert!(w.after_timeframe);
    assert_eq!(
        service_window_text(&w, range, true, at, Language::Fi),
        "Yhteys ti 24.11. klo 8–10 (ei aukioloa aikarajan sisällä: ensimmäinen mahdollinen ti 24.11. klo 8)"
    );
    assert_eq!(
        service_window_text(&w, range, true, at, Language::En),
        "Contact Tue 24.11. 8:00–10:00 (not open within the timeframe: first possible Tue 24.11. 8:00)"
    );
    // Around the clock, an hour window over midnight.
    let always = OpeningHours::always();
    let late = monday("22:00").naive_local();
    let w = service_window(&always, late, TimeframeRange::Hours { min: 0, max: 4 }).expect("w");
    assert_eq!(
        service_window_text(
            &w,
            TimeframeRange::Hours { min: 0, max: 4 },
            true,
            late,
            Language::En
        ),
        "Contact by Tue 24.11. 2:00"
    );
    // Starting later than now, the same day.
    let morning = monday("06:00").naive_local();
    let w = service_window(&station, morning, range).expect("w");
    assert_eq!(
        service_window_text(&w, range, true, morning, Language::Fi),
        "Yhteys tänään klo 8–10"
    );
}

#[test]
fn a_closed_service_without_a_window_says_when_it_opens() {
    let g = fx();
    let (call, e) = cough_call(
        &g,
        &[
            ("fever", Answer::No),
            ("kind", Answer::Choice("dry".into())),
        ],
    );
    let sunday = t("2026-11-29T10:00:00+02:00");
    let x = explain(&g, &call, &e, sunday, Language::En).expect("x");
    assert_eq!(x.timeframe.id, "self_care");
    assert!(x.nurse_judgement);
    assert_eq!(x.advice, "Rest. Call again if you get worse.");
    let s = x.service.expect("pharmacy");
    assert_eq!(
        s.status.as_deref(),
        Some("closed now, opens Mon 30.11. 9:00")
    );
    let open = explain(&g, &call, &e, monday("10:00"), Language::En).expect("x");
    assert_eq!(open.service.expect("pharmacy").status, None);
}

#[test]
fn accept_takes_the_effective_outcome_and_the_record_and_log_show_it() {
    let g = fx();
    let (call, e) = elderly(&g);
    let night = monday("23:40");
    let mut a = Assessment::new(&g, monday("23:30"));
    a.caller = arvio::assessment::Caller::Client;
    a.call = call;
    a.accept(&g, &e, night).expect("accept");
    let d = a.decision.as_ref().expect("decision");
    assert_eq!(g.timeframe(d.disposition.timeframe).id, "on_call");
    assert_eq!(
        d.service.map(|s| g.service(s).id.clone()).as_deref(),
        Some("on_call_unit")
    );
    // The record, made later, shows the proposal decided on, with the service and its contact.
    let record = arvio::record::record_text(
        &g,
        &a,
        &e,
        &arvio::record::Assessor::default(),
        t("2026-11-24T08:30:00+02:00"),
        Language::En,
    );
    assert!(
        record.contains("Proposal: Health station is closed so that the timeframe \"Same day\" cannot be met: the guidance says instead: On call, On-call unit"),
        "{record}"
    );
    assert!(
        record.contains("Contact: On-call unit: Call 116117"),
        "{record}"
    );
    assert!(record.contains("Decision: as proposed"), "{record}");
    let r = arvio::log::LogRecord::of(&g, &a, &e, t("2026-11-24T00:05:00+02:00")).expect("log");
    assert_eq!(r.schema, arvio::log::SCHEMA_VERSION);
    assert_eq!(r.proposal.disposition.timeframe, "on_call");
    assert_eq!(r.proposal.service.as_deref(), Some("on_call_unit"));
    assert_eq!(r.decision.service.as_deref(), Some("on_call_unit"));
    assert!(!r.proposal.nurse_judgement);
    // Overriding it to a same-day visit lowers urgency below the effective outcome.
    let same_day = g.timeframe_by_id("same_day").expect("tf");
    let d = arvio::disposition::Resolved {
        timeframe: same_day,
        mode: g.mode_by_id("visit"),
        professional: g.professional_by_id("nurse"),
    };
    let reason = arvio::assessment::OverrideReason {
        category: "judgement".into(),
        text: "käynti aamulla".into(),
    };
    a.override_with(&g, &e, night, d, reason).expect("override");
    let d = a.decision.as_ref().expect("decision");
    assert!(d.lowers_urgency);
    assert_eq!(d.service, None);
}

#[test]
fn the_nurses_judgement_is_marked_in_the_record_and_the_log() {
    let g = fx();
    let (call, e) = cough_call(
        &g,
        &[
            ("age", Answer::Number(40.0)),
            ("fever", Answer::No),
            ("kind", Answer::Choice("dry".into())),
        ],
    );
    let mut a = Assessment::new(&g, monday("10:00"));
    a.caller = arvio::assessment::Caller::Client;
    a.call = call;
    a.accept(&g, &e, monday("10:05")).expect("accept");
    let record = arvio::record::record_text(
        &g,
        &a,
        &e,
        &arvio::record::Assessor::default(),
        monday("10:06"),
        Language::Fi,
    );
    assert!(
        record.contains("Omahoito (hoitajan arvio), Apteekki"),
        "{record}"
    );
    let r = arvio::log::LogRecord::of(&g, &a, &e, monday("10:06")).expect("log");
    assert!(r.proposal.nurse_judgement && r.decision.nurse_judgement);
    assert_eq!(r.proposal.service.as_deref(), Some("pharmacy"));
    let line = r.to_line();
    assert!(
        line.contains(r#""service":"pharmacy","nurse_judgement":true"#),
        "{line}"
    );
    // `arvio stats` counts by service.
    let stats = arvio::stats::Stats::compute([&r, &r], &Default::default(), None);
    assert_eq!(stats.services.len(), 1);
    assert_eq!(
        (stats.services[0].id.as_str(), stats.services[0].count),
        ("pharmacy", 2)
    );
    let text = stats.to_text();
    assert!(text.contains("Service (decided)"), "{text}");
}

// ---------------------------------------------------------------------------------------------
// Scenarios

fn run(
    g: &Guidance,
    dir: &std::path::Path,
    name: &str,
    text: &str,
) -> arvio::scenario::ScenarioResult {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    let s = arvio::scenario::load_scenario(&path).expect("parses");
    arvio::scenario::run_scenario(g, &s)
}

fn mismatches(r: &arvio::scenario::ScenarioResult) -> Vec<String> {
    r.mismatches
        .iter()
        .map(|m| format!("{}: {} / {}", m.field, m.expected, m.actual))
        .chain(r.errors.iter().map(ToString::to_string))
        .collect()
}

#[test]
fn scenarios_expect_the_service_and_hour_windows() {
    let g = fx();
    let dir = tempfile::tempdir().expect("dir");
    let elderly = |at: &str, expect: &str| {
        format!(
            r#"Scenario(at: "{at}", reasons: ["cough"],
                answers: {{ "age": Number(80), "fever": No, "kind": Choice("wet") }},
                expect: ({expect}))"#
        )
    };
    let day = run(
        &g,
        dir.path(),
        "day.ron",
        &elderly(
            "2026-11-23T10:00:00+02:00",
            r#"timeframe: "same_day", service: "station", rule: "cough_old", window: ("2026-11-23T10:00", "2026-11-23T16:00")"#,
        ),
    );
    assert_eq!(mismatches(&day), Vec::<String>::new());
    let night = run(
        &g,
        dir.path(),
        "night.ron",
        &elderly(
            "2026-11-23T23:40:00+02:00",
            r#"timeframe: "on_call", service: "on_call_unit", rule: "cough_old", window: None"#,
        ),
    );
    assert_eq!(mismatches(&night), Vec::<String>::new());
    // A wrong service and window are reported field by field.
    let wrong = run(
        &g,
        dir.path(),
        "wrong.ron",
        &elderly(
            "2026-11-23T10:00:00+02:00",
            r#"timeframe: "same_day", service: "on_call_unit", window: ("2026-11-23T10:00:00", "2026-11-23T15:00")"#,
        ),
    );
    assert_eq!(
        mismatches(&wrong),
        [
            "service: on_call_unit / station",
            "window: 2026-11-23T10:00..2026-11-23T15:00 / 2026-11-23T10:00..2026-11-23T16:00",
        ]
    );
    // "Save as scenario" writes what the guidance gives now, service and times included.
    let call = Call::from_ids(
        &g,
        ["cough"],
        [
            ("rf_chest", &Answer::No),
            ("rf_confused", &Answer::No),
            ("age", &Answer::Number(80.0)),
            ("fever", &Answer::No),
            ("kind", &Answer::Choice("wet".into())),
        ],
    )
    .expect("call");
    let file =
        arvio::scenario::ScenarioFile::of(&g, "saved", &call, monday("10:00")).expect("file");
    assert_eq!(file.expect.service.as_deref(), Some("station"));
    let path = file.write_into(dir.path()).expect("written");
    let saved = arvio::scenario::load_scenario(&path).expect("parses");
    assert!(arvio::scenario::run_scenario(&g, &saved).passed());
}

// ---------------------------------------------------------------------------------------------
// Diff

fn diff_with(guidance: &[(&str, &str)], cough: &[(&str, &str)]) -> arvio::diff::Diff {
    let old = fx();
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
    let new = load(dir.path());
    arvio::diff::diff(&old, &[], &new, &[], &arvio::analysis::Options::default())
}

fn changed_fields(d: &arvio::diff::Diff) -> Vec<String> {
    d.items
        .iter()
        .flat_map(|i| {
            i.fields.iter().map(move |f| {
                format!(
                    "{} {}: {}: {} → {}",
                    i.item.name(),
                    i.id,
                    f.field,
                    f.old.as_deref().unwrap_or("-"),
                    f.new.as_deref().unwrap_or("-")
                )
            })
        })
        .collect()
}

#[test]
fn a_diff_shows_changed_opening_hours_and_hours_of_a_timeframe() {
    let d = diff_with(
        &[
            (
                STATION_HOURS,
                r#"hours: Hours(weekdays: ["08:00-12:00", "13:00-18:00"], saturday: ["09:00-13:00"])"#,
            ),
            (WITHIN_4H, r#"kind: Scheduled, hours: (1, 4)"#),
        ],
        &[],
    );
    assert_eq!(
        changed_fields(&d),
        [
            "timeframe within_4h: hours: 0–4 → 1–4",
            "service station: hours: weekdays 08:00–16:00; saturday closed; sunday closed; holidays closed → weekdays 08:00–12:00, 13:00–18:00; saturday 09:00–13:00; sunday closed; holidays closed",
        ]
    );
}

#[test]
fn a_diff_shows_a_changed_service_and_advice_block_and_their_cases() {
    let d = diff_with(
        &[(
            r#"en: "Call again if you get worse.""#,
            r#"en: "Call again if you are worse.""#,
        )],
        // The elderly now go to the pharmacy, which is open at 10:00 on a working day.
        &[(
            r#"professional: "nurse", service: "station","#,
            r#"professional: "nurse", service: "pharmacy","#,
        )],
    );
    let fields = changed_fields(&d);
    assert!(
        fields.contains(&"advice block call_back: text.en: Call again if you get worse. → Call again if you are worse.".to_owned()),
        "{fields:?}"
    );
    assert!(
        fields.contains(&"rule cough_old: outcome.service: station → pharmacy".to_owned()),
        "{fields:?}"
    );
    // The block's text shows in the outcomes that use it.
    assert!(
        fields
            .iter()
            .any(|f| f.starts_with("rule cough_mild: outcome.advice.en:")),
        "{fields:?}"
    );
    // Behaviour: the cases the old rule decides now go to another service.
    assert!(!d.cases.is_empty());
    for c in &d.cases {
        assert_eq!(c.old.rule, "cough_old");
        assert_eq!(c.old.service.as_deref(), Some("station"));
        assert_eq!(c.new.service.as_deref(), Some("pharmacy"));
    }
}

#[test]
fn a_diff_compares_cases_at_a_working_day_morning() {
    assert_eq!(
        arvio::diff::cases_assessed_at().to_string(),
        "2026-11-24 10:00:00"
    );
    // The station now opens only from 8 to 9, so at 10:00 it is closed for the rest of the day:
    // the elderly's cases get the out-of-hours outcome.
    let d = diff_with(
        &[(STATION_HOURS, r#"hours: Hours(weekdays: ["08:00-09:00"])"#)],
        &[],
    );
    assert!(!d.cases.is_empty());
    assert!(d.cases.iter().any(|c| {
        c.old.rule == "cough_old"
            && c.old.disposition.timeframe == "same_day"
            && c.new.disposition.timeframe == "on_call"
    }));
}
