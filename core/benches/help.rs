//! Help routing speed: `route` on the bundled data (with public holidays), and loading the whole
//! directory.

use baken_core::content;
use baken_core::help::{parse_time, Asker, Directory, Person, Situation};
use baken_core::language::Language;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

/// A bundled language by its code.
fn lang(code: &str) -> Language {
    code.parse().expect("a bundled language")
}

fn route(c: &mut Criterion) {
    let directory = Directory::bundled();
    let person = Person { asker: Asker::Teen, age: Some(14), language: lang("nl"), quiet: false };
    let now = parse_time("2026-12-05T23:30:00+01:00").unwrap();
    let blackmail = Situation::from_ids(None, ["threat", "payment_demand"], Some("danger")).unwrap();
    c.bench_function("route NL signals at night", |b| b.iter(|| directory.route(black_box(&blackmail), "NL", &person, black_box(now)).unwrap()));
    let general = Situation::default();
    c.bench_function("route NL general", |b| b.iter(|| directory.route(black_box(&general), "NL", &person, black_box(now)).unwrap()));
    // Holidays count: on Boxing Day's substitute the UK line closed on bank holidays is closed.
    let adult = Person { asker: Asker::Teen, age: Some(22), language: lang("en"), quiet: false };
    let boxing_day = parse_time("2026-12-28T11:00:00+00:00").unwrap();
    let images = Situation::from_ids(Some("image_removal"), [], None).unwrap();
    c.bench_function("route GB on a bank holiday", |b| b.iter(|| directory.route(black_box(&images), "GB", &adult, black_box(boxing_day)).unwrap()));
    let teen = Person { asker: Asker::Teen, age: Some(15), language: lang("en"), quiet: false };
    let sextortion = Situation::from_ids(Some("sextortion"), [], None).unwrap();
    let saturday_night = parse_time("2026-12-05T23:30:00+00:00").unwrap();
    c.bench_function("route GB sextortion on Saturday night", |b| {
        b.iter(|| directory.route(black_box(&sextortion), "GB", &teen, black_box(saturday_night)).unwrap())
    });
    let parent = Person { asker: Asker::Parent, age: Some(13), language: lang("nl"), quiet: false };
    let grooming = Situation::from_ids(Some("grooming"), [], None).unwrap();
    let kings_day = parse_time("2025-04-26T20:00:00+02:00").unwrap();
    c.bench_function("route NL parent on King's Day", |b| b.iter(|| directory.route(black_box(&grooming), "NL", &parent, black_box(kings_day)).unwrap()));
}

fn load(c: &mut Criterion) {
    let files: Vec<(&str, &str)> = content::files_under("help/").collect();
    c.bench_function("load help directory", |b| b.iter(|| Directory::parse(black_box(&files)).unwrap()));
}

criterion_group!(benches, route, load);
criterion_main!(benches);
