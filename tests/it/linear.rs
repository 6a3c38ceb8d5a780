//! Costs that grow with the content stay linear: Markdown in the notebook
//! drawn under the briefs' nesting cap.

use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use prepkit::app::{PrepkitApp, Startup};
use prepkit::i18n::Lang;

/// A notebook whose one prose section the user wrote as a list nested
/// `depth` deep on one line, saved in `dir`.
fn deep_notebook(dir: &std::path::Path, depth: usize) -> (std::path::PathBuf, String) {
    let mut nb = prepkit::brief::import("# Deep\n\n## Notes\n\nSome prose.\n", "deep.md").unwrap();
    let deep = format!("{}deepest", "- ".repeat(depth));
    nb.sections[0].markdown.clone_from(&deep);
    nb.sections[0].markdown_edited = true;
    let path = dir.join("deep.prepkit");
    prepkit::persist::save(&path, &nb, None).unwrap();
    (path, deep)
}

/// A section of `- ` × 100 draws its first 16 levels as lists and the rest
/// as one line of text, as a brief would; the text on disk is untouched.
/// Without the cap the viewer nests 100 lists and shows no such line.
#[test]
fn a_deeply_nested_prose_section_is_drawn_under_the_nesting_cap() {
    let dir = tempfile::tempdir().unwrap();
    let (path, deep) = deep_notebook(dir.path(), 100);
    let startup = Startup {
        data_dir: dir.path().join("data"),
        file: Some(path.clone()),
        lang: Some(Lang::En),
        now: None,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| PrepkitApp::new(&cc.egui_ctx, startup));
    harness.run_ok();
    harness.run_ok();
    let flat = format!("{}deepest", "- ".repeat(100 - 16));
    assert!(
        harness.query_by_label_contains(&flat).is_some(),
        "the markers past the cap are drawn as text"
    );
    assert!(harness.state_mut().flush(Duration::from_secs(5)));
    let on_disk = prepkit::persist::load(&path).unwrap().notebook;
    assert_eq!(
        on_disk.sections[0].markdown, deep,
        "the user's text as typed"
    );
    assert_eq!(harness.state().notebook().sections[0].markdown, deep);
}
