//! Analyzer speed on text that does not repeat, as real chats are: 1 MiB chats of distinct lines
//! (1 line in 20 harmful) built from the labelled sets, with a fresh chat for every iteration, on a
//! warm analyzer and on a cold one (built just before, as an app meets it after start).
//! `cargo bench -p baken-core --bench analyze_varied -- --warm-up-time 1 --measurement-time 5`

#[path = "support/labelled.rs"]
mod labelled;

use baken_core::check::{analyzer, Analyzer, MAX_TEXT_BYTES};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::cell::Cell;
use std::hint::black_box;

/// A labelled message: its text, and whether it is harmful.
type Message = (String, bool);

/// The labelled messages.
fn messages() -> Vec<Message> {
    labelled::labelled(&["messages.jsonl", "messages-blind.jsonl"])
}

/// A 1 MiB chat of distinct lines: each is a message with a sender, a time and a few words of
/// another message, chosen by `seed`; every 20th line is harmful.
fn chat(messages: &[Message], seed: u64) -> String {
    let (harmful, quiet): (Vec<&Message>, Vec<&Message>) = messages.iter().partition(|(_, h)| *h);
    let mut next = labelled::picker(seed);
    let mut out = String::with_capacity(MAX_TEXT_BYTES);
    for i in 0.. {
        let pool = if i % 20 == 19 { &harmful } else { &quiet };
        let text = &pool[next(pool.len())].0;
        let other = &quiet[next(quiet.len())].0;
        let tail: String = other.split(' ').skip(next(4)).take(1 + next(5)).collect::<Vec<_>>().join(" ");
        let line = format!("{:02}:{:02} user{}: {text} {tail}\n", next(24), next(60), next(1000));
        if out.len() + line.len() > MAX_TEXT_BYTES {
            break;
        }
        out.push_str(&line);
    }
    out
}

fn benches(c: &mut Criterion) {
    let messages = messages();
    let size = chat(&messages, 0).len() as u64;
    let seed = Cell::new(1u64);
    let fresh_chat = || {
        seed.set(seed.get() + 1);
        chat(&messages, seed.get())
    };
    let mut group = c.benchmark_group("varied");
    group.throughput(Throughput::Bytes(size));
    group.sample_size(10);
    let warm = analyzer().expect("rules compile");
    group.bench_function("1 MiB chat of distinct lines, 1 in 20 harmful, warm analyzer", |b| {
        b.iter_batched(&fresh_chat, |text| black_box(warm.analyze(&text, None).expect("analyses")), BatchSize::LargeInput)
    });
    group.bench_function("1 MiB chat of distinct lines, 1 in 20 harmful, cold analyzer", |b| {
        b.iter_batched(
            || (Analyzer::new().expect("rules compile"), fresh_chat()),
            |(cold, text)| black_box(cold.analyze(&text, None).expect("analyses")),
            BatchSize::LargeInput,
        )
    });
    group.finish();
    let lines: Vec<String> = fresh_chat().lines().take(2_000).map(str::to_owned).collect();
    let mut group = c.benchmark_group("varied");
    group.throughput(Throughput::Elements(lines.len() as u64));
    group.sample_size(10);
    group.bench_function("2,000 distinct messages one by one, cold analyzer", |b| {
        b.iter_batched(
            || Analyzer::new().expect("rules compile"),
            |cold| lines.iter().for_each(|l| drop(black_box(cold.analyze(l, None)))),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(varied, benches);
criterion_main!(varied);
