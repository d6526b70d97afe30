//! From the raw files to the typed [`Guidance`]: resolve every id, check every rule of the format,
//! and collect all problems with their positions instead of stopping at the first.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::calendar::DayCounting;
use crate::diagnostic::{Code, Diagnostic};
use crate::guidance::allow::{Allow, Kind};
use crate::guidance::ask_order::ask_order;
use crate::guidance::condition::visit_atoms;
use crate::guidance::model::*;
use crate::guidance::raw::*;
use crate::source::Position;
use crate::text::{Language, Text, TextList};

/// The most options a choice question may have (answers keep choices in a 64-bit set).
pub const MAX_OPTIONS: usize = 64;

pub(crate) struct ParsedFiles {
    pub provenance: Provenance,
    pub guidance: (FileId, RawGuidance),
    pub reasons: Vec<(FileId, RawReason)>,
}

/// Which questions a condition may name.
#[derive(Clone, Copy)]
enum Scope {
    /// Red flags and risk factors.
    Shared,
    Reason(ReasonId),
}

struct Validator {
    paths: Vec<PathBuf>,
    langs: Vec<Language>,
    diags: Vec<Diagnostic>,
}

pub(crate) fn validate(parsed: ParsedFiles) -> Result<Guidance, Vec<Diagnostic>> {
    let ParsedFiles {
        provenance,
        guidance: (gfile, raw),
        reasons: raw_reasons,
    } = parsed;
    let paths = (0..provenance.files.len())
        .map(|i| provenance.path(FileId(i as u32)))
        .collect();
    let mut v = Validator {
        paths,
        langs: Vec::new(),
        diags: Vec::new(),
    };

    let langs = v.languages(gfile, &raw);
    v.langs = langs.clone();
    let meta = Meta {
        organisation: raw.organisation.value.clone(),
        name: v.text(gfile, &raw.name, raw.organisation.pos, "the guidance name"),
        version: raw.version.value.clone(),
        effective: v.date(gfile, &raw.effective),
        languages: langs,
        disclaimer: raw
            .disclaimer
            .as_ref()
            .map(|d| v.text(gfile, d, raw.organisation.pos, "the disclaimer")),
        remote_target_percent: raw.remote_target_percent,
    };
    if let Some(p) = raw.remote_target_percent
        && !(0.0..=100.0).contains(&p)
    {
        v.err(
            gfile,
            raw.organisation.pos,
            Code::OutOfRange,
            format!("remote_target_percent {p} is not between 0 and 100"),
        );
    }
    if raw.version.value.trim().is_empty() {
        v.err(
            gfile,
            raw.version.pos,
            Code::Invalid,
            "the guidance version is empty",
        );
    }

    let timeframes = v.timeframes(gfile, &raw.timeframes);
    let modes = v
        .labelled_list(
            gfile,
            &raw.contact_modes,
            |m| (&m.id, &m.label),
            "contact mode",
        )
        .into_iter()
        .zip(&raw.contact_modes)
        .map(|(l, m)| ContactMode {
            id: l.id,
            label: l.label,
            remote: m.remote,
        })
        .collect::<Vec<_>>();
    let professionals = v
        .labelled_list(
            gfile,
            &raw.professionals,
            |p| (&p.id, &p.label),
            "professional",
        )
        .into_iter()
        .map(|l| Professional {
            id: l.id,
            label: l.label,
        })
        .collect::<Vec<_>>();
    let override_reasons = v.labelled_list(
        gfile,
        &raw.override_reasons,
        |o| (&o.id, &o.label),
        "override reason",
    );
    let vocab = Vocabulary::new(&timeframes, &modes, &professionals);

    // Questions first, so that conditions anywhere can name any of them.
    let mut questions: Vec<Question> = Vec::new();
    let mut question_index: HashMap<String, QuestionId> = HashMap::new();
    let mut first_seen: HashMap<String, (FileId, Position)> = HashMap::new();
    let mut pending_ask_if: Vec<(QuestionId, FileId, &RawCondition, Scope)> = Vec::new();

    let mut red_flag_questions = Vec::new();
    for rf in &raw.red_flags {
        let raw_q = QuestionParts {
            id: &rf.id,
            text: &rf.text,
            note: rf.note.as_ref(),
            kind: None,
        };
        let id = v.question(
            gfile,
            raw_q,
            Part::RedFlag,
            &mut questions,
            &mut question_index,
            &mut first_seen,
        );
        red_flag_questions.push(id);
    }
    let mut risk_factors = Vec::new();
    for q in &raw.risk_factors {
        let parts = QuestionParts {
            id: &q.id,
            text: &q.text,
            note: q.note.as_ref(),
            kind: Some(&q.kind),
        };
        let id = v.question(
            gfile,
            parts,
            Part::RiskFactor,
            &mut questions,
            &mut question_index,
            &mut first_seen,
        );
        if let (Some(id), Some(c)) = (id, &q.ask_if) {
            pending_ask_if.push((id, gfile, c, Scope::Shared));
        }
        risk_factors.extend(id);
    }
    let mut reason_questions = Vec::new();
    let mut reason_first_seen: HashMap<String, (FileId, Position)> = HashMap::new();
    for (index, (file, r)) in raw_reasons.iter().enumerate() {
        let reason_id = ReasonId(index as u32);
        v.check_id(*file, &r.id, "reason");
        v.unique(&mut reason_first_seen, *file, &r.id, "reason");
        let mut ids = Vec::new();
        for q in &r.questions {
            let parts = QuestionParts {
                id: &q.id,
                text: &q.text,
                note: q.note.as_ref(),
                kind: Some(&q.kind),
            };
            let id = v.question(
                *file,
                parts,
                Part::Reason(reason_id),
                &mut questions,
                &mut question_index,
                &mut first_seen,
            );
            if let (Some(id), Some(c)) = (id, &q.ask_if) {
                pending_ask_if.push((id, *file, c, Scope::Reason(reason_id)));
            }
            ids.extend(id);
        }
        if r.questions.is_empty() {
            v.err(
                *file,
                r.id.pos,
                Code::NoQuestions,
                format!("reason `{}` has no questions", r.id.value),
            );
        }
        reason_questions.push(ids);
    }

    let resolver = Resolver {
        questions: &questions,
        index: &question_index,
    };
    let resolved_ask_if: Vec<_> = pending_ask_if
        .into_iter()
        .map(|(qid, file, cond, scope)| {
            let owner = questions[qid.index()].location.pos;
            (qid, v.condition(file, cond, owner, scope, &resolver))
        })
        .collect();
    for (qid, ask_if) in resolved_ask_if {
        questions[qid.index()].ask_if = ask_if;
    }
    let resolver = Resolver {
        questions: &questions,
        index: &question_index,
    };
    v.ask_if_cycles(&questions);

    let mut red_flags = Vec::new();
    let mut rule_first_seen: HashMap<String, (FileId, Position)> = HashMap::new();
    for (rf, qid) in raw.red_flags.iter().zip(red_flag_questions) {
        let outcome = v.outcome(gfile, &rf.outcome, rf.id.pos, &vocab, true);
        rule_first_seen.insert(rf.id.value.clone(), (gfile, rf.id.pos));
        if let (Some(question), Some(outcome)) = (qid, outcome) {
            red_flags.push(RedFlag {
                question,
                cannot_say_is_yes: rf.cannot_say_is_yes,
                outcome,
            });
        }
    }

    let shared_ids: Vec<&str> = raw
        .red_flags
        .iter()
        .map(|rf| rf.id.value.as_str())
        .chain(raw.risk_factors.iter().map(|q| q.id.value.as_str()))
        .collect();
    let mut reasons = Vec::new();
    for (index, ((file, r), questions_of_reason)) in
        raw_reasons.iter().zip(reason_questions).enumerate()
    {
        let file = *file;
        let scope = Scope::Reason(ReasonId(index as u32));
        let label = v.text(
            file,
            &r.label,
            r.id.pos,
            &format!("the label of reason `{}`", r.id.value),
        );
        let keywords = v.keywords(file, &r.keywords, r.id.pos, &r.id.value);
        let mut rules = Vec::new();
        for rule in &r.rules {
            v.check_id(file, &rule.id, "rule");
            if let Some((ffile, fpos)) = rule_first_seen.get(&rule.id.value).copied() {
                let first = v.place(ffile, fpos);
                v.err(
                    file,
                    rule.id.pos,
                    Code::DuplicateId,
                    format!(
                        "duplicate rule id `{}` (first defined at {first})",
                        rule.id.value
                    ),
                );
            } else {
                rule_first_seen.insert(rule.id.value.clone(), (file, rule.id.pos));
            }
            let description = v.text(
                file,
                &rule.description,
                rule.id.pos,
                &format!("the description of rule `{}`", rule.id.value),
            );
            let when = v.condition(file, &rule.when, rule.id.pos, scope, &resolver);
            let outcome = v.outcome(file, &rule.outcome, rule.id.pos, &vocab, false);
            if let (Some(when), Some(outcome)) = (when, outcome) {
                rules.push(Rule {
                    id: rule.id.value.clone(),
                    description,
                    when,
                    outcome,
                    location: Location {
                        file,
                        pos: rule.id.pos,
                    },
                });
            }
        }
        let fallback = match &r.fallback {
            Some(f) => v.outcome(file, f, r.id.pos, &vocab, false),
            None => {
                v.err(
                    file,
                    r.id.pos,
                    Code::NoFallback,
                    format!(
                        "reason `{}` has no fallback outcome for when no rule matches",
                        r.id.value
                    ),
                );
                None
            }
        };
        let allow = v.allow(file, r, &shared_ids);
        if let Some(fallback) = fallback {
            reasons.push(Reason {
                id: r.id.value.clone(),
                label,
                keywords,
                questions: questions_of_reason,
                rules,
                fallback,
                allow,
                location: Location {
                    file,
                    pos: r.id.pos,
                },
            });
        }
    }

    if !v.diags.is_empty() {
        return Err(crate::diagnostic::sorted(v.diags));
    }
    Ok(Guidance {
        meta,
        timeframes,
        modes,
        professionals,
        override_reasons,
        red_flags,
        risk_factors,
        reasons,
        provenance,
        question_index,
        ask_order: ask_order(&questions),
        questions,
    })
}

struct QuestionParts<'a> {
    id: &'a Str,
    text: &'a RawText,
    note: Option<&'a RawText>,
    /// `None` for red flags, which are always yes/no.
    kind: Option<&'a RawKind>,
}

/// A timeframe as outcomes need it: its id, kind and day range.
type TimeframeEntry = (TimeframeId, TimeframeKind, Option<(u32, u32)>);

struct Vocabulary {
    timeframes: HashMap<String, TimeframeEntry>,
    modes: HashMap<String, ModeId>,
    professionals: HashMap<String, ProfessionalId>,
}

impl Vocabulary {
    fn new(
        timeframes: &[Timeframe],
        modes: &[ContactMode],
        professionals: &[Professional],
    ) -> Self {
        Self {
            timeframes: timeframes
                .iter()
                .enumerate()
                .map(|(i, t)| (t.id.clone(), (TimeframeId(i as u32), t.kind, t.days)))
                .collect(),
            modes: modes
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id.clone(), ModeId(i as u32)))
                .collect(),
            professionals: professionals
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.clone(), ProfessionalId(i as u32)))
                .collect(),
        }
    }
}

struct Resolver<'a> {
    questions: &'a [Question],
    index: &'a HashMap<String, QuestionId>,
}

impl Validator {
    /// Each `allow` entry names a kind of finding and, if any, ids of this reason
    /// (docs/authoring.md). Returns the entries parsed, those with errors left out.
    fn allow(&mut self, file: FileId, r: &RawReason, shared: &[&str]) -> Vec<Allow> {
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
                    Kind::Shadowed | Kind::Overlap => (rules.contains(&id.as_str()), "rule"),
                    Kind::NeverWon => (
                        rules.contains(&id.as_str()) || *id == fallback,
                        "rule (or fallback)",
                    ),
                    Kind::Unreachable => (
                        rules.contains(&id.as_str()) || questions.contains(&id.as_str()),
                        "rule or question",
                    ),
                    Kind::NeverAsked => (questions.contains(&id.as_str()), "question"),
                    _ => (
                        questions.contains(&id.as_str()) || shared.contains(&id.as_str()),
                        "question (or risk factor or red flag)",
                    ),
                };
                if !known {
                    self.err(
                        file,
                        entry.pos,
                        Code::UnknownId,
                        format!(
                            "allow entry `{}`: reason `{}` has no {what} `{id}`",
                            entry.value, r.id.value
                        ),
                    );
                }
            }
            parsed.push(allow);
        }
        parsed
    }

    fn err(&mut self, file: FileId, pos: Position, code: Code, message: impl Into<String>) {
        let path = self.paths.get(file.index()).cloned().unwrap_or_default();
        self.diags.push(Diagnostic::new(path, pos, code, message));
    }

    fn place(&self, file: FileId, pos: Position) -> String {
        let path = self.paths.get(file.index()).cloned().unwrap_or_default();
        format!("{}:{pos}", path.display())
    }

    fn languages(&mut self, file: FileId, raw: &RawGuidance) -> Vec<Language> {
        let mut langs: Vec<Language> = Vec::new();
        for l in &raw.languages {
            if langs.contains(l) {
                self.err(
                    file,
                    raw.organisation.pos,
                    Code::Invalid,
                    format!("language `{l}` is declared twice"),
                );
            } else {
                langs.push(*l);
            }
        }
        if langs.is_empty() {
            self.err(
                file,
                raw.organisation.pos,
                Code::Invalid,
                "the guidance declares no languages (expected e.g. `languages: [fi, sv, en]`)",
            );
            langs.push(Language::Fi);
        }
        langs
    }

    fn date(&mut self, file: FileId, raw: &Str) -> chrono::NaiveDate {
        match chrono::NaiveDate::parse_from_str(&raw.value, "%Y-%m-%d") {
            Ok(d) => d,
            Err(_) => {
                self.err(
                    file,
                    raw.pos,
                    Code::Invalid,
                    format!("`{}` is not a date of the form YYYY-MM-DD", raw.value),
                );
                chrono::NaiveDate::default()
            }
        }
    }

    /// Ids are what scenarios, logs and diffs key on, so they are kept plain and stable.
    fn check_id(&mut self, file: FileId, id: &Str, what: &str) {
        let ok = !id.value.is_empty()
            && id.value.len() <= 64
            && id.value.starts_with(|c: char| c.is_ascii_lowercase())
            && id
                .value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !ok {
            self.err(file, id.pos, Code::InvalidId, format!("{what} id `{}` must start with a letter and use only a–z, 0–9 and _ (at most 64)", id.value));
        }
    }

    fn unique(
        &mut self,
        seen: &mut HashMap<String, (FileId, Position)>,
        file: FileId,
        id: &Str,
        what: &str,
    ) -> bool {
        if let Some((ffile, fpos)) = seen.get(&id.value).copied() {
            let first = self.place(ffile, fpos);
            self.err(
                file,
                id.pos,
                Code::DuplicateId,
                format!(
                    "duplicate {what} id `{}` (first defined at {first})",
                    id.value
                ),
            );
            false
        } else {
            seen.insert(id.value.clone(), (file, id.pos));
            true
        }
    }

    fn text(&mut self, file: FileId, raw: &RawText, owner: Position, what: &str) -> Text {
        let given = |l: Language| match l {
            Language::Fi => raw.fi.as_ref(),
            Language::Sv => raw.sv.as_ref(),
            Language::En => raw.en.as_ref(),
        };
        let anchor = [&raw.fi, &raw.sv, &raw.en]
            .into_iter()
            .flatten()
            .map(|s| s.pos)
            .min()
            .unwrap_or(owner);
        for &lang in &self.langs.clone() {
            match given(lang) {
                Some(s) if !s.value.trim().is_empty() => {}
                Some(s) => self.err(
                    file,
                    s.pos,
                    Code::MissingTranslation,
                    format!("{what} is empty in `{lang}`"),
                ),
                None => self.err(
                    file,
                    anchor,
                    Code::MissingTranslation,
                    format!("{what} has no `{lang}` translation"),
                ),
            }
        }
        let first = self.langs[0];
        let fallback = given(first).map(|s| s.value.clone()).unwrap_or_default();
        Text::from_fn(|l| {
            if self.langs.contains(&l) {
                given(l).map(|s| s.value.clone()).unwrap_or_default()
            } else {
                given(l)
                    .map(|s| s.value.clone())
                    .unwrap_or_else(|| fallback.clone())
            }
        })
    }

    fn keywords(
        &mut self,
        file: FileId,
        raw: &RawTextList,
        owner: Position,
        reason: &str,
    ) -> TextList {
        let lists = [&raw.fi, &raw.sv, &raw.en];
        let any = lists.iter().any(|l| l.is_some());
        let get = |lang: Language, v: &mut Validator| -> Vec<String> {
            let list = lists[Language::ALL.iter().position(|l| *l == lang).unwrap_or(0)];
            match list {
                Some(words) => words.iter().map(|w| w.value.clone()).collect(),
                None => {
                    if any && v.langs.contains(&lang) {
                        v.err(
                            file,
                            owner,
                            Code::MissingTranslation,
                            format!("the keywords of reason `{reason}` have no `{lang}` list"),
                        );
                    }
                    Vec::new()
                }
            }
        };
        let fi = get(Language::Fi, self);
        let sv = get(Language::Sv, self);
        let en = get(Language::En, self);
        TextList::new(fi, sv, en)
    }

    fn timeframes(&mut self, file: FileId, raw: &[RawTimeframe]) -> Vec<Timeframe> {
        let mut seen = HashMap::new();
        let mut out = Vec::new();
        for t in raw {
            self.check_id(file, &t.id, "timeframe");
            self.unique(&mut seen, file, &t.id, "timeframe");
            let label = self.text(
                file,
                &t.label,
                t.id.pos,
                &format!("the label of timeframe `{}`", t.id.value),
            );
            let kind = match t.kind {
                RawTimeframeKind::Emergency => TimeframeKind::Emergency,
                RawTimeframeKind::OnCall => TimeframeKind::OnCall,
                RawTimeframeKind::Scheduled => TimeframeKind::Scheduled,
                RawTimeframeKind::SelfCare => TimeframeKind::SelfCare,
            };
            match (kind, t.days) {
                (TimeframeKind::Scheduled, None) => self.err(file, t.id.pos, Code::Invalid, format!("scheduled timeframe `{}` needs `days: Some((min, max))`", t.id.value)),
                (TimeframeKind::Scheduled, Some((min, max))) if min > max => {
                    self.err(file, t.id.pos, Code::Invalid, format!("timeframe `{}` has days ({min}, {max}): the first must not exceed the second", t.id.value))
                }
                (TimeframeKind::Scheduled, Some((_, max))) if max > 366 => {
                    self.err(file, t.id.pos, Code::OutOfRange, format!("timeframe `{}` reaches {max} days; at most 366 are allowed", t.id.value))
                }
                (TimeframeKind::Scheduled, Some(_)) => {}
                (_, Some(_)) => self.err(file, t.id.pos, Code::Invalid, format!("timeframe `{}` is not Scheduled and so takes no `days`", t.id.value)),
                (_, None) => {}
            }
            out.push(Timeframe {
                id: t.id.value.clone(),
                label,
                kind,
                days: t.days,
                counting: DayCounting {
                    weekends: t.count_weekends,
                    holidays: t.count_holidays,
                },
                code: t.code.as_ref().map(|c| c.value.clone()),
            });
        }
        if out.is_empty() {
            self.err(
                file,
                Position { line: 1, col: 1 },
                Code::Invalid,
                "the guidance declares no timeframes",
            );
        }

        // Urgency is the order of the list, so the order must read from most to least urgent:
        // emergency, on-call, scheduled by their last day, self-care.
        let rank = |t: &Timeframe| -> (u8, u32) {
            match t.kind {
                TimeframeKind::Emergency => (0, 0),
                TimeframeKind::OnCall => (1, 0),
                TimeframeKind::Scheduled => (2, t.days.map_or(0, |d| d.1)),
                TimeframeKind::SelfCare => (3, 0),
            }
        };
        for (pair, raw_t) in out.windows(2).zip(raw.iter().skip(1)) {
            if rank(&pair[1]) < rank(&pair[0]) {
                self.err(
                    file,
                    raw_t.id.pos,
                    Code::Invalid,
                    format!(
                        "timeframe `{}` is more urgent than `{}` before it; list timeframes from most to least urgent (emergency, on-call, scheduled by their last day, self-care)",
                        pair[1].id, pair[0].id
                    ),
                );
            }
        }
        out
    }

    fn labelled_list<T>(
        &mut self,
        file: FileId,
        raw: &[T],
        parts: impl Fn(&T) -> (&Str, &RawText),
        what: &str,
    ) -> Vec<Labelled> {
        let mut seen = HashMap::new();
        raw.iter()
            .map(|item| {
                let (id, label) = parts(item);
                self.check_id(file, id, what);
                self.unique(&mut seen, file, id, what);
                Labelled {
                    id: id.value.clone(),
                    label: self.text(
                        file,
                        label,
                        id.pos,
                        &format!("the label of {what} `{}`", id.value),
                    ),
                }
            })
            .collect()
    }

    fn question(
        &mut self,
        file: FileId,
        raw: QuestionParts<'_>,
        part: Part,
        questions: &mut Vec<Question>,
        index: &mut HashMap<String, QuestionId>,
        seen: &mut HashMap<String, (FileId, Position)>,
    ) -> Option<QuestionId> {
        self.check_id(file, raw.id, "question");
        if !self.unique(seen, file, raw.id, "question") {
            return None;
        }
        let qname = &raw.id.value;
        let text = self.text(
            file,
            raw.text,
            raw.id.pos,
            &format!("the text of question `{qname}`"),
        );
        let note = raw.note.map(|n| {
            self.text(
                file,
                n,
                raw.id.pos,
                &format!("the note of question `{qname}`"),
            )
        });
        let kind = match raw.kind {
            None | Some(RawKind::YesNo) => QuestionKind::YesNo,
            Some(RawKind::OneOf(opts)) => QuestionKind::OneOf(self.options(file, raw.id, opts)),
            Some(RawKind::SeveralOf(opts)) => {
                QuestionKind::SeveralOf(self.options(file, raw.id, opts))
            }
            Some(RawKind::Number(n)) => {
                if !(n.min.is_finite() && n.max.is_finite() && n.min < n.max) {
                    self.err(file, raw.id.pos, Code::Invalid, format!("question `{qname}` needs a finite range with min below max (got {} to {})", n.min, n.max));
                }
                if n.decimals > 6 {
                    self.err(
                        file,
                        raw.id.pos,
                        Code::OutOfRange,
                        format!(
                            "question `{qname}` allows {} decimals; at most 6",
                            n.decimals
                        ),
                    );
                }
                QuestionKind::Number(NumberSpec {
                    unit: self.text(
                        file,
                        &n.unit,
                        raw.id.pos,
                        &format!("the unit of question `{qname}`"),
                    ),
                    min: n.min,
                    max: n.max,
                    decimals: n.decimals.min(6),
                })
            }
        };
        let id = QuestionId(questions.len() as u32);
        index.insert(qname.clone(), id);
        questions.push(Question {
            id: qname.clone(),
            text,
            note,
            kind,
            ask_if: None,
            part,
            location: Location {
                file,
                pos: raw.id.pos,
            },
        });
        Some(id)
    }

    fn options(&mut self, file: FileId, question: &Str, raw: &[RawLabelled]) -> Vec<Labelled> {
        if raw.len() < 2 {
            self.err(
                file,
                question.pos,
                Code::Invalid,
                format!("question `{}` needs at least two options", question.value),
            );
        }
        if raw.len() > MAX_OPTIONS {
            self.err(
                file,
                question.pos,
                Code::Invalid,
                format!(
                    "question `{}` has {} options; at most {MAX_OPTIONS}",
                    question.value,
                    raw.len()
                ),
            );
        }
        self.labelled_list(file, raw, |o| (&o.id, &o.label), "option")
    }

    fn outcome(
        &mut self,
        file: FileId,
        raw: &RawOutcome,
        owner: Position,
        vocab: &Vocabulary,
        red_flag: bool,
    ) -> Option<Outcome> {
        let mut ok = true;
        let timeframe = vocab.timeframes.get(&raw.timeframe.value).copied();
        if timeframe.is_none() {
            let known = sorted_keys(&vocab.timeframes);
            self.err(
                file,
                raw.timeframe.pos,
                Code::UnknownId,
                format!(
                    "unknown timeframe `{}` (known: {known})",
                    raw.timeframe.value
                ),
            );
            ok = false;
        }
        let mut modes = Vec::new();
        for m in &raw.modes {
            match vocab.modes.get(&m.value) {
                Some(id) => modes.push(*id),
                None => {
                    let known = sorted_keys(&vocab.modes);
                    self.err(
                        file,
                        m.pos,
                        Code::UnknownId,
                        format!("unknown contact mode `{}` (known: {known})", m.value),
                    );
                    ok = false;
                }
            }
        }
        let professional = match &raw.professional {
            Some(p) => match vocab.professionals.get(&p.value) {
                Some(id) => Some(*id),
                None => {
                    let known = sorted_keys(&vocab.professionals);
                    self.err(
                        file,
                        p.pos,
                        Code::UnknownId,
                        format!("unknown professional `{}` (known: {known})", p.value),
                    );
                    ok = false;
                    None
                }
            },
            None => None,
        };
        if let Some((_, kind, days)) = timeframe {
            if kind == TimeframeKind::Scheduled
                && (raw.modes.is_empty() || raw.professional.is_none())
            {
                self.err(file, raw.timeframe.pos, Code::Invalid, format!("an outcome with scheduled timeframe `{}` needs at least one contact mode and a professional", raw.timeframe.value));
                ok = false;
            }
            let same_day = days.is_some_and(|(_, max)| max == 0);
            if red_flag && !kind.leaves_flow() && !same_day {
                self.err(file, raw.timeframe.pos, Code::Invalid, format!("a red flag must lead to an emergency, on-call or same-day timeframe, not `{}`", raw.timeframe.value));
                ok = false;
            }
        }
        let advice = self.text(file, &raw.advice, owner, "the advice");
        let worsening = raw
            .worsening
            .as_ref()
            .map(|w| self.text(file, w, owner, "the worsening advice"));
        let (timeframe, _, _) = timeframe?;
        ok.then_some(Outcome {
            timeframe,
            modes,
            professional,
            advice,
            worsening,
            outside_care_guarantee: raw.outside_care_guarantee,
        })
    }

    fn condition(
        &mut self,
        file: FileId,
        raw: &RawCondition,
        owner: Position,
        scope: Scope,
        r: &Resolver<'_>,
    ) -> Option<Condition> {
        let list =
            |v: &mut Validator, items: &[RawCondition], name: &str| -> Option<Vec<Condition>> {
                if items.is_empty() {
                    v.err(
                        file,
                        first_pos(raw).unwrap_or(owner),
                        Code::Invalid,
                        format!("`{name}([])` has no conditions"),
                    );
                    return None;
                }
                let resolved: Vec<_> = items
                    .iter()
                    .map(|c| v.condition(file, c, owner, scope, r))
                    .collect();
                resolved.into_iter().collect()
            };
        match raw {
            RawCondition::All(items) => list(self, items, "All").map(Condition::All),
            RawCondition::Any(items) => list(self, items, "Any").map(Condition::Any),
            RawCondition::Not(inner) => self
                .condition(file, inner, owner, scope, r)
                .map(|c| Condition::Not(Box::new(c))),
            RawCondition::Yes(q) => self.atom(file, q, scope, r, AtomTest::YesNo(Test::Yes)),
            RawCondition::No(q) => self.atom(file, q, scope, r, AtomTest::YesNo(Test::No)),
            RawCondition::CannotSay(q) => {
                self.atom(file, q, scope, r, AtomTest::Any(Test::CannotSay))
            }
            RawCondition::Answered(q) => {
                self.atom(file, q, scope, r, AtomTest::Any(Test::Answered))
            }
            RawCondition::Is(q, opt) => self.atom(
                file,
                q,
                scope,
                r,
                AtomTest::Options(std::slice::from_ref(opt), true),
            ),
            RawCondition::AnyOf(q, opts) => {
                self.atom(file, q, scope, r, AtomTest::Options(opts, false))
            }
            RawCondition::Lt(q, x) => self.atom(
                file,
                q,
                scope,
                r,
                AtomTest::Number(Test::Cmp(CmpOp::Lt, *x)),
            ),
            RawCondition::Le(q, x) => self.atom(
                file,
                q,
                scope,
                r,
                AtomTest::Number(Test::Cmp(CmpOp::Le, *x)),
            ),
            RawCondition::Gt(q, x) => self.atom(
                file,
                q,
                scope,
                r,
                AtomTest::Number(Test::Cmp(CmpOp::Gt, *x)),
            ),
            RawCondition::Ge(q, x) => self.atom(
                file,
                q,
                scope,
                r,
                AtomTest::Number(Test::Cmp(CmpOp::Ge, *x)),
            ),
            RawCondition::Between(q, a, b) => {
                self.atom(file, q, scope, r, AtomTest::Number(Test::Between(*a, *b)))
            }
        }
    }

    fn atom(
        &mut self,
        file: FileId,
        q: &Str,
        scope: Scope,
        r: &Resolver<'_>,
        test: AtomTest<'_>,
    ) -> Option<Condition> {
        let Some(&qid) = r.index.get(&q.value) else {
            self.err(
                file,
                q.pos,
                Code::UnknownId,
                format!("unknown question `{}`", q.value),
            );
            return None;
        };
        let question = &r.questions[qid.index()];
        let in_scope = match (scope, question.part) {
            (_, Part::RedFlag | Part::RiskFactor) => true,
            (Scope::Reason(own), Part::Reason(of)) => own == of,
            (Scope::Shared, Part::Reason(_)) => false,
        };
        if !in_scope {
            self.err(file, q.pos, Code::UnknownId, format!("question `{}` belongs to another reason; a condition may name only its own reason's questions, the risk factors and the red flags", q.value));
            return None;
        }
        let kind_name = match &question.kind {
            QuestionKind::YesNo => "a yes/no question",
            QuestionKind::OneOf(_) => "a one-of question",
            QuestionKind::SeveralOf(_) => "a several-of question",
            QuestionKind::Number(_) => "a number question",
        };
        let location = Location { file, pos: q.pos };
        let test = match (test, &question.kind) {
            (AtomTest::Any(t), _) | (AtomTest::YesNo(t), QuestionKind::YesNo) => t,
            (
                AtomTest::Options(opts, single),
                QuestionKind::OneOf(known) | QuestionKind::SeveralOf(known),
            ) => {
                let mut mask = 0u64;
                let mut first = 0u8;
                for opt in opts {
                    match known.iter().position(|k| k.id == opt.value) {
                        Some(i) => {
                            if mask == 0 {
                                first = i as u8;
                            }
                            // Options past the limit are already reported; they cannot be in the set.
                            mask |= 1u64.checked_shl(i as u32).unwrap_or(0);
                        }
                        None => {
                            let names: Vec<_> = known.iter().map(|k| k.id.as_str()).collect();
                            self.err(
                                file,
                                opt.pos,
                                Code::UnknownId,
                                format!(
                                    "question `{}` has no option `{}` (options: {})",
                                    q.value,
                                    opt.value,
                                    names.join(", ")
                                ),
                            );
                            return None;
                        }
                    }
                }
                if mask == 0 {
                    self.err(
                        file,
                        q.pos,
                        Code::Invalid,
                        format!("`AnyOf(\"{}\", [])` names no options", q.value),
                    );
                    return None;
                }
                if single {
                    Test::Is(first)
                } else {
                    Test::AnyOf(mask)
                }
            }
            (AtomTest::Number(t), QuestionKind::Number(spec)) => {
                let values: &[f64] = match &t {
                    Test::Cmp(_, x) => &[*x],
                    Test::Between(a, b) => &[*a, *b],
                    _ => &[],
                };
                for &x in values {
                    if !x.is_finite() || x < spec.min || x > spec.max {
                        self.err(
                            file,
                            q.pos,
                            Code::OutOfRange,
                            format!(
                                "{x} is outside the range {}–{} of question `{}`",
                                spec.min, spec.max, q.value
                            ),
                        );
                        return None;
                    }
                }
                if let Test::Between(a, b) = t
                    && a > b
                {
                    self.err(
                        file,
                        q.pos,
                        Code::Invalid,
                        format!(
                            "`Between(\"{}\", {a}, {b})`: the lower bound is above the upper",
                            q.value
                        ),
                    );
                    return None;
                }
                t
            }
            (t, _) => {
                let wanted = match t {
                    AtomTest::YesNo(_) => "a yes/no answer",
                    AtomTest::Options(..) => "an option",
                    AtomTest::Number(_) => "a number",
                    AtomTest::Any(_) => "an answer",
                };
                self.err(
                    file,
                    q.pos,
                    Code::WrongKind,
                    format!(
                        "question `{}` is {kind_name} and cannot be compared with {wanted}",
                        q.value
                    ),
                );
                return None;
            }
        };
        Some(Condition::Atom(Atom {
            question: qid,
            test,
            location,
        }))
    }

    /// An `ask_if` that (through others) depends on its own question could never be asked.
    fn ask_if_cycles(&mut self, questions: &[Question]) {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Active,
            Done,
        }
        let mut marks = vec![Mark::New; questions.len()];
        let mut reported = vec![false; questions.len()];
        for start in 0..questions.len() {
            if marks[start] != Mark::New {
                continue;
            }
            // Iterative DFS: guidance depth must not become stack depth.
            let mut stack: Vec<(usize, Vec<usize>)> = vec![(start, deps(&questions[start]))];
            marks[start] = Mark::Active;
            while let Some((node, children)) = stack.last_mut() {
                let node = *node;
                match children.pop() {
                    Some(child) => match marks[child] {
                        Mark::New => {
                            marks[child] = Mark::Active;
                            let d = deps(&questions[child]);
                            stack.push((child, d));
                        }
                        Mark::Active => {
                            let at = stack.iter().position(|(n, _)| *n == child).unwrap_or(0);
                            let mut path: Vec<&str> = stack[at..]
                                .iter()
                                .map(|(n, _)| questions[*n].id.as_str())
                                .collect();
                            path.push(&questions[child].id);
                            if !reported[child] {
                                reported[child] = true;
                                let q = &questions[child];
                                self.err(
                                    q.location.file,
                                    q.location.pos,
                                    Code::Cycle,
                                    format!(
                                        "the ask_if conditions form a cycle: {}",
                                        path.join(" → ")
                                    ),
                                );
                            }
                        }
                        Mark::Done => {}
                    },
                    None => {
                        marks[node] = Mark::Done;
                        stack.pop();
                    }
                }
            }
        }
    }
}

enum AtomTest<'a> {
    YesNo(Test),
    Any(Test),
    Options(&'a [Str], bool),
    Number(Test),
}

fn deps(q: &Question) -> Vec<usize> {
    let mut out = Vec::new();
    if let Some(c) = &q.ask_if {
        visit_atoms(c, &mut |a| out.push(a.question.index()));
    }
    out.sort_unstable();
    out.dedup();
    out.reverse();
    out
}

fn first_pos(c: &RawCondition) -> Option<Position> {
    match c {
        RawCondition::All(items) | RawCondition::Any(items) => items.iter().find_map(first_pos),
        RawCondition::Not(inner) => first_pos(inner),
        RawCondition::Yes(q)
        | RawCondition::No(q)
        | RawCondition::CannotSay(q)
        | RawCondition::Answered(q)
        | RawCondition::Is(q, _)
        | RawCondition::AnyOf(q, _)
        | RawCondition::Lt(q, _)
        | RawCondition::Le(q, _)
        | RawCondition::Gt(q, _)
        | RawCondition::Ge(q, _)
        | RawCondition::Between(q, _, _) => Some(q.pos),
    }
}

fn sorted_keys<V>(map: &HashMap<String, V>) -> String {
    let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys.join(", ")
}
