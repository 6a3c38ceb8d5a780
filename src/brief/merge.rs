//! Re-import: merge a freshly parsed brief into the notebook the user has
//! been working in, keeping every rating, note and tick whose topic still exists,
//! and setting aside (never dropping) what the user made that the brief no longer has.

use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;

use crate::model::{Group, Id, Item, Notebook, Section};

/// Title of the group that receives topics the new brief no longer has,
/// when no other label is given ([`merge_archiving`] takes the app's wording).
pub const ARCHIVED_GROUP: &str = "Archived";

/// Text compared for matching: NFC, whitespace collapsed, case folded.
pub(crate) fn key(text: &str) -> String {
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
    let mut out = Notebook {
        sections: Vec::new(),
        brief_source: fresh.brief_source.clone(),
        ..old.clone()
    };
    if out.company.is_empty() {
        out.company.clone_from(&fresh.company);
    }
    if out.role.is_empty() {
        out.role.clone_from(&fresh.role);
    }
    out.repair_ids();

    crate::stories::values::merge_values(&mut out, fresh.values);
    let mut used_sections: HashSet<Id> = HashSet::new();
    for fs in fresh.sections {
        let matched = old
            .sections
            .iter()
            .find(|s| !used_sections.contains(&s.id) && key(&s.title) == key(&fs.title));
        let section = match matched {
            Some(os) => {
                used_sections.insert(os.id);
                merge_section(&mut out, os, fs, archived)
            }
            None => renumber_section(&mut out, fs),
        };
        out.sections.push(section);
    }
    for os in &old.sections {
        if !used_sections.contains(&os.id) && os.has_user_data() {
            out.sections.push(os.clone());
        }
    }
    out
}

fn merge_section(out: &mut Notebook, old: &Section, fresh: Section, label: &str) -> Section {
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
    let mut by_key: HashMap<String, Vec<&Item>> = HashMap::new();
    for item in old.items() {
        by_key.entry(key(&item.text)).or_default().push(item);
    }
    let mut used_items: HashSet<Id> = HashSet::new();
    let mut used_groups: HashSet<Id> = HashSet::new();
    for fg in fresh.groups {
        let old_group = old.groups.iter().find(|g| {
            !used_groups.contains(&g.id)
                && g.title.as_deref().map(key) == fg.title.as_deref().map(key)
        });
        let gid = match old_group {
            Some(g) => {
                used_groups.insert(g.id);
                g.id
            }
            None => out.alloc_id(),
        };
        let mut group = Group {
            id: gid,
            title: fg.title,
            items: Vec::new(),
        };
        for fi in fg.items {
            let found = by_key
                .get_mut(&key(&fi.text))
                .and_then(|v| (!v.is_empty()).then(|| v.remove(0)));
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
    let mut archived = Vec::new();
    for og in &old.groups {
        for oi in &og.items {
            if used_items.contains(&oi.id) {
                continue;
            }
            if oi.added {
                let target = section.groups.iter_mut().find(|g| g.id == og.id);
                if let Some(g) = target {
                    g.items.push(oi.clone());
                } else {
                    section.groups.push(Group {
                        id: og.id,
                        title: og.title.clone(),
                        items: vec![oi.clone()],
                    });
                }
            } else if oi.has_user_data() || out.stories.iter().any(|s| s.topics.contains(&oi.id)) {
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
