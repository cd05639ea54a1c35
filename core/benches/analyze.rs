//! Message analyzer speed: building the rules, one typical message, throughput over two large
//! synthetic chats (dense and sparse with warning signs) and over one long line of warning signs,
//! and the normaliser alone (with the map back to the original, and text only). `cargo bench -p baken-core --bench analyze -- --warm-up-time 1 --measurement-time 3`

use baken_core::check::normalize::{EmojiWords, Normalized, Normalizer};
use baken_core::check::{analyzer, Analyzer, MAX_TEXT_BYTES};
use baken_core::language::Language;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

/// A bundled language by its code.
fn lang(code: &str) -> Language {
    code.parse().expect("a bundled language")
}

/// A 200-byte chat message with emoji, slang and one warning sign.
const MESSAGE: &str = "heyy 😊 how was school today? u looked soooo cute in ur story lol. btw my mum is making pasta, gonna eat soon. send me a pic of u later? 📸 and what r u doing this weekend x see u tmrw babe!!!!!!!";

/// Chat lines: ordinary ones, look-alikes and harmful ones, in both languages. Cycled as they are,
/// 2 lines in 14 fire the English rules: a dense case, far denser than a real chat.
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

/// The lines of [`LINES`] that fire no English rule (look-alikes included).
const QUIET: &[usize] = &[0, 1, 2, 3, 4, 5, 6, 8, 9, 12, 13];

/// About 1 MiB of chat from `lines`.
fn chat_of(lines: impl Iterator<Item = &'static str>) -> String {
    let mut chat = String::with_capacity(MAX_TEXT_BYTES);
    for line in lines {
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
    c.bench_function("analyze 200-byte message (language detected)", |b| b.iter(|| black_box(analyzer.analyze(black_box(MESSAGE), None).expect("analyses"))));

    let chat = chat_of(LINES.iter().copied().cycle());
    // One line in 50 from the harmful ones, the rest quiet: closer to a real chat.
    let sparse = chat_of((0..).map(|i: usize| if i % 50 == 49 { LINES[[7, 11][i / 50 % 2]] } else { LINES[QUIET[i % QUIET.len()]] }));
    let mut group = c.benchmark_group("throughput");
    group.throughput(Throughput::Bytes(chat.len() as u64));
    group.sample_size(10);
    group.bench_function("analyze 1 MiB synthetic chat (en rules)", |b| {
        b.iter(|| black_box(analyzer.analyze(black_box(&chat), Some(lang("en"))).expect("analyses")))
    });
    group.throughput(Throughput::Bytes(sparse.len() as u64));
    group.bench_function("analyze 1 MiB synthetic chat, 1 line in 50 harmful (en rules)", |b| {
        b.iter(|| black_box(analyzer.analyze(black_box(&sparse), Some(lang("en"))).expect("analyses")))
    });
    // One line of 1 MiB where rules match again and again: the worst case for finding where
    // matches start.
    let demand = "send me the money now or else. ";
    let demands = demand.repeat(MAX_TEXT_BYTES / demand.len());
    group.throughput(Throughput::Bytes(demands.len() as u64));
    group.bench_function("analyze 1 MiB single line of repeated demands (en rules)", |b| {
        b.iter(|| black_box(analyzer.analyze(black_box(&demands), Some(lang("en"))).expect("analyses")))
    });
    group.finish();

    // The analyzer normalises about 16 KiB of whole lines at a time.
    let chunk = &chat[..chat[..16 * 1024].rfind('\n').expect("lines")];
    let (mut normalizer, mut normalized, mut text) = (Normalizer::default(), Normalized::default(), Vec::new());
    let mut group = c.benchmark_group("throughput");
    group.throughput(Throughput::Bytes(chunk.len() as u64));
    group.bench_function("normalise 16 KiB of chat", |b| b.iter(|| normalizer.normalize_into(black_box(chunk), &EmojiWords::default(), &mut normalized)));
    group.bench_function("normalise 16 KiB of chat, text only (as searched)", |b| {
        b.iter(|| normalizer.normalize_text_into(black_box(chunk), &EmojiWords::default(), &mut text))
    });
    group.finish();
}

criterion_group!(analyze, benches);
criterion_main!(analyze);
