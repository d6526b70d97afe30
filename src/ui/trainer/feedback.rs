//! The feedback after a practice call: the trainee's outcome beside the expected one, what was
//! missed, the time, the deciding rule and the case's teaching points.

use egui::{Color32, RichText, Ui};

use crate::i18n::Msg;
use crate::text::Language;
use crate::training::Feedback;
use crate::ui::style::{DONE, NOT_OK};

pub fn show(ui: &mut Ui, f: &Feedback, lang: Language) {
    let t = |m: Msg| m.get(lang);
    let ok = |b: bool| if b { DONE } else { NOT_OK };
    ui.heading(format!(
        "{}: {} — {} / 100",
        t(Msg::Feedback),
        f.title.get(lang),
        f.score.total
    ));
    if f.under_triaged_emergency {
        ui.label(
            RichText::new(format!("!!! {} !!!", t(Msg::UnderTriaged)))
                .size(22.0)
                .strong()
                .color(Color32::from_rgb(200, 0, 0)),
        );
    }
    egui::Grid::new("feedback_grid")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            ui.label("");
            ui.strong(t(Msg::YourOutcome));
            ui.strong(t(Msg::ExpectedOutcome));
            ui.label("");
            ui.end_row();
            let given = f.given.as_ref();
            let l = &f.labels;
            let name = |n: Option<&str>| n.unwrap_or("–").to_owned();
            for (label, mine, expected, correct) in [
                (
                    t(Msg::Timeframe),
                    name(given.map(|g| l.timeframe(&g.timeframe, lang))),
                    name(Some(l.timeframe(&f.expected.timeframe, lang))),
                    f.timeframe_correct,
                ),
                (
                    t(Msg::ContactMode),
                    name(
                        given
                            .and_then(|g| g.mode.as_deref())
                            .map(|m| l.mode(m, lang)),
                    ),
                    name(f.expected.mode.as_deref().map(|m| l.mode(m, lang))),
                    f.mode_correct,
                ),
                (
                    t(Msg::Professional),
                    name(
                        given
                            .and_then(|g| g.professional.as_deref())
                            .map(|p| l.professional(p, lang)),
                    ),
                    name(
                        f.expected
                            .professional
                            .as_deref()
                            .map(|p| l.professional(p, lang)),
                    ),
                    f.professional_correct,
                ),
            ] {
                ui.label(label);
                ui.label(mine);
                ui.label(expected);
                ui.label(ok(correct));
                ui.end_row();
            }
        });
    let list = |ui: &mut Ui, title: Msg, items: &[crate::training::Named]| {
        if !items.is_empty() {
            ui.label(RichText::new(t(title)).strong());
            for n in items {
                ui.label(format!("  - {}", n.label.get(lang)));
            }
        }
    };
    list(ui, Msg::RedFlagsNotScreened, &f.red_flags_not_screened);
    list(ui, Msg::QuestionsSkipped, &f.questions_skipped);
    list(ui, Msg::ReasonsMissed, &f.reasons_missed);
    ui.label(format!(
        "{}: {} {}",
        t(Msg::TimeUsed),
        f.seconds,
        t(Msg::Seconds)
    ));
    ui.label(format!(
        "{}: {}",
        t(Msg::DecidedBy),
        f.decided_by.label.get(lang)
    ));
    if !f.teaching_points.is_empty() {
        ui.label(RichText::new(t(Msg::TeachingPoints)).strong());
        for p in &f.teaching_points {
            ui.label(format!("  • {}", p.get(lang)));
        }
    }
}
