//! The approval record: `arvio approve` writes it, `arvio check` reports it, and
//! `--require-approval` fails unless it approves exactly the files in use. A record that cannot
//! be read, or that approves other content, is never taken as approved (docs/SAFETY.md H-40,
//! H-41); the record text and the log carry the status.

mod common;

use std::path::Path;

use arvio::approval::{APPROVAL_FILE, Status};

fn p(dir: &Path) -> String {
    dir.display().to_string()
}

fn approve(dir: &Path) -> (i32, String, String) {
    common::arvio(&[
        "approve",
        &p(dir),
        "--by",
        "Dr Anna Virtanen",
        "--role",
        "chief physician",
    ])
}

fn check(dir: &Path, require: bool) -> (i32, String, String) {
    let mut args = vec!["check".to_owned(), p(dir)];
    if require {
        args.push("--require-approval".into());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    common::arvio(&args)
}

#[test]
fn an_approved_guidance_checks_approved_and_the_record_does_not_change_its_hash() {
    let dir = common::fixture();
    let before = common::load(dir.path()).provenance.hash;
    let (code, out, err) = check(dir.path(), false);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("approval: NOT APPROVED"), "{out}");
    assert_eq!(check(dir.path(), true).0, 1, "not approved fails the CI");

    let (code, out, err) = approve(dir.path());
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("approved by Dr Anna Virtanen (chief physician)"),
        "{out}"
    );
    let g = common::load(dir.path());
    assert_eq!(
        g.provenance.hash, before,
        "the record is outside the content hash"
    );
    let Status::Approved(a) = &g.provenance.approval else {
        panic!("{:?}", g.provenance.approval);
    };
    assert_eq!(a.hash, before);
    assert_eq!(a.version, "1.0");
    assert_eq!(a.previous, None);
    let (code, out, err) = check(dir.path(), true);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("approval: approved by Dr Anna Virtanen")),
        "{out}"
    );
    // The hash `check` shows is the hash approved.
    assert!(out.contains(&before[..12]));
}

/// H-40: a guidance edited after its approval is "changed since approval", and the county's CI
/// refuses it; approving it again records the version it follows.
#[test]
fn a_file_changed_after_approval_is_changed_since_approval_and_fails_the_ci() {
    let dir = common::fixture();
    assert_eq!(approve(dir.path()).0, 0);
    let approved = common::load(dir.path()).provenance.hash;
    let cough = dir.path().join("reasons/01_cough.ron");
    let text = std::fs::read_to_string(&cough).expect("read");
    std::fs::write(
        &cough,
        text.replace("Ge(\"temp\", 39.0)", "Ge(\"temp\", 39.5)"),
    )
    .expect("write");
    let (code, out, err) = check(dir.path(), true);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("CHANGED SINCE APPROVAL"), "{out}");
    assert!(err.contains("approval is required"), "{err}");
    assert!(matches!(
        common::load(dir.path()).provenance.approval,
        Status::Changed(_)
    ));

    assert_eq!(approve(dir.path()).0, 0);
    let g = common::load(dir.path());
    let a = g.provenance.approval.approval().expect("a record").clone();
    assert!(g.provenance.approval.is_approved());
    assert_eq!(a.previous.map(|p| p.hash), Some(approved));
}

/// H-41: a malformed or tampered record is a positioned error and never "approved".
#[test]
fn a_malformed_record_is_a_positioned_error_never_approved() {
    let dir = common::fixture();
    assert_eq!(approve(dir.path()).0, 0);
    let file = dir.path().join(APPROVAL_FILE);
    let good = std::fs::read_to_string(&file).expect("read");
    for (bad, line) in [
        (good.replace("date: \"", "date: \"x"), "date"),
        (good.replace("hash: \"", "hash: \"Z"), "hash"),
        (good.replace("by: \"Dr Anna Virtanen\"", "by: \"  \""), "by"),
        (good.replace("role:", "rank: \"x\", role:"), "rank"),
        (good.replace(")", ""), ""),
    ] {
        std::fs::write(&file, &bad).expect("write");
        let (code, out, err) = check(dir.path(), true);
        assert_eq!(code, 1, "{bad}\n{out}{err}");
        assert!(out.contains("THE APPROVAL RECORD IS INVALID"), "{out}");
        let at = format!("{}:", file.display());
        assert!(err.contains(&at), "positioned: {err}");
        if !line.is_empty() {
            let field = format!("{line}:");
            let n = bad
                .lines()
                .position(|l| {
                    l.trim_start().starts_with(&field) || l.contains(&format!(" {field}"))
                })
                .expect("line")
                + 1;
            assert!(err.contains(&format!("{at}{n}:")), "at line {n}: {err}");
        }
        let g = common::load(dir.path());
        assert!(matches!(g.provenance.approval, Status::Invalid(_)));
        // Approving over an invalid record is refused: the history it holds would be lost.
        assert_eq!(approve(dir.path()).0, 1);
    }
    // A record that is a directory or too large is an error too, the guidance still loads.
    std::fs::remove_file(&file).expect("remove");
    std::fs::write(&file, "x".repeat(20_000)).expect("write");
    assert!(matches!(
        common::load(dir.path()).provenance.approval,
        Status::Invalid(_)
    ));
}

#[test]
fn approve_refuses_a_guidance_whose_scenarios_fail_or_a_blank_name() {
    let dir = common::folder(&[
        ("guidance.ron", common::GUIDANCE),
        ("reasons/01_cough.ron", common::COUGH),
        ("reasons/02_social.ron", common::SOCIAL),
        (
            "scenarios/001_wrong.ron",
            r#"Scenario(name: "wrong", at: "2026-11-23T09:00:00+02:00", reasons: ["cough"],
                answers: {"age": Number(40.0), "fever": No, "kind": Choice("dry")},
                expect: (timeframe: "days_1_3"))"#,
        ),
    ]);
    let (code, _, err) = approve(dir.path());
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("1 scenarios do not load or do not pass"),
        "{err}"
    );
    assert!(!dir.path().join(APPROVAL_FILE).exists());
    let ok = common::fixture();
    let (code, _, err) = common::arvio(&["approve", &p(ok.path()), "--by", " ", "--role", "x"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("`--by`"), "{err}");
    assert!(!ok.path().join(APPROVAL_FILE).exists());
}

#[cfg(unix)]
#[test]
fn the_record_is_readable_by_the_desks_and_never_written_through_a_link() {
    use std::os::unix::fs::PermissionsExt;
    let dir = common::fixture();
    assert_eq!(approve(dir.path()).0, 0);
    let mode = std::fs::metadata(dir.path().join(APPROVAL_FILE))
        .expect("metadata")
        .permissions()
        .mode();
    assert_ne!(
        mode & 0o044,
        0,
        "readable by others as the folder's files are: {mode:o}"
    );
    // A link planted at the temporary name is removed, not followed.
    let outside = tempfile::tempdir().expect("temp");
    let target = outside.path().join("victim");
    std::fs::write(&target, "keep").expect("write");
    std::os::unix::fs::symlink(&target, dir.path().join("approval.tmp")).expect("link");
    assert_eq!(approve(dir.path()).0, 0);
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "keep");
    // A record that links outside the folder is not read.
    std::fs::remove_file(dir.path().join(APPROVAL_FILE)).expect("remove");
    std::os::unix::fs::symlink(&target, dir.path().join(APPROVAL_FILE)).expect("link");
    assert!(matches!(
        common::load(dir.path()).provenance.approval,
        Status::Invalid(_)
    ));
}

#[test]
fn the_record_text_says_whether_the_guidance_was_approved() {
    let dir = common::fixture();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let answers = elsewhere.path().join("call.ron");
    std::fs::write(
        &answers,
        r#"Scenario(reasons: ["cough"], answers: {"rf_chest": No, "rf_confused": No, "age": Number(40.0), "fever": No, "kind": Choice("dry")})"#,
    )
    .expect("write");
    let record = |dir: &Path| {
        let (code, out, err) = common::arvio(&[
            "eval",
            &p(dir),
            "--answers",
            &p(&answers),
            "--record",
            "--lang",
            "en",
            "--at",
            "2026-11-23T09:00:00+02:00",
        ]);
        assert_eq!(code, 0, "{err}");
        out.lines()
            .find(|l| l.starts_with("Guidance:"))
            .expect("guidance line")
            .to_owned()
    };
    assert!(
        record(dir.path()).ends_with(", NOT APPROVED"),
        "{}",
        record(dir.path())
    );
    assert_eq!(approve(dir.path()).0, 0);
    let today = chrono::Local::now()
        .date_naive()
        .format("%-d.%-m.%Y")
        .to_string();
    let line = record(dir.path());
    assert!(
        line.ends_with(&format!(", approved {today} (Dr Anna Virtanen)")),
        "{line}"
    );
}
