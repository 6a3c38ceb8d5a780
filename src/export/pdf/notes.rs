//! User Markdown (notes, brief prose) as PDF blocks: paragraphs, headings,
//! nested lists, quotes, code, tables (as rows of text), rules; emphasis,
//! strong, inline code, strike-through and links inside them.
//!
//! Raw HTML is shown as text, images by their alt text, and a link becomes a
//! live annotation only when its scheme is safe.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::block::{Block, Kind, Marker, TextBlock};
use super::flow::Flow;
use super::text::{CODE_BACKGROUND, Ink, Rgb, Rich, Style};
use crate::export::url;

/// Where and how a piece of Markdown is set.
#[derive(Clone, Copy, Debug)]
pub struct NoteStyle {
    /// Left edge, from the content left.
    pub x: f32,
    /// Body font size.
    pub size: f32,
    /// Body text colour.
    pub color: Rgb,
    /// A bar left of every block (user notes), this far left of `x`.
    pub bar: Option<(Rgb, f32)>,
    /// The bar continues one drawn by the block before (a "My notes" label).
    pub joined: bool,
}

/// Indent per list level.
const LIST_INDENT: f32 = 13.0;
/// Indent per quote level.
const QUOTE_INDENT: f32 = 10.0;
/// Deeper lists and quotes stop moving right, so text keeps a readable width.
const MAX_INDENT: f32 = 8.0 * LIST_INDENT;
/// Colour of links.
const LINK: Rgb = [0x1a, 0x5f, 0xb4];
/// Colour of quoted text.
const QUOTED: Rgb = [0x5b, 0x61, 0x6b];

/// Appends the blocks for `md` to the flow.
pub fn push_markdown(flow: &mut Flow<'_>, md: &str, style: NoteStyle) {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut w = Walker {
        style,
        cur: Rich::new(),
        bold: 0,
        italic: 0,
        strike: 0,
        links: Vec::new(),
        lists: Vec::new(),
        quote: 0,
        marker: None,
        heading: None,
        code_block: false,
        first: !style.joined,
    };
    // Nesting capped as in briefs: deep lists stay text, parsed in linear time.
    let (md, _) = crate::brief::cap_nesting(md);
    for event in Parser::new_ext(&md, options) {
        w.event(flow, event);
    }
    w.flush(flow, Para::Body);
}

/// What kind of paragraph is being flushed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Para {
    Body,
    Heading(HeadingLevel),
    Code,
}

struct Walker {
    style: NoteStyle,
    cur: Rich,
    bold: u32,
    italic: u32,
    strike: u32,
    /// Open links and images: the link index when live.
    links: Vec<Option<u32>>,
    /// Open lists: the next number for ordered ones.
    lists: Vec<Option<u64>>,
    quote: u32,
    /// The bullet waiting for the item's first paragraph.
    marker: Option<String>,
    heading: Option<HeadingLevel>,
    code_block: bool,
    /// No block emitted yet (its bar does not reach up).
    first: bool,
}

impl Walker {
    fn event(&mut self, flow: &mut Flow<'_>, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(flow, tag),
            Event::End(tag) => self.end(flow, tag),
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                let style = self.span_style(false);
                self.cur.push(&t, style);
            }
            Event::Code(t) => {
                let style = self.span_style(true);
                self.cur.push(&t, style);
            }
            Event::SoftBreak => self.cur.push(" ", self.span_style(false)),
            Event::HardBreak => self.cur.push("\n", self.span_style(false)),
            Event::TaskListMarker(done) => {
                self.cur
                    .push(if done { "[x] " } else { "[ ] " }, self.span_style(false));
            }
            Event::Rule => {
                self.flush(flow, Para::Body);
                let x = self.x();
                flow.push(Block {
                    space_before: 6.0,
                    keep_with_next: false,
                    x,
                    kind: Kind::Rule([0xc8, 0xcc, 0xd2]),
                });
            }
            Event::FootnoteReference(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {}
        }
    }

    fn start(&mut self, flow: &mut Flow<'_>, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::HtmlBlock | Tag::Table(_) => self.flush(flow, Para::Body),
            Tag::Heading { level, .. } => {
                self.flush(flow, Para::Body);
                self.heading = Some(level);
            }
            Tag::BlockQuote(_) => {
                self.flush(flow, Para::Body);
                self.quote += 1;
            }
            Tag::CodeBlock(_) => {
                self.flush(flow, Para::Body);
                self.code_block = true;
            }
            Tag::List(start) => {
                self.flush(flow, Para::Body);
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush(flow, Para::Body);
                let bullet = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let s = format!("{n}.");
                        *n += 1;
                        s
                    }
                    _ => "•".to_owned(),
                };
                self.marker = Some(bullet);
            }
            Tag::TableCell if !self.cur.text.is_empty() => {
                self.cur.push("  |  ", self.span_style(false));
            }
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Strikethrough => self.strike += 1,
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                let live = url::is_openable(&dest_url).then(|| flow.link(&dest_url));
                self.links.push(live);
            }
            _ => {}
        }
    }

    fn end(&mut self, flow: &mut Flow<'_>, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::HtmlBlock | TagEnd::TableRow | TagEnd::Item => {
                self.flush(flow, Para::Body);
            }
            TagEnd::TableHead => {
                // Header cells in bold.
                let text = std::mem::take(&mut self.cur).text;
                self.cur = Rich::plain(
                    &text,
                    Style {
                        bold: true,
                        ink: self.span_style(false).ink,
                    },
                );
                self.flush(flow, Para::Body);
            }
            TagEnd::Heading(level) => {
                self.flush(flow, Para::Heading(level));
                self.heading = None;
            }
            TagEnd::BlockQuote(_) => {
                self.flush(flow, Para::Body);
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::CodeBlock => {
                self.flush(flow, Para::Code);
                self.code_block = false;
            }
            TagEnd::List(_) => {
                self.flush(flow, Para::Body);
                self.lists.pop();
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::Link | TagEnd::Image => {
                self.links.pop();
            }
            _ => {}
        }
    }

    fn span_style(&self, code: bool) -> Style {
        let link = self.links.iter().rev().find_map(|l| *l);
        let color = if link.is_some() {
            LINK
        } else if self.quote > 0 {
            QUOTED
        } else {
            self.style.color
        };
        Style {
            bold: self.bold > 0 || self.heading.is_some(),
            ink: Ink {
                color,
                italic: self.italic > 0,
                code: code && !self.code_block,
                strike: self.strike > 0,
                link,
            },
        }
    }

    /// Left edge of the current paragraph.
    fn x(&self) -> f32 {
        let indent = self.lists.len() as f32 * LIST_INDENT + self.quote as f32 * QUOTE_INDENT;
        self.style.x + indent.min(MAX_INDENT)
    }

    /// Turns the text gathered so far into a block.
    fn flush(&mut self, flow: &mut Flow<'_>, para: Para) {
        let mut rich = std::mem::take(&mut self.cur);
        rich.trim_end();
        if rich.is_blank() {
            return;
        }
        let x = self.x();
        let width = flow.width - x;
        let body = self.style.size;
        let (size, space_before, keep_with_next) = match para {
            Para::Heading(level) => (body + heading_boost(level), body * 0.8, true),
            Para::Code => (body * 0.9, body * 0.5, false),
            Para::Body => (
                body,
                if self.marker.is_some() && !self.first {
                    body * 0.2
                } else {
                    body * 0.45
                },
                false,
            ),
        };
        let (fill, pad) = if para == Para::Code {
            (Some(CODE_BACKGROUND), 4.0)
        } else {
            (None, 0.0)
        };
        let laid = flow.engine.layout(&rich, size, width - 2.0 * pad, 1.38);
        let marker = match self.marker.take() {
            Some(bullet) => {
                let ink = Ink {
                    color: self.style.color,
                    ..Ink::default()
                };
                let laid = flow.engine.layout(
                    &Rich::plain(&bullet, Style { bold: false, ink }),
                    body,
                    40.0,
                    1.38,
                );
                let bx = x - laid.width() - 4.0;
                Marker::Bullet { laid, x: bx }
            }
            None => Marker::None,
        };
        let bar = self
            .style
            .bar
            .map(|(color, offset)| (color, x + pad - self.style.x + offset, !self.first));
        flow.push(Block {
            space_before,
            keep_with_next,
            x: x + pad,
            kind: Kind::Text(Box::new(TextBlock {
                laid,
                marker,
                fill,
                pad,
                bar,
                rule_below: None,
                meter: None,
            })),
        });
        self.first = false;
    }
}

fn heading_boost(level: HeadingLevel) -> f32 {
    match level {
        HeadingLevel::H1 => 3.0,
        HeadingLevel::H2 => 2.0,
        HeadingLevel::H3 => 1.0,
        _ => 0.0,
    }
}
