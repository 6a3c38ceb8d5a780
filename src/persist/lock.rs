//! One writer at a time per notebook, across threads and processes.
//!
//! A save reads the file, checks it, backs it up, writes it and prunes old
//! backups; two saves interleaving those steps (two `prepkit import`s, the
//! app and the CLI) used to prune each other's backups. Each save holds the
//! notebook's lock, a file `.locks/<name>.lock` in its folder locked with
//! the operating system's advisory file lock, which is released when the
//! process ends, however it ends. A caller that reads, merges and saves
//! holds [`NotebookLock`] across all three.
//!
//! The lock is re-entrant on one thread: a save made while the same thread
//! holds the lock does not wait for itself.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::{self, File, TryLockError};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::PersistError;
use super::atomic::parent;

/// The folder, beside the notebooks, that holds their lock files.
const LOCKS_DIR: &str = ".locks";

/// How long [`NotebookLock::acquire`] waits for another writer.
const LOCK_WAIT: Duration = Duration::from_secs(30);

/// The longest pause between two tries to take the lock.
const MAX_RETRY_PAUSE: Duration = Duration::from_millis(20);

thread_local! {
    /// The lock files this thread holds, and how many guards share each.
    static HELD: RefCell<HashMap<PathBuf, usize>> = RefCell::new(HashMap::new());
}

/// The lock of one notebook, held until dropped. See the module docs.
#[derive(Debug)]
#[must_use = "the lock is released when this is dropped"]
pub struct NotebookLock {
    /// The lock file.
    lock_path: PathBuf,
    /// The locked file, or `None` when an outer guard on this thread holds it
    /// (or the file system cannot lock).
    file: Option<File>,
    /// Counted per thread, so the guard stays on its thread.
    not_send: PhantomData<*const ()>,
}

impl NotebookLock {
    /// Takes the lock of the notebook at `notebook_path`, waiting (up to 30
    /// seconds) while another thread or process holds it. Creates the
    /// notebook's folder if needed.
    ///
    /// On a file system that cannot lock files the guard locks nothing, as
    /// before locks existed.
    pub fn acquire(notebook_path: &Path) -> Result<Self, PersistError> {
        let lock_path = lock_path(notebook_path);
        if let Some(nested) = Self::nested(&lock_path) {
            return Ok(nested);
        }
        let dir = parent(&lock_path);
        if !dir.is_dir() {
            fs::create_dir_all(dir).map_err(|e| PersistError::io("create the folder", dir, e))?;
            return Self::acquire(notebook_path);
        }
        let file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path)
            .map_err(|e| PersistError::io("open the lock file", &lock_path, e))?;
        let deadline = Instant::now() + LOCK_WAIT;
        let mut pause = Duration::from_millis(1);
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(MAX_RETRY_PAUSE);
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(PersistError::Locked {
                        path: notebook_path.to_path_buf(),
                        lock: lock_path,
                    });
                }
                Err(TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
                    return Ok(Self::hold(lock_path, None));
                }
                Err(TryLockError::Error(e)) => {
                    return Err(PersistError::io("lock", &lock_path, e));
                }
            }
        }
        Ok(Self::hold(lock_path, Some(file)))
    }

    /// Like [`NotebookLock::acquire`], but `None` instead of creating the
    /// folder or when the lock file cannot be made (a read-only folder):
    /// for loading, which must work where nothing can be written.
    pub(crate) fn for_reading(notebook_path: &Path) -> Option<Self> {
        if !parent(notebook_path).is_dir() {
            return None;
        }
        Self::acquire(notebook_path).ok()
    }

    /// A second guard for a lock this thread already holds.
    fn nested(lock_path: &Path) -> Option<Self> {
        HELD.with_borrow_mut(|held| {
            let count = held.get_mut(lock_path)?;
            *count += 1;
            Some(Self {
                lock_path: lock_path.to_path_buf(),
                file: None,
                not_send: PhantomData,
            })
        })
    }

    /// Records the lock as held by this thread.
    fn hold(lock_path: PathBuf, file: Option<File>) -> Self {
        HELD.with_borrow_mut(|held| held.insert(lock_path.clone(), 1));
        Self {
            lock_path,
            file,
            not_send: PhantomData,
        }
    }
}

impl Drop for NotebookLock {
    /// Releases the lock when the last guard of this thread goes. The lock
    /// file stays: removing it could let two writers lock two different
    /// files of the same name.
    fn drop(&mut self) {
        // `try_with`: the thread's registry may be gone while the thread ends.
        let _ = HELD.try_with(|held| {
            let mut held = held.borrow_mut();
            if let Some(count) = held.get_mut(&self.lock_path) {
                *count = count.saturating_sub(1);
                if *count == 0 {
                    held.remove(&self.lock_path);
                }
            }
        });
        if let Some(file) = self.file.take() {
            let _ = file.unlock();
        }
    }
}

/// `.locks/<name>.lock` in the notebook's folder: hidden, and out of the way
/// of anything that looks for files named after the notebook. The folder is
/// spelled canonically when it exists, so two spellings of one notebook's
/// path (relative and absolute) are one lock, and a thread holding it does
/// not wait for itself.
fn lock_path(notebook_path: &Path) -> PathBuf {
    let name = notebook_path
        .file_name()
        .map_or_else(|| "notebook".into(), |n| n.to_string_lossy());
    let dir = parent(notebook_path);
    let dir = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    dir.join(LOCKS_DIR).join(format!("{name}.lock"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_thread_waits_and_the_same_thread_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        let outer = NotebookLock::acquire(&path).unwrap();
        // Re-entrant on this thread: this would wait 30 s otherwise.
        let inner = NotebookLock::acquire(&path).unwrap();
        drop(inner);
        let (tx, rx) = std::sync::mpsc::channel();
        let other = {
            let path = path.clone();
            std::thread::spawn(move || {
                let _lock = NotebookLock::acquire(&path).unwrap();
                tx.send(()).unwrap();
            })
        };
        assert!(
            rx.recv_timeout(Duration::from_millis(300)).is_err(),
            "another thread took a held lock"
        );
        drop(outer);
        rx.recv_timeout(Duration::from_secs(10)).unwrap();
        other.join().unwrap();
    }
}
