//! Errors shown to the user, worded in the app's language: the file named
//! and what became of it, with the system's reason translated when known.

use std::path::PathBuf;

use crate::brief::BriefError;
use crate::export::ExportError;
use crate::i18n::Tr;
use crate::import::ImportError;
use crate::persist::{PersistError, file_kind_text, os_reason};

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

/// A failed import or re-import of a brief, in the app's language.
pub fn import_error(error: &ImportError, tr: &Tr) -> String {
    match error {
        ImportError::Persist(e) => e.localized(tr),
        ImportError::Brief { path, cause } => {
            let path = path.display().to_string();
            let why = match cause {
                BriefError::Read(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return tr.t_args("err-not-found", &[("path", path.into())]);
                }
                BriefError::Read(e) => os_reason(e, tr),
                BriefError::NotAFile { kind } => tr.t_args(
                    "brief-not-a-file",
                    &[("kind", file_kind_text(kind, tr).into())],
                ),
                BriefError::Empty => tr.t("brief-empty"),
                BriefError::Binary => tr.t("brief-binary"),
                BriefError::NotUtf8 { .. } | BriefError::TooLarge { .. } => cause.to_string(),
            };
            tr.t_args(
                "err-cannot-import",
                &[("path", path.into()), ("why", why.into())],
            )
        }
    }
}
