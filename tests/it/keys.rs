//! Bare keys act on what is on screen, or on nothing: a row focused on a
//! page left earlier never takes a Space, a digit or Enter.

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use prepkit::i18n::Lang;

use crate::app::{start_with, topic};

const QUESTION: &str = "“How do you test end to end?”";

#[test]
fn a_stray_space_on_another_page_never_ticks_the_question_left_behind() {
    let mut f = start_with(Lang::En, None);
    f.harness
        .get_by_label("Suggested Questions to Ask, 0/12 asked")
        .click();
    f.run();
    f.harness
        .get_by_role_and_label(Role::CheckBox, QUESTION)
        .click();
    f.run();
    assert!(topic(&f, QUESTION).done);
    // The question stays the focused row while another page is shown.
    assert!(f.harness.state().ui_state().focused_item.is_some());
    f.harness.get_by_label("Company Overview").click();
    f.run();
    f.harness.key_press(egui::Key::Space);
    f.run();
    f.harness.key_press(egui::Key::Enter);
    f.run();
    assert!(
        topic(&f, QUESTION).done,
        "Space ticked a question off screen"
    );
    f.harness
        .get_by_label("Suggested Questions to Ask, 1/12 asked");
    assert!(f.harness.state().ui_state().expanded.is_empty());
}

#[test]
fn a_digit_on_the_overview_never_rates_the_topic_left_behind() {
    let mut f = start_with(Lang::En, None);
    f.harness.key_press(egui::Key::J);
    f.run();
    let first = topic(&f, crate::app::FIRST);
    assert_eq!(f.harness.state().ui_state().focused_item, Some(first.id));
    f.harness.get_by_label("Overview").click();
    f.run();
    f.harness.key_press(egui::Key::Num1);
    f.run();
    assert_eq!(
        topic(&f, crate::app::FIRST).confidence,
        prepkit::model::Confidence::Unrated
    );
}

/// Opens the palette, types `query` and presses Enter.
fn palette_go(f: &mut crate::app::Fixture, query: &str) {
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    f.run();
    f.harness
        .get_by_role_and_label(Role::TextInput, "Command palette")
        .type_text(query);
    f.run();
    f.harness.key_press(egui::Key::Enter);
    f.run();
}

#[test]
fn the_palette_goes_to_a_section_a_topic_and_a_question() {
    use prepkit::ui::Page;
    let mut f = start_with(Lang::En, None);
    f.harness.get_by_label("Overview").click();
    f.run();
    palette_go(&mut f, "likely");
    let likely = f
        .harness
        .state()
        .notebook()
        .sections
        .iter()
        .find(|s| s.title == "Likely Interview Topics")
        .unwrap()
        .id;
    assert_eq!(f.harness.state().ui_state().page, Page::Section(likely));

    f.harness.get_by_label("Overview").click();
    f.run();
    palette_go(&mut f, "pydantic");
    let pydantic = topic(&f, "Pydantic models and data validation").id;
    let ui = f.harness.state().ui_state();
    assert_eq!(ui.page, Page::Section(likely));
    assert_eq!(ui.focused_item, Some(pydantic));

    palette_go(&mut f, "end to end");
    let ui = f.harness.state().ui_state();
    assert_eq!(ui.focused_item, Some(topic(&f, QUESTION).id));
}

#[test]
fn clicking_a_questions_text_selects_it_and_space_ticks_it_once() {
    let mut f = start_with(Lang::En, None);
    f.harness
        .get_by_label("Suggested Questions to Ask, 0/12 asked")
        .click();
    f.run();
    let text = f
        .harness
        .get_all_by_value(QUESTION)
        .chain(f.harness.get_all_by_label(QUESTION))
        .find(|n| n.accesskit_node().role() != Role::CheckBox)
        .unwrap();
    text.click();
    f.run();
    assert!(!topic(&f, QUESTION).done, "a click on the text ticked it");
    assert_eq!(
        f.harness.state().ui_state().focused_item,
        Some(topic(&f, QUESTION).id)
    );
    f.harness.key_press(egui::Key::Space);
    f.run();
    assert!(topic(&f, QUESTION).done);
}

#[test]
fn set_the_interview_date_from_the_header_shows_the_date_at_once() {
    let mut f = crate::app::start_sized(Lang::En, None, egui::vec2(1000.0, 480.0));
    f.harness.get_by_label("Overview").click();
    f.run();
    // The overview scrolled down with the wheel, then another page.
    for _ in 0..20 {
        f.harness.hover_at(egui::pos2(700.0, 300.0));
        f.harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        f.run();
    }
    let away = f.harness.get_by_label("Interview date: Set").rect();
    assert!(
        away.bottom() < 0.0 || away.top() > 480.0,
        "not scrolled: {away:?}"
    );
    f.harness
        .get_by_label_contains("Likely Interview Topics, ")
        .click();
    f.run();
    f.harness.get_by_label("Set the interview date").click();
    f.run();
    assert_eq!(
        f.harness.state().ui_state().page,
        prepkit::ui::Page::Overview
    );
    let set = f.harness.get_by_label("Interview date: Set");
    let rect = set.rect();
    assert!(
        rect.top() >= 0.0 && rect.bottom() <= 480.0,
        "the date is off screen at {rect:?}"
    );
}
