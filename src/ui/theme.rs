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
    });
}
