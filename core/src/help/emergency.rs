//! The emergency number of each country: the directory's emergency service with a phone line.

use super::{ChannelKind, Country, Directory, HelpError, Hours};

/// The number to call when someone is in danger right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmergencyNumber {
    /// The country it serves.
    pub country: Country,
    /// The number as written, such as `"112"`.
    pub number: String,
    /// The `tel:` URI to hand to the phone app.
    pub action_uri: String,
    /// A page that confirms the number.
    pub source: String,
    /// The day the source was checked, `YYYY-MM-DD`.
    pub verified_on: String,
}

impl Directory {
    /// The emergency number for `country`: a line known to be always open first, then the most local one.
    pub fn emergency(&self, country: &str) -> Result<EmergencyNumber, HelpError> {
        let (country, services) = self.serving(country)?;
        services
            .filter(|s| s.immediate_danger)
            .flat_map(|s| s.channels.iter().filter(|c| c.kind == ChannelKind::Phone).map(move |c| (s, c)))
            .min_by_key(|(s, c)| (c.hours != Hours::Always, s.countries.len()))
            .map(|(_, c)| EmergencyNumber {
                country,
                number: c.address.clone(),
                action_uri: c.action_uri.clone().unwrap_or_default(),
                source: c.source.clone(),
                verified_on: c.verified_on.to_string(),
            })
            .ok_or_else(|| HelpError::NoEmergencyNumber(country.to_string()))
    }
}

/// The emergency number for `country` (a code such as `"NL"`), from the bundled directory.
pub fn emergency(country: &str) -> Result<EmergencyNumber, HelpError> {
    Directory::bundled().emergency(country)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn netherlands_and_the_eu_dial_112_with_a_source() {
        for code in ["NL", "nl", "BE", "DE", "FR", "PL"] {
            let e = emergency(code).unwrap();
            assert_eq!(e.number, "112", "{code}");
            assert!(e.source.starts_with("http"), "{code}");
        }
    }

    #[test]
    fn unknown_and_malformed_codes_are_typed_errors_naming_the_code() {
        assert_eq!(emergency("ZZ"), Err(HelpError::UnknownCountry("ZZ".into())));
        assert_eq!(emergency("CA"), Err(HelpError::NoEmergencyNumber("CA".into())));
        let err = emergency("NLD").unwrap_err();
        assert_eq!(err, HelpError::MalformedCountry("NLD".into()));
        assert!(err.to_string().contains("NLD"));
    }
}
