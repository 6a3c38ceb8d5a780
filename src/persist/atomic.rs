//! Atomic file replacement: the one way this module writes a file.
//!
//! The bytes go to a temporary file in the target's folder, are flushed to the
//! disk, and the temporary file is renamed over the target; then the folder is
//! flushed too (on Unix) so the rename itself survives a power cut. A reader
//! sees either the old file or the new one, never a mix, whenever the process
//! is killed.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::PersistError;

/// Temporary files end with this, so they are never taken for notebooks.
const TEMP_SUFFIX: &str = ".tmp";

/// Temporary files left behind by a killed process are removed after this.
const STALE_TEMP_AGE: Duration = Duration::from_mins(10);

/// Replaces the file at `path` with `bytes`, atomically and durably.
///
/// Creates the parent folder if needed.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), PersistError> {
    let dir = parent(path);
    fs::create_dir_all(dir).map_err(|e| PersistError::io("create the folder", dir, e))?;
    let prefix = temp_prefix(path);
    let mut temp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(|e| PersistError::io("create a temporary file in", dir, e))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| PersistError::io("write a temporary file for", path, e))?;
    temp.persist(path)
        .map_err(|e| PersistError::io("replace", path, e.error))?;
    sync_dir(dir)?;
    remove_stale_temps(dir, &prefix);
    Ok(())
}

/// Renames `from` to `to` and flushes the folder.
pub(crate) fn rename_durably(from: &Path, to: &Path) -> Result<(), PersistError> {
    fs::rename(from, to).map_err(|e| PersistError::io("move", from, e))?;
    sync_dir(parent(to))
}

/// The folder holding `path` (`.` for a bare file name).
pub(crate) fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Flushes a folder's entries (new names, renames) to the disk.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> Result<(), PersistError> {
    fs::File::open(dir)
        .and_then(|f| f.sync_all())
        .map_err(|e| PersistError::io("flush the folder", dir, e))
}

/// Windows has no way to flush a folder; the rename is durable on NTFS.
#[cfg(not(unix))]
#[allow(clippy::unnecessary_wraps)]
fn sync_dir(_dir: &Path) -> Result<(), PersistError> {
    Ok(())
}

/// `.<file name>.`: hidden, and tied to the file it will replace.
fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy());
    format!(".{name}.")
}

/// Removes temporary files for the same target left by a killed process.
///
/// Best effort: a failure here loses nothing, so it is ignored.
fn remove_stale_temps(dir: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(prefix) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > STALE_TEMP_AGE);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("a.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.json")]);
    }
}
