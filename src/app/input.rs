//! A click never shares a frame with the keys typed before it.
//!
//! A slow frame (a laptop on battery, a busy machine) gets the last few
//! keystrokes and then a click in one event list. egui handles a frame's
//! clicks before the widgets read its keys: a text field drawn earlier in
//! the frame (the header's search box) took the focus on the click and then
//! the characters typed before it, so they landed in the wrong field.
//! [`ClickAfterKeys`] runs in eframe's `raw_input_hook`: from the first
//! pointer press that follows typing, the events wait for the next frame,
//! so the keys reach the field that had the keyboard when they were typed.

use egui::Event;

/// Holds back the events from a click that followed typing in the same
/// frame, and gives them to the next frame first.
#[derive(Debug, Default)]
pub struct ClickAfterKeys {
    held: Vec<Event>,
}

impl ClickAfterKeys {
    /// Call with every frame's raw events, before egui sees them.
    pub fn pass(&mut self, events: &mut Vec<Event>) {
        if !self.held.is_empty() {
            let mut all = std::mem::take(&mut self.held);
            all.append(events);
            *events = all;
        }
        if let Some(at) = click_after_keys(events) {
            self.held = events.split_off(at);
        }
    }

    /// Events wait for the next frame (ask for one).
    pub fn holding(&self) -> bool {
        !self.held.is_empty()
    }
}

/// Where the first pointer press after a typing event is.
fn click_after_keys(events: &[Event]) -> Option<usize> {
    let typed = events.iter().position(is_typing)?;
    let press = events[typed..]
        .iter()
        .position(|e| matches!(e, Event::PointerButton { pressed: true, .. }))?;
    Some(typed + press)
}

/// Events that edit text or act on the focused widget.
fn is_typing(event: &Event) -> bool {
    matches!(
        event,
        Event::Text(_) | Event::Key { .. } | Event::Paste(_) | Event::Ime(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Event {
        Event::Text(s.to_owned())
    }

    fn button(pressed: bool) -> Event {
        Event::PointerButton {
            pos: egui::pos2(10.0, 10.0),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        }
    }

    fn moved() -> Event {
        Event::PointerMoved(egui::pos2(10.0, 10.0))
    }

    #[test]
    fn a_click_after_keys_waits_for_the_next_frame_and_comes_first_there() {
        let mut hold = ClickAfterKeys::default();
        let mut frame = vec![text("a"), text("b"), moved(), button(true), button(false)];
        hold.pass(&mut frame);
        assert_eq!(frame, vec![text("a"), text("b"), moved()]);
        assert!(hold.holding());
        let mut next = vec![text("c")];
        hold.pass(&mut next);
        assert_eq!(next, vec![button(true), button(false), text("c")]);
        assert!(!hold.holding());
    }

    #[test]
    fn a_click_before_keys_or_without_keys_stays_in_its_frame() {
        let mut hold = ClickAfterKeys::default();
        let mut frame = vec![moved(), button(true), button(false), text("a")];
        hold.pass(&mut frame);
        assert_eq!(frame.len(), 4);
        let mut frame = vec![moved(), button(true), button(false)];
        hold.pass(&mut frame);
        assert_eq!(frame.len(), 3);
        assert!(!hold.holding());
    }

    #[test]
    fn keys_between_two_clicks_split_the_frame_again_next_time() {
        let mut hold = ClickAfterKeys::default();
        let mut frame = vec![
            text("a"),
            button(true),
            button(false),
            text("b"),
            button(true),
        ];
        hold.pass(&mut frame);
        assert_eq!(frame, vec![text("a")]);
        let mut next = Vec::new();
        hold.pass(&mut next);
        assert_eq!(next, vec![button(true), button(false), text("b")]);
        let mut last = Vec::new();
        hold.pass(&mut last);
        assert_eq!(last, vec![button(true)]);
        assert!(!hold.holding());
    }
}
