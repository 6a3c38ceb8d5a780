//! What the user chose for an export: what to include, in which order, on
//! which paper, in which language, and whether it is the full summary or the
//! one-page interview-day sheet. The app remembers these between exports; the
//! CLI takes them as flags.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{ExportError, Format, Paper};
use crate::i18n::Lang;
use crate::model::Confidence;

/// The order of topics within their groups.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TopicOrder {
    /// As in the notebook.
    #[default]
    Notebook,
    /// Weakest first (known-weak before unrated), groups led by their weakest
    /// topic: a sheet to carry reads what needs work first.
    Weakest,
}

impl TopicOrder {
    /// Both orders, in the order the export dialog offers them.
    pub const ALL: [Self; 2] = [Self::Weakest, Self::Notebook];

    /// The order a format gets when the user did not choose: weakest first
    /// on paper (PDF), notebook order elsewhere.
    pub fn default_for(format: Format) -> Self {
        match format {
            Format::Pdf => Self::Weakest,
            Format::Html | Format::Markdown => Self::Notebook,
        }
    }

    /// The translation key of the order's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Notebook => "export-order-notebook",
            Self::Weakest => "export-order-weakest",
        }
    }
}

impl FromStr for TopicOrder {
    type Err = ExportError;

    /// Parses `weakest` or `notebook`, ignoring case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "weakest" | "weakest-first" => Ok(Self::Weakest),
            "notebook" => Ok(Self::Notebook),
            _ => Err(ExportError::UnknownOption(s.to_owned())),
        }
    }
}

/// What an export is: the full summary or one of the one-page sheets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Document {
    /// The full summary.
    #[default]
    Summary,
    /// The one-page interview-day sheet.
    Sheet,
    /// The one-page story sheet.
    Stories,
}

impl Document {
    /// The three, in the order the export dialog offers them.
    pub const ALL: [Self; 3] = [Self::Summary, Self::Sheet, Self::Stories];

    /// The translation key of the choice's name in the export dialog.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Summary => "export-what-summary",
            Self::Sheet => "export-what-sheet",
            Self::Stories => "export-what-stories",
        }
    }

    /// The translation key of the export dialog's title for this document.
    pub fn title_key(self) -> &'static str {
        match self {
            Self::Summary => "export-title",
            Self::Sheet => "export-title-sheet",
            Self::Stories => "export-title-stories",
        }
    }

    /// The translation key of the word that ends the file name offered.
    pub fn file_word_key(self) -> &'static str {
        match self {
            Self::Summary => "export-file-word",
            Self::Sheet => "export-sheet-file-word",
            Self::Stories => "export-stories-file-word",
        }
    }
}

/// Which sections show the brief's own text (the prose of Prose sections).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BriefText {
    /// Only sections whose text the user edited: their edits are theirs to
    /// carry; the untouched brief they already have.
    #[default]
    Edited,
    /// Every section's text.
    All,
    /// None.
    None,
}

impl BriefText {
    /// The three choices, in the order the export dialog offers them.
    pub const ALL: [Self; 3] = [Self::Edited, Self::All, Self::None];

    /// The translation key of the choice's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Edited => "export-brief-edited",
            Self::All => "export-brief-all",
            Self::None => "export-brief-none",
        }
    }

    /// True when a section's text is shown (`edited`: the user changed it).
    pub fn shows(self, edited: bool) -> bool {
        match self {
            Self::Edited => edited,
            Self::All => true,
            Self::None => false,
        }
    }
}

impl FromStr for BriefText {
    type Err = ExportError;

    /// Parses `edited`, `all` or `none`, ignoring case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "edited" => Ok(Self::Edited),
            "all" => Ok(Self::All),
            "none" => Ok(Self::None),
            _ => Err(ExportError::UnknownOption(s.to_owned())),
        }
    }
}

/// What goes into the export. Remembered by the app between exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportOptions {
    /// The one-page interview-day sheet instead of the full summary (the
    /// sheet ignores the options below but `paper` and `lang`).
    pub sheet: bool,
    /// The one-page story sheet instead of the full summary; wins over
    /// `sheet` (it too ignores the options below but `paper` and `lang`).
    pub stories: bool,
    /// Include the user's notes (on topics, questions and sections).
    pub include_notes: bool,
    /// Which sections show the brief's own prose.
    pub brief: BriefText,
    /// Show only topics rated at or below this level (a cheat sheet of weak
    /// spots). Unrated topics count as the lowest level, so they are kept.
    /// `None` shows every topic.
    pub max_confidence: Option<Confidence>,
    /// Leave out topics not rated yet.
    pub hide_unrated: bool,
    /// The topic order; `None` is the format's default
    /// ([`TopicOrder::default_for`]).
    pub order: Option<TopicOrder>,
    /// Paper size for the PDF and for printing the HTML.
    pub paper: Paper,
    /// The language of every label, date and countdown. Not remembered: the
    /// app sets its interface language at each export.
    #[serde(skip)]
    pub lang: Lang,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            sheet: false,
            stories: false,
            include_notes: true,
            brief: BriefText::Edited,
            max_confidence: None,
            hide_unrated: false,
            order: None,
            paper: Paper::A4,
            lang: Lang::En,
        }
    }
}

impl ExportOptions {
    /// The document these options export.
    pub fn document(&self) -> Document {
        if self.stories {
            Document::Stories
        } else if self.sheet {
            Document::Sheet
        } else {
            Document::Summary
        }
    }

    /// Chooses the document to export.
    pub fn set_document(&mut self, document: Document) {
        self.sheet = document == Document::Sheet;
        self.stories = document == Document::Stories;
    }

    /// The topic order in force for `format`.
    pub fn order_for(&self, format: Format) -> TopicOrder {
        self.order.unwrap_or(TopicOrder::default_for(format))
    }

    /// True when a topic at `level` is shown.
    pub fn shows_topic(&self, level: Confidence) -> bool {
        !(self.hide_unrated && level == Confidence::Unrated)
            && self.max_confidence.is_none_or(|max| level <= max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_default_and_fill_missing_fields() {
        let o: ExportOptions = serde_json::from_str(r#"{"paper":"letter"}"#).unwrap();
        assert!(o.include_notes);
        assert_eq!(o.brief, BriefText::Edited);
        assert_eq!(o.max_confidence, None);
        assert_eq!(o.paper, Paper::Letter);
        assert!(!o.sheet && !o.hide_unrated);
        let o: ExportOptions =
            serde_json::from_str(r#"{"max_confidence":"shaky","order":"weakest"}"#).unwrap();
        assert_eq!(o.max_confidence, Some(Confidence::Shaky));
        assert_eq!(o.order_for(Format::Html), TopicOrder::Weakest);
        assert_eq!(o.paper, Paper::A4);
    }

    #[test]
    fn weakest_first_is_the_default_on_paper_only() {
        let o = ExportOptions::default();
        assert_eq!(o.order_for(Format::Pdf), TopicOrder::Weakest);
        assert_eq!(o.order_for(Format::Html), TopicOrder::Notebook);
        assert_eq!(o.order_for(Format::Markdown), TopicOrder::Notebook);
    }

    #[test]
    fn hide_unrated_and_the_level_filter_combine() {
        let o = ExportOptions {
            hide_unrated: true,
            max_confidence: Some(Confidence::Shaky),
            ..ExportOptions::default()
        };
        assert!(!o.shows_topic(Confidence::Unrated));
        assert!(o.shows_topic(Confidence::Weak));
        assert!(!o.shows_topic(Confidence::Okay));
        assert!(ExportOptions::default().shows_topic(Confidence::Unrated));
    }
}
