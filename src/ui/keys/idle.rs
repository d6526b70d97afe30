//! The nurse's screen without a call: a letter typed starts one, with the letter in the reason
//! search, since callers open with their reason. Nothing else typed does anything.

use egui::{Event, InputState};

use crate::ui::intent::Intent;
use crate::ui::state::AppState;

pub fn keys(i: &mut InputState, state: &AppState, out: &mut Vec<Intent>) {
    // No call can start over a crashed call's restore offer (a stray letter must not withdraw
    // it), nor without guidance.
    if state.restore_offer.is_some() || state.guidance.current.is_none() {
        return;
    }
    let letters: String = i
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    // Only letters start a call: a digit, a space or a sign is no reason's first letter.
    if letters.chars().next().is_some_and(char::is_alphabetic) {
        i.events.retain(|e| !matches!(e, Event::Text(_)));
        out.push(Intent::StartCallTyping(letters));
    }
}
