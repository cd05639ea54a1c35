//! Routing: from a situation and a person to ranked ways to reach help, open now first.

use super::directory::{Audience, ChannelKind, Directory, Service};
use super::texts::{self, Reason};
use super::{holidays, Asker, Availability, HelpError, OnHolidays, Topic};
use crate::language::Language;
use crate::signal::{Level, Signal};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeDelta};
use std::collections::HashSet;

/// What is going on: a topic, signals seen (for instance from a checker result) and a level.
/// Empty means: general help.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Situation {
    /// What the person asks help with; `Emergency` means immediate physical danger.
    pub topic: Option<Topic>,
    /// Warning signals seen.
    pub signals: Vec<Signal>,
    /// How serious it is.
    pub level: Option<Level>,
}

impl Situation {
    /// Builds a situation from ids as typed: a topic id, signal ids and a level id.
    pub fn from_ids<'a>(topic: Option<&str>, signals: impl IntoIterator<Item = &'a str>, level: Option<&str>) -> Result<Situation, HelpError> {
        Ok(Situation {
            topic: topic.map(str::parse).transpose()?,
            signals: signals.into_iter().map(str::parse).collect::<Result<_, _>>()?,
            level: level.map(str::parse).transpose()?,
        })
    }

    /// Immediate danger, asked for or found (a `danger` level: a threat, a demand, exploitation,
    /// a secret meeting), or a missing child ("Kind vermist – bel 112", the Dutch Ombudsman's
    /// advice): the emergency number goes first.
    pub fn immediate_danger(&self) -> bool {
        matches!(self.topic, Some(Topic::Emergency | Topic::MissingChild)) || self.level == Some(Level::Danger)
    }

    /// The topics a fitting service covers, most specific first, and the topics it may also
    /// cover: after blackmail with pictures, thoughts of suicide are a real risk.
    fn wanted(&self) -> (Vec<Topic>, Vec<Topic>) {
        let mut wanted: Vec<Topic> = self.topic.into_iter().collect();
        wanted.extend(self.signals.iter().map(|s| Topic::Signal(*s)));
        wanted.extend(self.signals.iter().flat_map(|s| Topic::harms_of(*s)));
        if wanted.is_empty() && self.level.is_some_and(|l| l >= Level::Warning) {
            wanted.extend([Topic::Grooming, Topic::Sextortion, Topic::Exploitation]);
        }
        if wanted.is_empty() {
            wanted.push(Topic::General);
        }
        let mut seen = HashSet::new();
        wanted.retain(|t| seen.insert(*t));
        let also = match wanted.contains(&Topic::Sextortion) && !wanted.contains(&Topic::Suicide) {
            true => vec![Topic::Suicide],
            false => vec![],
        };
        (wanted, also)
    }
}

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The young person, a parent or a professional.
    pub asker: Asker,
    /// Age in years, when given: the young person's own age, also when a parent or a
    /// professional asks.
    pub age: Option<u8>,
    /// The language to talk in and to write the texts in.
    pub language: Language,
    /// Cannot talk out loud: chat and text before phone.
    pub quiet: bool,
}

/// One way to reach help, ready for a button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The service's id.
    pub service_id: String,
    /// The service's name.
    pub name: String,
    /// How to reach it.
    pub channel: ChannelKind,
    /// What to hand to the phone after a tap: `tel:`, `sms:`, `mailto:` or `https:`; empty for
    /// "call your local emergency number" in a country whose number Baken does not know.
    pub action_uri: String,
    /// The button text, in the person's language.
    pub label: String,
    /// Open now, and until or from when, in the person's own offset.
    pub availability: Availability,
    /// Why it was chosen, in a few short sentences.
    pub reason: String,
    /// A page confirming this contact detail (empty for the local emergency number, see above).
    pub source: String,
    /// It is the emergency number.
    pub emergency: bool,
}

/// The id of the route "call your local emergency number", for a country whose number is not known.
pub const LOCAL_EMERGENCY: &str = "local-emergency";

/// A service's first topics are its focus: a service that focuses on the situation fits best.
const FOCUS: usize = 2;

struct Candidate<'a> {
    service: &'a Service,
    route: Route,
    rank: Rank,
}

/// How a route ranks, most important first; higher is better. The order is the routing policy
/// (see [`Directory::route`]).
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    /// The emergency number in immediate danger.
    emergency_first: bool,
    /// It covers the situation or gives general help (the emergency number always comes along).
    fits: bool,
    /// Not a tip line: a victim is never sent first to a line for tips about crime (a
    /// professional may be).
    helps_victims: bool,
    /// It speaks the person's language.
    speaks: bool,
    /// A typed route for someone who cannot talk out loud.
    typed_when_quiet: bool,
    /// A professional asks and it is meant for professionals: the reporting and advice routes.
    for_professional: bool,
    /// Open now (2), hours unknown (1), closed (0).
    open: u8,
    /// Covers the situation (2) or gives general help (1).
    tier: u8,
    /// Someone to talk to: a call, chat or text of a service that covers the situation itself,
    /// before a form, an e-mail or a self-service tool.
    talks: bool,
    /// It is meant for the one asking: parents for a parent, young people for a young person.
    for_asker: bool,
    /// The situation is among its focus topics.
    focus: bool,
    /// A service of the person's country before a worldwide tool.
    national: bool,
    /// The person's preferred channel.
    channel: u8,
    /// Free to call: a young person may have no credit.
    free: bool,
    /// How many of the wanted topics it covers.
    matched: usize,
}

impl Directory {
    /// Ranked routes for `situation` in `country` for `person` at `now`. The rules, in order:
    /// 1. In immediate danger (asked for, or a `danger` level from the checker or analyzer) the
    ///    emergency number is first. It is always in the list.
    /// 2. Services that cover the situation or give general help come before the rest; a tip line
    ///    (anonymous tips about crime) is never first for a young person or a parent, because it
    ///    does not help victims.
    /// 3. A service that speaks the person's language; for someone who cannot talk out loud
    ///    (`quiet`), a chat or text route before any phone call; for a professional, the
    ///    services meant for professionals.
    /// 4. Open now, then hours unknown (shown as unknown, never as open), then closed. Public
    ///    holidays count: a line closed on holidays is closed on Christmas Day.
    /// 5. Then the best fit: covers the situation; someone to talk to (a call, chat or text of a
    ///    service for the situation) before a form, an e-mail or a self-service tool, so a
    ///    15-year-old blackmailed on Saturday night reaches Childline before Take It Down; meant
    ///    for the one asking; focuses on it; of the person's own country before a worldwide tool;
    ///    the preferred channel; free before paid.
    ///
    /// Services that do not fit the one asking or the young person's age, and walk-ins, are left
    /// out. In a country whose emergency number is not known, "call your local emergency number"
    /// stands in for it. A year outside [`holidays::YEARS`] is a typed error.
    pub fn route(&self, situation: &Situation, country: &str, person: &Person, now: DateTime<FixedOffset>) -> Result<Vec<Route>, HelpError> {
        let (country, services) = self.serving(country)?;
        holidays::in_range(now.year())?;
        let today = now.date_naive();
        let holiday_dates: Vec<NaiveDate> = match self.calendar(country) {
            Some(calendar) => calendar.between(today - TimeDelta::days(2), today + TimeDelta::days(9)).into_iter().map(|h| h.date).collect(),
            None => Vec::new(),
        };
        let (wanted, also) = situation.wanted();
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut emergency_known = false;
        for service in services.filter(|s| s.immediate_danger || fits_person(s, person)) {
            emergency_known |= service.immediate_danger;
            let matched: Vec<Topic> = wanted.iter().chain(&also).copied().filter(|t| service.topics.contains(t)).collect();
            let focus = service.topics.iter().take(FOCUS).any(|t| matched.contains(t) && !also.contains(t));
            let covers = matched.iter().any(|t| !also.contains(t));
            let tier = match () {
                _ if !matched.is_empty() => 2,
                _ if service.topics.contains(&Topic::General) => 1,
                _ if service.immediate_danger => 0,
                _ => continue,
            };
            let speaks = service.languages.iter().any(|l| l == person.language.code());
            let national = !service.worldwide;
            let for_asker = match person.asker {
                Asker::Teen => person.age.is_none_or(|a| a < 18) && service.audiences.contains(&Audience::YoungPeople),
                Asker::Parent => service.audiences.contains(&Audience::Parents),
                Asker::Professional => service.audiences.contains(&Audience::Professionals),
            };
            let on_holidays = OnHolidays { dates: &holiday_dates, policy: service.holidays };
            for channel in &service.channels {
                let Some(action_uri) = channel.action_uri.clone() else { continue };
                let availability = channel.hours.availability(service.timezone, on_holidays, now);
                let open = match availability {
                    Availability::Open { .. } => 2,
                    Availability::Unknown => 1,
                    Availability::Closed { .. } => 0,
                };
                let reason = Reason {
                    emergency: service.immediate_danger,
                    topic: matched.first().copied().filter(|t| *t != Topic::General),
                    focus: service.topics.first().copied().unwrap_or(Topic::General),
                    asker: person.asker,
                    channel: channel.kind,
                    availability,
                    now,
                    free: service.free == Some(true),
                    anonymous: service.anonymous == Some(true),
                    other_language: !speaks && !service.immediate_danger,
                };
                let route = Route {
                    service_id: service.id.clone(),
                    name: service.name.clone(),
                    channel: channel.kind,
                    action_uri,
                    label: texts::label(person.language, channel.kind, &service.name, &channel.address, channel.keyword.as_deref()),
                    availability,
                    reason: reason.text(person.language),
                    source: channel.source.clone(),
                    emergency: service.immediate_danger,
                };
                let rank = Rank {
                    emergency_first: situation.immediate_danger() && service.immediate_danger,
                    fits: tier > 0,
                    helps_victims: !service.tip_line || person.asker == Asker::Professional,
                    speaks,
                    typed_when_quiet: person.quiet && channel.kind != ChannelKind::Phone,
                    for_professional: person.asker == Asker::Professional && service.audiences.contains(&Audience::Professionals),
                    open,
                    tier,
                    talks: covers && matches!(channel.kind, ChannelKind::Phone | ChannelKind::Chat | ChannelKind::Text),
                    for_asker,
                    focus,
                    national,
                    channel: channel_preference(channel.kind, person.quiet),
                    free: service.free == Some(true),
                    matched: matched.len(),
                };
                candidates.push(Candidate { service, route, rank });
            }
        }
        candidates.sort_by(|a, b| b.rank.cmp(&a.rank).then(a.service.countries.len().cmp(&b.service.countries.len())));
        let mut dialled = HashSet::new();
        let mut routes: Vec<Route> = candidates.into_iter().filter(|c| dialled.insert(c.route.action_uri.clone())).map(|c| c.route).collect();
        if !emergency_known {
            let local = texts::local_emergency(person.language);
            let route = Route {
                service_id: LOCAL_EMERGENCY.into(),
                name: local.name.into(),
                channel: ChannelKind::Phone,
                action_uri: String::new(),
                label: local.label.into(),
                availability: Availability::Unknown,
                reason: local.reason.into(),
                source: String::new(),
                emergency: true,
            };
            match situation.immediate_danger() {
                true => routes.insert(0, route),
                false => routes.push(route),
            }
        }
        Ok(routes)
    }
}

/// Whether the service is for the one asking, and the young person's age is inside its ages.
/// A line only for young people is for the young person to call, not for a parent.
fn fits_person(service: &Service, person: &Person) -> bool {
    let in_range = person.age.is_none_or(|age| service.min_age.is_none_or(|min| age >= min) && service.max_age.is_none_or(|max| age <= max));
    let meant_for = |own: Audience| service.audiences.iter().any(|a| *a == own || *a == Audience::Anyone);
    let for_asker = match person.asker {
        Asker::Teen => person.age.is_some_and(|a| a >= 18) || meant_for(Audience::YoungPeople),
        Asker::Parent => meant_for(Audience::Parents),
        Asker::Professional => meant_for(Audience::Professionals),
    };
    in_range && for_asker
}

/// Higher is preferred: a call by default; typing when the person cannot talk out loud.
fn channel_preference(kind: ChannelKind, quiet: bool) -> u8 {
    use ChannelKind::*;
    let order: [ChannelKind; 6] = match quiet {
        false => [Phone, Chat, Text, WebForm, Email, Website],
        true => [Chat, Text, WebForm, Email, Website, Phone],
    };
    order.iter().rev().position(|k| *k == kind).map_or(0, |p| p as u8 + 1)
}

/// Reads a moment written in RFC 3339, such as `2026-11-28T21:30:00+01:00`.
pub fn parse_time(text: &str) -> Result<DateTime<FixedOffset>, HelpError> {
    DateTime::parse_from_rfc3339(text.trim()).map_err(|_| HelpError::MalformedTime(text.to_string()))
}
