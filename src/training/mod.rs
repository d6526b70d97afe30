//! Trainer mode: practice cases, scoring and session summaries.
//!
//! A training case (`<guidance>/training/NN_name.ron`) is a caller's story with the facts the
//! caller reveals when the trainee asks the right question, the outcome the guidance gives and
//! the teaching points. Nothing here knows the trainee's name: a [`SessionSummary`] holds
//! scores, times and findings only.
//!
//! The files, each importing only those above it:
//! - `format`: the case file as written, and parsing it;
//! - `case`: the validated case;
//! - `practice`: the call with answers revealed when asked, the trainee's run, the model run;
//! - `validate`: reading and validating the case files against a guidance;
//! - `score`: scoring a run, and the feedback;
//! - `summary`: the session summary and its reports.

mod case;
mod format;
mod practice;
mod score;
mod summary;
mod validate;

pub use case::{Expected, TrainingCase};
pub use format::{Difficulty, RawCaseExpect, RawTrainingCase, TRAINING_DIR, parse_case};
pub use practice::{PracticeRun, full_call, model_run, reveal};
pub use score::{
    Feedback, Labels, Named, POINTS_MODE, POINTS_PER_MISSED_FLAG, POINTS_PROFESSIONAL,
    POINTS_SCREENING, POINTS_TIMEFRAME, POINTS_TIMEFRAME_OVER, Score, Triage, score,
};
pub use summary::{GuidanceInfo, MAX_SUMMARY_BYTES, SessionSummary};
pub use validate::{load_case, load_training, load_training_files};
