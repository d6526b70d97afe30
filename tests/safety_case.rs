//! The hazard log (docs/SAFETY.md) names the tests that verify each control: every one of them
//! exists, so a renamed or deleted test cannot leave a control unverified on paper only.

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
        if !code.contains(&format!("fn {name}(")) {
            missing.push(format!("{file}::{name}"));
        }
    }
    assert!(named > 100, "the log names its tests ({named} found)");
    assert!(
        missing.is_empty(),
        "named in docs/SAFETY.md but not found: {missing:#?}"
    );
}
