//! The architecture's rules, checked on the source tree itself (docs/ARCHITECTURE.md):
//! - no file in `src/` is over 800 lines;
//! - the core (everything outside `src/ui/`, `src/cli/` and `src/main.rs`) uses neither egui nor
//!   the GUI or the CLI;
//! - no two files import each other, directly or through a ring.
//!
//! Imports are read as text: every `crate::a::b::Name` path (in `use` trees, braces expanded, and
//! in code) and every `super::…` path is resolved to the file that defines the module, following
//! a folder's `mod.rs` to the child file it re-exports the name from. Comments are skipped.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 800;

fn sources() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = fs::read_dir(dir)
            .expect("src/ is readable")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(Path::new("src"), &mut out);
    assert!(out.len() > 20, "the source tree was not found");
    out
}

/// The code of a file without its comments (line comments and doc comments).
fn code(path: &Path) -> String {
    fs::read_to_string(path)
        .expect("source is readable")
        .lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module path of a file: `src/guidance/validate/mod.rs` → `["guidance", "validate"]`.
fn module_of(path: &Path) -> Vec<String> {
    let rel = path.strip_prefix("src").expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// Paths named after `crate::` or `super::` in the code, braces of `use` trees expanded (also
/// right after the prefix: `super::{a, b}`).
fn paths(code: &str, own: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (start, prefix) in [("crate::", None), ("super::", Some(()))] {
        let mut rest = code;
        while let Some(i) = rest.find(start) {
            let before = rest[..i].chars().last();
            rest = &rest[i + start.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
                continue;
            }
            let base: Vec<String> = match prefix {
                None => Vec::new(),
                // `super` of `m/f.rs` (module m::f) is m; of `m/mod.rs` (module m) the root.
                Some(()) => own[..own.len().saturating_sub(1)].to_vec(),
            };
            expand(rest, base, &mut out);
        }
    }
    out
}

/// Reads one path (with `{…}` groups) at the start of `s`, appending each full path.
fn expand(s: &str, base: Vec<String>, out: &mut Vec<Vec<String>>) {
    // A group right after the prefix: `super::{a, b}`.
    if let Some(group) = s.strip_prefix('{') {
        for item in split_top(&group[..group_end(group)]) {
            expand(item.trim(), base.clone(), out);
        }
        return;
    }
    let mut path = base;
    let mut chars = s.char_indices().peekable();
    let mut word = String::new();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            path.push(std::mem::take(&mut word));
        }
        if c == ':' && s[i..].starts_with("::") {
            chars.next();
            if s[i + 2..].starts_with('{') {
                let group = &s[i + 3..];
                for item in split_top(&group[..group_end(group)]) {
                    expand(item.trim(), path.clone(), out);
                }
                return;
            }
            continue;
        }
        break;
    }
    if !word.is_empty() {
        path.push(word);
    }
    if !path.is_empty() {
        out.push(path);
    }
}

/// Where the `{…}` group whose text (after its `{`) is `group` closes.
fn group_end(group: &str) -> usize {
    let mut depth = 1;
    for (j, g) in group.char_indices() {
        match g {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            return j;
        }
    }
    group.len()
}

fn split_top(s: &str) -> Vec<&str> {
    let (mut depth, mut start, mut parts) = (0, 0, Vec::new());
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

struct Tree {
    /// Module path → file.
    files: BTreeMap<Vec<String>, PathBuf>,
}

impl Tree {
    /// The file a path names: the deepest module on the path, and where that is a folder's
    /// `mod.rs` that re-exports the next name from a child, that child.
    fn resolve(&self, path: &[String]) -> Option<PathBuf> {
        let mut best = None;
        for n in (1..=path.len()).rev() {
            if let Some(f) = self.files.get(&path[..n]) {
                best = Some((n, f.clone()));
                break;
            }
        }
        let (n, file) = best?;
        let Some(name) = path.get(n) else {
            return Some(file);
        };
        if !file.ends_with("mod.rs") {
            return Some(file);
        }
        let text = code(&file);
        for (module, child) in &self.files {
            if module.len() != n + 1 || module[..n] != path[..n] {
                continue;
            }
            let reexports = text
                .match_indices(&format!("pub use {}::", module[n]))
                .map(|(i, _)| text[i..].split(';').next().unwrap_or_default())
                .any(|item| {
                    item.ends_with('*') && defines(child, name)
                        || item
                            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                            .any(|w| w == name)
                });
            if reexports {
                return Some(child.clone());
            }
        }
        Some(file)
    }
}

fn defines(file: &Path, name: &str) -> bool {
    let text = code(file);
    [
        "struct", "enum", "fn", "type", "const", "trait", "mod", "static",
    ]
    .iter()
    .any(|k| text.contains(&format!("pub {k} {name}")))
}

fn graph() -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let files = sources();
    let tree = Tree {
        files: files.iter().map(|f| (module_of(f), f.clone())).collect(),
    };
    let mut edges = BTreeMap::new();
    for f in &files {
        let own = module_of(f);
        let mut to = BTreeSet::new();
        for p in paths(&code(f), &own) {
            if let Some(t) = tree.resolve(&p)
                && &t != f
            {
                to.insert(t);
            }
        }
        edges.insert(f.clone(), to);
    }
    edges
}

#[test]
fn no_file_in_src_is_over_800_lines() {
    let long: Vec<String> = sources()
        .iter()
        .filter_map(|f| {
            let n = fs::read_to_string(f).expect("readable").lines().count();
            (n > MAX_LINES).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines: {long:?}");
}

#[test]
fn the_core_uses_neither_egui_nor_the_gui_or_the_cli() {
    for f in sources() {
        let rel = f.strip_prefix("src").expect("under src");
        let top = rel.iter().next().map(|p| p.to_string_lossy().into_owned());
        if matches!(
            top.as_deref(),
            Some("ui" | "cli" | "bin" | "main.rs" | "lib.rs")
        ) {
            continue;
        }
        let text = code(&f);
        let words: BTreeSet<&str> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .collect();
        for banned in [
            "egui",
            "eframe",
            "egui_plot",
            "egui_extras",
            "rfd",
            "notify",
        ] {
            assert!(
                !words.contains(banned),
                "{} (core) names the crate `{banned}`",
                f.display()
            );
        }
        for p in paths(&text, &module_of(&f)) {
            assert!(
                !matches!(p.first().map(String::as_str), Some("ui" | "cli")),
                "{} (core) imports `crate::{}`",
                f.display(),
                p.join("::")
            );
        }
    }
}

/// Every ring of the graph that a depth-first search closes, as `a -> b -> a`.
fn rings(edges: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Vec<String> {
    fn visit(
        f: &PathBuf,
        edges: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        stack: &mut Vec<PathBuf>,
        done: &mut BTreeSet<PathBuf>,
        rings: &mut Vec<String>,
    ) {
        if done.contains(f) {
            return;
        }
        if let Some(i) = stack.iter().position(|s| s == f) {
            let ring: Vec<String> = stack[i..]
                .iter()
                .chain([f])
                .map(|p| p.display().to_string())
                .collect();
            rings.push(ring.join(" -> "));
            return;
        }
        stack.push(f.clone());
        for t in edges.get(f).into_iter().flatten() {
            visit(t, edges, stack, done, rings);
        }
        stack.pop();
        done.insert(f.clone());
    }
    let mut found = Vec::new();
    let mut done = BTreeSet::new();
    for f in edges.keys() {
        visit(f, edges, &mut Vec::new(), &mut done, &mut found);
    }
    found
}

#[test]
fn no_two_files_import_each_other_directly_or_in_a_ring() {
    let found = rings(&graph());
    assert!(found.is_empty(), "import rings:\n{}", found.join("\n"));
}

#[test]
fn the_ring_check_sees_a_ring() {
    let p = |s: &str| PathBuf::from(s);
    let edges: BTreeMap<PathBuf, BTreeSet<PathBuf>> = [
        (p("a"), [p("b")].into()),
        (p("b"), [p("c")].into()),
        (p("c"), [p("a")].into()),
        (p("d"), [p("a")].into()),
    ]
    .into();
    assert_eq!(rings(&edges), vec!["a -> b -> c -> a".to_owned()]);
    let mut no_ring = edges.clone();
    no_ring.insert(p("c"), BTreeSet::new());
    assert!(rings(&no_ring).is_empty());
    // The reader: paths with braces and `super`.
    let a = paths("use crate::b::{Y, z::W};", &["a".into()]);
    assert_eq!(
        a,
        vec![
            vec!["b".to_owned(), "Y".to_owned()],
            vec!["b".to_owned(), "z".to_owned(), "W".to_owned()]
        ]
    );
    let s = paths("use super::sib::T;", &["m".into(), "f".into()]);
    assert_eq!(
        s,
        vec![vec!["m".to_owned(), "sib".to_owned(), "T".to_owned()]]
    );
    // A group straight after `super::` (the log's names and writer were a ring read so).
    let g = paths("use super::{route, tail};", &["log".into(), "write".into()]);
    let v = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(g, vec![v(&["log", "route"]), v(&["log", "tail"])]);
}
