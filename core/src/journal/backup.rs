//! The encrypted backup, for moving the journal to a new phone; written only when the user asks.
//!
//! Format (version 2), all numbers big-endian. The header is `"BAKENJB\n"` · version `u32` ·
//! PBKDF2-HMAC-SHA256 iterations `u32` · salt (16 bytes) · key check (28 bytes: the seal of
//! nothing with the 32 bytes before it as associated data, so a wrong passphrase is told apart
//! from a damaged file). Then come chunks of [`CHUNK_BYTES`] of plaintext (the last one at most
//! that, possibly empty), each sealed with AES-256-GCM (`nonce || ciphertext || tag`) under the
//! key derived from the backup passphrase, with `header · chunk index u64 · final u8` (1 for the
//! last chunk) as associated data, as in age's STREAM: a changed header and a cut, reordered,
//! dropped or appended chunk all fail to open. The plaintext is a list of frames
//! `kind u8 · length u32 · bytes`, in this order: the chain's links (as stored, so the seal stays
//! the same); for each attachment of a current entry either its bytes (`id · entry id · bytes`)
//! or, when it could not be read, a damaged marker (`id · entry id · sha256`); the safety plan,
//! if one was saved. The key does not depend on the phone's key store, so the backup opens on a
//! new phone.
//!
//! Export and import keep one frame (at most one attachment) and one chunk in memory, never the
//! file. Import checks every entry as `add` would and the chain as the journal writes it, and
//! creates nothing if anything is wrong. An attachment marked damaged is not restored: the new
//! journal answers `NotFound` for it.

use super::chain::{self, Event, StoredLink};
use super::crypto::{self, Hash, Key};
use super::entries::{check_attachment, check_fields, parse_time, restore_attachment, restore_link};
use super::lifecycle::create_with;
use super::model::{AttachmentInfo, EntryContent};
use super::options::{Kdf, Options};
use super::records::Vault;
use super::safety_plan::{write_plan, SafetyPlan};
use super::session::Journal;
use super::store;
use super::{JournalError, MAX_ATTACHMENT_BYTES};
use rusqlite::Connection;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use zeroize::{Zeroize, Zeroizing};

const MAGIC: &[u8; 8] = b"BAKENJB\n";
/// The version of the backup format (the journal's own format is versioned apart).
pub const BACKUP_VERSION: u32 = 2;
const KEY_CHECK_AT: usize = 8 + 4 + 4 + 16;
const HEADER_LEN: usize = KEY_CHECK_AT + 12 + 16;
/// Plaintext bytes per chunk.
pub const CHUNK_BYTES: usize = 64 * 1024;
const SEALED_CHUNK: usize = 12 + CHUNK_BYTES + 16;
/// The largest frame: an attachment of [`MAX_ATTACHMENT_BYTES`] with its two ids. A link with the
/// longest text, escaped, is smaller.
const MAX_FRAME_BYTES: usize = 32 + MAX_ATTACHMENT_BYTES;
/// The largest backup file, 4 GiB: the journal has no limit on the number of entries, so this is
/// a choice, not a sum; it holds about 200 attachments of [`MAX_ATTACHMENT_BYTES`], far more than
/// a phone's journal. Import refuses a larger file before reading it; export refuses to write one.
pub const MAX_BACKUP_BYTES: u64 = 4 << 30;
/// The most iterations a backup header may ask for: about 8 times the standard cost, so a crafted
/// header cannot keep the phone busy for long.
const MAX_ITERATIONS: u32 = 5_000_000;
const MIN_PASSPHRASE_CHARS: usize = 8;
const LINK: u8 = 1;
const ATTACHMENT: u8 = 2;
const DAMAGED: u8 = 3;
const PLAN: u8 = 4;

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSummary {
    /// Current entries (with their whole history).
    pub entries: usize,
    /// Attachments written.
    pub attachments: usize,
    /// Ids of attachments that could not be read (changed, damaged or missing); the backup marks
    /// them and a journal restored from it has the entry without them.
    pub damaged: Vec<String>,
}

fn bad(reason: impl Into<String>) -> JournalError {
    JournalError::BadBackup(reason.into())
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> JournalError {
    JournalError::io(path.display().to_string())
}

fn too_large() -> JournalError {
    JournalError::TooLarge { what: "the backup".into(), limit: usize::try_from(MAX_BACKUP_BYTES).unwrap_or(usize::MAX) }
}

/// The big-endian `u32` at `at` (the caller checked the length).
fn be_u32(bytes: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

fn chunk_aad(header: &[u8; HEADER_LEN], index: u64, last: bool) -> Vec<u8> {
    [&header[..], &index.to_be_bytes(), &[u8::from(last)]].concat()
}

/// The backup key, after refusing an iteration count outside `[floor of kdf, MAX_ITERATIONS]`.
fn backup_key(passphrase: &str, header: &[u8; HEADER_LEN], kdf: Kdf) -> Result<Key, JournalError> {
    let iterations = be_u32(header, 12);
    if iterations > MAX_ITERATIONS {
        return Err(bad(format!("{iterations} iterations is more than any Baken backup uses")));
    }
    crypto::passcode_key(passphrase, &header[16..KEY_CHECK_AT], kdf.check(iterations)?, None)
}

/// Seals plaintext into chunks as it comes.
struct ChunkWriter<'a> {
    file: File,
    path: &'a Path,
    key: Key,
    header: [u8; HEADER_LEN],
    index: u64,
    plain: Zeroizing<Vec<u8>>,
    written: u64,
}

impl ChunkWriter<'_> {
    fn write(&mut self, mut bytes: &[u8]) -> Result<(), JournalError> {
        while !bytes.is_empty() {
            if self.plain.len() == CHUNK_BYTES {
                self.seal(false)?;
            }
            let (now, rest) = bytes.split_at(bytes.len().min(CHUNK_BYTES - self.plain.len()));
            self.plain.extend_from_slice(now);
            bytes = rest;
        }
        Ok(())
    }

    fn frame(&mut self, kind: u8, parts: &[&[u8]]) -> Result<(), JournalError> {
        let len: usize = parts.iter().map(|p| p.len()).sum();
        if len > MAX_FRAME_BYTES {
            return Err(JournalError::TooLarge { what: "a record of the backup".into(), limit: MAX_FRAME_BYTES });
        }
        self.write(&[kind])?;
        self.write(&(len as u32).to_be_bytes())?;
        parts.iter().try_for_each(|part| self.write(part))
    }

    fn seal(&mut self, last: bool) -> Result<(), JournalError> {
        let blob = crypto::seal(&self.key, &chunk_aad(&self.header, self.index, last), &self.plain)?;
        self.written += blob.len() as u64;
        if self.written > MAX_BACKUP_BYTES {
            return Err(too_large());
        }
        self.file.write_all(&blob).map_err(io(self.path))?;
        self.plain.zeroize();
        self.index += 1;
        Ok(())
    }

    fn finish(mut self) -> Result<(), JournalError> {
        self.seal(true)?;
        self.file.sync_all().map_err(io(self.path))
    }
}

/// A frame: its kind and bytes.
type Frame = (u8, Zeroizing<Vec<u8>>);

/// Opens chunks as they are needed and hands out frames.
struct ChunkReader {
    input: BufReader<std::io::Take<File>>,
    key: Key,
    header: [u8; HEADER_LEN],
    index: u64,
    plain: Zeroizing<Vec<u8>>,
    pos: usize,
    last: bool,
}

impl ChunkReader {
    /// Checks the file, its header and the passphrase, and opens the first chunk, all before
    /// anything is created.
    fn open(path: &Path, passphrase: &str, kdf: Kdf) -> Result<ChunkReader, JournalError> {
        let meta = std::fs::metadata(path).map_err(io(path))?;
        if !meta.is_file() {
            return Err(bad("it is not a regular file"));
        }
        if meta.len() > MAX_BACKUP_BYTES {
            return Err(too_large());
        }
        let mut input = BufReader::new(File::open(path).map_err(io(path))?.take(meta.len()));
        let mut header = [0u8; HEADER_LEN];
        input.read_exact(&mut header).map_err(|_| bad("the file is too short"))?;
        if &header[..8] != MAGIC {
            return Err(bad("the file does not start like a Baken backup"));
        }
        let version = be_u32(&header, 8);
        if version != BACKUP_VERSION {
            return Err(JournalError::UnsupportedVersion { found: version, supported: BACKUP_VERSION });
        }
        let key = backup_key(passphrase, &header, kdf)?;
        crypto::open(&key, &header[..KEY_CHECK_AT], &header[KEY_CHECK_AT..]).ok_or(JournalError::WrongPasscode)?;
        let mut reader = ChunkReader { input, key, header, index: 0, plain: Zeroizing::new(Vec::new()), pos: 0, last: false };
        reader.next_chunk()?;
        Ok(reader)
    }

    /// Opens the next chunk; it is the final one when the file ends with it.
    fn next_chunk(&mut self) -> Result<(), JournalError> {
        let mut sealed = Vec::with_capacity(SEALED_CHUNK);
        let io = JournalError::io("reading the backup");
        (&mut self.input).take(SEALED_CHUNK as u64).read_to_end(&mut sealed).map_err(&io)?;
        if sealed.len() < 12 + 16 {
            return Err(bad("the file is cut short"));
        }
        let last = sealed.len() < SEALED_CHUNK || self.input.fill_buf().map_err(&io)?.is_empty();
        self.plain = crypto::open(&self.key, &chunk_aad(&self.header, self.index, last), &sealed)
            .ok_or_else(|| bad(format!("chunk {} is damaged, missing or out of place (the file was cut, changed or reordered)", self.index)))?;
        (self.pos, self.last) = (0, last);
        self.index += 1;
        Ok(())
    }

    /// Whether the final chunk was read to its end.
    fn at_end(&mut self) -> Result<bool, JournalError> {
        while self.pos == self.plain.len() {
            if self.last {
                return Ok(true);
            }
            self.next_chunk()?;
        }
        Ok(false)
    }

    /// Appends the next `len` plaintext bytes to `out`.
    fn read_into(&mut self, out: &mut Vec<u8>, mut len: usize) -> Result<(), JournalError> {
        while len > 0 {
            if self.at_end()? {
                return Err(bad("the backup ends inside a record"));
            }
            let n = len.min(self.plain.len() - self.pos);
            out.extend_from_slice(&self.plain[self.pos..self.pos + n]);
            self.pos += n;
            len -= n;
        }
        Ok(())
    }

    fn next_frame(&mut self) -> Result<Option<Frame>, JournalError> {
        if self.at_end()? {
            return Ok(None);
        }
        let mut head = Vec::with_capacity(5);
        self.read_into(&mut head, 5)?;
        let len = be_u32(&head, 1) as usize;
        if len > MAX_FRAME_BYTES {
            return Err(bad(format!("a record of {len} bytes is larger than any Baken backup holds")));
        }
        let mut bytes = Zeroizing::new(Vec::with_capacity(len));
        self.read_into(&mut bytes, len)?;
        Ok(Some((head[0], bytes)))
    }
}

/// Lower-case hexadecimal of exactly `N` bytes, as the journal writes it.
fn lower_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    crypto::unhex(text).filter(|bytes| crypto::hex(bytes) == text)
}

/// An attachment listed by an entry.
struct Listed {
    id: [u8; 16],
    size: u64,
    sha256: Hash,
}

/// The attachments listed by current entries, by id, with their entry.
type Listing = HashMap<[u8; 16], ([u8; 16], Listed)>;

/// Checks an attachment listed by an entry as `add` checks a new one; ids in lower-case hex.
fn listed(info: &AttachmentInfo) -> Result<Listed, JournalError> {
    check_attachment(&info.media_type, info.size)?;
    let id = lower_hex(&info.id).ok_or_else(|| JournalError::InvalidInput(format!("'{}' is not an attachment id", info.id)))?;
    let sha256 = lower_hex(&info.sha256).ok_or_else(|| JournalError::InvalidInput(format!("'{}' is not a SHA-256", info.sha256)))?;
    Ok(Listed { id, size: info.size, sha256 })
}

/// Checks an entry's content as `add` checks a new entry; returns its attachments.
fn check_content(content: &EntryContent) -> Result<Vec<Listed>, JournalError> {
    check_fields(&content.happened_at, &content.text, content.contact.as_ref(), &content.tags)?;
    parse_time(&content.recorded_at)?;
    content.attachments.iter().map(listed).collect()
}

/// One entry while the chain is read.
#[derive(Default)]
struct EntryState {
    links: u32,
    redacted: bool,
    deleted: bool,
    attachments: Vec<Listed>,
}

/// The chain of a backup as it is read: each link must follow the one before and be stored as the
/// journal writes it, and each entry's revisions must count up from 1 (redacted ones included);
/// a tombstone, after at least one revision, ends an entry.
struct ChainCheck {
    head: Hash,
    count: u64,
    entries: HashMap<[u8; 16], EntryState>,
}

impl ChainCheck {
    fn add(&mut self, link: &StoredLink) -> Result<(), JournalError> {
        let at = self.count;
        let fail = |why: String| bad(format!("link {at}: {why}"));
        if link.index() != at || link.prev() != &self.head {
            return Err(fail("it is out of order or does not follow the link before".into()));
        }
        let entry = link.entry();
        let state = self.entries.entry(lower_hex(&entry).ok_or_else(|| fail(format!("'{entry}' is not an entry id")))?).or_default();
        if state.deleted {
            return Err(fail(format!("entry {entry} was already deleted")));
        }
        state.links = state.links.checked_add(1).ok_or_else(|| fail(format!("entry {entry} has too many revisions")))?;
        match link {
            StoredLink::Redacted { .. } => state.redacted = true,
            StoredLink::Full { content, canonical, .. } if serde_json::to_vec(content).ok().as_ref() != Some(canonical) => {
                return Err(fail("it is not in the journal's canonical form".into()));
            }
            StoredLink::Full { content, .. } if content.revision != state.links => {
                return Err(fail(format!("revision {} of entry {entry} where {} comes next", content.revision, state.links)));
            }
            StoredLink::Full { content, .. } => match &content.event {
                Event::Written(_) if state.redacted => return Err(fail(format!("entry {entry} is written after it was deleted"))),
                Event::Deleted { .. } if state.links == 1 => return Err(fail(format!("entry {entry} is deleted before it was written"))),
                Event::Written(written) => state.attachments = check_content(written).map_err(|e| fail(e.to_string()))?,
                Event::Deleted { deleted_at } => {
                    parse_time(deleted_at).map_err(|e| fail(e.to_string()))?;
                    state.deleted = true;
                    state.attachments.clear();
                }
            },
        }
        self.head = link.hash();
        self.count += 1;
        Ok(())
    }

    /// The attachments the current entries list, by id, with their entry; each id once.
    fn listed(self) -> Result<Listing, JournalError> {
        let mut out = HashMap::new();
        for (entry, state) in self.entries {
            if state.redacted && !state.deleted {
                return Err(bad(format!("entry {} has redacted revisions but was not deleted", crypto::hex(&entry))));
            }
            for listed in state.attachments {
                let id = listed.id;
                if out.insert(id, (entry, listed)).is_some() {
                    return Err(bad(format!("attachment {} is listed twice", crypto::hex(&id))));
                }
            }
        }
        Ok(out)
    }
}

/// Reads every frame of the backup into the new journal, checking each one.
fn restore(reader: &mut ChunkReader, tx: &Connection, vault: &Vault) -> Result<(), JournalError> {
    let mut chain = ChainCheck { head: chain::genesis(), count: 0, entries: HashMap::new() };
    let mut frame = reader.next_frame()?;
    while let Some((LINK, bytes)) = &frame {
        let link = StoredLink::decode(bytes).ok_or_else(|| bad(format!("link {} cannot be read", chain.count)))?;
        chain.add(&link)?;
        restore_link(tx, vault, &link)?;
        frame = reader.next_frame()?;
    }
    let mut listed = chain.listed()?;
    while let Some((kind @ (ATTACHMENT | DAMAGED), bytes)) = &frame {
        let id: [u8; 16] = bytes.get(..16).and_then(|b| b.try_into().ok()).ok_or_else(|| bad("an attachment record is cut short"))?;
        let rest = &bytes[16..];
        let (entry, expected) =
            listed.remove(&id).ok_or_else(|| bad(format!("attachment {} is not listed by a current entry, or given twice", crypto::hex(&id))))?;
        let matches = match (*kind, rest.split_at_checked(16)) {
            (ATTACHMENT, Some((e, content))) => e == entry && content.len() as u64 == expected.size && crypto::sha256(&[content]) == expected.sha256,
            (_, Some((e, sha256))) => e == entry && sha256 == expected.sha256,
            (_, None) => false,
        };
        if !matches {
            return Err(bad(format!("attachment {} does not match what its entry lists", crypto::hex(&id))));
        }
        if *kind == ATTACHMENT {
            restore_attachment(tx, vault, &entry, &id, &rest[16..])?;
        }
        frame = reader.next_frame()?;
    }
    if let Some(id) = listed.keys().next() {
        return Err(bad(format!("attachment {} is listed but not in the backup", crypto::hex(id))));
    }
    if let Some((PLAN, json)) = &frame {
        serde_json::from_slice::<SafetyPlan>(json).map_err(|_| bad("the safety plan cannot be read"))?;
        write_plan(tx, vault, json)?;
        frame = reader.next_frame()?;
    }
    match frame {
        None => Ok(()),
        Some((kind, _)) => Err(bad(format!("a record of kind {kind} where none is expected"))),
    }
}

impl Journal {
    /// Writes an encrypted backup of the unlocked journal to a new file at `path` (mode 0600),
    /// protected by `passphrase` (at least 8 characters), with [`MIN_ITERATIONS`](super::MIN_ITERATIONS)
    /// (fewer only for a test journal). Refuses to overwrite an existing file; removes what it
    /// wrote if it fails. An attachment that cannot be read does not stop it: it is marked in the
    /// backup and named in the summary. Its seal is remembered as the last one shared.
    pub fn export_backup(&self, path: &Path, passphrase: &str) -> Result<BackupSummary, JournalError> {
        if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(JournalError::InvalidInput(format!("a backup passphrase needs at least {MIN_PASSPHRASE_CHARS} characters")));
        }
        let links = self.links()?;
        let entries = self.entries()?.entries;
        let plan = self.safety_plan()?;
        let kdf = self.options().kdf;
        let mut header = [0u8; HEADER_LEN];
        header[..8].copy_from_slice(MAGIC);
        header[8..12].copy_from_slice(&BACKUP_VERSION.to_be_bytes());
        header[12..16].copy_from_slice(&kdf.iterations().to_be_bytes());
        crypto::fill_random(&mut header[16..KEY_CHECK_AT])?;
        let key = backup_key(passphrase, &header, kdf)?;
        let key_check = crypto::seal(&key, &header[..KEY_CHECK_AT], &[])?;
        header[KEY_CHECK_AT..].copy_from_slice(&key_check);
        let mut file = store::create_private_file(path)?;
        let result = file.write_all(&header).map_err(io(path)).and_then(|()| {
            let mut out = ChunkWriter { file, path, key, header, index: 0, plain: Zeroizing::new(Vec::with_capacity(CHUNK_BYTES)), written: HEADER_LEN as u64 };
            let mut summary = BackupSummary { entries: entries.len(), attachments: 0, damaged: Vec::new() };
            for (index, link) in links.into_iter().enumerate() {
                let link = link.ok_or_else(|| JournalError::Tampered(format!("link {index} of the chain")))?;
                out.frame(LINK, &[&link.encode()])?;
            }
            for entry in &entries {
                let entry_id = crypto::unhex::<16>(&entry.id).ok_or_else(|| JournalError::Tampered(format!("entry {}", entry.id)))?;
                for info in &entry.content.attachments {
                    let tampered = || JournalError::Tampered(format!("attachment {}", info.id));
                    let id = crypto::unhex::<16>(&info.id).ok_or_else(tampered)?;
                    match self.attachment_of(&entry.id, &info.id) {
                        Ok(attachment) => {
                            out.frame(ATTACHMENT, &[&id, &entry_id, &attachment.bytes])?;
                            summary.attachments += 1;
                        }
                        Err(JournalError::Tampered(_) | JournalError::NotFound(_)) => {
                            out.frame(DAMAGED, &[&id, &entry_id, &crypto::unhex::<32>(&info.sha256).ok_or_else(tampered)?])?;
                            summary.damaged.push(info.id.clone());
                        }
                        Err(e) => return Err(e),
                    }
                }
            }
            if plan != SafetyPlan::default() {
                let json = Zeroizing::new(serde_json::to_vec(&plan).map_err(|e| JournalError::InvalidInput(e.to_string()))?);
                out.frame(PLAN, &[&json])?;
            }
            out.finish()?;
            Ok(summary)
        });
        if result.is_err() {
            drop(std::fs::remove_file(path));
        }
        let summary = result?;
        self.remember_shared_seal()?;
        Ok(summary)
    }

    /// Creates a new journal in `dir`, protected by `passcode`, from the backup file at `backup`.
    /// Never overwrites: if `dir` already holds a journal, fails with `AlreadyExists`. A wrong
    /// passphrase (found at the header), a file that is too large, damaged, cut, reordered or
    /// foreign, content that `add` would refuse, a chain that does not count up, an attachment
    /// that is missing, extra or does not match: each is a typed error and creates nothing.
    /// Attachments the backup marks damaged are not restored (`attachment` answers `NotFound`).
    pub fn import_backup(backup: &Path, passphrase: &str, dir: &Path, passcode: &str, options: Options) -> Result<Journal, JournalError> {
        if store::db_path(dir).exists() {
            return Err(JournalError::AlreadyExists(dir.display().to_string()));
        }
        let mut reader = ChunkReader::open(backup, passphrase, options.kdf)?;
        create_with(dir, passcode, options, |tx, vault| restore(&mut reader, tx, vault))
    }
}
