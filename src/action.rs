//! Every change a user (or the CLI) can make to a notebook, as data.
//!
//! Views push `Action`s; [`crate::store::Store::apply`] is the only place they
//! take effect. An action that names an id that no longer exists does nothing.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{
    Confidence, DebriefField, Group, Id, Item, Link, Notebook, Section, SectionKind, Story,
    StoryField, Value,
};

/// Where to move something within its list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Move {
    /// One place up (earlier). Does nothing at the top.
    Up,
    /// One place down (later). Does nothing at the bottom.
    Down,
}

/// One change to a notebook.
/// Serializable, so the crash journal (`persist::journal`) can log it and
/// replay it on the same notebook.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Action {
    /// Sets the notebook's title.
    SetTitle(String),
    /// Sets the company name.
    SetCompany(String),
    /// Sets the role.
    SetRole(String),
    /// Sets (or clears) the interview date and time.
    SetInterviewAt(Option<NaiveDateTime>),

    /// Adds an empty section after `after` (or at the end when `None` or not found).
    AddSection {
        /// The section to insert after.
        after: Option<Id>,
        /// Heading of the new section.
        title: String,
        /// Kind of the new section; Topics and Checklist get one empty group.
        kind: SectionKind,
    },
    /// Removes a section with everything in it (undo brings it back).
    RemoveSection(Id),
    /// Renames a section.
    RenameSection {
        /// The section.
        id: Id,
        /// New heading.
        title: String,
    },
    /// Changes how a section is shown. Prose → Topics/Checklist builds groups
    /// from the section's Markdown lists when it has none; nothing is dropped.
    SetSectionKind {
        /// The section.
        id: Id,
        /// New kind.
        kind: SectionKind,
    },
    /// Replaces a section's Markdown text (marks it as edited by the user).
    SetSectionMarkdown {
        /// The section.
        id: Id,
        /// New text.
        markdown: String,
    },
    /// Replaces a section's user notes.
    SetSectionNotes {
        /// The section.
        id: Id,
        /// New notes.
        notes: String,
    },
    /// Pins a section's notes to the interview-day sheet, or unpins them.
    /// Does nothing when the section already is so.
    SetSectionPinned {
        /// The section.
        id: Id,
        /// Shown on the sheet.
        pinned: bool,
    },
    /// Replaces one text of the debrief (what went well, what to look up,
    /// the thank-you note). Does nothing when the text is the same.
    SetDebriefText {
        /// Which text.
        field: DebriefField,
        /// New text.
        text: String,
    },
    /// Sets the day to send the thank-you note by (`None`: the day after
    /// the interview). Does nothing when it is the same.
    SetSendBy(Option<NaiveDate>),
    /// Moves a section one place.
    MoveSection {
        /// The section.
        id: Id,
        /// Direction.
        to: Move,
    },

    /// Adds a group at the end of a section (does nothing for unknown sections).
    AddGroup {
        /// The section.
        section: Id,
        /// Label of the new group (`None`: untitled).
        title: Option<String>,
    },
    /// Renames a group; an empty title makes it untitled.
    RenameGroup {
        /// The group.
        id: Id,
        /// New label.
        title: String,
    },
    /// Removes a group and its items (undo brings them back).
    RemoveGroup(Id),
    /// Moves a group one place within its section.
    MoveGroup {
        /// The group.
        id: Id,
        /// Direction.
        to: Move,
    },

    /// Adds an item at the end of a group.
    AddItem {
        /// The group.
        group: Id,
        /// Text of the new topic or question.
        text: String,
    },
    /// Changes an item's text.
    SetItemText {
        /// The item.
        id: Id,
        /// New text.
        text: String,
    },
    /// Removes an item (undo brings it back with its ratings and notes).
    RemoveItem(Id),
    /// Moves an item one place; past the end of its group it moves into the
    /// neighbouring group of the same section.
    MoveItem {
        /// The item.
        id: Id,
        /// Direction.
        to: Move,
    },
    /// Rates a topic.
    SetConfidence {
        /// The item.
        id: Id,
        /// New rating.
        confidence: Confidence,
    },
    /// Replaces an item's notes.
    SetItemNotes {
        /// The item.
        id: Id,
        /// New notes.
        notes: String,
    },
    /// Ticks or unticks a checklist item.
    SetDone {
        /// The item.
        id: Id,
        /// Asked / done.
        done: bool,
    },
    /// Records a review of a topic and sets its level in one step: appends a
    /// [`crate::model::Review`] (level before, `confidence` after, time,
    /// seconds) and rates the topic `confidence`, so one undo removes the
    /// event and restores the level. Always changes the notebook when the
    /// item exists (a review at the same level is still a review).
    Review {
        /// The item.
        id: Id,
        /// Rating after the review.
        confidence: Confidence,
        /// When.
        at: DateTime<Utc>,
        /// Seconds spent on the topic (0: not timed).
        seconds: u32,
    },
    /// Removes a topic's latest review and puts its level back to the level
    /// before that review. Used by undo of [`Action::Review`]; does nothing
    /// when the topic has no review.
    DropLastReview(Id),

    /// Replaces the whole notebook, e.g. after re-importing a changed brief
    /// (undo brings the previous one back).
    Replace(Box<Notebook>),

    /// Puts back a removed section at an index. Used by undo.
    RestoreSection {
        /// Position in the section list.
        index: usize,
        /// The section as it was.
        section: Box<Section>,
    },
    /// Puts back a removed group at an index of a section. Used by undo.
    RestoreGroup {
        /// The section.
        section: Id,
        /// Position in the section.
        index: usize,
        /// The group as it was.
        group: Box<Group>,
    },
    /// Puts back a removed item at an index of a group. Used by undo.
    RestoreItem {
        /// The group.
        group: Id,
        /// Position in the group.
        index: usize,
        /// The item as it was.
        item: Box<Item>,
    },
    /// Puts a section's kind and groups back. Used by undo of [`Action::SetSectionKind`].
    RestoreSectionKind {
        /// The section.
        id: Id,
        /// Kind before.
        kind: SectionKind,
        /// Groups before.
        groups: Vec<Group>,
    },
    /// Puts a section's Markdown back with its edited flag. Used by undo.
    RestoreSectionMarkdown {
        /// The section.
        id: Id,
        /// Text before.
        markdown: String,
        /// Edited flag before.
        edited: bool,
    },

    /// Adds a value the user names (at the end of the list).
    AddValue {
        /// The value's name.
        label: String,
    },
    /// Renames a value; does nothing for an empty name.
    RenameValue {
        /// The value.
        id: Id,
        /// New name.
        label: String,
    },
    /// Removes a value; stories keep the link, which shows again if undo
    /// brings the value back.
    RemoveValue(Id),
    /// Puts back a removed value at an index. Used by undo.
    RestoreValue {
        /// Position in the list.
        index: usize,
        /// The value as it was.
        value: Box<Value>,
    },
    /// Adds a story with this title at the end of the bank, linked to
    /// `link` when given (a story started from an empty row of the grid).
    AddStory {
        /// Title of the new story.
        title: String,
        /// A value or topic to link it to at once.
        link: Option<Link>,
    },
    /// Replaces one text field of a story.
    SetStoryField {
        /// The story.
        id: Id,
        /// Which field.
        field: StoryField,
        /// New text.
        text: String,
    },
    /// Replaces a story's tags.
    SetStoryTags {
        /// The story.
        id: Id,
        /// New tags.
        tags: Vec<String>,
    },
    /// Removes a story (undo brings it back with its links and reviews).
    RemoveStory(Id),
    /// Puts back a removed story at an index. Used by undo.
    RestoreStory {
        /// Position in the bank.
        index: usize,
        /// The story as it was.
        story: Box<Story>,
    },
    /// Links a story to a value or topic (`linked: true`) or unlinks it.
    /// Does nothing when it already is (or is not) linked.
    LinkStory {
        /// The story.
        story: Id,
        /// The value or topic.
        to: Link,
        /// Link (true) or unlink (false).
        linked: bool,
    },
    /// Records a practice of a story and sets its level, like
    /// [`Action::Review`] does for a topic.
    ReviewStory {
        /// The story.
        id: Id,
        /// Rating after the practice.
        confidence: Confidence,
        /// When.
        at: DateTime<Utc>,
        /// Seconds spent telling it (0: not timed).
        seconds: u32,
    },
    /// Removes a story's latest review and puts its level back. Used by
    /// undo of [`Action::ReviewStory`]; does nothing without a review.
    DropLastStoryReview(Id),
}

impl Action {
    /// For typing: the field this action edits, so a burst of keystrokes on
    /// the same field becomes one undo step. `None` for discrete actions.
    pub fn coalesce_key(&self) -> Option<(u8, Id)> {
        match self {
            Self::SetTitle(_) => Some((0, Id(0))),
            Self::SetCompany(_) => Some((1, Id(0))),
            Self::SetRole(_) => Some((2, Id(0))),
            Self::RenameSection { id, .. } => Some((3, *id)),
            Self::SetSectionMarkdown { id, .. } => Some((4, *id)),
            Self::SetSectionNotes { id, .. } => Some((5, *id)),
            Self::RenameGroup { id, .. } => Some((6, *id)),
            Self::SetItemText { id, .. } => Some((7, *id)),
            Self::SetItemNotes { id, .. } => Some((8, *id)),
            Self::RenameValue { id, .. } => Some((9, *id)),
            Self::SetStoryTags { id, .. } => Some((10, *id)),
            Self::SetStoryField { id, field, .. } => Some((11 + field.index(), *id)),
            Self::SetDebriefText { field, .. } => Some((debrief_key(*field), Id(0))),
            _ => None,
        }
    }
}

/// The coalesce key of a debrief field (apart from the keys above).
fn debrief_key(field: DebriefField) -> u8 {
    match field {
        DebriefField::WentWell => 20,
        DebriefField::LookUp => 21,
        DebriefField::ThankYou => 22,
    }
}
