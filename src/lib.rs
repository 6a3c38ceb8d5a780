//! Prepkit: turn an interview brief into a notebook you rate, annotate,
//! review and export. The library holds everything; `main.rs` only dispatches.

pub mod action;
pub mod model;
pub mod persist;
