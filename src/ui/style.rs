//! Colours and symbols shared by the views, so that urgency reads the same everywhere.

use egui::Color32;

use crate::guidance::{Guidance, TimeframeId, TimeframeKind};

/// Errors, refusals and warnings that matter for safety.
pub const ALARM: Color32 = Color32::from_rgb(190, 0, 0);
/// Things to notice: a provisional proposal, an override, an older guidance version.
pub const CAUTION: Color32 = Color32::from_rgb(160, 100, 0);
/// All well: no errors, every scenario passed.
pub const GOOD: Color32 = Color32::from_rgb(30, 130, 60);
/// Neutral emphasis (a practice call's title).
pub const INFO: Color32 = Color32::from_rgb(20, 100, 190);
/// The path lit in the trainer's map and a changed proposal in replay.
pub const LIT: Color32 = Color32::from_rgb(220, 110, 0);

/// Markers drawn in egui's default fonts (and the bundled DejaVu Sans): answered or done, not
/// right, the item with the keyboard, an item still open.
pub const DONE: &str = "✔";
pub const NOT_OK: &str = "✘";
pub const FOCUSED: &str = "▶";
pub const OPEN: &str = "•";
/// Every marker and symbol the views draw, for the test that the fonts have them.
pub const SYMBOLS: &[&str] = &[
    DONE, NOT_OK, FOCUSED, OPEN, "!", "…", "–", "→", "←", "↑", "↓", "×", "·",
];

/// Colour and symbol of a timeframe, so urgency reads without colour too.
pub fn urgency_style(g: &Guidance, t: TimeframeId) -> (Color32, &'static str) {
    let tf = g.timeframe(t);
    match tf.kind {
        TimeframeKind::Emergency => (Color32::from_rgb(200, 0, 0), "!!!"),
        TimeframeKind::OnCall => (Color32::from_rgb(220, 90, 0), "!!"),
        TimeframeKind::SelfCare => (GOOD, "•"),
        TimeframeKind::Scheduled => match tf.days {
            Some((_, 0)) => (Color32::from_rgb(190, 130, 0), "!"),
            Some((_, max)) if max <= 3 => (INFO, "•"),
            _ => (Color32::from_rgb(90, 90, 160), "•"),
        },
    }
}
