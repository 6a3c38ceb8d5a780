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
fn the_offered_file_name_follows_the_notebook_opened_since() {
    let mut f = start_with(Lang::En, None);
    open_dialog(&mut f);
    f.harness.get_by_label("Story sheet (one page)").click();
    f.run();
    f.harness.get_by_label("HTML").click();
    f.run();
    assert!(
        path(&f).ends_with(&expected(&f, Format::Html, Document::Stories)),
        "{}",
        path(&f)
    );
    close_dialog(&mut f);

    // Another notebook: its own name, not the first one's.
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("en.md");
    std::fs::write(
        &brief,
        "# Interview Brief\n\nCompany: Hanbit Labs\nRole: Data Engineer\n\n\
         # Topics\n\n- **SQL:**\n  - Window functions\n",
    )
    .unwrap();
    f.harness.state_mut().open_path(&brief);
    f.run();
    assert_eq!(f.harness.state().notebook().company, "Hanbit Labs");
    open_dialog(&mut f);
    let stories = expected(&f, Format::Html, Document::Stories);
    assert!(path(&f).ends_with(&stories), "{} for {stories}", path(&f));
    f.harness.get_by_label("Full summary").click();
    f.run();
    let summary = expected(&f, Format::Html, Document::Summary);
    assert!(path(&f).ends_with(&summary), "{} for {summary}", path(&f));
}
