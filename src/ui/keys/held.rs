//! A key held down counts once. The system repeats a held key (on Windows and X11 about 30
//! presses a second after half a second), and egui hands every repeat to the maps as a press.
//! Without this, "E" held a moment too long on a red flag answered "no" to each card the
//! keyboard moved on to, none of them asked; Ctrl+N held asked, then discarded the call in
//! progress; Ctrl+Enter held accepted, then finished the call (H-54).
//!
//! Repeats stay only where they move or edit: the arrows, Page Up/Down, Home/End, Tab and
//! Backspace everywhere, and a character typed into a text field (the search, the
//! notes, a free-text answer), as in any text field. A repeated Enter, Delete (in the empty
//! search it removes a reason), Space outside a text field, letter, digit, function key or
//! shortcut is taken out with the character it typed.

use egui::{Event, InputState, Key};

/// Keys whose repeats only move the keyboard or the text cursor, scroll, or delete typed text.
/// Not Delete: in the empty search it removes the reason added last, so held it removed them
/// all.
const MOVING: [Key; 10] = [
    Key::ArrowUp,
    Key::ArrowDown,
    Key::ArrowLeft,
    Key::ArrowRight,
    Key::PageUp,
    Key::PageDown,
    Key::Home,
    Key::End,
    Key::Tab,
    Key::Backspace,
];

/// Which keys are down, and whether the last event of the frame was a repeat taken out, whose
/// character then comes first in the next frame (egui-winit sends a key's press, then the
/// character it typed; a test harness may give each its own frame).
///
/// A repeat is told by the key's own press and release, by its physical key where the window
/// says it: egui's `repeat` flag goes by the key's name, and a key whose name Shift changes
/// between press and release ("7" pressed, "/" released on a Finnish keyboard) stays down for
/// egui, so that every later "7" would be a repeat.
#[derive(Debug, Default)]
pub struct Held {
    down: std::collections::HashSet<Key>,
    text_to_drop: bool,
}

/// Takes this frame's repeated presses out of the input, each with the character it typed (the
/// text event right after it), but those of [`MOVING`] without Ctrl or Alt and, while a text
/// field has the keyboard (`typing`), a character typed without Ctrl or Alt. Every press left
/// says in its `repeat` whether it is one.
pub fn strip(i: &mut InputState, typing: bool, held: &mut Held) {
    let mut drop_its_text = held.text_to_drop;
    i.events.retain_mut(|e| match e {
        Event::WindowFocused(false) => {
            // Keys let go in another window never say so here.
            held.down.clear();
            drop_its_text = false;
            true
        }
        Event::Key {
            key,
            physical_key,
            pressed,
            repeat,
            modifiers,
        } => {
            let id = physical_key.unwrap_or(*key);
            drop_its_text = false;
            if !*pressed {
                held.down.remove(&id);
                return true;
            }
            *repeat = !held.down.insert(id);
            if !*repeat {
                return true;
            }
            let plain = !modifiers.ctrl && !modifiers.alt && !modifiers.command;
            let keep = plain && (MOVING.contains(key) || typing && types_a_character(*key));
            drop_its_text = !keep;
            keep
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
    held.text_to_drop = drop_its_text;
}

/// Whether `key` types a character into a text field (a letter, a digit, a sign, Space), not a
/// command: Enter, Esc, Delete, Insert and the function keys never repeat.
fn types_a_character(key: Key) -> bool {
    let function = matches!(key.name().as_bytes(), [b'F', d, ..] if d.is_ascii_digit());
    !function && !matches!(key, Key::Enter | Key::Escape | Key::Delete | Key::Insert)
}
