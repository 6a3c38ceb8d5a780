//! The whole app driven like a person would: find widgets by role and label,
//! click and type, then check the notebook (and the file on disk).

use std::fmt::Write as _;

use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use prepkit::app::{PrepkitApp, Startup};
use prepkit::i18n::Lang;
use prepkit::model::{Confidence, Notebook, SectionKind};

pub(crate) struct Fixture {
    pub(crate) _dir: tempfile::TempDir,
    pub(crate) harness: Harness<'static, PrepkitApp>,
}

pub(crate) fn start_with(lang: Lang, file: Option<std::path::PathBuf>) -> Fixture {
    start_sized(lang, file, egui::vec2(1280.0, 800.0))
}

pub(crate) fn start_sized(
    lang: Lang,
    file: Option<std::path::PathBuf>,
    size: egui::Vec2,
) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
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

impl Fixture {
    /// Runs frames until the app is idle: no repaint asked for and no disk
    /// work in progress (saves, reads on the I/O thread, a waiting switch).
    pub(crate) fn run(&mut self) {
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            self.harness.run_ok();
            if !self.harness.state().is_busy() {
                self.harness.run_ok();
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the app stayed busy for 20 s"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

fn start() -> Fixture {
    start_with(Lang::En, None)
}

fn nb(f: &Fixture) -> &Notebook {
    f.harness.state().notebook()
}

/// The message on screen that contains `part`, if any.
fn toast_with(f: &Fixture, part: &str) -> Option<String> {
    f.harness
        .state()
        .toasts()
        .into_iter()
        .find(|t| t.contains(part))
}

pub(crate) fn topic(f: &Fixture, text: &str) -> prepkit::model::Item {
    nb(f)
        .sections
        .iter()
        .flat_map(prepkit::model::Section::items)
        .find(|i| i.text == text)
        .cloned()
        .unwrap_or_else(|| panic!("no item {text:?}"))
}

pub(crate) const FIRST: &str = "Asynchronous request handling";

#[test]
fn first_run_shows_the_built_in_brief_as_a_notebook() {
    let f = start();
    let n = nb(&f);
    assert_eq!(n.sections.len(), 6);
    assert_eq!(n.company, "ABC Corp");
    // The topics section is open, with its progress in the sidebar.
    f.harness
        .get_by_label_contains("Likely Interview Topics, 0/20 rated");
    f.harness
        .get_by_label_contains("Suggested Questions to Ask, 0/12 asked");
    f.harness.get_by_label(&format!("2 Shaky: {FIRST}"));
}

#[test]
fn clicking_a_rating_rates_the_topic_and_undo_takes_it_back() {
    let mut f = start();
    f.harness.get_by_label(&format!("2 Shaky: {FIRST}")).click();
    f.run();
    assert_eq!(topic(&f, FIRST).confidence, Confidence::Shaky);
    f.harness
        .get_by_label("Likely Interview Topics, 1/20 rated");

    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    f.run();
    assert_eq!(topic(&f, FIRST).confidence, Confidence::Unrated);
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    f.run();
    assert_eq!(topic(&f, FIRST).confidence, Confidence::Shaky);
}

#[test]
fn ticking_a_question_marks_it_asked() {
    let mut f = start();
    f.harness
        .get_by_label("Suggested Questions to Ask, 0/12 asked")
        .click();
    f.run();
    let q = "“How do you test end to end?”";
    f.harness.get_by_role_and_label(Role::CheckBox, q).click();
    f.run();
    assert!(topic(&f, q).done);
    f.harness
        .get_by_label("Suggested Questions to Ask, 1/12 asked");
}

#[test]
fn typing_a_note_lands_in_the_notebook_and_on_disk() {
    let mut f = start();
    f.harness
        .get_by_label(&format!("Show or hide notes: {FIRST}"))
        .click();
    f.run();
    let label = format!("Notes: {FIRST}");
    let field = f.harness.get_by_label(&label);
    field.focus();
    field.type_text("Event loop, await, 면접");
    f.run();
    assert_eq!(topic(&f, FIRST).notes, "Event loop, await, 면접");

    // Saved by the store's background saver; the file holds the note.
    assert!(f.harness.state_mut().flush(Duration::from_secs(10)));
    let path = f.harness.state().path().to_path_buf();
    let on_disk = std::fs::read_to_string(path).unwrap();
    assert!(on_disk.contains("Event loop, await, 면접"));
}

#[test]
fn keyboard_only_rating_and_navigation() {
    let mut f = start();
    // J moves to the first topic, K back; digits rate the focused topic.
    f.harness.key_press(egui::Key::J);
    f.harness.key_press(egui::Key::J);
    f.run();
    f.harness.key_press(egui::Key::Num4);
    f.run();
    assert_eq!(
        topic(&f, "Pydantic models and data validation").confidence,
        Confidence::Good
    );
    f.harness.key_press(egui::Key::K);
    f.harness.key_press(egui::Key::Num1);
    f.run();
    assert_eq!(topic(&f, FIRST).confidence, Confidence::Weak);
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    f.run();
    assert_eq!(topic(&f, FIRST).confidence, Confidence::Unrated);
}

#[test]
fn filter_shows_only_weak_and_shaky_topics() {
    let mut f = start();
    f.harness.get_by_label(&format!("1 Weak: {FIRST}")).click();
    f.run();
    f.harness
        .get_by_role_and_label(Role::Button, "Weak and Shaky only")
        .click();
    f.run();
    assert!(
        f.harness
            .query_by_label(&format!("1 Weak: {FIRST}"))
            .is_some()
    );
    assert!(
        f.harness
            .query_by_label("1 Weak: Dependency injection in FastAPI")
            .is_none(),
        "an unrated topic is still shown under the Weak/Shaky filter"
    );
}

/// Ctrl+F, then types `query` in the search box.
/// Replaces the text of the field labelled `field` with `text`, as a user
/// does: into the field, select all, type over it.
pub(crate) fn replace_text(f: &mut Fixture, field: &str, text: &str) {
    f.harness
        .get_by_role_and_label(Role::TextInput, field)
        .focus();
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    f.harness
        .get_by_role_and_label(Role::TextInput, field)
        .type_text(text);
    f.run();
}

fn search_for(f: &mut Fixture, query: &str) {
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    f.run();
    f.harness.get_by_label("Search").type_text(query);
    f.run();
}

#[test]
fn search_finds_topics_across_sections() {
    let mut f = start();
    search_for(&mut f, "redis");
    f.harness.get_by_label_contains("results for “redis”");
    assert!(
        f.harness
            .query_by_label("3 Okay: Redis caching strategies and invalidation")
            .is_some()
    );
    assert!(
        f.harness
            .query_by_label(&format!("3 Okay: {FIRST}"))
            .is_none()
    );
}

#[test]
fn add_and_delete_a_topic_with_undo() {
    let mut f = start();
    f.harness
        .get_by_label("Add topic to Python & FastAPI")
        .click();
    f.run();
    let field = f.harness.get_by_label("Add topic to Python & FastAPI");
    field.type_text("GIL and threads");
    f.harness.key_press(egui::Key::Enter);
    f.run();
    let added = topic(&f, "GIL and threads");
    assert!(added.added);

    f.harness.get_by_label("Actions: GIL and threads").click();
    f.run();
    f.harness
        .get_all_by_role_and_label(Role::MenuItem, "Delete")
        .next()
        .unwrap()
        .click();
    f.run();
    assert!(nb(&f).item(added.id).is_none());
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    f.run();
    assert!(
        nb(&f).item(added.id).is_some(),
        "undo did not bring the topic back"
    );
}

#[test]
fn changing_a_section_kind_keeps_its_items() {
    let mut f = start();
    f.harness
        .get_by_role_and_label(Role::ComboBox, "Kind")
        .click();
    f.run();
    f.harness
        .get_all_by_role_and_label(Role::Button, "Checklist")
        .next()
        .unwrap()
        .click();
    f.run();
    let s = nb(&f)
        .sections
        .iter()
        .find(|s| s.title == "Likely Interview Topics")
        .unwrap();
    assert_eq!(s.kind, SectionKind::Checklist);
    assert_eq!(s.items().count(), 20);
}

#[test]
fn language_switch_shows_the_korean_interface() {
    let mut f = start();
    f.harness.get_by_label("View").click();
    f.run();
    f.harness.get_by_label_contains("한국어로 전환").click();
    f.run();
    f.harness
        .get_by_label("Likely Interview Topics, 0/20 평가함");
    f.harness.get_by_label(&format!("2 불안: {FIRST}"));
}

#[test]
fn command_palette_runs_a_command() {
    let mut f = start();
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    f.run();
    f.harness
        .get_by_role_and_label(Role::TextInput, "Command palette")
        .type_text("overview");
    f.run();
    f.harness.key_press(egui::Key::Enter);
    f.run();
    assert_eq!(
        f.harness.state().ui_state().page,
        prepkit::ui::Page::Overview
    );
}

/// The Korean app with the first topic's notes open and the keyboard in them.
fn korean_notes_of_first_topic() -> Fixture {
    let mut f = start_with(Lang::Ko, None);
    let label = format!("메모 보기/숨기기: {FIRST}");
    f.harness.get_by_label(&label).click();
    f.run();
    let label = format!("메모: {FIRST}");
    f.harness.get_by_label(&label).focus();
    f.run();
    f
}

/// Sends one input-method event and lets the app draw a frame, as a real IME does.
fn ime(f: &mut Fixture, event: egui::ImeEvent) {
    f.harness.event(egui::Event::Ime(event));
    f.run();
}

fn preedit(text: &str) -> egui::ImeEvent {
    egui::ImeEvent::Preedit {
        text: text.to_owned(),
        active_range_chars: None,
    }
}

#[test]
fn korean_ime_composition_commits_once() {
    let mut f = korean_notes_of_first_topic();
    // 면 then 접, composed jamo by jamo, as an IME sends them.
    for event in [
        preedit("ㅁ"),
        preedit("머"),
        preedit("면"),
        egui::ImeEvent::Commit("면".into()),
        preedit("ㅈ"),
        preedit("저"),
        preedit("접"),
        egui::ImeEvent::Commit("접".into()),
    ] {
        ime(&mut f, event);
    }
    assert_eq!(topic(&f, FIRST).notes, "면접");
}

#[test]
fn korean_note_renders_hangul_in_the_editor_and_topic_list() {
    let brief = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/korean.md");
    let mut f = start_with(Lang::Ko, Some(brief));
    assert_eq!(nb(&f).title, "네이버 백엔드 면접 준비");
    let topic_text = "트랜잭션 격리 수준";
    let label = format!("2 불안: {topic_text}");
    f.harness.get_by_label(&label).click();
    f.run();
    let label = format!("메모 보기/숨기기: {topic_text}");
    f.harness.get_by_label(&label).click();
    f.run();
    let label = format!("메모: {topic_text}");
    let field = f.harness.get_by_label(&label);
    field.focus();
    field.type_text("면접 전에 격리 수준 네 가지를 예시와 함께 설명하기");
    f.run();
    assert_eq!(topic(&f, topic_text).confidence, Confidence::Shaky);
    assert_eq!(
        topic(&f, topic_text).notes,
        "면접 전에 격리 수준 네 가지를 예시와 함께 설명하기"
    );
    // Saved before the picture, whatever the machine's speed: the header
    // then says so (a save starts at most 800 ms after the first edit).
    assert!(f.harness.state_mut().flush(Duration::from_secs(10)));
    f.run();
    // The reference image shows Hangul glyphs, not boxes (look at it in
    // tests/snapshots/ after UPDATE_SNAPSHOTS=1). Rendering needs a wgpu
    // adapter; CI installs Mesa's software one. Without any, say so and skip
    // only the image comparison: a pixel difference always fails.
    let shot = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        f.harness.try_snapshot("korean_note")
    }));
    match shot {
        Ok(result) => result.unwrap(),
        Err(_) => {
            eprintln!("no wgpu adapter (install mesa-vulkan-drivers): snapshot comparison skipped");
        }
    }
}

#[test]
fn export_dialog_writes_the_file_and_remembers_the_folder() {
    let mut f = start();
    f.harness.get_by_label(&format!("1 Weak: {FIRST}")).click();
    f.run();
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    f.run();
    f.harness
        .get_all_by_role_and_label(Role::Button, "HTML")
        .next()
        .unwrap()
        .click();
    f.run();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("summary.html");
    replace_text(&mut f, "Save to", &out.display().to_string());
    f.harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    // The export runs on a background thread; wait for it like a user would.
    for _ in 0..100 {
        f.run();
        if out.exists()
            && toast_with(&f, "Exported to").is_some_and(|t| t.starts_with("Exported to"))
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let html = std::fs::read_to_string(&out).expect("no exported file");
    assert!(html.contains(FIRST));
    assert!(!html.contains("<script"));
    // The dialog closed and the folder is remembered for next time.
    assert!(!f.harness.state().ui_state().export_open);
    let settings: prepkit::app::Settings =
        prepkit::persist::load_settings_in(f.harness.state().data_dir(), "settings").unwrap();
    assert_eq!(settings.export.last_dir.as_deref(), Some(out_dir.path()));
    assert_eq!(settings.export.format, prepkit::export::Format::Html);
}

#[test]
fn export_to_a_missing_folder_reports_the_failure_and_keeps_the_notebook() {
    let mut f = start();
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    f.run();
    let bad = "/proc/prepkit-cannot-write-here/summary.pdf";
    replace_text(&mut f, "Save to", bad);
    f.harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    let mut failed = false;
    for _ in 0..100 {
        f.run();
        if toast_with(&f, "prepkit-cannot-write-here").is_some() {
            failed = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(failed, "no error shown: {:?}", f.harness.state().toasts());
    // The dialog stays open with the path, so nothing typed is lost.
    assert!(f.harness.state().ui_state().export_open);
    assert_eq!(nb(&f).sections.len(), 6);
}

#[test]
fn without_a_system_dialog_the_app_offers_a_path_field_that_opens_the_brief() {
    let mut f = start();
    // No portal and no zenity here: the dialog returns at once, and the app
    // must say so and offer the in-app path field instead of doing nothing.
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    let mut prompt = false;
    for _ in 0..200 {
        f.run();
        if f.harness.state().ui_state().open_prompt.is_some() {
            prompt = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    if !prompt {
        // A desktop with a working dialog: open the field from the menu.
        f.harness.get_by_label("File").click();
        f.run();
        f.harness.get_by_label("Open by typing a path…").click();
        f.run();
    }
    let brief = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/korean.md");
    // The field has the keyboard already: just type.
    f.run();
    f.harness
        .event(egui::Event::Text(brief.display().to_string()));
    f.run();
    f.harness.key_press(egui::Key::Enter);
    f.run();
    assert_eq!(nb(&f).title, "네이버 백엔드 면접 준비");
    // The previous notebook is still one click away in the list.
    assert!(f.harness.state_mut().flush(Duration::from_secs(10)));
    let list = prepkit::persist::list(f.harness.state().data_dir()).unwrap();
    assert_eq!(list.len(), 2, "{list:?}");
}

#[test]
fn initial_consonant_search_finds_korean_topics() {
    let brief = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/korean.md");
    let mut f = start_with(Lang::Ko, Some(brief));
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    f.run();
    // ㄷㅇㅌ: 데이터(베이스), as phone contact search does it.
    f.harness.event(egui::Event::Text("ㄷㅇㅌ".into()));
    f.run();
    assert!(
        f.harness
            .query_by_label("1 약함: 인덱스 설계와 쿼리 최적화")
            .is_some()
    );
    assert!(
        f.harness
            .query_by_label("1 약함: 트랜잭션 격리 수준")
            .is_some()
    );
    assert!(f.harness.query_by_label("1 약함: 가비지 컬렉션").is_none());
}

#[test]
fn keyboard_only_export() {
    let mut f = start();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("summary.md");
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    f.run();
    // Tab to the path field, replace its text, Enter exports.
    replace_text(&mut f, "Save to", &out.display().to_string());
    f.harness.key_press(egui::Key::Enter);
    for _ in 0..100 {
        f.run();
        if out.exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let md = std::fs::read_to_string(&out).expect("keyboard export wrote nothing");
    assert!(md.contains(FIRST));
}

#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_brief_on_the_window_opens_it() {
    let mut f = start();
    let brief =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/title-and-h2.md");
    f.harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(brief)));
    f.run();
    assert_eq!(nb(&f).title, "Interview prep: Globex data platform");
    f.harness.get_by_label("Topics to study, 0/4 rated");
}

#[test]
fn ime_backspace_removes_the_jamo_not_the_text_before() {
    let mut f = korean_notes_of_first_topic();
    f.harness.event(egui::Event::Text("API ".into()));
    f.run();
    // 면 is being composed; Backspace inside the IME takes back the ㄴ (면 → 며),
    // then the syllable is committed. The "API " typed before stays whole.
    for event in [
        preedit("ㅁ"),
        preedit("며"),
        preedit("면"),
        preedit("며"),
        egui::ImeEvent::Commit("며".into()),
    ] {
        ime(&mut f, event);
    }
    assert_eq!(topic(&f, FIRST).notes, "API 며");
}

#[test]
fn an_escape_committed_by_the_input_method_never_reaches_a_note() {
    // Seen with ibus-hangul over XIM: Escape during composition commits "\u{1b}".
    let mut f = korean_notes_of_first_topic();
    for event in [
        preedit("ㅂ"),
        egui::ImeEvent::Commit("\u{1b}".into()),
        preedit("ㅂ"),
        egui::ImeEvent::Commit("ㅂ".into()),
    ] {
        ime(&mut f, event);
    }
    let notes = topic(&f, FIRST).notes;
    assert!(!notes.contains('\u{1b}'), "{notes:?}");
    assert!(notes.contains('ㅂ'));
}

#[test]
fn settings_page_switches_language_contrast_and_text_size() {
    let mut f = start();
    f.harness.get_by_label("Settings").click();
    f.run();
    f.harness
        .get_by_role_and_label(Role::Button, "한국어")
        .click();
    f.run();
    assert_eq!(
        f.harness.state().ui_state().page,
        prepkit::ui::Page::Settings
    );
    f.harness.get_by_label("고대비").click();
    f.run();
    f.harness
        .get_by_role_and_label(Role::Slider, "글자 크기")
        .set_value_accesskit(150.0);
    f.run();
    let settings: prepkit::app::Settings =
        prepkit::persist::load_settings_in(f.harness.state().data_dir(), "settings").unwrap();
    assert_eq!(settings.lang, Some(Lang::Ko));
    assert!(settings.high_contrast);
    assert_eq!(settings.zoom, Some(1.5));
    // The sidebar still fits at 150%: the topics page is one click away.
    f.harness
        .get_by_label("Likely Interview Topics, 0/20 평가함")
        .click();
}

/// Saves, makes a change in the app, and before it is saved "another
/// program" (a sync service) rewrites the file: both sides changed, a
/// conflict. (A change on disk while the app has no edits is reloaded.) Returns the
/// notebook's path and the other program's text.
fn conflict(f: &mut Fixture) -> (std::path::PathBuf, String) {
    assert!(f.harness.state_mut().flush(Duration::from_secs(10)));
    let path = f.harness.state().path().to_path_buf();
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"ABC Corp\"", "\"ABC Corp (synced)\"");
    f.harness
        .get_by_label(&format!("5 Strong: {FIRST}"))
        .click();
    f.run();
    std::fs::write(&path, &theirs).unwrap();
    f.run();
    (path, theirs)
}

#[test]
fn a_file_changed_by_another_program_is_never_overwritten_blindly() {
    let mut f = start();
    let (path, theirs) = conflict(&mut f);
    f.harness.state_mut().flush(Duration::from_secs(10));
    f.run();
    assert_eq!(
        f.harness.state().save_state(),
        prepkit::ui::header::SaveState::Conflict
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "their file was overwritten"
    );

    // "Keep mine": ours is written, theirs is kept as a backup.
    f.harness
        .get_by_role_and_label(Role::Button, "Keep mine")
        .click();
    f.run();
    assert!(f.harness.state_mut().flush(Duration::from_secs(10)));
    let ours = std::fs::read_to_string(&path).unwrap();
    assert!(ours.contains("\"strong\""));
    let backups = prepkit::persist::list_backups(&path).unwrap();
    assert!(
        backups
            .iter()
            .any(|b| std::fs::read_to_string(&b.path).unwrap() == theirs),
        "their version is not in the backups"
    );
}

#[test]
fn closing_with_an_unresolved_conflict_keeps_the_users_version_beside_it() {
    let mut f = start();
    let (path, theirs) = conflict(&mut f);
    // The window closes before the user chose "Keep mine" or "Load theirs".
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    f.run();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    let dir = path.parent().unwrap();
    let kept: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| is_kept_copy(&e.file_name().to_string_lossy()))
        .collect();
    assert_eq!(kept.len(), 1, "the user's version was not kept");
    let mine = prepkit::persist::load(&kept[0].path()).unwrap().notebook;
    assert_eq!(
        mine.sections
            .iter()
            .flat_map(prepkit::model::Section::items)
            .find(|i| i.text == FIRST)
            .unwrap()
            .confidence,
        Confidence::Strong
    );
}

#[test]
fn a_notebook_opened_from_elsewhere_stays_in_the_interview_list() {
    let mut f = start();
    assert!(f.harness.state_mut().flush(Duration::from_secs(10)));
    let outside = tempfile::tempdir().unwrap();
    let other = outside.path().join("globex.json");
    let mut globex = prepkit::brief::import(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/title-and-h2.md"),
        )
        .unwrap(),
        "globex.md",
    )
    .unwrap();
    globex.id = "globex".into();
    prepkit::persist::save(&other, &globex, None).unwrap();

    open_by_typing(&mut f, &other);
    assert_eq!(nb(&f).title, "Interview prep: Globex data platform");

    // Back to the first interview through the list; the outside one is still listed.
    f.harness
        .get_by_role_and_label(Role::ComboBox, "Interview")
        .click();
    f.run();
    f.harness
        .get_by_label("ABC Corp — Intermediate Backend Python Engineer")
        .click();
    f.run();
    assert_eq!(nb(&f).company, "ABC Corp");
    f.harness
        .get_by_role_and_label(Role::ComboBox, "Interview")
        .click();
    f.run();
    assert!(
        f.harness
            .query_by_label("Interview prep: Globex data platform")
            .is_some(),
        "the outside notebook fell out of the list"
    );
}

#[test]
fn loading_their_version_keeps_ours_beside_it() {
    let mut f = start();
    let (path, _) = conflict(&mut f);
    f.harness.state_mut().flush(Duration::from_secs(10));
    f.run();
    f.harness
        .get_by_role_and_label(Role::Button, "Load theirs")
        .click();
    f.run();
    assert_eq!(nb(&f).company, "ABC Corp (synced)");
    let kept = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| is_kept_copy(&e.file_name().to_string_lossy()))
        .expect("our version was dropped");
    let mine = prepkit::persist::load(&kept.path()).unwrap().notebook;
    assert_eq!(mine.company, "ABC Corp");
}

#[test]
fn keyboard_reaches_and_rates_topics_far_down_a_big_notebook() {
    // Rows out of view are not drawn (see benches/frame.rs); the focused one
    // always is, so J/K and the digits work all the way down.
    let dir = tempfile::tempdir().unwrap();
    let mut md = String::from("# Big\n\n## Likely topics\n\n");
    for g in 0..50 {
        let _ = writeln!(md, "- **Group {g}:**");
        for i in 0..20 {
            let _ = writeln!(md, "  - Topic {g}.{i}");
        }
    }
    let brief = dir.path().join("big.md");
    std::fs::write(&brief, md).unwrap();
    let mut f = start_with(Lang::En, Some(brief));
    for _ in 0..250 {
        f.harness.key_press(egui::Key::J);
    }
    f.run();
    f.harness.key_press(egui::Key::Num3);
    f.run();
    assert_eq!(topic(&f, "Topic 12.9").confidence, Confidence::Okay);
    // The focused row is on screen, with its controls.
    assert!(f.harness.query_by_label("3 Okay: Topic 12.9").is_some());
}

#[test]
fn a_new_section_is_named_by_typing_right_away() {
    let mut f = start();
    f.harness.get_by_label("+ Add section").click();
    f.run();
    // The name field has the keyboard at once: select the default, type.
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    f.harness.event(egui::Event::Text("STAR stories".into()));
    f.harness.key_press(egui::Key::Enter);
    f.run();
    // It goes after the section on screen (the topics).
    let added = nb(&f).sections.iter().position(|s| s.added).unwrap();
    assert_eq!(nb(&f).sections[added].title, "STAR stories");
    assert_eq!(nb(&f).sections[added - 1].title, "Likely Interview Topics");
    assert_eq!(f.harness.state().ui_state().renaming, None);
}

/// Opens `path` (a brief or notebook) through File → Open by typing a path….
fn open_by_typing(f: &mut Fixture, path: &std::path::Path) {
    f.harness.get_by_label("File").click();
    f.run();
    f.harness.get_by_label("Open by typing a path…").click();
    f.run();
    f.harness
        .event(egui::Event::Text(path.display().to_string()));
    f.harness.key_press(egui::Key::Enter);
    f.run();
}

/// A copy the app kept beside a notebook it could not save in place:
/// `<id>.unsaved-<time>.json` (no hidden file).
fn is_kept_copy(name: &str) -> bool {
    !name.starts_with('.') && name.contains(".unsaved-")
}

/// The kept copies beside `path`, read as notebooks.
fn kept_aside(path: &std::path::Path) -> Vec<Notebook> {
    std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| is_kept_copy(&e.file_name().to_string_lossy()))
        .map(|e| prepkit::persist::load(&e.path()).unwrap().notebook)
        .collect()
}

/// Types `text` into the notes of the topic `title`.
fn type_note(f: &mut Fixture, title: &str, text: &str) {
    f.harness
        .get_by_label(&format!("Show or hide notes: {title}"))
        .click();
    f.run();
    let label = format!("Notes: {title}");
    let field = f.harness.get_by_label(&label);
    field.focus();
    field.type_text(text);
    f.run();
}

#[test]
fn opening_another_notebook_during_a_conflict_keeps_what_was_typed() {
    let mut f = start();
    let (path, theirs) = conflict(&mut f);
    type_note(&mut f, FIRST, "typed while the file changed");
    f.harness.state_mut().flush(Duration::from_secs(10));
    f.run();
    assert_eq!(
        f.harness.state().save_state(),
        prepkit::ui::header::SaveState::Conflict
    );

    // Another brief, opened before "Keep mine" or "Load theirs" was chosen.
    let brief = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/korean.md");
    open_by_typing(&mut f, &brief);
    assert_eq!(nb(&f).title, "네이버 백엔드 면접 준비");

    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    let kept = kept_aside(&path);
    assert_eq!(kept.len(), 1, "the typing is in no file");
    let item = kept[0]
        .sections
        .iter()
        .flat_map(prepkit::model::Section::items)
        .find(|i| i.text == FIRST)
        .unwrap();
    assert_eq!(item.notes, "typed while the file changed");
    assert_eq!(item.confidence, Confidence::Strong);
    let told = toast_with(&f, ".unsaved-").expect("the user is not told where the typing went");
    assert!(
        f.harness.query_by_label(&told).is_some(),
        "the message is not on screen"
    );
    // The kept copy is in the interview list, marked as a copy.
    f.harness
        .get_by_role_and_label(Role::ComboBox, "Interview")
        .click();
    f.run();
    let copy = format!("{} (kept copy, ", kept[0].title);
    assert!(
        f.harness.query_by_label_contains(&copy).is_some(),
        "the kept copy is not listed as one"
    );
}

#[test]
fn switching_right_after_typing_saves_the_newest_text_first() {
    let mut f = start();
    assert!(f.harness.state_mut().flush(Duration::from_secs(10)));
    let first = f.harness.state().path().to_path_buf();
    // Typing, then at once another notebook: no pause for the autosave.
    type_note(&mut f, FIRST, "the last words");
    let brief = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/korean.md");
    open_by_typing(&mut f, &brief);
    assert_eq!(nb(&f).title, "네이버 백엔드 면접 준비");
    let on_disk = prepkit::persist::load(&first).unwrap().notebook;
    let item = on_disk
        .sections
        .iter()
        .flat_map(prepkit::model::Section::items)
        .find(|i| i.text == FIRST)
        .unwrap();
    assert_eq!(item.notes, "the last words");
    assert!(kept_aside(&first).is_empty());
}

#[test]
fn load_theirs_and_switching_stay_put_when_ours_cannot_be_kept() {
    // A notebook whose name is so long that no `<name>.unsaved-<time>.json`
    // can be made beside it (its temporary file still fits in 255 bytes):
    // keeping our version aside fails.
    let outside = tempfile::tempdir().unwrap();
    let path = outside.path().join(format!("{}.json", "n".repeat(230)));
    let notebook = prepkit::brief::import(prepkit::app::files::DEFAULT_BRIEF, "built-in").unwrap();
    prepkit::persist::save(&path, &notebook, None).unwrap();
    let mut f = start_with(Lang::En, Some(path.clone()));
    assert_eq!(f.harness.state().path(), path);
    conflict(&mut f);
    f.harness.state_mut().flush(Duration::from_secs(10));
    f.run();

    f.harness
        .get_by_role_and_label(Role::Button, "Load theirs")
        .click();
    f.run();
    assert_eq!(
        topic(&f, FIRST).confidence,
        Confidence::Strong,
        "our version was replaced though it was kept nowhere"
    );
    assert!(
        toast_with(&f, "Stayed on this notebook").is_some(),
        "{:?}",
        f.harness.state().toasts()
    );

    let brief = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/korean.md");
    open_by_typing(&mut f, &brief);
    assert_eq!(
        f.harness.state().path(),
        path,
        "switched away from unsaved edits"
    );
    assert_eq!(topic(&f, FIRST).confidence, Confidence::Strong);
}

#[test]
fn a_change_on_disk_with_no_local_edits_is_shown_at_once() {
    let mut f = start();
    assert!(f.harness.state_mut().flush(Duration::from_secs(10)));
    let path = f.harness.state().path().to_path_buf();
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"ABC Corp\"", "\"ABC Corp (synced)\"");
    std::fs::write(&path, &theirs).unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while nb(&f).company != "ABC Corp (synced)" {
        assert!(
            std::time::Instant::now() < deadline,
            "the change on disk never showed"
        );
        std::thread::sleep(Duration::from_millis(20));
        f.run();
    }
    assert_eq!(
        f.harness.state().save_state(),
        prepkit::ui::header::SaveState::Saved
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
}

#[test]
fn notebooks_can_live_in_a_folder_the_user_chooses() {
    let mut f = start();
    let synced = tempfile::tempdir().unwrap();
    f.harness.get_by_label("Settings").click();
    f.run();
    let field = f.harness.get_by_label("Another folder, e.g. a synced one");
    field.focus();
    field.type_text(&synced.path().display().to_string());
    f.run();
    f.harness
        .get_by_role_and_label(Role::Button, "Use this folder")
        .click();
    f.run();
    assert!(
        f.harness
            .query_by_label(&synced.path().display().to_string())
            .is_some(),
        "the settings page does not show the chosen folder"
    );

    // A brief opened now gets its notebook there, and the CLI sees it too.
    let brief = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/korean.md");
    open_by_typing(&mut f, &brief);
    assert!(f.harness.state_mut().flush(Duration::from_secs(10)));
    assert!(
        f.harness.state().path().starts_with(synced.path()),
        "{}",
        f.harness.state().path().display()
    );
    let listed = prepkit::persist::list(f.harness.state().data_dir()).unwrap();
    assert!(
        listed.iter().any(|i| i.path.starts_with(synced.path())),
        "{listed:?}"
    );
}

// ------------------------------------------------------------- shortcuts

fn ui_state(f: &Fixture) -> &prepkit::ui::UiState {
    f.harness.state().ui_state()
}

fn press(f: &mut Fixture, sc: egui::KeyboardShortcut) {
    f.harness.key_press_modifiers(sc.modifiers, sc.logical_key);
    f.run();
}

fn press_cmd(f: &mut Fixture, command: prepkit::ui::Command) {
    press(f, command.shortcut().unwrap());
}

fn first_section_titled(f: &Fixture, title: &str) -> prepkit::model::Id {
    nb(f).sections.iter().find(|s| s.title == title).unwrap().id
}

#[test]
fn ctrl_shift_z_redoes_and_never_undoes_an_older_edit() {
    let mut f = start();
    f.harness.get_by_label(&format!("1 Weak: {FIRST}")).click();
    f.run();
    f.harness.get_by_label(&format!("2 Shaky: {FIRST}")).click();
    f.run();
    let ctrl_shift = egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT);
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    f.run();
    assert_eq!(topic(&f, FIRST).confidence, Confidence::Weak);
    f.harness.key_press_modifiers(ctrl_shift, egui::Key::Z);
    f.run();
    assert_eq!(
        topic(&f, FIRST).confidence,
        Confidence::Shaky,
        "Ctrl+Shift+Z undid instead of redoing"
    );
}

/// Sets up what a command needs, presses `sc`, and checks that the command
/// did what its label says.
fn check_shortcut(command: prepkit::ui::Command, sc: egui::KeyboardShortcut) {
    use prepkit::ui::{Command, Page};
    let mut f = start();
    let what = format!("{command:?} by {sc:?}");
    match command {
        Command::Open => {
            press(&mut f, sc);
            // No system dialog in tests: the typed-path field stands in.
            assert!(ui_state(&f).open_prompt.is_some(), "{what}");
        }
        Command::Reimport => {
            press(&mut f, sc);
            assert!(
                toast_with(&f, "brief").is_some(),
                "{what}: {:?}",
                f.harness.state().toasts()
            );
            assert_ne!(ui_state(&f).page, Page::Review, "{what} opened review");
        }
        Command::Export => {
            press(&mut f, sc);
            assert!(ui_state(&f).export_open, "{what}");
        }
        Command::Undo => {
            f.harness.get_by_label(&format!("3 Okay: {FIRST}")).click();
            f.run();
            press(&mut f, sc);
            assert_eq!(topic(&f, FIRST).confidence, Confidence::Unrated, "{what}");
        }
        Command::Redo => {
            f.harness.get_by_label(&format!("3 Okay: {FIRST}")).click();
            f.run();
            press_cmd(&mut f, Command::Undo);
            press(&mut f, sc);
            assert_eq!(topic(&f, FIRST).confidence, Confidence::Okay, "{what}");
        }
        Command::Find => {
            press(&mut f, sc);
            assert!(f.harness.get_by_label("Search").is_focused(), "{what}");
        }
        Command::Palette => {
            press(&mut f, sc);
            assert!(ui_state(&f).palette.is_some(), "{what}");
        }
        Command::Overview => {
            press(&mut f, sc);
            assert_eq!(ui_state(&f).page, Page::Overview, "{what}");
        }
        Command::Review => {
            press(&mut f, sc);
            assert_eq!(ui_state(&f).page, Page::Review, "{what}");
            assert!(ui_state(&f).rehearsal.is_some(), "{what}: no rehearsal");
        }
        Command::InterviewDay => {
            press(&mut f, sc);
            assert_eq!(ui_state(&f).page, Page::InterviewDay, "{what}");
        }
        Command::Stories => {
            press(&mut f, sc);
            assert_eq!(ui_state(&f).page, Page::Stories, "{what}");
        }
        Command::NextItem => {
            press(&mut f, sc);
            press(&mut f, sc);
            assert_eq!(
                ui_state(&f).focused_item,
                Some(topic(&f, "Pydantic models and data validation").id),
                "{what}"
            );
        }
        Command::PrevItem => {
            press_cmd(&mut f, Command::NextItem);
            press_cmd(&mut f, Command::NextItem);
            press(&mut f, sc);
            assert_eq!(
                ui_state(&f).focused_item,
                Some(topic(&f, FIRST).id),
                "{what}"
            );
        }
        Command::Rate(level) => {
            press_cmd(&mut f, Command::NextItem);
            if level == Confidence::Unrated {
                press_cmd(&mut f, Command::Rate(Confidence::Weak));
            }
            press(&mut f, sc);
            assert_eq!(topic(&f, FIRST).confidence, level, "{what}");
        }
        Command::ToggleDone => {
            f.harness
                .get_by_label("Suggested Questions to Ask, 0/12 asked")
                .click();
            f.run();
            // The click left the keyboard on the sidebar's button.
            press_cmd(&mut f, Command::Escape);
            press_cmd(&mut f, Command::NextItem);
            press(&mut f, sc);
            let id = ui_state(&f).focused_item.expect("no question focused");
            assert!(nb(&f).item(id).unwrap().done, "{what}");
        }
        Command::EditNotes => {
            press_cmd(&mut f, Command::NextItem);
            press(&mut f, sc);
            assert!(
                f.harness
                    .get_by_label(&format!("Notes: {FIRST}"))
                    .is_focused(),
                "{what}"
            );
        }
        Command::Escape => {
            press_cmd(&mut f, Command::Export);
            press(&mut f, sc);
            assert!(!ui_state(&f).export_open, "{what}");
        }
        Command::FilterWeak => {
            press(&mut f, sc);
            assert_eq!(
                ui_state(&f).filter,
                [false, true, true, false, false, false],
                "{what}"
            );
        }
        Command::ToggleSidebar => {
            assert!(f.harness.query_by_label("Settings").is_some());
            press(&mut f, sc);
            assert!(f.harness.query_by_label("Settings").is_none(), "{what}");
            press(&mut f, sc);
            assert!(f.harness.query_by_label("Settings").is_some(), "{what}");
        }
        Command::ZoomIn => {
            press(&mut f, sc);
            assert!((f.harness.ctx.zoom_factor() - 1.1).abs() < 1e-3, "{what}");
        }
        Command::ZoomOut => {
            press(&mut f, sc);
            assert!((f.harness.ctx.zoom_factor() - 0.9).abs() < 1e-3, "{what}");
        }
        Command::ZoomReset => {
            press_cmd(&mut f, Command::ZoomIn);
            press(&mut f, sc);
            assert!((f.harness.ctx.zoom_factor() - 1.0).abs() < 1e-3, "{what}");
        }
        Command::OpenPath
        | Command::AddSection
        | Command::CycleTheme
        | Command::ToggleContrast
        | Command::CycleLanguage
        | Command::About => {
            unreachable!("{what}: no shortcut")
        }
        Command::Quit => {
            press(&mut f, sc);
            assert!(f.harness.state().is_closing(), "{what}");
        }
    }
}

#[test]
fn every_shortcut_in_the_command_table_does_what_its_label_says() {
    let mut checked = 0;
    for command in prepkit::ui::Command::ALL {
        let shortcuts = command
            .shortcut()
            .into_iter()
            .chain(command.alt_shortcuts().iter().copied());
        for sc in shortcuts {
            check_shortcut(command, sc);
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} shortcuts checked");
}

// ----------------------------------------------------------------- input

/// The first topic's notes open, with the keyboard in them.
fn notes_of_first_topic() -> Fixture {
    let mut f = start();
    f.harness
        .get_by_label(&format!("Show or hide notes: {FIRST}"))
        .click();
    f.run();
    f.harness.get_by_label(&format!("Notes: {FIRST}")).focus();
    f.run();
    f
}

/// Types into the first topic's notes, which have the keyboard, as a
/// keyboard does (no accessibility focus request with it); the keys wait
/// for the next frame.
fn type_in_first_notes(f: &Fixture, text: &str) {
    assert!(
        f.harness
            .get_by_label(&format!("Notes: {FIRST}"))
            .is_focused()
    );
    f.harness.event(egui::Event::Text(text.to_owned()));
}

/// The events a keyboard sends for `text` (digits and lower-case letters):
/// each key pressed, its character, the key released.
fn keystrokes(text: &str) -> Vec<egui::Event> {
    text.chars()
        .flat_map(|c| {
            let key = egui::Key::from_name(&c.to_ascii_uppercase().to_string())
                .unwrap_or_else(|| panic!("no key for {c:?}"));
            let stroke = |pressed| egui::Event::Key {
                key,
                physical_key: Some(key),
                pressed,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            };
            [
                stroke(true),
                egui::Event::Text(c.to_string()),
                stroke(false),
            ]
        })
        .collect()
}

/// Types `text`, then clicks the widget labelled `label`, all in one frame.
fn keys_then_click_in_one_frame(f: &mut Fixture, text: &str, label: &str) {
    let pos = f.harness.get_by_label(label).rect().center();
    let button = |pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    let mut events = keystrokes(text);
    events.extend([egui::Event::PointerMoved(pos), button(true), button(false)]);
    one_frame(f, events);
}

fn first_notes_focused(f: &Fixture) -> bool {
    f.harness
        .get_by_label(&format!("Notes: {FIRST}"))
        .is_focused()
}

/// Runs one frame that gets all of `events`, as a slow frame does after a
/// fast typist (the harness's own queue gives each event a frame of its own),
/// then the frames after it. Like eframe, and unlike egui_kittest, each of
/// the first frames' input goes through the app's `raw_input_hook` first.
fn one_frame(f: &mut Fixture, events: Vec<egui::Event>) {
    f.harness.input_mut().events.extend(events);
    for _ in 0..3 {
        let ctx = f.harness.ctx.clone();
        let mut raw = egui::RawInput {
            events: std::mem::take(&mut f.harness.input_mut().events),
            ..Default::default()
        };
        eframe::App::raw_input_hook(f.harness.state_mut(), &ctx, &mut raw);
        f.harness.input_mut().events = raw.events;
        f.harness.step();
    }
    f.run();
}

#[test]
fn keys_typed_in_the_frame_of_an_esc_reach_the_note() {
    let mut f = notes_of_first_topic();
    let mut events = keystrokes("cacheaside");
    events.push(egui::Event::Key {
        key: egui::Key::Escape,
        physical_key: Some(egui::Key::Escape),
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    });
    one_frame(&mut f, events);
    assert_eq!(topic(&f, FIRST).notes, "cacheaside");
    assert!(
        !first_notes_focused(&f),
        "Esc left the keyboard in the note"
    );
}

#[test]
fn keys_typed_in_the_frame_of_a_click_on_another_topic_reach_the_note() {
    // Seen in a real window: the last keys, the pointer's move, its press
    // and release all came in one frame, and the keys were lost.
    let mut f = notes_of_first_topic();
    one_frame(&mut f, keystrokes("redis"));
    keys_then_click_in_one_frame(
        &mut f,
        "0123456789",
        "Redis caching strategies and invalidation",
    );
    assert_eq!(topic(&f, FIRST).notes, "redis0123456789");
    assert!(
        !first_notes_focused(&f),
        "the click elsewhere left the keyboard in the note"
    );
    assert_eq!(
        ui_state(&f).focused_item,
        Some(topic(&f, "Redis caching strategies and invalidation").id)
    );
}

#[test]
fn keys_typed_in_the_frame_of_a_click_on_another_page_reach_the_note() {
    let mut f = notes_of_first_topic();
    keys_then_click_in_one_frame(
        &mut f,
        "writethrough",
        "Suggested Questions to Ask, 0/12 asked",
    );
    assert_eq!(topic(&f, FIRST).notes, "writethrough");
    assert_eq!(
        ui_state(&f).page,
        prepkit::ui::Page::Section(first_section_titled(&f, "Suggested Questions to Ask"))
    );
}

#[test]
fn keys_typed_in_the_frame_of_a_click_on_the_search_box_reach_the_note() {
    // The search box is drawn before the page: it took the focus on the
    // click and then the keys typed before it.
    let mut f = notes_of_first_topic();
    keys_then_click_in_one_frame(&mut f, "sharding", "Search");
    assert_eq!(topic(&f, FIRST).notes, "sharding");
    assert_eq!(
        ui_state(&f).search,
        "",
        "the note's keys went to the search box"
    );
    assert!(f.harness.get_by_label("Search").is_focused());
    // What is typed after the click goes to the search box.
    one_frame(&mut f, keystrokes("redis"));
    assert_eq!(ui_state(&f).search, "redis");
    assert_eq!(topic(&f, FIRST).notes, "sharding");
}

#[test]
fn one_click_on_another_topic_while_writing_a_note_focuses_that_topic() {
    // Only the row's title took a click: one anywhere else on the row
    // ended the editing and selected nothing.
    let mut f = notes_of_first_topic();
    one_frame(&mut f, keystrokes("redis"));
    let other = "Dependency injection in FastAPI";
    // On the row's empty middle, between its title and its rating.
    let title = f.harness.get_all_by_value(other).next().unwrap().rect();
    let rating = f.harness.get_by_label(&format!("1 Weak: {other}")).rect();
    let pos = egui::pos2(
        f32::midpoint(title.right(), rating.left()),
        title.center().y,
    );
    for pressed in [true, false] {
        f.harness.event(egui::Event::PointerMoved(pos));
        f.harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    f.run();
    assert_eq!(ui_state(&f).focused_item, Some(topic(&f, other).id));
    assert_eq!(topic(&f, FIRST).notes, "redis");
}

#[test]
fn the_search_box_stays_put_while_the_notebook_saves() {
    // "Saved" and "Saving…" differ in width: the search box beside the
    // status jumped 15 px after every edit.
    let mut f = start();
    let saved = f.harness.get_by_label("Search").rect();
    assert!(f.harness.query_by_label("Saved").is_some());
    f.harness.get_by_label(&format!("3 Okay: {FIRST}")).click();
    f.harness.run_steps(2);
    assert!(
        f.harness.query_by_label("Saving…").is_some(),
        "the edit is not being saved yet"
    );
    assert_eq!(f.harness.get_by_label("Search").rect(), saved);
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while f.harness.query_by_label("Saved").is_none() {
        assert!(std::time::Instant::now() < deadline, "never saved");
        std::thread::sleep(Duration::from_millis(50));
        f.run();
    }
    assert_eq!(f.harness.get_by_label("Search").rect(), saved);
}

#[test]
fn leaving_a_note_does_not_move_the_rows_below() {
    let mut f = notes_of_first_topic();
    one_frame(&mut f, keystrokes("redis"));
    let below = |f: &Fixture| {
        f.harness
            .get_by_label("1 Weak: Pydantic models and data validation")
            .rect()
    };
    let editing = below(&f);
    f.harness.key_press(egui::Key::Escape);
    f.run();
    assert!(!first_notes_focused(&f));
    assert_eq!(below(&f), editing);
}

#[test]
fn a_click_in_the_note_keeps_the_keyboard_there() {
    let mut f = notes_of_first_topic();
    keys_then_click_in_one_frame(&mut f, "ttl", &format!("Notes: {FIRST}"));
    assert_eq!(topic(&f, FIRST).notes, "ttl");
    assert!(first_notes_focused(&f));
}

#[test]
fn esc_closes_an_open_menu_and_keys_do_not_act_behind_it() {
    let mut f = start();
    f.harness.get_by_label("View").click();
    f.run();
    assert!(f.harness.query_by_label_contains("Zoom in").is_some());
    f.harness.key_press(egui::Key::J);
    f.harness.key_press(egui::Key::Enter);
    f.run();
    assert_eq!(
        ui_state(&f).focused_item,
        None,
        "J moved the page behind the menu"
    );
    f.harness.key_press(egui::Key::Escape);
    f.run();
    assert!(
        f.harness.query_by_label_contains("Zoom in").is_none(),
        "Esc left the menu open"
    );
    f.harness.key_press(egui::Key::J);
    f.run();
    assert_eq!(ui_state(&f).focused_item, Some(topic(&f, FIRST).id));
}

/// The palette open, after `n` presses of ↓ in one frame.
fn palette_after_downs(n: usize) -> Fixture {
    let mut f = start();
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    f.run();
    for _ in 0..n {
        f.harness.key_press(egui::Key::ArrowDown);
    }
    f.run();
    f
}

#[test]
fn quick_arrow_presses_in_the_palette_each_move_the_selection() {
    // Three presses in one frame: three rows down.
    let f = palette_after_downs(3);
    assert_eq!(ui_state(&f).palette.as_ref().unwrap().selected, 3);
}

#[test]
fn palette_shows_every_match_within_its_box() {
    // Scroll the full list down first, as a user going through it would.
    let mut f = palette_after_downs(25);
    f.harness
        .get_by_role_and_label(Role::TextInput, "Command palette")
        .type_text("rate");
    f.run();
    let field = f
        .harness
        .get_by_role_and_label(Role::TextInput, "Command palette")
        .rect();
    let rows: Vec<egui::Rect> = f
        .harness
        .get_all_by_label_contains("Rate:")
        .map(|n| n.rect())
        .collect();
    assert_eq!(rows.len(), 6);
    for (i, r) in rows.iter().enumerate() {
        assert!(
            r.top() >= field.bottom() && r.bottom() <= field.bottom() + 6.0 * 40.0,
            "row {i} at {r:?}, field at {field:?}"
        );
    }
}

#[test]
fn undo_and_redo_show_the_restored_text_at_once() {
    let mut f = notes_of_first_topic();
    type_in_first_notes(&f, "TTL");
    f.harness.key_press(egui::Key::Escape);
    f.run();
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    f.run();
    assert_eq!(topic(&f, FIRST).notes, "");
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    // No further input: what the app asks for on its own must show the text.
    f.harness.run_ok();
    assert_eq!(
        f.harness
            .get_by_label(&format!("Notes: {FIRST}"))
            .value()
            .as_deref(),
        Some("TTL")
    );
}

// ---------------------------------------------------------------- layout

#[test]
fn each_page_opens_at_its_top() {
    let mut f = start_sized(Lang::En, None, egui::vec2(1000.0, 480.0));
    f.harness
        .get_all_by_label_contains("5 Strong: ")
        .last()
        .unwrap()
        .scroll_to_me();
    f.run();
    assert!(
        f.harness
            .query_by_label("Likely Interview Topics")
            .is_none_or(|n| n.rect().bottom() < 60.0),
        "the topics page did not scroll"
    );
    // The sidebar's entry may be below its fold in so low a window.
    f.harness
        .get_by_label_contains("Suggested Questions to Ask, ")
        .scroll_to_me();
    f.run();
    f.harness
        .get_by_label_contains("Suggested Questions to Ask, ")
        .click();
    f.run();
    let heading = f
        .harness
        .get_all_by_label_contains("Suggested Questions to Ask")
        .map(|n| n.rect())
        .find(|r| r.left() > 200.0);
    let Some(heading) = heading else {
        let page = ui_state(&f).page;
        f.harness
            .render()
            .ok()
            .map(|i| i.save("/tmp/each-page.png"));
        panic!("the page's heading is not shown: {page:?}");
    };
    assert!(heading.top() < 160.0, "heading at {heading:?}");
}

/// Where the first topic's rating buttons 1–5 are.
/// The first topic's rating buttons, and the next topic's first one (the
/// row below moves if the rated row grows).
fn rating_buttons(f: &Fixture) -> Vec<egui::Rect> {
    let below = "Pydantic models and data validation";
    ["1 Weak", "2 Shaky", "3 Okay", "4 Good", "5 Strong"]
        .iter()
        .map(|l| f.harness.get_by_label(&format!("{l}: {FIRST}")).rect())
        .chain([f.harness.get_by_label(&format!("1 Weak: {below}")).rect()])
        .collect()
}

#[test]
fn rating_a_topic_leaves_the_rating_buttons_and_the_rows_below_in_place() {
    let mut f = start();
    let before = rating_buttons(&f);
    for level in ["5 Strong", "2 Shaky", "4 Good"] {
        f.harness.get_by_label(&format!("{level}: {FIRST}")).click();
        f.run();
        assert_eq!(
            before,
            rating_buttons(&f),
            "rated {level}: the buttons moved"
        );
    }
    // With the keyboard, the pointer over none of them (a filled button's
    // border made the rated row 2 px taller then).
    let mut f = start();
    f.harness.key_press(egui::Key::J);
    f.run();
    let before = rating_buttons(&f);
    for key in [egui::Key::Num3, egui::Key::Num1, egui::Key::Num5] {
        f.harness.key_press(key);
        f.run();
        assert_eq!(before, rating_buttons(&f), "rated with {key:?}");
    }
    assert_eq!(topic(&f, FIRST).confidence, Confidence::Strong);
}

#[test]
fn a_collapsed_topic_previews_its_note_as_plain_text() {
    let mut f = notes_of_first_topic();
    type_in_first_notes(&f, "## Cache-aside\n**TTL** of 60 s");
    f.run();
    f.harness
        .get_by_label(&format!("Show or hide notes: {FIRST}"))
        .click();
    f.run();
    assert!(f.harness.query_by_label("## Cache-aside").is_none());
    f.harness.get_by_label("Cache-aside");
}

#[test]
fn search_results_show_the_matching_line_with_the_match_marked() {
    let mut f = notes_of_first_topic();
    type_in_first_notes(&f, "first line\nuse a queue for backpressure");
    f.harness.key_press(egui::Key::Escape);
    f.run();
    search_for(&mut f, "QUEUE");
    let labels: Vec<String> = f
        .harness
        .get_all_by_label_contains("queue")
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert!(
        labels.iter().any(|l| l == "use a [queue] for backpressure"),
        "{labels:?}"
    );
}

#[test]
fn search_excerpts_read_as_plain_text_not_markdown() {
    let excerpts = |query: &str| -> Vec<String> {
        let mut f = notes_of_first_topic();
        type_in_first_notes(
            &f,
            "## Caching\n- **Own the data layer:** write-through caches\n\
             see [the docs](https://example.com/guide)",
        );
        f.harness.key_press(egui::Key::Escape);
        f.run();
        search_for(&mut f, query);
        f.harness
            .get_all_by_label_contains(query)
            .filter_map(|n| n.accesskit_node().label())
            .collect()
    };
    let labels = excerpts("write");
    assert!(
        labels
            .iter()
            .any(|l| l == "Own the data layer: [write]-through caches"),
        "{labels:?}"
    );
    // Only the Markdown has it: the line as written.
    let labels = excerpts("example");
    assert!(
        labels
            .iter()
            .any(|l| l == "see [the docs](https://[example].com/guide)"),
        "{labels:?}"
    );
}

#[test]
fn before_a_date_is_set_the_overview_says_so_and_offers_set() {
    let mut f = start();
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    f.run();
    f.harness.get_by_label("No date yet");
    assert!(
        f.harness.query_by_label("Hour").is_none(),
        "a time shows before a date"
    );
    f.harness
        .get_by_role_and_label(Role::Button, "Interview date: Set")
        .click();
    f.run();
    let at = nb(&f).interview_at.expect("Set set no date");
    assert_eq!(at.to_string(), "2026-12-02 10:00:00");
    f.harness.get_by_label("Hour");
}

#[test]
fn the_date_picker_speaks_korean_in_the_korean_app() {
    let mut f = start_with(Lang::Ko, None);
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    f.run();
    f.harness
        .get_by_role_and_label(Role::Button, "면접 날짜: 정하기")
        .click();
    f.run();
    f.harness
        .get_by_role_and_label(Role::Button, "면접 날짜: 2026년 12월 2일 (수)")
        .click();
    f.run();
    f.harness.get_by_label("2026년 12월");
    f.harness.get_by_label("수");
    // As wide as the month (it was about 600 px, mostly empty).
    let sunday = f.harness.get_by_label("2026년 12월 6일 (일)").rect();
    let save = f.harness.get_by_role_and_label(Role::Button, "저장").rect();
    assert!(
        save.right() <= sunday.right() + 1.0,
        "Save at {save:?}, the month ends at {sunday:?}"
    );
    // Today is marked (and said).
    f.harness.get_by_label("2026년 12월 2일 (수)");
    assert!(
        f.harness
            .query_by_label("2026년 11월 30일 (월) (오늘)")
            .is_none()
    );
    f.harness.get_by_label("이전 달").click();
    f.run();
    f.harness.get_by_label("2026년 11월 25일 (수) (오늘)");
    f.harness.get_by_label("다음 달").click();
    f.run();
    f.harness.get_by_label("2026년 12월 24일 (목)").click();
    f.run();
    f.harness.get_by_role_and_label(Role::Button, "취소");
    f.harness
        .get_by_role_and_label(Role::Button, "저장")
        .click();
    f.run();
    let at = nb(&f).interview_at.unwrap();
    assert_eq!(at.to_string(), "2026-12-24 10:00:00");
    f.harness.get_by_value("10시");
}

/// True if two widgets overlap (by more than a rounding error).
fn overlap(a: egui::Rect, b: egui::Rect) -> bool {
    a.shrink(0.5).intersects(b.shrink(0.5))
}

#[test]
fn at_800_by_600_rows_wrap_at_every_zoom_from_75_to_200_percent() {
    for zoom in [0.75_f32, 1.0, 1.3, 1.5, 2.0] {
        let mut f = start_sized(Lang::En, None, egui::vec2(800.0, 600.0));
        f.harness.ctx.set_zoom_factor(zoom);
        f.run();
        let width = 800.0 / zoom;
        let text = f.harness.get_all_by_value(FIRST).next().unwrap().rect();
        for level in [
            "– Unrated",
            "1 Weak",
            "2 Shaky",
            "3 Okay",
            "4 Good",
            "5 Strong",
        ] {
            let label = if level.starts_with('–') {
                format!("0 Unrated: {FIRST}")
            } else {
                format!("{level}: {FIRST}")
            };
            let button = f.harness.get_by_label(&label).rect();
            assert!(
                !overlap(text, button),
                "{zoom}: the topic runs into {label}"
            );
            assert!(
                button.right() <= width + 0.5,
                "{zoom}: {label} is cut off at {button:?}"
            );
        }
        let heading = f
            .harness
            .get_all_by_label("Likely Interview Topics")
            .map(|n| n.rect())
            .next_back()
            .unwrap();
        let count = f.harness.get_by_label("0/20 rated").rect();
        assert!(
            !overlap(heading, count),
            "{zoom}: the title covers the rated count"
        );
    }
}

#[test]
fn at_800_by_600_with_the_sidebar_shown_the_page_is_not_cut_off_at_any_zoom() {
    for zoom in [0.75_f32, 1.0, 1.3, 1.5, 2.0] {
        let mut f = start_sized(Lang::En, None, egui::vec2(800.0, 600.0));
        f.harness.ctx.set_zoom_factor(zoom);
        f.run();
        if !ui_state(&f).sidebar_shown {
            f.harness
                .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Backslash);
            f.run();
        }
        assert!(ui_state(&f).sidebar_shown, "{zoom}");
        let width = 800.0 / zoom;
        // The page's left edge: where its heading starts.
        let sidebar = f
            .harness
            .get_all_by_label("Likely Interview Topics")
            .map(|n| n.rect().left())
            .fold(f32::INFINITY, f32::min)
            - 0.5;
        assert!(
            sidebar
                >= f.harness
                    .get_by_role_and_label(Role::Tab, "Settings")
                    .rect()
                    .right(),
            "{zoom}: the heading is under the sidebar"
        );
        let mut seen = Vec::new();
        for label in ["0/20 rated", "2 Shaky", "5 Strong"] {
            seen.push((label, f.harness.get_by_label(label).rect()));
        }
        // The first topic, brought into view.
        f.harness.key_press(egui::Key::J);
        f.run();
        let text = f.harness.get_all_by_value(FIRST).next().unwrap().rect();
        seen.push(("the topic", text));
        for label in f.harness.get_all_by_label("Unrated") {
            seen.push(("a rating's label", label.rect()));
        }
        for level in ["0 Unrated", "1 Weak", "5 Strong"] {
            let label = format!("{level}: {FIRST}");
            seen.push(("a rating button", f.harness.get_by_label(&label).rect()));
        }
        for (what, rect) in seen {
            assert!(
                rect.left() >= sidebar && rect.right() <= width + 0.5,
                "{zoom}: {what} is cut off at {rect:?} (page from {sidebar} to {width})"
            );
        }
    }
}

#[test]
fn at_900_by_600_and_130_percent_nothing_overlaps() {
    let mut f = start_sized(Lang::En, None, egui::vec2(900.0, 600.0));
    f.harness.ctx.set_zoom_factor(1.3);
    f.run();
    let heading = f
        .harness
        .get_all_by_label("Likely Interview Topics")
        .map(|n| n.rect())
        .next_back()
        .unwrap();
    let count = f.harness.get_by_label("0/20 rated").rect();
    assert!(!overlap(heading, count), "the title covers the rated count");
    let text = f.harness.get_all_by_value(FIRST).next().unwrap().rect();
    let label = f
        .harness
        .get_all_by_label("Unrated")
        .map(|n| n.rect())
        .find(|r| (r.center().y - text.center().y).abs() < 30.0);
    if let Some(label) = label {
        assert!(
            !overlap(text, label),
            "the topic runs into its rating label"
        );
    }
}

#[test]
fn every_icon_the_ui_draws_has_a_glyph_in_the_bundled_fonts() {
    let f = start();
    // The harness draws a missing glyph as a panic naming it (not a box).
    for icon in prepkit::ui::ICONS {
        for font in [
            egui::FontId::proportional(14.0),
            egui::FontId::monospace(14.0),
            egui::FontId::proportional(28.0),
        ] {
            let size = f.harness.ctx.fonts_mut(|fonts| {
                fonts
                    .layout_no_wrap((*icon).to_owned(), font, egui::Color32::WHITE)
                    .size()
            });
            assert!(size.x > 1.0, "{icon:?} has no width");
        }
    }
}

#[test]
#[ignore = "writes screenshots for docs/"]
fn zz_screens() {
    let mut f = start_sized(Lang::En, None, egui::vec2(900.0, 600.0));
    f.harness.ctx.set_zoom_factor(1.3);
    f.run();
    f.harness.run_steps(2);
    f.harness
        .render()
        .unwrap()
        .save("/tmp/shot-900.png")
        .unwrap();
    let mut f = start_sized(Lang::En, None, egui::vec2(800.0, 600.0));
    f.harness.ctx.set_zoom_factor(2.0);
    f.run();
    f.harness.run_steps(2);
    f.harness
        .render()
        .unwrap()
        .save("/tmp/shot-800-200.png")
        .unwrap();
}

#[test]
fn export_dialog_writes_the_interview_day_sheet_in_the_apps_language() {
    let mut f = start_with(Lang::Ko, None);
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    f.run();
    f.harness
        .get_by_role_and_label(Role::Button, "면접 당일 시트 (한 쪽)")
        .click();
    f.run();
    // The offered name follows the choice, in one language.
    let offered = f.harness.state().ui_state().export_path.clone();
    assert!(offered.ends_with("-면접-당일.pdf"), "{offered}");
    f.harness
        .get_all_by_role_and_label(Role::Button, "HTML")
        .next()
        .unwrap()
        .click();
    f.run();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("sheet.html");
    replace_text(&mut f, "저장 위치", &out.display().to_string());
    f.harness
        .get_by_role_and_label(Role::Button, "내보내기")
        .click();
    for _ in 0..100 {
        f.run();
        if out.exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let html = std::fs::read_to_string(&out).expect("no exported file");
    assert!(html.contains("<html lang=\"ko\">"), "{html}");
    assert!(html.contains("물어볼 질문"), "{html}");
    assert!(!html.contains("Questions to ask"), "{html}");
}

/// The name the export dialog offered in English is offered anew in Korean
/// after the language changes (it was kept as if typed, mixing languages).
#[test]
fn the_offered_export_name_follows_a_language_change() {
    let mut f = start_with(Lang::En, None);
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    f.run();
    let offered = f.harness.state().ui_state().export_path.clone();
    assert!(offered.ends_with("-summary.pdf"), "{offered}");
    f.harness.key_press(egui::Key::Escape);
    f.run();
    f.harness.state_mut().set_language(Lang::Ko);
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    f.run();
    let offered = f.harness.state().ui_state().export_path.clone();
    assert!(offered.ends_with("-요약.pdf"), "{offered}");
    f.harness
        .get_by_role_and_label(Role::Button, "면접 당일 시트 (한 쪽)")
        .click();
    f.run();
    let offered = f.harness.state().ui_state().export_path.clone();
    assert!(offered.ends_with("-면접-당일.pdf"), "{offered}");
}

/// Asserts two heights or positions on screen are the same (to the pixel).
#[track_caller]
fn assert_same_y(a: f32, b: f32) {
    assert!((a - b).abs() < 0.5, "{a} ≠ {b}");
}

/// The box of the open palette (its dialog), as drawn now.
fn palette_box(f: &Fixture) -> egui::Rect {
    f.harness
        .get_by_role_and_label(Role::Dialog, "Command palette")
        .rect()
}

/// The palette's box follows its results both ways: narrowed by a query, then
/// the query deleted, it shows as many commands as before (it stayed small,
/// hiding most of them until reopened).
#[test]
fn the_palette_grows_back_when_its_query_is_deleted() {
    let mut f = start();
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    f.run();
    let full = palette_box(&f);
    f.harness
        .get_by_role_and_label(Role::TextInput, "Command palette")
        .type_text("zo");
    f.run();
    let narrowed = palette_box(&f);
    assert!(
        narrowed.height() < full.height() - 44.0,
        "{narrowed:?} vs {full:?}"
    );
    f.harness.key_press(egui::Key::Backspace);
    f.harness.key_press(egui::Key::Backspace);
    f.run();
    assert_eq!(ui_state(&f).palette.as_ref().unwrap().query, "");
    assert_same_y(palette_box(&f).height(), full.height());
}

/// The highlighted result is always shown whole, below the query field and
/// inside the box, however far the arrows took it, also after a query was
/// typed and deleted; and going down never moves it up (the list chased the
/// row back and forth around the box's edge).
#[test]
fn the_selected_palette_row_is_always_fully_visible() {
    let mut f = start();
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    f.run();
    let field = |f: &Fixture| {
        f.harness
            .get_by_role_and_label(Role::TextInput, "Command palette")
            .rect()
    };
    let selected = |f: &Fixture| {
        f.harness
            .get_by(|n| n.role() == Role::ListBoxOption && n.is_selected() == Some(true))
            .rect()
    };
    // The gap between the field and the list, before anything scrolled.
    let gap = selected(&f).top() - field(&f).bottom();
    let count = f.harness.get_all_by_role(Role::ListBoxOption).count();
    f.harness
        .get_by_role_and_label(Role::TextInput, "Command palette")
        .type_text("re");
    f.run();
    f.harness.key_press(egui::Key::Backspace);
    f.harness.key_press(egui::Key::Backspace);
    f.run();
    let mut last = selected(&f);
    for presses in 1..count + 2 {
        f.harness.key_press(egui::Key::ArrowDown);
        f.run();
        let (list_top, boxed, row) = (field(&f).bottom() + gap, palette_box(&f), selected(&f));
        assert!(
            row.top() >= list_top && row.bottom() <= boxed.bottom(),
            "after {presses} presses: row {row:?}, list from {list_top}, box {boxed:?}"
        );
        assert!(
            row.top() >= last.top(),
            "after {presses} presses: {row:?} was {last:?}"
        );
        last = row;
    }
}

/// The export dialog keeps its top edge where it opened: choosing Markdown
/// (no paper row) or the warning that the file exists only grows or shrinks
/// it downwards, so the button under the pointer moves only by the rows
/// above it (the whole box re-centred, moving it 11–14 px).
#[test]
fn the_export_dialog_keeps_its_top_edge_when_rows_come_and_go() {
    let mut f = start();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("summary.md");
    std::fs::write(&out, "an earlier export").unwrap();
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    f.run();
    let dialog = |f: &Fixture| {
        f.harness
            .get_by_role_and_label(Role::Dialog, "Export summary")
            .rect()
    };
    let button =
        |f: &Fixture, label: &str| f.harness.get_by_role_and_label(Role::Button, label).rect();
    let opened = dialog(&f);
    let cancel_pdf = button(&f, "Cancel");
    f.harness.get_by_label("Markdown").click();
    f.run();
    let markdown = dialog(&f);
    assert_same_y(markdown.top(), opened.top());
    // Only the paper row above the buttons went.
    let shrunk = opened.height() - markdown.height();
    assert!(shrunk > 10.0, "{opened:?} → {markdown:?}");
    let cancel_md = button(&f, "Cancel");
    assert_same_y(cancel_md.top(), cancel_pdf.top() - shrunk);

    replace_text(&mut f, "Save to", &out.display().to_string());
    f.harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    f.run();
    let warned = dialog(&f);
    assert_same_y(warned.top(), opened.top());
    let grown = warned.height() - markdown.height();
    assert!(grown > 10.0, "{markdown:?} → {warned:?}");
    assert_same_y(button(&f, "Cancel").top(), cancel_md.top() + grown);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "an earlier export",
        "replaced without the warning"
    );
    f.harness.get_by_role_and_label(Role::Button, "Replace");
}

/// Reopened after going far down its list, the palette shows its first
/// result highlighted at the top, not the list still scrolled to the end.
#[test]
fn the_reopened_palette_shows_its_first_result() {
    let mut f = palette_after_downs(40);
    f.harness.key_press(egui::Key::Escape);
    f.run();
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    f.run();
    let field = f
        .harness
        .get_by_role_and_label(Role::TextInput, "Command palette")
        .rect();
    let row = f
        .harness
        .get_by(|n| n.role() == Role::ListBoxOption && n.is_selected() == Some(true))
        .rect();
    assert!(
        row.top() > field.bottom() && row.top() < field.bottom() + 20.0,
        "row {row:?}, field {field:?}"
    );
}

/// Runs frames (as the window would, with its timers) until `done` holds;
/// fails after `secs` seconds with `what`.
fn wait_until(f: &mut Fixture, secs: u64, what: &str, mut done: impl FnMut(&mut Fixture) -> bool) {
    let deadline = std::time::Instant::now() + Duration::from_secs(secs);
    loop {
        f.run();
        if done(f) {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "{what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The notes of the topic `title` in `nb`.
fn notes_of(nb: &Notebook, title: &str) -> Option<String> {
    nb.sections
        .iter()
        .flat_map(prepkit::model::Section::items)
        .find(|i| i.text == title)
        .map(|i| i.notes.clone())
}

/// The notes of the topic `title` in the notebook file at `path`, if it
/// reads as one.
fn notes_on_disk(path: &std::path::Path, title: &str) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let nb: Notebook = serde_json::from_slice(&bytes).ok()?;
    notes_of(&nb, title)
}

#[test]
fn a_file_cut_short_by_another_program_gets_the_complete_version_back() {
    let mut f = start();
    type_note(&mut f, FIRST, "TRBK1");
    assert!(f.harness.state_mut().flush(Duration::from_secs(10)));
    f.harness
        .get_by_label(&format!("Notes: {FIRST}"))
        .type_text("TRBK2");
    f.run();
    assert!(f.harness.state_mut().flush(Duration::from_secs(10)));
    let path = f.harness.state().path().to_path_buf();
    let full = std::fs::read(&path).unwrap();
    // Another program leaves the file cut short (`head -c 2000 … > p && mv p …`).
    let partial = path.with_extension("partial");
    std::fs::write(&partial, &full[..2000]).unwrap();
    std::fs::rename(&partial, &path).unwrap();
    wait_until(&mut f, 10, "our version never went back", |f| {
        notes_on_disk(&path, FIRST).as_deref() == Some("TRBK1TRBK2")
            && toast_with(f, "damaged").is_some()
    });
    assert_eq!(topic(&f, FIRST).notes, "TRBK1TRBK2");
    // Theirs is kept aside, byte for byte, and the message says where both are.
    let dir = path.parent().unwrap();
    let damaged: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(damaged.len(), 1, "{damaged:?}");
    assert_eq!(std::fs::read(&damaged[0]).unwrap(), &full[..2000]);
    let toast = toast_with(&f, "damaged").unwrap();
    assert!(toast.contains(&damaged[0].display().to_string()), "{toast}");
    assert!(toast.contains("saved in its place"), "{toast}");
    assert!(!toast.contains("backup"), "{toast}");
    assert_eq!(
        f.harness.state().save_state(),
        prepkit::ui::header::SaveState::Saved
    );
}

#[test]
fn typing_during_a_conflict_is_kept_beside_the_file_as_it_is_typed() {
    let mut f = start();
    let (path, theirs) = conflict(&mut f);
    type_note(&mut f, FIRST, "typed during the conflict");
    wait_until(
        &mut f,
        10,
        "the typing was not kept beside the file",
        |_| {
            kept_aside(&path)
                .iter()
                .any(|nb| notes_of(nb, FIRST).as_deref() == Some("typed during the conflict"))
        },
    );
    // More typing goes into the same copy, not only at quit.
    f.harness
        .get_by_label(&format!("Notes: {FIRST}"))
        .type_text(", and later");
    f.run();
    wait_until(&mut f, 10, "the later typing was not kept", |_| {
        kept_aside(&path).iter().any(|nb| {
            notes_of(nb, FIRST).as_deref() == Some("typed during the conflict, and later")
        })
    });
    assert_eq!(kept_aside(&path).len(), 1, "one copy, kept current");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert!(!f.harness.state().is_closing());
}

#[test]
fn a_save_that_cannot_happen_asks_before_quitting_keeps_a_copy_and_retries_by_itself() {
    let mut f = start();
    assert!(f.harness.state_mut().flush(Duration::from_secs(10)));
    let path = f.harness.state().path().to_path_buf();
    let folder = path.parent().unwrap().to_path_buf();
    let away = folder.with_extension("away");
    // The notebooks folder cannot be written any more (as on a full or
    // read-only disk: a file stands where the folder was).
    std::fs::rename(&folder, &away).unwrap();
    std::fs::write(&folder, b"").unwrap();
    type_note(&mut f, FIRST, "typed when the disk said no");
    wait_until(&mut f, 10, "no recovery copy was written", |f| {
        matches!(
            f.harness.state().save_state(),
            prepkit::ui::header::SaveState::Failed(_)
        ) && f.harness.state().rescue_copy().is_some()
    });
    let rescue = f.harness.state().rescue_copy().unwrap().to_path_buf();
    assert!(!rescue.starts_with(&folder));
    assert_eq!(
        notes_on_disk(&rescue, FIRST).as_deref(),
        Some("typed when the disk said no")
    );
    assert!(toast_with(&f, &rescue.display().to_string()).is_some());

    // Ctrl+Q asks instead of quitting without the typing.
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    f.run();
    assert!(!f.harness.state().is_closing(), "quit silently");
    assert!(f.harness.state().quit_blocked().is_some());
    f.harness
        .get_by_role_and_label(Role::Button, "Save elsewhere…");
    f.harness
        .get_by_role_and_label(Role::Button, "Quit and discard");
    f.harness.get_by_label_contains("A copy was kept in");

    // The disk frees: no click, the app saves by itself, and then quits, as
    // it was asked to.
    std::fs::remove_file(&folder).unwrap();
    std::fs::rename(&away, &folder).unwrap();
    wait_until(&mut f, 40, "the save was never retried", |f| {
        f.harness.state().save_state() == prepkit::ui::header::SaveState::Saved
    });
    assert_eq!(
        notes_on_disk(&path, FIRST).as_deref(),
        Some("typed when the disk said no")
    );
    assert!(f.harness.state().is_closing());
    assert!(f.harness.state().quit_blocked().is_none());
    // Saved: the recovery copy is not needed any more.
    wait_until(&mut f, 10, "the recovery copy stayed", |_| !rescue.exists());
}

#[test]
fn quit_and_discard_quits_when_the_notebook_cannot_be_saved() {
    let mut f = start_with(Lang::Ko, None);
    assert!(f.harness.state_mut().flush(Duration::from_secs(10)));
    let path = f.harness.state().path().to_path_buf();
    let folder = path.parent().unwrap().to_path_buf();
    std::fs::rename(&folder, folder.with_extension("away")).unwrap();
    std::fs::write(&folder, b"").unwrap();
    f.harness
        .get_by_label(&format!("5 자신 있음: {FIRST}"))
        .click();
    f.run();
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    f.run();
    assert!(!f.harness.state().is_closing());
    f.harness
        .get_by_role_and_label(Role::Button, "다른 곳에 저장…");
    f.harness
        .get_by_role_and_label(Role::Button, "저장하지 않고 종료")
        .click();
    f.run();
    assert!(f.harness.state().is_closing());
}
