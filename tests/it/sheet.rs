//! The interview-day sheet's pinned notes and, after the interview, the
//! debrief: driven like a person would, with the clock fixed.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use prepkit::app::{PrepkitApp, Startup};
use prepkit::i18n::Lang;
use prepkit::model::{Debrief, Notebook};
use prepkit::ui::Page;

use crate::app::Fixture;

/// The app's clock: 25 Nov 2026, 09:00.
fn now() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

/// The app on the built-in brief, its interview at `interview` (none when
/// `None`), in a window of `size`.
fn start(interview: Option<chrono::NaiveDateTime>, lang: Lang, size: egui::Vec2) -> Fixture {
    start_with(interview, lang, size, |_| {})
}

/// [`start`] with the notebook changed by `edit` first.
fn start_with(
    interview: Option<chrono::NaiveDateTime>,
    lang: Lang,
    size: egui::Vec2,
    edit: impl FnOnce(&mut Notebook),
) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut nb = prepkit::brief::import(prepkit::app::files::DEFAULT_BRIEF, "built-in").unwrap();
    nb.id = "abc".into();
    nb.interview_at = interview;
    edit(&mut nb);
    let file = dir.path().join("abc.json");
    prepkit::persist::save(&file, &nb, None).unwrap();
    let startup = Startup {
        data_dir: dir.path().to_path_buf(),
        file: Some(file),
        lang: Some(lang),
        now: Some(now()),
    };
    let harness = Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| PrepkitApp::new(&cc.egui_ctx, startup));
    let mut f = Fixture { _dir: dir, harness };
    f.run();
    f
}

/// An interview yesterday afternoon.
fn yesterday() -> chrono::NaiveDateTime {
    now() - chrono::Duration::hours(19)
}

fn nb(f: &Fixture) -> &Notebook {
    f.harness.state().notebook()
}

fn page(f: &Fixture) -> Page {
    f.harness.state().ui_state().page
}

fn click(f: &mut Fixture, role: Role, label: &str) {
    f.harness.get_by_role_and_label(role, label).click();
    f.run();
}

/// Shows the overview page (Ctrl+1).
fn overview(f: &mut Fixture) {
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    f.run();
    assert_eq!(page(f), Page::Overview);
}

/// Types into the multi-line field named `label`.
fn type_into(f: &mut Fixture, label: &str, text: &str) {
    let field = f
        .harness
        .get_by_role_and_label(Role::MultilineTextInput, label);
    field.focus();
    field.type_text(text);
    f.run();
}

#[test]
fn a_pinned_sections_notes_show_on_the_sheet_until_unpinned() {
    let mut f = start(
        Some(now() + chrono::Duration::days(2)),
        Lang::En,
        egui::vec2(1280.0, 800.0),
    );
    click(&mut f, Role::Tab, "Company Overview");
    type_into(
        &mut f,
        "Your notes: Company Overview",
        "Ask about the Flask migration\n- team of 5-7",
    );
    let pin = "Pin to interview-day sheet";
    click(&mut f, Role::CheckBox, pin);
    assert!(nb(&f).sections[0].pinned);

    click(&mut f, Role::Tab, "Interview day");
    assert_eq!(page(&f), Page::InterviewDay);
    f.harness.get_by_label("Pinned notes");
    f.harness.get_by_label("Ask about the Flask migration");
    f.harness.get_by_label("• team of 5-7");

    click(&mut f, Role::Tab, "Company Overview");
    click(&mut f, Role::CheckBox, pin);
    assert!(!nb(&f).sections[0].pinned);
    click(&mut f, Role::Tab, "Interview day");
    assert!(
        f.harness
            .query_by_label("Ask about the Flask migration")
            .is_none()
    );
    assert!(f.harness.query_by_label("Pinned notes").is_none());
}

#[test]
fn many_pinned_notes_keep_the_sheet_to_one_screen_and_say_what_is_hidden() {
    let mut f = start_with(
        Some(now() + chrono::Duration::days(2)),
        Lang::En,
        egui::vec2(900.0, 600.0),
        |nb| {
            for (n, s) in nb.sections.iter_mut().enumerate() {
                let lines: Vec<String> = (1..=12).map(|l| format!("note {n}.{l}")).collect();
                s.notes = lines.join("\n");
                s.pinned = true;
            }
        },
    );
    assert!(
        nb(&f).sections.len() >= 5,
        "the built-in brief has sections"
    );
    click(&mut f, Role::Tab, "Interview day");
    f.harness.get_by_label("note 0.1");
    assert!(
        f.harness.query_by_label("note 0.12").is_none(),
        "a long note is cut to fit"
    );
    f.harness
        .get_by_label_contains("more lines on the section page");
    f.harness
        .get_by_label_contains("more pinned notes do not fit on the sheet");
}

#[test]
fn after_the_interview_the_page_is_the_debrief_and_typing_undoes() {
    let mut f = start(Some(yesterday()), Lang::En, egui::vec2(1280.0, 800.0));
    // The page is named for what it is now, in the sidebar and the palette.
    assert!(
        f.harness
            .query_by_role_and_label(Role::Button, "Interview day")
            .is_none()
    );
    click(&mut f, Role::Tab, "Debrief");
    assert_eq!(page(&f), Page::InterviewDay);
    f.harness
        .get_by_label("The interview was on Tue 24 Nov 2026, 14:00 · ABC Corp · Intermediate Backend Python Engineer");
    assert!(f.harness.query_by_label("Weakest topics").is_none());

    type_into(&mut f, "What went well", "the caching question");
    assert_eq!(nb(&f).debrief.went_well, "the caching question");
    type_into(&mut f, "What to look up", "Kubernetes probes");
    assert_eq!(nb(&f).debrief.look_up, "Kubernetes probes");
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    f.run();
    assert_eq!(nb(&f).debrief.look_up, "", "one undo takes the burst back");
    assert_eq!(nb(&f).debrief.went_well, "the caching question");

    // Send by the day after the interview: today, a day after it.
    f.harness
        .get_by_role_and_label(Role::Button, "Send by: Wed 25 Nov 2026");
    f.harness.get_by_label("Send today");
    assert_eq!(nb(&f).debrief.send_by, None);

    // An empty note starts from a draft naming company and role; Copy then.
    click(&mut f, Role::Button, "Start from a draft");
    let note = nb(&f).debrief.thank_you.clone();
    assert!(note.starts_with("Dear ABC Corp team,"), "{note}");
    assert!(f.harness.query_by_label("Start from a draft").is_none());
    click(&mut f, Role::Button, "Copy");
    f.harness.get_by_label("✔ Copied");

    // Saved with the notebook.
    assert!(
        f.harness
            .state_mut()
            .flush(std::time::Duration::from_secs(10))
    );
    let path = f.harness.state().path().to_path_buf();
    let saved = prepkit::persist::load(&path).unwrap().notebook;
    assert_eq!(saved.debrief.went_well, "the caching question");
    assert_eq!(saved.debrief.thank_you, note);
}

#[test]
fn typing_into_the_thank_you_note_keeps_the_users_text() {
    let mut f = start(Some(yesterday()), Lang::En, egui::vec2(900.0, 600.0));
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    f.run();
    f.harness
        .get_by_role_and_label(Role::TextInput, "Command palette")
        .type_text("debrief");
    f.run();
    f.harness.key_press(Key::Enter);
    f.run();
    assert_eq!(page(&f), Page::InterviewDay);
    type_into(&mut f, "Thank-you note", "Hi Jane,");
    assert_eq!(nb(&f).debrief.thank_you, "Hi Jane,");
    assert!(
        f.harness.query_by_label("Start from a draft").is_none(),
        "no draft offered over the user's text"
    );
}

#[test]
fn an_empty_thank_you_note_offers_copy_of_its_draft() {
    let mut f = start(Some(yesterday()), Lang::En, egui::vec2(1280.0, 800.0));
    click(&mut f, Role::Tab, "Debrief");
    assert_eq!(nb(&f).debrief.thank_you, "");
    f.harness
        .get_by_role_and_label(Role::Button, "Start from a draft");
    click(&mut f, Role::Button, "Copy");
    f.harness.get_by_label("✔ Copied");
    // Copying never writes the draft into the note.
    assert_eq!(nb(&f).debrief.thank_you, "");
}

#[test]
fn the_send_by_day_is_late_after_it_passes() {
    let mut f = start(
        Some(now() - chrono::Duration::days(3)),
        Lang::En,
        egui::vec2(1280.0, 800.0),
    );
    click(&mut f, Role::Tab, "Debrief");
    f.harness.get_by_label("2 days late");
}

#[test]
fn the_dashboard_offers_the_debrief_instead_of_a_plan() {
    let mut f = start(Some(yesterday()), Lang::En, egui::vec2(1280.0, 800.0));
    overview(&mut f);
    f.harness
        .get_by_label("The interview was on Tue 24 Nov 2026.");
    f.harness.get_by_label("Thank-you note: Send today");
    assert!(f.harness.query_by_label("Review plan").is_none(), "no plan");
    assert!(
        f.harness
            .query_by_role_and_label(Role::Button, "Start today's review")
            .is_none()
    );
    click(&mut f, Role::Button, "Write the debrief");
    assert_eq!(page(&f), Page::InterviewDay);
    f.harness
        .get_by_role_and_label(Role::MultilineTextInput, "What went well");
}

#[test]
fn before_the_interview_the_dashboard_plans_and_the_page_is_the_sheet() {
    let mut f = start(
        Some(now() + chrono::Duration::days(5)),
        Lang::En,
        egui::vec2(1280.0, 800.0),
    );
    overview(&mut f);
    f.harness.get_by_label("Review plan");
    assert!(f.harness.query_by_label("Write the debrief").is_none());
    click(&mut f, Role::Tab, "Interview day");
    f.harness.get_by_label("Weakest topics");
    assert!(
        f.harness
            .query_by_role_and_label(Role::MultilineTextInput, "What went well")
            .is_none()
    );
}

#[test]
fn the_debrief_in_korean() {
    let mut f = start(Some(yesterday()), Lang::Ko, egui::vec2(1280.0, 800.0));
    click(&mut f, Role::Tab, "면접 복기");
    f.harness
        .get_by_role_and_label(Role::MultilineTextInput, "잘된 점");
    f.harness.get_by_label("오늘 보내세요");
    click(&mut f, Role::Button, "초안에서 시작");
    let note = &nb(&f).debrief.thank_you;
    assert!(note.starts_with("ABC Corp 채용 담당자님께,"), "{note}");
}

#[test]
fn a_notebook_saved_before_the_debrief_existed_loads_with_an_empty_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.json");
    let mut nb = prepkit::brief::import(prepkit::app::files::DEFAULT_BRIEF, "built-in").unwrap();
    nb.id = "old".into();
    prepkit::persist::save(&path, &nb, None).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        !text.contains("debrief"),
        "an empty debrief is left out of the file"
    );
    let loaded = prepkit::persist::load(&path).unwrap().notebook;
    assert_eq!(loaded.debrief, Debrief::default());

    nb.debrief.went_well = "clear answers".into();
    let path = dir.path().join("new.json");
    prepkit::persist::save(&path, &nb, None).unwrap();
    let loaded = prepkit::persist::load(&path).unwrap().notebook;
    assert_eq!(loaded.debrief.went_well, "clear answers");
}

#[test]
fn the_sheet_wraps_long_questions_at_1280_instead_of_cutting_them() {
    use egui_kittest::kittest::NodeT as _;
    let mut f = start(None, Lang::En, egui::vec2(1280.0, 800.0));
    click(&mut f, Role::Tab, "Interview day");
    let long = "“How does the backend team work day to day, and how do you work with frontend and product?”";
    let boxes: Vec<_> = f
        .harness
        .root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() == Role::CheckBox)
        .filter_map(|n| {
            Some((
                n.accesskit_node().label()?,
                n.accesskit_node().bounding_box()?,
            ))
        })
        .collect();
    let (_, first) = boxes
        .iter()
        .find(|(l, _)| l == long)
        .expect("the long question is shown");
    // One line of body text is about 20 px high: two lines or more means
    // it wraps at the column's edge instead of ending in "…".
    assert!(first.height() > 30.0, "cut to one line: {first:?}");
    // Still one screen.
    for (label, b) in &boxes {
        assert!(b.y1 <= 800.0, "{label} below the window: {b:?}");
    }
}
