//! uniffi bindings of `baken-core`: thin wrappers that convert types, and one public error enum.
//!
//! Kotlin package `nl.baken`, Swift module `Baken`, Python module `baken_ffi`.

mod chat;
mod check;
mod checklist;
mod error;
mod help;
mod journal;
mod library;

pub use chat::{scan_chat, ChatEventCount, ChatExample, ChatLimitation, ChatPerson, ChatScan, ChatSignal};
pub use check::{analyze, MessageAnalysis, MessageSignal};
pub use checklist::{
    checklist, checklist_next_question, checklist_score, signal_explanation, Checklist, ChecklistAnswerOption,
    ChecklistAudience, ChecklistQuestion, ChecklistResult, ChecklistSignal, ChecklistSituation, QuestionSource,
    SignalExplanation,
};
pub use error::BakenError;
pub use help::{coverage_note, emergency_number, route, EmergencyNumber, HelpChannel, HelpRoute, OpenState, RouteRequest};
pub use journal::{Journal, KeyStore};
pub use library::{
    library_article, library_articles, library_search, library_topics, warning_sign, warning_signs, ArticleSource,
    ArticleSummary, LibraryArticle, LibraryTopic, WarningSign,
};

uniffi::setup_scaffolding!();

/// The version of the Baken core inside this library.
#[uniffi::export]
pub fn core_version() -> String {
    baken_core::version().to_string()
}
