//! The record text: the HTA note the nurse pastes into the patient record.
//!
//! It follows what a documented assessment must hold (domain.md §2), in short lines as a Finnish
//! record expects them: time, who called and how, the patient's basics, the reasons and onset,
//! the red-flag screen, the symptoms told, risk factors, relevant negatives by their short
//! labels, the proposal and each reason's route, the decision with any override reason, the
//! advice given, what was done in an emergency, the assessor, the guidance version and hash, and
//! the nurse's notes. Never an id. Plain lines, so that it pastes into any record system.

use chrono::{DateTime, FixedOffset};

use crate::assessment::{Assessment, Channel};
use crate::call::Value;
use crate::engine::Evaluation;
use crate::explain::{Explanation, answer_text, explain};
use crate::guidance::{Guidance, Part, QuestionId, QuestionKind, RedFlag};
use crate::i18n::{Msg, tr};
use crate::text::Language;

/// Who wrote the assessment (set once per shift).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Assessor {
    pub name: String,
    pub title: String,
}

/// The record text of an assessment, in `lang`, as of `now`: short lines as a Finnish patient
/// record expects them, ids never.
pub fn record_text(
    g: &Guidance,
    a: &Assessment,
    evaluation: &Evaluation,
    assessor: &Assessor,
    now: DateTime<FixedOffset>,
    lang: Language,
) -> String {
    let t = |m| tr(lang, m);
    let mut out = header(g, a, evaluation, now, lang);
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
        advice(&e, lang, &mut out);
    }
    if let Some(action) = a.emergency_action {
        out.push(format!(
            "{}: {}",
            t(Msg::RecordActionTaken),
            t(action.label())
        ));
    }
    let who = [assessor.name.trim(), assessor.title.trim()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if !who.is_empty() {
        out.push(format!("{}: {who}", t(Msg::RecordAssessor)));
    }
    out.push(format!(
        "{}: {}, {} {} (SHA-256 {}), {}",
        t(Msg::Guidance),
        g.meta.name.get(lang),
        t(Msg::Version),
        g.meta.version,
        g.provenance.short_hash(),
        g.provenance.approval.short_text(lang)
    ));
    if !a.notes.trim().is_empty() {
        out.push(format!("{}: {}", t(Msg::RecordNotes), a.notes.trim()));
    }
    out.join("\n")
}

/// Title, time and call length, who called and how, the patient's basics, and the reasons with
/// the onset the caller gave.
fn header(
    g: &Guidance,
    a: &Assessment,
    evaluation: &Evaluation,
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
    let channel = t(match a.channel {
        Channel::Phone => Msg::ChannelPhone,
        Channel::Callback => Msg::ChannelCallback,
        Channel::Chat => Msg::ChannelChat,
        Channel::WalkIn => Msg::ChannelWalkIn,
    });
    out.push(format!(
        "{}: {}, {channel}",
        t(Msg::RecordContact),
        t(a.caller.label())
    ));
    let basics: Vec<String> = answered_of(g, a, evaluation, |p| p == Part::Basic)
        .map(|(q, v)| told(g, a, q, v, lang))
        .collect();
    if !basics.is_empty() {
        out.push(format!("{}: {}", t(Msg::RecordBasics), basics.join("; ")));
    }
    let onset = onset(g, a, evaluation).map(|q| {
        let v = a.call.answer(q).unwrap_or(Value::CannotSay);
        answer_text(g, q, v, lang)
    });
    if !a.call.reasons.is_empty() {
        let reasons: Vec<_> = a
            .call
            .reasons
            .iter()
            .map(|r| g.reason(*r).label.get(lang))
            .collect();
        let mut line = format!("{}: {}", t(Msg::RecordReasons), reasons.join("; "));
        if let Some(onset) = &onset {
            line.push_str(&format!(" ({} {onset})", t(Msg::RecordOnset)));
        }
        out.push(line);
    }
    out
}

/// The onset: the first duration the caller gave ("since when"), told with the reason.
fn onset(g: &Guidance, a: &Assessment, evaluation: &Evaluation) -> Option<QuestionId> {
    evaluation.questions.iter().copied().find(|&q| {
        matches!(g.question(q).kind, QuestionKind::Duration(_))
            && a.call.answer(q).is_some_and(|v| v != Value::CannotSay)
    })
}

/// The answered questions of the call in the order asked, of the parts `part` takes.
fn answered_of<'a>(
    g: &'a Guidance,
    a: &'a Assessment,
    evaluation: &'a Evaluation,
    part: impl Fn(Part) -> bool + 'a,
) -> impl Iterator<Item = (QuestionId, Value)> + 'a {
    evaluation
        .questions
        .iter()
        .filter(move |&&q| part(g.question(q).part))
        .filter_map(|&q| Some((q, a.call.answer(q)?)))
}

/// A question told: "Lämpö 39,2 °C", "Kuumetta? Kyllä", a free text's words.
fn told(g: &Guidance, a: &Assessment, q: QuestionId, v: Value, lang: Language) -> String {
    let shown = match a.call.text(q) {
        Some(words) => words.to_owned(),
        None => answer_text(g, q, v, lang),
    };
    format!("{} {shown}", g.question(q).text.get(lang))
}

/// A relevant negative by its short label ("ei rintakipua"), else the question and "no".
fn negative(g: &Guidance, q: QuestionId, lang: Language) -> String {
    let question = g.question(q);
    match &question.short {
        Some(short) => short.get(lang).to_owned(),
        None if question.part == Part::RedFlag => question.text.get(lang).to_owned(),
        None => format!("{} {}", question.text.get(lang), tr(lang, Msg::No)),
    }
}

/// The red-flag screen's line: positive, negative, or incomplete with what was not asked; over
/// the red flags in scope of the call. A red flag not answered is "not asked", never a negative.
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
    let unanswered: Vec<String> = in_scope
        .iter()
        .filter(|rf| a.call.answer(rf.question).is_none())
        .map(|rf| short_or_text(g, rf.question, lang))
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

/// A question by its short label where it has one, else its text.
fn short_or_text(g: &Guidance, q: QuestionId, lang: Language) -> String {
    let question = g.question(q);
    question
        .short
        .as_ref()
        .unwrap_or(&question.text)
        .get(lang)
        .to_owned()
}

/// The symptoms told, the risk factors, and the relevant negatives as one compact list of short
/// labels, in the order asked.
fn findings(
    g: &Guidance,
    a: &Assessment,
    evaluation: &Evaluation,
    lang: Language,
    out: &mut Vec<String>,
) {
    let t = |m| tr(lang, m);
    let onset = onset(g, a, evaluation);
    let told_of = |part: fn(Part) -> bool| -> Vec<String> {
        answered_of(g, a, evaluation, part)
            .filter(|(q, v)| *v != Value::No && Some(*q) != onset)
            .map(|(q, v)| told(g, a, q, v, lang))
            .collect()
    };
    let symptoms = told_of(|p| matches!(p, Part::Reason(_) | Part::Pool));
    if !symptoms.is_empty() {
        out.push(format!(
            "{}: {}",
            t(Msg::RecordSymptoms),
            symptoms.join("; ")
        ));
    }
    let risks = told_of(|p| p == Part::RiskFactor);
    if !risks.is_empty() {
        out.push(format!(
            "{}: {}",
            t(Msg::RecordRiskFactors),
            risks.join("; ")
        ));
    }
    let negatives: Vec<String> = answered_of(g, a, evaluation, |p| p != Part::Basic)
        .filter(|(_, v)| *v == Value::No)
        .map(|(q, _)| negative(g, q, lang))
        .collect();
    if !negatives.is_empty() {
        out.push(format!(
            "{}: {}",
            t(Msg::RecordNegatives),
            negatives.join("; ")
        ));
    }
}

/// The call's proposal with its window and its service, then each reason's own route when the
/// call has several. (The deciding rule is the screen's "why", not the record's.)
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
    out.push(format!("{}: {proposal}", t(Msg::RecordProposal)));
    if let Some(s) = &e.service {
        out.push(format!(
            "{}: {}: {}",
            t(Msg::ServiceContact),
            s.label,
            s.contact
        ));
    }
    if e.per_reason.len() < 2 {
        return;
    }
    out.push(format!("{}:", t(Msg::RecordRoute)));
    for d in &e.per_reason {
        let mut line = format!("- {}: {}", d.reason.label, d.timeframe.label);
        if let Some(m) = &d.mode {
            line.push_str(&format!(", {}", m.label));
        }
        if let Some(p) = &d.professional {
            line.push_str(&format!(", {}", p.label));
        }
        if let Some(s) = &d.service {
            line.push_str(&format!(", {}", s.label));
        }
        if let Some(w) = &d.window {
            line.push_str(&format!("; {}", w.text));
        }
        out.push(line);
    }
}

/// The advice given and what to do if symptoms worsen: the call's, or with several reasons
/// each reason's own, by its label (the same text once).
fn advice(e: &Explanation, lang: Language, out: &mut Vec<String>) {
    let t = |m| tr(lang, m);
    let several = e.per_reason.len() >= 2 && !e.red_flag_hit;
    if !several {
        out.push(format!("{}: {}", t(Msg::RecordAdviceGiven), e.advice));
        if let Some(w) = &e.worsening {
            out.push(format!("{}: {w}", t(Msg::Worsening)));
        }
        return;
    }
    let mut given: Vec<String> = Vec::new();
    let mut worsening: Vec<String> = Vec::new();
    for d in &e.per_reason {
        given.push(format!("{}: {}", d.reason.label, d.advice));
        if let Some(w) = &d.worsening
            && !worsening.iter().any(|x| x.ends_with(w.as_str()))
        {
            worsening.push(format!("{}: {w}", d.reason.label));
        }
    }
    out.push(format!(
        "{}: {}",
        t(Msg::RecordAdviceGiven),
        given.join("; ")
    ));
    if !worsening.is_empty() {
        out.push(format!("{}: {}", t(Msg::Worsening), worsening.join("; ")));
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
