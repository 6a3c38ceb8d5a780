//! Prepkit's integration tests: one binary, one module per area.

// Helpers of tests may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod a11y;
mod about;
mod app;
mod brief;
mod cli;
mod dates;
mod details;
mod export;
mod exporting;
mod ime;
mod instance;
mod keys;
mod korean;
mod linear;
mod links;
mod persist;
mod plan;
mod rehearsal;
mod small;
mod stories;

mod sheet;

/// The `prepkit` command with its data folder in `data`, as a user runs it.
pub fn prepkit(data: &std::path::Path) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_prepkit"));
    c.env("PREPKIT_DATA_DIR", data);
    c
}
