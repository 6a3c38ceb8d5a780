//! The Korean interface says everything in Korean: the STAR field names in
//! the story editor and the exports, the practice prompt, the key names of
//! the palette and menus, the countdown after the interview.

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use prepkit::i18n::{Lang, Tr};
use prepkit::ui::Command;

use crate::app::start_with;

/// English words a Korean screen must not show.
const ENGLISH: [&str; 10] = [
    "Situation",
    "(Task)",
    "(Action)",
    "(Result)",
    "STAR",
    "Backslash",
    "Escape",
    "Enter",
    "Plus",
    "Space",
];

#[test]
fn the_korean_palette_names_keys_in_korean_or_as_printed_on_them() {
    let mut f = start_with(Lang::Ko, None);
    f.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    f.run();
    let options: Vec<String> = f
        .harness
        .get_all_by_role(Role::ListBoxOption)
        .map(|n| format!("{:?}", n.accesskit_node()))
        .collect();
    assert!(options.len() > 20, "{options:?}");
    let all = options.join("\n");
    for word in ENGLISH {
        assert!(
            !all.contains(word),
            "{word:?} in the Korean palette:\n{all}"
        );
    }
    assert!(
        all.contains("Ctrl+\\\\") || all.contains("Ctrl+\\"),
        "{all}"
    );
}

#[test]
fn every_shortcut_reads_without_english_key_words_in_korean() {
    let ctx = egui::Context::default();
    let tr = Tr::new(Lang::Ko);
    for command in Command::ALL {
        for sc in command
            .shortcut()
            .into_iter()
            .chain(command.alt_shortcuts().iter().copied())
        {
            let text = prepkit::ui::commands::shortcut_text(&ctx, &tr, &sc);
            let rest = text
                .replace("Ctrl", "")
                .replace("Shift", "")
                .replace("Alt", "")
                .replace("Esc", "");
            let letters = rest.chars().filter(char::is_ascii_alphabetic).count();
            assert!(letters <= 1, "{command:?}: {text:?}");
        }
    }
}

#[test]
fn the_korean_story_editor_and_summary_name_star_fields_in_korean() {
    let tr = Tr::new(Lang::Ko);
    for key in [
        "stories-situation",
        "stories-task",
        "stories-action",
        "stories-result",
        "stories-practice-prompt",
        "notes-hint",
    ] {
        let text = tr.t(key);
        assert!(
            !text.chars().any(|c| c.is_ascii_alphabetic()),
            "{key}: {text:?}"
        );
    }
    // The summary (not only the story sheet), from the command line.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nb.json");
    let nb = crate::stories::notebook_with_stories(2);
    std::fs::write(&path, serde_json::to_vec(&nb).unwrap()).unwrap();
    for format in ["md", "pdf"] {
        let out = dir.path().join(format!("summary.{format}"));
        let run = crate::prepkit(dir.path())
            .args(["export", path.to_str().unwrap(), "--lang", "ko"])
            .args(["--format", format, "--out"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let bytes = std::fs::read(&out).unwrap();
        let text = if format == "pdf" {
            crate::export::pdf_pages(&bytes).join("\n")
        } else {
            String::from_utf8(bytes).unwrap()
        };
        assert!(text.contains("상황"), "{format}: no 상황:\n{text}");
        for word in ["(Situation)", "(Task)", "(Action)", "(Result)"] {
            assert!(!text.contains(word), "{format}: {word} in:\n{text}");
        }
    }
}

#[test]
fn the_korean_countdown_after_the_interview_reads_as_korean() {
    let tr = Tr::new(Lang::Ko);
    let line = tr.t_args(
        "interview-countdown",
        &[
            (
                "when",
                tr.countdown(prepkit::review::Countdown::Past(1)).into(),
            ),
            ("date", "12월 6일".into()),
        ],
    );
    assert!(!line.starts_with("면접 어제 ·"), "{line}");
    assert!(line.contains("어제"), "{line}");
}
