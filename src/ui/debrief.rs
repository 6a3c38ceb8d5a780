//! The debrief: once the interview is over, the interview-day page becomes
//! the place to write what went well, what to look up, and the thank-you
//! note, with the day to send it by.

use chrono::{NaiveDate, NaiveDateTime};
use egui::{RichText, Ui};

use super::{View, datepicker, text_editor_ui};
use crate::action::Action;
use crate::i18n::Tr;
use crate::model::{DebriefField, Notebook};

/// Text sizes on the debrief, as on the sheet.
const BIG: f32 = 26.0;
const HEAD: f32 = 18.0;

/// True once the interview's date and time have passed.
pub fn interview_over(nb: &Notebook, now: NaiveDateTime) -> bool {
    nb.interview_at.is_some_and(|at| at < now)
}

/// Shows the debrief (nothing when the notebook has no interview date).
pub fn debrief_ui(ui: &mut Ui, view: &mut View<'_>, now: NaiveDateTime) {
    let Some(at) = view.nb.interview_at else {
        return;
    };
    ui.label(RichText::new(view.tr.t("debrief")).size(BIG).strong());
    let mut was = view
        .tr
        .t_args("debrief-was", &[("date", view.tr.date_time(at).into())]);
    for part in [&view.nb.company, &view.nb.role] {
        if !part.trim().is_empty() {
            was.push_str(" · ");
            was.push_str(part.trim());
        }
    }
    ui.label(RichText::new(was).size(HEAD));
    ui.add_space(10.0);
    for (field, key, hint) in [
        (
            DebriefField::WentWell,
            "debrief-went-well",
            "debrief-went-well-hint",
        ),
        (
            DebriefField::LookUp,
            "debrief-look-up",
            "debrief-look-up-hint",
        ),
    ] {
        let hint = view.tr.t(hint);
        field_ui(ui, view, field, key, &hint);
        ui.add_space(8.0);
    }
    thank_you_ui(ui, view, at.date(), now.date());
}

/// The editor of one debrief text, named `label`.
fn editor_ui(ui: &mut Ui, view: &mut View<'_>, field: DebriefField, label: &str, hint: &str) {
    let current = view.nb.debrief.text(field);
    let (_, changed) = text_editor_ui(
        ui,
        egui::Id::unique(("debrief", field)),
        current,
        label,
        hint,
        4,
    );
    if let Some(text) = changed {
        view.act(Action::SetDebriefText { field, text });
    }
}

/// A heading and the editor of one debrief text.
fn field_ui(ui: &mut Ui, view: &mut View<'_>, field: DebriefField, key: &str, hint: &str) {
    let label = view.tr.t(key);
    ui.label(RichText::new(&label).size(HEAD).strong());
    editor_ui(ui, view, field, &label, hint);
}

/// The thank-you note: the day to send it by with how long is left beside
/// its heading, its editor (a draft as the hint), then Copy or "Start from
/// a draft".
fn thank_you_ui(ui: &mut Ui, view: &mut View<'_>, interview: NaiveDate, today: NaiveDate) {
    let label = view.tr.t("debrief-thank-you");
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&label).size(HEAD).strong());
        ui.add_space(16.0);
        send_by_ui(ui, view, interview, today);
    });
    let draft = draft(view.tr, &view.nb.company, &view.nb.role);
    editor_ui(ui, view, DebriefField::ThankYou, &label, &draft);
    let text = view.nb.debrief.thank_you.clone();
    let copied_id = egui::Id::unique("debrief-copied");
    ui.horizontal_wrapped(|ui| {
        let empty = text.trim().is_empty();
        if empty {
            // The user's text is never replaced: the draft fills an empty note only.
            if ui.button(view.tr.t("debrief-use-draft")).clicked() {
                view.act(Action::SetDebriefText {
                    field: DebriefField::ThankYou,
                    text: draft.clone(),
                });
            }
        }
        // Always there: an empty note copies the draft shown in it.
        let copy = if empty { draft } else { text };
        if ui.button(view.tr.t("debrief-copy")).clicked() {
            ui.ctx().copy_text(copy.clone());
            ui.data_mut(|d| d.insert_temp(copied_id, copy.clone()));
        }
        let copied: Option<String> = ui.data(|d| d.get_temp(copied_id));
        if copied.as_deref() == Some(copy.as_str()) {
            ui.weak(format!("✔ {}", view.tr.t("debrief-copied")));
        }
    });
}

/// "Send by", the day (a date picker) and how long is left, in a warning
/// colour once the day has passed.
fn send_by_ui(ui: &mut Ui, view: &mut View<'_>, interview: NaiveDate, today: NaiveDate) {
    let day = view.nb.debrief.send_by_or(interview);
    let label = view.tr.t("debrief-send-by");
    ui.label(&label);
    // The picker reads out with the date: "Send by: Wed 25 Nov 2026".
    if let Some(d) = datepicker::date_picker_ui(ui, view.tr, "send-by", day, today, &label) {
        view.act(Action::SetSendBy(Some(d)));
    }
    let (when, late) = send_status(view.tr, day, today);
    if late {
        ui.label(
            RichText::new(when)
                .color(ui.visuals().warn_fg_color)
                .strong(),
        );
    } else {
        ui.label(RichText::new(when).strong());
    }
}

/// How long is left to send the thank-you note, in words, and whether the
/// day has passed.
pub fn send_status(tr: &Tr, day: NaiveDate, today: NaiveDate) -> (String, bool) {
    let days = (day - today).num_days();
    let text = match days {
        0 => tr.t("debrief-send-today"),
        1 => tr.t("debrief-send-tomorrow"),
        d if d > 1 => tr.t_args("debrief-send-in", &[("n", d.into())]),
        d => tr.t_args("debrief-send-late", &[("n", (-d).into())]),
    };
    (text, days < 0)
}

/// A thank-you note to start from, in the interface language, naming the
/// company and role when the notebook has them.
pub fn draft(tr: &Tr, company: &str, role: &str) -> String {
    let (company, role) = (company.trim(), role.trim());
    let hello = if company.is_empty() {
        tr.t("debrief-draft-hello-plain")
    } else {
        tr.t_args("debrief-draft-hello", &[("company", company.into())])
    };
    let thanks = if role.is_empty() {
        tr.t("debrief-draft-thanks-plain")
    } else {
        tr.t_args("debrief-draft-thanks", &[("role", role.into())])
    };
    [
        hello,
        thanks,
        tr.t("debrief-draft-close"),
        tr.t("debrief-draft-sign"),
    ]
    .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_draft_names_company_and_role_in_the_interface_language() {
        let en = Tr::new(Lang::En);
        let d = draft(&en, "ABC Corp", "Backend Engineer");
        assert!(d.starts_with("Dear ABC Corp team,"), "{d}");
        assert!(d.contains("the Backend Engineer role"), "{d}");
        let plain = draft(&en, " ", "");
        assert!(plain.starts_with("Hello,"), "{plain}");
        assert!(!plain.contains("role"), "{plain}");
        let ko = draft(&Tr::new(Lang::Ko), "ABC Corp", "백엔드 엔지니어");
        assert!(
            ko.contains("ABC Corp") && ko.contains("백엔드 엔지니어"),
            "{ko}"
        );
        assert!(!ko.contains("Thank"), "{ko}");
    }

    #[test]
    fn send_status_counts_down_and_warns_when_late() {
        let en = Tr::new(Lang::En);
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let at = |d: i64| day - chrono::Duration::days(d);
        assert_eq!(
            send_status(&en, day, at(1)),
            ("Send by tomorrow".into(), false)
        );
        assert_eq!(send_status(&en, day, at(0)), ("Send today".into(), false));
        assert_eq!(
            send_status(&en, day, at(3)),
            ("Send within 3 days".into(), false)
        );
        assert_eq!(send_status(&en, day, at(-2)), ("2 days late".into(), true));
    }
}
