//! The encrypted evidence journal: one object with methods, and the `KeyStore` foreign trait the
//! app implements over Android Keystore or the iOS Keychain. Entries, attachments, the safety
//! plan and the verification are the core's own records (see `types.rs`); only an entry is
//! reshaped, because the core nests its content.

use crate::types::Language;
use crate::BakenError;
use baken_core::journal::{self as core, Attachment, AttachmentInfo, Contact, DamagedEntry, EntryKind, NewEntry, PasscodeWarning};
use baken_core::journal::{ReportSummary, SafetyPlan, Verification};
use baken_core::signal::{Level, Signal};
use std::path::Path;
use std::sync::Arc;

/// The phone's key store, implemented by the app with two non-exportable HMAC-SHA256 keys
/// (Android Keystore `KeyProperties.KEY_ALGORITHM_HMAC_SHA256`, iOS Keychain / Secure Enclave).
/// Baken sends only public inputs and gets 32-byte MACs back; no journal key reaches the app.
#[uniffi::export(with_foreign)]
pub trait KeyStore: Send + Sync {
    /// HMAC-SHA256 of `data` under the device key, usable without the user; it binds the
    /// passcode to this phone.
    fn device_mac(&self, data: Vec<u8>) -> Result<Vec<u8>, BakenError>;
    /// HMAC-SHA256 of `data` under the biometric key, which the platform releases only after the
    /// user's fingerprint or face (Android: `setUserAuthenticationRequired`; iOS: `.biometryCurrentSet`).
    /// Fail when the app offers no biometric unlock.
    fn biometric_mac(&self, data: Vec<u8>) -> Result<Vec<u8>, BakenError>;
    /// Deletes both keys and the anchor for good; Baken calls it first when the journal is wiped.
    /// (Not `destroy`: generated Kotlin objects already have a `destroy()` that frees them.)
    fn destroy_key(&self) -> Result<(), BakenError>;
    /// The anchor last given to `write_anchor`; empty when there is none yet.
    fn read_anchor(&self) -> Result<Vec<u8>, BakenError>;
    /// Keeps `anchor` (a few hundred opaque bytes, always the same length), replacing the one
    /// before, on this phone only, outside the journal's folder and out of every backup: iOS, a
    /// Keychain item with `kSecAttrAccessibleWhenUnlockedThisDeviceOnly`; Android, a preference
    /// encrypted under an Android Keystore key, excluded from backup. With it Baken notices an
    /// older copy of the journal put back. A failure loses nothing: `verify` reports it and
    /// Baken tries again on the next unlock or write.
    fn write_anchor(&self, anchor: Vec<u8>) -> Result<(), BakenError>;
}

struct ForeignKeyStore(Arc<dyn KeyStore>);

impl core::KeyStore for ForeignKeyStore {
    fn device_mac(&self, data: &[u8]) -> Result<Vec<u8>, String> {
        self.0.device_mac(data.to_vec()).map_err(|e| e.to_string())
    }
    fn biometric_mac(&self, data: &[u8]) -> Result<Vec<u8>, String> {
        self.0.biometric_mac(data.to_vec()).map_err(|e| e.to_string())
    }
    fn destroy_key(&self) -> Result<(), String> {
        self.0.destroy_key().map_err(|e| e.to_string())
    }
    fn read_anchor(&self) -> Result<Vec<u8>, String> {
        self.0.read_anchor().map_err(|e| e.to_string())
    }
    fn write_anchor(&self, anchor: &[u8]) -> Result<(), String> {
        self.0.write_anchor(anchor.to_vec()).map_err(|e| e.to_string())
    }
}

/// One entry at one revision.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct JournalEntry {
    /// Id, hexadecimal.
    pub id: String,
    /// Revision, from 1.
    pub revision: u32,
    /// This revision's chain link, hexadecimal.
    pub hash: String,
    /// What it is about.
    pub kind: EntryKind,
    /// When it happened (RFC 3339).
    pub happened_at: String,
    /// When this revision was recorded (RFC 3339).
    pub recorded_at: String,
    /// Who it is about.
    pub contact: Option<Contact>,
    /// What happened.
    pub text: String,
    /// Warning signals.
    pub signals: Vec<Signal>,
    /// Their level.
    pub level: Option<Level>,
    /// Free labels.
    pub tags: Vec<String>,
    /// Attachments.
    pub attachments: Vec<AttachmentInfo>,
}

/// Current entries by when they happened, and the damaged ones.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct JournalEntryList {
    /// Readable entries.
    pub entries: Vec<JournalEntry>,
    /// Entries that could not be read.
    pub damaged: Vec<DamagedEntry>,
}

impl From<core::Entry> for JournalEntry {
    fn from(e: core::Entry) -> Self {
        let c = e.content;
        JournalEntry {
            id: e.id,
            revision: e.revision,
            hash: e.hash,
            kind: c.kind,
            happened_at: c.happened_at,
            recorded_at: c.recorded_at,
            contact: c.contact,
            text: c.text,
            signals: c.signals,
            level: c.level,
            tags: c.tags,
            attachments: c.attachments,
        }
    }
}

/// How to open: the key derivation and the key store (optional).
fn options(kdf: core::Kdf, key_store: Option<Arc<dyn KeyStore>>) -> core::Options {
    core::Options { kdf, key_store: key_store.map(|k| Arc::new(ForeignKeyStore(k)) as Arc<dyn core::KeyStore>) }
}

/// A passcode or passphrase from the app, wiped from Rust's memory as soon as Baken is done with
/// it (the Kotlin or Swift string it came from is the app's to let go of). A string in the
/// bindings.
pub struct Secret(zeroize::Zeroizing<String>);

uniffi::custom_type!(Secret, String, {
    lower: |secret| secret.0.to_string(),
    try_lift: |text| Ok(Secret(zeroize::Zeroizing::new(text))),
});

impl std::ops::Deref for Secret {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// An encrypted journal folder on the phone. Safe to share across threads.
///
/// Its constructors always use the standard passcode cost and bind the passcode to the phone's key
/// store (it cannot be left out). Only builds with the cargo feature
/// `insecure-test-kdf` add test constructors with the fast test-only key derivation (journals that
/// every normal open refuses), where the key store is optional; the `mobile` profile and app
/// builds never enable it.
#[derive(uniffi::Object)]
pub struct Journal {
    inner: core::Journal,
}

/// The constructors, with the key derivation as a parameter; shared by the plain and test ones.
impl Journal {
    fn create_with(path: String, passcode: Secret, key_store: Option<Arc<dyn KeyStore>>, kdf: core::Kdf) -> Result<Arc<Self>, BakenError> {
        let inner = core::Journal::create(Path::new(&path), &passcode, options(kdf, key_store))?;
        Ok(Arc::new(Journal { inner }))
    }

    fn open_with(path: String, key_store: Option<Arc<dyn KeyStore>>, kdf: core::Kdf) -> Result<Arc<Self>, BakenError> {
        let inner = core::Journal::open(Path::new(&path), options(kdf, key_store))?;
        Ok(Arc::new(Journal { inner }))
    }

    fn import_backup_with(
        backup_path: String,
        passphrase: Secret,
        path: String,
        passcode: Secret,
        key_store: Option<Arc<dyn KeyStore>>,
        kdf: core::Kdf,
    ) -> Result<Arc<Self>, BakenError> {
        let options = options(kdf, key_store);
        let inner = core::Journal::import_backup(Path::new(&backup_path), &passphrase, Path::new(&path), &passcode, options)?;
        Ok(Arc::new(Journal { inner }))
    }
}

/// The fast test-only key derivation: only in builds with the feature `insecure-test-kdf`.
#[cfg(feature = "insecure-test-kdf")]
#[uniffi::export]
impl Journal {
    /// [`Journal::create`] with the fast test-only key derivation.
    #[uniffi::constructor]
    pub fn create_for_tests(path: String, passcode: Secret, key_store: Option<Arc<dyn KeyStore>>) -> Result<Arc<Self>, BakenError> {
        Self::create_with(path, passcode, key_store, core::Kdf::InsecureFastForTests)
    }

    /// [`Journal::open`] with the fast test-only key derivation.
    #[uniffi::constructor]
    pub fn open_for_tests(path: String, key_store: Option<Arc<dyn KeyStore>>) -> Result<Arc<Self>, BakenError> {
        Self::open_with(path, key_store, core::Kdf::InsecureFastForTests)
    }

    /// [`Journal::import_backup`] with the fast test-only key derivation.
    #[uniffi::constructor]
    pub fn import_backup_for_tests(
        backup_path: String,
        passphrase: Secret,
        path: String,
        passcode: Secret,
        key_store: Option<Arc<dyn KeyStore>>,
    ) -> Result<Arc<Self>, BakenError> {
        Self::import_backup_with(backup_path, passphrase, path, passcode, key_store, core::Kdf::InsecureFastForTests)
    }
}

#[uniffi::export]
impl Journal {
    /// Creates a new journal in the folder `path`, protected by `passcode` and bound to this phone
    /// by `key_store` (a copy of the folder cannot be attacked elsewhere); it starts unlocked.
    #[uniffi::constructor]
    pub fn create(path: String, passcode: Secret, key_store: Arc<dyn KeyStore>) -> Result<Arc<Self>, BakenError> {
        Self::create_with(path, passcode, Some(key_store), core::Kdf::Standard)
    }

    /// Opens the journal in the folder `path`, locked.
    #[uniffi::constructor]
    pub fn open(path: String, key_store: Arc<dyn KeyStore>) -> Result<Arc<Self>, BakenError> {
        Self::open_with(path, Some(key_store), core::Kdf::Standard)
    }

    /// Creates a new journal in `path` from a backup file, bound to this phone; never overwrites
    /// an existing journal.
    #[uniffi::constructor]
    pub fn import_backup(
        backup_path: String,
        passphrase: Secret,
        path: String,
        passcode: Secret,
        key_store: Arc<dyn KeyStore>,
    ) -> Result<Arc<Self>, BakenError> {
        Self::import_backup_with(backup_path, passphrase, path, passcode, Some(key_store), core::Kdf::Standard)
    }

    /// Unlocks with the passcode (or the duress passcode, which opens the decoy journal).
    pub fn unlock(&self, passcode: Secret) -> Result<(), BakenError> {
        Ok(self.inner.unlock(&passcode)?)
    }

    /// Turns on biometric unlock for the journal that is open; a duress passcode or a wipe turns
    /// it off again.
    pub fn enable_biometric_unlock(&self) -> Result<(), BakenError> {
        Ok(self.inner.enable_biometric_unlock()?)
    }

    /// Turns biometric unlock off.
    pub fn disable_biometric_unlock(&self) -> Result<(), BakenError> {
        Ok(self.inner.disable_biometric_unlock()?)
    }

    /// Whether biometric unlock is on (also while locked, to show the fingerprint button).
    pub fn has_biometric_unlock(&self) -> Result<bool, BakenError> {
        Ok(self.inner.has_biometric_unlock()?)
    }

    /// Unlocks with the user's fingerprint or face, through the key store; counted like a passcode.
    pub fn unlock_with_biometrics(&self) -> Result<(), BakenError> {
        Ok(self.inner.unlock_with_biometrics()?)
    }

    /// Locks: forgets every key.
    pub fn lock(&self) {
        self.inner.lock();
    }

    /// Whether it is unlocked.
    pub fn is_unlocked(&self) -> bool {
        self.inner.is_unlocked()
    }

    /// Changes the passcode; only the key slot is re-wrapped.
    pub fn change_passcode(&self, current: Secret, new: Secret) -> Result<(), BakenError> {
        Ok(self.inner.change_passcode(&current, &new)?)
    }

    /// Sets the duress passcode (confirming with the passcode); it opens a decoy journal.
    pub fn set_duress_passcode(&self, passcode: Secret, duress: Secret) -> Result<(), BakenError> {
        Ok(self.inner.set_duress_passcode(&passcode, &duress)?)
    }

    /// Destroys every key, then the files. Needs an unlocked journal.
    pub fn wipe(&self) -> Result<(), BakenError> {
        Ok(self.inner.wipe()?)
    }

    /// Writes a new entry.
    pub fn add(&self, entry: NewEntry) -> Result<JournalEntry, BakenError> {
        Ok(self.inner.add(entry)?.into())
    }

    /// Edits an entry: a new revision; history is kept.
    pub fn edit(&self, id: String, entry: NewEntry) -> Result<JournalEntry, BakenError> {
        Ok(self.inner.edit(&id, entry)?.into())
    }

    /// Deletes an entry, leaving a tombstone in the chain.
    pub fn delete(&self, id: String) -> Result<(), BakenError> {
        Ok(self.inner.delete(&id)?)
    }

    /// All current entries by when they happened, and the damaged ones.
    pub fn entries(&self) -> Result<JournalEntryList, BakenError> {
        let list = self.inner.entries()?;
        Ok(JournalEntryList { entries: list.entries.into_iter().map(Into::into).collect(), damaged: list.damaged })
    }

    /// One entry at its latest revision.
    pub fn entry(&self, id: String) -> Result<JournalEntry, BakenError> {
        Ok(self.inner.entry(&id)?.into())
    }

    /// Every revision of an entry, oldest first.
    pub fn history(&self, id: String) -> Result<Vec<JournalEntry>, BakenError> {
        Ok(self.inner.history(&id)?.into_iter().map(Into::into).collect())
    }

    /// An attachment with its bytes.
    pub fn attachment(&self, id: String) -> Result<Attachment, BakenError> {
        Ok(self.inner.attachment(&id)?)
    }

    /// Checks the integrity chain, and compares the journal with what this phone remembers of it.
    pub fn verify(&self) -> Result<Verification, BakenError> {
        Ok(self.inner.verify()?)
    }

    /// The seal: a short code to write down or send to a trusted adult.
    pub fn seal(&self) -> Result<String, BakenError> {
        Ok(self.inner.seal()?)
    }

    /// Writes the evidence report (HTML) to a new file, in `language`.
    pub fn export_report(&self, path: String, language: Language) -> Result<ReportSummary, BakenError> {
        Ok(self.inner.export_report(Path::new(&path), language.into())?)
    }

    /// What the report would hold; show it before the user shares the report (for example that
    /// the old text of edited entries is in it).
    pub fn report_summary(&self, language: Language) -> Result<ReportSummary, BakenError> {
        Ok(self.inner.report_summary(language.into())?)
    }

    /// Writes an encrypted backup to a new file. Attachments that cannot be read are marked in
    /// the backup and left out; the summary names them, so the app can tell the user.
    pub fn export_backup(&self, path: String, passphrase: Secret) -> Result<BackupSummary, BakenError> {
        let s = self.inner.export_backup(Path::new(&path), &passphrase)?;
        Ok(BackupSummary { entries: s.entries as u64, attachments: s.attachments as u64, damaged: s.damaged })
    }

    /// The safety plan.
    pub fn safety_plan(&self) -> Result<SafetyPlan, BakenError> {
        Ok(self.inner.safety_plan()?)
    }

    /// Saves the safety plan.
    pub fn set_safety_plan(&self, plan: SafetyPlan) -> Result<(), BakenError> {
        Ok(self.inner.set_safety_plan(&plan)?)
    }
}

/// What a backup holds.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BackupSummary {
    /// Current entries, with their whole history.
    pub entries: u64,
    /// Attachments written.
    pub attachments: u64,
    /// Ids of attachments that could not be read and are missing from the backup.
    pub damaged: Vec<String>,
}

/// A warning to show while the user chooses a passcode, or `None`; the passcode is still allowed.
#[uniffi::export]
pub fn passcode_warning(passcode: Secret) -> Option<PasscodeWarning> {
    core::passcode::warning(&passcode)
}
