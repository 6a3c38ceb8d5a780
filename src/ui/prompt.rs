//! The in-app path field: how to open a file when the system's file dialog
//! cannot be shown (no portal, no zenity), or when typing is simply faster.

use egui::RichText;

use super::{Intent, View, name};

/// Shows the "Open a file" prompt while it is open.
pub fn open_prompt_ui(ctx: &egui::Context, view: &mut View<'_>) {
    let Some(mut prompt) = view.state.open_prompt.take() else {
        return;
    };
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("open-prompt")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.label(RichText::new(view.tr.t("open-title")).strong().size(17.0));
        if let Some(reason) = &prompt.reason {
            ui.colored_label(ui.visuals().warn_fg_color, reason);
        }
        let label = view.tr.t("open-path-label");
        let l = ui.label(&label);
        let id = egui::Id::unique("open-path");
        // The path field holds the keyboard unless the user moved to a button.
        if ui.memory(|m| m.focused().is_none()) || !prompt.started {
            super::focus_now(ui, id);
            prompt.started = true;
        }
        let resp = super::field_ui(
            ui,
            egui::TextEdit::singleline(&mut prompt.text)
                .id(id)
                .hint_text("~/briefs/interview.md")
                .desired_width(f32::INFINITY),
        );
        let resp = resp.labelled_by(l.id);
        name(ui, &resp, &label);
        let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            let open = ui.add_enabled(
                !prompt.text.trim().is_empty(),
                egui::Button::new(view.tr.t("open")),
            );
            if (open.clicked() || enter) && !prompt.text.trim().is_empty() {
                view.out
                    .push(Intent::OpenPath(expand_home(prompt.text.trim())));
                close = true;
            }
            if ui.button(view.tr.t("cancel")).clicked() {
                close = true;
            }
        });
    });
    if modal.should_close() {
        close = true;
    }
    if !close {
        view.state.open_prompt = Some(prompt);
    }
}

/// Expands a leading `~` to the home folder.
pub fn expand_home(path: &str) -> std::path::PathBuf {
    if let Some(rest) = path.strip_prefix("~/")
        && let Some(home) = directories::BaseDirs::new()
    {
        return home.home_dir().join(rest);
    }
    std::path::PathBuf::from(path)
}
