//! What a screen reader needs that egui's widgets do not say by themselves:
//! headings, the chosen one of a set, expanded menus, shortcuts as a
//! property rather than part of a name, named dialogs, decorative symbols
//! kept out of the tree, and focus kept on screen.
//!
//! Each helper edits the widget's AccessKit node after egui built it; with
//! accessibility off (no screen reader, no test harness) they cost a lock
//! and nothing else.

use egui::accesskit::{self, Role, Toggled};
use egui::{Response, Ui};

/// Marks a widget (a page or group title) as a heading of this level
/// (1: the page, 2: a part of it), so a screen reader can jump between them.
pub fn heading(response: &Response, level: usize) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        node.set_role(Role::Heading);
        node.set_level(level);
        // egui names a label by its value; a heading is named by its label.
        if node.label().is_none()
            && let Some(text) = node.value().map(str::to_owned)
        {
            node.set_label(text);
        }
    });
}

/// Makes a button one choice of a set (the rating levels): a radio button,
/// checked when it is the chosen one, named `name`.
pub fn radio(response: &Response, checked: bool, name: &str) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        node.set_role(Role::RadioButton);
        node.set_toggled(if checked {
            Toggled::True
        } else {
            Toggled::False
        });
        node.set_label(name);
    });
}

/// Makes a button one of a set of pages or results where one is current:
/// selected (not "pressed"), with this role (`Tab` for the sidebar's pages,
/// `ListBoxOption` for the palette's results).
pub fn selectable(response: &Response, role: Role, selected: bool) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        node.set_role(role);
        node.clear_toggled();
        node.set_selected(selected);
    });
}

/// Says whether the menu, list or notes this widget opens are open.
pub fn expanded(response: &Response, open: bool) {
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_expanded(open));
}

/// Names a command's widget by its label alone and gives its shortcut as
/// the key-binding property ("Quit", Ctrl+Q), not glued into the name.
pub fn command(response: &Response, role: Role, label: &str, shortcut: Option<&str>) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        node.set_role(role);
        node.set_label(label);
        if let Some(keys) = shortcut.filter(|k| !k.is_empty()) {
            node.set_keyboard_shortcut(keys);
        }
    });
}

/// Keeps a purely decorative widget (a colour swatch "■") out of the tree.
pub fn decorative(response: &Response) {
    response
        .ctx
        .accesskit_node_builder(response.id, accesskit::Node::set_hidden);
}

/// Names the dialog (a modal or a popup) that `ui` is drawn in.
pub fn name_dialog(ui: &Ui, name: &str) {
    let dialog = ui
        .stack()
        .iter()
        .find(|frame| {
            matches!(
                frame.kind(),
                Some(egui::UiKind::Modal | egui::UiKind::Popup)
            )
        })
        .map(|frame| frame.unique_id);
    if let Some(id) = dialog {
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_role(Role::Dialog);
            node.set_label(name);
        });
    }
}

/// Names the window after the open notebook (a screen reader says
/// "Prepkit — (notebook), frame", not just "frame").
pub fn name_window(ctx: &egui::Context, title: &str) {
    ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label(title));
}

/// Scrolls the widget that just took keyboard focus into view, when it is
/// in the scroll area `ui` is the content of (call at the end of that
/// content). Tab, a screen reader's focus request or a shortcut may move
/// focus to a control below the window; egui does not follow it.
///
/// Only a widget clipped by its own area counts as this area's: header and
/// sidebar widgets are never clipped by the page, popups are on other layers.
pub fn keep_focus_in_view(ui: &Ui) {
    let memory_id = egui::Id::unique("prepkit-last-focus");
    let focused = ui.memory(egui::Memory::focused);
    let last = ui
        .data(|d| d.get_temp::<Option<egui::Id>>(memory_id))
        .flatten();
    if focused == last {
        return;
    }
    ui.data_mut(|d| d.insert_temp(memory_id, focused));
    let Some(widget) = focused.and_then(|id| ui.ctx().read_response(id)) else {
        return;
    };
    let view = ui.clip_rect();
    let ours = widget.layer_id == ui.layer_id()
        && widget.rect.min.x >= view.min.x - 1.0
        && widget.rect.max.x <= view.max.x + 1.0
        && widget.interact_rect != widget.rect;
    if ours && !view.contains_rect(widget.rect) {
        ui.scroll_to_rect(widget.rect, None);
    }
}
