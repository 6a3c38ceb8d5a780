//! Chooses what the main area shows: search results, the overview, the
//! review page or a section.

use chrono::NaiveDateTime;
use egui::{RichText, Ui};

use super::settings::{self, Look};
use super::{Page, View, about, items, overview, rehearsal, section, sheet};
use crate::model::SectionKind;
use crate::search::{self, Hit, Query};

/// Shows the current page.
pub fn page_ui(
    ui: &mut Ui,
    view: &mut View<'_>,
    now: NaiveDateTime,
    look: Look,
    folder: &std::path::Path,
) {
    let high_contrast = look.high_contrast;
    ui.add_space(8.0);
    if view.state.search_open && !view.state.search.trim().is_empty() {
        search_ui(ui, view, high_contrast);
        return;
    }
    match view.state.page {
        Page::Overview => overview::overview_ui(ui, view, now, high_contrast),
        Page::Review => rehearsal::rehearsal_ui(ui, view, now, high_contrast),
        Page::InterviewDay => sheet::sheet_ui(ui, view, now),
        Page::Settings => settings::settings_ui(ui, view, look, folder),
        Page::About => about::about_ui(ui, view),
        Page::Section(id) => {
            if let Some(s) = view.nb.section(id) {
                section::section_ui(ui, view, s, high_contrast);
            } else {
                view.state.page = Page::Overview;
            }
        }
    }
    ui.add_space(24.0);
}

fn search_ui(ui: &mut Ui, view: &mut View<'_>, high_contrast: bool) {
    let query = Query::new(&view.state.search);
    let hits = search::search(view.nb, &query);
    ui.heading(
        RichText::new(view.tr.t_args(
            "search-results",
            &[
                ("n", hits.len().into()),
                ("query", view.state.search.trim().to_owned().into()),
            ],
        ))
        .strong(),
    );
    if ui.button(view.tr.t("search-close")).clicked() {
        view.state.search.clear();
        view.state.search_open = false;
    }
    ui.add_space(6.0);
    let nb = view.nb;
    for hit in hits {
        match hit {
            Hit::Section(id) => {
                let Some(s) = nb.section(id) else { continue };
                let title = section::section_title(view, s);
                if ui.link(RichText::new(title).size(15.0)).clicked() {
                    view.state.page = Page::Section(id);
                    view.state.search_open = false;
                }
            }
            Hit::Item { section: sid, item } => {
                let (Some(s), Some(i)) = (nb.section(sid), nb.item(item)) else {
                    continue;
                };
                ui.weak(section::section_title(view, s));
                let kind = if s.kind == SectionKind::Prose {
                    SectionKind::Topics
                } else {
                    s.kind
                };
                items::item_ui(ui, view, kind, i, high_contrast, false);
            }
        }
    }
}
