//! The dashboard on the overview page: today's review (count, minutes, a
//! button to start it), the plan explained, confidence per group as stacked
//! bars (click one to open its section), progress over time, and the plan's
//! days with clickable topics.

use chrono::{NaiveDate, NaiveDateTime};
use egui::{RichText, Ui};

use super::{Command, Page, View, rehearsal, theme};
use crate::model::{Confidence, Id};
use crate::review::{self, Plan, PlanKind, Reason};

/// How many days of the plan are listed.
const DAYS_SHOWN: usize = 14;

/// Shows the dashboard.
pub fn dashboard_ui(ui: &mut Ui, view: &mut View<'_>, now: NaiveDateTime, high_contrast: bool) {
    let today = now.date();
    if let Some(at) = view.nb.interview_at
        && super::debrief::interview_over(view.nb, now)
    {
        // No plan after the interview: the debrief instead.
        debrief_offer_ui(ui, view, at.date(), today);
        ui.add_space(12.0);
        groups_ui(ui, view, high_contrast);
        ui.add_space(12.0);
        history_ui(ui, view);
        return;
    }
    let config = rehearsal::plan_config(view.state);
    let plan = rehearsal::plan_today(view.nb, view.state, today, &config);
    today_ui(ui, view, &plan);
    super::stories::dashboard_line_ui(ui, view);
    super::stories::due_today_ui(ui, view, &plan);
    days_ui(ui, view, &plan, today, true, high_contrast);
    ui.add_space(12.0);
    groups_ui(ui, view, high_contrast);
    ui.add_space(12.0);
    history_ui(ui, view);
    ui.add_space(12.0);
    super::a11y::heading(
        &ui.label(RichText::new(view.tr.t("plan")).strong().size(17.0)),
        2,
    );
    if view.nb.interview_at.is_none() {
        ui.weak(view.tr.t("plan-no-date"));
    }
    days_ui(ui, view, &plan, today, false, high_contrast);
}

fn today_ui(ui: &mut Ui, view: &mut View<'_>, plan: &Plan) {
    super::a11y::heading(
        &ui.label(RichText::new(view.tr.t("today")).strong().size(17.0)),
        2,
    );
    let n = plan.today_queue().len();
    let minutes = plan.day(plan.today).map_or(0, |d| d.minutes);
    ui.horizontal_wrapped(|ui| {
        if n == 0 && view.state.skipped_on(plan.today) {
            // Gone through: the skipped topics come back tomorrow.
            ui.label(RichText::new(view.tr.t("to-review-done")).size(16.0));
        } else if n == 0 {
            ui.label(RichText::new(view.tr.t("rehearse-nothing-today")).size(16.0));
        } else {
            ui.label(
                RichText::new(view.tr.t_args(
                    "rehearse-today",
                    &[("n", n.into()), ("minutes", minutes.into())],
                ))
                .size(16.0),
            );
            let start = egui::Button::new(RichText::new(view.tr.t("rehearse-start")).strong());
            if ui.add(start).clicked() {
                view.run(Command::Review);
            }
        }
    });
    for line in explanation(view, plan) {
        ui.weak(line);
    }
}

/// After the interview: when it was, the thank-you note's day, and a
/// button to the debrief.
fn debrief_offer_ui(ui: &mut Ui, view: &mut View<'_>, interview: NaiveDate, today: NaiveDate) {
    ui.label(RichText::new(view.tr.t("dash-debrief")).strong().size(17.0));
    let debrief = &view.nb.debrief;
    let day = debrief.send_by_or(interview);
    let (when, late) = super::debrief::send_status(view.tr, day, today);
    let key = if debrief.is_empty() {
        "dash-debrief-write"
    } else {
        "dash-debrief-continue"
    };
    ui.horizontal_wrapped(|ui| {
        let was = view.tr.t_args(
            "dash-debrief-was",
            &[("date", view.tr.date(interview).into())],
        );
        ui.label(RichText::new(was).size(16.0));
        let write = egui::Button::new(RichText::new(view.tr.t(key)).strong());
        if ui.add(write).clicked() {
            view.run(Command::InterviewDay);
        }
    });
    let line = view
        .tr
        .t_args("dash-debrief-thank-you", &[("when", when.into())]);
    if late {
        ui.colored_label(ui.visuals().warn_fg_color, line);
    } else {
        ui.weak(line);
    }
}

/// The plan explained in the interface language, from its fields.
fn explanation(view: &View<'_>, plan: &Plan) -> Vec<String> {
    let tr = view.tr;
    let mut lines = Vec::new();
    match plan.kind {
        PlanKind::Past => {
            lines.push(tr.t("plan-past"));
            return lines;
        }
        _ if plan.days.is_empty() => {
            lines.push(tr.t("plan-empty"));
            return lines;
        }
        PlanKind::Spaced => lines.push(tr.t("plan-spaced")),
        PlanKind::Interview { final_day, .. } => {
            let reviews: usize = plan
                .days
                .iter()
                .filter(|d| d.date != final_day)
                .map(|d| d.topics.len())
                .sum();
            let when = if final_day == plan.today {
                tr.t("today")
            } else {
                tr.date(final_day)
            };
            lines.push(tr.t_args(
                "plan-interview",
                &[("reviews", reviews.into()), ("final", when.into())],
            ));
        }
    }
    let budget = plan.budget_minutes;
    if plan.fits() {
        lines.push(tr.t_args("plan-fits", &[("budget", budget.into())]));
    } else {
        lines.push(tr.t_args(
            "plan-needs",
            &[
                ("needs", plan.needs_minutes_per_day.into()),
                ("budget", budget.into()),
            ],
        ));
    }
    if !plan.cut.is_empty() {
        lines.push(tr.t_args("plan-cut", &[("n", plan.cut.len().into())]));
    }
    lines
}

fn groups_ui(ui: &mut Ui, view: &mut View<'_>, high_contrast: bool) {
    let groups = review::group_counts(view.nb);
    if groups.is_empty() {
        return;
    }
    super::a11y::heading(
        &ui.label(RichText::new(view.tr.t("dash-groups")).strong().size(17.0)),
        2,
    );
    egui::Grid::new("group-bars")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for g in &groups {
                let total = g.total();
                let label = view.tr.t_args(
                    "dash-group",
                    &[("group", g.title.clone().into()), ("n", total.into())],
                );
                let title = ui
                    .allocate_ui_with_layout(
                        egui::vec2(200.0, 18.0),
                        egui::Layout::left_to_right(egui::Align::Center),
                        |ui| {
                            ui.set_min_width(200.0);
                            ui.add(
                                egui::Label::new(&g.title)
                                    .truncate()
                                    .sense(egui::Sense::click()),
                            )
                        },
                    )
                    .inner
                    .on_hover_text(&label);
                let width = (ui.available_width() - 8.0).clamp(120.0, 420.0);
                let (rect, bar) =
                    ui.allocate_exact_size(egui::vec2(width, 16.0), egui::Sense::click());
                super::name(ui, &bar, &label);
                let mut x = rect.left();
                for level in Confidence::ALL {
                    let n = g.at(level);
                    if n == 0 || total == 0 {
                        continue;
                    }
                    let w = width * n as f32 / total as f32;
                    let part = egui::Rect::from_min_size(
                        egui::pos2(x, rect.top()),
                        egui::vec2(w, rect.height()),
                    );
                    ui.painter().rect_filled(
                        part,
                        0.0,
                        theme::confidence_color(level, high_contrast),
                    );
                    x += w;
                }
                let bar = bar.on_hover_text(&label);
                if title.clicked() || bar.clicked() {
                    view.state.page = Page::Section(g.section);
                    view.state.search_open = false;
                }
                ui.end_row();
            }
        });
}

/// Reviews per day (bars) and the average rating per day (a line), drawn
/// with the painter; the last 14 days with reviews.
/// The width of one day's slot in the progress chart: always room for
/// [`DAYS_SHOWN`] days, so one day of reviews is one bar of the usual width
/// at the left (spread over the whole chart, it was one huge block).
fn slot_width(width: f32, days: usize) -> f32 {
    width / DAYS_SHOWN.max(days) as f32
}

fn history_ui(ui: &mut Ui, view: &mut View<'_>) {
    let history = review::daily_history(view.nb);
    if history.is_empty() {
        return;
    }
    let days: Vec<_> = history.iter().rev().take(DAYS_SHOWN).rev().collect();
    super::a11y::heading(
        &ui.label(RichText::new(view.tr.t("dash-history")).strong().size(17.0)),
        2,
    );
    let width = ui.available_width().min(640.0);
    let height = 90.0;
    let (outer, resp) =
        ui.allocate_exact_size(egui::vec2(width, height + 16.0), egui::Sense::hover());
    let rect = egui::Rect::from_min_size(outer.min, egui::vec2(width, height));
    let painter = ui.painter_at(outer);
    let visuals = ui.visuals();
    painter.rect_stroke(
        rect,
        2.0,
        visuals.widgets.noninteractive.bg_stroke,
        egui::StrokeKind::Inside,
    );
    let max = days.iter().map(|d| d.reviews).max().unwrap_or(1).max(1);
    let slot = slot_width(width, days.len());
    let bar_colour = visuals.selection.bg_fill.gamma_multiply(0.7);
    let line_colour = visuals.strong_text_color();
    let mut points = Vec::new();
    for (i, d) in days.iter().enumerate() {
        let left = rect.left() + slot * i as f32;
        let h = (height - 6.0) * d.reviews as f32 / max as f32;
        let bar = egui::Rect::from_min_max(
            egui::pos2(left + slot * 0.2, rect.bottom() - h),
            egui::pos2(left + slot * 0.8, rect.bottom()),
        );
        painter.rect_filled(bar, 1.0, bar_colour);
        let y = rect.bottom() - (height - 6.0) * d.average_confidence / 5.0 - 3.0;
        points.push(egui::pos2(left + slot * 0.5, y));
        painter.text(
            egui::pos2(left + slot * 0.5, rect.bottom() + 2.0),
            egui::Align2::CENTER_TOP,
            d.date.format("%-m/%-d").to_string(),
            egui::FontId::proportional(11.0),
            visuals.weak_text_color(),
        );
    }
    painter.add(egui::Shape::line(
        points.clone(),
        egui::Stroke::new(2.0, line_colour),
    ));
    for p in points {
        painter.circle_filled(p, 3.0, line_colour);
    }
    let text = days
        .iter()
        .map(|d| {
            view.tr.t_args(
                "dash-history-day",
                &[
                    ("date", view.tr.date(d.date).into()),
                    ("n", d.reviews.into()),
                    ("average", format!("{:.1}", d.average_confidence).into()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    super::name(ui, &resp, &view.tr.t("dash-history"));
    resp.on_hover_text(text);
    ui.weak(view.tr.t("dash-history-legend"));
}

/// The plan's days with clickable topics: today's (`today_only`) or the
/// days after it.
fn days_ui(
    ui: &mut Ui,
    view: &mut View<'_>,
    plan: &Plan,
    today: NaiveDate,
    today_only: bool,
    high_contrast: bool,
) {
    let mut open = None;
    let days = plan
        .days
        .iter()
        .filter(|d| (d.date == today) == today_only)
        .take(DAYS_SHOWN);
    for day in days {
        let when = if day.date == today {
            view.tr.t("today")
        } else {
            view.tr.date(day.date)
        };
        let head = view.tr.t_args(
            "dash-day",
            &[
                ("day", when.into()),
                ("n", day.topics.len().into()),
                ("minutes", day.minutes.into()),
            ],
        );
        ui.label(RichText::new(head).strong());
        ui.indent(("plan", day.date), |ui| {
            for topic in &day.topics {
                let reason = view.tr.t(match topic.reason {
                    Reason::First => "reason-first",
                    Reason::Again => "reason-again",
                    Reason::Final => "reason-final",
                });
                let Some(item) = view.nb.item(topic.id) else {
                    // A story: practised on the Stories page.
                    super::stories::planned_story_ui(ui, view, topic.id, &reason, high_contrast);
                    continue;
                };
                ui.horizontal_wrapped(|ui| {
                    let c = item.confidence;
                    super::a11y::decorative(&ui.label(
                        RichText::new("■").color(theme::confidence_color(c, high_contrast)),
                    ));
                    if ui.link(&item.text).clicked() {
                        open = Some(item.id);
                    }
                    ui.weak(format!("{} · {reason}", view.tr.confidence(c)));
                });
            }
        });
    }
    if let Some(id) = open {
        open_topic(view, id);
    }
}

/// Opens a topic where it lives: its section page, the row focused and
/// scrolled to, its notes open.
pub fn open_topic(view: &mut View<'_>, id: Id) {
    if let Some((section, _, _)) = view.nb.locate_item(id) {
        view.state.page = Page::Section(section);
        view.state.search_open = false;
        view.state.focused_item = Some(id);
        view.state.scroll_to_focus = true;
        view.state.expanded.insert(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_day_of_reviews_is_one_bar_of_the_usual_width() {
        assert!((slot_width(640.0, 1) - slot_width(640.0, DAYS_SHOWN)).abs() < f32::EPSILON);
        assert!(slot_width(640.0, 1) <= 640.0 / 14.0);
    }
}
