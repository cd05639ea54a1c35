//! The journal's numbers: unlock overhead and the KDF, a durable 1 KB entry, deleting one (with
//! its checkpoint), listing 1,000 entries, and a 5 MB attachment. Texts differ per iteration.
//! Peak memory of report, backup and import: `cargo run --release --example journal_memory`.

use baken_core::journal::{crypto, EntryKind, Journal, Kdf, NewAttachment, NewEntry, Options, MIN_ITERATIONS};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::num::NonZeroU32;

const PASSCODE: &str = "correct horse 42";

fn fast() -> Options {
    Options { kdf: Kdf::InsecureFastForTests, key_store: None }
}

fn entry(text: String, attachment: Option<Vec<u8>>) -> NewEntry {
    NewEntry {
        kind: EntryKind::Incident,
        happened_at: "2026-03-01T21:15:00+01:00".into(),
        contact: None,
        text,
        signals: vec![],
        level: None,
        tags: vec![],
        attachments: attachment.into_iter().map(|bytes| NewAttachment { media_type: "image/png".into(), bytes }).collect(),
    }
}

fn journal(tmp: &tempfile::TempDir, name: &str) -> Journal {
    Journal::create(&tmp.path().join(name), PASSCODE, fast()).unwrap()
}

fn benches(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();

    let mut kdf = c.benchmark_group("kdf");
    kdf.sample_size(10);
    kdf.bench_function("pbkdf2_sha256_600k", |b| {
        b.iter(|| crypto::passcode_key(PASSCODE, b"0123456789abcdef", NonZeroU32::new(MIN_ITERATIONS).unwrap(), None).unwrap())
    });
    kdf.finish();

    let unlocking = journal(&tmp, "unlock");
    c.bench_function("unlock_with_1000_iteration_kdf", |b| {
        b.iter(|| {
            unlocking.lock();
            unlocking.unlock(PASSCODE).unwrap();
        })
    });
    c.bench_function("pbkdf2_sha256_1000", |b| b.iter(|| crypto::passcode_key(PASSCODE, b"0123456789abcdef", NonZeroU32::new(1000).unwrap(), None).unwrap()));

    // 1 KB of text that is different every time.
    let mut counter = 0u64;
    let mut text_1kb = move || {
        counter += 1;
        (0..64).map(|i| format!("{:015x} ", counter.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(i))).collect::<String>()
    };
    let adding = journal(&tmp, "add");
    c.bench_function("add_1kb_entry_durable", |b| b.iter_batched(&mut text_1kb, |text| adding.add(entry(text, None)).unwrap(), BatchSize::SmallInput));

    let deleting = journal(&tmp, "delete");
    c.bench_function("delete_1kb_entry_with_checkpoint", |b| {
        b.iter_batched(|| deleting.add(entry(text_1kb(), None)).unwrap().id, |id| deleting.delete(&id).unwrap(), BatchSize::SmallInput)
    });

    let listing = journal(&tmp, "list");
    for i in 0..1000 {
        listing.add(entry(format!("{i} {}", "y".repeat(200)), None)).unwrap();
    }
    c.bench_function("list_and_decrypt_1000_entries", |b| b.iter(|| assert_eq!(listing.entries().unwrap().entries.len(), 1000)));

    let attaching = journal(&tmp, "attach");
    let screenshot: Vec<u8> = (0..5 * 1024 * 1024).map(|i| (i % 251) as u8).collect();
    let mut group = c.benchmark_group("attachment");
    group.sample_size(20);
    group.bench_function("add_5mb_attachment", |b| b.iter(|| attaching.add(entry("shot".into(), Some(screenshot.clone()))).unwrap()));
    group.finish();
}

criterion_group!(journal_benches, benches);
criterion_main!(journal_benches);
