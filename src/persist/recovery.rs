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

/// Where a recovery copy can go, in the order tried: the data folder's
/// `recovery/`, then (when the data folder cannot be written: a full or
/// read-only disk) a folder for this data folder in the runtime folder
/// (`$XDG_RUNTIME_DIR`), then in the temporary folder. Each is listed at
/// the next start.
pub fn recovery_dirs(data_dir: &Path) -> Vec<PathBuf> {
    let absolute = std::path::absolute(data_dir).unwrap_or_else(|_| data_dir.into());
    let key = super::Fingerprint::of_bytes(absolute.as_os_str().as_encoded_bytes()).token();
    let mut dirs = vec![recovery_dir(data_dir)];
    if let Some(runtime) = std::env::var_os("XDG_RUNTIME_DIR").filter(|d| !d.is_empty()) {
        dirs.push(PathBuf::from(runtime).join("prepkit-recovery").join(&key));
    }
    dirs.push(std::env::temp_dir().join(format!("prepkit-recovery-{key}")));
    dirs
}

/// Writes `notebook` (the version in memory of the file at
/// `notebook_path`, which could not be saved: `report` says why) as a
/// recovery copy, in the first of [`recovery_dirs`] that takes it; over
/// `previous` (an earlier copy of the same edits) when it is given and can
/// be written. Returns the copy. The next start offers it, like a crash's.
pub fn write_rescue(
    data_dir: &Path,
    notebook_path: &Path,
    notebook: &Notebook,
    report: &str,
    previous: Option<&Path>,
) -> Result<PathBuf, PersistError> {
    if let Some(previous) = previous
        && let Ok(copy) = write_recovery_at(previous, notebook_path, notebook, report)
    {
        return Ok(copy);
    }
    let mut last = None;
    for dir in recovery_dirs(data_dir) {
        if let Err(e) = ensure_private_dir(&dir) {
            last = Some(e);
            continue;
        }
        match write_recovery_at(&free_name(&dir, notebook), notebook_path, notebook, report) {
            Ok(copy) => return Ok(copy),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or(PersistError::NoDataDir))
}

/// Creates `dir` readable by this user alone (it may sit in a shared
/// temporary folder).
fn ensure_private_dir(dir: &Path) -> Result<(), PersistError> {
    fs::create_dir_all(dir).map_err(|e| PersistError::io("create the folder", dir, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
            .map_err(|e| PersistError::io("set permissions on", dir, e))?;
    }
    Ok(())
}

/// `<dir>/<id>-<time>.json`, not yet taken.
fn free_name(dir: &Path, notebook: &Notebook) -> PathBuf {
    let id = slug(&notebook.id);
    let mut at = Utc::now();
    loop {
        let candidate = dir.join(format!("{id}-{}.json", at.format(STAMP_FORMAT)));
        if !candidate.exists() {
            return candidate;
        }
        at += chrono::TimeDelta::microseconds(1);
    }
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
    let json = free_name(&recovery_dir(data_dir), notebook);
    write_recovery_at(&json, notebook_path, notebook, report)
}

/// Writes a recovery copy to `json` and its report beside it.
fn write_recovery_at(
    json: &Path,
    notebook_path: &Path,
    notebook: &Notebook,
    report: &str,
) -> Result<PathBuf, PersistError> {
    let json = json.to_path_buf();
    let now = Utc::now();
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

/// The recovery files in the [`recovery_dirs`] of `data_dir`, newest
/// first. No folder means none.
pub fn list_recoveries(data_dir: &Path) -> Vec<Recovery> {
    let mut found: Vec<Recovery> = recovery_dirs(data_dir)
        .into_iter()
        .filter_map(|dir| fs::read_dir(dir).ok())
        .flat_map(Iterator::flatten)
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

/// Removes the recovery copy at `path` and its report (its edits were saved).
pub fn discard_recovery_file(path: &Path) -> Result<(), PersistError> {
    discard_recovery(&read_recovery(path.to_path_buf(), ""))
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
