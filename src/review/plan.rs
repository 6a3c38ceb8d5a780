//! The review plan: which topics to review on which day, aimed at the
//! interview date, within a daily time budget. Stories are planned like
//! topics (their practice is their review), marked [`Kind::Story`].
//!
//! Computed from the notebook and its review history every time, never
//! stored: a missed day rolls forward, a topic reviewed today leaves today's
//! list, a new rating moves a topic. Dates, not hours, drive it: the
//! interview's time of day and the length of a day (DST) change nothing.
//!
//! With an interview date `D`:
//! - the day before (`D - 1`) is the final pass: every topic, weakest first,
//!   quick, and nothing new; an interview today gets the final pass today;
//! - in the run-up (the last [`PlanConfig::run_up_days`] days before it)
//!   every topic below Good gets [`PlanConfig::reviews_before`] reviews
//!   before the final day, weakest first, with gaps that never shrink
//!   (review, review a day or more later, final pass at least as far on).
//!   Reviews already done in the run-up count;
//! - before the run-up, and without a date at all, the spaced schedule by
//!   level ([`PlanConfig::interval_days`]), shown for
//!   [`PlanConfig::horizon_days`] days;
//! - with the interview past, no plan.
//!
//! No day goes over the budget. When the work does not fit, the plan says
//! how many minutes a day it needs and which topics it cut to one review.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Utc};
use serde::Serialize;

use crate::model::{Confidence, Id, Notebook};

/// What the planner may spend and how it spaces reviews.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanConfig {
    /// Minutes a day for review (30 by default).
    pub budget_minutes: u32,
    /// Minutes one review of a topic takes, by [`Confidence::level`]:
    /// weaker topics take longer.
    pub minutes: [u32; 6],
    /// Minutes per topic in the final pass (a quick look).
    pub final_minutes: u32,
    /// Reviews each topic below Good gets in the run-up, before the final pass.
    pub reviews_before: u32,
    /// How many days before the interview the run-up starts; reviews before
    /// it do not count toward [`PlanConfig::reviews_before`].
    pub run_up_days: u32,
    /// Days between reviews in the spaced schedule, by [`Confidence::level`].
    pub interval_days: [u32; 6],
    /// How many days of the spaced schedule a plan shows.
    pub horizon_days: u32,
}

impl Default for PlanConfig {
    fn default() -> Self {
        Self {
            budget_minutes: 30,
            // Unrated, Weak, Shaky, Okay, Good, Strong.
            minutes: [4, 5, 4, 3, 2, 1],
            final_minutes: 1,
            reviews_before: 2,
            run_up_days: 14,
            interval_days: [1, 1, 2, 4, 7, 14],
            horizon_days: 14,
        }
    }
}

impl PlanConfig {
    /// Minutes one review of a topic at `level` takes.
    pub fn minutes_for(&self, level: Confidence) -> u32 {
        self.minutes
            .get(usize::from(level.level()))
            .copied()
            .unwrap_or(1)
    }

    /// Days until a topic at `level` is due again in the spaced schedule (at least 1).
    pub fn interval_for(&self, level: Confidence) -> u32 {
        self.interval_days
            .get(usize::from(level.level()))
            .copied()
            .unwrap_or(1)
            .max(1)
    }
}

/// Why a topic is on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    /// Its first review.
    First,
    /// Another review of a topic reviewed before.
    Again,
    /// The final pass before the interview.
    Final,
}

impl Reason {
    /// The lowercase key used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Self::First => "first",
            Self::Again => "again",
            Self::Final => "final",
        }
    }
}

/// What a plan entry is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A topic: rehearsed on the Review page.
    #[default]
    Topic,
    /// A STAR story: practised on the Stories page.
    Story,
}

/// One topic (or story) on one day of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedTopic {
    /// The topic or story.
    pub id: Id,
    /// Which of the two it is.
    pub kind: Kind,
    /// Its level now.
    pub confidence: Confidence,
    /// Why it is on this day.
    pub reason: Reason,
    /// Minutes planned for it.
    pub minutes: u32,
}

/// One day of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanDay {
    /// The day.
    pub date: NaiveDate,
    /// Minutes planned that day: the sum of its topics' minutes.
    pub minutes: u32,
    /// The topics, in the order to review them.
    pub topics: Vec<PlannedTopic>,
}

impl PlanDay {
    /// How many topics are on this day for `reason`.
    pub fn count(&self, reason: Reason) -> usize {
        self.topics.iter().filter(|t| t.reason == reason).count()
    }

    /// A short English line explaining the day, e.g. "24 min: 3 new topics,
    /// 2 reviews" or "Final pass: 20 topics, weakest first, 20 min; nothing
    /// new".
    pub fn summary(&self) -> String {
        let finals = self.count(Reason::Final);
        if finals > 0 {
            return format!(
                "Final pass: {finals} {}, weakest first, {} min; nothing new",
                plural(finals, "topic", "topics"),
                self.minutes
            );
        }
        let first = self.count(Reason::First);
        let again = self.count(Reason::Again);
        let mut parts = Vec::new();
        if first > 0 {
            parts.push(format!(
                "{first} {}",
                plural(first, "new topic", "new topics")
            ));
        }
        if again > 0 {
            parts.push(format!("{again} {}", plural(again, "review", "reviews")));
        }
        format!("{} min: {}", self.minutes, parts.join(", "))
    }
}

/// What the plan aims at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanKind {
    /// No interview date: the spaced schedule by level.
    Spaced,
    /// An interview today or later: the plan ends in the final pass.
    Interview {
        /// The day of the final pass (the day before, or today).
        final_day: NaiveDate,
        /// The first day whose reviews count toward the run-up.
        run_up_start: NaiveDate,
    },
    /// The interview is over: no plan (time for the debrief).
    Past,
}

/// The review plan from today on. Build it with [`plan`] or [`plan_in`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// What the plan aims at.
    pub kind: PlanKind,
    /// The interview's local date and time, if known.
    pub interview: Option<NaiveDateTime>,
    /// The day the plan was made for; no planned day is earlier.
    pub today: NaiveDate,
    /// The daily budget the plan was made with.
    pub budget_minutes: u32,
    /// Minutes a day the whole plan needs: at most the budget when it fits,
    /// more when it does not (then some topics were cut or the final pass
    /// is over the budget).
    pub needs_minutes_per_day: u32,
    /// The days with something to do, in date order.
    pub days: Vec<PlanDay>,
    /// Topics below Good that get fewer than [`PlanConfig::reviews_before`]
    /// reviews before the final pass (too few days or too little time),
    /// weakest first.
    pub cut: Vec<Id>,
}

impl Plan {
    /// True when the plan fits in the budget.
    pub fn fits(&self) -> bool {
        self.needs_minutes_per_day <= self.budget_minutes
    }

    /// The plan for `date`, if anything is planned that day.
    pub fn day(&self, date: NaiveDate) -> Option<&PlanDay> {
        self.days.iter().find(|d| d.date == date)
    }

    /// Today's topics in plan order: the rehearsal queue (stories aside).
    pub fn today_queue(&self) -> Vec<Id> {
        self.today_of(Kind::Topic)
    }

    /// Today's stories in plan order: the stories due for practice.
    pub fn today_stories(&self) -> Vec<Id> {
        self.today_of(Kind::Story)
    }

    fn today_of(&self, kind: Kind) -> Vec<Id> {
        self.day(self.today)
            .map(|d| {
                d.topics
                    .iter()
                    .filter(|t| t.kind == kind)
                    .map(|t| t.id)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// How many topics are planned on `date` (e.g. tomorrow, for the end of a rehearsal).
    pub fn count_on(&self, date: NaiveDate) -> usize {
        self.day(date).map_or(0, |d| d.topics.len())
    }

    /// A short English explanation of the whole plan, for the GUI and the CLI.
    pub fn summary(&self) -> String {
        let over = format!(
            "Needs {} min a day (budget {})",
            self.needs_minutes_per_day, self.budget_minutes
        );
        let cut = format!(
            "{} {} fewer than two reviews",
            self.cut.len(),
            plural(self.cut.len(), "topic gets", "topics get")
        );
        let budget = match (self.fits(), self.cut.is_empty(), self.kind) {
            (true, true, _) => format!("Fits in {} min a day.", self.budget_minutes),
            (true, false, _) => format!(
                "Fits in {} min a day; too few days left: {cut}.",
                self.budget_minutes
            ),
            (false, false, _) => format!("{over}; {cut}."),
            (false, true, PlanKind::Spaced) => format!("{over}: some topics wait a day or more."),
            (false, true, _) => format!("{over}: the final pass cannot be split."),
        };
        match self.kind {
            PlanKind::Past => "The interview is over: no plan. Time for the debrief.".to_owned(),
            _ if self.days.is_empty() => "Nothing to review.".to_owned(),
            PlanKind::Spaced => format!(
                "No interview date: topics come back by level (Weak daily, Shaky every 2 \
                 days, Okay every 4, Good every 7, Strong every 14), weakest first. {budget}"
            ),
            PlanKind::Interview { final_day, .. } => {
                let studied: usize = self
                    .days
                    .iter()
                    .filter(|d| d.date != final_day)
                    .map(|d| d.topics.len())
                    .sum();
                let final_when = if final_day == self.today {
                    "today".to_owned()
                } else {
                    final_day.format("%a %-d %b").to_string()
                };
                format!(
                    "{studied} {} before the final pass {final_when}, weakest first, \
                     with growing gaps. {budget}",
                    plural(studied, "review", "reviews")
                )
            }
        }
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// The plan for `today`, with review times read in the computer's time zone.
pub fn plan(nb: &Notebook, today: NaiveDate, config: &PlanConfig) -> Plan {
    plan_in(nb, today, config, &Local)
}

/// The plan for `today`, with review times read in time zone `tz`.
///
/// `today` is the local date in `tz`; the interview's date-time is already
/// local. The same inputs always give the same plan.
pub fn plan_in<Tz: TimeZone>(
    nb: &Notebook,
    today: NaiveDate,
    config: &PlanConfig,
    tz: &Tz,
) -> Plan {
    let mut plan = Plan {
        kind: PlanKind::Spaced,
        interview: nb.interview_at,
        today,
        budget_minutes: config.budget_minutes,
        needs_minutes_per_day: 0,
        days: Vec::new(),
        cut: Vec::new(),
    };
    let interview_day = nb.interview_at.map(|at| at.date());
    if interview_day.is_some_and(|d| d < today) {
        plan.kind = PlanKind::Past;
        return plan;
    }
    let mut topics = facts(nb, today, config, tz, interview_day);
    topics.sort_by_key(|t| (t.level.weakest_first(), t.last_at, t.pos));
    // Reviews done today took today's time: done for today means done, and
    // what no longer fits comes tomorrow (not a fresh list today).
    let done_today = topics
        .iter()
        .map(|t| t.minutes_today)
        .fold(0, u32::saturating_add);
    let mut calendar = Calendar::new(today, config.budget_minutes, done_today);

    let Some(interview_day) = interview_day else {
        let days = config.horizon_days.max(1);
        plan.needs_minutes_per_day = spaced(&topics, config, &mut calendar, days);
        plan.days = calendar.into_days();
        return plan;
    };
    let final_day = interview_day.pred_opt().unwrap_or(today).max(today);
    let run_up_start = sub_days(interview_day, config.run_up_days);
    plan.kind = PlanKind::Interview {
        final_day,
        run_up_start,
    };
    let mut needs = 0;
    // Before the run-up: the spaced schedule, up to the horizon.
    let before = days_between(today, run_up_start).min(i64::from(config.horizon_days));
    if before > 0 {
        needs = spaced(&topics, config, &mut calendar, before as u32);
    }
    // The run-up: reviews of topics below Good on the days before the final one.
    let study_start = run_up_start.max(today);
    let study_days = days_between(study_start, final_day).max(0) as usize;
    let study: Vec<&Topic> = topics.iter().filter(|t| t.level.needs_study()).collect();
    let run_up = RunUp {
        topics: &study,
        start: study_start,
        days: study_days,
        target: config.reviews_before,
        done_first_day: if study_start == today { done_today } else { 0 },
    };
    // Everything the days allow, spread as evenly as it goes: the smallest
    // daily load that places it all. Over the budget, the budget caps it and
    // the plan says what it would need.
    let all = run_up.place(u32::MAX).count;
    let budget = config.budget_minutes;
    let (placed, study_need) = if all == 0 {
        (run_up.place(budget), 0)
    } else if run_up.place(budget).count == all {
        let level = run_up.smallest_budget(0, budget, all);
        let placed = run_up.place(level);
        let busiest = placed.max_day;
        (placed, busiest)
    } else {
        let need = run_up.smallest_budget(budget, run_up.total_minutes(), all);
        (run_up.place(budget), need)
    };
    let final_load = final_pass_minutes(&topics, config, final_day == today);
    needs = needs.max(study_need).max(final_load);
    for (topic, reviews) in study.iter().zip(&placed.reviews) {
        if (reviews.len() as u32) + topic.counted < config.reviews_before {
            plan.cut.push(topic.id);
        }
        for (k, &day) in reviews.iter().enumerate() {
            let reason = if topic.counted == 0 && k == 0 && topic.last.is_none() {
                Reason::First
            } else {
                Reason::Again
            };
            calendar.add(add_days(study_start, day), topic, reason, topic.cost);
        }
    }
    // The final pass: every topic, weakest first; a topic reviewed today is
    // done for today.
    for t in &topics {
        if final_day == today && t.reviewed_today {
            continue;
        }
        calendar.add(final_day, t, Reason::Final, config.final_minutes);
    }
    plan.needs_minutes_per_day = needs;
    plan.days = calendar.into_days();
    plan
}

/// What the planner needs to know about one topic or story.
struct Topic {
    id: Id,
    kind: Kind,
    /// Position in the notebook, for a stable order among equals.
    pos: usize,
    level: Confidence,
    /// Minutes one review takes.
    cost: u32,
    /// The latest review.
    last_at: Option<DateTime<Utc>>,
    /// Its local date.
    last: Option<NaiveDate>,
    /// Reviews that count toward the run-up.
    counted: u32,
    /// Reviewed today (or, with a clock set back, later).
    reviewed_today: bool,
    /// Minutes today's reviews of it took in the plan (by the level each
    /// started from).
    minutes_today: u32,
}

fn facts<Tz: TimeZone>(
    nb: &Notebook,
    today: NaiveDate,
    config: &PlanConfig,
    tz: &Tz,
    interview_day: Option<NaiveDate>,
) -> Vec<Topic> {
    // Reviews from the start of the run-up on count; compare instants, so
    // only the latest review of each topic needs a time-zone conversion.
    let counts_from = interview_day.map(|d| start_of_day(sub_days(d, config.run_up_days), tz));
    let topics = nb
        .topics()
        .map(|i| (Kind::Topic, i.id, i.confidence, i.reviews.as_slice()));
    let stories = nb
        .stories
        .iter()
        .map(|s| (Kind::Story, s.id, s.confidence, s.reviews.as_slice()));
    topics
        .chain(stories)
        .enumerate()
        .map(|(pos, (kind, id, level, reviews))| {
            let last_at = reviews.iter().map(|r| r.at).max();
            // A review dated after today (a clock set back) counts as today's.
            let last = last_at.map(|at| at.with_timezone(tz).date_naive().min(today));
            let counted = counts_from.map_or(0, |from| {
                reviews.iter().filter(|r| r.at >= from).count() as u32
            });
            // Reviews are kept in time order: today's are the last ones.
            let minutes_today = reviews
                .iter()
                .rev()
                .take_while(|r| r.at.with_timezone(tz).date_naive() >= today)
                .map(|r| config.minutes_for(r.before))
                .fold(0, u32::saturating_add);
            Topic {
                id,
                kind,
                pos,
                level,
                cost: config.minutes_for(level),
                last_at,
                last,
                counted,
                reviewed_today: last == Some(today),
                minutes_today,
            }
        })
        .collect()
}

/// The first instant of `date` in `tz` (midnight, or the end of a DST gap).
fn start_of_day<Tz: TimeZone>(date: NaiveDate, tz: &Tz) -> DateTime<Utc> {
    let mut at = date.and_time(chrono::NaiveTime::MIN);
    for _ in 0..4 {
        if let Some(t) = tz.from_local_datetime(&at).earliest() {
            return t.with_timezone(&Utc);
        }
        at += TimeDelta::minutes(30);
    }
    date.and_time(chrono::NaiveTime::MIN).and_utc()
}

fn add_days(date: NaiveDate, days: usize) -> NaiveDate {
    date.checked_add_days(chrono::Days::new(days as u64))
        .unwrap_or(NaiveDate::MAX)
}

fn sub_days(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_sub_days(chrono::Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MIN)
}

fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

fn final_pass_minutes(topics: &[Topic], config: &PlanConfig, today: bool) -> u32 {
    let n = topics
        .iter()
        .filter(|t| !(today && t.reviewed_today))
        .count();
    u32::try_from(n)
        .unwrap_or(u32::MAX)
        .saturating_mul(config.final_minutes)
}

/// The days being filled, from today on.
struct Calendar {
    today: NaiveDate,
    budget: u32,
    /// Minutes of today's budget that reviews already done today took.
    done_today: u32,
    days: Vec<PlanDay>,
}

impl Calendar {
    fn new(today: NaiveDate, budget: u32, done_today: u32) -> Self {
        Self {
            today,
            budget,
            done_today,
            days: Vec::new(),
        }
    }

    fn index(&mut self, date: NaiveDate) -> Option<usize> {
        let offset = usize::try_from(days_between(self.today, date)).ok()?;
        if self.days.len() <= offset {
            let from = self.days.len();
            self.days.extend((from..=offset).map(|k| PlanDay {
                date: add_days(self.today, k),
                minutes: 0,
                topics: Vec::new(),
            }));
        }
        Some(offset)
    }

    fn minutes_left(&mut self, date: NaiveDate) -> u32 {
        let Some(i) = self.index(date) else {
            return 0;
        };
        let done = if i == 0 { self.done_today } else { 0 };
        self.days.get(i).map_or(0, |d| {
            self.budget.saturating_sub(d.minutes.saturating_add(done))
        })
    }

    fn add(&mut self, date: NaiveDate, topic: &Topic, reason: Reason, minutes: u32) {
        let Some(i) = self.index(date) else {
            return;
        };
        if let Some(day) = self.days.get_mut(i) {
            day.minutes = day.minutes.saturating_add(minutes);
            day.topics.push(PlannedTopic {
                id: topic.id,
                kind: topic.kind,
                confidence: topic.level,
                reason,
                minutes,
            });
        }
    }

    fn into_days(self) -> Vec<PlanDay> {
        self.days
            .into_iter()
            .filter(|d| !d.topics.is_empty())
            .collect()
    }
}

/// Fills `days` days from today with the spaced schedule; returns the
/// minutes a day it needs (the busiest day, or without a budget when a
/// due topic had to wait).
fn spaced(topics: &[Topic], config: &PlanConfig, calendar: &mut Calendar, days: u32) -> u32 {
    let days = days as usize;
    let today = calendar.today;
    // Per level (weakest first), the due topics by (due date, priority),
    // ever reviewed or not.
    let mut queues: [BinaryHeap<Reverse<(NaiveDate, usize, bool)>>; 6] = Default::default();
    for (i, t) in topics.iter().enumerate() {
        let (due, seen) = first_due(t, config, today);
        if let Some(q) = queues.get_mut(usize::from(t.level.weakest_first())) {
            q.push(Reverse((due, i, seen)));
        }
    }
    let mut rolled = false;
    for k in 0..days {
        let date = add_days(today, k);
        // Weakest first: the first due topic that does not fit ends the day.
        'day: for queue in &mut queues {
            while let Some(&Reverse((due, i, seen))) = queue.peek() {
                let Some(t) = topics.get(i).filter(|_| due <= date) else {
                    break;
                };
                if calendar.minutes_left(date) < t.cost {
                    rolled = true;
                    break 'day;
                }
                queue.pop();
                let reason = if seen { Reason::Again } else { Reason::First };
                calendar.add(date, t, reason, t.cost);
                let next = add_days(date, config.interval_for(t.level) as usize);
                queue.push(Reverse((next, i, true)));
            }
        }
    }
    let busiest = calendar
        .days
        .iter()
        .take(days)
        .map(|d| d.minutes)
        .max()
        .unwrap_or(0);
    if rolled {
        // Today's reviews done count on today: over the budget with them,
        // what waited lands on later days, which may then be the busiest.
        let unlimited = unlimited_spaced_busiest(topics, config, today, days, calendar.done_today);
        return unlimited.max(busiest);
    }
    busiest
}

/// When a topic is first due in the spaced schedule, and whether it was
/// ever reviewed.
fn first_due(t: &Topic, config: &PlanConfig, today: NaiveDate) -> (NaiveDate, bool) {
    match t.last {
        Some(last) => {
            let next = add_days(last, config.interval_for(t.level) as usize);
            (next.max(today), true)
        }
        None => (today, false),
    }
}

/// The busiest day of the spaced schedule without a budget (nothing waits).
fn unlimited_spaced_busiest(
    topics: &[Topic],
    config: &PlanConfig,
    today: NaiveDate,
    days: usize,
    done_today: u32,
) -> u32 {
    let mut load = vec![0u32; days];
    if let Some(first) = load.first_mut() {
        *first = done_today;
    }
    for t in topics {
        let step = config.interval_for(t.level) as usize;
        let mut k =
            usize::try_from(days_between(today, first_due(t, config, today).0)).unwrap_or(0);
        while let Some(minutes) = load.get_mut(k) {
            *minutes = minutes.saturating_add(t.cost);
            k += step;
        }
    }
    load.into_iter().max().unwrap_or(0)
}

/// The run-up's study reviews, before the final day.
struct RunUp<'a> {
    /// Topics below Good, in priority order.
    topics: &'a [&'a Topic],
    /// The first study day.
    start: NaiveDate,
    /// Study days from `start`; the final day is `start + days`.
    days: usize,
    /// Reviews each topic should have before the final day.
    target: u32,
    /// Minutes of the first study day already spent (reviews done today).
    done_first_day: u32,
}

/// Where the run-up's reviews landed.
struct Placement {
    /// Per topic (in the run-up's order), the day offsets of its reviews.
    reviews: Vec<Vec<usize>>,
    /// Reviews placed.
    count: usize,
    /// Minutes of the busiest day.
    max_day: u32,
}

impl RunUp<'_> {
    /// Places reviews round by round (every topic's next review, weakest
    /// first, before anyone's one after), each on the earliest day with room
    /// that keeps the gaps from shrinking.
    fn place(&self, budget: u32) -> Placement {
        let mut left = vec![budget; self.days];
        if let Some(first) = left.first_mut() {
            *first = first.saturating_sub(self.done_first_day);
        }
        let mut reviews: Vec<Vec<usize>> = vec![Vec::new(); self.topics.len()];
        // The first day that still has room for the cheapest review.
        let cheapest = self.topics.iter().map(|t| t.cost).min().unwrap_or(1);
        let mut open = 0;
        let mut count = 0;
        for round in 0..self.target {
            // Weakest first: once a topic found no room on a day, no
            // stronger topic takes that day in this round.
            let mut floor = 0;
            for (topic, planned) in self.topics.iter().zip(reviews.iter_mut()) {
                if topic.counted + planned.len() as u32 != round {
                    continue;
                }
                let Some((lo, hi)) = self.window(topic, planned) else {
                    continue;
                };
                while left.get(open).is_some_and(|&m| m < cheapest) {
                    open += 1;
                }
                let from = lo.max(open).max(floor);
                let found = (from..=hi).find(|&d| left.get(d).is_some_and(|&m| m >= topic.cost));
                match found {
                    Some(d) if d > from => floor = floor.max(d),
                    None if from <= hi => floor = floor.max(hi + 1),
                    _ => {}
                }
                if let Some(d) = found {
                    if let Some(m) = left.get_mut(d) {
                        *m -= topic.cost;
                    }
                    planned.push(d);
                    count += 1;
                }
            }
        }
        // The first day's own reviews: what was done today is not planned.
        let max_day = left
            .iter()
            .enumerate()
            .map(|(d, m)| {
                let done = if d == 0 { self.done_first_day } else { 0 };
                (budget - m).saturating_sub(done)
            })
            .max()
            .unwrap_or(0);
        Placement {
            reviews,
            count,
            max_day,
        }
    }

    /// The days (offsets from `start`) a topic's next review may take.
    fn window(&self, topic: &Topic, planned: &[usize]) -> Option<(usize, usize)> {
        if self.days == 0 {
            return None;
        }
        let last_day = self.days - 1;
        match planned {
            // No review yet in this plan: from the day after the latest one.
            [] => {
                let lo = topic.last.map_or(0, |last| {
                    usize::try_from(days_between(self.start, last) + 1).unwrap_or(0)
                });
                Some((lo, last_day))
            }
            // After a planned review: at least a day and the previous gap
            // later, and no later than halfway to the final day, so the gap
            // to the final pass is not shorter.
            [.., prev] => {
                let gap = match planned {
                    [.., a, b] => (b - a).max(1),
                    _ => 1,
                };
                let lo = prev + gap;
                let hi = (prev + self.days) / 2;
                (lo <= hi.min(last_day)).then_some((lo, hi.min(last_day)))
            }
        }
    }

    /// Minutes of every review the run-up aims for.
    fn total_minutes(&self) -> u32 {
        self.topics
            .iter()
            .map(|t| t.cost.saturating_mul(self.target))
            .fold(0, u32::saturating_add)
    }

    /// The smallest daily budget in `(lo, hi]` that places `all` reviews
    /// (a binary search over the same placement); `lo` must not place them
    /// all, and `hi` is taken to (a day that holds every review does).
    fn smallest_budget(&self, lo: u32, hi: u32, all: usize) -> u32 {
        let (mut lo, mut hi) = (lo, hi.max(lo.saturating_add(1)));
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.place(mid).count == all {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        hi
    }
}

#[cfg(test)]
mod tests;
