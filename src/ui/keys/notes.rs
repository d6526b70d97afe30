//! The keys in the notes field: Esc leaves it for the search box; the rest is typing.

use egui::{InputState, Key, Modifiers};

use crate::ui::intent::Intent;
use crate::ui::nurse::Focus;

pub fn keys(i: &mut InputState, out: &mut Vec<Intent>) {
    if i.consume_key(Modifiers::NONE, Key::Escape) {
        out.push(Intent::Focus(Focus::Search));
    }
}
