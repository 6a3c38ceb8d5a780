//! One open notebook: its store, its file, and where its saves stand.
//!
//! A session knows which revision is on disk, which one the saver is writing,
//! which one failed and why, and whether its file changed under it. It is
//! the only way the app leaves a notebook: [`Session::leave`] says when the
//! user's edits are safe (saved in place, or kept beside the file as
//! `<id>.unsaved-<time>.json`) and refuses while they are not. Switching,
//! opening, "Load theirs" and closing all go through it, so none of them can
//! drop typing.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::action::Action;
use crate::model::Notebook;
use crate::persist::{self, Fingerprint, PersistError, SaveOptions, SaveOutcome, Saver};
use crate::store::Store;
use crate::ui::header::SaveState;

/// How long after the last keystroke the notebook is saved.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(700);

/// What happened to the user's edits when a session was left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flush {
    /// Everything is in the notebook's file.
    Saved,
    /// The file could not take them (changed on disk, or the save failed):
    /// they were written beside it, here.
    KeptAside(PathBuf),
    /// Neither worked: the edits are only in memory. The message says why.
    Failed(String),
}

/// Whether a session can be left now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Leave {
    /// Yes: this is where the edits are.
    Ready(Flush),
    /// A save is being written; ask again when the saver reports.
    Waiting,
}

/// The open notebook and the state of its file. See the module docs.
pub struct Session {
    store: Store,
    path: PathBuf,
    /// The file as we last read or wrote it; `None` before the first write.
    fingerprint: Option<Fingerprint>,
    /// The revision on disk; `None` when nothing of this session is.
    saved_revision: Option<u64>,
    /// The revision the saver is writing to `path`.
    in_flight: Option<u64>,
    /// The revision whose save failed, and how.
    failed: Option<(u64, Failure)>,
    /// The copy beside the file being written: revision and path.
    aside_in_flight: Option<(u64, PathBuf)>,
    /// The last revision kept beside the file, and where.
    kept_aside: Option<(u64, PathBuf)>,
    /// Why the last copy beside the file could not be written.
    aside_failed: Option<(u64, String)>,
    last_edit: Instant,
}

/// Why a save failed.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Failure {
    /// Another program changed the file since we read it.
    Conflict,
    /// The disk said no; the message carries the cause.
    Error(String),
}

impl Session {
    /// A session for a notebook read from `path` (with that file's
    /// fingerprint), or a new one not on disk yet (`fingerprint` `None`),
    /// which is written at the first autosave.
    pub fn new(notebook: Notebook, path: PathBuf, fingerprint: Option<Fingerprint>) -> Self {
        let store = Store::new(notebook);
        let saved_revision = fingerprint.map(|_| store.revision());
        Self {
            store,
            path,
            fingerprint,
            saved_revision,
            in_flight: None,
            failed: None,
            aside_in_flight: None,
            kept_aside: None,
            aside_failed: None,
            // A new notebook is written at once, not after a pause.
            last_edit: Instant::now()
                .checked_sub(AUTOSAVE_DELAY)
                .unwrap_or_else(Instant::now),
        }
    }

    /// A session whose notebook differs from the file at `path` (a
    /// recovered copy, a merged re-import): it is saved over that file.
    pub fn unsaved(notebook: Notebook, path: PathBuf, fingerprint: Option<Fingerprint>) -> Self {
        let mut session = Self::new(notebook, path, fingerprint);
        session.saved_revision = None;
        session
    }

    /// The notebook.
    pub fn notebook(&self) -> &Notebook {
        self.store.notebook()
    }

    /// The store (undo, redo, revision).
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Where the notebook is saved.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file as last read or written.
    pub fn fingerprint(&self) -> Option<Fingerprint> {
        self.fingerprint
    }

    /// Applies an action; true if the notebook changed.
    pub fn apply(&mut self, action: Action) -> bool {
        let changed = self.store.apply(action);
        if changed {
            self.touched();
        }
        changed
    }

    /// Undo; true if something was undone.
    pub fn undo(&mut self) -> bool {
        let done = self.store.undo();
        if done {
            self.touched();
        }
        done
    }

    /// Redo; true if something was redone.
    pub fn redo(&mut self) -> bool {
        let done = self.store.redo();
        if done {
            self.touched();
        }
        done
    }

    fn touched(&mut self) {
        self.last_edit = Instant::now();
    }

    /// The store's revision: changes with every edit, undo and redo.
    pub fn revision(&self) -> u64 {
        self.store.revision()
    }

    /// True while some edit is not in the notebook's file.
    pub fn is_dirty(&self) -> bool {
        self.saved_revision != Some(self.store.revision())
    }

    /// True while the saver is writing something of this session.
    pub fn is_busy(&self) -> bool {
        self.in_flight.is_some() || self.aside_in_flight.is_some()
    }

    /// True when the file changed on disk and the user has not chosen yet.
    pub fn has_conflict(&self) -> bool {
        matches!(self.failed, Some((_, Failure::Conflict)))
    }

    /// What the header shows.
    pub fn save_state(&self) -> SaveState {
        match &self.failed {
            Some((_, Failure::Conflict)) => SaveState::Conflict,
            Some((_, Failure::Error(e))) => SaveState::Failed(e.clone()),
            None if self.is_dirty() || self.in_flight.is_some() => SaveState::Saving,
            None => SaveState::Saved,
        }
    }

    /// Takes the saver's outcomes that concern this session.
    pub fn take_outcome(&mut self, outcome: &SaveOutcome) -> bool {
        if let Some((revision, aside)) = &self.aside_in_flight
            && outcome.path == *aside
        {
            match &outcome.result {
                Ok(_) => self.kept_aside = Some((*revision, aside.clone())),
                Err(e) => self.aside_failed = Some((*revision, e.to_string())),
            }
            self.aside_in_flight = None;
            return true;
        }
        if outcome.path != self.path {
            return false;
        }
        if self.in_flight == Some(outcome.revision) {
            self.in_flight = None;
        }
        match &outcome.result {
            Ok(fp) => {
                self.fingerprint = Some(*fp);
                self.saved_revision = Some(outcome.revision);
                self.failed = None;
            }
            Err(PersistError::ChangedOnDisk { .. }) => {
                self.failed = Some((outcome.revision, Failure::Conflict));
            }
            Err(e) => self.failed = Some((outcome.revision, Failure::Error(e.to_string()))),
        }
        true
    }

    /// Another program changed the file (seen by the watcher): with no
    /// local edits the caller reloads it; with edits, the conflict shows now
    /// rather than at the next save. Returns true when the caller should
    /// reload. Our own writes (the fingerprint we hold) are not changes.
    pub fn changed_on_disk(&mut self, now_on_disk: Option<Fingerprint>) -> bool {
        if now_on_disk.is_none() || now_on_disk == self.fingerprint || self.in_flight.is_some() {
            return false;
        }
        if self.is_dirty() {
            self.failed = Some((self.store.revision(), Failure::Conflict));
            return false;
        }
        true
    }

    /// Queues a save of the current revision (`force`: over a file changed
    /// on disk, whose version then goes to the backups).
    pub fn start_save(&mut self, saver: &Saver, force: bool) {
        let revision = self.store.revision();
        let options = if force {
            SaveOptions::forced()
        } else {
            SaveOptions::default()
        };
        saver.save_with(
            self.path.clone(),
            self.store.notebook().clone(),
            revision,
            self.fingerprint,
            options,
        );
        self.in_flight = Some(revision);
        self.failed = None;
    }

    /// Starts the autosave when the user paused long enough. Returns when
    /// to look again, if a save is due later.
    pub fn autosave(&mut self, saver: &Saver, now: bool) -> Option<Duration> {
        if !self.is_dirty() || self.in_flight.is_some() || self.failed.is_some() {
            return None;
        }
        let waited = self.last_edit.elapsed();
        if waited >= AUTOSAVE_DELAY || now {
            self.start_save(saver, false);
            None
        } else {
            Some(AUTOSAVE_DELAY.saturating_sub(waited))
        }
    }

    /// Whether the session can be left without losing an edit, doing what it
    /// takes without blocking: starts the save of the newest revision, or,
    /// when the file cannot take it (changed on disk, save failed), writes
    /// the notebook beside it. Call again after the saver reports while it
    /// answers [`Leave::Waiting`].
    pub fn leave(&mut self, saver: &Saver) -> Leave {
        if self.is_busy() {
            return Leave::Waiting;
        }
        if !self.is_dirty() {
            return Leave::Ready(Flush::Saved);
        }
        let revision = self.store.revision();
        if let Some((kept, path)) = &self.kept_aside
            && *kept == revision
        {
            return Leave::Ready(Flush::KeptAside(path.clone()));
        }
        if let Some((failed, why)) = &self.aside_failed
            && *failed == revision
        {
            return Leave::Ready(Flush::Failed(why.clone()));
        }
        if self.failed.is_none() {
            self.start_save(saver, false);
        } else {
            self.keep_aside(saver);
        }
        Leave::Waiting
    }

    /// Writes the current revision beside the file, as
    /// `<id>.unsaved-<time>.json`, through the saver.
    fn keep_aside(&mut self, saver: &Saver) {
        let copy = self.aside_path();
        let revision = self.store.revision();
        saver.save_with(
            copy.clone(),
            self.store.notebook().clone(),
            revision,
            None,
            SaveOptions::default(),
        );
        self.aside_in_flight = Some((revision, copy));
    }

    /// `<id>.unsaved-<time>.json` beside the notebook's file.
    fn aside_path(&self) -> PathBuf {
        let stem = self
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
        self.path
            .with_file_name(format!("{stem}.unsaved-{stamp}.json"))
    }

    /// Leaves the session, waiting at most `timeout` for the disk: for
    /// closing the window, when there is no later frame to wait in.
    pub fn leave_blocking(&mut self, saver: &Saver, timeout: Duration) -> Flush {
        let deadline = Instant::now() + timeout;
        loop {
            match self.leave(saver) {
                Leave::Ready(flush) => return flush,
                Leave::Waiting => {
                    let left = deadline.saturating_duration_since(Instant::now());
                    let finished = saver.flush(left);
                    for outcome in saver.poll() {
                        self.take_outcome(&outcome);
                    }
                    if !finished {
                        return Flush::Failed(format!(
                            "the disk did not answer within {} s",
                            timeout.as_secs()
                        ));
                    }
                }
            }
        }
    }

    /// Keeps the current revision beside the file now (for a crash report
    /// or a last resort), bypassing the saver: only when the saver thread
    /// is gone.
    pub fn keep_aside_now(&self) -> Result<PathBuf, PersistError> {
        let copy = self.aside_path();
        persist::save(&copy, self.store.notebook(), None).map(|_| copy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved_title(path: &Path) -> String {
        persist::load(path).unwrap().notebook.title
    }

    #[test]
    fn leaving_while_an_older_save_runs_writes_the_newest_revision() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("acme.json");
        let saver = Saver::spawn(|| {}).unwrap();
        let mut session = Session::new(Notebook::default(), path.clone(), None);
        session.apply(Action::SetTitle("first".into()));
        session.start_save(&saver, false);
        // Typing goes on while that save is in flight, then the user leaves.
        session.apply(Action::SetTitle("newest".into()));
        assert_eq!(
            session.leave_blocking(&saver, Duration::from_secs(10)),
            Flush::Saved
        );
        assert_eq!(saved_title(&path), "newest");
    }

    #[test]
    fn leaving_a_conflict_keeps_ours_beside_theirs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("acme.json");
        let saver = Saver::spawn(|| {}).unwrap();
        let mut session = Session::new(Notebook::default(), path.clone(), None);
        assert_eq!(
            session.leave_blocking(&saver, Duration::from_secs(10)),
            Flush::Saved
        );
        let theirs = Notebook {
            title: "theirs".into(),
            ..Notebook::default()
        };
        // Another program writes the file.
        persist::save_with(&path, &theirs, None, &SaveOptions::forced()).unwrap();
        session.apply(Action::SetTitle("ours".into()));
        let Flush::KeptAside(copy) = session.leave_blocking(&saver, Duration::from_secs(10)) else {
            panic!("ours was not kept");
        };
        assert_eq!(saved_title(&path), "theirs");
        assert_eq!(saved_title(&copy), "ours");
    }
}
