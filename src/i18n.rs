//! The translation layer: every user-facing string of the app goes through
//! [`Tr`], backed by Fluent files in `resources/i18n/` (English and Korean).
//!
//! A `Tr` belongs to one app instance (not a global), so tests can run
//! several languages side by side.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

const EN_FTL: &str = include_str!("../resources/i18n/en.ftl");
const KO_FTL: &str = include_str!("../resources/i18n/ko.ftl");

/// A language the app speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Korean.
    Ko,
}

impl Lang {
    /// Every language, in the order the settings offer them.
    pub const ALL: [Self; 2] = [Self::En, Self::Ko];

    /// The language's own name for itself.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Ko => "한국어",
        }
    }

    /// The language for a locale tag like `ko-KR` or `en_US.UTF-8`.
    pub fn from_locale(tag: &str) -> Self {
        if tag.to_ascii_lowercase().starts_with("ko") {
            Self::Ko
        } else {
            Self::En
        }
    }

    /// The system's language, English if unknown.
    pub fn system() -> Self {
        sys_locale::get_locale().map_or(Self::En, |l| Self::from_locale(&l))
    }

    fn source(self) -> &'static str {
        match self {
            Self::En => EN_FTL,
            Self::Ko => KO_FTL,
        }
    }
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = match lang {
        Lang::En => unic_langid::langid!("en"),
        Lang::Ko => unic_langid::langid!("ko"),
    };
    let mut bundle = FluentBundle::new(vec![id]);
    // No Unicode isolation marks around arguments: egui would draw them.
    bundle.set_use_isolating(false);
    // The files are ours and tested (`every_key_is_translated`); a broken
    // entry is skipped rather than taking the app down.
    let resource =
        FluentResource::try_new(lang.source().to_owned()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

/// Looks up translated strings for one language, falling back to English.
pub struct Tr {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    english: FluentBundle<FluentResource>,
}

impl Tr {
    /// A translator for `lang`.
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            bundle: bundle(lang),
            english: bundle(Lang::En),
        }
    }

    /// The current language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The string for `key`.
    pub fn t(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The string for `key` with arguments, e.g. `("n", 3.into())`.
    pub fn t_args(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (name, value) in args {
            fa.set(*name, value.clone());
        }
        self.format(key, Some(&fa))
    }

    fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for bundle in [&self.bundle, &self.english] {
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        key.to_owned()
    }

    /// A date in this language's usual form, e.g. "Mon 30 Nov 2026" or "2026년 11월 30일 (월)".
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike as _;
        let weekday = self.t(&format!(
            "weekday-{}",
            date.weekday().num_days_from_monday()
        ));
        match self.lang {
            Lang::En => format!(
                "{weekday} {} {} {}",
                date.day(),
                self.t(&format!("month-{}", date.month())),
                date.year()
            ),
            Lang::Ko => format!(
                "{}년 {}월 {}일 ({weekday})",
                date.year(),
                date.month(),
                date.day()
            ),
        }
    }

    /// A month of a year, e.g. "Nov 2026" / "2026년 11월".
    pub fn month_year(&self, first: chrono::NaiveDate) -> String {
        use chrono::Datelike as _;
        let month = match self.lang {
            Lang::En => self.t(&format!("month-{}", first.month())),
            Lang::Ko => format!("{}월", first.month()),
        };
        // The year is not a count: no digit grouping ("2,026").
        self.t_args(
            "month-year",
            &[
                ("month", month.into()),
                ("year", first.year().to_string().into()),
            ],
        )
    }

    /// A date and time, e.g. "Mon 30 Nov 2026, 14:00".
    pub fn date_time(&self, at: chrono::NaiveDateTime) -> String {
        format!("{}, {}", self.date(at.date()), at.format("%H:%M"))
    }

    /// The countdown in words, e.g. "in 3 days" / "3일 후".
    pub fn countdown(&self, c: crate::review::Countdown) -> String {
        use crate::review::Countdown;
        match c {
            Countdown::Days(n) => self.t_args("countdown-days", &[("n", n.into())]),
            Countdown::Tomorrow => self.t("countdown-tomorrow"),
            Countdown::Hours(n) => self.t_args("countdown-hours", &[("n", n.into())]),
            Countdown::Past(n) => self.t_args("countdown-past", &[("n", n.into())]),
        }
    }

    /// The label of a confidence level, e.g. "Shaky" / "불안".
    pub fn confidence(&self, c: crate::model::Confidence) -> String {
        self.t(&format!("confidence-{}", c.key()))
    }

    /// The name of a section kind.
    pub fn kind(&self, k: crate::model::SectionKind) -> String {
        self.t(&format!("kind-{}", k.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(src: &str) -> Vec<&str> {
        src.lines()
            .filter_map(|l| l.split_once(" ="))
            .map(|(k, _)| k.trim())
            .filter(|k| !k.starts_with('#') && !k.is_empty() && !k.starts_with(' '))
            .collect()
    }

    #[test]
    fn the_plan_names_each_level_as_the_rating_buttons_do() {
        // The Korean plan said 강함 where the buttons say 자신 있음.
        for lang in [Lang::En, Lang::Ko] {
            let tr = Tr::new(lang);
            let plan = tr.t("plan-spaced");
            for level in crate::model::Confidence::ALL {
                if level != crate::model::Confidence::Unrated {
                    let name = tr.confidence(level);
                    assert!(plan.contains(&name), "{lang:?}: {name} not in {plan}");
                }
            }
        }
    }

    #[test]
    fn every_key_is_translated() {
        let en = keys(EN_FTL);
        let ko = keys(KO_FTL);
        assert!(en.len() > 50, "English file looks empty");
        let missing: Vec<_> = en.iter().filter(|k| !ko.contains(k)).collect();
        assert!(missing.is_empty(), "missing in ko.ftl: {missing:?}");
        let extra: Vec<_> = ko.iter().filter(|k| !en.contains(k)).collect();
        assert!(extra.is_empty(), "only in ko.ftl: {extra:?}");
        assert!(FluentResource::try_new(EN_FTL.to_owned()).is_ok());
        assert!(FluentResource::try_new(KO_FTL.to_owned()).is_ok());
    }

    #[test]
    fn every_command_label_is_translated() {
        for lang in Lang::ALL {
            let tr = Tr::new(lang);
            for command in crate::ui::Command::ALL {
                let key = command.label_key();
                assert_ne!(tr.t(key), key, "{lang:?} has no label for {command:?}");
            }
        }
    }

    #[test]
    fn korean_and_english_differ_and_format_arguments() {
        let en = Tr::new(Lang::En);
        let ko = Tr::new(Lang::Ko);
        assert_eq!(en.countdown(crate::review::Countdown::Days(3)), "in 3 days");
        assert_eq!(ko.countdown(crate::review::Countdown::Days(3)), "3일 후");
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(en.date(d), "Mon 30 Nov 2026");
        assert_eq!(ko.date(d), "2026년 11월 30일 (월)");
        assert_eq!(Lang::from_locale("ko-KR"), Lang::Ko);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
    }
}
