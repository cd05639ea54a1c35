//! `baken`: Baken in the terminal. Exit status 0 ok, 1 error (message on stderr), 2 usage.

mod analyze;
mod check;
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
    /// Which warning signals a message shows (TEXT, or stdin one message per line).
    Analyze(analyze::Args),
    /// Is this normal? A short checklist about a contact (or, with --parent, about your child).
    Check(check::Args),
    /// Who to call now: ranked help routes for a country.
    Route(route::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Check(args) => check::run(args),
        Command::Route(args) => route::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("baken: {message}");
            ExitCode::from(1)
        }
    }
}
