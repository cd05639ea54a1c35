//! `baken`: Baken in the terminal. Exit status 0 ok, 1 error (message on stderr), 2 usage.

mod journal;
mod route;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "baken", version, about = "Baken: check, learn, keep evidence and find help. Nothing leaves this device.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Who to call now: ranked help routes for a country.
    Route(route::Args),
    /// The encrypted evidence journal: init, add, list, show, verify, export, import, wipe.
    Journal(journal::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Route(args) => route::run(args),
        Command::Journal(args) => journal::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("baken: {message}");
            ExitCode::from(1)
        }
    }
}
