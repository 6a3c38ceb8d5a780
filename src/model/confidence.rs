//! How confident the user is about a topic: unrated, or 1 (weak) to 5 (strong).

use serde::{Deserialize, Serialize};

/// A confidence rating. Ordered from `Unrated` (lowest) to `Strong`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Not rated yet.
    #[default]
    Unrated,
    /// 1: I could not talk about this.
    Weak,
    /// 2: I know the words, not the details.
    Shaky,
    /// 3: I could explain the basics.
    Okay,
    /// 4: I could answer follow-up questions.
    Good,
    /// 5: I could teach it.
    Strong,
}

impl Confidence {
    /// All levels, `Unrated` first.
    pub const ALL: [Self; 6] = [
        Self::Unrated,
        Self::Weak,
        Self::Shaky,
        Self::Okay,
        Self::Good,
        Self::Strong,
    ];

    /// The rated levels, weakest first.
    pub const RATED: [Self; 5] = [
        Self::Weak,
        Self::Shaky,
        Self::Okay,
        Self::Good,
        Self::Strong,
    ];

    /// The place of this level in every "weakest first" order (the sheet,
    /// the in-app interview-day page, the plan, the PDF): what the user
    /// knows to be weak first (Weak, Shaky, Okay), then what is not rated
    /// yet, then Good and Strong. Unrated is not known to be weak: put
    /// first, ten unrated topics hid the two the user had marked Weak.
    pub fn weakest_first(self) -> u8 {
        match self {
            Self::Weak => 0,
            Self::Shaky => 1,
            Self::Okay => 2,
            Self::Unrated => 3,
            Self::Good => 4,
            Self::Strong => 5,
        }
    }

    /// True below Good (Unrated included): the topic still needs study, so
    /// the planner gives it reviews of its own before the final pass.
    pub fn needs_study(self) -> bool {
        self < Self::Good
    }

    /// 0 for unrated, else 1 to 5.
    pub fn level(self) -> u8 {
        match self {
            Self::Unrated => 0,
            Self::Weak => 1,
            Self::Shaky => 2,
            Self::Okay => 3,
            Self::Good => 4,
            Self::Strong => 5,
        }
    }

    /// The level for a number 0–5, `None` otherwise.
    pub fn from_level(level: u8) -> Option<Self> {
        Self::ALL.get(usize::from(level)).copied()
    }

    /// The English label, e.g. "Weak". The UI translates through its own layer.
    pub fn label(self) -> &'static str {
        match self {
            Self::Unrated => "Unrated",
            Self::Weak => "Weak",
            Self::Shaky => "Shaky",
            Self::Okay => "Okay",
            Self::Good => "Good",
            Self::Strong => "Strong",
        }
    }

    /// The lowercase key used in JSON and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Self::Unrated => "unrated",
            Self::Weak => "weak",
            Self::Shaky => "shaky",
            Self::Okay => "okay",
            Self::Good => "good",
            Self::Strong => "strong",
        }
    }

    /// Parses a level number (`0`–`5`) or a key (`weak`, `Strong`, …).
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        if let Ok(n) = s.parse::<u8>() {
            return Self::from_level(n);
        }
        Self::ALL
            .into_iter()
            .find(|c| c.key().eq_ignore_ascii_case(s))
    }

    /// An sRGB colour for this level, from red (weak) to green (strong); grey when unrated.
    ///
    /// Never the only cue: the UI and exports always show the number and label too.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            Self::Unrated => [0x8a, 0x8f, 0x98],
            Self::Weak => [0xd6, 0x45, 0x45],
            Self::Shaky => [0xe0, 0x8a, 0x2e],
            Self::Okay => [0xc9, 0xa9, 0x27],
            Self::Good => [0x5c, 0xa8, 0x4a],
            Self::Strong => [0x2e, 0x8b, 0x57],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_round_trip_and_parse() {
        for c in Confidence::ALL {
            assert_eq!(Confidence::from_level(c.level()), Some(c));
            assert_eq!(Confidence::parse(c.key()), Some(c));
        }
        assert_eq!(Confidence::parse("3"), Some(Confidence::Okay));
        assert_eq!(Confidence::parse("Strong"), Some(Confidence::Strong));
        assert_eq!(Confidence::parse("6"), None);
        assert!(Confidence::Weak < Confidence::Strong);
    }
}
