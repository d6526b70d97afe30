//! The author's and the trainer's material beside the guidance: scenario results and training
//! cases, read when those modes show them (a nurse's start and reloads need neither).

use crate::ui::mode::Mode;
use crate::ui::state::AppState;

/// Runs the scenarios and reads the training cases of the guidance in use, when the author or
/// trainer mode shows them and they belong to an older load.
pub fn load(s: &mut AppState) {
    if !s.workbench_stale || !matches!(s.mode, Mode::Author | Mode::Trainer) {
        return;
    }
    let Some(g) = s.guidance.current.clone() else {
        return;
    };
    let (scenarios, errors) = crate::scenario::load_scenarios(&s.guidance.dir);
    s.author.results = scenarios
        .iter()
        .map(|sc| crate::scenario::run_scenario(&g, sc))
        .collect();
    s.author.scenario_errors = errors;
    let (cases, case_errors) = crate::training::load_training(&s.guidance.dir, &g);
    s.trainer.cases = cases;
    s.trainer.errors = case_errors;
    s.trainer.guidance = Some(g);
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
    s.workbench_stale = true;
}
