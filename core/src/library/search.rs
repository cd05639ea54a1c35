//! Full-text search over the articles: an in-memory inverted index per language.
//!
//! Text is folded (case, accents), split into tokens and lightly stemmed. A query token matches an
//! indexed token exactly, as a prefix ("chanta" → "chantage") or as the end of a Dutch compound
//! ("foto" → "naaktfoto"), and through a small synonym table ("pics" → "foto"). Hits in the title
//! count more than in the summary, then the names of the article's signals and topic, then the body. The query is plain words: quotes,
//! `*`, `NEAR`, `-` and brackets have no meaning and cannot cause an error.

use super::{text::fold, Article, ContentError};
use crate::language::Language;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Where the stop words and synonyms live under `content/`.
pub(super) const FILE: &str = "library/search.toml";

const TITLE: f32 = 4.0;
const SUMMARY: f32 = 2.0;
const KEYWORDS: f32 = 1.5;
const BODY: f32 = 1.0;
/// A word's weight in an article levels off (as in BM25), so one word repeated often does not
/// outrank an article that matches every word of the query.
const SATURATION: f32 = 4.0;
const PREFIX: f32 = 0.6;
const COMPOUND: f32 = 0.5;
const SYNONYM: f32 = 0.7;
/// Shorter tokens only match exactly.
const MIN_PARTIAL: usize = 3;
/// Suffixes stripped by the stemmer, longest first; the stem keeps at least [`MIN_PARTIAL`] letters.
const SUFFIXES: &[&str] = &["ing", "es", "en", "ed", "s", "e"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    stop_words: Vec<String>,
    synonyms: Vec<Vec<String>>,
}

/// The index: per language a sorted vocabulary with postings (article index, weight).
#[derive(Debug)]
pub(super) struct Index {
    languages: BTreeMap<Language, Vocabulary>,
    stop_words: HashSet<String>,
    /// Stem → the stems of its synonyms.
    synonyms: HashMap<String, Vec<String>>,
}

#[derive(Debug, Default)]
struct Vocabulary {
    /// Sorted by term.
    terms: Vec<(String, Vec<(u32, f32)>)>,
    documents: usize,
}

impl Index {
    /// Builds the index over `articles` with the stop words and synonyms of the search file;
    /// `keywords` gives extra words for an article (such as the names of its signals).
    pub(super) fn build(articles: &[Article], file: &str, keywords: impl Fn(&Article) -> String) -> Result<Index, ContentError> {
        let file: File = toml::from_str(file).map_err(|e| ContentError::Syntax(e.message().to_string()))?;
        let mut synonyms: HashMap<String, Vec<String>> = HashMap::new();
        for group in &file.synonyms {
            let stems: Vec<String> = group.iter().flat_map(|w| tokens(w)).collect();
            for stem in &stems {
                let others = stems.iter().filter(|s| *s != stem).cloned();
                synonyms.entry(stem.clone()).or_default().extend(others);
            }
        }
        let stop_words = file.stop_words.iter().flat_map(|w| tokens(w)).collect();

        let mut postings: BTreeMap<Language, HashMap<String, HashMap<u32, f32>>> = BTreeMap::new();
        let mut documents: BTreeMap<Language, usize> = BTreeMap::new();
        for (doc, article) in articles.iter().enumerate() {
            let terms = postings.entry(article.language).or_default();
            *documents.entry(article.language).or_default() += 1;
            let keywords = keywords(article);
            let fields = [(&article.title, TITLE), (&article.summary, SUMMARY), (&keywords, KEYWORDS), (&article.markdown, BODY)];
            for (text, weight) in fields {
                let mut counts: HashMap<String, f32> = HashMap::new();
                for token in tokens(text) {
                    *counts.entry(token).or_default() += 1.0;
                }
                for (token, count) in counts {
                    *terms.entry(token).or_default().entry(doc as u32).or_default() += weight * (1.0 + count.ln());
                }
            }
        }
        let languages = postings
            .into_iter()
            .map(|(language, terms)| {
                let mut terms: Vec<_> = terms.into_iter().map(|(t, docs)| (t, docs.into_iter().collect::<Vec<_>>())).collect();
                terms.sort_by(|a, b| a.0.cmp(&b.0));
                (language, Vocabulary { terms, documents: documents.get(&language).copied().unwrap_or(0) })
            })
            .collect();
        Ok(Index { languages, stop_words, synonyms })
    }

    /// Articles matching `query` in `language`, best first: (article index, score).
    pub(super) fn search(&self, query: &str, language: Language) -> Vec<(usize, f32)> {
        let Some(vocabulary) = self.languages.get(&language) else { return Vec::new() };
        let mut seen = HashSet::new();
        let words: Vec<String> =
            tokens(query).filter(|t| !self.stop_words.contains(t) && seen.insert(t.clone())).collect();
        let mut scores: HashMap<u32, (f32, usize)> = HashMap::new();
        for word in &words {
            let mut best: HashMap<u32, f32> = HashMap::new();
            let alternatives = std::iter::once((word.as_str(), 1.0))
                .chain(self.synonyms.get(word).into_iter().flatten().map(|s| (s.as_str(), SYNONYM)));
            for (alternative, weight) in alternatives {
                vocabulary.matches(alternative, |term_weight, docs| {
                    let idf = (1.0 + vocabulary.documents as f32 / docs.len() as f32).ln();
                    for &(doc, w) in docs {
                        let raw = weight * term_weight * w;
                        let score = idf * raw / (raw + SATURATION);
                        let slot = best.entry(doc).or_default();
                        *slot = slot.max(score);
                    }
                });
            }
            for (doc, score) in best {
                let entry = scores.entry(doc).or_default();
                entry.0 += score;
                entry.1 += 1;
            }
        }
        let mut hits: Vec<(usize, f32)> = scores
            .into_iter()
            .map(|(doc, (score, matched))| (doc as usize, score * matched as f32 / words.len() as f32))
            .collect();
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        hits
    }
}

impl Vocabulary {
    /// Calls `found(match weight, postings)` for every term that `word` matches.
    fn matches(&self, word: &str, mut found: impl FnMut(f32, &[(u32, f32)])) {
        let start = self.terms.partition_point(|(t, _)| t.as_str() < word);
        for (term, docs) in &self.terms[start..] {
            if term == word {
                found(1.0, docs);
            } else if word.len() >= MIN_PARTIAL && term.starts_with(word) {
                found(PREFIX, docs);
            } else {
                break;
            }
        }
        if word.len() > MIN_PARTIAL {
            for (term, docs) in &self.terms {
                if term.len() > word.len() && term.ends_with(word) {
                    found(COMPOUND, docs);
                }
            }
        }
    }
}

/// The search tokens of `text`: folded, split at anything but letters and digits, stemmed.
fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| stem(w.chars().map(fold).collect()))
}

/// Strips one common Dutch or English inflection: "foto's" is already "foto", "photos" → "photo".
fn stem(mut word: String) -> String {
    if let Some(suffix) = SUFFIXES.iter().find(|s| word.len() >= s.len() + MIN_PARTIAL && word.ends_with(*s)) {
        word.truncate(word.len() - suffix.len());
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_fold_split_and_stem() {
        let t: Vec<_> = tokens("Naaktfoto's, PHOTOS en Crème-brûlée").collect();
        assert_eq!(t, ["naaktfoto", "s", "photo", "en", "crem", "brule"]);
    }

    #[test]
    fn stemming_keeps_short_words() {
        assert_eq!(stem("yes".into()), "yes");
        assert_eq!(stem("threatening".into()), "threaten");
        assert_eq!(stem("berichten".into()), "bericht");
    }
}
