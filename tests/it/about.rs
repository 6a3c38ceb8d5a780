//! The About page: reached from the sidebar and the command palette, it
//! shows the version and the data folder the app really uses.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use prepkit::app::{PrepkitApp, Startup};
use prepkit::i18n::Lang;
use prepkit::ui::Page;

fn start(lang: Lang) -> (tempfile::TempDir, Harness<'static, PrepkitApp>) {
    let dir = tempfile::tempdir().unwrap();
    let startup = Startup {
        data_dir: dir.path().to_path_buf(),
        lang: Some(lang),
        ..Startup::default()
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| PrepkitApp::new(&cc.egui_ctx, startup));
    harness.run_ok();
    (dir, harness)
}

#[test]
fn the_sidebar_opens_about_with_the_version_and_this_data_folder() {
    let (dir, mut harness) = start(Lang::En);
    harness.get_by_label("About").click();
    harness.run_ok();
    assert_eq!(harness.state().ui_state().page, Page::About);
    harness.get_by_label_contains(env!("CARGO_PKG_VERSION"));
    harness.get_by_label(&dir.path().display().to_string());
    harness.get_by_role_and_label(Role::Button, "Open folder");
    harness.get_by_label_contains("SIL Open Font License 1.1");
}

#[test]
fn the_palette_opens_about_in_korean_too() {
    let (_dir, mut harness) = start(Lang::Ko);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::TextInput, "명령 팔레트")
        .type_text("Prepkit 정보");
    harness.run_ok();
    harness.key_press(egui::Key::Enter);
    harness.run_ok();
    assert_eq!(harness.state().ui_state().page, Page::About);
    harness.get_by_role_and_label(Role::Button, "폴더 열기");
}
