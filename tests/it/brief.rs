//! The importer on the real brief and on briefs of other shapes.

use std::fmt::Write as _;

use prepkit::brief::{self, BriefError};
use prepkit::model::{Confidence, SectionKind};

/// A brief of the shape users bring: four prose sections, then topics and questions.
const REAL: &str = include_str!("../fixtures/backend-brief.md");
const DEFAULT: &str = include_str!("../../resources/default-brief.md");

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let bytes = std::fs::read(path).unwrap();
    brief::decode(&bytes).unwrap()
}

fn kinds(b: &brief::Brief) -> Vec<SectionKind> {
    b.sections.iter().map(|s| s.kind).collect()
}

fn check_brief_shape(text: &str, company: &str) {
    use SectionKind::{Checklist, Prose, Topics};
    let b = brief::parse(text).unwrap();
    assert_eq!(b.title, None);
    assert_eq!(kinds(&b), [Prose, Prose, Prose, Prose, Topics, Checklist]);
    let topics = &b.sections[4];
    assert_eq!(topics.groups.len(), 7, "topic groups");
    assert_eq!(
        topics.groups.iter().map(|g| g.items.len()).sum::<usize>(),
        20,
        "topics"
    );
    let questions = &b.sections[5];
    assert_eq!(questions.groups.len(), 6, "question groups");
    assert_eq!(
        questions
            .groups
            .iter()
            .map(|g| g.items.len())
            .sum::<usize>(),
        12,
        "questions"
    );
    for g in topics.groups.iter().chain(&questions.groups) {
        let t = g.title.as_deref().unwrap();
        assert!(
            !t.contains("**") && !t.ends_with(':'),
            "unclean label {t:?}"
        );
    }
    assert_eq!(b.company, company);
}

#[test]
fn real_brief_gives_six_sections_twenty_topics_twelve_questions() {
    check_brief_shape(REAL, "Hanbit Freight");
    let b = brief::parse(REAL).unwrap();
    let topics = &b.sections[4];
    assert_eq!(topics.groups[0].title.as_deref(), Some("Go fundamentals"));
    let texts: Vec<&str> = topics.groups[0]
        .items
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Goroutines, channels and the select statement",
            "Context cancellation and timeouts",
            "Error wrapping and sentinel errors"
        ]
    );
    // Quotes come through as in the source.
    let q = &b.sections[5].groups[0].items[1].text;
    assert_eq!(
        q,
        "“What does a normal on-call week look like, and how often are you paged at night?”"
    );
    assert_eq!(b.role, "Senior Backend Engineer (Go)");
    // Prose is kept verbatim, trailing double-space line breaks included.
    assert!(
        b.sections[0]
            .markdown
            .starts_with("**Company Name:** Hanbit Freight  \n**Location:**")
    );
}

#[test]
fn built_in_brief_has_the_real_briefs_shape() {
    check_brief_shape(DEFAULT, "ABC Corp");
}

#[test]
fn title_with_h2_sections_star_bullets_and_deep_levels() {
    let b = brief::parse(&fixture("title-and-h2.md")).unwrap();
    assert_eq!(
        b.title.as_deref(),
        Some("Interview prep: Globex data platform")
    );
    let titles: Vec<&str> = b.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        ["", "About Globex", "Topics to study", "My questions"]
    );
    // Intro text before the first section is kept.
    assert_eq!(
        b.sections[0].markdown,
        "Notes gathered from the recruiter call."
    );
    // Tables, code and HTML stay verbatim in prose.
    let about = &b.sections[1].markdown;
    assert!(about.contains("| Founded | 2009 |"));
    assert!(about.contains("```python\nprint(\"hello\")\n```"));
    assert!(about.contains("<div class=\"note\">Raw HTML stays verbatim.</div>"));
    // `*` bullets with 4-space indents: two groups, and the third level is
    // kept with its topic, not lost.
    let topics = &b.sections[2];
    assert_eq!(topics.kind, SectionKind::Topics);
    assert_eq!(topics.groups.len(), 2);
    let scd = &topics.groups[0].items[1];
    assert_eq!(scd.text, "Slowly changing dimensions");
    assert!(
        scd.detail.contains("Type 2 with validity ranges"),
        "deep level lost: {scd:?}"
    );
    // A numbered list of questions is a checklist, quotes and all.
    let q = &b.sections[3];
    assert_eq!(q.kind, SectionKind::Checklist);
    assert_eq!(q.groups[0].items.len(), 3);
    assert_eq!(q.groups[0].items[2].text, "\"Which cloud do you run on?\"");
}

#[test]
fn korean_brief_keeps_hangul_and_finds_company_and_role() {
    let b = brief::parse(&fixture("korean.md")).unwrap();
    assert_eq!(b.title.as_deref(), Some("네이버 백엔드 면접 준비"));
    assert_eq!(b.company, "가나다 주식회사");
    assert_eq!(b.role, "백엔드 개발자");
    assert_eq!(
        kinds(&b),
        [
            SectionKind::Prose,
            SectionKind::Topics,
            SectionKind::Checklist
        ]
    );
    assert_eq!(
        b.sections[1].groups[0].title.as_deref(),
        Some("데이터베이스")
    );
    assert_eq!(b.sections[1].groups[1].items[1].text, "동시성 처리");
    assert!(b.sections[0].markdown.contains("🚀"));
}

#[test]
fn crlf_never_reaches_the_model() {
    let text = fixture("crlf.md");
    let nb = brief::import(&text, "crlf.md").unwrap();
    let json = serde_json::to_string(&nb).unwrap();
    assert!(!json.contains("\\r"), "a \\r reached the model");
    assert_eq!(nb.sections[0].groups[0].items[1].text, "two");
}

#[test]
fn bad_input_gets_a_clear_error_not_a_panic() {
    assert_eq!(
        brief::decode(b"").and_then(|t| brief::parse(&t)),
        Err(BriefError::Empty)
    );
    assert_eq!(brief::parse("  \n\n\t"), Err(BriefError::Empty));
    let not_utf8 = brief::decode(b"# Title\n\xff\xfe broken").unwrap_err();
    assert_eq!(not_utf8, BriefError::NotUtf8 { offset: 8 });
    assert!(not_utf8.to_string().contains("UTF-8"));
    assert_eq!(
        brief::decode(b"PK\x03\x04\x00\x00binary"),
        Err(BriefError::Binary)
    );
    // Odd but valid Markdown imports without panicking.
    for odd in [
        "#",
        "- ",
        "* * *",
        "> - a\n> - b",
        "1.\n2.\n",
        "# A\n## B\n### C",
        "|a|\n|-|\n",
        "- **:**\n  - ?",
    ] {
        let _ = brief::parse(odd);
    }
}

#[test]
fn five_megabyte_brief_imports_whole() {
    let mut text = String::from("# Big brief\n\n## Likely topics\n\n");
    let mut n = 0;
    while text.len() < 5 * 1024 * 1024 {
        let _ = write!(
            text,
            "- **Group {n}:**\n  - Topic {n} alpha with some words\n  - Topic {n} beta 면접\n"
        );
        n += 1;
    }
    let nb = brief::import(&text, "big.md").unwrap();
    let count: usize = nb
        .sections
        .iter()
        .flat_map(|s| &s.groups)
        .map(|g| g.items.len())
        .sum();
    assert_eq!(count, n * 2, "a topic was lost");
}

#[test]
fn reimport_keeps_ratings_and_archives_vanished_topics() {
    let mut nb = brief::import(REAL, "brief.md").unwrap();
    let topic = nb.sections[4].groups[0].items[0].id;
    let dropped = nb.sections[4].groups[6].items[2].id;
    nb.item_mut(topic).unwrap().confidence = Confidence::Good;
    nb.item_mut(topic).unwrap().notes = "select { case <-ctx.Done(): }".into();
    nb.item_mut(dropped).unwrap().confidence = Confidence::Weak;
    let changed = REAL
        .replace("  - Helping a junior engineer grow\n", "")
        .replace(
            "  - Circuit breakers and graceful degradation\n",
            "  - Circuit breakers and graceful degradation\n  - Load shedding\n",
        );
    let merged = brief::merge(&nb, brief::import(&changed, "brief.md").unwrap());
    let kept = merged.item(topic).unwrap();
    assert_eq!(
        kept.confidence,
        Confidence::Good,
        "rating lost on re-import"
    );
    assert_eq!(kept.notes, "select { case <-ctx.Done(): }");
    let archived = merged.item(dropped).expect("rated topic dropped silently");
    assert_eq!(archived.confidence, Confidence::Weak);
    assert!(
        merged.sections[4]
            .items()
            .any(|i| i.text == "Load shedding")
    );
}

#[test]
fn markdown_export_reimports_with_topics_ratings_and_ticks() {
    use prepkit::export::{ExportOptions, Format, render};
    let mut nb = brief::import(REAL, "brief.md").unwrap();
    let topic = nb.sections[4].groups[1].items[0].id;
    let question = nb.sections[5].groups[2].items[1].id;
    nb.item_mut(topic).unwrap().confidence = Confidence::Shaky;
    nb.item_mut(question).unwrap().done = true;
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let md = render(&nb, &ExportOptions::default(), Format::Markdown, now).unwrap();
    let back = brief::import(&String::from_utf8(md).unwrap(), "summary.md").unwrap();

    let topics: Vec<_> = back
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Topics)
        .flat_map(prepkit::model::Section::items)
        .collect();
    assert_eq!(topics.len(), 20, "topics lost in the round trip");
    let rest = topics
        .iter()
        .find(|i| i.text == "Modelling shipments and their event history in PostgreSQL")
        .unwrap();
    assert_eq!(rest.confidence, Confidence::Shaky);
    assert!(
        topics.iter().all(|i| !i.text.contains('·')),
        "a badge leaked into topic text"
    );
    let questions: Vec<_> = back
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Checklist)
        .flat_map(prepkit::model::Section::items)
        .collect();
    assert_eq!(questions.len(), 12);
    assert_eq!(questions.iter().filter(|q| q.done).count(), 1);
}

/// The deepest nesting of lists and quotes pulldown-cmark sees in `md`.
fn max_nesting(md: &str) -> usize {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let (mut depth, mut max) = (0usize, 0usize);
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) => {
                depth += 1;
                max = max.max(depth);
            }
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_)) => depth -= 1,
            _ => {}
        }
    }
    max
}

/// Parses a hostile brief and checks what a user would see: the nesting
/// capped, the notice given, and every word of `words` still in the notebook.
fn check_flattened(text: &str, words: &[&str]) -> brief::Brief {
    let b = brief::parse(text).unwrap();
    assert!(
        matches!(b.notices.as_slice(), [brief::BriefNotice::NestingFlattened { lines }] if *lines > 0),
        "no notice: {:?}",
        b.notices
    );
    let all: String = b.sections.iter().map(|s| s.markdown.as_str()).collect();
    assert!(
        max_nesting(&all) <= brief::MAX_NESTING_COLUMNS + 1,
        "nesting not capped"
    );
    for word in words {
        assert!(all.contains(word), "{word:?} lost");
    }
    let nb = b.clone().into_notebook("hostile.md");
    let json = serde_json::to_string(&nb).unwrap();
    for word in words {
        assert!(json.contains(word), "{word:?} lost from the notebook");
    }
    b
}

// Without the cap, pulldown-cmark walks the whole open nesting on every
// lazily continued line, and the list parser copied the rest of the list at
// every level: these took minutes and gigabytes.

#[test]
fn hostile_dash_nesting_is_capped_and_its_text_kept() {
    let text = format!(
        "{}xylophone\n{}",
        "- ".repeat(100_000),
        "lazy line\n".repeat(2_000)
    );
    let b = check_flattened(&text, &["xylophone", "lazy line"]);
    assert_eq!(
        b.notices,
        [brief::BriefNotice::NestingFlattened { lines: 1 }]
    );
}

#[test]
fn hostile_numbered_nesting_is_capped_and_its_text_kept() {
    let text = format!(
        "{}xylophone\n{}",
        "1. ".repeat(100_000),
        "lazy line\n".repeat(2_000)
    );
    check_flattened(&text, &["xylophone", "lazy line"]);
}

#[test]
fn hostile_quote_nesting_is_capped_and_its_text_kept() {
    let text = format!(
        "{}xylophone\n{}",
        "> ".repeat(100_000),
        "lazy line\n".repeat(2_000)
    );
    check_flattened(&text, &["xylophone", "lazy line"]);
}

#[test]
fn a_list_indented_a_thousand_levels_keeps_every_line() {
    let mut text = String::from("# Topics\n\n");
    for level in 0..1_000 {
        let _ = writeln!(text, "{}- level{level}", "  ".repeat(level));
    }
    text.push_str(&"lazy line\n".repeat(2_000));
    let b = check_flattened(&text, &["level0", "level500", "level999", "lazy line"]);
    // The first two levels are still a group and a topic.
    let topics = &b.sections[0];
    assert_eq!(topics.groups[0].title.as_deref(), Some("level0"));
    assert_eq!(topics.groups[0].items[0].text, "level1");
    assert!(topics.groups[0].items[0].detail.contains("level999"));
}

#[test]
fn a_fifo_with_no_writer_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("brief.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // On a thread, so a regression fails the test instead of hanging it.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(brief::read_file(&fifo)));
    let got = rx
        .recv_timeout(std::time::Duration::from_secs(5))
        .expect("reading a FIFO with no writer blocked");
    assert_eq!(got, Err(BriefError::NotAFile { kind: "named pipe" }));
}

#[test]
fn a_device_is_refused_without_reading_it() {
    let err = brief::read_file(std::path::Path::new("/dev/zero")).unwrap_err();
    assert_eq!(err, BriefError::NotAFile { kind: "device" });
    assert!(err.to_string().contains("not a regular file"), "{err}");
}

#[test]
fn a_file_over_the_cap_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.md");
    // Sparse: no disk space used.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(brief::MAX_BRIEF_BYTES as u64 + 1).unwrap();
    assert_eq!(
        brief::read_file(&path),
        Err(BriefError::TooLarge {
            size: brief::MAX_BRIEF_BYTES + 1,
            max: brief::MAX_BRIEF_BYTES
        })
    );
}

#[test]
fn an_unreadable_path_keeps_its_cause() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brief.md");
    std::fs::write(&file, "# Brief\n").unwrap();
    // A path through a file, not a folder: the system says why.
    let err = brief::read_file(&file.join("inner.md")).unwrap_err();
    let cause = std::error::Error::source(&err).map(ToString::to_string);
    assert!(
        cause
            .as_deref()
            .is_some_and(|c| c.contains("Not a directory")),
        "{err:?}: {cause:?}"
    );
}

/// `prepkit parse FILE --json` of `text` written to `name`.
fn parse_json(name: &str, text: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, text).unwrap();
    let out = crate::prepkit(dir.path())
        .arg("parse")
        .arg(&file)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_messy_briefs_title_heading_is_its_title_not_a_section() {
    for brief in [
        // Underlined, with stray closing marks.
        "Interview Brief: Data Engineer ###\n===\n\nCompany: Acme\n\n## Topics\n\n- **SQL:**\n  - Window functions\n",
        // Two top-level headings, the first with nothing under it.
        "# Interview Brief: Data Engineer ###\n\n# Topics\n\n- **SQL:**\n  - Window functions\n",
    ] {
        let v = parse_json("en.md", brief);
        assert_eq!(v["title"], "Interview Brief: Data Engineer", "{v}");
        let titles: Vec<&str> = v["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["title"].as_str().unwrap())
            .collect();
        assert!(
            !titles.iter().any(|t| t.contains("Interview Brief")),
            "{titles:?}"
        );
        assert!(titles.contains(&"Topics"), "{titles:?}");
    }
}

#[test]
fn a_script_tags_text_never_reaches_a_topic() {
    let v = parse_json(
        "brief.md",
        "# Brief\n\n## Topics\n\n- **SQL:**\n  - Window <script>alert(1)</script> functions\n  - Joins<style>b{}</style>\n",
    );
    let items: Vec<&str> = v["sections"][0]["groups"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["text"].as_str().unwrap())
        .collect();
    assert_eq!(items, ["Window functions", "Joins"], "{v}");
}
