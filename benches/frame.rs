//! How long one frame of the app takes (layout and input handling, no GPU)
//! for a notebook with 2,000 topics, against the same app with 20 topics
//! measured in the same run. Typing redraws a frame per keystroke, so this
//! ratio is what decides whether typing lags in a big notebook.

// A benchmark that cannot set up has nothing to measure: fail loudly.
#![allow(clippy::expect_used)]

use std::fmt::Write as _;

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use prepkit::app::{PrepkitApp, Startup};
use prepkit::i18n::Lang;

fn brief(groups: usize, per_group: usize) -> String {
    let mut md = String::from("# Interview\n\n## Likely topics\n\n");
    for g in 0..groups {
        let _ = writeln!(md, "- **Group {g}:**");
        for i in 0..per_group {
            let _ = writeln!(
                md,
                "  - Topic {g}.{i} about distributed systems and databases"
            );
        }
    }
    md
}

fn harness(dir: &std::path::Path, md: &str) -> Harness<'static, PrepkitApp> {
    let file = dir.join("brief.md");
    std::fs::write(&file, md).expect("write brief");
    let startup = Startup {
        data_dir: dir.join("data"),
        file: Some(file),
        lang: Some(Lang::En),
        now: None,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| PrepkitApp::new(&cc.egui_ctx, startup));
    h.run_ok();
    h
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(20);
    for (name, groups, per_group) in [("20-topics", 4, 5), ("2000-topics", 100, 20)] {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut h = harness(dir.path(), &brief(groups, per_group));
        group.bench_function(name, |b| b.iter(|| h.step()));
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
