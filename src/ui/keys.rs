//! Keyboard first: every step of a call has a key. This turns key presses into intents, before
//! the widgets see them, according to where the focus is.

use egui::{Event, Key, Modifiers};

use crate::call::Value;
use crate::guidance::QuestionKind;
use crate::text::Language;
use crate::ui::state::{AppState, Focus, Intent, Mode};
use crate::ui::trainer::TrainerTab;

/// The yes, no and cannot-say keys of a language: K/E/O in Finnish ("kyllä", "ei", "ei osaa
/// sanoa"), J/N/V in Swedish ("ja", "nej", "vet inte"), Y/N/D in English ("don't know").
pub fn answer_keys(lang: Language) -> [(Key, char); 3] {
    match lang {
        Language::Fi => [(Key::K, 'K'), (Key::E, 'E'), (Key::O, 'O')],
        Language::Sv => [(Key::J, 'J'), (Key::N, 'N'), (Key::V, 'V')],
        Language::En => [(Key::Y, 'Y'), (Key::N, 'N'), (Key::D, 'D')],
    }
}

const OPTION_KEYS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

pub fn keyboard(ctx: &egui::Context, state: &AppState) -> Vec<Intent> {
    let mut out = Vec::new();
    let ctrl_shift = Modifiers::COMMAND | Modifiers::SHIFT;
    ctx.input_mut(|i| {
        if i.consume_key(Modifiers::NONE, Key::F1) {
            out.push(Intent::ToggleHelp);
        }
        if i.consume_key(Modifiers::COMMAND, Key::N) {
            out.push(Intent::NewCall);
        }
        if i.consume_key(Modifiers::COMMAND, Key::Comma) {
            out.push(Intent::ToggleSettings);
        }
        if i.consume_key(Modifiers::ALT, Key::Num1) {
            out.push(Intent::SetMode(Mode::Nurse));
        }
        if i.consume_key(Modifiers::ALT, Key::Num2) {
            out.push(Intent::SetMode(Mode::Author));
        }
        if i.consume_key(Modifiers::ALT, Key::Num3) {
            out.push(Intent::SetMode(Mode::Trainer));
        }
        if i.consume_key(Modifiers::ALT, Key::Num4) {
            out.push(Intent::SetMode(Mode::Statistics));
        }
        if i.consume_key(Modifiers::NONE, Key::F11) {
            out.push(Intent::TogglePresentation);
        }
        if i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::O) {
            out.push(Intent::PickGuidanceFolder);
        }
        if state.restore_offer.is_some() && i.consume_key(Modifiers::COMMAND, Key::R) {
            out.push(Intent::RestoreAutosave);
        }
    });
    if state.confirm_new_call {
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            out.push(Intent::KeepCall);
        }
        return out;
    }
    if state.mode == Mode::Author {
        ctx.input_mut(|i| {
            if i.consume_key(Modifiers::COMMAND, Key::L) {
                out.push(Intent::RunAnalysis);
            }
            if i.consume_key(Modifiers::COMMAND, Key::B) {
                out.push(Intent::PickBaseline);
            }
        });
        return out;
    }
    if state.mode == Mode::Statistics {
        ctx.input_mut(|i| {
            if i.consume_key(Modifiers::NONE, Key::F5) {
                out.push(Intent::RefreshStats);
            }
            if i.consume_key(Modifiers::COMMAND, Key::E) {
                out.push(Intent::ExportCsv);
            }
        });
        return out;
    }
    if state.mode == Mode::Trainer {
        ctx.input_mut(|i| {
            for (key, tab) in [
                (Key::F5, TrainerTab::Cases),
                (Key::F6, TrainerTab::Map),
                (Key::F7, TrainerTab::Replay),
            ] {
                if i.consume_key(Modifiers::NONE, key) {
                    out.push(Intent::TrainerTab(tab));
                }
            }
            match state.trainer.tab {
                TrainerTab::Cases => {
                    if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                        out.push(Intent::SelectCase(state.trainer.selected + 1));
                    }
                    if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                        out.push(Intent::SelectCase(state.trainer.selected.saturating_sub(1)));
                    }
                    if i.consume_key(Modifiers::NONE, Key::Enter) {
                        out.push(Intent::StartPractice);
                    }
                    if i.consume_key(Modifiers::NONE, Key::R) {
                        out.push(Intent::ReplayCase);
                    }
                    if i.consume_key(Modifiers::COMMAND, Key::S) {
                        out.push(Intent::SaveSummary);
                    }
                }
                TrainerTab::Replay => {
                    if i.consume_key(Modifiers::NONE, Key::ArrowRight) {
                        out.push(Intent::ReplayStep(1));
                    }
                    if i.consume_key(Modifiers::NONE, Key::ArrowLeft) {
                        out.push(Intent::ReplayStep(-1));
                    }
                }
                TrainerTab::Map => {}
            }
        });
        return out;
    }
    if state.show_help || state.show_settings {
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            out.push(if state.show_help {
                Intent::ToggleHelp
            } else {
                Intent::ToggleSettings
            });
        }
        return out;
    }
    let Some(c) = &state.call else { return out };
    let g = &c.guidance;
    ctx.input_mut(|i| {
        if i.consume_key(ctrl_shift, Key::C) {
            out.push(Intent::CopyRecord);
        }
        if i.consume_key(Modifiers::COMMAND, Key::Enter) {
            out.push(if c.assessment.decision.is_some() {
                Intent::FinishCall
            } else {
                Intent::Accept
            });
        }
        if i.consume_key(Modifiers::COMMAND, Key::O) {
            out.push(Intent::OpenOverride);
        }
        if i.consume_key(Modifiers::COMMAND, Key::F) {
            out.push(Intent::Focus(Focus::Search));
        }
        if i.consume_key(Modifiers::ALT, Key::ArrowLeft) {
            // On the emergency screen "back" takes back the red flag answer that opened it.
            match c
                .evaluation
                .proposal
                .as_ref()
                .filter(|p| p.leaves_flow(g))
                .map(|p| p.winner)
            {
                Some(crate::engine::Decider::RedFlag(r)) => {
                    out.push(Intent::Answer(g.red_flags[r].question, None))
                }
                _ => out.push(Intent::FocusPrevious),
            }
        }
        if i.consume_key(Modifiers::NONE, Key::F2) {
            out.push(Intent::CycleCaller);
        }
        if i.consume_key(Modifiers::NONE, Key::F3) {
            out.push(Intent::CycleChannel);
        }
    });
    match c.focus {
        Focus::Override => {
            if let Some(form) = &c.override_form {
                let mut f = form.clone();
                ctx.input_mut(|i| {
                    if i.consume_key(Modifiers::NONE, Key::Escape) {
                        out.push(Intent::CancelOverride);
                    }
                    if i.consume_key(Modifiers::COMMAND, Key::S) {
                        out.push(Intent::SaveOverride);
                    }
                    let step = |i: &mut egui::InputState, m: Modifiers| -> i64 {
                        i64::from(i.consume_key(m, Key::ArrowDown))
                            - i64::from(i.consume_key(m, Key::ArrowUp))
                    };
                    let shift_alt = Modifiers::SHIFT | Modifiers::ALT;
                    let d = step(i, shift_alt);
                    if d != 0 {
                        f.disposition.professional =
                            cycle(f.disposition.professional.map(|p| p.0), g.professionals.len(), d)
                                .map(crate::guidance::ProfessionalId);
                    }
                    let d = step(i, Modifiers::ALT);
                    if d != 0 {
                        let n = (f.disposition.timeframe.0 as i64 + d).clamp(0, g.timeframes.len() as i64 - 1);
                        f.disposition.timeframe = crate::guidance::TimeframeId(n as u32);
                    }
                    let d = step(i, Modifiers::COMMAND);
                    if d != 0 {
                        f.disposition.mode = cycle(f.disposition.mode.map(|m| m.0), g.modes.len(), d)
                            .map(crate::guidance::ModeId);
                    }
                    for (n, key) in OPTION_KEYS
                        .iter()
                        .enumerate()
                        .take(g.override_reasons.len())
                    {
                        if i.consume_key(Modifiers::COMMAND, *key) {
                            f.category = g.override_reasons[n].id.clone();
                        }
                    }
                });
                if f != *form {
                    out.insert(0, Intent::EditOverride(f));
                }
            }
        }
        Focus::Notes => {
            ctx.input_mut(|i| {
                if i.consume_key(Modifiers::NONE, Key::Escape) {
                    out.push(Intent::Focus(Focus::Search));
                }
            });
        }
        Focus::Search => ctx.input_mut(|i| {
            // A fast typist's last letters and Enter can arrive in one frame: the letters belong
            // to the search, so apply them before Enter picks the reason, and let none of them
            // reach the text field after the focus has moved on.
            let enter = i.events.iter().position(|e| matches!(e, Event::Key { key: Key::Enter, pressed: true, modifiers, .. } if modifiers.is_none()));
            if let Some(at) = enter {
                let typed: String = i.events[..at].iter().filter_map(|e| if let Event::Text(t) = e { Some(t.as_str()) } else { None }).collect();
                if !typed.is_empty() {
                    out.push(Intent::SetSearch(format!("{}{typed}", c.search)));
                    i.events.retain(|e| !matches!(e, Event::Text(_)));
                    out.push(Intent::AddHighlighted);
                    i.consume_key(Modifiers::NONE, Key::Enter);
                }
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                out.push(Intent::MoveHighlight(1));
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                out.push(Intent::MoveHighlight(-1));
            }
            if i.consume_key(Modifiers::NONE, Key::Enter) {
                out.push(if c.search.trim().is_empty() {
                    Intent::FocusNext
                } else {
                    Intent::AddHighlighted
                });
            }
            if i.consume_key(Modifiers::NONE, Key::Tab)
                || i.consume_key(Modifiers::NONE, Key::Escape)
            {
                out.push(Intent::FocusNext);
            }
            if i.consume_key(Modifiers::SHIFT, Key::Tab) {
                out.push(Intent::FocusPrevious);
            }
        }),
        Focus::Question(q) => {
            let question = g.question(q);
            let [(yes, _), (no, _), (cannot, _)] = answer_keys(state.lang());
            ctx.input_mut(|i| {
                if i.consume_key(Modifiers::SHIFT, Key::Tab)
                    || i.consume_key(Modifiers::NONE, Key::ArrowUp)
                {
                    out.push(Intent::FocusPrevious);
                }
                if i.consume_key(Modifiers::NONE, Key::Tab)
                    || i.consume_key(Modifiers::NONE, Key::ArrowDown)
                {
                    out.push(Intent::FocusNext);
                }
                if i.consume_key(Modifiers::NONE, Key::Slash) {
                    out.push(Intent::Focus(Focus::Search));
                }
                if c.practice.is_some()
                    && c.assessment.call.answer(q).is_none()
                    && i.consume_key(Modifiers::NONE, Key::Space)
                {
                    out.push(Intent::Answer(q, Some(Value::CannotSay)));
                }
                if i.consume_key(Modifiers::NONE, cannot)
                    || i.consume_key(Modifiers::NONE, Key::Minus)
                        && !matches!(question.kind, QuestionKind::Number(_))
                {
                    out.push(Intent::Answer(q, Some(Value::CannotSay)));
                }
                match &question.kind {
                    QuestionKind::YesNo => {
                        if i.consume_key(Modifiers::NONE, yes) {
                            out.push(Intent::Answer(q, Some(Value::Yes)));
                        }
                        if i.consume_key(Modifiers::NONE, no) {
                            out.push(Intent::Answer(q, Some(Value::No)));
                        }
                        if i.consume_key(Modifiers::NONE, Key::Enter) {
                            out.push(Intent::FocusNext);
                        }
                    }
                    QuestionKind::OneOf(opts) => {
                        for (n, key) in OPTION_KEYS.iter().enumerate().take(opts.len()) {
                            if i.consume_key(Modifiers::NONE, *key) {
                                out.push(Intent::Answer(q, Some(Value::Choice(n as u8))));
                            }
                        }
                        if i.consume_key(Modifiers::NONE, Key::Enter) {
                            out.push(Intent::FocusNext);
                        }
                    }
                    QuestionKind::SeveralOf(opts) => {
                        for (n, key) in OPTION_KEYS.iter().enumerate().take(opts.len()) {
                            if i.consume_key(Modifiers::NONE, *key) {
                                out.push(Intent::ToggleChoice(q, n as u8));
                            }
                        }
                        if i.consume_key(Modifiers::NONE, Key::Enter) {
                            // Enter confirms the ticked options (none ticked is an answer too).
                            let v = c.assessment.call.answer(q).unwrap_or(Value::Choices(0));
                            out.push(Intent::Answer(q, Some(v)));
                        }
                    }
                    QuestionKind::Age(_) | QuestionKind::Duration(_) | QuestionKind::FreeText => {}
                    QuestionKind::Number(_) => {
                        let mut text = c.number.clone();
                        let mut changed = false;
                        i.events.retain(|e| match e {
                            Event::Text(t)
                                if t.chars()
                                    .all(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',') =>
                            {
                                text.push_str(t);
                                changed = true;
                                false
                            }
                            Event::Key {
                                key: Key::Backspace,
                                pressed: true,
                                ..
                            } => {
                                text.pop();
                                changed = true;
                                false
                            }
                            _ => true,
                        });
                        if changed {
                            out.push(Intent::NumberText(text));
                        }
                        if i.consume_key(Modifiers::NONE, Key::Enter) {
                            out.push(Intent::CommitNumber);
                        }
                    }
                }
                // Text events of answered keys must not reach any widget.
                i.events.retain(|e| !matches!(e, Event::Text(_)));
            });
        }
    }
    out
}

fn cycle(current: Option<u32>, len: usize, step: i64) -> Option<u32> {
    if len == 0 {
        return None;
    }
    let next = current.map_or(0, |c| (c as i64 + step).rem_euclid(len as i64));
    Some(next as u32)
}
