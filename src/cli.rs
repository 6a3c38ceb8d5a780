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
use crate::export::{BriefText, ExportOptions, Format};
use crate::i18n::Lang;
use crate::model::{Confidence, Notebook, SectionKind};
use crate::persist;
use crate::review;

/// Prepkit: get ready for a job interview.
///
/// With no command, opens the desktop app (with FILE: opens that brief or
/// notebook in it).
#[derive(Debug, Parser)]
#[command(
    name = "prepkit",
    version = env!("PREPKIT_LONG_VERSION"),
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
        /// Print the parsed brief as JSON (the shape in ARCHITECTURE.md).
        #[arg(long)]
        json: bool,
    },
    /// Import a brief into a notebook in the data folder (re-importing the
    /// same file updates its notebook, keeping ratings and notes); prints
    /// the notebook's path.
    Import {
        /// The Markdown brief.
        file: PathBuf,
    },
    /// List the notebooks in the data folder, most recent first.
    List,
    /// Export a summary of a notebook (or of a brief) as PDF, HTML or
    /// Markdown, or with --sheet the one-page interview-day sheet.
    Export(ExportArgs),
    /// Print the review plan of a notebook: what to review on which day,
    /// aimed at the interview date, within a daily budget.
    Plan {
        /// A notebook (.json), a notebook id from `prepkit list`, or a brief (.md).
        notebook: String,
        /// Plan as if today were this date (YYYY-MM-DD, 1970–2200; default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        today: Option<chrono::NaiveDate>,
        /// Minutes a day for review.
        #[arg(long, value_name = "MINUTES", default_value_t = crate::review::PlanConfig::default().budget_minutes)]
        budget: u32,
        /// Print the plan as JSON (the shape in ARCHITECTURE.md).
        #[arg(long)]
        json: bool,
    },
    /// Print the story coverage grid: which values and behavioural topics
    /// have a story, and which stories cover what.
    Coverage {
        /// A notebook (.json), a notebook id from `prepkit list`, or a brief (.md).
        notebook: String,
        /// Print the grid as JSON (the shape in ARCHITECTURE.md).
        #[arg(long)]
        json: bool,
    },
    /// Copy the stories of one notebook into another, keeping each link to
    /// a value or topic the target has under the same label.
    CopyStories {
        /// The notebook to copy from: a notebook (.json), an id from
        /// `prepkit list`, or a brief (.md).
        from: String,
        /// The notebook to copy into: a notebook (.json) or an id.
        to: String,
    },
}

/// `prepkit export`: what to export, how, and where.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// A notebook (.json), a notebook id from `prepkit list`, or a brief (.md).
    pub source: String,
    /// Output format.
    #[arg(long, short, value_parser = ["pdf", "html", "md"], default_value = "pdf")]
    pub format: String,
    /// Where to write the file.
    #[arg(long, short)]
    pub out: PathBuf,
    /// The one-page interview-day sheet instead of the full summary.
    #[arg(long, conflicts_with = "stories")]
    pub sheet: bool,
    /// The one-page story sheet (each value with its stories) instead of
    /// the full summary.
    #[arg(long)]
    pub stories: bool,
    /// Leave out the user's notes.
    #[arg(long)]
    pub no_notes: bool,
    /// Which sections show the brief's own text: those the user edited, all, or none.
    #[arg(long, value_parser = ["edited", "all", "none"], default_value = "edited")]
    pub brief: String,
    /// The same as --brief all.
    #[arg(long, hide = true)]
    pub with_brief: bool,
    /// Only topics at or below this level (1–5 or weak, shaky, okay, good, strong).
    #[arg(long, value_name = "LEVEL")]
    pub max_confidence: Option<String>,
    /// Leave out topics not rated yet.
    #[arg(long)]
    pub hide_unrated: bool,
    /// Topic order [default: weakest for pdf, notebook otherwise].
    #[arg(long, value_parser = ["weakest", "notebook"])]
    pub order: Option<String>,
    /// Paper size for PDF and HTML [default: a4]; refused with -f md,
    /// which has no pages.
    #[arg(long, value_parser = ["a4", "letter"])]
    pub paper: Option<String>,
    /// The language of labels and dates [default: the app's, else the system's].
    #[arg(long, value_parser = ["en", "ko"])]
    pub lang: Option<String>,
    /// Replace the output file if it exists (without a terminal to ask on,
    /// an existing file is otherwise refused).
    #[arg(long)]
    pub force: bool,
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
                print!("{}", printable(&outline(&brief)));
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Import { file }) => {
            let data_dir = persist::data_dir()?;
            // Held from reading the notebook to saving the merge, so imports
            // running at once take turns instead of failing or pruning each
            // other's backups.
            let stem = file.file_stem().unwrap_or_default().to_string_lossy();
            let _lock = persist::NotebookLock::acquire(&persist::notebook_path(
                &data_dir,
                &persist::slug(&stem),
            ))?;
            let imported = crate::import::import_brief(&persist::notebooks_dir(&data_dir), &file)?;
            // Dropped topics are archived under the app's word for it.
            let lang = crate::app::settings::language(&data_dir);
            let archived = crate::i18n::Tr::new(lang).t("archived-group");
            let (target, fingerprint) = (imported.target.clone(), imported.fingerprint());
            persist::save(
                &target,
                &imported.into_merged(&archived),
                fingerprint.as_ref(),
            )
            .with_context(|| format!("cannot save the notebook for {}", file.display()))?;
            println!("{}", target.display());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::List) => {
            let data_dir = persist::data_dir()?;
            let list = persist::list(&data_dir)?;
            let recoveries = persist::list_recoveries(&data_dir);
            if list.is_empty() && recoveries.is_empty() {
                eprintln!(
                    "No notebooks yet in {}. Import a brief with `prepkit import FILE`.",
                    data_dir.display()
                );
            }
            for info in list {
                println!("{}", printable(&list_line(&info)));
            }
            for r in recoveries {
                let of = r
                    .notebook_path
                    .map(|p| format!(" of {}", p.display()))
                    .unwrap_or_default();
                let line = format!(
                    "{}\t{}\t{}\t{}\t(recovered after a crash{of}; report in {})",
                    r.path.file_stem().unwrap_or_default().to_string_lossy(),
                    r.title,
                    r.time.format("%Y-%m-%d %H:%M"),
                    r.path.display(),
                    r.report.display(),
                );
                println!("{}", printable(&line));
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export(args)) => export_cmd(args),
        Some(Command::CopyStories { from, to }) => copy_stories(&from, &to),
        Some(Command::Plan {
            notebook,
            today,
            budget,
            json,
        }) => print_plan(&notebook, today, budget, json),
        Some(Command::Coverage { notebook, json }) => {
            let notebook = load_source(&notebook)?;
            let grid = crate::stories::coverage(&notebook);
            if json {
                let report = crate::stories::coverage::CoverageReport::new(&notebook, &grid);
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!(
                    "{}",
                    printable(&crate::stories::coverage::readable(&notebook, &grid))
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `prepkit export`: renders and writes the file, asking before replacing one.
fn export_cmd(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let format: Format = args.format.parse()?;
    anyhow::ensure!(
        args.paper.is_none() || format != Format::Markdown,
        "--paper applies to PDF and HTML only; Markdown has no pages \
         (leave out --paper, or export with --format pdf or html)"
    );
    let notebook = load_source(&args.source)?;
    let max_confidence = match args.max_confidence {
        Some(level) => Some(Confidence::parse(&level).with_context(|| {
            format!("unknown confidence level {level:?} (use 1–5 or weak…strong)")
        })?),
        None => None,
    };
    let lang = match args.lang.as_deref() {
        Some("ko") => Lang::Ko,
        Some(_) => Lang::En,
        None => app_lang(),
    };
    let options = ExportOptions {
        sheet: args.sheet,
        stories: args.stories,
        include_notes: !args.no_notes,
        brief: if args.with_brief {
            BriefText::All
        } else {
            args.brief.parse()?
        },
        max_confidence,
        hide_unrated: args.hide_unrated,
        order: args.order.as_deref().map(str::parse).transpose()?,
        paper: args.paper.as_deref().unwrap_or("a4").parse()?,
        lang,
    };
    let out = args.out;
    // Only a regular file is the user's to replace; anything else (a FIFO,
    // a device) `write_file` refuses with its own error.
    if !args.force && out.is_file() && !confirm_replace(&out)? {
        eprintln!("prepkit: {} was left as it was.", out.display());
        return Ok(ExitCode::FAILURE);
    }
    let now = chrono::Local::now().naive_local();
    // Worded as the app words it, in the export's language.
    crate::export::write(&notebook, &options, format, now, &out)
        .map_err(|e| anyhow::anyhow!(e.localized(&crate::i18n::Tr::new(lang))))?;
    println!("{}", out.display());
    Ok(ExitCode::SUCCESS)
}

/// The app's language setting, else the system's.
fn app_lang() -> Lang {
    persist::load_settings::<crate::app::settings::Settings>(crate::app::settings::NAME)
        .ok()
        .and_then(|s| s.lang)
        .unwrap_or_else(Lang::system)
}

/// Asks on the terminal whether to replace `out`; without a terminal to ask
/// on, refuses with an error that names `--force`.
fn confirm_replace(out: &Path) -> anyhow::Result<bool> {
    use std::io::{BufRead as _, IsTerminal as _, Write as _};
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        anyhow::bail!(
            "{} already exists; pass --force to replace it",
            out.display()
        );
    }
    eprint!("{} already exists. Replace it? [y/N] ", out.display());
    std::io::stderr().flush()?;
    let mut answer = String::new();
    stdin.lock().read_line(&mut answer)?;
    Ok(matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "예" | "네" | "ㅇ"
    ))
}

/// Text for the terminal: control characters (escape sequences that
/// could retitle the window, move the cursor or hide text, C1 controls,
/// DEL) and the invisible marks that reorder text (bidirectional overrides)
/// are shown escaped (`\u{1b}`), never sent raw. Tabs and line breaks stay.
/// A title is the user's or a brief's text, which anyone may have written.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let hidden = matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if (c.is_control() && c != '\n' && c != '\t') || hidden {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// One line of `prepkit list`: id, title, time, path, and what the file is
/// when it is not a notebook.
fn list_line(info: &persist::NotebookInfo) -> String {
    let path = info.path.display();
    if let Some(e) = &info.error {
        // A damaged file's error already says what it is.
        let what = match info.kind {
            persist::NotebookKind::Damaged => "",
            _ => "cannot open: ",
        };
        return format!("{}\t({what}{e})\t{path}", info.id);
    }
    let when = info
        .updated
        .map(|u| u.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default();
    let mark = match info.kind {
        persist::NotebookKind::UnsavedCopy => {
            "\t(unsaved copy: changes that could not be saved in place)"
        }
        _ => "",
    };
    format!("{}\t{}\t{when}\t{path}{mark}", info.id, info.title)
}

/// A date given on the command line: `YYYY-MM-DD`, from 1970 to 2200
/// ([`crate::model::date_in_range`]).
fn parse_day(text: &str) -> Result<chrono::NaiveDate, String> {
    let day = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| format!("{text:?} is not a date written YYYY-MM-DD ({e})"))?;
    if crate::model::date_in_range(day) {
        Ok(day)
    } else {
        Err(format!(
            "{text} is outside the dates Prepkit plans with ({}–{})",
            crate::model::FIRST_YEAR,
            crate::model::LAST_YEAR
        ))
    }
}

/// `prepkit plan`: the plan for `today` (default: the local date), as text or JSON.
fn print_plan(
    source: &str,
    today: Option<chrono::NaiveDate>,
    budget: u32,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let notebook = load_source(source)?;
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let config = review::PlanConfig {
        budget_minutes: budget,
        ..review::PlanConfig::default()
    };
    let plan = review::plan(&notebook, today, &config);
    if json {
        let report = review::PlanReport::new(&notebook, &plan);
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", printable(&review::readable(&notebook, &plan)));
    }
    Ok(ExitCode::SUCCESS)
}

/// `prepkit copy-stories`: `from`'s stories added to `to`, which is saved
/// (atomically, refusing if another program changed it meanwhile).
fn copy_stories(from: &str, to: &str) -> anyhow::Result<ExitCode> {
    let source = load_source(from)?;
    let path = Path::new(to);
    let path = if path.exists() {
        path.to_path_buf()
    } else {
        persist::notebook_path(&persist::data_dir()?, to)
    };
    anyhow::ensure!(
        path.exists() && crate::import::is_notebook_path(&path),
        "no notebook named {to:?} to copy into (see `prepkit list`)"
    );
    let loaded = persist::load(&path)?;
    for warning in &loaded.warnings {
        eprintln!("prepkit: warning: {warning}");
    }
    let copied = crate::stories::copy::copy_stories(&loaded.notebook, &source);
    persist::save(&path, &copied.notebook, Some(&loaded.fingerprint))
        .with_context(|| format!("cannot save {}", path.display()))?;
    println!(
        "Copied {} stories ({} links kept, {} dropped) into {}",
        copied.stories,
        copied.links_kept,
        copied.links_dropped,
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// A notebook from a path (.json notebook or a brief) or a notebook id.
fn load_source(source: &str) -> anyhow::Result<Notebook> {
    let path = Path::new(source);
    if path.exists() {
        if crate::import::is_notebook_path(path) {
            return load_notebook(path);
        }
        return Ok(read_brief(path)?.into_notebook(source));
    }
    let data_dir = persist::data_dir()?;
    let by_id = persist::notebook_path(&data_dir, source);
    if by_id.exists() {
        return load_notebook(&by_id);
    }
    anyhow::bail!("no file or notebook named {source:?} (see `prepkit list`)")
}

/// Loads a notebook, telling on stderr what loading did: a damaged file
/// restored from a backup (and where the damaged file was kept), an
/// unfinished save put in place, an upgrade.
pub fn load_notebook(path: &Path) -> anyhow::Result<Notebook> {
    let loaded = persist::load(path)?;
    for warning in &loaded.warnings {
        eprintln!("prepkit: warning: {warning}");
    }
    Ok(loaded.notebook)
}

/// Reads (bounded, see [`brief::read_file`]) and parses a brief file, with
/// the path in any error.
pub fn read_brief(path: &Path) -> anyhow::Result<Brief> {
    let context = || format!("cannot import {}", path.display());
    let text = brief::read_file(path).with_context(context)?;
    let brief = brief::parse(&text).with_context(context)?;
    for notice in &brief.notices {
        eprintln!("prepkit: {}: {notice}", path.display());
    }
    Ok(brief)
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
