//! The summary as one self-contained HTML file: inline CSS, no scripts, no
//! remote resources, a print stylesheet and a dark scheme for screens.
//!
//! Every piece of user text is escaped. User Markdown is rendered with
//! pulldown-cmark after [`safe_events`] has turned raw HTML into text, dropped
//! images (they would be remote resources) and unlinked dangerous URLs.

use std::fmt::Write as _;

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::Paper;
use super::markdown::{asked, done_of};
use super::summary::{Body, GroupView, ItemView, SectionView, Summary, badge_label};
use super::url;
use crate::i18n::{Lang, Tr};
use crate::model::Confidence;

/// Renders the summary as an HTML document, its labels in the language of `tr`.
pub fn render(s: &Summary<'_>, paper: Paper, tr: &Tr) -> String {
    let mut out = String::with_capacity(16 * 1024);
    head(
        &mut out,
        &s.title,
        &format!("{STYLE}{}", page_rule(paper)),
        tr,
    );
    header(&mut out, s, tr);
    for section in &s.sections {
        section_html(&mut out, section, tr);
    }
    let footer = tr.t_args(
        "export-exported-with",
        &[("date", s.exported_on.as_str().into())],
    );
    let _ = write!(
        out,
        "<footer>{}</footer>\n</main>\n</body>\n</html>\n",
        esc(&footer)
    );
    out
}

/// The document up to `<main>`: language, no scripts or remote resources
/// (a Content-Security-Policy says so), the title and the style sheet.
pub fn head(out: &mut String, title: &str, style: &str, tr: &Tr) {
    let lang = match tr.lang() {
        Lang::En => "en",
        Lang::Ko => "ko",
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"Prepkit\">\n<title>{}</title>\n<style>\n{style}</style>\n</head>\n<body>\n<main>\n",
        esc(title),
    );
}

fn page_rule(paper: Paper) -> String {
    format!(
        "@page {{ size: {}; margin: 18mm 16mm 20mm; \
         @bottom-right {{ content: counter(page) \" / \" counter(pages); font-size: 9pt; color: #555; }} }}\n",
        paper.css_name()
    )
}

fn header(out: &mut String, s: &Summary<'_>, tr: &Tr) {
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", esc(&s.title));
    let company_role = s.company_role();
    if !company_role.is_empty() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(&company_role));
    }
    if let Some(iv) = &s.interview {
        let _ = writeln!(
            out,
            "<p class=\"when\">{}: <strong>{}</strong> <span class=\"countdown\">({})</span></p>",
            esc(&tr.t("export-interview")),
            esc(&iv.when),
            esc(&iv.countdown)
        );
    }
    out.push_str("</header>\n");

    let total = s.confidence.total();
    if total == 0 && s.checklist.total == 0 && s.filter_note(tr).is_none() {
        return;
    }
    let _ = writeln!(
        out,
        "<section class=\"overview\">\n<h2>{}</h2>",
        esc(&tr.t("export-overview"))
    );
    if total > 0 {
        let _ = writeln!(
            out,
            "<p class=\"label\">{} <span class=\"muted\">({})</span></p>\n<ul class=\"levels\">",
            esc(&tr.t("export-confidence")),
            esc(&tr.t_args("export-topic-count", &[("n", total.into())]))
        );
        for (level, n) in s.confidence.rows() {
            let pct = n as f32 * 100.0 / total as f32;
            let _ = writeln!(
                out,
                "<li>{}<span class=\"n\">{n}</span><span class=\"bar\"><span class=\"c{}\" style=\"width:{pct:.1}%\"></span></span></li>",
                badge(level, tr),
                level.level()
            );
        }
        out.push_str("</ul>\n");
    }
    if s.checklist.total > 0 {
        let _ = writeln!(
            out,
            "<p class=\"label\">{}: <strong>{}</strong></p>\n\
             <div class=\"bar progress\"><span style=\"width:{:.1}%\"></span></div>",
            esc(&tr.t("export-questions-asked")),
            esc(&done_of(s.checklist.done, s.checklist.total, tr)),
            s.checklist.fraction() * 100.0
        );
    }
    if let Some(note) = s.filter_note(tr) {
        let _ = writeln!(out, "<p class=\"muted\">{}</p>", esc(&note));
    }
    out.push_str("</section>\n");
}

/// A confidence badge: the level in words, in its colour.
pub fn badge(level: Confidence, tr: &Tr) -> String {
    format!(
        "<span class=\"badge c{}\">{}</span>",
        level.level(),
        esc(&badge_label(level, tr))
    )
}

fn section_html(out: &mut String, section: &SectionView<'_>, tr: &Tr) {
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", esc(&section.title));
    if let Some(brief) = section.brief {
        let _ = writeln!(out, "<div class=\"brief\">{}</div>", markdown(brief, 1));
    }
    if let Some(notes) = section.notes {
        let _ = writeln!(
            out,
            "<aside class=\"section-notes\"><p class=\"label\">{}</p>{}</aside>",
            esc(&tr.t("export-my-notes")),
            markdown(notes, 2)
        );
    }
    match &section.body {
        Body::Prose => {}
        Body::Topics { groups, hidden } => {
            if groups.is_empty() && *hidden == 0 {
                muted(out, &tr.t("export-no-topics"));
            }
            groups_html(out, groups, false, tr);
            if *hidden > 0 {
                muted(out, &tr.t_args("export-hidden", &[("n", (*hidden).into())]));
            }
        }
        Body::Checklist { groups, progress } => {
            if groups.is_empty() {
                muted(out, &tr.t("export-no-questions"));
            } else {
                muted(out, &asked(progress.done, progress.total, tr));
            }
            groups_html(out, groups, true, tr);
        }
    }
    out.push_str("</section>\n");
}

/// A line of secondary text.
fn muted(out: &mut String, text: &str) {
    let _ = writeln!(out, "<p class=\"muted\">{}</p>", esc(text));
}

fn groups_html(out: &mut String, groups: &[GroupView<'_>], checklist: bool, tr: &Tr) {
    let class = if checklist { "checklist" } else { "topics" };
    for group in groups {
        if let Some(title) = group.title {
            let _ = writeln!(out, "<h3>{}</h3>", esc(title));
        }
        let _ = writeln!(out, "<ul class=\"{class}\">");
        for item in &group.items {
            item_html(out, item, checklist, tr);
        }
        out.push_str("</ul>\n");
    }
}

fn item_html(out: &mut String, item: &ItemView<'_>, checklist: bool, tr: &Tr) {
    if checklist {
        let _ = write!(
            out,
            "<li class=\"{}\">{}",
            if item.done {
                "question done"
            } else {
                "question"
            },
            tick(item.done, tr)
        );
    } else {
        let _ = write!(out, "<li class=\"topic\">{}", badge(item.confidence, tr));
    }
    let _ = write!(out, "<span class=\"text\">{}</span>", esc(item.text));
    if let Some(detail) = item.detail {
        let _ = write!(out, "<div class=\"detail\">{}</div>", markdown(detail, 3));
    }
    if let Some(notes) = item.notes {
        let _ = write!(out, "<div class=\"notes\">{}</div>", markdown(notes, 3));
    }
    out.push_str("</li>\n");
}

/// A tick box, ticked when `done`, named for screen readers.
pub fn tick(done: bool, tr: &Tr) -> String {
    let (tick, label) = if done {
        ("☑", tr.t("export-tick-asked"))
    } else {
        ("☐", tr.t("export-tick-not-asked"))
    };
    let label = esc(&label);
    format!("<span class=\"tick\" title=\"{label}\" aria-label=\"{label}\">{tick}</span>")
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Renders user Markdown to safe HTML, headings shifted down by `shift` levels.
pub fn markdown(md: &str, shift: u8) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    // Nesting capped as in briefs: deep lists stay text, parsed in linear time.
    let (md, _) = crate::brief::cap_nesting(md);
    let mut out = String::with_capacity(md.len() * 2);
    pulldown_cmark::html::push_html(&mut out, safe_events(Parser::new_ext(&md, options), shift));
    out
}

/// Filters Markdown events so the HTML they render is inert: raw HTML becomes
/// text, images become links to themselves (or their alt text), links with
/// unsafe schemes lose their target, headings move down by `shift` levels.
fn safe_events<'a>(
    events: impl Iterator<Item = Event<'a>>,
    shift: u8,
) -> impl Iterator<Item = Event<'a>> {
    // For each open link or image: whether a link start was emitted for it.
    let mut open: Vec<bool> = Vec::new();
    events.filter_map(move |event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(
            Tag::Link {
                dest_url,
                title,
                id,
                link_type,
            }
            | Tag::Image {
                dest_url,
                title,
                id,
                link_type,
            },
        ) => {
            let keep = url::is_safe(&dest_url);
            open.push(keep);
            keep.then(|| {
                Event::Start(Tag::Link {
                    link_type: if link_type == LinkType::Email {
                        link_type
                    } else {
                        LinkType::Inline
                    },
                    dest_url,
                    title,
                    id,
                })
            })
        }
        Event::End(TagEnd::Link | TagEnd::Image) => open
            .pop()
            .unwrap_or(false)
            .then_some(Event::End(TagEnd::Link)),
        Event::Start(Tag::Heading { level, .. }) => Some(Event::Start(Tag::Heading {
            level: shifted(level, shift),
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        })),
        Event::End(TagEnd::Heading(level)) => {
            Some(Event::End(TagEnd::Heading(shifted(level, shift))))
        }
        other => Some(other),
    })
}

fn shifted(level: HeadingLevel, shift: u8) -> HeadingLevel {
    let n = (level as u8).saturating_add(shift).min(6);
    HeadingLevel::try_from(usize::from(n)).unwrap_or(HeadingLevel::H6)
}

/// Screen and print styles (shared with the interview-day sheet). Colours mirror [`Confidence::rgb`]; badges carry
/// the level and its name, so they read in grey-scale too.
pub const STYLE: &str = r#":root { color-scheme: light dark; --fg: #1d1f23; --muted: #5b616b; --bg: #ffffff; --card: #f3f4f6; --line: #d9dce1; --link: #1a5fb4;
  --c0: #8a8f98; --c1: #d64545; --c2: #e08a2e; --c3: #c9a927; --c4: #5ca84a; --c5: #2e8b57; }
@media screen and (prefers-color-scheme: dark) {
  :root { --fg: #e6e8eb; --muted: #a3a9b3; --bg: #16181c; --card: #23262c; --line: #3a3f47; --link: #8ab4f8; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", "NanumGothic", sans-serif;
  word-break: keep-all; overflow-wrap: anywhere; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 .35rem; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .4rem; }
h4, h5, h6 { font-size: 1rem; margin: .75rem 0 .25rem; }
p { margin: .4rem 0; }
a { color: var(--link); }
.meta, .muted, footer { color: var(--muted); }
.muted { font-style: italic; }
.meta { margin: 0; font-size: 1.05rem; }
.countdown { font-weight: 600; }
.label { font-weight: 600; margin: .75rem 0 .35rem; }
.label .muted { font-weight: 400; }
.levels { list-style: none; padding: 0; margin: 0; }
.levels li { display: grid; grid-template-columns: 6.5rem 2rem 1fr; align-items: center; gap: .5rem; margin: .2rem 0; }
.levels .n { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: block; height: .65rem; background: var(--card); border: 1px solid var(--line); border-radius: .35rem; overflow: hidden; }
.bar > span { display: block; height: 100%; background: var(--c3); }
.progress { max-width: 20rem; }
.progress > span { background: var(--link); }
.badge { display: inline-block; min-width: 5.5rem; padding: .05rem .4rem; border: 1.5px solid var(--c); border-radius: .35rem;
  background: color-mix(in srgb, var(--c) 18%, transparent); font-size: .8rem; font-weight: 700; line-height: 1.5;
  text-align: center; white-space: nowrap; font-variant-numeric: tabular-nums; }
.c0 { --c: var(--c0); } .c1 { --c: var(--c1); } .c2 { --c: var(--c2); } .c3 { --c: var(--c3); } .c4 { --c: var(--c4); } .c5 { --c: var(--c5); }
.bar > .c0, .bar > .c1, .bar > .c2, .bar > .c3, .bar > .c4, .bar > .c5 { background: var(--c); }
.badge.c0 { border-style: dashed; }
.topics, .checklist { list-style: none; padding: 0; margin: 0 0 .75rem; }
.topic, .question { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: .2rem .65rem; align-items: baseline;
  padding: .45rem 0; border-bottom: 1px solid var(--line); break-inside: avoid; page-break-inside: avoid; }
.topic > .text, .question > .text { font-weight: 500; }
.detail, .notes { grid-column: 2; font-size: .95rem; min-width: 0; }
.detail { color: var(--muted); }
.notes { border-left: 3px solid var(--line); padding-left: .65rem; }
.detail > :first-child, .notes > :first-child, .section-notes > :first-child { margin-top: 0; }
.detail > :last-child, .notes > :last-child, .section-notes > :last-child { margin-bottom: 0; }
.notes ul, .notes ol, .brief ul, .brief ol, .section-notes ul, .section-notes ol { padding-left: 1.3rem; margin: .3rem 0; }
.tick { font-size: 1.15rem; line-height: 1; }
.section-notes { background: var(--card); border-radius: .45rem; padding: .6rem .8rem; margin: .5rem 0 1rem; }
.section-notes .label { margin-top: 0; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "D2Coding", monospace; font-size: .9em; background: var(--card); padding: 0 .25em; border-radius: .2rem; }
pre { background: var(--card); padding: .5rem .75rem; border-radius: .35rem; white-space: pre-wrap; }
pre code { background: none; padding: 0; }
blockquote { margin: .5rem 0; padding-left: .75rem; border-left: 3px solid var(--line); color: var(--muted); }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .2rem .5rem; text-align: left; vertical-align: top; }
footer { margin-top: 2.5rem; font-size: .85rem; }
@media print {
  body { font-size: 10.5pt; background: #fff; color: #000; }
  main { max-width: none; padding: 0; }
  h1, h2, h3, h4, h5, h6, .label { break-after: avoid; page-break-after: avoid; }
  .topic, .question, pre, blockquote, tr, .levels li { break-inside: avoid; page-break-inside: avoid; }
  .badge, .bar, .bar > span, .section-notes { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; color: #444; }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_in_notes_becomes_text() {
        let html = markdown(
            "<script>alert(1)</script>\n\nhi <img src=x onerror=alert(1)>",
            0,
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
    }

    #[test]
    fn unsafe_links_lose_their_target_but_keep_their_text() {
        let html = markdown(
            "[x](javascript:alert(1)) [ok](https://example.com) ![pic](data:image/png;base64,AA) <javascript:alert(2)>",
            0,
        );
        assert!(
            !html.to_ascii_lowercase().contains("javascript:alert(1)\""),
            "{html}"
        );
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(!html.contains("href=\"data"), "{html}");
        assert!(
            html.contains("<a href=\"https://example.com\">ok</a>"),
            "{html}"
        );
        assert!(html.contains(">x") || html.contains("x "), "{html}");
        assert!(html.contains("pic"), "{html}");
        assert!(!html.contains("<img"), "{html}");
    }

    #[test]
    fn headings_in_notes_sit_below_the_section_headings() {
        let html = markdown("# Big\n\n###### Tiny", 3);
        assert!(html.contains("<h4>Big</h4>"), "{html}");
        assert!(html.contains("<h6>Tiny</h6>"), "{html}");
    }
}
