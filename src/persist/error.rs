//! Everything that can go wrong while reading or writing user files.
//!
//! Every message names the file involved and says what happened to it, so the
//! app can show the error as is and the user knows where their data is. An
//! error from the operating system is part of the message ("… : No space left
//! on device"), not a separate cause, so a message shown alone is complete and
//! a printed error chain does not repeat it.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// An error from the persistence module.
#[derive(Debug, thiserror::Error)]
pub enum PersistError {
    /// No data folder could be determined (no home directory).
    #[error(
        "could not find a data folder for Prepkit (no home directory); set {} to choose one",
        super::DATA_DIR_ENV
    )]
    NoDataDir,

    /// The file does not exist.
    #[error("{} does not exist", .path.display())]
    NotFound {
        /// The missing file.
        path: PathBuf,
    },

    /// A file-system operation failed.
    #[error("could not {action} {}: {cause}", .path.display())]
    Io {
        /// What was being done, e.g. "read" or "create the folder".
        action: &'static str,
        /// The file or folder involved.
        path: PathBuf,
        /// The operating system's reason, e.g. "No space left on device".
        cause: io::Error,
    },

    /// The path names something that is not a regular file (a folder, a
    /// device, a named pipe, a socket); nothing was read or written.
    #[error("{} is {kind}, not a regular file; it was left as it is", .path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What is there, e.g. "a device".
        kind: &'static str,
    },

    /// Another program held the notebook's lock for too long; nothing was
    /// written.
    #[error(
        "{} is being written by another Prepkit (its lock {} stayed taken); nothing was \
         saved, try again",
        .path.display(), .lock.display()
    )]
    Locked {
        /// The notebook.
        path: PathBuf,
        /// The lock file.
        lock: PathBuf,
    },

    /// The file is damaged (not JSON, truncated, or not a notebook) and no
    /// backup could replace it.
    #[error("{} is damaged ({reason}); {}", .path.display(), Fate(.moved_to.as_deref()))]
    Corrupt {
        /// Where the notebook was.
        path: PathBuf,
        /// Where the damaged file was moved, if it could be moved.
        moved_to: Option<PathBuf>,
        /// What is wrong with it.
        reason: String,
    },

    /// The file is not a Prepkit notebook (another program's file); it was
    /// not moved, not written, and no lock was made beside it.
    #[error("{} is not a Prepkit notebook ({reason}); it was left as it is", .path.display())]
    NotANotebook {
        /// The file.
        path: PathBuf,
        /// What it is instead, e.g. "JSON, but not an object".
        reason: &'static str,
    },

    /// The file was written by a newer Prepkit; it was left untouched.
    #[error(
        "{} was written by a newer Prepkit (file format {found}, this version reads up to \
         {supported}); the file was left untouched, update Prepkit to open it",
        .path.display()
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The `schema_version` found in the file.
        found: u64,
        /// The newest version this build understands.
        supported: u32,
    },

    /// An older file could not be brought up to the current format.
    #[error(
        "could not upgrade {} from file format {from}: {reason}; the file was left untouched",
        .path.display()
    )]
    Migrate {
        /// The file.
        path: PathBuf,
        /// The version it was written in.
        from: u64,
        /// Why the upgrade failed.
        reason: String,
    },

    /// The file changed on disk since it was read (another program or window
    /// wrote it, or it was removed); nothing was written.
    #[error(
        "{} was changed on disk by another program since it was opened; nothing was saved. \
         Reload it, or save anyway (the other version is then kept as a backup)",
        .path.display()
    )]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },

    /// The data could not be turned into JSON.
    #[error("could not serialize the data for {}: {cause}", .path.display())]
    Serialize {
        /// The file that was to be written.
        path: PathBuf,
        /// What serde reported.
        cause: serde_json::Error,
    },

    /// A settings name that is not a safe file name.
    #[error("{name:?} is not a valid settings name (use lowercase letters, digits and '-')")]
    InvalidName {
        /// The rejected name.
        name: String,
    },

    /// The background saver is no longer running.
    #[error("the background saver stopped; {} was not saved", .path.display())]
    SaverStopped {
        /// The file that was not saved.
        path: PathBuf,
    },
}

impl PersistError {
    /// An [`PersistError::Io`] for `path`, or [`PersistError::NotFound`] if
    /// the error says the file does not exist.
    pub(crate) fn io(action: &'static str, path: &Path, cause: io::Error) -> Self {
        if cause.kind() == io::ErrorKind::NotFound {
            Self::NotFound {
                path: path.to_path_buf(),
            }
        } else {
            Self::Io {
                action,
                path: path.to_path_buf(),
                cause,
            }
        }
    }
}

/// Says what happened to a damaged file, for [`PersistError::Corrupt`].
struct Fate<'a>(Option<&'a Path>);

impl fmt::Display for Fate<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(to) => write!(
                f,
                "it was moved to {} and no usable backup was found",
                to.display()
            ),
            None => write!(f, "it could not be moved aside and was left in place"),
        }
    }
}

impl PersistError {
    /// The message in the app's language: the same facts as the English
    /// `Display` (the file, what became of it), worded by `tr`; the
    /// system's reason is translated when its kind is known.
    pub fn localized(&self, tr: &crate::i18n::Tr) -> String {
        let path = |p: &Path| p.display().to_string().into();
        match self {
            Self::NotFound { path: p } => tr.t_args("err-not-found", &[("path", path(p))]),
            Self::Io {
                action,
                path: p,
                cause,
            } => tr.t_args(
                action_key(action),
                &[("path", path(p)), ("reason", os_reason(cause, tr).into())],
            ),
            Self::NotAFile { path: p, kind } => tr.t_args(
                "err-not-a-file",
                &[("path", path(p)), ("kind", file_kind_text(kind, tr).into())],
            ),
            Self::Locked { path: p, .. } => tr.t_args("err-locked", &[("path", path(p))]),
            Self::ChangedOnDisk { path: p } => {
                tr.t_args("err-changed-on-disk", &[("path", path(p))])
            }
            Self::Corrupt {
                path: p,
                moved_to: Some(to),
                ..
            } => tr.t_args("err-corrupt-moved", &[("path", path(p)), ("to", path(to))]),
            Self::TooNew { path: p, .. } => tr.t_args("err-too-new", &[("path", path(p))]),
            Self::NotANotebook { path: p, .. } => {
                tr.t_args("err-not-a-notebook", &[("path", path(p))])
            }
            Self::SaverStopped { path: p } => tr.t_args("err-saver-stopped", &[("path", path(p))]),
            // Rare, technical, and their details only exist in English.
            Self::NoDataDir
            | Self::Corrupt { .. }
            | Self::Migrate { .. }
            | Self::Serialize { .. }
            | Self::InvalidName { .. } => self.to_string(),
        }
    }
}

/// The message key for an [`PersistError::Io`] action.
fn action_key(action: &str) -> &'static str {
    match action {
        "read" | "read the folder" | "read the details of" => "err-cannot-read",
        "create the folder" => "err-cannot-create-folder",
        "remove" | "remove the old backup" => "err-cannot-remove",
        "create a temporary file in"
        | "write a temporary file for"
        | "replace"
        | "move"
        | "flush the folder"
        | "set permissions on" => "err-cannot-write",
        _ => "err-cannot-access",
    }
}

/// The system's reason for `cause` in the app's language when its kind is
/// a common one, else as the system worded it.
pub fn os_reason(cause: &io::Error, tr: &crate::i18n::Tr) -> String {
    let key = match cause.kind() {
        io::ErrorKind::NotFound => "os-not-found",
        io::ErrorKind::PermissionDenied => "os-permission-denied",
        io::ErrorKind::StorageFull => "os-storage-full",
        io::ErrorKind::ReadOnlyFilesystem => "os-read-only",
        io::ErrorKind::IsADirectory => "os-is-a-folder",
        io::ErrorKind::NotADirectory => "os-not-a-folder",
        _ => return cause.to_string(),
    };
    tr.t(key)
}

/// What a path is instead of a regular file ("folder", "a device", …), in
/// the app's language.
pub fn file_kind_text(kind: &str, tr: &crate::i18n::Tr) -> String {
    let kind = kind.trim_start_matches("a ");
    let key = if kind == "folder" {
        "kind-folder"
    } else if kind.starts_with("named pipe") {
        "kind-pipe"
    } else if kind == "device" {
        "kind-device"
    } else if kind == "socket" {
        "kind-socket"
    } else {
        "kind-special"
    };
    tr.t(key)
}
