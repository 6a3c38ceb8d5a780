//! What an exported summary says, decided once for every format.
//!
//! [`Summary::build`] applies the options (notes, brief text, topic filter
//! and order), counts ratings and ticks, and words the dates and the
//! countdown in the export's language. The Markdown, HTML and PDF renderers
//! only lay this out, so the three never disagree.

use chrono::{NaiveDateTime, Timelike};

use crate::i18n::Tr;
use crate::model::{Confidence, Group, Item, Notebook, Section, SectionKind};

use super::{ExportOptions, Format, TopicOrder};

/// Everything an export shows, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary<'a> {
    /// The notebook's title, or "Interview notebook" in the export's language.
    pub title: String,
    /// The company, possibly empty.
    pub company: &'a str,
    /// The role, possibly empty.
    pub role: &'a str,
    /// When the interview is, if known.
    pub interview: Option<Interview>,
    /// The export date, e.g. "Sat 11 Oct 2025" or "2025년 10월 11일 (토)".
    pub exported_on: String,
    /// Ratings over every topic of the notebook (not only the shown ones).
    pub confidence: ConfidenceStats,
    /// Ticks over every checklist question.
    pub checklist: Progress,
    /// The topic filter in force, if any: topics above this level are hidden.
    pub max_confidence: Option<Confidence>,
    /// Unrated topics are left out.
    pub hide_unrated: bool,
    /// The sections worth showing, in notebook order.
    pub sections: Vec<SectionView<'a>>,
}

/// The interview's date and how far away it is on export day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interview {
    /// E.g. "Tue 14 Oct 2025, 14:00" (no time when it is midnight).
    pub when: String,
    /// E.g. "in 3 days", "tomorrow", "today", "2 days ago" (or in Korean).
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
    /// The heading (never empty: "Introduction" for the untitled one).
    pub title: String,
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
        /// Topics left out by the filters (level, unrated).
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
    /// Decides what the export of `nb` to `format` shows under `opts`, as of
    /// `now`, worded by `tr`.
    pub fn build(
        nb: &'a Notebook,
        opts: &ExportOptions,
        format: Format,
        now: NaiveDateTime,
        tr: &Tr,
    ) -> Self {
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
        let order = opts.order_for(format);
        let sections = nb
            .sections
            .iter()
            .filter_map(|s| section_view(s, *opts, order, tr))
            .collect();
        Self {
            title: non_blank(&nb.title).map_or_else(|| tr.t("export-untitled"), str::to_owned),
            company: nb.company.trim(),
            role: nb.role.trim(),
            interview: nb.interview_at.map(|at| Interview {
                when: format_when(at, tr),
                countdown: countdown(at, now, tr),
            }),
            exported_on: tr.date(now.date()),
            confidence,
            checklist,
            max_confidence: opts.max_confidence,
            hide_unrated: opts.hide_unrated,
            sections,
        }
    }

    /// "Company · Role" for the line under the title, skipping whichever is
    /// empty or already in the title (a Korean title names the company:
    /// "한빛랩스 백엔드 면접 준비" over "한빛랩스 · …" said it twice).
    pub fn company_role(&self) -> String {
        let title = self.title.to_lowercase();
        [self.company, self.role]
            .into_iter()
            .filter(|s| !s.is_empty() && !title.contains(&s.to_lowercase()))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// A sentence saying which topics the filters keep, when one is set.
    pub fn filter_note(&self, tr: &Tr) -> Option<String> {
        Some(match (self.max_confidence, self.hide_unrated) {
            (None, false) => return None,
            (None, true) => tr.t("export-filter-rated"),
            (Some(Confidence::Unrated), _) => tr.t("export-filter-unrated"),
            (Some(max), hide) => tr.t_args(
                if hide {
                    "export-filter-max-rated"
                } else {
                    "export-filter-max"
                },
                &[("level", badge_label(max, tr).into())],
            ),
        })
    }
}

/// The badge text for a level, readable without colour: "2 · Shaky", or
/// "Unrated" (in the export's language).
pub fn badge_label(level: Confidence, tr: &Tr) -> String {
    match level {
        Confidence::Unrated => tr.confidence(level),
        _ => format!("{} · {}", level.level(), tr.confidence(level)),
    }
}

/// How far the interview is from `now`, in calendar days: "in 3 days",
/// "tomorrow", "today", "yesterday", "2 days ago" (or in Korean).
pub fn countdown(interview: NaiveDateTime, now: NaiveDateTime, tr: &Tr) -> String {
    use crate::review::Countdown;
    // The app's countdown, at the granularity of a printed page: days.
    match crate::review::countdown(interview, now) {
        Countdown::Hours(_) | Countdown::Past(0) => tr.t("export-today"),
        other => tr.countdown(other),
    }
}

/// The interview date as people write it, with the time unless it is midnight.
pub fn format_when(at: NaiveDateTime, tr: &Tr) -> String {
    if at.hour() == 0 && at.minute() == 0 {
        tr.date(at.date())
    } else {
        tr.date_time(at)
    }
}

fn non_blank(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

fn section_view<'a>(
    s: &'a Section,
    opts: ExportOptions,
    order: TopicOrder,
    tr: &Tr,
) -> Option<SectionView<'a>> {
    let notes = if opts.include_notes {
        non_blank(&s.notes)
    } else {
        None
    };
    // A Topics or Checklist section's markdown is the list its items came
    // from; printing it would repeat them, so only prose is "the brief's text".
    let brief = if opts.brief.shows(s.markdown_edited) && s.kind == SectionKind::Prose {
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
            let mut groups: Vec<GroupView<'_>> = s
                .groups
                .iter()
                .filter_map(|g| {
                    let mut items: Vec<&Item> = g
                        .items
                        .iter()
                        .filter(|i| {
                            let shown = opts.shows_topic(i.confidence);
                            hidden += usize::from(!shown);
                            shown
                        })
                        .collect();
                    if order == TopicOrder::Weakest {
                        // Stable: equals keep notebook order.
                        items.sort_by_key(|i| (i.confidence.weakest_first(), i.last_reviewed()));
                    }
                    group_view(g, items.into_iter().map(|i| item_view(i, opts)).collect())
                })
                .collect();
            if order == TopicOrder::Weakest {
                groups.sort_by_key(|g| g.items.first().map(|i| i.confidence.weakest_first()));
            }
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
        title: non_blank(&s.title).map_or_else(|| tr.t("export-introduction"), str::to_owned),
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
    use crate::i18n::Lang;
    use crate::model::Id;
    use chrono::NaiveDate;

    fn en() -> Tr {
        Tr::new(Lang::En)
    }

    fn build(nb: &Notebook, opts: ExportOptions) -> Summary<'_> {
        Summary::build(nb, &opts, Format::Html, at(2025, 1, 1, 0), &en())
    }

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn countdown_counts_calendar_days() {
        let now = at(2025, 10, 11, 23);
        let tr = en();
        assert_eq!(countdown(at(2025, 10, 14, 9), now, &tr), "in 3 days");
        assert_eq!(countdown(at(2025, 10, 12, 1), now, &tr), "tomorrow");
        assert_eq!(countdown(at(2025, 10, 11, 1), now, &tr), "today");
        assert_eq!(countdown(at(2025, 10, 10, 9), now, &tr), "yesterday");
        assert_eq!(countdown(at(2025, 10, 9, 9), now, &tr), "2 days ago");
        let ko = Tr::new(Lang::Ko);
        assert_eq!(countdown(at(2025, 10, 14, 9), now, &ko), "3일 후");
        assert_eq!(countdown(at(2025, 10, 11, 1), now, &ko), "오늘");
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
        let s = build(&nb, opts);
        let Body::Topics { groups, hidden } = &s.sections[0].body else {
            panic!("not topics")
        };
        let texts: Vec<_> = groups[0].items.iter().map(|i| i.text).collect();
        assert_eq!(texts, ["t0", "t2", "t3"]);
        assert_eq!(*hidden, 1);
        // The overview still counts every topic.
        assert_eq!(s.confidence.total(), 4);
        assert_eq!(s.confidence.count(Confidence::Strong), 1);
        // Weakest first, and unrated ones left out.
        let opts = ExportOptions {
            hide_unrated: true,
            order: Some(TopicOrder::Weakest),
            ..ExportOptions::default()
        };
        let s = build(&nb, opts);
        let Body::Topics { groups, hidden } = &s.sections[0].body else {
            panic!("not topics")
        };
        let texts: Vec<_> = groups[0].items.iter().map(|i| i.text).collect();
        assert_eq!(texts, ["t0", "t3", "t1"]);
        assert_eq!(*hidden, 1);
    }

    #[test]
    fn brief_text_shows_where_the_user_edited_it_by_default() {
        let mut nb = Notebook::default();
        for (title, edited) in [("Kept", false), ("Edited", true)] {
            nb.sections.push(Section {
                title: title.into(),
                markdown: format!("{title} text"),
                markdown_edited: edited,
                ..Section::default()
            });
        }
        let titles = |brief| {
            let opts = ExportOptions {
                brief,
                ..ExportOptions::default()
            };
            build(&nb, opts)
                .sections
                .iter()
                .map(|s| s.title.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(titles(super::super::BriefText::Edited), ["Edited"]);
        assert_eq!(titles(super::super::BriefText::All), ["Kept", "Edited"]);
        assert!(titles(super::super::BriefText::None).is_empty());
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
        let opts = ExportOptions {
            brief: super::super::BriefText::None,
            ..ExportOptions::default()
        };
        let s = build(&nb, opts);
        assert_eq!(s.sections.len(), 1);
        assert_eq!(s.sections[0].title, "Topics");
        let opts = ExportOptions {
            brief: super::super::BriefText::All,
            ..ExportOptions::default()
        };
        let s = build(&nb, opts);
        assert_eq!(s.sections[0].brief, Some("Some brief text"));
    }

    #[test]
    fn badges_name_the_level_in_words() {
        assert_eq!(badge_label(Confidence::Shaky, &en()), "2 · Shaky");
        assert_eq!(badge_label(Confidence::Unrated, &en()), "Unrated");
        assert_eq!(
            badge_label(Confidence::Shaky, &Tr::new(Lang::Ko)),
            "2 · 불안"
        );
    }
}
