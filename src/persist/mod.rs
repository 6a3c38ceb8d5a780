//! Storage: the data folder, notebook files, backups, settings, and the
//! background saver. The only module that writes user files.
//!
//! Notebooks live in `<data>/notebooks/<id>.json`, backups in
//! `<data>/notebooks/backups/<id>/`, settings in `<data>/<name>.json`. Every
//! write goes through one atomic path (temporary file, fsync, rename, folder
//! fsync), so killing the app mid-save leaves the old file or the new one,
//! and the next load finishes a save that was killed after writing its
//! temporary file. One lock per notebook ([`NotebookLock`]) makes writers
//! from several threads or processes take turns. After a crash, the app's
//! last state goes to `<data>/recovery/` ([`write_recovery`]); every change
//! is logged as it is made to a crash journal ([`Journal`]) that the next
//! start replays ([`replay`]).

mod atomic;
mod backup;
mod error;
mod fingerprint;
mod journal;
mod location;
mod lock;
mod notebook;
mod ours;
mod recovery;
mod sane;
mod saver;
mod settings;

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

pub use backup::{Backup, backups_dir, list_backups};
pub use error::{PersistError, file_kind_text, os_reason};
pub use fingerprint::Fingerprint;
pub use journal::{
    Journal, JournalBase, Replayed, SaveMarker, device_id, journal_path, replay, unsaved_copy_path,
};
pub use location::{default_notebooks_dir, notebooks_dir, set_notebooks_dir};
pub use lock::NotebookLock;
pub use notebook::{
    BACKUP_MIN_AGE, KEEP_BACKUPS, Loaded, NotebookInfo, NotebookKind, Reread, SaveOptions, list,
    load, reread, save, save_with,
};
pub use recovery::{
    Recovery, discard_recovery, discard_recovery_file, list_recoveries, recovery_dirs,
    write_recovery, write_rescue,
};
pub use saver::{SaveOutcome, Saver};
pub use settings::{load_settings, load_settings_in, save_settings, save_settings_in};

/// The environment variable that overrides the data folder (tests, portable
/// installs).
pub const DATA_DIR_ENV: &str = "PREPKIT_DATA_DIR";

/// The longest id [`slug`] makes, in characters; file names stay well under
/// file-system limits with a suffix and `.json`.
const MAX_SLUG_CHARS: usize = 64;

/// The data folder: `$PREPKIT_DATA_DIR` if set and not empty, else the
/// platform's data folder for Prepkit (e.g. `~/.local/share/prepkit`).
pub fn data_dir() -> Result<PathBuf, PersistError> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("app", "Prepkit", "Prepkit")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(PersistError::NoDataDir)
}

/// Where the notebook with this id is stored: `<id>.json` in the
/// [`notebooks_dir`].
pub fn notebook_path(data_dir: &Path, id: &str) -> PathBuf {
    notebooks_dir(data_dir).join(format!("{id}.json"))
}

/// A file-name-safe id from a title: letters of any script (Hangul
/// included) and digits are kept, lowercased (all cased scripts, not only
/// ASCII, so names never differ by case alone on case-insensitive disks),
/// anything else becomes `-` (runs collapsed, none at the ends). Composed to
/// NFC, at most 64 letters, never empty, never a name Windows reserves.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.nfc() {
        if c.is_alphanumeric() {
            if out.chars().count() >= MAX_SLUG_CHARS {
                break;
            }
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        return "notebook".into();
    }
    if is_reserved_on_windows(&out) {
        out.push_str("-notebook");
    }
    out
}

/// `CON`, `NUL`, `COM1`… cannot be file names on Windows.
fn is_reserved_on_windows(name: &str) -> bool {
    matches!(name, "con" | "prn" | "aux" | "nul")
        || ((name.starts_with("com") || name.starts_with("lpt"))
            && name.len() == 4
            && name.ends_with(|c: char| c.is_ascii_digit()))
}

/// An id for `base` that no notebook in `dir` uses yet: `slug(base)`, or
/// `slug(base)-2`, `-3`, …
pub fn unique_id(dir: &Path, base: &str) -> String {
    let base = slug(base);
    let taken =
        |id: &str| dir.join(format!("{id}.json")).exists() || dir.join("backups").join(id).exists();
    if !taken(&base) {
        return base;
    }
    let mut n: u64 = 2;
    loop {
        let id = format!("{base}-{n}");
        if !taken(&id) {
            return id;
        }
        n += 1;
    }
}

/// Writes `bytes` to `path` atomically (temp file, fsync, rename), e.g. an
/// exported summary. The only way the app writes a file the user chose.
///
/// Through a symbolic link the link's target is replaced; a path that names
/// anything but a regular file (a device such as `/dev/full`, a named pipe,
/// a folder) is refused with [`PersistError::NotAFile`] and left as it is.
///
/// Unlike notebooks (private to the user), an export is meant to be shared
/// or printed, so on Unix a new file is readable by others (0644) like any
/// file the user saves; a file replaced (directly or through a link) keeps
/// its own permissions, so a private 0600 file stays private.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), PersistError> {
    let replaced = atomic::regular_or_missing(&atomic::resolve_links(path)?)?;
    atomic::write_atomic(path, bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = replaced.map_or(0o644, |m| m.permissions().mode() & 0o7777);
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
            .map_err(|e| PersistError::io("set permissions on", path, e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_keeps_letters_of_any_script() {
        assert_eq!(
            slug("ABC Corp — Backend Engineer"),
            "abc-corp-backend-engineer"
        );
        assert_eq!(slug("카카오 백엔드 2026"), "카카오-백엔드-2026");
        assert_eq!(slug("  ../../etc/passwd  "), "etc-passwd");
        assert_eq!(slug("Ünïcode Straße"), "ünïcode-straße");
        assert_eq!(slug(""), "notebook");
        assert_eq!(slug("!!!"), "notebook");
        assert_eq!(slug("CON"), "con-notebook");
        assert_eq!(slug(&"x".repeat(500)).len(), MAX_SLUG_CHARS);
    }

    #[test]
    fn slug_composes_decomposed_hangul() {
        // "한" typed as separate jamo, as some file systems hand it back.
        assert_eq!(slug("\u{1112}\u{1161}\u{11ab}"), "한");
    }

    #[test]
    fn unique_id_skips_taken_names() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(unique_id(dir.path(), "ABC Corp"), "abc-corp");
        std::fs::write(dir.path().join("abc-corp.json"), "{}").unwrap();
        assert_eq!(unique_id(dir.path(), "ABC Corp"), "abc-corp-2");
        std::fs::write(dir.path().join("abc-corp-2.json"), "{}").unwrap();
        assert_eq!(unique_id(dir.path(), "abc corp"), "abc-corp-3");
    }
}
