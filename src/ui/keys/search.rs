//! The keys in the reason search: arrows move the highlight, Enter adds the highlighted reason
//! and keeps the keyboard here for the next one (or, on a red flag, takes the keyboard to it to
//! ask); Enter in the empty box, ↓ without matches, Tab and Esc go on to the questions; Delete
//! in the empty box removes the reason added last.

use egui::{Event, InputState, Key, Modifiers};

use crate::ui::intent::Intent;
use crate::ui::nurse::CallView;

pub fn keys(i: &mut InputState, c: &CallView, out: &mut Vec<Intent>) {
    letters_before_enter(i, c, out);
    if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
        out.push(if c.search.trim().is_empty() {
            Intent::FocusNext
        } else {
            Intent::MoveHighlight(1)
        });
    }
    if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
        out.push(Intent::MoveHighlight(-1));
    }
    if c.search.is_empty() && i.consume_key(Modifiers::NONE, Key::Delete) {
        out.push(Intent::RemoveLastReason);
    }
    if i.consume_key(Modifiers::NONE, Key::Enter) {
        out.push(if c.search.trim().is_empty() {
            Intent::FocusNext
        } else {
            Intent::AddHighlighted
        });
    }
    // Shift+Tab first: a key without modifiers in the map matches it with Shift too.
    if i.consume_key(Modifiers::SHIFT, Key::Tab) {
        out.push(Intent::FocusPrevious);
    }
    if i.consume_key(Modifiers::NONE, Key::Tab) || i.consume_key(Modifiers::NONE, Key::Escape) {
        out.push(Intent::FocusNext);
    }
}

/// A fast typist's last letters and Enter can arrive in one frame: the letters belong to the
/// search, so apply them before Enter picks the reason, and let none of them reach the text
/// field after the focus has moved on.
fn letters_before_enter(i: &mut InputState, c: &CallView, out: &mut Vec<Intent>) {
    let enter = i.events.iter().position(|e| {
        matches!(e, Event::Key { key: Key::Enter, pressed: true, modifiers, .. } if modifiers.is_none())
    });
    let Some(at) = enter else {
        return;
    };
    let typed: String = i.events[..at]
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    if !typed.is_empty() {
        out.push(Intent::SetSearch(format!("{}{typed}", c.search)));
        i.events.retain(|e| !matches!(e, Event::Text(_)));
        out.push(Intent::AddHighlighted);
        i.consume_key(Modifiers::NONE, Key::Enter);
    }
}
