//! Values in a notebook file that this build cannot use, made sane before
//! the notebook is read, each with a notice: one odd value never makes a
//! whole notebook "damaged" (which moved it aside and restored an older
//! backup, losing every note typed since).
//!
//! - A confidence level this version does not know (`"excellent"`, a
//!   number) loads as the level it plainly means (`"Good"`, `4` → Good),
//!   else as Unrated. The topic keeps its text, notes and reviews; the
//!   notice names the topic and the value, and the file keeps the value
//!   until the next save.
//! - An interview date or a send-by date outside 1970–2200
//!   ([`crate::model::date_in_range`]) is ignored (no date), with a notice.

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value;

use crate::model::{Confidence, FIRST_YEAR, LAST_YEAR, date_in_range};

/// Makes the notebook JSON `value` (read from `path`) sane; returns what
/// was changed, as notices for the user.
pub(crate) fn repair(path: &Path, value: &mut Value) -> Vec<String> {
    let mut notices = Vec::new();
    let mut levels = Levels::default();
    for section in array_mut(value, "sections") {
        let groups = array_mut(section, "groups");
        for item in groups.flat_map(|g| array_mut(g, "items")) {
            levels.fix(item, "text");
        }
    }
    for story in array_mut(value, "stories") {
        levels.fix(story, "title");
    }
    if !levels.named.is_empty() || levels.in_reviews > 0 {
        notices.push(levels.notice(path));
    }
    if let Some(at) = value.get_mut("interview_at")
        && let Ok(when) = serde_json::from_value::<NaiveDateTime>(at.clone())
        && !date_in_range(when.date())
    {
        *at = Value::Null;
        notices.push(format!(
            "{}: the interview date {when} is outside {FIRST_YEAR}–{LAST_YEAR}; it was ignored, \
             set the date again",
            path.display()
        ));
    }
    if let Some(by) = value.get_mut("debrief").and_then(|d| d.get_mut("send_by"))
        && let Ok(day) = serde_json::from_value::<NaiveDate>(by.clone())
        && !date_in_range(day)
    {
        *by = Value::Null;
        notices.push(format!(
            "{}: the thank-you date {day} is outside {FIRST_YEAR}–{LAST_YEAR}; it was ignored",
            path.display()
        ));
    }
    notices
}

/// The elements of the array at `key` of `value`, if it is one.
fn array_mut<'a>(value: &'a mut Value, key: &str) -> impl Iterator<Item = &'a mut Value> {
    value
        .get_mut(key)
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
}

/// Unknown levels found so far.
#[derive(Default)]
struct Levels {
    /// The topics or stories whose level was unknown: name, value found,
    /// level given.
    named: Vec<(String, String, Confidence)>,
    /// Review events whose level before or after was unknown.
    in_reviews: usize,
}

impl Levels {
    /// Fixes the level of a topic or story (named by its `name_key`) and of
    /// its review events.
    fn fix(&mut self, thing: &mut Value, name_key: &str) {
        let name = thing
            .get(name_key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        if let Some(level) = thing.get_mut("confidence")
            && let Some((found, given)) = fix_level(level)
        {
            self.named.push((name, found, given));
        }
        for review in array_mut(thing, "reviews") {
            for key in ["before", "after"] {
                if let Some(level) = review.get_mut(key)
                    && fix_level(level).is_some()
                {
                    self.in_reviews += 1;
                }
            }
        }
    }

    /// One notice for all of them.
    fn notice(&self, path: &Path) -> String {
        let mut parts: Vec<String> = self
            .named
            .iter()
            .take(5)
            .map(|(name, found, given)| format!("{name:?} had {found}, now {}", given.label()))
            .collect();
        if self.named.len() > 5 {
            parts.push(format!("{} more", self.named.len() - 5));
        }
        if self.in_reviews > 0 {
            parts.push(format!("{} levels in past reviews", self.in_reviews));
        }
        format!(
            "{}: confidence levels this version does not know were read as the nearest known \
             level or Unrated, notes and reviews kept ({}); the file keeps them until the next save",
            path.display(),
            parts.join("; ")
        )
    }
}

/// Replaces a level JSON this version cannot read; returns what was found
/// and what it became, or `None` when it was fine.
fn fix_level(level: &mut Value) -> Option<(String, Confidence)> {
    if serde_json::from_value::<Confidence>(level.clone()).is_ok() {
        return None;
    }
    let given = match &*level {
        Value::String(s) => Confidence::parse(s),
        Value::Number(n) => n
            .as_u64()
            .and_then(|n| u8::try_from(n).ok())
            .and_then(Confidence::from_level),
        _ => None,
    }
    .unwrap_or_default();
    let found = level.to_string();
    *level = Value::from(given.key());
    Some((found, given))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(v: Value) -> (Value, Option<(String, Confidence)>) {
        let mut v = v;
        let r = fix_level(&mut v);
        (v, r)
    }

    #[test]
    fn known_levels_stay_and_others_become_the_nearest_or_unrated() {
        assert_eq!(fixed(Value::from("good")).1, None);
        assert_eq!(fixed(Value::from("Good")).0, Value::from("good"));
        assert_eq!(fixed(Value::from(4)).0, Value::from("good"));
        assert_eq!(fixed(Value::from("excellent")).0, Value::from("unrated"));
        assert_eq!(fixed(Value::from(9)).0, Value::from("unrated"));
        assert_eq!(fixed(Value::Null).0, Value::from("unrated"));
    }
}
