//! Keys act in the order typed, each on the state the key before it left (H-55). A frame
//! brings every key pressed since the last one: on a slow software renderer or a virtual
//! desktop that batches input, two keys or more. Read at once, they all act on the frame's first
//! state: "↓ E" answered the card being left instead of the next one, a last tick and Enter
//! confirmed the ticks without it, "3d" said "cannot say" where it meant three days.
//!
//! So a frame's key presses are read up to the first one that does anything (the key maps give
//! an intent for it); what comes after waits for the next frame, which is asked for at once,
//! and is read on the state that key left. Letters typed into the search do nothing by
//! themselves, so a word and its Enter still go together.

use egui::{Event, InputState};

use crate::ui::intent::Intent;

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
    let presses: Vec<usize> = i
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e, Event::Key { pressed: true, .. }))
        .map(|(n, _)| n)
        .collect();
    // The events up to the second press, the third, …: the first prefix that acts is the cut.
    for &end in presses.iter().skip(1) {
        let mut trial = i.clone();
        trial.events.truncate(end);
        let mut out = Vec::new();
        maps(&mut trial, &mut out);
        if !out.is_empty() {
            later.events = i.events.split_off(end);
            let mut out = Vec::new();
            maps(i, &mut out);
            return out;
        }
    }
    let mut out = Vec::new();
    maps(i, &mut out);
    out
}
