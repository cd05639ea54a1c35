//! Helpers shared by the journal tests: fast journals in temporary folders and sample entries.
#![allow(dead_code)]

use baken_core::journal::{EntryKind, Journal, Kdf, KeyStore, NewAttachment, NewEntry, Options};
use baken_core::signal::{Level, Signal};
use std::path::{Path, PathBuf};

/// The passcode of test journals.
pub const PASSCODE: &str = "correct horse 42";

/// Options with the fast, test-only key derivation.
pub fn fast() -> Options {
    Options { kdf: Kdf::InsecureFastForTests, key_store: None }
}

/// A new, unlocked test journal in a fresh temporary folder (kept alive by the returned guard).
pub fn new_journal() -> (tempfile::TempDir, PathBuf, Journal) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let journal = Journal::create(&dir, PASSCODE, fast()).unwrap();
    (tmp, dir, journal)
}

/// An incident entry with `text`.
pub fn incident(text: &str) -> NewEntry {
    NewEntry {
        kind: EntryKind::Incident,
        happened_at: "2026-03-01T21:15:00+01:00".into(),
        contact: None,
        text: text.into(),
        signals: vec![Signal::Threat],
        level: Some(Level::Danger),
        tags: vec![],
        attachments: vec![],
    }
}

/// An evidence entry with one PNG-typed attachment.
pub fn evidence(text: &str, bytes: &[u8]) -> NewEntry {
    NewEntry { kind: EntryKind::Evidence, attachments: vec![NewAttachment { media_type: "image/png".into(), bytes: bytes.to_vec() }], ..incident(text) }
}

/// Every regular file under `dir`, recursively, with its bytes.
pub fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    if let Ok(read) = std::fs::read_dir(dir) {
        for item in read.flatten() {
            let path = item.path();
            if path.is_dir() {
                out.extend(files(&path));
            } else if let Ok(bytes) = std::fs::read(&path) {
                out.push((path, bytes));
            }
        }
    }
    out
}

/// A key store for tests: HMAC-SHA256 under keys made from a pad (a phone with another pad is
/// another phone), and the anchor in memory. It counts biometric prompts and calls to
/// `destroy_key`; `biometrics` off is a phone without them; `anchor_fails` makes every anchor
/// read and write fail.
pub struct TestKeyStore {
    pad: u8,
    /// The anchor Baken wrote last.
    pub anchor: std::sync::Mutex<Vec<u8>>,
    /// Whether reading and writing the anchor fail.
    pub anchor_fails: std::sync::atomic::AtomicBool,
    /// Whether the biometric key can be used.
    pub biometrics: std::sync::atomic::AtomicBool,
    /// How often the user was asked for a fingerprint.
    pub prompts: std::sync::atomic::AtomicUsize,
    /// How often Baken destroyed the keys.
    pub destroyed: std::sync::atomic::AtomicUsize,
}

impl TestKeyStore {
    /// A key store with keys made from `pad`.
    pub fn new(pad: u8) -> TestKeyStore {
        TestKeyStore { pad, anchor: Default::default(), anchor_fails: false.into(), biometrics: true.into(), prompts: 0.into(), destroyed: 0.into() }
    }

    fn mac(&self, which: u8, data: &[u8]) -> Vec<u8> {
        let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &[self.pad, which]);
        ring::hmac::sign(&key, data).as_ref().to_vec()
    }
}

impl KeyStore for TestKeyStore {
    fn device_mac(&self, data: &[u8]) -> Result<Vec<u8>, String> {
        Ok(self.mac(1, data))
    }
    fn biometric_mac(&self, data: &[u8]) -> Result<Vec<u8>, String> {
        self.prompts.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        match self.biometrics.load(std::sync::atomic::Ordering::SeqCst) {
            true => Ok(self.mac(2, data)),
            false => Err("no fingerprint".into()),
        }
    }
    fn destroy_key(&self) -> Result<(), String> {
        self.destroyed.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.anchor.lock().unwrap().clear();
        Ok(())
    }
    fn read_anchor(&self) -> Result<Vec<u8>, String> {
        match self.anchor_fails.load(std::sync::atomic::Ordering::SeqCst) {
            true => Err("the keychain is not available".into()),
            false => Ok(self.anchor.lock().unwrap().clone()),
        }
    }
    fn write_anchor(&self, anchor: &[u8]) -> Result<(), String> {
        match self.anchor_fails.load(std::sync::atomic::Ordering::SeqCst) {
            true => Err("the keychain is not available".into()),
            false => {
                *self.anchor.lock().unwrap() = anchor.to_vec();
                Ok(())
            }
        }
    }
}

/// Opens the raw SQLite file of a journal, for tests that tamper with it.
pub fn raw(dir: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.join("journal.sqlite")).unwrap()
}

/// A record: its id and its blob.
pub type Record = (i64, Vec<u8>);

/// Every record of the raw file, in id order.
pub fn records(dir: &Path) -> Vec<Record> {
    let conn = raw(dir);
    let mut statement = conn.prepare("SELECT id, blob FROM records ORDER BY id").unwrap();
    statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?))).unwrap().map(Result::unwrap).collect()
}

/// The ids of the records that `change` adds to the file.
pub fn new_records(dir: &Path, change: impl FnOnce()) -> Vec<i64> {
    let before: Vec<i64> = records(dir).into_iter().map(|(id, _)| id).collect();
    change();
    records(dir).into_iter().map(|(id, _)| id).filter(|id| !before.contains(id)).collect()
}

/// Replaces the blob of the record `id`.
pub fn set_blob(dir: &Path, id: i64, blob: &[u8]) {
    assert_eq!(raw(dir).execute("UPDATE records SET blob = ?2 WHERE id = ?1", rusqlite::params![id, blob]).unwrap(), 1);
}

/// The blob of the record `id`.
pub fn blob(dir: &Path, id: i64) -> Vec<u8> {
    raw(dir).query_row("SELECT blob FROM records WHERE id = ?1", [id], |row| row.get(0)).unwrap()
}

/// Damages the largest sealed record (an attachment, in tests that add a big one) by zeroing it.
pub fn zero_largest_blob(dir: &Path) {
    let changed = raw(dir)
        .execute("UPDATE records SET blob = zeroblob(length(blob)) WHERE id = (SELECT id FROM records ORDER BY length(blob) DESC LIMIT 1)", [])
        .unwrap();
    assert_eq!(changed, 1);
}
