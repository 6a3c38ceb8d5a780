//! A small window with large text (900×600 at 200 %): every part of the
//! sidebar is reached with the wheel, and the settings page fits its width.

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use prepkit::i18n::Lang;
use prepkit::ui::Page;

use crate::app::{Fixture, start_sized};

const ZOOM: f32 = 2.0;
const HEIGHT: f32 = 600.0 / ZOOM;
const WIDTH: f32 = 900.0 / ZOOM;

/// The app at 900×600 with text at 200 % and the sidebar shown.
fn small(lang: Lang) -> Fixture {
    let mut f = start_sized(lang, None, egui::vec2(900.0, 600.0));
    f.harness.ctx.set_zoom_factor(ZOOM);
    f.run();
    if !f.harness.state().ui_state().sidebar_shown {
        f.harness
            .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Backslash);
        f.run();
    }
    assert!(f.harness.state().ui_state().sidebar_shown);
    f
}

/// Turns the wheel over the sidebar (a notch at a time) until `label` is in
/// the window; false if it never comes.
fn wheel_to(f: &mut Fixture, label: &str) -> bool {
    // Over the sidebar, on the left of the window.
    let over = egui::pos2(40.0, HEIGHT / 2.0);
    for _ in 0..30 {
        let rect = f.harness.get_by_label_contains(label).rect();
        // Below the header (its menu bar and title row), above the bottom.
        if rect.bottom() <= HEIGHT && rect.top() >= HEIGHT / 3.0 {
            return true;
        }
        let down = rect.bottom() > HEIGHT;
        f.harness.hover_at(over);
        f.harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, if down { -40.0 } else { 40.0 }),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        f.run();
    }
    false
}

#[test]
fn at_200_percent_in_900_by_600_the_wheel_reaches_all_of_the_sidebar() {
    let mut f = small(Lang::En);
    let last = "Suggested Questions to Ask";
    assert!(
        f.harness.get_by_label_contains(last).rect().bottom() > HEIGHT,
        "the last section fits without scrolling: the test shows nothing"
    );
    assert!(
        wheel_to(&mut f, last),
        "the wheel does not scroll the sidebar"
    );
    f.harness.get_by_label_contains(last).click();
    f.run();
    assert!(matches!(
        f.harness.state().ui_state().page,
        Page::Section(_)
    ));
    assert!(wheel_to(&mut f, "About"));
    f.harness.get_by_role_and_label(Role::Tab, "About").click();
    f.run();
    assert_eq!(f.harness.state().ui_state().page, Page::About);
}

#[test]
fn at_200_percent_in_900_by_600_the_settings_page_is_not_cut_off() {
    for lang in [Lang::En, Lang::Ko] {
        let mut f = small(lang);
        let settings = if lang == Lang::En {
            "Settings"
        } else {
            "설정"
        };
        assert!(wheel_to(&mut f, settings), "{lang:?}");
        f.harness.get_by_role_and_label(Role::Tab, settings).click();
        f.run();
        assert_eq!(f.harness.state().ui_state().page, Page::Settings);
        let (dark, size) = if lang == Lang::En {
            ("Dark", "Text size")
        } else {
            ("어둡게", "글자 크기")
        };
        for (what, rect) in [
            (dark, f.harness.get_by_label(dark).rect()),
            (
                size,
                f.harness.get_by_role_and_label(Role::Slider, size).rect(),
            ),
        ] {
            assert!(
                rect.right() <= WIDTH + 0.5,
                "{lang:?}: {what} is cut off at {rect:?} (window {WIDTH} wide)"
            );
        }
    }
}

#[test]
fn the_text_size_setting_is_one_control_of_that_name() {
    let mut f = start_sized(Lang::En, None, egui::vec2(1280.0, 800.0));
    f.harness
        .get_by_role_and_label(Role::Tab, "Settings")
        .click();
    f.run();
    let named: Vec<Role> = f
        .harness
        .get_all_by_label("Text size")
        .map(|n| n.accesskit_node().role())
        .filter(|r| *r != Role::Label)
        .collect();
    assert_eq!(named, [Role::Slider], "{named:?}");
}

#[test]
fn the_sidebar_gets_its_width_back_when_the_window_grows_again() {
    let mut f = start_sized(Lang::En, None, egui::vec2(1280.0, 800.0));
    let width = |f: &Fixture| {
        f.harness
            .get_by_role_and_label(Role::Tab, "Overview")
            .rect()
            .width()
    };
    let wide = width(&f);
    f.harness.set_size(egui::vec2(560.0, 600.0));
    f.run();
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Backslash);
    f.run();
    if !f.harness.state().ui_state().sidebar_shown {
        f.harness
            .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Backslash);
        f.run();
    }
    assert!(f.harness.state().ui_state().sidebar_shown);
    let narrow = width(&f);
    assert!(
        narrow < wide - 40.0,
        "{narrow} in a narrow window, {wide} before"
    );
    f.harness.set_size(egui::vec2(1280.0, 800.0));
    f.run();
    let again = width(&f);
    assert!(
        (again - wide).abs() < 1.0,
        "{again} after growing back, {wide} before"
    );
}

#[test]
fn the_go_menu_reaches_every_page() {
    let mut f = start_sized(Lang::En, None, egui::vec2(1280.0, 800.0));
    f.harness.get_by_label("Go").click();
    f.run();
    for page in ["Overview", "Review mode", "Stories", "Interview day"] {
        assert!(
            f.harness
                .query_by_role_and_label(Role::MenuItem, page)
                .is_some(),
            "{page} is not in the Go menu"
        );
    }
}
