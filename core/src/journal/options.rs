//! How a journal is opened: the passcode cost and the phone's key store.

#[cfg(feature = "insecure-test-kdf")]
use super::FAST_TEST_ITERATIONS;
use super::{JournalError, DEFAULT_ITERATIONS, MIN_ITERATIONS};
use std::num::NonZeroU32;
use std::sync::Arc;

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

/// How costly the passcode key derivation is: the cost new passcode slots and backups get, and
/// the least cost a stored journal or backup may have. The two are apart so that a later release
/// can raise the cost for new slots without locking anyone out: a journal with a lower stored cost
/// still opens and is wrapped again at the new cost (see [`Journal::unlock`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kdf {
    /// [`DEFAULT_ITERATIONS`] PBKDF2 iterations for new slots; below [`MIN_ITERATIONS`] a
    /// journal is refused.
    #[default]
    Standard,
    /// [`FAST_TEST_ITERATIONS`]: only for tests; such journals are refused by `Standard`. Exists
    /// only with the cargo feature `insecure-test-kdf`.
    #[cfg(feature = "insecure-test-kdf")]
    InsecureFastForTests,
    /// Any floor and cost, to test raising the cost. Exists only with the cargo feature
    /// `insecure-test-kdf`.
    #[cfg(feature = "insecure-test-kdf")]
    Tuned {
        /// The least cost accepted.
        floor: u32,
        /// The cost of new slots.
        iterations: u32,
    },
}

impl Kdf {
    /// The iterations used for new passcode slots and backups.
    pub fn iterations(self) -> u32 {
        match self {
            Kdf::Standard => DEFAULT_ITERATIONS,
            #[cfg(feature = "insecure-test-kdf")]
            Kdf::InsecureFastForTests => FAST_TEST_ITERATIONS,
            #[cfg(feature = "insecure-test-kdf")]
            Kdf::Tuned { iterations, .. } => iterations,
        }
    }

    /// Refuses a stored iteration count below this mode's floor.
    pub(super) fn check(self, iterations: u32) -> Result<NonZeroU32, JournalError> {
        let floor = match self {
            Kdf::Standard => MIN_ITERATIONS,
            #[cfg(feature = "insecure-test-kdf")]
            Kdf::InsecureFastForTests => 1,
            #[cfg(feature = "insecure-test-kdf")]
            Kdf::Tuned { floor, .. } => floor,
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
