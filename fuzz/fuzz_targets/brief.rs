//! Any bytes through the importer: decode, parse, build the notebook, turn
//! each section's Markdown into groups, re-import (merge), and export as
//! Markdown and HTML (and PDF for small inputs, where it stays fast). The
//! Markdown export must import again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prepkit::brief;
use prepkit::export::{ExportOptions, Format, render};

/// PDF layout costs milliseconds per call; only small inputs take it.
const PDF_MAX_INPUT: usize = 2_000;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = brief::decode(data) else {
        return;
    };
    let Ok(parsed) = brief::parse(&text) else {
        return;
    };
    let mut nb = parsed.into_notebook("fuzz.md");
    let again = brief::import(&text, "fuzz.md").expect("a brief that parsed imports");
    let merged = brief::merge(&nb, again);
    assert_eq!(
        merged.sections.len(),
        nb.sections.len(),
        "re-importing the same brief changed its sections"
    );
    let markdowns: Vec<String> = nb.sections.iter().map(|s| s.markdown.clone()).collect();
    for md in markdowns {
        let _ = brief::groups_from_markdown(&md, &mut nb);
    }
    let now = chrono::NaiveDate::from_ymd_opt(2026, 1, 2)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("a valid date");
    let opts = ExportOptions {
        include_brief: true,
        ..ExportOptions::default()
    };
    let mut formats = vec![Format::Markdown, Format::Html];
    if data.len() <= PDF_MAX_INPUT {
        formats.push(Format::Pdf);
    }
    for format in formats {
        let bytes = render(&nb, &opts, format, now).expect("export succeeds");
        if format == Format::Markdown {
            let md = String::from_utf8(bytes).expect("Markdown export is UTF-8");
            brief::parse(&md).expect("the Markdown export imports again");
        }
    }
});
