//! The interview-day sheet: what to read before going in, on one page.
//!
//! [`Sheet::build`] decides the content once, without egui: the countdown,
//! company and role, the values one line each, the weakest topics with the
//! first line of each note, the questions to ask (tick boxes with room for
//! the answer) and the notes of pinned sections. [`Sheet::fit`] then cuts it
//! to one page by the measure each format gives (PDF: laid-out heights;
//! Markdown and HTML: printed rows): the weakest topics stay, and the sheet
//! says how many more are in the full summary. The app's on-screen sheet
//! reads the same [`values`], [`weakest`] and [`first_line`].

pub mod html;
pub mod markdown;
pub mod stories;

use chrono::NaiveDateTime;

use super::Paper;
use super::summary::{countdown, format_when};
use crate::i18n::Tr;
use crate::model::{Confidence, Item, Notebook, SectionKind};
use crate::review;

/// Topics kept before anything else is cut.
const MIN_TOPICS: usize = 10;
/// Questions kept before more topics are cut.
const MIN_QUESTIONS: usize = 5;
/// Lines of each pinned note kept before more topics are cut.
const MIN_PINNED_LINES: usize = 3;
/// Lines of a pinned note shown at most.
const PINNED_LINES: usize = 8;
/// Columns of a printed row of the Markdown and HTML sheets (10.5 pt text
/// across A4 or Letter between 15 mm margins).
pub const COLUMNS: usize = 88;

/// The sheet's content, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet<'a> {
    /// The notebook's title (or "Interview notebook"), for the document title.
    pub notebook: String,
    /// The countdown line, e.g. "Interview in 3 days · Tue 14 Oct 2025, 14:00",
    /// or "Interview date not set".
    pub when: String,
    /// "Company · Role", possibly empty.
    pub who: String,
    /// The values, one line each.
    pub values: Vec<String>,
    /// Topics below Good, weakest first (every topic when none is).
    pub weakest: Vec<Topic<'a>>,
    /// The questions to ask, in notebook order.
    pub questions: Vec<Question<'a>>,
    /// The notes of pinned sections.
    pub pinned: Vec<Pinned>,
    /// Weakest topics cut to fit the page.
    pub more_topics: usize,
    /// Questions cut to fit the page.
    pub more_questions: usize,
}

/// A topic on the sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Topic<'a> {
    /// The topic.
    pub text: &'a str,
    /// Its rating.
    pub confidence: Confidence,
    /// The first line of its note, as plain text.
    pub note: Option<String>,
}

/// A question to ask, with room for the answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Question<'a> {
    /// The question.
    pub text: &'a str,
    /// Asked already.
    pub done: bool,
    /// The first line of what was noted as the answer, if anything.
    pub answer: Option<String>,
}

/// A pinned section's notes, as plain lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Pinned {
    /// The section's title ("Introduction" for the untitled one).
    pub title: String,
    /// The note's non-blank lines, Markdown marks removed.
    pub lines: Vec<String>,
    /// Lines were left out (the last shown line ends in "…" when drawn).
    pub cut: bool,
}

/// A part of the sheet under its own heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The values.
    Values,
    /// The weakest topics.
    Weakest,
    /// The questions to ask.
    Questions,
    /// The pinned notes.
    Pinned,
}

impl Part {
    /// The translation key of the heading.
    pub fn heading_key(self) -> &'static str {
        match self {
            Self::Values => "sheet-values",
            Self::Weakest => "sheet-weakest",
            Self::Questions => "sheet-questions",
            Self::Pinned => "export-sheet-pinned",
        }
    }
}

/// One piece of the sheet, measured by a format to fit the page.
#[derive(Clone, Copy, Debug)]
pub enum Piece<'s, 'a> {
    /// The countdown and who.
    Header,
    /// A part's heading.
    Heading(Part),
    /// A value.
    Value(&'s str),
    /// A weakest topic.
    Topic(&'s Topic<'a>),
    /// A question with its answer line.
    Question(&'s Question<'a>),
    /// A pinned section's title.
    PinnedTitle(&'s str),
    /// A line of a pinned note.
    PinnedLine(&'s str),
    /// The "N more in the full summary" line.
    More,
}

impl<'a> Sheet<'a> {
    /// The whole sheet of `nb` as of `now`, worded by `tr`, before fitting.
    pub fn build(nb: &'a Notebook, now: NaiveDateTime, tr: &Tr) -> Self {
        let when = when(nb, now, tr);
        let who = who(nb);
        let weakest = weakest(nb)
            .into_iter()
            .map(|i| Topic {
                text: i.text.trim(),
                confidence: i.confidence,
                note: first_line(&i.notes),
            })
            .collect();
        let questions = nb
            .first_of_kind(SectionKind::Checklist)
            .map(|s| {
                s.items()
                    .map(|i| Question {
                        text: i.text.trim(),
                        done: i.done,
                        answer: first_line(&i.notes),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let pinned = nb
            .sections
            .iter()
            .filter(|s| s.pinned && !s.notes.trim().is_empty())
            .map(|s| {
                let lines: Vec<String> = s.notes.lines().filter_map(first_line).collect();
                Pinned {
                    title: match s.title.trim() {
                        "" => tr.t("export-introduction"),
                        t => t.to_owned(),
                    },
                    cut: lines.len() > PINNED_LINES,
                    lines: lines.into_iter().take(PINNED_LINES).collect(),
                }
            })
            .collect();
        Self {
            notebook: notebook_title(nb, tr),
            when,
            who,
            values: values(nb),
            weakest,
            questions,
            pinned,
            more_topics: 0,
            more_questions: 0,
        }
    }

    /// Cuts the sheet until its pieces, as `cost` measures them, add up to
    /// no more than `room`. Cut first: topics past the tenth, questions past
    /// the fifth, pinned notes past their third line; then topics past the
    /// fifth, questions past the third, pinned notes past their first line;
    /// then the topics but the weakest, the values, and last everything
    /// else. `cost` is asked once per piece.
    #[must_use]
    pub fn fit(mut self, room: f32, mut cost: impl FnMut(Piece<'_, 'a>) -> f32) -> Self {
        let costs = Costs {
            header: cost(Piece::Header),
            headings: [Part::Values, Part::Weakest, Part::Questions, Part::Pinned]
                .map(|p| cost(Piece::Heading(p))),
            more: cost(Piece::More),
            values: self.values.iter().map(|v| cost(Piece::Value(v))).collect(),
            topics: self.weakest.iter().map(|t| cost(Piece::Topic(t))).collect(),
            questions: self
                .questions
                .iter()
                .map(|q| cost(Piece::Question(q)))
                .collect(),
            pinned: self
                .pinned
                .iter()
                .map(|p| {
                    let title = cost(Piece::PinnedTitle(&p.title));
                    let lines = p.lines.iter().map(|l| cost(Piece::PinnedLine(l)));
                    (title, lines.collect())
                })
                .collect(),
        };
        let mut n = Counts {
            values: self.values.len(),
            topics: self.weakest.len(),
            questions: self.questions.len(),
            pinned: self.pinned.iter().map(|p| p.lines.len()).collect(),
        };
        let over = |n: &Counts| costs.total(n) > room;
        for (topics, questions, lines) in [
            (MIN_TOPICS, MIN_QUESTIONS, MIN_PINNED_LINES),
            (5, 3, 1),
            (1, 3, 1),
        ] {
            while over(&n) && n.topics > topics {
                n.topics -= 1;
            }
            while over(&n) && n.questions > questions {
                n.questions -= 1;
            }
            while over(&n) {
                // The longest pinned note gives a line.
                let Some(longest) = n
                    .pinned
                    .iter_mut()
                    .filter(|l| **l > lines)
                    .max_by_key(|l| **l)
                else {
                    break;
                };
                *longest -= 1;
            }
        }
        while over(&n) && n.values > 0 {
            n.values -= 1;
        }
        while over(&n) && n.questions > 0 {
            n.questions -= 1;
        }
        while over(&n) && n.pinned.pop().is_some() {}
        while over(&n) && n.topics > 0 {
            n.topics -= 1;
        }
        self.values.truncate(n.values);
        self.more_topics = self.weakest.len() - n.topics;
        self.weakest.truncate(n.topics);
        self.more_questions = self.questions.len() - n.questions;
        self.questions.truncate(n.questions);
        self.pinned.truncate(n.pinned.len());
        for (p, keep) in self.pinned.iter_mut().zip(&n.pinned) {
            p.cut |= *keep < p.lines.len();
            p.lines.truncate(*keep);
        }
        self
    }

    /// Fits the sheet to one printed page of `paper` by counting rows of
    /// text, as Markdown and HTML print it ([`rows`] at [`COLUMNS`]).
    #[must_use]
    pub fn fit_rows(self, paper: Paper) -> Self {
        let header = rows(&self.when, COLUMNS / 2) + rows(&self.who, COLUMNS) + 1.0;
        self.fit(page_rows(paper), |piece| match piece {
            Piece::Header => header,
            Piece::Heading(_) => 2.0,
            Piece::Value(v) => rows(v, COLUMNS),
            Piece::Topic(t) => {
                rows(t.text, COLUMNS - 12) + t.note.as_deref().map_or(0.0, |n| rows(n, COLUMNS))
            }
            // The answer line below each question.
            Piece::Question(q) => rows(q.text, COLUMNS - 4) + 1.0,
            Piece::PinnedTitle(_) => 1.5,
            Piece::PinnedLine(l) => rows(l, COLUMNS),
            Piece::More => 1.0,
        })
    }

    /// The parts with something to show, in the order they are drawn.
    pub fn parts(&self) -> impl Iterator<Item = Part> + '_ {
        [
            (Part::Values, self.values.is_empty()),
            (
                Part::Weakest,
                self.weakest.is_empty() && self.more_topics == 0,
            ),
            (
                Part::Questions,
                self.questions.is_empty() && self.more_questions == 0,
            ),
            (Part::Pinned, self.pinned.is_empty()),
        ]
        .into_iter()
        .filter(|(_, empty)| !empty)
        .map(|(p, _)| p)
    }

    /// The line saying what was cut from `part`, if anything was.
    pub fn more(&self, part: Part, tr: &Tr) -> Option<String> {
        let (key, n) = match part {
            Part::Weakest => ("sheet-more", self.more_topics),
            Part::Questions => ("sheet-more-questions", self.more_questions),
            Part::Values | Part::Pinned => return None,
        };
        (n > 0).then(|| tr.t_args(key, &[("n", n.into())]))
    }
}

/// How many of each list are shown while fitting.
struct Counts {
    values: usize,
    topics: usize,
    questions: usize,
    /// Lines shown per pinned note (notes past the end are dropped).
    pinned: Vec<usize>,
}

/// What each piece costs, measured once.
struct Costs {
    header: f32,
    headings: [f32; 4],
    more: f32,
    values: Vec<f32>,
    topics: Vec<f32>,
    questions: Vec<f32>,
    pinned: Vec<(f32, Vec<f32>)>,
}

impl Costs {
    fn total(&self, n: &Counts) -> f32 {
        // A part's heading, its first `shown` pieces, and a "more" line when cut.
        let part = |heading: f32, pieces: &[f32], shown: usize, says_more: bool| {
            let cut = shown < pieces.len();
            if shown == 0 && !(cut && says_more) {
                return 0.0;
            }
            heading
                + pieces.iter().take(shown).sum::<f32>()
                + if cut && says_more { self.more } else { 0.0 }
        };
        let [values, weakest, questions, pinned] = self.headings;
        let notes: f32 = self
            .pinned
            .iter()
            .zip(&n.pinned)
            .map(|((title, lines), keep)| title + lines.iter().take(*keep).sum::<f32>())
            .sum();
        self.header
            + part(values, &self.values, n.values, false)
            + part(weakest, &self.topics, n.topics, true)
            + part(questions, &self.questions, n.questions, true)
            + if n.pinned.is_empty() {
                0.0
            } else {
                pinned + notes
            }
    }
}

/// The countdown line ("Interview in 3 days · Tue 14 Oct 2025, 14:00"),
/// or "Interview date not set".
pub fn when(nb: &Notebook, now: NaiveDateTime, tr: &Tr) -> String {
    nb.interview_at.map_or_else(
        || tr.t("sheet-no-date"),
        |at| {
            tr.t_args(
                "interview-countdown",
                &[
                    ("when", countdown(at, now, tr).into()),
                    ("date", format_when(at, tr).into()),
                ],
            )
        },
    )
}

/// "Company · Role", leaving out what is empty.
pub fn who(nb: &Notebook) -> String {
    [nb.company.trim(), nb.role.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The notebook's title, or "Interview notebook" in the language of `tr`.
pub fn notebook_title(nb: &Notebook, tr: &Tr) -> String {
    match nb.title.trim() {
        "" => tr.t("export-untitled"),
        t => t.to_owned(),
    }
}

/// Printed rows of text on one page of `paper` (10.5 pt between 15 mm
/// margins), the room the Markdown and HTML sheets fit into.
pub fn page_rows(paper: Paper) -> f32 {
    match paper {
        Paper::A4 => 50.0,
        Paper::Letter => 46.0,
    }
}

/// Topics below Good, weakest first (every topic when none is below Good).
pub fn weakest(nb: &Notebook) -> Vec<&Item> {
    let queue = review::review_queue(nb);
    let below: Vec<&Item> = queue
        .iter()
        .copied()
        .filter(|i| i.confidence.needs_study())
        .collect();
    if below.is_empty() { queue } else { below }
}

/// The first non-empty line of a note, without Markdown list, heading or
/// emphasis marks.
pub fn first_line(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let line = line.trim_start_matches(['#', '-', '*', '>', ' ']);
    let plain = plain(line);
    (!plain.is_empty()).then_some(plain)
}

/// The values, one line each: the list items of the section about the
/// mission or values (its topics when it has any).
pub fn values(nb: &Notebook) -> Vec<String> {
    let keys = ["value", "mission", "가치", "미션", "비전"];
    let Some(section) = nb.sections.iter().find(|s| {
        let t = s.title.to_lowercase();
        keys.iter().any(|k| t.contains(k))
    }) else {
        return Vec::new();
    };
    if section.kind != SectionKind::Prose {
        return section.items().map(|i| plain(&i.text)).collect();
    }
    section
        .markdown
        .lines()
        .filter_map(|l| {
            let rest = l
                .strip_prefix("- ")
                .or_else(|| l.strip_prefix("* "))
                .or_else(|| l.strip_prefix("+ "))?;
            Some(plain(rest.trim()))
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// Markdown emphasis marks removed (`**`, `_` around words, backticks).
pub fn plain(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let word = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alphanumeric())
        };
        let inside = word(i.checked_sub(1)) && word(Some(i + 1));
        if matches!(c, '*' | '`') || (c == '_' && !inside) {
            continue;
        }
        out.push(c);
    }
    out.trim().to_owned()
}

/// Printed rows a line of text takes at `width` columns, Hangul and other
/// wide characters counting two (the measure Markdown and HTML fit by).
pub fn rows(text: &str, width: usize) -> f32 {
    let columns: usize = text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum();
    columns.div_ceil(width.max(1)).max(1) as f32
}

fn is_wide(c: char) -> bool {
    matches!(u32::from(c), 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFF00..=0xFF60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{Group, Id, Section};

    fn now() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2025, 10, 11)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap()
    }

    fn notebook(topics: usize, questions: usize) -> Notebook {
        let mut nb = Notebook {
            company: "ABC".into(),
            role: "Backend".into(),
            interview_at: chrono::NaiveDate::from_ymd_opt(2025, 10, 14)
                .and_then(|d| d.and_hms_opt(14, 0, 0)),
            ..Notebook::default()
        };
        let items = |n: usize, base: u64| -> Vec<Item> {
            (0..n)
                .map(|i| Item {
                    confidence: Confidence::ALL[i % 4],
                    ..Item::new(Id(base + i as u64), format!("item {i}"))
                })
                .collect()
        };
        nb.sections.push(Section {
            title: "Topics".into(),
            kind: SectionKind::Topics,
            groups: vec![Group {
                items: items(topics, 100),
                ..Group::default()
            }],
            ..Section::default()
        });
        nb.sections.push(Section {
            title: "Questions".into(),
            kind: SectionKind::Checklist,
            groups: vec![Group {
                items: items(questions, 10_000),
                ..Group::default()
            }],
            ..Section::default()
        });
        nb.sections.push(Section {
            title: "Company".into(),
            notes: (0..20)
                .map(|i| format!("- line {i}"))
                .collect::<Vec<_>>()
                .join("\n"),
            pinned: true,
            ..Section::default()
        });
        nb
    }

    #[test]
    fn the_sheet_has_the_countdown_who_and_weakest_first() {
        let nb = notebook(8, 2);
        let s = Sheet::build(&nb, now(), &Tr::new(Lang::En));
        assert_eq!(s.when, "Interview in 3 days · Tue 14 Oct 2025, 14:00");
        assert_eq!(s.who, "ABC · Backend");
        let levels: Vec<_> = s
            .weakest
            .iter()
            .map(|t| t.confidence.weakest_first())
            .collect();
        assert!(levels.is_sorted(), "{levels:?}");
        assert_eq!(s.questions.len(), 2);
        assert_eq!(s.pinned[0].lines.len(), PINNED_LINES);
        assert!(s.pinned[0].cut);
        let ko = Sheet::build(&nb, now(), &Tr::new(Lang::Ko));
        assert_eq!(ko.when, "면접 3일 후 · 2025년 10월 14일 (화), 14:00");
    }

    #[test]
    fn fitting_keeps_the_weakest_and_counts_the_rest() {
        let nb = notebook(300, 10);
        let s = Sheet::build(&nb, now(), &Tr::new(Lang::En));
        let all = s.weakest.len();
        // Every piece one row; 40 rows of room.
        let fitted = s.clone().fit(40.0, |_| 1.0);
        assert!(fitted.weakest.len() >= MIN_TOPICS);
        assert_eq!(fitted.weakest.len() + fitted.more_topics, all);
        assert_eq!(fitted.weakest[..], s.weakest[..fitted.weakest.len()]);
        assert!(fitted.more(Part::Weakest, &Tr::new(Lang::En)).is_some());
        // 1 header + values 0 + (1 + topics + 1 more) + (1 + 10) + (1 + 1 + lines).
        let used = 1 + (2 + fitted.weakest.len()) + 11 + 2 + fitted.pinned[0].lines.len();
        assert!(used <= 40, "{used}");
        assert_eq!(fitted.questions.len(), 10);
        // Plenty of room: nothing is cut.
        let whole = s.clone().fit(10_000.0, |_| 1.0);
        assert_eq!(whole, s);
        // No room: still a sheet, with the header.
        let bare = s.fit(0.0, |_| 1.0);
        assert!(bare.weakest.is_empty() && bare.questions.is_empty() && bare.pinned.is_empty());
        assert_eq!(bare.more_topics, all);
    }

    #[test]
    fn first_line_skips_blank_lines_and_marks() {
        assert_eq!(
            first_line("\n- **Await** frees the loop\nmore"),
            Some("Await frees the loop".into())
        );
        assert_eq!(first_line("  \n"), None);
        assert_eq!(plain("snake_case stays"), "snake_case stays");
        assert!((rows("가나다", 4) - 2.0).abs() < f32::EPSILON);
        assert!((rows("", 4) - 1.0).abs() < f32::EPSILON);
    }
}
