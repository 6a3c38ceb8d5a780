//! Prepkit: turn an interview brief into a notebook you rate, annotate,
//! review and export. The library holds everything; `main.rs` only dispatches.

pub mod action;
pub mod export;
pub mod fonts;
pub mod model;
