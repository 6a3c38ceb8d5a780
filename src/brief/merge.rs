//! Re-import: merge a freshly parsed brief into the notebook the user has
//! been working in, keeping every rating, note and tick whose topic still exists,
//! and setting aside (never dropping) what the user made that the brief no longer has.

use std::collections::{HashMap, HashSet, VecDeque};

use unicode_normalization::UnicodeNormalization;

use crate::model::{Group, Id, Item, Notebook, Section};

/// Title of the group that receives topics the new brief no longer has,
/// when no other label is given ([`merge_archiving`] takes the app's wording).
pub const ARCHIVED_GROUP: &str = "Archived";

#[cfg(test)]
thread_local! {
    /// How many matching keys this thread has made (the tests count them).
    static KEYS_MADE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many matching keys this thread has made so far.
#[cfg(test)]
pub(crate) fn keys_made() -> usize {
    KEYS_MADE.with(std::cell::Cell::get)
}

/// Text compared for matching: NFC, whitespace collapsed, case folded.
pub(crate) fn key(text: &str) -> String {
    #[cfg(test)]
    KEYS_MADE.with(|n| n.set(n.get() + 1));
    text.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Merges `fresh` (a newly imported brief) into `old` (the user's notebook).
///
/// - Sections match by title; a matched section keeps its id, kind (the
///   user's choice), notes, and its Markdown if the user edited it.
/// - Items match by text anywhere in their section and keep id, rating,
///   notes, ticks and reviews; the brief's new text and detail win.
/// - Items the user added stay in their group; items with user data that the
///   brief dropped move to an "Archived" group. Sections likewise are kept
///   at the end when they hold user data.
/// - Notebook details the user set (company, role, date, title) are kept.
pub fn merge(old: &Notebook, fresh: Notebook) -> Notebook {
    merge_archiving(old, fresh, ARCHIVED_GROUP)
}

/// [`merge`], with dropped topics that carry user data archived under
/// `archived` (the app's word for it, in the notebook's language). A group
/// already titled `archived` or [`ARCHIVED_GROUP`] takes them in.
pub fn merge_archiving(old: &Notebook, fresh: Notebook, archived: &str) -> Notebook {
    // Everything but the sections, which are rebuilt below (cloning them
    // here only to drop them doubled the memory a big notebook needs).
    let mut out = Notebook {
        schema_version: old.schema_version,
        id: old.id.clone(),
        brief_source: fresh.brief_source.clone(),
        title: old.title.clone(),
        company: old.company.clone(),
        role: old.role.clone(),
        interview_at: old.interview_at,
        sections: Vec::with_capacity(fresh.sections.len()),
        created: old.created,
        updated: old.updated,
        next_id: old.next_id,
        values: old.values.clone(),
        stories: old.stories.clone(),
        debrief: old.debrief.clone(),
    };
    if out.company.is_empty() {
        out.company.clone_from(&fresh.company);
    }
    if out.role.is_empty() {
        out.role.clone_from(&fresh.role);
    }
    out.repair_ids();

    crate::stories::values::merge_values(&mut out, fresh.values);
    // Topics a story links to are kept (archived) even without a rating.
    let in_stories: HashSet<Id> = out
        .stories
        .iter()
        .flat_map(|s| s.topics.iter().copied())
        .collect();
    // Old sections by title, in order: each fresh section takes the first
    // one of its title not taken yet (one lookup, not a scan).
    let mut by_title = Queues::new(old.sections.iter().map(|s| key(&s.title)));
    let mut used_sections = vec![false; old.sections.len()];
    for fs in fresh.sections {
        let matched = by_title.take(&key(&fs.title));
        let section = match matched.and_then(|i| Some((i, old.sections.get(i)?))) {
            Some((i, os)) => {
                if let Some(used) = used_sections.get_mut(i) {
                    *used = true;
                }
                merge_section(&mut out, os, fs, archived, &in_stories)
            }
            None => renumber_section(&mut out, fs),
        };
        out.sections.push(section);
    }
    for (os, used) in old.sections.iter().zip(used_sections) {
        if !used && os.has_user_data() {
            out.sections.push(os.clone());
        }
    }
    out
}

/// Indices of items by their matching key, each key's in order: `take`
/// hands out the first index of a key not handed out yet, in constant time,
/// so matching n things against n is linear, duplicates or not.
pub(crate) struct Queues<K> {
    by_key: HashMap<K, VecDeque<usize>>,
}

impl<K: std::hash::Hash + Eq> Queues<K> {
    /// The keys of the items, in order (the item's index is its position).
    pub(crate) fn new(keys: impl IntoIterator<Item = K>) -> Self {
        let mut by_key: HashMap<K, VecDeque<usize>> = HashMap::new();
        for (i, k) in keys.into_iter().enumerate() {
            by_key.entry(k).or_default().push_back(i);
        }
        Self { by_key }
    }

    /// The first index with this key not taken yet.
    pub(crate) fn take<Q>(&mut self, key: &Q) -> Option<usize>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.by_key.get_mut(key)?.pop_front()
    }
}

fn merge_section(
    out: &mut Notebook,
    old: &Section,
    fresh: Section,
    label: &str,
    in_stories: &HashSet<Id>,
) -> Section {
    let mut section = Section {
        id: old.id,
        title: fresh.title,
        kind: old.kind,
        markdown: if old.markdown_edited {
            old.markdown.clone()
        } else {
            fresh.markdown
        },
        markdown_edited: old.markdown_edited,
        notes: old.notes.clone(),
        added: old.added,
        pinned: old.pinned,
        groups: Vec::new(),
    };
    if fresh.groups.iter().all(|g| g.items.is_empty()) {
        // The brief has no list here (any more): the user's groups stay as they are.
        section.groups.clone_from(&old.groups);
        return section;
    }

    // Old items by matching key, first come first served.
    let old_items: Vec<&Item> = old.items().collect();
    let mut by_key = Queues::new(old_items.iter().map(|i| key(&i.text)));
    let mut groups_by_title = Queues::new(old.groups.iter().map(|g| g.title.as_deref().map(key)));
    let mut used_items: HashSet<Id> = HashSet::new();
    for fg in fresh.groups {
        let old_group = groups_by_title
            .take(&fg.title.as_deref().map(key))
            .and_then(|i| old.groups.get(i));
        let gid = match old_group {
            Some(g) => g.id,
            None => out.alloc_id(),
        };
        let mut group = Group {
            id: gid,
            title: fg.title,
            items: Vec::new(),
        };
        for fi in fg.items {
            let found = by_key
                .take(key(&fi.text).as_str())
                .and_then(|i| old_items.get(i).copied());
            let item = match found {
                Some(oi) => {
                    used_items.insert(oi.id);
                    Item {
                        text: fi.text,
                        detail: fi.detail,
                        done: oi.done || fi.done,
                        ..oi.clone()
                    }
                }
                None => Item {
                    id: out.alloc_id(),
                    ..fi
                },
            };
            group.items.push(item);
        }
        section.groups.push(group);
    }

    // What the brief no longer has: the user's own items stay in (a group
    // like) their own; items with ratings or notes go to "Archived".
    let mut group_at: HashMap<Id, usize> = section
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id, i))
        .collect();
    let mut archived = Vec::new();
    for og in &old.groups {
        for oi in &og.items {
            if used_items.contains(&oi.id) {
                continue;
            }
            if oi.added {
                let target = group_at
                    .get(&og.id)
                    .and_then(|&i| section.groups.get_mut(i));
                if let Some(g) = target {
                    g.items.push(oi.clone());
                } else {
                    group_at.insert(og.id, section.groups.len());
                    section.groups.push(Group {
                        id: og.id,
                        title: og.title.clone(),
                        items: vec![oi.clone()],
                    });
                }
            } else if oi.has_user_data() || in_stories.contains(&oi.id) {
                archived.push(oi.clone());
            }
        }
    }
    if !archived.is_empty() {
        let existing = section
            .groups
            .iter_mut()
            .find(|g| matches!(g.title.as_deref(), Some(t) if t == label || t == ARCHIVED_GROUP));
        if let Some(g) = existing {
            g.items.extend(archived);
        } else {
            let id = out.alloc_id();
            section.groups.push(Group {
                id,
                title: Some(label.to_owned()),
                items: archived,
            });
        }
    }
    section
}

/// A brand-new section from the brief, with ids that are fresh in `out`.
fn renumber_section(out: &mut Notebook, mut s: Section) -> Section {
    s.id = out.alloc_id();
    for g in &mut s.groups {
        g.id = out.alloc_id();
        for i in &mut g.items {
            i.id = out.alloc_id();
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::import;
    use crate::model::Confidence;

    const V1: &str = "# Topics\n\n- **DB:**\n  - Indexing\n  - Caching\n- **API:**\n  - REST\n";

    /// A brief of `n` sections, `n` groups and `n` values, in the given order.
    fn many(order: impl Iterator<Item = usize> + Clone) -> String {
        use std::fmt::Write as _;
        let mut md = String::from("# Many\n\n## Values\n\n");
        for i in order.clone() {
            let _ = writeln!(md, "- **Value {i}:** text");
        }
        md.push_str("\n## Likely Interview Topics\n\n");
        for i in order.clone() {
            let _ = writeln!(md, "- Group {i}:\n  - Topic {i}");
        }
        for i in order {
            let _ = writeln!(md, "\n## Section {i}\n\nProse {i}.");
        }
        md
    }

    /// Matching is by lookup, not by scanning: a re-import of n sections,
    /// groups and values in the reverse order makes a few keys per thing.
    /// Scanning for each fresh one made a key per old one tried, n²/2 each
    /// (millions here; 80,000 sections took 49 s).
    #[test]
    fn matching_makes_a_linear_number_of_keys() {
        let n = 2_000;
        let mut old = import(&many(0..n), "b.md").unwrap();
        let topic = old.topics().next().unwrap().id;
        old.item_mut(topic).unwrap().confidence = Confidence::Good;
        let fresh = import(&many((0..n).rev()), "b.md").unwrap();
        let before = keys_made();
        let merged = merge(&old, fresh);
        let made = keys_made() - before;
        assert!(made <= 10 * n, "{made} keys for {n} sections");
        assert_eq!(merged.sections.len(), n + 2);
        assert_eq!(merged.values.len(), n);
        assert_eq!(merged.item(topic).unwrap().confidence, Confidence::Good);
        assert_eq!(merged.sections[2].title, format!("Section {}", n - 1));
        assert_eq!(
            merged.sections[2].id,
            old.sections.last().unwrap().id,
            "matched by title"
        );
    }

    #[test]
    fn ratings_survive_reimport_and_dropped_topics_are_archived() {
        let mut nb = import(V1, "b.md").unwrap();
        let ids: Vec<Id> = nb.sections[0].items().map(|i| i.id).collect();
        nb.item_mut(ids[0]).unwrap().confidence = Confidence::Good;
        nb.item_mut(ids[1]).unwrap().notes = "TTL vs write-through".into();
        nb.item_mut(ids[2]).unwrap().confidence = Confidence::Weak;

        let v2 = "# Topics\n\n- **Databases:**\n  - indexing\n- **API:**\n  - REST\n  - GraphQL\n";
        let merged = merge(&nb, import(v2, "b.md").unwrap());
        let s = &merged.sections[0];
        let find = |t: &str| s.items().find(|i| i.text == t).unwrap();
        assert_eq!(find("indexing").confidence, Confidence::Good);
        assert_eq!(find("indexing").id, ids[0]);
        assert_eq!(find("REST").confidence, Confidence::Weak);
        assert_eq!(find("GraphQL").confidence, Confidence::Unrated);
        let archived = s
            .groups
            .iter()
            .find(|g| g.title.as_deref() == Some(ARCHIVED_GROUP))
            .unwrap();
        assert_eq!(archived.items[0].notes, "TTL vs write-through");
        // Every id is unique.
        let mut all: Vec<u64> = s.items().map(|i| i.id.0).collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), s.items().count());
        assert!(merged.next_id > merged.max_id());
    }
}
