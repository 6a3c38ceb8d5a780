//! Details of issue 10: errors worded in the app's language, re-import's
//! archive group in the notebook's language, one file dialog at a time,
//! and a window not filled twice over.

use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use prepkit::app::{PrepkitApp, Startup};
use prepkit::i18n::Lang;

use crate::app::Fixture;

fn start(lang: Lang, file: Option<std::path::PathBuf>, dir: tempfile::TempDir) -> Fixture {
    let startup = Startup {
        data_dir: dir.path().join("data"),
        file,
        lang: Some(lang),
        now: None,
    };
    let harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| PrepkitApp::new(&cc.egui_ctx, startup));
    let mut f = Fixture { _dir: dir, harness };
    f.run();
    f
}

fn toasts(f: &Fixture) -> String {
    f.harness.state().toasts().join("\n")
}

#[test]
fn in_korean_a_folder_opened_as_a_brief_is_refused_in_korean() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("briefs");
    std::fs::create_dir(&folder).unwrap();
    let mut f = start(Lang::Ko, None, dir);
    f.harness.state_mut().open_path(&folder);
    f.run();
    let shown = toasts(&f);
    assert!(
        shown.contains("브리프를 가져오지 못했습니다") && shown.contains("폴더입니다"),
        "{shown}"
    );
    assert!(!shown.contains("regular file"), "English left in: {shown}");
}

#[test]
fn in_korean_a_missing_brief_is_reported_in_korean() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.md");
    let mut f = start(Lang::Ko, None, dir);
    f.harness.state_mut().open_path(&missing);
    f.run();
    let shown = toasts(&f);
    assert!(shown.contains("gone.md 파일이 없습니다"), "{shown}");
    assert!(
        !shown.contains("does not exist"),
        "English left in: {shown}"
    );
}

#[test]
fn in_korean_a_missing_notebook_is_reported_in_korean() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.prepkit");
    let mut f = start(Lang::Ko, None, dir);
    f.harness.state_mut().open_path(&missing);
    f.run();
    let shown = toasts(&f);
    assert!(
        shown.contains("노트북을 열지 못했습니다") && shown.contains("파일이 없습니다"),
        "{shown}"
    );
}

const BRIEF: &str = "# Acme\n\n## Likely Interview Topics\n\n- Systems:\n  - Caching\n  - Queues\n";

#[test]
fn a_korean_reimport_archives_dropped_topics_under_the_korean_label() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("acme.md");
    std::fs::write(&brief, BRIEF).unwrap();
    let mut f = start(Lang::En, Some(brief.clone()), dir);
    f.harness.get_by_label("2 Shaky: Caching").click();
    f.run();
    f.harness.state_mut().set_language(Lang::Ko);
    // The brief drops the rated topic; the rating must not be lost.
    std::fs::write(&brief, BRIEF.replace("  - Caching\n", "")).unwrap();
    f.harness.state_mut().open_path(&brief);
    f.run();
    let groups: Vec<_> = f
        .harness
        .state()
        .notebook()
        .sections
        .iter()
        .flat_map(|s| s.groups.iter())
        .filter(|g| g.items.iter().any(|i| i.text == "Caching"))
        .map(|g| g.title.clone().unwrap_or_default())
        .collect();
    assert_eq!(groups, ["보관됨"]);
    assert!(f.harness.state_mut().flush(Duration::from_secs(5)));
}

/// The one-dialog-at-a-time rule needs a native window (a system dialog is
/// attached to it); without one, as here, Open goes straight to the app's
/// own path field, however often it is asked for.
#[test]
fn without_a_system_dialog_open_asks_for_a_path_in_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let mut f = start(Lang::En, None, dir);
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    f.run();
    assert!(f.harness.state().ui_state().open_prompt.is_some());
    f.harness.key_press(egui::Key::Escape);
    f.run();
    assert!(f.harness.state().ui_state().open_prompt.is_none());
    // Again from the menu: no dialog was left "open".
    f.harness.get_by_label("File").click();
    f.run();
    f.harness
        .get_by_label_contains("Open brief or notebook…")
        .click();
    f.run();
    assert!(
        f.harness.state().ui_state().open_prompt.is_some(),
        "the path field stands in for the dialog"
    );
    assert!(
        !toasts(&f).contains("already open"),
        "no dialog is open: {}",
        toasts(&f)
    );
}

/// The share of the window covered by filled rectangles in the last frame
/// (overlaps counted twice): what a software renderer shades, roughly.
fn filled_share(f: &Fixture) -> f32 {
    fn area(shape: &egui::Shape, clip: egui::Rect) -> f32 {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().map(|s| area(s, clip)).sum(),
            egui::Shape::Rect(r) if r.fill.a() > 0 => r.rect.intersect(clip).area().max(0.0),
            _ => 0.0,
        }
    }
    let output = f.harness.output();
    let painted: f32 = output
        .shapes
        .iter()
        .map(|c| area(&c.shape, c.clip_rect))
        .sum();
    painted / (1280.0 * 800.0)
}

fn start_cleared(window_cleared: bool) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let startup = Startup {
        data_dir: dir.path().join("data"),
        file: None,
        lang: Some(Lang::En),
        now: None,
    };
    let harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| {
            let app = PrepkitApp::new(&cc.egui_ctx, startup);
            if window_cleared {
                app.with_window_cleared()
            } else {
                app
            }
        });
    let mut f = Fixture { _dir: dir, harness };
    f.run();
    f
}

#[test]
fn a_window_cleared_to_the_page_colour_is_not_filled_again_by_the_panels() {
    // Under a software renderer every frame costs what it shades: a
    // window-sized panel fill on top of the clear was most of it, and made
    // the start settle 1.5× later than a bare window (BENCHMARKS.md).
    let cleared = start_cleared(true);
    let filled = start_cleared(false);
    let visuals = cleared.harness.ctx.global_style().visuals.clone();
    let clear = eframe::App::clear_color(cleared.harness.state(), &visuals);
    let [r, g, b, a] = clear.map(|c| (c * 255.0).round() as u8);
    assert_eq!(
        egui::Color32::from_rgba_unmultiplied(r, g, b, a),
        visuals.panel_fill
    );
    let (cleared, filled) = (filled_share(&cleared), filled_share(&filled));
    // The panels cover the whole window once: what is left is the page's
    // own rows and buttons.
    assert!(filled - cleared > 0.95, "{filled} vs {cleared}");
    assert!(cleared < 0.5, "{cleared} of the window filled");
}

/// Types `path` into the export dialog's "Save to" field and presses Export,
/// then waits (the export runs on its own thread) for a message containing
/// `wait_for`.
fn export_via_dialog(f: &mut Fixture, path: &str, wait_for: &str) {
    use egui::accesskit::Role;
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    f.run();
    crate::app::replace_text(f, "Save to", path);
    f.harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    for _ in 0..200 {
        f.run();
        if toasts(f).contains(wait_for) {
            return;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("no message with {wait_for:?}: {}", toasts(f));
}

/// The export settings as last written to the disk, once `done` holds.
fn saved_export_settings(
    f: &Fixture,
    done: impl Fn(&prepkit::app::settings::ExportSettings) -> bool,
) -> prepkit::app::settings::ExportSettings {
    for _ in 0..200 {
        let saved: Option<prepkit::app::Settings> =
            prepkit::persist::load_settings_in(f.harness.state().data_dir(), "settings").ok();
        if let Some(s) = saved.filter(|s| done(&s.export)) {
            return s.export;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("the settings were not saved as expected");
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_export_leaves_the_remembered_folder_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("exports");
    std::fs::create_dir(&out_dir).unwrap();
    let mut f = start(Lang::En, None, dir);
    let good = out_dir.join("summary.html");
    export_via_dialog(&mut f, &good.display().to_string(), "Exported to");
    let saved = saved_export_settings(&f, |e| e.last_dir.is_some());
    assert_eq!(saved.last_dir.as_deref(), Some(out_dir.as_path()));
    // /proc exists but takes no new files: the export fails.
    export_via_dialog(&mut f, "/proc/x.md", "new files cannot be written in /proc");
    // The Markdown format chosen for it is saved; the folder stays.
    let saved = saved_export_settings(&f, |e| e.format == prepkit::export::Format::Markdown);
    assert_eq!(saved.last_dir.as_deref(), Some(out_dir.as_path()));
}

#[test]
fn in_korean_the_export_dialog_names_both_paper_sizes_in_korean() {
    let dir = tempfile::tempdir().unwrap();
    let mut f = start(Lang::Ko, None, dir);
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    f.run();
    assert!(f.harness.query_by_label("레터 (미국)").is_some());
    assert!(
        f.harness.query_by_label("Letter").is_none(),
        "English left in"
    );
}
