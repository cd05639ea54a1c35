//! `baken journal`: the encrypted evidence journal in the terminal.
//!
//! Passcodes come from a prompt that does not echo, or with `--passcode-stdin` one per line on
//! standard input (first the passcode, then, for `export --backup`, the backup passphrase; for
//! `import`, first the backup passphrase, then the new passcode). Never from the command line.
//!
//! Tests: only builds with the cargo feature `insecure-test-kdf` (the CLI's own tests) honour
//! `BAKEN_INSECURE_FAST_KDF_FOR_TESTS=1`, which makes journals with the fast test-only key
//! derivation. Other builds, debug or release, have no such key derivation; it never shows in
//! `--help`, and a journal made that way is refused by every normal open, so it cannot weaken a
//! real one.

use baken_core::journal::{Contact, Entry, EntryKind, Journal, Kdf, NewAttachment, NewEntry, Options, PasscodeWarning, Verification};
use baken_core::language::Language;
use baken_core::signal::{Level, Signal};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Args)]
struct Common {
    /// The journal folder (default: ~/.local/share/baken/journal).
    #[arg(long)]
    path: Option<PathBuf>,
    /// Read the passcode (and any passphrase) from standard input, one per line.
    #[arg(long)]
    passcode_stdin: bool,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Create a new journal protected by a passcode.
    Init(Common),
    /// Write an entry; TEXT is what happened.
    Add {
        #[command(flatten)]
        common: Common,
        /// What happened.
        text: String,
        /// incident, note, contact or evidence.
        #[arg(long, default_value = "incident")]
        kind: String,
        /// When it happened, RFC 3339 (default: now).
        #[arg(long)]
        happened_at: Option<String>,
        /// The contact's name or handle.
        #[arg(long)]
        contact: Option<String>,
        /// The app or platform of the contact.
        #[arg(long, requires = "contact")]
        platform: Option<String>,
        /// A warning signal id (repeatable), such as threat.
        #[arg(long = "signal")]
        signals: Vec<String>,
        /// The level: none, caution, warning or danger.
        #[arg(long)]
        level: Option<String>,
        /// A label (repeatable).
        #[arg(long = "tag")]
        tags: Vec<String>,
        /// A file to attach (repeatable), such as a screenshot.
        #[arg(long = "attach")]
        attachments: Vec<PathBuf>,
    },
    /// Save a chat scan as evidence: one entry about one contact, with their flagged messages,
    /// the summary and the export's SHA-256.
    AddScan {
        #[command(flatten)]
        common: Common,
        /// The chat export (WhatsApp, Telegram, Instagram, .zip or pasted lines).
        file: PathBuf,
        /// The contact the entry is about.
        #[arg(long)]
        contact: String,
        /// Your own name in the chat.
        #[arg(long)]
        me: Option<String>,
        /// Attach the export itself (up to 20 MB).
        #[arg(long)]
        attach: bool,
        /// The entry's language: nl or en.
        #[arg(long, default_value = "nl")]
        lang: String,
    },
    /// List the entries.
    List {
        #[command(flatten)]
        common: Common,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one entry.
    Show {
        #[command(flatten)]
        common: Common,
        /// The entry id.
        id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check the integrity chain and print the seal; exit 1 if it is broken.
    Verify {
        #[command(flatten)]
        common: Common,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write an evidence report (HTML) or an encrypted backup, to a new file.
    Export {
        #[command(flatten)]
        common: Common,
        /// The HTML report to write.
        #[arg(long, required_unless_present = "backup", conflicts_with = "backup")]
        html: Option<PathBuf>,
        /// The encrypted backup to write.
        #[arg(long)]
        backup: Option<PathBuf>,
        /// The report's language: nl or en.
        #[arg(long, default_value = "nl")]
        lang: String,
    },
    /// Create a journal from a backup; never overwrites one.
    Import {
        #[command(flatten)]
        common: Common,
        /// The backup file.
        backup: PathBuf,
    },
    /// Destroy the journal: every key, then the files.
    Wipe(Common),
}

/// Where secrets come from: standard input lines or a prompt.
struct Secrets {
    from_stdin: bool,
}

impl Secrets {
    fn read(&self, prompt: &str) -> Result<String, String> {
        if self.from_stdin {
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line).map_err(|e| e.to_string())?;
            let line = line.trim_end_matches(['\n', '\r']).to_string();
            return if line.is_empty() { Err(format!("{prompt}: nothing on standard input")) } else { Ok(line) };
        }
        prompt_hidden(prompt)
    }

    fn new_secret(&self, prompt: &str) -> Result<String, String> {
        let secret = self.read(prompt)?;
        if !self.from_stdin && self.read("Type it again")? != secret {
            return Err("the two did not match; nothing was changed".into());
        }
        Ok(secret)
    }
}

/// Reads a line from the terminal without echoing it.
fn prompt_hidden(prompt: &str) -> Result<String, String> {
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .map_err(|_| "no terminal to ask for the passcode; use --passcode-stdin".to_string())?;
    let fd = std::os::unix::io::AsRawFd::as_raw_fd(&tty);
    // SAFETY: `fd` is an open terminal for the whole block; `termios` is plain data filled by tcgetattr.
    let original = unsafe {
        let mut termios = std::mem::zeroed::<libc::termios>();
        if libc::tcgetattr(fd, &mut termios) != 0 {
            return Err("cannot switch off echo on this terminal".into());
        }
        let original = termios;
        termios.c_lflag &= !libc::ECHO;
        libc::tcsetattr(fd, libc::TCSANOW, &termios);
        original
    };
    let mut writer = &tty;
    let _ = write!(writer, "{prompt}: ");
    let mut line = String::new();
    let result = std::io::BufReader::new(&tty).read_line(&mut line);
    // SAFETY: restores the settings read above on the same open terminal.
    unsafe { libc::tcsetattr(fd, libc::TCSANOW, &original) };
    let _ = writeln!(writer);
    result.map_err(|e| e.to_string())?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

impl Common {
    fn dir(&self) -> Result<PathBuf, String> {
        if let Some(path) = &self.path {
            return Ok(path.clone());
        }
        let data = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".local/share")))
            .ok_or("no --path and no home folder")?;
        Ok(data.join("baken").join("journal"))
    }

    fn secrets(&self) -> Secrets {
        Secrets { from_stdin: self.passcode_stdin }
    }

    fn unlocked(&self) -> Result<Journal, String> {
        let journal = Journal::open(&self.dir()?, options()).map_err(|e| e.to_string())?;
        journal.unlock(&self.secrets().read("Passcode")?).map_err(|e| e.to_string())?;
        Ok(journal)
    }
}

/// Warns, without refusing, about a passcode that a copy of the journal would give away quickly.
fn warn_if_guessable(passcode: &str) {
    let advice = match baken_core::journal::passcode::warning(passcode) {
        None => return,
        Some(PasscodeWarning::FewDigits) => "it is only digits, and fewer than 8",
        Some(PasscodeWarning::Predictable) => "it is one digit repeated or a row of digits",
    };
    eprintln!("warning: this passcode is easy to guess for someone with a copy of the journal: {advice}. More digits, or letters, make it much stronger.");
}

fn options() -> Options {
    Options { kdf: kdf(), key_store: None }
}

#[cfg(feature = "insecure-test-kdf")]
fn kdf() -> Kdf {
    match std::env::var("BAKEN_INSECURE_FAST_KDF_FOR_TESTS").as_deref() {
        Ok("1") => Kdf::InsecureFastForTests,
        _ => Kdf::Standard,
    }
}

#[cfg(not(feature = "insecure-test-kdf"))]
fn kdf() -> Kdf {
    Kdf::Standard
}

fn media_type(path: &Path) -> &'static str {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match extension.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "heic" => "image/heic",
        "pdf" => "application/pdf",
        "txt" => "text/plain",
        "mp4" => "video/mp4",
        "m4a" => "audio/mp4",
        "mp3" => "audio/mpeg",
        _ => "application/octet-stream",
    }
}

fn print_entry(entry: &Entry) {
    let c = &entry.content;
    println!("{} ({}, version {})", entry.id, c.kind.as_str(), entry.revision);
    println!("  happened:  {}", c.happened_at);
    println!("  recorded:  {}", c.recorded_at);
    if let Some(contact) = &c.contact {
        println!("  contact:   {}{}", contact.name, contact.platform.as_deref().map(|p| format!(" ({p})")).unwrap_or_default());
    }
    if !c.signals.is_empty() {
        println!("  signals:   {}", c.signals.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "));
    }
    if let Some(level) = c.level {
        println!("  level:     {level}");
    }
    if !c.tags.is_empty() {
        println!("  tags:      {}", c.tags.join(", "));
    }
    for a in &c.attachments {
        println!("  attached:  {} {} bytes sha256 {}", a.media_type, a.size, a.sha256);
    }
    println!("  hash:      {}", entry.hash);
    println!();
    println!("{}", c.text);
}

/// What `verify` found wrong, in words for the teen and for whoever helps them; `Ok` when intact.
fn verdict(verification: &Verification) -> Result<(), String> {
    if let Some(remembered) = &verification.rolled_back {
        return Err(format!(
            "this journal is older than the one this phone remembers. The phone remembers {} links and the seal {}; the journal now has {} links and the seal {}. \
             Someone may have put back an old copy and removed entries. Do not delete anything, and show this message to someone you trust.",
            remembered.links, remembered.seal, verification.links, verification.seal
        ));
    }
    if let Some(seal) = &verification.shared_seal_missing {
        return Err(format!(
            "the seal {seal} of the last report or backup you made is no longer in this journal. Entries that were in it may have been removed or changed. \
             Keep that report or backup: it still holds them."
        ));
    }
    if let Some(broken) = &verification.broken {
        return Err(format!("the chain is broken at link {}: {}", broken.index, broken.reason));
    }
    if !verification.damaged_attachments.is_empty() {
        return Err(format!("the chain is intact, but these attachments cannot be read: {}", verification.damaged_attachments.join(", ")));
    }
    Ok(())
}

fn json(value: &impl serde::Serialize) -> Result<(), String> {
    println!("{}", serde_json::to_string(value).map_err(|e| e.to_string())?);
    Ok(())
}

pub fn run(args: Args) -> Result<(), String> {
    let err = |e: baken_core::journal::JournalError| e.to_string();
    match args.action {
        Action::Init(common) => {
            let dir = common.dir()?;
            let passcode = common.secrets().new_secret("Choose a passcode")?;
            warn_if_guessable(&passcode);
            let journal = Journal::create(&dir, &passcode, options()).map_err(err)?;
            println!("Your journal is ready in {}. Only you can open it with your passcode.", dir.display());
            println!("seal: {}", journal.seal().map_err(err)?);
        }
        Action::Add { common, text, kind, happened_at, contact, platform, signals, level, tags, attachments } => {
            let kind: EntryKind = kind.parse().map_err(err)?;
            let signals = signals.iter().map(|s| s.parse::<Signal>().map_err(|e| e.to_string())).collect::<Result<_, _>>()?;
            let level = level.map(|l| l.parse::<Level>().map_err(|e| e.to_string())).transpose()?;
            let attachments = attachments
                .iter()
                .map(|path| {
                    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
                    Ok(NewAttachment { media_type: media_type(path).to_string(), bytes })
                })
                .collect::<Result<_, String>>()?;
            let happened_at = happened_at.unwrap_or_else(|| chrono::Local::now().fixed_offset().to_rfc3339_opts(chrono::SecondsFormat::Secs, false));
            let contact = contact.map(|name| Contact { name, platform });
            let journal = common.unlocked()?;
            let entry = journal.add(NewEntry { kind, happened_at, contact, text, signals, level, tags, attachments }).map_err(err)?;
            println!("{}", entry.id);
            println!("seal: {}", journal.seal().map_err(err)?);
        }
        Action::AddScan { common, file, contact, me, attach, lang } => {
            let language: Language = lang.parse().map_err(|e: baken_core::language::UnsupportedLanguage| e.to_string())?;
            let export = std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            let chat = baken_core::chat::read(&export).map_err(|e| format!("{}: {e}", file.display()))?;
            let analyzer = baken_core::check::analyzer().map_err(|e| e.to_string())?;
            let scan = baken_core::chat::scan(analyzer, &chat, me.as_deref(), Some(language)).map_err(|e| e.to_string())?;
            let offset = *chrono::Local::now().offset();
            let entry = baken_core::chat::evidence(&chat, &scan, &contact, &export, attach, offset, language).map_err(|e| e.to_string())?;
            let journal = common.unlocked()?;
            let entry = journal.add(entry).map_err(err)?;
            println!("{}", entry.id);
            println!("seal: {}", journal.seal().map_err(err)?);
        }
        Action::List { common, json: as_json } => {
            let list = common.unlocked()?.entries().map_err(err)?;
            if as_json {
                return json(&list);
            }
            for entry in &list.entries {
                let first_line = entry.content.text.lines().next().unwrap_or("");
                println!("{}  {}  {:<8}  {first_line}", entry.id, entry.content.happened_at, entry.content.kind.as_str());
            }
            for damaged in &list.damaged {
                println!("{}  DAMAGED: {}", damaged.id, damaged.reason);
            }
            if list.entries.is_empty() && list.damaged.is_empty() {
                println!("The journal is empty.");
            }
        }
        Action::Show { common, id, json: as_json } => {
            let entry = common.unlocked()?.entry(&id).map_err(err)?;
            if as_json {
                return json(&entry);
            }
            print_entry(&entry);
        }
        Action::Verify { common, json: as_json } => {
            let verification = common.unlocked()?.verify().map_err(err)?;
            if as_json {
                json(&verification)?;
            } else {
                println!("links: {}", verification.links);
                println!("seal: {}", verification.seal);
            }
            verdict(&verification)?;
            if !as_json {
                println!("The chain is intact: nothing in the journal was changed.");
            }
        }
        Action::Export { common, html, backup, lang } => {
            let journal = common.unlocked()?;
            if let Some(path) = html {
                let language: Language = lang.parse().map_err(|e: baken_core::language::UnsupportedLanguage| e.to_string())?;
                let summary = journal.export_report(&path, language).map_err(err)?;
                println!("Report written to {}, with {} entries.", path.display(), summary.entries);
                if summary.earlier_versions > 0 {
                    println!("It also holds {} earlier versions of edited entries, with their old text.", summary.earlier_versions);
                }
                if summary.damaged > 0 {
                    eprintln!("warning: {} entries or attachments could not be read; the report marks them as damaged", summary.damaged);
                }
            } else if let Some(path) = backup {
                let passphrase = common.secrets().new_secret("Choose a backup passphrase")?;
                let summary = journal.export_backup(&path, &passphrase).map_err(err)?;
                println!("Encrypted backup written to {}.", path.display());
                if !summary.damaged.is_empty() {
                    eprintln!(
                        "warning: {} attachments could not be read and are missing from the backup: {}",
                        summary.damaged.len(),
                        summary.damaged.join(", ")
                    );
                }
            }
            println!("seal: {}", journal.seal().map_err(err)?);
        }
        Action::Import { common, backup } => {
            let secrets = common.secrets();
            let passphrase = secrets.read("Backup passphrase")?;
            let passcode = secrets.new_secret("Choose a passcode for this phone")?;
            warn_if_guessable(&passcode);
            let journal = Journal::import_backup(&backup, &passphrase, &common.dir()?, &passcode, options()).map_err(err)?;
            println!("Journal restored in {}.", common.dir()?.display());
            println!("seal: {}", journal.seal().map_err(err)?);
        }
        Action::Wipe(common) => {
            let dir = common.dir()?;
            common.unlocked()?.wipe().map_err(err)?;
            println!("The journal in {} is gone: its keys were destroyed, then its files.", dir.display());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use baken_core::journal::Remembered;

    fn intact() -> Verification {
        Verification {
            intact: true,
            links: 1,
            head: "ab".repeat(32),
            seal: "ABAB-ABAB-ABAB-ABAB-ABAB".into(),
            broken: None,
            damaged_attachments: Vec::new(),
            rolled_back: None,
            shared_seal_missing: None,
            anchor_problem: None,
        }
    }

    #[test]
    fn a_rollback_and_a_missing_shared_seal_fail_verify_with_what_the_phone_remembers() {
        assert_eq!(verdict(&intact()), Ok(()));
        let rolled_back = Verification { intact: false, rolled_back: Some(Remembered { links: 3, seal: "1588-25B0-0000-0000-0000".into() }), ..intact() };
        let message = verdict(&rolled_back).unwrap_err();
        assert!(
            message.contains("older than the one this phone remembers") && message.contains("3 links") && message.contains("1588-25B0-0000-0000-0000"),
            "{message}"
        );
        let missing = Verification { intact: false, shared_seal_missing: Some("1588-25B0-0000-0000-0000".into()), ..intact() };
        let message = verdict(&missing).unwrap_err();
        assert!(message.contains("1588-25B0-0000-0000-0000") && message.contains("report or backup"), "{message}");
    }
}
