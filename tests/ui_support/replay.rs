//! The nurse's replay of the shipped scenarios by keyboard (issue 14, item 11): each scenario
//! played as a call in the real app, key by key, as a nurse would, and what it took counted.
//! Shared by `tests/ui_key_count.rs` and `benches/keys.rs` (included there by `#[path]`).
//!
//! The nurse reads the app's state (where the keyboard is, the questions asked, the hits of the
//! search) and never writes it: every key goes through the harness. Counted as keys: every key
//! press and chord (Enter, Tab, the caller's key, answer keys, digits, unit letters, F5,
//! Ctrl+Enter); as search typing, the letters typed into the reason search (the first of which
//! starts the call on the screen without one); as questions asked, "who called" and the
//! questions answered in the call at the end (each red flag "none of these" denied counts as
//! one).
#![allow(dead_code)]

use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;
use std::sync::Arc;

use arvio::call::{Call, Value};
use arvio::disposition::Disposition;
use arvio::guidance::{Guidance, Part, QuestionId, QuestionKind, ReasonId};
use arvio::quantity::Unit;
use arvio::scenario::Scenario;
use arvio::search::{Hit, ReasonIndex};
use arvio::text::Language;
use arvio::ui::keys::answer::{OPTION_KEYS, answer_keys};
use arvio::ui::nurse::quantity::unit_key;
use arvio::ui::nurse::{CallView, Focus, HITS_SHOWN};
use chrono::{DateTime, FixedOffset};
use egui::{Key, Modifiers};

use crate::ui_support::{App, MONDAY_9, app_with_clock, at, settings};

/// The guidance replayed, as the tests and benches run (from the package's folder).
pub const GUIDANCE: &str = "rules/default";

/// The interface language the nurse types in (its answer and unit keys).
const LANG: Language = Language::Fi;

/// Under this age the caller is taken to be a parent (2 on the caller's card); otherwise the
/// client (1).
const PARENT_UNDER_YEARS: f64 = 18.0;

/// Where a call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// The emergency or on-call screen took over (the call left the flow).
    Emergency,
    /// Decided in the flow: a scheduled contact or self-care (non-urgent).
    InFlow,
}

/// What one call took.
#[derive(Debug, Clone)]
pub struct Count {
    pub file: String,
    pub reasons: usize,
    pub class: Class,
    pub timeframe: String,
    pub keys: usize,
    pub search: usize,
    /// Of the keys, the characters of typed answers (an age's, a number's or a duration's
    /// digits and decimal comma; not the unit's key or Enter).
    pub digits: usize,
    pub asked: usize,
    /// Asked questions the scenario leaves unanswered, answered "cannot say" (the app decides
    /// only once every question asked has an answer).
    pub unlisted: usize,
    /// Tabs pressed because no question had the keyboard when one was left to answer.
    pub extra_tabs: usize,
    /// Keys and questions answered by what they went to: a kind of question, or "call" for the
    /// call's own keys (Enter on a reason, Tab into the flow, F5, Ctrl+Enter).
    pub spent: BTreeMap<&'static str, (usize, usize)>,
}

impl Count {
    /// The bound of issue 14 for a non-urgent one-reason call.
    pub fn bound(&self) -> usize {
        self.asked + 3
    }

    pub fn bounded(&self) -> bool {
        self.class == Class::InFlow && self.reasons == 1
    }
}

/// A scenario replayed, or left out with why.
#[derive(Debug, Clone)]
pub enum Replay {
    Counted(Count),
    Skipped {
        file: String,
        why: String,
    },
    /// The app kept the keys from giving the scenario's answers (a finding about the app).
    Blocked {
        file: String,
        why: String,
    },
}

/// The nurse at the app, with the keys pressed in the call so far.
pub struct Nurse {
    pub h: App,
    clock: Rc<Cell<DateTime<FixedOffset>>>,
    /// The search letters that bring each reason to the top of the hits (the index does not
    /// change within a guidance, so they are worked out once).
    words: HashMap<ReasonId, (String, usize)>,
    keys: usize,
    search: usize,
    digits: usize,
    unlisted: usize,
    extra_tabs: usize,
    /// 1 once "who called" was chosen on its card.
    caller_asked: usize,
    /// The scenario's patient is a child (a parent calls).
    child: bool,
    /// Keys spent on questions, by kind: (keys, questions).
    spent: BTreeMap<&'static str, (usize, usize)>,
}

impl Default for Nurse {
    fn default() -> Self {
        Self::new()
    }
}

impl Nurse {
    /// The app on the shipped guidance, at a window size of a health station's screen.
    pub fn new() -> Self {
        let clock = Rc::new(Cell::new(at(MONDAY_9)));
        let now = clock.clone();
        let h = app_with_clock(
            settings(),
            GUIDANCE.into(),
            egui::vec2(1280.0, 800.0),
            Box::new(move || now.get()),
        );
        assert!(
            h.state().state.guidance.current.is_some(),
            "the shipped guidance loads"
        );
        Self {
            h,
            clock,
            words: HashMap::new(),
            keys: 0,
            search: 0,
            digits: 0,
            unlisted: 0,
            extra_tabs: 0,
            caller_asked: 0,
            child: false,
            spent: BTreeMap::new(),
        }
    }

    pub fn guidance(&self) -> Arc<Guidance> {
        self.h
            .state()
            .state
            .guidance
            .current
            .clone()
            .expect("a guidance")
    }

    fn call(&self) -> &CallView {
        self.h.state().state.call.as_ref().expect("a call")
    }

    fn key(&mut self, key: Key) {
        self.chord(Modifiers::NONE, key);
    }

    fn chord(&mut self, modifiers: Modifiers, key: Key) {
        self.h.key_press_modifiers(modifiers, key);
        self.h.run();
        self.keys += 1;
    }

    /// One character as a keyboard sends it: its key (when it has one) and its text.
    fn type_char(&mut self, ch: char) {
        if let Some(key) = Key::from_name(&ch.to_uppercase().to_string()) {
            self.h.key_press(key);
        }
        self.h.event(egui::Event::Text(ch.to_string()));
        self.h.run();
    }

    /// Characters typed into an answer, each a key.
    fn type_keys(&mut self, text: &str) {
        for ch in text.chars() {
            self.type_char(ch);
            self.keys += 1;
        }
    }

    /// Replays one scenario as a call: `Err` when the app did not do what the keys ask (a
    /// defect), a skip when the scenario cannot be played faithfully.
    pub fn replay(&mut self, s: &Scenario) -> Result<Replay, String> {
        let file = s
            .file
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let g = self.guidance();
        let target = s
            .call(&g)
            .map_err(|d| format!("{file}: the scenario does not load: {d:?}"))?;
        if let Some(why) = undrivable(&g, &target) {
            return Ok(Replay::Skipped { file, why });
        }
        let at = s.at(None).map_err(|d| format!("{file}: {d:?}"))?;
        self.clock.set(at);
        self.start_call();
        self.child = child(&g, &target);
        for &r in &target.reasons {
            self.add_reason(r).map_err(|e| format!("{file}: {e}"))?;
        }
        // Into the flow: the keyboard to the first question.
        self.key(Key::Tab);
        if let Some(why) = self
            .answer_all(&g, &target)
            .map_err(|e| format!("{file}: {e}"))?
        {
            return Ok(Replay::Blocked { file, why });
        }
        self.decide(&g, &target)
            .map_err(|e| format!("{file}: {e}"))?;
        let c = self.call();
        // "Who called" is asked on its card, the first of the basics.
        let asked = c
            .assessment
            .call
            .answered()
            .filter(|(q, _)| c.evaluation.is_asked(*q))
            .count()
            + self.caller_asked;
        let decision = c.assessment.decision.as_ref().expect("decided");
        let d = Disposition::from_ids(&g, decision.disposition);
        let kind = g.timeframe(decision.disposition.timeframe).kind;
        let count = Count {
            file: file.clone(),
            reasons: target.reasons.len(),
            class: if kind.leaves_flow() {
                Class::Emergency
            } else {
                Class::InFlow
            },
            timeframe: d.timeframe.clone(),
            keys: self.keys,
            search: self.search,
            digits: self.digits,
            asked,
            unlisted: self.unlisted,
            extra_tabs: self.extra_tabs,
            spent: self.spent(),
        };
        // The rule is checked only for a call decided in the flow: the emergency screen takes
        // over at the first answer that leaves it, which may be an earlier rule of the same
        // urgency than the scenario's (whose later answers no nurse gets to ask).
        let check_rule = count.class == Class::InFlow;
        if let Some(wrong) = mismatch(s, &g, c, &d, check_rule) {
            let unasked: Vec<&str> = target
                .answered()
                .filter(|(q, v)| {
                    !c.evaluation.is_asked(*q)
                        && (g.question(*q).part != Part::RedFlag || *v != Value::No)
                })
                .map(|(q, _)| g.question(q).id.as_str())
                .collect();
            let why = if !unasked.is_empty() {
                format!(
                    "answers {unasked:?}, which this call does not ask (no key reaches them); \
                     without them: {wrong}"
                )
            } else if self.unlisted > 0 {
                format!(
                    "a call cut short: leaves {} asked question(s) unanswered, and the app \
                     decides only once each has an answer; \"cannot say\" for them gives {wrong}",
                    self.unlisted
                )
            } else {
                return Err(format!("{file}: the accepted outcome differs: {wrong}"));
            };
            return Ok(Replay::Skipped { file, why });
        }
        self.answers_match(&g, &target)
            .map_err(|e| format!("{file}: {e}"))?;
        // The call finished into the (absent) log: not a key of this call.
        self.h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
        self.h.run();
        Ok(Replay::Counted(count))
    }

    /// No call on screen, the counts cleared: the first search letter typed starts the call. A
    /// call a failed replay left is discarded (Ctrl+N twice, not counted) and the fresh call it
    /// opens is used.
    fn start_call(&mut self) {
        if self.h.state().state.call.is_some() {
            self.h.key_press_modifiers(Modifiers::COMMAND, Key::N);
            self.h.run();
            if self.h.state().state.confirm_new_call {
                self.h.key_press_modifiers(Modifiers::COMMAND, Key::N);
                self.h.run();
            }
        }
        (self.keys, self.search, self.unlisted, self.extra_tabs) = (0, 0, 0, 0);
        (self.caller_asked, self.digits) = (0, 0);
        self.spent.clear();
        assert!(
            (self.h.state().state.call.as_ref()).is_none_or(|c| !c.has_content()),
            "no call, or an empty one"
        );
    }

    /// The reason found in the search and added with Enter: the shortest of its Finnish
    /// keywords or label words that brings it to the top of the hits (or, when none does, the
    /// word that lists it highest and ↓ to it).
    fn add_reason(&mut self, r: ReasonId) -> Result<(), String> {
        let (word, down) = match self.words.get(&r) {
            Some(w) => w.clone(),
            None => {
                let g = self.guidance();
                let index = ReasonIndex::new(&g);
                let w = search_word(&g, &index, r).ok_or_else(|| {
                    format!(
                        "no word of reason {} finds it",
                        self.guidance().reason(r).id
                    )
                })?;
                self.words.insert(r, w.clone());
                w
            }
        };
        for ch in word.chars() {
            self.type_char(ch);
            self.search += 1;
        }
        if self.h.state().state.call.is_none() {
            return Err(format!("typing \"{word}\" started no call"));
        }
        for _ in 0..down {
            self.key(Key::ArrowDown);
        }
        let hits = self.h.state().state.search_results();
        let c = self.call();
        if hits.get(c.highlight) != Some(&Hit::Reason(r)) {
            return Err(format!(
                "\"{word}\" does not highlight reason {r:?}: {hits:?} (the search says \"{}\")",
                c.search
            ));
        }
        self.key(Key::Enter);
        let c = self.call();
        if !c.assessment.call.has_reason(r) || !c.search.is_empty() {
            return Err(format!("Enter on \"{word}\" did not add reason {r:?}"));
        }
        Ok(())
    }

    /// Answers the question that has the keyboard, one after another, until the call is
    /// complete or has left the flow; `Some(why)` when the app kept a key from answering.
    fn answer_all(&mut self, g: &Guidance, target: &Call) -> Result<Option<String>, String> {
        for _ in 0..4 * g.questions.len().max(50) {
            let c = self.call();
            if c.on_emergency_screen() || c.evaluation.complete() {
                return Ok(None);
            }
            if c.caller_has_keyboard() {
                self.choose_caller()?;
                continue;
            }
            let Some(q) = c.question_with_keyboard() else {
                self.extra_tabs += 1;
                self.key(Key::Tab);
                continue;
            };
            let want = target.answer(q);
            let none_of_these = want == Some(Value::No) && self.block_all_no(q, target);
            let (keys, answered) = (self.keys, self.answered());
            if let Some(why) = self.answer(g, q, want, none_of_these) {
                return Ok(Some(why));
            }
            let kind = if none_of_these {
                "red flags, none of these"
            } else {
                kind_name(g, q)
            };
            let (keys, answered) = (self.keys - keys, self.answered().saturating_sub(answered));
            let entry = self.spent.entry(kind).or_default();
            (entry.0, entry.1) = (entry.0 + keys, entry.1 + answered);
            let got = self.call().assessment.call.answer(q);
            let expected = want.or(Some(Value::CannotSay));
            if got != expected {
                return Err(format!(
                    "the keys for {} = {expected:?} left it {got:?}",
                    g.question(q).id
                ));
            }
        }
        Err("the questions never ended".into())
    }

    /// Who called, on its card: 1 the client, 2 a parent (for a child).
    fn choose_caller(&mut self) -> Result<(), String> {
        let keys = self.keys;
        self.key(if self.child { Key::Num2 } else { Key::Num1 });
        let c = self.call();
        if c.assessment.caller == arvio::assessment::Caller::NotChosen || c.focus == Focus::Caller {
            return Err("the caller's key chose no caller".into());
        }
        self.caller_asked = 1;
        let entry = self.spent.entry("who called").or_default();
        (entry.0, entry.1) = (entry.0 + self.keys - keys, entry.1 + 1);
        Ok(())
    }

    fn answered(&self) -> usize {
        self.call().assessment.call.answered().count()
    }

    /// The keys spent, by kind, with the call's own keys as "call".
    fn spent(&self) -> BTreeMap<&'static str, (usize, usize)> {
        let mut spent = self.spent.clone();
        let on_questions: usize = spent.values().map(|(k, _)| k).sum();
        spent.insert("call", (self.keys - on_questions, 0));
        spent
    }

    /// Every open red flag of `q`'s block is "no" in the scenario: one key says so.
    fn block_all_no(&self, q: QuestionId, target: &Call) -> bool {
        let c = self.call();
        c.red_flag_block(q).is_some_and(|block| {
            block
                .iter()
                .filter(|x| c.assessment.call.answer(**x).is_none())
                .all(|x| target.answer(*x) == Some(Value::No))
        })
    }

    /// The keys the screen shows for `want` on `q`; `Some(why)` when the app took the keyboard
    /// away before they were all pressed.
    fn answer(
        &mut self,
        g: &Guidance,
        q: QuestionId,
        want: Option<Value>,
        none_of_these: bool,
    ) -> Option<String> {
        let [(yes, _), (no, _), (cannot, _)] = answer_keys(LANG);
        let Some(v) = want else {
            self.unlisted += 1;
            self.key(cannot);
            return None;
        };
        match (v, &g.question(q).kind) {
            (Value::No, _) if none_of_these => self.chord(Modifiers::SHIFT, no),
            (Value::CannotSay, _) => self.key(cannot),
            (Value::Yes, _) => self.key(yes),
            (Value::No, _) => self.key(no),
            (Value::Choice(i), _) => self.key(OPTION_KEYS[i as usize]),
            // None of the options: the "no" key (Enter with nothing ticked only moves on).
            (Value::Choices(0), QuestionKind::SeveralOf(_)) => self.key(no),
            (Value::Choices(mask), QuestionKind::SeveralOf(opts)) => {
                let ticks: Vec<usize> = (0..opts.len()).filter(|i| mask & (1 << i) != 0).collect();
                for (n, &i) in ticks.iter().enumerate() {
                    self.key(OPTION_KEYS[i]);
                    if self.call().on_emergency_screen() {
                        return (n + 1 < ticks.len()).then(|| {
                            format!(
                                "{}: ticking option {} (before Enter confirms) takes the call to \
                                 the emergency screen, so options {:?} cannot be ticked",
                                g.question(q).id,
                                i + 1,
                                ticks[n + 1..].iter().map(|i| i + 1).collect::<Vec<_>>()
                            )
                        });
                    }
                }
                self.key(Key::Enter);
            }
            (Value::Number(x), _) => {
                self.digits += amount(x).chars().count();
                self.type_keys(&amount(x));
                self.key(Key::Enter);
            }
            (Value::Quantity(x), _) => {
                self.digits += amount(x.amount()).chars().count();
                self.type_keys(&format!(
                    "{}{}",
                    amount(x.amount()),
                    unit_key(LANG, x.unit())
                ));
                // A unit's key that is also the start of another's waits for Enter.
                if self.call().assessment.call.answer(q).is_none() {
                    self.key(Key::Enter);
                }
            }
            (Value::Choices(_) | Value::Text, _) => unreachable!("left out by `undrivable`"),
        }
        None
    }

    /// Who called, if the flow never reached its card (a call that left the flow first: F2, once
    /// for the client, twice for a parent), on an emergency's screen what the nurse did (F5:
    /// told to call 112), then Ctrl+Enter accepts.
    fn decide(&mut self, _g: &Guidance, _target: &Call) -> Result<(), String> {
        if self.call().assessment.caller == arvio::assessment::Caller::NotChosen {
            self.key(Key::F2);
            if self.child {
                self.key(Key::F2);
            }
        }
        if self.call().needs_emergency_action() {
            self.key(Key::F5);
        }
        self.chord(Modifiers::COMMAND, Key::Enter);
        let c = self.call();
        match &c.assessment.decision {
            Some(_) => Ok(()),
            None => Err(format!("Ctrl+Enter did not accept: {:?}", c.message)),
        }
    }

    /// Every answer in the call is the scenario's (an unlisted question's "cannot say" aside):
    /// the keys answered nothing the scenario does not say.
    fn answers_match(&self, g: &Guidance, target: &Call) -> Result<(), String> {
        for (q, got) in self.call().assessment.call.answered() {
            let want = target.answer(q);
            if want != Some(got) && !(want.is_none() && got == Value::CannotSay) {
                return Err(format!(
                    "{} answered {got:?}, the scenario says {want:?}",
                    g.question(q).id
                ));
            }
        }
        Ok(())
    }
}

/// The scenario's patient is a child: a parent calls.
fn child(g: &Guidance, target: &Call) -> bool {
    g.question_by_id("age")
        .and_then(|q| target.answer(q))
        .is_some_and(
            |v| matches!(v, Value::Quantity(x) if x.in_unit(Unit::Years) < PARENT_UNDER_YEARS),
        )
}

/// Why a scenario cannot be played by keys as written, if it cannot.
fn undrivable(g: &Guidance, target: &Call) -> Option<String> {
    for (q, v) in target.answered() {
        let question = g.question(q);
        if v == Value::Text {
            return Some(format!(
                "a free-text answer ({}): typed words are not a key model to count",
                question.id
            ));
        }
        if question.kind.options().len() > OPTION_KEYS.len() {
            return Some(format!(
                "{} has more options than the keys 1–9",
                question.id
            ));
        }
    }
    None
}

/// The kind of a question, for the figures by kind.
fn kind_name(g: &Guidance, q: QuestionId) -> &'static str {
    match (&g.question(q).kind, g.question(q).part) {
        (_, Part::RedFlag) => "red flag, one by one",
        (QuestionKind::YesNo, _) => "yes/no",
        (QuestionKind::OneOf(_), _) => "one of",
        (QuestionKind::SeveralOf(_), _) => "several of",
        (QuestionKind::Number(_), _) => "number",
        (QuestionKind::Age(_), _) => "age",
        (QuestionKind::Duration(_), _) => "duration",
        (QuestionKind::FreeText, _) => "free text",
    }
}

/// A number as a Finnish nurse types it: "38,5", "39".
fn amount(x: f64) -> String {
    format!("{x}").replace('.', ",")
}

/// The shortest of the reason's Finnish keywords and label words after which it is the top
/// hit, typed whole; when none is, the word that lists it highest, and the ↓ presses to it.
fn search_word(g: &Guidance, index: &ReasonIndex, r: ReasonId) -> Option<(String, usize)> {
    let reason = g.reason(r);
    let label = reason.label.get(LANG);
    let mut words: Vec<&str> = reason
        .keywords
        .get(LANG)
        .iter()
        .map(String::as_str)
        .chain(
            label
                .split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty()),
        )
        .collect();
    words.sort_by_key(|w| w.chars().count());
    words
        .into_iter()
        .filter_map(|w| {
            let hits = index.search_all(w, LANG);
            let at = hits
                .iter()
                .take(HITS_SHOWN)
                .position(|h| *h == Hit::Reason(r))?;
            Some((w.to_owned(), at))
        })
        .min_by_key(|(_, at)| *at)
}

/// The first expected field the accepted outcome misses, as "field: expected X, got Y".
fn mismatch(
    s: &Scenario,
    g: &Guidance,
    c: &CallView,
    d: &Disposition,
    check_rule: bool,
) -> Option<String> {
    let expect = s.raw.expect.as_ref()?;
    let rule = c.evaluation.proposal.as_ref().map(|p| p.winner.id(g));
    let checks = [
        (
            "timeframe",
            Some(Some(expect.timeframe.value.as_str())),
            Some(d.timeframe.as_str()),
        ),
        (
            "mode",
            expect
                .mode
                .as_ref()
                .map(|m| m.as_ref().map(|m| m.value.as_str())),
            d.mode.as_deref(),
        ),
        (
            "professional",
            expect
                .professional
                .as_ref()
                .map(|p| p.as_ref().map(|p| p.value.as_str())),
            d.professional.as_deref(),
        ),
        (
            "rule",
            expect
                .rule
                .as_ref()
                .filter(|_| check_rule)
                .map(|r| r.as_ref().map(|r| r.value.as_str())),
            rule.as_deref(),
        ),
    ];
    checks.into_iter().find_map(|(field, want, got)| {
        want.filter(|w| *w != got)
            .map(|w| format!("{field}: expected {w:?}, got {got:?}"))
    })
}

/// The median of some figures (the lower middle of an even count).
pub fn median(mut xs: Vec<usize>) -> Option<usize> {
    xs.sort_unstable();
    xs.get(xs.len().saturating_sub(1) / 2).copied()
}

/// Every replay of a run, by what came of it.
#[derive(Debug, Default)]
pub struct Summary {
    pub counted: Vec<Count>,
    pub skipped: Vec<(String, String)>,
    pub blocked: Vec<(String, String)>,
    /// The app did not do what the keys asked: defects, each failing the run.
    pub defects: Vec<String>,
}

/// Replays the shipped scenarios whose place in file order `pick` takes, one nurse (one app)
/// for them all.
pub fn replay_scenarios(pick: impl Fn(usize) -> bool) -> Summary {
    let (scenarios, diags) = arvio::scenario::load_scenarios(std::path::Path::new(GUIDANCE));
    assert!(diags.is_empty(), "the shipped scenarios load: {diags:?}");
    let mut nurse = Nurse::new();
    let mut out = Summary::default();
    for (_, s) in scenarios.iter().enumerate().filter(|(i, _)| pick(*i)) {
        match nurse.replay(s) {
            Ok(Replay::Counted(c)) => out.counted.push(c),
            Ok(Replay::Skipped { file, why }) => out.skipped.push((file, why)),
            Ok(Replay::Blocked { file, why }) => out.blocked.push((file, why)),
            Err(e) => out.defects.push(e),
        }
    }
    out
}

impl Summary {
    /// The non-urgent one-reason calls that took more keys than their questions + 3.
    pub fn over_bound(&self) -> Vec<&Count> {
        self.counted
            .iter()
            .filter(|c| c.bounded() && c.keys > c.bound())
            .collect()
    }

    /// Medians of keys, questions asked and search letters, and the worst keys over questions,
    /// of the calls `which` takes.
    fn line(&self, what: &str, which: impl Fn(&Count) -> bool) -> String {
        let calls: Vec<&Count> = self.counted.iter().filter(|c| which(c)).collect();
        let m = |f: fn(&Count) -> usize| {
            median(calls.iter().map(|c| f(c)).collect()).map_or("-".into(), |x| x.to_string())
        };
        let worst = calls
            .iter()
            .max_by_key(|c| (c.keys as i64 - c.asked as i64, c.keys))
            .map_or("-".into(), |c| {
                format!("{} keys for {} questions ({})", c.keys, c.asked, c.file)
            });
        format!(
            "{what}: {} calls, median {} keys, {} questions, {} search letters; worst {worst}",
            calls.len(),
            m(|c| c.keys),
            m(|c| c.asked),
            m(|c| c.search)
        )
    }

    /// The figures by class, the keys by kind of question over the calls over the bound, and
    /// every scenario left out, with why.
    pub fn report(&self) -> String {
        let mut out = vec![
            self.line("non-urgent, one reason", Count::bounded),
            self.line("non-urgent, several reasons", |c| {
                c.class == Class::InFlow && c.reasons > 1
            }),
            self.line("emergency or on-call", |c| c.class == Class::Emergency),
            self.line("all", |_| true),
        ];
        let over = self.over_bound();
        out.push(format!(
            "over the bound (keys > questions + 3): {} of {} non-urgent one-reason calls",
            over.len(),
            self.counted.iter().filter(|c| c.bounded()).count()
        ));
        out.push(format!(
            "with the digits of typed answers counted apart, as the search letters are: {} over",
            over.iter()
                .filter(|c| c.keys - c.digits > c.bound())
                .count()
        ));
        let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for c in &over {
            for (kind, (k, q)) in &c.spent {
                let e = by_kind.entry(kind).or_default();
                (e.0, e.1) = (e.0 + k, e.1 + q);
            }
        }
        for (kind, (k, q)) in by_kind {
            out.push(format!("  {kind}: {k} keys for {q} questions"));
        }
        let mut worst: Vec<&&Count> = over.iter().collect();
        worst.sort_by_key(|c| std::cmp::Reverse(c.keys - c.bound()));
        for c in worst.iter().take(10) {
            out.push(format!(
                "  {}: {} keys, {} questions, {:?}",
                c.file, c.keys, c.asked, c.spent
            ));
        }
        for (file, why) in &self.blocked {
            out.push(format!("blocked by the app: {file}: {why}"));
        }
        for (file, why) in &self.skipped {
            out.push(format!("skipped: {file}: {why}"));
        }
        for e in &self.defects {
            out.push(format!("DEFECT: {e}"));
        }
        out.join("\n")
    }
}
