//! One candidate, many interviews: stories copied from another notebook,
//! keeping each link where this notebook has a value or topic of the same
//! normalised label.

use crate::brief::match_key;
use crate::model::{Id, Notebook, Story};

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
        let merged = with_stories_from(&target, &source);
        let copy = &merged.stories[0];
        assert_eq!(copy.title, "Outage");
        assert!(copy.links(Link::Value(target.values[0].id)));
        assert_eq!(copy.values.len(), 1, "Speed has no match and is dropped");
        assert_eq!(copy.topics, [target.topics().next().unwrap().id]);
        assert!(merged.next_id > merged.max_id());
    }
}
