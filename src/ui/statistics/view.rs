//! The statistics page: the period, the log's folder and problems, the shares, a chart of
//! timeframes, count tables and overrides by rule.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, Plot};

use crate::guidance::Guidance;
use crate::i18n::{Msg, format_percent};
use crate::stats::{Count, Share, Stats};
use crate::text::Language;
use crate::ui::field::Field;
use crate::ui::intent::Intent;
use crate::ui::state::AppState;

fn pct(share: &Share, lang: Language) -> String {
    share.percent.map_or_else(
        || "–".to_owned(),
        |p| {
            format!(
                "{} ({}/{})",
                format_percent(lang, p, 1),
                share.count,
                share.total
            )
        },
    )
}

pub fn show(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let t = |m: Msg| m.get(lang);
    let s = &state.statistics;
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("stats_scroll")
            .show(ui, |ui| {
                ui.heading(t(Msg::StatisticsTitle));
                period(ui, state, out);
                match &state.log_dir {
                    Some(dir) => ui.label(
                        RichText::new(format!("{}: {}", t(Msg::LogFolder), dir.display())).small(),
                    ),
                    None => ui.label(t(Msg::NoLog)),
                };
                for p in &s.problems {
                    ui.label(RichText::new(p).color(egui::Color32::from_rgb(190, 100, 0)));
                }
                if let Some(e) = &s.exported {
                    ui.label(e);
                }
                let Some(st) = &s.stats else { return };
                ui.separator();
                ui.label(
                    RichText::new(format!("{}: {}", t(Msg::Assessments), st.total))
                        .size(20.0)
                        .strong(),
                );
                if st.total == 0 {
                    // No chart of empty axes and no empty tables: say why there is nothing.
                    ui.label(t(Msg::NoAssessmentsInPeriod));
                    return;
                }
                shares(ui, st, lang);
                ui.separator();
                ui.label(RichText::new(t(Msg::Timeframe)).strong());
                timeframe_chart(ui, st, state.guidance.current.as_deref(), lang);
                ui.columns(3, |cols| {
                    counts(
                        &mut cols[0],
                        "t_timeframes",
                        t(Msg::Timeframe),
                        &st.timeframes,
                        lang,
                    );
                    counts(
                        &mut cols[1],
                        "t_modes",
                        t(Msg::ContactMode),
                        &st.modes,
                        lang,
                    );
                    counts(
                        &mut cols[2],
                        "t_professionals",
                        t(Msg::Professional),
                        &st.professionals,
                        lang,
                    );
                });
                counts(ui, "t_reasons", t(Msg::RecordReasons), &st.reasons, lang);
                ui.separator();
                ui.label(RichText::new(t(Msg::OverridesByRule)).strong());
                overrides_by_rule(ui, st, lang);
            });
    });
}

/// The period's dates, read when Enter is pressed or the field is left (not per keystroke);
/// refresh and export.
fn period(ui: &mut Ui, state: &AppState, out: &mut Vec<Intent>) {
    let t = |m: Msg| m.get(state.lang());
    let s = &state.statistics;
    ui.horizontal_wrapped(|ui| {
        let (mut from, mut to) = (s.from.clone(), s.to.clone());
        let l = ui.label(format!("{} (Alt+F)", t(Msg::From)));
        let r_from = ui
            .add(
                egui::TextEdit::singleline(&mut from)
                    .id(Field::PeriodFrom.id())
                    .desired_width(110.0),
            )
            .labelled_by(l.id);
        let l = ui.label(format!("{} (Alt+T)", t(Msg::To)));
        let r_to = ui
            .add(
                egui::TextEdit::singleline(&mut to)
                    .id(Field::PeriodTo.id())
                    .desired_width(110.0),
            )
            .labelled_by(l.id);
        if r_from.changed() || r_to.changed() {
            out.push(Intent::EditPeriod(from.clone(), to.clone()));
        }
        let left = r_from.lost_focus() || r_to.lost_focus();
        if left && (from, to) != s.period {
            out.push(Intent::RefreshStats);
        }
        if ui.button(format!("{} (F5)", t(Msg::Refresh))).clicked() {
            out.push(Intent::RefreshStats);
        }
        if ui
            .button(format!("{} (Ctrl+E)", t(Msg::ExportCsv)))
            .clicked()
        {
            out.push(Intent::ExportCsv);
        }
    });
}

fn shares(ui: &mut Ui, st: &Stats, lang: Language) {
    let t = |m: Msg| m.get(lang);
    egui::Grid::new("stats_shares")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            let target = st
                .remote_target_percent
                .map(|p| format!(" ({} {})", t(Msg::Target), format_percent(lang, p, 0)))
                .unwrap_or_default();
            for (label, value) in [
                (
                    format!("{}{target}", t(Msg::RemoteProposed)),
                    pct(&st.remote_proposed, lang),
                ),
                (
                    format!("{}{target}", t(Msg::RemoteChosen)),
                    pct(&st.remote_chosen, lang),
                ),
                (t(Msg::Within3).to_owned(), pct(&st.within_3_days, lang)),
                (t(Msg::Within7).to_owned(), pct(&st.within_7_days, lang)),
                (t(Msg::Overridden).to_owned(), pct(&st.overridden, lang)),
                (
                    t(Msg::RecordLowersUrgency).to_owned(),
                    pct(&st.lowers_urgency, lang),
                ),
            ] {
                ui.label(label);
                ui.label(RichText::new(value).strong());
                ui.end_row();
            }
        });
}

/// The timeframes most urgent first, as the guidance orders them (unknown ones after, by id),
/// without the row of calls that have none.
pub fn by_urgency<'s>(st: &'s Stats, g: Option<&Guidance>) -> Vec<&'s Count> {
    let rank = |c: &Count| {
        g.and_then(|g| g.timeframe_by_id(&c.id))
            .map_or(u32::MAX, |t| t.0)
    };
    let mut rows: Vec<&Count> = st
        .timeframes
        .iter()
        .filter(|c| c.id != crate::stats::NONE_KEY)
        .collect();
    rows.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.id.cmp(&b.id)));
    rows
}

fn timeframe_chart(ui: &mut Ui, st: &Stats, g: Option<&Guidance>, lang: Language) {
    let rows = by_urgency(st, g);
    let bars: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, c)| Bar::new(i as f64, c.count as f64).width(0.6).name(label(c)))
        .collect();
    let names: Vec<String> = rows.iter().map(|c| label(c)).collect();
    let bars_end = names.len() as f64 - 0.5;
    Plot::new("timeframes_plot")
        .height(160.0)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .include_x(-0.5)
        .include_x(bars_end)
        .include_y(0.0)
        // The bars are timeframes: name them on the axis instead of 0, 1, 2.
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(Msg::Timeframe.get(lang), bars));
        });
}

fn overrides_by_rule(ui: &mut Ui, st: &Stats, lang: Language) {
    let t = |m: Msg| m.get(lang);
    TableBuilder::new(ui)
        .id_salt("overrides_by_rule")
        .striped(true)
        .column(Column::initial(320.0).resizable(true))
        .column(Column::exact(70.0))
        .column(Column::exact(90.0))
        .column(Column::remainder())
        .header(20.0, |mut h| {
            for head in [
                t(Msg::DecidedBy),
                t(Msg::Assessments),
                t(Msg::Overridden),
                t(Msg::OverrideCategory),
            ] {
                h.col(|ui| {
                    ui.strong(head);
                });
            }
        })
        .body(|mut body| {
            for r in &st.overrides_by_rule {
                body.row(20.0, |mut row| {
                    row.col(|ui| {
                        ui.label(r.label.clone().unwrap_or_else(|| r.id.clone()));
                    });
                    row.col(|ui| {
                        ui.label(r.calls.to_string());
                    });
                    row.col(|ui| {
                        ui.label(format!(
                            "{} ({})",
                            r.overridden,
                            format_percent(lang, r.percent.unwrap_or(0.0), 0)
                        ));
                    });
                    row.col(|ui| {
                        ui.label(
                            r.categories
                                .iter()
                                .map(|c| format!("{} {}", label(c), c.count))
                                .collect::<Vec<_>>()
                                .join(", "),
                        );
                    });
                });
            }
        });
}

fn label(c: &Count) -> String {
    c.label.clone().unwrap_or_else(|| c.id.clone())
}

fn counts(ui: &mut Ui, id: &str, title: &str, rows: &[Count], lang: Language) {
    ui.label(RichText::new(title).strong());
    egui::Grid::new(id)
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for c in rows {
                ui.label(label(c));
                ui.label(c.count.to_string());
                ui.label(
                    c.percent
                        .map(|p| format_percent(lang, p, 0))
                        .unwrap_or_default(),
                );
                ui.end_row();
            }
        });
}
