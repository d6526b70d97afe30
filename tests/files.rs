//! Issue 15, the guidance folder and the outputs: what a user (or an attacker) did to the files,
//! and what `arvio` must do about it. Each test is named for what was done; each has its entry
//! in docs/SAFETY.md ("Issue 15: the guidance folder and the outputs").
//!
//! Commands run as the binary, under a watchdog: a command that does not end within 5 s fails
//! the test as a hang instead of hanging it.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

const HANG: Duration = Duration::from_secs(5);

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs `arvio args…` with `env`, killed (and the test failed) after [`HANG`].
fn arvio_env(args: &[&dyn AsRef<std::ffi::OsStr>], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_arvio"));
    for a in args {
        cmd.arg(a);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("arvio runs");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`arvio` hung for more than {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().expect("output");
    let run = Run {
        code: out.status.code().expect("exited"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!run.all().contains("panicked"), "{}", run.all());
    run
}

fn arvio(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Run {
    arvio_env(args, &[])
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status();
    assert!(ok.is_ok_and(|s| s.success()), "mkfifo is needed");
}

#[cfg(unix)]
fn symlink(target: impl AsRef<Path>, link: &Path) {
    std::os::unix::fs::symlink(target, link).expect("symlink");
}

/// Whether permissions hold for this user (not for root): an unreadable folder is unreadable.
#[cfg(unix)]
fn permissions_hold() -> bool {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let probe = dir.path().join("p");
    std::fs::create_dir(&probe).unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000)).unwrap();
    let held = std::fs::read_dir(&probe).is_err();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o700)).unwrap();
    held
}

const SCENARIO: &str = r#"Scenario(
    name: "mild cough",
    at: "2026-03-02T10:00:00+02:00",
    reasons: ["cough"],
    answers: {"fever": No, "kind": Choice("dry")},
    expect: (timeframe: "self_care", rule: "cough_mild"),
)
"#;

// --- special files ----------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn check_of_a_folder_with_a_fifo_as_a_reason_refuses_it_at_once() {
    let dir = fixture();
    let pipe = dir.path().join("reasons/03_pipe.ron");
    mkfifo(&pipe);
    let run = arvio(&[&"check", &dir.path()]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("03_pipe.ron:1:1"), "{}", run.stderr);
    assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn check_of_a_folder_whose_guidance_ron_is_a_fifo_refuses_it_at_once() {
    let dir = folder(&[("reasons/01_cough.ron", COUGH)]);
    mkfifo(&dir.path().join("guidance.ron"));
    let run = arvio(&[&"check", &dir.path()]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("guidance.ron:1:1"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn test_of_a_folder_with_a_fifo_as_a_scenario_counts_it_as_an_error_and_ends() {
    let dir = fixture();
    std::fs::create_dir(dir.path().join("scenarios")).unwrap();
    std::fs::write(dir.path().join("scenarios/01.ron"), SCENARIO).unwrap();
    mkfifo(&dir.path().join("scenarios/02_pipe.ron"));
    let run = arvio(&[&"test", &dir.path()]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("02_pipe.ron:1:1"), "{}", run.all());
}

#[cfg(unix)]
#[test]
fn eval_with_answers_from_a_fifo_refuses_them_at_once() {
    let dir = fixture();
    let elsewhere = tempfile::tempdir().unwrap();
    let pipe = elsewhere.path().join("answers.ron");
    mkfifo(&pipe);
    let run = arvio(&[&"eval", &dir.path(), &"--answers", &pipe]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn check_of_a_reason_linked_to_dev_zero_refuses_it_without_reading() {
    let dir = fixture();
    symlink("/dev/zero", &dir.path().join("reasons/03_zero.ron"));
    let start = Instant::now();
    let run = arvio(&[&"check", &dir.path()]);
    assert!(start.elapsed() < Duration::from_secs(2));
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("03_zero.ron:1:1"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("    | "),
        "no caret line: {}",
        run.stderr
    );
}

#[test]
fn check_of_a_4_gb_sparse_reason_refuses_it_before_reading_and_prints_no_line() {
    let dir = fixture();
    let big = std::fs::File::create(dir.path().join("reasons/03_big.ron")).unwrap();
    big.set_len(4 << 30).unwrap();
    drop(big);
    let start = Instant::now();
    let run = arvio(&[&"check", &dir.path()]);
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("03_big.ron:1:1"), "{}", run.stderr);
    assert!(run.stderr.contains("4294967296 bytes"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("    | "),
        "no caret line: {}",
        run.stderr
    );
}

// --- folders that cannot be listed ------------------------------------------------------------

/// Replaces `sub` of a fixture (with a scenario in `scenarios/`) by what `make` puts there, and
/// checks that `arvio check` names it and fails.
#[cfg(unix)]
fn check_fails_naming(sub: &str, make: impl Fn(&Path)) {
    let dir = fixture();
    std::fs::create_dir_all(dir.path().join("scenarios")).unwrap();
    std::fs::write(dir.path().join("scenarios/01.ron"), SCENARIO).unwrap();
    let path = dir.path().join(sub);
    let _ = std::fs::remove_dir_all(&path);
    make(&path);
    let run = arvio(&[&"check", &dir.path()]);
    restore_permissions(&path);
    assert_eq!(run.code, 1, "{sub}: {}", run.all());
    let named = format!("{}:1:1", path.display());
    assert!(run.stderr.contains(&named), "{sub}: {}", run.stderr);
    assert!(!run.stdout.contains("ok"), "{sub}: {}", run.stdout);
}

#[cfg(unix)]
fn restore_permissions(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700));
}

#[cfg(unix)]
#[test]
fn check_of_a_folder_whose_reasons_is_a_regular_file_fails_naming_it() {
    for sub in ["reasons", "questions", "scenarios", "training"] {
        check_fails_naming(sub, |p| std::fs::write(p, "x").unwrap());
    }
}

#[cfg(unix)]
#[test]
fn check_of_a_folder_whose_reasons_is_a_symlink_loop_fails_naming_it() {
    for sub in ["reasons", "questions", "scenarios", "training"] {
        check_fails_naming(sub, |p| symlink(p, p));
    }
}

#[cfg(unix)]
#[test]
fn check_of_a_folder_whose_reasons_is_a_dangling_link_fails_naming_it() {
    for sub in ["reasons", "scenarios", "training"] {
        check_fails_naming(sub, |p| symlink("/nonexistent/arvio", p));
    }
}

#[cfg(unix)]
#[test]
fn check_of_a_folder_whose_reasons_is_unreadable_fails_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    if !permissions_hold() {
        eprintln!("skipped: permissions do not hold for this user (root)");
        return;
    }
    for sub in ["reasons", "questions", "scenarios", "training"] {
        check_fails_naming(sub, |p| {
            std::fs::create_dir(p).unwrap();
            std::fs::write(p.join("x.ron"), "()").unwrap();
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o000)).unwrap();
        });
    }
}

// --- symlinks ---------------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn check_of_a_reason_linked_to_a_credentials_file_never_prints_the_secret() {
    let dir = fixture();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("credentials");
    std::fs::write(&secret, "aws_secret_access_key = hunter2-TOP-SECRET\n").unwrap();
    let link = dir.path().join("reasons/03_creds.ron");
    symlink(&secret, &link);
    let run = arvio(&[&"check", &dir.path()]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        !run.all().contains("hunter2"),
        "the secret leaked: {}",
        run.all()
    );
    assert!(run.stderr.contains("03_creds.ron:1:1"), "{}", run.stderr);
    assert!(
        run.stderr.contains("outside the guidance folder"),
        "{}",
        run.stderr
    );
}

#[cfg(target_os = "linux")]
#[test]
fn check_of_a_reason_linked_to_proc_self_environ_never_prints_the_environment() {
    let dir = fixture();
    symlink("/proc/self/environ", &dir.path().join("reasons/03_env.ron"));
    let run = arvio_env(
        &[&"check", &dir.path()],
        &[("ARVIO_TEST_SECRET", "s3cr3t-token-42")],
    );
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(!run.all().contains("s3cr3t-token-42"), "{}", run.all());
    assert!(run.stderr.contains("03_env.ron:1:1"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn check_of_a_reason_linked_to_a_file_inside_the_folder_follows_the_link() {
    let dir = fixture();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::rename(
        dir.path().join("reasons/02_social.ron"),
        shared.join("social.ron"),
    )
    .unwrap();
    symlink(
        "../shared/social.ron",
        &dir.path().join("reasons/02_social.ron"),
    );
    let run = arvio(&[&"check", &dir.path()]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("2 reasons"), "{}", run.stdout);
}

#[cfg(unix)]
#[test]
fn check_of_a_scenario_linked_outside_the_folder_refuses_it_and_prints_no_content() {
    let dir = fixture();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("notes.ron");
    std::fs::write(&secret, "patient 010190-123A phone 040 1234567").unwrap();
    std::fs::create_dir(dir.path().join("scenarios")).unwrap();
    symlink(&secret, &dir.path().join("scenarios/01.ron"));
    let run = arvio(&[&"test", &dir.path()]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(!run.all().contains("010190"), "{}", run.all());
    assert!(
        run.stderr.contains("outside the guidance folder"),
        "{}",
        run.all()
    );
}

#[cfg(unix)]
#[test]
fn check_of_a_dangling_reason_link_fails_naming_the_link() {
    let dir = fixture();
    let link = dir.path().join("reasons/03_gone.ron");
    symlink("/nonexistent/reason.ron", &link);
    let run = arvio(&[&"check", &dir.path()]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("03_gone.ron:1:1"), "{}", run.stderr);
}

// --- the error printer ------------------------------------------------------------------------

#[test]
fn the_caret_line_shows_what_was_parsed_even_after_the_file_changed() {
    let dir = fixture();
    let bad = COUGH.replace("kind: YesNo),", "kind: YesNo),\n        (id: \"x\" oops),");
    let path = dir.path().join("reasons/01_cough.ron");
    std::fs::write(&path, &bad).unwrap();
    let diags = arvio::guidance::load_guidance(dir.path()).unwrap_err();
    assert!(diags.iter().any(|d| d.line.is_some()), "{diags:?}");
    std::fs::write(&path, "REPLACED AFTER LOADING\n".repeat(20)).unwrap();
    let mut err = Vec::new();
    arvio::cli::write_diagnostics(&diags, arvio::text::Language::En, &mut err).unwrap();
    let err = String::from_utf8(err).unwrap();
    assert!(err.contains("(id: \"x\" oops)"), "{err}");
    assert!(!err.contains("REPLACED"), "{err}");
}

// --- races ------------------------------------------------------------------------------------

/// The two versions of a guidance a `git pull` switches between: the fixture, and the same with
/// every file changed.
fn versions() -> [Vec<(&'static str, String)>; 2] {
    let old = vec![
        ("guidance.ron", GUIDANCE.to_owned()),
        ("reasons/01_cough.ron", COUGH.to_owned()),
        ("reasons/02_social.ron", SOCIAL.to_owned()),
    ];
    let new = vec![
        (
            "guidance.ron",
            GUIDANCE.replace("\"1.0\"", "\"2.0-pulled\""),
        ),
        (
            "reasons/01_cough.ron",
            COUGH.replace("\"Rest\"", "\"Rest well\""),
        ),
        (
            "reasons/02_social.ron",
            SOCIAL.replace("\"Social duty\"", "\"Social duty now\""),
        ),
    ];
    [old, new]
}

/// Writes a version file by file, each replaced by a rename (as git does).
fn write_version(dir: &Path, files: &[(&str, String)]) {
    for (rel, text) in files {
        let tmp = dir.join(format!("{}.tmp", rel.replace('/', "_")));
        std::fs::write(&tmp, text).unwrap();
        std::fs::rename(&tmp, dir.join(rel)).unwrap();
    }
}

fn hash_of(files: &[(&str, String)]) -> String {
    let refs: Vec<(&str, &str)> = files.iter().map(|(r, t)| (*r, t.as_str())).collect();
    let dir = folder(&refs);
    load(dir.path()).provenance.hash
}

/// Loads while another thread switches the guidance between two versions (thousands of times,
/// as a deployment swapping `current` between two checkouts): every "ok" is one whole version,
/// every failure is "changed while loading", never a mixture or a half-read file's error.
#[cfg(unix)]
#[test]
fn loads_while_the_guidance_is_switched_between_versions_are_each_one_whole_version() {
    let [old, new] = versions();
    let whole = [hash_of(&old), hash_of(&new)];
    let base = tempfile::tempdir().unwrap();
    let v = [base.path().join("v1"), base.path().join("v2")];
    for (dir, files) in v.iter().zip([&old, &new]) {
        std::fs::create_dir_all(dir.join("reasons")).unwrap();
        write_version(dir, files);
    }
    let current = base.path().join("current");
    symlink(&v[0], &current);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (base, v, stop) = (base.path().to_path_buf(), v.clone(), stop.clone());
        std::thread::spawn(move || {
            for i in 0..20_000 {
                if stop.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                let tmp = base.join("current.tmp");
                let _ = std::fs::remove_file(&tmp);
                symlink(&v[(i + 1) % 2], &tmp);
                std::fs::rename(&tmp, base.join("current")).unwrap();
                if i % 8 == 7 {
                    std::thread::sleep(Duration::from_millis(2));
                }
            }
        })
    };
    let (mut ok, mut changed) = (0, 0);
    for _ in 0..300 {
        match arvio::guidance::load_guidance(&current) {
            Ok(g) => {
                assert!(whole.contains(&g.provenance.hash), "a mixture was accepted");
                ok += 1;
            }
            Err(diags) => {
                assert!(
                    diags
                        .iter()
                        .all(|d| d.message.to_string().contains("changed while loading")),
                    "{diags:?}"
                );
                changed += 1;
            }
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
    eprintln!("{ok} whole versions, {changed} 'changed while loading'");
}

/// Loads while a `git pull` rewrites the files one by one, in order, each by a rename: no load
/// is torn (one file read before a change and an earlier one after it). Every "ok" is a state
/// the folder was in: a whole version, or, when the writer was caught between two files for
/// longer than `SETTLE`, the new version up to some file and the old one after it.
#[test]
fn loads_while_a_git_pull_rewrites_the_files_are_never_torn() {
    let [old, new] = versions();
    let dir = fixture();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (dir, stop) = (dir.path().to_path_buf(), stop.clone());
        let [old, new] = versions();
        std::thread::spawn(move || {
            for i in 0..400 {
                if stop.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                write_version(&dir, if i % 2 == 0 { &new } else { &old });
                std::thread::sleep(Duration::from_millis(15));
            }
        })
    };
    let (mut whole, mut between) = (0, 0);
    for _ in 0..100 {
        let Ok(snapshot) = arvio::guidance::folder::read_snapshot(dir.path()) else {
            continue;
        };
        let is_new: Vec<bool> = snapshot
            .sources
            .iter()
            .zip(old.iter().zip(&new))
            .map(|(text, ((_, o), (_, n)))| {
                assert!(text == o || text == n, "a half-written file was accepted");
                text == n
            })
            .collect();
        let switches = is_new.windows(2).filter(|w| w[0] != w[1]).count();
        assert!(switches <= 1, "a torn load was accepted: {is_new:?}");
        if switches == 0 {
            whole += 1;
        } else {
            between += 1;
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
    eprintln!("{whole} whole versions, {between} between two files of a pull");
}

#[test]
fn a_file_replaced_during_a_load_is_read_again_and_the_new_version_loaded() {
    let [_, new] = versions();
    let dir = fixture();
    let mut replaced = false;
    let snapshot = arvio::guidance::folder::read_snapshot_with(dir.path(), &mut |_| {
        if !replaced {
            replaced = true;
            write_version(dir.path(), &new);
        }
    })
    .unwrap();
    let by_name: Vec<_> = snapshot.files.iter().zip(&snapshot.sources).collect();
    for ((rel, text), (want_rel, want)) in by_name.iter().zip(&new) {
        assert_eq!(rel.to_str().unwrap(), *want_rel);
        assert_eq!(*text, want);
    }
}

#[test]
fn a_guidance_that_keeps_changing_while_loading_is_refused_as_changed_while_loading() {
    let [old, new] = versions();
    let dir = fixture();
    let mut n = 0;
    let result = arvio::guidance::folder::read_snapshot_with(dir.path(), &mut |_| {
        n += 1;
        write_version(dir.path(), if n % 2 == 0 { &old } else { &new });
    });
    let diags = result.unwrap_err();
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, arvio::diagnostic::Code::Io);
    assert_eq!(diags[0].file, dir.path());
    assert!(
        diags[0]
            .message
            .to_string()
            .contains("changed while loading")
    );
}

#[test]
fn a_reason_added_during_a_load_is_read_again() {
    let dir = fixture();
    let mut added = false;
    let snapshot = arvio::guidance::folder::read_snapshot_with(dir.path(), &mut |_| {
        if !added {
            added = true;
            std::fs::write(dir.path().join("reasons/03_new.ron"), SOCIAL).unwrap();
        }
    })
    .unwrap();
    assert_eq!(snapshot.files.len(), 4, "{:?}", snapshot.files);
}

// --- output -----------------------------------------------------------------------------------

#[test]
fn test_format_junit_with_a_control_character_in_a_scenario_name_is_well_formed_xml() {
    let dir = fixture();
    std::fs::create_dir(dir.path().join("scenarios")).unwrap();
    let named = SCENARIO.replace("\"mild cough\"", "\"mild \\u{1}\\u{1b}[31m cough\"");
    let failing = named.replace("cough_mild", "cough_old");
    std::fs::write(dir.path().join("scenarios/01.ron"), &named).unwrap();
    std::fs::write(dir.path().join("scenarios/02.ron"), &failing).unwrap();
    let run = arvio(&[&"test", &dir.path(), &"--format", &"junit"]);
    assert_eq!(run.code, 1, "{}", run.all());
    let mut reader = quick_xml::Reader::from_str(&run.stdout);
    let mut names = Vec::new();
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Empty(e) | quick_xml::events::Event::Start(e))
                if e.name().as_ref() == "testcase" =>
            {
                let name = e.try_get_attribute("name").unwrap().unwrap();
                names.push(
                    name.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned(),
                );
            }
            Ok(_) => {}
            Err(e) => panic!("not well-formed XML: {e}\n{}", run.stdout),
        }
    }
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names[0].contains("⟨U+0001⟩⟨ESC⟩[31m"), "{names:?}");
    assert!(!run.stdout.contains('\u{1b}') && !run.stdout.contains('\u{1}'));
}

#[test]
fn check_of_a_reason_with_an_esc_in_its_id_never_sends_the_esc_to_the_terminal() {
    let dir = fixture();
    let evil = SOCIAL.replace(
        "id: \"social\"",
        "id: \"soc\u{1b}]0;pwned\u{7}\u{1b}[2Jial\"",
    );
    std::fs::write(dir.path().join("reasons/02_social.ron"), evil).unwrap();
    let run = arvio(&[&"check", &dir.path()]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(!run.all().contains('\u{1b}'), "{:?}", run.all());
    assert!(!run.all().contains('\u{7}'), "{:?}", run.all());
    assert!(run.stderr.contains("⟨ESC⟩[2J"), "{}", run.stderr);
}

#[test]
fn eval_with_an_esc_in_an_answers_id_never_sends_the_esc_to_the_terminal() {
    let dir = fixture();
    let elsewhere = tempfile::tempdir().unwrap();
    let answers = elsewhere.path().join("answers.ron");
    let evil = SCENARIO.replace("\"fever\"", "\"fe\u{1b}[31mver\"");
    std::fs::write(&answers, evil).unwrap();
    let run = arvio(&[&"eval", &dir.path(), &"--answers", &answers]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(!run.all().contains('\u{1b}'), "{:?}", run.all());
    assert!(run.stderr.contains("fe⟨ESC⟩[31mver"), "{}", run.stderr);
}
