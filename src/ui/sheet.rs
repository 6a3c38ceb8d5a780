//! The interview-day sheet: one screen in large text to read before going
//! in. The countdown, company and role, the values, the weakest topics
//! with the first line of each note, and the questions to ask as tick
//! boxes, and the section notes pinned to it. Values, topics and questions
//! wrap at the column's edge; the rows they take are counted so the page
//! stays one screen. Once the interview
//! is over the page is the debrief instead (`debrief.rs`).

use chrono::NaiveDateTime;
use egui::{RichText, Ui};

use super::{View, theme};
use crate::action::Action;
use crate::export::sheet::{first_line, plain, values, weakest};
use crate::model::{Notebook, Section, SectionKind};
use crate::review;

/// Text sizes on the sheet.
const BIG: f32 = 26.0;
const HEAD: f32 = 19.0;
const BODY: f32 = 16.0;

/// Shows the interview-day sheet.
pub fn sheet_ui(ui: &mut Ui, view: &mut View<'_>, now: NaiveDateTime) {
    if super::debrief::interview_over(view.nb, now) {
        super::debrief::debrief_ui(ui, view, now);
        return;
    }
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
            let mut used = values_ui(left, view);
            used += pinned_ui(left, view, pinned_share(view.nb, room - used, 2.0));
            questions_ui(left, view, room - used);
            weakest_ui(right, view, room);
        });
    } else {
        let room = ((screen - 200.0) / row).floor();
        let mut used = values_ui(ui, view);
        used += pinned_ui(ui, view, pinned_share(view.nb, room - used, 3.0));
        let half = ((room - used) / 2.0).floor();
        weakest_ui(ui, view, half);
        questions_ui(ui, view, half);
    }
}

/// Rows the pinned notes may take: a `parts`-th of `room` (the rest is for
/// the questions and topics beside them), none when nothing is pinned.
fn pinned_share(nb: &Notebook, room: f32, parts: f32) -> f32 {
    if pinned_notes(nb).is_empty() {
        0.0
    } else {
        (room / parts).floor().max(3.0)
    }
}

/// Shows the pinned sections' notes, as many lines as `room` rows hold
/// (the heading and "more" lines included); returns the rows taken.
fn pinned_ui(ui: &mut Ui, view: &View<'_>, room: f32) -> f32 {
    let pinned = pinned_notes(view.nb);
    if pinned.is_empty() {
        return 0.0;
    }
    heading(ui, view.tr.t("sheet-pinned"));
    let mut used = 1.0;
    // Each section gets an even share: its title and at least one line.
    let share = ((room - 1.0) / pinned.len() as f32).floor().max(2.0);
    let mut shown = 0;
    for (section, lines) in &pinned {
        if used + 2.0 > room && shown > 0 {
            break;
        }
        shown += 1;
        let title = super::section::section_title(view, section);
        ui.add(egui::Label::new(RichText::new(&title).size(BODY).strong()).truncate());
        let fit = (share - 1.0) as usize;
        let take = if lines.len() <= fit {
            lines.len()
        } else {
            fit.saturating_sub(1).max(1)
        };
        ui.indent(("sheet-pinned", section.id), |ui| {
            for line in lines.iter().take(take) {
                ui.add(egui::Label::new(RichText::new(line).size(BODY - 1.0)).truncate())
                    .on_hover_text(line);
            }
            if take < lines.len() {
                more_ui(ui, view, "sheet-pinned-more-lines", lines.len() - take);
                used += 1.0;
            }
        });
        used += 1.0 + take as f32;
    }
    if shown < pinned.len() {
        more_ui(ui, view, "sheet-pinned-hidden", pinned.len() - shown);
        used += 1.0;
    }
    used
}

/// An italic line saying how many more there are (`key` takes `$n`).
fn more_ui(ui: &mut Ui, view: &View<'_>, key: &str, n: usize) {
    let text = view.tr.t_args(key, &[("n", n.into())]);
    ui.label(RichText::new(text).size(BODY - 1.0).italics());
}

/// The sections pinned to the sheet that have notes, each with its notes'
/// non-blank lines as plain text (list marks become bullets).
pub fn pinned_notes(nb: &Notebook) -> Vec<(&Section, Vec<String>)> {
    nb.sections
        .iter()
        .filter(|s| s.pinned)
        .map(|s| (s, note_lines(&s.notes)))
        .filter(|(_, lines)| !lines.is_empty())
        .collect()
}

/// A note's non-blank lines without Markdown marks; list items keep a bullet.
fn note_lines(notes: &str) -> Vec<String> {
    notes
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let item = ["- ", "* ", "+ "].iter().find_map(|m| l.strip_prefix(m));
            match item {
                Some(rest) => format!("• {}", plain(rest)),
                None => plain(l.trim_start_matches(['#', '>', ' '])),
            }
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// Lines `text` takes at `size` wrapped at `width`: a line of the sheet
/// uses the width there is and wraps only at the real edge, and the rows
/// it takes are counted so the sheet stays one screen.
fn lines(ui: &Ui, text: &str, size: f32, width: f32) -> f32 {
    let galley = ui.fonts_mut(|f| {
        f.layout(
            text.to_owned(),
            egui::FontId::proportional(size),
            egui::Color32::WHITE,
            width.max(1.0),
        )
    });
    galley.rows.len().max(1) as f32
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
    heading(ui, view.tr.t("sheet-values"));
    let mut rows = 1.0;
    for v in values {
        let text = format!("• {v}");
        rows += lines(ui, &text, BODY, ui.available_width());
        ui.add(egui::Label::new(RichText::new(text).size(BODY)).wrap());
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
    let width = ui.available_width();
    for item in &topics {
        let note = first_line(&item.notes);
        // The title beside its square, the note indented below it.
        let need = lines(ui, &item.text, BODY, width - 2.0 * BODY)
            + note.as_ref().map_or(0.0, |n| {
                lines(ui, n, BODY - 1.0, width - ui.spacing().indent)
            });
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
            ui.add(egui::Label::new(RichText::new(&item.text).size(BODY).strong()).wrap())
                .on_hover_text(view.tr.confidence(c));
        });
        if let Some(note) = note {
            ui.indent(("sheet-note", item.id), |ui| {
                ui.add(egui::Label::new(RichText::new(note).size(BODY - 1.0).weak()).wrap());
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
    // Each question takes the lines its text wraps to beside its box.
    let width = ui.available_width() - ui.spacing().icon_width - ui.spacing().icon_spacing;
    let mut rows = (room - 1.0).max(3.0);
    let mut shown = 0;
    for (i, item) in section.items().enumerate() {
        let need = lines(ui, &item.text, BODY, width);
        // The last one fits without a "more" line after it.
        let more = if i + 1 < total { 1.0 } else { 0.0 };
        if rows < need + more && shown > 0 {
            break;
        }
        rows -= need;
        shown += 1;
        let mut done = item.done;
        let resp = ui.checkbox(&mut done, RichText::new(&item.text).size(BODY));
        if resp.changed() {
            view.act(Action::SetDone { id: item.id, done });
        }
    }
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
    fn pinned_notes_are_plain_lines_of_pinned_sections_with_notes() {
        let mut nb = crate::brief::import("# Culture\n\ntext\n\n# Team\n\nmore\n", "t.md").unwrap();
        nb.sections[0].notes = "## Ask about **on-call**\n\n- small _teams_\n".into();
        nb.sections[1].notes = "not pinned".into();
        assert!(pinned_notes(&nb).is_empty());
        nb.sections[0].pinned = true;
        nb.sections[1].pinned = true;
        nb.sections[1].notes = " \n".into();
        let pinned = pinned_notes(&nb);
        assert_eq!(
            pinned.len(),
            1,
            "a pinned section without notes is left out"
        );
        assert_eq!(pinned[0].0.title, "Culture");
        assert_eq!(pinned[0].1, ["Ask about on-call", "• small teams"]);
    }
}
