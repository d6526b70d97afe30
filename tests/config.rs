//! The managed configuration (issue 16): a valid file read whole, every problem with its
//! `file:line:col`, a broken file never half applied, and the shipped guidance found beside the
//! executable whatever folder the app starts in.

use std::path::{Path, PathBuf};

use arvio::config::{self, Managed, ModeName, Setting, Source, locations};
use arvio::text::Language;

fn load(src: &str) -> config::Loaded {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("config.ron");
    std::fs::write(&path, src).expect("write");
    config::load(&path)
}

fn problems(src: &str) -> Vec<String> {
    let loaded = load(src);
    assert!(loaded.managed.broken, "broken: {src}");
    loaded
        .problems
        .iter()
        .map(|d| format!("{}: {}", d.pos, d.message))
        .collect()
}

#[test]
fn the_example_file_is_valid_and_read_whole() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/config.ron");
    let loaded = config::load(&path);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let m = loaded.managed;
    assert!(!m.broken);
    assert_eq!(m.desk.as_deref(), Some("terveysasema-01"));
    assert_eq!(
        m.modes,
        vec![ModeName::Nurse, ModeName::Trainer, ModeName::Statistics]
    );
    assert_eq!(m.language, Some(Language::Fi));
    assert!(m.is_locked(Setting::Guidance) && m.is_locked(Setting::LogDir));
    assert!(!m.require_approved_guidance);
    assert_eq!(m.renderer, None, "left out: the platform's default");
    let m = load("(renderer: \"WGPU\")").managed;
    assert_eq!(m.renderer, Some(config::Renderer::Wgpu));
}

#[test]
fn every_problem_has_its_position() {
    let src = r#"(
    desk: "Matti Meikäläinen",
    guidance: "rules/default",
    modes: ["nurse", "nurse", "writer"],
    language: "de",
    locked: ["langauge"],
    renderer: "vulkan",
)"#;
    assert_eq!(
        problems(src),
        vec![
            "2:11: desk id `Matti Meikäläinen`: 1–40 letters a–z or A–Z, digits, `-` or `_` (never a person's name)",
            "3:15: `rules/default` is not an absolute path: a machine-wide setting cannot depend on the folder the app is started in",
            "4:22: `nurse` is listed twice",
            "4:31: unknown mode `writer` (known: nurse, author, trainer, statistics)",
            "5:15: unknown language `de` (known: fi, sv, en)",
            "6:14: unknown setting `langauge` (known: language, record_language, guidance, log_dir, autosave_free_text)",
            "7:15: unknown renderer `vulkan` (known: glow, wgpu)",
        ]
    );
}

#[test]
fn syntax_unknown_fields_and_no_modes_are_errors_too() {
    let p = problems("(desk: \"a\",\n  lokced: [],\n)");
    assert!(
        p[0].starts_with("2:3: ") && p[0].contains("lokced"),
        "{p:?}"
    );
    let p = problems("(\n  modes: [],\n)");
    assert!(p[0].starts_with("2:3: no mode is offered"), "{p:?}");
    let p = problems("(desk: \"a\"");
    assert!(p[0].starts_with("1:"), "{p:?}");
}

#[test]
fn a_broken_file_fails_closed_and_applies_nothing_of_itself() {
    let loaded = load(r#"(log_dir: "/srv/logs", modes: ["nurse", "author"], language: "xx")"#);
    let m = loaded.managed;
    assert!(m.broken);
    assert_eq!(m.log_dir, None, "nothing of a broken file is used");
    assert_eq!(m.modes, vec![ModeName::Nurse]);
    assert!(Setting::ALL.iter().all(|s| m.is_locked(*s)));
    assert_eq!(m.autosave_free_text, Some(false));
    assert!(m.require_approved_guidance);
    assert_eq!(m.source(Setting::Language, true), Source::Locked);
}

#[test]
fn a_file_that_is_too_large_or_not_a_file_is_broken_not_read() {
    let dir = tempfile::tempdir().expect("tmp");
    let big = dir.path().join("config.ron");
    std::fs::write(&big, vec![b' '; config::MAX_CONFIG_BYTES + 1]).expect("write");
    let loaded = config::load(&big);
    assert!(loaded.managed.broken);
    assert!(
        loaded.problems[0].to_string().contains("at most"),
        "{:?}",
        loaded.problems
    );
    let loaded = config::load(dir.path());
    assert!(
        loaded.managed.broken,
        "a folder is not a configuration file"
    );
}

#[test]
fn no_file_is_no_managed_configuration() {
    let dir = tempfile::tempdir().expect("tmp");
    let loaded = config::load(&dir.path().join("config.ron"));
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.managed, Managed::none());
    assert_eq!(
        loaded.managed.source(Setting::LogDir, false),
        Source::Default
    );
    assert_eq!(loaded.managed.source(Setting::LogDir, true), Source::User);
}

#[test]
fn windows_paths_are_absolute_too() {
    let loaded = load(r#"(guidance: "\\\\palvelin\\arvio\\ohje", log_dir: "C:\\Arvio\\loki")"#);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(
        loaded.managed.guidance,
        Some(PathBuf::from(r"\\palvelin\arvio\ohje"))
    );
}

#[test]
fn the_config_flag_wins_over_the_environment_and_the_machine_file() {
    let explicit = Path::new("/tmp/x.ron");
    assert_eq!(
        locations::managed_path(Some(explicit)).as_deref(),
        Some(explicit)
    );
}

#[test]
fn the_shipped_guidance_is_looked_for_beside_the_executable_first() {
    let exe = Path::new("/opt/arvio/bin/arvio-app");
    let c = locations::shipped_guidance_candidates(Some(exe));
    assert_eq!(c[0], Path::new("/opt/arvio/bin").join("rules/default"));
    assert_eq!(
        c[1],
        Path::new("/opt/arvio/share/arvio").join("rules/default")
    );
    // Built from source: the tree it was built from, whatever the working folder.
    assert!(locations::shipped_guidance().is_absolute());
    assert!(arvio::guidance::load_guidance(&locations::shipped_guidance()).is_ok());
}

#[test]
fn arvio_config_checks_a_file_as_the_app_reads_it() {
    let run = |file: &Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_arvio"))
            .arg("config")
            .arg(file)
            .output()
            .expect("run arvio")
    };
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/config.ron");
    let ok = run(&example);
    assert_eq!(ok.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert!(
        stdout.contains("locked: guidance, log_dir, autosave_free_text"),
        "{stdout}"
    );
    let dir = tempfile::tempdir().expect("tmp");
    let broken = dir.path().join("config.ron");
    std::fs::write(&broken, "(\n  locked: [\"zoom\"],\n)").expect("write");
    let bad = run(&broken);
    assert_eq!(bad.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("config.ron:2:12: unknown setting `zoom`"),
        "{stderr}"
    );
}
