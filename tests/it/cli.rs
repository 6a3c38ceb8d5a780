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

/// The built-in brief's notebook with its last two topics rated Weak (one
/// with a note) and the other 18 unrated, saved as `weak.json` in `dir`.
fn two_weak_among_unrated(dir: &std::path::Path) -> std::path::PathBuf {
    let mut nb = prepkit::brief::import(prepkit::app::files::DEFAULT_BRIEF, "built-in").unwrap();
    nb.id = "weak".into();
    for section in &mut nb.sections {
        for group in &mut section.groups {
            for item in &mut group.items {
                if item.text == "Code review and mentoring" {
                    item.confidence = prepkit::model::Confidence::Weak;
                    item.notes = "Say how I review a junior's first PR.".into();
                }
                if item.text == "Fault tolerance and retries" {
                    item.confidence = prepkit::model::Confidence::Weak;
                }
            }
        }
    }
    let file = dir.join("weak.json");
    prepkit::persist::save(&file, &nb, None).unwrap();
    file
}

fn export_to(data: &std::path::Path, file: &std::path::Path, args: &[&str], out: &str) -> Vec<u8> {
    let path = data.join(out);
    let run = prepkit(data)
        .arg("export")
        .arg(file)
        .args(args)
        .arg("--out")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::read(&path).unwrap()
}

#[test]
fn the_sheet_lists_topics_rated_weak_before_unrated_ones() {
    let dir = tempfile::tempdir().unwrap();
    let file = two_weak_among_unrated(dir.path());
    for format in ["md", "html", "pdf"] {
        let bytes = export_to(
            dir.path(),
            &file,
            &["--sheet", "--format", format],
            &format!("sheet.{format}"),
        );
        let text = if format == "pdf" {
            crate::export::pdf_pages(&bytes).join("\n")
        } else {
            String::from_utf8(bytes).unwrap()
        };
        let weak = text.find("Code review and mentoring");
        let unrated = text.find("Asynchronous request handling");
        assert!(
            weak.is_some(),
            "{format}: the Weak topic is missing:\n{text}"
        );
        assert!(
            text.contains("Fault tolerance and retries"),
            "{format}: the other Weak topic is missing:\n{text}"
        );
        if let Some(unrated) = unrated {
            assert!(
                weak < Some(unrated),
                "{format}: unrated before Weak:\n{text}"
            );
        }
    }
}

#[test]
fn the_pdf_summary_weakest_first_puts_weak_before_unrated() {
    let dir = tempfile::tempdir().unwrap();
    let file = two_weak_among_unrated(dir.path());
    let bytes = export_to(dir.path(), &file, &["--format", "pdf"], "summary.pdf");
    let text = crate::export::pdf_pages(&bytes).join("\n");
    let weak = text.find("Code review and mentoring").unwrap();
    let unrated = text.find("Asynchronous request handling").unwrap();
    assert!(weak < unrated, "unrated before Weak:\n{text}");
}

#[test]
fn the_plan_takes_weak_topics_before_unrated_ones() {
    let dir = tempfile::tempdir().unwrap();
    let file = two_weak_among_unrated(dir.path());
    let out = prepkit(dir.path())
        .arg("plan")
        .arg(&file)
        .args(["--today", "2026-12-04", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &v["days"][0]["topics"];
    assert_eq!(first[0]["confidence"], "weak", "{first}");
    assert_eq!(first[1]["confidence"], "weak", "{first}");
}

#[test]
fn a_story_sheet_without_values_or_stories_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut nb = prepkit::brief::import(prepkit::app::files::DEFAULT_BRIEF, "built-in").unwrap();
    nb.values.clear();
    nb.stories.clear();
    let file = dir.path().join("empty.json");
    prepkit::persist::save(&file, &nb, None).unwrap();
    for format in ["md", "pdf"] {
        let bytes = export_to(
            dir.path(),
            &file,
            &["--stories", "--format", format],
            &format!("stories.{format}"),
        );
        let text = if format == "pdf" {
            crate::export::pdf_pages(&bytes).join("\n")
        } else {
            String::from_utf8(bytes).unwrap()
        };
        assert!(
            text.contains("No values or stories yet"),
            "{format}: a blank sheet:\n{text}"
        );
    }
}

#[test]
fn a_story_linked_to_two_values_is_told_once_in_the_summary() {
    use prepkit::action::Action;
    use prepkit::model::{Link, StoryField};
    let dir = tempfile::tempdir().unwrap();
    let nb = prepkit::brief::import(prepkit::app::files::DEFAULT_BRIEF, "built-in").unwrap();
    let (first, second) = (nb.values[0].id, nb.values[1].id);
    let mut store = prepkit::store::Store::new(nb);
    store.apply(Action::AddStory {
        title: "The Friday outage".into(),
        link: Some(Link::Value(first)),
    });
    let id = store.notebook().stories[0].id;
    store.apply(Action::SetStoryField {
        id,
        field: StoryField::Situation,
        text: "Kafka lag hid shipments for an hour.".into(),
    });
    store.apply(Action::LinkStory {
        story: id,
        to: Link::Value(second),
        linked: true,
    });
    assert_eq!(store.notebook().stories[0].values.len(), 2);
    let file = dir.path().join("story.json");
    prepkit::persist::save(&file, store.notebook(), None).unwrap();
    let md = export_to(dir.path(), &file, &["--format", "md"], "summary.md");
    let md = String::from_utf8(md).unwrap();
    assert_eq!(
        md.matches("Kafka lag hid shipments").count(),
        1,
        "told twice:\n{md}"
    );
    assert!(md.contains("The Friday outage: told above"), "{md}");
}

#[test]
fn the_story_sheets_interview_date_stays_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut nb = prepkit::brief::import(prepkit::app::files::DEFAULT_BRIEF, "built-in").unwrap();
    nb.interview_at = chrono::NaiveDate::from_ymd_opt(2026, 12, 10)
        .unwrap()
        .and_hms_opt(14, 0, 0);
    let file = dir.path().join("dated.json");
    prepkit::persist::save(&file, &nb, None).unwrap();
    let bytes = export_to(
        dir.path(),
        &file,
        &["--stories", "--format", "pdf"],
        "stories.pdf",
    );
    let text = crate::export::pdf_pages(&bytes).join("\n");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines.iter().any(|l| l.contains("Thu 10 Dec 2026")),
        "the date is broken across lines:\n{text}"
    );
}
