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
    let mut victim = None;
    // The victim's link, its entry record and its attachment; nothing in the file says which is which.
    let victims = new_records(&dir, || victim = Some(journal.add(evidence("victim", b"PNG bytes")).unwrap()));
    let (victim, attachment) = (victim.unwrap(), |v: &baken_core::journal::Entry| v.content.attachments[0].id.clone());
    let bystander = journal.add(incident("bystander")).unwrap();
    drop(journal);
    assert_eq!(victims.len(), 3);
    let mut attachment_hits = 0;
    for &id in &victims {
        let original = blob(&dir, id);
        for position in [0, 11, 12, original.len() / 2, original.len() - 1] {
            let mut flipped = original.clone();
            flipped[position] ^= 0x01;
            set_blob(&dir, id, &flipped);

            let journal = Journal::open(&dir, fast()).unwrap();
            journal.unlock(PASSCODE).unwrap();
            let list = journal.entries().unwrap();
            assert_eq!(journal.entry(&bystander.id).unwrap().content.text, "bystander");
            if matches!(journal.entry(&victim.id), Err(JournalError::Tampered(_))) {
                assert_eq!(list.damaged.len(), 1);
                assert_eq!(list.damaged[0].id, victim.id);
                assert_eq!(journal.verify().unwrap().broken.unwrap().index, 0);
            } else {
                attachment_hits += 1;
                assert!(matches!(journal.attachment(&attachment(&victim)), Err(JournalError::Tampered(_))));
                assert_eq!(list.entries.len(), 2);
                assert_eq!(journal.verify().unwrap().damaged_attachments, vec![attachment(&victim)]);
            }
            drop(journal);
            set_blob(&dir, id, &original);
        }
    }
    assert_eq!(attachment_hits, 5, "one of the three records is the attachment");
    let journal = Journal::open(&dir, fast()).unwrap();
    journal.unlock(PASSCODE).unwrap();
    assert!(journal.verify().unwrap().broken.is_none(), "restoring the bytes restores the journal");
}

#[test]
fn swapping_two_blobs_between_records_is_detected() {
    let (_tmp, dir, journal) = new_journal();
    let (mut a, mut b) = (None, None);
    let of_a = new_records(&dir, || a = Some(journal.add(incident("first")).unwrap()));
    let of_b = new_records(&dir, || b = Some(journal.add(incident("second")).unwrap()));
    let (a, b) = (a.unwrap(), b.unwrap());
    drop(journal);
    for &x in &of_a {
        for &y in &of_b {
            let (blob_x, blob_y) = (blob(&dir, x), blob(&dir, y));
            assert_eq!(blob_x.len(), blob_y.len(), "records of the same size class, as an attacker would pick");
            set_blob(&dir, x, &blob_y);
            set_blob(&dir, y, &blob_x);
            let journal = Journal::open(&dir, fast()).unwrap();
            journal.unlock(PASSCODE).unwrap();
            assert!(matches!(journal.entry(&a.id), Err(JournalError::Tampered(_))));
            assert!(matches!(journal.entry(&b.id), Err(JournalError::Tampered(_))));
            assert_eq!(journal.verify().unwrap().broken.unwrap().index, 0);
            drop(journal);
            set_blob(&dir, x, &blob_x);
            set_blob(&dir, y, &blob_y);
        }
    }
}

#[test]
fn removing_or_moving_records_breaks_the_chain_at_the_first_bad_link() {
    let (_tmp, dir, journal) = new_journal();
    let of_first = new_records(&dir, || drop(journal.add(incident("one")).unwrap()));
    journal.add(incident("two")).unwrap();
    let of_last = new_records(&dir, || drop(journal.add(incident("three")).unwrap()));
    let intact = journal.verify().unwrap();
    assert_eq!((intact.links, intact.broken), (3, None));
    drop(journal);
    let verify = || {
        let journal = Journal::open(&dir, fast()).unwrap();
        journal.unlock(PASSCODE).unwrap();
        journal.verify().unwrap()
    };
    let db = raw(&dir);
    // The newest link and its entry's record: either one removed, or both.
    for removed in [vec![of_last[0]], vec![of_last[1]], of_last.clone()] {
        let kept: Vec<Vec<u8>> = removed.iter().map(|&id| blob(&dir, id)).collect();
        removed.iter().for_each(|id| assert_eq!(db.execute("DELETE FROM records WHERE id = ?1", [id]).unwrap(), 1));
        let report = verify();
        assert_eq!(report.broken.unwrap().index, 2, "the seal covers three links; the third is gone");
        assert_eq!(report.seal, intact.seal);
        for (id, blob) in removed.iter().zip(&kept) {
            db.execute("INSERT INTO records (id, blob) VALUES (?1, ?2)", rusqlite::params![id, blob]).unwrap();
        }
    }
    assert!(verify().broken.is_none());
    // Moving a record of the first entry to another id (the rows have no order to change).
    for &id in &of_first {
        db.execute("UPDATE records SET id = ?2 WHERE id = ?1", [id, 0x0eee]).unwrap();
        let report = verify();
        assert_eq!(report.broken.unwrap().index, 0);
        db.execute("UPDATE records SET id = ?1 WHERE id = ?2", [id, 0x0eee]).unwrap();
    }
    assert!(verify().broken.is_none());
}

/// Every row of every table, for comparing before and after.
fn snapshot(dir: &std::path::Path, skip_counter: bool) -> Vec<String> {
    let db = raw(dir);
    let mut rows = Vec::new();
    for table in ["meta", "slots", "records"] {
        let filter = if skip_counter && table == "meta" { "WHERE key <> 'attempts'" } else { "" };
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
    // Both clocks say the last failure was long ago (the time since boot is this machine's uptime):
    // without a key store the counts are in the clear, the unlock count's times after its number.
    let db = raw(&dir);
    let mut counts: Vec<u8> = db.query_row("SELECT value FROM meta WHERE key = 'attempts'", [], |r| r.get(0)).unwrap();
    counts[8..24].fill(0);
    db.execute("UPDATE meta SET value = ?1 WHERE key = 'attempts'", [&counts]).unwrap();
    drop(db);
    let journal = Journal::open(&dir, fast()).unwrap();
    journal.unlock(PASSCODE).unwrap();
    assert_eq!(journal.entry(&entry.id).unwrap().content.text, "kept");
    drop(journal);
    let journal = Journal::open(&dir, fast()).unwrap();
    assert!(matches!(journal.unlock("wrong again"), Err(JournalError::WrongPasscode)), "a right passcode resets the count");
}

#[test]
fn format_1_and_a_newer_format_are_refused_without_touching_the_file() {
    let (_tmp, dir, journal) = new_journal();
    journal.add(incident("kept")).unwrap();
    drop(journal);
    for found in [1u32, 3] {
        raw(&dir).execute("UPDATE meta SET value = ?1 WHERE key = 'format'", [&found.to_be_bytes()]).unwrap();
        let before = std::fs::read(dir.join("journal.sqlite")).unwrap();
        let before_rows = snapshot(&dir, false);
        assert!(matches!(Journal::open(&dir, fast()), Err(JournalError::UnsupportedVersion { found: f, supported: 2 }) if f == found));
        assert_eq!(std::fs::read(dir.join("journal.sqlite")).unwrap(), before);
        assert_eq!(snapshot(&dir, false), before_rows);
    }
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
fn changing_the_passcode_reseals_the_vault_keys_records_and_not_the_content() {
    let (_tmp, dir, journal) = new_journal();
    let entry = journal.add(evidence("kept", b"\x89PNG kept")).unwrap();
    let before = records(&dir);
    assert!(matches!(journal.change_passcode("wrong one", "new passcode 7"), Err(JournalError::WrongPasscode)));
    journal.change_passcode(PASSCODE, "new passcode 7").unwrap();
    journal.lock();
    assert!(matches!(journal.unlock(PASSCODE), Err(JournalError::WrongPasscode)));
    journal.unlock("new passcode 7").unwrap();
    assert_eq!(journal.entry(&entry.id).unwrap(), entry);
    let after = records(&dir);
    let ids = |records: &[Record]| records.iter().map(|(id, _)| *id).collect::<Vec<_>>();
    assert_eq!(ids(&after), ids(&before), "the records keep their ids");
    let resealed = before.iter().zip(&after).filter(|(b, a)| b.1 != a.1).count();
    // Head, safety plan, list of entries, the note of the vault below, the entry's record; not
    // its link and attachment (under its content key), nor the vault below's four records and the
    // last vault's three.
    assert_eq!((resealed, after.len() - resealed), (5, 2 + 4 + 3));
    assert!(matches!(journal.change_passcode("new passcode 7", "short"), Err(JournalError::InvalidInput(_))));
}

#[test]
fn the_duress_passcode_opens_a_normal_looking_decoy_and_leaves_the_real_journal_intact() {
    let (_tmp, dir, journal) = new_journal();
    let count = |table: &str| -> i64 { raw(&dir).query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap() };
    let real = journal.add(incident("the real evidence")).unwrap();
    let (slots_before, records_before) = (count("slots"), count("records"));
    assert!(matches!(journal.set_duress_passcode(PASSCODE, PASSCODE), Err(JournalError::InvalidInput(_))));
    journal.set_duress_passcode(PASSCODE, "duress 2468").unwrap();
    assert_eq!(slots_before, count("slots"), "the slot count does not reveal a duress passcode");
    assert_eq!(records_before, count("records"), "nor does the record count: the empty decoy was there from the start");
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
    let answer = re_enrolled.unlock_with_biometrics();
    assert!(
        matches!(answer, Err(JournalError::KeyStore(_) | JournalError::LockedOut { .. })),
        "another key store opens neither the slot nor the attempt counts: {answer:?}"
    );
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
        fn read_anchor(&self) -> Result<Vec<u8>, String> {
            self.0.read_anchor()
        }
        fn write_anchor(&self, anchor: &[u8]) -> Result<(), String> {
            self.0.write_anchor(anchor)
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
    let mut public = vec![[b"baken device binding v1".as_slice(), &file_id, &salt].concat(), [b"baken attempt counts v1".as_slice(), &file_id].concat()];
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

#[test]
fn deleting_the_attempt_counts_is_the_longest_wait_not_a_fresh_start() {
    let (_tmp, dir, journal) = new_journal();
    drop(journal);
    raw(&dir).execute("DELETE FROM meta WHERE key = 'attempts'", []).unwrap();
    let journal = Journal::open(&dir, fast()).unwrap();
    match journal.unlock(PASSCODE) {
        Err(JournalError::LockedOut { retry_after_seconds }) => assert_eq!(retry_after_seconds, 3600),
        other => panic!("expected the longest wait, got {other:?}"),
    }
}
