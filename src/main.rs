//! The `prepkit` command: with no command (or a file), the desktop app;
//! otherwise one of the command-line tools in [`prepkit::cli`].

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let args = prepkit::cli::Args::parse();
    match prepkit::cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("prepkit: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
