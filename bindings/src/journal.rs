//! The encrypted evidence journal: one object with methods, records for entries, and the
//! `KeyStore` foreign trait the app implements over Android Keystore or the iOS Keychain.

use crate::BakenError;
use baken_core::journal::{self as core, JournalError};
use baken_core::language::Language;
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

impl From<uniffi::UnexpectedUniFFICallbackError> for BakenError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        BakenError::Platform { reason: e.reason }
    }
}

impl From<JournalError> for BakenError {
    fn from(e: JournalError) -> Self {
        let reason = e.to_string();
        match e {
            JournalError::WrongPasscode => BakenError::WrongPasscode { reason },
            JournalError::LockedOut { retry_after_seconds } => BakenError::LockedOut { reason, retry_after_seconds },
            JournalError::Locked => BakenError::JournalLocked { reason },
            JournalError::Tampered(_) => BakenError::Tampered { reason },
            JournalError::Storage(_) | JournalError::Io(_) | JournalError::Crypto => BakenError::Storage { reason },
            JournalError::AlreadyExists(_) => BakenError::AlreadyExists { reason },
            JournalError::NotFound(_) => BakenError::NotFound { reason },
            JournalError::UnsupportedVersion { .. } => BakenError::UnsupportedVersion { reason },
            JournalError::TooLarge { .. } => BakenError::TooLarge { reason },
            JournalError::InvalidInput(_) | JournalError::KdfTooWeak(_) | JournalError::BadBackup(_) => BakenError::InvalidInput { reason },
            JournalError::KeyStore(_) => BakenError::Platform { reason },
        }
    }
}

/// What an entry is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum EntryKind {
    /// Something that happened.
    Incident,
    /// A note to self.
    Note,
    /// Who a contact is.
    Contact,
    /// Evidence such as a screenshot.
    Evidence,
}

impl From<EntryKind> for core::EntryKind {
    fn from(kind: EntryKind) -> Self {
        match kind {
            EntryKind::Incident => core::EntryKind::Incident,
            EntryKind::Note => core::EntryKind::Note,
            EntryKind::Contact => core::EntryKind::Contact,
            EntryKind::Evidence => core::EntryKind::Evidence,
        }
    }
}

impl From<core::EntryKind> for EntryKind {
    fn from(kind: core::EntryKind) -> Self {
        match kind {
            core::EntryKind::Incident => EntryKind::Incident,
            core::EntryKind::Note => EntryKind::Note,
            core::EntryKind::Contact => EntryKind::Contact,
            core::EntryKind::Evidence => EntryKind::Evidence,
        }
    }
}

/// The person an entry is about.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct JournalContact {
    /// Name or handle, such as `@sam_2008`.
    pub name: String,
    /// The app or platform, such as `Snapchat`.
    pub platform: Option<String>,
}

/// An attachment to add.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewJournalAttachment {
    /// Media type, such as `image/png`.
    pub media_type: String,
    /// The bytes, at most 20 MB.
    pub bytes: Vec<u8>,
}

/// An entry to write, or the new content of an edited one.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewJournalEntry {
    /// What it is about.
    pub kind: EntryKind,
    /// When it happened, RFC 3339 with offset, such as `2026-03-01T21:15:00+01:00`.
    pub happened_at: String,
    /// Who it is about.
    pub contact: Option<JournalContact>,
    /// What happened.
    pub text: String,
    /// Signal ids, such as `threat`.
    pub signals: Vec<String>,
    /// Level id, such as `danger`.
    pub level: Option<String>,
    /// Free labels.
    pub tags: Vec<String>,
    /// Attachments to add; an edit keeps the earlier ones.
    pub attachments: Vec<NewJournalAttachment>,
}

/// A stored attachment, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct JournalAttachmentInfo {
    /// Id, hexadecimal.
    pub id: String,
    /// Media type.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the bytes, hexadecimal.
    pub sha256: String,
}

/// A stored attachment with its bytes.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct JournalAttachment {
    /// What is known about it.
    pub info: JournalAttachmentInfo,
    /// The bytes.
    pub bytes: Vec<u8>,
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
    pub contact: Option<JournalContact>,
    /// What happened.
    pub text: String,
    /// Signal ids.
    pub signals: Vec<String>,
    /// Level id.
    pub level: Option<String>,
    /// Free labels.
    pub tags: Vec<String>,
    /// Attachments.
    pub attachments: Vec<JournalAttachmentInfo>,
}

/// An entry that could not be read because a record was changed or damaged.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DamagedJournalEntry {
    /// Id, hexadecimal.
    pub id: String,
    /// What is wrong.
    pub reason: String,
}

/// Current entries by when they happened, and the damaged ones.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct JournalEntryList {
    /// Readable entries.
    pub entries: Vec<JournalEntry>,
    /// Entries that could not be read.
    pub damaged: Vec<DamagedJournalEntry>,
}

/// Where the chain breaks first.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BrokenLink {
    /// Position of the first bad link.
    pub index: u64,
    /// Its entry, when known.
    pub entry: Option<String>,
    /// What is wrong.
    pub reason: String,
}

/// The newest state of the journal this phone remembers.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RememberedJournal {
    /// The links (revisions and tombstones) it had.
    pub links: u64,
    /// Its seal then.
    pub seal: String,
}

/// The result of checking the chain.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct JournalVerification {
    /// Whether nothing is wrong: no broken link, no damaged attachment, no rollback, and the
    /// last shared seal still in the chain.
    pub intact: bool,
    /// Links checked.
    pub links: u64,
    /// Head hash, hexadecimal.
    pub head: String,
    /// The short seal.
    pub seal: String,
    /// The first broken link; `None` when intact.
    pub broken: Option<BrokenLink>,
    /// Attachments of current entries that cannot be read or no longer match their hash.
    pub damaged_attachments: Vec<String>,
    /// What the phone remembers of a newer journal, when this one is older: an older copy of
    /// the journal, or of some of its records, was put back.
    pub rolled_back: Option<RememberedJournal>,
    /// The seal of the last exported report or backup, when the chain no longer contains it.
    pub shared_seal_missing: Option<String>,
    /// Why the key store could not read or keep the anchor: a rollback cannot be ruled out
    /// until it works again.
    pub anchor_problem: Option<String>,
}

/// A trusted adult in the safety plan.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TrustedAdult {
    /// Their name.
    pub name: String,
    /// How to reach them.
    pub contact: String,
}

/// The teen's safety plan.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SafetyPlan {
    /// People to tell.
    pub trusted_adults: Vec<TrustedAdult>,
    /// Places to go.
    pub safe_places: Vec<String>,
    /// The code word.
    pub code_word: String,
    /// The chosen steps, in order.
    pub steps: Vec<String>,
}

fn parse_ids<T: std::str::FromStr>(ids: &[String]) -> Result<Vec<T>, BakenError>
where
    T::Err: std::fmt::Display,
{
    ids.iter().map(|id| id.parse().map_err(|e: T::Err| BakenError::InvalidInput { reason: e.to_string() })).collect()
}

impl TryFrom<NewJournalEntry> for core::NewEntry {
    type Error = BakenError;
    fn try_from(e: NewJournalEntry) -> Result<Self, BakenError> {
        Ok(core::NewEntry {
            kind: e.kind.into(),
            happened_at: e.happened_at,
            contact: e.contact.map(|c| core::Contact { name: c.name, platform: c.platform }),
            text: e.text,
            signals: parse_ids(&e.signals)?,
            level: parse_ids(e.level.as_slice())?.pop(),
            tags: e.tags,
            attachments: e.attachments.into_iter().map(|a| core::NewAttachment { media_type: a.media_type, bytes: a.bytes }).collect(),
        })
    }
}

impl From<core::AttachmentInfo> for JournalAttachmentInfo {
    fn from(a: core::AttachmentInfo) -> Self {
        JournalAttachmentInfo { id: a.id, media_type: a.media_type, size: a.size, sha256: a.sha256 }
    }
}

impl From<core::Entry> for JournalEntry {
    fn from(e: core::Entry) -> Self {
        let c = e.content;
        JournalEntry {
            id: e.id,
            revision: e.revision,
            hash: e.hash,
            kind: c.kind.into(),
            happened_at: c.happened_at,
            recorded_at: c.recorded_at,
            contact: c.contact.map(|c| JournalContact { name: c.name, platform: c.platform }),
            text: c.text,
            signals: c.signals.iter().map(ToString::to_string).collect(),
            level: c.level.map(|l| l.to_string()),
            tags: c.tags,
            attachments: c.attachments.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<SafetyPlan> for core::SafetyPlan {
    fn from(p: SafetyPlan) -> Self {
        core::SafetyPlan {
            trusted_adults: p.trusted_adults.into_iter().map(|t| core::TrustedAdult { name: t.name, contact: t.contact }).collect(),
            safe_places: p.safe_places,
            code_word: p.code_word,
            steps: p.steps,
        }
    }
}

impl From<core::SafetyPlan> for SafetyPlan {
    fn from(p: core::SafetyPlan) -> Self {
        SafetyPlan {
            trusted_adults: p.trusted_adults.into_iter().map(|t| TrustedAdult { name: t.name, contact: t.contact }).collect(),
            safe_places: p.safe_places,
            code_word: p.code_word,
            steps: p.steps,
        }
    }
}

/// How to open: the key derivation and the key store (optional).
fn options(kdf: core::Kdf, key_store: Option<Arc<dyn KeyStore>>) -> core::Options {
    core::Options { kdf, key_store: key_store.map(|k| Arc::new(ForeignKeyStore(k)) as Arc<dyn core::KeyStore>) }
}

fn language(code: &str) -> Result<Language, BakenError> {
    code.parse().map_err(|e: baken_core::language::UnsupportedLanguage| BakenError::InvalidInput { reason: e.to_string() })
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

/// What an evidence report holds.
#[derive(uniffi::Record)]
pub struct ReportSummary {
    /// The entries shown.
    pub entries: u64,
    /// Earlier versions of edited entries: their old text is in the report's appendix.
    pub earlier_versions: u64,
    /// Entries and attachments that could not be read and are shown as damaged.
    pub damaged: u64,
}

impl From<core::ReportSummary> for ReportSummary {
    fn from(s: core::ReportSummary) -> Self {
        ReportSummary { entries: s.entries, earlier_versions: s.earlier_versions, damaged: s.damaged }
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
    pub fn add(&self, entry: NewJournalEntry) -> Result<JournalEntry, BakenError> {
        Ok(self.inner.add(entry.try_into()?)?.into())
    }

    /// Edits an entry: a new revision; history is kept.
    pub fn edit(&self, id: String, entry: NewJournalEntry) -> Result<JournalEntry, BakenError> {
        Ok(self.inner.edit(&id, entry.try_into()?)?.into())
    }

    /// Deletes an entry, leaving a tombstone in the chain.
    pub fn delete(&self, id: String) -> Result<(), BakenError> {
        Ok(self.inner.delete(&id)?)
    }

    /// All current entries by when they happened, and the damaged ones.
    pub fn entries(&self) -> Result<JournalEntryList, BakenError> {
        let list = self.inner.entries()?;
        Ok(JournalEntryList {
            entries: list.entries.into_iter().map(Into::into).collect(),
            damaged: list.damaged.into_iter().map(|d| DamagedJournalEntry { id: d.id, reason: d.reason }).collect(),
        })
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
    pub fn attachment(&self, id: String) -> Result<JournalAttachment, BakenError> {
        let a = self.inner.attachment(&id)?;
        Ok(JournalAttachment { info: a.info.into(), bytes: a.bytes })
    }

    /// Checks the integrity chain, and compares the journal with what this phone remembers of it.
    pub fn verify(&self) -> Result<JournalVerification, BakenError> {
        let v = self.inner.verify()?;
        Ok(JournalVerification {
            intact: v.intact,
            links: v.links,
            head: v.head,
            seal: v.seal,
            broken: v.broken.map(|b| BrokenLink { index: b.index, entry: b.entry, reason: b.reason }),
            damaged_attachments: v.damaged_attachments,
            rolled_back: v.rolled_back.map(|r| RememberedJournal { links: r.links, seal: r.seal }),
            shared_seal_missing: v.shared_seal_missing,
            anchor_problem: v.anchor_problem,
        })
    }

    /// The seal: a short code to write down or send to a trusted adult.
    pub fn seal(&self) -> Result<String, BakenError> {
        Ok(self.inner.seal()?)
    }

    /// Writes the evidence report (HTML) to a new file, in `language` (`nl` or `en`).
    pub fn export_report(&self, path: String, language: String) -> Result<ReportSummary, BakenError> {
        Ok(self.inner.export_report(Path::new(&path), self::language(&language)?)?.into())
    }

    /// What the report would hold; show it before the user shares the report (for example that
    /// the old text of edited entries is in it).
    pub fn report_summary(&self, language: String) -> Result<ReportSummary, BakenError> {
        Ok(self.inner.report_summary(self::language(&language)?)?.into())
    }

    /// Writes an encrypted backup to a new file. Attachments that cannot be read are marked in
    /// the backup and left out; the summary names them, so the app can tell the user.
    pub fn export_backup(&self, path: String, passphrase: Secret) -> Result<BackupSummary, BakenError> {
        let s = self.inner.export_backup(Path::new(&path), &passphrase)?;
        Ok(BackupSummary { entries: s.entries as u64, attachments: s.attachments as u64, damaged: s.damaged })
    }

    /// The safety plan.
    pub fn safety_plan(&self) -> Result<SafetyPlan, BakenError> {
        Ok(self.inner.safety_plan()?.into())
    }

    /// Saves the safety plan.
    pub fn set_safety_plan(&self, plan: SafetyPlan) -> Result<(), BakenError> {
        Ok(self.inner.set_safety_plan(&plan.into())?)
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

/// Why a passcode is easy to guess for someone with a copy of the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PasscodeWarning {
    /// Only digits, fewer than eight.
    FewDigits,
    /// Only digits, one repeated or counting up or down.
    Predictable,
}

/// A warning to show while the user chooses a passcode, or `None`; the passcode is still allowed.
#[uniffi::export]
pub fn passcode_warning(passcode: Secret) -> Option<PasscodeWarning> {
    core::passcode::warning(&passcode).map(|w| match w {
        core::PasscodeWarning::FewDigits => PasscodeWarning::FewDigits,
        core::PasscodeWarning::Predictable => PasscodeWarning::Predictable,
    })
}
