//! Full-text search over the articles: an in-memory inverted index per language, built on the
//! first search in that language.
//!
//! Words become terms as in [`super::terms`] (folded, Snowball-stemmed, Dutch participles also as
//! their verb, the two-word phrases of the synonym table also as one term: "taken down"). Stop
//! words are per language. A query word matches a term exactly, through the synonym and slang table of
//! `library/search.toml` ("naaktjes" → "naaktfoto"), as an inflection the stemmer left
//! ("threatend" → "threaten"), as the start of a longer word ("chanta" → "chantage"), as the end
//! of a Dutch compound ("foto" → "naaktfoto"), and, when nothing else matches, with one typo
//! against a term or a word of the articles ("polietie" → "politie", "blackmaled" → "blackmailed").
//! A match other than the word itself weighs no more than the word where the articles have it,
//! and a word they lack no more than its most common synonym.
//! Scores are BM25F: title, summary, the names of the article's signals and topic, and body, each
//! with its weight and length normalisation, with a damped idf (its square root): in 40 articles a
//! word one article happens to use would otherwise outweigh the words of the topic. An article
//! that matches more of the query's words (weighted by how rare they are) ranks higher. The query
//! is plain words: quotes, `*`, `AND`, `:` and brackets have no meaning and cannot cause an error;
//! at most [`MAX_WORDS`] words are used.
//!
//! Why not SQLite FTS5 in memory: `benches/library.rs` loaded the same articles into FTS5
//! (unicode61, diacritics removed, bm25 with the same field weights). On 2026-12-03 (a busy
//! machine) FTS5 took about 1.5 times as long to load and 1.4 to 6 times as long per search, has
//! no stemming, synonyms or Dutch compound matching, and its query syntax must be escaped. The
//! comparison went with FTS5 itself, which the app's SQLite leaves out (`.cargo/config.toml`).

use super::terms::{FastMap, FastSet, Term, Terms};
use super::{text, Article, ContentError};
use crate::language::Language;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

/// Where the stop words and synonyms live under `content/`.
pub(super) const FILE: &str = "library/search.toml";

/// Field weights: title, summary, keywords (signal and topic names), body.
const FIELDS: [f32; 4] = [4.0, 2.0, 1.5, 1.0];
/// BM25 saturation and length normalisation.
const K1: f32 = 2.0;
const B: f32 = 0.5;
/// How much a match counts, by kind, against an exact match (1).
const SYNONYM: f32 = 0.8;
const INFLECTION: f32 = 0.8;
const PREFIX: f32 = 0.6;
const COMPOUND: f32 = 0.3;
const TYPO: f32 = 0.6;
/// Shortest word that matches other than exactly; typos only in words at least [`MIN_TYPO`] long.
const MIN_PARTIAL: usize = 4;
const MIN_TYPO: usize = 5;
/// Letters an inflection may add to a term ("afperst" → "afpers").
const MAX_INFLECTION: usize = 2;
/// Query words after this many are ignored, so any query is answered in bounded time.
const MAX_WORDS: usize = 32;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    stop_words: BTreeMap<String, Vec<String>>,
    synonyms: Vec<Vec<String>>,
}

/// The index: the search file, and per language a vocabulary, built on the first search in that
/// language (an app shows one language, and loading stays fast).
#[derive(Debug)]
pub(super) struct Index {
    stop_words: BTreeMap<Language, HashSet<String>>,
    synonyms: Vec<Vec<String>>,
    /// By [`Language::index`].
    vocabularies: Vec<OnceLock<Vocabulary>>,
}

/// An article that matches a query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Found {
    /// Index into the articles the index was built over.
    pub(super) doc: usize,
    pub(super) score: f32,
    /// It matches at least half of the query's words.
    pub(super) confident: bool,
}

#[derive(Debug, Default)]
struct Vocabulary {
    /// Sorted by term: the term, its inverse document frequency, and per article its weight.
    terms: Vec<(String, f32, Postings)>,
    /// Each term reversed, with its position in `terms`, sorted: for compound ends.
    reversed: Vec<(String, u32)>,
    /// Stem → the stems it is a synonym of.
    synonyms: HashMap<String, Vec<String>>,
    /// Every folded word of the articles with its stem, sorted: typos are looked for among them.
    words: Vec<(String, String)>,
    /// Folded words too common to help find an article.
    stop_words: HashSet<String>,
    /// The two-word phrases that are one term, as their stems ("take down").
    phrases: FastSet<String>,
}

/// Per article that has a term, the term's weight there, in article order.
type Postings = Vec<(u32, f32)>;

/// A field's terms in one article: term id → count, and the field's length.
type FieldCounts = (FastMap<u32, f32>, f32);

impl Index {
    /// An index with the stop words and synonyms of the search file, checked; nothing is indexed yet.
    pub(super) fn build(file: &str) -> Result<Index, ContentError> {
        let file: File = crate::content::read(file).map_err(ContentError::Syntax)?;
        let mut stop_words = BTreeMap::new();
        for (code, words) in &file.stop_words {
            let folded = words.iter().flat_map(|w| w.split_whitespace()).map(|w| w.chars().map(text::fold).collect());
            stop_words.insert(code.parse()?, folded.collect());
        }
        if let Some(long) = file.synonyms.iter().flatten().find(|w| w.contains(' ') && w.split_whitespace().count() != 2) {
            return Err(ContentError::Syntax(format!("synonym '{long}': a phrase has two words")));
        }
        Ok(Index { stop_words, synonyms: file.synonyms, vocabularies: Language::all().iter().map(|_| OnceLock::new()).collect() })
    }

    /// The vocabulary of the articles in `language`, built on first use; `keywords` gives extra
    /// words for an article (such as the names of its signals).
    fn vocabulary(&self, language: Language, articles: &[Article], keywords: impl Fn(&Article) -> String) -> &Vocabulary {
        self.vocabularies[language.index()].get_or_init(|| {
            let phrases: Vec<&str> = self.synonyms.iter().flatten().map(String::as_str).filter(|w| w.contains(' ')).collect();
            let mut terms = Terms::with_phrases(language, &phrases);
            let mut docs = Vec::new();
            for (doc, article) in articles.iter().enumerate().filter(|(_, a)| a.language == language) {
                let fields = [article.title.as_str(), article.summary.as_str(), &keywords(article), &text::prose(&article.markdown)];
                let counts = fields.map(|field| {
                    let (mut counts, mut length) = (FastMap::<u32, f32>::default(), 0.0);
                    terms.each(field, |Term { ids: (stem, verb), .. }| {
                        length += 1.0;
                        for term in std::iter::once(stem).chain(verb) {
                            *counts.entry(term).or_default() += 1.0;
                        }
                    });
                    (counts, length)
                });
                docs.push((doc as u32, counts));
            }
            let mut vocabulary = Vocabulary::build(docs, &self.synonyms, &mut terms);
            vocabulary.stop_words = self.stop_words.get(&language).cloned().unwrap_or_default();
            vocabulary
        })
    }

    /// Articles matching `query` in `language`, best first; `articles` and `keywords` as the
    /// library has them (the same on every call).
    pub(super) fn search(&self, query: &str, language: Language, articles: &[Article], keywords: impl Fn(&Article) -> String) -> Vec<Found> {
        let vocabulary = self.vocabulary(language, articles, keywords);
        let mut words: Vec<(String, String, Option<String>)> = Vec::new();
        // Full-text field names (`title:sextortion`) are syntax, not words someone looks for.
        let query: Vec<&str> = query.split_whitespace().map(|piece| piece.rsplit(':').next().unwrap_or(piece)).collect();
        Terms::new(language, vocabulary.phrases.clone()).each(&query.join(" "), |t| {
            if words.len() < MAX_WORDS && !vocabulary.stop_words.contains(t.word) && !words.iter().any(|(_, s, _)| s == t.stem) {
                words.push((t.word.to_string(), t.stem.to_string(), t.verb.map(str::to_string)));
            }
        });
        // Per article: the score, the weight of its matches (a synonym or compound match counts
        // less than the word itself, so it also counts less towards matching the whole query), and
        // how many query words it matches.
        let mut scores: HashMap<u32, (f32, f32, usize)> = HashMap::new();
        // Per article, for one query word: its best score and the weight of the match that gave it.
        let mut best: HashMap<u32, (f32, f32)> = HashMap::new();
        let mut total_weight = 0.0;
        for (word, stem, verb) in &words {
            best.clear();
            let mut weight = 0.0f32;
            vocabulary.each_match(word, stem, verb.as_deref(), |kind, idf, docs| {
                weight = weight.max(kind * idf);
                for &(doc, w) in docs {
                    let slot = best.entry(doc).or_default();
                    if kind * idf * w > slot.0 {
                        *slot = (kind * idf * w, kind * idf);
                    }
                }
            });
            total_weight += weight;
            for (&doc, &(score, matched)) in &best {
                let entry = scores.entry(doc).or_default();
                entry.0 += score;
                entry.1 += matched;
                entry.2 += 1;
            }
        }
        let mut found: Vec<Found> = scores
            .into_iter()
            .map(|(doc, (score, weight, matched))| Found { doc: doc as usize, score: score * weight / total_weight, confident: 2 * matched >= words.len() })
            .collect();
        found.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        found
    }
}

impl Vocabulary {
    /// The vocabulary of one language's articles `(article, field counts)`.
    fn build(docs: Vec<(u32, [FieldCounts; 4])>, synonyms: &[Vec<String>], terms: &mut Terms) -> Vocabulary {
        let n = docs.len() as f32;
        let mut average = [0.0f32; 4];
        for (_, fields) in &docs {
            for (sum, (_, length)) in average.iter_mut().zip(fields) {
                *sum += length / n;
            }
        }
        let mut postings: Vec<Postings> = vec![Vec::new(); terms.count()];
        for (doc, fields) in docs {
            let mut weighted: FastMap<u32, f32> = FastMap::default();
            for (((counts, length), weight), average) in fields.into_iter().zip(FIELDS).zip(average) {
                let norm = 1.0 - B + B * length / average.max(1.0);
                for (term, count) in counts {
                    *weighted.entry(term).or_default() += weight * count / norm;
                }
            }
            for (term, tf) in weighted {
                postings[term as usize].push((doc, tf * (K1 + 1.0) / (tf + K1)));
            }
        }
        let mut terms_list: Vec<(String, f32, Postings)> = postings
            .into_iter()
            .enumerate()
            .filter(|(_, docs)| !docs.is_empty())
            .map(|(term, mut docs)| {
                docs.sort_unstable_by_key(|d| d.0);
                let df = docs.len() as f32;
                (terms.stem(term as u32).to_string(), idf(n, df), docs)
            })
            .collect();
        terms_list.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut reversed: Vec<(String, u32)> = terms_list.iter().enumerate().map(|(i, t)| (t.0.chars().rev().collect(), i as u32)).collect();
        reversed.sort_unstable();
        let mut table: HashMap<String, Vec<String>> = HashMap::new();
        for group in synonyms {
            let stems: Vec<String> = group.iter().flat_map(|w| if w.contains(' ') { vec![terms.phrase(w)] } else { terms.stems(w) }).collect();
            for stem in &stems {
                let others = stems.iter().filter(|s| *s != stem && !table.get(stem).is_some_and(|o| o.contains(s))).cloned().collect::<Vec<_>>();
                table.entry(stem.clone()).or_default().extend(others);
            }
        }
        let mut words: Vec<(String, String)> = terms.known().map(|(word, stem)| (word.to_string(), stem.to_string())).collect();
        words.sort_unstable();
        Vocabulary { terms: terms_list, reversed, synonyms: table, words, stop_words: HashSet::new(), phrases: terms.phrases().clone() }
    }

    fn position(&self, term: &str) -> Option<usize> {
        self.terms.binary_search_by(|t| t.0.as_str().cmp(term)).ok()
    }

    /// Calls `found(match weight, idf, postings)` for every term that the query word `stem`
    /// (with `verb` for a Dutch participle) matches; a term may be reported more than once.
    /// The word's own forms (itself, its verb, the term it inflects, or one typo away when none of
    /// those is known) match exactly and through their synonyms; the word also starts and ends terms.
    fn each_match(&self, word: &str, stem: &str, verb: Option<&str>, mut found: impl FnMut(f32, f32, &[(u32, f32)])) {
        // (match weight, term, how the term matches the word)
        let mut matches: Vec<(f32, usize, Kind)> = Vec::new();
        let mut report = |weight: f32, i: usize, kind: Kind| matches.push((weight, i, kind));
        let words: Vec<&str> = std::iter::once(stem).chain(verb).collect();
        let mut forms: Vec<(&str, f32)> = words.iter().map(|w| (*w, 1.0)).collect();
        for word in &words {
            for cut in 1..=MAX_INFLECTION {
                if let Some(shorter) = word.get(..word.len().saturating_sub(cut)).filter(|s| s.len() >= MIN_PARTIAL) {
                    forms.push((shorter, INFLECTION));
                }
            }
        }
        let known = |form: &str| self.position(form).is_some() || self.synonyms.contains_key(form);
        if !forms.iter().any(|(form, _)| known(form)) && word.len() >= MIN_TYPO {
            forms.extend(self.terms.iter().filter(|t| one_edit_apart(stem, &t.0)).map(|t| (t.0.as_str(), TYPO)));
            forms.extend(self.words.iter().filter(|(w, _)| one_edit_apart(word, w)).map(|(_, s)| (s.as_str(), TYPO)));
        }
        for (form, weight) in forms {
            if let Some(i) = self.position(form) {
                report(weight, i, if words.contains(&form) { Kind::Own } else { Kind::Other });
            }
            for synonym in self.synonyms.get(form).into_iter().flatten() {
                if let Some(i) = self.position(synonym) {
                    report(weight * SYNONYM, i, Kind::Synonym);
                }
            }
        }
        for word in words.into_iter().filter(|w| w.len() >= MIN_PARTIAL) {
            let start = self.terms.partition_point(|t| t.0.as_str() <= word);
            for i in (start..self.terms.len()).take_while(|&i| self.terms[i].0.starts_with(word)) {
                report(PREFIX, i, Kind::Other);
            }
            let tail: String = word.chars().rev().collect();
            let start = self.reversed.partition_point(|t| t.0.as_str() <= tail.as_str());
            for (_, i) in self.reversed[start..].iter().take_while(|t| t.0.starts_with(&tail)) {
                report(COMPOUND, *i as usize, Kind::Other);
            }
        }
        // A match through a synonym, inflection or typo weighs no more than the word itself where the
        // articles have it: a rare synonym ("dickpic" for "nude") is no better a match than "nude".
        // Where they don't ("pics"), its synonyms stand for one thing, as rare as their most common
        // one: a rare synonym ("picture") does not make the article that uses it the best match.
        let idf_of = |kind: Kind| matches.iter().filter(move |m| m.2 == kind).map(|m| self.terms[m.1].1);
        let word_idf = idf_of(Kind::Own).reduce(f32::max).or_else(|| idf_of(Kind::Synonym).reduce(f32::min)).unwrap_or(f32::INFINITY);
        for (weight, i, _) in matches {
            let (_, term_idf, docs) = &self.terms[i];
            found(weight, term_idf.min(word_idf), docs);
        }
    }
}

/// How a term matches a query word.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// The word's own stem or verb.
    Own,
    /// Through the synonym table.
    Synonym,
    /// An inflection, typo, prefix or compound end.
    Other,
}

/// The BM25 inverse document frequency of a term in `df` of `n` articles.
fn idf(n: f32, df: f32) -> f32 {
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln().sqrt()
}

/// Whether `a` becomes `b` by inserting, deleting or changing one character, or by swapping two
/// neighbours.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > 1 || a == b {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (a_mid, b_mid) = (&a[prefix..a.len() - suffix.min(a.len() - prefix)], &b[prefix..b.len() - suffix.min(b.len() - prefix)]);
    match (a_mid.len(), b_mid.len()) {
        (0, 1) | (1, 0) | (1, 1) => true,
        (2, 2) => a_mid[0] == b_mid[1] && a_mid[1] == b_mid[0],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_phrase_or_an_unknown_language_in_the_search_file_is_an_error() {
        let file = |stop: &str, synonyms: &str| Index::build(&crate::bundle::json(&format!("synonyms = [{synonyms}]\n[stop_words]\n{stop}\n")).expect("TOML"));
        assert!(file("nl = [\"de\"]", "[\"taken down\", \"removed\"]").is_ok());
        assert!(matches!(file("nl = []", "[\"taken right down\"]"), Err(ContentError::Syntax(m)) if m.contains("two words")));
        assert!(matches!(file("tlh = [\"ghaH\"]", "[]"), Err(ContentError::Language(_))));
    }

    #[test]
    fn one_edit_is_an_insertion_deletion_change_or_swap() {
        for (a, b) in [("polietie", "politie"), ("groomd", "groomed"), ("jelous", "jealous"), ("freind", "friend"), ("agancy", "agency")] {
            assert!(one_edit_apart(a, b), "{a} {b}");
        }
        for (a, b) in [("same", "same"), ("groomer", "grooming"), ("abc", "abcde"), ("abcd", "badc")] {
            assert!(!one_edit_apart(a, b), "{a} {b}");
        }
    }
}
