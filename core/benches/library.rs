//! Library numbers: parse, check and index all bundled content; search medians.

use baken_core::{content, language::Language, library::Library};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn load(c: &mut Criterion) {
    c.bench_function("library/load_and_index", |b| {
        b.iter(|| Library::from_files(black_box(content::FILES).iter().copied()).map(|_| ()))
    });
}

fn search(c: &mut Criterion) {
    let library = Library::bundled().expect("bundled library loads");
    for (name, query, language) in [
        ("sextortion_en", "sextortion", Language::En),
        ("chantage_nl", "chantage met naaktfoto", Language::Nl),
        ("money_pics_en", "someone wants money for my pics", Language::En),
        ("hostile_nl", "\"geld\" NEAR -( *", Language::Nl),
    ] {
        c.bench_function(&format!("library/search/{name}"), |b| b.iter(|| library.search(black_box(query), language, None).len()));
    }
}

criterion_group!(benches, load, search);
criterion_main!(benches);
