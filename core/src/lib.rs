//! Baken's core: everything the app does, with no FFI and no networking.
//!
//! - [`check`]: the message analyzer: which warning signals a chat message shows.
//! - [`chat`]: chat exports (WhatsApp, Telegram, Instagram, pasted lines) read into one model.
//! - [`help`]: help services, opening hours and routing to the right one, open now.
//! - [`journal`]: the encrypted evidence journal, kept only on the phone.
//! - [`signal`], [`language`]: the stable ids every module shares; languages are data.
//! - [`library`]: articles, warning signs and search, for teens, parents and professionals.
//! - [`signal_text`]: teen-friendly explanations of the signals.
//! - [`strings`]: every other user-facing sentence, per language.
//! - [`checklist`]: the "Is this normal?" checklist for teens and parents, scored and explained.
//! - [`content`]: the bundled content files.
//! - [`lint`]: the checks over the bundled content, calling each module's own.

#![warn(missing_docs)]

pub mod chat;
pub mod check;
pub mod checklist;
pub mod content;
pub mod help;
pub mod journal;
pub mod language;
pub mod library;
pub mod lint;
pub mod signal;
pub mod signal_text;
pub mod strings;

// The build script's bundling of content as JSON, and its merge of the third language into the
// shared content, here for their tests.
#[cfg(test)]
mod bundle;
#[cfg(test)]
mod merge;

/// The version of this library, as released.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
