//! The keys in the notes field: Esc, Tab or Shift+Tab leave it for the search box (egui's own
//! focus ring would take Tab to the header's buttons, where Enter presses them); the rest is
//! typing.

use egui::{InputState, Key, Modifiers};

use crate::ui::intent::Intent;
use crate::ui::nurse::Focus;

pub fn keys(i: &mut InputState, out: &mut Vec<Intent>) {
    if i.consume_key(Modifiers::NONE, Key::Escape)
        || i.consume_key(Modifiers::SHIFT, Key::Tab)
        || i.consume_key(Modifiers::NONE, Key::Tab)
    {
        out.push(Intent::Focus(Focus::Search));
    }
}
