//! Readability as `article-format.md` defines it: Flesch–Douma for Dutch, Flesch Reading Ease for
//! English, and the longest sentence.

use super::text::{fold, words};
use crate::language::{Language, ReadingEase};

/// Counts of a text, and the scores computed from them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Readability {
    /// Words: runs of letters (digits and apostrophes allowed inside).
    pub words: usize,
    /// Sentences: text ending at `.`, `!`, `?` or the end of a line, holding at least one word.
    pub sentences: usize,
    /// Syllables: groups of consecutive vowels per word (accents folded), at least one per word.
    pub syllables: usize,
    /// Words in the longest sentence.
    pub longest_sentence: usize,
}

impl Readability {
    /// Measures plain text (strip Markdown first).
    pub fn measure(text: &str) -> Self {
        let mut r = Readability::default();
        for sentence in text.split(['\n', '.', '!', '?']) {
            let mut count = 0;
            for word in words(sentence) {
                count += 1;
                r.syllables += syllables(word);
            }
            if count > 0 {
                r.words += count;
                r.sentences += 1;
                r.longest_sentence = r.longest_sentence.max(count);
            }
        }
        r
    }

    /// Flesch–Douma: 206.835 − 0.93 × words per sentence − 77 × syllables per word.
    pub fn flesch_douma(&self) -> f64 {
        self.score(0.93, 77.0)
    }

    /// Flesch Reading Ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word.
    pub fn flesch_reading_ease(&self) -> f64 {
        self.score(1.015, 84.6)
    }

    /// The score for text in `language`, by its formula (`readability` in `content/languages.toml`):
    /// Flesch–Douma for Dutch, Flesch Reading Ease for English; `None` for a language without one.
    pub fn ease(&self, language: Language) -> Option<f64> {
        language.reading_ease().map(|formula| match formula {
            ReadingEase::FleschDouma => self.flesch_douma(),
            ReadingEase::Flesch => self.flesch_reading_ease(),
        })
    }

    fn score(&self, per_sentence: f64, per_syllable: f64) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        let words = self.words as f64;
        206.835 - per_sentence * words / self.sentences as f64 - per_syllable * self.syllables as f64 / words
    }
}

/// Groups of consecutive vowels (a e i o u y, accents folded) in `word`, at least 1.
pub fn syllables(word: &str) -> usize {
    let mut groups = 0;
    let mut in_vowels = false;
    for c in word.chars().map(fold) {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if vowel && !in_vowels {
            groups += 1;
        }
        in_vowels = vowel;
    }
    groups.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_vowel_groups_with_accents_folded() {
        assert_eq!(syllables("naaktfoto"), 3);
        assert_eq!(syllables("beëindigen"), 3);
        assert_eq!(syllables("rhythm"), 1);
        assert_eq!(syllables("Psst"), 1);
        assert_eq!(syllables("money"), 2);
    }

    #[test]
    fn sentences_end_at_marks_and_line_ends() {
        let r = Readability::measure("Stop nu. Bel 112!\nPraat erover\n\n...?");
        assert_eq!((r.words, r.sentences, r.longest_sentence), (5, 3, 2));
        assert_eq!(r.syllables, 7);
    }

    #[test]
    fn scores_follow_the_formulas() {
        let r = Readability { words: 20, sentences: 2, syllables: 30, longest_sentence: 12 };
        assert!((r.flesch_douma() - (206.835 - 0.93 * 10.0 - 77.0 * 1.5)).abs() < 1e-9);
        assert!((r.flesch_reading_ease() - (206.835 - 1.015 * 10.0 - 84.6 * 1.5)).abs() < 1e-9);
        assert_eq!(Readability::default().ease("nl".parse().unwrap()), Some(0.0));
    }
}
