//! Small settings files (recent notebooks, export options) in the data folder.
//!
//! `<data>/<name>.json`, written through the same atomic path as notebooks. A
//! damaged settings file is moved aside rather than silently replaced by the
//! defaults at the next save.

use std::fs;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::atomic::{rename_durably, write_atomic};
use super::notebook::to_json;
use super::{PersistError, data_dir, slug};

/// Loads the settings `name` from the data folder; see [`load_settings_in`].
pub fn load_settings<T: DeserializeOwned + Default>(name: &str) -> Result<T, PersistError> {
    load_settings_in(&data_dir()?, name)
}

/// Saves the settings `name` to the data folder; see [`save_settings_in`].
pub fn save_settings<T: Serialize>(name: &str, value: &T) -> Result<(), PersistError> {
    save_settings_in(&data_dir()?, name, value)
}

/// Loads `<dir>/<name>.json`; a missing file gives `T::default()`.
///
/// A damaged file is moved to `<name>.json.corrupt-<time>` and reported as
/// [`PersistError::Corrupt`]; the caller shows it and goes on with defaults.
pub fn load_settings_in<T: DeserializeOwned + Default>(
    dir: &Path,
    name: &str,
) -> Result<T, PersistError> {
    let path = dir.join(file_name(name)?);
    let bytes = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(T::default()),
        Err(e) => return Err(PersistError::io("read", &path, e)),
    };
    match serde_json::from_slice(&bytes) {
        Ok(value) => Ok(value),
        Err(e) => {
            let reason = format!("it is not valid: {e}");
            let aside = path.with_file_name(format!(
                "{}.corrupt-{}",
                file_name(name)?,
                chrono::Utc::now().format(super::backup::STAMP_FORMAT)
            ));
            match rename_durably(&path, &aside) {
                Ok(()) => Err(PersistError::Corrupt {
                    path,
                    moved_to: Some(aside),
                    reason,
                }),
                Err(e) => Err(PersistError::Corrupt {
                    path,
                    moved_to: None,
                    reason: format!("{reason}; moving it aside failed: {e}"),
                }),
            }
        }
    }
}

/// Writes `value` to `<dir>/<name>.json` atomically.
pub fn save_settings_in<T: Serialize>(
    dir: &Path,
    name: &str,
    value: &T,
) -> Result<(), PersistError> {
    let path = dir.join(file_name(name)?);
    let bytes = to_json(&path, value)?;
    write_atomic(&path, &bytes)
}

/// `<name>.json`, for a name that is its own [`slug`].
fn file_name(name: &str) -> Result<String, PersistError> {
    if slug(name) == name {
        Ok(format!("{name}.json"))
    } else {
        Err(PersistError::InvalidName {
            name: name.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn round_trip_and_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let missing: Vec<String> = load_settings_in(dir.path(), "recent").unwrap();
        assert!(missing.is_empty());
        let recent = vec!["abc-corp".to_owned(), "카카오".to_owned()];
        save_settings_in(dir.path(), "recent", &recent).unwrap();
        assert_eq!(
            load_settings_in::<Vec<String>>(dir.path(), "recent").unwrap(),
            recent
        );
    }

    #[test]
    fn damaged_settings_are_moved_aside_not_lost() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("export.json"), b"{\"paper\": ").unwrap();
        let err = load_settings_in::<BTreeMap<String, String>>(dir.path(), "export").unwrap_err();
        let PersistError::Corrupt {
            moved_to: Some(aside),
            ..
        } = &err
        else {
            panic!("{err}");
        };
        assert_eq!(fs::read(aside).unwrap(), b"{\"paper\": ");
        assert!(!dir.path().join("export.json").exists());
    }

    #[test]
    fn names_that_are_not_file_safe_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = save_settings_in(dir.path(), "../evil", &1).unwrap_err();
        assert!(matches!(err, PersistError::InvalidName { .. }));
    }
}
