//! Message analyzer speed: building the rules, one typical message, and throughput over a large
//! synthetic chat. `cargo bench -p baken-core --bench analyze -- --warm-up-time 1 --measurement-time 3`

use baken_core::check::normalize::{EmojiWords, Normalized, Normalizer};
use baken_core::check::{analyzer, Analyzer, MAX_TEXT_BYTES};
use baken_core::language::Language;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

/// A 200-byte chat message with emoji, slang and one warning sign.
const MESSAGE: &str = "heyy 😊 how was school today? u looked soooo cute in ur story lol. btw my mum is making pasta, gonna eat soon. send me a pic of u later? 📸 and what r u doing this weekend x see u tmrw babe!!!!!!!";

/// Chat lines: mostly ordinary, some look-alikes, a few harmful, in both languages.
const LINES: &[&str] = &[
    "hey what's up, did you finish the maths homework?",
    "lol no I was at football practice until 7",
    "can you send me a pic of the notes from today pls",
    "haha sure, give me 5 min 😂",
    "heb jij het rooster voor morgen? ik kan het niet vinden",
    "ja ik stuur het zo, moet eerst eten",
    "don't tell mom about the surprise party on saturday!!",
    "ur so mature for ur age, dont tell anyone we talk ok? 🤫",
    "zullen we zaterdag naar de bios? film begint om 8 uur",
    "where are you? dinner is ready",
    "wat is je snap? dan kan je me pics sturen",
    "i'll post your pics online if you don't pay 200 in gift cards",
    "good luck on the test tomorrow, you'll do great 💪",
    "ok see you at school, bring the ball",
];

fn chat() -> String {
    let mut chat = String::with_capacity(MAX_TEXT_BYTES);
    for line in LINES.iter().cycle() {
        if chat.len() + line.len() + 1 > MAX_TEXT_BYTES {
            break;
        }
        chat.push_str(line);
        chat.push('\n');
    }
    chat
}

fn benches(c: &mut Criterion) {
    assert_eq!(MESSAGE.len(), 200, "the typical message is 200 bytes");
    c.bench_function("build analyzer (all rules, nl and en)", |b| b.iter(|| black_box(Analyzer::new().expect("rules compile"))));

    let analyzer = analyzer().expect("rules compile");
    c.bench_function("analyze 200-byte message (language detected)", |b| {
        b.iter(|| black_box(analyzer.analyze(black_box(MESSAGE), None).expect("analyses")))
    });

    let chat = chat();
    let mut group = c.benchmark_group("throughput");
    group.throughput(Throughput::Bytes(chat.len() as u64));
    group.sample_size(10);
    group.bench_function("analyze 1 MiB synthetic chat (en rules)", |b| {
        b.iter(|| black_box(analyzer.analyze(black_box(&chat), Some(Language::En)).expect("analyses")))
    });
    group.finish();

    // The analyzer normalises about 16 KiB of whole lines at a time.
    let chunk = &chat[..chat[..16 * 1024].rfind('\n').expect("lines")];
    let (mut normalizer, mut normalized) = (Normalizer::default(), Normalized::default());
    let mut group = c.benchmark_group("throughput");
    group.throughput(Throughput::Bytes(chunk.len() as u64));
    group.bench_function("normalise 16 KiB of chat", |b| {
        b.iter(|| normalizer.normalize_into(black_box(chunk), &EmojiWords::default(), &mut normalized))
    });

    group.finish();
}

criterion_group!(analyze, benches);
criterion_main!(analyze);
