//! Keyboard first: every step of a call has a key. Key presses become intents before the
//! widgets see them: the global map first, then the map of the mode, or during a call the
//! call's own keys and the map of where the focus is.
//!
//! Two rules keep keys from answering what the nurse did not mean to answer: during a call
//! egui's own focus ring (Tab, arrows) does not move, so Tab never lands on an answer button;
//! and while a text field of a screen or window has the keyboard, no shortcut without Ctrl, Alt
//! or a function key is taken from it. A key pressed with Ctrl and Alt together is AltGr
//! typing a character (Windows), never a shortcut ([`altgr`]). A key held down counts once,
//! but where its repeats only move or edit ([`held`]).

pub mod altgr;
pub mod answer;
pub mod call;
pub mod caller;
pub mod global;
pub mod held;
pub mod idle;
pub mod notes;
pub mod override_form;
pub mod question;
pub mod search;
pub mod workbench;
pub mod zoom;

use crate::ui::field::Field;
use crate::ui::intent::Intent;
use crate::ui::mode::Mode;
use crate::ui::nurse::Focus;
use crate::ui::state::AppState;

pub fn keyboard(ctx: &egui::Context, state: &AppState, held: &mut held::Held) -> Vec<Intent> {
    let mut out = Vec::new();
    // A text field has the keyboard (other than the call's search, whose keys are the call's).
    let typing = ctx.text_edit_focused() && ctx.memory(|m| m.focused()) != Some(Field::Search.id());
    if state.call_has_keyboard() {
        // The call's focus moves by its own keys; egui's Tab and arrow navigation would put
        // focus on an answer button, where Space would click it.
        ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
    }
    let in_text_field = in_text_field(ctx, state);
    ctx.input_mut(|i| {
        altgr::strip(i);
        held::strip(i, in_text_field, held);
        global::keys(i, state, &mut out);
        zoom::keys(i, state, &mut out);
        if state.confirm_new_call {
            global::confirm_new_call(i, &mut out);
            return;
        }
        match state.mode {
            Mode::Author => return workbench::author(i, &mut out),
            Mode::Statistics => return workbench::statistics(i, &mut out),
            Mode::Trainer => return workbench::trainer(i, state, typing, &mut out),
            Mode::Nurse => {}
        }
        if state.overlay_open() {
            global::close_overlay(i, state, &mut out);
            return;
        }
        let Some(c) = &state.call else {
            if !typing {
                idle::keys(i, state, &mut out);
            }
            return;
        };
        call::keys(i, c, &mut out);
        if c.on_emergency_screen() {
            // No question is on screen: no letter answers one.
            return;
        }
        match c.focus {
            Focus::Override => override_form::keys(i, c, &mut out),
            Focus::Notes => notes::keys(i, &mut out),
            Focus::Search => search::keys(i, c, &mut out),
            Focus::Caller => {
                if c.caller_has_keyboard() {
                    caller::keys(i, &mut out);
                }
            }
            Focus::Question(_) => {
                if let Some(q) = c.question_with_keyboard() {
                    question::keys(i, c, q, state.lang(), &mut out);
                }
            }
        }
    });
    out
}

/// Whether the keys go into a text field: while the call has the keyboard, where its focus is
/// (egui keeps the search box focused while a card has the keyboard), else egui's own focus.
fn in_text_field(ctx: &egui::Context, state: &AppState) -> bool {
    match &state.call {
        Some(c) if state.call_has_keyboard() => match c.focus {
            Focus::Search => true,
            Focus::Question(q) => matches!(
                c.guidance.question(q).kind,
                crate::guidance::QuestionKind::FreeText
            ),
            Focus::Caller | Focus::Notes | Focus::Override => false,
        },
        _ => ctx.text_edit_focused(),
    }
}
