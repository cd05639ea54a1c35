//! Tells Dutch from English by counting frequent little words, such as `ik`, `je`, `niet` or
//! `the`, `you`, `don't`.

use crate::language::Language;
use std::sync::OnceLock;

/// Frequent Dutch words (chat spelling included) that are not also English words.
const DUTCH: &[&str] = &[
    "aan", "al", "alleen", "als", "ben", "bent", "bij", "dan", "dat", "de", "die", "dit", "doe", "doen", "echt", "een", "en", "even", "ff", "foto", "fotos",
    "ga", "gaan", "gaat", "geen", "geld", "graag", "haar", "heb", "hebt", "heeft", "het", "hij", "hoe", "hoor", "iets", "ik", "je", "jij", "jou", "jouw",
    "jullie", "kan", "kom", "komt", "kun", "kunt", "leuk", "maar", "mag", "me", "meer", "met", "mij", "mijn", "moet", "morgen", "naar", "niemand", "niet",
    "niks", "nog", "nou", "nu", "of", "ook", "op", "ouders", "schat", "snel", "stuur", "te", "tegen", "toch", "tot", "van", "vanavond", "vandaag", "veel",
    "voor", "waar", "wanneer", "wat", "weet", "wel", "wij", "wil", "wordt", "zal", "ze", "zeg", "zeggen", "zijn", "zo", "zou", "zullen",
];

/// Frequent English words (chat spelling included) that are not also Dutch words.
const ENGLISH: &[&str] = &[
    "about", "alone", "and", "are", "be", "because", "but", "can", "cant", "could", "did", "do", "does", "dont", "for", "from", "get", "got", "have", "how",
    "i", "if", "im", "it", "its", "just", "know", "like", "me", "my", "no", "not", "now", "of", "on", "or", "please", "pls", "really", "send", "so", "tell",
    "that", "the", "this", "to", "u", "ur", "wanna", "want", "what", "when", "where", "who", "why", "will", "with", "would", "you", "your", "youre",
];

/// How much of a long text is looked at.
const SAMPLE_BYTES: usize = 16 * 1024;

/// A word of at most 8 ASCII letters packed into a number, one byte per letter, so looking it up
/// compares numbers instead of strings.
fn key(word: &str) -> u64 {
    word.bytes().fold(0, |key, b| key << 8 | u64::from(b))
}

/// The keys of the Dutch and the English words, sorted.
fn word_keys() -> &'static (Vec<u64>, Vec<u64>) {
    static KEYS: OnceLock<(Vec<u64>, Vec<u64>)> = OnceLock::new();
    KEYS.get_or_init(|| {
        let sorted = |words: &[&str]| {
            let mut keys: Vec<u64> = words.iter().map(|w| key(w)).collect();
            keys.sort_unstable();
            keys
        };
        (sorted(DUTCH), sorted(ENGLISH))
    })
}

/// The language `text` is written in, or `None` when it shows no clear sign of either.
pub fn detect(text: &str) -> Option<Language> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (dutch_keys, english_keys) = word_keys();
    let (mut dutch, mut english) = (0usize, 0usize);
    // The current word as a key (see `key`); `None` once it is longer than any listed word.
    let mut word: Option<u64> = Some(0);
    for c in text[..end].chars().chain([' ']) {
        if c.is_alphabetic() || c == '\'' || c == '\u{2019}' {
            if c.is_ascii_alphabetic() {
                word = word.filter(|w| w >> 56 == 0).map(|w| w << 8 | u64::from(c.to_ascii_lowercase() as u8));
            }
            continue;
        }
        if let Some(w) = word.filter(|&w| w != 0) {
            let (nl, en) = (dutch_keys.binary_search(&w).is_ok(), english_keys.binary_search(&w).is_ok());
            if nl != en {
                dutch += usize::from(nl);
                english += usize::from(en);
            }
        }
        word = Some(0);
    }
    match dutch.cmp(&english) {
        std::cmp::Ordering::Greater => Some(Language::Nl),
        std::cmp::Ordering::Less => Some(Language::En),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_words_fit_a_key_and_are_distinct() {
        for words in [DUTCH, ENGLISH] {
            assert!(words.iter().all(|w| (1..=8).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase())));
            assert!(words.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn tells_dutch_from_english() {
        assert_eq!(detect("hoi! heb je zin om ff te bellen? niemand hoeft het te weten"), Some(Language::Nl));
        assert_eq!(detect("hey, do you want to call? nobody has to know"), Some(Language::En));
        assert_eq!(detect("Wat doe jij vanavond 😊"), Some(Language::Nl));
        assert_eq!(detect("don't tell ur mom"), Some(Language::En));
    }

    #[test]
    fn no_evidence_is_none() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("😊 🙈 123"), None);
        assert_eq!(detect("snap?"), None);
    }
}
