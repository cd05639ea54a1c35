//! Library numbers: parse and check all bundled content, and that plus the first search in each
//! language (which indexes it); search medians, for a few fixed
//! queries and cycling through every query of the search evaluation sets (dev and blind, both
//! languages, with their audience). For comparison, the same articles in an in-memory SQLite FTS5
//! table (the alternative that was not chosen).

use baken_core::{
    content,
    language::Language,
    library::{Audience, Library},
};
use criterion::{criterion_group, criterion_main, Criterion};
use rusqlite::Connection;
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
    c.bench_function("fts5/load_and_index", |b| b.iter(fts5));
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
    let db = fts5();
    for (name, query, code) in QUERIES {
        let language = &lang(code);
        c.bench_function(&format!("library/search/{name}"), |b| b.iter(|| library.search(black_box(query), *language, None).len()));
        c.bench_function(&format!("fts5/search/{name}"), |b| b.iter(|| fts5_search(&db, black_box(query), *language)));
    }
}

/// Every bundled article (parsed by the library) in an in-memory FTS5 table.
fn fts5() -> Connection {
    let library = Library::from_files(content::files().iter().copied()).expect("bundled library loads");
    let db = Connection::open_in_memory().expect("in-memory SQLite");
    db.execute_batch(
        "CREATE VIRTUAL TABLE a USING fts5(id UNINDEXED, lang UNINDEXED, title, summary, body,
         tokenize = 'unicode61 remove_diacritics 2');",
    )
    .expect("fts5 table");
    let mut insert = db.prepare("INSERT INTO a VALUES (?1, ?2, ?3, ?4, ?5)").expect("insert");
    for language in Language::all() {
        for a in library.articles(*language, None, None) {
            insert.execute((&a.id, language.code(), &a.title, &a.summary, &a.markdown)).expect("row");
        }
    }
    drop(insert);
    db
}

/// Words quoted as prefix terms joined by OR (FTS5 syntax cannot leak through), ranked by bm25.
fn fts5_search(db: &Connection, query: &str, language: Language) -> usize {
    let words: Vec<String> = query.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| format!("\"{w}\"*")).collect();
    if words.is_empty() {
        return 0;
    }
    let sql = "SELECT id FROM a WHERE a MATCH ?1 AND lang = ?2 ORDER BY bm25(a, 0, 0, 4.0, 2.0, 1.0)";
    let mut stmt = db.prepare_cached(sql).expect("query");
    let rows = stmt.query_map((words.join(" OR "), language.code()), |r| r.get::<_, String>(0)).expect("rows");
    rows.count()
}

criterion_group!(benches, load, search);
criterion_main!(benches);
