//! Build script: puts the build's git commit into `prepkit --version` when
//! the source is a git checkout (nothing when it is not, e.g. a crate from
//! crates.io or a source tarball), and on Windows compiles the icon and the
//! application manifest into `prepkit.exe`.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let version = env!("CARGO_PKG_VERSION");
    let long = match commit() {
        Some(commit) => format!("{version} ({commit})"),
        None => version.to_owned(),
    };
    println!("cargo:rustc-env=PREPKIT_LONG_VERSION={long}");
    windows_resources();
}

/// The short hash of HEAD, and the files whose change means a new commit.
fn commit() -> Option<String> {
    let out = git(&["rev-parse", "--short=10", "HEAD"])?;
    // A worktree keeps HEAD in its own folder and the branches in the
    // common one: watch both, so a commit re-runs this script.
    if let Some(dir) = git(&["rev-parse", "--absolute-git-dir"]) {
        println!("cargo:rerun-if-changed={dir}/HEAD");
    }
    if let Some(common) = git(&["rev-parse", "--git-common-dir"]) {
        let common = PathBuf::from(common);
        for watched in ["refs/heads", "packed-refs"] {
            let path = common.join(watched);
            if path.exists() {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }
    }
    Some(out)
}

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

#[cfg(windows)]
fn windows_resources() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    println!("cargo:rerun-if-changed=packaging/windows");
    let mut res = winresource::WindowsResource::new();
    res.set_icon("packaging/windows/prepkit.ico");
    res.set_manifest_file("packaging/windows/prepkit.exe.manifest");
    if let Err(e) = res.compile() {
        println!("cargo:warning=cannot compile the Windows resources: {e}");
    }
}

#[cfg(not(windows))]
fn windows_resources() {}
