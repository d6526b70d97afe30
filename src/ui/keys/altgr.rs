//! AltGr is not a shortcut. On Windows the AltGr key arrives as Ctrl+Alt, so the characters a
//! Finnish or Swedish keyboard types with it (@ £ $ € { [ ] } \ on AltGr+2, 3, 4, E, 7–0, +)
//! come as key presses with Ctrl and Alt held, besides their text. egui matches a shortcut's
//! modifiers "logically", ignoring an extra Alt, so AltGr+2 typed into the override's
//! explanation would pick the second override reason (Ctrl+2) and AltGr+E would export the
//! statistics (Ctrl+E). The app has no Ctrl+Alt shortcut of its own: every key press with both
//! held is taken out before any map sees it, and the typed text stays.

use egui::{Event, InputState};

/// Removes every key press and release with both Ctrl and Alt held (AltGr on Windows).
pub fn strip(i: &mut InputState) {
    i.events
        .retain(|e| !matches!(e, Event::Key { modifiers, .. } if modifiers.ctrl && modifiers.alt));
}
