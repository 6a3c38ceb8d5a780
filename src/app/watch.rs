//! Watching the open notebook's file for changes made by other programs (a
//! sync service, a second window, an editor).
//!
//! The folder is watched, not the file: saves replace the file by renaming a
//! new one over it, which ends a watch on the old file. On the watcher's own
//! thread each event about the file reads its fingerprint and sends it as
//! [`Background::DiskChanged`]; the session tells our own writes from others'
//! by the fingerprint it holds.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, PoisonError};

use notify::{RecursiveMode, Watcher as _};

use super::Background;
use crate::persist::Fingerprint;

/// Watches one notebook file at a time. See the module docs.
pub struct Watch {
    watcher: Option<notify::RecommendedWatcher>,
    file: Arc<Mutex<PathBuf>>,
    folder: Option<PathBuf>,
}

impl Watch {
    /// A watch that reports to `results` and calls `wake`. Without a
    /// watcher (the system refused one), outside changes still show at the
    /// next save, as a conflict.
    pub fn new(results: Sender<Background>, wake: impl Fn() + Send + 'static) -> Self {
        let file = Arc::new(Mutex::new(PathBuf::new()));
        let shared = Arc::clone(&file);
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else {
                return;
            };
            if event.kind.is_access() {
                return;
            }
            let file = shared
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone();
            if !event.paths.contains(&file) {
                return;
            }
            let now = Fingerprint::read(&file).ok().flatten();
            if results.send(Background::DiskChanged(file, now)).is_ok() {
                wake();
            }
        })
        .ok();
        Self {
            watcher,
            file,
            folder: None,
        }
    }

    /// Watches `file` from now on (and no longer the one before).
    pub fn follow(&mut self, file: &Path) {
        let Some(watcher) = self.watcher.as_mut() else {
            return;
        };
        let folder = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        *self.file.lock().unwrap_or_else(PoisonError::into_inner) = file.to_path_buf();
        if self.folder.as_deref() == Some(folder.as_path()) {
            return;
        }
        if let Some(old) = self.folder.take() {
            let _ = watcher.unwatch(&old);
        }
        if watcher.watch(&folder, RecursiveMode::NonRecursive).is_ok() {
            self.folder = Some(folder);
        }
    }
}
