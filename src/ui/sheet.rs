//! The interview-day sheet: one screen in large text to read before going
//! in. The countdown, company and role, the values one line each, the
//! weakest topics with the first line of each note, and the questions to
//! ask as tick boxes.

use chrono::NaiveDateTime;
use egui::{RichText, Ui};

use super::{View, theme};
use crate::action::Action;
use crate::model::{Item, Notebook, SectionKind};
use crate::review;

/// Text sizes on the sheet.
const BIG: f32 = 26.0;
const HEAD: f32 = 19.0;
const BODY: f32 = 16.0;

/// Shows the interview-day sheet.
pub fn sheet_ui(ui: &mut Ui, view: &mut View<'_>, now: NaiveDateTime) {
    let nb = view.nb;
    let when = match nb.interview_at {
        Some(at) => view.tr.t_args(
            "interview-countdown",
            &[
                ("when", view.tr.countdown(review::countdown(at, now)).into()),
                ("date", view.tr.date_time(at).into()),
            ],
        ),
        None => view.tr.t("sheet-no-date"),
    };
    super::a11y::heading(&ui.label(RichText::new(when).size(BIG).strong()), 1);
    let who: Vec<&str> = [nb.company.as_str(), nb.role.as_str()]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
    if !who.is_empty() {
        ui.label(RichText::new(who.join(" · ")).size(HEAD));
    }
    ui.add_space(10.0);
    // Rows of body text the screen has room for, beside the fixed parts.
    let row = BODY * 1.65;
    let screen = ui.ctx().content_rect().height();
    if ui.available_width() >= 520.0 {
        ui.columns(2, |cols| {
            let [left, right] = cols else { return };
            let room = ((screen - 230.0) / row).floor();
            let used = values_ui(left, view);
            questions_ui(left, view, room - used);
            weakest_ui(right, view, room);
        });
    } else {
        let room = ((screen - 200.0) / row).floor();
        let used = values_ui(ui, view);
        let half = ((room - used) / 2.0).floor();
        weakest_ui(ui, view, half);
        questions_ui(ui, view, half);
    }
}

fn heading(ui: &mut Ui, text: String) {
    ui.add_space(6.0);
    super::a11y::heading(&ui.label(RichText::new(text).size(HEAD).strong()), 2);
}

/// Shows the values; returns the rows they took.
fn values_ui(ui: &mut Ui, view: &View<'_>) -> f32 {
    let values = values(view.nb);
    if values.is_empty() {
        return 0.0;
    }
    let rows = values.len() as f32 + 1.0;
    heading(ui, view.tr.t("sheet-values"));
    for v in values {
        ui.add(egui::Label::new(RichText::new(format!("• {v}")).size(BODY)).truncate())
            .on_hover_text(v);
    }
    rows
}

fn weakest_ui(ui: &mut Ui, view: &View<'_>, room: f32) {
    let topics = weakest(view.nb);
    if topics.is_empty() {
        return;
    }
    heading(ui, view.tr.t("sheet-weakest"));
    // Each topic takes one row, or two with a note.
    let mut rows = room.max(3.0);
    let mut shown = 0;
    for item in &topics {
        let note = first_line(&item.notes);
        let need = if note.is_some() { 2.0 } else { 1.0 };
        if rows < need && shown > 0 {
            break;
        }
        rows -= need;
        shown += 1;
        ui.horizontal(|ui| {
            let c = item.confidence;
            super::a11y::decorative(
                &ui.label(
                    RichText::new("■")
                        .size(BODY)
                        .color(theme::confidence_color(c, false)),
                ),
            );
            ui.add(egui::Label::new(RichText::new(&item.text).size(BODY).strong()).truncate())
                .on_hover_text(view.tr.confidence(c));
        });
        if let Some(note) = note {
            ui.indent(("sheet-note", item.id), |ui| {
                ui.add(egui::Label::new(RichText::new(note).size(BODY - 1.0).weak()).truncate());
            });
        }
    }
    let more = topics.len() - shown;
    if more > 0 {
        ui.label(
            RichText::new(view.tr.t_args("sheet-more", &[("n", more.into())]))
                .size(BODY - 1.0)
                .italics(),
        );
    }
}

/// The questions to ask as tick boxes, one line each, as many as `room`
/// rows hold (the heading and a "more" line included).
fn questions_ui(ui: &mut Ui, view: &mut View<'_>, room: f32) {
    let nb = view.nb;
    let Some(section) = nb.first_of_kind(SectionKind::Checklist) else {
        return;
    };
    heading(ui, view.tr.t("sheet-questions"));
    let total = section.items().count();
    let fit = (room - 1.0).max(3.0) as usize;
    let shown = if fit >= total { total } else { fit - 1 };
    ui.scope(|ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        for item in section.items().take(shown) {
            let mut done = item.done;
            let resp = ui
                .checkbox(&mut done, RichText::new(&item.text).size(BODY))
                .on_hover_text(&item.text);
            if resp.changed() {
                view.act(Action::SetDone { id: item.id, done });
            }
        }
    });
    if shown < total {
        ui.label(
            RichText::new(
                view.tr
                    .t_args("sheet-more-questions", &[("n", (total - shown).into())]),
            )
            .size(BODY - 1.0)
            .italics(),
        );
    }
}

/// Topics below Good, weakest first (every topic when none is below Good).
fn weakest(nb: &Notebook) -> Vec<&Item> {
    crate::export::sheet::weakest(nb)
}

/// The first non-empty line of a note, without Markdown list or heading marks.
fn first_line(text: &str) -> Option<String> {
    crate::export::sheet::first_line(text)
}

/// The values, one line each: the list items of the section about the
/// mission or values (its topics when it has any).
pub fn values(nb: &Notebook) -> Vec<String> {
    crate::export::sheet::values(nb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_the_list_items_of_the_values_section() {
        let nb = crate::brief::import(
            "# Mission and Values\n\n**Values:**\n\n- _Speed:_ ship often.\n- **Care** for users\n\n# Topics\n\n- A\n",
            "t.md",
        )
        .unwrap();
        assert_eq!(values(&nb), ["Speed: ship often.", "Care for users"]);
    }

    #[test]
    fn first_line_skips_blank_lines_and_marks() {
        assert_eq!(
            first_line("\n- **Await** frees the loop\nmore"),
            Some("Await frees the loop".into())
        );
        assert_eq!(first_line("  \n"), None);
        assert_eq!(
            crate::export::sheet::plain("snake_case stays"),
            "snake_case stays"
        );
    }
}
