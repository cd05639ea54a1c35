//! The integrity chain: every revision and tombstone is a link,
//! `link = SHA-256(previous link || SHA-256(canonical bytes))`, starting from [`genesis`].
//!
//! The canonical bytes of a link are the UTF-8 JSON of [`LinkContent`] exactly as stored. Hashing
//! them first lets a deleted entry keep its place: its old revisions are replaced by their content
//! hash only, and the chain still verifies. The head of the chain is shown as a short seal.
//!
//! Link `i` is the record of kind [`Kind::Link`] with logical key `i`, so the chain is read by
//! index from 0 to the count in the head record. A current entry's links are sealed under their
//! content keys; a deleted entry's links (redacted) and its tombstone under the vault key. The
//! caller says which key.

use super::crypto::{self, hex, Hash, Key};
use super::model::EntryContent;
use super::records::{Kind, Lost, Vault};
use super::JournalError;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

/// What one link records, in canonical form.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LinkContent {
    /// The position in the chain, from 0.
    pub index: u64,
    /// The entry id, hexadecimal.
    pub entry: String,
    /// The entry's revision number, from 1.
    pub revision: u32,
    /// What happened to the entry.
    pub event: Event,
}

/// What a link does to its entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// The entry as written at this revision.
    Written(EntryContent),
    /// The entry was deleted (a tombstone); `deleted_at` is RFC 3339.
    Deleted {
        /// When it was deleted.
        deleted_at: String,
    },
}

/// A link as stored inside a sealed revision record.
#[derive(Debug, Clone)]
#[expect(clippy::large_enum_variant, reason = "links are read one at a time and matched by pattern; a box would only add an allocation per link")]
pub enum StoredLink {
    /// The full content.
    Full {
        /// The previous link.
        prev: Hash,
        /// The canonical bytes.
        canonical: Vec<u8>,
        /// The same, parsed.
        content: LinkContent,
    },
    /// A revision of a deleted entry: only what keeps the chain checkable.
    Redacted {
        /// The previous link.
        prev: Hash,
        /// The SHA-256 of the canonical bytes that were deleted.
        content_hash: Hash,
        /// The position in the chain.
        index: u64,
        /// The entry id.
        entry: [u8; 16],
    },
}

const FULL: u8 = 1;
const REDACTED: u8 = 2;

impl StoredLink {
    /// A full link after `prev`.
    pub fn full(prev: Hash, content: LinkContent) -> Result<StoredLink, JournalError> {
        let canonical = serde_json::to_vec(&content).map_err(|e| JournalError::InvalidInput(e.to_string()))?;
        Ok(StoredLink::Full { prev, canonical, content })
    }

    /// The previous link.
    pub fn prev(&self) -> &Hash {
        match self {
            StoredLink::Full { prev, .. } | StoredLink::Redacted { prev, .. } => prev,
        }
    }

    /// The position in the chain.
    pub fn index(&self) -> u64 {
        match self {
            StoredLink::Full { content, .. } => content.index,
            StoredLink::Redacted { index, .. } => *index,
        }
    }

    /// The entry id, hexadecimal.
    pub fn entry(&self) -> String {
        match self {
            StoredLink::Full { content, .. } => content.entry.clone(),
            StoredLink::Redacted { entry, .. } => hex(entry),
        }
    }

    /// The SHA-256 of the canonical bytes.
    pub fn content_hash(&self) -> Hash {
        match self {
            StoredLink::Full { canonical, .. } => crypto::sha256(&[canonical]),
            StoredLink::Redacted { content_hash, .. } => *content_hash,
        }
    }

    /// This link's hash.
    pub fn hash(&self) -> Hash {
        link(self.prev(), &self.content_hash())
    }

    /// The same link with its content removed.
    pub fn redacted(&self) -> Option<StoredLink> {
        let entry = crypto::unhex::<16>(&self.entry())?;
        Some(StoredLink::Redacted { prev: *self.prev(), content_hash: self.content_hash(), index: self.index(), entry })
    }

    /// The stored bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        match self {
            StoredLink::Full { prev, canonical, .. } => {
                out.push(FULL);
                out.extend_from_slice(prev);
                out.extend_from_slice(canonical);
            }
            StoredLink::Redacted { prev, content_hash, index, entry } => {
                out.push(REDACTED);
                out.extend_from_slice(prev);
                out.extend_from_slice(content_hash);
                out.extend_from_slice(&index.to_be_bytes());
                out.extend_from_slice(entry);
            }
        }
        out
    }

    /// Parses stored bytes; `None` if they are malformed.
    pub fn decode(bytes: &[u8]) -> Option<StoredLink> {
        let (&tag, rest) = bytes.split_first()?;
        let prev: Hash = rest.get(..32)?.try_into().ok()?;
        let rest = &rest[32..];
        match tag {
            FULL => Some(StoredLink::Full { prev, canonical: rest.to_vec(), content: serde_json::from_slice(rest).ok()? }),
            REDACTED if rest.len() == 32 + 8 + 16 => Some(StoredLink::Redacted {
                prev,
                content_hash: rest[..32].try_into().ok()?,
                index: u64::from_be_bytes(rest[32..40].try_into().ok()?),
                entry: rest[40..].try_into().ok()?,
            }),
            _ => None,
        }
    }
}

/// The hash before the first link.
pub fn genesis() -> Hash {
    crypto::sha256(&[b"baken journal chain v1"])
}

/// The next link after `prev` for content with hash `content_hash`.
pub fn link(prev: &Hash, content_hash: &Hash) -> Hash {
    crypto::sha256(&[prev, content_hash])
}

/// The short form of a head hash that a teen can write down: its first 80 bits as five groups of
/// four upper-case hexadecimal digits, such as `3F9A-1C2B-77D0-A1B2-C3D4`.
pub fn seal_text(head: &Hash) -> String {
    let digits = hex(&head[..10]).to_uppercase();
    digits.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-")
}

/// A point of the chain: the number of links up to it and the hash there; its short form is a seal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Point {
    /// The links up to this point.
    pub links: u64,
    /// The hash after them ([`genesis`] for none).
    pub hash: Hash,
}

/// The bytes of an optional [`Point`]: `present u8 · links u64 · hash`.
pub(super) const POINT_BYTES: usize = 1 + 8 + 32;

impl Point {
    /// `present u8 · links u64 · hash`, zeros for none.
    pub fn encode(point: Option<&Point>) -> [u8; POINT_BYTES] {
        let mut out = [0u8; POINT_BYTES];
        if let Some(point) = point {
            out[0] = 1;
            out[1..9].copy_from_slice(&point.links.to_be_bytes());
            out[9..].copy_from_slice(&point.hash);
        }
        out
    }

    /// Parses [`Point::encode`]; `None` inside when absent, `None` outside when malformed.
    pub fn decode(bytes: &[u8]) -> Option<Option<Point>> {
        let bytes: &[u8; POINT_BYTES] = bytes.try_into().ok()?;
        let point = Point { links: u64::from_be_bytes(bytes[1..9].try_into().ok()?), hash: bytes[9..].try_into().ok()? };
        match bytes[0] {
            0 => Some(None),
            1 => Some(Some(point)),
            _ => None,
        }
    }
}

/// The head record of a vault: where its chain ends, how many writes the vault has committed
/// (its generation, which the phone's anchor remembers), and the last seal shared in an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Head {
    /// The end of the chain.
    pub end: Point,
    /// Committed writes to the vault since it was made.
    pub generation: u64,
    /// The head when the last report or backup was exported.
    pub shared: Option<Point>,
}

impl Head {
    /// `links u64 · hash · generation u64 · shared point`. A head of 40 bytes (links and hash
    /// only) is one written before generations: generation 0, nothing shared.
    fn encode(&self) -> Vec<u8> {
        [&self.end.links.to_be_bytes()[..], &self.end.hash, &self.generation.to_be_bytes(), &Point::encode(self.shared.as_ref())].concat()
    }

    fn decode(bytes: &[u8]) -> Option<Head> {
        let end = Point { links: u64::from_be_bytes(bytes.get(..8)?.try_into().ok()?), hash: bytes.get(8..40)?.try_into().ok()? };
        if bytes.len() == 40 {
            return Some(Head { end, generation: 0, shared: None });
        }
        let generation = u64::from_be_bytes(bytes.get(40..48)?.try_into().ok()?);
        Some(Head { end, generation, shared: Point::decode(bytes.get(48..)?)? })
    }
}

/// Writes an empty chain for a new vault.
pub(super) fn start(conn: &Connection, vault: &Vault) -> Result<(), JournalError> {
    set_head(conn, vault, &Head { end: Point { links: 0, hash: genesis() }, generation: 0, shared: None })
}

/// The head record of a vault.
pub(super) fn head(conn: &Connection, vault: &Vault) -> Result<Head, JournalError> {
    const WHAT: &str = "the chain's head record";
    Head::decode(&vault.single(conn, Kind::Head, WHAT)?).ok_or_else(|| JournalError::Tampered(WHAT.into()))
}

fn set_head(conn: &Connection, vault: &Vault, head: &Head) -> Result<(), JournalError> {
    vault.put(conn, vault.key(), Kind::Head, &[], &head.encode())
}

/// Counts one committed write of the vault in its head record (and, after an export, remembers
/// the end of the chain as the shared seal); returns the new head.
pub(super) fn count_write(conn: &Connection, vault: &Vault, shared: bool) -> Result<Head, JournalError> {
    let mut head = head(conn, vault)?;
    head.generation = head.generation.checked_add(1).ok_or_else(|| JournalError::Tampered("the chain's head record".into()))?;
    if shared {
        head.shared = Some(head.end);
    }
    set_head(conn, vault, &head)?;
    Ok(head)
}

/// Reads link `index`, sealed under `key`.
pub(super) fn read_link(conn: &Connection, vault: &Vault, key: &Key, index: u64) -> Result<Result<StoredLink, Lost>, JournalError> {
    Ok(vault.get(conn, key, Kind::Link, &index.to_be_bytes())?.and_then(|bytes| StoredLink::decode(&bytes).ok_or(Lost::Damaged)))
}

/// Stores `link` at its index, sealed under `key`, replacing what was there.
pub(super) fn write_link(conn: &Connection, vault: &Vault, key: &Key, link: &StoredLink) -> Result<(), JournalError> {
    vault.put(conn, key, Kind::Link, &link.index().to_be_bytes(), &link.encode())
}

/// Appends `link` (which names the next index), sealed under `key`, and moves the head to it;
/// returns its hash.
pub(super) fn append(conn: &Connection, vault: &Vault, key: &Key, link: &StoredLink) -> Result<Hash, JournalError> {
    write_link(conn, vault, key, link)?;
    let hash = link.hash();
    let head = head(conn, vault)?;
    set_head(conn, vault, &Head { end: Point { links: link.index() + 1, hash }, ..head })?;
    Ok(hash)
}

/// One link as the verifier gets it: the entry it belongs to when known, and the link.
pub(super) type ReadLink = (Option<String>, Result<StoredLink, Lost>);

/// The result of checking the whole chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verification {
    /// Whether nothing is wrong: no broken link, no damaged attachment, no rollback and the
    /// shared seal still in the chain.
    pub intact: bool,
    /// The number of links (revisions and tombstones) checked.
    pub links: u64,
    /// The stored head hash, hexadecimal.
    pub head: String,
    /// The stored head as a short seal.
    pub seal: String,
    /// The first broken link, if any; `None` means the chain is intact.
    pub broken: Option<BrokenLink>,
    /// Attachments of current entries that cannot be read or no longer match their hash.
    pub damaged_attachments: Vec<String>,
    /// What the phone remembers of a newer journal, when the file is older than that: an older
    /// copy of the journal, or of some of its records, was put back. Only with a key store.
    pub rolled_back: Option<Remembered>,
    /// The short seal of the last report or backup that was exported, when the chain no longer
    /// contains it.
    pub shared_seal_missing: Option<String>,
    /// Why the phone's record of the journal (the anchor in the key store) could not be read or
    /// written, so a rollback cannot be ruled out until it works again.
    pub anchor_problem: Option<String>,
}

/// The newest state of the journal the phone remembers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Remembered {
    /// The number of links (revisions and tombstones) the journal had.
    pub links: u64,
    /// Its seal then.
    pub seal: String,
}

impl Verification {
    /// Sets [`Verification::intact`] from the findings.
    pub(super) fn conclude(mut self) -> Verification {
        self.intact = self.broken.is_none() && self.damaged_attachments.is_empty() && self.rolled_back.is_none() && self.shared_seal_missing.is_none();
        self
    }
}

/// Where the chain breaks first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BrokenLink {
    /// The position of the first link that does not check out.
    pub index: u64,
    /// The entry it belongs to, hexadecimal, when known.
    pub entry: Option<String>,
    /// What is wrong, in plain words.
    pub reason: String,
}

/// Recomputes the chain of the unlocked vault and compares it with the stored head; `read` gives
/// link `index` with the right key. A link whose record cannot be found counts as missing. When
/// `shared` is given, reports it as missing unless the checked chain passes through it.
pub(super) fn verify(
    conn: &Connection,
    vault: &Vault,
    shared: Option<Point>,
    mut read: impl FnMut(u64) -> Result<ReadLink, JournalError>,
) -> Result<Verification, JournalError> {
    let broken = |index: u64, entry: Option<String>, reason: &str| Some(BrokenLink { index, entry, reason: reason.to_string() });
    let missing = shared.map(|point| seal_text(&point.hash));
    let mut verification = Verification {
        intact: false,
        links: 0,
        head: String::new(),
        seal: String::new(),
        broken: None,
        damaged_attachments: Vec::new(),
        rolled_back: None,
        shared_seal_missing: missing.clone(),
        anchor_problem: None,
    };
    let Point { links: count, hash: head } = match head(conn, vault) {
        Ok(head) => head.end,
        Err(JournalError::Tampered(_)) => {
            verification.broken = broken(0, None, "the record that holds the seal was changed or damaged");
            return Ok(verification.conclude());
        }
        Err(e) => return Err(e),
    };
    let passes = |links: u64, hash: &Hash| shared.is_some_and(|point| point == Point { links, hash: *hash });
    let mut prev = genesis();
    let mut found = passes(0, &prev);
    let mut first_broken = None;
    for index in 0..count {
        let (entry, link) = read(index)?;
        let entry = entry.or_else(|| link.as_ref().ok().map(StoredLink::entry));
        let problem = match link {
            Err(Lost::Missing) => Some("records are missing"),
            Err(Lost::Damaged) => Some("this record was changed, damaged or moved"),
            Ok(link) if link.index() != index => Some("this record is out of order"),
            Ok(link) if link.prev() != &prev => Some("this record does not follow the one before it"),
            Ok(link) => {
                prev = link.hash();
                found |= passes(index + 1, &prev);
                None
            }
        };
        if let Some(reason) = problem {
            first_broken = broken(index, entry, reason);
            break;
        }
    }
    if first_broken.is_none() && vault.exists(conn, Kind::Link, &count.to_be_bytes())? {
        first_broken = broken(count, None, "there are records the seal does not cover");
    } else if first_broken.is_none() && prev != head {
        first_broken = broken(count, None, "the chain does not end at the stored seal");
    }
    verification.shared_seal_missing = missing.filter(|_| !found);
    Ok(Verification { links: count, head: hex(&head), seal: seal_text(&head), broken: first_broken, ..verification }.conclude())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_links_round_trip_and_redaction_keeps_the_hash() {
        let content = LinkContent { index: 3, entry: hex(&[7; 16]), revision: 1, event: Event::Deleted { deleted_at: "2026-01-01T00:00:00+01:00".into() } };
        let full = StoredLink::full(genesis(), content).unwrap();
        let decoded = StoredLink::decode(&full.encode()).unwrap();
        assert_eq!(decoded.hash(), full.hash());
        let redacted = full.redacted().unwrap();
        assert_eq!(redacted.hash(), full.hash());
        assert_eq!(StoredLink::decode(&redacted.encode()).unwrap().hash(), full.hash());
        assert!(StoredLink::decode(&[9; 40]).is_none());
    }

    #[test]
    fn the_seal_is_five_groups_of_four() {
        let seal = seal_text(&genesis());
        assert_eq!(seal.len(), 24);
        assert_eq!(seal.split('-').count(), 5);
        assert!(seal.chars().all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_lowercase()));
    }
}
