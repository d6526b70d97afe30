//! Keyboard first: every step of a call has a key. Key presses become intents before the
//! widgets see them: the global map first, then the map of the mode, or during a call the
//! call's own keys and the map of where the focus is.
//!
//! Two rules keep keys from answering what the nurse did not mean to answer: during a call
//! egui's own focus ring (Tab, arrows) does not move, so Tab never lands on an answer button;
//! and while a text field of a screen or window has the keyboard, no shortcut without Ctrl, Alt
//! or a function key is taken from it. A key pressed with Ctrl and Alt together is AltGr
//! typing a character (Windows), never a shortcut ([`altgr`]). A key held down counts once,
//! but where its repeats only move or edit ([`held`]). Keys typed faster than the frames come
//! act one after the other, each on the state the one before left ([`order`]).

pub mod altgr;
pub mod answer;
pub mod call;
pub mod caller;
pub mod global;
pub mod held;
pub mod idle;
pub mod notes;
pub mod order;
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

/// What the keyboard carries from one frame to the next: a held key's repeat ([`held`]) and
/// the keys that wait for the one before them to act ([`order`]).
#[derive(Debug, Default)]
pub struct Carry {
    pub held: held::Held,
    pub later: order::Later,
}

/// This frame's key presses as intents, in the order typed.
pub fn keyboard(ctx: &egui::Context, state: &AppState, carry: &mut Carry) -> Vec<Intent> {
    // A text field has the keyboard (other than the call's search, whose keys are the call's).
    let typing = ctx.text_edit_focused() && ctx.memory(|m| m.focused()) != Some(Field::Search.id());
    let in_notes = state.mode == Mode::Nurse
        && !state.overlay_open()
        && state
            .call
            .as_ref()
            .is_some_and(|c| c.focus == Focus::Notes && c.override_form.is_none());
    if state.call_has_keyboard() || in_notes {
        // The call's focus moves by its own keys; egui's Tab and arrow navigation would put
        // focus on an answer button, where Space would click it, or from the notes on the
        // header's buttons (H-57).
        ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
    }
    let in_text_field = in_text_field(ctx, state);
    let out = ctx.input_mut(|i| {
        // This frame's own events first (the keys that waited were seen in theirs).
        altgr::strip(i);
        held::strip(i, in_text_field, &mut carry.held);
        order::resume(i, &mut carry.later);
        order::in_order(i, &mut carry.later, |i, out| maps(i, state, typing, out))
    });
    if carry.later.waiting() {
        ctx.request_repaint();
    }
    out
}

/// The key maps: the global one, then the mode's, or during a call the call's own and the one
/// of where the focus is.
fn maps(i: &mut egui::InputState, state: &AppState, typing: bool, out: &mut Vec<Intent>) {
    global::keys(i, state, out);
    zoom::keys(i, state, out);
    if state.confirm_new_call {
        return global::confirm_new_call(i, out);
    }
    match state.mode {
        Mode::Author => return workbench::author(i, out),
        Mode::Statistics => return workbench::statistics(i, out),
        Mode::Trainer => return workbench::trainer(i, state, typing, out),
        Mode::Nurse => {}
    }
    if state.overlay_open() {
        return global::close_overlay(i, state, out);
    }
    let Some(c) = &state.call else {
        if !typing {
            idle::keys(i, state, out);
        }
        return;
    };
    if c.override_form.is_some() {
        // The form is on top of the call: only its keys, never one for the call behind it
        // (H-56), but F2 and F3, who called and how, which a saved override needs.
        call::caller_and_channel(i, out);
        return override_form::keys(i, c, out);
    }
    call::keys(i, c, out);
    if c.on_emergency_screen() {
        // No question is on screen: no letter answers one.
        return;
    }
    match c.focus {
        Focus::Override => override_form::keys(i, c, out),
        Focus::Notes => notes::keys(i, out),
        Focus::Search => search::keys(i, c, out),
        Focus::Caller => {
            if c.caller_has_keyboard() {
                caller::keys(i, out);
            }
        }
        Focus::Question(_) => {
            if let Some(q) = c.question_with_keyboard() {
                question::keys(i, c, q, state.lang(), out);
            }
        }
    }
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
