//! The encrypted backup, for moving the journal to a new phone; written only when the user asks.
//!
//! Format (version 1), all numbers big-endian:
//! `"BAKENJB\n"` · format `u32` · PBKDF2-HMAC-SHA256 iterations `u32` · salt (16 bytes) ·
//! body length `u64` · body. The body is AES-256-GCM (`nonce || ciphertext || tag`) under the
//! key derived from the backup passphrase, with the whole header as associated data. Its plaintext
//! is a list of frames `kind u8 · length u32 · bytes`: the chain's links in order (as stored, so
//! the seal stays the same), the attachments (`id · entry id · bytes`) and the safety plan.
//! The key does not depend on the phone's key store, so the backup opens on a new phone.

use super::chain::{self, StoredLink};
use super::crypto::{self, Key};
use super::entries::{append_stored, store_attachment};
use super::lifecycle::{create_with, Journal, Options};
use super::safety_plan::{write_plan, SafetyPlan};
use super::store;
use super::{JournalError, FORMAT_VERSION};
use std::io::Write;
use std::num::NonZeroU32;
use std::path::Path;
use zeroize::Zeroizing;

const MAGIC: &[u8; 8] = b"BAKENJB\n";
const HEADER_LEN: usize = 8 + 4 + 4 + 16 + 8;
const MAX_ITERATIONS: u32 = 10_000_000;
const MIN_PASSPHRASE_CHARS: usize = 8;
const LINK: u8 = 1;
const ATTACHMENT: u8 = 2;
const PLAN: u8 = 3;

fn frame(out: &mut Vec<u8>, kind: u8, parts: &[&[u8]]) -> Result<(), JournalError> {
    let len: usize = parts.iter().map(|p| p.len()).sum();
    out.push(kind);
    out.extend_from_slice(&u32::try_from(len).map_err(|_| JournalError::TooLarge { what: "a record".into(), limit: u32::MAX as usize })?.to_be_bytes());
    parts.iter().for_each(|p| out.extend_from_slice(p));
    Ok(())
}

fn frames(mut bytes: &[u8]) -> Option<Vec<(u8, &[u8])>> {
    let mut out = Vec::new();
    while let Some((&kind, rest)) = bytes.split_first() {
        let len = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        out.push((kind, rest.get(4..4 + len)?));
        bytes = &rest[4 + len..];
    }
    Some(out)
}

fn backup_key(passphrase: &str, salt: &[u8], iterations: NonZeroU32) -> Result<Key, JournalError> {
    crypto::passcode_key(passphrase, salt, iterations, None)
}

impl Journal {
    /// Writes an encrypted backup of the unlocked journal to a new file at `path`, protected by
    /// `passphrase` (at least 8 characters). Refuses to overwrite an existing file.
    pub fn export_backup(&self, path: &Path, passphrase: &str) -> Result<(), JournalError> {
        if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(JournalError::InvalidInput(format!("a backup passphrase needs at least {MIN_PASSPHRASE_CHARS} characters")));
        }
        let iterations = self.options().kdf.iterations();
        let mut payload = Zeroizing::new(Vec::new());
        for (index, link) in self.links()?.into_iter().enumerate() {
            let link = link.ok_or_else(|| JournalError::Tampered(format!("link {index} of the chain")))?;
            frame(&mut payload, LINK, &[&link.encode()])?;
        }
        for entry in self.entries()?.entries {
            let entry_id = crypto::unhex::<16>(&entry.id).ok_or_else(|| JournalError::Tampered(format!("entry {}", entry.id)))?;
            for info in &entry.content.attachments {
                let attachment = self.attachment(&info.id)?;
                let id = crypto::unhex::<16>(&info.id).ok_or_else(|| JournalError::Tampered(format!("attachment {}", info.id)))?;
                frame(&mut payload, ATTACHMENT, &[&id, &entry_id, &attachment.bytes])?;
            }
        }
        let plan = self.safety_plan()?;
        if plan != SafetyPlan::default() {
            let json = Zeroizing::new(serde_json::to_vec(&plan).map_err(|e| JournalError::InvalidInput(e.to_string()))?);
            frame(&mut payload, PLAN, &[&json])?;
        }
        let salt = crypto::random_bytes::<16>()?;
        let key = backup_key(passphrase, &salt, self.options().kdf.check(iterations)?)?;
        let mut header = Vec::with_capacity(HEADER_LEN);
        header.extend_from_slice(MAGIC);
        header.extend_from_slice(&FORMAT_VERSION.to_be_bytes());
        header.extend_from_slice(&iterations.to_be_bytes());
        header.extend_from_slice(&salt);
        let body_len = payload.len() + 12 + 16;
        header.extend_from_slice(&(body_len as u64).to_be_bytes());
        let body = crypto::seal(&key, &header, &payload)?;
        let io = |e: std::io::Error| JournalError::Io(format!("{}: {e}", path.display()));
        let mut file = store::create_private_file(path)?;
        file.write_all(&header).and_then(|()| file.write_all(&body)).and_then(|()| file.sync_all()).map_err(io)
    }

    /// Creates a new journal in `dir`, protected by `passcode`, from the backup file at `backup`.
    /// Never overwrites: if `dir` already holds a journal, fails with `AlreadyExists`. A wrong
    /// passphrase, a damaged, cut or foreign file or a newer version is a typed error and creates nothing.
    pub fn import_backup(backup: &Path, passphrase: &str, dir: &Path, passcode: &str, options: Options) -> Result<Journal, JournalError> {
        if store::db_path(dir).exists() {
            return Err(JournalError::AlreadyExists(dir.display().to_string()));
        }
        let bytes = std::fs::read(backup).map_err(|e| JournalError::Io(format!("{}: {e}", backup.display())))?;
        let header = bytes.get(..HEADER_LEN).ok_or_else(|| JournalError::BadBackup("the file is too short".into()))?;
        if &header[..8] != MAGIC {
            return Err(JournalError::BadBackup("the file does not start like a Baken backup".into()));
        }
        let number = |range: std::ops::Range<usize>| header[range].iter().fold(0u64, |n, &b| n << 8 | u64::from(b));
        let version = number(8..12) as u32;
        if version != FORMAT_VERSION {
            return Err(JournalError::UnsupportedVersion { found: version, supported: FORMAT_VERSION });
        }
        let iterations = number(12..16) as u32;
        if iterations > MAX_ITERATIONS {
            return Err(JournalError::BadBackup(format!("{iterations} iterations is more than any Baken backup uses")));
        }
        let body = &bytes[HEADER_LEN..];
        if number(32..40) != body.len() as u64 {
            return Err(JournalError::BadBackup("the file is cut short or has extra bytes".into()));
        }
        let key = backup_key(passphrase, &header[16..32], options.kdf.check(iterations)?)?;
        let payload = crypto::open(&key, header, body).ok_or(JournalError::WrongPasscode)?;
        let damaged = || JournalError::Tampered("the backup's content".into());
        let frames = frames(&payload).ok_or_else(damaged)?;
        let mut links = Vec::new();
        let mut head = chain::genesis();
        for (kind, bytes) in &frames {
            if *kind == LINK {
                let link = StoredLink::decode(bytes).ok_or_else(damaged)?;
                if link.prev() != &head || link.index() != links.len() as u64 {
                    return Err(damaged());
                }
                head = link.hash();
                links.push(link);
            }
        }
        create_with(dir, passcode, options, |tx, session| {
            for link in &links {
                append_stored(tx, session, link)?;
            }
            for (kind, bytes) in &frames {
                match (*kind, bytes.get(..16).zip(bytes.get(16..32))) {
                    (ATTACHMENT, Some((id, entry))) => {
                        store_attachment(tx, session, entry, id.try_into().map_err(|_| damaged())?, &bytes[32..])?
                    }
                    (PLAN, _) => write_plan(tx, session, bytes)?,
                    (LINK, _) => {}
                    _ => return Err(damaged()),
                }
            }
            Ok(())
        })
    }
}
