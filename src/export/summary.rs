//! What an exported summary says, decided once for every format.
//!
//! [`Summary::build`] applies the options (notes, brief text, topic filter),
//! counts ratings and ticks, and words the countdown. The Markdown, HTML and
//! PDF renderers only lay this out, so the three never disagree.

use chrono::{NaiveDateTime, Timelike};

use crate::model::{Confidence, Group, Item, Notebook, Section, SectionKind};

use super::ExportOptions;

/// The title used when the notebook has none.
pub const UNTITLED_NOTEBOOK: &str = "Interview notebook";

/// The heading used for the untitled section before the brief's first heading.
pub const UNTITLED_SECTION: &str = "Introduction";

/// Everything an export shows, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary<'a> {
    /// The notebook's title, or [`UNTITLED_NOTEBOOK`].
    pub title: &'a str,
    /// The company, possibly empty.
    pub company: &'a str,
    /// The role, possibly empty.
    pub role: &'a str,
    /// When the interview is, if known.
    pub interview: Option<Interview>,
    /// The export date, e.g. "11 October 2025".
    pub exported_on: String,
    /// Ratings over every topic of the notebook (not only the shown ones).
    pub confidence: ConfidenceStats,
    /// Ticks over every checklist question.
    pub checklist: Progress,
    /// The topic filter in force, if any: topics above this level are hidden.
    pub max_confidence: Option<Confidence>,
    /// The sections worth showing, in notebook order.
    pub sections: Vec<SectionView<'a>>,
}

/// The interview's date and how far away it is on export day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interview {
    /// E.g. "Tuesday 14 October 2025, 14:00" (no time when it is midnight).
    pub when: String,
    /// E.g. "in 3 days", "tomorrow", "today", "2 days ago".
    pub countdown: String,
}

/// How many topics sit at each confidence level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ConfidenceStats {
    /// Count per level, indexed by [`Confidence::level`] (0 = unrated).
    pub counts: [usize; 6],
}

impl ConfidenceStats {
    /// The number of topics at `level`.
    pub fn count(&self, level: Confidence) -> usize {
        self.counts
            .get(usize::from(level.level()))
            .copied()
            .unwrap_or(0)
    }

    /// All topics, rated or not.
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// Levels with their counts, weakest rated first and unrated last, as the
    /// overview lists them.
    pub fn rows(&self) -> impl Iterator<Item = (Confidence, usize)> + '_ {
        Confidence::RATED
            .into_iter()
            .chain([Confidence::Unrated])
            .map(|c| (c, self.count(c)))
    }
}

/// Done out of total, e.g. questions asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// How many are ticked.
    pub done: usize,
    /// How many there are.
    pub total: usize,
}

impl Progress {
    /// The ticked share, 0.0–1.0 (0.0 when there is nothing to tick).
    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            0.0
        } else {
            self.done as f32 / self.total as f32
        }
    }
}

/// One section as exported.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionView<'a> {
    /// The heading (never empty; see [`UNTITLED_SECTION`]).
    pub title: &'a str,
    /// The brief's prose for this section, when asked for and not empty.
    pub brief: Option<&'a str>,
    /// The user's notes for this section, when asked for and not empty.
    pub notes: Option<&'a str>,
    /// What the section lists.
    pub body: Body<'a>,
}

/// The listed part of a section.
#[derive(Clone, Debug, PartialEq)]
pub enum Body<'a> {
    /// Prose only: the brief and the notes say it all.
    Prose,
    /// Topics by group, after the filter; `hidden` counts the filtered-out ones.
    Topics {
        /// Groups with at least one shown topic.
        groups: Vec<GroupView<'a>>,
        /// Topics left out by the confidence filter.
        hidden: usize,
    },
    /// Questions by group.
    Checklist {
        /// Groups with at least one question.
        groups: Vec<GroupView<'a>>,
        /// Questions ticked / all questions in this section.
        progress: Progress,
    },
}

/// A group of shown items.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupView<'a> {
    /// The label, if the group has a non-blank one.
    pub title: Option<&'a str>,
    /// The shown items, in order.
    pub items: Vec<ItemView<'a>>,
}

/// A topic or question as exported.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemView<'a> {
    /// The topic or question (plain text, may be hostile; renderers escape it).
    pub text: &'a str,
    /// Markdown the brief nested under the item, if any.
    pub detail: Option<&'a str>,
    /// The rating (topics).
    pub confidence: Confidence,
    /// Ticked (questions).
    pub done: bool,
    /// The user's notes (Markdown), when asked for and not empty.
    pub notes: Option<&'a str>,
}

impl<'a> Summary<'a> {
    /// Decides what the export of `nb` shows under `opts`, as of `now`.
    pub fn build(nb: &'a Notebook, opts: &ExportOptions, now: NaiveDateTime) -> Self {
        let mut confidence = ConfidenceStats::default();
        let mut checklist = Progress::default();
        for section in &nb.sections {
            match section.kind {
                SectionKind::Topics => {
                    for item in section.items() {
                        if let Some(n) = confidence
                            .counts
                            .get_mut(usize::from(item.confidence.level()))
                        {
                            *n += 1;
                        }
                    }
                }
                SectionKind::Checklist => {
                    for item in section.items() {
                        checklist.total += 1;
                        checklist.done += usize::from(item.done);
                    }
                }
                SectionKind::Prose => {}
            }
        }
        let sections = nb
            .sections
            .iter()
            .filter_map(|s| section_view(s, *opts))
            .collect();
        Self {
            title: non_blank(&nb.title).unwrap_or(UNTITLED_NOTEBOOK),
            company: nb.company.trim(),
            role: nb.role.trim(),
            interview: nb.interview_at.map(|at| Interview {
                when: format_when(at),
                countdown: countdown(at, now),
            }),
            exported_on: now.format("%-d %B %Y").to_string(),
            confidence,
            checklist,
            max_confidence: opts.max_confidence,
            sections,
        }
    }

    /// "Company · Role", skipping whichever is empty.
    pub fn company_role(&self) -> String {
        [self.company, self.role]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// A sentence saying which topics the filter keeps, when one is set.
    pub fn filter_note(&self) -> Option<String> {
        let max = self.max_confidence?;
        Some(if max == Confidence::Unrated {
            "Showing only unrated topics.".to_owned()
        } else {
            format!(
                "Showing only topics rated {} or lower, and unrated ones.",
                badge_label(max)
            )
        })
    }
}

/// True when a topic at `level` passes the filter `max` (`None` keeps all).
pub fn topic_shown(level: Confidence, max: Option<Confidence>) -> bool {
    max.is_none_or(|max| level <= max)
}

/// The badge text for a level, readable without colour: "2 · Shaky", or
/// "Unrated".
pub fn badge_label(level: Confidence) -> String {
    match level {
        Confidence::Unrated => level.label().to_owned(),
        _ => format!("{} · {}", level.level(), level.label()),
    }
}

/// How far the interview is from `now`, in calendar days: "in 3 days",
/// "tomorrow", "today", "yesterday", "2 days ago".
pub fn countdown(interview: NaiveDateTime, now: NaiveDateTime) -> String {
    use crate::review::Countdown;
    // The app's countdown, at the granularity of a printed page: days.
    match crate::review::countdown(interview, now) {
        Countdown::Hours(_) | Countdown::Past(0) => "today".to_owned(),
        other => other.english(),
    }
}

/// The interview date as people write it, with the time unless it is midnight.
fn format_when(at: NaiveDateTime) -> String {
    if at.hour() == 0 && at.minute() == 0 {
        at.format("%A %-d %B %Y").to_string()
    } else {
        at.format("%A %-d %B %Y, %H:%M").to_string()
    }
}

fn non_blank(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

fn section_view(s: &Section, opts: ExportOptions) -> Option<SectionView<'_>> {
    let notes = if opts.include_notes {
        non_blank(&s.notes)
    } else {
        None
    };
    // A Topics or Checklist section's markdown is the list its items came
    // from; printing it would repeat them, so only prose is "the brief's text".
    let brief = if opts.include_brief && s.kind == SectionKind::Prose {
        non_blank(&s.markdown)
    } else {
        None
    };
    let body = match s.kind {
        SectionKind::Prose => {
            if notes.is_none() && brief.is_none() {
                return None;
            }
            Body::Prose
        }
        SectionKind::Topics => {
            let mut hidden = 0;
            let groups = s
                .groups
                .iter()
                .filter_map(|g| {
                    let items: Vec<_> = g
                        .items
                        .iter()
                        .filter(|i| {
                            let shown = topic_shown(i.confidence, opts.max_confidence);
                            hidden += usize::from(!shown);
                            shown
                        })
                        .map(|i| item_view(i, opts))
                        .collect();
                    group_view(g, items)
                })
                .collect();
            Body::Topics { groups, hidden }
        }
        SectionKind::Checklist => {
            let progress = Progress {
                done: s.items().filter(|i| i.done).count(),
                total: s.items().count(),
            };
            let groups = s
                .groups
                .iter()
                .filter_map(|g| group_view(g, g.items.iter().map(|i| item_view(i, opts)).collect()))
                .collect();
            Body::Checklist { groups, progress }
        }
    };
    Some(SectionView {
        title: non_blank(&s.title).unwrap_or(UNTITLED_SECTION),
        brief,
        notes,
        body,
    })
}

fn group_view<'a>(g: &'a Group, items: Vec<ItemView<'a>>) -> Option<GroupView<'a>> {
    (!items.is_empty()).then(|| GroupView {
        title: g.title.as_deref().and_then(non_blank),
        items,
    })
}

fn item_view(i: &Item, opts: ExportOptions) -> ItemView<'_> {
    ItemView {
        text: i.text.trim(),
        detail: non_blank(&i.detail),
        confidence: i.confidence,
        done: i.done,
        notes: if opts.include_notes {
            non_blank(&i.notes)
        } else {
            None
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn countdown_counts_calendar_days() {
        let now = at(2025, 10, 11, 23);
        assert_eq!(countdown(at(2025, 10, 14, 9), now), "in 3 days");
        assert_eq!(countdown(at(2025, 10, 12, 1), now), "tomorrow");
        assert_eq!(countdown(at(2025, 10, 11, 1), now), "today");
        assert_eq!(countdown(at(2025, 10, 10, 9), now), "yesterday");
        assert_eq!(countdown(at(2025, 10, 9, 9), now), "2 days ago");
    }

    #[test]
    fn filter_keeps_weak_and_unrated_topics_and_counts_hidden() {
        let mut nb = Notebook::default();
        let items = [
            Confidence::Weak,
            Confidence::Strong,
            Confidence::Unrated,
            Confidence::Shaky,
        ]
        .into_iter()
        .enumerate()
        .map(|(n, c)| Item {
            confidence: c,
            ..Item::new(Id(n as u64 + 10), format!("t{n}"))
        })
        .collect();
        nb.sections.push(Section {
            title: "Topics".into(),
            kind: SectionKind::Topics,
            groups: vec![Group {
                items,
                ..Group::default()
            }],
            ..Section::default()
        });
        let opts = ExportOptions {
            max_confidence: Some(Confidence::Shaky),
            ..ExportOptions::default()
        };
        let s = Summary::build(&nb, &opts, at(2025, 1, 1, 0));
        let Body::Topics { groups, hidden } = &s.sections[0].body else {
            panic!("not topics")
        };
        let texts: Vec<_> = groups[0].items.iter().map(|i| i.text).collect();
        assert_eq!(texts, ["t0", "t2", "t3"]);
        assert_eq!(*hidden, 1);
        // The overview still counts every topic.
        assert_eq!(s.confidence.total(), 4);
        assert_eq!(s.confidence.count(Confidence::Strong), 1);
    }

    #[test]
    fn empty_prose_is_skipped_but_empty_topics_stay() {
        let mut nb = Notebook::default();
        nb.sections.push(Section {
            title: "Company".into(),
            markdown: "Some brief text".into(),
            ..Section::default()
        });
        nb.sections.push(Section {
            title: "Topics".into(),
            kind: SectionKind::Topics,
            ..Section::default()
        });
        let s = Summary::build(&nb, &ExportOptions::default(), at(2025, 1, 1, 0));
        assert_eq!(s.sections.len(), 1);
        assert_eq!(s.sections[0].title, "Topics");
        let opts = ExportOptions {
            include_brief: true,
            ..ExportOptions::default()
        };
        let s = Summary::build(&nb, &opts, at(2025, 1, 1, 0));
        assert_eq!(s.sections[0].brief, Some("Some brief text"));
    }

    #[test]
    fn badges_name_the_level_in_words() {
        assert_eq!(badge_label(Confidence::Shaky), "2 · Shaky");
        assert_eq!(badge_label(Confidence::Unrated), "Unrated");
    }
}
