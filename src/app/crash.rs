//! What survives a crash: the panic hook writes the notebook as it is in
//! memory (when it holds edits not yet in its file) to the data folder's
//! `recovery/` folder with a readable crash report, and the next start
//! offers it.
//!
//! The hook cannot reach the app's state, so the app leaves a copy of the
//! notebook here whenever it holds unsaved edits ([`remember`], once a
//! frame, only when the revision changed) and clears it once saved.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once, PoisonError};

use super::Session;
use crate::model::Notebook;
use crate::persist;

/// The notebook the hook writes, with what it needs to say where from.
struct Snapshot {
    data_dir: PathBuf,
    path: PathBuf,
    revision: u64,
    notebook: Notebook,
}

static SNAPSHOT: Mutex<Option<Snapshot>> = Mutex::new(None);
static HOOK: Once = Once::new();

/// Installs the panic hook (once per process). It runs the previous hook
/// (the message on stderr), then writes the unsaved notebook, if any.
pub fn install() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            previous(info);
            // `try_lock`: a panic while the app held the lock must not hang.
            let Ok(mut slot) = SNAPSHOT.try_lock() else {
                return;
            };
            let Some(snapshot) = slot.take() else {
                return;
            };
            let thread = std::thread::current();
            let report = format!(
                "Prepkit stopped because of an internal error, on thread {:?}.\n\n{info}\n\n\
                 Backtrace:\n{}",
                thread.name().unwrap_or("unnamed"),
                std::backtrace::Backtrace::force_capture()
            );
            match persist::write_recovery(
                &snapshot.data_dir,
                &snapshot.path,
                &snapshot.notebook,
                &report,
            ) {
                Ok(file) => eprintln!(
                    "prepkit: your unsaved changes were kept in {}; Prepkit offers them at the next start",
                    file.display()
                ),
                Err(e) => eprintln!("prepkit: could not keep your unsaved changes: {e}"),
            }
        }));
    });
}

/// Keeps a copy of the session's notebook for the hook while it holds
/// unsaved edits; drops it once they are saved.
pub fn remember(data_dir: &Path, session: &Session) {
    let mut slot = SNAPSHOT.lock().unwrap_or_else(PoisonError::into_inner);
    if !session.is_dirty() {
        *slot = None;
        return;
    }
    let revision = session.revision();
    if slot
        .as_ref()
        .is_some_and(|s| s.revision == revision && s.path == session.path())
    {
        return;
    }
    *slot = Some(Snapshot {
        data_dir: data_dir.to_path_buf(),
        path: session.path().to_path_buf(),
        revision,
        notebook: session.notebook().clone(),
    });
}
