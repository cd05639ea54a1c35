//! Entries and attachments: adding, editing (a new revision; history is kept), deleting (explicit,
//! leaving a tombstone), reading, and checking the chain.
//!
//! Each link and each attachment of a current entry is sealed under a content key of its own,
//! made when it is written. The keys live only in the entry's record ([`Kind::Entry`]: link
//! indices and attachment ids, each with its key), which is sealed under the vault key; the
//! vault's list of current entries ([`Kind::Entries`], in pages) names the records. So a
//! revision written after a passcode change has a key that no older copy of the file holds.
//! Deleting an entry deletes its record, and so its keys: its links are kept as redacted links
//! under the vault key, its attachments are deleted.

use super::chain::{self, BrokenLink, Event, LinkContent, Point, ReadLink, Remembered, StoredLink, Verification};
use super::crypto::{self, hex, unhex, Key};
use super::model::{Attachment, AttachmentInfo, Contact, DamagedEntry, Entry, EntryContent, EntryList, NewAttachment, NewEntry};
use super::records::{Kind, Lost, Vault, SINGLES};
use super::session::Journal;

/// Entries per page of the list of current entries: a full page still fits in a record of the
/// least padded size, so every page has the same size, whatever the number of entries.
const PAGE: u64 = 60;
use super::{JournalError, MAX_ATTACHMENT_BYTES, MAX_TEXT_BYTES};
use chrono::{DateTime, FixedOffset, SecondsFormat};
use rusqlite::Connection;
use std::collections::HashMap;
use zeroize::Zeroizing;

const MAX_TAGS: usize = 32;
const MAX_SHORT_TEXT: usize = 200;

fn check_short(what: &str, text: &str) -> Result<(), JournalError> {
    if text.trim().is_empty() {
        return Err(JournalError::InvalidInput(format!("{what} is empty")));
    }
    if text.len() > MAX_SHORT_TEXT {
        return Err(JournalError::TooLarge { what: what.to_string(), limit: MAX_SHORT_TEXT });
    }
    Ok(())
}

/// The checks every attachment passes, when added and when imported: a media type such as
/// `image/png`, and at most [`MAX_ATTACHMENT_BYTES`].
pub(super) fn check_attachment(media_type: &str, size: u64) -> Result<(), JournalError> {
    let token = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&b));
    if !matches!(media_type.split_once('/'), Some((kind, sub)) if media_type.len() <= 100 && token(kind) && token(sub)) {
        return Err(JournalError::InvalidInput(format!("'{media_type}' is not a media type such as image/png")));
    }
    if size > MAX_ATTACHMENT_BYTES as u64 {
        return Err(JournalError::TooLarge { what: "an attachment".into(), limit: MAX_ATTACHMENT_BYTES });
    }
    Ok(())
}

/// The checks every entry's fields pass, when written and when imported.
pub(super) fn check_fields(happened_at: &str, text: &str, contact: Option<&Contact>, tags: &[String]) -> Result<(), JournalError> {
    parse_time(happened_at)?;
    if text.len() > MAX_TEXT_BYTES {
        return Err(JournalError::TooLarge { what: "the text".into(), limit: MAX_TEXT_BYTES });
    }
    if let Some(contact) = contact {
        check_short("the contact's name", &contact.name)?;
        contact.platform.as_deref().map_or(Ok(()), |p| check_short("the platform", p))?;
    }
    if tags.len() > MAX_TAGS {
        return Err(JournalError::InvalidInput(format!("at most {MAX_TAGS} tags")));
    }
    tags.iter().try_for_each(|tag| check_short("a tag", tag))
}

/// Parses an RFC 3339 time with its offset.
pub fn parse_time(text: &str) -> Result<DateTime<FixedOffset>, JournalError> {
    DateTime::parse_from_rfc3339(text).map_err(|_| JournalError::InvalidInput(format!("'{text}' is not a time such as 2026-03-01T21:15:00+01:00")))
}

/// Now, on the phone's clock and in its time zone, RFC 3339.
fn now() -> String {
    chrono::Local::now().fixed_offset().to_rfc3339_opts(SecondsFormat::Secs, false)
}

impl NewEntry {
    fn validate(&self) -> Result<(), JournalError> {
        check_fields(&self.happened_at, &self.text, self.contact.as_ref(), &self.tags)?;
        self.attachments.iter().try_for_each(|a| check_attachment(&a.media_type, a.bytes.len() as u64))
    }

    fn into_content(self, earlier: Vec<AttachmentInfo>, new: Vec<AttachmentInfo>) -> EntryContent {
        let happened_at = parse_time(&self.happened_at).map_or(self.happened_at, |t| t.to_rfc3339_opts(SecondsFormat::Secs, false));
        EntryContent {
            kind: self.kind,
            happened_at,
            recorded_at: now(),
            contact: self.contact,
            text: self.text,
            signals: self.signals,
            level: self.level,
            tags: self.tags.into_iter().map(|t| t.trim().to_string()).collect(),
            attachments: earlier.into_iter().chain(new).collect(),
        }
    }
}

fn entry_id(id: &str) -> Result<[u8; 16], JournalError> {
    unhex(id).ok_or_else(|| JournalError::InvalidInput(format!("'{id}' is not an entry id")))
}

fn attachment_id(id: &str) -> Result<[u8; 16], JournalError> {
    unhex(id).ok_or_else(|| JournalError::InvalidInput(format!("'{id}' is not an attachment id")))
}

/// The revision after `revision`; a stored count at its limit is damage, not an overflow.
fn next_revision(id: &[u8], revision: u32) -> Result<u32, JournalError> {
    revision.checked_add(1).ok_or_else(|| damaged(id))
}

fn damaged(id: &[u8]) -> JournalError {
    JournalError::Tampered(format!("entry {}", hex(id)))
}

/// The record of a current entry, sealed under the vault key.
struct EntryRecord {
    id: [u8; 16],
    /// The indices of the entry's links, in chain order, each with its content key.
    links: Vec<(u64, Key)>,
    /// The ids of its attachments, each with its content key.
    attachments: Vec<([u8; 16], Key)>,
}

const LINK_ITEM: usize = 8 + crypto::KEY_LEN;
const ATTACHMENT_ITEM: usize = 16 + crypto::KEY_LEN;

impl EntryRecord {
    fn new(id: [u8; 16]) -> EntryRecord {
        EntryRecord { id, links: Vec::new(), attachments: Vec::new() }
    }

    /// `link count u32 · (index u64 · key)… · (attachment id · key)…`.
    fn encode(&self) -> Zeroizing<Vec<u8>> {
        let mut out = Zeroizing::new(Vec::with_capacity(4 + LINK_ITEM * self.links.len() + ATTACHMENT_ITEM * self.attachments.len()));
        out.extend_from_slice(&(self.links.len() as u32).to_be_bytes());
        for (index, key) in &self.links {
            out.extend_from_slice(&index.to_be_bytes());
            out.extend_from_slice(key.expose());
        }
        for (id, key) in &self.attachments {
            out.extend_from_slice(id);
            out.extend_from_slice(key.expose());
        }
        out
    }

    fn decode(id: [u8; 16], bytes: &[u8]) -> Option<EntryRecord> {
        let count = usize::try_from(u32::from_be_bytes(bytes.get(..4)?.try_into().ok()?)).ok()?;
        let (links, attachments) = bytes[4..].split_at_checked(count.checked_mul(LINK_ITEM)?)?;
        if attachments.len() % ATTACHMENT_ITEM != 0 {
            return None;
        }
        fn item<const N: usize>(item: &[u8]) -> Option<([u8; N], Key)> {
            let (name, key) = item.split_at_checked(N)?;
            Some((name.try_into().ok()?, Key::from_slice(key)?))
        }
        let links = links.chunks_exact(LINK_ITEM).map(|i| item::<8>(i).map(|(index, key)| (u64::from_be_bytes(index), key))).collect::<Option<_>>()?;
        let attachments = attachments.chunks_exact(ATTACHMENT_ITEM).map(item::<16>).collect::<Option<_>>()?;
        Some(EntryRecord { id, links, attachments })
    }

    /// The content key of attachment `id`, if the entry has it.
    fn attachment_key(&self, id: &[u8; 16]) -> Option<&Key> {
        self.attachments.iter().find(|(a, _)| a == id).map(|(_, key)| key)
    }

    fn load(conn: &Connection, vault: &Vault, id: &[u8; 16]) -> Result<Result<EntryRecord, Lost>, JournalError> {
        Ok(vault.get(conn, vault.key(), Kind::Entry, id)?.and_then(|bytes| EntryRecord::decode(*id, &bytes).ok_or(Lost::Damaged)))
    }

    /// The record of `id`, refusing an entry that does not exist (or was deleted) and a damaged one.
    fn find(conn: &Connection, vault: &Vault, id: &[u8; 16]) -> Result<EntryRecord, JournalError> {
        match EntryRecord::load(conn, vault, id)? {
            Ok(record) => Ok(record),
            Err(Lost::Missing) => Err(JournalError::NotFound(format!("entry {} (there is none, or it was deleted)", hex(id)))),
            Err(Lost::Damaged) => Err(damaged(id)),
        }
    }

    fn save(&self, conn: &Connection, vault: &Vault) -> Result<(), JournalError> {
        vault.put(conn, vault.key(), Kind::Entry, &self.id, &self.encode())
    }

    /// Appends a link of this entry to the chain, sealed under a new content key.
    fn append(&mut self, conn: &Connection, vault: &Vault, link: &StoredLink) -> Result<crypto::Hash, JournalError> {
        let key = Key::random()?;
        let hash = append_link(conn, vault, &key, link)?;
        self.links.push((link.index(), key));
        Ok(hash)
    }

    /// The entry's link with content key `key`; damaged if it names another entry.
    fn read_link(&self, conn: &Connection, vault: &Vault, (index, key): &(u64, Key)) -> Result<Result<StoredLink, Lost>, JournalError> {
        let link = chain::read_link(conn, vault, key, *index)?;
        Ok(link.and_then(|link| if link.entry() == hex(&self.id) { Ok(link) } else { Err(Lost::Damaged) }))
    }

    /// Every revision, oldest first. `Tampered` naming the entry when a link cannot be read or is
    /// not a written revision, and naming the order when the chain indices or the revision
    /// numbers do not go up, as `verify` demands of the chain.
    fn revisions(&self, conn: &Connection, vault: &Vault) -> Result<Vec<Entry>, JournalError> {
        let mut out: Vec<Entry> = Vec::with_capacity(self.links.len());
        let mut last_index = None;
        for item in &self.links {
            let link = self.read_link(conn, vault, item)?.map_err(|_| damaged(&self.id))?;
            let (index, hash) = (link.index(), hex(&link.hash()));
            let StoredLink::Full { content: LinkContent { entry, revision, event: Event::Written(content), .. }, .. } = link else {
                return Err(damaged(&self.id));
            };
            let backwards = last_index.is_some_and(|last| index <= last) || out.last().is_some_and(|last| revision <= last.revision);
            if index != item.0 || backwards {
                return Err(JournalError::Tampered(format!("the order of the revisions of entry {}", hex(&self.id))));
            }
            last_index = Some(index);
            out.push(Entry { id: entry, revision, hash, content });
        }
        if out.is_empty() {
            return Err(damaged(&self.id));
        }
        Ok(out)
    }

    /// The entry at its latest revision.
    fn current(&self, conn: &Connection, vault: &Vault) -> Result<Entry, JournalError> {
        self.revisions(conn, vault)?.pop().ok_or_else(|| damaged(&self.id))
    }

    /// Seals and stores attachment bytes under a new content key.
    fn store_attachment(&mut self, conn: &Connection, vault: &Vault, id: &[u8; 16], bytes: &[u8]) -> Result<(), JournalError> {
        let key = Key::random()?;
        vault.put(conn, &key, Kind::Attachment, id, bytes)?;
        self.attachments.push((*id, key));
        Ok(())
    }

    fn store_attachments(&mut self, conn: &Connection, vault: &Vault, attachments: &[NewAttachment]) -> Result<Vec<AttachmentInfo>, JournalError> {
        attachments
            .iter()
            .map(|a| {
                let id = crypto::random_bytes::<16>()?;
                self.store_attachment(conn, vault, &id, &a.bytes)?;
                Ok(AttachmentInfo { id: hex(&id), media_type: a.media_type.clone(), size: a.bytes.len() as u64, sha256: hex(&crypto::sha256(&[&a.bytes])) })
            })
            .collect()
    }

    /// Appends a written revision, saves the record and returns the entry it makes.
    fn write(&mut self, conn: &Connection, vault: &Vault, revision: u32, content: EntryContent) -> Result<Entry, JournalError> {
        let link = next_link(conn, vault, &self.id, revision, Event::Written(content.clone()))?;
        let hash = self.append(conn, vault, &link)?;
        self.save(conn, vault)?;
        Ok(Entry { id: hex(&self.id), revision, hash: hex(&hash), content })
    }

    /// One of its attachments, checked against the hash its entry lists.
    fn attachment(&self, conn: &Connection, vault: &Vault, id: &[u8; 16]) -> Result<Attachment, JournalError> {
        let hex_id = hex(id);
        let tampered = || JournalError::Tampered(format!("attachment {hex_id}"));
        let key = self.attachment_key(id).ok_or_else(|| JournalError::NotFound(format!("attachment {hex_id}")))?;
        let info = self.current(conn, vault)?.content.attachments.into_iter().find(|a| a.id == hex_id).ok_or_else(tampered)?;
        let mut bytes = match vault.get(conn, key, Kind::Attachment, id)? {
            Ok(bytes) => bytes,
            Err(Lost::Missing) => return Err(JournalError::NotFound(format!("attachment {hex_id}"))),
            Err(Lost::Damaged) => return Err(tampered()),
        };
        if hex(&crypto::sha256(&[&bytes])) != info.sha256 {
            return Err(tampered());
        }
        // Moved out, not copied: a 20 MB screenshot is in memory once.
        Ok(Attachment { info, bytes: std::mem::take(&mut *bytes) })
    }

    /// Deletes the entry: its links are redacted under the vault key, its attachments and its
    /// record (with the content keys) deleted, and `tombstone` appended under the vault key.
    fn remove(self, conn: &Connection, vault: &Vault, tombstone: &StoredLink) -> Result<(), JournalError> {
        for link in &self.links {
            let redacted = self.read_link(conn, vault, link)?.ok().and_then(|link| link.redacted()).ok_or_else(|| damaged(&self.id))?;
            chain::write_link(conn, vault, vault.key(), &redacted)?;
        }
        for (id, _) in &self.attachments {
            vault.delete(conn, Kind::Attachment, id)?;
        }
        vault.delete(conn, Kind::Entry, &self.id)?;
        let page = self.page()?;
        let rest: Vec<[u8; 16]> = read_page(conn, vault, page)?.into_iter().filter(|id| *id != self.id).collect();
        write_page(conn, vault, page, &rest)?;
        append_link(conn, vault, vault.key(), tombstone).map(drop)
    }

    /// The page of the list that names this entry: the one of its first link.
    fn page(&self) -> Result<u64, JournalError> {
        self.links.first().map(|(index, _)| index / PAGE).ok_or_else(|| damaged(&self.id))
    }

    /// Adds the entry, which has its first link, to the list.
    fn add_to_list(&self, conn: &Connection, vault: &Vault) -> Result<(), JournalError> {
        let page = self.page()?;
        let mut ids = read_page(conn, vault, page)?;
        ids.push(self.id);
        write_page(conn, vault, page, &ids)
    }
}

/// Page `page` of the list of current entries.
fn read_page(conn: &Connection, vault: &Vault, page: u64) -> Result<Vec<[u8; 16]>, JournalError> {
    let tampered = || JournalError::Tampered(format!("page {page} of the list of entries"));
    let bytes = vault.get(conn, vault.key(), Kind::Entries, &page.to_be_bytes())?.map_err(|_| tampered())?;
    let ids = bytes.chunks_exact(16).map(<[u8; 16]>::try_from).collect::<Result<Vec<_>, _>>();
    ids.ok().filter(|_| bytes.len() % 16 == 0).ok_or_else(tampered)
}

fn write_page(conn: &Connection, vault: &Vault, page: u64, ids: &[[u8; 16]]) -> Result<(), JournalError> {
    vault.put(conn, vault.key(), Kind::Entries, &page.to_be_bytes(), &ids.concat())
}

/// The ids of the current entries, in the order they were added. The list is kept in pages
/// ([`Kind::Entries`], by page number): page `p` names the current entries whose first link is
/// one of links `p · PAGE` to `p · PAGE + PAGE - 1`. Pages 0 to `links / PAGE` always exist, so
/// adding an entry rewrites one small page, and a missing page is damage.
fn list(conn: &Connection, vault: &Vault) -> Result<Vec<[u8; 16]>, JournalError> {
    let links = chain::head(conn, vault)?.end.links;
    let mut ids = Vec::new();
    for page in 0..=links / PAGE {
        ids.extend(read_page(conn, vault, page)?);
    }
    Ok(ids)
}

/// Appends a link to the chain, sealed under `key`; when it ends a page's range of links, the
/// next page of the list is started.
fn append_link(conn: &Connection, vault: &Vault, key: &Key, link: &StoredLink) -> Result<crypto::Hash, JournalError> {
    let hash = chain::append(conn, vault, key, link)?;
    let next = link.index() + 1;
    if next.is_multiple_of(PAGE) {
        write_page(conn, vault, next / PAGE, &[])?;
    }
    Ok(hash)
}

/// Writes the first, empty page of the list of entries for a new vault.
pub(super) fn start(conn: &Connection, vault: &Vault) -> Result<(), JournalError> {
    write_page(conn, vault, 0, &[])
}

/// The next link of the chain, for `entry`.
fn next_link(conn: &Connection, vault: &Vault, entry: &[u8; 16], revision: u32, event: Event) -> Result<StoredLink, JournalError> {
    let end = chain::head(conn, vault)?.end;
    StoredLink::full(end.hash, LinkContent { index: end.links, entry: hex(entry), revision, event })
}

/// The current entries: their ids, the records that can be read, and which record holds each
/// link (and where in its list).
struct Current {
    ids: Vec<[u8; 16]>,
    records: Vec<EntryRecord>,
    owner: HashMap<u64, (usize, usize)>,
}

impl Current {
    /// Loads them; a damaged list counts as no entries (their links then do not open).
    fn load(conn: &Connection, vault: &Vault) -> Result<Current, JournalError> {
        let ids = match list(conn, vault) {
            Err(JournalError::Tampered(_)) => Vec::new(),
            ids => ids?,
        };
        let mut records = Vec::with_capacity(ids.len());
        for id in &ids {
            if let Ok(record) = EntryRecord::load(conn, vault, id)? {
                records.push(record);
            }
        }
        let owner = records.iter().enumerate().flat_map(|(i, record)| record.links.iter().enumerate().map(move |(j, (index, _))| (*index, (i, j)))).collect();
        Ok(Current { ids, records, owner })
    }

    /// Link `index`, opened with its content key from the entry that holds it, or else with the
    /// vault key (a deleted entry's link).
    fn read_link(&self, conn: &Connection, vault: &Vault, index: u64) -> Result<ReadLink, JournalError> {
        let owned = self.owner.get(&index).and_then(|&(i, j)| self.records.get(i).map(|record| (record, &record.links[j])));
        match owned {
            Some((record, link)) => Ok((Some(hex(&record.id)), record.read_link(conn, vault, link)?)),
            None => Ok((None, chain::read_link(conn, vault, vault.key(), index)?)),
        }
    }
}

/// The number of link records, counted up to the first missing one (so also with a damaged head).
fn stored_links(conn: &Connection, vault: &Vault) -> Result<u64, JournalError> {
    let mut count = 0u64;
    while vault.exists(conn, Kind::Link, &count.to_be_bytes())? {
        count += 1;
    }
    Ok(count)
}

/// A record of a vault, found by [`records`].
pub(super) struct Found {
    /// Its kind.
    pub kind: Kind,
    /// Its logical key.
    pub logical: Vec<u8>,
    /// Whether it is sealed under the vault key (rather than a content key).
    pub under_vault_key: bool,
}

/// Every record of the vault that can be found: the single ones, the current entries' records,
/// links and attachments, and the deleted entries' links.
pub(super) fn records(conn: &Connection, vault: &Vault) -> Result<Vec<Found>, JournalError> {
    let current = Current::load(conn, vault)?;
    let found = |kind, logical: &[u8], under_vault_key| Found { kind, logical: logical.to_vec(), under_vault_key };
    let links = stored_links(conn, vault)?;
    let mut out: Vec<Found> = SINGLES.iter().map(|&kind| found(kind, &[], true)).collect();
    out.extend((0..=links / PAGE).map(|page| found(Kind::Entries, &page.to_be_bytes(), true)));
    out.extend(current.ids.iter().map(|id| found(Kind::Entry, id, true)));
    out.extend(current.records.iter().flat_map(|record| &record.attachments).map(|(id, _)| found(Kind::Attachment, id, false)));
    out.extend((0..links).map(|index| found(Kind::Link, &index.to_be_bytes(), !current.owner.contains_key(&index))));
    Ok(out)
}

/// Appends a link restored from a backup, which the caller checked to follow the chain: a written
/// revision under a new content key in its entry's record (a new entry gets a record), a
/// tombstone of a current entry deletes it as [`Journal::delete`] does, and a deleted entry's
/// links go under the vault key.
pub(super) fn restore_link(conn: &Connection, vault: &Vault, link: &StoredLink) -> Result<(), JournalError> {
    let id = unhex::<16>(&link.entry()).ok_or_else(|| JournalError::Tampered("a link's entry id".into()))?;
    let record = EntryRecord::load(conn, vault, &id)?;
    match (link, record) {
        (StoredLink::Full { content: LinkContent { event: Event::Written(_), .. }, .. }, record) => {
            let (mut record, new) = match record {
                Ok(record) => (record, false),
                Err(Lost::Missing) => (EntryRecord::new(id), true),
                Err(Lost::Damaged) => return Err(damaged(&id)),
            };
            record.append(conn, vault, link)?;
            record.save(conn, vault)?;
            if new {
                record.add_to_list(conn, vault)?;
            }
            Ok(())
        }
        (StoredLink::Full { .. }, Ok(record)) => record.remove(conn, vault, link),
        _ => append_link(conn, vault, vault.key(), link).map(drop),
    }
}

/// Stores attachment bytes restored from a backup for the current entry `entry`.
pub(super) fn restore_attachment(conn: &Connection, vault: &Vault, entry: &[u8; 16], id: &[u8; 16], bytes: &[u8]) -> Result<(), JournalError> {
    let mut record = EntryRecord::find(conn, vault, entry)?;
    record.store_attachment(conn, vault, id, bytes)?;
    record.save(conn, vault)
}

impl Journal {
    /// Writes a new entry; returns it as stored. The commit is durable when this returns.
    pub fn add(&self, new: NewEntry) -> Result<Entry, JournalError> {
        new.validate()?;
        self.commit(false, |tx, vault| {
            let mut record = EntryRecord::new(crypto::random_bytes()?);
            let attachments = record.store_attachments(tx, vault, &new.attachments)?;
            let entry = record.write(tx, vault, 1, new.into_content(Vec::new(), attachments))?;
            record.add_to_list(tx, vault)?;
            Ok(entry)
        })
    }

    /// Edits an entry: adds a revision with the new content; earlier attachments are kept and
    /// the new ones added; earlier revisions stay in the history.
    pub fn edit(&self, id: &str, new: NewEntry) -> Result<Entry, JournalError> {
        new.validate()?;
        let id = entry_id(id)?;
        self.commit(false, |tx, vault| {
            let mut record = EntryRecord::find(tx, vault, &id)?;
            let entry = record.current(tx, vault)?;
            let attachments = record.store_attachments(tx, vault, &new.attachments)?;
            record.write(tx, vault, next_revision(&id, entry.revision)?, new.into_content(entry.content.attachments, attachments))
        })
    }

    /// Deletes an entry: its revisions are reduced to their hashes, its attachments and its
    /// content keys erased, and a tombstone is added to the chain, which still verifies. The
    /// write-ahead log is then emptied, so no old page image of the entry stays in any file.
    pub fn delete(&self, id: &str) -> Result<(), JournalError> {
        let id = entry_id(id)?;
        self.commit(false, |tx, vault| {
            let record = EntryRecord::find(tx, vault, &id)?;
            let revision = record.current(tx, vault)?.revision;
            let tombstone = next_link(tx, vault, &id, next_revision(&id, revision)?, Event::Deleted { deleted_at: now() })?;
            record.remove(tx, vault, &tombstone)
        })?;
        self.with_vault(|store, _| store.checkpoint())
    }

    /// All current entries, ordered by when they happened; damaged ones are listed apart.
    pub fn entries(&self) -> Result<EntryList, JournalError> {
        self.with_vault(|store, vault| {
            store.read(|conn| {
                let mut list = EntryList { entries: Vec::new(), damaged: Vec::new() };
                for id in self::list(conn, vault)? {
                    let entry = match EntryRecord::load(conn, vault, &id)? {
                        Ok(record) => record.current(conn, vault),
                        Err(_) => Err(damaged(&id)),
                    };
                    match entry {
                        Ok(entry) => list.entries.push(entry),
                        Err(JournalError::Tampered(what)) => list.damaged.push(DamagedEntry { id: hex(&id), reason: format!("{what} was changed or damaged") }),
                        Err(e) => return Err(e),
                    }
                }
                list.entries.sort_by_cached_key(|e| parse_time(&e.content.happened_at).ok());
                Ok(list)
            })
        })
    }

    /// One entry at its latest revision; `Tampered` if any of its records was changed.
    pub fn entry(&self, id: &str) -> Result<Entry, JournalError> {
        let id = entry_id(id)?;
        self.with_vault(|store, vault| EntryRecord::find(store.conn(), vault, &id)?.current(store.conn(), vault))
    }

    /// Every revision of an entry, oldest first.
    pub fn history(&self, id: &str) -> Result<Vec<Entry>, JournalError> {
        let id = entry_id(id)?;
        self.with_vault(|store, vault| EntryRecord::find(store.conn(), vault, &id)?.revisions(store.conn(), vault))
    }

    /// An attachment with its bytes, found among the current entries; `Tampered` if they were
    /// changed.
    pub fn attachment(&self, id: &str) -> Result<Attachment, JournalError> {
        let id = attachment_id(id)?;
        self.with_vault(|store, vault| {
            let conn = store.conn();
            for entry in list(conn, vault)? {
                match EntryRecord::load(conn, vault, &entry)? {
                    Ok(record) if record.attachment_key(&id).is_some() => return record.attachment(conn, vault, &id),
                    _ => {}
                }
            }
            Err(JournalError::NotFound(format!("attachment {}", hex(&id))))
        })
    }

    /// An attachment of the entry `entry`, without searching the other entries (for the report,
    /// the backup and `verify`).
    pub(super) fn attachment_of(&self, entry: &str, id: &str) -> Result<Attachment, JournalError> {
        let (entry, id) = (entry_id(entry)?, attachment_id(id)?);
        self.with_vault(|store, vault| EntryRecord::find(store.conn(), vault, &entry)?.attachment(store.conn(), vault, &id))
    }

    /// Every link of the chain in order, for the report and the backup; `None` for a link whose
    /// record is missing, changed or damaged.
    pub(super) fn links(&self) -> Result<Vec<Option<StoredLink>>, JournalError> {
        self.with_vault(|store, vault| {
            store.read(|conn| {
                let current = Current::load(conn, vault)?;
                let count = chain::head(conn, vault)?.end.links;
                (0..count).map(|index| Ok(current.read_link(conn, vault, index)?.1.ok())).collect()
            })
        })
    }

    /// Recomputes the integrity chain and reports the first broken link, if any, and checks every
    /// attachment of the current entries against its hash. A damaged list of entries is reported
    /// as a break after the last link. With a key store, it also compares the journal with what
    /// the phone's anchor remembers: a journal older than that was rolled back, and the seal of
    /// the last export must still be in the chain.
    pub fn verify(&self) -> Result<Verification, JournalError> {
        let recall = self.recall()?;
        let mut verification = self.check_chain(recall.shared)?;
        verification.rolled_back = recall.lost.map(|lost| Remembered { links: lost.links, seal: chain::seal_text(&lost.hash) });
        verification.anchor_problem = recall.problem;
        let entries = match self.entries() {
            Err(JournalError::Tampered(what)) => {
                let reason = format!("{what} was changed or damaged");
                verification.broken.get_or_insert(BrokenLink { index: verification.links, entry: None, reason });
                Vec::new()
            }
            list => {
                let list = list?;
                if let Some(damaged) = list.damaged.first() {
                    let reason = format!("entry {}: {}", damaged.id, damaged.reason);
                    verification.broken.get_or_insert(BrokenLink { index: verification.links, entry: Some(damaged.id.clone()), reason });
                }
                list.entries
            }
        };
        for entry in entries {
            for info in &entry.content.attachments {
                match self.attachment_of(&entry.id, &info.id) {
                    Ok(_) => {}
                    Err(JournalError::Tampered(_) | JournalError::NotFound(_)) => verification.damaged_attachments.push(info.id.clone()),
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(verification.conclude())
    }

    /// Recomputes the integrity chain only (the report checks each attachment as it shows it).
    pub(super) fn verify_chain(&self) -> Result<Verification, JournalError> {
        self.check_chain(None)
    }

    /// Recomputes the integrity chain, looking for the `shared` seal in it.
    fn check_chain(&self, shared: Option<Point>) -> Result<Verification, JournalError> {
        self.with_vault(|store, vault| {
            store.read(|conn| {
                let current = Current::load(conn, vault)?;
                chain::verify(conn, vault, shared, |index| current.read_link(conn, vault, index))
            })
        })
    }

    /// Remembers the end of the chain as the seal that went out in an export (a report or a
    /// backup), in the head record and the anchor, so that `verify` can tell when it is gone.
    pub(super) fn remember_shared_seal(&self) -> Result<(), JournalError> {
        self.commit(true, |_, _| Ok(()))
    }

    /// The seal: the short form of the chain's head, to write down or send to a trusted adult.
    pub fn seal(&self) -> Result<String, JournalError> {
        self.with_vault(|store, vault| Ok(chain::seal_text(&chain::head(store.conn(), vault)?.end.hash)))
    }
}

#[cfg(all(test, feature = "insecure-test-kdf"))]
mod tests {
    use super::*;
    use crate::journal::{EntryKind, Kdf, Options};

    fn journal() -> (tempfile::TempDir, Journal, Entry) {
        let tmp = tempfile::tempdir().unwrap();
        let journal = Journal::create(&tmp.path().join("journal"), "correct horse 42", Options { kdf: Kdf::InsecureFastForTests, key_store: None }).unwrap();
        let entry = journal.add(note("first")).unwrap();
        journal.edit(&entry.id, note("second")).unwrap();
        (tmp, journal, entry)
    }

    fn note(text: &str) -> NewEntry {
        NewEntry {
            kind: EntryKind::Note,
            happened_at: "2026-03-01T21:15:00+01:00".into(),
            contact: None,
            text: text.into(),
            signals: vec![],
            level: None,
            tags: vec![],
            attachments: vec![],
        }
    }

    /// Changes the record of `entry` under the vault key, as only someone with the keys could.
    fn rewrite(journal: &Journal, entry: &Entry, change: impl FnOnce(&Connection, &Vault, &mut EntryRecord) -> Result<(), JournalError>) {
        let id = entry_id(&entry.id).unwrap();
        journal
            .with_vault(|store, vault| {
                store.write(|tx| {
                    let mut record = EntryRecord::find(tx, vault, &id)?;
                    change(tx, vault, &mut record)?;
                    record.save(tx, vault)
                })
            })
            .unwrap();
    }

    fn assert_refused_everywhere(journal: &Journal, entry: &Entry) {
        let out_of_order =
            |result: Result<(), JournalError>| matches!(result, Err(JournalError::Tampered(what)) if what.contains("order") && what.contains(&entry.id));
        assert!(out_of_order(journal.entry(&entry.id).map(drop)));
        assert!(out_of_order(journal.history(&entry.id).map(drop)));
        let list = journal.entries().unwrap();
        assert!(list.entries.is_empty() && list.damaged[0].reason.contains("order"), "{list:?}");
        let verification = journal.verify().unwrap();
        assert!(!verification.intact && verification.broken.is_some_and(|b| b.reason.contains("order")));
    }

    #[test]
    fn revisions_listed_against_the_chain_order_are_refused_on_every_read() {
        let (_tmp, journal, entry) = journal();
        rewrite(&journal, &entry, |_, _, record| {
            record.links.reverse();
            Ok(())
        });
        assert_refused_everywhere(&journal, &entry);
    }

    #[test]
    fn revision_numbers_that_do_not_go_up_are_refused_on_every_read() {
        let (_tmp, journal, entry) = journal();
        rewrite(&journal, &entry, |tx, vault, record| {
            let id = record.id;
            let link = next_link(tx, vault, &id, 1, Event::Written(record.current(tx, vault)?.content))?;
            record.append(tx, vault, &link).map(drop)
        });
        assert_refused_everywhere(&journal, &entry);
    }
}
