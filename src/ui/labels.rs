//! What the nurse reads for what the engine knows by id: the rule (or red flag) that decided, a
//! timeframe with its contact mode and professional, who called and how. Ids are for authors,
//! scenarios and logs; the nurse's screens show these.

use chrono::NaiveDateTime;

use crate::assessment::{Caller, Channel};
use crate::disposition::Resolved;
use crate::engine::Decider;
use crate::guidance::Guidance;
use crate::i18n::Msg;
use crate::text::Language;

/// What decided: the red flag's question, the rule's description, or for a reason's fallback
/// "<reason>: no specific rule (default)".
pub fn decider(g: &Guidance, d: Decider, lang: Language) -> String {
    match d {
        Decider::Fallback(r) => {
            Msg::FallbackOf.fill(lang, &[g.reason(r).label.get(lang).to_owned()])
        }
        _ => d.description(g).get(lang).to_owned(),
    }
}

/// What decided a reason's own route, beside the reason's name: the rule's description, or "no
/// specific rule (default)".
pub fn reason_decider(g: &Guidance, d: Decider, lang: Language) -> String {
    match d {
        Decider::Fallback(_) => Msg::NoSpecificRule.get(lang).to_owned(),
        _ => d.description(g).get(lang).to_owned(),
    }
}

/// "1–3 vrk, Käynti, Lääkäri": the timeframe, contact mode and professional that are set.
pub fn disposition(g: &Guidance, r: Resolved, lang: Language) -> String {
    let mut parts = vec![g.timeframe(r.timeframe).label.get(lang).to_owned()];
    if let Some(m) = r.mode {
        parts.push(g.mode(m).label.get(lang).to_owned());
    }
    if let Some(p) = r.professional {
        parts.push(g.professional(p).label.get(lang).to_owned());
    }
    parts.join(", ")
}

/// The window of a decided route (an override names no service, so the plain window of its
/// timeframe), in words: "Yhteys viimeistään to 26.11.2026 …"; `None` for a timeframe without
/// days or hours.
pub fn decided_window(
    g: &Guidance,
    r: Resolved,
    at: NaiveDateTime,
    lang: Language,
) -> Option<String> {
    let tf = g.timeframe(r.timeframe);
    let range = tf.range()?;
    let always = crate::opening_hours::OpeningHours::always();
    let w = crate::opening_hours::service_window(&always, at, range).ok()?;
    Some(crate::window_text::service_window_text(
        &w,
        range,
        tf.hours.is_some(),
        at,
        lang,
    ))
}

/// Who is on the line, as the record says it.
pub fn caller(c: Caller) -> Msg {
    c.label()
}

/// How the contact came in, as the record says it.
pub fn channel(c: Channel) -> Msg {
    match c {
        Channel::Phone => Msg::ChannelPhone,
        Channel::Callback => Msg::ChannelCallback,
        Channel::Chat => Msg::ChannelChat,
        Channel::WalkIn => Msg::ChannelWalkIn,
    }
}
