//! The About page: the version (with the build's commit when known), the
//! licences of Prepkit and of its bundled font, and the data folder with a
//! button that opens it in the system's file manager.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui::{RichText, Ui};

use super::View;

/// Prepkit's version, with the commit it was built from when known.
pub const VERSION: &str = env!("PREPKIT_LONG_VERSION");

/// The bundled font's licence text.
const FONT_LICENCE: &str = include_str!("../../resources/fonts/OFL.txt");

/// Where the opener thread leaves its error for the page to show.
type OpenError = Arc<Mutex<Option<String>>>;

/// Shows the About page.
pub fn about_ui(ui: &mut Ui, view: &mut View<'_>) {
    ui.horizontal(|ui| {
        let icon = icon_texture(ui.ctx());
        ui.add(egui::Image::new(&icon).fit_to_exact_size(egui::vec2(64.0, 64.0)));
        ui.vertical(|ui| {
            let title = ui.heading(RichText::new(view.tr.t("about-title")).size(24.0).strong());
            super::a11y::heading(&title, 1);
            ui.label(view.tr.t("about-tagline"));
        });
    });
    ui.add_space(12.0);
    let data_dir = view.data_dir.to_path_buf();
    let error_id = egui::Id::unique("about-open-error");
    let error: OpenError = ui
        .ctx()
        .data_mut(|d| d.get_temp_mut_or_default::<OpenError>(error_id).clone());
    egui::Grid::new("about-grid")
        .num_columns(2)
        .spacing([16.0, 10.0])
        .show(ui, |ui| {
            ui.label(RichText::new(view.tr.t("about-version")).strong());
            ui.label(VERSION);
            ui.end_row();

            ui.label(RichText::new(view.tr.t("about-licence")).strong());
            ui.label(view.tr.t_args(
                "about-licence-value",
                &[("licence", env!("CARGO_PKG_LICENSE").into())],
            ));
            ui.end_row();

            ui.label(RichText::new(view.tr.t("about-font")).strong());
            ui.label(view.tr.t("about-font-value"));
            ui.end_row();

            ui.label(RichText::new(view.tr.t("about-data")).strong());
            ui.vertical(|ui| {
                ui.add(
                    egui::Label::new(RichText::new(home_relative(&data_dir)).monospace())
                        .selectable(true),
                );
                if ui.button(view.tr.t("about-open-folder")).clicked() {
                    open_folder(data_dir.clone(), Arc::clone(&error), ui.ctx().clone());
                }
                let shown = error.lock().ok().and_then(|e| e.clone());
                if let Some(e) = shown {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        view.tr.t_args("about-open-failed", &[("error", e.into())]),
                    );
                }
            });
            ui.end_row();
        });
    ui.add_space(12.0);
    egui::CollapsingHeader::new(view.tr.t("about-font-show"))
        .id_salt("about-font-licence")
        .show(ui, |ui| {
            ui.label(RichText::new(FONT_LICENCE).monospace().size(11.0));
        });
}

/// The path as people read it: `~/…` inside the home folder.
fn home_relative(path: &Path) -> String {
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    match home
        .as_deref()
        .and_then(|home| path.strip_prefix(home).ok())
    {
        Some(rest) if !rest.as_os_str().is_empty() => {
            format!("~{}{}", std::path::MAIN_SEPARATOR, rest.display())
        }
        _ => path.display().to_string(),
    }
}

/// The window icon as a texture, made once.
fn icon_texture(ctx: &egui::Context) -> egui::TextureHandle {
    let id = egui::Id::unique("about-icon");
    if let Some(texture) = ctx.data(|d| d.get_temp::<egui::TextureHandle>(id)) {
        return texture;
    }
    let icon = crate::instance::window_icon();
    let image = egui::ColorImage::from_rgba_unmultiplied(
        [icon.width as usize, icon.height as usize],
        &icon.rgba,
    );
    let texture = ctx.load_texture("prepkit-icon", image, egui::TextureOptions::LINEAR);
    ctx.data_mut(|d| d.insert_temp(id, texture.clone()));
    texture
}

/// Opens `dir` with the system's opener on a thread ("prepkit-opener"), so a
/// slow file manager never holds up the window; a failure is left in
/// `error` for the page to show.
fn open_folder(dir: PathBuf, error: OpenError, ctx: egui::Context) {
    let spawned = std::thread::Builder::new()
        .name("prepkit-opener".into())
        .spawn(move || {
            let result = run_opener(&dir);
            if let Ok(mut slot) = error.lock() {
                *slot = result.err();
            }
            ctx.request_repaint();
        });
    if let Err(e) = spawned {
        eprintln!("prepkit: cannot start the thread that opens the data folder: {e}");
    }
}

/// Runs the platform's opener on `dir` and waits for it.
fn run_opener(dir: &Path) -> Result<(), String> {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let status = std::process::Command::new(opener)
        .arg(dir)
        .status()
        .map_err(|e| format!("{opener}: {e}"))?;
    // Explorer exits with 1 even when it opened the folder.
    if status.success() || cfg!(windows) {
        Ok(())
    } else {
        Err(format!("{opener}: {status}"))
    }
}
