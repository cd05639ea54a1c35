//! The encrypted evidence journal: what happened, kept encrypted, tamper-evident and only on the
//! phone, until the teen chooses to show it.
//!
//! - Every record is sealed with AES-256-GCM ([`crypto`]) and stored as an opaque row: a keyed
//!   hash as id and a padded blob (`records`). A random vault key seals the vault's own records
//!   (chain head, safety plan, list of entries, each entry's record); each revision and
//!   attachment has a random content key, kept only in its entry's record. Key slots
//!   wrap the vault key, with the secret its record ids come from, under the passcode
//!   (PBKDF2-HMAC-SHA256, optionally mixed with a device MAC from the platform [`KeyStore`]) and,
//!   when turned on, under a biometric key. A passcode change replaces the vault key; a deletion
//!   destroys the entry's content keys.
//! - In the clear (`store`): the format version, file id, passcode salt and cost, whether a key
//!   store binds the passcodes, the key slots (three passcode slots, and one more when biometric
//!   unlock is on), and how many records there are and their padded sizes; the attempt counts
//!   too, unless a key store seals them. Not in the clear: which vault, entry or position a record
//!   belongs to, and whether a duress passcode is set (the vaults below the real one exist from
//!   the start, see `vaults`).
//! - [`Journal`] is the lifecycle: create, open, unlock, lock, change passcode, duress passcode,
//!   wipe; entries, attachments and the safety plan are read and written through it.
//! - Every revision and tombstone is linked into a SHA-256 chain ([`chain`]); its head, shown as a
//!   short seal, lets a trusted adult check a report later.
//! - With a [`KeyStore`], the app keeps an anchor outside the file (`anchor`): each vault's write
//!   count (its generation) and head, so that an older copy of the file, or of its records, put
//!   back is reported by `verify` (and the last seal shared in an export with it). Without a key
//!   store, only the checks inside the file hold.
//! - Export only when asked: an HTML evidence report ([`report`]) and an encrypted backup ([`backup`]).
//!
//! # Passcode cost and tests
//! Outside tests a new passcode slot uses [`DEFAULT_ITERATIONS`] PBKDF2 iterations and a stored
//! one must have at least [`MIN_ITERATIONS`].
//! `Kdf::InsecureFastForTests` is the only way below that floor, and it exists only in builds with
//! the cargo feature `insecure-test-kdf` (this crate's own tests and benches, the binding and CLI
//! tests); the `mobile` profile and app builds never enable it, so without the feature there is
//! only [`Kdf::Standard`]. A journal made with the fast KDF stores `FAST_TEST_ITERATIONS` and is
//! refused (`KdfTooWeak`) by every journal opened with `Standard`, so a test journal can never pass
//! for a real one, and a real app, which has only `Standard`, can never create a weak one.

mod anchor;
mod attempts;
pub mod backup;

pub mod chain;
pub mod crypto;
mod entries;
mod lifecycle;
mod model;
mod options;
pub mod passcode;
pub mod report;

mod records;
mod safety_plan;
mod schema;
mod session;
mod store;
mod vaults;

pub use anchor::ANCHOR_LEN;
pub use chain::{BrokenLink, Remembered, Verification};
pub use model::{Attachment, AttachmentInfo, Contact, DamagedEntry, Entry, EntryKind, EntryList, NewAttachment, NewEntry};
pub use options::{Kdf, KeyStore, Options};
pub use passcode::PasscodeWarning;
pub use report::ReportSummary;
pub use safety_plan::{SafetyPlan, TrustedAdult};
pub use session::Journal;

/// How many vaults, and so passcode slots, every file has (see `vaults`).
const VAULTS: usize = 3;
/// A key slot's id.
type SlotId = [u8; 16];

/// The version of the journal's file and record format; bound into every seal.
pub const FORMAT_VERSION: u32 = 2;
/// The least PBKDF2-HMAC-SHA256 iterations a stored passcode slot or backup may have outside tests.
pub const MIN_ITERATIONS: u32 = 600_000;
/// The PBKDF2-HMAC-SHA256 iterations of new passcode slots and backups: OWASP's recommendation
/// for PBKDF2-HMAC-SHA256. Raising it later re-wraps older journals as they are unlocked.
pub const DEFAULT_ITERATIONS: u32 = 600_000;
/// The iterations of [`Kdf::InsecureFastForTests`]: fast, and refused outside tests. Exists only
/// with the cargo feature `insecure-test-kdf`.
#[cfg(feature = "insecure-test-kdf")]
pub const FAST_TEST_ITERATIONS: u32 = 1_000;
/// The largest attachment, in bytes (20 MB: a long screenshot).
pub const MAX_ATTACHMENT_BYTES: usize = 20 * 1024 * 1024;
/// The longest entry text, in bytes.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;
/// The shortest passcode, in characters.
pub const MIN_PASSCODE_CHARS: usize = 6;

/// What can go wrong with the journal. Nothing stored changes when one of these is returned,
/// except the attempt counts: every passcode evaluation is counted before it runs.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// The passcode (or backup passphrase) does not open anything.
    #[error("the passcode is not right")]
    WrongPasscode,
    /// Too many wrong passcodes: wait before the next try.
    #[error("too many wrong passcodes; try again in {retry_after_seconds} seconds")]
    LockedOut {
        /// Seconds until the next try is allowed.
        retry_after_seconds: u64,
    },
    /// The journal is locked; unlock it first.
    #[error("the journal is locked; unlock it first")]
    Locked,
    /// A stored record was changed, damaged or moved; it names the record.
    #[error("{0} was changed or damaged and cannot be trusted")]
    Tampered(String),
    /// The database failed.
    #[error("storage error: {0}")]
    Storage(#[from] rusqlite::Error),
    /// The database opens but is not a usable Baken journal (no format version, no WAL).
    #[error("the journal database cannot be used: {0}")]
    Database(String),
    /// A file could not be read or written.
    #[error("file error: {what}: {source}")]
    Io {
        /// What was being read or written.
        what: String,
        /// The error of the file system.
        #[source]
        source: std::io::Error,
    },
    /// The journal's keys and records are destroyed, but some of its files are still there.
    #[error("the journal is destroyed, but these files could not be removed: {0}")]
    FilesLeft(String),
    /// There is already a journal there; nothing was overwritten.
    #[error("there is already a journal in {0}; it was not touched")]
    AlreadyExists(String),
    /// No journal, entry or attachment with that name or id.
    #[error("not found: {0}")]
    NotFound(String),
    /// The journal or backup was written by a newer (or unknown) format version.
    #[error("format version {found} is not supported (this version reads {supported})")]
    UnsupportedVersion {
        /// The version found.
        found: u32,
        /// The version this library reads.
        supported: u32,
    },
    /// An input is larger than allowed.
    #[error("{what} is too large (the limit is {limit} bytes)")]
    TooLarge {
        /// What was too large.
        what: String,
        /// The limit, in bytes.
        limit: usize,
    },
    /// An input is malformed: a bad time, id, media type or a too short passcode.
    #[error("{0}")]
    InvalidInput(String),
    /// The stored key-derivation cost is below the floor (a test journal, or a downgraded file).
    #[error("the passcode protection uses {0} iterations, fewer than the required {MIN_ITERATIONS}")]
    KdfTooWeak(u32),
    /// The platform key store is needed and missing, or it failed.
    #[error("the phone's key store: {0}")]
    KeyStore(String),
    /// The file is not a Baken backup, or it is cut short.
    #[error("this is not a complete Baken backup: {0}")]
    BadBackup(String),
    /// The secure random source or a cipher failed.
    #[error("the phone's cryptography failed")]
    Crypto,
}

impl JournalError {
    /// Turns a file system error while doing `what` (such as "writing the report") into an [`Io`](JournalError::Io).
    pub(crate) fn io(what: impl Into<String>) -> impl Fn(std::io::Error) -> JournalError {
        let what = what.into();
        move |source| JournalError::Io { what: what.clone(), source }
    }
}
