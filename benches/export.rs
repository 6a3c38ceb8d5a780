//! Export time per format, for a realistic notebook (the ABC Corp brief with
//! ratings and notes) and for a generated 2,000-topic notebook.
//!
//! Each group also times `serde_json::to_vec` of the same notebook: a floor to
//! read the export times against, since absolute times depend on the machine.
//! Run with `cargo bench --bench export`.

#![allow(clippy::unwrap_used)]

use std::hint::black_box;
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};
use criterion::{Criterion, criterion_group, criterion_main};
use prepkit::export::{ExportOptions, Format, render};
use prepkit::model::{Confidence, Group, Id, Item, Notebook, Section, SectionKind};

const TOPICS: [(&str, &[&str]); 7] = [
    (
        "Python & FastAPI",
        &[
            "Asynchronous request handling",
            "Pydantic models and data validation",
            "Dependency injection in FastAPI",
        ],
    ),
    (
        "API Design",
        &[
            "RESTful principles vs. GraphQL trade-offs",
            "Versioning and documentation (e.g., OpenAPI/Swagger)",
        ],
    ),
    (
        "Databases",
        &[
            "Schema design for PostgreSQL",
            "Redis caching strategies and invalidation",
            "Indexing and query optimization",
        ],
    ),
    (
        "Containerization & DevOps",
        &[
            "Dockerfile optimization",
            "Kubernetes concepts: Pods, Services, Deployments",
            "Helm or YAML configuration best practices",
        ],
    ),
    (
        "Testing & CI/CD",
        &[
            "Writing effective unit and integration tests (pytest)",
            "Mocking external dependencies",
            "Setting up automated pipelines",
        ],
    ),
    (
        "System Design",
        &[
            "Designing scalable microservice architectures",
            "Load balancing and service discovery",
            "Fault tolerance and retries",
        ],
    ),
    (
        "Behavioral",
        &[
            "Cross-team collaboration examples",
            "Handling production incidents",
            "Code review and mentorship experiences",
        ],
    ),
];

const QUESTIONS: [(&str, &[&str]); 3] = [
    (
        "Team & Collaboration",
        &[
            "Can you describe the current backend team's workflow?",
            "What is the ratio of feature work to maintenance or refactoring?",
        ],
    ),
    (
        "Tech Stack & Practices",
        &[
            "How do you manage service configuration and secrets in Kubernetes?",
            "What testing strategy do you use for end-to-end verification?",
        ],
    ),
    (
        "Career Growth",
        &[
            "What opportunities are there to lead small projects?",
            "How does ABC Corp support continued learning?",
        ],
    ),
];

const NOTE: &str = "- Explain the **event loop** first\n- Mention `asyncio.gather` and timeouts\n\n면접 준비: 예시 코드를 준비할 것. See [docs](https://docs.python.org/3/).";

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2025, 10, 11)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap()
}

fn prose(id: u64, title: &str, markdown: &str, notes: &str) -> Section {
    Section {
        id: Id(id),
        title: title.into(),
        kind: SectionKind::Prose,
        markdown: markdown.into(),
        notes: notes.into(),
        ..Section::default()
    }
}

/// The default brief as a user would have it a few days before: most topics
/// rated, some with notes, half the questions ticked.
fn realistic() -> Notebook {
    let mut next = 100;
    let mut id = || {
        next += 1;
        Id(next)
    };
    let mut n = 0;
    let topics = TOPICS
        .iter()
        .map(|(title, items)| Group {
            id: id(),
            title: Some((*title).into()),
            items: items
                .iter()
                .map(|text| {
                    n += 1;
                    Item {
                        confidence: Confidence::ALL[n % 6],
                        notes: if n % 3 == 0 {
                            NOTE.into()
                        } else {
                            String::new()
                        },
                        ..Item::new(id(), *text)
                    }
                })
                .collect(),
        })
        .collect();
    let questions = QUESTIONS
        .iter()
        .map(|(title, items)| Group {
            id: id(),
            title: Some((*title).into()),
            items: items
                .iter()
                .enumerate()
                .map(|(i, text)| Item {
                    done: i % 2 == 0,
                    ..Item::new(id(), *text)
                })
                .collect(),
        })
        .collect();
    Notebook {
        title: "ABC Corp — Intermediate Backend Python Engineer".into(),
        company: "ABC Corp".into(),
        role: "Intermediate Backend Python Engineer".into(),
        interview_at: NaiveDate::from_ymd_opt(2025, 10, 14).and_then(|d| d.and_hms_opt(14, 0, 0)),
        sections: vec![
            prose(
                1,
                "Company Overview",
                "**Location:** Seoul, South Korea",
                "Office near 강남역.",
            ),
            prose(
                2,
                "Mission and Values",
                "Deliver reliable backend platforms.",
                "Tie answers to *reliability*.",
            ),
            Section {
                id: Id(3),
                title: "Likely Interview Topics".into(),
                kind: SectionKind::Topics,
                groups: topics,
                ..Section::default()
            },
            Section {
                id: Id(4),
                title: "Suggested Questions to Ask".into(),
                kind: SectionKind::Checklist,
                groups: questions,
                ..Section::default()
            },
        ],
        ..Notebook::default()
    }
}

/// `n` topics in groups of 20, every other one with a note.
fn generated(n: usize) -> Notebook {
    let groups = (0..n.div_ceil(20))
        .map(|g| Group {
            id: Id(g as u64 + 1),
            title: Some(format!("Area {g}")),
            items: (0..20.min(n - g * 20))
                .map(|i| Item {
                    confidence: Confidence::ALL[(g + i) % 6],
                    notes: if i % 2 == 0 {
                        NOTE.into()
                    } else {
                        String::new()
                    },
                    ..Item::new(
                        Id((g * 20 + i) as u64 + 10_000),
                        format!("Topic {g}.{i}: caching, queues and retries"),
                    )
                })
                .collect(),
        })
        .collect();
    Notebook {
        title: "Generated notebook".into(),
        sections: vec![Section {
            id: Id(1_000_000),
            title: "Topics".into(),
            kind: SectionKind::Topics,
            groups,
            ..Section::default()
        }],
        ..Notebook::default()
    }
}

fn bench_notebook(c: &mut Criterion, name: &str, nb: &Notebook) {
    let opts = ExportOptions::default();
    let mut group = c.benchmark_group(name);
    group.bench_function("json (floor)", |b| {
        b.iter(|| serde_json::to_vec(black_box(nb)).unwrap());
    });
    for format in [Format::Markdown, Format::Html, Format::Pdf] {
        group.bench_function(format.extension(), |b| {
            b.iter(|| render(black_box(nb), &opts, format, now()).unwrap());
        });
    }
    group.finish();
}

fn export(c: &mut Criterion) {
    bench_notebook(c, "realistic", &realistic());
    bench_notebook(c, "2000-topics", &generated(2000));
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = export
}
criterion_main!(benches);
