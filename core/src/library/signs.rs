//! Warning signs as data (`content/signs/signs.toml`): per topic the signals that are signs of it,
//! and per signal a short explanation for a teenager, in every language.

use super::{Article, ArticleTopic, ContentError};
use crate::{language::Language, signal::Signal};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where the signs live under `content/`.
pub(super) const FILE: &str = "signs/signs.toml";

/// A topic with its name in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicName {
    /// The topic.
    pub topic: ArticleTopic,
    /// Its name for a reader.
    pub name: String,
}

/// One warning signal explained, and the topics it is a sign of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WarningSign {
    /// The signal.
    pub signal: Signal,
    /// A short name, such as "Asks you to keep secrets".
    pub name: String,
    /// Why it matters, in words for a teenager.
    pub explanation: String,
    /// Every topic this signal is one of the signs of.
    pub topics: Vec<TopicName>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    topics: BTreeMap<String, TopicEntry>,
    signals: BTreeMap<String, BTreeMap<String, Explained>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicEntry {
    names: BTreeMap<String, String>,
    signals: Vec<String>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Explained {
    name: String,
    explanation: String,
}

/// The parsed signs, keyed by typed ids.
#[derive(Debug)]
pub(super) struct Signs {
    /// Topic, its names per language, its signals in order.
    topics: Vec<(ArticleTopic, BTreeMap<Language, String>, Vec<Signal>)>,
    /// Signal → language → (name, explanation).
    signals: BTreeMap<Signal, BTreeMap<Language, (String, String)>>,
}

impl Signs {
    /// Parses and checks the signs file: every id known, every topic and signal present in every language.
    pub(super) fn parse(text: &str) -> Result<Signs, ContentError> {
        let file: File = toml::from_str(text).map_err(|e| ContentError::Syntax(e.message().to_string()))?;
        let mut topics = Vec::new();
        for (id, entry) in file.topics {
            let names = by_language(entry.names, &id)?;
            let signals: Vec<Signal> = entry.signals.iter().map(|s| s.parse()).collect::<Result<_, _>>()?;
            topics.push((id.parse::<ArticleTopic>()?, names, signals));
        }
        let mut signals = BTreeMap::new();
        for (id, texts) in file.signals {
            let texts = by_language(texts, &id)?;
            if let Some(e) = texts.values().find(|e| e.name.trim().is_empty() || e.explanation.trim().is_empty()) {
                return Err(ContentError::Missing(format!("text for signal {id} ('{}')", e.name)));
            }
            let texts = texts.into_iter().map(|(l, e)| (l, (e.name, e.explanation))).collect();
            signals.insert(id.parse::<Signal>()?, texts);
        }
        for topic in ArticleTopic::ALL {
            if !topics.iter().any(|(t, _, _)| t == topic) {
                return Err(ContentError::Missing(format!("topic {topic}")));
            }
        }
        for signal in Signal::ALL {
            if !signals.contains_key(signal) {
                return Err(ContentError::Missing(format!("explanation of signal {signal}")));
            }
            if !topics.iter().any(|(_, _, s)| s.contains(signal)) {
                return Err(ContentError::Missing(format!("a topic with signal {signal}")));
            }
        }
        topics.sort_by_key(|(t, _, _)| *t);
        Ok(Signs { topics, signals })
    }

    /// Every topic with its name in `language`, in topic order.
    pub(super) fn topics(&self, language: Language) -> Vec<TopicName> {
        self.topics.iter().map(|(topic, names, _)| self.named(*topic, names, language)).collect()
    }

    fn named(&self, topic: ArticleTopic, names: &BTreeMap<Language, String>, language: Language) -> TopicName {
        TopicName { topic, name: names.get(&language).cloned().unwrap_or_default() }
    }

    /// The signs of `topic`, explained in `language`.
    pub(super) fn of_topic(&self, topic: ArticleTopic, language: Language) -> Vec<WarningSign> {
        let signals = self.topics.iter().find(|(t, _, _)| *t == topic).map(|(_, _, s)| s.as_slice()).unwrap_or_default();
        signals.iter().map(|s| self.sign(*s, language)).collect()
    }

    /// One signal explained in `language`, with every topic it is a sign of.
    pub(super) fn sign(&self, signal: Signal, language: Language) -> WarningSign {
        let (name, explanation) = self.signals.get(&signal).and_then(|t| t.get(&language)).cloned().unwrap_or_default();
        let topics = self
            .topics
            .iter()
            .filter(|(_, _, signals)| signals.contains(&signal))
            .map(|(topic, names, _)| self.named(*topic, names, language))
            .collect();
        WarningSign { signal, name, explanation, topics }
    }

    /// The names of an article's topic and signals in its language, as search keywords.
    pub(super) fn keywords(&self, article: &Article) -> String {
        let topic = self.topics.iter().find(|(t, _, _)| *t == article.topic).and_then(|(_, names, _)| names.get(&article.language));
        let signals = article.signals.iter().filter_map(|s| self.signals.get(s)?.get(&article.language).map(|(name, _)| name));
        topic.into_iter().chain(signals).cloned().collect::<Vec<_>>().join("\n")
    }

    /// Every name and explanation in `language`, one per line, for readability checks.
    pub(super) fn text(&self, language: Language) -> String {
        let texts = self.signals.values().filter_map(|t| t.get(&language));
        texts.map(|(name, explanation)| format!("{name}\n{explanation}")).collect::<Vec<_>>().join("\n")
    }
}

/// Turns `{"nl": x, "en": y}` into typed keys, requiring every language.
fn by_language<T>(texts: BTreeMap<String, T>, owner: &str) -> Result<BTreeMap<Language, T>, ContentError> {
    let mut typed = BTreeMap::new();
    for (code, value) in texts {
        typed.insert(code.parse::<Language>()?, value);
    }
    match Language::ALL.iter().find(|l| !typed.contains_key(l)) {
        Some(missing) => Err(ContentError::Missing(format!("{missing} text for {owner}"))),
        None => Ok(typed),
    }
}
