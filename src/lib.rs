//! Prepkit: turn an interview brief into a notebook you rate, annotate,
//! review and export. The library holds everything; `main.rs` only dispatches.

pub mod action;
pub mod app;
pub mod brief;
pub mod cli;
pub mod export;
pub mod fonts;
pub mod i18n;
pub mod import;
pub mod instance;
pub mod model;
pub mod persist;
pub mod review;
pub mod search;
pub mod store;
pub mod stories;
pub mod ui;
