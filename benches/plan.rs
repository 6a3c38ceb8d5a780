//! The review plan for a large notebook: 2,000 topics with 10 reviews each,
//! timed beside `serde_json::to_vec` of the same notebook (a floor to read
//! the plan's time against, since absolute times depend on the machine).
//! Run with `cargo bench --bench plan`.

#![allow(clippy::unwrap_used)]

use std::hint::black_box;
use std::time::Duration;

use chrono::{NaiveDate, TimeDelta, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use prepkit::model::{Confidence, Group, Id, Item, Notebook, Review, Section, SectionKind};
use prepkit::review::{PlanConfig, plan};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

/// `n` topics in groups of 20, all levels, each with 10 reviews spread over
/// the 30 days before today.
fn notebook(n: usize, with_date: bool) -> Notebook {
    let start = today().and_hms_opt(9, 0, 0).unwrap().and_utc() - TimeDelta::days(30);
    let groups = (0..n.div_ceil(20))
        .map(|g| Group {
            id: Id(g as u64 + 1),
            title: Some(format!("Area {g}")),
            items: (0..20.min(n - g * 20))
                .map(|i| {
                    let level = Confidence::ALL[(g + i) % 6];
                    let spread = TimeDelta::hours(3 * i64::try_from(i).unwrap());
                    let reviews = (0..10)
                        .map(|k| Review {
                            at: start + TimeDelta::hours(k * 70) + spread,
                            before: level,
                            after: level,
                            seconds: 120,
                        })
                        .collect();
                    Item {
                        confidence: level,
                        reviews,
                        ..Item::new(Id((g * 20 + i) as u64 + 10_000), format!("Topic {g}.{i}"))
                    }
                })
                .collect(),
        })
        .collect();
    Notebook {
        title: "Generated notebook".into(),
        interview_at: with_date.then(|| {
            (today() + TimeDelta::days(7))
                .and_hms_opt(14, 0, 0)
                .unwrap()
        }),
        sections: vec![Section {
            id: Id(1_000_000),
            title: "Topics".into(),
            kind: SectionKind::Topics,
            groups,
            ..Section::default()
        }],
        created: Utc::now(),
        ..Notebook::default()
    }
}

fn plans(c: &mut Criterion) {
    let config = PlanConfig::default();
    let mut group = c.benchmark_group("plan-2000-topics");
    let dated = notebook(2000, true);
    let undated = notebook(2000, false);
    group.bench_function("json (floor)", |b| {
        b.iter(|| serde_json::to_vec(black_box(&dated)).unwrap());
    });
    group.bench_function("interview in 7 days", |b| {
        b.iter(|| plan(black_box(&dated), today(), &config));
    });
    group.bench_function("no date", |b| {
        b.iter(|| plan(black_box(&undated), today(), &config));
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = plans
}
criterion_main!(benches);
