//! Recovery files: the notebook as it was in memory when the app crashed.
//!
//! A panic hook cannot trust the app's state or its save queue, so it writes
//! the notebook straight to `<data>/recovery/<id>-<time>.json` with a
//! readable crash report beside it, `<id>-<time>.txt`, whose first lines say
//! which notebook file it belongs to. The next start lists them
//! ([`list_recoveries`]), offers them, and discards the ones dealt with
//! ([`discard_recovery`]). Nothing here takes a lock or panics.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Deserialize;

use super::atomic::write_atomic;
use super::backup::STAMP_FORMAT;
use super::notebook::to_json;
use super::{PersistError, slug};
use crate::model::Notebook;

/// The report's line naming the notebook file.
const NOTEBOOK_LINE: &str = "Notebook file: ";

/// The report's line with the time, RFC 3339.
const TIME_LINE: &str = "Time: ";

/// A notebook saved by [`write_recovery`], as [`list_recoveries`] finds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    /// The recovered notebook, `<id>-<time>.json`; it opens as a notebook.
    pub path: PathBuf,
    /// The crash report beside it, `<id>-<time>.txt` (may be missing).
    pub report: PathBuf,
    /// The notebook file it is a newer version of, if the report says.
    pub notebook_path: Option<PathBuf>,
    /// When it was written.
    pub time: DateTime<Utc>,
    /// The notebook's title; empty if unreadable.
    pub title: String,
}

/// The folder holding recovery files: `<data_dir>/recovery`.
fn recovery_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("recovery")
}

/// Writes `notebook` (the version in memory, belonging to the file at
/// `notebook_path`) to `<data_dir>/recovery/<id>-<time>.json`, and `report`
/// (what happened, e.g. the panic message) to `<id>-<time>.txt` after a
/// header naming the notebook file. Returns the `.json` file.
///
/// Synchronous and without locks, for a panic hook; it never panics.
pub fn write_recovery(
    data_dir: &Path,
    notebook_path: &Path,
    notebook: &Notebook,
    report: &str,
) -> Result<PathBuf, PersistError> {
    let dir = recovery_dir(data_dir);
    let id = slug(&notebook.id);
    let now = Utc::now();
    let mut at = now;
    let json = loop {
        let candidate = dir.join(format!("{id}-{}.json", at.format(STAMP_FORMAT)));
        if !candidate.exists() {
            break candidate;
        }
        at += chrono::TimeDelta::microseconds(1);
    };
    let bytes = to_json(&json, notebook)?;
    write_atomic(&json, &bytes)?;
    let text = format!(
        "Prepkit crash report\n{NOTEBOOK_LINE}{}\n{TIME_LINE}{}\nTitle: {}\nRecovered \
         notebook: {}\n\n{report}\n",
        notebook_path.display(),
        now.to_rfc3339(),
        notebook.title,
        json.display(),
    );
    write_atomic(&json.with_extension("txt"), text.as_bytes())?;
    Ok(json)
}

/// The recovery files in `<data_dir>/recovery`, newest first. No folder
/// means none.
pub fn list_recoveries(data_dir: &Path) -> Vec<Recovery> {
    let Ok(entries) = fs::read_dir(recovery_dir(data_dir)) else {
        return Vec::new();
    };
    let mut found: Vec<Recovery> = entries
        .flatten()
        .filter_map(|entry| {
            let path = entry.path();
            let name = entry.file_name();
            let stem = name.to_str()?.strip_suffix(".json")?;
            if stem.starts_with('.') {
                return None;
            }
            Some(read_recovery(path, stem))
        })
        .collect();
    found.sort_by(|a, b| b.time.cmp(&a.time).then_with(|| a.path.cmp(&b.path)));
    found
}

/// The title of a notebook file, read without the rest.
#[derive(Default, Deserialize)]
#[serde(default)]
struct Title {
    title: String,
}

/// What [`list_recoveries`] shows for one `.json` file.
fn read_recovery(path: PathBuf, stem: &str) -> Recovery {
    let report = path.with_extension("txt");
    let text = fs::read_to_string(&report).unwrap_or_default();
    let field = |prefix: &str| {
        text.lines()
            .take_while(|l| !l.is_empty())
            .find_map(|l| l.strip_prefix(prefix))
    };
    let notebook_path = field(NOTEBOOK_LINE).map(PathBuf::from);
    let time = field(TIME_LINE)
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&Utc))
        .or_else(|| {
            // `<id>-<time>`: the time is after the last '-'.
            let (_, stamp) = stem.rsplit_once('-')?;
            Some(
                NaiveDateTime::parse_from_str(stamp, STAMP_FORMAT)
                    .ok()?
                    .and_utc(),
            )
        })
        .unwrap_or_default();
    let title = fs::read(&path)
        .ok()
        .and_then(|b| serde_json::from_slice::<Title>(&b).ok())
        .unwrap_or_default()
        .title;
    Recovery {
        path,
        report,
        notebook_path,
        time,
        title,
    }
}

/// Removes a recovery file and its report (once restored, or declined).
/// Either one already gone is not an error.
pub fn discard_recovery(recovery: &Recovery) -> Result<(), PersistError> {
    for file in [&recovery.path, &recovery.report] {
        match fs::remove_file(file) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(PersistError::io("remove", file, e)),
        }
    }
    Ok(())
}
