//! The decoy answers every call as a real journal would (issue 15, H1/H2): someone who was given
//! the duress passcode, and believes it opens the real journal, can do everything a real owner
//! can, a duress passcode of their own included, and every answer is the same.

mod journal_support;

use baken_core::journal::{Journal, JournalError, Kdf, Options};
use journal_support::*;
use std::path::Path;

const DURESS: &str = "duress 2468";
const THEIRS: &str = "their duress 1357";

/// What a coercer who holds `main` does with a journal, and what each call answered (the error
/// variant, or "ok" with what was seen).
fn coerced_session(dir: &Path, main: &str) -> Vec<String> {
    let journal = Journal::open(dir, fast()).unwrap();
    let answer = |result: Result<String, JournalError>| match result {
        Ok(seen) => format!("ok {seen}"),
        Err(e) => format!("{e:?}").split(['(', ' ', '{']).next().unwrap_or_default().to_string(),
    };
    let mut answers = Vec::new();
    let mut call = |what: &str, result: Result<String, JournalError>| answers.push(format!("{what}: {}", answer(result)));
    call("unlock", journal.unlock(main).map(|()| String::new()));
    call("entries", journal.entries().map(|list| list.entries.len().to_string()));
    call("add", journal.add(incident("he made me send it")).map(|_| String::new()));
    call("duress same as passcode", journal.set_duress_passcode(main, main).map(|()| String::new()));
    call("set a duress passcode", journal.set_duress_passcode(main, THEIRS).map(|()| String::new()));
    call("new passcode is the duress passcode", journal.change_passcode(main, THEIRS).map(|()| String::new()));
    call("enable biometrics without a key store", journal.enable_biometric_unlock().map(|()| String::new()));
    journal.lock();
    call("unlock with their duress passcode", journal.unlock(THEIRS).map(|()| String::new()));
    call("their decoy is empty", journal.entries().map(|list| list.entries.len().to_string()));
    call("their decoy takes an entry", journal.add(incident("homework")).map(|_| String::new()));
    call("their decoy verifies", journal.verify().map(|v| format!("{}", v.broken.is_none())));
    journal.lock();
    call("unlock again", journal.unlock(main).map(|()| String::new()));
    call("entries again", journal.entries().map(|list| list.entries.len().to_string()));
    call("change the passcode", journal.change_passcode(main, "a new main passcode").map(|()| String::new()));
    journal.lock();
    call("old passcode", journal.unlock(main).map(|()| String::new()));
    call("new passcode", journal.unlock("a new main passcode").map(|()| String::new()));
    call("wipe", journal.wipe().map(|()| String::new()));
    answers
}

#[test]
fn every_answer_the_decoy_gives_is_the_real_journals() {
    let (_a, real_dir, real) = new_journal();
    // Passcode changes are counted, also when they succeed: both files start with one.
    assert!(matches!(real.change_passcode("not the passcode", "whatever 123"), Err(JournalError::WrongPasscode)));
    drop(real);
    let (_b, decoyed_dir, decoyed) = new_journal();
    decoyed.add(incident("the real evidence")).unwrap();
    decoyed.set_duress_passcode(PASSCODE, DURESS).unwrap();
    drop(decoyed);

    let from_real = coerced_session(&real_dir, PASSCODE);
    let from_decoy = coerced_session(&decoyed_dir, DURESS);
    assert_eq!(from_decoy, from_real);
    assert!(from_real.contains(&"set a duress passcode: ok ".to_string()), "{from_real:#?}");

    let journal = Journal::open(&decoyed_dir, fast()).unwrap();
    journal.unlock(PASSCODE).unwrap();
    assert_eq!(journal.entries().unwrap().entries.len(), 1, "the real journal is untouched");
}

#[test]
fn a_decoys_duress_passcode_cannot_open_or_reveal_the_real_journal() {
    let (_tmp, _dir, journal) = new_journal();
    let real = journal.add(incident("the real evidence")).unwrap();
    journal.set_duress_passcode(PASSCODE, DURESS).unwrap();
    journal.lock();
    journal.unlock(DURESS).unwrap();
    let decoy = journal.add(incident("homework")).unwrap();
    assert!(
        matches!(journal.set_duress_passcode(DURESS, PASSCODE), Err(JournalError::WrongPasscode)),
        "the real passcode is a counted wrong passcode, no oracle"
    );
    journal.set_duress_passcode(DURESS, THEIRS).unwrap();
    assert_eq!(journal.entries().unwrap().entries, vec![decoy.clone()], "the decoy keeps its entries");
    journal.lock();

    journal.unlock(THEIRS).unwrap();
    assert!(journal.entries().unwrap().entries.is_empty());
    assert!(matches!(journal.change_passcode(THEIRS, DURESS), Err(JournalError::WrongPasscode)), "the journal above is no oracle either");
    assert!(matches!(journal.set_duress_passcode(THEIRS, "one level too deep 5"), Err(JournalError::InvalidInput(_))), "the last journal has no room below it");
    journal.lock();

    journal.unlock(PASSCODE).unwrap();
    assert_eq!(journal.entries().unwrap().entries, vec![real]);
    journal.lock();
    journal.unlock(DURESS).unwrap();
    assert_eq!(journal.entries().unwrap().entries, vec![decoy]);
}

#[test]
fn a_new_duress_passcode_from_the_real_journal_replaces_both_journals_below_it() {
    let (_tmp, dir, journal) = new_journal();
    journal.set_duress_passcode(PASSCODE, DURESS).unwrap();
    journal.lock();
    journal.unlock(DURESS).unwrap();
    journal.set_duress_passcode(DURESS, THEIRS).unwrap();
    journal.lock();
    journal.unlock(PASSCODE).unwrap();
    journal.set_duress_passcode(PASSCODE, "a fresh duress 864").unwrap();
    journal.lock();
    for gone in [DURESS, THEIRS] {
        assert!(matches!(Journal::open(&dir, fast()).unwrap().unlock(gone), Err(JournalError::WrongPasscode)));
    }
    journal.unlock("a fresh duress 864").unwrap();
    assert!(journal.entries().unwrap().entries.is_empty());
}

/// The stored PBKDF2 iteration count.
fn stored_iterations(dir: &Path) -> u64 {
    let value: Vec<u8> = raw(dir).query_row("SELECT value FROM meta WHERE key = 'kdf_iterations'", [], |r| r.get(0)).unwrap();
    u64::from_be_bytes(value.try_into().unwrap())
}

#[test]
fn a_raised_cost_wraps_an_older_journal_again_and_locks_nobody_out() {
    let tmp = tempfile::tempdir().unwrap();
    let at = |iterations| Options { kdf: Kdf::Tuned { floor: 100, iterations }, key_store: None };
    let (plain, decoyed) = (tmp.path().join("plain"), tmp.path().join("decoyed"));
    let entry = {
        let journal = Journal::create(&plain, PASSCODE, at(200)).unwrap();
        journal.add(incident("kept")).unwrap()
    };
    Journal::create(&decoyed, PASSCODE, at(200)).unwrap().set_duress_passcode(PASSCODE, DURESS).unwrap();

    // A release with a higher default opens the older journal and raises its cost.
    let journal = Journal::open(&plain, at(300)).unwrap();
    assert!(matches!(journal.unlock("wrong passcode"), Err(JournalError::WrongPasscode)));
    assert_eq!(stored_iterations(&plain), 200, "a wrong passcode raises nothing");
    journal.unlock(PASSCODE).unwrap();
    assert_eq!(stored_iterations(&plain), 300);
    journal.lock();
    journal.unlock(PASSCODE).unwrap();
    assert_eq!(journal.entry(&entry.id).unwrap(), entry);
    journal.set_duress_passcode(PASSCODE, DURESS).unwrap();
    journal.lock();
    journal.unlock(DURESS).unwrap();

    // With a duress passcode neither journal can rewrap the other's slot: the cost stays until the
    // real journal sets a duress passcode again, which writes every slot.
    let journal = Journal::open(&decoyed, at(300)).unwrap();
    for passcode in [DURESS, PASSCODE] {
        journal.unlock(passcode).unwrap();
        journal.lock();
        assert_eq!(stored_iterations(&decoyed), 200, "unlocking with {passcode:?} leaves the cost");
    }
    journal.unlock(DURESS).unwrap();
    journal.set_duress_passcode(DURESS, THEIRS).unwrap();
    assert_eq!(stored_iterations(&decoyed), 200, "a decoy cannot raise it");
    journal.lock();
    journal.unlock(PASSCODE).unwrap();
    journal.set_duress_passcode(PASSCODE, "a fresh duress 864").unwrap();
    assert_eq!(stored_iterations(&decoyed), 300);
    journal.lock();
    journal.unlock("a fresh duress 864").unwrap();
    journal.lock();
    journal.unlock(PASSCODE).unwrap();

    // Below the floor is still refused.
    let strict = Journal::open(&plain, Options { kdf: Kdf::Tuned { floor: 400, iterations: 400 }, key_store: None }).unwrap();
    assert!(matches!(strict.unlock(PASSCODE), Err(JournalError::KdfTooWeak(300))));
}
