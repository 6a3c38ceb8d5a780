//! The overview page: interview details (company, role, date and time),
//! progress by confidence, and the dashboard (today's review, the plan,
//! confidence per group).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike as _};
use egui::{RichText, Ui};

use super::{View, line_editor_ui, theme};
use crate::action::Action;
use crate::model::Confidence;
use crate::review;

/// Shows the overview page.
pub fn overview_ui(ui: &mut Ui, view: &mut View<'_>, now: NaiveDateTime, high_contrast: bool) {
    ui.heading(RichText::new(view.tr.t("overview")).size(24.0).strong());
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
            ui.horizontal(|ui| {
                let at = view.nb.interview_at;
                let mut date = at.map_or(now.date(), |a| a.date());
                let mut jd = to_jiff(date);
                let resp = ui.add(
                    egui_extras::DatePickerButton::new(&mut jd)
                        .id_salt("interview-date")
                        .calendar_week(false)
                        .show_icon(false),
                );
                super::name(ui, &resp, &label);
                if let Some(d) = from_jiff(jd) {
                    date = d;
                }
                let time = at.map_or_else(
                    || NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default(),
                    |a| a.time(),
                );
                let mut hour = time.hour();
                let mut minute = time.minute();
                let h = ui.add(egui::DragValue::new(&mut hour).range(0..=23).suffix(" h"));
                super::name(ui, &h, &view.tr.t("field-hour"));
                let m = ui.add(
                    egui::DragValue::new(&mut minute)
                        .range(0..=59)
                        .speed(5)
                        .suffix(" min"),
                );
                super::name(ui, &m, &view.tr.t("field-minute"));
                let new_time = NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(time);
                let new = Some(NaiveDateTime::new(date, new_time));
                if (at.is_some() || resp.changed())
                    && new != at
                    && (resp.changed() || h.changed() || m.changed())
                {
                    view.act(Action::SetInterviewAt(new));
                }
                if at.is_some() && ui.button(view.tr.t("clear-date")).clicked() {
                    view.act(Action::SetInterviewAt(None));
                }
            });
            ui.end_row();
        });
}

fn to_jiff(d: NaiveDate) -> jiff::civil::Date {
    use chrono::Datelike as _;
    jiff::civil::Date::new(
        i16::try_from(d.year()).unwrap_or(2026),
        i8::try_from(d.month()).unwrap_or(1),
        i8::try_from(d.day()).unwrap_or(1),
    )
    .unwrap_or_default()
}

fn from_jiff(d: jiff::civil::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        i32::from(d.year()),
        u32::try_from(d.month()).ok()?,
        u32::try_from(d.day()).ok()?,
    )
}

fn progress_ui(ui: &mut Ui, view: &mut View<'_>, high_contrast: bool) {
    let stats = review::notebook_stats(view.nb);
    ui.label(RichText::new(view.tr.t("progress")).strong().size(17.0));
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
            ui.label(RichText::new("■").color(theme::confidence_color(level, high_contrast)));
            ui.label(text);
            ui.add_space(6.0);
        }
    });
}
