//! Help services: who to call, and the emergency number of each country.

mod country;
mod emergency;
mod topic;

pub use country::Country;
pub use emergency::{emergency, EmergencyNumber};
pub use topic::{Topic, UnknownTopic};

use crate::content::LintIssue;

/// What can go wrong when asking for help routes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HelpError {
    /// Not a two-letter ISO 3166-1 country code.
    #[error("'{0}' is not a country code: use two letters, such as NL")]
    MalformedCountry(String),
    /// A well-formed code for which Baken has no help data.
    #[error("no help services are known for country '{0}'")]
    UnknownCountry(String),
}

/// Checks the bundled help data.
pub fn lint(issues: &mut Vec<LintIssue>) {
    emergency::lint(issues);
}
