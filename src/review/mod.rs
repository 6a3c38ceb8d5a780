//! Review: progress counts, the countdown to the interview, the order to
//! review topics in, the day-by-day plan ([`mod@plan`]) and the history
//! ([`history`]). Pure functions on the model, shared by the app, the
//! exporters and the CLI.

pub mod history;
pub mod plan;
pub mod report;

pub use history::{DayHistory, GroupCounts, daily_history, daily_history_in, group_counts};
pub use plan::{Kind, Plan, PlanConfig, PlanDay, PlanKind, PlannedTopic, Reason, plan, plan_in};
pub use report::{PlanReport, readable};

use chrono::NaiveDateTime;

use crate::model::{Confidence, Id, Item, Notebook, Section, SectionKind};

/// Counts for a section or a whole notebook.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Topics per confidence level, indexed by [`Confidence::level`].
    pub per_level: [usize; 6],
    /// Topics in Topics sections.
    pub topics: usize,
    /// Topics with a rating.
    pub rated: usize,
    /// Items in Checklist sections.
    pub checklist: usize,
    /// Ticked checklist items.
    pub done: usize,
}

impl Stats {
    /// Adds another set of counts to this one.
    fn add(&mut self, other: &Self) {
        for (a, b) in self.per_level.iter_mut().zip(other.per_level) {
            *a += b;
        }
        self.topics += other.topics;
        self.rated += other.rated;
        self.checklist += other.checklist;
        self.done += other.done;
    }

    /// Topics rated Good or Strong.
    pub fn at_least_good(&self) -> usize {
        self.at(Confidence::Good) + self.at(Confidence::Strong)
    }

    /// Topics at `level`.
    pub fn at(&self, level: Confidence) -> usize {
        self.per_level
            .get(usize::from(level.level()))
            .copied()
            .unwrap_or(0)
    }
}

/// Counts for one section.
pub fn section_stats(section: &Section) -> Stats {
    let mut s = Stats::default();
    match section.kind {
        SectionKind::Prose => {}
        SectionKind::Topics => {
            for item in section.items() {
                s.topics += 1;
                if let Some(slot) = s.per_level.get_mut(usize::from(item.confidence.level())) {
                    *slot += 1;
                }
                if item.confidence != Confidence::Unrated {
                    s.rated += 1;
                }
            }
        }
        SectionKind::Checklist => {
            for item in section.items() {
                s.checklist += 1;
                if item.done {
                    s.done += 1;
                }
            }
        }
    }
    s
}

/// Counts for the whole notebook.
pub fn notebook_stats(nb: &Notebook) -> Stats {
    let mut total = Stats::default();
    for s in &nb.sections {
        total.add(&section_stats(s));
    }
    total
}

/// Time left until the interview, in whole units, for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Countdown {
    /// More than a day ahead: calendar days until the interview day.
    Days(i64),
    /// Later today: hours left (0 means "within the hour").
    Hours(i64),
    /// Tomorrow.
    Tomorrow,
    /// The interview was this many calendar days ago (0: earlier today).
    Past(i64),
}

impl Countdown {
    /// English text, e.g. "in 3 days", "tomorrow", "in 2 hours", "3 days ago".
    pub fn english(self) -> String {
        match self {
            Self::Days(d) => format!("in {d} days"),
            Self::Tomorrow => "tomorrow".to_owned(),
            Self::Hours(0) => "within the hour".to_owned(),
            Self::Hours(1) => "in 1 hour".to_owned(),
            Self::Hours(h) => format!("in {h} hours"),
            Self::Past(0) => "earlier today".to_owned(),
            Self::Past(1) => "yesterday".to_owned(),
            Self::Past(d) => format!("{d} days ago"),
        }
    }
}

/// How long until `interview` as seen at `now` (both local time).
pub fn countdown(interview: NaiveDateTime, now: NaiveDateTime) -> Countdown {
    let days = (interview.date() - now.date()).num_days();
    if interview < now {
        return Countdown::Past((now.date() - interview.date()).num_days());
    }
    match days {
        0 => Countdown::Hours((interview - now).num_hours()),
        1 => Countdown::Tomorrow,
        d => Countdown::Days(d),
    }
}

/// Topics in the order to review them: weakest first (known-weak before
/// unrated, [`Confidence::weakest_first`]), then the longest unreviewed,
/// then document order.
pub fn review_queue(nb: &Notebook) -> Vec<&Item> {
    let mut items: Vec<&Item> = nb.topics().collect();
    // Stable sort keeps document order among equals.
    items.sort_by_cached_key(|i| (i.confidence.weakest_first(), i.last_reviewed()));
    items
}

/// Every topic, weakest first: the "cram" order, which ignores the plan.
pub fn cram_order(nb: &Notebook) -> Vec<Id> {
    review_queue(nb).into_iter().map(|i| i.id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::import;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn countdown_reads_like_a_person_would_say_it() {
        let now = at("2026-11-25 20:00");
        assert_eq!(
            countdown(at("2026-11-28 10:00"), now).english(),
            "in 3 days"
        );
        assert_eq!(countdown(at("2026-11-26 09:00"), now).english(), "tomorrow");
        assert_eq!(
            countdown(at("2026-11-25 22:30"), now).english(),
            "in 2 hours"
        );
        assert_eq!(
            countdown(at("2026-11-23 10:00"), now).english(),
            "2 days ago"
        );
    }

    #[test]
    fn stats_count_ratings_and_ticks() {
        let md = "# Topics\n\n- A\n- B\n\n# Ask\n\n- Why?\n- How?\n";
        let mut nb = import(md, "t.md").unwrap();
        let a = nb.sections[0].groups[0].items[0].id;
        let why = nb.sections[1].groups[0].items[0].id;
        nb.item_mut(a).unwrap().confidence = Confidence::Shaky;
        nb.item_mut(why).unwrap().done = true;
        let s = notebook_stats(&nb);
        assert_eq!((s.topics, s.rated, s.checklist, s.done), (2, 1, 2, 1));
        assert_eq!(s.at(Confidence::Shaky), 1);
    }
}
