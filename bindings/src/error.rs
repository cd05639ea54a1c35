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
    /// A fault inside Baken itself, such as bundled data that does not load; not the caller's fault.
    #[error("{reason}")]
    Internal { reason: String },
}

impl From<baken_core::help::HelpError> for BakenError {
    fn from(e: baken_core::help::HelpError) -> Self {
        use baken_core::help::HelpError::*;
        let reason = e.to_string();
        match e {
            MalformedCountry(_) => BakenError::InvalidInput { reason },
            UnknownCountry(_) => BakenError::NotFound { reason },
        }
    }
}
