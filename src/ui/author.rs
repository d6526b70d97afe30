//! The rule author's workbench: open a guidance folder, see it validated live, run its
//! scenarios on every reload, open a scenario in the nurse flow, save a call as a scenario.

use std::path::PathBuf;

use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::diagnostic::Diagnostic;
use crate::i18n::Msg;
use crate::scenario::ScenarioResult;
use crate::ui::state::{AppState, Intent};

/// Chooses folders and files; the app uses native dialogs, tests put in their own.
pub trait FolderPicker {
    fn pick_folder(&self, start: Option<&std::path::Path>) -> Option<PathBuf>;
    /// Where to save a file, suggesting `name`.
    fn save_file(&self, name: &str) -> Option<PathBuf>;
}

/// The native dialog (GTK on Linux).
pub struct NativePicker;

impl FolderPicker for NativePicker {
    fn pick_folder(&self, start: Option<&std::path::Path>) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new();
        if let Some(dir) = start {
            dialog = dialog.set_directory(dir);
        }
        dialog.pick_folder()
    }

    fn save_file(&self, name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new().set_file_name(name).save_file()
    }
}

/// A diagnostic with the source line it points at, read once at reload.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownDiagnostic {
    pub diagnostic: Diagnostic,
    pub line: Option<String>,
}

#[derive(Default)]
pub struct AuthorState {
    pub path_input: String,
    pub diagnostics: Vec<ShownDiagnostic>,
    pub results: Vec<ScenarioResult>,
    pub scenario_errors: Vec<Diagnostic>,
    pub scenario_name: String,
    pub saved: Option<String>,
    pub analysis: Option<crate::analysis::Analysis>,
    pub baseline_input: String,
    /// The comparison with a baseline folder: the changes as text, or why it failed.
    pub comparison: Option<Result<String, Vec<Diagnostic>>>,
}

impl AuthorState {
    pub fn passed(&self) -> usize {
        self.results.iter().filter(|r| r.passed()).count()
    }

    pub fn failed(&self) -> usize {
        self.results.len() - self.passed() + self.scenario_errors.len()
    }
}

pub fn show(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    let a = &state.author;
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("author_scroll")
            .show(ui, |ui| {
                ui.heading(t(Msg::AuthorTitle));
                ui.horizontal_wrapped(|ui| {
                    let label = ui.label(t(Msg::GuidanceFolder));
                    let mut path = a.path_input.clone();
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(&mut path)
                                .desired_width(480.0)
                                .id(egui::Id::unique("guidance_path")),
                        )
                        .labelled_by(label.id);
                    if r.changed() {
                        out.push(Intent::SetAuthorPath(path.clone()));
                    }
                    if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        out.push(Intent::OpenGuidance(PathBuf::from(path.trim())));
                    }
                    if ui
                        .button(format!("{} (Ctrl+Shift+O)", t(Msg::OpenFolder)))
                        .clicked()
                    {
                        out.push(Intent::PickGuidanceFolder);
                    }
                });
                if !state.settings.recent.is_empty() {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(t(Msg::Recent));
                        for dir in &state.settings.recent {
                            if ui.small_button(dir.display().to_string()).clicked() {
                                out.push(Intent::OpenGuidance(dir.clone()));
                            }
                        }
                    });
                }
                ui.separator();
                match &state.guidance.current {
                    Some(g) => {
                        ui.label(format!(
                            "{}: {} {} · {} · {} {}",
                            t(Msg::InUse),
                            g.meta.name.get(lang),
                            g.meta.version,
                            g.provenance.short_hash(),
                            g.reasons.len(),
                            t(Msg::ReasonsCount)
                        ));
                    }
                    None => {
                        ui.label(
                            RichText::new(t(Msg::NoGuidance)).color(Color32::from_rgb(190, 0, 0)),
                        );
                    }
                }
                if a.diagnostics.is_empty() {
                    ui.label(
                        RichText::new(format!("= {}", t(Msg::NoErrors)))
                            .strong()
                            .color(Color32::from_rgb(30, 130, 60)),
                    );
                } else {
                    if state.guidance.current.is_some() {
                        ui.label(
                            RichText::new(format!("! {}", t(Msg::LastGoodInUse)))
                                .strong()
                                .color(Color32::from_rgb(190, 0, 0)),
                        );
                    }
                    diagnostics(ui, &a.diagnostics);
                }
                ui.separator();
                scenarios(ui, state, out);
                ui.separator();
                save_as_scenario(ui, state, out);
                ui.separator();
                analysis(ui, state, out);
                ui.separator();
                compare(ui, state, out);
            });
    });
}

fn diagnostics(ui: &mut Ui, shown: &[ShownDiagnostic]) {
    let mut file = None;
    for d in shown {
        if file != Some(&d.diagnostic.file) {
            file = Some(&d.diagnostic.file);
            ui.label(RichText::new(d.diagnostic.file.display().to_string()).strong());
        }
        ui.label(
            RichText::new(format!(
                "  {}:{}: {}",
                d.diagnostic.pos.line, d.diagnostic.pos.col, d.diagnostic.message
            ))
            .monospace()
            .color(Color32::from_rgb(190, 0, 0)),
        );
        if let Some(line) = &d.line {
            ui.label(RichText::new(format!("    | {line}")).monospace());
            ui.label(
                RichText::new(format!(
                    "    | {}^",
                    " ".repeat(d.diagnostic.pos.col.saturating_sub(1))
                ))
                .monospace(),
            );
        }
    }
}

fn scenarios(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    let a = &state.author;
    let summary = format!(
        "{} {}, {} {}",
        a.passed(),
        t(Msg::Passed),
        a.failed(),
        t(Msg::Failed)
    );
    let colour = if a.failed() == 0 {
        Color32::from_rgb(30, 130, 60)
    } else {
        Color32::from_rgb(190, 0, 0)
    };
    ui.horizontal(|ui| {
        ui.heading(t(Msg::Scenarios));
        ui.label(RichText::new(summary).strong().color(colour));
    });
    for e in &a.scenario_errors {
        ui.label(
            RichText::new(e.to_string())
                .monospace()
                .color(Color32::from_rgb(190, 0, 0)),
        );
    }
    let mut order: Vec<usize> = (0..a.results.len()).collect();
    // Failures first: they are what the author came to see.
    order.sort_by_key(|&i| (a.results[i].passed(), i));
    TableBuilder::new(ui)
        .id_salt("scenario_table")
        .striped(true)
        .column(Column::exact(60.0))
        .column(Column::initial(360.0).resizable(true))
        .column(Column::remainder())
        .column(Column::exact(70.0))
        .max_scroll_height(360.0)
        .header(22.0, |mut h| {
            h.col(|ui| {
                ui.strong(t(Msg::Status));
            });
            h.col(|ui| {
                ui.strong(t(Msg::ScenarioName));
            });
            h.col(|ui| {
                ui.strong(t(Msg::ExpectedActual));
            });
            h.col(|_| {});
        })
        .body(|body| {
            body.rows(22.0, order.len(), |mut row| {
                let i = order[row.index()];
                let r = &a.results[i];
                row.col(|ui| {
                    let (text, c) = if r.passed() {
                        ("OK", Color32::from_rgb(30, 130, 60))
                    } else {
                        ("FAIL", Color32::from_rgb(190, 0, 0))
                    };
                    ui.label(RichText::new(text).strong().color(c));
                });
                row.col(|ui| {
                    ui.label(&r.name);
                });
                row.col(|ui| {
                    let text = if !r.errors.is_empty() {
                        r.errors
                            .iter()
                            .map(|d| d.message.clone())
                            .collect::<Vec<_>>()
                            .join("; ")
                    } else if r.mismatches.is_empty() {
                        r.actual.as_ref().map(|a| a.to_string()).unwrap_or_default()
                    } else {
                        r.mismatches
                            .iter()
                            .map(|m| format!("{}: {} → {}", m.field, m.expected, m.actual))
                            .collect::<Vec<_>>()
                            .join("; ")
                    };
                    ui.label(text);
                });
                row.col(|ui| {
                    if ui
                        .small_button(t(Msg::OpenInFlow))
                        .on_hover_text(r.file.display().to_string())
                        .clicked()
                    {
                        out.push(Intent::OpenScenario(i));
                    }
                });
            });
        });
}

fn save_as_scenario(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    ui.heading(t(Msg::SaveAsScenario));
    let Some(c) = &state.call else {
        ui.label(t(Msg::SaveAsScenarioHint));
        return;
    };
    if c.evaluation.proposal.is_none() {
        ui.label(t(Msg::SaveAsScenarioHint));
        return;
    }
    ui.horizontal(|ui| {
        let label = ui.label(t(Msg::ScenarioName));
        let mut name = state.author.scenario_name.clone();
        if ui
            .add(
                egui::TextEdit::singleline(&mut name)
                    .desired_width(420.0)
                    .id(egui::Id::unique("scenario_name")),
            )
            .labelled_by(label.id)
            .changed()
        {
            out.push(Intent::SetScenarioName(name));
        }
        if ui.button(t(Msg::Save)).clicked() {
            out.push(Intent::SaveAsScenario);
        }
    });
    if let Some(s) = &state.author.saved {
        ui.label(s);
    }
}

fn analysis(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    ui.horizontal(|ui| {
        ui.heading(t(Msg::Analysis));
        if ui
            .button(format!("{} (Ctrl+L)", t(Msg::RunAnalysis)))
            .clicked()
        {
            out.push(Intent::RunAnalysis);
        }
    });
    let Some(a) = &state.author.analysis else {
        ui.label(t(Msg::AnalysisHint));
        return;
    };
    let colour = if a.errors() == 0 {
        Color32::from_rgb(30, 130, 60)
    } else {
        Color32::from_rgb(190, 0, 0)
    };
    ui.label(
        RichText::new(format!(
            "{} {}, {} {}, {} {}",
            a.errors(),
            t(Msg::Errors),
            a.warnings(),
            t(Msg::Warnings),
            a.allowed(),
            t(Msg::Allowed)
        ))
        .strong()
        .color(colour),
    );
    for f in &a.findings {
        let colour = if f.fails() {
            Color32::from_rgb(190, 0, 0)
        } else if f.allowed_by.is_some() {
            ui.visuals().weak_text_color()
        } else {
            Color32::from_rgb(160, 100, 0)
        };
        let allowed = f
            .allowed_by
            .as_ref()
            .map(|a| format!(" [{}: {a}]", t(Msg::Allowed)))
            .unwrap_or_default();
        ui.label(
            RichText::new(format!(
                "{} {}: {} — {}{allowed}",
                f.kind.name(),
                f.id,
                f.location(),
                f.message
            ))
            .color(colour),
        );
        for c in f.cases.iter().take(2) {
            ui.label(RichText::new(format!("    {}", c.text)).monospace().small());
        }
    }
    egui::Grid::new("reason_summaries")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            ui.strong(t(Msg::RecordReasons));
            ui.strong(t(Msg::Cases));
            ui.strong(t(Msg::Timeframe));
            ui.strong(t(Msg::RemoteShare));
            ui.end_row();
            for s in &a.summaries {
                ui.label(&s.reason);
                ui.label(format!("{}{}", s.cases, if s.sampled { "*" } else { "" }));
                ui.label(
                    s.timeframes
                        .iter()
                        .map(|c| format!("{} {}", c.id, c.cases))
                        .collect::<Vec<_>>()
                        .join(", "),
                );
                ui.label(format!("{:.0} %", s.remote_percent));
                ui.end_row();
            }
        });
}

fn compare(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    ui.heading(t(Msg::CompareVersions));
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t(Msg::Baseline));
        let mut path = state.author.baseline_input.clone();
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut path)
                    .desired_width(420.0)
                    .id(egui::Id::unique("baseline_path")),
            )
            .labelled_by(label.id);
        if r.changed() {
            out.push(Intent::SetBaselinePath(path.clone()));
        }
        if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            out.push(Intent::CompareWith(PathBuf::from(path.trim())));
        }
        if ui
            .button(format!("{} (Ctrl+B)", t(Msg::PickBaseline)))
            .clicked()
        {
            out.push(Intent::PickBaseline);
        }
    });
    match &state.author.comparison {
        None => {}
        Some(Ok(text)) => {
            ui.label(RichText::new(text).monospace());
        }
        Some(Err(diags)) => {
            for d in diags {
                ui.label(
                    RichText::new(d.to_string())
                        .monospace()
                        .color(Color32::from_rgb(190, 0, 0)),
                );
            }
        }
    }
}
