//! The desktop app: draws the views, turns their intents into store actions
//! and commands, and keeps the notebook saved in the background.
//!
//! One frame: poll background work (saves, disk jobs, dialogs, exports) →
//! read shortcuts → draw views (they only read the notebook and push intents)
//! → apply the intents → schedule an autosave. The open notebook and its
//! file are a [`Session`]; every read and write of the disk runs on the
//! saver, the I/O thread ([`io::Io`]) or a dialog/export thread. The one wait
//! is on close: the window is going, so the last save is waited for (at most
//! 10 s) before it goes.

pub mod crash;
pub mod errors;
pub mod files;
pub mod input;
pub mod io;
mod reimport;
pub mod session;
pub mod settings;
pub mod trace;
pub mod watch;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use egui::{Key, Modifiers, RichText};

use crate::action::Action;
use crate::i18n::{Lang, Tr};
use crate::model::{Id, Notebook, SectionKind};
use crate::persist::{self, Fingerprint, Saver};
use crate::ui::header::{self, SaveState};
use crate::ui::sidebar::NotebookEntry;
use crate::ui::{self, Command, Intent, Page, PathPrompt, UiState, View, theme};
pub use session::{AUTOSAVE_DELAY, Flush, Leave, Session};
pub use settings::Settings;

/// The narrowest page (points) the sidebar leaves beside it by default.
const NARROW: f32 = 420.0;

/// The sidebar's width until the user drags its edge.
const SIDEBAR_WIDTH: f32 = 260.0;

/// How long a toast stays.
const TOAST_TIME: Duration = Duration::from_secs(6);

/// While saves fail, the recovery copy of the edits is rewritten at most
/// this often.
const RESCUE_EVERY: Duration = Duration::from_secs(2);

/// How the app starts: where data lives and what to open.
#[derive(Clone, Debug, Default)]
pub struct Startup {
    /// The data folder (notebooks, settings).
    pub data_dir: PathBuf,
    /// A brief or notebook to open.
    pub file: Option<PathBuf>,
    /// Force a language (tests); otherwise settings, then the system locale.
    pub lang: Option<Lang>,
    /// Pretend it is this time (tests); otherwise the clock.
    pub now: Option<NaiveDateTime>,
}

/// Results from work done off the UI thread.
#[derive(Debug)]
pub enum Background {
    /// The open dialog closed: a path, nothing (cancel), or it could not be shown.
    Picked(Option<PathBuf>, Duration),
    /// The export save dialog closed.
    ExportPicked(Option<PathBuf>, Duration),
    /// An export finished: the file, or why it failed.
    Exported(Result<PathBuf, crate::export::ExportFailure>),
    /// A notebook file was read, for this purpose.
    Opened(Purpose, Result<Box<Opened>, String>),
    /// A brief was read for import; and what to tell the user (its
    /// notebook's crash journal kept aside).
    Imported(Result<Box<crate::import::Imported>, String>, Vec<String>),
    /// The open notebook's brief was read again and merged into a copy of
    /// the notebook, on the I/O thread (re-import).
    Reimported(Result<Box<reimport::Reimported>, String>),
    /// The notebooks to list in the sidebar.
    Listed(Vec<NotebookEntry>),
    /// The notebooks folder was chosen: where it is now, or why not.
    FolderSet(Result<PathBuf, String>),
    /// The folder dialog closed: a folder, or nothing (cancel, or never shown).
    FolderPicked(Option<PathBuf>, Duration),
    /// Notebooks kept by the panic hook of an earlier run.
    Recoveries(Vec<persist::Recovery>),
    /// The watched notebook file changed; its fingerprint now.
    DiskChanged(PathBuf, Option<Fingerprint>),
    /// The open notebook's file was read again after it changed.
    Reread(PathBuf, Result<Box<persist::Reread>, String>),
    /// A recovery copy of edits that could not be saved was written (this
    /// revision): where, or why not.
    Rescued(u64, Result<PathBuf, String>),
    /// The "Save elsewhere…" dialog of the quit question closed.
    SaveElsewherePicked(Option<PathBuf>, Duration),
    /// Disk work failed; the message says why.
    Failed(String),
    /// A notebook to copy stories from was read.
    StoriesFrom(Result<Box<Notebook>, String>),
}

/// Why a notebook file was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// The user opened or switched to it.
    Switch,
    /// "Load theirs": the version another program wrote replaces ours
    /// (ours is kept beside it).
    Theirs,
    /// It changed on disk and we have no edits: show the new version.
    Reload,
}

/// A notebook read from disk, ready to become the session.
#[derive(Debug)]
pub struct Opened {
    /// The notebook.
    pub notebook: Notebook,
    /// Its file.
    pub path: PathBuf,
    /// The file as read; `None` when it does not exist yet.
    pub fingerprint: Option<Fingerprint>,
    /// True when the notebook differs from the file (a merged import).
    pub unsaved: bool,
    /// What to tell the user once it is shown.
    pub messages: Vec<String>,
    /// A crash's recovery file this notebook came from: deleted once shown.
    pub recovery: Option<persist::Recovery>,
}

impl Opened {
    /// Reads the notebook at `path` (I/O thread); an error is worded in
    /// `lang`. With `journal` (the data folder), the notebook's crash
    /// journal is replayed first: for a notebook that is not open, never
    /// for the open one (its journal is being written).
    fn load(
        path: PathBuf,
        lang: Lang,
        journal: Option<&std::path::Path>,
    ) -> Result<Box<Self>, String> {
        let tr = Tr::new(lang);
        let loaded = persist::load(&path).map_err(|e| e.localized(&tr))?;
        let read = match journal {
            Some(data_dir) => files::Replayed::of(data_dir, &path, loaded, &tr),
            None => files::Replayed {
                notebook: loaded.notebook,
                fingerprint: loaded.fingerprint,
                unsaved: false,
                messages: loaded.warnings,
            },
        };
        Ok(Box::new(Self {
            notebook: read.notebook,
            path,
            fingerprint: Some(read.fingerprint),
            unsaved: read.unsaved,
            messages: read.messages,
            recovery: None,
        }))
    }
}

/// A short message at the bottom of the window.
struct Toast {
    text: String,
    error: bool,
    undo: bool,
    /// A file just written (an export): the toast offers to open it and to
    /// show it in its folder.
    file: Option<PathBuf>,
    at: Instant,
}

/// The app.
pub struct PrepkitApp {
    data_dir: PathBuf,
    session: Session,
    /// A notebook waiting to replace the session once its edits are safe.
    pending: Option<Box<Opened>>,
    saver: Saver,
    io: io::Io,
    watch: watch::Watch,
    ui: UiState,
    tr: Tr,
    settings: Settings,
    notebooks: Vec<NotebookEntry>,
    bg_tx: Sender<Background>,
    bg_rx: Receiver<Background>,
    toasts: Vec<Toast>,
    /// Links the app itself opened this frame (an exported file, its
    /// folder), which the link rule lets pass: see `open_only_web_links`.
    own_links: Vec<String>,
    md: egui_commonmark::CommonMarkCache,
    now: Option<NaiveDateTime>,
    closing: bool,
    ctx: egui::Context,
    window_title: String,
    /// The sidebar's width as the user left it, and the window's width last
    /// frame: a window narrowed and widened again gives the sidebar its
    /// width back (the panel kept the narrow window's limit).
    sidebar_width: (f32, f32),
    /// Today's topics left in the plan, for the sidebar, and what it was
    /// computed from (revision, day, budget): planned again only when one
    /// of them changes, not every frame.
    today_left: Option<((u64, chrono::NaiveDate, u32, usize), usize)>,
    /// Notebooks kept after a crash, offered until opened or discarded.
    recoveries: Vec<persist::Recovery>,
    /// Where notebooks live (the settings page shows it).
    notebooks_folder: PathBuf,
    /// A system file dialog is open (its answer has not come back).
    dialog_open: bool,
    /// A file dialog with this frame's window as its parent (set while
    /// intents are handled; `None` outside a frame or without a window).
    dialog_parent: Option<rfd::FileDialog>,
    /// The window is cleared to the page colour before egui paints
    /// (`clear_color`, which eframe honours), so the panels need not fill
    /// it again. On a software renderer that window-sized fill was most of
    /// every frame's cost (BENCHMARKS.md). Off unless the host says so:
    /// other hosts (the UI tests' renderer) clear to transparent.
    window_cleared: bool,
    /// A click that followed typing in one frame waits for the next.
    click_after_keys: input::ClickAfterKeys,
    /// Closing was stopped because the newest edits are in no file: why.
    quit_blocked: Option<String>,
    /// The user chose to quit without the edits that could not be saved.
    discard_on_quit: bool,
    /// The recovery copy of edits that could not be saved: its revision
    /// and file.
    rescue: Option<(u64, PathBuf)>,
    /// When the last recovery copy was asked for, and whether it is being
    /// written.
    rescue_at: Option<Instant>,
    rescue_busy: bool,
}

/// Starts the desktop app (blocks until the window closes).
pub fn run(file: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    use anyhow::Context as _;
    trace::mark_start();
    let data_dir = persist::data_dir().context("cannot find a folder for Prepkit's data")?;
    let socket = crate::instance::socket_path(&data_dir);
    let crate::instance::Claim::First(listener) = crate::instance::claim(&socket, file.as_deref())
    else {
        // A running Prepkit took the file and came forward.
        return Ok(ExitCode::SUCCESS);
    };
    let startup = Startup {
        data_dir: data_dir.clone(),
        file,
        lang: None,
        now: None,
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Prepkit")
            .with_app_id(crate::instance::APP_ID)
            .with_icon(crate::instance::window_icon())
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([760.0, 480.0])
            .with_drag_and_drop(true),
        persist_window: true,
        persistence_path: Some(data_dir.join("window.ron")),
        ..Default::default()
    };
    eframe::run_native(
        "Prepkit",
        options,
        Box::new(move |cc| {
            trace::mark("window created");
            let app = PrepkitApp::new(&cc.egui_ctx, startup).with_window_cleared();
            trace::mark("app created");
            Ok(Box::new(crate::instance::OneWindow::new(
                app,
                listener,
                &cc.egui_ctx,
            )))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

impl PrepkitApp {
    /// Sets up fonts and theme, opens the notebook to show, and starts the saver.
    pub fn new(ctx: &egui::Context, startup: Startup) -> Self {
        theme::install_fonts(ctx);
        ui::ime::install(ctx);
        let mut toasts = Vec::new();
        let settings: Settings = persist::load_settings_in(&startup.data_dir, settings::NAME)
            .unwrap_or_else(|e| {
                // The damaged file was moved aside: say so, and start from defaults.
                let lang = startup.lang.unwrap_or_else(Lang::system);
                toasts.push((e.localized(&Tr::new(lang)), true));
                Settings::default()
            });
        let lang = startup.lang.or(settings.lang).unwrap_or_else(Lang::system);
        let wake_ctx = ctx.clone();
        let saver = Saver::spawn(move || wake_ctx.request_repaint()).unwrap_or_else(|_| {
            // Thread creation failed: try once more; without a saver nothing can be kept.
            Saver::spawn(|| {}).unwrap_or_else(|e| panic!("cannot start the saver: {e}"))
        });
        let (bg_tx, bg_rx) = channel();
        let io_ctx = ctx.clone();
        let io = io::Io::spawn(startup.data_dir.clone(), bg_tx.clone(), move || {
            io_ctx.request_repaint();
        });
        let tr = Tr::new(lang);
        let mut session = files::initial_session(&startup, &settings, &tr, &mut toasts);
        session.start_journal(&startup.data_dir);
        let notebooks_folder = persist::notebooks_dir(&startup.data_dir);
        let watch_ctx = ctx.clone();
        let mut watch = watch::Watch::new(bg_tx.clone(), move || watch_ctx.request_repaint());
        watch.follow(session.path());
        let mut app = Self {
            data_dir: startup.data_dir,
            session,
            pending: None,
            saver,
            io,
            watch,
            ui: UiState::default(),
            tr,
            settings,
            notebooks: Vec::new(),
            bg_tx,
            bg_rx,
            own_links: Vec::new(),
            toasts: toasts
                .into_iter()
                .map(|(text, error)| Toast {
                    text,
                    error,
                    undo: false,
                    file: None,
                    at: Instant::now(),
                })
                .collect(),
            md: egui_commonmark::CommonMarkCache::default(),
            now: startup.now,
            closing: false,
            ctx: ctx.clone(),
            window_title: String::new(),
            sidebar_width: (SIDEBAR_WIDTH, 0.0),
            today_left: None,
            recoveries: Vec::new(),
            notebooks_folder,
            dialog_open: false,
            dialog_parent: None,
            window_cleared: false,
            click_after_keys: input::ClickAfterKeys::default(),
            quit_blocked: None,
            discard_on_quit: false,
            rescue: None,
            rescue_at: None,
            rescue_busy: false,
        };
        crash::install();
        let data_dir = app.data_dir.clone();
        app.io
            .run(move || Some(Background::Recoveries(persist::list_recoveries(&data_dir))));
        app.settings.remember(app.session.path());
        app.apply_look(ctx);
        app.refresh_notebooks();
        app.select_first_section();
        app
    }

    /// For a host that clears the window to [`eframe::App::clear_color`]
    /// before each frame (eframe does): the panels then paint no fill of
    /// their own, which saves a window-sized fill on every frame.
    #[must_use]
    pub fn with_window_cleared(mut self) -> Self {
        self.window_cleared = true;
        self
    }

    /// The notebook shown.
    pub fn notebook(&self) -> &Notebook {
        self.session.notebook()
    }

    /// The data folder (notebooks, settings).
    pub fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    /// Where the notebook is saved.
    pub fn path(&self) -> &std::path::Path {
        self.session.path()
    }

    /// The transient UI state (tests inspect it).
    pub fn ui_state(&self) -> &UiState {
        &self.ui
    }

    /// The current save status.
    pub fn save_state(&self) -> SaveState {
        self.session.save_state()
    }

    /// True while disk work is queued or running, or a switch waits for a
    /// save (tests wait for this to settle).
    pub fn is_busy(&self) -> bool {
        self.io.is_busy()
            || self.pending.is_some()
            || self.session.is_busy()
            || !self.saver.is_idle()
    }

    /// True once the app was asked to quit (tests check Quit).
    pub fn is_closing(&self) -> bool {
        self.closing
    }

    /// The messages currently shown at the bottom of the window.
    pub fn toasts(&self) -> Vec<String> {
        self.toasts.iter().map(|t| t.text.clone()).collect()
    }

    /// Writes any unsaved change now and waits (at most `timeout`) for it;
    /// true when the notebook's file holds every edit.
    pub fn flush(&mut self, timeout: Duration) -> bool {
        self.poll_saves();
        self.session.autosave(&self.saver, true);
        self.saver.flush(timeout);
        self.poll_saves();
        !self.session.is_dirty()
    }

    /// Why closing was stopped (the quit question is showing), if it was.
    pub fn quit_blocked(&self) -> Option<&str> {
        self.quit_blocked.as_deref()
    }

    /// The recovery copy of edits that could not be saved, if one was written.
    pub fn rescue_copy(&self) -> Option<&std::path::Path> {
        self.rescue.as_ref().map(|(_, path)| path.as_path())
    }

    /// Saves before the window goes. If the notebook cannot be written in
    /// place (changed on disk and not resolved, or the save failed), the
    /// user's version is kept beside it as `<id>.unsaved-<time>.json`, which
    /// the notebook list shows. When that fails too, the answer is
    /// [`Flush::Failed`] and the caller stops the close and asks.
    fn flush_on_close(&mut self) -> Flush {
        self.poll_saves();
        if self.discard_on_quit {
            return Flush::Saved;
        }
        let flush = self
            .session
            .leave_blocking(&self.saver, Duration::from_secs(10));
        if let Flush::Failed(why) = &flush {
            // Last resort, written here: the saver did not answer.
            if let Ok(path) = self.session.keep_aside_now() {
                eprintln!(
                    "prepkit: {why}; your notebook was kept as {}",
                    path.display()
                );
                return Flush::KeptAside(path);
            }
        }
        if !matches!(flush, Flush::Failed(_)) {
            // Every edit is in a file: the journal is not needed.
            self.session.discard_journal();
        }
        flush
    }

    /// The window is closing: lets it when every edit is in a file (or the
    /// user chose to discard them); else stops it and asks.
    fn close_or_ask(&mut self, ctx: &egui::Context) {
        match self.flush_on_close() {
            Flush::Failed(why) => {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.closing = false;
                self.quit_blocked = Some(why);
                self.keep_rescue_copy(true);
            }
            Flush::Saved | Flush::KeptAside(_) => self.quit_blocked = None,
        }
    }

    /// Starts closing the window (as Ctrl+Q does).
    fn quit(&mut self, ctx: &egui::Context) {
        self.closing = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    /// While saves fail, keeps the edits in a recovery copy on another
    /// writable place (the data folder, the runtime folder, the temporary
    /// folder), rewritten at most every [`RESCUE_EVERY`] (`now`: at once);
    /// once the notebook is saved again, the copy goes.
    fn keep_rescue_copy(&mut self, now: bool) {
        let Some(why) = self.session.save_failed().map(str::to_owned) else {
            if !self.session.is_dirty()
                && !self.rescue_busy
                && let Some((_, copy)) = self.rescue.take()
            {
                self.io.run(move || {
                    let _ = persist::discard_recovery_file(&copy);
                    None
                });
            }
            return;
        };
        let revision = self.session.revision();
        if self.rescue_busy || self.rescue.as_ref().is_some_and(|(r, _)| *r == revision) {
            return;
        }
        if !now
            && let Some(at) = self.rescue_at
            && at.elapsed() < RESCUE_EVERY
        {
            self.ctx
                .request_repaint_after(RESCUE_EVERY.saturating_sub(at.elapsed()));
            return;
        }
        self.rescue_at = Some(Instant::now());
        self.rescue_busy = true;
        let data_dir = self.data_dir.clone();
        let path = self.session.path().to_path_buf();
        let notebook = self.session.notebook().clone();
        let previous = self.rescue.as_ref().map(|(_, p)| p.clone());
        let lang = self.tr.lang();
        self.io.run(move || {
            let report = format!(
                "Prepkit could not save this notebook ({why}); this copy holds the changes."
            );
            let written =
                persist::write_rescue(&data_dir, &path, &notebook, &report, previous.as_deref())
                    .map_err(|e| e.localized(&Tr::new(lang)));
            Some(Background::Rescued(revision, written))
        });
    }

    fn now(&self) -> NaiveDateTime {
        self.now
            .unwrap_or_else(|| chrono::Local::now().naive_local())
    }

    fn apply_look(&self, ctx: &egui::Context) {
        self.settings.theme.apply(ctx);
        theme::apply_contrast(ctx, self.settings.high_contrast);
        ctx.set_zoom_factor(self.settings.zoom());
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
    }

    fn select_first_section(&mut self) {
        let nb = self.session.notebook();
        let first = nb
            .first_of_kind(SectionKind::Topics)
            .or_else(|| nb.sections.first())
            .map(|s| s.id);
        self.ui = UiState::default();
        if let Some(id) = first {
            self.ui.page = Page::Section(id);
        }
    }

    /// Asks the I/O thread for the notebook list (the data folder, and
    /// recent notebooks from elsewhere that still exist).
    fn refresh_notebooks(&mut self) {
        let data_dir = self.data_dir.clone();
        let recent = self.settings.recent.clone();
        self.io.run(move || {
            Some(Background::Listed(files::list_notebooks(
                &data_dir, &recent,
            )))
        });
    }

    /// Adds the stories of `source` to the open notebook, in one undo step,
    /// and says how many came and how many links were kept.
    fn copy_stories(&mut self, source: &Notebook) {
        let copied = crate::stories::copy::copy_stories(self.session.notebook(), source);
        let text = self.tr.t_args(
            "stories-copied",
            &[
                ("n", copied.stories.into()),
                ("links", copied.links_kept.into()),
            ],
        );
        if copied.stories > 0 {
            self.apply(Action::Replace(Box::new(copied.notebook)));
        }
        self.toast(text, false);
    }

    /// Shows a fresh list, with the open notebook always in it.
    fn show_notebooks(&mut self, mut list: Vec<NotebookEntry>) {
        let path = self.session.path();
        match list.iter_mut().find(|n| n.path == path) {
            Some(entry) => entry.title.clone_from(&self.session.notebook().title),
            None => list.insert(
                0,
                NotebookEntry {
                    title: self.session.notebook().title.clone(),
                    path: path.to_path_buf(),
                    kept_copy: None,
                },
            ),
        }
        self.notebooks = list;
    }

    /// Shows an error: what failed in the app's language, then the details
    /// (which name the file, and come from the system).
    fn failed(&mut self, what: &str, details: &str) {
        let text = self.tr.t_args(
            "failed-because",
            &[
                ("what", self.tr.t(what).into()),
                ("details", details.to_owned().into()),
            ],
        );
        self.toast(text, true);
    }

    fn toast(&mut self, text: impl Into<String>, error: bool) {
        self.push_toast(text.into(), error, false);
    }

    /// Shows a message (with an Undo button when `undo`). A toast's first
    /// frame only measures it, so one more frame is asked for: without it
    /// the message stayed invisible until the next input.
    fn push_toast(&mut self, text: String, error: bool, undo: bool) {
        self.toasts.push(Toast {
            text,
            error,
            undo,
            file: None,
            at: Instant::now(),
        });
        self.ctx.request_repaint();
    }

    // ---------------------------------------------------------------- saving

    fn poll_saves(&mut self) {
        for outcome in self.saver.poll() {
            let first_write = self.session.fingerprint().is_none();
            if self.session.take_outcome(&outcome) && first_write {
                // The folder may not have existed before this save.
                self.watch.follow(self.session.path());
            }
        }
    }

    fn autosave(&mut self, ctx: &egui::Context) {
        self.poll_saves();
        if let Some(later) = self.session.autosave(&self.saver, self.closing) {
            ctx.request_repaint_after(later);
        }
    }

    // --------------------------------------------------------------- intents

    fn apply(&mut self, action: Action) {
        let deletion = matches!(
            action,
            Action::RemoveItem(_) | Action::RemoveGroup(_) | Action::RemoveSection(_)
        );
        if self.session.apply(action) && deletion {
            let text = self.tr.t("deleted");
            self.push_toast(text, false, true);
        }
    }

    fn handle(&mut self, intent: Intent, ctx: &egui::Context) {
        match intent {
            Intent::Do(action) => self.apply(action),
            Intent::Run(command) => self.run_command(command, ctx),
            Intent::OpenPath(path) => self.open_path(&path),
            Intent::SwitchNotebook(path) => self.switch_to(&path),
            // The quit question's Retry: the window closes once saved (see `ui`).
            Intent::RetrySave | Intent::QuitRetry => self.session.start_save(&self.saver, false),
            Intent::KeepMine => self.session.start_save(&self.saver, true),
            Intent::LoadTheirs => {
                // Theirs replaces ours on screen once ours is kept beside it.
                self.request_load(self.session.path().to_path_buf(), Purpose::Theirs);
            }
            Intent::ExportTo(path) => self.export_to(path),
            Intent::CopyStoriesFrom(path) => self.io.run(move || {
                let read = persist::load(&path).map(|l| Box::new(l.notebook));
                Some(Background::StoriesFrom(read.map_err(|e| e.to_string())))
            }),
            Intent::OpenRecovery(file) => self.open_recovery(&file),
            Intent::QuitSaveElsewhere => {
                if self.start_dialog() {
                    files::pick_save_elsewhere(self, ctx);
                }
            }
            Intent::QuitDiscard => {
                self.discard_on_quit = true;
                self.session.discard_journal();
                self.quit_blocked = None;
                self.quit(ctx);
            }
            Intent::QuitCancel => self.quit_blocked = None,
            Intent::SetNotebooksFolder(folder) => {
                let data_dir = self.data_dir.clone();
                let lang = self.tr.lang();
                self.io.run(move || {
                    let set = persist::set_notebooks_dir(&data_dir, folder.as_deref())
                        .map(|()| persist::notebooks_dir(&data_dir))
                        .map_err(|e| e.localized(&Tr::new(lang)));
                    Some(Background::FolderSet(set))
                });
            }
            Intent::BrowseNotebooksFolder => {
                if self.start_dialog() {
                    files::pick_folder(self, ctx);
                }
            }
            Intent::SetBudget(minutes) => {
                self.settings.budget_minutes = Some(minutes);
                self.ui.budget_minutes = self.settings.budget();
                self.save_settings();
            }
            Intent::DiscardRecovery(file) => {
                if let Some(pos) = self.recoveries.iter().position(|r| r.path == file) {
                    let recovery = self.recoveries.remove(pos);
                    let lang = self.tr.lang();
                    self.io.run(move || {
                        persist::discard_recovery(&recovery)
                            .err()
                            .map(|e| Background::Failed(e.localized(&Tr::new(lang))))
                    });
                }
            }
            Intent::ExportBrowse => {
                if self.start_dialog() {
                    files::pick_export_file(self, ctx);
                }
            }
            Intent::ShowPage(page) => {
                self.ui.page = page;
                self.ui.search_open = false;
            }
            Intent::SetLook(look) => {
                if look.lang != self.tr.lang() {
                    self.set_language(look.lang);
                }
                self.settings.theme = look.theme;
                self.settings.high_contrast = look.high_contrast;
                self.settings.zoom = Some(look.zoom.clamp(0.75, 2.0));
                self.apply_look(ctx);
                self.save_settings();
            }
        }
    }

    fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Open => {
                if self.start_dialog() {
                    files::pick_file(self, ctx);
                }
            }
            Command::OpenPath => self.ui.open_prompt = Some(PathPrompt::default()),
            Command::Reimport => self.reimport(),
            Command::Export => {
                self.ui.export_open = true;
                self.ui.export_fresh = true;
            }
            Command::Undo => {
                if !self.session.undo() {
                    self.toast(self.tr.t("nothing-to-undo"), false);
                }
            }
            Command::Redo => {
                if !self.session.redo() {
                    self.toast(self.tr.t("nothing-to-redo"), false);
                }
            }
            Command::Find => {
                self.ui.focus_search = true;
                self.ui.search_open = !self.ui.search.trim().is_empty();
            }
            Command::Palette => self.ui.palette = Some(ui::PaletteState::default()),
            Command::Overview => self.ui.page = Page::Overview,
            Command::About => self.ui.page = Page::About,
            Command::Review => {
                self.ui.page = Page::Review;
                self.ui.search_open = false;
                if self
                    .ui
                    .rehearsal
                    .as_ref()
                    .is_none_or(ui::rehearsal::Rehearsal::finished)
                {
                    let config = ui::rehearsal::plan_config(&self.ui);
                    let today = self.now().date();
                    let r = ui::rehearsal::Rehearsal::today(
                        self.session.notebook(),
                        &self.ui,
                        today,
                        &config,
                    );
                    self.ui.rehearsal = Some(r);
                }
            }
            Command::InterviewDay => {
                self.ui.page = Page::InterviewDay;
                self.ui.search_open = false;
            }
            Command::Stories => {
                self.ui.page = Page::Stories;
                self.ui.search_open = false;
            }
            Command::NextItem => self.move_focus(1),
            Command::PrevItem => self.move_focus(-1),
            Command::Rate(confidence) => {
                if let Some(id) = self.focused_topic() {
                    self.apply(Action::SetConfidence { id, confidence });
                }
            }
            Command::ToggleDone => {
                if let Some(id) = self.item_on_screen()
                    && let Some(item) = self.session.notebook().item(id)
                {
                    let done = !item.done;
                    self.apply(Action::SetDone { id, done });
                }
            }
            Command::EditNotes => {
                if let Some(id) = self.item_on_screen() {
                    self.ui.expanded.insert(id);
                    self.ui.focus_notes = Some(id);
                }
            }
            Command::Escape => {
                self.ui.renaming = None;
                self.ui.focus_notes = None;
                self.ui.palette = None;
                self.ui.export_open = false;
                self.ui.open_prompt = None;
                self.session.store_mut().seal();
                ctx.memory_mut(|m| {
                    if let Some(id) = m.focused() {
                        m.surrender_focus(id);
                    }
                });
            }
            Command::AddSection => self.add_section(),
            Command::FilterWeak => {
                let weak = [false, true, true, false, false, false];
                self.ui.filter = if self.ui.filter == weak {
                    [false; 6]
                } else {
                    weak
                };
            }
            Command::ToggleSidebar => {
                self.settings.sidebar = Some(!self.sidebar_shown(ctx));
                self.save_settings();
            }
            Command::ZoomIn => self.zoom(ctx, 0.1),
            Command::ZoomOut => self.zoom(ctx, -0.1),
            Command::ZoomReset => self.zoom(ctx, 0.0),
            Command::CycleTheme => {
                self.settings.theme = self.settings.theme.next();
                self.apply_look(ctx);
                self.save_settings();
            }
            Command::ToggleContrast => {
                self.settings.high_contrast = !self.settings.high_contrast;
                self.apply_look(ctx);
                self.save_settings();
            }
            Command::CycleLanguage => {
                let next = match self.tr.lang() {
                    Lang::En => Lang::Ko,
                    Lang::Ko => Lang::En,
                };
                self.set_language(next);
            }
            Command::Quit => self.quit(ctx),
        }
    }

    /// True if the sidebar is shown: as the user chose, else when the window
    /// leaves a page at least [`NARROW`] points wide beside it.
    fn sidebar_shown(&self, ctx: &egui::Context) -> bool {
        self.settings
            .sidebar
            .unwrap_or_else(|| ctx.content_rect().width() >= NARROW + 200.0)
    }

    /// Marks a system file dialog as open; false (and the user is told) if
    /// one already is: a second, easily hidden behind the first, would be
    /// forgotten.
    fn start_dialog(&mut self) -> bool {
        if self.dialog_open {
            self.toast(self.tr.t("dialog-already-open"), false);
            return false;
        }
        self.dialog_open = true;
        true
    }

    /// Switches the interface language and remembers the choice.
    pub fn set_language(&mut self, lang: Lang) {
        self.tr = Tr::new(lang);
        self.settings.lang = Some(lang);
        self.save_settings();
    }

    fn zoom(&mut self, ctx: &egui::Context, delta: f32) {
        let z = if delta == 0.0 {
            1.0
        } else {
            (self.settings.zoom() + delta).clamp(0.75, 2.0)
        };
        self.settings.zoom = Some((z * 100.0).round() / 100.0);
        ctx.set_zoom_factor(self.settings.zoom());
        self.save_settings();
    }

    /// Writes the settings on the I/O thread (a burst of changes is one write).
    fn save_settings(&mut self) {
        self.io.save_settings(&self.settings);
    }

    fn add_section(&mut self) {
        let before: Vec<Id> = self
            .session
            .notebook()
            .sections
            .iter()
            .map(|s| s.id)
            .collect();
        let after = match self.ui.page {
            Page::Section(id) => Some(id),
            _ => None,
        };
        self.apply(Action::AddSection {
            after,
            title: self.tr.t("new-section"),
            kind: SectionKind::Prose,
        });
        if let Some(new) = self
            .session
            .notebook()
            .sections
            .iter()
            .find(|s| !before.contains(&s.id))
        {
            self.ui.page = Page::Section(new.id);
            self.ui.start_renaming(new.id);
        }
    }

    /// The topic keyboard commands act on: the focused one, if it is a topic.
    fn focused_topic(&self) -> Option<Id> {
        let id = self.item_on_screen()?;
        let (section, _, _) = self.session.notebook().locate_item(id)?;
        let kind = self.session.notebook().section(section)?.kind;
        (kind == SectionKind::Topics).then_some(id)
    }

    /// How many topics today's plan still holds (as the overview's "Today"
    /// says), planned again only after a change, a new day, a new budget or
    /// a topic skipped in today's review.
    fn today_left(&mut self, today: chrono::NaiveDate) -> usize {
        let config = ui::rehearsal::plan_config(&self.ui);
        let skipped = self.ui.skipped_today.as_ref().map_or(0, |(_, s)| s.len());
        let key = (
            self.session.revision(),
            today,
            config.budget_minutes,
            skipped,
        );
        if let Some((k, n)) = self.today_left
            && k == key
        {
            return n;
        }
        let n = ui::rehearsal::plan_today(self.session.notebook(), &self.ui, today, &config)
            .today_queue()
            .len();
        self.today_left = Some((key, n));
        n
    }

    /// The focused item if the current page shows it: a bare key (Space,
    /// a digit, Enter) acts on what is on screen, never on a row of a page
    /// left earlier.
    fn item_on_screen(&self) -> Option<Id> {
        let id = self.ui.focused_item?;
        self.visible_items().contains(&id).then_some(id)
    }

    /// The items on the current page, in the order they are shown.
    fn visible_items(&self) -> Vec<Id> {
        let nb = self.session.notebook();
        if self.ui.search_open {
            let q = crate::search::Query::new(&self.ui.search);
            return crate::search::search(nb, &q)
                .into_iter()
                .filter_map(|h| match h {
                    crate::search::Hit::Item { item, .. } => Some(item),
                    crate::search::Hit::Section(_) => None,
                })
                .collect();
        }
        match self.ui.page {
            Page::Section(id) => nb.section(id).map_or_else(Vec::new, |s| {
                s.items()
                    .filter(|i| {
                        s.kind != SectionKind::Topics || !self.ui.filtered_out(i.confidence.level())
                    })
                    .map(|i| i.id)
                    .collect()
            }),
            Page::Review
            | Page::InterviewDay
            | Page::Overview
            | Page::Settings
            | Page::About
            | Page::Stories => Vec::new(),
        }
    }

    fn move_focus(&mut self, step: isize) {
        let items = self.visible_items();
        if items.is_empty() {
            return;
        }
        let pos = self
            .ui
            .focused_item
            .and_then(|f| items.iter().position(|&i| i == f));
        let next = match pos {
            None => {
                if step > 0 {
                    0
                } else {
                    items.len() - 1
                }
            }
            Some(p) => p.saturating_add_signed(step).min(items.len() - 1),
        };
        self.ui.focused_item = items.get(next).copied();
        self.ui.scroll_to_focus = true;
    }

    // ------------------------------------------------------------- opening

    /// Reads the open notebook's brief again and merges it in (keeping
    /// ratings and notes; one undo step).
    fn reimport(&mut self) {
        let source = self.session.notebook().brief_source.clone();
        if source.is_empty() || source == "built-in" {
            self.toast(self.tr.t("reimport-no-source"), true);
            return;
        }
        let lang = self.tr.lang();
        self.merge_off_thread(move || {
            crate::import::read_brief(std::path::Path::new(&source))
                .map_err(|e| errors::import_error(&e, &Tr::new(lang)))
        });
    }

    /// Opens a brief (imports it, or merges into its notebook) or a notebook
    /// file. The file is read on the I/O thread; the notebook shows when it
    /// arrives and the open one's edits are safe.
    pub fn open_path(&mut self, path: &std::path::Path) {
        if crate::import::is_notebook_path(path) {
            self.switch_to(path);
            return;
        }
        let data_dir = self.data_dir.clone();
        let path = path.to_path_buf();
        let lang = self.tr.lang();
        let open = self.session.path().to_path_buf();
        self.io.run(move || {
            let notebooks = persist::notebooks_dir(&data_dir);
            let tr = Tr::new(lang);
            let imported = crate::import::import_brief(&notebooks, &path);
            // The open notebook's journal is live; another's holds edits a
            // kill left, which the imported notebook would start over.
            let notices = match &imported {
                Ok(i) if i.target != open => files::keep_journal_aside(&data_dir, &i.target, &tr)
                    .into_iter()
                    .collect(),
                _ => Vec::new(),
            };
            let imported = imported
                .map(Box::new)
                .map_err(|e| errors::import_error(&e, &tr));
            Some(Background::Imported(imported, notices))
        });
    }

    fn switch_to(&mut self, path: &std::path::Path) {
        if path == self.session.path() {
            return;
        }
        self.request_load(path.to_path_buf(), Purpose::Switch);
    }

    fn request_load(&mut self, path: PathBuf, purpose: Purpose) {
        let lang = self.tr.lang();
        let journal = (purpose == Purpose::Switch).then(|| self.data_dir.clone());
        self.io.run(move || {
            let opened = Opened::load(path, lang, journal.as_deref());
            Some(Background::Opened(purpose, opened))
        });
    }

    /// A brief was read: merged into the open notebook when it is that
    /// notebook's brief (the in-memory version, with its unsaved edits),
    /// else its notebook replaces the open one.
    fn imported(&mut self, imported: crate::import::Imported) {
        let archived = self.tr.t("archived-group");
        if imported.target == self.session.path() {
            let fresh = imported.fresh;
            self.merge_off_thread(move || Ok(fresh));
            return;
        }
        let notebook = imported.merged_archiving(&archived);
        // A brief imported before opens its notebook, brought up to date:
        // said so, not "imported" as if it were new.
        let message = if imported.existing.is_some() {
            self.tr.t("imported-existing")
        } else {
            self.tr.t("imported")
        };
        self.replace_with(Box::new(Opened {
            notebook,
            fingerprint: imported.fingerprint(),
            path: imported.target,
            unsaved: true,
            messages: vec![message],
            recovery: None,
        }));
    }

    /// Shows `next` once the open notebook's edits are safe.
    fn replace_with(&mut self, next: Box<Opened>) {
        // A newer choice replaces an older one still waiting (it was only read).
        self.pending = Some(next);
        self.drive_pending();
    }

    /// Moves a waiting switch on: once the open notebook is saved (or kept
    /// beside its file), the waiting one becomes the session. If neither
    /// could be done, the switch is dropped and the user stays, edits intact.
    fn drive_pending(&mut self) {
        if self.pending.is_none() {
            return;
        }
        self.poll_saves();
        match self.session.leave(&self.saver) {
            Leave::Waiting => self.ctx.request_repaint_after(Duration::from_millis(20)),
            Leave::Ready(flush) => {
                let Some(next) = self.pending.take() else {
                    return;
                };
                match flush {
                    Flush::Saved => {}
                    Flush::KeptAside(copy) => {
                        let text = self
                            .tr
                            .t_args("kept-aside", &[("path", copy.display().to_string().into())]);
                        self.toast(text, false);
                    }
                    Flush::Failed(why) => {
                        let text = self.tr.t_args("not-switched", &[("why", why.into())]);
                        self.toast(text, true);
                        return;
                    }
                }
                self.adopt(*next);
            }
        }
    }

    /// Makes `next` the session (the old one's edits are safe by now).
    fn adopt(&mut self, next: Opened) {
        self.ctx.request_repaint();
        let same_file = next.path == self.session.path();
        self.watch.follow(&next.path);
        // Its journal is done with (its edits are safe) before the next
        // notebook's starts, which may be the same file's.
        self.session.end_journal();
        self.session = if next.unsaved {
            Session::unsaved(next.notebook, next.path, next.fingerprint)
        } else {
            Session::new(next.notebook, next.path, next.fingerprint)
        };
        self.session.start_journal(&self.data_dir);
        for message in next.messages {
            self.toast(message, false);
        }
        if let Some(recovery) = next.recovery {
            // Its notebook is the session now, saved like any other.
            let lang = self.tr.lang();
            self.io.run(move || {
                persist::discard_recovery(&recovery)
                    .err()
                    .map(|e| Background::Failed(e.localized(&Tr::new(lang))))
            });
        }
        if same_file {
            // Reloaded in place: keep the page if it still exists.
            if let Page::Section(id) = self.ui.page
                && self.session.notebook().section(id).is_none()
            {
                self.select_first_section();
            }
        } else {
            self.after_switch();
        }
    }

    /// A notebook file was read.
    fn opened(&mut self, purpose: Purpose, opened: Box<Opened>) {
        match purpose {
            Purpose::Switch | Purpose::Theirs => self.replace_with(opened),
            Purpose::Reload => {
                // Only if nothing was typed meanwhile; else the conflict shows.
                if opened.path == self.session.path()
                    && !self.session.is_dirty()
                    && !self.session.is_busy()
                {
                    self.adopt(*opened);
                    self.toast(self.tr.t("reloaded"), false);
                }
            }
        }
    }

    /// The open notebook's file was read again after another program
    /// changed it: shown when we have no edits; when it was damaged, ours
    /// (at least as new) is written back in its place and the damaged file
    /// stays where it was moved.
    fn reread(&mut self, path: &std::path::Path, read: Result<Box<persist::Reread>, String>) {
        if path != self.session.path() {
            return;
        }
        match read.map(|r| *r) {
            Ok(persist::Reread::Notebook(loaded)) => {
                self.opened(
                    Purpose::Reload,
                    Box::new(Opened {
                        notebook: loaded.notebook,
                        path: path.to_path_buf(),
                        fingerprint: Some(loaded.fingerprint),
                        unsaved: false,
                        messages: loaded.warnings,
                        recovery: None,
                    }),
                );
            }
            Ok(persist::Reread::Damaged { moved_to, reason }) => {
                self.session.file_damaged_and_moved(&self.saver);
                let text = self.tr.t_args(
                    "damaged-written-back",
                    &[
                        ("path", path.display().to_string().into()),
                        ("reason", reason.into()),
                        ("moved", moved_to.display().to_string().into()),
                    ],
                );
                self.toast(text, false);
            }
            Ok(persist::Reread::Missing) => {}
            Err(e) => self.failed("open-failed", &e),
        }
    }

    /// Opens a crash's recovery file: its notebook replaces the one it was
    /// a newer version of, and is saved over that file (which goes to the
    /// backups first, like any save).
    fn open_recovery(&mut self, file: &std::path::Path) {
        let Some(pos) = self.recoveries.iter().position(|r| r.path == file) else {
            return;
        };
        let recovery = self.recoveries.remove(pos);
        let message = self.tr.t("recovery-opened");
        self.io.run(move || {
            let opened = persist::load(&recovery.path)
                .map_err(|e| e.to_string())
                .and_then(|loaded| {
                    let path = recovery
                        .notebook_path
                        .clone()
                        .unwrap_or_else(|| recovery.path.clone());
                    let mut notebook = loaded.notebook;
                    if let Some(stem) = path.file_stem() {
                        notebook.id = stem.to_string_lossy().into_owned();
                    }
                    let fingerprint =
                        persist::Fingerprint::read(&path).map_err(|e| e.to_string())?;
                    Ok(Box::new(Opened {
                        notebook,
                        path,
                        fingerprint,
                        unsaved: true,
                        messages: vec![message],
                        recovery: Some(recovery),
                    }))
                });
            Some(Background::Opened(Purpose::Switch, opened))
        });
    }

    fn after_switch(&mut self) {
        self.settings.remember(self.session.path());
        self.save_settings();
        self.refresh_notebooks();
        self.select_first_section();
    }

    fn export_to(&mut self, path: PathBuf) {
        files::export_to(self, path);
    }

    // ---------------------------------------------------------- background

    fn poll_background(&mut self, ctx: &egui::Context) {
        while let Ok(msg) = self.bg_rx.try_recv() {
            // What arrives changes what is shown, often its layout: draw
            // once more so the change settles without waiting for input.
            ctx.request_repaint();
            if matches!(
                msg,
                Background::Picked(..)
                    | Background::ExportPicked(..)
                    | Background::FolderPicked(..)
                    | Background::SaveElsewherePicked(..)
            ) {
                self.dialog_open = false;
            }
            match msg {
                Background::Picked(Some(path), _) => self.open_path(&path),
                Background::Picked(None, took) => {
                    if files::dialog_unavailable(took) {
                        self.ui.open_prompt = Some(PathPrompt {
                            text: String::new(),
                            reason: Some(self.tr.t("no-dialog")),
                            started: false,
                        });
                    }
                }
                Background::ExportPicked(Some(path), _) => {
                    let path = files::with_extension(path, self.settings.export.format.extension());
                    self.ui.export_path = path.display().to_string();
                    self.export_to(path);
                }
                Background::ExportPicked(None, took)
                | Background::SaveElsewherePicked(None, took) => {
                    if files::dialog_unavailable(took) {
                        self.toast(self.tr.t("no-dialog-export"), true);
                    }
                }
                Background::Exported(Ok(path)) => {
                    files::remember_export_folder(self, &path);
                    let text = self
                        .tr
                        .t_args("exported", &[("path", path.display().to_string().into())]);
                    self.ui.export_open = false;
                    self.toast(text, false);
                    if let Some(toast) = self.toasts.last_mut() {
                        toast.file = Some(path);
                    }
                }
                Background::Opened(purpose, Ok(opened)) => self.opened(purpose, opened),
                Background::Exported(Err(e)) => self.toast(e.localized(&self.tr), true),
                Background::Failed(e) => self.failed("disk-failed", &e),
                Background::Opened(_, Err(e)) => self.failed("open-failed", &e),
                Background::Imported(Err(e), _) => self.failed("import-failed", &e),
                Background::Reimported(Err(e)) => self.failed("reimport-failed", &e),
                Background::FolderSet(Err(e)) => self.failed("folder-failed", &e),
                Background::Imported(Ok(imported), notices) => {
                    for notice in notices {
                        self.toast(notice, false);
                    }
                    self.imported(*imported);
                }
                Background::Reimported(Ok(r)) => self.reimported(*r),
                Background::Listed(list) => self.show_notebooks(list),
                Background::StoriesFrom(Ok(source)) => self.copy_stories(&source),
                Background::StoriesFrom(Err(e)) => self.failed("stories-copy-failed", &e),
                Background::Recoveries(list) => self.recoveries = list,
                Background::FolderSet(Ok(folder)) => {
                    let text = self.tr.t_args(
                        "folder-set",
                        &[("path", folder.display().to_string().into())],
                    );
                    self.toast(text, false);
                    self.notebooks_folder = folder;
                    self.ui.folder_text.clear();
                    self.refresh_notebooks();
                }
                Background::FolderPicked(Some(folder), _) => {
                    self.handle(Intent::SetNotebooksFolder(Some(folder)), ctx);
                }
                Background::FolderPicked(None, took) => {
                    if files::dialog_unavailable(took) {
                        self.toast(self.tr.t("no-dialog-folder"), true);
                    }
                }
                Background::DiskChanged(path, now) => {
                    if path == self.session.path() && self.session.changed_on_disk(now) {
                        let lang = self.tr.lang();
                        self.io.run(move || {
                            let read = persist::reread(&path)
                                .map(Box::new)
                                .map_err(|e| e.localized(&Tr::new(lang)));
                            Some(Background::Reread(path, read))
                        });
                    }
                }
                Background::Reread(path, read) => self.reread(&path, read),
                Background::Rescued(revision, written) => {
                    self.rescue_busy = false;
                    match written {
                        Ok(copy) => {
                            if self.rescue.is_none() {
                                let text = self.tr.t_args(
                                    "rescue-written",
                                    &[("path", copy.display().to_string().into())],
                                );
                                self.toast(text, true);
                            }
                            self.rescue = Some((revision, copy));
                        }
                        Err(why) => {
                            let text = self.tr.t_args("rescue-failed", &[("why", why.into())]);
                            self.toast(text, true);
                        }
                    }
                }
                Background::SaveElsewherePicked(Some(path), _) => {
                    // The next start opens that file: it holds the newest edits.
                    self.settings.remember(&path);
                    self.session.keep_at(&self.saver, path);
                }
            }
        }
        self.drive_pending();
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.first() {
            self.open_path(path);
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context, out: &mut Vec<Intent>) {
        let typing = ctx.egui_wants_keyboard_input();
        let modal =
            self.ui.palette.is_some() || self.ui.open_prompt.is_some() || self.ui.export_open;
        let widget_focused = ctx.memory(|m| m.focused().is_some());
        // A rehearsal on screen reads its own bare keys (Space, 1–5, S, Esc).
        let rehearsing = (self.ui.page == Page::Review && self.ui.rehearsal.is_some()
            || self.ui.page == Page::Stories && self.ui.stories.practising())
            && !modal;
        if egui::Popup::is_any_open(ctx) {
            // A menu (or a drop-down) is open: Esc closes it, and the bare
            // keys (J, Enter, digits…) do not act on the page behind it.
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
                egui::Popup::close_all(ctx);
            }
        }
        let popup = egui::Popup::is_any_open(ctx);
        if typing && ctx.input(|i| i.key_pressed(Key::Escape)) {
            // Left for the field, which takes this frame's keystrokes before
            // it lets go (`ui::field_ui`); the command runs after it.
            out.push(Intent::Run(Command::Escape));
        }
        for (command, sc) in Command::shortcuts_most_specific_first() {
            if rehearsing && command.needs_free_keyboard() {
                continue;
            }
            if command.needs_free_keyboard() && (typing || modal || popup) {
                // Esc still closes dialogs; everything else waits.
                if !(command == Command::Escape && modal && !typing) {
                    continue;
                }
            }
            let bare_conflicts = matches!(
                sc.logical_key,
                Key::Space | Key::Enter | Key::ArrowUp | Key::ArrowDown
            );
            if sc.modifiers == Modifiers::NONE && bare_conflicts && widget_focused {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&sc)) {
                out.push(Intent::Run(command));
            }
        }
    }

    // -------------------------------------------------------------- drawing

    /// Offers the notebooks an earlier run kept when it crashed.
    fn recoveries_ui(&self, ctx: &egui::Context, out: &mut Vec<Intent>) {
        let Some(recovery) = self.recoveries.first() else {
            return;
        };
        let time = recovery
            .time
            .with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M")
            .to_string();
        egui::Window::new(self.tr.t("recovery-title"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0))
            .show(ctx, |ui| {
                ui.set_max_width(460.0);
                ui.label(self.tr.t_args(
                    "recovery-text",
                    &[
                        ("time", time.into()),
                        ("title", recovery.title.clone().into()),
                    ],
                ));
                ui.horizontal(|ui| {
                    if ui.button(self.tr.t("recovery-open")).clicked() {
                        out.push(Intent::OpenRecovery(recovery.path.clone()));
                    }
                    if ui.button(self.tr.t("recovery-discard")).clicked() {
                        out.push(Intent::DiscardRecovery(recovery.path.clone()));
                    }
                });
            });
    }

    /// Drops the links this frame asked to open (a click in a note,
    /// rendered by egui_commonmark) that are not web pages or mail, before
    /// eframe hands them to the system: `javascript:`, `file:`, `ssh:`, a
    /// network share. The user is told which link was not opened. The same
    /// rule as the exports' ([`crate::export::url`]).
    fn open_only_web_links(&mut self, ctx: &egui::Context) {
        let mut refused = Vec::new();
        // The exported file and its folder, opened from the message after an
        // export (`file://`), are the app's own links, not a note's.
        let own = std::mem::take(&mut self.own_links);
        ctx.output_mut(|o| {
            o.commands.retain(|command| match command {
                egui::OutputCommand::OpenUrl(open)
                    if !crate::export::url::is_openable(&open.url) && !own.contains(&open.url) =>
                {
                    refused.push(open.url.clone());
                    false
                }
                _ => true,
            });
        });
        for url in refused {
            let text = self.tr.t_args("link-refused", &[("url", url.into())]);
            self.toast(text, true);
            ctx.request_repaint();
        }
    }

    fn toasts_ui(&mut self, ctx: &egui::Context, out: &mut Vec<Intent>) {
        self.toasts.retain(|t| t.at.elapsed() < TOAST_TIME);
        if self.toasts.is_empty() {
            return;
        }
        let next_expiry = self
            .toasts
            .iter()
            .map(|t| TOAST_TIME.saturating_sub(t.at.elapsed()))
            .min()
            .unwrap_or(TOAST_TIME);
        ctx.request_repaint_after(next_expiry);
        let mut own = Vec::new();
        egui::Area::new(egui::Id::unique("toasts"))
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -16.0))
            .show(ctx, |ui| {
                for toast in &self.toasts {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_max_width(420.0);
                        ui.horizontal(|ui| {
                            let mut text = RichText::new(&toast.text);
                            if toast.error {
                                text = text.color(ui.visuals().error_fg_color);
                            }
                            // Long messages (paths) wrap inside the toast.
                            ui.add(egui::Label::new(text).wrap());
                            if toast.undo && ui.button(self.tr.t("cmd-undo")).clicked() {
                                out.push(Intent::Run(Command::Undo));
                            }
                            if let Some(file) = &toast.file {
                                // Opened by the system, as a link is; these
                                // are ours, so the link rule lets them pass.
                                let open = |ui: &mut egui::Ui, key, path: &std::path::Path| {
                                    ui.button(self.tr.t(key))
                                        .clicked()
                                        .then(|| files::file_url(path))
                                };
                                let folder = file.parent();
                                own.extend(open(ui, "exported-open", file));
                                own.extend(folder.and_then(|f| open(ui, "exported-show", f)));
                            }
                        });
                    });
                }
            });
        for url in own {
            ctx.open_url(egui::OpenUrl::new_tab(url.clone()));
            self.own_links.push(url);
        }
    }
}

impl eframe::App for PrepkitApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let traced = trace::Frame::begin(&ctx);
        if self.click_after_keys.holding() {
            ctx.request_repaint();
        }
        self.poll_background(&ctx);
        let mut out = Vec::new();
        self.ui.budget_minutes = self.settings.budget();
        self.handle_shortcuts(&ctx, &mut out);
        let now = self.now();
        self.ui.interview_over = ui::debrief::interview_over(self.session.notebook(), now);
        self.ui.today_left = self.today_left(now.date());
        let look = ui::settings::Look {
            lang: self.tr.lang(),
            theme: self.settings.theme,
            high_contrast: self.settings.high_contrast,
            zoom: self.settings.zoom(),
        };
        let notebooks = self.notebooks.clone();
        let others: Vec<NotebookEntry> = notebooks
            .iter()
            .filter(|n| n.path != self.session.path() && n.kept_copy.is_none())
            .cloned()
            .collect();
        let save_state = self.session.save_state();
        // One scroll position per page: a page opens at its top, or where
        // the user left it (search results have their own).
        let searching = self.ui.search_open && !self.ui.search.trim().is_empty();
        let scroll_id = if searching { None } else { Some(self.ui.page) };
        let sidebar = self.sidebar_shown(&ctx);
        self.ui.sidebar_shown = sidebar;
        {
            let mut view = View {
                nb: self.session.notebook(),
                state: &mut self.ui,
                out: &mut out,
                tr: &self.tr,
                md: &mut self.md,
                data_dir: &self.data_dir,
            };
            // See `window_cleared`: then the panels leave their fill out.
            let window_cleared = self.window_cleared;
            let unfilled = |f: egui::Frame| {
                if window_cleared {
                    f.fill(egui::Color32::TRANSPARENT)
                } else {
                    f
                }
            };
            egui::Panel::top("header")
                .frame(unfilled(egui::Frame::side_top_panel(ui.style())))
                .show(ui, |ui| {
                    header::menu_bar_ui(ui, &mut view);
                    ui.add_space(4.0);
                    header::title_row_ui(ui, &mut view, &save_state, now);
                    ui.add_space(6.0);
                });
            if sidebar {
                // At most a third of the window, whatever the zoom.
                let window = ctx.content_rect().width();
                let max = (window / 3.0).max(180.0);
                let (wanted, last_window) = self.sidebar_width;
                let panel = ui.scope_id().with("sidebar");
                let before = egui::PanelState::load(&ctx, panel).map(|p| p.size().x);
                let resized = (window - last_window).abs() > 0.5;
                if resized && let Some(mut state) = egui::PanelState::load(&ctx, panel) {
                    // The window changed: the width the user chose, as far
                    // as the window allows now.
                    state.outer_rect.set_width(wanted.clamp(180.0, max));
                    ctx.data_mut(|d| d.insert_persisted(panel, state));
                }
                egui::Panel::left("sidebar")
                    .frame(unfilled(egui::Frame::side_top_panel(ui.style())))
                    .resizable(true)
                    .default_size(SIDEBAR_WIDTH.min(max))
                    .min_size(180.0)
                    .max_size(max)
                    .show(ui, |ui| {
                        ui::sidebar::sidebar_ui(
                            ui,
                            &mut view,
                            &notebooks,
                            Some(self.session.path()),
                        );
                    });
                // In the same window, a width that changed is the user's
                // (a drag of its edge); otherwise the choice stays.
                let after = egui::PanelState::load(&ctx, panel).map(|p| p.size().x);
                let width = match (before, after) {
                    (Some(b), Some(a)) if !resized && (a - b).abs() > 0.5 => a,
                    _ => wanted,
                };
                self.sidebar_width = (width, window);
            }
            egui::CentralPanel::default()
                .frame(unfilled(egui::Frame::central_panel(ui.style())))
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt(("page", scroll_id))
                        .auto_shrink([false, false])
                        // Always there: a bar that appears animates in over
                        // several frames, at start and on every page change.
                        .scroll_bar_visibility(
                            egui::scroll_area::ScrollBarVisibility::AlwaysVisible,
                        )
                        .show(ui, |ui| {
                            // A column of at most 900 points, centred. Placed
                            // from its left edge: something wider than a
                            // narrow page then runs off the right, and the
                            // start of every line stays in view (centred, it
                            // ran off both sides).
                            let width = ui.available_width().min(900.0);
                            let margin = ((ui.available_width() - width) / 2.0).max(0.0);
                            let column = egui::Rect::from_min_size(
                                ui.cursor().min + egui::vec2(margin, 0.0),
                                egui::vec2(width, ui.available_height()),
                            );
                            ui.scope_builder(
                                egui::UiBuilder::new()
                                    .max_rect(column)
                                    .layout(egui::Layout::top_down(egui::Align::Min)),
                                |ui| {
                                    ui::pages::page_ui(
                                        ui,
                                        &mut view,
                                        now,
                                        look,
                                        &self.notebooks_folder,
                                        &others,
                                    );
                                },
                            );
                            ui::a11y::keep_focus_in_view(ui);
                        });
                });
            ui::palette::palette_ui(&ctx, &mut view);
            ui::prompt::open_prompt_ui(&ctx, &mut view);
            ui::export::export_dialog_ui(&ctx, &mut view, &mut self.settings.export);
        }
        self.recoveries_ui(&ctx, &mut out);
        if let Some(why) = &self.quit_blocked {
            let blocked = ui::quit::QuitBlocked {
                why,
                rescue: self.rescue.as_ref().map(|(_, p)| p.as_path()),
            };
            let mut view = View {
                nb: self.session.notebook(),
                state: &mut self.ui,
                out: &mut out,
                tr: &self.tr,
                md: &mut self.md,
                data_dir: &self.data_dir,
            };
            ui::quit::quit_dialog_ui(&ctx, &mut view, &blocked);
        }
        self.toasts_ui(&ctx, &mut out);
        if !out.is_empty() {
            // This frame drew the state before the intents: draw once more
            // so what they changed (an undo's restored text, a new page)
            // shows without waiting for the next input.
            ctx.request_repaint();
        }
        if !out.is_empty() {
            // Any of them may open a file dialog: its parent is this window
            // (none without a native window: the app's path field stands in).
            self.dialog_parent = raw_window_handle::HasWindowHandle::window_handle(frame)
                .is_ok()
                .then(|| rfd::FileDialog::new().set_parent(frame));
        }
        for intent in out {
            self.handle(intent, &ctx);
        }
        self.dialog_parent = None;
        if ctx.input(|i| i.viewport().close_requested()) {
            self.closing = true;
        }
        self.autosave(&ctx);
        self.keep_rescue_copy(false);
        crash::remember(&self.data_dir, &self.session);
        if self.quit_blocked.is_some() && self.session.leave_ready() {
            // Asked to quit, and nothing would be lost now (saved by a
            // retry, by itself, or elsewhere): quit.
            self.quit_blocked = None;
            self.quit(&ctx);
        }
        if self.closing {
            self.close_or_ask(&ctx);
        }
        let title = format!("Prepkit — {}", self.session.notebook().title);
        ui::a11y::name_window(&ctx, &title);
        if title != self.window_title {
            // Hangul and all: the system draws this one, not egui.
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
        if self.session.notebook().interview_at.is_some() {
            // The countdown changes at most once a minute.
            ctx.request_repaint_after(Duration::from_mins(1));
        }
        self.open_only_web_links(&ctx);
        if let Some(traced) = traced {
            traced.end(&ctx);
        }
    }

    fn on_exit(&mut self) {
        self.closing = true;
        if let Flush::Failed(why) = self.flush_on_close() {
            // The window is already gone (the system ended it): the
            // journal and the recovery copy keep the edits.
            eprintln!("prepkit: {why}; the crash journal keeps your changes for the next start");
        }
        self.save_settings();
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.click_after_keys.pass(&mut raw_input.events);
    }

    /// The page colour: the panels do not paint it again (see `ui`).
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }
}
