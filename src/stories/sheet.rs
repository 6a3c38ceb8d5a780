//! The stories in an exported summary: one section that lists the stories
//! under each value they show (then the stories tied to no value), as
//! Markdown that every format renders like the brief's own prose.

use std::fmt::Write as _;

use crate::export::summary::{Body, SectionView, Summary, badge_label};
use crate::i18n::Tr;
use crate::model::{Id, Notebook, Story, StoryField};

/// The stories as Markdown in the export's language, grouped under their
/// values; `None` without stories.
pub fn summary_markdown(nb: &Notebook, tr: &Tr) -> Option<String> {
    if nb.stories.is_empty() {
        return None;
    }
    let mut out = String::new();
    // A story that shows several values is printed in full under the first
    // and named under the others (printed twice, it filled pages).
    let mut printed: Vec<(Id, String)> = Vec::new();
    for value in &nb.values {
        let stories = showing(nb, value.id);
        let label = one_line(&value.label);
        let _ = writeln!(out, "### {label}\n");
        if stories.is_empty() {
            let _ = writeln!(out, "*{}*\n", tr.t("stories-export-none"));
        }
        for s in stories {
            if let Some((_, under)) = printed.iter().find(|(id, _)| *id == s.id) {
                let title = title_of(s, tr);
                let see = tr.t_args(
                    "stories-export-see",
                    &[("title", title.into()), ("value", under.clone().into())],
                );
                let _ = writeln!(out, "*{see}*\n");
            } else {
                story_md(&mut out, s, tr);
                printed.push((s.id, label.clone()));
            }
        }
    }
    let loose = unlinked(nb);
    if !loose.is_empty() {
        let _ = writeln!(out, "### {}\n", tr.t("stories-export-loose"));
        for s in loose {
            story_md(&mut out, s, tr);
        }
    }
    Some(out)
}

/// The stories that show the value `value`, in notebook order.
pub fn showing(nb: &Notebook, value: Id) -> Vec<&Story> {
    nb.stories
        .iter()
        .filter(|s| s.values.contains(&value))
        .collect()
}

/// The stories tied to none of the notebook's values, in notebook order.
pub fn unlinked(nb: &Notebook) -> Vec<&Story> {
    nb.stories
        .iter()
        .filter(|s| !s.values.iter().any(|v| nb.value(*v).is_some()))
        .collect()
}

/// `text` on one line, runs of white space made one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A story's title on one line, or "Untitled story".
fn title_of(s: &Story, tr: &Tr) -> String {
    let title = one_line(&s.title);
    if title.is_empty() {
        tr.t("stories-untitled")
    } else {
        title
    }
}

fn story_md(out: &mut String, s: &Story, tr: &Tr) {
    let title = title_of(s, tr);
    let _ = writeln!(out, "#### {title} ({})\n", badge_label(s.confidence, tr));
    if !s.tags.is_empty() {
        let tags = one_line(&s.tags.join(", "));
        let _ = writeln!(
            out,
            "*{}*\n",
            tr.t_args("stories-export-tags", &[("tags", tags.into())])
        );
    }
    for f in StoryField::STAR {
        let text = s.field(f).trim();
        if !text.is_empty() {
            let label = tr.t(&format!("stories-{}", f.label().to_ascii_lowercase()));
            let _ = writeln!(out, "**{label}.** {text}\n");
        }
    }
}

/// Adds the stories section (`markdown`, from [`summary_markdown`]) at the
/// end of a summary.
pub fn add_to_summary<'a>(summary: &mut Summary<'a>, markdown: Option<&'a str>, tr: &Tr) {
    if let Some(md) = markdown {
        summary.sections.push(SectionView {
            title: tr.t("stories"),
            brief: Some(md),
            notes: None,
            body: Body::Prose,
        });
    }
}
