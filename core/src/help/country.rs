//! ISO 3166-1 alpha-2 country codes, as typed by a person ("nl", " NL ").

use super::HelpError;
use std::{fmt, str::FromStr};

/// A well-formed two-letter country code, upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country([u8; 2]);

impl Country {
    /// The code as text, such as `"NL"`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("always two ASCII letters")
    }
}

impl FromStr for Country {
    type Err = HelpError;

    fn from_str(text: &str) -> Result<Self, HelpError> {
        match text.trim().as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Ok(Country([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
            }
            _ => Err(HelpError::MalformedCountry(text.to_string())),
        }
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_codes_as_people_type_them() {
        assert_eq!("nl".parse::<Country>().unwrap().as_str(), "NL");
        assert_eq!(" Be ".parse::<Country>().unwrap().as_str(), "BE");
    }

    #[test]
    fn rejects_malformed_codes_naming_them() {
        for bad in ["", "N", "NLD", "N1", "ÑL", "12"] {
            assert_eq!(bad.parse::<Country>(), Err(HelpError::MalformedCountry(bad.into())));
        }
    }
}
