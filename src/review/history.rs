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

#[cfg(test)]
mod tests {
    use chrono::{FixedOffset, NaiveDate, TimeZone as _, Utc};

    use super::*;
    use crate::action::Action;
    use crate::brief::import;
    use crate::store::Store;

    #[test]
    fn groups_count_their_topics_by_level() {
        let md = "# Topics\n\n- **Python**\n  - A\n  - B\n- **SQL**\n  - C\n\n# Ask\n\n- Why?\n";
        let mut nb = import(md, "t.md").unwrap();
        let b = nb.sections[0].groups[0].items[1].id;
        nb.item_mut(b).unwrap().confidence = Confidence::Weak;
        let counts = group_counts(&nb);
        let titles: Vec<&str> = counts.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, ["Python", "SQL"], "checklists are not topics");
        assert_eq!(counts[0].at(Confidence::Unrated), 1);
        assert_eq!(counts[0].at(Confidence::Weak), 1);
        assert_eq!(counts[1].total(), 1);
    }

    #[test]
    fn history_is_counted_per_local_day() {
        let md = "# Prep\n\n## Topics\n\n- A\n- B\n";
        let mut store = Store::new(import(md, "t.md").unwrap());
        let ids: Vec<Id> = store.notebook().topics().map(|i| i.id).collect();
        let [a, b] = ids[..] else {
            panic!("two topics: {ids:?}")
        };
        let seoul = FixedOffset::east_opt(9 * 3600).unwrap();
        let review = |store: &mut Store, id, confidence, y, m, d, h| {
            let at = seoul.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap();
            store.apply(Action::Review {
                id,
                confidence,
                at: at.with_timezone(&Utc),
                seconds: 60,
            });
        };
        // 1 December in Seoul: A up to Shaky, B up to Good.
        review(&mut store, a, Confidence::Shaky, 2026, 12, 1, 8);
        review(&mut store, b, Confidence::Good, 2026, 12, 1, 23);
        // 2 December: A down to Weak.
        review(&mut store, a, Confidence::Weak, 2026, 12, 2, 7);
        let days = daily_history_in(store.notebook(), &seoul);
        let dates: Vec<NaiveDate> = days.iter().map(|d| d.date).collect();
        assert_eq!(
            dates,
            [
                NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
            ]
        );
        assert_eq!((days[0].reviews, days[0].up, days[0].down), (2, 2, 0));
        assert!((days[0].average_confidence - 3.0).abs() < 1e-6);
        assert_eq!((days[1].reviews, days[1].up, days[1].down), (1, 0, 1));
        assert_eq!(days[1].seconds, 60);
        // In UTC the 08:00 review falls on 30 November, the other two on 1 December.
        let utc: Vec<usize> = daily_history_in(store.notebook(), &Utc)
            .iter()
            .map(|d| d.reviews)
            .collect();
        assert_eq!(utc, [1, 2]);
    }
}
