//! Dates outside 1970–2200 are refused where they are entered (issue 19,
//! item 10): the date picker's arrows stop at the ends and days beyond
//! cannot be chosen.

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use prepkit::i18n::Lang;

#[test]
fn the_date_picker_stops_at_1970() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("early.json");
    let mut nb = prepkit::brief::import(
        "# Early\n\n## Topics\n\n- Rust\n  - Ownership\n",
        "built-in",
    )
    .unwrap();
    nb.id = "early".into();
    nb.interview_at = chrono::NaiveDate::from_ymd_opt(1970, 1, 15)
        .unwrap()
        .and_hms_opt(10, 0, 0);
    prepkit::persist::save(&path, &nb, None).unwrap();
    let mut f = crate::app::start_with(Lang::En, Some(path));
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    f.run();
    f.harness
        .get_all_by_role(Role::Button)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("Interview date: ") && l.contains("1970"))
        })
        .expect("no interview date button")
        .click();
    f.run();
    f.harness.get_by_label("Jan 1970");
    f.harness.get_by_label("Previous month").click();
    f.run();
    f.harness.get_by_label("Jan 1970");
    assert!(f.harness.query_by_label("Dec 1969").is_none());
    // The grid's lead days from December 1969 cannot be chosen.
    f.harness
        .get_all_by_role(Role::Button)
        .find(|n| n.accesskit_node().label().as_deref() == Some("Wed 31 Dec 1969"))
        .expect("the grid shows no lead days")
        .click();
    f.run();
    f.harness
        .get_by_role_and_label(Role::Button, "Save")
        .click();
    f.run();
    let at = f.harness.state().notebook().interview_at.unwrap();
    assert_eq!(at.to_string(), "1970-01-15 10:00:00");
}
