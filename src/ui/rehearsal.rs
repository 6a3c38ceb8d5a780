//! Rehearsal: today's planned topics one at a time, the answer hidden until
//! asked for, a rating per topic (recorded as a review event), and a summary
//! at the end. "Cram" goes through every topic, weakest first, instead of
//! today's plan. The rehearsal's progress is UI state; the reviews it gives
//! are notebook changes pushed as intents like any other.

use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime, TimeZone as _};
use egui::{Key, Modifiers, RichText, Ui};

use super::{Page, UiState, View, theme};
use crate::action::Action;
use crate::model::{Confidence, Id, Notebook};
use crate::review::{self, PlanConfig};

/// Time per topic when the timer is on.
pub const TOPIC_TIME: Duration = Duration::from_mins(2);
/// The timer warns in the last this many seconds.
const WARN_TIME: Duration = Duration::from_secs(30);

/// A rehearsal in progress (or just finished, showing its summary).
#[derive(Clone, Debug)]
pub struct Rehearsal {
    /// Going through everything weakest first, not today's plan.
    pub cram: bool,
    /// The topics, in the order they come.
    pub queue: Vec<Id>,
    /// The topic shown (an index into `queue`); past the end: the summary.
    pub pos: usize,
    /// The current topic's notes are shown.
    pub revealed: bool,
    /// The current topic's notes are open for writing (what was forgot),
    /// beside the revealed answer, without leaving the review.
    pub writing: bool,
    /// The notes field takes the keyboard when next drawn.
    pub focus_writing: bool,
    /// The per-topic timer is shown.
    pub timer: bool,
    /// When the current topic came up.
    pub topic_started: Instant,
    /// Topics rated so far.
    pub reviewed: usize,
    /// Ratings that raised the level.
    pub up: usize,
    /// Ratings that lowered the level.
    pub down: usize,
    /// Topics skipped.
    pub skipped: usize,
    /// Seconds spent on rated topics.
    pub seconds: u64,
}

impl Rehearsal {
    fn new(queue: Vec<Id>, cram: bool) -> Self {
        Self {
            cram,
            queue,
            pos: 0,
            revealed: false,
            writing: false,
            focus_writing: false,
            timer: true,
            topic_started: Instant::now(),
            reviewed: 0,
            up: 0,
            down: 0,
            skipped: 0,
            seconds: 0,
        }
    }

    /// Today's planned topics, in plan order, less those skipped today.
    pub fn today(nb: &Notebook, state: &UiState, today: NaiveDate, config: &PlanConfig) -> Self {
        Self::new(plan_today(nb, state, today, config).today_queue(), false)
    }

    /// Every topic, weakest first; the plan is not consulted.
    pub fn cram(nb: &Notebook) -> Self {
        Self::new(review::cram_order(nb), true)
    }

    /// The topic shown, if the rehearsal has not ended.
    pub fn current(&self) -> Option<Id> {
        self.queue.get(self.pos).copied()
    }

    /// True once every topic was rated or skipped (or the user ended it).
    pub fn finished(&self) -> bool {
        self.pos >= self.queue.len()
    }

    fn advance(&mut self) {
        self.pos += 1;
        self.revealed = false;
        self.writing = false;
        self.topic_started = Instant::now();
    }

    /// Ends the rehearsal now: the summary is shown.
    pub fn end(&mut self) {
        self.pos = self.queue.len();
    }
}

/// The plan as the views show it: today's topics skipped in a review that
/// day are left out (done for today means done; tomorrow has them again).
pub fn plan_today(
    nb: &Notebook,
    state: &UiState,
    today: NaiveDate,
    config: &PlanConfig,
) -> review::Plan {
    let mut plan = review::plan(nb, today, config);
    state.drop_skipped(&mut plan);
    plan
}

/// The plan settings the views use: the defaults with the user's budget.
pub fn plan_config(state: &UiState) -> PlanConfig {
    let mut config = PlanConfig::default();
    if state.budget_minutes > 0 {
        config.budget_minutes = state.budget_minutes;
    }
    config
}

/// The revealed answer (a topic's notes, a story's fields): a frame across
/// the page whose text is read at a glance, larger than the page's.
pub fn answer_ui(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if let Some(body) = ui.style_mut().text_styles.get_mut(&egui::TextStyle::Body) {
            body.size = 17.0;
        }
        add(ui);
    });
}

/// Shows the review page: the rehearsal in progress, its summary, or the
/// choice of today's review or a cram.
pub fn rehearsal_ui(ui: &mut Ui, view: &mut View<'_>, now: NaiveDateTime, high_contrast: bool) {
    let Some(mut r) = view.state.rehearsal.take() else {
        start_ui(ui, view, now);
        return;
    };
    // Topics deleted meanwhile are passed over.
    while let Some(id) = r.current() {
        if view.nb.item(id).is_some() {
            break;
        }
        r.queue.remove(r.pos);
    }
    let keys = keyboard_free(ui, view.state);
    let keep = if r.finished() {
        summary_ui(ui, view, &r, now.date())
    } else {
        topic_ui(ui, view, &mut r, now, keys, high_contrast);
        true
    };
    if keep && view.state.rehearsal.is_none() {
        view.state.rehearsal = Some(r);
    }
}

/// True when bare keys belong to the rehearsal: no text field has the
/// keyboard and no dialog is open.
pub(super) fn keyboard_free(ui: &Ui, state: &UiState) -> bool {
    !ui.ctx().egui_wants_keyboard_input()
        && state.palette.is_none()
        && state.open_prompt.is_none()
        && !state.export_open
}

pub(super) fn pressed(ui: &Ui, keys: bool, key: Key) -> bool {
    keys && ui.input_mut(|i| i.consume_key(Modifiers::NONE, key))
}

fn start_ui(ui: &mut Ui, view: &mut View<'_>, now: NaiveDateTime) {
    super::a11y::heading(
        &ui.heading(RichText::new(view.tr.t("review")).size(24.0).strong()),
        1,
    );
    ui.label(view.tr.t("rehearse-help"));
    ui.add_space(12.0);
    let config = plan_config(view.state);
    let plan = plan_today(view.nb, view.state, now.date(), &config);
    let minutes = plan.day(now.date()).map_or(0, |d| d.minutes);
    let n = plan.today_queue().len();
    if n == 0 && view.state.skipped_on(now.date()) {
        ui.label(view.tr.t("to-review-done"));
    } else if n == 0 {
        ui.label(view.tr.t("rehearse-nothing-today"));
    } else {
        ui.label(view.tr.t_args(
            "rehearse-today",
            &[("n", n.into()), ("minutes", minutes.into())],
        ));
    }
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        let start = egui::Button::new(RichText::new(view.tr.t("rehearse-start")).size(17.0));
        if ui.add_enabled(n > 0, start).clicked() {
            view.state.rehearsal = Some(Rehearsal::today(view.nb, view.state, now.date(), &config));
        }
        if ui.button(view.tr.t("rehearse-cram")).clicked() {
            view.state.rehearsal = Some(Rehearsal::cram(view.nb));
        }
    });
    ui.weak(view.tr.t("rehearse-cram-help"));
}

fn topic_ui(
    ui: &mut Ui,
    view: &mut View<'_>,
    r: &mut Rehearsal,
    now: NaiveDateTime,
    keys: bool,
    high_contrast: bool,
) {
    let Some(item) = r.current().and_then(|id| view.nb.item(id)) else {
        return;
    };
    let group = view
        .nb
        .locate_item(item.id)
        .and_then(|(_, g, _)| view.nb.group(g))
        .and_then(|(_, g)| g.title.clone())
        .unwrap_or_default();
    let title = if r.cram {
        view.tr.t("rehearse-cram-title")
    } else {
        view.tr.t("rehearse-title")
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(title).size(17.0).strong());
        ui.label(view.tr.t_args(
            "rehearse-position",
            &[("n", (r.pos + 1).into()), ("total", r.queue.len().into())],
        ));
        ui.checkbox(&mut r.timer, view.tr.t("rehearse-timer"));
        if r.timer {
            timer_ui(ui, r.topic_started.elapsed());
        }
    });
    ui.add_space(16.0);
    if !group.is_empty() {
        ui.label(RichText::new(&group).size(20.0).weak());
    }
    ui.add(egui::Label::new(RichText::new(&item.text).size(30.0).strong()).wrap());
    let c = item.confidence;
    ui.horizontal(|ui| {
        super::a11y::decorative(
            &ui.label(RichText::new("■").color(theme::confidence_color(c, high_contrast))),
        );
        ui.label(view.tr.confidence(c));
    });
    ui.add_space(12.0);

    let key = if r.revealed {
        "rehearse-hide"
    } else {
        "rehearse-reveal"
    };
    let reveal = ui
        .button(RichText::new(view.tr.t(key)).size(16.0))
        .clicked();
    if reveal || pressed(ui, keys, Key::Space) {
        r.revealed = !r.revealed;
    }
    if r.revealed {
        let mut changed = None;
        let just_opened = std::mem::take(&mut r.focus_writing);
        answer_ui(ui, |ui| {
            if r.writing {
                // The notes as text, to add what was forgot; the review
                // stays on this topic.
                let label = view.tr.t("rehearse-notes");
                let id = egui::Id::unique(("rehearse-notes", item.id));
                let (resp, text) =
                    super::text_editor_ui(ui, id, &item.notes, &label, &view.tr.t("notes-hint"), 4);
                if just_opened {
                    resp.request_focus();
                }
                changed = text;
            } else {
                if item.notes.trim().is_empty() && item.detail.trim().is_empty() {
                    ui.weak(view.tr.t("rehearse-no-notes"));
                }
                if !item.notes.trim().is_empty() {
                    super::markdown(ui, view.md, &item.notes);
                }
            }
            if !item.detail.trim().is_empty() {
                super::markdown(ui, view.md, &item.detail);
            }
        });
        if let Some(text) = changed {
            view.act(Action::SetItemNotes {
                id: item.id,
                notes: text,
            });
        }
        let key = if r.writing {
            "rehearse-notes-done"
        } else {
            "rehearse-notes-write"
        };
        if ui.button(view.tr.t(key)).clicked() {
            r.writing = !r.writing;
            r.focus_writing = r.writing;
        }
    }
    ui.add_space(16.0);
    ui.label(RichText::new(view.tr.t("rehearse-rate")).strong());
    let rating = rating_ui(ui, view, keys, high_contrast);
    ui.add_space(8.0);
    let mut skip = false;
    let mut end = false;
    ui.horizontal(|ui| {
        skip = ui.button(view.tr.t("rehearse-skip")).clicked();
        end = ui.button(view.tr.t("rehearse-end")).clicked();
    });
    skip |= pressed(ui, keys, Key::S);
    end |= pressed(ui, keys, Key::Escape);
    ui.weak(view.tr.t("rehearse-keys"));

    if let Some(after) = rating {
        let seconds = r.topic_started.elapsed().as_secs();
        r.reviewed += 1;
        // A first rating (from Unrated) is neither up nor down.
        let rated = c != Confidence::Unrated;
        r.up += usize::from(rated && after > c);
        r.down += usize::from(rated && after < c);
        r.seconds += seconds;
        view.act(Action::Review {
            id: item.id,
            confidence: after,
            at: utc(now),
            seconds: u32::try_from(seconds).unwrap_or(u32::MAX),
        });
        r.advance();
    } else if skip {
        r.skipped += 1;
        if !r.cram {
            view.state.skip_today(now.date(), item.id);
        }
        r.advance();
    } else if end {
        r.end();
    }
    if r.timer && !r.finished() {
        ui.ctx().request_repaint_after(Duration::from_secs(1));
    }
}

/// The five rating buttons (and keys 1–5 when `keys`): the level picked
/// this frame, if any. Shared with story practice.
pub(super) fn rating_ui(
    ui: &mut Ui,
    view: &View<'_>,
    keys: bool,
    high_contrast: bool,
) -> Option<Confidence> {
    let mut rating = None;
    ui.horizontal_wrapped(|ui| {
        for level in Confidence::RATED {
            let text = format!("{} {}", level.level(), view.tr.confidence(level));
            let button = egui::Button::new(RichText::new(text).size(16.0))
                .fill(theme::confidence_color(level, high_contrast).gamma_multiply(0.35));
            if ui.add(button).clicked() {
                rating = Some(level);
            }
        }
    });
    for (key, level) in [
        (Key::Num1, Confidence::Weak),
        (Key::Num2, Confidence::Shaky),
        (Key::Num3, Confidence::Okay),
        (Key::Num4, Confidence::Good),
        (Key::Num5, Confidence::Strong),
    ] {
        if pressed(ui, keys, key) {
            rating = Some(level);
        }
    }
    rating
}

/// The local time `now` as UTC (the clock's UTC time if it does not exist locally).
pub(super) fn utc(now: NaiveDateTime) -> chrono::DateTime<chrono::Utc> {
    chrono::Local
        .from_local_datetime(&now)
        .earliest()
        .map_or_else(chrono::Utc::now, |t| t.with_timezone(&chrono::Utc))
}

/// Minutes and seconds spent on the topic, in a warning colour in the last
/// 30 s of [`TOPIC_TIME`] and an error colour past it.
pub(super) fn timer_ui(ui: &mut Ui, spent: Duration) {
    let secs = spent.as_secs();
    let text = format!(
        "{}:{:02} / {}:{:02}",
        secs / 60,
        secs % 60,
        TOPIC_TIME.as_secs() / 60,
        TOPIC_TIME.as_secs() % 60
    );
    let mut rich = RichText::new(text).monospace().size(16.0);
    if spent >= TOPIC_TIME {
        rich = rich.color(ui.visuals().error_fg_color).strong();
    } else if spent + WARN_TIME >= TOPIC_TIME {
        rich = rich.color(ui.visuals().warn_fg_color).strong();
    }
    ui.label(rich);
}

/// The end of a rehearsal. Returns false when the user closed it.
fn summary_ui(ui: &mut Ui, view: &mut View<'_>, r: &Rehearsal, today: NaiveDate) -> bool {
    ui.heading(
        RichText::new(view.tr.t("rehearse-summary"))
            .size(24.0)
            .strong(),
    );
    ui.add_space(8.0);
    let tomorrow = today.succ_opt().unwrap_or(today);
    let config = plan_config(view.state);
    let next = review::plan(view.nb, today, &config).count_on(tomorrow);
    let minutes = r.seconds / 60;
    let seconds = r.seconds % 60;
    let lines = [
        view.tr.t_args(
            "rehearse-reviewed",
            &[("n", r.reviewed.into()), ("skipped", r.skipped.into())],
        ),
        view.tr.t_args(
            "rehearse-updown",
            &[("up", r.up.into()), ("down", r.down.into())],
        ),
        view.tr.t_args(
            "rehearse-spent",
            &[("minutes", minutes.into()), ("seconds", seconds.into())],
        ),
        view.tr.t_args("rehearse-tomorrow", &[("n", next.into())]),
    ];
    for line in lines {
        ui.label(RichText::new(line).size(18.0));
    }
    ui.add_space(12.0);
    let mut keep = true;
    ui.horizontal_wrapped(|ui| {
        if ui.button(view.tr.t("rehearse-close")).clicked() {
            keep = false;
            view.state.page = Page::Overview;
        }
        if ui.button(view.tr.t("rehearse-cram")).clicked() {
            view.state.rehearsal = Some(Rehearsal::cram(view.nb));
        }
    });
    keep
}
