//! The background saver: the GUI hands it notebook snapshots, a named thread
//! serializes and writes them, the GUI polls the outcomes.
//!
//! The UI thread never touches the disk. When several saves of one file queue
//! up, only the latest is written. The saver also knows which fingerprints it
//! wrote itself, so a request made before the UI saw the outcome of the
//! previous save is not mistaken for a conflict with another program.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::journal::SaveMarker;
use super::notebook::{SaveOptions, save_marked};
use super::{Fingerprint, PersistError};
use crate::model::Notebook;

/// The saver thread's name, as shown by debuggers and profilers.
const THREAD_NAME: &str = "prepkit-saver";

/// How long dropping a [`Saver`] waits for queued saves.
const DROP_FLUSH: Duration = Duration::from_secs(10);

/// How many of its own fingerprints the saver remembers per file.
const LINEAGE_LEN: usize = 64;

/// The result of one background save.
#[derive(Debug)]
pub struct SaveOutcome {
    /// The file.
    pub path: PathBuf,
    /// The revision that was saved (the latest requested for this file).
    pub revision: u64,
    /// The new fingerprint, or why nothing was written.
    pub result: Result<Fingerprint, PersistError>,
}

/// One queued save.
struct Request {
    path: PathBuf,
    notebook: Notebook,
    revision: u64,
    expected: Option<Fingerprint>,
    options: SaveOptions,
    marker: Option<SaveMarker>,
}

/// What the UI thread and the saver thread share.
#[derive(Default)]
struct State {
    queue: Vec<Request>,
    busy: bool,
    outcomes: Vec<SaveOutcome>,
    stop: bool,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

impl Shared {
    /// Locks the state; a panic elsewhere while holding the lock leaves it
    /// usable, since every update keeps it consistent.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Saves notebooks on a background thread. See the module docs.
pub struct Saver {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts the `prepkit-saver` thread; it calls `wake` after every save so
    /// the UI can repaint and [`Saver::poll`].
    pub fn spawn(wake: impl Fn() + Send + 'static) -> Result<Self, PersistError> {
        let shared = Arc::new(Shared::default());
        let worker = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name(THREAD_NAME.into())
            .spawn(move || run(&worker, &wake))
            .map_err(|cause| PersistError::Io {
                action: "start the background saver for",
                path: PathBuf::from("notebooks"),
                cause,
            })?;
        Ok(Self {
            shared,
            thread: Some(thread),
        })
    }

    /// Queues a save of `notebook` (a snapshot) to `path` with the default
    /// [`SaveOptions`]; `expected` is the last fingerprint the caller knows.
    pub fn save(
        &self,
        path: PathBuf,
        notebook: Notebook,
        revision: u64,
        expected: Option<Fingerprint>,
    ) {
        self.save_with(path, notebook, revision, expected, SaveOptions::default());
    }

    /// Queues a save with the given options. A save of the same file still
    /// waiting in the queue is replaced (keeping its `force`).
    pub fn save_with(
        &self,
        path: PathBuf,
        notebook: Notebook,
        revision: u64,
        expected: Option<Fingerprint>,
        options: SaveOptions,
    ) {
        self.save_marked(path, notebook, revision, expected, options, None);
    }

    /// [`Saver::save_with`], writing a `saving` line to the crash journal
    /// through `marker` just before the file is replaced.
    pub fn save_marked(
        &self,
        path: PathBuf,
        notebook: Notebook,
        revision: u64,
        expected: Option<Fingerprint>,
        options: SaveOptions,
        marker: Option<SaveMarker>,
    ) {
        let mut request = Request {
            path,
            notebook,
            revision,
            expected,
            options,
            marker,
        };
        let mut state = self.shared.lock();
        if self.thread.as_ref().is_none_or(JoinHandle::is_finished) {
            let path = request.path.clone();
            state.outcomes.push(SaveOutcome {
                revision,
                result: Err(PersistError::SaverStopped { path: path.clone() }),
                path,
            });
            return;
        }
        if let Some(queued) = state.queue.iter_mut().find(|r| r.path == request.path) {
            request.options.force |= queued.options.force;
            *queued = request;
        } else {
            state.queue.push(request);
        }
        drop(state);
        self.shared.changed.notify_all();
    }

    /// The outcomes of the saves finished since the last poll. Never blocks
    /// on the disk.
    pub fn poll(&self) -> Vec<SaveOutcome> {
        std::mem::take(&mut self.shared.lock().outcomes)
    }

    /// True when no save is queued or running.
    pub fn is_idle(&self) -> bool {
        let state = self.shared.lock();
        state.queue.is_empty() && !state.busy
    }

    /// Waits until every queued save is done, at most `timeout` (for closing
    /// the app). Returns false if saves were still pending at the deadline.
    pub fn flush(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut state = self.shared.lock();
        while !state.queue.is_empty() || state.busy {
            if self.thread.as_ref().is_none_or(JoinHandle::is_finished) {
                return false;
            }
            let Some(left) = deadline.checked_duration_since(Instant::now()) else {
                return false;
            };
            state = self
                .shared
                .changed
                .wait_timeout(state, left)
                .map_or_else(|e| e.into_inner().0, |(guard, _)| guard);
        }
        true
    }
}

impl Drop for Saver {
    /// Finishes the queued saves (waiting at most a few seconds), then stops
    /// the thread.
    fn drop(&mut self) {
        let finished = self.flush(DROP_FLUSH);
        self.shared.lock().stop = true;
        self.shared.changed.notify_all();
        if finished && let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The saver thread: takes requests one by one until told to stop.
fn run(shared: &Shared, wake: &dyn Fn()) {
    // Per file, the fingerprints this thread wrote, oldest first, starting
    // with the one the first save expected.
    let mut lineage: HashMap<PathBuf, Vec<Option<Fingerprint>>> = HashMap::new();
    loop {
        let request = {
            let mut state = shared.lock();
            loop {
                if !state.queue.is_empty() {
                    state.busy = true;
                    break state.queue.remove(0);
                }
                if state.stop {
                    return;
                }
                state = shared
                    .changed
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
            }
        };
        let outcome = save_one(request, &mut lineage);
        shared.lock().outcomes.push(outcome);
        // Still busy while waking, so a flush returns only after the UI was
        // told: the outcome is there to poll once `flush` or `wake` returns.
        wake();
        shared.lock().busy = false;
        shared.changed.notify_all();
    }
}

/// Saves one request. If the caller's `expected` is a fingerprint this thread
/// already replaced with its own write, the caller simply has not seen that
/// outcome yet: the save then expects the latest fingerprint written here.
fn save_one(
    request: Request,
    lineage: &mut HashMap<PathBuf, Vec<Option<Fingerprint>>>,
) -> SaveOutcome {
    let known = lineage
        .get(&request.path)
        .filter(|chain| chain.contains(&request.expected));
    let expected = match known.and_then(|chain| chain.last()) {
        Some(latest) => *latest,
        None => request.expected,
    };
    let mark = |fp: Fingerprint| {
        if let Some(marker) = &request.marker {
            marker.saving(request.revision, &request.path, fp);
        }
    };
    let result = save_marked(
        &request.path,
        &request.notebook,
        expected.as_ref(),
        &request.options,
        &mark,
    );
    if let Ok(written) = &result {
        let chain = lineage.entry(request.path.clone()).or_default();
        if !chain.contains(&request.expected) {
            chain.clear();
            chain.push(request.expected);
        }
        chain.push(Some(*written));
        if chain.len() > LINEAGE_LEN {
            chain.remove(0);
        }
    }
    SaveOutcome {
        path: request.path,
        revision: request.revision,
        result,
    }
}
