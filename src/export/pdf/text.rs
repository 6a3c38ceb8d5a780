//! Text for the PDF: parley lays paragraphs out with the bundled fonts, and
//! krilla draws the positioned glyphs, each tied to its source text so the
//! PDF stays searchable and copyable (`ToUnicode`), Hangul included.

use std::ops::Range;
use std::sync::Arc;

use krilla::color::rgb;
use krilla::geom::{Point, Rect, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use parley::fontique::{Blob, Collection, CollectionOptions, SourceCache};
use parley::{
    Alignment, AlignmentOptions, FontContext, FontFamily, FontWeight, Layout, LayoutContext,
    LineHeight, OverflowWrap, StyleProperty,
};

use crate::export::ExportError;
use crate::fonts;

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// How a run of glyphs is painted: parley carries it through layout as the
/// "brush", and [`Engine::draw`] reads it back per glyph cluster.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ink {
    /// Text colour.
    pub color: Rgb,
    /// Slanted (the bundled fonts have no italic face).
    pub italic: bool,
    /// Inline code: drawn on a light background.
    pub code: bool,
    /// Struck through.
    pub strike: bool,
    /// Index of the link target in the document's link list, if a link.
    pub link: Option<u32>,
}

/// The style of a span of rich text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    /// Use the bold face.
    pub bold: bool,
    /// Paint.
    pub ink: Ink,
}

/// Text with styled spans, ready for layout.
#[derive(Clone, Debug, Default)]
pub struct Rich {
    /// The text; tabs already expanded, `\n` a forced line break.
    pub text: String,
    spans: Vec<(Range<usize>, Style)>,
}

impl Rich {
    /// An empty text.
    pub fn new() -> Self {
        Self::default()
    }

    /// Text in one style.
    pub fn plain(text: &str, style: Style) -> Self {
        let mut r = Self::new();
        r.push(text, style);
        r
    }

    /// Appends `s` in `style`, merging with the previous span when equal.
    pub fn push(&mut self, s: &str, style: Style) {
        if s.is_empty() {
            return;
        }
        let start = self.text.len();
        if s.contains('\t') {
            self.text.push_str(&s.replace('\t', "    "));
        } else {
            self.text.push_str(s);
        }
        let end = self.text.len();
        match self.spans.last_mut() {
            Some((range, last)) if *last == style && range.end == start => range.end = end,
            _ => self.spans.push((start..end, style)),
        }
    }

    /// True if there is nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Drops trailing white space (and the spans past it).
    pub fn trim_end(&mut self) {
        let len = self.text.trim_end().len();
        self.text.truncate(len);
        self.spans.retain_mut(|(range, _)| {
            range.end = range.end.min(len);
            range.start < range.end
        });
    }
}

/// A laid-out paragraph and the text its glyphs came from.
pub struct Laid {
    /// Lines and glyph positions, in points, origin at the paragraph's top left.
    pub layout: Layout<Ink>,
    /// The source text (glyph clusters index into it).
    pub text: String,
}

impl Laid {
    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.layout.len()
    }

    /// Top of line `i`'s box.
    pub fn line_top(&self, i: usize) -> f32 {
        self.layout
            .get(i)
            .map_or(0.0, |l| l.metrics().block_min_coord)
    }

    /// Bottom of line `i`'s box.
    pub fn line_bottom(&self, i: usize) -> f32 {
        self.layout
            .get(i)
            .map_or(0.0, |l| l.metrics().block_max_coord)
    }

    /// Baseline of line `i`.
    pub fn baseline(&self, i: usize) -> f32 {
        self.layout.get(i).map_or(0.0, |l| l.metrics().baseline)
    }

    /// Height of the lines in `lines`.
    pub fn height_of(&self, lines: Range<usize>) -> f32 {
        if lines.is_empty() {
            return 0.0;
        }
        self.line_bottom(lines.end - 1) - self.line_top(lines.start)
    }

    /// Width of the widest line.
    pub fn width(&self) -> f32 {
        self.layout.width()
    }
}

/// Fonts and layout scratch space, made once per export.
pub struct Engine {
    fcx: FontContext,
    lcx: LayoutContext<Ink>,
    regular: Font,
    bold: Font,
    bold_blob: u64,
}

impl Engine {
    /// Loads the bundled fonts into parley (no system fonts, so every machine
    /// lays out alike) and into krilla (which embeds and subsets them).
    pub fn new() -> Result<Self, ExportError> {
        let mut collection = Collection::new(CollectionOptions {
            shared: false,
            system_fonts: false,
        });
        let regular_blob = Blob::new(Arc::new(fonts::REGULAR));
        let bold_blob = Blob::new(Arc::new(fonts::BOLD));
        let bold_id = bold_blob.id();
        if collection.register_fonts(regular_blob, None).is_empty() {
            return Err(ExportError::Font("NanumGothic Regular"));
        }
        if collection.register_fonts(bold_blob, None).is_empty() {
            return Err(ExportError::Font("NanumGothic Bold"));
        }
        let regular =
            Font::new(fonts::REGULAR.into(), 0).ok_or(ExportError::Font("NanumGothic Regular"))?;
        let bold = Font::new(fonts::BOLD.into(), 0).ok_or(ExportError::Font("NanumGothic Bold"))?;
        Ok(Self {
            fcx: FontContext {
                collection,
                source_cache: SourceCache::default(),
            },
            lcx: LayoutContext::new(),
            regular,
            bold,
            bold_blob: bold_id,
        })
    }

    /// Lays `rich` out at `size` points, wrapped to `width` (long words break
    /// anywhere rather than overflow), lines `line_height` × size apart.
    pub fn layout(&mut self, rich: &Rich, size: f32, width: f32, line_height: f32) -> Laid {
        let text = rich.text.as_str();
        let mut builder = self.lcx.ranged_builder(&mut self.fcx, text, 1.0, false);
        builder.push_default(StyleProperty::FontFamily(FontFamily::named(fonts::FAMILY)));
        builder.push_default(StyleProperty::FontSize(size));
        builder.push_default(StyleProperty::LineHeight(LineHeight::FontSizeRelative(
            line_height,
        )));
        builder.push_default(StyleProperty::OverflowWrap(OverflowWrap::Anywhere));
        builder.push_default(StyleProperty::Brush(Ink::default()));
        for (range, style) in &rich.spans {
            builder.push(StyleProperty::Brush(style.ink), range.clone());
            if style.bold {
                builder.push(StyleProperty::FontWeight(FontWeight::BOLD), range.clone());
            }
        }
        let mut layout = builder.build(text);
        layout.break_all_lines(Some(width.max(1.0)));
        layout.align(Alignment::Start, AlignmentOptions::default());
        Laid {
            layout,
            text: rich.text.clone(),
        }
    }

    /// Draws the lines in `range` of `laid` with the paragraph's top-left corner at
    /// `origin`, shifted up so the first drawn line starts at `origin.y`.
    /// Link areas are appended to `links` as (rect, link index).
    pub fn draw(
        &self,
        surface: &mut Surface<'_>,
        laid: &Laid,
        range: Range<usize>,
        origin: (f32, f32),
        links: &mut Vec<(Rect, u32)>,
    ) {
        let dy = origin.1 - laid.line_top(range.start);
        for i in range {
            let Some(line) = laid.layout.get(i) else {
                continue;
            };
            let m = line.metrics();
            let baseline = dy + m.baseline;
            let mut x = origin.0 + m.inline_min_coord + m.offset;
            // One segment runs across parley's runs (it splits Latin from
            // Hangul) while font, size and ink stay the same, so a mixed
            // line stays one piece of text for extractors.
            let mut seg = Segment {
                glyphs: Vec::new(),
                key: None,
                x,
                width: 0.0,
            };
            for run in line.runs() {
                let bold = run.font().data.id() == self.bold_blob;
                let size = run.font_size();
                for cluster in run.visual_clusters() {
                    if cluster.is_ligature_continuation() {
                        if let Some(g) = seg.glyphs.last_mut() {
                            g.text_range.end = cluster.text_range().end;
                        }
                        continue;
                    }
                    let key = (cluster.style().brush, bold, size);
                    if seg.key != Some(key) {
                        seg.flush(surface, self, &laid.text, baseline, links);
                        seg.key = Some(key);
                        seg.x = x;
                    }
                    for g in cluster.glyphs() {
                        seg.glyphs.push(KrillaGlyph::new(
                            GlyphId::new(g.id),
                            g.advance / size,
                            g.x / size,
                            g.y / size,
                            0.0,
                            cluster.text_range(),
                            None,
                        ));
                        x += g.advance;
                        seg.width += g.advance;
                    }
                }
            }
            seg.flush(surface, self, &laid.text, baseline, links);
        }
    }
}

/// Consecutive glyphs of a line in the same ink, face and size.
struct Segment {
    glyphs: Vec<KrillaGlyph>,
    /// Ink, bold face, font size.
    key: Option<(Ink, bool, f32)>,
    x: f32,
    width: f32,
}

impl Segment {
    fn flush(
        &mut self,
        surface: &mut Surface<'_>,
        engine: &Engine,
        text: &str,
        baseline: f32,
        links: &mut Vec<(Rect, u32)>,
    ) {
        let (ink, bold, size) = self.key.unwrap_or_default();
        let font = if bold { &engine.bold } else { &engine.regular };
        if !self.glyphs.is_empty() {
            if ink.code {
                fill_rect(
                    surface,
                    self.x - 1.0,
                    baseline - 0.82 * size,
                    self.width + 2.0,
                    1.08 * size,
                    CODE_BACKGROUND,
                );
            }
            set_fill(surface, ink.color);
            if ink.italic {
                // Slant about the baseline: x' = x - 0.2·y, y pointing down.
                surface.push_transform(&Transform::from_row(1.0, 0.0, -0.2, 1.0, self.x, baseline));
                surface.draw_glyphs(
                    Point::from_xy(0.0, 0.0),
                    &self.glyphs,
                    font.clone(),
                    text,
                    size,
                    false,
                );
                surface.pop();
            } else {
                surface.draw_glyphs(
                    Point::from_xy(self.x, baseline),
                    &self.glyphs,
                    font.clone(),
                    text,
                    size,
                    false,
                );
            }
            if ink.strike {
                fill_rect(
                    surface,
                    self.x,
                    baseline - 0.3 * size,
                    self.width,
                    0.06 * size,
                    ink.color,
                );
            }
            if let Some(link) = ink.link {
                fill_rect(
                    surface,
                    self.x,
                    baseline + 0.12 * size,
                    self.width,
                    0.05 * size,
                    ink.color,
                );
                if let Some(rect) = Rect::from_xywh(
                    self.x,
                    baseline - 0.85 * size,
                    self.width.max(1.0),
                    1.1 * size,
                ) {
                    links.push((rect, link));
                }
            }
        }
        self.glyphs.clear();
        self.x += self.width;
        self.width = 0.0;
    }
}

/// Background of inline code and code blocks.
pub const CODE_BACKGROUND: Rgb = [0xee, 0xef, 0xf2];

/// Sets the fill colour for what is drawn next.
pub fn set_fill(surface: &mut Surface<'_>, color: Rgb) {
    surface.set_fill(Some(Fill {
        paint: rgb::Color::new(color[0], color[1], color[2]).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }));
}

/// Fills an axis-aligned rectangle (nothing if it is empty).
pub fn fill_rect(surface: &mut Surface<'_>, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
    let Some(rect) = Rect::from_xywh(x, y, w, h) else {
        return;
    };
    let mut pb = krilla::geom::PathBuilder::new();
    pb.push_rect(rect);
    let Some(path) = pb.finish() else { return };
    set_fill(surface, color);
    surface.set_stroke(None);
    surface.draw_path(&path);
}
