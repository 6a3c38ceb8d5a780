//! The `prepkit` command line, run as a user would.

use crate::prepkit;

const REAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/backend-brief.md"
);

#[test]
fn parse_json_prints_the_fixed_shape() {
    let dir = tempfile::tempdir().unwrap();
    let out = prepkit(dir.path())
        .args(["parse", REAL, "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["title"].is_null());
    let sections = v["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 6);
    assert_eq!(sections[4]["kind"], "topics");
    assert_eq!(sections[4]["groups"].as_array().unwrap().len(), 7);
    assert_eq!(
        sections[4]["groups"][0]["items"][0]["text"],
        "Goroutines, channels and the select statement"
    );
    assert_eq!(sections[5]["kind"], "checklist");
    assert_eq!(sections[0]["kind"], "prose");
}

#[test]
fn import_list_and_export_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let out = prepkit(dir.path()).args(["import", REAL]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = String::from_utf8(out.stdout).unwrap();
    assert!(std::path::Path::new(path.trim()).exists());
    let list = prepkit(dir.path()).arg("list").output().unwrap();
    assert!(String::from_utf8_lossy(&list.stdout).contains("backend-brief"));
    let md = dir.path().join("summary.md");
    let out = prepkit(dir.path())
        .args(["export", "backend-brief", "--format", "md", "--out"])
        .arg(&md)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(&md)
            .unwrap()
            .contains("Goroutines, channels and the select statement")
    );
}

#[test]
fn errors_print_once_to_stderr_with_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.md");
    std::fs::write(&bad, b"\xff\xfe\x00").unwrap();
    let out = prepkit(dir.path()).arg("parse").arg(&bad).output().unwrap();
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.matches("error").count(), 1, "{err}");
    assert!(err.contains("bad.md"));
}

#[test]
fn parse_says_on_stderr_when_deep_nesting_was_flattened() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("deep.md");
    std::fs::write(&deep, format!("{}xylophone\n", "- ".repeat(50_000))).unwrap();
    let out = prepkit(dir.path())
        .args(["parse", "--json"])
        .arg(&deep)
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("deep.md") && err.contains("kept as plain text"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("xylophone"));
}

#[test]
fn parse_refuses_a_device_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = prepkit(dir.path())
        .args(["parse", "/dev/zero"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("/dev/zero") && err.contains("device"), "{err}");
}

#[test]
fn export_refuses_to_replace_a_file_without_a_terminal_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("summary.md");
    std::fs::write(&out, "my own file").unwrap();
    let export = |force: bool| {
        let mut c = prepkit(dir.path());
        c.args(["export", REAL, "--format", "md", "--out"])
            .arg(&out);
        if force {
            c.arg("--force");
        }
        c.output().unwrap()
    };
    let refused = export(false);
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("summary.md already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "my own file");
    let forced = export(true);
    assert!(
        forced.status.success(),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Goroutines, channels and the select statement")
    );
}

#[test]
fn export_sheet_in_korean_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sheet.html");
    let run = prepkit(dir.path())
        .args([
            "export", REAL, "--sheet", "--lang", "ko", "--format", "html", "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("<html lang=\"ko\">"));
    assert!(html.contains("면접 날짜가 정해지지 않았습니다"), "{html}");
    assert!(html.contains("물어볼 질문"), "{html}");
    assert!(html.contains("Goroutines, channels and the select statement"));
}

/// `prepkit export REAL -f md -o OUT` with `--lang LANG`: exit status and stderr.
fn export_md_to(dir: &std::path::Path, out: &std::path::Path, lang: &str) -> (bool, String) {
    let run = prepkit(dir)
        .args(["export", REAL, "-f", "md", "--lang", lang, "-o"])
        .arg(out)
        .output()
        .unwrap();
    (
        run.status.success(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

#[cfg(target_os = "linux")]
#[test]
fn export_into_proc_says_new_files_cannot_be_written_there_as_the_app_does() {
    // /proc exists: "/proc does not exist" was wrong.
    let dir = tempfile::tempdir().unwrap();
    let out = std::path::Path::new("/proc/x.md");
    let (ok, err) = export_md_to(dir.path(), out, "en");
    assert!(!ok);
    assert!(
        err.contains("Could not export: new files cannot be written in /proc"),
        "{err}"
    );
    assert!(!err.contains("does not exist"), "{err}");
    let (ok, err) = export_md_to(dir.path(), out, "ko");
    assert!(!ok);
    assert!(
        err.contains("내보내지 못했습니다. /proc 폴더에는 새 파일을 쓸 수 없습니다"),
        "{err}"
    );
}

#[test]
fn export_to_a_missing_folder_creates_no_folder_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nonexist");
    let folder = missing.join("dir");
    let (ok, err) = export_md_to(dir.path(), &folder.join("x.md"), "en");
    assert!(!ok);
    assert!(
        err.contains(&format!(
            "Could not export: the folder {} does not exist",
            folder.display()
        )),
        "{err}"
    );
    assert!(!missing.exists(), "a mistyped folder was created");
    let (ok, err) = export_md_to(dir.path(), &folder.join("x.md"), "ko");
    assert!(!ok);
    assert!(
        err.contains(&format!("{} 폴더가 없습니다", folder.display())),
        "{err}"
    );
    assert!(!missing.exists(), "a mistyped folder was created");
}

#[test]
fn export_refuses_a_paper_size_for_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let export = |format: &str, out: &std::path::Path| {
        prepkit(dir.path())
            .args(["export", REAL, "--paper", "letter", "-f", format, "-o"])
            .arg(out)
            .output()
            .unwrap()
    };
    let md = dir.path().join("summary.md");
    let refused = export("md", &md);
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("--paper applies to PDF and HTML only"),
        "{err}"
    );
    assert!(!md.exists());
    // Paper still applies where there are pages.
    let html = dir.path().join("summary.html");
    let done = export("html", &html);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .contains("size: letter")
    );
}
