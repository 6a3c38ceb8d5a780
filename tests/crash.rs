//! A crash keeps what was typed: the panic hook writes the unsaved notebook
//! to the data folder, and the next start offers it.
//!
//! Its own test binary: the panic hook is process-wide, and the other UI
//! tests run many apps at once.

use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use prepkit::app::{PrepkitApp, Startup};
use prepkit::i18n::Lang;

const FIRST: &str = "Asynchronous request handling";

fn app(data_dir: &std::path::Path) -> Harness<'static, PrepkitApp> {
    let startup = Startup {
        data_dir: data_dir.to_path_buf(),
        file: None,
        lang: Some(Lang::En),
        now: None,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| PrepkitApp::new(&cc.egui_ctx, startup));
    settle(&mut harness);
    harness
}

fn settle(harness: &mut Harness<'static, PrepkitApp>) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        harness.run_ok();
        if !harness.state().is_busy() {
            harness.run_ok();
            return;
        }
        assert!(Instant::now() < deadline, "the app stayed busy");
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn note(nb: &prepkit::model::Notebook) -> String {
    nb.sections
        .iter()
        .flat_map(prepkit::model::Section::items)
        .find(|i| i.text == FIRST)
        .map(|i| i.notes.clone())
        .unwrap_or_default()
}

#[test]
fn a_crash_keeps_the_typing_and_the_next_start_offers_it() {
    let dir = tempfile::tempdir().unwrap();
    let path;
    {
        let mut first = app(dir.path());
        assert!(first.state_mut().flush(Duration::from_secs(10)));
        path = first.state().path().to_path_buf();
        first
            .get_by_label(&format!("Show or hide notes: {FIRST}"))
            .click();
        settle(&mut first);
        let label = format!("Notes: {FIRST}");
        let field = first.get_by_label(&label);
        field.focus();
        field.type_text("typed just before the crash");
        // One frame: the edit is in memory, the autosave has not run yet.
        first.step();
        assert!(!note(&prepkit::persist::load(&path).unwrap().notebook).contains("crash"));

        // Something inside the app goes wrong.
        let crashed = std::panic::catch_unwind(|| panic!("simulated internal error"));
        assert!(crashed.is_err());
        let kept = prepkit::persist::list_recoveries(dir.path());
        assert_eq!(kept.len(), 1, "the panic hook kept nothing");
        let report = std::fs::read_to_string(&kept[0].report).unwrap();
        assert!(report.contains("simulated internal error"), "{report}");
        // The app is gone without saving: no flush, no close.
        std::mem::forget(first);
    }

    // The next start has the typing back from the crash journal already,
    // and offers the kept version too; opening it saves it over the file.
    let mut second = app(dir.path());
    assert_eq!(
        note(second.state().notebook()),
        "typed just before the crash"
    );
    second
        .get_by_role_and_label(Role::Button, "Open the recovered version")
        .click();
    settle(&mut second);
    assert_eq!(
        note(second.state().notebook()),
        "typed just before the crash"
    );
    assert!(second.state_mut().flush(Duration::from_secs(10)));
    assert_eq!(
        note(&prepkit::persist::load(&path).unwrap().notebook),
        "typed just before the crash"
    );
    settle(&mut second);
    assert!(
        prepkit::persist::list_recoveries(dir.path()).is_empty(),
        "the recovery file outlived its use"
    );
    assert!(
        second
            .query_by_label("Open the recovered version")
            .is_none()
    );
}
