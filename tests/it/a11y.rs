//! The accessibility tree, as a screen reader reads it (kittest queries
//! AccessKit): every row present even when not drawn, the chosen rating
//! checked, headings to jump between, and repeated buttons that say what
//! they act on.

use std::collections::HashSet;
use std::fmt::Write as _;

use egui::accesskit::{Role, Toggled};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use prepkit::app::{PrepkitApp, Startup};
use prepkit::i18n::Lang;

use crate::app::Fixture;

const FIRST: &str = "Asynchronous request handling";

fn start(file: Option<std::path::PathBuf>, dir: tempfile::TempDir) -> Fixture {
    let startup = Startup {
        data_dir: dir.path().to_path_buf(),
        file,
        lang: Some(Lang::En),
        now: chrono::NaiveDateTime::parse_from_str("2026-11-25 09:00", "%Y-%m-%d %H:%M").ok(),
    };
    let harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| PrepkitApp::new(&cc.egui_ctx, startup));
    let mut f = Fixture { _dir: dir, harness };
    f.run();
    f
}

/// The app with the built-in sample brief.
fn sample() -> Fixture {
    start(None, tempfile::tempdir().unwrap())
}

/// The app with a brief of `groups` × 20 topics, "Topic g.i".
fn big(groups: usize) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut md = String::from("# Big\n\n## Likely topics\n\n");
    for g in 0..groups {
        let _ = writeln!(md, "- **Group {g}:**");
        for i in 0..20 {
            let _ = writeln!(md, "  - Topic {g}.{i}");
        }
    }
    let brief = dir.path().join("big.md");
    std::fs::write(&brief, md).unwrap();
    start(Some(brief), dir)
}

/// The name a screen reader gives a node: a label's value, else its label.
fn spoken(node: &egui_kittest::kittest::AccessKitNode<'_>) -> Option<String> {
    if node.role() == Role::Label {
        node.value()
    } else {
        node.label()
    }
}

#[test]
fn every_topic_of_a_2000_topic_notebook_is_in_the_tree_while_a_screenful_is_drawn() {
    let f = big(100);
    let mut names = HashSet::new();
    let mut radios = 0;
    for node in f.harness.root().children_recursive() {
        let node = node.accesskit_node();
        if node.role() == Role::RadioButton {
            radios += 1;
        }
        if let Some(name) = spoken(&node) {
            names.insert(name);
        }
    }
    let missing: Vec<String> = (0..100)
        .flat_map(|g| (0..20).map(move |i| format!("Topic {g}.{i}")))
        .filter(|t| !names.contains(t))
        .collect();
    assert!(
        missing.is_empty(),
        "{} topics missing, e.g. {:?}",
        missing.len(),
        missing.first()
    );
    // Only the rows on screen are drawn: six rating buttons each.
    assert!(
        radios > 0 && radios < 6 * 40,
        "{radios} rating buttons: the rows are not culled"
    );
    // A row out of view says where it is: below the window.
    let last = f.harness.get_by_label("Topic 99.19");
    assert_eq!(last.accesskit_node().role(), Role::Group);
    assert!(last.rect().top() > 800.0, "{:?}", last.rect());
    assert_eq!(
        last.accesskit_node().description().as_deref(),
        Some("Unrated")
    );
}

#[test]
fn tab_from_the_last_row_drawn_goes_on_to_the_next_row_and_shows_it() {
    let mut f = big(5);
    // The first row out of view, and the one before it (the last drawn).
    let first_culled = f
        .harness
        .root()
        .children_recursive()
        .map(|n| n.accesskit_node())
        .find(|n| n.role() == Role::Group)
        .and_then(|n| n.label())
        .expect("every row is drawn");
    let names: Vec<String> = (0..5)
        .flat_map(|g| (0..20).map(move |i| format!("Topic {g}.{i}")))
        .collect();
    let at = names.iter().position(|n| *n == first_culled).unwrap();
    // The row's last control, in Tab order, is its "⋯" menu.
    f.harness
        .get_by_label(&format!("Actions: {}", names[at - 1]))
        .focus();
    f.run();
    f.harness.key_press(egui::Key::Tab);
    f.run();
    let name = format!("Show or hide notes: {first_culled}");
    let toggle = f.harness.get_by_label(&name);
    assert!(toggle.is_focused(), "Tab did not reach {first_culled}");
    assert!(toggle.rect().bottom() <= 800.0, "{:?}", toggle.rect());
}

#[test]
fn a_screen_reader_focusing_a_row_out_of_view_brings_it_on_screen() {
    let mut f = big(5);
    // A screen reader moves its focus to a row out of view.
    let row = f.harness.get_by_label("Topic 4.19");
    assert!(row.rect().top() > 800.0, "the row is on screen already");
    row.focus();
    f.run();
    let toggle = f.harness.get_by_label("Show or hide notes: Topic 4.19");
    assert!(
        toggle.is_focused(),
        "the row's first control has not the focus"
    );
    let rect = toggle.rect();
    assert!(
        rect.top() >= 0.0 && rect.bottom() <= 800.0,
        "the focused row is off screen at {rect:?}"
    );
}

#[test]
fn the_chosen_rating_is_checked_and_the_levels_read_in_visual_order() {
    let mut f = sample();
    f.harness.get_by_label(&format!("3 Okay: {FIRST}")).click();
    f.run();
    let name = format!("Rating: {FIRST}");
    let group = f.harness.get_by_role_and_label(Role::RadioGroup, &name);
    let levels: Vec<(String, Option<Toggled>)> = group
        .children()
        .map(|n| n.accesskit_node())
        .filter(|n| n.role() == Role::RadioButton)
        .map(|n| (n.label().unwrap_or_default(), n.toggled()))
        .collect();
    let expected: Vec<(String, Option<Toggled>)> = [
        "0 Unrated",
        "1 Weak",
        "2 Shaky",
        "3 Okay",
        "4 Good",
        "5 Strong",
    ]
    .iter()
    .map(|l| {
        let checked = if *l == "3 Okay" {
            Toggled::True
        } else {
            Toggled::False
        };
        (format!("{l}: {FIRST}"), Some(checked))
    })
    .collect();
    assert_eq!(levels, expected);
}

#[test]
fn page_and_group_titles_are_headings_and_the_current_page_is_selected() {
    let f = sample();
    let heading = f
        .harness
        .get_by_role_and_label(Role::Heading, "Likely Interview Topics");
    assert_eq!(heading.accesskit_node().data().level(), Some(1));
    let group = f
        .harness
        .get_by_role_and_label(Role::Heading, "Python & FastAPI");
    assert_eq!(group.accesskit_node().data().level(), Some(2));
    let current = f
        .harness
        .get_by_role_and_label(Role::Tab, "Likely Interview Topics, 0/20 rated");
    assert_eq!(current.accesskit_node().is_selected(), Some(true));
    let other = f.harness.get_by_role_and_label(Role::Tab, "Overview");
    assert_eq!(other.accesskit_node().is_selected(), Some(false));
    // The window says which notebook is open.
    let root = f.harness.root().accesskit_node();
    assert_eq!(
        root.label().as_deref(),
        Some("Prepkit — ABC Corp — Intermediate Backend Python Engineer")
    );
}

#[test]
fn the_overview_title_is_a_heading_and_its_colour_swatches_are_hidden() {
    let mut f = sample();
    f.harness
        .get_by_role_and_label(Role::Tab, "Overview")
        .click();
    f.run();
    f.harness.get_by_role_and_label(Role::Heading, "Overview");
    let swatches = f
        .harness
        .root()
        .children_recursive()
        .filter(|n| spoken(&n.accesskit_node()).as_deref() == Some("■"))
        .filter(|n| !n.accesskit_node().is_hidden())
        .count();
    assert_eq!(swatches, 0, "a screen reader reads out colour swatches");
}

#[test]
fn repeated_buttons_carry_their_topic_or_group() {
    let f = sample();
    f.harness
        .get_by_role_and_label(Role::Button, "Add topic to Python & FastAPI");
    f.harness
        .get_by_role_and_label(Role::Button, "Add topic to Databases");
    assert!(f.harness.query_by_label("+ Add topic").is_none());
    f.harness
        .get_by_label(&format!("Show or hide notes: {FIRST}"));
    f.harness.get_by_label(&format!("Actions: {FIRST}"));
}

#[test]
fn menu_items_are_named_without_their_shortcut_and_say_it_apart() {
    let mut f = sample();
    let file = f.harness.get_by_role_and_label(Role::Button, "File");
    assert_eq!(file.accesskit_node().data().is_expanded(), Some(false));
    file.click();
    f.run();
    let file = f.harness.get_by_role_and_label(Role::Button, "File");
    assert_eq!(file.accesskit_node().data().is_expanded(), Some(true));
    let quit = f.harness.get_by_role_and_label(Role::MenuItem, "Quit");
    assert_eq!(
        quit.accesskit_node().data().keyboard_shortcut(),
        Some("Ctrl+Q")
    );
}

#[test]
fn the_palette_is_a_named_dialog_that_follows_the_highlighted_result() {
    let mut f = sample();
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    f.run();
    f.harness
        .get_by_role_and_label(Role::Dialog, "Command palette");
    f.harness.key_press(egui::Key::ArrowDown);
    f.run();
    let field = f
        .harness
        .get_by_role_and_label(Role::TextInput, "Command palette");
    let active = field
        .accesskit_node()
        .active_descendant()
        .expect("no active result");
    assert_eq!(active.role(), Role::ListBoxOption);
    assert_eq!(active.is_selected(), Some(true));
    // The second command of the table.
    assert_eq!(active.label().as_deref(), Some("Open by typing a path…"));
}
