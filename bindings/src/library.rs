//! Education content: articles, warning signs and search.

use crate::types::Language;
use crate::BakenError;
use baken_core::help::Topic;
use baken_core::library::{Article, ArticleTopic, Audience, Library, Source, TopicName, WarningSign};
use baken_core::signal::Signal;

/// An article in a list or a search result.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ArticleSummary {
    /// Stable id, the same in every language.
    pub id: String,
    /// Title.
    pub title: String,
    /// One or two short sentences.
    pub summary: String,
    /// What it is about.
    pub topic: ArticleTopic,
    /// Who it is written for.
    pub audience: Audience,
}

/// A whole article: the core's article with its body also as plain text.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LibraryArticle {
    /// Stable id, the same in every language.
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
    /// The body as Markdown.
    pub markdown: String,
    /// The body as plain text.
    pub plain_text: String,
    /// The warning signals it explains.
    pub signals: Vec<Signal>,
    /// Related article ids.
    pub related: Vec<String>,
    /// Help topics that fit it, for `route`.
    pub help_topics: Vec<Topic>,
    /// The day it was last reviewed, `YYYY-MM-DD`.
    pub last_reviewed: String,
    /// Where its facts come from.
    pub sources: Vec<Source>,
}

fn summary(a: &Article) -> ArticleSummary {
    ArticleSummary { id: a.id.clone(), title: a.title.clone(), summary: a.summary.clone(), topic: a.topic, audience: a.audience }
}

/// Every article topic with its name in `language`.
#[uniffi::export]
pub fn library_topics(language: Language) -> Result<Vec<TopicName>, BakenError> {
    Ok(Library::bundled()?.topics(language.into()))
}

/// The articles in `language`, optionally only for one audience or topic.
#[uniffi::export]
pub fn library_articles(language: Language, audience: Option<Audience>, topic: Option<ArticleTopic>) -> Result<Vec<ArticleSummary>, BakenError> {
    Ok(Library::bundled()?.articles(language.into(), audience, topic).into_iter().map(summary).collect())
}

/// The article `id` in `language`; an unknown id is `NotFound`.
#[uniffi::export]
pub fn library_article(id: String, language: Language) -> Result<LibraryArticle, BakenError> {
    let a = Library::bundled()?.article(&id, language.into())?.clone();
    Ok(LibraryArticle {
        plain_text: a.plain_text(),
        id: a.id,
        language: a.language.into(),
        audience: a.audience,
        topic: a.topic,
        title: a.title,
        summary: a.summary,
        markdown: a.markdown,
        signals: a.signals,
        related: a.related,
        help_topics: a.help_topics,
        last_reviewed: a.last_reviewed,
        sources: a.sources,
    })
}

/// Articles in `language` matching `query`, best first; those for `audience`, when given, rank
/// higher. Any text is a valid query.
#[uniffi::export]
pub fn library_search(query: String, language: Language, audience: Option<Audience>) -> Result<Vec<ArticleSummary>, BakenError> {
    Ok(Library::bundled()?.search(&query, language.into(), audience).into_iter().map(|h| summary(h.article)).collect())
}

/// The warning signs of a topic, explained in `language`.
#[uniffi::export]
pub fn warning_signs(topic: ArticleTopic, language: Language) -> Result<Vec<WarningSign>, BakenError> {
    Ok(Library::bundled()?.warning_signs(topic, language.into()))
}

/// One warning signal explained in `language`, with the topics it is a sign of.
#[uniffi::export]
pub fn warning_sign(signal: Signal, language: Language) -> Result<WarningSign, BakenError> {
    Ok(Library::bundled()?.warning_sign(signal, language.into()))
}
