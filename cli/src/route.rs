//! `baken route`: who can help now, best first.

use baken_core::help::{self, Asker, Availability, Person, Route, Situation};
use baken_core::language::Language;
use baken_core::strings::strings;
use serde_json::{json, Value};

#[derive(clap::Args)]
pub struct Args {
    /// Country code, such as NL.
    #[arg(long)]
    country: String,
    /// Help topic or signal id, such as sextortion or threat; `emergency` means danger right now.
    #[arg(long)]
    topic: Option<String>,
    /// Signal ids seen, comma-separated, such as threat,payment_demand.
    #[arg(long, value_delimiter = ',')]
    signals: Vec<String>,
    /// Level of a checker result: none, caution, warning or danger.
    #[arg(long)]
    level: Option<String>,
    /// Who is asking: teen, parent or professional (for a parent or professional, --age is the child's age).
    #[arg(long = "for", default_value = "teen")]
    asker: String,
    /// Age in years.
    #[arg(long)]
    age: Option<u8>,
    /// Language to talk in and for the texts: nl or en.
    #[arg(long, default_value = "en")]
    lang: String,
    /// Cannot talk out loud: chat and text before phone.
    #[arg(long)]
    quiet: bool,
    /// The moment to route for, in RFC 3339 (default: now, in this computer's time zone).
    #[arg(long)]
    at: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<(), String> {
    let situation = Situation::from_ids(args.topic.as_deref(), args.signals.iter().map(String::as_str), args.level.as_deref()).map_err(|e| e.to_string())?;
    let language: Language = args.lang.parse().map_err(|e: baken_core::language::UnsupportedLanguage| e.to_string())?;
    let now = match &args.at {
        Some(text) => help::parse_time(text).map_err(|e| e.to_string())?,
        None => chrono::Local::now().fixed_offset(),
    };
    let asker: Asker = args.asker.parse().map_err(|e: help::HelpError| e.to_string())?;
    let person = Person { asker, age: args.age, language, quiet: args.quiet };
    let routes = help::route(&situation, &args.country, &person, now).map_err(|e| e.to_string())?;
    let note = help::coverage_note(&args.country, language).map_err(|e| e.to_string())?;
    if args.json {
        let routes: Vec<Value> = routes.iter().map(route_json).collect();
        println!("{}", json!({ "note": note, "routes": routes }));
    } else {
        print!("{}", text(note.as_deref(), &routes, language));
    }
    Ok(())
}

fn route_json(route: &Route) -> Value {
    let until = match route.availability {
        Availability::Open { until } => until.map(|t| t.to_rfc3339()),
        _ => None,
    };
    json!({
        "service_id": route.service_id,
        "name": route.name,
        "channel": route.channel.as_str(),
        "action_uri": route.action_uri,
        "open_now": route.availability.open_now(),
        "next_open": route.availability.next_open().map(|t| t.to_rfc3339()),
        "open_until": until,
        "label": route.label,
        "reason": route.reason,
        "source": route.source,
        "emergency": route.emergency,
    })
}

/// The note (if any), the first route first and in full, then a few more, and the emergency
/// number if not yet shown.
pub fn text(note: Option<&str>, routes: &[Route], language: Language) -> String {
    let words = &strings(language).cli;
    let mut out = format!("{}\n\n", words.not_alone);
    if let Some(note) = note {
        out += &format!("  {note}\n\n");
    }
    let Some((first, rest)) = routes.split_first() else { return out };
    out += &format!("  {}\n  {}\n", first.label, first.reason);
    if !first.action_uri.is_empty() {
        out += &format!("  {}\n", first.action_uri);
    }
    let mut shown: Vec<&Route> = rest.iter().take(4).collect();
    if !first.emergency && !shown.iter().any(|r| r.emergency) {
        shown.extend(rest.iter().find(|r| r.emergency));
    }
    if !shown.is_empty() {
        out += &format!("\n{}\n", words.also);
        for route in shown {
            out += &format!("  - {}: {}\n", route.label, route.reason);
        }
    }
    out
}
