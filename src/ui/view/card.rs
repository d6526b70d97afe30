//! A card of the call's flow ("who called" or a question): its frame, the mark of the card with
//! the keyboard (a strong outline and a bar down its left edge), and egui's focus kept on that
//! card so that screen readers follow the keyboard; and the buttons on cards, which the mouse
//! clicks but egui's focus never lands on.

use egui::{InnerResponse, Response, Ui};

/// The focused card's outline and the width of the bar down its left edge, in points.
const FOCUS_STROKE: f32 = 2.0;
const FOCUS_BAR: f32 = 5.0;

/// A card with `contents`, clickable as a whole (a group for screen readers), marked when
/// `focused`.
pub fn show<R>(
    ui: &mut Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    focused: bool,
    contents: impl FnOnce(&mut Ui) -> R,
) -> InnerResponse<R> {
    // The focused card is marked by an outline and an edge bar, not by a fill: on a software
    // renderer every filled pixel is shaded each frame, and the focused card can be the largest
    // thing on screen (docs/PERFORMANCE.md, keystroke to screen).
    let accent = ui.visuals().selection.stroke.color;
    let frame = egui::Frame::group(ui.style()).stroke(if focused {
        egui::Stroke::new(FOCUS_STROKE, accent)
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    });
    let scope = egui::UiBuilder::new()
        .id_salt(salt)
        .sense(egui::Sense::click())
        .accessibility_role(egui::accesskit::Role::Group);
    let inner = ui.scope_builder(scope, |ui| {
        frame
            .show(ui, |ui| {
                // The frame's margins and stroke stay inside the column.
                ui.set_width(ui.available_width());
                contents(ui)
            })
            .inner
    });
    if focused {
        let r = inner.response.rect;
        let bar = egui::Rect::from_min_max(r.min, egui::pos2(r.left() + FOCUS_BAR, r.bottom()));
        let radius = ui.style().visuals.widgets.noninteractive.corner_radius;
        let left = egui::CornerRadius {
            ne: 0,
            se: 0,
            ..radius
        };
        ui.painter().rect_filled(bar, left, accent);
    }
    inner
}

/// The card with the keyboard holds egui's focus (when `take_focus`: no window over the call,
/// no text field of its own) and comes into view when it gets it, and again, whole, when the
/// zoom changes (presentation mode, Ctrl+plus/minus).
pub fn keep_focus(ui: &Ui, response: &Response, focused: bool, take_focus: bool) {
    if focused && take_focus && !response.has_focus() {
        response.request_focus();
        response.scroll_to_me(None);
    }
    if focused && zoom_changed(ui) {
        response.scroll_to_me(None);
    }
}

/// Whether the zoom (presentation mode included) differs from the last frame a focused card was
/// drawn in; egui's memory keeps that frame's zoom.
fn zoom_changed(ui: &Ui) -> bool {
    let id = egui::Id::unique("arvio-focused-card-zoom");
    let zoom = ui.ctx().zoom_factor();
    let last: Option<f32> = ui.data_mut(|d| {
        let last = d.get_temp(id);
        d.insert_temp(id, zoom);
        last
    });
    last.is_some_and(|l| l != zoom)
}

/// A button the mouse clicks but egui's focus never lands on, so that no Space or Enter meant
/// for the call can press it.
pub fn unfocusable<'a>(text: impl Into<egui::WidgetText>) -> egui::Button<'a> {
    egui::Button::new(text).sense(egui::Sense::CLICK)
}

/// The digit key of the `i`th option, for the first nine.
pub fn option_key(i: usize) -> String {
    if i < 9 {
        format!("[{}] ", i + 1)
    } else {
        String::new()
    }
}
