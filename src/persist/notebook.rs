//! Saving, loading and listing notebook files.
//!
//! A save never overwrites a file that changed on disk since it was read, and
//! backs up what it replaces now and then. A load never panics and never
//! overwrites: a damaged file is moved aside and the newest usable backup takes
//! its place; a file from a newer Prepkit is refused and left as it is. A
//! save that was killed after writing its temporary file but before putting
//! it in place is finished by the next load.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::atomic::{
    leftover_temps, parent, regular_or_missing, rename_durably, resolve_links, write_atomic,
};
use super::backup::{STAMP_FORMAT, backup_if_due, backup_now, list_backups};
use super::{Fingerprint, NotebookLock, PersistError, notebooks_dir};
use crate::model::{Notebook, SCHEMA_VERSION};

/// Keystroke saves make a backup only when the newest one is older than this.
pub const BACKUP_MIN_AGE: Duration = Duration::from_mins(10);

/// How many backups are kept per notebook.
pub const KEEP_BACKUPS: usize = 5;

/// How a save treats backups and changes made by others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SaveOptions {
    /// A backup of the replaced file is taken only when the newest backup is
    /// at least this old ([`BACKUP_MIN_AGE`] by default; zero backs up every
    /// save).
    pub backup_min_age: Duration,
    /// How many backups to keep ([`KEEP_BACKUPS`] by default).
    pub keep_backups: usize,
    /// Save even if the file changed on disk; the version on disk is then
    /// backed up first, whatever its age.
    pub force: bool,
}

impl Default for SaveOptions {
    fn default() -> Self {
        Self {
            backup_min_age: BACKUP_MIN_AGE,
            keep_backups: KEEP_BACKUPS,
            force: false,
        }
    }
}

impl SaveOptions {
    /// The default options with `force` set: for "save anyway" after
    /// [`PersistError::ChangedOnDisk`].
    pub fn forced() -> Self {
        Self {
            force: true,
            ..Self::default()
        }
    }
}

/// A notebook read from disk.
#[derive(Debug)]
pub struct Loaded {
    /// The notebook, migrated to [`SCHEMA_VERSION`], ids repaired.
    pub notebook: Notebook,
    /// The file as it is on disk now; pass it to the next save.
    pub fingerprint: Fingerprint,
    /// The backup the notebook was restored from, when the file was damaged.
    pub recovered_from: Option<PathBuf>,
    /// The temporary file of an unfinished save (the process was killed
    /// before it was put in place) whose newer content was taken and put in
    /// place; the temporary file itself is then removed.
    pub recovered_temp: Option<PathBuf>,
    /// Where the damaged file was kept, byte for byte, when a backup or an
    /// unfinished save replaced it.
    pub damaged_copy: Option<PathBuf>,
    /// Things the user should know (recovery, upgrade, repaired id).
    pub warnings: Vec<String>,
}

/// What a file in the notebooks folder is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotebookKind {
    /// A notebook, `<id>.json`.
    Notebook,
    /// `<id>.unsaved-<time>.json`: the user's version, written beside the
    /// notebook when the app closed and could not save it in place. Opens
    /// like a notebook.
    UnsavedCopy,
    /// `<id>.json.corrupt-<time>`: a file found damaged, moved aside byte
    /// for byte. Never opened; [`NotebookInfo::error`] says what it is.
    Damaged,
}

/// A notebook found in the data folder, for a list or a menu.
#[derive(Clone, Debug, PartialEq)]
pub struct NotebookInfo {
    /// The notebook's id (its file name without `.json`; for a damaged
    /// file, its whole file name).
    pub id: String,
    /// What the file is.
    pub kind: NotebookKind,
    /// Its title; empty if unreadable.
    pub title: String,
    /// The company; empty if unreadable.
    pub company: String,
    /// When it last changed, if readable.
    pub updated: Option<DateTime<Utc>>,
    /// The file.
    pub path: PathBuf,
    /// Why the file cannot be opened, if it cannot.
    pub error: Option<String>,
}

/// Saves `notebook` to `path` with the default [`SaveOptions`].
///
/// `expected` is the fingerprint from the last load or save of this file, or
/// `None` for a file that should not exist yet. Returns the new fingerprint.
pub fn save(
    path: &Path,
    notebook: &Notebook,
    expected: Option<&Fingerprint>,
) -> Result<Fingerprint, PersistError> {
    save_with(path, notebook, expected, &SaveOptions::default())
}

/// Saves `notebook` to `path` atomically (see [`save`]).
///
/// Fails with [`PersistError::ChangedOnDisk`], writing nothing, when the file
/// on disk is not the one `expected` describes, unless `options.force` is set.
/// Saving bytes identical to the file on disk writes nothing.
pub fn save_with(
    path: &Path,
    notebook: &Notebook,
    expected: Option<&Fingerprint>,
    options: &SaveOptions,
) -> Result<Fingerprint, PersistError> {
    save_marked(path, notebook, expected, options, &|_| {})
}

/// [`save_with`], calling `before_write` with the new bytes' fingerprint
/// just before the file is replaced (the saver logs it in the crash
/// journal, so a kill between the two is understood at the next start).
pub(crate) fn save_marked(
    path: &Path,
    notebook: &Notebook,
    expected: Option<&Fingerprint>,
    options: &SaveOptions,
    before_write: &dyn Fn(Fingerprint),
) -> Result<Fingerprint, PersistError> {
    let bytes = if notebook.schema_version == SCHEMA_VERSION {
        to_json(path, notebook)?
    } else {
        let mut current = notebook.clone();
        current.schema_version = SCHEMA_VERSION;
        to_json(path, &current)?
    };
    let new = Fingerprint::of_bytes(&bytes);
    let _lock = NotebookLock::acquire(path)?;
    // Before reading: reading a named pipe would wait forever.
    regular_or_missing(path)?;
    let on_disk = match fs::read(path) {
        Ok(old) => Some(old),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(PersistError::io("read", path, e)),
    };
    let disk_fingerprint = on_disk.as_deref().map(Fingerprint::of_bytes);
    if disk_fingerprint == Some(new) {
        // Already on disk, whoever wrote it: nothing to write, nothing to lose.
        return Ok(new.with_modified_of(path));
    }
    if !options.force && disk_fingerprint.as_ref() != expected {
        return Err(PersistError::ChangedOnDisk {
            path: path.to_path_buf(),
        });
    }
    if let Some(old) = &on_disk {
        if options.force && disk_fingerprint.as_ref() != expected {
            backup_now(path, old, options.keep_backups)?;
        } else {
            backup_if_due(path, old, options.backup_min_age, options.keep_backups)?;
        }
    }
    before_write(new);
    write_atomic(path, &bytes)?;
    Ok(new.with_modified_of(path))
}

/// Pretty JSON with a final newline.
pub(crate) fn to_json<T: Serialize + ?Sized>(
    path: &Path,
    value: &T,
) -> Result<Vec<u8>, PersistError> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(|cause| PersistError::Serialize {
        path: path.to_path_buf(),
        cause,
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Loads the notebook at `path`.
///
/// A save killed after writing its temporary file but before putting it in
/// place left the newest version there: a complete temporary file newer
/// than the notebook, holding this notebook, is put in place (the file it
/// replaces goes to the backups, or aside if damaged) and reported in
/// [`Loaded::recovered_temp`] and the warnings. Incomplete temporary files
/// are left alone.
///
/// A damaged file (not JSON, truncated, not a notebook) is moved to
/// `<name>.corrupt-<time>` and the newest usable backup is written in its
/// place ([`Loaded::recovered_from`]); with no usable backup the error says
/// where the damaged file went. A file from a newer Prepkit is refused and
/// left untouched. Older files are migrated in memory; the next save writes
/// the current format. Through a symbolic link, the link's target is read
/// (and, when recovering, replaced); anything that is not a regular file is
/// refused.
pub fn load(path: &Path) -> Result<Loaded, PersistError> {
    let target = resolve_links(path)?;
    let (on_disk, bytes) = read_current(path, &target)?;
    // Before anything else: a file that is not a notebook is left exactly
    // as it is, with no lock folder made beside it.
    if let Some(bytes) = &bytes {
        super::ours::check(path, &target, bytes)?;
    }
    // An intact notebook with no unfinished save newer than it is only
    // read: no lock taken, nothing written.
    if let (Some(bytes), Some(meta)) = (&bytes, &on_disk)
        && !newer_temp_left(&target, meta)
        && let Ok((notebook, warnings)) = parse(path, bytes)
    {
        return Ok(Loaded {
            notebook,
            fingerprint: Fingerprint::of_bytes(bytes).with_modified_of(path),
            recovered_from: None,
            recovered_temp: None,
            damaged_copy: None,
            warnings,
        });
    }
    // Without the lock (a read-only folder) nothing is recovered from
    // temporary files: a live save may be writing them.
    let lock = NotebookLock::for_reading(path);
    // Read again under the lock: a save may have finished meanwhile.
    let (on_disk, bytes) = read_current(path, &target)?;
    if lock.is_some() {
        let modified = on_disk.and_then(|m| m.modified().ok());
        if let Some(loaded) = finish_killed_save(path, &target, bytes.as_deref(), modified)? {
            return Ok(loaded);
        }
    }
    let Some(bytes) = bytes else {
        return Err(PersistError::NotFound {
            path: path.to_path_buf(),
        });
    };
    match parse(path, &bytes) {
        Ok((notebook, warnings)) => Ok(Loaded {
            notebook,
            fingerprint: Fingerprint::of_bytes(&bytes).with_modified_of(path),
            recovered_from: None,
            recovered_temp: None,
            damaged_copy: None,
            warnings,
        }),
        Err(Unusable::Refused(e)) => Err(e),
        Err(Unusable::Damaged(reason)) => recover(path, &target, &reason),
    }
}

/// The file's details and bytes; `None` for both when it does not exist.
fn read_current(
    path: &Path,
    target: &Path,
) -> Result<(Option<fs::Metadata>, Option<Vec<u8>>), PersistError> {
    let on_disk = regular_or_missing(target)?;
    let bytes = match on_disk {
        Some(_) => Some(fs::read(target).map_err(|e| PersistError::io("read", path, e))?),
        None => None,
    };
    Ok((on_disk, bytes))
}

/// True when a save left a temporary file at least as new as the file,
/// which [`finish_killed_save`] may put in place.
fn newer_temp_left(target: &Path, on_disk: &fs::Metadata) -> bool {
    let modified = on_disk.modified().ok();
    leftover_temps(target)
        .first()
        .is_some_and(|t| modified.is_none_or(|m| t.modified >= m))
}

/// A UTF-8 byte order mark, which some editors put before JSON.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The bytes without a leading [`BOM`].
fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

/// What [`reread`] found in the open notebook's file after another program
/// changed it.
#[derive(Debug)]
pub enum Reread {
    /// A notebook, as [`load`] reads it (but nothing on disk was touched:
    /// no backup restored, no unfinished save finished).
    Notebook(Box<Loaded>),
    /// The file is damaged (cut short, not JSON, not a notebook): it was
    /// moved here, byte for byte. No backup was restored: the app holds a
    /// version at least as new and writes it back.
    Damaged {
        /// Where the damaged file is now.
        moved_to: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// There is no file.
    Missing,
}

/// Reads the file of a notebook the app has open, after another program
/// changed it. Unlike [`load`], a damaged file is never replaced by an older
/// backup (the app holds the newer copy): it is only moved aside, so the
/// app can write its version back. A file from a newer Prepkit is refused
/// and left untouched.
pub fn reread(path: &Path) -> Result<Reread, PersistError> {
    // Our saver waits while the damaged file is moved.
    let lock = NotebookLock::for_reading(path);
    let target = resolve_links(path)?;
    if regular_or_missing(&target)?.is_none() {
        return Ok(Reread::Missing);
    }
    let bytes = match fs::read(&target) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Reread::Missing),
        Err(e) => return Err(PersistError::io("read", path, e)),
    };
    match parse(path, &bytes) {
        Ok((notebook, warnings)) => Ok(Reread::Notebook(Box::new(Loaded {
            notebook,
            fingerprint: Fingerprint::of_bytes(&bytes).with_modified_of(path),
            recovered_from: None,
            recovered_temp: None,
            damaged_copy: None,
            warnings,
        }))),
        Err(Unusable::Refused(e)) => Err(e),
        Err(Unusable::Damaged(reason)) => {
            let moved_to = aside_path(&target);
            rename_durably(&target, &moved_to)?;
            drop(lock);
            Ok(Reread::Damaged { moved_to, reason })
        }
    }
}

/// Just the id of a notebook file.
#[derive(Deserialize)]
struct IdOnly {
    #[serde(default)]
    id: String,
}

/// Puts in place the newest complete temporary file of `target` that is at
/// least as new as the file (`current`, last modified at `modified`) and
/// holds this notebook (the file's id or name, or any notebook when there is
/// no file). `None` when there is no such file.
fn finish_killed_save(
    path: &Path,
    target: &Path,
    current: Option<&[u8]>,
    modified: Option<SystemTime>,
) -> Result<Option<Loaded>, PersistError> {
    let stem = path.file_stem().map(|s| s.to_string_lossy());
    let current_id = current
        .and_then(|b| serde_json::from_slice::<IdOnly>(without_bom(b)).ok())
        .map(|h| h.id);
    for temp in leftover_temps(target) {
        // Newest first: the rest are older than the file too.
        if modified.is_some_and(|m| temp.modified < m) {
            break;
        }
        let Ok(bytes) = fs::read(&temp.path) else {
            continue;
        };
        if Some(bytes.as_slice()) == current {
            continue;
        }
        let Ok(IdOnly { id }) = serde_json::from_slice(without_bom(&bytes)) else {
            continue;
        };
        let ours = current.is_none()
            || stem.as_deref() == Some(id.as_str())
            || current_id.as_deref() == Some(id.as_str());
        if !ours {
            continue;
        }
        let Ok((notebook, mut warnings)) = parse(path, &bytes) else {
            continue;
        };
        let (kept, damaged_copy) = match current {
            None => (None, None),
            Some(old) if matches!(parse(path, old), Err(Unusable::Damaged(_))) => {
                let aside = aside_path(target);
                rename_durably(target, &aside)?;
                (Some(aside.clone()), Some(aside))
            }
            Some(old) => (Some(backup_now(path, old, KEEP_BACKUPS)?), None),
        };
        write_atomic(path, &bytes)?;
        let _ = fs::remove_file(&temp.path);
        let kept = kept.map_or_else(String::new, |k| {
            format!("; the version it replaced is kept at {}", k.display())
        });
        warnings.insert(
            0,
            format!(
                "{} was not completely saved when Prepkit last stopped: the newer version found \
                 in {} was put in place{kept}",
                path.display(),
                temp.path.display(),
            ),
        );
        return Ok(Some(Loaded {
            notebook,
            fingerprint: Fingerprint::of_bytes(&bytes).with_modified_of(path),
            recovered_from: None,
            recovered_temp: Some(temp.path),
            damaged_copy,
            warnings,
        }));
    }
    Ok(None)
}

/// Why bytes are not a notebook this build can use.
enum Unusable {
    /// Damaged: not JSON, truncated, or not shaped like a notebook.
    Damaged(String),
    /// Intact but not for this build (too new, no migration).
    Refused(PersistError),
}

/// Turns file contents into a current notebook, with warnings.
fn parse(path: &Path, bytes: &[u8]) -> Result<(Notebook, Vec<String>), Unusable> {
    let mut warnings = Vec::new();
    // A byte order mark an editor added is no damage.
    let bytes = without_bom(bytes);
    let mut value: Value =
        serde_json::from_slice(bytes).map_err(|e| Unusable::Damaged(json_problem(bytes, &e)))?;
    let Some(object) = value.as_object() else {
        return Err(Unusable::Damaged(
            "it is not a notebook: not a JSON object".into(),
        ));
    };
    let version = match object.get("schema_version") {
        None => {
            warnings.push(format!(
                "{} has no file format version; it was read as format {SCHEMA_VERSION}",
                path.display()
            ));
            u64::from(SCHEMA_VERSION)
        }
        Some(v) => v.as_u64().ok_or_else(|| {
            Unusable::Damaged(format!("its schema_version {v} is not a whole number"))
        })?,
    };
    if version > u64::from(SCHEMA_VERSION) {
        return Err(Unusable::Refused(PersistError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        }));
    }
    if version < u64::from(SCHEMA_VERSION) {
        value = migrate(value, version).map_err(|reason| {
            Unusable::Refused(PersistError::Migrate {
                path: path.to_path_buf(),
                from: version,
                reason,
            })
        })?;
        warnings.push(format!(
            "{} was upgraded from file format {version} to {SCHEMA_VERSION}; it is rewritten \
             in the new format at the next save",
            path.display()
        ));
    }
    // Unknown levels, dates out of range: made sane, with a notice.
    warnings.extend(super::sane::repair(path, &mut value));
    let mut notebook: Notebook = serde_json::from_value(value)
        .map_err(|e| Unusable::Damaged(format!("it is not a valid notebook: {e}")))?;
    notebook.schema_version = SCHEMA_VERSION;
    notebook.repair_ids();
    if let Some(stem) = path.file_stem().and_then(|s| s.to_str())
        && notebook.id != stem
    {
        if !notebook.id.is_empty() {
            warnings.push(format!(
                "{} holds notebook {:?}; it is now called {stem:?} after its file name",
                path.display(),
                notebook.id
            ));
        }
        stem.clone_into(&mut notebook.id);
    }
    Ok((notebook, warnings))
}

/// One upgrade step: the JSON of format `n` to the JSON of format `n + 1`.
type Migration = fn(Value) -> Result<Value, String>;

/// Upgrade steps: `MIGRATIONS[i]` turns format `i + 1` into format `i + 2`.
/// A change of the file format bumps [`SCHEMA_VERSION`] and appends its step
/// here.
const MIGRATIONS: &[Migration] = &[reviews_become_events];

/// Format 1 → 2: a review becomes an event with the level before and after
/// and the seconds spent.
///
/// Format 1 recorded `{at, confidence}` per review, only from "Mark
/// reviewed", which kept the level: so before and after are both that
/// level, and the time spent is unknown (0). A topic with a `last_reviewed`
/// time but no reviews gets one event at that time, at its current level.
/// `last_reviewed` itself goes: it is the latest event's time now.
fn reviews_become_events(mut value: Value) -> Result<Value, String> {
    let sections = value
        .get_mut("sections")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten();
    let groups = sections
        .filter_map(|s| s.get_mut("groups").and_then(Value::as_array_mut))
        .flatten();
    let items = groups
        .filter_map(|g| g.get_mut("items").and_then(Value::as_array_mut))
        .flatten();
    for item in items {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        let level = item
            .get("confidence")
            .cloned()
            .unwrap_or_else(|| Value::from("unrated"));
        let last = item.remove("last_reviewed").filter(|v| !v.is_null());
        let mut events = Vec::new();
        for old in item
            .get("reviews")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let (Some(at), Some(after)) = (old.get("at"), old.get("confidence")) else {
                return Err(format!("a review without a time or a level: {old}"));
            };
            events.push(serde_json::json!({
                "at": at, "before": after, "after": after, "seconds": 0
            }));
        }
        if events.is_empty()
            && let Some(at) = last
        {
            events.push(serde_json::json!({
                "at": at, "before": level, "after": level, "seconds": 0
            }));
        }
        item.insert("reviews".into(), Value::Array(events));
    }
    Ok(value)
}

/// Brings JSON of format `from` up to [`SCHEMA_VERSION`].
fn migrate(mut value: Value, from: u64) -> Result<Value, String> {
    for version in from..u64::from(SCHEMA_VERSION) {
        let step = version
            .checked_sub(1)
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| MIGRATIONS.get(i))
            .ok_or_else(|| format!("no upgrade from format {version} is known"))?;
        value = step(value)?;
        if let Some(object) = value.as_object_mut() {
            object.insert("schema_version".into(), Value::from(version + 1));
        }
    }
    Ok(value)
}

/// A short, human description of why bytes are not JSON.
fn json_problem(bytes: &[u8], e: &serde_json::Error) -> String {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return "the file is empty".into();
    }
    match e.classify() {
        serde_json::error::Category::Eof => format!(
            "the file is cut short at line {}, column {}",
            e.line(),
            e.column()
        ),
        _ => format!("it is not valid JSON: {e}"),
    }
}

/// Moves a damaged file (`target`, the file `path` leads to) aside and
/// restores the newest usable backup.
fn recover(path: &Path, target: &Path, reason: &str) -> Result<Loaded, PersistError> {
    let moved_to = aside_path(target);
    if let Err(e) = rename_durably(target, &moved_to) {
        return Err(PersistError::Corrupt {
            path: path.to_path_buf(),
            moved_to: None,
            reason: format!("{reason}; moving it aside failed: {e}"),
        });
    }
    let backups = list_backups(path).unwrap_or_default();
    for backup in backups {
        let Ok(bytes) = fs::read(&backup.path) else {
            continue;
        };
        let Ok((notebook, mut warnings)) = parse(path, &bytes) else {
            continue;
        };
        write_atomic(path, &bytes)?;
        warnings.insert(
            0,
            format!(
                "{} was damaged ({reason}); it was moved to {} and the backup taken {} was \
                 restored. Changes made after that time are not in the backup; the damaged \
                 file, kept byte for byte, may hold some of them (open it in a text editor)",
                path.display(),
                moved_to.display(),
                backup.taken.format("%Y-%m-%d %H:%M UTC"),
            ),
        );
        return Ok(Loaded {
            notebook,
            fingerprint: Fingerprint::of_bytes(&bytes).with_modified_of(path),
            recovered_from: Some(backup.path),
            recovered_temp: None,
            damaged_copy: Some(moved_to),
            warnings,
        });
    }
    Err(PersistError::Corrupt {
        path: path.to_path_buf(),
        moved_to: Some(moved_to),
        reason: reason.to_owned(),
    })
}

/// `<name>.corrupt-<time>` next to `path`, not yet taken.
fn aside_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "notebook".into(), |n| n.to_string_lossy());
    let mut at = Utc::now();
    loop {
        let candidate = parent(path).join(format!("{name}.corrupt-{}", at.format(STAMP_FORMAT)));
        if !candidate.exists() {
            return candidate;
        }
        at += chrono::TimeDelta::microseconds(1);
    }
}

/// The few fields [`list`] shows, read without the rest of the notebook.
#[derive(Default, Deserialize)]
#[serde(default)]
struct Header {
    schema_version: Option<u64>,
    title: String,
    company: String,
    updated: Option<DateTime<Utc>>,
}

/// The notebooks in `<data_dir>/notebooks`, most recently updated first:
/// notebooks, unsaved copies and damaged files kept aside, each with its
/// [`NotebookKind`].
///
/// Files that cannot be opened are listed too, with [`NotebookInfo::error`]
/// saying why (every damaged file has one). No notebooks folder means no
/// notebooks.
pub fn list(data_dir: &Path) -> Result<Vec<NotebookInfo>, PersistError> {
    let dir = notebooks_dir(data_dir);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(PersistError::io("read the folder", &dir, e)),
    };
    let mut infos = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| PersistError::io("read the folder", &dir, e))?;
        let path = entry.path();
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        if name.starts_with('.') || !path.is_file() {
            continue;
        }
        if let Some(id) = name.strip_suffix(".json") {
            let kind = if id.contains(".unsaved-") {
                NotebookKind::UnsavedCopy
            } else {
                NotebookKind::Notebook
            };
            infos.push(info(id, kind, path));
        } else if let Some((of, _)) = name.split_once(".corrupt-") {
            infos.push(damaged_info(name, of, path));
        }
    }
    infos.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)));
    Ok(infos)
}

/// What [`list`] shows for one notebook or unsaved copy.
fn info(id: &str, kind: NotebookKind, path: PathBuf) -> NotebookInfo {
    let header = fs::read(&path)
        .map_err(|e| format!("cannot be read: {e}"))
        .and_then(|bytes| {
            serde_json::from_slice::<Header>(without_bom(&bytes))
                .map_err(|e| format!("is damaged: {}", json_problem(&bytes, &e)))
        });
    let (header, error) = match header {
        Ok(h) => {
            let error = h
                .schema_version
                .filter(|&v| v > u64::from(SCHEMA_VERSION))
                .map(|v| format!("was written by a newer Prepkit (file format {v})"));
            (h, error)
        }
        Err(e) => (Header::default(), Some(e)),
    };
    NotebookInfo {
        id: id.to_owned(),
        kind,
        title: header.title,
        company: header.company,
        updated: header.updated,
        path,
        error,
    }
}

/// What [`list`] shows for a damaged file moved aside from `of`.
fn damaged_info(name: &str, of: &str, path: PathBuf) -> NotebookInfo {
    let updated = fs::metadata(&path)
        .and_then(|m| m.modified())
        .ok()
        .map(DateTime::<Utc>::from);
    NotebookInfo {
        id: name.to_owned(),
        kind: NotebookKind::Damaged,
        title: String::new(),
        company: String::new(),
        updated,
        error: Some(format!(
            "damaged copy of {of}, kept byte for byte when it could not be read; open it in a \
             text editor to copy out what you need"
        )),
        path,
    }
}
