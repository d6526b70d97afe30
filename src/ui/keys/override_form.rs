//! The keys of the override form: Esc cancels, Ctrl+S saves; Alt, Ctrl and Shift+Alt with
//! ↑↓ step the timeframe, contact mode and professional; Ctrl+1–9 pick the category.

use egui::{InputState, Key, Modifiers};

use crate::guidance::{ModeId, ProfessionalId, TimeframeId};
use crate::ui::intent::Intent;
use crate::ui::keys::answer::OPTION_KEYS;
use crate::ui::nurse::CallView;

pub fn keys(i: &mut InputState, c: &CallView, out: &mut Vec<Intent>) {
    let Some(form) = &c.override_form else {
        return;
    };
    let g = &c.guidance;
    let mut f = form.clone();
    if i.consume_key(Modifiers::NONE, Key::Escape) {
        out.push(Intent::CancelOverride);
    }
    if i.consume_key(Modifiers::COMMAND, Key::S) {
        out.push(Intent::SaveOverride);
    }
    let step = |i: &mut InputState, m: Modifiers| -> i64 {
        i64::from(i.consume_key(m, Key::ArrowDown)) - i64::from(i.consume_key(m, Key::ArrowUp))
    };
    let d = step(i, Modifiers::SHIFT | Modifiers::ALT);
    if d != 0 {
        f.disposition.professional = cycle(
            f.disposition.professional.map(|p| p.0),
            g.professionals.len(),
            d,
        )
        .map(ProfessionalId);
    }
    let d = step(i, Modifiers::ALT);
    if d != 0 {
        let n = (f.disposition.timeframe.0 as i64 + d).clamp(0, g.timeframes.len() as i64 - 1);
        f.disposition.timeframe = TimeframeId(n as u32);
    }
    let d = step(i, Modifiers::COMMAND);
    if d != 0 {
        f.disposition.mode = cycle(f.disposition.mode.map(|m| m.0), g.modes.len(), d).map(ModeId);
    }
    for (n, key) in OPTION_KEYS
        .iter()
        .enumerate()
        .take(g.override_reasons.len())
    {
        if i.consume_key(Modifiers::COMMAND, *key) {
            f.category = g.override_reasons[n].id.clone();
        }
    }
    // The edit goes first, so that a save in the same frame saves it.
    if f != *form {
        out.insert(0, Intent::EditOverride(f));
    }
}

fn cycle(current: Option<u32>, len: usize, step: i64) -> Option<u32> {
    if len == 0 {
        return None;
    }
    let next = current.map_or(0, |c| (c as i64 + step).rem_euclid(len as i64));
    Some(next as u32)
}
