//! Education content: articles, warning signs and search.

use crate::BakenError;
use baken_core::language::Language;
use baken_core::library::{self, Article, ArticleTopic, Audience, Library, LibraryError};
use baken_core::signal::Signal;

impl From<LibraryError> for BakenError {
    fn from(e: LibraryError) -> Self {
        let reason = e.to_string();
        match e {
            LibraryError::UnknownArticle { .. } => BakenError::NotFound { reason },
            LibraryError::Language(_) | LibraryError::UnknownId(_) | LibraryError::InvalidContent { .. } => {
                BakenError::InvalidInput { reason }
            }
        }
    }
}

/// An article in a list or a search result.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ArticleSummary {
    /// Stable id, the same in every language.
    pub id: String,
    /// Title.
    pub title: String,
    /// One or two short sentences.
    pub summary: String,
    /// Topic id, such as `"sextortion"`.
    pub topic: String,
    /// `"teen"`, `"parent"` or `"professional"`.
    pub audience: String,
}

/// A page that backs an article.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ArticleSource {
    /// What the page is called.
    pub title: String,
    /// Its web address.
    pub url: String,
}

/// A whole article.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LibraryArticle {
    /// Stable id, the same in every language.
    pub id: String,
    /// `"nl"` or `"en"`.
    pub language: String,
    /// `"teen"`, `"parent"` or `"professional"`.
    pub audience: String,
    /// Topic id.
    pub topic: String,
    /// Title.
    pub title: String,
    /// One or two short sentences.
    pub summary: String,
    /// The body as Markdown.
    pub markdown: String,
    /// The body as plain text.
    pub plain_text: String,
    /// Related signal ids.
    pub signals: Vec<String>,
    /// Related article ids.
    pub related: Vec<String>,
    /// Related help topics.
    pub help_topics: Vec<String>,
    /// The day it was last reviewed, `YYYY-MM-DD`.
    pub last_reviewed: String,
    /// Where its facts come from.
    pub sources: Vec<ArticleSource>,
}

/// A topic and its name in one language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LibraryTopic {
    /// Topic id.
    pub id: String,
    /// Its name for a reader.
    pub name: String,
}

/// A warning signal explained, and the topics it is a sign of.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WarningSign {
    /// Signal id.
    pub signal: String,
    /// A short name.
    pub name: String,
    /// Why it matters, for a teenager.
    pub explanation: String,
    /// The topics it is one of the signs of.
    pub topics: Vec<LibraryTopic>,
}

fn summary(a: &Article) -> ArticleSummary {
    ArticleSummary {
        id: a.id.clone(),
        title: a.title.clone(),
        summary: a.summary.clone(),
        topic: a.topic.to_string(),
        audience: a.audience.to_string(),
    }
}

fn topic(t: library::TopicName) -> LibraryTopic {
    LibraryTopic { id: t.topic.to_string(), name: t.name }
}

fn sign(s: library::WarningSign) -> WarningSign {
    WarningSign { signal: s.signal.to_string(), name: s.name, explanation: s.explanation, topics: s.topics.into_iter().map(topic).collect() }
}

fn parse<T: std::str::FromStr>(value: Option<String>) -> Result<Option<T>, BakenError>
where
    LibraryError: From<T::Err>,
{
    value.map(|v| v.parse::<T>().map_err(|e| BakenError::from(LibraryError::from(e)))).transpose()
}

fn language(code: &str) -> Result<Language, BakenError> {
    Ok(code.parse::<Language>().map_err(LibraryError::from)?)
}

/// Every article topic with its name in `language` (`"nl"` or `"en"`).
#[uniffi::export]
pub fn library_topics(language: String) -> Result<Vec<LibraryTopic>, BakenError> {
    let language = self::language(&language)?;
    Ok(Library::bundled()?.topics(language).into_iter().map(topic).collect())
}

/// The articles in `language`, optionally only for one audience or topic.
#[uniffi::export]
pub fn library_articles(
    language: String,
    audience: Option<String>,
    topic: Option<String>,
) -> Result<Vec<ArticleSummary>, BakenError> {
    let language = self::language(&language)?;
    let (audience, topic) = (parse::<Audience>(audience)?, parse::<ArticleTopic>(topic)?);
    Ok(Library::bundled()?.articles(language, audience, topic).into_iter().map(summary).collect())
}

/// The article `id` in `language`; an unknown id is `NotFound`, an unknown language `InvalidInput`.
#[uniffi::export]
pub fn library_article(id: String, language: String) -> Result<LibraryArticle, BakenError> {
    let language = self::language(&language)?;
    let a = Library::bundled()?.article(&id, language)?;
    let ids = |v: &[_]| v.iter().map(ToString::to_string).collect();
    Ok(LibraryArticle {
        id: a.id.clone(),
        language: a.language.to_string(),
        audience: a.audience.to_string(),
        topic: a.topic.to_string(),
        title: a.title.clone(),
        summary: a.summary.clone(),
        plain_text: a.plain_text(),
        markdown: a.markdown.clone(),
        signals: ids(&a.signals),
        related: a.related.clone(),
        help_topics: a.help_topics.iter().map(ToString::to_string).collect(),
        last_reviewed: a.last_reviewed.clone(),
        sources: a.sources.iter().map(|s| ArticleSource { title: s.title.clone(), url: s.url.clone() }).collect(),
    })
}

/// Articles in `language` matching `query`, best first; those for `audience`, when given, rank
/// higher. Any text is a valid query.
#[uniffi::export]
pub fn library_search(query: String, language: String, audience: Option<String>) -> Result<Vec<ArticleSummary>, BakenError> {
    let language = self::language(&language)?;
    let audience = parse::<Audience>(audience)?;
    Ok(Library::bundled()?.search(&query, language, audience).into_iter().map(|h| summary(h.article)).collect())
}

/// The warning signs of a topic, explained in `language`.
#[uniffi::export]
pub fn warning_signs(topic: String, language: String) -> Result<Vec<WarningSign>, BakenError> {
    let language = self::language(&language)?;
    let topic = topic.parse::<ArticleTopic>().map_err(LibraryError::from)?;
    Ok(Library::bundled()?.warning_signs(topic, language).into_iter().map(sign).collect())
}

/// One warning signal explained in `language`, with the topics it is a sign of.
#[uniffi::export]
pub fn warning_sign(signal: String, language: String) -> Result<WarningSign, BakenError> {
    let language = self::language(&language)?;
    let signal = signal.parse::<Signal>().map_err(LibraryError::from)?;
    Ok(sign(Library::bundled()?.warning_sign(signal, language)))
}
