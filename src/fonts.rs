//! The fonts Prepkit bundles, so the GUI and every exported PDF look the same
//! on every machine and Hangul never falls back to boxes.
//!
//! Nanum Gothic (regular and bold), © NAVER Corporation, under the SIL Open
//! Font License 1.1; the licence text ships next to the files in
//! `resources/fonts/OFL.txt`.

/// The family name both bundled faces register under.
pub const FAMILY: &str = "NanumGothic";

/// Nanum Gothic Regular (TrueType), covering Latin and Hangul.
pub static REGULAR: &[u8] = include_bytes!("../resources/fonts/NanumGothic.ttf");

/// Nanum Gothic Bold (TrueType), covering Latin and Hangul.
pub static BOLD: &[u8] = include_bytes!("../resources/fonts/NanumGothicBold.ttf");

/// The licence the bundled fonts are distributed under (SIL OFL 1.1).
pub static LICENSE: &str = include_str!("../resources/fonts/OFL.txt");
