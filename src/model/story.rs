//! The story bank: the company's values and the user's STAR stories
//! (Situation, Task, Action, Result), linked to values and topics.
//!
//! Stories are rated and reviewed like topics: the same [`Confidence`] and
//! the same [`Review`] events, so the planner's rules read them alike.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Confidence, Id, Review};

/// One of the company's values, e.g. "Collaboration".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Value {
    /// Stable id.
    pub id: Id,
    /// The value's name, e.g. "Ownership".
    pub label: String,
    /// What the company says about it (plain text).
    pub text: String,
    /// True if the user added this value (it is not from the brief).
    pub added: bool,
}

/// A prepared answer in STAR form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Story {
    /// Stable id.
    pub id: Id,
    /// A short name, e.g. "The Friday outage".
    pub title: String,
    /// Situation (Markdown).
    pub situation: String,
    /// Task (Markdown).
    pub task: String,
    /// Action (Markdown).
    pub action: String,
    /// Result (Markdown).
    pub result: String,
    /// Free tags, e.g. "incident".
    pub tags: Vec<String>,
    /// The values the story shows.
    pub values: Vec<Id>,
    /// The topics (often behavioural questions) the story answers.
    pub topics: Vec<Id>,
    /// How well the user tells it.
    pub confidence: Confidence,
    /// Every practice, oldest first.
    pub reviews: Vec<Review>,
}

/// One of a story's text fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StoryField {
    /// The title.
    Title,
    /// Situation.
    Situation,
    /// Task.
    Task,
    /// Action.
    Action,
    /// Result.
    Result,
}

impl StoryField {
    /// Situation, Task, Action, Result: the parts of a STAR answer, in order.
    pub const STAR: [Self; 4] = [Self::Situation, Self::Task, Self::Action, Self::Result];

    /// A small number per field, for grouping keystrokes into undo steps.
    pub fn index(self) -> u8 {
        match self {
            Self::Title => 0,
            Self::Situation => 1,
            Self::Task => 2,
            Self::Action => 3,
            Self::Result => 4,
        }
    }

    /// The English name ("Situation"); the UI translates through its own layer.
    pub fn label(self) -> &'static str {
        match self {
            Self::Title => "Title",
            Self::Situation => "Situation",
            Self::Task => "Task",
            Self::Action => "Action",
            Self::Result => "Result",
        }
    }
}

/// What a story can be linked to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Link {
    /// A value of the notebook.
    Value(Id),
    /// A topic (any item of the notebook).
    Topic(Id),
}

impl Story {
    /// A new story with this id and title and nothing else.
    pub fn new(id: Id, title: impl Into<String>) -> Self {
        Self {
            id,
            title: title.into(),
            ..Self::default()
        }
    }

    /// The text of one field.
    pub fn field(&self, field: StoryField) -> &str {
        match field {
            StoryField::Title => &self.title,
            StoryField::Situation => &self.situation,
            StoryField::Task => &self.task,
            StoryField::Action => &self.action,
            StoryField::Result => &self.result,
        }
    }

    /// The text of one field, mutably.
    pub fn field_mut(&mut self, field: StoryField) -> &mut String {
        match field {
            StoryField::Title => &mut self.title,
            StoryField::Situation => &mut self.situation,
            StoryField::Task => &mut self.task,
            StoryField::Action => &mut self.action,
            StoryField::Result => &mut self.result,
        }
    }

    /// True if the story is linked to `link`.
    pub fn links(&self, link: Link) -> bool {
        match link {
            Link::Value(id) => self.values.contains(&id),
            Link::Topic(id) => self.topics.contains(&id),
        }
    }

    /// The list of ids `link` belongs in, mutably.
    pub fn links_mut(&mut self, link: Link) -> (&mut Vec<Id>, Id) {
        match link {
            Link::Value(id) => (&mut self.values, id),
            Link::Topic(id) => (&mut self.topics, id),
        }
    }

    /// When the story was last practised: the latest review's time.
    pub fn last_reviewed(&self) -> Option<DateTime<Utc>> {
        self.reviews.iter().map(|r| r.at).max()
    }
}
