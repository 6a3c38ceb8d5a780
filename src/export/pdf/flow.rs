//! The summary as a flow of PDF blocks, top to bottom: header, overview,
//! then each section with its notes, topics and questions.

use super::block::{BADGE_WIDTH, Block, Kind, Marker, TextBlock};
use super::notes::{NoteStyle, push_markdown};
use super::text::{Engine, Ink, Rgb, Rich, Style};
use crate::export::markdown::{asked, done_of};
use crate::export::summary::{Body, GroupView, ItemView, SectionView, Summary, badge_label};
use crate::i18n::Tr;
use crate::model::Confidence;

/// Body text colour.
pub const TEXT: Rgb = [0x1d, 0x1f, 0x23];
/// Secondary text colour.
pub const MUTED: Rgb = [0x5b, 0x61, 0x6b];
/// Hairlines.
pub const LINE: Rgb = [0xc8, 0xcc, 0xd2];
/// Bars beside notes.
pub const NOTE_BAR: Rgb = [0xb5, 0xbb, 0xc4];
/// The checklist progress bar.
const PROGRESS: Rgb = [0x1a, 0x5f, 0xb4];

/// Body font size, points.
pub const BODY: f32 = 10.5;
/// Notes font size, points.
pub const NOTES: f32 = 9.5;
/// Line height, as a multiple of the font size.
pub const LEADING: f32 = 1.38;
/// Left edge of topic and question text.
pub const ITEM_X: f32 = BADGE_WIDTH + 8.0;
/// Left edge of question text (after the checkbox).
pub const QUESTION_X: f32 = 16.0;

/// Takes a flow's blocks as they are finished, for an export that places
/// and draws pages while the flow is still being built.
pub trait Sink {
    /// The next block in flow order, with the link targets registered so far.
    fn block(&mut self, engine: &mut Engine, links: &[String], block: Block);
}

/// The blocks being built, the link targets they refer to, and the layout engine.
pub struct Flow<'e> {
    /// Fonts and layout.
    pub engine: &'e mut Engine,
    /// Width of the content box.
    pub width: f32,
    /// The blocks so far.
    pub blocks: Vec<Block>,
    /// Link targets, indexed by [`Ink::link`].
    pub links: Vec<String>,
    /// Where finished blocks go, when streaming: `blocks` then keeps only
    /// the newest (it may still be marked [`Flow::keep_with_next`]).
    sink: Option<&'e mut dyn Sink>,
}

impl<'e> Flow<'e> {
    /// An empty flow for a content box `width` points wide.
    pub fn new(engine: &'e mut Engine, width: f32) -> Self {
        Self {
            engine,
            width,
            blocks: Vec::new(),
            links: Vec::new(),
            sink: None,
        }
    }

    /// A flow that hands each block to `sink` as soon as the next one is
    /// made, so no more than one is held here; call [`Flow::finish`] at the
    /// end for the last one.
    pub fn streaming(engine: &'e mut Engine, width: f32, sink: &'e mut dyn Sink) -> Self {
        Self {
            sink: Some(sink),
            ..Self::new(engine, width)
        }
    }

    /// Appends a block.
    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
        self.pass_on(1);
    }

    /// Hands the held blocks but the newest `keep` to the sink, if any.
    fn pass_on(&mut self, keep: usize) {
        if let Some(sink) = self.sink.as_deref_mut() {
            let n = self.blocks.len().saturating_sub(keep);
            for block in self.blocks.drain(..n) {
                sink.block(self.engine, &self.links, block);
            }
        }
    }

    /// Ends a streaming flow: the last block goes to the sink too.
    pub fn finish(&mut self) {
        self.pass_on(0);
    }

    /// Registers a link target and returns its index.
    pub fn link(&mut self, url: &str) -> u32 {
        self.links.push(url.to_owned());
        (self.links.len() - 1) as u32
    }

    /// Lays out a plain paragraph starting `x` from the content left.
    pub fn para(&mut self, rich: &Rich, size: f32, x: f32) -> TextBlock {
        TextBlock {
            laid: self.engine.layout(rich, size, self.width - x, LEADING),
            marker: Marker::None,
            fill: None,
            pad: 0.0,
            bar: None,
            rule_below: None,
            meter: None,
        }
    }

    /// Appends a paragraph block.
    pub fn add(&mut self, t: TextBlock, x: f32, space_before: f32) {
        self.push(Block {
            space_before,
            keep_with_next: false,
            x,
            kind: Kind::Text(Box::new(t)),
        });
    }

    /// Appends a plain paragraph.
    pub fn text(&mut self, rich: &Rich, size: f32, x: f32, space_before: f32) {
        let t = self.para(rich, size, x);
        self.add(t, x, space_before);
    }

    /// Marks the last block as kept with the next one.
    pub fn keep_with_next(&mut self) {
        if let Some(b) = self.blocks.last_mut() {
            b.keep_with_next = true;
        }
    }

    /// A confidence badge at `x`, its level worded by `tr`.
    pub fn badge(&mut self, level: Confidence, x: f32, tr: &Tr) -> Marker {
        let ink = Ink {
            color: TEXT,
            ..Ink::default()
        };
        let laid = self.engine.layout(
            &Rich::plain(&badge_label(level, tr), Style { bold: true, ink }),
            7.5,
            BADGE_WIDTH,
            1.2,
        );
        Marker::Badge { level, laid, x }
    }
}

/// Plain or bold text in `color`.
pub fn style(color: Rgb, bold: bool) -> Style {
    Style {
        bold,
        ink: Ink {
            color,
            ..Ink::default()
        },
    }
}

/// Slanted text in `color`.
pub fn italic(color: Rgb) -> Style {
    Style {
        bold: false,
        ink: Ink {
            color,
            italic: true,
            ..Ink::default()
        },
    }
}

/// Builds the whole flow for a summary, worded by `tr`.
pub fn build(flow: &mut Flow<'_>, s: &Summary<'_>, tr: &Tr) {
    header(flow, s, tr);
    for section in &s.sections {
        section_blocks(flow, section, tr);
    }
}

fn header(flow: &mut Flow<'_>, s: &Summary<'_>, tr: &Tr) {
    flow.text(&Rich::plain(&s.title, style(TEXT, true)), 20.0, 0.0, 0.0);
    let company_role = s.company_role();
    if !company_role.is_empty() {
        flow.text(
            &Rich::plain(&company_role, style(MUTED, false)),
            12.0,
            0.0,
            2.0,
        );
    }
    if let Some(iv) = &s.interview {
        let mut r = Rich::plain(
            &format!("{}: ", tr.t("export-interview")),
            style(TEXT, false),
        );
        r.push(&iv.when, style(TEXT, true));
        r.push(&format!(" ({})", iv.countdown), style(TEXT, false));
        flow.text(&r, BODY + 0.5, 0.0, 4.0);
    }
    flow.text(
        &Rich::plain(
            &tr.t_args(
                "export-exported",
                &[("date", s.exported_on.as_str().into())],
            ),
            style(MUTED, false),
        ),
        8.5,
        0.0,
        2.0,
    );

    let total = s.confidence.total();
    let filter_note = s.filter_note(tr);
    if total == 0 && s.checklist.total == 0 && filter_note.is_none() {
        return;
    }
    heading2(flow, &tr.t("export-overview"));
    if total > 0 {
        let mut r = Rich::plain(&tr.t("export-confidence"), style(TEXT, true));
        r.push(
            &format!(
                " ({})",
                tr.t_args("export-topic-count", &[("n", total.into())])
            ),
            style(MUTED, false),
        );
        flow.text(&r, BODY, 0.0, 2.0);
        for (level, n) in s.confidence.rows() {
            let mut t = flow.para(
                &Rich::plain(&n.to_string(), style(TEXT, false)),
                BODY,
                ITEM_X,
            );
            t.marker = flow.badge(level, 0.0, tr);
            t.meter = Some((ITEM_X + 28.0, n as f32 / total as f32, level.rgb()));
            flow.add(t, ITEM_X, 4.0);
        }
    }
    if s.checklist.total > 0 {
        let mut r = Rich::plain(
            &format!("{}: ", tr.t("export-questions-asked")),
            style(TEXT, true),
        );
        r.push(
            &done_of(s.checklist.done, s.checklist.total, tr),
            style(TEXT, false),
        );
        let mut t = flow.para(&r, BODY, 0.0);
        t.meter = Some((180.0, s.checklist.fraction(), PROGRESS));
        flow.add(t, 0.0, 10.0);
    }
    if let Some(note) = filter_note {
        flow.text(&Rich::plain(&note, italic(MUTED)), NOTES, 0.0, 8.0);
    }
}

/// A section heading over a hairline, kept with what follows.
pub fn heading2(flow: &mut Flow<'_>, title: &str) {
    let mut t = flow.para(&Rich::plain(title, style(TEXT, true)), 14.5, 0.0);
    t.rule_below = Some(LINE);
    t.pad = 3.0;
    flow.add(t, 0.0, 18.0);
    flow.keep_with_next();
}

fn section_blocks(flow: &mut Flow<'_>, section: &SectionView<'_>, tr: &Tr) {
    heading2(flow, &section.title);
    if let Some(brief) = section.brief {
        push_markdown(
            flow,
            brief,
            NoteStyle {
                x: 0.0,
                size: BODY,
                color: TEXT,
                bar: None,
                joined: false,
            },
        );
    }
    if let Some(notes) = section.notes {
        let mut t = flow.para(
            &Rich::plain(&tr.t("export-my-notes"), style(MUTED, true)),
            NOTES,
            10.0,
        );
        t.bar = Some((NOTE_BAR, 10.0, false));
        flow.add(t, 10.0, 8.0);
        flow.keep_with_next();
        push_markdown(
            flow,
            notes,
            NoteStyle {
                x: 10.0,
                size: BODY,
                color: TEXT,
                bar: Some((NOTE_BAR, 10.0)),
                joined: true,
            },
        );
    }
    match &section.body {
        Body::Prose => {}
        Body::Topics { groups, hidden } => {
            if groups.is_empty() && *hidden == 0 {
                flow.text(
                    &Rich::plain(&tr.t("export-no-topics"), italic(MUTED)),
                    BODY,
                    0.0,
                    6.0,
                );
            }
            for group in groups {
                group_blocks(flow, group, false, tr);
            }
            if *hidden > 0 {
                let msg = tr.t_args("export-hidden", &[("n", (*hidden).into())]);
                flow.text(&Rich::plain(&msg, italic(MUTED)), NOTES, 0.0, 8.0);
            }
        }
        Body::Checklist { groups, progress } => {
            let msg = if groups.is_empty() {
                tr.t("export-no-questions")
            } else {
                asked(progress.done, progress.total, tr)
            };
            flow.text(&Rich::plain(&msg, italic(MUTED)), NOTES, 0.0, 6.0);
            if !groups.is_empty() {
                flow.keep_with_next();
            }
            for group in groups {
                group_blocks(flow, group, true, tr);
            }
        }
    }
}

fn group_blocks(flow: &mut Flow<'_>, group: &GroupView<'_>, checklist: bool, tr: &Tr) {
    if let Some(title) = group.title {
        flow.text(&Rich::plain(title, style(TEXT, true)), 11.5, 0.0, 12.0);
        flow.keep_with_next();
    }
    for item in &group.items {
        item_blocks(flow, item, checklist, tr);
    }
}

fn item_blocks(flow: &mut Flow<'_>, item: &ItemView<'_>, checklist: bool, tr: &Tr) {
    let x = if checklist { QUESTION_X } else { ITEM_X };
    let marker = if checklist {
        Marker::Check {
            done: item.done,
            x: 0.0,
        }
    } else {
        flow.badge(item.confidence, 0.0, tr)
    };
    let mut t = flow.para(&Rich::plain(item.text, style(TEXT, false)), BODY, x);
    t.marker = marker;
    flow.add(t, x, 6.0);
    if item.detail.is_some() || item.notes.is_some() {
        flow.keep_with_next();
    }
    if let Some(detail) = item.detail {
        push_markdown(
            flow,
            detail,
            NoteStyle {
                x,
                size: NOTES,
                color: MUTED,
                bar: None,
                joined: false,
            },
        );
    }
    if let Some(notes) = item.notes {
        push_markdown(
            flow,
            notes,
            NoteStyle {
                x: x + 9.0,
                size: NOTES,
                color: TEXT,
                bar: Some((NOTE_BAR, 9.0)),
                joined: false,
            },
        );
    }
}
