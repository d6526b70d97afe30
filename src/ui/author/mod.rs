//! The rule author's workbench: open a guidance folder, see it validated live, run its
//! scenarios on every reload, open a scenario in the nurse flow, save a call as a scenario,
//! analyse the guidance and compare it with a baseline. This file holds its state.

pub mod analysis;
pub mod handle;
pub mod opener;
pub mod picker;
pub mod release;
pub mod release_jobs;
pub mod scenarios;
pub mod view;

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::scenario::ScenarioResult;

/// A diagnostic with the source line it points at, as loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownDiagnostic {
    pub diagnostic: Diagnostic,
    pub line: Option<String>,
}

impl ShownDiagnostic {
    /// `errors` with their source lines, as the loader parsed them (no file is read again).
    pub fn all(errors: &[Diagnostic]) -> Vec<ShownDiagnostic> {
        errors
            .iter()
            .map(|d| ShownDiagnostic {
                diagnostic: d.clone(),
                line: d.line.clone(),
            })
            .collect()
    }
}

#[derive(Default)]
pub struct AuthorState {
    /// The folder path as typed; opened on Enter or when the field is left.
    pub path_input: String,
    pub diagnostics: Vec<ShownDiagnostic>,
    pub results: Vec<ScenarioResult>,
    pub scenario_errors: Vec<Diagnostic>,
    pub scenario_name: String,
    pub saved: Option<String>,
    pub analysis: Option<crate::analysis::Analysis>,
    /// The baseline path as typed; compared on Enter or when the field is left.
    pub baseline_input: String,
    /// The folder last compared with.
    pub baseline: Option<PathBuf>,
    /// The comparison with a baseline folder: the changes as text, or why it failed.
    pub comparison: Option<Result<String, Vec<Diagnostic>>>,
    /// What changes for callers since the approved release, or why it cannot be told.
    pub since_approved: Option<release_jobs::SinceApproved>,
    /// The handbook last written and opened, or why it failed.
    pub handbook: Option<Result<PathBuf, String>>,
    /// The release tools' work off the UI thread (see `release`).
    pub release_jobs: release_jobs::ReleaseJobs,
}

impl AuthorState {
    pub fn passed(&self) -> usize {
        self.results.iter().filter(|r| r.passed()).count()
    }

    pub fn failed(&self) -> usize {
        self.results.len() - self.passed() + self.scenario_errors.len()
    }
}
