//! The serde shape of the managed configuration file (`config.ron`), before validation: every
//! field optional, strings spanned so that a problem found later points at its literal.

use serde::Deserialize;

use crate::source::Spanned;

/// `config.ron` as written by the county's IT. Unknown fields are refused (a misspelt `locked`
/// must not silently lock nothing).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// This workstation's id in log file names: letters, digits, `-` and `_`, at most 40.
    #[serde(default)]
    pub desk: Option<Spanned<String>>,
    /// The guidance folder, e.g. on a network share.
    #[serde(default)]
    pub guidance: Option<Spanned<String>>,
    /// The shared log folder every desk writes its own files into.
    #[serde(default)]
    pub log_dir: Option<Spanned<String>>,
    /// The modes offered: `"nurse"`, `"author"`, `"trainer"`, `"statistics"`.
    #[serde(default)]
    pub modes: Option<Vec<Spanned<String>>>,
    /// The interface language by default: `"fi"`, `"sv"` or `"en"`.
    #[serde(default)]
    pub language: Option<Spanned<String>>,
    /// The record text's language by default.
    #[serde(default)]
    pub record_language: Option<Spanned<String>>,
    /// Whether free text goes into the autosave by default.
    #[serde(default)]
    pub autosave_free_text: Option<bool>,
    /// The settings a user may not change (names as in the settings above).
    #[serde(default)]
    pub locked: Vec<Spanned<String>>,
    /// The renderer that draws the window: `"glow"` (OpenGL) or `"wgpu"` (Vulkan, DirectX);
    /// left out, the platform's default (docs/DEPLOYMENT.md).
    #[serde(default)]
    pub renderer: Option<Spanned<String>>,
    /// Real calls only on approved guidance (carried for the guidance approval).
    #[serde(default)]
    pub require_approved_guidance: bool,
}
