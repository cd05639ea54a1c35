//! `baken analyze`: which warning signals a message shows.
//!
//! With TEXT, analyses that text; without, reads stdin, one message per line. With `--jsonl`,
//! prints one JSON object per message, in order:
//! `{"level":"warning","language":"en","signals":[{"category":"image_request","rule":"…","start":0,"end":12,"start_utf16":0,"end_utf16":12,"excerpt":"…"}]}`
//! (`start`/`end` are byte offsets into that line, `*_utf16` UTF-16 offsets).

use baken_core::check::{self, Analysis};
use baken_core::help::{self, Asker, Person, Situation};
use baken_core::language::Language;
use baken_core::signal::Level;
use baken_core::signal_text;
use std::io::{self, BufRead, Write};

#[derive(clap::Args)]
pub struct Args {
    /// Language of the messages: nl, en, or auto to detect it per message.
    #[arg(long, default_value = "auto", value_parser = parse_language)]
    lang: LanguageChoice,
    /// Print one JSON object per message instead of text.
    #[arg(long)]
    jsonl: bool,
    /// Country for the help shown after a warning sign in TEXT, such as NL.
    #[arg(long, default_value = "NL")]
    country: String,
    /// The message to check; without it, messages are read from stdin, one per line.
    text: Option<String>,
}

/// A language, or `None` to detect it per message.
#[derive(Clone, Copy)]
struct LanguageChoice(Option<Language>);

fn parse_language(code: &str) -> Result<LanguageChoice, String> {
    if code.eq_ignore_ascii_case("auto") {
        Ok(LanguageChoice(None))
    } else {
        code.parse().map(|l| LanguageChoice(Some(l))).map_err(|e: baken_core::language::UnsupportedLanguage| e.to_string())
    }
}

pub fn run(args: Args) -> Result<(), String> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if let Some(text) = &args.text {
        let analysis = report(&mut out, &args, text, None)?;
        if !args.jsonl && analysis.level >= Level::Caution {
            let language = analysis.language.or(args.lang.0).unwrap_or_else(Language::fallback);
            let situation = Situation { topic: None, signals: analysis.signals.iter().map(|f| f.signal).collect(), level: Some(analysis.level) };
            let person = Person { asker: Asker::Teen, age: None, language, quiet: false };
            let routes = help::route(&situation, &args.country, &person, chrono::Local::now().fixed_offset()).map_err(|e| e.to_string())?;
            let note = help::coverage_note(&args.country, language).map_err(|e| e.to_string())?;
            write!(out, "\n{}", crate::route::text(note.as_deref(), &routes, language)).map_err(|e| format!("cannot write the result: {e}"))?;
        }
        return Ok(());
    }
    let mut input = io::stdin().lock();
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        if input.read_until(b'\n', &mut line).map_err(|e| format!("cannot read stdin: {e}"))? == 0 {
            return Ok(());
        }
        if line.ends_with(b"\n") {
            line.pop();
        }
        if line.ends_with(b"\r") {
            line.pop();
        }
        let text = std::str::from_utf8(&line).map_err(|e| format!("line {number} is not valid UTF-8 text ({e})"))?;
        report(&mut out, &args, text, Some(number))?;
    }
    Ok(())
}

fn report(out: &mut impl Write, args: &Args, text: &str, line: Option<usize>) -> Result<Analysis, String> {
    let analysis = check::analyze(text, args.lang.0).map_err(|e| match line {
        Some(number) => format!("line {number}: {e}"),
        None => e.to_string(),
    })?;
    let written = if args.jsonl { writeln!(out, "{}", json(&analysis)) } else { write_text(out, &analysis, line) };
    written.map_err(|e| format!("cannot write the result: {e}"))?;
    Ok(analysis)
}

fn json(analysis: &Analysis) -> serde_json::Value {
    let signals: Vec<_> = analysis
        .signals
        .iter()
        .map(|f| {
            serde_json::json!({
                "category": f.signal.as_str(),
                "rule": &*f.rule,
                "start": f.span.start,
                "end": f.span.end,
                "start_utf16": f.utf16.start,
                "end_utf16": f.utf16.end,
                "excerpt": f.excerpt,
            })
        })
        .collect();
    serde_json::json!({
        "level": analysis.level.as_str(),
        "language": analysis.language.map(|l| l.code()),
        "signals": signals,
    })
}

fn write_text(out: &mut impl Write, analysis: &Analysis, line: Option<usize>) -> io::Result<()> {
    let prefix = line.map(|n| format!("line {n}: ")).unwrap_or_default();
    writeln!(out, "{prefix}{}", analysis.level)?;
    let language = analysis.language.unwrap_or_else(Language::fallback);
    for f in &analysis.signals {
        writeln!(out, "  {:<15} \"{}\" (bytes {}..{}, rule {})", f.signal.as_str(), f.excerpt, f.span.start, f.span.end, f.rule)?;
        if let Ok(text) = signal_text::explanation(f.signal, language) {
            writeln!(out, "      {}: {} {}", text.title, text.what, text.why)?;
        }
    }
    Ok(())
}
