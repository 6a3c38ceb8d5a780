//! Chooses what the main area shows: search results, the overview, the
//! review page or a section.

use chrono::NaiveDateTime;
use egui::{RichText, Ui};

use super::settings::{self, Look};
use super::sidebar::NotebookEntry;
use super::{Page, View, about, items, overview, rehearsal, section, sheet, stories};
use crate::model::SectionKind;
use crate::search::{self, Hit, Query};

/// Shows the current page; `others` are the notebooks other than the open
/// one (the Stories page copies stories from them).
pub fn page_ui(
    ui: &mut Ui,
    view: &mut View<'_>,
    now: NaiveDateTime,
    look: Look,
    folder: &std::path::Path,
    others: &[NotebookEntry],
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
        Page::Stories => stories::stories_ui(ui, view, now, high_contrast, others),
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
    let title = ui.heading(
        RichText::new(view.tr.t_args(
            "search-results",
            &[
                ("n", hits.len().into()),
                ("query", view.state.search.trim().to_owned().into()),
            ],
        ))
        .strong(),
    );
    super::a11y::heading(&title, 1);
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
                    view.out.push(super::Intent::ShowPage(Page::Section(id)));
                }
                let texts = [s.title.as_str(), s.markdown.as_str(), s.notes.as_str()];
                excerpt_ui(ui, &query, &texts);
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
                let texts = [i.text.as_str(), i.notes.as_str(), i.detail.as_str()];
                excerpt_ui(ui, &query, &texts);
            }
        }
    }
}

/// The first line of `texts` the query matches, as plain text (as written
/// when only its Markdown matched, e.g. a link's address), with the match
/// marked.
fn excerpt_ui(ui: &mut Ui, query: &Query, texts: &[&str]) {
    let Some((line, range)) = texts.iter().flat_map(|t| t.lines()).find_map(|l| {
        let plain = super::line_plain(l);
        if let Some(r) = query.find(&plain) {
            Some((plain, r))
        } else {
            query.find(l).map(|r| (l.trim_end().to_owned(), r))
        }
    }) else {
        return;
    };
    let (Some(before), Some(matched), Some(after)) = (
        line.get(..range.start),
        line.get(range.clone()),
        line.get(range.end..),
    ) else {
        return;
    };
    let style = ui.style();
    let font = egui::TextStyle::Body.resolve(style);
    let plain = egui::TextFormat::simple(font.clone(), ui.visuals().weak_text_color());
    let marked = egui::TextFormat {
        background: ui.visuals().selection.bg_fill,
        color: ui.visuals().selection.stroke.color,
        ..egui::TextFormat::simple(font, ui.visuals().strong_text_color())
    };
    let mut job = egui::text::LayoutJob::default();
    let before = before.trim_start();
    job.append(before, 0.0, plain.clone());
    job.append(matched, 0.0, marked);
    job.append(after, 0.0, plain);
    ui.horizontal(|ui| {
        ui.add_space(24.0);
        let r = ui.add(egui::Label::new(job).wrap());
        // Read out (and found by tests) with the match in brackets.
        super::name(ui, &r, &format!("{before}[{matched}]{after}"));
    });
    ui.add_space(4.0);
}
