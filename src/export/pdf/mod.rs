//! The summary as a PDF, written directly: parley lays the text out with the
//! bundled Nanum Gothic, krilla writes it as real text (selectable, with
//! `ToUnicode` maps) in embedded, subset fonts. No browser, no system fonts, so
//! every machine produces the same file.
//!
//! The flow of blocks ([`flow`]) is split into pages ([`paginate`]) as it is
//! made, twice: once to count the pages, so each footer can say "Page 2 of
//! 5", then to draw each page as soon as it is full. Only the blocks of the
//! pages in flight are held, whatever the document's length.

mod block;
mod flow;
mod notes;
mod paginate;
mod sheet;
mod text;

use std::collections::VecDeque;

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
use flow::{Flow, MUTED, Sink};
use paginate::{Blocks, Pager, Placed};
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
///
/// Streamed, so memory stays bounded by the pages in flight rather than the
/// document: the flow is laid out twice, block by block, each block placed
/// as soon as what travels with it is known and dropped once its page is
/// done. The first pass only counts the pages (for "Page 2 of 5"), the
/// second draws each page as it fills. Only krilla's finished page streams
/// (compressed) and the font subsets grow with the document.
pub fn render(
    s: &Summary<'_>,
    paper: Paper,
    now: NaiveDateTime,
    tr: &Tr,
) -> Result<Vec<u8>, ExportError> {
    let (w, h) = paper.size_pt();
    let bottom = h - MARGIN_BOTTOM;
    let mut engine = Engine::new()?;

    let mut total = 0;
    let mut count = Stream::new(
        MARGIN_TOP,
        bottom,
        |_: &mut Engine, _: &[String], _: &Window, _: &[Placed]| {
            total += 1;
            Ok(())
        },
    );
    let links = stream_flow(&mut engine, w, s, tr, &mut count);
    count.finish(&mut engine, &links)?;

    let mut doc = Document::new();
    let mut n = 0;
    let mut draw = Stream::new(
        MARGIN_TOP,
        bottom,
        |engine: &mut Engine, links: &[String], window: &Window, placed: &[Placed]| {
            n += 1;
            let number = tr.t_args("export-page", &[("n", n.into()), ("total", total.into())]);
            draw_page(
                &mut doc,
                engine,
                (window, placed, links),
                (&s.title, &number),
                paper,
            )
        },
    );
    let links = stream_flow(&mut engine, w, s, tr, &mut draw);
    draw.finish(&mut engine, &links)?;
    finish(doc, &s.title, now)
}

/// Builds the summary's flow into `sink`; returns the link targets.
fn stream_flow(
    engine: &mut Engine,
    page_width: f32,
    s: &Summary<'_>,
    tr: &Tr,
    sink: &mut dyn Sink,
) -> Vec<String> {
    let mut flow = Flow::streaming(engine, page_width - 2.0 * MARGIN_X, sink);
    flow::build(&mut flow, s, tr);
    flow.finish();
    std::mem::take(&mut flow.links)
}

/// The blocks in flight, by their index in the flow.
struct Window {
    blocks: VecDeque<Block>,
    /// The index of the first one held.
    base: usize,
}

impl Blocks for Window {
    fn block(&self, i: usize) -> Option<&Block> {
        self.blocks.get(i.checked_sub(self.base)?)
    }
}

/// A [`Sink`] that places blocks on pages as they come and hands each
/// finished page to `on_page`, then drops the blocks no page still needs.
struct Stream<F> {
    window: Window,
    pager: Pager,
    /// The next block to place.
    next: usize,
    on_page: F,
    /// The first failure of `on_page`; later pages are not drawn.
    failed: Option<ExportError>,
}

impl<F> Stream<F>
where
    F: FnMut(&mut Engine, &[String], &Window, &[Placed]) -> Result<(), ExportError>,
{
    fn new(top: f32, bottom: f32, on_page: F) -> Self {
        Self {
            window: Window {
                blocks: VecDeque::new(),
                base: 0,
            },
            pager: Pager::new(top, bottom),
            next: 0,
            on_page,
            failed: None,
        }
    }

    /// Places every block whose followers are known (all of them at the end).
    fn place(&mut self, engine: &mut Engine, links: &[String], all: bool) {
        let end = self.window.base + self.window.blocks.len();
        while self.next < end && (all || self.next + paginate::MAX_CHAIN < end) {
            self.pager.place(&self.window, self.next);
            self.next += 1;
            self.pages_done(engine, links);
            let keep = self.pager.first_open().unwrap_or(self.next).min(self.next);
            while self.window.base < keep && self.window.blocks.pop_front().is_some() {
                self.window.base += 1;
            }
        }
    }

    fn pages_done(&mut self, engine: &mut Engine, links: &[String]) {
        for page in self.pager.take_done() {
            if self.failed.is_none()
                && let Err(e) = (self.on_page)(engine, links, &self.window, &page)
            {
                self.failed = Some(e);
            }
        }
    }

    /// The flow has ended: the rest is placed and the last page handed on.
    fn finish(mut self, engine: &mut Engine, links: &[String]) -> Result<(), ExportError> {
        self.place(engine, links, true);
        self.pager.finish();
        self.pages_done(engine, links);
        self.failed.map_or(Ok(()), Err)
    }
}

impl<F> Sink for Stream<F>
where
    F: FnMut(&mut Engine, &[String], &Window, &[Placed]) -> Result<(), ExportError>,
{
    fn block(&mut self, engine: &mut Engine, links: &[String], block: Block) {
        self.window.blocks.push_back(block);
        self.place(engine, links, false);
    }
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
    pages: &[Vec<Placed>],
    links: &[String],
    engine: &mut Engine,
    footer: (&str, &dyn Fn(usize, usize) -> String),
    paper: Paper,
    now: NaiveDateTime,
) -> Result<Vec<u8>, ExportError> {
    let (title, number) = footer;
    let mut doc = Document::new();
    let total = pages.len();
    for (n, placed) in pages.iter().enumerate() {
        draw_page(
            &mut doc,
            engine,
            (blocks, placed, links),
            (title, &number(n + 1, total)),
            paper,
        )?;
    }
    finish(doc, title, now)
}

/// Draws one page: its placed blocks, the footer (`footer.0` on the left,
/// `footer.1` on the right) and its link annotations.
fn draw_page(
    doc: &mut Document,
    engine: &mut Engine,
    content: (&(impl Blocks + ?Sized), &[Placed], &[String]),
    footer: (&str, &str),
    paper: Paper,
) -> Result<(), ExportError> {
    let (blocks, placed, links) = content;
    let (w, h) = paper.size_pt();
    let settings =
        PageSettings::from_wh(w, h).ok_or_else(|| ExportError::Pdf("bad page size".into()))?;
    let mut page = doc.start_page_with(settings);
    let mut link_rects = Vec::new();
    let mut surface = page.surface();
    for p in placed {
        if let Some(block) = blocks.block(p.block) {
            block.draw(
                &mut surface,
                engine,
                (p.lines.clone(), p.top, p.joined),
                (MARGIN_X, w - MARGIN_X),
                &mut link_rects,
            );
        }
    }
    draw_footer(&mut surface, engine, footer, (w, h));
    surface.finish();
    for (rect, index) in link_rects {
        if let Some(url) = links.get(index as usize) {
            let target = Target::Action(LinkAction::new(url.clone()).into());
            page.add_annotation(LinkAnnotation::new(rect, target).into());
        }
    }
    page.finish();
    Ok(())
}

/// The document's metadata, then its bytes.
fn finish(mut doc: Document, title: &str, now: NaiveDateTime) -> Result<Vec<u8>, ExportError> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{ExportOptions, Format};
    use crate::i18n::Lang;
    use crate::model::{Confidence, Group, Id, Item, Notebook, Section, SectionKind};

    /// `groups` groups of 10 topics, each with a note, so a few hundred
    /// blocks make a page every dozen or so.
    fn notebook(groups: u64) -> Notebook {
        let mut nb = Notebook::default();
        let groups = (0..groups)
            .map(|g| Group {
                id: Id(1_000_000 + g),
                title: Some(format!("Group {g}")),
                items: (0..10)
                    .map(|i| Item {
                        confidence: Confidence::Okay,
                        notes: format!("A note on topic {g}.{i}, long enough to wrap onto a second line of the page at this size."),
                        ..Item::new(Id(g * 10 + i + 1), format!("Topic {g}.{i}"))
                    })
                    .collect(),
            })
            .collect();
        nb.sections.push(Section {
            title: "Topics".into(),
            kind: SectionKind::Topics,
            groups,
            ..Section::default()
        });
        nb
    }

    /// The pages the stream places, with how many blocks were held when
    /// each was finished.
    fn streamed(nb: &Notebook) -> (Vec<Vec<Placed>>, Vec<usize>) {
        let tr = Tr::new(Lang::En);
        let s = Summary::build(
            nb,
            &ExportOptions::default(),
            Format::Pdf,
            NaiveDateTime::default(),
            &tr,
        );
        let (w, h) = Paper::A4.size_pt();
        let mut engine = Engine::new().unwrap();
        let mut pages = Vec::new();
        let mut held = Vec::new();
        let mut stream = Stream::new(
            MARGIN_TOP,
            h - MARGIN_BOTTOM,
            |_: &mut Engine, _: &[String], window: &Window, placed: &[Placed]| {
                pages.push(placed.to_vec());
                held.push(window.blocks.len());
                Ok(())
            },
        );
        let links = stream_flow(&mut engine, w, &s, &tr, &mut stream);
        stream.finish(&mut engine, &links).unwrap();
        (pages, held)
    }

    /// The same pages as placing the whole flow at once: keep-with-next
    /// chains, split paragraphs and all.
    #[test]
    fn streamed_pages_are_the_pages_of_the_whole_flow() {
        let nb = notebook(30);
        let tr = Tr::new(Lang::En);
        let s = Summary::build(
            &nb,
            &ExportOptions::default(),
            Format::Pdf,
            NaiveDateTime::default(),
            &tr,
        );
        let (w, h) = Paper::A4.size_pt();
        let mut engine = Engine::new().unwrap();
        let mut flow = Flow::new(&mut engine, w - 2.0 * MARGIN_X);
        flow::build(&mut flow, &s, &tr);
        let whole = paginate::paginate(&flow.blocks, MARGIN_TOP, h - MARGIN_BOTTOM);
        let (pages, _) = streamed(&nb);
        assert!(whole.len() > 10, "{} pages", whole.len());
        assert_eq!(pages, whole);
    }

    /// Memory bounded by the pages in flight: however long the document,
    /// only the blocks of the page being filled and the few that must
    /// travel with the next are held (all of them were before: 5,707 pages
    /// of an 8 MB brief took 1.9 GB).
    #[test]
    fn a_long_document_holds_only_the_blocks_of_the_pages_in_flight() {
        let (pages, held) = streamed(&notebook(150));
        let blocks: usize = pages.iter().map(Vec::len).sum();
        let most = held.iter().copied().max().unwrap_or(0);
        assert!(pages.len() > 80, "{} pages", pages.len());
        assert!(most <= 60, "{most} of {blocks} blocks held at once");
    }
}
