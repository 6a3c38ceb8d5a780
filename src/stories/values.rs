//! The company's values in a brief: the list items of a section (or a
//! sub-heading) about values or principles that open with a bold or italic
//! label, e.g. `- **Ownership:** we run what we build.` And keeping them
//! matched when the brief is imported again.

use std::collections::HashSet;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::brief::{BriefSection, Queues, clean_label, match_key};
use crate::model::{Id, Notebook, Value};

/// Words in a heading that announce the company's values (lowercase).
const VALUE_WORDS: [&str; 7] = [
    "value",
    "principle",
    "tenet",
    "가치",
    "인재상",
    "원칙",
    "핵심가치",
];

/// True if a heading names values or principles ("Mission and Values",
/// "Leadership Principles", "핵심가치", "인재상").
pub fn names_values(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    VALUE_WORDS.iter().any(|w| lower.contains(w))
}

/// The values of a parsed brief, as (label, text), in document order; a
/// label seen twice counts once.
pub fn brief_values(sections: &[BriefSection]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    // Labels seen, by key: one lookup per value, not a scan of those before.
    let mut seen: HashSet<String> = HashSet::new();
    for s in sections {
        for (label, text) in values_in(names_values(&s.title), &s.markdown) {
            if seen.insert(match_key(&label)) {
                out.push((label, text));
            }
        }
    }
    out
}

/// Where the reader is inside one list item.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Nothing read yet.
    Start,
    /// Inside the opening bold or italic run, this many levels deep.
    Label(usize),
    /// After the label, in the item's first paragraph.
    Text,
    /// Past the first paragraph, or the item has no label.
    Done,
}

struct Entry {
    phase: Phase,
    label: String,
    text: String,
    group: bool,
}

/// The labelled list items of `markdown` that stand under a values heading:
/// the section's own (`in_values`) or a sub-heading inside the Markdown.
fn values_in(in_values: bool, markdown: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut active = in_values;
    let mut heading: Option<String> = None;
    let mut stack: Vec<Entry> = Vec::new();
    for event in Parser::new(markdown) {
        if let Some(h) = heading.as_mut() {
            match event {
                Event::Text(t) | Event::Code(t) => h.push_str(&t),
                Event::End(TagEnd::Heading(_)) => {
                    active = in_values || names_values(h);
                    heading = None;
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Heading { .. }) if stack.is_empty() => heading = Some(String::new()),
            Event::Start(Tag::Item) => stack.push(Entry {
                phase: Phase::Start,
                label: String::new(),
                text: String::new(),
                group: false,
            }),
            Event::End(TagEnd::Item) => {
                let Some(entry) = stack.pop() else { continue };
                let label = clean_label(&entry.label);
                if active && !label.is_empty() && !entry.group {
                    let text = entry
                        .text
                        .trim_start_matches([':', '：', '—', '–', '-', ' '])
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    out.push((label, text));
                }
            }
            Event::Start(Tag::Strong | Tag::Emphasis) => {
                if let Some(top) = stack.last_mut() {
                    top.phase = match top.phase {
                        Phase::Start => Phase::Label(1),
                        Phase::Label(n) => Phase::Label(n + 1),
                        other => other,
                    };
                }
            }
            Event::End(TagEnd::Strong | TagEnd::Emphasis) => {
                if let Some(top) = stack.last_mut()
                    && let Phase::Label(n) = top.phase
                {
                    top.phase = if n > 1 {
                        Phase::Label(n - 1)
                    } else {
                        Phase::Text
                    };
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(top) = stack.last_mut() {
                    match top.phase {
                        Phase::Label(_) => top.label.push_str(&t),
                        Phase::Text => top.text.push_str(&t),
                        Phase::Start if !t.trim().is_empty() => top.phase = Phase::Done,
                        Phase::Start | Phase::Done => {}
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(top) = stack.last_mut()
                    && top.phase == Phase::Text
                {
                    top.text.push(' ');
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some(top) = stack.last_mut() {
                    top.phase = Phase::Done;
                }
            }
            Event::Start(Tag::List(_)) => {
                // An item holding a list is a group, not a value.
                if let Some(top) = stack.last_mut() {
                    top.phase = Phase::Done;
                    top.group = true;
                }
            }
            _ => {}
        }
    }
    out
}

/// Builds the notebook's values from the brief's, with fresh ids.
pub fn add_values(nb: &mut Notebook, values: Vec<(String, String)>) {
    for (label, text) in values {
        let id = nb.alloc_id();
        nb.values.push(Value {
            id,
            label,
            text,
            added: false,
        });
    }
}

/// Re-import: `out.values` (the user's) become the fresh brief's values,
/// matched by normalised label. A matched value keeps its id (so its
/// stories stay linked) and takes the brief's text; a value the brief no
/// longer names stays when the user added it or a story is linked to it.
pub fn merge_values(out: &mut Notebook, fresh: Vec<Value>) {
    let old = std::mem::take(&mut out.values);
    // Each fresh value takes the first old one of its label not taken yet:
    // one lookup each, so a brief of many values merges in linear time.
    let mut by_label = Queues::new(old.iter().map(|v| match_key(&v.label)));
    let mut old: Vec<Option<Value>> = old.into_iter().map(Some).collect();
    let mut values = Vec::with_capacity(fresh.len());
    for f in fresh {
        let found = by_label
            .take(match_key(&f.label).as_str())
            .and_then(|i| old.get_mut(i)?.take());
        let value = match found {
            Some(v) => Value { text: f.text, ..v },
            None => Value {
                id: out.alloc_id(),
                ..f
            },
        };
        values.push(value);
    }
    let linked: HashSet<Id> = out
        .stories
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .collect();
    values.extend(
        old.into_iter()
            .flatten()
            .filter(|v| v.added || linked.contains(&v.id)),
    );
    out.values = values;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(md: &str) -> Vec<(String, String)> {
        values_in(true, md)
    }

    /// A label seen before is found by lookup: importing n values makes
    /// one key each. Comparing each with every value before it made n²
    /// (5,000 values took 209 s to import in a debug build, 0.5 s now).
    #[test]
    fn values_are_told_apart_with_a_linear_number_of_keys() {
        use std::fmt::Write as _;
        let n = 2_000;
        let mut md = String::from("# Many\n\n## Values\n\n");
        for i in 0..n {
            let _ = writeln!(md, "- **Value {i}:** text");
        }
        md.push_str("- **VALUE  0:** said twice\n");
        let before = crate::brief::keys_made();
        let nb = crate::brief::import(&md, "b.md").unwrap();
        let made = crate::brief::keys_made() - before;
        assert!(made <= 3 * n, "{made} keys for {n} values");
        assert_eq!(nb.values.len(), n, "a label seen twice counts once");
    }

    #[test]
    fn bold_and_italic_labels_become_values_and_plain_items_do_not() {
        let md = "Our mission: ship.\n\n- **Ownership:** we run what we build.\n- _Plain writing:_ short docs,\n  read by all.\n- *Candour* — say it early\n- Just a line\n- `code` first\n";
        assert_eq!(
            labels(md),
            [
                ("Ownership".into(), "we run what we build.".into()),
                ("Plain writing".into(), "short docs, read by all.".into()),
                ("Candour".into(), "say it early".into()),
            ]
        );
    }

    #[test]
    fn a_values_sub_heading_counts_and_other_sections_do_not() {
        let md = "Intro.\n\n- **News:** raised money\n\n### Our values\n\n- **Trust**: first\n";
        assert_eq!(values_in(false, md), [("Trust".into(), "first".into())]);
        assert!(values_in(false, "- **Hiring:** growing\n").is_empty());
        let grouped = "- **Values:**\n  - **Trust**: first\n";
        assert_eq!(values_in(true, grouped), [("Trust".into(), "first".into())]);
    }

    #[test]
    fn headings_name_values_in_english_and_korean() {
        for h in [
            "Mission and Values",
            "Leadership Principles",
            "핵심가치",
            "인재상",
            "우리의 가치",
        ] {
            assert!(names_values(h), "{h}");
        }
        assert!(!names_values("Recent News"));
    }
}
