//! The trainer's intents: tabs, choosing and practising a case, scoring the practice call when
//! it is finished, replaying a case, the map's reason and saving the session summary.

use crate::i18n::{Msg, tr};
use crate::training::{PracticeRun, SessionSummary};
use crate::ui::intent::{Change, Intent};
use crate::ui::mode::Mode;
use crate::ui::nurse::{autosave, call};
use crate::ui::state::AppState;
use crate::ui::trainer::{Practice, Replay, TrainerTab};
use crate::ui::workbench;

/// Handles the trainer's intents (see the dispatcher for which).
pub fn apply(s: &mut AppState, intent: Intent) -> Change {
    match intent {
        Intent::TrainerTab(tab) => s.trainer.tab = tab,
        Intent::SelectCase(i) => {
            s.trainer.selected = i.min(s.trainer.cases.len().saturating_sub(1));
        }
        Intent::StartPractice => return start_practice(s),
        Intent::ReplayCase => replay_case(s),
        Intent::ReplayStep(d) => {
            if let Some(r) = &mut s.trainer.replay {
                r.shown = (r.shown as i64 + d as i64).clamp(0, r.steps.len() as i64) as usize;
            }
        }
        Intent::MapReason(r) => s.trainer.map_reason = Some(r),
        Intent::SaveSummary => save_summary(s),
        _ => {}
    }
    Change::None
}

/// Starts the selected training case in the real nurse flow, on the guidance it was read
/// against.
fn start_practice(s: &mut AppState) -> Change {
    // A real call in progress is never thrown away for a practice case.
    if s.real_call_in_progress() {
        s.trainer.saved = Some(tr(s.lang(), Msg::FinishCallFirst).to_owned());
        return Change::None;
    }
    let (Some(case), Some(g)) = (
        s.trainer.cases.get(s.trainer.selected).cloned(),
        s.trainer.guidance.clone(),
    ) else {
        return Change::None;
    };
    s.confirm_new_call = false;
    call::start(s, g);
    if let Some(c) = &mut s.call {
        c.practice = Some(Practice {
            case,
            run: PracticeRun::default(),
        });
        // A practice call's record is not kept: who called is not asked for.
        c.assessment.caller_required = false;
    }
    s.trainer.feedback = None;
    s.mode = Mode::Nurse;
    Change::Call
}

/// A practice call ends in feedback, not in the record system.
pub fn finish_practice(s: &mut AppState) -> Change {
    let now = s.now();
    let Some(c) = &mut s.call else {
        return Change::None;
    };
    let Some(p) = &mut c.practice else {
        return Change::None;
    };
    p.run.decision = c.assessment.decision.as_ref().map(|d| d.disposition);
    p.run.seconds = now
        .signed_duration_since(c.assessment.started)
        .num_seconds()
        .max(0) as u64;
    let feedback = crate::training::score(&c.guidance, &p.case, &p.run);
    s.trainer.session.retain(|f| f.case != feedback.case);
    s.trainer.session.push(feedback.clone());
    s.trainer.feedback = Some(feedback);
    s.trainer.tab = TrainerTab::Cases;
    s.call = None;
    autosave::remove(s);
    s.mode = Mode::Trainer;
    workbench::load(s);
    Change::Call
}

fn replay_case(s: &mut AppState) {
    if let (Some(g), Some(case)) = (
        s.trainer.guidance.clone(),
        s.trainer.cases.get(s.trainer.selected),
    ) {
        s.trainer.replay = Some(Replay::of_case(g, case, s.now(), s.lang()));
        s.trainer.tab = TrainerTab::Replay;
    }
}

fn save_summary(s: &mut AppState) {
    let Some(g) = s.trainer.guidance.clone().or(s.guidance.current.clone()) else {
        return;
    };
    let summary = SessionSummary::new(&g, s.trainer.session.clone(), Some(s.now()));
    let name = format!("arvio-training-{}.txt", s.now().format("%Y%m%d-%H%M"));
    let Some(path) = s.picker.save_file(&name) else {
        return;
    };
    let lang = s.lang();
    let result = if path.extension().is_some_and(|e| e == "txt") {
        summary.save_report(&path, lang)
    } else {
        summary.save(&path)
    };
    s.trainer.saved = Some(match result {
        Ok(()) => format!("{} {}", tr(lang, Msg::SavedTo), path.display()),
        Err(e) => e.to_string(),
    });
}
