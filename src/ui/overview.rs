//! The overview page: interview details (company, role, date and time),
//! progress by confidence, and the dashboard (today's review, the plan,
//! confidence per group).

use chrono::{NaiveDateTime, NaiveTime, Timelike as _};
use egui::{RichText, Ui};

use super::{View, line_editor_ui, theme};
use crate::action::Action;
use crate::model::Confidence;
use crate::review;

/// Shows the overview page.
pub fn overview_ui(ui: &mut Ui, view: &mut View<'_>, now: NaiveDateTime, high_contrast: bool) {
    let title = ui.heading(RichText::new(view.tr.t("overview")).size(24.0).strong());
    super::a11y::heading(&title, 1);
    ui.add_space(8.0);
    details_ui(ui, view, now);
    ui.add_space(12.0);
    progress_ui(ui, view, high_contrast);
    ui.add_space(12.0);
    super::dashboard::dashboard_ui(ui, view, now, high_contrast);
}

fn details_ui(ui: &mut Ui, view: &mut View<'_>, now: NaiveDateTime) {
    egui::Grid::new("details")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            let fields: [(&str, &str, fn(String) -> Action); 3] = [
                ("field-title", &view.nb.title, Action::SetTitle),
                ("field-company", &view.nb.company, Action::SetCompany),
                ("field-role", &view.nb.role, Action::SetRole),
            ];
            for (key, value, make) in fields {
                let label = view.tr.t(key);
                ui.label(&label);
                let (_, changed) =
                    line_editor_ui(ui, egui::Id::unique(key), value, &label, "", 360.0);
                if let Some(v) = changed {
                    view.out.push(super::Intent::Do(make(v)));
                }
                ui.end_row();
            }

            let label = view.tr.t("field-date");
            ui.label(&label);
            ui.horizontal(|ui| date_fields_ui(ui, view, now, &label));
            ui.end_row();
        });
}

/// The interview's date and time; before one is set, "No date yet" and a
/// Set button (today's date would look like a date already chosen).
fn date_fields_ui(ui: &mut Ui, view: &mut View<'_>, now: NaiveDateTime, label: &str) {
    let Some(at) = view.nb.interview_at else {
        ui.weak(view.tr.t("no-date-yet"));
        let set = ui.button(view.tr.t("set-date"));
        super::name(ui, &set, &format!("{label}: {}", view.tr.t("set-date")));
        if view.state.page == super::Page::Overview && std::mem::take(&mut view.state.show_date) {
            set.scroll_to_me(Some(egui::Align::Center));
        }
        if set.clicked() {
            // A week ahead at 10:00, to adjust from there.
            let day = now.date() + chrono::Duration::days(7);
            let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default();
            view.act(Action::SetInterviewAt(Some(NaiveDateTime::new(day, ten))));
        }
        return;
    };
    let mut date = at.date();
    if let Some(d) =
        super::datepicker::date_picker_ui(ui, view.tr, "interview-date", date, now.date(), label)
    {
        date = d;
    }
    let time = at.time();
    let mut hour = time.hour();
    let mut minute = time.minute();
    let h = ui.add(
        egui::DragValue::new(&mut hour)
            .range(0..=23)
            .suffix(view.tr.t("unit-hour")),
    );
    super::name(ui, &h, &view.tr.t("field-hour"));
    let m = ui.add(
        egui::DragValue::new(&mut minute)
            .range(0..=59)
            .speed(5)
            .suffix(view.tr.t("unit-minute")),
    );
    super::name(ui, &m, &view.tr.t("field-minute"));
    let new_time = NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(time);
    let new = NaiveDateTime::new(date, new_time);
    if new != at {
        view.act(Action::SetInterviewAt(Some(new)));
    }
    if ui.button(view.tr.t("clear-date")).clicked() {
        view.act(Action::SetInterviewAt(None));
    }
}

fn progress_ui(ui: &mut Ui, view: &mut View<'_>, high_contrast: bool) {
    let stats = review::notebook_stats(view.nb);
    let title = ui.label(RichText::new(view.tr.t("progress")).strong().size(17.0));
    super::a11y::heading(&title, 2);
    ui.label(view.tr.t_args(
        "progress-summary",
        &[
            ("rated", stats.rated.into()),
            ("topics", stats.topics.into()),
            ("done", stats.done.into()),
            ("questions", stats.checklist.into()),
        ],
    ));
    if stats.topics == 0 {
        return;
    }
    // A bar split by level, each part labelled with its count and level.
    let width = ui.available_width().min(640.0);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 18.0), egui::Sense::hover());
    let mut x = rect.left();
    for level in Confidence::ALL {
        let n = stats.at(level);
        if n == 0 {
            continue;
        }
        let w = width * n as f32 / stats.topics as f32;
        let part =
            egui::Rect::from_min_size(egui::pos2(x, rect.top()), egui::vec2(w, rect.height()));
        ui.painter()
            .rect_filled(part, 0.0, theme::confidence_color(level, high_contrast));
        x += w;
    }
    ui.horizontal_wrapped(|ui| {
        for level in Confidence::ALL {
            let n = stats.at(level);
            let text = if level == Confidence::Unrated {
                format!("{}: {n}", view.tr.confidence(level))
            } else {
                format!("{} {}: {n}", level.level(), view.tr.confidence(level))
            };
            let swatch =
                ui.label(RichText::new("■").color(theme::confidence_color(level, high_contrast)));
            super::a11y::decorative(&swatch);
            ui.label(text);
            ui.add_space(6.0);
        }
    });
}
