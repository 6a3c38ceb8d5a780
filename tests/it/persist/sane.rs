//! A notebook with one odd value is not damaged (issue 19, item 10): a
//! UTF-8 byte order mark, a confidence level this version does not know,
//! an interview date in the year 262,142. Each used to be "damaged": the
//! file moved aside and an older backup restored.

use std::fs;

use prepkit::model::Confidence;
use prepkit::persist::{self, load, notebook_path, save};

use super::{names, prepkit, sample};

/// A saved notebook's JSON, and its path.
fn saved(dir: &std::path::Path) -> (std::path::PathBuf, serde_json::Value) {
    let path = notebook_path(dir, "odd");
    let mut nb = sample("odd");
    nb.sections[0].groups[0].items[0].notes = "the note to keep".into();
    save(&path, &nb, None).unwrap();
    // A backup to restore, as the old code did.
    let fp = load(&path).unwrap().fingerprint;
    nb.title = "newer".into();
    persist::save_with(&path, &nb, Some(&fp), &super::always_backup()).unwrap();
    let value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    (path, value)
}

fn nothing_moved_aside(path: &std::path::Path) {
    let names = names(path.parent().unwrap());
    assert!(
        !names.iter().any(|n| n.contains(".corrupt-")),
        "called damaged: {names:?}"
    );
}

#[test]
fn a_byte_order_mark_is_no_damage() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved(dir.path());
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fs::read(&path).unwrap());
    fs::write(&path, &bytes).unwrap();
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.recovered_from, None);
    assert_eq!(loaded.notebook.title, "newer");
    assert_eq!(fs::read(&path).unwrap(), bytes, "the file was rewritten");
    nothing_moved_aside(&path);
}

#[test]
fn an_unknown_confidence_loads_as_unrated_and_keeps_the_topics_note() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut value) = saved(dir.path());
    let item = &mut value["sections"][0]["groups"][0]["items"][0];
    item["confidence"] = "excellent".into();
    let text = item["text"].as_str().unwrap().to_owned();
    value["sections"][0]["groups"][0]["items"][1]["confidence"] = 4.into();
    let bytes = serde_json::to_vec_pretty(&value).unwrap();
    fs::write(&path, &bytes).unwrap();

    let loaded = load(&path).unwrap();
    assert_eq!(loaded.recovered_from, None);
    let items = &loaded.notebook.sections[0].groups[0].items;
    assert_eq!(items[0].confidence, Confidence::Unrated);
    assert_eq!(items[0].notes, "the note to keep");
    assert_eq!(items[1].confidence, Confidence::Good, "4 means Good");
    let told = loaded.warnings.join("\n");
    assert!(
        told.contains("\"excellent\"") && told.contains(&text),
        "{told}"
    );
    assert_eq!(fs::read(&path).unwrap(), bytes, "the file was rewritten");
    nothing_moved_aside(&path);
}

#[test]
fn an_interview_in_the_year_262142_is_ignored_with_a_notice_and_plan_stays_small() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut value) = saved(dir.path());
    value["interview_at"] = "+262142-12-30T09:00:00".into();
    fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();

    let loaded = load(&path).unwrap();
    assert_eq!(loaded.notebook.interview_at, None);
    assert!(
        loaded.warnings.iter().any(|w| w.contains("1970–2200")),
        "{:?}",
        loaded.warnings
    );
    // Under a 1 GiB address-space cap: the 6 GB calendar would abort.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1048576; exec \"$0\" plan \"$1\" --today 2026-12-01 --json")
        .arg(env!("CARGO_BIN_EXE_prepkit"))
        .arg(&path)
        .env("PREPKIT_DATA_DIR", dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("1970–2200"), "no notice: {err}");
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(plan["interview"].is_null());
    nothing_moved_aside(&path);
}

#[test]
fn plan_refuses_a_today_outside_1970_to_2200() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved(dir.path());
    for day in ["1969-12-31", "2201-01-01", "+262142-01-01"] {
        let out = prepkit(dir.path())
            .arg("plan")
            .arg(&path)
            .args(["--today", day])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{day} accepted");
        assert!(err.contains("--today"), "{err}");
    }
    let out = prepkit(dir.path())
        .arg("plan")
        .arg(&path)
        .args(["--today", "2200-12-31"])
        .output()
        .unwrap();
    assert!(out.status.success());
}
