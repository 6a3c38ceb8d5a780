//! The story bank: values read from briefs (and kept on re-import), stories
//! loaded from older files, the story actions with undo, the coverage grid
//! and `prepkit coverage`, and the app's story pages driven like a person would.

use prepkit::action::Action;
use prepkit::brief;
use prepkit::model::{Confidence, Id, Link, Notebook, StoryField};
use prepkit::store::Store;
use prepkit::stories::coverage;

use crate::export::pdf_pages;

const ENGLISH: &str = include_str!("../fixtures/values-brief.md");
const KOREAN: &str = include_str!("../fixtures/values-korean.md");

fn labels(nb: &Notebook) -> Vec<(&str, &str)> {
    nb.values
        .iter()
        .map(|v| (v.label.as_str(), v.text.as_str()))
        .collect()
}

#[test]
fn a_values_section_becomes_the_notebooks_values() {
    let nb = brief::import(ENGLISH, "values-brief.md").unwrap();
    assert_eq!(
        labels(&nb),
        [
            ("Collaboration", "short loops between squads and ops."),
            ("Ownership", "the squad that writes a service runs it."),
            ("Plain writing", "design documents before code."),
        ]
    );
    // Ids are fresh and the next id is past them.
    assert!(nb.values.iter().all(|v| v.id.0 < nb.next_id));
    assert_eq!(nb.max_id() + 1, nb.next_id);
}

#[test]
fn korean_value_headings_are_read_too() {
    let nb = brief::import(KOREAN, "values-korean.md").unwrap();
    assert_eq!(
        labels(&nb),
        [
            ("고객 중심", "고객의 문제에서 출발합니다."),
            ("주인의식", "만든 서비스를 끝까지 책임집니다."),
        ]
    );
}

#[test]
fn reimport_keeps_values_matched_by_label_with_their_stories() {
    let mut store = Store::new(brief::import(ENGLISH, "values-brief.md").unwrap());
    let ownership = store.notebook().values[1].id;
    let plain = store.notebook().values[2].id;
    store.apply(Action::AddStory {
        title: "The Friday outage".into(),
        link: Some(Link::Value(plain)),
    });
    store.apply(Action::AddValue {
        label: "Curiosity".into(),
    });
    let changed = ENGLISH
        .replace("_Ownership:_ the squad", "**ownership:** the team")
        .replace("- *Plain writing* — design documents before code.\n", "")
        .replace(
            "- **Collaboration:** short loops between squads and ops.\n",
            "",
        );
    let merged = brief::merge(
        store.notebook(),
        brief::import(&changed, "values-brief.md").unwrap(),
    );
    let v = |label: &str| merged.values.iter().find(|v| v.label == label).cloned();
    // Matched by normalised label: same id, the brief's new text.
    let own = v("Ownership").unwrap();
    assert_eq!(own.id, ownership);
    assert_eq!(own.text, "the team that writes a service runs it.");
    // Gone from the brief: kept when a story links it or the user added it.
    assert_eq!(v("Plain writing").unwrap().id, plain);
    assert!(v("Curiosity").is_some());
    assert!(v("Collaboration").is_none());
    assert_eq!(merged.stories.len(), 1);
    assert!(merged.next_id > merged.max_id());
}

#[test]
fn a_notebook_from_before_stories_loads_with_an_empty_bank() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.json");
    let old = serde_json::json!({
        "schema_version": 2, "id": "old", "title": "Before stories",
        "sections": [], "next_id": 4
    });
    std::fs::write(&path, old.to_string()).unwrap();
    let loaded = prepkit::persist::load(&path).unwrap();
    assert_eq!(loaded.notebook.title, "Before stories");
    assert!(loaded.notebook.values.is_empty());
    assert!(loaded.notebook.stories.is_empty());
}

#[test]
fn stories_round_trip_through_json() {
    let mut store = Store::new(brief::import(ENGLISH, "values-brief.md").unwrap());
    let value = store.notebook().values[0].id;
    store.apply(Action::AddStory {
        title: "Kafka cut-over".into(),
        link: Some(Link::Value(value)),
    });
    let id = store.notebook().stories[0].id;
    store.apply(Action::SetStoryField {
        id,
        field: StoryField::Result,
        text: "Zero lost events.".into(),
    });
    let json = serde_json::to_string(store.notebook()).unwrap();
    let back: Notebook = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, store.notebook());
    assert_eq!(back.stories[0].result, "Zero lost events.");
}

fn story_store() -> (Store, Id) {
    let mut store = Store::new(brief::import(ENGLISH, "values-brief.md").unwrap());
    store.apply(Action::AddStory {
        title: "Kafka cut-over".into(),
        link: None,
    });
    let id = store.notebook().stories[0].id;
    (store, id)
}

#[test]
fn linking_from_the_grid_changes_the_count_and_undo_takes_it_back() {
    let (mut store, kafka) = story_store();
    let before = coverage(store.notebook()).values_without_story();
    assert_eq!(before, 3);
    let value = store.notebook().values[0].id;
    assert!(store.apply(Action::LinkStory {
        story: kafka,
        to: Link::Value(value),
        linked: true,
    }));
    // Linking twice changes nothing and leaves no undo step.
    assert!(!store.apply(Action::LinkStory {
        story: kafka,
        to: Link::Value(value),
        linked: true,
    }));
    assert_eq!(coverage(store.notebook()).values_without_story(), 2);
    store.undo();
    assert_eq!(coverage(store.notebook()).values_without_story(), 3);
}

#[test]
fn rating_a_story_records_a_review_and_one_undo_removes_it() {
    let (mut store, id) = story_store();
    let at = chrono::Utc::now();
    store.apply(Action::ReviewStory {
        id,
        confidence: Confidence::Good,
        at,
        seconds: 110,
    });
    let s = store.notebook().story(id).unwrap();
    assert_eq!(s.confidence, Confidence::Good);
    assert_eq!(s.reviews.len(), 1);
    assert_eq!(s.reviews[0].seconds, 110);
    assert_eq!(s.last_reviewed(), Some(at));
    store.undo();
    let s = store.notebook().story(id).unwrap();
    assert_eq!(s.confidence, Confidence::Unrated);
    assert!(s.reviews.is_empty());
}

#[test]
fn removed_values_and_stories_come_back_with_undo() {
    let (mut store, id) = story_store();
    let value = store.notebook().values[1].id;
    store.apply(Action::RenameValue {
        id: value,
        label: "Owning it".into(),
    });
    store.apply(Action::RemoveValue(value));
    store.apply(Action::RemoveStory(id));
    assert!(store.notebook().stories.is_empty());
    store.undo();
    store.undo();
    assert_eq!(store.notebook().values[1].label, "Owning it");
    assert_eq!(store.notebook().stories[0].id, id);
    // A blank name is refused.
    assert!(!store.apply(Action::RenameValue {
        id: value,
        label: "  ".into(),
    }));
}

#[test]
fn coverage_cli_prints_the_grid_and_the_documented_json() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, kafka) = story_store();
    let collab = store.notebook().values[0].id;
    let incident = store
        .notebook()
        .topics()
        .find(|t| t.text == "A production incident you handled")
        .unwrap()
        .id;
    for to in [Link::Value(collab), Link::Topic(incident)] {
        store.apply(Action::LinkStory {
            story: kafka,
            to,
            linked: true,
        });
    }
    let path = dir.path().join("nb.json");
    std::fs::write(&path, serde_json::to_vec(store.notebook()).unwrap()).unwrap();
    let path = path.to_str().unwrap();

    let out = crate::prepkit(dir.path())
        .args(["coverage", path, "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["values"][0],
        serde_json::json!({"label": "Collaboration", "stories": [kafka.0]})
    );
    assert_eq!(v["values"][1]["stories"], serde_json::json!([]));
    assert_eq!(
        v["topics"][0],
        serde_json::json!({"id": incident.0, "title": "A production incident you handled", "stories": [kafka.0]})
    );
    assert_eq!(v["topics"][1]["title"], "Cross-team collaboration");
    assert_eq!(
        v["stories"],
        serde_json::json!([{"id": kafka.0, "title": "Kafka cut-over"}])
    );

    let out = crate::prepkit(dir.path())
        .args(["coverage", path])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("✓ Collaboration: Kafka cut-over"), "{text}");
    assert!(text.contains("✗ Ownership: no story yet"), "{text}");
    assert!(text.contains("2 of 3 values without a story"), "{text}");
}

mod gui {
    //! The Stories page driven like a person would, with the clock fixed.

    use egui::Key;
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    use prepkit::app::{PrepkitApp, Startup};
    use prepkit::i18n::Lang;
    use prepkit::model::{Confidence, Notebook, Story};
    use prepkit::stories::coverage;
    use prepkit::ui::Page;
    use prepkit::ui::stories::StoriesTab;

    use crate::app::Fixture;

    fn start() -> Fixture {
        start_with(None)
    }

    /// The app opened on `file` (a brief), or on its sample notebook.
    fn start_with(file: Option<std::path::PathBuf>) -> Fixture {
        start_in(tempfile::tempdir().unwrap(), file)
    }

    /// [`start_with`], with the data folder `dir`.
    fn start_in(dir: tempfile::TempDir, file: Option<std::path::PathBuf>) -> Fixture {
        launch(dir, file, Lang::En, egui::vec2(1280.0, 800.0))
    }

    /// The app in `lang`, in a window of `size`.
    fn launch(
        dir: tempfile::TempDir,
        file: Option<std::path::PathBuf>,
        lang: Lang,
        size: egui::Vec2,
    ) -> Fixture {
        let startup = Startup {
            data_dir: dir.path().to_path_buf(),
            file,
            lang: Some(lang),
            now: chrono::NaiveDateTime::parse_from_str("2026-11-25 09:00", "%Y-%m-%d %H:%M").ok(),
        };
        let harness = Harness::builder()
            .with_size(size)
            .build_eframe(move |cc| PrepkitApp::new(&cc.egui_ctx, startup));
        let mut f = Fixture { _dir: dir, harness };
        f.run();
        f
    }

    fn nb(f: &Fixture) -> &Notebook {
        f.harness.state().notebook()
    }

    fn only_story(f: &Fixture) -> Story {
        assert_eq!(nb(f).stories.len(), 1);
        nb(f).stories[0].clone()
    }

    fn click(f: &mut Fixture, label: &str) {
        f.harness.get_by_label(label).click();
        f.run();
    }

    fn type_into(f: &mut Fixture, role: Role, label: &str, text: &str) {
        let field = f.harness.get_by_role_and_label(role, label);
        field.focus();
        field.type_text(text);
        f.run();
    }

    /// The dashboard's count, then a new story named in its editor.
    fn new_story(f: &mut Fixture, title: &str) {
        let values = nb(f).values.len();
        assert_eq!(values, 4, "the built-in brief lists four values");
        click(f, "Overview");
        click(f, "4 values without a story");
        let ui = f.harness.state().ui_state();
        assert_eq!(ui.page, Page::Stories);
        assert_eq!(ui.stories.tab, StoriesTab::Coverage);
        click(f, "+ New story");
        f.run();
        // The new story's title takes the keyboard.
        let field = f.harness.get_by_role_and_label(Role::TextInput, "Title");
        assert!(field.is_focused(), "the title field has no focus");
        field.type_text(title);
        f.run();
        assert_eq!(only_story(f).title, title);
    }

    /// At 900×600 and 130 % zoom in Korean, the grid's flagged rows wrap,
    /// and nothing of one row is drawn over the next (a wrapped label with
    /// its "Write one" button was measured one line high).
    #[test]
    fn the_coverage_grid_rows_do_not_overlap_in_a_small_zoomed_window() {
        let dir = tempfile::tempdir().unwrap();
        let mut f = launch(dir, None, Lang::Ko, egui::vec2(900.0, 600.0));
        f.harness.ctx.set_zoom_factor(1.3);
        f.run();
        f.harness
            .query_all_by_role(Role::Tab)
            .find(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l.starts_with("스토리"))
            })
            .expect("the Stories page in the sidebar")
            .click();
        f.run();
        click(&mut f, "커버리지 표");
        assert_eq!(
            f.harness.state().ui_state().stories.tab,
            StoriesTab::Coverage
        );
        f.harness.run_steps(2);
        let rects = |nodes: Vec<egui_kittest::Node<'_>>| -> Vec<egui::Rect> {
            nodes.iter().map(egui_kittest::Node::rect).collect()
        };
        // A flagged row's label and its button are one row; rows, buttons
        // and the next heading must not meet.
        let labels = rects(
            f.harness
                .query_all_by_value("아직 스토리 없음")
                .chain(f.harness.query_all_by_label_contains("아직 스토리 없음"))
                .collect(),
        );
        let buttons = rects(f.harness.query_all_by_label("하나 쓰기").collect());
        let heading = rects(f.harness.query_all_by_label("인성 주제").collect());
        assert!(buttons.len() >= 3 && heading.len() == 1, "{buttons:?}");
        let apart = |a: &[egui::Rect], b: &[egui::Rect], what: &str| {
            for (i, ra) in a.iter().enumerate() {
                for (j, rb) in b.iter().enumerate() {
                    let same = std::ptr::eq(a, b) && i >= j;
                    assert!(
                        same || !ra.shrink(1.0).intersects(rb.shrink(1.0)),
                        "{what}: {ra:?} overlaps {rb:?}"
                    );
                }
            }
        };
        apart(&buttons, &buttons, "two buttons");
        apart(&buttons, &heading, "a button and the next heading");
        apart(&labels, &heading, "a row and the next heading");
    }

    #[test]
    fn a_story_written_and_linked_from_the_grid_changes_the_coverage_count() {
        let mut f = start();
        new_story(&mut f, "The Friday outage");
        type_into(
            &mut f,
            Role::MultilineTextInput,
            "Situation",
            "Kafka lag hid shipments.",
        );
        assert_eq!(only_story(&f).situation, "Kafka lag hid shipments.");
        type_into(
            &mut f,
            Role::TextInput,
            "Tags (comma-separated)",
            "incident, ops",
        );
        assert_eq!(only_story(&f).tags, ["incident", "ops"]);

        click(&mut f, "Coverage grid");
        f.harness.get_by_label("Collaboration: no story yet");
        click(&mut f, "Collaboration × The Friday outage");
        let collab = nb(&f)
            .values
            .iter()
            .find(|v| v.label == "Collaboration")
            .unwrap()
            .id;
        assert_eq!(only_story(&f).values, [collab]);
        assert_eq!(coverage(nb(&f)).values_without_story(), 3);
        f.harness.get_by_label("3 values without a story");
        assert!(
            f.harness
                .query_by_label("Collaboration: no story yet")
                .is_none()
        );

        // A behavioural topic row links the same way; a second click unlinks.
        let incident = "Behavioural topics";
        f.harness.get_by_label(incident);
        click(&mut f, "Handling a production incident × The Friday outage");
        assert_eq!(only_story(&f).topics.len(), 1);
        click(&mut f, "Collaboration × The Friday outage");
        assert!(only_story(&f).values.is_empty());
        f.harness.get_by_label("4 values without a story");
    }

    #[test]
    fn tab_in_a_star_field_moves_to_the_next_field() {
        let mut f = start();
        new_story(&mut f, "The Friday outage");
        type_into(
            &mut f,
            Role::MultilineTextInput,
            "Situation",
            "Kafka lag hid shipments.",
        );
        // Tab, then type: the words land in Task, not after a tab in Situation.
        f.harness.key_press(Key::Tab);
        f.run();
        f.harness
            .event(egui::Event::Text("Find the lag's cause.".into()));
        f.run();
        let story = only_story(&f);
        assert_eq!(story.situation, "Kafka lag hid shipments.");
        assert_eq!(story.task, "Find the lag's cause.");
    }

    #[test]
    fn practice_hides_the_story_until_space_and_a_rating_records_a_review() {
        let mut f = start();
        new_story(&mut f, "Kafka cut-over");
        type_into(
            &mut f,
            Role::MultilineTextInput,
            "Result",
            "Zero lost events.",
        );
        click(&mut f, "Practise");
        assert!(f.harness.state().ui_state().stories.practising());
        f.harness.get_by_label("Kafka cut-over");
        assert!(
            f.harness
                .query_by_label_contains("Zero lost events")
                .is_none()
        );
        f.harness.key_press(Key::Space);
        f.run();
        f.harness.get_by_label_contains("Zero lost events");
        f.harness.key_press(Key::Num4);
        f.run();
        let story = only_story(&f);
        assert_eq!(story.confidence, Confidence::Good);
        assert_eq!(story.reviews.len(), 1);
        let local = story.reviews[0]
            .at
            .with_timezone(&chrono::Local)
            .naive_local();
        assert_eq!(local.format("%H:%M").to_string(), "09:00");
        assert!(!f.harness.state().ui_state().stories.practising());
        // The digit rated the story, not a topic.
        assert!(nb(&f).topics().all(|t| t.reviews.is_empty()));
    }

    fn values_brief() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/values-brief.md")
    }

    #[test]
    fn stories_copied_from_another_notebook_keep_links_where_labels_match_and_undo_as_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut source = super::notebook_with_stories(3);
        source.title = "Last year's stories".into();
        // A value this notebook lacks: its links are dropped.
        source.values[0].label = "Speed".into();
        let path = prepkit::persist::notebook_path(dir.path(), "last-year");
        prepkit::persist::save(&path, &source, None).unwrap();
        let mut f = start_in(dir, Some(values_brief()));
        assert!(nb(&f).stories.is_empty());
        click(&mut f, "Overview");
        click(&mut f, "3 values without a story");
        click(&mut f, "Copy stories from…");
        click(&mut f, "Last year's stories");
        let stories = &nb(&f).stories;
        let titles: Vec<&str> = stories.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Story number 0", "Story number 1", "Story number 2"]
        );
        // Story 0 showed "Speed" (no match here); 1 and 2 keep Ownership and Plain writing.
        let labels: Vec<Vec<&str>> = stories
            .iter()
            .map(|s| {
                s.values
                    .iter()
                    .map(|v| nb(&f).value(*v).unwrap().label.as_str())
                    .collect()
            })
            .collect();
        assert_eq!(labels, [vec![], vec!["Ownership"], vec!["Plain writing"]]);
        assert!(stories.iter().all(|s| s.reviews.is_empty()));
        let toasts = f.harness.state().toasts();
        assert!(
            toasts
                .iter()
                .any(|t| t == "Copied 3 stories (2 links kept)"),
            "{toasts:?}"
        );
        f.harness
            .key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
        f.run();
        assert!(nb(&f).stories.is_empty(), "one undo takes the copy back");
    }

    #[test]
    fn a_story_due_today_is_on_the_dashboard_and_practise_opens_it() {
        // A small brief: its topics leave room in the day's budget.
        let mut f = start_with(Some(values_brief()));
        assert_eq!(nb(&f).values.len(), 3, "the values brief is open");
        click(&mut f, "Overview");
        assert!(
            f.harness
                .query_by_label_contains("to practise today")
                .is_none()
        );
        click(&mut f, "3 values without a story");
        click(&mut f, "+ New story");
        click(&mut f, "Overview");
        f.harness.get_by_label("1 story to practise today");
        // Never practised: due today, like a topic never reviewed.
        click(&mut f, "Practise");
        let ui = f.harness.state().ui_state();
        assert_eq!(ui.page, Page::Stories);
        assert!(ui.stories.practising());
        f.harness.key_press(Key::Num5);
        f.run();
        assert_eq!(only_story(&f).reviews.len(), 1);
        // Practised today and Strong: no longer due.
        click(&mut f, "Overview");
        assert!(
            f.harness
                .query_by_label_contains("to practise today")
                .is_none()
        );
    }
}

#[test]
fn every_export_format_lists_stories_under_their_values() {
    use prepkit::export::{ExportOptions, Format, render};
    let (mut store, kafka) = story_store();
    let collab = store.notebook().values[0].id;
    store.apply(Action::LinkStory {
        story: kafka,
        to: Link::Value(collab),
        linked: true,
    });
    store.apply(Action::SetStoryField {
        id: kafka,
        field: StoryField::Result,
        text: "Zero lost events.".into(),
    });
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let nb = store.notebook();
    let opts = ExportOptions::default();
    let md = String::from_utf8(render(nb, &opts, Format::Markdown, now).unwrap()).unwrap();
    let collab_at = md.find("### Collaboration").expect(&md);
    let story_at = md.find("#### Kafka cut-over").expect(&md);
    let ownership_at = md.find("### Ownership").expect(&md);
    assert!(collab_at < story_at && story_at < ownership_at, "{md}");
    assert!(md.contains("**Result.** Zero lost events."), "{md}");

    let html = String::from_utf8(render(nb, &opts, Format::Html, now).unwrap()).unwrap();
    assert!(html.contains("<h2>Stories</h2>"), "{html}");
    assert!(html.contains("Kafka cut-over") && html.contains("Zero lost events."));

    let pdf = render(nb, &opts, Format::Pdf, now).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text: String = doc
        .extract_text(&pages)
        .unwrap()
        .split_whitespace()
        .collect();
    for part in [
        "Stories",
        "Collaboration",
        "Kafkacut-over",
        "Zerolostevents.",
    ] {
        assert!(text.contains(part), "{part} missing from the PDF: {text}");
    }

    // Without stories, no stories section.
    let plain = brief::import(ENGLISH, "values-brief.md").unwrap();
    let md = String::from_utf8(render(&plain, &opts, Format::Markdown, now).unwrap()).unwrap();
    assert!(!md.contains("## Stories"));
}

/// The values brief with `n` stories: each links one of the three values in
/// turn (every fifth none), with all four STAR fields and a rating.
pub fn notebook_with_stories(n: usize) -> Notebook {
    let mut store = Store::new(brief::import(ENGLISH, "values-brief.md").unwrap());
    for i in 0..n {
        store.apply(Action::AddStory {
            title: format!("Story number {i}"),
            link: None,
        });
        let nb = store.notebook();
        let id = nb.stories[i].id;
        let value = nb.values[i % 3].id;
        for (field, text) in [
            (StoryField::Situation, format!("Situation {i}\nand more")),
            (StoryField::Task, format!("Task {i}")),
            (StoryField::Action, format!("Action {i}")),
            (StoryField::Result, format!("Result {i}")),
        ] {
            store.apply(Action::SetStoryField { id, field, text });
        }
        if i % 5 != 4 {
            store.apply(Action::LinkStory {
                story: id,
                to: Link::Value(value),
                linked: true,
            });
        }
        store.apply(Action::ReviewStory {
            id,
            confidence: Confidence::ALL[1 + i % 5],
            at: chrono::Utc::now(),
            seconds: 0,
        });
    }
    store.notebook().clone()
}

fn story_sheet(
    nb: &Notebook,
    format: prepkit::export::Format,
    lang: prepkit::i18n::Lang,
) -> Vec<u8> {
    use prepkit::export::{ExportOptions, render};
    let opts = ExportOptions {
        stories: true,
        lang,
        ..ExportOptions::default()
    };
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap();
    render(nb, &opts, format, now).unwrap()
}

#[test]
fn the_story_sheet_lists_stories_under_their_values_in_every_format() {
    use prepkit::export::Format;
    use prepkit::i18n::Lang;
    let nb = notebook_with_stories(4);
    let md = String::from_utf8(story_sheet(&nb, Format::Markdown, Lang::En)).unwrap();
    // Collaboration has stories 0 and 3 (3 rated Okay after 0's Weak);
    // Plain writing has 2, and 4 is tied to no value.
    let order = [
        "# Stories to tell",
        "## Collaboration",
        "**Story number 0**",
        "*Situation:* Situation 0",
        "*Result:* Result 0",
        "**Story number 3**",
        "## Ownership",
        "**Story number 1**",
        "## Plain writing",
        "**Story number 2**",
    ];
    let mut at = 0;
    for part in order {
        let found = md[at..]
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} out of order in:\n{md}"));
        at += found;
    }
    assert!(
        !md.contains("and more"),
        "only the first line of a field:\n{md}"
    );
    assert!(
        !md.contains("## Stories\n"),
        "the summary's section is not the sheet"
    );

    let html = String::from_utf8(story_sheet(&nb, Format::Html, Lang::En)).unwrap();
    for part in [
        "<h1>Stories to tell</h1>",
        "<h2>Collaboration</h2>",
        "Story number 3",
        "Action 3",
    ] {
        assert!(html.contains(part), "{part:?} not in:\n{html}");
    }

    let pages = pdf_pages(&story_sheet(&nb, Format::Pdf, Lang::En));
    assert_eq!(pages.len(), 1);
    let text: String = pages[0].split_whitespace().collect();
    let collab = text.find("Collaboration").expect(&text);
    let zero = text.find("Storynumber0").expect(&text);
    let ownership = text.find("Ownership").expect(&text);
    assert!(collab < zero && zero < ownership, "{text}");
    assert!(text.contains("Situation:Situation0"), "{text}");
}

#[test]
fn sixty_stories_give_one_pdf_page_that_says_how_many_more() {
    use prepkit::export::Format;
    use prepkit::i18n::Lang;
    let nb = notebook_with_stories(60);
    let pages = pdf_pages(&story_sheet(&nb, Format::Pdf, Lang::En));
    assert_eq!(pages.len(), 1, "{} pages", pages.len());
    let text = &pages[0];
    let shown = text.matches("Story number").count();
    assert!(shown >= 4, "{shown} stories shown:\n{text}");
    // Each value and the unlinked stories keep a story, and count the rest.
    let more: usize = text
        .lines()
        .filter_map(|l| l.trim().strip_suffix(" more stories in the full summary"))
        .map(|n| n.trim().parse::<usize>().unwrap())
        .sum();
    assert!(more > 0, "no count of what was cut:\n{text}");
    assert_eq!(shown + more, 60, "{text}");
    for part in [
        "Collaboration",
        "Ownership",
        "Plain writing",
        "Not linked to a value",
    ] {
        assert!(text.contains(part), "{part:?} not in:\n{text}");
    }
    // The Markdown sheet fits a printed page too, and counts the same way.
    let md = String::from_utf8(story_sheet(&nb, Format::Markdown, Lang::En)).unwrap();
    assert!(md.lines().count() < 120, "{md}");
    assert!(md.contains("more stories in the full summary"));
}

#[test]
fn the_story_sheet_from_the_command_line_speaks_korean() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nb.json");
    let nb = notebook_with_stories(3);
    std::fs::write(&path, serde_json::to_vec(&nb).unwrap()).unwrap();
    let out = dir.path().join("stories.md");
    let run = crate::prepkit(dir.path())
        .args([
            "export",
            path.to_str().unwrap(),
            "--stories",
            "--lang",
            "ko",
        ])
        .args(["--format", "md", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let md = std::fs::read_to_string(&out).unwrap();
    for part in [
        "# 준비한 스토리",
        "## Collaboration",
        "*상황:* Situation 0",
        "*결과:* Result 2",
    ] {
        assert!(md.contains(part), "{part:?} not in:\n{md}");
    }
    assert!(!md.contains("Situation:"), "an English label:\n{md}");
    // The PDF in Korean says what was cut in Korean.
    let pdf = story_sheet(
        &notebook_with_stories(60),
        prepkit::export::Format::Pdf,
        prepkit::i18n::Lang::Ko,
    );
    let text: String = pdf_pages(&pdf).concat().split_whitespace().collect();
    assert!(text.contains("전체요약에스토리"), "{text}");
}

#[test]
fn copy_stories_from_the_command_line_saves_them_into_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let from = dir.path().join("from.json");
    std::fs::write(
        &from,
        serde_json::to_vec(&notebook_with_stories(2)).unwrap(),
    )
    .unwrap();
    // The target: the Korean values brief, whose labels match none.
    let to = prepkit::persist::notebook_path(dir.path(), "korean");
    let target = brief::import(KOREAN, "values-korean.md").unwrap();
    prepkit::persist::save(&to, &target, None).unwrap();
    let run = crate::prepkit(dir.path())
        .args(["copy-stories", from.to_str().unwrap(), "korean"])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let said = String::from_utf8(run.stdout).unwrap();
    assert!(
        said.starts_with("Copied 2 stories (0 links kept, 2 dropped) into "),
        "{said}"
    );
    let saved = prepkit::persist::load(&to).unwrap().notebook;
    let titles: Vec<&str> = saved.stories.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Story number 0", "Story number 1"]);
    assert_eq!(
        saved.values, target.values,
        "the target's values stay its own"
    );
    // Into a notebook that does not exist: refused, nothing written.
    let run = crate::prepkit(dir.path())
        .args(["copy-stories", from.to_str().unwrap(), "nowhere"])
        .output()
        .unwrap();
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("no notebook named \"nowhere\""));
}
