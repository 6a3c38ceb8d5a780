//! One candidate, many interviews: stories copied from another notebook,
//! keeping each link where this notebook has a value or topic of the same
//! normalised label.

use crate::brief::match_key;
use crate::model::{Id, Notebook, Story};

/// What copying stories did: the notebook with the copies, and counts to
/// tell the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Copied {
    /// The target notebook with the copies added.
    pub notebook: Notebook,
    /// Stories copied.
    pub stories: usize,
    /// Links to values and topics kept (the target has a match).
    pub links_kept: usize,
    /// Links dropped (no value or topic of that label in the target).
    pub links_dropped: usize,
}

/// [`with_stories_from`], with what it copied counted.
pub fn copy_stories(target: &Notebook, source: &Notebook) -> Copied {
    let notebook = with_stories_from(target, source);
    let links = |s: &Story| s.values.len() + s.topics.len();
    let before: usize = source.stories.iter().map(links).sum();
    let kept: usize = notebook
        .stories
        .iter()
        .skip(target.stories.len())
        .map(links)
        .sum();
    Copied {
        notebook,
        stories: source.stories.len(),
        links_kept: kept,
        links_dropped: before.saturating_sub(kept),
    }
}

/// `target` with copies of `source`'s stories added (fresh ids, no
/// reviews: practice counts per interview). A link to a value or topic
/// stays when `target` has one with the same normalised label or text;
/// other links are dropped. Apply it with [`crate::action::Action::Replace`]
/// so one undo takes the copy back.
pub fn with_stories_from(target: &Notebook, source: &Notebook) -> Notebook {
    let mut out = target.clone();
    out.repair_ids();
    let value_in = |id: &Id| -> Option<Id> {
        let label = match_key(&source.value(*id)?.label);
        target
            .values
            .iter()
            .find(|v| match_key(&v.label) == label)
            .map(|v| v.id)
    };
    let topic_in = |id: &Id| -> Option<Id> {
        let text = match_key(&source.item(*id)?.text);
        target
            .topics()
            .find(|t| match_key(&t.text) == text)
            .map(|t| t.id)
    };
    for s in &source.stories {
        let story = Story {
            id: out.alloc_id(),
            values: s.values.iter().filter_map(value_in).collect(),
            topics: s.topics.iter().filter_map(topic_in).collect(),
            reviews: Vec::new(),
            confidence: crate::model::Confidence::Unrated,
            ..s.clone()
        };
        out.stories.push(story);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::import;
    use crate::model::Link;

    #[test]
    fn links_survive_where_labels_match() {
        let mut source = import(
            "# Values\n\n- **Ownership:** x\n- **Speed:** y\n\n# Topics\n\n- **Behavioural:**\n  - A production incident\n",
            "a.md",
        )
        .unwrap();
        let id = source.alloc_id();
        let mut story = Story::new(id, "Outage");
        story.values = source.values.iter().map(|v| v.id).collect();
        story.topics = source.topics().map(|t| t.id).collect();
        source.stories.push(story);

        let target = import(
            "# 가치\n\n- **ownership**: z\n\n# Topics\n\n- **Behavioural:**\n  - a production  incident\n",
            "b.md",
        )
        .unwrap();
        let copied = copy_stories(&target, &source);
        assert_eq!(
            (copied.stories, copied.links_kept, copied.links_dropped),
            (1, 2, 1)
        );
        let merged = copied.notebook;
        let copy = &merged.stories[0];
        assert_eq!(copy.title, "Outage");
        assert!(copy.links(Link::Value(target.values[0].id)));
        assert_eq!(copy.values.len(), 1, "Speed has no match and is dropped");
        assert_eq!(copy.topics, [target.topics().next().unwrap().id]);
        assert!(merged.next_id > merged.max_id());
    }
}
