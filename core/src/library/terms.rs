//! Search terms: the words of a text folded (case, accents; a final `'s` and `'` or `-` inside a
//! word dropped: "foto's" → "foto", "e-mail" → "email") and stemmed with the language's Snowball stemmer. A
//! Dutch past participle also gives the stem of its verb: "gechanteerd" → "chanter" (as
//! "chanteren"), "afgeperst" → "afpers" (as "afpersen").

use super::text::fold;
use crate::language::{Language, Participles, Stemmer};
use std::collections::HashMap;

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
}

/// Turns texts of one language into terms, reusing its buffers.
pub(super) struct Terms {
    language: Language,
    stemmer: Stemmer,
    word: String,
    participle: String,
    /// Folded word → its stem and verb: an article repeats its words, and stemming is the slow part.
    known: HashMap<String, (String, Option<String>)>,
}

impl Terms {
    pub(super) fn new(language: Language) -> Terms {
        Terms { language, stemmer: language.stemmer(), word: String::new(), participle: String::new(), known: HashMap::new() }
    }

    /// Calls `found` with each term of `text`, in order.
    pub(super) fn each(&mut self, text: &str, mut found: impl FnMut(Term<'_>)) {
        for raw in text.split(|c: char| !(c.is_alphanumeric() || joins(c))) {
            let raw = raw.strip_suffix("'s").or_else(|| raw.strip_suffix("’s")).unwrap_or(raw);
            self.word.clear();
            self.word.extend(raw.chars().filter(|c| !joins(*c)).map(fold));
            if self.word.is_empty() {
                continue;
            }
            if !self.known.contains_key(&self.word) {
                let stem = self.stemmer.stem(&self.word).into_owned();
                let participle = self.language.participles() == Some(Participles::Dutch) && participle_verb(&self.word, &mut self.participle);
                let verb = participle.then(|| self.stemmer.stem(&self.participle).into_owned()).filter(|v| *v != stem);
                self.known.insert(self.word.clone(), (stem, verb));
            }
            let (stem, verb) = &self.known[&self.word];
            found(Term { word: &self.word, stem, verb: verb.as_deref() });
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
    }
    found.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::lang;

    fn terms(language: Language, text: &str) -> Vec<(String, Option<String>)> {
        let mut all = Vec::new();
        Terms::new(language).each(text, |t| all.push((t.stem.to_string(), t.verb.map(str::to_string))));
        all
    }

    #[test]
    fn folds_case_accents_apostrophes_and_hyphens() {
        let stems: Vec<String> = terms(lang("nl"), "Naakt-foto's, CRÈME").into_iter().map(|t| t.0).collect();
        assert_eq!(stems, ["naaktfoto", "crem"]);
        assert_eq!(terms(lang("nl"), "foto's")[0].0, terms(lang("nl"), "foto")[0].0);
    }

    #[test]
    fn stems_inflections_and_dutch_participles() {
        let nl = terms(lang("nl"), "chanteren gechanteerd afpersen afgeperst geld");
        assert_eq!(nl[0].0, nl[1].1.clone().unwrap(), "{nl:?}");
        assert_eq!(nl[2].0, nl[3].1.clone().unwrap(), "{nl:?}");
        assert_eq!(nl[4].1, None, "too short for a participle");
        let en = terms(lang("en"), "threatened threatening threaten");
        assert!(en.iter().all(|t| t.0 == en[2].0 && t.1.is_none()), "{en:?}");
    }
}
