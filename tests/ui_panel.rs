//! The right column and the decision (issue 14, point 3): it reads at 1024×768, scrolls by
//! PageUp / PageDown, scrolls to the decision when it is made and highlights it; after an
//! override every place on screen shows the decision, the proposal kept as "proposed: …"; who
//! called and how (F2 / F3) is on screen.
#![cfg(feature = "gui")]

mod common;
mod ui_support;

use std::path::PathBuf;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::*;

const HEIGHT: f32 = 768.0;

/// The window's height in the points the nodes' rects are in (the zoom included).
fn screen_height(h: &App) -> f32 {
    h.ctx.content_rect().height()
}

/// The shipped guidance's respiratory call, every question answered, at 1024×768.
fn complete_respiratory_call() -> App {
    let mut h = app_sized(PathBuf::from("rules/default"), egui::vec2(1024.0, HEIGHT));
    new_call(&mut h);
    paste(&mut h, "hals");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Tab);
    // Format 2: the basics first (the age: digits, then the unit's key), then the red flags in
    // scope, then the risk factors as one list, the duration and the course.
    type_keys(&mut h, "34v");
    chord(&mut h, Modifiers::SHIFT, Key::E); // none of the red flags
    press(&mut h, Key::E); // risk factors: none of them
    type_keys(&mut h, "5p"); // since: 5 days
    press(&mut h, Key::Num2); // course: about the same
    press(&mut h, Key::E); // no fever
    press(&mut h, Key::Num2); // general condition reduced
    press(&mut h, Key::E);
    assert!(
        h.state()
            .state
            .call
            .as_ref()
            .expect("call")
            .evaluation
            .complete()
    );
    h
}

fn on_screen(h: &App, r: egui::Rect) -> bool {
    r.min.y >= 0.0 && r.max.y <= screen_height(h)
}

#[test]
fn accepting_scrolls_the_right_column_to_the_decision_and_highlights_it() {
    let mut h = complete_respiratory_call();
    h.get_by_label_contains("PgUp / PgDn");
    chord(&mut h, Modifiers::COMMAND, Key::Enter);
    let decided = h.get_by_label_contains("✔ Päätetty: 1–3 vrk");
    assert!(on_screen(&h, decided.rect()), "{:?}", decided.rect());
    // The notes and the record follow right below it.
    let notes = h.get_by_label_contains("Omat muistiinpanot");
    assert!(on_screen(&h, notes.rect()), "{:?}", notes.rect());
}

#[test]
fn page_up_and_page_down_scroll_the_right_column() {
    let mut h = complete_respiratory_call();
    chord(&mut h, Modifiers::COMMAND, Key::Enter);
    let copy = |h: &App| h.get_by_label("Kopioi kirjaus (Ctrl+Shift+C)").rect();
    let heading = |h: &App| h.get_by_label("Ehdotus").rect();
    for _ in 0..5 {
        press(&mut h, Key::PageUp);
    }
    assert!(on_screen(&h, heading(&h)), "the top: {:?}", heading(&h));
    let top = copy(&h);
    assert!(
        top.min.y > screen_height(&h),
        "the record's end is below: {top:?}"
    );
    for _ in 0..5 {
        press(&mut h, Key::PageDown);
    }
    let bottom = copy(&h);
    assert!(on_screen(&h, bottom), "PageDown brings the end: {bottom:?}");
    assert!(heading(&h).max.y < 0.0, "and the top went up");
}

#[test]
fn after_an_override_every_place_on_screen_shows_the_decision() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    decided_cough_call(&mut h);
    h.get_by_label_contains("Yhteys viimeistään to 26.11.2026");
    chord(&mut h, Modifiers::COMMAND, Key::O);
    chord(&mut h, Modifiers::ALT, Key::ArrowDown); // 1–7 days
    paste(&mut h, "Soittaja haluaa ajan myöhemmin");
    chord(&mut h, Modifiers::COMMAND, Key::Num2);
    chord(&mut h, Modifiers::COMMAND, Key::S);
    assert!(
        h.state()
            .state
            .call
            .as_ref()
            .expect("call")
            .assessment
            .decision
            .is_some()
    );
    // The card, the contact and the decision say 1–7 days, with its own window.
    h.get_by_label("Päätös");
    h.get_by_label_contains("• 1–7 vrk");
    // The proposal's window is left only in the record's "Ehdotus" line (the record is
    // point 6 of the issue, its own part).
    let record = h.state().state.record().expect("record");
    assert_eq!(
        h.get_all_by_label_contains("Yhteys viimeistään to 26.11.2026")
            .map(|n| n.value().unwrap_or_default())
            .collect::<Vec<_>>(),
        vec![record.clone()],
        "the proposal's window is gone from the card"
    );
    let outside_the_record = |text: &str| {
        h.get_all_by_label_contains(text)
            .filter(|n| n.value().as_deref() != Some(record.as_str()))
            .count()
    };
    assert_eq!(
        outside_the_record("Yhteys viimeistään ke 2.12.2026"),
        2,
        "the card and the decision"
    );
    h.get_by_label_contains("✔ Päätetty: 1–7 vrk, Käynti, Lääkäri");
    // The proposal stays visible as "proposed: …", the advice marked as the proposal's.
    assert_eq!(
        h.get_all_by_label("ehdotettu: 1–3 vrk, Käynti, Lääkäri")
            .count(),
        2,
        "under the card and in the decision"
    );
    h.get_by_label_contains("Ehdotuksen ohjeet (ehdotettu 1–3 vrk)");
    h.get_by_label("Lääkärille");
}

#[test]
fn f2_and_f3_change_who_called_and_how_on_screen() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    chord(&mut h, Modifiers::COMMAND, Key::N);
    // A call starts with who called not chosen: the record never assumes the client.
    h.get_by_label("ei valittu");
    h.get_by_label("puhelimitse");
    press(&mut h, Key::F2);
    h.get_by_label("asiakas itse");
    press(&mut h, Key::F2);
    h.get_by_label("vanhempi");
    assert!(h.query_by_label("asiakas itse").is_none());
    press(&mut h, Key::F3);
    h.get_by_label("takaisinsoittona");
    press(&mut h, Key::F3);
    h.get_by_label("chatissa");
    let c = h.state().state.call.as_ref().expect("call");
    assert_eq!(c.assessment.caller, arvio::assessment::Caller::Parent);
    assert_eq!(c.assessment.channel, arvio::assessment::Channel::Chat);
}

/// Issue 14, point 4: a call with two reasons shows each reason's own route — its timeframe and
/// window, service, advice and worsening advice — by label, never an id; the decision above
/// covers the call.
#[test]
fn each_reason_of_a_two_reason_call_shows_its_own_route() {
    let mut h = app_sized(PathBuf::from("rules/default"), egui::vec2(1280.0, 900.0));
    new_call(&mut h);
    type_keys(&mut h, "kurkku");
    press(&mut h, Key::Enter);
    type_keys(&mut h, "virtsa");
    press(&mut h, Key::Enter);
    h.get_by_label("Reitti syittäin");
    let state = &h.state().state;
    let c = state.call.as_ref().expect("call");
    let e = arvio::explain::explain(
        &c.guidance,
        &c.assessment.call,
        &c.evaluation,
        state.now(),
        arvio::text::Language::Fi,
    )
    .expect("a proposal");
    assert_eq!(e.per_reason.len(), 2);
    let mut advice = Vec::new();
    for r in &e.per_reason {
        h.get_by_label(&r.reason.label);
        let mut timeframe = r.timeframe.label.clone();
        if let Some(w) = &r.window {
            timeframe.push_str(&format!(" – {}", w.text));
        }
        // Two reasons may share a timeframe and window.
        assert!(h.query_all_by_label(&timeframe).count() >= 1, "{timeframe}");
        advice.push(r.advice.clone());
        if let Some(w) = &r.worsening {
            h.get_by_label(&format!("Jos oireet pahenevat: {w}"));
        }
        if let Some(s) = &r.service {
            let line = format!("Palvelu: {}", s.label);
            assert!(h.query_all_by_label_contains(&line).count() >= 1, "{line}");
        }
        // Never an id.
        assert!(
            h.query_by_label_contains(&r.decided_by).is_none(),
            "{}",
            r.decided_by
        );
        assert!(h.query_by_label_contains(&r.reason.id).is_none());
    }
    assert_ne!(advice[0], advice[1], "each reason's own advice");
    for a in advice.iter().filter(|a| !a.is_empty()) {
        h.get_by_label(&format!("Ohjeet soittajalle: {a}"));
    }
}

/// A decision the call changed after (an answer, a reason removed) is void, and the panel says
/// so instead of silently showing the Accept button again.
#[test]
fn a_decision_made_void_by_a_later_change_says_so() {
    let dir = common::fixture();
    let mut h = app(dir.path().into());
    decided_cough_call(&mut h);
    chord(&mut h, Modifiers::COMMAND, Key::Enter);
    assert!(call_view(&h).assessment.decision.is_some());
    assert!(h.query_by_label_contains("Päätös peruttiin").is_none());
    // Back in the search, Delete in the empty box removes the reason: the decision goes too.
    chord(&mut h, Modifiers::COMMAND, Key::F);
    press(&mut h, Key::Delete);
    let c = call_view(&h);
    assert!(c.assessment.call.reasons.is_empty());
    assert!(c.assessment.decision.is_none());
    h.get_by_label_contains("Päätös peruttiin, koska arvio muuttui");
    // A new decision takes the notice away.
    paste(&mut h, "kurkku");
    press(&mut h, Key::Enter);
    chord(&mut h, Modifiers::COMMAND, Key::Enter);
    assert!(call_view(&h).assessment.decision.is_some());
    assert!(h.query_by_label_contains("Päätös peruttiin").is_none());
}
