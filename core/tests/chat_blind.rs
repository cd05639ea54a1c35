//! The scan on conversations written blind (issue 14): WhatsApp exports by writers who had not
//! seen the rules, with the level band and stages each person should get (`expected.json`). Per
//! person: does the band (benign: none or caution; harmful: warning or danger) and do the stages
//! match. `chats-blind` (16 conversations) has been looked at and tuned on since, so it is a
//! development set now; `chats-blind2` (14 conversations, 3 of them group chats) was written
//! fresh afterwards and is never tuned on.
//! `cargo test -p baken-core --test chat_blind -- --nocapture` prints every person.

use baken_core::chat::{self, Stage};
use baken_core::check::Analyzer;
use baken_core::signal::Level;
use serde_json::Value;
use std::collections::BTreeSet;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn band(level: Level) -> &'static str {
    match level {
        Level::None | Level::Caution => "benign",
        Level::Warning | Level::Danger => "harmful",
    }
}

/// Per contact (the teen is checked, not counted): the band and stages expected and found.
struct Tally {
    contacts: usize,
    band_right: usize,
    harmful: usize,
    harmful_found: usize,
    benign: usize,
    false_alarms: usize,
    stages_right: usize,
    stages_wanted: usize,
    stages_found: usize,
    stages_extra: usize,
}

/// Scans every conversation of the set in `folder` with its "me", printing every contact (and,
/// for a miss, the first message of each signal); the set has at least `contacts` contacts.
fn scan_blind_set(folder: &str, contacts: usize) -> Tally {
    let dir = format!("{FIXTURES}/{folder}");
    let analyzer = Analyzer::new().unwrap();
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(format!("{dir}/expected.json")).unwrap()).unwrap();
    let mut t = Tally {
        contacts: 0,
        band_right: 0,
        harmful: 0,
        harmful_found: 0,
        benign: 0,
        false_alarms: 0,
        stages_right: 0,
        stages_wanted: 0,
        stages_found: 0,
        stages_extra: 0,
    };
    for (file, case) in expected.as_object().unwrap() {
        let export = std::fs::read(format!("{dir}/{file}")).unwrap();
        let chat = chat::read(&export).unwrap_or_else(|e| panic!("{file}: {e}"));
        let me = case["me"].as_str().unwrap();
        let scan = chat::scan(&analyzer, &chat, Some(me), None).unwrap_or_else(|e| panic!("{file}: {e}"));
        for (name, want) in case["people"].as_object().unwrap() {
            let person =
                scan.people.iter().find(|p| p.name == *name).unwrap_or_else(|| panic!("{file}: {name} is not a participant of {:?}", chat.participants));
            if person.is_me {
                assert!(person.level == Level::None && person.signals.is_empty(), "{file}: the teen is never scored");
                continue;
            }
            let wanted: BTreeSet<&str> = want["stages"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
            let found: BTreeSet<&str> = person.stages.iter().map(|s: &Stage| s.as_str()).collect();
            let (want_band, got_band) = (want["band"].as_str().unwrap(), band(person.level));
            t.contacts += 1;
            t.band_right += usize::from(want_band == got_band);
            if want_band == "harmful" {
                t.harmful += 1;
                t.harmful_found += usize::from(got_band == "harmful");
            } else {
                t.benign += 1;
                t.false_alarms += usize::from(got_band == "harmful");
            }
            t.stages_right += usize::from(wanted == found);
            t.stages_wanted += wanted.len();
            t.stages_found += wanted.intersection(&found).count();
            t.stages_extra += found.difference(&wanted).count();
            let right = want_band == got_band && wanted == found;
            println!(
                "{} {file} {name}: band {got_band} (want {want_band}, level {}), stages {found:?} (want {wanted:?})",
                if right { "ok  " } else { "MISS" },
                person.level
            );
            if !right {
                for seen in &person.signals {
                    println!("       {} x{}: {:?}", seen.signal, seen.count, chat.message(seen.first_index).text);
                }
            }
        }
    }
    println!(
        "contacts {}: band right {}; harmful found {}/{}; benign flagged harmful {}/{}",
        t.contacts, t.band_right, t.harmful_found, t.harmful, t.false_alarms, t.benign
    );
    println!(
        "stages exactly right for {}/{} contacts; stages found {}/{}, extra {}",
        t.stages_right, t.contacts, t.stages_found, t.stages_wanted, t.stages_extra
    );
    assert!(t.contacts >= contacts, "{folder}: the set is all there");
    t
}

/// What a safeguarding professional would accept from a first read of a chat: no groomer left
/// quiet, and most of the grooming stages named (the summary is built from them).
fn assert_groomers_raised(t: &Tally) {
    assert_eq!(t.harmful_found, t.harmful, "every harmful contact is at least a warning");
    assert!(t.stages_found * 10 >= t.stages_wanted * 7, "stages found {} of {}", t.stages_found, t.stages_wanted);
}

#[test]
fn groomers_are_all_raised_with_their_stages() {
    assert_groomers_raised(&scan_blind_set("chats-blind", 16));
}

#[test]
fn fresh_blind_groomers_are_all_raised_with_their_stages() {
    assert_groomers_raised(&scan_blind_set("chats-blind2", 24));
}

/// At most one benign contact in ten raised to a warning. Measured 2026-12-03: 9 of 10 were
/// (single messages read as threats, secrecy or image requests among friends and family). Since
/// the scan reads each contact's relation across the conversation (a name such as "Oma", a group
/// of friends, an adult open with the parents), 1 of 10 is: a sister's payment link ("tikkie").
#[test]
fn benign_contacts_stay_below_a_warning() {
    let t = scan_blind_set("chats-blind", 16);
    assert!(t.false_alarms * 10 <= t.benign, "{} of {} benign contacts raised to a warning", t.false_alarms, t.benign);
}

/// The same on the fresh set, which judges that change: 12 of 18 benign contacts were raised
/// before it, 4 of 18 after (2026-12-04). The goal is at most one in ten; this floor guards the
/// gain until then.
#[test]
fn fresh_blind_benign_contacts_mostly_stay_below_a_warning() {
    let t = scan_blind_set("chats-blind2", 24);
    assert!(t.false_alarms * 18 <= t.benign * 4, "{} of {} benign contacts raised to a warning", t.false_alarms, t.benign);
}
