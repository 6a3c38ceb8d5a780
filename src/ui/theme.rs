//! Look and feel: fonts (Hangul included), confidence colours, themes and
//! high contrast.

use egui::{Color32, FontData, FontDefinitions, FontFamily};
use serde::{Deserialize, Serialize};

use crate::model::Confidence;

/// Which theme to use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// The next choice in the cycle System → Light → Dark.
    pub fn next(self) -> Self {
        match self {
            Self::System => Self::Light,
            Self::Light => Self::Dark,
            Self::Dark => Self::System,
        }
    }

    /// The translation key of the choice's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::System => "theme-system",
            Self::Light => "theme-light",
            Self::Dark => "theme-dark",
        }
    }

    /// Applies the choice to the context.
    pub fn apply(self, ctx: &egui::Context) {
        ctx.set_theme(match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        });
    }
}

/// Registers the bundled Korean font after egui's own fonts, so Latin keeps
/// egui's look and Hangul renders everywhere, with or without system fonts.
///
/// `PREPKIT_NO_BUNDLED_FONT=1` skips it (to measure what the font costs, or to
/// rely on system fonts only).
pub fn install_fonts(ctx: &egui::Context) {
    if std::env::var_os("PREPKIT_NO_BUNDLED_FONT").is_some_and(|v| v == "1") {
        return;
    }
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "nanum".to_owned(),
        FontData::from_static(crate::fonts::REGULAR).into(),
    );
    fonts.font_data.insert(
        "nanum-bold".to_owned(),
        FontData::from_static(crate::fonts::BOLD).into(),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("nanum".to_owned());
    }
    fonts.families.insert(
        FontFamily::Name("bold".into()),
        vec!["nanum-bold".to_owned()],
    );
    ctx.set_fonts(fonts);
    ctx.add_glyph_rasterizer(icon_rasterizer());
}

/// Symbols no bundled font has, drawn here: egui_commonmark's code block
/// copy button (`🗐`, then `✔` once copied) was a missing-glyph box.
pub const DRAWN_ICONS: [char; 2] = ['🗐', '✔'];

/// Draws [`DRAWN_ICONS`] as coverage bitmaps, at any size.
#[expect(
    clippy::many_single_char_names,
    reason = "geometry: x, y, w, n read as in a textbook"
)]
fn icon_rasterizer() -> egui::epaint::text::GlyphRasterizer {
    use egui::epaint::text::{GlyphBitmap, GlyphRasterizer, RasterizedGlyph};
    GlyphRasterizer::new("prepkit::icons", |request| {
        let mut chars = request.cluster.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return None;
        };
        if !DRAWN_ICONS.contains(&c) {
            return None;
        }
        let em = request.font_size_px.max(4.0);
        let side = (em * 0.8).round().max(4.0);
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a small positive pixel count"
        )]
        let n = side as usize;
        let stroke = (em / 12.0).max(1.0);
        let inside = |x: f32, y: f32| -> bool {
            let (x, y) = (x / side, y / side);
            let w = stroke / side;
            if c == '🗐' {
                // Two overlapping sheets: the back one's outline, the front one's.
                let outline = |x0: f32, y0: f32, x1: f32, y1: f32| {
                    (x0..=x1).contains(&x)
                        && (y0..=y1).contains(&y)
                        && (x - x0 < w || x1 - x < w || y - y0 < w || y1 - y < w)
                };
                let front = (0.3..=0.95).contains(&x) && (0.3..=0.95).contains(&y);
                outline(0.3, 0.3, 0.95, 0.95) || (!front && outline(0.05, 0.05, 0.7, 0.7))
            } else {
                // A tick: two strokes meeting at the bottom.
                let near = |ax: f32, ay: f32, bx: f32, by: f32| {
                    let (dx, dy) = (bx - ax, by - ay);
                    let t = (((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
                    let (px, py) = (ax + t * dx - x, ay + t * dy - y);
                    (px * px + py * py).sqrt() < w * 0.9
                };
                near(0.1, 0.55, 0.4, 0.85) || near(0.4, 0.85, 0.92, 0.15)
            }
        };
        let mut pixels = Vec::with_capacity(n * n);
        for row in 0..n {
            for col in 0..n {
                // 4×4 samples per pixel for smooth edges.
                let hits = (0..16_u8)
                    .filter(|&k: &u8| {
                        let x = col as f32 + (f32::from(k % 4) + 0.5) / 4.0;
                        let y = row as f32 + (f32::from(k / 4) + 0.5) / 4.0;
                        inside(x, y)
                    })
                    .count();
                #[expect(clippy::cast_possible_truncation, reason = "at most 255")]
                let alpha = (hits * 255 / 16) as u8;
                pixels.push(Color32::from_white_alpha(alpha));
            }
        }
        Some(RasterizedGlyph {
            bitmap: GlyphBitmap {
                image: egui::ColorImage::new([n, n], pixels),
                // From the baseline up, as a capital letter sits.
                offset_px: egui::vec2(em * 0.1, -side),
                is_color: false,
            },
            advance_px: side + em * 0.2,
        })
    })
}

/// The colour of a confidence level. Always shown with its number and label.
pub fn confidence_color(c: Confidence, high_contrast: bool) -> Color32 {
    let [r, g, b] = c.rgb();
    if high_contrast {
        // Darker, fully opaque fills so white text on them stands out.
        let dark = |v: u8| (f32::from(v) * 0.62) as u8;
        Color32::from_rgb(dark(r), dark(g), dark(b))
    } else {
        Color32::from_rgb(r, g, b)
    }
}

/// Text colour on a confidence fill: dark on the light yellow of "Okay",
/// white on the others (and on every high-contrast fill, which are dark).
pub fn on_confidence(c: Confidence, high_contrast: bool) -> Color32 {
    match c {
        Confidence::Okay if !high_contrast => Color32::from_rgb(0x20, 0x20, 0x20),
        _ => Color32::WHITE,
    }
}

/// Turns high contrast on or off for both themes.
pub fn apply_contrast(ctx: &egui::Context, high: bool) {
    ctx.all_styles_mut(|style| {
        let dark = style.visuals.dark_mode;
        let mut base = if dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        };
        if high {
            let (fg, bg) = if dark {
                (Color32::WHITE, Color32::BLACK)
            } else {
                (Color32::BLACK, Color32::WHITE)
            };
            base.override_text_color = Some(fg);
            base.panel_fill = bg;
            base.window_fill = bg;
            base.extreme_bg_color = bg;
            base.widgets.noninteractive.bg_stroke = egui::Stroke::new(1.5, fg);
            base.widgets.inactive.bg_stroke = egui::Stroke::new(1.5, fg);
            base.widgets.hovered.bg_stroke = egui::Stroke::new(2.0, fg);
            base.selection.stroke = egui::Stroke::new(2.0, fg);
        }
        // A focus ring that is easy to see when moving with Tab.
        base.widgets.hovered.expansion = 1.0;
        style.visuals = base;
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        // A solid scroll bar beside the content: the default floating one
        // fades in over several frames whenever the pointer enters.
        style.spacing.scroll = egui::style::ScrollStyle::solid();
    });
}
