//! A cap on how deep lists and quotes nest, applied to the text before any
//! Markdown parser sees it.
//!
//! pulldown-cmark spends time in proportion to the open nesting on every
//! lazily continued line, so 200 KB of `- - - … x` followed by plain lines
//! takes seconds, and every later pass over a deep list (ours, the exporters,
//! the app's viewer) pays again. Each level of a list or quote takes at least
//! one column of the line that opens it, so a marker that starts at column
//! [`MAX_NESTING_COLUMNS`] or later could only open a level deeper than that:
//! it is escaped with a backslash and its line reads as plain text. The text
//! is kept; only the structure past the cap is flattened.

use std::borrow::Cow;

/// Markers of lists (`-`, `+`, `*`, `1.`, `1)`) and quotes (`>`) starting at
/// this column or later are kept as text. Four-space indented lists keep 8
/// levels, two-space ones 16, quotes written `>>>` 32.
pub const MAX_NESTING_COLUMNS: usize = 32;

/// The text with every container marker past the cap escaped, and how many
/// lines were changed. Borrows when nothing had to change.
pub fn cap_nesting(text: &str) -> (Cow<'_, str>, usize) {
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut changed = 0;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    while line_start < bytes.len() {
        let line_end = memchr_newline(bytes, line_start);
        if let Some(at) = deep_marker(bytes.get(line_start..line_end).unwrap_or_default()) {
            let at = line_start + at;
            let buf = out.get_or_insert_with(|| String::with_capacity(text.len() + 64));
            buf.push_str(text.get(copied..at).unwrap_or_default());
            buf.push('\\');
            copied = at;
            changed += 1;
        }
        line_start = line_end + 1;
    }
    match out {
        Some(mut buf) => {
            buf.push_str(text.get(copied..).unwrap_or_default());
            (Cow::Owned(buf), changed)
        }
        None => (Cow::Borrowed(text), 0),
    }
}

fn memchr_newline(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
        .map_or(bytes.len(), |p| from + p)
}

/// Where to put a backslash in `line`: before the first list or quote marker
/// of its leading run of markers that starts at [`MAX_NESTING_COLUMNS`] or
/// later (for `1.` before the `.`), or `None` when the line nests no deeper.
fn deep_marker(line: &[u8]) -> Option<usize> {
    let mut col = 0;
    let mut i = 0;
    while let Some(&b) = line.get(i) {
        let ends_marker = |j: usize| matches!(line.get(j), None | Some(b' ' | b'\t' | b'\r'));
        match b {
            b' ' => col += 1,
            b'\t' => col = (col / 4 + 1) * 4,
            b'>' => {
                if col >= MAX_NESTING_COLUMNS {
                    return Some(i);
                }
                col += 1;
            }
            b'-' | b'+' | b'*' if ends_marker(i + 1) => {
                if col >= MAX_NESTING_COLUMNS {
                    return Some(i);
                }
                col += 1;
            }
            b'0'..=b'9' => {
                let digits = line
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|d| d.is_ascii_digit())
                    .count();
                let delim = i + digits;
                if digits > 9
                    || !matches!(line.get(delim), Some(b'.' | b')'))
                    || !ends_marker(delim + 1)
                {
                    return None;
                }
                if col >= MAX_NESTING_COLUMNS {
                    return Some(delim);
                }
                col += digits + 1;
                i = delim;
            }
            _ => return None,
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let md = "# T\n\n- a\n  - b\n    - c\n\n> quote\n\n1. one\n   2) two\n";
        let (out, changed) = cap_nesting(md);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(changed, 0);
    }

    #[test]
    fn markers_past_the_cap_are_escaped_once_per_line() {
        let capped = |md: String| cap_nesting(&md).0.into_owned();
        assert_eq!(
            capped("- ".repeat(20) + "x\nplain\n"),
            format!("{}\\{}x\nplain\n", "- ".repeat(16), "- ".repeat(4))
        );
        assert!(capped("1. ".repeat(12)).starts_with(&format!("{}1\\. ", "1. ".repeat(11))));
        assert_eq!(
            capped(format!("{}> q", " ".repeat(40))),
            format!("{}\\> q", " ".repeat(40))
        );
        assert_eq!(cap_nesting(&"> ".repeat(20)).1, 1);
    }

    #[test]
    fn deep_indentation_without_a_marker_is_left_alone() {
        let code = format!("```\n{}deeply indented code\n```\n", " ".repeat(60));
        assert!(matches!(cap_nesting(&code).0, Cow::Borrowed(_)));
        let emphasis = format!("{}*not a marker*\n", " ".repeat(40));
        assert!(matches!(cap_nesting(&emphasis).0, Cow::Borrowed(_)));
    }
}
