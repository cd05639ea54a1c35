//! The checklist's vocabulary, below the modules that define and score it: audiences, questions,
//! answers, sources, results and errors.

use crate::language::{Language, UnsupportedLanguage};
use crate::signal::{Level, Signal};
use crate::signal_text::SignalText;
use serde::Serialize;
use std::collections::BTreeMap;
use std::{fmt, str::FromStr};

/// The answers given so far: question id -> answer id.
pub type Answers = BTreeMap<String, String>;

/// Who fills in the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// A teen asking about someone they are in contact with.
    Teen,
    /// A parent or carer worried about their child.
    Parent,
}

impl Audience {
    /// Both audiences.
    pub const ALL: &'static [Audience] = &[Audience::Teen, Audience::Parent];

    /// The stable id, `"teen"` or `"parent"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Teen => "teen",
            Audience::Parent => "parent",
        }
    }
}

impl FromStr for Audience {
    type Err = ChecklistError;

    fn from_str(id: &str) -> Result<Self, ChecklistError> {
        Audience::ALL.iter().copied().find(|a| a.as_str() == id).ok_or_else(|| ChecklistError::UnknownAudience(id.to_string()))
    }
}

impl fmt::Display for Audience {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What went wrong with a checklist request.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChecklistError {
    /// Not `teen` or `parent`.
    #[error("unknown checklist '{0}': use teen or parent")]
    UnknownAudience(String),
    /// A language Baken has no checklist in.
    #[error(transparent)]
    UnsupportedLanguage(#[from] UnsupportedLanguage),
    /// An answer to a question that does not exist.
    #[error("unknown question '{0}'")]
    UnknownQuestion(String),
    /// An answer id that the question does not offer.
    #[error("'{answer}' is not an answer to question '{question}': use one of {options}")]
    UnknownAnswer {
        /// The question answered.
        question: String,
        /// The answer given.
        answer: String,
        /// The answers the question offers, comma-separated.
        options: String,
    },
    /// A question that is asked but has no answer.
    #[error("question '{0}' has no answer")]
    MissingAnswer(String),
    /// An answer to a follow-up question that is skipped because of an earlier answer.
    #[error("question '{question}' is not asked: it follows only some answers to '{gate}'")]
    NotAsked {
        /// The follow-up question answered.
        question: String,
        /// The earlier question that decides whether it is asked.
        gate: String,
    },
    /// The bundled checklist failed validation (see `baken content lint`).
    #[error("the bundled checklist is not valid: {0}")]
    InvalidContent(String),
}

/// Where a question comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The source id in `sources.toml`.
    pub id: String,
    /// A list of warning signs, or a validated screening instrument.
    pub kind: SourceKind,
    /// The source's title.
    pub title: String,
    /// Where to read it.
    pub url: String,
    /// What Baken takes from it, and its limits.
    pub note: String,
}

/// The kind of a question's source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A published list of warning signs.
    WarningSigns,
    /// A validated screening instrument (whose item Baken adapts, not copies).
    Instrument,
}

/// One answer a question offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerOption {
    /// The answer id to give back.
    pub id: String,
    /// The answer as shown.
    pub text: String,
}

/// One question, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// The question id.
    pub id: String,
    /// The question as shown.
    pub text: String,
    /// The answers, in the order to show them.
    pub answers: Vec<AnswerOption>,
    /// For a follow-up: the question whose answer decides whether this one is asked.
    pub follows: Option<String>,
    /// Where the question comes from.
    pub sources: Vec<Source>,
}

/// A checklist in one language: its title, its introduction and all its questions in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checklist {
    /// Who it is for.
    pub audience: Audience,
    /// The language of the text.
    pub language: Language,
    /// The title.
    pub title: String,
    /// A short introduction to show first.
    pub intro: String,
    /// Every question; follow-ups are asked only after some answers (see [`next_question`]).
    pub questions: Vec<Question>,
}

/// A signal the answers point to, with its weight and its explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeenSignal {
    /// The signal.
    pub signal: Signal,
    /// How strongly the answers point to it: the sum of answer weights, weighed by who the
    /// contact is and rounded up.
    pub weight: u32,
    /// What it means and why it matters, in the checklist's language.
    pub explanation: SignalText,
}

/// What to pass to help routing: the level and the signals seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Situation {
    /// How urgent help is.
    pub level: Level,
    /// The signals seen, strongest first.
    pub signals: Vec<Signal>,
}

/// The outcome of a filled-in checklist. An indication, not a verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChecklistResult {
    /// Who filled it in.
    pub audience: Audience,
    /// The language of the text.
    pub language: Language,
    /// How serious it is.
    pub level: Level,
    /// One or two sentences that say what the level means.
    pub headline: String,
    /// The signals seen, strongest first, each explained: none at level `none`, and never one
    /// that only a "not sure" answer points to (it adds weight, but is not something seen).
    pub signals: Vec<SeenSignal>,
    /// What to do now, in order.
    pub advice: Vec<String>,
    /// Ids of related articles in the library.
    pub articles: Vec<String>,
    /// What to pass to help routing.
    pub situation: Situation,
}
