//! `baken scan FILE [--me NAME] [--lang L] [--json]`: a chat export, per person, over time.
//!
//! The text form is a timeline per person: level, summary, each signal with when it first
//! appeared and an example, and what the export cannot show. `--json` prints one object:
//! `{"format", "messages_total", "level", "participants": [{"name", "is_me", "messages", "level",
//! "summary", "stages", "minutes_to_sexual_request", "messages_per_day", "events": {id: count},
//! "signals": [{"id", "first_seen", "count", "examples": [message index]}]}], "limitations"}`.

use baken_core::chat::{self, Chat, Person, Scan};
use baken_core::check;
use baken_core::language::Language;
use baken_core::strings::{fill, strings};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The export: WhatsApp .txt, Telegram result.json, Instagram message_1.json, or pasted lines.
    file: PathBuf,
    /// Your own name in the chat; your messages are never scored.
    #[arg(long)]
    me: Option<String>,
    /// Language of the summaries and notes: nl or en (default: the language most messages are
    /// in; the notes in English).
    #[arg(long)]
    lang: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<(), String> {
    let reader = args.lang.as_deref().map(str::parse::<Language>).transpose().map_err(|e| e.to_string())?;
    let size = std::fs::metadata(&args.file).map_err(|e| format!("cannot read {}: {e}", args.file.display()))?.len();
    if size > chat::MAX_EXPORT_BYTES as u64 {
        return Err(format!("{} is {size} bytes; Baken reads exports up to {} bytes", args.file.display(), chat::MAX_EXPORT_BYTES));
    }
    let bytes = std::fs::read(&args.file).map_err(|e| format!("cannot read {}: {e}", args.file.display()))?;
    let chat = chat::read(&bytes).map_err(|e| format!("{}: {e}", args.file.display()))?;
    let analyzer = check::analyzer().map_err(|e| e.to_string())?;
    let scan = chat::scan(analyzer, &chat, args.me.as_deref(), reader).map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    let language = reader.unwrap_or_else(Language::fallback);
    let written = match args.json {
        true => writeln!(out, "{}", json(&scan)),
        false => write!(out, "{}", text(&chat, &scan, language)),
    };
    written.map_err(|e| format!("cannot write the result: {e}"))
}

/// How times are shown.
const TIME: &str = "%Y-%m-%d %H:%M";

/// When message `index` was written, or its number when the export has no time (in `language`).
fn time(chat: &Chat, index: usize, language: Language) -> String {
    let number = || fill(&strings(language).cli.message_number, &[("number", &(index + 1).to_string())]);
    chat.message(index).local_time.map(|t| t.format(TIME).to_string()).unwrap_or_else(number)
}

fn text(chat: &Chat, scan: &Scan, language: Language) -> String {
    let words = &strings(language).cli;
    let total = scan.messages_total.to_string();
    let mut out = fill(&words.scan, &[("format", scan.format.as_str()), ("count", &total), ("level", scan.level.as_str())]) + "\n";
    for person in &scan.people {
        let noun = &words.messages[usize::from(person.messages != 1)];
        out += &format!("\n{} ({} {noun}): {}\n  {}\n", person.name, person.messages, person.level, person.summary);
        for seen in &person.signals {
            let example = chat.message(seen.first_index).text.lines().next().unwrap_or_default();
            out += &format!("  {}  {:<15} x{}  \"{}\"\n", time(chat, seen.first_index, language), seen.signal.as_str(), seen.count, example);
        }
        for (event, count) in &person.events {
            out += &format!("  {} x{count}\n", event.as_str());
        }
    }
    for limitation in &scan.limitations {
        out += &format!("\n- {}", chat::limitation_text(*limitation, language));
    }
    out.push('\n');
    out
}

fn person_json(person: &Person) -> serde_json::Value {
    let signals: Vec<serde_json::Value> = person
        .signals
        .iter()
        .map(|s| serde_json::json!({ "id": s.signal.as_str(), "first_seen": s.first_seen.map(|t| t.format(TIME).to_string()), "count": s.count, "examples": s.examples }))
        .collect();
    let events: serde_json::Map<String, serde_json::Value> = person.events.iter().map(|(e, n)| (e.as_str().to_string(), (*n).into())).collect();
    serde_json::json!({
        "name": person.name,
        "is_me": person.is_me,
        "messages": person.messages,
        "level": person.level.as_str(),
        "summary": person.summary,
        "stages": person.stages.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "minutes_to_sexual_request": person.minutes_to_sexual_request,
        "messages_per_day": person.messages_per_day,
        "events": events,
        "signals": signals,
    })
}

fn json(scan: &Scan) -> serde_json::Value {
    serde_json::json!({
        "format": scan.format.as_str(),
        "messages_total": scan.messages_total,
        "level": scan.level.as_str(),
        "participants": scan.people.iter().map(person_json).collect::<Vec<_>>(),
        "limitations": scan.limitations.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
    })
}
