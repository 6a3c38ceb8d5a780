//! Rehearsal, the dashboard and the interview-day sheet, driven like a
//! person would, with the clock fixed.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use prepkit::app::{PrepkitApp, Startup};
use prepkit::i18n::Lang;
use prepkit::model::{Confidence, Id, Item, Notebook};
use prepkit::review::{self, PlanConfig};
use prepkit::ui::Page;

use crate::app::Fixture;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn start(size: egui::Vec2) -> Fixture {
    start_in(tempfile::tempdir().unwrap(), size)
}

fn start_in(dir: tempfile::TempDir, size: egui::Vec2) -> Fixture {
    let startup = Startup {
        data_dir: dir.path().to_path_buf(),
        file: None,
        lang: Some(Lang::En),
        now: today().and_hms_opt(9, 0, 0),
    };
    let harness = Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| PrepkitApp::new(&cc.egui_ctx, startup));
    let mut f = Fixture { _dir: dir, harness };
    f.run();
    f
}

/// Reading the notebook and pressing keys.
impl Fixture {
    fn nb(&self) -> &Notebook {
        self.harness.state().notebook()
    }

    fn item(&self, id: Id) -> Item {
        self.nb().item(id).cloned().unwrap()
    }

    fn key(&mut self, key: Key) {
        self.harness.key_press(key);
        self.run();
    }

    fn today_queue(&self) -> Vec<Id> {
        review::plan(self.nb(), today(), &PlanConfig::default()).today_queue()
    }
}

#[test]
fn a_rehearsal_reveals_rates_skips_sums_up_and_undo_drops_the_review() {
    let mut f = start(egui::vec2(1280.0, 800.0));
    let queue = f.today_queue();
    assert!(
        queue.len() >= 3,
        "the built-in brief plans topics for today"
    );
    let (first, second, third) = (f.item(queue[0]), f.item(queue[1]), f.item(queue[2]));
    assert!(first.notes.is_empty() && first.detail.is_empty());

    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    f.run();
    assert_eq!(f.harness.state().ui_state().page, Page::Review);
    f.harness.get_by_label(&first.text);
    f.harness.get_by_label(&format!("1 of {}", queue.len()));
    // Notes hidden until Space.
    let no_notes = "No notes for this topic yet.";
    assert!(f.harness.query_by_label(no_notes).is_none());
    f.key(Key::Space);
    f.harness.get_by_label(no_notes);

    // 2 rates Shaky: one review event, before and after, then the next topic.
    f.key(Key::Num2);
    let rated = f.item(first.id);
    assert_eq!(rated.confidence, Confidence::Shaky);
    assert_eq!(rated.reviews.len(), 1);
    let event = &rated.reviews[0];
    assert_eq!(
        (event.before, event.after),
        (Confidence::Unrated, Confidence::Shaky)
    );
    let local = event.at.with_timezone(&chrono::Local).naive_local();
    assert_eq!(local, today().and_hms_opt(9, 0, 0).unwrap());
    f.harness.get_by_label(&second.text);
    assert!(
        f.harness.query_by_label(no_notes).is_none(),
        "the next topic starts hidden"
    );

    // S skips: nothing recorded.
    f.key(Key::S);
    assert!(f.item(second.id).reviews.is_empty());
    f.harness.get_by_label(&third.text);

    // Esc ends: the summary.
    f.key(Key::Escape);
    f.harness.get_by_label("Reviewed: 1 · skipped: 1");
    // A first rating (Unrated to Shaky) is not a step up.
    f.harness.get_by_label("Up: 0 · down: 0");
    f.harness.get_by_label_contains("Time spent: 0 min");
    let tomorrow =
        review::plan(f.nb(), today(), &PlanConfig::default()).count_on(today().succ_opt().unwrap());
    f.harness
        .get_by_label(&format!("Tomorrow: {tomorrow} topics"));

    // Undo takes the review back, event and level.
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    f.run();
    let undone = f.item(first.id);
    assert!(undone.reviews.is_empty());
    assert_eq!(undone.confidence, Confidence::Unrated);
}

#[test]
fn what_was_forgot_is_written_into_the_notes_without_leaving_the_review() {
    let mut f = start(egui::vec2(1280.0, 800.0));
    let first = f.item(f.today_queue()[0]);
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    f.run();
    f.key(Key::Space);
    f.harness
        .get_by_role_and_label(Role::Button, "Add to the notes")
        .click();
    f.run();
    let field = f
        .harness
        .get_by_role_and_label(Role::MultilineTextInput, "Notes");
    field.focus();
    field.type_text("Forgot: 3 retries, then the queue.");
    f.run();
    assert_eq!(f.item(first.id).notes, "Forgot: 3 retries, then the queue.");
    // Typing a digit there wrote it, and rated nothing; still the same topic.
    assert!(f.item(first.id).reviews.is_empty());
    assert_eq!(f.harness.state().ui_state().page, Page::Review);
    f.harness.get_by_label(&first.text);
    f.harness
        .get_by_role_and_label(Role::Button, "Done writing")
        .click();
    f.run();
    f.key(Key::Num3);
    assert_eq!(f.item(first.id).confidence, Confidence::Okay);
    assert_eq!(f.item(first.id).notes, "Forgot: 3 retries, then the queue.");
}

#[test]
fn todays_review_done_is_done_in_the_sidebar_and_on_the_overview() {
    let mut f = start(egui::vec2(1280.0, 800.0));
    let queue = f.today_queue();
    assert!(queue.len() >= 2);
    f.harness
        .get_by_role_and_label(Role::Tab, &format!("Review, {} today", queue.len()));
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    f.run();
    for _ in &queue {
        f.key(Key::Space);
        f.key(Key::Num3);
    }
    f.harness.get_by_label("Review done");
    // Nothing new today: the sidebar and the overview say so.
    assert!(f.today_queue().is_empty(), "{:?}", f.today_queue());
    f.harness
        .get_by_role_and_label(Role::Tab, "Review, Done for today");
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    f.run();
    f.harness.get_by_label("Nothing planned for today.");
}

#[test]
fn a_topic_skipped_today_leaves_todays_review_until_tomorrow() {
    let mut f = start(egui::vec2(1280.0, 800.0));
    let queue = f.today_queue();
    assert!(queue.len() >= 2);
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    f.run();
    // Rate all but the last, skip the last.
    for _ in &queue[..queue.len() - 1] {
        f.key(Key::Space);
        f.key(Key::Num3);
    }
    let skipped = *queue.last().unwrap();
    f.key(Key::S);
    assert!(f.item(skipped).reviews.is_empty());
    f.harness.get_by_label("Review done");
    // The plan itself still has it (tomorrow will), but today is done.
    assert_eq!(f.today_queue(), vec![skipped]);
    f.harness
        .get_by_role_and_label(Role::Tab, "Review, Done for today");
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    f.run();
    f.harness.get_by_label("Done for today");
    assert!(
        f.harness
            .query_by_role_and_label(Role::Button, "Start today's review")
            .is_none(),
        "the overview offers today's review again"
    );
    // Review again: nothing of today's is offered.
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    f.run();
    assert!(f.harness.query_by_label(&f.item(skipped).text).is_none());
}

#[test]
fn keys_typed_in_a_text_field_do_not_rate() {
    let mut f = start(egui::vec2(1280.0, 800.0));
    let first = f.item(f.today_queue()[0]);
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    f.run();
    // The search box has the keyboard: a digit typed there must not rate.
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    f.run();
    f.harness.get_by_label("Search").type_text("3");
    f.key(Key::Num3);
    assert!(f.item(first.id).reviews.is_empty());
}

#[test]
fn cram_goes_through_everything_weakest_first_without_changing_the_plan() {
    let mut f = start(egui::vec2(1280.0, 800.0));
    let order = review::cram_order(f.nb());
    // The sidebar's Review page offers today's review and the cram.
    f.harness
        .get_by_role_and_label(
            egui::accesskit::Role::Tab,
            &format!("Review, {} today", f.today_queue().len()),
        )
        .click();
    f.run();
    f.harness
        .get_by_role_and_label(Role::Button, "Cram: everything, weakest first")
        .click();
    f.run();
    f.harness.get_by_label(&format!("1 of {}", order.len()));
    f.harness.get_by_label(&f.item(order[0]).text);
    f.key(Key::Num5);
    assert_eq!(f.item(order[0]).reviews.len(), 1);
    f.harness.get_by_label(&f.item(order[1]).text);
}

#[test]
fn clicking_a_plan_item_opens_its_topic() {
    let mut f = start(egui::vec2(1280.0, 800.0));
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    f.run();
    assert_eq!(f.harness.state().ui_state().page, Page::Overview);
    // A topic planned for a later day, further down the page.
    let plan = review::plan(f.nb(), today(), &PlanConfig::default());
    let id = plan.days[1].topics.last().unwrap().id;
    let item = f.item(id);
    let link = f
        .harness
        .get_all_by_role_and_label(Role::Link, &item.text)
        .last()
        .unwrap();
    link.scroll_to_me();
    f.run();
    f.harness
        .get_all_by_role_and_label(Role::Link, &item.text)
        .last()
        .unwrap()
        .click();
    f.run();
    let (section, _, _) = f.nb().locate_item(id).unwrap();
    let state = f.harness.state().ui_state();
    assert_eq!(state.page, Page::Section(section));
    assert_eq!(state.focused_item, Some(id));
    assert!(state.expanded.contains(&id), "the notes are open");
    f.harness.get_by_label(&format!("Notes: {}", item.text));
}

#[test]
fn clicking_a_group_bar_opens_its_section() {
    let mut f = start(egui::vec2(1280.0, 800.0));
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    f.run();
    let group = review::group_counts(f.nb()).into_iter().next().unwrap();
    f.harness
        .get_by_label(&format!("{}: {} topics", group.title, group.total()))
        .click();
    f.run();
    assert_eq!(
        f.harness.state().ui_state().page,
        Page::Section(group.section)
    );
}

#[test]
fn ticking_a_question_on_the_interview_day_sheet_marks_it_asked() {
    let mut f = start(egui::vec2(900.0, 600.0));
    f.harness
        .get_by_role_and_label(Role::Tab, "Interview day")
        .click();
    f.run();
    assert_eq!(f.harness.state().ui_state().page, Page::InterviewDay);
    f.harness.get_by_label("Weakest topics");
    f.harness
        .get_by_label("• Performance and reliability: systems are built to survive growth.");
    let q = "“How does the backend team work day to day, and how do you work with frontend and product?”";
    f.harness.get_by_role_and_label(Role::CheckBox, q).click();
    f.run();
    let asked = f
        .nb()
        .sections
        .iter()
        .flat_map(prepkit::model::Section::items)
        .find(|i| i.text == q)
        .unwrap();
    assert!(asked.done);
    // Not every topic fits on one screen at 900×600: the sheet says how many more.
    f.harness
        .get_by_label_contains("more topics in the full summary");
}

#[test]
fn the_daily_budget_setting_sizes_todays_review() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("settings.json"),
        r#"{"budget_minutes": 60}"#,
    )
    .unwrap();
    let mut f = start_in(dir, egui::vec2(1280.0, 800.0));
    let config = PlanConfig {
        budget_minutes: 60,
        ..PlanConfig::default()
    };
    let n = review::plan(f.nb(), today(), &config).today_queue().len();
    assert!(
        n > f.today_queue().len(),
        "a larger budget plans more today"
    );
    f.harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    f.run();
    f.harness.get_by_label(&format!("1 of {n}"));
}
