//! What can go wrong when asking for help, below every module of `help` that can fail.

use super::topic::UnknownTopic;
use crate::content::LintIssue;
use crate::language::UnsupportedLanguage;
use crate::signal::UnknownId;
use std::ops::RangeInclusive;

/// The years holidays are known for: the rules as written hold from 2014 (King's Day on 27 April)
/// on; later rule changes can only be known when they are made.
pub const YEARS: RangeInclusive<i32> = 2014..=2200;

/// What can go wrong when asking for help routes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HelpError {
    /// Not a two-letter ISO 3166-1 country code.
    #[error("'{0}' is not a country code: use two letters, such as NL")]
    MalformedCountry(String),
    /// Two letters, but not an officially assigned ISO 3166-1 code.
    #[error("'{0}' is not an ISO 3166-1 country code, such as NL, BE, GB or US")]
    UnknownCountry(String),
    /// A country for which the help data has no emergency number.
    #[error("no emergency number is known for country '{0}': call your local emergency number")]
    NoEmergencyNumber(String),
    /// Not one of the audiences Baken writes for.
    #[error("'{0}' is not an audience: use teen, parent or professional")]
    UnknownAudience(String),
    /// A year outside the years public holidays are known for.
    #[error("{0} is outside the years Baken knows public holidays for ({start} to {end})", start = YEARS.start(), end = YEARS.end())]
    YearOutOfRange(i32),
    /// Not a help topic or signal id.
    #[error(transparent)]
    UnknownTopic(#[from] UnknownTopic),
    /// Not a signal or level id.
    #[error(transparent)]
    UnknownId(#[from] UnknownId),
    /// A language Baken has no texts in.
    #[error(transparent)]
    UnsupportedLanguage(#[from] UnsupportedLanguage),
    /// A moment not written in RFC 3339.
    #[error("'{0}' is not a time in RFC 3339 form, such as 2026-11-28T21:30:00+01:00")]
    MalformedTime(String),
    /// Help data with problems, each named.
    #[error("the help data has problems: {}", .0.iter().map(|i| format!("{}: {}", i.file, i.message)).collect::<Vec<_>>().join("; "))]
    InvalidData(Vec<LintIssue>),
}
