//! Entries, revisions, tombstones, attachments, the safety plan and backups, on real files.

mod journal_support;

use baken_core::journal::{Contact, EntryKind, Journal, JournalError, NewAttachment, SafetyPlan, TrustedAdult, MAX_ATTACHMENT_BYTES};
use journal_support::*;

#[test]
fn an_entry_keeps_every_field_and_both_times() {
    let (_tmp, _dir, journal) = new_journal();
    let mut new = evidence("he asked for a photo", b"\x89PNG...");
    new.contact = Some(Contact { name: "@sam_2008".into(), platform: Some("Snapchat".into()) });
    new.tags = vec!["school".into()];
    let entry = journal.add(new).unwrap();
    assert_eq!(entry.revision, 1);
    assert_eq!(entry.content.kind, EntryKind::Evidence);
    assert_eq!(entry.content.happened_at, "2026-03-01T21:15:00+01:00");
    assert!(chrono::DateTime::parse_from_rfc3339(&entry.content.recorded_at).is_ok());
    assert_eq!(entry.content.contact.as_ref().unwrap().platform.as_deref(), Some("Snapchat"));
    let info = &entry.content.attachments[0];
    assert_eq!((info.media_type.as_str(), info.size), ("image/png", 7));
    let attachment = journal.attachment(&info.id).unwrap();
    assert_eq!(attachment.bytes, b"\x89PNG...");
    assert_eq!(journal.entry(&entry.id).unwrap(), entry);
}

#[test]
fn editing_adds_a_revision_and_keeps_the_history() {
    let (_tmp, _dir, journal) = new_journal();
    let first = journal.add(evidence("first words", b"one")).unwrap();
    let second = journal.edit(&first.id, evidence("better words", b"two")).unwrap();
    assert_eq!(second.revision, 2);
    assert_eq!(second.content.attachments.len(), 2, "earlier attachments are kept");
    let history = journal.history(&first.id).unwrap();
    assert_eq!(history.iter().map(|e| e.content.text.as_str()).collect::<Vec<_>>(), ["first words", "better words"]);
    assert_eq!(journal.entries().unwrap().entries, vec![second]);
    assert!(journal.verify().unwrap().broken.is_none());
}

#[test]
fn deleting_leaves_a_tombstone_and_the_chain_still_verifies() {
    let (_tmp, _dir, journal) = new_journal();
    let gone = journal.add(evidence("mistake", b"bytes")).unwrap();
    journal.edit(&gone.id, incident("mistake, edited")).unwrap();
    let kept = journal.add(incident("kept")).unwrap();
    let seal_before = journal.seal().unwrap();
    journal.delete(&gone.id).unwrap();
    assert_eq!(journal.entries().unwrap().entries, vec![kept]);
    assert!(matches!(journal.entry(&gone.id), Err(JournalError::NotFound(_))));
    assert!(matches!(journal.attachment(&gone.content.attachments[0].id), Err(JournalError::NotFound(_))));
    assert!(matches!(journal.delete(&gone.id), Err(JournalError::NotFound(_))));
    let verification = journal.verify().unwrap();
    assert_eq!((verification.links, verification.broken), (4, None));
    assert_ne!(verification.seal, seal_before, "the tombstone is a new link");
}

#[test]
fn entries_are_listed_by_when_they_happened_across_time_zones() {
    let (_tmp, _dir, journal) = new_journal();
    let mut later = incident("later");
    later.happened_at = "2026-03-01T20:30:00+00:00".into();
    let mut earlier = incident("earlier");
    earlier.happened_at = "2026-03-01T21:00:00+01:00".into();
    journal.add(later).unwrap();
    journal.add(earlier).unwrap();
    let texts: Vec<_> = journal.entries().unwrap().entries.into_iter().map(|e| e.content.text).collect();
    assert_eq!(texts, ["earlier", "later"]);
}

#[test]
fn bad_entries_are_typed_errors_and_store_nothing() {
    let (_tmp, _dir, journal) = new_journal();
    let mut bad_time = incident("x");
    bad_time.happened_at = "yesterday".into();
    assert!(matches!(journal.add(bad_time), Err(JournalError::InvalidInput(_))));
    let mut bad_type = evidence("x", b"y");
    bad_type.attachments[0].media_type = "png".into();
    assert!(matches!(journal.add(bad_type), Err(JournalError::InvalidInput(_))));
    let mut too_big = incident("x");
    too_big.attachments = vec![NewAttachment { media_type: "image/png".into(), bytes: vec![0; MAX_ATTACHMENT_BYTES + 1] }];
    assert!(matches!(journal.add(too_big), Err(JournalError::TooLarge { .. })));
    assert!(matches!(journal.entry("not-an-id"), Err(JournalError::InvalidInput(_))));
    assert!(matches!(journal.edit(&"00".repeat(16), incident("x")), Err(JournalError::NotFound(_))));
    assert_eq!(journal.verify().unwrap().links, 0);
}

#[test]
fn a_20_mb_screenshot_is_accepted() {
    let (_tmp, _dir, journal) = new_journal();
    let bytes: Vec<u8> = (0..MAX_ATTACHMENT_BYTES).map(|i| (i % 251) as u8).collect();
    let entry = journal.add(evidence("long screenshot", &bytes)).unwrap();
    assert_eq!(journal.attachment(&entry.content.attachments[0].id).unwrap().bytes, bytes);
}

#[test]
fn the_safety_plan_is_kept_sealed() {
    let (_tmp, _dir, journal) = new_journal();
    assert_eq!(journal.safety_plan().unwrap(), SafetyPlan::default());
    let plan = SafetyPlan {
        trusted_adults: vec![TrustedAdult { name: "Aunt Mia".into(), contact: "06 ...".into() }],
        safe_places: vec!["the library".into()],
        code_word: "pineapple".into(),
        steps: vec!["stop replying".into(), "tell Aunt Mia".into()],
    };
    journal.set_safety_plan(&plan).unwrap();
    journal.lock();
    assert!(matches!(journal.safety_plan(), Err(JournalError::Locked)));
    journal.unlock(PASSCODE).unwrap();
    assert_eq!(journal.safety_plan().unwrap(), plan);
}

#[test]
fn a_backup_moves_everything_with_the_same_seal_and_never_overwrites() {
    let (tmp, dir, journal) = new_journal();
    let kept = journal.add(evidence("screenshot of the threat", b"png bytes")).unwrap();
    let gone = journal.add(incident("deleted")).unwrap();
    journal.delete(&gone.id).unwrap();
    journal.set_safety_plan(&SafetyPlan { code_word: "pineapple".into(), ..SafetyPlan::default() }).unwrap();
    let backup = tmp.path().join("journal.bakenjb");
    journal.export_backup(&backup, "moving phones 2026").unwrap();
    assert!(matches!(journal.export_backup(&backup, "moving phones 2026"), Err(JournalError::AlreadyExists(_))));

    assert!(matches!(Journal::import_backup(&backup, "moving phones 2026", &dir, "new passcode", fast()), Err(JournalError::AlreadyExists(_))));
    let new_dir = tmp.path().join("new phone");
    let imported = Journal::import_backup(&backup, "moving phones 2026", &new_dir, "new passcode", fast()).unwrap();
    assert_eq!(imported.entries().unwrap().entries, vec![kept.clone()]);
    assert_eq!(imported.attachment(&kept.content.attachments[0].id).unwrap().bytes, b"png bytes");
    assert_eq!(imported.seal().unwrap(), journal.seal().unwrap());
    assert!(imported.verify().unwrap().broken.is_none());
    assert_eq!(imported.safety_plan().unwrap().code_word, "pineapple");
    imported.lock();
    imported.unlock("new passcode").unwrap();
}

#[test]
fn bad_backups_are_typed_errors_and_create_nothing() {
    let (tmp, _dir, journal) = new_journal();
    journal.add(incident("kept")).unwrap();
    let backup = tmp.path().join("journal.bakenjb");
    journal.export_backup(&backup, "moving phones 2026").unwrap();
    let bytes = std::fs::read(&backup).unwrap();
    let target = tmp.path().join("target");
    let import = |file: &std::path::Path, passphrase: &str| Journal::import_backup(file, passphrase, &target, "new passcode", fast()).map(drop);

    assert!(matches!(import(&backup, "wrong passphrase"), Err(JournalError::WrongPasscode)));
    let write = |name: &str, content: &[u8]| {
        let path = tmp.path().join(name);
        std::fs::write(&path, content).unwrap();
        path
    };
    let truncated = write("cut", &bytes[..bytes.len() - 10]);
    assert!(matches!(import(&truncated, "moving phones 2026"), Err(JournalError::BadBackup(_))));
    let header_only = write("header", &bytes[..20]);
    assert!(matches!(import(&header_only, "moving phones 2026"), Err(JournalError::BadBackup(_))));
    let foreign = write("foreign", b"PK\x03\x04 this is a zip file, not a backup at all, honestly");
    assert!(matches!(import(&foreign, "moving phones 2026"), Err(JournalError::BadBackup(_))));
    let mut newer = bytes.clone();
    newer[11] = 3;
    let newer = write("newer", &newer);
    assert!(matches!(import(&newer, "moving phones 2026"), Err(JournalError::UnsupportedVersion { found: 3, .. })));
    let mut flipped = bytes.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 1;
    let flipped = write("flipped", &flipped);
    assert!(import(&flipped, "moving phones 2026").is_err());
    assert!(!target.exists(), "no failed import leaves a journal behind");
    assert_eq!(std::fs::read(&backup).unwrap(), bytes);
    assert!(matches!(import(&tmp.path().join("missing"), "moving phones 2026"), Err(JournalError::Io { .. })));
}

#[test]
fn one_journal_shared_by_reader_threads_and_a_writer_stays_correct() {
    let (_tmp, _dir, journal) = new_journal();
    let journal = std::sync::Arc::new(journal);
    let writer = {
        let journal = journal.clone();
        std::thread::spawn(move || (0..40).map(|i| journal.add(incident(&format!("entry {i}"))).unwrap().id).collect::<Vec<_>>())
    };
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let journal = journal.clone();
            std::thread::spawn(move || {
                let mut seen = 0;
                for _ in 0..40 {
                    let list = journal.entries().unwrap();
                    assert!(list.damaged.is_empty());
                    assert!(list.entries.len() >= seen, "entries never disappear");
                    seen = list.entries.len();
                    assert!(journal.verify().unwrap().broken.is_none());
                }
            })
        })
        .collect();
    let written = writer.join().unwrap();
    readers.into_iter().for_each(|r| r.join().unwrap());
    let list = journal.entries().unwrap();
    assert_eq!(list.entries.len(), 40);
    for id in written {
        assert!(list.entries.iter().any(|e| e.id == id));
    }
    assert_eq!(journal.verify().unwrap().links, 40);
}
