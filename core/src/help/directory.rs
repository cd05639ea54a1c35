//! The help directory: services and their channels, loaded from `content/help/*.toml` and checked.
//!
//! Loading never stops at the first problem: an entry with a problem is left out and the problem
//! is reported, so one bad line cannot hide the emergency number. `content lint` shows every problem.

use super::holidays::{Calendar, HolidayPolicy, RawCalendar};
use super::{hours::Period, Country, HelpError, Hours, Topic};
use crate::content::{self, LintIssue};
use crate::language::Language;
use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

/// Who a service is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Children and teenagers.
    YoungPeople,
    /// Parents and carers.
    Parents,
    /// Support workers, teachers, police.
    Professionals,
    /// Everyone.
    Anyone,
}

/// How a service can be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// A phone call.
    Phone,
    /// A text message (SMS).
    Text,
    /// A live chat on a web page.
    Chat,
    /// A form on a web page.
    WebForm,
    /// An e-mail.
    Email,
    /// A web page with information or a self-help tool.
    Website,
    /// A place to go to.
    WalkIn,
}

impl ChannelKind {
    /// The stable id, such as `"web_form"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChannelKind::Phone => "phone",
            ChannelKind::Text => "text",
            ChannelKind::Chat => "chat",
            ChannelKind::WebForm => "web_form",
            ChannelKind::Email => "email",
            ChannelKind::Website => "website",
            ChannelKind::WalkIn => "walk_in",
        }
    }
}

/// One verified way to reach a service. Unverified channels are not loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    /// Phone, chat, ...
    pub kind: ChannelKind,
    /// The number, address or URL as the service writes it.
    pub address: String,
    /// For a text channel: the word to send.
    pub keyword: Option<String>,
    /// What the app hands to the phone after a tap (`tel:`, `sms:`, `mailto:`, `https:`); none for a walk-in.
    pub action_uri: Option<String>,
    /// A page confirming this contact detail.
    pub source: String,
    /// The day that source was checked.
    pub verified_on: NaiveDate,
    /// When it answers.
    pub hours: Hours,
    /// A page confirming the hours, when they are known.
    pub hours_source: Option<String>,
}

/// A help service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    /// Unique id, such as `"nl-kindertelefoon"`.
    pub id: String,
    /// Name as the service writes it.
    pub name: String,
    /// The countries it serves (empty when it serves anyone anywhere, see `worldwide`).
    pub countries: Vec<Country>,
    /// Usable from anywhere (online tools).
    pub worldwide: bool,
    /// Who it is for.
    pub audiences: Vec<Audience>,
    /// Youngest age served, when a source says.
    pub min_age: Option<u8>,
    /// Oldest age served, when a source says.
    pub max_age: Option<u8>,
    /// What it helps with, its focus first (see the routing's `FOCUS`).
    pub topics: Vec<Topic>,
    /// Languages a person can use with it (ISO 639-1; empty when no source says).
    pub languages: Vec<String>,
    /// Free of charge, when a source says.
    pub free: Option<bool>,
    /// Anonymous, when a source says.
    pub anonymous: Option<bool>,
    /// The zone its opening hours are written in.
    pub timezone: Tz,
    /// A page confirming the service and what it does.
    pub source: String,
    /// The day that source was checked.
    pub verified_on: NaiveDate,
    /// One plain sentence or two per content language.
    pub description: BTreeMap<Language, String>,
    /// An emergency number (112, 999, 911).
    pub immediate_danger: bool,
    /// A line for anonymous tips about crime, which does not help victims themselves; never a
    /// first route.
    pub tip_line: bool,
    /// What its scheduled channels do on public holidays.
    pub holidays: HolidayPolicy,
    /// Its verified channels.
    pub channels: Vec<Channel>,
}

impl Service {
    /// Whether it serves people in `country`.
    pub fn serves(&self, country: Country) -> bool {
        self.worldwide || self.countries.contains(&country)
    }

    /// The description in `language`.
    pub fn description(&self, language: Language) -> &str {
        self.description.get(&language).map(String::as_str).unwrap_or_default()
    }
}

/// A set of help services and the public holidays of their countries.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    services: Vec<Service>,
    calendars: Vec<Calendar>,
}

impl Directory {
    /// Loads `(file name, text)` pairs, each text as the build script bundles a help file (its TOML
    /// as JSON, `bundle.rs`); any problem is an error listing every problem.
    pub fn parse(files: &[(&str, &str)]) -> Result<Directory, HelpError> {
        match load(files.iter().copied()) {
            (directory, issues) if issues.is_empty() => Ok(directory),
            (_, issues) => Err(HelpError::InvalidData(issues)),
        }
    }

    /// The directory bundled with the app, loaded once. Entries with problems are left out.
    pub fn bundled() -> &'static Directory {
        static BUNDLED: OnceLock<Directory> = OnceLock::new();
        BUNDLED.get_or_init(|| load(content::files_under(PREFIX)).0)
    }

    /// Every service, in file order.
    pub fn services(&self) -> &[Service] {
        &self.services
    }

    /// The services for `country` (for a country without services of its own, the worldwide
    /// ones); an error when the code is malformed or not an ISO 3166-1 country.
    pub fn serving(&self, country: &str) -> Result<(Country, impl Iterator<Item = &Service>), HelpError> {
        let country: Country = country.parse()?;
        Ok((country, self.services.iter().filter(move |s| s.serves(country))))
    }

    /// Whether the directory has services of `country`'s own, beyond worldwide and EU-wide ones.
    pub fn knows_local_services(&self, country: Country) -> bool {
        self.services.iter().any(|s| s.countries == [country])
    }

    /// The public holidays of `country`, when the directory has them.
    pub fn calendar(&self, country: Country) -> Option<&Calendar> {
        self.calendars.iter().find(|c| c.country == country)
    }
}

const PREFIX: &str = "help/";

/// Checks the bundled help data.
pub(super) fn lint(issues: &mut Vec<LintIssue>) {
    issues.extend(load(content::files_under(PREFIX)).1);
}

/// A country file: its services, and the country's public holidays.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(bound = "S: Deserialize<'de>, C: Deserialize<'de>")]
struct RawFile<S, C> {
    #[serde(default = "Vec::new")]
    service: Vec<S>,
    holidays: Option<C>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawService {
    id: String,
    name: String,
    countries: Vec<String>,
    audiences: Vec<Audience>,
    min_age: Option<u8>,
    max_age: Option<u8>,
    topics: Vec<String>,
    languages: Vec<String>,
    free: Option<bool>,
    anonymous: Option<bool>,
    timezone: String,
    source: String,
    verified_on: String,
    description: BTreeMap<String, String>,
    #[serde(default)]
    immediate_danger: bool,
    #[serde(default)]
    tip_line: bool,
    holidays: Option<HolidayPolicy>,
    channels: Vec<RawChannel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChannel {
    kind: ChannelKind,
    address: String,
    keyword: Option<String>,
    source: Option<String>,
    verified_on: Option<String>,
    #[serde(default)]
    unverified: bool,
    hours: RawHours,
    hours_source: Option<String>,
    hours_verified_on: Option<String>,
    #[serde(default)]
    closed_dates: Vec<String>,
    #[serde(default)]
    schedule: Vec<RawPeriod>,
}

#[derive(Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
enum RawHours {
    Always,
    Schedule,
    Unknown,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeriod {
    days: Vec<String>,
    open: String,
    close: String,
}

/// Loads every file, leaving out what has a problem, and returns the problems found.
/// An item of a file, read, or why it could not be.
type Checked<T> = Result<T, String>;

fn load<'a>(files: impl Iterator<Item = (&'a str, &'a str)>) -> (Directory, Vec<LintIssue>) {
    let mut directory = Directory::default();
    let mut issues = Vec::new();
    let mut ids = HashSet::new();
    for (file, text) in files {
        let mut report = |message: String| issues.push(LintIssue { file: file.to_string(), message });
        // Typed in one pass when the file is valid; otherwise item by item, to keep the good ones.
        let (services, calendar): (Vec<Checked<RawService>>, Option<Checked<RawCalendar>>) = match content::read::<RawFile<RawService, RawCalendar>>(text) {
            Ok(file) => (file.service.into_iter().map(Ok).collect(), file.holidays.map(Ok)),
            Err(_) => match content::read::<RawFile<content::Value, content::Value>>(text) {
                Ok(file) => (
                    file.service.into_iter().enumerate().map(|(i, v)| RawService::deserialize(v).map_err(|e| format!("service #{}: {e}", i + 1))).collect(),
                    file.holidays.map(|v| RawCalendar::deserialize(v).map_err(|e| format!("holidays: {e}"))),
                ),
                Err(e) => {
                    report(e);
                    continue;
                }
            },
        };
        match calendar {
            Some(Ok(raw)) => {
                let mut problems = Vec::new();
                let calendar = raw.check(&mut problems);
                problems.into_iter().for_each(|p| report(format!("holidays: {p}")));
                match calendar {
                    Some(c) if directory.calendar(c.country).is_some() => report(format!("holidays: a second calendar for {}", c.country)),
                    Some(c) => directory.calendars.push(c),
                    None => {}
                }
            }
            Some(Err(e)) => report(e),
            None => {}
        }
        for raw in services {
            let raw = match raw {
                Ok(raw) => raw,
                Err(e) => {
                    report(e);
                    continue;
                }
            };
            let id = raw.id.clone();
            let (mut problems, mut channel_problems) = (Vec::new(), Vec::new());
            let service = service(raw, &mut problems, &mut channel_problems);
            if !ids.insert(id.clone()) {
                problems.push("the id is used twice".into());
            }
            let service_ok = problems.is_empty();
            for problem in problems.into_iter().chain(channel_problems) {
                report(format!("service '{id}': {problem}"));
            }
            if let Some(service) = service.filter(|_| service_ok) {
                directory.services.push(service);
            }
        }
    }
    issues.extend(cross_check(&directory));
    (directory, issues)
}

/// Checks across files: every country with services of its own has an emergency number, and
/// every country whose holidays change a service's hours has a holiday calendar.
fn cross_check(directory: &Directory) -> Vec<LintIssue> {
    let issue = |message: String| LintIssue { file: PREFIX.to_string(), message };
    let mut issues = Vec::new();
    let mut national: Vec<Country> = directory.services.iter().filter(|s| s.countries.len() == 1).map(|s| s.countries[0]).collect();
    national.sort();
    national.dedup();
    for country in national.iter().filter(|c| !directory.services.iter().any(|s| s.immediate_danger && s.serves(**c))) {
        issues.push(issue(format!("country {country} has services but no emergency number")));
    }
    for service in
        directory.services.iter().filter(|s| s.holidays != HolidayPolicy::AsUsual && s.channels.iter().any(|c| matches!(c.hours, Hours::Schedule { .. })))
    {
        for country in service.countries.iter().filter(|c| directory.calendar(**c).is_none()) {
            issues.push(issue(format!("service '{}': no public holidays are known for {country}, but its hours change on them", service.id)));
        }
    }
    issues
}

/// Validates one service; channels with problems are left out, other problems leave out the service.
fn service(raw: RawService, problems: &mut Vec<String>, channel_problems: &mut Vec<String>) -> Option<Service> {
    let id_ok = !raw.id.is_empty() && raw.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    require(problems, id_ok, "the id must be lower-case letters, digits and hyphens".into());
    require(problems, !raw.name.trim().is_empty(), "the name is empty".into());
    require(problems, !raw.countries.is_empty(), "no countries".into());
    require(problems, !raw.audiences.is_empty(), "no audiences".into());
    require(problems, !raw.topics.is_empty(), "no topics".into());
    require(problems, raw.min_age.zip(raw.max_age).is_none_or(|(min, max)| min <= max), "min_age is above max_age".into());
    let worldwide = raw.countries.iter().any(|c| c == "*");
    let countries: Vec<Country> = raw.countries.iter().filter(|c| *c != "*").filter_map(|c| upper_case_country(c, problems)).collect();
    let topics: Vec<Topic> = raw.topics.iter().filter_map(|t| t.parse().map_err(|e| problems.push(format!("{e}"))).ok()).collect();
    for language in raw.languages.iter().filter(|l| l.len() != 2 || !l.bytes().all(|b| b.is_ascii_lowercase())) {
        problems.push(format!("'{language}' is not a two-letter language code"));
    }
    let timezone = raw
        .timezone
        .parse::<Tz>()
        .map_err(|_| {
            problems.push(format!("'{}' is not an IANA time zone Baken is built with (CHRONO_TZ_TIMEZONE_FILTER in .cargo/config.toml)", raw.timezone))
        })
        .ok();
    let source = source(&raw.source, "the service", problems);
    let verified_on = date(&raw.verified_on, "verified_on", problems);
    let mut description = BTreeMap::new();
    for (code, text) in raw.description {
        match code.parse::<Language>() {
            Ok(language) if !text.trim().is_empty() => drop(description.insert(language, text)),
            _ if code.len() == 2 && !text.trim().is_empty() => {}
            _ => problems.push(format!("description '{code}' is not a language with a text")),
        }
    }
    for language in Language::all().iter().filter(|l| !description.contains_key(l)) {
        problems.push(format!("no description in '{language}'"));
    }
    require(problems, !raw.channels.is_empty(), "no channels".into());
    let channels: Vec<Channel> = raw
        .channels
        .into_iter()
        .enumerate()
        .filter(|(_, c)| !c.unverified)
        .filter_map(|(i, c)| {
            let kind = c.kind.as_str();
            channel(c).map_err(|e| channel_problems.push(format!("channel #{} ({kind}): {e}", i + 1))).ok()
        })
        .collect();
    if raw.immediate_danger && !channels.iter().any(|c| c.kind == ChannelKind::Phone) {
        problems.push("an emergency service needs a verified phone number".into());
    }
    let holiday_periods = channels.iter().any(|c| matches!(&c.hours, Hours::Schedule { periods, .. } if periods.iter().any(|p| p.holidays)));
    match raw.holidays {
        None => problems.push("no holiday policy: holidays = \"as_usual\", \"closed\", \"own_hours\" or \"unknown\"".into()),
        Some(HolidayPolicy::OwnHours) if !holiday_periods => problems.push("holidays = \"own_hours\" but no schedule period on day \"hol\"".into()),
        Some(policy) if policy != HolidayPolicy::OwnHours && holiday_periods => {
            problems.push("a schedule period on day \"hol\" needs holidays = \"own_hours\"".into())
        }
        _ => {}
    }
    Some(Service {
        id: raw.id,
        name: raw.name,
        countries,
        worldwide,
        audiences: raw.audiences,
        min_age: raw.min_age,
        max_age: raw.max_age,
        topics,
        languages: raw.languages,
        free: raw.free,
        anonymous: raw.anonymous,
        timezone: timezone?,
        source: source?,
        verified_on: verified_on?,
        description,
        immediate_danger: raw.immediate_danger,
        tip_line: raw.tip_line,
        holidays: raw.holidays?,
        channels,
    })
}

/// Validates one verified channel.
fn channel(raw: RawChannel) -> Result<Channel, String> {
    let mut problems = Vec::new();
    let contact_source = source(raw.source.as_deref().unwrap_or_default(), "the contact detail", &mut problems);
    let verified_on = date(raw.verified_on.as_deref().unwrap_or_default(), "verified_on", &mut problems);
    if raw.keyword.is_some() && raw.kind != ChannelKind::Text {
        problems.push("only a text channel has a keyword".into());
    }
    let action_uri = action_uri(raw.kind, &raw.address, raw.keyword.as_deref()).map_err(|e| problems.push(e)).ok();
    let hours = match raw.hours {
        RawHours::Unknown => Some(Hours::Unknown),
        RawHours::Always => Some(Hours::Always),
        RawHours::Schedule => {
            let periods: Vec<Period> =
                raw.schedule.iter().filter_map(|p| Period::parse(&p.days, &p.open, &p.close).map_err(|e| problems.push(e)).ok()).collect();
            let closed_dates = raw.closed_dates.iter().filter_map(|d| date(d, "closed_dates", &mut problems)).collect();
            if raw.schedule.is_empty() {
                problems.push("hours = \"schedule\" but no schedule".into());
            }
            Some(Hours::Schedule { periods, closed_dates })
        }
    };
    let scheduled = raw.hours == RawHours::Schedule;
    if !scheduled && (!raw.schedule.is_empty() || !raw.closed_dates.is_empty()) {
        problems.push("a schedule or closed_dates without hours = \"schedule\"".into());
    }
    let hours_source = match raw.hours {
        RawHours::Unknown => None,
        _ => {
            date(raw.hours_verified_on.as_deref().unwrap_or_default(), "hours_verified_on", &mut problems);
            source(raw.hours_source.as_deref().unwrap_or_default(), "the opening hours", &mut problems)
        }
    };
    match problems.is_empty() {
        true => Ok(Channel {
            kind: raw.kind,
            address: raw.address,
            keyword: raw.keyword,
            action_uri: action_uri.flatten(),
            source: contact_source.unwrap_or_default(),
            verified_on: verified_on.unwrap_or_default(),
            hours: hours.unwrap_or(Hours::Unknown),
            hours_source,
        }),
        false => Err(problems.join("; ")),
    }
}

/// The URI the phone opens for a channel, or why the address is unusable.
fn action_uri(kind: ChannelKind, address: &str, keyword: Option<&str>) -> Result<Option<String>, String> {
    let web = || match address.starts_with("https://") && address.len() > 8 && !address.contains(char::is_whitespace) {
        true => Ok(Some(address.to_string())),
        false => Err(format!("'{address}' is not an https address")),
    };
    match kind {
        ChannelKind::Phone => Ok(Some(format!("tel:{}", dial(address)?))),
        ChannelKind::Text => match keyword {
            Some(word) if word.is_empty() || !word.chars().all(|c| c.is_ascii_alphanumeric()) => Err(format!("keyword '{word}' must be letters and digits")),
            Some(word) => Ok(Some(format!("sms:{}?body={word}", dial(address)?))),
            None => Ok(Some(format!("sms:{}", dial(address)?))),
        },
        ChannelKind::Chat | ChannelKind::WebForm | ChannelKind::Website => web(),
        ChannelKind::Email => match address.split_once('@') {
            Some((user, host)) if !user.is_empty() && host.contains('.') && !address.contains([' ', ':', '/']) && !host.contains('@') => {
                Ok(Some(format!("mailto:{address}")))
            }
            _ => Err(format!("'{address}' is not an e-mail address")),
        },
        ChannelKind::WalkIn if address.trim().is_empty() => Err("a walk-in needs a street address".into()),
        ChannelKind::WalkIn => Ok(None),
    }
}

/// A phone number as written ("020-261 52 75", "+31 70 333 44 44") reduced to what is dialled.
fn dial(address: &str) -> Result<String, String> {
    let malformed = || format!("'{address}' is not a phone number");
    let mut number = String::new();
    for (i, c) in address.trim().chars().enumerate() {
        match c {
            '0'..='9' => number.push(c),
            '+' if i == 0 => number.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return Err(malformed()),
        }
    }
    match number.trim_start_matches('+').len() {
        3..=15 => Ok(number),
        _ => Err(malformed()),
    }
}

fn require(problems: &mut Vec<String>, ok: bool, problem: String) {
    if !ok {
        problems.push(problem);
    }
}

fn upper_case_country(code: &str, problems: &mut Vec<String>) -> Option<Country> {
    match code.parse::<Country>() {
        Ok(country) if country.as_str() == code => Some(country),
        _ => {
            problems.push(format!("'{code}' is not an upper-case country code (or \"*\")"));
            None
        }
    }
}

fn source(address: &str, what: &str, problems: &mut Vec<String>) -> Option<String> {
    let ok = (address.starts_with("https://") || address.starts_with("http://")) && !address.contains(char::is_whitespace);
    if !ok {
        problems.push(format!("{what} has no source address"));
    }
    ok.then(|| address.to_string())
}

fn date(text: &str, field: &str, problems: &mut Vec<String>) -> Option<NaiveDate> {
    let parsed = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    if parsed.is_none() {
        problems.push(format!("{field} '{text}' is not a date (YYYY-MM-DD)"));
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::json;

    const FIXTURE: &str = include_str!("../../tests/fixtures/help/nl-night.toml");

    fn problems_in(toml: &str) -> Vec<String> {
        match Directory::parse(&[("test.toml", &json(toml))]) {
            Ok(_) => vec![],
            Err(HelpError::InvalidData(issues)) => issues.into_iter().map(|i| i.message).collect(),
            Err(e) => panic!("unexpected error {e}"),
        }
    }

    /// The fixture with `from` replaced by `to`, which must occur in it.
    fn broken(from: &str, to: &str) -> String {
        assert!(FIXTURE.contains(from), "{from}");
        FIXTURE.replacen(from, to, 1)
    }

    #[test]
    fn the_fixture_loads_clean_and_normalises_numbers() {
        let directory = Directory::parse(&[("nl-night.toml", &json(FIXTURE))]).unwrap();
        let helpline = directory.services().iter().find(|s| s.id == "test-helpline").unwrap();
        assert_eq!(helpline.channels[0].action_uri.as_deref(), Some("tel:08001234"));
        assert!(directory.services().iter().all(|s| s.channels.iter().all(|c| !c.address.contains("unverified"))));
    }

    #[test]
    fn lint_names_each_kind_of_problem() {
        let cases = [
            (broken("source = \"https://example.org/helpline/phone\"\n", ""), "has no source"),
            (broken("close = \"17:00\"", "close = \"25:00\""), "is not a time"),
            (broken("topics = [\"general\"", "topics = [\"gneral\""), "unknown topic 'gneral'"),
            (broken("\"payment_demand\"", "\"paymentdemand\""), "unknown topic 'paymentdemand'"),
            (broken("id = \"test-chat\"", "id = \"test-helpline\""), "the id is used twice"),
            (broken("0800-1234", "0800-12x4"), "is not a phone number"),
            (broken("verified_on = \"2026-11-28\"", "verified_on = \"28-11-2026\""), "is not a date"),
            (broken("timezone = \"Europe/Amsterdam\"", "timezone = \"Europe/Amsterdm\""), "time zone"),
            // A real zone, but not one the directory uses, so not built in.
            (broken("timezone = \"Europe/Amsterdam\"", "timezone = \"Asia/Tokyo\""), "'Asia/Tokyo' is not an IANA time zone Baken is built with"),
            (broken("hours_source = \"https://example.org/helpline/hours\"\n", ""), "the opening hours has no source"),
            (broken("\"https://example.org/chat\"", "\"http://example.org/chat\""), "not an https address"),
            (broken("days = [\"mon\"", "days = [\"mondag\""), "is not a day"),
            (broken("name = \"Test Helpline\"", "name = \"Test Helpline\"\nnotes = \"x\""), "unknown field"),
            (broken("holidays = \"as_usual\"\n", ""), "no holiday policy"),
            (broken("holidays = \"as_usual\"", "holidays = \"own_hours\""), "no schedule period on day \"hol\""),
            (broken("days = [\"sat\", \"sun\"]", "days = [\"sat\", \"sun\", \"hol\"]"), "needs holidays = \"own_hours\""),
            (broken("source = \"https://example.org/holidays\"\n", ""), "holiday 'Christmas': no source address"),
            (broken("easter = 1", "easter = 1\ndate = \"04-06\""), "give one of"),
            (broken("date = \"12-25\"", "date = \"12-32\""), "is not MM-DD"),
            (broken("[holidays]\ncountry = \"NL\"", "[holidays]\ncountry = \"ZZ\""), "'ZZ' is not an ISO 3166-1 country code"),
            (broken("countries = [\"NL\"]", "countries = [\"ZZ\"]"), "not an upper-case country code"),
        ];
        for (toml, expected) in cases {
            let problems = problems_in(&toml);
            assert!(problems.iter().any(|p| p.contains(expected)), "expected '{expected}' in {problems:?}");
        }
    }

    #[test]
    fn lint_finds_a_country_without_an_emergency_number_or_holidays() {
        // A Belgian line with office hours and a holiday policy, but Belgium has neither an
        // emergency number nor a holiday calendar in this data.
        let belgian =
            broken("id = \"test-office\"\nname = \"Test Office\"\ncountries = [\"NL\"]", "id = \"test-office\"\nname = \"Test Office\"\ncountries = [\"BE\"]");
        let problems = problems_in(&belgian);
        assert!(problems.iter().any(|p| p == "country BE has services but no emergency number"), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("no public holidays are known for BE")), "{problems:?}");
    }

    #[test]
    fn a_bad_entry_is_left_out_but_the_rest_still_loads() {
        let text = broken("0800-1234", "call us");
        let (directory, issues) = load([("x.toml", json(&text).as_str())].into_iter());
        assert_eq!(issues.len(), 1, "{issues:?}");
        let helpline = directory.services().iter().find(|s| s.id == "test-helpline").unwrap();
        assert!(helpline.channels.iter().all(|c| c.kind != ChannelKind::Phone));
        assert!(directory.serving("NL").is_ok());
    }

    #[test]
    fn action_uris_for_each_kind() {
        assert_eq!(action_uri(ChannelKind::Phone, "+31 70 333 44 44", None), Ok(Some("tel:+31703334444".into())));
        assert_eq!(action_uri(ChannelKind::Phone, "(800) 843-5678", None), Ok(Some("tel:8008435678".into())));
        assert_eq!(action_uri(ChannelKind::Text, "741741", Some("HOME")), Ok(Some("sms:741741?body=HOME".into())));
        assert_eq!(action_uri(ChannelKind::Email, "info@example.org", None), Ok(Some("mailto:info@example.org".into())));
        assert_eq!(action_uri(ChannelKind::WalkIn, "Street 1, Amsterdam", None), Ok(None));
        for bad in ["1-800-THE-LOST", "12", "31+20", ""] {
            assert!(action_uri(ChannelKind::Phone, bad, None).is_err(), "{bad}");
        }
        assert!(action_uri(ChannelKind::Text, "741741", Some("HOME NOW")).is_err());
        assert!(action_uri(ChannelKind::Email, "not-an-address", None).is_err());
    }

    #[test]
    fn bundled_help_data_is_clean() {
        let mut issues = Vec::new();
        lint(&mut issues);
        assert!(issues.is_empty(), "{issues:#?}");
        assert!(Directory::bundled().services().len() > 3);
    }

    #[test]
    fn every_dutch_entry_has_a_source_and_a_verified_on_date() {
        // Loading keeps only services and channels with a source and a verified-on date, so every
        // entry of nl.toml must survive loading: count them in the text and in the directory.
        let text = content::source("help/nl.toml");
        let (directory, issues) = load([("help/nl.toml", json(&text).as_str())].into_iter());
        assert!(issues.is_empty(), "{issues:#?}");
        let services = text.matches("[[service]]").count();
        let channels = text.matches("[[service.channels]]").count() - text.matches("\nunverified = true").count();
        assert!(services >= 5);
        assert_eq!(directory.services().len(), services);
        assert_eq!(directory.services().iter().map(|s| s.channels.len()).sum::<usize>(), channels);
        for s in directory.services() {
            assert!(s.source.starts_with("http") && s.channels.iter().all(|c| c.source.starts_with("http")), "{}", s.id);
        }
    }
}
