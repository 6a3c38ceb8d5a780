//! The one place an export meets the disk, for the app's export dialog and
//! `prepkit export` alike: render, write, and say what went wrong in the
//! user's language.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::{ExportError, ExportOptions, Format};
use crate::i18n::Tr;
use crate::model::Notebook;
use crate::persist::{self, PersistError, os_reason};

/// Why an export was not written; the app and `prepkit export` both show
/// it through [`ExportFailure::localized`]. Nothing was written in any case.
#[derive(Debug)]
pub enum ExportFailure {
    /// The folder to write in does not exist; it was not created (a
    /// mistyped folder must not appear on the disk).
    NoFolder {
        /// The missing folder.
        folder: PathBuf,
    },
    /// The summary could not be rendered.
    Render(ExportError),
    /// The folder exists, yet the file could not be written in it.
    Write {
        /// The folder the file was to go in.
        folder: PathBuf,
        /// What the persistence module reported.
        cause: PersistError,
    },
}

impl ExportFailure {
    /// The message in `tr`'s language, naming the folder or file involved.
    pub fn localized(&self, tr: &Tr) -> String {
        let failed = || tr.t("export-failed");
        match self {
            Self::NoFolder { folder } => tr.t_args(
                "export-no-folder",
                &[("folder", folder.display().to_string().into())],
            ),
            Self::Render(e) => format!("{}: {e}", failed()),
            Self::Write { folder, cause } => {
                let cannot_write = || {
                    tr.t_args(
                        "export-cannot-write",
                        &[("folder", folder.display().to_string().into())],
                    )
                };
                match cause {
                    // The folder exists (checked before writing) yet refuses
                    // new files: /proc, a read-only mount, no permission.
                    PersistError::NotFound { .. } => cannot_write(),
                    PersistError::Io { cause, .. } => {
                        format!("{} ({})", cannot_write(), os_reason(cause, tr))
                    }
                    other => format!("{}: {}", failed(), other.localized(tr)),
                }
            }
        }
    }
}

/// Renders `nb` and writes it at `path`, as the app and `prepkit export`
/// both do: into a folder that exists (a mistyped folder is refused, not
/// created), checked before the work of rendering.
pub fn write(
    nb: &Notebook,
    options: &ExportOptions,
    format: Format,
    now: NaiveDateTime,
    path: &Path,
) -> Result<(), ExportFailure> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    // Only a missing folder is refused here; a file in its place is left
    // to the write, whose error says what is wrong with the path.
    if !folder.exists() {
        return Err(ExportFailure::NoFolder { folder });
    }
    let bytes = super::render(nb, options, format, now).map_err(ExportFailure::Render)?;
    persist::write_file(path, &bytes).map_err(|cause| ExportFailure::Write { folder, cause })
}
