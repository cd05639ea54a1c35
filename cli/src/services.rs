//! `baken services`: the help services in the directory, with their channels and hours.

use baken_core::help::{self, Service, Topic};
use baken_core::language::Language;
use serde_json::{json, Value};

#[derive(clap::Args)]
pub struct Args {
    /// Country code, such as NL (default: every service).
    #[arg(long)]
    country: Option<String>,
    /// Only services that help with this topic or signal id.
    #[arg(long)]
    topic: Option<String>,
    /// Language of the descriptions: nl or en.
    #[arg(long, default_value = "en")]
    lang: String,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<(), String> {
    let topic: Option<Topic> = args.topic.as_deref().map(str::parse).transpose().map_err(|e: help::UnknownTopic| e.to_string())?;
    let language: Language = args.lang.parse().map_err(|e: baken_core::language::UnsupportedLanguage| e.to_string())?;
    let services = help::services(args.country.as_deref(), topic).map_err(|e| e.to_string())?;
    if args.json {
        let services: Vec<Value> = services.iter().map(|s| service_json(s, language)).collect();
        println!("{}", json!({ "services": services }));
        return Ok(());
    }
    for s in services {
        println!("{} ({})\n  {}", s.name, s.id, s.description(language));
        for c in &s.channels {
            println!("  {:<8} {}  [{}]", c.kind.as_str(), c.address, c.hours);
        }
        println!("  source: {} (checked {})\n", s.source, s.verified_on);
    }
    Ok(())
}

fn service_json(s: &Service, language: Language) -> Value {
    let channels: Vec<Value> = s
        .channels
        .iter()
        .map(|c| {
            json!({
                "kind": c.kind.as_str(),
                "address": c.address,
                "keyword": c.keyword,
                "action_uri": c.action_uri,
                "hours": c.hours.to_string(),
                "hours_source": c.hours_source,
                "source": c.source,
                "verified_on": c.verified_on.to_string(),
            })
        })
        .collect();
    let countries: Vec<&str> = if s.worldwide { vec!["*"] } else { s.countries.iter().map(|c| c.as_str()).collect() };
    json!({
        "id": s.id,
        "name": s.name,
        "description": s.description(language),
        "countries": countries,
        "topics": s.topics.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
        "languages": s.languages,
        "min_age": s.min_age,
        "max_age": s.max_age,
        "free": s.free,
        "anonymous": s.anonymous,
        "emergency": s.immediate_danger,
        "source": s.source,
        "verified_on": s.verified_on.to_string(),
        "channels": channels,
    })
}
