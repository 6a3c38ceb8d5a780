//! Files for the app: which notebook to show first, importing a brief into
//! its notebook, the system file dialogs (run off the UI thread), and export.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{Background, PrepkitApp, Session, Startup};
use crate::brief;
use crate::i18n::Tr;
use crate::import;
use crate::model::Notebook;
use crate::persist;
use crate::ui::sidebar::NotebookEntry;

/// The default brief shown on first run.
pub const DEFAULT_BRIEF: &str = include_str!("../../resources/default-brief.md");

/// A dialog that "closed" faster than this was never shown (no portal, no
/// zenity): `rfd` then returns nothing at once, just as for Cancel.
const DIALOG_MIN_TIME: Duration = Duration::from_millis(250);

/// True if a dialog that returned nothing after `took` was most likely never shown.
pub fn dialog_unavailable(took: Duration) -> bool {
    took < DIALOG_MIN_TIME
}

/// The path a save dialog answered, with the format's extension added to a
/// name typed without one (`noext-summary` → `noext-summary.pdf`), as the
/// in-app path field does. A name with any extension is kept as typed.
pub fn with_extension(mut path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_none() {
        path.set_extension(extension);
    }
    path
}

/// Shows a system file dialog on its own thread (`show` sets it up and
/// waits for the answer), attached to the app's window so the desktop keeps
/// it above the window; the answer comes back as `answer(path, time taken)`.
///
/// Without a native window to attach it to (a headless run, the UI tests)
/// the answer is "no dialog" at once, and the app offers its own path field.
fn run_dialog(
    app: &PrepkitApp,
    ctx: &egui::Context,
    thread: &str,
    answer: fn(Option<PathBuf>, Duration) -> Background,
    show: impl FnOnce(rfd::FileDialog) -> Option<PathBuf> + Send + 'static,
) {
    let unavailable = || {
        let _ = app.bg_tx.send(answer(None, Duration::ZERO));
    };
    let Some(dialog) = app.dialog_parent.clone() else {
        unavailable();
        return;
    };
    let tx = app.bg_tx.clone();
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name(thread.to_owned())
        .spawn(move || {
            let start = Instant::now();
            let picked = show(dialog);
            let _ = tx.send(answer(picked, start.elapsed()));
            ctx.request_repaint();
        });
    if spawned.is_err() {
        unavailable();
    }
}

/// Picks the notebook to show at start: the file asked for, else the last
/// one used, else any notebook, else the built-in brief as a new notebook.
///
/// This runs before the first frame (there is nothing to show until it is
/// read); everything after start reads the disk on the I/O thread.
pub fn initial_session(
    startup: &Startup,
    settings: &super::Settings,
    tr: &crate::i18n::Tr,
    toasts: &mut Vec<(String, bool)>,
) -> Session {
    let notebooks = persist::notebooks_dir(&startup.data_dir);
    if let Some(file) = &startup.file {
        if import::is_notebook_path(file) {
            match persist::load(file) {
                Ok(l) => {
                    let read = Replayed::of(&startup.data_dir, file, l, tr);
                    toasts.extend(read.messages.iter().map(|w| (w.clone(), false)));
                    return read.into_session(file.clone());
                }
                Err(e) => toasts.push((e.localized(tr), true)),
            }
        } else {
            match import::import_brief(&notebooks, file) {
                Ok(imported) => {
                    toasts.extend(
                        keep_journal_aside(&startup.data_dir, &imported.target, tr)
                            .map(|m| (m, false)),
                    );
                    let notebook = imported.merged_archiving(&tr.t("archived-group"));
                    let fingerprint = imported.fingerprint();
                    return Session::unsaved(notebook, imported.target, fingerprint);
                }
                Err(e) => toasts.push((super::errors::import_error(&e, tr), true)),
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
                let read = Replayed::of(&startup.data_dir, &path, l, tr);
                toasts.extend(read.messages.iter().map(|w| (w.clone(), false)));
                return read.into_session(path);
            }
            Err(e) => toasts.push((e.localized(tr), true)),
        }
    }
    let mut nb = brief::import(DEFAULT_BRIEF, "built-in").unwrap_or_default();
    nb.id = persist::unique_id(&notebooks, &nb.title);
    let path = persist::notebook_path(&startup.data_dir, &nb.id);
    Session::new(nb, path, None)
}

/// A notebook read from its file, with the edits its crash journal holds
/// that the file does not (a kill, a crash, a power cut while typing).
pub struct Replayed {
    /// The notebook to show.
    pub notebook: Notebook,
    /// The file as read.
    pub fingerprint: persist::Fingerprint,
    /// True when `notebook` holds edits its file does not: it is saved.
    pub unsaved: bool,
    /// What to tell the user (the load's warnings, then the journal's).
    pub messages: Vec<String>,
}

impl Replayed {
    /// Replays this device's journal of the notebook at `path` (just read as
    /// `loaded`) before anything else touches it. A journal that cannot be
    /// read is left as it is, and the user told.
    pub fn of(data_dir: &Path, path: &Path, loaded: persist::Loaded, tr: &Tr) -> Self {
        let mut messages = loaded.warnings;
        let replayed =
            persist::replay(data_dir, path, Some((&loaded.notebook, loaded.fingerprint)));
        let (notebook, unsaved) = match replayed {
            Ok(None) => (loaded.notebook, false),
            Ok(Some(found)) => {
                let n = i64::try_from(found.entries).unwrap_or(i64::MAX);
                match found.kept_at {
                    None => {
                        messages.push(tr.t_args("journal-replayed", &[("n", n.into())]));
                        (found.notebook, true)
                    }
                    Some(copy) => {
                        messages.push(tr.t_args(
                            "journal-kept",
                            &[("n", n.into()), ("path", copy.display().to_string().into())],
                        ));
                        (loaded.notebook, false)
                    }
                }
            }
            Err(e) => {
                messages.push(tr.t_args("journal-unreadable", &[("why", e.localized(tr).into())]));
                (loaded.notebook, false)
            }
        };
        Self {
            notebook,
            fingerprint: loaded.fingerprint,
            unsaved,
            messages,
        }
    }

    /// The session showing it, saved at once when it holds edits.
    pub fn into_session(self, path: PathBuf) -> Session {
        if self.unsaved {
            Session::unsaved(self.notebook, path, Some(self.fingerprint))
        } else {
            Session::new(self.notebook, path, Some(self.fingerprint))
        }
    }
}

/// Before the notebook at `path` is started over from something else (a
/// brief imported into it), the edits its crash journal holds that its file
/// does not are written beside it as `<id>.unsaved-<time>.json`. Returns
/// what to tell the user, when there were any.
pub fn keep_journal_aside(data_dir: &Path, path: &Path, tr: &Tr) -> Option<String> {
    let loaded = persist::load(path).ok()?;
    let found = persist::replay(data_dir, path, Some((&loaded.notebook, loaded.fingerprint)))
        .ok()
        .flatten()?;
    let copy = if let Some(copy) = found.kept_at {
        copy
    } else {
        let copy = persist::unsaved_copy_path(path);
        persist::save(&copy, &found.notebook, None).ok()?;
        copy
    };
    let n = i64::try_from(found.entries).unwrap_or(i64::MAX);
    Some(tr.t_args(
        "journal-kept-import",
        &[("n", n.into()), ("path", copy.display().to_string().into())],
    ))
}

/// The notebooks for the sidebar (I/O thread): those in the data folder,
/// then recent ones opened from elsewhere that still exist.
pub fn list_notebooks(data_dir: &Path, recent: &[PathBuf]) -> Vec<NotebookEntry> {
    let mut list: Vec<NotebookEntry> = persist::list(data_dir)
        .unwrap_or_default()
        .into_iter()
        .filter(|i| i.error.is_none())
        .map(|i| NotebookEntry {
            kept_copy: (i.kind == persist::NotebookKind::UnsavedCopy).then(|| {
                i.updated
                    .map(|t| {
                        t.with_timezone(&chrono::Local)
                            .format("%Y-%m-%d %H:%M")
                            .to_string()
                    })
                    .unwrap_or_default()
            }),
            title: if i.title.is_empty() { i.id } else { i.title },
            path: i.path,
        })
        .collect();
    for path in recent {
        if path.exists() && !list.iter().any(|n| &n.path == path) {
            let title = persist::load(path).map_or_else(
                |_| {
                    path.file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default()
                },
                |l| l.notebook.title,
            );
            list.push(NotebookEntry {
                title,
                path: path.clone(),
                kept_copy: None,
            });
        }
    }
    list
}

/// Shows the system's open dialog on its own thread; the answer comes back
/// as [`Background::Picked`].
pub fn pick_file(app: &PrepkitApp, ctx: &egui::Context) {
    let title = app.tr.t("cmd-open");
    let filter = app.tr.t("filter-briefs");
    run_dialog(
        app,
        ctx,
        "prepkit-open-dialog",
        Background::Picked,
        move |d| {
            d.set_title(title)
                .add_filter(filter, &["md", "markdown", "txt", "json"])
                .pick_file()
        },
    );
}

/// Shows the system's folder dialog on its own thread, for the notebooks
/// folder; the answer comes back as [`Background::FolderPicked`].
pub fn pick_folder(app: &PrepkitApp, ctx: &egui::Context) {
    let title = app.tr.t("settings-folder");
    let start_in = app.notebooks_folder.clone();
    run_dialog(
        app,
        ctx,
        "prepkit-folder-dialog",
        Background::FolderPicked,
        move |d| d.set_title(title).set_directory(start_in).pick_folder(),
    );
}

/// Asks where to save the notebook when its own file cannot take it (the
/// quit question's "Save elsewhere…").
pub fn pick_save_elsewhere(app: &PrepkitApp, ctx: &egui::Context) {
    let name = app.session.path().file_name().map_or_else(
        || "notebook.json".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let title = app.tr.t("quit-save-elsewhere");
    run_dialog(
        app,
        ctx,
        "prepkit-save-dialog",
        Background::SaveElsewherePicked,
        move |d| {
            d.set_title(title)
                .set_file_name(name)
                .add_filter("Prepkit", &["json"])
                .save_file()
        },
    );
}

/// Shows the system's save dialog for an export on its own thread, in the
/// folder and with the name the dialog's "Save to" field shows.
pub fn pick_export_file(app: &PrepkitApp, ctx: &egui::Context) {
    let format = app.settings.export.format;
    let typed = app.ui.export_path.trim();
    let typed = (!typed.is_empty()).then(|| crate::ui::prompt::expand_home(typed));
    let name = typed.as_ref().and_then(|p| p.file_name()).map_or_else(
        || {
            let document = app.settings.export.options.document();
            crate::export::file_name_in(app.session.notebook(), format, document, &app.tr)
        },
        |n| n.to_string_lossy().into_owned(),
    );
    let dir = typed
        .as_ref()
        .and_then(|p| p.parent())
        .filter(|d| d.is_dir())
        .map(Path::to_path_buf)
        .or_else(|| app.settings.export.last_dir.clone());
    let title = app.tr.t("cmd-export");
    run_dialog(
        app,
        ctx,
        "prepkit-save-dialog",
        Background::ExportPicked,
        move |d| {
            let mut d = d
                .set_title(title)
                .set_file_name(name)
                .add_filter(format.label(), &[format.extension()]);
            if let Some(dir) = dir {
                d = d.set_directory(dir);
            }
            d.save_file()
        },
    );
}

/// Renders the summary and writes it on a background thread; the outcome
/// comes back as [`Background::Exported`]. The folder is remembered once
/// the file is written ([`remember_export_folder`]), not before.
pub fn export_to(app: &mut PrepkitApp, path: PathBuf) {
    let export = &mut app.settings.export;
    let format = crate::export::Format::from_path(&path).unwrap_or(export.format);
    export.format = format;
    app.save_settings();
    let nb = app.session.notebook().clone();
    // The export speaks the app's language.
    let options = crate::export::ExportOptions {
        lang: app.tr.lang(),
        ..app.settings.export.options
    };
    let now = app.now();
    let tx = app.bg_tx.clone();
    let ctx = app.ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("prepkit-export".into())
        .spawn(move || {
            let result = crate::export::write(&nb, &options, format, now, &path).map(|()| path);
            let _ = tx.send(Background::Exported(result));
            ctx.request_repaint();
        });
    if let Err(e) = spawned {
        let text = format!("{}: {e}", app.tr.t("export-failed"));
        app.toast(text, true);
    }
}

/// Remembers the folder of a file just exported, for the next export.
pub fn remember_export_folder(app: &mut PrepkitApp, path: &Path) {
    app.settings.export.last_dir = path.parent().map(Path::to_path_buf);
    app.save_settings();
}

/// A `file://` URL for a local path, for the system to open (an exported
/// file, its folder): bytes outside the unreserved set are percent-encoded.
pub fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    let text = path.to_string_lossy();
    if !text.starts_with('/') {
        // A Windows path (C:\…) reads file:///C:/….
        url.push('/');
    }
    for b in text.bytes() {
        match b {
            b'\\' => url.push('/'),
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => {
                url.push(char::from(b));
            }
            _ => {
                let _ = write!(url, "%{b:02X}");
            }
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_typed_without_an_extension_gets_the_formats() {
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(
            with_extension(p("/tmp/noext-summary"), "pdf"),
            p("/tmp/noext-summary.pdf")
        );
        assert_eq!(with_extension(p("a/b.md"), "pdf"), p("a/b.md"));
        assert_eq!(
            with_extension(p("한빛랩스 요약"), "html"),
            p("한빛랩스 요약.html")
        );
    }
}
