//! Writers that run at once take turns (issue 8, item 4): twenty `prepkit
//! import`s of a changed brief used to prune every older backup and some
//! failed on a backup another process had already removed.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::sync::{Arc, Barrier};

use prepkit::persist::{NotebookLock, backups_dir, list_backups, load, notebook_path, save};

use super::{child_test, prepkit, sample};

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
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "shared");
    save(&path, &sample("shared"), None).unwrap();
    let old = old_backups(&path);
    let start = Arc::new(Barrier::new(THREADS));
    let tags: Vec<String> = (0..THREADS).map(|t| format!("t{t}")).collect();
    let workers: Vec<_> = tags
        .iter()
        .map(|tag| {
            let (path, start, tag) = (path.clone(), Arc::clone(&start), tag.clone());
            std::thread::spawn(move || {
                start.wait();
                append_notes(&path, &tag);
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    assert_all_saved(&path, &tags, &old);
}

/// Tells `saving_child` which notebook to save and its tag.
const CHILD_ENV: &str = "PREPKIT_TEST_CONCURRENT_CHILD";

/// Read, change and save `path` `SAVES` times, each as one turn.
const SAVES: usize = 10;

/// One writer: `SAVES` times, takes the lock, loads, appends `[tag.n]` to
/// the first section's notes and saves.
fn append_notes(path: &Path, tag: &str) {
    for s in 0..SAVES {
        let _lock = NotebookLock::acquire(path).unwrap();
        let loaded = load(path).unwrap();
        let mut nb = loaded.notebook;
        write!(nb.sections[0].notes, "[{tag}.{s}]").unwrap();
        save(path, &nb, Some(&loaded.fingerprint)).unwrap();
    }
}

/// Every writer's every note is in the notebook, and the older backups
/// are all there beside one new one.
fn assert_all_saved(path: &Path, tags: &[String], old: &[std::path::PathBuf]) {
    let notes = load(path).unwrap().notebook.sections[0].notes.clone();
    for tag in tags {
        for s in 0..SAVES {
            assert!(
                notes.contains(&format!("[{tag}.{s}]")),
                "save {tag}.{s} lost"
            );
        }
    }
    for o in old {
        assert!(o.exists(), "{} was pruned", o.display());
    }
    let backups = list_backups(path).unwrap();
    assert_eq!(backups.len(), old.len() + 1, "{backups:?}");
}

#[test]
fn processes_saving_at_once_lose_no_update_and_keep_older_backups() {
    const PROCESSES: usize = 6;
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "shared");
    save(&path, &sample("shared"), None).unwrap();
    let old = old_backups(&path);
    let go = dir.path().join("go");
    let tags: Vec<String> = (0..PROCESSES).map(|p| format!("p{p}")).collect();
    let children: Vec<_> = tags
        .iter()
        .map(|tag| {
            child_test("persist::concurrent::saving_child")
                .env(
                    CHILD_ENV,
                    format!("{}\n{}\n{tag}", path.display(), go.display()),
                )
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    // All start together.
    fs::write(&go, b"").unwrap();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_all_saved(&path, &tags, &old);
}

/// One writer process of `processes_saving_at_once_…`.
#[test]
#[ignore = "run as a child process by processes_saving_at_once_lose_no_update_and_keep_older_backups"]
fn saving_child() {
    let Ok(args) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut args = args.lines();
    let (Some(path), Some(go), Some(tag)) = (args.next(), args.next(), args.next()) else {
        panic!("bad {CHILD_ENV}");
    };
    let give_up = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !Path::new(go).exists() && std::time::Instant::now() < give_up {
        std::thread::yield_now();
    }
    append_notes(Path::new(path), tag);
}

/// A brief of 300 groups of 10 topics (`extra` more in the first group):
/// big enough that twenty imports of it overlap.
fn brief(extra: usize) -> String {
    let mut text = String::from("# ACME — Backend Engineer\n\n## Likely Interview Topics\n\n");
    for g in 0..300 {
        writeln!(text, "- Area {g}:").unwrap();
        let topics = if g == 0 { 10 + extra } else { 10 };
        for t in 0..topics {
            writeln!(text, "  - Topic {g}.{t}").unwrap();
        }
    }
    text
}

#[test]
fn twenty_imports_at_once_all_succeed_and_keep_older_backups() {
    const PROCESSES: usize = 20;
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("acme.md");
    fs::write(&brief, self::brief(0)).unwrap();
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

    fs::write(&brief, self::brief(2)).unwrap();
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
    assert!(texts.contains(&"Topic 0.11"), "the re-import was not saved");
    assert_eq!(
        merged.sections[0].groups[0].items[0].notes, "event loop, await points",
        "the user's note was lost"
    );
    // Still one notebook.
    let listed = prepkit::persist::list(dir.path()).unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
}
