//! The question asked when the window is closing and the notebook's newest
//! edits are in no file (the save failed: a full disk, a read-only folder):
//! try again, save them elsewhere, or quit without them. Closing never ends
//! in a silent loss.

use super::{Intent, View};

/// What the quit question shows.
pub struct QuitBlocked<'a> {
    /// Why the edits could not be saved (or kept beside the file).
    pub why: &'a str,
    /// The recovery copy holding them, if one could be written.
    pub rescue: Option<&'a std::path::Path>,
}

/// Draws the question; the answers are intents.
pub fn quit_dialog_ui(ctx: &egui::Context, view: &mut View<'_>, blocked: &QuitBlocked<'_>) {
    let tr = view.tr;
    egui::Modal::new(egui::Id::unique("quit-unsaved")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(tr.t("quit-unsaved-title"));
        ui.add_space(6.0);
        ui.label(tr.t_args(
            "quit-unsaved-text",
            &[("why", blocked.why.to_owned().into())],
        ));
        if let Some(copy) = blocked.rescue {
            ui.add_space(4.0);
            ui.label(tr.t_args(
                "quit-unsaved-copy",
                &[("path", copy.display().to_string().into())],
            ));
        }
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr.t("quit-retry")).clicked() {
                view.out.push(Intent::QuitRetry);
            }
            if ui.button(tr.t("quit-save-elsewhere")).clicked() {
                view.out.push(Intent::QuitSaveElsewhere);
            }
            if ui.button(tr.t("quit-discard")).clicked() {
                view.out.push(Intent::QuitDiscard);
            }
            if ui.button(tr.t("quit-stay")).clicked() {
                view.out.push(Intent::QuitCancel);
            }
        });
    });
}
