//! Evaluates the article search on queries written blind (by someone who read only the articles,
//! never the search code or its results): recall@3 and MRR per language, with the asker's audience.
//!
//! - `search-dev.jsonl` (60 queries per language) is the development set: stop words, synonyms
//!   and ranking were tuned on its misses, so its numbers are optimistic.
//! - `search-blind.jsonl` (160 per language, some with no fitting article) was blind until its
//!   misses were read for issue 17's second round; it is a tuning set now, so its numbers are
//!   optimistic too. A weakness either set shows is fixed in the concept (morphology, a synonym or
//!   slang class, ranking), never with its queries' words; a fresh blind batch judges the result.
//! - `search-blind2.jsonl` (150 per language, 2026-12-04): written by a helper who read only the
//!   articles, queries first and labels after; more of its queries have two or three relevant
//!   articles. Its misses were read for the threat and slang groups; a tuning set now.
//! - `search-blind3.jsonl` (150 per language, 2026-12-04, the same way by another helper) is the
//!   fresh batch. Never tuned on.
//!
//! - recall@3: per query, the share of its relevant articles (at most 3) in the top 3, averaged;
//! - hit@3: the share of queries with at least one relevant article in the top 3;
//! - MRR: the mean of 1 / the rank of the first relevant article (0 when none is returned);
//! - for queries without a fitting article: the share whose results hold no confident hit.
//!
//! Run `cargo test -p baken-core --test search_evaluation -- --nocapture` to see the table;
//! `BAKEN_SEARCH_MISSES=1` also lists each set's misses.

use baken_core::language::Language;
use baken_core::library::{Audience, Library};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The goal for recall@3 on both sets (issue 17). It is not met yet: the test prints the gap and
/// fails only below the regression floors, set just under the lower language's recall@3 measured
/// last (dev: English 0.797; blind: English 0.788).
const RECALL_GOAL: f64 = 0.9;
const DEV_RECALL_FLOOR: f64 = 0.79;
const BLIND_RECALL_FLOOR: f64 = 0.78;
/// `search-blind2`'s floor, just under its measurement after the second round (2026-12-04:
/// Dutch 0.591, English 0.611; before it, 0.529 and 0.584).
const BLIND2_RECALL_FLOOR: f64 = 0.57;
/// `search-blind3`'s floor, just under its English measurement (2026-12-04, after the threat and
/// slang groups: Dutch 0.826, English 0.774; before them 0.839 and 0.766).
const BLIND3_RECALL_FLOOR: f64 = 0.75;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Query {
    id: String,
    language: Language,
    audience: Audience,
    query: String,
    relevant: Vec<String>,
}

#[derive(Default)]
struct Scores {
    queries: usize,
    recall: f64,
    hits: usize,
    reciprocal_ranks: f64,
    /// Queries without a fitting article, and how many of them got no confident hit.
    unanswerable: usize,
    quiet: usize,
}

impl Scores {
    fn recall(&self) -> f64 {
        self.recall / self.queries as f64
    }

    fn print(&self, title: &str) {
        let n = self.queries as f64;
        let quiet =
            if self.unanswerable == 0 { String::new() } else { format!("; no fitting article: {}/{} without a confident hit", self.quiet, self.unanswerable) };
        println!(
            "{title}: {} queries, recall@3 {:.3}, hit@3 {:.3}, MRR {:.3}{quiet}",
            self.queries,
            self.recall(),
            self.hits as f64 / n,
            self.reciprocal_ranks / n
        );
    }
}

/// The set `name` scored per language.
fn evaluate(name: &str, show_misses: bool) -> BTreeMap<Language, Scores> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{} is missing or unreadable: {e}", path.display()));
    let library = Library::bundled().expect("bundled library loads");
    let mut scores: BTreeMap<Language, Scores> = BTreeMap::new();
    for (number, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let q: Query = serde_json::from_str(line).unwrap_or_else(|e| panic!("{name} line {}: {e}", number + 1));
        let hits = library.search(&q.query, q.language, Some(q.audience));
        let s = scores.entry(q.language).or_default();
        if q.relevant.is_empty() {
            s.unanswerable += 1;
            s.quiet += usize::from(!hits.first().is_some_and(|h| h.confident));
            continue;
        }
        let ids: Vec<&str> = hits.iter().map(|h| h.article.id.as_str()).collect();
        let top = &ids[..ids.len().min(3)];
        let found = q.relevant.iter().filter(|r| top.contains(&r.as_str())).count();
        s.queries += 1;
        s.recall += found as f64 / q.relevant.len().min(3) as f64;
        s.hits += usize::from(found > 0);
        s.reciprocal_ranks += ids.iter().position(|id| q.relevant.iter().any(|r| r == id)).map_or(0.0, |i| 1.0 / (i as f64 + 1.0));
        if show_misses && found < q.relevant.len().min(3) {
            println!("  miss {} [{}] {:?}: want {:?}, got {:?}", q.id, q.audience, q.query, q.relevant, &ids[..ids.len().min(5)]);
        }
    }
    for (language, s) in &scores {
        s.print(&format!("{name} ({language})"));
    }
    scores
}

fn assert_floor(name: &str, scores: &BTreeMap<Language, Scores>, floor: f64) {
    for language in Language::all() {
        let s = &scores[language];
        assert!(s.queries >= 50, "{name} ({language}): only {} queries", s.queries);
        if s.recall() < RECALL_GOAL {
            println!("{name} ({language}): recall@3 {:.3} is below the goal {RECALL_GOAL}", s.recall());
        }
        assert!(s.recall() >= floor, "{name} ({language}): recall@3 {:.3} is below the floor {floor}", s.recall());
    }
}

#[test]
fn search_meets_the_floor_on_the_development_set() {
    let scores = evaluate("search-dev.jsonl", std::env::var_os("BAKEN_SEARCH_MISSES").is_some());
    assert_floor("search-dev.jsonl", &scores, DEV_RECALL_FLOOR);
}

#[test]
fn search_meets_the_floor_on_the_blind_set() {
    let scores = evaluate("search-blind.jsonl", std::env::var_os("BAKEN_SEARCH_MISSES").is_some());
    assert_floor("search-blind.jsonl", &scores, BLIND_RECALL_FLOOR);
}

#[test]
fn search_meets_the_floor_on_the_second_blind_set() {
    let scores = evaluate("search-blind2.jsonl", std::env::var_os("BAKEN_SEARCH_MISSES").is_some());
    assert_floor("search-blind2.jsonl", &scores, BLIND2_RECALL_FLOOR);
}

#[test]
fn search_meets_the_floor_on_the_fresh_blind_set() {
    let scores = evaluate("search-blind3.jsonl", false);
    assert_floor("search-blind3.jsonl", &scores, BLIND3_RECALL_FLOOR);
}
