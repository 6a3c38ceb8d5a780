//! The story bank beyond the model: the company's values read from a brief,
//! the story actions, and the coverage grid (which values and behavioural
//! topics still have no story).

mod apply;
pub mod copy;
pub mod coverage;
pub mod sheet;
pub mod values;

pub(crate) use apply::apply;
pub use coverage::{Coverage, Row, coverage};
