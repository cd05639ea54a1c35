//! Table tests of routing: (situation, country, age, time) → the first route, on a made-up
//! directory for the edge cases and on the bundled Dutch data.

use baken_core::help::{parse_time, Asker, Availability, Directory, HelpError, Person, Route, Situation, Topic};
use baken_core::language::Language;
use baken_core::signal::{Level, Signal};

const FIXTURE: &str = include_str!("fixtures/help/nl-night.toml");

fn fixture() -> Directory {
    Directory::parse(&[("nl-night.toml", FIXTURE)]).expect("the fixture is valid")
}

fn topic(id: &str) -> Situation {
    Situation::from_ids(Some(id), [], None).unwrap()
}

fn person(age: u8, language: Language, quiet: bool) -> Person {
    Person { asker: Asker::Teen, age: Some(age), language, quiet }
}

fn teen() -> Person {
    person(14, Language::Nl, false)
}

struct Case {
    name: &'static str,
    situation: Situation,
    person: Person,
    at: &'static str,
    first_service: &'static str,
    first_uri: &'static str,
}

fn check(directory: &Directory, cases: Vec<Case>) {
    for case in cases {
        let now = parse_time(case.at).unwrap();
        let routes = directory.route(&case.situation, "NL", &case.person, now).unwrap();
        let first = routes.first().unwrap_or_else(|| panic!("{}: no routes", case.name));
        assert_eq!((first.service_id.as_str(), first.action_uri.as_str()), (case.first_service, case.first_uri), "{}: {routes:#?}", case.name);
        assert!(routes.iter().any(|r| r.emergency), "{}: the emergency number is missing", case.name);
        assert!(routes.iter().all(|r| !r.label.is_empty() && !r.reason.is_empty() && r.source.starts_with("http")), "{}", case.name);
    }
}

#[test]
fn first_routes_on_the_edge_case_directory() {
    let empty = Situation::default();
    check(
        &fixture(),
        vec![
            Case { name: "weekday office hours", situation: topic("grooming"), person: teen(), at: "2026-12-01T10:00:00+01:00", first_service: "test-helpline", first_uri: "tel:08001234" },
            Case { name: "night: only the night chat fits and is open", situation: topic("grooming"), person: teen(), at: "2026-12-01T23:00:00+01:00", first_service: "test-chat", first_uri: "https://example.org/chat" },
            Case { name: "night, asked from UTC", situation: topic("grooming"), person: teen(), at: "2026-12-01T22:00:00Z", first_service: "test-chat", first_uri: "https://example.org/chat" },
            Case { name: "weekend hours", situation: topic("grooming"), person: teen(), at: "2026-12-05T13:00:00+01:00", first_service: "test-helpline", first_uri: "tel:08001234" },
            Case { name: "can't talk out loud: a chat before a phone", situation: empty.clone(), person: person(14, Language::Nl, true), at: "2026-12-01T10:00:00+01:00", first_service: "test-24h", first_uri: "https://example.org/24h/chat" },
            Case { name: "empty situation: general help, the young people's line first", situation: empty.clone(), person: teen(), at: "2026-12-01T10:00:00+01:00", first_service: "test-helpline", first_uri: "tel:08001234" },
            Case { name: "nothing open but 112 and the round-the-clock lines", situation: empty.clone(), person: teen(), at: "2026-12-06T03:00:00+01:00", first_service: "test-24h", first_uri: "tel:08009999" },
            Case { name: "immediate danger: the emergency number first", situation: topic("emergency"), person: teen(), at: "2026-12-01T10:00:00+01:00", first_service: "test-112", first_uri: "tel:112" },
            Case { name: "DST spring day: 19:15 summer time is inside the 19:00 chat", situation: topic("sextortion"), person: teen(), at: "2026-03-29T19:15:00+02:00", first_service: "test-chat", first_uri: "https://example.org/chat" },
            Case { name: "DST autumn day: 05:30 winter time is before the 06:00 close", situation: topic("sextortion"), person: teen(), at: "2026-10-25T05:30:00+01:00", first_service: "test-chat", first_uri: "https://example.org/chat" },
            Case { name: "an adult is not sent to a line for 8 to 18", situation: topic("grooming"), person: person(40, Language::Nl, false), at: "2026-12-01T10:00:00+01:00", first_service: "test-parents", first_uri: "tel:+31201234567" },
            Case { name: "closed on a known closed date: a line that is open now first", situation: topic("trafficking"), person: person(30, Language::Nl, false), at: "2026-12-25T10:00:00+01:00", first_service: "test-24h", first_uri: "tel:08009999" },
            Case {
                name: "a checker result of danger: the emergency number first",
                situation: Situation { topic: None, signals: vec![Signal::Threat, Signal::PaymentDemand], level: Some(Level::Danger) },
                person: teen(),
                at: "2026-12-01T23:00:00+01:00",
                first_service: "test-112",
                first_uri: "tel:112",
            },
            Case {
                name: "a checker result of warning: the specialist that is open",
                situation: Situation { topic: None, signals: vec![Signal::Threat, Signal::PaymentDemand], level: Some(Level::Warning) },
                person: teen(),
                at: "2026-12-01T23:00:00+01:00",
                first_service: "test-chat",
                first_uri: "https://example.org/chat",
            },
            Case {
                name: "a checker result: a level only",
                situation: Situation { topic: None, signals: vec![], level: Some(Level::Warning) },
                person: teen(),
                at: "2026-12-01T23:00:00+01:00",
                first_service: "test-chat",
                first_uri: "https://example.org/chat",
            },
            Case { name: "English speaker: an open tool in English before a closed Dutch chat", situation: topic("sextortion"), person: person(15, Language::En, false), at: "2026-12-01T10:00:00+01:00", first_service: "test-takedown", first_uri: "https://example.org/takedown" },
        ],
    );
}

/// The first route of `service` in the ranked list.
fn route_of(directory: &Directory, situation: &Situation, person: &Person, at: &str, service: &str) -> Route {
    let routes = directory.route(situation, "NL", person, parse_time(at).unwrap()).unwrap();
    routes.into_iter().find(|r| r.service_id == service).unwrap_or_else(|| panic!("{service} is not offered"))
}

#[test]
fn closed_routes_say_when_they_open_in_the_askers_offset() {
    let directory = fixture();
    let weekend = route_of(&directory, &topic("grooming"), &teen(), "2026-12-05T10:00:00+01:00", "test-helpline");
    assert_eq!(weekend.availability, Availability::Closed { next_open: Some(parse_time("2026-12-05T12:00:00+01:00").unwrap()) });
    let spring = route_of(&directory, &topic("sextortion"), &teen(), "2026-03-29T18:30:00+02:00", "test-chat");
    assert_eq!(spring.availability.next_open(), Some(parse_time("2026-03-29T19:00:00+02:00").unwrap()));
    let from_new_york = route_of(&directory, &topic("sextortion"), &teen(), "2026-12-01T10:00:00-05:00", "test-chat");
    assert_eq!(from_new_york.availability.next_open().map(|t| t.to_rfc3339()), Some("2026-12-01T13:00:00-05:00".to_string()));
}

#[test]
fn at_night_only_the_emergency_number_and_round_the_clock_lines_are_open() {
    let routes = fixture().route(&Situation::default(), "NL", &teen(), parse_time("2026-12-06T03:00:00+01:00").unwrap()).unwrap();
    let open: Vec<&str> = routes.iter().filter(|r| r.availability.open_now() == Some(true)).map(|r| r.service_id.as_str()).collect();
    assert!(open.iter().all(|id| ["test-112", "test-24h"].contains(id)), "{open:?}");
    assert!(open.contains(&"test-112") && open.contains(&"test-24h"));
}

#[test]
fn routes_leave_out_walk_ins_unfit_services_and_unverified_channels() {
    let routes = fixture().route(&topic("trafficking"), "NL", &person(30, Language::En, false), parse_time("2026-12-01T10:00:00+01:00").unwrap()).unwrap();
    assert!(routes.iter().all(|r| !r.action_uri.contains("Teststraat") && !r.action_uri.contains("unverified")));
    assert!(routes.iter().all(|r| r.service_id != "test-chat"), "the chat does not help with trafficking");
    assert!(routes[0].reason.contains("human trafficking"), "{}", routes[0].reason);
    let sms = fixture().route(&topic("sextortion"), "NL", &person(14, Language::Nl, true), parse_time("2026-12-01T23:00:00+01:00").unwrap()).unwrap();
    assert!(sms.iter().any(|r| r.action_uri == "sms:4567?body=HELP"));
}

#[test]
fn bad_input_is_a_typed_error() {
    let directory = fixture();
    let now = parse_time("2026-12-01T10:00:00+01:00").unwrap();
    let route = |country: &str| directory.route(&Situation::default(), country, &teen(), now);
    assert_eq!(route("ZZ"), Err(HelpError::UnknownCountry("ZZ".into())), "not an ISO 3166-1 code");
    let no_number = route("BE").unwrap();
    assert_eq!((no_number[0].service_id.as_str(), no_number[0].action_uri.as_str()), ("local-emergency", ""), "no emergency number for BE in the fixture");
    assert_eq!(directory.route(&Situation::default(), "NL", &teen(), parse_time("2013-12-01T10:00:00+01:00").unwrap()), Err(HelpError::YearOutOfRange(2013)));
    assert_eq!(route("Nederland"), Err(HelpError::MalformedCountry("Nederland".into())));
    assert!(matches!(Situation::from_ids(Some("blackmail"), [], None), Err(HelpError::UnknownTopic(_))));
    assert!(matches!(Situation::from_ids(None, ["threat", "shouting"], None), Err(HelpError::UnknownId(_))));
    assert!(matches!(Situation::from_ids(None, [], Some("severe")), Err(HelpError::UnknownId(_))));
    assert_eq!(parse_time("tomorrow 9:00"), Err(HelpError::MalformedTime("tomorrow 9:00".into())));
    assert!(parse_time("2026-12-01 10:00").is_err(), "a time without an offset is not RFC 3339");
}

#[test]
fn an_empty_situation_gives_the_general_routes() {
    let routes = fixture().route(&Situation::default(), "NL", &teen(), parse_time("2026-12-01T10:00:00+01:00").unwrap()).unwrap();
    let ids: Vec<&str> = routes.iter().filter(|r| !r.emergency).map(|r| r.service_id.as_str()).collect();
    assert_eq!(ids, ["test-helpline", "test-24h", "test-24h"]);
}

#[test]
fn first_routes_on_the_bundled_dutch_data() {
    check(
        Directory::bundled(),
        vec![
            Case { name: "danger right now", situation: topic("emergency"), person: teen(), at: "2026-12-01T10:00:00+01:00", first_service: "nl-112", first_uri: "tel:112" },
            Case { name: "a teen wants to talk, afternoon", situation: Situation::default(), person: teen(), at: "2026-12-01T15:00:00+01:00", first_service: "nl-kindertelefoon", first_uri: "tel:08000432" },
            Case { name: "suicidal thoughts at night", situation: topic("suicide"), person: person(16, Language::Nl, false), at: "2026-12-06T03:00:00+01:00", first_service: "nl-113", first_uri: "tel:113" },
            Case { name: "blackmail at night: a line known to be open, not one whose hours are unknown", situation: topic("sextortion"), person: person(15, Language::Nl, false), at: "2026-12-01T23:00:00+01:00", first_service: "nl-centrum-seksueel-geweld", first_uri: "tel:08000188" },
        ],
    );
}

#[test]
fn every_topic_routes_somewhere_in_the_netherlands() {
    for topic in Topic::named() {
        let situation = Situation { topic: Some(topic), ..Situation::default() };
        let routes = baken_core::help::route(&situation, "NL", &teen(), parse_time("2026-12-01T12:00:00+01:00").unwrap()).unwrap();
        assert!(routes.iter().any(|r| !r.emergency) || topic == Topic::Emergency, "{topic}");
    }
}

/// Scenarios as a youth-care worker checks them on the bundled Dutch data: who asks, what
/// happened, when, whether they can talk out loud; what must come first and what must not.
#[test]
fn a_professional_would_sign_these_first_routes() {
    let saturday_night = "2026-12-05T23:30:00+01:00";
    let danger = Situation { topic: None, signals: vec![Signal::Threat, Signal::PaymentDemand], level: Some(Level::Danger) };
    let routes = |situation: &Situation, person: &Person, at: &str| baken_core::help::route(situation, "NL", person, parse_time(at).unwrap()).unwrap();

    // A 14-year-old is blackmailed on Saturday night: 112 first, then a line that is open now.
    let blackmail = routes(&danger, &teen(), saturday_night);
    assert_eq!(blackmail[0].action_uri, "tel:112", "{blackmail:#?}");
    assert_eq!(blackmail[1].availability.open_now(), Some(true), "after 112, a line known to be open: {blackmail:#?}");
    assert!(blackmail.iter().any(|r| r.service_id == "nl-helpwanted"), "the specialist is still offered");

    // A loverboy victim at the same hour is not sent first to a tip line, nor to one shown as open
    // when its hours are not known.
    let exploitation = routes(&topic("exploitation"), &person(16, Language::Nl, false), saturday_night);
    assert_ne!(exploitation[0].service_id, "nl-meld-misdaad-anoniem", "{exploitation:#?}");
    for route in exploitation.iter().filter(|r| r.service_id == "nl-meld-misdaad-anoniem") {
        assert_eq!(route.availability, Availability::Unknown, "M.'s hours are not confirmed");
    }
    let tip_line_position = exploitation.iter().position(|r| r.service_id == "nl-meld-misdaad-anoniem");
    let helping = exploitation.iter().position(|r| !r.emergency && r.service_id != "nl-meld-misdaad-anoniem");
    assert!(helping < tip_line_position || tip_line_position.is_none(), "a service that helps victims comes before the tip line");

    // Someone being watched cannot call: a chat or text route first, whatever its hours.
    for situation in [topic("sextortion"), topic("exploitation"), Situation::default()] {
        let quiet = routes(&situation, &person(15, Language::Nl, true), saturday_night);
        assert_ne!(quiet[0].channel, baken_core::help::ChannelKind::Phone, "{situation:?}: {quiet:#?}");
    }
    // Except in danger: then 112 stays first.
    assert_eq!(routes(&danger, &person(15, Language::Nl, true), saturday_night)[0].action_uri, "tel:112");
}
