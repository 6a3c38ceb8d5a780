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
