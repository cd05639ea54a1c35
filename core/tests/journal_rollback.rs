//! Finding M7: an older copy of the journal, or of some of its records, put back is noticed
//! through the anchor the phone keeps in its key store; revisions out of order are refused.

mod journal_support;

use baken_core::journal::{Journal, JournalError, Kdf, Options, Remembered, Verification, ANCHOR_LEN};
use baken_core::language::Language;
use journal_support::*;
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// A bundled language by its code.
fn lang(code: &str) -> Language {
    code.parse().expect("a bundled language")
}

fn with(key_store: &Arc<TestKeyStore>) -> Options {
    Options { kdf: Kdf::InsecureFastForTests, key_store: Some(key_store.clone()) }
}

/// A new, unlocked journal bound to a new test key store.
fn bound_journal() -> (tempfile::TempDir, std::path::PathBuf, Arc<TestKeyStore>, Journal) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let key_store = Arc::new(TestKeyStore::new(0x5a));
    let journal = Journal::create(&dir, PASSCODE, with(&key_store)).unwrap();
    (tmp, dir, key_store, journal)
}

fn reopen(dir: &Path, key_store: &Arc<TestKeyStore>, passcode: &str) -> Journal {
    let journal = Journal::open(dir, with(key_store)).unwrap();
    journal.unlock(passcode).unwrap();
    journal
}

fn anchor(key_store: &TestKeyStore) -> Vec<u8> {
    key_store.anchor.lock().unwrap().clone()
}

/// Every record as `id -> blob`.
fn snapshot(dir: &Path) -> HashMap<i64, Vec<u8>> {
    records(dir).into_iter().collect()
}

/// Puts `old` back: every record to its old blob, and the rows that were not there deleted.
fn put_back(dir: &Path, old: &HashMap<i64, Vec<u8>>) {
    let db = raw(dir);
    for (id, _) in records(dir) {
        match old.get(&id) {
            Some(blob) => drop(db.execute("UPDATE records SET blob = ?2 WHERE id = ?1", rusqlite::params![id, blob]).unwrap()),
            None => drop(db.execute("DELETE FROM records WHERE id = ?1", [id]).unwrap()),
        }
    }
}

fn assert_rolled_back(verification: &Verification, remembered_links: u64, remembered_seal: &str) {
    assert_eq!(verification.rolled_back, Some(Remembered { links: remembered_links, seal: remembered_seal.to_string() }), "{verification:?}");
    assert!(!verification.intact);
}

#[test]
fn the_reviews_poc_old_records_put_back_with_the_newer_rows_dropped_are_a_rollback() {
    let (_tmp, dir, key_store, journal) = bound_journal();
    journal.add(incident("entry 1")).unwrap();
    journal.lock();
    let old = snapshot(&dir);
    journal.unlock(PASSCODE).unwrap();
    journal.add(incident("he came to my school")).unwrap();
    journal.add(incident("he threatened me")).unwrap();
    let newest = journal.seal().unwrap();
    drop(journal);
    // The attacker, with file access and no passcode: the old head record (and page of the list)
    // back, the newer rows gone. Inside the file, everything checks out.
    put_back(&dir, &old);
    let journal = reopen(&dir, &key_store, PASSCODE);
    assert_eq!(journal.entries().unwrap().entries.len(), 1, "the teen still reaches what is there");
    let verification = journal.verify().unwrap();
    assert_eq!((verification.links, &verification.broken), (1, &None), "the chain alone cannot tell");
    assert_rolled_back(&verification, 3, &newest);
}

#[test]
fn putting_back_a_copy_of_the_whole_folder_is_noticed_and_stays_noticed() {
    let (tmp, dir, key_store, journal) = bound_journal();
    journal.add(incident("first")).unwrap();
    journal.lock();
    let copy = tmp.path().join("copy");
    std::fs::create_dir(&copy).unwrap();
    let copy_files = |from: &Path, to: &Path| {
        for item in std::fs::read_dir(from).unwrap() {
            let path = item.unwrap().path();
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    };
    copy_files(&dir, &copy);
    journal.unlock(PASSCODE).unwrap();
    journal.add(incident("second")).unwrap();
    journal.add(incident("third")).unwrap();
    let newest = journal.seal().unwrap();
    journal.lock();
    drop(journal);
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::create_dir(&dir).unwrap();
    copy_files(&copy, &dir);

    let journal = reopen(&dir, &key_store, PASSCODE);
    let verification = journal.verify().unwrap();
    assert_eq!(verification.broken, None);
    assert_rolled_back(&verification, 3, &newest);
    // Writing on, and unlocking again, do not hide it.
    for _ in 0..4 {
        journal.add(incident("written after the rollback")).unwrap();
    }
    journal.lock();
    journal.unlock(PASSCODE).unwrap();
    assert_rolled_back(&journal.verify().unwrap(), 3, &newest);
}

#[test]
fn an_untouched_journal_is_intact_and_a_crash_before_the_anchor_write_is_repaired() {
    let (_tmp, dir, key_store, journal) = bound_journal();
    journal.add(incident("first")).unwrap();
    journal.set_safety_plan(&Default::default()).unwrap();
    let verification = journal.verify().unwrap();
    assert!(verification.intact && verification.rolled_back.is_none() && verification.anchor_problem.is_none(), "{verification:?}");
    // The app stopped between the commit and the anchor's write: the file is ahead.
    let before = anchor(&key_store);
    journal.add(incident("second")).unwrap();
    *key_store.anchor.lock().unwrap() = before;
    drop(journal);
    let journal = reopen(&dir, &key_store, PASSCODE);
    assert!(journal.verify().unwrap().intact);
}

#[test]
fn the_anchor_has_one_size_for_the_real_journal_and_the_decoy_with_or_without_a_duress_passcode() {
    let (_tmp, dir, key_store, journal) = bound_journal();
    let (_other_tmp, _other_dir, plain_store, plain) = bound_journal();
    assert_eq!(anchor(&key_store).len(), ANCHOR_LEN);
    plain.add(incident("no duress passcode here")).unwrap();
    journal.set_duress_passcode(PASSCODE, "duress 2468").unwrap();
    assert_eq!(anchor(&key_store).len(), anchor(&plain_store).len(), "the same size with and without a duress passcode");
    // The real journal and the decoy each replace one entry of the same size.
    // One entry per vault: the real journal, its decoy and the decoy's own.
    let entry = ANCHOR_LEN / 3;
    let changed = |before: &[u8], after: &[u8]| before.chunks(entry).zip(after.chunks(entry)).filter(|(a, b)| a != b).count();
    let before = anchor(&key_store);
    journal.add(incident("real")).unwrap();
    let after_real = anchor(&key_store);
    assert_eq!((after_real.len(), changed(&before, &after_real)), (ANCHOR_LEN, 1));
    journal.lock();
    journal.unlock("duress 2468").unwrap();
    journal.add(incident("decoy")).unwrap();
    let after_decoy = anchor(&key_store);
    assert_eq!((after_decoy.len(), changed(&after_real, &after_decoy)), (ANCHOR_LEN, 1));
    assert!(journal.verify().unwrap().intact, "the decoy checks itself as the real journal does");
    drop(journal);
    assert!(reopen(&dir, &key_store, PASSCODE).verify().unwrap().intact, "the decoy's writes leave the real journal's entry alone");
}

#[test]
fn a_shared_seal_that_the_chain_no_longer_holds_is_reported() {
    let (tmp, dir, key_store, journal) = bound_journal();
    journal.add(incident("first")).unwrap();
    let old = snapshot(&dir);
    journal.add(incident("second")).unwrap();
    journal.export_report(&tmp.path().join("report.html"), lang("en")).unwrap();
    let shared = journal.seal().unwrap();
    journal.add(incident("third")).unwrap();
    assert_eq!(journal.verify().unwrap().shared_seal_missing, None, "the chain still passes through the shared seal");
    journal.export_backup(&tmp.path().join("journal.bakenbackup"), "a long passphrase").unwrap();
    let backed_up = journal.seal().unwrap();
    drop(journal);
    put_back(&dir, &old);
    let verification = reopen(&dir, &key_store, PASSCODE).verify().unwrap();
    assert_eq!(verification.shared_seal_missing.as_deref(), Some(backed_up.as_str()), "the last export's seal");
    assert_ne!(shared, backed_up);
    assert!(!verification.intact);
}

#[test]
fn a_key_store_that_cannot_keep_the_anchor_loses_no_write_and_verify_says_so() {
    let (tmp, dir, key_store, journal) = bound_journal();
    journal.add(incident("first")).unwrap();
    journal.lock();
    let copy = snapshot(&dir);
    journal.unlock(PASSCODE).unwrap();
    key_store.anchor_fails.store(true, Ordering::SeqCst);
    let added = journal.add(incident("written while the keychain fails")).unwrap();
    assert_eq!(journal.entry(&added.id).unwrap().content.text, "written while the keychain fails");
    let verification = journal.verify().unwrap();
    assert!(verification.anchor_problem.as_deref().is_some_and(|p| p.contains("keychain")), "{verification:?}");
    assert!(verification.intact, "the journal itself is fine");
    journal.lock();
    journal.unlock(PASSCODE).expect("a failing key store does not keep the teen out");
    assert!(journal.verify().unwrap().anchor_problem.is_some());
    // The next unlock that can reach the key store repairs the anchor, so the write made while
    // it failed is protected from then on.
    key_store.anchor_fails.store(false, Ordering::SeqCst);
    journal.lock();
    journal.unlock(PASSCODE).unwrap();
    assert_eq!(journal.verify().unwrap().anchor_problem, None);
    let newest = journal.seal().unwrap();
    drop(journal);
    put_back(&dir, &copy);
    assert_rolled_back(&reopen(&dir, &key_store, PASSCODE).verify().unwrap(), 2, &newest);
    drop(tmp);
}

#[test]
fn without_a_key_store_there_is_no_anchor_and_the_checks_inside_the_file_hold() {
    let (_tmp, dir, journal) = new_journal();
    journal.add(incident("first")).unwrap();
    let old = snapshot(&dir);
    journal.add(incident("second")).unwrap();
    drop(journal);
    put_back(&dir, &old);
    let journal = Journal::open(&dir, fast()).unwrap();
    journal.unlock(PASSCODE).unwrap();
    let verification = journal.verify().unwrap();
    assert_eq!((verification.rolled_back, verification.anchor_problem, verification.intact), (None, None, true), "nothing outside the file to compare with");
}

#[test]
fn swapping_the_revision_records_of_an_entry_is_a_typed_error_naming_it() {
    let (_tmp, dir, journal) = new_journal();
    let long = |text: &str| incident(&format!("{text} {}", "x".repeat(3000)));
    let mut entry = None;
    let first = new_records(&dir, || entry = Some(journal.add(long("first")).unwrap()));
    let entry = entry.unwrap();
    let second = new_records(&dir, || drop(journal.edit(&entry.id, long("second")).unwrap()));
    drop(journal);
    // The first link is the large record the add made (the other is the entry's small record).
    let first_link = *first.iter().max_by_key(|&&id| blob(&dir, id).len()).unwrap();
    let (a, b) = (blob(&dir, first_link), blob(&dir, second[0]));
    assert_eq!(a.len(), b.len());
    set_blob(&dir, first_link, &b);
    set_blob(&dir, second[0], &a);
    let journal = Journal::open(&dir, fast()).unwrap();
    journal.unlock(PASSCODE).unwrap();
    let names_it = |result: Result<_, JournalError>| matches!(result, Err(JournalError::Tampered(what)) if what.contains(&entry.id));
    assert!(names_it(journal.entry(&entry.id).map(drop)));
    assert!(names_it(journal.history(&entry.id).map(drop)));
    let list = journal.entries().unwrap();
    assert_eq!((list.entries.len(), list.damaged[0].id.as_str()), (0, entry.id.as_str()));
    assert!(!journal.verify().unwrap().intact);
}

#[test]
fn every_vault_keeps_its_own_anchor_entry_even_when_a_decoy_sets_a_duress_passcode() {
    let (_tmp, dir, key_store, journal) = bound_journal();
    journal.add(incident("entry 1")).unwrap();
    journal.lock();
    let old = snapshot(&dir);
    journal.unlock(PASSCODE).unwrap();
    journal.add(incident("he threatened me")).unwrap();
    let newest = journal.seal().unwrap();
    journal.set_duress_passcode(PASSCODE, "duress 2468").unwrap();
    journal.lock();
    // The decoy sets a duress passcode of its own and writes: three vaults, three entries.
    journal.unlock("duress 2468").unwrap();
    journal.add(incident("homework")).unwrap();
    journal.set_duress_passcode("duress 2468", "their duress 1357").unwrap();
    journal.lock();
    journal.unlock("their duress 1357").unwrap();
    journal.add(incident("nothing")).unwrap();
    drop(journal);
    assert_eq!(anchor(&key_store).len(), ANCHOR_LEN);

    // The real journal's records rolled back: its entry was not taken by the decoys.
    let real_records: Vec<i64> = old.keys().copied().collect();
    let db = raw(&dir);
    for id in real_records {
        db.execute("UPDATE records SET blob = ?2 WHERE id = ?1", rusqlite::params![id, old[&id]]).unwrap();
    }
    drop(db);
    let journal = reopen(&dir, &key_store, PASSCODE);
    assert_eq!(journal.entries().unwrap().entries.len(), 1);
    assert_rolled_back(&journal.verify().unwrap(), 2, &newest);
}
