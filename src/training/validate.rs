//! Training cases read and validated against a guidance like the guidance itself (every problem
//! with `path:line:col`), and the engine run on each case, so that a case can never silently
//! disagree with the guidance it trains.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::call::{AnswerError, Value};
use crate::diagnostic::{Arg, Code, Diagnostic, Message};
use crate::disposition::Resolved;
use crate::engine::{Decider, evaluate};
use crate::guidance::raw::{RawText, Str};
use crate::guidance::{Guidance, Part, QuestionId, ReasonId, TimeframeId};
use crate::i18n::Msg;
use crate::msg;
use crate::scenario::{AnswerMap, ron_files};
use crate::source::Position;
use crate::text::{Language, Text};

use super::case::{Expected, TrainingCase};
use super::format::{RawCaseExpect, RawTrainingCase, TRAINING_DIR, parse_case};
use super::practice::full_call;

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
    let raw = parse_case(file).map_err(|d| vec![d])?;
    validate_case(file, &raw, g)
}

const FILE_START: Position = Position { line: 1, col: 1 };

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
    let title = c.text(&raw.title, msg!(CaseTitle));
    let story = c.text(&raw.story, msg!(CaseStory));
    let opening = c.text(&raw.opening, msg!(CaseOpening));
    let teaching_points: Vec<Text> = raw
        .teaching_points
        .iter()
        .enumerate()
        .map(|(i, t)| c.text(t, msg!(CaseTeachingPoint, i + 1)))
        .collect();

    // Reasons and answers: the call. Without them the expectation cannot be checked.
    let before_call = c.diags.len();
    let reasons = c.reasons(&raw.reasons);
    let answers = c.answers(&raw.answers);
    let call_ok = c.diags.len() == before_call;

    let must_screen = match &raw.must_screen {
        // By default, every red flag the call has in scope.
        None => {
            let mut call = crate::call::Call::new(g);
            reasons.iter().for_each(|r| call.add_reason(*r));
            answers.iter().for_each(|(q, v)| call.set(*q, Some(*v)));
            crate::engine::evaluate(g, &call)
                .questions
                .into_iter()
                .filter(|q| g.question(*q).part == Part::RedFlag)
                .collect()
        }
        Some(list) => c.must_screen(list),
    };
    let ids_ok = c.expectation_ids(&raw.expect);

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
    if call_ok {
        c.run_engine(&raw.expect, &mut case, ids_ok);
    }
    if c.diags.is_empty() {
        Ok(case)
    } else {
        Err(crate::diagnostic::sorted(c.diags))
    }
}

struct Checker<'a> {
    file: &'a Path,
    g: &'a Guidance,
    diags: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn err(&mut self, pos: Position, code: Code, message: Message) {
        self.diags
            .push(Diagnostic::new(self.file, pos, code, message));
    }

    /// A text in every declared language; a language the guidance does not declare falls back
    /// to its first language, as in the guidance.
    fn text(&mut self, raw: &RawText, what: Message) -> Text {
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
                    msg!(TextEmptyIn, what.clone(), lang),
                ),
                None => self.err(
                    anchor,
                    Code::MissingTranslation,
                    msg!(TextNoTranslation, what.clone(), lang),
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

    /// The case's reasons for contact: each known, none twice.
    fn reasons(&mut self, raw: &[Str]) -> Vec<ReasonId> {
        let g = self.g;
        let mut reasons = Vec::new();
        for r in raw {
            match g.reason_by_id(&r.value) {
                Some(id) if reasons.contains(&id) => {
                    self.err(r.pos, Code::DuplicateId, msg!(CaseReasonTwice, r.value))
                }
                Some(id) => reasons.push(id),
                None => self.err(
                    r.pos,
                    Code::UnknownId,
                    msg!(
                        UnknownReasonKnown,
                        r.value,
                        Checker::known(g.reasons.iter().map(|r| r.id.as_str()))
                    ),
                ),
            }
        }
        reasons
    }

    /// The facts the caller reveals: known questions, each once, with answers of their kind.
    fn answers(&mut self, raw: &AnswerMap) -> Vec<(QuestionId, Value)> {
        let g = self.g;
        let mut answers: Vec<(QuestionId, Value)> = Vec::new();
        let mut seen = HashSet::new();
        for (q, answer) in &raw.0 {
            if !seen.insert(q.value.as_str()) {
                self.err(q.pos, Code::DuplicateId, msg!(AnsweredTwice, q.value));
                continue;
            }
            let Some(id) = g.question_by_id(&q.value) else {
                self.err(q.pos, Code::UnknownId, msg!(UnknownQuestion, q.value));
                continue;
            };
            match Value::resolve(g, id, answer) {
                Ok(v) => answers.push((id, v)),
                Err(e) => {
                    let code = match e {
                        AnswerError::OutOfRange { .. } => Code::OutOfRange,
                        _ => Code::WrongKind,
                    };
                    self.err(q.pos, code, e.message());
                }
            }
        }
        answers
    }

    /// The red flags to screen, as listed: red flags only, none twice.
    fn must_screen(&mut self, list: &[Str]) -> Vec<QuestionId> {
        let g = self.g;
        let mut out = Vec::new();
        for s in list {
            match g.question_by_id(&s.value) {
                Some(q) if g.question(q).part == Part::RedFlag => {
                    if out.contains(&q) {
                        self.err(s.pos, Code::DuplicateId, msg!(CaseRedFlagTwice, s.value));
                    } else {
                        out.push(q);
                    }
                }
                Some(_) => self.err(s.pos, Code::Invalid, msg!(CaseNotARedFlag, s.value)),
                None => self.err(
                    s.pos,
                    Code::UnknownId,
                    msg!(
                        CaseUnknownRedFlag,
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

    /// The expected outcome's ids are known: the timeframe, and the mode and professional where
    /// given. Whether the guidance gives that outcome is checked by [`Checker::run_engine`].
    fn expectation_ids(&mut self, e: &RawCaseExpect) -> bool {
        let g = self.g;
        let timeframe = self.known_id(
            &e.timeframe,
            g.timeframe_by_id(&e.timeframe.value),
            Msg::UnknownTimeframe,
            g.timeframes.iter().map(|t| t.id.as_str()),
        );
        let mode = e.mode.as_ref().is_none_or(|m| {
            self.known_id(
                m,
                g.mode_by_id(&m.value),
                Msg::UnknownContactMode,
                g.modes.iter().map(|m| m.id.as_str()),
            )
        });
        let professional = e.professional.as_ref().is_none_or(|p| {
            self.known_id(
                p,
                g.professional_by_id(&p.value),
                Msg::UnknownProfessional,
                g.professionals.iter().map(|p| p.id.as_str()),
            )
        });
        timeframe && mode && professional
    }

    /// `found` is some, or an "unknown …" error (`unknown`, with the id and the known ids) at
    /// `id`.
    fn known_id<'s, T>(
        &mut self,
        id: &Str,
        found: Option<T>,
        unknown: Msg,
        known: impl IntoIterator<Item = &'s str>,
    ) -> bool {
        if found.is_none() {
            let args = vec![
                Arg::Text(id.value.clone()),
                Arg::Text(Checker::known(known)),
            ];
            self.err(id.pos, Code::UnknownId, Message::new(unknown, args));
        }
        found.is_some()
    }

    /// Runs the engine on the case's full answers: what it gives becomes the case's
    /// expectation, and must agree with what the file expects (checked when its ids are known).
    fn run_engine(&mut self, e: &RawCaseExpect, case: &mut TrainingCase, ids_ok: bool) {
        let g = self.g;
        let evaluation = evaluate(g, &full_call(g, case));
        match evaluation.proposal {
            None => self.err(FILE_START, Code::Invalid, msg!(CaseNothingProposed)),
            Some(p) => {
                let o = p.outcome(g);
                let rule = p.winner.id(g);
                case.expect = Expected {
                    disposition: Resolved::of(o),
                    modes: o.modes.clone(),
                    decided_by: p.winner,
                };
                if ids_ok {
                    check_expectation(self, e, &case.expect, &rule);
                }
            }
        }
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
            msg!(CaseGivesTimeframe, tf, rule, e.timeframe.value),
        );
    }
    // `what`: the messages for "<field> `id`" and "no <field>".
    let mut field = |what: (Msg, Msg), expected: Option<&Str>, actual: Option<&str>| {
        let expected_id = expected.map(|s| s.value.as_str());
        if expected_id == actual {
            return;
        }
        let pos = expected.map_or(e.timeframe.pos, |s| s.pos);
        let gives = match actual {
            Some(a) => Message::new(what.0, vec![Arg::Text(a.to_owned())]),
            None => Message::new(what.1, Vec::new()),
        };
        let not = expected_id.map_or_else(
            || Arg::Message(msg!(CaseNone)),
            |x| Arg::Text(format!("`{x}`")),
        );
        c.err(pos, Code::Invalid, msg!(CaseGives, gives, rule, not));
    };
    field(
        (Msg::CaseGivesMode, Msg::CaseGivesNoMode),
        e.mode.as_ref(),
        actual.mode.map(|m| g.mode(m).id.as_str()),
    );
    field(
        (Msg::CaseGivesProfessional, Msg::CaseGivesNoProfessional),
        e.professional.as_ref(),
        actual.professional.map(|p| g.professional(p).id.as_str()),
    );
}
