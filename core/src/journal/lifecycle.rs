//! The journal's lifecycle: create, open, unlock, lock, change passcode, duress passcode, wipe.
//!
//! Key slots: there are always two passcode slots, sharing one salt and iteration count so that an
//! unlock costs exactly one KDF run whichever passcode is typed. One wraps the real journal's data
//! key; the other wraps a decoy journal's key once a duress passcode is set, and is random filler
//! until then, so the file does not tell whether a duress passcode exists.
//!
//! With a [`KeyStore`], every passcode key is mixed with an HMAC from a key that never leaves the
//! phone, so a copied file cannot be attacked elsewhere. Biometric unlock is a separate, optional
//! slot that the user turns on: it wraps the open journal's key under an HMAC from a second
//! platform key that needs the user's fingerprint or face. Rust derives and uses the keys; no
//! journal key ever crosses to the app.

use super::crypto::{self, Key};
use super::store::{self, Store, VaultTable};
use super::attempts::{self, Purpose};
#[cfg(feature = "insecure-test-kdf")]
use super::FAST_TEST_ITERATIONS;
use super::{chain, passcode, JournalError, FORMAT_VERSION, MIN_ITERATIONS};
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

/// The phone's key store (Android Keystore, iOS Keychain / Secure Enclave), implemented by the
/// app with two non-exportable HMAC-SHA256 keys. Rust sends only public inputs and gets 32-byte
/// MACs back; the keys never leave the platform.
pub trait KeyStore: Send + Sync {
    /// HMAC-SHA256 of `data` under the device key, usable without the user (binds passcodes to
    /// this phone).
    fn device_mac(&self, data: &[u8]) -> Result<Vec<u8>, String>;
    /// HMAC-SHA256 of `data` under the biometric key, which the platform releases only after the
    /// user's fingerprint or face; an error when the app offers no biometric unlock.
    fn biometric_mac(&self, data: &[u8]) -> Result<Vec<u8>, String>;
    /// Destroys both keys, so that no copy of the journal can be opened with them again. Called
    /// first when the journal is wiped.
    fn destroy_key(&self) -> Result<(), String>;
}

/// How costly the passcode key derivation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kdf {
    /// [`MIN_ITERATIONS`] PBKDF2 iterations; journals below that are refused.
    #[default]
    Standard,
    /// [`FAST_TEST_ITERATIONS`]: only for tests; such journals are refused by `Standard`. Exists
    /// only with the cargo feature `insecure-test-kdf`.
    #[cfg(feature = "insecure-test-kdf")]
    InsecureFastForTests,
}

impl Kdf {
    /// The iterations used for new passcode slots and backups.
    pub fn iterations(self) -> u32 {
        match self {
            Kdf::Standard => MIN_ITERATIONS,
            #[cfg(feature = "insecure-test-kdf")]
            Kdf::InsecureFastForTests => FAST_TEST_ITERATIONS,
        }
    }

    /// Refuses a stored iteration count below this mode's floor.
    pub(super) fn check(self, iterations: u32) -> Result<NonZeroU32, JournalError> {
        let floor = match self {
            Kdf::Standard => MIN_ITERATIONS,
            #[cfg(feature = "insecure-test-kdf")]
            Kdf::InsecureFastForTests => 1,
        };
        NonZeroU32::new(iterations).filter(|n| n.get() >= floor).ok_or(JournalError::KdfTooWeak(iterations))
    }
}

/// How a journal is opened.
#[derive(Clone, Default)]
pub struct Options {
    /// The passcode cost.
    pub kdf: Kdf,
    /// The phone's key store; when a journal is created with one, it is needed to unlock it.
    pub key_store: Option<Arc<dyn KeyStore>>,
}

/// One journal folder. Shared freely across threads; every method takes `&self`.
pub struct Journal {
    dir: PathBuf,
    options: Options,
    inner: Mutex<Inner>,
}

struct Inner {
    store: Option<Store>,
    session: Option<Session>,
}

/// An unlocked vault: its data key and id. The key is zeroized when the session ends.
pub(super) struct Session {
    key: Key,
    /// The random id of the vault (real or decoy journal) in this file.
    pub vault: [u8; 16],
    decoy: bool,
    /// The id of its passcode slot.
    slot: Vec<u8>,
}

/// What a sealed record is; bound into its associated data.
#[derive(Debug, Clone, Copy)]
pub(super) enum RecordKind {
    Slot = 1,
    Revision = 2,
    Attachment = 3,
    Head = 4,
    Plan = 5,
}

const PASSCODE_SLOT: i64 = 1;
const PLATFORM_SLOT: i64 = 2;
const PAYLOAD_LEN: usize = crypto::KEY_LEN + 16 + 1;
const REAL: u8 = 0;
const DECOY: u8 = 1;

/// The associated data of a record: format, scope (vault or file id), record kind and record id.
fn aad(scope: &[u8; 16], kind: RecordKind, id: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(64);
    aad.extend_from_slice(b"baken-journal");
    aad.extend_from_slice(&FORMAT_VERSION.to_be_bytes());
    aad.extend_from_slice(scope);
    aad.push(kind as u8);
    aad.extend_from_slice(id);
    aad
}

impl Session {
    /// Seals a record of this vault.
    pub fn seal(&self, kind: RecordKind, id: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, JournalError> {
        crypto::seal(&self.key, &aad(&self.vault, kind, id), plaintext)
    }

    /// Opens a record of this vault; `None` if it was changed, damaged or moved.
    pub fn open(&self, kind: RecordKind, id: &[u8], blob: &[u8]) -> Option<zeroize::Zeroizing<Vec<u8>>> {
        crypto::open(&self.key, &aad(&self.vault, kind, id), blob)
    }

    fn payload(&self) -> zeroize::Zeroizing<Vec<u8>> {
        let mut payload = zeroize::Zeroizing::new(Vec::with_capacity(PAYLOAD_LEN));
        payload.extend_from_slice(self.key.expose());
        payload.extend_from_slice(&self.vault);
        payload.push(if self.decoy { DECOY } else { REAL });
        payload
    }

    /// The payload of a biometric slot: the key, and the id of the vault's passcode slot.
    fn biometric_payload(&self) -> zeroize::Zeroizing<Vec<u8>> {
        let mut payload = self.payload();
        payload.extend_from_slice(&self.slot);
        payload
    }

    fn from_biometric_payload(payload: &[u8]) -> Option<Session> {
        let (payload, slot) = payload.split_at_checked(PAYLOAD_LEN)?;
        Session::from_payload(payload, slot)
    }

    fn from_payload(payload: &[u8], slot: &[u8]) -> Option<Session> {
        if payload.len() != PAYLOAD_LEN {
            return None;
        }
        let key = Key::from_slice(&payload[..crypto::KEY_LEN])?;
        let vault = payload[crypto::KEY_LEN..crypto::KEY_LEN + 16].try_into().ok()?;
        Some(Session { key, vault, decoy: payload[PAYLOAD_LEN - 1] == DECOY, slot: slot.to_vec() })
    }

    fn new(decoy: bool, slot: &[u8]) -> Result<Session, JournalError> {
        Ok(Session { key: Key::random()?, vault: crypto::random_bytes()?, decoy, slot: slot.to_vec() })
    }
}

/// The passcode parameters stored in `meta`.
struct PasscodeParams {
    file_id: [u8; 16],
    salt: Vec<u8>,
    iterations: u32,
    /// Whether passcode keys are mixed with the key store's device MAC.
    device_bound: bool,
}

/// A 32-byte MAC from the key store as a key; anything else is the key store's error.
fn mac_key(mac: Result<Vec<u8>, String>) -> Result<Key, JournalError> {
    let mac = zeroize::Zeroizing::new(mac.map_err(JournalError::KeyStore)?);
    Key::from_slice(&mac).ok_or_else(|| JournalError::KeyStore(format!("the key store returned {} bytes, not a 32-byte HMAC-SHA256", mac.len())))
}

impl PasscodeParams {
    fn load(conn: &rusqlite::Connection) -> Result<PasscodeParams, JournalError> {
        let missing = || JournalError::Tampered("the key settings".into());
        Ok(PasscodeParams {
            file_id: store::meta(conn, "file_id")?.and_then(|v| v.try_into().ok()).ok_or_else(missing)?,
            salt: store::meta(conn, "kdf_salt")?.ok_or_else(missing)?,
            iterations: u32::try_from(store::meta_u64(conn, "kdf_iterations")?).map_err(|_| missing())?,
            device_bound: store::meta(conn, "device_bound")?.is_some(),
        })
    }

    fn save(&self, conn: &rusqlite::Connection) -> Result<(), JournalError> {
        store::set_meta(conn, "file_id", &self.file_id)?;
        store::set_meta(conn, "kdf_salt", &self.salt)?;
        store::set_meta_u64(conn, "kdf_iterations", u64::from(self.iterations))?;
        if self.device_bound {
            store::set_meta(conn, "device_bound", &[1])?;
        }
        Ok(())
    }

    /// The key-encryption key for `passcode`: one KDF run.
    fn key_for(&self, passcode: &str, options: &Options) -> Result<Key, JournalError> {
        let iterations = options.kdf.check(self.iterations)?;
        let device_key = match self.device_bound {
            false => None,
            true => {
                let key_store = options.key_store.as_ref().ok_or_else(|| JournalError::KeyStore("this journal needs the phone's key store to open".into()))?;
                Some(mac_key(key_store.device_mac(&[b"baken device binding v1".as_slice(), &self.file_id, &self.salt].concat()))?)
            }
        };
        crypto::passcode_key(passcode, &self.salt, iterations, device_key.as_ref())
    }

    /// The key-encryption key of the biometric slot `slot_id`: the key store asks for the user's
    /// fingerprint or face.
    fn biometric_key(&self, key_store: &dyn KeyStore, slot_id: &[u8]) -> Result<Key, JournalError> {
        mac_key(key_store.biometric_mac(&[b"baken biometric unlock v1".as_slice(), &self.file_id, slot_id].concat()))
    }

    fn wrap(&self, kek: &Key, slot_id: &[u8], session: &Session) -> Result<Vec<u8>, JournalError> {
        crypto::seal(kek, &aad(&self.file_id, RecordKind::Slot, slot_id), &session.payload())
    }

    fn unwrap(&self, kek: &Key, slot_id: &[u8], blob: &[u8]) -> Option<Session> {
        Session::from_payload(&crypto::open(kek, &aad(&self.file_id, RecordKind::Slot, slot_id), blob)?, slot_id)
    }
}

impl Journal {
    /// Creates a new journal in the folder `dir` protected by `passcode`, and leaves it unlocked.
    /// Refuses if a journal is already there.
    pub fn create(dir: &Path, passcode: &str, options: Options) -> Result<Journal, JournalError> {
        passcode::check(passcode)?;
        let mut store = Store::create(dir)?;
        match Self::initialise(&mut store, passcode, &options) {
            Ok(session) => Ok(Journal { dir: dir.to_path_buf(), options, inner: Mutex::new(Inner { store: Some(store), session: Some(session) }) }),
            Err(e) => {
                drop(store.close());
                drop(remove_files(dir));
                Err(e)
            }
        }
    }

    fn initialise(store: &mut Store, passcode: &str, options: &Options) -> Result<Session, JournalError> {
        let params = PasscodeParams {
            file_id: crypto::random_bytes()?,
            salt: crypto::random_bytes::<16>()?.to_vec(),
            iterations: options.kdf.iterations(),
            device_bound: options.key_store.is_some(),
        };
        let kek = params.key_for(passcode, options)?;
        let real_slot = crypto::random_bytes::<16>()?;
        let session = Session::new(false, &real_slot)?;
        let real_blob = params.wrap(&kek, &real_slot, &session)?;
        let mut filler = vec![0u8; real_blob.len()];
        crypto::fill_random(&mut filler)?;
        store.write(|tx| {
            params.save(tx)?;
            store::put_slot(tx, &real_slot, PASSCODE_SLOT, &real_blob)?;
            store::put_slot(tx, &crypto::random_bytes::<16>()?, PASSCODE_SLOT, &filler)?;
            chain::start(tx, &session)
        })?;
        Ok(session)
    }

    /// Opens the journal in the folder `dir`, locked. Fails with `UnsupportedVersion` for a newer
    /// format, without changing the file.
    pub fn open(dir: &Path, options: Options) -> Result<Journal, JournalError> {
        let store = Store::open(dir)?;
        Ok(Journal { dir: dir.to_path_buf(), options, inner: Mutex::new(Inner { store: Some(store), session: None }) })
    }

    /// The journal's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Unlocks with a passcode. The duress passcode opens the decoy journal, which behaves the same.
    /// Every try is counted before the passcode is checked; a right one resets the count. After
    /// five wrong ones, tries are delayed (`LockedOut`).
    pub fn unlock(&self, passcode: &str) -> Result<(), JournalError> {
        let mut inner = self.inner();
        let store = inner.store_mut()?;
        admit(store, Purpose::Unlock)?;
        let params = PasscodeParams::load(store.conn())?;
        let kek = params.key_for(passcode, &self.options)?;
        let session = store::slots(store.conn(), PASSCODE_SLOT)?
            .iter()
            .find_map(|(id, blob)| params.unwrap(&kek, id, blob))
            .ok_or(JournalError::WrongPasscode)?;
        store.write(|tx| attempts::reset(tx))?;
        inner.session = Some(session);
        Ok(())
    }

    /// Turns on biometric unlock for the journal that is open (real or decoy, so the decoy
    /// behaves the same): its key is wrapped under the key store's biometric MAC. Replaces an
    /// earlier biometric slot. Setting a duress passcode or a wipe removes it.
    pub fn enable_biometric_unlock(&self) -> Result<(), JournalError> {
        let key_store = self.key_store()?;
        let mut inner = self.inner();
        let payload = inner.session()?.biometric_payload();
        let store = inner.store_mut()?;
        let params = PasscodeParams::load(store.conn())?;
        let slot_id = crypto::random_bytes::<16>()?;
        let kek = params.biometric_key(key_store.as_ref(), &slot_id)?;
        let blob = crypto::seal(&kek, &aad(&params.file_id, RecordKind::Slot, &slot_id), &payload)?;
        store.write(|tx| {
            store::delete_slots(tx, PLATFORM_SLOT)?;
            store::put_slot(tx, &slot_id, PLATFORM_SLOT, &blob)
        })?;
        store.checkpoint()
    }

    /// Turns biometric unlock off: its slot is removed.
    pub fn disable_biometric_unlock(&self) -> Result<(), JournalError> {
        let mut inner = self.inner();
        inner.session()?;
        let store = inner.store_mut()?;
        store.write(|tx| store::delete_slots(tx, PLATFORM_SLOT))?;
        store.checkpoint()
    }

    /// Whether biometric unlock is on; readable while locked, so the app knows whether to offer it.
    pub fn has_biometric_unlock(&self) -> Result<bool, JournalError> {
        let mut inner = self.inner();
        Ok(!store::slots(inner.store_mut()?.conn(), PLATFORM_SLOT)?.is_empty())
    }

    /// Unlocks with the user's fingerprint or face, through the key store, without a passcode.
    /// Counted by the attempt gate like a passcode. Opens the journal that turned it on.
    pub fn unlock_with_biometrics(&self) -> Result<(), JournalError> {
        let key_store = self.key_store()?;
        let mut inner = self.inner();
        let store = inner.store_mut()?;
        admit(store, Purpose::Unlock)?;
        let params = PasscodeParams::load(store.conn())?;
        let slots = store::slots(store.conn(), PLATFORM_SLOT)?;
        let (slot_id, blob) = slots.first().ok_or_else(|| JournalError::KeyStore("biometric unlock is not turned on".into()))?;
        let kek = params.biometric_key(key_store.as_ref(), slot_id)?;
        let session = crypto::open(&kek, &aad(&params.file_id, RecordKind::Slot, slot_id), blob)
            .and_then(|payload| Session::from_biometric_payload(&payload))
            .ok_or_else(|| JournalError::KeyStore("biometric unlock no longer matches this phone's key; unlock with the passcode and turn it on again".into()))?;
        store.write(|tx| attempts::reset(tx))?;
        inner.session = Some(session);
        Ok(())
    }

    fn key_store(&self) -> Result<Arc<dyn KeyStore>, JournalError> {
        self.options.key_store.clone().ok_or_else(|| JournalError::KeyStore("no key store was given".into()))
    }

    /// Locks the journal: every key is forgotten (and zeroized), and the write-ahead log is
    /// emptied into the database file.
    pub fn lock(&self) {
        let mut inner = self.inner();
        inner.session = None;
        if let Some(store) = &inner.store {
            drop(store.checkpoint());
        }
    }

    /// Whether the journal is unlocked.
    pub fn is_unlocked(&self) -> bool {
        self.inner().session.is_some()
    }

    /// Replaces the passcode that opens the current journal. Only its key slot is re-wrapped;
    /// no entry is re-encrypted. Counted by the attempt gate (changes have their own count, which
    /// a day without changes resets), and both passcodes are always derived, so every answer
    /// costs the same. A new passcode that opens the other journal is refused: in the decoy as a
    /// wrong passcode, so that the decoy is no better a guessing aid than the lock screen.
    pub fn change_passcode(&self, current: &str, new: &str) -> Result<(), JournalError> {
        passcode::check(new)?;
        let mut inner = self.inner();
        let (vault, decoy) = inner.session().map(|s| (s.vault, s.decoy))?;
        let store = inner.store_mut()?;
        admit(store, Purpose::Change)?;
        let params = PasscodeParams::load(store.conn())?;
        let slots = store::slots(store.conn(), PASSCODE_SLOT)?;
        let current_kek = params.key_for(current, &self.options)?;
        let new_kek = params.key_for(new, &self.options)?;
        let (slot_id, session) = own_slot(&params, &slots, &current_kek, vault)?;
        if slots.iter().any(|(id, blob)| id != slot_id && params.unwrap(&new_kek, id, blob).is_some()) {
            return Err(if decoy {
                JournalError::WrongPasscode
            } else {
                JournalError::InvalidInput("that passcode is your duress passcode; choose another".into())
            });
        }
        let blob = params.wrap(&new_kek, slot_id, &session)?;
        store.write(|tx| store::put_slot(tx, slot_id, PASSCODE_SLOT, &blob))?;
        store.checkpoint()
    }

    /// Sets (or replaces) the duress passcode, confirming with the passcode: the duress passcode
    /// will open a new, empty decoy journal that looks normal, while the real one stays intact.
    /// Only from the real journal. The biometric slot is removed, so that a fingerprint forced
    /// by someone cannot open the real journal. Counted by the attempt gate like a change. A
    /// replaced decoy's records stay behind as ciphertext whose key is destroyed.
    pub fn set_duress_passcode(&self, passcode: &str, duress: &str) -> Result<(), JournalError> {
        passcode::check(duress)?;
        let mut inner = self.inner();
        let (vault, decoy) = inner.session().map(|s| (s.vault, s.decoy))?;
        let store = inner.store_mut()?;
        admit(store, Purpose::Change)?;
        let params = PasscodeParams::load(store.conn())?;
        let slots = store::slots(store.conn(), PASSCODE_SLOT)?;
        let kek = params.key_for(passcode, &self.options)?;
        let duress_kek = params.key_for(duress, &self.options)?;
        if decoy {
            return Err(JournalError::InvalidInput("a duress passcode is set from the main journal".into()));
        }
        let (own_id, _) = own_slot(&params, &slots, &kek, vault)?;
        if slots.iter().any(|(id, blob)| id == own_id && params.unwrap(&duress_kek, id, blob).is_some()) {
            return Err(JournalError::InvalidInput("the duress passcode must differ from the passcode".into()));
        }
        let (other_id, _) = slots.iter().find(|(id, _)| id != own_id).ok_or_else(|| JournalError::Tampered("the key slots".into()))?;
        let decoy = Session::new(true, other_id)?;
        let blob = params.wrap(&duress_kek, other_id, &decoy)?;
        store.write(|tx| {
            store::put_slot(tx, other_id, PASSCODE_SLOT, &blob)?;
            store::delete_slots(tx, PLATFORM_SLOT)?;
            chain::start(tx, &decoy)
        })?;
        store.checkpoint()
    }

    /// Destroys the journal that is open. From the real journal: first the phone's key-store
    /// keys, then every key slot and key setting (so nothing can be decrypted any more), then the
    /// files; files that could not be removed are named in an `Io` error. From the decoy: only the
    /// decoy is destroyed (its slot becomes filler, its records go, biometric unlock is turned
    /// off) and the answer is the same; the real journal stays, so the folder stays too. The
    /// object is unusable afterwards.
    pub fn wipe(&self) -> Result<(), JournalError> {
        let mut inner = self.inner();
        let decoy = inner.session()?.decoy;
        if decoy {
            let session = inner.session.take().ok_or(JournalError::Locked)?;
            let mut store = inner.store.take().ok_or_else(wiped)?;
            let mut filler = vec![0u8; store::slots(store.conn(), PASSCODE_SLOT)?.first().map_or(0, |(_, blob)| blob.len())];
            crypto::fill_random(&mut filler)?;
            store.write(|tx| {
                store::put_slot(tx, &session.slot, PASSCODE_SLOT, &filler)?;
                store::delete_slots(tx, PLATFORM_SLOT)?;
                store::delete_vault(tx, &session.vault)
            })?;
            store.checkpoint()?;
            return store.close();
        }
        let key_store = self.options.key_store.as_ref().map(|k| k.destroy_key());
        let mut store = inner.store.take().ok_or_else(wiped)?;
        inner.session = None;
        store.write(|tx| store::destroy_keys(tx))?;
        store.checkpoint()?;
        store.close()?;
        let left = remove_files(&self.dir);
        if !left.is_empty() {
            return Err(JournalError::Io(format!("the journal is destroyed, but these files could not be removed: {}", left.join(", "))));
        }
        key_store.unwrap_or(Ok(())).map_err(|e| JournalError::KeyStore(format!("the journal is destroyed, but its key could not be: {e}")))
    }

    /// Runs `f` with the store and the unlocked session.
    pub(super) fn with_session<T>(&self, f: impl FnOnce(&mut Store, &Session) -> Result<T, JournalError>) -> Result<T, JournalError> {
        let mut inner = self.inner();
        let Inner { store, session } = &mut *inner;
        let session = session.as_ref().ok_or(JournalError::Locked)?;
        f(store.as_mut().ok_or_else(wiped)?, session)
    }

    /// The options this journal was opened with.
    pub(super) fn options(&self) -> &Options {
        &self.options
    }

    fn inner(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Inner {
    fn store_mut(&mut self) -> Result<&mut Store, JournalError> {
        self.store.as_mut().ok_or_else(wiped)
    }

    fn session(&self) -> Result<&Session, JournalError> {
        self.session.as_ref().ok_or(JournalError::Locked)
    }
}

/// The passcode slot that `kek` opens for the vault `vault`, with its session.
fn own_slot<'a>(params: &PasscodeParams, slots: &'a [store::Pair], kek: &Key, vault: [u8; 16]) -> Result<(&'a Vec<u8>, Session), JournalError> {
    slots
        .iter()
        .find_map(|(id, blob)| params.unwrap(kek, id, blob).filter(|s| s.vault == vault).map(|s| (id, s)))
        .ok_or(JournalError::WrongPasscode)
}

fn wiped() -> JournalError {
    JournalError::NotFound("this journal was wiped".into())
}

/// Removes the database and SQLite's side files, then the folder if nothing else is in it;
/// returns the files that are still there.
fn remove_files(dir: &Path) -> Vec<String> {
    let names = std::iter::once(store::DB_FILE).chain(store::SIDE_FILES);
    let left = names.map(|name| dir.join(name)).filter(|path| std::fs::remove_file(path).is_err() && path.exists());
    let left: Vec<String> = left.map(|path| path.display().to_string()).collect();
    drop(std::fs::remove_dir(dir));
    left
}

/// Passes the attempt gate for one passcode evaluation: the attempt is counted durably before
/// the caller derives any key; when the count cannot be stored, the attempt is refused.
fn admit(store: &mut Store, purpose: Purpose) -> Result<(), JournalError> {
    match store.write(|tx| attempts::admit(tx, purpose, attempts::now()))? {
        Some(retry_after_seconds) => Err(JournalError::LockedOut { retry_after_seconds }),
        None => Ok(()),
    }
}

/// Creates a journal from restored content: used by backup import.
pub(super) fn create_with(dir: &Path, passcode: &str, options: Options, fill: impl FnOnce(&rusqlite::Transaction, &Session) -> Result<(), JournalError>) -> Result<Journal, JournalError> {
    let journal = Journal::create(dir, passcode, options)?;
    let result = journal.with_session(|store, session| {
        store.write(|tx| fill(tx, session))?;
        store.checkpoint()
    });
    match result {
        Ok(()) => Ok(journal),
        Err(e) => {
            // Not `wipe`: the phone's key-store key belongs to the app, not to this failed import.
            if let Some(store) = journal.inner().store.take() {
                drop(store.close());
            }
            drop(remove_files(dir));
            Err(e)
        }
    }
}

/// The sealed blob kept per vault in `table`, opened.
pub(super) fn read_vault_blob(conn: &rusqlite::Connection, session: &Session, table: VaultTable, kind: RecordKind) -> Result<Option<zeroize::Zeroizing<Vec<u8>>>, JournalError> {
    match store::vault_blob(conn, table, &session.vault)? {
        None => Ok(None),
        Some(blob) => session.open(kind, &session.vault, &blob).map(Some).ok_or_else(|| JournalError::Tampered(format!("the {kind:?} record").to_lowercase())),
    }
}

/// Seals and stores the blob kept per vault in `table`.
pub(super) fn write_vault_blob(conn: &rusqlite::Connection, session: &Session, table: VaultTable, kind: RecordKind, plaintext: &[u8]) -> Result<(), JournalError> {
    store::put_vault_blob(conn, table, &session.vault, &session.seal(kind, &session.vault, plaintext)?)
}
