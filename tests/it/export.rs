//! Export: every format, rendered from a hand-built notebook with ratings,
//! Markdown notes, Korean text and hostile text, checked for what a reader
//! would see.

// Helpers here are test code too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use chrono::{NaiveDate, NaiveDateTime};
use prepkit::export::{BriefText, ExportOptions, Format, Paper, TopicOrder, render};
use prepkit::i18n::Lang;
use prepkit::model::{Confidence, Group, Id, Item, Notebook, Section, SectionKind};

const SCRIPT: &str = "<script>alert(1)</script>";
const STYLE_BREAK: &str = "</style><b>bold</b>";
const JS_LINK: &str = "[x](javascript:alert(1))";

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2025, 10, 11)
        .and_then(|d| d.and_hms_opt(9, 30, 0))
        .unwrap()
}

fn long_word() -> String {
    "Supercalifragilistic".repeat(15)
}

struct Ids(u64);

impl Ids {
    fn next(&mut self) -> Id {
        self.0 += 1;
        Id(self.0)
    }
}

fn topic(ids: &mut Ids, text: &str, c: Confidence, notes: &str) -> Item {
    Item {
        confidence: c,
        notes: notes.into(),
        ..Item::new(ids.next(), text)
    }
}

fn question(ids: &mut Ids, text: &str, done: bool, notes: &str) -> Item {
    Item {
        done,
        notes: notes.into(),
        ..Item::new(ids.next(), text)
    }
}

/// A notebook like an imported brief, with the user's ratings and notes.
fn notebook() -> Notebook {
    let mut ids = Ids(0);
    let mut nb = Notebook {
        id: "abc-corp".into(),
        title: "ABC Corp — Backend Engineer".into(),
        company: "ABC Corp".into(),
        role: "Intermediate Backend Python Engineer".into(),
        interview_at: NaiveDate::from_ymd_opt(2025, 10, 14).and_then(|d| d.and_hms_opt(14, 0, 0)),
        ..Notebook::default()
    };
    nb.sections.push(Section {
        id: ids.next(),
        title: "Company Overview".into(),
        kind: SectionKind::Prose,
        markdown: "**Location:** Seoul, South Korea\n\nBrief prose about the company.".into(),
        notes: "Office is near 강남역; ask about **remote days**.".into(),
        ..Section::default()
    });
    nb.sections.push(Section {
        id: ids.next(),
        title: "Empty prose".into(),
        ..Section::default()
    });
    let python = Group {
        id: ids.next(),
        title: Some("Python & FastAPI".into()),
        items: vec![
            topic(
                &mut ids,
                "Asynchronous request handling",
                Confidence::Shaky,
                "- event loop basics\n- *never* block it with `time.sleep`\n\nSee [asyncio docs](https://docs.python.org/3/library/asyncio.html).",
            ),
            topic(
                &mut ids,
                "Pydantic models and data validation",
                Confidence::Good,
                "",
            ),
            topic(
                &mut ids,
                "비동기 처리",
                Confidence::Weak,
                "면접 준비 — 데이터베이스 인덱스",
            ),
        ],
    };
    let hostile = Group {
        id: ids.next(),
        title: Some(format!("Hostile {SCRIPT}")),
        items: vec![
            topic(
                &mut ids,
                &format!("Topic {SCRIPT}"),
                Confidence::Okay,
                &format!("{SCRIPT}\n\n{STYLE_BREAK}\n\n{JS_LINK}"),
            ),
            topic(&mut ids, &long_word(), Confidence::Strong, &long_word()),
            topic(&mut ids, "- 1. # not structure", Confidence::Unrated, ""),
        ],
    };
    nb.sections.push(Section {
        id: ids.next(),
        title: "Likely Interview Topics".into(),
        kind: SectionKind::Topics,
        groups: vec![python, hostile],
        ..Section::default()
    });
    nb.sections.push(Section {
        id: ids.next(),
        title: "Empty topics".into(),
        kind: SectionKind::Topics,
        ..Section::default()
    });
    nb.sections.push(Section {
        id: ids.next(),
        title: "Suggested Questions to Ask".into(),
        kind: SectionKind::Checklist,
        groups: vec![Group {
            id: ids.next(),
            title: Some("Team & Collaboration".into()),
            items: vec![
                question(
                    &mut ids,
                    "What is the ratio of feature work to maintenance?",
                    true,
                    "About 70/30, they said.",
                ),
                question(&mut ids, "팀의 코드 리뷰 문화는 어떤가요?", false, ""),
            ],
        }],
        ..Section::default()
    });
    nb
}

/// A notebook with `n` topics in groups of 20, each with a short note.
fn big_notebook(n: usize) -> Notebook {
    let mut ids = Ids(0);
    let mut nb = Notebook {
        title: "Big notebook".into(),
        ..Notebook::default()
    };
    let groups = (0..n.div_ceil(20))
        .map(|g| Group {
            id: ids.next(),
            title: Some(format!("Group {g}")),
            items: (0..20.min(n - g * 20))
                .map(|i| {
                    let c = Confidence::ALL[(g + i) % 6];
                    topic(
                        &mut ids,
                        &format!("Topic {g}-{i} about systems"),
                        c,
                        "Remember the *trade-offs*.",
                    )
                })
                .collect(),
        })
        .collect();
    nb.sections.push(Section {
        id: ids.next(),
        title: "Topics".into(),
        kind: SectionKind::Topics,
        groups,
        ..Section::default()
    });
    nb
}

fn export(nb: &Notebook, opts: ExportOptions, format: Format) -> Vec<u8> {
    let bytes = render(nb, &opts, format, now()).unwrap();
    if let Some(dir) = std::env::var_os("PREPKIT_EXPORT_DUMP") {
        let name = format!("{}-{}.{}", nb.id, opts.paper.css_name(), format.extension());
        std::fs::write(std::path::Path::new(&dir).join(name), &bytes).unwrap();
    }
    bytes
}

fn export_str(nb: &Notebook, opts: ExportOptions, format: Format) -> String {
    String::from_utf8(export(nb, opts, format)).unwrap()
}

#[test]
fn export_html_escapes_every_hostile_text() {
    let html = export_str(&notebook(), ExportOptions::default(), Format::Html);
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a live script tag");
    assert_eq!(
        lower.matches("</style>").count(),
        1,
        "user text closed the style element"
    );
    assert!(!lower.contains("href=\"javascript"), "a javascript: link");
    assert!(!lower.contains("javascript:alert(1)\""));
    assert!(html.contains("Topic &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Hostile &lt;script&gt;"));
    assert!(html.contains("&lt;/style&gt;&lt;b&gt;bold&lt;/b&gt;"));
    // The note's Markdown is rendered: list, emphasis, code, a safe link.
    assert!(html.contains("<em>never</em>"));
    assert!(html.contains("<code>time.sleep</code>"));
    assert!(
        html.contains(
            "<a href=\"https://docs.python.org/3/library/asyncio.html\">asyncio docs</a>"
        )
    );
}

#[test]
fn export_html_is_self_contained_and_print_ready() {
    let html = export_str(&notebook(), ExportOptions::default(), Format::Html);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("src="), "loads a resource");
    assert!(!html.contains("<link"), "loads a stylesheet");
    assert!(!html.contains("@import"));
    assert!(html.contains("size: A4"));
    assert!(html.contains("break-inside: avoid"));
    assert!(html.contains("prefers-color-scheme: dark"));
    assert!(html.contains("overflow-wrap: anywhere"));
    assert!(html.contains("비동기 처리"));
    assert!(html.contains("면접 준비 — 데이터베이스 인덱스"));
    // Badges are labelled, not colour alone.
    assert!(html.contains(">2 · Shaky</span>"));
    assert!(html.contains("☑") && html.contains("☐"));
    assert!(html.contains("(in 3 days)"));
    let letter = export_str(
        &notebook(),
        ExportOptions {
            paper: Paper::Letter,
            ..ExportOptions::default()
        },
        Format::Html,
    );
    assert!(letter.contains("size: letter"));
}

#[test]
fn export_markdown_lists_topics_ticks_and_korean() {
    let md = export_str(&notebook(), ExportOptions::default(), Format::Markdown);
    assert!(md.starts_with("# ABC Corp — Backend Engineer\n"));
    assert!(md.contains("\n## Likely Interview Topics\n"));
    assert!(
        md.contains("- **Python & FastAPI**\n  - `2 · Shaky` Asynchronous request handling\n"),
        "an `&` that starts no entity stays as typed:\n{md}"
    );
    assert!(md.contains("  - `1 · Weak` 비동기 처리\n    > 면접 준비 — 데이터베이스 인덱스\n"));
    assert!(md.contains(
        "  - [x] What is the ratio of feature work to maintenance?\n    > About 70/30, they said.\n"
    ));
    assert!(md.contains("  - [ ] 팀의 코드 리뷰 문화는 어떤가요?\n"));
    assert!(
        md.contains("*No topics yet.*"),
        "an empty topics section says so"
    );
    assert!(
        !md.contains("Empty prose"),
        "an empty prose section is skipped"
    );
    assert!(md.contains("Interview: **Tue 14 Oct 2025, 14:00** (in 3 days)"));
}

#[test]
fn export_markdown_text_cannot_break_structure() {
    let md = export_str(&notebook(), ExportOptions::default(), Format::Markdown);
    // Plain text is escaped: no heading, no list, no HTML from a topic's text.
    assert!(md.contains("`Unrated` \\- 1. \\# not structure"));
    assert!(md.contains("Topic \\<script\\>alert(1)\\</script\\>"));
    // Raw HTML inside notes is neutralised, and the note stays in its quote.
    assert!(md.contains("    > &lt;script>alert(1)&lt;/script>"));
    assert!(!md.contains("<script>"));
    assert!(!md.contains("javascript:"), "a script link survived");
    // Every heading is the title or a section: nothing else starts with '#'.
    let headings: Vec<_> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(headings.len(), 1 + 4, "{headings:?}");
}

#[test]
fn export_options_filter_topics_and_drop_notes() {
    let opts = ExportOptions {
        include_notes: false,
        brief: BriefText::All,
        max_confidence: Some(Confidence::Shaky),
        ..ExportOptions::default()
    };
    let md = export_str(&notebook(), opts, Format::Markdown);
    assert!(md.contains("Asynchronous request handling"));
    assert!(md.contains("비동기 처리"));
    assert!(
        !md.contains("Pydantic models"),
        "a Good topic passed a Shaky filter"
    );
    assert!(md.contains("more topics hidden by the confidence filter"));
    assert!(!md.contains("event loop basics"), "notes were included");
    assert!(md.contains("Brief prose about the company."));
    // The overview still counts all topics.
    assert!(md.contains("**Confidence** (6 topics)"));
}

fn pdf_text(bytes: &[u8]) -> (lopdf::Document, String) {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    (doc, text)
}

/// The text without white space, for comparing across extracted line breaks.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn pdf_title(doc: &lopdf::Document) -> String {
    let info = doc.trailer.get(b"Info").unwrap();
    let info = doc.dereference(info).unwrap().1.as_dict().unwrap();
    lopdf::decode_text_string(info.get(b"Title").unwrap()).unwrap()
}

#[test]
fn export_pdf_keeps_text_extractable_including_korean() {
    let bytes = export(&notebook(), ExportOptions::default(), Format::Pdf);
    assert!(bytes.starts_with(b"%PDF-"));
    let (doc, text) = pdf_text(&bytes);
    for needle in [
        "ABC Corp — Backend Engineer",
        "Asynchronous request handling",
        "2 · Shaky",
        "비동기 처리",
        "면접 준비 — 데이터베이스 인덱스",
        "팀의 코드 리뷰 문화는 어떤가요?",
        "Topic <script>alert(1)</script>",
        "(in 3 days)",
        "asyncio docs",
        "Page 1 of",
    ] {
        assert!(
            text.contains(needle),
            "{needle:?} not in the PDF text:\n{text}"
        );
    }
    assert_eq!(pdf_title(&doc), "ABC Corp — Backend Engineer");
}

#[test]
fn export_pdf_wraps_a_300_char_word_inside_the_page() {
    let bytes = export(&notebook(), ExportOptions::default(), Format::Pdf);
    let (_, text) = pdf_text(&bytes);
    // The word is broken over lines, so it is not found in one piece.
    assert!(
        squash(&text).contains(&long_word()),
        "the long word is missing"
    );
    assert!(
        !text.contains(&long_word()),
        "the long word was not wrapped"
    );
}

#[test]
fn export_pdf_of_a_big_notebook_has_numbered_pages_and_fonts_subset() {
    let nb = big_notebook(300);
    let bytes = export(
        &nb,
        ExportOptions {
            paper: Paper::Letter,
            ..ExportOptions::default()
        },
        Format::Pdf,
    );
    let (doc, text) = pdf_text(&bytes);
    let pages = doc.get_pages().len();
    assert!(pages > 5, "only {pages} pages");
    // Every topic has a one-line note, so a page may only end after a note:
    // never after a group heading or a topic whose note went overleaf.
    // (Text extraction splits runs of different styles onto separate lines,
    // so compare without white space.) The footer is drawn last.
    for (n, page) in doc.get_pages().keys().enumerate() {
        let page_text = squash(&doc.extract_text(&[*page]).unwrap());
        let end = format!("Rememberthetrade-offs.BignotebookPage{}of{pages}", n + 1);
        assert!(
            page_text.ends_with(&end),
            "page {} ends badly: {page_text}",
            n + 1
        );
    }
    assert!(text.contains(&format!("Page {pages} of {pages}")));
    assert!(text.contains("Topic 14-19 about systems"));
    // Letter size.
    let first = *doc.get_pages().values().next().unwrap();
    let media = doc
        .get_dictionary(first)
        .unwrap()
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap();
    let height = media[3].as_float().unwrap();
    assert!((height - 792.0).abs() < 0.5, "MediaBox height {height}");
    // Subset: far smaller than the two bundled 4.6 MB fonts.
    assert!(bytes.len() < 1_500_000, "{} bytes", bytes.len());
}

#[test]
fn export_is_deterministic() {
    let nb = notebook();
    for format in Format::ALL {
        let a = export(&nb, ExportOptions::default(), format);
        let b = export(&nb, ExportOptions::default(), format);
        assert!(a == b, "{format} differs between two runs");
    }
}

#[test]
fn export_handles_an_empty_notebook() {
    let nb = Notebook::default();
    for format in Format::ALL {
        let bytes = export(&nb, ExportOptions::default(), format);
        assert!(!bytes.is_empty());
    }
    let (_, text) = pdf_text(&export(&nb, ExportOptions::default(), Format::Pdf));
    assert!(text.contains("Interview notebook"));
}

/// A notebook written in Korean, as a user interviewing in Seoul keeps it.
fn korean_notebook() -> Notebook {
    let mut ids = Ids(0);
    let mut nb = Notebook {
        id: "korean".into(),
        title: "에이비씨 주식회사 — 백엔드 엔지니어 면접".into(),
        company: "에이비씨 주식회사".into(),
        role: "백엔드 파이썬 엔지니어".into(),
        interview_at: NaiveDate::from_ymd_opt(2025, 10, 13).and_then(|d| d.and_hms_opt(10, 0, 0)),
        ..Notebook::default()
    };
    nb.sections.push(Section {
        id: ids.next(),
        title: "회사 개요".into(),
        notes: "서울 강남구에 위치. **원격 근무**는 주 2회 가능한지 물어볼 것.\n\n1. 제품: API 플랫폼\n2. 팀 규모: 5–7명".into(),
        ..Section::default()
    });
    let groups = vec![
        Group {
            id: ids.next(),
            title: Some("데이터베이스".into()),
            items: vec![
                topic(
                    &mut ids,
                    "인덱스와 쿼리 최적화",
                    Confidence::Shaky,
                    "- B-tree 인덱스의 *선택도*\n- `EXPLAIN ANALYZE` 읽는 법",
                ),
                topic(
                    &mut ids,
                    "Redis 캐시 무효화 전략",
                    Confidence::Weak,
                    "면접 준비 — 데이터베이스 인덱스",
                ),
                topic(&mut ids, "PostgreSQL 스키마 설계", Confidence::Good, ""),
            ],
        },
        Group {
            id: ids.next(),
            title: Some("비동기 처리".into()),
            items: vec![
                topic(
                    &mut ids,
                    "이벤트 루프와 async/await",
                    Confidence::Okay,
                    "블로킹 호출을 피하는 이유를 **예시**로 설명하기.",
                ),
                topic(&mut ids, "작업 큐와 재시도", Confidence::Unrated, ""),
            ],
        },
    ];
    nb.sections.push(Section {
        id: ids.next(),
        title: "예상 면접 주제".into(),
        kind: SectionKind::Topics,
        groups,
        ..Section::default()
    });
    nb.sections.push(Section {
        id: ids.next(),
        title: "면접관에게 할 질문".into(),
        kind: SectionKind::Checklist,
        groups: vec![Group {
            id: ids.next(),
            title: None,
            items: vec![
                question(
                    &mut ids,
                    "팀의 코드 리뷰 문화는 어떤가요?",
                    true,
                    "PR마다 두 명이 리뷰한다고 함.",
                ),
                question(&mut ids, "온보딩 기간은 얼마나 되나요?", false, ""),
            ],
        }],
        ..Section::default()
    });
    nb
}

#[test]
fn export_pdf_sets_a_korean_notebook_in_hangul() {
    let bytes = export(&korean_notebook(), ExportOptions::default(), Format::Pdf);
    let (doc, text) = pdf_text(&bytes);
    // The title names the company: the line under it names the role alone.
    assert!(!text.contains("에이비씨 주식회사 · "), "{text}");
    for needle in [
        "백엔드 파이썬 엔지니어",
        "인덱스와 쿼리 최적화",
        "팀의 코드 리뷰 문화는 어떤가요?",
        "PR마다 두 명이 리뷰한다고 함.",
        "(in 2 days)",
    ] {
        assert!(
            text.contains(needle),
            "{needle:?} not in the PDF text:\n{text}"
        );
    }
    // Emphasis splits the line into runs; the words are all there, in order.
    assert!(squash(&text).contains("B-tree인덱스의선택도"));
    assert_eq!(pdf_title(&doc), "에이비씨 주식회사 — 백엔드 엔지니어 면접");
    let md = export_str(
        &korean_notebook(),
        ExportOptions::default(),
        Format::Markdown,
    );
    // Questions without a group label stay top-level items.
    assert!(
        md.contains("\n- [x] 팀의 코드 리뷰 문화는 어떤가요?\n  > PR마다 두 명이 리뷰한다고 함.\n")
    );
    assert_eq!(md.matches("에이비씨 주식회사").count(), 1, "{md}");
}

/// Pages of a PDF and the text of each.
pub fn pdf_pages(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    doc.get_pages()
        .keys()
        .map(|p| doc.extract_text(&[*p]).unwrap())
        .collect()
}

fn sheet() -> ExportOptions {
    ExportOptions {
        sheet: true,
        ..ExportOptions::default()
    }
}

/// `big_notebook` with questions to ask and a pinned section note.
fn big_notebook_to_carry(n: usize) -> Notebook {
    let mut nb = big_notebook(n);
    nb.interview_at = NaiveDate::from_ymd_opt(2025, 10, 14).and_then(|d| d.and_hms_opt(14, 0, 0));
    nb.company = "ABC Corp".into();
    let mut ids = Ids(100_000);
    nb.sections.push(Section {
        id: ids.next(),
        title: "Questions to ask".into(),
        kind: SectionKind::Checklist,
        groups: vec![Group {
            id: ids.next(),
            title: None,
            items: (0..8)
                .map(|i| question(&mut ids, &format!("Question number {i}?"), i < 2, ""))
                .collect(),
        }],
        ..Section::default()
    });
    nb.sections.push(Section {
        id: ids.next(),
        title: "Company Overview".into(),
        notes: "Office near **Gangnam** station.\nAsk about remote days.".into(),
        pinned: true,
        ..Section::default()
    });
    nb
}

#[test]
fn export_sheet_of_300_topics_is_one_pdf_page_saying_how_many_more() {
    let nb = big_notebook_to_carry(300);
    for paper in Paper::ALL {
        let bytes = export(&nb, ExportOptions { paper, ..sheet() }, Format::Pdf);
        let pages = pdf_pages(&bytes);
        assert_eq!(pages.len(), 1, "{paper:?}: {} pages", pages.len());
        let text = &pages[0];
        // Topics below Good: the page holds some, the rest are counted.
        let below = nb.topics().filter(|t| t.confidence.needs_study()).count();
        let shown = text.matches("about systems").count();
        assert!(shown >= 5, "{shown} topics shown:\n{text}");
        let more = format!("{} more topics in the full summary", below - shown);
        assert!(text.contains(&more), "{more:?} not in:\n{text}");
        // Weakest first: unrated topics lead, nothing Good or better.
        assert!(!text.contains("4 · Good") && !text.contains("5 · Strong"));
        for needle in [
            "Interview in 3 days · Tue 14 Oct 2025, 14:00",
            "ABC Corp",
            "Questions to ask",
            "Question number 4?",
            "more questions in the section",
            "Pinned notes",
            "Office near Gangnam station.",
            "Ask about remote days.",
        ] {
            assert!(text.contains(needle), "{needle:?} not in:\n{text}");
        }
    }
}

#[test]
fn export_sheet_in_markdown_and_html_fits_a_page_and_says_how_many_more() {
    let nb = big_notebook_to_carry(300);
    let md = export_str(&nb, sheet(), Format::Markdown);
    assert!(
        md.starts_with("# Interview in 3 days · Tue 14 Oct 2025, 14:00\n"),
        "{md}"
    );
    assert!(
        md.contains("- [x] Question number 0?  \n  Answer: ______"),
        "{md}"
    );
    assert!(md.contains("- [ ] Question number 7?"), "{md}");
    assert!(md.contains(
        "### Company Overview\n\nOffice near Gangnam station.  \nAsk about remote days.\n"
    ));
    let below = nb.topics().filter(|t| t.confidence.needs_study()).count();
    let shown = md.matches("about systems").count();
    assert!((5..60).contains(&shown), "{shown} topics: not one page");
    assert!(md.contains(&format!(
        "*{} more topics in the full summary*",
        below - shown
    )));
    let html = export_str(&nb, sheet(), Format::Html);
    assert_eq!(
        html.matches("about systems").count(),
        shown,
        "the formats disagree"
    );
    assert!(html.contains("<div class=\"answer\"></div>"));
    assert!(html.contains(&format!(
        "{} more topics in the full summary",
        below - shown
    )));
    // A small notebook's sheet holds everything.
    let small = export_str(&notebook(), sheet(), Format::Markdown);
    assert!(!small.contains("more topics"), "{small}");
    assert!(
        small.contains("`1 · Weak` **비동기 처리**  \n  면접 준비 — 데이터베이스 인덱스"),
        "{small}"
    );
}

/// English labels that must not appear in a Korean export.
const ENGLISH_LABELS: [&str; 9] = [
    "Interview",
    "Confidence",
    "Page",
    "Overview",
    "Exported",
    "Questions asked",
    "My notes",
    "Unrated",
    "asked",
];

#[test]
fn export_korean_speaks_korean_in_every_format() {
    let nb = korean_notebook();
    let ko = ExportOptions {
        lang: Lang::Ko,
        include_notes: true,
        ..ExportOptions::default()
    };
    let md = export_str(&nb, ko, Format::Markdown);
    let html = export_str(&nb, ko, Format::Html);
    let pdf = pdf_pages(&export(&nb, ko, Format::Pdf)).concat();
    assert!(html.contains("<html lang=\"ko\">"));
    for (format, text) in [("md", &md), ("html", &html), ("pdf", &pdf)] {
        for label in ENGLISH_LABELS {
            assert!(!text.contains(label), "{format}: {label:?} in:\n{text}");
        }
        for needle in [
            "면접",
            "2025년 10월 13일 (월), 10:00",
            "(2일 후)",
            "2025년 10월 11일 (토)",
            "자신감",
            "주제 5개",
            "2 · 불안",
            "미평가",
            "물어본 질문",
            "2개 중 1개",
            "내 메모",
        ] {
            assert!(
                text.contains(needle),
                "{format}: {needle:?} not in:\n{text}"
            );
        }
    }
    assert!(pdf.contains("쪽 중 1쪽"), "{pdf}");
    // The sheet too.
    let sheet = ExportOptions { sheet: true, ..ko };
    for format in Format::ALL {
        let text = if format == Format::Pdf {
            pdf_pages(&export(&nb, sheet, format)).concat()
        } else {
            export_str(&nb, sheet, format)
        };
        assert!(
            text.contains("면접 2일 후 · 2025년 10월 13일 (월), 10:00"),
            "{format}:\n{text}"
        );
        assert!(
            text.contains("가장 약한 주제") && text.contains("물어볼 질문"),
            "{format}:\n{text}"
        );
        for label in ENGLISH_LABELS {
            assert!(!text.contains(label), "{format}: {label:?} in:\n{text}");
        }
    }
}

#[test]
fn export_pdf_puts_weakest_first_and_html_keeps_notebook_order() {
    let nb = notebook();
    let position = |text: &str, needle: &str| text.find(needle).unwrap();
    let (_, pdf) = pdf_text(&export(&nb, ExportOptions::default(), Format::Pdf));
    assert!(
        position(&pdf, "비동기 처리") < position(&pdf, "Asynchronous request handling"),
        "the Weak topic is not first in the PDF"
    );
    let html = export_str(&nb, ExportOptions::default(), Format::Html);
    assert!(position(&html, "비동기 처리") > position(&html, "Asynchronous request handling"));
    let weakest = ExportOptions {
        order: Some(TopicOrder::Weakest),
        hide_unrated: true,
        ..ExportOptions::default()
    };
    let md = export_str(&nb, weakest, Format::Markdown);
    assert!(position(&md, "비동기 처리") < position(&md, "Asynchronous request handling"));
    assert!(!md.contains("not structure"), "an unrated topic was shown");
    assert!(md.contains("Unrated topics are left out."));
}

/// A notebook whose one topic's notes are a list nested `depth` deep on one
/// line (`- - - … deepest`).
fn deep_note(depth: usize) -> Notebook {
    let mut nb = big_notebook(1);
    let notes = format!("{}deepest", "- ".repeat(depth));
    nb.sections[0].groups[0].items[0].notes = notes;
    nb
}

/// Notes nest no deeper than a brief may: the list markers from column 32
/// on are text in every format, so a line of thousands of `- ` renders in
/// time linear in its length. Without the cap the HTML nests 100 lists.
#[test]
fn deep_lists_in_notes_are_capped_as_in_briefs_in_every_format() {
    let nb = deep_note(100);
    let before = nb.clone();
    let flat = format!("{}deepest", "- ".repeat(100 - 16));

    let html = export_str(&nb, ExportOptions::default(), Format::Html);
    assert_eq!(html.matches("<ul>").count(), 16, "lists past the cap");
    assert!(html.contains(&flat), "the rest is text");

    let md = export_str(&nb, ExportOptions::default(), Format::Markdown);
    assert!(
        md.contains(&format!("\\{flat}")),
        "the first marker past the cap is escaped"
    );

    let (_, text) = pdf_text(&export(&nb, ExportOptions::default(), Format::Pdf));
    assert!(
        squash(&text).contains(&squash(&flat)),
        "the rest is text in the PDF"
    );
    assert_eq!(nb, before, "the notes themselves are left as they were");
}
