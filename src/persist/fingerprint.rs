//! What a file looked like when we last read or wrote it.
//!
//! Saving compares the file on disk with the fingerprint taken at load or at
//! the last save, so a file changed by someone else (a sync service, a second
//! window) is never overwritten blindly.

use std::fmt;
use std::fs;
use std::io;
use std::path::Path;
use std::time::SystemTime;

use super::PersistError;

/// Length, content hash and modification time of a file.
///
/// Two fingerprints are equal when length and content hash are equal: a file
/// rewritten with the very same bytes (a sync service touching it) is not a
/// change, and a change within the file system's timestamp granularity is
/// still seen. The modification time is kept for display.
#[derive(Clone, Copy)]
pub struct Fingerprint {
    len: u64,
    hash: u64,
    modified: Option<SystemTime>,
}

impl Fingerprint {
    /// The fingerprint of these bytes, with no modification time.
    pub fn of_bytes(bytes: &[u8]) -> Self {
        Self {
            len: bytes.len() as u64,
            hash: fnv1a(bytes),
            modified: None,
        }
    }

    /// The fingerprint of the file at `path`, or `None` if there is no file.
    ///
    /// Anything that is not a regular file (a named pipe put in the
    /// notebook's place would block a plain read forever) is an error.
    pub fn read(path: &Path) -> Result<Option<Self>, PersistError> {
        if super::atomic::regular_or_missing(path)?.is_none() {
            return Ok(None);
        }
        match fs::read(path) {
            Ok(bytes) => Ok(Some(Self::of_bytes(&bytes).with_modified_of(path))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(PersistError::io("read", path, e)),
        }
    }

    /// Adds the modification time of the file at `path`, if it can be read.
    pub(crate) fn with_modified_of(mut self, path: &Path) -> Self {
        self.modified = fs::metadata(path).and_then(|m| m.modified()).ok();
        self
    }

    /// A short text that tells this fingerprint from others (length and
    /// content hash), e.g. for the crash journal.
    pub fn token(&self) -> String {
        format!("{}-{:016x}", self.len, self.hash)
    }

    /// The file's length in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// True for an empty file.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// When the file was last modified, if known.
    pub fn modified(&self) -> Option<SystemTime> {
        self.modified
    }
}

impl PartialEq for Fingerprint {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

impl Eq for Fingerprint {}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fingerprint({} bytes, {:016x})", self.len, self.hash)
    }
}

/// 64-bit FNV-1a: cheap, stable across builds, good enough to tell versions
/// of one file apart (this is not a security boundary).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_byte_changes_the_fingerprint() {
        let a = Fingerprint::of_bytes(b"{\"title\": \"abc\"}");
        let b = Fingerprint::of_bytes(b"{\"title\": \"abd\"}");
        assert_ne!(a, b);
        assert_eq!(a, Fingerprint::of_bytes(b"{\"title\": \"abc\"}"));
    }

    #[test]
    fn modification_time_does_not_count() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, b"same").unwrap();
        let on_disk = Fingerprint::read(&path).unwrap().unwrap();
        assert!(on_disk.modified().is_some());
        assert_eq!(on_disk, Fingerprint::of_bytes(b"same"));
        assert_eq!(
            Fingerprint::read(&dir.path().join("none.json")).unwrap(),
            None
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("a.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success(), "mkfifo failed");
        // Without the check, this read would wait for a writer forever.
        let err = Fingerprint::read(&fifo).unwrap_err();
        assert!(err.to_string().contains("named pipe"), "{err}");
    }
}
