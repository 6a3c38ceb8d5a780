//! Every command of the app in one table: label key, keyboard shortcut, and
//! whether it needs the keyboard to be free of text editing. The menus, the
//! shortcut handler and the command palette (Ctrl+K) all read this table.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::Tr;
use crate::model::Confidence;

/// A shortcut as the user reads it, in the interface language: `Ctrl+\`,
/// `Ctrl++`, `Esc`, `엔터`. egui's own names ("Backslash", "Escape",
/// "Enter") are English words in every language.
pub fn shortcut_text(ctx: &egui::Context, tr: &Tr, sc: &KeyboardShortcut) -> String {
    let is_mac = ctx.os().is_mac();
    let names = egui::ModifierNames::NAMES;
    let key = match sc.logical_key {
        Key::Backslash => "\\".to_owned(),
        Key::Plus => "+".to_owned(),
        Key::Minus => "-".to_owned(),
        Key::Equals => "=".to_owned(),
        Key::ArrowUp => "↑".to_owned(),
        Key::ArrowDown => "↓".to_owned(),
        Key::Escape => tr.t("key-escape"),
        Key::Enter => tr.t("key-enter"),
        Key::Space => tr.t("key-space"),
        Key::Tab => tr.t("key-tab"),
        other => other.symbol_or_name().to_owned(),
    };
    let modifiers = names.format(&sc.modifiers, is_mac);
    if modifiers.is_empty() {
        key
    } else {
        format!("{modifiers}{}{key}", names.concat)
    }
}

/// A command the user can give.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Open a brief (.md) or notebook (.json) with the system dialog.
    Open,
    /// Open by typing a path (when no system dialog is available).
    OpenPath,
    /// Re-import the notebook's brief file, keeping ratings and notes.
    Reimport,
    /// Export the summary (PDF, HTML or Markdown).
    Export,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Search all text and notes.
    Find,
    /// Open the command palette.
    Palette,
    /// Show the overview page (interview details, progress, plan).
    Overview,
    /// Start today's rehearsal: planned topics one at a time, notes hidden.
    Review,
    /// Show the interview-day sheet.
    InterviewDay,
    /// Show the story bank and its coverage grid.
    Stories,
    /// Move to the next topic or question.
    NextItem,
    /// Move to the previous topic or question.
    PrevItem,
    /// Rate the focused topic.
    Rate(Confidence),
    /// Tick or untick the focused question.
    ToggleDone,
    /// Edit the focused item's notes.
    EditNotes,
    /// Leave editing (and close popups).
    Escape,
    /// Add a section.
    AddSection,
    /// Show only Weak and Shaky topics (toggle).
    FilterWeak,
    /// Hide or show the sidebar (more room for the page in a small window).
    ToggleSidebar,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Text at 100%.
    ZoomReset,
    /// Switch between system, light and dark theme.
    CycleTheme,
    /// High-contrast colours on or off.
    ToggleContrast,
    /// Switch the interface language.
    CycleLanguage,
    /// Show the About page (version, licences, data folder).
    About,
    /// Quit the app (everything is saved first).
    Quit,
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

/// How many modifier keys a shortcut asks for (Ctrl and Cmd count once).
fn modifier_count(m: Modifiers) -> usize {
    [m.alt, m.shift, m.ctrl || m.command || m.mac_cmd]
        .into_iter()
        .filter(|&b| b)
        .count()
}

impl Command {
    /// Every command, in the order the palette lists them.
    pub const ALL: [Self; 34] = [
        Self::Open,
        Self::OpenPath,
        Self::Reimport,
        Self::Export,
        Self::Undo,
        Self::Redo,
        Self::Find,
        Self::Palette,
        Self::Overview,
        Self::Review,
        Self::InterviewDay,
        Self::Stories,
        Self::NextItem,
        Self::PrevItem,
        Self::Rate(Confidence::Unrated),
        Self::Rate(Confidence::Weak),
        Self::Rate(Confidence::Shaky),
        Self::Rate(Confidence::Okay),
        Self::Rate(Confidence::Good),
        Self::Rate(Confidence::Strong),
        Self::ToggleDone,
        Self::EditNotes,
        Self::Escape,
        Self::AddSection,
        Self::FilterWeak,
        Self::ToggleSidebar,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
        Self::CycleTheme,
        Self::ToggleContrast,
        Self::CycleLanguage,
        Self::About,
        Self::Quit,
    ];

    /// The translation key of the command's label.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Open => "cmd-open",
            Self::OpenPath => "cmd-open-path",
            Self::Reimport => "cmd-reimport",
            Self::Export => "cmd-export",
            Self::Undo => "cmd-undo",
            Self::Redo => "cmd-redo",
            Self::Find => "cmd-find",
            Self::Palette => "cmd-palette",
            Self::Overview => "cmd-overview",
            Self::Review => "cmd-review",
            Self::InterviewDay => "cmd-interview-day",
            Self::Stories => "cmd-stories",
            Self::NextItem => "cmd-next",
            Self::PrevItem => "cmd-prev",
            Self::Rate(c) => match c {
                Confidence::Unrated => "cmd-rate-0",
                Confidence::Weak => "cmd-rate-1",
                Confidence::Shaky => "cmd-rate-2",
                Confidence::Okay => "cmd-rate-3",
                Confidence::Good => "cmd-rate-4",
                Confidence::Strong => "cmd-rate-5",
            },
            Self::ToggleDone => "cmd-toggle-done",
            Self::EditNotes => "cmd-edit-notes",
            Self::Escape => "cmd-escape",
            Self::AddSection => "cmd-add-section",
            Self::FilterWeak => "cmd-filter-weak",
            Self::ToggleSidebar => "cmd-sidebar",
            Self::ZoomIn => "cmd-zoom-in",
            Self::ZoomOut => "cmd-zoom-out",
            Self::ZoomReset => "cmd-zoom-reset",
            Self::CycleTheme => "cmd-theme",
            Self::ToggleContrast => "cmd-contrast",
            Self::CycleLanguage => "cmd-language",
            Self::About => "cmd-about",
            Self::Quit => "cmd-quit",
        }
    }

    /// The keyboard shortcut, if the command has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        Some(match self {
            Self::Open => cmd(Key::O),
            Self::Reimport => {
                KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::R)
            }
            Self::Export => cmd(Key::E),
            Self::Undo => cmd(Key::Z),
            Self::Redo => KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z),
            Self::Find => cmd(Key::F),
            Self::Palette => cmd(Key::K),
            Self::Overview => cmd(Key::Num1),
            Self::Review => cmd(Key::R),
            Self::NextItem => plain(Key::J),
            Self::PrevItem => plain(Key::K),
            Self::Rate(c) => plain(match c {
                Confidence::Unrated => Key::Num0,
                Confidence::Weak => Key::Num1,
                Confidence::Shaky => Key::Num2,
                Confidence::Okay => Key::Num3,
                Confidence::Good => Key::Num4,
                Confidence::Strong => Key::Num5,
            }),
            Self::ToggleDone => plain(Key::Space),
            Self::EditNotes => plain(Key::Enter),
            Self::Escape => plain(Key::Escape),
            Self::FilterWeak => {
                KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::W)
            }
            Self::ToggleSidebar => cmd(Key::Backslash),
            Self::ZoomIn => cmd(Key::Plus),
            Self::ZoomOut => cmd(Key::Minus),
            Self::ZoomReset => cmd(Key::Num0),
            Self::Quit => cmd(Key::Q),
            Self::OpenPath
            | Self::AddSection
            | Self::InterviewDay
            | Self::Stories
            | Self::CycleTheme
            | Self::ToggleContrast
            | Self::CycleLanguage
            | Self::About => return None,
        })
    }

    /// Other shortcuts that do the same (Ctrl+Y for redo, arrows for J/K).
    pub fn alt_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO: [KeyboardShortcut; 1] = [cmd(Key::Y)];
        const DOWN: [KeyboardShortcut; 1] = [plain(Key::ArrowDown)];
        const UP: [KeyboardShortcut; 1] = [plain(Key::ArrowUp)];
        const ZOOM_IN: [KeyboardShortcut; 1] = [cmd(Key::Equals)];
        match self {
            Self::Redo => &REDO,
            Self::NextItem => &DOWN,
            Self::PrevItem => &UP,
            Self::ZoomIn => &ZOOM_IN,
            _ => &[],
        }
    }

    /// Every shortcut of the table (alternatives included) with its command,
    /// the most specific first: egui matches Ctrl+Z on a Ctrl+Shift+Z press
    /// (extra Shift and Alt are ignored, so Ctrl+Plus works on any layout),
    /// so Ctrl+Shift+Z must be tried before Ctrl+Z or Redo would undo.
    pub fn shortcuts_most_specific_first() -> Vec<(Self, KeyboardShortcut)> {
        let mut all: Vec<(Self, KeyboardShortcut)> = Self::ALL
            .into_iter()
            .flat_map(|c| {
                c.shortcut()
                    .into_iter()
                    .chain(c.alt_shortcuts().iter().copied())
                    .map(move |s| (c, s))
            })
            .collect();
        // Stable: among equals, the table's order stays.
        all.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
        all
    }

    /// True if the shortcut is a bare key that must not fire while typing.
    pub fn needs_free_keyboard(self) -> bool {
        self.shortcut().is_some_and(|s| s.modifiers.is_none())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::Command;
    use crate::model::Confidence;

    /// Each variant's place in a list of them all. The match names every
    /// variant, so a new one does not compile until it is added here; the
    /// tests below then fail until it is in the table and the menus.
    fn variant(command: Command) -> usize {
        match command {
            Command::Open => 0,
            Command::OpenPath => 1,
            Command::Reimport => 2,
            Command::Export => 3,
            Command::Undo => 4,
            Command::Redo => 5,
            Command::Find => 6,
            Command::Palette => 7,
            Command::Overview => 8,
            Command::Review => 9,
            Command::InterviewDay => 10,
            Command::Stories => 11,
            Command::NextItem => 12,
            Command::PrevItem => 13,
            Command::Rate(_) => 14,
            Command::ToggleDone => 15,
            Command::EditNotes => 16,
            Command::Escape => 17,
            Command::AddSection => 18,
            Command::FilterWeak => 19,
            Command::ToggleSidebar => 20,
            Command::ZoomIn => 21,
            Command::ZoomOut => 22,
            Command::ZoomReset => 23,
            Command::CycleTheme => 24,
            Command::ToggleContrast => 25,
            Command::CycleLanguage => 26,
            Command::About => 27,
            Command::Quit => 28,
        }
    }

    /// How many variants [`variant`] names.
    const VARIANTS: usize = 29;

    #[test]
    fn the_table_has_every_command_once() {
        let places: HashSet<usize> = Command::ALL.into_iter().map(variant).collect();
        let missing: Vec<usize> = (0..VARIANTS).filter(|i| !places.contains(i)).collect();
        assert!(
            missing.is_empty(),
            "variants missing from Command::ALL (the palette): {missing:?}"
        );
        let unique: HashSet<Command> = Command::ALL.into_iter().collect();
        assert_eq!(
            unique.len(),
            Command::ALL.len(),
            "a command is in the table twice"
        );
        for level in Confidence::ALL {
            assert!(
                Command::ALL.contains(&Command::Rate(level)),
                "no Rate({level:?})"
            );
        }
    }

    /// Commands with no menu entry, and why.
    fn not_in_menus(command: Command) -> bool {
        // A rating needs a focused topic: rated on its row, by 0–5 or from
        // the palette. Esc is a key, not something to pick from a menu.
        matches!(command, Command::Rate(_) | Command::Escape)
    }

    #[test]
    fn the_menus_have_every_command_but_ratings_and_esc() {
        let in_menus: HashSet<Command> = crate::ui::header::MENUS
            .iter()
            .flat_map(|(_, commands)| commands.iter().copied())
            .collect();
        let missing: Vec<Command> = Command::ALL
            .into_iter()
            .filter(|c| !not_in_menus(*c) && !in_menus.contains(c))
            .collect();
        assert!(missing.is_empty(), "commands in no menu: {missing:?}");
    }
}
