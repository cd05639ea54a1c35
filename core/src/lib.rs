//! Baken's core: everything the app does, with no FFI and no networking.
//!
//! - [`help`]: help services, opening hours and routing to the right one, open now.
//! - [`journal`]: the encrypted evidence journal, kept only on the phone.
//! - [`signal`], [`language`]: the stable ids every module shares.
//! - [`library`]: articles, warning signs and search, for teens, parents and professionals.
//! - [`content`]: the bundled content files and the linter over them.

pub mod content;
pub mod help;
pub mod journal;
pub mod language;
pub mod library;
pub mod signal;

/// The version of this library, as released.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
