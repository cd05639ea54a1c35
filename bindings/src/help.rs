//! Help services and routing.

use crate::BakenError;
use baken_core::help;

/// The number to call when someone is in danger right now.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EmergencyNumber {
    /// Two-letter country code, upper case.
    pub country: String,
    /// The number to dial.
    pub number: String,
    /// A `tel:` URI to hand to the phone app after the user taps.
    pub action_uri: String,
    /// A page that confirms the number.
    pub source: String,
    /// The day the source was checked, `YYYY-MM-DD`.
    pub verified_on: String,
}

/// The emergency number for a country code such as `"NL"`.
#[uniffi::export]
pub fn emergency_number(country: String) -> Result<EmergencyNumber, BakenError> {
    let e = help::emergency(&country)?;
    Ok(EmergencyNumber {
        country: e.country.to_string(),
        action_uri: format!("tel:{}", e.number),
        number: e.number,
        source: e.source,
        verified_on: e.verified_on,
    })
}

impl From<help::HelpError> for BakenError {
    fn from(e: help::HelpError) -> Self {
        use help::HelpError::*;
        let reason = e.to_string();
        match e {
            UnknownCountry(_) => BakenError::NotFound { reason },
            MalformedCountry(_) | UnknownTopic(_) | UnknownId(_) | UnsupportedLanguage(_) | MalformedTime(_) | InvalidData(_) => {
                BakenError::InvalidInput { reason }
            }
        }
    }
}
