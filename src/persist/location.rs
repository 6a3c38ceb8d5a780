//! Where the notebooks live: `<data>/notebooks` unless the user chose
//! another folder (a synced folder, say). The choice is kept in
//! `<data>/location.json`, read by the app and the CLI alike, so both always
//! see the same notebooks.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{PersistError, load_settings_in, save_settings_in};

/// The file (without `.json`) holding the chosen folder.
const NAME: &str = "location";

/// What `location.json` holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Location {
    /// The folder chosen for the notebooks; `None` for the default.
    notebooks: Option<PathBuf>,
}

/// The folder Prepkit keeps notebooks in when the user chose none:
/// `<data_dir>/notebooks`.
pub fn default_notebooks_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("notebooks")
}

/// The folder holding the notebooks: the one chosen with
/// [`set_notebooks_dir`], else [`default_notebooks_dir`]. An unreadable
/// choice falls back to the default (the damaged file is moved aside by
/// the settings reader).
pub fn notebooks_dir(data_dir: &Path) -> PathBuf {
    load_settings_in::<Location>(data_dir, NAME)
        .ok()
        .and_then(|l| l.notebooks)
        .unwrap_or_else(|| default_notebooks_dir(data_dir))
}

/// Keeps notebooks in `folder` from now on (`None`: the default folder).
/// The folder is created if needed and must be writable; notebooks already
/// elsewhere stay where they are.
pub fn set_notebooks_dir(data_dir: &Path, folder: Option<&Path>) -> Result<(), PersistError> {
    if let Some(folder) = folder {
        std::fs::create_dir_all(folder)
            .map_err(|e| PersistError::io("create the folder", folder, e))?;
        // Proves the folder takes files before it is chosen.
        let probe = folder.join(".prepkit-write-test");
        super::atomic::write_atomic(&probe, b"")?;
        let _ = std::fs::remove_file(&probe);
    }
    let location = Location {
        notebooks: folder.map(|f| std::path::absolute(f).unwrap_or_else(|_| f.to_path_buf())),
    };
    save_settings_in(data_dir, NAME, &location)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_folder_holds_new_notebooks_until_the_default_is_chosen_again() {
        let data = tempfile::tempdir().unwrap();
        let synced = tempfile::tempdir().unwrap();
        assert_eq!(notebooks_dir(data.path()), data.path().join("notebooks"));
        set_notebooks_dir(data.path(), Some(synced.path())).unwrap();
        assert_eq!(notebooks_dir(data.path()), synced.path());
        assert_eq!(
            super::super::notebook_path(data.path(), "acme"),
            synced.path().join("acme.json")
        );
        set_notebooks_dir(data.path(), None).unwrap();
        assert_eq!(notebooks_dir(data.path()), data.path().join("notebooks"));
    }

    #[test]
    fn a_folder_that_cannot_take_files_is_refused() {
        let data = tempfile::tempdir().unwrap();
        let file = data.path().join("a-file");
        std::fs::write(&file, b"x").unwrap();
        let err = set_notebooks_dir(data.path(), Some(&file.join("sub"))).unwrap_err();
        assert!(err.to_string().contains("a-file"), "{err}");
        assert_eq!(notebooks_dir(data.path()), data.path().join("notebooks"));
    }
}
