//! Keys act in the order typed, each on the state the key before it left (H-55). A frame
//! brings every key pressed since the last one: on a slow software renderer or a virtual
//! desktop that batches input, two keys or more. Read at once, they all act on the frame's first
//! state: "↓ E" answered the card being left instead of the next one, a last tick and Enter
//! confirmed the ticks without it, "3d" said "cannot say" where it meant three days.
//!
//! So a frame's key presses are read up to the first one that does anything (the key maps give
//! an intent for it); what comes after waits for the next frame, which is asked for at once,
//! and is read on the state that key left. What is typed into a text field before that key
//! (characters, a paste, Backspace) reaches the field first: the key then waits a frame too, so
//! that "kuu" and ↓ move the search's highlight and a free text's last words are in its answer.
//! Of what waits, a repeat of a held key is dropped (it would only pile up), and so is the same
//! key again before any other: twice in one frame is a key's bounce, not the nurse.

use egui::{Event, InputState, Key};

use crate::ui::intent::Intent;

/// At most this many events wait for the next frame (a guard: with repeats dropped only typing
/// faster than the frames come leaves any).
const MOST: usize = 256;

/// The key presses (with their characters) that wait for the next frame.
#[derive(Debug, Default)]
pub struct Later {
    events: Vec<Event>,
}

impl Later {
    /// Whether keys wait: the next frame must come at once.
    pub fn waiting(&self) -> bool {
        !self.events.is_empty()
    }
}

/// Puts the keys that waited in front of this frame's events.
pub fn resume(i: &mut InputState, later: &mut Later) {
    if later.events.is_empty() {
        return;
    }
    let mut events = std::mem::take(&mut later.events);
    events.append(&mut i.events);
    i.events = events;
}

/// Runs `maps` over the frame's events up to the first key press they give an intent for, and
/// keeps the key presses after it (with everything that follows them) for the next frame.
pub fn in_order(
    i: &mut InputState,
    later: &mut Later,
    maps: impl Fn(&mut InputState, &mut Vec<Intent>),
) -> Vec<Intent> {
    if let Some(cut) = cut(i, &maps) {
        let acting = cut.after.and_then(|n| press_at(&i.events, n));
        let mut rest = i.events.split_off(cut.at);
        drop_repeats_and_bounces(&mut rest, acting);
        rest.truncate(MOST);
        later.events = rest;
    }
    let mut out = Vec::new();
    maps(i, &mut out);
    out
}

/// Where the frame's events are cut: before `at`; `after` the press that acts, when it is read
/// in this frame (else it waits too, behind what was typed before it).
struct Cut {
    at: usize,
    after: Option<usize>,
}

/// The first press the maps act on, and where to cut: after it, or before it when what comes
/// before it was typed into a field; `None` when every event can be read in this frame.
fn cut(i: &InputState, maps: &impl Fn(&mut InputState, &mut Vec<Intent>)) -> Option<Cut> {
    let presses: Vec<usize> = (0..i.events.len())
        .filter(|&n| matches!(i.events[n], Event::Key { pressed: true, .. }))
        .collect();
    let single = presses.len() == 1 && presses[0] == 0;
    if presses.is_empty() || single {
        return None;
    }
    let ends = presses.iter().skip(1).copied().chain([i.events.len()]);
    for (&press, end) in presses.iter().zip(ends) {
        let (acts, _) = trial(i, end, maps);
        if !acts {
            continue;
        }
        let (_, typed_before) = trial(i, press, maps);
        if typed_before && press > 0 {
            return Some(Cut {
                at: press,
                after: None,
            });
        }
        return (end < i.events.len()).then_some(Cut {
            at: end,
            after: Some(press),
        });
    }
    None
}

/// The maps over the first `end` events: whether they give an intent, and whether what they
/// leave is typed into a field (a character, a paste, Backspace or Delete).
fn trial(
    i: &InputState,
    end: usize,
    maps: &impl Fn(&mut InputState, &mut Vec<Intent>),
) -> (bool, bool) {
    let mut trial = i.clone();
    trial.events.truncate(end);
    let mut out = Vec::new();
    maps(&mut trial, &mut out);
    let typed = trial.events.iter().any(|e| {
        matches!(
            e,
            Event::Text(_)
                | Event::Paste(_)
                | Event::Key {
                    key: Key::Backspace | Key::Delete,
                    pressed: true,
                    ..
                }
        )
    });
    (!out.is_empty(), typed)
}

/// The key and modifiers of the press at `n`.
fn press_at(events: &[Event], n: usize) -> Option<(Key, egui::Modifiers)> {
    match events.get(n) {
        Some(Event::Key { key, modifiers, .. }) => Some((*key, *modifiers)),
        _ => None,
    }
}

/// Drops from the events that wait the repeats of held keys and, before any other press, the
/// acting key pressed again (its bounce), each with the character it typed.
fn drop_repeats_and_bounces(rest: &mut Vec<Event>, acting: Option<(Key, egui::Modifiers)>) {
    let mut other_pressed = false;
    let mut drop_its_text = false;
    rest.retain(|e| match e {
        Event::Key {
            key,
            pressed: true,
            repeat,
            modifiers,
            ..
        } => {
            let bounce = !other_pressed && acting == Some((*key, *modifiers));
            other_pressed |= !bounce;
            drop_its_text = *repeat || bounce;
            !drop_its_text
        }
        Event::Text(_) if drop_its_text => {
            drop_its_text = false;
            false
        }
        _ => {
            drop_its_text = false;
            true
        }
    });
}
