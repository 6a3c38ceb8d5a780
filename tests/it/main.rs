//! Prepkit's integration tests: one binary, one module per area.

// Helpers of tests may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod about;
mod app;
mod brief;
mod cli;
mod export;
mod instance;
mod persist;
mod plan;
