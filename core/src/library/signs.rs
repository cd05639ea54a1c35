//! Warning signs as data (`content/signs/signs.toml`): per topic its name and the signals that are
//! signs of it. What each signal means comes from the one explanation per signal and language in
//! [`crate::signal_text`] (`content/signals/<language>.toml`), so the library and the analyzer
//! never explain a signal in two different ways.

use super::{Article, ArticleTopic, ContentError};
use crate::{language::Language, signal::Signal, signal_text};
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
    /// A short name: the signal's title in `signal_text`, such as "Asking you to keep secrets".
    pub name: String,
    /// What the contact does and why it matters: the signal's `what` and `why` in `signal_text`.
    pub explanation: String,
    /// Every topic this signal is one of the signs of.
    pub topics: Vec<TopicName>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    topics: BTreeMap<String, TopicEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicEntry {
    names: BTreeMap<String, String>,
    signals: Vec<String>,
}

/// The parsed signs, keyed by typed ids.
#[derive(Debug)]
pub(super) struct Signs {
    /// Topic, its names per language, its signals in order.
    topics: Vec<(ArticleTopic, BTreeMap<Language, String>, Vec<Signal>)>,
}

impl Signs {
    /// Parses and checks the signs file: every id known, every topic named in every language, every
    /// signal a sign of some topic.
    pub(super) fn parse(text: &str) -> Result<Signs, ContentError> {
        let file: File = crate::content::read(text).map_err(ContentError::Syntax)?;
        let mut topics = Vec::new();
        for (id, entry) in file.topics {
            let names = by_language(entry.names, &id)?;
            let signals: Vec<Signal> = entry.signals.iter().map(|s| s.parse()).collect::<Result<_, _>>()?;
            topics.push((id.parse::<ArticleTopic>()?, names, signals));
        }
        for topic in ArticleTopic::ALL {
            if !topics.iter().any(|(t, _, _)| t == topic) {
                return Err(ContentError::Missing(format!("topic {topic}")));
            }
        }
        for signal in Signal::ALL {
            if !topics.iter().any(|(_, _, s)| s.contains(signal)) {
                return Err(ContentError::Missing(format!("a topic with signal {signal}")));
            }
        }
        topics.sort_by_key(|(t, _, _)| *t);
        Ok(Signs { topics })
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
        let (name, explanation) = explained(signal, language).unwrap_or_default();
        let topics =
            self.topics.iter().filter(|(_, _, signals)| signals.contains(&signal)).map(|(topic, names, _)| self.named(*topic, names, language)).collect();
        WarningSign { signal, name, explanation, topics }
    }

    /// The names of an article's topic and signals in its language, as search keywords.
    pub(super) fn keywords(&self, article: &Article) -> String {
        let topic = self.topics.iter().find(|(t, _, _)| *t == article.topic).and_then(|(_, names, _)| names.get(&article.language));
        let signals = article.signals.iter().filter_map(|s| explained(*s, article.language).map(|(name, _)| name));
        topic.cloned().into_iter().chain(signals).collect::<Vec<_>>().join("\n")
    }
}

/// Every signal's name and explanation in `language`, one per line, for readability checks.
pub(super) fn text(language: Language) -> String {
    let texts = Signal::ALL.iter().filter_map(|s| explained(*s, language));
    texts.map(|(name, explanation)| format!("{name}\n{explanation}")).collect::<Vec<_>>().join("\n")
}

/// A signal's name and explanation in `language`, from its one text in `signal_text`.
fn explained(signal: Signal, language: Language) -> Option<(String, String)> {
    let text = signal_text::explanation(signal, language).ok()?;
    Some((text.title.clone(), format!("{} {}", text.what, text.why)))
}

/// Turns `{"nl": x, "en": y}` into typed keys, requiring every language.
fn by_language<T>(texts: BTreeMap<String, T>, owner: &str) -> Result<BTreeMap<Language, T>, ContentError> {
    let mut typed = BTreeMap::new();
    for (code, value) in texts {
        typed.insert(code.parse::<Language>()?, value);
    }
    match Language::all().iter().find(|l| !typed.contains_key(l)) {
        Some(missing) => Err(ContentError::Missing(format!("{missing} text for {owner}"))),
        None => Ok(typed),
    }
}
