//! uniffi bindings of `baken-core`: the core's own ids and records, a few reshaped records, and
//! one public error enum. Kotlin package `nl.baken`, Swift module `Baken`, Python module
//! `baken_ffi`.
//!
//! Signals, levels, languages, audiences, topics, help channels and entry kinds are uniffi enums
//! (Kotlin `enum class`, Swift `enum`, Python `enum.Enum`), and records that are already
//! FFI-shaped are the core's own types. Both are exposed with `#[uniffi::remote]` in `types.rs`
//! rather than with `#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]` on the core types
//! (bitwarden's pattern), because:
//! - no uniffi token enters `baken-core`: its dependency tree, the one the privacy proof reads,
//!   is the same with every feature, and the core stays free of FFI concerns (DESIGN.md);
//! - derives in `baken-core` would make it a second uniffi component, so the generated code
//!   would come in two modules (`baken_core` next to `baken_ffi`) and each app would import both;
//! - a remote block is checked against the core type by the compiler (every variant and field is
//!   matched), so it cannot drift; it costs a restated list of variants, and no conversions.
//!
//! Records that need reshaping keep a small mirror here: a finding's spans, a route's
//! availability, an entry's nested content, an article's plain text, a chat scan's times.
//! Every conversion into [`BakenError`] is in `error.rs`.

#![warn(missing_docs)]

mod chat;
mod check;
mod checklist;
mod error;
mod help;
mod journal;
mod library;
mod types;

pub use chat::{scan_chat, scan_evidence, ChatEventCount, ChatExample, ChatLimitation, ChatPerson, ChatScan, ChatSignal};
pub use check::{analyze, MessageAnalysis, MessageSignal};
pub use checklist::{checklist, checklist_next_question, checklist_score, level_text, signal_explanation};
pub use error::BakenError;
pub use help::{coverage_note, emergency_number, route, EmergencyNumber, HelpRoute, OpenState, RouteRequest};
pub use journal::{passcode_warning, BackupSummary, Journal, JournalEntry, JournalEntryList, KeyStore};
pub use library::{library_article, library_articles, library_search, library_topics, warning_sign, warning_signs, ArticleSummary, LibraryArticle};

uniffi::setup_scaffolding!();

/// The version of the Baken core inside this library.
#[uniffi::export]
pub fn core_version() -> String {
    baken_core::version().to_string()
}

/// The content language for a language tag such as `nl`, `nl-BE` or `en_GB` (any case), for
/// instance the phone's locale; an unsupported one is `InvalidInput`.
#[uniffi::export]
pub fn parse_language(tag: String) -> Result<types::Language, BakenError> {
    Ok(tag.parse::<baken_core::language::Language>()?.into())
}

/// The content language for the phone's locale (`nl-BE`, `en_GB`, ...): the one it names, and
/// the fallback language (English) for one Baken has no content in yet.
#[uniffi::export]
pub fn language_for_locale(tag: String) -> types::Language {
    baken_core::language::Language::for_locale(&tag).into()
}
