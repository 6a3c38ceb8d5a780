//! What the app remembers between runs (apart from the notebooks): recent
//! notebooks, look, language and the export dialog's choices. Written by
//! `persist` as `settings.json` in the data folder.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::export::{ExportOptions, Format};
use crate::i18n::Lang;
use crate::ui::theme::ThemeChoice;

/// The settings file's name (without `.json`).
pub const NAME: &str = "settings";

/// How many recent notebooks are remembered.
const RECENT: usize = 10;

/// The export dialog's remembered choices.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportSettings {
    /// What to include and the paper size.
    pub options: ExportOptions,
    /// The format chosen last.
    pub format: Format,
    /// The folder exported to last.
    pub last_dir: Option<PathBuf>,
}

/// Everything the app remembers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Notebooks opened, most recent first.
    pub recent: Vec<PathBuf>,
    /// Light, dark or the system's.
    pub theme: ThemeChoice,
    /// High-contrast colours.
    pub high_contrast: bool,
    /// The interface language; `None` follows the system.
    pub lang: Option<Lang>,
    /// Zoom factor; `None` is 100%.
    pub zoom: Option<f32>,
    /// The export dialog.
    pub export: ExportSettings,
    /// Minutes of review a day; `None` is the planner's default (30).
    pub budget_minutes: Option<u32>,
    /// The sidebar shown (`Some(true)`) or hidden by the user; `None`: shown
    /// unless the window is too narrow for it and a page.
    pub sidebar: Option<bool>,
}

impl Settings {
    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(RECENT);
    }

    /// The most recent notebook that still exists.
    pub fn last_notebook(&self) -> Option<&PathBuf> {
        self.recent.iter().find(|p| p.exists())
    }

    /// The daily review budget in minutes, 0 when unset (the planner's default).
    pub fn budget(&self) -> u32 {
        self.budget_minutes
            .filter(|m| (1..=1440).contains(m))
            .unwrap_or(0)
    }

    /// The zoom factor, 1.0 when unset or out of range.
    pub fn zoom(&self) -> f32 {
        self.zoom.filter(|z| (0.5..=3.0).contains(z)).unwrap_or(1.0)
    }
}

/// The language the app speaks for the data folder `data_dir`: the one
/// chosen in its settings, else the system's (the CLI words what it writes
/// into notebooks the same way).
pub fn language(data_dir: &Path) -> Lang {
    crate::persist::load_settings_in::<Settings>(data_dir, NAME)
        .ok()
        .and_then(|s| s.lang)
        .unwrap_or_else(Lang::system)
}
