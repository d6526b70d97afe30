//! The keys that work everywhere: help, a new call, settings, the modes, presentation, opening
//! a guidance folder, restoring a crashed call or discarding it; and Esc for the question and overlays on top.

use egui::{InputState, Key, Modifiers};

use crate::ui::intent::Intent;
use crate::ui::mode::Mode;
use crate::ui::state::AppState;

/// The global map: chord, key, intent.
fn map() -> [(Modifiers, Key, Intent); 9] {
    [
        (Modifiers::NONE, Key::F1, Intent::ToggleHelp),
        (Modifiers::COMMAND, Key::N, Intent::NewCall),
        (Modifiers::COMMAND, Key::Comma, Intent::ToggleSettings),
        (Modifiers::ALT, Key::Num1, Intent::SetMode(Mode::Nurse)),
        (Modifiers::ALT, Key::Num2, Intent::SetMode(Mode::Author)),
        (Modifiers::ALT, Key::Num3, Intent::SetMode(Mode::Trainer)),
        (Modifiers::ALT, Key::Num4, Intent::SetMode(Mode::Statistics)),
        (Modifiers::NONE, Key::F11, Intent::TogglePresentation),
        (
            Modifiers::COMMAND | Modifiers::SHIFT,
            Key::O,
            Intent::PickGuidanceFolder,
        ),
    ]
}

pub fn keys(i: &mut InputState, state: &AppState, out: &mut Vec<Intent>) {
    for (modifiers, key, intent) in map() {
        if i.consume_key(modifiers, key) {
            out.push(intent);
        }
    }
    if state.restore_offer.is_some() {
        if i.consume_key(Modifiers::COMMAND, Key::R) {
            out.push(Intent::RestoreAutosave);
        }
        if i.consume_key(Modifiers::COMMAND, Key::Delete) {
            out.push(Intent::DiscardAutosave);
        }
    }
}

/// Discard the call in progress? Ctrl+N (in the global map) says yes, Esc no; nothing else.
/// Enter and Space are taken too, so that they press no button egui's focus is on (H-57).
pub fn confirm_new_call(i: &mut InputState, out: &mut Vec<Intent>) {
    if i.consume_key(Modifiers::NONE, Key::Escape) {
        out.push(Intent::KeepCall);
    }
    i.consume_key(Modifiers::NONE, Key::Enter);
    i.consume_key(Modifiers::NONE, Key::Space);
}

/// Esc closes the help, else the settings; the call's keys wait meanwhile. In the help,
/// PgUp/PgDn scroll it by pages, Home/End to its top and bottom.
pub fn close_overlay(i: &mut InputState, state: &AppState, out: &mut Vec<Intent>) {
    if state.show_help {
        let pages = i32::from(i.consume_key(Modifiers::NONE, Key::PageDown))
            - i32::from(i.consume_key(Modifiers::NONE, Key::PageUp))
            + 1000 * i32::from(i.consume_key(Modifiers::NONE, Key::End))
            - 1000 * i32::from(i.consume_key(Modifiers::NONE, Key::Home));
        if pages != 0 {
            out.push(Intent::ScrollHelp(pages));
        }
    }
    if i.consume_key(Modifiers::NONE, Key::Escape) {
        out.push(if state.show_help {
            Intent::ToggleHelp
        } else {
            Intent::ToggleSettings
        });
    }
}
