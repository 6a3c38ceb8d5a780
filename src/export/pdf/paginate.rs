//! Splitting the flow of blocks into pages: paragraphs break between lines,
//! a heading never ends a page (it moves on with the start of what follows),
//! and a paragraph never leaves a lone first line at the foot of a page.

use std::ops::Range;

use super::block::Block;

/// A block, or a run of its lines, placed on a page.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Index into the blocks.
    pub block: usize,
    /// The lines of the block on this page.
    pub lines: Range<usize>,
    /// Top edge, in page coordinates.
    pub top: f32,
    /// False for the first thing on a page (no space above it to join).
    pub joined: bool,
}

/// How many blocks a keep-with-next chain looks ahead.
pub const MAX_CHAIN: usize = 6;

/// Blocks by their index in the flow: all of them, or the few in flight.
pub trait Blocks {
    /// Block `i`, if it is (still) here.
    fn block(&self, i: usize) -> Option<&Block>;
}

impl Blocks for [Block] {
    fn block(&self, i: usize) -> Option<&Block> {
        self.get(i)
    }
}

/// Places `blocks` on pages whose content runs from `top` to `bottom`.
/// Always returns at least one (possibly empty) page.
pub fn paginate(blocks: &[Block], top: f32, bottom: f32) -> Vec<Vec<Placed>> {
    let mut pager = Pager::new(top, bottom);
    for i in 0..blocks.len() {
        pager.place(blocks, i);
    }
    pager.finish();
    pager.take_done()
}

/// Places blocks on pages one at a time, in flow order: finished pages can
/// be drawn and their blocks dropped while later blocks are still to come.
/// Placing block `i` looks at blocks `i..=i + MAX_CHAIN` (what must travel
/// with it), so those must be at hand, or be past the end of the flow.
pub struct Pager {
    top: f32,
    bottom: f32,
    y: f32,
    /// The page being filled.
    current: Vec<Placed>,
    /// Pages finished since [`Pager::take_done`] was last called.
    done: Vec<Vec<Placed>>,
}

impl Pager {
    /// A pager for pages whose content runs from `top` to `bottom`.
    pub fn new(top: f32, bottom: f32) -> Self {
        Self {
            top,
            bottom,
            y: top,
            current: Vec::new(),
            done: Vec::new(),
        }
    }

    fn new_page(&mut self) {
        self.done.push(std::mem::take(&mut self.current));
        self.y = self.top;
    }

    /// Places block `i` (all of it, over as many pages as it takes).
    pub fn place(&mut self, blocks: &(impl Blocks + ?Sized), i: usize) {
        let Some(block) = blocks.block(i) else {
            return;
        };
        let bottom = self.bottom;
        let on_fresh_page = self.current.is_empty();
        let gap = if on_fresh_page {
            0.0
        } else {
            block.space_before
        };
        // Start this block here only if what must travel with it fits.
        if !on_fresh_page && self.y + gap + lead(blocks, i, 0) > bottom {
            self.new_page();
        } else {
            self.y += gap;
        }
        let n = block.line_count();
        let mut start = 0;
        while start < n {
            let fresh = self.current.is_empty();
            let mut end = start;
            while end < n && self.y + block.height_of(start..end + 1) <= bottom {
                end += 1;
            }
            // An overfull page can always take one line; an empty page must.
            if end == start && fresh {
                end = start + 1;
            }
            // No lone first line at the foot of a page.
            if start == 0 && end == 1 && n > 1 && !fresh {
                end = 0;
            }
            if end == start {
                self.new_page();
                continue;
            }
            self.current.push(Placed {
                block: i,
                lines: start..end,
                top: self.y,
                joined: !fresh,
            });
            self.y += block.height_of(start..end);
            start = end;
            if start < n {
                self.new_page();
            }
        }
    }

    /// The first block on the page being filled: blocks before it (and
    /// before the next one to place) are on finished pages.
    pub fn first_open(&self) -> Option<usize> {
        self.current.first().map(|p| p.block)
    }

    /// Ends the flow: the page being filled is finished too.
    pub fn finish(&mut self) {
        self.done.push(std::mem::take(&mut self.current));
    }

    /// The pages finished so far, in order; they are not returned again.
    pub fn take_done(&mut self) -> Vec<Vec<Placed>> {
        std::mem::take(&mut self.done)
    }
}

/// The height block `i` needs at the current position: all of it and the
/// lead of the next block if it is kept with the next, else its first lines.
fn lead(blocks: &(impl Blocks + ?Sized), i: usize, depth: usize) -> f32 {
    let Some(block) = blocks.block(i) else {
        return 0.0;
    };
    let n = block.line_count();
    if block.keep_with_next
        && depth < MAX_CHAIN
        && let Some(next) = blocks.block(i + 1)
    {
        return block.height() + next.space_before + lead(blocks, i + 1, depth + 1);
    }
    block.height_of(0..n.min(2))
}

#[cfg(test)]
mod tests {
    use super::super::block::Kind;
    use super::super::flow::{self, Flow};
    use super::super::text::Engine;
    use super::*;
    use crate::export::{ExportOptions, Format, Summary};
    use crate::i18n::{Lang, Tr};
    use crate::model::{Confidence, Group, Id, Item, Notebook, Section, SectionKind};

    const TOP: f32 = 50.0;

    /// A notebook whose topics come in two groups, then a checklist section.
    fn notebook() -> Notebook {
        let items = |from: u64, n: u64| -> Vec<Item> {
            (from..from + n)
                .map(|i| Item {
                    confidence: Confidence::Okay,
                    ..Item::new(Id(i), format!("Topic {i}"))
                })
                .collect()
        };
        let mut nb = Notebook::default();
        nb.sections.push(Section {
            title: "Topics".into(),
            kind: SectionKind::Topics,
            groups: vec![
                Group {
                    title: Some("First group".into()),
                    items: items(100, 6),
                    ..Group::default()
                },
                Group {
                    title: Some("Second group".into()),
                    items: items(200, 3),
                    ..Group::default()
                },
            ],
            ..Section::default()
        });
        nb.sections.push(Section {
            title: "Questions".into(),
            kind: SectionKind::Checklist,
            groups: vec![Group {
                title: Some("Team".into()),
                items: items(300, 3),
                ..Group::default()
            }],
            ..Section::default()
        });
        nb
    }

    fn blocks(nb: &Notebook) -> Vec<Block> {
        let tr = Tr::new(Lang::En);
        let now = chrono::NaiveDateTime::default();
        let summary = Summary::build(nb, &ExportOptions::default(), Format::Pdf, now, &tr);
        let mut engine = Engine::new().unwrap();
        let mut flow = Flow::new(&mut engine, 480.0);
        flow::build(&mut flow, &summary, &tr);
        flow.blocks
    }

    fn find(blocks: &[Block], text: &str) -> usize {
        blocks
            .iter()
            .position(|b| matches!(&b.kind, Kind::Text(t) if t.laid.text == text))
            .unwrap()
    }

    /// The page (0-based) each block starts on.
    fn page_of(pages: &[Vec<Placed>], block: usize) -> usize {
        pages
            .iter()
            .position(|p| p.iter().any(|pl| pl.block == block))
            .unwrap()
    }

    /// A page whose foot falls just below the block `heading`: the heading
    /// would fit there, its first item would not.
    fn bottom_after(blocks: &[Block], heading: usize) -> f32 {
        let one_page = paginate(blocks, TOP, f32::MAX);
        let placed = one_page[0].iter().find(|p| p.block == heading).unwrap();
        placed.top + blocks[heading].height() + 1.0
    }

    #[test]
    fn a_group_heading_moves_to_the_next_page_with_its_first_topic() {
        let blocks = blocks(&notebook());
        let heading = find(&blocks, "Second group");
        let first = find(&blocks, "Topic 200");
        let pages = paginate(&blocks, TOP, bottom_after(&blocks, heading));
        assert_eq!(page_of(&pages, heading), 1, "the heading ended page 1");
        assert_eq!(page_of(&pages, first), 1);
        assert_eq!(pages[1][0].block, heading, "page 2 starts with the heading");
        assert_eq!(page_of(&pages, find(&blocks, "Topic 105")), 0);
    }

    #[test]
    fn a_section_heading_moves_to_the_next_page_with_what_follows() {
        let blocks = blocks(&notebook());
        let heading = find(&blocks, "Questions");
        let pages = paginate(&blocks, TOP, bottom_after(&blocks, heading));
        // The section heading, its "0 of 3 asked.", the group heading and
        // the first question all open page 2.
        for text in ["Questions", "0 of 3 asked.", "Team", "Topic 300"] {
            assert_eq!(page_of(&pages, find(&blocks, text)), 1, "{text}");
        }
        assert_eq!(page_of(&pages, find(&blocks, "Topic 202")), 0);
    }
}
