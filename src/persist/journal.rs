//! The crash journal: every change to the open notebook, appended to a file
//! as it is made, so a kill, a crash or a dead battery loses at most what
//! the operating system had not been handed yet (the last few keystrokes).
//!
//! One journal per notebook per device: `<data>/journal/<stem>-<hash>.<device>.jsonl`
//! (`<hash>` tells apart notebooks of the same name in different folders;
//! `<device>` is made once per data folder, [`device_id`]). It is a log of
//! JSON lines, each one [`Line`]:
//!
//! - the first line, `base`: where the entries start from: the notebook file
//!   (or a copy kept beside it) with the fingerprint it had at a revision,
//!   or the whole notebook when it is not in any file yet;
//! - `do`: the [`Action`]s that made one revision, in order (an undo logs
//!   the actions it applied);
//! - `saving`: a save of a revision to a file whose new bytes have this
//!   fingerprint is about to be written (the saver writes it before it
//!   replaces the file, so a kill between the two is understood).
//!
//! When a save lands the journal is compacted: rewritten atomically with a
//! new `base` and only the entries made since. [`replay`] (the next start,
//! before anything else) takes the newest `base` or `saving` line whose
//! file still has that fingerprint and applies the entries after it; a torn
//! last line is ignored, and replaying twice gives the same notebook.
//!
//! Writes happen on a thread of their own (`prepkit-journal`): the UI thread
//! only sends it a copy of the action, which it serializes. Each batch of lines is one
//! `write` to a file kept open (so it survives the process being killed),
//! and the file is flushed to the disk at most once a second (so it
//! survives a power cut too, but for that last second).

use std::collections::hash_map::RandomState;
use std::fs::{self, File, OpenOptions};
use std::hash::{BuildHasher as _, Hasher as _};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::atomic::write_atomic;
use super::{Fingerprint, PersistError, load, save_with};
use crate::action::Action;
use crate::model::Notebook;
use crate::store::Store;

/// The journal thread's name.
const THREAD_NAME: &str = "prepkit-journal";

/// How often the journal is flushed to the disk itself (`fdatasync`), at
/// most. Handing a line to the operating system (every batch) is what
/// survives a kill; this is for a power cut.
const SYNC_EVERY: Duration = Duration::from_secs(1);

/// The file naming this data folder's device.
const DEVICE_FILE: &str = "device-id";

/// How long the saver waits for its `saving` line to be written.
const MARK_WAIT: Duration = Duration::from_secs(2);

/// One line of the journal. See the module docs.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
enum Line {
    /// Where the entries start from.
    Base {
        /// Format of the journal.
        journal: u32,
        /// The device that writes this journal.
        device: String,
        /// The revision the base is at; entries follow it.
        rev: u64,
        /// The file holding the base.
        path: PathBuf,
        /// That file's fingerprint ([`Fingerprint::token`]); `None` when it
        /// did not exist.
        fp: Option<String>,
        /// The base itself, when it differs from the file (not saved yet).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        notebook: Option<Box<Notebook>>,
    },
    /// The actions that made revision `rev`.
    Do {
        /// The store's revision after them.
        rev: u64,
        /// When.
        at: DateTime<Utc>,
        /// In the order applied.
        actions: Vec<Action>,
    },
    /// Revision `rev` is about to be written to `path`, which will then
    /// have the fingerprint `fp`.
    Saving {
        /// The revision.
        rev: u64,
        /// The file.
        path: PathBuf,
        /// Its fingerprint once written.
        fp: String,
    },
}

/// Where a journal starts from: a file at a revision.
#[derive(Clone, Debug)]
pub struct JournalBase {
    /// The revision of the notebook the file holds.
    pub revision: u64,
    /// The file.
    pub path: PathBuf,
    /// Its fingerprint; `None` when it does not exist.
    pub fingerprint: Option<Fingerprint>,
    /// The notebook at that revision when the file does not hold it (a new
    /// notebook, a recovered or merged one): written whole into the base.
    pub notebook: Option<Box<Notebook>>,
}

/// What the journal thread is asked to do.
enum Msg {
    /// Append a `do` entry: these actions made revision `.0`, at `.1`
    /// (serialized on the journal's thread, not the caller's).
    Append(u64, DateTime<Utc>, Vec<Action>),
    /// Append this `saving` line of revision `.0`, then answer.
    Mark(u64, String, Sender<()>),
    /// Start again from this base: rewrite the file with it and the entries
    /// made after its revision.
    Rebase(JournalBase),
    /// Remove the file: the edits are safe elsewhere.
    Discard,
    /// Answer once everything before is written.
    Flush(Sender<()>),
}

/// The open notebook's journal. See the module docs.
pub struct Journal {
    tx: Option<Sender<Msg>>,
    thread: Option<JoinHandle<()>>,
    file: PathBuf,
}

/// Lets the saver write its `saving` line before it replaces a file.
#[derive(Clone)]
pub struct SaveMarker {
    tx: Sender<Msg>,
}

impl SaveMarker {
    /// Writes that `revision` is about to be saved to `path` with the
    /// fingerprint `fp`, and waits (briefly) until it is written.
    pub fn saving(&self, revision: u64, path: &Path, fp: Fingerprint) {
        let line = Line::Saving {
            rev: revision,
            path: path.to_path_buf(),
            fp: fp.token(),
        };
        let Ok(text) = serde_json::to_string(&line) else {
            return;
        };
        let (ack, done) = channel();
        if self.tx.send(Msg::Mark(revision, text, ack)).is_ok() {
            let _ = done.recv_timeout(MARK_WAIT);
        }
    }
}

impl Journal {
    /// Starts the journal of the notebook at `notebook_path`, from `base`,
    /// replacing any earlier journal of it (replay it first). The file is
    /// written on the journal's thread.
    pub fn start(
        data_dir: &Path,
        notebook_path: &Path,
        base: JournalBase,
    ) -> Result<Self, PersistError> {
        let device = device_id(data_dir)?;
        let file = journal_path(data_dir, notebook_path, &device);
        let (tx, rx) = channel();
        let worker = Worker {
            file: file.clone(),
            device,
            out: None,
            lines: Vec::new(),
            dirty_since_sync: None,
            failed: false,
        };
        let thread = std::thread::Builder::new()
            .name(THREAD_NAME.into())
            .spawn(move || worker.run(&rx, &base))
            .map_err(|cause| PersistError::io("start the journal for", notebook_path, cause))?;
        Ok(Self {
            tx: Some(tx),
            thread: Some(thread),
            file,
        })
    }

    /// The journal file.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Logs the actions that made `revision`: hands them to the journal's
    /// thread, which serializes and writes them (the caller, the UI thread,
    /// only copies them).
    pub fn record(&self, revision: u64, actions: Vec<Action>) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(Msg::Append(revision, Utc::now(), actions));
        }
    }

    /// For the saver: writes `saving` lines into this journal.
    pub fn marker(&self) -> Option<SaveMarker> {
        self.tx.as_ref().map(|tx| SaveMarker { tx: tx.clone() })
    }

    /// A save landed: the journal starts again from that file.
    pub fn rebase(&self, base: JournalBase) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(Msg::Rebase(base));
        }
    }

    /// Removes the journal (the edits are in a file), and stops.
    pub fn discard(mut self) {
        if let Some(tx) = self.tx.take() {
            let _ = tx.send(Msg::Discard);
        }
    }

    /// Waits until every line sent so far is written (at most `timeout`).
    pub fn flush(&self, timeout: Duration) -> bool {
        let Some(tx) = &self.tx else {
            return true;
        };
        let (ack, done) = channel();
        tx.send(Msg::Flush(ack)).is_ok() && done.recv_timeout(timeout).is_ok()
    }
}

impl Drop for Journal {
    /// Lets the thread write what it was sent, then stop.
    fn drop(&mut self) {
        self.tx = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The journal thread's state.
struct Worker {
    file: PathBuf,
    device: String,
    out: Option<File>,
    /// The lines since the base, with their revisions, to keep when it is
    /// rewritten.
    lines: Vec<(u64, String)>,
    dirty_since_sync: Option<Instant>,
    failed: bool,
}

impl Worker {
    fn run(mut self, rx: &Receiver<Msg>, base: &JournalBase) {
        self.rewrite(base);
        loop {
            let msg = match rx.recv_timeout(SYNC_EVERY) {
                Ok(msg) => msg,
                Err(RecvTimeoutError::Timeout) => {
                    self.sync(true);
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => break,
            };
            // Everything waiting goes in one write.
            let mut batch = vec![msg];
            batch.extend(rx.try_iter());
            let mut text = String::new();
            let mut acks = Vec::new();
            for msg in batch {
                match msg {
                    Msg::Append(rev, at, actions) => {
                        let entry = Line::Do { rev, at, actions };
                        if let Ok(line) = serde_json::to_string(&entry) {
                            text.push_str(&line);
                            text.push('\n');
                            self.lines.push((rev, line));
                        }
                    }
                    Msg::Mark(rev, line, ack) => {
                        text.push_str(&line);
                        text.push('\n');
                        self.lines.push((rev, line));
                        acks.push(ack);
                    }
                    Msg::Flush(ack) => acks.push(ack),
                    Msg::Rebase(base) => {
                        self.append(&std::mem::take(&mut text));
                        self.lines.retain(|(rev, _)| *rev > base.revision);
                        self.rewrite(&base);
                    }
                    Msg::Discard => {
                        self.out = None;
                        let _ = fs::remove_file(&self.file);
                        return;
                    }
                }
            }
            self.append(&text);
            self.sync(false);
            for ack in acks {
                let _ = ack.send(());
            }
        }
        self.sync(true);
    }

    /// Appends `text` in one write.
    fn append(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if self.out.is_none() {
            self.out = OpenOptions::new().append(true).open(&self.file).ok();
        }
        let written = match self.out.as_mut() {
            Some(out) => out.write_all(text.as_bytes()),
            None => Err(io::Error::other("the journal is not open")),
        };
        match written {
            Ok(()) => {
                self.dirty_since_sync.get_or_insert_with(Instant::now);
            }
            Err(e) => self.warn(&e.to_string()),
        }
    }

    /// Flushes to the disk when a second has passed since the first write
    /// not flushed (or now, when `now`).
    fn sync(&mut self, now: bool) {
        let Some(since) = self.dirty_since_sync else {
            return;
        };
        if (now || since.elapsed() >= SYNC_EVERY)
            && let Some(out) = &self.out
        {
            let _ = out.sync_data();
            self.dirty_since_sync = None;
        }
    }

    /// Writes the file afresh, atomically: `base`, then the lines kept.
    fn rewrite(&mut self, base: &JournalBase) {
        let line = Line::Base {
            journal: 1,
            device: self.device.clone(),
            rev: base.revision,
            path: base.path.clone(),
            fp: base.fingerprint.map(|f| f.token()),
            notebook: base.notebook.clone(),
        };
        let Ok(mut text) = serde_json::to_string(&line) else {
            return;
        };
        text.push('\n');
        for (_, line) in &self.lines {
            text.push_str(line);
            text.push('\n');
        }
        self.out = None;
        match write_atomic(&self.file, text.as_bytes()) {
            Ok(()) => {
                self.out = OpenOptions::new().append(true).open(&self.file).ok();
                self.dirty_since_sync = None;
            }
            Err(e) => self.warn(&e.to_string()),
        }
    }

    /// Says once, on stderr, that the journal cannot be written (the
    /// notebook's saves still can; the header shows theirs).
    fn warn(&mut self, why: &str) {
        if !self.failed {
            self.failed = true;
            eprintln!(
                "prepkit: the crash journal {} cannot be written: {why}",
                self.file.display()
            );
        }
    }
}

/// This data folder's device id: made once (random) and kept in
/// `<data>/device-id`.
pub fn device_id(data_dir: &Path) -> Result<String, PersistError> {
    let file = data_dir.join(DEVICE_FILE);
    if let Ok(text) = fs::read_to_string(&file) {
        let id = text.trim();
        if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Ok(id.to_owned());
        }
    }
    let random = |salt: u64| {
        let mut h = RandomState::new().build_hasher();
        h.write_u64(salt);
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        h.write_u32(std::process::id());
        h.finish()
    };
    let id = format!("{:016x}{:016x}", random(1), random(2));
    write_atomic(&file, format!("{id}\n").as_bytes())?;
    Ok(id)
}

/// The journal of the notebook at `notebook_path` on `device`.
pub fn journal_path(data_dir: &Path, notebook_path: &Path, device: &str) -> PathBuf {
    let absolute = std::path::absolute(notebook_path).unwrap_or_else(|_| notebook_path.into());
    let stem = notebook_path
        .file_stem()
        .map_or_else(|| "notebook".into(), |s| s.to_string_lossy());
    let hash = Fingerprint::of_bytes(absolute.as_os_str().as_encoded_bytes()).token();
    let hash = hash.rsplit('-').next().unwrap_or_default();
    data_dir
        .join("journal")
        .join(format!("{}-{hash}.{device}.jsonl", super::slug(&stem)))
}

/// What [`replay`] found: edits the notebook's file does not have.
#[derive(Debug)]
pub struct Replayed {
    /// The notebook with every logged edit.
    pub notebook: Notebook,
    /// How many logged revisions were applied.
    pub entries: usize,
    /// `None`: the edits belong over the notebook file as it is now (show
    /// `notebook`, unsaved). `Some`: the file changed since, or the edits
    /// were made during a conflict: they were written to this copy beside
    /// it (and the journal removed), and the file is left as it is.
    pub kept_at: Option<PathBuf>,
}

/// Replays this device's journal of the notebook at `notebook_path`, whose
/// file now holds `on_disk` (the notebook as loaded, and the file's
/// fingerprint), or nothing. `Ok(None)` when there is nothing the file
/// does not already have. See the module docs. Pure but for the case where
/// the edits must be kept beside the file ([`Replayed::kept_at`]).
pub fn replay(
    data_dir: &Path,
    notebook_path: &Path,
    on_disk: Option<(&Notebook, Fingerprint)>,
) -> Result<Option<Replayed>, PersistError> {
    let device = device_id(data_dir)?;
    let file = journal_path(data_dir, notebook_path, &device);
    let text = match fs::read(&file) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(PersistError::io("read", &file, e)),
    };
    let lines = parse_lines(&text);
    let disk_fp = on_disk.map(|(_, fp)| fp);
    // The newest start whose file still is as it was; else the base.
    let mut start: Option<(u64, Notebook, Option<PathBuf>)> = None;
    for line in lines.iter().rev() {
        let (rev, path, fp, whole) = match line {
            Line::Saving { rev, path, fp } => (*rev, path, Some(fp), None),
            Line::Base {
                rev,
                path,
                fp,
                notebook,
                ..
            } => (*rev, path, fp.as_ref(), notebook.as_deref()),
            Line::Do { .. } => continue,
        };
        let over_file = path == notebook_path;
        let now = if over_file {
            disk_fp
        } else {
            Fingerprint::read(path).ok().flatten()
        };
        let unchanged = now.map(|f| f.token()).as_ref() == fp;
        if let Some(whole) = whole {
            let aside = (!over_file || !unchanged).then(|| path.clone());
            start = Some((rev, whole.clone(), aside));
            break;
        }
        if !unchanged {
            continue;
        }
        let notebook = if over_file {
            on_disk.map(|(n, _)| n.clone())
        } else {
            load(path).ok().map(|l| l.notebook)
        };
        if let Some(notebook) = notebook {
            start = Some((rev, notebook, (!over_file).then(|| path.clone())));
            break;
        }
    }
    // With no start left (the file changed since), the edits are made on
    // the file as it is now, and kept beside it.
    let (from, base, aside) = start.unwrap_or_else(|| {
        let notebook = on_disk.map(|(n, _)| n.clone()).unwrap_or_default();
        (0, notebook, Some(PathBuf::new()))
    });
    let mut store = Store::new(base);
    let mut entries = 0;
    let mut last_edit = None;
    for line in lines {
        if let Line::Do { rev, actions, at } = line
            && rev > from
        {
            entries += 1;
            last_edit = Some(at);
            for action in actions {
                store.apply(action);
            }
        }
    }
    if entries == 0 && aside.is_none() {
        return Ok(None);
    }
    let mut notebook = store.notebook().clone();
    // Last changed when the edit was made, not when it was replayed: so a
    // second replay gives the very same notebook.
    if let Some(at) = last_edit {
        notebook.updated = at;
    }
    let Some(aside) = aside else {
        return Ok(Some(Replayed {
            notebook,
            entries,
            kept_at: None,
        }));
    };
    if entries == 0 {
        return Ok(None);
    }
    let copy = if aside.as_os_str().is_empty() || aside == notebook_path {
        unsaved_copy_path(notebook_path)
    } else {
        aside
    };
    save_with(&copy, &notebook, None, &super::SaveOptions::forced())?;
    let _ = fs::remove_file(&file);
    Ok(Some(Replayed {
        notebook,
        entries,
        kept_at: Some(copy),
    }))
}

/// The journal's lines up to the first that is not whole (a write torn by
/// a kill): that one and any after it are ignored.
fn parse_lines(bytes: &[u8]) -> Vec<Line> {
    let mut lines = Vec::new();
    for raw in bytes.split(|&b| b == b'\n') {
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Line>(raw) {
            Ok(line) => lines.push(line),
            Err(_) => break,
        }
    }
    // Entries without a base cannot be placed.
    if !matches!(lines.first(), Some(Line::Base { .. })) {
        lines.clear();
    }
    lines
}

/// `<id>.unsaved-<time>.json` beside the notebook's file: the name the app
/// gives the user's version when it cannot go in the file.
pub fn unsaved_copy_path(notebook_path: &Path) -> PathBuf {
    let stem = notebook_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
    notebook_path.with_file_name(format!("{stem}.unsaved-{stamp}.json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_torn_last_line_is_ignored() {
        let base = r#"{"t":"base","journal":1,"device":"d","rev":0,"path":"a.json","fp":null}"#;
        let entry =
            r#"{"t":"do","rev":1,"at":"2026-01-01T00:00:00Z","actions":[{"SetTitle":"x"}]}"#;
        let text = format!("{base}\n{entry}\n{}", &entry[..20]);
        let lines = parse_lines(text.as_bytes());
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn the_device_id_is_made_once() {
        let dir = tempfile::tempdir().unwrap();
        let first = device_id(dir.path()).unwrap();
        assert_eq!(first.len(), 32);
        assert_eq!(device_id(dir.path()).unwrap(), first);
        let other = tempfile::tempdir().unwrap();
        assert_ne!(device_id(other.path()).unwrap(), first);
    }
}
