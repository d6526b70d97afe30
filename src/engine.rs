//! The assessment engine: which questions to ask, and the proposal with its explanation.
//!
//! Pure functions of the guidance and the call; no clock, no I/O. Conditions use three-valued
//! (Kleene) logic: an atom over a question that is unanswered, not asked, or answered "caller
//! cannot say" is *unknown*, and `Not(unknown)` stays unknown. A rule fires only when its
//! condition is *true*, so "cannot say" can never count as a reassuring answer.
//!
//! Selection follows DMN's PRIORITY hit policy: of all firing rules across the red flags and the
//! chosen reasons, the most urgent outcome wins; ties go to the one standing first (red flags,
//! then reasons and rules in guidance order). Because red flags are candidates like any rule, no
//! rule can make a proposal less urgent than a red flag answered yes.

use chrono::NaiveDate;

use crate::calendar::{DateWindow, date_window};
use crate::call::{Call, Value};
/// Walking a condition's atoms lives with the conditions; re-exported for the engine's users.
pub use crate::guidance::visit_atoms;
use crate::guidance::*;
use crate::text::Text;

/// Kleene truth value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    False,
    Unknown,
    True,
}

impl Truth {
    fn not(self) -> Truth {
        match self {
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
            Truth::True => Truth::False,
        }
    }
}

/// What decided an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Decider {
    /// Index into `Guidance::red_flags`.
    RedFlag(usize),
    Rule {
        reason: ReasonId,
        rule: usize,
    },
    Fallback(ReasonId),
}

impl Decider {
    pub fn outcome<'g>(&self, g: &'g Guidance) -> &'g Outcome {
        match *self {
            Decider::RedFlag(i) => &g.red_flags[i].outcome,
            Decider::Rule { reason, rule } => &g.reason(reason).rules[rule].outcome,
            Decider::Fallback(reason) => &g.reason(reason).fallback,
        }
    }

    /// The id scenarios and logs use: a rule id, a red flag's id, or `<reason>.fallback`.
    pub fn id(&self, g: &Guidance) -> String {
        match *self {
            Decider::RedFlag(i) => g.question(g.red_flags[i].question).id.clone(),
            Decider::Rule { reason, rule } => g.reason(reason).rules[rule].id.clone(),
            Decider::Fallback(reason) => g.reason(reason).fallback_id(),
        }
    }

    /// What the decider says, for the "why" of a proposal.
    pub fn description<'g>(&self, g: &'g Guidance) -> &'g Text {
        match *self {
            Decider::RedFlag(i) => &g.question(g.red_flags[i].question).text,
            Decider::Rule { reason, rule } => &g.reason(reason).rules[rule].description,
            Decider::Fallback(reason) => &g.reason(reason).label,
        }
    }

    pub fn location(&self, g: &Guidance) -> Location {
        match *self {
            Decider::RedFlag(i) => g.question(g.red_flags[i].question).location,
            Decider::Rule { reason, rule } => g.reason(reason).rules[rule].location,
            Decider::Fallback(reason) => g.reason(reason).location,
        }
    }

    pub fn urgency(&self, g: &Guidance) -> TimeframeId {
        self.outcome(g).timeframe
    }
}

/// Where a call stands: the questions to ask and the proposal so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// Questions to ask now, in order: the basics read, the red flags in scope, the risk factors
    /// and pool questions read, then each chosen reason's own.
    pub questions: Vec<QuestionId>,
    /// The first of `questions` without an answer.
    pub next: Option<QuestionId>,
    /// Red flags in scope without an answer; a call cannot be finished before this is zero.
    pub red_flags_unanswered: usize,
    /// None until a reason is chosen or a red flag is hit.
    pub proposal: Option<Proposal>,
}

impl Evaluation {
    /// Every question to ask has an answer.
    pub fn complete(&self) -> bool {
        self.next.is_none()
    }

    pub fn is_asked(&self, q: QuestionId) -> bool {
        self.questions.contains(&q)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub winner: Decider,
    /// Every decider that matched, winner included, in standing order.
    pub matched: Vec<Decider>,
    /// Each chosen reason's own decision (its most urgent rule, or its fallback).
    pub per_reason: Vec<(ReasonId, Decider)>,
    /// The questions whose answers made the winning condition true, in question order.
    pub because: Vec<QuestionId>,
    /// A red flag is answered yes (or cannot-say that counts as yes).
    pub red_flag_hit: bool,
}

impl Proposal {
    pub fn outcome<'g>(&self, g: &'g Guidance) -> &'g Outcome {
        self.winner.outcome(g)
    }

    /// The emergency screen takes over: the call leaves the non-urgent flow.
    pub fn leaves_flow(&self, g: &Guidance) -> bool {
        g.timeframe(self.outcome(g).timeframe).kind.leaves_flow()
    }
}

/// Evaluates a call: which questions to ask and what to propose.
///
/// Only the call's questions are walked: the base every call has (the `always` basics, the
/// global red flags and what their `ask_if`s read) and each chosen reason's own walk (its
/// questions, its red flags and the shared questions it reads), merged in the ask order.
pub fn evaluate(g: &Guidance, call: &Call) -> Evaluation {
    let (asked, values) = effective_answers(g, call);
    let mut questions = asked;
    questions.sort_by_cached_key(|&q| ask_position(g, call, q));
    let red_flags_unanswered = questions
        .iter()
        .filter(|&&q| g.question(q).part == Part::RedFlag && call.answer(q).is_none())
        .count();
    let next = questions
        .iter()
        .copied()
        .find(|q| call.answer(*q).is_none());
    Evaluation {
        proposal: propose(g, call, &values),
        questions,
        next,
        red_flags_unanswered,
    }
}

/// The call's questions in the ask order (each after those its `ask_if` reads), once each: the
/// base and each reason's walk, all sorted by rank, merged.
fn call_walk(g: &Guidance, call: &Call) -> Vec<QuestionId> {
    let rank = |q: &QuestionId| g.rank[q.index()];
    let mut walk = g.base_walk.clone();
    for &r in &call.reasons {
        let theirs = &g.reason(r).walk;
        let mut merged = Vec::with_capacity(walk.len() + theirs.len());
        let (mut a, mut b) = (walk.iter().peekable(), theirs.iter().peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if rank(x) < rank(y) => a.next(),
                (Some(x), Some(y)) if rank(x) > rank(y) => b.next(),
                (Some(_), Some(_)) => {
                    b.next();
                    a.next()
                }
                (Some(_), None) => a.next(),
                (None, Some(_)) => b.next(),
                (None, None) => break,
            };
            merged.extend(next.copied());
        }
        walk = merged;
    }
    walk
}

/// The answers a condition reads, by question: an evaluation's effective answers, or the plain
/// per-question values the analysis builds.
pub trait Answers {
    fn value(&self, q: QuestionId) -> Option<Value>;
}

/// A value per question of the guidance, by index (a slice, an array, a `Vec`).
impl<T: AsRef<[Option<Value>]> + ?Sized> Answers for T {
    fn value(&self, q: QuestionId) -> Option<Value> {
        self.as_ref().get(q.index()).copied().flatten()
    }
}

/// The call's answers to the questions asked now (an answer to a question no longer asked is
/// ignored). Asked is a bit per question, so building it costs a word per 64 questions of the
/// guidance and nothing per answer: an evaluation costs what the call's own questions cost.
struct Effective<'c> {
    call: &'c Call,
    asked: Vec<u64>,
}

impl Effective<'_> {
    fn ask(&mut self, q: QuestionId) {
        self.asked[q.index() / 64] |= 1 << (q.index() % 64);
    }
}

impl Answers for Effective<'_> {
    fn value(&self, q: QuestionId) -> Option<Value> {
        let bit = self.asked.get(q.index() / 64).copied().unwrap_or(0) >> (q.index() % 64);
        if bit & 1 == 1 {
            self.call.answer(q)
        } else {
            None
        }
    }
}

/// The questions asked, in the ask order, and the effective answers: those of questions still
/// asked.
fn effective_answers<'c>(g: &Guidance, call: &'c Call) -> (Vec<QuestionId>, Effective<'c>) {
    let mut values = Effective {
        call,
        asked: vec![0; g.questions.len().div_ceil(64)],
    };
    let walk = call_walk(g, call);
    let mut asked = Vec::with_capacity(walk.len());
    for q in walk {
        let shown = match g.red_flag_index(q) {
            // A red flag is in scope unless its ask_if is definitely false.
            Some(i) => g.red_flags[i]
                .ask_if
                .as_ref()
                .is_none_or(|c| eval(c, &values) != Truth::False),
            None => g
                .question(q)
                .ask_if
                .as_ref()
                .is_none_or(|c| eval(c, &values) == Truth::True),
        };
        if shown {
            values.ask(q);
            asked.push(q);
        }
    }
    (asked, values)
}

/// Where a question stands in the call: basics, red flags (global first, then by the reason
/// they came with, in the order reasons were added), risk factors, the pool, each reason's own
/// questions in the order reasons were added; guidance order within each.
fn ask_position(g: &Guidance, call: &Call, q: QuestionId) -> (u8, usize, QuestionId) {
    let added = |r: &ReasonId| {
        call.reasons
            .iter()
            .position(|x| x == r)
            .unwrap_or(usize::MAX)
    };
    match g.question(q).part {
        Part::Basic => (0, 0, q),
        Part::RedFlag => {
            let rf = g.red_flag_of(q);
            let first = rf.and_then(|rf| rf.reasons.iter().map(added).min());
            (1, first.map_or(0, |p| p.saturating_add(1)), q)
        }
        Part::RiskFactor => (2, 0, q),
        Part::Pool => (3, 0, q),
        Part::Reason(r) => (4, added(&r), q),
    }
}

fn propose(g: &Guidance, call: &Call, values: &Effective) -> Option<Proposal> {
    let mut matched = Vec::new();
    // A red flag the nurse answered yes counts whether or not it is in scope now: an answer
    // given later (an age that puts an age-limited flag out of scope, a reason removed) never
    // takes back an emergency that was heard. Every other answer counts only while asked.
    for (i, rf) in g.red_flags.iter().enumerate() {
        let hit = match call.answer(rf.question) {
            Some(Value::Yes) => true,
            Some(Value::CannotSay) => rf.cannot_say_is_yes,
            _ => false,
        };
        if hit {
            matched.push(Decider::RedFlag(i));
        }
    }
    matched.sort();
    let red_flag_hit = !matched.is_empty();
    let mut reasons: Vec<ReasonId> = call.reasons.clone();
    reasons.sort();
    let mut per_reason = Vec::new();
    for r in reasons {
        let reason = g.reason(r);
        let start = matched.len();
        for (i, rule) in reason.rules.iter().enumerate() {
            if eval(&rule.when, values) == Truth::True {
                matched.push(Decider::Rule { reason: r, rule: i });
            }
        }
        if matched.len() == start {
            matched.push(Decider::Fallback(r));
        }
        let own = most_urgent(g, &matched[start..]);
        per_reason.push((r, own));
    }
    let winner = matched.first().map(|_| most_urgent(g, &matched))?;
    per_reason.sort_by_key(|(r, _)| call.reasons.iter().position(|x| x == r));
    let because = match winner {
        Decider::RedFlag(i) => vec![g.red_flags[i].question],
        Decider::Rule { reason, rule } => {
            let mut qs = Vec::new();
            support(&g.reason(reason).rules[rule].when, values, &mut qs);
            qs.sort();
            qs.dedup();
            qs
        }
        Decider::Fallback(_) => Vec::new(),
    };
    Some(Proposal {
        winner,
        matched,
        per_reason,
        because,
        red_flag_hit,
    })
}

/// The first of the most urgent; `deciders` is never empty where this is called.
fn most_urgent(g: &Guidance, deciders: &[Decider]) -> Decider {
    let mut best = deciders[0];
    for d in &deciders[1..] {
        if d.urgency(g) < best.urgency(g) {
            best = *d;
        }
    }
    best
}

/// Evaluates a condition over the effective answers.
pub fn eval<A: Answers + ?Sized>(c: &Condition, values: &A) -> Truth {
    match c {
        Condition::All(items) => {
            let mut result = Truth::True;
            for item in items {
                match eval(item, values) {
                    Truth::False => return Truth::False,
                    Truth::Unknown => result = Truth::Unknown,
                    Truth::True => {}
                }
            }
            result
        }
        Condition::Any(items) => {
            let mut result = Truth::False;
            for item in items {
                match eval(item, values) {
                    Truth::True => return Truth::True,
                    Truth::Unknown => result = Truth::Unknown,
                    Truth::False => {}
                }
            }
            result
        }
        Condition::Not(inner) => eval(inner, values).not(),
        Condition::AtLeast(n, items) => at_least(*n, items, values),
        Condition::Atom(atom) => eval_atom(atom, values.value(atom.question)),
    }
}

/// Kleene counting: true once `n` items are true, false once fewer than `n` can still become
/// true (true + unknown < n), unknown otherwise. Stops as soon as either is settled.
fn at_least<A: Answers + ?Sized>(n: usize, items: &[Condition], values: &A) -> Truth {
    let (mut yes, mut possible) = (0, items.len());
    for item in items {
        match eval(item, values) {
            Truth::True => yes += 1,
            Truth::False => possible -= 1,
            Truth::Unknown => {}
        }
        if yes >= n {
            return Truth::True;
        }
        if possible < n {
            return Truth::False;
        }
    }
    Truth::Unknown
}

/// One atom against one answer (`None`: not answered, or not asked).
pub fn eval_atom(atom: &Atom, value: Option<Value>) -> Truth {
    let definite = |b: bool| if b { Truth::True } else { Truth::False };
    match (atom.test, value) {
        (Test::Answered, Some(_)) => Truth::True,
        (Test::CannotSay, Some(v)) => definite(v == Value::CannotSay),
        (_, None | Some(Value::CannotSay)) => Truth::Unknown,
        (Test::Yes, Some(v @ (Value::Yes | Value::No))) => definite(v == Value::Yes),
        (Test::No, Some(v @ (Value::Yes | Value::No))) => definite(v == Value::No),
        (Test::Is(i), Some(Value::Choice(c))) => definite(c == i),
        (Test::Is(i), Some(Value::Choices(m))) => definite(m & (1u64 << i) != 0),
        (Test::AnyOf(mask), Some(Value::Choice(c))) => definite(mask & (1u64 << c) != 0),
        (Test::AnyOf(mask), Some(Value::Choices(m))) => definite(m & mask != 0),
        (Test::Cmp(op, x), Some(Value::Number(v))) => definite(compare(op, v, x)),
        (Test::Between(a, b), Some(Value::Number(v))) => definite(a <= v && v <= b),
        // Ages and durations compare in hours, in which every whole unit is exact.
        (Test::Cmp(op, x), Some(Value::Quantity(q))) => definite(compare(op, q.hours(), x)),
        (Test::Between(a, b), Some(Value::Quantity(q))) => {
            definite(a <= q.hours() && q.hours() <= b)
        }
        // A value of another kind cannot reach here from a validated call; treat it as unknown.
        _ => Truth::Unknown,
    }
}

fn compare(op: CmpOp, v: f64, x: f64) -> bool {
    match op {
        CmpOp::Lt => v < x,
        CmpOp::Le => v <= x,
        CmpOp::Gt => v > x,
        CmpOp::Ge => v >= x,
    }
}

/// Collects the questions whose answers make a true condition true.
fn support<A: Answers + ?Sized>(c: &Condition, values: &A, out: &mut Vec<QuestionId>) {
    match c {
        Condition::All(items) => items.iter().for_each(|i| support(i, values, out)),
        Condition::Any(items) | Condition::AtLeast(_, items) => {
            for item in items.iter().filter(|i| eval(i, values) == Truth::True) {
                support(item, values, out);
            }
        }
        // A `Not` holds because its inner atoms have the answers they have.
        Condition::Not(inner) => visit_atoms(inner, &mut |a| {
            if values.value(a.question).is_some() {
                out.push(a.question);
            }
        }),
        Condition::Atom(a) => out.push(a.question),
    }
}

/// The contact window of a timeframe from the assessment date; `None` when it has no days.
pub fn window(g: &Guidance, timeframe: TimeframeId, assessed_on: NaiveDate) -> Option<DateWindow> {
    let t = g.timeframe(timeframe);
    t.days
        .map(|(min, max)| date_window(assessed_on, min, max, t.counting))
}
