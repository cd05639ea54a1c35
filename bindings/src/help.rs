//! Help services and routing. Times cross the boundary as RFC 3339 text, such as
//! `2026-11-28T21:30:00+01:00`; the offset given is the one answers come back in.

use crate::types::Language;
use crate::BakenError;
use baken_core::help::{self, Asker, Availability, ChannelKind, Person, Situation, Topic};
use baken_core::signal::{Level, Signal};

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
    Ok(EmergencyNumber { country: e.country.to_string(), action_uri: e.action_uri, number: e.number, source: e.source, verified_on: e.verified_on })
}

/// Whether a route is open now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum OpenState {
    /// Open now.
    Open,
    /// Closed now.
    Closed,
    /// No source gives the hours.
    Unknown,
}

/// What to route for: the situation, the person and the moment.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RouteRequest {
    /// Country code, such as `"NL"`.
    pub country: String,
    /// What help is needed for; `Emergency` means danger right now.
    pub topic: Option<Topic>,
    /// Signals seen, such as a threat and a payment demand.
    pub signals: Vec<Signal>,
    /// The level of a checker result.
    pub level: Option<Level>,
    /// Who is asking. For a parent or a professional, `age` is the child's age and the reasons
    /// speak to the adult.
    pub audience: Asker,
    /// Age in years.
    pub age: Option<u8>,
    /// The language to talk and write in.
    pub language: Language,
    /// Cannot talk out loud: chat and text before phone.
    pub quiet: bool,
    /// The moment, RFC 3339 with the user's own offset.
    pub now: String,
}

/// One way to reach help, ready for a button.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HelpRoute {
    /// The service's id, such as `"nl-kindertelefoon"`.
    pub service_id: String,
    /// The service's name.
    pub name: String,
    /// How it is reached.
    pub channel: ChannelKind,
    /// Hand this to the OS after the user taps: `tel:`, `sms:`, `mailto:` or `https:`. Empty for
    /// "call the emergency number of the country you are in" where Baken does not know it: show
    /// the text, no button.
    pub action_uri: String,
    /// Button text in the requested language.
    pub label: String,
    /// Open now, closed, or hours unknown.
    pub open: OpenState,
    /// When an open route closes (RFC 3339, user's offset); none when open day and night.
    pub open_until: Option<String>,
    /// When a closed route opens next (RFC 3339, user's offset).
    pub next_open: Option<String>,
    /// Why it was chosen, in a few short sentences.
    pub reason: String,
    /// A page confirming the contact detail.
    pub source: String,
    /// It is the emergency number.
    pub emergency: bool,
}

/// Ranked ways to reach help, best first; the emergency number is always among them.
#[uniffi::export]
pub fn route(request: RouteRequest) -> Result<Vec<HelpRoute>, BakenError> {
    let situation = Situation { topic: request.topic, signals: request.signals, level: request.level };
    let person = Person { asker: request.audience, age: request.age, language: request.language.into(), quiet: request.quiet };
    let now = help::parse_time(&request.now)?;
    Ok(help::route(&situation, &request.country, &person, now)?.into_iter().map(HelpRoute::from).collect())
}

/// A note to show above the routes when Baken does not know the country's own help services yet
/// (for instance "Baken does not know the help services in your country yet."); none otherwise.
#[uniffi::export]
pub fn coverage_note(country: String, language: Language) -> Result<Option<String>, BakenError> {
    Ok(help::coverage_note(&country, language.into())?)
}

impl From<help::Route> for HelpRoute {
    fn from(r: help::Route) -> Self {
        let (open, open_until, next_open) = match r.availability {
            Availability::Open { until } => (OpenState::Open, until, None),
            Availability::Closed { next_open } => (OpenState::Closed, None, next_open),
            Availability::Unknown => (OpenState::Unknown, None, None),
        };
        HelpRoute {
            service_id: r.service_id,
            name: r.name,
            channel: r.channel,
            action_uri: r.action_uri,
            label: r.label,
            open,
            open_until: open_until.map(|t| t.to_rfc3339()),
            next_open: next_open.map(|t| t.to_rfc3339()),
            reason: r.reason,
            source: r.source,
            emergency: r.emergency,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(topic: Option<Topic>, age: u8, now: &str) -> RouteRequest {
        RouteRequest {
            country: "NL".into(),
            topic,
            signals: vec![],
            level: None,
            audience: Asker::Teen,
            age: Some(age),
            language: Language::Nl,
            quiet: false,
            now: now.into(),
        }
    }

    /// The same cases as tests/kotlin/HelpTest.kt and tests/python/test_help.py.
    #[test]
    fn route_gives_the_same_first_route_as_the_core() {
        let blackmail = route(request(Some(Topic::Sextortion), 15, "2026-12-01T23:00:00+01:00")).unwrap();
        assert_eq!((blackmail[0].service_id.as_str(), blackmail[0].action_uri.as_str()), ("nl-centrum-seksueel-geweld", "tel:08000188"));
        assert_eq!((blackmail[0].channel, blackmail[0].open), (ChannelKind::Phone, OpenState::Open));
        assert!(blackmail.iter().any(|r| r.service_id == "nl-helpwanted"));
        let danger = route(RouteRequest {
            signals: vec![Signal::Threat, Signal::PaymentDemand],
            level: Some(Level::Danger),
            ..request(None, 14, "2026-12-05T23:30:00+01:00")
        })
        .unwrap();
        assert_eq!(danger[0].action_uri, "tel:112");
        let afternoon = route(request(None, 14, "2026-12-01T15:00:00+01:00")).unwrap();
        assert_eq!(afternoon[0].service_id, "nl-kindertelefoon");
        assert_eq!(afternoon[0].open_until.as_deref(), Some("2026-12-01T21:00:00+01:00"));
        let night = route(request(None, 14, "2026-12-01T23:00:00+01:00")).unwrap();
        let kindertelefoon = night.iter().find(|r| r.service_id == "nl-kindertelefoon").unwrap();
        assert_eq!((kindertelefoon.open, kindertelefoon.next_open.as_deref()), (OpenState::Closed, Some("2026-12-02T11:00:00+01:00")));
        let danger = route(request(Some(Topic::Emergency), 14, "2026-12-01T23:00:00+01:00")).unwrap();
        assert_eq!((danger[0].action_uri.as_str(), danger[0].emergency), ("tel:112", true));
        let parent = route(RouteRequest { audience: Asker::Parent, ..request(Some(Topic::Grooming), 13, "2026-12-01T20:00:00+01:00") }).unwrap();
        assert_eq!((parent[0].service_id.as_str(), parent[0].action_uri.as_str()), ("nl-veilig-thuis", "tel:08002000"));
        assert!(parent.iter().all(|r| r.service_id != "nl-kindertelefoon"));
        let canada = route(RouteRequest { country: "CA".into(), ..request(Some(Topic::Sextortion), 15, "2026-12-05T23:30:00-05:00") }).unwrap();
        assert_eq!(canada[0].service_id, "intl-take-it-down");
        assert!(canada.iter().any(|r| r.service_id == "local-emergency" && r.action_uri.is_empty()));
        assert!(coverage_note("CA".into(), Language::En).unwrap().is_some());
        assert_eq!(coverage_note("NL".into(), Language::Nl).unwrap(), None);
        let rph = route(RouteRequest {
            country: "GB".into(),
            language: Language::En,
            topic: Some(Topic::ImageRemoval),
            ..request(None, 22, "2026-12-25T11:00:00+00:00")
        })
        .unwrap();
        assert!(
            rph.iter().any(|r| r.service_id == "gb-revenge-porn-helpline"
                && r.open == OpenState::Closed
                && r.next_open.as_deref() == Some("2026-12-29T10:00:00+00:00")),
            "closed on Christmas and Boxing Day's substitute"
        );
    }

    #[test]
    fn bad_input_is_invalid_input_or_not_found() {
        let ok = || request(None, 14, "2026-12-01T15:00:00+01:00");
        assert!(matches!(route(RouteRequest { country: "ZZ".into(), ..ok() }), Err(BakenError::InvalidInput { .. })));
        assert!(matches!(emergency_number("CA".into()), Err(BakenError::NotFound { .. })));
        assert!(matches!(route(RouteRequest { now: "tomorrow".into(), ..ok() }), Err(BakenError::InvalidInput { .. })));
        assert_eq!(emergency_number("NL".into()).unwrap().action_uri, "tel:112");
    }
}
