//! The author's intents: the folder and baseline paths, the analysis, the comparison with a
//! baseline, opening a scenario in the nurse flow and saving a call as one.

use std::path::PathBuf;

use crate::assessment::Assessment;
use crate::i18n::{Msg, tr};
use crate::ui::guidance::reload;
use crate::ui::intent::{Change, Intent};
use crate::ui::jobs::{self, Finished};
use crate::ui::mode::Mode;
use crate::ui::nurse::CallView;
use crate::ui::state::AppState;

/// Handles the author's intents (see the dispatcher for which).
pub fn apply(s: &mut AppState, intent: Intent) -> Change {
    match intent {
        Intent::SetAuthorPath(p) => s.author.path_input = p,
        Intent::RunAnalysis => run_analysis(s),
        Intent::SetBaselinePath(p) => s.author.baseline_input = p,
        Intent::PickBaseline => {
            if let Some(dir) = s.picker.pick_folder(Some(&s.guidance.dir)) {
                compare_with(s, dir);
            }
        }
        Intent::CompareWith(dir) => compare_with(s, dir),
        Intent::OpenScenario(i) => return open_scenario(s, i),
        Intent::SetScenarioName(n) => s.author.scenario_name = n,
        Intent::SaveAsScenario => save_as_scenario(s),
        _ => {}
    }
    Change::None
}

/// Starts the analysis of the guidance in use on a worker (unless one runs).
fn run_analysis(s: &mut AppState) {
    if let Some(g) = s.guidance.current.clone()
        && s.jobs.analysis.is_none()
    {
        s.jobs.analysis = Some(jobs::analysis(s.guidance.dir.clone(), g));
    }
}

/// Compares a baseline folder (e.g. the version in use) with the guidance being edited, on a
/// worker; a comparison with another folder replaces one under way.
fn compare_with(s: &mut AppState, baseline: PathBuf) {
    s.author.baseline_input = baseline.display().to_string();
    s.author.baseline = Some(baseline.clone());
    let Some(new) = s.guidance.current.clone() else {
        return;
    };
    let job = jobs::comparison(baseline.clone(), s.guidance.dir.clone(), new, s.lang());
    s.jobs.comparison = Some((baseline, job));
}

/// Takes in a finished analysis or comparison (a comparison only for the baseline still
/// chosen).
pub fn poll(s: &mut AppState) {
    if let Some(finished) = jobs::take(&mut s.jobs.analysis) {
        s.jobs.applied += 1;
        match finished {
            Finished::Done(a) => s.author.analysis = Some(a),
            Finished::Failed(e) => s.author.saved = Some(e),
        }
    }
    if let Some((baseline, finished)) = jobs::take_for(&mut s.jobs.comparison)
        && s.author.baseline.as_ref() == Some(&baseline)
    {
        s.jobs.applied += 1;
        match finished {
            Finished::Done(c) => s.author.comparison = Some(c),
            Finished::Failed(e) => s.author.saved = Some(e),
        }
    }
}

/// Opens a scenario in the nurse flow with its answers filled in, to step through it.
fn open_scenario(s: &mut AppState, index: usize) -> Change {
    if s.real_call_in_progress() {
        s.author.saved = Some(tr(s.lang(), Msg::FinishCallFirst).to_owned());
        return Change::None;
    }
    let Some(g) = s.guidance.current.clone() else {
        return Change::None;
    };
    let (scenarios, _) = crate::scenario::load_scenarios(&s.guidance.dir);
    let Some(result) = s.author.results.get(index) else {
        return Change::None;
    };
    let Some(scenario) = scenarios.iter().find(|sc| sc.file == result.file) else {
        return Change::None;
    };
    let Ok(call) = scenario.call(&g) else {
        return Change::None;
    };
    let started = scenario.at(None).unwrap_or_else(|_| s.now());
    let mut assessment = Assessment::new(&g, started);
    assessment.call = call;
    s.call = Some(CallView::new(g, assessment));
    s.mode = Mode::Nurse;
    Change::Call
}

/// Saves the call in progress as a scenario file of the guidance folder, named as typed or
/// after its reasons, and runs the scenarios again.
fn save_as_scenario(s: &mut AppState) {
    let lang = s.lang();
    let Some(c) = &s.call else { return };
    let name = if s.author.scenario_name.trim().is_empty() {
        c.assessment
            .call
            .reasons
            .iter()
            .map(|r| c.guidance.reason(*r).id.clone())
            .collect::<Vec<_>>()
            .join(" + ")
    } else {
        s.author.scenario_name.trim().to_owned()
    };
    let Some(file) = crate::scenario::ScenarioFile::of(
        &c.guidance,
        &name,
        &c.assessment.call,
        c.assessment.started,
    ) else {
        return;
    };
    s.author.saved = Some(match file.write_into(&s.guidance.dir) {
        Ok(path) => format!("{} {}", tr(lang, Msg::SavedTo), path.display()),
        Err(e) => format!("{e}"),
    });
    s.author.scenario_name.clear();
    reload::reload(s);
}
