//! How the story bank's actions change a notebook, each returning its
//! inverse; [`crate::store::Store::apply`] hands them here.

use crate::action::Action;
use crate::model::{Notebook, Review, Story, Value};

/// Applies one story-bank action; returns the action that undoes it, or
/// `None` if nothing changed (or the action is not a story-bank one).
pub(crate) fn apply(nb: &mut Notebook, action: Action) -> Option<Action> {
    match action {
        Action::AddValue { label } => {
            let label = label.trim().to_owned();
            if label.is_empty() {
                return None;
            }
            let id = nb.alloc_id();
            nb.values.push(Value {
                id,
                label,
                text: String::new(),
                added: true,
            });
            Some(Action::RemoveValue(id))
        }
        Action::RenameValue { id, label } => {
            let label = label.trim().to_owned();
            let v = nb.values.iter_mut().find(|v| v.id == id)?;
            if label.is_empty() || v.label == label {
                return None;
            }
            let old = std::mem::replace(&mut v.label, label);
            Some(Action::RenameValue { id, label: old })
        }
        Action::RemoveValue(id) => {
            let index = nb.values.iter().position(|v| v.id == id)?;
            let value = nb.values.remove(index);
            Some(Action::RestoreValue {
                index,
                value: Box::new(value),
            })
        }
        Action::RestoreValue { index, value } => {
            let id = value.id;
            let index = index.min(nb.values.len());
            nb.values.insert(index, *value);
            Some(Action::RemoveValue(id))
        }
        Action::AddStory { title, link } => {
            let id = nb.alloc_id();
            let mut story = Story::new(id, title);
            if let Some(link) = link {
                let (list, target) = story.links_mut(link);
                list.push(target);
            }
            nb.stories.push(story);
            Some(Action::RemoveStory(id))
        }
        Action::SetStoryField { id, field, text } => {
            let s = nb.story_mut(id)?;
            let slot = s.field_mut(field);
            if *slot == text {
                return None;
            }
            let old = std::mem::replace(slot, text);
            Some(Action::SetStoryField {
                id,
                field,
                text: old,
            })
        }
        Action::SetStoryTags { id, tags } => {
            let s = nb.story_mut(id)?;
            if s.tags == tags {
                return None;
            }
            let old = std::mem::replace(&mut s.tags, tags);
            Some(Action::SetStoryTags { id, tags: old })
        }
        Action::RemoveStory(id) => {
            let index = nb.stories.iter().position(|s| s.id == id)?;
            let story = nb.stories.remove(index);
            Some(Action::RestoreStory {
                index,
                story: Box::new(story),
            })
        }
        Action::RestoreStory { index, story } => {
            let id = story.id;
            let index = index.min(nb.stories.len());
            nb.stories.insert(index, *story);
            Some(Action::RemoveStory(id))
        }
        Action::LinkStory { story, to, linked } => {
            let s = nb.story_mut(story)?;
            if s.links(to) == linked {
                return None;
            }
            let (list, target) = s.links_mut(to);
            if linked {
                list.push(target);
            } else {
                list.retain(|&id| id != target);
            }
            Some(Action::LinkStory {
                story,
                to,
                linked: !linked,
            })
        }
        Action::ReviewStory {
            id,
            confidence,
            at,
            seconds,
        } => {
            let s = nb.story_mut(id)?;
            Review::record(&mut s.confidence, &mut s.reviews, confidence, at, seconds);
            Some(Action::DropLastStoryReview(id))
        }
        Action::DropLastStoryReview(id) => {
            let s = nb.story_mut(id)?;
            let review = Review::drop_last(&mut s.confidence, &mut s.reviews)?;
            Some(Action::ReviewStory {
                id,
                confidence: review.after,
                at: review.at,
                seconds: review.seconds,
            })
        }
        _ => None,
    }
}
