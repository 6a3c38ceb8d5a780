//! The app's disk work, off the UI thread: reading notebooks and briefs,
//! listing the notebooks folder, writing settings, checking a watched file.
//!
//! One named thread (`prepkit-io`) runs jobs in the order they were asked
//! for and sends each result back as a [`Background`] message, waking the UI.
//! Notebook saves have their own thread ([`crate::persist::Saver`]).

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};

use super::{Background, Settings};
use crate::persist;

type Job = Box<dyn FnOnce() -> Option<Background> + Send>;

/// Runs disk jobs on the `prepkit-io` thread. See the module docs.
pub struct Io {
    jobs: Option<Sender<Job>>,
    results: Sender<Background>,
    pending: Arc<AtomicUsize>,
    /// The newest settings not written yet: a burst of changes (zooming)
    /// is one write.
    settings: Arc<Mutex<Option<Settings>>>,
    data_dir: PathBuf,
}

impl Io {
    /// Starts the thread; results go to `results`, then `wake` is called.
    pub fn spawn(
        data_dir: PathBuf,
        results: Sender<Background>,
        wake: impl Fn() + Send + 'static,
    ) -> Self {
        let (tx, rx) = channel::<Job>();
        let pending = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&pending);
        let to_ui = results.clone();
        let spawned = std::thread::Builder::new()
            .name("prepkit-io".into())
            .spawn(move || {
                for job in rx {
                    let result = job();
                    if let Some(message) = result {
                        let _ = results.send(message);
                    }
                    counter.fetch_sub(1, Ordering::SeqCst);
                    wake();
                }
            });
        Self {
            jobs: spawned.ok().map(|_| tx),
            results: to_ui,
            pending,
            settings: Arc::default(),
            data_dir,
        }
    }

    /// Runs `job` on the I/O thread; its result comes back as a message.
    /// Without the thread (it could not be started), runs it here: slower,
    /// but nothing is lost.
    pub fn run(&self, job: impl FnOnce() -> Option<Background> + Send + 'static) {
        self.pending.fetch_add(1, Ordering::SeqCst);
        let job: Job = Box::new(job);
        let job = match &self.jobs {
            Some(tx) => match tx.send(job) {
                Ok(()) => return,
                Err(failed) => failed.0,
            },
            None => job,
        };
        self.pending.fetch_sub(1, Ordering::SeqCst);
        if let Some(message) = job() {
            let _ = self.results.send(message);
        }
    }

    /// True while jobs are queued or running.
    pub fn is_busy(&self) -> bool {
        self.pending.load(Ordering::SeqCst) > 0
    }

    /// Writes the settings soon; a newer call before the write replaces them.
    pub fn save_settings(&self, settings: &Settings) {
        let first = self
            .settings
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .replace(settings.clone())
            .is_none();
        if !first {
            return;
        }
        let slot = Arc::clone(&self.settings);
        let data_dir = self.data_dir.clone();
        self.run(move || {
            let latest = slot.lock().unwrap_or_else(PoisonError::into_inner).take()?;
            persist::save_settings_in(&data_dir, super::settings::NAME, &latest)
                .err()
                .map(|e| Background::Failed(e.to_string()))
        });
    }
}
