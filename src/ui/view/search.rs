//! The reason search: the search box (which has the keyboard when a call starts), its hits in
//! one list (red flags marked, with the reason choosing one brings in), and the reasons chosen,
//! each removable.

use egui::{RichText, Ui};

use crate::guidance::Guidance;
use crate::i18n::Msg;
use crate::search::Hit;
use crate::text::Language;
use crate::ui::field::Field;
use crate::ui::intent::Intent;
use crate::ui::nurse::{CallView, Focus, HITS_SHOWN};
use crate::ui::state::AppState;
use crate::ui::style::{ALARM, FOCUSED};

pub fn show(ui: &mut Ui, state: &AppState, g: &Guidance, c: &CallView, out: &mut Vec<Intent>) {
    let lang = state.lang();
    let label = ui.label(RichText::new(Msg::SearchReason.get(lang)).strong());
    let mut text = c.search.clone();
    // The box takes egui's focus before it reads this frame's typing, so that the letter after
    // the one that started the call (or moved the keyboard here) is not lost.
    let wants_focus = c.focus == Focus::Search && state.call_has_keyboard();
    let had_focus = ui.memory(|m| m.has_focus(Field::Search.id()));
    if wants_focus && !had_focus {
        ui.memory_mut(|m| m.request_focus(Field::Search.id()));
        cursor_to_end(ui.ctx(), &text);
    }
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id(Field::Search.id())
                .hint_text(Msg::SearchHint.get(lang))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        out.push(Intent::SetSearch(text));
    }
    // The search box holds egui's focus exactly while the call's keyboard is in it (and no
    // window is over the call), and comes into view when it gets it.
    if wants_focus && !had_focus {
        response.scroll_to_me(None);
    } else if c.focus != Focus::Search && response.has_focus() {
        if response.gained_focus() {
            out.push(Intent::Focus(Focus::Search));
        } else {
            response.surrender_focus();
        }
    }
    if c.focus == Focus::Search
        && let Some(m) = &c.message
        && *m == Msg::RedFlagNotAskedNow.get(lang)
    {
        ui.label(RichText::new(m).color(ALARM));
    }
    hits(ui, state, g, c, out);
    chosen(ui, g, c, lang, out);
}

/// The box's cursor after its text: a call started by typing has its first letter there, and
/// the box's cursor of the last call (at its start, once that search was cleared) must not put
/// the next letters before it.
fn cursor_to_end(ctx: &egui::Context, text: &str) {
    let id = Field::Search.id();
    let mut state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    let end = egui::text::CCursor::new(text.chars().count());
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::one(end)));
    state.store(ctx, id);
}

/// The hits, best first; the highlighted one is what Enter takes.
fn hits(ui: &mut Ui, state: &AppState, g: &Guidance, c: &CallView, out: &mut Vec<Intent>) {
    let lang = state.lang();
    if c.search.trim().is_empty() {
        return;
    }
    let results = state.search_results();
    if results.is_empty() {
        ui.label(Msg::NoMatch.get(lang));
        return;
    }
    let hl = c.highlight.min(results.len().saturating_sub(1));
    for (i, hit) in results.iter().enumerate().take(HITS_SHOWN) {
        let marker = if i == hl { FOCUSED } else { " " };
        let (text, intent) = match *hit {
            Hit::Reason(r) => (
                RichText::new(format!("{marker} {}", g.reason(r).label.get(lang))),
                Intent::AddReason(r),
            ),
            Hit::RedFlag(f) => (
                RichText::new(format!("{marker} {}", red_flag_hit(g, c, f, lang)))
                    .strong()
                    .color(ALARM),
                Intent::AskRedFlag(f),
            ),
        };
        if ui.selectable_label(i == hl, text).clicked() {
            out.push(intent);
        }
    }
    ui.label(RichText::new(Msg::SearchHitsKeys.get(lang)).small().weak());
}

/// "Red flag – ask: chest pain (adds Chest pain)": its short label (else its question), and the
/// reason choosing it brings into the call when none of its reasons is in it yet.
pub fn red_flag_hit(g: &Guidance, c: &CallView, f: usize, lang: Language) -> String {
    let rf = &g.red_flags[f];
    let q = g.question(rf.question);
    let what = q.short.as_ref().unwrap_or(&q.text).get(lang);
    let mut line = format!("! {}: {what}", Msg::SearchRedFlag.get(lang));
    if !rf.is_global()
        && !rf.reasons.iter().any(|r| c.assessment.call.has_reason(*r))
        && let Some(&first) = rf.reasons.iter().min()
    {
        let reason = g.reason(first).label.get(lang).to_owned();
        line.push_str(&format!(
            " ({})",
            Msg::SearchRedFlagAdds.fill(lang, &[reason])
        ));
    }
    line
}

/// The reasons chosen, each removable by a click; Delete in the empty search removes the last.
fn chosen(ui: &mut Ui, g: &Guidance, c: &CallView, lang: Language, out: &mut Vec<Intent>) {
    let reasons = &c.assessment.call.reasons;
    ui.horizontal_wrapped(|ui| {
        for (i, r) in reasons.iter().enumerate() {
            let label = g.reason(*r).label.get(lang);
            let text = if i + 1 == reasons.len() {
                format!("{label} × (Delete)")
            } else {
                format!("{label} ×")
            };
            if ui
                .button(text)
                .on_hover_text(Msg::RemoveReason.get(lang))
                .clicked()
            {
                out.push(Intent::RemoveReason(*r));
            }
        }
    });
}
