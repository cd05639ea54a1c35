//! Library numbers: parse and check all bundled content, and that plus the first search in each
//! language (which indexes it); search medians, for a few fixed
//! queries and cycling through every query of the search evaluation sets (dev and blind, both
//! languages, with their audience).

use baken_core::{
    content,
    language::Language,
    library::{Audience, Library},
};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

/// A bundled language by its code.
fn lang(code: &str) -> Language {
    code.parse().expect("a bundled language")
}

const QUERIES: &[(&str, &str, &str)] = &[
    ("sextortion_en", "sextortion", "en"),
    ("chantage_nl", "chantage met naaktfoto", "nl"),
    ("money_pics_en", "someone wants money for my pics", "en"),
    ("hostile_nl", "\"geld\" NEAR -( *", "nl"),
];

fn load(c: &mut Criterion) {
    // The first load in this process (cold caches), as an app start sees it.
    let started = std::time::Instant::now();
    let loaded = Library::from_files(content::files().iter().copied()).map(|_| ());
    eprintln!("library/first_load: {:?} ({})", started.elapsed(), if loaded.is_ok() { "ok" } else { "failed" });
    c.bench_function("library/load", |b| b.iter(|| Library::from_files(black_box(content::files()).iter().copied()).map(|_| ())));
    // A language's index is built on its first search: loading, then one search in each language.
    c.bench_function("library/load_and_first_search", |b| {
        b.iter(|| {
            let library = Library::from_files(black_box(content::files()).iter().copied()).expect("bundled library loads");
            Language::all().iter().map(|l| library.search(black_box("chantage naaktfoto"), *l, None).len()).sum::<usize>()
        })
    });
}

/// Every query of the search evaluation sets: (text, language, audience).
fn evaluation_queries() -> Vec<(String, Language, Audience)> {
    #[derive(serde::Deserialize)]
    struct Query {
        query: String,
        language: Language,
        audience: Audience,
    }
    ["search-dev.jsonl", "search-blind.jsonl"]
        .iter()
        .flat_map(|name| {
            let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")).lines().map(str::to_string).collect::<Vec<_>>()
        })
        .map(|line| serde_json::from_str::<Query>(&line).expect("a query"))
        .map(|q| (q.query, q.language, q.audience))
        .collect()
}

fn search(c: &mut Criterion) {
    let library = Library::bundled().expect("bundled library loads");
    let queries = evaluation_queries();
    let mut next = queries.iter().cycle();
    c.bench_function("library/search/evaluation_queries", |b| {
        b.iter(|| {
            let (query, language, audience) = next.next().expect("queries");
            library.search(black_box(query), *language, Some(*audience)).len()
        })
    });
    for (name, query, code) in QUERIES {
        let language = &lang(code);
        c.bench_function(&format!("library/search/{name}"), |b| b.iter(|| library.search(black_box(query), *language, None).len()));
    }
}

criterion_group!(benches, load, search);
criterion_main!(benches);
