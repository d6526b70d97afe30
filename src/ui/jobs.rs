//! The app's work off the UI thread (issue 15): loading the guidance and noticing its changes,
//! the scenarios and training cases beside it, the analysis, the comparison with a baseline,
//! and reading the log for the statistics and at start. Each runs as a [`worker::Job`]; every
//! frame polls them without waiting and applies what has finished, so a guidance folder on a
//! hung network share (or a FIFO in it) holds up only its job, never the call on screen.
//!
//! A finished job's result is applied only if it still belongs: a guidance load for the folder
//! still in use, scenario results for the guidance still loaded. One job of each kind runs at a
//! time; asking again while one runs runs it once more when it ends (a reload) or waits for it.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::analysis::Analysis;
use crate::diagnostic::Diagnostic;
use crate::guidance::Guidance;
use crate::scenario::ScenarioResult;
use crate::stats::Stats;
use crate::text::Language;
use crate::training::TrainingCase;
use crate::ui::guidance::{Loaded, Stamp};
use crate::worker::{Job, Poll};

/// How often the guidance files' times are read where the folder cannot be watched.
pub const STAMP_EVERY: Duration = Duration::from_secs(1);

/// The scenario results and training cases of one load of the guidance.
pub struct Workbench {
    pub guidance: Arc<Guidance>,
    pub results: Vec<ScenarioResult>,
    pub scenario_errors: Vec<Diagnostic>,
    pub cases: Vec<TrainingCase>,
    pub case_errors: Vec<Diagnostic>,
}

/// The statistics of a period, and the log's problems met on the way.
pub struct StatsRead {
    pub stats: Stats,
    pub problems: Vec<String>,
}

/// The comparison with a baseline folder: the changes as text, or why it failed.
pub type Comparison = Result<String, Vec<Diagnostic>>;

/// The jobs running, one of each kind at most.
#[derive(Default)]
pub struct Jobs {
    /// A guidance load, for the folder it was started for.
    pub load: Option<(PathBuf, Job<Loaded>)>,
    /// A reload was asked for while `load` ran: load once more when it ends.
    pub load_again: bool,
    /// The guidance files' modification times, to notice a change on disk.
    pub stamp: Option<(PathBuf, Job<Stamp>)>,
    pub stamped_at: Option<Instant>,
    pub workbench: Option<Job<Workbench>>,
    pub analysis: Option<Job<Analysis>>,
    pub comparison: Option<(PathBuf, Job<Comparison>)>,
    pub stats: Option<Job<StatsRead>>,
    /// Reading the log at start (or after its folder changed): its problems, for the notice.
    pub log: Option<Job<Vec<String>>>,
    /// How many finished jobs changed what is shown (a stamp that found nothing new does not).
    pub applied: u64,
}

impl Jobs {
    /// Some job is still running: the frame polls again soon.
    pub fn busy(&self) -> bool {
        self.load.is_some()
            || self.stamp.is_some()
            || self.workbench.is_some()
            || self.analysis.is_some()
            || self.comparison.is_some()
            || self.stats.is_some()
            || self.log.is_some()
    }
}

/// What polling a job slot found: the result, or that the job failed (its thread panicked).
pub enum Finished<T> {
    Done(T),
    Failed(String),
}

/// Takes the result out of `slot` once its job has finished; a running job stays.
pub fn take<T: Send + 'static>(slot: &mut Option<Job<T>>) -> Option<Finished<T>> {
    let job = slot.as_mut()?;
    let finished = match job.poll() {
        Poll::Pending => return None,
        Poll::Done(v) => Finished::Done(v),
        Poll::Failed(e) => Finished::Failed(e),
    };
    *slot = None;
    Some(finished)
}

/// As [`take`], for a job started for a folder: the folder with the result.
pub fn take_for<T: Send + 'static>(
    slot: &mut Option<(PathBuf, Job<T>)>,
) -> Option<(PathBuf, Finished<T>)> {
    let (_, job) = slot.as_mut()?;
    let finished = match job.poll() {
        Poll::Pending => return None,
        Poll::Done(v) => Finished::Done(v),
        Poll::Failed(e) => Finished::Failed(e),
    };
    slot.take().map(|(dir, _)| (dir, finished))
}

/// The scenarios run and the training cases read, for the guidance `g` of folder `dir`.
pub fn workbench(dir: PathBuf, g: Arc<Guidance>) -> Job<Workbench> {
    Job::spawn("scenarios", move || {
        let (scenarios, scenario_errors) = crate::scenario::load_scenarios(&dir);
        let results = scenarios
            .iter()
            .map(|sc| crate::scenario::run_scenario(&g, sc))
            .collect();
        let (cases, case_errors) = crate::training::load_training(&dir, &g);
        Workbench {
            guidance: g,
            results,
            scenario_errors,
            cases,
            case_errors,
        }
    })
}

/// The analysis of `g` with the scenarios of `dir`.
pub fn analysis(dir: PathBuf, g: Arc<Guidance>) -> Job<Analysis> {
    Job::spawn("analysis", move || {
        let (scenarios, _) = crate::scenario::load_scenarios(&dir);
        crate::analysis::analyse(&g, &scenarios, &crate::analysis::Options::default())
    })
}

/// The guidance of `baseline` compared with `new` (of folder `dir`), as text in `lang`.
pub fn comparison(
    baseline: PathBuf,
    dir: PathBuf,
    new: Arc<Guidance>,
    lang: Language,
) -> Job<Comparison> {
    Job::spawn("diff", move || {
        let old = crate::guidance::load_guidance(&baseline)?;
        let (old_scenarios, _) = crate::scenario::load_scenarios(&baseline);
        let (new_scenarios, _) = crate::scenario::load_scenarios(&dir);
        let d = crate::diff::diff(
            &old,
            &old_scenarios,
            &new,
            &new_scenarios,
            &crate::analysis::Options::default(),
        );
        let mut text = Vec::new();
        let _ = d.write_text_in(&mut text, lang);
        Ok(String::from_utf8_lossy(&text).into_owned())
    })
}

/// The log of `dir` read and the statistics of `filter` computed, labelled by `g`.
pub fn stats(
    dir: PathBuf,
    filter: crate::stats::Filter,
    g: Option<Arc<Guidance>>,
    lang: Language,
) -> Job<StatsRead> {
    Job::spawn("statistics", move || {
        let read = crate::log::read_dir(&dir);
        let problems = log_problems(&read);
        let target = g.as_ref().and_then(|g| g.meta.remote_target_percent);
        let mut stats = Stats::compute(&read.records, &filter, target);
        if let Some(g) = &g {
            stats.label_with(g, lang);
        }
        StatsRead { stats, problems }
    })
}

/// The log of `dir` read for its problems (torn lines set aside, unreadable lines).
pub fn log(dir: &Path) -> Job<Vec<String>> {
    let dir = dir.to_path_buf();
    Job::spawn("log", move || log_problems(&crate::log::read_dir(&dir)))
}

fn log_problems(read: &crate::log::LogRead) -> Vec<String> {
    read.set_aside
        .iter()
        .map(|p| p.to_string())
        .chain(read.errors.iter().map(|e| e.to_string()))
        .collect()
}
