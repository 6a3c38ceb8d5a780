//! The store: a notebook plus its undo history. The one place a notebook changes.
//!
//! Every [`Action`] applied here records its inverse, so undo and redo work for
//! every change, deletions and ratings included. A burst of typing into one
//! field within [`COALESCE_WINDOW`] becomes a single undo step.

use std::time::{Duration, Instant};

use chrono::Utc;

use crate::action::{Action, Move};
use crate::brief;
use crate::model::{Group, Id, Item, Notebook, Review, Section};

/// Keystrokes into the same field closer together than this undo together.
pub const COALESCE_WINDOW: Duration = Duration::from_millis(1200);

/// How many undo steps are kept.
const MAX_UNDO: usize = 500;

struct Step {
    /// Applying these, in order, undoes the step.
    inverse: Vec<Action>,
    coalesce: Option<(u8, Id)>,
    at: Instant,
}

/// A notebook with undo/redo and a revision counter for autosave.
pub struct Store {
    notebook: Notebook,
    undo: Vec<Step>,
    redo: Vec<Step>,
    revision: u64,
}

impl Store {
    /// Wraps a notebook; the history starts empty.
    pub fn new(mut notebook: Notebook) -> Self {
        notebook.repair_ids();
        Self {
            notebook,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
        }
    }

    /// The notebook, read-only. Change it with [`Store::apply`].
    pub fn notebook(&self) -> &Notebook {
        &self.notebook
    }

    /// Increases by one with every change, undo and redo included.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True if there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True if there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies a user action. Returns `true` if the notebook changed.
    pub fn apply(&mut self, action: Action) -> bool {
        let coalesce = action.coalesce_key();
        let Some(inverse) = apply_raw(&mut self.notebook, action) else {
            return false;
        };
        self.changed();
        self.redo.clear();
        let now = Instant::now();
        if let (Some(key), Some(last)) = (coalesce, self.undo.last_mut())
            && last.coalesce == Some(key)
            && now.duration_since(last.at) < COALESCE_WINDOW
        {
            // Same field, still typing: keep the oldest inverse, extend the window.
            last.at = now;
            return true;
        }
        self.undo.push(Step {
            inverse: vec![inverse],
            coalesce,
            at: now,
        });
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
        true
    }

    /// Undoes the last step. Returns `false` if there was none.
    pub fn undo(&mut self) -> bool {
        self.undo_applied().is_some()
    }

    /// Undoes the last step and returns the actions that did it, in the
    /// order they were applied (the crash journal logs them); `None` if
    /// there was nothing to undo.
    pub fn undo_applied(&mut self) -> Option<Vec<Action>> {
        let step = self.undo.pop()?;
        let (redo, applied) = self.run_inverse(step.inverse);
        self.redo.push(Step {
            inverse: redo,
            coalesce: None,
            at: Instant::now(),
        });
        Some(applied)
    }

    /// Redoes the last undone step. Returns `false` if there was none.
    pub fn redo(&mut self) -> bool {
        self.redo_applied().is_some()
    }

    /// Redoes the last undone step and returns the actions that did it, as
    /// [`Store::undo_applied`].
    pub fn redo_applied(&mut self) -> Option<Vec<Action>> {
        let step = self.redo.pop()?;
        let (undo, applied) = self.run_inverse(step.inverse);
        self.undo.push(Step {
            inverse: undo,
            coalesce: None,
            at: Instant::now(),
        });
        Some(applied)
    }

    /// Ends the current typing burst, so the next keystroke starts a new undo step.
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.last_mut() {
            last.coalesce = None;
        }
    }

    /// Applies a step's inverse; returns the step that undoes it and the
    /// actions that changed the notebook, in the order applied.
    fn run_inverse(&mut self, actions: Vec<Action>) -> (Vec<Action>, Vec<Action>) {
        let mut back = Vec::new();
        let mut applied = Vec::new();
        for action in actions.into_iter().rev() {
            let copy = action.clone();
            if let Some(inv) = apply_raw(&mut self.notebook, action) {
                back.push(inv);
                applied.push(copy);
            }
        }
        back.reverse();
        self.changed();
        (back, applied)
    }

    fn changed(&mut self) {
        self.revision += 1;
        self.notebook.updated = Utc::now();
    }
}

/// Applies one action; returns the action that undoes it, or `None` if nothing changed.
fn apply_raw(nb: &mut Notebook, action: Action) -> Option<Action> {
    match action {
        Action::SetTitle(v) => swap(&mut nb.title, v).map(Action::SetTitle),
        Action::SetCompany(v) => swap(&mut nb.company, v).map(Action::SetCompany),
        Action::SetRole(v) => swap(&mut nb.role, v).map(Action::SetRole),
        Action::SetInterviewAt(v) => swap(&mut nb.interview_at, v).map(Action::SetInterviewAt),

        Action::AddSection { after, title, kind } => {
            let id = nb.alloc_id();
            let mut section = Section {
                id,
                title,
                kind,
                added: true,
                ..Section::default()
            };
            if kind.has_items() {
                section.groups.push(Group {
                    id: nb.alloc_id(),
                    ..Group::default()
                });
            }
            let index = after
                .and_then(|a| nb.sections.iter().position(|s| s.id == a))
                .map_or(nb.sections.len(), |p| p + 1);
            nb.sections.insert(index, section);
            Some(Action::RemoveSection(id))
        }
        Action::RemoveSection(id) => {
            let index = nb.sections.iter().position(|s| s.id == id)?;
            let section = nb.sections.remove(index);
            Some(Action::RestoreSection {
                index,
                section: Box::new(section),
            })
        }
        Action::RestoreSection { index, section } => {
            let id = section.id;
            let index = index.min(nb.sections.len());
            nb.sections.insert(index, *section);
            Some(Action::RemoveSection(id))
        }
        Action::RenameSection { id, title } => {
            let s = nb.section_mut(id)?;
            swap(&mut s.title, title).map(|title| Action::RenameSection { id, title })
        }
        Action::SetSectionKind { id, kind } => {
            let needs_groups = {
                let s = nb.section(id)?;
                if s.kind == kind {
                    return None;
                }
                kind.has_items() && s.groups.iter().all(|g| g.items.is_empty())
            };
            let parsed = if needs_groups {
                let md = nb.section(id)?.markdown.clone();
                brief::groups_from_markdown(&md, nb)
            } else {
                Vec::new()
            };
            let s = nb.section_mut(id)?;
            let old_kind = std::mem::replace(&mut s.kind, kind);
            let old_groups = if needs_groups {
                std::mem::replace(&mut s.groups, parsed)
            } else {
                s.groups.clone()
            };
            if kind.has_items() && s.groups.is_empty() {
                let gid = nb.alloc_id();
                if let Some(s) = nb.section_mut(id) {
                    s.groups.push(Group {
                        id: gid,
                        ..Group::default()
                    });
                }
            }
            Some(Action::RestoreSectionKind {
                id,
                kind: old_kind,
                groups: old_groups,
            })
        }
        Action::RestoreSectionKind { id, kind, groups } => {
            let s = nb.section_mut(id)?;
            let old_kind = std::mem::replace(&mut s.kind, kind);
            let old_groups = std::mem::replace(&mut s.groups, groups);
            Some(Action::RestoreSectionKind {
                id,
                kind: old_kind,
                groups: old_groups,
            })
        }
        Action::SetSectionMarkdown { id, markdown } => {
            let s = nb.section_mut(id)?;
            if s.markdown == markdown {
                return None;
            }
            let old = std::mem::replace(&mut s.markdown, markdown);
            let edited = std::mem::replace(&mut s.markdown_edited, true);
            Some(Action::RestoreSectionMarkdown {
                id,
                markdown: old,
                edited,
            })
        }
        Action::RestoreSectionMarkdown {
            id,
            markdown,
            edited,
        } => {
            let s = nb.section_mut(id)?;
            let old = std::mem::replace(&mut s.markdown, markdown);
            let old_edited = std::mem::replace(&mut s.markdown_edited, edited);
            Some(Action::RestoreSectionMarkdown {
                id,
                markdown: old,
                edited: old_edited,
            })
        }
        Action::SetSectionNotes { id, notes } => {
            let s = nb.section_mut(id)?;
            swap(&mut s.notes, notes).map(|notes| Action::SetSectionNotes { id, notes })
        }
        Action::SetSectionPinned { id, pinned } => {
            let s = nb.section_mut(id)?;
            swap(&mut s.pinned, pinned).map(|pinned| Action::SetSectionPinned { id, pinned })
        }
        Action::SetDebriefText { field, text } => swap(nb.debrief.text_mut(field), text)
            .map(|text| Action::SetDebriefText { field, text }),
        Action::SetSendBy(day) => swap(&mut nb.debrief.send_by, day).map(Action::SetSendBy),
        Action::MoveSection { id, to } => {
            let index = nb.sections.iter().position(|s| s.id == id)?;
            let target = step(index, to, nb.sections.len())?;
            nb.sections.swap(index, target);
            Some(Action::MoveSection {
                id,
                to: opposite(to),
            })
        }

        Action::AddGroup { section, title } => {
            nb.section(section)?;
            let id = nb.alloc_id();
            let s = nb.section_mut(section)?;
            s.groups.push(Group {
                id,
                title: title.filter(|t| !t.trim().is_empty()),
                items: Vec::new(),
            });
            Some(Action::RemoveGroup(id))
        }
        Action::RenameGroup { id, title } => {
            let g = nb.group_mut(id)?;
            let new = Some(title).filter(|t| !t.trim().is_empty());
            swap(&mut g.title, new).map(|old| Action::RenameGroup {
                id,
                title: old.unwrap_or_default(),
            })
        }
        Action::RemoveGroup(id) => {
            let (section, index) = nb.locate_group(id)?;
            let s = nb.section_mut(section)?;
            let group = s.groups.remove(index);
            Some(Action::RestoreGroup {
                section,
                index,
                group: Box::new(group),
            })
        }
        Action::RestoreGroup {
            section,
            index,
            group,
        } => {
            let id = group.id;
            let s = nb.section_mut(section)?;
            let index = index.min(s.groups.len());
            s.groups.insert(index, *group);
            Some(Action::RemoveGroup(id))
        }
        Action::MoveGroup { id, to } => {
            let (section, index) = nb.locate_group(id)?;
            let s = nb.section_mut(section)?;
            let target = step(index, to, s.groups.len())?;
            s.groups.swap(index, target);
            Some(Action::MoveGroup {
                id,
                to: opposite(to),
            })
        }

        Action::AddItem { group, text } => {
            nb.group(group)?;
            let id = nb.alloc_id();
            let mut item = Item::new(id, text);
            item.added = true;
            nb.group_mut(group)?.items.push(item);
            Some(Action::RemoveItem(id))
        }
        Action::SetItemText { id, text } => {
            let i = nb.item_mut(id)?;
            swap(&mut i.text, text).map(|text| Action::SetItemText { id, text })
        }
        Action::RemoveItem(id) => {
            let (_, group, index) = nb.locate_item(id)?;
            let item = nb.group_mut(group)?.items.remove(index);
            Some(Action::RestoreItem {
                group,
                index,
                item: Box::new(item),
            })
        }
        Action::RestoreItem { group, index, item } => {
            let id = item.id;
            let g = nb.group_mut(group)?;
            let index = index.min(g.items.len());
            g.items.insert(index, *item);
            Some(Action::RemoveItem(id))
        }
        Action::MoveItem { id, to } => move_item(nb, id, to),
        Action::SetConfidence { id, confidence } => {
            let i = nb.item_mut(id)?;
            swap(&mut i.confidence, confidence)
                .map(|confidence| Action::SetConfidence { id, confidence })
        }
        Action::SetItemNotes { id, notes } => {
            let i = nb.item_mut(id)?;
            swap(&mut i.notes, notes).map(|notes| Action::SetItemNotes { id, notes })
        }
        Action::SetDone { id, done } => {
            let i = nb.item_mut(id)?;
            swap(&mut i.done, done).map(|done| Action::SetDone { id, done })
        }
        Action::Review {
            id,
            confidence,
            at,
            seconds,
        } => {
            let i = nb.item_mut(id)?;
            Review::record(&mut i.confidence, &mut i.reviews, confidence, at, seconds);
            Some(Action::DropLastReview(id))
        }
        Action::DropLastReview(id) => {
            let i = nb.item_mut(id)?;
            let review = Review::drop_last(&mut i.confidence, &mut i.reviews)?;
            Some(Action::Review {
                id,
                confidence: review.after,
                at: review.at,
                seconds: review.seconds,
            })
        }
        Action::Replace(new) => {
            if *nb == *new {
                return None;
            }
            let mut new = *new;
            new.repair_ids();
            let old = std::mem::replace(nb, new);
            Some(Action::Replace(Box::new(old)))
        }
        action @ (Action::AddValue { .. }
        | Action::RenameValue { .. }
        | Action::RemoveValue(_)
        | Action::RestoreValue { .. }
        | Action::AddStory { .. }
        | Action::SetStoryField { .. }
        | Action::SetStoryTags { .. }
        | Action::RemoveStory(_)
        | Action::RestoreStory { .. }
        | Action::LinkStory { .. }
        | Action::ReviewStory { .. }
        | Action::DropLastStoryReview(_)) => crate::stories::apply(nb, action),
    }
}

/// Replaces `slot` with `new`; returns the old value if it differed.
fn swap<T: PartialEq>(slot: &mut T, new: T) -> Option<T> {
    if *slot == new {
        None
    } else {
        Some(std::mem::replace(slot, new))
    }
}

fn step(index: usize, to: Move, len: usize) -> Option<usize> {
    match to {
        Move::Up => index.checked_sub(1),
        Move::Down => (index + 1 < len).then_some(index + 1),
    }
}

fn opposite(to: Move) -> Move {
    match to {
        Move::Up => Move::Down,
        Move::Down => Move::Up,
    }
}

/// Moves an item within its group, or across into the neighbouring group.
fn move_item(nb: &mut Notebook, id: Id, to: Move) -> Option<Action> {
    let (section, group, index) = nb.locate_item(id)?;
    let s = nb.section_mut(section)?;
    let gi = s.groups.iter().position(|g| g.id == group)?;
    let len = s.groups.get(gi)?.items.len();
    if let Some(target) = step(index, to, len) {
        s.groups.get_mut(gi)?.items.swap(index, target);
        return Some(Action::MoveItem {
            id,
            to: opposite(to),
        });
    }
    // At the edge of its group: hop into the neighbouring group.
    let other = step(gi, to, s.groups.len())?;
    let item = s.groups.get_mut(gi)?.items.remove(index);
    let dest = s.groups.get_mut(other)?;
    match to {
        Move::Up => dest.items.push(item),
        Move::Down => dest.items.insert(0, item),
    }
    Some(Action::MoveItem {
        id,
        to: opposite(to),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Confidence, SectionKind};

    fn sample() -> Store {
        let md = "# Topics\n\n- **A:**\n  - one\n  - two\n- **B**\n  - three\n\n# Questions\n\n- Why?\n- How?\n";
        Store::new(brief::import(md, "test").expect("import"))
    }

    fn first_item(store: &Store) -> Id {
        store.notebook().sections[0].groups[0].items[0].id
    }

    #[test]
    fn undo_and_redo_a_rating() {
        let mut store = sample();
        let id = first_item(&store);
        assert!(store.apply(Action::SetConfidence {
            id,
            confidence: Confidence::Shaky
        }));
        assert_eq!(
            store.notebook().item(id).unwrap().confidence,
            Confidence::Shaky
        );
        assert!(store.undo());
        assert_eq!(
            store.notebook().item(id).unwrap().confidence,
            Confidence::Unrated
        );
        assert!(store.redo());
        assert_eq!(
            store.notebook().item(id).unwrap().confidence,
            Confidence::Shaky
        );
    }

    #[test]
    fn a_review_records_an_event_and_one_undo_takes_it_back_with_the_level() {
        let mut store = sample();
        let id = first_item(&store);
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-01T09:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert!(store.apply(Action::Review {
            id,
            confidence: Confidence::Okay,
            at,
            seconds: 95,
        }));
        let item = store.notebook().item(id).unwrap();
        assert_eq!(item.confidence, Confidence::Okay);
        assert_eq!(
            item.reviews,
            vec![Review {
                at,
                before: Confidence::Unrated,
                after: Confidence::Okay,
                seconds: 95,
            }]
        );
        assert_eq!(item.last_reviewed(), Some(at));
        assert!(store.undo());
        let item = store.notebook().item(id).unwrap();
        assert_eq!(item.confidence, Confidence::Unrated);
        assert!(item.reviews.is_empty());
        assert!(!store.can_undo());
        assert!(store.redo());
        let item = store.notebook().item(id).unwrap();
        assert_eq!(item.confidence, Confidence::Okay);
        assert_eq!(item.reviews.len(), 1);
        assert_eq!(item.reviews[0].before, Confidence::Unrated);
    }

    #[test]
    fn removed_item_comes_back_with_notes_and_id() {
        let mut store = sample();
        let id = first_item(&store);
        store.apply(Action::SetItemNotes {
            id,
            notes: "event loop".into(),
        });
        store.seal();
        store.apply(Action::RemoveItem(id));
        assert!(store.notebook().item(id).is_none());
        store.undo();
        let item = store.notebook().item(id).unwrap();
        assert_eq!(item.notes, "event loop");
        assert_eq!(store.notebook().sections[0].groups[0].items[0].id, id);
    }

    #[test]
    fn typing_burst_is_one_undo_step() {
        let mut store = sample();
        let id = first_item(&store);
        for n in ["a", "ab", "abc"] {
            store.apply(Action::SetItemNotes {
                id,
                notes: n.into(),
            });
        }
        store.undo();
        assert_eq!(store.notebook().item(id).unwrap().notes, "");
        assert!(!store.can_undo());
    }

    #[test]
    fn no_op_actions_do_not_touch_history() {
        let mut store = sample();
        let id = first_item(&store);
        assert!(!store.apply(Action::SetConfidence {
            id,
            confidence: Confidence::Unrated
        }));
        assert!(!store.apply(Action::RemoveItem(Id(9_999))));
        assert!(!store.can_undo());
        assert_eq!(store.revision(), 0);
    }

    #[test]
    fn item_moves_across_groups_and_back() {
        let mut store = sample();
        let nb = store.notebook();
        let two = nb.sections[0].groups[0].items[1].id;
        store.apply(Action::MoveItem {
            id: two,
            to: Move::Down,
        });
        assert_eq!(store.notebook().sections[0].groups[1].items[0].id, two);
        store.undo();
        assert_eq!(store.notebook().sections[0].groups[0].items[1].id, two);
    }

    #[test]
    fn kind_change_keeps_items_and_undoes() {
        let mut store = sample();
        let sid = store.notebook().sections[0].id;
        store.apply(Action::SetSectionKind {
            id: sid,
            kind: SectionKind::Prose,
        });
        assert_eq!(store.notebook().sections[0].kind, SectionKind::Prose);
        assert_eq!(store.notebook().sections[0].items().count(), 3);
        store.apply(Action::SetSectionKind {
            id: sid,
            kind: SectionKind::Checklist,
        });
        assert_eq!(store.notebook().sections[0].items().count(), 3);
        store.undo();
        store.undo();
        assert_eq!(store.notebook().sections[0].kind, SectionKind::Topics);
    }

    #[test]
    fn pinning_and_debrief_typing_undo_in_one_step_each() {
        use crate::model::DebriefField;
        let mut store = sample();
        let sid = store.notebook().sections[0].id;
        assert!(store.apply(Action::SetSectionPinned {
            id: sid,
            pinned: true
        }));
        assert!(!store.apply(Action::SetSectionPinned {
            id: sid,
            pinned: true
        }));
        store.seal();
        for text in ["c", "ca", "calm"] {
            store.apply(Action::SetDebriefText {
                field: DebriefField::WentWell,
                text: text.into(),
            });
        }
        assert_eq!(store.notebook().debrief.went_well, "calm");
        store.undo();
        assert_eq!(store.notebook().debrief.went_well, "");
        assert!(store.notebook().sections[0].pinned);
        store.undo();
        assert!(!store.notebook().sections[0].pinned);
        assert!(!store.can_undo());
    }

    #[test]
    fn removed_section_comes_back_in_place() {
        let mut store = sample();
        let sid = store.notebook().sections[0].id;
        store.apply(Action::RemoveSection(sid));
        assert_eq!(store.notebook().sections.len(), 1);
        store.undo();
        assert_eq!(store.notebook().sections[0].id, sid);
    }
}
