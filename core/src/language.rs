//! The languages Baken's content is written in.

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

/// A content language. Dutch and English first; more languages are added as data plus a variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Dutch.
    Nl,
    /// English.
    En,
}

impl Language {
    /// Every supported language.
    pub const ALL: &'static [Language] = &[Language::Nl, Language::En];

    /// The ISO 639-1 code, such as `"nl"`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
        }
    }

    /// The content language for a phone's locale (`nl-BE`, `en_GB`, ...): the one it names, and
    /// English for a language Baken has no content in yet.
    pub fn for_locale(tag: &str) -> Language {
        tag.parse().unwrap_or(Language::En)
    }

    /// The Snowball stemmer of this language: `afpersen` and `afpersing` share the stem `afpers`.
    pub fn stemmer(self) -> Stemmer {
        Stemmer::create(match self {
            Language::Nl => Algorithm::Dutch,
            Language::En => Algorithm::English,
        })
    }
}

/// A language code Baken has no content for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language '{0}': use nl or en")]
pub struct UnsupportedLanguage(pub String);

impl FromStr for Language {
    type Err = UnsupportedLanguage;

    /// Accepts `nl`, `en` and tags such as `nl-BE` or `en_GB`, in any case.
    fn from_str(code: &str) -> Result<Self, UnsupportedLanguage> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Ok(Language::Nl),
            "en" => Ok(Language::En),
            _ => Err(UnsupportedLanguage(code.to_string())),
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_and_tags() {
        assert_eq!("NL".parse(), Ok(Language::Nl));
        assert_eq!("en_GB".parse(), Ok(Language::En));
        assert_eq!("nl-BE".parse(), Ok(Language::Nl));
    }

    #[test]
    fn a_locale_without_content_reads_english() {
        assert_eq!(Language::for_locale("nl-BE"), Language::Nl);
        assert_eq!(Language::for_locale("de-DE"), Language::En);
        assert_eq!(Language::for_locale(""), Language::En);
    }

    #[test]
    fn unknown_language_is_a_typed_error_naming_it() {
        assert_eq!("fr".parse::<Language>(), Err(UnsupportedLanguage("fr".into())));
        assert!("".parse::<Language>().is_err());
    }
}
