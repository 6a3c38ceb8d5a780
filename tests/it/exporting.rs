//! The export dialog as a new user meets it: its title names what it
//! exports, and the file name it offers follows the document, the format
//! and the notebook open.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use prepkit::export::{Document, Format, file_name_in};
use prepkit::i18n::{Lang, Tr};

use crate::app::{Fixture, start_with};

fn open_dialog(f: &mut Fixture) {
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    f.run();
}

fn close_dialog(f: &mut Fixture) {
    f.harness.key_press(egui::Key::Escape);
    f.run();
    assert!(!f.harness.state().ui_state().export_open);
}

/// The name the dialog should offer for the notebook open now.
fn expected(f: &Fixture, format: Format, document: Document) -> String {
    file_name_in(
        f.harness.state().notebook(),
        format,
        document,
        &Tr::new(Lang::En),
    )
}

fn path(f: &Fixture) -> String {
    f.harness.state().ui_state().export_path.clone()
}

#[test]
fn the_export_dialog_is_titled_for_what_it_exports() {
    let mut f = start_with(Lang::En, None);
    open_dialog(&mut f);
    f.harness
        .get_by_role_and_label(Role::Dialog, "Export summary");
    f.harness.get_by_label("Story sheet (one page)").click();
    f.run();
    f.harness
        .get_by_role_and_label(Role::Dialog, "Export story sheet");
    f.harness
        .get_by_label("Interview-day sheet (one page)")
        .click();
    f.run();
    f.harness
        .get_by_role_and_label(Role::Dialog, "Export interview-day sheet");
}

#[test]
fn the_offered_file_name_follows_the_document_after_the_company_changed() {
    let mut f = start_with(Lang::En, None);
    open_dialog(&mut f);
    let summary = expected(&f, Format::Pdf, Document::Summary);
    assert!(path(&f).ends_with(&summary), "{}", path(&f));
    close_dialog(&mut f);

    // The company is filled in on the overview: the names the dialog offers
    // change, and the one it offered before is still its own.
    f.harness.get_by_label("Overview").click();
    f.run();
    crate::app::replace_text(&mut f, "Company", "Hanbit Labs");
    f.run();
    assert_eq!(f.harness.state().notebook().company, "Hanbit Labs");
    f.harness.key_press(egui::Key::Escape);
    f.run();
    open_dialog(&mut f);
    f.harness
        .get_by_label("Interview-day sheet (one page)")
        .click();
    f.run();
    let sheet = expected(&f, Format::Pdf, Document::Sheet);
    assert!(path(&f).ends_with(&sheet), "{} for {sheet}", path(&f));
    f.harness.get_by_label("Story sheet (one page)").click();
    f.run();
    let stories = expected(&f, Format::Pdf, Document::Stories);
    assert!(path(&f).ends_with(&stories), "{} for {stories}", path(&f));
}

#[test]
fn after_an_export_the_message_offers_to_open_the_file_and_its_folder() {
    let mut f = start_with(Lang::En, None);
    open_dialog(&mut f);
    f.harness.get_by_label("Markdown").click();
    f.run();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("my notes.md");
    crate::app::replace_text(&mut f, "Save to", &out.display().to_string());
    f.harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    for _ in 0..100 {
        f.run();
        if f.harness
            .query_by_role_and_label(Role::Button, "Open")
            .is_some()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(out.exists());
    f.harness.get_by_role_and_label(Role::Button, "Open");
    f.harness
        .get_by_role_and_label(Role::Button, "Show in folder");
    let url = prepkit::app::files::file_url(&out);
    assert!(
        url.starts_with("file:///") && url.ends_with("/my%20notes.md"),
        "{url}"
    );
    // The app's own file links pass the rule that refuses a note's
    // `file://` links.
    f.harness
        .get_by_role_and_label(Role::Button, "Open")
        .click();
    f.run();
    f.harness
        .get_by_role_and_label(Role::Button, "Show in folder")
        .click();
    f.run();
    assert!(
        f.harness.query_by_label_contains("Not opened").is_none(),
        "the exported file's Open or Show in folder was refused as a note's link"
    );
}

#[test]
fn opening_a_brief_again_says_it_opened_its_notebook() {
    let mut f = start_with(Lang::En, None);
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("hanbit.md");
    std::fs::write(
        &brief,
        "# Interview Brief\n\nCompany: Hanbit Labs\n\n# Topics\n\n- **SQL:**\n  - Window functions\n",
    )
    .unwrap();
    f.harness.state_mut().open_path(&brief);
    f.run();
    assert!(
        f.harness
            .state()
            .toasts()
            .iter()
            .any(|t| t == "Brief imported.")
    );
    // Another notebook, then the same brief again.
    let other = dir.path().join("other.md");
    std::fs::write(&other, "# Other\n\nCompany: Other Co\n").unwrap();
    f.harness.state_mut().open_path(&other);
    f.run();
    assert_eq!(f.harness.state().notebook().company, "Other Co");
    f.harness.state_mut().open_path(&brief);
    f.run();
    let toasts = f.harness.state().toasts();
    assert!(
        toasts
            .iter()
            .any(|t| t.starts_with("Opened the notebook of this brief")),
        "{toasts:?}"
    );
}
