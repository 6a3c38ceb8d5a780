//! The coverage grid: values and behavioural topics against stories, so
//! the user sees which rows still have no story and which stories carry
//! many. Pure; the GUI, the CLI (`prepkit coverage`) and the export read it.

use std::collections::HashSet;

use serde::Serialize;

use crate::model::{Id, Link, Notebook, SectionKind};

/// Words in a group's or section's title that mark behavioural topics (lowercase).
const BEHAVIOUR_WORDS: [&str; 9] = [
    "behavio",
    "culture",
    "soft skill",
    "leadership",
    "인성",
    "컬처",
    "컬쳐",
    "문화",
    "행동",
];

/// True if a group or section title names behavioural questions
/// ("Behavioural", "Behavioral interview", "Culture fit", "인성 면접").
pub fn is_behavioural(title: &str) -> bool {
    let lower = title.to_lowercase();
    BEHAVIOUR_WORDS.iter().any(|w| lower.contains(w))
}

/// One row of the grid: a value or a topic, and the stories linked to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The value or topic.
    pub link: Link,
    /// Its label (value) or text (topic).
    pub label: String,
    /// The stories linked to it, in bank order.
    pub stories: Vec<Id>,
}

impl Row {
    /// True when no story covers the row.
    pub fn is_empty(&self) -> bool {
        self.stories.is_empty()
    }
}

/// The grid: rows (values, then topics) and columns (stories).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// One row per value, in the notebook's order.
    pub values: Vec<Row>,
    /// The behavioural topics, then any other topic a story links to, in
    /// document order.
    pub topics: Vec<Row>,
    /// The stories (columns), in bank order.
    pub stories: Vec<Id>,
}

impl Coverage {
    /// Values no story is linked to.
    pub fn values_without_story(&self) -> usize {
        self.values.iter().filter(|r| r.is_empty()).count()
    }

    /// Every row, values first.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.values.iter().chain(&self.topics)
    }

    /// How many rows a story covers (a story used for many rows stands out).
    pub fn rows_of(&self, story: Id) -> usize {
        self.rows().filter(|r| r.stories.contains(&story)).count()
    }
}

/// The coverage grid of a notebook.
pub fn coverage(nb: &Notebook) -> Coverage {
    let stories_of = |link: Link| -> Vec<Id> {
        nb.stories
            .iter()
            .filter(|s| s.links(link))
            .map(|s| s.id)
            .collect()
    };
    let values = nb
        .values
        .iter()
        .map(|v| Row {
            link: Link::Value(v.id),
            label: v.label.clone(),
            stories: stories_of(Link::Value(v.id)),
        })
        .collect();
    let linked: HashSet<Id> = nb.stories.iter().flat_map(|s| s.topics.clone()).collect();
    let mut behavioural = Vec::new();
    let mut others = Vec::new();
    for s in nb.sections.iter().filter(|s| s.kind.has_items()) {
        // Questions to ask the interviewer are not answered with a story,
        // whatever their group is called; only a topic a story links to
        // is a row there.
        let section_named = s.kind == SectionKind::Topics && is_behavioural(&s.title);
        for g in &s.groups {
            let named = section_named
                || s.kind == SectionKind::Topics && g.title.as_deref().is_some_and(is_behavioural);
            for item in &g.items {
                if !named && !linked.contains(&item.id) {
                    continue;
                }
                let row = Row {
                    link: Link::Topic(item.id),
                    label: item.text.clone(),
                    stories: stories_of(Link::Topic(item.id)),
                };
                if named {
                    behavioural.push(row);
                } else {
                    others.push(row);
                }
            }
        }
    }
    behavioural.extend(others);
    Coverage {
        values,
        topics: behavioural,
        stories: nb.stories.iter().map(|s| s.id).collect(),
    }
}

/// The `prepkit coverage --json` shape (see ARCHITECTURE.md).
#[derive(Debug, Serialize)]
pub struct CoverageReport {
    /// `{"label", "stories"}` per value.
    pub values: Vec<ValueRow>,
    /// `{"id", "title", "stories"}` per topic row.
    pub topics: Vec<TopicRow>,
    /// `{"id", "title"}` per story.
    pub stories: Vec<StoryColumn>,
}

/// A value's row in the JSON.
#[derive(Debug, Serialize)]
pub struct ValueRow {
    /// The value's label.
    pub label: String,
    /// Ids of the stories linked to it.
    pub stories: Vec<u64>,
}

/// A topic's row in the JSON.
#[derive(Debug, Serialize)]
pub struct TopicRow {
    /// The topic's id.
    pub id: u64,
    /// The topic's text.
    pub title: String,
    /// Ids of the stories linked to it.
    pub stories: Vec<u64>,
}

/// A story (column) in the JSON.
#[derive(Debug, Serialize)]
pub struct StoryColumn {
    /// The story's id.
    pub id: u64,
    /// Its title.
    pub title: String,
}

impl CoverageReport {
    /// The report of a notebook's grid.
    pub fn new(nb: &Notebook, grid: &Coverage) -> Self {
        let ids = |r: &Row| r.stories.iter().map(|s| s.0).collect();
        Self {
            values: grid
                .values
                .iter()
                .map(|r| ValueRow {
                    label: r.label.clone(),
                    stories: ids(r),
                })
                .collect(),
            topics: grid
                .topics
                .iter()
                .map(|r| TopicRow {
                    id: match r.link {
                        Link::Topic(id) | Link::Value(id) => id.0,
                    },
                    title: r.label.clone(),
                    stories: ids(r),
                })
                .collect(),
            stories: nb
                .stories
                .iter()
                .map(|s| StoryColumn {
                    id: s.id.0,
                    title: s.title.clone(),
                })
                .collect(),
        }
    }
}

/// The grid as text: one line per row with the stories that cover it, or
/// "no story yet", then the stories and how many rows each covers.
pub fn readable(nb: &Notebook, grid: &Coverage) -> String {
    use std::fmt::Write as _;
    let title = |id: &Id| nb.story(*id).map_or_else(String::new, |s| s.title.clone());
    let mut out = String::new();
    let block = |out: &mut String, heading: &str, rows: &[Row]| {
        let _ = writeln!(out, "{heading}");
        if rows.is_empty() {
            let _ = writeln!(out, "  (none)");
        }
        for r in rows {
            if r.is_empty() {
                let _ = writeln!(out, "  ✗ {}: no story yet", r.label);
            } else {
                let names: Vec<String> = r.stories.iter().map(title).collect();
                let _ = writeln!(out, "  ✓ {}: {}", r.label, names.join(", "));
            }
        }
    };
    block(&mut out, "Values", &grid.values);
    block(&mut out, "Behavioural topics", &grid.topics);
    let _ = writeln!(out, "Stories");
    if grid.stories.is_empty() {
        let _ = writeln!(out, "  (none)");
    }
    for id in &grid.stories {
        let rows = grid.rows_of(*id);
        let plural = if rows == 1 { "row" } else { "rows" };
        let _ = writeln!(out, "  #{} {} ({rows} {plural})", id.0, title(id));
    }
    let _ = writeln!(
        out,
        "{} of {} values without a story",
        grid.values_without_story(),
        grid.values.len()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::import;
    use crate::model::Story;

    const BRIEF: &str = "# Values\n\n- **Collaboration:** together\n- **Ownership:** run it\n\n# Topics\n\n- **Databases:**\n  - Indexing\n- **Behavioural:**\n  - A production incident\n  - Cross-team work\n\n# Questions to ask\n\n- **Culture:**\n  - How do teams disagree?\n  - What is on-call like?\n";

    #[test]
    fn rows_are_values_behavioural_topics_and_linked_topics() {
        let mut nb = import(BRIEF, "b.md").unwrap();
        let grid = coverage(&nb);
        let labels: Vec<&str> = grid.rows().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Collaboration",
                "Ownership",
                "A production incident",
                "Cross-team work"
            ]
        );
        assert_eq!(grid.values_without_story(), 2);

        let collab = nb.values[0].id;
        let indexing = nb.topics().find(|t| t.text == "Indexing").unwrap().id;
        let id = nb.alloc_id();
        let mut story = Story::new(id, "Schema migration");
        story.values.push(collab);
        story.topics.push(indexing);
        nb.stories.push(story);
        let grid = coverage(&nb);
        assert_eq!(grid.values_without_story(), 1);
        assert_eq!(grid.values[0].stories, [id]);
        assert_eq!(grid.topics.last().unwrap().label, "Indexing");
        assert_eq!(grid.rows_of(id), 2);
        let text = readable(&nb, &grid);
        assert!(text.contains("✗ Ownership: no story yet"), "{text}");
        assert!(text.contains("✓ Collaboration: Schema migration"), "{text}");
    }

    #[test]
    fn korean_behavioural_groups_are_rows() {
        let nb = import(
            "# 주제\n\n- **인성 면접:**\n  - 갈등 해결 경험\n- **DB:**\n  - 인덱스\n",
            "k.md",
        )
        .unwrap();
        let grid = coverage(&nb);
        let labels: Vec<&str> = grid.topics.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["갈등 해결 경험"]);
    }
}
