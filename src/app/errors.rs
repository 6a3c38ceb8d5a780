//! Errors shown to the user, worded in the app's language: the file named
//! and what became of it, with the system's reason translated when known.

use crate::brief::BriefError;
use crate::i18n::Tr;
use crate::import::ImportError;
use crate::persist::{file_kind_text, os_reason};

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
