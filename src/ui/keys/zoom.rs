//! Ctrl+plus / Ctrl+minus / Ctrl+0: the app's zoom, in fixed steps, so that any number of steps
//! down and as many up return to the size it started at (egui's own zoom adds and rounds, and
//! does not). The settings hold the zoom; the window follows them.

use egui::{InputState, Key, Modifiers};

use crate::ui::intent::Intent;
use crate::ui::settings::Settings;
use crate::ui::state::AppState;

/// The zoom factors Ctrl+plus and Ctrl+minus step through.
pub const STEPS: [f32; 13] = [
    0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0,
];

pub fn keys(i: &mut InputState, state: &AppState, out: &mut Vec<Intent>) {
    let zoom = state.settings.zoom;
    if i.consume_key(Modifiers::COMMAND, Key::Num0) {
        out.push(Intent::SetZoom(Settings::default().zoom));
    }
    let up = i.consume_key(Modifiers::COMMAND, Key::Plus)
        || i.consume_key(Modifiers::COMMAND, Key::Equals);
    let down = i.consume_key(Modifiers::COMMAND, Key::Minus);
    let d = i32::from(up) - i32::from(down);
    if d != 0 {
        out.push(Intent::SetZoom(step(zoom, d)));
    }
}

/// The zoom `d` steps from `zoom` (a zoom between steps counts as the nearest one).
pub fn step(zoom: f32, d: i32) -> f32 {
    let nearest = STEPS
        .iter()
        .enumerate()
        .min_by(|a, b| (a.1 - zoom).abs().total_cmp(&(b.1 - zoom).abs()))
        .map_or(0, |(i, _)| i);
    let to = (nearest as i32 + d).clamp(0, STEPS.len() as i32 - 1);
    STEPS[to as usize]
}
