//! The guidance's approval on screen: "approved by … on …" in the status line, and a warning bar
//! across the top while the guidance in use is not approved, changed since its approval, or has
//! an approval record that cannot be read.

use egui::{Color32, RichText, Ui};

use crate::approval::Status;
use crate::ui::state::AppState;
use crate::ui::style::CAUTION;

/// The bar across the top when the guidance in use is not approved: dark text on a red bar,
/// readable in either theme.
pub fn bar(ui: &mut Ui, state: &AppState) {
    let Some(g) = state.guidance.current.as_ref() else {
        return;
    };
    let status = &g.provenance.approval;
    if status.is_approved() {
        return;
    }
    egui::Panel::top("approval")
        .frame(
            egui::Frame::new()
                .fill(Color32::from_rgb(255, 205, 205))
                .inner_margin(egui::Margin::symmetric(8, 4)),
        )
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!("! {}", status.text(state.lang())))
                    .strong()
                    .color(Color32::from_rgb(90, 0, 0)),
            );
        });
}

/// The approval in the status line, beside the guidance's version: "approved by … on …", or the
/// status in the caution colour.
pub fn line(ui: &mut Ui, state: &AppState) {
    let Some(g) = state.guidance.current.as_ref() else {
        return;
    };
    let status = &g.provenance.approval;
    let text = match status {
        Status::Approved(_) => RichText::new(status.text(state.lang())),
        _ => RichText::new(status.short_text(state.lang()))
            .strong()
            .color(CAUTION),
    };
    ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Truncate));
}
