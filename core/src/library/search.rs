//! Full-text search over the articles: an in-memory inverted index per language.
//!
//! Text is folded (case, accents), split into tokens and lightly stemmed. A query token matches an
//! indexed token exactly, as a prefix ("chanta" → "chantage") or as the end of a Dutch compound
//! ("foto" → "naaktfoto"), and through a small synonym table ("pics" → "foto"). Hits in the title
//! count more than in the summary, then the names of the article's signals and topic, then the body. The query is plain words: quotes,
//! `*`, `NEAR`, `-` and brackets have no meaning and cannot cause an error.
//!
//! Why not SQLite FTS5 in memory: `benches/library.rs` loads the same articles into FTS5
//! (unicode61, diacritics removed, bm25 with the same field weights). FTS5 took about twice as
//! long to load and two to three times as long per search, has no synonyms or Dutch compound
//! matching, and its query syntax must be escaped. This index is a few hundred lines of plain Rust.

use super::{text::fold, Article, ContentError};
use crate::language::Language;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

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

        let mut languages: BTreeMap<Language, (usize, Postings)> = BTreeMap::new();
        let mut counts: FastMap<String, f32> = FastMap::default();
        for (doc, article) in articles.iter().enumerate() {
            let doc = doc as u32;
            let (documents, terms) = languages.entry(article.language).or_default();
            *documents += 1;
            let keywords = keywords(article);
            let fields = [(&article.title, TITLE), (&article.summary, SUMMARY), (&keywords, KEYWORDS), (&article.markdown, BODY)];
            for (text, weight) in fields {
                each_token(text, |token| match counts.get_mut(token) {
                    Some(count) => *count += 1.0,
                    None => drop(counts.insert(token.to_string(), 1.0)),
                });
                for (token, count) in counts.drain() {
                    let docs = terms.entry(token).or_default();
                    let score = weight * (1.0 + count.ln());
                    match docs.last_mut() {
                        Some((last, total)) if *last == doc => *total += score,
                        _ => docs.push((doc, score)),
                    }
                }
            }
        }
        let languages = languages
            .into_iter()
            .map(|(language, (documents, terms))| {
                let mut terms: Vec<_> = terms.into_iter().collect();
                terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                (language, Vocabulary { terms, documents })
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

/// A hash map with a fast, non-random hash: keys are the library's own words, so hash flooding
/// is no concern, and building the index hashes every word of every article.
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Per term, the (article, weight) pairs in article order, while the index is built.
type Postings = FastMap<String, Vec<(u32, f32)>>;

/// The multiply-rotate hash of rustc ("FxHash").
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The search tokens of `text`: folded, split at anything but letters and digits, stemmed.
fn tokens(text: &str) -> impl Iterator<Item = String> {
    let mut all = Vec::new();
    each_token(text, |t| all.push(t.to_string()));
    all.into_iter()
}

/// Calls `found` with each search token of `text`, reusing one buffer.
fn each_token(text: &str, mut found: impl FnMut(&str)) {
    let mut token = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        token.clear();
        token.extend(word.chars().map(fold));
        stem(&mut token);
        found(&token);
    }
}

/// Strips one common Dutch or English inflection: "foto's" is already "foto", "photos" → "photo".
fn stem(word: &mut String) {
    if let Some(suffix) = SUFFIXES.iter().find(|s| word.len() >= s.len() + MIN_PARTIAL && word.ends_with(*s)) {
        word.truncate(word.len() - suffix.len());
    }
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
        for (word, stemmed) in [("yes", "yes"), ("threatening", "threaten"), ("berichten", "bericht")] {
            let mut word = word.to_string();
            stem(&mut word);
            assert_eq!(word, stemmed);
        }
    }
}
