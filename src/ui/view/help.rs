//! The help window: every keyboard shortcut, the answer keys in the interface language.

use egui::{RichText, Ui};

use crate::i18n::Msg;
use crate::text::Language;
use crate::ui::intent::Intent;
use crate::ui::keys::answer::answer_keys;

pub fn show(ui: &mut Ui, lang: Language, out: &mut Vec<Intent>) {
    let t = |m: Msg| m.get(lang);
    let [(_, y), (_, n), (_, d)] = answer_keys(lang);
    let rows = [
        ("Ctrl+N".to_owned(), t(Msg::NewCall)),
        (format!("{y} / {n} / {d}"), t(Msg::KeyAnswer)),
        ("1–9".to_owned(), t(Msg::KeyOptions)),
        ("Enter, Tab, Down".to_owned(), t(Msg::KeyNext)),
        ("Shift+Tab, Up, Alt+Left".to_owned(), t(Msg::KeyBack)),
        ("Ctrl+F, /".to_owned(), t(Msg::KeySearch)),
        ("Ctrl+Enter".to_owned(), t(Msg::Accept)),
        ("Ctrl+O".to_owned(), t(Msg::Override)),
        ("Ctrl+Shift+C".to_owned(), t(Msg::CopyRecord)),
        ("Ctrl+Enter".to_owned(), t(Msg::Finish)),
        ("F2 / F3".to_owned(), t(Msg::KeyCaller)),
        ("Ctrl + / Ctrl −".to_owned(), t(Msg::KeyZoom)),
        ("Ctrl+,".to_owned(), t(Msg::SettingsTitle)),
        ("Alt+1".to_owned(), t(Msg::ModeNurse)),
        ("Alt+2".to_owned(), t(Msg::ModeAuthor)),
        ("Alt+3".to_owned(), t(Msg::ModeTrainer)),
        ("Alt+4".to_owned(), t(Msg::ModeStatistics)),
        ("F11".to_owned(), t(Msg::Presentation)),
        ("F1".to_owned(), t(Msg::Help)),
    ];
    egui::Window::new(t(Msg::Shortcuts))
        .id(egui::Id::unique("help"))
        .collapsible(false)
        .show(ui.ctx(), |ui| {
            egui::Grid::new("keys").striped(true).show(ui, |ui| {
                for (k, what) in rows {
                    ui.label(RichText::new(k).monospace().strong());
                    ui.label(what);
                    ui.end_row();
                }
            });
            if ui.button(format!("{} (Esc)", t(Msg::Close))).clicked() {
                out.push(Intent::ToggleHelp);
            }
        });
}
