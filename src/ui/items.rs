//! Rows of a Topics or Checklist section: a topic with its confidence control
//! and notes, a question with its tick and notes, group headers, and the
//! field that adds a new item.

use egui::{Align, Color32, RichText, Ui};

use super::{EditPick, Intent, View, a11y, name, text_editor_ui, theme};
use crate::action::{Action, Move};
use crate::model::{Confidence, Group, Id, Item, SectionKind};

/// Width kept free for a topic's rating buttons, label and menu.
const TOPIC_CONTROLS_WIDTH: f32 = 330.0;

/// Width kept free for a question's menu.
const CHECKLIST_CONTROLS_WIDTH: f32 = 64.0;

/// The narrowest a topic's text gets beside its rating controls; in a
/// narrower row the controls go to a line of their own under the text.
const MIN_TEXT_WIDTH: f32 = 200.0;

/// Shows one group: its header, its (filtered) items and the add field.
pub fn group_ui(
    ui: &mut Ui,
    view: &mut View<'_>,
    kind: SectionKind,
    group: &Group,
    high_contrast: bool,
) {
    group_header_ui(ui, view, group);
    let mut shown = 0;
    for item in &group.items {
        if kind == SectionKind::Topics && view.state.filtered_out(item.confidence.level()) {
            continue;
        }
        shown += 1;
        item_ui(ui, view, kind, item, high_contrast, false);
    }
    if shown == 0 && !group.items.is_empty() {
        ui.weak(view.tr.t("filter-hides-all"));
    }
    add_item_ui(ui, view, kind, group);
    ui.add_space(10.0);
}

fn group_header_ui(ui: &mut Ui, view: &mut View<'_>, group: &Group) {
    ui.horizontal(|ui| {
        if view.state.renaming == Some(group.id) {
            let label = view.tr.t("group-name");
            let current = group.title.clone().unwrap_or_default();
            if let Some(title) = super::rename_ui(ui, view, group.id, &current, &label, 320.0) {
                view.act(Action::RenameGroup {
                    id: group.id,
                    title,
                });
            }
        } else {
            let title = group
                .title
                .clone()
                .unwrap_or_else(|| view.tr.t("group-untitled"));
            let title = ui.label(RichText::new(title).strong().size(16.0));
            a11y::heading(&title, 2);
        }
        ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
            let menu_label = view.tr.t_args(
                "group-menu",
                &[("name", group.title.clone().unwrap_or_default().into())],
            );
            let id = group.id;
            match super::edit_menu_ui(ui, view.tr, &menu_label, "rename", "delete-group") {
                Some(EditPick::Rename) => view.state.start_renaming(id),
                Some(EditPick::Up) => view.act(Action::MoveGroup { id, to: Move::Up }),
                Some(EditPick::Down) => view.act(Action::MoveGroup { id, to: Move::Down }),
                Some(EditPick::Delete) => view.act(Action::RemoveGroup(id)),
                None => {}
            }
        });
    });
}

/// Shows one topic or question row. `review` hides notes until revealed.
pub fn item_ui(
    ui: &mut Ui,
    view: &mut View<'_>,
    kind: SectionKind,
    item: &Item,
    high_contrast: bool,
    review: bool,
) {
    let focused = view.state.focused_item == Some(item.id);
    // A row scrolled out of view only takes its (last measured) space: with
    // thousands of topics, drawing them all would make every keystroke slow.
    let height = view.state.row_heights.get(&item.id).copied();
    if let Some(height) = height
        && !focused
        && !ui.is_rect_visible(egui::Rect::from_min_size(
            ui.cursor().min,
            egui::vec2(ui.available_width(), height),
        ))
    {
        culled_row_ui(ui, view, kind, item, height);
        return;
    }
    let frame = egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(8, 6))
        .corner_radius(6.0)
        .fill(if focused {
            ui.visuals().selection.bg_fill.gamma_multiply(0.35)
        } else {
            ui.visuals().faint_bg_color
        })
        // The same width focused or not: a stroke only on the focused row
        // made the frame grow and the row (its rating buttons) shift.
        .stroke(egui::Stroke::new(
            1.5,
            if focused {
                ui.visuals().selection.stroke.color
            } else {
                Color32::TRANSPARENT
            },
        ));
    // Drawn as it was when the frame began: collapsing the notes the user
    // is typing in takes effect next frame, after the editor took this
    // frame's keystrokes.
    let open = view.state.expanded.contains(&item.id);
    // Its own id: what is drawn above (rows culled or not) never changes
    // the ids of its controls, so the keyboard focus stays on them.
    // A click anywhere on the row (not on one of its controls) selects it.
    let scope = egui::UiBuilder::new()
        .scope_id(egui::Id::unique(("prepkit-row-ui", item.id)))
        .sense(egui::Sense::click());
    let scoped = ui.scope_builder(scope, |ui| {
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            let rating_beside = ui.available_width() >= TOPIC_CONTROLS_WIDTH + MIN_TEXT_WIDTH;
            let reserve = if kind == SectionKind::Topics && rating_beside {
                TOPIC_CONTROLS_WIDTH
            } else {
                CHECKLIST_CONTROLS_WIDTH
            };
            ui.horizontal(|ui| {
                let arrow = if open { "▼" } else { "▶" };
                let toggle =
                    ui.add(egui::Button::new(RichText::new(arrow).size(10.0)).frame(false));
                name(
                    ui,
                    &toggle,
                    &view
                        .tr
                        .t_args("notes-toggle", &[("item", item.text.clone().into())]),
                );
                a11y::expanded(&toggle, open);
                if ui.memory(|m| m.has_focus(row_id(item.id))) {
                    // Tab reached this row while it was out of view: its first
                    // control takes the focus now that it is drawn.
                    toggle.request_focus();
                }
                if toggle.clicked() {
                    toggle_expanded(view, item.id);
                    ui.ctx().request_repaint();
                }
                match kind {
                    SectionKind::Checklist => {
                        let mut done = item.done;
                        if view.state.renaming == Some(item.id) {
                            let r = ui.checkbox(&mut done, "");
                            name(ui, &r, &item.text);
                            if r.changed() {
                                view.act(Action::SetDone { id: item.id, done });
                            }
                            item_text_editor_ui(ui, view, item, CHECKLIST_CONTROLS_WIDTH + 70.0);
                        } else {
                            // The box ticks; the text selects the row, as a
                            // topic's title does (ticking from the text made
                            // a click then Space toggle twice).
                            let r = ui.checkbox(&mut done, "");
                            name(ui, &r, &item.text);
                            if r.changed() {
                                view.act(Action::SetDone { id: item.id, done });
                                view.state.focused_item = Some(item.id);
                            }
                            let width =
                                (ui.available_width() - CHECKLIST_CONTROLS_WIDTH).max(100.0);
                            let text = ui
                                .scope(|ui| {
                                    ui.set_max_width(width);
                                    ui.add(
                                        egui::Label::new(RichText::new(&item.text).size(15.0))
                                            .wrap()
                                            .sense(egui::Sense::click()),
                                    )
                                })
                                .inner;
                            if text.clicked() {
                                view.state.focused_item = Some(item.id);
                            }
                            if text.double_clicked() {
                                view.state.start_renaming(item.id);
                            }
                        }
                    }
                    _ => {
                        if view.state.renaming == Some(item.id) {
                            item_text_editor_ui(ui, view, item, reserve + 70.0);
                        } else {
                            // Leave room for the controls on the right.
                            let width = (ui.available_width() - reserve).max(80.0);
                            let text = ui
                                .scope(|ui| {
                                    ui.set_max_width(width);
                                    ui.add(
                                        egui::Label::new(RichText::new(&item.text).size(15.0))
                                            .wrap()
                                            .sense(egui::Sense::click()),
                                    )
                                })
                                .inner;
                            if text.clicked() {
                                view.state.focused_item = Some(item.id);
                            }
                            if text.double_clicked() {
                                view.state.start_renaming(item.id);
                            }
                        }
                    }
                }
                ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
                    if kind == SectionKind::Topics && rating_beside {
                        controls_ui(ui, item.id, true, |ui| {
                            confidence_ui(ui, view, item, high_contrast);
                            item_menu_ui(ui, view, item);
                        });
                    } else {
                        item_menu_ui(ui, view, item);
                    }
                });
            });
            if kind == SectionKind::Topics && !rating_beside {
                if ui.available_width() >= controls_width(ui, item.id, false) {
                    ui.horizontal(|ui| {
                        ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
                            controls_ui(ui, item.id, false, |ui| {
                                confidence_ui(ui, view, item, high_contrast);
                            });
                        });
                    });
                } else {
                    // Narrower still (high zoom beside the sidebar): the
                    // label over the buttons, from the left. Right to left,
                    // they ran off the row's left edge.
                    ui.vertical(|ui| confidence_ui(ui, view, item, high_contrast));
                }
            }
            if !item.detail.is_empty() {
                ui.indent(("detail", item.id), |ui| {
                    super::markdown(ui, view.md, &item.detail);
                    ui.add_space(4.0);
                });
            }
            let hidden = review && !view.state.revealed.contains(&item.id);
            if open && hidden {
                if ui.button(view.tr.t("review-reveal")).clicked() {
                    view.state.revealed.insert(item.id);
                }
            } else if open {
                notes_ui(ui, view, kind, item);
            } else if !item.notes.trim().is_empty() && !review {
                let first = super::first_line_plain(&item.notes);
                ui.indent(("preview", item.id), |ui| {
                    ui.add(egui::Label::new(RichText::new(first).weak()).truncate());
                });
            }
        })
    });
    let row = scoped.inner;
    if scoped.response.clicked() {
        view.state.focused_item = Some(item.id);
    }
    if focused && view.state.scroll_to_focus {
        row.response.scroll_to_me(Some(Align::Center));
        view.state.scroll_to_focus = false;
    }
    view.state
        .row_heights
        .insert(item.id, row.response.rect.height());
    ui.add_space(2.0);
}

fn toggle_expanded(view: &mut View<'_>, id: Id) {
    if !view.state.expanded.remove(&id) {
        view.state.expanded.insert(id);
    }
    view.state.focused_item = Some(id);
}

/// The inline editor of an item's text; `reserve` keeps room on the right
/// for the row's controls and the editor's "Done" button.
fn item_text_editor_ui(ui: &mut Ui, view: &mut View<'_>, item: &Item, reserve: f32) {
    let label = view.tr.t("item-text");
    let width = (ui.available_width() - reserve).max(160.0);
    if let Some(text) = super::rename_ui(ui, view, item.id, &item.text, &label, width) {
        view.act(Action::SetItemText { id: item.id, text });
    }
}

fn item_menu_ui(ui: &mut Ui, view: &mut View<'_>, item: &Item) {
    let label = view
        .tr
        .t_args("item-menu", &[("item", item.text.clone().into())]);
    let id = item.id;
    match super::edit_menu_ui(ui, view.tr, &label, "edit-text", "delete") {
        Some(EditPick::Rename) => view.state.start_renaming(id),
        Some(EditPick::Up) => view.act(Action::MoveItem { id, to: Move::Up }),
        Some(EditPick::Down) => view.act(Action::MoveItem { id, to: Move::Down }),
        Some(EditPick::Delete) => view.act(Action::RemoveItem(id)),
        None => {}
    }
}

/// The confidence control: "–" and 1–5 as buttons, the chosen one filled in
/// its colour with its label beside it, so it reads without colour too.
/// Laid out left to right: the level's label, "–", 1 … 5, so the tree and
/// Tab read them in the order they are seen.
fn confidence_ui(ui: &mut Ui, view: &mut View<'_>, item: &Item, high_contrast: bool) {
    let current = item.confidence;
    // As wide as the widest level's label, so rating never moves the row.
    let width = Confidence::ALL
        .iter()
        .map(|&c| {
            let label = level_label(ui, view, c, high_contrast);
            super::text_width(ui, label, egui::TextStyle::Body)
        })
        .fold(0.0, f32::max);
    let text = level_label(ui, view, current, high_contrast);
    let shown = if ui.layout().is_vertical() {
        ui.label(text)
    } else {
        ui.add_sized(egui::vec2(width, 20.0), egui::Label::new(text))
    };
    // Read out when it changes: rating with Space says the new level.
    ui.ctx().accesskit_node_builder(shown.id, |node| {
        node.set_live(egui::accesskit::Live::Polite);
    });
    let group = egui::UiBuilder::new()
        .accessibility_role(egui::accesskit::Role::RadioGroup)
        .accessibility_label(
            view.tr
                .t_args("a11y-rating", &[("item", item.text.clone().into())]),
        );
    let group = if ui.layout().is_vertical() {
        group.layout(egui::Layout::left_to_right(Align::Center))
    } else {
        group
    };
    ui.scope_builder(group, |ui| rating_buttons_ui(ui, view, item, high_contrast));
}

/// "–" and 1–5: one choice, the chosen level checked.
fn rating_buttons_ui(ui: &mut Ui, view: &mut View<'_>, item: &Item, high_contrast: bool) {
    let current = item.confidence;
    for level in Confidence::ALL {
        let selected = level == current;
        let text = if level == Confidence::Unrated {
            "–".to_owned()
        } else {
            level.level().to_string()
        };
        let filled = selected && level != Confidence::Unrated;
        let mut rich = RichText::new(text).strong();
        if filled {
            rich = rich.color(theme::on_confidence(level, high_contrast));
        }
        let mut button = egui::Button::new(rich).min_size(egui::vec2(24.0, 22.0));
        if filled {
            button = button.fill(theme::confidence_color(level, high_contrast));
        }
        let label = view.tr.confidence(level);
        let resp = ui.add(button);
        if filled {
            // Drawn over the button, inside its edge: a button's own stroke
            // adds to its size, and the row grew and shifted when rated.
            ui.painter().rect_stroke(
                resp.rect,
                ui.style().visuals.widgets.inactive.corner_radius,
                egui::Stroke::new(1.0, Color32::BLACK.gamma_multiply(0.3)),
                egui::StrokeKind::Inside,
            );
        }
        let accessible = format!("{} {}: {}", level.level(), label, item.text);
        a11y::radio(&resp, selected, &accessible);
        let resp = resp.on_hover_text(format!("{} · {}", level.level(), label));
        if resp.clicked() {
            view.act(Action::SetConfidence {
                id: item.id,
                confidence: level,
            });
            view.state.focused_item = Some(item.id);
        }
    }
}

/// The right-hand controls of a row, laid out left to right at the right
/// edge of a right-to-left row: a right-to-left layout would put them in
/// the tree and the Tab order backwards. Their width is the one measured
/// for this row last frame (`wide`: with the rating), so they end at the
/// edge.
fn controls_ui(ui: &mut Ui, item: Id, wide: bool, add: impl FnOnce(&mut Ui)) {
    let any_row = egui::Id::unique(("prepkit-row-controls", wide));
    let this_row = any_row.with(item);
    let width = controls_width(ui, item, wide);
    let height = ui.spacing().interact_size.y.max(22.0);
    let drawn = ui.allocate_ui_with_layout(
        egui::vec2(width, height),
        egui::Layout::left_to_right(Align::Center),
        add,
    );
    let measured = drawn.response.rect.width();
    if (measured - width).abs() > 0.5 {
        ui.data_mut(|d| {
            d.insert_temp(this_row, measured);
            d.insert_temp(any_row, measured);
        });
        ui.ctx().request_repaint();
    }
}

/// The width of a row's right-hand controls, as measured last frame (see
/// [`controls_ui`]), or a guess before the first.
fn controls_width(ui: &Ui, item: Id, wide: bool) -> f32 {
    let any_row = egui::Id::unique(("prepkit-row-controls", wide));
    let this_row = any_row.with(item);
    let guess = if wide {
        TOPIC_CONTROLS_WIDTH - 40.0
    } else {
        TOPIC_CONTROLS_WIDTH - 80.0
    };
    ui.data(|d| d.get_temp::<f32>(this_row).or_else(|| d.get_temp(any_row)))
        .unwrap_or(guess)
}

/// The id of a row's stand-in while it is out of view.
fn row_id(item: Id) -> egui::Id {
    egui::Id::unique(("prepkit-row", item))
}

/// A row out of view: its space, and a stand-in in the accessibility tree
/// named like the row, with its state, and bounds that say where it is.
/// Tab reaches it; focused, it brings the row into view and the row's
/// first control takes the focus.
fn culled_row_ui(ui: &mut Ui, view: &mut View<'_>, kind: SectionKind, item: &Item, height: f32) {
    let (_, rect) = ui.allocate_space(egui::vec2(ui.available_width(), height));
    ui.add_space(2.0);
    let id = row_id(item.id);
    let resp = ui.interact(rect, id, egui::Sense::focusable_noninteractive());
    if resp.gained_focus() {
        view.state.focused_item = Some(item.id);
        view.state.scroll_to_focus = true;
        ui.ctx().request_repaint();
    }
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_label(item.text.as_str());
        if kind == SectionKind::Checklist {
            node.set_role(egui::accesskit::Role::CheckBox);
            node.set_toggled(if item.done {
                egui::accesskit::Toggled::True
            } else {
                egui::accesskit::Toggled::False
            });
        } else {
            node.set_role(egui::accesskit::Role::Group);
            let level = item.confidence;
            let state = if level == Confidence::Unrated {
                view.tr.confidence(level)
            } else {
                format!("{} {}", level.level(), view.tr.confidence(level))
            };
            node.set_description(state);
        }
    });
}

/// The label beside the rating buttons: "Unrated", or "2 · Shaky" in its colour.
fn level_label(ui: &Ui, view: &View<'_>, level: Confidence, high_contrast: bool) -> RichText {
    let label = view.tr.confidence(level);
    if level == Confidence::Unrated {
        RichText::new(label).weak()
    } else {
        // In high contrast the label is plain strong text; the filled button
        // beside it carries the colour.
        let color = if high_contrast {
            ui.visuals().strong_text_color()
        } else {
            theme::confidence_color(level, high_contrast)
        };
        RichText::new(format!("{} · {}", level.level(), label))
            .strong()
            .color(color)
    }
}

fn notes_ui(ui: &mut Ui, view: &mut View<'_>, kind: SectionKind, item: &Item) {
    let (label, hint) = match kind {
        SectionKind::Checklist => (
            view.tr
                .t_args("answer-for", &[("item", item.text.clone().into())]),
            view.tr.t("answer-hint"),
        ),
        _ => (
            view.tr
                .t_args("notes-for", &[("item", item.text.clone().into())]),
            view.tr.t("notes-hint"),
        ),
    };
    ui.indent(("notes", item.id), |ui| {
        let id = egui::Id::unique(("item-notes", item.id));
        if view.state.focus_notes == Some(item.id) {
            super::focus_now(ui, id);
            view.state.focus_notes = None;
        }
        let (resp, changed) = text_editor_ui(ui, id, &item.notes, &label, &hint, 3);
        if let Some(notes) = changed {
            view.act(Action::SetItemNotes { id: item.id, notes });
        }
        if resp.gained_focus() {
            view.state.focused_item = Some(item.id);
        }
        // Shown while editing too: appearing only when the editor lost the
        // keyboard, it moved every row below under the pointer.
        if !item.notes.trim().is_empty() {
            egui::CollapsingHeader::new(view.tr.t("preview"))
                .id_salt(("preview-md", item.id))
                .default_open(false)
                .show(ui, |ui| {
                    super::markdown(ui, view.md, &item.notes);
                    // A code block's copy button sits on its bottom edge:
                    // room for it above the row's border.
                    ui.add_space(4.0);
                });
        }
    });
}

fn add_item_ui(ui: &mut Ui, view: &mut View<'_>, kind: SectionKind, group: &Group) {
    let (label, hint, to) = match kind {
        SectionKind::Checklist => (
            view.tr.t("add-question"),
            view.tr.t("add-question-hint"),
            "a11y-add-question-to",
        ),
        _ => (
            view.tr.t("add-topic"),
            view.tr.t("add-topic-hint"),
            "a11y-add-topic-to",
        ),
    };
    let group_name = group
        .title
        .clone()
        .unwrap_or_else(|| view.tr.t("group-untitled"));
    // "+ Add topic" under every group: the name says which one.
    let accessible = view.tr.t_args(to, &[("group", group_name.into())]);
    let group = group.id;
    if let std::collections::hash_map::Entry::Vacant(slot) = view.state.new_item.entry(group) {
        let add = ui.small_button(format!("+ {label}"));
        name(ui, &add, &accessible);
        if add.clicked() {
            slot.insert(String::new());
            view.state.focus_new_item = Some(group);
        }
        return;
    }
    ui.horizontal(|ui| {
        let id = egui::Id::unique(("new-item", group));
        if view.state.focus_new_item == Some(group) {
            super::focus_now(ui, id);
            view.state.focus_new_item = None;
        }
        let text = view.state.new_item.entry(group).or_default();
        let resp = super::field_ui(
            ui,
            egui::TextEdit::singleline(text)
                .id(id)
                .hint_text(hint)
                .desired_width(360.0),
        );
        name(ui, &resp, &accessible);
        let submit = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let add = ui.button(view.tr.t("add"));
        let cancel = ui.button(view.tr.t("cancel"));
        if (submit || add.clicked())
            && let Some(text) = view.state.new_item.get_mut(&group)
            && !text.trim().is_empty()
        {
            let mut text = std::mem::take(text).trim().to_owned();
            // Like every field bound to the notebook: no IME control characters.
            super::strip_controls(&mut text);
            view.out.push(Intent::Do(Action::AddItem { group, text }));
            // Stay in the field to add the next one.
            view.state.focus_new_item = Some(group);
        }
        if cancel.clicked() {
            view.state.new_item.remove(&group);
        }
    });
}
