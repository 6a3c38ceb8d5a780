//! The command line: argument parsing (clap) and the non-GUI commands.
//!
//! Every command uses the same pure functions as the app (`brief`, `export`,
//! `persist`), so the CLI and the GUI never disagree.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use crate::brief::{self, Brief};
use crate::model::SectionKind;

/// Prepkit: get ready for a job interview.
///
/// With no command, opens the desktop app (with FILE: opens that brief or
/// notebook in it).
#[derive(Debug, Parser)]
#[command(
    name = "prepkit",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Args {
    /// A brief (.md) or notebook (.json) to open in the app.
    pub file: Option<PathBuf>,

    /// What to do instead of opening the app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The command-line tools.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse a brief and print its outline (or JSON with --json).
    Parse {
        /// The Markdown brief.
        file: PathBuf,
        /// Print the parsed brief as JSON (the shape in DESIGN.md).
        #[arg(long)]
        json: bool,
    },
}

/// Runs the command the arguments ask for.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        None => crate::app::run(args.file),
        Some(Command::Parse { file, json }) => {
            let brief = read_brief(&file)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&brief)?);
            } else {
                print!("{}", outline(&brief));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Reads and parses a brief file, with the path in any error.
pub fn read_brief(path: &Path) -> anyhow::Result<Brief> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text =
        brief::decode(&bytes).with_context(|| format!("cannot import {}", path.display()))?;
    brief::parse(&text).with_context(|| format!("cannot import {}", path.display()))
}

/// A readable outline of a parsed brief: sections, kinds, groups and counts.
pub fn outline(brief: &Brief) -> String {
    let mut out = String::new();
    if let Some(t) = &brief.title {
        let _ = writeln!(out, "{t}");
    }
    for (label, value) in [("Company", &brief.company), ("Role", &brief.role)] {
        if !value.is_empty() {
            let _ = writeln!(out, "{label}: {value}");
        }
    }
    for s in &brief.sections {
        let title = if s.title.is_empty() {
            "(introduction)"
        } else {
            &s.title
        };
        let count: usize = s.groups.iter().map(|g| g.items.len()).sum();
        let what = match s.kind {
            SectionKind::Prose => format!("prose, {} lines", s.markdown.lines().count()),
            SectionKind::Topics => format!("topics, {} groups, {count} topics", s.groups.len()),
            SectionKind::Checklist => {
                format!("checklist, {} groups, {count} questions", s.groups.len())
            }
        };
        let _ = writeln!(out, "\n## {title}  [{what}]");
        for g in &s.groups {
            if let Some(t) = &g.title {
                let _ = writeln!(out, "  {t}");
            }
            let indent = if g.title.is_some() { "    " } else { "  " };
            for i in &g.items {
                let mark = match s.kind {
                    SectionKind::Checklist if i.done => "[x] ",
                    SectionKind::Checklist => "[ ] ",
                    _ => "- ",
                };
                let _ = writeln!(out, "{indent}{mark}{}", i.text);
            }
        }
    }
    out
}
