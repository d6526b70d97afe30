//! What the nurse sees. Views only read the state and push intents.

use egui::{Color32, RichText, Ui};

use crate::call::Value;
use crate::explain::explain;
use crate::guidance::{Guidance, Part, QuestionId, QuestionKind, TimeframeId, TimeframeKind};
use crate::i18n::Msg;
use crate::text::Language;
use crate::ui::keys::answer_keys;
use crate::ui::state::{AppState, CallView, Focus, Intent, Mode, OverrideForm, Settings};

pub const SEARCH_ID: &str = "reason_search";

/// Colour and symbol of a timeframe, so urgency reads without colour too.
pub fn urgency_style(g: &Guidance, t: TimeframeId) -> (Color32, &'static str) {
    let tf = g.timeframe(t);
    match tf.kind {
        TimeframeKind::Emergency => (Color32::from_rgb(200, 0, 0), "!!!"),
        TimeframeKind::OnCall => (Color32::from_rgb(220, 90, 0), "!!"),
        TimeframeKind::SelfCare => (Color32::from_rgb(30, 130, 60), "•"),
        TimeframeKind::Scheduled => match tf.days {
            Some((_, 0)) => (Color32::from_rgb(190, 130, 0), "!"),
            Some((_, max)) if max <= 3 => (Color32::from_rgb(20, 100, 190), "•"),
            _ => (Color32::from_rgb(90, 90, 160), "•"),
        },
    }
}

pub fn show(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    header(ui, state, out);

    if state.confirm_new_call {
        egui::Panel::top("confirm_new").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(t(Msg::ConfirmDiscard))
                        .strong()
                        .color(Color32::from_rgb(190, 0, 0)),
                );
                if ui.button(format!("{} (Ctrl+N)", t(Msg::Discard))).clicked() {
                    out.push(Intent::NewCall);
                }
                if ui.button(format!("{} (Esc)", t(Msg::KeepCall))).clicked() {
                    out.push(Intent::KeepCall);
                }
            });
        });
    }
    if let Some(save) = &state.restore_offer {
        egui::Panel::top("restore").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(format!(
                        "{} {}",
                        t(Msg::RestoreOffer),
                        save.started.format("%d.%m.%Y %H:%M")
                    ))
                    .strong(),
                );
                if ui.button(format!("{} (Ctrl+R)", t(Msg::Restore))).clicked() {
                    out.push(Intent::RestoreAutosave);
                }
                if ui.button(t(Msg::Discard)).clicked() {
                    out.push(Intent::DiscardAutosave);
                }
            });
        });
    }
    if state.show_help {
        help(ui, lang, out);
    }
    if state.show_settings {
        settings(ui, &state.settings, out);
    }
    if state.mode == Mode::Author {
        crate::ui::author::show(ui, state, out);
        return;
    }
    if state.mode == Mode::Trainer {
        crate::ui::trainer::show(ui, state, out);
        return;
    }
    if state.mode == Mode::Statistics {
        crate::ui::statistics::show(ui, state, out);
        return;
    }
    if state.guidance.current.is_none() {
        egui::CentralPanel::default().show(ui, |ui| guidance_errors(ui, state, true));
        return;
    }
    if !state.guidance.errors.is_empty() {
        egui::Panel::top("last_good").show(ui, |ui| guidance_errors(ui, state, false));
    }
    let Some(c) = &state.call else {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| {
                ui.heading(t(Msg::StartHint));
                ui.add_space(12.0);
                if ui
                    .button(RichText::new(format!("{} (Ctrl+N)", t(Msg::NewCall))).size(22.0))
                    .clicked()
                {
                    out.push(Intent::NewCall);
                }
                if let Some(n) = &state.notice {
                    ui.add_space(12.0);
                    ui.label(n);
                }
            });
        });
        return;
    };
    let g = c.guidance.clone();
    if let Some(p) = &c.practice {
        egui::Panel::top("practice").show(ui, |ui| {
            ui.label(
                RichText::new(format!("{}: {}", t(Msg::Practice), p.case.title.get(lang)))
                    .strong()
                    .color(Color32::from_rgb(20, 100, 190)),
            );
            ui.label(
                RichText::new(format!(
                    "{}: “{}”",
                    t(Msg::CallerSays),
                    p.case.opening.get(lang)
                ))
                .size(18.0)
                .italics(),
            );
            ui.label(RichText::new(t(Msg::PracticeHint)).small());
        });
    }
    if let Some(form) = &c.override_form {
        override_window(ui, &g, c, form, lang, out);
    }
    let leaves = c
        .evaluation
        .proposal
        .as_ref()
        .is_some_and(|p| p.leaves_flow(&g));
    if leaves {
        emergency(ui, state, &g, c, out);
        return;
    }
    egui::Panel::right("proposal")
        .default_size(460.0)
        .resizable(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("proposal_scroll")
                .show(ui, |ui| proposal(ui, state, &g, c, out));
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("questions_scroll")
            .show(ui, |ui| {
                reasons(ui, state, &g, c, out);
                ui.add_space(8.0);
                questions(ui, &g, c, lang, out);
            });
    });
}

/// A header item that moves to the next row as a whole rather than breaking inside; one longer
/// than a whole row (a long guidance name under presentation zoom) is cut short, in full on hover.
fn unbroken(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Truncate))
}

fn header(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    egui::Panel::top("header").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.heading("Arvio");
            for (mode, msg, key) in [
                (Mode::Nurse, Msg::ModeNurse, "Alt+1"),
                (Mode::Author, Msg::ModeAuthor, "Alt+2"),
                (Mode::Trainer, Msg::ModeTrainer, "Alt+3"),
                (Mode::Statistics, Msg::ModeStatistics, "Alt+4"),
            ] {
                if ui
                    .selectable_label(state.mode == mode, format!("{} ({key})", t(msg)))
                    .clicked()
                {
                    out.push(Intent::SetMode(mode));
                }
            }
            ui.separator();
            if let Some(c) = state.call.as_ref().filter(|_| !state.presentation) {
                let secs = (state.now() - c.assessment.started).num_seconds().max(0);
                ui.label(
                    RichText::new(format!(
                        "{} {:02}:{:02}",
                        t(Msg::CallTime),
                        secs / 60,
                        secs % 60
                    ))
                    .strong(),
                );
                ui.separator();
            }
            if let Some(g) = &state.guidance.current {
                unbroken(
                    ui,
                    RichText::new(format!(
                        "{} {} · {}",
                        g.meta.name.get(lang),
                        g.meta.version,
                        g.provenance.short_hash()
                    ))
                    .monospace(),
                )
                .on_hover_text(&g.provenance.hash);
            }
            if let (Some(c), Some(g)) = (&state.call, &state.guidance.current)
                && c.guidance.provenance.hash != g.provenance.hash
            {
                ui.label(
                    RichText::new(format!(
                        "{} {} · {}",
                        t(Msg::CallOnVersion),
                        c.guidance.meta.version,
                        c.guidance.provenance.short_hash()
                    ))
                    .strong()
                    .color(Color32::from_rgb(160, 100, 0)),
                );
            }
            ui.separator();
            if !state.presentation {
                let a = &state.settings.assessor;
                let who = if a.name.trim().is_empty() {
                    t(Msg::NotSet).to_owned()
                } else {
                    format!("{}, {}", a.name, a.title)
                };
                unbroken(ui, format!("{}: {who}", t(Msg::Assessor)));
                ui.separator();
            }
            unbroken(
                ui,
                format!(
                    "{} / {}",
                    lang.endonym(),
                    state.settings.record_language.code()
                ),
            );
            ui.separator();
            if ui.button(format!("{} (Ctrl+N)", t(Msg::NewCall))).clicked() {
                out.push(Intent::NewCall);
            }
            if ui
                .button(format!("{} (Ctrl+,)", t(Msg::SettingsTitle)))
                .clicked()
            {
                out.push(Intent::ToggleSettings);
            }
            if ui.button(format!("{} (F1)", t(Msg::Help))).clicked() {
                out.push(Intent::ToggleHelp);
            }
        });
        if let Some(d) = state
            .guidance
            .current
            .as_ref()
            .and_then(|g| g.meta.disclaimer.as_ref())
        {
            ui.label(
                RichText::new(format!("! {}", d.get(lang)))
                    .color(Color32::from_rgb(160, 100, 0))
                    .small(),
            );
        }
    });
}

fn guidance_errors(ui: &mut Ui, state: &AppState, blocking: bool) {
    let lang = state.lang();
    let headline = if blocking {
        Msg::NoGuidance
    } else {
        Msg::LastGoodInUse
    };
    ui.label(
        RichText::new(format!("! {}", headline.get(lang)))
            .strong()
            .color(Color32::from_rgb(190, 0, 0)),
    );
    egui::ScrollArea::vertical()
        .max_height(if blocking { f32::INFINITY } else { 120.0 })
        .id_salt("guidance_errors")
        .show(ui, |ui| {
            for d in &state.guidance.errors {
                ui.label(RichText::new(d.to_string()).monospace());
            }
        });
}

fn reasons(ui: &mut Ui, state: &AppState, g: &Guidance, c: &CallView, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let label = ui.label(RichText::new(Msg::SearchReason.get(lang)).strong());
    let mut text = c.search.clone();
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id(egui::Id::unique(SEARCH_ID))
                .hint_text(Msg::SearchHint.get(lang))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        out.push(Intent::SetSearch(text));
    }
    if c.focus == Focus::Search && !response.has_focus() && c.override_form.is_none() {
        response.request_focus();
    } else if c.focus != Focus::Search && response.has_focus() {
        if response.gained_focus() {
            out.push(Intent::Focus(Focus::Search));
        } else {
            response.surrender_focus();
        }
    }
    let results = state.search_results();
    if !c.search.trim().is_empty() {
        if results.is_empty() {
            ui.label(Msg::NoMatch.get(lang));
        }
        let hl = c.highlight.min(results.len().saturating_sub(1));
        for (i, r) in results.iter().enumerate().take(8) {
            let reason = g.reason(*r);
            let label = format!(
                "{} {}",
                if i == hl { ">" } else { " " },
                reason.label.get(lang)
            );
            if ui.selectable_label(i == hl, label).clicked() {
                out.push(Intent::AddReason(*r));
            }
        }
    }
    ui.horizontal_wrapped(|ui| {
        for r in &c.assessment.call.reasons {
            let label = g.reason(*r).label.get(lang);
            if ui
                .button(format!("{label} ×"))
                .on_hover_text(Msg::RemoveReason.get(lang))
                .clicked()
            {
                out.push(Intent::RemoveReason(*r));
            }
        }
    });
}

fn questions(ui: &mut Ui, g: &Guidance, c: &CallView, lang: Language, out: &mut Vec<Intent>) {
    // A red-flag screen answered all "no" folds into one line while the nurse works below it,
    // so the reason's questions stay in view; focusing a red flag opens the list again.
    let all_denied = !g.red_flags.is_empty()
        && g.red_flags
            .iter()
            .all(|rf| c.assessment.call.answer(rf.question) == Some(crate::call::Value::No));
    let on_red_flag = matches!(c.focus, Focus::Question(q) if g.question(q).part == Part::RedFlag);
    let fold_red_flags = all_denied && !on_red_flag;
    let mut section = None;
    for &q in &c.evaluation.questions {
        if fold_red_flags && g.question(q).part == Part::RedFlag {
            if section.is_none() {
                section = Some(0);
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    ui.label(RichText::new(Msg::RedFlagsTitle.get(lang)).heading());
                    ui.label(
                        RichText::new(format!(
                            "= {} ({})",
                            Msg::RecordRedFlagsNegative.get(lang),
                            g.red_flags.len()
                        ))
                        .strong(),
                    );
                    if ui.small_button(Msg::ShowAll.get(lang)).clicked() {
                        out.push(Intent::Focus(Focus::Question(q)));
                    }
                });
            }
            continue;
        }
        let part = match g.question(q).part {
            Part::Reason(_) | Part::Pool => 2,
            Part::RiskFactor | Part::Basic => 1,
            Part::RedFlag => 0,
        };
        if section != Some(part) {
            section = Some(part);
            ui.add_space(6.0);
            let title = [
                Msg::RedFlagsTitle,
                Msg::RiskFactorsTitle,
                Msg::QuestionsTitle,
            ][part];
            ui.label(RichText::new(title.get(lang)).heading());
        }
        question_row(ui, g, c, q, lang, out);
    }
    if c.assessment.call.reasons.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(Msg::NoReasonYet.get(lang)).italics());
    }
}

fn question_row(
    ui: &mut Ui,
    g: &Guidance,
    c: &CallView,
    q: QuestionId,
    lang: Language,
    out: &mut Vec<Intent>,
) {
    let question = g.question(q);
    let focused = c.focus == Focus::Question(q);
    let answer = c.assessment.call.answer(q);
    let fill = if focused {
        ui.visuals().selection.bg_fill.gamma_multiply(0.35)
    } else {
        Color32::TRANSPARENT
    };
    let frame = egui::Frame::group(ui.style())
        .fill(fill)
        .stroke(if focused {
            ui.visuals().selection.stroke
        } else {
            ui.visuals().widgets.noninteractive.bg_stroke
        });
    let response = frame
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                let marker = if focused {
                    ">"
                } else if answer.is_some() {
                    "="
                } else {
                    "•"
                };
                ui.label(RichText::new(format!("{marker} {}", question.text.get(lang))).strong());
                if let Some(v) = answer {
                    ui.label(
                        RichText::new(format!(": {}", crate::explain::answer_text(g, q, v, lang)))
                            .color(ui.visuals().hyperlink_color),
                    );
                }
            });
            if let Some(note) = &question.note {
                ui.label(
                    RichText::new(format!("{}: {}", Msg::NoteLabel.get(lang), note.get(lang)))
                        .small()
                        .italics(),
                );
            }
            if c.practice.is_some() && answer.is_none() {
                if ui
                    .button(format!(
                        "{} [{}]",
                        Msg::AskCaller.get(lang),
                        Msg::SpaceKey.get(lang)
                    ))
                    .clicked()
                {
                    out.push(Intent::Answer(q, Some(Value::CannotSay)));
                }
                return;
            }
            ui.horizontal_wrapped(|ui| {
                let [(_, yk), (_, nk), (_, ck)] = answer_keys(lang);
                let mut toggled = None;
                let mut picked: Vec<Intent> = Vec::new();
                let mut choose = |ui: &mut Ui, label: String, selected: bool, value: Value| {
                    if ui.selectable_label(selected, label).clicked() {
                        picked.push(Intent::Answer(q, Some(value)));
                    }
                };
                match &question.kind {
                    QuestionKind::YesNo => {
                        choose(
                            ui,
                            format!("{} [{yk}]", Msg::Yes.get(lang)),
                            answer == Some(Value::Yes),
                            Value::Yes,
                        );
                        choose(
                            ui,
                            format!("{} [{nk}]", Msg::No.get(lang)),
                            answer == Some(Value::No),
                            Value::No,
                        );
                    }
                    QuestionKind::OneOf(opts) => {
                        for (i, o) in opts.iter().enumerate() {
                            let key = if i < 9 {
                                format!("[{}] ", i + 1)
                            } else {
                                String::new()
                            };
                            choose(
                                ui,
                                format!("{key}{}", o.label.get(lang)),
                                answer == Some(Value::Choice(i as u8)),
                                Value::Choice(i as u8),
                            );
                        }
                    }
                    QuestionKind::SeveralOf(opts) => {
                        let mask = match answer {
                            Some(Value::Choices(m)) => m,
                            _ => 0,
                        };
                        for (i, o) in opts.iter().enumerate() {
                            let key = if i < 9 {
                                format!("[{}] ", i + 1)
                            } else {
                                String::new()
                            };
                            if ui
                                .selectable_label(
                                    mask & (1 << i) != 0,
                                    format!("{key}{}", o.label.get(lang)),
                                )
                                .clicked()
                            {
                                toggled = Some(i as u8);
                            }
                        }
                        ui.label(RichText::new("Enter").small());
                    }
                    QuestionKind::Number(spec) => {
                        // The typed digits while focused, else the answer as written in it.
                        let shown = match (focused, answer) {
                            (true, _) => format!("{}| {}", c.number, spec.unit.get(lang)),
                            (false, Some(v)) => crate::explain::answer_text(g, q, v, lang),
                            (false, None) => format!("_ {}", spec.unit.get(lang)),
                        };
                        ui.label(RichText::new(shown).monospace().size(18.0));
                        ui.label(
                            RichText::new(format!("({}–{}, Enter)", spec.min, spec.max)).small(),
                        );
                    }
                    // Typing ages, durations and free text comes with the new question panel.
                    QuestionKind::Age(_) | QuestionKind::Duration(_) | QuestionKind::FreeText => {
                        if let Some(v) = answer {
                            ui.label(crate::explain::answer_text(g, q, v, lang));
                        }
                    }
                }
                choose(
                    ui,
                    format!("{} [{ck}]", Msg::CannotSay.get(lang)),
                    answer == Some(Value::CannotSay),
                    Value::CannotSay,
                );
                out.extend(picked);
                if let Some(i) = toggled {
                    out.push(Intent::ToggleChoice(q, i));
                }
            });
            if focused
                && matches!(question.kind, QuestionKind::Number(_))
                && let Some(m) = &c.message
            {
                ui.label(RichText::new(m).color(Color32::from_rgb(190, 0, 0)));
            }
        })
        .response;
    if response.interact(egui::Sense::click()).clicked() {
        out.push(Intent::Focus(Focus::Question(q)));
    }
    if focused {
        response.scroll_to_me(None);
    }
}

fn proposal(ui: &mut Ui, state: &AppState, g: &Guidance, c: &CallView, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    ui.heading(t(Msg::ProposalTitle));
    let Some(e) = explain(g, &c.assessment.call, &c.evaluation, state.now(), lang) else {
        ui.label(t(Msg::NoReasonYet));
        return;
    };
    let ready = crate::assessment::ready(g, &c.evaluation).is_ok() && c.evaluation.complete();
    let p = c
        .evaluation
        .proposal
        .as_ref()
        .map(|p| p.outcome(g).timeframe);
    if !ready {
        let mut parts = vec![t(Msg::Provisional).to_owned()];
        if e.red_flags_unanswered > 0 {
            parts.push(format!(
                "{} {}",
                e.red_flags_unanswered,
                t(Msg::RedFlagsUnanswered)
            ));
        }
        if e.questions_left > 0 {
            parts.push(format!("{} {}", e.questions_left, t(Msg::QuestionsLeft)));
        }
        ui.label(
            RichText::new(parts.join(" · "))
                .strong()
                .color(Color32::from_rgb(160, 100, 0)),
        );
    } else {
        ui.label(RichText::new(format!("= {}", t(Msg::Ready))).strong());
    }
    if let Some(tf) = p {
        let (colour, icon) = urgency_style(g, tf);
        egui::Frame::new()
            .fill(colour)
            .inner_margin(8.0)
            .corner_radius(6.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(format!("{icon} {}", e.timeframe.label))
                        .size(24.0)
                        .strong()
                        .color(Color32::WHITE),
                );
                if let Some(w) = &e.window {
                    ui.label(RichText::new(&w.text).size(18.0).color(Color32::WHITE));
                }
            });
    }
    egui::Grid::new("proposal_grid")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            if let Some(m) = &e.mode {
                ui.label(t(Msg::ContactMode));
                let kind = if m.remote {
                    t(Msg::Remote)
                } else {
                    t(Msg::InPerson)
                };
                ui.label(RichText::new(format!("{} ({kind})", m.label)).strong());
                ui.end_row();
            }
            if let Some(p) = &e.professional {
                ui.label(t(Msg::Professional));
                ui.label(RichText::new(&p.label).strong());
                ui.end_row();
            }
        });
    if !e.alternative_modes.is_empty() {
        let alts: Vec<_> = e
            .alternative_modes
            .iter()
            .map(|m| m.label.as_str())
            .collect();
        ui.label(format!("{}: {}", t(Msg::Alternatives), alts.join(", ")));
    }
    if e.outside_care_guarantee {
        ui.label(format!("({})", t(Msg::OutsideCareGuarantee)));
    }
    ui.add_space(4.0);
    ui.label(RichText::new(t(Msg::Advice)).strong());
    ui.label(&e.advice);
    if let Some(w) = &e.worsening {
        ui.label(RichText::new(t(Msg::Worsening)).strong());
        ui.label(w);
    }
    ui.add_space(4.0);
    egui::CollapsingHeader::new(RichText::new(t(Msg::Why)).strong())
        .id_salt("why")
        .default_open(true)
        .show(ui, |ui| {
            ui.label(format!(
                "{}: {} — {}",
                t(Msg::DecidedBy),
                e.decided_by.id,
                e.decided_by.label
            ));
            for a in &e.because {
                ui.label(format!("  • {}: {}", a.text, a.answer));
            }
            let others: Vec<_> = e
                .matched
                .iter()
                .filter(|m| m.id != e.decided_by.id)
                .map(|m| format!("{} ({})", m.id, m.timeframe))
                .collect();
            if !others.is_empty() {
                ui.label(format!("{}: {}", t(Msg::AlsoMatched), others.join(", ")));
            }
            for d in e
                .per_reason
                .iter()
                .filter(|d| d.decided_by != e.decided_by.id)
            {
                ui.label(format!(
                    "  {}: {} ({})",
                    d.reason.label, d.timeframe.label, d.decided_by
                ));
            }
            ui.label(
                RichText::new(format!(
                    "{}: {} {} · {}",
                    t(Msg::Guidance),
                    e.guidance.name,
                    e.guidance.version,
                    &e.guidance.hash[..12]
                ))
                .small(),
            );
        });
    ui.separator();
    decision(ui, state, g, c, out);
}

fn decision(ui: &mut Ui, state: &AppState, g: &Guidance, c: &CallView, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    match &c.assessment.decision {
        None => {
            ui.horizontal(|ui| {
                if ui
                    .button(RichText::new(format!("{} (Ctrl+Enter)", t(Msg::Accept))).size(18.0))
                    .clicked()
                {
                    out.push(Intent::Accept);
                }
                if ui
                    .button(RichText::new(format!("{} (Ctrl+O)", t(Msg::Override))).size(18.0))
                    .clicked()
                {
                    out.push(Intent::OpenOverride);
                }
            });
            if let Some(m) = &c.message
                && c.override_form.is_none()
            {
                ui.label(RichText::new(m).color(Color32::from_rgb(190, 0, 0)));
            }
        }
        Some(d) => {
            let mut line = format!(
                "= {}: {}",
                t(Msg::Decided),
                g.timeframe(d.disposition.timeframe).label.get(lang)
            );
            if let Some(m) = d.disposition.mode {
                line.push_str(&format!(", {}", g.mode(m).label.get(lang)));
            }
            if let Some(p) = d.disposition.professional {
                line.push_str(&format!(", {}", g.professional(p).label.get(lang)));
            }
            ui.label(RichText::new(line).strong());
            if d.override_reason.is_some() {
                ui.label(
                    RichText::new(t(Msg::RecordOverridden))
                        .strong()
                        .color(Color32::from_rgb(160, 100, 0)),
                );
            }
            if d.lowers_urgency {
                ui.label(
                    RichText::new(t(Msg::LowersUrgencyWarning))
                        .strong()
                        .color(Color32::from_rgb(190, 0, 0)),
                );
            }
            record_section(ui, state, c, out);
        }
    }
}

fn record_section(ui: &mut Ui, state: &AppState, c: &CallView, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    let label = ui.label(RichText::new(t(Msg::Notes)).strong());
    let mut notes = c.assessment.notes.clone();
    let r = ui
        .add(
            egui::TextEdit::multiline(&mut notes)
                .id(egui::Id::unique("notes"))
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if r.changed() {
        out.push(Intent::SetNotes(notes));
    }
    if r.gained_focus() {
        out.push(Intent::Focus(Focus::Notes));
    }
    ui.label(RichText::new(t(Msg::RecordUi)).strong());
    if let Some(record) = state.record() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(record).monospace());
        });
    }
    ui.horizontal(|ui| {
        if ui
            .button(format!("{} (Ctrl+Shift+C)", t(Msg::CopyRecord)))
            .clicked()
        {
            out.push(Intent::CopyRecord);
        }
        if ui
            .button(RichText::new(format!("{} (Ctrl+Enter)", t(Msg::Finish))).strong())
            .clicked()
        {
            out.push(Intent::FinishCall);
        }
    });
    if let Some(n) = &state.notice {
        ui.label(n);
    }
}

fn emergency(ui: &mut Ui, state: &AppState, g: &Guidance, c: &CallView, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    let Some(p) = &c.evaluation.proposal else {
        return;
    };
    let o = p.outcome(g);
    let (colour, _) = urgency_style(g, o.timeframe);
    let title = if g.timeframe(o.timeframe).kind == TimeframeKind::Emergency {
        Msg::EmergencyTitle
    } else {
        Msg::OnCallTitle
    };
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(colour).inner_margin(24.0))
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("emergency_scroll")
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(format!("!!! {} !!!", t(title)))
                            .size(44.0)
                            .strong()
                            .color(Color32::WHITE),
                    );
                    ui.label(
                        RichText::new(g.timeframe(o.timeframe).label.get(lang))
                            .size(26.0)
                            .color(Color32::WHITE),
                    );
                    ui.add_space(8.0);
                    ui.label(
                        RichText::new(t(Msg::GiveInstruction))
                            .size(20.0)
                            .color(Color32::WHITE),
                    );
                    ui.label(
                        RichText::new(o.advice.get(lang))
                            .size(32.0)
                            .strong()
                            .color(Color32::WHITE),
                    );
                    ui.add_space(8.0);
                    ui.label(
                        RichText::new(format!(
                            "{}: {} — {}",
                            t(Msg::DecidedBy),
                            p.winner.id(g),
                            p.winner.description(g).get(lang)
                        ))
                        .size(18.0)
                        .color(Color32::WHITE),
                    );
                    ui.label(
                        RichText::new(state.now().format("%d.%m.%Y %H:%M:%S").to_string())
                            .size(18.0)
                            .color(Color32::WHITE),
                    );
                    ui.add_space(12.0);
                    egui::Frame::new()
                        .fill(Color32::WHITE)
                        .inner_margin(10.0)
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            if let Some(record) = state.record() {
                                ui.label(RichText::new(record).monospace().color(Color32::BLACK));
                            }
                        });
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if c.assessment.decision.is_none() {
                            if ui
                                .button(
                                    RichText::new(format!("{} (Ctrl+Enter)", t(Msg::Accept)))
                                        .size(20.0),
                                )
                                .clicked()
                            {
                                out.push(Intent::Accept);
                            }
                        } else if ui
                            .button(
                                RichText::new(format!("{} (Ctrl+Enter)", t(Msg::Finish)))
                                    .size(20.0),
                            )
                            .clicked()
                        {
                            out.push(Intent::FinishCall);
                        }
                        if ui
                            .button(
                                RichText::new(format!("{} (Ctrl+Shift+C)", t(Msg::CopyRecord)))
                                    .size(20.0),
                            )
                            .clicked()
                        {
                            out.push(Intent::CopyRecord);
                        }
                        if let crate::engine::Decider::RedFlag(i) = p.winner
                            && ui
                                .button(RichText::new(t(Msg::UndoAnswer)).size(16.0))
                                .clicked()
                        {
                            out.push(Intent::Answer(g.red_flags[i].question, None));
                        }
                    });
                    if let Some(n) = &state.notice {
                        ui.label(RichText::new(n).color(Color32::WHITE));
                    }
                });
        });
}

fn override_window(
    ui: &mut Ui,
    g: &Guidance,
    c: &CallView,
    form: &OverrideForm,
    lang: Language,
    out: &mut Vec<Intent>,
) {
    let t = |m: Msg| m.get(lang);
    let mut f = form.clone();
    let proposed = c
        .evaluation
        .proposal
        .as_ref()
        .map(|p| p.outcome(g).timeframe);
    egui::Modal::new(egui::Id::unique("override")).show(ui.ctx(), |ui| {
        ui.set_width(560.0);
        ui.heading(t(Msg::OverrideTitle));
        ui.label(RichText::new(format!("{} (Alt+Up/Down)", t(Msg::Timeframe))).strong());
        ui.horizontal_wrapped(|ui| {
            for (i, tf) in g.timeframes.iter().enumerate() {
                let id = TimeframeId(i as u32);
                ui.selectable_value(&mut f.disposition.timeframe, id, tf.label.get(lang));
            }
        });
        ui.label(RichText::new(format!("{} (Ctrl+Up/Down)", t(Msg::ContactMode))).strong());
        ui.horizontal_wrapped(|ui| {
            for (i, m) in g.modes.iter().enumerate() {
                ui.selectable_value(
                    &mut f.disposition.mode,
                    Some(crate::guidance::ModeId(i as u32)),
                    m.label.get(lang),
                );
            }
        });
        ui.label(RichText::new(format!("{} (Shift+Alt+Up/Down)", t(Msg::Professional))).strong());
        ui.horizontal_wrapped(|ui| {
            for (i, p) in g.professionals.iter().enumerate() {
                ui.selectable_value(
                    &mut f.disposition.professional,
                    Some(crate::guidance::ProfessionalId(i as u32)),
                    p.label.get(lang),
                );
            }
        });
        ui.label(RichText::new(format!("{} (Ctrl+1–9)", t(Msg::OverrideCategory))).strong());
        ui.horizontal_wrapped(|ui| {
            for (n, o) in g.override_reasons.iter().enumerate() {
                ui.selectable_value(
                    &mut f.category,
                    o.id.clone(),
                    format!("{} {}", n + 1, o.label.get(lang)),
                );
            }
        });
        let label = ui.label(RichText::new(t(Msg::OverrideText)).strong());
        let r = ui
            .add(
                egui::TextEdit::multiline(&mut f.text)
                    .id(egui::Id::unique("override_text"))
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        // The explanation is what must be typed, so it has the keyboard from the start.
        if !r.has_focus() {
            r.request_focus();
        }
        if r.changed() {
            f.error = None;
        }
        if proposed.is_some_and(|p| f.disposition.timeframe > p) {
            ui.label(
                RichText::new(t(Msg::LowersUrgencyWarning))
                    .strong()
                    .color(Color32::from_rgb(190, 0, 0)),
            );
        }
        if let Some(e) = &f.error {
            ui.label(RichText::new(e).color(Color32::from_rgb(190, 0, 0)));
        }
        ui.horizontal(|ui| {
            if ui.button(format!("{} (Ctrl+S)", t(Msg::Save))).clicked() {
                out.push(Intent::EditOverride(f.clone()));
                out.push(Intent::SaveOverride);
            }
            if ui.button(format!("{} (Esc)", t(Msg::Cancel))).clicked() {
                out.push(Intent::CancelOverride);
            }
        });
    });
    if f != *form && !out.contains(&Intent::SaveOverride) {
        out.push(Intent::EditOverride(f));
    }
}

fn help(ui: &mut Ui, lang: Language, out: &mut Vec<Intent>) {
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

fn settings(ui: &mut Ui, current: &Settings, out: &mut Vec<Intent>) {
    let lang = current.language;
    let t = |m: Msg| m.get(lang);
    let mut s = current.clone();
    egui::Window::new(t(Msg::SettingsTitle))
        .id(egui::Id::unique("settings"))
        .collapsible(false)
        .show(ui.ctx(), |ui| {
            egui::Grid::new("settings_grid")
                .num_columns(2)
                .show(ui, |ui| {
                    ui.label(t(Msg::Language));
                    ui.horizontal(|ui| {
                        for l in Language::ALL {
                            ui.selectable_value(&mut s.language, l, l.endonym());
                        }
                    });
                    ui.end_row();
                    ui.label(t(Msg::RecordLanguage));
                    ui.horizontal(|ui| {
                        for l in Language::ALL {
                            ui.selectable_value(&mut s.record_language, l, l.endonym());
                        }
                    });
                    ui.end_row();
                    let l = ui.label(t(Msg::AssessorName));
                    ui.text_edit_singleline(&mut s.assessor.name)
                        .labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(t(Msg::AssessorTitle));
                    ui.text_edit_singleline(&mut s.assessor.title)
                        .labelled_by(l.id);
                    ui.end_row();
                    ui.label("");
                    ui.checkbox(&mut s.dark, t(Msg::Dark));
                    ui.end_row();
                    let l = ui.label(t(Msg::LogLocation));
                    let mut text = s
                        .log_dir
                        .as_ref()
                        .map(|d| d.display().to_string())
                        .unwrap_or_default();
                    if ui
                        .text_edit_singleline(&mut text)
                        .labelled_by(l.id)
                        .changed()
                    {
                        s.log_dir = (!text.trim().is_empty())
                            .then(|| std::path::PathBuf::from(text.trim()));
                    }
                    ui.end_row();
                });
            if ui.button(format!("{} (Esc)", t(Msg::Close))).clicked() {
                out.push(Intent::ToggleSettings);
            }
        });
    if s != *current {
        out.push(Intent::SetSettings(s));
    }
}
