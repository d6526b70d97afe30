//! The record text: the HTA note the nurse pastes into the patient record.
//!
//! It follows what a documented assessment must hold (domain.md §2): time, assessor, who called
//! and how, reasons, positive findings and relevant negatives, the red-flag screen, the proposal,
//! the decision with any override reason, the advice given, the guidance version and hash, and
//! the nurse's notes. The text is plain and line-based so that it pastes into any record system.

use chrono::{DateTime, FixedOffset};

use crate::assessment::{Assessment, Caller, Channel};
use crate::call::Value;
use crate::engine::Evaluation;
use crate::explain::{Explanation, answer_text, explain};
use crate::guidance::{Guidance, Part, RedFlag};
use crate::i18n::{Msg, tr};
use crate::text::Language;

/// Who wrote the assessment (set once per shift).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Assessor {
    pub name: String,
    pub title: String,
}

/// The record text of an assessment, in `lang`, as of `now`.
pub fn record_text(
    g: &Guidance,
    a: &Assessment,
    evaluation: &Evaluation,
    assessor: &Assessor,
    now: DateTime<FixedOffset>,
    lang: Language,
) -> String {
    let mut out = header(g, a, assessor, now, lang);
    out.push(red_flag_screen(g, a, evaluation, lang));
    findings(g, a, evaluation, lang, &mut out);
    // The window counts from the decision (or, before one, from when the record is made), not
    // the day the call started: a call restored after a crash or running past midnight must not
    // promise a day that has already gone. The proposal is the one the nurse decided on: its
    // effective outcome at the decision's time.
    let at = a.decision.as_ref().map_or(now, |d| d.decided_at);
    if let Some(e) = explain(g, &a.call, evaluation, at, lang) {
        proposal(&e, lang, &mut out);
        decision(g, a, at, lang, &mut out);
        out.push(format!(
            "{}: {}",
            tr(lang, Msg::RecordAdviceGiven),
            e.advice
        ));
        if let Some(w) = &e.worsening {
            out.push(format!("{}: {w}", tr(lang, Msg::Worsening)));
        }
    }
    out.push(format!(
        "{}: {}, {} {} (SHA-256 {})",
        tr(lang, Msg::Guidance),
        g.meta.name.get(lang),
        tr(lang, Msg::Version),
        g.meta.version,
        g.provenance.short_hash()
    ));
    if !a.notes.trim().is_empty() {
        out.push(format!(
            "{}: {}",
            tr(lang, Msg::RecordNotes),
            a.notes.trim()
        ));
    }
    out.join("\n")
}

/// Title, time and call length, assessor, who called and how, and the reasons.
fn header(
    g: &Guidance,
    a: &Assessment,
    assessor: &Assessor,
    now: DateTime<FixedOffset>,
    lang: Language,
) -> Vec<String> {
    let t = |m| tr(lang, m);
    let mut out = vec![t(Msg::RecordTitle).to_owned()];
    let minutes = (now - a.started).num_minutes().max(0);
    out.push(format!(
        "{}: {} ({} {minutes} {})",
        t(Msg::RecordTime),
        a.started.format("%d.%m.%Y %H:%M"),
        t(Msg::RecordCallLength),
        t(Msg::Minutes)
    ));
    let who = [assessor.name.trim(), assessor.title.trim()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if !who.is_empty() {
        out.push(format!("{}: {who}", t(Msg::RecordAssessor)));
    }
    let caller = t(match a.caller {
        Caller::Client => Msg::CallerClient,
        Caller::OnBehalf => Msg::CallerOnBehalf,
    });
    let channel = t(match a.channel {
        Channel::Phone => Msg::ChannelPhone,
        Channel::Callback => Msg::ChannelCallback,
        Channel::Chat => Msg::ChannelChat,
        Channel::WalkIn => Msg::ChannelWalkIn,
    });
    out.push(format!("{}: {caller}, {channel}", t(Msg::RecordContact)));
    if !a.call.reasons.is_empty() {
        let reasons: Vec<_> = a
            .call
            .reasons
            .iter()
            .map(|r| g.reason(*r).label.get(lang))
            .collect();
        out.push(format!("{}: {}", t(Msg::RecordReasons), reasons.join("; ")));
    }
    out
}

/// The red-flag screen's line: positive, negative, or incomplete with what was not asked; over
/// the red flags in scope of the call.
fn red_flag_screen(
    g: &Guidance,
    a: &Assessment,
    evaluation: &Evaluation,
    lang: Language,
) -> String {
    let t = |m| tr(lang, m);
    let in_scope: Vec<&RedFlag> = evaluation
        .questions
        .iter()
        .filter_map(|&q| g.red_flag_of(q))
        .collect();
    let positive: Vec<String> = in_scope
        .iter()
        .filter_map(|rf| {
            let v = a.call.answer(rf.question)?;
            let hit = v == Value::Yes || (v == Value::CannotSay && rf.cannot_say_is_yes);
            hit.then(|| {
                format!(
                    "{} {}",
                    g.question(rf.question).text.get(lang),
                    answer_text(g, rf.question, v, lang)
                )
            })
        })
        .collect();
    let unanswered: Vec<&str> = in_scope
        .iter()
        .filter(|rf| a.call.answer(rf.question).is_none())
        .map(|rf| g.question(rf.question).text.get(lang))
        .collect();
    let screen = if !positive.is_empty() {
        format!(
            "{}: {}",
            t(Msg::RecordRedFlagsPositive),
            positive.join("; ")
        )
    } else if unanswered.is_empty() {
        t(Msg::RecordRedFlagsNegative).to_owned()
    } else {
        format!(
            "{}: {}",
            t(Msg::RecordRedFlagsIncomplete),
            unanswered.join("; ")
        )
    };
    format!("{}: {screen}", t(Msg::RecordRedFlags))
}

/// Findings and relevant negatives, in the order they were asked.
fn findings(
    g: &Guidance,
    a: &Assessment,
    evaluation: &Evaluation,
    lang: Language,
    out: &mut Vec<String>,
) {
    let mut findings = Vec::new();
    let mut negatives = Vec::new();
    for &q in &evaluation.questions {
        let question = g.question(q);
        let Some(v) = a.call.answer(q) else { continue };
        // A relevant negative is named by its short label where the guidance gives one.
        let negative = || match &question.short {
            Some(short) => short.get(lang).to_owned(),
            None if question.part == Part::RedFlag => question.text.get(lang).to_owned(),
            None => format!("{} {}", question.text.get(lang), tr(lang, Msg::No)),
        };
        if question.part == Part::RedFlag {
            if v == Value::No {
                negatives.push(negative());
            }
            continue;
        }
        // A free text's words go into the record as the nurse wrote them (never into the log).
        let shown = match a.call.text(q) {
            Some(words) => words.to_owned(),
            None => answer_text(g, q, v, lang),
        };
        let line = format!("- {} {shown}", question.text.get(lang));
        if v == Value::No {
            negatives.push(negative())
        } else {
            findings.push(line)
        }
    }
    if !findings.is_empty() {
        out.push(format!("{}:", tr(lang, Msg::RecordFindings)));
        out.extend(findings);
    }
    if !negatives.is_empty() {
        out.push(format!(
            "{}: {}",
            tr(lang, Msg::RecordNegatives),
            negatives.join("; ")
        ));
    }
}

/// The proposal with its window and deciding rule, then the other reasons' routes.
fn proposal(e: &Explanation, lang: Language, out: &mut Vec<String>) {
    let t = |m| tr(lang, m);
    let mut proposal = match &e.when_closed {
        Some(closed) => format!("{}: {}", closed.text, e.timeframe.label),
        None => e.timeframe.label.clone(),
    };
    if e.nurse_judgement {
        proposal.push_str(&format!(" ({})", t(Msg::NurseJudgement)));
    }
    if let Some(m) = &e.mode {
        proposal.push_str(&format!(
            ", {} ({})",
            m.label,
            t(if m.remote { Msg::Remote } else { Msg::InPerson })
        ));
    }
    if let Some(p) = &e.professional {
        proposal.push_str(&format!(", {}", p.label));
    }
    if let Some(s) = &e.service {
        proposal.push_str(&format!(", {}", s.label));
        if let Some(status) = &s.status {
            proposal.push_str(&format!(" ({status})"));
        }
    }
    if let Some(w) = &e.window {
        proposal.push_str(&format!("; {}", w.text));
    }
    if e.outside_care_guarantee {
        proposal.push_str(&format!(" [{}]", t(Msg::OutsideCareGuarantee)));
    }
    proposal.push_str(&format!(" [{}: {}]", t(Msg::DecidedBy), e.decided_by.id));
    out.push(format!("{}: {proposal}", t(Msg::RecordProposal)));
    if let Some(s) = &e.service {
        out.push(format!(
            "{}: {}: {}",
            t(Msg::ServiceContact),
            s.label,
            s.contact
        ));
    }
    for d in e
        .per_reason
        .iter()
        .filter(|d| d.decided_by != e.decided_by.id)
    {
        let mut line = format!("  {}: {}", d.reason.label, d.timeframe.label);
        if let Some(m) = &d.mode {
            line.push_str(&format!(", {}", m.label));
        }
        if let Some(p) = &d.professional {
            line.push_str(&format!(", {}", p.label));
        }
        out.push(line);
    }
}

/// The nurse's decision: as proposed, not yet made, or the override with its window and reason.
fn decision(
    g: &Guidance,
    a: &Assessment,
    now: DateTime<FixedOffset>,
    lang: Language,
    out: &mut Vec<String>,
) {
    let t = |m| tr(lang, m);
    let d = match &a.decision {
        None => {
            out.push(format!(
                "{}: {}",
                t(Msg::RecordDecision),
                t(Msg::RecordNoDecision)
            ));
            return;
        }
        Some(d) if d.override_reason.is_none() => {
            out.push(format!(
                "{}: {}",
                t(Msg::RecordDecision),
                t(Msg::RecordAccepted)
            ));
            return;
        }
        Some(d) => d,
    };
    let tf = g.timeframe(d.disposition.timeframe);
    let mut line = format!(
        "{}: {}: {}",
        t(Msg::RecordDecision),
        t(Msg::RecordOverridden),
        tf.label.get(lang)
    );
    if let Some(m) = d.disposition.mode {
        line.push_str(&format!(", {}", g.mode(m).label.get(lang)));
    }
    if let Some(p) = d.disposition.professional {
        line.push_str(&format!(", {}", g.professional(p).label.get(lang)));
    }
    if let Some(range) = tf.range() {
        // An override names no service: the plain window of its timeframe.
        let at = now.naive_local();
        let always = crate::opening_hours::OpeningHours::always();
        if let Ok(w) = crate::opening_hours::service_window(&always, at, range) {
            let timed = tf.hours.is_some();
            let text = crate::window_text::service_window_text(&w, range, timed, at, lang);
            line.push_str(&format!("; {text}"));
        }
    }
    if d.lowers_urgency {
        line.push_str(&format!(" ({})", t(Msg::RecordLowersUrgency)));
    }
    out.push(line);
    if let Some(r) = &d.override_reason {
        let category = g
            .override_reasons
            .iter()
            .find(|o| o.id == r.category)
            .map(|o| o.label.get(lang))
            .unwrap_or(&r.category);
        out.push(format!(
            "{}: {category}: {}",
            t(Msg::RecordOverrideReason),
            r.text.trim()
        ));
    }
}
