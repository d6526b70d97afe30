//! Keyboard first: every step of a call has a key. Key presses become intents before the
//! widgets see them: the global map first, then the map of the mode, or during a call the
//! call's own keys and the map of where the focus is.

pub mod answer;
pub mod call;
pub mod global;
pub mod notes;
pub mod override_form;
pub mod question;
pub mod search;
pub mod workbench;

use crate::ui::intent::Intent;
use crate::ui::mode::Mode;
use crate::ui::nurse::Focus;
use crate::ui::state::AppState;

pub fn keyboard(ctx: &egui::Context, state: &AppState) -> Vec<Intent> {
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        global::keys(i, state, &mut out);
        if state.confirm_new_call {
            global::confirm_new_call(i, &mut out);
            return;
        }
        match state.mode {
            Mode::Author => return workbench::author(i, &mut out),
            Mode::Statistics => return workbench::statistics(i, &mut out),
            Mode::Trainer => return workbench::trainer(i, state, &mut out),
            Mode::Nurse => {}
        }
        if state.show_help || state.show_settings {
            global::close_overlay(i, state, &mut out);
            return;
        }
        let Some(c) = &state.call else { return };
        call::keys(i, c, &mut out);
        match c.focus {
            Focus::Override => override_form::keys(i, c, &mut out),
            Focus::Notes => notes::keys(i, &mut out),
            Focus::Search => search::keys(i, c, &mut out),
            Focus::Question(q) => question::keys(i, c, q, state.lang(), &mut out),
        }
    });
    out
}
