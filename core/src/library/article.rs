//! One article: TOML front matter between `+++` lines, then Markdown; parsed and checked.

use super::{text, ArticleTopic, Audience, ContentError};
use crate::{help::Topic, language::Language, signal::Signal};
use serde::{Deserialize, Serialize};

/// A page that backs an article's facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// What the page is called.
    pub title: String,
    /// Its web address.
    pub url: String,
}

/// An article in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// Stable id, the same in every language, such as `"sextortion-teen"`.
    pub id: String,
    /// The language it is written in.
    pub language: Language,
    /// Who it is written for.
    pub audience: Audience,
    /// What it is about.
    pub topic: ArticleTopic,
    /// Title.
    pub title: String,
    /// One or two short sentences.
    pub summary: String,
    /// The warning signals it explains.
    pub signals: Vec<Signal>,
    /// Ids of related articles.
    pub related: Vec<String>,
    /// Help topics that fit it, for routing to help.
    pub help_topics: Vec<Topic>,
    /// The day it was last reviewed, `YYYY-MM-DD`.
    pub last_reviewed: String,
    /// The pages its facts come from.
    pub sources: Vec<Source>,
    /// The body as Markdown.
    pub markdown: String,
}

impl Article {
    /// The body as plain text: no Markdown marks, links as `text (address)`.
    pub fn plain_text(&self) -> String {
        text::plain_text(&self.markdown)
    }

    /// Title, summary and body as a reader reads them, for readability measures.
    pub fn prose(&self) -> String {
        format!("{}\n{}\n{}", self.title, self.summary, text::prose(&self.markdown))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    language: String,
    audience: String,
    topic: String,
    title: String,
    summary: String,
    #[serde(default)]
    signals: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    help_topics: Vec<String>,
    last_reviewed: String,
    #[serde(default)]
    sources: Vec<Source>,
}

/// Parses the article file at `path` (such as `articles/en/sextortion-teen.md`) and checks everything
/// that one file can show on its own.
pub(super) fn parse(path: &str, file: &str) -> Result<Article, ContentError> {
    let file = file.trim_start_matches('\u{feff}');
    let rest = file.strip_prefix("+++").ok_or(ContentError::NoFrontMatter)?;
    let end = rest.find("\n+++").ok_or(ContentError::NoFrontMatter)?;
    let markdown = rest[end + 4..].trim().to_string();
    let front: FrontMatter = crate::content::read(&rest[..end]).map_err(ContentError::Syntax)?;

    let id = front.id;
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        return Err(ContentError::MalformedId(id));
    }
    let language: Language = front.language.parse()?;
    if path != format!("articles/{language}/{id}.md") || front.language != language.code() {
        return Err(ContentError::Misplaced { id, language: front.language });
    }
    for (field, value) in [("title", &front.title), ("summary", &front.summary), ("body", &markdown)] {
        if value.trim().is_empty() {
            return Err(ContentError::Empty(field));
        }
    }
    let last_reviewed = front.last_reviewed;
    if chrono::NaiveDate::parse_from_str(&last_reviewed, "%Y-%m-%d").is_err() || last_reviewed.len() != 10 {
        return Err(ContentError::BadDate(last_reviewed));
    }
    if front.sources.is_empty() {
        return Err(ContentError::NoSource);
    }
    if let Some(s) = front.sources.iter().find(|s| !is_address(&s.url) || s.title.trim().is_empty()) {
        return Err(ContentError::SourceWithoutAddress(s.title.clone()));
    }
    Ok(Article {
        id,
        language,
        audience: front.audience.parse()?,
        topic: front.topic.parse()?,
        title: front.title,
        summary: front.summary,
        signals: front.signals.iter().map(|s| s.parse()).collect::<Result<_, _>>()?,
        related: front.related,
        help_topics: front.help_topics.iter().map(|t| t.parse()).collect::<Result<_, _>>()?,
        last_reviewed,
        sources: front.sources,
        markdown,
    })
}

fn is_address(url: &str) -> bool {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| r.contains('.') && !r.starts_with('.') && !r.contains(char::is_whitespace))
}
