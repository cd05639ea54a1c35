//! Search terms: the words of a text folded (case, accents; a final `'s` and `'` or `-` inside a
//! word dropped: "foto's" → "foto", "e-mail" → "email") and stemmed with the language's Snowball stemmer. A
//! Dutch past participle also gives the stem of its verb: "gechanteerd" → "chanter" (as
//! "chanteren"), "afgeperst" → "afpers" (as "afpersen"), and so does a present tense in `-t`
//! ("vraagt" → "vrag", as "vragen"). Two-word phrases can be one term as well ("taken down").
//! Every stem gets a number, so that indexing counts numbers rather than strings.

use super::text::fold;
use crate::language::{Language, Participles, Stemmer};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Separable verb parts that come before `ge` in a Dutch participle ("af|ge|perst").
const SEPARABLE: &[&str] =
    &["", "aan", "af", "bij", "door", "in", "los", "mee", "na", "neer", "om", "op", "over", "rond", "terug", "toe", "uit", "vast", "voor", "weg"];
/// The verb left of a participle has at least this many letters ("ge|lek|t").
const MIN_VERB: usize = 3;

/// One word of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Term<'a> {
    /// Folded, before stemming (stop words are matched on this).
    pub(super) word: &'a str,
    /// Its stem.
    pub(super) stem: &'a str,
    /// For a Dutch past participle, the stem of its verb.
    pub(super) verb: Option<&'a str>,
    /// The numbers of `stem` and `verb` among the stems these terms have seen, from 0 up.
    pub(super) ids: (u32, Option<u32>),
}

/// Turns texts of one language into terms, reusing its buffers.
pub(super) struct Terms {
    language: Language,
    stemmer: Stemmer,
    word: String,
    participle: String,
    /// Folded word → the ids of its stem and verb: an article repeats its words, and stemming is the slow part.
    known: FastMap<String, (u32, Option<u32>)>,
    /// Every stem seen, by id, and the id of each.
    stems: Vec<String>,
    ids: FastMap<String, u32>,
    /// Two stems, space-separated, that together are also one term ("take down").
    phrases: FastSet<String>,
    /// The stem before the current one, and then the pair being looked up.
    previous: String,
    pair: String,
}

impl Terms {
    /// Terms of `language`, where the two-word stems in `phrases` are also one term.
    pub(super) fn new(language: Language, phrases: FastSet<String>) -> Terms {
        let (word, participle, previous, pair) = Default::default();
        let (known, stems, ids) = Default::default();
        Terms { language, stemmer: language.stemmer(), word, participle, known, stems, ids, phrases, previous, pair }
    }

    /// Terms of `language` where each two-word text in `phrases` ("taken down") is also one term.
    pub(super) fn with_phrases(language: Language, phrases: &[&str]) -> Terms {
        let mut terms = Terms::new(language, FastSet::default());
        terms.phrases = phrases.iter().map(|p| terms.phrase(p)).collect();
        terms
    }

    /// The term of a phrase: the stems of its words, space-separated.
    pub(super) fn phrase(&mut self, text: &str) -> String {
        let mut stems = Vec::new();
        self.each(text, |t| stems.extend((!t.stem.contains(' ')).then(|| t.stem.to_string())));
        stems.join(" ")
    }

    /// The phrases this reads as one term.
    pub(super) fn phrases(&self) -> &FastSet<String> {
        &self.phrases
    }

    /// Every word read so far (folded) with its stem.
    pub(super) fn known(&self) -> impl Iterator<Item = (&str, &str)> {
        self.known.iter().map(|(word, (stem, _))| (word.as_str(), self.stems[*stem as usize].as_str()))
    }

    /// The stem with this id.
    pub(super) fn stem(&self, id: u32) -> &str {
        &self.stems[id as usize]
    }

    /// How many stems have an id.
    pub(super) fn count(&self) -> usize {
        self.stems.len()
    }

    /// The id of `stem`, given one if it has none yet.
    fn id(&mut self, stem: &str) -> u32 {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        let id = self.stems.len() as u32;
        self.stems.push(stem.to_string());
        self.ids.insert(stem.to_string(), id);
        id
    }

    /// Calls `found` with each term of `text`, in order.
    pub(super) fn each(&mut self, text: &str, mut found: impl FnMut(Term<'_>)) {
        self.previous.clear();
        for raw in text.split(|c: char| !(c.is_alphanumeric() || joins(c))) {
            let raw = raw.strip_suffix("'s").or_else(|| raw.strip_suffix("’s")).unwrap_or(raw);
            self.word.clear();
            self.word.extend(raw.chars().filter(|c| !joins(*c)).map(fold));
            if self.word.is_empty() {
                continue;
            }
            let ids = match self.known.get(&self.word) {
                Some(&ids) => ids,
                None => {
                    let stem = self.stemmer.stem(&self.word).into_owned();
                    let participle = self.language.participles() == Some(Participles::Dutch) && participle_verb(&self.word, &mut self.participle);
                    let verb = participle.then(|| self.stemmer.stem(&self.participle).into_owned()).filter(|v| *v != stem);
                    let ids = (self.id(&stem), verb.map(|v| self.id(&v)));
                    self.known.insert(self.word.clone(), ids);
                    ids
                }
            };
            let (stem, verb) = (&self.stems[ids.0 as usize], ids.1.map(|v| self.stems[v as usize].as_str()));
            found(Term { word: &self.word, stem, verb, ids });
            if !self.phrases.is_empty() {
                self.pair.clear();
                self.pair.push_str(&self.previous);
                self.pair.push(' ');
                self.pair.push_str(stem);
                self.previous.clear();
                self.previous.push_str(&self.stems[ids.0 as usize]);
                if self.phrases.contains(&self.pair) {
                    let pair = std::mem::take(&mut self.pair);
                    let id = self.id(&pair);
                    found(Term { word: &pair, stem: &pair, verb: None, ids: (id, None) });
                    self.pair = pair;
                }
            }
        }
    }

    /// The stems of `text` (with the verb of a participle), for word lists such as synonyms.
    pub(super) fn stems(&mut self, text: &str) -> Vec<String> {
        let mut all = Vec::new();
        self.each(text, |t| all.extend([t.stem].into_iter().chain(t.verb).map(str::to_string)));
        all
    }
}

/// Marks inside a word that are dropped: apostrophes and hyphens.
fn joins(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐')
}

/// Writes into `verb` the verb of a Dutch weak past participle, without `ge` and the final `d` or
/// `t`, as an infinitive (stemmed as one): "gechanteerd" → "chanteeren", "afgeperst" → "afpersen". Words that only look like one
/// ("gezond") give a verb that matches little.
fn participle_verb(word: &str, verb: &mut String) -> bool {
    let Some(body) = word.strip_suffix(['d', 't']) else { return false };
    let found = SEPARABLE.iter().find_map(|part| {
        let rest = body.strip_prefix(part)?.strip_prefix("ge")?;
        (rest.len() >= MIN_VERB).then_some((part, rest))
    });
    if let Some((part, rest)) = found {
        verb.clear();
        verb.push_str(part);
        verb.push_str(rest);
        verb.push_str("en");
        return true;
    }
    // A present tense ("hij vraagt", "dreigt", "chanteert") is its verb with a `t`; the stemmer
    // undoubles the vowel of "vraagen" as of "vragen".
    let present = word.strip_suffix('t').filter(|body| body.len() > MIN_VERB && !body.ends_with(['t', 'd']));
    if let Some(body) = present {
        verb.clear();
        verb.push_str(body);
        verb.push_str("en");
    }
    present.is_some()
}

/// A hash map with a fast, non-random hash: keys are the library's own words, so hash flooding
/// is no concern, and building the index hashes every word of every article.
pub(super) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A set with the same hash.
pub(super) type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// The multiply-rotate hash of rustc ("FxHash").
#[derive(Default)]
pub(super) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::lang;

    fn terms(language: Language, text: &str) -> Vec<(String, Option<String>)> {
        let mut all = Vec::new();
        Terms::new(language, FastSet::default()).each(text, |t| all.push((t.stem.to_string(), t.verb.map(str::to_string))));
        all
    }

    #[test]
    fn folds_case_accents_apostrophes_and_hyphens() {
        let stems: Vec<String> = terms(lang("nl"), "Naakt-foto's, CRÈME").into_iter().map(|t| t.0).collect();
        assert_eq!(stems, ["naaktfoto", "crem"]);
        assert_eq!(terms(lang("nl"), "foto's")[0].0, terms(lang("nl"), "foto")[0].0);
    }

    #[test]
    fn a_phrase_is_also_one_term_only_in_its_order() {
        let mut terms = Terms::with_phrases(lang("en"), &["taken down"]);
        let mut stems = Vec::new();
        terms.each("it was taken down. down taken", |t| stems.push(t.stem.to_string()));
        assert_eq!(stems, ["it", "was", "taken", "down", "taken down", "down", "taken"]);
    }

    #[test]
    fn stems_inflections_and_dutch_participles() {
        let present = terms(lang("nl"), "vragen vraagt dreigen dreigt chanteert");
        assert_eq!(present[0].0, present[1].1.clone().unwrap(), "{present:?}");
        assert_eq!(present[2].0, present[3].1.clone().unwrap(), "{present:?}");
        assert_eq!(present[4].1.as_deref(), Some(terms(lang("nl"), "chanteren")[0].0.as_str()), "{present:?}");
        let nl = terms(lang("nl"), "chanteren gechanteerd afpersen afgeperst geld");
        assert_eq!(nl[0].0, nl[1].1.clone().unwrap(), "{nl:?}");
        assert_eq!(nl[2].0, nl[3].1.clone().unwrap(), "{nl:?}");
        assert_eq!(nl[4].1, None, "too short for a participle");
        let en = terms(lang("en"), "threatened threatening threaten");
        assert!(en.iter().all(|t| t.0 == en[2].0 && t.1.is_none()), "{en:?}");
    }
}
