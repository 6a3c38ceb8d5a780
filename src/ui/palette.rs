//! The command palette (Ctrl+K): every command of the table and, once
//! something is typed, every place in the notebook (sections, topics and
//! questions, stories), filtered as you type, run or opened with Enter or a
//! click.

use egui::{Key, RichText};

use super::{Command, Intent, Page, View, name};
use crate::model::Id;
use crate::search::Query;

/// The most places listed under the commands: enough to find one by typing
/// more, few enough to draw every frame.
const MAX_PLACES: usize = 50;

/// One result of the palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Entry {
    /// A command of the table.
    Command(Command),
    /// A section's page.
    Section(Id),
    /// A topic or question, opened where it lives.
    Item(Id),
    /// A story, opened in the editor.
    Story(Id),
}

/// The places of the notebook whose name matches `query`, with what they
/// are (shown on the right): sections, then items, then stories.
fn places(view: &View<'_>, query: &Query) -> Vec<(Entry, String, String)> {
    let mut found = Vec::new();
    for section in &view.nb.sections {
        let title = super::section::section_title(view, section);
        if query.matches(&title) {
            found.push((
                Entry::Section(section.id),
                title,
                view.tr.t("palette-section"),
            ));
        }
    }
    for section in &view.nb.sections {
        let title = super::section::section_title(view, section);
        for item in section.items() {
            if found.len() >= MAX_PLACES {
                return found;
            }
            if query.matches(&item.text) {
                found.push((Entry::Item(item.id), item.text.clone(), title.clone()));
            }
        }
    }
    for story in &view.nb.stories {
        if found.len() >= MAX_PLACES {
            break;
        }
        if query.matches(&story.title) {
            found.push((
                Entry::Story(story.id),
                story.title.clone(),
                view.tr.t("stories"),
            ));
        }
    }
    found
}

/// Goes to a place of the notebook.
fn open(view: &mut View<'_>, entry: Entry) {
    match entry {
        Entry::Command(command) => view.run(command),
        Entry::Section(id) => view.out.push(Intent::ShowPage(Page::Section(id))),
        Entry::Item(id) => super::dashboard::open_topic(view, id),
        Entry::Story(id) => {
            view.state.stories.tab = super::stories::StoriesTab::Bank;
            view.state.stories.selected = Some(id);
            view.out.push(Intent::ShowPage(Page::Stories));
        }
    }
}

/// The most the result list takes; more results scroll.
const MAX_LIST_HEIGHT: f32 = 360.0;
/// The least it takes in a small window: three results.
const MIN_LIST_HEIGHT: f32 = 3.0 * 26.0;
/// What stays free below the list in a small window (the box's margin and a
/// gap to the window's edge).
const BOTTOM_ROOM: f32 = 24.0;

/// Shows the palette while it is open; closes it on Esc, Enter or a click.
pub fn palette_ui(ctx: &egui::Context, view: &mut View<'_>) {
    let Some(mut state) = view.state.palette.take() else {
        return;
    };
    let query = Query::new(&state.query);
    let mut matches: Vec<(Entry, String, String)> = Command::ALL
        .into_iter()
        .filter_map(|c| {
            let label = view.command_label(c);
            query.matches(&label).then(|| {
                let keys = c
                    .shortcut()
                    .map(|s| super::commands::shortcut_text(ctx, view.tr, &s))
                    .unwrap_or_default();
                (Entry::Command(c), label, keys)
            })
        })
        .collect();
    if !state.query.trim().is_empty() {
        matches.extend(places(view, &query));
    }
    let mut run = None;
    let mut close = false;
    let dialog = egui::Id::unique("palette");
    let modal = super::dialog::still_modal(ctx, dialog).show(ctx, |ui| {
        ui.set_width(440.0);
        let label = view.tr.t("palette-title");
        super::a11y::name_dialog(ui, &label);
        let title = ui.label(RichText::new(&label).strong());
        super::a11y::heading(&title, 2);
        let id = egui::Id::unique("palette-query");
        super::focus_now(ui, id);
        let resp = super::field_ui(
            ui,
            egui::TextEdit::singleline(&mut state.query)
                .id(id)
                .hint_text(view.tr.t("palette-hint"))
                .desired_width(f32::INFINITY),
        );
        name(ui, &resp, &label);
        if resp.changed() {
            state.selected = 0;
        }
        // Counted, not just seen: three quick presses in one frame move three rows.
        let (down, up, enter, esc) = ui.input_mut(|i| {
            (
                i.count_and_consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.count_and_consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, Key::Enter),
                i.consume_key(egui::Modifiers::NONE, Key::Escape),
            )
        });
        let before = state.selected;
        state.selected = (state.selected + down).min(matches.len().saturating_sub(1));
        state.selected = state.selected.saturating_sub(up);
        // Scrolled to once, when it moves: asked again every frame, the list
        // chased the row back and forth around the edge of the box.
        let moved = state.selected != before || resp.changed();
        if esc {
            close = true;
        }
        if enter {
            run = matches.get(state.selected).map(|(entry, _, _)| *entry);
        }
        // The list asks for its full height every frame: the box (an egui
        // area) offers only last frame's size, so a list that shrank for a
        // query never grew back once the query was deleted.
        let room = ctx.content_rect().bottom() - ui.next_widget_position().y - BOTTOM_ROOM;
        let height = room.clamp(MIN_LIST_HEIGHT, MAX_LIST_HEIGHT);
        // A list of its own for each opening: it starts at the top, with
        // the first result (the highlighted one) in view.
        let opened = *state.opened.get_or_insert_with(|| ctx.cumulative_pass_nr());
        egui::ScrollArea::vertical()
            .id_salt(("palette-results", opened))
            .max_height(height)
            .min_scrolled_height(height)
            .show(ui, |ui| {
                for (i, (entry, label, detail)) in matches.iter().enumerate() {
                    let button = egui::Button::selectable(i == state.selected, label)
                        .right_text(RichText::new(detail).weak());
                    let r = ui.add_sized(egui::vec2(ui.available_width(), 22.0), button);
                    let option = egui::accesskit::Role::ListBoxOption;
                    if matches!(entry, Entry::Command(_)) {
                        super::a11y::command(&r, option, label, Some(detail));
                    } else {
                        // A place: what it is, not a shortcut.
                        super::a11y::command(&r, option, &format!("{label}, {detail}"), None);
                    }
                    super::a11y::selectable(&r, option, i == state.selected);
                    if i == state.selected {
                        if moved {
                            r.scroll_to_me_animation(None, egui::style::ScrollAnimation::none());
                        }
                        // The query field keeps the keyboard; a screen reader
                        // follows the highlighted result as if it had focus.
                        let result = r.id.accesskit_id();
                        ui.ctx().accesskit_node_builder(id, |node| {
                            node.set_active_descendant(result);
                        });
                    }
                    if r.clicked() {
                        run = Some(*entry);
                    }
                }
                if matches.is_empty() {
                    ui.weak(view.tr.t("palette-none"));
                }
            });
    });
    super::dialog::set_bounds(ctx, dialog, modal.response.rect);
    if modal.should_close() {
        close = true;
    }
    if let Some(entry) = run {
        open(view, entry);
        close = true;
    }
    if !close {
        view.state.palette = Some(state);
    }
}
