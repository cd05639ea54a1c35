//! Tells Dutch from English by counting frequent little words, such as `ik`, `je`, `niet` or
//! `the`, `you`, `don't`.

use crate::language::Language;

/// Frequent Dutch words (chat spelling included) that are not also English words.
const DUTCH: &[&str] = &[
    "aan", "al", "alleen", "als", "ben", "bent", "bij", "dan", "dat", "de", "die", "dit", "doe", "doen", "echt",
    "een", "en", "even", "ff", "foto", "fotos", "ga", "gaan", "gaat", "geen", "geld", "graag", "haar", "heb", "hebt",
    "heeft", "het", "hij", "hoe", "hoor", "iets", "ik", "je", "jij", "jou", "jouw", "jullie", "kan", "kom", "komt",
    "kun", "kunt", "leuk", "maar", "mag", "me", "meer", "met", "mij", "mijn", "moet", "morgen", "naar", "niemand",
    "niet", "niks", "nog", "nou", "nu", "of", "ook", "op", "ouders", "schat", "snel", "stuur", "te", "tegen", "toch",
    "tot", "van", "vanavond", "vandaag", "veel", "voor", "waar", "wanneer", "wat", "weet", "wel", "wij", "wil",
    "wordt", "zal", "ze", "zeg", "zeggen", "zijn", "zo", "zou", "zullen",
];

/// Frequent English words (chat spelling included) that are not also Dutch words.
const ENGLISH: &[&str] = &[
    "about", "alone", "and", "are", "be", "because", "but", "can", "cant", "could", "did", "do", "does", "dont",
    "for", "from", "get", "got", "have", "how", "i", "if", "im", "it", "its", "just", "know", "like", "me", "my",
    "no", "not", "now", "of", "on", "or", "please", "pls", "really", "send", "so", "tell", "that", "the", "this",
    "to", "u", "ur", "wanna", "want", "what", "when", "where", "who", "why", "will", "with", "would", "you", "your",
    "youre",
];

/// How much of a long text is looked at.
const SAMPLE_BYTES: usize = 16 * 1024;

/// The language `text` is written in, or `None` when it shows no clear sign of either.
pub fn detect(text: &str) -> Option<Language> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (mut dutch, mut english) = (0usize, 0usize);
    let mut word = String::new();
    for c in text[..end].chars().chain([' ']) {
        if c.is_alphabetic() || c == '\'' || c == '\u{2019}' {
            if c.is_ascii_alphabetic() {
                word.push(c.to_ascii_lowercase());
            }
            continue;
        }
        if !word.is_empty() {
            let w = word.as_str();
            // Words shared by both lists (`me`, `of`) count for neither.
            let (nl, en) = (DUTCH.binary_search(&w).is_ok(), ENGLISH.binary_search(&w).is_ok());
            if nl != en {
                dutch += usize::from(nl);
                english += usize::from(en);
            }
            word.clear();
        }
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
    fn word_lists_are_sorted_for_binary_search() {
        assert!(DUTCH.windows(2).all(|w| w[0] < w[1]));
        assert!(ENGLISH.windows(2).all(|w| w[0] < w[1]));
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
