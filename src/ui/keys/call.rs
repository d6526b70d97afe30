//! The keys of a call, wherever the focus is: copy the record, accept then finish, override,
//! search, back (on the emergency screen: take back its red flag), the right column's pages,
//! who called and how, and on an emergency's screen what the nurse did.

use egui::{InputState, Key, Modifiers};

use crate::assessment::EmergencyAction;
use crate::engine::Decider;
use crate::ui::intent::Intent;
use crate::ui::nurse::{CallView, Focus};

pub fn keys(i: &mut InputState, c: &CallView, out: &mut Vec<Intent>) {
    let g = &c.guidance;
    if i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::C) {
        out.push(Intent::CopyRecord);
    }
    if i.consume_key(Modifiers::COMMAND, Key::Enter) {
        out.push(if c.assessment.decision.is_some() {
            Intent::FinishCall
        } else {
            Intent::Accept
        });
    }
    if i.consume_key(Modifiers::COMMAND, Key::O) {
        out.push(Intent::OpenOverride);
    }
    if i.consume_key(Modifiers::COMMAND, Key::F) {
        out.push(Intent::Focus(Focus::Search));
    }
    if i.consume_key(Modifiers::ALT, Key::ArrowLeft) {
        // On the emergency screen "back" takes back the red flag answer that opened it.
        match c
            .evaluation
            .proposal
            .as_ref()
            .filter(|p| p.leaves_flow(g))
            .map(|p| p.winner)
        {
            Some(Decider::RedFlag(r)) => out.push(Intent::Answer(g.red_flags[r].question, None)),
            _ => out.push(Intent::FocusPrevious),
        }
    }
    // PageDown / PageUp scroll the right column (in the notes they move the text cursor).
    if !matches!(c.focus, Focus::Notes | Focus::Override) {
        let pages = i32::from(i.consume_key(Modifiers::NONE, Key::PageDown))
            - i32::from(i.consume_key(Modifiers::NONE, Key::PageUp));
        if pages != 0 {
            out.push(Intent::ScrollPanel(pages));
        }
    }
    caller_and_channel(i, out);
    // On an emergency's screen, what the nurse did: F5 told to call 112, F6 transferred the
    // call, F7 ordered an ambulance.
    if c.needs_emergency_action() {
        for (key, action) in [Key::F5, Key::F6, Key::F7]
            .into_iter()
            .zip(EmergencyAction::ALL)
        {
            if i.consume_key(Modifiers::NONE, key) {
                out.push(Intent::SetEmergencyAction(action));
            }
        }
    }
}

/// F2 and F3: who called and how, from anywhere in the call (and in the override form).
pub fn caller_and_channel(i: &mut InputState, out: &mut Vec<Intent>) {
    if i.consume_key(Modifiers::NONE, Key::F2) {
        out.push(Intent::CycleCaller);
    }
    if i.consume_key(Modifiers::NONE, Key::F3) {
        out.push(Intent::CycleChannel);
    }
}
