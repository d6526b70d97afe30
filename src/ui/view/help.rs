//! The help window: every keyboard shortcut, the answer keys in the interface language.

use egui::{RichText, Ui};

use crate::i18n::Msg;
use crate::text::Language;
use crate::ui::intent::Intent;
use crate::ui::keys::answer::answer_keys;

/// The help window, scrolled by `pages` pages first (PgUp/PgDn).
pub fn show(ui: &mut Ui, lang: Language, pages: i32, out: &mut Vec<Intent>) {
    let t = |m: Msg| m.get(lang);
    let [(_, y), (_, n), (_, d)] = answer_keys(lang);
    let rows = [
        ("Ctrl+N".to_owned(), t(Msg::NewCall)),
        ("A–Ö".to_owned(), t(Msg::KeyStartTyping)),
        ("1–4".to_owned(), t(Msg::KeyCallerCard)),
        (format!("{y} / {n} / {d}"), t(Msg::KeyAnswer)),
        (format!("Shift+{n}"), t(Msg::KeyNoneOfThese)),
        ("1–9".to_owned(), t(Msg::KeyOptions)),
        (format!("{n}"), t(Msg::KeyNoneOfOptions)),
        ("Enter, Tab, ↓".to_owned(), t(Msg::KeyNext)),
        ("Shift+Tab, ↑, Alt+←".to_owned(), t(Msg::KeyBack)),
        ("Ctrl+F, /".to_owned(), t(Msg::KeySearch)),
        ("Delete".to_owned(), t(Msg::KeyRemoveReason)),
        ("Ctrl+Enter".to_owned(), t(Msg::Accept)),
        ("Ctrl+O".to_owned(), t(Msg::Override)),
        ("Ctrl+Shift+C".to_owned(), t(Msg::CopyRecord)),
        ("Ctrl+Enter".to_owned(), t(Msg::Finish)),
        ("PgUp / PgDn".to_owned(), t(Msg::KeyPanel)),
        ("F2 / F3".to_owned(), t(Msg::KeyCaller)),
        ("Ctrl+Delete".to_owned(), t(Msg::KeyDiscardRestore)),
        ("Ctrl + / Ctrl −".to_owned(), t(Msg::KeyZoom)),
        ("Ctrl+,".to_owned(), t(Msg::SettingsTitle)),
        ("Ctrl+0".to_owned(), t(Msg::KeyZoomReset)),
        ("Alt+1".to_owned(), t(Msg::ModeNurse)),
        ("Alt+2".to_owned(), t(Msg::ModeAuthor)),
        ("Alt+3".to_owned(), t(Msg::ModeTrainer)),
        ("Alt+4".to_owned(), t(Msg::ModeStatistics)),
        // Author mode's own keys.
        ("Ctrl+L".to_owned(), t(Msg::RunAnalysis)),
        ("Ctrl+B".to_owned(), t(Msg::PickBaseline)),
        ("Ctrl+H".to_owned(), t(Msg::OpenHandbook)),
        ("Ctrl+D".to_owned(), t(Msg::ChangesSinceApproved)),
        ("Ctrl+Shift+D".to_owned(), t(Msg::PickApprovedRelease)),
        ("F11".to_owned(), t(Msg::Presentation)),
        ("F1".to_owned(), t(Msg::Help)),
    ];
    // A modal, like the settings: the keyboard stays in it until Esc.
    let modal = egui::Modal::new(egui::Id::unique("help")).show(ui.ctx(), |ui| {
        ui.heading(t(Msg::Shortcuts));
        // Scrolled when the window is too low for every row (1024×768, presentation mode).
        let height = ui.ctx().content_rect().height() * 0.7;
        egui::ScrollArea::vertical()
            .max_height(height)
            .show(ui, |ui| {
                if pages != 0 {
                    ui.scroll_with_delta(egui::vec2(0.0, -(pages as f32) * height * 0.8));
                    out.push(Intent::HelpScrolled);
                }
                // Room on the right for the scroll bar, which floats over the content.
                let margin = egui::Margin {
                    right: 16,
                    ..egui::Margin::ZERO
                };
                egui::Frame::new().inner_margin(margin).show(ui, |ui| {
                    let grid = egui::Grid::new("keys").striped(true).show(ui, |ui| {
                        for (k, what) in rows {
                            ui.label(RichText::new(k).monospace().strong());
                            ui.label(what);
                            ui.end_row();
                        }
                    });
                    // Under the table and as wide: a held key counts once (H-54).
                    let width = grid.response.rect.width();
                    ui.allocate_ui(egui::vec2(width, 0.0), |ui| {
                        ui.set_max_width(width);
                        ui.label(t(Msg::KeyHeldOnce));
                    });
                });
            });
        ui.horizontal(|ui| {
            if ui.button(format!("{} (Esc)", t(Msg::Close))).clicked() {
                out.push(Intent::ToggleHelp);
            }
            ui.label(format!(
                "PgUp / PgDn, Home / End: {}",
                t(Msg::KeyScrollHelp)
            ));
        });
    });
    if modal.backdrop_response.clicked() {
        out.push(Intent::ToggleHelp);
    }
}
