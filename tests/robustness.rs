//! Whatever the bytes, loading a guidance never panics and never overflows the stack, and every
//! problem it reports has a position in a real file and a message.
//!
//! The property tests run the loader in this process, so a panic fails the case and a stack
//! overflow aborts the whole test binary (which fails too). `PROPTEST_CASES` raises the number of
//! cases for longer campaigns.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use arvio::guidance::load_guidance;
use common::*;
use proptest::prelude::*;
use tempfile::TempDir;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        // Integration tests have no lib.rs beside them to keep regressions in.
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases())
    }
}

/// A guidance folder as (relative path, text) pairs.
type Files = Vec<(String, String)>;

fn fixture_files() -> Files {
    vec![
        ("guidance.ron".into(), GUIDANCE.into()),
        ("reasons/01_cough.ron".into(), COUGH.into()),
        ("reasons/02_social.ron".into(), SOCIAL.into()),
    ]
}

/// The guidance files of rules/default as they are now; a test that uses them fails when the
/// folder is missing or unreadable.
fn shipped_files() -> &'static Files {
    static FILES: OnceLock<Files> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/default");
        let text = std::fs::read_to_string(dir.join("guidance.ron"))
            .expect("rules/default/guidance.ron is readable");
        let mut files = vec![("guidance.ron".to_owned(), text)];
        let mut reasons: Vec<PathBuf> = std::fs::read_dir(dir.join("reasons"))
            .expect("rules/default/reasons is readable")
            .flatten()
            .map(|e| e.path())
            .collect();
        reasons.sort();
        for path in reasons {
            if path.extension().is_some_and(|e| e == "ron")
                && let Some(name) = path.file_name()
            {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{} is readable: {e}", path.display()));
                files.push((format!("reasons/{}", name.to_string_lossy()), text));
            }
        }
        files
    })
}

/// Both corpora: the fixture, and the shipped guidance.
fn corpora() -> Vec<Files> {
    vec![fixture_files(), shipped_files().clone()]
}

fn write(files: &Files) -> TempDir {
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    folder(&refs)
}

/// Loads `dir`; Ok, or errors that each have a position in a file of the folder and a message.
fn check_load(dir: &Path) -> Result<(), String> {
    let diags = match load_guidance(dir) {
        Ok(_) => return Ok(()),
        Err(diags) => diags,
    };
    if diags.is_empty() {
        return Err("Err without a diagnostic".into());
    }
    for d in &diags {
        if d.pos.line < 1 || d.pos.col < 1 {
            return Err(format!("no position: {d}"));
        }
        if d.message.to_string().trim().is_empty() {
            return Err(format!("no message: {d}"));
        }
        if !d.file.starts_with(dir) {
            return Err(format!("outside the folder: {d}"));
        }
        // The position is inside the file (or just past its last character).
        if let Ok(text) = std::fs::read_to_string(&d.file) {
            let lines = text.split('\n').count();
            if d.pos.line > lines {
                return Err(format!("line beyond the file's {lines} lines: {d}"));
            }
            let len = text
                .split('\n')
                .nth(d.pos.line - 1)
                .map_or(0, |l| l.chars().count());
            if d.pos.col > len + 1 {
                return Err(format!("column beyond the line's {len} characters: {d}"));
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Mutations

const HUGE: &[&str] = &[
    "1e308",
    "-1e308",
    "99999999999999999999",
    "-99999999999999999999",
    "1e309",
    "18446744073709551616",
    "4294967296",
    "NaN",
    "inf",
    "-inf",
    "-0.0",
    "0",
];

const DEEP: &[&str] = &["Not(", "[", "(", "Some(", "All([", "{\"a\":"];

#[derive(Debug, Clone)]
enum Mutation {
    /// Cut the file after this share of its characters.
    Truncate(f64),
    DeleteLine(usize),
    DuplicateLine(usize),
    /// Replace one quoted id with another (from any file of the folder).
    SwapIds(usize, usize),
    /// Replace a number with one of [`HUGE`].
    HugeNumber(usize, usize),
    /// Wrap a `when:` or `ask_if:` condition in 10,000 `Not(`…`)`.
    DeepNot(usize),
    /// Insert 10,000 unclosed openers of one of [`DEEP`] somewhere.
    DeepOpen(usize, usize),
    /// Insert arbitrary text somewhere.
    Insert(usize, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0.0f64..=1.0).prop_map(Mutation::Truncate),
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapIds(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::HugeNumber(a, b)),
        any::<usize>().prop_map(Mutation::DeepNot),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::DeepOpen(a, b)),
        (any::<usize>(), "\\PC{0,12}").prop_map(|(a, s)| Mutation::Insert(a, s)),
    ]
}

/// Byte offset of the `n`-th char boundary (wrapping), end included.
fn boundary(text: &str, n: usize) -> usize {
    let count = text.chars().count() + 1;
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .nth(n % count)
        .unwrap_or(text.len())
}

/// Byte ranges of quoted ids (`"a_b1"`), quotes excluded.
fn quoted_ids(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'"' {
            let start = i + 1;
            let mut j = start;
            while j < b.len() && b[j] != b'"' && b[j] != b'\n' {
                j += 1;
            }
            if j < b.len() && b[j] == b'"' {
                let s = &text[start..j];
                if s.starts_with(|c: char| c.is_ascii_lowercase())
                    && s.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                {
                    out.push((start, j));
                }
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Byte ranges of numbers that are not part of an identifier.
fn numbers(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let prev_ident = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        if b[i].is_ascii_digit() && !prev_ident {
            let start = if i > 0 && b[i - 1] == b'-' { i - 1 } else { i };
            let mut j = i;
            while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'.') {
                j += 1;
            }
            out.push((start, j));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// The byte range of the condition after the `n`-th `when:` / `ask_if:`.
fn condition(text: &str, n: usize) -> Option<(usize, usize)> {
    let mut starts: Vec<usize> = ["when:", "ask_if:"]
        .iter()
        .flat_map(|k| text.match_indices(k).map(|(i, k)| i + k.len()))
        .collect();
    if starts.is_empty() {
        return None;
    }
    starts.sort_unstable();
    let mut i = starts[n % starts.len()];
    let b = text.as_bytes();
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    let start = i;
    let mut depth = 0usize;
    let mut in_string = false;
    while i < b.len() {
        let c = b[i];
        if in_string {
            match c {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match c {
                b'"' => in_string = true,
                b'(' | b'[' => depth += 1,
                b')' | b']' => {
                    if depth <= 1 {
                        return Some((start, i + 1));
                    }
                    depth -= 1;
                }
                b',' | b'\n' if depth == 0 => return None,
                _ => {}
            }
        }
        i += 1;
    }
    None
}

const DEPTH: usize = 10_000;

/// Applies `m` to file `target` of `files`.
fn mutate(files: &mut Files, target: usize, m: &Mutation) {
    let all_ids: Vec<String> = files
        .iter()
        .flat_map(|(_, t)| quoted_ids(t).into_iter().map(|(a, b)| t[a..b].to_owned()))
        .collect();
    let text = &mut files[target].1;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let new = match m {
        Mutation::Truncate(frac) => {
            let n = (text.chars().count() as f64 * frac) as usize;
            text[..boundary(text, n)].to_owned()
        }
        Mutation::DeleteLine(i) if !lines.is_empty() => {
            let i = i % lines.len();
            lines
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != i)
                .map(|(_, l)| *l)
                .collect()
        }
        Mutation::DuplicateLine(i) if !lines.is_empty() => {
            let i = i % lines.len();
            let mut out = String::new();
            for (k, l) in lines.iter().enumerate() {
                out.push_str(l);
                if k == i {
                    if !l.ends_with('\n') {
                        out.push('\n');
                    }
                    out.push_str(l);
                }
            }
            out
        }
        Mutation::SwapIds(a, b) => {
            let ids = quoted_ids(text);
            if ids.is_empty() || all_ids.is_empty() {
                text.clone()
            } else {
                let (s, e) = ids[a % ids.len()];
                format!("{}{}{}", &text[..s], all_ids[b % all_ids.len()], &text[e..])
            }
        }
        Mutation::HugeNumber(a, b) => {
            let nums = numbers(text);
            if nums.is_empty() {
                text.clone()
            } else {
                let (s, e) = nums[a % nums.len()];
                format!("{}{}{}", &text[..s], HUGE[b % HUGE.len()], &text[e..])
            }
        }
        Mutation::DeepNot(n) => match condition(text, *n) {
            Some((s, e)) => format!(
                "{}{}{}{}{}",
                &text[..s],
                "Not(".repeat(DEPTH),
                &text[s..e],
                ")".repeat(DEPTH),
                &text[e..]
            ),
            None => {
                let at = boundary(text, *n);
                format!(
                    "{}{}Yes(\"x\"){}{}",
                    &text[..at],
                    "Not(".repeat(DEPTH),
                    ")".repeat(DEPTH),
                    &text[at..]
                )
            }
        },
        Mutation::DeepOpen(at, kind) => {
            let at = boundary(text, *at);
            format!(
                "{}{}{}",
                &text[..at],
                DEEP[kind % DEEP.len()].repeat(DEPTH),
                &text[at..]
            )
        }
        Mutation::Insert(at, s) => {
            let at = boundary(text, *at);
            format!("{}{}{}", &text[..at], s, &text[at..])
        }
        _ => text.clone(),
    };
    *text = new;
}

/// Tokens of the guidance language (and of RON), for inputs that get past the parser more often
/// than random bytes.
const TOKENS: &[&str] = &[
    "Reason(",
    "Guidance(",
    "id:",
    "\"cough\"",
    "\"fever\"",
    "\"temp\"",
    "\"kind\"",
    "\"dry\"",
    "\"age\"",
    "\"rf_chest\"",
    "\"x\"",
    "label:",
    "(fi: \"a\", sv: \"b\", en: \"c\")",
    "questions:",
    "rules:",
    "fallback:",
    "outcome:",
    "timeframe:",
    "\"days_1_3\"",
    "\"emergency\"",
    "modes:",
    "[\"phone\"]",
    "professional:",
    "\"nurse\"",
    "advice:",
    "ask_if:",
    "when:",
    "kind:",
    "YesNo",
    "OneOf(",
    "SeveralOf(",
    "Number(",
    "(unit: (fi: \"v\", sv: \"v\", en: \"v\"), min: 0.0, max: 9.0)",
    "Yes(",
    "No(",
    "CannotSay(",
    "Answered(",
    "Is(",
    "AnyOf(",
    "Ge(",
    "Between(",
    "Not(",
    "All(",
    "Any(",
    "Some(",
    "39.0",
    "1e308",
    "-1",
    "99999999999999999999",
    "keywords:",
    "allow:",
    "description:",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    ",",
    ":",
    " ",
    "\n",
    "//",
    "/*",
    "*/",
    "r#\"",
    "\"#",
    "'",
    "\\",
    "\"",
    "\\u{",
    "\\x",
    "é",
    "\u{feff}",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(0..TOKENS.len(), 0..200)
        .prop_map(|picks| picks.into_iter().map(|i| TOKENS[i]).collect())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_as_a_reason_file(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let dir = folder(&[("guidance.ron", GUIDANCE)]);
        std::fs::create_dir_all(dir.path().join("reasons")).expect("mkdir");
        std::fs::write(dir.path().join("reasons/01_x.ron"), &bytes).expect("write");
        check_load(dir.path()).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn token_soup_as_a_reason_file(text in token_soup()) {
        let dir = folder(&[("guidance.ron", GUIDANCE), ("reasons/01_x.ron", &text)]);
        check_load(dir.path()).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn token_soup_after_a_valid_prefix(cut in 0.0f64..1.0, text in token_soup()) {
        // A valid start takes the parser deep into the file before the soup begins.
        let n = (COUGH.chars().count() as f64 * cut) as usize;
        let cough = format!("{}{}", &COUGH[..boundary(COUGH, n)], text);
        let dir = folder(&[("guidance.ron", GUIDANCE), ("reasons/01_x.ron", &cough)]);
        check_load(dir.path()).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn mutated_guidance_folders(
        corpus in any::<usize>(),
        target in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let all = corpora();
        let mut files = all[corpus % all.len()].clone();
        let target = target % files.len();
        for m in &mutations {
            mutate(&mut files, target, m);
        }
        let dir = write(&files);
        check_load(dir.path()).map_err(TestCaseError::fail)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Every file, every kind of mutation, deterministically

#[test]
fn every_file_survives_every_kind_of_mutation() {
    let kinds = |seed: usize| {
        vec![
            Mutation::Truncate((seed % 7) as f64 / 7.0 + 0.05),
            Mutation::DeleteLine(seed * 13),
            Mutation::DuplicateLine(seed * 17),
            Mutation::SwapIds(seed * 5, seed * 11 + 1),
            Mutation::HugeNumber(seed * 3, seed),
            Mutation::DeepNot(seed),
            Mutation::DeepOpen(seed * 101, seed),
        ]
    };
    let mut failures = Vec::new();
    for files in corpora() {
        for target in 0..files.len() {
            for (seed, m) in kinds(target + 1).into_iter().enumerate() {
                let mut mutated = files.clone();
                mutate(&mut mutated, target, &m);
                let dir = write(&mutated);
                if let Err(e) = check_load(dir.path()) {
                    failures.push(format!("{} {m:?} (seed {seed}): {e}", files[target].0));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_mutation_helpers_find_what_they_look_for() {
    assert!(quoted_ids(COUGH).len() > 20);
    let (s, e) = quoted_ids(COUGH)[0];
    assert_eq!(&COUGH[s..e], "cough");
    let nums: Vec<&str> = numbers(COUGH).iter().map(|&(s, e)| &COUGH[s..e]).collect();
    // Not the digits of `days_1_3`: the 1 is `decimals: 1`.
    assert_eq!(nums, ["34.0", "43.0", "1", "39.0", "75.0"]);
    let conds: Vec<&str> = (0..4)
        .filter_map(|n| condition(COUGH, n))
        .map(|(s, e)| &COUGH[s..e])
        .collect();
    assert_eq!(
        conds,
        [
            r#"Yes("fever")"#,
            r#"All([Yes("fever"), Ge("temp", 39.0)])"#,
            r#"All([No("fever"), Is("kind", "dry")])"#,
            r#"Ge("age", 75.0)"#
        ]
    );
    assert_eq!(boundary("aä", 2), 3);
    assert_eq!(boundary("aä", 3), 0);
}

#[test]
fn ten_thousand_nested_nots_are_too_deep_not_a_crash() {
    let deep = format!(
        "{}Yes(\"fever\"){}",
        "Not(".repeat(DEPTH),
        ")".repeat(DEPTH)
    );
    let cough = COUGH.replace(r#"Ge("age", 75.0)"#, &deep);
    let dir = folder(&[("guidance.ron", GUIDANCE), ("reasons/01_cough.ron", &cough)]);
    let errs = errors(dir.path());
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].starts_with("reasons/01_cough.ron:33:"), "{errs:?}");
    assert!(
        errs[0].contains("nests deeper than the 128 levels"),
        "{errs:?}"
    );
}

#[test]
fn nesting_just_within_the_limit_loads() {
    // 55 `Not`s inside a rule stay within the loader's nesting limit. (Each `Not(` costs the
    // parser two of its 128 levels, so about 60 fit in a rule.)
    let deep = format!("{}Ge(\"age\", 75.0){}", "Not(".repeat(55), ")".repeat(55));
    let cough = COUGH.replace(r#"Ge("age", 75.0)"#, &deep);
    let dir = folder(&[("guidance.ron", GUIDANCE), ("reasons/01_cough.ron", &cough)]);
    assert_eq!(errors(dir.path()), Vec::<String>::new());
}

#[test]
fn huge_numbers_are_accepted_or_reported_with_positions() {
    for huge in HUGE {
        for (file, text, from) in [
            ("reasons/01_cough.ron", COUGH, "39.0"),
            ("guidance.ron", GUIDANCE, "120.0"),
            ("guidance.ron", GUIDANCE, "(1, 3)"),
        ] {
            let to = if from.starts_with('(') {
                format!("(1, {huge})")
            } else {
                huge.to_string()
            };
            let mut files = fixture_files();
            let f = files.iter_mut().find(|(p, _)| p == file).expect("file");
            f.1 = text.replacen(from, &to, 1);
            let dir = write(&files);
            if let Err(e) = check_load(dir.path()) {
                panic!("{file} with {from} → {to}: {e}");
            }
        }
    }
}

#[test]
fn a_threshold_outside_the_question_range_is_reported_at_the_question() {
    // Every one of them is outside 34–43, the range of `temp`.
    for huge in HUGE {
        let cough = COUGH.replacen(r#"Ge("temp", 39.0)"#, &format!(r#"Ge("temp", {huge})"#), 1);
        let dir = folder(&[("guidance.ron", GUIDANCE), ("reasons/01_cough.ron", &cough)]);
        let errs = errors(dir.path());
        assert_eq!(errs.len(), 1, "{huge}: {errs:?}");
        // A threshold is a number or a quantity (`Months(3)`); an integer beyond 64 bits cannot
        // be either, and is refused where it stands.
        let beyond_64_bits = huge.trim_start_matches('-').parse::<u64>().is_err()
            && huge.trim_start_matches('-').parse::<u128>().is_ok();
        if beyond_64_bits {
            assert!(
                (errs[0].starts_with("reasons/01_cough.ron:20:49: ")
                    || errs[0].starts_with("reasons/01_cough.ron:20:50: "))
                    && errs[0].contains(huge),
                "{huge}: {errs:?}"
            );
            continue;
        }
        assert!(
            errs[0].starts_with("reasons/01_cough.ron:20:41: ")
                && errs[0].ends_with(" is outside the range 34–43 of question `temp`"),
            "{huge}: {errs:?}"
        );
    }
}

#[test]
fn a_day_count_beyond_u32_is_a_syntax_error_with_a_position() {
    let g = GUIDANCE.replacen("days: (1, 3)", "days: (1, 99999999999999999999)", 1);
    let dir = folder(&[("guidance.ron", &g), ("reasons/01_cough.ron", COUGH)]);
    let errs = errors(dir.path());
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].starts_with("guidance.ron:11:"), "{errs:?}");
}

/// A question may have at most 64 options; one more must be a finding, not a crash.
#[test]
fn a_condition_on_the_65th_option_is_an_error_not_a_panic() {
    let options: Vec<String> = (0..65)
        .map(|i| format!("(id: \"o{i}\", label: (fi: \"{i}\", sv: \"{i}\", en: \"{i}\"))"))
        .collect();
    let big = format!(
        r#"(id: "big", text: (fi: "Iso", sv: "Stor", en: "Big"), kind: OneOf([{}])),"#,
        options.join(", ")
    );
    let cough = COUGH
        .replacen(
            r#"        (id: "fever","#,
            &format!("        {big}\n        (id: \"fever\","),
            1,
        )
        .replacen(r#"Ge("age", 75.0)"#, r#"Is("big", "o64")"#, 1);
    let dir = folder(&[("guidance.ron", GUIDANCE), ("reasons/01_cough.ron", &cough)]);
    let result = std::panic::catch_unwind(|| errors(dir.path()));
    let errs = result.expect("the loader panicked");
    assert!(
        errs.iter()
            .any(|e| e.contains("has 65 options; at most 64")),
        "{errs:#?}"
    );
}

#[test]
fn sixty_four_options_are_fine() {
    let options: Vec<String> = (0..64)
        .map(|i| format!("(id: \"o{i}\", label: (fi: \"{i}\", sv: \"{i}\", en: \"{i}\"))"))
        .collect();
    let big = format!(
        r#"(id: "big", text: (fi: "Iso", sv: "Stor", en: "Big"), kind: SeveralOf([{}])),"#,
        options.join(", ")
    );
    let cough = COUGH
        .replacen(
            r#"        (id: "fever","#,
            &format!("        {big}\n        (id: \"fever\","),
            1,
        )
        .replacen(r#"Ge("age", 75.0)"#, r#"AnyOf("big", ["o0", "o63"])"#, 1);
    let dir = folder(&[("guidance.ron", GUIDANCE), ("reasons/01_cough.ron", &cough)]);
    assert_eq!(errors(dir.path()), Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------------
// The binary on broken folders

fn run_check(dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_arvio"))
        .arg("check")
        .arg(dir)
        .output()
        .expect("the arvio binary runs");
    (
        out.status.code().expect("exited, not killed by a signal"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn arvio_check_on_mutated_folders_exits_cleanly() {
    let mut cases: Vec<(String, Files)> = Vec::new();
    for files in corpora() {
        for target in 0..files.len().min(3) {
            for m in [
                Mutation::Truncate(0.5),
                Mutation::DeepNot(target),
                Mutation::DeepOpen(target * 977, target),
                Mutation::HugeNumber(target * 7, target),
                Mutation::SwapIds(target * 3, target * 7 + 2),
            ] {
                let mut mutated = files.clone();
                mutate(&mut mutated, target, &m);
                cases.push((format!("{} {m:?}", files[target].0), mutated));
            }
        }
    }
    let mut garbage = fixture_files();
    garbage[1].1 = "\u{0}\u{1}Reason((((\"\\u{110000}\" r#\"".into();
    cases.push(("garbage".into(), garbage));

    for (what, files) in cases {
        let dir = write(&files);
        let (code, stdout, stderr) = run_check(dir.path());
        assert!(
            code == 0 || code == 1,
            "{what}: exit {code}\n{stdout}\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{what}: {stderr}");
        assert!(!stderr.contains("overflow"), "{what}: {stderr}");
        if code == 0 {
            assert!(stdout.starts_with("ok: "), "{what}: {stdout}");
        } else {
            // path:line:col: message, the quoted line, the caret, …, then the count.
            let first = stderr.lines().next().unwrap_or("");
            let prefix = format!("{}{}", dir.path().display(), std::path::MAIN_SEPARATOR);
            let rest = first.strip_prefix(&prefix).unwrap_or_else(|| {
                panic!("{what}: the first line does not name a file of the folder: {stderr}")
            });
            let parts: Vec<&str> = rest.splitn(4, ':').collect();
            assert!(
                parts.len() == 4
                    && parts[1].parse::<usize>().is_ok_and(|l| l >= 1)
                    && parts[2].parse::<usize>().is_ok_and(|c| c >= 1)
                    && !parts[3].trim().is_empty(),
                "{what}: not `path:line:col: message`: {first}"
            );
            assert!(
                stderr.trim_end().ends_with(" error") || stderr.trim_end().ends_with(" errors"),
                "{what}: {stderr}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Well-formed files with arbitrary content: these get past the parser into validation, and
// whatever validates is evaluated.

const QUESTION_REFS: &[&str] = &["g0", "g1", "g2", "g3", "age", "rf_chest", "rf_confused"];
const BAD_QUESTION_REFS: &[&str] = &["fever", "no_food", "zz", "Bad Id", ""];
const OPTION_IDS: &[&str] = &["o0", "o1"];
const BAD_OPTION_IDS: &[&str] = &["o2", "o63", "o64", "o69", "dry", "zz", ""];
const BAD_IDS: &[&str] = &["fever", "cough_mild", "rf_chest", "Bad Id", "9x", ""];
const TIMEFRAMES: &[&str] = &["emergency", "on_call", "days_1_3", "days_1_7", "self_care"];
const MODES: &[&str] = &["phone", "visit"];
const PROFESSIONALS: &[&str] = &["nurse", "doctor"];
const NUMBERS: &[&str] = &["0.0", "39.0", "75.0", "120.0", "0.5", "37.95"];
const BAD_NUMBERS: &[&str] = &["-1.0", "1e308", "-1e308", "NaN", "inf", "121.0"];

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    (0..list.len()).prop_map(move |i| list[i])
}

/// Mostly from `good`, sometimes from `bad`.
fn mostly(
    good: &'static [&'static str],
    bad: &'static [&'static str],
) -> BoxedStrategy<&'static str> {
    prop_oneof![40 => pick(good), 1 => pick(bad)].boxed()
}

fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

fn gen_condition() -> impl Strategy<Value = String> {
    // Mostly tests that fit the question's kind (g0 yes/no, g1 and g3 options, g2 number).
    let yes_no = || mostly(&["g0", "rf_chest", "rf_confused"], BAD_QUESTION_REFS);
    let options = || mostly(&["g1", "g3"], BAD_QUESTION_REFS);
    let number = || mostly(&["g2", "age"], BAD_QUESTION_REFS);
    let num = || mostly(NUMBERS, BAD_NUMBERS);
    let leaf = prop_oneof![
        6 => (pick(&["Yes", "No", "CannotSay", "Answered"]), yes_no())
            .prop_map(|(t, q)| format!("{t}({})", quoted(q))),
        2 => (pick(&["CannotSay", "Answered"]), mostly(QUESTION_REFS, BAD_QUESTION_REFS))
            .prop_map(|(t, q)| format!("{t}({})", quoted(q))),
        6 => (options(), mostly(OPTION_IDS, BAD_OPTION_IDS))
            .prop_map(|(q, o)| format!("Is({}, {})", quoted(q), quoted(o))),
        4 => (options(), prop::collection::vec(mostly(OPTION_IDS, BAD_OPTION_IDS), 1..3)).prop_map(
            |(q, os)| {
                let os: Vec<String> = os.iter().map(|o| quoted(o)).collect();
                format!("AnyOf({}, [{}])", quoted(q), os.join(", "))
            }
        ),
        6 => (pick(&["Lt", "Le", "Gt", "Ge"]), number(), num())
            .prop_map(|(t, q, x)| format!("{t}({}, {x})", quoted(q))),
        3 => (number(), num(), num())
            .prop_map(|(q, a, b)| format!("Between({}, {a}, {b})", quoted(q))),
        // Anything against anything.
        1 => (
            pick(&["Yes", "Is", "Ge"]),
            mostly(QUESTION_REFS, BAD_QUESTION_REFS)
        )
            .prop_map(|(t, q)| match t {
                "Is" => format!("Is({}, \"o0\")", quoted(q)),
                "Ge" => format!("Ge({}, 1.0)", quoted(q)),
                _ => format!("Yes({})", quoted(q)),
            }),
    ];
    leaf.prop_recursive(4, 24, 3, |inner| {
        prop_oneof![
            inner.clone().prop_map(|c| format!("Not({c})")),
            (
                pick(&["All", "Any"]),
                prop_oneof![20 => prop::collection::vec(inner, 1..4), 1 => Just(vec![])]
            )
                .prop_map(|(k, cs)| format!("{k}([{}])", cs.join(", "))),
        ]
    })
}

const TEXT: &str = r#"(fi: "a", sv: "b", en: "c")"#;

/// The kind of question `index`: g0 yes/no, g1 one-of, g2 number, g3 several-of; now and then
/// any kind, with any number of options (past the limit of 64 too).
fn gen_kind(index: usize) -> BoxedStrategy<String> {
    let options = |n: usize| -> String {
        let os: Vec<String> = (0..n)
            .map(|i| format!("(id: \"o{i}\", label: {TEXT})"))
            .collect();
        format!("[{}]", os.join(", "))
    };
    let count = prop_oneof![12 => 2usize..5, 1 => 0usize..=70];
    let any_kind = prop_oneof![
        Just("YesNo".to_owned()),
        count
            .clone()
            .prop_map(move |n| format!("OneOf({})", options(n))),
        count
            .clone()
            .prop_map(move |n| format!("SeveralOf({})", options(n))),
        (
            mostly(&["0.0"], BAD_NUMBERS),
            mostly(&["120.0"], BAD_NUMBERS),
            0u8..9
        )
            .prop_map(|(a, b, d)| format!(
                "Number((unit: {TEXT}, min: {a}, max: {b}, decimals: {d}))"
            )),
    ];
    let usual = match index {
        0 => Just("YesNo".to_owned()).boxed(),
        1 => count
            .prop_map(move |n| format!("OneOf({})", options(n)))
            .boxed(),
        3 => count
            .prop_map(move |n| format!("SeveralOf({})", options(n)))
            .boxed(),
        _ => (0u8..3)
            .prop_map(|d| format!("Number((unit: {TEXT}, min: 0.0, max: 120.0, decimals: {d}))"))
            .boxed(),
    };
    prop_oneof![20 => usual, 1 => any_kind].boxed()
}

fn gen_outcome() -> impl Strategy<Value = String> {
    (
        mostly(TIMEFRAMES, &["nope", ""]),
        prop_oneof![20 => prop::collection::vec(mostly(MODES, &["fax"]), 1..3), 1 => Just(vec![])],
        prop_oneof![
            20 => mostly(PROFESSIONALS, &["janitor"]).prop_map(Some),
            1 => Just(None)
        ],
    )
        .prop_map(|(t, ms, p)| {
            let ms: Vec<String> = ms.iter().map(|m| quoted(m)).collect();
            let p = p
                .map(|p| format!("professional: {},", quoted(p)))
                .unwrap_or_default();
            format!(
                "(timeframe: {}, modes: [{}], {p} advice: {TEXT})",
                quoted(t),
                ms.join(", ")
            )
        })
}

/// `prefix{index}`, or now and then an id that is taken or malformed.
fn gen_id(prefix: &'static str, index: usize) -> BoxedStrategy<String> {
    prop_oneof![
        40 => Just(format!("{prefix}{index}")),
        1 => pick(BAD_IDS).prop_map(str::to_owned),
    ]
    .boxed()
}

fn gen_reason() -> impl Strategy<Value = String> {
    let questions = prop_oneof![8 => Just(4usize), 3 => 1usize..4, 1 => Just(0usize)]
        .prop_flat_map(|n| {
            (
                (0..n)
                    .map(|i| (gen_kind(i), prop::option::weighted(0.15, gen_condition())))
                    .collect::<Vec<_>>(),
                (0..n).map(|i| gen_id("g", i)).collect::<Vec<_>>(),
            )
        })
        .prop_map(|(qs, ids)| {
            qs.into_iter()
                .zip(ids)
                .map(|((kind, ask_if), id)| {
                    let ask_if = ask_if.map(|c| format!(", ask_if: {c}")).unwrap_or_default();
                    format!("(id: {}, text: {TEXT}, kind: {kind}{ask_if})", quoted(&id))
                })
                .collect::<Vec<_>>()
        });
    let rules = prop::collection::vec((gen_condition(), gen_outcome()), 0..5)
        .prop_flat_map(|rs| {
            let n = rs.len();
            (
                Just(rs),
                (0..n).map(|i| gen_id("gr", i)).collect::<Vec<_>>(),
            )
        })
        .prop_map(|(rs, ids)| {
            rs.into_iter()
                .zip(ids)
                .map(|((when, o), id)| {
                    format!(
                        "(id: {}, description: {TEXT}, when: {when}, outcome: {o})",
                        quoted(&id)
                    )
                })
                .collect::<Vec<_>>()
        });
    (
        mostly(&["gen"], &["cough", "Gen"]),
        questions,
        rules,
        prop::option::weighted(0.95, gen_outcome()),
    )
        .prop_map(|(id, qs, rules, fallback)| {
            let fallback = fallback.map(|f| format!("fallback: {f},")).unwrap_or_default();
            format!(
                "Reason(\n    id: {},\n    label: {TEXT},\n    questions: [\n        {}\n    ],\n    rules: [\n        {}\n    ],\n    {fallback}\n)\n",
                quoted(id),
                qs.join(",\n        "),
                rules.join(",\n        ")
            )
        })
}

/// A valid value (or none) for every question, from `seed`.
fn answer_all(g: &arvio::guidance::Guidance, seed: u64) -> arvio::call::Call {
    use arvio::call::{Call, Value};
    use arvio::guidance::{QuestionId, QuestionKind, ReasonId};
    let mut c = Call::new(g);
    for r in 0..g.reasons.len() {
        c.add_reason(ReasonId(r as u32));
    }
    for (i, q) in g.questions.iter().enumerate() {
        let k = (seed >> (i % 32)) as usize;
        let v = match &q.kind {
            _ if k.is_multiple_of(7) => None,
            _ if k % 7 == 1 => Some(Value::CannotSay),
            QuestionKind::YesNo => Some(if k.is_multiple_of(2) {
                Value::Yes
            } else {
                Value::No
            }),
            QuestionKind::OneOf(o) => Some(Value::Choice((k % o.len().max(1)) as u8)),
            QuestionKind::SeveralOf(o) => {
                let all = u64::MAX >> (64 - o.len().clamp(1, 64));
                Some(Value::Choices(seed.rotate_left(i as u32) & all))
            }
            QuestionKind::Number(n) => Some(Value::Number(if k.is_multiple_of(2) {
                n.min
            } else {
                n.max
            })),
            QuestionKind::Age(n) | QuestionKind::Duration(n) => Some(Value::Quantity(
                arvio::quantity::Quantity::Hours(if k.is_multiple_of(2) { n.min } else { n.max }),
            )),
            QuestionKind::FreeText => Some(Value::Text),
        };
        c.set(QuestionId(i as u32), v);
    }
    c
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_reasons_validate_or_report(reason in gen_reason(), seed in any::<u64>()) {
        let dir = folder(&[
            ("guidance.ron", GUIDANCE),
            ("reasons/01_cough.ron", COUGH),
            ("reasons/02_social.ron", SOCIAL),
            ("reasons/03_gen.ron", &reason),
        ]);
        check_load(dir.path()).map_err(TestCaseError::fail)?;
        if let Ok(g) = load_guidance(dir.path()) {
            // Whatever validates can be assessed, with every answer or none.
            for c in [answer_all(&g, seed), arvio::call::Call::new(&g)] {
                let e = arvio::engine::evaluate(&g, &c);
                prop_assert_eq!(e.proposal.is_some(), !c.reasons.is_empty());
                let at = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+02:00")
                    .expect("time");
                for lang in arvio::text::Language::ALL {
                    let x = arvio::explain::explain(&g, &c, &e, at, lang);
                    prop_assert_eq!(x.is_some(), e.proposal.is_some());
                }
            }
        }
    }
}
