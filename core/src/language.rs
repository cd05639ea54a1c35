//! The languages Baken's content is written in, as data: `content/languages.toml` lists them
//! (code, own name, Snowball stemmer, reading-ease formula, words that detect them), and every
//! text a language needs lives in its content files and `content/strings/<code>.toml`.
//!
//! A [`Language`] is a small `Copy` index into that list, so it costs what the old two-variant
//! enum cost, compares and hashes as a number, and serialises as its code. No code names a
//! particular language: what differs between languages (stemming, Dutch participles, the
//! readability formula, detection words, the fallback) is a field of its entry. Adding a language
//! is adding files; only the FFI layer (`bindings/src/types.rs`) lists the shipped languages
//! again, as the enum the apps switch over.

use crate::content::LintIssue;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::sync::LazyLock;
use std::{fmt, str::FromStr};

/// The file that lists the languages.
pub const FILE: &str = "languages.toml";

/// A content language: one entry of `content/languages.toml`. Ordered as listed there.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Language(u8);

/// How reading ease is measured in a language (the library's plain-language floor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReadingEase {
    /// Flesch–Douma, for Dutch.
    FleschDouma,
    /// Flesch Reading Ease, for English.
    Flesch,
}

/// Which past participles also give their verb in search (`participles` in the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Participles {
    /// Dutch weak participles: `afgeperst` also finds `afpersen`.
    Dutch,
}

/// One entry of the file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    code: String,
    name: String,
    #[serde(default)]
    stemmer: Option<String>,
    #[serde(default)]
    participles: Option<Participles>,
    #[serde(default)]
    readability: Option<ReadingEase>,
    detect: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    fallback: String,
    language: Vec<Entry>,
}

/// The loaded list; problems make it empty (every lookup then fails as unsupported) and are
/// reported by [`lint`].
struct Registry {
    entries: Vec<Entry>,
    stemmers: Vec<Option<MakeStemmer>>,
    all: Vec<Language>,
    fallback: Language,
    issues: Vec<String>,
}

/// The bundled list, read once.
fn registry() -> &'static Registry {
    static REGISTRY: LazyLock<Registry> = LazyLock::new(|| load(crate::content::file(FILE).unwrap_or_default()));
    &REGISTRY
}

fn load(source: &str) -> Registry {
    let empty = |issues| Registry { entries: Vec::new(), stemmers: Vec::new(), all: Vec::new(), fallback: Language(0), issues };
    let file: File = match crate::content::read(source) {
        Ok(file) => file,
        Err(e) => return empty(vec![e.to_string()]),
    };
    let mut issues = Vec::new();
    let stemmers: Vec<_> = file.language.iter().map(|e| e.stemmer.as_deref().and_then(|name| algorithm(name, &e.code, &mut issues))).collect();
    for (i, entry) in file.language.iter().enumerate() {
        if entry.code.len() != 2 || !entry.code.bytes().all(|b| b.is_ascii_lowercase()) {
            issues.push(format!("code '{}' is not two lower-case letters (ISO 639-1)", entry.code));
        }
        if file.language[..i].iter().any(|e| e.code == entry.code) {
            issues.push(format!("language '{}' is listed twice", entry.code));
        }
        if let Some(word) = entry.detect.iter().find(|w| !(1..=8).contains(&w.len()) || !w.bytes().all(|b| b.is_ascii_lowercase())) {
            issues.push(format!("{}: detect word '{word}' is not 1 to 8 lower-case ASCII letters", entry.code));
        }
        if entry.name.trim().is_empty() {
            issues.push(format!("{}: no name", entry.code));
        }
    }
    let fallback = file.language.iter().position(|e| e.code == file.fallback);
    if fallback.is_none() {
        issues.push(format!("fallback '{}' is not a listed language", file.fallback));
    }
    if file.language.len() > usize::from(u8::MAX) {
        issues.push("more than 255 languages".into());
    }
    match (issues.is_empty(), fallback) {
        (true, Some(fallback)) => Registry {
            all: (0..file.language.len() as u8).map(Language).collect(),
            entries: file.language,
            stemmers,
            fallback: Language(fallback as u8),
            issues,
        },
        _ => empty(issues),
    }
}

/// Makes one stemmer of rust-stemmers.
type MakeStemmer = fn() -> rust_stemmers::Stemmer;

/// The Snowball stemmers the library is built with, by their name in the file: those of the
/// shipped languages. Each one makes a stemmer of rust-stemmers, named by a constant, so that the
/// linker keeps only these; all eighteen were about 0.3 MB of the app. A language that needs
/// another one (`german`, `french`, ... of `rust_stemmers::Algorithm`) adds its line here; until
/// then its `stemmer` fails the lint.
const STEMMERS: [(&str, MakeStemmer); 2] = [
    ("dutch", || rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Dutch)),
    ("english", || rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)),
];

/// The stemmer named in the file.
fn algorithm(name: &str, code: &str, issues: &mut Vec<String>) -> Option<MakeStemmer> {
    let found = STEMMERS.iter().find(|(n, _)| *n == name).map(|(_, create)| *create);
    if found.is_none() {
        issues.push(format!("{code}: stemmer '{name}' is not one Baken is built with (language.rs, STEMMERS)"));
    }
    found
}

/// Stems words of one language; a language without a stemmer keeps them as they are.
pub struct Stemmer(Option<rust_stemmers::Stemmer>);

impl Stemmer {
    /// The stem of `word`: `afpersen` and `afpersing` share the stem `afpers`.
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match &self.0 {
            Some(stemmer) => stemmer.stem(word),
            None => Cow::Borrowed(word),
        }
    }
}

impl Language {
    fn entry(self) -> &'static Entry {
        &registry().entries[usize::from(self.0)]
    }

    /// Every bundled language, in the order of `content/languages.toml`.
    pub fn all() -> &'static [Language] {
        &registry().all
    }

    /// The language texts are shown in when nothing says which one.
    pub fn fallback() -> Language {
        registry().fallback
    }

    /// The position in [`Language::all`], for tables indexed by language.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The ISO 639-1 code, such as `"nl"`.
    pub fn code(self) -> &'static str {
        &self.entry().code
    }

    /// The content language for a phone's locale (`nl-BE`, `en_GB`, ...): the one it names, and
    /// the fallback language for one Baken has no content in yet.
    pub fn for_locale(tag: &str) -> Language {
        tag.parse().unwrap_or_else(|_| Language::fallback())
    }

    /// The language's own name, such as "Nederlands".
    pub fn name(self) -> &'static str {
        &self.entry().name
    }

    /// The language's stemmer (Snowball, or none).
    pub fn stemmer(self) -> Stemmer {
        Stemmer(registry().stemmers[usize::from(self.0)].map(|create| create()))
    }

    /// Which past participles also give their verb in search, if any.
    pub fn participles(self) -> Option<Participles> {
        self.entry().participles
    }

    /// The reading-ease formula of the language, if it has one.
    pub fn reading_ease(self) -> Option<ReadingEase> {
        self.entry().readability
    }

    /// Words that tell this language from the others (see `check::detect`).
    pub fn detect_words(self) -> &'static [String] {
        &self.entry().detect
    }
}

/// A language code Baken has no content for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language '{0}': use {codes}", codes = Language::all().iter().map(|l| l.code()).collect::<Vec<_>>().join(" or "))]
pub struct UnsupportedLanguage(pub String);

impl FromStr for Language {
    type Err = UnsupportedLanguage;

    /// Accepts a listed code and tags such as `nl-BE` or `en_GB`, in any case.
    fn from_str(code: &str) -> Result<Self, UnsupportedLanguage> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        Language::all().iter().copied().find(|l| l.code() == primary).ok_or_else(|| UnsupportedLanguage(code.to_string()))
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = Cow::<str>::deserialize(deserializer)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}

/// A bundled language by its code, for tests.
#[cfg(test)]
pub(crate) fn lang(code: &str) -> Language {
    code.parse().expect("a bundled language")
}

/// Checks `content/languages.toml` (part of `baken content lint`).
pub fn lint(issues: &mut Vec<LintIssue>) {
    issues.extend(registry().issues.iter().map(|message| LintIssue { file: FILE.into(), message: message.clone() }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::json;

    #[test]
    fn parses_codes_and_tags() {
        let nl = Language::all().iter().copied().find(|l| l.code() == "nl").expect("bundled");
        assert_eq!("NL".parse(), Ok(nl));
        assert_eq!("nl-BE".parse(), Ok(nl));
        assert_eq!("en_GB".parse::<Language>().map(Language::code), Ok("en"));
        assert_eq!(nl.to_string(), "nl");
        assert_eq!(serde_json::to_string(&nl).unwrap(), "\"nl\"");
        assert_eq!(serde_json::from_str::<Language>("\"nl\"").unwrap(), nl);
    }

    #[test]
    fn a_locale_without_content_reads_the_fallback() {
        assert_eq!(Language::for_locale("nl-BE").code(), "nl");
        assert_eq!(Language::for_locale("de-DE"), Language::fallback());
        assert_eq!(Language::for_locale(""), Language::fallback());
    }

    #[test]
    fn unknown_language_is_a_typed_error_naming_it() {
        assert_eq!("fr".parse::<Language>(), Err(UnsupportedLanguage("fr".into())));
        assert!("".parse::<Language>().is_err());
        assert!(serde_json::from_str::<Language>("\"fr\"").is_err());
    }

    #[test]
    fn the_bundled_list_is_clean() {
        assert!(registry().issues.is_empty(), "{:?}", registry().issues);
        assert_eq!(Language::fallback().code(), "en");
    }

    #[test]
    fn a_broken_list_is_empty_and_names_each_problem() {
        let source = "fallback = 'xx'\n[[language]]\ncode = 'NLD'\nname = ''\nstemmer = 'klingon'\ndetect = ['Hoi', 'ok']\n\
                      [[language]]\ncode = 'NLD'\nname = 'x'\ndetect = []\n";
        let registry = load(&json(source));
        assert!(registry.all.is_empty());
        let all = registry.issues.join("\n");
        for expected in ["code 'NLD'", "listed twice", "detect word 'Hoi'", "no name", "stemmer 'klingon'", "fallback 'xx'"] {
            assert!(all.contains(expected), "{expected} missing from {all}");
        }
        assert!(!load(&json("fallback = 'en'\n[[language]]\ncode = 'en'\nname = 'English'\ndetect = []\nspelling = 'us'\n")).issues.is_empty());
        let german = load(&json("fallback = 'en'\n[[language]]\ncode = 'en'\nname = 'English'\nstemmer = 'german'\ndetect = ['the']\n"));
        assert!(german.issues.iter().any(|i| i.contains("stemmer 'german' is not one Baken is built with")), "{:?}", german.issues);
    }

    #[test]
    fn a_language_without_stemmer_keeps_its_words() {
        assert_eq!(Stemmer(None).stem("afpersen"), "afpersen");
        assert_eq!(Stemmer(Some(rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Dutch))).stem("afpersen"), "afpers");
    }
}
