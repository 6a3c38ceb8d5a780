//! One section's page: its heading and kind, its content (rendered Markdown
//! with an Edit toggle, or groups of topics/questions), and the user's notes.

use egui::{Align, RichText, Ui};

use super::{EditPick, View, items, name, text_editor_ui};
use crate::action::{Action, Move};
use crate::model::{Confidence, Section, SectionKind};
use crate::review;

/// Shows the section page.
pub fn section_ui(ui: &mut Ui, view: &mut View<'_>, section: &Section, high_contrast: bool) {
    heading_ui(ui, view, section);
    ui.add_space(6.0);
    match section.kind {
        SectionKind::Prose => prose_ui(ui, view, section),
        SectionKind::Topics | SectionKind::Checklist => {
            if section.kind == SectionKind::Topics {
                filter_ui(ui, view, high_contrast);
            }
            for group in &section.groups {
                items::group_ui(ui, view, section.kind, group, high_contrast);
            }
            if ui.button(format!("+ {}", view.tr.t("add-group"))).clicked() {
                view.act(Action::AddGroup {
                    section: section.id,
                    title: Some(view.tr.t("new-group")),
                });
            }
        }
    }
    ui.add_space(12.0);
    ui.separator();
    let label = view.tr.t("your-notes");
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&label).strong());
        pin_ui(ui, view, section);
    });
    let hint = view.tr.t("section-notes-hint");
    let (_, changed) = text_editor_ui(
        ui,
        egui::Id::unique(("section-notes", section.id)),
        &section.notes,
        &format!("{label}: {}", section_title(view, section)),
        &hint,
        5,
    );
    if let Some(notes) = changed {
        view.act(Action::SetSectionNotes {
            id: section.id,
            notes,
        });
    }
}

/// The "Pin to interview-day sheet" tick box beside the notes.
fn pin_ui(ui: &mut Ui, view: &mut View<'_>, section: &Section) {
    let mut pinned = section.pinned;
    let resp = ui
        .checkbox(&mut pinned, view.tr.t("section-pin"))
        .on_hover_text(view.tr.t("section-pin-tip"));
    if resp.changed() {
        view.act(Action::SetSectionPinned {
            id: section.id,
            pinned,
        });
    }
}

/// The section's title, or "Introduction" for the untitled intro.
pub fn section_title(view: &View<'_>, section: &Section) -> String {
    if section.title.is_empty() {
        view.tr.t("introduction")
    } else {
        section.title.clone()
    }
}

/// Room the kind selector, progress and menu take beside the heading.
const HEADING_CONTROLS_WIDTH: f32 = 330.0;

fn heading_ui(ui: &mut Ui, view: &mut View<'_>, section: &Section) {
    let renaming = view.state.renaming == Some(section.id);
    let title = RichText::new(section_title(view, section))
        .size(24.0)
        .strong();
    let title_width = super::text_width(ui, title.clone(), egui::TextStyle::Heading);
    // A heading too long to share its row puts the controls on the next one.
    let beside = renaming || ui.available_width() >= title_width + HEADING_CONTROLS_WIDTH;
    ui.horizontal(|ui| {
        if renaming {
            let label = view.tr.t("section-name");
            if let Some(title) =
                super::rename_ui(ui, view, section.id, &section.title, &label, 360.0)
            {
                view.act(Action::RenameSection {
                    id: section.id,
                    title,
                });
            }
        } else if beside {
            super::a11y::heading(&ui.heading(title.clone()), 1);
        } else {
            super::a11y::heading(&ui.add(egui::Label::new(title.clone()).wrap()), 1);
        }
        if beside {
            ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
                heading_controls_ui(ui, view, section);
            });
        }
    });
    if !beside {
        // In a row of their own, left to right and wrapping: a right-to-left
        // row narrower than the controls ran off the page's left edge, and
        // took the start of the rows below with it.
        ui.horizontal_wrapped(|ui| {
            progress_ui(ui, view, section);
            kind_ui(ui, view, section, false);
            section_menu_ui(ui, view, section);
        });
    }
}

/// The section's menu, kind and progress, laid out right to left.
fn heading_controls_ui(ui: &mut Ui, view: &mut View<'_>, section: &Section) {
    section_menu_ui(ui, view, section);
    kind_ui(ui, view, section, true);
    progress_ui(ui, view, section);
}

fn section_menu_ui(ui: &mut Ui, view: &mut View<'_>, section: &Section) {
    let id = section.id;
    let label = view.tr.t("section-menu");
    match super::edit_menu_ui(ui, view.tr, &label, "rename", "delete-section") {
        Some(EditPick::Rename) => view.state.start_renaming(id),
        Some(EditPick::Up) => view.act(Action::MoveSection { id, to: Move::Up }),
        Some(EditPick::Down) => view.act(Action::MoveSection { id, to: Move::Down }),
        Some(EditPick::Delete) => {
            view.act(Action::RemoveSection(id));
            view.state.page = super::Page::Overview;
        }
        None => {}
    }
}

/// "Kind" and its selector; `right_to_left`: the selector first.
fn kind_ui(ui: &mut Ui, view: &mut View<'_>, section: &Section, right_to_left: bool) {
    let kind_label = view.tr.t("section-kind");
    if !right_to_left {
        ui.label(&kind_label);
    }
    let combo = egui::ComboBox::from_id_salt(("kind", section.id))
        .selected_text(view.tr.kind(section.kind))
        .show_ui(ui, |ui| {
            for kind in SectionKind::ALL {
                if ui
                    .selectable_label(section.kind == kind, view.tr.kind(kind))
                    .clicked()
                    && kind != section.kind
                {
                    view.act(Action::SetSectionKind {
                        id: section.id,
                        kind,
                    });
                }
            }
        });
    name(ui, &combo.response, &kind_label);
    super::a11y::expanded(&combo.response, combo.inner.is_some());
    if right_to_left {
        ui.label(kind_label);
    }
}

/// "3/20 rated" or "2/12 asked".
fn progress_ui(ui: &mut Ui, view: &View<'_>, section: &Section) {
    let stats = review::section_stats(section);
    match section.kind {
        SectionKind::Topics => {
            ui.label(view.tr.t_args(
                "progress-rated",
                &[("n", stats.rated.into()), ("total", stats.topics.into())],
            ));
        }
        SectionKind::Checklist => {
            ui.label(view.tr.t_args(
                "progress-asked",
                &[("n", stats.done.into()), ("total", stats.checklist.into())],
            ));
        }
        SectionKind::Prose => {}
    }
}

fn prose_ui(ui: &mut Ui, view: &mut View<'_>, section: &Section) {
    let editing = view.state.editing_markdown.contains(&section.id);
    ui.horizontal(|ui| {
        let label = if editing {
            view.tr.t("done-editing")
        } else {
            view.tr.t("edit-text")
        };
        if ui.button(label).clicked() {
            if editing {
                view.state.editing_markdown.remove(&section.id);
            } else {
                view.state.editing_markdown.insert(section.id);
            }
        }
        if section.markdown_edited {
            ui.weak(view.tr.t("edited-by-you"));
        }
    });
    if editing {
        let label = view.tr.t_args(
            "brief-text-of",
            &[("section", section_title(view, section).into())],
        );
        let (_, changed) = text_editor_ui(
            ui,
            egui::Id::unique(("section-md", section.id)),
            &section.markdown,
            &label,
            "",
            12,
        );
        if let Some(markdown) = changed {
            view.act(Action::SetSectionMarkdown {
                id: section.id,
                markdown,
            });
        }
    } else if section.markdown.trim().is_empty() {
        ui.weak(view.tr.t("empty-section"));
    } else {
        super::markdown(ui, view.md, &section.markdown);
    }
}

fn filter_ui(ui: &mut Ui, view: &mut View<'_>, high_contrast: bool) {
    ui.horizontal_wrapped(|ui| {
        ui.label(view.tr.t("filter-show"));
        let all = !view.state.filter.iter().any(|&f| f);
        if ui.selectable_label(all, view.tr.t("filter-all")).clicked() {
            view.state.filter = [false; 6];
        }
        for level in Confidence::ALL {
            let idx = usize::from(level.level());
            let on = view.state.filter.get(idx).copied().unwrap_or(false);
            let text = if level == Confidence::Unrated {
                view.tr.confidence(level)
            } else {
                format!("{} {}", level.level(), view.tr.confidence(level))
            };
            let mut rich = RichText::new(text);
            if on {
                rich = rich
                    .color(super::theme::confidence_color(level, high_contrast))
                    .strong();
            }
            if ui.selectable_label(on, rich).clicked()
                && let Some(slot) = view.state.filter.get_mut(idx)
            {
                *slot = !*slot;
            }
        }
        if ui.button(view.tr.t("filter-weak")).clicked() {
            view.run(super::Command::FilterWeak);
        }
    });
    ui.add_space(4.0);
}
