//! Controls of the clinical safety case (docs/SAFETY.md) that no other test file verified. Each
//! test names the hazard (H-nn) whose control it checks. The tests marked `#[ignore]` at the end
//! reproduce **open** hazards: they state the behaviour a control should give and fail today;
//! run them with `cargo test --test safety -- --ignored`.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use arvio::assessment::{Assessment, DecisionError, OverrideReason};
use arvio::autosave::{Autosave, FreeText};
use arvio::call::Value;
use arvio::disposition::Resolved;
use arvio::engine::{Evaluation, evaluate};
use arvio::guidance::Guidance;
use chrono::{DateTime, FixedOffset};

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("RFC 3339")
}

fn guidance() -> Guidance {
    common::load(common::fixture().path())
}

fn set(g: &Guidance, a: &mut Assessment, q: &str, v: Value) {
    let id = g
        .question_by_id(q)
        .unwrap_or_else(|| panic!("no question `{q}`"));
    a.call.set(id, Some(v));
}

/// A cough call with a high fever (→ 1–3 days, visit, doctor); the red flags as given.
fn high_fever(
    g: &Guidance,
    started: &str,
    red_flags: &[(&str, Value)],
) -> (Assessment, Evaluation) {
    let mut a = Assessment::new(g, t(started));
    a.caller = arvio::assessment::Caller::Client;
    a.call.add_reason(g.reason_by_id("cough").expect("cough"));
    for (q, v) in red_flags {
        set(g, &mut a, q, *v);
    }
    set(g, &mut a, "age", Value::Number(40.0));
    set(g, &mut a, "fever", Value::Yes);
    set(g, &mut a, "temp", Value::Number(39.5));
    set(g, &mut a, "kind", Value::Choice(0));
    let ev = evaluate(g, &a.call);
    (a, ev)
}

const NO_RED_FLAGS: [(&str, Value); 2] = [("rf_chest", Value::No), ("rf_confused", Value::No)];

fn reason(category: &str, text: &str) -> OverrideReason {
    OverrideReason {
        category: category.to_owned(),
        text: text.to_owned(),
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// H-01 A red flag not asked

#[test]
fn no_decision_is_taken_while_a_red_flag_is_unanswered() {
    let g = guidance();
    let days_1_7 = g.timeframe_by_id("days_1_7").expect("tf");
    // Every question of the reason answered, but neither red flag.
    let (mut a, ev) = high_fever(&g, "2026-11-23T09:00:00+02:00", &[]);
    assert_eq!(ev.red_flags_unanswered, 2);
    assert!(ev.proposal.is_some(), "a provisional proposal is shown");
    assert_eq!(
        a.accept(&g, &ev, a.started),
        Err(DecisionError::RedFlagsUnanswered)
    );
    let why = reason("judgement", "Soittaja haluaa puhelun");
    assert_eq!(
        a.override_with(
            &g,
            &ev,
            a.started,
            Resolved {
                timeframe: days_1_7,
                mode: g.mode_by_id("phone"),
                professional: g.professional_by_id("nurse")
            },
            why.clone()
        ),
        Err(DecisionError::RedFlagsUnanswered)
    );
    // One of the two answered: still refused.
    set(&g, &mut a, "rf_chest", Value::No);
    let ev = evaluate(&g, &a.call);
    assert_eq!(
        a.accept(&g, &ev, a.started),
        Err(DecisionError::RedFlagsUnanswered)
    );
    assert!(a.decision.is_none());
    // Both answered: the decision can be taken.
    set(&g, &mut a, "rf_confused", Value::No);
    let ev = evaluate(&g, &a.call);
    assert_eq!(a.accept(&g, &ev, a.started), Ok(()));
    // Without a decision there is no log record to say the call was screened.
    let (undecided, ev) = high_fever(&g, "2026-11-23T09:00:00+02:00", &[]);
    assert!(
        arvio::log::LogRecord::of(&g, &undecided, &ev, t("2026-11-23T09:05:00+02:00")).is_none()
    );
}

// H-15 A decision taken on a provisional proposal
#[test]
fn no_decision_is_taken_while_a_question_asked_is_unanswered() {
    let g = guidance();
    let mut a = Assessment::new(&g, t("2026-11-23T09:00:00+02:00"));
    a.caller = arvio::assessment::Caller::Client;
    a.call.add_reason(g.reason_by_id("cough").expect("cough"));
    for (q, v) in NO_RED_FLAGS {
        set(&g, &mut a, q, v);
    }
    set(&g, &mut a, "age", Value::Number(80.0));
    // `cough_old` already fires (1–3 days), but the fever is not asked yet: it could be worse.
    let ev = evaluate(&g, &a.call);
    assert!(ev.proposal.is_some());
    assert_eq!(
        a.accept(&g, &ev, a.started),
        Err(DecisionError::QuestionsLeft)
    );
    let days_1_7 = g.timeframe_by_id("days_1_7").expect("tf");
    assert_eq!(
        a.override_with(
            &g,
            &ev,
            a.started,
            Resolved {
                timeframe: days_1_7,
                mode: g.mode_by_id("phone"),
                professional: g.professional_by_id("nurse")
            },
            reason("judgement", "Soittaja kiireinen")
        ),
        Err(DecisionError::QuestionsLeft)
    );
    // "Cannot say" is an answer: the call can be decided, and it falls to the safe side.
    set(&g, &mut a, "fever", Value::CannotSay);
    set(&g, &mut a, "kind", Value::CannotSay);
    let ev = evaluate(&g, &a.call);
    assert!(ev.complete(), "temp is not asked after a cannot-say fever");
    assert_eq!(a.accept(&g, &ev, a.started), Ok(()));
}

#[test]
fn an_emergency_red_flag_can_be_acted_on_at_once() {
    let g = guidance();
    let mut a = Assessment::new(&g, t("2026-11-23T09:00:00+02:00"));
    a.caller = arvio::assessment::Caller::Client;
    set(&g, &mut a, "rf_chest", Value::Yes);
    let ev = evaluate(&g, &a.call);
    assert_eq!(
        ev.red_flags_unanswered, 1,
        "the other red flag is still open"
    );
    assert_eq!(
        a.accept(&g, &ev, a.started),
        Ok(()),
        "the emergency screen never waits"
    );
    let d = a.decision.expect("decided");
    assert_eq!(g.timeframe(d.disposition.timeframe).id, "emergency");
}

#[test]
fn a_red_flag_cannot_be_made_conditional() {
    let dir = common::folder(&[
        (
            "guidance.ron",
            &common::GUIDANCE.replace(
                "cannot_say_is_yes: false,",
                "cannot_say_is_yes: false,\n            ask_if: Yes(\"rf_chest\"),",
            ),
        ),
        ("reasons/01_cough.ron", common::COUGH),
    ]);
    // Format 2: a red flag's `ask_if` may read only basics and risk factors (and keeps the flag
    // in scope unless it is definitely false); one red flag can never hide another.
    let errors = common::errors(dir.path());
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with("guidance.ron:")
            && errors[0].contains(
                "question `rf_chest` cannot be read here: a risk factor's or a red flag's ask_if may name only basics and risk factors"
            ),
        "{errors:#?}"
    );
}

// ---------------------------------------------------------------------------------------------
// H-04 A broken guidance silently used

#[test]
fn a_reason_file_gone_missing_fails_the_shipped_scenarios() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("default");
    copy_dir(Path::new("rules/default"), &dir);
    let run = |dir: &Path| {
        Command::new(env!("CARGO_BIN_EXE_arvio"))
            .arg("test")
            .arg(dir)
            .output()
            .expect("arvio test")
    };
    assert_eq!(
        run(&dir).status.code(),
        Some(0),
        "the shipped scenarios pass"
    );
    // The folder still loads without the file (a guidance may have any reasons), but the
    // scenarios that pin the reason down no longer run: `arvio test` fails and says why.
    fs::remove_file(dir.join("reasons/27_certificate.ron")).expect("rm");
    assert!(arvio::guidance::load_guidance(&dir).is_ok());
    let out = run(&dir);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("unknown reason `certificate`"), "{text}");

    // A reason that the red flags' scopes name cannot go missing at all: the guidance no longer
    // loads, and the error says where the name is.
    fs::remove_file(dir.join("reasons/02_urinary.ron")).expect("rm");
    let diags = arvio::guidance::load_guidance(&dir).expect_err("urinary is named in guidance.ron");
    let text: Vec<String> = diags.iter().map(ToString::to_string).collect();
    assert!(
        text.iter()
            .any(|d| d.contains("guidance.ron:") && d.contains("urinary")),
        "{text:#?}"
    );
}

// ---------------------------------------------------------------------------------------------
// H-05 An override without a reason

#[test]
fn an_override_without_a_category_and_an_explanation_is_refused() {
    let g = guidance();
    let (mut a, ev) = high_fever(&g, "2026-11-23T09:00:00+02:00", &NO_RED_FLAGS);
    let days_1_7 = g.timeframe_by_id("days_1_7").expect("tf");
    let (phone, nurse) = (g.mode_by_id("phone"), g.professional_by_id("nurse"));
    for (category, text) in [
        ("", ""),
        ("", "Soittaja haluaa puhelun"),
        ("judgement", ""),
        ("judgement", "   \n\t"),
        ("  ", "Soittaja haluaa puhelun"),
    ] {
        assert_eq!(
            a.override_with(
                &g,
                &ev,
                a.started,
                Resolved {
                    timeframe: days_1_7,
                    mode: phone,
                    professional: nurse
                },
                reason(category, text)
            ),
            Err(DecisionError::ReasonMissing),
            "category {category:?}, text {text:?}"
        );
        assert!(a.decision.is_none());
    }
    // An "override" that changes nothing is refused too, so no override without a difference.
    let proposed = ev.proposal.as_ref().expect("proposal").outcome(&g);
    assert_eq!(
        a.override_with(
            &g,
            &ev,
            a.started,
            Resolved {
                timeframe: proposed.timeframe,
                mode: proposed.modes.first().copied(),
                professional: proposed.professional
            },
            reason("judgement", "Sama")
        ),
        Err(DecisionError::NothingChanged)
    );
    // With both, it is saved, marked as lowering urgency, and the record says why.
    a.override_with(
        &g,
        &ev,
        a.started,
        Resolved {
            timeframe: days_1_7,
            mode: phone,
            professional: nurse,
        },
        reason("preference", "Soittaja haluaa puhelun"),
    )
    .expect("saved with a reason");
    let d = a.decision.clone().expect("decision");
    assert!(d.lowers_urgency);
    let record = arvio::record::record_text(
        &g,
        &a,
        &ev,
        &arvio::record::Assessor::default(),
        t("2026-11-23T09:05:00+02:00"),
        arvio::text::Language::En,
    );
    assert!(record.contains("Soittaja haluaa puhelun"), "{record}");
    let logged =
        arvio::log::LogRecord::of(&g, &a, &ev, t("2026-11-23T09:05:00+02:00")).expect("record");
    assert!(logged.decision.overridden && logged.decision.lowers_urgency);
    assert_eq!(
        logged.decision.override_category.as_deref(),
        Some("preference")
    );
    // More urgent than proposed: an override, not marked as lowering urgency.
    a.override_with(
        &g,
        &ev,
        a.started,
        Resolved {
            timeframe: g.timeframe_by_id("on_call").expect("tf"),
            mode: g.mode_by_id("visit"),
            professional: g.professional_by_id("doctor"),
        },
        reason("judgement", "Kuulostaa huonovointiselta"),
    )
    .expect("saved");
    assert!(!a.decision.expect("decision").lowers_urgency);
}

// ---------------------------------------------------------------------------------------------
// H-06 A record attributed to the wrong guidance version

#[test]
fn any_edit_of_a_guidance_file_changes_its_hash_and_nothing_else_does() {
    let dir = common::fixture();
    let hash = |dir: &Path| common::load(dir).provenance.hash;
    let h0 = hash(dir.path());
    assert_eq!(h0.len(), 64);
    assert_eq!(hash(dir.path()), h0, "the same files, the same hash");
    // Scenarios, training cases and other files are not part of the guidance.
    fs::create_dir_all(dir.path().join("scenarios")).expect("mkdir");
    fs::write(dir.path().join("scenarios/001.ron"), "Scenario()").expect("write");
    fs::write(dir.path().join("README.txt"), "notes").expect("write");
    assert_eq!(hash(dir.path()), h0);
    // A comment in a reason file is an edit.
    let cough = dir.path().join("reasons/01_cough.ron");
    fs::write(&cough, format!("// a comment\n{}", common::COUGH)).expect("write");
    let h1 = hash(dir.path());
    assert_ne!(h1, h0);
    // So is a renamed file, even when the reasons keep their order.
    fs::rename(
        dir.path().join("reasons/02_social.ron"),
        dir.path().join("reasons/03_social.ron"),
    )
    .expect("rename");
    let h2 = hash(dir.path());
    assert_ne!(h2, h1);
    // And the version shown with it is the file's.
    let g = common::load(dir.path());
    assert_eq!(g.meta.version, "1.0");
}

#[test]
fn the_record_and_the_log_carry_the_name_version_and_hash_of_the_calls_guidance() {
    let g = guidance();
    let (mut a, ev) = high_fever(&g, "2026-11-23T09:00:00+02:00", &NO_RED_FLAGS);
    a.accept(&g, &ev, a.started).expect("accept");
    let record = arvio::record::record_text(
        &g,
        &a,
        &ev,
        &arvio::record::Assessor::default(),
        t("2026-11-23T09:05:00+02:00"),
        arvio::text::Language::Fi,
    );
    assert!(
        record.contains(&format!(
            "Testiohje, versio 1.0 (SHA-256 {})",
            g.provenance.short_hash()
        )),
        "{record}"
    );
    let logged =
        arvio::log::LogRecord::of(&g, &a, &ev, t("2026-11-23T09:05:00+02:00")).expect("record");
    assert_eq!(logged.guidance.hash, g.provenance.hash);
    assert_eq!(logged.guidance.version, "1.0");
    assert_eq!(logged.guidance.name, "Testiohje");
}

// ---------------------------------------------------------------------------------------------
// H-07 A stale autosave restored into the wrong call

#[test]
fn an_autosave_from_another_guidance_restores_without_its_decision_and_lists_what_it_dropped() {
    let g = guidance();
    let (mut a, ev) = high_fever(&g, "2026-11-23T09:00:00+02:00", &NO_RED_FLAGS);
    a.accept(&g, &ev, a.started).expect("accept");
    let save = Autosave::of(&g, &a, FreeText::Keep);
    // On the same guidance everything comes back, the decision too.
    assert!(save.matches(&g));
    let (same, dropped) = save.restore(&g);
    assert!(dropped.is_empty());
    assert_eq!(same, a);
    // The guidance changed in between: a question renamed, so its answer no longer fits.
    let dir = common::folder(&[
        ("guidance.ron", common::GUIDANCE),
        (
            "reasons/01_cough.ron",
            &common::COUGH
                .replace("(id: \"kind\",", "(id: \"kind2\",")
                .replace(r#"Is("kind", "dry")"#, r#"Is("kind2", "dry")"#),
        ),
        ("reasons/02_social.ron", common::SOCIAL),
    ]);
    let g2 = common::load(dir.path());
    assert!(!save.matches(&g2), "another guidance");
    let (restored, dropped) = save.restore(&g2);
    assert_eq!(
        dropped,
        vec!["kind".to_owned()],
        "what did not fit is listed"
    );
    assert!(
        restored.decision.is_none(),
        "a decision taken on another guidance is not restored"
    );
    assert_eq!(
        restored.call.answered().count(),
        a.call.answered().count() - 1
    );
    assert_eq!(
        restored.started, a.started,
        "the call keeps its own start time"
    );
    // The restored call is decided again, on this guidance, from its answers.
    let ev2 = evaluate(&g2, &restored.call);
    assert!(!ev2.complete(), "the dropped question is asked again");
}

// ---------------------------------------------------------------------------------------------
// The same controls through the app's state (feature `gui`): what a key press does.

#[cfg(feature = "gui")]
mod app {
    use super::*;
    use arvio::ui::intent::Intent;
    use arvio::ui::mode::Mode;
    use arvio::ui::settings::Settings;
    use arvio::ui::state::AppState;
    use std::path::PathBuf;

    const PIC: &str = "131052-308T";
    const PHONE: &str = "040 123 4567";

    /// Every file under `dir`, recursively.
    fn files_under(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    out.push(p);
                }
            }
        }
        out.sort();
        out
    }

    fn clock() -> arvio::ui::state::Clock {
        Box::new(|| t("2026-11-23T09:00:00+02:00"))
    }

    fn state(guidance: &Path, autosave: Option<PathBuf>, log: Option<PathBuf>) -> AppState {
        let mut s = AppState::new(
            Settings::default(),
            guidance.to_path_buf(),
            clock(),
            autosave,
        );
        s.apply(Intent::OpenLog(log));
        // The guidance and the log are read off the UI thread; a test waits for them.
        s.settle(std::time::Duration::from_secs(30));
        s
    }

    fn q(s: &AppState, id: &str) -> arvio::guidance::QuestionId {
        s.guidance
            .current
            .as_ref()
            .expect("guidance")
            .question_by_id(id)
            .expect("question")
    }

    /// A decided cough call through intents, with identifying notes.
    fn decided_call(s: &mut AppState) {
        s.apply(Intent::NewCall);
        let g = s.guidance.current.clone().expect("guidance");
        s.apply(Intent::AddReason(g.reason_by_id("cough").expect("cough")));
        for (id, v) in [
            ("rf_chest", Value::No),
            ("rf_confused", Value::No),
            ("age", Value::Number(40.0)),
            ("fever", Value::Yes),
            ("temp", Value::Number(39.5)),
            ("kind", Value::Choice(0)),
        ] {
            s.apply(Intent::Answer(q(s, id), Some(v)));
        }
        s.apply(Intent::SetNotes(format!(
            "Tytär soitti äidistään {PIC}, puh. {PHONE}"
        )));
        s.apply(Intent::CycleCaller); // who called: the client
        s.apply(Intent::Accept);
        assert!(
            s.call.as_ref().expect("call").assessment.decision.is_some(),
            "{:?}",
            s.call.as_ref().expect("call").message
        );
    }

    fn holds_identifiers(dir: &Path) -> Vec<PathBuf> {
        files_under(dir)
            .into_iter()
            .filter(|p| {
                let text = String::from_utf8_lossy(&fs::read(p).expect("read")).into_owned();
                text.contains(PIC) || text.contains(PHONE)
            })
            .collect()
    }

    // H-07
    /// Issue 15: an autosave path that cannot be written is said at start, before any call,
    /// not at the first failed save in the middle of one.
    #[test]
    fn an_unusable_autosave_path_is_said_at_start() {
        let dir = common::fixture();
        let data = tempfile::tempdir().expect("tmp");
        fs::write(data.path().join("a-file"), "").expect("write");
        let save = data.path().join("a-file/autosave.ron");
        let s = state(dir.path(), Some(save), None);
        let said = s.notice.as_ref().map(|n| n.text(arvio::text::Language::En));
        assert!(
            said.as_deref()
                .is_some_and(|t| t
                    .starts_with(arvio::i18n::Msg::AutosaveFailed.get(arvio::text::Language::En))),
            "{said:?}"
        );
    }

    #[test]
    fn a_restore_offer_is_withdrawn_when_a_new_call_starts() {
        let dir = common::fixture();
        let data = tempfile::tempdir().expect("tmp");
        let save = data.path().join("autosave.ron");
        {
            let mut s = state(dir.path(), Some(save.clone()), None);
            decided_call(&mut s);
            // The app dies with the call unfinished.
        }
        let mut s = state(dir.path(), Some(save.clone()), None);
        let offer = s.restore_offer.clone().expect("offered back");
        assert_eq!(
            offer.started,
            t("2026-11-23T09:00:00+02:00"),
            "shown with its start time"
        );
        assert!(s.call.is_none(), "never restored without being asked");
        s.apply(Intent::NewCall);
        assert!(s.restore_offer.is_none(), "a new call withdraws the offer");
        s.apply(Intent::RestoreAutosave);
        let c = s.call.as_ref().expect("the new call");
        assert!(c.assessment.call.reasons.is_empty());
        assert_eq!(
            c.assessment.call.answered().count(),
            0,
            "nothing of the old call in the new"
        );
        assert!(c.assessment.notes.is_empty());
    }

    // H-08
    #[test]
    fn a_finished_or_discarded_call_leaves_no_identifier_on_disk() {
        let dir = common::fixture();
        let data = tempfile::tempdir().expect("tmp");
        let save = data.path().join("autosave/assessment-in-progress.ron");
        let log = data.path().join("log");
        let mut s = state(dir.path(), Some(save.clone()), Some(log.clone()));
        decided_call(&mut s);
        // While the call is open its notes are in memory only: the autosave leaves free text out
        // unless the user asks (issue 15), so no file holds them.
        assert!(save.exists(), "the call is autosaved");
        assert!(
            holds_identifiers(data.path()).is_empty(),
            "{:?}",
            holds_identifiers(data.path())
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&save).expect("meta").permissions().mode() & 0o777,
                0o600
            );
        }
        s.apply(Intent::FinishCall);
        assert!(s.call.is_none(), "finished");
        assert_eq!(arvio::log::read_dir(&log).records.len(), 1);
        assert!(
            holds_identifiers(data.path()).is_empty(),
            "{:?}",
            holds_identifiers(data.path())
        );
        // A discarded call, and a declined restore offer, leave nothing either.
        decided_call(&mut s);
        s.apply(Intent::DiscardCall);
        assert!(s.call.is_none());
        assert!(holds_identifiers(data.path()).is_empty());
        decided_call(&mut s);
        drop(s);
        let mut s = state(dir.path(), Some(save.clone()), Some(log.clone()));
        assert!(s.restore_offer.is_some());
        s.apply(Intent::DiscardAutosave);
        assert!(holds_identifiers(data.path()).is_empty());
        assert!(!save.exists());
    }

    // H-14
    #[test]
    fn a_call_is_not_reported_finished_while_its_log_record_cannot_be_written() {
        let dir = common::fixture();
        let data = tempfile::tempdir().expect("tmp");
        let save = data.path().join("autosave.ron");
        // The log folder cannot be created: a file stands where its parent should be.
        fs::write(data.path().join("not-a-folder"), "").expect("write");
        let log = data.path().join("not-a-folder/log");
        let mut s = state(dir.path(), Some(save.clone()), Some(log));
        decided_call(&mut s);
        s.apply(Intent::FinishCall);
        let c = s.call.as_ref().expect("the call stays open");
        assert!(c.message.is_some(), "and says why");
        assert!(c.assessment.decision.is_some(), "with its decision");
        assert!(save.exists(), "and its autosave");
    }

    // H-06, H-11
    #[test]
    fn a_call_finished_after_a_guidance_reload_is_logged_under_the_guidance_it_was_made_on() {
        let dir = common::fixture();
        let data = tempfile::tempdir().expect("tmp");
        let log = data.path().join("log");
        let mut s = state(dir.path(), None, Some(log.clone()));
        let old = s
            .guidance
            .current
            .as_ref()
            .expect("g")
            .provenance
            .hash
            .clone();
        decided_call(&mut s);
        fs::write(
            dir.path().join("reasons/01_cough.ron"),
            format!("// edited during the call\n{}", common::COUGH),
        )
        .expect("write");
        s.apply(Intent::ReloadGuidance);
        s.settle(std::time::Duration::from_secs(30));
        let new = s
            .guidance
            .current
            .as_ref()
            .expect("g")
            .provenance
            .hash
            .clone();
        assert_ne!(old, new, "the edit is loaded");
        s.apply(Intent::FinishCall);
        assert!(s.call.is_none(), "finished");
        let read = arvio::log::read_dir(&log);
        assert_eq!(read.records.len(), 1);
        assert_eq!(read.records[0].guidance.hash, old);
    }

    // H-22
    #[test]
    fn a_number_outside_its_range_is_refused_and_a_decimal_comma_is_read_as_a_point() {
        let dir = common::fixture();
        let mut s = state(dir.path(), None, None);
        s.apply(Intent::NewCall);
        let g = s.guidance.current.clone().expect("guidance");
        s.apply(Intent::AddReason(g.reason_by_id("cough").expect("cough")));
        for (id, v) in [
            ("rf_chest", Value::No),
            ("rf_confused", Value::No),
            ("age", Value::Number(40.0)),
            ("fever", Value::Yes),
        ] {
            s.apply(Intent::Answer(q(&s, id), Some(v)));
        }
        let temp = q(&s, "temp");
        let focus = |s: &AppState| s.call.as_ref().expect("call").focus;
        assert_eq!(focus(&s), arvio::ui::nurse::Focus::Question(temp));
        // 39,5 typed without its comma: 395 °C is outside 34–43, refused, not clamped.
        s.apply(Intent::NumberText("395".into()));
        s.apply(Intent::CommitNumber);
        let c = s.call.as_ref().expect("call");
        assert_eq!(c.assessment.call.answer(temp), None);
        assert!(c.message.is_some(), "the nurse is told");
        assert_eq!(focus(&s), arvio::ui::nurse::Focus::Question(temp));
        s.apply(Intent::NumberText("39,5".into()));
        s.apply(Intent::CommitNumber);
        let c = s.call.as_ref().expect("call");
        assert_eq!(c.assessment.call.answer(temp), Some(Value::Number(39.5)));
    }

    // H-23
    #[test]
    fn the_example_disclaimer_is_on_screen_whenever_the_shipped_guidance_is_in_use() {
        use arvio::ui::app::ArvioApp;
        use egui_kittest::Harness;
        use egui_kittest::kittest::Queryable;
        let app = ArvioApp::new(
            Settings::default(),
            PathBuf::from("rules/default"),
            clock(),
            None,
        );
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 900.0))
            .build_ui_state(|ui, app: &mut ArvioApp| app.frame_settled(ui), app);
        h.run();
        let disclaimer = h
            .state()
            .state
            .guidance
            .current
            .as_ref()
            .and_then(|g| g.meta.disclaimer.clone())
            .expect("the shipped guidance has a disclaimer");
        h.get_by_label(&format!("! {}", disclaimer.fi));
        // During a call too.
        h.state_mut().state.apply(Intent::NewCall);
        h.run();
        assert!(h.state().state.call.is_some());
        h.get_by_label(&format!("! {}", disclaimer.fi));
    }

    /// Open hazard H-18: two instances of the app share one autosave file (and its temporary
    /// file). The instance that finishes its call removes the file that holds the other's call,
    /// so a crash of the other then loses it; concurrent writes may also mix in the shared
    /// temporary file, leaving an autosave that does not read.
    #[test]
    fn two_app_instances_never_share_one_autosave() {
        let dir = common::fixture();
        let data = tempfile::tempdir().expect("tmp");
        let save = data.path().join("autosave.ron");
        let mut a = state(dir.path(), Some(save.clone()), None);
        let mut b = state(dir.path(), Some(save.clone()), None);
        decided_call(&mut a);
        decided_call(&mut b);
        // B's call told apart by an answer (notes are no longer on disk, issue 15).
        let temp = q(&b, "temp");
        b.apply(Intent::Answer(temp, Some(Value::Number(38.7))));
        a.apply(Intent::FinishCall);
        assert!(a.call.is_none() && b.call.is_some());
        drop(b); // B crashes with its call open.
        let offered = state(dir.path(), Some(save), None).restore_offer;
        assert!(
            offered.is_some_and(|s| s
                .answers
                .contains(&("temp".to_owned(), arvio::call::Answer::Number(38.7)))),
            "B's call is not offered back after its crash"
        );
    }

    /// Open hazard H-17: the author's "Open" of a scenario replaces the call in the nurse view,
    /// even a real call in progress, without asking (Ctrl+N asks; starting a practice case
    /// refuses). This states the control that is missing.
    #[test]
    fn opening_a_scenario_never_discards_a_real_call_in_progress() {
        let dir = common::fixture();
        fs::create_dir_all(dir.path().join("scenarios")).expect("mkdir");
        fs::write(
            dir.path().join("scenarios/001_chest.ron"),
            r#"Scenario(at: "2026-11-23T09:00:00+02:00", answers: {"rf_chest": Yes}, expect: (timeframe: "emergency"))"#,
        )
        .expect("write");
        let mut s = state(dir.path(), None, None);
        s.apply(Intent::SetMode(Mode::Author));
        s.settle(std::time::Duration::from_secs(30));
        assert_eq!(s.author.results.len(), 1);
        s.apply(Intent::SetMode(Mode::Nurse));
        decided_call(&mut s);
        s.apply(Intent::OpenScenario(0));
        let c = s.call.as_ref().expect("a call");
        assert!(
            c.assessment.notes.contains(PIC),
            "the real call was replaced by the scenario without a word"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Open hazards: reproducers of controls that are missing (see docs/SAFETY.md).

/// Open hazard H-16: the contact window is counted from the day the call *started*. A call
/// restored from yesterday's autosave, or one that runs past midnight, gets a window that may
/// already have passed ("same day" = yesterday), and the record promises it.
#[test]
fn a_contact_window_never_ends_before_the_day_of_the_decision() {
    let g = guidance();
    // Started on Wednesday 18.11.; restored after a crash and decided on Wednesday 25.11.
    let (mut a, ev) = high_fever(&g, "2026-11-18T10:00:00+02:00", &NO_RED_FLAGS);
    let decided = t("2026-11-25T09:00:00+02:00");
    a.accept(&g, &ev, decided).expect("accept");
    // The app makes the proposal and the record at the time of the decision.
    let e = arvio::explain::explain(&g, &a.call, &ev, decided, arvio::text::Language::En)
        .expect("explanation");
    let w = e.window.expect("window");
    assert!(
        w.latest >= decided.date_naive(),
        "the proposal promises contact by {}, before the decision day {}",
        w.latest,
        decided.date_naive()
    );
    let record = arvio::record::record_text(
        &g,
        &a,
        &ev,
        &arvio::record::Assessor::default(),
        decided,
        arvio::text::Language::En,
    );
    assert!(record.contains("Contact by Mon 30.11.2026"), "{record}");
}

/// H-34: the core refuses a decision until who called is chosen (the CLI, scenarios and the app
/// all decide through it), and a practice call, whose record is not kept, may decide without.
#[test]
fn no_decision_is_taken_before_who_called_is_chosen() {
    use arvio::assessment::Caller;
    let g = guidance();
    let (mut a, ev) = high_fever(&g, "2026-11-23T09:00:00+02:00", &NO_RED_FLAGS);
    a.caller = Caller::NotChosen;
    assert_eq!(
        a.accept(&g, &ev, a.started),
        Err(DecisionError::CallerNotChosen)
    );
    let other = Resolved {
        timeframe: g.timeframe_by_id("days_1_7").expect("tf"),
        mode: g.mode_by_id("phone"),
        professional: g.professional_by_id("nurse"),
    };
    assert_eq!(
        a.override_with(
            &g,
            &ev,
            a.started,
            other,
            reason("judgement", "soittaa itse")
        ),
        Err(DecisionError::CallerNotChosen)
    );
    assert!(a.decision.is_none(), "nothing decided");
    a.caller = Caller::Parent;
    assert_eq!(a.accept(&g, &ev, a.started), Ok(()));
    let (mut practice, ev) = high_fever(&g, "2026-11-23T09:00:00+02:00", &NO_RED_FLAGS);
    practice.caller = Caller::NotChosen;
    practice.caller_required = false;
    assert_eq!(practice.accept(&g, &ev, practice.started), Ok(()));
}
