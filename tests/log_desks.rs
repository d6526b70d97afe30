//! Logs from many desks (issue 16): each desk's file carries its id, a folder tree of desks and
//! months is read whole (old names too), and records kept locally while the share was down are
//! forwarded once, never lost and never counted twice.

use std::fs;
use std::path::{Path, PathBuf};

use arvio::log::{self, Delivered, Destination, LogRecord, names, parse_line};

fn fixture(name: &str) -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/log")
            .join(name),
    )
    .expect("fixture")
}

fn first_record() -> LogRecord {
    let text = fixture("arvio-2026-11.jsonl");
    parse_line(text.lines().next().expect("a line").as_bytes()).expect("a record")
}

#[test]
fn a_desks_file_name_carries_its_id_and_the_month() {
    let r = first_record();
    assert_eq!(
        names::file_name(&r, Some("kallio-07")),
        "arvio-kallio-07-2026-11.jsonl"
    );
    assert_eq!(names::file_name(&r, None), "arvio-2026-11.jsonl");
    let dir = Path::new("share");
    let names = names::spill_names(dir, "arvio-kallio-07-2026-11.jsonl");
    assert_eq!(names[0], dir.join("arvio-kallio-07-2026-11.jsonl"));
    assert_eq!(names[1], dir.join("arvio-kallio-07-2026-11.2.jsonl"));
    assert_eq!(names.len(), 9);
}

#[test]
fn a_tree_of_desks_and_months_is_read_whole_old_names_included() {
    let root = tempfile::tempdir().expect("tmp");
    let share = root.path();
    // Two desks in their own folders by year, one old desk-less file at the top.
    for (desk, sub) in [
        ("kallio-07", "2026/kallio-07"),
        ("vuosaari-2", "2026/vuosaari-2"),
    ] {
        fs::create_dir_all(share.join(sub)).expect("mkdir");
        for month in ["10", "11"] {
            let text = fixture(&format!("arvio-2026-{month}.jsonl"));
            fs::write(
                share
                    .join(sub)
                    .join(format!("arvio-{desk}-2026-{month}.jsonl")),
                text,
            )
            .expect("write");
        }
    }
    fs::write(
        share.join("arvio-2026-11.jsonl"),
        fixture("arvio-2026-11.jsonl"),
    )
    .expect("write");
    // Not a log: left alone.
    fs::write(share.join("2026/notes.txt"), "x").expect("write");
    let read = log::read_dir(share);
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert_eq!(read.records.len(), 2 * 12 + 6);
    // Appending as a desk writes its own file beside the others'.
    let path = log::append_as(share, Some("kallio-07"), &first_record()).expect("append");
    assert_eq!(path, share.join("arvio-kallio-07-2026-11.jsonl"));
    assert_eq!(log::read_dir(share).records.len(), 2 * 12 + 6 + 1);
}

#[cfg(unix)]
#[test]
fn a_symlinked_folder_in_the_tree_is_not_followed() {
    let root = tempfile::tempdir().expect("tmp");
    let outside = root.path().join("outside");
    fs::create_dir(&outside).expect("mkdir");
    fs::write(
        outside.join("arvio-2026-11.jsonl"),
        fixture("arvio-2026-11.jsonl"),
    )
    .expect("w");
    let share = root.path().join("share");
    fs::create_dir(&share).expect("mkdir");
    std::os::unix::fs::symlink(&outside, share.join("desk")).expect("symlink");
    assert!(log::read_dir(&share).records.is_empty());
}

fn jsonl(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| p.extension().is_some_and(|e| e == "jsonl"));
    out.sort();
    out
}

#[test]
fn records_kept_locally_are_forwarded_once_even_after_a_crash_in_between() {
    let root = tempfile::tempdir().expect("tmp");
    let share = root.path().join("share");
    let local = root.path().join("local");
    let dest = Destination {
        dir: share.clone(),
        desk: Some("kallio-07".into()),
        local: Some(local.clone()),
    };
    // The share is down: a file stands where its folder should be.
    fs::write(&share, b"").expect("block");
    let r = first_record();
    assert!(matches!(
        dest.append(&r).expect("kept"),
        Delivered::Local(..)
    ));
    assert!(matches!(
        dest.append(&r).expect("kept"),
        Delivered::Local(..)
    ));
    fs::remove_file(&share).expect("unblock");
    // A crash after the copy reached the share but before the local file was removed: the copy
    // is there under its content's name, the local file still here.
    let waiting = jsonl(&local);
    assert_eq!(waiting.len(), 1);
    let moved = dest.forward().expect("forward");
    let copy = fs::read(&moved[0]).expect("copy");
    fs::write(&waiting[0], &copy).expect("the local file as it was");
    let again = dest.forward().expect("forward again");
    assert_eq!(again, moved, "the same name: not copied twice");
    assert!(jsonl(&local).is_empty());
    let read = log::read_dir(&share);
    assert_eq!(read.records.len(), 2, "each record once");
    assert!(dest.forward().expect("nothing left").is_empty());
}
