//! Links in notes open only when they lead to a web page or a mail address
//! (issue 19, item 8): the app used to hand `javascript:`, `file:`, `data:`
//! and `ssh:` links to the system unchanged.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use prepkit::i18n::Lang;

const BRIEF: &str = "# Links\n\n## About\n\nSee [evil](javascript:alert(1)), [passwd](file:///etc/passwd), \
[inline](data:text/html,hi), [shell](ssh://host), [share](//host/x) and [web](https://example.com/a).\n";

/// The links the last frame asked the system to open.
fn opened(f: &crate::app::Fixture) -> Vec<String> {
    f.harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn clicking_a_link_in_a_note_opens_web_links_only() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("links.md");
    std::fs::write(&brief, BRIEF).unwrap();
    let mut f = crate::app::start_with(Lang::En, Some(brief));
    for label in ["evil", "passwd", "inline", "shell", "share"] {
        f.harness.get_by_role_and_label(Role::Link, label).click();
        f.harness.step();
        assert_eq!(opened(&f), Vec::<String>::new(), "{label} was opened");
        f.run();
        assert!(
            f.harness
                .state()
                .toasts()
                .iter()
                .any(|t| t.starts_with("Not opened")),
            "the user is not told {label} was not opened"
        );
    }
    f.harness.get_by_role_and_label(Role::Link, "web").click();
    f.harness.step();
    assert_eq!(opened(&f), vec!["https://example.com/a".to_owned()]);
}

/// Every URI a PDF's link actions lead to.
fn pdf_uris(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let mut uris: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        // A link annotation's action, `/A << /S /URI /URI (…) >>`.
        .filter_map(|d| d.get(b"A").ok())
        .filter_map(|a| doc.dereference(a).ok()?.1.as_dict().ok())
        .filter_map(|d| d.get(b"URI").ok())
        .filter_map(|u| u.as_str().ok())
        .map(|u| String::from_utf8_lossy(u).into_owned())
        .collect();
    uris.sort();
    uris
}

#[test]
fn pdf_link_actions_lead_to_web_and_mail_only() {
    use prepkit::export::{ExportOptions, Format, render};
    let brief = "# Acme\n\n## Likely Interview Topics\n\n- Rust\n  - Ownership\n";
    let mut nb = prepkit::brief::import(brief, "built-in").unwrap();
    let item = nb
        .sections
        .iter_mut()
        .flat_map(|s| s.groups.iter_mut())
        .flat_map(|g| g.items.iter_mut())
        .next()
        .unwrap();
    item.notes = "[share](\\\\host\\share) [unc](//host/x) [passwd](file:///etc/passwd) \
                  [shell](ssh://host) [js](javascript:alert(1)) [page](notes/a.md) \
                  [web](https://example.com/a) [mail](mailto:a@example.com)"
        .into();
    let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let bytes = render(&nb, &ExportOptions::default(), Format::Pdf, now).unwrap();
    assert_eq!(
        pdf_uris(&bytes),
        vec!["https://example.com/a", "mailto:a@example.com"]
    );
}
