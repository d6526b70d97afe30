//! The questions of the call: red flags (folded into one line once all denied), risk factors
//! and the reasons' questions, each row with its answer keys.

use egui::{Color32, RichText, Ui};

use crate::call::Value;
use crate::guidance::{Guidance, Part, QuestionId, QuestionKind};
use crate::i18n::Msg;
use crate::text::Language;
use crate::ui::intent::Intent;
use crate::ui::keys::answer::answer_keys;
use crate::ui::nurse::{CallView, Focus};
use crate::ui::style::ALARM;

pub fn show(ui: &mut Ui, g: &Guidance, c: &CallView, lang: Language, out: &mut Vec<Intent>) {
    // A red-flag screen answered all "no" folds into one line while the nurse works below it,
    // so the reason's questions stay in view; focusing a red flag opens the list again.
    let all_denied = !g.red_flags.is_empty()
        && g.red_flags
            .iter()
            .all(|rf| c.assessment.call.answer(rf.question) == Some(Value::No));
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
            Part::Reason(_) => 2,
            Part::RiskFactor => 1,
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

/// One question: its text and answer, the guidance's note, and its answer keys (in practice, the
/// button that asks the caller instead).
fn question_row(
    ui: &mut Ui,
    g: &Guidance,
    c: &CallView,
    q: QuestionId,
    lang: Language,
    out: &mut Vec<Intent>,
) {
    let row = Row {
        g,
        c,
        q,
        lang,
        focused: c.focus == Focus::Question(q),
        answer: c.assessment.call.answer(q),
    };
    let fill = if row.focused {
        ui.visuals().selection.bg_fill.gamma_multiply(0.35)
    } else {
        Color32::TRANSPARENT
    };
    let frame = egui::Frame::group(ui.style())
        .fill(fill)
        .stroke(if row.focused {
            ui.visuals().selection.stroke
        } else {
            ui.visuals().widgets.noninteractive.bg_stroke
        });
    let response = frame
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            row.title(ui);
            if c.practice.is_some() && row.answer.is_none() {
                row.ask_caller(ui, out);
                return;
            }
            ui.horizontal_wrapped(|ui| row.options(ui, out));
            if row.focused
                && matches!(g.question(q).kind, QuestionKind::Number(_))
                && let Some(m) = &c.message
            {
                ui.label(RichText::new(m).color(ALARM));
            }
        })
        .response;
    if response.interact(egui::Sense::click()).clicked() {
        out.push(Intent::Focus(Focus::Question(q)));
    }
    if row.focused {
        response.scroll_to_me(None);
    }
}

/// What a question row shows.
struct Row<'a> {
    g: &'a Guidance,
    c: &'a CallView,
    q: QuestionId,
    lang: Language,
    focused: bool,
    answer: Option<Value>,
}

impl Row<'_> {
    /// The question with its marker (focused, answered, open), its answer and the note.
    fn title(&self, ui: &mut Ui) {
        let question = self.g.question(self.q);
        let lang = self.lang;
        ui.horizontal_wrapped(|ui| {
            let marker = if self.focused {
                ">"
            } else if self.answer.is_some() {
                "="
            } else {
                "•"
            };
            ui.label(RichText::new(format!("{marker} {}", question.text.get(lang))).strong());
            if let Some(v) = self.answer {
                ui.label(
                    RichText::new(format!(
                        ": {}",
                        crate::explain::answer_text(self.g, self.q, v, lang)
                    ))
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
    }

    /// In practice the answer is the caller's, revealed when asked.
    fn ask_caller(&self, ui: &mut Ui, out: &mut Vec<Intent>) {
        let lang = self.lang;
        if ui
            .button(format!(
                "{} [{}]",
                Msg::AskCaller.get(lang),
                Msg::SpaceKey.get(lang)
            ))
            .clicked()
        {
            out.push(Intent::Answer(self.q, Some(Value::CannotSay)));
        }
    }

    /// The answers to choose from, each with its key, and "cannot say".
    fn options(&self, ui: &mut Ui, out: &mut Vec<Intent>) {
        let lang = self.lang;
        let [(_, yk), (_, nk), (_, ck)] = answer_keys(lang);
        let choose = |ui: &mut Ui, out: &mut Vec<Intent>, label: String, value: Value| {
            if ui
                .selectable_label(self.answer == Some(value), label)
                .clicked()
            {
                out.push(Intent::Answer(self.q, Some(value)));
            }
        };
        let mut toggled = None;
        match &self.g.question(self.q).kind {
            QuestionKind::YesNo => {
                choose(
                    ui,
                    out,
                    format!("{} [{yk}]", Msg::Yes.get(lang)),
                    Value::Yes,
                );
                choose(ui, out, format!("{} [{nk}]", Msg::No.get(lang)), Value::No);
            }
            QuestionKind::OneOf(opts) => {
                for (i, o) in opts.iter().enumerate() {
                    let label = format!("{}{}", option_key(i), o.label.get(lang));
                    choose(ui, out, label, Value::Choice(i as u8));
                }
            }
            QuestionKind::SeveralOf(opts) => {
                let mask = match self.answer {
                    Some(Value::Choices(m)) => m,
                    _ => 0,
                };
                for (i, o) in opts.iter().enumerate() {
                    let label = format!("{}{}", option_key(i), o.label.get(lang));
                    if ui.selectable_label(mask & (1 << i) != 0, label).clicked() {
                        toggled = Some(i as u8);
                    }
                }
                ui.label(RichText::new("Enter").small());
            }
            QuestionKind::Number(spec) => {
                // The typed digits while focused, else the answer as written in it.
                let shown = match (self.focused, self.answer) {
                    (true, _) => format!("{}| {}", self.c.number, spec.unit.get(lang)),
                    (false, Some(v)) => crate::explain::answer_text(self.g, self.q, v, lang),
                    (false, None) => format!("_ {}", spec.unit.get(lang)),
                };
                ui.label(RichText::new(shown).monospace().size(18.0));
                ui.label(RichText::new(format!("({}–{}, Enter)", spec.min, spec.max)).small());
            }
        }
        choose(
            ui,
            out,
            format!("{} [{ck}]", Msg::CannotSay.get(lang)),
            Value::CannotSay,
        );
        if let Some(i) = toggled {
            out.push(Intent::ToggleChoice(self.q, i));
        }
    }
}

/// The digit key of the `i`th option, for the first nine.
fn option_key(i: usize) -> String {
    if i < 9 {
        format!("[{}] ", i + 1)
    } else {
        String::new()
    }
}
