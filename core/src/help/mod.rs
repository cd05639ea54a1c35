//! Help services: the directory, opening hours, public holidays, and routing to the one that can
//! help now.
//!
//! The directory is data (`content/help/*.toml`, one file per country or region, with the
//! country's public holidays as rules), loaded once and checked; [`route`] ranks the ways to reach
//! help for a situation, a person (a young person, a parent or a professional) and a moment. Any
//! ISO 3166-1 country gets at least the worldwide tools and an emergency route
//! (`content/countries.toml` lists the codes).

mod asker;
mod country;
mod directory;
mod emergency;
mod error;
mod holidays;
mod hours;
mod route;
mod texts;
mod topic;

pub use asker::Asker;
pub use country::Country;
pub use directory::{Audience, Channel, ChannelKind, Directory, Service};
pub use emergency::{emergency, EmergencyNumber};
pub use error::{HelpError, YEARS};
pub use holidays::{easter, Calendar, Holiday, HolidayPolicy};
pub use hours::{Availability, Hours, OnHolidays, Period};
pub use route::{parse_time, Person, Route, Situation, LOCAL_EMERGENCY};
pub use topic::{Topic, UnknownTopic};

use crate::content::LintIssue;
use chrono::{DateTime, FixedOffset};

/// Ranked routes from the bundled directory; see [`Directory::route`].
pub fn route(situation: &Situation, country: &str, person: &Person, now: DateTime<FixedOffset>) -> Result<Vec<Route>, HelpError> {
    Directory::bundled().route(situation, country, person, now)
}

/// The public holidays of `country` in `year` from the bundled data; an empty list for a country
/// whose holidays are not known, a typed error for a year outside [`YEARS`].
pub fn holidays(country: &str, year: i32) -> Result<Vec<Holiday>, HelpError> {
    let country: Country = country.parse()?;
    match Directory::bundled().calendar(country) {
        Some(calendar) => calendar.holidays(year),
        None => holidays::in_range(year).map(|_| Vec::new()),
    }
}

/// A note to show above the routes when the directory has no services of `country`'s own, such as
/// "Baken does not know the local help services in your country yet."
pub fn coverage_note(country: &str, language: crate::language::Language) -> Result<Option<String>, HelpError> {
    let country: Country = country.parse()?;
    Ok((!Directory::bundled().knows_local_services(country)).then(|| texts::not_known_yet(language).to_string()))
}

/// The bundled services for `country` (all when `None`) that cover `topic` (all when `None`).
pub fn services(country: Option<&str>, topic: Option<Topic>) -> Result<Vec<&'static Service>, HelpError> {
    let directory = Directory::bundled();
    let all: Vec<&Service> = match country {
        Some(code) => directory.serving(code)?.1.collect(),
        None => directory.services().iter().collect(),
    };
    Ok(all.into_iter().filter(|s| topic.is_none_or(|t| s.topics.contains(&t))).collect())
}

/// Checks the bundled help data.
pub fn lint(issues: &mut Vec<LintIssue>) {
    directory::lint(issues);
}
