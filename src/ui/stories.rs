//! The Stories page: the story bank (a list and a STAR editor), the
//! coverage grid (values and behavioural topics against stories, a click
//! per cell links or unlinks), the values themselves, and practice (a story
//! told aloud with its fields hidden, a timer, a rating recorded as a
//! review). Like every view it only reads the notebook and pushes actions.

use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use egui::{Key, RichText, Ui};

use super::rehearsal::{answer_ui, keyboard_free, pressed, rating_ui, timer_ui, utc};
use super::sidebar::NotebookEntry;
use super::{Intent, Page, View, form_editor_ui, line_editor_ui, name, theme};
use crate::action::Action;
use crate::model::{Id, Link, Story, StoryField};
use crate::review::Plan;
use crate::stories::{Coverage, Row, coverage};

/// Which part of the Stories page is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StoriesTab {
    /// The list of stories and the editor.
    #[default]
    Bank,
    /// The coverage grid and the values.
    Coverage,
}

/// A story being practised.
#[derive(Clone, Debug)]
pub struct Practice {
    /// The story.
    pub story: Id,
    /// Its fields are shown.
    pub revealed: bool,
    /// When the practice started.
    pub started: Instant,
}

/// The Stories page's transient state.
#[derive(Clone, Debug, Default)]
pub struct StoriesState {
    /// The tab shown.
    pub tab: StoriesTab,
    /// The story open in the editor.
    pub selected: Option<Id>,
    /// The practice in progress, if any.
    pub practice: Option<Practice>,
    /// The tags field while it is edited (story, text as typed).
    pub tags_text: Option<(Id, String)>,
    /// The name typed for a new value.
    pub new_value: String,
    /// The editor's title field takes the keyboard when next shown (a
    /// story was just created).
    pub focus_title: bool,
}

impl StoriesState {
    /// True while a story is practised: bare keys (Space, 1–5, Esc) are its own.
    pub fn practising(&self) -> bool {
        self.practice.is_some()
    }
}

/// The sidebar's line under "Stories": values still without a story, or
/// the number of stories.
pub fn sidebar_detail(view: &View<'_>) -> String {
    let missing = coverage(view.nb).values_without_story();
    if missing > 0 {
        view.tr
            .t_args("stories-values-missing", &[("n", missing.into())])
    } else {
        view.tr
            .t_args("stories-count", &[("n", view.nb.stories.len().into())])
    }
}

/// The dashboard's line "2 values without a story", when there are any;
/// clicking it opens the coverage grid.
pub fn dashboard_line_ui(ui: &mut Ui, view: &mut View<'_>) {
    let missing = coverage(view.nb).values_without_story();
    if missing == 0 {
        return;
    }
    let text = view
        .tr
        .t_args("stories-values-missing", &[("n", missing.into())]);
    if ui.link(RichText::new(text).size(16.0)).clicked() {
        view.state.stories.tab = StoriesTab::Coverage;
        view.out.push(Intent::ShowPage(Page::Stories));
    }
}

/// The dashboard's line "2 stories to practise today" (the plan's stories
/// due today), with a button that practises the first.
pub fn due_today_ui(ui: &mut Ui, view: &mut View<'_>, plan: &Plan) {
    let due = plan.today_stories();
    let Some(&first) = due.first() else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        let text = view.tr.t_args("stories-due", &[("n", due.len().into())]);
        ui.label(RichText::new(text).size(16.0));
        if ui.button(view.tr.t("stories-practise")).clicked() {
            practise(view, first);
        }
    });
}

/// A story on a day of the plan: its level, its title (a link that starts
/// its practice) and `why` it is there.
pub fn planned_story_ui(ui: &mut Ui, view: &mut View<'_>, id: Id, why: &str, high_contrast: bool) {
    let Some(story) = view.nb.story(id) else {
        return;
    };
    let (level, title) = (story.confidence, story_title(view, story));
    ui.horizontal_wrapped(|ui| {
        super::a11y::decorative(
            &ui.label(RichText::new("■").color(theme::confidence_color(level, high_contrast))),
        );
        if ui.link(title).clicked() {
            practise(view, id);
        }
        let kind = view.tr.t("stories-plan-kind");
        ui.weak(format!("{} · {why} · {kind}", view.tr.confidence(level)));
    });
}

/// Opens the Stories page practising story `id`.
fn practise(view: &mut View<'_>, id: Id) {
    view.state.stories.practice = Some(Practice {
        story: id,
        revealed: false,
        started: Instant::now(),
    });
    view.out.push(Intent::ShowPage(Page::Stories));
}

/// Shows the Stories page.
/// `others` are the notebooks stories can be copied from.
pub fn stories_ui(
    ui: &mut Ui,
    view: &mut View<'_>,
    now: NaiveDateTime,
    high_contrast: bool,
    others: &[NotebookEntry],
) {
    if let Some(p) = view.state.stories.practice.take()
        && view.nb.story(p.story).is_some()
    {
        practice_ui(ui, view, p, now, high_contrast);
        return;
    }
    let grid = coverage(view.nb);
    ui.horizontal_wrapped(|ui| {
        ui.heading(RichText::new(view.tr.t("stories")).size(24.0).strong());
        ui.add_space(12.0);
        for (tab, key) in [
            (StoriesTab::Bank, "stories-bank"),
            (StoriesTab::Coverage, "stories-coverage"),
        ] {
            let selected = view.state.stories.tab == tab;
            if ui.selectable_label(selected, view.tr.t(key)).clicked() {
                view.state.stories.tab = tab;
            }
        }
        if ui
            .button(format!("+ {}", view.tr.t("stories-new")))
            .clicked()
        {
            new_story(view, None);
        }
        copy_from_ui(ui, view, others);
    });
    let missing = grid.values_without_story();
    if missing > 0 {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            view.tr
                .t_args("stories-values-missing", &[("n", missing.into())]),
        );
    }
    ui.add_space(8.0);
    match view.state.stories.tab {
        StoriesTab::Bank => bank_ui(ui, view, &grid, high_contrast),
        StoriesTab::Coverage => {
            grid_ui(ui, view, &grid);
            ui.add_space(16.0);
            values_ui(ui, view);
        }
    }
}

/// "Copy stories from…": a menu of the other notebooks; the chosen one is
/// read off the UI thread and its stories added to this one (one undo).
fn copy_from_ui(ui: &mut Ui, view: &mut View<'_>, others: &[NotebookEntry]) {
    let label = view.tr.t("stories-copy-from");
    ui.menu_button(&label, |ui| {
        if others.is_empty() {
            ui.weak(view.tr.t("stories-copy-none"));
        }
        for entry in others {
            if ui.button(&entry.title).clicked() {
                view.out.push(Intent::CopyStoriesFrom(entry.path.clone()));
                ui.close();
            }
        }
    });
}

/// Adds a story (linked to `link` when given) and opens it in the editor
/// once it exists (its id is the notebook's next one).
fn new_story(view: &mut View<'_>, link: Option<Link>) {
    view.act(Action::AddStory {
        title: String::new(),
        link,
    });
    view.state.stories.selected = Some(Id(view.nb.next_id.max(1)));
    view.state.stories.tab = StoriesTab::Bank;
    view.state.stories.focus_title = true;
}

fn bank_ui(ui: &mut Ui, view: &mut View<'_>, grid: &Coverage, high_contrast: bool) {
    if view.nb.stories.is_empty() {
        ui.label(view.tr.t("stories-none"));
        return;
    }
    for story in &view.nb.stories {
        ui.horizontal(|ui| {
            let c = story.confidence;
            ui.label(RichText::new("■").color(theme::confidence_color(c, high_contrast)));
            let selected = view.state.stories.selected == Some(story.id);
            let title = story_title(view, story);
            if ui
                .selectable_label(selected, RichText::new(&title).strong())
                .clicked()
            {
                view.state.stories.selected = Some(story.id);
            }
            let rows = view
                .tr
                .t_args("stories-rows", &[("n", grid.rows_of(story.id).into())]);
            ui.weak(format!("{} · {rows}", view.tr.confidence(c)));
            if !story.tags.is_empty() {
                ui.weak(story.tags.join(", "));
            }
        });
    }
    let Some(story) = view.state.stories.selected.and_then(|id| view.nb.story(id)) else {
        return;
    };
    ui.separator();
    editor_ui(ui, view, story, grid, high_contrast);
}

fn story_title(view: &View<'_>, story: &Story) -> String {
    if story.title.trim().is_empty() {
        view.tr.t("stories-untitled")
    } else {
        story.title.clone()
    }
}

fn field_key(field: StoryField) -> &'static str {
    match field {
        StoryField::Title => "stories-title",
        StoryField::Situation => "stories-situation",
        StoryField::Task => "stories-task",
        StoryField::Action => "stories-action",
        StoryField::Result => "stories-result",
    }
}

/// The story editor: title, the four STAR fields, tags, links, rating.
fn editor_ui(ui: &mut Ui, view: &mut View<'_>, story: &Story, grid: &Coverage, hc: bool) {
    let id = story.id;
    let width = ui.available_width().min(640.0);
    let label = ui.label(RichText::new(view.tr.t("stories-title")).strong());
    let text = view.tr.t("stories-title");
    let field = egui::Id::unique(("story-title", id));
    let hint = view.tr.t("stories-untitled");
    let (resp, changed) = line_editor_ui(ui, field, &story.title, &text, &hint, width);
    if std::mem::take(&mut view.state.stories.focus_title) {
        resp.request_focus();
    }
    resp.labelled_by(label.id);
    if let Some(text) = changed {
        view.act(Action::SetStoryField {
            id,
            field: StoryField::Title,
            text,
        });
    }
    for f in StoryField::STAR {
        let text = view.tr.t(field_key(f));
        let label = ui.label(RichText::new(&text).strong());
        let field = egui::Id::unique(("story-field", id, f.index()));
        let (resp, changed) = form_editor_ui(ui, field, story.field(f), &text, 2);
        resp.labelled_by(label.id);
        if let Some(text) = changed {
            view.act(Action::SetStoryField { id, field: f, text });
        }
    }
    tags_ui(ui, view, story, width);

    ui.add_space(6.0);
    ui.label(RichText::new(view.tr.t("stories-values")).strong());
    if view.nb.values.is_empty() {
        ui.weak(view.tr.t("stories-no-values"));
    }
    ui.horizontal_wrapped(|ui| {
        for row in &grid.values {
            link_box_ui(ui, view, story, row, &row.label);
        }
    });
    ui.label(RichText::new(view.tr.t("stories-topics")).strong());
    ui.horizontal_wrapped(|ui| {
        for row in &grid.topics {
            link_box_ui(ui, view, story, row, &row.label);
        }
    });
    other_topic_ui(ui, view, story, grid);

    ui.add_space(6.0);
    ui.label(RichText::new(view.tr.t("stories-rate")).strong());
    if let Some(level) = rating_ui(ui, view, false, hc) {
        view.act(Action::ReviewStory {
            id,
            confidence: level,
            at: chrono::Utc::now(),
            seconds: 0,
        });
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button(view.tr.t("stories-practise")).clicked() {
            practise(view, id);
        }
        if ui.button(view.tr.t("stories-delete")).clicked() {
            view.act(Action::RemoveStory(id));
            view.state.stories.selected = None;
        }
    });
}

/// The tags, typed comma-separated; the text as typed is kept while the
/// field has the keyboard, so "a, " does not lose its comma.
fn tags_ui(ui: &mut Ui, view: &mut View<'_>, story: &Story, width: f32) {
    let text = view.tr.t("stories-tags");
    let label = ui.label(RichText::new(&text).strong());
    let shown = match &view.state.stories.tags_text {
        Some((id, typed)) if *id == story.id => typed.clone(),
        _ => story.tags.join(", "),
    };
    let field = egui::Id::unique(("story-tags", story.id));
    let (resp, changed) = line_editor_ui(ui, field, &shown, &text, &text, width);
    let resp = resp.labelled_by(label.id);
    if let Some(typed) = changed {
        let tags: Vec<String> = typed
            .split([',', '，'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        view.state.stories.tags_text = Some((story.id, typed));
        view.act(Action::SetStoryTags { id: story.id, tags });
    }
    if resp.lost_focus() {
        view.state.stories.tags_text = None;
    }
}

/// A checkbox that links the story to the row or unlinks it.
fn link_box_ui(ui: &mut Ui, view: &mut View<'_>, story: &Story, row: &Row, text: &str) {
    let mut linked = story.links(row.link);
    if ui.checkbox(&mut linked, text).clicked() {
        view.act(Action::LinkStory {
            story: story.id,
            to: row.link,
            linked,
        });
    }
}

/// A drop-down of the topics not yet on the grid, to link one.
fn other_topic_ui(ui: &mut Ui, view: &mut View<'_>, story: &Story, grid: &Coverage) {
    let shown: std::collections::HashSet<Link> = grid.topics.iter().map(|r| r.link).collect();
    let mut picked = None;
    let label = view.tr.t("stories-add-topic");
    let combo = egui::ComboBox::from_id_salt(("story-other-topic", story.id))
        .selected_text(&label)
        .width(320.0)
        .show_ui(ui, |ui| {
            for topic in view.nb.topics() {
                if shown.contains(&Link::Topic(topic.id)) {
                    continue;
                }
                if ui.selectable_label(false, &topic.text).clicked() {
                    picked = Some(topic.id);
                }
            }
        });
    name(ui, &combo.response, &label);
    if let Some(topic) = picked {
        view.act(Action::LinkStory {
            story: story.id,
            to: Link::Topic(topic),
            linked: true,
        });
    }
}

/// The coverage grid: a row per value and behavioural topic, a column per
/// story, a checkbox per cell.
fn grid_ui(ui: &mut Ui, view: &mut View<'_>, grid: &Coverage) {
    ui.weak(view.tr.t("stories-grid-help"));
    ui.add_space(4.0);
    let stories: Vec<&Story> = grid
        .stories
        .iter()
        .filter_map(|id| view.nb.story(*id))
        .collect();
    // The row labels leave room for the story columns on a narrow or
    // zoomed window; columns past the edge scroll, with the bar shown.
    let label_width = (ui.available_width() * 0.4).clamp(160.0, 360.0);
    egui::ScrollArea::horizontal()
        .id_salt("coverage-grid")
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            egui::Grid::new("coverage")
                .striped(true)
                .spacing([14.0, 6.0])
                .show(ui, |ui| {
                    ui.label("");
                    for s in &stories {
                        let rows = view
                            .tr
                            .t_args("stories-rows", &[("n", grid.rows_of(s.id).into())]);
                        let title = story_title(view, s);
                        let text = format!("{}\n{rows}", clip(&title, 22));
                        if ui.link(RichText::new(text).strong()).clicked() {
                            view.state.stories.selected = Some(s.id);
                            view.state.stories.tab = StoriesTab::Bank;
                        }
                    }
                    ui.end_row();
                    for (heading, rows) in [
                        ("stories-grid-values", &grid.values),
                        ("stories-grid-topics", &grid.topics),
                    ] {
                        if rows.is_empty() {
                            continue;
                        }
                        ui.label(RichText::new(view.tr.t(heading)).strong().size(16.0));
                        ui.end_row();
                        for row in rows {
                            row_ui(ui, view, row, &stories, label_width);
                            ui.end_row();
                        }
                    }
                });
        });
}

/// One row of the grid: its label (flagged when no story covers it, with a
/// button to write one), then a checkbox per story.
fn row_ui(ui: &mut Ui, view: &mut View<'_>, row: &Row, stories: &[&Story], width: f32) {
    // One above the other: a wrapped label and a button beside it measured
    // one line high in the grid, and the next row was drawn over them at a
    // large text size.
    ui.vertical(|ui| {
        ui.set_max_width(width);
        if row.is_empty() {
            let text = view
                .tr
                .t_args("stories-empty-row", &[("row", clip(&row.label, 48).into())]);
            let warn = ui.visuals().warn_fg_color;
            ui.add(egui::Label::new(RichText::new(text).color(warn)).wrap());
            if ui.small_button(view.tr.t("stories-write-one")).clicked() {
                new_story(view, Some(row.link));
            }
        } else {
            ui.add(egui::Label::new(clip(&row.label, 56)).wrap());
        }
    });
    for s in stories {
        let mut linked = s.links(row.link);
        let resp = ui.checkbox(&mut linked, "");
        let cell = view.tr.t_args(
            "stories-cell",
            &[
                ("row", row.label.clone().into()),
                ("story", story_title(view, s).into()),
            ],
        );
        name(ui, &resp, &cell);
        if resp.clicked() {
            view.act(Action::LinkStory {
                story: s.id,
                to: row.link,
                linked,
            });
        }
    }
}

/// The first `max` characters of `text`, with "…" when cut.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// The values: rename in place, remove, add.
fn values_ui(ui: &mut Ui, view: &mut View<'_>) {
    ui.label(
        RichText::new(view.tr.t("stories-grid-values"))
            .strong()
            .size(16.0),
    );
    if view.nb.values.is_empty() {
        ui.weak(view.tr.t("stories-no-values"));
    }
    let rename = view.tr.t("stories-rename-value");
    for value in &view.nb.values {
        ui.horizontal(|ui| {
            let field = egui::Id::unique(("value-label", value.id));
            let label = format!("{rename}: {}", value.label);
            let (_, changed) = line_editor_ui(ui, field, &value.label, &label, &rename, 200.0);
            if let Some(label) = changed {
                view.act(Action::RenameValue {
                    id: value.id,
                    label,
                });
            }
            let remove = ui.small_button(view.tr.t("stories-remove-value"));
            let remove_label = format!("{}: {}", view.tr.t("stories-remove-value"), value.label);
            name(ui, &remove, &remove_label);
            if remove.clicked() {
                view.act(Action::RemoveValue(value.id));
            }
            if !value.text.is_empty() {
                ui.weak(clip(&value.text, 80));
            }
        });
    }
    ui.horizontal(|ui| {
        let text = view.tr.t("stories-value-name");
        let resp = ui.add(
            egui::TextEdit::singleline(&mut view.state.stories.new_value)
                .hint_text(&text)
                .desired_width(200.0),
        );
        name(ui, &resp, &text);
        let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if (ui.button(view.tr.t("stories-add-value")).clicked() || enter)
            && !view.state.stories.new_value.trim().is_empty()
        {
            let label = std::mem::take(&mut view.state.stories.new_value);
            view.act(Action::AddValue { label });
        }
    });
}

/// Practice: the title and what it should show, a timer, the fields hidden
/// until Space or "Show", then a rating that records a review.
fn practice_ui(
    ui: &mut Ui,
    view: &mut View<'_>,
    mut p: Practice,
    now: NaiveDateTime,
    high_contrast: bool,
) {
    let Some(story) = view.nb.story(p.story) else {
        return;
    };
    let keys = keyboard_free(ui, view.state);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(view.tr.t("stories-practice-title"))
                .size(17.0)
                .strong(),
        );
        timer_ui(ui, p.started.elapsed());
    });
    ui.add_space(12.0);
    ui.add(egui::Label::new(RichText::new(story_title(view, story)).size(30.0).strong()).wrap());
    let values: Vec<&str> = story
        .values
        .iter()
        .filter_map(|id| view.nb.value(*id))
        .map(|v| v.label.as_str())
        .collect();
    if !values.is_empty() {
        ui.label(
            RichText::new(view.tr.t_args(
                "stories-practice-about",
                &[("values", values.join(", ").into())],
            ))
            .size(18.0)
            .weak(),
        );
    }
    ui.label(view.tr.t("stories-practice-prompt"));
    ui.add_space(12.0);
    let key = if p.revealed {
        "stories-hide"
    } else {
        "stories-reveal"
    };
    let reveal = ui
        .button(RichText::new(view.tr.t(key)).size(16.0))
        .clicked();
    if reveal || pressed(ui, keys, Key::Space) {
        p.revealed = !p.revealed;
    }
    if p.revealed {
        answer_ui(ui, |ui| {
            for f in StoryField::STAR {
                ui.label(RichText::new(view.tr.t(field_key(f))).strong().size(17.0));
                let text = story.field(f);
                if text.trim().is_empty() {
                    ui.weak(view.tr.t("stories-field-empty"));
                } else {
                    super::markdown(ui, view.md, text);
                }
            }
        });
    }
    ui.add_space(16.0);
    ui.label(RichText::new(view.tr.t("stories-rate")).strong());
    let rating = rating_ui(ui, view, keys, high_contrast);
    ui.add_space(8.0);
    let end =
        ui.button(view.tr.t("stories-practice-end")).clicked() || pressed(ui, keys, Key::Escape);
    ui.weak(view.tr.t("stories-practice-keys"));
    if let Some(level) = rating {
        let seconds = p.started.elapsed().as_secs();
        view.act(Action::ReviewStory {
            id: p.story,
            confidence: level,
            at: utc(now),
            seconds: u32::try_from(seconds).unwrap_or(u32::MAX),
        });
        view.state.stories.selected = Some(p.story);
        return;
    }
    if end {
        return;
    }
    ui.ctx().request_repaint_after(Duration::from_secs(1));
    view.state.stories.practice = Some(p);
}
