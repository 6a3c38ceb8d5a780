//! The top of the window: the menus (read from the command table), the
//! interview's name with its countdown, the save status, and the search box.

use egui::{Align, RichText, Ui};

use super::{Command, Intent, View, name};
use crate::review;

/// Where saving stands, as the header shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is on disk.
    #[default]
    Saved,
    /// Changes wait for the user to pause typing, or are being written.
    Saving,
    /// The last save failed; the message says why.
    Failed(String),
    /// The file changed on disk since we read it.
    Conflict,
}

/// Menu entries, by menu: each row is a command from the table.
pub(crate) const MENUS: [(&str, &[Command]); 4] = [
    (
        "menu-file",
        &[
            Command::Open,
            Command::OpenPath,
            Command::Reimport,
            Command::Export,
            Command::Quit,
        ],
    ),
    (
        "menu-edit",
        &[
            Command::Undo,
            Command::Redo,
            Command::Find,
            Command::AddSection,
            Command::Palette,
        ],
    ),
    (
        "menu-view",
        &[
            Command::FilterWeak,
            Command::ToggleSidebar,
            Command::ZoomIn,
            Command::ZoomOut,
            Command::ZoomReset,
            Command::CycleTheme,
            Command::ToggleContrast,
            Command::CycleLanguage,
        ],
    ),
    (
        "menu-go",
        &[
            // Every page of its own is gone to from here, as from the sidebar.
            Command::Overview,
            Command::Review,
            Command::Stories,
            Command::InterviewDay,
            Command::About,
            Command::NextItem,
            Command::PrevItem,
            Command::EditNotes,
            Command::ToggleDone,
        ],
    ),
];

/// The menu bar.
pub fn menu_bar_ui(ui: &mut Ui, view: &mut View<'_>) {
    egui::MenuBar::new().ui(ui, |ui| {
        for (title, commands) in MENUS {
            let menu = ui.menu_button(view.tr.t(title), |ui| {
                for &command in commands {
                    let label = view.command_label(command);
                    let shortcut = command
                        .shortcut()
                        .map(|sc| super::commands::shortcut_text(ui.ctx(), view.tr, &sc));
                    let mut button = egui::Button::new(&label);
                    if let Some(keys) = &shortcut {
                        button = button.shortcut_text(keys);
                    }
                    let item = ui.add(button);
                    let role = egui::accesskit::Role::MenuItem;
                    super::a11y::command(&item, role, &label, shortcut.as_deref());
                    if item.clicked() {
                        view.run(command);
                        ui.close();
                    }
                }
            });
            super::a11y::expanded(&menu.response, menu.inner.is_some());
        }
    });
}

/// Below this width (points) the countdown and the search box get a row of
/// their own, so the title keeps room and nothing overlaps.
const TWO_ROWS_BELOW: f32 = 760.0;

/// The title row: sidebar toggle, interview, countdown, save status, search.
pub fn title_row_ui(
    ui: &mut Ui,
    view: &mut View<'_>,
    save: &SaveState,
    now: chrono::NaiveDateTime,
) {
    let narrow = ui.available_width() < TWO_ROWS_BELOW;
    ui.horizontal(|ui| {
        sidebar_toggle_ui(ui, view);
        ui.vertical(|ui| {
            // Long titles give way to the countdown and search box.
            let room = if narrow {
                ui.available_width() - 140.0
            } else {
                ui.available_width() - 600.0
            };
            ui.set_max_width(room.max(160.0));
            ui.add(egui::Label::new(RichText::new(&view.nb.title).size(20.0).strong()).truncate());
            let sub: Vec<&str> = [view.nb.company.as_str(), view.nb.role.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            let redundant = sub.iter().all(|s| view.nb.title.contains(s));
            if !sub.is_empty() && !redundant {
                ui.add(egui::Label::new(RichText::new(sub.join(" · ")).weak()).truncate());
            }
        });
        if !narrow {
            ui.add_space(16.0);
            countdown_ui(ui, view, now);
        }
        ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
            save_status_ui(ui, view, save);
            if !narrow {
                ui.add_space(8.0);
                search_box_ui(ui, view);
            }
        });
    });
    if narrow {
        ui.horizontal(|ui| {
            countdown_ui(ui, view, now);
            ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
                search_box_ui(ui, view);
            });
        });
    }
}

/// The button that hides or shows the sidebar; its tooltip names the shortcut.
fn sidebar_toggle_ui(ui: &mut Ui, view: &mut View<'_>) {
    let (icon, key) = if view.state.sidebar_shown {
        (ICON_HIDE_SIDEBAR, "sidebar-hide")
    } else {
        (ICON_SHOW_SIDEBAR, "sidebar-show")
    };
    let shortcut = Command::ToggleSidebar
        .shortcut()
        .map(|s| super::commands::shortcut_text(ui.ctx(), view.tr, &s))
        .unwrap_or_default();
    let label = view.tr.t_args(
        "sidebar-tooltip",
        &[
            ("action", view.tr.t(key).into()),
            ("shortcut", shortcut.into()),
        ],
    );
    let resp = ui.add(egui::Button::new(RichText::new(icon).size(16.0)).frame(false));
    name(ui, &resp, &view.tr.t(key));
    if resp.on_hover_text(label).clicked() {
        view.run(Command::ToggleSidebar);
    }
}

/// The sidebar toggle's icons (drawn from the bundled fonts; see
/// [`super::ICONS`]).
pub const ICON_HIDE_SIDEBAR: &str = "◀";
/// See [`ICON_HIDE_SIDEBAR`].
pub const ICON_SHOW_SIDEBAR: &str = "▶";

fn countdown_ui(ui: &mut Ui, view: &mut View<'_>, now: chrono::NaiveDateTime) {
    if let Some(at) = view.nb.interview_at {
        let c = review::countdown(at, now);
        let text = view.tr.t_args(
            "interview-countdown",
            &[
                ("when", view.tr.countdown(c).into()),
                ("date", view.tr.date_time(at).into()),
            ],
        );
        egui::Frame::new()
            .fill(ui.visuals().selection.bg_fill.gamma_multiply(0.25))
            .corner_radius(12.0)
            .inner_margin(egui::Margin::symmetric(10, 4))
            .show(ui, |ui| {
                ui.label(RichText::new(text).strong());
            });
    } else if ui.link(view.tr.t("set-interview-date")).clicked() {
        view.out.push(Intent::ShowPage(super::Page::Overview));
        view.state.show_date = true;
    }
}

fn save_status_ui(ui: &mut Ui, view: &mut View<'_>, save: &SaveState) {
    match save {
        SaveState::Saved | SaveState::Saving => {
            // As wide as the wider of the two, ending at the right edge: the
            // search box beside it stood still only while nothing was saved.
            let text = |key| RichText::new(view.tr.t(key)).weak();
            let width = ["saved", "saving"]
                .map(|key| super::text_width(ui, text(key), egui::TextStyle::Body))
                .into_iter()
                .fold(0.0, f32::max);
            let shown = text(if matches!(save, SaveState::Saved) {
                "saved"
            } else {
                "saving"
            });
            ui.allocate_ui_with_layout(
                egui::vec2(width, ui.spacing().interact_size.y),
                egui::Layout::right_to_left(Align::Center),
                |ui| {
                    ui.set_min_width(width);
                    ui.label(shown)
                },
            );
        }
        SaveState::Failed(msg) => {
            if ui.button(view.tr.t("retry")).clicked() {
                view.out.push(Intent::RetrySave);
            }
            ui.colored_label(ui.visuals().error_fg_color, view.tr.t("save-failed"))
                .on_hover_text(msg);
        }
        SaveState::Conflict => {
            if ui.button(view.tr.t("load-theirs")).clicked() {
                view.out.push(Intent::LoadTheirs);
            }
            if ui.button(view.tr.t("keep-mine")).clicked() {
                view.out.push(Intent::KeepMine);
            }
            ui.colored_label(ui.visuals().warn_fg_color, view.tr.t("changed-on-disk"));
        }
    }
}

fn search_box_ui(ui: &mut Ui, view: &mut View<'_>) {
    let label = view.tr.t("search");
    let id = egui::Id::unique("search-box");
    if view.state.focus_search {
        super::focus_now(ui, id);
        view.state.focus_search = false;
    }
    let resp = super::field_ui(
        ui,
        egui::TextEdit::singleline(&mut view.state.search)
            .id(id)
            .hint_text(view.tr.t("search-hint"))
            .desired_width(220.0),
    );
    name(ui, &resp, &label);
    if resp.changed() {
        view.state.search_open = !view.state.search.trim().is_empty();
    }
    if resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        view.state.search.clear();
        view.state.search_open = false;
    }
}
