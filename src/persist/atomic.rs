//! Atomic file replacement: the one way this module writes a file.
//!
//! The bytes go to a temporary file in the target's folder, are flushed to the
//! disk, and the temporary file is renamed over the target; then the folder is
//! flushed too (on Unix) so the rename itself survives a power cut. A reader
//! sees either the old file or the new one, never a mix, whenever the process
//! is killed.
//!
//! A symbolic link is written through: its target is replaced and the link
//! stays (a notebook linked into a synced folder keeps syncing). Anything
//! that exists and is not a regular file (a folder, a device, a FIFO, a
//! socket) is refused and left as it is.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::PersistError;

/// Temporary files end with this, so they are never taken for notebooks.
const TEMP_SUFFIX: &str = ".tmp";

/// How many random letters the temporary file's name has between the
/// target's name and [`TEMP_SUFFIX`].
const TEMP_RANDOM_LEN: usize = 6;

/// Temporary files left behind by a killed process are removed after this.
const STALE_TEMP_AGE: Duration = Duration::from_mins(10);

/// How many symbolic links are followed before giving up (as Linux does).
const MAX_LINKS: usize = 40;

/// Replaces the file at `path` with `bytes`, atomically and durably.
///
/// Creates the parent folder if needed. Through a symbolic link, the link's
/// target is replaced; a link into a folder that does not exist is refused
/// ([`PersistError::NotFound`] naming that folder), never made: it leads
/// somewhere the user did not choose to create. Refuses
/// ([`PersistError::NotAFile`]) to replace anything that is not a regular
/// file.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), PersistError> {
    let target = resolve_links(path)?;
    let replaced = regular_or_missing(&target)?;
    let dir = parent(&target);
    if target == path {
        fs::create_dir_all(dir).map_err(|e| PersistError::io("create the folder", dir, e))?;
    } else if !dir.is_dir() {
        return Err(PersistError::NotFound {
            path: dir.to_path_buf(),
        });
    }
    let prefix = temp_prefix(&target);
    let mut temp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM_LEN)
        .tempfile_in(dir)
        .map_err(|e| PersistError::io("create a temporary file in", dir, e))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| PersistError::io("write a temporary file for", &target, e))?;
    temp.persist(&target)
        .map_err(|e| PersistError::io("replace", &target, e.error))?;
    sync_dir(dir)?;
    if let Some(replaced) = replaced.and_then(|m| m.modified().ok()) {
        remove_stale_temps(&target, replaced);
    }
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

/// The file `path` names once symbolic links are followed: `path` itself
/// unless it is a link. A link to nothing yet gives the path it points to,
/// so a first write creates the link's target.
pub(crate) fn resolve_links(path: &Path) -> Result<PathBuf, PersistError> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let is_link = fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return Ok(current);
        }
        let to = fs::read_link(&current)
            .map_err(|e| PersistError::io("follow the link", &current, e))?;
        current = parent(&current).join(to);
    }
    Err(PersistError::Io {
        action: "follow the links of",
        path: path.to_path_buf(),
        cause: std::io::Error::other("too many levels of symbolic links"),
    })
}

/// The metadata of `path` if it is a regular file, `None` if nothing is
/// there, and [`PersistError::NotAFile`] for anything else.
pub(crate) fn regular_or_missing(path: &Path) -> Result<Option<fs::Metadata>, PersistError> {
    match fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(Some(m)),
        Ok(m) => Err(PersistError::NotAFile {
            path: path.to_path_buf(),
            kind: file_kind(m.file_type()),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(PersistError::io("read the details of", path, e)),
    }
}

/// What a file that is not a regular file is, in words.
fn file_kind(kind: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "not a regular file"
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

/// A temporary file that a write of `target` made and did not finish (the
/// process was killed before the rename).
#[derive(Debug)]
pub(crate) struct Leftover {
    /// The temporary file.
    pub path: PathBuf,
    /// When it was last written.
    pub modified: SystemTime,
}

/// The temporary files a write of `target` (links already followed) left
/// in its folder, newest first. Reads only the folder.
pub(crate) fn leftover_temps(target: &Path) -> Vec<Leftover> {
    let prefix = temp_prefix(target);
    let Ok(entries) = fs::read_dir(parent(target)) else {
        return Vec::new();
    };
    let mut found: Vec<Leftover> = entries
        .flatten()
        .filter(|entry| is_temp_name(&entry.file_name().to_string_lossy(), &prefix))
        .filter_map(|entry| {
            let meta = entry.metadata().ok().filter(fs::Metadata::is_file)?;
            Some(Leftover {
                path: entry.path(),
                modified: meta.modified().ok()?,
            })
        })
        .collect();
    found.sort_by_key(|t| std::cmp::Reverse(t.modified));
    found
}

/// True for `<prefix><random letters>.tmp`, the names [`write_atomic`]
/// gives its temporary files (and no other file's: the random part has no
/// dot, so `.a.json.` never matches the temporary files of `a.json.b.json`).
fn is_temp_name(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|random| {
            random.len() == TEMP_RANDOM_LEN && random.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// Removes temporary files for `target` left by a killed process: those
/// older than [`STALE_TEMP_AGE`] and older than the file this write
/// replaced (`replaced`). A temporary file newer than the file it was meant
/// to replace may hold the last thing the user typed, which the next load
/// takes ([`super::load`]), so it is never removed here.
///
/// Best effort: a failure here loses nothing, so it is ignored.
fn remove_stale_temps(target: &Path, replaced: SystemTime) {
    let now = SystemTime::now();
    for temp in leftover_temps(target) {
        let stale = now
            .duration_since(temp.modified)
            .is_ok_and(|age| age > STALE_TEMP_AGE);
        if stale && temp.modified < replaced {
            let _ = fs::remove_file(&temp.path);
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

    #[test]
    fn temp_names_belong_to_one_target_only() {
        assert!(is_temp_name(".a.json.Xy12z9.tmp", ".a.json."));
        assert!(!is_temp_name(".a.json.b.json.Xy12z9.tmp", ".a.json."));
        assert!(!is_temp_name(".a.json.Xy12z9.tmp.tmp", ".a.json."));
        assert!(!is_temp_name("a.json.Xy12z9.tmp", ".a.json."));
    }

    #[test]
    fn stale_temps_older_than_the_replaced_file_go_newer_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomic(&path, b"one").unwrap();
        let hour_ago = SystemTime::now() - Duration::from_hours(1);
        let two_hours_ago = SystemTime::now() - Duration::from_hours(2);
        let older = dir.path().join(".a.json.old123.tmp");
        let newer = dir.path().join(".a.json.new123.tmp");
        fs::write(&older, b"older").unwrap();
        fs::write(&newer, b"newer").unwrap();
        let set_time = |p: &Path, t: SystemTime| {
            fs::File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(t)
                .unwrap();
        };
        set_time(&older, two_hours_ago);
        set_time(&path, hour_ago - Duration::from_mins(30));
        set_time(&newer, hour_ago);
        write_atomic(&path, b"two").unwrap();
        assert!(!older.exists(), "a stale temp older than the file stays");
        assert!(newer.exists(), "a temp newer than the file was removed");
    }
}
