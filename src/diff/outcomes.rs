//! Format 2's outcome constructs in a diff: the structural fields of an outcome (its service,
//! out-of-hours outcome and the nurse's judgement included), of the services with their opening
//! hours and of the advice blocks, as plain `(field, value)` lists that [`crate::diff`] keys by
//! id; and the time at which enumerated cases are decided.

use crate::guidance::{AdviceBlock, Guidance, Outcome, Service};
use crate::opening_hours::{DayKind, OpeningHours};
use crate::text::{Language, Text};

/// When enumerated cases are decided: a working-day morning, Tuesday 24 November 2026 at 10:00
/// (local time), so that services open on weekdays are open and `when_closed` outcomes apply only
/// where a service is closed then. A scenario is decided at its own `at`.
pub fn cases_assessed_at() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap_or_default()
}

/// A structure's fields: `(name, value)`.
pub type FieldList = Vec<(String, String)>;

/// A text's field per declared language (`advice.fi`, …).
pub fn text(f: &mut FieldList, langs: &[Language], name: &str, t: &Text) {
    for &lang in langs {
        f.push((format!("{name}.{}", lang.code()), t.get(lang).to_owned()));
    }
}

/// An outcome's fields under `name`: the ids it names, its (resolved) texts, its service, its
/// `when_closed` under `name.when_closed`, and `nurse_judgement` when set.
pub fn outcome(f: &mut FieldList, g: &Guidance, name: &str, o: &Outcome) {
    let langs = &g.meta.languages;
    f.push((
        format!("{name}.timeframe"),
        g.timeframe(o.timeframe).id.clone(),
    ));
    let modes: Vec<&str> = o.modes.iter().map(|m| g.mode(*m).id.as_str()).collect();
    f.push((format!("{name}.modes"), modes.join(", ")));
    if let Some(p) = o.professional {
        f.push((format!("{name}.professional"), g.professional(p).id.clone()));
    }
    text(f, langs, &format!("{name}.advice"), &o.advice);
    if let Some(w) = &o.worsening {
        text(f, langs, &format!("{name}.worsening"), w);
    }
    f.push((
        format!("{name}.outside_care_guarantee"),
        o.outside_care_guarantee.to_string(),
    ));
    if let Some(s) = o.service {
        f.push((format!("{name}.service"), g.service(s).id.clone()));
    }
    if o.nurse_judgement {
        f.push((format!("{name}.nurse_judgement"), "true".to_owned()));
    }
    if let Some(alt) = &o.when_closed {
        outcome(f, g, &format!("{name}.when_closed"), alt);
    }
}

/// A service's fields: label, contact and opening hours.
pub fn service(g: &Guidance, s: &Service) -> FieldList {
    let mut f = FieldList::new();
    text(&mut f, &g.meta.languages, "label", &s.label);
    text(&mut f, &g.meta.languages, "contact", &s.contact);
    f.push(("hours".to_owned(), hours_text(&s.hours)));
    f
}

/// `Always`, or each kind of day's spans: `weekdays 08:00–16:00; saturday closed; …`.
pub fn hours_text(h: &OpeningHours) -> String {
    if h.is_always() {
        return "Always".to_owned();
    }
    let days = [
        (DayKind::Weekday, "weekdays"),
        (DayKind::Saturday, "saturday"),
        (DayKind::Sunday, "sunday"),
        (DayKind::Holiday, "holidays"),
    ];
    let day = |(kind, name): (DayKind, &str)| {
        let spans: Vec<String> = h.spans(kind).iter().map(ToString::to_string).collect();
        let spans = if spans.is_empty() {
            "closed".to_owned()
        } else {
            spans.join(", ")
        };
        format!("{name} {spans}")
    };
    days.map(day).join("; ")
}

/// An advice block's fields: its text.
pub fn advice_block(g: &Guidance, b: &AdviceBlock) -> FieldList {
    let mut f = FieldList::new();
    text(&mut f, &g.meta.languages, "text", &b.text);
    f
}
