//! Storage: round trips, damaged and future files, backups, conflicts with
//! other writers, the data folder, listing, settings and the background saver.

mod cli;
mod concurrent;
mod crash;
mod foreign;
mod journal;
mod kill;
mod links;
mod sane;
mod unfinished;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use prepkit::model::{Confidence, Group, Id, Item, Notebook, SCHEMA_VERSION, Section, SectionKind};
use prepkit::persist::{
    self, Fingerprint, PersistError, SaveOptions, Saver, list_backups, load, notebook_path, save,
    save_with,
};

/// Saves that back up every time, as a user would after ten minutes each.
fn always_backup() -> SaveOptions {
    SaveOptions {
        backup_min_age: Duration::ZERO,
        ..SaveOptions::default()
    }
}

/// A notebook with ratings, notes, a ticked question and Korean text.
pub fn sample(id: &str) -> Notebook {
    let mut topic = Item::new(Id(3), "Asynchronous request handling");
    topic.confidence = Confidence::Good;
    topic.notes = "Event loop; `await` points; 백프레셔 (backpressure) 설명하기 🚀".into();
    let mut korean = Item::new(Id(4), "데이터베이스 인덱스 설계");
    korean.confidence = Confidence::Weak;
    korean.notes = "B-트리와 해시 인덱스의 차이".into();
    let mut question = Item::new(Id(7), "How does the team do code review?");
    question.done = true;
    question.notes = "Two approvals, \"small PRs\".".into();
    let mut nb = Notebook {
        id: id.into(),
        title: "ABC Corp — 백엔드 엔지니어".into(),
        company: "ABC Corp".into(),
        role: "Backend Engineer".into(),
        sections: vec![
            Section {
                id: Id(1),
                title: "Likely Interview Topics".into(),
                kind: SectionKind::Topics,
                notes: "Start with the weak ones.\n".into(),
                groups: vec![Group {
                    id: Id(2),
                    title: Some("Python & FastAPI".into()),
                    items: vec![topic, korean],
                }],
                ..Section::default()
            },
            Section {
                id: Id(5),
                title: "Questions to Ask".into(),
                kind: SectionKind::Checklist,
                groups: vec![Group {
                    id: Id(6),
                    title: None,
                    items: vec![question],
                }],
                ..Section::default()
            },
        ],
        ..Notebook::default()
    };
    nb.next_id = 8;
    nb
}

/// Names of the files directly in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Files in `dir` whose names contain `.corrupt-`.
fn corrupt_files(dir: &Path) -> Vec<PathBuf> {
    names(dir)
        .into_iter()
        .filter(|n| n.contains(".corrupt-"))
        .map(|n| dir.join(n))
        .collect()
}

pub(crate) use crate::prepkit;

/// A command that runs one ignored test of this binary as a child process.
///
/// On Linux through `/proc/self/exe`: the very binary that is running, even
/// if a concurrent build has replaced the file at its path meanwhile.
pub fn child_test(name: &str) -> Command {
    let exe = if cfg!(target_os = "linux") {
        PathBuf::from("/proc/self/exe")
    } else {
        std::env::current_exe().unwrap()
    };
    let mut cmd = Command::new(exe);
    cmd.args([
        "--exact",
        name,
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ]);
    cmd
}

#[test]
fn round_trip_keeps_ratings_notes_and_korean_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "abc-corp");
    let nb = sample("abc-corp");
    let written = save(&path, &nb, None).unwrap();
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.notebook, nb);
    assert_eq!(loaded.fingerprint, written);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.recovered_from, None);
    let item = loaded.notebook.item(Id(4)).unwrap();
    assert_eq!(item.confidence, Confidence::Weak);
    assert_eq!(item.notes, "B-트리와 해시 인덱스의 차이");
    assert!(loaded.notebook.item(Id(7)).unwrap().done);
    // Korean is stored as UTF-8, not as \u escapes, so the file stays readable.
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("백엔드 엔지니어")
    );
}

#[test]
fn load_repairs_ids_and_takes_the_id_from_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "renamed");
    let mut nb = sample("original");
    nb.next_id = 2;
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, serde_json::to_vec(&nb).unwrap()).unwrap();
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.notebook.next_id, 8);
    assert_eq!(loaded.notebook.id, "renamed");
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
}

#[test]
fn corrupt_file_without_backup_is_moved_aside_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "broken");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    // Prepkit's marker first: a notebook garbled further on.
    let garbage = b"{\"schema_version\": 2, \"title\": \"half a note\", \x00\xff not json".to_vec();
    fs::write(&path, &garbage).unwrap();

    let err = load(&path).unwrap_err();
    let PersistError::Corrupt {
        moved_to: Some(aside),
        ..
    } = &err
    else {
        panic!("expected Corrupt, got {err}");
    };
    assert_eq!(fs::read(aside).unwrap(), garbage);
    assert!(
        !path.exists(),
        "the damaged file must not stay where a save would overwrite it"
    );
    let message = err.to_string();
    assert!(message.contains("broken.json"), "{message}");
    assert!(message.contains(&aside.display().to_string()), "{message}");
    // A new save then cannot touch the damaged bytes.
    save(&path, &sample("broken"), None).unwrap();
    assert_eq!(fs::read(aside).unwrap(), garbage);
}

#[test]
fn corrupt_file_is_recovered_from_the_newest_usable_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "abc");
    let mut nb = sample("abc");
    let mut fp = save_with(&path, &nb, None, &always_backup()).unwrap();
    for title in ["second", "third"] {
        nb.title = title.into();
        fp = save_with(&path, &nb, Some(&fp), &always_backup()).unwrap();
    }
    // Backups now hold "first" (older) and "second" (newest). A damaged
    // backup newer than both must be skipped.
    let bad_backup = persist::backups_dir(&path).join("29991231T235959.000000Z.json");
    fs::write(&bad_backup, b"{\"title\":").unwrap();
    let torn = b"{\n  \"schema_version\": 1,\n  \"title\": \"thi".to_vec();
    fs::write(&path, &torn).unwrap();

    let loaded = load(&path).unwrap();
    assert_eq!(loaded.notebook.title, "second");
    assert_eq!(
        loaded.notebook.item(Id(3)).unwrap().confidence,
        Confidence::Good
    );
    let from = loaded.recovered_from.as_ref().unwrap();
    assert_ne!(from, &bad_backup);
    assert!(
        loaded.warnings[0].contains("damaged"),
        "{:?}",
        loaded.warnings
    );
    let aside = corrupt_files(path.parent().unwrap());
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read(&aside[0]).unwrap(), torn);
    // The restored file is the notebook now, and its fingerprint is right.
    let again = load(&path).unwrap();
    assert_eq!(again.notebook.title, "second");
    assert_eq!(again.recovered_from, None);
    save(&path, &again.notebook, Some(&loaded.fingerprint)).unwrap();
}

#[test]
fn truncated_file_is_reported_as_cut_short_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "cut");
    save(&path, &sample("cut"), None).unwrap();
    let full = fs::read(&path).unwrap();
    let half = &full[..full.len() / 2];
    fs::write(&path, half).unwrap();

    let err = load(&path).unwrap_err();
    assert!(err.to_string().contains("cut short"), "{err}");
    let aside = corrupt_files(path.parent().unwrap());
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read(&aside[0]).unwrap(), half);

    // An empty file (a crash of some other tool) is handled the same way.
    fs::write(&path, b"").unwrap();
    let err = load(&path).unwrap_err();
    assert!(err.to_string().contains("empty"), "{err}");
}

#[test]
fn valid_json_that_is_not_a_notebook_is_treated_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "odd");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, b"{\"schema_version\": 1, \"sections\": 5}").unwrap();
    let err = load(&path).unwrap_err();
    assert!(
        matches!(
            err,
            PersistError::Corrupt {
                moved_to: Some(_),
                ..
            }
        ),
        "{err}"
    );
    // JSON that is no notebook at all is another program's file: left as
    // it is, even in the notebooks folder (issue 19, item 5).
    fs::write(&path, b"[1, 2]").unwrap();
    assert!(matches!(
        load(&path),
        Err(PersistError::NotANotebook { .. })
    ));
    assert_eq!(fs::read(&path).unwrap(), b"[1, 2]");
}

#[test]
fn future_schema_is_refused_and_the_file_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "future");
    save(&path, &sample("future"), None).unwrap();
    let mut value: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    value["schema_version"] = (SCHEMA_VERSION + 1).into();
    value["a_field_from_the_future"] = "keep me".into();
    let bytes = serde_json::to_vec_pretty(&value).unwrap();
    fs::write(&path, &bytes).unwrap();
    let before = names(path.parent().unwrap());

    let err = load(&path).unwrap_err();
    assert!(
        matches!(err, PersistError::TooNew { found, .. } if found == u64::from(SCHEMA_VERSION) + 1)
    );
    assert!(err.to_string().contains("newer Prepkit"), "{err}");
    assert!(err.to_string().contains("future.json"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), bytes);
    assert_eq!(
        names(path.parent().unwrap()),
        before,
        "nothing moved, nothing added"
    );
    // A save that did not load it cannot overwrite it either.
    assert!(matches!(
        save(&path, &sample("future"), None),
        Err(PersistError::ChangedOnDisk { .. })
    ));
    assert_eq!(fs::read(&path).unwrap(), bytes);
    // The list shows it, with the reason it cannot be opened.
    let listed = persist::list(dir.path()).unwrap();
    assert!(
        listed[0]
            .error
            .as_deref()
            .unwrap()
            .contains("newer Prepkit")
    );
}

#[test]
fn unknown_old_format_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "old");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let bytes = b"{\"schema_version\": 0, \"title\": \"prehistoric\"}";
    fs::write(&path, bytes).unwrap();
    let err = load(&path).unwrap_err();
    assert!(
        matches!(err, PersistError::Migrate { from: 0, .. }),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn backups_are_capped_at_five_and_hold_the_replaced_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "capped");
    let mut nb = sample("capped");
    let mut fp = None;
    for n in 1..=8 {
        nb.title = format!("version {n}");
        fp = Some(save_with(&path, &nb, fp.as_ref(), &always_backup()).unwrap());
    }
    let backups = list_backups(&path).unwrap();
    assert_eq!(backups.len(), 5);
    let titles: Vec<String> = backups
        .iter()
        .map(|b| {
            serde_json::from_slice::<Notebook>(&fs::read(&b.path).unwrap())
                .unwrap()
                .title
        })
        .collect();
    assert_eq!(
        titles,
        [
            "version 7",
            "version 6",
            "version 5",
            "version 4",
            "version 3"
        ]
    );
    assert_eq!(load(&path).unwrap().notebook.title, "version 8");
}

#[test]
fn typing_does_not_make_a_backup_per_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "typing");
    let mut nb = sample("typing");
    let mut fp = None;
    for n in 0..20 {
        nb.sections[0].notes = "x".repeat(n);
        fp = Some(save(&path, &nb, fp.as_ref()).unwrap());
    }
    assert_eq!(list_backups(&path).unwrap().len(), 1);
}

#[test]
fn outside_write_is_detected_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "shared");
    let mut mine = sample("shared");
    let fp = save(&path, &mine, None).unwrap();

    // A sync service puts another device's version in place.
    let mut theirs = sample("shared");
    theirs.title = "edited on the other laptop".into();
    let their_bytes = serde_json::to_vec_pretty(&theirs).unwrap();
    fs::write(&path, &their_bytes).unwrap();

    mine.title = "edited here".into();
    let err = save(&path, &mine, Some(&fp)).unwrap_err();
    assert!(matches!(err, PersistError::ChangedOnDisk { .. }), "{err}");
    assert!(err.to_string().contains("shared.json"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), their_bytes);

    // "Save anyway" keeps their version as the newest backup.
    let forced = save_with(&path, &mine, Some(&fp), &SaveOptions::forced()).unwrap();
    assert_eq!(load(&path).unwrap().notebook.title, "edited here");
    let newest = &list_backups(&path).unwrap()[0];
    assert_eq!(fs::read(&newest.path).unwrap(), their_bytes);
    assert_eq!(Fingerprint::read(&path).unwrap(), Some(forced));
}

#[test]
fn removed_file_is_a_change_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "gone");
    let fp = save(&path, &sample("gone"), None).unwrap();
    fs::remove_file(&path).unwrap();
    assert!(matches!(
        save(&path, &sample("gone"), Some(&fp)),
        Err(PersistError::ChangedOnDisk { .. })
    ));
    assert!(!path.exists());
}

#[test]
fn list_is_newest_first_and_shows_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut old = sample("old");
    old.updated = "2025-01-01T00:00:00Z".parse().unwrap();
    let mut new = sample("new");
    new.updated = "2026-03-01T00:00:00Z".parse().unwrap();
    new.company = "카카오".into();
    save(&notebook_path(dir.path(), "old"), &old, None).unwrap();
    save(&notebook_path(dir.path(), "new"), &new, None).unwrap();
    let notebooks = persist::notebooks_dir(dir.path());
    fs::write(notebooks.join("broken.json"), b"{").unwrap();
    // A file moved aside; not notebooks: a temporary file, a stray file.
    fs::write(
        notebooks.join("x.json.corrupt-20250101T000000.000000Z"),
        b"{",
    )
    .unwrap();
    fs::write(notebooks.join(".x.json.abc123.tmp"), b"{").unwrap();
    fs::write(notebooks.join("readme.txt"), b"hi").unwrap();

    let listed = persist::list(dir.path()).unwrap();
    // The damaged file moved aside is listed, marked, and cannot be opened.
    let (damaged, listed): (Vec<_>, Vec<_>) = listed
        .into_iter()
        .partition(|i| i.kind == persist::NotebookKind::Damaged);
    assert_eq!(damaged.len(), 1);
    assert_eq!(damaged[0].id, "x.json.corrupt-20250101T000000.000000Z");
    assert!(damaged[0].error.is_some());
    let ids: Vec<&str> = listed.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["new", "old", "broken"]);
    assert_eq!(listed[0].company, "카카오");
    assert_eq!(listed[0].path, notebook_path(dir.path(), "new"));
    assert!(listed[0].error.is_none());
    assert!(listed[2].error.as_deref().unwrap().contains("damaged"));
    // Listing reads only: the damaged file is still where it was.
    assert_eq!(fs::read(notebooks.join("broken.json")).unwrap(), b"{");
    assert!(
        persist::list(&dir.path().join("nothing-here"))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn data_dir_env_is_respected() {
    let dir = tempfile::tempdir().unwrap();
    let out = child_test("persist::data_dir_child")
        .env("PREPKIT_DATA_DIR", dir.path())
        .env("PREPKIT_TEST_DATA_DIR_CHILD", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let written: Vec<String> =
        serde_json::from_slice(&fs::read(dir.path().join("recent.json")).unwrap()).unwrap();
    assert_eq!(written, [dir.path().display().to_string()]);
}

/// Run by `data_dir_env_is_respected` in a child process, since changing the
/// environment of this process would race with other tests.
#[test]
#[ignore = "run as a child process by data_dir_env_is_respected"]
fn data_dir_child() {
    if std::env::var_os("PREPKIT_TEST_DATA_DIR_CHILD").is_none() {
        return;
    }
    let dir = persist::data_dir().unwrap();
    assert_eq!(
        Some(dir.as_os_str()),
        std::env::var_os("PREPKIT_DATA_DIR").as_deref()
    );
    persist::save_settings("recent", &vec![dir.display().to_string()]).unwrap();
    let back: Vec<String> = persist::load_settings("recent").unwrap();
    assert_eq!(back, [dir.display().to_string()]);
}

#[test]
fn saver_round_trip_on_a_named_thread() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "bg");
    let wakes = Arc::new(AtomicUsize::new(0));
    let thread_names = Arc::new(Mutex::new(Vec::new()));
    let saver = {
        let wakes = Arc::clone(&wakes);
        let thread_names = Arc::clone(&thread_names);
        Saver::spawn(move || {
            wakes.fetch_add(1, Ordering::SeqCst);
            let name = std::thread::current().name().map(str::to_owned);
            thread_names.lock().unwrap().push(name);
        })
        .unwrap()
    };
    let nb = sample("bg");
    saver.save(path.clone(), nb.clone(), 1, None);
    assert!(saver.flush(Duration::from_secs(10)));
    let outcomes = saver.poll();
    assert_eq!(outcomes.len(), 1);
    assert_eq!(outcomes[0].path, path);
    assert_eq!(outcomes[0].revision, 1);
    let fp = *outcomes[0].result.as_ref().unwrap();
    assert_eq!(Fingerprint::read(&path).unwrap(), Some(fp));
    assert_eq!(load(&path).unwrap().notebook, nb);
    assert_eq!(wakes.load(Ordering::SeqCst), 1);
    assert_eq!(
        *thread_names.lock().unwrap(),
        [Some("prepkit-saver".to_owned())]
    );
    assert!(saver.poll().is_empty());
    assert!(saver.is_idle());
}

#[test]
fn saver_writes_only_the_latest_of_queued_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "latest");
    let other = notebook_path(dir.path(), "other");
    // The first wake holds the saver thread until the queue is filled.
    let (entered_tx, entered_rx) = mpsc::channel::<()>();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let release_rx = Mutex::new(release_rx);
    let first = std::sync::atomic::AtomicBool::new(true);
    let saver = Saver::spawn(move || {
        if first.swap(false, Ordering::SeqCst) {
            entered_tx.send(()).unwrap();
            release_rx.lock().unwrap().recv().unwrap();
        }
    })
    .unwrap();
    let mut nb = sample("latest");
    saver.save(path.clone(), nb.clone(), 1, None);
    entered_rx.recv_timeout(Duration::from_secs(10)).unwrap();
    for revision in 2..=9 {
        nb.title = format!("revision {revision}");
        // The caller has not polled yet, so it still expects "no file".
        saver.save(path.clone(), nb.clone(), revision, None);
        if revision == 3 {
            saver.save(other.clone(), sample("other"), revision, None);
        }
    }
    release_tx.send(()).unwrap();
    assert!(saver.flush(Duration::from_secs(10)));
    let outcomes = saver.poll();
    let done: Vec<(String, u64, bool)> = outcomes
        .iter()
        .map(|o| {
            let name = o.path.file_name().unwrap().to_string_lossy().into_owned();
            (name, o.revision, o.result.is_ok())
        })
        .collect();
    assert_eq!(
        done,
        [
            ("latest.json".to_owned(), 1, true),
            ("latest.json".to_owned(), 9, true),
            ("other.json".to_owned(), 3, true),
        ],
        "{outcomes:?}"
    );
    assert_eq!(load(&path).unwrap().notebook.title, "revision 9");
}

#[test]
fn saver_still_refuses_a_real_outside_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "conflict");
    let saver = Saver::spawn(|| {}).unwrap();
    let mut nb = sample("conflict");
    saver.save(path.clone(), nb.clone(), 1, None);
    assert!(saver.flush(Duration::from_secs(10)));
    let fp = *saver.poll()[0].result.as_ref().unwrap();
    fs::write(&path, b"{\"title\": \"written by a second window\"}").unwrap();
    nb.title = "mine".into();
    saver.save(path.clone(), nb.clone(), 2, Some(fp));
    assert!(saver.flush(Duration::from_secs(10)));
    let outcome = saver.poll().pop().unwrap();
    assert!(matches!(
        outcome.result,
        Err(PersistError::ChangedOnDisk { .. })
    ));
    assert_eq!(
        fs::read(&path).unwrap(),
        b"{\"title\": \"written by a second window\"}"
    );
    // Saving anyway works and keeps the other window's version as a backup.
    saver.save_with(path.clone(), nb, 3, Some(fp), SaveOptions::forced());
    drop(saver);
    assert_eq!(load(&path).unwrap().notebook.title, "mine");
    let newest = &list_backups(&path).unwrap()[0];
    assert_eq!(
        fs::read(&newest.path).unwrap(),
        b"{\"title\": \"written by a second window\"}"
    );
}
