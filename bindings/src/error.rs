//! The one error type every binding throws, and every conversion into it: the one place that
//! decides whose fault a failure is. Input the caller can fix is `InvalidInput` (or a more precise
//! variant); bundled data that does not load is `Internal`, never the caller's fault.
//!
//! Core errors keep their typed sources (`rusqlite::Error`, `io::Error`, ...) inside the core; they
//! are flattened to a `reason` only here. A reason can name a file path inside the app's own
//! folder, never a passcode, an entry's text or a key.

use baken_core::chat::{ChatError, EvidenceError, ScanError};
use baken_core::check::CheckError;
use baken_core::checklist::ChecklistError;
use baken_core::help::HelpError;
use baken_core::journal::JournalError;
use baken_core::language::UnsupportedLanguage;
use baken_core::library::LibraryError;
use baken_core::signal_text::MissingSignalText;

/// An error from Baken; `reason` says what went wrong in plain words.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum BakenError {
    /// The input was not understood: a malformed code, an unknown id or language, bad syntax.
    #[error("{reason}")]
    InvalidInput {
        /// What went wrong, in plain words.
        reason: String,
    },
    /// Something Baken knows nothing about, such as a country without help data.
    #[error("{reason}")]
    NotFound {
        /// What went wrong, in plain words.
        reason: String,
    },
    /// The journal passcode or backup passphrase is not right. Nothing else changed.
    #[error("{reason}")]
    WrongPasscode {
        /// What went wrong, in plain words.
        reason: String,
    },
    /// Too many wrong passcodes: the next try is allowed after `retry_after_seconds`.
    #[error("{reason}")]
    LockedOut {
        /// What went wrong, in plain words.
        reason: String,
        /// Seconds until the next try is allowed.
        retry_after_seconds: u64,
    },
    /// The journal is locked; unlock it first.
    #[error("{reason}")]
    JournalLocked {
        /// What went wrong, in plain words.
        reason: String,
    },
    /// Stored data was changed or damaged and cannot be trusted; `reason` names the record.
    #[error("{reason}")]
    Tampered {
        /// What went wrong, in plain words.
        reason: String,
    },
    /// Reading or writing files or the database failed.
    #[error("{reason}")]
    Storage {
        /// What went wrong, in plain words.
        reason: String,
    },
    /// Something is already there (a journal, a file) and was not overwritten.
    #[error("{reason}")]
    AlreadyExists {
        /// What went wrong, in plain words.
        reason: String,
    },
    /// A file was written by a newer version of Baken.
    #[error("{reason}")]
    UnsupportedVersion {
        /// What went wrong, in plain words.
        reason: String,
    },
    /// An input is larger than allowed, such as an attachment over 20 MB.
    #[error("{reason}")]
    TooLarge {
        /// What went wrong, in plain words.
        reason: String,
    },
    /// The phone's key store (implemented by the app) failed or is missing.
    #[error("{reason}")]
    Platform {
        /// What went wrong, in plain words.
        reason: String,
    },
    /// A fault inside Baken itself, such as bundled data that does not load; not the caller's fault.
    #[error("{reason}")]
    Internal {
        /// What went wrong, in plain words.
        reason: String,
    },
}

impl BakenError {
    fn invalid_input(e: impl ToString) -> Self {
        BakenError::InvalidInput { reason: e.to_string() }
    }

    fn internal(e: impl ToString) -> Self {
        BakenError::Internal { reason: e.to_string() }
    }
}

impl From<UnsupportedLanguage> for BakenError {
    fn from(e: UnsupportedLanguage) -> Self {
        BakenError::invalid_input(e)
    }
}

impl From<CheckError> for BakenError {
    fn from(e: CheckError) -> Self {
        match e {
            CheckError::TooLarge { .. } | CheckError::Language(_) => BakenError::invalid_input(e),
            CheckError::Rules(_) => BakenError::internal(e),
        }
    }
}

impl From<ChatError> for BakenError {
    fn from(e: ChatError) -> Self {
        match e {
            ChatError::TooLarge { .. } => BakenError::TooLarge { reason: e.to_string() },
            ChatError::Empty | ChatError::UnknownFormat | ChatError::Damaged { .. } => BakenError::invalid_input(e),
        }
    }
}

impl From<ScanError> for BakenError {
    fn from(e: ScanError) -> Self {
        match e {
            ScanError::UnknownMe { .. } => BakenError::invalid_input(e),
            ScanError::Check(e) => e.into(),
        }
    }
}

impl From<EvidenceError> for BakenError {
    fn from(e: EvidenceError) -> Self {
        match e {
            EvidenceError::UnknownContact(_) => BakenError::invalid_input(e),
        }
    }
}

impl From<ChecklistError> for BakenError {
    fn from(e: ChecklistError) -> Self {
        use ChecklistError::*;
        match e {
            InvalidContent(_) => BakenError::internal(e),
            UnknownAudience(_) | UnsupportedLanguage(_) | UnknownQuestion(_) | UnknownAnswer { .. } | MissingAnswer(_) | NotAsked { .. } => {
                BakenError::invalid_input(e)
            }
        }
    }
}

/// A signal without an explanation in a language: the bundled texts are incomplete.
impl From<MissingSignalText> for BakenError {
    fn from(e: MissingSignalText) -> Self {
        BakenError::internal(e)
    }
}

impl From<LibraryError> for BakenError {
    fn from(e: LibraryError) -> Self {
        match e {
            LibraryError::UnknownArticle { .. } => BakenError::NotFound { reason: e.to_string() },
            LibraryError::Language(_) | LibraryError::UnknownId(_) => BakenError::invalid_input(e),
            LibraryError::InvalidContent { .. } => BakenError::internal(e),
        }
    }
}

impl From<HelpError> for BakenError {
    fn from(e: HelpError) -> Self {
        use HelpError::*;
        match e {
            NoEmergencyNumber(_) => BakenError::NotFound { reason: e.to_string() },
            MalformedCountry(_)
            | UnknownCountry(_)
            | UnknownAudience(_)
            | YearOutOfRange(_)
            | UnknownTopic(_)
            | UnknownId(_)
            | UnsupportedLanguage(_)
            | MalformedTime(_) => BakenError::invalid_input(e),
            InvalidData(_) => BakenError::internal(e),
        }
    }
}

impl From<JournalError> for BakenError {
    fn from(e: JournalError) -> Self {
        use JournalError::*;
        let reason = e.to_string();
        match e {
            WrongPasscode => BakenError::WrongPasscode { reason },
            LockedOut { retry_after_seconds } => BakenError::LockedOut { reason, retry_after_seconds },
            Locked => BakenError::JournalLocked { reason },
            Tampered(_) => BakenError::Tampered { reason },
            Storage(_) | Database(_) | Io { .. } | FilesLeft(_) | Crypto => BakenError::Storage { reason },
            AlreadyExists(_) => BakenError::AlreadyExists { reason },
            NotFound(_) => BakenError::NotFound { reason },
            UnsupportedVersion { .. } => BakenError::UnsupportedVersion { reason },
            TooLarge { .. } => BakenError::TooLarge { reason },
            InvalidInput(_) | KdfTooWeak(_) | BadBackup(_) => BakenError::InvalidInput { reason },
            KeyStore(_) => BakenError::Platform { reason },
        }
    }
}

/// The app's `KeyStore` threw something other than a `BakenException`.
impl From<uniffi::UnexpectedUniFFICallbackError> for BakenError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        BakenError::Platform { reason: e.reason }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baken_core::content::LintIssue;
    use baken_core::signal::{Signal, UnknownId};

    /// The variant's name, such as `InvalidInput`.
    fn variant(e: impl Into<BakenError>) -> String {
        format!("{:?}", e.into()).split([' ', '{']).next().unwrap_or_default().to_string()
    }

    fn assert_all<E: Into<BakenError> + std::fmt::Debug + Clone>(cases: Vec<(E, &str)>) {
        for (error, expected) in cases {
            assert_eq!(variant(error.clone()), expected, "{error:?}");
        }
    }

    fn unknown_id() -> UnknownId {
        "nudes".parse::<Signal>().unwrap_err()
    }

    fn language() -> UnsupportedLanguage {
        UnsupportedLanguage("fr".into())
    }

    #[test]
    fn check_errors() {
        let rules = baken_core::check::RuleError(vec!["nl.toml: broken".into()]);
        assert_all(vec![
            (CheckError::TooLarge { len: 2, max: 1 }, "InvalidInput"),
            (CheckError::Language(language()), "InvalidInput"),
            (CheckError::Rules(rules), "Internal"),
        ]);
    }

    #[test]
    fn chat_and_scan_errors() {
        assert_all(vec![
            (ChatError::Empty, "InvalidInput"),
            (ChatError::UnknownFormat, "InvalidInput"),
            (ChatError::Damaged { format: "telegram", detail: "line 3".into() }, "InvalidInput"),
            (ChatError::TooLarge { limit: 1 }, "TooLarge"),
        ]);
        assert_eq!(variant(ScanError::UnknownMe { me: "x".into(), participants: "a, b".into() }), "InvalidInput");
        assert_eq!(variant(EvidenceError::UnknownContact("x".into())), "InvalidInput");
        assert_eq!(variant(ScanError::Check(CheckError::Rules(baken_core::check::RuleError(vec![])))), "Internal");
        assert_eq!(variant(ScanError::Check(CheckError::TooLarge { len: 2, max: 1 })), "InvalidInput");
    }

    #[test]
    fn checklist_errors_and_missing_texts() {
        let s = || "x".to_string();
        assert_all(vec![
            (ChecklistError::UnknownAudience(s()), "InvalidInput"),
            (ChecklistError::UnsupportedLanguage(language()), "InvalidInput"),
            (ChecklistError::UnknownQuestion(s()), "InvalidInput"),
            (ChecklistError::UnknownAnswer { question: s(), answer: s(), options: s() }, "InvalidInput"),
            (ChecklistError::MissingAnswer(s()), "InvalidInput"),
            (ChecklistError::NotAsked { question: s(), gate: s() }, "InvalidInput"),
            (ChecklistError::InvalidContent(s()), "Internal"),
        ]);
        assert_eq!(variant(MissingSignalText { signal: Signal::Threat, language: "nl".parse().unwrap() }), "Internal");
        assert_eq!(variant(language()), "InvalidInput");
    }

    #[test]
    fn library_errors_broken_bundle_is_internal() {
        let broken = LibraryError::InvalidContent { file: "library/nl/x.md".into(), problem: baken_core::library::ContentError::NoSource };
        assert_all(vec![
            (LibraryError::UnknownArticle { id: "x".into(), language: "en".parse().unwrap() }, "NotFound"),
            (LibraryError::Language(language()), "InvalidInput"),
            (LibraryError::UnknownId(unknown_id()), "InvalidInput"),
            (broken, "Internal"),
        ]);
    }

    #[test]
    fn help_errors_broken_directory_is_internal() {
        let s = || "x".to_string();
        let issue = LintIssue { file: "help/nl.toml".into(), message: "no source".into() };
        assert_all(vec![
            (HelpError::MalformedCountry(s()), "InvalidInput"),
            (HelpError::UnknownCountry(s()), "InvalidInput"),
            (HelpError::NoEmergencyNumber(s()), "NotFound"),
            (HelpError::UnknownAudience(s()), "InvalidInput"),
            (HelpError::YearOutOfRange(1900), "InvalidInput"),
            (HelpError::UnknownTopic(baken_core::help::UnknownTopic(s())), "InvalidInput"),
            (HelpError::UnknownId(unknown_id()), "InvalidInput"),
            (HelpError::UnsupportedLanguage(language()), "InvalidInput"),
            (HelpError::MalformedTime(s()), "InvalidInput"),
            (HelpError::InvalidData(vec![issue]), "Internal"),
        ]);
    }

    #[test]
    fn journal_errors() {
        let s = || "x".to_string();
        let cases = vec![
            (JournalError::WrongPasscode, "WrongPasscode"),
            (JournalError::LockedOut { retry_after_seconds: 30 }, "LockedOut"),
            (JournalError::Locked, "JournalLocked"),
            (JournalError::Tampered(s()), "Tampered"),
            (JournalError::Storage(rusqlite::Error::QueryReturnedNoRows), "Storage"),
            (JournalError::Database(s()), "Storage"),
            (JournalError::Io { what: s(), source: std::io::Error::other("disk full") }, "Storage"),
            (JournalError::FilesLeft(s()), "Storage"),
            (JournalError::Crypto, "Storage"),
            (JournalError::AlreadyExists(s()), "AlreadyExists"),
            (JournalError::NotFound(s()), "NotFound"),
            (JournalError::UnsupportedVersion { found: 9, supported: 1 }, "UnsupportedVersion"),
            (JournalError::TooLarge { what: s(), limit: 1 }, "TooLarge"),
            (JournalError::InvalidInput(s()), "InvalidInput"),
            (JournalError::KdfTooWeak(1), "InvalidInput"),
            (JournalError::BadBackup(s()), "InvalidInput"),
            (JournalError::KeyStore(s()), "Platform"),
        ];
        for (error, expected) in cases {
            let shown = error.to_string();
            assert_eq!(variant(error), expected, "{shown}");
        }
        let BakenError::LockedOut { retry_after_seconds, .. } = JournalError::LockedOut { retry_after_seconds: 30 }.into() else { unreachable!() };
        assert_eq!(retry_after_seconds, 30);
    }

    #[test]
    fn unexpected_callback_errors_are_platform() {
        assert_eq!(variant(uniffi::UnexpectedUniFFICallbackError::new("KeyError")), "Platform");
    }
}
