//! The settings window: languages, the assessor, dark mode and where the log goes, each setting
//! IT may manage with where its value comes from (IT, locked; IT's default; the user's; the
//! default), a locked one greyed out; then the guidance folder, the desk and the configuration
//! file. A modal: while it is open the keyboard stays inside it (Tab goes round its fields,
//! starting at the assessor's name), and a click beside it closes it.

use egui::Ui;

use crate::config::{Setting, Source};
use crate::i18n::Msg;
use crate::text::Language;
use crate::ui::field::Field;
use crate::ui::intent::Intent;
use crate::ui::settings::Settings;
use crate::ui::state::AppState;

pub fn show(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let current = &state.settings;
    let t = |m: Msg| m.get(current.language);
    let mut s = current.clone();
    let modal = egui::Modal::new(egui::Id::unique("settings")).show(ui.ctx(), |ui| {
        ui.heading(t(Msg::SettingsTitle));
        egui::Grid::new("settings_grid")
            .num_columns(2)
            .show(ui, |ui| {
                languages(ui, state, &mut s);
                let l = ui.label(t(Msg::AssessorName));
                let name = ui
                    .add(
                        egui::TextEdit::singleline(&mut s.assessor.name)
                            .id(Field::AssessorName.id()),
                    )
                    .labelled_by(l.id);
                // The keyboard starts here, and comes back here rather than behind the window
                // (the search or a question of the call).
                if ui.ctx().memory(|m| m.focused().is_none()) {
                    name.request_focus();
                }
                ui.end_row();
                let l = ui.label(t(Msg::AssessorTitle));
                ui.text_edit_singleline(&mut s.assessor.title)
                    .labelled_by(l.id);
                ui.end_row();
                ui.label("");
                ui.checkbox(&mut s.dark, t(Msg::Dark));
                ui.end_row();
                log_location(ui, state, &mut s, out);
                ui.end_row();
                ui.label("");
                ui.vertical(|ui| {
                    ui.add_enabled_ui(!locked(state, Setting::AutosaveFreeText), |ui| {
                        ui.checkbox(&mut s.autosave_free_text, t(Msg::AutosaveFreeText));
                    });
                    source(ui, state, Setting::AutosaveFreeText);
                    ui.label(t(Msg::AutosaveFreeTextHelp));
                });
                ui.end_row();
                managed_rows(ui, state);
            });
        if ui.button(format!("{} (Esc)", t(Msg::Close))).clicked() {
            out.push(Intent::ToggleSettings);
        }
    });
    if modal.backdrop_response.clicked() {
        out.push(Intent::ToggleSettings);
    }
    if s != *current {
        out.push(Intent::SetSettings(s));
    }
}

fn locked(state: &AppState, setting: Setting) -> bool {
    state.source(setting) == Source::Locked
}

/// Where the value of `setting` comes from, in small type after it.
fn source(ui: &mut Ui, state: &AppState, setting: Setting) {
    let msg = match state.source(setting) {
        Source::Locked => Msg::SourceLocked,
        Source::Managed => Msg::SourceManaged,
        Source::User => Msg::SourceUser,
        Source::Default => Msg::SourceDefault,
    };
    let text = egui::RichText::new(format!("({})", msg.get(state.lang())))
        .small()
        .weak();
    ui.label(text);
}

fn languages(ui: &mut Ui, state: &AppState, s: &mut Settings) {
    let lang = s.language;
    ui.label(Msg::Language.get(lang));
    ui.horizontal(|ui| {
        ui.add_enabled_ui(!locked(state, Setting::Language), |ui| {
            for l in Language::ALL {
                ui.selectable_value(&mut s.language, l, l.endonym());
            }
        });
        source(ui, state, Setting::Language);
    });
    ui.end_row();
    ui.label(Msg::RecordLanguage.get(lang));
    ui.horizontal(|ui| {
        ui.add_enabled_ui(!locked(state, Setting::RecordLanguage), |ui| {
            for l in Language::ALL {
                ui.selectable_value(&mut s.record_language, l, l.endonym());
            }
        });
        source(ui, state, Setting::RecordLanguage);
    });
    ui.end_row();
}

/// The guidance folder, the desk id and the configuration file, as they are (not edited here).
fn managed_rows(ui: &mut Ui, state: &AppState) {
    let lang = state.lang();
    ui.label(Msg::GuidanceFolder.get(lang));
    ui.horizontal(|ui| {
        ui.label(state.guidance.dir.display().to_string());
        source(ui, state, Setting::Guidance);
    });
    ui.end_row();
    if let Some(desk) = &state.managed.desk {
        ui.label(Msg::DeskIs.get(lang));
        ui.label(desk);
        ui.end_row();
    }
    ui.label(Msg::ConfigFileIs.get(lang));
    let file = match &state.managed.file {
        Some(f) => f.display().to_string(),
        None => Msg::ConfigNone.get(lang).to_owned(),
    };
    ui.label(file);
    ui.end_row();
}

/// The log folder as typed; it takes effect (and the log is read) on Enter or when the field
/// is left, not at every keystroke.
fn log_location(ui: &mut Ui, state: &AppState, s: &mut Settings, out: &mut Vec<Intent>) {
    let l = ui.label(Msg::LogLocation.get(s.language));
    let mut text = state.log_dir_input.clone();
    // Empty means IT's folder or the platform's, which the field shows greyed.
    let default = (state.managed.log_dir.clone())
        .or_else(crate::log::default_dir)
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    let enabled = !locked(state, Setting::LogDir);
    let r = ui
        .horizontal(|ui| {
            let r = ui
                .add_enabled(
                    enabled,
                    egui::TextEdit::singleline(&mut text).hint_text(default),
                )
                .labelled_by(l.id);
            source(ui, state, Setting::LogDir);
            r
        })
        .inner;
    if r.changed() {
        out.push(Intent::EditLogDir(text.clone()));
    }
    if r.lost_focus() {
        s.log_dir = (!text.trim().is_empty()).then(|| std::path::PathBuf::from(text.trim()));
    }
}
