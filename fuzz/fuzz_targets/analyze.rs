//! Fuzzes the message analyzer: any bytes, as UTF-8 text, in every language mode, must give an
//! analysis or a typed error, never a panic, with spans that cut the text on character
//! boundaries and UTF-16 offsets that match them; the normaliser gives the same text with and
//! without its map back to the original, and the same text and map in one pass as in four,
//! emoji words included.
#![no_main]

use baken_core::check::{analyze, normalize::{normalize, normalize_in_four_passes, EmojiWords, Normalizer}};
use baken_core::language::Language;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let emoji = EmojiWords::new([('📸', "photo".to_string()), ('🤫', "secret".to_string()), ('💰', "money cash".to_string())]);
    let normalized = normalize(text, &emoji);
    assert!(normalized.as_bytes().is_ascii());
    assert_eq!(normalized, normalize_in_four_passes(text, &emoji));
    let mut text_only = Vec::new();
    Normalizer::default().normalize_text_into(text, &emoji, &mut text_only);
    assert_eq!(text_only, normalized.as_bytes());
    for language in std::iter::once(None).chain(Language::all().iter().copied().map(Some)) {
        let Ok(analysis) = analyze(text, language) else { continue };
        for finding in &analysis.signals {
            assert_eq!(text.get(finding.span.clone()), Some(finding.excerpt.as_str()));
            assert_eq!(finding.utf16.start, text[..finding.span.start].encode_utf16().count());
            assert_eq!(finding.utf16.end, text[..finding.span.end].encode_utf16().count());
        }
    }
});
