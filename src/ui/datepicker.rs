//! A date picker in the app's language: the month, the weekday letters and
//! the buttons come from the translations (egui_extras' picker is English
//! only). A button shows the date; it opens a month grid, where a day is
//! chosen and kept with Save, or dropped with Cancel or Esc. Only days from
//! 1970 to 2200 can be chosen ([`crate::model::date_in_range`]): the month
//! arrows stop at the ends and the days beyond are greyed out.

use chrono::{Datelike as _, Duration, NaiveDate};
use egui::{Align, Layout, RichText, Ui};

use super::name;
use crate::i18n::Tr;

/// The picker's state while it is open: the month shown and the day chosen.
#[derive(Clone, Copy, Debug)]
struct Open {
    month: NaiveDate,
    chosen: NaiveDate,
}

/// Shows the date button and, while open, the month grid under it (`today`
/// marked). Returns the date saved this frame.
pub fn date_picker_ui(
    ui: &mut Ui,
    tr: &Tr,
    id_salt: &str,
    date: NaiveDate,
    today: NaiveDate,
    label: &str,
) -> Option<NaiveDate> {
    let id = ui.make_persistent_id(("date-picker", id_salt));
    let button = ui.button(tr.date(date));
    // Named with its date: "Interview date: 2 December 2026".
    let spoken = tr.t_args(
        "a11y-date-button",
        &[("label", label.into()), ("date", tr.date(date).into())],
    );
    name(ui, &button, &spoken);
    let popup_id = id.with("popup");
    if button.clicked() && !egui::Popup::is_id_open(ui.ctx(), popup_id) {
        // Opening: start from the date shown.
        ui.data_mut(|d| {
            d.insert_temp(
                id,
                Open {
                    month: first_of_month(date),
                    chosen: date,
                },
            );
        });
    }
    let mut saved: Option<NaiveDate> = None;
    super::a11y::expanded(&button, egui::Popup::is_id_open(ui.ctx(), popup_id));
    // An egui popup: Esc and a click outside close it, and while it is open
    // the app's bare-key shortcuts leave the page alone.
    egui::Popup::from_toggle_button_response(&button)
        .id(popup_id)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            super::a11y::name_dialog(
                ui,
                &tr.t_args("a11y-date-picker", &[("label", label.into())]),
            );
            let mut state: Open = ui.data(|d| d.get_temp(id)).unwrap_or(Open {
                month: first_of_month(date),
                chosen: date,
            });
            month_ui(ui, tr, &mut state, today);
            // As wide as the month: a bare right-to-left row would take
            // the popup's whole default width (most of it empty).
            let width = ui.min_rect().width();
            ui.set_max_width(width);
            ui.separator();
            ui.allocate_ui_with_layout(
                egui::vec2(width, ui.spacing().interact_size.y),
                Layout::right_to_left(Align::Center),
                |ui| {
                    if ui.button(tr.t("date-save")).clicked() {
                        // Never a date outside the range, whatever the state.
                        saved = crate::model::date_in_range(state.chosen).then_some(state.chosen);
                        ui.close();
                    }
                    if ui.button(tr.t("cancel")).clicked() {
                        ui.close();
                    }
                },
            );
            ui.data_mut(|d| d.insert_temp(id, state));
        });
    saved
}

/// The month's title with its arrows, the weekday letters and the days,
/// today's underlined.
fn month_ui(ui: &mut Ui, tr: &Tr, state: &mut Open, today: NaiveDate) {
    ui.horizontal(|ui| {
        let arrow = |ui: &mut Ui, icon: &str, key: &str| {
            let resp = ui.button(icon);
            name(ui, &resp, &tr.t(key));
            resp.on_hover_text(tr.t(key)).clicked()
        };
        let first = first_of_month(crate::model::first_date());
        let last = first_of_month(crate::model::last_date());
        if arrow(ui, "◀", "date-prev-month") && state.month > first {
            state.month = add_months(state.month, -1);
        }
        let month = ui.label(RichText::new(tr.month_year(state.month)).strong());
        super::a11y::heading(&month, 3);
        if arrow(ui, "▶", "date-next-month") && state.month < last {
            state.month = add_months(state.month, 1);
        }
    });
    egui::Grid::new(("days", state.month))
        .spacing([2.0, 2.0])
        .min_col_width(30.0)
        .show(ui, |ui| {
            for weekday in 0..7 {
                ui.vertical_centered(|ui| {
                    ui.weak(tr.t(&format!("weekday-{weekday}")));
                });
            }
            ui.end_row();
            // Weeks start on Monday, as the weekday names do.
            let lead = i64::from(state.month.weekday().num_days_from_monday());
            let start = state.month - Duration::days(lead);
            for week in 0..6 {
                for day in 0..7 {
                    let date = start + Duration::days(week * 7 + day);
                    let in_month = date.month() == state.month.month();
                    let mut text = RichText::new(date.day().to_string());
                    if !in_month {
                        text = text.weak();
                    }
                    if date == today {
                        text = text.underline().strong();
                    }
                    let button = egui::Button::selectable(date == state.chosen, text)
                        .min_size(egui::vec2(30.0, 24.0));
                    let resp = ui.add_enabled(crate::model::date_in_range(date), button);
                    if date == today {
                        name(ui, &resp, &format!("{} ({})", tr.date(date), tr.t("today")));
                    } else {
                        name(ui, &resp, &tr.date(date));
                    }
                    if resp.clicked() && crate::model::date_in_range(date) {
                        state.chosen = date;
                        state.month = first_of_month(date);
                    }
                }
                ui.end_row();
            }
        });
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn add_months(first: NaiveDate, months: i32) -> NaiveDate {
    let index = first.year() * 12 + i32::try_from(first.month0()).unwrap_or(0) + months;
    NaiveDate::from_ymd_opt(
        index.div_euclid(12),
        u32::try_from(index.rem_euclid(12)).unwrap_or(0) + 1,
        1,
    )
    .unwrap_or(first)
}
