//! The emergency number of each country, from `content/help/emergency.toml`.

use super::{Country, HelpError};
use crate::content::{self, LintIssue};
use serde::Deserialize;
use std::sync::OnceLock;

const FILE: &str = "help/emergency.toml";

/// The number to call when someone is in danger right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmergencyNumber {
    /// The country it serves.
    pub country: Country,
    /// The number to dial, such as `"112"`.
    pub number: String,
    /// A page that confirms the number.
    pub source: String,
    /// The day the source was checked, `YYYY-MM-DD`.
    pub verified_on: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    emergency: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    number: String,
    countries: Vec<String>,
    source: String,
    verified_on: String,
}

fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| parse().map(|f| f.emergency).unwrap_or_default())
}

fn parse() -> Result<File, String> {
    let (_, text) = content::files_under(FILE).next().ok_or(format!("{FILE} is missing"))?;
    toml::from_str(text).map_err(|e| e.to_string())
}

/// The emergency number for `country` (a code such as `"NL"`).
pub fn emergency(country: &str) -> Result<EmergencyNumber, HelpError> {
    let country: Country = country.parse()?;
    entries()
        .iter()
        .find(|e| e.countries.iter().any(|c| c == country.as_str()))
        .map(|e| EmergencyNumber {
            country,
            number: e.number.clone(),
            source: e.source.clone(),
            verified_on: e.verified_on.clone(),
        })
        .ok_or_else(|| HelpError::UnknownCountry(country.to_string()))
}

pub(super) fn lint(issues: &mut Vec<LintIssue>) {
    let mut report = |message: String| issues.push(LintIssue { file: FILE.into(), message });
    let file = match parse() {
        Ok(file) => file,
        Err(e) => return report(e),
    };
    let mut seen = std::collections::HashSet::new();
    for e in &file.emergency {
        if !e.source.starts_with("https://") && !e.source.starts_with("http://") {
            report(format!("emergency number {} has no source address", e.number));
        }
        if chrono::NaiveDate::parse_from_str(&e.verified_on, "%Y-%m-%d").is_err() {
            report(format!("emergency number {} has no valid verified_on date", e.number));
        }
        if e.number.is_empty() || !e.number.bytes().all(|b| b.is_ascii_digit()) {
            report(format!("emergency number '{}' is not a dialable number", e.number));
        }
        for c in &e.countries {
            if c.parse::<Country>().map(|p| p.as_str() != c).unwrap_or(true) {
                report(format!("'{c}' is not an upper-case country code"));
            }
            if !seen.insert(c.clone()) {
                report(format!("country {c} has more than one emergency number"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn netherlands_and_the_eu_dial_112_with_a_source() {
        for code in ["NL", "nl", "BE", "DE", "FR", "PL"] {
            let e = emergency(code).unwrap();
            assert_eq!(e.number, "112", "{code}");
            assert!(e.source.starts_with("https://"), "{code}");
        }
    }

    #[test]
    fn unknown_and_malformed_codes_are_typed_errors_naming_the_code() {
        assert_eq!(emergency("ZZ"), Err(HelpError::UnknownCountry("ZZ".into())));
        let err = emergency("NLD").unwrap_err();
        assert_eq!(err, HelpError::MalformedCountry("NLD".into()));
        assert!(err.to_string().contains("NLD"));
    }

    #[test]
    fn bundled_emergency_data_is_clean() {
        let mut issues = Vec::new();
        lint(&mut issues);
        assert!(issues.is_empty(), "{issues:?}");
    }
}
