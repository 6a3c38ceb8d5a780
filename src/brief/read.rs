//! Reading a brief from disk with bounded cost: only a regular file is read,
//! never more than [`MAX_BRIEF_BYTES`] of it, and a named pipe with no
//! writer is refused at once instead of blocking forever.

use std::fs::{File, FileType, OpenOptions};
use std::io::Read as _;
use std::path::Path;

use super::{BriefError, MAX_BRIEF_BYTES, decode};

/// Reads the brief at `path`: refuses anything but a regular file (a folder,
/// a named pipe, a device), reads at most [`MAX_BRIEF_BYTES`] + 1 bytes so a
/// huge or endless input is refused without being read whole, and decodes
/// the bytes (see [`decode`]).
pub fn read_file(path: &Path) -> Result<String, BriefError> {
    // Refuse by the path first, so a device or pipe is not even opened…
    let meta = std::fs::metadata(path).map_err(BriefError::Read)?;
    check_regular(meta.file_type())?;
    let file = open_without_blocking(path).map_err(BriefError::Read)?;
    // …and again by the open file, in case the path changed in between.
    let meta = file.metadata().map_err(BriefError::Read)?;
    check_regular(meta.file_type())?;
    let max = MAX_BRIEF_BYTES as u64;
    if meta.len() > max {
        return Err(BriefError::TooLarge {
            size: usize::try_from(meta.len()).unwrap_or(usize::MAX),
            max: MAX_BRIEF_BYTES,
        });
    }
    // A file can grow while it is read, and some files (in /proc) report a
    // size of 0: the cap holds as the bytes arrive, whatever the size said.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(BriefError::Read)?;
    decode(&bytes)
}

fn check_regular(kind: FileType) -> Result<(), BriefError> {
    if kind.is_file() {
        return Ok(());
    }
    Err(BriefError::NotAFile {
        kind: describe(kind),
    })
}

/// Opens for reading; on Unix with `O_NONBLOCK`, so opening a named pipe
/// with no writer returns at once (the type check then refuses it).
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// A name for a kind of file a person would recognise.
fn describe(kind: FileType) -> &'static str {
    if kind.is_dir() {
        return "folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "named pipe";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "device";
        }
        if kind.is_socket() {
            return "socket";
        }
    }
    "special file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_and_decoded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.md");
        std::fs::write(&path, "\u{feff}# T\r\n\r\nbody\r\n").unwrap();
        assert_eq!(read_file(&path).unwrap(), "# T\n\nbody\n");
    }

    #[test]
    fn a_folder_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_file(dir.path()).unwrap_err();
        assert_eq!(err, BriefError::NotAFile { kind: "folder" });
        assert!(err.to_string().contains("folder"), "{err}");
    }

    #[test]
    fn a_missing_file_keeps_its_cause() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_file(&dir.path().join("nope.md")).unwrap_err();
        let BriefError::Read(cause) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(cause.kind(), std::io::ErrorKind::NotFound);
    }
}
