//! Watching the open notebook's file for changes made by other programs (a
//! sync service, a second window, an editor).
//!
//! The folder is watched, not the file: saves replace the file by renaming a
//! new one over it, which ends a watch on the old file. A notebook reached
//! through a symbolic link (linked into a synced folder) changes where the
//! link points, so the folder of its target is watched too, and an event
//! about either name counts. On the watcher's own thread each event about
//! the file reads its fingerprint and sends it as
//! [`Background::DiskChanged`]; the session tells our own writes from
//! others' by the fingerprint it holds.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, PoisonError};

use notify::{RecursiveMode, Watcher as _};

use super::Background;
use crate::persist::Fingerprint;

/// Watches one notebook file at a time. See the module docs.
pub struct Watch {
    watcher: Option<notify::RecommendedWatcher>,
    /// The file as the session names it, and its target when that is
    /// another file (links followed).
    file: Arc<Mutex<Names>>,
    /// The folders watched now.
    folders: Vec<PathBuf>,
}

/// The names events about the watched file may carry.
#[derive(Default)]
struct Names {
    /// The notebook's path.
    file: PathBuf,
    /// Where its links lead, when that differs.
    target: Option<PathBuf>,
}

impl Watch {
    /// A watch that reports to `results` and calls `wake`. Without a
    /// watcher (the system refused one), outside changes still show at the
    /// next save, as a conflict.
    pub fn new(results: Sender<Background>, wake: impl Fn() + Send + 'static) -> Self {
        let file = Arc::new(Mutex::new(Names::default()));
        let shared = Arc::clone(&file);
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else {
                return;
            };
            if event.kind.is_access() {
                return;
            }
            let (file, target) = {
                let names = shared.lock().unwrap_or_else(PoisonError::into_inner);
                (names.file.clone(), names.target.clone())
            };
            let about_it = event
                .paths
                .iter()
                .any(|p| *p == file || target.as_ref() == Some(p));
            if !about_it {
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
            folders: Vec::new(),
        }
    }

    /// Watches `file` from now on (and no longer the one before), and the
    /// file its links lead to.
    pub fn follow(&mut self, file: &Path) {
        let Some(watcher) = self.watcher.as_mut() else {
            return;
        };
        let is_link = std::fs::symlink_metadata(file).is_ok_and(|m| m.file_type().is_symlink());
        let target = is_link
            .then(|| std::fs::canonicalize(file).ok())
            .flatten()
            .filter(|t| t != file);
        let mut folders = vec![folder_of(file)];
        if let Some(t) = &target {
            let folder = folder_of(t);
            if !folders.contains(&folder) {
                folders.push(folder);
            }
        }
        *self.file.lock().unwrap_or_else(PoisonError::into_inner) = Names {
            file: file.to_path_buf(),
            target,
        };
        if self.folders == folders {
            return;
        }
        for old in self.folders.drain(..) {
            let _ = watcher.unwatch(&old);
        }
        for folder in folders {
            if watcher.watch(&folder, RecursiveMode::NonRecursive).is_ok() {
                self.folders.push(folder);
            }
        }
    }
}

/// The folder holding `file` (`.` for a bare name).
fn folder_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}
