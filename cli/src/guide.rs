//! `baken guide list | show ID | search QUERY`: read the articles.

use baken_core::language::Language;
use baken_core::library::{Article, ArticleTopic, Audience, Library};
use baken_core::strings::{fill, strings};
use serde_json::json;
use std::fmt::Write as _;
use std::io::Write as _;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Option<Action>,
    /// Language: nl or en.
    #[arg(long, global = true, default_value = "nl")]
    lang: String,
    /// Only articles for teen, parent or professional (search: theirs first, others after).
    #[arg(long, global = true)]
    audience: Option<String>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
}

#[derive(clap::Subcommand)]
enum Action {
    /// List the articles (the default).
    List {
        /// Only articles on this topic, such as sextortion.
        #[arg(long)]
        topic: Option<String>,
    },
    /// Show one article.
    Show {
        /// The article id, such as sextortion-teen.
        id: String,
    },
    /// Search the articles, best match first.
    Search {
        /// Plain words, such as "chantage met naaktfoto".
        #[arg(allow_hyphen_values = true)]
        query: String,
    },
}

pub fn run(args: Args) -> Result<(), String> {
    let language: Language = args.lang.parse().map_err(|e| format!("{e}"))?;
    let audience = args.audience.as_deref().map(str::parse::<Audience>).transpose().map_err(|e| e.to_string())?;
    let library = Library::bundled().map_err(|e| e.to_string())?;
    let articles = match args.action.unwrap_or(Action::List { topic: None }) {
        Action::List { topic } => {
            let topic = topic.as_deref().map(str::parse::<ArticleTopic>).transpose().map_err(|e| e.to_string())?;
            library.articles(language, audience, topic)
        }
        Action::Search { query } => library.search(&query, language, audience).into_iter().map(|h| h.article).collect(),
        Action::Show { id } => {
            let article = library.article(&id, language).map_err(|e| e.to_string())?;
            return show(article, args.json);
        }
    };
    let mut out = String::new();
    if args.json {
        let list: Vec<_> =
            articles.iter().map(|a| json!({ "id": a.id, "title": a.title, "topic": a.topic, "audience": a.audience, "summary": a.summary })).collect();
        let _ = writeln!(out, "{}", serde_json::Value::Array(list));
    } else {
        for a in articles {
            let _ = writeln!(out, "{:<34} {:<12} {}", a.id, a.audience, a.title);
        }
    }
    print(&out)
}

fn show(article: &Article, as_json: bool) -> Result<(), String> {
    let mut out = String::new();
    if as_json {
        let mut value = json!(article);
        value["plain_text"] = json!(article.plain_text());
        let _ = writeln!(out, "{value}");
    } else {
        let _ = writeln!(out, "{}\n\n{}\n\n{}\n", article.title, article.summary, article.plain_text());
        let _ = writeln!(out, "{}", fill(&strings(article.language).cli.sources, &[("date", &article.last_reviewed)]));
        for s in &article.sources {
            let _ = writeln!(out, "- {} ({})", s.title, s.url);
        }
    }
    print(&out)
}

/// Writes to stdout.
fn print(text: &str) -> Result<(), String> {
    std::io::stdout().lock().write_all(text.as_bytes()).map_err(|e| e.to_string())
}
