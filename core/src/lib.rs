//! Baken's core: everything the app does, with no FFI and no networking.
//!
//! - [`check`]: the message analyzer: which warning signals a chat message shows.
//! - [`chat`]: chat exports (WhatsApp, Telegram, Instagram, pasted lines) read into one model.
//! - [`help`]: help services, opening hours and routing to the right one, open now.
//! - [`journal`]: the encrypted evidence journal, kept only on the phone.
//! - [`signal`], [`language`]: the stable ids every module shares.
//! - [`library`]: articles, warning signs and search, for teens, parents and professionals.
//! - [`signal_text`]: teen-friendly explanations of the signals.
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

/// The version of this library, as released.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
