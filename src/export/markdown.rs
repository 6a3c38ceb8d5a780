//! The summary as standard Markdown: renders well on GitHub and re-imports into
//! Prepkit (`#` title, `##` sections, topics as list items under their group
//! label, so "a list item with sub-items is a group" holds).
//!
//! User text that is plain (titles, topics, questions) is escaped so it cannot
//! open a list, a heading, a link or HTML. User Markdown (notes, brief text)
//! is kept, but its headings are demoted below the section headings, raw HTML
//! is shown as text, and it is nested in a block quote so an unclosed fence
//! or quote ends with its note.

use std::fmt::Write as _;
use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::summary::{Body, GroupView, ItemView, SectionView, Summary, badge_label};
use super::url;
use crate::i18n::Tr;

/// Width of a bar standing for all topics, in block characters.
const BAR_WIDTH: usize = 20;

/// Renders the summary as a Markdown document (ending in a newline), its
/// labels in the language of `tr`.
pub fn render(s: &Summary<'_>, tr: &Tr) -> String {
    let mut out = String::with_capacity(4096);
    let _ = writeln!(out, "# {}\n", escape_inline(&s.title));
    header(&mut out, s, tr);
    for section in &s.sections {
        section_md(&mut out, section, tr);
    }
    end_with_one_newline(out)
}

/// The text with one trailing newline, however the last block ended.
pub fn end_with_one_newline(mut out: String) -> String {
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

fn header(out: &mut String, s: &Summary<'_>, tr: &Tr) {
    let mut lines = Vec::new();
    let company_role = s.company_role();
    if !company_role.is_empty() {
        lines.push(escape_inline(&company_role));
    }
    if let Some(iv) = &s.interview {
        lines.push(format!(
            "{}: **{}** ({})",
            tr.t("export-interview"),
            iv.when,
            iv.countdown
        ));
    }
    lines.push(tr.t_args(
        "export-exported",
        &[("date", s.exported_on.as_str().into())],
    ));
    // Two trailing spaces: a hard line break that CommonMark and GitHub honour.
    let _ = writeln!(out, "{}\n", lines.join("  \n"));

    let total = s.confidence.total();
    if total > 0 {
        let _ = writeln!(
            out,
            "**{}** ({})\n",
            tr.t("export-confidence"),
            tr.t_args("export-topic-count", &[("n", total.into())])
        );
        for (level, n) in s.confidence.rows() {
            let _ = writeln!(out, "- `{}` {n} {}", badge_label(level, tr), bar(n, total));
        }
        out.push('\n');
    }
    if s.checklist.total > 0 {
        let _ = writeln!(
            out,
            "**{}:** {} ({:.0}%)\n",
            tr.t("export-questions-asked"),
            done_of(s.checklist.done, s.checklist.total, tr),
            s.checklist.fraction() * 100.0
        );
    }
    if let Some(note) = s.filter_note(tr) {
        let _ = writeln!(out, "*{}*\n", escape_inline(&note));
    }
}

/// A bar for `n` out of `total` (the share, as in the HTML and PDF), at
/// least one block when `n > 0`.
fn bar(n: usize, total: usize) -> String {
    if n == 0 || total == 0 {
        return String::new();
    }
    let len = ((n * BAR_WIDTH + total / 2) / total).clamp(1, BAR_WIDTH);
    "█".repeat(len)
}

/// "3 of 8" in the language of `tr`.
pub fn done_of(done: usize, total: usize, tr: &Tr) -> String {
    tr.t_args(
        "export-done-of",
        &[("done", done.into()), ("total", total.into())],
    )
}

fn section_md(out: &mut String, section: &SectionView<'_>, tr: &Tr) {
    let _ = writeln!(out, "## {}\n", escape_inline(&section.title));
    if let Some(brief) = section.brief {
        let _ = writeln!(out, "{}\n", embed(brief, HeadingLevel::H3).trim_end());
    }
    if let Some(notes) = section.notes {
        let quoted = quote(&format!(
            "**{}**\n\n{}",
            tr.t("export-my-notes"),
            embed(notes, HeadingLevel::H3)
        ));
        let _ = writeln!(out, "{quoted}\n");
    }
    match &section.body {
        Body::Prose => {}
        Body::Topics { groups, hidden } => {
            if groups.is_empty() && *hidden == 0 {
                let _ = writeln!(out, "*{}*\n", tr.t("export-no-topics"));
            }
            groups_md(out, groups, false, tr);
            if *hidden > 0 {
                let _ = writeln!(
                    out,
                    "*{}*\n",
                    tr.t_args("export-hidden", &[("n", (*hidden).into())])
                );
            }
        }
        Body::Checklist { groups, progress } => {
            if groups.is_empty() {
                let _ = writeln!(out, "*{}*\n", tr.t("export-no-questions"));
            } else {
                let _ = writeln!(out, "{}\n", asked(progress.done, progress.total, tr));
            }
            groups_md(out, groups, true, tr);
        }
    }
}

/// "3 of 8 asked." in the language of `tr`.
pub fn asked(done: usize, total: usize, tr: &Tr) -> String {
    tr.t_args(
        "export-asked",
        &[("done", done.into()), ("total", total.into())],
    )
}

fn groups_md(out: &mut String, groups: &[GroupView<'_>], checklist: bool, tr: &Tr) {
    if groups.is_empty() {
        return;
    }
    for group in groups {
        let indent = if let Some(title) = group.title {
            let _ = writeln!(out, "- **{}**", escape_inline(title));
            "  "
        } else {
            ""
        };
        for item in &group.items {
            item_md(out, item, indent, checklist, tr);
        }
    }
    out.push('\n');
}

fn item_md(out: &mut String, item: &ItemView<'_>, indent: &str, checklist: bool, tr: &Tr) {
    let marker = if checklist {
        if item.done { "[x]" } else { "[ ]" }.to_owned()
    } else {
        format!("`{}`", badge_label(item.confidence, tr))
    };
    let _ = writeln!(out, "{indent}- {marker} {}", escape_inline(item.text));
    // Content nested in the item starts at the column after "- ".
    let inner = format!("{indent}  ");
    if let Some(detail) = item.detail {
        out.push('\n');
        let _ = writeln!(
            out,
            "{}",
            indent_lines(embed(detail, HeadingLevel::H4).trim_end(), &inner)
        );
        out.push('\n');
    }
    if let Some(notes) = item.notes {
        // A block quote may interrupt the item's paragraph, so the list stays tight.
        let quoted = quote(embed(notes, HeadingLevel::H4).trim_end());
        let _ = writeln!(out, "{}", indent_lines(&quoted, &inner));
    }
}

/// Prefixes every line with `> ` (a bare `>` on blank lines).
pub fn quote(text: &str) -> String {
    text.trim_end()
        .lines()
        .map(|l| {
            if l.is_empty() {
                ">".to_owned()
            } else {
                format!("> {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Prefixes every non-blank line with `prefix`.
fn indent_lines(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|l| {
            if l.trim().is_empty() {
                String::new()
            } else {
                format!("{prefix}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Escapes plain text so it reads as itself inside a paragraph, heading or
/// list item: line breaks become spaces, and characters that could start
/// emphasis, code, links, HTML, headings or list markers are backslashed.
pub fn escape_inline(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(collapsed.len() + 8);
    for (i, c) in collapsed.char_indices() {
        // `&` only where it would start an entity (`&amp;`, `&#38;`): a
        // heading read "Python \& FastAPI" in every Markdown viewer.
        let entity = c == '&' && starts_entity(collapsed.get(i + 1..).unwrap_or_default());
        if entity
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    // At the start of a line, these would open a list, a quote or a heading.
    let first = out.chars().next();
    if matches!(first, Some('-' | '+' | '=')) {
        out.insert(0, '\\');
    } else if first.is_some_and(|c| c.is_ascii_digit()) {
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        if matches!(out.get(digits..=digits), Some("." | ")")) {
            out.insert(digits, '\\');
        }
    }
    out
}

/// True if `rest` (what follows a `&`) would make it a character reference:
/// a name or `#` and digits, then `;`.
fn starts_entity(rest: &str) -> bool {
    let body: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .collect();
    !body.is_empty() && rest.get(body.len()..).is_some_and(|r| r.starts_with(';'))
}

/// Prepares user Markdown for nesting in the export: headings shallower than
/// `min` are demoted to it, raw HTML is escaped so it shows as text, and a
/// link or image with an unsafe target (`javascript:`…) becomes its label.
fn embed(md: &str, min: HeadingLevel) -> String {
    // Nesting capped as in briefs: deep lists stay text, parsed in linear time.
    let (md, _) = crate::brief::cap_nesting(md);
    let md = md.as_ref();
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    // An unsafe link being replaced: its source range, nesting, label so far.
    let mut unsafe_link: Option<(Range<usize>, usize, String)> = None;
    let parser = Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    for (event, range) in parser.into_offset_iter() {
        if let Some((_, depth, label)) = unsafe_link.as_mut() {
            match &event {
                Event::Start(Tag::Link { .. } | Tag::Image { .. }) => *depth += 1,
                Event::End(TagEnd::Link | TagEnd::Image) if *depth > 0 => *depth -= 1,
                Event::End(TagEnd::Link | TagEnd::Image) => {
                    if let Some((whole, _, label)) = unsafe_link.take() {
                        edits.push((whole, escape_inline(&label)));
                    }
                }
                Event::Text(t) | Event::Code(t) => label.push_str(t),
                Event::SoftBreak | Event::HardBreak => label.push(' '),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !url::is_safe(&dest_url) =>
            {
                unsafe_link = Some((range, 0, String::new()));
            }
            Event::Start(Tag::Heading { level, .. }) if level < min => {
                heading_edits(md, range, min as usize, &mut edits);
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                let Some(raw) = md.get(range.clone()) else {
                    continue;
                };
                if raw.contains('<') {
                    edits.push((range, raw.replace('<', "&lt;")));
                }
            }
            _ => {}
        }
    }
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(md.len() + 16);
    let mut pos = 0;
    for (range, replacement) in edits {
        if range.start < pos {
            continue; // Overlapping edits cannot happen; be safe anyway.
        }
        out.push_str(md.get(pos..range.start).unwrap_or_default());
        out.push_str(&replacement);
        pos = range.end;
    }
    out.push_str(md.get(pos..).unwrap_or_default());
    out
}

/// Edits that turn the heading at `range` into an ATX heading of level `min`.
fn heading_edits(
    md: &str,
    range: Range<usize>,
    min: usize,
    edits: &mut Vec<(Range<usize>, String)>,
) {
    let Some(src) = md.get(range.clone()) else {
        return;
    };
    let hashes = "#".repeat(min);
    let lead = src.len() - src.trim_start_matches(' ').len();
    let start = range.start + lead;
    if src.trim_start_matches(' ').starts_with('#') {
        // ATX: "## Title" becomes "### Title"; the level is the run of '#'.
        let run = src
            .trim_start_matches(' ')
            .chars()
            .take_while(|&c| c == '#')
            .count();
        edits.push((start..start + run, hashes));
    } else {
        // Setext: "Title\n===" becomes "### Title"; drop the underline line.
        edits.push((start..start, format!("{hashes} ")));
        let body = src.trim_end_matches(['\n', '\r']);
        if let Some(nl) = body.rfind('\n') {
            edits.push((range.start + nl..range.start + body.len(), String::new()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ampersand_is_escaped_only_where_it_would_start_an_entity() {
        assert_eq!(escape_inline("Python & FastAPI"), "Python & FastAPI");
        assert_eq!(escape_inline("R&D"), "R&D");
        assert_eq!(escape_inline("a &amp; b &#38;"), "a \\&amp; b \\&\\#38;");
        assert_eq!(escape_inline("fish &chips;"), "fish \\&chips;");
    }

    #[test]
    fn plain_text_cannot_open_structure() {
        assert_eq!(escape_inline("- not a list"), "\\- not a list");
        assert_eq!(escape_inline("1. not a list"), "1\\. not a list");
        assert_eq!(escape_inline("# not a heading"), "\\# not a heading");
        assert_eq!(escape_inline("<b>x</b>"), "\\<b\\>x\\</b\\>");
        assert_eq!(
            escape_inline("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(escape_inline("two\nlines"), "two lines");
        assert_eq!(escape_inline("비동기 처리"), "비동기 처리");
    }

    #[test]
    fn embedded_headings_are_demoted_and_html_escaped() {
        let out = embed(
            "# Top\n\nSub\n---\n\n<script>x</script>\n\nok <b>b</b>\n",
            HeadingLevel::H3,
        );
        assert!(out.starts_with("### Top\n"), "{out}");
        assert!(out.contains("### Sub\n"), "{out}");
        assert!(!out.contains("---"), "{out}");
        assert!(out.contains("&lt;script>x&lt;/script>"), "{out}");
        assert!(out.contains("ok &lt;b>b&lt;/b>"), "{out}");
        // Script links keep their label and lose their target.
        assert_eq!(
            embed("see [x *y*](javascript:alert(1)) ok\n", HeadingLevel::H3),
            "see x y ok\n"
        );
        assert_eq!(
            embed("![a](data:x) [b](https://e.com)\n", HeadingLevel::H3),
            "a [b](https://e.com)\n"
        );
        // Deep enough headings are left alone.
        assert_eq!(embed("#### Deep\n", HeadingLevel::H3), "#### Deep\n");
    }
}
