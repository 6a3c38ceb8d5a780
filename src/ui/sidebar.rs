//! The sidebar: which interview (notebook) is open, the overview and review
//! pages, and the sections with their progress.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::{Command, Intent, Page, View, name};
use crate::model::SectionKind;
use crate::review;

/// A notebook the sidebar can switch to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotebookEntry {
    /// Title to show.
    pub title: String,
    /// Where it is stored.
    pub path: PathBuf,
    /// A copy the app kept beside a notebook it could not save in place
    /// (`<id>.unsaved-<time>.json`): listed as such, with its time.
    pub kept_copy: Option<String>,
}

/// Shows the sidebar.
pub fn sidebar_ui(
    ui: &mut Ui,
    view: &mut View<'_>,
    notebooks: &[NotebookEntry],
    current: Option<&std::path::Path>,
) {
    // All of it scrolls as one: at large text in a small window the page
    // buttons alone filled the panel, and the sections, Settings and About
    // were out of reach of the wheel.
    egui::ScrollArea::vertical()
        .id_salt("sidebar-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| sidebar_body_ui(ui, view, notebooks, current));
}

fn sidebar_body_ui(
    ui: &mut Ui,
    view: &mut View<'_>,
    notebooks: &[NotebookEntry],
    current: Option<&std::path::Path>,
) {
    ui.add_space(6.0);
    let label = view.tr.t("interviews");
    ui.label(RichText::new(&label).small().weak());
    let combo = egui::ComboBox::from_id_salt("notebook-switch")
        .width(ui.available_width() - 8.0)
        .selected_text(RichText::new(&view.nb.title).strong())
        .show_ui(ui, |ui| {
            for entry in notebooks {
                let selected = current == Some(entry.path.as_path());
                let text = match &entry.kept_copy {
                    Some(time) => view.tr.t_args(
                        "kept-copy",
                        &[
                            ("title", entry.title.clone().into()),
                            ("time", time.clone().into()),
                        ],
                    ),
                    None => entry.title.clone(),
                };
                if ui.selectable_label(selected, text).clicked() && !selected {
                    view.out.push(Intent::SwitchNotebook(entry.path.clone()));
                }
            }
            ui.separator();
            if ui.button(view.tr.t("cmd-open")).clicked() {
                view.run(Command::Open);
            }
        });
    name(ui, &combo.response, &label);
    super::a11y::expanded(&combo.response, combo.inner.is_some());
    ui.add_space(8.0);

    page_button_ui(ui, view, Page::Overview, &view.tr.t("overview"), None);
    // Today's plan, as the overview counts it: done for today says so.
    let weak = if view.state.today_left == 0 {
        view.tr.t("to-review-done")
    } else {
        view.tr
            .t_args("to-review", &[("n", view.state.today_left.into())])
    };
    page_button_ui(ui, view, Page::Review, &view.tr.t("review"), Some(weak));
    let stories = super::stories::sidebar_detail(view);
    page_button_ui(
        ui,
        view,
        Page::Stories,
        &view.tr.t("stories"),
        Some(stories),
    );
    let sheet = view.command_label(Command::InterviewDay);
    page_button_ui(ui, view, Page::InterviewDay, &sheet, None);
    page_button_ui(ui, view, Page::Settings, &view.tr.t("settings"), None);
    page_button_ui(ui, view, Page::About, &view.tr.t("about"), None);
    ui.add_space(6.0);
    ui.label(RichText::new(view.tr.t("sections")).small().weak());

    for section in &view.nb.sections {
        let s = review::section_stats(section);
        let progress = match section.kind {
            SectionKind::Prose => None,
            SectionKind::Topics => Some(view.tr.t_args(
                "progress-rated",
                &[("n", s.rated.into()), ("total", s.topics.into())],
            )),
            SectionKind::Checklist => Some(view.tr.t_args(
                "progress-asked",
                &[("n", s.done.into()), ("total", s.checklist.into())],
            )),
        };
        let title = super::section::section_title(view, section);
        page_button_ui(ui, view, Page::Section(section.id), &title, progress);
    }
    ui.add_space(6.0);
    if ui
        .button(format!("+ {}", view.tr.t("cmd-add-section")))
        .clicked()
    {
        view.run(Command::AddSection);
    }
}

fn page_button_ui(
    ui: &mut Ui,
    view: &mut View<'_>,
    page: Page,
    title: &str,
    detail: Option<String>,
) {
    let selected = view.state.page == page;
    let mut text = egui::text::LayoutJob::default();
    text.append(
        title,
        0.0,
        egui::TextFormat::simple(egui::FontId::proportional(14.5), ui.visuals().text_color()),
    );
    if let Some(d) = &detail {
        text.append(
            &format!("\n{d}"),
            22.0,
            egui::TextFormat::simple(
                egui::FontId::proportional(12.0),
                ui.visuals().weak_text_color(),
            ),
        );
    }
    let resp = ui
        .with_layout(egui::Layout::top_down_justified(egui::Align::LEFT), |ui| {
            ui.add(egui::Button::selectable(selected, text).wrap_mode(egui::TextWrapMode::Wrap))
        })
        .inner;
    name(
        ui,
        &resp,
        &detail.map_or_else(|| title.to_owned(), |d| format!("{title}, {d}")),
    );
    // The current page is selected (a screen reader says so), not "pressed".
    super::a11y::selectable(&resp, egui::accesskit::Role::Tab, selected);
    if resp.clicked() {
        view.out.push(Intent::ShowPage(page));
    }
}
