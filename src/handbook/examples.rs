//! The scenarios as worked examples: the caller's reasons and answers in words, in the order the
//! nurse asks them, and what the guidance proposes for them at the scenario's time, with the
//! rule that decides and whether that is what the scenario expects.

use chrono::{DateTime, FixedOffset, NaiveTime};

use crate::engine::evaluate;
use crate::explain::explain;
use crate::guidance::Guidance;
use crate::handbook::{Block, Section};
use crate::i18n::{Msg, tr};
use crate::scenario::{Scenario, run_scenario};
use crate::text::Language;

pub fn worked_examples(g: &Guidance, scenarios: &[Scenario], lang: Language) -> Section {
    let mut s = Section::new("examples", tr(lang, Msg::HbExamples));
    if scenarios.is_empty() {
        s.blocks
            .push(Block::Para(tr(lang, Msg::HbNoExamples).to_owned()));
    } else {
        s.blocks
            .push(Block::Para(tr(lang, Msg::HbExamplesText).to_owned()));
    }
    for scenario in scenarios {
        s.blocks.push(example(g, scenario, lang));
    }
    s
}

/// When a scenario gives no time: the guidance's effective date at 09:00 (Finnish winter time),
/// so that the handbook stays the same from one day to the next.
fn default_time(g: &Guidance) -> DateTime<FixedOffset> {
    let local = g.meta.effective.and_time(NaiveTime::MIN) + chrono::TimeDelta::hours(9);
    let offset = FixedOffset::east_opt(2 * 3600).expect("+02:00 is a valid offset");
    DateTime::from_naive_utc_and_offset(local - chrono::TimeDelta::hours(2), offset)
}

fn example(g: &Guidance, scenario: &Scenario, lang: Language) -> Block {
    let t = |m| tr(lang, m).to_owned();
    let title = scenario.name();
    let at = scenario.at(None).unwrap_or_else(|_| default_time(g));
    let Ok(call) = scenario.call(g) else {
        return Block::Rule {
            title,
            sentence: t(Msg::HbExampleCannotRun),
            facts: Vec::new(),
        };
    };
    let evaluation = evaluate(g, &call);
    let reasons: Vec<&str> = call
        .reasons
        .iter()
        .map(|r| g.reason(*r).label.get(lang))
        .collect();
    let mut facts = vec![
        (t(Msg::HbWhen), at.format("%d.%m.%Y %H:%M").to_string()),
        (t(Msg::RecordReasons), reasons.join("; ")),
    ];
    // The answers the call asks, in ask order; red flags denied are summed up in one line.
    let mut denied = 0;
    for &q in &evaluation.questions {
        let Some(value) = call.answer(q) else {
            continue;
        };
        let question = g.question(q);
        if question.part == crate::guidance::Part::RedFlag && value == crate::call::Value::No {
            denied += 1;
            continue;
        }
        facts.push((
            question.text.get(lang).to_owned(),
            crate::handbook::sentence::answer_words(g, q, value, lang),
        ));
    }
    if denied > 0 {
        facts.push((
            t(Msg::RecordRedFlags),
            Msg::HbRedFlagsDenied.fill(lang, &[denied.to_string()]),
        ));
    }
    let Some(e) = explain(g, &call, &evaluation, at, lang) else {
        return Block::Rule {
            title,
            sentence: t(Msg::CliNothingToPropose),
            facts,
        };
    };
    let mut proposal = vec![e.timeframe.label.clone()];
    proposal.extend(e.mode.as_ref().map(|m| m.label.clone()));
    proposal.extend(e.professional.as_ref().map(|p| p.label.clone()));
    proposal.extend(e.service.as_ref().map(|s| s.label.clone()));
    if let Some(w) = &e.window {
        proposal.push(w.text.clone());
    }
    facts.push((t(Msg::DecidedBy), e.decided_by.label.clone()));
    facts.push((t(Msg::Advice), e.advice.clone()));
    let expected = if run_scenario(g, scenario).passed() {
        t(Msg::HbAsExpected)
    } else {
        t(Msg::HbNotAsExpected)
    };
    facts.push((t(Msg::HbScenarioResult), expected));
    Block::Rule {
        title,
        sentence: format!("→ {}", proposal.join(", ")),
        facts,
    }
}
