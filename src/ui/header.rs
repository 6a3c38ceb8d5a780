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
const MENUS: [(&str, &[Command]); 4] = [
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
            Command::Overview,
            Command::Review,
            Command::FilterWeak,
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
            Command::InterviewDay,
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
            ui.menu_button(view.tr.t(title), |ui| {
                for &command in commands {
                    let mut button = egui::Button::new(view.tr.t(command.label_key()));
                    if let Some(sc) = command.shortcut() {
                        button = button.shortcut_text(ui.ctx().format_shortcut(&sc));
                    }
                    if ui.add(button).clicked() {
                        view.run(command);
                        ui.close();
                    }
                }
            });
        }
    });
}

/// The title row: interview, countdown, save status, search.
pub fn title_row_ui(
    ui: &mut Ui,
    view: &mut View<'_>,
    save: &SaveState,
    now: chrono::NaiveDateTime,
) {
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            // Long titles give way to the countdown and search box.
            ui.set_max_width((ui.ctx().content_rect().width() - 620.0).max(220.0));
            ui.add(egui::Label::new(RichText::new(&view.nb.title).size(20.0).strong()).truncate());
            let sub: Vec<&str> = [view.nb.company.as_str(), view.nb.role.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            let redundant = sub.iter().all(|s| view.nb.title.contains(s));
            if !sub.is_empty() && !redundant {
                ui.weak(sub.join(" · "));
            }
        });
        ui.add_space(16.0);
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
            view.state.page = super::Page::Overview;
        }
        ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
            save_status_ui(ui, view, save);
            ui.add_space(8.0);
            search_box_ui(ui, view);
        });
    });
}

fn save_status_ui(ui: &mut Ui, view: &mut View<'_>, save: &SaveState) {
    match save {
        SaveState::Saved => {
            ui.weak(view.tr.t("saved"));
        }
        SaveState::Saving => {
            ui.weak(view.tr.t("saving"));
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
    let resp = ui.add(
        egui::TextEdit::singleline(&mut view.state.search)
            .id(id)
            .hint_text(view.tr.t("search-hint"))
            .desired_width(220.0),
    );
    name(ui, &resp, &label);
    if resp.changed() {
        view.state.search_open = !view.state.search.trim().is_empty();
    }
    if resp.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        view.state.search.clear();
        view.state.search_open = false;
    }
}
