//! Chat-export speed on exports of distinct lines, a fresh one for every iteration: reading
//! (detection and parsing) an 8 MB WhatsApp export; scanning a 1 MB one that is already read; and
//! the analyzer alone on the very messages that scan analyses, so that the scan's own cost is the
//! difference of the last two.
//! `cargo bench -p baken-core --bench chat -- --warm-up-time 1 --measurement-time 5`

#[path = "support/labelled.rs"]
mod labelled;
#[path = "support/whatsapp_export.rs"]
mod whatsapp_export;

use baken_core::chat;
use baken_core::check::analyzer;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::cell::Cell;
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let texts = whatsapp_export::texts();
    let seed = Cell::new(0u64);
    let fresh = |bytes: usize| {
        seed.set(seed.get() + 1);
        whatsapp_export::export(&texts, bytes, seed.get())
    };
    let mut group = c.benchmark_group("chat");
    group.throughput(Throughput::Bytes(8 << 20));
    group.sample_size(10);
    group.bench_function("read an 8 MB WhatsApp export", |b| {
        b.iter_batched(|| fresh(8 << 20), |export| black_box(chat::read(export.as_bytes()).expect("reads").len()), BatchSize::LargeInput)
    });
    let analyzer = analyzer().expect("analyzer");
    group.throughput(Throughput::Bytes(1 << 20));
    group.bench_function("scan a 1 MB WhatsApp export, read", |b| {
        b.iter_batched_ref(
            || fresh(1 << 20),
            |export| {
                let chat = chat::read(export.as_bytes()).expect("reads");
                black_box(chat::scan(analyzer, &chat, Some(whatsapp_export::ME), None).expect("scans"))
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("analyze the same messages alone", |b| {
        b.iter_batched_ref(
            || fresh(1 << 20),
            |export| {
                let chat = chat::read(export.as_bytes()).expect("reads");
                let scanned = chat.messages().filter(|m| m.sender.is_some_and(|s| s != whatsapp_export::ME) && m.event.is_none() && !m.text.trim().is_empty());
                black_box(scanned.map(|m| analyzer.analyze(m.text, None).expect("analyzes").signals.len()).sum::<usize>())
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(chat_benches, benches);
criterion_main!(chat_benches);
