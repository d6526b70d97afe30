//! Scenario files: a call's reasons and answers with the outcome the authors expect.
//!
//! Scenarios live in `<guidance>/scenarios/*.ron`, are run by `arvio test` and `cargo test`, and
//! are the rule authors' safety net: any change that alters an expected outcome fails loudly.
//! Red flags a scenario does not list count as answered "no"; other unlisted questions stay
//! unanswered, exactly as in a call where the nurse did not get to them.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::call::{Answer, Call, Value};
use crate::diagnostic::{Code, Diagnostic, Message};
use crate::disposition::Disposition;
use crate::effective::Effective;
use crate::engine::{Evaluation, evaluate};
use crate::guidance::Guidance;
use crate::guidance::load::{parse_ron, read_source};
use crate::guidance::raw::Str;
use crate::msg;
use crate::opening_hours::ServiceWindow;
use crate::quantity::Quantity;
use crate::source::Position;

pub const SCENARIOS_DIR: &str = "scenarios";

/// A scenario (or, without `expect`, an answers file for `arvio eval`).
#[derive(Debug, Deserialize)]
#[serde(rename = "Scenario", deny_unknown_fields)]
pub struct RawScenario {
    #[serde(default)]
    pub name: Option<Str>,
    /// RFC 3339 time of the assessment.
    #[serde(default)]
    pub at: Option<Str>,
    #[serde(default)]
    pub reasons: Vec<Str>,
    #[serde(default)]
    pub answers: AnswerMap,
    #[serde(default)]
    pub expect: Option<RawExpect>,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Expect", deny_unknown_fields)]
pub struct RawExpect {
    pub timeframe: Str,
    #[serde(default, deserialize_with = "written")]
    pub mode: Checked<Str>,
    #[serde(default, deserialize_with = "written")]
    pub professional: Checked<Str>,
    #[serde(default, deserialize_with = "written")]
    pub rule: Checked<Str>,
    /// Dates `("2026-11-24", "2026-11-26")` for a day window, times
    /// `("2026-11-23T10:00", "2026-11-23T12:00")` for an hour window or a service's hours.
    #[serde(default, deserialize_with = "written")]
    pub window: Checked<(Str, Str)>,
    /// The effective outcome's service id.
    #[serde(default, deserialize_with = "written")]
    pub service: Checked<Str>,
}

fn text(field: &Checked<Str>) -> Option<Option<&str>> {
    field.as_ref().map(|v| v.as_deref())
}

/// An expected field: left out (`None`) is not checked; written, it is checked, and a written
/// `None` expects that the outcome has none, as a reader of the scenario would take it.
pub type Checked<T> = Option<Option<T>>;

fn written<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Checked<T>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Answer")]
enum RawAnswer {
    Yes,
    No,
    CannotSay,
    Choice(Str),
    Choices(Vec<Str>),
    Number(f64),
    Age(Quantity),
    Duration(Quantity),
    Text(Str),
}

impl From<RawAnswer> for Answer {
    fn from(a: RawAnswer) -> Answer {
        match a {
            RawAnswer::Yes => Answer::Yes,
            RawAnswer::No => Answer::No,
            RawAnswer::CannotSay => Answer::CannotSay,
            RawAnswer::Choice(s) => Answer::Choice(s.value),
            RawAnswer::Choices(v) => Answer::Choices(v.into_iter().map(|s| s.value).collect()),
            RawAnswer::Number(x) => Answer::Number(x),
            RawAnswer::Age(q) => Answer::Age(q),
            RawAnswer::Duration(q) => Answer::Duration(q),
            RawAnswer::Text(t) => Answer::Text(t.value),
        }
    }
}

/// `{ "question": Answer, … }` kept in file order, duplicates included, so they can be reported.
#[derive(Debug, Default)]
pub struct AnswerMap(pub Vec<(Str, Answer)>);

impl<'de> Deserialize<'de> for AnswerMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = AnswerMap;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of question ids to answers")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnswerMap, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<Str, RawAnswer>()? {
                    out.push((k, v.into()));
                }
                Ok(AnswerMap(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// A scenario read from a file.
#[derive(Debug)]
pub struct Scenario {
    pub file: PathBuf,
    pub raw: RawScenario,
}

impl Scenario {
    pub fn name(&self) -> String {
        match &self.raw.name {
            Some(n) => n.value.clone(),
            None => self
                .file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }

    fn diag(&self, pos: Position, code: Code, message: Message) -> Diagnostic {
        Diagnostic::new(&self.file, pos, code, message)
    }

    /// The assessment time, or `default` when the file gives none.
    pub fn at(
        &self,
        default: Option<DateTime<FixedOffset>>,
    ) -> Result<DateTime<FixedOffset>, Diagnostic> {
        match (&self.raw.at, default) {
            (_, Some(d)) => Ok(d),
            (Some(at), None) => DateTime::parse_from_rfc3339(&at.value)
                .map_err(|_| self.diag(at.pos, Code::Invalid, msg!(ScenarioNotATime, at.value))),
            (None, None) => Err(self.diag(
                Position { line: 1, col: 1 },
                Code::MissingField,
                msg!(ScenarioNoTime),
            )),
        }
    }

    /// The call the scenario describes; unlisted red flags are answered "no".
    pub fn call(&self, g: &Guidance) -> Result<Call, Vec<Diagnostic>> {
        let mut call = Call::new(g);
        let mut diags = Vec::new();
        for r in &self.raw.reasons {
            match g.reason_by_id(&r.value) {
                Some(id) => call.add_reason(id),
                None => {
                    let known: Vec<_> = g.reasons.iter().map(|r| r.id.as_str()).collect();
                    diags.push(self.diag(
                        r.pos,
                        Code::UnknownId,
                        msg!(UnknownReasonKnown, r.value, known.join(", ")),
                    ));
                }
            }
        }
        // Every red flag, scoped or not: those out of the call's scope are not asked and their
        // answers are ignored.
        for rf in &g.red_flags {
            call.set(rf.question, Some(Value::No));
        }
        let mut seen = std::collections::HashSet::new();
        for (q, answer) in &self.raw.answers.0 {
            if !seen.insert(q.value.as_str()) {
                diags.push(self.diag(q.pos, Code::DuplicateId, msg!(AnsweredTwice, q.value)));
                continue;
            }
            let Some(id) = g.question_by_id(&q.value) else {
                diags.push(self.diag(q.pos, Code::UnknownId, msg!(UnknownQuestion, q.value)));
                continue;
            };
            match (Value::resolve(g, id, answer), answer) {
                (Ok(_), Answer::Text(words)) => call.set_text(id, words),
                (Ok(v), _) => call.set(id, Some(v)),
                (Err(e), _) => diags.push(self.diag(q.pos, Code::WrongKind, e.message())),
            }
        }
        if diags.is_empty() {
            Ok(call)
        } else {
            Err(diags)
        }
    }
}

/// Reads every scenario of a guidance folder (none is not an error here; `arvio test` says so).
pub fn load_scenarios(guidance_dir: &Path) -> (Vec<Scenario>, Vec<Diagnostic>) {
    load_scenario_files(&ron_files(&guidance_dir.join(SCENARIOS_DIR)))
}

pub fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

pub fn load_scenario_files(files: &[PathBuf]) -> (Vec<Scenario>, Vec<Diagnostic>) {
    let mut scenarios = Vec::new();
    let mut diags = Vec::new();
    for file in files {
        match load_scenario(file) {
            Ok(s) => scenarios.push(s),
            Err(d) => diags.push(d),
        }
    }
    (scenarios, diags)
}

pub fn load_scenario(file: &Path) -> Result<Scenario, Diagnostic> {
    let src = read_source(file)?;
    let raw = parse_ron::<RawScenario>(file, &src)?;
    Ok(Scenario {
        file: file.to_path_buf(),
        raw,
    })
}

/// What a scenario produced, by id: the effective outcome at the scenario's time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actual {
    #[serde(flatten)]
    pub disposition: Disposition,
    pub rule: String,
    /// Dates (`2026-11-24`) for a day window; times (`2026-11-23T10:00`) for an hour window or
    /// a service with opening hours.
    pub window: Option<(String, String)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
}

const MINUTES: &str = "%Y-%m-%dT%H:%M";

impl Actual {
    pub fn of(g: &Guidance, evaluation: &Evaluation, at: DateTime<FixedOffset>) -> Option<Actual> {
        let p = evaluation.proposal.as_ref()?;
        let e = Effective::of_proposal(g, p, at.naive_local());
        let timed = |w: &ServiceWindow| {
            let hours = g.timeframe(e.outcome.timeframe).hours.is_some();
            let service_hours = e.service(g).is_some_and(|s| !s.hours.is_always());
            if hours || service_hours {
                let t = |x: NaiveDateTime| x.format(MINUTES).to_string();
                (t(w.earliest), t(w.latest))
            } else {
                (w.earliest.date().to_string(), w.last_day().to_string())
            }
        };
        Some(Actual {
            disposition: e.disposition(g),
            rule: p.winner.id(g),
            window: e.window.as_ref().map(timed),
            service: e.service(g).map(|s| s.id.clone()),
        })
    }
}

/// A written window bound as the actual one is shown: times to the minute, dates as they are.
fn normalise_bound(text: &str) -> String {
    ["%Y-%m-%dT%H:%M:%S", MINUTES, "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .map_or_else(|| text.to_owned(), |t| t.format(MINUTES).to_string())
}

impl fmt::Display for Actual {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (rule {})", self.disposition, self.rule)?;
        if let Some(s) = &self.service {
            write!(f, " at {s}")?;
        }
        if let Some((a, b)) = &self.window {
            write!(f, " {a}..{b}")?;
        }
        Ok(())
    }
}

/// One field where a scenario's outcome differs from its expectation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mismatch {
    pub field: &'static str,
    pub expected: String,
    pub actual: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScenarioResult {
    pub name: String,
    pub file: PathBuf,
    pub actual: Option<Actual>,
    pub mismatches: Vec<Mismatch>,
    /// Problems that kept the scenario from running (unknown ids, bad values).
    pub errors: Vec<Diagnostic>,
}

impl ScenarioResult {
    pub fn passed(&self) -> bool {
        self.errors.is_empty() && self.mismatches.is_empty()
    }
}

/// Runs one scenario against a guidance.
pub fn run_scenario(g: &Guidance, s: &Scenario) -> ScenarioResult {
    let mut result = ScenarioResult {
        name: s.name(),
        file: s.file.clone(),
        actual: None,
        mismatches: Vec::new(),
        errors: Vec::new(),
    };
    let Some(expect) = &s.raw.expect else {
        result.errors.push(s.diag(
            Position { line: 1, col: 1 },
            Code::MissingField,
            msg!(ScenarioNoExpect),
        ));
        return result;
    };
    let at = s.at(None);
    let call = s.call(g);
    let (at, call) = match (at, call) {
        (Ok(at), Ok(call)) => (at, call),
        (at, call) => {
            result.errors.extend(at.err());
            result.errors.extend(call.err().unwrap_or_default());
            return result;
        }
    };
    let evaluation = evaluate(g, &call);
    let Some(actual) = Actual::of(g, &evaluation, at) else {
        result.errors.push(s.diag(
            Position { line: 1, col: 1 },
            Code::Invalid,
            msg!(ScenarioNothingProposed),
        ));
        return result;
    };
    let mut check = |field: &'static str, expected: Option<Option<&str>>, actual: Option<&str>| {
        if let Some(e) = expected
            && e != actual
        {
            result.mismatches.push(Mismatch {
                field,
                expected: e.unwrap_or("none").to_owned(),
                actual: actual.unwrap_or("none").to_owned(),
            });
        }
    };
    check(
        "timeframe",
        Some(Some(&expect.timeframe.value)),
        Some(&actual.disposition.timeframe),
    );
    check(
        "mode",
        text(&expect.mode),
        actual.disposition.mode.as_deref(),
    );
    check(
        "professional",
        text(&expect.professional),
        actual.disposition.professional.as_deref(),
    );
    check("rule", text(&expect.rule), Some(&actual.rule));
    check("service", text(&expect.service), actual.service.as_deref());
    let window = actual.window.as_ref().map(|(x, y)| format!("{x}..{y}"));
    let expected_window = expect.window.as_ref().map(|w| {
        w.as_ref().map(|(a, b)| {
            format!(
                "{}..{}",
                normalise_bound(&a.value),
                normalise_bound(&b.value)
            )
        })
    });
    check(
        "window",
        expected_window.as_ref().map(Option::as_deref),
        window.as_deref(),
    );
    result.actual = Some(actual);
    result
}

/// A scenario as written by "save as scenario": the call and its current outcome as expected.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename = "Scenario")]
pub struct ScenarioFile {
    pub name: String,
    pub at: String,
    pub reasons: Vec<String>,
    pub answers: std::collections::BTreeMap<String, Answer>,
    pub expect: ExpectFile,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename = "Expect")]
pub struct ExpectFile {
    pub timeframe: String,
    pub mode: Option<String>,
    pub professional: Option<String>,
    pub rule: Option<String>,
    pub window: Option<(String, String)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
}

impl ScenarioFile {
    /// The call as a scenario whose expectation is what the guidance proposes now.
    pub fn of(g: &Guidance, name: &str, call: &Call, at: DateTime<FixedOffset>) -> Option<Self> {
        let evaluation = evaluate(g, call);
        let actual = Actual::of(g, &evaluation, at)?;
        Some(Self {
            name: name.to_owned(),
            at: at.to_rfc3339(),
            reasons: call
                .reasons
                .iter()
                .map(|r| g.reason(*r).id.clone())
                .collect(),
            answers: call
                .answered()
                .filter_map(|(q, _)| Some((g.question(q).id.clone(), call.answer_of(g, q)?)))
                .collect(),
            expect: ExpectFile {
                timeframe: actual.disposition.timeframe,
                mode: actual.disposition.mode,
                professional: actual.disposition.professional,
                rule: Some(actual.rule),
                window: actual.window,
                service: actual.service,
            },
        })
    }

    /// Writes the scenario into `<guidance>/scenarios/`, numbered after the existing ones.
    pub fn write_into(&self, guidance_dir: &Path) -> std::io::Result<PathBuf> {
        let dir = guidance_dir.join(SCENARIOS_DIR);
        crate::storage::create_shared_dir(&dir)?;
        let next = ron_files(&dir)
            .iter()
            .filter_map(|p| {
                p.file_name()?
                    .to_str()?
                    .split('_')
                    .next()?
                    .parse::<u32>()
                    .ok()
            })
            .max()
            .map_or(1, |n| n + 1);
        let slug: String = crate::search::fold(&self.name)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect::<String>()
            .split('_')
            .filter(|s| !s.is_empty())
            .take(6)
            .collect::<Vec<_>>()
            .join("_");
        let path = dir.join(format!(
            "{next:03}_{}.ron",
            if slug.is_empty() { "scenario" } else { &slug }
        ));
        let pretty = ron::ser::PrettyConfig::default().struct_names(true);
        let text = ron::ser::to_string_pretty(self, pretty).map_err(std::io::Error::other)?;
        crate::storage::write_new(&path, (text + "\n").as_bytes())?;
        Ok(path)
    }
}
