//! Search that understands Korean: text is compared after NFC normalisation
//! and case folding, and a consonant typed on its own (`ㅁ`) matches any
//! syllable that starts with it (`면`), as phone contact search does, so
//! `ㅁㅈ` finds `면접` and `ㄷㅇㅌ` finds `데이터`.

use unicode_normalization::UnicodeNormalization;

use crate::model::{Id, Notebook, SectionKind};

/// The 19 initial consonants of Hangul syllables, as compatibility jamo, in
/// Unicode's syllable order.
const INITIALS: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];

/// The initial consonant of a precomposed Hangul syllable.
fn initial(c: char) -> Option<char> {
    let code = u32::from(c).checked_sub(0xAC00)?;
    if code > 0xD7A3 - 0xAC00 {
        return None;
    }
    INITIALS.get((code / 588) as usize).copied()
}

/// A search query, prepared once and matched against many texts.
#[derive(Clone, Debug, Default)]
pub struct Query {
    chars: Vec<char>,
}

/// NFC, lowercase.
fn fold(text: &str) -> Vec<char> {
    text.nfc().flat_map(char::to_lowercase).collect()
}

impl Query {
    /// Prepares `text` for matching; surrounding whitespace is ignored.
    pub fn new(text: &str) -> Self {
        Self {
            chars: fold(text.trim()),
        }
    }

    /// True for an empty query (which matches everything).
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// True if `text` contains the query.
    pub fn matches(&self, text: &str) -> bool {
        if self.chars.is_empty() {
            return true;
        }
        let hay = fold(text);
        let n = self.chars.len();
        if hay.len() < n {
            return false;
        }
        hay.windows(n).any(|w| {
            w.iter()
                .zip(&self.chars)
                .all(|(&h, &q)| h == q || (INITIALS.contains(&q) && initial(h) == Some(q)))
        })
    }
}

impl Query {
    /// Where the query first matches in `text`, as a byte range of `text`
    /// (to mark it); `None` if it does not, or the query is empty. Each
    /// character is folded on its own (case, and initial consonants as in
    /// [`Query::matches`]), so the range always falls on `text`'s characters.
    pub fn find(&self, text: &str) -> Option<std::ops::Range<usize>> {
        if self.chars.is_empty() {
            return None;
        }
        let hay: Vec<(usize, usize, char)> = text
            .char_indices()
            .flat_map(|(at, c)| {
                let end = at + c.len_utf8();
                c.to_lowercase().map(move |l| (at, end, l))
            })
            .collect();
        let n = self.chars.len();
        hay.windows(n)
            .find(|w| {
                w.iter().zip(&self.chars).all(|(&(_, _, h), &q)| {
                    h == q || (INITIALS.contains(&q) && initial(h) == Some(q))
                })
            })
            .and_then(|w| Some(w.first()?.0..w.last()?.1))
    }
}

/// Something in a notebook that matches a query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    /// An item (topic or question) whose text, detail or notes match.
    Item {
        /// Its section.
        section: Id,
        /// The item.
        item: Id,
    },
    /// A section whose title, Markdown or notes match.
    Section(Id),
}

/// Everything in the notebook that matches `query`, in document order.
pub fn search(nb: &Notebook, query: &Query) -> Vec<Hit> {
    let mut hits = Vec::new();
    if query.is_empty() {
        return hits;
    }
    for s in &nb.sections {
        let prose_hit = query.matches(&s.title)
            || query.matches(&s.notes)
            || (s.kind == SectionKind::Prose && query.matches(&s.markdown));
        if prose_hit {
            hits.push(Hit::Section(s.id));
        }
        if s.kind.has_items() {
            for g in &s.groups {
                let group_hit = g.title.as_deref().is_some_and(|t| query.matches(t));
                for i in &g.items {
                    if group_hit
                        || query.matches(&i.text)
                        || query.matches(&i.notes)
                        || query.matches(&i.detail)
                    {
                        hits.push(Hit::Item {
                            section: s.id,
                            item: i.id,
                        });
                    }
                }
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initial_consonants_find_korean_words() {
        assert!(Query::new("ㅁㅈ").matches("내일 면접 준비"));
        assert!(Query::new("ㄷㅇㅌ").matches("데이터베이스 인덱스"));
        assert!(!Query::new("ㄷㅇㅌ").matches("면접"));
        assert!(Query::new("면ㅈ").matches("면접"));
    }

    #[test]
    fn comparison_is_nfc_and_case_insensitive() {
        // "면" as decomposed jamo (NFD) still matches the precomposed query.
        let nfd: String = "면접".nfd().collect();
        assert_ne!(nfd, "면접");
        assert!(Query::new("면접").matches(&nfd));
        assert!(Query::new("FASTAPI").matches("Dependency injection in FastAPI"));
        assert!(!Query::new("django").matches("FastAPI"));
    }
}
