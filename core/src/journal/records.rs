//! Records: everything a vault stores, each as an opaque row `(id, blob)`.
//!
//! A record's id is the first 8 bytes of HMAC-SHA256 under the vault's locator key over its
//! [`Kind`] and logical key (such as a link's index or an entry's id), as a signed 64-bit number,
//! so only someone who has unlocked the vault can find its records, and nothing in the file says
//! which vault, entry or position a row belongs to. (The id is the table's integer key rather than
//! a blob key of a `WITHOUT ROWID` table: there SQLite reads a whole overflowing row, such as a
//! 20 MB screenshot, every time a search compares a key with it.) The locator key is derived from a per-vault secret that lives in the
//! key slots beside the vault key, so ids stay the same when the vault key is replaced.
//!
//! A blob is `nonce || AES-256-GCM(padded plaintext) || tag`, sealed either under the vault key or
//! under a content key kept in an entry's record, with the format, the kind and the id as associated data. The
//! plaintext is `length u32 · bytes · zeros`, padded with Padmé (at most about 12 % more) to at
//! least [`MIN_PADDED`] bytes, so a blob's length tells little about what it holds.

use super::crypto::{self, Key};
use super::store;
use super::{JournalError, FORMAT_VERSION};
use rusqlite::Connection;
use zeroize::Zeroizing;

/// What a sealed thing is; bound into its associated data and its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A key slot (sealed by the lifecycle under a passcode or biometric key, not a record).
    Slot = 1,
    /// The chain's head: link count and head hash.
    Head = 2,
    /// The safety plan.
    Plan = 3,
    /// A page of the list of current entries, by page number.
    Entries = 4,
    /// A vault's note of the duress vault below it (see `vaults`).
    Decoy = 5,
    /// One link of the chain, by index.
    Link = 6,
    /// One entry's record: its link indices and attachment ids with their content keys, by entry id.
    Entry = 7,
    /// Attachment bytes, by attachment id.
    Attachment = 8,
    /// A vault's entry in the anchor the key store keeps (not a record; see `anchor`).
    Anchor = 9,
}

/// The records a vault has exactly one of (every vault but the last has [`Kind::Decoy`]); all are
/// sealed under the vault key.
pub(super) const SINGLES: [Kind; 3] = [Kind::Head, Kind::Plan, Kind::Decoy];

/// The least padded plaintext, 1 KiB: a link carries about 320 bytes besides its text, so texts
/// up to a few hundred bytes all look the same.
pub(super) const MIN_PADDED: usize = 1024;
const LEN_BYTES: usize = 4;

/// Why a record could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lost {
    /// No record has that id.
    Missing,
    /// The record does not open (changed, damaged or moved) or is malformed.
    Damaged,
}

/// A read record: its plaintext, or why there is none.
pub(super) type Read = Result<Zeroizing<Vec<u8>>, Lost>;

/// The keys of one vault. Zeroized when dropped.
pub(super) struct Vault {
    key: Key,
    secret: Key,
    locator: Key,
}

/// The associated data of a sealed thing: format, kind and id.
pub(super) fn aad(kind: Kind, id: &[u8]) -> Vec<u8> {
    [b"baken-journal".as_slice(), &FORMAT_VERSION.to_be_bytes(), &[kind as u8], id].concat()
}

/// The Padmé length for `len` bytes, at least [`MIN_PADDED`]: the exponent's low bits are
/// rounded up, which costs at most about 12 %.
pub(super) fn padded_len(len: usize) -> usize {
    let len = len.max(MIN_PADDED);
    let exponent = len.ilog2();
    let dropped = exponent - (exponent.ilog2() + 1);
    let mask = (1usize << dropped) - 1;
    (len + mask) & !mask
}

/// Seals `bytes` as the record `id` of `kind`: `length · bytes · zeros`, padded to [`padded_len`].
fn seal(key: &Key, kind: Kind, id: &[u8], bytes: &[u8]) -> Result<Vec<u8>, JournalError> {
    let len = u32::try_from(bytes.len()).map_err(|_| JournalError::TooLarge { what: "a record".into(), limit: u32::MAX as usize })?;
    crypto::seal_padded(key, &aad(kind, id), &[&len.to_be_bytes(), bytes], padded_len(LEN_BYTES + bytes.len()))
}

/// Opens a record made by [`seal`]; `None` if it was changed, damaged or moved.
fn open(key: &Key, kind: Kind, id: &[u8], blob: Vec<u8>) -> Option<Zeroizing<Vec<u8>>> {
    crypto::open_owned(key, &aad(kind, id), blob).and_then(unpad)
}

fn unpad(mut padded: Zeroizing<Vec<u8>>) -> Option<Zeroizing<Vec<u8>>> {
    let len = usize::try_from(u32::from_be_bytes(padded.get(..LEN_BYTES)?.try_into().ok()?)).ok()?;
    if len > padded.len() - LEN_BYTES {
        return None;
    }
    padded.truncate(LEN_BYTES + len);
    padded.drain(..LEN_BYTES);
    Some(padded)
}

impl Vault {
    /// A new vault with a random key and secret.
    pub fn random() -> Result<Vault, JournalError> {
        Vault::from_keys(Key::random()?, Key::random()?)
    }

    /// The vault of a key and a secret, as kept in a key slot.
    pub fn from_keys(key: Key, secret: Key) -> Result<Vault, JournalError> {
        let locator = crypto::derive_key(&secret, b"record locator")?;
        Ok(Vault { key, secret, locator })
    }

    /// The vault kept as [`Vault::to_bytes`]: key and secret.
    pub fn from_bytes(bytes: &[u8]) -> Option<Vault> {
        let (key, secret) = bytes.split_at_checked(crypto::KEY_LEN)?;
        Vault::from_keys(Key::from_slice(key)?, Key::from_slice(secret)?).ok()
    }

    /// The vault key and the secret, to keep in a key slot or record.
    pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
        Zeroizing::new([self.key.expose().as_slice(), self.secret.expose()].concat())
    }

    /// The same vault (same secret, so the same record ids) under a new random key.
    pub fn rekeyed(&self) -> Result<Vault, JournalError> {
        let copy = |key: &Key| Key::from_slice(key.expose()).ok_or(JournalError::Crypto);
        Ok(Vault { key: Key::random()?, secret: copy(&self.secret)?, locator: copy(&self.locator)? })
    }

    /// The vault key, which seals the vault's own records and the records of deleted entries.
    pub fn key(&self) -> &Key {
        &self.key
    }

    /// The keyed name of a thing of the vault under its locator key; a record's id is its
    /// first 8 bytes.
    pub fn name(&self, kind: Kind, logical: &[u8]) -> crypto::Hash {
        crypto::hmac_sha256(&self.locator, &[&[kind as u8], logical])
    }

    /// The id of a record.
    pub fn id(&self, kind: Kind, logical: &[u8]) -> i64 {
        let mac = self.name(kind, logical);
        i64::from_be_bytes([mac[0], mac[1], mac[2], mac[3], mac[4], mac[5], mac[6], mac[7]])
    }

    /// A key for one purpose, derived from the vault's secret: the same after a passcode change.
    pub fn derived(&self, label: &[u8]) -> Result<Key, JournalError> {
        crypto::derive_key(&self.secret, label)
    }

    /// Reads a record sealed under `key`.
    pub fn get(&self, conn: &Connection, key: &Key, kind: Kind, logical: &[u8]) -> Result<Read, JournalError> {
        let id = self.id(kind, logical);
        Ok(match store::record(conn, id)? {
            None => Err(Lost::Missing),
            Some(blob) => open(key, kind, &id.to_be_bytes(), blob).ok_or(Lost::Damaged),
        })
    }

    /// One of the vault's single records, under the vault key; `Tampered(what)` when it is
    /// missing or damaged.
    pub fn single(&self, conn: &Connection, kind: Kind, what: &str) -> Result<Zeroizing<Vec<u8>>, JournalError> {
        self.get(conn, &self.key, kind, &[])?.map_err(|_| JournalError::Tampered(what.to_string()))
    }

    /// Pads, seals under `key` and stores a record, replacing one with the same id.
    pub fn put(&self, conn: &Connection, key: &Key, kind: Kind, logical: &[u8], plaintext: &[u8]) -> Result<(), JournalError> {
        let id = self.id(kind, logical);
        store::put_record(conn, id, &seal(key, kind, &id.to_be_bytes(), plaintext)?)
    }

    /// Deletes a record, if it exists.
    pub fn delete(&self, conn: &Connection, kind: Kind, logical: &[u8]) -> Result<(), JournalError> {
        store::delete_record(conn, self.id(kind, logical))
    }

    /// Whether a record exists.
    pub fn exists(&self, conn: &Connection, kind: Kind, logical: &[u8]) -> Result<bool, JournalError> {
        store::has_record(conn, self.id(kind, logical))
    }

    /// Seals a record of this vault again under the key of `new` (the same vault, rekeyed); a
    /// missing or damaged record is left as it is.
    pub fn reseal(&self, conn: &Connection, new: &Vault, kind: Kind, logical: &[u8]) -> Result<(), JournalError> {
        match self.get(conn, &self.key, kind, logical)? {
            Ok(plaintext) => new.put(conn, &new.key, kind, logical, &plaintext),
            Err(_) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padme_costs_at_most_12_percent_and_starts_at_the_minimum() {
        assert_eq!(padded_len(1), MIN_PADDED);
        assert_eq!(padded_len(MIN_PADDED), MIN_PADDED);
        for len in (MIN_PADDED..5_000_000).step_by(997) {
            let padded = padded_len(len);
            assert!(padded >= len && (padded - len) as f64 <= len as f64 * 0.12, "{len} -> {padded}");
            assert_eq!(padded_len(padded), padded, "a padded length is its own class");
        }
        // 1000 has a 10-bit length, of which Padmé keeps the top 4 bits (and rounds up).
        assert_eq!(padded_len(1000), 1024);
        assert_eq!(padded_len(1100), 1152);
    }

    #[test]
    fn padded_records_round_trip() {
        let key = Key::random().unwrap();
        for bytes in [&b""[..], b"x", &[7u8; 1500]] {
            let blob = seal(&key, Kind::Link, b"id", bytes).unwrap();
            assert_eq!(blob.len(), padded_len(LEN_BYTES + bytes.len()) + crypto::SEAL_OVERHEAD);
            assert_eq!(open(&key, Kind::Link, b"id", blob.clone()).unwrap().as_slice(), bytes);
            assert!(open(&key, Kind::Entry, b"id", blob).is_none(), "the kind is bound");
        }
        assert!(unpad(Zeroizing::new(vec![0, 0, 2, 0, 1])).is_none(), "a length past the end is refused");
    }

    #[test]
    fn ids_depend_on_the_secret_kind_and_logical_key_not_on_the_vault_key() {
        let vault = Vault::random().unwrap();
        assert_ne!(vault.id(Kind::Link, &0u64.to_be_bytes()), vault.id(Kind::Link, &1u64.to_be_bytes()));
        assert_ne!(vault.id(Kind::Head, &[]), vault.id(Kind::Plan, &[]));
        assert_eq!(vault.rekeyed().unwrap().id(Kind::Head, &[]), vault.id(Kind::Head, &[]));
        assert_ne!(Vault::random().unwrap().id(Kind::Head, &[]), vault.id(Kind::Head, &[]));
    }
}
