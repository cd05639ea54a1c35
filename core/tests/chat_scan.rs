//! The conversation scan (issue 14): per person, over time, with the teen never scored.

use baken_core::chat::{self, ScanError, Stage};
use baken_core::check::Analyzer;
use baken_core::language::Language;
use baken_core::signal::{Level, Signal};

/// A bundled language by its code.
fn lang(code: &str) -> Language {
    code.parse().expect("a bundled language")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/chats/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn a_groomer_builds_up_and_a_parent_stays_quiet() {
    let analyzer = Analyzer::new().unwrap();
    let export = fixture("scan-grooming-en.txt");
    let chat = chat::read(&export).unwrap();
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
    let export = fixture("scan-grooming-en.txt");
    let chat = chat::read(&export).unwrap();
    let scan = chat::scan(&analyzer, &chat, None, Some(lang("nl"))).unwrap();
    assert!(scan.limitations.contains(&chat::Limitation::MeUnknown));
    assert!(scan.people.iter().all(|p| !p.is_me));
    let alex = scan.people.iter().find(|p| p.name == "Alex").unwrap();
    assert!(alex.summary.starts_with("In 3 dagen ging Alex van complimentjes"), "{}", alex.summary);
    match chat::scan(&analyzer, &chat, Some("Emmma"), None) {
        Err(ScanError::UnknownMe { me, participants }) => assert_eq!((me.as_str(), participants.as_str()), ("Emmma", "Alex, Emma, Mum")),
        other => panic!("expected UnknownMe, got {other:?}"),
    }
}

#[test]
fn a_scan_is_saved_as_one_evidence_entry_about_one_contact() {
    use baken_core::journal::{EntryKind, Journal, Kdf, Options};
    let analyzer = Analyzer::new().unwrap();
    let export = fixture("scan-grooming-en.txt");
    let chat = chat::read(&export).unwrap();
    let scan = chat::scan(&analyzer, &chat, Some("Emma"), Some(lang("en"))).unwrap();
    let offset = chrono::FixedOffset::east_opt(3600).unwrap();
    assert!(
        matches!(chat::evidence(&chat, &scan, "Emma", &export, false, offset, lang("en")), Err(chat::EvidenceError::UnknownContact(_))),
        "the teen is not evidence against herself"
    );
    let entry = chat::evidence(&chat, &scan, "Alex", &export, true, offset, lang("en")).unwrap();
    assert_eq!(entry.kind, EntryKind::Evidence);
    let first_flagged = scan.people.iter().find(|p| p.name == "Alex").unwrap().signals.iter().filter_map(|s| s.first_seen).min().unwrap();
    assert_eq!(entry.happened_at, format!("{}+01:00", first_flagged.format("%Y-%m-%dT%H:%M:%S")), "the first flagged message, in the phone's zone");
    assert!(entry.happened_at.starts_with("2024-03-14T19:0"));
    assert_eq!(entry.contact.as_ref().map(|c| (c.name.as_str(), c.platform.as_deref())), Some(("Alex", Some("WhatsApp"))));
    assert_eq!(entry.level, Some(Level::Danger));
    assert!(entry.text.contains("[2024-03-16 22:15] Alex: send me a pic of you in your bra\n"), "{}", entry.text);
    let sha = baken_core::journal::crypto::hex(&baken_core::journal::crypto::sha256(&[&export]));
    assert!(entry.text.contains(&format!("SHA-256 {sha}")));
    assert!(entry.text.contains("Some messages were deleted before the export."));
    assert_eq!(entry.attachments[0].bytes, export);

    let tmp = tempfile::tempdir().unwrap();
    let journal = Journal::create(&tmp.path().join("journal"), "correct horse 42", Options { kdf: Kdf::InsecureFastForTests, key_store: None }).unwrap();
    let stored = journal.add(entry).unwrap();
    assert_eq!(stored.content.attachments[0].sha256, sha, "the journal keeps the export with the same hash");
    assert!(journal.verify().unwrap().broken.is_none());
}

/// The scan of a WhatsApp export written here, with "Me" as the teen.
fn scan_of(export: &str) -> chat::Scan {
    let analyzer = Analyzer::new().unwrap();
    let chat = chat::read(export.as_bytes()).unwrap();
    chat::scan(&analyzer, &chat, Some("Me"), None).unwrap()
}

fn level_of(scan: &chat::Scan, name: &str) -> Level {
    scan.people.iter().find(|p| p.name == name).unwrap().level
}

/// Friends bantering in a group stay quiet; a stranger in the same group who threatens to post
/// a nude unless paid is danger, and so is the same banter line one to one.
#[test]
fn a_group_of_friends_bantering_stays_quiet_but_a_threat_in_it_does_not() {
    let banter = "12-01-2026 12:30 - Yusuf: wie gaat er vanavond fifa\n12-01-2026 12:31 - Daan: ik\n12-01-2026 12:32 - Me: ik ook na eten\n\
                  12-01-2026 12:33 - Daan: hahaha je bent dood yusuf\n12-01-2026 12:33 - Yusuf: bram ik vermoord je\n\
                  12-01-2026 12:34 - Me: te laat al gescreenshot\n12-01-2026 12:35 - Daan: niet tegen meneer zeggen dat we overschrijven\n";
    let scan = scan_of(banter);
    assert!(level_of(&scan, "Yusuf") < Level::Warning && level_of(&scan, "Daan") < Level::Warning, "{:?}", scan.people);
    let threat = format!("{banter}12-01-2026 12:40 - Kevin: stuur 200 euro via tikkie of ik stuur je naaktfoto naar je hele klas\n");
    assert_eq!(level_of(&scan_of(&threat), "Kevin"), Level::Danger);
    let alone = "12-01-2026 12:33 - Yusuf: bram ik vermoord je\n12-01-2026 12:34 - Me: ??\n";
    assert!(level_of(&scan_of(alone), "Yusuf") >= Level::Warning, "one to one, the same line is no group banter");
}

/// A contact saved as "Oma", or who signs as one once, is family in all their messages: asking
/// whether the teen is home alone or keeping a present's amount from a brother stays quiet; a
/// grandmother asking for a photo in underwear, kept from the parents, does not.
#[test]
fn a_grandmother_known_by_name_or_signature_stays_quiet_unless_she_asks_what_no_one_should() {
    let oma = "20-02-2026 16:10 - Oma: Hoi schat, ben je alleen thuis? Mama zei dat ze vandaag laat werkt\n\
               20-02-2026 16:15 - Me: ja tot 7 uur\n26-02-2026 19:54 - Oma: Niet tegen je broer zeggen hoeveel, hij kreeg vorig jaar minder 🤫\n";
    assert!(level_of(&scan_of(oma), "Oma") < Level::Warning);
    let signed = oma.replace("Oma:", "Els:").replace("laat werkt", "laat werkt. Liefs oma");
    assert!(level_of(&scan_of(&signed), "Els") < Level::Warning, "signed 'liefs oma' once");
    let harmful = format!("{oma}27-02-2026 20:00 - Oma: stuur me een foto in je ondergoed en zeg niks tegen je moeder\n");
    assert!(level_of(&scan_of(&harmful), "Oma") >= Level::Warning);
}
