//! Touch only what is ours (issue 19, item 5): a file that is not a Prepkit
//! notebook, given to a read-only command or opened by path, gets "not a
//! Prepkit notebook" and is left exactly as it was: the same bytes, the
//! same modification time, the same name, no lock folder beside it. Reading
//! a notebook takes no lock and makes no lock folder either.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use prepkit::persist::{self, PersistError};

use super::{prepkit, sample};

/// Files other programs keep as `.json`.
const FOREIGN: [(&str, &[u8]); 3] = [
    ("numbers.json", b"[1,2,3]"),
    (
        "settings.json",
        b"{\n  \"editor.fontSize\": 14,\n  \"files.exclude\": {\"**/.git\": true}\n}\n",
    ),
    ("title.json", b"{\"title\":5}"),
];

/// Everything in `dir`, with each file's bytes and modification time.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>, SystemTime)> {
    let mut all: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let meta = e.metadata().unwrap();
            let bytes = if meta.is_file() {
                fs::read(e.path()).unwrap()
            } else {
                Vec::new()
            };
            (
                e.file_name().to_string_lossy().into_owned(),
                bytes,
                meta.modified().unwrap(),
            )
        })
        .collect();
    all.sort();
    all
}

/// A folder holding the foreign files, each an hour old (so a rewrite would
/// show in the time even within one second).
fn foreign_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let hour_ago = SystemTime::now() - Duration::from_hours(1);
    for (name, bytes) in FOREIGN {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
    }
    dir
}

#[test]
fn read_only_commands_leave_a_file_that_is_not_a_notebook_exactly_as_it_was() {
    let data = tempfile::tempdir().unwrap();
    let dir = foreign_folder();
    let before = snapshot(dir.path());
    for (name, _) in FOREIGN {
        let file = dir.path().join(name);
        let out_file = dir.path().join("out.md");
        let runs: [Vec<std::ffi::OsString>; 4] = [
            vec!["plan".into(), file.clone().into()],
            vec!["plan".into(), file.clone().into(), "--json".into()],
            vec!["coverage".into(), file.clone().into()],
            vec![
                "export".into(),
                file.clone().into(),
                "-f".into(),
                "md".into(),
                "--out".into(),
                out_file.into(),
            ],
        ];
        for args in runs {
            let out = prepkit(data.path()).args(&args).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "{args:?} succeeded: {err}");
            assert!(err.contains("is not a Prepkit notebook"), "{args:?}: {err}");
            assert!(err.contains(name), "{args:?} names no file: {err}");
        }
    }
    assert_eq!(
        snapshot(dir.path()),
        before,
        "a file was renamed, rewritten or made"
    );
    assert!(!dir.path().join(".locks").exists());
}

#[test]
fn loading_refuses_a_foreign_file_and_leaves_it() {
    let dir = foreign_folder();
    let before = snapshot(dir.path());
    for (name, _) in FOREIGN {
        let err = persist::load(&dir.path().join(name)).unwrap_err();
        assert!(matches!(err, PersistError::NotANotebook { .. }), "{err}");
        let ko = err.localized(&prepkit::i18n::Tr::new(prepkit::i18n::Lang::Ko));
        assert!(ko.contains("Prepkit 노트북이 아닙니다"), "{ko}");
    }
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn reading_a_notebook_makes_no_lock_folder() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.json");
    fs::write(&path, serde_json::to_vec_pretty(&sample("mine")).unwrap()).unwrap();
    let before = snapshot(dir.path());
    for args in [["plan", "--json"], ["coverage", "--json"]] {
        let out = prepkit(data.path())
            .arg(args[0])
            .arg(&path)
            .arg(args[1])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    persist::load(&path).unwrap();
    assert_eq!(
        snapshot(dir.path()),
        before,
        "reading wrote beside the file"
    );
}

#[test]
fn a_notebook_cut_short_is_still_ours_and_recovered() {
    // Prepkit writes its marker first: a notebook cut short anywhere after
    // it is a damaged notebook, not another program's file.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.json");
    let whole = serde_json::to_vec_pretty(&sample("cut")).unwrap();
    fs::write(&path, &whole[..whole.len() / 2]).unwrap();
    let err = persist::load(&path).unwrap_err();
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
}

#[test]
fn the_app_opening_a_foreign_file_by_path_or_from_the_socket_says_so_and_leaves_it() {
    use prepkit::i18n::Lang;
    let dir = foreign_folder();
    let before = snapshot(dir.path());
    let settings = dir.path().join("settings.json");
    // Started with the file (`prepkit settings.json`), in Korean.
    let mut f = crate::app::start_with(Lang::Ko, Some(settings.clone()));
    let told = f.harness.state().toasts();
    assert!(
        told.iter()
            .any(|t| t.contains("Prepkit 노트북이 아닙니다") && t.contains("settings.json")),
        "{told:?}"
    );
    // A path handed over by a second start goes through `open_path`.
    let mut f2 = crate::app::start_with(Lang::En, None);
    let title = f2.harness.state().notebook().title.clone();
    f2.harness
        .state_mut()
        .open_path(&dir.path().join("numbers.json"));
    f2.run();
    let told = f2.harness.state().toasts();
    assert!(
        told.iter().any(|t| t.contains("is not a Prepkit notebook")),
        "{told:?}"
    );
    assert_eq!(
        f2.harness.state().notebook().title,
        title,
        "switched anyway"
    );
    f.run();
    assert_eq!(snapshot(dir.path()), before);
}
