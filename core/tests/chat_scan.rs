//! The conversation scan (issue 14): per person, over time, with the teen never scored.

use baken_core::chat::{self, ScanError, Stage};
use baken_core::check::Analyzer;
use baken_core::language::Language;
use baken_core::signal::{Level, Signal};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/chats/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn a_groomer_builds_up_and_a_parent_stays_quiet() {
    let analyzer = Analyzer::new().unwrap();
    let chat = chat::read(&fixture("scan-grooming-en.txt")).unwrap();
    let scan = chat::scan(&analyzer, &chat, Some("Emma"), None).unwrap();
    let alex = scan.people.iter().find(|p| p.name == "Alex").unwrap();
    assert_eq!(alex.level, Level::Danger);
    for stage in [Stage::Trust, Stage::Isolation, Stage::Images, Stage::Coercion] {
        assert!(alex.stages.contains(&stage), "{stage:?} in {:?}", alex.stages);
    }
    assert_eq!(alex.stages[0], Stage::Trust, "it starts with flattery");
    let flattery = alex.signals.iter().find(|s| s.signal == Signal::Flattery).unwrap();
    assert_eq!(flattery.first_seen.unwrap().date().to_string(), "2024-03-14", "on the first day");
    assert_eq!(alex.minutes_to_sexual_request, Some((2 * 24 + 3) * 60 + 13), "19:02 on the 14th to 22:15 on the 16th");
    assert!(alex.summary.starts_with("In 3 days, Alex went from compliments and gifts to keeping it secret, "), "{}", alex.summary);
    assert!(alex.summary.ends_with(" and threats and demands."), "{}", alex.summary);
    assert!(alex.events.iter().any(|(e, n)| *e == chat::Event::Deleted && *n == 1));

    let emma = scan.people.iter().find(|p| p.name == "Emma").unwrap();
    assert!(emma.is_me && emma.signals.is_empty() && emma.level == Level::None);
    let mum = scan.people.iter().find(|p| p.name == "Mum").unwrap();
    assert_eq!(mum.level, Level::None, "a parent's 'where are you' stays quiet");
    assert_eq!(scan.level, Level::Danger);
    assert_eq!(scan.messages_total, 13);
    assert!(!scan.limitations.contains(&chat::Limitation::MeUnknown));
}

#[test]
fn without_me_everyone_is_scored_and_the_result_says_so() {
    let analyzer = Analyzer::new().unwrap();
    let chat = chat::read(&fixture("scan-grooming-en.txt")).unwrap();
    let scan = chat::scan(&analyzer, &chat, None, Some(Language::Nl)).unwrap();
    assert!(scan.limitations.contains(&chat::Limitation::MeUnknown));
    assert!(scan.people.iter().all(|p| !p.is_me));
    let alex = scan.people.iter().find(|p| p.name == "Alex").unwrap();
    assert!(alex.summary.starts_with("In 3 dagen ging Alex van complimentjes"), "{}", alex.summary);
    match chat::scan(&analyzer, &chat, Some("Emmma"), None) {
        Err(ScanError::UnknownMe { me, participants }) => assert_eq!((me.as_str(), participants.as_str()), ("Emmma", "Alex, Emma, Mum")),
        other => panic!("expected UnknownMe, got {other:?}"),
    }
}
