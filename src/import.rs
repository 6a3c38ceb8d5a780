//! Opening files by path, shared by the app and the CLI: reading a brief into
//! a fresh notebook, finding the notebook an earlier import of the same brief
//! made, and telling notebook files from briefs.
//!
//! Everything here reads the disk: the app calls it on its I/O thread, never
//! on the UI thread.

use std::path::{Path, PathBuf};

use crate::brief::{self, BriefError};
use crate::model::Notebook;
use crate::persist::{self, Fingerprint, Loaded, PersistError};

/// The extension of Prepkit's own notebook files (`.json` is read too).
pub const NOTEBOOK_EXT: &str = "prepkit";

/// Why a file could not be opened. The message carries its cause.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read, or is not a brief Prepkit can import.
    #[error("cannot import {}: {cause}", path.display())]
    Brief {
        /// The file.
        path: PathBuf,
        /// Why.
        cause: BriefError,
    },
    /// The notebook made from it earlier could not be read.
    #[error(transparent)]
    Persist(#[from] PersistError),
}

/// True for a notebook file (`.prepkit` or `.json`) rather than a brief.
pub fn is_notebook_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case(NOTEBOOK_EXT))
}

/// The path a brief is known by: absolute, with `.`, `..` and links resolved,
/// so `in/abc.md`, `./in/abc.md` and `/home/…/in/abc.md` are one brief.
/// A path that cannot be resolved (gone) is made absolute as it is.
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// Reads a brief file into a fresh notebook whose `brief_source` is the
/// brief's canonical path.
pub fn read_brief(path: &Path) -> Result<Notebook, ImportError> {
    // Bounded: a regular file only, never more than the size cap is read.
    let text = brief::read_file(path).map_err(|cause| ImportError::Brief {
        path: path.to_path_buf(),
        cause,
    })?;
    let source = canonical(path);
    brief::import(&text, &source.display().to_string()).map_err(|cause| ImportError::Brief {
        path: path.to_path_buf(),
        cause,
    })
}

/// A brief read for import, and where its notebook lives.
#[derive(Debug)]
pub struct Imported {
    /// The notebook made from the brief alone.
    pub fresh: Notebook,
    /// Where its notebook is (or will be) saved.
    pub target: PathBuf,
    /// The notebook an earlier import of the same brief made, as on disk.
    pub existing: Option<Loaded>,
}

impl Imported {
    /// The notebook to show: the brief merged into the earlier notebook
    /// (keeping ratings and notes), or the fresh one.
    pub fn merged(&self) -> Notebook {
        self.merged_archiving(brief::ARCHIVED_GROUP)
    }

    /// [`Self::merged`], with dropped topics archived under `archived`
    /// (the app's word for it in the user's language).
    pub fn merged_archiving(&self, archived: &str) -> Notebook {
        match &self.existing {
            Some(loaded) => brief::merge_archiving(&loaded.notebook, self.fresh.clone(), archived),
            None => self.fresh.clone(),
        }
    }

    /// [`Self::merged_archiving`], taking the fresh notebook rather than
    /// copying it (an 8 MiB brief can make a notebook of hundreds of MB).
    pub fn into_merged(self, archived: &str) -> Notebook {
        match self.existing {
            Some(loaded) => brief::merge_archiving(&loaded.notebook, self.fresh, archived),
            None => self.fresh,
        }
    }

    /// The fingerprint of the file at the target, when there is one.
    pub fn fingerprint(&self) -> Option<Fingerprint> {
        self.existing.as_ref().map(|l| l.fingerprint)
    }
}

/// Reads a brief and finds its notebook in `notebooks_dir`: the one an
/// earlier import of the same file made (the same canonical path, however it
/// was spelled), else a new id from the brief's file name.
pub fn import_brief(notebooks_dir: &Path, path: &Path) -> Result<Imported, ImportError> {
    let mut fresh = read_brief(path)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let base = persist::slug(&stem);
    // Earlier imports of a brief with this file name: `base`, `base-2`, …
    for n in 1u32.. {
        let id = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let candidate = notebooks_dir.join(format!("{id}.json"));
        if !candidate.exists() {
            break;
        }
        let Ok(loaded) = persist::load(&candidate) else {
            continue;
        };
        if same_brief(&loaded.notebook.brief_source, &fresh.brief_source) {
            fresh.id.clone_from(&loaded.notebook.id);
            return Ok(Imported {
                fresh,
                target: candidate,
                existing: Some(loaded),
            });
        }
    }
    let id = persist::unique_id(notebooks_dir, &base);
    fresh.id.clone_from(&id);
    Ok(Imported {
        fresh,
        target: notebooks_dir.join(format!("{id}.json")),
        existing: None,
    })
}

/// True when two `brief_source`s name the same file. Sources written by
/// older versions may be relative: they match when they resolve to it.
fn same_brief(recorded: &str, canonical_source: &str) -> bool {
    recorded == canonical_source
        || (!recorded.is_empty()
            && recorded != "built-in"
            && canonical(Path::new(recorded)).display().to_string() == canonical_source)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BRIEF: &str = "# Acme\n\n## Likely Interview Topics\n\n- Rust\n  - Ownership\n";

    #[test]
    fn the_same_brief_by_any_spelling_updates_one_notebook() {
        let dir = tempfile::tempdir().unwrap();
        let briefs = dir.path().join("in");
        std::fs::create_dir_all(&briefs).unwrap();
        std::fs::write(briefs.join("acme.md"), BRIEF).unwrap();
        let notebooks = dir.path().join("notebooks");
        let spellings = [
            briefs.join("acme.md"),
            briefs.join(".").join("acme.md"),
            briefs.join("..").join("in").join("acme.md"),
        ];
        let mut targets = Vec::new();
        for path in &spellings {
            let imported = import_brief(&notebooks, path).unwrap();
            persist::save(
                &imported.target,
                &imported.merged(),
                imported.fingerprint().as_ref(),
            )
            .unwrap();
            targets.push(imported.target);
        }
        assert!(targets.iter().all(|t| *t == targets[0]), "{targets:?}");
        assert_eq!(persist::list(dir.path()).unwrap().len(), 1);
    }

    #[test]
    fn another_brief_with_the_same_file_name_gets_its_own_notebook() {
        let dir = tempfile::tempdir().unwrap();
        let notebooks = dir.path().join("notebooks");
        for sub in ["a", "b", "a"] {
            let folder = dir.path().join(sub);
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join("brief.md"), BRIEF).unwrap();
            let imported = import_brief(&notebooks, &folder.join("brief.md")).unwrap();
            persist::save(
                &imported.target,
                &imported.merged(),
                imported.fingerprint().as_ref(),
            )
            .unwrap();
        }
        let ids: Vec<String> = persist::list(dir.path())
            .unwrap()
            .into_iter()
            .map(|i| i.id)
            .collect();
        assert_eq!(ids.len(), 2, "{ids:?}");
    }

    #[test]
    fn notebook_files_are_told_from_briefs() {
        assert!(is_notebook_path(Path::new("a.json")));
        assert!(is_notebook_path(Path::new("a.PREPKIT")));
        assert!(!is_notebook_path(Path::new("a.md")));
    }
}
