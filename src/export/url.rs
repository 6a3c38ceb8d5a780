//! Which link targets an export may keep live.
//!
//! Notes are the user's Markdown, often pasted from elsewhere. A link whose
//! scheme runs code or smuggles content (`javascript:`, `data:`, `vbscript:`,
//! and anything else unknown) is shown as text instead of being linked.

/// Schemes a link may use. Relative links and fragments have no scheme.
const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// True if `url` is safe to emit as a live link.
///
/// Browsers ignore ASCII tabs, newlines and leading control characters or
/// spaces in a scheme (`java\tscript:` runs), so those are dropped before the
/// scheme is read; an unknown scheme is refused rather than allowed.
pub fn is_safe(url: &str) -> bool {
    let cleaned: String = url
        .trim_start_matches(|c: char| c.is_ascii_control() || c == ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(64)
        .collect();
    let Some(colon) = cleaned.find(':') else {
        return true;
    };
    let Some(scheme) = cleaned.get(..colon) else {
        return false;
    };
    // A ':' after a path, query or fragment starts no scheme ("a/b:c", "?x:y").
    if scheme.contains(['/', '?', '#']) {
        return true;
    }
    ALLOWED_SCHEMES
        .iter()
        .any(|allowed| scheme.eq_ignore_ascii_case(allowed))
}

#[cfg(test)]
mod tests {
    use super::is_safe;

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
        ] {
            assert!(!is_safe(url), "{url:?} should be refused");
        }
    }

    #[test]
    fn ordinary_links_are_kept() {
        for url in [
            "https://example.com/a:b",
            "http://example.com",
            "mailto:someone@example.com",
            "#section",
            "notes/page.md",
            "./a?x=y:z",
        ] {
            assert!(is_safe(url), "{url:?} should be kept");
        }
    }
}
