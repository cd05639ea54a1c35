//! The streamed backup: size cap, early refusal, chunk order, content checks after decryption,
//! damaged attachments. Malicious backups are made by opening a real one with the documented
//! format (see `baken_core::journal::backup`) and sealing changed frames again.

mod journal_support;

use baken_core::journal::backup::{BackupSummary, CHUNK_BYTES};
use baken_core::journal::crypto::{self, Key};
use baken_core::journal::{Contact, Journal, JournalError, SafetyPlan, MAX_TEXT_BYTES};
use journal_support::*;
use serde_json::Value;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const PASSPHRASE: &str = "moving phones 2026";
const HEADER_LEN: usize = 60;
const KEY_CHECK_AT: usize = 32;
const SEALED_CHUNK: usize = 12 + CHUNK_BYTES + 16;
const LINK: u8 = 1;
const ATTACHMENT: u8 = 2;

fn random(len: usize) -> Vec<u8> {
    let mut bytes = vec![0; len];
    crypto::fill_random(&mut bytes).unwrap();
    bytes
}

/// A journal with an entry of `attachment_len` random bytes; its backup file and bytes.
fn backed_up(attachment_len: usize) -> (tempfile::TempDir, PathBuf, Journal, Vec<u8>) {
    let (tmp, dir, journal) = new_journal();
    let mut new = evidence("screenshot of the threat", &random(attachment_len));
    new.contact = Some(Contact { name: "@sam_2008".into(), platform: Some("Snapchat".into()) });
    journal.add(new).unwrap();
    let backup = tmp.path().join("journal.bakenjb");
    journal.export_backup(&backup, PASSPHRASE).unwrap();
    let bytes = std::fs::read(&backup).unwrap();
    (tmp, dir, journal, bytes)
}

fn key(header: &[u8]) -> Key {
    let iterations = NonZeroU32::new(u32::from_be_bytes(header[12..16].try_into().unwrap())).unwrap();
    crypto::passcode_key(PASSPHRASE, &header[16..KEY_CHECK_AT], iterations, None).unwrap()
}

fn chunk_aad(header: &[u8], index: usize, last: bool) -> Vec<u8> {
    [header, &(index as u64).to_be_bytes(), &[u8::from(last)]].concat()
}

/// The frames of a backup, opened with the documented format.
fn frames(backup: &[u8]) -> Vec<(u8, Vec<u8>)> {
    let (header, body) = backup.split_at(HEADER_LEN);
    let key = key(header);
    let count = body.chunks(SEALED_CHUNK).count();
    let plain: Vec<u8> = body
        .chunks(SEALED_CHUNK)
        .enumerate()
        .flat_map(|(i, chunk)| crypto::open(&key, &chunk_aad(header, i, i + 1 == count), chunk).unwrap().to_vec())
        .collect();
    let mut out = Vec::new();
    let mut rest = plain.as_slice();
    while !rest.is_empty() {
        let len = u32::from_be_bytes(rest[1..5].try_into().unwrap()) as usize;
        out.push((rest[0], rest[5..5 + len].to_vec()));
        rest = &rest[5 + len..];
    }
    out
}

/// A backup with the same header (and so the same passphrase) holding `frames`.
fn sealed(header: &[u8], frames: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let key = key(header);
    let plain: Vec<u8> = frames.iter().flat_map(|(kind, bytes)| [&[*kind][..], &(bytes.len() as u32).to_be_bytes(), bytes].concat()).collect();
    let chunks: Vec<&[u8]> = if plain.is_empty() { vec![&[]] } else { plain.chunks(CHUNK_BYTES).collect() };
    let mut out = header.to_vec();
    for (i, chunk) in chunks.iter().enumerate() {
        out.extend(crypto::seal(&key, &chunk_aad(header, i, i + 1 == chunks.len()), chunk).unwrap());
    }
    out
}

/// The first link's JSON, changed by `change`, sealed again (the journal has one link).
fn with_first_link(backup: &[u8], change: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut frames = frames(backup);
    let (kind, link) = &mut frames[0];
    assert_eq!(*kind, LINK);
    let mut json: Value = serde_json::from_slice(&link[33..]).unwrap();
    change(&mut json);
    link.truncate(33);
    link.extend(serde_json::to_vec(&json).unwrap());
    sealed(&backup[..HEADER_LEN], &frames)
}

/// Imports `bytes` into a fresh folder; the folder must not exist afterwards if it failed.
fn import(tmp: &Path, bytes: &[u8]) -> Result<Journal, JournalError> {
    let file = tmp.join("changed.bakenjb");
    std::fs::write(&file, bytes).unwrap();
    let target = tmp.join("target");
    let result = Journal::import_backup(&file, PASSPHRASE, &target, "new passcode", fast());
    if result.is_err() {
        assert!(!target.exists(), "a failed import leaves nothing behind");
    }
    std::fs::remove_file(&file).unwrap();
    result
}

fn assert_bad(result: Result<Journal, JournalError>, what: &str) {
    match result {
        Err(JournalError::BadBackup(reason)) => println!("{what}: {reason}"),
        Err(other) => panic!("{what}: expected BadBackup, got {other:?}"),
        Ok(_) => panic!("{what}: imported"),
    }
}

#[test]
fn a_round_trip_keeps_the_seal_every_revision_attachment_and_the_plan() {
    let (tmp, _dir, journal) = new_journal();
    let big = random(3 * CHUNK_BYTES + 17);
    let first = journal.add(evidence("screenshot of the threat", &big)).unwrap();
    let edited = journal.edit(&first.id, evidence("screenshot, and the second one", b"second")).unwrap();
    let gone = journal.add(evidence("deleted", b"gone")).unwrap();
    journal.delete(&gone.id).unwrap();
    let mut note = incident("he waited at the gate");
    note.contact = Some(Contact { name: "@sam_2008".into(), platform: None });
    note.tags = vec!["school".into()];
    let note = journal.add(note).unwrap();
    let plan = SafetyPlan { code_word: "pineapple".into(), safe_places: vec!["the library".into()], ..SafetyPlan::default() };
    journal.set_safety_plan(&plan).unwrap();

    let backup = tmp.path().join("journal.bakenjb");
    let summary = journal.export_backup(&backup, PASSPHRASE).unwrap();
    assert_eq!(summary, BackupSummary { entries: 2, attachments: 2, damaged: vec![] });
    #[cfg(unix)]
    assert_eq!(std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&backup).unwrap().permissions()) & 0o777, 0o600);

    let imported = Journal::import_backup(&backup, PASSPHRASE, &tmp.path().join("new phone"), "new passcode", fast()).unwrap();
    assert_eq!(imported.seal().unwrap(), journal.seal().unwrap());
    assert!(imported.verify().unwrap().broken.is_none());
    assert_eq!(imported.entries().unwrap(), journal.entries().unwrap());
    for id in [&edited.id, &note.id] {
        assert_eq!(imported.history(id).unwrap(), journal.history(id).unwrap());
    }
    for info in &edited.content.attachments {
        assert_eq!(imported.attachment(&info.id).unwrap(), journal.attachment(&info.id).unwrap());
    }
    assert!(matches!(imported.entry(&gone.id), Err(JournalError::NotFound(_))));
    assert_eq!(imported.safety_plan().unwrap(), plan);
}

#[test]
fn an_old_or_unknown_format_is_refused() {
    let (tmp, _dir, _journal, bytes) = backed_up(10);
    let mut v1 = b"BAKENJB\n\0\0\0\x01\0\0\x03\xe8".to_vec();
    v1.extend([0; 16 + 8 + 100]);
    assert!(matches!(import(tmp.path(), &v1), Err(JournalError::UnsupportedVersion { found: 1, supported: 2 })));
    let mut costly = bytes.clone();
    costly[12..16].copy_from_slice(&6_000_000u32.to_be_bytes());
    assert_bad(import(tmp.path(), &costly), "6,000,000 iterations");
}

#[test]
fn a_file_larger_than_the_cap_is_refused_before_it_is_read() {
    let (tmp, _dir, _journal, bytes) = backed_up(10);
    let file = tmp.path().join("huge.bakenjb");
    std::fs::write(&file, &bytes).unwrap();
    std::fs::File::options().write(true).open(&file).unwrap().set_len(5 << 30).unwrap();
    let target = tmp.path().join("target");
    let start = Instant::now();
    let result = Journal::import_backup(&file, PASSPHRASE, &target, "new passcode", fast());
    assert!(matches!(result, Err(JournalError::TooLarge { .. })), "{:?}", result.err());
    assert!(start.elapsed() < Duration::from_millis(500), "took {:?}", start.elapsed());
    assert!(!target.exists());
}

#[test]
fn a_wrong_passphrase_or_a_damaged_start_is_found_without_reading_a_100_mb_file() {
    let (tmp, _dir, _journal, bytes) = backed_up(10);
    let file = tmp.path().join("big.bakenjb");
    std::fs::write(&file, &bytes[..HEADER_LEN]).unwrap();
    std::fs::File::options().write(true).open(&file).unwrap().set_len(100_000_000).unwrap();
    let target = tmp.path().join("target");
    for (passphrase, wrong) in [("not the passphrase", true), (PASSPHRASE, false)] {
        let start = Instant::now();
        let result = Journal::import_backup(&file, passphrase, &target, "new passcode", fast());
        assert!(start.elapsed() < Duration::from_secs(2), "took {:?}", start.elapsed());
        match result {
            Err(JournalError::WrongPasscode) => assert!(wrong),
            Err(JournalError::BadBackup(reason)) => assert!(!wrong && reason.contains("chunk 0"), "{reason}"),
            other => panic!("{:?}", other.err()),
        }
        assert!(!target.exists());
    }
}

#[test]
fn cut_dropped_swapped_or_appended_chunks_are_refused() {
    let (tmp, _dir, _journal, bytes) = backed_up(4 * CHUNK_BYTES);
    let (header, body) = bytes.split_at(HEADER_LEN);
    let chunks: Vec<&[u8]> = body.chunks(SEALED_CHUNK).collect();
    assert!(chunks.len() >= 5);
    let joined = |chunks: &[&[u8]]| [header, &chunks.concat()].concat();
    assert_bad(import(tmp.path(), &joined(&chunks[..chunks.len() - 1])), "last chunk cut off");
    assert_bad(import(tmp.path(), &bytes[..bytes.len() - 1]), "last byte cut off");
    assert_bad(import(tmp.path(), &joined(&[&chunks[..1], &chunks[2..]].concat())), "chunk 1 dropped");
    assert_bad(import(tmp.path(), &joined(&[&chunks[..1], &[chunks[2], chunks[1]], &chunks[3..]].concat())), "chunks 1 and 2 swapped");
    assert_bad(import(tmp.path(), &[&bytes[..], b"extra"].concat()), "bytes appended");
    assert_bad(import(tmp.path(), &joined(&[&chunks[..], &[chunks[1]]].concat())), "a chunk appended");
    assert_bad(import(tmp.path(), header), "no chunk at all");
    assert!(import(tmp.path(), &bytes).is_ok(), "the untouched backup still imports");
}

#[test]
fn authenticated_but_malicious_content_is_refused() {
    let (tmp, _dir, _journal, bytes) = backed_up(100);
    let change = |path: &str, value: Value| with_first_link(&bytes, |json| *json.pointer_mut(path).unwrap() = value);
    assert_bad(import(tmp.path(), &change("/revision", Value::from(u32::MAX))), "revision u32::MAX");
    assert_bad(import(tmp.path(), &change("/revision", Value::from(2))), "revision 2 first");
    assert_bad(import(tmp.path(), &change("/index", Value::from(1))), "index 1 first");
    let entry_written = "/event/written";
    assert_bad(import(tmp.path(), &change(&format!("{entry_written}/contact/name"), Value::from("x".repeat(10_000)))), "10,000-byte name");
    assert_bad(import(tmp.path(), &change(&format!("{entry_written}/contact/platform"), Value::from(" "))), "empty platform");
    let tags: Vec<Value> = (0..300).map(|i| Value::from(format!("tag {i}"))).collect();
    assert_bad(import(tmp.path(), &change(&format!("{entry_written}/tags"), Value::from(tags))), "300 tags");
    assert_bad(import(tmp.path(), &change(&format!("{entry_written}/happened_at"), Value::from("yesterday"))), "a bad time");
    assert_bad(import(tmp.path(), &change(&format!("{entry_written}/text"), Value::from("x".repeat(MAX_TEXT_BYTES + 1)))), "a long text");
    let attachment = format!("{entry_written}/attachments/0");
    assert_bad(import(tmp.path(), &change(&format!("{attachment}/media_type"), Value::from("text/html<script>"))), "a bad media type");
    assert_bad(import(tmp.path(), &change(&format!("{attachment}/size"), Value::from(99))), "a size that lies");
    assert_bad(import(tmp.path(), &change(&format!("{attachment}/size"), Value::from(u64::MAX))), "a huge size");
    let upper = with_first_link(&bytes, |json| {
        let id = json.pointer_mut(&format!("{attachment}/id")).unwrap();
        *id = Value::from(id.as_str().unwrap().to_uppercase());
    });
    assert_bad(import(tmp.path(), &upper), "an upper-case attachment id");

    let frames = frames(&bytes);
    assert_eq!(frames.iter().map(|(kind, _)| *kind).collect::<Vec<_>>(), [LINK, ATTACHMENT]);
    let header = &bytes[..HEADER_LEN];
    assert_bad(import(tmp.path(), &sealed(header, &frames[..1])), "a listed attachment missing");
    assert_bad(import(tmp.path(), &sealed(header, &[&frames[..], &frames[1..]].concat())), "an attachment twice");
    let mut elsewhere = frames.clone();
    elsewhere[1].1[16..32].copy_from_slice(&[7; 16]);
    assert_bad(import(tmp.path(), &sealed(header, &elsewhere)), "an attachment of an unknown entry");
    let mut changed = frames.clone();
    *changed[1].1.last_mut().unwrap() ^= 1;
    assert_bad(import(tmp.path(), &sealed(header, &changed)), "changed attachment bytes");
    assert_bad(import(tmp.path(), &sealed(header, &[frames[1].clone(), frames[0].clone()])), "the attachment before the link");
    assert_bad(import(tmp.path(), &sealed(header, &[&frames[..], &[(9, vec![1, 2, 3])]].concat())), "an unknown record");
    assert_bad(import(tmp.path(), &sealed(header, &[frames[0].clone(), frames[0].clone(), frames[1].clone()])), "a link twice");
    assert!(import(tmp.path(), &sealed(header, &frames)).is_ok(), "the same frames, sealed again, import");
}

/// Zeroes the largest blob in the journal's tables (other than the key slots and settings),
/// whatever the storage layout: the one attachment of more than a few bytes.
#[test]
fn a_damaged_attachment_is_marked_and_everything_else_is_backed_up() {
    let (tmp, dir, journal) = new_journal();
    let damaged = journal.add(evidence("the long screenshot", &random(200_000))).unwrap();
    let kept = journal.add(evidence("the short one", b"small")).unwrap();
    let damaged_id = damaged.content.attachments[0].id.clone();
    zero_largest_blob(&dir);
    assert!(matches!(journal.attachment(&damaged_id), Err(JournalError::Tampered(_))));

    let backup = tmp.path().join("journal.bakenjb");
    let summary = journal.export_backup(&backup, PASSPHRASE).unwrap();
    assert_eq!(summary, BackupSummary { entries: 2, attachments: 1, damaged: vec![damaged_id.clone()] });
    let imported = Journal::import_backup(&backup, PASSPHRASE, &tmp.path().join("new phone"), "new passcode", fast()).unwrap();
    assert_eq!(imported.seal().unwrap(), journal.seal().unwrap());
    assert_eq!(imported.entries().unwrap().entries, vec![damaged, kept.clone()]);
    assert!(matches!(imported.attachment(&damaged_id), Err(JournalError::NotFound(_))));
    assert_eq!(imported.attachment(&kept.content.attachments[0].id).unwrap().bytes, b"small");
}

#[test]
fn a_deleted_entry_stays_deleted() {
    let (tmp, _dir, journal) = new_journal();
    let gone = journal.add(incident("mistake")).unwrap();
    journal.delete(&gone.id).unwrap();
    let backup = tmp.path().join("journal.bakenjb");
    journal.export_backup(&backup, PASSPHRASE).unwrap();
    let bytes = std::fs::read(&backup).unwrap();
    let (header, frames) = (&bytes[..HEADER_LEN], frames(&bytes));
    assert_eq!(frames.len(), 2, "a redacted revision and the tombstone");
    assert_bad(import(tmp.path(), &sealed(header, &frames[..1])), "the tombstone dropped");
    let mut tombstone: Value = serde_json::from_slice(&frames[1].1[33..]).unwrap();
    tombstone["revision"] = Value::from(3);
    let changed = [frames[0].clone(), (LINK, [&frames[1].1[..33], &serde_json::to_vec(&tombstone).unwrap()].concat())];
    assert_bad(import(tmp.path(), &sealed(header, &changed)), "the tombstone's revision skips one");
}

#[test]
fn a_link_must_be_stored_as_the_journal_writes_it() {
    let (tmp, _dir, _journal, bytes) = backed_up(10);
    let mut frames = frames(&bytes);
    let canonical = String::from_utf8(frames[0].1[33..].to_vec()).unwrap();
    let padded = canonical.replacen("{", "{\"hidden\":\"payload\",", 1);
    frames[0].1 = [&frames[0].1[..33], padded.as_bytes()].concat();
    assert_bad(import(tmp.path(), &sealed(&bytes[..HEADER_LEN], &frames)), "an extra field in a link");
}

#[test]
fn a_failed_import_leaves_the_phones_key_alone() {
    let (tmp, _dir, _journal, bytes) = backed_up(100);
    let bad = with_first_link(&bytes, |link| link["revision"] = Value::from(7));
    let file = tmp.path().join("bad.bakenjb");
    std::fs::write(&file, bad).unwrap();
    let key_store = std::sync::Arc::new(TestKeyStore::new(0x5a));
    let options = baken_core::journal::Options { key_store: Some(key_store.clone() as std::sync::Arc<dyn baken_core::journal::KeyStore>), ..fast() };
    let target = tmp.path().join("target");
    assert_bad(Journal::import_backup(&file, PASSPHRASE, &target, "new passcode", options), "a revision that skips");
    assert!(!target.exists(), "a failed import leaves nothing behind");
    assert_eq!(key_store.destroyed.load(std::sync::atomic::Ordering::SeqCst), 0, "the app's key is not destroyed");
}
