//! The questions of the call, in the flow's order: the basics with the "who called" card, red
//! flags (folded into one line once all denied, or all denied at once by "none of these"), risk
//! factors and the reasons' questions, each row with its answer keys. The answer buttons take clicks but never egui's focus; the row of the question with the
//! keyboard holds it.

use egui::{RichText, Ui};

use crate::call::Value;
use crate::guidance::{Guidance, Part, QuestionId, QuestionKind};
use crate::i18n::{Msg, format_number};
use crate::text::Language;
use crate::ui::field::Field;
use crate::ui::intent::Intent;
use crate::ui::keys::answer::answer_keys;
use crate::ui::nurse::{CallView, Focus, flow};
use crate::ui::state::AppState;
use crate::ui::style::{ALARM, DONE, FOCUSED, OPEN};
use crate::ui::view::{caller, card};

pub fn show(ui: &mut Ui, state: &AppState, g: &Guidance, c: &CallView, out: &mut Vec<Intent>) {
    let lang = state.lang();
    // The red flags on screen (the global ones and those of the call's reasons) answered all
    // "no" fold into one line while the nurse works below them, so the reason's questions stay
    // in view; focusing a red flag opens the list again.
    let shown_flags: Vec<QuestionId> = (c.evaluation.questions.iter().copied())
        .filter(|&q| g.question(q).part == Part::RedFlag)
        .collect();
    let all_denied = !shown_flags.is_empty()
        && (shown_flags.iter()).all(|&q| c.assessment.call.answer(q) == Some(Value::No));
    let on_red_flag = matches!(c.focus, Focus::Question(q) if g.question(q).part == Part::RedFlag);
    let fold_red_flags = all_denied && !on_red_flag;
    let mut section = None;
    for stop in flow::stops(c) {
        let q = match stop {
            Focus::Question(q) => q,
            // Who called, among the basics.
            _ => {
                if section != Some(3) {
                    section = Some(3);
                    ui.add_space(6.0);
                    ui.label(RichText::new(Msg::BasicsTitle.get(lang)).heading());
                }
                caller::show(ui, state, c, out);
                continue;
            }
        };
        if fold_red_flags && g.question(q).part == Part::RedFlag {
            // The first red flag draws the line (the basics may come before it).
            if section != Some(0) {
                section = Some(0);
                folded_red_flags(ui, (q, shown_flags.len()), lang, out);
            }
            continue;
        }
        let part = match g.question(q).part {
            Part::Reason(_) | Part::Pool => 2,
            Part::RiskFactor => 1,
            Part::RedFlag => 0,
            // The patient's basics (age, sex) come before the red flags, under their own title.
            Part::Basic => 3,
        };
        if section != Some(part) {
            section = Some(part);
            ui.add_space(6.0);
            let title = [
                Msg::RedFlagsTitle,
                Msg::RiskFactorsTitle,
                Msg::QuestionsTitle,
                Msg::BasicsTitle,
            ][part];
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(title.get(lang)).heading());
                if part == 0 {
                    none_of_these(ui, c, q, lang, out);
                }
            });
        }
        question_row(ui, state, c, q, out);
    }
    if c.assessment.call.reasons.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(Msg::NoReasonYet.get(lang)).italics());
    }
}

/// The `count` red flags on screen from `q` on, all denied, as one line; "show all"
/// (Shift+Tab) opens them again.
fn folded_red_flags(
    ui: &mut Ui,
    (q, count): (QuestionId, usize),
    lang: Language,
    out: &mut Vec<Intent>,
) {
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(Msg::RedFlagsTitle.get(lang)).heading());
        ui.label(
            RichText::new(format!(
                "{DONE} {} ({})",
                Msg::RecordRedFlagsNegative.get(lang),
                count
            ))
            .strong(),
        );
        if ui.add(card::unfocusable(Msg::ShowAll.get(lang))).clicked() {
            out.push(Intent::Focus(Focus::Question(q)));
        }
    });
}

/// "None of these" beside a red-flag block with questions still open, with its key: the "no"
/// key with Shift, while a red flag of the block has the keyboard.
fn none_of_these(
    ui: &mut Ui,
    c: &CallView,
    first: QuestionId,
    lang: Language,
    out: &mut Vec<Intent>,
) {
    let Some(block) = c.red_flag_block(first) else {
        return;
    };
    if block.iter().all(|q| c.assessment.call.answer(*q).is_some()) {
        return;
    }
    let [_, (_, no), _] = answer_keys(lang);
    let text = format!("{} [Shift+{no}]", Msg::NoneOfThese.get(lang));
    if ui.add(card::unfocusable(text)).clicked() {
        out.push(Intent::NoneOfThese(first));
    }
}

/// One question: its text and answer, the guidance's note, and its answer keys (in practice, the
/// button that asks the caller instead). The row is the widget that holds egui's focus while the
/// question has the keyboard, named by the question's text for screen readers.
fn question_row(ui: &mut Ui, state: &AppState, c: &CallView, q: QuestionId, out: &mut Vec<Intent>) {
    let g = &c.guidance;
    let row = Row {
        g,
        c,
        q,
        lang: state.lang(),
        focused: c.focus == Focus::Question(q),
        keyboard: state.call_has_keyboard(),
        answer: c.assessment.call.answer(q),
    };
    let inner = card::show(ui, ("question", q.0), row.focused, |ui| {
        let title = row.title(ui);
        if c.practice.is_some() && row.answer.is_none() {
            row.ask_caller(ui, out);
            return title;
        }
        ui.horizontal_wrapped(|ui| row.options(ui, out));
        if row.focused
            && !matches!(
                g.question(q).kind,
                QuestionKind::YesNo | QuestionKind::OneOf(_) | QuestionKind::SeveralOf(_)
            )
            && let Some(m) = &c.message
        {
            ui.label(RichText::new(m).color(ALARM));
        }
        title
    });
    let mut response = inner.response;
    if let Some(title) = inner.inner {
        response = response.labelled_by(title);
    }
    if response.clicked() {
        out.push(Intent::Focus(Focus::Question(q)));
    }
    // A free-text answer's field holds egui's focus itself.
    let free_text = matches!(g.question(q).kind, QuestionKind::FreeText);
    card::keep_focus(
        ui,
        &response,
        row.focused,
        state.call_has_keyboard() && !free_text,
    );
}

/// What a question row shows.
struct Row<'a> {
    g: &'a Guidance,
    c: &'a CallView,
    q: QuestionId,
    lang: Language,
    focused: bool,
    /// The call has the keyboard (no window over it).
    keyboard: bool,
    answer: Option<Value>,
}

impl Row<'_> {
    /// The question with its marker (focused, answered, open), its answer and the note; the id
    /// of the question's text, which names the row.
    fn title(&self, ui: &mut Ui) -> Option<egui::Id> {
        let question = self.g.question(self.q);
        let lang = self.lang;
        let mut text = None;
        ui.horizontal_wrapped(|ui| {
            let marker = if self.focused {
                FOCUSED
            } else if self.answer.is_some() {
                DONE
            } else {
                OPEN
            };
            ui.label(RichText::new(marker).strong());
            text = Some(ui.label(RichText::new(question.text.get(lang)).strong()).id);
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
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{}:", Msg::NoteLabel.get(lang))).strong());
                ui.label(note.get(lang));
            });
        }
        text
    }

    /// In practice the answer is the caller's, revealed when asked.
    fn ask_caller(&self, ui: &mut Ui, out: &mut Vec<Intent>) {
        let lang = self.lang;
        if ui
            .add(card::unfocusable(format!(
                "{} [{}]",
                Msg::AskCaller.get(lang),
                Msg::SpaceKey.get(lang)
            )))
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
                .add(
                    egui::Button::selectable(self.answer == Some(value), label)
                        .sense(egui::Sense::CLICK),
                )
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
                    let label = format!("{}{}", card::option_key(i), o.label.get(lang));
                    choose(ui, out, label, Value::Choice(i as u8));
                }
            }
            QuestionKind::SeveralOf(opts) => {
                let mask = self.c.ticked(self.q);
                for (i, o) in opts.iter().enumerate() {
                    let label = format!("{}{}", card::option_key(i), o.label.get(lang));
                    let ticked = mask & (1 << i) != 0;
                    if ui
                        .add(egui::Button::selectable(ticked, label).sense(egui::Sense::CLICK))
                        .clicked()
                    {
                        toggled = Some(i as u8);
                    }
                }
                // The ticks count once confirmed: Enter, or this button for the mouse. None of
                // them is a key of its own ("no"), never an Enter with nothing ticked (H-53).
                if mask != 0 {
                    let confirm = format!("{} [Enter]", Msg::ConfirmTicks.get(lang));
                    if ui.add(card::unfocusable(confirm)).clicked() {
                        out.push(Intent::Answer(self.q, Some(Value::Choices(mask))));
                    }
                } else {
                    choose(
                        ui,
                        out,
                        format!("{} [{nk}]", Msg::NoneOfThese.get(lang)),
                        Value::Choices(0),
                    );
                }
            }
            QuestionKind::Number(spec) => {
                // The typed digits while focused, else the answer as written in it.
                let shown = match (self.focused, self.answer) {
                    (true, _) => format!("{}| {}", self.c.number, spec.unit.get(lang)),
                    (false, Some(v)) => crate::explain::answer_text(self.g, self.q, v, lang),
                    (false, None) => format!("_ {}", spec.unit.get(lang)),
                };
                ui.label(RichText::new(shown).monospace().size(18.0));
                let n = |x: f64| format_number(lang, x, spec.decimals as usize);
                ui.label(
                    RichText::new(format!("({}–{}, Enter)", n(spec.min), n(spec.max))).small(),
                );
            }
            QuestionKind::Age(spec) | QuestionKind::Duration(spec) => {
                // The digits and unit key typed while focused, else the answer in words.
                let shown = match (self.focused, self.answer) {
                    (true, _) => format!("{}|", self.c.number),
                    (false, Some(v)) => crate::explain::answer_text(self.g, self.q, v, lang),
                    (false, None) => "_".to_owned(),
                };
                ui.label(RichText::new(shown).monospace().size(18.0));
                let keys = crate::ui::nurse::quantity::unit_keys(lang, spec);
                ui.label(RichText::new(crate::msg!(QuantityKeysHint, keys).render(lang)).small());
            }
            QuestionKind::FreeText => self.free_text(ui, out),
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

impl Row<'_> {
    /// A free-text answer: while focused, the one text field, holding the keyboard (every
    /// character typed is the nurse's words); else the words written.
    fn free_text(&self, ui: &mut Ui, out: &mut Vec<Intent>) {
        let lang = self.lang;
        if !self.focused {
            if let Some(words) = self.c.assessment.call.text(self.q) {
                ui.label(RichText::new(words).color(ui.visuals().hyperlink_color));
            }
            return;
        }
        let mut words = self.c.number.clone();
        let field = egui::TextEdit::singleline(&mut words)
            .id(Field::FreeText.id())
            .desired_width(ui.available_width().min(480.0))
            .hint_text(Msg::FreeTextHint.get(lang));
        let response = ui.add(field);
        if response.changed() {
            out.push(Intent::NumberText(words));
        }
        if self.keyboard && !response.has_focus() {
            response.request_focus();
            response.scroll_to_me(None);
        }
    }
}
