//! Writers that run at once take turns (issue 8, item 4): twenty `prepkit
//! import`s of a changed brief used to prune every older backup and some
//! failed on a backup another process had already removed.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::sync::{Arc, Barrier};

use prepkit::persist::{NotebookLock, backups_dir, list_backups, load, notebook_path, save};

use super::{prepkit, sample};

/// Backups from a year ago, as a user who studied last year has.
const OLD_STAMPS: [&str; 3] = [
    "20250101T090000.000000Z",
    "20250201T090000.000000Z",
    "20250301T090000.000000Z",
];

/// Puts the backups of [`OLD_STAMPS`] beside `notebook`, each a copy of it.
fn old_backups(notebook: &Path) -> Vec<std::path::PathBuf> {
    let dir = backups_dir(notebook);
    fs::create_dir_all(&dir).unwrap();
    let bytes = fs::read(notebook).unwrap();
    OLD_STAMPS
        .iter()
        .map(|stamp| {
            let backup = dir.join(format!("{stamp}.json"));
            fs::write(&backup, &bytes).unwrap();
            backup
        })
        .collect()
}

#[test]
fn threads_saving_at_once_lose_no_update_and_keep_older_backups() {
    const THREADS: usize = 8;
    const SAVES: usize = 10;
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "shared");
    save(&path, &sample("shared"), None).unwrap();
    let old = old_backups(&path);
    let start = Arc::new(Barrier::new(THREADS));
    let workers: Vec<_> = (0..THREADS)
        .map(|t| {
            let path = path.clone();
            let start = Arc::clone(&start);
            std::thread::spawn(move || {
                start.wait();
                for s in 0..SAVES {
                    // Read, change and save as one turn.
                    let _lock = NotebookLock::acquire(&path).unwrap();
                    let loaded = load(&path).unwrap();
                    let mut nb = loaded.notebook;
                    write!(nb.sections[0].notes, "[{t}.{s}]").unwrap();
                    save(&path, &nb, Some(&loaded.fingerprint)).unwrap();
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let notes = load(&path).unwrap().notebook.sections[0].notes.clone();
    for t in 0..THREADS {
        for s in 0..SAVES {
            assert!(notes.contains(&format!("[{t}.{s}]")), "save {t}.{s} lost");
        }
    }
    let backups = list_backups(&path).unwrap();
    for o in &old {
        assert!(o.exists(), "{} was pruned", o.display());
    }
    assert_eq!(backups.len(), old.len() + 1, "{backups:?}");
}

const BRIEF_V1: &str = "# ACME — Backend Engineer

## Likely Interview Topics

- Python:
  - Asynchronous request handling
  - Testing with pytest
- Databases:
  - Index design
";

const BRIEF_V2: &str = "# ACME — Backend Engineer

## Likely Interview Topics

- Python:
  - Asynchronous request handling
  - Testing with pytest
  - Packaging
- Databases:
  - Index design
  - Replication
";

#[test]
fn twenty_imports_at_once_all_succeed_and_keep_older_backups() {
    const PROCESSES: usize = 20;
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("acme.md");
    fs::write(&brief, BRIEF_V1).unwrap();
    let out = prepkit(dir.path())
        .arg("import")
        .arg(&brief)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = notebook_path(dir.path(), "acme");
    // The user rated a topic since.
    let loaded = load(&path).unwrap();
    let mut nb = loaded.notebook;
    nb.sections[0].groups[0].items[0].notes = "event loop, await points".into();
    save(&path, &nb, Some(&loaded.fingerprint)).unwrap();
    let old = old_backups(&path);

    fs::write(&brief, BRIEF_V2).unwrap();
    let children: Vec<_> = (0..PROCESSES)
        .map(|_| {
            prepkit(dir.path())
                .arg("import")
                .arg(&brief)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut failures = Vec::new();
    for child in children {
        let out = child.wait_with_output().unwrap();
        if !out.status.success() {
            failures.push(String::from_utf8_lossy(&out.stderr).into_owned());
        }
    }
    assert!(
        failures.is_empty(),
        "{} imports failed: {failures:?}",
        failures.len()
    );
    for o in &old {
        assert!(o.exists(), "{} was pruned", o.display());
    }
    // One backup of the version before the re-import, not twenty.
    assert_eq!(list_backups(&path).unwrap().len(), old.len() + 1);
    let merged = load(&path).unwrap().notebook;
    let texts: Vec<&str> = merged.sections[0]
        .items()
        .map(|i| i.text.as_str())
        .collect();
    assert!(texts.contains(&"Replication"), "{texts:?}");
    assert_eq!(
        merged.sections[0].groups[0].items[0].notes,
        "event loop, await points"
    );
    // Still one notebook.
    let listed = prepkit::persist::list(dir.path()).unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
}
