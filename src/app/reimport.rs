//! Re-import off the UI thread: the brief is read and merged into a copy of
//! the open notebook on the I/O thread, and the result replaces the notebook
//! through the session (one undo step) only if the notebook is still the copy
//! it was merged into. A big brief (tens of thousands of sections) takes a
//! while to merge; the window keeps drawing meanwhile.

use std::path::PathBuf;

use super::{Background, PrepkitApp};
use crate::action::Action;
use crate::model::Notebook;

/// A brief merged into a copy of the open notebook on the I/O thread.
#[derive(Debug)]
pub struct Reimported {
    /// The notebook's file when the merge started.
    path: PathBuf,
    /// The notebook the brief was merged into.
    base: Notebook,
    /// The result.
    merged: Notebook,
}

impl PrepkitApp {
    /// Reads a brief with `read` and merges it into a copy of the open
    /// notebook, both on the I/O thread; the result comes back as
    /// [`Background::Reimported`].
    pub(super) fn merge_off_thread(
        &mut self,
        read: impl FnOnce() -> Result<Notebook, String> + Send + 'static,
    ) {
        let base = self.session.notebook().clone();
        let path = self.session.path().to_path_buf();
        let archived = self.tr.t("archived-group");
        self.io.run(move || {
            Some(Background::Reimported(read().map(|fresh| {
                let merged = crate::brief::merge_archiving(&base, fresh, &archived);
                Box::new(Reimported { path, base, merged })
            })))
        });
    }

    /// A merge from the I/O thread arrived: it replaces the notebook if that
    /// is still the one it was merged into. Edits made meanwhile are never
    /// dropped: the brief is read and merged again, into them. When another
    /// notebook is open by now, the merge was not for it.
    pub(super) fn reimported(&mut self, r: Reimported) {
        if r.path != self.session.path() {
            return;
        }
        if r.base != *self.session.notebook() {
            self.reimport();
            return;
        }
        self.apply(Action::Replace(Box::new(r.merged)));
        self.toast(self.tr.t("reimported"), false);
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::app::Startup;
    use crate::i18n::Lang;
    use crate::model::{Confidence, Id};

    const V1: &str =
        "# Acme\n\n## Likely Interview Topics\n\n- Systems:\n  - Caching\n  - Queues\n";
    const V2: &str = "# Acme\n\n## Likely Interview Topics\n\n- Systems:\n  - Caching\n  - Queues\n  - Sharding\n";

    struct Setup {
        _dir: tempfile::TempDir,
        brief: PathBuf,
        ctx: egui::Context,
        app: PrepkitApp,
    }

    fn setup() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let brief = dir.path().join("acme.md");
        std::fs::write(&brief, V1).unwrap();
        let ctx = egui::Context::default();
        let app = PrepkitApp::new(
            &ctx,
            Startup {
                data_dir: dir.path().join("data"),
                file: Some(brief.clone()),
                lang: Some(Lang::En),
                now: None,
            },
        );
        let mut s = Setup {
            _dir: dir,
            brief,
            ctx,
            app,
        };
        s.settle();
        s
    }

    impl Setup {
        /// Waits for the I/O thread without drawing a frame.
        fn wait_io(&self) {
            let deadline = Instant::now() + Duration::from_secs(20);
            while self.app.io.is_busy() {
                assert!(Instant::now() < deadline, "the I/O thread stayed busy");
                std::thread::sleep(Duration::from_millis(2));
            }
        }

        /// Waits for the I/O thread, then takes what it sent.
        fn settle(&mut self) {
            self.wait_io();
            self.app.poll_background(&self.ctx);
        }

        fn item(&self, text: &str) -> Option<crate::model::Item> {
            self.app
                .notebook()
                .sections
                .iter()
                .flat_map(crate::model::Section::items)
                .find(|i| i.text == text)
                .cloned()
        }

        fn id(&self, text: &str) -> Id {
            self.item(text).unwrap().id
        }
    }

    #[test]
    fn the_brief_is_merged_on_the_io_thread_before_the_ui_sees_it() {
        let mut s = setup();
        let caching = s.id("Caching");
        s.app.apply(Action::SetConfidence {
            id: caching,
            confidence: Confidence::Good,
        });
        std::fs::write(&s.brief, V2).unwrap();
        s.app.reimport();
        s.wait_io();
        // What the I/O thread sent is the finished merge: the rating kept,
        // the new topic in. The UI thread has done nothing yet.
        let mut merged = None;
        let mut others = Vec::new();
        while let Ok(msg) = s.app.bg_rx.try_recv() {
            match msg {
                Background::Reimported(Ok(r)) => merged = Some(r),
                other => others.push(other),
            }
        }
        for other in others {
            s.app.bg_tx.send(other).unwrap();
        }
        let r = merged.expect("the re-import's message");
        let topics: Vec<(&str, Confidence)> = r
            .merged
            .sections
            .iter()
            .flat_map(crate::model::Section::items)
            .map(|i| (i.text.as_str(), i.confidence))
            .collect();
        assert_eq!(
            topics,
            [
                ("Caching", Confidence::Good),
                ("Queues", Confidence::Unrated),
                ("Sharding", Confidence::Unrated)
            ]
        );
        assert!(s.item("Sharding").is_none(), "not applied before a frame");
        s.app.bg_tx.send(Background::Reimported(Ok(r))).unwrap();
        s.app.poll_background(&s.ctx);
        assert!(s.item("Sharding").is_some());
        assert_eq!(s.item("Caching").unwrap().confidence, Confidence::Good);
    }

    #[test]
    fn what_is_typed_while_the_merge_runs_is_kept() {
        let mut s = setup();
        std::fs::write(&s.brief, V2).unwrap();
        s.app.reimport();
        s.wait_io();
        // Typed after the copy was taken, before the merge arrives.
        let queues = s.id("Queues");
        s.app.apply(Action::SetItemNotes {
            id: queues,
            notes: "typed meanwhile".into(),
        });
        s.settle();
        // The merge was of the older copy: it ran again, into the note.
        s.settle();
        assert_eq!(s.item("Queues").unwrap().notes, "typed meanwhile");
        assert!(s.item("Sharding").is_some(), "the brief's change is in");
    }
}
