//! Files for the app: which notebook to show first, importing a brief into
//! its notebook, the system file dialogs (run off the UI thread), and export.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{Background, PrepkitApp, Startup};
use crate::brief;
use crate::model::Notebook;
use crate::persist::{self, Fingerprint};

/// The default brief shown on first run.
pub const DEFAULT_BRIEF: &str = include_str!("../../resources/default-brief.md");

/// A dialog that "closed" faster than this was never shown (no portal, no
/// zenity): `rfd` then returns nothing at once, just as for Cancel.
const DIALOG_MIN_TIME: Duration = Duration::from_millis(250);

/// True if a dialog that returned nothing after `took` was most likely never shown.
pub fn dialog_unavailable(took: Duration) -> bool {
    took < DIALOG_MIN_TIME
}

/// Picks the notebook to show at start: the file asked for, else the last
/// one used, else any notebook, else the built-in brief as a new notebook.
pub fn initial_notebook(
    startup: &Startup,
    settings: &super::Settings,
    toasts: &mut Vec<(String, bool)>,
) -> (Notebook, PathBuf, Option<Fingerprint>) {
    if let Some(file) = &startup.file {
        let is_notebook = file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if is_notebook {
            match persist::load(file) {
                Ok(l) => return (l.notebook, file.clone(), Some(l.fingerprint)),
                Err(e) => toasts.push((e.to_string(), true)),
            }
        } else {
            match import_brief(&startup.data_dir, file) {
                Ok(found) => return found,
                Err(e) => toasts.push((e, true)),
            }
        }
    }
    let listed = persist::list(&startup.data_dir).unwrap_or_default();
    let candidates = settings.last_notebook().cloned().into_iter().chain(
        listed
            .into_iter()
            .filter(|i| i.error.is_none())
            .map(|i| i.path),
    );
    for path in candidates {
        match persist::load(&path) {
            Ok(l) => {
                toasts.extend(l.warnings.into_iter().map(|w| (w, false)));
                return (l.notebook, path, Some(l.fingerprint));
            }
            Err(e) => toasts.push((e.to_string(), true)),
        }
    }
    let dir = persist::notebooks_dir(&startup.data_dir);
    let mut nb = brief::import(DEFAULT_BRIEF, "built-in").unwrap_or_default();
    nb.id = persist::unique_id(&dir, &nb.title);
    let path = persist::notebook_path(&startup.data_dir, &nb.id);
    (nb, path, None)
}

/// Reads a brief file into a fresh notebook; the error is ready to show.
pub fn read_brief(path: &Path) -> Result<Notebook, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("Cannot read {}: {e}", path.display()))?;
    let text =
        brief::decode(&bytes).map_err(|e| format!("Cannot import {}: {e}", path.display()))?;
    brief::import(&text, &path.display().to_string())
        .map_err(|e| format!("Cannot import {}: {e}", path.display()))
}

/// Imports a brief: into the notebook made from the same file before
/// (merged, keeping ratings and notes), or into a new notebook.
///
/// Returns the notebook, where to save it, and the fingerprint of the file
/// there (when it exists).
pub fn import_brief(
    data_dir: &Path,
    path: &Path,
) -> Result<(Notebook, PathBuf, Option<Fingerprint>), String> {
    let mut fresh = read_brief(path)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let base = persist::slug(&stem);
    let same = persist::notebook_path(data_dir, &base);
    if same.exists()
        && let Ok(loaded) = persist::load(&same)
        && loaded.notebook.brief_source == fresh.brief_source
    {
        let merged = brief::merge(&loaded.notebook, fresh);
        return Ok((merged, same, Some(loaded.fingerprint)));
    }
    let id = persist::unique_id(&persist::notebooks_dir(data_dir), &base);
    fresh.id.clone_from(&id);
    Ok((fresh, persist::notebook_path(data_dir, &id), None))
}

/// Shows the system's open dialog on its own thread; the answer comes back
/// as [`Background::Picked`].
pub fn pick_file(app: &PrepkitApp, ctx: &egui::Context) {
    let tx = app.bg_tx.clone();
    let ctx = ctx.clone();
    let title = app.tr.t("cmd-open");
    let filter = app.tr.t("filter-briefs");
    let spawned = std::thread::Builder::new()
        .name("prepkit-open-dialog".into())
        .spawn(move || {
            let start = Instant::now();
            let picked = rfd::FileDialog::new()
                .set_title(title)
                .add_filter(filter, &["md", "markdown", "txt", "json"])
                .pick_file();
            let _ = tx.send(Background::Picked(picked, start.elapsed()));
            ctx.request_repaint();
        });
    if spawned.is_err() {
        let _ = app.bg_tx.send(Background::Picked(None, Duration::ZERO));
    }
}

/// Shows the system's save dialog for an export on its own thread.
pub fn pick_export_file(app: &PrepkitApp, ctx: &egui::Context) {
    let tx = app.bg_tx.clone();
    let ctx = ctx.clone();
    let format = app.settings.export.format;
    let name = crate::export::suggested_file_name(app.store.notebook(), format);
    let dir = app.settings.export.last_dir.clone();
    let title = app.tr.t("cmd-export");
    let spawned = std::thread::Builder::new()
        .name("prepkit-save-dialog".into())
        .spawn(move || {
            let start = Instant::now();
            let mut dialog = rfd::FileDialog::new()
                .set_title(title)
                .set_file_name(name)
                .add_filter(format.label(), &[format.extension()]);
            if let Some(dir) = dir {
                dialog = dialog.set_directory(dir);
            }
            let picked = dialog.save_file();
            let _ = tx.send(Background::ExportPicked(picked, start.elapsed()));
            ctx.request_repaint();
        });
    if spawned.is_err() {
        let _ = app
            .bg_tx
            .send(Background::ExportPicked(None, Duration::ZERO));
    }
}

/// Renders the summary and writes it on a background thread; the outcome
/// comes back as [`Background::Exported`]. Remembers the folder.
pub fn export_to(app: &mut PrepkitApp, path: PathBuf) {
    let export = &mut app.settings.export;
    let format = crate::export::Format::from_path(&path).unwrap_or(export.format);
    export.format = format;
    export.last_dir = path.parent().map(Path::to_path_buf);
    app.save_settings();
    let nb = app.store.notebook().clone();
    let options = app.settings.export.options;
    let now = app.now();
    let tx = app.bg_tx.clone();
    let ctx = app.ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("prepkit-export".into())
        .spawn(move || {
            let result = crate::export::render(&nb, &options, format, now)
                .map_err(|e| e.to_string())
                .and_then(|bytes| persist::write_file(&path, &bytes).map_err(|e| e.to_string()))
                .map(|()| path);
            let _ = tx.send(Background::Exported(result));
            ctx.request_repaint();
        });
    if let Err(e) = spawned {
        let _ = app.bg_tx.send(Background::Exported(Err(e.to_string())));
    }
}
