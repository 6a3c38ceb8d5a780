//! The command line says what the storage layer did (issue 8, items 6 and
//! 9): a restore from backup, damaged files and unsaved copies in `list`,
//! and the operating system's reason in an error, printed once.

use std::fs;
use std::path::Path;
use std::process::Output;

use prepkit::persist::{self, notebook_path, save, save_with};

use super::{always_backup, prepkit, sample};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn export_md(data: &Path, source: &str, out: &Path) -> Output {
    prepkit(data)
        .args(["export", source, "--format", "md", "--out"])
        .arg(out)
        .output()
        .unwrap()
}

#[test]
fn export_of_a_damaged_notebook_says_it_restored_a_backup_and_where_the_damaged_file_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "abc");
    let every_save = always_backup();
    let mut nb = sample("abc");
    nb.title = "the backed-up version".into();
    let fp = save_with(&path, &nb, None, &every_save).unwrap();
    nb.title = "the newest version".into();
    save_with(&path, &nb, Some(&fp), &every_save).unwrap();
    fs::write(&path, b"{\"title\": \"the newest version\", \"sec").unwrap();

    let md = dir.path().join("out.md");
    let out = export_md(dir.path(), "abc", &md);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        fs::read_to_string(&md)
            .unwrap()
            .contains("the backed-up version")
    );
    let kept = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains(".corrupt-"))
        .expect("the damaged file was kept");
    assert!(err.contains("damaged"), "{err}");
    assert!(err.contains(&kept.display().to_string()), "{err}");
}

#[test]
fn list_shows_damaged_files_unsaved_copies_and_recoveries() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "abc");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, b"{\"schema_version\": 2, \"title\": \"cut sh").unwrap();
    // With no backup, the export fails and the damaged file is moved aside.
    let out = export_md(dir.path(), "abc", &dir.path().join("out.md"));
    assert!(!out.status.success());

    let list = prepkit(dir.path()).arg("list").output().unwrap();
    let (stdout, stderr) = (text(&list.stdout), text(&list.stderr));
    assert!(list.status.success(), "{stderr}");
    assert!(!stderr.contains("No notebooks yet"), "{stderr}");
    assert!(
        stdout.contains("abc.json.corrupt-") && stdout.contains("damaged"),
        "{stdout}"
    );

    let copy = path.with_file_name("abc.unsaved-20261128-081500.json");
    save(&copy, &sample("abc"), None).unwrap();
    let recovery = persist::write_recovery(
        dir.path(),
        &path,
        &sample("abc"),
        "panicked at src/app.rs: index out of bounds",
    )
    .unwrap();
    let stdout = text(&prepkit(dir.path()).arg("list").output().unwrap().stdout);
    let line = |needle: &str| {
        stdout
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle:?} in {stdout}"))
            .to_owned()
    };
    assert!(line("abc.unsaved-").contains("unsaved copy"), "{stdout}");
    let recovered = line(&recovery.display().to_string());
    assert!(recovered.contains("recovered after a crash"), "{recovered}");
    assert!(
        recovered.contains(&path.display().to_string()),
        "{recovered}"
    );

    // An empty data folder still says how to begin.
    let empty = tempfile::tempdir().unwrap();
    let list = prepkit(empty.path()).arg("list").output().unwrap();
    assert!(text(&list.stderr).contains("No notebooks yet"));
}

#[test]
fn a_failed_write_names_the_operating_systems_reason_once() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("brief.md");
    fs::write(&brief, "# Notes\n\n## Topics\n\n- Python:\n  - async\n").unwrap();
    // A folder that cannot exist: its parent is a regular file. (Tests run
    // as root, which a read-only folder would not stop.)
    let out_path = brief.join("summary.md");
    let out = prepkit(dir.path())
        .args(["export", "--lang", "en", "--format", "md", "--out"])
        .arg(&out_path)
        .arg(&brief)
        .output()
        .unwrap();
    let err = text(&out.stderr);
    assert!(!out.status.success());
    // Worded as the app words it: the system's reason in the user's words.
    assert_eq!(
        err.matches("a part of the path is not a folder").count(),
        1,
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");

    // The library's message alone carries it too (the app shows that).
    let e = save(&brief.join("sub").join("nb.json"), &sample("nb"), None).unwrap_err();
    assert!(e.to_string().contains("Not a directory"), "{e}");
}

/// Issue 19, item 10: `prepkit list` printed escape sequences from titles
/// raw, so a brief could retitle the terminal or clear it.
#[test]
fn list_and_plan_print_escape_sequences_escaped_never_raw() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "abc");
    let mut nb = sample("abc");
    nb.title = "Acme\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}txt.exe".into();
    nb.sections[0].groups[0].items[0].text = "Rust\u{1b}[8mhidden".into();
    save(&path, &nb, None).unwrap();
    for args in [vec!["list"], vec!["plan", "abc", "--today", "2026-12-01"]] {
        let out = prepkit(dir.path()).args(&args).output().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        let shown = text(&out.stdout);
        assert!(
            !out.stdout.contains(&0x1b) && !shown.contains('\u{9b}') && !shown.contains('\u{202e}'),
            "{args:?} printed control characters raw: {shown:?}"
        );
        assert!(shown.contains("\\u{1b}"), "{args:?}: {shown}");
    }
}
