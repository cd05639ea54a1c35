//! `baken content lint`: checks everything bundled; exit 1 when anything is wrong.

#[derive(clap::Subcommand)]
pub enum Command {
    /// Check every bundled content file and print each problem.
    Lint,
}

pub fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Lint => {
            let issues = baken_core::lint::content();
            for issue in &issues {
                println!("{}: {}", issue.file, issue.message);
            }
            match issues.len() {
                0 => Ok(()),
                n => Err(format!("{n} problem(s) in the bundled content")),
            }
        }
    }
}
