//! The handbook's sections of the guidance itself: how a call goes, the basics and risk factors,
//! the red flags and where each is asked, each reason's questions in ask order and its rules as
//! sentences, the outcomes' vocabulary, and the services with their opening hours.

use crate::guidance::{Guidance, Outcome, Part, Question, QuestionId, QuestionKind, RedFlag};
use crate::handbook::sentence::{condition, outcome};
use crate::handbook::{Block, Item, Section};
use crate::i18n::{Msg, format_number, tr};
use crate::opening_hours::{DayKind, OpeningHours, Span};
use crate::quantity::Quantity;
use crate::text::Language;

pub fn how_a_call_goes(g: &Guidance, lang: Language) -> Section {
    let mut s = Section::new("call", tr(lang, Msg::HbHowACallGoes));
    s.blocks
        .push(Block::Para(tr(lang, Msg::HbHowACallGoesText).to_owned()));
    let levels: Vec<Item> = g
        .timeframes
        .iter()
        .map(|t| Item {
            text: t.label.get(lang).to_owned(),
            details: Vec::new(),
        })
        .collect();
    s.blocks
        .push(Block::Para(tr(lang, Msg::HbUrgencyOrder).to_owned()));
    s.blocks.push(Block::Ordered(levels));
    s
}

/// The patient basics and the risk factors, asked once in every call that reads them.
pub fn basics(g: &Guidance, lang: Language) -> Section {
    let mut s = Section::new("basics", tr(lang, Msg::HbBasicsAndRisks));
    let list = |ids: &[QuestionId]| Block::Ordered(ids.iter().map(|q| item(g, *q, lang)).collect());
    let mut basics = Section::new("basics-basic", tr(lang, Msg::HbBasics));
    basics.blocks.push(list(&g.basics));
    let mut risks = Section::new("basics-risk", tr(lang, Msg::HbRiskFactors));
    risks.blocks.push(list(&g.risk_factors));
    s.children = [(basics, &g.basics), (risks, &g.risk_factors)]
        .into_iter()
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(section, _)| section)
        .collect();
    s
}

/// A question as a list item: its text, then its answers, its note and when it is asked.
fn item(g: &Guidance, q: QuestionId, lang: Language) -> Item {
    let question = g.question(q);
    let mut details = vec![answers(question, lang)];
    if let Some(note) = &question.note {
        details.push(note.get(lang).to_owned());
    }
    if let Some(c) = &question.ask_if {
        details.push(Msg::HbAskedOnlyWhen.fill(lang, &[condition(g, c, lang)]));
    }
    if question.part.is_shared() && !matches!(question.part, Part::Basic) {
        details.push(tr(lang, Msg::HbSharedQuestion).to_owned());
    }
    Item {
        text: question.text.get(lang).to_owned(),
        details,
    }
}

/// What a question takes: yes/no, its options, a number with its range and unit, an age or a
/// duration in its units.
fn answers(q: &Question, lang: Language) -> String {
    let t = |m| tr(lang, m);
    let labels = |o: &[crate::guidance::Labelled]| {
        o.iter()
            .map(|x| x.label.get(lang))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let number = |x: f64, decimals: u8| format_number(lang, x, decimals as usize);
    let body = match &q.kind {
        QuestionKind::YesNo => format!("{} / {} / {}", t(Msg::Yes), t(Msg::No), t(Msg::CannotSay)),
        QuestionKind::OneOf(o) => Msg::HbOneOf.fill(lang, &[labels(o)]),
        QuestionKind::SeveralOf(o) => Msg::HbSeveralOf.fill(lang, &[labels(o)]),
        QuestionKind::Number(n) => {
            let range = format!(
                "{}–{}",
                number(n.min, n.decimals),
                number(n.max, n.decimals)
            );
            Msg::HbNumber.fill(lang, &[range, n.unit.get(lang).to_owned()])
        }
        QuestionKind::Age(spec) | QuestionKind::Duration(spec) => {
            let written = |h: f64| {
                crate::handbook::sentence::quantity(Quantity::written(h, &spec.units), lang)
            };
            let units: Vec<&str> = spec.units.iter().map(|u| tr(lang, unit_word(*u))).collect();
            let range = format!("{}–{}", written(spec.min), written(spec.max));
            Msg::HbQuantity.fill(lang, &[range, units.join(", ")])
        }
        QuestionKind::FreeText => t(Msg::HbFreeText).to_owned(),
    };
    format!("{}: {body}", t(Msg::HbAnswers))
}

fn unit_word(u: crate::quantity::Unit) -> Msg {
    use crate::quantity::Unit;
    match u {
        Unit::Years => Msg::UnitYears,
        Unit::Months => Msg::UnitMonths,
        Unit::Weeks => Msg::UnitWeeks,
        Unit::Days => Msg::UnitDays,
        Unit::Hours => Msg::UnitHours,
    }
}

/// The red flags in the order they are asked, each with where it is asked and what it leads to.
pub fn red_flags(g: &Guidance, lang: Language) -> Section {
    let mut s = Section::new("red-flags", tr(lang, Msg::HbRedFlags));
    s.blocks
        .push(Block::Para(tr(lang, Msg::HbRedFlagsText).to_owned()));
    for rf in &g.red_flags {
        s.blocks.push(red_flag(g, rf, lang));
    }
    s
}

fn red_flag(g: &Guidance, rf: &RedFlag, lang: Language) -> Block {
    let question = g.question(rf.question);
    let t = |m| tr(lang, m).to_owned();
    let where_asked = if rf.is_global() {
        t(Msg::HbEveryCall)
    } else {
        let reasons: Vec<&str> = rf
            .reasons
            .iter()
            .map(|r| g.reason(*r).label.get(lang))
            .collect();
        Msg::HbForReasons.fill(lang, &[reasons.join("; ")])
    };
    let mut facts = vec![(t(Msg::HbWhereAsked), where_asked)];
    if let Some(c) = &rf.ask_if {
        facts.push((t(Msg::HbOnlyWhen), condition(g, c, lang)));
    }
    if let Some(note) = &question.note {
        facts.push((t(Msg::HbNote), note.get(lang).to_owned()));
    }
    outcome_facts(g, &rf.outcome, lang, &mut facts);
    let answer = if rf.cannot_say_is_yes {
        t(Msg::HbYesOrCannotSay)
    } else {
        tr(lang, Msg::Yes).to_lowercase()
    };
    Block::Rule {
        title: question.text.get(lang).to_owned(),
        sentence: format!("{answer} → {}", outcome(g, &rf.outcome, lang)),
        facts,
    }
}

/// An outcome's advice, its safety-netting, and what applies when its service is closed.
fn outcome_facts(g: &Guidance, o: &Outcome, lang: Language, facts: &mut Vec<(String, String)>) {
    let t = |m| tr(lang, m).to_owned();
    facts.push((t(Msg::Advice), o.advice.get(lang).to_owned()));
    if let Some(w) = &o.worsening {
        facts.push((t(Msg::HbSafetyNet), w.get(lang).to_owned()));
    }
    if o.outside_care_guarantee {
        facts.push((t(Msg::HbNote), t(Msg::HbOutsideCareGuarantee)));
    }
    if let (Some(closed), Some(s)) = (&o.when_closed, o.service) {
        let service = g.service(s).label.get(lang).to_owned();
        let what = format!("{} — {}", outcome(g, closed, lang), closed.advice.get(lang));
        facts.push((Msg::HbWhenClosed.fill(lang, &[service]), what));
    }
}

/// Each reason: its questions in ask order, its rules as sentences, and its fallback.
pub fn reasons(g: &Guidance, lang: Language) -> Section {
    let mut s = Section::new("reasons", tr(lang, Msg::HbReasons));
    s.blocks
        .push(Block::Para(tr(lang, Msg::HbRulesText).to_owned()));
    for reason in &g.reasons {
        let mut r = Section::new(format!("reason-{}", reason.id), reason.label.get(lang));
        let keywords = reason.keywords.get(lang);
        if !keywords.is_empty() {
            let words = keywords.join(", ");
            r.blocks
                .push(Block::Note(Msg::HbSearchWords.fill(lang, &[words])));
        }
        let asked: Vec<Item> = reason
            .walk
            .iter()
            .filter(|q| !matches!(g.question(**q).part, Part::RedFlag | Part::Basic))
            .map(|q| item(g, *q, lang))
            .collect();
        let mut questions = Section::new(
            format!("reason-{}-questions", reason.id),
            tr(lang, Msg::HbQuestionsInOrder),
        );
        questions.blocks.push(Block::Ordered(asked));
        let mut rules = Section::new(
            format!("reason-{}-rules", reason.id),
            tr(lang, Msg::HbRules),
        );
        for rule in &reason.rules {
            let mut facts = Vec::new();
            outcome_facts(g, &rule.outcome, lang, &mut facts);
            rules.blocks.push(Block::Rule {
                title: rule.description.get(lang).to_owned(),
                sentence: crate::handbook::sentence::rule(g, &rule.when, &rule.outcome, lang),
                facts,
            });
        }
        let mut facts = Vec::new();
        outcome_facts(g, &reason.fallback, lang, &mut facts);
        rules.blocks.push(Block::Rule {
            title: tr(lang, Msg::HbFallback).to_owned(),
            sentence: format!(
                "{} → {}",
                tr(lang, Msg::HbNoRuleApplies),
                outcome(g, &reason.fallback, lang)
            ),
            facts,
        });
        r.children = vec![questions, rules];
        s.children.push(r);
    }
    s
}

/// The timeframes with their windows, the contact modes, the professionals and the named
/// advice texts.
pub fn outcomes(g: &Guidance, lang: Language) -> Section {
    let t = |m| tr(lang, m).to_owned();
    let mut s = Section::new("outcomes", t(Msg::HbOutcomes));
    let rows = g
        .timeframes
        .iter()
        .map(|tf| {
            let window = match (tf.hours, tf.days) {
                (Some((a, b)), _) => Msg::HbHours.fill(lang, &[a.to_string(), b.to_string()]),
                (None, Some((a, b))) => Msg::HbDays.fill(lang, &[a.to_string(), b.to_string()]),
                (None, None) => "—".to_owned(),
            };
            vec![
                tf.label.get(lang).to_owned(),
                tf.code.clone().unwrap_or_default(),
                window,
            ]
        })
        .collect();
    s.blocks.push(Block::Table {
        head: vec![t(Msg::Timeframe), t(Msg::HbCode), t(Msg::HbWindow)],
        rows,
    });
    let rows = g
        .modes
        .iter()
        .map(|m| {
            let kind = t(if m.remote { Msg::Remote } else { Msg::InPerson });
            vec![m.label.get(lang).to_owned(), kind]
        })
        .collect();
    s.blocks.push(Block::Table {
        head: vec![t(Msg::ContactMode), t(Msg::HbRemoteOrNot)],
        rows,
    });
    let professionals = g
        .professionals
        .iter()
        .map(|p| Item {
            text: p.label.get(lang).to_owned(),
            details: Vec::new(),
        })
        .collect();
    s.blocks.push(Block::Para(t(Msg::Professional)));
    s.blocks.push(Block::Bullets(professionals));
    if !g.advice_blocks.is_empty() {
        s.blocks.push(Block::Para(t(Msg::HbAdviceTexts)));
        let items = g
            .advice_blocks
            .iter()
            .map(|b| Item {
                text: b.text.get(lang).to_owned(),
                details: Vec::new(),
            })
            .collect();
        s.blocks.push(Block::Bullets(items));
    }
    s
}

/// The services with their contact texts and opening hours.
pub fn services(g: &Guidance, lang: Language) -> Section {
    let t = |m| tr(lang, m).to_owned();
    let mut s = Section::new("services", t(Msg::HbServices));
    if g.services.is_empty() {
        s.blocks.push(Block::Para(t(Msg::HbNoServices)));
    }
    for service in &g.services {
        s.blocks.push(Block::Rule {
            title: service.label.get(lang).to_owned(),
            sentence: hours_text(&service.hours, lang),
            facts: vec![(t(Msg::HbContact), service.contact.get(lang).to_owned())],
        });
    }
    s
}

/// Opening hours in words: "open around the clock", or "Weekdays 08:00–16:00; Saturday closed; …".
pub fn hours_text(hours: &OpeningHours, lang: Language) -> String {
    if hours.is_always() {
        return tr(lang, Msg::HbAroundTheClock).to_owned();
    }
    [
        (DayKind::Weekday, Msg::HbWeekdays),
        (DayKind::Saturday, Msg::HbSaturday),
        (DayKind::Sunday, Msg::HbSunday),
        (DayKind::Holiday, Msg::HbHolidays),
    ]
    .iter()
    .map(|(kind, word)| {
        let spans = hours.spans(*kind);
        let text = if spans.is_empty() {
            tr(lang, Msg::HbClosed).to_owned()
        } else {
            spans.iter().map(span_text).collect::<Vec<_>>().join(", ")
        };
        format!("{} {text}", tr(lang, *word))
    })
    .collect::<Vec<_>>()
    .join("; ")
}

fn span_text(s: &Span) -> String {
    let hm = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
    format!("{}–{}", hm(s.from), hm(s.to))
}
