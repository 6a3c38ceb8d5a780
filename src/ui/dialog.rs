//! Modal dialogs that stay still: anchored by their top edge, so a row that
//! appears or disappears only grows or shrinks a dialog downwards, and the
//! button under the pointer does not jump because the whole box re-centred.

use egui::{Align2, Context, Id, Modal, Rect, vec2};

/// The share of the window's height above a dialog's top edge.
const TOP_SHARE: f32 = 0.12;

/// A modal whose top edge sits at a fixed place in the window (horizontally
/// centred); egui's default modal is centred, so it moves whenever its
/// height changes.
pub fn still_modal(ctx: &Context, id: Id) -> Modal {
    let top = (ctx.content_rect().height() * TOP_SHARE).round();
    Modal::new(id).area(Modal::default_area(id).anchor(Align2::CENTER_TOP, vec2(0.0, top)))
}

/// Gives the dialog `id` (the modal's id) its box on screen, so assistive
/// technology can show it (egui leaves a modal's bounds unset).
pub fn set_bounds(ctx: &Context, id: Id, rect: Rect) {
    ctx.accesskit_node_builder(id, |node| {
        node.set_bounds(egui::accesskit::Rect {
            x0: rect.min.x.into(),
            y0: rect.min.y.into(),
            x1: rect.max.x.into(),
            y1: rect.max.y.into(),
        });
    });
}
