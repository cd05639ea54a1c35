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
}
