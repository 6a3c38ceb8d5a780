//! Recovery files written after a crash: the notebook in memory and a
//! readable report, listed on the next start and discarded once dealt with.

use std::fs;

use prepkit::persist::{self, discard_recovery, list_recoveries, load, notebook_path};

use super::sample;

#[test]
fn recovery_files_are_written_listed_and_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "abc");
    assert!(list_recoveries(dir.path()).is_empty());
    let mut nb = sample("abc");
    nb.sections[0].notes = "typed a moment before the crash".into();
    let before = chrono::Utc::now();
    let written =
        persist::write_recovery(dir.path(), &path, &nb, "panicked at src/ui/items.rs:10").unwrap();
    let second = persist::write_recovery(dir.path(), &path, &sample("abc"), "again").unwrap();
    assert_ne!(written, second, "two crashes, two files");
    assert!(written.starts_with(dir.path().join("recovery")));

    let found = list_recoveries(dir.path());
    assert_eq!(found.len(), 2);
    let first = found.iter().find(|r| r.path == written).unwrap();
    assert_eq!(first.notebook_path.as_deref(), Some(path.as_path()));
    assert_eq!(first.title, nb.title);
    assert!(first.time >= before - chrono::TimeDelta::seconds(1));
    let report = fs::read_to_string(&first.report).unwrap();
    assert!(
        report.contains("panicked at src/ui/items.rs:10"),
        "{report}"
    );
    assert!(report.contains(&path.display().to_string()), "{report}");
    // It opens as a notebook, with the text that was typed.
    assert_eq!(
        load(&written).unwrap().notebook.sections[0].notes,
        "typed a moment before the crash"
    );

    discard_recovery(first).unwrap();
    assert!(!written.exists() && !first.report.exists());
    let left = list_recoveries(dir.path());
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].path, second);
    // Discarding twice is harmless.
    discard_recovery(first).unwrap();
}
