//! The debrief written after the interview: what went well, what to look
//! up, and the thank-you note with the day to send it by.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What the user writes after the interview. Empty until then; notebooks
/// from before the debrief existed load with an empty one.
///
/// Exports can add it as one more part when [`Debrief::is_empty`] is false.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Debrief {
    /// What went well (Markdown).
    pub went_well: String,
    /// What to look up or practise before the next interview (Markdown).
    pub look_up: String,
    /// The thank-you note to the interviewers, a draft (plain text or Markdown).
    pub thank_you: String,
    /// The day to send the thank-you note by; `None`: the day after the
    /// interview (see [`Debrief::send_by_or`]).
    pub send_by: Option<NaiveDate>,
}

/// One of the debrief's text fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DebriefField {
    /// [`Debrief::went_well`].
    WentWell,
    /// [`Debrief::look_up`].
    LookUp,
    /// [`Debrief::thank_you`].
    ThankYou,
}

impl DebriefField {
    /// Every field, in the order the debrief page shows them.
    pub const ALL: [Self; 3] = [Self::WentWell, Self::LookUp, Self::ThankYou];
}

impl Debrief {
    /// True when nothing has been written and no send-by day chosen.
    pub fn is_empty(&self) -> bool {
        DebriefField::ALL
            .into_iter()
            .all(|f| self.text(f).trim().is_empty())
            && self.send_by.is_none()
    }

    /// The text of one field.
    pub fn text(&self, field: DebriefField) -> &str {
        match field {
            DebriefField::WentWell => &self.went_well,
            DebriefField::LookUp => &self.look_up,
            DebriefField::ThankYou => &self.thank_you,
        }
    }

    /// The text of one field, mutably.
    pub fn text_mut(&mut self, field: DebriefField) -> &mut String {
        match field {
            DebriefField::WentWell => &mut self.went_well,
            DebriefField::LookUp => &mut self.look_up,
            DebriefField::ThankYou => &mut self.thank_you,
        }
    }

    /// The day to send the thank-you note by: the chosen day, else the day
    /// after `interview_day`.
    pub fn send_by_or(&self, interview_day: NaiveDate) -> NaiveDate {
        self.send_by
            .unwrap_or_else(|| interview_day.succ_opt().unwrap_or(interview_day))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_until_something_is_written_or_a_day_chosen() {
        let mut d = Debrief::default();
        assert!(d.is_empty());
        d.look_up = "  \n".into();
        assert!(d.is_empty(), "blank text is nothing written");
        d.went_well = "the system design round".into();
        assert!(!d.is_empty());
        let day = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        let only_date = Debrief {
            send_by: Some(day),
            ..Debrief::default()
        };
        assert!(!only_date.is_empty());
    }

    #[test]
    fn send_by_defaults_to_the_day_after_the_interview() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        let d = Debrief::default();
        assert_eq!(
            d.send_by_or(day),
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
        );
        let chosen = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
        let d = Debrief {
            send_by: Some(chosen),
            ..Debrief::default()
        };
        assert_eq!(d.send_by_or(day), chosen);
    }
}
