//! The autosave on disk (issue 15): every earlier format migrated (a sample of each version is
//! kept in tests/samples/autosave/), an unreadable file set aside and never deleted, free text
//! written only when asked, the record text never, private folder and files, the path checked at
//! start, and special files at its name (a FIFO must not hang start-up or a save).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use arvio::assessment::{Assessment, Caller, OverrideReason};
use arvio::autosave::{self, Autosave, FreeText, VERSION};
use arvio::call::{Answer, Value};
use arvio::disposition::{Disposition, Resolved};
use arvio::engine::evaluate;
use arvio::guidance::Guidance;
use chrono::DateTime;

const PIC: &str = "131052-308T";
const PHONE: &str = "040 123 4567";

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/samples/autosave")
}

/// The fixture guidance, its hash made the samples' so that their decision restores too (the
/// samples were not written on this very copy of the fixture).
fn guidance_of_the_samples() -> Guidance {
    let dir = common::fixture();
    let mut g = common::load(dir.path());
    g.provenance.hash = "sample".to_owned();
    g
}

fn q(g: &Guidance, id: &str) -> arvio::guidance::QuestionId {
    g.question_by_id(id)
        .unwrap_or_else(|| panic!("no question `{id}`"))
}

/// A cough call with a high fever, overridden to 1–7 days by phone with a nurse, with
/// identifying free text in the notes and the override explanation.
fn overridden_call(g: &Guidance) -> Assessment {
    let mut a = Assessment::new(
        g,
        DateTime::parse_from_rfc3339("2026-11-23T09:00:00+02:00").expect("time"),
    );
    a.call.add_reason(g.reason_by_id("cough").expect("cough"));
    for (id, v) in [
        ("rf_chest", Value::No),
        ("rf_confused", Value::No),
        ("age", Value::Number(40.0)),
        ("fever", Value::Yes),
        ("temp", Value::Number(39.5)),
        ("kind", Value::Choice(0)),
    ] {
        a.call.set(q(g, id), Some(v));
    }
    a.caller = Caller::OnBehalf;
    a.notes = format!("Tytär soitti äidistään {PIC}, takaisinsoitto {PHONE}");
    let ev = evaluate(g, &a.call);
    a.override_with(
        g,
        &ev,
        a.started,
        Resolved {
            timeframe: g.timeframe_by_id("days_1_7").expect("tf"),
            mode: g.mode_by_id("phone"),
            professional: g.professional_by_id("nurse"),
        },
        OverrideReason {
            category: "preference".to_owned(),
            text: format!("Asiakas {PIC} toivoo puhelua numeroon {PHONE}"),
        },
    )
    .expect("override");
    a
}

#[cfg(unix)]
fn mode_of(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

#[cfg(unix)]
fn mkfifo(p: &Path) {
    let made = std::process::Command::new("mkfifo").arg(p).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo is needed");
}

/// Runs `f` on a thread and fails the test if it has not returned within 10 s: a FIFO that
/// blocks would otherwise hang the test run instead of failing it.
fn within_seconds<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(10))
        .unwrap_or_else(|_| panic!("{what}: still blocked after 10 s"))
}

// ---------------------------------------------------------------------------------------------
// Versions

/// Every sample, by version, with the file name it is kept under.
const SAMPLES: [(&str, u32); 4] = [
    ("v1.ron", 1),
    ("v2-unnumbered.ron", 2),
    ("v2.ron", 2),
    ("v3.ron", 3),
];

#[test]
fn a_sample_of_every_version_is_kept() {
    for v in 1..=VERSION {
        let name = format!("v{v}.ron");
        assert!(samples().join(&name).is_file(), "no sample {name}");
        assert!(SAMPLES.iter().any(|(n, sv)| *n == name && *sv == v));
    }
}

#[test]
fn every_earlier_version_is_migrated_and_restores_the_whole_call() {
    let g = guidance_of_the_samples();
    for (name, _) in SAMPLES {
        let data = tempfile::tempdir().expect("tmp");
        let path = data.path().join("autosave.ron");
        fs::copy(samples().join(name), &path).expect("copy");
        let save = autosave::read(&path)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .unwrap_or_else(|| panic!("{name}: read as none"));
        assert_eq!(save.version, VERSION, "{name}: migrated");
        assert_eq!(save.answers.len(), 6, "{name}");
        assert_eq!(
            save.answers[5],
            ("kind".to_owned(), Answer::Choice("dry".into()))
        );
        let d = save.decision.as_ref().expect("decision");
        assert_eq!(
            d.disposition,
            Disposition {
                timeframe: "days_1_7".into(),
                mode: Some("phone".into()),
                professional: Some("nurse".into()),
            },
            "{name}"
        );
        let (a, dropped) = save.restore(&g);
        assert!(dropped.is_empty(), "{name}: dropped {dropped:?}");
        assert_eq!(a.caller, Caller::OnBehalf);
        assert_eq!(a.notes, "Yskä kolmatta päivää", "{name}");
        assert_eq!(a.call.answer(q(&g, "temp")), Some(Value::Number(39.5)));
        let decision = a.decision.expect("the decision comes back");
        assert_eq!(
            decision.override_reason.map(|r| (r.category, r.text)),
            Some(("preference".into(), "Toivoo puhelua iltapäivällä".into())),
            "{name}"
        );
        assert!(decision.lowers_urgency);
        assert_eq!(
            decision.disposition.timeframe,
            g.timeframe_by_id("days_1_7").expect("tf")
        );
        // The file itself is left as it was: it is rewritten in the current format at the
        // next save.
        assert_eq!(
            fs::read(&path).expect("read"),
            fs::read(samples().join(name)).expect("read")
        );
    }
}

#[test]
fn the_current_sample_is_what_this_version_writes() {
    let data = tempfile::tempdir().expect("tmp");
    let path = data.path().join("autosave.ron");
    fs::copy(samples().join(format!("v{VERSION}.ron")), &path).expect("copy");
    let save = autosave::read(&path).expect("reads").expect("some");
    autosave::write(&path, &save).expect("write");
    assert_eq!(
        fs::read_to_string(&path).expect("read").trim_end(),
        fs::read_to_string(samples().join(format!("v{VERSION}.ron")))
            .expect("read")
            .trim_end()
    );
}

#[test]
fn an_autosave_of_a_newer_version_is_left_in_place_with_a_notice() {
    let data = tempfile::tempdir().expect("tmp");
    let path = data.path().join("autosave.ron");
    let text = fs::read_to_string(samples().join("v2.ron"))
        .expect("read")
        .replace("version: 2,", "version: 99,");
    fs::write(&path, &text).expect("write");
    let notice = autosave::read(&path).expect_err("not read");
    assert!(notice.contains("version 99"), "{notice}");
    assert_eq!(fs::read_to_string(&path).expect("still there"), text);
}

// ---------------------------------------------------------------------------------------------
// Corrupt files

#[test]
fn an_unparseable_autosave_is_set_aside_with_a_notice_and_never_deleted() {
    let data = tempfile::tempdir().expect("tmp");
    let path = data.path().join("autosave.ron");
    let corrupt = |n: usize| data.path().join(format!("autosave.ron.corrupt-{n}"));
    fs::write(&path, "(guidance_hash: \"abc\", started: ").expect("write");
    let notice = autosave::read(&path).expect_err("not read");
    assert!(notice.contains("does not read"), "{notice}");
    assert!(
        notice.contains(&corrupt(1).display().to_string()),
        "{notice}"
    );
    assert!(!path.exists(), "the path is free for the next call");
    assert_eq!(
        fs::read_to_string(corrupt(1)).expect("kept"),
        "(guidance_hash: \"abc\", started: "
    );
    #[cfg(unix)]
    assert_eq!(mode_of(&corrupt(1)), 0o600);
    // Start-up goes on: nothing to restore, and the next save writes at the path.
    assert_eq!(autosave::read(&path), Ok(None));
    // A second one, and one that is not even UTF-8, get the next numbers; none is replaced.
    fs::write(&path, "garbage").expect("write");
    assert!(autosave::read(&path).is_err());
    fs::write(&path, [0xff, 0xfe, 0x00]).expect("write");
    assert!(autosave::read(&path).is_err());
    assert_eq!(fs::read(corrupt(2)).expect("kept"), b"garbage");
    assert_eq!(fs::read(corrupt(3)).expect("kept"), [0xff, 0xfe, 0x00]);
    assert!(corrupt(1).exists());
}

// ---------------------------------------------------------------------------------------------
// Free text and the record text

#[test]
fn free_text_is_not_written_unless_asked() {
    assert_eq!(FreeText::default(), FreeText::Omit, "off by default");
    let dir = common::fixture();
    let g = common::load(dir.path());
    let a = overridden_call(&g);
    let data = tempfile::tempdir().expect("tmp");
    let path = data.path().join("autosave.ron");
    autosave::write(&path, &Autosave::of(&g, &a, FreeText::Omit)).expect("write");
    let text = fs::read_to_string(&path).expect("read");
    for needle in [PIC, PHONE, "Tytär", "toivoo puhelua"] {
        assert!(!text.contains(needle), "`{needle}` on disk:\n{text}");
    }
    // The rest of the call comes back; the override, whose explanation was not written, is
    // decided again rather than restored without one.
    let save = autosave::read(&path).expect("reads").expect("some");
    let (restored, dropped) = save.restore(&g);
    assert!(dropped.is_empty());
    assert_eq!(restored.call, a.call);
    assert!(restored.notes.is_empty());
    assert!(restored.decision.is_none());
    // Asked for: written, and everything comes back.
    autosave::write(&path, &Autosave::of(&g, &a, FreeText::Keep)).expect("write");
    let text = fs::read_to_string(&path).expect("read");
    assert!(text.contains(PIC) && text.contains(PHONE));
    let (restored, _) = autosave::read(&path)
        .expect("reads")
        .expect("some")
        .restore(&g);
    assert_eq!(restored, a);
}

#[test]
fn the_record_text_is_never_written() {
    let dir = common::fixture();
    let g = common::load(dir.path());
    let a = overridden_call(&g);
    let ev = evaluate(&g, &a.call);
    let assessor = arvio::record::Assessor {
        name: "Hanna Hoitaja".into(),
        title: "sairaanhoitaja".into(),
    };
    let record =
        arvio::record::record_text(&g, &a, &ev, &assessor, a.started, arvio::text::Language::Fi);
    let data = tempfile::tempdir().expect("tmp");
    let path = data.path().join("autosave.ron");
    for free_text in [FreeText::Omit, FreeText::Keep] {
        autosave::write(&path, &Autosave::of(&g, &a, free_text)).expect("write");
        let text = fs::read_to_string(&path).expect("read");
        assert!(!text.contains(&record), "the record text on disk");
        assert!(!text.contains("Hanna Hoitaja"));
        // Nor any line of it longer than an id: the record is composed, never stored.
        for line in record.lines().filter(|l| l.len() > 30) {
            assert!(!text.contains(line), "`{line}` on disk");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Permissions and the path check

#[cfg(unix)]
#[test]
fn the_data_folder_is_0700_and_every_file_in_it_0600() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().expect("tmp");
    let data = root.path().join("arvio");
    // A folder left world-readable by an older version is narrowed.
    fs::create_dir(&data).expect("mkdir");
    fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).expect("chmod");
    let base = data.join("autosave.ron");
    autosave::check_path(&base).expect("usable");
    let slot = autosave::claim(&base).expect("a slot");
    assert_eq!(mode_of(&data), 0o700);
    let g = common::load(common::fixture().path());
    autosave::write(
        &slot.path,
        &Autosave::of(&g, &overridden_call(&g), FreeText::Omit),
    )
    .expect("write");
    // A corrupt one set aside is private too.
    fs::write(data.join("autosave-2.ron"), "garbage").expect("write");
    fs::set_permissions(
        data.join("autosave-2.ron"),
        fs::Permissions::from_mode(0o644),
    )
    .expect("chmod");
    assert!(autosave::read(&data.join("autosave-2.ron")).is_err());
    let files: Vec<_> = fs::read_dir(&data)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .collect();
    assert!(files.len() >= 3, "{files:?}");
    for f in files {
        assert_eq!(mode_of(&f), 0o600, "{}", f.display());
    }
}

#[test]
fn the_autosave_path_is_checked_at_start() {
    let root = tempfile::tempdir().expect("tmp");
    let fine = root.path().join("new/data/autosave.ron");
    autosave::check_path(&fine).expect("usable");
    assert!(fine.parent().expect("dir").is_dir(), "the folder is made");
    assert_eq!(
        fs::read_dir(fine.parent().expect("dir"))
            .expect("list")
            .count(),
        0,
        "the probe is removed"
    );
    // A file where the folder should be, and a folder where the file should be.
    fs::write(root.path().join("file"), "").expect("write");
    let under_a_file = root.path().join("file/autosave.ron");
    let e = autosave::check_path(&under_a_file).expect_err("unusable");
    assert!(e.contains(&under_a_file.display().to_string()), "{e}");
    let folder = root.path().join("folder.ron");
    fs::create_dir(&folder).expect("mkdir");
    assert!(autosave::check_path(&folder).is_err());
}

// ---------------------------------------------------------------------------------------------
// What a user did: special files and links at the autosave's names

#[cfg(unix)]
#[test]
fn a_fifo_as_the_autosave_path_neither_hangs_start_up_nor_a_save() {
    let data = tempfile::tempdir().expect("tmp");
    let base = data.path().join("autosave.ron");
    mkfifo(&base);
    mkfifo(&base.with_extension("tmp"));
    let g = common::load(common::fixture().path());
    let save = Autosave::of(&g, &overridden_call(&g), FreeText::Omit);
    let (base2, save2) = (base.clone(), save.clone());
    within_seconds("start-up and a save", move || {
        autosave::check_path(&base2).expect("usable: a save replaces the FIFO");
        let slot = autosave::claim(&base2).expect("a slot");
        assert_eq!(slot.path, base2);
        assert_eq!(autosave::orphans(&base2, &slot.path), vec![base2.clone()]);
        let notice = autosave::read(&base2).expect_err("a FIFO is no autosave");
        assert!(notice.contains("not a regular file"), "{notice}");
        autosave::write(&slot.path, &save2).expect("the save replaces it");
    });
    assert_eq!(autosave::read(&base), Ok(Some(save)));
    assert!(!base.with_extension("tmp").exists());
}

#[cfg(unix)]
#[test]
fn a_symlink_at_the_temporary_name_is_not_written_through() {
    let root = tempfile::tempdir().expect("tmp");
    let outside = root.path().join("outside");
    fs::write(&outside, "keep me").expect("write");
    let data = root.path().join("data");
    fs::create_dir(&data).expect("mkdir");
    let path = data.join("autosave.ron");
    std::os::unix::fs::symlink(&outside, path.with_extension("tmp")).expect("symlink");
    let g = common::load(common::fixture().path());
    let save = Autosave::of(&g, &overridden_call(&g), FreeText::Omit);
    autosave::write(&path, &save).expect("write");
    assert_eq!(fs::read_to_string(&outside).expect("read"), "keep me");
    assert_eq!(autosave::read(&path), Ok(Some(save)));
}
