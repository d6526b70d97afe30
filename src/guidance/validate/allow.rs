//! A reason's `allow` entries: each parses, and names ids the reason has.

use crate::diagnostic::Code;
use crate::guidance::allow::{Allow, Kind};
use crate::guidance::model::FileId;
use crate::guidance::raw::RawReason;
use crate::guidance::validate::validator::Validator;
use crate::msg;

impl Validator {
    /// Each `allow` entry names a kind of finding and, if any, ids of this reason
    /// (docs/authoring.md). Returns the entries parsed, those with errors left out.
    pub(super) fn allow(&mut self, file: FileId, r: &RawReason, shared: &[&str]) -> Vec<Allow> {
        let mut parsed = Vec::new();
        let rules: Vec<&str> = r.rules.iter().map(|x| x.id.value.as_str()).collect();
        let questions: Vec<&str> = r.questions.iter().map(|x| x.id.value.as_str()).collect();
        let fallback = format!("{}.fallback", r.id.value);
        for entry in &r.allow {
            let allow = match Allow::parse(&entry.value) {
                Ok(a) => a,
                Err(message) => {
                    self.err(file, entry.pos, Code::Invalid, message);
                    continue;
                }
            };
            for id in &allow.ids {
                let (known, what) = match allow.kind {
                    Kind::Shadowed | Kind::Overlap => {
                        (rules.contains(&id.as_str()), msg!(WordRule))
                    }
                    Kind::NeverWon => (
                        rules.contains(&id.as_str()) || *id == fallback,
                        msg!(AllowRuleOrFallback),
                    ),
                    Kind::Unreachable => (
                        rules.contains(&id.as_str()) || questions.contains(&id.as_str()),
                        msg!(AllowRuleOrQuestion),
                    ),
                    Kind::NeverAsked => (questions.contains(&id.as_str()), msg!(WordQuestion)),
                    _ => (
                        questions.contains(&id.as_str()) || shared.contains(&id.as_str()),
                        msg!(AllowAnyQuestion),
                    ),
                };
                if !known {
                    self.err(
                        file,
                        entry.pos,
                        Code::UnknownId,
                        msg!(AllowUnknownId, entry.value, r.id.value, what, id),
                    );
                }
            }
            parsed.push(allow);
        }
        parsed
    }
}
