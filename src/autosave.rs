//! The assessment in progress, kept on disk so that a crash or a kill loses nothing.
//!
//! Written on every change (to a temporary file, flushed, then renamed over the old one, so a
//! reader sees either the old or the new state), readable by the user alone, and removed when
//! the call is finished or discarded. It holds no name or personal identity code: the app never
//! asks for them. The nurse's free-text notes are kept here only, because losing them in a
//! crash would be worse; the file is private to the user and short-lived.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Caller, Channel, Decision, EmergencyAction, OverrideReason};
use crate::call::{Answer, Value};
use crate::disposition::Disposition;
use crate::guidance::Guidance;
use crate::storage;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Autosave {
    pub guidance_hash: String,
    pub guidance_version: String,
    pub started: DateTime<FixedOffset>,
    pub reasons: Vec<String>,
    pub answers: Vec<(String, Answer)>,
    pub caller: Caller,
    pub channel: Channel,
    pub decision: Option<SavedDecision>,
    /// What the nurse did on the emergency screen (an autosave before issue 14 has none).
    #[serde(default)]
    pub emergency_action: Option<EmergencyAction>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedDecision {
    pub disposition: Disposition,
    pub override_category: Option<String>,
    pub override_text: Option<String>,
    pub lowers_urgency: bool,
    /// The decided service's id (an autosave older than format 2 has none).
    #[serde(default)]
    pub service: Option<String>,
    #[serde(default)]
    pub nurse_judgement: bool,
    /// When the decision was made; an older autosave has none and restores the call's start.
    #[serde(default)]
    pub decided_at: Option<DateTime<FixedOffset>>,
}

impl Autosave {
    pub fn of(g: &Guidance, a: &Assessment) -> Self {
        Self {
            guidance_hash: g.provenance.hash.clone(),
            guidance_version: g.meta.version.clone(),
            started: a.started,
            reasons: a
                .call
                .reasons
                .iter()
                .map(|r| g.reason(*r).id.clone())
                .collect(),
            answers: a.answers_by_id(g),
            caller: a.caller,
            channel: a.channel,
            decision: a.decision.as_ref().map(|d| SavedDecision {
                disposition: Disposition::from_ids(g, d.disposition),
                override_category: d.override_reason.as_ref().map(|r| r.category.clone()),
                override_text: d.override_reason.as_ref().map(|r| r.text.clone()),
                lowers_urgency: d.lowers_urgency,
                service: d.service.map(|s| g.service(s).id.clone()),
                nurse_judgement: d.nurse_judgement,
                decided_at: Some(d.decided_at),
            }),
            emergency_action: a.emergency_action,
            notes: a.notes.clone(),
        }
    }

    /// Whether the saved call was made on this very guidance (same content hash).
    pub fn matches(&self, g: &Guidance) -> bool {
        self.guidance_hash == g.provenance.hash
    }

    /// Rebuilds the assessment; answers that no longer fit the guidance are left out and listed.
    pub fn restore(&self, g: &Guidance) -> (Assessment, Vec<String>) {
        let mut a = Assessment::new(g, self.started);
        let mut dropped = Vec::new();
        for r in &self.reasons {
            match g.reason_by_id(r) {
                Some(id) => a.call.add_reason(id),
                None => dropped.push(r.clone()),
            }
        }
        for (q, answer) in &self.answers {
            match g
                .question_by_id(q)
                .map(|id| (id, Value::resolve(g, id, answer)))
            {
                Some((id, Ok(v))) => a.call.set(id, Some(v)),
                _ => dropped.push(q.clone()),
            }
        }
        a.caller = self.caller;
        a.channel = self.channel;
        a.emergency_action = self.emergency_action;
        a.notes = self.notes.clone();
        // A decision is only restored onto the same guidance: on another it may no longer hold.
        if self.matches(g)
            && let Some(d) = &self.decision
            && let Some(disposition) = d.disposition.resolve(g)
        {
            a.decision = Some(Decision {
                disposition,
                override_reason: match (&d.override_category, &d.override_text) {
                    (Some(c), Some(t)) => Some(OverrideReason {
                        category: c.clone(),
                        text: t.clone(),
                    }),
                    _ => None,
                },
                lowers_urgency: d.lowers_urgency,
                service: d.service.as_deref().and_then(|s| g.service_by_id(s)),
                nurse_judgement: d.nurse_judgement,
                decided_at: d.decided_at.unwrap_or(self.started),
            });
        }
        (a, dropped)
    }
}

/// Largest autosave read back: a call's answers and notes are a few kilobytes.
const MAX_AUTOSAVE_BYTES: usize = 1024 * 1024;

/// Writes atomically and privately ([`storage::write_atomic`]).
pub fn write(path: &Path, save: &Autosave) -> std::io::Result<()> {
    let text = ron::ser::to_string_pretty(save, ron::ser::PrettyConfig::default())
        .map_err(std::io::Error::other)?;
    storage::write_atomic(path, text.as_bytes())
}

/// Reads an autosave; `Ok(None)` when there is none.
pub fn read(path: &Path) -> Result<Option<Autosave>, String> {
    match storage::read_text_bounded(path, MAX_AUTOSAVE_BYTES) {
        Ok(text) => ron::from_str(&text)
            .map(Some)
            .map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.is_not_found() => Ok(None),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

pub fn remove(path: &Path) -> std::io::Result<()> {
    storage::remove(path)
}

/// How many app instances may keep an autosave side by side.
const SLOTS: usize = 16;

/// The autosave file of one app instance, with the lock that keeps other instances off it.
#[derive(Debug)]
pub struct Slot {
    pub path: PathBuf,
    _lock: fs::File,
}

/// `base`, then `base-2`, `base-3`, …: one file per running instance.
fn candidates(base: &Path) -> impl Iterator<Item = PathBuf> + '_ {
    (1..=SLOTS).map(move |n| {
        if n == 1 {
            return base.to_path_buf();
        }
        let stem = base
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ext = base
            .extension()
            .map(|e| format!(".{}", e.to_string_lossy()))
            .unwrap_or_default();
        base.with_file_name(format!("{stem}-{n}{ext}"))
    })
}

fn lock_path(path: &Path) -> PathBuf {
    path.with_extension("lock")
}

/// Takes the first autosave file no other running instance holds. Two windows of the app then
/// never overwrite, or delete, each other's call in progress.
pub fn claim(base: &Path) -> Option<Slot> {
    if let Some(dir) = base.parent() {
        storage::create_private_dir(dir).ok()?;
    }
    candidates(base).find_map(|path| {
        let lock = storage::try_lock_file(&lock_path(&path))?;
        Some(Slot { path, _lock: lock })
    })
}

/// Autosaves left by instances that are no longer running (their lock is free), and the one in
/// this instance's own slot, which a previous run left behind.
pub fn orphans(base: &Path, own: &Path) -> Vec<PathBuf> {
    candidates(base)
        .filter(|path| path.exists())
        .filter(|path| path == own || storage::lock_is_free(&lock_path(path)))
        .collect()
}
