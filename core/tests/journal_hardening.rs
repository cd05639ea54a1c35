//! The journal's promises under pressure (issue 15): every passcode evaluation is counted, the
//! decoy is no oracle for the real passcode, deleted evidence leaves no trace even when the app is
//! killed, and wipe from the decoy leaves the real journal.
//!
//! The children are this test binary itself, re-run with `HARDENING_CHILD` set to the folder.

mod journal_support;

use baken_core::journal::{Journal, JournalError, KeyStore, Options};
use journal_support::*;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

const CHILD: &str = "HARDENING_CHILD";
const DURESS: &str = "duress 2468";

/// Runs the ignored test `name` of this binary as a child on `dir`.
fn child(name: &str, dir: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args([name, "--exact", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn child_dir() -> Option<std::path::PathBuf> {
    std::env::var_os(CHILD).map(Into::into)
}

/// Every blob of `table` in the raw file.
fn blobs(dir: &Path, table: &str) -> Vec<Vec<u8>> {
    let db = raw(dir);
    let mut statement = db.prepare(&format!("SELECT blob FROM {table}")).unwrap();
    statement.query_map([], |row| row.get(0)).unwrap().map(Result::unwrap).collect()
}

/// In a child: opens the journal and deletes its only evidence entry.
fn delete_the_evidence() -> Option<Journal> {
    let journal = Journal::open(&child_dir()?, fast()).unwrap();
    journal.unlock(PASSCODE).unwrap();
    let evidence = journal.entries().unwrap().entries.into_iter().find(|e| !e.content.attachments.is_empty()).unwrap();
    journal.delete(&evidence.id).unwrap();
    Some(journal)
}

/// The child of the trace test: deletes the only evidence entry, changes the passcode, and dies
/// at once, as a phone kills an app, without closing.
#[test]
#[ignore = "run by deleted_evidence_and_an_old_passcode_leave_no_trace_when_the_app_is_killed"]
fn child_deletes_changes_and_dies() {
    let Some(journal) = delete_the_evidence() else { return };
    journal.change_passcode(PASSCODE, "a new passcode 9").unwrap();
    // SAFETY: ends the process at once; nothing runs after it.
    unsafe { libc::_exit(0) }
}

#[test]
fn deleted_evidence_and_an_old_passcode_leave_no_trace_when_the_app_is_killed() {
    let (_tmp, dir, journal) = new_journal();
    journal.add(incident("kept")).unwrap();
    let screenshot: Vec<u8> = (0..64 * 1024u32).map(|i| (i * 7 % 251) as u8).collect();
    let shot = journal.add(evidence("the picture he sent", &screenshot)).unwrap();
    journal.edit(&shot.id, evidence("the picture he sent, and what he wrote", b"second screenshot bytes")).unwrap();
    drop(journal);
    let tables = ["records", "slots"];
    let before: Vec<Vec<u8>> = tables.iter().flat_map(|table| blobs(&dir, table)).collect();

    let status = child("child_deletes_changes_and_dies", &dir).wait().unwrap();
    assert!(status.success(), "{status:?}");
    // A forensic copy first: opening the file with SQLite again would fold the log back in.
    let copy = files(&dir);
    let names: Vec<String> = copy.iter().map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert!(names.iter().any(|n| n.ends_with("-wal")), "the killed app left its log behind: {names:?}");
    let after: Vec<Vec<u8>> = tables.iter().flat_map(|table| blobs(&dir, table)).collect();
    let old: Vec<&Vec<u8>> = before.iter().filter(|blob| !after.contains(blob)).collect();
    assert!(
        old.len() >= 9,
        "two links redacted, two attachments and the entry's record deleted, the head, plan, list and second vault's keys resealed, one slot re-wrapped: {}",
        old.len()
    );
    for (path, bytes) in &copy {
        for blob in &old {
            let middle = &blob[blob.len() / 2 - 24..blob.len() / 2 + 24];
            assert!(!bytes.windows(middle.len()).any(|w| w == middle), "{} still holds a deleted or replaced record of {} bytes", path.display(), blob.len());
        }
    }
    let journal = Journal::open(&dir, fast()).unwrap();
    assert!(matches!(journal.unlock(PASSCODE), Err(JournalError::WrongPasscode)));
    journal.unlock("a new passcode 9").unwrap();
    assert_eq!(journal.entries().unwrap().entries.len(), 1);
    assert!(journal.verify().unwrap().broken.is_none());
}

/// The child of the content-key test: deletes the only evidence entry and dies at once, without
/// a passcode change, so that only the deletion can have made the old records useless.
#[test]
#[ignore = "run by delete_destroys_the_content_key_and_no_old_ciphertext_survives_a_kill"]
fn child_deletes_and_dies() {
    let Some(_journal) = delete_the_evidence() else { return };
    // SAFETY: ends the process at once; nothing runs after it.
    unsafe { libc::_exit(0) }
}

#[test]
fn delete_destroys_the_content_key_and_no_old_ciphertext_survives_a_kill() {
    let (_tmp, dir, journal) = new_journal();
    journal.add(incident("kept")).unwrap();
    let mut shot = None;
    let of_entry = new_records(&dir, || {
        let added = journal.add(evidence("the picture he sent", &[0x5c; 40_000])).unwrap();
        shot = Some(journal.edit(&added.id, evidence("the picture he sent, and what he wrote", b"second screenshot bytes")).unwrap());
    });
    let shot = shot.unwrap();
    drop(journal);
    let before: Vec<Record> = records(&dir).into_iter().filter(|(id, _)| of_entry.contains(id)).collect();
    assert_eq!(before.len(), 5, "two links, two attachments and the entry's record");

    let status = child("child_deletes_and_dies", &dir).wait().unwrap();
    assert!(status.success(), "{status:?}");
    let copy = files(&dir);
    assert!(copy.iter().any(|(p, _)| p.to_string_lossy().ends_with("-wal")), "the killed app left its log behind");
    let after = records(&dir);
    let kept: Vec<&Record> = after.iter().filter(|(id, _)| of_entry.contains(id)).collect();
    assert_eq!(kept.len(), 2, "only the two links stay, redacted; the attachments and the record with the content key are gone");
    for (id, old) in &before {
        assert!(!kept.iter().any(|(_, blob)| blob == old), "record {id:x} still holds what was sealed before the deletion");
        let middle = &old[old.len() / 2 - 24..old.len() / 2 + 24];
        for (path, bytes) in &copy {
            assert!(!bytes.windows(middle.len()).any(|w| w == middle), "{} still holds a deleted record of {} bytes", path.display(), old.len());
        }
    }
    let journal = Journal::open(&dir, fast()).unwrap();
    journal.unlock(PASSCODE).unwrap();
    assert!(matches!(journal.history(&shot.id), Err(JournalError::NotFound(_))));
    assert!(matches!(journal.attachment(&shot.content.attachments[0].id), Err(JournalError::NotFound(_))));
    assert_eq!(journal.entries().unwrap().entries.len(), 1);
    assert_eq!(journal.verify().unwrap().links, 4, "the kept entry's link, two redacted links and the tombstone");
    assert!(journal.verify().unwrap().broken.is_none());
}

/// The child of the counting test: prints READY once the journal is open, then tries a wrong
/// passcode with the full-cost KDF.
#[test]
#[ignore = "run by an_attempt_is_counted_before_the_key_derivation_runs"]
fn child_tries_a_slow_passcode() {
    let Some(dir) = child_dir() else { return };
    let journal = Journal::open(&dir, Options::default()).unwrap();
    println!("READY");
    drop(journal.unlock("a wrong guess"));
}

#[test]
fn an_attempt_is_counted_before_the_key_derivation_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    drop(Journal::create(&dir, PASSCODE, Options::default()).unwrap());
    let mut process = child("child_tries_a_slow_passcode", &dir);
    let mut lines = BufReader::new(process.stdout.take().unwrap()).lines();
    assert!(lines.any(|l| l.is_ok_and(|l| l.ends_with("READY"))), "the test harness prints its own words before ours");
    // 600,000 PBKDF2 iterations take far longer than this: the kill lands during the KDF.
    std::thread::sleep(std::time::Duration::from_millis(40));
    process.kill().unwrap();
    process.wait().unwrap();
    let counted: Vec<u8> = raw(&dir).query_row("SELECT value FROM meta WHERE key = 'attempts'", [], |r| r.get(0)).unwrap();
    assert_eq!(counted[..8], 1u64.to_be_bytes(), "a kill during the KDF does not undo the count");
}

#[test]
fn from_the_decoy_a_passcode_change_is_no_oracle_for_the_real_passcode() {
    let (_tmp, _dir, journal) = new_journal();
    journal.set_duress_passcode(PASSCODE, DURESS).unwrap();
    assert!(matches!(journal.change_passcode(PASSCODE, DURESS), Err(JournalError::InvalidInput(_))), "the owner is told why");
    journal.lock();
    journal.unlock(DURESS).unwrap();
    assert!(matches!(journal.change_passcode(DURESS, PASSCODE), Err(JournalError::WrongPasscode)), "a hit looks like any refusal");
    let mut guesses = 0;
    let locked = loop {
        match journal.change_passcode(DURESS, &format!("guess {guesses:04}")).and_then(|()| journal.change_passcode(&format!("guess {guesses:04}"), DURESS)) {
            Ok(()) => guesses += 1,
            Err(e) => break e,
        }
        assert!(guesses < 100, "guessing through passcode changes is never slowed down");
    };
    assert!(matches!(locked, JournalError::LockedOut { .. }), "{locked:?}");
    journal.lock();
    journal.unlock(PASSCODE).unwrap();
    assert!(matches!(journal.change_passcode(PASSCODE, "another one 5"), Err(JournalError::LockedOut { .. })), "one count for every journal in the file");
}

#[test]
fn biometric_unlock_is_opt_in_counted_and_removed_by_a_duress_passcode() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let key_store = Arc::new(TestKeyStore::new(0x5a));
    let options = Options { key_store: Some(key_store.clone() as Arc<dyn KeyStore>), ..fast() };
    let journal = Journal::create(&dir, PASSCODE, options.clone()).unwrap();
    journal.add(incident("the real evidence")).unwrap();
    assert!(!journal.has_biometric_unlock().unwrap(), "a key store binds the passcode; it adds no passcode-less slot");
    journal.lock();
    assert!(matches!(journal.unlock_with_biometrics(), Err(JournalError::KeyStore(_))));
    journal.unlock(PASSCODE).unwrap();
    journal.enable_biometric_unlock().unwrap();
    journal.lock();
    assert!(journal.has_biometric_unlock().unwrap());
    let counts = || -> Vec<u8> { raw(&dir).query_row("SELECT value FROM meta WHERE key = 'attempts'", [], |r| r.get(0)).unwrap() };
    let before_failures = counts();
    for _ in 0..5 {
        assert!(matches!(journal.unlock("not the passcode"), Err(JournalError::WrongPasscode)));
    }
    assert!(matches!(journal.unlock_with_biometrics(), Err(JournalError::LockedOut { .. })), "no way around the delay");
    drop(journal);
    // The counts are sealed under the key store's device key; the test puts back the row from
    // before the failures (as a copied-back file would) instead of waiting.
    let sealed = counts();
    assert_eq!(sealed.len(), 48 + 28, "one fixed-size sealed row");
    assert!(sealed.windows(8).all(|w| w != 5u64.to_be_bytes()), "the count is not in the clear");
    raw(&dir).execute("UPDATE meta SET value = ?1 WHERE key = 'attempts'", [&before_failures]).unwrap();

    let journal = Journal::open(&dir, options).unwrap();
    journal.unlock_with_biometrics().unwrap();
    assert_eq!(journal.entries().unwrap().entries.len(), 1);
    journal.set_duress_passcode(PASSCODE, DURESS).unwrap();
    journal.lock();
    assert!(matches!(journal.unlock_with_biometrics(), Err(JournalError::KeyStore(_))), "a forced fingerprint cannot open the real journal");
    journal.unlock(DURESS).unwrap();
    journal.enable_biometric_unlock().unwrap();
    journal.lock();
    journal.unlock_with_biometrics().unwrap();
    assert!(journal.entries().unwrap().entries.is_empty(), "biometrics turned on in the decoy open the decoy");
    journal.lock();
    journal.unlock(PASSCODE).unwrap();
    journal.wipe().unwrap();
    assert_eq!(key_store.destroyed.load(std::sync::atomic::Ordering::SeqCst), 1, "wipe destroys the phone's key");
    assert!(!dir.exists());
}

#[test]
fn wipe_from_the_decoy_destroys_only_the_decoy_and_leaves_the_same_shape() {
    let (_tmp, dir, journal) = new_journal();
    let real = journal.add(evidence("the real evidence", b"\x89PNG real")).unwrap();
    journal.set_duress_passcode(PASSCODE, DURESS).unwrap();
    let lengths = || {
        let mut lengths: Vec<usize> = blobs(&dir, "records").iter().map(Vec::len).collect();
        lengths.sort_unstable();
        lengths
    };
    let fresh = (lengths(), blobs(&dir, "slots").len());
    journal.lock();
    journal.unlock(DURESS).unwrap();
    journal.add(evidence("homework", b"\x89PNG decoy")).unwrap();
    journal.set_duress_passcode(DURESS, "the decoy's own duress 97").unwrap();
    journal.wipe().unwrap();
    assert!(matches!(journal.entries(), Err(JournalError::Locked | JournalError::NotFound(_))));
    assert_eq!((lengths(), blobs(&dir, "slots").len()), fresh, "the decoy's entry is gone and an empty decoy is in its place");

    let journal = Journal::open(&dir, fast()).unwrap();
    assert!(matches!(journal.unlock(DURESS), Err(JournalError::WrongPasscode)), "the decoy's key is destroyed");
    assert!(matches!(journal.unlock("the decoy's own duress 97"), Err(JournalError::WrongPasscode)), "and the key of the journal below it");
    journal.unlock(PASSCODE).unwrap();
    assert_eq!(journal.entries().unwrap().entries, vec![real]);
    assert!(journal.verify().unwrap().broken.is_none());
    journal.set_duress_passcode(PASSCODE, DURESS).unwrap();
    journal.lock();
    journal.unlock(DURESS).unwrap();
    assert!(journal.entries().unwrap().entries.is_empty(), "the real journal can set a new duress passcode");
}

#[test]
fn an_attachment_id_in_capitals_opens_the_same_attachment() {
    let (_tmp, _dir, journal) = new_journal();
    let shot = journal.add(evidence("screenshot", b"\x89PNG bytes")).unwrap();
    let id = &shot.content.attachments[0].id;
    assert_eq!(journal.attachment(&id.to_uppercase()).unwrap().bytes, b"\x89PNG bytes", "not a false tamper alarm");
}

#[cfg(unix)]
#[test]
fn the_journal_files_are_readable_by_the_app_only() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, dir, journal) = new_journal();
    journal.add(incident("private")).unwrap();
    for (path, _) in files(&dir) {
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{} has mode {mode:o}", path.display());
    }
}
