//! The importer: a Markdown interview brief becomes a [`Brief`], then a [`Notebook`].
//!
//! The rules (ARCHITECTURE.md, "The brief format"): one leading top-level heading is the title and the
//! next level down are the sections, otherwise every top-level heading starts a
//! section; text before the first section is kept as an untitled intro; a
//! section of questions is a Checklist, a section naming topics or holding a
//! two-level list is Topics, everything else is Prose (kept verbatim).
//! Re-importing a changed brief merges into the existing notebook (`merge`).

mod lists;
mod merge;
mod nesting;
mod read;

#[cfg(test)]
pub(crate) use merge::keys_made;
pub use merge::{ARCHIVED_GROUP, merge, merge_archiving};
pub(crate) use merge::{Queues, key as match_key};
pub use nesting::{MAX_NESTING_COLUMNS, cap_nesting};
pub use read::read_file;

use std::borrow::Cow;

use pulldown_cmark::Options;
use serde::Serialize;

use crate::model::{Confidence, Group, Item, Notebook, SCHEMA_VERSION, Section, SectionKind};
use lists::{Heading, ListNode};

/// Briefs larger than this are refused rather than freezing the app.
///
/// A real brief is a few kilobytes; 8 MiB is thousands of pages. The cap
/// keeps the worst input within the import budget (RELIABILITY.md):
/// pulldown-cmark itself needs about 65 bytes of memory per byte of some
/// hostile inline text (a run of `[`), so 32 MiB of it took 2.1 GB.
pub const MAX_BRIEF_BYTES: usize = 8 * 1024 * 1024;

/// Why a file could not be read as a brief.
#[derive(Debug, thiserror::Error)]
pub enum BriefError {
    /// The file could not be opened or read; the cause says why.
    #[error("the file cannot be read")]
    Read(#[source] std::io::Error),
    /// The path names a folder, a named pipe, a device or another special file.
    #[error("it is a {kind}, not a regular file; a brief is a Markdown text file")]
    NotAFile {
        /// What it is instead ("folder", "named pipe", "device", …).
        kind: &'static str,
    },
    /// The file has no text at all.
    #[error("the brief is empty: there is no text to import")]
    Empty,
    /// The bytes are not UTF-8 text.
    #[error(
        "the brief is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8 and try again"
    )]
    NotUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The bytes look like a binary file.
    #[error("this looks like a binary file, not a Markdown brief")]
    Binary,
    /// The file is too large to be a brief.
    #[error("the brief is {size} bytes; briefs larger than {max} bytes are not imported")]
    TooLarge {
        /// Size of the input.
        size: usize,
        /// The limit.
        max: usize,
    },
}

/// Errors are equal when they say the same thing; IO errors compare by kind.
impl PartialEq for BriefError {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Read(a), Self::Read(b)) => a.kind() == b.kind(),
            (Self::NotAFile { kind: a }, Self::NotAFile { kind: b }) => a == b,
            (Self::NotUtf8 { offset: a }, Self::NotUtf8 { offset: b }) => a == b,
            (Self::TooLarge { size: a, max: m }, Self::TooLarge { size: b, max: n }) => {
                a == b && m == n
            }
            (Self::Empty, Self::Empty) | (Self::Binary, Self::Binary) => true,
            _ => false,
        }
    }
}

/// A parsed brief, before it becomes a notebook. Serializes to the fixed
/// JSON shape of `prepkit parse --json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Brief {
    /// The document title, if it has one.
    pub title: Option<String>,
    /// Company name found in the brief (e.g. a `Company Name:` line), or empty.
    pub company: String,
    /// Role found in the brief, or empty.
    pub role: String,
    /// The sections in document order.
    pub sections: Vec<BriefSection>,
    /// What the importer changed to keep the brief's cost bounded; worth
    /// telling the user (the CLI prints them on stderr).
    #[serde(skip)]
    pub notices: Vec<BriefNotice>,
}

/// Something the importer did to a brief that the user should hear about.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BriefNotice {
    /// Lists or quotes nested deeper than the cap: from the marker at the cap
    /// on, these lines are plain text (nothing is dropped).
    #[error(
        "{lines} line(s) nested lists or quotes past column {}; the deeper levels are kept as plain text",
        MAX_NESTING_COLUMNS
    )]
    NestingFlattened {
        /// How many lines were flattened.
        lines: usize,
    },
}

/// One section of a parsed brief.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct BriefSection {
    /// Heading text; empty for the intro before the first heading.
    pub title: String,
    /// Detected kind.
    pub kind: SectionKind,
    /// The section's body, verbatim (without its heading).
    pub markdown: String,
    /// Groups of items (Topics and Checklist only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<BriefGroup>,
}

/// A group of items in a parsed brief.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct BriefGroup {
    /// Group label; `None` for items without a group.
    pub title: Option<String>,
    /// The items.
    pub items: Vec<BriefItem>,
}

/// One topic or question in a parsed brief.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct BriefItem {
    /// Plain text of the item.
    pub text: String,
    /// Markdown nested under the item (deeper list levels, extra paragraphs).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub detail: String,
    /// A ticked task-list item (`- [x]`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
    /// A rating carried by the item (Prepkit's own Markdown export).
    #[serde(skip_serializing_if = "is_unrated")]
    pub confidence: Confidence,
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_unrated(c: &Confidence) -> bool {
    *c == Confidence::Unrated
}

/// Turns raw file bytes into brief text: UTF-8 checked, BOM removed, line endings LF.
pub fn decode(bytes: &[u8]) -> Result<String, BriefError> {
    if bytes.len() > MAX_BRIEF_BYTES {
        return Err(BriefError::TooLarge {
            size: bytes.len(),
            max: MAX_BRIEF_BYTES,
        });
    }
    if bytes.contains(&0) {
        return Err(BriefError::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| BriefError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    Ok(normalize(text))
}

/// Removes a byte-order mark and turns CRLF and lone CR into LF.
pub fn normalize(text: &str) -> String {
    normalized(text).into_owned()
}

/// [`normalize`], borrowing when there is nothing to change but a BOM.
fn normalized(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Parses brief text (see [`decode`] for bytes) into a [`Brief`].
pub fn parse(text: &str) -> Result<Brief, BriefError> {
    let text = normalized(text);
    if text.len() > MAX_BRIEF_BYTES {
        return Err(BriefError::TooLarge {
            size: text.len(),
            max: MAX_BRIEF_BYTES,
        });
    }
    if text.trim().is_empty() {
        return Err(BriefError::Empty);
    }
    let (text, flattened) = nesting::cap_nesting(&text);
    let mut notices = Vec::new();
    if flattened > 0 {
        notices.push(BriefNotice::NestingFlattened { lines: flattened });
    }
    let outline = lists::outline(&text);
    let (title, section_heads) = split_title(&text, &outline.headings);
    let mut items = outline.items.into_iter().peekable();
    // The list items that start before `end`, in order.
    let mut items_before = |end: usize| {
        let mut taken = Vec::new();
        while let Some(item) = items.next_if(|i| i.start < end) {
            taken.push(item);
        }
        taken
    };

    let mut sections = Vec::new();
    let body_start = title.as_ref().map_or(0, |(_, end)| *end);
    let first_section = section_heads.first().map_or(text.len(), |h| h.start);
    let intro = text.get(body_start..first_section).unwrap_or_default();
    let intro_items = items_before(first_section);
    if !intro.trim().is_empty() {
        sections.push(section_from_body(String::new(), intro, intro_items));
    }
    for (i, head) in section_heads.iter().enumerate() {
        let end = section_heads.get(i + 1).map_or(text.len(), |h| h.start);
        let body = text.get(head.end..end).unwrap_or_default();
        let nodes = items_before(end);
        sections.push(section_from_body(head.text.clone(), body, nodes));
    }

    let (company, role) = find_company_and_role(&sections);
    Ok(Brief {
        title: title.map(|(t, _)| t),
        company,
        role,
        sections,
        notices,
    })
}

/// Parses a brief and builds a fresh notebook from it.
///
/// `source` is recorded as where the brief came from (a path or `built-in`);
/// its file stem names the notebook when the brief has no title.
pub fn import(text: &str, source: &str) -> Result<Notebook, BriefError> {
    Ok(parse(text)?.into_notebook(source))
}

impl Brief {
    /// Builds a notebook with fresh ids.
    pub fn into_notebook(self, source: &str) -> Notebook {
        let mut nb = Notebook {
            schema_version: SCHEMA_VERSION,
            brief_source: source.to_owned(),
            ..Notebook::default()
        };
        nb.title = self.display_title(source);
        nb.company = self.company;
        nb.role = self.role;
        let values = crate::stories::values::brief_values(&self.sections);
        for s in self.sections {
            let id = nb.alloc_id();
            let groups = s
                .groups
                .into_iter()
                .map(|g| build_group(g, &mut nb))
                .collect();
            nb.sections.push(Section {
                id,
                title: s.title,
                kind: s.kind,
                markdown: s.markdown,
                groups,
                ..Section::default()
            });
        }
        crate::stories::values::add_values(&mut nb, values);
        nb
    }

    /// The title to show: the brief's own, else company and role, else the file name.
    fn display_title(&self, source: &str) -> String {
        if let Some(t) = &self.title {
            return t.clone();
        }
        match (self.company.is_empty(), self.role.is_empty()) {
            (false, false) => return format!("{} — {}", self.company, self.role),
            (false, true) => return self.company.clone(),
            _ => {}
        }
        std::path::Path::new(source)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty() && source != "built-in")
            .unwrap_or_else(|| "Interview brief".to_owned())
    }
}

fn build_group(g: BriefGroup, nb: &mut Notebook) -> Group {
    let id = nb.alloc_id();
    let items = g
        .items
        .into_iter()
        .map(|i| {
            let mut item = Item::new(nb.alloc_id(), i.text);
            item.detail = i.detail;
            item.done = i.done;
            item.confidence = i.confidence;
            item
        })
        .collect();
    Group {
        id,
        title: g.title,
        items,
    }
}

/// Groups built from the lists of a section's Markdown, with fresh ids from `nb`.
/// Used when the user turns a Prose section into Topics or a Checklist.
pub fn groups_from_markdown(markdown: &str, nb: &mut Notebook) -> Vec<Group> {
    let nodes = lists::top_level_items(&nesting::cap_nesting(markdown).0);
    groups_from_nodes(nodes)
        .into_iter()
        .map(|g| build_group(g, nb))
        .collect()
}

fn parser_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// Splits off the title heading (text, end offset) and returns the section headings.
fn split_title<'a>(
    text: &str,
    headings: &'a [Heading],
) -> (Option<(String, usize)>, Vec<&'a Heading>) {
    let Some(top) = headings.iter().map(|h| h.level).min() else {
        return (None, Vec::new());
    };
    let tops: Vec<&Heading> = headings.iter().filter(|h| h.level == top).collect();
    let first = headings.first();
    let nothing_before =
        first.is_some_and(|h| text.get(..h.start).is_some_and(|s| s.trim().is_empty()));
    if let ([only], Some(first)) = (tops.as_slice(), first)
        && std::ptr::eq(*only, first)
        && nothing_before
    {
        let rest = headings.get(1..).unwrap_or_default();
        let next = rest.iter().map(|h| h.level).min();
        let sections = rest.iter().filter(|h| Some(h.level) == next).collect();
        return (Some((first.text.clone(), first.end)), sections);
    }
    // A first top-level heading with nothing under it before the next one
    // is the title too (a messy brief's "# Interview Brief" over "# Topics"
    // made an empty section, and the notebook took the file's name).
    if let ([title, next, ..], Some(first)) = (tops.as_slice(), first)
        && std::ptr::eq(*title, first)
        && nothing_before
        && headings.get(1).is_some_and(|h| std::ptr::eq(h, *next))
        && text
            .get(first.end..next.start)
            .is_some_and(|s| s.trim().is_empty())
    {
        let sections = tops.get(1..).unwrap_or_default().to_vec();
        return (Some((first.text.clone(), first.end)), sections);
    }
    (None, tops)
}

/// A section from its heading, its body and the list items in the body.
fn section_from_body(title: String, body: &str, nodes: Vec<ListNode>) -> BriefSection {
    let markdown = trim_blank_lines(body).to_owned();
    let kind = classify(&title, &markdown, &nodes);
    let groups = if kind.has_items() {
        groups_from_nodes(nodes)
    } else {
        Vec::new()
    };
    BriefSection {
        title,
        kind,
        markdown,
        groups,
    }
}

/// Removes whole blank lines at both ends, keeping indentation of the first line.
fn trim_blank_lines(s: &str) -> &str {
    let end = s.trim_end().len();
    let s = s.get(..end).unwrap_or(s);
    let mut start = 0;
    for line in s.split_inclusive('\n') {
        if line.trim().is_empty() {
            start += line.len();
        } else {
            break;
        }
    }
    s.get(start..).unwrap_or(s)
}

/// Decides a section's kind from its heading and lists.
fn classify(title: &str, markdown: &str, nodes: &[ListNode]) -> SectionKind {
    let mut leaves = Vec::new();
    for n in nodes {
        n.leaves(&mut leaves);
    }
    if leaves.is_empty() {
        return SectionKind::Prose;
    }
    let questions = leaves.iter().filter(|l| is_question(&l.text)).count();
    if questions * 2 > leaves.len() {
        return SectionKind::Checklist;
    }
    let lower = title.to_lowercase();
    if ["topic", "주제", "토픽"].iter().any(|w| lower.contains(w)) {
        return SectionKind::Topics;
    }
    let with_children = nodes.iter().filter(|n| !n.children.is_empty()).count();
    let list_len: usize = nodes.iter().map(|n| n.source_len).sum();
    let list_dominates = list_len * 2 >= markdown.trim().len();
    if with_children > 0 && with_children * 2 >= nodes.len() && list_dominates {
        return SectionKind::Topics;
    }
    SectionKind::Prose
}

/// True if the text is a question: ends with `?` once closing quotes are ignored.
pub fn is_question(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '”' | '’' | '»' | '」' | '』' | ')' | '*' | '_'
            )
    });
    t.ends_with('?') || t.ends_with('？')
}

/// Strips `**`, `__`, surrounding whitespace and a trailing colon from a label.
pub fn clean_label(text: &str) -> String {
    if is_collapsed(text) {
        return clean_collapsed(text);
    }
    clean_collapsed(&collapse_ws(text))
}

/// [`clean_label`] of text whose whitespace is already collapsed.
fn clean_collapsed(text: &str) -> String {
    let t = text.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    let t = t.trim_end_matches([':', '：']).trim_end();
    t.to_owned()
}

/// Collapses runs of whitespace into single spaces and trims.
fn collapse_ws(s: &str) -> String {
    if is_collapsed(s) {
        return s.to_owned();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True if `s` has no whitespace but single spaces between words (most item
/// text), so collapsing it would change nothing.
fn is_collapsed(s: &str) -> bool {
    let mut after_space = true;
    for c in s.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || s.is_empty()
}

/// Turns top-level list items into groups: an item with sub-items is a group,
/// consecutive items without sub-items share an untitled group.
fn groups_from_nodes(nodes: Vec<ListNode>) -> Vec<BriefGroup> {
    let mut groups: Vec<BriefGroup> = Vec::new();
    for node in nodes {
        if node.children.is_empty() {
            let item = BriefItem {
                text: clean_collapsed(&node.text),
                done: node.task == Some(true),
                confidence: node.badge.unwrap_or_default(),
                detail: node.detail,
            };
            match groups.last_mut() {
                Some(g) if g.title.is_none() => g.items.push(item),
                _ => groups.push(BriefGroup {
                    title: None,
                    items: vec![item],
                }),
            }
        } else {
            let mut items: Vec<BriefItem> = node
                .children
                .into_iter()
                .map(|c| BriefItem {
                    text: clean_collapsed(&c.text),
                    done: c.task == Some(true),
                    confidence: c.badge.unwrap_or_default(),
                    detail: c.into_detail(),
                })
                .collect();
            // Extra text under a group label stays with its first item.
            if !node.detail.is_empty()
                && let Some(first) = items.first_mut()
            {
                first.detail = join_md(&node.detail, &first.detail);
            }
            let title = clean_collapsed(&node.text);
            groups.push(BriefGroup {
                title: (!title.is_empty()).then_some(title),
                items,
            });
        }
    }
    groups
}

fn join_md(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_owned(),
        (_, true) => a.to_owned(),
        _ => format!("{a}\n\n{b}"),
    }
}

/// Finds `Company: …` and `Role: …` style lines; else the role is the first
/// bold phrase of a section about the role.
fn find_company_and_role(sections: &[BriefSection]) -> (String, String) {
    const COMPANY: [&str; 6] = [
        "company name",
        "company",
        "employer",
        "회사명",
        "회사",
        "기업",
    ];
    const ROLE: [&str; 7] = [
        "role",
        "position",
        "job title",
        "title",
        "직무",
        "포지션",
        "지원 직무",
    ];
    let mut company = String::new();
    let mut role = String::new();
    for s in sections {
        // Only lines with a colon can name them.
        // Only lines with a colon can name them; `*` and `_` (bold, italics)
        // do not count.
        let unmarked =
            |t: &str| -> String { t.chars().filter(|c| !matches!(c, '*' | '_')).collect() };
        for line in s.markdown.lines() {
            let Some((key, value)) = line.split_once([':', '：']) else {
                continue;
            };
            let key = unmarked(key);
            let key = key
                .trim()
                .trim_start_matches(['-', '+'])
                .trim()
                .to_lowercase();
            let is_company = company.is_empty() && COMPANY.contains(&key.as_str());
            let is_role = role.is_empty() && ROLE.contains(&key.as_str());
            if !is_company && !is_role {
                continue;
            }
            let value = unmarked(value);
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            if is_company {
                value.clone_into(&mut company);
            } else {
                value.clone_into(&mut role);
            }
        }
    }
    if role.is_empty()
        && let Some(s) = sections.iter().find(|s| {
            let t = s.title.to_lowercase();
            ["role", "position", "직무", "포지션"]
                .iter()
                .any(|w| t.contains(w))
        })
    {
        role = lists::first_strong(&s.markdown).unwrap_or_default();
    }
    (company, role)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_then_sections_one_level_down() {
        let b = parse("# Prep\n\nintro line\n\n## A\n\ntext\n\n### deeper\n\nmore\n\n## B\n\nb")
            .unwrap();
        assert_eq!(b.title.as_deref(), Some("Prep"));
        let titles: Vec<_> = b.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["", "A", "B"]);
        assert!(b.sections[1].markdown.contains("### deeper\n\nmore"));
    }

    #[test]
    fn several_top_headings_are_all_sections() {
        let b = parse("# A\n\none\n\n# B\n\ntwo\n").unwrap();
        assert_eq!(b.title, None);
        assert_eq!(b.sections.len(), 2);
    }

    #[test]
    fn question_detection_ignores_closing_quotes() {
        assert!(is_question("“What is the ratio?”"));
        assert!(is_question("\"Why?\" "));
        assert!(is_question("왜 지원했나요？"));
        assert!(!is_question("Schema design"));
    }

    #[test]
    fn labels_are_clean() {
        assert_eq!(clean_label("**Python & FastAPI:**"), "Python & FastAPI");
        assert_eq!(clean_label("  Databases : "), "Databases");
    }

    #[test]
    fn crlf_and_bom_never_reach_the_model() {
        let nb = import(
            "\u{feff}# T\r\n\r\n## Topics\r\n\r\n- G\r\n  - one\r\n  - two\r\n",
            "x.md",
        )
        .unwrap();
        let json = serde_json::to_string(&nb).unwrap();
        assert!(!json.contains("\\r"));
        assert!(!json.contains('\u{feff}'));
        assert_eq!(nb.sections[0].groups[0].items[1].text, "two");
    }
}
