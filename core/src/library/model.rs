//! The library's vocabulary, below the modules that read and search it: who an article is for,
//! what it is about, and what can be wrong with a content file.

use crate::help::UnknownTopic;
use crate::language::{Language, UnsupportedLanguage};
use crate::signal::{ids, UnknownId};
use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

ids!(
    /// Who an article is written for.
    Audience, ALL, "audience" {
        Teen = "teen",
        Parent = "parent",
        Professional = "professional",
    }
);

ids!(
    /// What an article is about.
    ArticleTopic, ALL, "topic" {
        Grooming = "grooming",
        Sextortion = "sextortion",
        Exploitation = "exploitation",
        Recruitment = "recruitment",
        ImageAbuse = "image_abuse",
        CoerciveControl = "coercive_control",
        AfterHarm = "after_harm",
        Parenting = "parenting",
        ProfessionalPractice = "professional_practice",
    }
);

/// What is wrong with a content file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    /// The file does not start with front matter between `+++` lines.
    #[error("no front matter between +++ lines")]
    NoFrontMatter,
    /// The TOML cannot be read (a missing or unknown field, a wrong type).
    #[error("cannot be read: {0}")]
    Syntax(String),
    /// An id with other characters than `a-z`, `0-9` and `-`.
    #[error("id '{0}' may only hold a-z, 0-9 and -")]
    MalformedId(String),
    /// The file's name or folder does not match its id and language.
    #[error("article '{id}' in language '{language}' is not at articles/{language}/{id}.md")]
    Misplaced {
        /// The id in the front matter.
        id: String,
        /// The language in the front matter.
        language: String,
    },
    /// An unknown audience, topic or signal id.
    #[error(transparent)]
    UnknownId(#[from] UnknownId),
    /// An unknown language code.
    #[error(transparent)]
    Language(#[from] UnsupportedLanguage),
    /// An unknown help topic.
    #[error(transparent)]
    HelpTopic(#[from] UnknownTopic),
    /// `last_reviewed` is not a date `YYYY-MM-DD`.
    #[error("last_reviewed '{0}' is not a date YYYY-MM-DD")]
    BadDate(String),
    /// An article without any source.
    #[error("no source")]
    NoSource,
    /// A source without a web address (or without a title).
    #[error("source '{0}' has no title or no web address")]
    SourceWithoutAddress(String),
    /// A required text is empty.
    #[error("{0} is empty")]
    Empty(&'static str),
    /// Something required is not there.
    #[error("missing {0}")]
    Missing(String),
    /// The article does not exist in this other language.
    #[error("no {0} version under the same id")]
    MissingTwin(Language),
    /// A related article id that does not exist.
    #[error("related article '{0}' does not exist")]
    BrokenRelated(String),
    /// Two articles with the same id and language.
    #[error("article id '{0}' is used twice")]
    DuplicateId(String),
}
