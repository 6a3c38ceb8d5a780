//! The notebook: what the user edits, rates and reviews.
//!
//! Plain data with serde, no egui types, so the importer, the store, the
//! exporters, the CLI and the GUI all share one shape. Every persisted struct
//! defaults missing fields, so older files load; `schema_version` tells newer
//! files apart (see `persist`).

mod confidence;
mod dates;
mod debrief;
mod story;

pub use confidence::Confidence;
pub use dates::{FIRST_YEAR, LAST_YEAR, date_in_range, first_date, last_date};
pub use debrief::{Debrief, DebriefField};
pub use story::{Link, Story, StoryField, Value};

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

/// The schema this build writes. Files with a larger number are refused.
pub const SCHEMA_VERSION: u32 = 2;

/// A stable identifier for a section, group or item.
///
/// Ids are handed out by [`Notebook::next_id`] and never reused within a
/// notebook, so they stay valid across edits, undo and re-import.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Id(pub u64);

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// What a section holds and how the app shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// Markdown text, shown rendered, editable.
    #[default]
    Prose,
    /// Topics to rate for confidence, in groups.
    Topics,
    /// Questions or tasks to tick off, in groups.
    Checklist,
}

impl SectionKind {
    /// All kinds, in the order the UI offers them.
    pub const ALL: [Self; 3] = [Self::Prose, Self::Topics, Self::Checklist];

    /// The lowercase name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Prose => "prose",
            Self::Topics => "topics",
            Self::Checklist => "checklist",
        }
    }

    /// True for kinds whose content lives in groups of items.
    pub fn has_items(self) -> bool {
        !matches!(self, Self::Prose)
    }
}

/// A whole interview: the brief's sections plus everything the user added.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Notebook {
    /// Schema of the file this was read from (or [`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// File-name-safe identifier; the notebook is stored as `<id>.json`.
    pub id: String,
    /// Where the brief came from: a path, or `built-in`.
    pub brief_source: String,
    /// The notebook's title (the brief's title, or derived from it).
    pub title: String,
    /// The company interviewed at.
    pub company: String,
    /// The role interviewed for.
    pub role: String,
    /// Local date and time of the interview, if known.
    pub interview_at: Option<NaiveDateTime>,
    /// The sections, in display order.
    pub sections: Vec<Section>,
    /// When the notebook was first created.
    pub created: DateTime<Utc>,
    /// When the notebook last changed.
    pub updated: DateTime<Utc>,
    /// The next id to hand out; always larger than every id in use.
    pub next_id: u64,
    /// The company's values (from the brief, or added by the user).
    pub values: Vec<Value>,
    /// The user's STAR stories.
    pub stories: Vec<Story>,
    /// The debrief written after the interview (left out of the file while empty).
    #[serde(skip_serializing_if = "Debrief::is_empty")]
    pub debrief: Debrief,
}

impl Default for Notebook {
    fn default() -> Self {
        let now = Utc::now();
        Self {
            schema_version: SCHEMA_VERSION,
            id: String::new(),
            brief_source: String::new(),
            title: String::new(),
            company: String::new(),
            role: String::new(),
            interview_at: None,
            sections: Vec::new(),
            created: now,
            updated: now,
            next_id: 1,
            values: Vec::new(),
            stories: Vec::new(),
            debrief: Debrief::default(),
        }
    }
}

/// For `skip_serializing_if`: what is false by default is not written (a
/// notebook of two million sections was a 448 MB file, mostly defaults;
/// every field reads back as its default when missing).
#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference
fn is_false(b: &bool) -> bool {
    !*b
}

/// One part of the notebook, e.g. "Company Overview" or "Likely Interview Topics".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Section {
    /// Stable id.
    pub id: Id,
    /// Heading; empty for the untitled introduction before the first heading.
    pub title: String,
    /// How the section is shown.
    pub kind: SectionKind,
    /// The section's own Markdown text (the brief's body, editable).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub markdown: String,
    /// True once the user edited `markdown`; re-import then keeps their text.
    #[serde(skip_serializing_if = "is_false")]
    pub markdown_edited: bool,
    /// The user's own notes for this section (Markdown).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// True if the user added this section (it is not from the brief).
    #[serde(skip_serializing_if = "is_false")]
    pub added: bool,
    /// True if the user pinned the section's notes to the interview-day sheet.
    #[serde(skip_serializing_if = "is_false")]
    pub pinned: bool,
    /// Groups of items, for Topics and Checklist sections.
    ///
    /// Kept when the kind changes to Prose, so switching back loses nothing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
}

/// A labelled run of items inside a section, e.g. "Python & FastAPI".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Group {
    /// Stable id.
    pub id: Id,
    /// The group's label; `None` for items that had no group in the brief.
    pub title: Option<String>,
    /// The topics or questions, in order.
    pub items: Vec<Item>,
}

/// A topic to rate, or a question/task to tick.
///
/// One type serves both kinds so a section can change kind without loss.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Item {
    /// Stable id.
    pub id: Id,
    /// The topic or question, plain text.
    pub text: String,
    /// Markdown the brief nested under this item (deeper list levels).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub detail: String,
    /// How well the user knows this topic.
    pub confidence: Confidence,
    /// The user's notes (Markdown): for a question, what the interviewer said.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Checklist: asked / done.
    #[serde(skip_serializing_if = "is_false")]
    pub done: bool,
    /// Every review, in the order they were recorded (oldest first).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    /// True if the user added this item (it is not from the brief).
    #[serde(skip_serializing_if = "is_false")]
    pub added: bool,
}

/// One review of a topic: when, the level before and after, and how long it took.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// When the review happened.
    pub at: DateTime<Utc>,
    /// The topic's level before the review.
    pub before: Confidence,
    /// The rating given at the review.
    pub after: Confidence,
    /// Seconds spent on the topic; 0 when not timed (and for reviews
    /// migrated from files that did not record it).
    #[serde(default)]
    pub seconds: u32,
}

impl Review {
    /// Records a review: appends the event (level before from `level`) and
    /// sets `level` to `after`. Shared by topics and stories.
    pub fn record(
        level: &mut Confidence,
        reviews: &mut Vec<Self>,
        after: Confidence,
        at: DateTime<Utc>,
        seconds: u32,
    ) {
        let before = std::mem::replace(level, after);
        reviews.push(Self {
            at,
            before,
            after,
            seconds,
        });
    }

    /// Takes back the latest review: removes it and puts `level` back to
    /// the level before it. `None` when there is no review.
    pub fn drop_last(level: &mut Confidence, reviews: &mut Vec<Self>) -> Option<Self> {
        let review = reviews.pop()?;
        *level = review.before;
        Some(review)
    }
}

impl Item {
    /// A new item with the given id and text and no user data.
    pub fn new(id: Id, text: impl Into<String>) -> Self {
        Self {
            id,
            text: text.into(),
            ..Self::default()
        }
    }

    /// When the topic was last reviewed: the latest review's time.
    pub fn last_reviewed(&self) -> Option<DateTime<Utc>> {
        self.reviews.iter().map(|r| r.at).max()
    }

    /// True if the user has put anything of their own into this item
    /// (or added it themselves).
    pub fn has_user_data(&self) -> bool {
        self.confidence != Confidence::Unrated
            || !self.notes.trim().is_empty()
            || self.done
            || !self.reviews.is_empty()
            || self.added
    }
}

impl Section {
    /// All items of all groups, in order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.groups.iter().flat_map(|g| g.items.iter())
    }

    /// True if the user has put anything of their own into this section.
    pub fn has_user_data(&self) -> bool {
        !self.notes.trim().is_empty()
            || self.markdown_edited
            || self.added
            || self.items().any(Item::has_user_data)
    }
}

impl Notebook {
    /// Every topic: the items of the Topics sections, in document order.
    pub fn topics(&self) -> impl Iterator<Item = &Item> {
        self.sections
            .iter()
            .filter(|s| s.kind == SectionKind::Topics)
            .flat_map(Section::items)
    }

    /// Hands out a fresh id.
    pub fn alloc_id(&mut self) -> Id {
        let id = Id(self.next_id.max(1));
        self.next_id = id.0 + 1;
        id
    }

    /// The largest id in use, or 0.
    pub fn max_id(&self) -> u64 {
        let mut max = 0;
        for s in &self.sections {
            max = max.max(s.id.0);
            for g in &s.groups {
                max = max.max(g.id.0);
                for i in &g.items {
                    max = max.max(i.id.0);
                }
            }
        }
        let values = self.values.iter().map(|v| v.id.0);
        let stories = self.stories.iter().map(|s| s.id.0);
        values.chain(stories).fold(max, u64::max)
    }

    /// The section with this id.
    pub fn section(&self, id: Id) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The section with this id, mutably.
    pub fn section_mut(&mut self, id: Id) -> Option<&mut Section> {
        self.sections.iter_mut().find(|s| s.id == id)
    }

    /// The group with this id and the id of its section.
    pub fn group(&self, id: Id) -> Option<(Id, &Group)> {
        self.sections
            .iter()
            .find_map(|s| s.groups.iter().find(|g| g.id == id).map(|g| (s.id, g)))
    }

    /// The group with this id, mutably.
    pub fn group_mut(&mut self, id: Id) -> Option<&mut Group> {
        self.sections
            .iter_mut()
            .find_map(|s| s.groups.iter_mut().find(|g| g.id == id))
    }

    /// The item with this id.
    pub fn item(&self, id: Id) -> Option<&Item> {
        self.sections
            .iter()
            .flat_map(|s| s.groups.iter())
            .find_map(|g| g.items.iter().find(|i| i.id == id))
    }

    /// The item with this id, mutably.
    pub fn item_mut(&mut self, id: Id) -> Option<&mut Item> {
        self.sections
            .iter_mut()
            .flat_map(|s| s.groups.iter_mut())
            .find_map(|g| g.items.iter_mut().find(|i| i.id == id))
    }

    /// Where an item lives: (section id, group id, index in the group).
    pub fn locate_item(&self, id: Id) -> Option<(Id, Id, usize)> {
        for s in &self.sections {
            for g in &s.groups {
                if let Some(pos) = g.items.iter().position(|i| i.id == id) {
                    return Some((s.id, g.id, pos));
                }
            }
        }
        None
    }

    /// Where a group lives: (section id, index in the section).
    pub fn locate_group(&self, id: Id) -> Option<(Id, usize)> {
        self.sections
            .iter()
            .find_map(|s| s.groups.iter().position(|g| g.id == id).map(|p| (s.id, p)))
    }

    /// The value with this id.
    pub fn value(&self, id: Id) -> Option<&Value> {
        self.values.iter().find(|v| v.id == id)
    }

    /// The story with this id.
    pub fn story(&self, id: Id) -> Option<&Story> {
        self.stories.iter().find(|s| s.id == id)
    }

    /// The story with this id, mutably.
    pub fn story_mut(&mut self, id: Id) -> Option<&mut Story> {
        self.stories.iter_mut().find(|s| s.id == id)
    }

    /// The first section of the given kind.
    pub fn first_of_kind(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// Makes `next_id` larger than every id in use (after loading old files).
    pub fn repair_ids(&mut self) {
        let max = self.max_id();
        if self.next_id <= max {
            self.next_id = max + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What is still at its default is not written: a section of a brief of
    /// `# h` lines is its id, title and kind (212 bytes of pretty JSON each
    /// before, so 2 million of them made a 448 MB file and its buffer most
    /// of an import's memory), and it reads back the same.
    #[test]
    fn defaults_are_left_out_of_the_file_and_read_back() {
        let section = Section {
            id: Id(7),
            title: "h".into(),
            groups: vec![Group {
                id: Id(8),
                title: None,
                items: vec![Item::new(Id(9), "Topic")],
            }],
            ..Section::default()
        };
        let json = serde_json::to_string(&section).unwrap();
        assert_eq!(
            json,
            r#"{"id":7,"title":"h","kind":"prose","groups":[{"id":8,"title":null,"items":[{"id":9,"text":"Topic","confidence":"unrated"}]}]}"#
        );
        let back: Section = serde_json::from_str(&json).unwrap();
        assert_eq!(back, section);
        let edited = Section {
            markdown_edited: true,
            pinned: true,
            notes: "n".into(),
            ..section
        };
        let back: Section = serde_json::from_str(&serde_json::to_string(&edited).unwrap()).unwrap();
        assert_eq!(back, edited);
    }
}
