//! Tells the bundled languages apart by counting frequent little words, such as `ik`, `je`,
//! `niet` or `the`, `you`, `don't` (each language's `detect` list in `content/languages.toml`).
//! A word listed by more than one language counts for none; the language with the most words
//! wins, and a tie at the top is no language.

use crate::language::Language;
use std::collections::HashMap;
use std::sync::OnceLock;

/// How much of a long text is looked at.
const SAMPLE_BYTES: usize = 16 * 1024;

/// A word of at most 8 ASCII letters packed into a number, one byte per letter, so looking it up
/// compares numbers instead of strings.
fn key(word: &str) -> u64 {
    word.bytes().fold(0, |key, b| key << 8 | u64::from(b))
}

/// The key of every word listed by exactly one language, with that language.
fn word_keys() -> &'static HashMap<u64, Option<Language>> {
    static KEYS: OnceLock<HashMap<u64, Option<Language>>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys = HashMap::new();
        for &language in Language::all() {
            for word in language.detect_words() {
                let listed = keys.entry(key(word)).or_insert(Some(language));
                if *listed != Some(language) {
                    *listed = None;
                }
            }
        }
        keys
    })
}

/// The language `text` is written in, or `None` when it shows no clear sign of one.
pub fn detect(text: &str) -> Option<Language> {
    let end = text.floor_char_boundary(SAMPLE_BYTES);
    let keys = word_keys();
    let mut counts = vec![0usize; Language::all().len()];
    // The current word as a key (see `key`); `None` once it is longer than any listed word.
    let mut word: Option<u64> = Some(0);
    for c in text[..end].chars().chain([' ']) {
        if c.is_alphabetic() || c == '\'' || c == '\u{2019}' {
            if c.is_ascii_alphabetic() {
                word = word.filter(|w| w >> 56 == 0).map(|w| w << 8 | u64::from(c.to_ascii_lowercase() as u8));
            }
            continue;
        }
        if let Some(Some(language)) = word.filter(|&w| w != 0).and_then(|w| keys.get(&w)) {
            counts[language.index()] += 1;
        }
        word = Some(0);
    }
    let best = counts.iter().copied().max().filter(|&n| n > 0)?;
    let mut winners = Language::all().iter().zip(&counts).filter(|(_, &n)| n == best);
    match (winners.next(), winners.next()) {
        (Some((&language, _)), None) => Some(language),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Option<&'static str> {
        detect(text).map(Language::code)
    }

    #[test]
    fn tells_dutch_from_english() {
        assert_eq!(code("hoi! heb je zin om ff te bellen? niemand hoeft het te weten"), Some("nl"));
        assert_eq!(code("hey, do you want to call? nobody has to know"), Some("en"));
        assert_eq!(code("Wat doe jij vanavond 😊"), Some("nl"));
        assert_eq!(code("don't tell ur mom"), Some("en"));
    }

    #[test]
    fn no_evidence_or_a_tie_is_none() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("😊 🙈 123"), None);
        assert_eq!(detect("snap?"), None);
        // "me" and "of" are listed by both; "ik" and "you" are a tie.
        assert_eq!(detect("me of"), None);
        assert_eq!(detect("ik you"), None);
    }
}
