//! The journal's lifecycle: create, open, unlock, lock, change passcode, duress passcode, wipe.
//!
//! Key slots: there are always two passcode slots, sharing one salt and iteration count so that an
//! unlock costs exactly one KDF run whichever passcode is typed. A slot wraps a vault's key and
//! its record secret (see `records`). One slot opens the real journal; the other opens a decoy
//! journal once a duress passcode is set, and is random filler of the same length until then.
//! Both vaults exist from the start: `create` writes an empty second vault beside the real one,
//! and setting a duress passcode replaces it with a fresh one of the same shape, so the file does
//! not tell whether a duress passcode exists. The real vault keeps the second vault's keys in a
//! record, so that it can replace the decoy; the decoy knows nothing of the real vault.
//!
//! Changing a passcode replaces the vault key: every record sealed under it is sealed again, and
//! the entries' content keys with them, so an old copy of the file and the old passcode open
//! nothing written after the change.
//!
//! With a [`KeyStore`], every passcode key is mixed with an HMAC from a key that never leaves the
//! phone, so a copied file cannot be attacked elsewhere. Biometric unlock is a separate, optional
//! slot that the user turns on: it wraps the open journal's key under an HMAC from a second
//! platform key that needs the user's fingerprint or face. Rust derives and uses the keys; no
//! journal key ever crosses to the app.
//!
//! With a key store, the app also keeps Baken's anchor (see `anchor`): after every committed
//! write to a vault (an entry added, edited or deleted, the safety plan, a passcode change, a
//! duress passcode, an export) its head record counts one more generation, and the vault's entry
//! in the anchor is brought up to date; unlocking does the same, and `verify` compares. The
//! anchor is kept fail-open: when the key store cannot read or write it, nothing written is
//! undone or refused, the problem is reported by `verify`, and the next unlock or write tries
//! again (a file ahead of the anchor moves it forward). Without a key store there is no anchor,
//! and only the checks inside the file hold.

use super::anchor::{Anchor, VaultState};
use super::attempts::{self, Purpose};
use super::chain::Point;
use super::crypto::{self, Key};
use super::records::{self, Kind, Vault};
use super::store::{self, Store};
#[cfg(feature = "insecure-test-kdf")]
use super::FAST_TEST_ITERATIONS;
use super::{chain, entries, passcode, safety_plan, JournalError, MIN_ITERATIONS};
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
    /// Destroys both keys and deletes the anchor, so that no copy of the journal can be opened
    /// with them again. Called first when the journal is wiped.
    fn destroy_key(&self) -> Result<(), String>;
    /// The anchor last given to [`KeyStore::write_anchor`]; empty when there is none yet.
    fn read_anchor(&self) -> Result<Vec<u8>, String>;
    /// Keeps `anchor` ([`ANCHOR_LEN`](super::ANCHOR_LEN) bytes, opaque), replacing the one
    /// before, in storage that stays on this phone, outside the journal's folder and out of every
    /// backup: on iOS a Keychain item with `kSecAttrAccessibleWhenUnlockedThisDeviceOnly`, on
    /// Android a preference encrypted under an Android Keystore key, excluded from backup. With
    /// it Baken notices an older copy of the journal, or of some of its records, put back.
    fn write_anchor(&self, anchor: &[u8]) -> Result<(), String>;
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

/// An unlocked vault, real or decoy. Its keys are zeroized when the session ends.
pub(super) struct Session {
    vault: Vault,
    decoy: bool,
    /// The id of its passcode slot.
    slot: [u8; 16],
    /// Why the anchor could not be brought up to date the last time it was tried.
    anchor_problem: Option<String>,
}

const PASSCODE_SLOT: i64 = 1;
const PLATFORM_SLOT: i64 = 2;
/// A slot's payload: vault key, record secret, decoy flag, and the id of the vault's passcode
/// slot (its own id in a passcode slot), so that every slot has the same length.
const PAYLOAD_LEN: usize = 2 * crypto::KEY_LEN + 1 + 16;
const REAL: u8 = 0;
const DECOY: u8 = 1;

impl Session {
    fn payload(&self) -> zeroize::Zeroizing<Vec<u8>> {
        let mut payload = zeroize::Zeroizing::new(Vec::with_capacity(PAYLOAD_LEN));
        payload.extend_from_slice(&self.vault.to_bytes());
        payload.push(if self.decoy { DECOY } else { REAL });
        payload.extend_from_slice(&self.slot);
        payload
    }

    fn from_payload(payload: &[u8]) -> Option<Session> {
        if payload.len() != PAYLOAD_LEN {
            return None;
        }
        let (keys, rest) = payload.split_at(2 * crypto::KEY_LEN);
        Some(Session { vault: Vault::from_bytes(keys)?, decoy: rest[0] == DECOY, slot: rest[1..].try_into().ok()?, anchor_problem: None })
    }
}

/// The slot's associated data: bound to the file and the slot id.
fn slot_aad(file_id: &[u8; 16], slot_id: &[u8]) -> Vec<u8> {
    records::aad(Kind::Slot, &[file_id.as_slice(), slot_id].concat())
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
        crypto::seal(kek, &slot_aad(&self.file_id, slot_id), &session.payload())
    }

    fn unwrap(&self, kek: &Key, slot_id: &[u8], blob: &[u8]) -> Option<Session> {
        Session::from_payload(&crypto::open(kek, &slot_aad(&self.file_id, slot_id), blob)?)
    }

    /// Random bytes as long as a slot: an unused passcode slot.
    fn filler() -> Result<Vec<u8>, JournalError> {
        let mut filler = vec![0u8; PAYLOAD_LEN + crypto::SEAL_OVERHEAD];
        crypto::fill_random(&mut filler)?;
        Ok(filler)
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
        let mut session = Session { vault: Vault::random()?, decoy: false, slot: crypto::random_bytes()?, anchor_problem: None };
        let real_blob = params.wrap(&kek, &session.slot, &session)?;
        let (head, second_head, second) = store.write(|tx| {
            params.save(tx)?;
            store::put_slot(tx, &session.slot, PASSCODE_SLOT, &real_blob)?;
            store::put_slot(tx, &crypto::random_bytes::<16>()?, PASSCODE_SLOT, &PasscodeParams::filler()?)?;
            start(tx, &session.vault)?;
            let second = new_second_vault(tx, &session.vault)?;
            Ok((chain::head(tx, &session.vault)?, chain::head(tx, &second)?, second))
        })?;
        keep_anchor(options, &mut session, |anchor, vault| {
            anchor.saw(vault, &head, &[])?;
            anchor.saw(&second, &second_head, &[vault])
        });
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
        self.opened(&mut inner, session)
    }

    /// Turns on biometric unlock for the journal that is open (real or decoy, so the decoy
    /// behaves the same): its key is wrapped under the key store's biometric MAC. Replaces an
    /// earlier biometric slot. Setting a duress passcode, changing a passcode or a wipe removes it.
    pub fn enable_biometric_unlock(&self) -> Result<(), JournalError> {
        let key_store = self.key_store()?;
        let mut inner = self.inner();
        inner.session()?;
        let params = PasscodeParams::load(inner.store_mut()?.conn())?;
        let slot_id = crypto::random_bytes::<16>()?;
        let kek = params.biometric_key(key_store.as_ref(), &slot_id)?;
        let blob = params.wrap(&kek, &slot_id, inner.session()?)?;
        let store = inner.store_mut()?;
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
        let session = params.unwrap(&kek, slot_id, blob).ok_or_else(|| JournalError::KeyStore("biometric unlock no longer matches this phone's key; unlock with the passcode and turn it on again".into()))?;
        store.write(|tx| attempts::reset(tx))?;
        self.opened(&mut inner, session)
    }

    /// Makes `session` the open one, after comparing its vault with the anchor: a file ahead of
    /// the anchor moves it forward, a file behind it is noted there as rolled back. Neither
    /// refuses to open: the teen must still reach what is there.
    fn opened(&self, inner: &mut Inner, mut session: Session) -> Result<(), JournalError> {
        let head = chain::head(inner.store_mut()?.conn(), &session.vault);
        keep_anchor(&self.options, &mut session, |anchor, vault| anchor.saw(vault, &head?, &[]));
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

    /// Replaces the passcode that opens the current journal, and with it the journal's vault key:
    /// in one transaction, every record sealed under the vault key (the head, the safety plan,
    /// the list of entries, the entries' records with their content keys, deleted entries' links)
    /// is sealed again under a new one, and the slot wraps the new key. Content sealed under the
    /// entries' content keys is not touched. So a copy of the file from before the change, with
    /// the old passcode, opens nothing written after it. Biometric unlock is turned off (its slot
    /// holds the old key); it can be turned on again. Counted by the attempt gate (changes have
    /// their own count, which a day without changes resets), and both passcodes are always
    /// derived, so every answer costs the same. A new passcode that opens the other journal is
    /// refused: in the decoy as a wrong passcode, so that the decoy is no better a guessing aid
    /// than the lock screen.
    pub fn change_passcode(&self, current: &str, new: &str) -> Result<(), JournalError> {
        passcode::check(new)?;
        let mut inner = self.inner();
        let Inner { store, session } = &mut *inner;
        let session = session.as_mut().ok_or(JournalError::Locked)?;
        let store = store.as_mut().ok_or_else(wiped)?;
        admit(store, Purpose::Change)?;
        let params = PasscodeParams::load(store.conn())?;
        let slots = store::slots(store.conn(), PASSCODE_SLOT)?;
        let current_kek = params.key_for(current, &self.options)?;
        let new_kek = params.key_for(new, &self.options)?;
        check_own_slot(&params, &slots, &current_kek, &session.slot)?;
        if slots.iter().any(|(id, blob)| id != &session.slot && params.unwrap(&new_kek, id, blob).is_some()) {
            return Err(if session.decoy {
                JournalError::WrongPasscode
            } else {
                JournalError::InvalidInput("that passcode is your duress passcode; choose another".into())
            });
        }
        let mut rotated = Session { vault: session.vault.rekeyed()?, decoy: session.decoy, slot: session.slot, anchor_problem: None };
        let blob = params.wrap(&new_kek, &rotated.slot, &rotated)?;
        let head = store.write(|tx| {
            rekey(tx, &session.vault, &rotated.vault)?;
            store::put_slot(tx, &rotated.slot, PASSCODE_SLOT, &blob)?;
            store::delete_slots(tx, PLATFORM_SLOT)?;
            chain::count_write(tx, &rotated.vault, false)
        })?;
        keep_anchor(&self.options, &mut rotated, |anchor, vault| anchor.saw(vault, &head, &[]));
        *session = rotated;
        store.checkpoint()
    }

    /// Sets (or replaces) the duress passcode, confirming with the passcode: the duress passcode
    /// will open a new, empty decoy journal that looks normal, while the real one stays intact.
    /// The second vault that was there (the empty one made with the journal, or an earlier decoy)
    /// is erased and a new one of the same shape written. Only from the real journal. The
    /// biometric slot is removed, so that a fingerprint forced by someone cannot open the real
    /// journal. Counted by the attempt gate like a change.
    pub fn set_duress_passcode(&self, passcode: &str, duress: &str) -> Result<(), JournalError> {
        passcode::check(duress)?;
        let mut inner = self.inner();
        let Inner { store, session } = &mut *inner;
        let session = session.as_mut().ok_or(JournalError::Locked)?;
        let store = store.as_mut().ok_or_else(wiped)?;
        admit(store, Purpose::Change)?;
        let params = PasscodeParams::load(store.conn())?;
        let slots = store::slots(store.conn(), PASSCODE_SLOT)?;
        let kek = params.key_for(passcode, &self.options)?;
        let duress_kek = params.key_for(duress, &self.options)?;
        if session.decoy {
            return Err(JournalError::InvalidInput("a duress passcode is set from the main journal".into()));
        }
        check_own_slot(&params, &slots, &kek, &session.slot)?;
        if check_own_slot(&params, &slots, &duress_kek, &session.slot).is_ok() {
            return Err(JournalError::InvalidInput("the duress passcode must differ from the passcode".into()));
        }
        let other = slots.iter().find_map(|(id, _)| <[u8; 16]>::try_from(id.as_slice()).ok().filter(|id| *id != session.slot));
        let other = other.ok_or_else(|| JournalError::Tampered("the key slots".into()))?;
        let (head, decoy_head, decoy) = store.write(|tx| {
            let decoy = Session { vault: new_second_vault(tx, &session.vault)?, decoy: true, slot: other, anchor_problem: None };
            store::put_slot(tx, &other, PASSCODE_SLOT, &params.wrap(&duress_kek, &other, &decoy)?)?;
            store::delete_slots(tx, PLATFORM_SLOT)?;
            Ok((chain::count_write(tx, &session.vault, false)?, chain::head(tx, &decoy.vault)?, decoy))
        })?;
        keep_anchor(&self.options, session, |anchor, vault| {
            anchor.saw(vault, &head, &[])?;
            anchor.saw(&decoy.vault, &decoy_head, &[vault])
        });
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
            store.write(|tx| {
                store::put_slot(tx, &session.slot, PASSCODE_SLOT, &PasscodeParams::filler()?)?;
                store::delete_slots(tx, PLATFORM_SLOT)?;
                erase(tx, &session.vault)
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

    /// Runs `f` with the store and the unlocked vault.
    pub(super) fn with_vault<T>(&self, f: impl FnOnce(&mut Store, &Vault) -> Result<T, JournalError>) -> Result<T, JournalError> {
        let mut inner = self.inner();
        let Inner { store, session } = &mut *inner;
        let session = session.as_ref().ok_or(JournalError::Locked)?;
        f(store.as_mut().ok_or_else(wiped)?, &session.vault)
    }

    /// Runs `f` in one write transaction of the unlocked vault and counts the write in the
    /// vault's head record (noting the end of the chain as the shared seal when `shared`); once it
    /// is committed, brings the anchor up to date.
    pub(super) fn commit<T>(&self, shared: bool, f: impl FnOnce(&rusqlite::Transaction, &Vault) -> Result<T, JournalError>) -> Result<T, JournalError> {
        let mut inner = self.inner();
        let Inner { store, session } = &mut *inner;
        let session = session.as_mut().ok_or(JournalError::Locked)?;
        let store = store.as_mut().ok_or_else(wiped)?;
        let (value, head) = store.write(|tx| Ok((f(tx, &session.vault)?, chain::count_write(tx, &session.vault, shared)?)))?;
        keep_anchor(&self.options, session, |anchor, vault| anchor.saw(vault, &head, &[]));
        Ok(value)
    }

    /// What the anchor says of the open vault, without changing it.
    pub(super) fn recall(&self) -> Result<Recall, JournalError> {
        let mut inner = self.inner();
        let Inner { store, session } = &mut *inner;
        let session = session.as_ref().ok_or(JournalError::Locked)?;
        let head = match chain::head(store.as_ref().ok_or_else(wiped)?.conn(), &session.vault) {
            Ok(head) => head,
            Err(JournalError::Tampered(_)) => return Ok(Recall::default()),
            Err(e) => return Err(e),
        };
        let Some(key_store) = self.options.key_store.as_deref() else {
            return Ok(Recall { shared: head.shared, ..Recall::default() });
        };
        Ok(match Anchor::load(key_store).and_then(|anchor| anchor.state(&session.vault)) {
            Ok(state) => {
                let state = state.map_or_else(|| VaultState::of(&head), |state| state.after(&head));
                Recall { shared: state.shared, lost: state.lost, problem: session.anchor_problem.clone() }
            }
            Err(e) => Recall { shared: head.shared, lost: None, problem: Some(e.to_string()) },
        })
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

/// What the anchor says of the open vault (see [`Journal::recall`]).
#[derive(Default)]
pub(super) struct Recall {
    /// The last seal shared, as the anchor or else the head record remembers it.
    pub shared: Option<Point>,
    /// The newest end of the chain that a rollback took away.
    pub lost: Option<Point>,
    /// Why the anchor could not be read or written.
    pub problem: Option<String>,
}

/// Updates the anchor through the key store, if there is one: `update` gets it and the open
/// vault. A failure changes nothing stored; it is kept in the session until an update succeeds.
fn keep_anchor(options: &Options, session: &mut Session, update: impl FnOnce(&mut Anchor, &Vault) -> Result<(), JournalError>) {
    let Some(key_store) = options.key_store.as_deref() else { return };
    let result = Anchor::load(key_store).and_then(|mut anchor| {
        update(&mut anchor, &session.vault)?;
        anchor.save(key_store)
    });
    session.anchor_problem = result.err().map(|e| e.to_string());
}

/// Checks that `kek` opens the passcode slot `slot`, the open journal's own.
fn check_own_slot(params: &PasscodeParams, slots: &[store::Slot], kek: &Key, slot: &[u8; 16]) -> Result<(), JournalError> {
    match slots.iter().any(|(id, blob)| id == slot && params.unwrap(kek, id, blob).is_some()) {
        true => Ok(()),
        false => Err(JournalError::WrongPasscode),
    }
}

/// Writes the records of a new, empty vault.
fn start(conn: &rusqlite::Connection, vault: &Vault) -> Result<(), JournalError> {
    chain::start(conn, vault)?;
    safety_plan::start(conn, vault)?;
    entries::start(conn, vault)
}

/// Replaces the second vault: erases the one whose keys the real vault keeps (none at creation),
/// writes a new, empty one and keeps its keys instead.
fn new_second_vault(conn: &rusqlite::Connection, real: &Vault) -> Result<Vault, JournalError> {
    if let Some(old) = real.get(conn, real.key(), Kind::Decoy, &[])?.ok().and_then(|keys| Vault::from_bytes(&keys)) {
        erase(conn, &old)?;
    }
    let second = Vault::random()?;
    start(conn, &second)?;
    real.put(conn, real.key(), Kind::Decoy, &[], &second.to_bytes())?;
    Ok(second)
}

/// Deletes every record of a vault that can be found.
fn erase(conn: &rusqlite::Connection, vault: &Vault) -> Result<(), JournalError> {
    entries::records(conn, vault)?.iter().try_for_each(|found| vault.delete(conn, found.kind, &found.logical))
}

/// Seals every record of `old` that is under the vault key again under the key of `new`.
fn rekey(conn: &rusqlite::Connection, old: &Vault, new: &Vault) -> Result<(), JournalError> {
    let found = entries::records(conn, old)?;
    found.iter().filter(|found| found.under_vault_key).try_for_each(|found| old.reseal(conn, new, found.kind, &found.logical))
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
pub(super) fn create_with(dir: &Path, passcode: &str, options: Options, fill: impl FnOnce(&rusqlite::Transaction, &Vault) -> Result<(), JournalError>) -> Result<Journal, JournalError> {
    let journal = Journal::create(dir, passcode, options)?;
    let result = journal.commit(false, fill).and_then(|()| journal.with_vault(|store, _| store.checkpoint()));
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
