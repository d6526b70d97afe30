//! The maps of the author, statistics and trainer modes.

use egui::{InputState, Key, Modifiers};

use crate::ui::intent::Intent;
use crate::ui::state::AppState;
use crate::ui::trainer::TrainerTab;

/// Ctrl+L analyses, Ctrl+B compares with a baseline.
pub fn author(i: &mut InputState, out: &mut Vec<Intent>) {
    if i.consume_key(Modifiers::COMMAND, Key::L) {
        out.push(Intent::RunAnalysis);
    }
    if i.consume_key(Modifiers::COMMAND, Key::B) {
        out.push(Intent::PickBaseline);
    }
}

/// F5 reads the log again, Ctrl+E exports CSV.
pub fn statistics(i: &mut InputState, out: &mut Vec<Intent>) {
    if i.consume_key(Modifiers::NONE, Key::F5) {
        out.push(Intent::RefreshStats);
    }
    if i.consume_key(Modifiers::COMMAND, Key::E) {
        out.push(Intent::ExportCsv);
    }
}

/// F5–F7 choose the tab; the cases go by arrows, Enter practises, R replays, Ctrl+S saves the
/// summary; the replay steps by Left and Right.
pub fn trainer(i: &mut InputState, state: &AppState, out: &mut Vec<Intent>) {
    for (key, tab) in [
        (Key::F5, TrainerTab::Cases),
        (Key::F6, TrainerTab::Map),
        (Key::F7, TrainerTab::Replay),
    ] {
        if i.consume_key(Modifiers::NONE, key) {
            out.push(Intent::TrainerTab(tab));
        }
    }
    let selected = state.trainer.selected;
    let map: &[(Modifiers, Key, Intent)] = match state.trainer.tab {
        TrainerTab::Cases => &[
            (
                Modifiers::NONE,
                Key::ArrowDown,
                Intent::SelectCase(selected + 1),
            ),
            (
                Modifiers::NONE,
                Key::ArrowUp,
                Intent::SelectCase(selected.saturating_sub(1)),
            ),
            (Modifiers::NONE, Key::Enter, Intent::StartPractice),
            (Modifiers::NONE, Key::R, Intent::ReplayCase),
            (Modifiers::COMMAND, Key::S, Intent::SaveSummary),
        ],
        TrainerTab::Replay => &[
            (Modifiers::NONE, Key::ArrowRight, Intent::ReplayStep(1)),
            (Modifiers::NONE, Key::ArrowLeft, Intent::ReplayStep(-1)),
        ],
        TrainerTab::Map => &[],
    };
    for (modifiers, key, intent) in map {
        if i.consume_key(*modifiers, *key) {
            out.push(intent.clone());
        }
    }
}
