//! The desktop app: draws the views, turns their intents into store actions
//! and commands, and keeps the notebook saved in the background.
//!
//! One frame: poll background work (saves, dialogs, exports) → read
//! shortcuts → draw views (they only read the notebook and push intents) →
//! apply the intents → schedule an autosave. Nothing here blocks on the disk
//! except the final flush on close.

pub mod files;
pub mod settings;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use egui::{Key, Modifiers, RichText};

use crate::action::Action;
use crate::i18n::{Lang, Tr};
use crate::model::{Confidence, Id, Notebook, SectionKind};
use crate::persist::{self, Fingerprint, PersistError, Saver};
use crate::store::Store;
use crate::ui::header::{self, SaveState};
use crate::ui::sidebar::NotebookEntry;
use crate::ui::{self, Command, Intent, Page, PathPrompt, UiState, View, theme};
pub use settings::Settings;

/// How long after the last keystroke the notebook is saved.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(700);

/// How long a toast stays.
const TOAST_TIME: Duration = Duration::from_secs(6);

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
    Exported(Result<PathBuf, String>),
}

/// A short message at the bottom of the window.
struct Toast {
    text: String,
    error: bool,
    undo: bool,
    at: Instant,
}

/// The app.
pub struct PrepkitApp {
    data_dir: PathBuf,
    store: Store,
    path: PathBuf,
    fingerprint: Option<Fingerprint>,
    saved_revision: u64,
    in_flight: Option<u64>,
    failed_revision: Option<u64>,
    last_edit: Instant,
    save_state: SaveState,
    saver: Saver,
    ui: UiState,
    tr: Tr,
    settings: Settings,
    notebooks: Vec<NotebookEntry>,
    bg_tx: Sender<Background>,
    bg_rx: Receiver<Background>,
    toasts: Vec<Toast>,
    md: egui_commonmark::CommonMarkCache,
    now: Option<NaiveDateTime>,
    closing: bool,
    ctx: egui::Context,
    window_title: String,
    /// The revision last kept beside the notebook because it could not be saved in place.
    kept_aside: Option<u64>,
}

/// Starts the desktop app (blocks until the window closes).
pub fn run(file: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    use anyhow::Context as _;
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
            let app = PrepkitApp::new(&cc.egui_ctx, startup);
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
        let mut toasts = Vec::new();
        let settings: Settings = persist::load_settings_in(&startup.data_dir, settings::NAME)
            .unwrap_or_else(|e| {
                // The damaged file was moved aside: say so, and start from defaults.
                toasts.push((e.to_string(), true));
                Settings::default()
            });
        let lang = startup.lang.or(settings.lang).unwrap_or_else(Lang::system);
        let wake_ctx = ctx.clone();
        let saver = Saver::spawn(move || wake_ctx.request_repaint()).unwrap_or_else(|_| {
            // Thread creation failed: try once more; without a saver nothing can be kept.
            Saver::spawn(|| {}).unwrap_or_else(|e| panic!("cannot start the saver: {e}"))
        });
        let (bg_tx, bg_rx) = channel();
        let (store, path, fingerprint) = files::initial_notebook(&startup, &settings, &mut toasts);
        let mut app = Self {
            data_dir: startup.data_dir,
            store: Store::new(store),
            path,
            fingerprint,
            saved_revision: 0,
            in_flight: None,
            failed_revision: None,
            last_edit: Instant::now(),
            save_state: SaveState::Saved,
            saver,
            ui: UiState::default(),
            tr: Tr::new(lang),
            settings,
            notebooks: Vec::new(),
            bg_tx,
            bg_rx,
            toasts: toasts
                .into_iter()
                .map(|(text, error)| Toast {
                    text,
                    error,
                    undo: false,
                    at: Instant::now(),
                })
                .collect(),
            md: egui_commonmark::CommonMarkCache::default(),
            now: startup.now,
            closing: false,
            ctx: ctx.clone(),
            window_title: String::new(),
            kept_aside: None,
        };
        if app.fingerprint.is_none() {
            // A new notebook: write it at once so it is in the list.
            app.saved_revision = u64::MAX;
        }
        app.settings.remember(&app.path);
        app.apply_look(ctx);
        app.refresh_notebooks();
        app.select_first_section();
        app
    }

    /// The notebook shown.
    pub fn notebook(&self) -> &Notebook {
        self.store.notebook()
    }

    /// The data folder (notebooks, settings).
    pub fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    /// Where the notebook is saved.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// The transient UI state (tests inspect it).
    pub fn ui_state(&self) -> &UiState {
        &self.ui
    }

    /// The current save status.
    pub fn save_state(&self) -> &SaveState {
        &self.save_state
    }

    /// The messages currently shown at the bottom of the window.
    pub fn toasts(&self) -> Vec<String> {
        self.toasts.iter().map(|t| t.text.clone()).collect()
    }

    /// Writes any unsaved change now and waits (at most `timeout`) for it.
    pub fn flush(&mut self, timeout: Duration) -> bool {
        self.poll_saves();
        if self.store.revision() != self.saved_revision && self.in_flight.is_none() {
            self.start_save(false);
        }
        let done = self.saver.flush(timeout);
        self.poll_saves();
        done && self.store.revision() == self.saved_revision
    }

    /// Saves before the window goes. If the notebook cannot be written in
    /// place (changed on disk and not resolved, or the save failed), the
    /// user's version is kept beside it as `<id>.unsaved-<time>.json`, which
    /// the notebook list shows: closing never drops a change.
    fn flush_on_close(&mut self) {
        if !self.flush(Duration::from_secs(10)) {
            self.keep_aside();
        }
    }

    /// Writes the notebook as it is now beside its file, as
    /// `<id>.unsaved-<time>.json`, once per revision.
    fn keep_aside(&mut self) {
        if self.kept_aside == Some(self.store.revision()) {
            return;
        }
        let stem = self
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let copy = self
            .path
            .with_file_name(format!("{stem}.unsaved-{stamp}.json"));
        if copy.exists() {
            return;
        }
        match persist::save(&copy, self.store.notebook(), None) {
            Ok(_) => self.kept_aside = Some(self.store.revision()),
            Err(e) => eprintln!("prepkit: could not keep the unsaved notebook: {e}"),
        }
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
        let nb = self.store.notebook();
        let first = nb
            .first_of_kind(SectionKind::Topics)
            .or_else(|| nb.sections.first())
            .map(|s| s.id);
        self.ui = UiState::default();
        if let Some(id) = first {
            self.ui.page = Page::Section(id);
        }
    }

    fn refresh_notebooks(&mut self) {
        let list = persist::list(&self.data_dir).unwrap_or_default();
        self.notebooks = list
            .into_iter()
            .filter(|i| i.error.is_none())
            .map(|i| NotebookEntry {
                title: if i.title.is_empty() { i.id } else { i.title },
                path: i.path,
            })
            .collect();
        // Notebooks opened from elsewhere are remembered as recent ones.
        let outside: Vec<PathBuf> = self
            .settings
            .recent
            .iter()
            .filter(|p| p.exists() && !self.notebooks.iter().any(|n| &n.path == *p))
            .cloned()
            .collect();
        for path in outside {
            let title = if path == self.path {
                self.store.notebook().title.clone()
            } else {
                path.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            };
            self.notebooks.push(NotebookEntry { title, path });
        }
        if !self.notebooks.iter().any(|n| n.path == self.path) {
            self.notebooks.insert(
                0,
                NotebookEntry {
                    title: self.store.notebook().title.clone(),
                    path: self.path.clone(),
                },
            );
        }
    }

    fn toast(&mut self, text: impl Into<String>, error: bool) {
        self.toasts.push(Toast {
            text: text.into(),
            error,
            undo: false,
            at: Instant::now(),
        });
    }

    // ---------------------------------------------------------------- saving

    fn poll_saves(&mut self) {
        for outcome in self.saver.poll() {
            if outcome.path != self.path {
                continue;
            }
            if self.in_flight == Some(outcome.revision) {
                self.in_flight = None;
            }
            match outcome.result {
                Ok(fp) => {
                    self.fingerprint = Some(fp);
                    self.saved_revision = outcome.revision;
                    self.failed_revision = None;
                }
                Err(PersistError::ChangedOnDisk { .. }) => {
                    self.save_state = SaveState::Conflict;
                    self.failed_revision = Some(outcome.revision);
                }
                Err(e) => {
                    self.save_state = SaveState::Failed(e.to_string());
                    self.failed_revision = Some(outcome.revision);
                }
            }
        }
        if self.store.revision() == self.saved_revision && self.in_flight.is_none() {
            self.save_state = SaveState::Saved;
        } else if self.failed_revision.is_none() {
            self.save_state = SaveState::Saving;
        }
    }

    fn start_save(&mut self, force: bool) {
        let revision = self.store.revision();
        let options = if force {
            persist::SaveOptions::forced()
        } else {
            persist::SaveOptions::default()
        };
        self.saver.save_with(
            self.path.clone(),
            self.store.notebook().clone(),
            revision,
            self.fingerprint,
            options,
        );
        self.in_flight = Some(revision);
        self.failed_revision = None;
        self.save_state = SaveState::Saving;
    }

    fn autosave(&mut self, ctx: &egui::Context) {
        self.poll_saves();
        let dirty = self.store.revision() != self.saved_revision;
        if !dirty || self.in_flight.is_some() || self.failed_revision == Some(self.store.revision())
        {
            return;
        }
        if matches!(self.save_state, SaveState::Conflict) {
            return;
        }
        let waited = self.last_edit.elapsed();
        if waited >= AUTOSAVE_DELAY || self.closing {
            self.start_save(false);
        } else {
            ctx.request_repaint_after(AUTOSAVE_DELAY.saturating_sub(waited));
        }
    }

    // --------------------------------------------------------------- intents

    fn apply(&mut self, action: Action) {
        let deletion = matches!(
            action,
            Action::RemoveItem(_) | Action::RemoveGroup(_) | Action::RemoveSection(_)
        );
        if self.store.apply(action) {
            self.last_edit = Instant::now();
            if deletion {
                let text = self.tr.t("deleted");
                self.toasts.push(Toast {
                    text,
                    error: false,
                    undo: true,
                    at: Instant::now(),
                });
            }
        }
    }

    fn handle(&mut self, intent: Intent, ctx: &egui::Context) {
        match intent {
            Intent::Do(action) => self.apply(action),
            Intent::Run(command) => self.run_command(command, ctx),
            Intent::OpenPath(path) => self.open_path(&path),
            Intent::SwitchNotebook(path) => self.switch_to(&path),
            Intent::RetrySave => self.start_save(false),
            Intent::KeepMine => self.start_save(true),
            Intent::LoadTheirs => {
                // Theirs replaces ours on screen; ours is kept beside it, not dropped.
                if self.store.revision() != self.saved_revision {
                    self.keep_aside();
                }
                let path = self.path.clone();
                self.saved_revision = self.store.revision();
                self.load_notebook(&path);
            }
            Intent::ExportTo(path) => self.export_to(path),
            Intent::ExportBrowse => files::pick_export_file(self, ctx),
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
            Command::Open => files::pick_file(self, ctx),
            Command::OpenPath => self.ui.open_prompt = Some(PathPrompt::default()),
            Command::Reimport => self.reimport(),
            Command::Export => {
                self.ui.export_open = true;
                self.ui.export_fresh = true;
            }
            Command::Undo => {
                if self.store.undo() {
                    self.last_edit = Instant::now();
                } else {
                    self.toast(self.tr.t("nothing-to-undo"), false);
                }
            }
            Command::Redo => {
                if self.store.redo() {
                    self.last_edit = Instant::now();
                } else {
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
            }
            Command::NextItem => self.move_focus(1),
            Command::PrevItem => self.move_focus(-1),
            Command::Rate(confidence) => {
                if let Some(id) = self.focused_topic() {
                    self.apply(Action::SetConfidence { id, confidence });
                }
            }
            Command::ToggleDone => {
                if let Some(id) = self.ui.focused_item
                    && let Some(item) = self.store.notebook().item(id)
                {
                    let done = !item.done;
                    self.apply(Action::SetDone { id, done });
                }
            }
            Command::EditNotes => {
                if let Some(id) = self.ui.focused_item {
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
                self.store.seal();
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
            Command::Quit => {
                self.closing = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
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

    fn save_settings(&mut self) {
        if let Err(e) = persist::save_settings_in(&self.data_dir, settings::NAME, &self.settings) {
            self.toast(e.to_string(), true);
        }
    }

    fn add_section(&mut self) {
        let before: Vec<Id> = self
            .store
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
            .store
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
        let id = self.ui.focused_item?;
        let (section, _, _) = self.store.notebook().locate_item(id)?;
        let kind = self.store.notebook().section(section)?.kind;
        (kind == SectionKind::Topics).then_some(id)
    }

    /// The items on the current page, in the order they are shown.
    fn visible_items(&self) -> Vec<Id> {
        let nb = self.store.notebook();
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
            Page::Review => crate::review::review_queue(nb)
                .into_iter()
                .filter(|i| i.confidence < Confidence::Good)
                .map(|i| i.id)
                .collect(),
            Page::Overview | Page::Settings | Page::About => Vec::new(),
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

    fn reimport(&mut self) {
        let source = PathBuf::from(&self.store.notebook().brief_source);
        if self.store.notebook().brief_source == "built-in" || !source.exists() {
            self.toast(self.tr.t("reimport-no-source"), true);
            return;
        }
        match files::read_brief(&source) {
            Ok(fresh) => {
                let merged = crate::brief::merge(self.store.notebook(), fresh);
                self.apply(Action::Replace(Box::new(merged)));
                self.toast(self.tr.t("reimported"), false);
            }
            Err(e) => self.toast(e, true),
        }
    }

    /// Opens a brief (imports it, or merges into its notebook) or a notebook file.
    pub fn open_path(&mut self, path: &std::path::Path) {
        let is_notebook = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if is_notebook {
            self.switch_to(path);
            return;
        }
        match files::import_brief(&self.data_dir, path) {
            Ok((notebook, target, existing)) => {
                if target == self.path {
                    self.apply(Action::Replace(Box::new(notebook)));
                    self.toast(self.tr.t("reimported"), false);
                    return;
                }
                self.flush(Duration::from_secs(5));
                self.store = Store::new(notebook);
                self.path = target;
                self.fingerprint = existing;
                self.saved_revision = u64::MAX;
                self.in_flight = None;
                self.failed_revision = None;
                self.last_edit = Instant::now()
                    .checked_sub(AUTOSAVE_DELAY)
                    .unwrap_or_else(Instant::now);
                self.after_switch();
                self.toast(self.tr.t("imported"), false);
            }
            Err(e) => self.toast(e, true),
        }
    }

    fn switch_to(&mut self, path: &std::path::Path) {
        if path == self.path {
            return;
        }
        self.flush(Duration::from_secs(5));
        self.load_notebook(path);
    }

    fn load_notebook(&mut self, path: &std::path::Path) {
        match persist::load(path) {
            Ok(loaded) => {
                for w in &loaded.warnings {
                    self.toast(w.clone(), false);
                }
                self.store = Store::new(loaded.notebook);
                self.path = path.to_path_buf();
                self.fingerprint = Some(loaded.fingerprint);
                self.saved_revision = self.store.revision();
                self.in_flight = None;
                self.failed_revision = None;
                self.save_state = SaveState::Saved;
                self.after_switch();
            }
            Err(e) => self.toast(e.to_string(), true),
        }
    }

    fn after_switch(&mut self) {
        self.settings.remember(&self.path);
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
                    self.ui.export_path = path.display().to_string();
                    self.export_to(path);
                }
                Background::ExportPicked(None, took) => {
                    if files::dialog_unavailable(took) {
                        self.toast(self.tr.t("no-dialog-export"), true);
                    }
                }
                Background::Exported(Ok(path)) => {
                    let text = self
                        .tr
                        .t_args("exported", &[("path", path.display().to_string().into())]);
                    self.ui.export_open = false;
                    self.toast(text, false);
                }
                Background::Exported(Err(e)) => self.toast(e, true),
            }
        }
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
        for command in Command::ALL {
            let shortcuts = command
                .shortcut()
                .into_iter()
                .chain(command.alt_shortcuts().iter().copied());
            for sc in shortcuts {
                if command.needs_free_keyboard() && (typing || modal) {
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
    }

    // -------------------------------------------------------------- drawing

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
        egui::Area::new(egui::Id::unique("toasts"))
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -16.0))
            .show(ctx, |ui| {
                for toast in &self.toasts {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_max_width(420.0);
                        ui.horizontal(|ui| {
                            let text = RichText::new(&toast.text);
                            if toast.error {
                                ui.colored_label(ui.visuals().error_fg_color, text);
                            } else {
                                ui.label(text);
                            }
                            if toast.undo && ui.button(self.tr.t("cmd-undo")).clicked() {
                                out.push(Intent::Run(Command::Undo));
                            }
                        });
                    });
                }
            });
    }
}

impl eframe::App for PrepkitApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.poll_background(&ctx);
        let mut out = Vec::new();
        self.handle_shortcuts(&ctx, &mut out);
        let now = self.now();
        let look = ui::settings::Look {
            lang: self.tr.lang(),
            theme: self.settings.theme,
            high_contrast: self.settings.high_contrast,
            zoom: self.settings.zoom(),
        };
        let notebooks = self.notebooks.clone();
        {
            let mut view = View {
                nb: self.store.notebook(),
                state: &mut self.ui,
                out: &mut out,
                tr: &self.tr,
                md: &mut self.md,
                data_dir: &self.data_dir,
            };
            egui::Panel::top("header").show(ui, |ui| {
                header::menu_bar_ui(ui, &mut view);
                ui.add_space(4.0);
                header::title_row_ui(ui, &mut view, &self.save_state, now);
                ui.add_space(6.0);
            });
            egui::Panel::left("sidebar")
                .resizable(true)
                .default_size(260.0)
                .min_size(180.0)
                .show(ui, |ui| {
                    ui::sidebar::sidebar_ui(ui, &mut view, &notebooks, Some(&self.path));
                });
            egui::CentralPanel::default().show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        let width = ui.available_width().min(900.0);
                        ui.vertical_centered(|ui| {
                            ui.set_max_width(width);
                            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                                ui::pages::page_ui(ui, &mut view, now, look);
                            });
                        });
                    });
            });
            ui::palette::palette_ui(&ctx, &mut view);
            ui::prompt::open_prompt_ui(&ctx, &mut view);
            ui::export::export_dialog_ui(&ctx, &mut view, &mut self.settings.export);
        }
        self.toasts_ui(&ctx, &mut out);
        for intent in out {
            self.handle(intent, &ctx);
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            self.closing = true;
        }
        self.autosave(&ctx);
        if self.closing {
            self.flush_on_close();
        }
        let title = format!("Prepkit — {}", self.store.notebook().title);
        if title != self.window_title {
            // Hangul and all: the system draws this one, not egui.
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
        if self.store.notebook().interview_at.is_some() {
            // The countdown changes at most once a minute.
            ctx.request_repaint_after(Duration::from_mins(1));
        }
    }

    fn on_exit(&mut self) {
        self.closing = true;
        self.flush_on_close();
        self.save_settings();
    }
}
