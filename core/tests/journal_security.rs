//! The journal's must-hold security properties, on real SQLite files.

mod journal_support;

use baken_core::journal::{Journal, JournalError, Kdf, KeyStore, Options, SafetyPlan, MIN_ITERATIONS};
use journal_support::*;
use std::sync::Arc;

/// The forms in which a canary could leak: as is, base64, hex, UTF-16 LE and BE.
fn leak_forms(canary: &str) -> Vec<Vec<u8>> {
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = canary.as_bytes();
    let base64: String = bytes
        .chunks(3)
        .flat_map(|c| {
            let n = (u32::from(c[0]) << 16) | (u32::from(*c.get(1).unwrap_or(&0)) << 8) | u32::from(*c.get(2).unwrap_or(&0));
            (0..=c.len()).map(move |i| B64[(n >> (18 - 6 * i) & 63) as usize] as char)
        })
        .collect();
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    vec![
        bytes.to_vec(),
        base64.into_bytes(),
        hex.into_bytes(),
        canary.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        canary.encode_utf16().flat_map(u16::to_be_bytes).collect(),
    ]
}

fn assert_no_leak(dir: &std::path::Path, canaries: &[String]) {
    for (path, bytes) in files(dir) {
        for canary in canaries {
            for form in leak_forms(canary) {
                assert!(!bytes.windows(form.len()).any(|w| w == form.as_slice()), "{} leaks {canary}", path.display());
            }
        }
    }
}

#[test]
fn no_plaintext_at_rest_after_write_delete_backup_and_wipe() {
    let (_tmp, dir, journal) = new_journal();
    let canaries: Vec<String> = (0..6).map(|i| format!("CANARY{i}-zq7Xv{i}")).collect();
    let mut entry = incident(&format!("he said {}", canaries[0]));
    entry.contact = Some(baken_core::journal::Contact { name: canaries[1].clone(), platform: Some(canaries[2].clone()) });
    entry.tags = vec![canaries[3].clone()];
    let first = journal.add(entry).unwrap();
    let second = journal.add(evidence("screenshot", canaries[4].as_bytes())).unwrap();
    journal.set_safety_plan(&SafetyPlan { code_word: canaries[5].clone(), ..SafetyPlan::default() }).unwrap();
    journal.export_backup(&dir.join("backup.bakenjb"), "backup passphrase 1").unwrap();
    let names: Vec<String> = files(&dir).iter().map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert!(names.iter().any(|n| n == "journal.sqlite-wal"), "the WAL is scanned too: {names:?}");
    assert_no_leak(&dir, &canaries);

    journal.delete(&first.id).unwrap();
    journal.delete(&second.id).unwrap();
    assert_no_leak(&dir, &canaries);
    drop(journal);
    assert_no_leak(&dir, &canaries);

    let journal = Journal::open(&dir, fast()).unwrap();
    journal.unlock(PASSCODE).unwrap();
    journal.wipe().unwrap();
    assert_no_leak(&dir, &canaries);
    assert!(!dir.join("journal.sqlite").exists());
}

#[test]
fn sqlite_temporary_files_stay_in_memory() {
    let (_tmp, dir, journal) = new_journal();
    for i in 0..50 {
        journal.add(incident(&format!("entry {i}"))).unwrap();
    }
    journal.entries().unwrap();
    let temp_store: i64 = raw(&dir).query_row("PRAGMA temp_store", [], |r| r.get(0)).unwrap();
    assert_eq!(temp_store, 0, "a plain connection uses the default; the journal sets MEMORY itself");
    let names: Vec<_> = files(&dir).into_iter().map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| n.starts_with("journal.sqlite")), "unexpected files: {names:?}");
}

#[test]
fn flipping_any_byte_of_a_stored_blob_is_detected_for_that_entry_only() {
    let (_tmp, dir, journal) = new_journal();
    let victim = journal.add(evidence("victim", b"PNG bytes")).unwrap();
    let bystander = journal.add(incident("bystander")).unwrap();
    drop(journal);
    let db = raw(&dir);
    let blob_len: i64 = db.query_row("SELECT length(blob) FROM revisions ORDER BY seq LIMIT 1", [], |r| r.get(0)).unwrap();
    for table in ["revisions", "attachments"] {
        for position in [0, 11, 12, blob_len / 2, blob_len - 1] {
            let position = position.min(db.query_row(&format!("SELECT length(blob) - 1 FROM {table} ORDER BY rowid LIMIT 1"), [], |r| r.get::<_, i64>(0)).unwrap());
            let original: Vec<u8> = db.query_row(&format!("SELECT blob FROM {table} ORDER BY rowid LIMIT 1"), [], |r| r.get(0)).unwrap();
            let mut flipped = original.clone();
            flipped[position as usize] ^= 0x01;
            db.execute(&format!("UPDATE {table} SET blob = ?1 WHERE rowid = (SELECT min(rowid) FROM {table})"), [&flipped]).unwrap();

            let journal = Journal::open(&dir, fast()).unwrap();
            journal.unlock(PASSCODE).unwrap();
            let list = journal.entries().unwrap();
            assert_eq!(journal.entry(&bystander.id).unwrap().content.text, "bystander");
            if table == "revisions" {
                assert!(matches!(journal.entry(&victim.id), Err(JournalError::Tampered(_))));
                assert_eq!(list.damaged.len(), 1);
                assert_eq!(list.damaged[0].id, victim.id);
                assert_eq!(journal.verify().unwrap().broken.unwrap().index, 0);
            } else {
                let attachment = &victim.content.attachments[0].id;
                assert!(matches!(journal.attachment(attachment), Err(JournalError::Tampered(_))));
                assert_eq!(list.entries.len(), 2);
            }
            drop(journal);
            db.execute(&format!("UPDATE {table} SET blob = ?1 WHERE rowid = (SELECT min(rowid) FROM {table})"), [&original]).unwrap();
        }
    }
    let journal = Journal::open(&dir, fast()).unwrap();
    journal.unlock(PASSCODE).unwrap();
    assert!(journal.verify().unwrap().broken.is_none(), "restoring the bytes restores the journal");
}

#[test]
fn swapping_two_blobs_between_rows_is_detected() {
    let (_tmp, dir, journal) = new_journal();
    let a = journal.add(incident("first")).unwrap();
    let b = journal.add(incident("second")).unwrap();
    drop(journal);
    let db = raw(&dir);
    db.execute_batch(
        "CREATE TEMP TABLE keep AS SELECT seq, blob FROM revisions;
         UPDATE revisions SET blob = (SELECT blob FROM keep WHERE keep.seq <> revisions.seq);",
    )
    .unwrap();
    let journal = Journal::open(&dir, fast()).unwrap();
    journal.unlock(PASSCODE).unwrap();
    assert!(matches!(journal.entry(&a.id), Err(JournalError::Tampered(_))));
    assert!(matches!(journal.entry(&b.id), Err(JournalError::Tampered(_))));
    assert_eq!(journal.verify().unwrap().broken.unwrap().index, 0);
}

#[test]
fn reordering_or_removing_revisions_breaks_the_chain_at_the_first_bad_link() {
    let (_tmp, dir, journal) = new_journal();
    for text in ["one", "two", "three"] {
        journal.add(incident(text)).unwrap();
    }
    let intact = journal.verify().unwrap();
    assert_eq!((intact.links, intact.broken), (3, None));
    drop(journal);
    raw(&dir).execute("DELETE FROM revisions WHERE seq = (SELECT max(seq) FROM revisions)", []).unwrap();
    let journal = Journal::open(&dir, fast()).unwrap();
    journal.unlock(PASSCODE).unwrap();
    let report = journal.verify().unwrap();
    assert_eq!(report.broken.unwrap().index, 2, "the seal covers three links, two are left");
    assert_eq!(report.seal, intact.seal);
    drop(journal);
    raw(&dir).execute("UPDATE revisions SET seq = 100 WHERE seq = (SELECT min(seq) FROM revisions)", []).unwrap();
    let journal = Journal::open(&dir, fast()).unwrap();
    journal.unlock(PASSCODE).unwrap();
    assert_eq!(journal.verify().unwrap().broken.unwrap().index, 0);
}

/// Every row of every table, for comparing before and after.
fn snapshot(dir: &std::path::Path, skip_counter: bool) -> Vec<String> {
    let db = raw(dir);
    let mut rows = Vec::new();
    for table in ["meta", "slots", "revisions", "attachments", "heads", "plans"] {
        let filter = if skip_counter && table == "meta" { "WHERE key NOT IN ('failed_attempts', 'last_failed_at', 'last_failed_boot')" } else { "" };
        let mut statement = db.prepare(&format!("SELECT * FROM {table} {filter} ORDER BY 1")).unwrap();
        let columns = statement.column_count();
        let mut query = statement.query([]).unwrap();
        while let Some(row) = query.next().unwrap() {
            let values: Vec<String> = (0..columns).map(|i| format!("{:?}", row.get_ref(i).unwrap())).collect();
            rows.push(format!("{table}: {}", values.join(" | ")));
        }
    }
    rows
}

#[test]
fn a_wrong_passcode_is_a_typed_error_counts_and_changes_nothing_else() {
    let (_tmp, dir, journal) = new_journal();
    let entry = journal.add(incident("kept")).unwrap();
    drop(journal);
    let before = snapshot(&dir, true);
    let journal = Journal::open(&dir, fast()).unwrap();
    for _ in 0..5 {
        assert!(matches!(journal.unlock("not the passcode"), Err(JournalError::WrongPasscode)));
    }
    match journal.unlock(PASSCODE) {
        Err(JournalError::LockedOut { retry_after_seconds }) => assert!((1..=30).contains(&retry_after_seconds)),
        other => panic!("expected LockedOut, got {other:?}"),
    }
    assert!(!journal.is_unlocked());
    drop(journal);
    assert_eq!(snapshot(&dir, true), before);

    let reopened = Journal::open(&dir, fast()).unwrap();
    assert!(matches!(reopened.unlock(PASSCODE), Err(JournalError::LockedOut { .. })), "the counter is persisted");
    drop(reopened);
    // Both clocks say the last failure was long ago (the time since boot is this machine's uptime).
    raw(&dir).execute("UPDATE meta SET value = ?1 WHERE key IN ('last_failed_at', 'last_failed_boot')", [&0u64.to_be_bytes()]).unwrap();
    let journal = Journal::open(&dir, fast()).unwrap();
    journal.unlock(PASSCODE).unwrap();
    assert_eq!(journal.entry(&entry.id).unwrap().content.text, "kept");
    drop(journal);
    let journal = Journal::open(&dir, fast()).unwrap();
    assert!(matches!(journal.unlock("wrong again"), Err(JournalError::WrongPasscode)), "a right passcode resets the count");
}

#[test]
fn a_newer_format_version_is_refused_without_touching_the_file() {
    let (_tmp, dir, journal) = new_journal();
    journal.add(incident("kept")).unwrap();
    drop(journal);
    raw(&dir).execute("UPDATE meta SET value = ?1 WHERE key = 'format'", [&2u32.to_be_bytes()]).unwrap();
    let before = std::fs::read(dir.join("journal.sqlite")).unwrap();
    let before_rows = snapshot(&dir, false);
    assert!(matches!(Journal::open(&dir, fast()), Err(JournalError::UnsupportedVersion { found: 2, supported: 1 })));
    assert_eq!(std::fs::read(dir.join("journal.sqlite")).unwrap(), before);
    assert_eq!(snapshot(&dir, false), before_rows);
}

#[test]
fn the_standard_kdf_uses_and_demands_at_least_600_000_iterations() {
    let tmp = tempfile::tempdir().unwrap();
    let fast_dir = tmp.path().join("fast");
    drop(Journal::create(&fast_dir, PASSCODE, fast()).unwrap());
    let standard = Journal::open(&fast_dir, Options::default()).unwrap();
    assert!(matches!(standard.unlock(PASSCODE), Err(JournalError::KdfTooWeak(1000))));

    let dir = tmp.path().join("standard");
    drop(Journal::create(&dir, PASSCODE, Options::default()).unwrap());
    let iterations: Vec<u8> = raw(&dir).query_row("SELECT value FROM meta WHERE key = 'kdf_iterations'", [], |r| r.get(0)).unwrap();
    assert!(u64::from_be_bytes(iterations.try_into().unwrap()) >= u64::from(MIN_ITERATIONS));
    raw(&dir).execute("UPDATE meta SET value = ?1 WHERE key = 'kdf_iterations'", [&599_999u64.to_be_bytes()]).unwrap();
    let downgraded = Journal::open(&dir, Options::default()).unwrap();
    assert!(matches!(downgraded.unlock(PASSCODE), Err(JournalError::KdfTooWeak(599_999))));
}

#[test]
fn lock_forgets_the_keys_and_unlock_brings_everything_back() {
    let (_tmp, _dir, journal) = new_journal();
    let entry = journal.add(incident("before lock")).unwrap();
    journal.lock();
    assert!(matches!(journal.entries(), Err(JournalError::Locked)));
    assert!(matches!(journal.add(incident("x")), Err(JournalError::Locked)));
    journal.unlock(PASSCODE).unwrap();
    assert_eq!(journal.entry(&entry.id).unwrap(), entry);
}

#[test]
fn changing_the_passcode_rewraps_only_the_key() {
    let (_tmp, dir, journal) = new_journal();
    let entry = journal.add(incident("kept")).unwrap();
    let revisions_before = snapshot(&dir, false).into_iter().filter(|r| r.starts_with("revisions")).collect::<Vec<_>>();
    assert!(matches!(journal.change_passcode("wrong one", "new passcode 7"), Err(JournalError::WrongPasscode)));
    journal.change_passcode(PASSCODE, "new passcode 7").unwrap();
    journal.lock();
    assert!(matches!(journal.unlock(PASSCODE), Err(JournalError::WrongPasscode)));
    journal.unlock("new passcode 7").unwrap();
    assert_eq!(journal.entry(&entry.id).unwrap(), entry);
    let revisions_after = snapshot(&dir, false).into_iter().filter(|r| r.starts_with("revisions")).collect::<Vec<_>>();
    assert_eq!(revisions_after, revisions_before);
    assert!(matches!(journal.change_passcode("new passcode 7", "short"), Err(JournalError::InvalidInput(_))));
}

#[test]
fn the_duress_passcode_opens_a_normal_looking_decoy_and_leaves_the_real_journal_intact() {
    let (_tmp, dir, journal) = new_journal();
    let slots_before: i64 = raw(&dir).query_row("SELECT count(*) FROM slots", [], |r| r.get(0)).unwrap();
    let real = journal.add(incident("the real evidence")).unwrap();
    assert!(matches!(journal.set_duress_passcode(PASSCODE, PASSCODE), Err(JournalError::InvalidInput(_))));
    journal.set_duress_passcode(PASSCODE, "duress 2468").unwrap();
    let slots_after: i64 = raw(&dir).query_row("SELECT count(*) FROM slots", [], |r| r.get(0)).unwrap();
    assert_eq!(slots_before, slots_after, "the slot count does not reveal a duress passcode");
    journal.lock();

    journal.unlock("duress 2468").unwrap();
    assert!(journal.entries().unwrap().entries.is_empty());
    let decoy = journal.add(incident("homework stress")).unwrap();
    assert!(journal.verify().unwrap().broken.is_none());
    assert!(matches!(journal.entry(&real.id), Err(JournalError::NotFound(_))));
    journal.lock();

    journal.unlock(PASSCODE).unwrap();
    let list = journal.entries().unwrap();
    assert_eq!(list.entries, vec![real]);
    assert!(list.damaged.is_empty());
    assert!(matches!(journal.entry(&decoy.id), Err(JournalError::NotFound(_))));
}

#[test]
fn the_key_stores_device_key_is_needed_to_unlock_with_the_passcode() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let with_store = |pad| Options { kdf: Kdf::InsecureFastForTests, key_store: Some(Arc::new(TestKeyStore::new(pad))) };
    let journal = Journal::create(&dir, PASSCODE, with_store(0x5a)).unwrap();
    let entry = journal.add(incident("bound to this phone")).unwrap();
    drop(journal);

    let copied = Journal::open(&dir, fast()).unwrap();
    assert!(matches!(copied.unlock(PASSCODE), Err(JournalError::KeyStore(_))));
    let other_phone = Journal::open(&dir, with_store(0x33)).unwrap();
    assert!(other_phone.unlock(PASSCODE).is_err());

    let journal = Journal::open(&dir, with_store(0x5a)).unwrap();
    journal.unlock(PASSCODE).unwrap();
    assert_eq!(journal.entry(&entry.id).unwrap(), entry);
    journal.enable_biometric_unlock().unwrap();
    journal.lock();
    journal.unlock_with_biometrics().unwrap();
    assert_eq!(journal.entry(&entry.id).unwrap(), entry);
    journal.lock();
    let re_enrolled = Journal::open(&dir, with_store(0x33)).unwrap();
    assert!(matches!(re_enrolled.unlock_with_biometrics(), Err(JournalError::KeyStore(_))), "another biometric key does not open it");
}

#[test]
fn no_journal_key_crosses_to_the_key_store() {
    /// Records everything Baken gives the key store.
    struct Spy(TestKeyStore, std::sync::Mutex<Vec<Vec<u8>>>);
    impl KeyStore for Spy {
        fn device_mac(&self, data: &[u8]) -> Result<Vec<u8>, String> {
            self.1.lock().unwrap().push(data.to_vec());
            self.0.device_mac(data)
        }
        fn biometric_mac(&self, data: &[u8]) -> Result<Vec<u8>, String> {
            self.1.lock().unwrap().push(data.to_vec());
            self.0.biometric_mac(data)
        }
        fn destroy_key(&self) -> Result<(), String> {
            self.0.destroy_key()
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let spy = Arc::new(Spy(TestKeyStore::new(0x5a), Default::default()));
    let journal = Journal::create(&dir, PASSCODE, Options { kdf: Kdf::InsecureFastForTests, key_store: Some(spy.clone()) }).unwrap();
    journal.enable_biometric_unlock().unwrap();
    journal.lock();
    journal.unlock_with_biometrics().unwrap();
    drop(journal);
    let given = spy.1.lock().unwrap().clone();
    let db = raw(&dir);
    let meta = |key: &str| -> Vec<u8> { db.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).unwrap() };
    let (file_id, salt) = (meta("file_id"), meta("kdf_salt"));
    let mut public = vec![[b"baken device binding v1".as_slice(), &file_id, &salt].concat()];
    let slots: Vec<Vec<u8>> = db.prepare("SELECT id FROM slots").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    public.extend(slots.iter().map(|id| [b"baken biometric unlock v1".as_slice(), &file_id, id].concat()));
    assert!(given.len() >= 3 && given.iter().all(|data| public.contains(data)), "only a label and public ids reach the key store, never a key");
}

#[test]
fn creating_over_an_existing_journal_is_refused() {
    let (_tmp, dir, journal) = new_journal();
    journal.add(incident("kept")).unwrap();
    drop(journal);
    assert!(matches!(Journal::create(&dir, "another passcode", fast()), Err(JournalError::AlreadyExists(_))));
    let journal = Journal::open(&dir, fast()).unwrap();
    journal.unlock(PASSCODE).unwrap();
    assert_eq!(journal.entries().unwrap().entries.len(), 1);
}
