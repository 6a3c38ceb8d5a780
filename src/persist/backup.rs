//! Rolling backups of a notebook file.
//!
//! `<folder>/backups/<id>/<UTC time stamp>.json`, at most one per
//! [`super::BACKUP_MIN_AGE`] while the user types, the last few kept. Names
//! sort in time order; files whose names are not time stamps are never
//! touched.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};

use super::PersistError;
use super::atomic::{parent, write_atomic};

/// The format of a backup's file name, without `.json`.
pub(crate) const STAMP_FORMAT: &str = "%Y%m%dT%H%M%S%.6fZ";

/// One backup of a notebook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// The backup file.
    pub path: PathBuf,
    /// When it was taken.
    pub taken: DateTime<Utc>,
}

/// The folder holding the backups of the notebook at `notebook_path`.
pub fn backups_dir(notebook_path: &Path) -> PathBuf {
    let stem = notebook_path
        .file_stem()
        .map_or_else(|| "notebook".into(), |s| s.to_string_lossy());
    parent(notebook_path).join("backups").join(stem.as_ref())
}

/// The backups of the notebook at `notebook_path`, newest first.
///
/// No backup folder means no backups.
pub fn list_backups(notebook_path: &Path) -> Result<Vec<Backup>, PersistError> {
    let dir = backups_dir(notebook_path);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(PersistError::io("read the folder", &dir, e)),
    };
    let mut backups: Vec<Backup> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name();
            let stamp = name.to_str()?.strip_suffix(".json")?;
            let taken = NaiveDateTime::parse_from_str(stamp, STAMP_FORMAT).ok()?;
            Some(Backup {
                path: entry.path(),
                taken: taken.and_utc(),
            })
        })
        .collect();
    backups.sort_by_key(|b| std::cmp::Reverse(b.taken));
    Ok(backups)
}

/// Backs up `current` (the bytes now on disk at `notebook_path`) unless the
/// newest backup is younger than `min_age`, then keeps the newest `keep`.
pub(crate) fn backup_if_due(
    notebook_path: &Path,
    current: &[u8],
    min_age: Duration,
    keep: usize,
) -> Result<(), PersistError> {
    let backups = list_backups(notebook_path)?;
    let now = Utc::now();
    let min_age = TimeDelta::from_std(min_age).unwrap_or(TimeDelta::MAX);
    let due = backups
        .first()
        .is_none_or(|newest| now.signed_duration_since(newest.taken) >= min_age);
    if due {
        backup_now(notebook_path, current, keep)?;
    }
    Ok(())
}

/// Backs up `current` now, then keeps the newest `keep` backups. Returns
/// the new backup.
pub(crate) fn backup_now(
    notebook_path: &Path,
    current: &[u8],
    keep: usize,
) -> Result<PathBuf, PersistError> {
    let dir = backups_dir(notebook_path);
    let mut taken = Utc::now();
    // Two backups within one microsecond (tests) must not share a name.
    let path = loop {
        let candidate = dir.join(format!("{}.json", taken.format(STAMP_FORMAT)));
        if !candidate.exists() {
            break candidate;
        }
        taken += TimeDelta::microseconds(1);
    };
    write_atomic(&path, current)?;
    prune(notebook_path, keep)?;
    Ok(path)
}

/// Removes all but the newest `keep` backups. One already gone (removed by
/// hand, or by a Prepkit that did not lock) is not an error.
fn prune(notebook_path: &Path, keep: usize) -> Result<(), PersistError> {
    for old in list_backups(notebook_path)?.iter().skip(keep) {
        match fs::remove_file(&old.path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(PersistError::io("remove the old backup", &old.path, e)),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_in_time_order_and_parse_back() {
        let dir = tempfile::tempdir().unwrap();
        let nb = dir.path().join("acme.json");
        for i in 0..3u8 {
            backup_now(&nb, &[i], 10).unwrap();
        }
        let backups = list_backups(&nb).unwrap();
        assert_eq!(backups.len(), 3);
        assert_eq!(fs::read(&backups[0].path).unwrap(), [2]);
        assert_eq!(fs::read(&backups[2].path).unwrap(), [0]);
        assert!(
            backups[0]
                .path
                .starts_with(dir.path().join("backups").join("acme"))
        );
    }

    #[test]
    fn young_backup_is_not_repeated_and_foreign_files_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let nb = dir.path().join("acme.json");
        let foreign = backups_dir(&nb).join("my-copy.json");
        fs::create_dir_all(backups_dir(&nb)).unwrap();
        fs::write(&foreign, b"mine").unwrap();
        backup_if_due(&nb, b"1", Duration::from_mins(10), 1).unwrap();
        backup_if_due(&nb, b"2", Duration::from_mins(10), 1).unwrap();
        let backups = list_backups(&nb).unwrap();
        assert_eq!(backups.len(), 1);
        assert_eq!(fs::read(&backups[0].path).unwrap(), b"1");
        backup_if_due(&nb, b"3", Duration::ZERO, 1).unwrap();
        let backups = list_backups(&nb).unwrap();
        assert_eq!(backups.len(), 1);
        assert_eq!(fs::read(&backups[0].path).unwrap(), b"3");
        assert_eq!(fs::read(&foreign).unwrap(), b"mine");
    }
}
