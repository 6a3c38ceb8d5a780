//! The summary as a PDF, written directly: parley lays the text out with the
//! bundled Nanum Gothic, krilla writes it as real text (selectable, with
//! `ToUnicode` maps) in embedded, subset fonts. No browser, no system fonts, so
//! every machine produces the same file.
//!
//! The flow of blocks ([`flow`]) is split into pages ([`paginate`]) before
//! anything is drawn, so each footer can say "Page 2 of 5".

mod block;
mod flow;
mod notes;
mod paginate;
mod sheet;
mod text;

use chrono::{Datelike, NaiveDateTime, Timelike};
use krilla::Document;
use krilla::action::LinkAction;
use krilla::annotation::{LinkAnnotation, Target};
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::surface::Surface;

use super::sheet::Sheet;
use super::sheet::stories::StorySheet;
use super::summary::Summary;
use super::{ExportError, Paper};
use crate::i18n::Tr;
use block::Block;
use flow::{Flow, MUTED};
use text::{Engine, Ink, Rich, Style};

/// Left and right margin, points.
const MARGIN_X: f32 = 54.0;
/// Top margin, points.
const MARGIN_TOP: f32 = 54.0;
/// Bottom margin (the footer sits inside it), points.
const MARGIN_BOTTOM: f32 = 62.0;
/// Footer baseline, from the bottom edge.
const FOOTER_FROM_BOTTOM: f32 = 32.0;

/// Renders the summary as PDF bytes on `paper`, dated `now`, worded by `tr`.
pub fn render(
    s: &Summary<'_>,
    paper: Paper,
    now: NaiveDateTime,
    tr: &Tr,
) -> Result<Vec<u8>, ExportError> {
    let (w, _) = paper.size_pt();
    let mut engine = Engine::new()?;
    let mut flow = Flow::new(&mut engine, w - 2.0 * MARGIN_X);
    flow::build(&mut flow, s, tr);
    let Flow { blocks, links, .. } = flow;
    let footer = |n: usize, total: usize| {
        tr.t_args("export-page", &[("n", n.into()), ("total", total.into())])
    };
    let pages = paginate::paginate(&blocks, MARGIN_TOP, paper.size_pt().1 - MARGIN_BOTTOM);
    write(
        &blocks,
        &pages,
        &links,
        &mut engine,
        (&s.title, &footer),
        paper,
        now,
    )
}

/// Renders the interview-day sheet as a one-page PDF on `paper`: what does
/// not fit is cut (the weakest topics kept) before anything is drawn.
pub fn render_sheet(
    sheet: Sheet<'_>,
    paper: Paper,
    now: NaiveDateTime,
    tr: &Tr,
) -> Result<Vec<u8>, ExportError> {
    let title = format!("{} — {}", tr.t("export-sheet-title"), sheet.notebook);
    one_page(&title, paper, now, tr, |engine, width, room| {
        sheet::build(engine, sheet, width, room, tr)
    })
}

/// Renders the story sheet as a one-page PDF on `paper`: what does not fit
/// is cut (each value's weakest stories kept) before anything is drawn.
pub fn render_story_sheet(
    sheet: StorySheet,
    paper: Paper,
    now: NaiveDateTime,
    tr: &Tr,
) -> Result<Vec<u8>, ExportError> {
    let title = format!("{} — {}", sheet.title, sheet.notebook);
    one_page(&title, paper, now, tr, |engine, width, room| {
        sheet::build_stories(engine, sheet, width, room, tr)
    })
}

/// A one-page PDF titled `title`: `build` gets the engine, the content
/// box's width and its height, and returns blocks fitted to it.
fn one_page(
    title: &str,
    paper: Paper,
    now: NaiveDateTime,
    tr: &Tr,
    build: impl FnOnce(&mut Engine, f32, f32) -> (Vec<Block>, Vec<String>),
) -> Result<Vec<u8>, ExportError> {
    let (w, h) = paper.size_pt();
    let mut engine = Engine::new()?;
    let room = h - MARGIN_BOTTOM - MARGIN_TOP;
    let (blocks, links) = build(&mut engine, w - 2.0 * MARGIN_X, room);
    let exported = tr.t_args("export-exported", &[("date", tr.date(now.date()).into())]);
    let footer = |_: usize, _: usize| exported.clone();
    let mut pages = paginate::paginate(&blocks, MARGIN_TOP, h - MARGIN_BOTTOM);
    // Fitted to one page; should a rounding differ, the sheet still is one.
    pages.truncate(1);
    write(
        &blocks,
        &pages,
        &links,
        &mut engine,
        (title, &footer),
        paper,
        now,
    )
}

/// Writes the document: each page's blocks, its footer (`footer.0` on the
/// left, `footer.1(page, pages)` on the right) and its link annotations.
fn write(
    blocks: &[Block],
    pages: &[Vec<paginate::Placed>],
    links: &[String],
    engine: &mut Engine,
    footer: (&str, &dyn Fn(usize, usize) -> String),
    paper: Paper,
    now: NaiveDateTime,
) -> Result<Vec<u8>, ExportError> {
    let (w, h) = paper.size_pt();
    let (title, number) = footer;

    let mut doc = Document::new();
    let total = pages.len();
    for (n, placed) in pages.iter().enumerate() {
        let settings =
            PageSettings::from_wh(w, h).ok_or_else(|| ExportError::Pdf("bad page size".into()))?;
        let mut page = doc.start_page_with(settings);
        let mut link_rects = Vec::new();
        let mut surface = page.surface();
        for p in placed {
            if let Some(block) = blocks.get(p.block) {
                block.draw(
                    &mut surface,
                    engine,
                    (p.lines.clone(), p.top, p.joined),
                    (MARGIN_X, w - MARGIN_X),
                    &mut link_rects,
                );
            }
        }
        draw_footer(&mut surface, engine, (title, &number(n + 1, total)), (w, h));
        surface.finish();
        for (rect, index) in link_rects {
            if let Some(url) = links.get(index as usize) {
                let target = Target::Action(LinkAction::new(url.clone()).into());
                page.add_annotation(LinkAnnotation::new(rect, target).into());
            }
        }
        page.finish();
    }
    doc.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .creator("Prepkit".to_owned())
            .creation_date(pdf_date(now)),
    );
    doc.finish().map_err(|e| ExportError::Pdf(e.to_string()))
}

/// The title on the left, "Page n of N" (or another note) on the right,
/// under the content.
fn draw_footer(
    surface: &mut Surface<'_>,
    engine: &mut Engine,
    text: (&str, &str),
    size: (f32, f32),
) {
    let (title, right) = text;
    let (w, h) = size;
    let ink = Style {
        bold: false,
        ink: Ink {
            color: MUTED,
            ..Ink::default()
        },
    };
    let number = engine.layout(&Rich::plain(right, ink), 8.0, 200.0, 1.2);
    let number_x = w - MARGIN_X - number.width();
    let short: String = if title.chars().count() > 70 {
        title.chars().take(69).chain(['…']).collect()
    } else {
        title.to_owned()
    };
    let title = engine.layout(
        &Rich::plain(&short, ink),
        8.0,
        (number_x - MARGIN_X - 12.0).max(10.0),
        1.2,
    );
    let top = h - FOOTER_FROM_BOTTOM - title.baseline(0);
    let mut no_links = Vec::new();
    engine.draw(surface, &title, 0..1, (MARGIN_X, top), &mut no_links);
    let top = h - FOOTER_FROM_BOTTOM - number.baseline(0);
    engine.draw(surface, &number, 0..1, (number_x, top), &mut no_links);
}

fn pdf_date(now: NaiveDateTime) -> DateTime {
    DateTime::new(u16::try_from(now.year()).unwrap_or(2000))
        .month(now.month() as u8)
        .day(now.day() as u8)
        .hour(now.hour() as u8)
        .minute(now.minute() as u8)
        .second(now.second() as u8)
}
