//! The cryptography of the journal: AES-256-GCM seals, PBKDF2 passcode keys, HKDF mixing and
//! derivation, HMAC-SHA256, SHA-256.
//!
//! Raw key bytes live in [`Key`], which zeroizes itself when dropped; `ring` keys are built just in
//! time for one operation.

use super::JournalError;
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, MAX_TAG_LEN, NONCE_LEN};
use ring::rand::{SecureRandom, SystemRandom};
use ring::{digest, hkdf, hmac, pbkdf2};
use std::num::NonZeroU32;
use zeroize::Zeroizing;

/// Length of every key, in bytes (256 bits).
pub const KEY_LEN: usize = 32;

/// The bytes a seal adds to its plaintext: the nonce and the tag.
pub const SEAL_OVERHEAD: usize = NONCE_LEN + MAX_TAG_LEN;

/// A 256-bit secret key, wiped from memory when dropped. Not `Clone`: a key has one owner.
pub struct Key(Zeroizing<[u8; KEY_LEN]>);

impl Key {
    /// A fresh random key.
    pub fn random() -> Result<Key, JournalError> {
        let mut bytes = Zeroizing::new([0u8; KEY_LEN]);
        fill_random(bytes.as_mut())?;
        Ok(Key(bytes))
    }

    /// A key from exactly [`KEY_LEN`] bytes.
    pub fn from_slice(bytes: &[u8]) -> Option<Key> {
        let array: [u8; KEY_LEN] = bytes.try_into().ok()?;
        Some(Key(Zeroizing::new(array)))
    }

    /// The raw bytes, for wrapping this key under another.
    pub fn expose(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    fn aead(&self) -> Result<LessSafeKey, JournalError> {
        let unbound = UnboundKey::new(&AES_256_GCM, self.0.as_ref()).map_err(|_| JournalError::Crypto)?;
        Ok(LessSafeKey::new(unbound))
    }
}

/// Fills `out` from the operating system's secure random source.
pub fn fill_random(out: &mut [u8]) -> Result<(), JournalError> {
    SystemRandom::new().fill(out).map_err(|_| JournalError::Crypto)
}

/// `N` random bytes.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], JournalError> {
    let mut out = [0u8; N];
    fill_random(&mut out)?;
    Ok(out)
}

/// Encrypts `plaintext` under `key` with a fresh random nonce; the result is `nonce || ciphertext || tag`.
pub fn seal(key: &Key, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, JournalError> {
    seal_padded(key, aad, &[plaintext], plaintext.len())
}

/// Like [`seal`], for the concatenated `parts` followed by zeros up to `len` bytes. The plaintext
/// is built in the buffer that becomes the ciphertext, so it is never copied elsewhere.
pub fn seal_padded(key: &Key, aad: &[u8], parts: &[&[u8]], len: usize) -> Result<Vec<u8>, JournalError> {
    let aead = key.aead()?;
    let nonce_bytes = random_bytes::<NONCE_LEN>()?;
    let mut blob = Vec::with_capacity(NONCE_LEN + len.max(parts.iter().map(|p| p.len()).sum()) + SEAL_OVERHEAD);
    blob.extend_from_slice(&nonce_bytes);
    parts.iter().for_each(|part| blob.extend_from_slice(part));
    blob.resize(blob.len().max(NONCE_LEN + len), 0);
    let tag =
        aead.seal_in_place_separate_tag(Nonce::assume_unique_for_key(nonce_bytes), Aad::from(aad), &mut blob[NONCE_LEN..]).map_err(|_| JournalError::Crypto)?;
    blob.extend_from_slice(tag.as_ref());
    Ok(blob)
}

/// Decrypts a blob made by [`seal`] with the same key and associated data; `None` if anything differs.
pub fn open(key: &Key, aad: &[u8], blob: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    open_owned(key, aad, blob.to_vec())
}

/// [`open`] in the blob's own buffer, so a large record is never in memory twice.
pub fn open_owned(key: &Key, aad: &[u8], blob: Vec<u8>) -> Option<Zeroizing<Vec<u8>>> {
    let mut buffer = Zeroizing::new(blob);
    let nonce: [u8; NONCE_LEN] = buffer.get(..NONCE_LEN)?.try_into().ok()?;
    if buffer.len() < NONCE_LEN + AES_256_GCM.tag_len() {
        return None;
    }
    let len = key.aead().ok()?.open_in_place(Nonce::assume_unique_for_key(nonce), Aad::from(aad), &mut buffer[NONCE_LEN..]).ok()?.len();
    buffer.truncate(NONCE_LEN + len);
    buffer.drain(..NONCE_LEN);
    Some(buffer)
}

/// The key-encryption key for a passcode: PBKDF2-HMAC-SHA256, then, when the phone supplies a
/// device secret, HKDF-SHA256 over the result with that secret as salt (so copied files alone
/// cannot be brute-forced).
pub fn passcode_key(passcode: &str, salt: &[u8], iterations: NonZeroU32, device_secret: Option<&Key>) -> Result<Key, JournalError> {
    let mut stretched = Zeroizing::new([0u8; KEY_LEN]);
    pbkdf2::derive(pbkdf2::PBKDF2_HMAC_SHA256, iterations, salt, passcode.as_bytes(), stretched.as_mut());
    match device_secret {
        None => Ok(Key(stretched)),
        Some(secret) => {
            let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, secret.expose()).extract(stretched.as_ref());
            let mut mixed = Zeroizing::new([0u8; KEY_LEN]);
            prk.expand(&[b"baken journal passcode key"], hkdf::HKDF_SHA256).and_then(|okm| okm.fill(mixed.as_mut())).map_err(|_| JournalError::Crypto)?;
            Ok(Key(mixed))
        }
    }
}

/// A key derived from `secret` for one purpose, named by `label` (HKDF-SHA256).
pub fn derive_key(secret: &Key, label: &[u8]) -> Result<Key, JournalError> {
    let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, b"baken journal").extract(secret.expose());
    let mut derived = Zeroizing::new([0u8; KEY_LEN]);
    prk.expand(&[label], hkdf::HKDF_SHA256).and_then(|okm| okm.fill(derived.as_mut())).map_err(|_| JournalError::Crypto)?;
    Ok(Key(derived))
}

/// HMAC-SHA256 of the concatenated `parts` under `key`.
pub fn hmac_sha256(key: &Key, parts: &[&[u8]]) -> Hash {
    let mut context = hmac::Context::with_key(&hmac::Key::new(hmac::HMAC_SHA256, key.expose()));
    for part in parts {
        context.update(part);
    }
    let mut out = [0u8; 32];
    out.copy_from_slice(context.sign().as_ref());
    out
}

/// A SHA-256 digest.
pub type Hash = [u8; 32];

/// The SHA-256 of the concatenated `parts`.
pub fn sha256(parts: &[&[u8]]) -> Hash {
    let mut context = digest::Context::new(&digest::SHA256);
    for part in parts {
        context.update(part);
    }
    let mut out = [0u8; 32];
    out.copy_from_slice(context.finish().as_ref());
    out
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Parses lower- or upper-case hexadecimal of exactly `N` bytes.
pub fn unhex<const N: usize>(text: &str) -> Option<[u8; N]> {
    if text.len() != 2 * N || !text.is_ascii() {
        return None;
    }
    let mut out = [0u8; N];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_opens_only_with_the_same_key_and_associated_data() {
        let key = Key::random().unwrap();
        let blob = seal(&key, b"aad", b"secret").unwrap();
        assert_eq!(open(&key, b"aad", &blob).unwrap().as_slice(), b"secret");
        assert!(open(&key, b"other", &blob).is_none());
        assert!(open(&Key::random().unwrap(), b"aad", &blob).is_none());
        assert_ne!(seal(&key, b"aad", b"secret").unwrap(), blob, "every seal uses a fresh nonce");
        assert_eq!(blob.len(), b"secret".len() + SEAL_OVERHEAD);
    }

    #[test]
    fn pbkdf2_matches_the_rfc_7914_test_vector() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1, first 32 bytes.
        let key = passcode_key("passwd", b"salt", NonZeroU32::MIN, None).unwrap();
        assert_eq!(hex(key.expose()), "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
    }

    #[test]
    fn a_device_secret_changes_the_passcode_key() {
        let iterations = NonZeroU32::new(2).unwrap();
        let plain = passcode_key("1234", b"salt", iterations, None).unwrap();
        let mixed = passcode_key("1234", b"salt", iterations, Some(&Key::random().unwrap())).unwrap();
        assert_ne!(plain.expose(), mixed.expose());
    }

    #[test]
    fn hex_round_trips() {
        assert_eq!(unhex::<2>(&hex(&[0xab, 0x01])), Some([0xab, 0x01]));
        assert_eq!(unhex::<2>("zz01"), None);
    }
}
