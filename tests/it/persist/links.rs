//! Symbolic links and special files (issue 8, item 5): a save writes through
//! a link to its target, and never replaces a device, a named pipe, a socket
//! or a folder with a regular file.

use std::fs;
use std::path::Path;
use std::process::Command;

use prepkit::persist::{self, PersistError, load, notebook_path, save};

use super::sample;

#[cfg(unix)]
#[test]
fn a_symlinked_notebook_saved_twice_stays_a_link_and_its_target_changes() {
    let dir = tempfile::tempdir().unwrap();
    let synced = dir.path().join("Dropbox");
    fs::create_dir_all(&synced).unwrap();
    let target = synced.join("abc.json");
    let path = notebook_path(dir.path(), "abc");
    let mut nb = sample("abc");
    save(&target, &nb, None).unwrap();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&target, &path).unwrap();

    let mut fp = load(&path).unwrap().fingerprint;
    for note in ["first save", "second save"] {
        nb.sections[0].notes = note.into();
        fp = save(&path, &nb, Some(&fp)).unwrap();
        assert!(
            fs::symlink_metadata(&path)
                .unwrap()
                .file_type()
                .is_symlink(),
            "the save replaced the link with a file"
        );
        let on_target: prepkit::model::Notebook =
            serde_json::from_slice(&fs::read(&target).unwrap()).unwrap();
        assert_eq!(on_target.sections[0].notes, note);
    }
    assert_eq!(
        load(&path).unwrap().notebook.sections[0].notes,
        "second save"
    );
    // No temporary file was left in either folder.
    for folder in [&synced, path.parent().unwrap()] {
        let temps: Vec<_> = super::names(folder)
            .into_iter()
            .filter(|n| n.contains(".tmp"))
            .collect();
        assert!(temps.is_empty(), "{temps:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_relative_link_to_a_file_not_written_yet_gets_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("export.md");
    std::os::unix::fs::symlink("real/summary.md", &link).unwrap();
    fs::create_dir_all(dir.path().join("real")).unwrap();
    persist::write_file(&link, b"# Summary\n").unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read(dir.path().join("real/summary.md")).unwrap(),
        b"# Summary\n"
    );
}

/// Makes a named pipe with the system's `mkfifo`.
#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// True if `path` is still a named pipe.
#[cfg(unix)]
fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt as _;
    fs::symlink_metadata(path).unwrap().file_type().is_fifo()
}

#[cfg(unix)]
#[test]
fn writing_over_a_fifo_a_socket_or_a_folder_is_refused_and_leaves_it() {
    use std::os::unix::fs::FileTypeExt as _;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.json");
    mkfifo(&fifo);
    let socket = dir.path().join("socket.json");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let folder = dir.path().join("folder.json");
    fs::create_dir(&folder).unwrap();
    // A link to a pipe is refused too.
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();

    for (path, kind) in [
        (&fifo, "named pipe"),
        (&socket, "socket"),
        (&folder, "folder"),
        (&link, "named pipe"),
    ] {
        let err = persist::write_file(path, b"{}").unwrap_err();
        assert!(
            matches!(err, PersistError::NotAFile { .. }) && err.to_string().contains(kind),
            "{}: {err}",
            path.display()
        );
        // Saving a notebook there is refused the same way, without waiting
        // for a writer on the pipe.
        let err = save(path, &sample("x"), None).unwrap_err();
        assert!(matches!(err, PersistError::NotAFile { .. }), "{err}");
        let err = load(path).unwrap_err();
        assert!(matches!(err, PersistError::NotAFile { .. }), "{err}");
    }
    assert!(is_fifo(&fifo));
    assert!(
        fs::symlink_metadata(&socket)
            .unwrap()
            .file_type()
            .is_socket()
    );
    assert!(folder.is_dir());
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[cfg(unix)]
#[test]
fn export_to_a_fifo_fails_and_leaves_it() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("brief.md");
    fs::write(&brief, "# Notes\n\n## Topics\n\n- Python:\n  - async\n").unwrap();
    let fifo = dir.path().join("out.md");
    mkfifo(&fifo);
    let out = Command::new(env!("CARGO_BIN_EXE_prepkit"))
        .env("PREPKIT_DATA_DIR", dir.path())
        .arg("export")
        .arg(&brief)
        .args(["--format", "md", "--out"])
        .arg(&fifo)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    assert!(is_fifo(&fifo));
}

/// `export --out /dev/full` exited 0 and replaced the device node. The test
/// makes its own null device (root only, as the test machine runs) so a
/// failure cannot replace the real one.
#[cfg(unix)]
#[test]
fn export_to_a_device_fails_and_leaves_it() {
    use std::os::unix::fs::FileTypeExt as _;
    let dir = tempfile::tempdir().unwrap();
    let device = dir.path().join("null");
    let made = Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: making a device node needs root");
        return;
    }
    let err = persist::write_file(&device, b"summary").unwrap_err();
    assert!(err.to_string().contains("is a device"), "{err}");
    assert!(fs::metadata(&device).unwrap().file_type().is_char_device());
}

/// The permission bits of `path` (links followed).
#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

/// Issue 19, item 10: a plain missing folder was refused, yet a dangling
/// link made `import` and `export` create its target's folders.
#[cfg(unix)]
#[test]
fn a_dangling_link_into_a_missing_folder_is_refused_and_no_folder_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("brief.md");
    fs::write(&brief, "# Notes\n\n## Topics\n\n- Python:\n  - async\n").unwrap();
    let gone = dir.path().join("gone");

    let out_link = dir.path().join("out.md");
    std::os::unix::fs::symlink(gone.join("deep/out.md"), &out_link).unwrap();
    let out = super::prepkit(dir.path())
        .arg("export")
        .arg(&brief)
        .args(["--format", "md", "--out"])
        .arg(&out_link)
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "export wrote through a dangling link"
    );
    assert!(!gone.exists(), "export made the link target's folders");

    let notebook = notebook_path(dir.path(), "brief");
    fs::create_dir_all(notebook.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(gone.join("deep/brief.json"), &notebook).unwrap();
    let out = super::prepkit(dir.path())
        .arg("import")
        .arg(&brief)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "import wrote through a dangling link"
    );
    assert!(
        err.contains("gone"),
        "the missing folder is not named: {err}"
    );
    assert!(!gone.exists(), "import made the link target's folders");
}

/// Issue 19, item 10: exporting through a link turned a private (0600)
/// target into 0644. A replaced file keeps its mode; a new one is 0644.
#[cfg(unix)]
#[test]
fn exporting_over_a_private_file_keeps_it_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("private.md");
    fs::write(&target, b"old").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    persist::write_file(&link, b"# Summary\n").unwrap();
    assert_eq!(fs::read(&target).unwrap(), b"# Summary\n");
    assert_eq!(mode(&target), 0o600, "through the link");
    persist::write_file(&target, b"# Again\n").unwrap();
    assert_eq!(mode(&target), 0o600, "directly");
    let new = dir.path().join("new.md");
    persist::write_file(&new, b"# New\n").unwrap();
    assert_eq!(mode(&new), 0o644);
}

/// Issue 19, item 10: the watcher watched the link's folder only, so
/// another program changing a symlinked notebook's target went unnoticed.
#[cfg(unix)]
#[test]
fn the_app_notices_another_program_changing_a_linked_notebooks_target() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let synced = dir.path().join("Dropbox");
    let target = synced.join("abc.json");
    let mut nb = prepkit::brief::import(
        "# Acme\n\nCompany: ABC Corp\n\n## Topics\n\n- Rust\n  - Ownership\n",
        "built-in",
    )
    .unwrap();
    nb.id = "abc".into();
    save(&target, &nb, None).unwrap();
    let elsewhere = dir.path().join("links");
    fs::create_dir_all(&elsewhere).unwrap();
    let link = elsewhere.join("abc.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();

    let mut f = crate::app::start_with(prepkit::i18n::Lang::En, Some(link.clone()));
    assert_eq!(f.harness.state().path(), link);
    let theirs = fs::read_to_string(&target).unwrap().replacen(
        "\"company\": \"",
        "\"company\": \"Synced ",
        1,
    );
    fs::write(&target, &theirs).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !f.harness.state().notebook().company.starts_with("Synced ") {
        assert!(
            Instant::now() < deadline,
            "the change to the link's target never showed"
        );
        std::thread::sleep(Duration::from_millis(20));
        f.run();
    }
}
