//! The one integration test binary; one module per area.

// Test helpers outside `#[test]` functions may unwrap too (clippy.toml only
// covers the test functions themselves).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod persist;
