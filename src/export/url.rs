//! Which links may stay live: the one rule for the app and every export.
//!
//! Notes are the user's Markdown, often pasted from elsewhere. Only web
//! pages (`http`, `https`) and mail (`mailto`) are opened, by the app (a
//! click in a note) and by a PDF viewer (a link action); HTML and Markdown
//! exports also keep links within the document (`#…`). Anything else, a
//! scheme that runs code or smuggles content (`javascript:`, `data:`,
//! `file:`), another program's scheme (`ssh:`), a relative path, a network
//! share (`\\host\share`, `//host/x`), is shown as text instead of being
//! linked.

/// Schemes a link may use.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// What a link leads to, by the rule above.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// A web page or a mail address: may be opened.
    Web,
    /// A place in the same document (`#section`).
    InDocument,
    /// Anything else: never opened.
    Refused,
}

/// What `url` leads to.
///
/// Browsers ignore ASCII tabs, newlines and leading control characters or
/// spaces in a scheme (`java\tscript:` runs), so those are dropped before the
/// scheme is read; an unknown scheme is refused rather than allowed.
pub fn kind(url: &str) -> LinkKind {
    let cleaned: String = url
        .trim_start_matches(|c: char| c.is_ascii_control() || c == ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(64)
        .collect();
    if cleaned.starts_with('#') {
        return LinkKind::InDocument;
    }
    let Some((scheme, rest)) = cleaned.split_once(':') else {
        return LinkKind::Refused;
    };
    let allowed = ALLOWED_SCHEMES
        .iter()
        .any(|allowed| scheme.eq_ignore_ascii_case(allowed));
    if allowed && !rest.trim().is_empty() {
        LinkKind::Web
    } else {
        LinkKind::Refused
    }
}

/// True if `url` may stay a live link in an HTML or Markdown export: a web
/// page, a mail address or a place in the document.
pub fn is_safe(url: &str) -> bool {
    kind(url) != LinkKind::Refused
}

/// True if `url` may be opened outside Prepkit: by the app when a link in
/// a note is clicked, or as a PDF link action. Web pages and mail only.
pub fn is_openable(url: &str) -> bool {
    kind(url) == LinkKind::Web
}

#[cfg(test)]
mod tests {
    use super::{is_openable, is_safe};

    #[test]
    fn script_schemes_are_refused_however_disguised() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "ssh://host",
            "tel:123",
            "\\\\host\\share",
            "//host/x",
            "notes/page.md",
            "./a?x=y:z",
            "https:",
        ] {
            assert!(!is_safe(url), "{url:?} should be refused");
            assert!(!is_openable(url), "{url:?} should never be opened");
        }
    }

    #[test]
    fn web_and_mail_links_are_kept() {
        for url in [
            "https://example.com/a:b",
            "http://example.com",
            "HTTPS://example.com",
            "mailto:someone@example.com",
        ] {
            assert!(is_safe(url), "{url:?} should be kept");
            assert!(is_openable(url), "{url:?} should open");
        }
    }

    #[test]
    fn links_within_the_document_stay_but_never_open_outside() {
        assert!(is_safe("#section"));
        assert!(!is_openable("#section"));
    }
}
