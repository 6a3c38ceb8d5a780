//! The views. Each reads `&Notebook` and the transient [`UiState`] and pushes
//! [`Intent`]s; nothing here changes the notebook. `app.rs` applies the
//! intents once at the end of the frame.

pub mod a11y;
pub mod about;
pub mod commands;
pub mod dashboard;
pub mod datepicker;
pub mod debrief;
pub mod dialog;
pub mod export;
pub mod header;
pub mod ime;
pub mod items;
pub mod overview;
pub mod pages;
pub mod palette;
pub mod prompt;
pub mod quit;
pub mod rehearsal;
pub mod section;
pub mod settings;
pub mod sheet;
pub mod sidebar;
pub mod stories;
pub mod theme;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use egui::{Response, Ui};

use crate::action::Action;
use crate::i18n::Tr;
use crate::model::{Id, Notebook};
pub use commands::Command;

/// Every symbol the interface draws (its own and egui_commonmark's, such as
/// the code block's copy button), so a test can check that the bundled fonts
/// have a glyph for each: a missing one shows as a box.
pub const ICONS: &[&str] = &[
    "▶",
    "▼",
    "◀",
    "⋯",
    "–",
    "−",
    "·",
    "•",
    "■",
    "≤",
    "…",
    "“",
    "”",
    "—",
    header::ICON_HIDE_SIDEBAR,
    header::ICON_SHOW_SIDEBAR,
    // egui_commonmark: code block copy button, then "copied".
    "🗐",
    "✔",
    // egui: combo box and collapsing header arrows are painted, not glyphs.
];

/// What a view asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    /// Change the notebook.
    Do(Action),
    /// Run a command from the command table.
    Run(Command),
    /// Open this brief or notebook file.
    OpenPath(PathBuf),
    /// Switch to another notebook in the data folder.
    SwitchNotebook(PathBuf),
    /// Retry the failed save.
    RetrySave,
    /// The notebook changed on disk: keep ours (overwrite, theirs goes to backups).
    KeepMine,
    /// The notebook changed on disk: load theirs.
    LoadTheirs,
    /// Export with the dialog's current options to this path.
    ExportTo(PathBuf),
    /// Pick an export file with the system dialog.
    ExportBrowse,
    /// Change language, theme, contrast or text size (remembered).
    SetLook(settings::Look),
    /// Keep notebooks in this folder from now on (`None`: the default).
    SetNotebooksFolder(Option<PathBuf>),
    /// Pick the notebooks folder with the system dialog.
    BrowseNotebooksFolder,
    /// Review this many minutes a day (remembered; the plan and rehearsal use it).
    SetBudget(u32),
    /// Open the notebook kept after a crash (this recovery file).
    OpenRecovery(PathBuf),
    /// Delete the notebook kept after a crash (this recovery file).
    DiscardRecovery(PathBuf),
    /// Show this page (and leave the search results). Applied after the
    /// frame, so the page shown now still takes this frame's keystrokes.
    ShowPage(Page),
    /// Read this notebook file and copy its stories into the open notebook.
    CopyStoriesFrom(PathBuf),
    /// Closing with edits in no file: save again (the window closes once
    /// saved).
    QuitRetry,
    /// Closing with edits in no file: write them to a file the user picks
    /// (the window closes once written).
    QuitSaveElsewhere,
    /// Closing with edits in no file: quit without them (the recovery copy
    /// stays).
    QuitDiscard,
    /// Closing with edits in no file: stay.
    QuitCancel,
}

/// Which page the main area shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Page {
    /// Interview details, progress and the review plan.
    #[default]
    Overview,
    /// One section.
    Section(Id),
    /// Review: a rehearsal of today's topics, one at a time.
    Review,
    /// The interview-day sheet: one screen to read before going in.
    InterviewDay,
    /// Language, theme, contrast, text size.
    Settings,
    /// Version, licences, the data folder.
    About,
    /// The story bank, the coverage grid and story practice.
    Stories,
}

/// A path typed in the app when no system dialog can be shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PathPrompt {
    /// The text typed so far.
    pub text: String,
    /// Why the prompt is shown (e.g. "no system file dialog").
    pub reason: Option<String>,
    /// The field has been given focus once.
    pub started: bool,
}

/// The command palette's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PaletteState {
    /// Filter text.
    pub query: String,
    /// Highlighted row.
    pub selected: usize,
    /// The frame it opened in (set on its first frame): each opening gets a
    /// result list of its own, scrolled to the top.
    pub opened: Option<u64>,
}

/// Transient UI state: what is selected, expanded or being edited. Not saved
/// with the notebook.
#[derive(Default)]
pub struct UiState {
    /// The page shown.
    pub page: Page,
    /// The item that keyboard commands act on.
    pub focused_item: Option<Id>,
    /// Items whose notes are open.
    pub expanded: HashSet<Id>,
    /// The item whose notes editor should take keyboard focus next frame.
    pub focus_notes: Option<Id>,
    /// Sections whose Markdown is shown as an editor rather than rendered.
    pub editing_markdown: HashSet<Id>,
    /// The section, group or item whose name or text is edited inline.
    pub renaming: Option<Id>,
    /// Renaming just started: the field takes the keyboard.
    pub rename_fresh: bool,
    /// Text typed in each group's open "add item" field.
    pub new_item: HashMap<Id, String>,
    /// The group whose "add item" field takes keyboard focus next frame.
    pub focus_new_item: Option<Id>,
    /// Confidence filter: levels shown (all `false` = show everything).
    pub filter: [bool; 6],
    /// The search text (searching when non-empty and `search_open`).
    pub search: String,
    /// The search box is shown.
    pub search_open: bool,
    /// Give the search box keyboard focus next frame.
    pub focus_search: bool,
    /// The command palette, when open.
    pub palette: Option<PaletteState>,
    /// The in-app path field for opening, when open.
    pub open_prompt: Option<PathPrompt>,
    /// The export dialog, when open.
    pub export_open: bool,
    /// The path typed in the export dialog.
    pub export_path: String,
    /// The file name the export dialog last put at the end of
    /// `export_path`: while the path still ends in it, the name follows the
    /// document, the format and the notebook (another notebook's name was
    /// taken for one the user typed, and kept).
    pub export_offered: String,
    /// The export dialog just opened: its path field takes the keyboard.
    pub export_fresh: bool,
    /// The existing file the user was warned about: exporting to it again
    /// replaces it.
    pub export_replace: Option<PathBuf>,
    /// The folder typed on the settings page for the notebooks.
    pub folder_text: String,
    /// In review mode: topics whose notes the user revealed.
    pub revealed: HashSet<Id>,
    /// Scroll the focused item into view next frame.
    pub scroll_to_focus: bool,
    /// The overview brings its interview date into view (and its Set
    /// button takes the keyboard) when next drawn: the header's "Set the
    /// interview date" landed wherever the overview was last scrolled.
    pub show_date: bool,
    /// The sidebar is shown (the app decides; the header's toggle reads it).
    pub sidebar_shown: bool,
    /// Each item row's height when last drawn, so rows out of view can be
    /// skipped while keeping the scroll area's size.
    pub row_heights: HashMap<Id, f32>,
    /// The rehearsal in progress (or its summary), if any.
    pub rehearsal: Option<rehearsal::Rehearsal>,
    /// Topics skipped in a review today, with the day: they leave today's
    /// queue (the overview, the sidebar, the next "Start today's review")
    /// for the rest of that day. UI state only, never saved: tomorrow's
    /// plan has them again.
    pub skipped_today: Option<(chrono::NaiveDate, HashSet<Id>)>,
    /// The daily review budget in minutes (0: the planner's default).
    pub budget_minutes: u32,
    /// Topics left in today's plan (the app sets it each frame): the
    /// sidebar says the same as the overview's "Today".
    pub today_left: usize,
    /// The Stories page: tab, selected story, practice.
    pub stories: stories::StoriesState,
    /// The interview is over (the app sets it each frame): the
    /// interview-day page is the debrief and is named so.
    pub interview_over: bool,
}

impl UiState {
    /// Drops from `plan`'s today the topics skipped in a review that day
    /// (and the day itself once nothing is left of it): today's review was
    /// gone through.
    pub fn drop_skipped(&self, plan: &mut crate::review::Plan) {
        let Some((day, skipped)) = &self.skipped_today else {
            return;
        };
        if *day != plan.today {
            return;
        }
        for d in plan.days.iter_mut().filter(|d| d.date == *day) {
            d.topics.retain(|t| !skipped.contains(&t.id));
            d.minutes = d.topics.iter().map(|t| t.minutes).sum();
        }
        plan.days.retain(|d| d.date != *day || !d.topics.is_empty());
    }

    /// True when a topic was skipped in a review on `day`: today's review
    /// was gone through, not empty from the start.
    pub fn skipped_on(&self, day: chrono::NaiveDate) -> bool {
        self.skipped_today
            .as_ref()
            .is_some_and(|(d, s)| *d == day && !s.is_empty())
    }

    /// Remembers that `id` was skipped in today's review on `day`.
    pub fn skip_today(&mut self, day: chrono::NaiveDate, id: Id) {
        match &mut self.skipped_today {
            Some((d, skipped)) if *d == day => {
                skipped.insert(id);
            }
            _ => self.skipped_today = Some((day, HashSet::from([id]))),
        }
    }

    /// Starts editing the name of a section or group, or an item's text.
    pub fn start_renaming(&mut self, id: Id) {
        self.renaming = Some(id);
        self.rename_fresh = true;
    }

    /// True if the confidence filter hides this level.
    pub fn filtered_out(&self, level: u8) -> bool {
        self.filter.iter().any(|&f| f)
            && !self
                .filter
                .get(usize::from(level))
                .copied()
                .unwrap_or(false)
    }
}

/// What every view gets: the notebook to read, the UI state, where to push
/// intents, and the translator.
pub struct View<'a> {
    /// The notebook, read-only.
    pub nb: &'a Notebook,
    /// Transient UI state.
    pub state: &'a mut UiState,
    /// Intents for the app to carry out at the end of the frame.
    pub out: &'a mut Vec<Intent>,
    /// Translations.
    pub tr: &'a Tr,
    /// Cache for rendered Markdown.
    pub md: &'a mut egui_commonmark::CommonMarkCache,
    /// The data folder (shown on the About page).
    pub data_dir: &'a std::path::Path,
}

impl View<'_> {
    /// Pushes a notebook change.
    pub fn act(&mut self, action: Action) {
        self.out.push(Intent::Do(action));
    }

    /// Pushes a command.
    pub fn run(&mut self, command: Command) {
        self.out.push(Intent::Run(command));
    }

    /// A command's label in menus and the palette: the interview-day page
    /// is called "Debrief" once the interview is over.
    pub fn command_label(&self, command: Command) -> String {
        if command == Command::InterviewDay && self.state.interview_over {
            self.tr.t("debrief")
        } else {
            self.tr.t(command.label_key())
        }
    }
}

/// What the user picked in the "⋯" menu of a section, group or item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditPick {
    /// Rename it / edit its text.
    Rename,
    /// Move it one place up.
    Up,
    /// Move it one place down.
    Down,
    /// Delete it (undo brings it back).
    Delete,
}

/// The "⋯" menu shared by sections, groups and items. `rename_key` and
/// `delete_key` name the first and last entries ("Rename", "Delete group"…).
pub fn edit_menu_ui(
    ui: &mut Ui,
    tr: &Tr,
    accessible: &str,
    rename_key: &str,
    delete_key: &str,
) -> Option<EditPick> {
    let mut picked = None;
    let entries = [
        (rename_key, EditPick::Rename),
        ("move-up", EditPick::Up),
        ("move-down", EditPick::Down),
        (delete_key, EditPick::Delete),
    ];
    let resp = ui.menu_button("⋯", |ui| {
        for (key, pick) in entries {
            let label = tr.t(key);
            let item = ui.button(&label);
            a11y::command(&item, egui::accesskit::Role::MenuItem, &label, None);
            if item.clicked() {
                picked = Some(pick);
                ui.close();
            }
        }
    });
    name(ui, &resp.response, accessible);
    a11y::expanded(&resp.response, resp.inner.is_some());
    picked
}

/// Shows the user's Markdown (a prose section, a topic's detail, notes)
/// under the briefs' nesting cap ([`crate::brief::cap_nesting`]): list and
/// quote markers from column 32 on are shown as text, so a line of
/// thousands of `- ` draws in time linear in its length, not in its depth.
/// The text itself is left as it is (only what is drawn is capped); the cap
/// is one pass over the line starts and borrows when nothing changes, far
/// less than the viewer's own parse of the same text in the same frame.
pub fn markdown(ui: &mut Ui, cache: &mut egui_commonmark::CommonMarkCache, text: &str) {
    let (capped, _) = crate::brief::cap_nesting(text);
    egui_commonmark::CommonMarkViewer::new().show(ui, cache, &capped);
}

/// How wide `text` is on one line, in points (to keep room for it).
pub fn text_width(ui: &Ui, text: impl Into<egui::WidgetText>, style: egui::TextStyle) -> f32 {
    text.into()
        .into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, style)
        .size()
        .x
}

/// Gives a widget an accessible name (screen readers, kittest queries).
pub fn name(ui: &Ui, response: &Response, name: &str) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}

/// Gives keyboard focus to the widget `id` before it is drawn, so it
/// receives this frame's keystrokes (a later `request_focus` would only take
/// effect next frame, and fast typing would be lost in between).
pub fn focus_now(ui: &Ui, id: egui::Id) {
    ui.memory_mut(|m| m.request_focus(id));
}

/// The first line of a Markdown note with something in it, as plain text:
/// `## Cache-aside` reads "Cache-aside", `**TTL** of [60 s](…)` "TTL of 60 s".
pub fn first_line_plain(markdown: &str) -> String {
    markdown
        .lines()
        .find(|l| !l.trim().is_empty())
        .map(line_plain)
        .unwrap_or_default()
}

/// One line of Markdown as plain text: `- **Own the data:** x` reads
/// "Own the data: x".
pub fn line_plain(line: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut plain = String::new();
    for event in Parser::new(line) {
        match event {
            Event::Text(t) | Event::Code(t) => plain.push_str(&t),
            Event::SoftBreak | Event::HardBreak => plain.push(' '),
            _ => {}
        }
    }
    let plain = plain.trim();
    if plain.is_empty() {
        // Only markup (a rule, an image without text): show it as written.
        line.trim().to_owned()
    } else {
        plain.to_owned()
    }
}

/// Removes control characters other than newline and tab.
///
/// Some input methods commit the Escape key as text (seen with ibus-hangul
/// over XIM: Escape during composition committed `\u{1b}`), and egui's
/// `TextEdit` inserts IME commits verbatim; a note must never hold them.
/// (No upstream egui issue yet; Backspace during composition, emilk/egui#7908,
/// behaves correctly in 0.37 on X11 with ibus-hangul.)
pub fn strip_controls(text: &mut String) {
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        text.retain(|c| !c.is_control() || c == '\n' || c == '\t');
    }
}

/// Adds a text field that keeps the keystrokes typed just before Esc.
///
/// A slow frame (a laptop on battery, a busy machine) gets several keys and
/// then the Esc in one event list. egui drops the focus on Esc at the start
/// of a frame, before any widget runs, so the characters typed in that
/// frame were lost. Here the field lets Esc through to itself, takes the
/// frame's keystrokes in order, and only then gives up the focus. (A click
/// after typing never shares a frame with the keys: `app::input`.)
pub fn field_ui(ui: &mut Ui, edit: egui::TextEdit<'_>) -> Response {
    let filter = egui::EventFilter {
        escape: true,
        ..edit.get_event_filter()
    };
    let response = ui.add(edit.event_filter(filter));
    if response.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        response.surrender_focus();
    }
    response
}

/// A multi-line text editor bound to a string from the notebook.
///
/// Returns the new text when the user changed it; the caller turns that into
/// an action. The editor edits a copy, so the notebook only changes through
/// the store.
pub fn text_editor_ui(
    ui: &mut Ui,
    id: egui::Id,
    current: &str,
    label: &str,
    hint: &str,
    rows: usize,
) -> (Response, Option<String>) {
    bound_editor_ui(ui, id, current, label, |text| {
        egui::TextEdit::multiline(text)
            .id(id)
            .hint_text(hint)
            .desired_rows(rows)
            .desired_width(f32::INFINITY)
            .lock_focus(true)
    })
}

/// A multi-line field of a form (a story's Situation, Task, Action,
/// Result): like [`text_editor_ui`], but Tab moves to the next field instead
/// of typing a tab, so a story is filled in from the keyboard field by field.
pub fn form_editor_ui(
    ui: &mut Ui,
    id: egui::Id,
    current: &str,
    label: &str,
    rows: usize,
) -> (Response, Option<String>) {
    bound_editor_ui(ui, id, current, label, |text| {
        egui::TextEdit::multiline(text)
            .id(id)
            .hint_text(label)
            .desired_rows(rows)
            .desired_width(f32::INFINITY)
            .lock_focus(false)
    })
}

/// Shows the editor `make` builds (with the id `id`) on a copy of `current`,
/// names it, and returns the cleaned new text if the user changed it, or if
/// the input method committed to it after it lost the keyboard
/// ([`ime::take_late_commit`]). Shared by every editor bound to the notebook.
fn bound_editor_ui(
    ui: &mut Ui,
    id: egui::Id,
    current: &str,
    label: &str,
    make: impl for<'t> FnOnce(&'t mut String) -> egui::TextEdit<'t>,
) -> (Response, Option<String>) {
    let mut text = current.to_owned();
    let owned = ui.memory(|m| m.has_focus(id));
    let response = field_ui(ui, make(&mut text));
    name(ui, &response, label);
    let late = ime::take_late_commit(ui, id, owned, &mut text);
    strip_controls(&mut text);
    let changed = ((response.changed() || late) && text != current).then_some(text);
    (response, changed)
}

/// The inline field that renames a section or group, or edits an item's
/// text, while [`UiState::renaming`] names it. Returns the new text when it
/// changed; Enter, a click elsewhere or "Done" ends the editing.
pub fn rename_ui(
    ui: &mut Ui,
    view: &mut View<'_>,
    id: Id,
    current: &str,
    label: &str,
    width: f32,
) -> Option<String> {
    let field = egui::Id::unique(("rename", id));
    if std::mem::take(&mut view.state.rename_fresh) {
        focus_now(ui, field);
    }
    let (resp, changed) = line_editor_ui(ui, field, current, label, label, width);
    if resp.lost_focus() || ui.button(view.tr.t("done")).clicked() {
        view.state.renaming = None;
    }
    changed
}

/// A one-line text field bound to a string from the notebook.
pub fn line_editor_ui(
    ui: &mut Ui,
    id: egui::Id,
    current: &str,
    label: &str,
    hint: &str,
    width: f32,
) -> (Response, Option<String>) {
    bound_editor_ui(ui, id, current, label, |text| {
        egui::TextEdit::singleline(text)
            .id(id)
            .hint_text(hint)
            .desired_width(width)
    })
}
