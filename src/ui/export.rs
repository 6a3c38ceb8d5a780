//! The export dialog: the full summary, the one-page interview-day sheet or
//! the one-page story sheet, format, what to include and in which order,
//! paper size, and where to write the file (system dialog, or a path typed
//! in the app). Its choices are remembered in the settings.

use egui::RichText;

use super::{Intent, View, name};
use crate::app::settings::ExportSettings;
use crate::export::{BriefText, Document, ExportOptions, Format, Paper, TopicOrder, file_name_in};
use crate::i18n::{Lang, Tr};
use crate::model::Confidence;

/// Shows the export dialog while it is open.
pub fn export_dialog_ui(ctx: &egui::Context, view: &mut View<'_>, export: &mut ExportSettings) {
    if !view.state.export_open {
        return;
    }
    if view.state.export_fresh {
        // A name the dialog offered earlier (maybe in the other language, or
        // for another document) is offered anew; a name the user typed stays.
        reoffer_name(view, export.format, export.options.document());
    }
    if view.state.export_path.is_empty() {
        let dir = export
            .last_dir
            .clone()
            .or_else(|| {
                directories::UserDirs::new()
                    .map(|u| u.document_dir().unwrap_or(u.home_dir()).to_path_buf())
            })
            .unwrap_or_default();
        let name = file_name_in(view.nb, export.format, export.options.document(), view.tr);
        view.state.export_path = dir.join(&name).display().to_string();
        view.state.export_offered = name;
    }
    let mut close = false;
    let mut submit = false;
    let dialog = egui::Id::unique("export-dialog");
    let modal = super::dialog::still_modal(ctx, dialog).show(ctx, |ui| {
        ui.set_width(540.0);
        // Named for what it exports: "Export summary" over the story sheet
        // misled.
        let title = view.tr.t(export.options.document().title_key());
        super::a11y::name_dialog(ui, &title);
        ui.label(RichText::new(&title).strong().size(18.0));
        ui.add_space(6.0);
        what_ui(ui, view, export);
        ui.horizontal(|ui| {
            ui.label(view.tr.t("export-format"));
            for format in Format::ALL {
                let r = ui.selectable_label(export.format == format, format.label());
                if r.clicked() && export.format != format {
                    export.format = format;
                    let path = std::path::PathBuf::from(&view.state.export_path);
                    view.state.export_path = path
                        .with_extension(format.extension())
                        .display()
                        .to_string();
                    let offered = std::path::Path::new(&view.state.export_offered)
                        .with_extension(format.extension());
                    view.state.export_offered = offered.display().to_string();
                    reoffer_name(view, format, export.options.document());
                }
            }
        });
        let format = export.format;
        let options = &mut export.options;
        // The sheet has its own content; these shape the full summary.
        ui.add_enabled_ui(options.document() == Document::Summary, |ui| {
            ui.checkbox(
                &mut options.include_notes,
                view.tr.t("export-include-notes"),
            );
            ui.horizontal(|ui| {
                let label = view.tr.t("export-only-weak");
                ui.label(&label);
                let current = options.max_confidence.map_or_else(
                    || view.tr.t("export-all-topics"),
                    |c| format!("≤ {} {}", c.level(), view.tr.confidence(c)),
                );
                let combo = egui::ComboBox::from_id_salt("export-level")
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(
                            &mut options.max_confidence,
                            None,
                            view.tr.t("export-all-topics"),
                        );
                        for c in Confidence::RATED {
                            ui.selectable_value(
                                &mut options.max_confidence,
                                Some(c),
                                format!("≤ {} {}", c.level(), view.tr.confidence(c)),
                            );
                        }
                    });
                name(ui, &combo.response, &label);
            });
            order_ui(ui, view.tr, options, format);
        });
        if export.format != Format::Markdown {
            // Markdown has no pages.
            ui.horizontal(|ui| {
                ui.label(view.tr.t("export-paper"));
                for paper in Paper::ALL {
                    let label = view.tr.t(match paper {
                        Paper::A4 => "paper-a4",
                        Paper::Letter => "paper-letter",
                    });
                    ui.selectable_value(&mut options.paper, paper, label);
                }
            });
        }
        ui.add_space(6.0);
        let label = view.tr.t("export-path");
        let l = ui.label(&label);
        ui.horizontal(|ui| {
            let id = egui::Id::unique("export-path");
            // Keyboard first: the path field holds the keyboard (type a path,
            // or press Enter to export) unless the user moved to another widget.
            if std::mem::take(&mut view.state.export_fresh) || ui.memory(|m| m.focused().is_none())
            {
                super::focus_now(ui, id);
            }
            let resp = super::field_ui(
                ui,
                egui::TextEdit::singleline(&mut view.state.export_path)
                    .id(id)
                    .desired_width(400.0),
            );
            let resp = resp.labelled_by(l.id);
            name(ui, &resp, &label);
            if resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                submit = true;
            }
            if ui.button(view.tr.t("browse")).clicked() {
                view.out.push(Intent::ExportBrowse);
            }
        });
        ui.add_space(8.0);
        let typed = view.state.export_path.trim().to_owned();
        let target = (!typed.is_empty()).then(|| {
            let mut path = super::prompt::expand_home(&typed);
            if path.extension().is_none() {
                path.set_extension(export.format.extension());
            }
            path
        });
        let warned = target.is_some() && view.state.export_replace == target;
        if warned && let Some(path) = &target {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                view.tr.t_args(
                    "export-exists",
                    &[("path", path.display().to_string().into())],
                ),
            );
        }
        ui.horizontal(|ui| {
            let key = if warned {
                "export-replace"
            } else {
                "export-now"
            };
            let export_button = ui.add_enabled(
                target.is_some(),
                egui::Button::new(RichText::new(view.tr.t(key)).strong()),
            );
            if (export_button.clicked() || submit)
                && let Some(path) = target.clone()
            {
                // A file already there is only replaced once the user saw so.
                if !warned && path.is_file() {
                    view.state.export_replace = Some(path);
                } else {
                    view.state.export_replace = None;
                    view.out.push(Intent::ExportTo(path));
                }
            }
            if ui.button(view.tr.t("cancel")).clicked() {
                close = true;
            }
        });
    });
    super::dialog::set_bounds(ctx, dialog, modal.response.rect);
    if modal.should_close() || close {
        view.state.export_open = false;
    }
}

/// The choice between the full summary and the one-page sheet; a file name
/// the dialog offered follows it (one the user typed stays).
fn what_ui(ui: &mut egui::Ui, view: &mut View<'_>, export: &mut ExportSettings) {
    ui.horizontal(|ui| {
        ui.label(view.tr.t("export-what"));
        for document in Document::ALL {
            let current = export.options.document();
            let r = ui.selectable_label(current == document, view.tr.t(document.label_key()));
            if r.clicked() && current != document {
                export.options.set_document(document);
                reoffer_name(view, export.format, document);
            }
        }
    });
}

/// Unrated topics, the topic order and the brief's own text.
fn order_ui(ui: &mut egui::Ui, tr: &Tr, options: &mut ExportOptions, format: Format) {
    ui.checkbox(&mut options.hide_unrated, tr.t("export-hide-unrated"));
    ui.horizontal(|ui| {
        ui.label(tr.t("export-order"));
        let current = options.order_for(format);
        for order in TopicOrder::ALL {
            if ui
                .selectable_label(current == order, tr.t(order.label_key()))
                .clicked()
            {
                options.order = Some(order);
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(tr.t("export-brief"));
        for brief in BriefText::ALL {
            ui.selectable_value(&mut options.brief, brief, tr.t(brief.label_key()));
        }
    });
}

/// If the "Save to" path ends in a name the dialog offers (for any document,
/// in any language) or the name it offered last (maybe for another
/// notebook), offers the name for `document` in the interface's language
/// instead. A name the user typed is left as it is.
fn reoffer_name(view: &mut View<'_>, format: Format, document: Document) {
    let offered = Lang::ALL.into_iter().flat_map(|lang| {
        let tr = Tr::new(lang);
        Document::ALL.map(|d| file_name_in(view.nb, format, d, &tr))
    });
    let last = view.state.export_offered.clone();
    let path = &mut view.state.export_path;
    let Some(old) = offered
        .chain((!last.is_empty()).then_some(last))
        .filter(|name| path.ends_with(name.as_str()))
        .max_by_key(String::len)
    else {
        return;
    };
    path.truncate(path.len() - old.len());
    let name = file_name_in(view.nb, format, document, view.tr);
    path.push_str(&name);
    view.state.export_offered = name;
}
