//! The training case file format: `<guidance>/training/NN_name.ron`, one `TrainingCase(...)` per
//! file, as serde reads it (`deny_unknown_fields`), and reading one file into that shape.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::guidance::load::{parse_ron, read_source};
use crate::guidance::raw::{RawText, Str};
use crate::scenario::AnswerMap;

/// The folder of training cases inside a guidance folder.
pub const TRAINING_DIR: &str = "training";

/// A training case as written in its file.
#[derive(Debug, Deserialize)]
#[serde(rename = "TrainingCase", deny_unknown_fields)]
pub struct RawTrainingCase {
    /// A short title that does not give the answer away.
    pub title: RawText,
    /// What the caller tells without being asked (hidden facts belong in `answers`).
    pub story: RawText,
    /// The caller's first sentence, shown when the practice call starts.
    pub opening: RawText,
    /// The reasons for contact the trainee should find.
    pub reasons: Vec<Str>,
    /// What the caller says when a question is asked.
    #[serde(default)]
    pub answers: AnswerMap,
    pub expect: RawCaseExpect,
    /// Red flags the trainee must ask about; all red flags when left out.
    #[serde(default)]
    pub must_screen: Option<Vec<Str>>,
    #[serde(default)]
    pub teaching_points: Vec<RawText>,
    #[serde(default)]
    pub difficulty: Option<Difficulty>,
}

/// The outcome the guidance must give for the case: the first contact mode and the
/// professional of the deciding outcome, or none where the outcome has none.
#[derive(Debug, Deserialize)]
#[serde(rename = "Expect", deny_unknown_fields)]
pub struct RawCaseExpect {
    pub timeframe: Str,
    #[serde(default)]
    pub mode: Option<Str>,
    #[serde(default)]
    pub professional: Option<Str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

/// Reads a case file (within the guidance loader's size limit) and parses it into its raw shape.
pub fn parse_case(file: &Path) -> Result<RawTrainingCase, Diagnostic> {
    let src = read_source(file)?;
    parse_ron::<RawTrainingCase>(file, &src)
}
