//! The settings page: language, theme, high contrast, text size, and the
//! folder notebooks live in. Changes go back to the app as
//! [`Intent::SetLook`] and [`Intent::SetNotebooksFolder`] and are remembered.

use egui::{RichText, Ui};

use super::theme::ThemeChoice;
use super::{Intent, View, name};
use crate::i18n::Lang;

/// How the app looks and speaks: everything the settings page changes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    /// Interface language.
    pub lang: Lang,
    /// Light, dark or the system's.
    pub theme: ThemeChoice,
    /// High-contrast colours.
    pub high_contrast: bool,
    /// Text size (zoom), 0.75 to 2.0.
    pub zoom: f32,
}

/// Shows the settings page.
pub fn settings_ui(ui: &mut Ui, view: &mut View<'_>, look: Look, folder: &std::path::Path) {
    super::a11y::heading(
        &ui.heading(RichText::new(view.tr.t("settings")).size(24.0).strong()),
        1,
    );
    ui.add_space(8.0);
    let mut new = look;
    // One setting under another, its controls wrapping under its name: in a
    // two-column grid, at 200 % text in a small window, the rows ran off the
    // right edge ("Dark" and the text size out of sight).
    setting_ui(ui, &view.tr.t("settings-language"), |ui| {
        for lang in Lang::ALL {
            ui.selectable_value(&mut new.lang, lang, lang.native_name());
        }
    });
    setting_ui(ui, &view.tr.t("settings-theme"), |ui| {
        for theme in [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark] {
            ui.selectable_value(&mut new.theme, theme, view.tr.t(theme.label_key()));
        }
    });
    setting_ui(ui, &view.tr.t("settings-contrast"), |ui| {
        ui.checkbox(&mut new.high_contrast, view.tr.t("settings-contrast-on"));
    });
    let label = view.tr.t("settings-text-size");
    setting_ui(ui, &label, |ui| {
        let mut percent = (new.zoom * 100.0).round();
        // The number beside the slider is shown as its value, not as a
        // second control of the same name.
        let slider = ui.add(
            egui::Slider::new(&mut percent, 75.0..=200.0)
                .step_by(5.0)
                .show_value(false),
        );
        name(ui, &slider, &label);
        ui.label(format!("{percent:.0}%"));
        // Apply when the drag ends, so the layout does not jump under the pointer.
        if slider.drag_stopped() || (slider.changed() && !slider.dragged()) {
            new.zoom = percent / 100.0;
        }
    });
    budget_ui(ui, view);
    setting_ui(ui, &view.tr.t("settings-folder"), |ui| {
        folder_ui(ui, view, folder);
    });
    ui.add_space(8.0);
    ui.weak(view.tr.t("settings-help"));
    if new != look {
        view.out.push(Intent::SetLook(new));
    }
}

/// One setting: its name, then its controls, wrapping to the page's width.
fn setting_ui(ui: &mut Ui, label: &str, add: impl FnOnce(&mut Ui)) {
    ui.label(RichText::new(label).strong());
    ui.horizontal_wrapped(add);
    ui.add_space(12.0);
}

/// The daily review budget in minutes.
fn budget_ui(ui: &mut Ui, view: &mut View<'_>) {
    let label = view.tr.t("settings-budget");
    let mut minutes = super::rehearsal::plan_config(view.state).budget_minutes;
    let unit = view.tr.t("settings-budget-unit");
    setting_ui(ui, &label, |ui| {
        let field = ui.add(
            egui::DragValue::new(&mut minutes)
                .range(5..=600)
                .speed(1)
                .suffix(unit),
        );
        name(ui, &field, &label);
        if field.changed() {
            view.out.push(Intent::SetBudget(minutes));
        }
    });
}

/// Where notebooks live: the folder now, a field to type another (there may
/// be no system dialog), Choose… and Default.
fn folder_ui(ui: &mut Ui, view: &mut View<'_>, folder: &std::path::Path) {
    ui.vertical(|ui| {
        ui.add(egui::Label::new(RichText::new(folder.display().to_string()).monospace()).wrap());
        ui.horizontal_wrapped(|ui| {
            let label = view.tr.t("settings-folder-new");
            let field = super::field_ui(
                ui,
                egui::TextEdit::singleline(&mut view.state.folder_text)
                    .hint_text(&label)
                    .desired_width(260.0),
            );
            name(ui, &field, &label);
            let typed = view.state.folder_text.trim().to_owned();
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let use_it = ui
                .add_enabled(
                    !typed.is_empty(),
                    egui::Button::new(view.tr.t("settings-folder-use")),
                )
                .clicked();
            if (use_it || entered) && !typed.is_empty() {
                view.out
                    .push(Intent::SetNotebooksFolder(Some(typed.into())));
            }
            if ui.button(view.tr.t("settings-folder-browse")).clicked() {
                view.out.push(Intent::BrowseNotebooksFolder);
            }
            if ui.button(view.tr.t("settings-folder-default")).clicked() {
                view.out.push(Intent::SetNotebooksFolder(None));
            }
        });
        ui.weak(view.tr.t("settings-folder-help"));
    });
}
