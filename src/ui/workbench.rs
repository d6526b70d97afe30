//! The author's and the trainer's material beside the guidance: scenario results and training
//! cases, read when those modes show them (a nurse's start and reloads need neither), on a
//! worker (`ui::jobs`).

use std::sync::Arc;

use crate::ui::jobs::{self, Finished};
use crate::ui::mode::Mode;
use crate::ui::state::{AppState, Notice};

/// Runs the scenarios and reads the training cases of the guidance in use, when the author or
/// trainer mode shows them and they belong to an older load (unless that run is under way).
pub fn load(s: &mut AppState) {
    if !s.workbench_stale || !matches!(s.mode, Mode::Author | Mode::Trainer) {
        return;
    }
    let Some(g) = s.guidance.current.clone() else {
        return;
    };
    if s.jobs.workbench.is_none() {
        s.jobs.workbench = Some(jobs::workbench(s.guidance.dir.clone(), g));
    }
}

/// Takes in a finished run if it belongs to the guidance still loaded; else runs again.
pub fn poll(s: &mut AppState) {
    let Some(finished) = jobs::take(&mut s.jobs.workbench) else {
        return;
    };
    s.jobs.applied += 1;
    let w = match finished {
        Finished::Done(w) => w,
        Finished::Failed(e) => {
            s.notice = Some(Notice::Text(e));
            return;
        }
    };
    let current = s.guidance.current.as_ref();
    if !current.is_some_and(|g| Arc::ptr_eq(g, &w.guidance)) {
        load(s);
        return;
    }
    s.author.results = w.results;
    s.author.scenario_errors = w.scenario_errors;
    s.trainer.cases = w.cases;
    s.trainer.errors = w.case_errors;
    s.trainer.guidance = Some(w.guidance);
    s.trainer.selected = s
        .trainer
        .selected
        .min(s.trainer.cases.len().saturating_sub(1));
    s.workbench_stale = false;
}

/// Forgets the material of a folder that is no longer the one in use.
pub fn clear(s: &mut AppState) {
    s.author.results.clear();
    s.author.scenario_errors.clear();
    s.trainer.cases.clear();
    s.trainer.errors.clear();
    s.trainer.guidance = None;
    s.trainer.map_reason = None;
    s.jobs.workbench = None;
    s.workbench_stale = true;
}
