//! A save killed after its temporary file was complete but before the rename
//! (issue 8, item 2): the next load puts the newer text in place.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use prepkit::persist::{self, list_backups, load, notebook_path, save};

use super::sample;

/// Writes `bytes` as the temporary file a killed save of `notebook` left,
/// last modified two seconds after the notebook (`newer`) or before it.
fn leftover_temp(notebook: &Path, random: &str, bytes: &[u8], newer: bool) -> PathBuf {
    let name = notebook.file_name().unwrap().to_string_lossy();
    let temp = notebook.with_file_name(format!(".{name}.{random}.tmp"));
    fs::write(&temp, bytes).unwrap();
    let file_time = fs::metadata(notebook).unwrap().modified().unwrap();
    let at = if newer {
        file_time + Duration::from_secs(2)
    } else {
        file_time - Duration::from_secs(2)
    };
    set_modified(&temp, at);
    temp
}

fn set_modified(path: &Path, at: SystemTime) {
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(at)
        .unwrap();
}

#[test]
fn load_takes_a_complete_newer_temp_and_backs_up_the_older_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "abc");
    let older = sample("abc");
    save(&path, &older, None).unwrap();
    let older_bytes = fs::read(&path).unwrap();
    let mut newer = sample("abc");
    newer.sections[0].notes = "typed just before the kill".into();
    let temp = leftover_temp(
        &path,
        "Ab12Cd",
        &serde_json::to_vec_pretty(&newer).unwrap(),
        true,
    );

    let loaded = load(&path).unwrap();
    assert_eq!(
        loaded.notebook.sections[0].notes,
        "typed just before the kill"
    );
    assert_eq!(loaded.recovered_temp.as_deref(), Some(temp.as_path()));
    assert!(
        loaded.warnings[0].contains("not completely saved"),
        "{:?}",
        loaded.warnings
    );
    assert!(!temp.exists(), "the temporary file was put in place");
    // The file itself now holds the newer text, and the older one is a backup.
    assert_eq!(load(&path).unwrap().notebook, loaded.notebook);
    let backups = list_backups(&path).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(fs::read(&backups[0].path).unwrap(), older_bytes);
    // The fingerprint is the file's: the next save goes through.
    save(&path, &loaded.notebook, Some(&loaded.fingerprint)).unwrap();
}

#[test]
fn load_leaves_incomplete_older_and_foreign_temps_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "abc");
    save(&path, &sample("abc"), None).unwrap();
    let bytes = fs::read(&path).unwrap();
    let mut other = sample("abc");
    other.title = "older than the file".into();
    let other_bytes = serde_json::to_vec_pretty(&other).unwrap();
    let mut foreign = sample("someone-else");
    foreign.title = "another notebook".into();
    let temps = [
        // Cut short by the kill.
        leftover_temp(&path, "cut123", &other_bytes[..other_bytes.len() / 2], true),
        // Complete but older than the file: a later save already replaced it.
        leftover_temp(&path, "old123", &other_bytes, false),
        // Complete and newer, but another notebook's.
        leftover_temp(
            &path,
            "frn123",
            &serde_json::to_vec_pretty(&foreign).unwrap(),
            true,
        ),
    ];
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.recovered_temp, None);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(fs::read(&path).unwrap(), bytes);
    for temp in &temps {
        assert!(temp.exists(), "{} was removed unjudged", temp.display());
    }
}

#[test]
fn a_damaged_file_replaced_by_a_newer_temp_is_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "abc");
    save(&path, &sample("abc"), None).unwrap();
    fs::write(&path, b"{\"title\": \"torn").unwrap();
    let mut newer = sample("abc");
    newer.title = "newest".into();
    leftover_temp(
        &path,
        "Zz9988",
        &serde_json::to_vec_pretty(&newer).unwrap(),
        true,
    );
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.notebook.title, "newest");
    let kept = loaded.damaged_copy.unwrap();
    assert_eq!(fs::read(kept).unwrap(), b"{\"title\": \"torn");
}

#[test]
fn a_first_save_killed_before_the_file_existed_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = notebook_path(dir.path(), "fresh");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let temp = path.with_file_name(".fresh.json.q1w2e3.tmp");
    let nb = sample("fresh");
    let bytes = serde_json::to_vec_pretty(&nb).unwrap();
    fs::write(&temp, &bytes).unwrap();
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.notebook, nb);
    assert_eq!(fs::read(&path).unwrap(), bytes);
    assert!(!temp.exists());
    // A notebook never written anywhere is still simply not there.
    assert!(matches!(
        load(&notebook_path(dir.path(), "nothing")),
        Err(persist::PersistError::NotFound { .. })
    ));
}
