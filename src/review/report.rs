//! The plan as the CLI shows it: the JSON shape of `prepkit plan --json`
//! (documented in ARCHITECTURE.md) and a readable text.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::plan::{Kind, Plan, Reason};
use crate::model::{Confidence, Id, Notebook};

/// The plan with each topic's title and group: the `plan --json` shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanReport<'a> {
    /// The interview's local date and time, or null.
    pub interview: Option<NaiveDateTime>,
    /// The day the plan was made for.
    pub today: NaiveDate,
    /// The daily budget.
    pub budget_minutes: u32,
    /// Minutes a day the plan needs (more than the budget: it did not fit).
    pub needs_minutes_per_day: u32,
    /// The days with something to do.
    pub days: Vec<ReportDay<'a>>,
}

/// One day of a [`PlanReport`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportDay<'a> {
    /// The day.
    pub date: NaiveDate,
    /// Minutes planned.
    pub minutes: u32,
    /// The topics, in order.
    pub topics: Vec<ReportTopic<'a>>,
}

/// One topic of a [`ReportDay`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportTopic<'a> {
    /// The topic's id.
    pub id: Id,
    /// Its text.
    pub title: &'a str,
    /// Its group's label, or its section's title for an untitled group;
    /// empty for a story.
    pub group: &'a str,
    /// A topic or a story.
    pub kind: Kind,
    /// Its level.
    pub confidence: Confidence,
    /// Why it is on that day.
    pub reason: Reason,
}

impl<'a> PlanReport<'a> {
    /// The report of `plan`, with titles and groups from `nb`.
    pub fn new(nb: &'a Notebook, plan: &Plan) -> Self {
        let mut names: HashMap<Id, (&'a str, &'a str)> = HashMap::new();
        for s in &nb.sections {
            for g in &s.groups {
                let group = g.title.as_deref().unwrap_or(&s.title);
                for i in &g.items {
                    names.insert(i.id, (&i.text, group));
                }
            }
        }
        for s in &nb.stories {
            names.insert(s.id, (&s.title, ""));
        }
        let days = plan
            .days
            .iter()
            .map(|d| ReportDay {
                date: d.date,
                minutes: d.minutes,
                topics: d
                    .topics
                    .iter()
                    .map(|t| {
                        let (title, group) = names.get(&t.id).copied().unwrap_or(("", ""));
                        ReportTopic {
                            id: t.id,
                            title,
                            group,
                            kind: t.kind,
                            confidence: t.confidence,
                            reason: t.reason,
                        }
                    })
                    .collect(),
            })
            .collect();
        Self {
            interview: plan.interview,
            today: plan.today,
            budget_minutes: plan.budget_minutes,
            needs_minutes_per_day: plan.needs_minutes_per_day,
            days,
        }
    }
}

/// The plan as text for a terminal: the explanation, then each day with its
/// summary and topics (weakest first, with level and reason).
pub fn readable(nb: &Notebook, plan: &Plan) -> String {
    let report = PlanReport::new(nb, plan);
    let mut out = String::new();
    if let Some(at) = plan.interview {
        let _ = writeln!(out, "Interview: {}", at.format("%a %-d %b %Y, %H:%M"));
    }
    let _ = writeln!(out, "{}", plan.summary());
    if !plan.cut.is_empty() {
        let cut: Vec<&str> = plan
            .cut
            .iter()
            .filter_map(|id| nb.item(*id).map(|i| i.text.as_str()))
            .collect();
        let _ = writeln!(out, "One review only: {}", cut.join("; "));
    }
    for (day, source) in report.days.iter().zip(&plan.days) {
        let when = if day.date == plan.today {
            "Today".to_owned()
        } else {
            day.date.format("%a %-d %b").to_string()
        };
        let _ = writeln!(out, "\n{when} ({}): {}", day.date, source.summary());
        for t in &day.topics {
            let group = match t.kind {
                Kind::Topic => t.group,
                Kind::Story => "story",
            };
            let _ = writeln!(
                out,
                "  - [{}] {}  ({group}; {})",
                t.confidence.label(),
                t.title,
                t.reason.key()
            );
        }
    }
    out
}
