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
const MAX_CHAIN: usize = 6;

/// Places `blocks` on pages whose content runs from `top` to `bottom`.
/// Always returns at least one (possibly empty) page.
pub fn paginate(blocks: &[Block], top: f32, bottom: f32) -> Vec<Vec<Placed>> {
    let mut pages: Vec<Vec<Placed>> = vec![Vec::new()];
    let mut y = top;
    for (i, block) in blocks.iter().enumerate() {
        let on_fresh_page = pages.last().is_none_or(Vec::is_empty);
        let gap = if on_fresh_page {
            0.0
        } else {
            block.space_before
        };
        // Start this block here only if what must travel with it fits.
        if !on_fresh_page && y + gap + lead(blocks, i, 0) > bottom {
            pages.push(Vec::new());
            y = top;
        } else {
            y += gap;
        }
        let n = block.line_count();
        let mut start = 0;
        while start < n {
            let fresh = pages.last().is_none_or(Vec::is_empty);
            let mut end = start;
            while end < n && y + block.height_of(start..end + 1) <= bottom {
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
                pages.push(Vec::new());
                y = top;
                continue;
            }
            if let Some(page) = pages.last_mut() {
                page.push(Placed {
                    block: i,
                    lines: start..end,
                    top: y,
                    joined: !fresh,
                });
            }
            y += block.height_of(start..end);
            start = end;
            if start < n {
                pages.push(Vec::new());
                y = top;
            }
        }
    }
    pages
}

/// The height block `i` needs at the current position: all of it and the
/// lead of the next block if it is kept with the next, else its first lines.
fn lead(blocks: &[Block], i: usize, depth: usize) -> f32 {
    let Some(block) = blocks.get(i) else {
        return 0.0;
    };
    let n = block.line_count();
    if block.keep_with_next
        && depth < MAX_CHAIN
        && let Some(next) = blocks.get(i + 1)
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
