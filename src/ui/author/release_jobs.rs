//! Author mode's release tools as state (their handlers and view are `release`): what changes
//! for callers since the approved release as last compared, and the work in flight.

use std::path::PathBuf;

use crate::worker::Job;

/// What changes for callers since the approved release, as the author sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct SinceApproved {
    pub release: PathBuf,
    /// The changes in words, or the release's load errors in words.
    pub text: String,
    /// Said above the changes: the folder is no approved release, or not the one the approval
    /// record names.
    pub warnings: Vec<String>,
}

/// The release tools' work, off the UI thread like the rest (`ui::jobs`): comparing with the
/// approved release and writing the handbook each read folders and may take seconds.
#[derive(Default)]
pub struct ReleaseJobs {
    pub since_approved: Option<Job<SinceApproved>>,
    /// The handbook written to its file; opened in the browser on the UI thread once written.
    pub handbook: Option<Job<Result<PathBuf, String>>>,
}

impl ReleaseJobs {
    pub fn busy(&self) -> bool {
        self.since_approved.is_some() || self.handbook.is_some()
    }
}
