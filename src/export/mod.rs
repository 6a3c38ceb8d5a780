//! Export: a notebook becomes a summary to print or to read on a phone.
//!
//! [`render`] is a pure function from a [`Notebook`] and [`ExportOptions`] to
//! the bytes of a file in one [`Format`]: Markdown, self-contained HTML, or
//! PDF. It does no I/O; [`write()`] renders and writes the file where the
//! user asked, for the app and the CLI alike. All three renderers read one [`summary::Summary`], built once, so
//! they agree on what is shown, the counts and the countdown.

mod html;
mod markdown;
mod options;
mod pdf;
pub mod sheet;
pub mod summary;
pub mod url;
mod write;

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::i18n::Tr;
use crate::model::Notebook;

pub use options::{BriefText, Document, ExportOptions, TopicOrder};
pub use sheet::Sheet;
pub use summary::Summary;
pub use write::{ExportFailure, write};

/// A file format the summary can be exported to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A print-ready PDF with embedded fonts.
    #[default]
    Pdf,
    /// One self-contained HTML file (inline CSS, no scripts).
    Html,
    /// Standard Markdown that renders on GitHub and re-imports into Prepkit.
    #[serde(rename = "md")]
    Markdown,
}

impl Format {
    /// All formats, in the order the export dialog offers them.
    pub const ALL: [Self; 3] = [Self::Pdf, Self::Html, Self::Markdown];

    /// The file extension, without the dot: `pdf`, `html` or `md`.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Html => "html",
            Self::Markdown => "md",
        }
    }

    /// A human label for menus, e.g. "PDF".
    pub fn label(self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::Html => "HTML",
            Self::Markdown => "Markdown",
        }
    }

    /// The MIME type of the bytes [`render`] produces.
    pub fn mime_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Html => "text/html; charset=utf-8",
            Self::Markdown => "text/markdown; charset=utf-8",
        }
    }

    /// The format a file name's extension names, if any (`.pdf`, `.html`, `.htm`, `.md`).
    pub fn from_path(path: &Path) -> Option<Self> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(|e| e.parse().ok())
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

impl FromStr for Format {
    type Err = ExportError;

    /// Parses `pdf`, `html` (or `htm`), `md` (or `markdown`), ignoring case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "pdf" => Ok(Self::Pdf),
            "html" | "htm" => Ok(Self::Html),
            "md" | "markdown" => Ok(Self::Markdown),
            _ => Err(ExportError::UnknownFormat(s.to_owned())),
        }
    }
}

/// The paper size of the PDF and of the HTML print stylesheet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Both sizes, in the order the export dialog offers them.
    pub const ALL: [Self; 2] = [Self::A4, Self::Letter];

    /// Width and height in PDF points (1/72 in).
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.276, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }

    /// The CSS `@page { size: … }` keyword.
    pub fn css_name(self) -> &'static str {
        match self {
            Self::A4 => "A4",
            Self::Letter => "letter",
        }
    }
}

impl FromStr for Paper {
    type Err = ExportError;

    /// Parses `a4` or `letter`, ignoring case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(Self::A4),
            "letter" | "us-letter" => Ok(Self::Letter),
            _ => Err(ExportError::UnknownPaper(s.to_owned())),
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A format name that is not `pdf`, `html` or `md`.
    #[error("unknown export format {0:?} (expected pdf, html or md)")]
    UnknownFormat(String),
    /// A paper name that is not `a4` or `letter`.
    #[error("unknown paper size {0:?} (expected a4 or letter)")]
    UnknownPaper(String),
    /// A topic order or brief-text choice that is not one of the known words.
    #[error("unknown export option {0:?}")]
    UnknownOption(String),
    /// A bundled font could not be read (a broken build, not bad input).
    #[error("the bundled font {0} could not be loaded")]
    Font(&'static str),
    /// The PDF writer refused the document.
    #[error("could not write the PDF: {0}")]
    Pdf(String),
}

/// Renders the notebook's summary in `format`.
///
/// `now` is the moment of export (local time): it dates the summary and drives
/// the countdown ("in 3 days", "today", "2 days ago"), so equal inputs give
/// equal bytes.
pub fn render(
    nb: &Notebook,
    opts: &ExportOptions,
    format: Format,
    now: NaiveDateTime,
) -> Result<Vec<u8>, ExportError> {
    let tr = Tr::new(opts.lang);
    match opts.document() {
        Document::Sheet => {
            let sheet = Sheet::build(nb, now, &tr);
            return match format {
                Format::Markdown => {
                    Ok(sheet::markdown::render(sheet, opts.paper, &tr).into_bytes())
                }
                Format::Html => Ok(sheet::html::render(sheet, opts.paper, &tr).into_bytes()),
                Format::Pdf => pdf::render_sheet(sheet, opts.paper, now, &tr),
            };
        }
        Document::Stories => {
            let sheet = sheet::stories::StorySheet::build(nb, now, &tr);
            let paper = opts.paper;
            return match format {
                Format::Markdown => {
                    Ok(sheet::markdown::render_stories(sheet, paper, &tr).into_bytes())
                }
                Format::Html => Ok(sheet::html::render_stories(sheet, paper, &tr).into_bytes()),
                Format::Pdf => pdf::render_story_sheet(sheet, paper, now, &tr),
            };
        }
        Document::Summary => {}
    }
    let stories = crate::stories::sheet::summary_markdown(nb, &tr);
    let mut summary = Summary::build(nb, opts, format, now, &tr);
    crate::stories::sheet::add_to_summary(&mut summary, stories.as_deref(), &tr);
    match format {
        Format::Markdown => Ok(markdown::render(&summary, &tr).into_bytes()),
        Format::Html => Ok(html::render(&summary, opts.paper, &tr).into_bytes()),
        Format::Pdf => pdf::render(&summary, opts.paper, now, &tr),
    }
}

/// A file name to offer in the save dialog, e.g. `abc-corp-summary.pdf`.
///
/// Built from the company (or the title) with everything but letters, digits
/// and dashes dropped; Hangul is kept.
pub fn suggested_file_name(nb: &Notebook, format: Format) -> String {
    let base = [nb.company.as_str(), nb.title.as_str()]
        .into_iter()
        .find(|s| !s.trim().is_empty())
        .unwrap_or("prepkit");
    let mut slug = String::new();
    for c in base.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    let slug = if slug.is_empty() {
        "prepkit".to_owned()
    } else {
        slug
    };
    format!("{slug}-summary.{}", format.extension())
}

/// The file name offered for an export in the language of `tr`, e.g.
/// `abc-corp-summary.pdf`, `한빛랩스-요약.pdf`, or for the interview-day
/// sheet `abc-corp-interview-day.pdf` / `한빛랩스-면접-당일.pdf`, for the
/// story sheet `abc-corp-stories.pdf`.
pub fn file_name_in(nb: &Notebook, format: Format, document: Document, tr: &Tr) -> String {
    let english = suggested_file_name(nb, format);
    let ext = format.extension();
    let word = tr.t(document.file_word_key());
    english
        .strip_suffix(&format!("-summary.{ext}"))
        .map_or(english.clone(), |base| format!("{base}-{word}.{ext}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_and_name_their_extension() {
        for f in Format::ALL {
            assert_eq!(f.extension().parse::<Format>().unwrap(), f);
        }
        assert_eq!("HTM".parse::<Format>().unwrap(), Format::Html);
        assert!("docx".parse::<Format>().is_err());
        assert_eq!(
            Format::from_path(Path::new("out/summary.PDF")),
            Some(Format::Pdf)
        );
        assert_eq!(Format::from_path(Path::new("summary")), None);
    }

    #[test]
    fn suggested_name_is_file_safe_and_keeps_hangul() {
        let nb = Notebook {
            company: "ABC Corp / Seoul".into(),
            ..Notebook::default()
        };
        assert_eq!(
            suggested_file_name(&nb, Format::Pdf),
            "abc-corp-seoul-summary.pdf"
        );
        let nb = Notebook {
            title: "네이버 면접".into(),
            ..Notebook::default()
        };
        assert_eq!(
            suggested_file_name(&nb, Format::Markdown),
            "네이버-면접-summary.md"
        );
        assert_eq!(
            suggested_file_name(&Notebook::default(), Format::Html),
            "prepkit-summary.html"
        );
    }

    #[test]
    fn file_names_speak_one_language() {
        use crate::i18n::Lang;
        let nb = Notebook {
            company: "한빛랩스".into(),
            ..Notebook::default()
        };
        let ko = Tr::new(Lang::Ko);
        assert_eq!(
            file_name_in(&nb, Format::Pdf, Document::Summary, &ko),
            "한빛랩스-요약.pdf"
        );
        assert_eq!(
            file_name_in(&nb, Format::Pdf, Document::Sheet, &ko),
            "한빛랩스-면접-당일.pdf"
        );
        let en = Tr::new(Lang::En);
        assert_eq!(
            file_name_in(&nb, Format::Html, Document::Sheet, &en),
            "한빛랩스-interview-day.html"
        );
        assert_eq!(
            file_name_in(&nb, Format::Pdf, Document::Stories, &ko),
            "한빛랩스-스토리.pdf"
        );
    }
}
