//! The hazard log (docs/SAFETY.md) names the tests that verify each control: every one of them
//! exists and runs (`#[test]`, not `#[ignore]`), so a renamed, deleted or ignored test cannot
//! leave a control verified on paper only.

use std::fs;

#[test]
fn every_test_the_hazard_log_names_exists() {
    let log = fs::read_to_string("docs/SAFETY.md").expect("docs/SAFETY.md");
    let mut named = 0;
    let mut missing = Vec::new();
    for word in log.split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == '`') {
        let Some((file, name)) = word.split_once("::") else {
            continue;
        };
        if !(file.starts_with("tests/") && file.ends_with(".rs")) {
            continue;
        }
        let name = name.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '_'));
        let name = name.rsplit("::").next().unwrap_or(name);
        named += 1;
        let code = fs::read_to_string(file).unwrap_or_default();
        if !runs_as_a_test(&code, name) {
            missing.push(format!("{file}::{name}"));
        }
    }
    assert!(named > 100, "the log names its tests ({named} found)");
    assert!(
        missing.is_empty(),
        "named in docs/SAFETY.md but not a test that runs: {missing:#?}"
    );
}

/// Whether `code` has a function `name` marked `#[test]` and not `#[ignore]` (its attributes
/// and doc comment are the lines right above it).
fn runs_as_a_test(code: &str, name: &str) -> bool {
    let lines: Vec<&str> = code.lines().collect();
    let Some(at) = lines
        .iter()
        .position(|l| l.trim_start().starts_with(&format!("fn {name}(")))
    else {
        return false;
    };
    let above: Vec<&str> = lines[..at]
        .iter()
        .rev()
        .map(|l| l.trim())
        .take_while(|l| l.starts_with("#[") || l.starts_with("///"))
        .collect();
    above.contains(&"#[test]") && !above.iter().any(|l| l.starts_with("#[ignore"))
}
