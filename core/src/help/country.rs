//! ISO 3166-1 alpha-2 country codes, as typed by a person ("nl", " NL "), checked against the
//! officially assigned codes in `content/countries.toml`.

use super::HelpError;
use crate::content;
use serde::Deserialize;
use std::sync::OnceLock;
use std::{fmt, str::FromStr};

/// An officially assigned two-letter country code, upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country([u8; 2]);

impl Country {
    /// The code as text, such as `"NL"`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("always two ASCII letters")
    }
}

#[derive(Deserialize)]
struct Codes {
    codes: Vec<String>,
}

/// The assigned codes, sorted, read once from the bundled list.
fn assigned() -> &'static [[u8; 2]] {
    static CODES: OnceLock<Vec<[u8; 2]>> = OnceLock::new();
    CODES.get_or_init(|| {
        let text = content::files_under("countries.toml").next().map_or("", |(_, text)| text);
        let mut codes: Vec<[u8; 2]> =
            content::read::<Codes>(text).map(|c| c.codes).unwrap_or_default().iter().filter_map(|c| c.as_bytes().try_into().ok()).collect();
        codes.sort();
        codes
    })
}

impl FromStr for Country {
    type Err = HelpError;

    fn from_str(text: &str) -> Result<Self, HelpError> {
        match text.trim().as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                let code = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
                match assigned().binary_search(&code) {
                    Ok(_) => Ok(Country(code)),
                    Err(_) => Err(HelpError::UnknownCountry(text.trim().to_string())),
                }
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
        assert_eq!("ca".parse::<Country>().unwrap().as_str(), "CA");
    }

    #[test]
    fn the_bundled_list_has_every_assigned_code() {
        assert_eq!(assigned().len(), 249);
        for code in ["AX", "GB", "SS", "US", "ZW"] {
            assert!(code.parse::<Country>().is_ok(), "{code}");
        }
    }

    #[test]
    fn rejects_malformed_and_unassigned_codes_naming_them() {
        for bad in ["", "N", "NLD", "N1", "ÑL", "12"] {
            assert_eq!(bad.parse::<Country>(), Err(HelpError::MalformedCountry(bad.into())));
        }
        for unassigned in ["ZZ", "UK", "EU", "xx"] {
            assert_eq!(unassigned.parse::<Country>(), Err(HelpError::UnknownCountry(unassigned.into())));
        }
    }
}
