//! One open notebook: its store, its file, and where its saves stand.
//!
//! A session knows which revision is on disk, which one the saver is writing,
//! which one failed and why, and whether its file changed under it. It is
//! the only way the app leaves a notebook: [`Session::leave`] says when the
//! user's edits are safe (saved in place, or kept beside the file as
//! `<id>.unsaved-<time>.json`) and refuses while they are not. Switching,
//! opening, "Load theirs" and closing all go through it, so none of them can
//! drop typing.
//!
//! Autosave: a save starts after [`AUTOSAVE_DELAY`] of quiet, and at the
//! latest [`AUTOSAVE_MAX_WAIT`] after the first edit not yet being saved,
//! so steady typing is saved too. Every edit is also logged at once to the
//! session's crash journal ([`persist::Journal`]), which a save compacts. A
//! save that failed (a full disk, a read-only folder) is tried again by
//! itself, ever less often ([`retry_after`]); during a conflict the user's
//! version is kept beside the file and kept current ([`ASIDE_EVERY`]).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::action::Action;
use crate::model::Notebook;
use crate::persist::{
    self, Fingerprint, Journal, JournalBase, PersistError, SaveOptions, SaveOutcome, Saver,
};
use crate::store::Store;
use crate::ui::header::SaveState;

/// How long after the last keystroke the notebook is saved.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(700);

/// The longest an edit waits for its save, however steady the typing: the
/// first edit not being saved starts a save this long after it was made.
pub const AUTOSAVE_MAX_WAIT: Duration = Duration::from_millis(800);

/// During a conflict, the copy of the user's version beside the file is
/// rewritten at most this often while they type.
pub const ASIDE_EVERY: Duration = Duration::from_secs(1);

/// The longest wait between two automatic retries of a failed save.
const RETRY_MAX: Duration = Duration::from_secs(30);

/// How long to wait before the `attempt`-th automatic retry of a failed
/// save: 1 s, 2 s, 4 s, … up to 30 s.
pub fn retry_after(attempt: u32) -> Duration {
    let doubled = 1u64
        .checked_shl(attempt.saturating_sub(1))
        .unwrap_or(u64::MAX);
    Duration::from_secs(doubled).min(RETRY_MAX)
}

/// When the save of edits is due: [`AUTOSAVE_DELAY`] after the last one, or
/// [`AUTOSAVE_MAX_WAIT`] after the first one not saved, whichever is first.
pub fn save_due(first_unsaved: Instant, last_edit: Instant) -> Instant {
    (last_edit + AUTOSAVE_DELAY).min(first_unsaved + AUTOSAVE_MAX_WAIT)
}

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
    /// That copy's fingerprint, so rewriting it never overwrites a change
    /// made to it by someone else.
    aside_fp: Option<Fingerprint>,
    /// Why the last copy beside the file could not be written.
    aside_failed: Option<(u64, String)>,
    last_edit: Instant,
    /// When the first edit not yet being saved was made.
    first_unsaved: Option<Instant>,
    /// When the copy beside the file was last asked for.
    aside_at: Option<Instant>,
    /// Failed saves in a row, and when to try again by itself.
    retries: u32,
    retry_at: Option<Instant>,
    /// Every edit, logged as it is made (once the app starts it).
    journal: Option<Journal>,
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
            aside_fp: None,
            aside_failed: None,
            // A new notebook is written at once, not after a pause.
            last_edit: Instant::now()
                .checked_sub(AUTOSAVE_DELAY)
                .unwrap_or_else(Instant::now),
            first_unsaved: None,
            aside_at: None,
            retries: 0,
            retry_at: None,
            journal: None,
        }
    }

    /// Starts logging every edit to the crash journal of this notebook in
    /// `data_dir` (replacing the one there: replay it first). Without a
    /// journal (it could not be started) edits are still saved as usual.
    pub fn start_journal(&mut self, data_dir: &Path) {
        self.end_journal();
        let base = JournalBase {
            revision: self.store.revision(),
            path: self.path.clone(),
            fingerprint: self.fingerprint,
            notebook: self
                .is_dirty()
                .then(|| Box::new(self.store.notebook().clone())),
        };
        match Journal::start(data_dir, &self.path, base) {
            Ok(journal) => self.journal = Some(journal),
            Err(e) => eprintln!("prepkit: no crash journal for this notebook: {e}"),
        }
    }

    /// Stops the journal, once everything sent to it is written.
    pub fn end_journal(&mut self) {
        self.journal = None;
    }

    /// Removes the journal: the edits are safe in a file, or the user chose
    /// to discard them.
    pub fn discard_journal(&mut self) {
        if let Some(journal) = self.journal.take() {
            journal.discard();
        }
    }

    /// The journal (tests wait for it).
    pub fn journal(&self) -> Option<&Journal> {
        self.journal.as_ref()
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
        let logged = self.journal.as_ref().map(|_| action.clone());
        let changed = self.store.apply(action);
        if changed {
            self.touched(logged.into_iter().collect());
        }
        changed
    }

    /// Undo; true if something was undone.
    pub fn undo(&mut self) -> bool {
        let Some(applied) = self.store.undo_applied() else {
            return false;
        };
        self.touched(applied);
        true
    }

    /// Redo; true if something was redone.
    pub fn redo(&mut self) -> bool {
        let Some(applied) = self.store.redo_applied() else {
            return false;
        };
        self.touched(applied);
        true
    }

    /// An edit was made with these actions: log them, and time the save.
    fn touched(&mut self, actions: Vec<Action>) {
        let now = Instant::now();
        self.last_edit = now;
        self.first_unsaved.get_or_insert(now);
        if let Some(journal) = &self.journal {
            journal.record(self.store.revision(), actions);
        }
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
        if let Some((revision, aside)) = self.aside_in_flight.clone()
            && outcome.path == aside
        {
            match &outcome.result {
                Ok(fp) => {
                    // The journal's edits start from the copy now.
                    self.rebase_journal(revision, aside.clone(), *fp);
                    self.kept_aside = Some((revision, aside));
                    self.aside_fp = Some(*fp);
                }
                Err(e) => {
                    self.aside_failed = Some((revision, e.to_string()));
                    // The next copy gets a name of its own.
                    self.kept_aside = None;
                    self.aside_fp = None;
                }
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
                self.retries = 0;
                self.retry_at = None;
                self.rebase_journal(outcome.revision, self.path.clone(), *fp);
            }
            Err(PersistError::ChangedOnDisk { .. }) => {
                self.failed = Some((outcome.revision, Failure::Conflict));
            }
            Err(e) => {
                self.failed = Some((outcome.revision, Failure::Error(e.to_string())));
                self.retries = self.retries.saturating_add(1);
                self.retry_at = Some(Instant::now() + retry_after(self.retries));
            }
        }
        true
    }

    /// A save of `revision` landed in `path`: the journal starts from it.
    fn rebase_journal(&self, revision: u64, path: PathBuf, fp: Fingerprint) {
        if let Some(journal) = &self.journal {
            journal.rebase(JournalBase {
                revision,
                path,
                fingerprint: Some(fp),
                notebook: None,
            });
        }
    }

    /// True when the last save failed for a reason other than a conflict
    /// (a full disk, a read-only folder): the edits are only in memory, the
    /// journal and a recovery copy.
    pub fn save_failed(&self) -> Option<&str> {
        match &self.failed {
            Some((_, Failure::Error(why))) => Some(why),
            _ => None,
        }
    }

    /// Another program damaged the file (cut it short) while we hold a
    /// version at least as new, and the damaged file was moved aside: the
    /// file is gone, and ours is written in its place at once (forced: a
    /// file another program put there meanwhile goes to the backups).
    pub fn file_damaged_and_moved(&mut self, saver: &Saver) {
        self.fingerprint = None;
        self.saved_revision = None;
        self.failed = None;
        self.start_save(saver, true);
    }

    /// Another program changed the file (seen by the watcher): with edits,
    /// the conflict shows now rather than at the next save. Returns true
    /// when the caller should read the file again ([`persist::reread`]):
    /// with no local edits to show it, and in any case to find out whether
    /// it was damaged (then ours goes back in its place). Our own writes
    /// (the fingerprint we hold) are not changes.
    pub fn changed_on_disk(&mut self, now_on_disk: Option<Fingerprint>) -> bool {
        if now_on_disk.is_none() || now_on_disk == self.fingerprint || self.in_flight.is_some() {
            return false;
        }
        if self.is_dirty() {
            self.failed = Some((self.store.revision(), Failure::Conflict));
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
        saver.save_marked(
            self.path.clone(),
            self.store.notebook().clone(),
            revision,
            self.fingerprint,
            options,
            self.journal.as_ref().and_then(Journal::marker),
        );
        self.in_flight = Some(revision);
        self.failed = None;
        self.first_unsaved = None;
        self.retry_at = None;
    }

    /// Starts the autosave when the user paused long enough, or typed long
    /// enough without a pause; retries a failed save when its time came;
    /// during a conflict, keeps the copy beside the file current. `now`:
    /// save at once. Returns when to look again, if something is due later.
    pub fn autosave(&mut self, saver: &Saver, now: bool) -> Option<Duration> {
        self.autosave_at(saver, now, Instant::now())
    }

    /// [`Session::autosave`] at the time `at` (tests pass their own clock).
    pub fn autosave_at(&mut self, saver: &Saver, now: bool, at: Instant) -> Option<Duration> {
        if !self.is_dirty() || self.in_flight.is_some() {
            return None;
        }
        match &self.failed {
            None => {}
            Some((_, Failure::Conflict)) => return self.keep_aside_current(saver, at),
            Some((_, Failure::Error(_))) => {
                let due = self.retry_at.unwrap_or(at);
                if at < due && !now {
                    return Some(due - at);
                }
                self.start_save(saver, false);
                return None;
            }
        }
        let first = self.first_unsaved.unwrap_or(self.last_edit);
        let due = save_due(first, self.last_edit);
        if at >= due || now {
            self.start_save(saver, false);
            None
        } else {
            Some(due - at)
        }
    }

    /// During a conflict: writes the user's version beside the file (the
    /// same copy each time), at most every [`ASIDE_EVERY`].
    fn keep_aside_current(&mut self, saver: &Saver, at: Instant) -> Option<Duration> {
        let revision = self.store.revision();
        if self.aside_in_flight.is_some()
            || self
                .kept_aside
                .as_ref()
                .is_some_and(|(r, _)| *r == revision)
            || self
                .aside_failed
                .as_ref()
                .is_some_and(|(r, _)| *r == revision)
        {
            return None;
        }
        if let Some(last) = self.aside_at
            && at < last + ASIDE_EVERY
        {
            return Some(last + ASIDE_EVERY - at);
        }
        self.aside_at = Some(at);
        self.keep_aside(saver);
        None
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

    /// True when leaving would lose nothing now: every edit is in the file
    /// or in a copy of the current revision (saved elsewhere, kept beside).
    pub fn leave_ready(&self) -> bool {
        let revision = self.store.revision();
        !self.is_busy()
            && (!self.is_dirty()
                || self
                    .kept_aside
                    .as_ref()
                    .is_some_and(|(r, _)| *r == revision))
    }

    /// Writes the current revision to `path`, a file the user chose ("Save
    /// elsewhere…" when the notebook's own file cannot take it), through
    /// the saver; [`Session::leave`] then counts it as kept.
    pub fn keep_at(&mut self, saver: &Saver, path: PathBuf) {
        let revision = self.store.revision();
        saver.save_with(
            path.clone(),
            self.store.notebook().clone(),
            revision,
            None,
            SaveOptions::forced(),
        );
        self.kept_aside = None;
        self.aside_fp = None;
        self.aside_in_flight = Some((revision, path));
    }

    /// Writes the current revision beside the file, as
    /// `<id>.unsaved-<time>.json`, through the saver.
    fn keep_aside(&mut self, saver: &Saver) {
        let copy = self.aside_path();
        let revision = self.store.revision();
        let expected = self
            .kept_aside
            .as_ref()
            .filter(|(_, kept)| *kept == copy)
            .and(self.aside_fp);
        saver.save_marked(
            copy.clone(),
            self.store.notebook().clone(),
            revision,
            expected,
            SaveOptions::default(),
            self.journal.as_ref().and_then(Journal::marker),
        );
        self.aside_in_flight = Some((revision, copy));
    }

    /// `<id>.unsaved-<time>.json` beside the notebook's file: the copy kept
    /// before, if any (it is kept current), else a new one.
    fn aside_path(&self) -> PathBuf {
        match &self.kept_aside {
            Some((_, copy)) => copy.clone(),
            None => persist::unsaved_copy_path(&self.path),
        }
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
    fn steady_typing_is_saved_within_the_maximum_wait() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("acme.json");
        let saver = Saver::spawn(|| {}).unwrap();
        let mut session = Session::new(Notebook::default(), path.clone(), None);
        assert_eq!(
            session.leave_blocking(&saver, Duration::from_secs(10)),
            Flush::Saved
        );
        // A key every 200 ms, never a pause of 700 ms.
        let start = Instant::now();
        let mut text = String::new();
        let mut saved_at = None;
        for key in 0..20u32 {
            let at = start + Duration::from_millis(200) * key;
            text.push('k');
            session.apply(Action::SetTitle(text.clone()));
            // The clock of this test, not the machine's.
            session.last_edit = at;
            if key == 0 {
                session.first_unsaved = Some(at);
            }
            session.autosave_at(&saver, false, at);
            if session.in_flight.is_some() {
                saved_at = Some(at - start);
                break;
            }
        }
        let saved_at = saved_at.expect("steady typing was never saved");
        assert!(saved_at <= Duration::from_secs(1), "{saved_at:?}");
        assert!(saver.flush(Duration::from_secs(10)));
        assert_eq!(saved_title(&path), "kkkkk");
    }

    #[test]
    fn a_failed_save_is_retried_later_and_later() {
        assert_eq!(retry_after(1), Duration::from_secs(1));
        assert_eq!(retry_after(2), Duration::from_secs(2));
        assert_eq!(retry_after(4), Duration::from_secs(8));
        assert_eq!(retry_after(40), Duration::from_secs(30));
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
