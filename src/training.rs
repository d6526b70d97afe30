//! Trainer mode: practice cases, scoring and session summaries.
//!
//! A training case (`<guidance>/training/NN_name.ron`, one `TrainingCase(...)` per file) is a
//! caller's story with the facts the caller reveals when the trainee asks the right question,
//! the outcome the guidance gives and the teaching points. The loader validates a case against
//! a [`Guidance`] like the guidance itself (every problem with `path:line:col`) and runs the
//! engine on the case, so a case can never silently disagree with the guidance it trains.
//!
//! Scoring is a pure function of the guidance, the case and the trainee's [`PracticeRun`]; the
//! formula is documented on [`score`] and in docs/training.md. Nothing here knows the trainee's
//! name: a [`SessionSummary`] holds scores, times and findings only.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::call::{Call, Value};
use crate::diagnostic::{Code, Diagnostic};
use crate::disposition::{Disposition, Resolved};
use crate::engine::{Decider, evaluate};
use crate::guidance::load::{parse_ron, read_source};
use crate::guidance::raw::{RawText, Str};
use crate::guidance::{Guidance, ModeId, Part, QuestionId, ReasonId, TimeframeId};
use crate::scenario::{AnswerMap, ron_files};
use crate::source::Position;
use crate::text::{Language, Text};

/// The folder of training cases inside a guidance folder.
pub const TRAINING_DIR: &str = "training";

// ---------------------------------------------------------------------------------------------
// The file format

/// A training case as written in its file.
#[derive(Debug, Deserialize)]
#[serde(rename = "TrainingCase", deny_unknown_fields)]
pub struct RawTrainingCase {
    /// A short title that does not give the answer away.
    pub title: RawText,
    /// What the caller tells without being asked (hidden facts belong in `answers`).
    pub story: RawText,
    /// The caller's first sentence, shown when the practice call starts.
    pub opening: RawText,
    /// The reasons for contact the trainee should find.
    pub reasons: Vec<Str>,
    /// What the caller says when a question is asked.
    #[serde(default)]
    pub answers: AnswerMap,
    pub expect: RawCaseExpect,
    /// Red flags the trainee must ask about; all red flags when left out.
    #[serde(default)]
    pub must_screen: Option<Vec<Str>>,
    #[serde(default)]
    pub teaching_points: Vec<RawText>,
    #[serde(default)]
    pub difficulty: Option<Difficulty>,
}

/// The outcome the guidance must give for the case: the first contact mode and the
/// professional of the deciding outcome, or none where the outcome has none.
#[derive(Debug, Deserialize)]
#[serde(rename = "Expect", deny_unknown_fields)]
pub struct RawCaseExpect {
    pub timeframe: Str,
    #[serde(default)]
    pub mode: Option<Str>,
    #[serde(default)]
    pub professional: Option<Str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

// ---------------------------------------------------------------------------------------------
// The validated case

/// A validated training case: ids resolved against the guidance it was loaded with.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingCase {
    pub file: PathBuf,
    /// The file name without `.ron`, e.g. `03_uti_protocol`.
    pub id: String,
    pub title: Text,
    pub story: Text,
    pub opening: Text,
    pub reasons: Vec<ReasonId>,
    /// The facts the caller reveals, in file order.
    pub answers: Vec<(QuestionId, Value)>,
    pub expect: Expected,
    /// Red flags that count against the trainee when not asked.
    pub must_screen: Vec<QuestionId>,
    pub teaching_points: Vec<Text>,
    pub difficulty: Option<Difficulty>,
}

/// The outcome of a case: what the engine gives for the case's answers, equal to `expect`.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    /// The deciding outcome's timeframe, first contact mode and professional.
    pub disposition: Resolved,
    /// Every contact mode the deciding outcome lists (the disposition's first); any of them is
    /// accepted.
    pub modes: Vec<ModeId>,
    /// The red flag, rule or fallback that decides the case.
    pub decided_by: Decider,
}

impl TrainingCase {
    /// The fact the case lists for a question, if any.
    pub fn answer(&self, question: QuestionId) -> Option<Value> {
        self.answers
            .iter()
            .find(|(q, _)| *q == question)
            .map(|(_, v)| *v)
    }
}

/// The caller's answer when the trainee asks `question`: the fact the case lists; a red flag it
/// does not list is "no"; any other question the caller cannot answer ("cannot say").
pub fn reveal(g: &Guidance, case: &TrainingCase, question: QuestionId) -> Value {
    case.answer(question).unwrap_or_else(|| {
        if g.red_flag_of(question).is_some() {
            Value::No
        } else {
            Value::CannotSay
        }
    })
}

/// The call after every question the guidance asks has been asked: the case's full answers.
/// Questions that an answer brings into the flow (`ask_if`) are asked too.
pub fn full_call(g: &Guidance, case: &TrainingCase) -> Call {
    let mut call = Call::new(g);
    for &r in &case.reasons {
        call.add_reason(r);
    }
    loop {
        let evaluation = evaluate(g, &call);
        let mut changed = false;
        for q in evaluation.questions {
            if call.answer(q).is_none() {
                call.set(q, Some(reveal(g, case, q)));
                changed = true;
            }
        }
        if !changed {
            return call;
        }
    }
}

/// The run of a trainee who does everything right: the case's reasons, the questions in the
/// order the nurse flow asks them (stopping at once when the expected emergency or on-call
/// outcome is reached, as the flow does), and the proposal accepted. It scores 100; it is also
/// the order of a case's step replay.
pub fn model_run(g: &Guidance, case: &TrainingCase) -> PracticeRun {
    let mut run = PracticeRun {
        reasons: case.reasons.clone(),
        ..PracticeRun::default()
    };
    loop {
        if reached_expected_emergency(g, case, &run) {
            break;
        }
        match evaluate(g, &run.call(g)).next {
            Some(q) => {
                run.ask(g, case, q);
            }
            None => break,
        }
    }
    run.decision = Some(case.expect.disposition);
    run
}

// ---------------------------------------------------------------------------------------------
// Loading

/// Reads and validates every case in `<guidance_dir>/training/` (none is not an error): the
/// valid cases in file-name order, and every problem of the others, sorted.
pub fn load_training(guidance_dir: &Path, g: &Guidance) -> (Vec<TrainingCase>, Vec<Diagnostic>) {
    load_training_files(&ron_files(&guidance_dir.join(TRAINING_DIR)), g)
}

/// Reads and validates the given case files.
pub fn load_training_files(
    files: &[PathBuf],
    g: &Guidance,
) -> (Vec<TrainingCase>, Vec<Diagnostic>) {
    let mut cases = Vec::new();
    let mut diags = Vec::new();
    for file in files {
        match load_case(file, g) {
            Ok(c) => cases.push(c),
            Err(d) => diags.extend(d),
        }
    }
    (cases, crate::diagnostic::sorted(diags))
}

/// Reads and validates one case file.
pub fn load_case(file: &Path, g: &Guidance) -> Result<TrainingCase, Vec<Diagnostic>> {
    let src = read_source(file).map_err(|d| vec![d])?;
    let raw = parse_ron::<RawTrainingCase>(file, &src).map_err(|d| vec![d])?;
    validate_case(file, &raw, g)
}

const FILE_START: Position = Position { line: 1, col: 1 };

struct Checker<'a> {
    file: &'a Path,
    g: &'a Guidance,
    diags: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn err(&mut self, pos: Position, code: Code, message: impl Into<String>) {
        self.diags
            .push(Diagnostic::new(self.file, pos, code, message));
    }

    /// A text in every declared language; a language the guidance does not declare falls back
    /// to its first language, as in the guidance.
    fn text(&mut self, raw: &RawText, what: &str) -> Text {
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
            .unwrap_or(FILE_START);
        let langs = self.g.meta.languages.clone();
        for &lang in &langs {
            match given(lang) {
                Some(s) if !s.value.trim().is_empty() => {}
                Some(s) => self.err(
                    s.pos,
                    Code::MissingTranslation,
                    format!("{what} is empty in `{lang}`"),
                ),
                None => self.err(
                    anchor,
                    Code::MissingTranslation,
                    format!("{what} has no `{lang}` translation"),
                ),
            }
        }
        let fallback = langs
            .first()
            .and_then(|l| given(*l))
            .map(|s| s.value.clone())
            .unwrap_or_default();
        Text::from_fn(|l| {
            given(l)
                .map(|s| s.value.clone())
                .unwrap_or_else(|| fallback.clone())
        })
    }

    fn known<'s>(ids: impl IntoIterator<Item = &'s str>) -> String {
        ids.into_iter().collect::<Vec<_>>().join(", ")
    }
}

fn validate_case(
    file: &Path,
    raw: &RawTrainingCase,
    g: &Guidance,
) -> Result<TrainingCase, Vec<Diagnostic>> {
    let mut c = Checker {
        file,
        g,
        diags: Vec::new(),
    };
    let title = c.text(&raw.title, "the title");
    let story = c.text(&raw.story, "the story");
    let opening = c.text(&raw.opening, "the opening line");
    let teaching_points: Vec<Text> = raw
        .teaching_points
        .iter()
        .enumerate()
        .map(|(i, t)| c.text(t, &format!("teaching point {}", i + 1)))
        .collect();

    // Reasons and answers: the call. Without them the expectation cannot be checked.
    let before_call = c.diags.len();
    let mut reasons = Vec::new();
    for r in &raw.reasons {
        match g.reason_by_id(&r.value) {
            Some(id) if reasons.contains(&id) => c.err(
                r.pos,
                Code::DuplicateId,
                format!("reason `{}` is listed twice", r.value),
            ),
            Some(id) => reasons.push(id),
            None => c.err(
                r.pos,
                Code::UnknownId,
                format!(
                    "unknown reason `{}` (known: {})",
                    r.value,
                    Checker::known(g.reasons.iter().map(|r| r.id.as_str()))
                ),
            ),
        }
    }
    let mut answers: Vec<(QuestionId, Value)> = Vec::new();
    let mut seen = HashSet::new();
    for (q, answer) in &raw.answers.0 {
        if !seen.insert(q.value.as_str()) {
            c.err(
                q.pos,
                Code::DuplicateId,
                format!("question `{}` is answered twice", q.value),
            );
            continue;
        }
        let Some(id) = g.question_by_id(&q.value) else {
            c.err(
                q.pos,
                Code::UnknownId,
                format!("unknown question `{}`", q.value),
            );
            continue;
        };
        match Value::resolve(g, id, answer) {
            Ok(v) => answers.push((id, v)),
            Err(e) => {
                let code = match e {
                    crate::call::AnswerError::OutOfRange { .. } => Code::OutOfRange,
                    _ => Code::WrongKind,
                };
                c.err(q.pos, code, e.to_string());
            }
        }
    }
    let call_ok = c.diags.len() == before_call;

    // The red flags to screen.
    let must_screen = match &raw.must_screen {
        None => g.red_flags.iter().map(|rf| rf.question).collect(),
        Some(list) => {
            let mut out = Vec::new();
            for s in list {
                match g.question_by_id(&s.value) {
                    Some(q) if g.question(q).part == Part::RedFlag => {
                        if out.contains(&q) {
                            c.err(
                                s.pos,
                                Code::DuplicateId,
                                format!("red flag `{}` is listed twice", s.value),
                            );
                        } else {
                            out.push(q);
                        }
                    }
                    Some(_) => c.err(
                        s.pos,
                        Code::Invalid,
                        format!(
                            "`{}` is not a red flag; must_screen lists red flags only",
                            s.value
                        ),
                    ),
                    None => c.err(
                        s.pos,
                        Code::UnknownId,
                        format!(
                            "unknown red flag `{}` (red flags: {})",
                            s.value,
                            Checker::known(
                                g.red_flags
                                    .iter()
                                    .map(|rf| g.question(rf.question).id.as_str())
                            )
                        ),
                    ),
                }
            }
            out
        }
    };

    // The expected outcome, by id.
    let e = &raw.expect;
    let timeframe = g.timeframe_by_id(&e.timeframe.value);
    if timeframe.is_none() {
        c.err(
            e.timeframe.pos,
            Code::UnknownId,
            format!(
                "unknown timeframe `{}` (known: {})",
                e.timeframe.value,
                Checker::known(g.timeframes.iter().map(|t| t.id.as_str()))
            ),
        );
    }
    let mode = e.mode.as_ref().map(|m| {
        let id = g.mode_by_id(&m.value);
        if id.is_none() {
            c.err(
                m.pos,
                Code::UnknownId,
                format!(
                    "unknown contact mode `{}` (known: {})",
                    m.value,
                    Checker::known(g.modes.iter().map(|m| m.id.as_str()))
                ),
            );
        }
        id
    });
    let professional = e.professional.as_ref().map(|p| {
        let id = g.professional_by_id(&p.value);
        if id.is_none() {
            c.err(
                p.pos,
                Code::UnknownId,
                format!(
                    "unknown professional `{}` (known: {})",
                    p.value,
                    Checker::known(g.professionals.iter().map(|p| p.id.as_str()))
                ),
            );
        }
        id
    });

    let mut case = TrainingCase {
        file: file.to_path_buf(),
        id: file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        title,
        story,
        opening,
        reasons,
        answers,
        expect: Expected {
            disposition: Resolved {
                timeframe: TimeframeId(0),
                mode: None,
                professional: None,
            },
            modes: Vec::new(),
            decided_by: Decider::RedFlag(0),
        },
        must_screen,
        teaching_points,
        difficulty: raw.difficulty,
    };

    // The engine must agree with the expectation.
    let ids_ok = timeframe.is_some()
        && mode.is_none_or(|m| m.is_some())
        && professional.is_none_or(|p| p.is_some());
    if call_ok {
        let evaluation = evaluate(g, &full_call(g, &case));
        match evaluation.proposal {
            None => c.err(
                FILE_START,
                Code::Invalid,
                "the case gives no reason and hits no red flag, so nothing is proposed",
            ),
            Some(p) => {
                let o = p.outcome(g);
                let rule = p.winner.id(g);
                case.expect = Expected {
                    disposition: Resolved::of(o),
                    modes: o.modes.clone(),
                    decided_by: p.winner,
                };
                if ids_ok {
                    check_expectation(&mut c, e, &case.expect, &rule);
                }
            }
        }
    }
    if c.diags.is_empty() {
        Ok(case)
    } else {
        Err(crate::diagnostic::sorted(c.diags))
    }
}

/// One diagnostic per field where the file disagrees with what the engine gives.
fn check_expectation(c: &mut Checker<'_>, e: &RawCaseExpect, actual: &Expected, rule: &str) {
    let g = c.g;
    let actual = &actual.disposition;
    let tf = &g.timeframe(actual.timeframe).id;
    if *tf != e.timeframe.value {
        c.err(
            e.timeframe.pos,
            Code::Invalid,
            format!(
                "the guidance gives timeframe `{tf}` for this case (decided by `{rule}`), not `{}`",
                e.timeframe.value
            ),
        );
    }
    let mut field = |what: &str, expected: Option<&Str>, actual: Option<&str>| {
        let expected_id = expected.map(|s| s.value.as_str());
        if expected_id == actual {
            return;
        }
        let pos = expected.map_or(e.timeframe.pos, |s| s.pos);
        let gives = actual.map_or_else(|| format!("no {what}"), |a| format!("{what} `{a}`"));
        let not = expected_id.map_or_else(|| "none".to_owned(), |x| format!("`{x}`"));
        c.err(
            pos,
            Code::Invalid,
            format!("the guidance gives {gives} for this case (decided by `{rule}`), not {not}"),
        );
    };
    field(
        "contact mode",
        e.mode.as_ref(),
        actual.mode.map(|m| g.mode(m).id.as_str()),
    );
    field(
        "professional",
        e.professional.as_ref(),
        actual.professional.map(|p| g.professional(p).id.as_str()),
    );
}

// ---------------------------------------------------------------------------------------------
// Practice

/// What the trainee did in one practice call.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PracticeRun {
    /// The reasons the trainee added, in order.
    pub reasons: Vec<ReasonId>,
    /// The questions the trainee asked, in order, with the caller's answers.
    pub asked: Vec<(QuestionId, Value)>,
    /// The trainee's decision (the accepted proposal or an override); `None` when the trainee
    /// ended without deciding.
    pub decision: Option<Resolved>,
    /// Time used, from the opening line to the decision.
    pub seconds: u64,
}

impl PracticeRun {
    /// Asks the caller a question: the answer is revealed and recorded (once; asking again
    /// returns the same answer and keeps the first place in the order).
    pub fn ask(&mut self, g: &Guidance, case: &TrainingCase, question: QuestionId) -> Value {
        if let Some((_, v)) = self.asked.iter().find(|(q, _)| *q == question) {
            return *v;
        }
        let v = reveal(g, case, question);
        self.asked.push((question, v));
        v
    }

    pub fn has_asked(&self, question: QuestionId) -> bool {
        self.asked.iter().any(|(q, _)| *q == question)
    }

    pub fn add_reason(&mut self, r: ReasonId) {
        if !self.reasons.contains(&r) {
            self.reasons.push(r);
        }
    }

    /// The call as the trainee has it: their reasons and the answers they got.
    pub fn call(&self, g: &Guidance) -> Call {
        let mut call = Call::new(g);
        for &r in &self.reasons {
            call.add_reason(r);
        }
        for &(q, v) in &self.asked {
            call.set(q, Some(v));
        }
        call
    }
}

/// The trainee's own answers already give the case's emergency or on-call outcome: the flow
/// ends there.
fn reached_expected_emergency(g: &Guidance, case: &TrainingCase, run: &PracticeRun) -> bool {
    let expected = case.expect.disposition.timeframe;
    if !g.timeframe(expected).kind.leaves_flow() {
        return false;
    }
    evaluate(g, &run.call(g))
        .proposal
        .is_some_and(|p| p.outcome(g).timeframe == expected)
}

// ---------------------------------------------------------------------------------------------
// Scoring

/// Points for the timeframe when it is exactly the expected one.
pub const POINTS_TIMEFRAME: u32 = 40;
/// Points for a timeframe more urgent than expected (over-triage: safe, but it uses capacity).
pub const POINTS_TIMEFRAME_OVER: u32 = 20;
pub const POINTS_MODE: u32 = 20;
pub const POINTS_PROFESSIONAL: u32 = 20;
pub const POINTS_SCREENING: u32 = 20;
/// Deducted from the screening points per red flag of `must_screen` not asked.
pub const POINTS_PER_MISSED_FLAG: u32 = 5;

/// An id with its label (a red flag or question: its text; a rule: its description).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub id: String,
    pub label: Text,
}

/// The labels, in the guidance a case was scored on, of the timeframes, contact modes and
/// professionals its feedback names, so that a saved summary reads the same without that
/// guidance. A lookup by id, not an outcome: the outcomes are [`Feedback::expected`] and
/// [`Feedback::given`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labels {
    #[serde(default)]
    pub timeframes: BTreeMap<String, Text>,
    #[serde(default)]
    pub modes: BTreeMap<String, Text>,
    #[serde(default)]
    pub professionals: BTreeMap<String, Text>,
}

impl Labels {
    /// The labels of what `r` names in `g`.
    fn add(&mut self, g: &Guidance, r: Resolved) {
        let t = g.timeframe(r.timeframe);
        self.timeframes.insert(t.id.clone(), t.label.clone());
        if let Some(m) = r.mode.map(|m| g.mode(m)) {
            self.modes.insert(m.id.clone(), m.label.clone());
        }
        if let Some(p) = r.professional.map(|p| g.professional(p)) {
            self.professionals.insert(p.id.clone(), p.label.clone());
        }
    }

    /// The label of a timeframe in `lang`; the id itself when there is none.
    pub fn timeframe<'a>(&'a self, id: &'a str, lang: Language) -> &'a str {
        label(&self.timeframes, id, lang)
    }

    pub fn mode<'a>(&'a self, id: &'a str, lang: Language) -> &'a str {
        label(&self.modes, id, lang)
    }

    pub fn professional<'a>(&'a self, id: &'a str, lang: Language) -> &'a str {
        label(&self.professionals, id, lang)
    }

    /// `1–3 vrk / Käynti / Lääkäri`: a disposition by its labels, leaving out what is not set.
    pub fn outcome(&self, d: &Disposition, lang: Language) -> String {
        let mut parts = vec![self.timeframe(&d.timeframe, lang)];
        parts.extend(d.mode.as_deref().map(|m| self.mode(m, lang)));
        parts.extend(
            d.professional
                .as_deref()
                .map(|p| self.professional(p, lang)),
        );
        parts.join(" / ")
    }
}

fn label<'a>(labels: &'a BTreeMap<String, Text>, id: &'a str, lang: Language) -> &'a str {
    labels.get(id).map_or(id, |t| t.get(lang))
}

/// How the trainee's timeframe compares with the expected one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Triage {
    Correct,
    /// More urgent than expected.
    Over,
    /// Less urgent than expected.
    Under,
    /// The trainee did not decide.
    NoDecision,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub timeframe: u32,
    pub mode: u32,
    pub professional: u32,
    pub screening: u32,
    /// 0–100.
    pub total: u32,
}

/// The feedback on one practice call, side by side with the expected outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    /// The case id (file name without `.ron`).
    pub case: String,
    pub title: Text,
    pub expected: Disposition,
    /// The rule (or red flag, or fallback) that decides the case in the guidance.
    pub decided_by: Named,
    /// `None` when the trainee did not decide.
    pub given: Option<Disposition>,
    /// The labels of `expected` and `given`.
    pub labels: Labels,
    pub triage: Triage,
    pub timeframe_correct: bool,
    /// The expected mode or another mode the deciding outcome lists.
    pub mode_correct: bool,
    pub professional_correct: bool,
    /// The expected timeframe is an emergency or on-call one and the trainee's is less urgent
    /// (or missing): shown prominently.
    pub under_triaged_emergency: bool,
    pub reasons_missed: Vec<Named>,
    pub reasons_extra: Vec<Named>,
    /// Red flags of the case's `must_screen` that the trainee did not ask.
    pub red_flags_not_screened: Vec<Named>,
    /// Questions (other than red flags) the guidance asks for the case that the trainee did not.
    pub questions_skipped: Vec<Named>,
    pub seconds: u64,
    pub teaching_points: Vec<Text>,
    pub score: Score,
}

fn named_question(g: &Guidance, id: QuestionId) -> Named {
    let q = g.question(id);
    Named {
        id: q.id.clone(),
        label: q.text.clone(),
    }
}

fn named_reason(g: &Guidance, id: ReasonId) -> Named {
    let r = g.reason(id);
    Named {
        id: r.id.clone(),
        label: r.label.clone(),
    }
}

/// Scores a practice call. The formula (out of 100):
///
/// - **timeframe 40**: the expected timeframe 40; a more urgent one (over-triage) 20; a less
///   urgent one (under-triage) or no decision 0;
/// - **contact mode 20**: the expected mode or another mode the deciding outcome lists;
/// - **professional 20**: the expected professional (none where the outcome names none);
/// - **red-flag screening 20**: minus 5 for each red flag of `must_screen` not asked, at least 0.
///   Once the trainee's own answers give the case's emergency or on-call outcome, the flow
///   ends there: no further question is needed, and only red flags whose outcome is more
///   urgent still (a 112 flag in an on-call case) count as missed.
///
/// Under-triage of an emergency (an expected timeframe of kind `Emergency` or `OnCall`, and a
/// less urgent decision or none) scores 0 for timeframe, mode and professional alike, so at
/// most 20, and sets [`Feedback::under_triaged_emergency`].
pub fn score(g: &Guidance, case: &TrainingCase, run: &PracticeRun) -> Feedback {
    let modes = &case.expect.modes;
    let exp = &case.expect.disposition;
    let expected_kind = g.timeframe(exp.timeframe).kind;
    let decision = run.decision;
    let triage = match decision {
        None => Triage::NoDecision,
        Some(d) if d.timeframe == exp.timeframe => Triage::Correct,
        Some(d) if d.timeframe < exp.timeframe => Triage::Over,
        Some(_) => Triage::Under,
    };
    let under_triaged_emergency =
        expected_kind.leaves_flow() && matches!(triage, Triage::Under | Triage::NoDecision);
    let mode_correct = decision.is_some_and(|d| match d.mode {
        Some(m) => exp.mode.is_some() && modes.contains(&m),
        None => exp.mode.is_none(),
    });
    let professional_correct = decision.is_some_and(|d| d.professional == exp.professional);

    // What the trainee should have asked.
    let done = reached_expected_emergency(g, case, run);
    // Once the expected emergency or on-call outcome is reached, only a red flag that could
    // still have made the call more urgent (a 112 flag in an on-call case) counts as missed.
    let could_outrank = |q: QuestionId| {
        g.red_flag_of(q)
            .is_some_and(|rf| rf.outcome.timeframe < exp.timeframe)
    };
    let red_flags_not_screened: Vec<Named> = case
        .must_screen
        .iter()
        .filter(|q| !run.has_asked(**q) && (!done || could_outrank(**q)))
        .map(|q| named_question(g, *q))
        .collect();
    let questions_skipped: Vec<Named> = if done {
        Vec::new()
    } else {
        evaluate(g, &full_call(g, case))
            .questions
            .into_iter()
            .filter(|q| g.question(*q).part != Part::RedFlag && !run.has_asked(*q))
            .map(|q| named_question(g, q))
            .collect()
    };

    let points = |ok: bool, p: u32| if ok { p } else { 0 };
    let outcome_counts = !under_triaged_emergency;
    let missed = red_flags_not_screened.len() as u32;
    let score_parts = Score {
        timeframe: match triage {
            Triage::Correct => POINTS_TIMEFRAME,
            Triage::Over => POINTS_TIMEFRAME_OVER,
            Triage::Under | Triage::NoDecision => 0,
        },
        mode: points(outcome_counts && mode_correct, POINTS_MODE),
        professional: points(outcome_counts && professional_correct, POINTS_PROFESSIONAL),
        screening: POINTS_SCREENING.saturating_sub(missed * POINTS_PER_MISSED_FLAG),
        total: 0,
    };
    let score = Score {
        total: score_parts.timeframe
            + score_parts.mode
            + score_parts.professional
            + score_parts.screening,
        ..score_parts
    };

    let mut labels = Labels::default();
    labels.add(g, *exp);
    if let Some(d) = decision {
        labels.add(g, d);
    }
    let decided_by = &case.expect.decided_by;
    Feedback {
        case: case.id.clone(),
        title: case.title.clone(),
        expected: Disposition::from_ids(g, *exp),
        decided_by: Named {
            id: decided_by.id(g),
            label: decided_by.description(g).clone(),
        },
        given: decision.map(|d| Disposition::from_ids(g, d)),
        labels,
        triage,
        timeframe_correct: triage == Triage::Correct,
        mode_correct,
        professional_correct,
        under_triaged_emergency,
        reasons_missed: case
            .reasons
            .iter()
            .filter(|r| !run.reasons.contains(r))
            .map(|r| named_reason(g, *r))
            .collect(),
        reasons_extra: run
            .reasons
            .iter()
            .filter(|r| !case.reasons.contains(r))
            .map(|r| named_reason(g, *r))
            .collect(),
        red_flags_not_screened,
        questions_skipped,
        seconds: run.seconds,
        teaching_points: case.teaching_points.clone(),
        score,
    }
}

// ---------------------------------------------------------------------------------------------
// Session summary

/// Which guidance a session was practised on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidanceInfo {
    pub name: Text,
    pub version: String,
    pub hash: String,
}

/// The feedback of a practice session: scores, times and findings, without names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionSummary {
    pub guidance: GuidanceInfo,
    /// When the summary was made (the clock is passed in).
    pub at: Option<DateTime<FixedOffset>>,
    pub cases: Vec<Feedback>,
    /// The mean of the case scores, rounded; 0 without cases.
    pub average_score: u32,
    pub total_seconds: u64,
    pub under_triaged_emergencies: u32,
    pub red_flags_not_screened: u32,
}

impl SessionSummary {
    pub fn new(g: &Guidance, cases: Vec<Feedback>, at: Option<DateTime<FixedOffset>>) -> Self {
        let n = cases.len() as u32;
        let sum: u32 = cases.iter().map(|f| f.score.total).sum();
        Self {
            guidance: GuidanceInfo {
                name: g.meta.name.clone(),
                version: g.meta.version.clone(),
                hash: g.provenance.hash.clone(),
            },
            at,
            average_score: (sum + n / 2).checked_div(n).unwrap_or(0),
            total_seconds: cases.iter().map(|f| f.seconds).sum(),
            under_triaged_emergencies: cases.iter().filter(|f| f.under_triaged_emergency).count()
                as u32,
            red_flags_not_screened: cases
                .iter()
                .map(|f| f.red_flags_not_screened.len() as u32)
                .sum(),
            cases,
        }
    }

    pub fn to_ron(&self) -> String {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Saves the summary, readable by the user alone: JSON for a `.json` path, a plain-text
    /// report in English for `.txt`, RON otherwise.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let text = match extension(path).as_deref() {
            Some("json") => self.to_json(),
            Some("txt") => self.report(Language::En),
            _ => self.to_ron(),
        };
        write_private(path, &text)
    }

    /// Saves the plain-text report in a language, readable by the user alone.
    pub fn save_report(&self, path: &Path, lang: Language) -> std::io::Result<()> {
        write_private(path, &self.report(lang))
    }

    /// Reads a summary saved as RON, or as JSON for a `.json` path.
    pub fn load(path: &Path) -> std::io::Result<SessionSummary> {
        let text = std::fs::read_to_string(path)?;
        let invalid = |e: String| std::io::Error::new(std::io::ErrorKind::InvalidData, e);
        if extension(path).as_deref() == Some("json") {
            serde_json::from_str(&text).map_err(|e| invalid(e.to_string()))
        } else {
            ron::from_str(&text).map_err(|e| invalid(e.to_string()))
        }
    }

    /// The summary as plain text for printing or a projector.
    pub fn report(&self, lang: Language) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} — {} {}",
            word(lang, Word::Session),
            self.guidance.name.get(lang),
            self.guidance.version
        );
        if let Some(at) = self.at {
            let _ = writeln!(out, "{}", at.format("%Y-%m-%d %H:%M"));
        }
        let _ = writeln!(
            out,
            "{}: {}, {}: {}/100, {}: {}",
            word(lang, Word::Cases),
            self.cases.len(),
            word(lang, Word::AverageScore),
            self.average_score,
            word(lang, Word::Time),
            duration(self.total_seconds)
        );
        let _ = writeln!(
            out,
            "{}: {}",
            word(lang, Word::EmergenciesMissed),
            self.under_triaged_emergencies
        );
        let _ = writeln!(
            out,
            "{}: {}",
            word(lang, Word::RedFlagsNotAsked),
            self.red_flags_not_screened
        );
        for (i, f) in self.cases.iter().enumerate() {
            let _ = writeln!(out);
            let _ = write!(out, "{}. ", i + 1);
            out.push_str(&f.report(lang));
        }
        out
    }
}

impl Feedback {
    /// The feedback as plain text, side by side: expected, then the trainee's.
    pub fn report(&self, lang: Language) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} — {}/100 ({})",
            self.title.get(lang),
            self.score.total,
            duration(self.seconds)
        );
        if self.under_triaged_emergency {
            let _ = writeln!(
                out,
                "   !!! {} !!!",
                word(lang, Word::UnderTriagedEmergency)
            );
        }
        let _ = writeln!(
            out,
            "   {:<14} {}",
            format!("{}:", word(lang, Word::Expected)),
            self.labels.outcome(&self.expected, lang)
        );
        let given = self.given.as_ref().map_or_else(
            || word(lang, Word::NoDecision).to_owned(),
            |g| self.labels.outcome(g, lang),
        );
        let _ = writeln!(
            out,
            "   {:<14} {given}",
            format!("{}:", word(lang, Word::Yours))
        );
        let _ = writeln!(
            out,
            "   {}: {} — {}",
            word(lang, Word::DecidedBy),
            self.decided_by.id,
            self.decided_by.label.get(lang)
        );
        let mark = |ok: bool| if ok { "✓" } else { "✗" };
        let triage = match self.triage {
            Triage::Over => format!(" ({})", word(lang, Word::OverTriage)),
            Triage::Under => format!(" ({})", word(lang, Word::UnderTriage)),
            Triage::Correct | Triage::NoDecision => String::new(),
        };
        let _ = writeln!(
            out,
            "   {} {}{triage} {}/{POINTS_TIMEFRAME}, {} {} {}/{POINTS_MODE}, {} {} {}/{POINTS_PROFESSIONAL}, {} {}/{POINTS_SCREENING}",
            word(lang, Word::Timeframe),
            mark(self.timeframe_correct),
            self.score.timeframe,
            word(lang, Word::Mode),
            mark(self.mode_correct),
            self.score.mode,
            word(lang, Word::Professional),
            mark(self.professional_correct),
            self.score.professional,
            word(lang, Word::RedFlags),
            self.score.screening,
        );
        let mut list = |w: Word, items: &[Named]| {
            if !items.is_empty() {
                let _ = writeln!(out, "   {}:", word(lang, w));
                for n in items {
                    let _ = writeln!(out, "   - {} ({})", n.label.get(lang), n.id);
                }
            }
        };
        list(Word::ReasonsMissed, &self.reasons_missed);
        list(Word::ReasonsExtra, &self.reasons_extra);
        list(Word::RedFlagsNotAsked, &self.red_flags_not_screened);
        list(Word::QuestionsSkipped, &self.questions_skipped);
        if !self.teaching_points.is_empty() {
            let _ = writeln!(out, "   {}:", word(lang, Word::TeachingPoints));
            for t in &self.teaching_points {
                let _ = writeln!(out, "   - {}", t.get(lang));
            }
        }
        out
    }
}

/// `4 min 05 s`
fn duration(seconds: u64) -> String {
    format!("{} min {:02} s", seconds / 60, seconds % 60)
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    crate::storage::write_private(path, text.as_bytes())
}

/// The report's own words (kept here until they join `i18n`).
#[derive(Debug, Clone, Copy)]
enum Word {
    Session,
    Cases,
    AverageScore,
    Time,
    Expected,
    Yours,
    NoDecision,
    DecidedBy,
    UnderTriagedEmergency,
    EmergenciesMissed,
    UnderTriage,
    OverTriage,
    Timeframe,
    Mode,
    Professional,
    RedFlags,
    RedFlagsNotAsked,
    QuestionsSkipped,
    ReasonsMissed,
    ReasonsExtra,
    TeachingPoints,
}

fn word(lang: Language, w: Word) -> &'static str {
    use Language::{En, Fi, Sv};
    match (w, lang) {
        (Word::Session, Fi) => "Harjoitusistunto",
        (Word::Session, Sv) => "Övningspass",
        (Word::Session, En) => "Training session",
        (Word::Cases, Fi) => "Tapauksia",
        (Word::Cases, Sv) => "Fall",
        (Word::Cases, En) => "Cases",
        (Word::AverageScore, Fi) => "pisteiden keskiarvo",
        (Word::AverageScore, Sv) => "medelpoäng",
        (Word::AverageScore, En) => "average score",
        (Word::Time, Fi) => "aika",
        (Word::Time, Sv) => "tid",
        (Word::Time, En) => "time",
        (Word::Expected, Fi) => "Ohjeen mukaan",
        (Word::Expected, Sv) => "Enligt anvisningen",
        (Word::Expected, En) => "Expected",
        (Word::Yours, Fi) => "Oma arvio",
        (Word::Yours, Sv) => "Din bedömning",
        (Word::Yours, En) => "Yours",
        (Word::NoDecision, Fi) => "ei päätöstä",
        (Word::NoDecision, Sv) => "inget beslut",
        (Word::NoDecision, En) => "no decision",
        (Word::DecidedBy, Fi) => "Ratkaiseva sääntö",
        (Word::DecidedBy, Sv) => "Avgörande regel",
        (Word::DecidedBy, En) => "Decided by",
        (Word::UnderTriagedEmergency, Fi) => "KIIREELLINEN TILANNE ALIARVIOITU",
        (Word::UnderTriagedEmergency, Sv) => "BRÅDSKANDE LÄGE UNDERSKATTAT",
        (Word::UnderTriagedEmergency, En) => "EMERGENCY UNDER-TRIAGED",
        (Word::EmergenciesMissed, Fi) => "Aliarvioidut kiireelliset tilanteet",
        (Word::EmergenciesMissed, Sv) => "Underskattade brådskande lägen",
        (Word::EmergenciesMissed, En) => "Emergencies under-triaged",
        (Word::UnderTriage, Fi) => "liian kiireetön",
        (Word::UnderTriage, Sv) => "för låg brådska",
        (Word::UnderTriage, En) => "under-triage",
        (Word::OverTriage, Fi) => "liian kiireellinen",
        (Word::OverTriage, Sv) => "för hög brådska",
        (Word::OverTriage, En) => "over-triage",
        (Word::Timeframe, Fi) => "Kiireellisyys",
        (Word::Timeframe, Sv) => "Brådskegrad",
        (Word::Timeframe, En) => "Timeframe",
        (Word::Mode, Fi) => "yhteystapa",
        (Word::Mode, Sv) => "kontaktsätt",
        (Word::Mode, En) => "contact mode",
        (Word::Professional, Fi) => "ammattilainen",
        (Word::Professional, Sv) => "yrkesperson",
        (Word::Professional, En) => "professional",
        (Word::RedFlags, Fi) => "punaiset liput",
        (Word::RedFlags, Sv) => "röda flaggor",
        (Word::RedFlags, En) => "red flags",
        (Word::RedFlagsNotAsked, Fi) => "Kysymättä jääneet punaiset liput",
        (Word::RedFlagsNotAsked, Sv) => "Röda flaggor som inte frågades",
        (Word::RedFlagsNotAsked, En) => "Red flags not screened",
        (Word::QuestionsSkipped, Fi) => "Ohitetut kysymykset, joita ohje tarvitsi",
        (Word::QuestionsSkipped, Sv) => "Överhoppade frågor som anvisningen behövde",
        (Word::QuestionsSkipped, En) => "Questions skipped that the guidance needed",
        (Word::ReasonsMissed, Fi) => "Löytämättä jääneet yhteydenoton syyt",
        (Word::ReasonsMissed, Sv) => "Kontaktorsaker som inte hittades",
        (Word::ReasonsMissed, En) => "Reasons for contact not found",
        (Word::ReasonsExtra, Fi) => "Ylimääräiset yhteydenoton syyt",
        (Word::ReasonsExtra, Sv) => "Extra kontaktorsaker",
        (Word::ReasonsExtra, En) => "Extra reasons for contact",
        (Word::TeachingPoints, Fi) => "Opittavaa",
        (Word::TeachingPoints, Sv) => "Att lära sig",
        (Word::TeachingPoints, En) => "Teaching points",
    }
}
