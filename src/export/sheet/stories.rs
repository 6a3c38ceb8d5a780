//! The one-page story sheet: each value with the stories that show it, a
//! title and the first line of each STAR field, weakest stories first.
//!
//! [`StorySheet::build`] decides the content once; [`StorySheet::fit`] cuts
//! it to one page by the measure each format gives, as the interview-day
//! sheet does: each value keeps its weakest stories longest, and says how
//! many more are in the full summary.

use chrono::NaiveDateTime;

use super::{COLUMNS, first_line, notebook_title, page_rows, rows, when, who};
use crate::export::Paper;
use crate::i18n::Tr;
use crate::model::{Confidence, Notebook, Story, StoryField};
use crate::stories::sheet::{one_line, showing, unlinked};

/// The story sheet's content, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub struct StorySheet {
    /// The notebook's title, for the document title.
    pub notebook: String,
    /// The sheet's heading ("Stories to tell").
    pub title: String,
    /// "Company · Role · Interview in 3 days · …", what is known of it.
    pub who: String,
    /// The values (then "Not linked to a value"), each with its stories.
    pub values: Vec<ValueStories>,
    /// Stories under values cut whole to fit the page (counted once per
    /// value they were listed under).
    pub more: usize,
}

/// A value and the stories that show it.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueStories {
    /// The value's label, or "Not linked to a value".
    pub label: String,
    /// Its stories, weakest first.
    pub stories: Vec<Card>,
    /// Stories cut to fit the page.
    pub more: usize,
}

/// A story on the sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// The title ("Untitled story" when empty).
    pub title: String,
    /// How well the user tells it.
    pub confidence: Confidence,
    /// The first line of each STAR field that has text, as plain text.
    pub lines: Vec<(StoryField, String)>,
}

/// One piece of the story sheet, measured by a format to fit the page.
#[derive(Clone, Copy, Debug)]
pub enum StoryPiece<'s> {
    /// The title and who.
    Header,
    /// A value's label.
    Value(&'s str),
    /// A story.
    Story(&'s Card),
    /// A line under a value: "N more in the full summary", or "No story yet".
    More,
}

impl StorySheet {
    /// The whole sheet of `nb` as of `now`, worded by `tr`, before fitting.
    /// Values without a story are listed (with "No story yet"); stories
    /// tied to no value come last.
    pub fn build(nb: &Notebook, now: NaiveDateTime, tr: &Tr) -> Self {
        let cards = |stories: Vec<&Story>| {
            let mut cards: Vec<Card> = stories.into_iter().map(|s| card(s, tr)).collect();
            cards.sort_by_key(|c| c.confidence.weakest_first());
            cards
        };
        let mut values: Vec<ValueStories> = nb
            .values
            .iter()
            .map(|v| ValueStories {
                label: one_line(&v.label),
                stories: cards(showing(nb, v.id)),
                more: 0,
            })
            .collect();
        let loose = unlinked(nb);
        if !loose.is_empty() {
            values.push(ValueStories {
                label: tr.t("stories-export-loose"),
                stories: cards(loose),
                more: 0,
            });
        }
        if values.is_empty() {
            // No values and no stories: the page says so and where to add
            // them (it was a blank page).
            values.push(ValueStories {
                label: tr.t("story-sheet-empty"),
                stories: Vec::new(),
                more: 0,
            });
        }
        let who = [
            who(nb),
            nb.interview_at
                .map_or_else(String::new, |_| when(nb, now, tr)),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
        Self {
            notebook: notebook_title(nb, tr),
            title: tr.t("story-sheet-title"),
            who,
            values,
            more: 0,
        }
    }

    /// Cuts the sheet until its pieces, as `cost` measures them, add up to
    /// no more than `room`: first the strongest story of the value showing
    /// the most, until each value shows one; then those last stories; then
    /// whole values from the end. `cost` is asked once per piece.
    #[must_use]
    pub fn fit(mut self, room: f32, mut cost: impl FnMut(StoryPiece<'_>) -> f32) -> Self {
        let header = cost(StoryPiece::Header);
        let more = cost(StoryPiece::More);
        let groups: Vec<(f32, Vec<f32>)> = self
            .values
            .iter()
            .map(|v| {
                let label = cost(StoryPiece::Value(&v.label));
                (
                    label,
                    v.stories
                        .iter()
                        .map(|s| cost(StoryPiece::Story(s)))
                        .collect(),
                )
            })
            .collect();
        let mut shown: Vec<usize> = groups.iter().map(|(_, s)| s.len()).collect();
        let total = |shown: &[usize]| {
            header
                + groups
                    .iter()
                    .zip(shown)
                    .map(|((label, stories), &n)| {
                        // An empty or cut value says so in one line.
                        let line = if n < stories.len() || stories.is_empty() {
                            more
                        } else {
                            0.0
                        };
                        label + stories.iter().take(n).sum::<f32>() + line
                    })
                    .sum::<f32>()
        };
        for keep in [1, 0] {
            while total(&shown) > room {
                let Some(most) = shown.iter_mut().filter(|n| **n > keep).max_by_key(|n| **n) else {
                    break;
                };
                *most -= 1;
            }
        }
        while total(&shown) > room && shown.pop().is_some() {}
        self.more = self.values[shown.len()..]
            .iter()
            .map(|v| v.stories.len())
            .sum();
        self.values.truncate(shown.len());
        for (v, n) in self.values.iter_mut().zip(shown) {
            v.more = v.stories.len() - n;
            v.stories.truncate(n);
        }
        self
    }

    /// Fits the sheet to one printed page of `paper` by counting rows of
    /// text, as Markdown and HTML print it.
    #[must_use]
    pub fn fit_rows(self, paper: Paper) -> Self {
        let header = 2.0 + rows(&self.who, COLUMNS) + 1.0;
        self.fit(page_rows(paper), |piece| match piece {
            StoryPiece::Header => header,
            StoryPiece::Value(_) => 2.0,
            StoryPiece::Story(c) => {
                rows(&c.title, COLUMNS - 12)
                    + c.lines
                        .iter()
                        .map(|(_, l)| rows(l, COLUMNS - 14))
                        .sum::<f32>()
            }
            StoryPiece::More => 1.0,
        })
    }

    /// The line under a value: how many more stories the full summary has,
    /// or that it has none yet.
    pub fn more_line(value: &ValueStories, tr: &Tr) -> Option<String> {
        if value.more > 0 {
            Some(tr.t_args("story-sheet-more", &[("n", value.more.into())]))
        } else {
            value
                .stories
                .is_empty()
                .then(|| tr.t("stories-export-none"))
        }
    }

    /// The closing line when whole values were cut.
    pub fn more_values(&self, tr: &Tr) -> Option<String> {
        (self.more > 0).then(|| tr.t_args("story-sheet-more", &[("n", self.more.into())]))
    }
}

/// The translated name of a STAR field, short ("Situation").
pub fn field_label(field: StoryField, tr: &Tr) -> String {
    tr.t(&format!(
        "story-sheet-{}",
        field.label().to_ascii_lowercase()
    ))
}

fn card(s: &Story, tr: &Tr) -> Card {
    let title = one_line(&s.title);
    Card {
        title: if title.is_empty() {
            tr.t("stories-untitled")
        } else {
            title
        },
        confidence: s.confidence,
        lines: StoryField::STAR
            .into_iter()
            .filter_map(|f| Some((f, first_line(s.field(f))?)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{Id, Value};

    fn notebook(stories: usize) -> Notebook {
        let mut nb = Notebook {
            company: "ABC".into(),
            ..Notebook::default()
        };
        for (i, label) in ["Ownership", "Speed", "Care"].into_iter().enumerate() {
            nb.values.push(Value {
                id: Id(1 + i as u64),
                label: label.into(),
                ..Value::default()
            });
        }
        for i in 0..stories {
            let mut s = Story::new(Id(100 + i as u64), format!("story {i}"));
            s.situation = format!("situation {i}\nsecond line");
            s.result = format!("**result** {i}");
            s.confidence = Confidence::ALL[(i * 7) % 6];
            // Care (id 3) gets no story; every tenth story no value.
            if i % 10 != 9 {
                s.values.push(Id(1 + (i % 2) as u64));
            }
            nb.stories.push(s);
        }
        nb
    }

    fn now() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2025, 10, 11)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap()
    }

    #[test]
    fn stories_sit_under_their_values_weakest_first() {
        let s = StorySheet::build(&notebook(10), now(), &Tr::new(Lang::En));
        let labels: Vec<&str> = s.values.iter().map(|v| v.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Ownership", "Speed", "Care", "Not linked to a value"]
        );
        let levels: Vec<_> = s.values[0]
            .stories
            .iter()
            .map(|c| c.confidence.weakest_first())
            .collect();
        assert!(levels.is_sorted(), "{levels:?}");
        assert!(s.values[2].stories.is_empty());
        let card = &s.values[0].stories[0];
        assert_eq!(card.lines[0].1.split(' ').next(), Some("situation"));
        assert_eq!(card.lines.len(), 2, "Task and Action are empty");
        assert!(
            card.lines[1].1.starts_with("result "),
            "{:?}",
            card.lines[1]
        );
        assert_eq!(s.who, "ABC");
    }

    #[test]
    fn fitting_keeps_each_values_weakest_and_counts_the_rest() {
        let s = StorySheet::build(&notebook(60), now(), &Tr::new(Lang::En));
        let before: Vec<usize> = s.values.iter().map(|v| v.stories.len()).collect();
        let fitted = s.clone().fit(20.0, |_| 1.0);
        for (v, n) in fitted.values.iter().zip(&before) {
            assert_eq!(v.stories.len() + v.more, *n, "{}", v.label);
            if *n > 0 {
                assert!(!v.stories.is_empty(), "{} keeps its weakest", v.label);
            }
        }
        let original = &s.values[0].stories;
        assert_eq!(
            fitted.values[0].stories[..],
            original[..fitted.values[0].stories.len()]
        );
        assert!(StorySheet::more_line(&fitted.values[0], &Tr::new(Lang::En)).is_some());
        // No room at all: values go from the end, and are counted.
        let bare = s.clone().fit(0.0, |_| 1.0);
        assert!(bare.values.is_empty());
        assert_eq!(bare.more, before.iter().sum::<usize>());
        assert_eq!(s.clone().fit(10_000.0, |_| 1.0), s);
    }
}
