//! The journal's lifecycle: create, open, unlock, lock, change passcode, duress passcode, wipe.
//!
//! Key slots: every file has one passcode slot per vault (see `vaults`: the real journal and two
//! duress journals below it), all sharing one salt and iteration count, so that an unlock costs
//! exactly one KDF run whichever passcode is typed. A slot wraps a vault's key and its record
//! secret (see `records`); the slot of a vault without a passcode is random filler of the same
//! length. Setting a duress passcode replaces the vaults below the open one with fresh ones of
//! the same shape, so the file does not tell whether a duress passcode exists. A vault knows the
//! vaults below it, never the ones above: a decoy knows nothing of the real journal.
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

use super::anchor::Anchor;
use super::attempts::{self, Gate, Purpose};
use super::chain;
use super::crypto::{self, Key};
use super::options::{KeyStore, Options};
use super::records::{self, Kind, Vault};
use super::session::{keep_anchor, slot_position, wiped, Inner, Journal, Session, PASSCODE_SLOT};
use super::store::{self, Store};
use super::vaults::{self, Below};
use super::{entries, passcode, JournalError, SlotId, VAULTS};
use std::path::Path;
use std::sync::{Arc, Mutex};

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

    /// The same settings at another cost.
    fn at_cost(&self, iterations: u32) -> PasscodeParams {
        PasscodeParams { file_id: self.file_id, salt: self.salt.clone(), iterations, device_bound: self.device_bound }
    }

    /// The key-encryption key for `passcode`: one KDF run.
    fn key_for(&self, passcode: &str, options: &Options) -> Result<Key, JournalError> {
        let iterations = options.kdf.check(self.iterations)?;
        let device_key = self.device_key(options, &[b"baken device binding v1".as_slice(), &self.file_id, &self.salt].concat())?;
        crypto::passcode_key(passcode, &self.salt, iterations, device_key.as_ref())
    }

    /// The attempt gate, sealed under a device key when a key store binds the journal.
    fn gate(&self, options: &Options) -> Result<Gate, JournalError> {
        let key = self.device_key(options, &[b"baken attempt counts v1".as_slice(), &self.file_id].concat())?;
        Ok(Gate::new(&self.file_id, key))
    }

    /// The key store's device MAC of `label` as a key, when the journal is bound to one.
    fn device_key(&self, options: &Options, label: &[u8]) -> Result<Option<Key>, JournalError> {
        if !self.device_bound {
            return Ok(None);
        }
        let key_store = options.key_store.as_ref().ok_or_else(|| JournalError::KeyStore("this journal needs the phone's key store to open".into()))?;
        mac_key(key_store.device_mac(label)).map(Some)
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
        let below = (1..VAULTS).map(|_| crypto::random_bytes()).collect::<Result<Vec<SlotId>, _>>()?;
        let gate = params.gate(options)?;
        let heads = store.write(|tx| {
            params.save(tx)?;
            gate.start(tx)?;
            store::put_slot(tx, &session.slot, PASSCODE_SLOT, &real_blob)?;
            put_fillers(tx, &below)?;
            vaults::start(tx, &session.vault, &below)?;
            heads_of(tx, &session, vaults::chain_below(tx, &session.vault)?)
        })?;
        keep_anchor(options, &mut session, |anchor, vault| note_heads(anchor, vault, &heads));
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
    /// five wrong ones, tries are delayed (`LockedOut`). When the stored passcode cost is below
    /// the current default and no duress passcode was ever set, the real journal's slot is wrapped
    /// again at the default (with a duress passcode, whose slot only that passcode can wrap, the
    /// cost is raised when the next duress passcode is set; a decoy never raises it, as a real
    /// journal with a duress passcode does not).
    pub fn unlock(&self, passcode: &str) -> Result<(), JournalError> {
        let mut inner = self.inner();
        let store = inner.store_mut()?;
        let params = PasscodeParams::load(store.conn())?;
        let gate = params.gate(&self.options)?;
        admit(store, &gate, Purpose::Unlock)?;
        let kek = params.key_for(passcode, &self.options)?;
        let session =
            store::slots(store.conn(), PASSCODE_SLOT)?.iter().find_map(|(id, blob)| params.unwrap(&kek, id, blob)).ok_or(JournalError::WrongPasscode)?;
        store.write(|tx| attempts::reset(tx, &gate))?;
        // The journal opens even when the cost cannot be raised now; it is tried again next time.
        drop(self.raise_cost(store, &params, passcode, &session));
        self.opened(&mut inner, session)
    }

    /// Wraps the real journal's slot again at the default cost, if it is lower and no duress
    /// passcode was ever set (so every other passcode slot is filler, and is made anew).
    fn raise_cost(&self, store: &mut Store, params: &PasscodeParams, passcode: &str, session: &Session) -> Result<(), JournalError> {
        let raised = params.at_cost(self.options.kdf.iterations());
        if session.decoy || raised.iterations <= params.iterations || Below::of(store.conn(), &session.vault)?.is_some_and(|below| below.set) {
            return Ok(());
        }
        let blob = raised.wrap(&raised.key_for(passcode, &self.options)?, &session.slot, session)?;
        let others = other_slots(store.conn(), &session.slot)?;
        store.write(|tx| {
            raised.save(tx)?;
            store::put_slot(tx, &session.slot, PASSCODE_SLOT, &blob)?;
            put_fillers(tx, &others)
        })?;
        store.checkpoint()
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
        let params = PasscodeParams::load(store.conn())?;
        let gate = params.gate(&self.options)?;
        admit(store, &gate, Purpose::Unlock)?;
        let slots = store::slots(store.conn(), PLATFORM_SLOT)?;
        let (slot_id, blob) = slots.first().ok_or_else(|| JournalError::KeyStore("biometric unlock is not turned on".into()))?;
        let kek = params.biometric_key(key_store.as_ref(), slot_id)?;
        let session = params.unwrap(&kek, slot_id, blob).ok_or_else(|| {
            JournalError::KeyStore("biometric unlock no longer matches this phone's key; unlock with the passcode and turn it on again".into())
        })?;
        store.write(|tx| attempts::reset(tx, &gate))?;
        self.opened(&mut inner, session)
    }

    /// Makes `session` the open one, after comparing its vault with the anchor: a file ahead of
    /// the anchor moves it forward, a file behind it is noted there as rolled back. Neither
    /// refuses to open: the teen must still reach what is there.
    fn opened(&self, inner: &mut Inner, mut session: Session) -> Result<(), JournalError> {
        let head = chain::head(inner.store_mut()?.conn(), &session.vault);
        let position = slot_position(inner.store_mut()?.conn(), &session.slot);
        keep_anchor(&self.options, &mut session, |anchor, vault| anchor.saw(vault, &head?, position?));
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
    /// derived, so every answer costs the same. A new passcode that opens this journal's own
    /// duress journal is refused as invalid; one that opens any other journal is refused as a
    /// wrong passcode, so that a decoy is no better a guessing aid than the lock screen.
    pub fn change_passcode(&self, current: &str, new: &str) -> Result<(), JournalError> {
        passcode::check(new)?;
        let mut inner = self.inner();
        let Inner { store, session } = &mut *inner;
        let session = session.as_mut().ok_or(JournalError::Locked)?;
        let store = store.as_mut().ok_or_else(wiped)?;
        let params = PasscodeParams::load(store.conn())?;
        admit(store, &params.gate(&self.options)?, Purpose::Change)?;
        let slots = store::slots(store.conn(), PASSCODE_SLOT)?;
        let current_kek = params.key_for(current, &self.options)?;
        let new_kek = params.key_for(new, &self.options)?;
        check_own_slot(&params, &slots, &current_kek, &session.slot)?;
        if let Some(taken) = other_slot_opened(&params, &slots, &new_kek, &session.slot) {
            let duress_slot = Below::of(store.conn(), &session.vault)?.map(|below| below.slot);
            return Err(match duress_slot == Some(taken) {
                true => JournalError::InvalidInput("that passcode is your duress passcode; choose another".into()),
                false => JournalError::WrongPasscode,
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
        let position = slot_position(store.conn(), &rotated.slot);
        keep_anchor(&self.options, &mut rotated, |anchor, vault| anchor.saw(vault, &head, position?));
        *session = rotated;
        store.checkpoint()
    }

    /// Sets (or replaces) the duress passcode, confirming with the passcode: the duress passcode
    /// will open a new, empty decoy journal that looks normal, while this one stays intact. The
    /// journal below this one (the empty one made with the file, or an earlier decoy, and the
    /// journals below that) is erased and a new one of the same shape written. A decoy can do this
    /// too, exactly like the real journal; only the last journal, two duress passcodes deep,
    /// refuses (`InvalidInput`). The biometric slot is removed, so that a fingerprint forced by
    /// someone cannot open the real journal. Counted by the attempt gate like a change; a duress
    /// passcode that opens a journal above this one is refused as a wrong passcode. From the real
    /// journal this also raises a passcode cost below the default, since every slot is written.
    pub fn set_duress_passcode(&self, passcode: &str, duress: &str) -> Result<(), JournalError> {
        passcode::check(duress)?;
        let mut inner = self.inner();
        let Inner { store, session } = &mut *inner;
        let session = session.as_mut().ok_or(JournalError::Locked)?;
        let store = store.as_mut().ok_or_else(wiped)?;
        let params = PasscodeParams::load(store.conn())?;
        admit(store, &params.gate(&self.options)?, Purpose::Change)?;
        let slots = store::slots(store.conn(), PASSCODE_SLOT)?;
        let kek = params.key_for(passcode, &self.options)?;
        let duress_kek = params.key_for(duress, &self.options)?;
        check_own_slot(&params, &slots, &kek, &session.slot)?;
        if check_own_slot(&params, &slots, &duress_kek, &session.slot).is_ok() {
            return Err(JournalError::InvalidInput("the duress passcode must differ from the passcode".into()));
        }
        let below = vaults::slots_below(store.conn(), &session.vault)?;
        if other_slot_opened(&params, &slots, &duress_kek, &session.slot).is_some_and(|taken| !below.contains(&taken)) {
            return Err(JournalError::WrongPasscode);
        }
        if below.is_empty() {
            return Err(JournalError::InvalidInput("this journal cannot have a duress passcode of its own".into()));
        }
        let target = params.at_cost(if session.decoy { params.iterations } else { self.options.kdf.iterations().max(params.iterations) });
        let (kek, duress_kek) = match target.iterations == params.iterations {
            true => (kek, duress_kek),
            false => (target.key_for(passcode, &self.options)?, target.key_for(duress, &self.options)?),
        };
        let heads = store.write(|tx| {
            let (duress_vault, further) =
                vaults::replace_below(tx, &session.vault)?.ok_or_else(|| JournalError::Tampered("the duress journal's keys".into()))?;
            let decoy = Session { vault: duress_vault.vault, decoy: true, slot: duress_vault.slot, anchor_problem: None };
            target.save(tx)?;
            store::put_slot(tx, &session.slot, PASSCODE_SLOT, &target.wrap(&kek, &session.slot, session)?)?;
            store::put_slot(tx, &decoy.slot, PASSCODE_SLOT, &target.wrap(&duress_kek, &decoy.slot, &decoy)?)?;
            put_fillers(tx, &further)?;
            store::delete_slots(tx, PLATFORM_SLOT)?;
            chain::count_write(tx, &session.vault, false)?;
            heads_of(tx, session, vaults::chain_below(tx, &session.vault)?)
        })?;
        keep_anchor(&self.options, session, |anchor, vault| note_heads(anchor, vault, &heads));
        store.checkpoint()
    }

    /// Destroys the journal that is open. From the real journal: first the phone's key-store
    /// keys, then every key slot and key setting (so nothing can be decrypted any more), then the
    /// files; files that could not be removed are named in an `Io` error. From a decoy: only the
    /// decoy and the journals below it are destroyed (their slots become filler, their records are
    /// replaced by empty ones, biometric unlock is turned off) and the answer is the same; the real journal stays, so the folder stays too. The
    /// object is unusable afterwards.
    pub fn wipe(&self) -> Result<(), JournalError> {
        let mut inner = self.inner();
        let decoy = inner.session()?.decoy;
        if decoy {
            let session = inner.session.take().ok_or(JournalError::Locked)?;
            let mut store = inner.store.take().ok_or_else(wiped)?;
            store.write(|tx| {
                // Emptied, not removed, with the same keys, so that the journal above still finds it.
                let below = vaults::erase(tx, &session.vault)?;
                vaults::start(tx, &session.vault, &below)?;
                put_fillers(tx, &[session.slot])?;
                put_fillers(tx, &below)?;
                store::delete_slots(tx, PLATFORM_SLOT)
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
            return Err(JournalError::FilesLeft(left.join(", ")));
        }
        key_store.unwrap_or(Ok(())).map_err(|e| JournalError::KeyStore(format!("the journal is destroyed, but its key could not be: {e}")))
    }
}

/// A vault's head after a write, with its place in the anchor; `None` for the open vault.
type Seen = (usize, Option<Vault>, chain::Head);

/// The heads of the open vault and of the vaults `below` it, for [`note_heads`].
fn heads_of(conn: &rusqlite::Connection, session: &Session, below: Vec<Below>) -> Result<Vec<Seen>, JournalError> {
    let mut heads = vec![(slot_position(conn, &session.slot)?, None, chain::head(conn, &session.vault)?)];
    for below in below {
        let head = chain::head(conn, &below.vault)?;
        heads.push((slot_position(conn, &below.slot)?, Some(below.vault), head));
    }
    Ok(heads)
}

/// Notes every head of `heads` in the anchor (the open vault is `open`).
fn note_heads(anchor: &mut Anchor, open: &Vault, heads: &[Seen]) -> Result<(), JournalError> {
    heads.iter().try_for_each(|(position, vault, head)| anchor.saw(vault.as_ref().unwrap_or(open), head, *position))
}

/// Checks that `kek` opens the passcode slot `slot`, the open journal's own.
fn check_own_slot(params: &PasscodeParams, slots: &[store::Slot], kek: &Key, slot: &SlotId) -> Result<(), JournalError> {
    match slots.iter().any(|(id, blob)| id == slot && params.unwrap(kek, id, blob).is_some()) {
        true => Ok(()),
        false => Err(JournalError::WrongPasscode),
    }
}

/// The passcode slot other than `own` that `kek` opens, if any.
fn other_slot_opened(params: &PasscodeParams, slots: &[store::Slot], kek: &Key, own: &SlotId) -> Option<SlotId> {
    slots.iter().filter(|(id, _)| id != own).find(|(id, blob)| params.unwrap(kek, id, blob).is_some()).and_then(|(id, _)| id.as_slice().try_into().ok())
}

/// The ids of the passcode slots other than `own`.
fn other_slots(conn: &rusqlite::Connection, own: &SlotId) -> Result<Vec<SlotId>, JournalError> {
    Ok(store::slots(conn, PASSCODE_SLOT)?.into_iter().filter(|(id, _)| id != own).filter_map(|(id, _)| id.as_slice().try_into().ok()).collect())
}

/// Writes random filler into the passcode slots `ids`.
fn put_fillers(conn: &rusqlite::Connection, ids: &[SlotId]) -> Result<(), JournalError> {
    ids.iter().try_for_each(|id| store::put_slot(conn, id, PASSCODE_SLOT, &PasscodeParams::filler()?))
}

/// Seals every record of `old` that is under the vault key again under the key of `new`.
fn rekey(conn: &rusqlite::Connection, old: &Vault, new: &Vault) -> Result<(), JournalError> {
    let found = entries::records(conn, old)?;
    found.iter().filter(|found| found.under_vault_key).try_for_each(|found| old.reseal(conn, new, found.kind, &found.logical))
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
fn admit(store: &mut Store, gate: &Gate, purpose: Purpose) -> Result<(), JournalError> {
    match store.write(|tx| attempts::admit(tx, gate, purpose, attempts::now()))? {
        Some(retry_after_seconds) => Err(JournalError::LockedOut { retry_after_seconds }),
        None => Ok(()),
    }
}

/// Creates a journal from restored content: used by backup import.
pub(super) fn create_with(
    dir: &Path,
    passcode: &str,
    options: Options,
    fill: impl FnOnce(&rusqlite::Transaction, &Vault) -> Result<(), JournalError>,
) -> Result<Journal, JournalError> {
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
