//! The outline of a Markdown text in one pass: its top-level headings, and
//! its list structure (which items nest under which, with the text of each
//! item and any extra Markdown that belongs to it).

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::{collapse_ws, is_collapsed, join_md, parser_options};
use crate::model::Confidence;

/// One list item with its nested items.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct ListNode {
    /// Plain text of the item's first block.
    pub text: String,
    /// `Some(done)` for a task-list item.
    pub task: Option<bool>,
    /// A rating badge (`` `2 · Shaky` ``) that opened the item, as Prepkit's
    /// Markdown export writes it.
    pub badge: Option<Confidence>,
    /// Items of lists nested in this item.
    pub children: Vec<ListNode>,
    /// Other blocks inside the item (paragraphs, code, quotes), as Markdown;
    /// kept for the first two levels (groups and topics).
    pub detail: String,
    /// The nested lists as Markdown, so deeper levels are never lost; kept
    /// for the second level (topics), whose detail shows them.
    pub nested_md: String,
    /// Where the item starts in the source.
    pub start: usize,
    /// Length of the item in the source.
    pub source_len: usize,
}

/// A heading outside any list or quote.
pub(super) struct Heading {
    pub level: HeadingLevel,
    pub text: String,
    /// Byte offset where the heading starts.
    pub start: usize,
    /// Byte offset just after the heading (its line, or underline).
    pub end: usize,
}

/// What one pass over a Markdown text finds.
#[derive(Default)]
pub(super) struct Outline {
    /// The headings at the top level (not inside lists or quotes), in order.
    pub headings: Vec<Heading>,
    /// The items of the lists at the top level (not inside quotes), in order.
    pub items: Vec<ListNode>,
}

impl ListNode {
    /// Collects the items that have no children.
    pub fn leaves<'a>(&'a self, out: &mut Vec<&'a ListNode>) {
        if self.children.is_empty() {
            out.push(self);
        } else {
            for c in &self.children {
                c.leaves(out);
            }
        }
    }

    /// The detail plus the nested lists, for an item shown as a topic.
    pub fn into_detail(self) -> String {
        if self.nested_md.is_empty() {
            return self.detail;
        }
        join_md(&self.detail, &self.nested_md)
    }
}

struct Frame {
    node: ListNode,
    /// The first block's text is complete.
    text_done: bool,
    /// A paragraph has started in this item.
    seen_block: bool,
    extra: Vec<Range<usize>>,
    nested: Vec<Range<usize>>,
}

/// The items of the lists at the top level of `md` (not inside quotes).
pub(super) fn top_level_items(md: &str) -> Vec<ListNode> {
    outline(md).items
}

/// A heading's text without a closing run of `#` (kept by a setext
/// heading, or typed after other closing marks): "Data Engineer ###" is
/// "Data Engineer".
fn strip_closing_hashes(text: &str) -> String {
    let trimmed = text.trim_end_matches('#');
    if trimmed.len() < text.len() && (trimmed.is_empty() || trimmed.ends_with(char::is_whitespace))
    {
        trimmed.trim_end().to_owned()
    } else {
        text.to_owned()
    }
}

/// The top-level headings and list items of `md`, from one parse.
pub(super) fn outline(md: &str) -> Outline {
    let mut roots = Vec::new();
    let mut headings = Vec::new();
    let mut heading: Option<Heading> = None;
    let mut stack: Vec<Frame> = Vec::new();
    // Depth inside a block we keep as source only (code, quote, table, …).
    let mut opaque = 0usize;
    // Inside an inline <script> or <style>: its text is code, not words of
    // a heading or topic (the tag was dropped and "alert(1)" stayed).
    let mut hidden = false;
    for (event, range) in Parser::new_ext(md, parser_options()).into_offset_iter() {
        if let Event::InlineHtml(tag) = &event {
            let tag = tag.trim_start().to_ascii_lowercase();
            if tag.starts_with("<script") || tag.starts_with("<style") {
                hidden = !(tag.contains("</script") || tag.contains("</style"));
            } else if tag.starts_with("</script") || tag.starts_with("</style") {
                hidden = false;
            }
            continue;
        }
        if hidden && matches!(event, Event::Text(_) | Event::Code(_)) {
            continue;
        }
        if opaque > 0 {
            match event {
                Event::Start(_) => opaque += 1,
                Event::End(_) => opaque -= 1,
                _ => {}
            }
            continue;
        }
        if let Some(h) = heading.as_mut() {
            match event {
                Event::Text(t) | Event::Code(t) => h.text.push_str(&t),
                Event::SoftBreak | Event::HardBreak => h.text.push(' '),
                Event::End(TagEnd::Heading(_)) => {
                    if let Some(mut h) = heading.take() {
                        h.text = strip_closing_hashes(&collapse_ws(&h.text));
                        headings.push(h);
                    }
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) if stack.is_empty() => {
                heading = Some(Heading {
                    level,
                    text: String::new(),
                    start: range.start,
                    end: range.end,
                });
            }
            Event::Start(Tag::Item) => stack.push(Frame {
                node: ListNode {
                    start: range.start,
                    source_len: range.len(),
                    ..ListNode::default()
                },
                text_done: false,
                seen_block: false,
                extra: Vec::new(),
                nested: Vec::new(),
            }),
            Event::End(TagEnd::Item) => {
                let Some(frame) = stack.pop() else { continue };
                // Groups and topics are the first two levels; deeper items
                // count only as leaves, and their source is already in the
                // Markdown of their topic. Copying it at every level would
                // cost the depth times the size.
                let node = finish(md, frame, stack.len() + 1);
                match stack.last_mut() {
                    Some(parent) => parent.node.children.push(node),
                    None => roots.push(node),
                }
            }
            Event::Start(Tag::List(_)) => {
                if let Some(top) = stack.last_mut() {
                    top.text_done = true;
                    top.nested.push(range);
                }
            }
            Event::Start(Tag::Paragraph) => {
                if let Some(top) = stack.last_mut()
                    && top.seen_block
                {
                    top.text_done = true;
                    top.extra.push(range);
                    opaque = 1;
                } else if let Some(top) = stack.last_mut() {
                    top.seen_block = true;
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some(top) = stack.last_mut() {
                    top.text_done = true;
                }
            }
            Event::Start(
                Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::Table(_)
                | Tag::HtmlBlock
                | Tag::Heading { .. }
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionList
                | Tag::MetadataBlock(_),
            ) => {
                if let Some(top) = stack.last_mut() {
                    top.text_done = true;
                    top.seen_block = true;
                    top.extra.push(range);
                }
                opaque = 1;
            }
            Event::Rule => {
                if let Some(top) = stack.last_mut() {
                    top.extra.push(range);
                }
            }
            Event::TaskListMarker(done) => {
                if let Some(top) = stack.last_mut() {
                    top.node.task = Some(done);
                }
            }
            Event::Code(t) => {
                if let Some(top) = stack.last_mut()
                    && !top.text_done
                {
                    match parse_badge(&t) {
                        Some(level)
                            if top.node.text.trim().is_empty() && top.node.badge.is_none() =>
                        {
                            top.node.badge = Some(level);
                        }
                        _ => top.node.text.push_str(&t),
                    }
                }
            }
            Event::Text(t) => {
                if let Some(top) = stack.last_mut()
                    && !top.text_done
                {
                    top.node.text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(top) = stack.last_mut()
                    && !top.text_done
                {
                    top.node.text.push(' ');
                }
            }
            _ => {}
        }
    }
    Outline {
        headings,
        items: roots,
    }
}

/// Completes an item at `depth` (1 for the top level). Only a group (1) and
/// a topic (2) keep their detail, and only a topic its nested lists.
fn finish(md: &str, frame: Frame, depth: usize) -> ListNode {
    let mut node = frame.node;
    if !is_collapsed(&node.text) {
        node.text = collapse_ws(&node.text);
    }
    if depth <= 2 {
        node.detail = join_dedented(md, &frame.extra);
    }
    if depth == 2 {
        node.nested_md = join_dedented(md, &frame.nested);
    }
    node
}

/// The source of each range, dedented, as Markdown blocks.
fn join_dedented(md: &str, ranges: &[Range<usize>]) -> String {
    ranges
        .iter()
        .map(|r| dedent(md, r.clone()))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The source of `range`, from the start of its line, with common indentation removed.
fn dedent(md: &str, range: Range<usize>) -> String {
    let line_start = md
        .get(..range.start)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |p| p + 1);
    let start = if md
        .get(line_start..range.start)
        .is_some_and(|p| p.trim().is_empty())
    {
        line_start
    } else {
        range.start
    };
    let Some(src) = md.get(start..range.end) else {
        return String::new();
    };
    let indent = src
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let out: Vec<&str> = src
        .lines()
        .map(|l| {
            l.get(indent.min(l.len() - l.trim_start_matches(' ').len())..)
                .unwrap_or(l)
        })
        .collect();
    out.join("\n").trim_matches('\n').trim_end().to_owned()
}

/// Reads a rating badge as the Markdown export writes it: `2 · Shaky`, `Unrated`.
fn parse_badge(code: &str) -> Option<Confidence> {
    let code = code.trim();
    if code == Confidence::Unrated.label() {
        return Some(Confidence::Unrated);
    }
    let (level, label) = code.split_once(" · ")?;
    let c = Confidence::parse(level)?;
    (c.label() == label.trim() && c != Confidence::Unrated).then_some(c)
}

/// The text of the first `**strong**` run in `md`, if any.
pub(super) fn first_strong(md: &str) -> Option<String> {
    let mut inside = false;
    let mut text = String::new();
    for event in Parser::new_ext(md, parser_options()) {
        match event {
            Event::Start(Tag::Strong) => inside = true,
            Event::End(TagEnd::Strong) => {
                let t = super::clean_label(&text);
                if !t.is_empty() {
                    return Some(t);
                }
                inside = false;
                text.clear();
            }
            Event::Text(t) | Event::Code(t) if inside => text.push_str(&t),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_levels_with_a_third_kept_as_markdown() {
        let md = "- **G:**\n  - one\n    - deep a\n    - deep b\n  - two\n- lone\n";
        let nodes = top_level_items(md);
        assert_eq!(nodes.len(), 2);
        assert_eq!(nodes[0].text, "G:");
        assert_eq!(nodes[0].children[0].text, "one");
        assert_eq!(nodes[0].children[0].nested_md, "- deep a\n- deep b");
        assert_eq!(nodes[1].text, "lone");
    }

    #[test]
    fn loose_items_keep_extra_paragraphs() {
        let md = "1. First\n\n   More about first.\n\n2. Second\n";
        let nodes = top_level_items(md);
        assert_eq!(nodes[0].text, "First");
        assert_eq!(nodes[0].detail, "More about first.");
        assert_eq!(nodes[1].text, "Second");
    }

    #[test]
    fn lists_inside_quotes_are_not_items() {
        assert!(top_level_items("> - quoted\n> - list\n").is_empty());
    }

    #[test]
    fn export_badges_become_ratings_not_text() {
        let nodes =
            top_level_items("- `2 · Shaky` Async I/O\n- `Unrated` Pydantic\n- `cargo` is a tool\n");
        assert_eq!(nodes[0].badge, Some(Confidence::Shaky));
        assert_eq!(nodes[0].text, "Async I/O");
        assert_eq!(nodes[1].badge, Some(Confidence::Unrated));
        assert_eq!(nodes[2].badge, None);
        assert_eq!(nodes[2].text, "cargo is a tool");
    }

    #[test]
    fn task_markers_are_read() {
        let nodes = top_level_items("- [x] done?\n- [ ] open?\n");
        assert_eq!(nodes[0].task, Some(true));
        assert_eq!(nodes[0].text, "done?");
        assert_eq!(nodes[1].task, Some(false));
    }
}
