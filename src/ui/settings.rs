//! What the user keeps between sessions (eframe persistence). Never anything of a call.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::config::Setting;
use crate::record::Assessor;
use crate::text::Language;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub language: Language,
    pub record_language: Language,
    pub assessor: Assessor,
    pub dark: bool,
    pub zoom: f32,
    pub last_guidance: Option<PathBuf>,
    /// Where the anonymous log goes; `None` means the platform's data directory.
    pub log_dir: Option<PathBuf>,
    /// Guidance folders opened in author mode, most recent first.
    pub recent: Vec<PathBuf>,
    /// Whether the call in progress's free text (the notes, the override explanation, free-text
    /// answers) goes into the autosave. Off by default: the nurse may type a personal identity
    /// code or a phone number there, and Arvio keeps no free text on disk unless asked.
    pub autosave_free_text: bool,
    /// The folder of the approved release (the desks' copy), that author mode compares with.
    pub approved_release: Option<PathBuf>,
    /// The settings the user has chosen: the others follow the managed configuration (or the
    /// built-in default) each time the app starts, so a value IT changes reaches every user
    /// who has not chosen one of their own.
    pub chosen: BTreeSet<Setting>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: Language::Fi,
            record_language: Language::Fi,
            assessor: Assessor::default(),
            dark: false,
            zoom: 1.25,
            last_guidance: None,
            log_dir: None,
            recent: Vec::new(),
            autosave_free_text: false,
            approved_release: None,
            chosen: BTreeSet::new(),
        }
    }
}

/// A folder as a text field shows it (empty for none).
pub fn shown_dir(dir: Option<&std::path::Path>) -> String {
    dir.map(|d| d.display().to_string()).unwrap_or_default()
}
