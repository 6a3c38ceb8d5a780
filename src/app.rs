//! The desktop app.

use std::path::PathBuf;
use std::process::ExitCode;

/// Starts the desktop app.
pub fn run(_file: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the desktop app is not built yet")
}
