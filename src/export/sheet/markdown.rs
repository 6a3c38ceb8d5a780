//! The interview-day sheet and the story sheet as Markdown: one printed
//! page, tick boxes GitHub renders, and a line to write each answer on.

use std::fmt::Write as _;

use super::stories::{StorySheet, field_label};
use super::{Part, Sheet};
use crate::export::Paper;
use crate::export::markdown::{end_with_one_newline, escape_inline};
use crate::export::summary::badge_label;
use crate::i18n::Tr;

/// Renders the sheet, fitted to one page of `paper`, as Markdown.
pub fn render(sheet: Sheet<'_>, paper: Paper, tr: &Tr) -> String {
    let s = sheet.fit_rows(paper);
    let mut out = String::with_capacity(4096);
    let _ = writeln!(out, "# {}\n", escape_inline(&s.when));
    if !s.who.is_empty() {
        let _ = writeln!(out, "{}\n", escape_inline(&s.who));
    }
    for part in s.parts() {
        let _ = writeln!(out, "## {}\n", escape_inline(&tr.t(part.heading_key())));
        match part {
            Part::Values => {
                for v in &s.values {
                    let _ = writeln!(out, "- {}", escape_inline(v));
                }
            }
            Part::Weakest => {
                for t in &s.weakest {
                    let _ = write!(
                        out,
                        "- `{}` **{}**",
                        badge_label(t.confidence, tr),
                        escape_inline(t.text)
                    );
                    if let Some(note) = &t.note {
                        let _ = write!(out, "  \n  {}", escape_inline(note));
                    }
                    out.push('\n');
                }
            }
            Part::Questions => {
                // A run of underscores between spaces is literal text.
                let answer = format!(
                    "{} ______________________________",
                    escape_inline(&tr.t("export-sheet-answer"))
                );
                for q in &s.questions {
                    let tick = if q.done { "[x]" } else { "[ ]" };
                    let _ = writeln!(out, "- {tick} {}  ", escape_inline(q.text));
                    match &q.answer {
                        Some(a) => {
                            let _ = writeln!(out, "  {}", escape_inline(a));
                        }
                        None => {
                            let _ = writeln!(out, "  {answer}");
                        }
                    }
                }
            }
            Part::Pinned => {
                for p in &s.pinned {
                    let _ = writeln!(out, "### {}\n", escape_inline(&p.title));
                    let last = p.lines.len().saturating_sub(1);
                    for (i, line) in p.lines.iter().enumerate() {
                        let more = if p.cut && i == last { " …" } else { "" };
                        let end = if i == last { "" } else { "  " };
                        let _ = writeln!(out, "{}{more}{end}", escape_inline(line));
                    }
                    out.push('\n');
                }
            }
        }
        if let Some(more) = s.more(part, tr) {
            let _ = writeln!(out, "\n*{}*", escape_inline(&more));
        }
        out.push('\n');
    }
    end_with_one_newline(out)
}

/// Renders the story sheet, fitted to one page of `paper`, as Markdown.
pub fn render_stories(sheet: StorySheet, paper: Paper, tr: &Tr) -> String {
    let s = sheet.fit_rows(paper);
    let mut out = String::with_capacity(4096);
    let _ = writeln!(out, "# {}\n", escape_inline(&s.title));
    if !s.who.is_empty() {
        let _ = writeln!(out, "{}\n", escape_inline(&s.who));
    }
    for v in &s.values {
        let _ = writeln!(out, "## {}\n", escape_inline(&v.label));
        for c in &v.stories {
            let _ = write!(
                out,
                "- `{}` **{}**",
                badge_label(c.confidence, tr),
                escape_inline(&c.title)
            );
            for (field, line) in &c.lines {
                let label = escape_inline(&field_label(*field, tr));
                let _ = write!(out, "  \n  *{label}:* {}", escape_inline(line));
            }
            out.push('\n');
        }
        if let Some(more) = StorySheet::more_line(v, tr) {
            let _ = writeln!(out, "\n*{}*", escape_inline(&more));
        }
        out.push('\n');
    }
    if let Some(more) = s.more_values(tr) {
        let _ = writeln!(out, "*{}*", escape_inline(&more));
    }
    end_with_one_newline(out)
}
