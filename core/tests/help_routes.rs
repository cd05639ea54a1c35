//! Table tests of routing: (situation, country, age, time) → the first route, on a made-up
//! directory for the edge cases and on the bundled Dutch data.

use baken_core::help::{parse_time, Asker, Availability, Directory, HelpError, Person, Route, Situation, Topic};
use baken_core::language::Language;
use baken_core::signal::{Level, Signal};

/// A bundled language by its code.
fn lang(code: &str) -> Language {
    code.parse().expect("a bundled language")
}

// The build script's bundling of content (TOML as JSON), for the fixture written in TOML.
#[path = "../src/bundle.rs"]
#[allow(dead_code)]
mod bundle;

const FIXTURE: &str = include_str!("fixtures/help/nl-night.toml");

fn fixture() -> Directory {
    let bundled = bundle::json(FIXTURE).expect("the fixture is TOML");
    Directory::parse(&[("nl-night.toml", &bundled)]).expect("the fixture is valid")
}

fn topic(id: &str) -> Situation {
    Situation::from_ids(Some(id), [], None).unwrap()
}

fn person(age: u8, language: Language, quiet: bool) -> Person {
    Person { asker: Asker::Teen, age: Some(age), language, quiet }
}

fn teen() -> Person {
    person(14, lang("nl"), false)
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
            Case {
                name: "weekday office hours",
                situation: topic("grooming"),
                person: teen(),
                at: "2026-12-01T10:00:00+01:00",
                first_service: "test-helpline",
                first_uri: "tel:08001234",
            },
            Case {
                name: "night: only the night chat fits and is open",
                situation: topic("grooming"),
                person: teen(),
                at: "2026-12-01T23:00:00+01:00",
                first_service: "test-chat",
                first_uri: "https://example.org/chat",
            },
            Case {
                name: "night, asked from UTC",
                situation: topic("grooming"),
                person: teen(),
                at: "2026-12-01T22:00:00Z",
                first_service: "test-chat",
                first_uri: "https://example.org/chat",
            },
            Case {
                name: "weekend hours",
                situation: topic("grooming"),
                person: teen(),
                at: "2026-12-05T13:00:00+01:00",
                first_service: "test-helpline",
                first_uri: "tel:08001234",
            },
            Case {
                name: "can't talk out loud: a chat before a phone",
                situation: empty.clone(),
                person: person(14, lang("nl"), true),
                at: "2026-12-01T10:00:00+01:00",
                first_service: "test-24h",
                first_uri: "https://example.org/24h/chat",
            },
            Case {
                name: "empty situation: general help, the young people's line first",
                situation: empty.clone(),
                person: teen(),
                at: "2026-12-01T10:00:00+01:00",
                first_service: "test-helpline",
                first_uri: "tel:08001234",
            },
            Case {
                name: "nothing open but 112 and the round-the-clock lines",
                situation: empty.clone(),
                person: teen(),
                at: "2026-12-06T03:00:00+01:00",
                first_service: "test-24h",
                first_uri: "tel:08009999",
            },
            Case {
                name: "immediate danger: the emergency number first",
                situation: topic("emergency"),
                person: teen(),
                at: "2026-12-01T10:00:00+01:00",
                first_service: "test-112",
                first_uri: "tel:112",
            },
            Case {
                name: "DST spring day: 19:15 summer time is inside the 19:00 chat",
                situation: topic("sextortion"),
                person: teen(),
                at: "2026-03-29T19:15:00+02:00",
                first_service: "test-chat",
                first_uri: "https://example.org/chat",
            },
            Case {
                name: "DST autumn day: 05:30 winter time is before the 06:00 close",
                situation: topic("sextortion"),
                person: teen(),
                at: "2026-10-25T05:30:00+01:00",
                first_service: "test-chat",
                first_uri: "https://example.org/chat",
            },
            Case {
                name: "an adult is not sent to a line for 8 to 18",
                situation: topic("grooming"),
                person: person(40, lang("nl"), false),
                at: "2026-12-01T10:00:00+01:00",
                first_service: "test-parents",
                first_uri: "tel:+31201234567",
            },
            Case {
                name: "closed on a known closed date: a line that is open now first",
                situation: topic("trafficking"),
                person: person(30, lang("nl"), false),
                at: "2026-12-25T10:00:00+01:00",
                first_service: "test-24h",
                first_uri: "tel:08009999",
            },
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
            Case {
                name: "English speaker: an open tool in English before a closed Dutch chat",
                situation: topic("sextortion"),
                person: person(15, lang("en"), false),
                at: "2026-12-01T10:00:00+01:00",
                first_service: "test-takedown",
                first_uri: "https://example.org/takedown",
            },
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
    let routes = fixture().route(&topic("trafficking"), "NL", &person(30, lang("en"), false), parse_time("2026-12-01T10:00:00+01:00").unwrap()).unwrap();
    assert!(routes.iter().all(|r| !r.action_uri.contains("Teststraat") && !r.action_uri.contains("unverified")));
    assert!(routes.iter().all(|r| r.service_id != "test-chat"), "the chat does not help with trafficking");
    assert!(routes[0].reason.contains("human trafficking"), "{}", routes[0].reason);
    let sms = fixture().route(&topic("sextortion"), "NL", &person(14, lang("nl"), true), parse_time("2026-12-01T23:00:00+01:00").unwrap()).unwrap();
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
            Case {
                name: "danger right now",
                situation: topic("emergency"),
                person: teen(),
                at: "2026-12-01T10:00:00+01:00",
                first_service: "nl-112",
                first_uri: "tel:112",
            },
            Case {
                name: "a teen wants to talk, afternoon",
                situation: Situation::default(),
                person: teen(),
                at: "2026-12-01T15:00:00+01:00",
                first_service: "nl-kindertelefoon",
                first_uri: "tel:08000432",
            },
            Case {
                name: "suicidal thoughts at night",
                situation: topic("suicide"),
                person: person(16, lang("nl"), false),
                at: "2026-12-06T03:00:00+01:00",
                first_service: "nl-113",
                first_uri: "tel:113",
            },
            Case {
                name: "blackmail at night: a line known to be open, not one whose hours are unknown",
                situation: topic("sextortion"),
                person: person(15, lang("nl"), false),
                at: "2026-12-01T23:00:00+01:00",
                first_service: "nl-centrum-seksueel-geweld",
                first_uri: "tel:08000188",
            },
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
    let exploitation = routes(&topic("exploitation"), &person(16, lang("nl"), false), saturday_night);
    assert_ne!(exploitation[0].service_id, "nl-meld-misdaad-anoniem", "{exploitation:#?}");
    for route in exploitation.iter().filter(|r| r.service_id == "nl-meld-misdaad-anoniem") {
        assert_eq!(route.availability, Availability::Unknown, "M.'s hours are not confirmed");
    }
    let tip_line_position = exploitation.iter().position(|r| r.service_id == "nl-meld-misdaad-anoniem");
    let helping = exploitation.iter().position(|r| !r.emergency && r.service_id != "nl-meld-misdaad-anoniem");
    assert!(helping < tip_line_position || tip_line_position.is_none(), "a service that helps victims comes before the tip line");

    // Someone being watched cannot call: a chat or text route first, whatever its hours.
    for situation in [topic("sextortion"), topic("exploitation"), Situation::default()] {
        let quiet = routes(&situation, &person(15, lang("nl"), true), saturday_night);
        assert_ne!(quiet[0].channel, baken_core::help::ChannelKind::Phone, "{situation:?}: {quiet:#?}");
    }
    // Except in danger: then 112 stays first.
    assert_eq!(routes(&danger, &person(15, lang("nl"), true), saturday_night)[0].action_uri, "tel:112");
}

/// One scenario as a professional checks it: who asks, how old the young person is, what
/// happened, where, when, and whether they can talk out loud.
struct Scenario {
    name: &'static str,
    asker: Asker,
    age: Option<u8>,
    situation: Situation,
    country: &'static str,
    at: &'static str,
    quiet: bool,
    language: Language,
    /// The first route: service id and what the phone opens.
    first: (&'static str, &'static str),
    /// Services that must not be the first route.
    not_first: &'static [&'static str],
}

fn sign(scenarios: Vec<Scenario>) {
    for s in scenarios {
        let person = Person { asker: s.asker, age: s.age, language: s.language, quiet: s.quiet };
        let routes = baken_core::help::route(&s.situation, s.country, &person, parse_time(s.at).unwrap()).unwrap();
        let first = &routes[0];
        assert_eq!((first.service_id.as_str(), first.action_uri.as_str()), s.first, "{}: {routes:#?}", s.name);
        assert!(!s.not_first.contains(&first.service_id.as_str()), "{}", s.name);
        assert!(routes.iter().any(|r| r.emergency), "{}: the emergency number is missing", s.name);
    }
}

fn scenario(name: &'static str, country: &'static str, at: &'static str, situation: Situation, first: (&'static str, &'static str)) -> Scenario {
    Scenario { name, asker: Asker::Teen, age: Some(15), situation, country, at, quiet: false, language: lang("nl"), first, not_first: &[] }
}

/// Public holidays: a line closed on holidays is not open on Christmas, Easter Monday, King's Day
/// or a UK substitute day; a line open 365 days a year is.
#[test]
fn holidays_a_professional_would_sign() {
    let en = lang("en");
    sign(vec![
        // The Revenge Porn Helpline is closed on bank holidays: on Christmas Day (Friday 25 December
        // 2026) and Boxing Day's substitute (Monday 28 December 2026) an adult gets a line that is open.
        Scenario {
            asker: Asker::Teen,
            age: Some(22),
            language: en,
            not_first: &["gb-revenge-porn-helpline"],
            ..scenario(
                "GB adult, images shared, Christmas Day 11:00",
                "GB",
                "2026-12-25T11:00:00+00:00",
                topic("image_removal"),
                ("intl-take-it-down", "https://takeitdown.ncmec.org"),
            )
        },
        Scenario {
            asker: Asker::Teen,
            age: Some(22),
            language: en,
            not_first: &["gb-revenge-porn-helpline"],
            ..scenario(
                "GB adult, images shared, Boxing Day substitute 11:00",
                "GB",
                "2026-12-28T11:00:00+00:00",
                topic("image_removal"),
                ("intl-take-it-down", "https://takeitdown.ncmec.org"),
            )
        },
        // On an ordinary Tuesday the helpline is open and first.
        Scenario {
            asker: Asker::Teen,
            age: Some(22),
            language: en,
            ..scenario(
                "GB adult, images shared, a Tuesday 11:00",
                "GB",
                "2026-12-29T11:00:00+00:00",
                topic("image_removal"),
                ("gb-revenge-porn-helpline", "tel:03456000459"),
            )
        },
        // The Kindertelefoon is open 365 days a year, also on Easter Monday and King's Day.
        scenario("NL teen wants to talk, Easter Monday 15:00", "NL", "2026-04-06T15:00:00+02:00", Situation::default(), ("nl-kindertelefoon", "tel:08000432")),
        scenario(
            "NL teen wants to talk, King's Day on Saturday 26 April 2025",
            "NL",
            "2025-04-26T15:00:00+02:00",
            Situation::default(),
            ("nl-kindertelefoon", "tel:08000432"),
        ),
        // A day after the spring clock change the 11:00 opening is in summer time.
        scenario(
            "NL teen groomed, 11:15 the day after the spring clock change",
            "NL",
            "2026-03-30T11:15:00+02:00",
            topic("grooming"),
            ("nl-kindertelefoon", "tel:08000432"),
        ),
        scenario(
            "NL teen groomed, 11:15 on the autumn clock change day (Sunday)",
            "NL",
            "2026-10-25T11:15:00+01:00",
            topic("grooming"),
            ("nl-kindertelefoon", "tel:08000432"),
        ),
    ]);
}

/// Holiday dates, as the governments list them.
#[test]
fn public_holidays_as_the_governments_list_them() {
    let dates = |country: &str, year: i32| -> Vec<String> { baken_core::help::holidays(country, year).unwrap().iter().map(|h| h.date.to_string()).collect() };
    // King's Day 2025 falls on a Sunday: kept on Saturday 26 April. Easter Monday 2026 is 6 April.
    assert!(dates("NL", 2025).contains(&"2025-04-26".to_string()) && !dates("NL", 2025).contains(&"2025-04-27".to_string()));
    assert!(dates("NL", 2026).contains(&"2026-04-06".to_string()) && dates("NL", 2026).contains(&"2026-04-27".to_string()));
    assert_eq!(dates("NL", 2026).len(), 11);
    // UK substitute days: Christmas 2021 on Saturday, Boxing Day on Sunday (gov.uk: 27 and 28 December).
    let gb2021 = dates("GB", 2021);
    assert!(gb2021.ends_with(&["2021-12-27".to_string(), "2021-12-28".to_string()]), "{gb2021:?}");
    // 2022: Christmas on Sunday, Boxing Day on Monday: Christmas is kept on Tuesday 27 December.
    assert!(dates("GB", 2022).ends_with(&["2022-12-26".to_string(), "2022-12-27".to_string()]));
    // 2022's one-off changes: spring bank holiday on 2 June and the Jubilee on 3 June, not 30 May.
    assert!(dates("GB", 2022).contains(&"2022-06-03".to_string()) && !dates("GB", 2022).contains(&"2022-05-30".to_string()));
    assert_eq!(dates("GB", 2026), ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"]);
    // US observed days: 2023 New Year's Day on Sunday is kept Monday 2 January, Veterans Day on
    // Saturday on Friday 10 November (OPM's 2023 list); New Year's Day 2022 on Saturday on 31 December 2021.
    assert!(dates("US", 2023).contains(&"2023-01-02".to_string()) && dates("US", 2023).contains(&"2023-11-10".to_string()));
    assert!(dates("US", 2021).contains(&"2021-12-31".to_string()) && !dates("US", 2022).contains(&"2022-01-01".to_string()));
    assert!(dates("US", 2026).contains(&"2026-06-19".to_string()) && dates("US", 2026).contains(&"2026-11-26".to_string()));
    // Belgium: ten legal holidays, not moved.
    assert_eq!(dates("BE", 2026).len(), 10);
    // Far years are typed errors naming the year; a country without holiday data has none.
    assert_eq!(baken_core::help::holidays("NL", 1899), Err(HelpError::YearOutOfRange(1899)));
    assert_eq!(baken_core::help::holidays("NL", 2201), Err(HelpError::YearOutOfRange(2201)));
    assert_eq!(baken_core::help::holidays("CA", 2026), Ok(vec![]));
}

/// A country outside the directory: the worldwide tools, the emergency number where the data has
/// it, otherwise "call your local emergency number", and a note.
#[test]
fn fallback_a_professional_would_sign() {
    let en = lang("en");
    sign(vec![
        Scenario {
            language: en,
            not_first: &["intl-stopncii"],
            ..scenario(
                "Canada, 15, sextortion, Saturday night",
                "CA",
                "2026-12-05T23:30:00-05:00",
                topic("sextortion"),
                ("intl-take-it-down", "https://takeitdown.ncmec.org"),
            )
        },
        Scenario { language: en, ..scenario("Canada, 15, danger right now", "CA", "2026-12-05T23:30:00-05:00", topic("emergency"), ("local-emergency", "")) },
        Scenario {
            language: en,
            ..scenario("Germany, 15, danger right now: 112", "DE", "2026-12-05T23:30:00+01:00", topic("emergency"), ("eu-112", "tel:112"))
        },
        Scenario {
            language: en,
            ..scenario(
                "Germany, 15, images shared",
                "DE",
                "2026-12-05T23:30:00+01:00",
                topic("image_removal"),
                ("intl-take-it-down", "https://takeitdown.ncmec.org"),
            )
        },
    ]);
    let note = |c: &str| baken_core::help::coverage_note(c, lang("en")).unwrap();
    assert!(note("CA").unwrap().contains("does not know the help services in your country yet"));
    assert!(note("DE").is_some() && note("NL").is_none() && note("us").is_none());
    assert_eq!(baken_core::help::coverage_note("ZZ", lang("en")), Err(HelpError::UnknownCountry("ZZ".into())));
    assert_eq!(baken_core::help::coverage_note("C4", lang("en")), Err(HelpError::MalformedCountry("C4".into())));
}

/// Who asks: a parent gets the parent and advice lines and is spoken to about their child; a
/// professional gets the reporting and advice routes; lines only for young people are not theirs.
#[test]
fn audience_a_professional_would_sign() {
    let en = lang("en");
    sign(vec![
        Scenario {
            asker: Asker::Parent,
            age: Some(13),
            not_first: &["nl-kindertelefoon", "nl-meld-misdaad-anoniem"],
            ..scenario(
                "NL parent, child of 13 groomed, Tuesday 20:00",
                "NL",
                "2026-12-01T20:00:00+01:00",
                topic("grooming"),
                ("nl-veilig-thuis", "tel:08002000"),
            )
        },
        Scenario {
            asker: Asker::Parent,
            age: Some(13),
            ..scenario("NL parent, child missing, 03:00", "NL", "2026-12-02T03:00:00+01:00", topic("missing_child"), ("nl-112", "tel:112"))
        },
        Scenario {
            asker: Asker::Professional,
            age: Some(15),
            ..scenario(
                "NL teacher, pupil of 15 blackmailed, Wednesday 10:00",
                "NL",
                "2026-12-02T10:00:00+01:00",
                topic("sextortion"),
                ("nl-veilig-thuis", "tel:08002000"),
            )
        },
        Scenario {
            asker: Asker::Parent,
            age: Some(14),
            language: en,
            not_first: &["gb-childline"],
            ..scenario(
                "GB parent, child of 14 groomed, Tuesday 20:00",
                "GB",
                "2026-12-01T20:00:00+00:00",
                topic("grooming"),
                ("gb-nspcc-helpline", "tel:08088005000"),
            )
        },
        Scenario {
            asker: Asker::Professional,
            age: Some(14),
            language: en,
            ..scenario(
                "GB youth worker, child of 14 groomed, 23:00",
                "GB",
                "2026-12-01T23:00:00+00:00",
                topic("grooming"),
                ("gb-nspcc-helpline", "mailto:help@nspcc.org.uk"),
            )
        },
        Scenario {
            asker: Asker::Teen,
            age: Some(14),
            language: en,
            not_first: &["gb-nspcc-helpline"],
            ..scenario("GB teen of 14 groomed, 23:00", "GB", "2026-12-01T23:00:00+00:00", topic("grooming"), ("gb-childline", "tel:08001111"))
        },
    ]);
    let person = |asker| Person { asker, age: Some(13), language: lang("nl"), quiet: false };
    let at = parse_time("2026-12-01T20:00:00+01:00").unwrap();
    let parent = baken_core::help::route(&topic("grooming"), "NL", &person(Asker::Parent), at).unwrap();
    assert!(parent.iter().all(|r| r.service_id != "nl-kindertelefoon"), "the Kindertelefoon is for the child to call");
    assert!(parent.iter().any(|r| r.reason.contains("het vertrouwen van je kind")), "{parent:#?}");
    let teen = baken_core::help::route(&topic("grooming"), "NL", &person(Asker::Teen), at).unwrap();
    assert!(teen.iter().any(|r| r.reason.contains("je vertrouwen")) && teen[0].service_id == "nl-kindertelefoon", "{teen:#?}");
    assert_eq!("ouder".parse::<Asker>(), Err(HelpError::UnknownAudience("ouder".into())));
}

/// Missing services and flags: suicide in Belgium and for UK adults, sextortion offers a
/// suicide line too, free lines say so, and "talk about anything" only for lines that mean it.
#[test]
fn services_and_flags_a_professional_would_sign() {
    let en = lang("en");
    sign(vec![
        Scenario {
            not_first: &["be-1712"],
            ..scenario("BE, 15, suicidal thoughts, Wednesday 10:00", "BE", "2026-12-02T10:00:00+01:00", topic("suicide"), ("be-zelfmoordlijn", "tel:1813"))
        },
        Scenario {
            age: Some(45),
            language: en,
            not_first: &["gb-nspcc-helpline"],
            ..scenario("GB adult, suicidal thoughts, 23:00", "GB", "2026-12-01T23:00:00+00:00", topic("suicide"), ("gb-samaritans", "tel:116123"))
        },
        Scenario {
            age: Some(16),
            language: en,
            not_first: &["gb-ceop", "intl-take-it-down"],
            ..scenario(
                "GB, 16, blackmailed with pictures, Saturday 23:30: someone to talk to, not a form with unknown hours",
                "GB",
                "2026-12-05T23:30:00+00:00",
                topic("sextortion"),
                ("gb-childline", "tel:08001111"),
            )
        },
    ]);
    let uk = baken_core::help::route(
        &topic("sextortion"),
        "GB",
        &Person { asker: Asker::Teen, age: Some(16), language: en, quiet: false },
        parse_time("2026-12-05T23:30:00+00:00").unwrap(),
    )
    .unwrap();
    assert!(uk.iter().any(|r| r.service_id == "gb-report-remove") && uk.iter().any(|r| r.service_id == "gb-childline"), "{uk:#?}");
    let at = parse_time("2026-12-05T23:30:00+01:00").unwrap();
    let teen = Person { asker: Asker::Teen, age: Some(15), language: lang("nl"), quiet: false };
    let blackmail = baken_core::help::route(&topic("sextortion"), "NL", &teen, at).unwrap();
    assert!(blackmail.iter().any(|r| r.service_id == "nl-113"), "after sextortion, suicide risk is real: 113 is offered");
    assert!(blackmail.iter().any(|r| r.service_id == "nl-politie"), "aangifte is offered for sextortion");
    let csg = blackmail.iter().find(|r| r.service_id == "nl-centrum-seksueel-geweld").unwrap();
    assert!(csg.reason.contains("Gratis"), "{}", csg.reason);
    let general = baken_core::help::route(&Situation::default(), "NL", &teen, at).unwrap();
    for route in general.iter().filter(|r| r.reason.contains("over alles praten")) {
        assert!(["nl-kindertelefoon", "nl-luisterlijn"].contains(&route.service_id.as_str()), "only a line for anything says so: {route:#?}");
    }
    let gb = baken_core::help::route(
        &topic("grooming"),
        "GB",
        &Person { asker: Asker::Parent, age: Some(14), language: en, quiet: false },
        parse_time("2026-12-01T23:00:00+00:00").unwrap(),
    )
    .unwrap();
    let email = gb.iter().find(|r| r.action_uri.starts_with("mailto:")).unwrap();
    assert!(email.reason.contains("You can send an e-mail at any time") && !email.reason.contains("Open day and night"), "{}", email.reason);
    let labels: Vec<&str> = gb.iter().map(|r| r.label.as_str()).collect();
    let mut unique = labels.clone();
    unique.dedup();
    assert_eq!(labels.len(), unique.len(), "no label twice: {labels:?}");
}

/// A 15-year-old in England is blackmailed with pictures on Saturday at 23:30. Childline (24/7,
/// free, a person) and Take It Down (a self-service removal tool, always there) are both open;
/// by the rules someone to talk to comes first, the removal tools next. Danger puts 999 first;
/// someone who cannot talk gets Childline's chat.
#[test]
fn uk_saturday_night_sextortion_a_professional_would_sign() {
    let en = lang("en");
    let saturday_night = "2026-12-05T23:30:00+00:00";
    let danger = Situation { topic: Some(Topic::Sextortion), signals: vec![Signal::Threat, Signal::PaymentDemand], level: Some(Level::Danger) };
    let tools: &[&str] = &["intl-take-it-down", "gb-report-remove", "gb-ceop", "intl-stopncii"];
    sign(vec![
        Scenario {
            language: en,
            not_first: tools,
            ..scenario("England, 15, blackmailed with pictures, Saturday 23:30", "GB", saturday_night, topic("sextortion"), ("gb-childline", "tel:08001111"))
        },
        Scenario {
            language: en,
            quiet: true,
            not_first: tools,
            ..scenario(
                "England, 15, blackmailed, cannot talk out loud",
                "GB",
                saturday_night,
                topic("sextortion"),
                ("gb-childline", "https://www.childline.org.uk"),
            )
        },
        Scenario { language: en, ..scenario("England, 15, blackmailed, a danger result", "GB", saturday_night, danger, ("gb-999", "tel:999")) },
        Scenario {
            language: en,
            not_first: &["gb-report-remove"],
            ..scenario(
                "England, 15, wants a picture taken down, Saturday 23:30: the open tool",
                "GB",
                saturday_night,
                topic("image_removal"),
                ("intl-take-it-down", "https://takeitdown.ncmec.org"),
            )
        },
    ]);
    let person = Person { asker: Asker::Teen, age: Some(15), language: en, quiet: false };
    let routes = baken_core::help::route(&topic("sextortion"), "GB", &person, parse_time(saturday_night).unwrap()).unwrap();
    let position = |id: &str| routes.iter().position(|r| r.service_id == id).unwrap_or_else(|| panic!("{id} is not offered: {routes:#?}"));
    assert!(position("gb-childline") < position("intl-take-it-down") && position("intl-take-it-down") < position("gb-report-remove"), "{routes:#?}");
}

/// The services the review found missing, each where a professional would send someone.
#[test]
fn added_services_a_professional_would_sign() {
    let en = lang("en");
    sign(vec![
        Scenario {
            not_first: &["nl-veilig-thuis", "nl-politie"],
            ..scenario(
                "NL, 15, wants to talk, Sunday 03:00: De Luisterlijn is open",
                "NL",
                "2026-12-06T03:00:00+01:00",
                Situation::default(),
                ("nl-luisterlijn", "tel:0880767000"),
            )
        },
        scenario(
            "NL, 15, wants to talk, Sunday 15:00: De Kindertelefoon",
            "NL",
            "2026-12-06T15:00:00+01:00",
            Situation::default(),
            ("nl-kindertelefoon", "tel:08000432"),
        ),
        Scenario {
            not_first: &["nl-comensha", "nl-meld-misdaad-anoniem"],
            age: Some(16),
            ..scenario("NL, 16, loverboy, Wednesday 15:00", "NL", "2026-12-02T15:00:00+01:00", topic("exploitation"), ("nl-kindertelefoon", "tel:08000432"))
        },
        Scenario {
            not_first: &["nl-comensha", "nl-meld-misdaad-anoniem"],
            age: Some(16),
            ..scenario(
                "NL, 16, loverboy, Wednesday 10:00: Veilig Thuis (24/7, mensenhandel)",
                "NL",
                "2026-12-02T10:00:00+01:00",
                topic("exploitation"),
                ("nl-veilig-thuis", "tel:08002000"),
            )
        },
        Scenario {
            not_first: &["be-1712", "be-awel"],
            ..scenario(
                "BE, 15, wants to talk, Sunday 03:00: Tele-Onthaal is open",
                "BE",
                "2026-12-06T03:00:00+01:00",
                Situation::default(),
                ("be-tele-onthaal", "tel:106"),
            )
        },
        Scenario {
            age: Some(30),
            language: en,
            quiet: true,
            not_first: &["gb-nspcc-helpline"],
            ..scenario(
                "GB adult, cannot talk, struggling at 02:00: Shout by text",
                "GB",
                "2026-12-06T02:00:00+00:00",
                Situation::default(),
                ("gb-shout", "sms:85258?body=SHOUT"),
            )
        },
    ]);
    // Stop it Now Vlaanderen's hours are not known, so a line known to be open may come first; it is
    // offered with its free number.
    let adult = Person { asker: Asker::Teen, age: Some(30), language: lang("nl"), quiet: false };
    let worried = baken_core::help::route(&topic("offender_prevention"), "BE", &adult, parse_time("2026-12-02T10:00:00+01:00").unwrap()).unwrap();
    let stop_it_now = worried.iter().find(|r| r.service_id == "be-stop-it-now").unwrap_or_else(|| panic!("{worried:#?}"));
    assert_eq!((stop_it_now.action_uri.as_str(), stop_it_now.availability), ("tel:080020050", Availability::Unknown));
}
