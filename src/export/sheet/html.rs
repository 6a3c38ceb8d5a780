//! The interview-day sheet and the story sheet as one self-contained HTML
//! page: large on screen, one sheet of paper when printed, tick boxes with a
//! line for each answer.

use std::fmt::Write as _;

use super::stories::{StorySheet, field_label};
use super::{Part, Sheet};
use crate::export::Paper;
use crate::export::html::{STYLE, badge, esc, head, tick};
use crate::i18n::Tr;

/// Renders the sheet, fitted to one page of `paper`, as HTML.
pub fn render(sheet: Sheet<'_>, paper: Paper, tr: &Tr) -> String {
    let s = sheet.fit_rows(paper);
    let title = format!("{} — {}", tr.t("export-sheet-title"), s.notebook);
    let mut out = open(&title, &s.when, &s.who, paper, tr);
    for part in s.parts() {
        let _ = writeln!(
            out,
            "<section class=\"sheet\">\n<h2>{}</h2>",
            esc(&tr.t(part.heading_key()))
        );
        match part {
            Part::Values => {
                out.push_str("<ul class=\"values\">\n");
                for v in &s.values {
                    let _ = writeln!(out, "<li>{}</li>", esc(v));
                }
                out.push_str("</ul>\n");
            }
            Part::Weakest => {
                out.push_str("<ul class=\"topics\">\n");
                for t in &s.weakest {
                    let _ = write!(
                        out,
                        "<li class=\"topic\">{}<span class=\"text\">{}</span>",
                        badge(t.confidence, tr),
                        esc(t.text)
                    );
                    if let Some(note) = &t.note {
                        let _ = write!(out, "<div class=\"notes\">{}</div>", esc(note));
                    }
                    out.push_str("</li>\n");
                }
                out.push_str("</ul>\n");
            }
            Part::Questions => {
                out.push_str("<ul class=\"checklist\">\n");
                for q in &s.questions {
                    let _ = writeln!(
                        out,
                        "<li class=\"question\">{}<span class=\"text\">{}</span><div class=\"answer\">{}</div></li>",
                        tick(q.done, tr),
                        esc(q.text),
                        q.answer.as_deref().map(esc).unwrap_or_default()
                    );
                }
                out.push_str("</ul>\n");
            }
            Part::Pinned => {
                for p in &s.pinned {
                    let _ = writeln!(out, "<h3>{}</h3>\n<div class=\"pinned\">", esc(&p.title));
                    let last = p.lines.len().saturating_sub(1);
                    for (i, line) in p.lines.iter().enumerate() {
                        let more = if p.cut && i == last { " …" } else { "" };
                        let _ = writeln!(out, "<p>{}{more}</p>", esc(line));
                    }
                    out.push_str("</div>\n");
                }
            }
        }
        if let Some(more) = s.more(part, tr) {
            let _ = writeln!(out, "<p class=\"muted\">{}</p>", esc(&more));
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The page up to its first section: the document `title`, the sheet's
/// styles for `paper`, the large `heading` and the `who` line.
fn open(title: &str, heading: &str, who: &str, paper: Paper, tr: &Tr) -> String {
    let mut out = String::with_capacity(8 * 1024);
    let style = format!(
        "{STYLE}{SHEET_STYLE}@page {{ size: {}; margin: 15mm; }}\n",
        paper.css_name()
    );
    head(&mut out, title, &style, tr);
    let _ = writeln!(out, "<header class=\"sheet\">\n<h1>{}</h1>", esc(heading));
    if !who.is_empty() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(who));
    }
    out.push_str("</header>\n");
    out
}

/// The sheet's additions to the summary's styles: a large countdown, tight
/// rows, and a ruled line under each question for the answer.
const SHEET_STYLE: &str = r".sheet h1 { font-size: 2rem; }
section.sheet h2 { margin: 1.1rem 0 .4rem; font-size: 1.2rem; }
.values { margin: 0; padding-left: 1.2rem; }
.sheet .topic, .sheet .question { padding: .25rem 0; }
.answer { grid-column: 2; min-height: 1.5em; border-bottom: 1px solid var(--line); color: var(--muted); }
.pinned p { margin: .1rem 0; }
@media print {
  body { font-size: 10.5pt; }
  .sheet h1 { font-size: 17pt; }
  section.sheet h2 { font-size: 12.5pt; margin: 9pt 0 3pt; }
}
";

/// Renders the story sheet, fitted to one page of `paper`, as HTML.
pub fn render_stories(sheet: StorySheet, paper: Paper, tr: &Tr) -> String {
    let s = sheet.fit_rows(paper);
    let title = format!("{} — {}", s.title, s.notebook);
    let mut out = open(&title, &s.title, &s.who, paper, tr);
    for v in &s.values {
        let _ = writeln!(
            out,
            "<section class=\"sheet\">\n<h2>{}</h2>\n<ul class=\"topics\">",
            esc(&v.label)
        );
        for c in &v.stories {
            let _ = write!(
                out,
                "<li class=\"topic\">{}<span class=\"text\">{}</span>",
                badge(c.confidence, tr),
                esc(&c.title)
            );
            for (field, line) in &c.lines {
                let _ = write!(
                    out,
                    "<div class=\"notes\"><em>{}:</em> {}</div>",
                    esc(&field_label(*field, tr)),
                    esc(line)
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
        if let Some(more) = StorySheet::more_line(v, tr) {
            let _ = writeln!(out, "<p class=\"muted\">{}</p>", esc(&more));
        }
        out.push_str("</section>\n");
    }
    if let Some(more) = s.more_values(tr) {
        let _ = writeln!(out, "<p class=\"muted\">{}</p>", esc(&more));
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
