//! Stage 2: concepts. Each word of a normalised line is looked up in the language's lexicon
//! (`content/concepts/<language>.toml`), which names what it stands for: REQUEST (`send`,
//! `stuur`), IMAGE (`pic`, `naaktjes`), MONEY (`robux`, `doekoe`) and so on.
//!
//! An entry covers its forms: it is stemmed (Snowball, Dutch or English), and so is each word of
//! the text, so `send`, `sends` and `sending` are one entry. Other forms are written out:
//! - `word`: the word and every word with the same stem;
//! - `=word`: that exact word only (for short or ambiguous words);
//! - `word*` / `*word`: every word that starts / ends so (slang and Dutch compounds:
//!   `naakt*`, `*foto`);
//! - `a few words`: those words in a row, each matched as a stemmed word (`=` works per word);
//!   `^` before the first word ties the phrase to the start of the line, `$` after the last to
//!   its end (sign-offs such as `love dad$`);
//! - `#`: any number.
//!
//! Entries are normalised as text is (case, accents, squeezed letters), so they are written in
//! plain spelling.

use super::normalize::{normalize, EmojiWords};
use crate::language::{Language, Stemmer};
use regex_automata::util::pool::Pool;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// A set of concepts, one bit each (a lexicon has at most 128).
pub(crate) type Concepts = u128;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptFile {
    language: String,
    concepts: BTreeMap<String, Vec<String>>,
}

/// FNV-1a: a quick hash for short words (the standard hasher is built to resist attacks on
/// server tables, which a lexicon does not need).
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap<V> = HashMap<Box<[u8]>, V, BuildHasherDefault<Fnv>>;

/// What a word or stem stands for: concepts, and the phrases that start with it.
#[derive(Debug, Default)]
struct Entry {
    concepts: Concepts,
    phrases: Vec<usize>,
}

/// One word of a phrase.
#[derive(Debug)]
struct PhraseWord {
    word: Box<[u8]>,
    /// `None` for an exact word.
    stem: Option<Box<[u8]>>,
}

/// A phrase: words in a row.
#[derive(Debug)]
struct Phrase {
    /// The words after the first (the first is found through the lexicon's maps).
    rest: Vec<PhraseWord>,
    concepts: Concepts,
    at_start: bool,
    at_end: bool,
}

/// Words of one or more concepts, found in a line: tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Occurrence {
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) concepts: Concepts,
}

/// The concepts of one line: the words (byte ranges in the line) and what they stand for.
#[derive(Debug, Default)]
pub(crate) struct Tagged {
    pub(crate) tokens: Vec<Range<usize>>,
    /// In order of their first token.
    pub(crate) found: Vec<Occurrence>,
    /// Every concept in the line.
    pub(crate) all: Concepts,
    /// The stem of each token, when one was looked up: a range into `stem_text`.
    stems: Vec<Option<Range<usize>>>,
    stem_text: Vec<u8>,
    /// The concepts of each token's word, and the phrases that can start there (a range into
    /// `phrase_ids`).
    words: Vec<(Concepts, Range<usize>)>,
    phrase_ids: Vec<usize>,
}

/// What one word stands for, found once per thread for the words seen lately: stemming and the
/// lookups were most of tagging, and chat words repeat.
#[derive(Debug, Default)]
struct WordFacts {
    /// By the word, its stem, its start or end, or as a number.
    concepts: Concepts,
    stem: Option<Box<[u8]>>,
    /// The phrases that can start with the word (by the word, then by its stem).
    phrases: Box<[usize]>,
}

/// How many words each thread keeps the facts of, per language, before it starts again (about
/// 1.5 MB).
const RECENT_WORDS: usize = 1 << 14;

/// The first three bytes of a word, as an index into [`Lexicon::stem_starts`]: only words whose
/// start a lexicon stem shares are stemmed (stemming is the slow part).
fn start_index(word: &[u8]) -> Option<usize> {
    let digit = |b: u8| match b {
        b'a'..=b'z' => Some(usize::from(b - b'a')),
        b'0'..=b'9' => Some(26 + usize::from(b - b'0')),
        _ => None,
    };
    match word {
        [a, b, c, ..] => Some((digit(*a)? * 36 + digit(*b)?) * 36 + digit(*c)?),
        _ => None,
    }
}

const STARTS: usize = 36 * 36 * 36;

/// A language's concepts, ready to look words up.
pub(crate) struct Lexicon {
    names: Vec<String>,
    stemmer: Stemmer,
    words: WordMap<Entry>,
    stems: WordMap<Entry>,
    /// Word starts and ends (`word*`, `*word`), by length, and the lengths there are.
    prefixes: WordMap<Concepts>,
    prefix_lengths: Vec<usize>,
    suffixes: WordMap<Concepts>,
    suffix_lengths: Vec<usize>,
    phrases: Vec<Phrase>,
    numbers: Concepts,
    stem_starts: Vec<bool>,
    recent: Pool<WordMap<WordFacts>, fn() -> WordMap<WordFacts>>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon").field("concepts", &self.names).finish_non_exhaustive()
    }
}

impl Lexicon {
    /// The concept named `name` (upper case, such as `REQUEST`).
    pub(crate) fn concept(&self, name: &str) -> Option<Concepts> {
        self.names.iter().position(|n| n == name).map(|i| 1 << i)
    }

    /// The concepts of `a|b|c`; an unknown name is an error naming it.
    pub(crate) fn concepts(&self, any: &str) -> Result<Concepts, String> {
        any.split('|').try_fold(0, |set, name| Ok(set | self.concept(name.trim()).ok_or_else(|| format!("unknown concept {name}"))?))
    }

    /// Every concept of the lexicon.
    pub(crate) fn every(&self) -> Concepts {
        Concepts::MAX.checked_shr(Concepts::BITS - self.names.len() as u32).unwrap_or(0)
    }

    /// The names of `concepts`, joined by `|`.
    pub(crate) fn names(&self, concepts: Concepts) -> String {
        let names: Vec<&str> = self.names.iter().enumerate().filter(|(i, _)| concepts >> i & 1 == 1).map(|(_, n)| n.as_str()).collect();
        names.join("|")
    }

    fn stem<'w>(&self, word: &'w str) -> std::borrow::Cow<'w, str> {
        self.stemmer.stem(word)
    }

    /// Finds the concepts of one normalised `line` into `out`.
    pub(crate) fn tag(&self, line: &[u8], out: &mut Tagged) {
        out.tokens.clear();
        out.found.clear();
        out.stems.clear();
        out.stem_text.clear();
        out.words.clear();
        out.phrase_ids.clear();
        out.all = 0;
        let mut at = 0;
        for word in line.split(|&b| b == b' ') {
            if !word.is_empty() {
                out.tokens.push(at..at + word.len());
            }
            at += word.len() + 1;
        }
        // Each word's facts first: phrases look at the stems of the words after their first.
        let mut recent = self.recent.get();
        if recent.len() >= RECENT_WORDS {
            recent.clear();
        }
        for token in &out.tokens {
            let word = &line[token.clone()];
            if !recent.contains_key(word) {
                recent.insert(word.into(), self.facts(word));
            }
            let facts = &recent[word];
            let stem = facts.stem.as_deref().map(|stem| {
                let from = out.stem_text.len();
                out.stem_text.extend_from_slice(stem);
                from..out.stem_text.len()
            });
            out.stems.push(stem);
            let from = out.phrase_ids.len();
            out.phrase_ids.extend_from_slice(&facts.phrases);
            out.words.push((facts.concepts, from..out.phrase_ids.len()));
        }
        for i in 0..out.tokens.len() {
            let (concepts, phrases) = out.words[i].clone();
            if concepts != 0 {
                out.found.push(Occurrence { first: i, last: i, concepts });
            }
            for phrase in phrases.map(|k| out.phrase_ids[k]) {
                if let Some(last) = self.phrase_at(&self.phrases[phrase], line, out, i) {
                    out.found.push(Occurrence { first: i, last, concepts: self.phrases[phrase].concepts });
                }
            }
        }
        out.all = out.found.iter().fold(0, |all, o| all | o.concepts);
    }

    /// What `word` stands for (see [`WordFacts`]).
    fn facts(&self, word: &[u8]) -> WordFacts {
        let stem: Option<Box<[u8]>> = match start_index(word) {
            Some(start) if self.stem_starts[start] => Some(self.stem(std::str::from_utf8(word).unwrap_or_default()).as_bytes().into()),
            _ => None,
        };
        let (by_word, by_stem) = (self.words.get(word), stem.as_deref().and_then(|stem| self.stems.get(stem)));
        let mut concepts = by_word.map_or(0, |e| e.concepts) | by_stem.map_or(0, |e| e.concepts);
        for &length in &self.prefix_lengths {
            concepts |= word.get(..length).and_then(|start| self.prefixes.get(start)).copied().unwrap_or(0);
        }
        for &length in &self.suffix_lengths {
            concepts |= word.len().checked_sub(length).and_then(|from| self.suffixes.get(&word[from..])).copied().unwrap_or(0);
        }
        if word.iter().all(u8::is_ascii_digit) {
            concepts |= self.numbers;
        }
        let by_word_only = |phrase: &&usize| !by_word.is_some_and(|e| e.phrases.contains(phrase));
        let phrases = by_word.iter().flat_map(|e| &e.phrases).chain(by_stem.iter().flat_map(|e| &e.phrases).filter(by_word_only)).copied().collect();
        WordFacts { concepts, stem, phrases }
    }

    /// The last token of `phrase` when it starts at token `first` of the tagged `line`.
    fn phrase_at(&self, phrase: &Phrase, line: &[u8], tagged: &Tagged, first: usize) -> Option<usize> {
        let last = first + phrase.rest.len();
        if (phrase.at_start && first != 0) || last >= tagged.tokens.len() || (phrase.at_end && last + 1 != tagged.tokens.len()) {
            return None;
        }
        let fits = |(k, w): (usize, &PhraseWord)| {
            let token = first + 1 + k;
            let stem = tagged.stems[token].clone().map(|range| &tagged.stem_text[range]);
            line[tagged.tokens[token].clone()] == *w.word || (w.stem.is_some() && w.stem.as_deref() == stem)
        };
        phrase.rest.iter().enumerate().all(fits).then_some(last)
    }
}

/// A lexicon entry, normalised as text is: its words (one for a plain entry).
fn entry_words(entry: &str) -> Vec<String> {
    normalize(entry, &EmojiWords::default()).text().split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Reads a concept file into a lexicon; problems are listed.
pub(crate) fn read(language: Language, source: &str, issues: &mut Vec<String>) -> Option<Lexicon> {
    let file: ConceptFile = crate::content::read(source).map_err(|e| issues.push(format!("not valid: {e}"))).ok()?;
    if file.language != language.code() {
        issues.push(format!("language is {:?}, expected {:?}", file.language, language.code()));
    }
    if file.concepts.len() > Concepts::BITS as usize {
        issues.push(format!("{} concepts; at most {}", file.concepts.len(), Concepts::BITS));
        return None;
    }
    let mut lexicon = Lexicon {
        names: file.concepts.keys().cloned().collect(),
        stemmer: language.stemmer(),
        words: WordMap::default(),
        stems: WordMap::default(),
        prefixes: WordMap::default(),
        prefix_lengths: Vec::new(),
        suffixes: WordMap::default(),
        suffix_lengths: Vec::new(),
        phrases: Vec::new(),
        numbers: 0,
        stem_starts: vec![false; STARTS],
        recent: Pool::new(WordMap::default),
    };
    for (bit, (name, entries)) in file.concepts.iter().enumerate() {
        let concept: Concepts = 1 << bit;
        if !name.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') {
            issues.push(format!("concept {name}: names are upper case"));
        }
        for entry in entries {
            if let Err(e) = lexicon.add(concept, entry) {
                issues.push(format!("concept {name}: entry {entry:?}: {e}"));
            }
        }
    }
    Some(lexicon)
}

impl Lexicon {
    /// Adds one entry of `concept` (see the module doc for the forms).
    fn add(&mut self, concept: Concepts, entry: &str) -> Result<(), &'static str> {
        let entry = entry.trim();
        if entry == "#" {
            self.numbers |= concept;
            return Ok(());
        }
        let (at_start, entry) = entry.strip_prefix('^').map_or((false, entry), |rest| (true, rest));
        let (at_end, entry) = entry.strip_suffix('$').map_or((false, entry), |rest| (true, rest));
        if entry.contains(['^', '$']) {
            return Err("`^` comes first and `$` last");
        }
        let (prefix, suffix) = (entry.ends_with('*'), entry.starts_with('*'));
        let words = entry_words(entry.trim_matches('*'));
        let exact: Vec<bool> = entry.trim_matches('*').split_whitespace().map(|w| w.starts_with('=')).collect();
        let Some(first) = words.first() else { return Err("has no word") };
        if exact.len() != words.len() {
            return Err("normalises to other words: write it as it normalises");
        }
        if prefix || suffix {
            if words.len() > 1 || at_start || at_end || exact[0] || (prefix && suffix) {
                return Err("a word start or end (`*`) is one plain word");
            }
            if first.len() < 3 {
                return Err("a word start or end needs at least three letters");
            }
            let (map, lengths) = if prefix { (&mut self.prefixes, &mut self.prefix_lengths) } else { (&mut self.suffixes, &mut self.suffix_lengths) };
            *map.entry(first.as_bytes().into()).or_default() |= concept;
            if !lengths.contains(&first.len()) {
                lengths.push(first.len());
            }
            return Ok(());
        }
        let forms: Vec<PhraseWord> = words.iter().zip(&exact).map(|(word, &exact)| self.form(word, exact)).collect();
        let (head, rest) = forms.split_first().ok_or("has no word")?;
        let phrase = (!rest.is_empty() || at_start || at_end).then_some(self.phrases.len());
        if phrase.is_some() {
            self.phrases.push(Phrase {
                rest: rest.iter().map(|w| PhraseWord { word: w.word.clone(), stem: w.stem.clone() }).collect(),
                concepts: concept,
                at_start,
                at_end,
            });
        }
        let mark = |entry: &mut Entry| match phrase {
            Some(phrase) => entry.phrases.push(phrase),
            None => entry.concepts |= concept,
        };
        mark(self.words.entry(head.word.clone()).or_default());
        if let Some(stem) = &head.stem {
            mark(self.stems.entry(stem.clone()).or_default());
        }
        Ok(())
    }

    /// A word as the lexicon matches it: exact, or also by its stem (whose start is then marked
    /// as worth stemming).
    fn form(&mut self, word: &str, exact: bool) -> PhraseWord {
        let stem = (!exact && word.len() >= 3).then(|| self.stem(word).into_owned());
        for start in [Some(word), stem.as_deref()].into_iter().flatten().filter_map(|w| start_index(w.as_bytes())) {
            self.stem_starts[start] = true;
        }
        PhraseWord { word: word.as_bytes().into(), stem: stem.map(|s| s.into_bytes().into_boxed_slice()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::json;
    use crate::language::lang;

    const LEXICON: &str = r##"
language = "en"
[concepts]
REQUEST = ["send", "show me", "=gimme"]
IMAGE = ["pic", "photo", "nude*", "*cam"]
SIGNOFF = ["love dad$", "^dad here"]
MONEY = ["#", "euro"]
"##;

    fn tagged(line: &str) -> Vec<(String, String)> {
        let mut issues = Vec::new();
        let lexicon = read(lang("en"), &json(LEXICON), &mut issues).expect("reads");
        assert_eq!(issues, Vec::<String>::new());
        let (mut out, normalized) = (Tagged::default(), normalize(line, &EmojiWords::default()));
        let line = normalized.text();
        lexicon.tag(line.as_bytes(), &mut out);
        out.found.iter().map(|o| (line[out.tokens[o.first].start..out.tokens[o.last].end].to_string(), lexicon.names(o.concepts))).collect()
    }

    #[test]
    fn words_match_by_stem_prefix_suffix_and_phrase() {
        assert_eq!(
            tagged("sending pics show me the nudez on webcam for 50 euros"),
            [("sending", "REQUEST"), ("pics", "IMAGE"), ("show me", "REQUEST"), ("nudez", "IMAGE"), ("webcam", "IMAGE"), ("50", "MONEY"), ("euros", "MONEY")]
                .map(|(a, b)| (a.to_string(), b.to_string()))
        );
        assert!(tagged("gimmes").is_empty(), "an exact word is not stemmed");
    }

    #[test]
    fn phrases_can_be_tied_to_the_start_or_end_of_the_line() {
        assert_eq!(tagged("pick you up at 6 love dad").last().map(|(_, c)| c.as_str()), Some("SIGNOFF"));
        assert!(!tagged("love dad said").iter().any(|(_, c)| c == "SIGNOFF"));
        assert!(tagged("dad here, call me").iter().any(|(w, c)| c == "SIGNOFF" && w == "dad here"));
        assert!(!tagged("my dad here").iter().any(|(_, c)| c == "SIGNOFF"));
    }

    #[test]
    fn bad_entries_are_reported() {
        let mut issues = Vec::new();
        read(lang("nl"), &json("language = 'en'\n[concepts]\nlower = ['a*', '**', 'ok']"), &mut issues);
        let all = issues.join("\n");
        assert!(all.contains("language is \"en\""), "{all}");
        assert!(all.contains("concept lower: names are upper case"), "{all}");
        assert!(all.contains("at least three letters"), "{all}");
    }
}
