//! Where a call goes: the timeframe, the contact mode and the professional, by their ids in the
//! guidance. One type for the proposal of an outcome, the nurse's decision, an override, what a
//! scenario expects or a case gets, a trainee's answer, the autosave and the log.
//!
//! Ids, not indices: a disposition outlives the guidance it came from (a scenario file, a log
//! line, an autosave read by a newer version, two versions compared), and an id names the same
//! thing in each of them. [`Disposition::resolve`] turns it back into the guidance's indices.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::guidance::{Guidance, ModeId, Outcome, ProfessionalId, TimeframeId};

/// The timeframe, contact mode and professional of a call, by id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Disposition {
    pub timeframe: String,
    /// The contact mode; `None` when the timeframe has none (an emergency, self-care).
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default)]
    pub professional: Option<String>,
}

/// A disposition by the indices of one guidance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Resolved {
    pub timeframe: TimeframeId,
    pub mode: Option<ModeId>,
    pub professional: Option<ProfessionalId>,
}

impl Disposition {
    /// What an outcome proposes: its timeframe, its first (proposed) mode and its professional.
    pub fn of(g: &Guidance, o: &Outcome) -> Disposition {
        Disposition::from_ids(
            g,
            Resolved {
                timeframe: o.timeframe,
                mode: o.modes.first().copied(),
                professional: o.professional,
            },
        )
    }

    pub fn from_ids(g: &Guidance, r: Resolved) -> Disposition {
        Disposition {
            timeframe: g.timeframe(r.timeframe).id.clone(),
            mode: r.mode.map(|m| g.mode(m).id.clone()),
            professional: r.professional.map(|p| g.professional(p).id.clone()),
        }
    }

    /// The indices in `g`; `None` when `g` has no such timeframe. A mode or professional that `g`
    /// no longer has is dropped.
    pub fn resolve(&self, g: &Guidance) -> Option<Resolved> {
        Some(Resolved {
            timeframe: g.timeframe_by_id(&self.timeframe)?,
            mode: self.mode.as_deref().and_then(|m| g.mode_by_id(m)),
            professional: self
                .professional
                .as_deref()
                .and_then(|p| g.professional_by_id(p)),
        })
    }
}

impl Resolved {
    /// What an outcome proposes, by index.
    pub fn of(o: &Outcome) -> Resolved {
        Resolved {
            timeframe: o.timeframe,
            mode: o.modes.first().copied(),
            professional: o.professional,
        }
    }
}

/// `timeframe / mode / professional`, leaving out what is not set.
impl fmt::Display for Disposition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.timeframe)?;
        if let Some(m) = &self.mode {
            write!(f, " / {m}")?;
        }
        if let Some(p) = &self.professional {
            write!(f, " / {p}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_leaves_out_what_is_not_set() {
        let d = Disposition {
            timeframe: "days_1_3".into(),
            mode: Some("phone".into()),
            professional: None,
        };
        assert_eq!(d.to_string(), "days_1_3 / phone");
        let d = Disposition {
            professional: Some("nurse".into()),
            ..d
        };
        assert_eq!(d.to_string(), "days_1_3 / phone / nurse");
    }
}
