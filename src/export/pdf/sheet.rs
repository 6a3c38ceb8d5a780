//! The interview-day sheet and the story sheet as PDF blocks, fitted to one page by their
//! laid-out heights: each piece is laid out and measured once, the sheet is
//! cut to the page ([`Sheet::fit`]), then the kept pieces are laid out.

use super::block::{Block, Marker};
use super::flow::{BODY, Flow, ITEM_X, LINE, MUTED, NOTES, QUESTION_X, TEXT, italic, style};
use super::text::{Engine, Rich};
use crate::export::sheet::stories::{Card, StoryPiece, StorySheet, field_label};
use crate::export::sheet::{Part, Piece, Sheet};
use crate::i18n::Tr;

/// Text size of the sheet's lines: larger than the summary's, read at a glance.
const SIZE: f32 = BODY + 1.0;

/// The blocks of `sheet`, cut to fit `room` points of height in a content
/// box `width` points wide, and the link targets (none: the sheet has no
/// links, but the writer takes a list).
pub fn build(
    engine: &mut Engine,
    sheet: Sheet<'_>,
    width: f32,
    room: f32,
    tr: &Tr,
) -> (Vec<Block>, Vec<String>) {
    let mut flow = Flow::new(engine, width);
    let fitted = {
        let (when, who) = (sheet.when.clone(), sheet.who.clone());
        sheet.fit(room, |piece| {
            measure(&mut flow, |flow| match piece {
                Piece::Header => header(flow, &when, &who),
                Piece::More => more(flow, "0"),
                other => push(flow, other, tr),
            })
        })
    };
    flow.blocks.clear();
    header(&mut flow, &fitted.when, &fitted.who);
    for part in fitted.parts() {
        push(&mut flow, Piece::Heading(part), tr);
        match part {
            Part::Values => {
                for v in &fitted.values {
                    push(&mut flow, Piece::Value(v), tr);
                }
            }
            Part::Weakest => {
                for t in &fitted.weakest {
                    push(&mut flow, Piece::Topic(t), tr);
                }
            }
            Part::Questions => {
                for q in &fitted.questions {
                    push(&mut flow, Piece::Question(q), tr);
                }
            }
            Part::Pinned => {
                for p in &fitted.pinned {
                    push(&mut flow, Piece::PinnedTitle(&p.title), tr);
                    let last = p.lines.len().saturating_sub(1);
                    for (i, line) in p.lines.iter().enumerate() {
                        if p.cut && i == last {
                            push(&mut flow, Piece::PinnedLine(&format!("{line} …")), tr);
                        } else {
                            push(&mut flow, Piece::PinnedLine(line), tr);
                        }
                    }
                }
            }
        }
        if let Some(text) = fitted.more(part, tr) {
            more(&mut flow, &text);
        }
    }
    let Flow { blocks, links, .. } = flow;
    (blocks, links)
}

/// The blocks of the story sheet, cut to fit `room` points of height in a
/// content box `width` points wide, and the link targets (none).
pub fn build_stories(
    engine: &mut Engine,
    sheet: StorySheet,
    width: f32,
    room: f32,
    tr: &Tr,
) -> (Vec<Block>, Vec<String>) {
    let mut flow = Flow::new(engine, width);
    let fitted = {
        let (title, who) = (sheet.title.clone(), sheet.who.clone());
        sheet.fit(room, |piece| {
            measure(&mut flow, |flow| match piece {
                StoryPiece::Header => header(flow, &title, &who),
                StoryPiece::More => more(flow, "0"),
                StoryPiece::Value(label) => heading(flow, label),
                StoryPiece::Story(card) => story(flow, card, tr),
            })
        })
    };
    flow.blocks.clear();
    header(&mut flow, &fitted.title, &fitted.who);
    for v in &fitted.values {
        heading(&mut flow, &v.label);
        for card in &v.stories {
            story(&mut flow, card, tr);
        }
        if let Some(text) = StorySheet::more_line(v, tr) {
            more(&mut flow, &text);
        }
    }
    if let Some(text) = fitted.more_values(tr) {
        more(&mut flow, &text);
    }
    let Flow { blocks, links, .. } = flow;
    (blocks, links)
}

/// The height the blocks `draw` appends take; they are removed again.
fn measure(flow: &mut Flow<'_>, draw: impl FnOnce(&mut Flow<'_>)) -> f32 {
    let start = flow.blocks.len();
    draw(flow);
    flow.blocks
        .drain(start..)
        .map(|b| b.space_before + b.height())
        .sum()
}

/// A story: its title after its badge, then one muted line per STAR field.
fn story(flow: &mut Flow<'_>, card: &Card, tr: &Tr) {
    let mut t = flow.para(&Rich::plain(&card.title, style(TEXT, true)), SIZE, ITEM_X);
    t.marker = flow.badge(card.confidence, 0.0, tr);
    flow.add(t, ITEM_X, 5.0);
    for (field, line) in &card.lines {
        flow.keep_with_next();
        let mut rich = Rich::plain(&format!("{}: ", field_label(*field, tr)), italic(MUTED));
        rich.push(line, style(MUTED, false));
        flow.text(&rich, NOTES + 0.5, ITEM_X, 1.0);
    }
}

/// The countdown, large, and who the interview is with.
fn header(flow: &mut Flow<'_>, when: &str, who: &str) {
    flow.text(&Rich::plain(when, style(TEXT, true)), 20.0, 0.0, 0.0);
    for (i, line) in who_lines(flow, who, 13.0).iter().enumerate() {
        let space = if i == 0 { 3.0 } else { 0.0 };
        flow.text(&Rich::plain(line, style(MUTED, false)), 13.0, 0.0, space);
    }
}

/// "Company · Role · Interview in 2 days · Thu 10 Dec 2026, 14:00" as the
/// lines to print at `size`: it breaks only between its " · " parts, so a
/// part (the date) is never split inside itself, as parley would at any
/// space. Each part is measured on a line of its own; the text stays plain
/// (no non-breaking spaces), so it copies out of the PDF as written. A part
/// wider than the page alone still wraps within its own line.
fn who_lines(flow: &mut Flow<'_>, who: &str, size: f32) -> Vec<String> {
    const SEP: &str = " · ";
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in who.split(SEP).filter(|p| !p.trim().is_empty()) {
        let joined = if line.is_empty() {
            part.to_owned()
        } else {
            format!("{line}{SEP}{part}")
        };
        let wide = flow
            .engine
            .layout(
                &Rich::plain(&joined, style(MUTED, false)),
                size,
                f32::MAX,
                1.0,
            )
            .width();
        if line.is_empty() || wide <= flow.width {
            line = joined;
        } else {
            lines.push(std::mem::replace(&mut line, part.to_owned()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The line saying how many more are in the full summary.
fn more(flow: &mut Flow<'_>, text: &str) {
    flow.text(&Rich::plain(text, italic(MUTED)), NOTES, 0.0, 5.0);
}

/// A part's heading: smaller than the summary's section headings, to leave
/// room for what is under it.
fn heading(flow: &mut Flow<'_>, text: &str) {
    let mut t = flow.para(&Rich::plain(text, style(TEXT, true)), 13.0, 0.0);
    t.rule_below = Some(LINE);
    t.pad = 2.0;
    flow.add(t, 0.0, 11.0);
    flow.keep_with_next();
}

/// Appends the blocks of one piece (the header and "more" lines aside).
fn push(flow: &mut Flow<'_>, piece: Piece<'_, '_>, tr: &Tr) {
    match piece {
        Piece::Header | Piece::More => {}
        Piece::Heading(part) => heading(flow, &tr.t(part.heading_key())),
        Piece::Value(v) => {
            let mut t = flow.para(&Rich::plain(v, style(TEXT, false)), SIZE, 12.0);
            let bullet =
                flow.engine
                    .layout(&Rich::plain("•", style(TEXT, false)), SIZE, 20.0, 1.38);
            t.marker = Marker::Bullet {
                laid: bullet,
                x: 2.0,
            };
            flow.add(t, 12.0, 3.0);
        }
        Piece::Topic(topic) => {
            let mut t = flow.para(&Rich::plain(topic.text, style(TEXT, true)), SIZE, ITEM_X);
            t.marker = flow.badge(topic.confidence, 0.0, tr);
            flow.add(t, ITEM_X, 5.0);
            if let Some(note) = &topic.note {
                flow.keep_with_next();
                flow.text(
                    &Rich::plain(note, style(MUTED, false)),
                    NOTES + 0.5,
                    ITEM_X,
                    1.0,
                );
            }
        }
        Piece::Question(q) => {
            let mut t = flow.para(&Rich::plain(q.text, style(TEXT, false)), SIZE, QUESTION_X);
            t.marker = Marker::Check {
                done: q.done,
                x: 0.0,
            };
            flow.add(t, QUESTION_X, 4.0);
            flow.keep_with_next();
            // The answer so far, or a blank ruled line to write it on.
            let answer = q.answer.as_deref().unwrap_or("\u{a0}");
            let mut line = flow.para(&Rich::plain(answer, style(MUTED, false)), NOTES, QUESTION_X);
            line.rule_below = Some(LINE);
            flow.add(line, QUESTION_X, 1.0);
        }
        Piece::PinnedTitle(title) => {
            flow.text(&Rich::plain(title, style(TEXT, true)), SIZE, 0.0, 8.0);
            flow.keep_with_next();
        }
        Piece::PinnedLine(line) => {
            flow.text(&Rich::plain(line, style(TEXT, false)), BODY, 0.0, 2.0);
        }
    }
}
