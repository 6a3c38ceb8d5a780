//! Telling Prepkit's notebooks from other files, before anything touches them.
//!
//! Loading a damaged notebook moves it aside and restores a backup. Done to
//! a file that never was a notebook (`prepkit plan settings.json`, a path
//! handed to the window), that renamed another program's file. So every
//! load first asks [`check`]: a file is a notebook when its content says so
//! (a JSON object with Prepkit's `schema_version`, or the `sections` of a
//! file from before format versions; a file cut short or garbled still
//! opens with `{"schema_version"`, which Prepkit always writes first), or
//! when Prepkit keeps backups or unfinished saves of it. Anything else is
//! [`PersistError::NotANotebook`] and is left exactly as it was: not moved,
//! not written, no lock folder made beside it.

use std::path::Path;

use serde_json::Value;

use super::PersistError;
use super::atomic::leftover_temps;
use super::backup::list_backups;

/// The key Prepkit writes first in every notebook.
const MARKER: &str = "schema_version";

/// `Ok` when the file at `path` (whose links lead to `target`) holding
/// `bytes` is a Prepkit notebook, intact or damaged; otherwise
/// [`PersistError::NotANotebook`]. Reads only (the content given, and the
/// names in the backups folder and the file's folder).
pub(crate) fn check(path: &Path, target: &Path, bytes: &[u8]) -> Result<(), PersistError> {
    let Some(why_not) = foreign(bytes) else {
        return Ok(());
    };
    // A notebook of ours that another program emptied or garbled: Prepkit
    // kept copies of it, so it is ours to recover.
    let kept =
        list_backups(path).is_ok_and(|b| !b.is_empty()) || !leftover_temps(target).is_empty();
    if kept {
        return Ok(());
    }
    Err(PersistError::NotANotebook {
        path: path.to_path_buf(),
        reason: why_not,
    })
}

/// `None` when the content is a notebook's (possibly damaged), else what it
/// is instead.
fn foreign(bytes: &[u8]) -> Option<&'static str> {
    let bytes = bytes.strip_prefix(super::notebook::BOM).unwrap_or(bytes);
    // Every file Prepkit writes opens with its marker: no need to parse it
    // twice (the load parses it next).
    if starts_with_marker(bytes) {
        return None;
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(object)) => {
            let sections = object.get("sections").is_some_and(Value::is_array);
            (!object.contains_key(MARKER) && !sections)
                .then_some("a JSON object without Prepkit's fields")
        }
        Ok(_) => Some("JSON, but not an object"),
        Err(_) if bytes.iter().all(u8::is_ascii_whitespace) => Some("an empty file"),
        Err(_) => Some("not JSON written by Prepkit"),
    }
}

/// True when the bytes open with `{` and the key `"schema_version"`,
/// whatever follows (a notebook cut short or garbled further on).
fn starts_with_marker(bytes: &[u8]) -> bool {
    let rest = bytes.trim_ascii_start();
    rest.strip_prefix(b"{")
        .map(<[u8]>::trim_ascii_start)
        .and_then(|r| r.strip_prefix(b"\""))
        .and_then(|r| r.strip_prefix(MARKER.as_bytes()))
        .is_some_and(|r| r.starts_with(b"\""))
}

#[cfg(test)]
mod tests {
    use super::foreign;

    #[test]
    fn notebooks_intact_or_damaged_are_ours() {
        for ours in [
            &b"{\"schema_version\": 2, \"id\": \"a\"}"[..],
            b"\xEF\xBB\xBF{\"schema_version\": 2}",
            b"{\"title\": \"old\", \"sections\": []}",
            b"{\n  \"schema_version\": 2,\n  \"id\": \"a\",\n  \"tit",
            b"{ \"schema_version\": 2, \"id\": \"a\" \x00\x00 garbage",
            b"{\"schema_version\": \"two\"}",
        ] {
            assert_eq!(foreign(ours), None, "{:?}", String::from_utf8_lossy(ours));
        }
    }

    #[test]
    fn other_files_are_not() {
        for other in [
            &b"[1,2,3]"[..],
            b"{\"title\":5}",
            b"{\"editor.fontSize\": 14, \"files.exclude\": {}}",
            b"\"schema_version\"",
            b"{\"editor\": {\"schema_version\": 2}",
            b"",
            b"  \n",
            b"hello",
            b"{\"id\": \"a\", \"tit",
        ] {
            assert!(
                foreign(other).is_some(),
                "{:?}",
                String::from_utf8_lossy(other)
            );
        }
    }
}
