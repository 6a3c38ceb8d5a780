//! Input methods (Korean above all) as a person expects them between text
//! fields, whatever the input method keeps per input context.
//!
//! egui asks for the input method only while a text field has the keyboard,
//! and asks for a fresh composition whenever another widget takes the focus.
//! Over X11 winit does both by destroying the window's input context and
//! creating a new one, which drops what the input method keeps per context:
//! fcitx5 (by default) starts every new context in English, so a Korean user
//! had to press Ctrl+Space again in every field, and a syllable committed on
//! Esc (fcitx5 commits it, then hands the key back; Xlib queues the key
//! first) arrived when no field had the keyboard, and was dropped.
//!
//! Prepkit builds with a patched winit (see `patches/README.md`) that keeps
//! the input context when the input method is disallowed and only takes its
//! focus away: the input method commits its syllable and keeps its mode, and
//! keys pressed while no field has the keyboard (plain-key shortcuts) reach
//! the app, not the input method. An input method that draws the syllable
//! itself (fcitx5's popup) and may be composing keeps the focus until it
//! commits, with the next key; that commit comes when no field has the
//! keyboard, and [`take_late_commit`] puts it in the field that had it.
//!
//! [`ImeKeeper`], an egui plugin, does the rest: a move between fields does
//! not restart the input method unless a composition is shown (then the
//! restart commits it), and a commit that arrives after its field lost the
//! keyboard goes to that field ([`take_late_commit`]), replacing the
//! composition the field still shows. Over X11 the input method is given the
//! caret's bottom as its spot, so its window opens below the line, not over
//! it.

use egui::text::{CCursor, CCursorRange};
use egui::{Context, FullOutput, Id, ImeEvent, RawInput, Ui};

/// The plugin that keeps the window's input context between text fields.
/// Added once by [`install`].
#[derive(Debug)]
pub struct ImeKeeper {
    /// The text the input method is composing, as its last event said.
    preedit: String,
    /// The text field that last had the input method.
    field: Option<Id>,
    /// Whether that field had the keyboard in the last frame.
    had: bool,
    /// The composition that field showed when it last had the keyboard,
    /// and the character where it ends.
    shown: String,
    shown_end: usize,
    /// A field that lost the keyboard while showing a composition the input
    /// method still holds (the composition goes on there when the field is
    /// back, and its commit is that field's): the field, the composition,
    /// the character where it ends.
    away: Option<(Id, String, usize)>,
    /// Commits that arrived for a field without the keyboard, taken out of
    /// the input (see [`take_late_commit`]), and that field.
    late: Vec<String>,
    late_for: Option<Id>,
    /// Over X11 the input method takes a spot, not a rectangle.
    x11: bool,
}

impl Default for ImeKeeper {
    fn default() -> Self {
        Self {
            preedit: String::new(),
            field: None,
            had: false,
            shown: String::new(),
            shown_end: 0,
            away: None,
            late: Vec::new(),
            late_for: None,
            x11: running_on_x11(),
        }
    }
}

/// Adds the [`ImeKeeper`] to the context (once; later calls do nothing).
pub fn install(ctx: &Context) {
    ctx.add_plugin(ImeKeeper::default());
}

/// Whether the window is an X11 one, as winit chooses on Linux: X11 unless a
/// Wayland display is named.
fn running_on_x11() -> bool {
    cfg!(all(unix, not(target_os = "macos")))
        && std::env::var_os("WAYLAND_DISPLAY").is_none_or(|d| d.is_empty())
}

/// Whether a text field has the keyboard.
fn text_field_focused(ctx: &Context) -> Option<Id> {
    ctx.memory(egui::Memory::focused)
        .filter(|&f| egui::text_edit::TextEditState::load(ctx, f).is_some())
}

impl egui::Plugin for ImeKeeper {
    fn debug_name(&self) -> &'static str {
        "prepkit-ime"
    }

    fn input_hook(&mut self, ctx: &Context, input: &mut RawInput) {
        // A commit goes to the field whose composition is away, unless that
        // field has the keyboard again; else, when no text field has the
        // keyboard, to the field that last had the input method.
        let focused = text_field_focused(ctx);
        let away = self.away.as_ref().map(|a| a.0);
        let target = match away {
            Some(id) if focused != Some(id) => Some(id),
            _ if focused.is_none() => self.field,
            _ => None,
        };
        let mut late = Vec::new();
        input.events.retain(|event| match event {
            egui::Event::Ime(ImeEvent::Preedit { text, .. }) => {
                if !text.is_empty() && focused.is_some() && focused != away {
                    // The composition went on in another field: it is that
                    // field's now.
                    self.away = None;
                }
                text.clone_into(&mut self.preedit);
                true
            }
            egui::Event::Ime(ImeEvent::Commit(text)) => {
                self.preedit.clear();
                if target.is_some() {
                    late.push(text.clone());
                }
                target.is_none()
            }
            _ => true,
        });
        if !late.is_empty() {
            self.late.extend(late);
            self.late_for = target;
        }
    }

    fn output_hook(&mut self, ctx: &Context, output: &mut FullOutput) {
        // A late commit is for this frame only (its field was not shown).
        self.late.clear();
        let Some(out) = output.platform_output.ime.as_mut() else {
            return;
        };
        if out.should_interrupt_composition
            && (self.preedit.is_empty()
                || text_field_focused(ctx) == self.away.as_ref().map(|a| a.0))
        {
            // Another field took the keyboard with nothing being composed,
            // or the composing field took it back: nothing to commit, keep
            // the input method as it is.
            out.should_interrupt_composition = false;
        }
        if self.x11 {
            // XIM takes one point, where the text's baseline starts: give it
            // the caret's bottom so the candidate window opens below the
            // line, not over it.
            let bottom = out.cursor_rect.left_bottom();
            out.cursor_rect =
                egui::Rect::from_min_max(bottom, bottom + egui::vec2(out.cursor_rect.width(), 0.0));
        }
    }
}

/// Called by a text field bound to the notebook after its `TextEdit`:
/// `owned` says whether the field had the keyboard when it was drawn.
///
/// A field with the keyboard becomes the one the input method writes to.
/// When it loses the keyboard, commits that arrive for it (fcitx5 commits
/// on Esc after the key, and when its context goes) are inserted at its
/// caret here, each replacing the composition the field still shows. When
/// it gets the keyboard back while the input method still composes its
/// syllable, that syllable is selected so the composition goes on in place.
/// Returns whether `text` changed.
pub fn take_late_commit(ui: &Ui, id: Id, owned: bool, text: &mut String) -> bool {
    let ctx = ui.ctx();
    let focused = ctx.memory(egui::Memory::focused) == Some(id);
    let mut state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    let caret = state
        .cursor
        .char_range()
        .map(|r| r.primary.index.0.min(text.chars().count()));
    let late = ctx.with_plugin(|keeper: &mut ImeKeeper| {
        if owned || focused {
            let back = keeper
                .away
                .take_if(|a| !owned && a.0 == id)
                .map(|(_, shown, end)| (shown, end));
            if keeper.field != Some(id) {
                keeper.leave();
            }
            keeper.field = Some(id);
            keeper.had = true;
            keeper.preedit.clone_into(&mut keeper.shown);
            if owned && let Some(caret) = caret {
                keeper.shown_end = caret;
            }
            return Late::Back(back);
        }
        if keeper.field == Some(id) {
            keeper.leave();
        }
        if keeper.late.is_empty() || keeper.late_for != Some(id) {
            return Late::None;
        }
        let (shown, end) = match keeper.away.take_if(|a| a.0 == id) {
            Some((_, shown, end)) => (shown, end),
            None => (String::new(), 0),
        };
        Late::Commits(std::mem::take(&mut keeper.late), shown, end)
    });
    match late {
        Some(Late::Back(Some((shown, end)))) => {
            // Select the syllable still in composition, where it was.
            let start = end.saturating_sub(shown.chars().count());
            if text.get(byte_at(text, start)..byte_at(text, end)) == Some(shown.as_str()) {
                state.cursor.set_char_range(Some(CCursorRange::two(
                    CCursor::new(start),
                    CCursor::new(end),
                )));
                state.store(ctx, id);
            }
            false
        }
        Some(Late::Commits(commits, mut shown, end)) => {
            let mut caret = if shown.is_empty() {
                caret.unwrap_or_else(|| text.chars().count())
            } else {
                end
            };
            for commit in commits {
                let at = byte_at(text, caret);
                let start_char = caret.saturating_sub(shown.chars().count());
                let start = byte_at(text, start_char);
                if !shown.is_empty() && text.get(start..at) == Some(shown.as_str()) {
                    text.replace_range(start..at, &commit);
                    caret = start_char + commit.chars().count();
                } else {
                    text.insert_str(at, &commit);
                    caret += commit.chars().count();
                }
                shown.clear();
            }
            state
                .cursor
                .set_char_range(Some(CCursorRange::one(CCursor::new(caret))));
            state.store(ctx, id);
            true
        }
        _ => false,
    }
}

impl ImeKeeper {
    /// The field that had the input method lost the keyboard: if it shows a
    /// composition, that composition is away.
    fn leave(&mut self) {
        if self.had
            && !self.shown.is_empty()
            && let Some(id) = self.field
        {
            self.away = Some((id, std::mem::take(&mut self.shown), self.shown_end));
        }
        self.had = false;
    }
}

/// What [`take_late_commit`] found for its field.
enum Late {
    /// Nothing for this field.
    None,
    /// The field has the keyboard; when it just got it back while its
    /// syllable (text, end) is still being composed, that syllable.
    Back(Option<(String, usize)>),
    /// Commits that arrived for it, the composition it shows, and where
    /// that composition ends.
    Commits(Vec<String>, String, usize),
}

/// The byte offset of the `n`th character of `text` (its end if shorter).
fn byte_at(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}
