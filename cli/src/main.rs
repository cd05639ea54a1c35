//! `baken`: Baken in the terminal. Exit status 0 ok, 1 error (message on stderr), 2 usage.

mod analyze;
mod checklist;
mod content;
mod guide;
mod journal;
mod route;
mod scan;
mod services;

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
    Check(checklist::Args),
    /// Who to call now: ranked help routes for a country.
    Route(route::Args),
    /// Scan a chat export (WhatsApp, Telegram, Instagram): per person, over time.
    Scan(scan::Args),
    /// The help services in the directory.
    Services(services::Args),
    /// Check the bundled content.
    Content {
        #[command(subcommand)]
        command: content::Command,
    },
    /// Read about grooming, sextortion, exploitation and more: list, show or search articles.
    Guide(guide::Args),
    /// The encrypted evidence journal: init, add, list, show, verify, export, import, wipe.
    Journal(journal::Args),
}

fn main() -> ExitCode {
    // Like other Unix tools, end quietly when the reader stops early (`baken guide list | head`)
    // instead of panicking on a broken pipe. Rust starts programs with SIGPIPE ignored.
    // SAFETY: called once, before any thread starts; resets one signal to its default action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Check(args) => checklist::run(args),
        Command::Route(args) => route::run(args),
        Command::Scan(args) => scan::run(args),
        Command::Services(args) => services::run(args),
        Command::Content { command } => content::run(command),
        Command::Guide(args) => guide::run(args),
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
