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
