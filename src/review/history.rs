//! What the dashboard shows besides the plan: topics per group by level,
//! and the review history per day.

use std::collections::BTreeMap;

use chrono::{Local, NaiveDate, TimeZone};

use crate::model::{Confidence, Id, Notebook, SectionKind};

/// How many topics of one group are at each level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupCounts {
    /// The section the group is in.
    pub section: Id,
    /// The group.
    pub group: Id,
    /// The group's label, or its section's title for an untitled group.
    pub title: String,
    /// Topics per level, indexed by [`Confidence::level`].
    pub per_level: [usize; 6],
}

impl GroupCounts {
    /// Topics in the group.
    pub fn total(&self) -> usize {
        self.per_level.iter().sum()
    }

    /// Topics at `level`.
    pub fn at(&self, level: Confidence) -> usize {
        self.per_level
            .get(usize::from(level.level()))
            .copied()
            .unwrap_or(0)
    }
}

/// Per group of every Topics section, in document order: topics by level
/// (for stacked confidence bars). Empty groups are left out.
pub fn group_counts(nb: &Notebook) -> Vec<GroupCounts> {
    nb.sections
        .iter()
        .filter(|s| s.kind == SectionKind::Topics)
        .flat_map(|s| {
            s.groups.iter().filter(|g| !g.items.is_empty()).map(|g| {
                let mut per_level = [0; 6];
                for item in &g.items {
                    if let Some(n) = per_level.get_mut(usize::from(item.confidence.level())) {
                        *n += 1;
                    }
                }
                GroupCounts {
                    section: s.id,
                    group: g.id,
                    title: g.title.clone().unwrap_or_else(|| s.title.clone()),
                    per_level,
                }
            })
        })
        .collect()
}

/// The reviews of one day.
#[derive(Clone, Debug, PartialEq)]
pub struct DayHistory {
    /// The local date.
    pub date: NaiveDate,
    /// Reviews recorded that day.
    pub reviews: usize,
    /// The average rating given that day (1 weak … 5 strong; a review
    /// left unrated counts 0).
    pub average_confidence: f32,
    /// Reviews that raised the level, and that lowered it.
    pub up: usize,
    /// See `up`.
    pub down: usize,
    /// Seconds spent, as recorded.
    pub seconds: u64,
}

/// The history per local day (the computer's time zone), oldest first;
/// days without reviews are left out.
pub fn daily_history(nb: &Notebook) -> Vec<DayHistory> {
    daily_history_in(nb, &Local)
}

/// The history per day in time zone `tz`, oldest first.
pub fn daily_history_in<Tz: TimeZone>(nb: &Notebook, tz: &Tz) -> Vec<DayHistory> {
    let mut days: BTreeMap<NaiveDate, (DayHistory, u32)> = BTreeMap::new();
    let reviews = nb.topics().flat_map(|i| i.reviews.iter());
    for r in reviews {
        let date = r.at.with_timezone(tz).date_naive();
        let (day, sum) = days.entry(date).or_insert_with(|| {
            (
                DayHistory {
                    date,
                    reviews: 0,
                    average_confidence: 0.0,
                    up: 0,
                    down: 0,
                    seconds: 0,
                },
                0,
            )
        });
        day.reviews += 1;
        *sum += u32::from(r.after.level());
        day.up += usize::from(r.after > r.before);
        day.down += usize::from(r.after < r.before);
        day.seconds += u64::from(r.seconds);
    }
    days.into_values()
        .map(|(mut day, sum)| {
            day.average_confidence = sum as f32 / day.reviews.max(1) as f32;
            day
        })
        .collect()
}
