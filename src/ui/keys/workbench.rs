//! The maps of the author, statistics and trainer modes. Every text field of these screens has
//! an Alt+letter that puts the keyboard in it (shown beside it); keys without Ctrl, Alt or a
//! function key are never taken from a text field being typed in (`typing`).

use egui::{InputState, Key, Modifiers};

use crate::guidance::ReasonId;
use crate::ui::field::Field;
use crate::ui::intent::Intent;
use crate::ui::state::AppState;
use crate::ui::trainer::TrainerTab;

/// Alt+G the folder, Alt+S the scenario name, Alt+B the baseline; Ctrl+L analyses, Ctrl+B picks
/// a baseline folder, Ctrl+H opens the handbook, Ctrl+D shows what changes for callers since the
/// approved release (Ctrl+Shift+D chooses its folder), Ctrl+S saves the call as a scenario.
pub fn author(i: &mut InputState, out: &mut Vec<Intent>) {
    fields(
        i,
        &[
            (Key::G, Field::AuthorPath),
            (Key::S, Field::ScenarioName),
            (Key::B, Field::Baseline),
        ],
        out,
    );
    if i.consume_key(Modifiers::COMMAND, Key::L) {
        out.push(Intent::RunAnalysis);
    }
    if i.consume_key(Modifiers::COMMAND, Key::B) {
        out.push(Intent::PickBaseline);
    }
    if i.consume_key(Modifiers::COMMAND, Key::H) {
        out.push(Intent::OpenHandbook);
    }
    // Ctrl+Shift+D before Ctrl+D, which would also match it.
    if i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::D) {
        out.push(Intent::PickApprovedRelease);
    }
    if i.consume_key(Modifiers::COMMAND, Key::D) {
        out.push(Intent::ChangesSinceApproved);
    }
    if i.consume_key(Modifiers::COMMAND, Key::S) {
        out.push(Intent::SaveAsScenario);
    }
}

/// Alt+F and Alt+T the period's days; F5 reads the log again, Ctrl+E exports CSV.
pub fn statistics(i: &mut InputState, out: &mut Vec<Intent>) {
    fields(
        i,
        &[(Key::F, Field::PeriodFrom), (Key::T, Field::PeriodTo)],
        out,
    );
    if i.consume_key(Modifiers::NONE, Key::F5) {
        out.push(Intent::RefreshStats);
    }
    if i.consume_key(Modifiers::COMMAND, Key::E) {
        out.push(Intent::ExportCsv);
    }
}

/// Alt+letter: the keyboard into that field.
fn fields(i: &mut InputState, map: &[(Key, Field)], out: &mut Vec<Intent>) {
    for (key, field) in map {
        if i.consume_key(Modifiers::ALT, *key) {
            out.push(Intent::FocusField(*field));
        }
    }
}

/// F5–F7 choose the tab; the cases go by arrows, Enter practises, R replays, Ctrl+S saves the
/// summary; the map's reason goes by arrows; the replay steps by ← and →.
pub fn trainer(i: &mut InputState, state: &AppState, typing: bool, out: &mut Vec<Intent>) {
    for (key, tab) in [
        (Key::F5, TrainerTab::Cases),
        (Key::F6, TrainerTab::Map),
        (Key::F7, TrainerTab::Replay),
    ] {
        if i.consume_key(Modifiers::NONE, key) {
            out.push(Intent::TrainerTab(tab));
        }
    }
    if i.consume_key(Modifiers::COMMAND, Key::S) && state.trainer.tab == TrainerTab::Cases {
        out.push(Intent::SaveSummary);
    }
    if typing {
        return;
    }
    let selected = state.trainer.selected;
    let map_reason = |d: i64| {
        let n = state
            .guidance
            .current
            .as_ref()
            .map_or(0, |g| g.reasons.len()) as i64;
        let at = state.trainer.map_reason.map_or(0, |r| r.0 as i64);
        Intent::MapReason(ReasonId((at + d).clamp(0, (n - 1).max(0)) as u32))
    };
    let map: Vec<(Key, Intent)> = match state.trainer.tab {
        TrainerTab::Cases => vec![
            (Key::ArrowDown, Intent::SelectCase(selected + 1)),
            (Key::ArrowUp, Intent::SelectCase(selected.saturating_sub(1))),
            (Key::Enter, Intent::StartPractice),
            (Key::R, Intent::ReplayCase),
        ],
        TrainerTab::Replay => vec![
            (Key::ArrowRight, Intent::ReplayStep(1)),
            (Key::ArrowLeft, Intent::ReplayStep(-1)),
        ],
        TrainerTab::Map => vec![
            (Key::ArrowDown, map_reason(1)),
            (Key::ArrowUp, map_reason(-1)),
        ],
    };
    for (key, intent) in map {
        if i.consume_key(Modifiers::NONE, key) {
            out.push(intent);
        }
    }
}
