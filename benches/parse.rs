//! Brief parsing beside its floor: `brief::parse` against pulldown-cmark's
//! own parse and HTML render of the same bytes, in the same run, so the ratio
//! carries over to other machines. Inputs: generated briefs of the ordinary
//! shape (a group label and two topics, again and again) of 1 MB and 5 MB,
//! and 200 KB of `- - - … x` nested 100,000 deep.

// A failed unwrap in a benchmark is a broken benchmark.
#![allow(clippy::unwrap_used, missing_docs)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use prepkit::brief;
use pulldown_cmark::{Options, Parser, html};

/// A brief of the ordinary shape, at least `bytes` long.
fn ordinary(bytes: usize) -> String {
    let mut text = String::from(
        "# Big brief\n\n## Company Overview\n\n**Company Name:** Hanbit Freight\n\n## Likely topics\n\n",
    );
    let mut n = 0;
    while text.len() < bytes {
        let _ = write!(
            text,
            "- **Group {n}:**\n  - Topic {n} alpha with some words\n  - Topic {n} beta 면접\n"
        );
        n += 1;
    }
    text
}

/// The hostile case: one line nesting a list 100,000 deep, then lazy lines.
fn nesting() -> String {
    format!("{}x\n{}", "- ".repeat(100_000), "more\n".repeat(1_000))
}

/// pulldown-cmark's parse and HTML render, with the options the importer uses.
fn floor(text: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, Parser::new_ext(text, options));
    out
}

fn bench_input(c: &mut Criterion, name: &str, text: &str) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("pulldown-cmark html (floor)", |b| {
        b.iter(|| floor(black_box(text)));
    });
    group.bench_function("brief::parse", |b| {
        b.iter(|| brief::parse(black_box(text)).unwrap());
    });
    group.finish();
}

fn parse(c: &mut Criterion) {
    bench_input(c, "ordinary-1MB", &ordinary(1024 * 1024));
    bench_input(c, "ordinary-5MB", &ordinary(5 * 1024 * 1024));
    bench_input(c, "nesting-200KB", &nesting());
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = parse
}
criterion_main!(benches);
