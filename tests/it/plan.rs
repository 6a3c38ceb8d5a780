//! The review plan from the outside: `prepkit plan`, and review history that
//! survives saving, loading and the upgrade of older notebooks.

use std::fs;

use chrono::{DateTime, NaiveDate, Utc};
use prepkit::model::{Confidence, Review, SCHEMA_VERSION, Story};
use prepkit::persist::{load, notebook_path, save};

use crate::prepkit;

const BRIEF: &str = "# Prep\n\nCompany: ACME\n\n## Likely Interview Topics\n\n\
- **Python**\n  - Async\n  - Pydantic\n- **Databases**\n  - Indexes\n  - Redis\n";

/// Imports the brief, rates and dates it, and returns the notebook's id.
fn notebook_in(data: &std::path::Path) -> String {
    let brief = data.join("acme.md");
    fs::write(&brief, BRIEF).unwrap();
    let out = prepkit(data).arg("import").arg(&brief).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = notebook_path(data, "acme");
    let mut nb = load(&path).unwrap().notebook;
    nb.interview_at = Some(
        NaiveDate::from_ymd_opt(2026, 12, 7)
            .unwrap()
            .and_hms_opt(14, 0, 0)
            .unwrap(),
    );
    let redis = nb.topics().last().unwrap().id;
    nb.item_mut(redis).unwrap().confidence = Confidence::Weak;
    let story = nb.alloc_id();
    nb.stories.push(Story {
        confidence: Confidence::Shaky,
        ..Story::new(story, "The Friday outage")
    });
    let fingerprint = load(&path).unwrap().fingerprint;
    save(&path, &nb, Some(&fingerprint)).unwrap();
    "acme".into()
}

#[test]
fn plan_json_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    let id = notebook_in(dir.path());
    let out = prepkit(dir.path())
        .args([
            "plan",
            &id,
            "--today",
            "2026-12-01",
            "--budget",
            "20",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["interview"], "2026-12-07T14:00:00");
    assert_eq!(v["today"], "2026-12-01");
    assert_eq!(v["budget_minutes"], 20);
    let needs = v["needs_minutes_per_day"].as_u64().unwrap();
    assert!(
        needs <= 20,
        "4 topics and a story fit in 20 minutes a day: {needs}"
    );
    let days = v["days"].as_array().unwrap();
    let first = &days[0];
    assert_eq!(first["date"], "2026-12-01");
    let topic = &first["topics"][0];
    let keys: Vec<&str> = topic
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // serde_json's map lists keys sorted.
    assert_eq!(
        keys,
        ["confidence", "group", "id", "kind", "reason", "title"]
    );
    // The topic rated Weak comes first, before the unrated ones.
    assert_eq!(topic["title"], "Redis");
    assert_eq!(topic["group"], "Databases");
    assert_eq!(topic["confidence"], "weak");
    assert_eq!(topic["reason"], "first");
    assert_eq!(topic["kind"], "topic");
    // The story below Good is planned like a topic: two reviews, then the final pass.
    let story: Vec<&serde_json::Value> = days
        .iter()
        .flat_map(|d| d["topics"].as_array().unwrap())
        .filter(|t| t["title"] == "The Friday outage")
        .collect();
    let reasons: Vec<&str> = story
        .iter()
        .map(|t| t["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons, ["first", "again", "final"], "{story:?}");
    assert!(
        story
            .iter()
            .all(|t| t["kind"] == "story" && t["group"] == "")
    );
    // The day before the interview is the final pass over all four topics.
    let last = days.last().unwrap();
    assert_eq!(last["date"], "2026-12-06");
    let finals = last["topics"].as_array().unwrap();
    assert_eq!(finals.len(), 5, "four topics and the story");
    assert!(finals.iter().all(|t| t["reason"] == "final"));
    for day in days {
        let minutes: u64 = day["minutes"].as_u64().unwrap();
        assert!(minutes <= 20, "{day}");
    }

    // Readable by default, and the interview past means no plan.
    let out = prepkit(dir.path())
        .args(["plan", &id, "--today", "2026-12-01"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Today (2026-12-01)"), "{text}");
    assert!(text.contains("[Weak] Redis  (Databases; first)"), "{text}");
    let out = prepkit(dir.path())
        .args(["plan", &id, "--today", "2026-12-08", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["days"].as_array().unwrap().len(), 0);
}

#[test]
fn a_bad_date_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let id = notebook_in(dir.path());
    let out = prepkit(dir.path())
        .args(["plan", &id, "--today", "2026-13-01"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--today"));
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

#[test]
fn reviews_of_a_format_1_notebook_become_events() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "old");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let v1 = serde_json::json!({
        "schema_version": 1,
        "title": "Old",
        "sections": [{"id": 1, "kind": "topics", "groups": [{"id": 2, "items": [
            {"id": 3, "text": "Two reviews", "confidence": "shaky",
             "last_reviewed": "2026-11-02T10:00:00Z",
             "reviews": [{"at": "2026-11-01T09:00:00Z", "confidence": "weak"},
                         {"at": "2026-11-02T10:00:00Z", "confidence": "shaky"}]},
            {"id": 4, "text": "Only a time", "confidence": "okay",
             "last_reviewed": "2026-11-03T08:00:00Z", "reviews": []},
            {"id": 5, "text": "Never", "last_reviewed": null}
        ]}]}]
    });
    fs::write(&path, serde_json::to_vec(&v1).unwrap()).unwrap();
    let loaded = load(&path).unwrap();
    assert!(loaded.warnings.iter().any(|w| w.contains("upgraded")));
    let nb = &loaded.notebook;
    let events = |id| nb.item(prepkit::model::Id(id)).unwrap().reviews.clone();
    let kept = |at: &str, level| Review {
        at: utc(at),
        before: level,
        after: level,
        seconds: 0,
    };
    assert_eq!(
        events(3),
        vec![
            kept("2026-11-01T09:00:00Z", Confidence::Weak),
            kept("2026-11-02T10:00:00Z", Confidence::Shaky)
        ]
    );
    assert_eq!(
        events(4),
        vec![kept("2026-11-03T08:00:00Z", Confidence::Okay)]
    );
    assert!(events(5).is_empty());
    // Saved in the new format, it reads back the same.
    save(&path, nb, Some(&loaded.fingerprint)).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(&format!("\"schema_version\": {SCHEMA_VERSION}")));
    assert!(!text.contains("last_reviewed"));
    assert_eq!(load(&path).unwrap().notebook.sections, nb.sections);
}
