//! The pieces a PDF page is stacked from: laid-out paragraphs with their
//! markers (bullet, confidence badge, checkbox), bars and rules, and how each
//! draws itself, whole or a run of its lines.

use std::ops::Range;

use krilla::geom::{PathBuilder, Rect};
use krilla::paint::Stroke;
use krilla::surface::Surface;

use super::text::{Engine, Laid, Rgb, fill_rect, set_fill};
use crate::model::Confidence;

/// Width of a confidence badge, so topic texts line up.
pub const BADGE_WIDTH: f32 = 58.0;

/// Side of a checkbox.
const CHECK_SIZE: f32 = 9.0;

/// One vertical piece of the flow.
pub struct Block {
    /// Space above, dropped at the top of a page.
    pub space_before: f32,
    /// Never end a page with this block: it moves to the next page with
    /// (the start of) the block after it. Headings set this.
    pub keep_with_next: bool,
    /// Left edge, from the content box's left.
    pub x: f32,
    /// What it is.
    pub kind: Kind,
}

/// What a block draws.
pub enum Kind {
    /// A paragraph, possibly split across pages between lines.
    Text(Box<TextBlock>),
    /// A horizontal hairline from `x` to the right edge.
    Rule(Rgb),
}

/// A paragraph and its decorations.
pub struct TextBlock {
    /// The text.
    pub laid: Laid,
    /// What sits left of the first line.
    pub marker: Marker,
    /// A background behind the block (code blocks), with `pad` around the text.
    pub fill: Option<Rgb>,
    /// Inner padding when filled.
    pub pad: f32,
    /// A vertical bar left of the text (notes), `bar.1` points left of `x`;
    /// it reaches up through the space before unless `bar.2` is false.
    pub bar: Option<(Rgb, f32, bool)>,
    /// A hairline under the block (section headings).
    pub rule_below: Option<Rgb>,
    /// A horizontal bar right of the text's first line: (start x from the
    /// content left, share filled 0–1, colour).
    pub meter: Option<(f32, f32, Rgb)>,
}

/// What is drawn left of a paragraph's first line.
pub enum Marker {
    /// Nothing.
    None,
    /// A bullet or list number, its left edge at `x` from the content left.
    Bullet {
        /// The laid-out "•" or "3.".
        laid: Laid,
        /// Left edge.
        x: f32,
    },
    /// A confidence badge: a tinted, outlined box with the level in words.
    Badge {
        /// The level (for the colours).
        level: Confidence,
        /// The laid-out "2 · Shaky".
        laid: Laid,
        /// Left edge.
        x: f32,
    },
    /// A checkbox, ticked when `done`.
    Check {
        /// Ticked.
        done: bool,
        /// Left edge.
        x: f32,
    },
}

impl Block {
    /// Lines that can go on separate pages (1 for unsplittable blocks).
    pub fn line_count(&self) -> usize {
        match &self.kind {
            Kind::Text(t) if t.fill.is_none() => t.laid.line_count().max(1),
            _ => 1,
        }
    }

    /// Height of the given lines (all of an unsplittable block).
    pub fn height_of(&self, lines: Range<usize>) -> f32 {
        match &self.kind {
            Kind::Text(t) => {
                let lines = if t.fill.is_some() {
                    0..t.laid.line_count()
                } else {
                    lines
                };
                t.laid.height_of(lines) + 2.0 * t.pad
            }
            Kind::Rule(_) => 1.0,
        }
    }

    /// Height of the whole block.
    pub fn height(&self) -> f32 {
        self.height_of(0..self.line_count())
    }

    /// Draws `lines` with their top at `top` (page coordinates); `left` and
    /// `right` are the content box's edges. `joined` is false at a page top.
    pub fn draw(
        &self,
        surface: &mut Surface<'_>,
        engine: &Engine,
        frag: (Range<usize>, f32, bool),
        edges: (f32, f32),
        links: &mut Vec<(Rect, u32)>,
    ) {
        let (range, top, joined) = frag;
        let (left, right) = edges;
        let x = left + self.x;
        let height = self.height_of(range.clone());
        match &self.kind {
            Kind::Rule(color) => fill_rect(surface, x, top, right - x, 0.6, *color),
            Kind::Text(t) => {
                // A filled block is drawn whole (it is never split).
                let range = if t.fill.is_some() {
                    0..t.laid.line_count()
                } else {
                    range
                };
                if let Some(color) = t.fill {
                    fill_rect(surface, x - t.pad, top, right - x + t.pad, height, color);
                }
                if let Some((color, offset, reach_up)) = t.bar {
                    let up = if joined && reach_up {
                        self.space_before
                    } else {
                        0.0
                    };
                    fill_rect(surface, x - offset, top - up, 2.0, height + up, color);
                }
                let text_top = top + t.pad;
                if range.start == 0 {
                    let baseline = text_top + t.laid.baseline(0) - t.laid.line_top(0);
                    draw_marker(surface, engine, &t.marker, left, baseline, links);
                    if let Some((start, share, color)) = t.meter {
                        meter(surface, left + start, right, baseline, share, color);
                    }
                }
                engine.draw(surface, &t.laid, range, (x, text_top), links);
                if let Some(color) = t.rule_below {
                    fill_rect(surface, x, top + height - 0.8, right - x, 0.8, color);
                }
            }
        }
    }
}

fn draw_marker(
    surface: &mut Surface<'_>,
    engine: &Engine,
    marker: &Marker,
    left: f32,
    baseline: f32,
    links: &mut Vec<(Rect, u32)>,
) {
    match marker {
        Marker::None => {}
        Marker::Bullet { laid, x } => {
            let top = baseline - laid.baseline(0) + laid.line_top(0);
            engine.draw(surface, laid, 0..1, (left + x, top), links);
        }
        Marker::Badge { level, laid, x } => {
            let [r, g, b] = level.rgb();
            let tint = [mix(r), mix(g), mix(b)];
            let box_top = baseline - 9.0;
            rounded_rect(
                surface,
                (left + x, box_top, BADGE_WIDTH, 12.0),
                2.5,
                tint,
                Some(level.rgb()),
            );
            let label_x = left + x + (BADGE_WIDTH - laid.width()) / 2.0;
            let label_top = baseline - 0.8 - laid.baseline(0) + laid.line_top(0);
            engine.draw(surface, laid, 0..1, (label_x, label_top), links);
        }
        Marker::Check { done, x } => {
            let (bx, by) = (left + x, baseline - CHECK_SIZE + 0.5);
            if *done {
                rounded_rect(
                    surface,
                    (bx, by, CHECK_SIZE, CHECK_SIZE),
                    1.5,
                    CHECK_INK,
                    None,
                );
                tick(surface, bx, by);
            } else {
                rounded_rect(
                    surface,
                    (bx, by, CHECK_SIZE, CHECK_SIZE),
                    1.5,
                    [0xff, 0xff, 0xff],
                    Some(CHECK_INK),
                );
            }
        }
    }
}

/// Ink of checkboxes.
const CHECK_INK: Rgb = [0x33, 0x37, 0x3d];

/// A colour channel mixed 75% towards white (badge backgrounds).
fn mix(c: u8) -> u8 {
    (u16::from(c) / 4 + 255 * 3 / 4).min(255) as u8
}

/// A bar from `x` to `right`, vertically centred on the x-height of the
/// line at `baseline`, filled `share` of the way in `color`.
fn meter(surface: &mut Surface<'_>, x: f32, right: f32, baseline: f32, share: f32, color: Rgb) {
    let (top, h) = (baseline - 7.5, 7.0);
    let w = (right - x).max(0.0);
    rounded_rect(
        surface,
        (x, top, w, h),
        2.0,
        [0xf1, 0xf2, 0xf4],
        Some([0xd0, 0xd3, 0xd8]),
    );
    let filled = w * share.clamp(0.0, 1.0);
    if filled > 0.5 {
        rounded_rect(surface, (x, top, filled, h), 2.0, color, None);
    }
}

/// Fills (and optionally outlines) a rectangle with rounded corners.
fn rounded_rect(
    surface: &mut Surface<'_>,
    rect: (f32, f32, f32, f32),
    radius: f32,
    fill: Rgb,
    stroke: Option<Rgb>,
) {
    let (left, top, width, height) = rect;
    let (right, bottom) = (left + width, top + height);
    let r = radius.min(width / 2.0).min(height / 2.0);
    // Cubic approximation of a quarter circle.
    let k = r * 0.552_284_8;
    let mut pb = PathBuilder::new();
    pb.move_to(left + r, top);
    pb.line_to(right - r, top);
    pb.cubic_to(right - r + k, top, right, top + r - k, right, top + r);
    pb.line_to(right, bottom - r);
    pb.cubic_to(
        right,
        bottom - r + k,
        right - r + k,
        bottom,
        right - r,
        bottom,
    );
    pb.line_to(left + r, bottom);
    pb.cubic_to(left + r - k, bottom, left, bottom - r + k, left, bottom - r);
    pb.line_to(left, top + r);
    pb.cubic_to(left, top + r - k, left + r - k, top, left + r, top);
    pb.close();
    let Some(path) = pb.finish() else { return };
    set_fill(surface, fill);
    surface.set_stroke(stroke.map(|[red, green, blue]| Stroke {
        paint: krilla::color::rgb::Color::new(red, green, blue).into(),
        width: 0.8,
        ..Stroke::default()
    }));
    surface.draw_path(&path);
    surface.set_stroke(None);
}

/// A white tick inside the checkbox whose top-left corner is (x, y).
fn tick(surface: &mut Surface<'_>, x: f32, y: f32) {
    let mut pb = PathBuilder::new();
    pb.move_to(x + 2.0, y + 4.7);
    pb.line_to(x + 3.9, y + 6.7);
    pb.line_to(x + 7.2, y + 2.4);
    let Some(path) = pb.finish() else { return };
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        paint: krilla::color::rgb::Color::white().into(),
        width: 1.4,
        line_cap: krilla::paint::LineCap::Round,
        line_join: krilla::paint::LineJoin::Round,
        ..Stroke::default()
    }));
    surface.draw_path(&path);
    surface.set_stroke(None);
}
