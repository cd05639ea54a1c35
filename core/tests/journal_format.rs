//! Journal format 2 on real files, as someone with a copy of them sees it: opaque records, padded
//! blobs, a decoy that leaves no mark, and a passcode change that old copies cannot follow.

mod journal_support;

use baken_core::journal::crypto::{self, Key};
use baken_core::journal::{Journal, JournalError, SafetyPlan, FORMAT_VERSION};
use journal_support::*;
use std::num::NonZeroU32;
use std::path::Path;

const DURESS: &str = "duress 2468";
/// What a seal adds to the padded plaintext: nonce and tag.
const SEAL_OVERHEAD: usize = 12 + 16;

/// Padmé (lbarman.ch/blog/padme): `E = floor(log2 L)`, `S = floor(log2 E) + 1`, the low `E - S`
/// bits of `L` rounded up.
fn padme(len: usize) -> usize {
    let e = len.ilog2();
    let s = e.ilog2() + 1;
    let mask = (1usize << (e - s)) - 1;
    (len + mask) & !mask
}

/// The same real history in any journal: entries with and without attachments, an edit, a
/// deletion and a safety plan.
fn real_history(journal: &Journal) {
    let first = journal.add(incident("he asked where I live")).unwrap();
    journal.add(evidence("the screenshot", &[0x42; 3000])).unwrap();
    let gone = journal.add(incident("a mistake")).unwrap();
    journal.edit(&first.id, incident("he asked where I live and which school")).unwrap();
    journal.delete(&gone.id).unwrap();
    journal.set_safety_plan(&SafetyPlan { code_word: "pineapple".into(), ..SafetyPlan::default() }).unwrap();
}

/// A few entries that could be written in either vault.
fn more_entries(journal: &Journal) {
    journal.add(incident("homework stress")).unwrap();
    journal.add(evidence("a meme", &[0x17; 900])).unwrap();
}

/// The record lengths, sorted.
fn lengths(dir: &Path) -> Vec<usize> {
    let mut lengths: Vec<usize> = records(dir).iter().map(|(_, blob)| blob.len()).collect();
    lengths.sort_unstable();
    lengths
}

/// The slots' kinds and lengths.
fn slots(dir: &Path) -> Vec<(i64, usize)> {
    let db = raw(dir);
    let mut statement = db.prepare("SELECT kind, length(blob) FROM slots ORDER BY kind, length(blob)").unwrap();
    statement.query_map([], |row| Ok((row.get(0)?, row.get::<_, i64>(1)? as usize))).unwrap().map(Result::unwrap).collect()
}

/// Every table with its columns.
fn schema(dir: &Path) -> Vec<String> {
    let db = raw(dir);
    let tables: Vec<String> = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables
        .iter()
        .map(|table| {
            let columns: Vec<String> = db
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            format!("{table}({})", columns.join(", "))
        })
        .collect()
}

#[test]
fn a_duress_passcode_and_its_decoy_leave_no_mark_in_the_file() {
    let (_a, without, journal) = new_journal();
    real_history(&journal);
    let (_b, with, decoyed) = new_journal();
    real_history(&decoyed);
    decoyed.set_duress_passcode(PASSCODE, DURESS).unwrap();
    for journal in [&journal, &decoyed] {
        journal.lock();
    }

    assert_eq!(schema(&with), ["meta(key, value)", "records(id, blob)", "slots(id, kind, blob)"], "no vault, entry or order column");
    assert_eq!(schema(&with), schema(&without));
    let hidden: i64 = raw(&with).query_row("SELECT count(*) FROM records WHERE rowid <> id", [], |r| r.get(0)).unwrap();
    assert_eq!(hidden, 0, "the keyed id is the table's own key: no hidden rowid counts the writes");
    assert_eq!(records(&with).len(), records(&without).len(), "the empty decoy was there from the start");
    assert_eq!(lengths(&with), lengths(&without));
    assert_eq!(slots(&with), slots(&without));
    assert_eq!(slots(&with), [(1, slots(&with)[0].1); 3], "three passcode slots of one length");
    for (_, blob) in records(&with) {
        assert!(blob.len() - SEAL_OVERHEAD >= 1024 && padme(blob.len() - SEAL_OVERHEAD) == blob.len() - SEAL_OVERHEAD, "{} is not a padded length", blob.len());
    }

    // Entries in the decoy look like the same entries in the real journal: nothing in a record
    // says to which vault it belongs.
    decoyed.unlock(DURESS).unwrap();
    more_entries(&decoyed);
    journal.unlock(PASSCODE).unwrap();
    more_entries(&journal);
    assert_eq!(records(&with).len(), records(&without).len());
    assert_eq!(lengths(&with), lengths(&without));
}

#[test]
fn a_new_duress_passcode_erases_the_old_decoy_and_leaves_the_same_shape() {
    let (_tmp, dir, journal) = new_journal();
    real_history(&journal);
    let fresh = lengths(&dir);
    journal.set_duress_passcode(PASSCODE, DURESS).unwrap();
    journal.lock();
    journal.unlock(DURESS).unwrap();
    more_entries(&journal);
    journal.set_safety_plan(&SafetyPlan { code_word: "banana".into(), ..SafetyPlan::default() }).unwrap();
    assert_ne!(lengths(&dir), fresh);
    journal.lock();
    journal.unlock(PASSCODE).unwrap();
    journal.set_duress_passcode(PASSCODE, "another duress 1357").unwrap();
    assert_eq!(lengths(&dir), fresh, "the old decoy's records are gone and an empty one is in their place");
    journal.lock();
    assert!(matches!(journal.unlock(DURESS), Err(JournalError::WrongPasscode)));
    journal.unlock("another duress 1357").unwrap();
    assert!(journal.entries().unwrap().entries.is_empty());
    assert_eq!(journal.safety_plan().unwrap(), SafetyPlan::default());
}

/// The associated data of a sealed thing of `kind` (1 slot, 2 to 8 records) with id `id` (a
/// record's id as 8 big-endian bytes).
fn aad(kind: u8, id: &[u8]) -> Vec<u8> {
    [b"baken-journal".as_slice(), &FORMAT_VERSION.to_be_bytes(), &[kind], id].concat()
}

/// A record opened under `key` as any kind, without its padding.
fn open_record(key: &Key, id: i64, blob: &[u8]) -> Option<Vec<u8>> {
    let padded = (2..=8).find_map(|kind| crypto::open(key, &aad(kind, &id.to_be_bytes()), blob))?;
    let len = u32::from_be_bytes(padded[..4].try_into().unwrap()) as usize;
    Some(padded[4..4 + len].to_vec())
}

/// Every key that someone with the journal in `dir` and `passcode` reaches with their own code
/// written from the documented format: the vault keys in the passcode slots, the key of the vault
/// below in each vault's note of it, and the content keys in the entries' records.
fn reachable_keys(dir: &Path, passcode: &str) -> Vec<Key> {
    let db = raw(dir);
    let meta = |key: &str| -> Vec<u8> { db.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).unwrap() };
    let iterations = NonZeroU32::new(u64::from_be_bytes(meta("kdf_iterations").try_into().unwrap()) as u32).unwrap();
    let kek = crypto::passcode_key(passcode, &meta("kdf_salt"), iterations, None).unwrap();
    let slots: Vec<(Vec<u8>, Vec<u8>)> =
        db.prepare("SELECT id, blob FROM slots").unwrap().query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    let mut keys: Vec<Key> = slots
        .iter()
        .filter_map(|(id, blob)| crypto::open(&kek, &aad(1, &[meta("file_id"), id.clone()].concat()), blob))
        .map(|payload| Key::from_slice(&payload[..32]).unwrap())
        .collect();
    let records = records(dir);
    let mut opened = 0;
    while opened < keys.len() {
        for (id, blob) in &records {
            let Some(plain) = open_record(&keys[opened], *id, blob) else { continue };
            if crypto::open(&keys[opened], &aad(5, &id.to_be_bytes()), blob).is_some() {
                keys.push(Key::from_slice(&plain[..32]).unwrap()); // the note of the vault below
            } else if crypto::open(&keys[opened], &aad(7, &id.to_be_bytes()), blob).is_some() {
                let links = u32::from_be_bytes(plain[..4].try_into().unwrap()) as usize;
                let (links, attachments) = plain[4..].split_at(links * 40);
                keys.extend(links.chunks(40).map(|item| Key::from_slice(&item[8..]).unwrap()));
                keys.extend(attachments.chunks(48).map(|item| Key::from_slice(&item[16..]).unwrap()));
            }
        }
        opened += 1;
    }
    keys
}

#[test]
fn after_a_passcode_change_an_old_copy_and_the_old_passcode_open_nothing_written_since() {
    let (tmp, dir, journal) = new_journal();
    let before = journal.add(evidence("written before", b"\x89PNG before")).unwrap();
    journal.set_duress_passcode(PASSCODE, DURESS).unwrap();
    journal.lock();
    let old = tmp.path().join("old copy");
    std::fs::create_dir(&old).unwrap();
    std::fs::copy(dir.join("journal.sqlite"), old.join("journal.sqlite")).unwrap();

    journal.unlock(PASSCODE).unwrap();
    journal.change_passcode(PASSCODE, "new passcode 7").unwrap();
    let after = journal.add(evidence("AFTER-CHANGE: I told my mentor", b"\x89PNG after")).unwrap();
    let edited = journal.edit(&before.id, evidence("written before, and what he did after", b"\x89PNG edit")).unwrap();
    journal.lock();
    assert!(matches!(Journal::open(&dir, fast()).unwrap().unlock(PASSCODE), Err(JournalError::WrongPasscode)), "the old passcode does not open the file");

    // Through the library: today's records under the old key slots and settings.
    let mixed = tmp.path().join("mixed");
    std::fs::create_dir(&mixed).unwrap();
    std::fs::copy(dir.join("journal.sqlite"), mixed.join("journal.sqlite")).unwrap();
    let old_tables = "DELETE FROM slots; INSERT INTO slots SELECT * FROM old.slots; DELETE FROM meta; INSERT INTO meta SELECT * FROM old.meta;";
    raw(&mixed).execute_batch(&format!("ATTACH '{}' AS old; {old_tables}", old.join("journal.sqlite").display())).unwrap();
    let attacker = Journal::open(&mixed, fast()).unwrap();
    attacker.unlock(PASSCODE).unwrap();
    assert!(matches!(attacker.entries(), Err(JournalError::Tampered(_))));
    for id in [&after.id, &before.id] {
        assert!(matches!(attacker.entry(id), Err(JournalError::Tampered(_))), "every record under the vault key was sealed again");
    }
    assert!(attacker.attachment(&after.content.attachments[0].id).is_err());
    assert!(attacker.verify().unwrap().broken.is_some());
    assert!(matches!(attacker.seal(), Err(JournalError::Tampered(_))));

    // With a decryptor of their own: no record written since the copy opens with a key from it.
    let all = records(&dir);
    let new_keys = reachable_keys(&dir, "new passcode 7");
    assert!(
        all.iter().all(|(id, blob)| new_keys.iter().any(|key| open_record(key, *id, blob).is_some())),
        "the decryptor reads the format: with today's passcode every record opens"
    );
    let old_keys = reachable_keys(&old, PASSCODE);
    assert_eq!(old_keys.len(), 1 + 2 + 2, "the old copy gives the vault key, the two duress vaults' keys and the old entry's two content keys");
    let copied = records(&old);
    let written_since: Vec<&Record> = all.iter().filter(|record| !copied.contains(record)).collect();
    assert!(written_since.len() >= 8, "the resealed records, the new entry and the edit: {}", written_since.len());
    for (id, blob) in written_since {
        assert!(old_keys.iter().all(|key| open_record(key, *id, blob).is_none()), "record {id:x} of {} bytes opens with a key from the old copy", blob.len());
    }

    let journal = Journal::open(&dir, fast()).unwrap();
    journal.unlock("new passcode 7").unwrap();
    assert_eq!(journal.entries().unwrap().entries, vec![edited, after]);
    assert!(journal.verify().unwrap().broken.is_none());
}

#[test]
fn a_long_journal_keeps_its_list_of_entries_in_pages_of_one_size() {
    let (tmp, dir, journal) = new_journal();
    let ids: Vec<String> = (0..130).map(|i| journal.add(incident(&format!("entry {i}"))).unwrap().id).collect();
    for id in [&ids[3], &ids[70], &ids[129]] {
        journal.delete(id).unwrap();
    }
    journal.edit(&ids[100], incident("edited")).unwrap();
    journal.change_passcode(PASSCODE, "new passcode 7").unwrap();
    let list = journal.entries().unwrap();
    assert_eq!((list.entries.len(), list.damaged.len()), (127, 0));
    assert_eq!(journal.entry(&ids[100]).unwrap().content.text, "edited");
    let verification = journal.verify().unwrap();
    assert_eq!((verification.links, verification.broken), (134, None));
    assert!(
        records(&dir).iter().all(|(_, blob)| blob.len() == 1024 + SEAL_OVERHEAD),
        "short entries, their records and the list's pages all have the least padded size"
    );

    let backup = tmp.path().join("journal.bakenjb");
    journal.export_backup(&backup, "moving phones 2026").unwrap();
    let imported = Journal::import_backup(&backup, "moving phones 2026", &tmp.path().join("new phone"), PASSCODE, fast()).unwrap();
    assert_eq!(imported.entries().unwrap(), list);
    assert_eq!(imported.seal().unwrap(), journal.seal().unwrap());
}

#[test]
fn short_texts_share_a_size_and_padding_costs_at_most_12_percent() {
    let (_tmp, dir, journal) = new_journal();
    let sizes = |new: baken_core::journal::NewEntry| -> Vec<usize> {
        let mut sizes: Vec<usize> = new_records(&dir, || drop(journal.add(new).unwrap())).iter().map(|&id| blob(&dir, id).len()).collect();
        sizes.sort_unstable();
        sizes
    };
    assert_eq!(sizes(incident("x")), sizes(incident(&"y".repeat(200))), "a 1-byte and a 200-byte text look the same");
    assert_eq!(sizes(evidence("a", &[1])), sizes(evidence("a", &[2; 200])));
    for len in [1, 200, 1020, 1021, 5000, 70_000, 1_000_000] {
        let ids = new_records(&dir, || drop(journal.add(evidence("shot", &vec![3; len])).unwrap()));
        let largest = ids.iter().map(|&id| blob(&dir, id).len()).max().unwrap();
        let plaintext = len + 4;
        assert!(largest >= plaintext + SEAL_OVERHEAD);
        assert!(largest as f64 <= (plaintext as f64 * 1.12).max(1024.0) + SEAL_OVERHEAD as f64, "{len} bytes take {largest}");
    }
}
