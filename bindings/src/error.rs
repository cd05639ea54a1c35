//! The one error type every binding throws. Each variant carries a readable `reason`.

/// An error from Baken; `reason` says what went wrong in plain words.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum BakenError {
    /// The input was not understood: a malformed code, an unknown id or language, bad syntax.
    #[error("{reason}")]
    InvalidInput { reason: String },
    /// Something Baken knows nothing about, such as a country without help data.
    #[error("{reason}")]
    NotFound { reason: String },
    /// The journal passcode or backup passphrase is not right. Nothing else changed.
    #[error("{reason}")]
    WrongPasscode { reason: String },
    /// Too many wrong passcodes: the next try is allowed after `retry_after_seconds`.
    #[error("{reason}")]
    LockedOut { reason: String, retry_after_seconds: u64 },
    /// The journal is locked; unlock it first.
    #[error("{reason}")]
    JournalLocked { reason: String },
    /// Stored data was changed or damaged and cannot be trusted; `reason` names the record.
    #[error("{reason}")]
    Tampered { reason: String },
    /// Reading or writing files or the database failed.
    #[error("{reason}")]
    Storage { reason: String },
    /// Something is already there (a journal, a file) and was not overwritten.
    #[error("{reason}")]
    AlreadyExists { reason: String },
    /// A file was written by a newer version of Baken.
    #[error("{reason}")]
    UnsupportedVersion { reason: String },
    /// An input is larger than allowed, such as an attachment over 20 MB.
    #[error("{reason}")]
    TooLarge { reason: String },
    /// The phone's key store (implemented by the app) failed or is missing.
    #[error("{reason}")]
    Platform { reason: String },
    /// A fault inside Baken itself, such as bundled data that does not load; not the caller's fault.
    #[error("{reason}")]
    Internal { reason: String },
}
