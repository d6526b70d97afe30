//! The keys on the "who called" card: 1–4 choose (the client, a parent, a relative, a
//! professional) and go on; Tab, Enter and the arrows move along the flow; `/` goes to the
//! search. No other key does anything here.

use egui::{Event, InputState, Key, Modifiers};

use crate::assessment::Caller;
use crate::ui::intent::Intent;
use crate::ui::keys::answer::OPTION_KEYS;
use crate::ui::nurse::Focus;

pub fn keys(i: &mut InputState, out: &mut Vec<Intent>) {
    if i.consume_key(Modifiers::SHIFT, Key::Tab) || i.consume_key(Modifiers::NONE, Key::ArrowUp) {
        out.push(Intent::FocusPrevious);
    }
    if i.consume_key(Modifiers::NONE, Key::Tab)
        || i.consume_key(Modifiers::NONE, Key::ArrowDown)
        || i.consume_key(Modifiers::NONE, Key::Enter)
    {
        out.push(Intent::FocusNext);
    }
    if i.consume_key(Modifiers::NONE, Key::Slash) {
        out.push(Intent::Focus(Focus::Search));
    }
    for (key, who) in OPTION_KEYS.iter().zip(Caller::ALL) {
        if i.consume_key(Modifiers::NONE, *key) {
            out.push(Intent::SetCaller(who));
        }
    }
    // No letter typed here reaches a widget.
    i.events.retain(|e| !matches!(e, Event::Text(_)));
}
